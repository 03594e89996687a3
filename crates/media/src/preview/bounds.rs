//! What a PDF's streams decode to, measured before the renderer decodes any
//! ([`check_streams`]).
//!
//! hayro decodes a stream whole, with no limit: a 60 KB Flate stream of zeros becomes 60 MB. So
//! every stream of the file is measured first, holding no more than an inflate window:
//! - Flate: inflated (zlib, else raw deflate, as hayro tries them) into a counter; data that
//!   neither reads is charged what deflate can give at most, 1 032 times its length (hayro's
//!   lenient fallback decoder still cannot exceed it);
//! - LZW: decoded for the lengths only (a table of 4 096 lengths), with and without the early
//!   code-size change, the larger counted;
//! - run-length: 128 times; ASCII85: 4 times (`z`); ASCII hex: once; then each next filter
//!   multiplies by its worst case (1 032 for Flate, 4 096 for LZW);
//! - image codecs (JPEG, JPEG 2000, JBIG2, CCITT) end a chain: what they decode to is the
//!   image, counted when a page draws it (`meter.rs`).
//!
//! Images' data counts against [`Limits::max_image_bytes`] each; every other stream together
//! (contents, fonts, forms, colour profiles) against [`Limits::max_pdf_inflated`].

use std::io::Read;

use hayro::hayro_syntax::object::dict::keys;
use hayro::hayro_syntax::object::{Name, Object, Stream};
use hayro::hayro_syntax::{Filter, Pdf};

use crate::{Limits, MediaError};

/// What deflate can expand to, at most, per input byte.
const DEFLATE_RATIO: u64 = 1032;
/// What one LZW code (at least 9 bits) can expand to, at most: a table entry of 4 096 bytes.
const LZW_RATIO: u64 = 4096;

/// Measures every stream of `pdf` (see the module's first lines); returns what the non-image
/// streams decode to, together.
pub(super) fn check_streams(pdf: &Pdf, limits: &Limits) -> Result<u64, MediaError> {
    let mut total = 0u64;
    for object in pdf.objects() {
        let Object::Stream(stream) = object else {
            continue;
        };
        let is_image = stream
            .dict()
            .get::<Name<'_>>(keys::SUBTYPE)
            .is_some_and(|n| n.as_ref() == b"Image");
        let cap = if is_image {
            limits.max_image_bytes
        } else {
            limits.max_pdf_inflated.saturating_sub(total)
        };
        let size = decoded_bound(&stream, cap)?;
        if !is_image {
            total = total.saturating_add(size);
        }
    }
    Ok(total)
}

/// At most what `stream` decodes to (before an image codec), or `TooComplex` past `cap`.
pub(super) fn decoded_bound(stream: &Stream<'_>, cap: u64) -> Result<u64, MediaError> {
    let raw = stream.raw_data();
    let mut size = raw.len() as u64;
    for (i, filter) in stream.filters().iter().enumerate() {
        size = match filter {
            Filter::FlateDecode if i == 0 => inflated_len(&raw, cap),
            Filter::LzwDecode if i == 0 => lzw_len(&raw, true).max(lzw_len(&raw, false)),
            Filter::FlateDecode => size.saturating_mul(DEFLATE_RATIO),
            Filter::LzwDecode => size.saturating_mul(LZW_RATIO),
            Filter::RunLengthDecode => size.saturating_mul(128),
            Filter::Ascii85Decode => size.saturating_mul(4),
            Filter::AsciiHexDecode | Filter::Crypt => size,
            // An image codec ends the chain: the image is counted where it is drawn.
            Filter::DctDecode
            | Filter::JpxDecode
            | Filter::Jbig2Decode
            | Filter::CcittFaxDecode => {
                break;
            }
        };
        if size > cap {
            return Err(MediaError::TooComplex);
        }
    }
    if size > cap {
        return Err(MediaError::TooComplex);
    }
    Ok(size)
}

/// What `data` inflates to, counted through a window, stopping just past `cap`.
fn inflated_len(data: &[u8], cap: u64) -> u64 {
    let count = |reader: &mut dyn Read| -> Option<u64> {
        std::io::copy(
            &mut reader.take(cap.saturating_add(1)),
            &mut std::io::sink(),
        )
        .ok()
    };
    count(&mut flate2::read::ZlibDecoder::new(data))
        .or_else(|| count(&mut flate2::read::DeflateDecoder::new(data)))
        .unwrap_or_else(|| (data.len() as u64).saturating_mul(DEFLATE_RATIO))
}

/// What LZW `data` decodes to (PDF's variant: MSB first, 9 to 12 bits, clear 256, end 257),
/// counting lengths only. `early`: the code size grows one code early (PDF's default).
fn lzw_len(data: &[u8], early: bool) -> u64 {
    const CLEAR: usize = 256;
    const END: usize = 257;
    let mut lengths: Vec<u64> = Vec::with_capacity(4096);
    let reset = |lengths: &mut Vec<u64>| {
        lengths.clear();
        lengths.extend(std::iter::repeat_n(1, 258));
    };
    reset(&mut lengths);
    let (mut bits, mut nbits, mut width) = (0u32, 0u32, 9u32);
    let mut previous: Option<u64> = None;
    let mut total = 0u64;
    for &byte in data {
        bits = (bits << 8) | u32::from(byte);
        nbits += 8;
        while nbits >= width {
            let code = ((bits >> (nbits - width)) & ((1 << width) - 1)) as usize;
            nbits -= width;
            bits &= (1 << nbits) - 1;
            match code {
                CLEAR => {
                    reset(&mut lengths);
                    width = 9;
                    previous = None;
                    continue;
                }
                END => return total,
                _ => {}
            }
            let len = match (lengths.get(code), previous) {
                (Some(&l), _) => l,
                // The code being defined: the previous string plus its first byte.
                (None, Some(p)) if code == lengths.len() => p + 1,
                _ => return total,
            };
            if let Some(p) = previous
                && lengths.len() < 4096
            {
                lengths.push(p + 1);
            }
            total = total.saturating_add(len);
            previous = Some(len);
            let next = lengths.len() + usize::from(early);
            width = match next {
                n if n >= 2048 => 12,
                n if n >= 1024 => 11,
                n if n >= 512 => 10,
                _ => 9,
            };
        }
    }
    total
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn lzw_lengths_follow_the_codes() {
        // 9-bit codes: 'A' (65), 'B' (66), 258 ("AB"), 257 (end), MSB first.
        let codes = [65u32, 66, 258, 257];
        let mut bits = 0u64;
        for c in codes {
            bits = (bits << 9) | u64::from(c);
        }
        let total_bits = 9 * codes.len();
        let pad = (8 - total_bits % 8) % 8;
        bits <<= pad;
        let n = (total_bits + pad) / 8;
        let data: Vec<u8> = (0..n).rev().map(|i| (bits >> (8 * i)) as u8).collect();
        assert_eq!(lzw_len(&data, true), 4);
        assert_eq!(lzw_len(&[], true), 0);
    }

    #[test]
    fn inflated_length_is_counted_and_capped() {
        use std::io::Write;
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(&vec![0u8; 1 << 20]).unwrap();
        let data = e.finish().unwrap();
        assert_eq!(inflated_len(&data, 2 << 20), 1 << 20);
        assert_eq!(inflated_len(&data, 1000), 1001);
        assert_eq!(inflated_len(b"not deflate", 1 << 30), 11 * DEFLATE_RATIO);
    }
}
