//! PDF sanitising and photos-to-PDF scanning.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{contains, save, simple_pdf};
use consigne_media::{Limits, MediaError, PdfCheck, images_to_pdf, pdf_is_clean, sanitize_pdf};
use lopdf::{
    Document, EncryptionState, EncryptionVersion, Object, Permissions, Stream, StringFormat,
    dictionary,
};

const MARKER: &[u8] = b"CONSIGNE-JS-MARKER-42b7";
const ATTACHMENT_MARKER: &[u8] = b"CONSIGNE-ATTACHMENT-MARKER-9e1";

/// A three-page document full of active content.
fn hostile_pdf() -> Document {
    let (mut doc, pages) = simple_pdf(3);
    let js = |code: &[u8]| {
        dictionary! {
            "Type" => "Action",
            "S" => "JavaScript",
            "JS" => Object::String([b"app.alert('".as_slice(), code, b"');"].concat(), StringFormat::Literal),
        }
    };
    // Catalog /OpenAction → indirect JavaScript action.
    let open_js = doc.add_object(js(MARKER));
    // JavaScript name tree whose action keeps its code in a stream.
    let js_stream = doc.add_object(Stream::new(
        dictionary! {},
        [
            b"this.exportDataObject({cName: '".as_slice(),
            MARKER,
            b"'});",
        ]
        .concat(),
    ));
    let named_js = doc.add_object(dictionary! { "S" => "JavaScript", "JS" => js_stream });
    // An embedded file, its file specification and the /EmbeddedFiles name tree.
    let embedded = doc.add_object(Stream::new(
        dictionary! { "Type" => "EmbeddedFile", "Subtype" => "application/x-msdownload" },
        [b"MZ payload ".as_slice(), ATTACHMENT_MARKER].concat(),
    ));
    let filespec = doc.add_object(dictionary! {
        "Type" => "Filespec",
        "F" => Object::string_literal("invoice.exe"),
        "UF" => Object::string_literal("invoice.exe"),
        "EF" => dictionary! { "F" => embedded },
    });
    let catalog_id = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
    let xfa = doc.add_object(Stream::new(
        dictionary! {},
        b"<xdp:xdp><script>x()</script></xdp:xdp>".to_vec(),
    ));
    {
        let catalog = doc.get_dictionary_mut(catalog_id).unwrap();
        catalog.set("OpenAction", open_js);
        catalog.set("AA", dictionary! { "WC" => js(MARKER) });
        catalog.set(
            "Names",
            dictionary! {
                "JavaScript" => dictionary! { "Names" => vec![Object::string_literal("init"), named_js.into()] },
                "EmbeddedFiles" => dictionary! { "Names" => vec![Object::string_literal("invoice.exe"), filespec.into()] },
            },
        );
        catalog.set(
            "AcroForm",
            dictionary! { "Fields" => Vec::<Object>::new(), "XFA" => xfa },
        );
    }
    // Page 1: /AA with a JavaScript open action.
    doc.get_dictionary_mut(pages[0])
        .unwrap()
        .set("AA", dictionary! { "O" => js(MARKER), "C" => js(b"close") });
    // Page 2: annotations — a Launch link, a file attachment, a web link, an SMB link, a GoTo link.
    let launch = doc.add_object(dictionary! {
        "Type" => "Annot", "Subtype" => "Link",
        "Rect" => vec![0.into(), 0.into(), 100.into(), 100.into()],
        "A" => dictionary! { "S" => "Launch", "F" => Object::string_literal("cmd.exe"), "NewWindow" => true },
    });
    let attachment = doc.add_object(dictionary! {
        "Type" => "Annot", "Subtype" => "FileAttachment",
        "Rect" => vec![0.into(), 100.into(), 20.into(), 120.into()],
        "FS" => filespec,
    });
    let web = doc.add_object(dictionary! {
        "Type" => "Annot", "Subtype" => "Link",
        "Rect" => vec![0.into(), 200.into(), 100.into(), 220.into()],
        "A" => dictionary! { "S" => "URI", "URI" => Object::string_literal("https://example.org/help") },
    });
    let smb_action = doc.add_object(
        dictionary! { "S" => "URI", "URI" => Object::string_literal("file://attacker/share") },
    );
    let smb = doc.add_object(dictionary! {
        "Type" => "Annot", "Subtype" => "Link",
        "Rect" => vec![0.into(), 300.into(), 100.into(), 320.into()],
        "A" => smb_action,
    });
    let goto = doc.add_object(dictionary! {
        "Type" => "Annot", "Subtype" => "Link",
        "Rect" => vec![0.into(), 400.into(), 100.into(), 420.into()],
        "Dest" => vec![pages[0].into(), "Fit".into()],
    });
    let annots = doc.add_object(vec![
        Object::from(launch),
        attachment.into(),
        web.into(),
        smb.into(),
        goto.into(),
    ]);
    doc.get_dictionary_mut(pages[1])
        .unwrap()
        .set("Annots", annots);
    doc
}

fn page_count(bytes: &[u8]) -> usize {
    Document::load_mem(bytes).unwrap().get_pages().len()
}

fn assert_clean(out: &[u8]) {
    for needle in [
        b"/JavaScript".as_slice(),
        b"/JS",
        b"/Launch",
        b"/EmbeddedFile",
        b"/AA",
        b"/OpenAction",
        b"/XFA",
        b"/FileAttachment",
        b"file://",
        MARKER,
        ATTACHMENT_MARKER,
    ] {
        assert!(
            !contains(out, needle),
            "{} survived",
            String::from_utf8_lossy(needle)
        );
    }
}

#[test]
fn active_content_is_removed() {
    let source = save(&mut hostile_pdf());
    assert!(
        contains(&source, MARKER)
            && contains(&source, b"/Launch")
            && contains(&source, b"/EmbeddedFiles")
    );

    let (out, report) = sanitize_pdf(&source, &Limits::default()).unwrap();
    assert_clean(&out);
    assert_eq!(page_count(&out), 3);
    // Text, the web link and the internal link stay.
    assert!(contains(&out, b"(Page 2) Tj"));
    assert!(contains(&out, b"https://example.org/help"));
    assert!(contains(&out, b"/Dest"));
    let doc = Document::load_mem(&out).unwrap();
    let page2 = doc.get_pages()[&2];
    let annots = doc.get_page_annotations(page2).unwrap();
    assert_eq!(annots.len(), 4, "only the file attachment annotation goes");

    let report = report.removed.join("\n");
    for expected in [
        "/OpenAction (1)",
        "JavaScript action",
        "/AA additional actions (2)",
        "Launch action (1)",
        "/EmbeddedFiles name tree (1)",
        "/JavaScript name tree (1)",
        "FileAttachment annotation (1)",
        "URI action to a non-web target (1)",
        "/XFA form (1)",
    ] {
        assert!(
            report.contains(expected),
            "report lacks {expected:?}:\n{report}"
        );
    }

    // Sanitising is idempotent: a second pass finds nothing more.
    if let Ok(dir) = std::env::var("CONSIGNE_DUMP_DIR") {
        std::fs::write(format!("{dir}/hostile.pdf"), &source).unwrap();
        std::fs::write(format!("{dir}/hostile-clean.pdf"), &out).unwrap();
    }
    let (again, report) = sanitize_pdf(&out, &Limits::default()).unwrap();
    assert_eq!(report.removed, Vec::<String>::new());
    assert_eq!(page_count(&again), 3);
}

#[test]
fn active_content_in_object_streams_is_removed() {
    let mut doc = hostile_pdf();
    let mut source = Vec::new();
    doc.save_modern(&mut source).unwrap();
    assert!(contains(&source, b"/ObjStm"));
    let (out, _) = sanitize_pdf(&source, &Limits::default()).unwrap();
    assert_clean(&out);
    assert_eq!(page_count(&out), 3);
}

/// Issue 11, finding 5: an object stream whose dictionary does not say `/Type /ObjStm` is
/// still expanded (a viewer reads it through the cross-reference stream) and cleaned.
#[test]
fn active_content_in_untyped_object_streams_is_removed() {
    let mut source = Vec::new();
    hostile_pdf().save_modern(&mut source).unwrap();
    // Same length, so every offset stays right.
    let typed = source.windows(7).filter(|w| *w == b"/ObjStm").count();
    assert!(typed > 0);
    for i in 0..source.len() - 7 {
        if &source[i..i + 7] == b"/ObjStm" {
            source[i..i + 7].copy_from_slice(b"/Foobar");
        }
    }
    let (out, _) = sanitize_pdf(&source, &Limits::default()).unwrap();
    assert_clean(&out);
    assert_eq!(page_count(&out), 3);
}

#[test]
fn object_stream_bombs_are_refused_before_parsing() {
    let mut doc = simple_pdf(1).0;
    // A title of 2 MiB of spaces, in an object stream: it deflates to a few KB.
    let title = doc.add_object(Object::string_literal(vec![b' '; 2 << 20]));
    doc.trailer.set("Info", dictionary! { "Title" => title });
    let mut source = Vec::new();
    doc.save_modern(&mut source).unwrap();
    assert!(source.len() < 100_000, "{}", source.len());
    let small = Limits {
        max_pdf_inflated: 1 << 20,
        ..Limits::default()
    };
    assert_eq!(sanitize_pdf(&source, &small), Err(MediaError::TooComplex));
    assert_eq!(
        consigne_media::cost(&source, &small),
        Err(MediaError::TooComplex)
    );
    assert!(sanitize_pdf(&source, &Limits::default()).is_ok());
    // Millions of tiny objects cost more to parse than their bytes: counted, and refused
    // past the working memory.
    let tight = Limits {
        max_work_bytes: 4 << 20,
        ..Limits::default()
    };
    let mut doc = simple_pdf(1).0;
    let numbers = doc.add_object(Object::Array(vec![Object::Integer(0); 100_000]));
    doc.trailer.set("Numbers", numbers);
    let source = save(&mut doc);
    assert_eq!(
        consigne_media::cost(&source, &tight),
        Err(MediaError::TooComplex)
    );
    assert_eq!(sanitize_pdf(&source, &tight), Err(MediaError::TooComplex));
    assert!(consigne_media::cost(&source, &Limits::default()).is_ok());
}

#[test]
fn clean_pdf_round_trips() {
    let source = save(&mut simple_pdf(2).0);
    let (out, report) = sanitize_pdf(&source, &Limits::default()).unwrap();
    assert!(report.removed.is_empty(), "{:?}", report.removed);
    assert_eq!(page_count(&out), 2);
    assert!(contains(&out, b"(Page 1) Tj"));
}

#[test]
fn damaged_pdfs_are_damaged() {
    assert_eq!(
        sanitize_pdf(b"", &Limits::default()),
        Err(MediaError::Damaged)
    );
    assert_eq!(
        sanitize_pdf(b"garbage, not a pdf", &Limits::default()),
        Err(MediaError::Damaged)
    );
    assert_eq!(
        sanitize_pdf(b"%PDF-1.7\n garbage garbage", &Limits::default()),
        Err(MediaError::Damaged)
    );
    let source = save(&mut simple_pdf(1).0);
    assert_eq!(
        sanitize_pdf(&source[..20], &Limits::default()),
        Err(MediaError::Damaged)
    );
    // A document without pages is not a document.
    let mut doc = Document::with_version("1.5");
    let pages = doc.add_object(
        dictionary! { "Type" => "Pages", "Kids" => Vec::<Object>::new(), "Count" => 0 },
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
    doc.trailer.set("Root", catalog);
    assert_eq!(
        sanitize_pdf(&save(&mut doc), &Limits::default()),
        Err(MediaError::Damaged)
    );
}

fn encrypted(user_password: &str) -> Vec<u8> {
    let (mut doc, _) = simple_pdf(2);
    doc.trailer.set(
        "ID",
        vec![
            Object::String(b"0123456789abcdef".to_vec(), StringFormat::Hexadecimal),
            Object::String(b"0123456789abcdef".to_vec(), StringFormat::Hexadecimal),
        ],
    );
    let version = EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner-secret",
        user_password,
        key_length: 128,
        permissions: Permissions::PRINTABLE,
    };
    let state = EncryptionState::try_from(version).unwrap();
    doc.encrypt(&state).unwrap();
    save(&mut doc)
}

#[test]
fn password_protected_pdf_is_refused() {
    let source = encrypted("user-secret");
    assert!(contains(&source, b"/Encrypt"));
    assert_eq!(
        sanitize_pdf(&source, &Limits::default()),
        Err(MediaError::Unsupported {
            detected: "encrypted-pdf"
        })
    );
}

#[test]
fn empty_password_pdf_is_decrypted() {
    let source = encrypted("");
    assert!(contains(&source, b"/Encrypt"));
    assert!(!contains(&source, b"(Page 1) Tj"));
    let (out, report) = sanitize_pdf(&source, &Limits::default()).unwrap();
    assert!(!contains(&out, b"/Encrypt"));
    assert!(contains(&out, b"(Page 1) Tj"));
    assert_eq!(page_count(&out), 2);
    assert!(
        report.removed.iter().any(|r| r.starts_with("encryption")),
        "{:?}",
        report.removed
    );
}

#[test]
fn photos_become_one_pdf_in_order() {
    let photos = vec![
        common::jpeg(40, 20),
        common::png_rgba(20, 60),
        common::webp(33, 33),
    ];
    let out = images_to_pdf(&photos, &Limits::default()).unwrap();
    assert!(out.starts_with(b"%PDF-"));
    let doc = Document::load_mem(&out).unwrap();
    let pages = doc.get_pages();
    assert_eq!(pages.len(), 3);
    let expected = [(40, 20), (20, 60), (33, 33)];
    for (number, (w, h)) in (1..=3).zip(expected) {
        let images = doc.get_page_images(pages[&number]).unwrap();
        assert_eq!(images.len(), 1, "page {number}");
        let image = &images[0];
        assert_eq!((image.width, image.height), (w, h), "page {number}");
        assert_eq!(
            image.filters.as_deref(),
            Some(&["DCTDecode".to_string()][..])
        );
        assert!(image.content.starts_with(&[0xFF, 0xD8, 0xFF]));
        // Page keeps the photo's aspect ratio, longest side 842 pt.
        let media_box = doc
            .get_dictionary(pages[&number])
            .unwrap()
            .get(b"MediaBox")
            .unwrap()
            .as_array()
            .unwrap();
        let (pw, ph) = (
            media_box[2].as_i64().unwrap(),
            media_box[3].as_i64().unwrap(),
        );
        assert_eq!(pw.max(ph), 842);
        assert!(
            ((pw * h) - (ph * w)).abs() <= w.max(h),
            "page {number}: {pw}x{ph}"
        );
    }
}

#[test]
fn photos_are_sanitised_and_turned_upright() {
    let photo = common::jpeg_with_metadata(
        &common::jpeg(40, 20),
        &common::exif_block(6, b"GPS-SECRET-MARKER"),
        b"COMMENT-SECRET",
    );
    let out = images_to_pdf(&[photo], &Limits::default()).unwrap();
    assert!(!contains(&out, b"GPS-SECRET-MARKER"));
    assert!(!contains(&out, b"COMMENT-SECRET"));
    assert!(!contains(&out, b"Exif"));
    let doc = Document::load_mem(&out).unwrap();
    let images = doc.get_page_images(doc.get_pages()[&1]).unwrap();
    assert_eq!((images[0].width, images[0].height), (20, 40));
}

#[test]
fn scanning_refuses_bad_input() {
    let limits = Limits::default();
    assert_eq!(
        images_to_pdf(&[], &limits),
        Err(MediaError::Unsupported { detected: "empty" })
    );
    let pdf = save(&mut simple_pdf(1).0);
    assert_eq!(
        images_to_pdf(&[common::jpeg(10, 10), pdf], &limits),
        Err(MediaError::Unsupported { detected: "pdf" })
    );
    assert_eq!(
        images_to_pdf(&[common::jpeg(10, 10), b"junk".to_vec()], &limits),
        Err(MediaError::Damaged)
    );
}

fn large_check(bytes: &[u8]) -> Result<(), MediaError> {
    let mut check = PdfCheck::new();
    for part in bytes.chunks(1000) {
        check.update(part)?;
    }
    check.finish()
}

const ACTIVE: MediaError = MediaError::Unsupported {
    detected: "pdf-active-content",
};

#[test]
fn large_pdf_check_accepts_what_writers_produce() {
    // Classic cross-reference table, and object streams with a cross-reference stream.
    let classic = save(&mut simple_pdf(3).0);
    assert_eq!(large_check(&classic), Ok(()));
    let mut modern = Vec::new();
    simple_pdf(3).0.save_modern(&mut modern).unwrap();
    assert!(contains(&modern, b"/ObjStm"));
    assert_eq!(large_check(&modern), Ok(()));
    // What the in-memory sanitiser writes passes too.
    let (clean, _) = sanitize_pdf(&save(&mut hostile_pdf()), &Limits::default()).unwrap();
    assert_eq!(large_check(&clean), Ok(()));
    // So does a scan.
    let scan = images_to_pdf(&[common::jpeg(64, 48)], &Limits::default()).unwrap();
    assert_eq!(large_check(&scan), Ok(()));
}

#[test]
fn large_pdf_check_refuses_active_content_in_both_layouts() {
    assert_eq!(large_check(&save(&mut hostile_pdf())), Err(ACTIVE));
    let mut modern = Vec::new();
    hostile_pdf().save_modern(&mut modern).unwrap();
    assert_eq!(large_check(&modern), Err(ACTIVE));
    assert_eq!(
        large_check(&encrypted("")),
        Err(MediaError::Unsupported {
            detected: "encrypted-pdf"
        })
    );
    assert_eq!(large_check(b"garbage, not a pdf"), Err(MediaError::Damaged));
}

#[test]
fn only_pdfs_with_something_to_remove_are_rewritten() {
    let limits = Limits::default();
    // Kept byte for byte: what writers produce, a scan, what the sanitiser writes.
    let classic = save(&mut simple_pdf(2).0);
    assert!(pdf_is_clean(&classic, &limits));
    let mut modern = Vec::new();
    simple_pdf(2).0.save_modern(&mut modern).unwrap();
    assert!(pdf_is_clean(&modern, &limits));
    let scan = images_to_pdf(&[common::jpeg(64, 48)], &limits).unwrap();
    assert!(pdf_is_clean(&scan, &limits));
    let (clean, _) = sanitize_pdf(&save(&mut hostile_pdf()), &limits).unwrap();
    assert!(pdf_is_clean(&clean, &limits));
    // Rewritten: active content (in both layouts), an empty-password encryption, a file the
    // parser must repair.
    assert!(!pdf_is_clean(&save(&mut hostile_pdf()), &limits));
    let mut hostile_modern = Vec::new();
    hostile_pdf().save_modern(&mut hostile_modern).unwrap();
    assert!(!pdf_is_clean(&hostile_modern, &limits));
    assert!(!pdf_is_clean(&encrypted(""), &limits));
    assert!(!pdf_is_clean(&classic[..classic.len() - 10], &limits));
    assert!(!pdf_is_clean(b"garbage, not a pdf", &limits));
}
