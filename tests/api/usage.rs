//! Usage by month and the monthly SMS budget (issue 18, item 3), through the API, the job
//! queue and the pages: the documents a structure's professionals add and the safes it opens
//! are counted in their month (not the person's own uploads), the CSV reads back with Python's
//! `csv`, bad months are a 400; with a budget of 1 SMS the first reminder goes to the local
//! test operator and the second does not, she finds it on her home page, and the structure's
//! admin is told on `/pro` and on the usage page.

use consigne::service::{Worker, job_handlers};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::*;
use crate::sms::{Recorder, operator};

/// Midnight in Paris five days after the test app's clock, with its month (`YYYY-MM`) and its
/// date as pages write it: the scenario's day. Never in the past: a staff login's second factor
/// refuses a code older than the last one used.
fn scenario_day(t: &TestApp) -> (i64, String, String) {
    let zone = jiff::tz::TimeZone::get("Europe/Paris").unwrap();
    let today = jiff::Timestamp::from_second(t.app.now())
        .unwrap()
        .to_zoned(zone.clone())
        .date();
    let day = today.checked_add(jiff::Span::new().days(5)).unwrap();
    let midnight = day.to_zoned(zone).unwrap().timestamp().as_second();
    (
        midnight,
        day.strftime("%Y-%m").to_string(),
        day.strftime("%d/%m/%Y").to_string(),
    )
}

/// Python's `csv` module reads the file: its rows as dictionaries.
const READ_CSV: &str = r#"
import csv, io, json, sys
text = sys.stdin.buffer.read().decode("utf-8")
assert text.endswith("\r\n"), "RFC 4180 line ends"
print(json.dumps(list(csv.DictReader(io.StringIO(text, newline="")))))
"#;

/// The world, its SMS going to the local test operator at `base`, no job worker of its own.
async fn sms_world(base: &str) -> World {
    let url = format!("{base}/hook");
    World::with(move |c| {
        c.jobs.run_in_serve = false;
        c.sms.operator = "webhook".into();
        c.sms.webhook_url = url;
        c.sms.webhook_token = "operator-token".into();
    })
    .await
}

fn sent(rec: &Recorder) -> usize {
    rec.requests.lock().unwrap().len()
}

#[tokio::test]
async fn usage_counts_what_the_structure_did_month_by_month() {
    let w = World::new().await;
    let t = &w.t;
    let s1 = w.s1.as_str();
    // The world opened Zoé's safe at s1; one more, and one at s2.
    t.open_safe(&w.p1, &w.s1, "Karim", "Haddad", "1985-02-03")
        .await;
    t.open_safe(&w.p2, &w.s2, "Léa", "Martin", "1990-04-05")
        .await;
    // A paper a professional of s1 adds is counted; the one she adds herself is not.
    let r = t
        .upload(
            &w.p1,
            &w.bid,
            pdf("attestation"),
            "a.pdf",
            Some("Attestation"),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let r = t
        .upload(&w.person, &w.bid, pdf("le mien"), "b.pdf", None)
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let r = t
        .get(&format!("/api/v1/structures/{s1}/sms-budget"), Some(&w.p1))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["monthly_sms"], Value::Null);
    let month = r.json()["month"].as_str().unwrap().to_owned();
    let one = format!("/api/v1/structures/{s1}/usage?from={month}&to={month}");
    let r = t.get(&one, Some(&w.p1)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(
        r.json(),
        json!([{"month": month, "sms_sent": 0, "sms_segments": 0, "documents_added": 1, "safes_opened": 2}])
    );
    // By default the twelve months up to this one, every month given.
    let r = t
        .get(&format!("/api/v1/structures/{s1}/usage"), Some(&w.p1))
        .await;
    let months = r.json().as_array().unwrap().clone();
    assert_eq!(months.len(), 12);
    assert_eq!(months[11]["month"], month.as_str());
    assert_eq!(months[0]["safes_opened"], 0);
    // The same as CSV, by its path and by `Accept`, read by Python's csv module.
    let csv_path = format!("/api/v1/structures/{s1}/usage.csv?from={month}&to={month}");
    let by_path = t.download(&csv_path, &w.p1, "text/csv").await;
    let by_accept = t
        .http
        .get(t.url(&one))
        .bearer_auth(&w.p1)
        .header("accept", "text/csv")
        .send()
        .await
        .unwrap();
    assert!(
        by_accept.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let by_accept = by_accept.bytes().await.unwrap().to_vec();
    assert_eq!(by_path, by_accept);
    let rows = python(READ_CSV, &by_path);
    assert_eq!(
        rows,
        json!([{"month": month, "sms_sent": "0", "sms_segments": "0", "documents_added": "1", "safes_opened": "2"}])
    );
    // The page shows the same month, and its CSV is the API's.
    let admin = crate::pages::staff_logged_in(t, &w.p1_login.0, &w.p1_login.1).await;
    let (status, _, html) = crate::pages::page(&admin, t, &format!("/s/{s1}/usage")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains(&format!("<tr data-month=\"{month}\">")),
        "{html}"
    );
    assert!(
        html.contains("<td class=\"n\" data-figure=\"safes_opened\">2</td>"),
        "{html}"
    );
    let page_csv = admin
        .get(t.url(&format!("/s/{s1}/usage.csv?from={month}&to={month}")))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap()
        .to_vec();
    assert_eq!(page_csv, by_path);
    // s2 counts its own safe only.
    let r = t
        .get(
            &format!("/api/v1/structures/{}/usage?from={month}&to={month}", w.s2),
            Some(&w.p2),
        )
        .await;
    assert_eq!(r.json()[0]["safes_opened"], 1);
    assert_eq!(r.json()[0]["documents_added"], 0);
    // Bad months and ranges: a clear 400, never more than 36 months.
    for q in [
        "from=2026-13&to=2026-12",
        "from=2026-12&to=2026-01",
        "from=2020-01&to=2026-12",
        "from=2026-1&to=2026-12",
        "from=abcd&to=2026-12",
        "to=2026-12-01",
    ] {
        let r = t
            .get(&format!("/api/v1/structures/{s1}/usage?{q}"), Some(&w.p1))
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{q}: {}", r.text);
        assert_eq!(r.json()["error"]["code"], "invalid_input", "{q}");
    }
    let r = t
        .get(
            &format!("/api/v1/structures/{s1}/usage?from=2024-01&to=2026-12"),
            Some(&w.p1),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "36 months: {}", r.text);
    assert_eq!(r.json().as_array().unwrap().len(), 36);
    // The operator sees every structure's month.
    let (_, admin_email, admin_secret) = t.platform_admin().await;
    let operator = crate::pages::staff_logged_in(t, &admin_email, &admin_secret).await;
    let (status, _, html) = crate::pages::page(&operator, t, "/admin/usage").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&format!("href=\"/s/{s1}/usage\"")), "{html}");
    assert!(html.contains("Accueil de jour"), "{html}");
}

/// An event at `starts_at` (UTC) with an SMS reminder an hour before; returns its id.
async fn event(w: &World, starts_at: &str) -> String {
    let r =
        w.t.post(
            &format!("/api/v1/beneficiaries/{}/events", w.bid),
            Some(&w.person),
            json!({
                "title": "Rendez-vous CAF",
                "starts_at": starts_at,
                "reminders": [{"minutes_before": 60, "channel": "sms"}],
            }),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    r.json()["id"].as_str().unwrap().to_owned()
}

async fn reminder_status(w: &World, id: &str) -> String {
    let r =
        w.t.get(&format!("/api/v1/events/{id}/reminders"), Some(&w.person))
            .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    r.json()[0]["status"].as_str().unwrap().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn past_the_sms_budget_reminders_fall_back_to_her_home_and_the_admin_is_told() {
    let (base, rec) = operator().await;
    let mut w = sms_world(&base).await;
    let (midnight, month, date) = scenario_day(&w.t);
    let at = |hours: f64| midnight + (hours * 3600.0) as i64;
    w.t.clock.set(midnight - 3 * 86_400);
    let p1 =
        w.t.login_staff(&w.p1_login.0, STAFF_PASSWORD, &w.p1_login.1)
            .await;
    let budget = format!("/api/v1/structures/{}/sms-budget", w.s1);
    for bad in [
        json!({"monthly_sms": -1}),
        json!({"monthly_sms": "1"}),
        json!({"monthly_sms": 1.5}),
        json!({"monthly_sms": 2_000_000}),
        json!({}),
    ] {
        let r = w.t.call("PUT", &budget, Some(&p1), Some(&bad)).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{bad}: {}", r.text);
    }
    let r =
        w.t.call("PUT", &budget, Some(&p1), Some(&json!({"monthly_sms": 1})))
            .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["monthly_sms"], 1);
    w.person = w.t.login_ok(&w.identifier, PERSON_PASSWORD).await;
    // Appointments at 10:00 and 11:00 in Paris: reminders due at 09:00 and 10:00.
    let first = event(&w, &consigne::clock::rfc3339(at(10.0))).await;
    let second = event(&w, &consigne::clock::rfc3339(at(11.0))).await;
    let wk = Worker::new(&w.t.app, "w1", job_handlers(&w.t.app));
    w.t.clock.set(at(9.5));
    wk.run_due().await.unwrap();
    assert_eq!(sent(&rec), 1, "the first reminder is sent");
    w.t.clock.set(at(10.5));
    wk.run_due().await.unwrap();
    assert_eq!(sent(&rec), 1, "the second one is held back");
    w.person = w.t.login_ok(&w.identifier, PERSON_PASSWORD).await;
    assert_eq!(reminder_status(&w, &first).await, "sent");
    assert_eq!(reminder_status(&w, &second).await, "withheld");
    // The budget's state and the month's usage.
    let p1 =
        w.t.login_staff(&w.p1_login.0, STAFF_PASSWORD, &w.p1_login.1)
            .await;
    let r = w.t.get(&budget, Some(&p1)).await;
    assert_eq!(
        r.json(),
        json!({"monthly_sms": 1, "month": month, "sms_sent": 1,
               "reached_at": consigne::clock::rfc3339(at(10.5)), "withheld": 1})
    );
    let r =
        w.t.get(
            &format!("/api/v1/structures/{}/usage?from={month}&to={month}", w.s1),
            Some(&p1),
        )
        .await;
    assert_eq!(r.json()[0]["sms_sent"], 1);
    assert_eq!(r.json()[0]["sms_segments"], 1);
    // Her home page shows the appointment the SMS did not remind.
    let person = crate::pages::logged_in(&w.t, &w.identifier, PERSON_PASSWORD).await;
    let (status, _, html) = crate::pages::page(&person, &w.t, "/home").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Rappels non envoyés par SMS"), "{html}");
    assert!(
        html.contains(&format!("href=\"/events/{second}\"")),
        "{html}"
    );
    assert!(
        !html.contains(&format!("href=\"/events/{first}\"")),
        "{html}"
    );
    // The structure's admin is told on /pro and on the usage page.
    let admin = crate::pages::staff_logged_in(&w.t, &w.p1_login.0, &w.p1_login.1).await;
    for path in ["/pro".to_owned(), format!("/s/{}/usage", w.s1)] {
        let (status, _, html) = crate::pages::page(&admin, &w.t, &path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(
            html.contains(&format!("Budget SMS atteint le {date} 10:30"))
                && html.contains("1 SMS non envoyés ce mois-ci"),
            "{path}: {html}"
        );
    }
    // Removing the budget: the next reminder goes.
    let r =
        w.t.call(
            "PUT",
            &budget,
            Some(&p1),
            Some(&json!({"monthly_sms": null})),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["monthly_sms"], Value::Null);
    let third = event(&w, &consigne::clock::rfc3339(at(15.0))).await;
    w.t.clock.set(at(14.2));
    wk.run_due().await.unwrap();
    assert_eq!(sent(&rec), 2);
    w.person = w.t.login_ok(&w.identifier, PERSON_PASSWORD).await;
    assert_eq!(reminder_status(&w, &third).await, "sent");
}

/// A message's SMS notice past the budget: nothing goes to the operator, the month counts it
/// held back, and her home page still counts the unread message on the messages tile.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn past_the_sms_budget_a_message_notice_is_held_back_and_her_home_counts_it() {
    let (base, rec) = operator().await;
    let mut w = sms_world(&base).await;
    let (midnight, month, _) = scenario_day(&w.t);
    w.t.clock.set(midnight + 10 * 3600);
    w.person = w.t.login_ok(&w.identifier, PERSON_PASSWORD).await;
    let p1 =
        w.t.login_staff(&w.p1_login.0, STAFF_PASSWORD, &w.p1_login.1)
            .await;
    let budget = format!("/api/v1/structures/{}/sms-budget", w.s1);
    let r =
        w.t.call("PUT", &budget, Some(&p1), Some(&json!({"monthly_sms": 0})))
            .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let r =
        w.t.post(
            &format!("/api/v1/beneficiaries/{}/threads", w.bid),
            Some(&w.person),
            json!({"structure_id": w.s1, "text": "Bonjour"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let tid = r.json()["thread_id"].as_str().unwrap().to_owned();
    let r =
        w.t.post(
            &format!("/api/v1/threads/{tid}/messages"),
            Some(&p1),
            json!({"text": "Votre rendez-vous est confirmé."}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    Worker::new(&w.t.app, "w1", job_handlers(&w.t.app))
        .run_due()
        .await
        .unwrap();
    assert_eq!(sent(&rec), 0, "nothing past the budget");
    let r = w.t.get(&budget, Some(&p1)).await;
    assert_eq!(r.json()["withheld"], 1, "{}", r.text);
    assert_eq!(r.json()["month"], month.as_str());
    let person = crate::pages::logged_in(&w.t, &w.identifier, PERSON_PASSWORD).await;
    let (_, _, html) = crate::pages::page(&person, &w.t, "/home").await;
    let tile = html
        .split("href=\"/messages\"")
        .nth(1)
        .and_then(|rest| rest.split("</a>").next())
        .unwrap_or_default();
    assert!(tile.contains("<span class=\"badge\">1</span>"), "{html}");
}
