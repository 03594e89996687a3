//! PDF previews ([`pdf_preview`]): the pages of a PDF as JPEG images rendered by the server, so
//! that a person reads her papers without downloading them (on a shared computer a download
//! stays behind) and without JavaScript; the first page also as a [`thumbnail`](crate::thumbnail)-sized
//! image for the lists.
//!
//! The rasterizer is `hayro` (pure Rust, `forbid(unsafe_code)`): a third-party parser running on
//! files anyone with a safe can upload. It has no limits of its own: it inflates a stream
//! whole, decodes an image at the size its header says, and keeps every image a page draws
//! until the page is done. So what a preview may cost is decided before hayro runs anything
//! heavy, on what the file *decodes to*:
//!
//! 1. **Streams** ([`bounds`]): object streams are first measured by the upload check
//!    (`pdf_check::measure`, bounded inflate window). Then every stream of the file is
//!    measured before hayro decodes it: Flate inflated through a window and counted, LZW
//!    decoded for its length only, other filters charged at their worst expansion. What the
//!    non-image streams decode to, together, stays within [`Limits::max_pdf_inflated`]; what an
//!    image's data decodes to before its codec, within [`Limits::max_image_bytes`].
//! 2. **Pages** ([`meter`]): each page is first interpreted with a device that draws nothing
//!    and counts: the memory its images, soft masks, patterns and groups will hold (images by
//!    the size their codec will decode them to, read from the JPEG 2000 and JBIG2 headers too),
//!    and the work (pixels filled, pixels decoded, operations). Over a bound, the count stops
//!    the interpretation at once (an unwind caught here) and the page is not rendered. The
//!    count follows what the renderer does: patterns, soft masks and Type 3 glyphs are
//!    interpreted through it as the renderer would. A wall-clock deadline backs it up.
//! 3. **Output**: a page is scaled to fit [`Limits::preview_width_px`] ×
//!    [`Limits::preview_height_px`] (a page declaring 14 400 × 14 400 points gives 1 000 × 1 000
//!    pixels), at most [`Limits::preview_pages`] pages.
//!
//! A page over a bound ends the preview there (the pages before it are kept); a file whose first
//! page cannot be shown is `TooComplex` or `Damaged`, never a panic: the whole run is
//! [`guarded`](crate::guarded).
//!
//! Known limits: a JBIG2 image's regions are bounded by the decoder's own 65 535 × 65 535 limit,
//! not ours (its page size is checked); time between two drawing operations (decoding one stream
//! within the bounds above) is not interrupted.

mod bounds;
mod meter;

use hayro::hayro_interpret::InterpreterSettings;
use hayro::hayro_syntax::Pdf;
use hayro::hayro_syntax::page::Page;
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{RenderCache, RenderSettings};
use image::{DynamicImage, RgbImage};

use crate::raster::encode_jpeg;
use crate::{Limits, MediaError, guarded};

/// One rendered page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviewPage {
    /// The page as a baseline JPEG.
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// The preview of a PDF: its first pages as images, its first page as a thumbnail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfPreview {
    /// The pages rendered, in order: at most [`Limits::preview_pages`], fewer when a page
    /// was over a bound (the ones before it).
    pub pages: Vec<PreviewPage>,
    /// How many pages the file has.
    pub page_count: usize,
    /// The first page, longest side [`Limits::thumbnail_px`], JPEG.
    pub thumbnail: Vec<u8>,
}

/// Longest a page's measuring may take (a backstop: the counts above bound it first).
const DEADLINE: std::time::Duration = std::time::Duration::from_secs(20);
/// Largest page scale (a page of 1 × 1 point is not made 1 000 pixels wide).
const MAX_SCALE: f32 = 4.0;

/// The memory a preview of `bytes` may take beyond the bytes themselves, for the caller's
/// budget: the streams as measured, and one page at most ([`Limits::max_image_bytes`], which
/// the page meter enforces). Refused (`TooComplex`) when the streams are over their bounds.
pub fn preview_cost(bytes: &[u8], limits: &Limits) -> Result<u64, MediaError> {
    guarded(|| {
        let measured = crate::pdf_check::measure(bytes, limits)?;
        let pdf = Pdf::new(bytes.to_vec()).map_err(|_| MediaError::Damaged)?;
        let streams = bounds::check_streams(&pdf, limits)?;
        Ok(measured
            .inflated
            .saturating_add(streams)
            .saturating_add(limits.max_image_bytes)
            .saturating_add(bytes.len() as u64))
    })
}

/// Renders the first pages of a PDF (see the module's first lines for what bounds it).
///
/// Errors: `Damaged` (not a PDF hayro can read, no page, or its first page failed),
/// `TooComplex` (over a bound before the first page was rendered), `Unsupported` (not a PDF).
pub fn pdf_preview(bytes: &[u8], limits: &Limits) -> Result<PdfPreview, MediaError> {
    if crate::sniff(bytes)? != crate::Kind::Pdf {
        return Err(MediaError::Unsupported { detected: "image" });
    }
    guarded(|| {
        crate::pdf_check::measure(bytes, limits)?;
        let pdf = Pdf::new(bytes.to_vec()).map_err(|_| MediaError::Damaged)?;
        bounds::check_streams(&pdf, limits)?;
        let pages = pdf.pages();
        let settings = InterpreterSettings {
            // Annotations (form fields, stamps) are drawn: what the person sees in a viewer.
            ..InterpreterSettings::default()
        };
        let mut out = Vec::new();
        let mut first_error = MediaError::Damaged;
        for page in pages.iter().take(limits.preview_pages) {
            match render_page(page, &settings, limits) {
                Ok(p) => out.push(p),
                Err(e) => {
                    first_error = e;
                    break;
                }
            }
        }
        let Some((first, _)) = out.first() else {
            return Err(first_error);
        };
        let thumbnail = encode_jpeg(&small(first, limits.thumbnail_px), limits.jpeg_quality)?;
        let pages = out
            .into_iter()
            .map(|(image, page)| {
                drop(image);
                page
            })
            .collect();
        Ok(PdfPreview {
            pages,
            page_count: pdf.pages().len(),
            thumbnail,
        })
    })
}

/// The page's size in pixels and its scale: fits `preview_width_px` × `preview_height_px`,
/// never above [`MAX_SCALE`]. `None` for a page without a usable size.
fn fit(page: &Page<'_>, limits: &Limits) -> Option<(u16, u16, f32)> {
    let (w, h) = page.render_dimensions();
    if !(w.is_finite() && h.is_finite() && w > 0.0 && h > 0.0) {
        return None;
    }
    let max_w = limits.preview_width_px.clamp(1, u32::from(u16::MAX)) as f32;
    let max_h = limits.preview_height_px.clamp(1, u32::from(u16::MAX)) as f32;
    let scale = (max_w / w).min(max_h / h).min(MAX_SCALE);
    // Both within 1..=max (u16): the casts are exact after the clamp.
    let px = |side: f32, max: f32| (side * scale).floor().clamp(1.0, max) as u16;
    Some((px(w, max_w), px(h, max_h), scale))
}

/// Measures, then renders one page: the image (kept for the thumbnail) and its JPEG.
fn render_page(
    page: &Page<'_>,
    settings: &InterpreterSettings,
    limits: &Limits,
) -> Result<(RgbImage, PreviewPage), MediaError> {
    let (width, height, scale) = fit(page, limits).ok_or(MediaError::Damaged)?;
    meter::measure_page(page, settings, (width, height, scale), limits, DEADLINE)?;
    let cache = RenderCache::new();
    let pixmap = hayro::render(
        page,
        &cache,
        settings,
        &RenderSettings {
            x_scale: scale,
            y_scale: scale,
            width: Some(width),
            height: Some(height),
            bg_color: WHITE,
        },
    );
    drop(cache);
    let (w, h) = (u32::from(pixmap.width()), u32::from(pixmap.height()));
    // Drawn over an opaque white background: every pixel is opaque, so the premultiplied
    // colour is the colour.
    let rgb: Vec<u8> = pixmap
        .data_as_u8_slice()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    drop(pixmap);
    let image = RgbImage::from_raw(w, h, rgb).ok_or(MediaError::Damaged)?;
    let jpeg = encode_jpeg(&DynamicImage::ImageRgb8(image.clone()), limits.jpeg_quality)?;
    Ok((
        image,
        PreviewPage {
            jpeg,
            width: w,
            height: h,
        },
    ))
}

/// The image shrunk to fit `side` × `side` (never enlarged).
fn small(image: &RgbImage, side: u32) -> DynamicImage {
    let side = side.max(1);
    let image = DynamicImage::ImageRgb8(image.clone());
    if image.width() > side || image.height() > side {
        image.thumbnail(side, side)
    } else {
        image
    }
}
