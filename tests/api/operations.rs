//! The platform admin's operations (issue 18, item 6): the structures filtered by licence
//! (ending within 30 days, lapsed), the jobs dashboard (counts per kind, the oldest waiting,
//! the last failures without any person's content or number, a retry), and the feature
//! switches for pilots (globally and per structure, journaled, enforced on pages and API,
//! while what people already received stays theirs).

use std::sync::Arc;

use consigne::service::{App, JobHandler, NewJob, Outcome, Worker};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::*;

async fn licence(t: &TestApp, admin: &str, sid: &str, starts: i64, ends: i64) {
    let r = t
        .call(
            "PUT",
            &format!("/api/v1/structures/{sid}/licence"),
            Some(admin),
            Some(&json!({
                "starts_on": date_in_days(t, starts),
                "ends_on": date_in_days(t, ends),
                "annual_budget_eur": 200_000,
                "convention": {"status": "signed"}
            })),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
}

fn ids(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_owned())
        .collect()
}

async fn page(t: &TestApp, client: &reqwest::Client, path: &str) -> (StatusCode, String) {
    let r = client.get(t.url(path)).send().await.unwrap();
    (r.status(), r.text().await.unwrap())
}

fn csrf(html: &str) -> String {
    let at = html.find("name=\"_csrf\" value=\"").unwrap() + 20;
    html[at..at + html[at..].find('"').unwrap()].to_owned()
}

/// Licences ending within 30 days, lapsed, valid, none: the API's `state` filter and the
/// page's bookmarkable filters with their counts.
#[tokio::test]
async fn the_operator_filters_structures_by_licence() {
    let w = World::new().await;
    let t = &w.t;
    let ending = t
        .create_structure(&w.admin, "Accueil Bientôt", "relay")
        .await;
    let lapsed = t.create_structure(&w.admin, "Accueil Échu", "relay").await;
    licence(t, &w.admin, &w.s1, -10, 200).await;
    licence(t, &w.admin, &ending, -300, 12).await;
    licence(t, &w.admin, &lapsed, -400, -5).await;
    let list = |state: &'static str| {
        let admin = w.admin.clone();
        async move {
            t.get(&format!("/api/v1/structures?state={state}"), Some(&admin))
                .await
        }
    };
    let r = list("ending").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(ids(&r.json()), vec![ending.clone()]);
    assert_eq!(ids(&list("lapsed").await.json()), vec![lapsed.clone()]);
    assert_eq!(ids(&list("valid").await.json()), vec![w.s1.clone()]);
    let none = ids(&list("none").await.json());
    assert!(none.contains(&w.s2) && none.contains(&w.med) && !none.contains(&w.s1));
    // A bad filter is a clear 422; without one, everything.
    let r = list("soon").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    let all = t.get("/api/v1/structures", Some(&w.admin)).await;
    assert_eq!(ids(&all.json()).len(), 5);
    // A professional lists her structures but may not filter on licences.
    let r = t.get("/api/v1/structures?state=ending", Some(&w.p1)).await;
    assert!(r.status.is_client_error(), "{}", r.text);
    // The page: counts on the filters, only the matching structures listed.
    let admin = session_browser(t, &w.admin);
    let (s, html) = page(t, &admin, "/admin?state=ending").await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("Accueil Bientôt"), "{html}");
    assert!(!html.contains("Accueil Échu"));
    assert!(html.contains("(1)"));
    assert!(html.contains("aria-current=\"page\""));
    let (_, html) = page(t, &admin, "/admin?state=lapsed").await;
    assert!(html.contains("Accueil Échu") && !html.contains("Accueil Bientôt"));
    let (s, html) = page(t, &admin, "/admin?state=whatever").await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("Accueil Échu") && html.contains("Accueil Bientôt"));
}

/// Answers from the payload's `outcome`.
struct ByPayload;

impl JobHandler for ByPayload {
    fn run(&self, _app: &App, _job: &str, payload: &Value, _now: i64) -> Outcome {
        match payload["outcome"].as_str() {
            Some("fail") => Outcome::Fail(
                "operator refused +33 6 12 34 56 78 (number 0612345678 unknown)".into(),
            ),
            _ => Outcome::Done,
        }
    }
}

fn job(name: &str, outcome: &str, run_at: i64) -> NewJob {
    NewJob {
        kind: "test",
        idempotency_key: format!("test|{name}"),
        payload: json!({ "outcome": outcome, "secret": "Mme Martin, 06 12 34 56 78" }),
        run_at,
        max_attempts: 3,
    }
}

/// Per kind: waiting, running, failed, done in 24 h, the oldest due; the failures without
/// payload or phone number; a retry puts a failed job back; nobody else sees any of it.
#[tokio::test]
async fn the_jobs_dashboard_counts_and_retries() {
    let t = spawn_with(|c| c.jobs.run_in_serve = false).await;
    let (admin, _, _) = t.platform_admin().await;
    let now = t.app.now();
    t.app.enqueue(job("ok", "done", now)).await.unwrap();
    t.app.enqueue(job("bad", "fail", now)).await.unwrap();
    let h: Arc<dyn JobHandler> = Arc::new(ByPayload);
    let worker = Worker::new(&t.app, "w1", vec![("test", h)]);
    let round = worker.run_due().await.unwrap();
    assert_eq!((round.done, round.dead), (1, 1));
    t.clock.advance(120);
    t.app.enqueue(job("due", "done", now + 60)).await.unwrap();
    t.app
        .enqueue(job("later", "done", now + 86_400))
        .await
        .unwrap();
    let r = t.get("/api/v1/admin/jobs/summary", Some(&admin)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let s = r.json();
    let kind = kind_row(&s, "test");
    assert_eq!(kind["pending"], 2);
    assert_eq!(kind["running"], 0);
    assert_eq!(kind["dead"], 1);
    assert_eq!(kind["done_24h"], 1);
    assert!(kind["oldest_due_at"].is_string(), "{kind}");
    let failed = s["failed"].as_array().unwrap();
    assert_eq!(failed.len(), 1);
    let error = failed[0]["last_error"].as_str().unwrap();
    assert!(error.starts_with("operator refused"), "{error}");
    for leak in ["12 34", "0612345678", "Martin", "secret", "56 78"] {
        assert!(!r.text.contains(leak), "{leak} in {}", r.text);
    }
    // Nobody else: 404 like the other operator routes.
    let w = World::new().await;
    for token in [&w.p1, &w.person, &w.pm] {
        let r = w.t.get("/api/v1/admin/jobs/summary", Some(token)).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
    }
    // The page lists it with a retry form that works without JavaScript.
    let browser = session_browser(&t, &admin);
    let (st, html) = page(&t, &browser, "/admin/jobs").await;
    assert_eq!(st, StatusCode::OK);
    assert!(html.contains("data-kind=\"test\""), "{html}");
    assert!(!html.contains("0612345678") && !html.contains("Martin"));
    let id = failed[0]["id"].as_str().unwrap();
    let post = browser
        .post(t.url(&format!("/admin/jobs/{id}/retry")))
        .form(&[("_csrf", csrf(&html))])
        .send()
        .await
        .unwrap();
    assert_eq!(post.status(), StatusCode::SEE_OTHER);
    let s = t
        .get("/api/v1/admin/jobs/summary", Some(&admin))
        .await
        .json();
    let kind = kind_row(&s, "test");
    assert_eq!(kind["dead"], 0);
    assert_eq!(kind["pending"], 3);
    assert!(s["failed"].as_array().unwrap().is_empty());
    // Once retried it is no longer dead: a second retry finds nothing.
    let r = t
        .post(
            &format!("/api/v1/admin/jobs/{id}/retry"),
            Some(&admin),
            json!({}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

async fn put_feature(t: &TestApp, token: &str, feature: &str, body: Value) -> Resp {
    t.call(
        "PUT",
        &format!("/api/v1/admin/features/{feature}"),
        Some(token),
        Some(&body),
    )
    .await
}

async fn switch(w: &World, feature: &str, body: Value) -> Value {
    let r = put_feature(&w.t, &w.admin, feature, body).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    r.json()
}

async fn start(w: &World, text: &str) -> Resp {
    w.t.post(
        &format!("/api/v1/beneficiaries/{}/threads", w.bid),
        Some(&w.person),
        json!({"structure_id": w.s1, "text": text}),
    )
    .await
}

async fn news(w: &World, sid: &str, token: &str) -> Resp {
    w.t.post(
        &format!("/api/v1/structures/{sid}/news"),
        Some(token),
        json!({"text": "Fermé lundi."}),
    )
    .await
}

fn assert_off(r: &Resp) {
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text);
    assert_eq!(r.json()["error"]["code"], "feature_off", "{}", r.text);
}

/// Messaging off for one structure: no new message either way, the links leave its pages,
/// while her thread stays readable and in her export; news off for everyone but one
/// structure; the kit; every change journaled; nobody but the operator switches.
#[tokio::test]
async fn feature_switches_are_enforced_and_what_she_has_stays_hers() {
    let w = World::new().await;
    let t = &w.t;
    // Default: everything on.
    let all = t.get("/api/v1/admin/features", Some(&w.admin)).await;
    assert_eq!(all.status, StatusCode::OK, "{}", all.text);
    for f in all.json().as_array().unwrap() {
        assert_eq!(f["enabled"], true);
    }
    let r = start(&w, "Bonjour, une question.").await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let tid = r.json()["thread_id"].as_str().unwrap().to_owned();
    let pro = session_browser(t, &w.p1);
    let (_, html) = page(t, &pro, "/pro").await;
    assert!(html.contains(&format!("/s/{}/messages", w.s1)));
    // Messaging off for s1 only.
    let v = switch(
        &w,
        "messaging",
        json!({"enabled": false, "structure_id": w.s1}),
    )
    .await;
    let messaging = v
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["feature"] == "messaging")
        .unwrap();
    assert_eq!(messaging["enabled"], true);
    assert_eq!(messaging["structures"][0]["structure_id"], w.s1.as_str());
    assert_eq!(messaging["structures"][0]["enabled"], false);
    assert_off(&start(&w, "Encore moi.").await);
    let r = t
        .post(
            &format!("/api/v1/threads/{tid}/messages"),
            Some(&w.p1),
            json!({"text": "Réponse"}),
        )
        .await;
    assert_off(&r);
    // Her thread stays readable, on the page too (without the answer form), and in her export.
    let r = t
        .get(&format!("/api/v1/threads/{tid}/messages"), Some(&w.person))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert!(r.text.contains("Bonjour, une question."));
    let her = session_browser(t, &w.person);
    let (s, html) = page(t, &her, &format!("/messages/{tid}")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("Bonjour, une question."));
    assert!(!html.contains("id=\"message-text\""));
    let data = t.export_data(&w.person, &w.bid).await;
    assert!(data.contains("Bonjour, une question."));
    // The team still reads it; the inbox link left its home page.
    let r = t
        .get(&format!("/api/v1/threads/{tid}/messages"), Some(&w.p1))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let (_, html) = page(t, &pro, "/pro").await;
    assert!(!html.contains(&format!("/s/{}/messages", w.s1)));
    // On again: she writes.
    switch(
        &w,
        "messaging",
        json!({"enabled": null, "structure_id": w.s1}),
    )
    .await;
    let r = start(&w, "Me revoilà.").await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    // News off for everyone, on for s2 only.
    switch(&w, "news", json!({"enabled": false})).await;
    switch(&w, "news", json!({"enabled": true, "structure_id": w.s2})).await;
    assert_off(&news(&w, &w.s1, &w.p1).await);
    let r = news(&w, &w.s2, &w.p2).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let (_, html) = page(t, &pro, "/pro").await;
    assert!(!html.contains(&format!("/s/{}/news", w.s1)));
    let (s, html) = page(t, &pro, &format!("/s/{}/news", w.s1)).await;
    assert_eq!(s, StatusCode::OK);
    assert!(!html.contains("id=\"news-text\""));
    // The printed kit.
    switch(&w, "kit", json!({"enabled": false, "structure_id": w.s1})).await;
    let r = t
        .get(
            &format!("/api/v1/structures/{}/kit/poster.pdf?lang=fr", w.s1),
            Some(&w.p1),
        )
        .await;
    assert_off(&r);
    let (_, html) = page(t, &pro, "/pro").await;
    assert!(!html.contains(&format!("/s/{}/kit", w.s1)));
    // Every change is in the operator's log.
    let n = w
        .t
        .app
        .db
        .transaction(|tx: &mut dyn consigne::store::Sql| {
            tx.query_one(
                "SELECT COUNT(*) AS n FROM journal WHERE action = 'feature_switched' AND beneficiary_id IS NULL",
                &[],
            )?
            .int("n")
        })
        .await
        .unwrap();
    assert_eq!(n, 5);
    // Only the operator: the others find nothing; bad input is a clear 4xx.
    for token in [&w.p1, &w.person, &w.pm] {
        let r = t.get("/api/v1/admin/features", Some(token)).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        let r = put_feature(t, token, "news", json!({"enabled": true})).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
    }
    let r = put_feature(t, &w.admin, "teleport", json!({"enabled": true})).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = put_feature(t, &w.admin, "news", json!({"enabled": "yes"})).await;
    assert!(r.status.is_client_error());
}

/// The switches page: a structure's switch set and removed with plain forms.
#[tokio::test]
async fn the_switches_page_works_without_javascript() {
    let w = World::new().await;
    let t = &w.t;
    let admin = session_browser(t, &w.admin);
    let (s, html) = page(t, &admin, "/admin/features").await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("id=\"feature-messaging\""));
    let token = csrf(&html);
    let post = |form: Vec<(&'static str, String)>| {
        let admin = admin.clone();
        async move {
            admin
                .post(t.url("/admin/features/news"))
                .form(&form)
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    let st = post(vec![
        ("_csrf", token.clone()),
        ("structure_id", w.s1.clone()),
        ("state", "off".into()),
    ])
    .await;
    assert_eq!(st, StatusCode::SEE_OTHER);
    assert_off(&news(&w, &w.s1, &w.p1).await);
    let (_, html) = page(t, &admin, "/admin/features").await;
    assert!(
        html.contains(&format!("data-structure=\"{}\" data-state=\"off\"", w.s1)),
        "{html}"
    );
    let st = post(vec![
        ("_csrf", token.clone()),
        ("structure_id", w.s1.clone()),
        ("state", "maybe".into()),
    ])
    .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY);
    let st = post(vec![
        ("_csrf", token.clone()),
        ("structure_id", w.s1.clone()),
        ("state", "default".into()),
    ])
    .await;
    assert_eq!(st, StatusCode::SEE_OTHER);
    assert_eq!(news(&w, &w.s1, &w.p1).await.status, StatusCode::CREATED);
    // The pages are the operator's only.
    for token in [&w.p1, &w.person] {
        let b = session_browser(t, token);
        for path in ["/admin/features", "/admin/jobs"] {
            let (s, _) = page(t, &b, path).await;
            assert_eq!(s, StatusCode::NOT_FOUND, "{path}");
        }
    }
}

/// The row of one kind of job in the dashboard's summary.
fn kind_row(summary: &serde_json::Value, kind: &str) -> serde_json::Value {
    summary["kinds"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kind"] == kind)
        .unwrap()
        .clone()
}
