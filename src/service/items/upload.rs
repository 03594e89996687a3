//! Receiving an upload with bounded memory.
//!
//! The web layer feeds the bytes of a file as they arrive ([`Upload::push`]). Up to
//! `storage.in_memory_mb` they are kept, then cleaned in memory (photos re-encoded, PDFs
//! rewritten without active content when they carry some). Two budgets bound the memory, each
//! counting its own bytes once: the uploads' shared budget (`storage.in_memory_total_mb`, a
//! [`MemoryShare`]) counts the bytes an upload holds, from their arrival until they are stored
//! (the buffer as received, then the cleaned file); the media budget (`media.budget_mb`,
//! `media.rs`) counts what cleaning costs on top (decoded images, parsed PDFs, their output).
//! A PDF takes its share of the first budget as it grows (all at once when the request says
//! how long it is) and only if there is room now; a photo (or anything that is not a PDF)
//! waits, holding nothing, for the share of a whole in-memory file (or of the request's
//! length, when it is smaller), so that no one holds part of the budget while waiting for
//! more. The buffer is reserved to what the share covers, never grown past it.
//!
//! Past that size, or at once when the request is longer than it, or when the budget has no
//! room, only a PDF may go on: it streams through [`consigne_media::PdfCheck`] (which refuses
//! active content) into its encrypted blob, one blocking task doing check, hash, encryption
//! and the durable write. What it holds is one copy per stage: the chunks as the HTTP layer
//! delivered them (a small bounded channel of them, never copied), the chunk being sealed, the
//! blob writer's buffer. The bytes buffered before streaming keep their share until the task
//! has consumed them. At most `storage.max_streaming_uploads` stream at once; the others wait
//! their turn (holding what they received so far), so memory stays flat however many people
//! upload. The blob is committed (durable) only if the whole file arrived and passed; its row
//! is written by `upload_document`.

use crate::domain::{BeneficiaryId, ItemId};
use std::io::Read;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use bytes::Bytes;

use crate::service::contexts as ctx;
use crate::service::items::content::{HashingWriter, blob_error};
use crate::service::items::media::media_error;
use crate::service::items::media::media_limits;
use crate::service::{App, ServiceError, ServiceResult};
use consigne_vault::Key32;

/// Chunks in flight between the request and the storage task: enough to overlap the two, few
/// enough that many concurrent uploads stay small.
const CHANNEL_DEPTH: usize = 2;

/// Plaintext per sealed chunk of a streamed upload (a quarter of the default): the storage task
/// holds one of them, times the number of uploads streaming at once.
const STREAM_CHUNK: usize = 256 * 1024;
/// What a request's length may hold besides its file part (boundaries, part headers, the short
/// text parts): a PDF in a longer request cannot fit in memory and streams from its first byte.
const FORM_OVERHEAD: u64 = 64 * 1024;

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

    /// KiB that holding `bytes` in memory costs, within the whole budget.
    fn need(&self, bytes: usize) -> u32 {
        kib(bytes).min(self.cap)
    }

    /// Grows to cover `bytes` if the budget has room now; false (unchanged) if not.
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

    /// Covers `bytes`, waiting for room if needed; while it waits it holds nothing (what it
    /// held goes back first), so waiting shares never block each other.
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
}

/// A large PDF streamed to storage: the blob exists, no row points to it yet.
#[derive(Debug)]
pub struct StoredUpload {
    pub(crate) beneficiary_id: BeneficiaryId,
    pub(crate) id: ItemId,
    pub(crate) key: Key32,
    pub(crate) size: i64,
    /// SHA-256 of the plaintext.
    pub(crate) sha256: String,
    pub(crate) blob_key: String,
    /// SHA-256 of the stored ciphertext (for `consigne verify`).
    pub(crate) blob_sha256: String,
}

/// Bytes on their way to the storage task, with the share of the budget that counts them
/// (the buffer kept before streaming began), given back once the task is done with them.
struct Piece {
    bytes: Bytes,
    /// Held, never read: dropping it gives the share back.
    _share: Option<MemoryShare>,
}

struct Streaming {
    tx: tokio::sync::mpsc::Sender<Piece>,
    /// Set once every byte was sent: without it the task discards the blob.
    complete: Arc<AtomicBool>,
    task: tokio::task::JoinHandle<ServiceResult<StoredUpload>>,
}

/// A file being received for one safe; see the module documentation. Dropped before
/// [`Upload::finish`], it leaves nothing behind.
pub struct Upload {
    app: App,
    bid: BeneficiaryId,
    /// What the safe's quota still allows.
    room: i64,
    limit: usize,
    in_memory: usize,
    /// The most this file may hold in memory: `in_memory`, or less when the request says
    /// how long it is.
    whole: usize,
    /// The request says how long it is (its file part is at most `whole`, or does not fit).
    sized: bool,
    /// The request is longer than a file kept in memory may be: a PDF streams at once.
    too_long_for_memory: bool,
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
    pub(crate) fn new(app: &App, bid: BeneficiaryId, room: i64, size_hint: Option<u64>) -> Self {
        let storage = &app.config.storage;
        let in_memory = storage.in_memory_bytes();
        Self {
            limit: storage.max_file_bytes(),
            in_memory,
            whole: within(in_memory, size_hint),
            sized: size_hint.is_some(),
            too_long_for_memory: size_hint
                .is_some_and(|h| h > (in_memory as u64).saturating_add(FORM_OVERHEAD)),
            app: app.clone(),
            bid,
            room,
            buf: Vec::new(),
            received: 0,
            streaming: None,
            share: MemoryShare::new(app),
        }
    }

    /// Makes room for `incoming` more bytes in `buf`: takes from the shared budget what they
    /// cost and reserves exactly that (a growing `Vec` would double past what is covered). A
    /// PDF grows its share while there is room (to the request's length at once, when known)
    /// and streams to storage as soon as there is not; anything else waits (holding nothing)
    /// for the share of a whole in-memory file (or of the request's length, when smaller) at
    /// its first bytes, so that it never needs more afterwards.
    async fn reserve_memory(&mut self, incoming: &[u8]) -> ServiceResult<()> {
        let len = self.buf.len() + incoming.len();
        let head = if self.buf.is_empty() {
            incoming
        } else {
            &self.buf
        };
        let pdf = is_pdf(head);
        if len > self.in_memory {
            return match consigne_media::sniff(head).map_err(media_error)? {
                consigne_media::Kind::Pdf => self.start_streaming().await,
                _ => Err(ServiceError::TooLarge("photo_too_large")),
            };
        }
        if pdf && self.too_long_for_memory {
            return self.start_streaming().await;
        }
        let target = if pdf && !self.sized {
            // Doubling, like a `Vec`, but within what a file in memory may be.
            len.max(len.saturating_mul(2).min(self.in_memory))
        } else {
            len.max(self.whole)
        };
        if pdf {
            if !self.share.try_cover(target) {
                return self.start_streaming().await;
            }
        } else {
            self.share.cover(target).await?;
        }
        if self.buf.capacity() < len {
            self.buf.reserve_exact(target - self.buf.len());
        }
        Ok(())
    }

    /// The next bytes of the file. Refuses as soon as the file is too large for the limit or
    /// the safe's room, or (past the in-memory size) is not a PDF or carries active content.
    /// On a refusal the partial blob is already gone when this returns.
    pub async fn push(&mut self, chunk: Bytes) -> ServiceResult<()> {
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

    async fn push_inner(&mut self, chunk: Bytes) -> ServiceResult<()> {
        self.received = self.received.saturating_add(chunk.len());
        if self.received > self.limit {
            return Err(ServiceError::TooLarge("file_too_large"));
        }
        if i64::try_from(self.received).map_or(true, |n| n > self.room) {
            return Err(ServiceError::TooLarge("quota_exceeded"));
        }
        if self.streaming.is_none() {
            self.reserve_memory(&chunk).await?;
        }
        if self.streaming.is_none() {
            self.buf.extend_from_slice(&chunk);
            return Ok(());
        }
        self.send(Piece {
            bytes: chunk,
            _share: None,
        })
        .await
    }

    /// Hands bytes to the storage task (waiting while its channel is full).
    async fn send(&mut self, piece: Piece) -> ServiceResult<()> {
        if let Some(s) = &self.streaming
            && s.tx.send(piece).await.is_ok()
        {
            return Ok(());
        }
        Err(self.failure().await)
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

    /// Starts the storage task, once a streaming place is free (waiting for one, in turn), and
    /// hands it what was buffered so far with its share of the budget.
    async fn start_streaming(&mut self) -> ServiceResult<()> {
        let place = self
            .app
            .upload_streams
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| ServiceError::Internal("upload streams"))?;
        let (tx, rx) = tokio::sync::mpsc::channel::<Piece>(CHANNEL_DEPTH);
        let complete = Arc::new(AtomicBool::new(false));
        let (id, key) = (ItemId::generate(), Key32::random());
        let context = ctx::blob(&self.bid, &id, "content");
        let store = self.app.blobs().clone();
        let done = complete.clone();
        let bid = self.bid.clone();
        let check = consigne_media::PdfCheck::with_limits(&media_limits(&self.app));
        let task = tokio::task::spawn_blocking(move || -> ServiceResult<StoredUpload> {
            // The streaming place is given back when the task ends, whatever the outcome.
            let _place = place;
            let mut reader = CheckedReader {
                rx,
                check: Some(check),
                current: Piece {
                    bytes: Bytes::new(),
                    _share: None,
                },
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
        self.streaming = Some(Streaming { tx, complete, task });
        if self.buf.is_empty() {
            return Ok(());
        }
        // What was buffered goes to the task as it is (no copy), still counted in the budget
        // until the task has read it.
        let first = Piece {
            bytes: Bytes::from(std::mem::take(&mut self.buf)),
            _share: Some(std::mem::replace(
                &mut self.share,
                MemoryShare::new(&self.app),
            )),
        };
        self.send(first).await
    }
}

/// The received chunks as a reader, each one checked before it is handed on.
struct CheckedReader {
    rx: tokio::sync::mpsc::Receiver<Piece>,
    check: Option<consigne_media::PdfCheck>,
    /// The chunk being read (and the share counting it, if any: both go when it is done).
    current: Piece,
    pos: usize,
    refused: Option<consigne_media::MediaError>,
}

impl Read for CheckedReader {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        while self.pos == self.current.bytes.len() {
            match self.rx.blocking_recv() {
                Some(piece) => {
                    if let Some(check) = &mut self.check
                        && let Err(e) = check.update(&piece.bytes)
                    {
                        self.refused = Some(e);
                        return Err(std::io::Error::other("upload refused"));
                    }
                    self.current = piece;
                    self.pos = 0;
                }
                None => {
                    self.current = Piece {
                        bytes: Bytes::new(),
                        _share: None,
                    };
                    self.pos = 0;
                    return Ok(0);
                }
            }
        }
        let n = out.len().min(self.current.bytes.len() - self.pos);
        out[..n].copy_from_slice(&self.current.bytes[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

/// The photos of a scan as they arrive, in order: together at most one in-memory file
/// (`storage.in_memory_mb`, they become one PDF), with the share of the uploads' budget that
/// holding them costs, taken (waiting, holding nothing) at the first bytes; making the PDF
/// counts in the media budget.
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
