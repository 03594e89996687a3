//! Messages between a person and her relais (issue 17, docs/messaging.md), end to end: she
//! writes to her relais with a document, its team reads (unread counts, her journal) and
//! answers, another structure finds nothing, leaving and closing, the SMS that tells her
//! (never the text, grouped per hour, not at night, counted per structure), nothing in clear
//! at rest, the export and the retention rule.

use consigne::service::{Worker, job_handlers};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::*;
use crate::sms::{Recorder, operator};

/// 2026-12-03 00:00 in Paris (UTC+1 in December).
const MIDNIGHT_PARIS: i64 = 1_796_252_400;

/// A midnight in Paris after `now` (a second factor's code is never taken from the past), at
/// least a day ahead.
fn next_midnight(now: i64) -> i64 {
    MIDNIGHT_PARIS + ((now - MIDNIGHT_PARIS).div_euclid(86_400) + 2) * 86_400
}

async fn start(w: &World, text: &str, docs: &[&str]) -> (String, Value) {
    let r =
        w.t.post(
            &format!("/api/v1/beneficiaries/{}/threads", w.bid),
            Some(&w.person),
            json!({"structure_id": w.s1, "text": text, "document_ids": docs}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let j = r.json();
    (j["thread_id"].as_str().unwrap().to_owned(), j)
}

async fn answer(w: &World, token: &str, tid: &str, text: &str) -> crate::helpers::Resp {
    w.t.post(
        &format!("/api/v1/threads/{tid}/messages"),
        Some(token),
        json!({ "text": text }),
    )
    .await
}

/// A document she adds to her safe (not shared); its id.
async fn her_document(w: &World, bytes: Vec<u8>, file: &str, name: &str) -> String {
    let r = w.t.upload(&w.person, &w.bid, bytes, file, Some(name)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    r.json()["id"].as_str().unwrap().to_owned()
}

fn actions(journal: &[Value]) -> Vec<String> {
    journal
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn she_writes_to_her_relais_its_team_reads_and_answers() {
    let w = World::new().await;
    let t = &w.t;
    let doc = her_document(&w, jpeg(24, 24), "photo.jpg", "Attestation").await;
    let (tid, first) = start(&w, "Bonjour, voici mon attestation.", &[&doc]).await;
    assert_eq!(first["author"]["kind"], "beneficiary");
    assert_eq!(first["text"], "Bonjour, voici mon attestation.");
    assert_eq!(first["documents"][0]["id"], doc.as_str());
    // Her document is now shared with that relais (through the share path, journaled).
    let d = t
        .get(&format!("/api/v1/documents/{doc}"), Some(&w.p1))
        .await;
    assert_eq!(d.status, StatusCode::OK, "{}", d.text);
    // A second first message goes to the same thread.
    let (again, _) = start(&w, "Et encore une chose.", &[]).await;
    assert_eq!(again, tid);
    // The team inbox: her name as the structure sees it, two unread.
    let inbox = t
        .get(&format!("/api/v1/structures/{}/threads", w.s1), Some(&w.p1))
        .await;
    assert_eq!(inbox.status, StatusCode::OK, "{}", inbox.text);
    let inbox = inbox.json();
    assert_eq!(inbox.as_array().unwrap().len(), 1);
    assert_eq!(inbox[0]["id"], tid.as_str());
    assert_eq!(inbox[0]["person"]["name"], "Zoé Lefèvre");
    assert_eq!(inbox[0]["unread"], 2);
    // The team reads: oldest first; the inbox count falls; her journal says the team read.
    let list = t
        .get(&format!("/api/v1/threads/{tid}/messages"), Some(&w.p1))
        .await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.text);
    let list = list.json();
    assert_eq!(list.as_array().unwrap().len(), 2);
    assert_eq!(list[0]["text"], "Bonjour, voici mon attestation.");
    assert_eq!(list[1]["text"], "Et encore une chose.");
    assert_eq!(list[0]["documents"][0]["name"], "Attestation");
    let inbox = t
        .get(&format!("/api/v1/structures/{}/threads", w.s1), Some(&w.p1))
        .await
        .json();
    assert_eq!(inbox[0]["unread"], 0);
    // Read again: no second journal line.
    t.get(&format!("/api/v1/threads/{tid}/messages"), Some(&w.p1))
        .await;
    // The team answers with a document of hers already shared with it.
    let r = t
        .post(
            &format!("/api/v1/threads/{tid}/messages"),
            Some(&w.p1),
            json!({"text": "Bien reçu, merci.", "document_ids": [doc]}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(r.json()["author"]["kind"], "professional");
    assert!(r.json()["author"]["name"].is_string());
    // A document not shared with the structure cannot be attached by it.
    let private = her_document(&w, jpeg(20, 20), "p.jpg", "Privé").await;
    let r = t
        .post(
            &format!("/api/v1/threads/{tid}/messages"),
            Some(&w.p1),
            json!({"text": "x", "document_ids": [private]}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    // Her list: one unread from the team; reading it clears it.
    let mine = t
        .get(
            &format!("/api/v1/beneficiaries/{}/threads", w.bid),
            Some(&w.person),
        )
        .await
        .json();
    assert_eq!(mine[0]["structure"]["id"], w.s1.as_str());
    assert_eq!(mine[0]["unread"], 1);
    let list = t
        .get(&format!("/api/v1/threads/{tid}/messages"), Some(&w.person))
        .await
        .json();
    assert_eq!(list[2]["text"], "Bien reçu, merci.");
    assert_eq!(list[2]["mine"], false);
    assert_eq!(list[0]["mine"], true);
    let mine = t
        .get(
            &format!("/api/v1/beneficiaries/{}/threads", w.bid),
            Some(&w.person),
        )
        .await
        .json();
    assert_eq!(mine[0]["unread"], 0);
    let journal = actions(&w.her_journal().await);
    assert_eq!(journal.iter().filter(|a| *a == "message_sent").count(), 2);
    assert_eq!(
        journal.iter().filter(|a| *a == "message_written").count(),
        1
    );
    assert_eq!(journal.iter().filter(|a| *a == "messages_read").count(), 1);
    assert!(journal.contains(&"document_shared".to_owned()));
    // Her export holds her messages.
    let data: Value = serde_json::from_str(&t.export_data(&w.person, &w.bid).await).unwrap();
    assert_eq!(
        data["messages"][0]["messages"][2]["text"],
        "Bien reçu, merci."
    );
}

#[tokio::test]
async fn another_structure_and_everyone_else_find_nothing() {
    let w = World::new().await;
    let t = &w.t;
    let (tid, _) = start(&w, "Un message", &[]).await;
    for token in [&w.p2, &w.pm, &w.admin] {
        for (method, path) in [
            ("GET", format!("/api/v1/threads/{tid}/messages")),
            ("POST", format!("/api/v1/threads/{tid}/messages")),
            ("POST", format!("/api/v1/threads/{tid}/close")),
            ("GET", format!("/api/v1/beneficiaries/{}/threads", w.bid)),
        ] {
            let r = t
                .call(method, &path, Some(token), Some(&json!({"text": "x"})))
                .await;
            assert_eq!(
                r.status,
                StatusCode::NOT_FOUND,
                "{method} {path}: {}",
                r.text
            );
            assert!(!r.text.contains("Un message"));
        }
    }
    // Another structure's inbox has nothing of hers.
    let r = t
        .get(&format!("/api/v1/structures/{}/threads", w.s2), Some(&w.p2))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json(), json!([]));
    // She cannot write to a structure that is not her relais.
    let r = t
        .post(
            &format!("/api/v1/beneficiaries/{}/threads", w.bid),
            Some(&w.person),
            json!({"structure_id": w.s2, "text": "x"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);
}

#[tokio::test]
async fn bad_input_is_refused_clearly() {
    let w = World::new().await;
    let t = &w.t;
    let path = format!("/api/v1/beneficiaries/{}/threads", w.bid);
    for (body, want) in [
        (json!({"structure_id": w.s1, "text": "   "}), 422),
        (json!({"structure_id": w.s1, "text": "x".repeat(5001)}), 422),
        (json!({"structure_id": w.s1, "text": "a\u{0}b"}), 422),
        (json!({"structure_id": "nope", "text": "x"}), 422),
        (
            json!({"structure_id": w.s1, "text": "x", "document_ids": ["nope"]}),
            422,
        ),
        (json!({"structure_id": w.s1, "text": "x", "extra": 1}), 400),
        (json!({"text": "x"}), 400),
    ] {
        let r = t.post(&path, Some(&w.person), body.clone()).await;
        assert_eq!(r.status.as_u16(), want, "{body}: {}", r.text);
    }
    let r = t
        .get("/api/v1/threads/not-a-uuid/messages", Some(&w.person))
        .await;
    assert!(r.status.is_client_error(), "{}", r.text);
    // A document of someone else's safe (or none) cannot be attached.
    let r = t
        .post(
            &path,
            Some(&w.person),
            json!({"structure_id": w.s1, "text": "x", "document_ids": [uuid::Uuid::new_v4().to_string()]}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);
}

#[tokio::test]
async fn closing_and_leaving_the_relais() {
    let w = World::new().await;
    let t = &w.t;
    let (tid, _) = start(&w, "Bonjour", &[]).await;
    // She closes it: the team can no longer write; she can, and it opens again.
    let r = t
        .post_empty(&format!("/api/v1/threads/{tid}/close"), Some(&w.person))
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let r = answer(&w, &w.p1, &tid, "Réponse").await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text);
    // The team may not close it.
    let r = t
        .post_empty(&format!("/api/v1/threads/{tid}/close"), Some(&w.p1))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text);
    let r = answer(&w, &w.person, &tid, "Finalement").await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let r = answer(&w, &w.p1, &tid, "Réponse").await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    // She leaves the relais: it sees nothing any more; she keeps the thread, closed.
    let r = t
        .delete(
            &format!("/api/v1/beneficiaries/{}/relays/{}", w.bid, w.s1),
            Some(&w.person),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let r = t
        .get(&format!("/api/v1/threads/{tid}/messages"), Some(&w.p1))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = t
        .get(&format!("/api/v1/structures/{}/threads", w.s1), Some(&w.p1))
        .await;
    assert_eq!(r.json(), json!([]));
    let r = answer(&w, &w.p1, &tid, "Encore").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let mine = t
        .get(
            &format!("/api/v1/beneficiaries/{}/threads", w.bid),
            Some(&w.person),
        )
        .await
        .json();
    assert_eq!(mine[0]["closed"], true);
    let r = t
        .get(&format!("/api/v1/threads/{tid}/messages"), Some(&w.person))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json().as_array().unwrap().len(), 3);
    let r = answer(&w, &w.person, &tid, "Encore").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text);
}

#[tokio::test]
async fn messages_and_attachments_are_not_at_rest_in_clear() {
    let w = World::new().await;
    let t = &w.t;
    let doc = her_document(
        &w,
        pdf("PIECEJOINTEMARQUEURQX"),
        "piece.pdf",
        "NOMPIECEMARQUEURZK",
    )
    .await;
    let (tid, _) = start(&w, "TEXTEMESSAGEMARQUEURWJ", &[&doc]).await;
    let r = answer(&w, &w.p1, &tid, "REPONSEEQUIPEMARQUEURVB").await;
    assert_eq!(r.status, StatusCode::CREATED);
    crate::canary::assert_absent(
        t,
        &[
            "TEXTEMESSAGEMARQUEURWJ",
            "REPONSEEQUIPEMARQUEURVB",
            "PIECEJOINTEMARQUEURQX",
            "NOMPIECEMARQUEURZK",
        ],
    );
}

#[tokio::test]
async fn the_housekeeping_deletes_old_threads_and_keeps_her_documents() {
    let mut w = World::new().await;
    let doc = her_document(&w, jpeg(24, 24), "a.jpg", "Gardé").await;
    let (tid, _) = start(&w, "Ancien", &[&doc]).await;
    // 23 months later: kept.
    let now = w.t.app.now();
    w.t.clock.set(now + 700 * 86_400);
    w.t.app.housekeeping().await.unwrap();
    w.person = w.t.login_ok(&w.identifier, PERSON_PASSWORD).await;
    let r =
        w.t.get(&format!("/api/v1/threads/{tid}/messages"), Some(&w.person))
            .await;
    assert_eq!(r.status, StatusCode::OK);
    // Past 24 months without a new message: gone, her document stays.
    w.t.clock.set(now + 731 * 86_400);
    w.t.app.housekeeping().await.unwrap();
    w.person = w.t.login_ok(&w.identifier, PERSON_PASSWORD).await;
    let r =
        w.t.get(&format!("/api/v1/threads/{tid}/messages"), Some(&w.person))
            .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r =
        w.t.get(&format!("/api/v1/documents/{doc}"), Some(&w.person))
            .await;
    assert_eq!(r.status, StatusCode::OK);
}

fn worker(t: &TestApp) -> Worker {
    Worker::new(&t.app, "w1", job_handlers(&t.app))
}

fn sent(rec: &Recorder) -> Vec<Value> {
    rec.requests
        .lock()
        .unwrap()
        .iter()
        .map(|r| r.2.clone())
        .collect()
}

async fn sms_world(operator_url: &str) -> World {
    let url = operator_url.to_owned();
    World::with(move |c| {
        c.jobs.run_in_serve = false;
        c.sms.operator = "webhook".into();
        c.sms.webhook_url = format!("{url}/hook");
        c.sms.webhook_token = "operator-token".into();
        c.sms.delivery_token = "delivery-token".into();
    })
    .await
}

/// Logs everyone in again at `at` (sessions end when the clock jumps).
async fn at(w: &mut World, at: i64) {
    w.t.clock.set(at);
    w.person = w.t.login_ok(&w.identifier, PERSON_PASSWORD).await;
    let (email, secret) = w.p1_login.clone();
    w.p1 = w.t.login_staff(&email, STAFF_PASSWORD, &secret).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn she_is_told_by_sms_without_the_text_at_most_once_an_hour_never_at_night() {
    let (base, rec) = operator().await;
    let mut w = sms_world(&base).await;
    let wk = worker(&w.t);
    // Midnight in winter time (an hour later in summer): every hour used below stays on the
    // same side of the quiet hours (20:00-08:00) either way.
    let midnight = next_midnight(w.t.app.now());
    // 10:00 in Paris.
    at(&mut w, midnight + 10 * 3600).await;
    let (tid, _) = start(&w, "Bonjour", &[]).await;
    // Her own message tells her nothing.
    wk.run_due().await.unwrap();
    assert!(sent(&rec).is_empty());
    let r = answer(&w, &w.p1, &tid, "SECRETREPONSE un").await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let r = answer(&w, &w.p1, &tid, "SECRETREPONSE deux").await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(wk.run_due().await.unwrap().done, 1);
    let got = sent(&rec);
    assert_eq!(got.len(), 1, "grouped: {got:?}");
    assert_eq!(got[0]["to"], "+33601020304");
    assert_eq!(
        got[0]["text"],
        "Vous avez un nouveau message dans Consigne."
    );
    assert!(!got[0].to_string().contains("SECRETREPONSE"));
    // Twenty minutes later: another message waits for the hour to pass.
    at(&mut w, midnight + 10 * 3600 + 1200).await;
    answer(&w, &w.p1, &tid, "SECRETREPONSE trois").await;
    answer(&w, &w.p1, &tid, "SECRETREPONSE quatre").await;
    wk.run_due().await.unwrap();
    assert_eq!(sent(&rec).len(), 1, "not within the hour");
    w.t.clock.set(midnight + 11 * 3600 + 60);
    assert_eq!(wk.run_due().await.unwrap().done, 1);
    assert_eq!(sent(&rec).len(), 2, "one for the two later messages");
    // Counted for the structure that wrote.
    let s1 = w.s1.clone();
    let counted =
        w.t.app
            .tx(move |tx| Ok(consigne::store::reminders::counters(tx, &s1)?))
            .await
            .unwrap();
    assert_eq!(counted.len(), 1, "{counted:?}");
    assert_eq!((counted[0].1, counted[0].2), (2, 2));
    // She read them: a message at 23:00 waits for the morning; read before then, none goes.
    at(&mut w, midnight + 23 * 3600).await;
    answer(&w, &w.p1, &tid, "SECRETREPONSE nuit").await;
    assert_eq!(wk.run_due().await.unwrap().done, 0);
    w.t.clock.set(midnight + 86_400 + 3 * 3600);
    wk.run_due().await.unwrap();
    assert_eq!(sent(&rec).len(), 2, "nothing at night");
    w.t.clock.set(midnight + 86_400 + 8 * 3600);
    assert_eq!(wk.run_due().await.unwrap().done, 1);
    assert_eq!(sent(&rec).len(), 3, "in the morning");
    // Read first: no SMS at all.
    at(&mut w, midnight + 86_400 + 10 * 3600).await;
    answer(&w, &w.p1, &tid, "SECRETREPONSE lu").await;
    w.t.get(&format!("/api/v1/threads/{tid}/messages"), Some(&w.person))
        .await;
    w.t.clock.set(midnight + 86_400 + 12 * 3600);
    wk.run_due().await.unwrap();
    assert_eq!(sent(&rec).len(), 3, "she had read it");
}

#[tokio::test]
async fn without_a_phone_no_sms_is_planned() {
    let w = World::new().await;
    let r =
        w.t.delete(
            &format!("/api/v1/beneficiaries/{}/phone", w.bid),
            Some(&w.person),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let (tid, _) = start(&w, "Bonjour", &[]).await;
    let r = answer(&w, &w.p1, &tid, "Réponse").await;
    assert_eq!(r.status, StatusCode::CREATED);
    let jobs =
        w.t.app
            .tx(|tx| {
                Ok(tx
                    .query_one(
                        "SELECT COUNT(*) AS n FROM jobs WHERE kind = 'message_sms'",
                        &[],
                    )?
                    .int("n")?)
            })
            .await
            .unwrap();
    assert_eq!(jobs, 0);
}

#[tokio::test]
async fn the_pages_work_without_javascript() {
    let w = World::new().await;
    let t = &w.t;
    let person = session_browser(t, &w.person);
    let p1 = session_browser(t, &w.p1);
    let p2 = session_browser(t, &w.p2);
    let home = person.get(t.url("/messages")).send().await.unwrap();
    assert_eq!(home.status(), 200);
    let html = home.text().await.unwrap();
    assert!(html.contains("115"), "the emergency notice");
    let csrf = csrf_of(&html);
    let r = person
        .post(t.url("/messages"))
        .form(&[
            ("_csrf", csrf.as_str()),
            ("structure_id", w.s1.as_str()),
            ("text", "Bonjour depuis la page"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let location = r.headers()["location"].to_str().unwrap().to_owned();
    let tid = location
        .trim_start_matches("/messages/")
        .trim_end_matches("#last")
        .to_owned();
    let page = p1
        .get(t.url(&format!("/messages/{tid}")))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("Bonjour depuis la page"));
    // The team answers with a photo: it lands in her safe, shared with the structure.
    let form = reqwest::multipart::Form::new()
        .text("_csrf", csrf_of(&html))
        .text("text", "Voici le formulaire")
        .part(
            "file",
            reqwest::multipart::Part::bytes(jpeg(30, 30))
                .file_name("formulaire.jpg")
                .mime_str("image/jpeg")
                .unwrap(),
        );
    let r = p1
        .post(t.url(&format!("/messages/{tid}")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    let list = t
        .get(&format!("/api/v1/threads/{tid}/messages"), Some(&w.person))
        .await
        .json();
    assert_eq!(list[1]["text"], "Voici le formulaire");
    let doc = list[1]["documents"][0]["id"].as_str().unwrap().to_owned();
    let d = t
        .get(&format!("/api/v1/documents/{doc}"), Some(&w.person))
        .await
        .json();
    assert_eq!(d["shared_with"], json!([w.s1]));
    // Pages of others: the same 404.
    for path in [format!("/messages/{tid}"), format!("/messages/{tid}/list")] {
        let r = p2.get(t.url(&path)).send().await.unwrap();
        assert_eq!(r.status(), 404, "{path}");
    }
    let r = p2
        .get(t.url(&format!("/s/{}/messages", w.s1)))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    let r = p1
        .get(t.url(&format!("/s/{}/messages", w.s1)))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains("Zoé Lefèvre"));
    // Her home page counts the team's unread message.
    let home = person
        .get(t.url("/home"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(home.contains("href=\"/messages\""), "the Messages tile");
}

fn csrf_of(html: &str) -> String {
    let at = html.find("name=\"_csrf\" value=\"").unwrap() + 20;
    html[at..at + html[at..].find('"').unwrap()].to_owned()
}
