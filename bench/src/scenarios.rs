//! The scenarios run against the real `consigne serve`: each logs in through the API (a login
//! token is also the pages' session cookie), runs the load generator for a while and records
//! what the server used (CPU, resident memory and its peak) during the load.

pub use crate::generate::Fixture;
use crate::load::{self, Auth, LoadResult, LoadSpec};
use crate::server::{Observation, ServerProcess, Usage};
use anyhow::{Context, bail};
use serde::Deserialize;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Reads a fixture written by the generator (`<data dir>/fixture.json`).
pub fn read_fixture(path: &std::path::Path) -> anyhow::Result<Fixture> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("invalid {}", path.display()))
}

/// How long and how wide the scenarios run.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// Measured time of each scenario.
    pub duration: Duration,
    /// Unmeasured time before it (connections, caches).
    pub warmup: Duration,
    /// Connections of the page scenarios.
    pub concurrency: usize,
    /// Concurrent uploads of the memory scenario and their size.
    pub memory_uploads: usize,
    pub memory_upload_bytes: usize,
}

/// One measured scenario.
#[derive(Debug, Clone)]
pub struct Measured {
    pub name: String,
    pub concurrency: usize,
    pub load: LoadResult,
    pub usage: Usage,
    /// `/health` asked every 10 ms by a side client during the measured window (the real
    /// server only).
    pub health: Option<LoadResult>,
}

impl Measured {
    /// The server's CPU time per request over the whole scenario (every request the load
    /// sent, warm-up included, over the CPU used from its start to its end).
    pub fn cpu_per_request(&self) -> Option<Duration> {
        let sent = u32::try_from(self.load.sent()).ok().filter(|n| *n > 0)?;
        Some(self.usage.cpu / sent)
    }

    /// Response bytes per counted request.
    pub fn bytes_per_request(&self) -> Option<u64> {
        self.load.bytes.checked_div(self.load.requests)
    }
}

/// A logged-in account.
#[derive(Clone)]
pub struct Session {
    pub token: String,
    pub beneficiary_id: Option<String>,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("token", &"[redacted]")
            .field("beneficiary_id", &self.beneficiary_id)
            .finish()
    }
}

/// Logs in through the API.
pub fn login(
    agent: &ureq::Agent,
    base: &str,
    identifier: &str,
    password: &str,
) -> anyhow::Result<Session> {
    let (status, text) = load::post_json(
        agent,
        &format!("{base}/api/v1/auth/login"),
        Auth::None,
        &serde_json::json!({ "identifier": identifier, "password": password }),
    )?;
    if status != 200 {
        bail!(
            "login of {identifier} answered {status}: {}",
            load::excerpt(&text)
        );
    }
    let v: serde_json::Value = serde_json::from_str(&text).context("login answer")?;
    let token = v["token"]
        .as_str()
        .context("no token in the login answer")?
        .to_owned();
    if v["account"]["must_enroll_totp"].as_bool() == Some(true) {
        bail!(
            "{identifier} must enrol a second factor first (set security.require_totp = false in the benchmark's configuration)"
        );
    }
    Ok(Session {
        token,
        beneficiary_id: v["account"]["beneficiary_id"].as_str().map(str::to_owned),
    })
}

/// Logs in as soon as the server can: retries every `retry` while it answers 5xx or cannot be
/// reached (a server still starting or busy with its start-up work), for up to `patience`.
/// Returns the session and the time from the server's spawn to this first successful login.
pub fn first_login(
    server: &ServerProcess,
    identifier: &str,
    password: &str,
    patience: Duration,
    retry: Duration,
) -> anyhow::Result<(Session, Duration)> {
    let agent = load::agent();
    let url = format!("{}/api/v1/auth/login", server.base);
    let body = serde_json::json!({ "identifier": identifier, "password": password });
    let started = Instant::now();
    loop {
        let answer = load::post_json(&agent, &url, Auth::None, &body);
        let last = match answer {
            Ok((200, _)) => {
                let ready = server.spawned.elapsed();
                return login(&agent, &server.base, identifier, password).map(|s| (s, ready));
            }
            Ok((status, text)) if status < 500 => {
                bail!(
                    "login of {identifier} answered {status}: {}",
                    load::excerpt(&text)
                )
            }
            Ok((status, text)) => format!("{status}: {}", load::excerpt(&text)),
            Err(e) => format!("{e:#}"),
        };
        if started.elapsed() > patience {
            bail!(
                "no login succeeded within {} s of waiting (last answer {last}); see the server's log",
                patience.as_secs()
            );
        }
        std::thread::sleep(retry);
    }
}

/// How often the side client asks `/health` during a scenario.
pub const HEALTH_EVERY: Duration = Duration::from_millis(10);

/// Runs `job` under `spec` while observing `server` (CPU, memory) and, for the real server,
/// while a side client asks its `/health` every 10 ms over the measured window.
fn observed(
    server: &ServerProcess,
    name: &str,
    spec: &LoadSpec,
    job: &dyn load::Job,
) -> anyhow::Result<Measured> {
    let health_url = format!("{}/health", server.base);
    let stop = std::sync::atomic::AtomicBool::new(false);
    let observation = Observation::start(server)?;
    let started = Instant::now();
    let window = (started + spec.warmup, started + spec.warmup + spec.duration);
    let (load, health) = std::thread::scope(|scope| {
        let prober = server
            .probe_health
            .then(|| scope.spawn(|| load::probe(&health_url, HEALTH_EVERY, window, &stop)));
        let load = load::run(spec, job);
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        let health = prober.map(|p| p.join().unwrap_or_default());
        (load, health)
    });
    let usage = observation.finish(server)?;
    Ok(Measured {
        name: name.to_owned(),
        concurrency: spec.concurrency,
        load,
        usage,
        health,
    })
}

fn spec(settings: &Settings, concurrency: usize) -> LoadSpec {
    LoadSpec {
        concurrency,
        duration: settings.duration,
        warmup: settings.warmup,
        per_thread_limit: None,
        pause: None,
    }
}

/// `POST /api/v1/auth/login` with the generated accounts in turn.
pub fn logins(
    server: &ServerProcess,
    fixture: &Fixture,
    settings: &Settings,
    concurrency: usize,
) -> anyhow::Result<Measured> {
    if fixture.logins.is_empty() {
        bail!("the fixture has no logins");
    }
    let url = format!("{}/api/v1/auth/login", server.base);
    let job = |agent: &ureq::Agent, _: usize, seq: u64| -> anyhow::Result<u64> {
        let l = &fixture.logins[(seq as usize) % fixture.logins.len()];
        let body = serde_json::json!({ "identifier": l.identifier, "password": l.password });
        let (status, text) = load::post_json(agent, &url, Auth::None, &body)?;
        if status != 200 {
            bail!("login answered {status}: {}", load::excerpt(&text));
        }
        Ok(text.len() as u64)
    };
    observed(
        server,
        &format!("login ({concurrency} at once)"),
        &spec(settings, concurrency),
        &job,
    )
}

/// A page for a logged-in account (`path` chosen per request), with the session cookie.
pub fn page(
    server: &ServerProcess,
    settings: &Settings,
    name: &str,
    concurrency: usize,
    session: &Session,
    path: &(dyn Fn(u64) -> String + Sync),
) -> anyhow::Result<Measured> {
    let base = &server.base;
    // Check once that the page is what is expected (not a redirect to the login page).
    let first = load::get_text(
        &load::agent(),
        &format!("{base}{}", path(0)),
        Auth::Cookie(&session.token),
    )
    .with_context(|| format!("{name}: first request"))?;
    if !first.contains("<html") {
        bail!(
            "{name}: the answer is not a page: {}",
            load::excerpt(&first)
        );
    }
    let job = |agent: &ureq::Agent, _: usize, seq: u64| -> anyhow::Result<u64> {
        load::get(
            agent,
            &format!("{base}{}", path(seq)),
            Auth::Cookie(&session.token),
        )
    };
    observed(server, name, &spec(settings, concurrency), &job)
}

/// A PDF of exactly `len` bytes (one page, an image of incompressible data), as a scanner
/// would make.
pub fn pdf(len: usize, seed: u64) -> Vec<u8> {
    let tail: &[u8] =
        b"\nendstream\nendobj\ntrailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n0\n%%EOF\n";
    let head = |data_len: usize| {
        format!(
            "%PDF-1.7\n%\u{e2}\u{e3}\n\
             1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n\
             2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n\
             3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> >>\nendobj\n\
             4 0 obj\n<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /BitsPerComponent 8 /ColorSpace /DeviceGray /Length {data_len:010} >>\nstream\n"
        )
    };
    let fixed = head(0).len() + tail.len();
    let data_len = len.saturating_sub(fixed);
    let mut out = head(data_len).into_bytes();
    out.extend_from_slice(&crate::reference::noise(data_len, seed));
    out.extend_from_slice(tail);
    out
}

const BOUNDARY: &str = "consigne-bench-boundary-7c1d";

/// The multipart body of an upload of `file` named `name`.
fn multipart(file: &[u8], name: &str) -> Vec<u8> {
    let mut body = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/pdf\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}

/// Uploads `body` into the safe of `session`; returns the new document's id.
fn upload(
    agent: &ureq::Agent,
    base: &str,
    session: &Session,
    body: &[u8],
) -> anyhow::Result<String> {
    let bid = session
        .beneficiary_id
        .as_deref()
        .context("the uploading account is not a beneficiary")?;
    let (status, text) = load::post_bytes(
        agent,
        &format!("{base}/api/v1/beneficiaries/{bid}/documents"),
        Auth::Bearer(&session.token),
        &format!("multipart/form-data; boundary={BOUNDARY}"),
        body,
    )?;
    if status != 201 {
        bail!("upload answered {status}: {}", load::excerpt(&text));
    }
    let v: serde_json::Value = serde_json::from_str(&text).context("upload answer")?;
    v["id"]
        .as_str()
        .map(str::to_owned)
        .context("no id in the upload answer")
}

/// Logs in the first `n` generated accounts (beneficiaries).
pub fn log_in_many(
    server: &ServerProcess,
    fixture: &Fixture,
    n: usize,
) -> anyhow::Result<Vec<Session>> {
    if fixture.logins.len() < n {
        bail!(
            "the fixture has {} logins, {n} are needed",
            fixture.logins.len()
        );
    }
    let agent = load::agent();
    fixture.logins[..n]
        .iter()
        .map(|l| login(&agent, &server.base, &l.identifier, &l.password))
        .collect()
}

/// Uploads of PDFs of `size` bytes through the API, spread over the given accounts (a safe's
/// quota is never reached); every uploaded document is deleted afterwards (not measured).
pub fn uploads(
    server: &ServerProcess,
    name: &str,
    spec: &LoadSpec,
    sessions: &[Session],
    size: usize,
) -> anyhow::Result<Measured> {
    if sessions.is_empty() {
        bail!("no account to upload with");
    }
    let file = pdf(size, size as u64);
    let body = multipart(&file, "releve-scanne.pdf");
    let uploaded: Mutex<Vec<(usize, String)>> = Mutex::new(Vec::new());
    let base = &server.base;
    let job = |agent: &ureq::Agent, thread: usize, seq: u64| -> anyhow::Result<u64> {
        // One account per thread when there are enough, else in turn.
        let who = if sessions.len() >= spec.concurrency {
            thread
        } else {
            (seq as usize) % sessions.len()
        };
        let id = upload(agent, base, &sessions[who], &body)?;
        if let Ok(mut list) = uploaded.lock() {
            list.push((who, id));
        }
        Ok(file.len() as u64)
    };
    let measured = observed(server, name, spec, &job);
    let agent = load::agent();
    let list = uploaded.into_inner().unwrap_or_default();
    for (who, id) in list {
        load::delete(
            &agent,
            &format!("{base}/api/v1/documents/{id}"),
            Auth::Bearer(&sessions[who].token),
        )
        .context("deleting an uploaded document")?;
    }
    measured
}

/// Downloads of one document's content through the API by one client.
pub fn download(
    server: &ServerProcess,
    settings: &Settings,
    name: &str,
    session: &Session,
    document: &str,
) -> anyhow::Result<Measured> {
    let url = format!("{}/api/v1/documents/{document}/content", server.base);
    let job = |agent: &ureq::Agent, _: usize, _: u64| -> anyhow::Result<u64> {
        load::get(agent, &url, Auth::Bearer(&session.token))
    };
    observed(server, name, &spec(settings, 1), &job)
}

/// A page or file of the reference server (no authentication).
pub fn reference_get(
    server: &ServerProcess,
    settings: &Settings,
    name: &str,
    path: &str,
    concurrency: usize,
) -> anyhow::Result<Measured> {
    let url = format!("{}{path}", server.base);
    let job = |agent: &ureq::Agent, _: usize, _: u64| -> anyhow::Result<u64> {
        load::get(agent, &url, Auth::None)
    };
    observed(server, name, &spec(settings, concurrency), &job)
}

/// What the browser measured on the beneficiary's home page (bench/fcp.js).
#[derive(Debug, Clone, Deserialize)]
pub struct Paint {
    pub fcp_ms: Option<f64>,
    pub load_ms: f64,
    pub transferred_bytes: u64,
    pub photo_bytes: u64,
    pub requests: u64,
}

/// Runs bench/fcp.js (Chromium through playwright-core) against the server.
pub fn first_paint(
    server: &ServerProcess,
    fixture: &Fixture,
    script: &std::path::Path,
) -> anyhow::Result<Paint> {
    let started = Instant::now();
    let out = std::process::Command::new("node")
        .arg(script)
        .env("BENCH_URL", &server.base)
        .env("BENCH_IDENTIFIER", &fixture.beneficiary.identifier)
        .env("BENCH_PASSWORD", &fixture.beneficiary.password)
        .output()
        .context("cannot run node (bench/fcp.js needs Node and e2e/node_modules)")?;
    if !out.status.success() {
        bail!(
            "bench/fcp.js failed after {:.0} s: {}",
            started.elapsed().as_secs_f64(),
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .rev()
        .find(|l| l.starts_with('{'))
        .context("bench/fcp.js printed no result")?;
    serde_json::from_str(line).context("bench/fcp.js result")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn pdfs_have_the_asked_size_and_shape() {
        for len in [1_000_000, 10 * 1024 * 1024] {
            let p = pdf(len, 1);
            assert_eq!(p.len(), len);
            assert!(p.starts_with(b"%PDF-1.7\n"));
            assert!(p.ends_with(b"%%EOF\n"));
            let text = String::from_utf8_lossy(&p[..400]).into_owned();
            let declared: usize = text
                .split("/Length ")
                .nth(1)
                .and_then(|s| s.split_whitespace().next())
                .unwrap()
                .parse()
                .unwrap();
            let start = text.find("stream\n").unwrap() + "stream\n".len();
            let end = p.len()
                - b"\nendstream\nendobj\ntrailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n0\n%%EOF\n"
                    .len();
            assert_eq!(end - start, declared);
        }
    }
}
