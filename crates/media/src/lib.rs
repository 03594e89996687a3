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
//! # Defence in depth
//! Third-party parsers run inside [`std::panic::catch_unwind`]: a panic in a decoder on a hostile
//! file becomes [`MediaError::Damaged`] instead of tearing down the request. (Stack overflow and
//! `panic = "abort"` builds are not covered by this.)

mod header;
mod pdf;
mod pdf_check;
mod raster;
mod scan;
mod sniff;

pub use header::dimensions;
pub use pdf::{PdfReport, sanitize_pdf};
pub use pdf_check::{ACTIVE_NAMES, PdfCheck};
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
    /// The image header announces more pixels than [`Limits::max_pixels`].
    #[error("image too large: {pixels} pixels")]
    TooManyPixels { pixels: u64 },
    /// The file claims an accepted type but cannot be read (truncated, corrupt, unsupported
    /// variant of the format, or not a file at all).
    #[error("damaged file")]
    Damaged,
}

/// Resource limits and output settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest accepted `width × height`, checked on the header before any decoding.
    /// Default 50 000 000 (a 50 MP photo; decoding it takes about 200 MB of memory).
    pub max_pixels: u64,
    /// Longest side of thumbnails, in pixels. Default 320.
    pub thumbnail_px: u32,
    /// JPEG quality (1–100) for re-encoded photos, thumbnails and scanned pages. Default 85.
    pub jpeg_quality: u8,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_pixels: 50_000_000,
            thumbnail_px: 320,
            jpeg_quality: 85,
        }
    }
}

/// Runs a third-party parser, turning a panic into [`MediaError::Damaged`].
fn guarded<T>(f: impl FnOnce() -> Result<T, MediaError>) -> Result<T, MediaError> {
    // The closures only borrow the input bytes immutably and build fresh values, so no
    // half-updated state is observable after an unwind.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or(Err(MediaError::Damaged))
}
