//! Type detection: accepted kinds and the refusal vocabulary.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use consigne_media::{DETECTED_NAMES, Kind, MediaError, sniff};

fn refused(head: &[u8]) -> &'static str {
    match sniff(head) {
        Err(MediaError::Unsupported { detected }) => {
            assert!(
                DETECTED_NAMES.contains(&detected),
                "{detected} is not documented"
            );
            detected
        }
        other => panic!(
            "expected a refusal for {:?}, got {other:?}",
            String::from_utf8_lossy(head)
        ),
    }
}

#[test]
fn accepts_images_and_pdf() {
    assert_eq!(sniff(&common::jpeg(8, 8)), Ok(Kind::Jpeg));
    assert_eq!(sniff(&common::png(8, 8)), Ok(Kind::Png));
    assert_eq!(sniff(&common::webp(8, 8)), Ok(Kind::Webp));
    assert_eq!(sniff(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), Ok(Kind::Pdf));
    // Junk before the header, as readers tolerate, within 1024 bytes.
    let mut late = vec![b' '; 500];
    late.extend_from_slice(b"%PDF-1.4\n");
    assert_eq!(sniff(&late), Ok(Kind::Pdf));
    let mut too_late = vec![b'x'; 1100];
    too_late.extend_from_slice(b"%PDF-1.4\n");
    assert_eq!(refused(&too_late), "unknown");
}

#[test]
fn sixteen_bytes_are_enough_for_images() {
    assert_eq!(sniff(&common::jpeg(8, 8)[..16]), Ok(Kind::Jpeg));
    assert_eq!(sniff(&common::png(8, 8)[..16]), Ok(Kind::Png));
    assert_eq!(sniff(&common::webp(8, 8)[..16]), Ok(Kind::Webp));
}

#[test]
fn kind_metadata() {
    assert_eq!(Kind::Jpeg.mime(), "image/jpeg");
    assert_eq!(Kind::Png.extension(), "png");
    assert_eq!(Kind::Webp.mime(), "image/webp");
    assert_eq!(Kind::Pdf.mime(), "application/pdf");
    assert_eq!(Kind::Pdf.extension(), "pdf");
    assert_eq!(Kind::Jpeg.extension(), "jpg");
}

#[test]
fn refuses_html() {
    assert_eq!(refused(b"<!doctype html><html><body>hi"), "html");
    assert_eq!(refused(b"<!DOCTYPE HTML PUBLIC"), "html");
    assert_eq!(refused(b"<html><script>alert(1)</script>"), "html");
    assert_eq!(refused(b"\xEF\xBB\xBF<!doctype html>"), "html");
    assert_eq!(refused(b" \r\n\t <html>"), "html");
    assert_eq!(refused(b"\xEF\xBB\xBF\n\n<HTML>"), "html");
    assert_eq!(refused(b"<script>fetch('/')</script>"), "html");
    assert_eq!(refused(b"<p>any tag</p>"), "html");
    // UTF-16 with BOM.
    assert_eq!(refused(b"\xFF\xFE<\0h\0t\0m\0l\0>\0"), "html");
    // An HTML page carrying a PDF header further down is still HTML.
    assert_eq!(refused(b"<html>%PDF-1.4 polyglot"), "html");
}

#[test]
fn refuses_svg_and_xml() {
    assert_eq!(
        refused(b"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\">"),
        "svg"
    );
    assert_eq!(refused(b"<svg onload=alert(1)>"), "svg");
    assert_eq!(refused(b"\xEF\xBB\xBF  <svg>"), "svg");
    assert_eq!(refused(b"<!DOCTYPE svg PUBLIC"), "svg");
    assert_eq!(refused(b"<?xml version=\"1.0\"?><note/>"), "xml");
}

#[test]
fn refuses_archives_and_office() {
    assert_eq!(refused(b"PK\x03\x04\x14\0\0\0\x08\0"), "zip");
    let mut docx = b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0".to_vec();
    docx.resize(26, 0);
    docx.extend_from_slice(&19u16.to_le_bytes());
    docx.extend_from_slice(&0u16.to_le_bytes());
    docx.extend_from_slice(b"[Content_Types].xml");
    assert_eq!(refused(&docx), "office");
    let mut xlsx = b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0".to_vec();
    xlsx.resize(26, 0);
    xlsx.extend_from_slice(&17u16.to_le_bytes());
    xlsx.extend_from_slice(&0u16.to_le_bytes());
    xlsx.extend_from_slice(b"xl/workbook.xml..");
    assert_eq!(refused(&xlsx), "office");
    // ZIP with a PDF header inside its first KiB: still a ZIP.
    assert_eq!(refused(b"PK\x03\x04 %PDF-1.4"), "zip");
    assert_eq!(
        refused(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]),
        "office"
    );
    assert_eq!(refused(b"{\\rtf1\\ansi"), "office");
    assert_eq!(refused(b"Rar!\x1a\x07\x01\0"), "archive");
    assert_eq!(refused(&[0x1F, 0x8B, 0x08, 0]), "archive");
    assert_eq!(refused(&[b'7', b'z', 0xBC, 0xAF, 0x27, 0x1C]), "archive");
}

#[test]
fn refuses_executables_and_scripts() {
    assert_eq!(refused(b"\x7fELF\x02\x01\x01\0"), "executable");
    assert_eq!(refused(b"MZ\x90\0\x03\0\0\0"), "executable");
    assert_eq!(refused(&[0xCF, 0xFA, 0xED, 0xFE, 7, 0, 0, 1]), "executable");
    assert_eq!(refused(b"\0asm\x01\0\0\0"), "executable");
    assert_eq!(refused(b"#!/bin/sh\nrm -rf /\n"), "script");
    assert_eq!(refused(b"%!PS-Adobe-3.0"), "postscript");
}

#[test]
fn refuses_other_images_and_heic() {
    assert_eq!(refused(b"GIF89a\x01\0\x01\0"), "gif");
    assert_eq!(refused(b"GIF87a\x01\0\x01\0"), "gif");
    assert_eq!(refused(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic"), "heic");
    assert_eq!(refused(b"\0\0\0\x18ftypmif1\0\0\0\0mif1heic"), "heic");
    assert_eq!(refused(b"\0\0\0\x18ftypheix\0\0\0\0"), "heic");
    assert_eq!(refused(b"\0\0\0\x1cftypavif\0\0\0\0"), "avif");
    assert_eq!(refused(b"\0\0\0\x20ftypisom\0\0\x02\0"), "video");
    assert_eq!(refused(b"II*\0\x08\0\0\0"), "tiff");
    assert_eq!(refused(b"BM\x36\0\0\0"), "bmp");
}

#[test]
fn refuses_empty_and_unknown() {
    assert_eq!(refused(b""), "empty");
    assert_eq!(refused(b"hello, world"), "unknown");
    assert_eq!(refused(&[0xFF, 0xD8]), "unknown"); // too short to be a JPEG
    assert_eq!(refused(b"RIFF\0\0\0\0WAVEfmt "), "unknown");
}
