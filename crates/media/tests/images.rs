//! Image sanitising, dimensions and thumbnails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{contains, decode_dims};
use consigne_media::{Kind, Limits, MediaError, dimensions, sanitize_image, thumbnail};
use image::ImageEncoder as _;

const MARKER: &[u8] = b"CONSIGNE-SECRET-MARKER-7f3a9c";

/// Every APP1 (EXIF/XMP) segment before the scan.
fn has_app1(jpeg: &[u8]) -> bool {
    let mut pos = 2;
    while pos + 4 <= jpeg.len() && jpeg[pos] == 0xFF {
        let marker = jpeg[pos + 1];
        if marker == 0xDA {
            return false;
        }
        if marker == 0xE1 {
            return true;
        }
        let len = usize::from(u16::from_be_bytes([jpeg[pos + 2], jpeg[pos + 3]]));
        pos += 2 + len;
    }
    false
}

#[test]
fn jpeg_loses_exif_gps_and_comments() {
    let source = common::jpeg_with_metadata(
        &common::jpeg(40, 20),
        &common::exif_block(1, MARKER),
        MARKER,
    );
    assert!(contains(&source, MARKER));
    assert!(has_app1(&source));
    assert!(contains(&source, b"Exif\0\0"));

    let (out, kind) = sanitize_image(&source, &Limits::default()).unwrap();
    assert_eq!(kind, Kind::Jpeg);
    assert!(!contains(&out, MARKER), "marker survived");
    assert!(!has_app1(&out), "an APP1 segment survived");
    assert!(!contains(&out, b"Exif"));
    assert!(!contains(&out, &[0xFF, 0xFE]), "a COM segment survived");
    assert_eq!(decode_dims(&out), (40, 20));
}

#[test]
fn exif_orientation_is_applied() {
    // Orientation 6: the camera was rotated, the viewer must turn the image 90° clockwise.
    let source =
        common::jpeg_with_metadata(&common::jpeg(40, 20), &common::exif_block(6, MARKER), b"x");
    assert_eq!(dimensions(&source), Ok((40, 20)));
    let (out, _) = sanitize_image(&source, &Limits::default()).unwrap();
    assert_eq!(decode_dims(&out), (20, 40));
    // Orientation 3 (180°) keeps the dimensions.
    let source =
        common::jpeg_with_metadata(&common::jpeg(40, 20), &common::exif_block(3, MARKER), b"x");
    let (out, _) = sanitize_image(&source, &Limits::default()).unwrap();
    assert_eq!(decode_dims(&out), (40, 20));
    // And thumbnails are upright too.
    let source = common::jpeg_with_metadata(
        &common::jpeg(400, 200),
        &common::exif_block(8, MARKER),
        b"x",
    );
    let thumb = thumbnail(&source, Kind::Jpeg, &Limits::default())
        .unwrap()
        .unwrap();
    assert_eq!(decode_dims(&thumb), (160, 320));
}

#[test]
fn png_loses_text_chunks() {
    let chunk = common::png_chunk(b"tEXt", &[b"Comment\0".as_slice(), MARKER].concat());
    let source = common::png_insert_after_ihdr(&common::png(30, 10), &chunk);
    assert!(contains(&source, MARKER));
    assert_eq!(
        decode_dims(&source),
        (30, 10),
        "fixture must be a valid PNG"
    );

    let (out, kind) = sanitize_image(&source, &Limits::default()).unwrap();
    assert_eq!(kind, Kind::Png);
    assert!(!contains(&out, MARKER));
    assert!(!contains(&out, b"tEXt"));
    assert_eq!(decode_dims(&out), (30, 10));
}

#[test]
fn png_keeps_alpha() {
    let (out, kind) = sanitize_image(&common::png_rgba(12, 5), &Limits::default()).unwrap();
    assert_eq!(kind, Kind::Png);
    let img = image::load_from_memory(&out).unwrap();
    assert!(img.color().has_alpha());
}

#[test]
fn webp_becomes_png() {
    let source = common::webp(25, 15);
    assert_eq!(dimensions(&source), Ok((25, 15)));
    let (out, kind) = sanitize_image(&source, &Limits::default()).unwrap();
    assert_eq!(kind, Kind::Png);
    assert!(out.starts_with(b"\x89PNG"));
    assert_eq!(decode_dims(&out), (25, 15));
}

/// A PNG whose header claims 100000×100000 pixels, with no image data at all.
fn huge_png_header() -> Vec<u8> {
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&100_000u32.to_be_bytes());
    ihdr.extend_from_slice(&100_000u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]); // 8-bit RGB
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(common::png_chunk(b"IHDR", &ihdr));
    png.extend(common::png_chunk(
        b"IDAT",
        &[0x78, 0x9C, 0x03, 0, 0, 0, 0, 1],
    ));
    png.extend(common::png_chunk(b"IEND", &[]));
    png
}

#[test]
fn pixel_bomb_is_refused_before_decoding() {
    let png = huge_png_header();
    assert_eq!(dimensions(&png), Ok((100_000, 100_000)));
    let too_many = || MediaError::TooManyPixels {
        pixels: 10_000_000_000,
    };
    assert_eq!(sanitize_image(&png, &Limits::default()), Err(too_many()));
    assert_eq!(
        thumbnail(&png, Kind::Png, &Limits::default()),
        Err(too_many())
    );
    assert_eq!(
        consigne_media::images_to_pdf(&[png], &Limits::default()),
        Err(too_many())
    );

    // JPEG: SOI + SOF0 claiming 65535×65535, nothing else.
    let mut jpeg = vec![
        0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0x03,
    ];
    jpeg.extend_from_slice(&[1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
    assert_eq!(dimensions(&jpeg), Ok((65535, 65535)));
    assert_eq!(
        sanitize_image(&jpeg, &Limits::default()),
        Err(MediaError::TooManyPixels {
            pixels: 65535 * 65535
        })
    );

    // WebP VP8X claiming a 16777216×16777216 canvas.
    let mut webp = b"RIFF\x1a\0\0\0WEBPVP8X\x0a\0\0\0\0\0\0\0".to_vec();
    webp.extend_from_slice(&[0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
    assert_eq!(dimensions(&webp), Ok((1 << 24, 1 << 24)));
    assert!(matches!(
        sanitize_image(&webp, &Limits::default()),
        Err(MediaError::TooManyPixels { .. })
    ));
}

#[test]
fn limits_are_configurable() {
    let limits = Limits {
        max_pixels: 100,
        ..Limits::default()
    };
    assert_eq!(
        sanitize_image(&common::png(11, 10), &limits),
        Err(MediaError::TooManyPixels { pixels: 110 })
    );
    assert!(sanitize_image(&common::png(10, 10), &limits).is_ok());
}

#[test]
fn damaged_inputs_are_damaged() {
    let jpeg = common::jpeg(64, 64);
    let png = common::png(64, 64);
    let webp = common::webp(64, 64);
    for (name, bytes) in [("jpeg", &jpeg), ("png", &png), ("webp", &webp)] {
        for cut in [4, 12, 20, 40, bytes.len() / 2] {
            let result = sanitize_image(&bytes[..cut], &Limits::default());
            assert_eq!(result, Err(MediaError::Damaged), "{name} cut at {cut}");
        }
    }
    assert_eq!(
        sanitize_image(b"", &Limits::default()),
        Err(MediaError::Damaged)
    );
    assert_eq!(
        sanitize_image(b"garbage garbage garbage", &Limits::default()),
        Err(MediaError::Damaged)
    );
    let mut fake_jpeg = vec![0xFF, 0xD8, 0xFF];
    fake_jpeg.extend((0..500u32).map(|i| (i * 31 % 251) as u8));
    assert_eq!(
        sanitize_image(&fake_jpeg, &Limits::default()),
        Err(MediaError::Damaged)
    );
    assert_eq!(
        dimensions(b"\x89PNG\r\n\x1a\n\0\0"),
        Err(MediaError::Damaged)
    );
}

#[test]
fn non_images_are_refused_by_name() {
    assert_eq!(
        sanitize_image(b"%PDF-1.4\n", &Limits::default()),
        Err(MediaError::Unsupported { detected: "pdf" })
    );
    assert_eq!(
        sanitize_image(b"<svg onload=x>", &Limits::default()),
        Err(MediaError::Unsupported { detected: "svg" })
    );
    assert_eq!(
        dimensions(b"GIF89a\x01\0\x01\0\0\0"),
        Err(MediaError::Unsupported { detected: "gif" })
    );
}

#[test]
fn thumbnails() {
    let limits = Limits::default();
    let thumb = thumbnail(&common::jpeg(1000, 500), Kind::Jpeg, &limits)
        .unwrap()
        .unwrap();
    assert!(thumb.starts_with(&[0xFF, 0xD8, 0xFF]));
    assert_eq!(decode_dims(&thumb), (320, 160));
    // Small images are not enlarged; PNG/WebP thumbnails are JPEG too.
    let thumb = thumbnail(&common::png_rgba(100, 50), Kind::Png, &limits)
        .unwrap()
        .unwrap();
    assert!(thumb.starts_with(&[0xFF, 0xD8, 0xFF]));
    assert_eq!(decode_dims(&thumb), (100, 50));
    let thumb = thumbnail(&common::webp(50, 700), Kind::Webp, &limits)
        .unwrap()
        .unwrap();
    let (w, h) = decode_dims(&thumb);
    assert_eq!(h, 320);
    assert!((22..=23).contains(&w), "{w}");
    // PDFs have no renderer.
    assert_eq!(
        thumbnail(b"%PDF-1.4 whatever", Kind::Pdf, &limits),
        Ok(None)
    );
    assert_eq!(
        thumbnail(b"nonsense", Kind::Jpeg, &limits),
        Err(MediaError::Damaged)
    );
}

#[test]
fn transparent_png_thumbnail_is_flattened_on_white() {
    let mut out = Vec::new();
    let img = image::RgbaImage::from_pixel(8, 8, image::Rgba([0, 0, 0, 0]));
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(img.as_raw(), 8, 8, image::ExtendedColorType::Rgba8)
        .unwrap();
    let thumb = thumbnail(&out, Kind::Png, &Limits::default())
        .unwrap()
        .unwrap();
    let decoded = image::load_from_memory(&thumb).unwrap().to_rgb8();
    assert!(
        decoded.pixels().all(|p| p.0.iter().all(|&c| c > 245)),
        "transparent became dark"
    );
}

/// A `w × h` 16-bit RGBA PNG (8 bytes per pixel once decoded).
fn png16(w: u32, h: u32) -> Vec<u8> {
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(
            &vec![0u8; (w * h * 8) as usize],
            w,
            h,
            image::ExtendedColorType::Rgba16,
        )
        .unwrap();
    out
}

#[test]
fn the_decoded_size_counts_the_bit_depth() {
    // 100 × 100 pixels: 80 000 bytes in 16-bit RGBA, 30 000 as an 8-bit colour JPEG.
    let limits = Limits {
        max_image_bytes: 50_000,
        ..Limits::default()
    };
    let deep = png16(100, 100);
    assert_eq!(
        sanitize_image(&deep, &limits),
        Err(MediaError::TooManyPixels { pixels: 10_000 })
    );
    assert_eq!(
        consigne_media::cost(&deep, &limits),
        Err(MediaError::TooManyPixels { pixels: 10_000 })
    );
    let photo = common::jpeg(100, 100);
    assert!(sanitize_image(&photo, &limits).is_ok());
    assert_eq!(
        consigne_media::cost(&photo, &limits),
        Ok(2 * 30_000 + photo.len() as u64)
    );
    // Under the default limits the deep PNG is fine, and keeps its depth.
    assert!(sanitize_image(&deep, &Limits::default()).is_ok());
}

#[test]
fn an_image_that_would_not_fit_in_the_working_memory_is_refused() {
    let limits = Limits {
        max_work_bytes: 100_000,
        ..Limits::default()
    };
    // 10 000 pixels of 16-bit RGBA: 80 000 bytes decoded, twice that to clean.
    assert!(matches!(
        consigne_media::cost(&png16(100, 100), &limits),
        Err(MediaError::TooManyPixels { .. })
    ));
    assert!(consigne_media::scan_cost(&[png16(100, 100)], &limits).is_err());
    assert!(consigne_media::scan_cost(&[common::jpeg(10, 10)], &limits).is_ok());
}
