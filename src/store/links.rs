//! Share links' rows (migrations/*/0040_share_links.sql): one document of her safe, opened by
//! the address's token alone; found by the token's blind index.

use super::{Sql, StoreResult};
use crate::domain::{AccountId, BeneficiaryId, ItemId, StructureId};

#[derive(Debug, Clone)]
pub struct LinkRow {
    pub id: String,
    pub beneficiary_id: BeneficiaryId,
    pub item_id: ItemId,
    pub token_index: Vec<u8>,
    pub public_key: Vec<u8>,
    pub key_wrap: Vec<u8>,
    pub token_sealed: Vec<u8>,
    pub details_sealed: Vec<u8>,
    /// The PIN's verifier, salt and Argon2id parameters, when the link has a PIN.
    pub pin: Option<(Vec<u8>, Vec<u8>, String)>,
    pub pin_failures: i64,
    pub locked_until: i64,
    pub created_by: AccountId,
    pub created_by_structure: Option<StructureId>,
    pub created_at: i64,
    pub expires_at: i64,
    pub opened_count: i64,
    pub last_opened_at: Option<i64>,
}

const COLS: &str = "id, beneficiary_id, item_id, token_index, public_key, key_wrap, token_sealed, details_sealed, pin_verifier, pin_salt, pin_params, pin_failures, locked_until, created_by, created_by_structure, created_at, expires_at, opened_count, last_opened_at";

fn decode(r: &super::row::Row) -> StoreResult<LinkRow> {
    let pin = match (
        r.opt_blob("pin_verifier")?,
        r.opt_blob("pin_salt")?,
        r.opt_text("pin_params")?,
    ) {
        (Some(v), Some(s), Some(p)) => Some((v, s, p)),
        _ => None,
    };
    Ok(LinkRow {
        id: r.text("id")?,
        beneficiary_id: r.id("beneficiary_id")?,
        item_id: r.id("item_id")?,
        token_index: r.blob("token_index")?,
        public_key: r.blob("public_key")?,
        key_wrap: r.blob("key_wrap")?,
        token_sealed: r.blob("token_sealed")?,
        details_sealed: r.blob("details_sealed")?,
        pin,
        pin_failures: r.int("pin_failures")?,
        locked_until: r.int("locked_until")?,
        created_by: r.id("created_by")?,
        created_by_structure: r.opt_id("created_by_structure")?,
        created_at: r.int("created_at")?,
        expires_at: r.int("expires_at")?,
        opened_count: r.int("opened_count")?,
        last_opened_at: r.opt_int("last_opened_at")?,
    })
}

fn many(tx: &mut dyn Sql, filter: &str, values: &[super::Value]) -> StoreResult<Vec<LinkRow>> {
    tx.query(
        &format!("SELECT {COLS} FROM share_links WHERE {filter} ORDER BY created_at, id"),
        values,
    )?
    .iter()
    .map(decode)
    .collect()
}

pub fn insert(tx: &mut dyn Sql, l: &LinkRow) -> StoreResult<()> {
    let (verifier, salt, params) = match &l.pin {
        Some((v, s, p)) => (Some(v.clone()), Some(s.clone()), Some(p.clone())),
        None => (None, None, None),
    };
    tx.execute(
        &format!(
            "INSERT INTO share_links ({COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)"
        ),
        &[
            l.id.as_str().into(),
            (&l.beneficiary_id).into(),
            (&l.item_id).into(),
            l.token_index.as_slice().into(),
            l.public_key.as_slice().into(),
            l.key_wrap.as_slice().into(),
            l.token_sealed.as_slice().into(),
            l.details_sealed.as_slice().into(),
            verifier.into(),
            salt.into(),
            params.into(),
            l.pin_failures.into(),
            l.locked_until.into(),
            (&l.created_by).into(),
            l.created_by_structure.as_ref().into(),
            l.created_at.into(),
            l.expires_at.into(),
            l.opened_count.into(),
            l.last_opened_at.into(),
        ],
    )?;
    Ok(())
}

/// The live link (not expired at `now`) whose token has this blind index.
pub fn by_token_index(tx: &mut dyn Sql, index: &[u8], now: i64) -> StoreResult<Option<LinkRow>> {
    Ok(many(
        tx,
        "token_index = $1 AND expires_at > $2",
        &[index.into(), now.into()],
    )?
    .into_iter()
    .next())
}

/// A live link by id.
pub fn by_id(tx: &mut dyn Sql, id: &str, now: i64) -> StoreResult<Option<LinkRow>> {
    Ok(
        many(tx, "id = $1 AND expires_at > $2", &[id.into(), now.into()])?
            .into_iter()
            .next(),
    )
}

/// A document's live links, oldest first.
pub fn of_item(tx: &mut dyn Sql, item: &ItemId, now: i64) -> StoreResult<Vec<LinkRow>> {
    many(
        tx,
        "item_id = $1 AND expires_at > $2",
        &[item.into(), now.into()],
    )
}

/// Her live links, oldest first.
pub fn of_beneficiary(
    tx: &mut dyn Sql,
    bid: &BeneficiaryId,
    now: i64,
) -> StoreResult<Vec<LinkRow>> {
    many(
        tx,
        "beneficiary_id = $1 AND expires_at > $2",
        &[bid.into(), now.into()],
    )
}

/// Revokes a link (its key wrap goes with the row); the number of rows removed.
pub fn delete(tx: &mut dyn Sql, id: &str) -> StoreResult<u64> {
    tx.execute("DELETE FROM share_links WHERE id = $1", &[id.into()])
}

/// A wrong PIN: one more failure; past `max`, the link is locked until `until` and the count
/// starts again.
pub fn pin_failed(tx: &mut dyn Sql, id: &str, max: i64, until: i64) -> StoreResult<i64> {
    tx.execute(
        "UPDATE share_links SET pin_failures = pin_failures + 1 WHERE id = $1",
        &[id.into()],
    )?;
    let failures = tx
        .query(
            "SELECT pin_failures FROM share_links WHERE id = $1",
            &[id.into()],
        )?
        .first()
        .map(|r| r.int("pin_failures"))
        .transpose()?
        .unwrap_or(0);
    if failures >= max {
        tx.execute(
            "UPDATE share_links SET pin_failures = 0, locked_until = $2 WHERE id = $1",
            &[id.into(), until.into()],
        )?;
    }
    Ok(failures)
}

/// An opening: the content was served (a right PIN also clears the failures).
pub fn opened(tx: &mut dyn Sql, id: &str, at: i64) -> StoreResult<()> {
    tx.execute(
        "UPDATE share_links SET opened_count = opened_count + 1, last_opened_at = $2, pin_failures = 0 WHERE id = $1",
        &[id.into(), at.into()],
    )?;
    Ok(())
}

/// Deletes links expired at `now` (the housekeeping); the number removed.
pub fn purge_expired(tx: &mut dyn Sql, now: i64) -> StoreResult<u64> {
    tx.execute(
        "DELETE FROM share_links WHERE expires_at <= $1",
        &[now.into()],
    )
}
