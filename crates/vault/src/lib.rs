//! Consigne's cryptography: the key hierarchy described in `SECURITY.md` and `docs/encryption.md`.
//!
//! This crate owns every byte layout that reaches the database or the disk: symmetric seals and
//! key wraps, public-key wraps, password and recovery-code derivation, the platform key file,
//! blind indexes, recovery codes, TOTP and chunked blob streams. It does no I/O except for the
//! platform key file and the reader and writer handed to a blob stream, and never logs or prints
//! secrets (every secret type has a redacted `Debug`).
//!
//! Algorithms come from audited RustCrypto crates (XChaCha20-Poly1305, AES-256-GCM for blob
//! streams, X25519 sealed boxes, Argon2id, HKDF/HMAC-SHA-256; Ed25519 signatures of the
//! certification log from `ring`); this crate only frames them.

mod context;
mod kdf;
mod key;
mod platform;
mod public;
pub mod recovery;
pub mod signing;
pub mod stream;
mod symmetric;
pub mod totp;

#[cfg(test)]
mod vectors;

pub use context::context;
pub use kdf::{
    DerivedSecret, KdfMemory, KdfParams, derive_secret, derive_secret_in, random_salt,
    verifier_matches,
};
pub use key::{Key32, derive_key};
pub use platform::PlatformKey;
pub use public::{KeyPair, PublicKey, open_sealed, seal_to, unwrap_key_from, wrap_key_to};
pub use stream::{
    BlobOpener, BlobSealer, DEFAULT_CHUNK, MAX_CHUNK, MIN_CHUNK, open_stream, seal_stream,
    sealed_len,
};
pub use symmetric::{open, seal, unwrap_key, wrap_key};

#[doc(hidden)]
pub use symmetric::seal_with_nonce;

/// Format version written as the first byte of every ciphertext produced by this crate.
pub const FORMAT_VERSION: u8 = 1;
/// Algorithm id 1: XChaCha20-Poly1305 with a random 24-byte nonce.
pub const ALG_XCHACHA20POLY1305: u8 = 1;
/// Algorithm id 2: X25519 sealed box (libsodium `crypto_box_seal`) carrying a data key, then an
/// algorithm-1 payload under that data key.
pub const ALG_X25519_SEALED_BOX: u8 = 2;
/// Algorithm id 3: AES-256-GCM in the STREAM construction, for chunked blobs ([`stream`]).
pub const ALG_AES256GCM_STREAM: u8 = 3;

/// Everything that can go wrong. Messages are deliberately vague: which check failed must not
/// help an attacker, and none of them carries secret material.
#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    /// Authentication failed: wrong key, wrong context, or altered bytes.
    #[error("decryption failed")]
    Decrypt,
    /// The input is too short or its framing is inconsistent.
    #[error("malformed ciphertext")]
    Format,
    /// A version or algorithm id this build does not know.
    #[error("unsupported format version or algorithm")]
    Unsupported,
    /// Argon2id refused its parameters or input.
    #[error("key derivation failed")]
    Kdf,
    /// The platform key file is missing pieces, malformed or too permissive.
    #[error("platform key file: {0}")]
    KeyFile(String),
    /// I/O on the platform key file, or on the reader or writer of a blob stream.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Result alias used throughout the crate.
pub type Result<T> = std::result::Result<T, VaultError>;

/// `N` bytes from the operating system's CSPRNG.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    use rand::RngCore;
    let mut out = [0u8; N];
    rand::rngs::OsRng.fill_bytes(&mut out);
    out
}

/// SHA-256 of `data` (hash chains, fingerprints; not for passwords).
pub fn sha256(data: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(data).into()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn random_bytes_differ() {
        assert_ne!(random_bytes::<16>(), random_bytes::<16>());
    }

    #[test]
    fn sha256_known_answer() {
        assert_eq!(
            hex::encode(sha256(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
