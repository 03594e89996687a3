//! Password and recovery-code derivation: Argon2id parameters, salts, and the split of one
//! Argon2id output into a stored verifier and a never-stored wrapping key.

use argon2::{Algorithm, Argon2, Params, Version};
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

use crate::key::hkdf32;
use crate::{Key32, Result, VaultError, random_bytes};

/// HKDF info for the verifier half.
pub(crate) const INFO_VERIFIER: &str = "consigne/v1/password-verifier";
/// HKDF info for the wrapping-key half.
pub(crate) const INFO_WRAP: &str = "consigne/v1/password-wrap";
/// Upper bounds accepted when decoding stored parameters: a corrupted or hostile row must not
/// make a login allocate without limit.
const MAX_MEMORY_KIB: u32 = 2 * 1024 * 1024;
const MAX_ITERATIONS: u32 = 1000;
const MAX_PARALLELISM: u32 = 64;
const PREFIX: &str = "argon2id$";

/// Argon2id cost parameters, stored next to each salt so they can be raised later.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KdfParams {
    /// Memory in KiB.
    pub memory_kib: u32,
    /// Passes over memory (`t`).
    pub iterations: u32,
    /// Lanes (`p`).
    pub parallelism: u32,
}

impl Default for KdfParams {
    /// OWASP's Argon2id baseline, which is also SECURITY.md's floor: 19 MiB, t = 2, p = 1.
    fn default() -> Self {
        Self {
            memory_kib: 19456,
            iterations: 2,
            parallelism: 1,
        }
    }
}

impl KdfParams {
    /// `argon2id$m=<KiB>,t=<iterations>,p=<parallelism>`.
    pub fn encode(&self) -> String {
        format!(
            "{PREFIX}m={},t={},p={}",
            self.memory_kib, self.iterations, self.parallelism
        )
    }

    /// Parses [`KdfParams::encode`]'s output (fields in that order). Another algorithm is
    /// `Unsupported`, bad syntax is `Format`, values Argon2 refuses or above this crate's caps are
    /// `Kdf`.
    pub fn decode(s: &str) -> Result<Self> {
        let Some(rest) = s.strip_prefix(PREFIX) else {
            return Err(if s.contains('$') {
                VaultError::Unsupported
            } else {
                VaultError::Format
            });
        };
        let mut fields = rest.split(',');
        let mut next = |name: &str| -> Result<u32> {
            let field = fields.next().ok_or(VaultError::Format)?;
            let value = field
                .strip_prefix(name)
                .and_then(|v| v.strip_prefix('='))
                .ok_or(VaultError::Format)?;
            if value.is_empty() || value.len() > 10 || !value.bytes().all(|b| b.is_ascii_digit()) {
                return Err(VaultError::Format);
            }
            value.parse().map_err(|_| VaultError::Format)
        };
        let params = Self {
            memory_kib: next("m")?,
            iterations: next("t")?,
            parallelism: next("p")?,
        };
        if fields.next().is_some() {
            return Err(VaultError::Format);
        }
        params.argon2_params()?;
        Ok(params)
    }

    /// Whether these parameters meet SECURITY.md's floor (memory >= 19 MiB, t >= 2), so callers
    /// can re-derive with [`KdfParams::default`] at the next login.
    pub fn meets_policy(&self) -> bool {
        let floor = Self::default();
        self.memory_kib >= floor.memory_kib && self.iterations >= floor.iterations
    }

    fn argon2_params(&self) -> Result<Params> {
        if self.memory_kib > MAX_MEMORY_KIB
            || self.iterations > MAX_ITERATIONS
            || self.parallelism > MAX_PARALLELISM
        {
            return Err(VaultError::Kdf);
        }
        Params::new(self.memory_kib, self.iterations, self.parallelism, Some(32))
            .map_err(|_| VaultError::Kdf)
    }
}

/// A fresh 128-bit salt.
pub fn random_salt() -> [u8; 16] {
    random_bytes()
}

/// The two halves of one Argon2id run: `verifier` is stored and compared in constant time at
/// login; `wrap_key` unwraps the vault key and is never stored. Knowing the verifier does not
/// give the wrapping key (independent HKDF outputs).
pub struct DerivedSecret {
    /// Stored; compare with [`verifier_matches`].
    pub verifier: [u8; 32],
    /// Never stored.
    pub wrap_key: Key32,
}

impl std::fmt::Debug for DerivedSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DerivedSecret([redacted])")
    }
}

/// Argon2id (v1.3, 32-byte output) over `secret` and `salt`, then HKDF-SHA256 with the info
/// strings `consigne/v1/password-verifier` and `consigne/v1/password-wrap`. `secret` is taken as
/// given (any length, any bytes): normalising passwords or recovery codes is the caller's job.
pub fn derive_secret(secret: &[u8], salt: &[u8; 16], params: &KdfParams) -> Result<DerivedSecret> {
    derive_secret_in(secret, salt, params, &mut KdfMemory::default())
}

/// Argon2id's working memory, kept between runs: a server that hashes on a few threads reuses
/// the same blocks instead of asking the allocator for `memory_kib` at every login (allocators
/// keep such freed blocks per thread, which left a large resident plateau after a burst of
/// logins). Wiped after every run.
#[derive(Default)]
pub struct KdfMemory(Vec<argon2::Block>);

impl std::fmt::Debug for KdfMemory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "KdfMemory({} blocks)", self.0.len())
    }
}

/// [`derive_secret`] in `memory` (grown to the parameters' size if needed, wiped afterwards).
pub fn derive_secret_in(
    secret: &[u8],
    salt: &[u8; 16],
    params: &KdfParams,
    memory: &mut KdfMemory,
) -> Result<DerivedSecret> {
    let argon_params = params.argon2_params()?;
    let blocks = argon_params.block_count();
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, argon_params);
    if memory.0.len() != blocks {
        memory.0 = vec![argon2::Block::default(); blocks];
    }
    let mut master = Zeroizing::new([0u8; 32]);
    let hashed = argon.hash_password_into_with_memory(
        secret,
        salt,
        master.as_mut_slice(),
        memory.0.as_mut_slice(),
    );
    // Wiped before the area goes back to its pool. A plain fill is a vectorised memset (about
    // a third of the element-by-element volatile wipe's CPU on 19 MiB); the area stays owned
    // and reused, and `black_box` keeps the stores from being treated as dead.
    memory.0.fill(argon2::Block::default());
    std::hint::black_box(&memory.0);
    hashed.map_err(|_| VaultError::Kdf)?;
    Ok(DerivedSecret {
        verifier: hkdf32(master.as_slice(), INFO_VERIFIER.as_bytes()),
        wrap_key: Key32::from_bytes(hkdf32(master.as_slice(), INFO_WRAP.as_bytes())),
    })
}

/// Constant-time equality of two verifiers (different lengths are simply unequal).
pub fn verifier_matches(a: &[u8], b: &[u8]) -> bool {
    a.ct_eq(b).into()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    /// Cheap parameters so tests stay fast; the vectors test covers the default ones.
    const FAST: KdfParams = KdfParams {
        memory_kib: 64,
        iterations: 1,
        parallelism: 1,
    };

    #[test]
    fn encode_decode_round_trip() {
        let d = KdfParams::default();
        assert_eq!(d.encode(), "argon2id$m=19456,t=2,p=1");
        assert_eq!(KdfParams::decode(&d.encode()).unwrap(), d);
        let p = KdfParams {
            memory_kib: 65536,
            iterations: 3,
            parallelism: 4,
        };
        assert_eq!(KdfParams::decode(&p.encode()).unwrap(), p);
        assert!(d.meets_policy());
        assert!(!FAST.meets_policy());
    }

    #[test]
    fn decode_refuses_garbage() {
        for s in [
            "",
            "argon2id",
            "argon2id$",
            "argon2id$m=19456,t=2",
            "argon2id$m=19456,t=2,p=1,x=3",
            "argon2id$t=2,m=19456,p=1",
            "argon2id$m=19456,t=2,p=+1",
            "argon2id$m=19456,t=2,p= 1",
            "argon2id$m=99999999999,t=2,p=1",
            "argon2id$m=-1,t=2,p=1",
        ] {
            assert!(
                matches!(KdfParams::decode(s), Err(VaultError::Format)),
                "{s}"
            );
        }
        assert!(matches!(
            KdfParams::decode("argon2i$m=19456,t=2,p=1"),
            Err(VaultError::Unsupported)
        ));
        assert!(matches!(
            KdfParams::decode("scrypt$n=1"),
            Err(VaultError::Unsupported)
        ));
        // Argon2 refuses t = 0 and p = 0; the crate caps absurd memory.
        for s in [
            "argon2id$m=19456,t=0,p=1",
            "argon2id$m=19456,t=2,p=0",
            "argon2id$m=4294967295,t=2,p=1",
            "argon2id$m=19456,t=2,p=1000",
        ] {
            assert!(matches!(KdfParams::decode(s), Err(VaultError::Kdf)), "{s}");
        }
    }

    #[test]
    fn derive_is_deterministic_and_salted() {
        let salt = [1u8; 16];
        let a = derive_secret(b"correct horse", &salt, &FAST).unwrap();
        let b = derive_secret(b"correct horse", &salt, &FAST).unwrap();
        assert!(verifier_matches(&a.verifier, &b.verifier));
        assert_eq!(a.wrap_key, b.wrap_key);
        assert_ne!(&a.verifier, a.wrap_key.as_bytes());
        let c = derive_secret(b"correct horse", &[2u8; 16], &FAST).unwrap();
        assert!(!verifier_matches(&a.verifier, &c.verifier));
        let d = derive_secret(b"correct horsf", &salt, &FAST).unwrap();
        assert!(!verifier_matches(&a.verifier, &d.verifier));
        assert_ne!(a.wrap_key, d.wrap_key);
        assert_eq!(format!("{a:?}"), "DerivedSecret([redacted])");
    }

    #[test]
    fn reused_memory_gives_the_same_secrets_and_is_wiped() {
        let mut memory = KdfMemory::default();
        let salt = [3u8; 16];
        let bigger = KdfParams {
            memory_kib: 128,
            ..FAST
        };
        for params in [FAST, bigger, FAST] {
            let fresh = derive_secret(b"le chat dort", &salt, &params).unwrap();
            let reused = derive_secret_in(b"le chat dort", &salt, &params, &mut memory).unwrap();
            assert!(verifier_matches(&fresh.verifier, &reused.verifier));
            assert_eq!(fresh.wrap_key, reused.wrap_key);
            assert_eq!(memory.0.len(), params.memory_kib as usize);
            assert!(
                memory.0.iter().all(|b| b.as_ref().iter().all(|w| *w == 0)),
                "working memory wiped"
            );
        }
    }

    #[test]
    fn derive_refuses_bad_params() {
        let bad = KdfParams {
            memory_kib: 1,
            iterations: 1,
            parallelism: 1,
        };
        assert!(matches!(
            derive_secret(b"x", &[0; 16], &bad),
            Err(VaultError::Kdf)
        ));
    }

    #[test]
    fn verifier_matches_lengths() {
        assert!(verifier_matches(b"abc", b"abc"));
        assert!(!verifier_matches(b"abc", b"abd"));
        assert!(!verifier_matches(b"abc", b"abcd"));
    }
}
