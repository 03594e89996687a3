//! "Scanning": several phone photos become one PDF ([`images_to_pdf`]).
//!
//! Each photo is decoded (pixel limit, EXIF orientation) and re-encoded as a baseline JPEG, which
//! PDF embeds as-is with `/DCTDecode`: one page per photo, in order. Every page keeps the photo's
//! aspect ratio with its longest side at 842 pt (the height of A4), so a page prints at a sensible
//! size whatever the camera resolution; the image fills the page. The PDF carries no metadata.

use lopdf::{Dictionary, Document, Object, Stream, dictionary};

use crate::raster::{decode, encode_jpeg, for_jpeg};
use crate::{Limits, MediaError};

/// Longest page side, in PDF points (A4 height).
const PAGE_LONG_SIDE_PT: f64 = 842.0;

/// Scanning: several phone photos (any accepted image kinds, sanitized or not) become ONE PDF,
/// one page per photo in the given order, images embedded as JPEG (`/DCTDecode`) at
/// `limits.jpeg_quality`.
///
/// Errors: the first failing photo's error (`TooManyPixels`, `Damaged`, `Unsupported` — a PDF
/// among the photos is `Unsupported { detected: "pdf" }`); no photos at all is
/// `Unsupported { detected: "empty" }`.
pub fn images_to_pdf(images: &[Vec<u8>], limits: &Limits) -> Result<Vec<u8>, MediaError> {
    if images.is_empty() {
        return Err(MediaError::Unsupported { detected: "empty" });
    }
    let mut doc = Document::with_version("1.5");
    let pages_id = new_id(&mut doc)?;
    let mut kids = Vec::with_capacity(images.len());
    for bytes in images {
        let (xobject, w, h) = jpeg_image(bytes, limits)?;
        let image_id = add(&mut doc, xobject)?;

        let (page_w, page_h) = page_size(w, h);
        let content = format!("q {page_w} 0 0 {page_h} 0 0 cm /Im0 Do Q\n").into_bytes();
        let content_id = add(&mut doc, Stream::new(Dictionary::new(), content))?;
        let page = dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "MediaBox" => vec![0.into(), 0.into(), page_w.into(), page_h.into()],
            "Resources" => dictionary! {
                "XObject" => dictionary! { "Im0" => image_id },
            },
            "Contents" => content_id,
        };
        kids.push(Object::Reference(add(&mut doc, page)?));
    }
    let count = i64::try_from(kids.len()).map_err(|_| MediaError::Damaged)?;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
        }),
    );
    let catalog_id = add(
        &mut doc,
        dictionary! {
            "Type" => "Catalog",
            "Pages" => pages_id,
        },
    )?;
    doc.trailer.set("Root", catalog_id);

    let mut out = Vec::new();
    doc.save_to(&mut out).map_err(|_| MediaError::Damaged)?;
    Ok(out)
}

/// An image (any accepted kind) as a PDF image object: decoded within `limits`, re-encoded as a
/// baseline JPEG that PDF embeds as-is (`/DCTDecode`); with its width and height in pixels.
pub(crate) fn jpeg_image(bytes: &[u8], limits: &Limits) -> Result<(Stream, u32, u32), MediaError> {
    let image = {
        let (decoded, _) = decode(bytes, limits)?;
        for_jpeg(&decoded)
    };
    let (w, h) = (image.width(), image.height());
    let colour_space = if image.color().channel_count() == 1 {
        "DeviceGray"
    } else {
        "DeviceRGB"
    };
    let jpeg = encode_jpeg(&image, limits.jpeg_quality)?;
    drop(image);
    let xobject = Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Image",
            "Width" => i64::from(w),
            "Height" => i64::from(h),
            "ColorSpace" => colour_space,
            "BitsPerComponent" => 8,
            "Filter" => "DCTDecode",
        },
        jpeg,
    )
    .with_compression(false);
    Ok((xobject, w, h))
}

/// Page size in whole points: aspect ratio kept, longest side [`PAGE_LONG_SIDE_PT`].
fn page_size(w: u32, h: u32) -> (i64, i64) {
    let long = f64::from(w.max(h).max(1));
    let side = |px: u32| {
        // Between 0 and 842 before the clamp: the cast is exact.
        let pt = (f64::from(px) * PAGE_LONG_SIDE_PT / long).round() as i64;
        pt.max(1)
    };
    (side(w), side(h))
}

fn new_id(doc: &mut Document) -> Result<lopdf::ObjectId, MediaError> {
    doc.try_new_object_id().map_err(|_| MediaError::Damaged)
}

fn add(doc: &mut Document, object: impl Into<Object>) -> Result<lopdf::ObjectId, MediaError> {
    doc.try_add_object(object).map_err(|_| MediaError::Damaged)
}
