//! The assembled file (issue 15, item 4): some of her documents made into one new PDF of her
//! safe, for a procedure. A cover page (her name in Latin script and her identifier, the title,
//! the date, each piece with its type and the SHA-256 of the stored document, the missing
//! pieces flagged), one bookmark per piece, page numbers, an optional watermark on every page
//! (`consigne_media::Assembler`).
//!
//! Who may: whoever may add an item to her safe and read every piece (she, or a professional
//! of a relais each piece is shared with): a piece the caller cannot open is the same 404 as a
//! missing one, never left out. Each piece read is journaled (`document_put_in_file`) before
//! any of it is read, the new file as `file_assembled`.
//!
//! Memory stays flat whatever the total: the pages are counted first, piece by piece; then
//! the file is written as the pieces are read, one at a time (its plaintext counted in the
//! uploads' budget, its parsing in the media budget), straight into an encrypted blob through
//! [`SealingWriter`] (a chunk of plaintext and its ciphertext at most). The blob becomes a
//! document only once complete; a failure at any step removes it (no row, no blob).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use sha2::Digest;

use crate::domain::{BeneficiaryId, DocumentType, ItemId, ItemKind};
use crate::service::beneficiaries::identity_of;
use crate::service::calendar::reminders::catalogs;
use crate::service::contexts as ctx;
use crate::service::items::content::{ContentSource, HashingWriter, blob_error};
use crate::service::items::documents::{
    DocumentView, NewDocument, PaperDetails, add_document_as, document_source, may_add_to,
};
use crate::service::items::media::{media_error, media_limits};
use crate::service::items::open::Opened;
use crate::service::items::upload::{MemoryShare, Received, StoredUpload};
use crate::service::journal::{actor_of, journal};
use crate::service::{App, ServiceError, ServiceResult, Session};
use consigne_media::{Assembler, CoverLine, CoverStyle};
use consigne_vault::Key32;
use consigne_vault::stream::{BlobSealer, DEFAULT_CHUNK};

/// Pieces in one file, at most.
pub const MAX_FILE_PIECES: usize = 60;
/// Longest watermark, in characters (it is printed across a page).
const MAX_WATERMARK: usize = 120;
/// Languages whose words the cover prints (the standard PDF fonts are Latin); any other asks
/// for French, the language of the administrations the file goes to.
const COVER_LANGUAGES: [&str; 4] = ["fr", "en", "es", "ro"];

/// What to assemble.
#[derive(Debug, Clone, Default)]
pub struct AssembleRequest {
    /// The file's title (a procedure's name): the cover's first line and the document's name.
    pub title: String,
    /// The documents, in order, each with its bookmark (empty: the document's name).
    pub pieces: Vec<(ItemId, String)>,
    /// Pieces the file should hold but does not (flagged on the cover).
    pub missing: Vec<String>,
    /// A title from the catalogues (a procedure's `label_id`), in the cover's language; it
    /// comes before `title`.
    pub title_id: Option<String>,
    /// Papers the file should hold but does not, by type (each line its alternatives), named
    /// on the cover in its language after `missing`.
    pub missing_types: Vec<Vec<DocumentType>>,
    /// Printed across every page ("copy for the CAF, 2 December 2026"), if given.
    pub watermark: Option<String>,
    /// The language of the cover's words (a Latin-script one, else French).
    pub language: String,
}

/// A piece as the caller may read it.
struct Piece {
    view: DocumentView,
    source: ContentSource,
    label: String,
}

impl App {
    /// Makes one PDF of her documents `request.pieces` and adds it to her safe (type `other`,
    /// created by the caller, shared with the caller's structure when a professional makes
    /// it); see the module's documentation.
    pub async fn assemble_file(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
        request: AssembleRequest,
    ) -> ServiceResult<DocumentView> {
        assemble_file(self, session, bid, request).await
    }
}

/// Text without control characters, in one line, at most `max` characters.
fn one_line(raw: &str, max: usize) -> String {
    raw.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(max)
        .collect()
}

/// Whether the cover's fonts print `text` (Latin-1 and the few characters WinAnsi adds).
fn printable(text: &str) -> bool {
    text.chars()
        .all(|c| (' '..='\u{ff}').contains(&c) || "€‚„…‹Œ‘’“”•–—›œŸ\u{202f}".contains(c))
}

/// The watermark asked for, on one line; none when empty. Refused when longer than
/// [`MAX_WATERMARK`] or in a script the standard PDF fonts do not print (it would print "???").
/// Share links' copies use it too.
pub(crate) fn watermark_of(raw: Option<&str>) -> ServiceResult<Option<String>> {
    let watermark = raw
        .map(|w| one_line(w, MAX_WATERMARK + 1))
        .filter(|w| !w.is_empty());
    if let Some(w) = &watermark {
        if w.chars().count() > MAX_WATERMARK {
            return Err(crate::domain::InvalidInput::new("watermark", "too_long").into());
        }
        if !printable(w) {
            return Err(crate::domain::InvalidInput::new("watermark", "invalid").into());
        }
    }
    Ok(watermark)
}

pub(crate) async fn assemble_file(
    app: &App,
    session: &Session,
    bid: &BeneficiaryId,
    request: AssembleRequest,
) -> ServiceResult<DocumentView> {
    let language = COVER_LANGUAGES
        .into_iter()
        .find(|l| *l == request.language)
        .unwrap_or("fr");
    let locale = crate::i18n::Locale::new(
        catalogs()
            .ok_or(ServiceError::Internal("catalogs"))?
            .clone(),
        language,
    );
    let given = match &request.title_id {
        Some(id) => locale.t(id),
        None => request.title.clone(),
    };
    let title = match one_line(&given, 121) {
        t if t.is_empty() => locale.t("file-default-title"),
        t => crate::domain::ShortText::parse("title", &t, 120)?.into_string(),
    };
    let watermark = watermark_of(request.watermark.as_deref())?;
    if request.pieces.is_empty() {
        return Err(crate::domain::InvalidInput::new("document_ids", "required").into());
    }
    if request.pieces.len() > MAX_FILE_PIECES {
        return Err(crate::domain::InvalidInput::new("document_ids", "too_many").into());
    }
    // May she (or he) add to her safe at all: before anything is read.
    let (_, used) = may_add_to(app, session, bid).await?;
    let (identity, _, _) = identity_of(app, session, bid).await?;
    let mut pieces = Vec::with_capacity(request.pieces.len());
    let mut opened: Vec<Opened> = Vec::with_capacity(request.pieces.len());
    for (id, label) in &request.pieces {
        let (view, source, o) = document_source(app, session, id).await?;
        if view.beneficiary_id != *bid {
            return Err(ServiceError::NotFound);
        }
        let label = Some(one_line(label, 200))
            .filter(|l| !l.is_empty())
            .unwrap_or_else(|| view.name.clone());
        pieces.push(Piece {
            view,
            source,
            label,
        });
        opened.push(o);
    }
    let total_size: i64 = pieces.iter().map(|p| p.view.size).sum();
    let quota = app.config.storage.quota_bytes();
    if used.saturating_add(total_size) > quota {
        return Err(ServiceError::TooLarge("quota_exceeded"));
    }
    journal_pieces(app, session, &opened).await?;

    let now = app.now();
    let date = crate::clock::rfc3339(now)
        .get(..10)
        .unwrap_or_default()
        .to_owned();
    let name_line = {
        let name = format!("{} {}", identity.first_name, identity.last_name);
        if printable(&name) {
            format!("{name} ({})", identity.identifier)
        } else {
            identity.identifier.clone()
        }
    };
    let cover_title = if printable(&title) {
        title.clone()
    } else {
        locale.t("file-default-title")
    };
    let mut cover = vec![
        CoverLine::new(CoverStyle::Title, cover_title),
        CoverLine::new(
            CoverStyle::Text,
            locale.ta("file-cover-person", &[("name", name_line.into())]),
        ),
        CoverLine::new(
            CoverStyle::Text,
            locale.ta("file-cover-date", &[("date", date.clone().into())]),
        ),
        CoverLine::new(CoverStyle::Heading, locale.t("file-cover-pieces")),
    ];
    for (n, piece) in pieces.iter().enumerate() {
        let kind = locale.t(&piece.view.doc_type.label_id());
        let line = if printable(&piece.label) && piece.label != kind {
            format!("{}. {kind} : {}", n + 1, piece.label)
        } else {
            format!("{}. {kind}", n + 1)
        };
        cover.push(CoverLine::new(CoverStyle::Text, line));
        cover.push(CoverLine::new(
            CoverStyle::Hash,
            format!("SHA-256 {}", piece.view.sha256),
        ));
    }
    let missing: Vec<String> = request
        .missing
        .iter()
        .map(|m| one_line(m, 200))
        .chain(request.missing_types.iter().map(|types| {
            types
                .iter()
                .map(|t| locale.t(&t.label_id()))
                .collect::<Vec<_>>()
                .join(" / ")
        }))
        .filter(|m| !m.is_empty())
        .collect();
    if !missing.is_empty() {
        cover.push(CoverLine::new(
            CoverStyle::Heading,
            locale.t("file-cover-missing"),
        ));
        for m in &missing {
            let text = if printable(m) { m.clone() } else { "?".into() };
            cover.push(CoverLine::new(CoverStyle::Missing, text));
        }
    }
    cover.push(CoverLine::new(
        CoverStyle::Text,
        locale.t("file-cover-hashes"),
    ));

    let (id, key) = (ItemId::generate(), Key32::random());
    let room = u64::try_from(quota.saturating_sub(used)).unwrap_or(0);
    let over = Arc::new(AtomicBool::new(false));
    let work = Work {
        app: app.clone(),
        runtime: tokio::runtime::Handle::current(),
        pieces,
        cover,
        page_label: locale.t("file-cover-page"),
        watermark: watermark.clone(),
        context: ctx::blob(bid, &id, "content"),
        key: key.clone(),
        room: (room, over.clone()),
    };
    // One blocking thread does it all, so that what a piece costs is freed where the next one
    // is made (one allocator arena), not kept in another thread's.
    let stored = blocking_service(move || work.run())
        .await
        .map_err(|e| quota_or(e, &over))?;
    let file_name = format!("{title} {date}.pdf");
    add_document_as(
        app,
        session,
        bid,
        NewDocument {
            content: Received::Stored(StoredUpload {
                beneficiary_id: bid.clone(),
                id,
                key,
                size: stored.size,
                sha256: stored.sha256,
                blob_key: stored.blob_key,
                blob_sha256: stored.blob_sha256,
            }),
            name: Some(format!("{title} — {date}")),
            file_name: Some(file_name),
            folder_id: None,
        },
        PaperDetails {
            doc_type: Some(DocumentType::Other.as_str().to_owned()),
            expires_on: None,
            via: None,
        },
        "file_assembled",
    )
    .await
}

/// What the file is made of, for the one blocking thread that makes it.
struct Work {
    app: App,
    /// To wait for the memory budgets from the blocking thread.
    runtime: tokio::runtime::Handle,
    pieces: Vec<Piece>,
    cover: Vec<CoverLine>,
    page_label: String,
    watermark: Option<String>,
    context: String,
    key: Key32,
    room: (u64, Arc<AtomicBool>),
}

impl Work {
    /// Counts the pages (a photo is one, a PDF is read and parsed), then writes the file into
    /// a new blob as the pieces come, one at a time; the blob is durable when this returns.
    fn run(self) -> ServiceResult<SealedFile> {
        let limits = media_limits(&self.app);
        let mut total: u32 = 1;
        for piece in &self.pieces {
            let pages = if piece.view.content_type == consigne_media::Kind::Pdf.mime() {
                let (bytes, _held) = self.read(piece)?;
                consigne_media::page_count(&bytes, &limits).map_err(media_error)?
            } else {
                1
            };
            total = total.saturating_add(pages);
        }
        let blob = self.app.blobs.begin().map_err(blob_error)?;
        let writer = SealingWriter::new(&self.key, &self.context, blob, self.room.clone())?;
        let mut assembler = Assembler::new(
            writer,
            total,
            &self.page_label,
            self.watermark.as_deref(),
            &limits,
        )
        .map_err(media_error)?;
        assembler.cover(&self.cover).map_err(media_error)?;
        for piece in &self.pieces {
            let (bytes, _held) = self.read(piece)?;
            assembler.add(&piece.label, &bytes).map_err(media_error)?;
        }
        let (writer, _) = assembler.finish().map_err(media_error)?;
        writer.commit()
    }

    /// A piece's plaintext (checked against its SHA-256), with what holding and parsing it
    /// cost in the two memory budgets (the uploads' for its bytes, the media budget for what
    /// it decodes or inflates to), waited for like an upload's.
    fn read(&self, piece: &Piece) -> ServiceResult<(Vec<u8>, Held)> {
        let size = usize::try_from(piece.view.size).unwrap_or(usize::MAX);
        let mut share = MemoryShare::new(&self.app);
        self.runtime.block_on(share.cover(size))?;
        let reader = self
            .app
            .blobs
            .open(piece.source.blob_key())
            .map_err(blob_error)?;
        let mut bytes = Vec::with_capacity(size);
        piece.source.decrypt(reader, &mut bytes).map_err(|why| {
            tracing::error!(error = %why, "a piece of a file could not be read");
            ServiceError::Internal("document digest mismatch")
        })?;
        let cost = consigne_media::cost(&bytes, &media_limits(&self.app)).map_err(media_error)?;
        let permit = self.runtime.block_on(self.app.media.take(cost))?;
        Ok((bytes, (share, permit)))
    }
}

/// Shares of the memory budgets, given back when dropped.
type Held = (MemoryShare, tokio::sync::OwnedSemaphorePermit);

/// A file that outgrew the safe's room fails as "quota exceeded", whatever the engine made of
/// its writer's refusal.
fn quota_or(e: ServiceError, over: &AtomicBool) -> ServiceError {
    if over.load(Ordering::SeqCst) {
        ServiceError::TooLarge("quota_exceeded")
    } else {
        e
    }
}

/// One line per piece in her journal, before any of it is read.
async fn journal_pieces(app: &App, session: &Session, opened: &[Opened]) -> ServiceResult<()> {
    let now = app.now();
    let lines: Vec<_> = opened
        .iter()
        .map(|o| {
            (
                actor_of(session, o.via.as_ref()),
                o.row.beneficiary_id.clone(),
                o.row.id.clone(),
            )
        })
        .collect();
    app.tx(move |tx| {
        for (actor, bid, iid) in &lines {
            journal(
                tx,
                now,
                Some(bid),
                actor,
                "document_put_in_file",
                Some((ItemKind::Document.as_str(), iid.as_str())),
                true,
            )?;
        }
        Ok(())
    })
    .await
}

async fn blocking_service<T: Send + 'static>(
    f: impl FnOnce() -> ServiceResult<T> + Send + 'static,
) -> ServiceResult<T> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|_| ServiceError::Internal("file task"))?
}

/// A complete blob: what its document row needs.
struct SealedFile {
    blob_key: String,
    blob_sha256: String,
    sha256: String,
    size: i64,
}

/// Encrypts what is written into a blob, chunk by chunk (one chunk of plaintext and its
/// ciphertext in memory), hashing the plaintext (the document's SHA-256) and refusing to grow
/// past `room` bytes (the safe's quota). Dropped without [`SealingWriter::commit`], it leaves
/// nothing behind.
struct SealingWriter {
    sealer: BlobSealer,
    out: HashingWriter,
    sealed: Vec<u8>,
    plain: sha2::Sha256,
    size: u64,
    room: u64,
    /// Set when a write would have passed `room`.
    over: Arc<AtomicBool>,
}

impl SealingWriter {
    fn new(
        key: &Key32,
        context: &str,
        blob: Box<dyn crate::store::blobs::BlobWrite>,
        (room, over): (u64, Arc<AtomicBool>),
    ) -> ServiceResult<Self> {
        let (sealer, header) = BlobSealer::new(key, context, DEFAULT_CHUNK)?;
        let mut out = HashingWriter::new(blob);
        std::io::Write::write_all(&mut out, &header).map_err(|e| blob_error(e.into()))?;
        Ok(Self {
            sealer,
            out,
            sealed: Vec::new(),
            plain: sha2::Sha256::default(),
            size: 0,
            room,
            over,
        })
    }

    /// Seals the last chunk and makes the blob durable.
    fn commit(mut self) -> ServiceResult<SealedFile> {
        self.sealed.clear();
        self.sealer.finish(&mut self.sealed)?;
        std::io::Write::write_all(&mut self.out, &self.sealed)
            .and_then(|()| std::io::Write::flush(&mut self.out))
            .map_err(|e| blob_error(e.into()))?;
        let blob_key = self.out.key().to_owned();
        let blob_sha256 = self.out.commit().map_err(blob_error)?;
        Ok(SealedFile {
            blob_key,
            blob_sha256,
            sha256: hex::encode(self.plain.finalize()),
            size: i64::try_from(self.size).map_err(|_| ServiceError::TooLarge("file_too_large"))?,
        })
    }
}

impl std::io::Write for SealingWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        // At most a chunk at a time: the sealed copy stays one chunk long.
        let buf = &buf[..buf.len().min(DEFAULT_CHUNK)];
        let size = self.size.saturating_add(buf.len() as u64);
        if size > self.room {
            self.over.store(true, Ordering::SeqCst);
            return Err(std::io::Error::other("quota exceeded"));
        }
        self.sealed.clear();
        self.sealer
            .update(buf, &mut self.sealed)
            .map_err(std::io::Error::other)?;
        self.out.write_all(&self.sealed)?;
        self.plain.update(buf);
        self.size = size;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::store::blobs::{BlobStore, FsBlobStore};
    use std::io::Write;

    fn store() -> (tempfile::TempDir, FsBlobStore) {
        let dir = tempfile::tempdir().unwrap();
        let store = FsBlobStore::open_dir(&dir.path().join("blobs")).unwrap();
        (dir, store)
    }

    #[test]
    fn the_sealed_file_opens_with_its_key_and_hashes_its_plaintext() {
        let (_dir, store) = store();
        let key = Key32::random();
        let over = Arc::new(AtomicBool::new(false));
        let blob = store.begin().unwrap();
        let mut w = SealingWriter::new(&key, "ctx", blob, (10 << 20, over.clone())).unwrap();
        let plain: Vec<u8> = (0..3_000_000u32).map(|i| (i % 251) as u8).collect();
        w.write_all(&plain).unwrap();
        let sealed = w.commit().unwrap();
        assert_eq!(sealed.size, 3_000_000);
        assert_eq!(sealed.sha256, hex::encode(sha2::Sha256::digest(&plain)));
        let mut out = Vec::new();
        let (_, digest) = consigne_vault::stream::open_stream(
            &key,
            "ctx",
            store.open(&sealed.blob_key).unwrap(),
            &mut out,
        )
        .unwrap();
        assert_eq!(out, plain);
        assert_eq!(hex::encode(digest), sealed.sha256);
        assert!(!over.load(Ordering::SeqCst));
    }

    #[test]
    fn a_file_outgrowing_the_room_is_refused_and_leaves_no_blob() {
        let (_dir, store) = store();
        let over = Arc::new(AtomicBool::new(false));
        let blob = store.begin().unwrap();
        let mut w =
            SealingWriter::new(&Key32::random(), "ctx", blob, (1000, over.clone())).unwrap();
        w.write_all(&[7u8; 600]).unwrap();
        assert!(w.write_all(&[7u8; 600]).is_err());
        assert!(over.load(Ordering::SeqCst));
        assert!(matches!(
            quota_or(ServiceError::Internal("x"), &over),
            ServiceError::TooLarge("quota_exceeded")
        ));
        drop(w);
        assert!(store.list().unwrap().is_empty());
    }
}
