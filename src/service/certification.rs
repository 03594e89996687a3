//! The certification log, service side (docs/certification.md): a new document's leaf is
//! appended in the transaction that stores its row (`log_leaf`, under the log's lock), and a
//! job makes sure a signed head covers it within `head_every_minutes`; a certificate asking
//! for a leaf no head covers yet signs one at once. Each new head is stamped by the RFC 3161
//! TSA when one is configured. The published head and consistency proofs are public.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::Serialize;

use crate::domain::certification::{self as cert, Certificate, Hash, SignedTreeHead, merkle};
use crate::domain::{InvalidInput, ItemId};
use crate::service::jobs::{JobHandler, NewJob, Outcome, job_row};
use crate::service::{App, ServiceError, ServiceResult};
use crate::store::transparency::{self, HeadRow};
use crate::store::{Sql, jobs};

/// The job that signs (and stamps) a head over the leaves added lately.
pub(crate) const JOB_KIND: &str = "transparency_head";

/// The largest tree a consistency proof is asked between (a guard on the work one asks).
const MAX_TREE: u64 = 1 << 40;

/// Appends the leaf of a new document (`leaf`: its bytes, see `domain::certification::leaf`)
/// in the caller's transaction, and enqueues the job that will sign a head over it.
pub(crate) fn log_leaf(
    app: &App,
    tx: &mut dyn Sql,
    item_id: &ItemId,
    leaf: &[u8],
    at: i64,
) -> ServiceResult<()> {
    transparency::append(tx, item_id.as_str(), &merkle::leaf_hash(leaf), at)?;
    let period = app.config.certification.head_every_minutes.max(1) * 60;
    let bucket = at.div_euclid(period);
    jobs::insert(
        tx,
        &job_row(
            app,
            NewJob {
                kind: JOB_KIND,
                idempotency_key: format!("transparency-head|{bucket}"),
                payload: serde_json::json!({}),
                run_at: (bucket + 1) * period,
                max_attempts: 10,
            },
        )?,
    )?;
    Ok(())
}

fn hash32(bytes: &[u8]) -> ServiceResult<Hash> {
    bytes
        .try_into()
        .map_err(|_| ServiceError::Internal("transparency hash"))
}

fn hashes(rows: Vec<Vec<u8>>) -> ServiceResult<Vec<Hash>> {
    rows.iter().map(|h| hash32(h)).collect()
}

/// The newest head if it covers at least `at_least` leaves (all of them when `None`);
/// otherwise a new head over every leaf, signed now. Takes the log's lock before signing.
pub(crate) fn head_covering(
    app: &App,
    tx: &mut dyn Sql,
    at_least: Option<i64>,
) -> ServiceResult<HeadRow> {
    tx.lock(transparency::LOCK)?;
    let size = transparency::size(tx)?;
    let wanted = at_least.unwrap_or(size).min(size);
    if let Some(h) = transparency::latest_head(tx)?
        && h.tree_size >= wanted
    {
        return Ok(h);
    }
    let leaves = hashes(transparency::leaf_hashes(tx, size)?)?;
    let root = merkle::root(&leaves);
    let signed_at = app.now();
    let tree_size = u64::try_from(size).map_err(|_| ServiceError::Internal("tree size"))?;
    let head = HeadRow {
        tree_size: size,
        root_hash: root.to_vec(),
        signed_at,
        algorithm: consigne_vault::signing::ALGORITHM.to_owned(),
        key_id: app.signing.key_id(),
        signature: app
            .signing
            .sign(&cert::head_message(tree_size, signed_at, &root)),
        tsa_token: None,
    };
    transparency::insert_head(tx, &head)?;
    Ok(head)
}

/// Stamps `head` by the TSA if one is configured and it has no token yet; returns its token.
/// Blocking (HTTP).
pub(crate) fn stamp_blocking(app: &App, head: &HeadRow) -> Result<Option<Vec<u8>>, String> {
    let c = &app.config.certification;
    if c.tsa_url.is_empty() || head.tsa_token.is_some() {
        return Ok(head.tsa_token.clone());
    }
    let token = crate::tsa::stamp(
        &c.tsa_url,
        c.tsa_timeout_seconds,
        &cert::sha256(&head.signature),
    )?;
    let size = head.tree_size;
    let stored = token.clone();
    app.db
        .transaction_blocking(move |tx| transparency::set_token(tx, size, &stored))
        .map_err(|e| format!("storing the token: {e}"))?;
    Ok(Some(token))
}

/// [`stamp_blocking`] from async code; a TSA that fails leaves the head without a token
/// (logged; the periodic job tries again).
async fn stamp(app: &App, head: HeadRow) -> HeadRow {
    let owned = app.clone();
    let h2 = head.clone();
    match tokio::task::spawn_blocking(move || stamp_blocking(&owned, &h2)).await {
        Ok(Ok(token)) => HeadRow {
            tsa_token: token,
            ..head
        },
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "the time-stamping authority did not stamp a tree head");
            head
        }
        Err(_) => head,
    }
}

fn sth(head: &HeadRow) -> ServiceResult<SignedTreeHead> {
    Ok(SignedTreeHead {
        tree_size: u64::try_from(head.tree_size).map_err(|_| ServiceError::Internal("size"))?,
        root_hash: hex::encode(&head.root_hash),
        timestamp: head.signed_at,
        signature: STANDARD.encode(&head.signature),
        algorithm: head.algorithm.clone(),
        key_id: head.key_id.clone(),
    })
}

/// The signing keys the platform publishes.
#[derive(Debug, Clone, Serialize)]
pub struct PublishedKey {
    pub key_id: String,
    pub algorithm: &'static str,
    /// Standard base64 of the Ed25519 public key.
    pub public_key: String,
}

/// `GET /api/v1/transparency/head`: the newest signed head, the key that signed it and every
/// key the platform publishes.
#[derive(Debug, Clone, Serialize)]
pub struct TransparencyHead {
    #[serde(flatten)]
    pub head: SignedTreeHead,
    pub public_key: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tsa_token: Option<String>,
    pub keys: Vec<PublishedKey>,
}

impl App {
    /// Every signing key this platform publishes: (key id, public key).
    pub fn published_keys(&self) -> Vec<(String, Vec<u8>)> {
        self.signing.published()
    }

    fn public_key_of(&self, key_id: &str) -> String {
        self.signing
            .published()
            .into_iter()
            .find(|(id, _)| id == key_id)
            .map(|(_, k)| STANDARD.encode(k))
            .unwrap_or_default()
    }

    /// Checks a certificate against the SHA-256 of a document (the public `/verify` page):
    /// nothing is stored, nothing is read from the database; the signing key is compared with
    /// the keys this platform publishes.
    pub fn verify_certificate(
        &self,
        certificate: &[u8],
        document_sha256: &Hash,
    ) -> Result<cert::Verified, cert::Failure> {
        let published = self.signing.published();
        cert::verify(certificate, document_sha256, Some(&published))
    }

    /// The newest signed tree head (one is signed over the log if none exists yet).
    pub async fn transparency_head(&self) -> ServiceResult<TransparencyHead> {
        let head = match self.read(|tx| Ok(transparency::latest_head(tx)?)).await? {
            Some(h) => h,
            None => {
                let app = self.clone();
                self.tx(move |tx| head_covering(&app, tx, None)).await?
            }
        };
        Ok(TransparencyHead {
            head: sth(&head)?,
            public_key: self.public_key_of(&head.key_id),
            tsa_token: head.tsa_token.as_ref().map(|t| STANDARD.encode(t)),
            keys: self
                .signing
                .published()
                .into_iter()
                .map(|(key_id, k)| PublishedKey {
                    key_id,
                    algorithm: consigne_vault::signing::ALGORITHM,
                    public_key: STANDARD.encode(k),
                })
                .collect(),
        })
    }

    /// The consistency proof from the tree of `first` leaves to the tree of `second` leaves
    /// (RFC 9162 §2.1.4), both within the newest signed head; refused (invalid) otherwise.
    pub async fn transparency_consistency(
        &self,
        first: u64,
        second: u64,
    ) -> ServiceResult<Vec<String>> {
        if first == 0 || first > second || second > MAX_TREE {
            return Err(InvalidInput::new("first", "out_of_range").into());
        }
        let (first, second) = (
            i64::try_from(first).map_err(|_| InvalidInput::new("first", "out_of_range"))?,
            i64::try_from(second).map_err(|_| InvalidInput::new("second", "out_of_range"))?,
        );
        let leaves = self
            .read(move |tx| {
                let latest = transparency::latest_head(tx)?.map_or(0, |h| h.tree_size);
                if second > latest {
                    return Err(InvalidInput::new("second", "out_of_range").into());
                }
                Ok(transparency::leaf_hashes(tx, second)?)
            })
            .await?;
        let leaves = hashes(leaves)?;
        let m = usize::try_from(first).map_err(|_| ServiceError::Internal("size"))?;
        let proof = merkle::consistency_proof(m, &leaves).ok_or(ServiceError::Invalid(
            InvalidInput::new("first", "out_of_range"),
        ))?;
        Ok(proof.iter().map(hex::encode).collect())
    }
}

/// The certificate of document `item_id` whose SHA-256 and salt (hex) are `sha256`, `salt`:
/// its leaf, the inclusion proof up to a signed head (signed now if none covers it yet), and
/// that head's timestamp token.
pub(crate) async fn certificate(
    app: &App,
    item_id: &ItemId,
    sha256: &str,
    salt: &str,
) -> ServiceResult<Certificate> {
    let iid = item_id.clone();
    let (leaf, head) = app
        .read(move |tx| {
            Ok((
                transparency::leaf_of(tx, iid.as_str())?,
                transparency::latest_head(tx)?,
            ))
        })
        .await?;
    let leaf = leaf.ok_or(ServiceError::Conflict("not_certified"))?;
    let head = match head {
        Some(h) if h.tree_size > leaf.leaf_index => h,
        _ => {
            let (owned, at_least) = (app.clone(), leaf.leaf_index + 1);
            app.tx(move |tx| head_covering(&owned, tx, Some(at_least)))
                .await?
        }
    };
    let head = stamp(app, head).await;
    let size = head.tree_size;
    let leaves = hashes(
        app.read(move |tx| Ok(transparency::leaf_hashes(tx, size)?))
            .await?,
    )?;
    let index = usize::try_from(leaf.leaf_index).map_err(|_| ServiceError::Internal("index"))?;
    let proof = merkle::inclusion_proof(index, &leaves)
        .ok_or(ServiceError::Internal("leaf outside its head"))?;
    let digest = hash32(&hex::decode(sha256).map_err(|_| ServiceError::Internal("sha256"))?)?;
    let salt_bytes = hash32(&hex::decode(salt).map_err(|_| ServiceError::Internal("salt"))?)?;
    let expected = merkle::leaf_hash(&cert::leaf(
        &digest,
        &salt_bytes,
        item_id.as_str(),
        leaf.created_at,
    ));
    if expected.as_slice() != leaf.leaf_hash.as_slice() {
        return Err(ServiceError::Internal("certification leaf mismatch"));
    }
    Ok(Certificate {
        format: cert::FORMAT.to_owned(),
        document_sha256: sha256.to_owned(),
        salt: salt.to_owned(),
        item_id: item_id.as_str().to_owned(),
        added_at: leaf.created_at,
        leaf_hash: hex::encode(&leaf.leaf_hash),
        leaf_index: u64::try_from(leaf.leaf_index).map_err(|_| ServiceError::Internal("index"))?,
        tree_size: u64::try_from(head.tree_size).map_err(|_| ServiceError::Internal("size"))?,
        inclusion_proof: proof.iter().map(hex::encode).collect(),
        public_key: app.public_key_of(&head.key_id),
        tsa_token: head.tsa_token.as_ref().map(|t| STANDARD.encode(t)),
        signed_tree_head: sth(&head)?,
    })
}

/// What `consigne verify` finds of the log: the tree recomputed from the stored leaves
/// against every signed head (a leaf rewritten in the database changes a root). Returns (heads
/// checked, heads signed by a key the key file does not hold, problems).
pub(crate) fn check_log(app: &App, tx: &mut dyn Sql) -> ServiceResult<(usize, usize, Vec<String>)> {
    let (mut problems, mut other_keys) = (Vec::new(), 0);
    let heads = transparency::heads(tx)?;
    let Some(largest) = heads.iter().map(|h| h.tree_size).max() else {
        return Ok((0, 0, problems));
    };
    let leaves = hashes(transparency::leaf_hashes(tx, largest)?)?;
    let published = app.signing.published();
    for h in &heads {
        let n = usize::try_from(h.tree_size).unwrap_or(usize::MAX);
        let Some(prefix) = leaves.get(..n) else {
            problems.push(format!("tree head {}: leaves are missing", h.tree_size));
            continue;
        };
        let root = merkle::root(prefix);
        if root.as_slice() != h.root_hash.as_slice() {
            problems.push(format!(
                "tree head {}: the stored leaves give another root (the log was rewritten)",
                h.tree_size
            ));
        }
        // A head signed by a key this installation no longer has (a lost `signing.key`, a
        // restore without it) is not a rewritten log: its root was checked above; say so.
        let Some((_, k)) = published.iter().find(|(id, _)| *id == h.key_id) else {
            other_keys += 1;
            continue;
        };
        let signed = consigne_vault::signing::verify(
            k,
            &cert::head_message(
                u64::try_from(h.tree_size).unwrap_or_default(),
                h.signed_at,
                &hash32(&h.root_hash).unwrap_or_default(),
            ),
            &h.signature,
        );
        if !signed {
            problems.push(format!(
                "tree head {}: its signature does not verify with the platform's keys",
                h.tree_size
            ));
        }
    }
    Ok((heads.len(), other_keys, problems))
}

/// Signs a head over the leaves added lately, then has it stamped.
pub struct HeadSigner;

impl JobHandler for HeadSigner {
    fn run(&self, app: &App, _job_id: &str, _payload: &serde_json::Value, _now: i64) -> Outcome {
        let head = match app
            .db
            .transaction_blocking(|tx| head_covering(app, tx, None))
        {
            Ok(h) => h,
            Err(e) => return Outcome::Retry(format!("signing a tree head: {e}")),
        };
        match stamp_blocking(app, &head) {
            Ok(_) => Outcome::Done,
            Err(e) => Outcome::Retry(e),
        }
    }
}
