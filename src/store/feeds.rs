//! Private calendar feeds: one per person at most, and each event's key wrapped to the feed.

use super::items::ItemRow;
use super::{Sql, StoreResult};
use crate::domain::{BeneficiaryId, ItemId};

#[derive(Debug, Clone)]
pub struct FeedRow {
    pub id: String,
    pub beneficiary_id: BeneficiaryId,
    pub token_index: Vec<u8>,
    pub public_key: Vec<u8>,
    pub token_sealed: Option<Vec<u8>>,
    pub created_at: i64,
    pub last_read_at: Option<i64>,
}

const COLS: &str =
    "id, beneficiary_id, token_index, public_key, token_sealed, created_at, last_read_at";

fn one(tx: &mut dyn Sql, filter: &str, value: super::Value) -> StoreResult<Option<FeedRow>> {
    tx.query(
        &format!("SELECT {COLS} FROM calendar_feeds WHERE {filter} = $1"),
        &[value],
    )?
    .first()
    .map(|r| {
        Ok(FeedRow {
            id: r.text("id")?,
            beneficiary_id: r.id("beneficiary_id")?,
            token_index: r.blob("token_index")?,
            public_key: r.blob("public_key")?,
            token_sealed: r.opt_blob("token_sealed")?,
            created_at: r.int("created_at")?,
            last_read_at: r.opt_int("last_read_at")?,
        })
    })
    .transpose()
}

pub fn of_beneficiary(tx: &mut dyn Sql, bid: &BeneficiaryId) -> StoreResult<Option<FeedRow>> {
    one(tx, "beneficiary_id", bid.into())
}

pub fn by_token_index(tx: &mut dyn Sql, index: &[u8]) -> StoreResult<Option<FeedRow>> {
    one(tx, "token_index", index.into())
}

/// Replaces her feed (if any) by `f`: the old URL stops working in the same transaction.
pub fn replace(tx: &mut dyn Sql, f: &FeedRow) -> StoreResult<()> {
    delete_of(tx, &f.beneficiary_id)?;
    tx.execute(
        &format!("INSERT INTO calendar_feeds ({COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7)"),
        &[
            f.id.as_str().into(),
            f.beneficiary_id.as_str().into(),
            f.token_index.as_slice().into(),
            f.public_key.as_slice().into(),
            f.token_sealed.clone().into(),
            f.created_at.into(),
            f.last_read_at.into(),
        ],
    )?;
    Ok(())
}

/// Revokes her feed; its key wraps go with it. Returns the number of feeds removed.
pub fn delete_of(tx: &mut dyn Sql, bid: &BeneficiaryId) -> StoreResult<u64> {
    tx.execute(
        "DELETE FROM calendar_feed_keys WHERE feed_id IN (SELECT id FROM calendar_feeds WHERE beneficiary_id = $1)",
        &[bid.into()],
    )?;
    tx.execute(
        "DELETE FROM calendar_feeds WHERE beneficiary_id = $1",
        &[bid.into()],
    )
}

/// Adds an event's wrapped key to a feed; nothing when the feed or the event is gone meanwhile.
pub fn add_key(tx: &mut dyn Sql, feed_id: &str, item_id: &ItemId, wrap: &[u8]) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO calendar_feed_keys (feed_id, item_id, key_wrap) SELECT $1, $2, $3 WHERE EXISTS (SELECT 1 FROM calendar_feeds WHERE id = $1) AND EXISTS (SELECT 1 FROM items WHERE id = $2) ON CONFLICT (feed_id, item_id) DO UPDATE SET key_wrap = excluded.key_wrap",
        &[feed_id.into(), item_id.into(), wrap.into()],
    )?;
    Ok(())
}

/// The feed's events with their wrapped keys.
pub fn events(tx: &mut dyn Sql, feed_id: &str) -> StoreResult<Vec<(ItemRow, Vec<u8>)>> {
    let ids: Vec<(ItemId, Vec<u8>)> = tx
        .query(
            "SELECT k.item_id, k.key_wrap FROM calendar_feed_keys k JOIN items i ON i.id = k.item_id WHERE k.feed_id = $1 AND i.kind = 'event' ORDER BY k.item_id",
            &[feed_id.into()],
        )?
        .iter()
        .map(|r| Ok((r.id("item_id")?, r.blob("key_wrap")?)))
        .collect::<StoreResult<_>>()?;
    let mut out = Vec::with_capacity(ids.len());
    for (id, wrap) in ids {
        if let Some(row) = super::items::by_id(tx, &id)? {
            out.push((row, wrap));
        }
    }
    Ok(out)
}

pub fn mark_read(tx: &mut dyn Sql, feed_id: &str, at: i64) -> StoreResult<()> {
    tx.execute(
        "UPDATE calendar_feeds SET last_read_at = $2 WHERE id = $1",
        &[feed_id.into(), at.into()],
    )?;
    Ok(())
}
