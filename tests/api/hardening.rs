//! The smaller findings of issue 11 (finding 9): invitations that cost the same and are
//! journaled once, a second-factor page whose GET changes nothing, JSON errors everywhere under
//! `/api/v1`, 413 for a body over the limit, `Clear-Site-Data` on API logout.

use crate::helpers::*;
use crate::pages::{csrf_of, logged_in, page, submit};
use reqwest::StatusCode;
use serde_json::json;

async fn journal_actions(t: &TestApp, bid: &str, person: &str, action: &str) -> usize {
    let j = t
        .get(
            &format!("/api/v1/beneficiaries/{bid}/journal"),
            Some(person),
        )
        .await
        .json();
    j.as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == action)
        .count()
}

#[tokio::test]
async fn probing_invitations_writes_her_journal_once_per_structure() {
    let w = World::new().await;
    let path = format!("/api/v1/structures/{}/invitations", w.s2);
    for _ in 0..5 {
        let r =
            w.t.post(&path, Some(&w.p2), json!({"identifier": w.identifier}))
                .await;
        assert_eq!(r.status, StatusCode::ACCEPTED);
        assert_eq!(r.text, "");
    }
    // Reading her invitations waits for those already answered: one, journaled once (before:
    // one journal entry per probe).
    let invitations =
        w.t.get("/api/v1/me/invitations", Some(&w.person))
            .await
            .json();
    assert_eq!(invitations.as_array().unwrap().len(), 1);
    assert_eq!(
        journal_actions(&w.t, &w.bid, &w.person, "invitation_sent").await,
        1
    );
    // Another structure's invitation is another entry.
    let r =
        w.t.post(
            &format!("/api/v1/structures/{}/invitations", w.s1),
            Some(&w.p1),
            json!({"identifier": "quelqu.un.01012000"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::ACCEPTED);
}

#[tokio::test]
async fn an_invitation_is_answered_before_anyone_is_looked_up() {
    // The answer does not wait for the lookup: while the invitations are held back from
    // being written, every invitation is still answered at once (the same path for an
    // existing and an unknown identifier), and the person sees it once it is written.
    let w = World::new().await;
    let path = format!("/api/v1/structures/{}/invitations", w.s2);
    let hold = w.t.app.hold_invitation_deliveries().await;
    let known =
        w.t.post(&path, Some(&w.p2), json!({"identifier": w.identifier}))
            .await;
    let unknown =
        w.t.post(
            &path,
            Some(&w.p2),
            json!({"identifier": "nobody.here.01012000"}),
        )
        .await;
    assert_eq!(known.status, StatusCode::ACCEPTED);
    assert_eq!(unknown.status, StatusCode::ACCEPTED);
    assert_eq!(known.text, unknown.text);
    drop(hold);
    let invitations =
        w.t.get("/api/v1/me/invitations", Some(&w.person))
            .await
            .json();
    assert_eq!(invitations.as_array().unwrap().len(), 1);
}

fn secret_in(html: &str) -> Option<String> {
    html.split("<code>")
        .nth(1)
        .and_then(|s| s.split("</code>").next())
        .map(str::to_owned)
}

#[tokio::test]
async fn the_second_factor_page_changes_nothing_when_it_is_read() {
    let w = World::new().await;
    let email = format!("{}@structure.example", unique("pro"));
    let r = w.t.post(&format!("/api/v1/structures/{}/professionals", w.s1), Some(&w.admin), json!({"display_name": "Nour Pro", "email": email, "password": STAFF_PASSWORD, "role": "member"})).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let aid = r.json()["id"].as_str().unwrap().to_owned();
    let stored = || {
        let (app, aid) = (w.t.app.clone(), aid.clone());
        async move {
            app.tx(move |tx| {
                Ok(tx
                    .query_one(
                        "SELECT totp_secret FROM accounts WHERE id = $1",
                        &[aid.as_str().into()],
                    )?
                    .opt_blob(0)?)
            })
            .await
            .unwrap()
        }
    };
    let c = logged_in(&w.t, &email, STAFF_PASSWORD).await;
    // Reading the page draws no secret (before: a new one at each visit).
    let (status, _, html) = page(&c, &w.t, "/totp/enroll").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(secret_in(&html), None);
    page(&c, &w.t, "/totp/enroll").await;
    assert_eq!(stored().await, None);
    // A POST draws it; reading again shows the same one.
    let (status, headers, _) =
        submit(&c, &w.t, "/totp/enroll/new", &[("_csrf", &csrf_of(&html))]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers["location"], "/totp/enroll");
    let sealed = stored().await;
    assert!(sealed.is_some());
    let (_, _, first) = page(&c, &w.t, "/totp/enroll").await;
    let (_, _, second) = page(&c, &w.t, "/totp/enroll").await;
    let secret = secret_in(&first).unwrap();
    assert_eq!(secret_in(&second).unwrap(), secret);
    assert_eq!(stored().await, sealed);
    // And it is the one the confirmation expects.
    w.t.clock.advance(31);
    let (status, _, _) = submit(
        &c,
        &w.t,
        "/totp/enroll",
        &[
            ("_csrf", &csrf_of(&second)),
            ("code", &w.t.totp_now(&secret)),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
}

fn assert_json_error(r: &Resp, status: StatusCode, what: &str) {
    assert_eq!(r.status, status, "{what}: {}", r.text);
    assert!(
        r.header("content-type")
            .is_some_and(|c| c.starts_with("application/json")),
        "{what}: {:?} {}",
        r.header("content-type"),
        r.text
    );
    assert!(
        r.json()["error"]["code"].is_string() && r.json()["error"]["message"].is_string(),
        "{what}: {}",
        r.text
    );
}

#[tokio::test]
async fn every_api_error_is_json() {
    let w = World::new().await;
    let t = &w.t;
    // Path parameters that do not decode, a query that does not parse, a method the path
    // does not have (before: axum's plain-text rejections).
    let r = t.get("/api/v1/documents/%FF%FE", Some(&w.person)).await;
    assert_json_error(&r, StatusCode::BAD_REQUEST, "path");
    let r = t
        .get("/api/v1/admin/jobs?status=dead&status=done", Some(&w.admin))
        .await;
    assert_json_error(&r, StatusCode::BAD_REQUEST, "query");
    let r = t.send_method("DELETE", "/api/v1/me", Some(&w.person)).await;
    assert_json_error(&r, StatusCode::METHOD_NOT_ALLOWED, "method");
    assert!(r.header("allow").is_some());
    let r = t.get("/api/v1/no/such/thing", Some(&w.person)).await;
    assert_json_error(&r, StatusCode::NOT_FOUND, "fallback");
    // Bodies: not JSON, no content type, broken syntax, wrong shape.
    let r = t.send_raw("/api/v1/auth/login", "text/plain", "{}").await;
    assert_json_error(&r, StatusCode::BAD_REQUEST, "content type");
    let r = t
        .send_raw(
            "/api/v1/auth/login",
            "application/json",
            "{\"identifier\": ",
        )
        .await;
    assert_json_error(&r, StatusCode::BAD_REQUEST, "syntax");
    let r = t
        .send_raw(
            "/api/v1/auth/login",
            "application/json",
            "{\"identifier\": 3}",
        )
        .await;
    assert_json_error(&r, StatusCode::BAD_REQUEST, "shape");
}

#[tokio::test]
async fn a_json_body_over_the_limit_is_413() {
    let t = spawn().await;
    let big = format!(
        "{{\"identifier\": \"{}\", \"password\": \"x\"}}",
        "a".repeat(10 * 1024 * 1024)
    );
    let r = t
        .send_raw("/api/v1/auth/login", "application/json", &big)
        .await;
    // Before: 400 invalid_input.
    assert_json_error(&r, StatusCode::PAYLOAD_TOO_LARGE, "10 MB body");
    assert_eq!(r.code(), "too_large");
}

#[tokio::test]
async fn api_logout_clears_the_site_data() {
    let w = World::new().await;
    let r = w.t.post_empty("/api/v1/auth/logout", Some(&w.person)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(
        r.header("clear-site-data").as_deref(),
        Some("\"cache\", \"cookies\", \"storage\"")
    );
    assert_eq!(
        w.t.get("/api/v1/me", Some(&w.person)).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_json_body_must_be_an_object() {
    // serde fills a struct from an array field by field: `[null, null]` renamed nothing but
    // answered 200 before.
    let w = World::new().await;
    let r =
        w.t.post(
            &format!("/api/v1/beneficiaries/{}/folders", w.bid),
            Some(&w.person),
            json!(["Papiers", null]),
        )
        .await;
    assert_json_error(&r, StatusCode::BAD_REQUEST, "array body");
}

#[tokio::test]
async fn whole_numbers_are_accepted_however_json_writes_them() {
    // JSON Schema's `integer` admits 1200.0; serde's i64 did not (400 before).
    let w = World::new().await;
    let r =
        w.t.post(
            "/api/v1/structures",
            Some(&w.admin),
            json!({"name": "Épicerie solidaire", "kind": "relay", "annual_budget_eur": 1200.0}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let r =
        w.t.post(
            "/api/v1/structures",
            Some(&w.admin),
            json!({"name": "Halte de nuit", "kind": "relay", "annual_budget_eur": 1200.5}),
        )
        .await;
    assert_json_error(&r, StatusCode::BAD_REQUEST, "fraction");
    let starts_at = format!("{}T10:00:00Z", date_in_days(&w.t, 3));
    let r = w.t.post(&format!("/api/v1/beneficiaries/{}/events", w.bid), Some(&w.person), json!({"title": "CAF", "starts_at": starts_at, "reminders": [{"minutes_before": 60.0}]})).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
}

#[tokio::test]
async fn an_upload_with_a_part_the_contract_does_not_name_is_refused() {
    let w = World::new().await;
    let form = reqwest::multipart::Form::new()
        .part(
            "file",
            reqwest::multipart::Part::bytes(jpeg(32, 32)).file_name("photo.jpg"),
        )
        .text("nom", "Carte vitale");
    let r =
        w.t.send(
            w.t.http
                .post(w.t.url(&format!("/api/v1/beneficiaries/{}/documents", w.bid)))
                .bearer_auth(&w.person)
                .multipart(form),
        )
        .await;
    assert_json_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "unknown part");
    assert_eq!(
        w.t.get(
            &format!("/api/v1/beneficiaries/{}/documents", w.bid),
            Some(&w.person)
        )
        .await
        .json(),
        json!([])
    );
}
