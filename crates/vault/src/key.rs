//! The 256-bit secret key type and the HKDF/HMAC helpers every other module derives subkeys with.

use hkdf::Hkdf;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;
use zeroize::Zeroize;

use crate::{Result, VaultError, random_bytes};

/// 256-bit secret key. Zeroized on drop; `Debug` never shows it; equality is constant time.
#[derive(Clone)]
pub struct Key32([u8; 32]);

impl Key32 {
    /// A fresh key from the OS CSPRNG.
    pub fn random() -> Self {
        Self(random_bytes())
    }

    /// Takes ownership of `b`; the caller's copy (a `Copy` array) is the caller's to wipe.
    pub fn from_bytes(b: [u8; 32]) -> Self {
        Self(b)
    }

    /// Exactly 32 bytes, or [`VaultError::Format`].
    pub fn from_slice(b: &[u8]) -> Result<Self> {
        let arr: [u8; 32] = b.try_into().map_err(|_| VaultError::Format)?;
        Ok(Self(arr))
    }

    /// The raw key bytes.
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl Drop for Key32 {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl std::fmt::Debug for Key32 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("[redacted]")
    }
}

impl PartialEq for Key32 {
    fn eq(&self, other: &Self) -> bool {
        self.0.ct_eq(&other.0).into()
    }
}

impl Eq for Key32 {}

/// HKDF-SHA256 (RFC 5869) without salt: a 32-byte subkey of `ikm` for the purpose `info`
/// (e.g. the session key from a session cookie token). Different `info` strings give independent
/// keys, so one secret can safely feed several purposes.
pub fn derive_key(ikm: &[u8], info: &str) -> Key32 {
    Key32(hkdf32(ikm, info.as_bytes()))
}

/// HKDF-SHA256 extract-and-expand to 32 bytes, no salt.
pub(crate) fn hkdf32(ikm: &[u8], info: &[u8]) -> [u8; 32] {
    let mut okm = [0u8; 32];
    if Hkdf::<Sha256>::new(None, ikm)
        .expand(info, &mut okm)
        .is_err()
    {
        // Unreachable: HKDF only refuses outputs longer than 255 * 32 bytes. Random bytes fail
        // closed (nothing derived this way will ever match) without a panic path.
        okm = random_bytes();
    }
    okm
}

/// HMAC-SHA256 of the concatenation of `parts`.
pub(crate) fn hmac_sha256(key: &[u8], parts: &[&[u8]]) -> [u8; 32] {
    match Hmac::<Sha256>::new_from_slice(key) {
        Ok(mut mac) => {
            for p in parts {
                mac.update(p);
            }
            mac.finalize().into_bytes().into()
        }
        // Unreachable: HMAC accepts keys of any length (RFC 2104). Fail closed, see `hkdf32`.
        Err(_) => random_bytes(),
    }
}

/// HMAC-SHA1 (only for TOTP, which RFC 6238 authenticator apps expect).
pub(crate) fn hmac_sha1(key: &[u8], msg: &[u8]) -> [u8; 20] {
    match Hmac::<sha1::Sha1>::new_from_slice(key) {
        Ok(mut mac) => {
            mac.update(msg);
            mac.finalize().into_bytes().into()
        }
        // Unreachable: HMAC accepts keys of any length. Fail closed, see `hkdf32`.
        Err(_) => random_bytes(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn from_slice_checks_length() {
        assert!(matches!(
            Key32::from_slice(&[0u8; 31]),
            Err(VaultError::Format)
        ));
        assert!(matches!(
            Key32::from_slice(&[0u8; 33]),
            Err(VaultError::Format)
        ));
        let k = Key32::from_slice(&[7u8; 32]).unwrap();
        assert_eq!(k.as_bytes(), &[7u8; 32]);
    }

    #[test]
    fn debug_is_redacted() {
        let k = Key32::from_bytes([0xAB; 32]);
        let s = format!("{k:?}");
        assert_eq!(s, "[redacted]");
    }

    #[test]
    fn random_keys_differ_and_clone_equal() {
        let a = Key32::random();
        let b = Key32::random();
        assert_ne!(a, b);
        assert_eq!(a.clone(), a);
    }

    #[test]
    fn derive_key_separates_purposes() {
        let a = derive_key(b"token", "consigne/v1/a");
        let b = derive_key(b"token", "consigne/v1/b");
        assert_ne!(a, b);
        assert_eq!(a, derive_key(b"token", "consigne/v1/a"));
    }

    /// RFC 5869 test case 3 (no salt, empty info), first 32 bytes of the 42-byte OKM.
    #[test]
    fn hkdf_rfc5869_case3() {
        let okm = hkdf32(&[0x0b; 22], b"");
        assert_eq!(
            hex::encode(okm),
            "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d"
        );
    }

    /// RFC 4231 test case 2.
    #[test]
    fn hmac_sha256_rfc4231_case2() {
        let mac = hmac_sha256(b"Jefe", &[b"what do ya want ", b"for nothing?"]);
        assert_eq!(
            hex::encode(mac),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }
}
