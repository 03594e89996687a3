//! Printed papers in every script Consigne speaks. PDFs of the standard 14 fonts only know
//! Latin-1; a poster in Arabic, Pashto, Russian or Georgian needs real fonts, shaping and
//! right-to-left ordering. This crate embeds Noto fonts (`assets/fonts/`, OFL), shapes text
//! with rustybuzz, orders it with unicode-bidi (`text`), writes it as Type0/CIDFontType2 fonts
//! with a /ToUnicode map (`pdf`), and lays out the structure's printed kit (`kit`). Other
//! printed papers (the share link's mention, the assembled file's cover) can use `pdf` later.

pub mod kit;
pub mod pdf;
pub mod text;

pub use kit::{Contact, KitTexts, PosterSize, cards, flyer, poster};

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Error {
    #[error("an embedded font could not be read")]
    Font,
    #[error("the text does not fit in a QR code")]
    Qr,
    #[error("the PDF could not be written")]
    Write,
}
