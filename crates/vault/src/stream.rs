//! Blob streams (format version 1, algorithm id 3): chunked AES-256-GCM in the STREAM
//! construction of Hoang, Reyhanitabar, Rogaway and Vizár ("Online authenticated-encryption and
//! its nonce-reuse misuse-resistance", CRYPTO 2015), for documents of any size with flat memory.
//!
//! Layout (all integers big-endian; `docs/encryption.md`, "Blob stream"):
//!
//! ```text
//! header  = [version = 1][algorithm = 3][chunk size: u32][nonce prefix: 7 random bytes]
//! chunk i = AES-256-GCM(blob key, nonce_i, aad, plaintext chunk i) || 16-byte tag
//! nonce_i = nonce prefix (7) || i as u32 (4) || last flag (1: 0x01 on the final chunk, else 0x00)
//! aad     = the 13 header bytes || UTF-8 context      (the same for every chunk)
//! blob key = HKDF-SHA256(ikm = key, info = "consigne/v1/blob-stream")
//! ```
//!
//! Every chunk but the last holds exactly `chunk size` plaintext bytes; the last holds fewer
//! (0 to `chunk size - 1`), so a plaintext whose length is a multiple of the chunk size (the
//! empty one included) ends with an empty final chunk. The sealed length is therefore a function
//! of the plaintext length ([`sealed_len`]) and a reader knows the final chunk by its short
//! length. The nonce is the `StreamBE32` nonce of RustCrypto's `aead::stream` (checked by a
//! test); we build it ourselves so that each chunk is encrypted in place in the caller's output
//! buffer with [`AeadInPlace`] instead of through an intermediate buffer.
//!
//! Binding the header and the context in every chunk's associated data, the chunk index and the
//! last flag in its nonce, makes an altered header, another context (person, item, version),
//! reordered, dropped or duplicated chunks, a cut-off end and an appended chunk all fail.
//!
//! The key should be a fresh per-blob key (the item key of one document version): the nonce
//! prefix is random and only 56 bits, which is ample for one blob per key but would reach a
//! 2^-32 collision risk after a few thousand blobs under a single key.

use std::io::{ErrorKind, Read, Write};

use aes_gcm::aead::{AeadInPlace, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce, Tag};
use sha2::{Digest, Sha256};
use zeroize::{Zeroize, Zeroizing};

use crate::key::hkdf32;
use crate::{ALG_AES256GCM_STREAM, FORMAT_VERSION, Key32, Result, VaultError, random_bytes};

/// Default plaintext chunk size: 1 MiB.
pub const DEFAULT_CHUNK: usize = 1 << 20;
/// Smallest allowed plaintext chunk size: 4 KiB.
pub const MIN_CHUNK: usize = 4 << 10;
/// Largest allowed plaintext chunk size: 16 MiB (also the most a reader allocates per chunk).
pub const MAX_CHUNK: usize = 16 << 20;
/// Length of the random per-blob nonce prefix.
pub const NONCE_PREFIX_LEN: usize = 7;
/// Length of the GCM tag closing every chunk.
pub const TAG_LEN: usize = 16;
/// Length of the blob header: version, algorithm, chunk size, nonce prefix.
pub const HEADER_LEN: usize = 2 + 4 + NONCE_PREFIX_LEN;

/// HKDF info of the blob key: the caller's key is never used as an AES key directly, so the same
/// item key can also seal metadata with algorithm 1 without one key serving two ciphers.
pub(crate) const INFO_BLOB_KEY: &str = "consigne/v1/blob-stream";

/// The parts shared by the sealer and the opener: the cipher, the associated data and the nonce
/// state.
struct Core {
    cipher: Aes256Gcm,
    aad: Vec<u8>,
    prefix: [u8; NONCE_PREFIX_LEN],
    /// Index of the next chunk; beyond `u32::MAX` every call fails.
    counter: u64,
}

impl Core {
    fn new(key: &Key32, context: &str, header: &[u8; HEADER_LEN]) -> Self {
        let blob_key = Zeroizing::new(hkdf32(key.as_bytes(), INFO_BLOB_KEY.as_bytes()));
        let cipher = Aes256Gcm::new(aes_gcm::Key::<Aes256Gcm>::from_slice(blob_key.as_slice()));
        let mut aad = Vec::with_capacity(HEADER_LEN + context.len());
        aad.extend_from_slice(header);
        aad.extend_from_slice(context.as_bytes());
        let mut prefix = [0u8; NONCE_PREFIX_LEN];
        prefix.copy_from_slice(&header[HEADER_LEN - NONCE_PREFIX_LEN..]);
        Self {
            cipher,
            aad,
            prefix,
            counter: 0,
        }
    }

    fn nonce(&self, last: bool) -> Result<Nonce<aes_gcm::aead::consts::U12>> {
        let counter = u32::try_from(self.counter).map_err(|_| VaultError::Format)?;
        Ok(Nonce::from(chunk_nonce(&self.prefix, counter, last)))
    }

    /// Appends `plaintext` to `out`, encrypts it there in place and appends the tag.
    fn seal(&mut self, plaintext: &[u8], last: bool, out: &mut Vec<u8>) -> Result<()> {
        let start = out.len();
        out.reserve(plaintext.len() + TAG_LEN);
        out.extend_from_slice(plaintext);
        self.seal_tail(out, start, last)
    }

    /// Encrypts `out[start..]` (one chunk of plaintext) in place and appends its tag. On error
    /// the plaintext is wiped and `out` cut back to `start`.
    fn seal_tail(&mut self, out: &mut Vec<u8>, start: usize, last: bool) -> Result<()> {
        let tag = match (self.nonce(last), out.get_mut(start..)) {
            (Ok(nonce), Some(body)) => self
                .cipher
                .encrypt_in_place_detached(&nonce, &self.aad, body)
                .ok(),
            _ => None,
        };
        match tag {
            Some(tag) => {
                out.extend_from_slice(&tag);
                self.counter += 1;
                Ok(())
            }
            // More than 2^32 chunks, or (unreachable) GCM's 64 GiB message limit.
            None => {
                if let Some(body) = out.get_mut(start..) {
                    body.zeroize();
                }
                out.truncate(start);
                Err(VaultError::Format)
            }
        }
    }

    /// Authenticates and decrypts one sealed chunk (ciphertext || tag) in place; returns the
    /// plaintext, the front of `sealed`. GCM checks the tag before decrypting, so on failure
    /// `sealed` still holds ciphertext.
    fn open_in_place<'a>(&mut self, sealed: &'a mut [u8], last: bool) -> Result<&'a [u8]> {
        let nonce = self.nonce(last)?;
        let split = sealed
            .len()
            .checked_sub(TAG_LEN)
            .ok_or(VaultError::Format)?;
        let (ciphertext, tag) = sealed
            .split_at_mut_checked(split)
            .ok_or(VaultError::Format)?;
        let tag = *Tag::from_slice(tag);
        self.cipher
            .decrypt_in_place_detached(&nonce, &self.aad, ciphertext, &tag)
            .map_err(|_| VaultError::Decrypt)?;
        self.counter += 1;
        Ok(ciphertext)
    }
}

/// The 12-byte GCM nonce of chunk `counter`: prefix || counter (u32, big-endian) || last flag.
fn chunk_nonce(prefix: &[u8; NONCE_PREFIX_LEN], counter: u32, last: bool) -> [u8; 12] {
    let mut nonce = [0u8; 12];
    nonce[..NONCE_PREFIX_LEN].copy_from_slice(prefix);
    nonce[NONCE_PREFIX_LEN..NONCE_PREFIX_LEN + 4].copy_from_slice(&counter.to_be_bytes());
    nonce[11] = u8::from(last);
    nonce
}

fn check_chunk_size(chunk_size: usize) -> Result<u32> {
    if !(MIN_CHUNK..=MAX_CHUNK).contains(&chunk_size) {
        return Err(VaultError::Format);
    }
    u32::try_from(chunk_size).map_err(|_| VaultError::Format)
}

/// Encrypts one blob, chunk by chunk, whatever its size; memory stays at about one chunk.
///
/// Write the header returned by [`BlobSealer::new`], then everything [`BlobSealer::update`]
/// and [`BlobSealer::finish`] append to their output buffer, in order.
pub struct BlobSealer {
    core: Core,
    chunk_size: usize,
    /// Plaintext waiting for a full chunk (always shorter than `chunk_size`); wiped after use.
    buf: Zeroizing<Vec<u8>>,
    failed: bool,
}

impl std::fmt::Debug for BlobSealer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BlobSealer")
            .field("chunk_size", &self.chunk_size)
            .field("chunks_sealed", &self.core.counter)
            .field("buffered", &self.buf.len())
            .finish_non_exhaustive()
    }
}

impl BlobSealer {
    /// Starts a blob under `key` (the item key), bound to `context` (e.g.
    /// `blob|<owner>|<item>|<version>`), with plaintext chunks of `chunk_size` bytes
    /// ([`DEFAULT_CHUNK`] unless there is a reason; [`MIN_CHUNK`]..=[`MAX_CHUNK`], else
    /// `Format`). Returns the sealer and the [`HEADER_LEN`]-byte header to write first.
    pub fn new(key: &Key32, context: &str, chunk_size: usize) -> Result<(Self, Vec<u8>)> {
        Self::with_nonce_prefix(key, context, chunk_size, random_bytes())
    }

    /// [`BlobSealer::new`] with a caller-chosen nonce prefix. Only for test vectors: two blobs
    /// with the same prefix under one key lose confidentiality.
    #[doc(hidden)]
    pub fn with_nonce_prefix(
        key: &Key32,
        context: &str,
        chunk_size: usize,
        prefix: [u8; NONCE_PREFIX_LEN],
    ) -> Result<(Self, Vec<u8>)> {
        let size = check_chunk_size(chunk_size)?;
        let mut header = [0u8; HEADER_LEN];
        header[0] = FORMAT_VERSION;
        header[1] = ALG_AES256GCM_STREAM;
        header[2..6].copy_from_slice(&size.to_be_bytes());
        header[6..].copy_from_slice(&prefix);
        let sealer = Self {
            core: Core::new(key, context, &header),
            chunk_size,
            buf: Zeroizing::new(Vec::new()),
            failed: false,
        };
        Ok((sealer, header.to_vec()))
    }

    /// Feeds any amount of plaintext. Appends to `out` every chunk that is now complete, sealed
    /// (`chunk_size` + 16 bytes each), and keeps the rest (less than one chunk) for later.
    /// Full chunks are copied straight from `data` into `out` and encrypted there.
    ///
    /// After an error the sealer refuses everything (`Format`); the blob must be discarded.
    pub fn update(&mut self, data: &[u8], out: &mut Vec<u8>) -> Result<()> {
        if self.failed {
            return Err(VaultError::Format);
        }
        let result = self.update_inner(data, out);
        self.failed = result.is_err();
        result
    }

    fn update_inner(&mut self, mut data: &[u8], out: &mut Vec<u8>) -> Result<()> {
        if !self.buf.is_empty() {
            let want = self.chunk_size.saturating_sub(self.buf.len());
            let (head, rest) = data.split_at(want.min(data.len()));
            self.buf.extend_from_slice(head);
            data = rest;
            if self.buf.len() < self.chunk_size {
                return Ok(());
            }
            self.core.seal(&self.buf, false, out)?;
            // Wipes the plaintext and keeps the allocation for the next partial chunk.
            self.buf.zeroize();
        }
        while let Some((chunk, rest)) = data.split_at_checked(self.chunk_size) {
            self.core.seal(chunk, false, out)?;
            data = rest;
        }
        if !data.is_empty() {
            if self.buf.capacity() < self.chunk_size {
                // Reserve once: a growing `Vec` would leave unwiped copies behind.
                self.buf.reserve_exact(self.chunk_size);
            }
            self.buf.extend_from_slice(data);
        }
        Ok(())
    }

    /// Seals the final chunk (what is buffered: shorter than a chunk, possibly empty) and
    /// appends it to `out`. A blob is complete only once this has succeeded.
    pub fn finish(mut self, out: &mut Vec<u8>) -> Result<()> {
        if self.failed {
            return Err(VaultError::Format);
        }
        self.core.seal(&self.buf, true, out)
    }
}

/// Where a [`BlobOpener`] is in its stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OpenerState {
    Open,
    Complete,
    Failed,
}

/// Decrypts one blob chunk by chunk, checking each chunk's position and the end of the blob.
pub struct BlobOpener {
    core: Core,
    chunk_size: usize,
    state: OpenerState,
}

impl std::fmt::Debug for BlobOpener {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BlobOpener")
            .field("chunk_size", &self.chunk_size)
            .field("chunks_opened", &self.core.counter)
            .field("state", &self.state)
            .finish_non_exhaustive()
    }
}

impl BlobOpener {
    /// Length of the header at the start of every blob.
    pub const HEADER_LEN: usize = HEADER_LEN;

    /// Parses and checks the header: exactly [`HEADER_LEN`] bytes. An unknown version or
    /// algorithm is `Unsupported`; a short header or a chunk size outside
    /// [`MIN_CHUNK`]..=[`MAX_CHUNK`] is `Format`. The key and context are only checked by the
    /// first chunk (`Decrypt`).
    pub fn new(key: &Key32, context: &str, header: &[u8]) -> Result<Self> {
        let [version, algorithm, ..] = header else {
            return Err(VaultError::Format);
        };
        if *version != FORMAT_VERSION || *algorithm != ALG_AES256GCM_STREAM {
            return Err(VaultError::Unsupported);
        }
        let header: &[u8; HEADER_LEN] = header.try_into().map_err(|_| VaultError::Format)?;
        let size = u32::from_be_bytes([header[2], header[3], header[4], header[5]]);
        let chunk_size = usize::try_from(size).map_err(|_| VaultError::Format)?;
        check_chunk_size(chunk_size)?;
        Ok(Self {
            core: Core::new(key, context, header),
            chunk_size,
            state: OpenerState::Open,
        })
    }

    /// Plaintext chunk size recorded in the header.
    pub fn chunk_size(&self) -> usize {
        self.chunk_size
    }

    /// Size of one sealed chunk (`chunk_size` + 16) so callers read exactly that much. The final
    /// sealed chunk is shorter: 16 to `chunk_size + 15` bytes.
    pub fn sealed_chunk_len(&self) -> usize {
        self.chunk_size + TAG_LEN
    }

    /// Whether the final chunk has been opened. Until then the plaintext returned so far may be
    /// a truncated blob and must not be trusted as complete.
    pub fn is_complete(&self) -> bool {
        self.state == OpenerState::Complete
    }

    /// Opens the next sealed chunk; `last` must be true exactly for the final one (the caller
    /// knows it from the stream length or EOF). A non-final chunk must be exactly
    /// [`sealed_chunk_len`](Self::sealed_chunk_len) bytes and the final one shorter (else
    /// `Format`); a wrong key, context, header, position or last flag, or any altered byte, is
    /// `Decrypt`. After an error or after the final chunk, every call fails (`Format`).
    pub fn open_chunk(&mut self, sealed: &[u8], last: bool) -> Result<Zeroizing<Vec<u8>>> {
        self.check(sealed.len(), last)?;
        let mut buf = Zeroizing::new(sealed.to_vec());
        let result = self.core.open_in_place(&mut buf, last).map(<[u8]>::len);
        let len = self.advance(result, last)?;
        buf.truncate(len);
        Ok(buf)
    }

    /// [`open_chunk`](Self::open_chunk) without a copy: decrypts `sealed` in place and returns
    /// the plaintext, its front part.
    fn open_chunk_in_place<'a>(&mut self, sealed: &'a mut [u8], last: bool) -> Result<&'a [u8]> {
        self.check(sealed.len(), last)?;
        let result = self.core.open_in_place(sealed, last);
        self.advance(result, last)
    }

    /// Refuses a call after the end or an error, and a chunk of the wrong length.
    fn check(&mut self, len: usize, last: bool) -> Result<()> {
        if self.state != OpenerState::Open {
            return Err(VaultError::Format);
        }
        let full = self.sealed_chunk_len();
        let length_ok = if last {
            (TAG_LEN..full).contains(&len)
        } else {
            len == full
        };
        if !length_ok {
            self.state = OpenerState::Failed;
            return Err(VaultError::Format);
        }
        Ok(())
    }

    /// Moves to the next state after an attempt to open a chunk.
    fn advance<T>(&mut self, result: Result<T>, last: bool) -> Result<T> {
        self.state = match (&result, last) {
            (Err(_), _) => OpenerState::Failed,
            (Ok(_), true) => OpenerState::Complete,
            (Ok(_), false) => OpenerState::Open,
        };
        result
    }
}

/// Reads until `buf` is full or the reader reports EOF; returns how many bytes were read (less
/// than `buf.len()` only at EOF).
fn read_full(reader: &mut dyn Read, buf: &mut [u8]) -> Result<usize> {
    let mut filled = 0;
    while let Some(rest) = buf.get_mut(filled..).filter(|rest| !rest.is_empty()) {
        match reader.read(rest) {
            Ok(0) => break,
            Ok(n) => filled += n.min(rest.len()),
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(filled)
}

/// Seals everything `reader` yields into `writer` (header, then chunks) under `key` and
/// `context`, with plaintext chunks of `chunk_size` bytes. Returns the plaintext length and its
/// SHA-256. Each chunk is read straight into the output buffer and encrypted there, so memory
/// stays at one chunk whatever the size. Reader and writer failures are `Io`; on any error what
/// was written is an incomplete blob that will not open.
pub fn seal_stream<R: Read, W: Write>(
    key: &Key32,
    context: &str,
    chunk_size: usize,
    mut reader: R,
    mut writer: W,
) -> Result<(u64, [u8; 32])> {
    let (sealer, header) = BlobSealer::new(key, context, chunk_size)?;
    seal_stream_with(sealer, &header, &mut reader, &mut writer)
}

/// [`seal_stream`] with a sealer made beforehand (test vectors use a fixed nonce prefix).
/// Not generic, so that all the work is compiled (and optimised) with this crate.
pub(crate) fn seal_stream_with(
    mut sealer: BlobSealer,
    header: &[u8],
    reader: &mut dyn Read,
    writer: &mut dyn Write,
) -> Result<(u64, [u8; 32])> {
    let chunk_size = sealer.chunk_size;
    writer.write_all(header)?;
    // Holds one chunk of plaintext, then the same chunk sealed; wiped when dropped.
    let mut buf = Zeroizing::new(Vec::with_capacity(chunk_size + TAG_LEN));
    let mut hasher = Sha256::new();
    let mut total: u64 = 0;
    loop {
        buf.clear();
        buf.resize(chunk_size, 0);
        let n = read_full(reader, &mut buf)?;
        buf.truncate(n);
        hasher.update(buf.as_slice());
        total += n as u64;
        // Only a full chunk can be followed by more; a short read means EOF.
        let last = n < chunk_size;
        sealer.core.seal_tail(&mut buf, 0, last)?;
        writer.write_all(&buf)?;
        if last {
            break;
        }
    }
    writer.flush()?;
    Ok((total, hasher.finalize().into()))
}

/// Opens a blob from `reader` into `writer` under `key` and `context`. Returns the plaintext
/// length and its SHA-256. The final chunk is the one cut short by EOF; a missing final chunk,
/// trailing bytes, or any alteration fails. Each chunk is decrypted in place in the read buffer,
/// so memory stays at one chunk (at most 16 MiB, the largest chunk size a header may name).
///
/// Plaintext is written chunk by chunk as each chunk authenticates, so a truncated or altered
/// blob fails only after its good prefix was written: treat the output as unverified until this
/// returns `Ok` (write to a temporary file and keep it only on success).
pub fn open_stream<R: Read, W: Write>(
    key: &Key32,
    context: &str,
    mut reader: R,
    mut writer: W,
) -> Result<(u64, [u8; 32])> {
    open_stream_dyn(key, context, &mut reader, &mut writer)
}

/// Not generic, so that all the work is compiled (and optimised) with this crate.
fn open_stream_dyn(
    key: &Key32,
    context: &str,
    reader: &mut dyn Read,
    writer: &mut dyn Write,
) -> Result<(u64, [u8; 32])> {
    let mut header = [0u8; HEADER_LEN];
    let n = read_full(reader, &mut header)?;
    let mut opener = BlobOpener::new(key, context, header.get(..n).ok_or(VaultError::Format)?)?;
    let full = opener.sealed_chunk_len();
    let mut buf = Zeroizing::new(vec![0u8; full]);
    let mut hasher = Sha256::new();
    let mut total: u64 = 0;
    loop {
        let got = read_full(reader, &mut buf)?;
        // A full read is never the final chunk (the final chunk is shorter); a short read means
        // EOF was reached, so this chunk is the final one and nothing can follow it.
        let last = got < full;
        let sealed = buf.get_mut(..got).ok_or(VaultError::Format)?;
        let plaintext = opener.open_chunk_in_place(sealed, last)?;
        hasher.update(plaintext);
        total += plaintext.len() as u64;
        writer.write_all(plaintext)?;
        if last {
            break;
        }
    }
    writer.flush()?;
    Ok((total, hasher.finalize().into()))
}

/// Exact sealed length (header included) of a `plaintext_len`-byte blob with chunks of
/// `chunk_size` bytes: `13 + plaintext_len + 16 * (plaintext_len / chunk_size + 1)`. For quotas
/// and range checks. Returns `u64::MAX` (which fails any quota) for a chunk size outside
/// [`MIN_CHUNK`]..=[`MAX_CHUNK`] or a length the format cannot hold (more than 2^32 chunks).
pub fn sealed_len(plaintext_len: u64, chunk_size: usize) -> u64 {
    let Ok(size) = check_chunk_size(chunk_size) else {
        return u64::MAX;
    };
    let chunks = plaintext_len / u64::from(size) + 1;
    if chunks > 1 << 32 {
        return u64::MAX;
    }
    (HEADER_LEN as u64)
        .checked_add(plaintext_len)
        .and_then(|n| n.checked_add(chunks * TAG_LEN as u64))
        .unwrap_or(u64::MAX)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    const CS: usize = MIN_CHUNK;
    const CTX: &str = "blob|owner|item|1";

    fn pattern(len: usize) -> Vec<u8> {
        (0..len).map(|i| (i * 7 + i / 251) as u8).collect()
    }

    fn seal_all(key: &Key32, ctx: &str, cs: usize, data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        seal_stream(key, ctx, cs, data, &mut out).unwrap();
        out
    }

    fn open_all(key: &Key32, ctx: &str, sealed: &[u8]) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        open_stream(key, ctx, sealed, &mut out)?;
        Ok(out)
    }

    /// Splits a sealed blob into its header and chunks using only its length.
    fn split(sealed: &[u8], cs: usize) -> (Vec<u8>, Vec<Vec<u8>>) {
        let (header, mut rest) = sealed.split_at(HEADER_LEN);
        let mut chunks = Vec::new();
        while rest.len() >= cs + TAG_LEN {
            let (c, r) = rest.split_at(cs + TAG_LEN);
            chunks.push(c.to_vec());
            rest = r;
        }
        chunks.push(rest.to_vec());
        (header.to_vec(), chunks)
    }

    fn join(header: &[u8], chunks: &[Vec<u8>]) -> Vec<u8> {
        let mut v = header.to_vec();
        for c in chunks {
            v.extend_from_slice(c);
        }
        v
    }

    fn sizes() -> [usize; 6] {
        [0, 1, CS - 1, CS, CS + 1, 3 * CS + 7]
    }

    #[test]
    fn round_trip_stream_sizes() {
        let key = Key32::random();
        for len in sizes() {
            let data = pattern(len);
            let mut sealed = Vec::new();
            let (n, digest) = seal_stream(&key, CTX, CS, data.as_slice(), &mut sealed).unwrap();
            assert_eq!(n, len as u64);
            assert_eq!(digest, crate::sha256(&data));
            assert_eq!(sealed.len() as u64, sealed_len(len as u64, CS), "len {len}");
            assert_eq!(&sealed[..2], &[1, 3]);
            assert_eq!(&sealed[2..6], &(CS as u32).to_be_bytes());
            let mut opened = Vec::new();
            let (m, digest2) = open_stream(&key, CTX, sealed.as_slice(), &mut opened).unwrap();
            assert_eq!((m, digest2), (n, digest));
            assert_eq!(opened, data, "len {len}");
        }
    }

    #[test]
    fn round_trip_incremental_any_feeding() {
        let key = Key32::random();
        for len in sizes() {
            let data = pattern(len);
            let reference = {
                let (mut s, h) = BlobSealer::with_nonce_prefix(&key, CTX, CS, [9; 7]).unwrap();
                let mut out = h;
                s.update(&data, &mut out).unwrap();
                s.finish(&mut out).unwrap();
                out
            };
            // Feeding in pieces of any size gives the same bytes.
            for piece in [1, 13, CS - 1, CS, CS + 5] {
                let (mut s, h) = BlobSealer::with_nonce_prefix(&key, CTX, CS, [9; 7]).unwrap();
                let mut out = h;
                for p in data.chunks(piece) {
                    let before = out.len();
                    s.update(p, &mut out).unwrap();
                    // update only ever emits whole sealed chunks.
                    assert_eq!((out.len() - before) % (CS + TAG_LEN), 0);
                    assert!(s.buf.len() < CS);
                }
                s.update(&[], &mut out).unwrap();
                s.finish(&mut out).unwrap();
                assert_eq!(out, reference, "len {len} piece {piece}");
            }
            // Low-level opening, told the final chunk from the length.
            let (header, chunks) = split(&reference, CS);
            assert_eq!(chunks.len(), len / CS + 1);
            let mut opener = BlobOpener::new(&key, CTX, &header).unwrap();
            assert_eq!(opener.sealed_chunk_len(), CS + TAG_LEN);
            let mut opened = Vec::new();
            for (i, c) in chunks.iter().enumerate() {
                assert!(!opener.is_complete());
                let last = i + 1 == chunks.len();
                opened.extend_from_slice(&opener.open_chunk(c, last).unwrap());
            }
            assert!(opener.is_complete());
            assert_eq!(opened, data);
            // Extension: nothing opens after the final chunk.
            assert!(opener.open_chunk(&chunks[0], false).is_err());
            assert!(opener.open_chunk(&chunks[chunks.len() - 1], true).is_err());
        }
    }

    /// `seal_stream` (which reads into its output buffer) and `BlobSealer` give the same bytes.
    #[test]
    fn stream_and_incremental_agree() {
        let key = Key32::random();
        for len in sizes() {
            let data = pattern(len);
            let (mut s, header) = BlobSealer::with_nonce_prefix(&key, CTX, CS, [3; 7]).unwrap();
            let mut incremental = header.clone();
            s.update(&data, &mut incremental).unwrap();
            s.finish(&mut incremental).unwrap();
            let (s, header) = BlobSealer::with_nonce_prefix(&key, CTX, CS, [3; 7]).unwrap();
            let mut streamed = Vec::new();
            seal_stream_with(s, &header, &mut data.as_slice(), &mut streamed).unwrap();
            assert_eq!(streamed, incremental, "len {len}");
        }
    }

    #[test]
    fn nonce_prefix_is_random() {
        let key = Key32::random();
        let a = seal_all(&key, CTX, CS, b"same");
        let b = seal_all(&key, CTX, CS, b"same");
        assert_ne!(a[6..HEADER_LEN], b[6..HEADER_LEN]);
        assert_ne!(a, b);
    }

    #[test]
    fn chunk_size_limits() {
        let key = Key32::random();
        for bad in [0, 1, MIN_CHUNK - 1, MAX_CHUNK + 1, usize::MAX] {
            assert!(matches!(
                BlobSealer::new(&key, CTX, bad),
                Err(VaultError::Format)
            ));
            assert!(matches!(
                seal_stream(&key, CTX, bad, &b"x"[..], Vec::new()),
                Err(VaultError::Format)
            ));
            assert_eq!(sealed_len(10, bad), u64::MAX);
        }
        for good in [MIN_CHUNK, DEFAULT_CHUNK, MAX_CHUNK] {
            let (_, header) = BlobSealer::new(&key, CTX, good).unwrap();
            let opener = BlobOpener::new(&key, CTX, &header).unwrap();
            assert_eq!(opener.chunk_size(), good);
        }
        // Header chunk sizes outside the range are refused before any allocation.
        let (_, mut header) = BlobSealer::new(&key, CTX, CS).unwrap();
        for bad in [0u32, 4095, (MAX_CHUNK + 1) as u32, u32::MAX] {
            header[2..6].copy_from_slice(&bad.to_be_bytes());
            assert!(matches!(
                BlobOpener::new(&key, CTX, &header),
                Err(VaultError::Format)
            ));
        }
    }

    #[test]
    fn sealed_len_formula() {
        assert_eq!(sealed_len(0, CS), 13 + 16);
        assert_eq!(sealed_len(1, CS), 13 + 1 + 16);
        assert_eq!(sealed_len(CS as u64, CS), 13 + CS as u64 + 32);
        assert_eq!(
            sealed_len(20_000_000, DEFAULT_CHUNK),
            13 + 20_000_000 + 16 * 20
        );
        assert_eq!(sealed_len(u64::MAX, MAX_CHUNK), u64::MAX);
        assert_eq!(sealed_len(u64::MAX - 100, MIN_CHUNK), u64::MAX);
    }

    #[test]
    fn debug_shows_no_secrets() {
        let key = Key32::from_bytes([0xAB; 32]);
        let (mut s, header) = BlobSealer::new(&key, "blob|secret-owner|i|1", CS).unwrap();
        s.update(b"plaintext-canary", &mut Vec::new()).unwrap();
        let o = BlobOpener::new(&key, "blob|secret-owner|i|1", &header).unwrap();
        for text in [format!("{s:?}"), format!("{o:?}")] {
            assert!(!text.contains("canary"), "{text}");
            assert!(!text.contains("secret-owner"), "{text}");
            assert!(!text.to_lowercase().contains("ab, "), "{text}");
            assert!(!text.contains("171"), "{text}");
        }
    }

    /// The nonce is exactly RustCrypto's `StreamBE32`: the ciphertext matches `EncryptorBE32`
    /// chunk for chunk (with the derived blob key and the same associated data).
    #[test]
    fn matches_aead_stream_be32() {
        use aead::stream::EncryptorBE32;
        let key = Key32::from_bytes([7; 32]);
        let prefix = [1, 2, 3, 4, 5, 6, 7];
        let data = pattern(2 * CS + 100);
        let (mut s, header) = BlobSealer::with_nonce_prefix(&key, CTX, CS, prefix).unwrap();
        let mut ours = header.clone();
        s.update(&data, &mut ours).unwrap();
        s.finish(&mut ours).unwrap();

        let blob_key = hkdf32(key.as_bytes(), INFO_BLOB_KEY.as_bytes());
        let cipher = Aes256Gcm::new(aes_gcm::Key::<Aes256Gcm>::from_slice(&blob_key));
        let mut enc = EncryptorBE32::from_aead(cipher, (&prefix).into());
        let mut aad = header.clone();
        aad.extend_from_slice(CTX.as_bytes());
        let mut theirs = header;
        for c in data.chunks(CS).take(2) {
            let ct = enc
                .encrypt_next(aead::Payload { msg: c, aad: &aad })
                .unwrap();
            theirs.extend_from_slice(&ct);
        }
        let ct = enc
            .encrypt_last(aead::Payload {
                msg: &data[2 * CS..],
                aad: &aad,
            })
            .unwrap();
        theirs.extend_from_slice(&ct);
        assert_eq!(ours, theirs);
    }

    fn assert_fails(key: &Key32, ctx: &str, sealed: &[u8], what: &str) {
        match open_all(key, ctx, sealed) {
            Err(VaultError::Decrypt | VaultError::Format | VaultError::Unsupported) => {}
            other => panic!("{what}: {:?}", other.map(|v| v.len())),
        }
    }

    #[test]
    fn flipped_bits_fail() {
        let key = Key32::random();
        let sealed = seal_all(&key, CTX, CS, &pattern(2 * CS + 50));
        let chunk = CS + TAG_LEN;
        let mut positions: Vec<usize> = (0..sealed.len()).step_by(61).collect();
        for start in [HEADER_LEN, HEADER_LEN + chunk, HEADER_LEN + 2 * chunk] {
            // First bytes of each chunk, the bytes around the tag, and the tag itself.
            positions.extend(start..start + 4);
            let end = (start + chunk).min(sealed.len());
            positions.extend(end - TAG_LEN - 2..end);
        }
        positions.extend(0..HEADER_LEN);
        positions.push(sealed.len() - 1);
        for i in positions {
            for bit in 0..8 {
                let mut bad = sealed.clone();
                bad[i] ^= 1 << bit;
                assert_fails(&key, CTX, &bad, &format!("byte {i} bit {bit}"));
            }
        }
    }

    #[test]
    fn header_alterations_fail() {
        let key = Key32::random();
        let sealed = seal_all(&key, CTX, CS, &pattern(CS + 10));
        let mut v = sealed.clone();
        v[0] = 2;
        assert!(matches!(
            open_all(&key, CTX, &v),
            Err(VaultError::Unsupported)
        ));
        for alg in [
            crate::ALG_XCHACHA20POLY1305,
            crate::ALG_X25519_SEALED_BOX,
            4,
        ] {
            let mut a = sealed.clone();
            a[1] = alg;
            assert!(matches!(
                open_all(&key, CTX, &a),
                Err(VaultError::Unsupported)
            ));
        }
        // Another valid chunk size or another prefix: authentication fails.
        let mut c = sealed.clone();
        c[2..6].copy_from_slice(&(2 * CS as u32).to_be_bytes());
        assert!(matches!(open_all(&key, CTX, &c), Err(VaultError::Decrypt)));
        let mut p = sealed;
        p[12] ^= 0x80;
        assert!(matches!(open_all(&key, CTX, &p), Err(VaultError::Decrypt)));
        // Algorithm-1 seals are not blobs, and blobs are not algorithm-1 seals.
        let s1 = crate::seal(&key, CTX, b"hello");
        assert!(matches!(
            open_all(&key, CTX, &s1),
            Err(VaultError::Unsupported)
        ));
        let blob = seal_all(&key, CTX, CS, b"hello");
        assert!(matches!(
            crate::open(&key, CTX, &blob),
            Err(VaultError::Unsupported)
        ));
    }

    #[test]
    fn wrong_key_or_context_fails() {
        let key = Key32::random();
        let sealed = seal_all(&key, CTX, CS, &pattern(CS + 10));
        assert!(matches!(
            open_all(&Key32::random(), CTX, &sealed),
            Err(VaultError::Decrypt)
        ));
        for ctx in [
            "blob|owner|item|2",
            "blob|other|item|1",
            "",
            "blob|owner|item|1 ",
        ] {
            assert!(matches!(
                open_all(&key, ctx, &sealed),
                Err(VaultError::Decrypt)
            ));
        }
        // A blob under the same key and context but another prefix does not mix with this one.
        let other = seal_all(&key, CTX, CS, &pattern(CS + 10));
        let (h1, c1) = split(&sealed, CS);
        let (_, c2) = split(&other, CS);
        assert_fails(
            &key,
            CTX,
            &join(&h1, &[c1[0].clone(), c2[1].clone()]),
            "mixed",
        );
    }

    #[test]
    fn reordering_dropping_and_appending_fail() {
        let key = Key32::random();
        let data = pattern(3 * CS + 7);
        let sealed = seal_all(&key, CTX, CS, &data);
        let (h, c) = split(&sealed, CS);
        assert_eq!(c.len(), 4);
        let cases: Vec<(&str, Vec<Vec<u8>>)> = vec![
            (
                "swap 0 1",
                vec![c[1].clone(), c[0].clone(), c[2].clone(), c[3].clone()],
            ),
            (
                "swap 1 2",
                vec![c[0].clone(), c[2].clone(), c[1].clone(), c[3].clone()],
            ),
            ("drop last", c[..3].to_vec()),
            ("drop first", c[1..].to_vec()),
            (
                "drop middle",
                vec![c[0].clone(), c[2].clone(), c[3].clone()],
            ),
            (
                "duplicate",
                vec![
                    c[0].clone(),
                    c[0].clone(),
                    c[1].clone(),
                    c[2].clone(),
                    c[3].clone(),
                ],
            ),
            (
                "append chunk",
                vec![
                    c[0].clone(),
                    c[1].clone(),
                    c[2].clone(),
                    c[3].clone(),
                    c[0].clone(),
                ],
            ),
            (
                "append final",
                vec![
                    c[0].clone(),
                    c[1].clone(),
                    c[2].clone(),
                    c[3].clone(),
                    c[3].clone(),
                ],
            ),
            ("only final", vec![c[3].clone()]),
            ("no chunk", vec![]),
        ];
        for (what, chunks) in cases {
            assert_fails(&key, CTX, &join(&h, &chunks), what);
        }
        // Trailing garbage of any length.
        for extra in [1, 15, 16, 17, CS, CS + TAG_LEN, CS + TAG_LEN + 1] {
            let mut v = sealed.clone();
            v.extend(std::iter::repeat_n(0u8, extra));
            assert_fails(&key, CTX, &v, &format!("trailing {extra}"));
        }
        // A multiple of the chunk size ends with an empty final chunk; dropping it fails too.
        let exact = seal_all(&key, CTX, CS, &pattern(2 * CS));
        assert_eq!(exact.len(), HEADER_LEN + 2 * (CS + TAG_LEN) + TAG_LEN);
        assert_fails(
            &key,
            CTX,
            &exact[..exact.len() - TAG_LEN],
            "drop empty final",
        );

        // The same through the low-level API: a chunk in the wrong place, or with the wrong last
        // flag, or of the wrong length.
        let mut o = BlobOpener::new(&key, CTX, &h).unwrap();
        assert!(matches!(
            o.open_chunk(&c[1], false),
            Err(VaultError::Decrypt)
        ));
        assert!(
            o.open_chunk(&c[0], false).is_err(),
            "refuses after an error"
        );
        let mut o = BlobOpener::new(&key, CTX, &h).unwrap();
        assert!(matches!(o.open_chunk(&c[0], true), Err(VaultError::Format)));
        let mut o = BlobOpener::new(&key, CTX, &h).unwrap();
        for chunk in &c[..3] {
            o.open_chunk(chunk, false).unwrap();
        }
        assert!(matches!(
            o.open_chunk(&c[3], false),
            Err(VaultError::Format)
        ));
        let mut o = BlobOpener::new(&key, CTX, &h).unwrap();
        for chunk in &c[..3] {
            o.open_chunk(chunk, false).unwrap();
        }
        assert!(!o.is_complete());
        assert_eq!(
            o.open_chunk(&c[3], true).unwrap().as_slice(),
            &data[3 * CS..]
        );
        assert!(o.is_complete());
        // A full-length chunk flagged last (e.g. the caller cut the stream at a chunk boundary).
        let mut o = BlobOpener::new(&key, CTX, &h).unwrap();
        o.open_chunk(&c[0], false).unwrap();
        assert!(matches!(o.open_chunk(&c[1], true), Err(VaultError::Format)));
        let mut o = BlobOpener::new(&key, CTX, &h).unwrap();
        assert!(matches!(o.open_chunk(&[], true), Err(VaultError::Format)));
        let mut o = BlobOpener::new(&key, CTX, &h).unwrap();
        assert!(matches!(
            o.open_chunk(&[0; 15], true),
            Err(VaultError::Format)
        ));
    }

    #[test]
    fn every_truncation_fails_without_panic() {
        let key = Key32::random();
        let sealed = seal_all(&key, CTX, CS, &pattern(CS + 100));
        for n in 0..sealed.len() {
            assert_fails(&key, CTX, &sealed[..n], &format!("len {n}"));
        }
        assert!(matches!(open_all(&key, CTX, &[]), Err(VaultError::Format)));
        assert!(matches!(open_all(&key, CTX, &[1]), Err(VaultError::Format)));
        assert!(matches!(
            open_all(&key, CTX, &[1, 3]),
            Err(VaultError::Format)
        ));
        assert!(matches!(
            open_all(&key, CTX, &sealed[..HEADER_LEN]),
            Err(VaultError::Format)
        ));
        assert!(matches!(
            BlobOpener::new(&key, CTX, &sealed[..HEADER_LEN + 1]),
            Err(VaultError::Format)
        ));
    }

    /// A reader that hands out at most `max` bytes per call (and sometimes `Interrupted`): short
    /// reads must not be mistaken for EOF.
    struct Trickle<'a> {
        data: &'a [u8],
        max: usize,
        calls: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            self.calls += 1;
            if self.calls.is_multiple_of(5) {
                return Err(ErrorKind::Interrupted.into());
            }
            let n = self.max.min(buf.len()).min(self.data.len());
            buf[..n].copy_from_slice(&self.data[..n]);
            self.data = &self.data[n..];
            Ok(n)
        }
    }

    #[test]
    fn short_reads_are_not_eof() {
        let key = Key32::random();
        let data = pattern(3 * CS + 7);
        for max in [1, 100, CS - 1, CS + 17] {
            let mut sealed = Vec::new();
            let reader = Trickle {
                data: &data,
                max,
                calls: 0,
            };
            seal_stream(&key, CTX, CS, reader, &mut sealed).unwrap();
            // Chunks are cut at the chunk size, not where reads happened to stop.
            assert_eq!(sealed.len() as u64, sealed_len(data.len() as u64, CS));
            let mut opened = Vec::new();
            let reader = Trickle {
                data: &sealed,
                max,
                calls: 0,
            };
            open_stream(&key, CTX, reader, &mut opened).unwrap();
            assert_eq!(opened, data, "max {max}");
        }
    }

    #[test]
    fn io_errors_are_io() {
        struct Failing;
        impl Read for Failing {
            fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("disk on fire"))
            }
        }
        impl Write for Failing {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("disk full"))
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let key = Key32::random();
        assert!(matches!(
            seal_stream(&key, CTX, CS, Failing, Vec::new()),
            Err(VaultError::Io(_))
        ));
        assert!(matches!(
            seal_stream(&key, CTX, CS, &b"abc"[..], Failing),
            Err(VaultError::Io(_))
        ));
        assert!(matches!(
            open_stream(&key, CTX, Failing, Vec::new()),
            Err(VaultError::Io(_))
        ));
        let sealed = seal_all(&key, CTX, CS, b"abc");
        assert!(matches!(
            open_stream(&key, CTX, sealed.as_slice(), Failing),
            Err(VaultError::Io(_))
        ));
    }
}
