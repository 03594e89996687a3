//! Two `consigne serve` instances on one PostgreSQL database and one S3 bucket behave as one
//! service: a session opened on one works on the other, an upload on one is shared on the
//! other, revocation on one holds on the next request to the other, the journal read on either
//! tells the whole story, throttling triggered on one holds on the other, and the journal stays
//! one valid hash chain. Needs PostgreSQL and S3: fails without them.

use std::sync::Arc;

use consigne::clock::ManualClock;
use consigne::config::Config;
use reqwest::StatusCode;

use crate::helpers::{PERSON_PASSWORD, PgTestDb, TestApp, pdf, s3_bucket_url};

async fn instance(config: Config, clock: &ManualClock) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let app = consigne::cli::build_app(config, Arc::new(clock.clone()), false).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let served = app.clone();
    tokio::spawn(async move { consigne::cli::serve(served, listener).await });
    TestApp {
        base,
        clock: clock.clone(),
        app,
        _dir: dir,
        _pg: None,
        http: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_on_one_postgres_and_one_bucket_are_one_service() {
    let pg = PgTestDb::create();
    let s3 = s3_bucket_url("consigne-two-");
    let shared = tempfile::tempdir().unwrap();
    let clock = ManualClock::new(time::OffsetDateTime::now_utc().unix_timestamp());
    let config = |name: &str| Config {
        data_dir: shared.path().join(name),
        database_url: pg.url.clone(),
        blobs_url: s3.clone(),
        // The platform key is the instances' common secret, kept outside their data.
        platform_key_file: Some(shared.path().join("platform.key")),
        public_url: "http://127.0.0.1".into(),
        ..Config::default()
    };
    let a = instance(config("a"), &clock).await;
    let b = instance(config("b"), &clock).await;

    let (admin, _, _) = a.platform_admin().await;
    let s1 = b.create_structure(&admin, "Accueil de jour", "relay").await;
    let (p1, _, _) = a.professional(&admin, &s1, "admin").await;
    let (bid, identifier, _) = b.open_safe(&p1, &s1, "Zoé", "Lefèvre", "1987-06-05").await;

    // Logged in on A, she uploads on B.
    let person = a.login_ok(&identifier, PERSON_PASSWORD).await;
    let r = b.upload(&person, &bid, pdf("bail"), "bail.pdf", None).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let id = r.json()["id"].as_str().unwrap().to_owned();
    let content = format!("/api/v1/documents/{id}/content");
    let share = format!("/api/v1/documents/{id}/shares/{s1}");

    // Shared on A, the professional reads it on B; revoked on B, his next request on A is 404.
    let r = a.send_method("PUT", &share, Some(&person)).await;
    assert!(r.status.is_success(), "{}", r.text);
    let (status, _, _) = b.get_bytes(&content, &p1).await;
    assert_eq!(status, StatusCode::OK);
    let r = b.delete(&share, Some(&person)).await;
    assert!(r.status.is_success(), "{}", r.text);
    let (status, _, _) = a.get_bytes(&content, &p1).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // The journal read on A tells what happened on both.
    let journal = a
        .get(
            &format!("/api/v1/beneficiaries/{bid}/journal"),
            Some(&person),
        )
        .await;
    assert_eq!(journal.status, StatusCode::OK, "{}", journal.text);
    let text = journal.text;
    for action in [
        "document_uploaded",
        "document_shared",
        "document_downloaded",
        "document_unshared",
    ] {
        assert!(text.contains(action), "{action} in {text}");
    }

    // Failures on A throttle the next attempt on B.
    for _ in 1..=5 {
        assert_eq!(
            a.login(&identifier, "pas le bon mot de passe").await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    assert_eq!(
        a.login(&identifier, "pas le bon mot de passe").await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(
        b.login(&identifier, PERSON_PASSWORD).await.status,
        StatusCode::TOO_MANY_REQUESTS
    );

    // One valid chain, every blob intact, seen from either instance.
    for t in [&a, &b] {
        let report = t.app.verify(false).await.unwrap();
        assert!(report.is_clean(), "{report:?}");
    }
}
