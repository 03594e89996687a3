//! The assembled file: read back by lopdf and by qpdf, an independent reader (installed by
//! `scripts/test-all`): 1 + Σ pages, one bookmark per piece, the page numbers and the watermark
//! on every page, inherited resources kept, images as pages, bad pieces refused.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{jpeg, png, save, simple_pdf};
use consigne_media::{Assembler, CoverLine, CoverStyle, Limits, MediaError, page_count};
use lopdf::{Document, Object, Stream, dictionary};

/// A PDF whose pages inherit their resources and media box from the page tree (a common
/// layout of scanners' and office suites' output).
fn inheriting_pdf(pages: usize) -> Vec<u8> {
    let mut doc = Document::with_version("1.4");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Times-Roman",
    });
    let mut kids = Vec::new();
    for i in 0..pages {
        let content = format!("BT /T1 18 Tf 72 700 Td (Inherited page {}) Tj ET", i + 1);
        let content_id = doc.add_object(Stream::new(dictionary! {}, content.into_bytes()));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        });
        kids.push(Object::Reference(page_id));
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => pages as i64,
            "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
            "Resources" => dictionary! { "Font" => dictionary! { "T1" => font_id } },
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    save(&mut doc)
}

fn cover() -> Vec<CoverLine> {
    let mut lines = vec![
        CoverLine::new(CoverStyle::Title, "Dossier RSA"),
        CoverLine::new(CoverStyle::Text, "Élodie Durand, née le 14/02/1990"),
        CoverLine::new(CoverStyle::Heading, "Pièces"),
    ];
    for i in 0..3 {
        lines.push(CoverLine::new(
            CoverStyle::Text,
            format!("{}. Pièce d'identité", i + 1),
        ));
        lines.push(CoverLine::new(CoverStyle::Hash, "ab".repeat(32)));
    }
    lines.push(CoverLine::new(
        CoverStyle::Missing,
        "Justificatif de domicile",
    ));
    lines
}

fn assemble(pieces: &[(&str, Vec<u8>)], watermark: Option<&str>) -> Vec<u8> {
    let limits = Limits::default();
    let total = 1 + pieces
        .iter()
        .map(|(_, b)| page_count(b, &limits).unwrap())
        .sum::<u32>();
    let mut a = Assembler::new(Vec::new(), total, "p.", watermark, &limits).unwrap();
    a.cover(&cover()).unwrap();
    for (title, bytes) in pieces {
        a.add(title, bytes).unwrap();
    }
    let (out, done) = a.finish().unwrap();
    assert_eq!(done.pages, total);
    assert_eq!(done.bytes, out.len() as u64);
    out
}

/// Every page's content streams, decoded and joined.
fn page_texts(doc: &Document) -> Vec<String> {
    doc.get_pages()
        .values()
        .map(|id| String::from_utf8_lossy(&doc.get_page_content(*id)).into_owned())
        .collect()
}

fn qpdf_json(pdf: &[u8]) -> serde_json::Value {
    let dir = std::env::temp_dir().join(format!("consigne-assemble-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{}.pdf", pdf.len()));
    std::fs::write(&path, pdf).unwrap();
    let check = std::process::Command::new("qpdf")
        .arg("--check")
        .arg(&path)
        .output()
        .expect("qpdf is installed (scripts/test-all installs it)");
    assert!(
        check.status.success(),
        "qpdf --check: {}",
        String::from_utf8_lossy(&check.stdout)
    );
    let json = std::process::Command::new("qpdf")
        .args(["--json", "--json-key=pages", "--json-key=outlines"])
        .arg(&path)
        .output()
        .unwrap();
    std::fs::remove_file(&path).ok();
    serde_json::from_slice(&json.stdout).unwrap()
}

#[test]
fn a_cover_then_every_piece_with_bookmarks_numbers_and_the_watermark() {
    let (mut three, _) = simple_pdf(3);
    let pieces = vec![
        ("Carte d'identité", save(&mut three)),
        ("Avis d'impôt", inheriting_pdf(2)),
        ("Photo du RIB", jpeg(400, 300)),
        ("Attestation (PNG)", png(300, 500)),
    ];
    let watermark = "Copie pour la CAF, 2 décembre 2026";
    let pdf = assemble(&pieces, Some(watermark));

    let doc = Document::load_mem(&pdf).unwrap();
    assert_eq!(doc.get_pages().len(), 1 + 3 + 2 + 1 + 1);
    let texts = page_texts(&doc);
    // "p. n / 8" on every page; the watermark (WinAnsi: é is \351) on every page.
    for (i, text) in texts.iter().enumerate() {
        assert!(
            text.contains(&format!("(p. {} / 8)", i + 1)),
            "page {}: {text}",
            i + 1
        );
        assert!(
            text.contains("(Copie pour la CAF, 2 d\\351cembre 2026)"),
            "page {}",
            i + 1
        );
    }
    // The pieces' own contents are still there, wrapped in q ... Q.
    assert!(texts[1].contains("(Page 1) Tj"));
    assert!(texts[4].contains("(Inherited page 1) Tj"));
    assert!(texts[0].contains("(Dossier RSA) Tj"));
    assert!(texts[0].contains("([ ! ] Justificatif de domicile) Tj"));

    // qpdf, on its own: the structure is sound, 8 pages, one bookmark per piece pointing at
    // the piece's first page, the inherited page's media box kept.
    let json = qpdf_json(&pdf);
    let pages = json["pages"].as_array().unwrap();
    assert_eq!(pages.len(), 8);
    let outlines = json["outlines"].as_array().unwrap();
    let titles: Vec<&str> = outlines
        .iter()
        .map(|o| o["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Carte d'identité",
            "Avis d'impôt",
            "Photo du RIB",
            "Attestation (PNG)"
        ]
    );
    let first_pages: Vec<&str> = outlines
        .iter()
        .map(|o| o["destpageposfrom1"].to_string())
        .map(|s| match s.as_str() {
            "2" => "2",
            "5" => "5",
            "7" => "7",
            "8" => "8",
            other => panic!("unexpected destination {other}"),
        })
        .collect();
    assert_eq!(first_pages, ["2", "5", "7", "8"]);
    let inherited = &doc.get_pages()[&5];
    let page = doc.get_dictionary(*inherited).unwrap();
    let media: Vec<i64> = page
        .get(b"MediaBox")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o.as_i64().unwrap())
        .collect();
    assert_eq!(media, [0, 0, 612, 792]);
    // Its own font is still in its resources, beside the file's.
    let resources = page.get(b"Resources").unwrap().as_dict().unwrap();
    let fonts = resources.get(b"Font").unwrap().as_dict().unwrap();
    assert!(fonts.has(b"T1") && fonts.has(b"CgHelv"));
}

#[test]
fn without_a_watermark_nothing_is_written_across_the_pages() {
    let (mut one, _) = simple_pdf(1);
    let pdf = assemble(&[("Seule pièce", save(&mut one))], None);
    let doc = Document::load_mem(&pdf).unwrap();
    let texts = page_texts(&doc);
    assert_eq!(texts.len(), 2);
    assert!(texts.iter().all(|t| !t.contains("Tm")), "no rotated text");
    assert!(texts[1].contains("(p. 2 / 2)"));
    qpdf_json(&pdf);
}

#[test]
fn a_piece_that_is_not_a_pdf_nor_an_image_is_refused_and_the_file_goes_on() {
    let limits = Limits::default();
    let mut a = Assembler::new(Vec::new(), 2, "p.", None, &limits).unwrap();
    a.cover(&cover()).unwrap();
    assert!(matches!(
        a.add(
            "page web",
            b"<html><body>hello</body></html>".to_vec().as_slice()
        ),
        Err(MediaError::Unsupported { .. })
    ));
    assert_eq!(
        a.add("pdf tronqué", b"%PDF-1.4\n1 0 obj".as_slice()),
        Err(MediaError::Damaged)
    );
    let (mut one, _) = simple_pdf(1);
    assert_eq!(a.add("la bonne", &save(&mut one)).unwrap(), 1);
    let (pdf, done) = a.finish().unwrap();
    assert_eq!(done.pages, 2);
    assert_eq!(qpdf_json(&pdf)["pages"].as_array().unwrap().len(), 2);
}

#[test]
fn a_long_cover_still_fits_on_one_page() {
    let limits = Limits::default();
    let lines: Vec<CoverLine> = (0..120)
        .map(|i| {
            CoverLine::new(
                CoverStyle::Text,
                format!("Ligne {i} d'une couverture très longue"),
            )
        })
        .collect();
    let mut a = Assembler::new(Vec::new(), 1, "p.", Some("copie"), &limits).unwrap();
    a.cover(&lines).unwrap();
    let (pdf, done) = a.finish().unwrap();
    assert_eq!(done.pages, 1);
    let doc = Document::load_mem(&pdf).unwrap();
    let text = &page_texts(&doc)[0];
    assert!(text.contains("(Ligne 119 d'une couverture tr\\350s longue)"));
    // Every line sits above the bottom margin's number.
    for y in text
        .lines()
        .filter(|l| l.contains("Td (Ligne"))
        .map(|l| l.split_whitespace().nth(5).unwrap().parse::<f64>().unwrap())
    {
        assert!(y > 30.0, "{y}");
    }
}
