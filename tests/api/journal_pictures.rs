//! Her journal in pictures (issue 13, item 14): a pictogram per kind of event, the relais named
//! when she shares with it or stops, her own repeated views of one paper on one day on one line.

use crate::helpers::*;
use crate::pages::{logged_in, page, staff_logged_in};
use reqwest::StatusCode;

/// The lines of the journal page (each `<li>…</li>`), text and markup.
fn lines(html: &str) -> Vec<String> {
    let list = html
        .split("<ol class=\"journal\">")
        .nth(1)
        .unwrap()
        .split("</ol>")
        .next()
        .unwrap();
    list.split("<li")
        .skip(1)
        .map(|l| l.split("</li>").next().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn her_journal_shows_a_picture_per_event_names_the_relais_and_groups_her_views() {
    let w = World::new().await;
    let t = &w.t;
    let id = t
        .upload(&w.person, &w.bid, jpeg(40, 30), "p.jpg", Some("Passeport"))
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let her = logged_in(t, &w.identifier, PERSON_PASSWORD).await;
    // She looks at it five times today.
    for _ in 0..5 {
        let (status, _, _) = page(&her, t, &format!("/documents/{id}/view")).await;
        assert_eq!(status, StatusCode::OK);
    }
    // Shares it with her relais, which looks at it once; then stops sharing.
    let r = t
        .send_method(
            "PUT",
            &format!("/api/v1/documents/{id}/shares/{}", w.s1),
            Some(&w.person),
        )
        .await;
    assert!(r.status.is_success(), "{}", r.text);
    let pro = staff_logged_in(t, &w.p1_login.0, &w.p1_login.1).await;
    let (status, _, _) = page(&pro, t, &format!("/documents/{id}/view")).await;
    assert_eq!(status, StatusCode::OK);
    let r = t
        .send_method(
            "DELETE",
            &format!("/api/v1/documents/{id}/shares/{}", w.s1),
            Some(&w.person),
        )
        .await;
    assert!(r.status.is_success(), "{}", r.text);
    // And once more the next day (a new session: the other one timed out).
    t.clock.advance(86_400);
    let her = logged_in(t, &w.identifier, PERSON_PASSWORD).await;
    let (status, _, _) = page(&her, t, &format!("/documents/{id}/view")).await;
    assert_eq!(status, StatusCode::OK);

    let (status, _, html) = page(&her, t, "/journal").await;
    assert_eq!(status, StatusCode::OK);
    let lines = lines(&html);
    let with = |text: &str| -> Vec<&String> { lines.iter().filter(|l| l.contains(text)).collect() };
    // Today: one line for her five views, the newest place.
    assert_eq!(
        with("« Passeport » regardé 5 fois (vous).").len(),
        1,
        "{lines:#?}"
    );
    // The next day's view is a line of its own; the professional's view too.
    assert_eq!(with("« Passeport » regardé (vous).").len(), 1, "{lines:#?}");
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.contains("« Passeport » regardé (") && l.contains("(Accueil de jour))"))
            .count(),
        1,
        "{lines:#?}"
    );
    assert_eq!(
        lines.iter().filter(|l| l.contains("regardé")).count(),
        3,
        "seven views, three lines: {lines:#?}"
    );
    // The relais is named.
    assert_eq!(
        with("« Passeport » partagé avec Accueil de jour (vous).").len(),
        1,
        "{lines:#?}"
    );
    assert_eq!(
        with("« Passeport » n&#39;est plus partagé avec Accueil de jour (vous).").len()
            + with("« Passeport » n'est plus partagé avec Accueil de jour (vous).").len(),
        1,
        "{lines:#?}"
    );
    // A pictogram on every line, decorative (the words say it).
    for line in &lines {
        assert!(
            line.contains("class=\"journal-icon\"")
                && line.contains("<svg class=\"icon\"")
                && line.contains("aria-hidden=\"true\""),
            "{line}"
        );
    }
    // Different kinds of event, different pictograms: a view, a share, an upload.
    let picture = |l: &String| {
        l.split("<path d=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_owned()
    };
    let view = picture(with("regardé 5 fois")[0]);
    let share = picture(with("partagé avec Accueil")[0]);
    let added = picture(with("« Passeport » ajouté")[0]);
    assert!(view != share && share != added && view != added);
    assert_eq!(picture(with("regardé (vous)")[0]), view);

    // The API names the relais too.
    let person = t.login_ok(&w.identifier, PERSON_PASSWORD).await;
    let journal = t
        .get(
            &format!("/api/v1/beneficiaries/{}/journal", w.bid),
            Some(&person),
        )
        .await
        .json();
    let shared = journal
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "document_shared")
        .unwrap();
    assert_eq!(shared["relay"]["id"], w.s1.as_str());
    assert_eq!(shared["relay"]["name"], "Accueil de jour");
    // The chain still verifies, lines with a relais included.
    assert!(t.app.verify(false).await.unwrap().is_clean());
}
