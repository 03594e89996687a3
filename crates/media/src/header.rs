//! Image dimensions read straight from the container headers (JPEG SOF, PNG IHDR, WebP
//! VP8/VP8L/VP8X), without decoding and without allocating, so the pixel limit is enforced
//! before any decoder sees the file.

use crate::sniff::sniff;
use crate::{Kind, Limits, MediaError};

/// Pixel dimensions of an image without decoding (for the limit), as stored: before the EXIF
/// orientation is applied, so a portrait phone photo may read as landscape here.
///
/// Errors: `Unsupported` for a recognised non-image type (`"pdf"`, `"html"`…), `Damaged` for
/// bytes that are not a readable image header (including unknown or empty input).
pub fn dimensions(bytes: &[u8]) -> Result<(u32, u32), MediaError> {
    let kind = image_kind(bytes)?;
    dimensions_of(kind, bytes)
}

/// The image kind of `bytes`: unknown or empty input is `Damaged` (it is not an image we can
/// read), a PDF or another recognised type is `Unsupported`.
pub(crate) fn image_kind(bytes: &[u8]) -> Result<Kind, MediaError> {
    match sniff(bytes) {
        Ok(Kind::Pdf) => Err(MediaError::Unsupported { detected: "pdf" }),
        Ok(kind) => Ok(kind),
        Err(MediaError::Unsupported {
            detected: "unknown" | "empty",
        }) => Err(MediaError::Damaged),
        Err(e) => Err(e),
    }
}

pub(crate) fn dimensions_of(kind: Kind, bytes: &[u8]) -> Result<(u32, u32), MediaError> {
    let dims = match kind {
        Kind::Jpeg => jpeg(bytes),
        Kind::Png => png(bytes),
        Kind::Webp => webp(bytes),
        Kind::Pdf => return Err(MediaError::Unsupported { detected: "pdf" }),
    };
    match dims {
        Some((w, h)) if w > 0 && h > 0 => Ok((w, h)),
        _ => Err(MediaError::Damaged),
    }
}

/// Refuses `width × height` above the pixel limit, or `bytes` of decoded image above the
/// decoded-size limit.
pub(crate) fn check_size(
    (w, h): (u32, u32),
    bytes: u64,
    limits: &Limits,
) -> Result<(), MediaError> {
    let pixels = u64::from(w) * u64::from(h);
    if pixels > limits.max_pixels || bytes > limits.max_image_bytes {
        Err(MediaError::TooManyPixels { pixels })
    } else {
        Ok(())
    }
}

/// The decoded size of an image of this kind, read from its header: its pixels times the
/// bytes per pixel the decoder will produce for its bit depth and channels (rounded up: an
/// optional transparency chunk counts as an alpha channel, a CMYK JPEG as four channels).
/// Returns the dimensions too.
pub(crate) fn decoded_size(kind: Kind, bytes: &[u8]) -> Result<((u32, u32), u64), MediaError> {
    let dims = dimensions_of(kind, bytes)?;
    let per_pixel = match kind {
        Kind::Png => png_bytes_per_pixel(bytes),
        Kind::Jpeg => jpeg_bytes_per_pixel(bytes),
        // Lossless WebP and any WebP with alpha decode to RGBA; lossy without alpha to RGB.
        Kind::Webp | Kind::Pdf => 4,
    };
    let pixels = u64::from(dims.0) * u64::from(dims.1);
    Ok((dims, pixels.saturating_mul(per_pixel)))
}

/// PNG: IHDR's bit depth (byte 24) and colour type (byte 25). Below 8 bits the decoder expands
/// to 8, a palette to RGB; a `tRNS` chunk (before the image data) adds an alpha channel.
fn png_bytes_per_pixel(b: &[u8]) -> u64 {
    let depth = b.get(24).copied().unwrap_or(16);
    let alpha = u64::from(png_has_trns(b));
    let channels = match b.get(25).copied().unwrap_or(6) {
        0 => 1 + alpha,
        2 | 3 => 3 + alpha,
        4 => 2,
        _ => 4,
    };
    if depth > 8 { channels * 2 } else { channels }
}

/// Whether a `tRNS` chunk comes before the first `IDAT` (where the decoder reads it). Unsure
/// (a chunk cut short): yes.
fn png_has_trns(b: &[u8]) -> bool {
    let mut pos = 8;
    loop {
        let (Some(len), Some(kind)) = (be32(b, pos), b.get(pos + 4..pos + 8)) else {
            return true;
        };
        match kind {
            b"tRNS" => return true,
            b"IDAT" | b"IEND" => return false,
            _ => {}
        }
        let Some(next) = usize::try_from(len)
            .ok()
            .and_then(|len| pos.checked_add(12)?.checked_add(len))
        else {
            return true;
        };
        pos = next;
    }
}

/// JPEG: the start-of-frame's precision and number of components.
fn jpeg_bytes_per_pixel(b: &[u8]) -> u64 {
    let (precision, components) = jpeg_frame(b).unwrap_or((16, 4));
    let channels = u64::from(components.clamp(1, 4));
    if precision > 8 {
        channels * 2
    } else {
        channels
    }
}

fn be16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn le16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn le24(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at + 3)?;
    Some(u32::from(s[0]) | (u32::from(s[1]) << 8) | (u32::from(s[2]) << 16))
}

/// PNG: the IHDR chunk must come first.
fn png(b: &[u8]) -> Option<(u32, u32)> {
    if b.get(12..16)? != b"IHDR" {
        return None;
    }
    Some((be32(b, 16)?, be32(b, 20)?))
}

/// JPEG: walk the marker segments up to the first start-of-frame.
fn jpeg(b: &[u8]) -> Option<(u32, u32)> {
    let pos = jpeg_sof(b)?;
    let height = be16(b, pos + 3)?;
    let width = be16(b, pos + 5)?;
    Some((u32::from(width), u32::from(height)))
}

/// JPEG: the first start-of-frame's sample precision and number of components.
fn jpeg_frame(b: &[u8]) -> Option<(u8, u8)> {
    let pos = jpeg_sof(b)?;
    Some((*b.get(pos + 2)?, *b.get(pos + 7)?))
}

/// The position of the first start-of-frame segment's length field.
fn jpeg_sof(b: &[u8]) -> Option<usize> {
    let mut pos = 2; // after SOI
    loop {
        // Markers are 0xFF followed by a code; 0xFF fill bytes may repeat.
        if *b.get(pos)? != 0xFF {
            return None;
        }
        while *b.get(pos)? == 0xFF {
            pos += 1;
        }
        let marker = *b.get(pos)?;
        pos += 1;
        match marker {
            // Standalone markers: TEM, RSTn, SOI.
            0x01 | 0xD0..=0xD8 => continue,
            // EOI or start of scan before any frame header.
            0xD9 | 0xDA => return None,
            // SOFn (not DHT C4, JPG C8, DAC CC): length, precision, height, width.
            0xC0..=0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF => return Some(pos),
            _ => {
                let len = usize::from(be16(b, pos)?);
                if len < 2 {
                    return None;
                }
                pos += len;
            }
        }
    }
}

/// Whether a JPEG's entropy-coded data is followed by its end-of-image marker. The decoder is
/// lenient and would grey-fill a truncated photo (an interrupted upload): we call that damaged.
/// `FF D9` cannot occur inside entropy-coded data (`FF` is stuffed there), so finding it after
/// the first start-of-scan — reached by walking the segments, not by searching, since EXIF
/// thumbnails carry their own markers — means the scan data is complete.
pub(crate) fn jpeg_is_complete(b: &[u8]) -> bool {
    let mut pos = 2;
    loop {
        if b.get(pos) != Some(&0xFF) {
            return false;
        }
        while b.get(pos) == Some(&0xFF) {
            pos += 1;
        }
        let Some(&marker) = b.get(pos) else {
            return false;
        };
        pos += 1;
        match marker {
            0x01 | 0xD0..=0xD8 => continue,
            0xD9 => return false,
            _ => {}
        }
        let Some(len) = be16(b, pos).map(usize::from) else {
            return false;
        };
        if len < 2 {
            return false;
        }
        pos += len;
        if marker == 0xDA {
            return b
                .get(pos..)
                .is_some_and(|rest| rest.windows(2).any(|w| w == [0xFF, 0xD9]));
        }
    }
}

/// WebP: RIFF header, then the first chunk is VP8 (lossy), VP8L (lossless) or VP8X (extended,
/// carrying the canvas size).
fn webp(b: &[u8]) -> Option<(u32, u32)> {
    let fourcc = b.get(12..16)?;
    let data = 20;
    match fourcc {
        b"VP8 " => {
            // 3-byte frame tag, 3-byte start code, then 14-bit width and height.
            if b.get(data + 3..data + 6)? != [0x9D, 0x01, 0x2A] {
                return None;
            }
            let w = le16(b, data + 6)? & 0x3FFF;
            let h = le16(b, data + 8)? & 0x3FFF;
            Some((u32::from(w), u32::from(h)))
        }
        b"VP8L" => {
            if *b.get(data)? != 0x2F {
                return None;
            }
            let bits = u32::from_le_bytes(b.get(data + 1..data + 5)?.try_into().ok()?);
            Some(((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1))
        }
        b"VP8X" => Some((le24(b, data + 4)? + 1, le24(b, data + 7)? + 1)),
        _ => None,
    }
}
