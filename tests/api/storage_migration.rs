//! `consigne migrate-storage` moves the demo installation from SQLite + files to PostgreSQL +
//! S3 and back, through the real binary: every row and blob is identical at each step, and the
//! people's documents open and download with the right SHA-256 on the moved installation.
//! Needs PostgreSQL and S3 (`CONSIGNE_TEST_DATABASE_URL`, `CONSIGNE_TEST_S3_URL`): fails
//! without them.

use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use consigne::clock::SystemClock;
use consigne::config::Config;
use sha2::{Digest, Sha256};

use crate::helpers::{PgTestDb, s3_bucket_url};

fn config(data_dir: &Path, database_url: &str, blobs_url: &str, key: &Path) -> Config {
    Config {
        data_dir: data_dir.to_path_buf(),
        database_url: database_url.to_owned(),
        blobs_url: blobs_url.to_owned(),
        platform_key_file: Some(key.to_path_buf()),
        public_url: "http://127.0.0.1".into(),
        ..Config::default()
    }
}

fn migrate(source: &Config, to: &str, blobs: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_consigne"))
        .arg("migrate-storage")
        .arg("--data-dir")
        .arg(&source.data_dir)
        .arg("--database-url")
        .arg(source.database_url())
        .arg("--blobs-url")
        .arg(&source.blobs_url)
        .arg("--platform-key-file")
        .arg(source.platform_key_path())
        .args(["--to", to, "--blobs", blobs])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "migrate-storage failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("identical"), "{stdout}");
    stdout
}

/// Logs every demo person in on a server running `config` and downloads each of her
/// documents: (name, SHA-256 announced, SHA-256 of the bytes received).
async fn documents(config: Config, logins: &[(String, String)]) -> Vec<(String, String, String)> {
    let app = consigne::cli::build_app(config, Arc::new(SystemClock), false).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let served = app.clone();
    let server = tokio::spawn(async move { consigne::cli::serve(served, listener).await });
    let http = reqwest::Client::new();
    let mut out = Vec::new();
    for (identifier, password) in logins {
        let me: serde_json::Value = http
            .post(format!("{base}/api/v1/auth/login"))
            .json(&serde_json::json!({"identifier": identifier, "password": password}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let token = me["token"].as_str().unwrap().to_owned();
        let bid = me["account"]["beneficiary_id"].as_str().unwrap().to_owned();
        let docs: serde_json::Value = http
            .get(format!("{base}/api/v1/beneficiaries/{bid}/documents"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        for d in docs.as_array().unwrap() {
            let bytes = http
                .get(format!(
                    "{base}/api/v1/documents/{}/content",
                    d["id"].as_str().unwrap()
                ))
                .bearer_auth(&token)
                .send()
                .await
                .unwrap()
                .bytes()
                .await
                .unwrap();
            out.push((
                d["name"].as_str().unwrap().to_owned(),
                d["sha256"].as_str().unwrap().to_owned(),
                hex::encode(Sha256::digest(&bytes)),
            ));
        }
    }
    server.abort();
    out.sort();
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_moves_to_postgres_and_s3_and_back_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("platform.key");
    // A: the demo on SQLite + files.
    let a = config(&dir.path().join("a"), "", "", &key);
    let logins: Vec<(String, String)> = {
        let app = consigne::cli::build_app(a.clone(), Arc::new(SystemClock), true).unwrap();
        consigne::demo::seed(&app)
            .await
            .unwrap()
            .into_iter()
            .filter(|l| l.role == "beneficiary")
            .map(|l| (l.login, l.password.to_owned()))
            .collect()
    };
    assert!(!logins.is_empty());
    let before = documents(a.clone(), &logins).await;
    assert!(!before.is_empty(), "the demo has documents");
    for (name, announced, got) in &before {
        assert_eq!(announced, got, "{name}");
    }

    // B: PostgreSQL + S3.
    let pg = PgTestDb::create();
    let s3 = s3_bucket_url("consigne-move-");
    let first = migrate(&a, &pg.url, &s3);
    assert!(first.contains("journal:"), "{first}");
    // Resumable: a second run copies nothing and still finds everything identical.
    let again = migrate(&a, &pg.url, &s3);
    assert!(again.contains("blobs: 0 copied now"), "{again}");
    // An interrupted copy (half the journal, items' shares and one blob missing at the
    // destination) is finished by running the same command again.
    {
        let b_db = consigne::store::Database::open(&pg.url, dir.path()).unwrap();
        let b_blobs = consigne::store::open_blob_store(&s3, dir.path()).unwrap();
        let (key, _) = b_blobs.list().unwrap().into_iter().next().unwrap();
        b_blobs.delete(&key).unwrap();
        std::thread::scope(|s| {
            s.spawn(|| {
                b_db.transaction_blocking(|tx| -> consigne::store::StoreResult<()> {
                    tx.execute("DELETE FROM item_shares", &[])?;
                    tx.execute(
                        "DELETE FROM journal WHERE seq > (SELECT MAX(seq) / 2 FROM journal)",
                        &[],
                    )?;
                    Ok(())
                })
                .unwrap()
            });
        });
    }
    let resumed = migrate(&a, &pg.url, &s3);
    assert!(resumed.contains("blobs: 1 copied now"), "{resumed}");
    assert!(!resumed.contains("journal: 0 rows"), "{resumed}");
    let b = config(&dir.path().join("b"), &pg.url, &s3, &key);
    assert_eq!(documents(b.clone(), &logins).await, before);

    // C: back to SQLite + files, somewhere else.
    let c_dir = dir.path().join("c");
    std::fs::create_dir_all(&c_dir).unwrap();
    let c_db = format!("sqlite://{}", c_dir.join("consigne.db").display());
    let c_blobs = c_dir.join("blobs").display().to_string();
    migrate(&b, &c_db, &c_blobs);
    let c = config(&c_dir, &c_db, &c_blobs, &key);
    assert_eq!(documents(c, &logins).await, before);
}
