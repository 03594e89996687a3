//! Image decoding and re-encoding: the pixel limit, EXIF orientation, metadata stripping
//! ([`sanitize_image`]) and [`thumbnail`]s.
//!
//! Re-encoding is what strips metadata: only the pixels survive, so EXIF (GPS, camera serial,
//! dates), XMP, IPTC, ICC profiles, PNG text chunks and JPEG comments are all gone. Output:
//! - JPEG stays JPEG at [`Limits::jpeg_quality`] (one more lossy generation, invisible at 85);
//! - PNG stays PNG (lossless, alpha and 16-bit depth kept);
//! - WebP becomes PNG: lossless, universally readable, keeps alpha. A large *lossy* WebP photo
//!   grows several times in size; the `image` crate's WebP encoder is lossless-only and is not
//!   smaller in practice.
//!
//! Dropping the ICC profile means wide-gamut photos (Display P3) are shown as sRGB, slightly
//! less saturated: acceptable for document photos.

use std::io::Cursor;

use image::codecs::jpeg::{JpegDecoder, JpegEncoder};
use image::codecs::png::{CompressionType, FilterType, PngDecoder, PngEncoder};
use image::codecs::webp::WebPDecoder;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageError, RgbImage};

use crate::header::{check_size, decoded_size, image_kind, jpeg_is_complete};
use crate::{Kind, Limits, MediaError, guarded};

/// Images: read the dimensions from the header BEFORE decoding and refuse above `max_pixels`;
/// decode; apply the EXIF orientation; re-encode so that EXIF/GPS/XMP/ICC/comments are all
/// dropped. Returns the new bytes and their kind: JPEG → JPEG, PNG → PNG, WebP → PNG.
///
/// Errors: `TooManyPixels` (header over the limit), `Unsupported` (PDF, HTML… given as an image),
/// `Damaged` (anything that does not decode, including unknown bytes and truncated JPEGs, which
/// the decoder alone would accept with a grey-filled bottom).
pub fn sanitize_image(bytes: &[u8], limits: &Limits) -> Result<(Vec<u8>, Kind), MediaError> {
    let (image, kind) = decode(bytes, limits)?;
    match kind {
        Kind::Jpeg => Ok((encode_jpeg(&image, limits.jpeg_quality)?, Kind::Jpeg)),
        Kind::Png | Kind::Webp => Ok((encode_png(&image)?, Kind::Png)),
        Kind::Pdf => Err(MediaError::Unsupported { detected: "pdf" }),
    }
}

/// Thumbnail (JPEG, longest side `limits.thumbnail_px`, never upscaled, transparency flattened
/// on white) of an image; for PDFs returns `Ok(None)` (no renderer).
///
/// The bytes are decoded according to their sniffed type; `kind` only selects the PDF case.
pub fn thumbnail(bytes: &[u8], kind: Kind, limits: &Limits) -> Result<Option<Vec<u8>>, MediaError> {
    if kind == Kind::Pdf {
        return Ok(None);
    }
    let (image, _) = decode(bytes, limits)?;
    let side = limits.thumbnail_px.max(1);
    let small = if image.width() > side || image.height() > side {
        image.thumbnail(side, side)
    } else {
        image
    };
    encode_jpeg(&small, limits.jpeg_quality).map(Some)
}

/// Decodes an accepted image with the pixel limit enforced before decoding, and the EXIF
/// orientation applied. Returns the upright image and the source kind.
pub(crate) fn decode(bytes: &[u8], limits: &Limits) -> Result<(DynamicImage, Kind), MediaError> {
    let kind = image_kind(bytes)?;
    // First check: our own header parser, which reads a few bytes and allocates nothing.
    let (dims, size) = decoded_size(kind, bytes)?;
    check_size(dims, size, limits)?;
    if kind == Kind::Jpeg && !jpeg_is_complete(bytes) {
        return Err(MediaError::Damaged);
    }
    guarded(|| {
        let cursor = Cursor::new(bytes);
        let mut decoder: Box<dyn ImageDecoder> = match kind {
            Kind::Jpeg => Box::new(JpegDecoder::new(cursor).map_err(damaged)?),
            Kind::Png => {
                Box::new(PngDecoder::with_limits(cursor, decoder_limits(limits)).map_err(damaged)?)
            }
            Kind::Webp => Box::new(WebPDecoder::new(cursor).map_err(damaged)?),
            Kind::Pdf => return Err(MediaError::Unsupported { detected: "pdf" }),
        };
        // Second check: what the decoder itself is about to allocate for.
        let dims = decoder.dimensions();
        check_size(dims, decoder.total_bytes(), limits)?;
        decoder
            .set_limits(decoder_limits(limits))
            .map_err(|e| limit_error(e, dims))?;
        // A malformed EXIF block must not make an otherwise fine photo unreadable.
        let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
        let mut image = DynamicImage::from_decoder(decoder).map_err(|e| limit_error(e, dims))?;
        image.apply_orientation(orientation);
        Ok((image, kind))
    })
}

/// Allocation limit handed to the decoders: the decoded-size limit plus slack for their own
/// buffers (a decoder asking for more fails instead of allocating).
fn decoder_limits(limits: &Limits) -> image::Limits {
    let mut l = image::Limits::default();
    l.max_alloc = Some(limits.max_image_bytes.saturating_add(16 << 20));
    l
}

fn damaged(_: ImageError) -> MediaError {
    MediaError::Damaged
}

fn limit_error(e: ImageError, (w, h): (u32, u32)) -> MediaError {
    match e {
        ImageError::Limits(_) => MediaError::TooManyPixels {
            pixels: u64::from(w) * u64::from(h),
        },
        _ => MediaError::Damaged,
    }
}

/// Whether the image carries no colour (so it can be stored as grey).
fn is_grey(image: &DynamicImage) -> bool {
    matches!(
        image,
        DynamicImage::ImageLuma8(_)
            | DynamicImage::ImageLumaA8(_)
            | DynamicImage::ImageLuma16(_)
            | DynamicImage::ImageLumaA16(_)
    )
}

/// 8-bit RGB with any transparency composited over white (JPEG has no alpha; a transparent
/// scan would otherwise come out black).
pub(crate) fn flatten_rgb(image: &DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.to_rgb8();
    }
    let rgba = image.to_rgba8();
    let (w, h) = rgba.dimensions();
    RgbImage::from_fn(w, h, |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over_white = |c: u8| {
            let (c, a) = (u16::from(c), u16::from(a));
            // c·a + 255·(255 − a), divided by 255 with rounding: always ≤ 255.
            u8::try_from((c * a + 255 * (255 - a) + 127) / 255).unwrap_or(u8::MAX)
        };
        image::Rgb([over_white(r), over_white(g), over_white(b)])
    })
}

/// The image as 8-bit grey or RGB, ready for a JPEG encoder.
pub(crate) fn for_jpeg(image: &DynamicImage) -> DynamicImage {
    if is_grey(image) && !image.color().has_alpha() {
        DynamicImage::ImageLuma8(image.to_luma8())
    } else if is_grey(image) {
        DynamicImage::ImageLuma8(DynamicImage::ImageRgb8(flatten_rgb(image)).to_luma8())
    } else {
        DynamicImage::ImageRgb8(flatten_rgb(image))
    }
}

pub(crate) fn encode_jpeg(image: &DynamicImage, quality: u8) -> Result<Vec<u8>, MediaError> {
    let mut out = Vec::new();
    let encoder = JpegEncoder::new_with_quality(&mut out, quality.clamp(1, 100));
    match image {
        DynamicImage::ImageRgb8(_) | DynamicImage::ImageLuma8(_) => {
            image.write_with_encoder(encoder)
        }
        _ => for_jpeg(image).write_with_encoder(encoder),
    }
    .map_err(damaged)?;
    Ok(out)
}

fn encode_png(image: &DynamicImage) -> Result<Vec<u8>, MediaError> {
    let mut out = Vec::new();
    let encoder =
        PngEncoder::new_with_quality(&mut out, CompressionType::Default, FilterType::Adaptive);
    image.write_with_encoder(encoder).map_err(damaged)?;
    Ok(out)
}
