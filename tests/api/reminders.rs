//! Reminders by SMS, end to end with the clock moved: an event with a reminder is created
//! through the API, the job queue sends it through the webhook adapter to a local test
//! operator (which records what it receives), the operator's delivery report marks it
//! delivered. Quiet hours, exactly-once with two workers, retries, a dead job for an operator
//! down for good, counters per structure.

use consigne::service::{Worker, job_handlers};
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::*;
use crate::sms::{Recorder, operator};

/// 2026-12-03 00:00 in Paris (UTC+1 in December).
const MIDNIGHT_PARIS: i64 = 1_796_252_400;

async fn world(operator_url: &str) -> World {
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

/// An event at midnight (Paris) with a reminder an hour before: due at 23:00, in quiet hours.
async fn event_with_reminder(w: &mut World) -> String {
    w.t.clock.set(MIDNIGHT_PARIS - 3 * 86_400);
    // Days later: a new session.
    w.person = w.t.login_ok(&w.identifier, PERSON_PASSWORD).await;
    let r =
        w.t.post(
            &format!("/api/v1/beneficiaries/{}/events", w.bid),
            Some(&w.person),
            json!({
                "title": "Préfecture, titre de séjour",
                "starts_at": "2026-12-02T23:00:00Z",
                "reminders": [{"minutes_before": 60, "channel": "sms"}],
            }),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    r.json()["id"].as_str().unwrap().to_owned()
}

fn worker(t: &TestApp, name: &str) -> Worker {
    Worker::new(&t.app, name, job_handlers(&t.app))
}

async fn reminder_row(t: &TestApp) -> (String, Option<i64>, Option<String>) {
    t.app
        .tx(|tx| {
            let r = tx.query_one("SELECT status, segments, encoding FROM reminders", &[])?;
            Ok((r.text(0)?, r.opt_int(1)?, r.opt_text(2)?))
        })
        .await
        .unwrap()
}

fn sent(rec: &Recorder) -> usize {
    rec.requests.lock().unwrap().len()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reminder_due_at_night_is_sent_in_the_morning_then_delivered() {
    let (base, rec) = operator().await;
    let mut w = world(&base).await;
    event_with_reminder(&mut w).await;
    let wk = worker(&w.t, "w1");
    // 23:00 in Paris: quiet hours.
    w.t.clock.set(MIDNIGHT_PARIS - 3600);
    assert_eq!(wk.run_due().await.unwrap().postponed, 1);
    assert_eq!(sent(&rec), 0, "nothing at night");
    w.t.clock.set(MIDNIGHT_PARIS + 7 * 3600 - 60);
    assert_eq!(
        wk.run_due().await.unwrap().claimed,
        0,
        "still night at 07:59"
    );
    w.t.clock.set(MIDNIGHT_PARIS + 8 * 3600);
    assert_eq!(wk.run_due().await.unwrap().done, 1);
    {
        let requests = rec.requests.lock().unwrap();
        assert_eq!(requests.len(), 1);
        let body = &requests[0].2;
        assert_eq!(body["to"], "+33601020304");
        assert_eq!(body["encoding"], "gsm7");
        let text = body["text"].as_str().unwrap();
        assert!(
            text.contains("03/12/2026") && text.contains("00:00"),
            "{text}"
        );
        assert!(
            !text.contains("Préfecture"),
            "never what the appointment is: {text}"
        );
        assert_eq!(requests[0].1["authorization"], "Bearer operator-token");
    }
    assert_eq!(
        reminder_row(&w.t).await,
        ("sent".into(), Some(1), Some("gsm7".into()))
    );
    // Counted for the structure that opened her safe.
    let s1 = w.s1.clone();
    let counted =
        w.t.app
            .tx(move |tx| Ok(consigne::store::reminders::counters(tx, &s1)?))
            .await
            .unwrap();
    assert_eq!(counted, vec![("2026-12".to_owned(), 1, 1)]);
    // The operator's delivery report: a wrong token changes nothing, the right one delivers.
    let report = json!({"reference": "gw-42", "status": "delivered"});
    let r =
        w.t.post(
            "/api/v1/sms/delivery/webhook?token=guess",
            None,
            report.clone(),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r =
        w.t.post(
            "/api/v1/sms/delivery/webhook?token=delivery-token",
            None,
            report,
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    assert_eq!(reminder_row(&w.t).await.0, "delivered");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_workers_send_a_reminder_once_and_failures_are_retried() {
    let (base, rec) = operator().await;
    let mut w = world(&base).await;
    event_with_reminder(&mut w).await;
    // The operator answers 500 twice, then accepts.
    rec.script.lock().unwrap().extend([500, 500]);
    let (a, b) = (worker(&w.t, "a"), worker(&w.t, "b"));
    w.t.clock.set(MIDNIGHT_PARIS + 8 * 3600);
    for _ in 0..3 {
        let (ra, rb) = tokio::join!(a.run_due(), b.run_due());
        assert!(ra.unwrap().claimed + rb.unwrap().claimed <= 1);
        w.t.clock.advance(3600);
    }
    assert_eq!(sent(&rec), 3, "two refused, one accepted: one SMS");
    let job =
        w.t.app
            .job_by_key(&format!(
                "reminder|{}|60|{}",
                w.t.app
                    .tx(|tx| Ok(tx
                        .query_one("SELECT item_id FROM reminders", &[])?
                        .text(0)?))
                    .await
                    .unwrap(),
                MIDNIGHT_PARIS
            ))
            .await
            .unwrap()
            .unwrap();
    let outcomes: Vec<&str> = job.history.iter().map(|h| h.outcome.as_str()).collect();
    assert_eq!(outcomes, ["retry", "retry", "done"]);
    assert!(
        job.history[0]
            .detail
            .as_deref()
            .unwrap_or("")
            .contains("500")
    );
    assert_eq!(reminder_row(&w.t).await.0, "sent");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_operator_down_for_good_leaves_a_dead_job_for_the_admin() {
    // Nothing listens on port 9 (discard): every attempt fails to connect.
    let mut w = world("http://127.0.0.1:9").await;
    event_with_reminder(&mut w).await;
    let wk = worker(&w.t, "w1");
    w.t.clock.set(MIDNIGHT_PARIS + 8 * 3600);
    for _ in 0..6 {
        wk.run_due().await.unwrap();
        w.t.clock.advance(3600);
    }
    let (admin, _, _) = w.t.platform_admin().await;
    let r =
        w.t.get("/api/v1/admin/jobs?status=dead", Some(&admin))
            .await;
    assert_eq!(r.status, StatusCode::OK);
    let dead = r.json();
    assert_eq!(dead[0]["kind"], "sms_reminder");
    assert_eq!(dead[0]["attempts"], 6);
    assert!(!r.text.contains("601020304"), "never the phone number");
    assert_eq!(reminder_row(&w.t).await.0, "scheduled");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deleted_event_sends_nothing() {
    let (base, rec) = operator().await;
    let mut w = world(&base).await;
    let id = event_with_reminder(&mut w).await;
    let r =
        w.t.delete(&format!("/api/v1/events/{id}"), Some(&w.person))
            .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    w.t.clock.set(MIDNIGHT_PARIS + 8 * 3600);
    worker(&w.t, "w1").run_due().await.unwrap();
    assert_eq!(sent(&rec), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn papers_about_to_expire_are_reminded_without_being_named() {
    let (base, rec) = operator().await;
    let mut w = world(&base).await;
    // 2026-11-01 12:00 UTC; the residence permit expires on 2026-12-11: 40 days later, so
    // the 60-day reminder is already past, the 30- and 7-day ones are planned (10:00, Paris).
    w.t.clock.set(1_793_534_400);
    w.person = w.t.login_ok(&w.identifier, PERSON_PASSWORD).await;
    let r =
        w.t.upload(&w.person, &w.bid, pdf("titre de sejour"), "titre.pdf", None)
            .await;
    let id = r.json()["id"].as_str().unwrap().to_owned();
    let r =
        w.t.patch(
            &format!("/api/v1/documents/{id}"),
            &w.person,
            json!({"expires_on": "2026-12-11", "name": "Titre de séjour"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let planned = w
        .t
        .app
        .tx(|tx| {
            Ok(tx
                .query("SELECT minutes_before FROM reminders WHERE kind = 'expiry' ORDER BY minutes_before DESC", &[])?
                .iter()
                .map(|r| r.int(0))
                .collect::<Result<Vec<_>, _>>()?)
        })
        .await
        .unwrap();
    assert_eq!(planned, vec![30 * 1440, 7 * 1440]);
    let wk = worker(&w.t, "w1");
    // 2026-11-11 10:00 in Paris (09:00 UTC): the 30-day reminder.
    w.t.clock.set(1_794_387_600);
    // The reminder, and the certification log's head over the paper (its job is due too).
    assert_eq!(wk.run_due().await.unwrap().done, 2);
    let text = rec.requests.lock().unwrap()[0].2["text"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(text.contains("30"), "{text}");
    assert!(
        !text.to_lowercase().contains("séjour") && !text.contains("sejour"),
        "{text}"
    );
    // Removing the date removes the reminder not sent yet.
    w.person = w.t.login_ok(&w.identifier, PERSON_PASSWORD).await;
    let r =
        w.t.patch(
            &format!("/api/v1/documents/{id}"),
            &w.person,
            json!({"expires_on": null}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    // 2026-12-04 10:00 in Paris: the 7-day reminder would have been due.
    w.t.clock.set(1_796_374_800);
    assert_eq!(wk.run_due().await.unwrap().done, 0);
    assert_eq!(sent(&rec), 1);
}

#[tokio::test]
async fn the_home_page_lists_papers_to_renew() {
    let w = World::new().await;
    let r =
        w.t.upload(&w.person, &w.bid, pdf("carte vitale"), "carte.pdf", None)
            .await;
    let id = r.json()["id"].as_str().unwrap().to_owned();
    let soon = crate::helpers::date_in_days(&w.t, 20);
    let r =
        w.t.patch(
            &format!("/api/v1/documents/{id}"),
            &w.person,
            json!({"expires_on": soon, "name": "Carte Vitale"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let person = crate::pages::logged_in(&w.t, &w.identifier, PERSON_PASSWORD).await;
    let (status, _, html) = crate::pages::page(&person, &w.t, "/home").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Papiers à renouveler bientôt"), "{html}");
    assert!(html.contains("Carte Vitale : expire le"), "{html}");
    assert!(html.contains(&format!("href=\"/documents/{id}\"")));
}
