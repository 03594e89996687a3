//! Sessions: the row holds the hash of the token and the account's unwrapped keys sealed under a
//! key derived from the token, which only the cookie (or bearer header) carries.

use super::{Sql, StoreResult};
use crate::domain::AccountId;

#[derive(Debug, Clone)]
pub struct SessionRow {
    pub id_hash: Vec<u8>,
    pub account_id: AccountId,
    pub stage: String,
    pub sealed_keys: Vec<u8>,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub idle_seconds: i64,
    pub absolute_seconds: i64,
}

pub fn insert(tx: &mut dyn Sql, s: &SessionRow) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO sessions (id_hash, account_id, stage, sealed_keys, created_at, last_seen_at, idle_seconds, absolute_seconds) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        &[
            s.id_hash.clone().into(),
            s.account_id.as_str().into(),
            s.stage.as_str().into(),
            s.sealed_keys.clone().into(),
            s.created_at.into(),
            s.last_seen_at.into(),
            s.idle_seconds.into(),
            s.absolute_seconds.into(),
        ],
    )?;
    Ok(())
}

impl SessionRow {
    /// Past its idle or absolute deadline.
    pub fn expired(&self, now: i64) -> bool {
        now >= self.last_seen_at + self.idle_seconds
            || now >= self.created_at + self.absolute_seconds
    }

    /// Whether its idle deadline should slide now: at most once a minute, so most requests
    /// write nothing (on SQLite, a durable write per page view serialised every reader
    /// behind an fsync).
    pub fn touch_due(&self, now: i64) -> bool {
        now - self.last_seen_at >= TOUCH_EVERY_SECONDS
    }
}

/// A session by the hash of its token, expired or not: reads only (a snapshot will do).
pub fn by_hash(tx: &mut dyn Sql, id_hash: &[u8]) -> StoreResult<Option<SessionRow>> {
    tx.query_opt(
        "SELECT id_hash, account_id, stage, sealed_keys, created_at, last_seen_at, idle_seconds, absolute_seconds FROM sessions WHERE id_hash = $1",
        &[id_hash.into()],
    )?
    .map(|r| {
        Ok(SessionRow {
            id_hash: r.blob("id_hash")?,
            account_id: r.id("account_id")?,
            stage: r.text("stage")?,
            sealed_keys: r.blob("sealed_keys")?,
            created_at: r.int("created_at")?,
            last_seen_at: r.int("last_seen_at")?,
            idle_seconds: r.int("idle_seconds")?,
            absolute_seconds: r.int("absolute_seconds")?,
        })
    })
    .transpose()
}

/// Slides a session's idle deadline to `now` (a small write of its own, when
/// [`SessionRow::touch_due`]); a no-op when another request just did it.
pub fn touch(tx: &mut dyn Sql, id_hash: &[u8], now: i64) -> StoreResult<u64> {
    tx.execute(
        "UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1 AND last_seen_at <= $3",
        &[
            id_hash.into(),
            now.into(),
            (now - TOUCH_EVERY_SECONDS).into(),
        ],
    )
}

/// How often a session's last activity is recorded: its idle timeout may end up to this much
/// earlier than the exact idle time.
pub const TOUCH_EVERY_SECONDS: i64 = 60;

pub fn set_sealed_keys(tx: &mut dyn Sql, id_hash: &[u8], sealed: &[u8]) -> StoreResult<u64> {
    tx.execute(
        "UPDATE sessions SET sealed_keys = $2 WHERE id_hash = $1",
        &[id_hash.into(), sealed.into()],
    )
}

pub fn delete(tx: &mut dyn Sql, id_hash: &[u8]) -> StoreResult<u64> {
    tx.execute("DELETE FROM sessions WHERE id_hash = $1", &[id_hash.into()])
}

/// Every other session of the account (after a password change or a recovery).
pub fn delete_others(
    tx: &mut dyn Sql,
    account_id: &AccountId,
    keep: Option<&[u8]>,
) -> StoreResult<u64> {
    match keep {
        Some(k) => tx.execute(
            "DELETE FROM sessions WHERE account_id = $1 AND id_hash <> $2",
            &[account_id.into(), k.into()],
        ),
        None => tx.execute(
            "DELETE FROM sessions WHERE account_id = $1",
            &[account_id.into()],
        ),
    }
}

pub fn purge_expired(tx: &mut dyn Sql, now: i64) -> StoreResult<u64> {
    tx.execute(
        "DELETE FROM sessions WHERE last_seen_at + idle_seconds <= $1 OR created_at + absolute_seconds <= $1",
        &[now.into()],
    )
}

pub fn set_stage_full(tx: &mut dyn Sql, id_hash: &[u8]) -> StoreResult<u64> {
    tx.execute(
        "UPDATE sessions SET stage = 'full' WHERE id_hash = $1",
        &[id_hash.into()],
    )
}

/// Gives a session a fixed lifetime of `seconds` from its creation, idle or not (a partner's
/// access token).
pub fn set_lifetime(tx: &mut dyn Sql, id_hash: &[u8], seconds: i64) -> StoreResult<u64> {
    tx.execute(
        "UPDATE sessions SET idle_seconds = $2, absolute_seconds = $2 WHERE id_hash = $1",
        &[id_hash.into(), seconds.into()],
    )
}
