//! Consigne's upload media processing: everything that touches the *content* of an uploaded
//! file before it is encrypted and stored.
//!
//! All functions are pure and synchronous: they take bytes and return bytes, with no file system,
//! network or clock access, so they can run inside `spawn_blocking` and be tested on fixtures
//! built in memory. They are CPU-heavy (decoding a 50-megapixel photo takes a while): callers
//! should bound how many run at once.
//!
//! | module | owns |
//! | --- | --- |
//! | `sniff` | deciding the type from magic numbers ([`sniff()`]), and the refusal vocabulary |
//! | `header` | reading image dimensions from headers without decoding ([`dimensions`]) |
//! | `raster` | decoding, EXIF orientation, re-encoding ([`sanitize_image`]) and [`thumbnail`] |
//! | `pdf` | removing active content from PDFs ([`sanitize_pdf`]) |
//! | `pdf_check` | checking PDFs too large to rewrite, as they stream ([`PdfCheck`]) |
//! | `scan` | turning phone photos into one PDF ([`images_to_pdf`]) |
//! | `cost` | what cleaning a file would take, refused before any decoding ([`cost`]) |
//! | `preview` | PDF pages rendered as images, every cost bounded before rendering ([`pdf_preview`]; feature `pdf-preview`) |
//!
//! # Accepted types
//! JPEG, PNG, WebP and PDF. Everything else is refused with [`MediaError::Unsupported`], whose
//! `detected` field is one of [`DETECTED_NAMES`] so the web layer can show a precise message.
//!
//! **HEIC/HEIF is refused** (`detected: "heic"`): the pure-Rust HEVC decoders that exist
//! (`heic`, `heic-rs`, `heifer`, all 0.x) are young, single-maintainer, and not yet a decoder we
//! want to run on hostile input; iPhones send JPEG when a web form does not advertise HEIC (Safari
//! converts on upload) and can be set to "Most Compatible". Revisit when one matures.
//!
//! # Bombs
//! What a file costs is counted on what it *decodes to*, never on its size: a 400 KB PNG can
//! announce 7 000 × 7 000 pixels of 16-bit RGBA (392 MB), a 200 KB PDF can hold an object stream
//! that inflates to 200 MB. Every entry point checks the header (images: pixels times bytes per
//! pixel, against [`Limits::max_image_bytes`]) or measures what a PDF's object streams inflate
//! to (against [`Limits::max_pdf_inflated`], with a bounded inflate window) **before** decoding,
//! and [`cost`] tells the caller how much memory the cleaning may take so that it can run under
//! a shared budget. Object streams are recognised by what makes a reader use them (`/First`,
//! `/N`), not by their `/Type`.
//!
//! # Logs
//! `lopdf` logs malformed objects at ERROR level, with parts of the file in the message.
//! [`QuietParserLogs`] wraps the process's `log` sink: a record from `lopdf` becomes one WARN
//! line without content.
//!
//! # Defence in depth
//! Third-party parsers run inside [`std::panic::catch_unwind`]: a panic in a decoder on a hostile
//! file becomes [`MediaError::Damaged`] instead of tearing down the request. (Stack overflow and
//! `panic = "abort"` builds are not covered by this.)

mod assemble;
mod cost;
mod form;
mod header;
mod logs;
mod pdf;
mod pdf_check;
#[cfg(feature = "pdf-preview")]
mod preview;
mod raster;
mod scan;
mod sniff;

pub use assemble::{Assembled, Assembler, CoverLine, CoverStyle, page_count, watermarked};
pub use cost::{cost, scan_cost};
pub use form::{FieldValue, FormError, fill_form};
pub use header::dimensions;
pub use logs::QuietParserLogs;
pub use pdf::{PdfReport, pdf_is_clean, sanitize_pdf};
pub use pdf_check::{ACTIVE_NAMES, PdfCheck};
#[cfg(feature = "pdf-preview")]
pub use preview::{PdfPreview, PreviewPage, pdf_preview, preview_cost};
pub use raster::{sanitize_image, thumbnail};
pub use scan::images_to_pdf;
pub use sniff::{DETECTED_NAMES, SNIFF_LEN, sniff};

/// A file type Consigne accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Jpeg,
    Png,
    Webp,
    Pdf,
}

impl Kind {
    /// The MIME type to serve this kind with.
    pub fn mime(&self) -> &'static str {
        match self {
            Kind::Jpeg => "image/jpeg",
            Kind::Png => "image/png",
            Kind::Webp => "image/webp",
            Kind::Pdf => "application/pdf",
        }
    }

    /// The file extension (without the dot) for downloads.
    pub fn extension(&self) -> &'static str {
        match self {
            Kind::Jpeg => "jpg",
            Kind::Png => "png",
            Kind::Webp => "webp",
            Kind::Pdf => "pdf",
        }
    }
}

/// Why a file was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum MediaError {
    /// Not an accepted type (HTML, SVG, archives, office files, executables, HEIC, unknown):
    /// `detected` is a short machine name, one of [`DETECTED_NAMES`].
    #[error("unsupported type: {detected}")]
    Unsupported { detected: &'static str },
    /// The image header announces more pixels than [`Limits::max_pixels`], or more decoded
    /// bytes (pixels times bytes per pixel, from the bit depth and channels) than
    /// [`Limits::max_image_bytes`].
    #[error("image too large: {pixels} pixels")]
    TooManyPixels { pixels: u64 },
    /// A PDF whose object streams inflate past [`Limits::max_pdf_inflated`], or that would
    /// take more memory to clean than [`Limits::max_work_bytes`] (a decompression bomb, or
    /// millions of tiny objects).
    #[error("pdf too complex")]
    TooComplex,
    /// The file claims an accepted type but cannot be read (truncated, corrupt, unsupported
    /// variant of the format, or not a file at all).
    #[error("damaged file")]
    Damaged,
}

/// Resource limits and output settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest accepted `width × height`, checked on the header before any decoding.
    /// Default 50 000 000 (a 50 MP photo).
    pub max_pixels: u64,
    /// Largest decoded image, in bytes: `width × height × bytes per pixel`, the bytes per pixel
    /// read from the header (bit depth and channels: 16-bit RGBA is 8, an 8-bit photo 3), checked
    /// before any decoding and again on what the decoder announces. Default 150 MiB (a 50 MP
    /// 8-bit photo; a 7 000 × 7 000 16-bit RGBA PNG, 392 MB, is refused).
    pub max_image_bytes: u64,
    /// Most bytes a PDF's object and cross-reference streams may inflate to, in total, whether
    /// the PDF is cleaned in memory or checked as it streams. Default 64 MiB (a PDF's object
    /// streams hold dictionaries: a few MB even for thousands of pages).
    pub max_pdf_inflated: u64,
    /// Most memory one cleaning may take (estimated by [`cost`]): a file that would need more is
    /// refused. Default 320 MiB (twice the largest image, and its file); callers sharing a budget
    /// pass its size.
    pub max_work_bytes: u64,
    /// Longest side of thumbnails, in pixels. Default 320.
    pub thumbnail_px: u32,
    /// JPEG quality (1–100) for re-encoded photos, thumbnails and scanned pages. Default 85.
    pub jpeg_quality: u8,
    /// Widest a PDF page's preview may be, in pixels. Default 1 000.
    pub preview_width_px: u32,
    /// Tallest a PDF page's preview may be, in pixels (an A4 page 1 000 pixels wide is
    /// 1 414 high). Default 1 500.
    pub preview_height_px: u32,
    /// Most pages of a PDF rendered for its preview (the others are downloaded). Default 20.
    pub preview_pages: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_pixels: 50_000_000,
            max_image_bytes: 150 * MIB,
            max_pdf_inflated: 64 * MIB,
            max_work_bytes: 320 * MIB,
            thumbnail_px: 320,
            jpeg_quality: 85,
            preview_width_px: 1000,
            preview_height_px: 1500,
            preview_pages: 20,
        }
    }
}

const MIB: u64 = 1024 * 1024;

/// Runs a third-party parser, turning a panic into [`MediaError::Damaged`].
fn guarded<T>(f: impl FnOnce() -> Result<T, MediaError>) -> Result<T, MediaError> {
    // The closures only borrow the input bytes immutably and build fresh values, so no
    // half-updated state is observable after an unwind.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or(Err(MediaError::Damaged))
}
