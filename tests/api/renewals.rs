//! Licence renewal reminders (issue 18, item 2) through the job queue, a moving clock and a
//! restart: each admin of a structure gets one e-mail, in her language, 60 and then 30 days
//! before its licence ends — sent once, late when the server was down on the day, never twice
//! across a new `App` on the same database; a renewed licence gets its own; a mediation
//! structure with a licence period is reminded too. Received by a local recording webhook
//! (`sms::operator`, the SMS tests' server) and by a tiny SMTP server written here (the
//! messages it receives are parsed by Python's `email` package); none with the transport
//! `none`; a temporary SMTP failure is retried, not duplicated. The platform admin sees them
//! on the structure's page.

use std::sync::{Arc, Mutex};

use consigne::service::{App, Worker, job_handlers};
use reqwest::StatusCode;
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

use crate::helpers::*;
use crate::sms::{Recorder, operator};

const CONTACT: &str = "Équipe licences, licences@operateur.example";

/// Local noon in Paris `days` after the test clock's day, and that day (`YYYY-MM-DD`).
fn noon(t: &TestApp, days: i64) -> (i64, String) {
    let zone = jiff::tz::TimeZone::get("Europe/Paris").unwrap();
    let today = jiff::Timestamp::from_second(t.app.now())
        .unwrap()
        .to_zoned(zone.clone())
        .date();
    let day = today.checked_add(jiff::Span::new().days(days)).unwrap();
    let at = day
        .to_datetime(jiff::civil::time(12, 0, 0, 0))
        .to_zoned(zone)
        .unwrap()
        .timestamp()
        .as_second();
    (at, day.strftime("%Y-%m-%d").to_string())
}

/// `DD/MM/YYYY`, as the e-mails write the end date.
fn day_first(iso: &str) -> String {
    format!("{}/{}/{}", &iso[8..10], &iso[5..7], &iso[..4])
}

/// Runs rounds until nothing more is due now.
async fn settle(wk: &Worker) {
    for _ in 0..10 {
        if wk.run_due().await.unwrap().claimed == 0 {
            return;
        }
    }
    panic!("the queue does not settle");
}

async fn put_licence(t: &TestApp, token: &str, sid: &str, starts: &str, ends: &str) {
    let r = t
        .call(
            "PUT",
            &format!("/api/v1/structures/{sid}/licence"),
            Some(token),
            Some(&json!({
                "starts_on": starts,
                "ends_on": ends,
                "annual_budget_eur": 450000,
                "convention": {"status": "signed"}
            })),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
}

fn mails(rec: &Recorder) -> Vec<Value> {
    rec.requests
        .lock()
        .unwrap()
        .iter()
        .map(|(_, _, body)| body.clone())
        .collect()
}

/// The structure's page as a new platform admin sees it (sessions expire as the clock moves).
async fn admin_page(t: &TestApp, sid: &str) -> String {
    let (admin, _, _) = t.platform_admin().await;
    let r = session_browser(t, &admin)
        .get(t.url(&format!("/admin/structures/{sid}")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    r.text().await.unwrap()
}

/// The world, no worker of its own, its e-mail transport `transport` with the webhook's URL
/// and token set to the local recording server.
async fn hook_world(transport: &'static str) -> (World, Recorder) {
    let (base, rec) = operator().await;
    let url = format!("{base}/hook");
    let w = World::with(move |c| {
        c.jobs.run_in_serve = false;
        c.email.transport = transport.into();
        c.email.webhook_url = url;
        c.email.webhook_token = "mail-token".into();
        c.licences.renewal_contact = CONTACT.into();
    })
    .await;
    (w, rec)
}

/// A new `App` on the same database and clock: the server restarted.
fn restart(t: &TestApp) -> App {
    consigne::cli::build_app((*t.app.config).clone(), Arc::new(t.clock.clone()), false).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn renewal_reminders_reach_the_webhook_once_on_the_right_days_across_a_restart() {
    let (w, rec) = hook_world("webhook").await;
    let t = &w.t;
    // A second admin of s1 (added by p1, who holds the key: active at once), who reads English.
    let (a2, a2_email, _) = t.professional(&w.p1, &w.s1, "admin").await;
    let r = t
        .post("/api/v1/me/language", Some(&a2), json!({"language": "en"}))
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let p1_email = w.p1_login.0.clone();
    // s1's licence ends in 100 days, the mediation structure's too, s2's 25 days later.
    let (_, start) = noon(t, -265);
    let (_, end) = noon(t, 100);
    let (_, end_s2) = noon(t, 125);
    put_licence(t, &w.admin, &w.s1, &start, &end).await;
    put_licence(t, &w.admin, &w.med, &start, &end).await;
    put_licence(t, &w.admin, &w.s2, &start, &end_s2).await;
    let wk = Worker::new(&t.app, "w1", job_handlers(&t.app));

    // 61 days before the end: nothing.
    t.clock.set(noon(t, 39).0);
    settle(&wk).await;
    assert!(mails(&rec).is_empty(), "{:?}", mails(&rec));
    // 60 days before: s1's two admins and the mediation's, once, even after more rounds.
    t.clock.set(noon(t, 1).0);
    settle(&wk).await;
    t.clock.set(t.app.now() + 3600);
    settle(&wk).await;
    let got = mails(&rec);
    assert_eq!(got.len(), 3, "{got:?}");
    let to = |m: &Value| m["to"].as_str().unwrap().to_owned();
    let fr = got.iter().find(|m| to(m) == p1_email).expect("p1 is told");
    let en = got.iter().find(|m| to(m) == a2_email).expect("a2 is told");
    assert_eq!(fr["language"], "fr");
    assert_eq!(en["language"], "en");
    let date = day_first(&end);
    assert_eq!(
        fr["subject"],
        format!("Consigne : la licence de Accueil de jour se termine le {date}")
    );
    assert_eq!(
        en["subject"],
        format!("Consigne: the licence of Accueil de jour ends on {date}")
    );
    for m in [fr, en] {
        let text = m["text"].as_str().unwrap();
        assert!(text.contains(&date) && text.contains(CONTACT), "{text}");
        assert!(text.contains("60"), "{text}");
    }
    assert!(
        got.iter()
            .any(|m| m["subject"].as_str().unwrap().contains("Médiathèque"))
    );
    {
        let requests = rec.requests.lock().unwrap();
        assert!(
            requests.iter().all(|(path, headers, _)| path == "/hook"
                && headers["authorization"] == "Bearer mail-token")
        );
    }
    // The next day: nothing new.
    t.clock.set(noon(t, 1).0);
    settle(&wk).await;
    assert_eq!(mails(&rec).len(), 3);

    // The server restarts (a new App on the same database): 45 days before, nothing again.
    let app2 = restart(t);
    let wk2 = Worker::new(&app2, "w2", job_handlers(&app2));
    t.clock.set(noon(t, 14).0);
    settle(&wk2).await;
    assert_eq!(mails(&rec).len(), 3, "{:?}", mails(&rec));
    // 30 days before: the 30-day notice to the same three; s2, 55 days from its end, gets
    // its 60-day notice now, late (no scan ran on its 60th day).
    t.clock.set(noon(t, 15).0);
    settle(&wk2).await;
    settle(&wk).await;
    let got = mails(&rec);
    assert_eq!(got.len(), 7, "{got:?}");
    let late: Vec<&Value> = got[3..]
        .iter()
        .filter(|m| m["subject"].as_str().unwrap().contains("CCAS"))
        .collect();
    assert_eq!(late.len(), 1);
    assert!(
        late[0]["text"]
            .as_str()
            .unwrap()
            .contains(&day_first(&end_s2))
    );
    assert!(
        got[3..]
            .iter()
            .filter(|m| !m["subject"].as_str().unwrap().contains("CCAS"))
            .all(|m| m["text"].as_str().unwrap().contains("30"))
    );
    // Through the end and after: nothing more (s1 and the mediation are done, s2's 30-day
    // notice is not due yet 29 days later… then it is, once).
    t.clock.set(noon(t, 10).0);
    settle(&wk2).await;
    assert_eq!(mails(&rec).len(), 7);
    t.clock.set(noon(t, 20).0);
    settle(&wk2).await;
    assert_eq!(mails(&rec).len(), 8, "s2's 30-day notice");

    // Renewed: a new period for s1 gets its own notices; the old one none more.
    let (admin, _, _) = t.platform_admin().await;
    let (_, next_start) = noon(t, 1);
    let (_, next_end) = noon(t, 400);
    put_licence(t, &admin, &w.s1, &next_start, &next_end).await;
    t.clock.set(noon(t, 340).0);
    settle(&wk2).await;
    let got = mails(&rec);
    assert_eq!(got.len(), 10, "{got:?}");
    assert!(
        got[8..]
            .iter()
            .all(|m| m["text"].as_str().unwrap().contains(&day_first(&next_end)))
    );
    t.clock.set(noon(t, 1).0);
    settle(&wk2).await;
    assert_eq!(mails(&rec).len(), 10);

    // The platform admin sees which went, to whom, when.
    let html = admin_page(t, &w.s1).await;
    assert!(html.contains("Rappels de renouvellement"), "{html}");
    assert_eq!(
        html.matches("class=\"renewal-notice\"").count(),
        6,
        "{html}"
    );
    assert!(html.contains(&p1_email) && html.contains(&a2_email));
    assert!(html.contains("Envoyé le"));
    let html = admin_page(t, &w.s2).await;
    assert_eq!(
        html.matches("class=\"renewal-notice\"").count(),
        2,
        "{html}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_no_transport_nothing_is_sent_and_the_notice_waits() {
    let (w, rec) = hook_world("none").await;
    let t = &w.t;
    let (_, start) = noon(t, -265);
    let (_, end) = noon(t, 100);
    put_licence(t, &w.admin, &w.s1, &start, &end).await;
    let wk = Worker::new(&t.app, "w1", job_handlers(&t.app));
    t.clock.set(noon(t, 40).0);
    settle(&wk).await;
    t.clock.set(t.app.now() + 3 * 3600);
    settle(&wk).await;
    assert!(mails(&rec).is_empty());
    let html = admin_page(t, &w.s1).await;
    assert_eq!(
        html.matches("class=\"renewal-notice\"").count(),
        1,
        "{html}"
    );
    assert!(html.contains("En attente d"), "{html}");
    assert!(html.contains("no e-mail transport is configured"), "{html}");
}

/// One accepted message: its recipients and its bytes.
type Received = (Vec<String>, Vec<u8>);

/// What the SMTP server received, per accepted DATA.
#[derive(Clone, Default)]
struct SmtpRecorder {
    mails: Arc<Mutex<Vec<Received>>>,
    /// Replies to DATA, in order, before accepting (e.g. 451: try again later).
    refuse: Arc<Mutex<Vec<u16>>>,
}

/// A tiny SMTP server (RFC 5321's commands as lettre sends them, no TLS, no AUTH).
async fn smtp_server() -> (u16, SmtpRecorder) {
    let rec = SmtpRecorder::default();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let r2 = rec.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            tokio::spawn(smtp_session(stream, r2.clone()));
        }
    });
    (port, rec)
}

async fn smtp_session(stream: tokio::net::TcpStream, rec: SmtpRecorder) {
    let (r, mut w) = stream.into_split();
    let mut r = BufReader::new(r);
    let _ = w.write_all(b"220 localhost test SMTP\r\n").await;
    let mut rcpts: Vec<String> = Vec::new();
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).await.unwrap_or(0) == 0 {
            return;
        }
        let cmd = line.trim_end().to_ascii_uppercase();
        let reply = if cmd.starts_with("EHLO") {
            "250-localhost\r\n250 8BITMIME\r\n".to_owned()
        } else if cmd.starts_with("HELO") || cmd == "RSET" || cmd == "NOOP" {
            "250 OK\r\n".to_owned()
        } else if cmd.starts_with("MAIL FROM:") {
            rcpts.clear();
            "250 OK\r\n".to_owned()
        } else if cmd.starts_with("RCPT TO:") {
            rcpts.push(line.trim_end()[8..].trim().to_owned());
            "250 OK\r\n".to_owned()
        } else if cmd == "DATA" {
            let _ = w.write_all(b"354 end with <CRLF>.<CRLF>\r\n").await;
            let mut data = Vec::new();
            loop {
                let mut l = Vec::new();
                if r.read_until(b'\n', &mut l).await.unwrap_or(0) == 0 {
                    return;
                }
                if l == b".\r\n" {
                    break;
                }
                data.extend_from_slice(if l.starts_with(b"..") { &l[1..] } else { &l });
            }
            let refused = {
                let mut s = rec.refuse.lock().unwrap();
                (!s.is_empty()).then(|| s.remove(0))
            };
            match refused {
                Some(code) => format!("{code} 4.3.0 try again later\r\n"),
                None => {
                    rec.mails.lock().unwrap().push((rcpts.clone(), data));
                    "250 2.0.0 queued\r\n".to_owned()
                }
            }
        } else if cmd == "QUIT" {
            let _ = w.write_all(b"221 bye\r\n").await;
            return;
        } else {
            "502 5.5.1 unknown command\r\n".to_owned()
        };
        if w.write_all(reply.as_bytes()).await.is_err() {
            return;
        }
    }
}

/// Python's `email` package reads each message: (to, subject, text).
fn parse_mails(raw: &[Vec<u8>]) -> Vec<(String, String, String)> {
    use base64::Engine;
    const PARSE: &str = r#"
import base64, email, email.policy, json, sys
out = []
for b in json.load(sys.stdin):
    m = email.message_from_bytes(base64.b64decode(b), policy=email.policy.default)
    assert m.get_content_type() == "text/plain", m.get_content_type()
    out.append([str(m["To"]), str(m["Subject"]), m.get_content()])
print(json.dumps(out))
"#;
    let input: Vec<String> = raw
        .iter()
        .map(|m| base64::engine::general_purpose::STANDARD.encode(m))
        .collect();
    serde_json::from_value(python(
        PARSE,
        serde_json::to_string(&input).unwrap().as_bytes(),
    ))
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn renewal_reminders_go_by_smtp_once_and_a_temporary_refusal_is_retried() {
    let (port, rec) = smtp_server().await;
    let w = World::with(move |c| {
        c.jobs.run_in_serve = false;
        c.email.transport = "smtp".into();
        c.email.smtp_host = "127.0.0.1".into();
        c.email.smtp_port = port;
        c.email.smtp_tls = "none".into();
        c.email.from = "Consigne <no-reply@consigne.example>".into();
        c.licences.renewal_contact = CONTACT.into();
    })
    .await;
    let t = &w.t;
    let (_, start) = noon(t, -265);
    let (_, end) = noon(t, 100);
    put_licence(t, &w.admin, &w.s1, &start, &end).await;
    let wk = Worker::new(&t.app, "w1", job_handlers(&t.app));
    // 60 days before: the server answers 451 first; the e-mail waits, then goes once.
    rec.refuse.lock().unwrap().push(451);
    t.clock.set(noon(t, 40).0);
    settle(&wk).await;
    assert!(rec.mails.lock().unwrap().is_empty());
    assert!(
        rec.refuse.lock().unwrap().is_empty(),
        "the server was reached"
    );
    let html = admin_page(t, &w.s1).await;
    assert!(html.contains("451"), "the error is shown: {html}");
    t.clock.set(t.app.now() + 60);
    settle(&wk).await;
    assert_eq!(rec.mails.lock().unwrap().len(), 1);
    t.clock.set(t.app.now() + 7200);
    settle(&wk).await;
    // A restart, then 30 days before: the second one.
    let app2 = restart(t);
    let wk2 = Worker::new(&app2, "w2", job_handlers(&app2));
    t.clock.set(noon(t, 15).0);
    settle(&wk2).await;
    assert_eq!(
        rec.mails.lock().unwrap().len(),
        1,
        "45 days before: nothing"
    );
    t.clock.set(noon(t, 15).0);
    settle(&wk2).await;
    let raw: Vec<Received> = rec.mails.lock().unwrap().clone();
    assert_eq!(raw.len(), 2);
    assert!(
        raw.iter()
            .all(|(r, _)| r == &vec![format!("<{}>", w.p1_login.0)]),
        "{:?}",
        raw.iter().map(|r| &r.0).collect::<Vec<_>>()
    );
    let parsed = parse_mails(&raw.into_iter().map(|(_, m)| m).collect::<Vec<_>>());
    let date = day_first(&end);
    for (i, (to, subject, text)) in parsed.iter().enumerate() {
        assert_eq!(to, &w.p1_login.0);
        assert_eq!(
            subject,
            &format!("Consigne : la licence de Accueil de jour se termine le {date}")
        );
        assert!(text.contains(CONTACT), "{text}");
        assert!(text.contains(["60", "30"][i]), "{text}");
    }
    let html = admin_page(t, &w.s1).await;
    assert_eq!(
        html.matches("class=\"renewal-notice\"").count(),
        2,
        "{html}"
    );
}
