//! The load generator: `concurrency` threads, each with its own keep-alive HTTP agent, run one
//! request after another (a closed loop) for a warm-up then a measured window. Throughput is
//! the requests that completed inside the window over its length, and latencies are theirs:
//! with long requests (128 logins queued behind two Argon2id permits take seconds) counting by
//! start time would miss the completions of requests started in the warm-up. Blocking clients
//! on threads keep the measurement simple: one thread is one connection, and a request's time
//! includes reading its whole body.

use anyhow::{Context, bail};
use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// How a load is run.
#[derive(Debug, Clone, Copy)]
pub struct LoadSpec {
    /// Threads, each with one keep-alive connection.
    pub concurrency: usize,
    /// The measured window, after the warm-up; no request starts after it, and those still
    /// running at its end are waited for but not counted.
    pub duration: Duration,
    /// Time before the window: completions in it are not counted (errors always are).
    pub warmup: Duration,
    /// Stop a thread after this many requests (counted or not), when set.
    pub per_thread_limit: Option<u64>,
    /// Pause of each thread between two requests (a prober, not a load), not timed.
    pub pause: Option<Duration>,
}

/// What a load measured.
#[derive(Debug, Clone, Default)]
pub struct LoadResult {
    /// Successful requests completed in the measured window.
    pub requests: u64,
    /// Failed requests, warm-up included.
    pub errors: u64,
    /// Successful requests completed over the whole run (warm-up and the end's wait
    /// included): with `errors`, every request the load sent, for a cost per request over the
    /// whole run.
    pub completed: u64,
    /// The first error, to tell what went wrong.
    pub first_error: Option<String>,
    /// The window: its full length when the load ran to its end, else up to the last
    /// completion (every thread reached its request limit).
    pub elapsed: Duration,
    /// Payload bytes moved by the counted requests (sent for uploads, received otherwise).
    pub bytes: u64,
    /// Sorted latencies of the counted successful requests.
    latencies: Vec<Duration>,
}

impl LoadResult {
    pub fn per_second(&self) -> f64 {
        self.requests as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// Payload megabytes (10^6 bytes) per second.
    pub fn megabytes_per_second(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// The latency under which `q` (0..=1) of the requests completed (nearest rank).
    pub fn quantile(&self, q: f64) -> Option<Duration> {
        if self.latencies.is_empty() {
            return None;
        }
        let rank =
            ((q * self.latencies.len() as f64).ceil() as usize).clamp(1, self.latencies.len());
        self.latencies.get(rank - 1).copied()
    }

    pub fn p50(&self) -> Option<Duration> {
        self.quantile(0.50)
    }

    pub fn p99(&self) -> Option<Duration> {
        self.quantile(0.99)
    }

    /// Every request sent over the whole run (successful or not).
    pub fn sent(&self) -> u64 {
        self.completed + self.errors
    }
}

/// One request of a load: returns the payload bytes it moved.
pub trait Job: Sync {
    fn run(&self, agent: &ureq::Agent, thread: usize, seq: u64) -> anyhow::Result<u64>;
}

impl<F> Job for F
where
    F: Fn(&ureq::Agent, usize, u64) -> anyhow::Result<u64> + Sync,
{
    fn run(&self, agent: &ureq::Agent, thread: usize, seq: u64) -> anyhow::Result<u64> {
        self(agent, thread, seq)
    }
}

/// A keep-alive HTTP client that returns every status (the caller checks it) and never
/// follows redirects (a redirect to the login page is an error here, not a page).
pub fn agent() -> ureq::Agent {
    ureq::config::Config::builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_global(Some(Duration::from_secs(300)))
        .build()
        .into()
}

/// Runs `job` under `spec` and returns what was measured.
pub fn run(spec: &LoadSpec, job: &dyn Job) -> LoadResult {
    let start = Instant::now();
    let measure_from = start + spec.warmup;
    let deadline = measure_from + spec.duration;
    let seq = AtomicU64::new(0);
    let per_thread: Vec<ThreadResult> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..spec.concurrency.max(1))
            .map(|thread| {
                let seq = &seq;
                scope.spawn(move || {
                    let agent = agent();
                    let mut out = ThreadResult::default();
                    let mut sent = 0u64;
                    loop {
                        let began = Instant::now();
                        if began >= deadline {
                            out.reached_deadline = true;
                            break;
                        }
                        if spec.per_thread_limit.is_some_and(|l| sent >= l) {
                            break;
                        }
                        sent += 1;
                        let n = seq.fetch_add(1, Ordering::Relaxed);
                        let result = job.run(&agent, thread, n);
                        let ended = Instant::now();
                        if let Some(pause) = spec.pause {
                            std::thread::sleep(pause);
                        }
                        let counted = ended >= measure_from && ended <= deadline;
                        if result.is_ok() {
                            out.completed += 1;
                        }
                        match result {
                            Ok(bytes) if counted => {
                                out.latencies.push(ended - began);
                                out.bytes += bytes;
                                out.last_end = out.last_end.max(Some(ended));
                            }
                            Ok(_) => {}
                            Err(e) => {
                                out.errors += 1;
                                if out.first_error.is_none() {
                                    out.first_error = Some(format!("{e:#}"));
                                }
                            }
                        }
                        if ended > deadline {
                            out.reached_deadline = true;
                        }
                    }
                    out
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or_else(|_| ThreadResult {
                    errors: 1,
                    first_error: Some("a load thread panicked".into()),
                    ..ThreadResult::default()
                })
            })
            .collect()
    });
    let mut result = LoadResult::default();
    let mut last_end = None;
    let mut reached_deadline = false;
    for t in per_thread {
        result.requests += t.latencies.len() as u64;
        result.errors += t.errors;
        result.completed += t.completed;
        result.bytes += t.bytes;
        result.latencies.extend(t.latencies);
        if result.first_error.is_none() {
            result.first_error = t.first_error;
        }
        last_end = last_end.max(t.last_end);
        reached_deadline |= t.reached_deadline;
    }
    result.latencies.sort_unstable();
    result.elapsed = if reached_deadline {
        spec.duration
    } else {
        last_end.map_or(Duration::ZERO, |end| {
            end.saturating_duration_since(measure_from)
        })
    };
    result
}

/// A side client asking `url` (a health check) every `every` until `stop` is set; the probes
/// that complete inside `window` count, as the load's requests do.
pub fn probe(
    url: &str,
    every: Duration,
    window: (Instant, Instant),
    stop: &std::sync::atomic::AtomicBool,
) -> LoadResult {
    let agent = agent();
    let mut result = LoadResult::default();
    let mut last_end = None;
    // At least one probe, however short the load.
    loop {
        let began = Instant::now();
        let answer = get(&agent, url, Auth::None);
        let ended = Instant::now();
        match answer {
            Ok(bytes) => {
                result.completed += 1;
                if ended >= window.0 && ended <= window.1 {
                    result.latencies.push(ended - began);
                    result.bytes += bytes;
                    last_end = Some(ended);
                }
            }
            Err(e) => {
                result.errors += 1;
                if result.first_error.is_none() {
                    result.first_error = Some(format!("{e:#}"));
                }
            }
        }
        if stop.load(Ordering::Relaxed) {
            break;
        }
        std::thread::sleep(every);
    }
    result.requests = result.latencies.len() as u64;
    result.latencies.sort_unstable();
    result.elapsed = last_end.map_or(Duration::ZERO, |end| {
        end.min(window.1).saturating_duration_since(window.0)
    });
    result
}

#[derive(Debug, Default)]
struct ThreadResult {
    latencies: Vec<Duration>,
    errors: u64,
    completed: u64,
    first_error: Option<String>,
    bytes: u64,
    last_end: Option<Instant>,
    reached_deadline: bool,
}

/// How a request proves who sends it.
#[derive(Debug, Clone, Copy)]
pub enum Auth<'a> {
    None,
    /// The API's `Authorization: Bearer`.
    Bearer(&'a str),
    /// The pages' session cookie (the login token is the session).
    Cookie(&'a str),
}

fn authed<B>(req: ureq::RequestBuilder<B>, auth: Auth<'_>) -> ureq::RequestBuilder<B> {
    match auth {
        Auth::None => req,
        Auth::Bearer(token) => req.header("Authorization", format!("Bearer {token}")),
        Auth::Cookie(token) => req.header("Cookie", format!("consigne_session={token}")),
    }
}

/// GET that expects a 200 and reads the whole body; returns its length.
pub fn get(agent: &ureq::Agent, url: &str, auth: Auth<'_>) -> anyhow::Result<u64> {
    let res = authed(agent.get(url), auth)
        .call()
        .with_context(|| format!("GET {url}"))?;
    let status = res.status();
    let mut reader = res.into_body().into_reader();
    let n = std::io::copy(&mut reader, &mut std::io::sink())
        .with_context(|| format!("GET {url}: body"))?;
    if status != 200 {
        bail!("GET {url}: status {status}");
    }
    Ok(n)
}

/// GET that expects a 200 and returns the body as text.
pub fn get_text(agent: &ureq::Agent, url: &str, auth: Auth<'_>) -> anyhow::Result<String> {
    let res = authed(agent.get(url), auth)
        .call()
        .with_context(|| format!("GET {url}"))?;
    let status = res.status();
    let mut text = String::new();
    res.into_body()
        .into_reader()
        .read_to_string(&mut text)
        .with_context(|| format!("GET {url}: body"))?;
    if status != 200 {
        bail!("GET {url}: status {status}: {}", excerpt(&text));
    }
    Ok(text)
}

/// POST of a JSON body; returns the status and the answer's text.
pub fn post_json(
    agent: &ureq::Agent,
    url: &str,
    auth: Auth<'_>,
    body: &serde_json::Value,
) -> anyhow::Result<(u16, String)> {
    let res = authed(agent.post(url), auth)
        .header("Content-Type", "application/json")
        .send(body.to_string())
        .with_context(|| format!("POST {url}"))?;
    let status = res.status().as_u16();
    let mut text = String::new();
    res.into_body()
        .into_reader()
        .read_to_string(&mut text)
        .with_context(|| format!("POST {url}: body"))?;
    Ok((status, text))
}

/// POST of a ready-made body (e.g. multipart) with its content type; returns the status and
/// the answer's text.
pub fn post_bytes(
    agent: &ureq::Agent,
    url: &str,
    auth: Auth<'_>,
    content_type: &str,
    body: &[u8],
) -> anyhow::Result<(u16, String)> {
    let res = authed(agent.post(url), auth)
        .header("Content-Type", content_type)
        .send(body)
        .with_context(|| format!("POST {url}"))?;
    let status = res.status().as_u16();
    let mut text = String::new();
    res.into_body()
        .into_reader()
        .read_to_string(&mut text)
        .with_context(|| format!("POST {url}: body"))?;
    Ok((status, text))
}

/// DELETE that expects a 2xx.
pub fn delete(agent: &ureq::Agent, url: &str, auth: Auth<'_>) -> anyhow::Result<()> {
    let res = authed(agent.delete(url), auth)
        .call()
        .with_context(|| format!("DELETE {url}"))?;
    let status = res.status();
    if !status.is_success() {
        bail!("DELETE {url}: status {status}");
    }
    Ok(())
}

/// The beginning of an answer, for error messages.
pub fn excerpt(text: &str) -> String {
    text.chars().take(300).collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_use_the_nearest_rank() {
        let mut r = LoadResult {
            latencies: (1..=100).map(Duration::from_millis).collect(),
            requests: 100,
            elapsed: Duration::from_secs(2),
            bytes: 4_000_000,
            ..LoadResult::default()
        };
        r.latencies.sort_unstable();
        assert_eq!(r.p50(), Some(Duration::from_millis(50)));
        assert_eq!(r.p99(), Some(Duration::from_millis(99)));
        assert_eq!(r.quantile(1.0), Some(Duration::from_millis(100)));
        assert!((r.per_second() - 50.0).abs() < 1e-9);
        assert!((r.megabytes_per_second() - 2.0).abs() < 1e-9);
        assert_eq!(LoadResult::default().p99(), None);
    }

    #[test]
    fn a_load_stops_at_the_limit_and_counts_every_error() {
        let spec = LoadSpec {
            concurrency: 3,
            duration: Duration::from_secs(5),
            warmup: Duration::ZERO,
            per_thread_limit: Some(4),
            pause: None,
        };
        let job = |_: &ureq::Agent, _: usize, seq: u64| -> anyhow::Result<u64> {
            if seq == 0 {
                bail!("first fails");
            }
            Ok(10)
        };
        let r = run(&spec, &job);
        assert_eq!(r.requests + r.errors, 12);
        assert_eq!(r.errors, 1);
        assert_eq!(r.bytes, 110);
        assert_eq!(r.first_error.as_deref(), Some("first fails"));
    }

    /// A loopback HTTP server answering `ok` to every request of every keep-alive connection.
    fn tiny_server() -> String {
        use std::io::Write;
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { return };
                std::thread::spawn(move || {
                    let mut seen = Vec::new();
                    let mut buf = [0u8; 1024];
                    while let Ok(n) = stream.read(&mut buf) {
                        if n == 0 {
                            return;
                        }
                        seen.extend_from_slice(&buf[..n]);
                        while let Some(end) = seen.windows(4).position(|w| w == b"\r\n\r\n") {
                            seen.drain(..end + 4);
                            let answer = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
                            if stream.write_all(answer).is_err() {
                                return;
                            }
                        }
                    }
                });
            }
        });
        base
    }

    #[test]
    fn the_probe_asks_until_stopped_and_counts_its_window() {
        let url = format!("{}/health", tiny_server());
        let run = |window: (Instant, Instant)| {
            let stop = std::sync::atomic::AtomicBool::new(false);
            std::thread::scope(|scope| {
                let probe = scope.spawn(|| probe(&url, Duration::from_millis(10), window, &stop));
                std::thread::sleep(Duration::from_millis(100));
                stop.store(true, Ordering::Relaxed);
                probe.join().unwrap()
            })
        };
        let now = Instant::now();
        let all = run((now, now + Duration::from_secs(3600)));
        assert_eq!(all.errors, 0, "{:?}", all.first_error);
        assert!(all.requests >= 1);
        assert_eq!(all.completed, all.requests);
        assert_eq!(all.bytes, 2 * all.requests);
        assert!(all.p99().is_some());
        // Probes outside the window are answered but not counted.
        let later = Instant::now() + Duration::from_secs(3600);
        let none = run((later, later + Duration::from_secs(1)));
        assert!(none.completed >= 1);
        assert_eq!((none.requests, none.errors), (0, 0));
        assert_eq!(none.p99(), None);
        assert_eq!(none.elapsed, Duration::ZERO);
    }

    #[test]
    fn a_load_counts_the_completions_inside_its_window() {
        let spec = LoadSpec {
            concurrency: 2,
            duration: Duration::from_millis(500),
            warmup: Duration::from_millis(150),
            per_thread_limit: None,
            pause: None,
        };
        // Each thread completes at about 100, 200, ... 700 ms; the window is 150..650 ms.
        let job = |_: &ureq::Agent, _: usize, _: u64| -> anyhow::Result<u64> {
            std::thread::sleep(Duration::from_millis(100));
            Ok(1)
        };
        let r = run(&spec, &job);
        assert!((8..=10).contains(&r.requests), "{} counted", r.requests);
        assert_eq!(r.elapsed, Duration::from_millis(500));
        assert_eq!(r.errors, 0);
        assert!(r.p50().unwrap() >= Duration::from_millis(100));
    }
}
