//! Decompression bombs and object streams that hide their type (issue 11, findings 4 and 5).
//! Every hostile file here is generated, none committed; what is stored and served is read
//! again by an independent PDF reader, qpdf.

use std::io::Write;

use crate::helpers::*;
use crate::pages::{csrf_of, logged_in, page};
use crate::uploads::assert_no_documents;
use reqwest::StatusCode;

/// A PNG of `side × side` pixels, 16-bit RGBA, all zero: 8 bytes per pixel once decoded
/// (392 MB for 7 000 × 7 000), about a thousandth of that on the wire.
pub fn png_bomb(side: u32) -> Vec<u8> {
    fn chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        out.extend_from_slice(&crc.sum().to_be_bytes());
    }
    let mut ihdr = side.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&side.to_be_bytes());
    ihdr.extend_from_slice(&[16, 6, 0, 0, 0]);
    // Each row: filter byte 0, then 8 bytes per pixel.
    let row = vec![0u8; 1 + side as usize * 8];
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    for _ in 0..side {
        z.write_all(&row).unwrap();
    }
    let idat = z.finish().unwrap();
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &idat);
    chunk(&mut out, b"IEND", b"");
    out
}

/// How the object stream of [`objstm_pdf`] presents itself.
#[derive(Clone, Copy)]
pub enum ObjStm {
    /// `/Type /ObjStm`, as writers put it.
    Typed,
    /// No `/Type`: viewers still read it, named as a container by the cross-reference stream.
    Untyped,
}

/// A PDF 1.5 whose catalog (object 1, `catalog` its dictionary) lives in an object stream
/// (object 4) followed by `padding` spaces inside that stream (deflated: 200 MiB of them take
/// about 200 KB), a page showing an image of `image_len` bytes of grey (object 5), and a
/// cross-reference stream (object 6) that names object 4 as the catalog's container.
pub fn objstm_pdf(kind: ObjStm, catalog: &str, padding: usize, image_len: usize) -> Vec<u8> {
    let mut packed = format!("1 0 {catalog}\n").into_bytes();
    let first = 4; // "1 0 " is the header
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(&packed).unwrap();
    let spaces = vec![b' '; 1 << 20];
    let mut left = padding;
    while left > 0 {
        let n = left.min(spaces.len());
        z.write_all(&spaces[..n]).unwrap();
        left -= n;
    }
    packed = z.finish().unwrap();
    let type_entry = match kind {
        ObjStm::Typed => "/Type /ObjStm ",
        ObjStm::Untyped => "",
    };
    let mut out = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = [0usize; 7];
    let mut object = |out: &mut Vec<u8>, n: usize, head: &str, data: Option<&[u8]>| {
        offsets[n] = out.len();
        out.extend_from_slice(format!("{n} 0 obj\n{head}").as_bytes());
        if let Some(data) = data {
            out.extend_from_slice(b"\nstream\n");
            out.extend_from_slice(data);
            out.extend_from_slice(b"\nendstream");
        }
        out.extend_from_slice(b"\nendobj\n");
    };
    object(
        &mut out,
        2,
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        None,
    );
    object(
        &mut out,
        3,
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 7 0 R >>",
        None,
    );
    object(
        &mut out,
        4,
        &format!(
            "<< {type_entry}/N 1 /First {first} /Filter /FlateDecode /Length {} >>",
            packed.len()
        ),
        Some(&packed),
    );
    let width = 1000;
    let image = vec![0x80u8; image_len.div_ceil(width) * width];
    object(
        &mut out,
        5,
        &format!(
            "<< /Type /XObject /Subtype /Image /Width {width} /Height {} /BitsPerComponent 8 /ColorSpace /DeviceGray /Length {} >>",
            image.len() / width,
            image.len()
        ),
        Some(&image),
    );
    let content = b"q 595 0 0 842 0 0 cm /Im1 Do Q";
    let content_offset = out.len();
    out.extend_from_slice(format!("7 0 obj\n<< /Length {} >>\nstream\n", content.len()).as_bytes());
    out.extend_from_slice(content);
    out.extend_from_slice(b"\nendstream\nendobj\n");
    // The cross-reference stream: 8 entries of (type, offset or container, index), widths 1 4 2.
    let xref_offset = out.len();
    offsets[6] = xref_offset;
    let mut entries = Vec::new();
    let mut entry = |t: u8, a: usize, b: u16| {
        entries.push(t);
        entries.extend_from_slice(&(a as u32).to_be_bytes());
        entries.extend_from_slice(&b.to_be_bytes());
    };
    entry(0, 0, 0xffff);
    entry(2, 4, 0); // object 1: the first object of object stream 4
    for offset in &offsets[2..=6] {
        entry(1, *offset, 0);
    }
    entry(1, content_offset, 0);
    out.extend_from_slice(
        format!(
            "6 0 obj\n<< /Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R /Length {} >>\nstream\n",
            entries.len()
        )
        .as_bytes(),
    );
    out.extend_from_slice(&entries);
    out.extend_from_slice(
        format!("\nendstream\nendobj\nstartxref\n{xref_offset}\n%%EOF\n").as_bytes(),
    );
    out
}

/// A 200 KB PDF whose object stream inflates to 200 MiB.
pub fn pdf_bomb() -> Vec<u8> {
    objstm_pdf(
        ObjStm::Typed,
        "<< /Type /Catalog /Pages 2 0 R >>",
        200 << 20,
        1000,
    )
}

const SCRIPTED_CATALOG: &str =
    "<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> >>";

/// What qpdf, reading `pdf` on its own, finds of active content: the names of
/// [`consigne_media::ACTIVE_NAMES`] among every object's keys and values (object streams
/// expanded, stream data left out), and the number of pages.
pub fn qpdf_reads(pdf: &[u8]) -> (Vec<String>, u64) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.pdf");
    std::fs::write(&path, pdf).unwrap();
    let json = std::process::Command::new("qpdf")
        .args(["--json=2", "--json-stream-data=none"])
        .arg(&path)
        .output()
        .expect("qpdf is installed (scripts/test-all installs it)");
    // 0: fine, 3: read with warnings (still read as a viewer would).
    assert!(
        matches!(json.status.code(), Some(0 | 3)),
        "qpdf could not read the file: {}",
        String::from_utf8_lossy(&json.stderr)
    );
    let text = String::from_utf8(json.stdout).unwrap();
    let found = consigne_media::ACTIVE_NAMES
        .iter()
        .map(|n| format!("\"/{}\"", String::from_utf8_lossy(n)))
        .filter(|n| text.contains(n.as_str()))
        .collect();
    let pages = std::process::Command::new("qpdf")
        .arg("--show-npages")
        .arg(&path)
        .output()
        .unwrap();
    let pages = String::from_utf8_lossy(&pages.stdout)
        .trim()
        .parse()
        .unwrap_or(0);
    (found, pages)
}

#[tokio::test]
async fn image_and_pdf_bombs_are_refused_before_decoding() {
    let w = World::new().await;
    let png = png_bomb(7000);
    assert!(png.len() < 1024 * 1024, "a small file: {}", png.len());
    let r = w.t.upload(&w.person, &w.bid, png, "photo.png", None).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.text);
    assert_eq!(r.code(), "too_many_pixels");
    assert!(
        r.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("pixels")
    );

    let pdf = pdf_bomb();
    assert!(pdf.len() < 400 * 1024, "a small file: {}", pdf.len());
    let r =
        w.t.upload(&w.person, &w.bid, pdf, "dossier.pdf", None)
            .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.text);
    assert_eq!(r.code(), "pdf_too_complex");

    // The same object stream in a 17 MB PDF, which the streaming check reads: bounded too.
    let large = objstm_pdf(
        ObjStm::Typed,
        "<< /Type /Catalog /Pages 2 0 R >>",
        200 << 20,
        17 << 20,
    );
    assert!(large.len() > w.t.app.config.storage.in_memory_bytes());
    let r =
        w.t.upload(&w.person, &w.bid, large, "dossier.pdf", None)
            .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.text);
    assert_eq!(r.code(), "pdf_too_complex");
    assert_no_documents(&w).await;
}

#[tokio::test]
async fn the_bounds_are_configurable() {
    // A 2 000 × 2 000 16-bit RGBA PNG is 32 MB decoded: refused under a 16 MB limit, accepted
    // under the default. A PDF whose object stream inflates to 8 MiB: refused under 4 MiB.
    let w = World::with(|c| {
        c.media.max_image_mb = 16;
        c.media.max_pdf_inflated_mb = 4;
    })
    .await;
    let r =
        w.t.upload(&w.person, &w.bid, png_bomb(2000), "p.png", None)
            .await;
    assert_eq!(r.code(), "too_many_pixels", "{}", r.text);
    let pdf = objstm_pdf(
        ObjStm::Typed,
        "<< /Type /Catalog /Pages 2 0 R >>",
        8 << 20,
        1000,
    );
    let r =
        w.t.upload(&w.person, &w.bid, pdf.clone(), "d.pdf", None)
            .await;
    assert_eq!(r.code(), "pdf_too_complex", "{}", r.text);
    assert_no_documents(&w).await;

    let w = World::new().await;
    let r =
        w.t.upload(&w.person, &w.bid, png_bomb(2000), "p.png", None)
            .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let r = w.t.upload(&w.person, &w.bid, pdf, "d.pdf", None).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
}

#[tokio::test]
async fn a_bomb_among_the_scan_forms_photos_is_refused() {
    let w = World::new().await;
    let person = logged_in(&w.t, &w.identifier, PERSON_PASSWORD).await;
    let (_, _, html) = page(&person, &w.t, "/documents").await;
    let form = reqwest::multipart::Form::new()
        .text("_csrf", csrf_of(&html))
        .part(
            "file",
            reqwest::multipart::Part::bytes(jpeg(40, 60)).file_name("p1.jpg"),
        )
        .part(
            "file",
            reqwest::multipart::Part::bytes(png_bomb(7000)).file_name("p2.png"),
        );
    let r = person
        .post(w.t.url("/documents/scan"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(r.text().await.unwrap().contains("mégapixels"));
    assert_no_documents(&w).await;
}

#[tokio::test]
async fn a_large_pdf_hiding_a_script_in_an_untyped_object_stream_is_refused() {
    let w = World::new().await;
    // 17 MB: past `storage.in_memory_mb`, so it goes through the streaming check.
    let pdf = objstm_pdf(ObjStm::Untyped, SCRIPTED_CATALOG, 0, 17 << 20);
    assert!(pdf.len() > w.t.app.config.storage.in_memory_bytes());
    // The attack: a reader finds the script (the check used to skip this stream).
    let (active, pages) = qpdf_reads(&pdf);
    assert!(active.contains(&"\"/JavaScript\"".to_owned()), "{active:?}");
    assert_eq!(pages, 1);
    let r =
        w.t.upload(&w.person, &w.bid, pdf, "dossier.pdf", None)
            .await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{}", r.text);
    assert_eq!(r.code(), "pdf_not_checkable");
    assert_no_documents(&w).await;
}

#[tokio::test]
async fn a_small_pdf_hiding_a_script_in_an_untyped_object_stream_is_stored_without_it() {
    let w = World::new().await;
    for kind in [ObjStm::Untyped, ObjStm::Typed] {
        let pdf = objstm_pdf(kind, SCRIPTED_CATALOG, 0, 20_000);
        let (active, _) = qpdf_reads(&pdf);
        assert!(active.contains(&"\"/JavaScript\"".to_owned()), "{active:?}");
        let r =
            w.t.upload(&w.person, &w.bid, pdf, "dossier.pdf", None)
                .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        let id = r.json()["id"].as_str().unwrap().to_owned();
        let (status, _, stored) =
            w.t.get_bytes(&format!("/api/v1/documents/{id}/content"), &w.person)
                .await;
        assert_eq!(status, StatusCode::OK);
        let (active, pages) = qpdf_reads(&stored);
        assert!(active.is_empty(), "served with {active:?}");
        assert_eq!(pages, 1, "the page survives");
    }
}

#[tokio::test]
async fn concurrent_photos_wait_for_the_media_budget_rather_than_fail() {
    // A 16 MB budget: each 1 000 × 1 000 16-bit PNG (8 MB decoded) takes all of it to clean,
    // so six sent at once are processed one after the other, and all are stored.
    let w = World::with(|c| c.media.budget_mb = 16).await;
    let png = png_bomb(1000);
    let mut uploads = Vec::new();
    for i in 0..6 {
        let (t, person, bid, png) = (&w.t, &w.person, &w.bid, png.clone());
        uploads.push(async move { t.upload(person, bid, png, &format!("p{i}.png"), None).await });
    }
    for r in futures_util::future::join_all(uploads).await {
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    }
    // One whose cleaning would need more than the whole budget is refused.
    let r =
        w.t.upload(&w.person, &w.bid, png_bomb(1500), "big.png", None)
            .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.text);
    assert_eq!(r.code(), "too_many_pixels");
}
