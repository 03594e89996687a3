//! Receiving an upload with bounded memory.
//!
//! The web layer feeds the bytes of a file as they arrive ([`Upload::push`]). Up to
//! `storage.in_memory_mb` they are kept, then cleaned in memory (photos re-encoded, PDFs
//! rewritten without active content). Every buffer kept counts in the uploads' shared budget
//! (`storage.in_memory_total_mb`, a [`MemoryShare`]) for what cleaning it will cost, not only
//! for what arrived: [`CLEAN_FACTOR`] times its size (the input, the cleaner's parsed copy and
//! its output), held until the cleaned file is stored. A PDF takes its share as it grows and
//! only if there is room now; a photo (or anything that is not a PDF) waits, holding nothing,
//! for the share of a whole in-memory file (or of the request's length, when it is smaller),
//! so that no one holds part of the budget while waiting for more. Past that, only a PDF may go on: it streams through
//! [`consigne_media::PdfCheck`] (which refuses active content) into its encrypted blob, one
//! blocking task doing check, hash, encryption and the durable write with a small bounded
//! channel in front, so memory stays flat whatever the size. The blob is committed (durable)
//! only if the whole file arrived and passed; its row is written by `upload_document`.

use std::io::Read;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

pub use crate::config::CLEAN_FACTOR;
use crate::service::contexts as ctx;
use crate::service::items::content::{HashingWriter, blob_error};
use crate::service::items::media::media_error;
use crate::service::items::media::media_limits;
use crate::service::{App, ServiceError, ServiceResult, new_id};
use consigne_vault::Key32;

/// Chunks waiting for the storage task, at most (each one as the HTTP layer delivers it).
/// Chunks in flight between the request and the storage task: enough to overlap the two, few
/// enough that many concurrent uploads stay small.
const CHANNEL_DEPTH: usize = 2;

/// Plaintext per sealed chunk of a streamed upload (a quarter of the default): the storage task
/// holds about two of them, times the number of uploads streaming at once.
const STREAM_CHUNK: usize = 256 * 1024;

/// Photos of one scan, at most.
pub const MAX_SCAN_PAGES: usize = 20;

/// The bytes of a new document as received.
#[derive(Debug)]
pub enum Received {
    /// Small enough to be cleaned in memory.
    Memory(InMemory),
    /// A large PDF, already checked, encrypted and durable in the blob store.
    Stored(StoredUpload),
}

/// A file held in memory until it is cleaned and stored, with its share of the budget (none
/// yet for a file made by the server itself: it takes one before cleaning).
#[derive(Debug, Default)]
pub struct InMemory {
    pub(crate) bytes: Vec<u8>,
    pub(crate) share: Option<MemoryShare>,
}

impl Default for Received {
    fn default() -> Self {
        Received::Memory(InMemory::default())
    }
}

impl From<Vec<u8>> for Received {
    fn from(bytes: Vec<u8>) -> Self {
        Received::Memory(InMemory { bytes, share: None })
    }
}

/// A share of the uploads' in-memory budget (KiB), given back when dropped.
pub struct MemoryShare {
    budget: Arc<tokio::sync::Semaphore>,
    permit: Option<tokio::sync::OwnedSemaphorePermit>,
    kib: u32,
    /// The whole budget: no share asks for more (it would wait forever).
    cap: u32,
}

impl std::fmt::Debug for MemoryShare {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MemoryShare")
            .field("kib", &self.kib)
            .finish()
    }
}

impl MemoryShare {
    pub(crate) fn new(app: &App) -> Self {
        Self {
            budget: app.upload_memory.clone(),
            permit: None,
            kib: 0,
            cap: app.config.storage.in_memory_total_kib(),
        }
    }

    /// KiB that cleaning `bytes` in memory costs, within the whole budget.
    fn need(&self, bytes: usize) -> u32 {
        kib(bytes.saturating_mul(CLEAN_FACTOR)).min(self.cap)
    }

    /// Grows to cover cleaning `bytes` if the budget has room now; false (unchanged) if not.
    fn try_cover(&mut self, bytes: usize) -> bool {
        let need = self.need(bytes);
        if need <= self.kib {
            return true;
        }
        match self.budget.clone().try_acquire_many_owned(need - self.kib) {
            Ok(more) => {
                match &mut self.permit {
                    Some(held) => held.merge(more),
                    None => self.permit = Some(more),
                }
                self.kib = need;
                true
            }
            Err(_) => false,
        }
    }

    /// Covers cleaning `bytes`, waiting for room if needed; while it waits it holds nothing
    /// (what it held goes back first), so waiting shares never block each other.
    pub(crate) async fn cover(&mut self, bytes: usize) -> ServiceResult<()> {
        if self.try_cover(bytes) {
            return Ok(());
        }
        let need = self.need(bytes);
        self.permit = None;
        self.kib = 0;
        let permit = self
            .budget
            .clone()
            .acquire_many_owned(need)
            .await
            .map_err(|_| ServiceError::Internal("upload memory"))?;
        self.permit = Some(permit);
        self.kib = need;
        Ok(())
    }

    fn release(&mut self) {
        self.permit = None;
        self.kib = 0;
    }
}

/// A large PDF streamed to storage: the blob exists, no row points to it yet.
#[derive(Debug)]
pub struct StoredUpload {
    pub(crate) beneficiary_id: String,
    pub(crate) id: String,
    pub(crate) key: Key32,
    pub(crate) size: i64,
    /// SHA-256 of the plaintext.
    pub(crate) sha256: String,
    pub(crate) blob_key: String,
    /// SHA-256 of the stored ciphertext (for `consigne verify`).
    pub(crate) blob_sha256: String,
}

struct Streaming {
    tx: tokio::sync::mpsc::Sender<Vec<u8>>,
    /// Set once every byte was sent: without it the task discards the blob.
    complete: Arc<AtomicBool>,
    task: tokio::task::JoinHandle<ServiceResult<StoredUpload>>,
}

/// A file being received for one safe; see the module documentation. Dropped before
/// [`Upload::finish`], it leaves nothing behind.
pub struct Upload {
    app: App,
    bid: String,
    /// What the safe's quota still allows.
    room: i64,
    limit: usize,
    in_memory: usize,
    /// The most this file may hold in memory: `in_memory`, or less when the request says
    /// how long it is.
    whole: usize,
    buf: Vec<u8>,
    received: usize,
    streaming: Option<Streaming>,
    /// This upload's share of the in-memory budget, held while `buf` grows and until the
    /// cleaned file is stored.
    share: MemoryShare,
}

/// `limit`, or `hint` when it is known and smaller.
fn within(limit: usize, hint: Option<u64>) -> usize {
    hint.and_then(|h| usize::try_from(h).ok())
        .map_or(limit, |h| h.min(limit))
}

fn is_pdf(bytes: &[u8]) -> bool {
    matches!(consigne_media::sniff(bytes), Ok(consigne_media::Kind::Pdf))
}

/// KiB needed to hold `bytes`, rounded up.
fn kib(bytes: usize) -> u32 {
    u32::try_from(bytes.div_ceil(1024)).unwrap_or(u32::MAX)
}

impl std::fmt::Debug for Upload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Upload")
            .field("received", &self.received)
            .field("streaming", &self.streaming.is_some())
            .finish_non_exhaustive()
    }
}

impl Upload {
    /// An upload to safe `bid` (the caller checked it may add there), with `room` bytes left
    /// in its quota.
    pub(crate) fn new(app: &App, bid: String, room: i64, size_hint: Option<u64>) -> Self {
        let storage = &app.config.storage;
        Self {
            limit: storage.max_file_bytes(),
            in_memory: storage.in_memory_bytes(),
            whole: within(storage.in_memory_bytes(), size_hint),
            app: app.clone(),
            bid,
            room,
            buf: Vec::new(),
            received: 0,
            streaming: None,
            share: MemoryShare::new(app),
        }
    }

    /// Takes from the shared budget what cleaning `buf` will need. A PDF grows its share while
    /// there is room and streams to storage as soon as there is not; anything else waits
    /// (holding nothing) for the share of a whole in-memory file (or of the request's length,
    /// when smaller) at its first bytes, so that it never needs more afterwards.
    async fn reserve_memory(&mut self) -> ServiceResult<()> {
        // A file that is not a PDF takes the share of a whole in-memory file at once.
        let grows = self.share.kib > 0 || is_pdf(&self.buf);
        if grows && self.share.try_cover(self.buf.len()) {
            return Ok(());
        }
        if is_pdf(&self.buf) {
            self.start_streaming().await
        } else {
            self.share.cover(self.whole.max(self.buf.len())).await
        }
    }

    /// The next bytes of the file. Refuses as soon as the file is too large for the limit or
    /// the safe's room, or (past the in-memory size) is not a PDF or carries active content.
    /// On a refusal the partial blob is already gone when this returns.
    pub async fn push(&mut self, chunk: &[u8]) -> ServiceResult<()> {
        let result = self.push_inner(chunk).await;
        if result.is_err() {
            self.abandon().await;
        }
        result
    }

    /// Stops receiving (the request failed): the partial blob is gone when this returns.
    pub async fn abandon(&mut self) {
        if let Some(s) = self.streaming.take() {
            drop(s.tx);
            let _ = s.task.await;
        }
    }

    async fn push_inner(&mut self, chunk: &[u8]) -> ServiceResult<()> {
        self.received = self.received.saturating_add(chunk.len());
        if self.received > self.limit {
            return Err(ServiceError::TooLarge("file_too_large"));
        }
        if i64::try_from(self.received).map_or(true, |n| n > self.room) {
            return Err(ServiceError::TooLarge("quota_exceeded"));
        }
        if let Some(s) = &self.streaming {
            if s.tx.send(chunk.to_vec()).await.is_err() {
                return Err(self.failure().await);
            }
            return Ok(());
        }
        self.buf.extend_from_slice(chunk);
        self.reserve_memory().await?;
        if self.streaming.is_some() {
            return Ok(());
        }
        if self.buf.len() > self.in_memory {
            match consigne_media::sniff(&self.buf).map_err(media_error)? {
                consigne_media::Kind::Pdf => self.start_streaming().await?,
                _ => return Err(ServiceError::TooLarge("photo_too_large")),
            }
        }
        Ok(())
    }

    /// Every byte has arrived: the content, in memory or stored.
    pub async fn finish(mut self) -> ServiceResult<Received> {
        let Some(s) = self.streaming.take() else {
            if self.buf.is_empty() {
                return Err(crate::domain::InvalidInput::new("file", "required").into());
            }
            return Ok(Received::Memory(InMemory {
                bytes: std::mem::take(&mut self.buf),
                share: Some(std::mem::replace(
                    &mut self.share,
                    MemoryShare::new(&self.app),
                )),
            }));
        };
        s.complete.store(true, Ordering::SeqCst);
        drop(s.tx);
        let stored = s
            .task
            .await
            .map_err(|_| ServiceError::Internal("upload task"))??;
        Ok(Received::Stored(stored))
    }

    /// Why the storage task stopped early.
    async fn failure(&mut self) -> ServiceError {
        match self.streaming.take() {
            Some(s) => match s.task.await {
                Ok(Err(e)) => e,
                _ => ServiceError::Internal("upload task"),
            },
            None => ServiceError::Internal("upload task"),
        }
    }

    async fn start_streaming(&mut self) -> ServiceResult<()> {
        let (tx, rx) = tokio::sync::mpsc::channel::<Vec<u8>>(CHANNEL_DEPTH);
        let complete = Arc::new(AtomicBool::new(false));
        let (id, key) = (new_id(), Key32::random());
        let context = ctx::blob(&self.bid, &id, "content");
        let store = self.app.blobs().clone();
        let done = complete.clone();
        let bid = self.bid.clone();
        let check = consigne_media::PdfCheck::with_limits(&media_limits(&self.app));
        let task = tokio::task::spawn_blocking(move || -> ServiceResult<StoredUpload> {
            let mut reader = CheckedReader {
                rx,
                check: Some(check),
                current: Vec::new(),
                pos: 0,
                refused: None,
            };
            let mut w = HashingWriter::new(store.begin().map_err(blob_error)?);
            let blob_key = w.key().to_owned();
            let sealed = consigne_vault::stream::seal_stream(
                &key,
                &context,
                STREAM_CHUNK,
                &mut reader,
                &mut w,
            );
            if let Some(e) = reader.refused.take() {
                return Err(media_error(e));
            }
            let (size, digest) = sealed.map_err(|e| match e {
                consigne_vault::VaultError::Io(io) => blob_error(io.into()),
                other => other.into(),
            })?;
            if !done.load(Ordering::SeqCst) {
                // The client went away or the upload was refused: the blob is dropped.
                return Err(ServiceError::Internal("upload cancelled"));
            }
            reader
                .check
                .take()
                .ok_or(ServiceError::Internal("upload check"))?
                .finish()
                .map_err(media_error)?;
            let blob_sha256 = w.commit().map_err(blob_error)?;
            Ok(StoredUpload {
                beneficiary_id: bid,
                id,
                key,
                size: i64::try_from(size).map_err(|_| ServiceError::TooLarge("file_too_large"))?,
                sha256: hex::encode(digest),
                blob_key,
                blob_sha256,
            })
        });
        let first = std::mem::take(&mut self.buf);
        // Streaming holds a few chunks at a time: the in-memory share goes back.
        self.share.release();
        self.streaming = Some(Streaming { tx, complete, task });
        if let Some(s) = &self.streaming
            && s.tx.send(first).await.is_err()
        {
            return Err(self.failure().await);
        }
        Ok(())
    }
}

/// The received chunks as a reader, each one checked before it is handed on.
struct CheckedReader {
    rx: tokio::sync::mpsc::Receiver<Vec<u8>>,
    check: Option<consigne_media::PdfCheck>,
    current: Vec<u8>,
    pos: usize,
    refused: Option<consigne_media::MediaError>,
}

impl Read for CheckedReader {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        while self.pos == self.current.len() {
            match self.rx.blocking_recv() {
                Some(chunk) => {
                    if let Some(check) = &mut self.check
                        && let Err(e) = check.update(&chunk)
                    {
                        self.refused = Some(e);
                        return Err(std::io::Error::other("upload refused"));
                    }
                    self.current = chunk;
                    self.pos = 0;
                }
                None => return Ok(0),
            }
        }
        let n = out.len().min(self.current.len() - self.pos);
        out[..n].copy_from_slice(&self.current[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

/// The photos of a scan as they arrive, in order: together at most one in-memory file
/// (`storage.in_memory_mb`, they become one PDF cleaned in memory), with the share of the budget
/// that making and cleaning that PDF costs, taken (waiting, holding nothing) at the first bytes.
#[derive(Debug)]
pub struct ScanPhotos {
    photos: Vec<Vec<u8>>,
    total: usize,
    limit: usize,
    /// What the share covers: `limit`, or the request's length when smaller.
    whole: usize,
    share: MemoryShare,
}

impl ScanPhotos {
    pub(crate) fn new(app: &App, size_hint: Option<u64>) -> Self {
        let storage = &app.config.storage;
        let limit = storage.in_memory_bytes().min(storage.max_file_bytes());
        Self {
            photos: Vec::new(),
            total: 0,
            limit,
            whole: within(limit, size_hint),
            share: MemoryShare::new(app),
        }
    }

    /// A new photo begins (the following bytes are its own).
    pub fn start_photo(&mut self) -> ServiceResult<()> {
        if self.photos.len() >= MAX_SCAN_PAGES {
            return Err(ServiceError::TooLarge("too_many_files"));
        }
        self.photos.push(Vec::new());
        Ok(())
    }

    /// The next bytes of the current photo.
    pub async fn push(&mut self, chunk: &[u8]) -> ServiceResult<()> {
        self.total = self.total.saturating_add(chunk.len());
        if self.total > self.limit {
            return Err(ServiceError::TooLarge("scan_too_large"));
        }
        // Never less than what arrived (a request's length bounds its parts).
        self.share.cover(self.whole.max(self.total)).await?;
        match self.photos.last_mut() {
            Some(photo) => photo.extend_from_slice(chunk),
            None => self.photos.push(chunk.to_vec()),
        }
        Ok(())
    }

    /// The photos received (empty file inputs left out) and their share of the budget.
    pub(crate) fn into_parts(self) -> (Vec<Vec<u8>>, MemoryShare) {
        let photos = self.photos.into_iter().filter(|p| !p.is_empty()).collect();
        (photos, self.share)
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }
}

impl App {
    /// Starts receiving the photos of a scan; `size_hint`: the request body's length, if known.
    pub fn begin_scan(&self, size_hint: Option<u64>) -> ScanPhotos {
        ScanPhotos::new(self, size_hint)
    }
}
