//! Test harness: spawn the app, typed helpers for the API, a world of accounts.
//!
//! The backends each test app runs on are chosen by environment variables:
//! - `CONSIGNE_TEST_BACKEND`: `sqlite` (SQLite + files, the default when unset) or `postgres`
//!   (PostgreSQL + S3).
//! - `CONSIGNE_TEST_DATABASE_URL`: a PostgreSQL server the tests may create databases on, e.g.
//!   `postgres://consigne:consigne@127.0.0.1:5432/postgres` (the role needs CREATEDB).
//! - `CONSIGNE_TEST_S3_URL`: an S3-compatible server the tests may create buckets on, e.g.
//!   `s3+http://127.0.0.1:9000/`, with `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY`.
//!
//! The URLs alone do not move the suite: they serve the tests that compare or stress the
//! adapters (`postgres.rs`, `blobstore.rs`, `instances.rs`, `storage_migration.rs`), which fail
//! without them. With `CONSIGNE_TEST_BACKEND=postgres`, every `spawn_with` also creates a fresh
//! database `consigne_test_<random>` and a fresh bucket (and fails when a URL is unset), so the
//! whole suite runs unchanged on PostgreSQL + S3; the database is dropped with the app.
//! `scripts/test-all` starts both servers, sets the URLs and runs the suite once per backend.

use consigne::clock::{Clock, ManualClock};
use consigne::config::Config;
use consigne::service::App;
use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use serde_json::{Value, json};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

pub struct TestApp {
    pub base: String,
    pub clock: ManualClock,
    pub app: App,
    /// Kept so the data directory lives as long as the app.
    pub _dir: tempfile::TempDir,
    /// The app's own PostgreSQL database, when the suite runs on PostgreSQL.
    pub _pg: Option<PgTestDb>,
    pub http: reqwest::Client,
}

const BACKEND_VAR: &str = "CONSIGNE_TEST_BACKEND";
const URL_VAR: &str = "CONSIGNE_TEST_DATABASE_URL";

/// Whether `spawn_with` runs the app on PostgreSQL (see the module comment).
pub fn on_postgres() -> bool {
    match std::env::var(BACKEND_VAR).as_deref() {
        Err(_) | Ok("" | "sqlite") => false,
        Ok("postgres") => true,
        Ok(other) => panic!("{BACKEND_VAR}={other:?}: expected sqlite or postgres"),
    }
}

/// The PostgreSQL server the tests create their databases on.
pub fn postgres_url() -> String {
    match std::env::var(URL_VAR) {
        Ok(url) if !url.is_empty() => url,
        _ => panic!("set {URL_VAR} (scripts/test-all starts PostgreSQL)"),
    }
}

/// A fresh bucket's URL on the tests' S3 server (created when the app opens it).
pub fn s3_bucket_url(prefix: &str) -> String {
    let base = match std::env::var("CONSIGNE_TEST_S3_URL") {
        Ok(url) if !url.is_empty() => url,
        _ => panic!("set CONSIGNE_TEST_S3_URL (scripts/test-all starts an S3-compatible server)"),
    };
    // Random: every test runs in its own process (nextest), so counters would collide.
    format!(
        "{}/{prefix}{}",
        base.trim_end_matches('/'),
        uuid::Uuid::new_v4().simple()
    )
}

/// Runs `f` on a plain thread: the synchronous PostgreSQL client cannot block inside the
/// tests' async runtime.
fn off_runtime<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|s| s.spawn(f).join().unwrap())
}

/// A fresh, empty PostgreSQL database, dropped (best effort) with this guard.
pub struct PgTestDb {
    pub url: String,
    name: String,
    server: String,
}

impl PgTestDb {
    pub fn create() -> Self {
        let server = postgres_url();
        let name = format!("consigne_test_{}", uuid::Uuid::new_v4().simple());
        off_runtime(|| {
            let mut client = postgres::Client::connect(&server, postgres::NoTls)
                .unwrap_or_else(|e| panic!("cannot connect to {URL_VAR}: {e}"));
            client
                .batch_execute(&format!("CREATE DATABASE {name}"))
                .unwrap();
        });
        Self {
            url: with_dbname(&server, &name),
            name,
            server,
        }
    }
}

impl Drop for PgTestDb {
    fn drop(&mut self) {
        let (server, name) = (&self.server, &self.name);
        // FORCE: the app's pool may still hold connections.
        std::thread::scope(|s| {
            s.spawn(|| {
                if let Ok(mut client) = postgres::Client::connect(server, postgres::NoTls) {
                    let _ = client
                        .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
                }
            });
        });
    }
}

/// `url` with its database name replaced by `name`.
pub fn with_dbname(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let authority_start = base.find("://").map_or(0, |i| i + 3);
    let authority_end = base[authority_start..]
        .find('/')
        .map_or(base.len(), |i| authority_start + i);
    let mut out = format!("{}/{name}", &base[..authority_end]);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

pub struct Resp {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub text: String,
}

impl Resp {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or(Value::Null)
    }
    pub fn code(&self) -> String {
        self.json()["error"]["code"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    }
}

pub const STAFF_PASSWORD: &str = "une longue phrase pour le bureau";
pub const PERSON_PASSWORD: &str = "le chat dort sur la valise bleue";
static COUNTER: AtomicUsize = AtomicUsize::new(0);

pub fn unique(prefix: &str) -> String {
    format!("{prefix}{}", COUNTER.fetch_add(1, Ordering::SeqCst))
}

pub async fn spawn() -> TestApp {
    spawn_with(|_| {}).await
}

pub async fn spawn_with(tweak: impl FnOnce(&mut Config)) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let pg = on_postgres().then(PgTestDb::create);
    let mut config = Config {
        data_dir: dir.path().join("data"),
        public_url: "http://127.0.0.1".into(),
        database_url: pg.as_ref().map(|d| d.url.clone()).unwrap_or_default(),
        blobs_url: if pg.is_some() {
            s3_bucket_url("consigne-test-")
        } else {
            String::new()
        },
        ..Config::default()
    };
    tweak(&mut config);
    let clock = ManualClock::new(time::OffsetDateTime::now_utc().unix_timestamp());
    let app = consigne::cli::build_app(config, Arc::new(clock.clone()), false).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let served = app.clone();
    tokio::spawn(async move { consigne::cli::serve(served, listener).await });
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    TestApp {
        base,
        clock,
        app,
        _dir: dir,
        _pg: pg,
        http,
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn send(&self, req: reqwest::RequestBuilder) -> Resp {
        let res = req.send().await.unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let text = res.text().await.unwrap();
        Resp {
            status,
            headers,
            text,
        }
    }

    fn auth(req: reqwest::RequestBuilder, token: Option<&str>) -> reqwest::RequestBuilder {
        match token {
            Some(t) => req.bearer_auth(t),
            None => req,
        }
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> Resp {
        self.send(Self::auth(self.http.get(self.url(path)), token))
            .await
    }

    pub async fn post(&self, path: &str, token: Option<&str>, body: Value) -> Resp {
        self.send(Self::auth(
            self.http.post(self.url(path)).json(&body),
            token,
        ))
        .await
    }

    pub async fn post_empty(&self, path: &str, token: Option<&str>) -> Resp {
        self.send(Self::auth(self.http.post(self.url(path)), token))
            .await
    }

    pub async fn delete(&self, path: &str, token: Option<&str>) -> Resp {
        self.send(Self::auth(self.http.delete(self.url(path)), token))
            .await
    }

    pub fn totp_now(&self, secret_b32: &str) -> String {
        let secret = data_encoding::BASE32_NOPAD
            .decode(secret_b32.as_bytes())
            .unwrap();
        consigne_vault::totp::code_at(&secret, self.clock.now())
    }

    /// A platform admin with a confirmed second factor; returns (token, email, totp secret).
    pub async fn platform_admin(&self) -> (String, String, String) {
        let email = format!("{}@operator.example", unique("admin"));
        let uri = self
            .app
            .create_platform_admin(&email, "Operator", STAFF_PASSWORD, true)
            .await
            .unwrap();
        let secret = uri
            .split("secret=")
            .nth(1)
            .unwrap()
            .split('&')
            .next()
            .unwrap()
            .to_owned();
        let token = self.login_staff(&email, STAFF_PASSWORD, &secret).await;
        (token, email, secret)
    }

    /// Logs a staff account in with a fresh TOTP step (codes are single use).
    pub async fn login_staff(&self, email: &str, password: &str, secret: &str) -> String {
        self.clock.advance(31);
        let r = self
            .post(
                "/api/v1/auth/login",
                None,
                json!({"identifier": email, "password": password, "totp": self.totp_now(secret)}),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        r.json()["token"].as_str().unwrap().to_owned()
    }

    pub async fn create_structure(&self, admin: &str, name: &str, kind: &str) -> String {
        let r = self
            .post(
                "/api/v1/structures",
                Some(admin),
                json!({"name": name, "kind": kind, "city": "Montreuil"}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        r.json()["id"].as_str().unwrap().to_owned()
    }

    /// Adds a professional, who then enrols TOTP; returns (token, email, secret).
    pub async fn professional(
        &self,
        creator: &str,
        sid: &str,
        role: &str,
    ) -> (String, String, String) {
        let email = format!("{}@structure.example", unique("pro"));
        let r = self
            .post(&format!("/api/v1/structures/{sid}/professionals"), Some(creator), json!({"display_name": "Camille Pro", "email": email, "password": STAFF_PASSWORD, "role": role}))
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        let (token, secret) = self.first_staff_login(&email).await;
        (token, email, secret)
    }

    /// A new staff account's first login: it enrols TOTP, then logs in again with a code;
    /// returns (token, TOTP secret).
    pub async fn first_staff_login(&self, email: &str) -> (String, String) {
        let r = self
            .post(
                "/api/v1/auth/login",
                None,
                json!({"identifier": email, "password": STAFF_PASSWORD}),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        assert_eq!(r.json()["account"]["must_enroll_totp"], json!(true));
        let token = r.json()["token"].as_str().unwrap().to_owned();
        let r = self.post_empty("/api/v1/me/totp", Some(&token)).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        let secret = r.json()["secret"].as_str().unwrap().to_owned();
        assert!(
            r.json()["otpauth_uri"]
                .as_str()
                .unwrap()
                .starts_with("otpauth://totp/")
        );
        let r = self
            .post(
                "/api/v1/me/totp/confirm",
                Some(&token),
                json!({"code": self.totp_now(&secret)}),
            )
            .await;
        assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
        let token = self.login_staff(email, STAFF_PASSWORD, &secret).await;
        (token, secret)
    }

    /// Opens a safe; returns (beneficiary id, identifier, recovery code).
    pub async fn open_safe(
        &self,
        pro: &str,
        sid: &str,
        first: &str,
        last: &str,
        birth: &str,
    ) -> (String, String, String) {
        let r = self
            .post(
                &format!("/api/v1/structures/{sid}/beneficiaries"),
                Some(pro),
                json!({"first_name": first, "last_name": last, "birth_date": birth, "password": PERSON_PASSWORD, "language": "fr", "phone": "06 01 02 03 04"}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        let j = r.json();
        (
            j["id"].as_str().unwrap().to_owned(),
            j["identifier"].as_str().unwrap().to_owned(),
            j["recovery_code"].as_str().unwrap().to_owned(),
        )
    }

    pub async fn login(&self, identifier: &str, password: &str) -> Resp {
        self.post(
            "/api/v1/auth/login",
            None,
            json!({"identifier": identifier, "password": password}),
        )
        .await
    }

    /// Logs in; a person who has not accepted the terms in force accepts them and skips the
    /// first visit guide (issue 17), as she would at her first login, so that the tests of
    /// everything else reach her safe. `login_pending` keeps them pending.
    pub async fn login_ok(&self, identifier: &str, password: &str) -> String {
        let r = self.login(identifier, password).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        let body = r.json();
        let token = body["token"].as_str().unwrap().to_owned();
        let account = &body["account"];
        if let Some(version) = account["terms_to_accept"].as_str() {
            let r = self
                .post(
                    "/api/v1/me/terms",
                    Some(&token),
                    json!({"version": version}),
                )
                .await;
            assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
        }
        if account["guide_pending"] == true {
            let r = self.post_empty("/api/v1/me/guide", Some(&token)).await;
            assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
        }
        token
    }

    /// Logs in, leaving the terms and the guide as they are.
    pub async fn login_pending(&self, identifier: &str, password: &str) -> String {
        let r = self.login(identifier, password).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        r.json()["token"].as_str().unwrap().to_owned()
    }
}

/// Two relay structures, a mediation structure, their professionals and one person
/// followed by the first structure.
pub struct World {
    pub t: TestApp,
    pub admin: String,
    pub s1: String,
    pub p1: String,
    /// p1's e-mail and TOTP secret, to log her in again.
    pub p1_login: (String, String),
    pub s2: String,
    pub p2: String,
    pub med: String,
    pub pm: String,
    pub bid: String,
    pub identifier: String,
    pub person: String,
}

impl World {
    /// A second member joins s1 then leaves, so the structure's key is rotated; waits for the
    /// rotation to end and returns the new key version.
    pub async fn rotate_s1_key(&self) -> i64 {
        let email = format!("{}@structure.example", unique("m"));
        let r = self
            .t
            .post(
                &format!("/api/v1/structures/{}/professionals", self.s1),
                Some(&self.p1),
                json!({"display_name": "Léa", "email": email, "password": STAFF_PASSWORD, "role": "member"}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        let pid = r.json()["id"].as_str().unwrap().to_owned();
        let _ = self.t.first_staff_login(&email).await;
        let r = self
            .t
            .post_empty(
                &format!(
                    "/api/v1/structures/{}/professionals/{pid}/deactivate",
                    self.s1
                ),
                Some(&self.p1),
            )
            .await;
        assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
        let sid = consigne::domain::StructureId::parse(&self.s1).unwrap();
        for _ in 0..600 {
            let s = self.t.app.structure_key_status(&sid).await.unwrap();
            if !s.rotating {
                return s.key_version;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("the rotation did not end");
    }

    /// A document the person adds (`bytes` as `file_name`, named `name`) and shares with
    /// `sid`; returns its id.
    pub async fn shared_document(
        &self,
        sid: &str,
        bytes: Vec<u8>,
        file_name: &str,
        name: &str,
    ) -> String {
        let r = self
            .t
            .upload(&self.person, &self.bid, bytes, file_name, Some(name))
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        let id = r.json()["id"].as_str().unwrap().to_owned();
        let share = format!("/api/v1/documents/{id}/shares/{sid}");
        let r = self.t.send_method("PUT", &share, Some(&self.person)).await;
        assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
        id
    }

    /// Her journal, as she reads it.
    pub async fn her_journal(&self) -> Vec<Value> {
        let path = format!("/api/v1/beneficiaries/{}/journal", self.bid);
        let r = self.t.get(&path, Some(&self.person)).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        r.json().as_array().unwrap().clone()
    }

    pub async fn new() -> Self {
        Self::with(|_| {}).await
    }

    /// The same world on a server whose configuration `tweak` changed.
    pub async fn with(tweak: impl FnOnce(&mut Config)) -> Self {
        let t = spawn_with(tweak).await;
        let (admin, _, _) = t.platform_admin().await;
        let s1 = t.create_structure(&admin, "Accueil de jour", "relay").await;
        let s2 = t.create_structure(&admin, "CCAS", "relay").await;
        let med = t.create_structure(&admin, "Médiathèque", "mediation").await;
        let (p1, p1_email, p1_secret) = t.professional(&admin, &s1, "admin").await;
        let (p2, _, _) = t.professional(&admin, &s2, "admin").await;
        let (pm, _, _) = t.professional(&admin, &med, "admin").await;
        let (bid, identifier, _) = t.open_safe(&p1, &s1, "Zoé", "Lefèvre", "1987-06-05").await;
        let person = t.login_ok(&identifier, PERSON_PASSWORD).await;
        Self {
            t,
            admin,
            s1,
            p1,
            p1_login: (p1_email, p1_secret),
            s2,
            p2,
            med,
            pm,
            bid,
            identifier,
            person,
        }
    }
}

impl TestApp {
    pub async fn send_with_header(
        &self,
        path: &str,
        body: serde_json::Value,
        header: (&str, &str),
    ) -> Resp {
        self.send(
            self.http
                .post(self.url(path))
                .header(header.0, header.1)
                .json(&body),
        )
        .await
    }

    pub async fn send_raw(&self, path: &str, content_type: &str, body: &str) -> Resp {
        self.send(
            self.http
                .post(self.url(path))
                .header("content-type", content_type)
                .body(body.to_owned()),
        )
        .await
    }
}

impl TestApp {
    pub async fn send_method(&self, method: &str, path: &str, token: Option<&str>) -> Resp {
        self.call(method, path, token, None).await
    }

    /// `method` on `path` as `token` (`None`: anonymous), with `body` as JSON if there is one.
    pub async fn call(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<&Value>,
    ) -> Resp {
        let m = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let mut req = Self::auth(self.http.request(m, self.url(path)), token);
        if let Some(b) = body {
            req = req.json(b);
        }
        self.send(req).await
    }
}

/// A browser whose session is `token` (an API login's token as the session cookie), redirects
/// not followed.
pub fn session_browser(t: &TestApp, token: &str) -> reqwest::Client {
    let jar = reqwest::cookie::Jar::default();
    jar.add_cookie_str(
        &format!("consigne_session={token}"),
        &t.url("/").parse().unwrap(),
    );
    reqwest::Client::builder()
        .cookie_provider(std::sync::Arc::new(jar))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// A small JPEG photo (a gradient), as a phone would send.
pub fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x * 7) as u8, (y * 5) as u8, ((x + y) * 3) as u8])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

/// A one-page PDF whose text is `text` (with correct cross-reference offsets).
pub fn pdf(text: &str) -> Vec<u8> {
    consigne::demo::text_pdf(text)
}

impl TestApp {
    pub async fn upload(
        &self,
        token: &str,
        bid: &str,
        bytes: Vec<u8>,
        file_name: &str,
        name: Option<&str>,
    ) -> Resp {
        let mut form = reqwest::multipart::Form::new().part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name(file_name.to_owned()),
        );
        if let Some(n) = name {
            form = form.text("name", n.to_owned());
        }
        self.send(
            self.http
                .post(self.url(&format!("/api/v1/beneficiaries/{bid}/documents")))
                .bearer_auth(token)
                .multipart(form),
        )
        .await
    }

    pub async fn get_bytes(
        &self,
        path: &str,
        token: &str,
    ) -> (reqwest::StatusCode, reqwest::header::HeaderMap, Vec<u8>) {
        let r = self
            .http
            .get(self.url(path))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        let (s, h) = (r.status(), r.headers().clone());
        (s, h, r.bytes().await.unwrap().to_vec())
    }

    /// The `data.json` of her export, as text.
    pub async fn export_data(&self, token: &str, bid: &str) -> String {
        let (_, _, zip) = self
            .get_bytes(&format!("/api/v1/beneficiaries/{bid}/export"), token)
            .await;
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
        let mut data = String::new();
        std::io::Read::read_to_string(&mut archive.by_name("data.json").unwrap(), &mut data)
            .unwrap();
        data
    }

    /// The file at `path` for `token`, answered 200 with a content type that starts with `kind`.
    pub async fn download(&self, path: &str, token: &str, kind: &str) -> Vec<u8> {
        let (status, headers, bytes) = self.get_bytes(path, token).await;
        assert_eq!(status, reqwest::StatusCode::OK, "{path}");
        let got = headers["content-type"].to_str().unwrap();
        assert!(got.starts_with(kind), "{path}: {got}");
        bytes
    }

    pub async fn patch(&self, path: &str, token: &str, body: serde_json::Value) -> Resp {
        self.send(
            self.http
                .patch(self.url(path))
                .bearer_auth(token)
                .json(&body),
        )
        .await
    }
}

/// The date `days` after the app's clock, as `YYYY-MM-DD`.
pub fn date_in_days(t: &TestApp, days: i64) -> String {
    consigne::clock::rfc3339(t.app.now() + days * 86_400)[..10].to_owned()
}

/// The Python the tests use for independent checks: `CONSIGNE_TEST_PYTHON` (the virtual
/// environment `scripts/start-s3` fills with icalendar, vobject, odfpy and pypdf), else python3.
pub fn python_bin() -> String {
    std::env::var("CONSIGNE_TEST_PYTHON").unwrap_or_else(|_| "python3".into())
}

/// Runs `script` with `input` on standard input; returns its standard output as JSON.
pub fn python(script: &str, input: &[u8]) -> Value {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(python_bin())
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "the reader refused the file (CONSIGNE_TEST_PYTHON: scripts/test-all sets it): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}
