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

/// A scanned-like PDF: `pages` pages, each an image of `page_bytes` bytes of incompressible
/// grey pixels (what a scanner's output costs), with a correct cross-reference table.
pub fn scanned_pdf(pages: usize, page_bytes: usize, seed: u64) -> Vec<u8> {
    let side = (page_bytes as f64).sqrt().max(1.0) as usize;
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {pages} >>",
            (0..pages)
                .map(|i| format!("{} 0 R", 3 + 3 * i))
                .collect::<Vec<_>>()
                .join(" ")
        )
        .into_bytes(),
    ];
    for i in 0..pages {
        let (page, content, image) = (3 + 3 * i, 4 + 3 * i, 5 + 3 * i);
        debug_assert_eq!(page, objects.len() + 1);
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 {image} 0 R >> >> /Contents {content} 0 R >>"
        ).into_bytes());
        let draw = "q 595 0 0 842 0 0 cm /Im1 Do Q";
        objects
            .push(format!("<< /Length {} >>\nstream\n{draw}\nendstream", draw.len()).into_bytes());
        let mut img = format!(
            "<< /Type /XObject /Subtype /Image /Width {side} /Height {side} /BitsPerComponent 8 /ColorSpace /DeviceGray /Length {} >>\nstream\n",
            side * side
        )
        .into_bytes();
        img.extend_from_slice(&crate::reference::noise(side * side, seed ^ (i as u64 + 1)));
        img.extend_from_slice(b"\nendstream");
        objects.push(img);
    }
    consigne::demo::pdf_of_objects(&objects)
}

/// A phone photo of a paper as a JPEG: `width` × `height` pixels of a page with noise (what
/// a camera's sensor adds), deterministic.
pub fn photo(width: u32, height: u32, seed: u64) -> anyhow::Result<Vec<u8>> {
    let noise = crate::reference::noise((width * height) as usize, seed);
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        let n = noise[(y * width + x) as usize];
        let paper = 200u8.saturating_add(((x + y) % 40) as u8);
        image::Rgb([paper ^ (n & 0x3f), paper ^ (n >> 2), paper ^ (n & 0x1f)])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 92)
        .encode_image(&img)
        .context("encoding the photo")?;
    Ok(out.into_inner())
}

/// The pieces of the assembled-file scenario, uploaded into `session`'s safe: `pdfs` scanned
/// PDFs of the given page counts and `photos` photos, about `total` bytes in all. Returns the
/// documents' ids, their total size as stored and their pages.
pub fn upload_file_pieces(
    server: &ServerProcess,
    session: &Session,
    pdf_pages: &[usize],
    photos: usize,
    total: usize,
) -> anyhow::Result<(Vec<String>, u64, usize)> {
    let agent = load::agent();
    let mut ids = Vec::new();
    let mut stored = 0u64;
    let mut bodies: Vec<(Vec<u8>, &str)> = Vec::new();
    for i in 0..photos {
        bodies.push((photo(1700, 2300, 0xf11e_0000 + i as u64)?, "photo.jpg"));
    }
    let photo_bytes: usize = bodies.iter().map(|(b, _)| b.len()).sum();
    let pages: usize = pdf_pages.iter().sum();
    let page_bytes = total.saturating_sub(photo_bytes) / pages.max(1);
    for (i, n) in pdf_pages.iter().enumerate() {
        bodies.push((
            scanned_pdf(*n, page_bytes, 0xf11e_1000 + i as u64),
            "scan.pdf",
        ));
    }
    for (bytes, name) in &bodies {
        let body = multipart(bytes, name);
        let bid = session
            .beneficiary_id
            .as_deref()
            .context("the account is not a beneficiary")?;
        let (status, text) = load::post_bytes(
            &agent,
            &format!("{}/api/v1/beneficiaries/{bid}/documents", server.base),
            Auth::Bearer(&session.token),
            &format!("multipart/form-data; boundary={BOUNDARY}"),
            &body,
        )?;
        if status != 201 {
            bail!("upload answered {status}: {}", load::excerpt(&text));
        }
        let v: serde_json::Value = serde_json::from_str(&text).context("upload answer")?;
        stored += v["size"].as_u64().unwrap_or_default();
        ids.push(
            v["id"]
                .as_str()
                .context("no id in the upload answer")?
                .to_owned(),
        );
    }
    Ok((ids, stored, pages + photos))
}

/// Assembles `documents` into one file (`POST /api/v1/beneficiaries/{bid}/files`, with a
/// watermark) `runs` times, one after the other, on `server`: the time of each and the
/// server's peak memory. Each file made is deleted afterwards (not measured). The payload
/// counted is the file's size.
pub fn assembled_file(
    server: &ServerProcess,
    name: &str,
    session: &Session,
    documents: &[String],
    runs: u64,
) -> anyhow::Result<Measured> {
    let bid = session
        .beneficiary_id
        .as_deref()
        .context("the account is not a beneficiary")?;
    let url = format!("{}/api/v1/beneficiaries/{bid}/files", server.base);
    let body = serde_json::json!({
        "document_ids": documents,
        "title": "Dossier RSA",
        "watermark": "Copie pour la CAF, 3 décembre 2026",
    });
    let made: Mutex<Vec<String>> = Mutex::new(Vec::new());
    let job = |agent: &ureq::Agent, _: usize, _: u64| -> anyhow::Result<u64> {
        let (status, text) = load::post_json(agent, &url, Auth::Bearer(&session.token), &body)?;
        if status != 201 {
            bail!("assembling answered {status}: {}", load::excerpt(&text));
        }
        let v: serde_json::Value = serde_json::from_str(&text).context("file answer")?;
        if let (Some(id), Ok(mut list)) = (v["id"].as_str(), made.lock()) {
            list.push(id.to_owned());
        }
        Ok(v["size"].as_u64().unwrap_or_default())
    };
    let spec = LoadSpec {
        concurrency: 1,
        duration: Duration::from_secs(3600),
        warmup: Duration::ZERO,
        per_thread_limit: Some(runs),
        pause: None,
    };
    let measured = observed(server, name, &spec, &job);
    let agent = load::agent();
    for id in made.into_inner().unwrap_or_default() {
        load::delete(
            &agent,
            &format!("{}/api/v1/documents/{id}", server.base),
            Auth::Bearer(&session.token),
        )
        .context("deleting an assembled file")?;
    }
    measured
}

/// Deletes documents of `session`'s safe (the scenario's pieces).
pub fn delete_documents(
    server: &ServerProcess,
    session: &Session,
    ids: &[String],
) -> anyhow::Result<()> {
    let agent = load::agent();
    for id in ids {
        load::delete(
            &agent,
            &format!("{}/api/v1/documents/{id}", server.base),
            Auth::Bearer(&session.token),
        )?;
    }
    Ok(())
}

/// A benefit simulation for the person of `session` (`POST
/// /api/v1/beneficiaries/{bid}/simulations`, a household with wages and a rent), one client:
/// each request runs the rules and keeps the simulation, sealed, in her safe.
pub fn simulations(
    server: &ServerProcess,
    settings: &Settings,
    name: &str,
    session: &Session,
) -> anyhow::Result<Measured> {
    let bid = session
        .beneficiary_id
        .as_deref()
        .context("the account is not a beneficiary")?;
    let url = format!("{}/api/v1/beneficiaries/{bid}/simulations", server.base);
    let body = serde_json::json!({
        "month": "2026-05",
        "couple": false,
        "children": [{"birth_date": "2019-03-02"}],
        "nationality": "fr",
        "housing": {"kind": "tenant", "rent": 520, "commune_insee": "75056"},
        "resources": [{"who": "self", "kind": "wages", "monthly": [640, 700, 660]}]
    });
    let job = |agent: &ureq::Agent, _: usize, _: u64| -> anyhow::Result<u64> {
        let (status, text) = load::post_json(agent, &url, Auth::Bearer(&session.token), &body)?;
        if status != 201 {
            bail!("simulation answered {status}: {}", load::excerpt(&text));
        }
        Ok(text.len() as u64)
    };
    observed(server, name, &spec(settings, 1), &job)
}

/// An API request that only authenticates and answers a small object (`GET /api/v1/me`), one
/// client: the floor under every API call, the simulations' reference.
pub fn api_floor(
    server: &ServerProcess,
    settings: &Settings,
    name: &str,
    session: &Session,
) -> anyhow::Result<Measured> {
    let url = format!("{}/api/v1/me", server.base);
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
    fn scanned_pdfs_have_their_pages_and_size() {
        let pdf = super::scanned_pdf(3, 10_000, 7);
        let text = String::from_utf8_lossy(&pdf);
        assert_eq!(text.matches("/Type /Page ").count(), 3);
        assert!(pdf.len() > 30_000 && pdf.len() < 32_000, "{}", pdf.len());
        // The cross-reference table points at each object.
        let xref = text.rfind("xref\n").unwrap();
        for line in text[xref..].lines().skip(3).take(11) {
            let at: usize = line[..10].parse().unwrap();
            assert!(pdf[at..].starts_with(b"1") || pdf[at..].first().unwrap().is_ascii_digit());
        }
        assert_eq!(super::photo(20, 10, 1).unwrap()[..2], [0xff, 0xd8]);
    }

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
