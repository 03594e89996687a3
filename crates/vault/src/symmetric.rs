//! Symmetric sealing (algorithm id 1, XChaCha20-Poly1305) and symmetric key wraps.
//!
//! Layout: `[version = 1][algorithm = 1][24-byte nonce][ciphertext][16-byte tag]`.
//! Associated data: the two header bytes followed by the UTF-8 context string, so changing the
//! header or presenting the ciphertext under another context fails authentication.

use chacha20poly1305::aead::{AeadInPlace, KeyInit};
use chacha20poly1305::{Tag, XChaCha20Poly1305, XNonce};
use zeroize::Zeroizing;

use crate::{ALG_XCHACHA20POLY1305, FORMAT_VERSION, Key32, Result, VaultError, random_bytes};

const HEADER: [u8; 2] = [FORMAT_VERSION, ALG_XCHACHA20POLY1305];
const NONCE_LEN: usize = 24;
const TAG_LEN: usize = 16;
/// Bytes a seal adds to its plaintext.
pub(crate) const OVERHEAD: usize = HEADER.len() + NONCE_LEN + TAG_LEN;

fn cipher(key: &Key32) -> XChaCha20Poly1305 {
    XChaCha20Poly1305::new(&chacha20poly1305::Key::from(*key.as_bytes()))
}

/// What the AEAD authenticates besides the ciphertext: header bytes, then the context.
fn associated_data(header: &[u8], aad: &str) -> Vec<u8> {
    let mut ad = Vec::with_capacity(header.len() + aad.len());
    ad.extend_from_slice(header);
    ad.extend_from_slice(aad.as_bytes());
    ad
}

/// Encrypts `plaintext` under `key`, bound to the context `aad`, with a fresh random nonce
/// (192-bit nonces make random choice safe for any realistic number of messages per key).
pub fn seal(key: &Key32, aad: &str, plaintext: &[u8]) -> Vec<u8> {
    seal_with_nonce(key, aad, plaintext, &random_bytes())
}

/// [`seal`] with a caller-chosen nonce. Only for test vectors: reusing a nonce under one key
/// breaks confidentiality.
#[doc(hidden)]
pub fn seal_with_nonce(key: &Key32, aad: &str, plaintext: &[u8], nonce: &[u8; 24]) -> Vec<u8> {
    let mut out = Vec::with_capacity(OVERHEAD + plaintext.len());
    out.extend_from_slice(&HEADER);
    out.extend_from_slice(nonce);
    out.extend_from_slice(plaintext);
    let ad = associated_data(&HEADER, aad);
    let body_start = HEADER.len() + NONCE_LEN;
    let Some(body) = out.get_mut(body_start..) else {
        return HEADER.to_vec();
    };
    match cipher(key).encrypt_in_place_detached(&XNonce::from(*nonce), &ad, body) {
        Ok(tag) => {
            out.extend_from_slice(&tag);
            out
        }
        // Only above 256 GiB of plaintext (callers chunk blobs long before). Returning the bare
        // header never leaks plaintext and fails as `Format` on open.
        Err(_) => HEADER.to_vec(),
    }
}

/// Checks the header and authenticates then decrypts. Any alteration, a wrong key or a wrong
/// context gives an error; the plaintext is wiped when the caller drops it.
pub fn open(key: &Key32, aad: &str, sealed: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
    let (header, rest) = sealed
        .split_at_checked(HEADER.len())
        .ok_or(VaultError::Format)?;
    if header[0] != FORMAT_VERSION || header[1] != ALG_XCHACHA20POLY1305 {
        return Err(VaultError::Unsupported);
    }
    if rest.len() < NONCE_LEN + TAG_LEN {
        return Err(VaultError::Format);
    }
    let (nonce, rest) = rest.split_at(NONCE_LEN);
    let (ciphertext, tag) = rest.split_at(rest.len() - TAG_LEN);
    let nonce = XNonce::from_slice(nonce);
    let tag = Tag::from_slice(tag);
    let mut buf = Zeroizing::new(ciphertext.to_vec());
    let ad = associated_data(header, aad);
    cipher(key)
        .decrypt_in_place_detached(nonce, &ad, buf.as_mut_slice(), tag)
        .map_err(|_| VaultError::Decrypt)?;
    Ok(buf)
}

/// Wraps `key` under `wrapping` (the sealed plaintext is the 32 key bytes).
pub fn wrap_key(wrapping: &Key32, aad: &str, key: &Key32) -> Vec<u8> {
    seal(wrapping, aad, key.as_bytes())
}

/// Inverse of [`wrap_key`]; a payload that is not 32 bytes is `Format`.
pub fn unwrap_key(wrapping: &Key32, aad: &str, wrapped: &[u8]) -> Result<Key32> {
    let bytes = open(wrapping, aad, wrapped)?;
    Key32::from_slice(&bytes)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_layout() {
        let key = Key32::random();
        for pt in [&b""[..], b"x", &[0x55; 1000]] {
            let sealed = seal(&key, "doc|o|i|1|0", pt);
            assert_eq!(sealed.len(), OVERHEAD + pt.len());
            assert_eq!(&sealed[..2], &[1, 1]);
            assert_eq!(open(&key, "doc|o|i|1|0", &sealed).unwrap().as_slice(), pt);
        }
    }

    #[test]
    fn nonces_are_fresh() {
        let key = Key32::random();
        assert_ne!(seal(&key, "a", b"same"), seal(&key, "a", b"same"));
    }

    #[test]
    fn wrong_key_or_context_fails() {
        let key = Key32::random();
        let sealed = seal(&key, "doc|o|i|1|0", b"secret");
        assert!(matches!(
            open(&Key32::random(), "doc|o|i|1|0", &sealed),
            Err(VaultError::Decrypt)
        ));
        assert!(matches!(
            open(&key, "doc|o|i|1|1", &sealed),
            Err(VaultError::Decrypt)
        ));
        assert!(matches!(open(&key, "", &sealed), Err(VaultError::Decrypt)));
    }

    #[test]
    fn every_flipped_bit_fails() {
        let key = Key32::random();
        let sealed = seal(&key, "ctx", b"hello world");
        for i in 0..sealed.len() {
            for bit in 0..8 {
                let mut bad = sealed.clone();
                bad[i] ^= 1 << bit;
                assert!(open(&key, "ctx", &bad).is_err(), "byte {i} bit {bit}");
            }
        }
    }

    #[test]
    fn truncation_never_panics() {
        let key = Key32::random();
        let sealed = seal(&key, "ctx", b"hello world");
        for n in 0..sealed.len() {
            let r = open(&key, "ctx", &sealed[..n]);
            assert!(r.is_err(), "len {n}");
        }
        assert!(matches!(open(&key, "ctx", &[]), Err(VaultError::Format)));
        assert!(matches!(open(&key, "ctx", &[1]), Err(VaultError::Format)));
        assert!(matches!(
            open(&key, "ctx", &sealed[..OVERHEAD - 1]),
            Err(VaultError::Format)
        ));
    }

    #[test]
    fn unknown_version_or_algorithm_is_unsupported() {
        let key = Key32::random();
        let sealed = seal(&key, "ctx", b"x");
        let mut v = sealed.clone();
        v[0] = 2;
        assert!(matches!(
            open(&key, "ctx", &v),
            Err(VaultError::Unsupported)
        ));
        let mut a = sealed.clone();
        a[1] = 9;
        assert!(matches!(
            open(&key, "ctx", &a),
            Err(VaultError::Unsupported)
        ));
        let mut pk = sealed;
        pk[1] = crate::ALG_X25519_SEALED_BOX;
        assert!(matches!(
            open(&key, "ctx", &pk),
            Err(VaultError::Unsupported)
        ));
    }

    #[test]
    fn key_wrap_round_trip() {
        let kek = Key32::random();
        let k = Key32::random();
        let w = wrap_key(&kek, "vault-key|owner", &k);
        assert_eq!(unwrap_key(&kek, "vault-key|owner", &w).unwrap(), k);
        assert!(unwrap_key(&kek, "vault-key|other", &w).is_err());
        // A seal of something that is not a key is refused as a key.
        let not_key = seal(&kek, "vault-key|owner", b"short");
        assert!(matches!(
            unwrap_key(&kek, "vault-key|owner", &not_key),
            Err(VaultError::Format)
        ));
    }
}
