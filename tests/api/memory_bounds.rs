//! What one request may cost, measured on the real binary (issue 11, findings 6 and 7): a huge
//! text part, many small PDFs cleaned in memory at once, concurrent exports of a large safe,
//! and 1 100 idle connections under the usual file descriptor limit. Peak resident memory
//! (VmHWM, reset just before) against the resident size at rest, with wide margins.
//! The goal: under 300 MB of resident memory in all, here checked with the growth too.
//! `CONSIGNE_MEMORY_SAFE_MB` sets the size of the exported safe (160 MB by default, the issue's).

use crate::memory::{Demo, LargePdf, MIB, json_of, read_hashed, start_demo, upload};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Sends a multipart upload whose `name` part is `name_len` bytes, generated as it is sent;
/// the server may answer (and close) before the end. Returns the status, 0 if none came.
async fn upload_with_long_name(base: &str, token: &str, bid: &str, name_len: u64) -> u16 {
    let boundary = "consigne-long-name";
    let head = format!("--{boundary}\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n");
    let tail = format!("\r\n--{boundary}--\r\n");
    let body_len = head.len() as u64 + name_len + tail.len() as u64;
    let host = base.trim_start_matches("http://");
    let stream = tokio::net::TcpStream::connect(host).await.unwrap();
    let (mut rd, mut wr) = stream.into_split();
    let request = format!(
        "POST /api/v1/beneficiaries/{bid}/documents HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {body_len}\r\nConnection: close\r\n\r\n{head}"
    );
    let writer = tokio::spawn(async move {
        wr.write_all(request.as_bytes()).await?;
        let chunk = vec![b'n'; 256 * 1024];
        let mut left = name_len;
        while left > 0 {
            let n = left.min(chunk.len() as u64) as usize;
            wr.write_all(&chunk[..n]).await?;
            left -= n as u64;
        }
        wr.write_all(tail.as_bytes()).await
    });
    let mut answer = Vec::new();
    let _ = rd.read_to_end(&mut answer).await;
    let _ = writer.await;
    String::from_utf8_lossy(&answer)
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

fn growth(demo: &Demo, at_rest: u64) -> u64 {
    demo.server.status("VmHWM:").saturating_sub(at_rest)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_200_mb_text_part_costs_no_memory() {
    let demo = start_demo("", None).await;
    let at_rest = demo.server.status("VmRSS:");
    demo.server.reset_peak();
    let status = upload_with_long_name(&demo.server.base, &demo.token, &demo.bid, 200 * MIB).await;
    let grown = growth(&demo, at_rest);
    eprintln!(
        "memory: a 200 MiB name part: status {status}, growth {} MiB",
        grown / MIB
    );
    assert!(
        status == 413 || status == 0,
        "refused (413, or the connection cut while sending), got {status}"
    );
    assert!(grown <= 32 * MIB, "grew by {} MiB (limit 32)", grown / MIB);
    let health = demo
        .http
        .get(format!("{}/health", demo.server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), 200);
}

/// Thirty 10 MB PDFs at once, each small enough to be cleaned in memory: the cleaner's copies
/// count in `storage.in_memory_total_mb` (64 MB by default), so the ones past it stream to
/// storage instead of piling up (before: +542 MiB).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn thirty_small_pdfs_at_once_stay_within_the_upload_budget() {
    let demo = start_demo("", None).await;
    // Warm up the in-memory path once.
    let (status, body, _) = upload(
        &demo.server.base,
        &demo.token,
        &demo.bid,
        &LargePdf::new(10 * MIB),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    tokio::time::sleep(Duration::from_millis(500)).await;
    let at_rest = demo.server.status("VmRSS:");
    demo.server.reset_peak();
    let mut tasks = Vec::new();
    for _ in 0..30 {
        let (base, token, bid) = (
            demo.server.base.clone(),
            demo.token.clone(),
            demo.bid.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let pdf = LargePdf::new(10 * MIB);
            let (status, body, _) = upload(&base, &token, &bid, &pdf).await;
            assert_eq!(status, 201, "{body}");
            // Cleaned in memory (rewritten) or, past the budget, streamed unchanged.
            assert!(json_of(&body)["id"].is_string());
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    let grown = growth(&demo, at_rest);
    eprintln!(
        "memory: 30 x 10 MiB PDFs at once: growth {} MiB",
        grown / MIB
    );
    assert!(
        grown <= 160 * MIB,
        "grew by {} MiB (limit 160)",
        grown / MIB
    );
    assert!(demo.server.status("VmHWM:") < 300 * 1000 * 1000);
}

/// Four exports of the same large safe at once (before: each built whole in memory, 1.55 GiB
/// for four of a 160 MB safe).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_exports_of_a_large_safe_stream_with_flat_memory() {
    let safe_mb: u64 = std::env::var("CONSIGNE_MEMORY_SAFE_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(160);
    let demo = start_demo("[storage]\nquota_mb = 1024\n", None).await;
    let pieces = safe_mb.div_ceil(20);
    for _ in 0..pieces {
        let (status, body, _) = upload(
            &demo.server.base,
            &demo.token,
            &demo.bid,
            &LargePdf::new(20 * MIB),
        )
        .await;
        assert_eq!(status, 201, "{body}");
    }
    let export = |http: reqwest::Client| {
        let url = format!(
            "{}/api/v1/beneficiaries/{}/export",
            demo.server.base, demo.bid
        );
        let token = demo.token.clone();
        async move { read_hashed(http.get(url).bearer_auth(token).send().await.unwrap()).await }
    };
    // Warm up, then measure four at once.
    let (size, _) = export(demo.http.clone()).await;
    assert!(size >= pieces * 20 * MIB);
    tokio::time::sleep(Duration::from_millis(500)).await;
    let at_rest = demo.server.status("VmRSS:");
    demo.server.reset_peak();
    let runs: Vec<_> = (0..4)
        .map(|_| tokio::spawn(export(reqwest::Client::new())))
        .collect();
    let mut sizes = Vec::new();
    for r in runs {
        sizes.push(r.await.unwrap().0);
    }
    let grown = growth(&demo, at_rest);
    eprintln!(
        "memory: 4 concurrent exports of a {} MiB safe: growth {} MiB",
        pieces * 20,
        grown / MIB
    );
    assert!(sizes.iter().all(|s| *s == size));
    assert!(grown <= 64 * MIB, "grew by {} MiB (limit 64)", grown / MIB);
    assert!(demo.server.status("VmHWM:") < 300 * 1000 * 1000);
}

/// 1 100 idle or half-open connections against a server whose file descriptor limit is the
/// usual 1 024: before, they exhausted it and `/health` never answered.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eleven_hundred_idle_connections_do_not_keep_health_out() {
    // This test process holds the 1 100 client ends: its own limit must allow them.
    let limit = rustix::process::getrlimit(rustix::process::Resource::Nofile);
    if let Some(max) = limit.maximum {
        rustix::process::setrlimit(
            rustix::process::Resource::Nofile,
            rustix::process::Rlimit {
                current: Some(max),
                maximum: Some(max),
            },
        )
        .unwrap();
    }
    let demo = start_demo("", Some(1024)).await;
    let host = demo.server.base.trim_start_matches("http://").to_owned();
    let mut idle = Vec::new();
    for i in 0..1100 {
        let Ok(Ok(mut s)) = tokio::time::timeout(
            Duration::from_secs(5),
            tokio::net::TcpStream::connect(&host),
        )
        .await
        else {
            continue;
        };
        if i % 2 == 0 {
            let _ = s.write_all(b"GET /health HTTP/1.1\r\nHost: x\r\n").await;
        }
        idle.push(s);
    }
    assert!(idle.len() >= 1000, "only {} connections opened", idle.len());
    let health = tokio::time::timeout(
        Duration::from_secs(20),
        reqwest::Client::new()
            .get(format!("{}/health", demo.server.base))
            .send(),
    )
    .await
    .expect("/health answered despite 1 100 idle connections")
    .unwrap();
    assert_eq!(health.status(), 200);
    // And a real request too.
    let docs = tokio::time::timeout(
        Duration::from_secs(20),
        demo.http
            .get(format!(
                "{}/api/v1/beneficiaries/{}/documents",
                demo.server.base, demo.bid
            ))
            .bearer_auth(&demo.token)
            .send(),
    )
    .await
    .expect("the API answered")
    .unwrap();
    assert_eq!(docs.status(), 200);
    drop(idle);
}
