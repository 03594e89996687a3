//! What one request or one connection may cost (issue 11, findings 6 and 7): text parts of
//! forms are short, unknown parts are refused (never kept), the export ZIP is streamed and reads with
//! independent readers, a failed export never looks complete, and connections that stay
//! silent, send their headers or their body too slowly, or pile up, are closed. The memory side
//! is measured on the real binary in `memory_bounds.rs`.

use crate::helpers::*;
use crate::pages::{csrf_of, logged_in, page};
use reqwest::StatusCode;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn upload_path(bid: &str) -> String {
    format!("/api/v1/beneficiaries/{bid}/documents")
}

#[tokio::test]
async fn text_parts_are_bounded_and_unknown_parts_are_not_kept() {
    let w = World::new().await;
    let send = |form: reqwest::multipart::Form| {
        w.t.send(
            w.t.http
                .post(w.t.url(&upload_path(&w.bid)))
                .bearer_auth(&w.person)
                .multipart(form),
        )
    };
    let file = || reqwest::multipart::Part::bytes(pdf("Bail")).file_name("bail.pdf");
    // A name of 5 MB (the part was read whole before): refused while it arrives.
    let r = send(
        reqwest::multipart::Form::new()
            .text("name", "n".repeat(5 * 1024 * 1024))
            .part("file", file()),
    )
    .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{:?}", r.json());
    assert_eq!(r.code(), "field_too_long");
    // Same for folder_id, after the file.
    let r = send(
        reqwest::multipart::Form::new()
            .part("file", file())
            .text("folder_id", "f".repeat(4097)),
    )
    .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(r.code(), "field_too_long");
    // Nothing was stored by the refused uploads.
    let list = w.t.get(&upload_path(&w.bid), Some(&w.person)).await.json();
    assert_eq!(list.as_array().unwrap().len(), 0);
    // A part the contract does not name (3 MB of it), or a second file, is refused as a
    // mistake (never kept, never buffered), and nothing is stored.
    let r = send(
        reqwest::multipart::Form::new()
            .text("name", "Bail")
            .text("junk", "j".repeat(3 * 1024 * 1024))
            .part("file", file()),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{:?}", r.json());
    assert_eq!(r.code(), "unknown_part");
    let r = send(reqwest::multipart::Form::new().part("file", file()).part(
        "file",
        reqwest::multipart::Part::bytes(vec![0u8; 1024 * 1024]).file_name("x.bin"),
    ))
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{:?}", r.json());
    let list = w.t.get(&upload_path(&w.bid), Some(&w.person)).await.json();
    assert_eq!(list.as_array().unwrap().len(), 0);
    // Within the limits: accepted as before (the name itself is then checked as a name).
    let r = send(
        reqwest::multipart::Form::new()
            .text("name", "Bail")
            .part("file", file()),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    assert_eq!(r.json()["name"], "Bail");
}

/// A part header (or preamble) that never ends is refused once it passes the parser's slack,
/// rather than buffered up to the body limit.
#[tokio::test]
async fn an_endless_part_header_is_refused() {
    let w = World::new().await;
    let boundary = "b0undary";
    let mut body =
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"\r\nX-Pad: ")
            .into_bytes();
    body.extend(std::iter::repeat_n(b'a', 4 * 1024 * 1024));
    let r =
        w.t.send(
            w.t.http
                .post(w.t.url(&upload_path(&w.bid)))
                .bearer_auth(&w.person)
                .header(
                    "content-type",
                    format!("multipart/form-data; boundary={boundary}"),
                )
                .body(body),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.code(), "malformed_upload");
}

#[tokio::test]
async fn a_page_form_with_a_long_field_says_what_to_do() {
    let w = World::new().await;
    let person = logged_in(&w.t, &w.identifier, PERSON_PASSWORD).await;
    let (_, _, html) = page(&person, &w.t, "/documents").await;
    let csrf = csrf_of(&html);
    for (path, file) in [
        ("/documents/upload", pdf("Bail")),
        ("/documents/scan", jpeg(16, 16)),
    ] {
        let form = reqwest::multipart::Form::new()
            .text("_csrf", csrf.clone())
            .text("name", "n".repeat(64 * 1024))
            .part(
                "file",
                reqwest::multipart::Part::bytes(file).file_name("x.jpg"),
            );
        let r = person
            .post(w.t.url(path))
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE, "{path}");
        assert!(
            r.text().await.unwrap().contains("trop long"),
            "{path}: a translated message"
        );
    }
    // A CSRF part of 1 MB is not read whole either.
    let form = reqwest::multipart::Form::new()
        .text("_csrf", "c".repeat(1024 * 1024))
        .part(
            "file",
            reqwest::multipart::Part::bytes(pdf("Bail")).file_name("b.pdf"),
        );
    let r = person
        .post(w.t.url("/documents/upload"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);
}

/// The scan form's photos count together against one in-memory file.
#[tokio::test]
async fn a_scan_larger_than_one_in_memory_file_is_refused() {
    let w = World::with(|c| c.storage.in_memory_mb = 1).await;
    let person = logged_in(&w.t, &w.identifier, PERSON_PASSWORD).await;
    let (_, _, html) = page(&person, &w.t, "/documents").await;
    let mut form = reqwest::multipart::Form::new().text("_csrf", csrf_of(&html));
    for i in 0..3 {
        // Three parts of 400 KiB: each under the limit, together over it.
        form = form.part(
            "file",
            reqwest::multipart::Part::bytes(vec![0xffu8; 400 * 1024]).file_name(format!("{i}.jpg")),
        );
    }
    let r = person
        .post(w.t.url("/documents/scan"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(r.text().await.unwrap().contains("trop lourdes ensemble"));
}

#[tokio::test]
async fn the_export_is_streamed_and_reads_with_independent_readers() {
    let w = World::with(|c| c.storage.in_memory_mb = 1).await;
    let mut expected = Vec::new();
    // One large PDF (streamed at upload), one small one, one photo.
    let large = crate::uploads::large_pdf(3 * 1024 * 1024, "");
    for (bytes, file, name) in [
        (large, "grand.pdf", "Grand dossier"),
        (pdf("Attestation"), "a.pdf", "Attestation"),
        (jpeg(40, 30), "p.jpg", "Photo"),
    ] {
        let r = w.t.upload(&w.person, &w.bid, bytes, file, Some(name)).await;
        assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
        expected.push(r.json());
    }
    let res =
        w.t.http
            .get(w.t.url(&format!("/api/v1/beneficiaries/{}/export", w.bid)))
            .bearer_auth(&w.person)
            .send()
            .await
            .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "application/zip");
    // Sent as it is written: no length known beforehand.
    assert!(res.headers().get("content-length").is_none());
    assert_eq!(res.headers()["transfer-encoding"], "chunked");
    let zip = res.bytes().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.zip");
    std::fs::write(&path, &zip).unwrap();
    // Python's zipfile: every CRC checks, every document is the one stored, the manifest
    // matches every file.
    let script = r#"
import hashlib, json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
sums = {}
for line in z.read("SHA256SUMS").decode().splitlines():
    digest, name = line.split("  ", 1)
    sums[name] = digest
names = [n for n in z.namelist() if n != "SHA256SUMS"]
assert sorted(names) == sorted(sums), (names, sums)
for n in names:
    assert hashlib.sha256(z.read(n)).hexdigest() == sums[n], n
data = json.loads(z.read("data.json"))
print(json.dumps({d["file"]: hashlib.sha256(z.read(d["file"])).hexdigest() for d in data["documents"]}))
"#;
    let out = std::process::Command::new(python_bin())
        .args(["-c", script])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let files: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut got: Vec<&str> = files
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_str().unwrap())
        .collect();
    let mut want: Vec<&str> = expected
        .iter()
        .map(|d| d["sha256"].as_str().unwrap())
        .collect();
    got.sort_unstable();
    want.sort_unstable();
    assert_eq!(got, want);
    // Info-ZIP's unzip, another independent reader, tests and extracts it; coreutils'
    // sha256sum checks the manifest on the extracted files.
    let out = dir.path().join("out");
    for args in [vec!["-tq"], vec!["-q", "-d", out.to_str().unwrap()]] {
        let unzip = std::process::Command::new("unzip")
            .args(&args)
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            unzip.status.success(),
            "{}",
            String::from_utf8_lossy(&unzip.stdout)
        );
    }
    let check = std::process::Command::new("sha256sum")
        .args(["-c", "SHA256SUMS"])
        .current_dir(&out)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

/// A document that cannot be read midway (here its blob is gone) cuts the download: the
/// person never gets an archive that reads as complete.
#[tokio::test]
async fn an_export_that_fails_midway_never_looks_complete() {
    let w = World::with(|c| c.storage.in_memory_mb = 1).await;
    let r =
        w.t.upload(
            &w.person,
            &w.bid,
            crate::uploads::large_pdf(2 * 1024 * 1024, ""),
            "a.pdf",
            Some("A"),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let before: Vec<String> =
        w.t.app
            .blobs()
            .list()
            .unwrap()
            .into_iter()
            .map(|(k, _)| k)
            .collect();
    let r =
        w.t.upload(&w.person, &w.bid, pdf("B"), "b.pdf", Some("B"))
            .await;
    assert_eq!(r.status, StatusCode::CREATED);
    for (key, _) in w.t.app.blobs().list().unwrap() {
        if !before.contains(&key) {
            w.t.app.blobs().delete(&key).unwrap();
        }
    }
    let sent =
        w.t.http
            .get(w.t.url(&format!("/api/v1/beneficiaries/{}/export", w.bid)))
            .bearer_auth(&w.person)
            .send()
            .await;
    // Cut before the headers went out (the failing document came first): nothing to open.
    let Ok(res) = sent else { return };
    let status = res.status();
    match res.bytes().await {
        Err(_) => {}
        Ok(body) => {
            // Whatever arrived must not open as an archive.
            assert!(
                status != StatusCode::OK
                    || zip::ZipArchive::new(std::io::Cursor::new(body.to_vec())).is_err(),
                "a complete-looking archive after a failure"
            );
        }
    }
}

/// Reads from `stream` until the server closes it (or resets it); false if still open after
/// `within` (generous: only "forever" is wrong).
async fn closed_by_server(stream: &mut tokio::net::TcpStream, within: Duration) -> bool {
    let mut buf = vec![0u8; 64 * 1024];
    let ended = tokio::time::timeout(within, async {
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
        }
    })
    .await;
    ended.is_ok()
}

async fn connect(t: &TestApp) -> tokio::net::TcpStream {
    tokio::net::TcpStream::connect(t.base.trim_start_matches("http://"))
        .await
        .unwrap()
}

#[tokio::test]
async fn silent_and_slow_connections_are_closed() {
    let t = spawn_with(|c| {
        c.http.header_timeout_seconds = 1;
        c.http.idle_timeout_seconds = 1;
        c.http.body_timeout_seconds = 1;
        c.http.body_min_bytes_per_second = 1000;
    })
    .await;
    let limit = Duration::from_secs(30);
    // Connected, never a byte.
    let mut silent = connect(&t).await;
    // Headers sent a byte at a time, slower than allowed in total.
    let mut slow_headers = connect(&t).await;
    let trickle = tokio::spawn(async move {
        for b in
            b"GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        {
            if slow_headers.write_all(&[*b]).await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(300)).await;
        }
        closed_by_server(&mut slow_headers, limit).await
    });
    // A body announced and never sent.
    let mut slow_body = connect(&t).await;
    slow_body
        .write_all(b"POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"identifier\"")
        .await
        .unwrap();
    // A body that never pauses long but crawls: 1 byte every 200 ms, under the minimum speed.
    let mut crawling = connect(&t).await;
    crawling
        .write_all(b"POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
        .await
        .unwrap();
    let crawl = tokio::spawn(async move {
        for _ in 0..300 {
            if crawling.write_all(b" ").await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        closed_by_server(&mut crawling, limit).await
    });
    // A kept-alive connection after one request.
    let mut kept = connect(&t).await;
    kept.write_all(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let mut first = [0u8; 12];
    kept.read_exact(&mut first).await.unwrap();
    assert_eq!(&first, b"HTTP/1.1 200");
    assert!(
        closed_by_server(&mut silent, limit).await,
        "silent connection"
    );
    assert!(closed_by_server(&mut slow_body, limit).await, "slow body");
    assert!(closed_by_server(&mut kept, limit).await, "idle keep-alive");
    assert!(trickle.await.unwrap(), "slow headers");
    assert!(crawl.await.unwrap(), "crawling body");
    // The server itself is fine.
    assert_eq!(t.get("/health", None).await.status, StatusCode::OK);
}

/// Past `http.max_connections`, idle connections give way to new ones: a pile of half-open
/// connections cannot keep anyone out.
#[tokio::test]
async fn idle_connections_give_way_past_the_limit() {
    let t = spawn_with(|c| c.http.max_connections = 8).await;
    let mut idle = Vec::new();
    for i in 0..40 {
        let mut s = connect(&t).await;
        if i % 2 == 0 {
            // Half-open: headers begun, never finished.
            let _ = s.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").await;
        }
        idle.push(s);
    }
    for _ in 0..3 {
        let r = tokio::time::timeout(Duration::from_secs(20), t.http.get(t.url("/health")).send())
            .await
            .expect("/health answered")
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
    }
    // The oldest ones were closed to make room.
    assert!(closed_by_server(&mut idle[0], Duration::from_secs(20)).await);
}

/// A client that stops reading a download is given up after `http.body_timeout_seconds`: the
/// connection does not hang on it forever.
#[tokio::test]
async fn a_download_nobody_reads_is_given_up() {
    let w = World::with(|c| {
        c.storage.in_memory_mb = 1;
        c.http.body_timeout_seconds = 1;
    })
    .await;
    let size = 24 * 1024 * 1024;
    let r =
        w.t.upload(
            &w.person,
            &w.bid,
            crate::uploads::large_pdf(size, ""),
            "grand.pdf",
            Some("Grand"),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let id = r.json()["id"].as_str().unwrap().to_owned();
    let mut s = connect(&w.t).await;
    s.write_all(
        format!(
            "GET /api/v1/documents/{id}/content HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {}\r\n\r\n",
            w.person
        )
        .as_bytes(),
    )
    .await
    .unwrap();
    // Read nothing for a while: the socket buffers fill, the server's write stalls.
    tokio::time::sleep(Duration::from_secs(6)).await;
    let mut got = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(60), s.read_to_end(&mut got)).await;
    assert!(read.is_ok(), "the server kept the stalled connection open");
    assert!(
        got.len() < size,
        "the whole document came through ({} bytes): the stall was not given up",
        got.len()
    );
}
