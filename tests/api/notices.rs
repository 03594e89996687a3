//! Saying what just happened, and who sees what (issue 13, item 11): a short success notice on
//! the page after an action (once: a reload does not show it again), and a private/shared mark
//! on every item of every list, hers and the professional's.

use crate::helpers::*;
use crate::pages::{csrf_of, logged_in, page, staff_logged_in, submit};
use reqwest::StatusCode;
use serde_json::json;

/// The success notice a page shows, if any.
fn notice(html: &str) -> Option<String> {
    let (_, rest) = html.split_once("class=\"notice success flash\" role=\"status\"")?;
    let text = rest.split("</div>").next()?;
    // The text after the pictogram.
    Some(
        text.rsplit("</svg>")
            .next()?
            .trim()
            .trim_end_matches("</p>")
            .trim()
            .to_owned(),
    )
}

#[tokio::test]
async fn each_action_is_confirmed_once_in_her_language() {
    let w = World::new().await;
    let t = &w.t;
    let doc = t
        .upload(&w.person, &w.bid, pdf("Bail"), "bail.pdf", Some("Bail"))
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let person = logged_in(t, &w.identifier, PERSON_PASSWORD).await;
    let here = format!("/documents/{doc}");
    let (_, _, html) = page(&person, t, &here).await;
    assert_eq!(notice(&html), None);
    let token = csrf_of(&html);

    // Shared with a relais, then with none.
    let (status, headers, _) = submit(
        &person,
        t,
        &format!("{here}/shares"),
        &[("_csrf", &token), ("sid", &w.s1)],
    )
    .await;
    assert_eq!(
        (status, headers["location"].to_str().unwrap()),
        (StatusCode::SEE_OTHER, here.as_str())
    );
    let (_, _, html) = page(&person, t, &here).await;
    assert_eq!(
        notice(&html).as_deref(),
        Some("C'est enregistré : les relais cochés le voient.")
    );
    let (_, _, html) = page(&person, t, &here).await;
    assert_eq!(
        notice(&html),
        None,
        "said once: a reload does not say it again"
    );
    submit(&person, t, &format!("{here}/shares"), &[("_csrf", &token)]).await;
    let (_, _, html) = page(&person, t, &here).await;
    assert_eq!(
        notice(&html).as_deref(),
        Some("C'est enregistré : c'est privé, vous seul le voyez.")
    );

    // Saved, in her language.
    let (status, ..) = submit(
        &person,
        t,
        "/language",
        &[("_csrf", &token), ("language", "ar")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    submit(
        &person,
        t,
        &format!("{here}/edit"),
        &[
            ("_csrf", &token),
            ("name", "Bail 2026"),
            ("folder_id", ""),
            ("expires_on", ""),
        ],
    )
    .await;
    let (_, _, html) = page(&person, t, &here).await;
    assert_eq!(notice(&html).as_deref(), Some("تم الحفظ."));
    submit(
        &person,
        t,
        "/language",
        &[("_csrf", &token), ("language", "fr")],
    )
    .await;

    // A contact added, changed, deleted.
    let (status, headers, _) = submit(
        &person,
        t,
        "/contacts",
        &[("_csrf", &token), ("name", "Assistante sociale")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let contact = headers["location"].to_str().unwrap().to_owned();
    let (_, _, html) = page(&person, t, &contact).await;
    assert_eq!(
        notice(&html).as_deref(),
        Some("C'est ajouté dans le coffre.")
    );
    submit(
        &person,
        t,
        &format!("{contact}/edit"),
        &[("_csrf", &token), ("name", "Mme Durand")],
    )
    .await;
    let (_, _, html) = page(&person, t, &contact).await;
    assert_eq!(notice(&html).as_deref(), Some("C'est enregistré."));
    submit(
        &person,
        t,
        &format!("{contact}/delete"),
        &[("_csrf", &token)],
    )
    .await;
    let (_, _, html) = page(&person, t, "/contacts").await;
    assert_eq!(notice(&html).as_deref(), Some("C'est supprimé."));

    // An invitation accepted.
    let r = t
        .post(
            &format!("/api/v1/structures/{}/invitations", w.s2),
            Some(&w.p2),
            json!({"identifier": w.identifier}),
        )
        .await;
    assert_eq!(r.status, StatusCode::ACCEPTED);
    let iid = t
        .get("/api/v1/me/invitations", Some(&w.person))
        .await
        .json()[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (status, headers, _) = submit(
        &person,
        t,
        &format!("/invitations/{iid}/accept"),
        &[("_csrf", &token)],
    )
    .await;
    assert_eq!(
        (status, headers["location"].to_str().unwrap()),
        (StatusCode::SEE_OTHER, "/relays")
    );
    let (_, _, html) = page(&person, t, "/relays").await;
    assert_eq!(
        notice(&html).as_deref(),
        Some("Invitation acceptée : ce relais vous accompagne maintenant.")
    );

    // Only the known notices are ever shown: a cookie saying anything else says nothing.
    let r = person
        .get(t.url(&here))
        .header("cookie", "consigne_notice=%3Cscript%3E")
        .send()
        .await
        .unwrap();
    let html = r.text().await.unwrap();
    assert_eq!(notice(&html), None);
    assert!(!html.contains("<script>") && !html.contains("%3Cscript"));
}

#[tokio::test]
async fn every_item_in_every_list_says_whether_it_is_private_or_shared() {
    let w = World::new().await;
    let t = &w.t;
    // One private and one shared item of each kind.
    let mut shared_ids = Vec::new();
    let private = t
        .upload(
            &w.person,
            &w.bid,
            pdf("Privé"),
            "a.pdf",
            Some("Journal intime"),
        )
        .await;
    assert_eq!(private.status, StatusCode::CREATED);
    let shared = t
        .upload(&w.person, &w.bid, pdf("Bail"), "b.pdf", Some("Bail"))
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    shared_ids.push(("documents", shared));
    for (kind, a, b) in [
        (
            "contacts",
            json!({"name": "Médecin"}),
            json!({"name": "Avocate"}),
        ),
        (
            "notes",
            json!({"title": "Codes", "body": "1234"}),
            json!({"title": "CAF", "body": "n° allocataire"}),
        ),
        (
            "events",
            json!({"title": "Dentiste", "starts_at": "2031-01-02T09:00:00Z"}),
            json!({"title": "Préfecture", "starts_at": "2031-01-03T09:00:00Z"}),
        ),
    ] {
        let path = format!("/api/v1/beneficiaries/{}/{kind}", w.bid);
        assert_eq!(
            t.post(&path, Some(&w.person), a).await.status,
            StatusCode::CREATED
        );
        let r = t.post(&path, Some(&w.person), b).await;
        shared_ids.push((kind, r.json()["id"].as_str().unwrap().to_owned()));
    }
    let person = logged_in(t, &w.identifier, PERSON_PASSWORD).await;
    let (_, _, html) = page(&person, t, "/documents").await;
    let token = csrf_of(&html);
    for (kind, id) in &shared_ids {
        let (status, ..) = submit(
            &person,
            t,
            &format!("/{kind}/{id}/shares"),
            &[("_csrf", &token), ("sid", &w.s1)],
        )
        .await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{kind}");
    }
    for list in ["/documents", "/contacts", "/notes", "/events"] {
        let (status, _, html) = page(&person, t, list).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            html.matches("class=\"mark private\"").count(),
            1,
            "{list}: {html}"
        );
        assert_eq!(html.matches("class=\"mark shared\"").count(), 1, "{list}");
        assert!(
            html.contains("Privé") && html.contains("Partagé avec 1 relais"),
            "{list}"
        );
    }
    // The professional's view of her file: what it sees is shared with its structure.
    let pro = staff_logged_in(t, &w.p1_login.0, &w.p1_login.1).await;
    let (_, _, html) = page(&pro, t, &format!("/pro/b/{}", w.bid)).await;
    assert_eq!(
        html.matches("Partagé avec votre structure").count(),
        4,
        "{html}"
    );
    assert!(!html.contains("Journal intime") && !html.contains("class=\"mark private\""));
}
