//! The printed kit (issue 17, item 3): a structure's poster (A4, A3), flyer and pocket cards
//! in every interface language, checked by independent readers: qpdf finds each file sound,
//! pdftotext (poppler) reads back the structure's name, the login address and a sentence of
//! that language (Arabic script shaped and ordered right to left, read back in logical order
//! through the /ToUnicode map), pypdf reads the name and the address too, and zbar decodes the
//! QR code of a page rendered by pdftoppm to the login page's URL.

use crate::helpers::*;
use reqwest::StatusCode;
use serde_json::json;
use std::path::Path;
use std::process::Command;
use unicode_normalization::UnicodeNormalization;

const PUBLIC: &str = "https://consigne.example.org";

/// Text as compared: NFKC (Arabic presentation forms back to letters), without spaces, line
/// breaks or invisible format characters (bidi marks pdftotext adds, ZWNJ of Persian).
fn squash(text: &str) -> String {
    text.nfkc()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(u32::from(*c), 0x061C | 0x200B..=0x200F | 0x202A..=0x202E | 0x2066..=0x2069 | 0xFEFF)
        })
        .collect()
}

fn run(cmd: &str, args: &[&str]) -> std::process::Output {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd} runs (scripts/test-all installs it): {e}"));
    assert!(
        out.status.success(),
        "{cmd} {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The QR codes zbar finds on the first page rendered at `dpi` (cropped to `crop` pixels
/// from the top-left corner when given).
fn qr_codes(pdf: &Path, dpi: u32, crop: Option<(u32, u32)>) -> Vec<String> {
    let prefix = pdf.with_extension("");
    let prefix = prefix.to_str().unwrap();
    let dpi = dpi.to_string();
    let mut args = vec!["-r", &dpi, "-f", "1", "-l", "1", "-singlefile", "-png"];
    let (w, h) = crop
        .map(|(w, h)| (w.to_string(), h.to_string()))
        .unwrap_or_default();
    if crop.is_some() {
        args.extend(["-x", "0", "-y", "0", "-W", &w, "-H", &h]);
    }
    args.extend([pdf.to_str().unwrap(), prefix]);
    run("pdftoppm", &args);
    let png = format!("{prefix}.png");
    let out = run("zbarimg", &["--raw", "-q", &png]);
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}

/// Each file's text as pypdf extracts it.
fn pypdf_texts(paths: &[String]) -> serde_json::Value {
    let script = r#"
import json, sys
from pypdf import PdfReader
paths = json.load(sys.stdin)
print(json.dumps({p: "\n".join(pg.extract_text() or "" for pg in PdfReader(p).pages) for p in paths}))
"#;
    python(script, serde_json::to_string(paths).unwrap().as_bytes())
}

/// A document of the kit as the test reads it: its file, the query, the id of a sentence it
/// prints, the resolution at which its QR code is looked for and the crop of the rendering.
type Printed = (
    &'static str,
    &'static str,
    &'static str,
    u32,
    Option<(u32, u32)>,
);

#[tokio::test]
async fn the_kit_in_every_language_reads_back_and_scans() {
    let w = World::with(|c| c.public_url = PUBLIC.into()).await;
    let t = &w.t;
    let r = t
        .call(
            "PUT",
            &format!("/api/v1/structures/{}/profile", w.s1),
            Some(&w.p1),
            Some(&json!({
                "category": "ccas",
                "postal_address": "12 rue des Tilleuls\n93100 Montreuil",
                "manager_name": "Claire Martin",
                "manager_function": "Directrice",
                "phone": "01 48 70 00 00",
                "email": "accueil@tilleuls.example"
            })),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let catalogs = consigne::i18n::Catalogs::load().unwrap();
    let login_url = format!("{PUBLIC}/login");
    let address = "consigne.example.org/login";
    let dir = tempfile::tempdir().unwrap();
    let documents: [Printed; 4] = [
        ("poster.pdf", "", "kit-title", 60, None),
        ("poster.pdf", "&size=a3", "kit-scan", 45, None),
        ("flyer.pdf", "", "kit-steps-title", 80, None),
        // Ten cards: the first one, at a resolution a phone's camera would give.
        ("card.pdf", "", "kit-card-identifier", 150, Some((700, 450))),
    ];
    let mut files = Vec::new();
    for lang in consigne::i18n::SUPPORTED {
        let locale = consigne::i18n::Locale::new(catalogs.clone(), lang);
        for (i, (file, query, sentence, dpi, crop)) in documents.iter().enumerate() {
            let path = format!("/api/v1/structures/{}/kit/{file}?lang={lang}{query}", w.s1);
            let pdf = t.download(&path, &w.p1, "application/pdf").await;
            let on_disk = dir.path().join(format!("{lang}-{i}.pdf"));
            std::fs::write(&on_disk, &pdf).unwrap();
            let p = on_disk.to_str().unwrap();
            run("qpdf", &["--check", p]);
            let text = run("pdftotext", &[p, "-"]);
            let text = squash(&String::from_utf8_lossy(&text.stdout));
            for (what, expected) in [
                ("the structure's name", squash("Accueil de jour")),
                ("the login address", address.to_owned()),
                ("a sentence", squash(&locale.t(sentence))),
            ] {
                assert!(
                    text.contains(&expected),
                    "{lang} {file}{query}: {what} {expected:?} not in {text:?}"
                );
            }
            if *file != "card.pdf" {
                assert!(text.contains("0148700000"), "{lang} {file}: the phone");
            }
            let codes = qr_codes(&on_disk, *dpi, *crop);
            assert!(!codes.is_empty(), "{lang} {file}{query}: no QR code found");
            assert!(
                codes.iter().all(|c| *c == login_url),
                "{lang} {file}: {codes:?}"
            );
            files.push(p.to_owned());
        }
    }
    // pypdf, another reader, finds the name and the address in every file.
    let texts = pypdf_texts(&files);
    for f in &files {
        let text = squash(texts[f].as_str().unwrap());
        assert!(text.contains("Accueildejour"), "pypdf {f}: {text}");
        assert!(text.contains(address), "pypdf {f}: {text}");
    }
}

#[tokio::test]
async fn the_kit_refuses_what_it_does_not_know() {
    let w = World::new().await;
    let t = &w.t;
    let base = format!("/api/v1/structures/{}/kit", w.s1);
    for (path, status, code) in [
        (
            format!("{base}/poster.pdf?lang=xx"),
            422,
            "unsupported_language",
        ),
        (format!("{base}/poster.pdf?size=a0"), 422, "unknown_size"),
        (format!("{base}/leaflet.pdf"), 404, "not_found"),
        (format!("{base}/poster"), 404, "not_found"),
    ] {
        let r = t.get(&path, Some(&w.p1)).await;
        assert_eq!(r.status.as_u16(), status, "{path}: {}", r.text);
        assert_eq!(r.code(), code, "{path}");
    }
    // Without `lang`, the caller's own language; the poster is A4 by default, A3 on demand.
    let a4 = t
        .download(&format!("{base}/poster.pdf"), &w.p1, "application/pdf")
        .await;
    let a3 = t
        .download(
            &format!("{base}/poster.pdf?size=a3"),
            &w.p1,
            "application/pdf",
        )
        .await;
    let size = |pdf: &[u8]| {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("p.pdf");
        std::fs::write(&p, pdf).unwrap();
        let out = run("pdfinfo", &[p.to_str().unwrap()]);
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .find(|l| l.starts_with("Page size:"))
            .unwrap()
            .to_owned()
    };
    assert!(size(&a4).contains("(A4)"), "{}", size(&a4));
    assert!(size(&a3).contains("(A3)"), "{}", size(&a3));
}
