//! Type detection from magic numbers, and the vocabulary of refusal reasons.
//!
//! The decision never looks at the file name or the client's `Content-Type`. Anything with a
//! recognisable non-accepted signature at offset 0 is refused first, then markup (HTML/SVG/XML,
//! after an optional BOM and whitespace), and only then is `%PDF-` searched for in the first
//! 1024 bytes (readers tolerate junk before the header). This order means a polyglot starting
//! with `<html>` or `PK` is refused even if it also carries a PDF header.

use crate::{Kind, MediaError};

/// Every value [`MediaError::Unsupported::detected`](crate::MediaError::Unsupported) can take:
///
/// - `empty`: no bytes at all;
/// - `html`, `svg`, `xml`: markup (anything starting with `<`, after a BOM and whitespace);
/// - `zip` (plain ZIP, EPUB…), `office` (DOCX/XLSX/PPTX/ODF inside ZIP, legacy OLE2 `.doc`/`.xls`,
///   RTF), `archive` (RAR, 7z, gzip, bzip2, xz, zstd, tar);
/// - `executable` (ELF, PE/`MZ`, Mach-O, WebAssembly), `script` (`#!`), `postscript`;
/// - `heic` (HEIC/HEIF, refused: no mature pure-Rust decoder), `avif`, `video` (other ISO media),
///   `gif`, `bmp`, `tiff`, `ico`: images or media we do not accept;
/// - `pdf`: a PDF given to an image-only function;
/// - `encrypted-pdf`: a PDF protected by a non-empty password;
/// - `unknown`: nothing recognised.
pub const DETECTED_NAMES: &[&str] = &[
    "empty",
    "html",
    "svg",
    "xml",
    "zip",
    "office",
    "archive",
    "executable",
    "script",
    "postscript",
    "pdf-active-content",
    "heic",
    "avif",
    "video",
    "gif",
    "bmp",
    "tiff",
    "ico",
    "pdf",
    "encrypted-pdf",
    "unknown",
];

/// How many leading bytes [`sniff`] looks at; pass at least this many when available
/// (16 are enough for images, markup and PDF detection improve with more).
pub const SNIFF_LEN: usize = 1024;

/// Decides the type from the first bytes (magic numbers), never from names or client types.
/// 16 bytes are enough for images; PDF = `%PDF-` within the first 1024 bytes.
pub fn sniff(head: &[u8]) -> Result<Kind, MediaError> {
    let head = &head[..head.len().min(SNIFF_LEN)];
    let refuse = |detected: &'static str| Err(MediaError::Unsupported { detected });
    if head.is_empty() {
        return refuse("empty");
    }

    // Accepted types, at offset 0.
    if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Ok(Kind::Jpeg);
    }
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok(Kind::Png);
    }
    if head.len() >= 12 && head.starts_with(b"RIFF") && &head[8..12] == b"WEBP" {
        return Ok(Kind::Webp);
    }
    if head.starts_with(b"%PDF-") {
        return Ok(Kind::Pdf);
    }

    // Refused binary signatures at offset 0.
    if let Some(detected) = binary_signature(head) {
        return refuse(detected);
    }
    if let Some(detected) = markup(head) {
        return refuse(detected);
    }
    if find(head, b"%PDF-").is_some() {
        return Ok(Kind::Pdf);
    }
    refuse("unknown")
}

fn binary_signature(head: &[u8]) -> Option<&'static str> {
    let starts = |magic: &[u8]| head.starts_with(magic);
    // ISO base media (HEIF, AVIF, MP4, MOV…): size, then "ftyp" and the major brand.
    if head.len() >= 12 && &head[4..8] == b"ftyp" {
        let brand = &head[8..12];
        return Some(match brand {
            b"heic" | b"heix" | b"hevc" | b"hevx" | b"heim" | b"heis" | b"hevm" | b"hevs"
            | b"mif1" | b"msf1" | b"mif2" => "heic",
            b"avif" | b"avis" => "avif",
            _ => "video",
        });
    }
    if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") || starts(b"PK\x07\x08") {
        return Some(zip_flavour(head));
    }
    if starts(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) || starts(b"{\\rtf") {
        return Some("office");
    }
    if starts(b"Rar!\x1a\x07")
        || starts(&[b'7', b'z', 0xBC, 0xAF, 0x27, 0x1C])
        || starts(&[0x1F, 0x8B])
        || starts(b"BZh")
        || starts(&[0xFD, b'7', b'z', b'X', b'Z', 0x00])
        || starts(&[0x28, 0xB5, 0x2F, 0xFD])
        || (head.len() >= 262 && &head[257..262] == b"ustar")
    {
        return Some("archive");
    }
    if starts(b"\x7fELF")
        || starts(b"MZ")
        || starts(&[0xFE, 0xED, 0xFA, 0xCE])
        || starts(&[0xFE, 0xED, 0xFA, 0xCF])
        || starts(&[0xCE, 0xFA, 0xED, 0xFE])
        || starts(&[0xCF, 0xFA, 0xED, 0xFE])
        || starts(&[0xCA, 0xFE, 0xBA, 0xBE])
        || starts(b"\0asm")
    {
        return Some("executable");
    }
    if starts(b"#!") {
        return Some("script");
    }
    if starts(b"%!PS") {
        return Some("postscript");
    }
    if starts(b"GIF87a") || starts(b"GIF89a") {
        return Some("gif");
    }
    if starts(b"II*\0") || starts(b"MM\0*") {
        return Some("tiff");
    }
    if starts(b"BM") {
        return Some("bmp");
    }
    if starts(&[0, 0, 1, 0]) {
        return Some("ico");
    }
    None
}

/// Office Open XML and OpenDocument files are ZIPs whose first entry gives them away.
fn zip_flavour(head: &[u8]) -> &'static str {
    // Local file header: name length at 26..28, name at 30.
    let name = head
        .get(26..28)
        .map(|l| usize::from(u16::from_le_bytes([l[0], l[1]])))
        .and_then(|len| head.get(30..30 + len))
        .unwrap_or(&[]);
    let office_names: [&[u8]; 5] = [
        b"[Content_Types].xml",
        b"word/",
        b"xl/",
        b"ppt/",
        b"docProps/",
    ];
    if office_names.iter().any(|prefix| name.starts_with(prefix))
        || (name == b"mimetype" && find(head, b"application/vnd.oasis.opendocument").is_some())
    {
        "office"
    } else {
        "zip"
    }
}

/// Markup after an optional BOM and whitespace: browsers would render it, so it is refused.
fn markup(head: &[u8]) -> Option<&'static str> {
    let mut text = head;
    for bom in [&[0xEF, 0xBB, 0xBF][..], &[0xFF, 0xFE], &[0xFE, 0xFF]] {
        if let Some(rest) = text.strip_prefix(bom) {
            text = rest;
            break;
        }
    }
    // UTF-16 markup: drop the NUL bytes for the purpose of recognising tags.
    let narrowed: Vec<u8>;
    if text.len() >= 2 && (text[0] == 0 || text[1] == 0) {
        narrowed = text.iter().copied().filter(|&b| b != 0).collect();
        text = &narrowed;
    }
    let start = text.iter().position(|b| !b.is_ascii_whitespace())?;
    let text = text[start..].to_ascii_lowercase();
    if !text.starts_with(b"<") {
        return None;
    }
    if text.starts_with(b"<svg")
        || text.starts_with(b"<!doctype svg")
        || find(&text, b"<svg").is_some()
    {
        return Some("svg");
    }
    let html_tags: [&[u8]; 8] = [
        b"<!doctype html",
        b"<html",
        b"<head",
        b"<body",
        b"<script",
        b"<iframe",
        b"<meta",
        b"<title",
    ];
    if html_tags.iter().any(|tag| find(&text, tag).is_some()) {
        return Some("html");
    }
    if text.starts_with(b"<?xml") {
        return Some("xml");
    }
    // Any other document starting with a tag is treated as HTML: browsers would.
    Some("html")
}

pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}
