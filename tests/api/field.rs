//! Issue 13, "ready for the field": what people stumbled on when they first used it. Short
//! numbers and international numbers in contacts; her phone number for SMS reminders; a
//! professional correcting what her structure added; a journal of real changes only; the
//! identifier typed as people type it.

use crate::helpers::*;
use crate::pages::{csrf_of, logged_in, page, submit};
use reqwest::StatusCode;
use serde_json::json;

/// A contact's number may be a French short number (115, 3230, 3949...), a toll-free 0800 or
/// an international number; garbage is still refused with a message that says what to type.
/// Her own number receives SMS: a short number is refused there.
#[tokio::test]
async fn contacts_take_short_and_international_numbers() {
    let w = World::new().await;
    let contacts = format!("/api/v1/beneficiaries/{}/contacts", w.bid);
    for (typed, kept) in [
        ("115", "115"),
        ("3230", "3230"),
        ("39 49", "3949"),
        ("15", "15"),
        ("17", "17"),
        ("18", "18"),
        ("112", "112"),
        ("119", "119"),
        ("3919", "3919"),
        ("0800 840 800", "0800840800"),
        ("+44 20 7946 0958", "+442079460958"),
        ("0044 20 7946 0958", "+442079460958"),
        ("+33 (0)6 12 34 56 78", "+33612345678"),
    ] {
        let r =
            w.t.post(
                &contacts,
                Some(&w.person),
                json!({"name": format!("Ligne {typed}"), "phone": typed}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{typed}: {}", r.text);
        assert_eq!(r.json()["phone"], kept, "{typed}");
        // A professional adding a contact for her is held to the same rule.
        let r =
            w.t.post(
                &contacts,
                Some(&w.p1),
                json!({"name": "Ligne", "phone": typed}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{typed}: {}", r.text);
    }
    for garbage in [
        "abc",
        "42",
        "999",
        "12345",
        "612345678",
        "+0612345678",
        "06 12 ab",
    ] {
        let r =
            w.t.post(
                &contacts,
                Some(&w.person),
                json!({"name": "X", "phone": garbage}),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{garbage}");
        assert_eq!(r.code(), "invalid_phone", "{garbage}");
    }
    // A change to a short number too.
    let id =
        w.t.post(
            &contacts,
            Some(&w.person),
            json!({"name": "CAF", "phone": "01 23 45 67 89"}),
        )
        .await
        .json()["id"]
            .as_str()
            .unwrap()
            .to_owned();
    let r =
        w.t.patch(
            &format!("/api/v1/contacts/{id}"),
            &w.person,
            json!({"phone": "3230"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["phone"], "3230");
    // Her own number is for SMS: 115 cannot receive one.
    let phone = format!("/api/v1/beneficiaries/{}/phone", w.bid);
    let put = |body: serde_json::Value| {
        w.t.send(
            w.t.http
                .put(w.t.url(&phone))
                .bearer_auth(&w.person)
                .json(&body),
        )
    };
    let r = put(json!({"phone": "115"})).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.code(), "short_number");
    let r = put(json!({"phone": "+44 7700 900123"})).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let me =
        w.t.get(&format!("/api/v1/beneficiaries/{}", w.bid), Some(&w.person))
            .await;
    assert_eq!(me.json()["phone"], "+447700900123");
    // The page says what to type.
    let person = logged_in(&w.t, &w.identifier, PERSON_PASSWORD).await;
    let (_, _, form) = page(&person, &w.t, "/contacts/new").await;
    let (status, _, html) = submit(
        &person,
        &w.t,
        "/contacts",
        &[("_csrf", &csrf_of(&form)), ("name", "X"), ("phone", "abc")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains("06 12 34 56 78") && html.contains("115"),
        "an example of what to type"
    );
}
