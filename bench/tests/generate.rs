//! The data generator end to end: a tiny installation, served by the real `consigne` binary,
//! read through the public API as the benchmark scenarios will, then `consigne verify`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use consigne_bench::generate::{Fixture, GenerateOptions, generate};
use serde_json::Value;
use sha2::Digest;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The `consigne` binary of this workspace, built if needed (`cargo build --bin consigne`).
fn consigne_binary() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let binary = target.join("debug").join("consigne");
    // scripts/test-all has built every binary and test with one feature set: building the
    // binary alone here would compile it again with another one, in the middle of the tests.
    if std::env::var_os("CONSIGNE_PREBUILT").is_some_and(|v| v == "1") {
        assert!(
            binary.is_file(),
            "CONSIGNE_PREBUILT=1 but no {}",
            binary.display()
        );
        return binary;
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "-p", "consigne", "--bin", "consigne"])
        .current_dir(&root)
        .status()
        .expect("cargo build");
    assert!(status.success(), "cargo build --bin consigne failed");
    binary
}

struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(binary: &PathBuf, fixture: &Fixture) -> Server {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(binary)
        .arg("serve")
        .arg("--config")
        .arg(&fixture.config_path)
        .arg("--listen")
        .arg(format!("127.0.0.1:{port}"))
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .spawn()
        .expect("start consigne serve");
    let server = Server {
        child,
        base: format!("http://127.0.0.1:{port}"),
    };
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if ureq::get(&format!("{}/health", server.base)).call().is_ok() {
            return server;
        }
        assert!(Instant::now() < deadline, "the server did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn login(base: &str, identifier: &str, password: &str) -> Value {
    let body = serde_json::json!({"identifier": identifier, "password": password}).to_string();
    let mut resp = ureq::post(&format!("{base}/api/v1/auth/login"))
        .header("content-type", "application/json")
        .send(body)
        .unwrap_or_else(|e| panic!("login as {identifier}: {e}"));
    serde_json::from_str(&resp.body_mut().read_to_string().unwrap()).unwrap()
}

fn get(base: &str, path: &str, token: &str) -> Vec<u8> {
    let mut resp = ureq::get(&format!("{base}{path}"))
        .header("authorization", format!("Bearer {token}"))
        .config()
        .http_status_as_error(false)
        .build()
        .call()
        .unwrap_or_else(|e| panic!("GET {path}: {e}"));
    if resp.status() != 200 {
        let body = resp.body_mut().read_to_string().unwrap_or_default();
        panic!("GET {path}: {} {body}", resp.status());
    }
    resp.body_mut()
        .with_config()
        .limit(64 * 1024 * 1024)
        .read_to_vec()
        .unwrap()
}

fn get_json(base: &str, path: &str, token: &str) -> Value {
    serde_json::from_slice(&get(base, path, token)).unwrap()
}

#[test]
fn a_tiny_installation_is_served_and_verifies_clean() {
    let dir = tempfile::tempdir().unwrap();
    tiny_installation(dir.path().join("data"), String::new(), String::new());
}

/// The same on PostgreSQL + S3 (`scripts/test-all` starts both and sets
/// `CONSIGNE_TEST_DATABASE_URL` and `CONSIGNE_TEST_S3_URL`; without them this test fails).
#[test]
fn a_tiny_installation_on_postgres_and_s3() {
    let server = std::env::var("CONSIGNE_TEST_DATABASE_URL").expect("CONSIGNE_TEST_DATABASE_URL");
    let s3 = std::env::var("CONSIGNE_TEST_S3_URL").expect("CONSIGNE_TEST_S3_URL");
    let suffix = hex::encode(rand::random::<[u8; 8]>());
    let name = format!("consigne_bench_{suffix}");
    let mut client = postgres::Client::connect(&server, postgres::NoTls).unwrap();
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .unwrap();
    let (base, _) = server.rsplit_once('/').expect("a database name in the URL");
    let url = format!("{base}/{name}");
    let dir = tempfile::tempdir().unwrap();
    tiny_installation(
        dir.path().join("data"),
        url,
        format!("{}/consigne-bench-{suffix}", s3.trim_end_matches('/')),
    );
    let _ = client.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
}

fn tiny_installation(data_dir: PathBuf, database_url: String, blobs_url: String) {
    let binary = consigne_binary();
    let fixture = generate(&GenerateOptions {
        data_dir: data_dir.clone(),
        database_url,
        blobs_url,
        beneficiaries: 50,
        structures: 3,
        documents: 500,
        blob_sample: 20,
        seed: 7,
        big_structure: 10,
        sized_safes: vec![3, 7],
    })
    .unwrap();
    assert_eq!(
        Fixture::load(&data_dir).unwrap().beneficiary.id,
        fixture.beneficiary.id
    );
    // The sized safes come on top of the asked people and documents.
    assert_eq!(fixture.counts.beneficiaries, 50 + 2);
    assert_eq!(fixture.counts.structures, 3);
    assert_eq!(fixture.counts.documents, 500 + 3 + 7);
    assert_eq!(fixture.counts.blobs, 10 + 20);
    assert_eq!(fixture.beneficiary.documents.len(), 50);
    assert_eq!(fixture.logins.len(), 5);
    assert_eq!(fixture.professional.followed, 25);

    let server = serve(&binary, &fixture);
    let base = server.base.as_str();

    // The fixture beneficiary: login, her list, a document page, downloads.
    let b = &fixture.beneficiary;
    let session = login(base, &b.identifier, &b.password);
    let token = session["token"].as_str().unwrap();
    assert_eq!(
        session["account"]["beneficiary_id"].as_str(),
        Some(b.id.as_str())
    );
    let list = get_json(
        base,
        &format!("/api/v1/beneficiaries/{}/documents", b.id),
        token,
    );
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 50);
    let ids: Vec<&str> = list.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        b.documents.iter().map(String::as_str).collect::<Vec<_>>()
    );
    for id in &b.documents {
        let doc = get_json(base, &format!("/api/v1/documents/{id}"), token);
        assert_eq!(doc["id"].as_str(), Some(id.as_str()));
        assert!(!doc["name"].as_str().unwrap().is_empty());
    }
    let big = get(
        base,
        &format!("/api/v1/documents/{}/content", b.big_document),
        token,
    );
    assert_eq!(big.len() as i64, b.big_document_size);
    assert!(big.len() >= 10 * 1024 * 1024, "{}", big.len());
    assert!(big.starts_with(b"%PDF-"));
    for id in &b.documents_with_blobs {
        let doc = get_json(base, &format!("/api/v1/documents/{id}"), token);
        let bytes = get(base, &format!("/api/v1/documents/{id}/content"), token);
        assert_eq!(
            doc["sha256"].as_str().unwrap(),
            hex::encode(sha2::Sha256::digest(&bytes))
        );
    }

    // The professional sees the people her structure follows.
    let p = &fixture.professional;
    let pro = login(base, &p.email, &p.password);
    let pro_token = pro["token"].as_str().unwrap();
    let followed = get_json(
        base,
        &format!("/api/v1/structures/{}/beneficiaries", p.structure_id),
        pro_token,
    );
    let followed = followed.as_array().unwrap();
    assert_eq!(followed.len(), p.followed);
    assert!(
        followed
            .iter()
            .all(|f| !f["last_name"].as_str().unwrap().is_empty())
    );
    // She reads the fixture beneficiary's documents shared with her structure.
    let shared = get_json(
        base,
        &format!("/api/v1/beneficiaries/{}/documents", b.id),
        pro_token,
    );
    assert!(!shared.as_array().unwrap().is_empty());

    // The big structure's professional follows exactly the people asked, the sized safes
    // among them; each sized safe holds the documents asked and her password opens it.
    let big = fixture.big_professional.as_ref().expect("a big structure");
    assert_eq!(big.followed, 10);
    assert_ne!(big.structure_id, p.structure_id);
    let big_pro = login(base, &big.email, &big.password);
    let followed = get_json(
        base,
        &format!("/api/v1/structures/{}/beneficiaries", big.structure_id),
        big_pro["token"].as_str().unwrap(),
    );
    assert_eq!(followed.as_array().unwrap().len(), 10);
    assert_eq!(
        fixture
            .sized
            .iter()
            .map(|s| s.documents)
            .collect::<Vec<_>>(),
        [3, 7]
    );
    for sized in &fixture.sized {
        let s = login(base, &sized.identifier, &sized.password);
        assert_eq!(
            s["account"]["beneficiary_id"].as_str(),
            Some(sized.id.as_str())
        );
        let docs = get_json(
            base,
            &format!("/api/v1/beneficiaries/{}/documents", sized.id),
            s["token"].as_str().unwrap(),
        );
        assert_eq!(docs.as_array().unwrap().len() as u64, sized.documents);
    }

    // The people who log in with their own password, and a bulk person (shared derivation).
    for l in &fixture.logins {
        let s = login(base, &l.identifier, &l.password);
        assert_eq!(s["account"]["kind"].as_str(), Some("beneficiary"));
    }
    let bulk = login(base, &fixture.bulk.identifier, &fixture.bulk.password);
    let bulk_token = bulk["token"].as_str().unwrap();
    let bid = bulk["account"]["beneficiary_id"].as_str().unwrap();
    let docs = get_json(
        base,
        &format!("/api/v1/beneficiaries/{bid}/documents"),
        bulk_token,
    );
    assert!(!docs.as_array().unwrap().is_empty());
    let with_blob = fixture
        .bulk
        .document_with_blob
        .as_deref()
        .expect("a sampled blob");
    let doc = get_json(base, &format!("/api/v1/documents/{with_blob}"), bulk_token);
    let bytes = get(
        base,
        &format!("/api/v1/documents/{with_blob}/content"),
        bulk_token,
    );
    assert_eq!(
        doc["sha256"].as_str().unwrap(),
        hex::encode(sha2::Sha256::digest(&bytes))
    );
    drop(server);

    let verify = Command::new(&binary)
        .arg("verify")
        .arg("--config")
        .arg(&fixture.config_path)
        .output()
        .unwrap();
    assert!(
        verify.status.success(),
        "consigne verify: {}\n{}",
        String::from_utf8_lossy(&verify.stdout),
        String::from_utf8_lossy(&verify.stderr)
    );
}
