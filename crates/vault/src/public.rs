//! X25519 key pairs and public-key wraps (algorithm id 2).
//!
//! A public-key wrap is KEM-DEM: a libsodium-compatible sealed box (`crypto_box_seal`: ephemeral
//! X25519, XSalsa20-Poly1305; the `crypto_box` crate offers no ChaCha-based sealed box) carries a
//! fresh 32-byte data key K, and the payload is an algorithm-1 seal under K with the context as
//! associated data. Layout:
//! `[version = 1][algorithm = 2][u16 BE length of sealed box = 80][sealed box][algorithm-1 seal]`.
//!
//! Anyone holding the public key can produce such a wrap (that is the point: a professional can
//! add a document while the person is away); integrity against a tampered database comes from
//! the platform-key seal around every stored wrap.

use rand::{CryptoRng, RngCore};
use zeroize::Zeroizing;

use crate::symmetric::{open, seal_with_nonce};
use crate::{ALG_X25519_SEALED_BOX, FORMAT_VERSION, Key32, Result, VaultError, random_bytes};

const HEADER: [u8; 2] = [FORMAT_VERSION, ALG_X25519_SEALED_BOX];
/// Ephemeral public key (32) + data key (32) + Poly1305 tag (16).
const BOX_LEN: usize = 32 + 32 + 16;

/// An X25519 public key.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PublicKey(pub [u8; 32]);

impl PublicKey {
    /// Exactly 32 bytes, or [`VaultError::Format`].
    pub fn from_slice(b: &[u8]) -> Result<Self> {
        Ok(Self(b.try_into().map_err(|_| VaultError::Format)?))
    }

    /// The raw 32 bytes.
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl std::fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PublicKey(")?;
        for b in self.0 {
            write!(f, "{b:02x}")?;
        }
        f.write_str(")")
    }
}

/// An X25519 key pair. The secret half is a [`Key32`] (so it can itself be wrapped); `Debug`
/// shows only the public half.
#[derive(Clone)]
pub struct KeyPair {
    secret: Key32,
    public: PublicKey,
}

impl KeyPair {
    /// A fresh random key pair.
    pub fn generate() -> Self {
        Self::from_secret(Key32::random())
    }

    /// Rebuilds a key pair from its (unwrapped) secret half; X25519 clamps any 32 bytes.
    pub fn from_secret(secret: Key32) -> Self {
        let sk = crypto_box::SecretKey::from_bytes(*secret.as_bytes());
        let public = PublicKey(*sk.public_key().as_bytes());
        Self { secret, public }
    }

    /// The public half.
    pub fn public(&self) -> PublicKey {
        self.public.clone()
    }

    /// The secret half, to be wrapped for storage.
    pub fn secret(&self) -> &Key32 {
        &self.secret
    }
}

impl std::fmt::Debug for KeyPair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeyPair")
            .field("public", &self.public)
            .finish_non_exhaustive()
    }
}

/// Encrypts `plaintext` so that only the holder of `recipient`'s secret key can read it, bound
/// to the context `aad`.
pub fn seal_to(recipient: &PublicKey, aad: &str, plaintext: &[u8]) -> Vec<u8> {
    seal_to_with(
        recipient,
        aad,
        plaintext,
        &Key32::random(),
        &mut rand::rngs::OsRng,
        &random_bytes(),
    )
}

/// [`seal_to`] with caller-chosen randomness: the data key, the RNG the ephemeral X25519 key is
/// drawn from, and the payload nonce. Only for test vectors.
pub(crate) fn seal_to_with<R: RngCore + CryptoRng>(
    recipient: &PublicKey,
    aad: &str,
    plaintext: &[u8],
    data_key: &Key32,
    rng: &mut R,
    nonce: &[u8; 24],
) -> Vec<u8> {
    let pk = crypto_box::PublicKey::from(recipient.0);
    let Ok(sealed_box) = pk.seal(rng, data_key.as_bytes()) else {
        // Unreachable for a 32-byte message; the bare header fails as `Format` on open.
        return HEADER.to_vec();
    };
    let Ok(box_len) = u16::try_from(sealed_box.len()) else {
        return HEADER.to_vec();
    };
    let payload = seal_with_nonce(data_key, aad, plaintext, nonce);
    let mut out = Vec::with_capacity(HEADER.len() + 2 + sealed_box.len() + payload.len());
    out.extend_from_slice(&HEADER);
    out.extend_from_slice(&box_len.to_be_bytes());
    out.extend_from_slice(&sealed_box);
    out.extend_from_slice(&payload);
    out
}

/// Opens a [`seal_to`] ciphertext with the recipient's key pair.
pub fn open_sealed(recipient: &KeyPair, aad: &str, sealed: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
    let (header, rest) = sealed
        .split_at_checked(HEADER.len())
        .ok_or(VaultError::Format)?;
    if header != HEADER {
        return Err(VaultError::Unsupported);
    }
    let (len, rest) = rest.split_at_checked(2).ok_or(VaultError::Format)?;
    let box_len = usize::from(u16::from_be_bytes([len[0], len[1]]));
    if box_len != BOX_LEN {
        return Err(VaultError::Format);
    }
    let (sealed_box, payload) = rest.split_at_checked(box_len).ok_or(VaultError::Format)?;
    let data_key = unseal(recipient, sealed_box)?;
    let data_key = Key32::from_slice(&data_key)?;
    open(&data_key, aad, payload)
}

/// libsodium's `crypto_box_seal_open`, with the recipient's public key taken from the key pair
/// instead of re-derived from the secret (`crypto_box::SecretKey::unseal` does one base-point
/// multiplication per open for it): one X25519 multiplication per open, the same bytes.
fn unseal(recipient: &KeyPair, sealed_box: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
    use blake2::Digest;
    use crypto_box::aead::Aead;

    let (ephemeral, ciphertext) = sealed_box.split_at_checked(32).ok_or(VaultError::Format)?;
    let ephemeral = crypto_box::PublicKey::from_slice(ephemeral).map_err(|_| VaultError::Format)?;
    // nonce = Blake2b-192(ephemeral pk || recipient pk), as libsodium computes it.
    let nonce = blake2::Blake2b::<blake2::digest::consts::U24>::new()
        .chain_update(ephemeral.as_bytes())
        .chain_update(recipient.public.as_bytes())
        .finalize();
    let secret = crypto_box::SecretKey::from_bytes(*recipient.secret.as_bytes());
    crypto_box::SalsaBox::new(&ephemeral, &secret)
        .decrypt(&nonce, ciphertext)
        .map(Zeroizing::new)
        .map_err(|_| VaultError::Decrypt)
}

/// Wraps `key` to `recipient` (the sealed plaintext is the 32 key bytes).
pub fn wrap_key_to(recipient: &PublicKey, aad: &str, key: &Key32) -> Vec<u8> {
    seal_to(recipient, aad, key.as_bytes())
}

/// Inverse of [`wrap_key_to`].
pub fn unwrap_key_from(recipient: &KeyPair, aad: &str, wrapped: &[u8]) -> Result<Key32> {
    let bytes = open_sealed(recipient, aad, wrapped)?;
    Key32::from_slice(&bytes)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn key_pair_is_deterministic_from_secret() {
        let kp = KeyPair::generate();
        let again = KeyPair::from_secret(kp.secret().clone());
        assert_eq!(kp.public(), again.public());
        let dbg = format!("{kp:?}");
        assert!(dbg.contains("public"));
        assert!(!dbg.contains("secret"));
    }

    #[test]
    fn unseal_matches_crypto_box() {
        // Our open (recipient public key from the pair) and crypto_box's (re-derived from the
        // secret) read the same sealed boxes, and crypto_box reads the ones we make.
        let kp = KeyPair::generate();
        let sk = crypto_box::SecretKey::from_bytes(*kp.secret().as_bytes());
        let pk = crypto_box::PublicKey::from(kp.public().0);
        let boxed = pk
            .seal(&mut rand::rngs::OsRng, b"thirty-two bytes of a data key!!")
            .unwrap();
        assert_eq!(
            unseal(&kp, &boxed).unwrap().as_slice(),
            sk.unseal(&boxed).unwrap().as_slice()
        );
        let wrap = seal_to(&kp.public(), "ctx", b"x");
        assert_eq!(sk.unseal(&wrap[4..84]).unwrap().len(), 32);
        assert!(matches!(unseal(&kp, &boxed[..31]), Err(VaultError::Format)));
        assert!(matches!(
            unseal(&kp, &boxed[..32]),
            Err(VaultError::Decrypt)
        ));
    }

    #[test]
    fn base_point_tables_are_compiled_in() {
        // `ED25519_BASEPOINT_TABLE` only exists with curve25519-dalek's `precomputed-tables`
        // feature (crates/vault/Cargo.toml): this does not compile without it.
        use curve25519_dalek::{constants::ED25519_BASEPOINT_TABLE, scalar};
        let kp = KeyPair::generate();
        let s =
            scalar::Scalar::from_bytes_mod_order(scalar::clamp_integer(*kp.secret().as_bytes()));
        assert_eq!(
            (&s * ED25519_BASEPOINT_TABLE).to_montgomery().to_bytes(),
            kp.public().0
        );
    }

    #[test]
    fn public_key_from_slice() {
        let kp = KeyPair::generate();
        let pk = PublicKey::from_slice(kp.public().as_bytes()).unwrap();
        assert_eq!(pk, kp.public());
        assert!(matches!(
            PublicKey::from_slice(&[0; 31]),
            Err(VaultError::Format)
        ));
    }

    #[test]
    fn round_trip_and_layout() {
        let kp = KeyPair::generate();
        for pt in [&b""[..], b"a document key", &[9; 5000]] {
            let sealed = seal_to(&kp.public(), "item-key|o|i", pt);
            assert_eq!(&sealed[..4], &[1, 2, 0, 80]);
            assert_eq!(sealed.len(), 4 + 80 + crate::symmetric::OVERHEAD + pt.len());
            let opened = open_sealed(&kp, "item-key|o|i", &sealed).unwrap();
            assert_eq!(opened.as_slice(), pt);
        }
    }

    #[test]
    fn wrong_recipient_or_context_fails() {
        let kp = KeyPair::generate();
        let sealed = seal_to(&kp.public(), "ctx", b"x");
        let other = KeyPair::generate();
        assert!(matches!(
            open_sealed(&other, "ctx", &sealed),
            Err(VaultError::Decrypt)
        ));
        assert!(matches!(
            open_sealed(&kp, "ctx2", &sealed),
            Err(VaultError::Decrypt)
        ));
    }

    #[test]
    fn flipped_bits_and_truncation_fail_without_panic() {
        let kp = KeyPair::generate();
        let sealed = seal_to(&kp.public(), "ctx", b"hello");
        for i in 0..sealed.len() {
            let mut bad = sealed.clone();
            bad[i] ^= 0x01;
            assert!(open_sealed(&kp, "ctx", &bad).is_err(), "byte {i}");
        }
        for n in 0..sealed.len() {
            assert!(open_sealed(&kp, "ctx", &sealed[..n]).is_err(), "len {n}");
        }
    }

    #[test]
    fn unknown_version_or_algorithm_is_unsupported() {
        let kp = KeyPair::generate();
        let sealed = seal_to(&kp.public(), "ctx", b"x");
        let mut v = sealed.clone();
        v[0] = 7;
        assert!(matches!(
            open_sealed(&kp, "ctx", &v),
            Err(VaultError::Unsupported)
        ));
        let mut a = sealed;
        a[1] = 1;
        assert!(matches!(
            open_sealed(&kp, "ctx", &a),
            Err(VaultError::Unsupported)
        ));
        // A symmetric seal is not a public-key wrap.
        let sym = crate::seal(&Key32::random(), "ctx", b"x");
        assert!(matches!(
            open_sealed(&kp, "ctx", &sym),
            Err(VaultError::Unsupported)
        ));
    }

    #[test]
    fn key_wrap_to_round_trip() {
        let kp = KeyPair::generate();
        let k = Key32::random();
        let w = wrap_key_to(&kp.public(), "structure-key|s|member", &k);
        assert_eq!(
            unwrap_key_from(&kp, "structure-key|s|member", &w).unwrap(),
            k
        );
        let not_key = seal_to(&kp.public(), "c", b"abc");
        assert!(matches!(
            unwrap_key_from(&kp, "c", &not_key),
            Err(VaultError::Format)
        ));
    }
}
