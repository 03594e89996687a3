//! Lists by the page (issue 12): her documents and the people a structure follows come 50 at a
//! time with plain previous/next links; the professional's list reads the structure's
//! symmetric directory, kept in step with openings, invitations, departures and key
//! rotations; the home page's papers to renew come from the sealed expiry dates.

use crate::helpers::*;
use crate::pages::{logged_in, page, staff_logged_in};
use consigne::service::open_directory_entry;
use consigne::store::Sql;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// Her relais row's directory entry for `sid`: `None` without a row, `Some(None)` while the
/// entry is not written.
async fn entry(t: &TestApp, bid: &str, sid: &str) -> Option<Option<Vec<u8>>> {
    let (bid, sid) = (bid.to_owned(), sid.to_owned());
    t.app
        .db
        .transaction(move |tx: &mut dyn Sql| {
            tx.query_opt(
                "SELECT directory_entry FROM relays WHERE beneficiary_id = $1 AND structure_id = $2",
                &[bid.as_str().into(), sid.as_str().into()],
            )?
            .map(|r| r.opt_blob(0))
            .transpose()
        })
        .await
        .unwrap()
}

fn names(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|p| {
            format!(
                "{} {}",
                p["first_name"].as_str().unwrap(),
                p["last_name"].as_str().unwrap()
            )
        })
        .collect()
}

/// `GET path` with the API token; the status, the `Link` header and the body.
async fn listed(t: &TestApp, path: &str, token: &str) -> (StatusCode, String, Value) {
    let r = t.get(path, Some(token)).await;
    let link = r.header("link").unwrap_or_default();
    let body = if r.status == StatusCode::OK {
        r.json()
    } else {
        Value::Null
    };
    (r.status, link, body)
}

async fn upload_named(w: &World, name: &str) -> String {
    let r =
        w.t.upload(&w.person, &w.bid, pdf(name), "paper.pdf", Some(name))
            .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    r.json()["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn her_documents_come_fifty_at_a_time_with_links_and_a_bad_page_is_refused() {
    let w = World::new().await;
    let mut ids = Vec::new();
    for i in 0..52 {
        ids.push(upload_named(&w, &format!("Papier {i:02}")).await);
        w.t.clock.advance(1);
    }
    let base = format!("/api/v1/beneficiaries/{}/documents", w.bid);
    // Without `page`: the whole list, as the contract always gave it.
    let (status, link, all) = listed(&w.t, &base, &w.person).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(all.as_array().unwrap().len(), 52);
    assert!(link.is_empty(), "{link}");
    // Page 1: the 50 newest, a link to the next page and none to a previous one.
    let (status, link, first) = listed(&w.t, &format!("{base}?page=1"), &w.person).await;
    assert_eq!(status, StatusCode::OK);
    let first = first.as_array().unwrap().clone();
    assert_eq!(first.len(), 50);
    assert_eq!(first[0]["name"], "Papier 51");
    assert_eq!(first[49]["name"], "Papier 02");
    assert!(
        link.contains(&format!("<{base}?page=2>; rel=\"next\"")),
        "{link}"
    );
    assert!(!link.contains("prev"), "{link}");
    // Page 2: the next (and last) two, a link back.
    let (status, link, second) = listed(&w.t, &format!("{base}?page=2"), &w.person).await;
    assert_eq!(status, StatusCode::OK);
    let second: Vec<&str> = second
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    assert_eq!(second, ["Papier 01", "Papier 00"]);
    assert!(
        link.contains(&format!("<{base}?page=1>; rel=\"prev\"")),
        "{link}"
    );
    assert!(!link.contains("next"), "{link}");
    // Past the end: an empty page, not an error.
    let (status, _, third) = listed(&w.t, &format!("{base}?page=3"), &w.person).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(third, json!([]));
    // A page that is not one: 400 with the API's error, never a 500.
    for bad in ["0", "-1", "abc", "1.5", "100001", "99999999999999999999"] {
        let r =
            w.t.get(&format!("{base}?page={bad}"), Some(&w.person))
                .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "page={bad}: {}", r.text);
        assert_eq!(r.code(), "invalid_input");
    }

    // The same on her page, with links that work without JavaScript.
    let c = logged_in(&w.t, &w.identifier, PERSON_PASSWORD).await;
    let (status, _, html) = page(&c, &w.t, "/documents").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(html.matches("Papier ").count(), 50, "{html}");
    assert!(html.contains("Papier 51") && !html.contains("Papier 01"));
    assert!(html.contains("href=\"/documents?page=2\""), "{html}");
    assert!(!html.contains("rel=\"prev\""));
    let (status, _, html) = page(&c, &w.t, "/documents?page=2").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Papier 01") && html.contains("Papier 00"));
    assert_eq!(html.matches("Papier ").count(), 2);
    assert!(html.contains("href=\"/documents?page=1\""), "{html}");
    assert!(!html.contains("rel=\"next\""));
    for bad in ["0", "x", "100001"] {
        let (status, _, html) = page(&c, &w.t, &format!("/documents?page={bad}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "page={bad}");
        assert!(html.contains("Le numéro de page"), "{html}");
    }

    // Folders still navigate: a paper moved into one leaves the top list for the folder's.
    let r =
        w.t.post(
            &format!("/api/v1/beneficiaries/{}/folders", w.bid),
            Some(&w.person),
            json!({"name": "Santé"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let folder = r.json()["id"].as_str().unwrap().to_owned();
    let r =
        w.t.patch(
            &format!("/api/v1/documents/{}", ids[51]),
            &w.person,
            json!({"folder_id": folder}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let (_, _, html) = page(&c, &w.t, &format!("/documents?folder={folder}")).await;
    assert_eq!(html.matches("Papier ").count(), 1);
    assert!(html.contains("Papier 51"));
    assert!(!html.contains("rel=\"next\""));
    let (_, _, html) = page(&c, &w.t, "/documents").await;
    assert!(!html.contains("Papier 51") && html.contains("Papier 50"));
    let (_, _, html) = page(&c, &w.t, "/documents?page=2").await;
    assert_eq!(html.matches("Papier ").count(), 1);
    let (status, _, in_folder) = listed(
        &w.t,
        &format!("{base}?folder_id={folder}&page=1"),
        &w.person,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(in_folder.as_array().unwrap().len(), 1);

    // A professional's page reads only what is shared with her structure.
    for id in &ids[..3] {
        let r =
            w.t.send_method(
                "PUT",
                &format!("/api/v1/documents/{id}/shares/{}", w.s1),
                Some(&w.person),
            )
            .await;
        assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    }
    let (status, link, shared) = listed(&w.t, &format!("{base}?page=1"), &w.p1).await;
    assert_eq!(status, StatusCode::OK);
    let shared: Vec<&str> = shared
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    assert_eq!(shared, ["Papier 02", "Papier 01", "Papier 00"]);
    assert!(link.is_empty(), "{link}");
    let (status, _, none) = listed(&w.t, &format!("{base}?page=1"), &w.p2).await;
    assert_ne!(status, StatusCode::OK, "{none}");
}

#[tokio::test]
async fn the_professionals_list_comes_by_the_page_and_finds_a_person_by_name_or_birth_date() {
    let w = World::new().await;
    w.t.clock.advance(1);
    for i in 0..50 {
        w.t.open_safe(&w.p1, &w.s1, &format!("Anne{i:02}"), "Martin", "1990-01-02")
            .await;
        w.t.clock.advance(1);
    }
    let base = format!("/api/v1/structures/{}/beneficiaries", w.s1);
    let (status, _, all) = listed(&w.t, &base, &w.p1).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(all.as_array().unwrap().len(), 51);
    // Newest relais first: page 1 has the 50 opened last, page 2 the first person.
    let r = w.t.get(&format!("{base}?page=1"), Some(&w.p1)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("x-total-count").as_deref(), Some("51"));
    let first = names(&r.json());
    assert_eq!(first.len(), 50);
    assert_eq!(first[0], "Anne49 Martin");
    assert!(r.header("link").unwrap().contains("page=2>; rel=\"next\""));
    let (_, link, second) = listed(&w.t, &format!("{base}?page=2"), &w.p1).await;
    assert_eq!(names(&second), ["Zoé Lefèvre"]);
    assert!(link.contains("page=1>; rel=\"prev\""), "{link}");
    // A search by name (accents and case aside) or birth date, paged the same way.
    for q in ["zoe", "LEFEVRE", "zoé lef", "05/06/1987", "1987-06-05"] {
        let path = format!("{base}?q={}", q.replace(' ', "%20").replace('/', "%2F"));
        let (status, _, found) = listed(&w.t, &path, &w.p1).await;
        assert_eq!(status, StatusCode::OK, "{q}");
        assert_eq!(names(&found), ["Zoé Lefèvre"], "{q}");
    }
    let r = w.t.get(&format!("{base}?q=martin"), Some(&w.p1)).await;
    assert_eq!(names(&r.json()).len(), 50);
    assert_eq!(r.header("x-total-count").as_deref(), Some("50"));
    assert!(r.header("link").is_none());
    let (_, _, nobody) = listed(&w.t, &format!("{base}?q=personne"), &w.p1).await;
    assert_eq!(nobody, json!([]));
    for bad in ["0", "two"] {
        let r = w.t.get(&format!("{base}?page={bad}"), Some(&w.p1)).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text);
    }

    // The page, without JavaScript: 50 people, a link to the next page, a search form.
    let c = staff_logged_in(&w.t, &w.p1_login.0, &w.p1_login.1).await;
    let (status, _, html) = page(&c, &w.t, "/pro").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(html.matches("href=\"/pro/b/").count(), 50, "{html}");
    assert!(html.contains("51 personnes suivies"), "{html}");
    let next = format!("href=\"/pro?s={}&amp;page=2#s-{}\"", w.s1, w.s1);
    assert!(html.contains(&next), "{html}");
    assert!(!html.contains("Lefèvre"));
    assert!(html.contains("name=\"q\""));
    let (status, _, html) = page(&c, &w.t, &format!("/pro?s={}&page=2", w.s1)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(html.matches("href=\"/pro/b/").count(), 1);
    assert!(html.contains("Lefèvre") && html.contains("rel=\"prev\""));
    let (status, _, html) = page(&c, &w.t, &format!("/pro?s={}&q=Zo%C3%A9", w.s1)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("1 personne trouvée"), "{html}");
    assert_eq!(html.matches("href=\"/pro/b/").count(), 1);
    assert!(html.contains("Lefèvre"));
    let (status, _, html) = page(&c, &w.t, "/pro?page=nope").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(html.contains("Le numéro de page"), "{html}");
}

#[tokio::test]
async fn the_directory_is_kept_in_step_with_invitations_departures_and_key_rotations() {
    let w = World::new().await;
    let list = |token: String, sid: String| {
        let t = &w.t;
        async move {
            let (status, _, body) = listed(
                t,
                &format!("/api/v1/structures/{sid}/beneficiaries"),
                &token,
            )
            .await;
            assert_eq!(status, StatusCode::OK, "{body}");
            names(&body)
        }
    };
    // Opening writes her entry at once, sealed: the operator does not read her name in it.
    let opened = entry(&w.t, &w.bid, &w.s1).await.unwrap().unwrap();
    let text = String::from_utf8_lossy(&opened);
    assert!(!text.contains("Lef") && !text.contains("1987"));
    assert_eq!(list(w.p1.clone(), w.s1.clone()).await, ["Zoé Lefèvre"]);
    assert_eq!(entry(&w.t, &w.bid, &w.s1).await.unwrap().unwrap(), opened);

    // An accepted invitation: she cannot write the entry (no structure key); the structure's
    // next listing does, once.
    let r =
        w.t.post(
            &format!("/api/v1/structures/{}/invitations", w.s2),
            Some(&w.p2),
            json!({"identifier": w.identifier}),
        )
        .await;
    assert_eq!(r.status, StatusCode::ACCEPTED);
    let invitations =
        w.t.get("/api/v1/me/invitations", Some(&w.person))
            .await
            .json();
    let iid = invitations[0]["id"].as_str().unwrap();
    let r =
        w.t.post_empty(
            &format!("/api/v1/me/invitations/{iid}/accept"),
            Some(&w.person),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    assert_eq!(entry(&w.t, &w.bid, &w.s2).await, Some(None));
    assert_eq!(list(w.p2.clone(), w.s2.clone()).await, ["Zoé Lefèvre"]);
    let written = entry(&w.t, &w.bid, &w.s2).await.unwrap().unwrap();
    assert_eq!(list(w.p2.clone(), w.s2.clone()).await, ["Zoé Lefèvre"]);
    assert_eq!(entry(&w.t, &w.bid, &w.s2).await.unwrap().unwrap(), written);
    // Another structure's key opens nothing of it.
    let k1 = w.t.app.authenticate(&w.p1).await.unwrap().keys;
    let k2 = w.t.app.authenticate(&w.p2).await.unwrap().keys;
    let s1_key = k1.structure_key(&w.s1).unwrap().secret().clone();
    let s2_key = k2.structure_key(&w.s2).unwrap().secret().clone();
    assert!(open_directory_entry(&w.t.app.platform, [&s2_key], &w.s2, &w.bid, &written).is_some());
    assert!(open_directory_entry(&w.t.app.platform, [&s1_key], &w.s2, &w.bid, &written).is_none());
    let r =
        w.t.get(
            &format!("/api/v1/structures/{}/beneficiaries", w.s1),
            Some(&w.p2),
        )
        .await;
    assert_ne!(r.status, StatusCode::OK);

    // Rows older than the directory (or an entry no key opens) are written at first use.
    w.t.app
        .db
        .transaction(|tx: &mut dyn Sql| tx.execute("UPDATE relays SET directory_entry = NULL", &[]))
        .await
        .unwrap();
    assert_eq!(list(w.p1.clone(), w.s1.clone()).await, ["Zoé Lefèvre"]);
    assert!(entry(&w.t, &w.bid, &w.s1).await.unwrap().is_some());

    // A key rotation re-seals her entry: the departed member's copy of the old key opens
    // nothing of it, the remaining members read it without writing it again.
    let before = entry(&w.t, &w.bid, &w.s1).await.unwrap().unwrap();
    let email = format!("{}@structure.example", unique("m"));
    let r =
        w.t.post(
            &format!("/api/v1/structures/{}/professionals", w.s1),
            Some(&w.p1),
            json!({"display_name": "Partante", "email": email, "password": STAFF_PASSWORD, "role": "member"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let leaving_id = r.json()["id"].as_str().unwrap().to_owned();
    let (leaving, _) = w.t.first_staff_login(&email).await;
    let old_key =
        w.t.app
            .authenticate(&leaving)
            .await
            .unwrap()
            .keys
            .structure_key(&w.s1)
            .unwrap()
            .secret()
            .clone();
    let r =
        w.t.post_empty(
            &format!(
                "/api/v1/structures/{}/professionals/{leaving_id}/deactivate",
                w.s1
            ),
            Some(&w.p1),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let mut rotated = false;
    for _ in 0..600 {
        if !w.t.app.structure_key_status(&w.s1).await.unwrap().rotating {
            rotated = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(rotated, "the rotation did not end");
    let after = entry(&w.t, &w.bid, &w.s1).await.unwrap().unwrap();
    assert_ne!(after, before);
    assert!(open_directory_entry(&w.t.app.platform, [&old_key], &w.s1, &w.bid, &after).is_none());
    let new_key = w.t.app.authenticate(&w.p1).await.unwrap().keys;
    let new_key = new_key.structure_key(&w.s1).unwrap().secret().clone();
    assert!(open_directory_entry(&w.t.app.platform, [&new_key], &w.s1, &w.bid, &after).is_some());
    assert_eq!(list(w.p1.clone(), w.s1.clone()).await, ["Zoé Lefèvre"]);
    assert_eq!(entry(&w.t, &w.bid, &w.s1).await.unwrap().unwrap(), after);

    // Leaving a relais removes her from its list (and its search) with her entry.
    let r =
        w.t.delete(
            &format!("/api/v1/beneficiaries/{}/relays/{}", w.bid, w.s1),
            Some(&w.person),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    assert!(list(w.p1.clone(), w.s1.clone()).await.is_empty());
    let (_, _, found) = listed(
        &w.t,
        &format!("/api/v1/structures/{}/beneficiaries?q=zoe", w.s1),
        &w.p1,
    )
    .await;
    assert_eq!(found, json!([]));
    assert_eq!(entry(&w.t, &w.bid, &w.s1).await, None);
    assert_eq!(list(w.p2.clone(), w.s2.clone()).await, ["Zoé Lefèvre"]);
}

#[tokio::test]
async fn the_home_page_lists_the_papers_to_renew_from_their_expiry_dates() {
    let w = World::new().await;
    let dated = [
        ("Carte Vitale", Some(date_in_days(&w.t, 10))),
        ("Titre de séjour", Some(date_in_days(&w.t, -3))),
        ("Passeport", Some(date_in_days(&w.t, 400))),
        ("Attestation", None),
    ];
    for (name, expires) in &dated {
        let id = upload_named(&w, name).await;
        if let Some(date) = expires {
            let r =
                w.t.patch(
                    &format!("/api/v1/documents/{id}"),
                    &w.person,
                    json!({"expires_on": date}),
                )
                .await;
            assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        }
    }
    let c = logged_in(&w.t, &w.identifier, PERSON_PASSWORD).await;
    let (status, _, html) = page(&c, &w.t, "/home").await;
    assert_eq!(status, StatusCode::OK);
    let renew = html
        .split("class=\"notice expiring\"")
        .nth(1)
        .and_then(|s| s.split("</section>").next())
        .unwrap_or_else(|| panic!("no papers to renew: {html}"));
    // Past first, then due soon; not the far one, nor the one without a date.
    let (expired, soon) = (
        renew.find("Titre de séjour").unwrap(),
        renew.find("Carte Vitale").unwrap(),
    );
    assert!(expired < soon, "{renew}");
    assert!(!renew.contains("Passeport") && !renew.contains("Attestation"));
    // A paper whose date is removed leaves the list.
    let ids =
        w.t.get(
            &format!("/api/v1/beneficiaries/{}/documents", w.bid),
            Some(&w.person),
        )
        .await
        .json();
    let vitale = ids
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == "Carte Vitale")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let r =
        w.t.patch(
            &format!("/api/v1/documents/{vitale}"),
            &w.person,
            json!({"expires_on": null}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let (_, _, html) = page(&c, &w.t, "/home").await;
    assert!(!html.contains("Carte Vitale") && html.contains("Titre de séjour"));
}

#[tokio::test]
async fn the_home_page_names_the_five_soonest_papers_to_renew_and_counts_the_others() {
    let w = World::new().await;
    for i in 0..7 {
        let id = upload_named(&w, &format!("Papier {i}")).await;
        let r =
            w.t.patch(
                &format!("/api/v1/documents/{id}"),
                &w.person,
                json!({"expires_on": date_in_days(&w.t, i - 3)}),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    }
    let c = logged_in(&w.t, &w.identifier, PERSON_PASSWORD).await;
    let (status, _, html) = page(&c, &w.t, "/home").await;
    assert_eq!(status, StatusCode::OK);
    let renew = html
        .split("class=\"notice expiring\"")
        .nth(1)
        .and_then(|s| s.split("</section>").next())
        .unwrap_or_else(|| panic!("no papers to renew: {html}"));
    for i in 0..5 {
        assert!(renew.contains(&format!("Papier {i}")), "{renew}");
    }
    assert!(
        !renew.contains("Papier 5") && !renew.contains("Papier 6"),
        "{renew}"
    );
    assert!(renew.contains("2 autre(s)"), "{renew}");
}

#[tokio::test]
async fn notes_come_by_the_page_and_contacts_and_events_keep_their_order_in_pages() {
    let w = World::new().await;
    for i in 0..51 {
        let r =
            w.t.post(
                &format!("/api/v1/beneficiaries/{}/notes", w.bid),
                Some(&w.person),
                json!({"title": format!("Note {i:02}"), "body": "texte"}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        w.t.clock.advance(1);
    }
    let base = format!("/api/v1/beneficiaries/{}/notes", w.bid);
    let (_, _, all) = listed(&w.t, &base, &w.person).await;
    assert_eq!(all.as_array().unwrap().len(), 51);
    let (status, link, first) = listed(&w.t, &format!("{base}?page=1"), &w.person).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(first.as_array().unwrap().len(), 50);
    assert_eq!(first[0], all[0]);
    assert!(link.contains("page=2>; rel=\"next\""), "{link}");
    let (_, _, second) = listed(&w.t, &format!("{base}?page=2"), &w.person).await;
    assert_eq!(second.as_array().unwrap().len(), 1);
    assert_eq!(second[0], all[50]);
    let c = logged_in(&w.t, &w.identifier, PERSON_PASSWORD).await;
    let (status, _, html) = page(&c, &w.t, "/notes").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("href=\"/notes?page=2\""), "{html}");
    let (status, _, html) = page(&c, &w.t, "/notes?page=2").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("Note 00") && !html.contains("Note 01"),
        "{html}"
    );
    let (status, _, _) = page(&c, &w.t, "/notes?page=0").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    // Contacts stay in name order across pages (their names are sealed: cut after opening).
    for name in ["Zélie", "Aline", "Marc"] {
        let r =
            w.t.post(
                &format!("/api/v1/beneficiaries/{}/contacts", w.bid),
                Some(&w.person),
                json!({"name": name}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    }
    let contacts = format!("/api/v1/beneficiaries/{}/contacts", w.bid);
    let r =
        w.t.get(&format!("{contacts}?page=1"), Some(&w.person))
            .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("x-total-count").as_deref(), Some("3"));
    let names: Vec<String> = r
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(names, ["Aline", "Marc", "Zélie"]);
    let (_, _, none) = listed(&w.t, &format!("{contacts}?page=2"), &w.person).await;
    assert_eq!(none, json!([]));
    let r =
        w.t.get(
            &format!("/api/v1/beneficiaries/{}/events?page=x", w.bid),
            Some(&w.person),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}
