//! The platform's signing keys (Ed25519, from `ring`): they sign the certification log's tree
//! heads. Like the platform key, they live in a key file outside the database and outside
//! backups (mode 0600, created at first start):
//!
//! ```text
//! consigne-signing-key
//! v1 <standard base64 of a 32-byte Ed25519 seed>
//! v2 <standard base64 of a 32-byte Ed25519 seed>
//! ```
//!
//! The highest version signs; every listed version stays published, so a rotation adds a line
//! and old heads still verify. A key is named by its key id: the first 8 bytes of the SHA-256
//! of its public key, in hex (algorithm agility: a head names its algorithm and key id).

use std::collections::BTreeMap;
use std::fs::File;
use std::io::Read;
use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use ring::signature::{ED25519, Ed25519KeyPair, KeyPair as _, UnparsedPublicKey};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::platform::{check_private_mode, create_private_dir, parent_dir, write_atomically};
use crate::{Result, VaultError, random_bytes};

const FILE_HEADER: &str = "consigne-signing-key";
const MAX_FILE_LEN: u64 = 64 * 1024;
/// The name of the one signature algorithm heads use today.
pub const ALGORITHM: &str = "ed25519";

/// One signing key: its key pair and public key.
struct Signer {
    pair: Ed25519KeyPair,
    seed: Zeroizing<[u8; 32]>,
}

/// Every signing key listed in the key file. `Debug` shows key ids only.
pub struct SigningKeys {
    /// Never empty; the last entry signs.
    versions: BTreeMap<u32, Signer>,
}

impl std::fmt::Debug for SigningKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SigningKeys")
            .field("key_ids", &self.published())
            .finish()
    }
}

/// The key id of an Ed25519 public key: hex of the first 8 bytes of its SHA-256.
pub fn key_id(public: &[u8]) -> String {
    let digest = Sha256::digest(public);
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether `signature` is `public`'s Ed25519 signature of `message`.
pub fn verify(public: &[u8], message: &[u8], signature: &[u8]) -> bool {
    public.len() == 32
        && UnparsedPublicKey::new(&ED25519, public)
            .verify(message, signature)
            .is_ok()
}

impl SigningKeys {
    /// One new key (version 1), in memory.
    pub fn generate() -> Result<Self> {
        Self::from_seeds(BTreeMap::from([(1, Zeroizing::new(random_bytes::<32>()))]))
    }

    fn from_seeds(seeds: BTreeMap<u32, Zeroizing<[u8; 32]>>) -> Result<Self> {
        let mut versions = BTreeMap::new();
        for (v, seed) in seeds {
            let pair = Ed25519KeyPair::from_seed_unchecked(seed.as_slice())
                .map_err(|_| VaultError::KeyFile("an unusable signing key".into()))?;
            versions.insert(v, Signer { pair, seed });
        }
        if versions.is_empty() {
            return Err(VaultError::KeyFile("no signing key".into()));
        }
        Ok(Self { versions })
    }

    /// Loads the key file at `path`, creating it (mode 0600, atomically) if it does not exist.
    /// Returns the keys and whether they were just created.
    pub fn load_or_create(path: &Path) -> Result<(Self, bool)> {
        match Self::load(path) {
            Ok(k) => return Ok((k, false)),
            Err(VaultError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        if let Some(dir) = parent_dir(path) {
            create_private_dir(&dir)?;
        }
        let keys = Self::generate()?;
        if write_atomically(path, &keys.to_file_text(), false)? {
            Ok((keys, true))
        } else {
            Ok((Self::load(path)?, false))
        }
    }

    /// Loads an existing key file; a file readable by others or malformed is refused.
    pub fn load(path: &Path) -> Result<Self> {
        let file = File::open(path)?;
        let meta = file.metadata()?;
        if !meta.is_file() || meta.len() > MAX_FILE_LEN {
            return Err(VaultError::KeyFile(format!(
                "{} is not a signing key file",
                path.display()
            )));
        }
        check_private_mode(path, &meta)?;
        let mut text = Zeroizing::new(String::new());
        file.take(MAX_FILE_LEN + 1)
            .read_to_string(&mut text)
            .map_err(|_| VaultError::KeyFile(format!("{} is not UTF-8 text", path.display())))?;
        Self::parse(&text).map_err(|_| {
            VaultError::KeyFile(format!("{} is not a signing key file", path.display()))
        })
    }

    /// Adds a new key (highest version + 1) to the file at `path` and returns the keys.
    pub fn rotate(path: &Path) -> Result<Self> {
        let keys = Self::load(path)?;
        let next = keys.versions.keys().next_back().copied().unwrap_or(0) + 1;
        let mut seeds: BTreeMap<u32, Zeroizing<[u8; 32]>> = keys
            .versions
            .iter()
            .map(|(v, s)| (*v, s.seed.clone()))
            .collect();
        seeds.insert(next, Zeroizing::new(random_bytes::<32>()));
        let rotated = Self::from_seeds(seeds)?;
        write_atomically(path, &rotated.to_file_text(), true)?;
        Ok(rotated)
    }

    fn parse(text: &str) -> Result<Self> {
        let mut lines = text.lines();
        if lines.next() != Some(FILE_HEADER) {
            return Err(VaultError::Format);
        }
        let mut seeds = BTreeMap::new();
        for line in lines.filter(|l| !l.trim().is_empty()) {
            let (v, b64) = line.split_once(' ').ok_or(VaultError::Format)?;
            let v: u32 = v
                .strip_prefix('v')
                .and_then(|n| n.parse().ok())
                .ok_or(VaultError::Format)?;
            let bytes = Zeroizing::new(
                STANDARD
                    .decode(b64.trim())
                    .map_err(|_| VaultError::Format)?,
            );
            let seed: [u8; 32] = bytes
                .as_slice()
                .try_into()
                .map_err(|_| VaultError::Format)?;
            if seeds.insert(v, Zeroizing::new(seed)).is_some() {
                return Err(VaultError::Format);
            }
        }
        Self::from_seeds(seeds)
    }

    fn to_file_text(&self) -> String {
        let mut text = format!("{FILE_HEADER}\n");
        for (v, s) in &self.versions {
            text.push_str(&format!("v{v} {}\n", STANDARD.encode(s.seed.as_slice())));
        }
        text
    }

    fn newest(&self) -> Option<&Signer> {
        self.versions.values().next_back()
    }

    /// The signing key's public key (32 bytes).
    pub fn public_key(&self) -> Vec<u8> {
        self.newest()
            .map(|s| s.pair.public_key().as_ref().to_vec())
            .unwrap_or_default()
    }

    /// The signing key's id ([`key_id`]).
    pub fn key_id(&self) -> String {
        key_id(&self.public_key())
    }

    /// Every key's id and public key, oldest first: the keys the platform publishes.
    pub fn published(&self) -> Vec<(String, Vec<u8>)> {
        self.versions
            .values()
            .map(|s| {
                let public = s.pair.public_key().as_ref().to_vec();
                (key_id(&public), public)
            })
            .collect()
    }

    /// The newest key's Ed25519 signature of `message` (64 bytes).
    pub fn sign(&self, message: &[u8]) -> Vec<u8> {
        self.newest()
            .map(|s| s.pair.sign(message).as_ref().to_vec())
            .unwrap_or_default()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_verifies_with_the_published_key_and_nothing_else() {
        let keys = SigningKeys::generate().unwrap();
        let sig = keys.sign(b"head");
        assert_eq!(sig.len(), 64);
        assert!(verify(&keys.public_key(), b"head", &sig));
        assert!(!verify(&keys.public_key(), b"heae", &sig));
        let other = SigningKeys::generate().unwrap();
        assert!(!verify(&other.public_key(), b"head", &sig));
        assert_eq!(keys.key_id().len(), 16);
    }

    /// RFC 8032 §7.1, test 1: the seed gives the published public key and signature.
    #[test]
    fn rfc_8032_test_vector() {
        let seed: [u8; 32] =
            hex::decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
                .unwrap()
                .try_into()
                .unwrap();
        let keys = SigningKeys::from_seeds(BTreeMap::from([(1, Zeroizing::new(seed))])).unwrap();
        assert_eq!(
            hex::encode(keys.public_key()),
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"
        );
        assert_eq!(
            hex::encode(keys.sign(b"")),
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        );
    }

    #[test]
    fn the_key_file_is_private_survives_a_reload_and_rotates() {
        let dir = tempfile_dir();
        let path = dir.join("signing.key");
        let (k1, created) = SigningKeys::load_or_create(&path).unwrap();
        assert!(created);
        let (k2, created) = SigningKeys::load_or_create(&path).unwrap();
        assert!(!created);
        assert_eq!(k1.public_key(), k2.public_key());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        let k3 = SigningKeys::rotate(&path).unwrap();
        assert_ne!(k3.key_id(), k1.key_id());
        assert_eq!(k3.published().len(), 2);
        assert_eq!(k3.published()[0].0, k1.key_id());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    fn tempfile_dir() -> std::path::PathBuf {
        let n: [u8; 8] = random_bytes();
        let dir = std::env::temp_dir().join(format!("consigne-signing-{}", hex::encode(n)));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }
}
