//! Receiving an upload with bounded memory.
//!
//! The web layer feeds the bytes of a file as they arrive ([`Upload::push`]). Up to
//! `storage.in_memory_mb` they are kept, then cleaned in memory (photos re-encoded, PDFs
//! rewritten without active content). Past that, only a PDF may go on: it streams through
//! [`consigne_media::PdfCheck`] (which refuses active content) into its encrypted blob, one
//! blocking task doing check, hash, encryption and the durable write with a small bounded
//! channel in front, so memory stays flat whatever the size. The blob is committed (durable)
//! only if the whole file arrived and passed; its row is written by `upload_document`.

use std::io::Read;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::documents::{HashingWriter, blob_error, ctx, media_error};
use super::{App, ServiceError, ServiceResult, new_id};
use consigne_vault::Key32;

/// Chunks waiting for the storage task, at most (each one as the HTTP layer delivers it).
/// Chunks in flight between the request and the storage task: enough to overlap the two, few
/// enough that many concurrent uploads stay small.
const CHANNEL_DEPTH: usize = 2;
/// Plaintext per sealed chunk of a streamed upload (a quarter of the default): the storage task
/// holds about two of them, times the number of uploads streaming at once.
const STREAM_CHUNK: usize = 256 * 1024;

/// The bytes of a new document as received.
#[derive(Debug)]
pub enum Received {
    /// Small enough to be cleaned in memory.
    Memory(Vec<u8>),
    /// A large PDF, already checked, encrypted and durable in the blob store.
    Stored(StoredUpload),
}

impl Default for Received {
    fn default() -> Self {
        Received::Memory(Vec::new())
    }
}

impl From<Vec<u8>> for Received {
    fn from(bytes: Vec<u8>) -> Self {
        Received::Memory(bytes)
    }
}

/// A large PDF streamed to storage: the blob exists, no row points to it yet.
#[derive(Debug)]
pub struct StoredUpload {
    pub(super) beneficiary_id: String,
    pub(super) id: String,
    pub(super) key: Key32,
    pub(super) size: i64,
    /// SHA-256 of the plaintext.
    pub(super) sha256: String,
    pub(super) blob_key: String,
    /// SHA-256 of the stored ciphertext (for `consigne verify`).
    pub(super) blob_sha256: String,
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
    buf: Vec<u8>,
    received: usize,
    streaming: Option<Streaming>,
    /// This upload's share of the in-memory budget (KiB), held while `buf` grows.
    held: Option<tokio::sync::OwnedSemaphorePermit>,
    held_kib: u32,
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
    pub(super) fn new(app: &App, bid: String, room: i64) -> Self {
        let storage = &app.config.storage;
        Self {
            limit: storage.max_file_bytes(),
            in_memory: storage.in_memory_bytes(),
            app: app.clone(),
            bid,
            room,
            buf: Vec::new(),
            received: 0,
            streaming: None,
            held: None,
            held_kib: 0,
        }
    }

    /// Takes from the shared budget what `buf` needs. Past the budget, a PDF streams to
    /// storage now; anything else gives back its share and waits for a whole in-memory file's
    /// (so that waiting uploads hold nothing and the ones holding their share can finish).
    async fn reserve_memory(&mut self) -> ServiceResult<()> {
        let need = kib(self.buf.len());
        if need <= self.held_kib {
            return Ok(());
        }
        let budget = self.app.upload_memory.clone();
        if let Ok(more) = budget.clone().try_acquire_many_owned(need - self.held_kib) {
            match &mut self.held {
                Some(held) => held.merge(more),
                None => self.held = Some(more),
            }
            self.held_kib = need;
            return Ok(());
        }
        if matches!(
            consigne_media::sniff(&self.buf),
            Ok(consigne_media::Kind::Pdf)
        ) {
            self.start_streaming().await?;
        } else {
            self.held = None;
            self.held_kib = 0;
            let whole = kib(self.in_memory).min(self.app.config.storage.in_memory_total_kib());
            let permit = budget
                .acquire_many_owned(whole)
                .await
                .map_err(|_| ServiceError::Internal("upload memory"))?;
            self.held = Some(permit);
            self.held_kib = whole;
        }
        Ok(())
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
            return Ok(Received::Memory(std::mem::take(&mut self.buf)));
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
        let check = consigne_media::PdfCheck::with_limits(&self.app.media_limits());
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
        self.held = None;
        self.held_kib = 0;
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
