//! Contacts, notes and events: created, read, changed, shared, unshared and deleted through the
//! API by the person and by a professional; their checks; the export; the canary; the pages.

use crate::helpers::*;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// (plural, a valid creation body, a change, the field the change sets and its new value)
fn kinds() -> Vec<(&'static str, Value, Value, &'static str, Value)> {
    vec![
        (
            "contacts",
            json!({"name": "Mme Diallo (CCAS)", "phone": "06 12 34 56 78", "email": "Diallo@ccas.example.org", "address": "1 rue de la Paix\n75002 Paris", "comment": "Le mardi"}),
            json!({"phone": "+33 7 00 00 00 01", "comment": null}),
            "phone",
            json!("+33700000001"),
        ),
        (
            "notes",
            json!({"title": "CAF", "body": "identifiant 1234567\nmot de passe : soleil"}),
            json!({"body": "nouveau mot de passe : lune"}),
            "body",
            json!("nouveau mot de passe : lune"),
        ),
        (
            "events",
            json!({"title": "Préfecture", "starts_at": "2030-03-04T10:30:00+01:00", "location": "Guichet 3", "reminders": [{"minutes_before": 1440, "channel": "sms"}, {"minutes_before": 120, "channel": "sms"}]}),
            json!({"title": "Préfecture (titre de séjour)"}),
            "title",
            json!("Préfecture (titre de séjour)"),
        ),
    ]
}

fn singular(plural: &str) -> &'static str {
    match plural {
        "contacts" => "contact",
        "notes" => "note",
        _ => "event",
    }
}

/// Adds an item of kind `plural` to the person's safe as the holder of `token`.
async fn add(w: &World, plural: &str, token: &str, body: Value) -> Resp {
    w.t.post(
        &format!("/api/v1/beneficiaries/{}/{plural}", w.bid),
        Some(token),
        body,
    )
    .await
}

/// The status of `method path` (no body) as the holder of `token`.
async fn status(t: &TestApp, method: &str, path: &str, token: &str) -> StatusCode {
    t.send_method(method, path, Some(token)).await.status
}

fn id_of(r: &Resp) -> String {
    r.json()["id"].as_str().unwrap().to_owned()
}

async fn journal_actions(w: &World) -> Vec<String> {
    w.t.get(
        &format!("/api/v1/beneficiaries/{}/journal", w.bid),
        Some(&w.person),
    )
    .await
    .json()
    .as_array()
    .unwrap()
    .iter()
    .map(|e| e["action"].as_str().unwrap().to_owned())
    .collect()
}

#[tokio::test]
async fn the_person_creates_reads_changes_shares_unshares_and_deletes_each_kind() {
    let w = World::new().await;
    let t = &w.t;
    for (plural, body, change, field, value) in kinds() {
        let kind = singular(plural);
        let r = add(&w, plural, &w.person, body.clone()).await;
        assert_eq!(r.status, StatusCode::CREATED, "{plural}: {}", r.text);
        let item = r.json();
        let id = id_of(&r);
        // Private by default; the common fields are there.
        assert_eq!(item["shared_with"], json!([]), "{plural}");
        assert_eq!(item["created_by"]["kind"], "beneficiary");
        assert!(item["created_at"].as_str().unwrap().ends_with('Z'));
        let one = t
            .get(&format!("/api/v1/{plural}/{id}"), Some(&w.person))
            .await;
        assert_eq!(one.status, StatusCode::OK);
        let list = t
            .get(
                &format!("/api/v1/beneficiaries/{}/{plural}", w.bid),
                Some(&w.person),
            )
            .await
            .json();
        assert_eq!(list.as_array().unwrap().len(), 1, "{plural}");
        // Her relais sees nothing of it until she shares it.
        assert_eq!(
            status(t, "GET", &format!("/api/v1/{plural}/{id}"), &w.p1).await,
            StatusCode::NOT_FOUND
        );
        let r = t
            .patch(&format!("/api/v1/{plural}/{id}"), &w.person, change.clone())
            .await;
        assert_eq!(r.status, StatusCode::OK, "{plural}: {}", r.text);
        assert_eq!(r.json()[field], value, "{plural}");
        let share = format!("/api/v1/{plural}/{id}/shares/{}", w.s1);
        assert_eq!(
            status(t, "PUT", &share, &w.person).await,
            StatusCode::NO_CONTENT
        );
        // Not one of her relais: 404.
        assert_eq!(
            status(
                t,
                "PUT",
                &format!("/api/v1/{plural}/{id}/shares/{}", w.s2),
                &w.person
            )
            .await,
            StatusCode::NOT_FOUND
        );
        let seen = t.get(&format!("/api/v1/{plural}/{id}"), Some(&w.p1)).await;
        assert_eq!(seen.status, StatusCode::OK, "{plural}");
        assert_eq!(seen.json()[field], value);
        assert_eq!(seen.json()["shared_with"], json!([w.s1]));
        let theirs = t
            .get(
                &format!("/api/v1/beneficiaries/{}/{plural}", w.bid),
                Some(&w.p1),
            )
            .await
            .json();
        assert_eq!(theirs.as_array().unwrap().len(), 1);
        assert_eq!(
            status(t, "GET", &format!("/api/v1/{plural}/{id}"), &w.p2).await,
            StatusCode::NOT_FOUND
        );
        // The relais reads; only the person changes.
        assert_eq!(
            t.patch(&format!("/api/v1/{plural}/{id}"), &w.p1, change.clone())
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            status(t, "DELETE", &share, &w.person).await,
            StatusCode::NO_CONTENT
        );
        assert_eq!(
            status(t, "GET", &format!("/api/v1/{plural}/{id}"), &w.p1).await,
            StatusCode::NOT_FOUND
        );
        assert!(
            t.get(
                &format!("/api/v1/beneficiaries/{}/{plural}", w.bid),
                Some(&w.p1)
            )
            .await
            .json()
            .as_array()
            .unwrap()
            .is_empty()
        );
        assert_eq!(
            status(t, "DELETE", &format!("/api/v1/{plural}/{id}"), &w.person).await,
            StatusCode::NO_CONTENT
        );
        assert_eq!(
            status(t, "GET", &format!("/api/v1/{plural}/{id}"), &w.person).await,
            StatusCode::NOT_FOUND
        );
        let actions = journal_actions(&w).await;
        for a in [
            "created", "viewed", "updated", "shared", "unshared", "deleted",
        ] {
            assert!(
                actions.contains(&format!("{kind}_{a}")),
                "{kind}_{a} in {actions:?}"
            );
        }
    }
}

#[tokio::test]
async fn a_professional_adds_items_shared_with_her_structure() {
    let w = World::new().await;
    let t = &w.t;
    for (plural, body, change, _, _) in kinds() {
        let r = add(&w, plural, &w.p1, body.clone()).await;
        assert_eq!(r.status, StatusCode::CREATED, "{plural}: {}", r.text);
        let id = id_of(&r);
        assert_eq!(r.json()["shared_with"], json!([w.s1]));
        assert_eq!(r.json()["created_by"]["kind"], "professional");
        // The person reads it through her own key pair, and may change it.
        let hers = t
            .get(&format!("/api/v1/{plural}/{id}"), Some(&w.person))
            .await;
        assert_eq!(hers.status, StatusCode::OK, "{}", hers.text);
        assert_eq!(
            t.patch(&format!("/api/v1/{plural}/{id}"), &w.person, change)
                .await
                .status,
            StatusCode::OK
        );
        assert_eq!(
            status(t, "GET", &format!("/api/v1/{plural}/{id}"), &w.p1).await,
            StatusCode::OK
        );
        // Another structure, a mediation structure: as if she did not exist.
        for token in [&w.p2, &w.pm] {
            assert_eq!(
                add(&w, plural, token, body.clone()).await.status,
                StatusCode::NOT_FOUND
            );
            assert_eq!(
                status(t, "GET", &format!("/api/v1/{plural}/{id}"), token).await,
                StatusCode::NOT_FOUND
            );
        }
        // The professional may not delete; the person unshares, then deletes.
        assert_eq!(
            status(t, "DELETE", &format!("/api/v1/{plural}/{id}"), &w.p1).await,
            StatusCode::FORBIDDEN
        );
        t.send_method(
            "DELETE",
            &format!("/api/v1/{plural}/{id}/shares/{}", w.s1),
            Some(&w.person),
        )
        .await;
        assert_eq!(
            status(t, "GET", &format!("/api/v1/{plural}/{id}"), &w.p1).await,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            status(t, "DELETE", &format!("/api/v1/{plural}/{id}"), &w.person).await,
            StatusCode::NO_CONTENT
        );
    }
    // Her journal tells who did it, with the structure.
    let journal = t
        .get(
            &format!("/api/v1/beneficiaries/{}/journal", w.bid),
            Some(&w.person),
        )
        .await
        .json();
    let created = journal
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "note_created")
        .unwrap();
    assert_eq!(created["actor"]["kind"], "professional");
    assert_eq!(created["actor"]["structure"]["id"], json!(w.s1));
}

#[tokio::test]
async fn wrong_values_get_clear_422_codes() {
    let w = World::new().await;
    let t = &w.t;
    let long = "x".repeat(201);
    let cases = [
        ("contacts", json!({"phone": "0612345678"}), "required"),
        ("contacts", json!({"name": " "}), "required"),
        ("contacts", json!({"name": long}), "too_long"),
        (
            "contacts",
            json!({"name": "A", "phone": "abc"}),
            "invalid_phone",
        ),
        (
            "contacts",
            json!({"name": "A", "email": "nope"}),
            "invalid_email",
        ),
        ("contacts", json!({"name": 5}), "invalid"),
        ("notes", json!({"title": "CAF"}), "required"),
        (
            "notes",
            json!({"title": "CAF", "body": "x".repeat(20_001)}),
            "too_long",
        ),
        ("events", json!({"title": "RDV"}), "required"),
        (
            "events",
            json!({"title": "RDV", "starts_at": "demain"}),
            "invalid_datetime",
        ),
        (
            "events",
            json!({"title": "RDV", "starts_at": "2030-01-01T10:00:00Z", "reminders": [{"minutes_before": 1}, {"minutes_before": 2}, {"minutes_before": 3}, {"minutes_before": 4}, {"minutes_before": 5}, {"minutes_before": 6}]}),
            "too_many_reminders",
        ),
        (
            "events",
            json!({"title": "RDV", "starts_at": "2030-01-01T10:00:00Z", "reminders": [{"minutes_before": 43_201, "channel": "sms"}]}),
            "invalid_reminder",
        ),
        (
            "events",
            json!({"title": "RDV", "starts_at": "2030-01-01T10:00:00Z", "reminders": [{"minutes_before": 60, "channel": "email"}]}),
            "invalid_reminder",
        ),
    ];
    for (plural, body, code) in cases {
        let r = add(&w, plural, &w.person, body.clone()).await;
        assert_eq!(
            (r.status, r.code()),
            (StatusCode::UNPROCESSABLE_ENTITY, code.to_owned()),
            "{plural} {body}"
        );
        // Someone who may not add gets the 404, not the reason.
        assert_eq!(
            add(&w, plural, &w.p2, body).await.status,
            StatusCode::NOT_FOUND
        );
    }
    // Times are told back in UTC; reminders are kept as given; a change is checked too.
    let r = t
        .post(
            &format!("/api/v1/beneficiaries/{}/events", w.bid),
            Some(&w.person),
            json!({"title": "CAF", "starts_at": "2030-03-04T10:30:00+01:00", "reminders": [{"minutes_before": 43_200, "channel": "sms"}, {"minutes_before": 0}]}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(r.json()["starts_at"], "2030-03-04T09:30:00Z");
    assert_eq!(
        r.json()["reminders"],
        json!([{"minutes_before": 43_200, "channel": "sms"}, {"minutes_before": 0, "channel": "sms"}])
    );
    let id = id_of(&r);
    let bad = t
        .patch(
            &format!("/api/v1/events/{id}"),
            &w.person,
            json!({"title": null}),
        )
        .await;
    assert_eq!(
        (bad.status, bad.code()),
        (StatusCode::UNPROCESSABLE_ENTITY, "required".to_owned())
    );
    let contact = t
        .post(
            &format!("/api/v1/beneficiaries/{}/contacts", w.bid),
            Some(&w.person),
            json!({"name": "Dr Martin", "phone": "01.23.45.67.89", "email": "Martin@Example.org"}),
        )
        .await
        .json();
    assert_eq!(contact["phone"], "0123456789");
    assert_eq!(contact["email"], "martin@example.org");
    assert!(contact.get("address").is_none());
}

async fn create_all(w: &World, marker: &str) -> Vec<(String, String)> {
    let bodies = [
        (
            "contacts",
            json!({"name": format!("{marker}NAME"), "phone": "0755512345", "email": format!("{}@mail.example", marker.to_lowercase()), "address": format!("{marker}ADDRESS"), "comment": format!("{marker}CONTACTCOMMENT")}),
        ),
        (
            "notes",
            json!({"title": format!("{marker}TITLE"), "body": format!("{marker}BODY")}),
        ),
        (
            "events",
            json!({"title": format!("{marker}EVENT"), "starts_at": "2030-05-06T07:08:00Z", "location": format!("{marker}PLACE"), "comment": format!("{marker}EVENTCOMMENT"), "reminders": [{"minutes_before": 1440, "channel": "sms"}]}),
        ),
    ];
    let mut out = Vec::new();
    for (plural, body) in bodies {
        let r = add(w, plural, &w.person, body).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        let id = id_of(&r);
        // Shared too, so the share wraps are in the store as well.
        w.t.send_method(
            "PUT",
            &format!("/api/v1/{plural}/{id}/shares/{}", w.s1),
            Some(&w.person),
        )
        .await;
        out.push((plural.to_owned(), id));
    }
    out
}

#[tokio::test]
async fn no_marker_of_any_contact_note_or_event_reaches_the_store() {
    let w = World::new().await;
    create_all(&w, "QZXITEM").await;
    // Her calendar feed: its address's token must not be stored either (only its blind index).
    let r =
        w.t.post_empty("/api/v1/me/calendar-feed", Some(&w.person))
            .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let url = r.json()["url"].as_str().unwrap().to_owned();
    let token = url
        .rsplit('/')
        .next()
        .unwrap()
        .trim_end_matches(".ics")
        .to_owned();
    // A paper too, so that every store (files or bucket) holds something to search.
    let r =
        w.t.upload(&w.person, &w.bid, jpeg(24, 24), "photo.jpg", Some("Photo"))
            .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    // A professional adds one of each too (wrapped to her public key and the structure).
    for (plural, body, _, _, _) in kinds() {
        let mut body = body;
        for v in body.as_object_mut().unwrap().values_mut() {
            if let Some(s) = v.as_str() {
                *v = json!(format!("QZXPRO{}", s.len()));
            }
        }
        if plural == "contacts" {
            body["phone"] = json!("0799912345");
            body["email"] = json!("qzxpromail@mail.example");
        }
        if plural == "events" {
            body["starts_at"] = json!("2031-01-02T03:04:00Z");
        }
        let r = add(&w, plural, &w.p1, body).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    }
    crate::canary::assert_absent(
        &w.t,
        &[
            "QZXITEMNAME",
            "0755512345",
            "qzxitem@mail.example",
            "QZXITEMADDRESS",
            "QZXITEMCONTACTCOMMENT",
            "QZXITEMTITLE",
            "QZXITEMBODY",
            "QZXITEMEVENT",
            "2030-05-06",
            "QZXITEMPLACE",
            "QZXITEMEVENTCOMMENT",
            "QZXPRO",
            "0799912345",
            "qzxpromail",
            "2031-01-02",
            &token,
        ],
    );
}

#[tokio::test]
async fn export_holds_every_item_and_deleting_the_safe_erases_them() {
    let w = World::new().await;
    create_all(&w, "Export").await;
    let (status, _, zip_bytes) =
        w.t.get_bytes(
            &format!("/api/v1/beneficiaries/{}/export", w.bid),
            &w.person,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip_bytes)).unwrap();
    let mut f = archive.by_name("data.json").unwrap();
    let mut raw = Vec::new();
    std::io::Read::read_to_end(&mut f, &mut raw).unwrap();
    let data: Value = serde_json::from_slice(&raw).unwrap();
    assert_eq!(data["contacts"][0]["name"], "ExportNAME");
    assert_eq!(data["contacts"][0]["address"], "ExportADDRESS");
    assert_eq!(data["contacts"][0]["shared_with"], json!([w.s1]));
    assert_eq!(data["notes"][0]["body"], "ExportBODY");
    assert_eq!(data["events"][0]["starts_at"], "2030-05-06T07:08:00Z");
    assert_eq!(data["events"][0]["reminders"][0]["minutes_before"], 1440);
    let count = |t: &TestApp| {
        let app = t.app.clone();
        async move {
            app.tx(|tx| {
                Ok(tx
                    .query_one(
                        "SELECT CAST(COUNT(*) AS BIGINT) FROM items WHERE kind <> 'document'",
                        &[],
                    )?
                    .int(0)?)
            })
            .await
            .unwrap()
        }
    };
    assert_eq!(count(&w.t).await, 3);
    let r =
        w.t.send(
            w.t.http
                .delete(w.t.url(&format!("/api/v1/beneficiaries/{}", w.bid)))
                .bearer_auth(&w.person)
                .json(&json!({"password": PERSON_PASSWORD})),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    assert_eq!(count(&w.t).await, 0);
    let shares =
        w.t.app
            .tx(|tx| {
                Ok(tx
                    .query_one("SELECT CAST(COUNT(*) AS BIGINT) FROM item_shares", &[])?
                    .int(0)?)
            })
            .await
            .unwrap();
    assert_eq!(shares, 0);
}

#[tokio::test]
async fn pages_add_list_open_share_and_delete_without_javascript() {
    use crate::pages::{csrf_of, logged_in, page, submit};
    let w = World::new().await;
    let t = &w.t;
    let person = logged_in(t, &w.identifier, PERSON_PASSWORD).await;
    let (_, _, home) = page(&person, t, "/home").await;
    for href in ["/contacts", "/notes", "/events"] {
        assert!(home.contains(&format!("href=\"{href}\"")), "{href}");
    }
    // A note: its text shows when opened, never on the list.
    let (status, _, form) = page(&person, t, "/notes/new").await;
    assert_eq!(status, StatusCode::OK);
    let csrf = csrf_of(&form);
    let (status, headers, _) = submit(
        &person,
        t,
        "/notes",
        &[
            ("_csrf", &csrf),
            ("title", "France Travail"),
            ("body", "QZXSECRETBODY mot de passe"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let note_url = headers["location"].to_str().unwrap().to_owned();
    let (_, _, list) = page(&person, t, "/notes").await;
    assert!(list.contains("France Travail"));
    assert!(!list.contains("QZXSECRETBODY"), "a note's text on the list");
    let (status, _, opened) = page(&person, t, &note_url).await;
    assert_eq!(status, StatusCode::OK);
    assert!(opened.contains("QZXSECRETBODY"));
    // Shared with her relais by its checkbox; the professional's file shows the title only.
    let (status, _, _) = submit(
        &person,
        t,
        &format!("{note_url}/shares"),
        &[("_csrf", &csrf_of(&opened)), ("sid", &w.s1)],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let pro = crate::pages::staff_logged_in(t, &w.p1_login.0, &w.p1_login.1).await;
    let (status, _, file) = page(&pro, t, &format!("/pro/b/{}", w.bid)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(file.contains("France Travail") && !file.contains("QZXSECRETBODY"));
    let (status, _, theirs) = page(&pro, t, &note_url).await;
    assert_eq!(status, StatusCode::OK);
    assert!(theirs.contains("QZXSECRETBODY"));
    // The professional adds an appointment from the person's file (shared with her structure).
    let (status, _, _) = submit(
        &pro,
        t,
        &format!("/pro/b/{}/events", w.bid),
        &[
            ("_csrf", &csrf_of(&file)),
            ("title", "Rendez-vous CCAS"),
            ("date", "2030-02-03"),
            ("time", "14:15"),
            ("reminder", "120"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    // An appointment with both reminders, from her own form.
    let (status, _, _) = submit(
        &person,
        t,
        "/events",
        &[
            ("_csrf", &csrf),
            ("title", "Préfecture"),
            ("date", "2030-01-02"),
            ("time", "09:30"),
            ("reminder", "1440"),
            ("reminder", "120"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let events = t
        .get(
            &format!("/api/v1/beneficiaries/{}/events", w.bid),
            Some(&w.person),
        )
        .await
        .json();
    assert_eq!(events[0]["title"], "Préfecture");
    // Typed as 09:30 in Paris (UTC+1 in January).
    assert_eq!(events[0]["starts_at"], "2030-01-02T08:30:00Z");
    assert_eq!(events[0]["reminders"].as_array().unwrap().len(), 2);
    assert_eq!(events[1]["created_by"]["kind"], "professional");
    assert_eq!(events[1]["shared_with"], json!([w.s1]));
    let (_, _, list) = page(&person, t, "/events").await;
    assert!(list.contains("02/01/2030 09:30") && list.contains("03/02/2030 14:15"));
    // A wrong value comes back on the form with a message, nothing stored.
    let (status, _, again) = submit(
        &person,
        t,
        "/contacts",
        &[("_csrf", &csrf), ("name", "Dr Martin"), ("phone", "abc")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.contains("Dr Martin") && again.contains("role=\"alert\""));
    // Her relais page tells what each relais sees; deleting goes through a confirmation.
    let (_, _, relays) = page(&person, t, "/relays").await;
    assert!(relays.contains("France Travail") && relays.contains("Rendez-vous CCAS"));
    let (_, _, journal) = page(&person, t, "/journal").await;
    assert!(
        journal.contains("France Travail"),
        "the journal names the note"
    );
    let (status, _, confirm) = page(&person, t, &format!("{note_url}/delete")).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, _) = submit(
        &person,
        t,
        &format!("{note_url}/delete"),
        &[("_csrf", &csrf_of(&confirm))],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(page(&person, t, &note_url).await.0, StatusCode::NOT_FOUND);
}
