//! What the machine allows, measured in the same run as Consigne: durable sequential writes
//! and page-cache reads in the data directory's file system, Argon2id hashes per second at the
//! configured cost on every core, and a static server on the same stack as Consigne (axum on a
//! default multi-threaded tokio runtime, as `consigne serve` builds it) serving a 20 KB page
//! and a 10 MB file.

use anyhow::Context;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Throughput of a repeated file operation.
#[derive(Debug, Clone, Copy, Default)]
pub struct FileRate {
    pub size: usize,
    pub operations: u64,
    pub elapsed: Duration,
}

impl FileRate {
    pub fn per_second(&self) -> f64 {
        self.operations as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// Megabytes (10^6 bytes) per second.
    pub fn megabytes_per_second(&self) -> f64 {
        self.operations as f64 * self.size as f64 / 1e6 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// Bytes that do not compress (as ciphertext does not).
pub fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut state = seed | 1;
    let mut out = vec![0u8; len];
    for word in out.chunks_mut(8) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let bytes = state.to_le_bytes();
        word.copy_from_slice(&bytes[..word.len()]);
    }
    out
}

/// Writes files of `size` bytes in `dir`, each `write` + `fsync` (data and metadata), for
/// about `duration` (at least 3 files); the files are removed afterwards.
pub fn durable_write(dir: &Path, size: usize, duration: Duration) -> anyhow::Result<FileRate> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let data = noise(size, 0x5eed_0001);
    let started = Instant::now();
    let mut operations = 0u64;
    let mut written: Vec<PathBuf> = Vec::new();
    while operations < 3 || started.elapsed() < duration {
        let path = dir.join(format!("durable-{size}-{operations}"));
        let mut file = std::fs::File::create(&path)
            .with_context(|| format!("cannot create {}", path.display()))?;
        file.write_all(&data)?;
        file.sync_all()?;
        written.push(path);
        operations += 1;
    }
    let elapsed = started.elapsed();
    for path in written {
        let _ = std::fs::remove_file(path);
    }
    Ok(FileRate {
        size,
        operations,
        elapsed,
    })
}

/// Reads one file of `size` bytes again and again from the page cache (it was just written
/// and read once) for about `duration`.
pub fn cached_read(dir: &Path, size: usize, duration: Duration) -> anyhow::Result<FileRate> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let path = dir.join(format!("cached-{size}"));
    std::fs::write(&path, noise(size, 0x5eed_0002))?;
    let mut buf = Vec::with_capacity(size);
    std::fs::File::open(&path)?.read_to_end(&mut buf)?;
    let started = Instant::now();
    let mut operations = 0u64;
    while operations < 3 || started.elapsed() < duration {
        buf.clear();
        let n = std::fs::File::open(&path)?.read_to_end(&mut buf)?;
        anyhow::ensure!(n == size, "short read of {}", path.display());
        operations += 1;
    }
    let elapsed = started.elapsed();
    let _ = std::fs::remove_file(&path);
    Ok(FileRate {
        size,
        operations,
        elapsed,
    })
}

/// Argon2id hashes per second at the product's cost (Argon2id v1.3, 32-byte output, the
/// parameters of its configuration) on `threads` threads for about `duration`. Each thread
/// reuses one memory area, so the figure is the algorithm's cost on this machine, without
/// the allocator's.
pub fn argon2_rate(
    params: consigne_vault::KdfParams,
    threads: usize,
    duration: Duration,
) -> anyhow::Result<f64> {
    Ok(argon2_run(params, threads, duration)?.0)
}

/// The CPU time (user + system, of the hashing thread) of one Argon2id hash at the product's
/// cost, one thread for about `duration`: what a login cannot cost less than, in CPU rather
/// than wall-clock time (a shared machine's other work does not change it).
pub fn argon2_cpu_per_hash(
    params: consigne_vault::KdfParams,
    duration: Duration,
) -> anyhow::Result<Duration> {
    Ok(argon2_run(params, 1, duration)?.1)
}

/// Hashes per second on `threads` threads, and the CPU time per hash.
fn argon2_run(
    params: consigne_vault::KdfParams,
    threads: usize,
    duration: Duration,
) -> anyhow::Result<(f64, Duration)> {
    let argon_params = argon2::Params::new(
        params.memory_kib,
        params.iterations,
        params.parallelism,
        Some(32),
    )
    .map_err(|e| anyhow::anyhow!("argon2id parameters: {e}"))?;
    let started = Instant::now();
    let counts: Vec<anyhow::Result<(u64, Duration)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads.max(1))
            .map(|t| {
                let argon_params = argon_params.clone();
                scope.spawn(move || -> anyhow::Result<(u64, Duration)> {
                    let cpu_start = crate::server::thread_cpu_time()?;
                    let argon = argon2::Argon2::new(
                        argon2::Algorithm::Argon2id,
                        argon2::Version::V0x13,
                        argon_params.clone(),
                    );
                    let mut memory = vec![argon2::Block::default(); argon_params.block_count()];
                    let salt = [t as u8; 16];
                    let mut out = [0u8; 32];
                    let mut n = 0u64;
                    while n < 2 || started.elapsed() < duration {
                        argon
                            .hash_password_into_with_memory(
                                b"a benchmark password",
                                &salt,
                                &mut out,
                                &mut memory,
                            )
                            .map_err(|e| anyhow::anyhow!("argon2id: {e}"))?;
                        n += 1;
                    }
                    Ok((
                        n,
                        crate::server::thread_cpu_time()?.saturating_sub(cpu_start),
                    ))
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(anyhow::anyhow!("an argon2 thread panicked")))
            })
            .collect()
    });
    let elapsed = started.elapsed().as_secs_f64();
    let (mut total, mut cpu) = (0u64, Duration::ZERO);
    for c in counts {
        let (n, t) = c?;
        total += n;
        cpu += t;
    }
    let per_hash = cpu / u32::try_from(total.max(1)).unwrap_or(u32::MAX);
    Ok((total as f64 / elapsed.max(1e-9), per_hash))
}

/// The Argon2id bound of this machine: the best rate with 1 to `cores` threads (on shared
/// or memory-bound machines more threads are not always faster). Returns every rate.
pub fn argon2_bound(
    params: consigne_vault::KdfParams,
    cores: usize,
    duration: Duration,
) -> anyhow::Result<Vec<(usize, f64)>> {
    (1..=cores.max(1))
        .map(|threads| Ok((threads, argon2_rate(params, threads, duration)?)))
        .collect()
}

/// The reference page: 20 KB of HTML, about what a server-rendered page weighs.
pub const STATIC_PAGE_BYTES: usize = 20 * 1024;

pub fn static_page() -> String {
    let mut page = String::from(
        "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Référence</title></head><body><main><ul>",
    );
    let mut i = 0;
    while page.len() < STATIC_PAGE_BYTES - 40 {
        page.push_str(&format!(
            "<li><a href=\"/documents/{i:08}\">Document {i:08}</a></li>"
        ));
        i += 1;
    }
    page.push_str("</ul></main></body></html>");
    while page.len() < STATIC_PAGE_BYTES {
        page.push(' ');
    }
    page
}

/// Serves `/health`, `/page` (the 20 KB page from memory) and `/file` (the file at `file`, read
/// from disk in 64 KiB chunks at every request, as a static file server does) on `listen`,
/// with the runtime `consigne serve` uses. Runs until killed.
pub fn serve_static(listen: std::net::SocketAddr, file: PathBuf) -> anyhow::Result<()> {
    use axum::routing::get;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the runtime")?;
    runtime.block_on(async move {
        let page = bytes::Bytes::from(static_page());
        let app = axum::Router::new()
            .route("/health", get(|| async { "ok" }))
            .route(
                "/page",
                get(move || {
                    let page = page.clone();
                    async move {
                        (
                            [(axum::http::header::CONTENT_TYPE, "text/html; charset=utf-8")],
                            page,
                        )
                    }
                }),
            )
            .route(
                "/file",
                get(move || {
                    let file = file.clone();
                    async move { stream_file(file).await }
                }),
            );
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .with_context(|| format!("cannot listen on {listen}"))?;
        axum::serve(listener, app).await?;
        anyhow::Ok(())
    })
}

async fn stream_file(path: PathBuf) -> axum::response::Response {
    use axum::response::IntoResponse;
    use tokio::io::AsyncReadExt;
    let file = match tokio::fs::File::open(&path).await {
        Ok(f) => f,
        Err(_) => return axum::http::StatusCode::NOT_FOUND.into_response(),
    };
    let len = file.metadata().await.map(|m| m.len()).unwrap_or(0);
    let chunks = futures_util::stream::unfold(Some(file), |file| async move {
        let mut file = file?;
        let mut buf = bytes::BytesMut::zeroed(64 * 1024);
        match file.read(&mut buf).await {
            Ok(0) => None,
            Ok(n) => {
                buf.truncate(n);
                Some((Ok::<_, std::io::Error>(buf.freeze()), Some(file)))
            }
            Err(e) => Some((Err(e), None)),
        }
    });
    (
        [
            (
                axum::http::header::CONTENT_TYPE,
                "application/octet-stream".to_owned(),
            ),
            (axum::http::header::CONTENT_LENGTH, len.to_string()),
        ],
        axum::body::Body::from_stream(chunks),
    )
        .into_response()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_static_page_weighs_20_kb() {
        assert_eq!(static_page().len(), STATIC_PAGE_BYTES);
    }

    #[test]
    fn file_references_measure_and_clean_up() {
        let dir = std::env::temp_dir().join(format!("consigne-bench-ref-{}", std::process::id()));
        let w = durable_write(&dir, 64 * 1024, Duration::ZERO).unwrap();
        assert_eq!(w.operations, 3);
        assert!(w.megabytes_per_second() > 0.0);
        let r = cached_read(&dir, 64 * 1024, Duration::ZERO).unwrap();
        assert_eq!(r.operations, 3);
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
        std::fs::remove_dir(&dir).unwrap();
    }

    #[test]
    fn argon2_runs_at_the_products_cost() {
        let params = consigne_vault::KdfParams {
            memory_kib: 19_456,
            iterations: 2,
            parallelism: 1,
        };
        let rates = argon2_bound(params, 2, Duration::ZERO).unwrap();
        assert_eq!(rates.len(), 2);
        assert!(rates.iter().all(|(_, r)| *r > 0.0));
        // CPU time is counted in clock ticks: a few hashes make several.
        let cpu = argon2_cpu_per_hash(params, Duration::from_millis(200)).unwrap();
        assert!(
            cpu > Duration::ZERO && cpu < Duration::from_secs(10),
            "{cpu:?}"
        );
        let bad = consigne_vault::KdfParams {
            memory_kib: 1,
            iterations: 0,
            parallelism: 0,
        };
        assert!(argon2_rate(bad, 1, Duration::ZERO).is_err());
    }

    #[test]
    fn noise_is_deterministic() {
        assert_eq!(noise(20, 7), noise(20, 7));
        assert_ne!(noise(20, 7), noise(20, 8));
    }
}
