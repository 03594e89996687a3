//! The item core and the items built on it. Everything a person keeps in her safe is an item:
//! a document, a contact, a note, an event. Each has its own random key; the core decides who
//! reaches it and how, for every kind alike:
//! - `open`: the policy's permission, then the key (her vault key or key pair, or a wrap
//!   addressed to a structure it is shared with); a permission without a key reveals nothing;
//! - `wrap`: who holds a new item's key, the row written with its first share and journal line;
//! - `share`: sharing with one of her relais, or no longer;
//! - `visibility`: what its views show of who added it and who it is shared with;
//! - `seal`: its metadata sealed under its key.
//!
//! Beside the core: `documents` (with their encrypted `content`, `upload` and `media`
//! cleaning, `scan`: photos of a paper waiting to become one, the `preview` of a PDF's pages, and the `assembled` file: several documents made into one PDF), `folders`, and `organizer` for contacts, notes and events (`fields`). Every access
//! is journaled.

pub(crate) mod assembled;
pub(crate) mod content;
pub(crate) mod documents;
pub(crate) mod fields;
pub(crate) mod folders;
pub(crate) mod media;
pub(crate) mod open;
pub(crate) mod organizer;
pub(crate) mod preview;
pub(crate) mod rewrap;
pub(crate) mod scan;
pub(crate) mod seal;
pub(crate) mod share;
pub(crate) mod upload;
pub(crate) mod visibility;
pub(crate) mod wrap;

pub use assembled::{AssembleRequest, MAX_FILE_PIECES};
pub use content::ContentStream;
pub use documents::{DocumentPatch, DocumentView, NewDocument, PaperDetails};
pub use fields::{Contact, Event, ItemFields, ItemKind, Note, Reminder, parse_fields};
pub use folders::FolderView;
pub use organizer::ItemView;
pub use preview::PreviewMeta;
pub use scan::{PageEdit, ScanDraft};
pub use upload::{MAX_SCAN_PAGES, Received, ScanPhotos, Upload};
