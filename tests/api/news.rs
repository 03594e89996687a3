//! Structure news (issue 17, item 2): a structure posts to the people it follows, or to one
//! referent's people; each reads it on her home page in her language when the structure wrote
//! one; the other structures, the operator and people outside the audience read nothing, at
//! rest either; a post ends and goes; a key rotation keeps it readable by the structure.

use crate::helpers::*;
use crate::pages::{csrf_of, logged_in, page, staff_logged_in, submit};
use consigne::domain::StructureId;
use reqwest::StatusCode;
use serde_json::{Value, json};

const TEXT: &str = "Permanence fermée vendredi.\nApportez votre attestation CAF lundi.";
const ARABIC: &str = "المكتب مغلق يوم الجمعة.";

async fn account_id(t: &TestApp, token: &str) -> String {
    t.get("/api/v1/me", Some(token)).await.json()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn post(w: &World, body: Value) -> Value {
    let r =
        w.t.post(
            &format!("/api/v1/structures/{}/news", w.s1),
            Some(&w.p1),
            body,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    r.json()
}

async fn hers(t: &TestApp, token: &str, bid: &str) -> Vec<Value> {
    let r = t
        .get(&format!("/api/v1/beneficiaries/{bid}/news"), Some(token))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    r.json().as_array().unwrap().clone()
}

#[tokio::test]
async fn she_reads_the_post_in_her_language_and_hides_it() {
    let w = World::new().await;
    let n = post(&w, json!({"text": TEXT, "translations": {"ar": ARABIC}})).await;
    assert_eq!(n["text"], TEXT);
    assert_eq!(n["translations"]["ar"], ARABIC);
    assert_eq!(n["reached"], 1);
    // In French (her language at opening), the post's own text.
    let list = hers(&w.t, &w.person, &w.bid).await;
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["text"], TEXT);
    assert_eq!(list[0]["structure"]["name"], "Accueil de jour");
    assert!(list[0]["language"].is_null());
    // In Arabic, the structure's translation.
    let r =
        w.t.post(
            "/api/v1/me/language",
            Some(&w.person),
            json!({"language": "ar"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let again = w.t.login_ok(&w.identifier, PERSON_PASSWORD).await;
    let list = hers(&w.t, &again, &w.bid).await;
    assert_eq!(list[0]["text"], ARABIC);
    assert_eq!(list[0]["language"], "ar");
    // Her home page shows it.
    let browser = logged_in(&w.t, &w.identifier, PERSON_PASSWORD).await;
    let (_, _, home) = page(&browser, &w.t, "/home").await;
    assert!(home.contains(ARABIC), "{home}");
    // She hides it: gone from her list and her home, still on the structure's page.
    let id = n["id"].as_str().unwrap();
    let csrf = csrf_of(&home);
    let (status, _, _) = submit(
        &browser,
        &w.t,
        &format!("/news/{id}/dismiss"),
        &[("_csrf", csrf.as_str())],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(hers(&w.t, &again, &w.bid).await.is_empty());
    let (_, _, home) = page(&browser, &w.t, "/home").await;
    assert!(!home.contains(ARABIC));
    let r =
        w.t.get(&format!("/api/v1/structures/{}/news", w.s1), Some(&w.p1))
            .await;
    assert_eq!(r.json().as_array().unwrap().len(), 1);
    // Hiding twice, or someone else's post: 404.
    let r =
        w.t.post_empty(
            &format!("/api/v1/beneficiaries/{}/news/{id}/dismiss", w.bid),
            Some(&again),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);
}

#[tokio::test]
async fn a_referents_post_reaches_only_her_people_and_no_one_else_reads_it() {
    let w = World::new().await;
    let t = &w.t;
    // A second person at s1, without a referent; the first one's referent is p1.
    let (bid2, identifier2, _) = t
        .open_safe(&w.p1, &w.s1, "Samir", "Haddad", "1979-03-02")
        .await;
    let person2 = t.login_ok(&identifier2, PERSON_PASSWORD).await;
    let p1_id = account_id(t, &w.p1).await;
    let file = format!("/api/v1/structures/{}/people/{}/file", w.s1, w.bid);
    let r = t.patch(&file, &w.p1, json!({"referent_id": p1_id})).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let n = post(
        &w,
        json!({"text": "Atelier CV jeudi", "audience": {"referent_id": p1_id}}),
    )
    .await;
    assert_eq!(n["reached"], 1);
    assert_eq!(n["audience"]["referent_id"], p1_id.as_str());
    assert_eq!(hers(t, &w.person, &w.bid).await.len(), 1);
    assert!(hers(t, &person2, &bid2).await.is_empty());
    // To everyone: both.
    let all = post(&w, json!({"text": "Fermé le 25"})).await;
    assert_eq!(all["reached"], 2);
    assert_eq!(hers(t, &person2, &bid2).await.len(), 1);
    // A referent who is not a member of the structure: refused.
    let p2_id = account_id(t, &w.p2).await;
    let r = t
        .post(
            &format!("/api/v1/structures/{}/news", w.s1),
            Some(&w.p1),
            json!({"text": "x", "audience": {"referent_id": p2_id}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    // Another structure, a mediation structure, the operator, a person: nothing.
    for token in [&w.p2, &w.pm, &w.admin, &w.person] {
        let r = t
            .get(&format!("/api/v1/structures/{}/news", w.s1), Some(token))
            .await;
        assert!(
            matches!(r.status, StatusCode::NOT_FOUND | StatusCode::FORBIDDEN),
            "{}",
            r.status
        );
        assert!(!r.text.contains("Atelier"));
        let r = t
            .post(
                &format!("/api/v1/structures/{}/news", w.s1),
                Some(token),
                json!({"text": "Faux"}),
            )
            .await;
        assert!(
            matches!(r.status, StatusCode::NOT_FOUND | StatusCode::FORBIDDEN),
            "{}",
            r.status
        );
        let r = t
            .delete(
                &format!(
                    "/api/v1/structures/{}/news/{}",
                    w.s1,
                    all["id"].as_str().unwrap()
                ),
                Some(token),
            )
            .await;
        assert!(
            matches!(r.status, StatusCode::NOT_FOUND | StatusCode::FORBIDDEN),
            "{}",
            r.status
        );
    }
    // Her news is hers: the other person, a professional get nothing of it.
    for token in [&person2, &w.p1] {
        let r = t
            .get(
                &format!("/api/v1/beneficiaries/{}/news", w.bid),
                Some(token),
            )
            .await;
        assert!(
            matches!(r.status, StatusCode::NOT_FOUND | StatusCode::FORBIDDEN),
            "{}",
            r.status
        );
    }
    // The structure removes a post: gone for everyone.
    let r = t
        .delete(
            &format!(
                "/api/v1/structures/{}/news/{}",
                w.s1,
                all["id"].as_str().unwrap()
            ),
            Some(&w.p1),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    assert!(hers(t, &person2, &bid2).await.is_empty());
}

#[tokio::test]
async fn leaving_the_relais_hides_its_posts_and_posts_end() {
    let w = World::new().await;
    let t = &w.t;
    post(
        &w,
        json!({"text": "Distribution de colis mardi", "days": 1}),
    )
    .await;
    assert_eq!(hers(t, &w.person, &w.bid).await.len(), 1);
    // After its day, not shown; the housekeeping then removes it with every copy.
    t.clock.advance(86_400 + 1);
    let person = t.login_ok(&w.identifier, PERSON_PASSWORD).await;
    let p1 = t
        .login_staff(&w.p1_login.0, STAFF_PASSWORD, &w.p1_login.1)
        .await;
    assert!(hers(t, &person, &w.bid).await.is_empty());
    t.app.housekeeping().await.unwrap();
    let rows = t
        .app
        .db
        .read(|tx| {
            let recipients =
                tx.query("SELECT COUNT(*) AS n FROM news_recipients", &[])?[0].int("n")?;
            let posts = tx.query("SELECT COUNT(*) AS n FROM structure_news", &[])?[0].int("n")?;
            Ok::<i64, consigne::service::ServiceError>(recipients + posts)
        })
        .await
        .unwrap();
    assert_eq!(rows, 0);
    // She leaves s1: its posts are no longer hers.
    let r = t
        .post(
            &format!("/api/v1/structures/{}/news", w.s1),
            Some(&p1),
            json!({"text": "Nouveaux horaires"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(hers(t, &person, &w.bid).await.len(), 1);
    let r = t
        .delete(
            &format!("/api/v1/beneficiaries/{}/relays/{}", w.bid, w.s1),
            Some(&person),
        )
        .await;
    assert!(r.status.is_success(), "{} {}", r.status, r.text);
    assert!(hers(t, &person, &w.bid).await.is_empty());
    // Bad input: blank, too long, unknown language, days out of range: 422, nothing written.
    for body in [
        json!({"text": "  "}),
        json!({"text": "x".repeat(1001)}),
        json!({"text": "x", "translations": {"xx": "y"}}),
        json!({"text": "x", "days": 0}),
        json!({"text": "x", "days": 400}),
    ] {
        let r = t
            .post(
                &format!("/api/v1/structures/{}/news", w.s1),
                Some(&p1),
                body,
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    }
}

#[tokio::test]
async fn no_post_is_stored_in_clear() {
    let w = World::new().await;
    post(
        &w,
        json!({"text": "MARQUEURACTUQZX", "translations": {"en": "MARQUEURTRADWJK"}}),
    )
    .await;
    crate::canary::assert_absent(&w.t, &["MARQUEURACTUQZX", "MARQUEURTRADWJK"]);
}

#[tokio::test]
async fn posts_stay_readable_after_a_structure_key_rotation() {
    let w = World::new().await;
    let n = post(&w, json!({"text": TEXT})).await;
    let version = w.rotate_s1_key().await;
    assert_eq!(version, 2, "the rotation ended");
    let sid = StructureId::parse(&w.s1).unwrap();
    let r =
        w.t.get(&format!("/api/v1/structures/{}/news", w.s1), Some(&w.p1))
            .await;
    let list = r.json();
    assert_eq!(list[0]["id"], n["id"]);
    assert_eq!(list[0]["text"], TEXT);
    let stale =
        w.t.app
            .db
            .read(move |tx| consigne::store::news::stale(tx, &sid, 2, 10))
            .await
            .unwrap();
    assert!(stale.is_empty());
    // She still reads it.
    assert_eq!(hers(&w.t, &w.person, &w.bid).await[0]["text"], TEXT);
}

#[tokio::test]
async fn the_news_page_works_without_javascript() {
    let w = World::new().await;
    let t = &w.t;
    let (email, secret) = &w.p1_login;
    let browser = staff_logged_in(t, email, secret).await;
    let (_, _, pro) = page(&browser, t, "/pro").await;
    let news = format!("/s/{}/news", w.s1);
    assert!(pro.contains(&news), "{pro}");
    let (status, _, html) = page(&browser, t, &news).await;
    assert_eq!(status, StatusCode::OK);
    let csrf = csrf_of(&html);
    let (status, _, _) = submit(
        &browser,
        t,
        &news,
        &[
            ("_csrf", csrf.as_str()),
            ("text", "Ouvert samedi matin"),
            ("text_en", "Open on Saturday morning"),
            ("referent", ""),
            ("days", "14"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, _, html) = page(&browser, t, &news).await;
    assert!(html.contains("Ouvert samedi matin"), "{html}");
    assert!(html.contains("Open on Saturday morning"), "{html}");
    // A blank text: the form again with the error, nothing posted.
    let (status, _, html) = submit(
        &browser,
        t,
        &news,
        &[("_csrf", csrf.as_str()), ("text", " "), ("days", "14")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("news-text"));
    let list = t
        .get(&format!("/api/v1/structures/{}/news", w.s1), Some(&w.p1))
        .await
        .json();
    assert_eq!(list.as_array().unwrap().len(), 1);
    let id = list[0]["id"].as_str().unwrap();
    // Her home page in French shows the post's own text.
    let her = logged_in(t, &w.identifier, PERSON_PASSWORD).await;
    let (_, _, home) = page(&her, t, "/home").await;
    assert!(home.contains("Ouvert samedi matin"), "{home}");
    // Removing it from the page.
    let (status, _, _) = submit(
        &browser,
        t,
        &format!("{news}/{id}/delete"),
        &[("_csrf", csrf.as_str())],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, _, home) = page(&her, t, "/home").await;
    assert!(!home.contains("Ouvert samedi matin"));
}
