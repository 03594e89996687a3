//! What cleaning a file would take ([`cost`]), decided before anything is decoded.

use crate::header::{check_size, decoded_size};
use crate::pdf_check::{PARSED_TOKEN_BYTES, measure};
use crate::sniff::sniff;
use crate::{Kind, Limits, MediaError};

/// The memory cleaning `bytes` may take (sanitising, thumbnail), in bytes, beyond the bytes
/// themselves; or the refusal the cleaning would end with, found without decoding:
/// - an image: its decoded size from the header (pixels × bytes per pixel) must be within
///   [`Limits::max_image_bytes`]; the cost is twice that (the decoded image and a rotated or
///   converted copy; the thumbnail is made after both are gone);
/// - a PDF: its object streams are inflated through a bounded window and its tokens counted
///   (`TooComplex` past [`Limits::max_pdf_inflated`]); the cost is the parsed document twice
///   (the cleaned one and the check that reads it back), the inflated streams and the output.
///
/// Over [`Limits::max_work_bytes`]: `TooManyPixels` for an image, `TooComplex` for a PDF. A caller running several
/// cleanings at once takes `cost` from a shared budget first.
pub fn cost(bytes: &[u8], limits: &Limits) -> Result<u64, MediaError> {
    let len = bytes.len() as u64;
    match sniff(bytes)? {
        Kind::Pdf => {
            let m = measure(bytes, limits)?;
            let parsed = m.tokens.saturating_mul(PARSED_TOKEN_BYTES);
            let cost = parsed
                .saturating_mul(2)
                .saturating_add(m.inflated)
                .saturating_add(len.saturating_mul(2));
            if cost > limits.max_work_bytes {
                return Err(MediaError::TooComplex);
            }
            Ok(cost)
        }
        kind => {
            let (dims, size) = decoded_size(kind, bytes)?;
            check_size(dims, size, limits)?;
            let cost = size.saturating_mul(2).saturating_add(len);
            if cost > limits.max_work_bytes {
                return Err(MediaError::TooManyPixels {
                    pixels: u64::from(dims.0) * u64::from(dims.1),
                });
            }
            Ok(cost)
        }
    }
}

/// The memory turning `photos` into one PDF may take: they are decoded one at a time, so the
/// largest one's cost, plus the JPEG pages kept until the end (at most each photo's size).
pub fn scan_cost(photos: &[Vec<u8>], limits: &Limits) -> Result<u64, MediaError> {
    let mut largest = 0u64;
    let mut pages = 0u64;
    for photo in photos {
        let kind = sniff(photo)?;
        if kind == Kind::Pdf {
            return Err(MediaError::Unsupported { detected: "pdf" });
        }
        largest = largest.max(cost(photo, limits)?);
        pages = pages.saturating_add(photo.len() as u64);
    }
    let total = largest.saturating_add(pages);
    if total > limits.max_work_bytes {
        return Err(MediaError::TooComplex);
    }
    Ok(total)
}
