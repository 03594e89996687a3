//! Fixture builders shared by the integration tests: every test file is generated in memory.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::codecs::webp::WebPEncoder;
use image::{DynamicImage, ImageEncoder, RgbImage, RgbaImage};
use lopdf::{Document, Object, Stream, dictionary};

/// A colourful gradient, so encoders have something to chew on.
pub fn rgb(w: u32, h: u32) -> RgbImage {
    RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x * 7) as u8, (y * 5) as u8, ((x + y) * 3) as u8])
    })
}

pub fn jpeg(w: u32, h: u32) -> Vec<u8> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 90)
        .encode_image(&DynamicImage::ImageRgb8(rgb(w, h)))
        .unwrap();
    out
}

pub fn png(w: u32, h: u32) -> Vec<u8> {
    let mut out = Vec::new();
    let img = rgb(w, h);
    PngEncoder::new(&mut out)
        .write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgb8)
        .unwrap();
    out
}

pub fn png_rgba(w: u32, h: u32) -> Vec<u8> {
    let mut out = Vec::new();
    let img = RgbaImage::from_fn(w, h, |x, _| image::Rgba([200, 10, 10, (x * 10) as u8]));
    PngEncoder::new(&mut out)
        .write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgba8)
        .unwrap();
    out
}

pub fn webp(w: u32, h: u32) -> Vec<u8> {
    let mut out = Vec::new();
    let img = rgb(w, h);
    WebPEncoder::new_lossless(&mut out)
        .write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgb8)
        .unwrap();
    out
}

pub fn decode_dims(bytes: &[u8]) -> (u32, u32) {
    let img = image::ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .unwrap()
        .decode()
        .unwrap();
    (img.width(), img.height())
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// CRC-32 (IEEE), as PNG chunks need.
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

pub fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut chunk = (data.len() as u32).to_be_bytes().to_vec();
    chunk.extend_from_slice(kind);
    chunk.extend_from_slice(data);
    let mut crc_input = kind.to_vec();
    crc_input.extend_from_slice(data);
    chunk.extend_from_slice(&crc32(&crc_input).to_be_bytes());
    chunk
}

/// Inserts a chunk right after IHDR (signature 8 + IHDR 25 bytes).
pub fn png_insert_after_ihdr(png: &[u8], chunk: &[u8]) -> Vec<u8> {
    let mut out = png[..33].to_vec();
    out.extend_from_slice(chunk);
    out.extend_from_slice(&png[33..]);
    out
}

/// A big-endian TIFF/EXIF block: IFD0 with Orientation, an Exif IFD with a UserComment holding
/// `marker`, and a GPS IFD with latitude/longitude.
pub fn exif_block(orientation: u16, marker: &[u8]) -> Vec<u8> {
    // Layout (offsets from the TIFF header):
    // 0: header (8) | 8: IFD0, 3 entries (2 + 36 + 4 = 42) -> ends at 50
    // 50: Exif IFD, 1 entry (2 + 12 + 4 = 18) -> ends at 68
    // 68: GPS IFD, 4 entries (2 + 48 + 4 = 54) -> ends at 122
    // 122: latitude rationals (24) | 146: longitude rationals (24) | 170: user comment
    let comment: Vec<u8> = [b"ASCII\0\0\0".as_slice(), marker].concat();
    let mut t = Vec::new();
    t.extend_from_slice(b"MM\0\x2a");
    t.extend_from_slice(&8u32.to_be_bytes());
    let entry = |t: &mut Vec<u8>, tag: u16, typ: u16, count: u32, value: [u8; 4]| {
        t.extend_from_slice(&tag.to_be_bytes());
        t.extend_from_slice(&typ.to_be_bytes());
        t.extend_from_slice(&count.to_be_bytes());
        t.extend_from_slice(&value);
    };
    let short = |v: u16| {
        let b = v.to_be_bytes();
        [b[0], b[1], 0, 0]
    };
    // IFD0
    t.extend_from_slice(&3u16.to_be_bytes());
    entry(&mut t, 0x0112, 3, 1, short(orientation));
    entry(&mut t, 0x8769, 4, 1, 50u32.to_be_bytes());
    entry(&mut t, 0x8825, 4, 1, 68u32.to_be_bytes());
    t.extend_from_slice(&0u32.to_be_bytes());
    assert_eq!(t.len(), 50);
    // Exif IFD
    t.extend_from_slice(&1u16.to_be_bytes());
    entry(
        &mut t,
        0x9286,
        7,
        comment.len() as u32,
        170u32.to_be_bytes(),
    );
    t.extend_from_slice(&0u32.to_be_bytes());
    assert_eq!(t.len(), 68);
    // GPS IFD
    t.extend_from_slice(&4u16.to_be_bytes());
    entry(&mut t, 0x0001, 2, 2, *b"N\0\0\0");
    entry(&mut t, 0x0002, 5, 3, 122u32.to_be_bytes());
    entry(&mut t, 0x0003, 2, 2, *b"E\0\0\0");
    entry(&mut t, 0x0004, 5, 3, 146u32.to_be_bytes());
    t.extend_from_slice(&0u32.to_be_bytes());
    assert_eq!(t.len(), 122);
    for (num, den) in [
        (48u32, 1u32),
        (51, 1),
        (2400, 100),
        (2, 1),
        (21, 1),
        (700, 100),
    ] {
        t.extend_from_slice(&num.to_be_bytes());
        t.extend_from_slice(&den.to_be_bytes());
    }
    assert_eq!(t.len(), 170);
    t.extend_from_slice(&comment);
    t
}

/// Inserts an EXIF APP1 segment and a COM segment right after SOI.
pub fn jpeg_with_metadata(jpeg: &[u8], exif: &[u8], comment: &[u8]) -> Vec<u8> {
    let mut out = jpeg[..2].to_vec();
    let app1_len = (2 + 6 + exif.len()) as u16;
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&app1_len.to_be_bytes());
    out.extend_from_slice(b"Exif\0\0");
    out.extend_from_slice(exif);
    out.extend_from_slice(&[0xFF, 0xFE]);
    out.extend_from_slice(&((2 + comment.len()) as u16).to_be_bytes());
    out.extend_from_slice(comment);
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// A document with `pages` pages, each with a line of text; returns (doc, page ids).
pub fn simple_pdf(pages: usize) -> (Document, Vec<lopdf::ObjectId>) {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
    });
    let mut kids = Vec::new();
    let mut ids = Vec::new();
    for i in 0..pages {
        let content = format!("BT /F1 24 Tf 72 720 Td (Page {}) Tj ET", i + 1);
        let content_id = doc.add_object(Stream::new(dictionary! {}, content.into_bytes()));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font_id } },
            "Contents" => content_id,
        });
        kids.push(Object::Reference(page_id));
        ids.push(page_id);
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => pages as i64,
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    (doc, ids)
}

pub fn save(doc: &mut Document) -> Vec<u8> {
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}
