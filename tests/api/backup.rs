//! `consigne backup` and `consigne restore`, run as the real binary against a running
//! `consigne demo` on the backend chosen by `CONSIGNE_TEST_BACKEND` (SQLite + files, or
//! PostgreSQL + S3): a backup taken while people upload restores, with the platform key put
//! back, to the same documents byte for byte and a clean `consigne verify`; the backup holds
//! no platform key; restore refuses a destination that is not empty and a damaged backup.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine;
use sha2::{Digest, Sha256};

use consigne::store::blobs::{BlobError, BlobResult, BlobStore, BlobWrite};

use crate::helpers::{PgTestDb, World, on_postgres, pdf, s3_bucket_url};

const AMINA: (&str, &str) = ("amina.benali.14021990", "soleil vert sur la colline");

/// One installation: a data directory, and on PostgreSQL its own database and bucket.
struct Installation {
    data_dir: PathBuf,
    database_url: String,
    blobs_url: String,
    _pg: Option<PgTestDb>,
}

impl Installation {
    fn new(root: &Path, name: &str) -> Self {
        let pg = on_postgres().then(PgTestDb::create);
        Self {
            data_dir: root.join(name),
            database_url: pg.as_ref().map(|d| d.url.clone()).unwrap_or_default(),
            blobs_url: if pg.is_some() {
                s3_bucket_url("consigne-backup-")
            } else {
                String::new()
            },
            _pg: pg,
        }
    }

    /// `consigne <sub>` with this installation's Common flags.
    fn command(&self, sub: &str) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_consigne"));
        c.arg(sub).arg("--data-dir").arg(&self.data_dir);
        if !self.database_url.is_empty() {
            c.args(["--database-url", &self.database_url]);
        }
        if !self.blobs_url.is_empty() {
            c.args(["--blobs-url", &self.blobs_url]);
        }
        c.env("RUST_LOG", "warn");
        c
    }

    fn key_file(&self) -> PathBuf {
        self.data_dir.join("platform.key")
    }
}

async fn run(mut command: Command) -> (Output, String, String) {
    let out = tokio::task::spawn_blocking(move || command.output().unwrap())
        .await
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out, stdout, stderr)
}

async fn backup(source: &Installation, to: &Path) -> (Output, String, String) {
    let mut c = source.command("backup");
    c.arg("--to").arg(to);
    run(c).await
}

async fn restore(dest: &Installation, from: &Path) -> (Output, String, String) {
    let mut c = dest.command("restore");
    c.arg("--from").arg(from);
    run(c).await
}

/// A running `consigne demo` or `consigne serve`, killed on drop.
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

async fn start(inst: &Installation, sub: &str) -> Server {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut command = inst.command(sub);
    command
        .args(["--listen", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    let mut child = command.spawn().unwrap();
    // Drain the output (the demo prints its logins): a closed pipe would fail a later print.
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || for _ in BufReader::new(stdout).lines().map_while(Result::ok) {});
    let server = Server {
        child,
        base: format!("http://127.0.0.1:{port}"),
    };
    let http = reqwest::Client::new();
    for _ in 0..1200 {
        if let Ok(r) = http.get(format!("{}/health", server.base)).send().await
            && r.status() == 200
        {
            return server;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("consigne {sub} did not answer /health");
}

/// Logs Amina in; returns (token, beneficiary id).
async fn login(http: &reqwest::Client, base: &str) -> (String, String) {
    let r = http
        .post(format!("{base}/api/v1/auth/login"))
        .json(&serde_json::json!({"identifier": AMINA.0, "password": AMINA.1}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let me: serde_json::Value = r.json().await.unwrap();
    (
        me["token"].as_str().unwrap().to_owned(),
        me["account"]["beneficiary_id"].as_str().unwrap().to_owned(),
    )
}

/// Uploads a PDF; returns (id, SHA-256 of what was stored).
async fn upload(
    http: &reqwest::Client,
    base: &str,
    token: &str,
    bid: &str,
    text: &str,
) -> (String, String) {
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(pdf(text)).file_name("papier.pdf"),
    );
    let r = http
        .post(format!("{base}/api/v1/beneficiaries/{bid}/documents"))
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let doc: serde_json::Value = r.json().await.unwrap();
    (
        doc["id"].as_str().unwrap().to_owned(),
        doc["sha256"].as_str().unwrap().to_owned(),
    )
}

/// Every document of Amina's: id -> (SHA-256 announced, bytes downloaded).
async fn documents(
    http: &reqwest::Client,
    base: &str,
    token: &str,
    bid: &str,
) -> BTreeMap<String, (String, Vec<u8>)> {
    let list: serde_json::Value = http
        .get(format!("{base}/api/v1/beneficiaries/{bid}/documents"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mut out = BTreeMap::new();
    for d in list.as_array().unwrap() {
        let id = d["id"].as_str().unwrap().to_owned();
        let r = http
            .get(format!("{base}/api/v1/documents/{id}/content"))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "download of {id}");
        let bytes = r.bytes().await.unwrap().to_vec();
        out.insert(id, (d["sha256"].as_str().unwrap().to_owned(), bytes));
    }
    out
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// No key file in the backup, and no file holds the key's bytes (raw or as written in the
/// key file).
fn assert_no_platform_key(backup: &Path, key_file: &Path) {
    let text = std::fs::read_to_string(key_file).unwrap();
    let mut needles: Vec<Vec<u8>> = Vec::new();
    for line in text.lines().skip(1) {
        let (_, b64) = line.split_once(' ').unwrap();
        needles.push(b64.as_bytes().to_vec());
        let raw = base64::engine::general_purpose::STANDARD
            .decode(b64)
            .unwrap();
        assert_eq!(raw.len(), 32);
        needles.push(raw);
    }
    assert!(!needles.is_empty());
    let files = files_under(backup);
    assert!(files.len() >= 3, "{files:?}");
    for file in files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            !name.ends_with(".key") && !name.contains("platform"),
            "{}",
            file.display()
        );
        let bytes = std::fs::read(&file).unwrap();
        for needle in &needles {
            assert!(
                !contains(&bytes, needle),
                "{} holds the platform key",
                file.display()
            );
        }
    }
}

/// Copies the platform key file back, as the operator does after a restore.
fn put_key_back(from: &Path, to: &Path) {
    std::fs::copy(from, to).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(to, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_during_uploads_restores_identical_documents_without_the_platform_key() {
    let dir = tempfile::tempdir().unwrap();
    let source = Installation::new(dir.path(), "source");
    let server = start(&source, "demo").await;
    let base = server.base.clone();
    let http = reqwest::Client::new();
    let (token, bid) = login(&http, &base).await;
    let demo_docs = documents(&http, &base, &token, &bid).await;
    assert!(!demo_docs.is_empty(), "the demo gives Amina documents");

    // Two people keep uploading, a third uploads and deletes at once (its blobs vanish while
    // the backup copies): every acknowledged upload is recorded with its SHA-256.
    let stop = Arc::new(AtomicBool::new(false));
    let acked: Arc<Mutex<Vec<(String, String)>>> = Arc::default();
    let churned: Arc<Mutex<BTreeMap<String, String>>> = Arc::default();
    let mut tasks = Vec::new();
    for worker in 0..3 {
        let (stop, acked, churned, http, base, token, bid) = (
            stop.clone(),
            acked.clone(),
            churned.clone(),
            http.clone(),
            base.clone(),
            token.clone(),
            bid.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let mut n = 0;
            while !stop.load(Ordering::SeqCst) {
                n += 1;
                let (id, sha) = upload(
                    &http,
                    &base,
                    &token,
                    &bid,
                    &format!("worker {worker} page {n}"),
                )
                .await;
                if worker == 2 {
                    churned.lock().unwrap().insert(id.clone(), sha);
                    let r = http
                        .delete(format!("{base}/api/v1/documents/{id}"))
                        .bearer_auth(&token)
                        .send()
                        .await
                        .unwrap();
                    assert_eq!(r.status(), 204);
                } else {
                    acked.lock().unwrap().push((id, sha));
                }
            }
        }));
    }
    while acked.lock().unwrap().len() < 6 {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let before: Vec<(String, String)> = acked.lock().unwrap().clone();
    let bk = dir.path().join("backups").join("monday");
    let (out, stdout, stderr) = backup(&source, &bk).await;
    let after: Vec<(String, String)> = acked.lock().unwrap().clone();
    // Uploads go on after the backup (so they went on during it), then stop.
    while acked.lock().unwrap().len() < after.len() + 4 {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    stop.store(true, Ordering::SeqCst);
    for t in tasks {
        t.await.unwrap();
    }
    let later: Vec<(String, String)> = acked.lock().unwrap()[after.len()..].to_vec();
    eprintln!("{stdout}");
    assert!(out.status.success(), "backup failed:\n{stdout}\n{stderr}");
    assert!(stdout.contains("backup written to"), "{stdout}");
    assert!(
        stdout.contains("platform key is not in the backup"),
        "{stdout}"
    );

    // The backup's layout, its manifest, and no platform key anywhere in it.
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(bk.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["format"], "consigne-backup");
    assert_eq!(manifest["format_version"], 1);
    let expected_source = if on_postgres() {
        ("postgresql", "s3")
    } else {
        ("sqlite", "files")
    };
    assert_eq!(manifest["source"]["database"], expected_source.0);
    assert_eq!(manifest["source"]["blobs"], expected_source.1);
    assert!(manifest["migrations"].as_array().unwrap().len() >= 5);
    assert!(manifest["tables"]["items"].as_u64().unwrap() >= demo_docs.len() as u64 + 6);
    let files = manifest["files"].as_object().unwrap();
    assert_eq!(
        files.len() as u64,
        manifest["blob_count"].as_u64().unwrap() + 1
    );
    for (name, sha) in files {
        assert_eq!(
            sha256_hex(&std::fs::read(bk.join(name)).unwrap()),
            sha.as_str().unwrap(),
            "{name}"
        );
    }
    assert!(bk.join("database.sqlite").is_file());
    assert_no_platform_key(&bk, &source.key_file());
    let leftovers: Vec<_> = std::fs::read_dir(bk.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, vec![std::ffi::OsString::from("monday")]);

    // Restore into a new installation; the platform key is not created by the restore.
    let dest = Installation::new(dir.path(), "restored");
    let (out, stdout, stderr) = restore(&dest, &bk).await;
    assert!(out.status.success(), "restore failed:\n{stdout}\n{stderr}");
    assert!(
        stdout.contains("identical: every row and every blob checked"),
        "{stdout}"
    );
    assert!(
        stdout.contains("platform key") && stdout.contains(&dest.key_file().display().to_string()),
        "{stdout}"
    );
    assert!(!dest.key_file().exists());
    // Forgetting the key is refused: a new key would open nothing of what was restored.
    let (out, stdout, stderr) = run(dest.command("verify")).await;
    assert!(!out.status.success(), "started without its key:\n{stdout}");
    assert!(stderr.contains("platform key"), "{stderr}");
    assert!(!dest.key_file().exists(), "a new key was made");
    put_key_back(&source.key_file(), &dest.key_file());
    let (out, stdout, stderr) = run(dest.command("verify")).await;
    assert!(out.status.success(), "verify failed:\n{stdout}\n{stderr}");
    assert!(stdout.contains("chain valid"), "{stdout}");

    // The restored installation serves the same documents, byte for byte.
    let restored_server = start(&dest, "serve").await;
    let (rtoken, rbid) = login(&http, &restored_server.base).await;
    assert_eq!(rbid, bid);
    let restored = documents(&http, &restored_server.base, &rtoken, &rbid).await;
    let now_at_source = documents(&http, &base, &token, &bid).await;
    let acked_sha: BTreeMap<String, String> = after.iter().cloned().collect();
    for (id, sha) in &before {
        assert!(
            restored.contains_key(id),
            "{id}, acknowledged before the backup, is missing"
        );
        assert_eq!(&restored[id].0, sha);
    }
    for (id, (_, bytes)) in &demo_docs {
        assert_eq!(&restored[id].1, bytes, "demo document {id}");
    }
    for (id, _) in &later {
        assert!(
            !restored.contains_key(id),
            "{id}, acknowledged after the backup had finished, is in it"
        );
    }
    let churned = churned.lock().unwrap().clone();
    for (id, (announced, bytes)) in &restored {
        assert_eq!(&sha256_hex(bytes), announced, "{id}");
        if let Some(sha) = churned.get(id) {
            // Deleted at the source after the backup had copied it.
            assert_eq!(sha, announced, "{id}");
            continue;
        }
        assert_eq!(
            &now_at_source[id].1, bytes,
            "{id} differs from the source's"
        );
        assert!(
            demo_docs.contains_key(id) || acked_sha.get(id) == Some(announced),
            "{id} was never acknowledged"
        );
    }
    drop(restored_server);
    drop(server);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn restore_refuses_a_non_empty_destination_and_a_damaged_backup() {
    let dir = tempfile::tempdir().unwrap();
    let source = Installation::new(dir.path(), "source");
    let server = start(&source, "demo").await;
    let bk = dir.path().join("bk");
    let (out, stdout, stderr) = backup(&source, &bk).await;
    assert!(out.status.success(), "{stdout}\n{stderr}");
    drop(server);

    // A backup never overwrites a directory that holds something.
    let (out, _, stderr) = backup(&source, &bk).await;
    assert!(!out.status.success());
    assert!(
        stderr.contains("exists and is not an empty directory"),
        "{stderr}"
    );

    // Not into an installation that holds data.
    let (out, _, stderr) = restore(&source, &bk).await;
    assert!(!out.status.success());
    assert!(
        stderr.contains("the destination database is not empty"),
        "{stderr}"
    );
    // Nor into an empty database beside a blob store that holds blobs.
    let busy = Installation::new(dir.path(), "busy");
    {
        let store = consigne::store::open_blob_store(&busy.blobs_url, &busy.data_dir).unwrap();
        let mut w = store.begin().unwrap();
        std::io::Write::write_all(&mut w, b"someone else's blob").unwrap();
        w.commit().unwrap();
    }
    let (out, _, stderr) = restore(&busy, &bk).await;
    assert!(!out.status.success());
    assert!(
        stderr.contains("the destination blob store is not empty"),
        "{stderr}"
    );

    // A flipped byte in one blob: refused before anything is written.
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(bk.join("manifest.json")).unwrap()).unwrap();
    let blob = manifest["files"]
        .as_object()
        .unwrap()
        .keys()
        .find(|k| k.starts_with("blobs/"))
        .unwrap()
        .clone();
    let bad = dir.path().join("bad");
    for file in files_under(&bk) {
        let to = bad.join(file.strip_prefix(&bk).unwrap());
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&file, &to).unwrap();
    }
    let mut bytes = std::fs::read(bad.join(&blob)).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    std::fs::write(bad.join(&blob), &bytes).unwrap();
    let dest = Installation::new(dir.path(), "dest");
    let (out, _, stderr) = restore(&dest, &bad).await;
    assert!(!out.status.success());
    assert!(
        stderr.contains("is damaged") && stderr.contains(&blob),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert!(!dest.data_dir.exists(), "nothing written");

    // The same blob with a manifest rewritten to match it: the SHA-256 recorded at upload in
    // the database still tells.
    let mut lying = manifest.clone();
    lying["files"][&blob] = serde_json::Value::String(sha256_hex(&bytes));
    std::fs::write(
        bad.join("manifest.json"),
        serde_json::to_vec_pretty(&lying).unwrap(),
    )
    .unwrap();
    let (out, _, stderr) = restore(&dest, &bad).await;
    assert!(!out.status.success());
    assert!(
        stderr.contains("does not match the SHA-256 recorded at upload"),
        "{stderr}"
    );

    // The intact backup restores there; a second run finds the installation no longer empty.
    let (out, stdout, stderr) = restore(&dest, &bk).await;
    assert!(out.status.success(), "{stdout}\n{stderr}");
    let (out, _, stderr) = restore(&dest, &bk).await;
    assert!(!out.status.success());
    assert!(stderr.contains("not empty"), "{stderr}");
}

/// The service's blob store, except that the blob `gone` is reported missing for its first
/// `misses` reads, as when its document is deleted between the snapshot and the copy.
#[derive(Debug)]
struct Vanishing {
    inner: Arc<dyn BlobStore>,
    gone: String,
    misses: Mutex<usize>,
}

impl BlobStore for Vanishing {
    fn begin_at(&self, key: &str) -> BlobResult<Box<dyn BlobWrite>> {
        self.inner.begin_at(key)
    }
    fn open(&self, key: &str) -> BlobResult<Box<dyn std::io::Read + Send>> {
        let mut misses = self.misses.lock().unwrap();
        if key == self.gone && *misses > 0 {
            *misses -= 1;
            return Err(BlobError::NotFound);
        }
        self.inner.open(key)
    }
    fn delete(&self, key: &str) -> BlobResult<()> {
        self.inner.delete(key)
    }
    fn list(&self) -> BlobResult<Vec<(String, Duration)>> {
        self.inner.list()
    }
    fn sweep_partials(&self, older_than: Duration) -> BlobResult<usize> {
        self.inner.sweep_partials(older_than)
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_blob_deleted_during_the_copy_starts_a_fresh_snapshot() {
    let w = World::new().await;
    let r =
        w.t.upload(&w.person, &w.bid, pdf("a paper"), "papier.pdf", None)
            .await;
    assert_eq!(r.status, 201, "{}", r.text);
    let key: String = {
        let id = r.json()["id"].as_str().unwrap().to_owned();
        let db = w.t.app.db.clone();
        tokio::task::spawn_blocking(move || {
            db.transaction_blocking(|tx| -> consigne::store::StoreResult<String> {
                tx.query_one("SELECT blob_key FROM items WHERE id = $1", &[id.into()])?
                    .text(0)
            })
            .unwrap()
        })
        .await
        .unwrap()
    };
    let dir = tempfile::tempdir().unwrap();
    let source = consigne::backup::source_of(&w.t.app.config);
    let attempt = |misses: usize, name: &str| {
        let store = Vanishing {
            inner: w.t.app.blobs().clone(),
            gone: key.clone(),
            misses: Mutex::new(misses),
        };
        let (db, source, to) = (w.t.app.db.clone(), source.clone(), dir.path().join(name));
        tokio::task::spawn_blocking(move || {
            consigne::backup::backup_from(&db, &store, &source, &to)
        })
    };
    // Vanished once: the second snapshot succeeds.
    let summary = attempt(1, "once").await.unwrap().unwrap();
    assert_eq!(summary.attempts, 2);
    assert!(dir.path().join("once/manifest.json").is_file());
    assert!(
        dir.path()
            .join("once/blobs")
            .join(&key[..2])
            .join(&key)
            .is_file()
    );
    // Vanishing every time: a clear error after a bounded number of snapshots, and no
    // directory that could pass for a backup, nor partial files.
    let err = attempt(usize::MAX, "never").await.unwrap().unwrap_err();
    let message = format!("{err:#}");
    assert!(message.contains("kept being deleted"), "{message}");
    assert!(message.contains(&key), "{message}");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("once")]);
}

/// What `consigne restore` leaves in the data directory until it has checked everything.
fn write_restore_marker(dest: &Installation, backup: &Path) {
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(backup.join("manifest.json")).unwrap()).unwrap();
    std::fs::create_dir_all(&dest.data_dir).unwrap();
    std::fs::write(
        dest.data_dir.join("restore-in-progress.json"),
        serde_json::to_vec(&serde_json::json!({
            "backup_created_at": manifest["created_at"],
            "database_sha256": manifest["files"]["database.sqlite"],
        }))
        .unwrap(),
    )
    .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_interrupted_restore_finishes_when_run_again() {
    let dir = tempfile::tempdir().unwrap();
    let source = Installation::new(dir.path(), "source");
    let server = start(&source, "demo").await;
    let bk = dir.path().join("bk");
    let (out, stdout, stderr) = backup(&source, &bk).await;
    assert!(out.status.success(), "{stdout}\n{stderr}");
    drop(server);
    let blob_files: Vec<PathBuf> = files_under(&bk.join("blobs"));
    assert!(blob_files.len() >= 2, "{blob_files:?}");

    // Interrupted while copying blobs: some are there (one of them cut short), no rows.
    let dest = Installation::new(dir.path(), "dest");
    {
        let store = consigne::store::open_blob_store(&dest.blobs_url, &dest.data_dir).unwrap();
        for (i, file) in blob_files.iter().enumerate().take(2) {
            let key = file.file_name().unwrap().to_string_lossy().into_owned();
            let bytes = std::fs::read(file).unwrap();
            let kept = if i == 0 {
                &bytes[..bytes.len() / 2]
            } else {
                &bytes[..]
            };
            let mut w = store.begin_at(&key).unwrap();
            std::io::Write::write_all(&mut w, kept).unwrap();
            w.commit().unwrap();
        }
    }
    // Without the restore's own marker, those blobs make the destination not empty.
    let (out, _, stderr) = restore(&dest, &bk).await;
    assert!(!out.status.success());
    assert!(stderr.contains("blob store is not empty"), "{stderr}");
    write_restore_marker(&dest, &bk);
    let (out, stdout, stderr) = restore(&dest, &bk).await;
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("identical: every row and every blob checked"),
        "{stdout}"
    );
    assert!(!dest.data_dir.join("restore-in-progress.json").exists());
    put_key_back(&source.key_file(), &dest.key_file());
    let (out, stdout, stderr) = run(dest.command("verify")).await;
    assert!(out.status.success(), "{stdout}\n{stderr}");

    // Interrupted after the rows were committed, before the final check: checked and finished.
    write_restore_marker(&dest, &bk);
    let (out, stdout, stderr) = restore(&dest, &bk).await;
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("finished the interrupted restore"),
        "{stdout}"
    );
    assert!(!dest.data_dir.join("restore-in-progress.json").exists());
}
