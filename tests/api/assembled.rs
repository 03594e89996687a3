//! The assembled file (issue 15, item 4): some of her documents made into one PDF of her safe,
//! read back by an independent reader (pypdf): 1 + Σ pages, one bookmark per piece at its first
//! page, each piece's SHA-256 on the cover equal to the downloaded piece's, the watermark on
//! every page; sealed at rest; refused (and nothing left behind) when it may not be made.

use crate::canary::assert_absent;
use crate::helpers::*;
use reqwest::StatusCode;
use serde_json::{Value, json};
use sha2::Digest;

/// Reads a PDF on standard input: its pages, bookmarks (title, first page from 1) and the text
/// of each page, as pypdf sees them.
const READ_PDF: &str = r#"
import io, json, sys
from pypdf import PdfReader
reader = PdfReader(io.BytesIO(sys.stdin.buffer.read()), strict=True)
outlines = [{"title": o.title, "page": reader.get_destination_page_number(o) + 1}
            for o in reader.outline]
texts = [" ".join(p.extract_text().split()) for p in reader.pages]
print(json.dumps({"pages": len(reader.pages), "outlines": outlines, "texts": texts}))
"#;

/// A PDF of `n` pages, each saying `text` and its number.
pub fn pages_pdf(n: usize, text: &str) -> Vec<u8> {
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {n} /MediaBox [0 0 595 842] >>",
            (0..n)
                .map(|i| format!("{} 0 R", 4 + 2 * i))
                .collect::<Vec<_>>()
                .join(" ")
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    for i in 0..n {
        let stream = format!("BT /F1 16 Tf 50 740 Td ({text} {}) Tj ET", i + 1);
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /Contents {} 0 R /Resources << /Font << /F1 3 0 R >> >> >>",
            5 + 2 * i
        ));
        objects.push(format!(
            "<< /Length {} >>\nstream\n{stream}\nendstream",
            stream.len()
        ));
    }
    consigne::demo::pdf_of_objects(&objects)
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(sha2::Sha256::digest(bytes))
}

async fn assemble(t: &TestApp, token: &str, bid: &str, body: Value) -> Resp {
    t.post(
        &format!("/api/v1/beneficiaries/{bid}/files"),
        Some(token),
        body,
    )
    .await
}

async fn document_count(w: &World) -> usize {
    let r =
        w.t.get(
            &format!("/api/v1/beneficiaries/{}/documents", w.bid),
            Some(&w.person),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    r.json().as_array().unwrap().len()
}

fn blob_count(t: &TestApp) -> usize {
    t.app.blobs().list().unwrap().len()
}

#[tokio::test]
async fn a_professional_assembles_her_papers_into_one_file_an_independent_reader_checks() {
    let w = World::new().await;
    let pieces = [
        (pages_pdf(3, "Avis CAF"), "caf.pdf", "Attestation CAF"),
        (jpeg(900, 1200), "piece.jpg", "Carte d'identité"),
        (
            pdf("Quittance"),
            "quittance.pdf",
            "Justificatif de domicile",
        ),
    ];
    let mut ids = Vec::new();
    for (bytes, file, name) in &pieces {
        ids.push(w.shared_document(&w.s1, bytes.clone(), file, name).await);
    }
    let r =
        w.t.patch(
            &format!("/api/v1/documents/{}", ids[1]),
            &w.person,
            json!({"type": "identity_card"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let watermark = "Copie pour la CAF, 3 décembre 2026";
    let r = assemble(
        &w.t,
        &w.p1,
        &w.bid,
        json!({"document_ids": ids, "title": "Dossier RSA", "watermark": watermark}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let file = r.json();
    let date = &date_in_days(&w.t, 0);
    assert_eq!(file["name"], format!("Dossier RSA — {date}"));
    assert_eq!(file["type"], "other");
    assert_eq!(file["content_type"], "application/pdf");
    assert_eq!(file["beneficiary_id"], w.bid.as_str());
    assert_eq!(file["shared_with"], json!([w.s1]));
    assert_eq!(file["created_by"]["kind"], "professional", "{file}");

    let fid = file["id"].as_str().unwrap();
    let content = |id: &str| format!("/api/v1/documents/{id}/content");
    // She opens it too: it is a document of her safe.
    let bytes =
        w.t.download(&content(fid), &w.person, "application/pdf")
            .await;
    assert_eq!(sha256_hex(&bytes), file["sha256"].as_str().unwrap());
    assert_eq!(bytes.len() as u64, file["size"].as_u64().unwrap());
    let read = python(READ_PDF, &bytes);

    assert_eq!(read["pages"], 1 + 3 + 1 + 1, "{read}");
    let outlines: Vec<(String, u64)> = read["outlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["title"].as_str().unwrap().to_owned(),
                o["page"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        outlines,
        vec![
            ("Attestation CAF".to_owned(), 2),
            ("Carte d'identité".to_owned(), 5),
            ("Justificatif de domicile".to_owned(), 6),
        ]
    );
    let texts: Vec<&str> = read["texts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    let cover = texts[0];
    for id in &ids {
        let piece = w.t.download(&content(id), &w.p1, "").await;
        let hash = sha256_hex(&piece);
        assert!(cover.contains(&hash), "{hash} not on the cover: {cover}");
    }
    for expected in [
        "Dossier RSA",
        "Zoé Lefèvre",
        w.identifier.as_str(),
        date.as_str(),
        "Carte d'identité",
    ] {
        assert!(
            cover.contains(expected),
            "{expected} not on the cover: {cover}"
        );
    }
    assert!(texts[1].contains("Avis CAF 1") && texts[3].contains("Avis CAF 3"));
    for (n, text) in texts.iter().enumerate() {
        assert!(text.contains(watermark), "page {}: {text}", n + 1);
        assert!(
            text.contains(&format!("p. {} / 6", n + 1)),
            "page {}: {text}",
            n + 1
        );
    }

    // Her journal names who put each paper in the file and who made it.
    let journal = w.her_journal().await;
    let lines = |action: &str| {
        journal
            .iter()
            .filter(|e| e["action"] == action)
            .map(|e| e["target"]["id"].as_str().unwrap_or_default().to_owned())
            .collect::<Vec<_>>()
    };
    let mut put = lines("document_put_in_file");
    put.sort();
    let mut expected = ids.clone();
    expected.sort();
    assert_eq!(put, expected);
    assert_eq!(lines("file_assembled"), vec![fid.to_owned()]);

    // At rest, neither the title nor the watermark is readable.
    assert_absent(&w.t, &["Dossier RSA", "Copie pour la CAF"]);
}

#[tokio::test]
async fn she_assembles_her_own_file_and_missing_words_get_defaults() {
    let w = World::new().await;
    let id = w
        .shared_document(&w.s1, pdf("Avis"), "avis.pdf", "Avis d'imposition")
        .await;
    let r = assemble(&w.t, &w.person, &w.bid, json!({"document_ids": [id]})).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let file = r.json();
    // Her own: private, made by her, titled in her language.
    assert_eq!(file["shared_with"], json!([]));
    assert_eq!(file["created_by"]["kind"], "beneficiary", "{file}");
    assert!(file["name"].as_str().unwrap().starts_with("Dossier — "));
    let bytes =
        w.t.download(
            &format!("/api/v1/documents/{}/content", file["id"].as_str().unwrap()),
            &w.person,
            "application/pdf",
        )
        .await;
    let read = python(READ_PDF, &bytes);
    assert_eq!(read["pages"], 2);
    assert_eq!(read["outlines"][0]["title"], "Avis d'imposition");
    assert!(!read["texts"][1].as_str().unwrap().contains("Copie"));
}

#[tokio::test]
async fn a_file_is_refused_whole_and_leaves_nothing_behind() {
    let w = World::new().await;
    let shared = w
        .shared_document(&w.s1, pdf("Partagé"), "a.pdf", "Partagé")
        .await;
    let r =
        w.t.upload(&w.person, &w.bid, pdf("Privé"), "b.pdf", Some("Privé"))
            .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let private = r.json()["id"].as_str().unwrap().to_owned();
    let (documents, blobs) = (document_count(&w).await, blob_count(&w.t));
    let journal = w.her_journal().await.len();

    // A piece he may not read is the same 404 as a missing one, never skipped.
    let cases = [
        (&w.p1, json!({"document_ids": [shared, private]}), 404),
        (
            &w.p1,
            json!({"document_ids": [shared, "00000000-0000-4000-8000-000000000000"]}),
            404,
        ),
        // Not her relais, a mediation, the platform: nothing of hers.
        (&w.p2, json!({"document_ids": [shared]}), 404),
        (&w.pm, json!({"document_ids": [shared]}), 404),
        (&w.admin, json!({"document_ids": [shared]}), 404),
        (&w.p1, json!({"document_ids": []}), 422),
        (&w.p1, json!({"document_ids": ["nope"]}), 404),
        (
            &w.p1,
            json!({"document_ids": [shared], "watermark": "x".repeat(121)}),
            422,
        ),
        (&w.p1, json!({"document_ids": [shared], "other": 1}), 400),
        (
            &w.p1,
            json!({"document_ids": [shared], "watermark": "نسخة"}),
            422,
        ),
    ];
    for (token, body, status) in cases {
        let r = assemble(&w.t, token, &w.bid, body.clone()).await;
        assert_eq!(r.status.as_u16(), status, "{body}: {}", r.text);
    }
    let r =
        w.t.post(
            &format!("/api/v1/beneficiaries/{}/files", w.bid),
            None,
            json!({"document_ids": [shared]}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    // Her pieces, in another person's safe: not found.
    let (other, _, _) =
        w.t.open_safe(&w.p1, &w.s1, "Marc", "Durand", "1970-01-01")
            .await;
    let r = assemble(&w.t, &w.p1, &other, json!({"document_ids": [shared]})).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);

    assert_eq!(document_count(&w).await, documents);
    assert_eq!(blob_count(&w.t), blobs);
    assert_eq!(w.her_journal().await.len(), journal, "nothing read");
}

#[tokio::test]
async fn a_file_past_her_quota_is_refused_and_leaves_nothing_behind() {
    let w = World::with(|c| c.storage.quota_mb = 1).await;
    let r =
        w.t.upload(&w.person, &w.bid, jpeg(1000, 1000), "a.jpg", Some("Photo"))
            .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let (id, size) = (r.json()["id"].clone(), r.json()["size"].as_u64().unwrap());
    // Enough copies of it to pass what the safe has left.
    let copies = (1024 * 1024 / size + 1) as usize;
    assert!(copies <= 60, "a photo of {size} bytes");
    let (documents, blobs) = (document_count(&w).await, blob_count(&w.t));
    let r = assemble(
        &w.t,
        &w.person,
        &w.bid,
        json!({ "document_ids": vec![id; copies] }),
    )
    .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.text);
    assert_eq!(r.code(), "quota_exceeded");
    assert_eq!(document_count(&w).await, documents);
    assert_eq!(blob_count(&w.t), blobs);
}
