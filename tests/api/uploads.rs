//! The bad-input corpus of uploads: every one answered with a 4xx and a clear message, never a
//! 5xx, never a half-written safe.

use crate::helpers::*;
use reqwest::StatusCode;
use serde_json::json;

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for b in data {
        crc ^= u32::from(*b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A PNG header claiming 100 000 × 100 000 pixels (a decompression bomb).
fn pixel_flood_png() -> Vec<u8> {
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend_from_slice(&100_000u32.to_be_bytes());
    ihdr.extend_from_slice(&100_000u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend_from_slice(&13u32.to_be_bytes());
    out.extend_from_slice(&ihdr);
    out.extend_from_slice(&crc32(&ihdr).to_be_bytes());
    out.extend_from_slice(&[0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xae, 0x42, 0x60, 0x82]);
    out
}

fn pdf_with_javascript() -> Vec<u8> {
    let text = pdf("Formulaire");
    // Turn the catalog into one with an /OpenAction running JavaScript (offsets stay valid:
    // the replacement keeps the same length by trimming spaces of the padding we add).
    let s = String::from_utf8(text).unwrap();
    let js =
        "<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> >>";
    let rebuilt = s.replacen("<< /Type /Catalog /Pages 2 0 R >>", js, 1);
    fix_xref(rebuilt)
}

/// Recomputes the cross-reference offsets of a PDF built by `helpers::pdf`.
fn fix_xref(s: String) -> Vec<u8> {
    let body_end = s.find("xref\n").unwrap();
    let body = &s[..body_end];
    let mut offsets = Vec::new();
    for i in 1..=5 {
        offsets.push(body.find(&format!("{i} 0 obj")).unwrap());
    }
    let mut out = body.as_bytes().to_vec();
    out.extend_from_slice(b"xref\n0 6\n0000000000 65535 f \n");
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n{body_end}\n%%EOF\n").as_bytes(),
    );
    out
}

/// A valid PDF with `data_len` bytes of image data (too large to clean in memory in the tests
/// below), `catalog_extra` added to its catalog.
pub fn large_pdf(data_len: usize, catalog_extra: &str) -> Vec<u8> {
    let mut out = format!(
        "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R {catalog_extra} >>\nendobj\n\
         2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n\
         3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> >>\nendobj\n\
         4 0 obj\n<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /BitsPerComponent 8 /ColorSpace /DeviceGray /Length {data_len} >>\nstream\n"
    )
    .into_bytes();
    let mut state: u32 = 0x1234_5678;
    out.extend((0..data_len).map(|_| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        state as u8
    }));
    out.extend_from_slice(
        b"\nendstream\nendobj\ntrailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n0\n%%EOF\n",
    );
    out
}

/// The person's safe holds no document, and nothing is half-written.
pub(crate) async fn assert_no_documents(w: &World) {
    assert_eq!(
        w.t.get(
            &format!("/api/v1/beneficiaries/{}/documents", w.bid),
            Some(&w.person)
        )
        .await
        .json(),
        json!([])
    );
    assert_nothing_half_written(&w.t).await;
}

/// Nothing half-written: no blob without its row, no partial write left behind.
pub(crate) async fn assert_nothing_half_written(t: &TestApp) {
    let report = t.app.verify(false).await.unwrap();
    assert!(
        report.is_clean() && report.orphans.is_empty(),
        "nothing half-written: {report:?}"
    );
    if !t.app.config.blobs_url.is_empty() {
        // S3: a writer dropped before commit aborts its multipart upload; nothing to look at.
        return;
    }
    let tmp = t.app.config.data_dir.join("blobs").join("tmp");
    let left: Vec<_> = std::fs::read_dir(tmp)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "partial writes left: {left:?}");
}

#[tokio::test]
async fn a_large_pdf_streams_into_the_safe_unchanged() {
    let w = World::with(|c| {
        c.storage.max_file_mb = 8;
        c.storage.in_memory_mb = 1;
    })
    .await;
    let bytes = large_pdf(3 * 1024 * 1024, "/PageMode /UseNone");
    let r =
        w.t.upload(&w.person, &w.bid, bytes.clone(), "dossier.pdf", None)
            .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let doc = r.json();
    assert_eq!(
        doc["sha256"],
        hex::encode(consigne_vault::sha256(&bytes)).as_str()
    );
    assert_eq!(doc["size"].as_u64(), Some(bytes.len() as u64));
    assert_eq!(doc["content_type"], "application/pdf");
    let (status, _, got) =
        w.t.get_bytes(
            &format!("/api/v1/documents/{}/content", doc["id"].as_str().unwrap()),
            &w.person,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(got == bytes, "the same bytes come back");
    assert_nothing_half_written(&w.t).await;
    // Past the quota while streaming: refused, and nothing stays.
    let w = World::with(|c| {
        c.storage.max_file_mb = 8;
        c.storage.in_memory_mb = 1;
        c.storage.quota_mb = 2;
    })
    .await;
    let r =
        w.t.upload(&w.person, &w.bid, bytes, "dossier.pdf", None)
            .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.text);
    assert_eq!(r.code(), "quota_exceeded");
    assert_nothing_half_written(&w.t).await;
}

#[tokio::test]
async fn the_bad_input_corpus_gets_clear_4xx_answers() {
    // Small limits keep the corpus small: 3 MB per file, 1 MB cleaned in memory.
    let w = World::with(|c| {
        c.storage.max_file_mb = 3;
        c.storage.in_memory_mb = 1;
    })
    .await;
    let mut truncated = jpeg(64, 64);
    truncated.truncate(truncated.len() / 2);
    // limit + 1 byte, of a PDF (the only type that may stream past the in-memory size).
    let mut too_big = large_pdf(3 * 1024 * 1024, "");
    too_big.resize(3 * 1024 * 1024 + 1, b' ');
    let mut big_photo = jpeg(8, 8);
    big_photo.resize(1024 * 1024 + 1, 0);
    let docx =
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml word/document.xml"
            .to_vec();
    let eicar = br"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*".to_vec();
    let corpus: Vec<(&str, Vec<u8>, StatusCode, &str)> = vec![
        (
            "html.jpg",
            b"<!DOCTYPE html><html><body onload=alert(1)>".to_vec(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_type",
        ),
        (
            "image.svg",
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".to_vec(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_type",
        ),
        (
            "archive.zip",
            b"PK\x03\x04\x0a\x00\x00\x00\x00\x00files".to_vec(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_type",
        ),
        (
            "letter.docx",
            docx,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_type",
        ),
        (
            "eicar.pdf",
            eicar,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_type",
        ),
        (
            "empty.jpg",
            Vec::new(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "required",
        ),
        (
            "big.pdf",
            too_big,
            StatusCode::PAYLOAD_TOO_LARGE,
            "file_too_large",
        ),
        (
            "big.jpg",
            big_photo,
            StatusCode::PAYLOAD_TOO_LARGE,
            "photo_too_large",
        ),
        (
            "big-with-script.pdf",
            large_pdf(
                2 * 1024 * 1024,
                "/OpenAction << /S /JavaScript /JS (app.alert(1)) >>",
            ),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "pdf_not_checkable",
        ),
        (
            "flood.png",
            pixel_flood_png(),
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_many_pixels",
        ),
        (
            "cut.jpg",
            truncated,
            StatusCode::UNPROCESSABLE_ENTITY,
            "damaged_file",
        ),
    ];
    for (name, bytes, status, code) in corpus {
        let r = w.t.upload(&w.person, &w.bid, bytes, name, None).await;
        assert_eq!(r.status, status, "{name}: {}", r.text);
        assert_eq!(r.code(), code, "{name}");
        assert!(!r.json()["error"]["message"].as_str().unwrap().is_empty());
    }
    assert_no_documents(&w).await;
}

#[tokio::test]
async fn a_pdf_with_javascript_is_accepted_only_without_it() {
    let w = World::new().await;
    let bytes = pdf_with_javascript();
    assert!(String::from_utf8_lossy(&bytes).contains("/JavaScript"));
    let r = w.t.upload(&w.person, &w.bid, bytes, "form.pdf", None).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let (_, _, stored) =
        w.t.get_bytes(
            &format!(
                "/api/v1/documents/{}/content",
                r.json()["id"].as_str().unwrap()
            ),
            &w.person,
        )
        .await;
    let text = String::from_utf8_lossy(&stored);
    assert!(
        !text.contains("/JavaScript")
            && !text.contains("/OpenAction")
            && !text.contains("app.alert")
    );
    assert!(text.contains("Formulaire"), "the page is kept");
}

#[tokio::test]
async fn hostile_file_names_never_reach_a_page_or_the_disk() {
    let w = World::new().await;
    let long = "a".repeat(5000) + ".jpg";
    let names = [
        "../../etc/passwd.jpg",
        "nul\0byte.jpg",
        long.as_str(),
        "photo\u{202e}gpj.exe",
        "line\r\nbreak.jpg",
        "..\\..\\windows.jpg",
    ];
    for name in names {
        let r =
            w.t.upload(&w.person, &w.bid, jpeg(10, 10), name, None)
                .await;
        // NUL, CR and LF cannot even travel in a multipart header: a clear 4xx is the answer.
        if name.contains(['\0', '\r', '\n']) && r.status == StatusCode::UNPROCESSABLE_ENTITY {
            assert_eq!(r.code(), "malformed_upload");
            continue;
        }
        assert_eq!(r.status, StatusCode::CREATED, "{name:?}: {}", r.text);
        let doc_name = r.json()["name"].as_str().unwrap().to_owned();
        assert!(
            !doc_name
                .chars()
                .any(|c| c.is_control() || c == '/' || c == '\\' || c == '\u{202e}'),
            "{doc_name:?}"
        );
        assert!(doc_name.chars().count() <= 200);
        assert!(!doc_name.is_empty());
    }
    // Blob keys are random: no user file name in the blob directory.
    for (key, _) in w.t.app.blobs().list().unwrap() {
        assert!(key.chars().all(|c| c.is_ascii_hexdigit()));
    }
}

#[tokio::test]
async fn the_quota_of_a_safe_is_enforced() {
    let t = spawn_with(|c| c.storage.quota_mb = 1).await;
    let (admin, _, _) = t.platform_admin().await;
    let sid = t.create_structure(&admin, "Accueil", "relay").await;
    let (pro, _, _) = t.professional(&admin, &sid, "admin").await;
    let (bid, identifier, _) = t
        .open_safe(&pro, &sid, "Yara", "Nasser", "1999-09-09")
        .await;
    let person = t.login_ok(&identifier, PERSON_PASSWORD).await;
    let filler = "texte de remplissage pour le quota ".repeat(20_000);
    let r = t.upload(&person, &bid, pdf(&filler), "a.pdf", None).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let r = t.upload(&person, &bid, pdf(&filler), "b.pdf", None).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.text);
    assert_eq!(r.code(), "quota_exceeded");
    assert_eq!(
        t.get(
            &format!("/api/v1/beneficiaries/{bid}/documents"),
            Some(&person)
        )
        .await
        .json()
        .as_array()
        .unwrap()
        .len(),
        1
    );
}

/// Uploads share one in-memory budget (`storage.in_memory_total_mb`): while another upload
/// holds it, a PDF that would have been cleaned in memory streams to storage unchanged instead,
/// and memory stays bounded however many people upload at once.
#[tokio::test]
async fn past_the_shared_memory_budget_a_pdf_streams_to_storage() {
    use tokio::io::AsyncWriteExt;
    let w = World::with(|c| {
        c.storage.max_file_mb = 8;
        c.storage.in_memory_mb = 2;
        c.storage.in_memory_total_mb = 2;
    })
    .await;
    // A photo arriving slowly holds most of the budget: its first 1.8 MB, then nothing.
    let boundary = "consigne-budget-test";
    let head = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
    );
    let total = head.len() + 1_900_000 + 4 + boundary.len() + 4;
    let addr = w.t.base.trim_start_matches("http://").to_owned();
    let mut slow = tokio::net::TcpStream::connect(&addr).await.unwrap();
    let request = format!(
        "POST /api/v1/beneficiaries/{}/documents HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {total}\r\n\r\n{head}",
        w.bid, w.person
    );
    slow.write_all(request.as_bytes()).await.unwrap();
    let mut photo = vec![0xFF, 0xD8, 0xFF, 0xE0];
    photo.resize(1_800_000, 0x42);
    slow.write_all(&photo).await.unwrap();
    slow.flush().await.unwrap();
    // Give the server time to take its share of the budget for those bytes.
    for _ in 0..50 {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }

    // A 1 MB PDF: under in_memory_mb, but no room in the budget: stored unchanged, streamed.
    let bytes = large_pdf(1024 * 1024, "/PageMode /UseNone");
    let r =
        w.t.upload(&w.person, &w.bid, bytes.clone(), "dossier.pdf", None)
            .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(
        r.json()["sha256"],
        hex::encode(consigne_vault::sha256(&bytes)).as_str(),
        "streamed, byte for byte"
    );
    let id = r.json()["id"].as_str().unwrap().to_owned();
    let (status, _, got) =
        w.t.get_bytes(&format!("/api/v1/documents/{id}/content"), &w.person)
            .await;
    assert_eq!(status, StatusCode::OK);
    assert!(got == bytes);

    // The slow photo goes away: its share comes back, and a photo is cleaned in memory again.
    drop(slow);
    let r =
        w.t.upload(&w.person, &w.bid, jpeg(64, 48), "photo.jpg", None)
            .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_nothing_half_written(&w.t).await;
}
