//! PDF previews (`pdf_preview`): pages rendered within bounds, hostile files refused before
//! they cost memory or time out of proportion to their size.
#![cfg(feature = "pdf-preview")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;

use consigne_media::{Limits, MediaError, pdf_preview, preview_cost};

/// A PDF of `objects` (numbered from 1; the first is the catalog), offsets correct.
fn build(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.5\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut o = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    o.extend_from_slice(data);
    o.extend_from_slice(b"\nendstream");
    o
}

fn zlib(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// One page per content stream (each `(media box, content, resources)`); object 3 is
/// free for a shared resource (`extra`).
fn pages(contents: &[(&str, Vec<u8>)], resources: &str, extra: &[Vec<u8>]) -> Vec<u8> {
    let first_page = 3 + extra.len();
    let kids: Vec<String> = (0..contents.len())
        .map(|i| format!("{} 0 R", first_page + 2 * i))
        .collect();
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {} >>",
            kids.join(" "),
            contents.len()
        )
        .into_bytes(),
    ];
    objects.extend(extra.iter().cloned());
    for (i, (media_box, content)) in contents.iter().enumerate() {
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [{media_box}] /Contents {} 0 R /Resources {resources} >>",
                first_page + 2 * i + 1
            )
            .into_bytes(),
        );
        objects.push(stream("", content));
    }
    build(&objects)
}

const A4: &str = "0 0 595 842";
const TEXT: &[u8] = b"0 0 0 rg 60 80 300 80 re f BT /F1 60 Tf 60 400 Td (PAPIER) Tj ET";
const FONT: &str = "<< /Font << /F1 3 0 R >> >>";

fn font() -> Vec<u8> {
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec()
}

fn text_pages(n: usize, media_box: &'static str) -> Vec<u8> {
    let contents: Vec<(&str, Vec<u8>)> = (0..n).map(|_| (media_box, TEXT.to_vec())).collect();
    pages(&contents, FONT, &[font()])
}

fn not_blank(jpeg: &[u8]) -> (u32, u32) {
    let image = image::load_from_memory(jpeg).unwrap().to_luma8();
    assert!(image.pixels().any(|p| p.0[0] < 100), "something is drawn");
    image.dimensions()
}

#[test]
fn a_text_page_renders_with_its_thumbnail() {
    let preview = pdf_preview(&text_pages(1, A4), &Limits::default()).unwrap();
    assert_eq!(preview.page_count, 1);
    assert_eq!(preview.pages.len(), 1);
    let page = &preview.pages[0];
    assert_eq!((page.width, page.height), (1000, 1415));
    assert_eq!(not_blank(&page.jpeg), (1000, 1415));
    assert_eq!(not_blank(&preview.thumbnail), (226, 320));
}

#[test]
fn at_most_the_configured_pages_are_rendered() {
    let limits = Limits {
        preview_pages: 3,
        ..Limits::default()
    };
    let preview = pdf_preview(&text_pages(5, A4), &limits).unwrap();
    assert_eq!(preview.page_count, 5);
    assert_eq!(preview.pages.len(), 3);
}

#[test]
fn a_huge_page_is_rendered_at_the_preview_size() {
    let preview = pdf_preview(&text_pages(1, "0 0 14400 14400"), &Limits::default()).unwrap();
    let page = &preview.pages[0];
    assert_eq!((page.width, page.height), (1000, 1000));
    // And a page a point wide is not blown up a thousand times.
    let preview = pdf_preview(&text_pages(1, "0 0 1 2"), &Limits::default()).unwrap();
    assert_eq!((preview.pages[0].width, preview.pages[0].height), (4, 8));
}

#[test]
fn what_is_not_a_pdf_or_has_no_page_is_refused() {
    let limits = Limits::default();
    assert!(matches!(
        pdf_preview(b"%PDF-1.4\nnothing here", &limits),
        Err(MediaError::Damaged | MediaError::TooComplex)
    ));
    let no_page = build(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [] /Count 0 >>".to_vec(),
    ]);
    assert_eq!(pdf_preview(&no_page, &limits), Err(MediaError::Damaged));
    assert!(matches!(
        pdf_preview(&[0xFF, 0xD8, 0xFF, 0xE0], &limits),
        Err(MediaError::Unsupported { .. } | MediaError::Damaged)
    ));
}

#[test]
fn a_content_stream_that_inflates_past_the_limit_is_refused_before_decoding() {
    let limits = Limits {
        max_pdf_inflated: 1 << 20,
        ..Limits::default()
    };
    // 8 MB of spaces in 8 KB.
    let bomb = zlib(&vec![b' '; 8 << 20]);
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!("<< /Type /Page /Parent 2 0 R /MediaBox [{A4}] /Contents 4 0 R >>").into_bytes(),
    ];
    objects.push(stream("/Filter /FlateDecode", &bomb));
    let pdf = build(&objects);
    assert_eq!(pdf_preview(&pdf, &limits), Err(MediaError::TooComplex));
    assert_eq!(preview_cost(&pdf, &limits), Err(MediaError::TooComplex));
}

/// A page drawing image `3 0 R` (`width` × `height`, grey, its data `data`) `draws` times.
fn image_pdf(width: u32, height: u32, data: &[u8], draws: usize) -> Vec<u8> {
    let image = stream(
        &format!(
            "/Type /XObject /Subtype /Image /Width {width} /Height {height} /BitsPerComponent 8 /ColorSpace /DeviceGray /Filter /FlateDecode"
        ),
        &zlib(data),
    );
    let content = "q 595 0 0 842 0 0 cm /Im1 Do Q\n"
        .repeat(draws)
        .into_bytes();
    pages(
        &[(A4, content)],
        "<< /XObject << /Im1 3 0 R >> >>",
        &[image],
    )
}

#[test]
fn an_image_declaring_billions_of_pixels_is_refused() {
    let pdf = image_pdf(60_000, 60_000, &[0u8; 1000], 1);
    assert_eq!(
        pdf_preview(&pdf, &Limits::default()),
        Err(MediaError::TooComplex)
    );
}

#[test]
fn an_image_drawn_again_and_again_is_refused() {
    // 2 000 × 2 000 grey (4 MB decoded, 4 KB stored), drawn 300 times on one page.
    let pdf = image_pdf(2000, 2000, &vec![0u8; 4_000_000], 300);
    assert_eq!(
        pdf_preview(&pdf, &Limits::default()),
        Err(MediaError::TooComplex)
    );
    // Drawn once, it is a page.
    let pdf = image_pdf(2000, 2000, &vec![0u8; 4_000_000], 1);
    let preview = pdf_preview(&pdf, &Limits::default()).unwrap();
    not_blank(&preview.pages[0].jpeg);
}

#[test]
fn forms_drawing_forms_a_billion_times_are_refused() {
    // Form k draws form k+1 ten times; nine levels: a billion drawings in a few KB.
    let levels = 9;
    let mut extra = Vec::new();
    for k in 0..levels {
        let next = 3 + k + 1;
        let (content, resources) = if k + 1 < levels {
            (
                "q /F Do Q ".repeat(10),
                format!("/Resources << /XObject << /F {next} 0 R >> >>"),
            )
        } else {
            ("0 0 0 rg 0 0 10 10 re f".to_owned(), String::new())
        };
        extra.push(stream(
            &format!("/Type /XObject /Subtype /Form /BBox [0 0 595 842] {resources}"),
            content.as_bytes(),
        ));
    }
    let content = b"q /F Do Q q /F Do Q".to_vec();
    let pdf = pages(&[(A4, content)], "<< /XObject << /F 3 0 R >> >>", &extra);
    assert_eq!(
        pdf_preview(&pdf, &Limits::default()),
        Err(MediaError::TooComplex)
    );
}

#[test]
fn a_later_page_over_a_bound_keeps_the_pages_before_it() {
    let image = stream(
        "/Type /XObject /Subtype /Image /Width 60000 /Height 60000 /BitsPerComponent 8 /ColorSpace /DeviceGray /Filter /FlateDecode",
        &zlib(&[0u8; 100]),
    );
    let pdf = pages(
        &[
            (A4, TEXT.to_vec()),
            (A4, b"q 595 0 0 842 0 0 cm /Im1 Do Q".to_vec()),
            (A4, TEXT.to_vec()),
        ],
        "<< /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >>",
        &[font(), image],
    );
    let preview = pdf_preview(&pdf, &Limits::default()).unwrap();
    assert_eq!(preview.page_count, 3);
    assert_eq!(
        preview.pages.len(),
        1,
        "page 2 is over a bound: pages from it on are not shown"
    );
}
