//! The SMS operator adapters against a local test operator (an HTTP server started by the test
//! that records what it receives): requests in each adapter's documented format, answers
//! classified as sent, temporary or permanent failures.

use std::sync::{Arc, Mutex};

use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use consigne::sms::{Brevo, Encoding, Message, Operator, SmsError, Webhook, encode};

#[derive(Clone, Default)]
pub struct Recorder {
    pub requests: Arc<Mutex<Vec<(String, HeaderMap, serde_json::Value)>>>,
    /// Statuses to answer, in order; then 201.
    pub script: Arc<Mutex<Vec<u16>>>,
}

/// A local test operator: records every request, answers from `script` then 201.
pub async fn operator() -> (String, Recorder) {
    let rec = Recorder::default();
    let r2 = rec.clone();
    let handler = move |uri: axum::http::Uri, headers: HeaderMap, body: axum::body::Bytes| {
        let rec = r2.clone();
        async move {
            let json = serde_json::from_slice(&body).unwrap_or(serde_json::Value::Null);
            rec.requests
                .lock()
                .unwrap()
                .push((uri.path().to_owned(), headers, json));
            let status = {
                let mut s = rec.script.lock().unwrap();
                if s.is_empty() { 201 } else { s.remove(0) }
            };
            (
                StatusCode::from_u16(status).unwrap(),
                r#"{"messageId": 1511882900176220, "reference": "ab1cde", "smsCount": 1, "usedCredits": 0.045, "remainingCredits": 99.9, "id": "gw-42"}"#,
            )
        }
    };
    let app = axum::Router::new()
        .route("/v3/transactionalSMS/sms", post(handler.clone()))
        .route("/hook", post(handler));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    (base, rec)
}

fn message(text: &str) -> Message {
    Message {
        to: "+33612345678".into(),
        encoded: encode(text),
        reference: "reminder-1".into(),
    }
}

/// The adapters are synchronous (they run in job handlers on blocking threads).
async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    tokio::task::spawn_blocking(f).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn brevo_requests_follow_its_api_and_answers_are_classified() {
    let (base, rec) = operator().await;
    let brevo = Arc::new(Brevo::new(
        &base,
        "xkeysib-test",
        "Consigne",
        "https://consigne.example/api/v1/sms/delivery/brevo?token=t",
    ));
    let b = brevo.clone();
    let sent = blocking(move || b.send(&message("Rendez-vous demain à 14:30.")))
        .await
        .unwrap();
    assert_eq!(sent.operator_ref, "1511882900176220");
    assert_eq!(sent.segments, 1);
    {
        let requests = rec.requests.lock().unwrap();
        let (path, headers, body) = &requests[0];
        assert_eq!(path, "/v3/transactionalSMS/sms");
        assert_eq!(headers["api-key"], "xkeysib-test");
        assert_eq!(headers["content-type"], "application/json");
        assert_eq!(body["recipient"], "33612345678");
        assert_eq!(body["sender"], "Consigne");
        assert_eq!(body["type"], "transactional");
        assert_eq!(body["content"], "Rendez-vous demain à 14:30.");
        assert_eq!(body["unicodeEnabled"], false);
        assert_eq!(
            body["webUrl"],
            "https://consigne.example/api/v1/sms/delivery/brevo?token=t"
        );
    }
    // Arabic goes as Unicode.
    let b = brevo.clone();
    blocking(move || b.send(&message("موعد غدا الساعة 10")))
        .await
        .unwrap();
    assert_eq!(rec.requests.lock().unwrap()[1].2["unicodeEnabled"], true);
    // 500 and 429 are temporary, 400 permanent, an unreachable operator temporary.
    rec.script.lock().unwrap().extend([500, 429, 400]);
    for want in ["temporary", "temporary", "permanent"] {
        let b = brevo.clone();
        let err = blocking(move || b.send(&message("x"))).await.unwrap_err();
        let kind = match err {
            SmsError::Temporary(_) => "temporary",
            SmsError::Permanent(_) => "permanent",
        };
        assert_eq!(kind, want);
    }
    let down = Brevo::new("http://127.0.0.1:9", "k", "Consigne", "http://x");
    let err = blocking(move || down.send(&message("x")))
        .await
        .unwrap_err();
    assert!(matches!(err, SmsError::Temporary(_)), "{err:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_webhook_adapter_posts_its_json_with_a_bearer_token() {
    let (base, rec) = operator().await;
    let hook = Webhook::new(&format!("{base}/hook"), "secret-token");
    let sent = blocking(move || hook.send(&message("Встреча завтра в 10:00")))
        .await
        .unwrap();
    assert_eq!(sent.operator_ref, "gw-42");
    let requests = rec.requests.lock().unwrap();
    let (path, headers, body) = &requests[0];
    assert_eq!(path, "/hook");
    assert_eq!(headers["authorization"], "Bearer secret-token");
    assert_eq!(body["to"], "+33612345678");
    assert_eq!(body["reference"], "reminder-1");
    assert_eq!(body["encoding"], "ucs2");
    assert_eq!(body["segments"], 1);
    assert_eq!(
        serde_json::to_value(Encoding::Gsm7).unwrap(),
        serde_json::json!("gsm7")
    );
}

/// Every SMS text of every catalogue, rendered as reminders and notices render it, goes in the
/// encoding and segment count an independent GSM 03.38 codec (Python's `gsm0338`) finds; texts
/// in Latin letters travel in GSM-7 and the others in UCS-2.
#[test]
fn every_sms_text_of_every_language_is_encoded_right() {
    use consigne::i18n::{Catalogs, Locale, SUPPORTED};
    let catalogs = Catalogs::load().unwrap();
    let mut rendered = Vec::new();
    for lang in SUPPORTED {
        let ids: Vec<_> = Catalogs::ids(lang)
            .into_iter()
            .filter(|id| id.starts_with("sms-"))
            .collect();
        assert!(ids.len() >= 5, "{lang}: {ids:?}");
        let locale = Locale::new(catalogs.clone(), lang);
        for id in ids {
            let original = locale.ta(
                &id,
                &[
                    ("date", "24/12/2026".into()),
                    ("time", "14:30".into()),
                    ("days", 30.into()),
                    ("count", 2.into()),
                ],
            );
            assert!(!original.contains('{'), "{lang} {id}: {original}");
            let e = encode(&original);
            let latin = !matches!(*lang, "ar" | "prs" | "ps" | "ru" | "uk" | "ka");
            let expected = if latin {
                Encoding::Gsm7
            } else {
                Encoding::Ucs2
            };
            assert_eq!(e.encoding, expected, "{lang} {id}: {original}");
            rendered.push(serde_json::json!({
                "lang": lang, "id": id, "original": original, "text": e.text,
                "encoding": e.encoding, "segments": e.segments,
            }));
        }
    }
    let problems = crate::helpers::python(
        include_str!("../oracle/sms_encoding.py"),
        serde_json::to_string(&rendered).unwrap().as_bytes(),
    );
    assert_eq!(problems, serde_json::json!([]), "{problems:#}");
}
