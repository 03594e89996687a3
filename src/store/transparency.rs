//! The certification log's rows (migrations/*/0038_certification.sql): leaves appended under
//! the `transparency` lock (PostgreSQL's advisory lock; SQLite's writers are serial), so two
//! instances never take the same index, and the signed tree heads.

use super::{Row, Sql, StoreResult};

/// The lock every append and every new head takes.
pub const LOCK: &str = "transparency";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeafRow {
    pub leaf_index: i64,
    pub item_id: String,
    pub leaf_hash: Vec<u8>,
    pub created_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadRow {
    pub tree_size: i64,
    pub root_hash: Vec<u8>,
    pub signed_at: i64,
    pub algorithm: String,
    pub key_id: String,
    pub signature: Vec<u8>,
    pub tsa_token: Option<Vec<u8>>,
}

const HEAD_COLS: &str = "tree_size, root_hash, signed_at, algorithm, key_id, signature, tsa_token";

fn head(r: &Row) -> StoreResult<HeadRow> {
    Ok(HeadRow {
        tree_size: r.int("tree_size")?,
        root_hash: r.blob("root_hash")?,
        signed_at: r.int("signed_at")?,
        algorithm: r.text("algorithm")?,
        key_id: r.text("key_id")?,
        signature: r.blob("signature")?,
        tsa_token: r.opt_blob("tsa_token")?,
    })
}

/// Appends the leaf of item `item_id` at the end of the log; returns its index.
pub fn append(tx: &mut dyn Sql, item_id: &str, leaf_hash: &[u8], at: i64) -> StoreResult<i64> {
    tx.lock(LOCK)?;
    let next = size(tx)?;
    tx.execute(
        "INSERT INTO transparency_leaves (leaf_index, item_id, leaf_hash, created_at) VALUES ($1, $2, $3, $4)",
        &[next.into(), item_id.into(), leaf_hash.into(), at.into()],
    )?;
    Ok(next)
}

/// How many leaves the log holds.
pub fn size(tx: &mut dyn Sql) -> StoreResult<i64> {
    tx.query_one(
        "SELECT COALESCE(MAX(leaf_index) + 1, 0) AS n FROM transparency_leaves",
        &[],
    )?
    .int("n")
}

/// The leaf of item `item_id`, if it has one.
pub fn leaf_of(tx: &mut dyn Sql, item_id: &str) -> StoreResult<Option<LeafRow>> {
    tx.query_opt(
        "SELECT leaf_index, item_id, leaf_hash, created_at FROM transparency_leaves WHERE item_id = $1",
        &[item_id.into()],
    )?
    .map(|r| {
        Ok(LeafRow {
            leaf_index: r.int("leaf_index")?,
            item_id: r.text("item_id")?,
            leaf_hash: r.blob("leaf_hash")?,
            created_at: r.int("created_at")?,
        })
    })
    .transpose()
}

/// The hashes of the first `n` leaves, in order.
pub fn leaf_hashes(tx: &mut dyn Sql, n: i64) -> StoreResult<Vec<Vec<u8>>> {
    tx.query(
        "SELECT leaf_hash FROM transparency_leaves WHERE leaf_index < $1 ORDER BY leaf_index",
        &[n.into()],
    )?
    .iter()
    .map(|r| r.blob("leaf_hash"))
    .collect()
}

/// Stores a new signed head (ignored if a head of that size exists).
pub fn insert_head(tx: &mut dyn Sql, h: &HeadRow) -> StoreResult<bool> {
    let n = tx.execute(
        &format!("INSERT INTO transparency_heads ({HEAD_COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (tree_size) DO NOTHING"),
        &[
            h.tree_size.into(),
            h.root_hash.as_slice().into(),
            h.signed_at.into(),
            h.algorithm.as_str().into(),
            h.key_id.as_str().into(),
            h.signature.as_slice().into(),
            h.tsa_token.clone().into(),
        ],
    )?;
    Ok(n == 1)
}

/// Adds the timestamp token of the head of `tree_size`.
pub fn set_token(tx: &mut dyn Sql, tree_size: i64, token: &[u8]) -> StoreResult<()> {
    tx.execute(
        "UPDATE transparency_heads SET tsa_token = $1 WHERE tree_size = $2 AND tsa_token IS NULL",
        &[token.into(), tree_size.into()],
    )?;
    Ok(())
}

/// The newest signed head.
pub fn latest_head(tx: &mut dyn Sql) -> StoreResult<Option<HeadRow>> {
    tx.query_opt(
        &format!("SELECT {HEAD_COLS} FROM transparency_heads ORDER BY tree_size DESC LIMIT 1"),
        &[],
    )?
    .map(|r| head(&r))
    .transpose()
}

/// The head of exactly `tree_size` leaves.
pub fn head_of_size(tx: &mut dyn Sql, tree_size: i64) -> StoreResult<Option<HeadRow>> {
    tx.query_opt(
        &format!("SELECT {HEAD_COLS} FROM transparency_heads WHERE tree_size = $1"),
        &[tree_size.into()],
    )?
    .map(|r| head(&r))
    .transpose()
}

/// Every signed head, smallest first (`consigne verify`).
pub fn heads(tx: &mut dyn Sql) -> StoreResult<Vec<HeadRow>> {
    tx.query(
        &format!("SELECT {HEAD_COLS} FROM transparency_heads ORDER BY tree_size"),
        &[],
    )?
    .iter()
    .map(head)
    .collect()
}
