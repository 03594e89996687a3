//! The certification of documents (docs/certification.md): the byte strings the log hashes
//! and signs, the certificate a person downloads, and its verification without the server's
//! database (used by `consigne verify-proof` and the public `/verify` page). Pure: no IO.
//!
//! - A **leaf** is `"consigne/certification/leaf/v1" 0x00 || document SHA-256 (32) || salt
//!   (32) || item id (36 ASCII bytes) || time (8, big-endian Unix seconds)`. The salt is
//!   random and sealed with the document's name: the operator, who sees only the leaf's hash,
//!   cannot confirm a guess about a document from its bare SHA-256.
//! - A **signed tree head** signs `"consigne/certification/head/v1" 0x00 || tree size (8) ||
//!   timestamp (8, Unix seconds) || root hash (32)` with Ed25519.
//! - An RFC 3161 token, when present, stamps the SHA-256 of the head's signature.

pub mod merkle;
pub mod tsa;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub use merkle::Hash;

/// The certificate file's format name.
pub const FORMAT: &str = "consigne-certificate/v1";
const LEAF_DOMAIN: &[u8] = b"consigne/certification/leaf/v1\0";
const HEAD_DOMAIN: &[u8] = b"consigne/certification/head/v1\0";
/// The largest certificate file read (its proof has at most 64 hashes).
pub const MAX_CERTIFICATE_BYTES: usize = 64 * 1024;

/// The leaf of a document added at `time` (see the module's documentation).
pub fn leaf(document_sha256: &Hash, salt: &Hash, item_id: &str, time: i64) -> Vec<u8> {
    [
        LEAF_DOMAIN,
        document_sha256,
        salt,
        item_id.as_bytes(),
        &time.to_be_bytes(),
    ]
    .concat()
}

/// What a tree head's signature covers.
pub fn head_message(tree_size: u64, timestamp: i64, root: &Hash) -> Vec<u8> {
    [
        HEAD_DOMAIN,
        &tree_size.to_be_bytes(),
        &timestamp.to_be_bytes(),
        root,
    ]
    .concat()
}

/// SHA-256 of `bytes`.
pub fn sha256(bytes: &[u8]) -> Hash {
    Sha256::digest(bytes).into()
}

/// A signed tree head as published and as carried by a certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignedTreeHead {
    pub tree_size: u64,
    /// Hex.
    pub root_hash: String,
    /// Unix seconds.
    pub timestamp: i64,
    /// Standard base64 of the Ed25519 signature of [`head_message`].
    pub signature: String,
    pub algorithm: String,
    /// The signing key's id (`consigne_vault::signing::key_id`).
    pub key_id: String,
}

/// The certificate of one document (docs/certification.md).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Certificate {
    pub format: String,
    /// Hex SHA-256 of the document's bytes.
    pub document_sha256: String,
    /// Hex of the leaf's 32-byte random salt.
    pub salt: String,
    pub item_id: String,
    /// Unix seconds: when the document was added (the leaf's time).
    pub added_at: i64,
    /// Hex SHA-256(0x00 || leaf).
    pub leaf_hash: String,
    pub leaf_index: u64,
    pub tree_size: u64,
    /// Hex hashes, RFC 9162 §2.1.3.
    pub inclusion_proof: Vec<String>,
    pub signed_tree_head: SignedTreeHead,
    /// Standard base64 of the signing key's Ed25519 public key.
    pub public_key: String,
    /// Standard base64 of the RFC 3161 TimeStampToken over SHA-256(signature), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tsa_token: Option<String>,
}

/// Why a certificate does not prove its document. Each is a translated message
/// (`verify-failure-<code>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    Malformed,
    DocumentMismatch,
    LeafMismatch,
    NotInTree,
    BadSignature,
    TimestampMismatch,
}

impl Failure {
    pub fn code(self) -> &'static str {
        match self {
            Failure::Malformed => "malformed",
            Failure::DocumentMismatch => "document-mismatch",
            Failure::LeafMismatch => "leaf-mismatch",
            Failure::NotInTree => "not-in-tree",
            Failure::BadSignature => "bad-signature",
            Failure::TimestampMismatch => "timestamp-mismatch",
        }
    }
}

/// What a certificate proves, once checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub item_id: String,
    pub added_at: i64,
    pub head_timestamp: i64,
    pub tree_size: u64,
    pub key_id: String,
    /// Whether the signing key is one the platform publishes (`None`: no list to compare).
    pub key_published: Option<bool>,
    /// The TSA's `genTime`, when the certificate carries a token whose imprint matches.
    pub timestamped_at: Option<String>,
}

fn hash_of(hex_text: &str) -> Result<Hash, Failure> {
    let bytes = hex::decode(hex_text).map_err(|_| Failure::Malformed)?;
    bytes.try_into().map_err(|_| Failure::Malformed)
}

/// Parses a certificate file (at most [`MAX_CERTIFICATE_BYTES`]).
pub fn parse(bytes: &[u8]) -> Result<Certificate, Failure> {
    if bytes.len() > MAX_CERTIFICATE_BYTES {
        return Err(Failure::Malformed);
    }
    let cert: Certificate = serde_json::from_slice(bytes).map_err(|_| Failure::Malformed)?;
    if cert.format != FORMAT || cert.inclusion_proof.len() > 64 {
        return Err(Failure::Malformed);
    }
    Ok(cert)
}

/// Checks that `certificate` proves the document whose SHA-256 is `document`: the digest,
/// the leaf, the inclusion proof up to the signed head, the head's signature by the key it
/// names and, when present, the timestamp token's imprint. `published`: the platform's keys
/// (id, public key), if known.
pub fn verify(
    certificate: &[u8],
    document: &Hash,
    published: Option<&[(String, Vec<u8>)]>,
) -> Result<Verified, Failure> {
    let cert = parse(certificate)?;
    let digest = hash_of(&cert.document_sha256)?;
    if *document != digest {
        return Err(Failure::DocumentMismatch);
    }
    let salt = hash_of(&cert.salt)?;
    let leaf_hash = merkle::leaf_hash(&leaf(&digest, &salt, &cert.item_id, cert.added_at));
    if leaf_hash != hash_of(&cert.leaf_hash)? {
        return Err(Failure::LeafMismatch);
    }
    let head = &cert.signed_tree_head;
    let root = hash_of(&head.root_hash)?;
    let proof = cert
        .inclusion_proof
        .iter()
        .map(|h| hash_of(h))
        .collect::<Result<Vec<Hash>, Failure>>()?;
    if head.tree_size != cert.tree_size
        || !merkle::verify_inclusion(cert.leaf_index, cert.tree_size, &leaf_hash, &proof, &root)
    {
        return Err(Failure::NotInTree);
    }
    let public = STANDARD
        .decode(&cert.public_key)
        .map_err(|_| Failure::Malformed)?;
    let signature = STANDARD
        .decode(&head.signature)
        .map_err(|_| Failure::Malformed)?;
    if head.algorithm != consigne_vault::signing::ALGORITHM
        || consigne_vault::signing::key_id(&public) != head.key_id
        || !consigne_vault::signing::verify(
            &public,
            &head_message(head.tree_size, head.timestamp, &root),
            &signature,
        )
    {
        return Err(Failure::BadSignature);
    }
    let timestamped_at = match &cert.tsa_token {
        None => None,
        Some(b64) => {
            let token = STANDARD.decode(b64).map_err(|_| Failure::Malformed)?;
            let info = tsa::tst_info(&token).ok_or(Failure::TimestampMismatch)?;
            if info.imprint != sha256(&signature) {
                return Err(Failure::TimestampMismatch);
            }
            Some(info.gen_time)
        }
    };
    Ok(Verified {
        item_id: cert.item_id,
        added_at: cert.added_at,
        head_timestamp: head.timestamp,
        tree_size: cert.tree_size,
        key_published: published.map(|keys| {
            keys.iter()
                .any(|(id, k)| *id == head.key_id && *k == public)
        }),
        key_id: head.key_id.clone(),
        timestamped_at,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// The test vector of docs/certification.md.
    #[test]
    fn the_documented_leaf_vector() {
        let doc = sha256(b"hello\n");
        let salt = [0x5a; 32];
        let l = leaf(
            &doc,
            &salt,
            "00000000-0000-4000-8000-000000000001",
            1_780_000_000,
        );
        assert_eq!(l.len(), 31 + 32 + 32 + 36 + 8);
        assert_eq!(
            hex::encode(merkle::leaf_hash(&l)),
            LEAF_VECTOR,
            "update docs/certification.md with the new vector"
        );
    }

    /// The head vector of docs/certification.md: a tree of that one leaf, signed with the
    /// RFC 8032 test key 1 (Ed25519 is deterministic).
    #[test]
    fn the_documented_head_vector() {
        let root: Hash = hex::decode(LEAF_VECTOR).unwrap().try_into().unwrap();
        let message = head_message(1, 1_780_000_000, &root);
        assert_eq!(
            hex::encode(&message),
            "636f6e7369676e652f63657274696669636174696f6e2f686561642f7631000000000000000001000000006a18a5007001ce98278634e80f8f0ada47fc7e4ee74476424ab57b1e8201c89c2c908bad"
        );
        let public = STANDARD
            .decode("11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=")
            .unwrap();
        let signature = STANDARD
            .decode("er5ZAIXl0TjFR4NLXojE9qJDcdaVZJaDX09DG21OQUz529usFadfkhvrJPqh/qzIf7bAd5v0cGzKI49LO4z8Bg==")
            .unwrap();
        assert!(consigne_vault::signing::verify(
            &public, &message, &signature
        ));
        assert_eq!(consigne_vault::signing::key_id(&public), "21fe31dfa154a261");
    }

    const LEAF_VECTOR: &str = "7001ce98278634e80f8f0ada47fc7e4ee74476424ab57b1e8201c89c2c908bad";
}
