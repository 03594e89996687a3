//! A document's encrypted content: written as a blob stream (hashing the ciphertext for
//! `consigne verify`), read back whole or as a stream of authenticated plaintext chunks, and
//! the source an export or a download decrypts from.

use crate::service::{App, ServiceError, ServiceResult};
use crate::store::blobs::BlobError;
use consigne_vault::Key32;

/// Hashes what goes through to the blob store (the ciphertext, checked by `consigne verify`).
pub(crate) struct HashingWriter {
    inner: Box<dyn crate::store::blobs::BlobWrite>,
    hasher: sha2::Sha256,
}

impl HashingWriter {
    pub(crate) fn new(inner: Box<dyn crate::store::blobs::BlobWrite>) -> Self {
        Self {
            inner,
            hasher: sha2::Sha256::default(),
        }
    }

    pub(crate) fn key(&self) -> &str {
        self.inner.key()
    }

    /// Makes the blob durable; returns the SHA-256 of what was written.
    pub(crate) fn commit(self) -> Result<String, BlobError> {
        let digest = hex::encode(sha2::Digest::finalize(self.hasher));
        self.inner.commit()?;
        Ok(digest)
    }
}

impl std::io::Write for HashingWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        sha2::Digest::update(&mut self.hasher, &buf[..n]);
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

pub(crate) fn blob_error(e: BlobError) -> ServiceError {
    match e {
        BlobError::Full => ServiceError::StorageFull,
        BlobError::NotFound => ServiceError::Internal("missing blob"),
        BlobError::Io(_) => ServiceError::Internal("blob storage"),
    }
}

/// A blob just written: its key, the SHA-256 of its ciphertext and of its plaintext (hex).
pub(crate) struct SealedBlob {
    pub(crate) blob_key: String,
    pub(crate) blob_sha256: String,
    pub(crate) sha256: String,
}

/// Encrypts `bytes` into a new blob; durable when this returns. One pass over the bytes
/// hashes both what the product keeps: the plaintext (the document's `sha256`, checked on
/// every download) and the stored ciphertext (checked by `consigne verify`, no key needed).
pub(crate) async fn write_blob(
    app: &App,
    key: &Key32,
    context: String,
    bytes: Vec<u8>,
) -> ServiceResult<SealedBlob> {
    write_blob_at(app, key, context, bytes, None).await
}

/// [`write_blob`] under the blob key `at` (replacing the blob there), or a new random one.
pub(crate) async fn write_blob_at(
    app: &App,
    key: &Key32,
    context: String,
    bytes: Vec<u8>,
    at: Option<String>,
) -> ServiceResult<SealedBlob> {
    let store = app.blobs.clone();
    let key = key.clone();
    tokio::task::spawn_blocking(move || -> ServiceResult<SealedBlob> {
        let writer = match &at {
            Some(k) => store.begin_at(k),
            None => store.begin(),
        };
        let mut w = HashingWriter::new(writer.map_err(blob_error)?);
        let blob_key = w.key().to_owned();
        let (_, plain) = consigne_vault::stream::seal_stream(
            &key,
            &context,
            consigne_vault::stream::DEFAULT_CHUNK,
            bytes.as_slice(),
            &mut w,
        )
        .map_err(|e| match e {
            consigne_vault::VaultError::Io(io) => blob_error(io.into()),
            other => other.into(),
        })?;
        drop(bytes);
        let blob_sha256 = w.commit().map_err(blob_error)?;
        Ok(SealedBlob {
            blob_key,
            blob_sha256,
            sha256: hex::encode(plain),
        })
    })
    .await
    .map_err(|_| ServiceError::Internal("blob task"))?
}

pub(crate) async fn read_blob(
    app: &App,
    key: &Key32,
    context: String,
    blob_key: String,
) -> ServiceResult<(Vec<u8>, [u8; 32])> {
    let store = app.blobs.clone();
    let key = key.clone();
    tokio::task::spawn_blocking(move || -> ServiceResult<(Vec<u8>, [u8; 32])> {
        let reader = store.open(&blob_key).map_err(blob_error)?;
        let mut out = Vec::new();
        let (_, digest) = consigne_vault::stream::open_stream(
            &key,
            &context,
            std::io::BufReader::with_capacity(256 * 1024, reader),
            &mut out,
        )?;
        Ok((out, digest))
    })
    .await
    .map_err(|_| ServiceError::Internal("blob task"))?
}

/// The plaintext bytes `range` of a blob, decrypting only up to its end: each chunk is
/// authenticated before its bytes are kept (bound to the blob's context and its place in the
/// stream), so the bytes are the ones sealed even when the stream is not read to its end.
pub(crate) async fn read_blob_range(
    app: &App,
    key: &Key32,
    context: String,
    blob_key: String,
    range: std::ops::Range<u64>,
) -> ServiceResult<Vec<u8>> {
    let store = app.blobs.clone();
    let key = key.clone();
    tokio::task::spawn_blocking(move || -> ServiceResult<Vec<u8>> {
        let reader = store.open(&blob_key).map_err(blob_error)?;
        let mut out = RangeWriter {
            range,
            at: 0,
            kept: Vec::new(),
        };
        let result = consigne_vault::stream::open_stream(
            &key,
            &context,
            std::io::BufReader::with_capacity(256 * 1024, reader),
            &mut out,
        );
        match result {
            Ok(_) => {}
            // The writer stops the decryption once it has the range.
            Err(_) if out.is_full() => {}
            Err(e) => return Err(e.into()),
        }
        if !out.is_full() {
            return Err(ServiceError::Internal("blob shorter than its range"));
        }
        Ok(out.kept)
    })
    .await
    .map_err(|_| ServiceError::Internal("blob task"))?
}

/// Keeps the bytes of `range` of what is written, and refuses more once it has them.
struct RangeWriter {
    range: std::ops::Range<u64>,
    at: u64,
    kept: Vec<u8>,
}

impl RangeWriter {
    fn is_full(&self) -> bool {
        self.kept.len() as u64 == self.range.end.saturating_sub(self.range.start)
    }
}

impl std::io::Write for RangeWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.is_full() {
            return Err(std::io::Error::other("range read"));
        }
        let end = self.at.saturating_add(buf.len() as u64);
        let from = self.range.start.max(self.at).min(end);
        let to = self.range.end.min(end).max(from);
        // Both within buf: from and to are between at and at + buf.len().
        let (a, b) = ((from - self.at) as usize, (to - self.at) as usize);
        self.kept.extend_from_slice(&buf[a..b]);
        self.at = end;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Plaintext chunks of a document as they are decrypted (each one authenticated before it is
/// sent), for downloads whose memory stays flat whatever the size.
pub type ContentStream = tokio::sync::mpsc::Receiver<Result<Vec<u8>, std::io::Error>>;

/// Sends what `open_stream` writes into a bounded channel (back-pressure: at most a few chunks
/// in memory).
pub(crate) struct ChannelWriter(
    pub(crate) tokio::sync::mpsc::Sender<Result<Vec<u8>, std::io::Error>>,
);

impl std::io::Write for ChannelWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.blocking_send(Ok(buf.to_vec())).map_err(|_| {
            std::io::Error::new(std::io::ErrorKind::BrokenPipe, "download cancelled")
        })?;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Where a document's content is and how to open it, checked against the digest its metadata
/// carries: what a download or an export needs once the access is decided and journaled.
pub(crate) struct ContentSource {
    pub(crate) key: Key32,
    pub(crate) context: String,
    pub(crate) blob_key: String,
    pub(crate) expected: String,
}

impl ContentSource {
    /// Decrypts the content into `out` chunk by chunk, each one authenticated before it is
    /// written (blocking). Fails, after writing part of it, if the content is not exactly the
    /// one stored: the caller must then present what it wrote as incomplete.
    pub(crate) fn decrypt(
        &self,
        reader: Box<dyn std::io::Read + Send>,
        out: impl std::io::Write,
    ) -> Result<u64, String> {
        let (size, digest) = consigne_vault::stream::open_stream(
            &self.key,
            &self.context,
            std::io::BufReader::with_capacity(256 * 1024, reader),
            out,
        )
        .map_err(|e| e.to_string())?;
        if hex::encode(digest) != self.expected {
            return Err("document digest mismatch".to_owned());
        }
        Ok(size)
    }

    /// The SHA-256 of the plaintext, hex.
    pub(crate) fn sha256(&self) -> &str {
        &self.expected
    }

    pub(crate) fn blob_key(&self) -> &str {
        &self.blob_key
    }
}
