//! The terms and information page (issue 17, item 4; `service/onboarding.rs`) and the first
//! visit guide (item 5): before she accepts the terms in force her content answers 403
//! `terms_not_accepted` (pages lead to the terms) but her export works; accepting is stored,
//! journaled and in her export; a new version is asked once at her next login; the guide shows
//! once, after the terms, and stays reachable.

use crate::helpers::*;
use crate::pages::{browser, csrf_of, page, submit};
use consigne::service::TERMS_VERSION;
use reqwest::StatusCode;
use serde_json::json;

/// A new safe whose person has not logged in yet; returns (bid, identifier).
async fn new_person(w: &World) -> (String, String) {
    let (bid, identifier, _) =
        w.t.open_safe(&w.p1, &w.s1, "Awa", "Diop", "1994-05-06")
            .await;
    (bid, identifier)
}

async fn export_data(t: &TestApp, bid: &str, token: &str) -> serde_json::Value {
    let (status, _, zip_bytes) = t
        .get_bytes(&format!("/api/v1/beneficiaries/{bid}/export"), token)
        .await;
    assert_eq!(status, StatusCode::OK);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip_bytes)).unwrap();
    let mut data = Vec::new();
    std::io::Read::read_to_end(&mut archive.by_name("data.json").unwrap(), &mut data).unwrap();
    serde_json::from_slice(&data).unwrap()
}

#[tokio::test]
async fn her_safe_waits_for_the_terms_but_her_export_does_not() {
    let w = World::new().await;
    let t = &w.t;
    let (bid, identifier) = new_person(&w).await;
    let r = t.login(&identifier, PERSON_PASSWORD).await;
    assert_eq!(r.json()["account"]["terms_to_accept"], TERMS_VERSION);
    assert_eq!(r.json()["account"]["guide_pending"], true);
    let token = r.json()["token"].as_str().unwrap().to_owned();
    // Her content: 403 terms_not_accepted.
    let r = t
        .get(
            &format!("/api/v1/beneficiaries/{bid}/documents"),
            Some(&token),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text);
    assert_eq!(r.code(), "terms_not_accepted");
    // Her account, the terms, logging out later and her export: open.
    assert_eq!(
        t.get("/api/v1/me", Some(&token)).await.status,
        StatusCode::OK
    );
    let data = export_data(t, &bid, &token).await;
    assert!(data["terms"].is_null());
    // The terms in every language: five sections, none empty; Arabic is Arabic.
    for lang in ["fr", "en", "ar", "uk"] {
        let r = t.get(&format!("/api/v1/terms?lang={lang}"), None).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        let j = r.json();
        assert_eq!(j["version"], TERMS_VERSION);
        assert_eq!(j["language"], lang);
        let sections = j["sections"].as_array().unwrap();
        assert_eq!(sections.len(), 5);
        for s in sections {
            assert!(s["title"].as_str().unwrap().len() > 3, "{s}");
            assert!(s["text"].as_str().unwrap().len() > 40, "{s}");
        }
    }
    let ar = t.get("/api/v1/terms?lang=ar", None).await.json();
    assert!(ar["title"].as_str().unwrap().contains("شروط"));
    let fr = t.get("/api/v1/terms?lang=fr", None).await.json();
    assert!(fr.to_string().contains("L103"));
    assert_eq!(
        t.get("/api/v1/terms?lang=xx", None).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    // Accepting another version than the one in force: 409, nothing stored.
    let r = t
        .post(
            "/api/v1/me/terms",
            Some(&token),
            json!({"version": "1999-01"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text);
    let r = t
        .post(
            "/api/v1/me/terms",
            Some(&token),
            json!({"version": TERMS_VERSION}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    // The same session reaches her content at once.
    let r = t
        .get(
            &format!("/api/v1/beneficiaries/{bid}/documents"),
            Some(&token),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let me = t.get("/api/v1/me", Some(&token)).await.json();
    assert!(me.get("terms_to_accept").is_none(), "{me}");
    // Stored: the next login does not ask again; in her export and her journal.
    let again = t.login(&identifier, PERSON_PASSWORD).await.json();
    assert!(again["account"].get("terms_to_accept").is_none());
    let data = export_data(t, &bid, &token).await;
    assert_eq!(data["terms"]["version"], TERMS_VERSION);
    assert!(
        data["terms"]["accepted_at"]
            .as_str()
            .unwrap()
            .ends_with('Z')
    );
    let journal = t
        .get(
            &format!("/api/v1/beneficiaries/{bid}/journal"),
            Some(&token),
        )
        .await
        .json();
    assert!(
        journal
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "terms_accepted")
    );
    // A professional has no terms of hers to accept.
    let r = t
        .post(
            "/api/v1/me/terms",
            Some(&w.p1),
            json!({"version": TERMS_VERSION}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_new_version_is_asked_once_at_her_next_login() {
    let w = World::new().await;
    let t = &w.t;
    // She accepted an older version (as if the terms changed since).
    let bid = w.bid.clone();
    t.app
        .tx(move |tx| {
            tx.execute(
                "UPDATE onboarding SET terms_version = '2025-06' WHERE beneficiary_id = $1",
                &[bid.as_str().into()],
            )?;
            Ok(())
        })
        .await
        .unwrap();
    // Her open session goes on; her next login asks.
    let r = t.login(&w.identifier, PERSON_PASSWORD).await;
    assert_eq!(r.json()["account"]["terms_to_accept"], TERMS_VERSION);
    let token = r.json()["token"].as_str().unwrap().to_owned();
    // In the pages: every page of hers leads to the terms, which say they changed.
    let c = session_browser(t, &token);
    let (status, headers, _) = page(&c, t, "/home").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers["location"], "/terms");
    let (_, _, html) = page(&c, t, "/terms").await;
    assert!(html.contains("Les conditions ont changé"));
    let (status, headers, _) = submit(
        &c,
        t,
        "/terms/accept",
        &[("_csrf", &csrf_of(&html)), ("version", TERMS_VERSION)],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    // The guide was seen already: straight home.
    assert_eq!(headers["location"], "/home");
    assert_eq!(page(&c, t, "/home").await.0, StatusCode::OK);
    // Once: the login after does not ask again.
    let r = t.login(&w.identifier, PERSON_PASSWORD).await.json();
    assert!(r["account"].get("terms_to_accept").is_none(), "{r}");
}

#[tokio::test]
async fn the_terms_are_public_and_the_export_page_works_before_accepting() {
    let w = World::new().await;
    let t = &w.t;
    // Anyone: the page, linked from every page's footer.
    let anonymous = browser();
    let (status, _, html) = page(&anonymous, t, "/login").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("href=\"/terms\""));
    let (status, _, html) = page(&anonymous, t, "/terms").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("L103"));
    assert!(!html.contains("/terms/accept"), "nothing to accept");
    // A person before accepting: her export page answers the ZIP.
    let (_, identifier) = new_person(&w).await;
    let token = t.login_pending(&identifier, PERSON_PASSWORD).await;
    let c = session_browser(t, &token);
    let r = c.get(t.url("/export")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "application/zip");
}

#[tokio::test]
async fn the_guide_shows_once_after_the_terms_and_stays_in_her_settings() {
    let w = World::new().await;
    let t = &w.t;
    let (_, identifier) = new_person(&w).await;
    let token = t.login_pending(&identifier, PERSON_PASSWORD).await;
    let r = t
        .post(
            "/api/v1/me/terms",
            Some(&token),
            json!({"version": TERMS_VERSION}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    // Her next login lands on the guide's first screen.
    let c = crate::pages::logged_in(t, &identifier, PERSON_PASSWORD).await;
    let (status, _, html) = page(&c, t, "/guide").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("href=\"/guide?step=2\""));
    assert!(html.contains("aria-current=\"step\""));
    for step in 2..=4 {
        let (status, _, html) = page(&c, t, &format!("/guide?step={step}")).await;
        assert_eq!(status, StatusCode::OK, "step {step}");
        assert!(!html.contains("/guide?step=5"));
        assert!(html.contains("action=\"/guide/done\""));
    }
    assert_eq!(page(&c, t, "/guide?step=9").await.0, StatusCode::NOT_FOUND);
    let (_, _, html) = page(&c, t, "/guide?step=4").await;
    let (status, headers, _) = submit(&c, t, "/guide/done", &[("_csrf", &csrf_of(&html))]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers["location"], "/home");
    // Not again at the next login; still in her settings.
    let r = t.login(&identifier, PERSON_PASSWORD).await.json();
    assert_eq!(r["account"]["guide_pending"], false);
    let (_, _, settings) = page(&c, t, "/settings").await;
    assert!(settings.contains("href=\"/guide\""));
    // A professional has no guide of a person.
    let pro = session_browser(t, &w.p1);
    assert_eq!(page(&pro, t, "/guide").await.0, StatusCode::NOT_FOUND);
}
