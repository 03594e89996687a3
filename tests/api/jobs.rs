//! The durable job queue on the real database (both backends): idempotent enqueueing, one run
//! per job whatever the number of workers, retries with backoff and their history, dead jobs
//! the platform admin sees and revives, leases taken over after a crash, postponing without
//! spending an attempt. Time is the app's manual clock.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use consigne::service::{App, JobHandler, NewJob, Outcome, Worker, backoff};
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::*;

/// Records every run; answers from a script per job (then `Done`).
#[derive(Default)]
struct Scripted {
    runs: Mutex<HashMap<String, usize>>,
    script: Mutex<HashMap<String, Vec<Outcome>>>,
}

impl JobHandler for Scripted {
    fn run(&self, _app: &App, _job: &str, payload: &serde_json::Value, _now: i64) -> Outcome {
        let name = payload["name"].as_str().unwrap_or_default().to_owned();
        // Long enough for two workers' rounds to overlap.
        std::thread::sleep(std::time::Duration::from_millis(5));
        *self.runs.lock().unwrap().entry(name.clone()).or_default() += 1;
        let mut script = self.script.lock().unwrap();
        match script.get_mut(&name) {
            Some(steps) if !steps.is_empty() => steps.remove(0),
            _ => Outcome::Done,
        }
    }
}

async fn quiet_app() -> TestApp {
    // The background worker stays off: the tests run the rounds themselves.
    spawn_with(|c| c.jobs.run_in_serve = false).await
}

fn job(name: &str, run_at: i64, max_attempts: i64) -> NewJob {
    NewJob {
        kind: "test",
        idempotency_key: format!("test|{name}"),
        payload: json!({ "name": name }),
        run_at,
        max_attempts,
    }
}

fn worker(t: &TestApp, id: &str, handler: &Arc<Scripted>) -> Worker {
    let h: Arc<dyn JobHandler> = handler.clone();
    Worker::new(&t.app, id, vec![("test", h)])
}

#[tokio::test]
async fn enqueueing_twice_adds_one_job() {
    let t = quiet_app().await;
    let now = t.app.now();
    assert!(t.app.enqueue(job("a", now, 3)).await.unwrap());
    assert!(!t.app.enqueue(job("a", now, 3)).await.unwrap());
    let handler = Arc::new(Scripted::default());
    let w = worker(&t, "w1", &handler);
    assert_eq!(w.run_due().await.unwrap().done, 1);
    assert_eq!(w.run_due().await.unwrap().claimed, 0);
    assert_eq!(handler.runs.lock().unwrap()["a"], 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_workers_run_each_job_exactly_once() {
    let t = quiet_app().await;
    let now = t.app.now();
    for i in 0..60 {
        t.app.enqueue(job(&format!("j{i}"), now, 3)).await.unwrap();
    }
    let handler = Arc::new(Scripted::default());
    let (a, b) = (worker(&t, "a", &handler), worker(&t, "b", &handler));
    loop {
        let (ra, rb) = tokio::join!(a.run_due(), b.run_due());
        if ra.unwrap().claimed + rb.unwrap().claimed == 0 {
            break;
        }
    }
    let runs = handler.runs.lock().unwrap();
    assert_eq!(runs.len(), 60);
    assert!(runs.values().all(|&n| n == 1), "{runs:?}");
}

#[tokio::test]
async fn failures_are_retried_with_backoff_and_recorded() {
    let t = quiet_app().await;
    let handler = Arc::new(Scripted::default());
    handler.script.lock().unwrap().insert(
        "sms".into(),
        vec![
            Outcome::Retry("operator answered 500".into()),
            Outcome::Retry("operator answered 500".into()),
        ],
    );
    t.app.enqueue(job("sms", t.app.now(), 5)).await.unwrap();
    let w = worker(&t, "w1", &handler);
    assert_eq!(w.run_due().await.unwrap().retried, 1);
    // Not before its backoff.
    assert_eq!(w.run_due().await.unwrap().claimed, 0);
    t.clock.advance(backoff(1));
    assert_eq!(w.run_due().await.unwrap().retried, 1);
    t.clock.advance(backoff(1));
    assert_eq!(
        w.run_due().await.unwrap().claimed,
        0,
        "the second wait is longer"
    );
    t.clock.advance(backoff(2));
    assert_eq!(w.run_due().await.unwrap().done, 1);
    assert_eq!(handler.runs.lock().unwrap()["sms"], 3);
    let view = t.app.job_by_key("test|sms").await.unwrap().unwrap();
    assert_eq!(view.status, "done");
    let outcomes: Vec<&str> = view.history.iter().map(|a| a.outcome.as_str()).collect();
    assert_eq!(outcomes, ["retry", "retry", "done"]);
    assert_eq!(
        view.history[0].detail.as_deref(),
        Some("operator answered 500")
    );
}

#[tokio::test]
async fn a_job_that_keeps_failing_is_dead_and_the_admin_sees_and_revives_it() {
    let t = quiet_app().await;
    let handler = Arc::new(Scripted::default());
    handler.script.lock().unwrap().insert(
        "down".into(),
        (0..3)
            .map(|_| Outcome::Retry("connection refused".into()))
            .collect(),
    );
    t.app.enqueue(job("down", t.app.now(), 3)).await.unwrap();
    let w = worker(&t, "w1", &handler);
    for _ in 0..3 {
        w.run_due().await.unwrap();
        t.clock.advance(3600);
    }
    assert_eq!(
        w.run_due().await.unwrap().claimed,
        0,
        "dead jobs are not run"
    );
    let (admin, _, _) = t.platform_admin().await;
    let r = t.get("/api/v1/admin/jobs?status=dead", Some(&admin)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let dead = r.json();
    assert_eq!(dead.as_array().unwrap().len(), 1);
    assert_eq!(dead[0]["kind"], "test");
    assert_eq!(dead[0]["attempts"], 3);
    assert_eq!(dead[0]["last_error"], "connection refused");
    assert_eq!(dead[0]["history"].as_array().unwrap().len(), 3);
    assert!(
        !r.text.contains("\"down\""),
        "the payload never leaves the queue"
    );
    // Nobody else sees the queue.
    let w2 = World::new().await;
    for token in [&w2.p1, &w2.person] {
        let r = w2.t.get("/api/v1/admin/jobs", Some(token)).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
    }
    // Revived, it runs again (and succeeds this time).
    let id = dead[0]["id"].as_str().unwrap();
    let r = t
        .post(
            &format!("/api/v1/admin/jobs/{id}/retry"),
            Some(&admin),
            json!({}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    assert_eq!(w.run_due().await.unwrap().done, 1);
}

#[tokio::test]
async fn a_lease_left_by_a_dead_worker_is_taken_over() {
    let t = quiet_app().await;
    t.app.enqueue(job("x", t.app.now(), 3)).await.unwrap();
    // A worker claims the job, then its process dies before finishing.
    let now = t.app.now();
    let claimed = t
        .app
        .tx(move |tx| {
            Ok(consigne::store::jobs::claim(
                tx,
                "crashed",
                now,
                now + consigne::service::jobs_lease(),
                10,
                &["test"],
            )?)
        })
        .await
        .unwrap();
    assert_eq!(claimed.len(), 1);
    let handler = Arc::new(Scripted::default());
    let w = worker(&t, "w2", &handler);
    assert_eq!(w.run_due().await.unwrap().claimed, 0, "still leased");
    t.clock.advance(consigne::service::jobs_lease() + 1);
    assert_eq!(w.run_due().await.unwrap().done, 1);
    // The crashed worker's late answer changes nothing.
    let id = claimed[0].id.clone();
    let late = t
        .app
        .tx(move |tx| {
            Ok(consigne::store::jobs::finish(
                tx, &id, "crashed", "pending", 0, None, 0, false,
            )?)
        })
        .await
        .unwrap();
    assert!(!late);
    assert_eq!(
        t.app.job_by_key("test|x").await.unwrap().unwrap().status,
        "done"
    );
}

#[tokio::test]
async fn postponing_is_not_an_attempt() {
    let t = quiet_app().await;
    let handler = Arc::new(Scripted::default());
    let morning = t.app.now() + 9 * 3600;
    handler
        .script
        .lock()
        .unwrap()
        .insert("night".into(), vec![Outcome::Postpone(morning)]);
    t.app.enqueue(job("night", t.app.now(), 1)).await.unwrap();
    let w = worker(&t, "w1", &handler);
    assert_eq!(w.run_due().await.unwrap().postponed, 1);
    let view = t.app.job_by_key("test|night").await.unwrap().unwrap();
    assert_eq!((view.status.as_str(), view.attempts), ("pending", 0));
    t.clock.set(morning);
    assert_eq!(w.run_due().await.unwrap().done, 1, "one attempt was enough");
}
