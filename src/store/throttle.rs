//! Login throttling counters, kept in the database so every instance shares them, and the
//! (identifier, address) pairs that logged in lately (`login_known`), which other people's
//! failures never hold back. Keys are blind indexes: no table holds an identifier or an
//! address in clear.

use super::{Sql, StoreResult};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottleState {
    pub failures: i64,
    pub blocked_until: i64,
}

/// Reads a counter and holds its lock until the transaction ends: a failed login reads the
/// count then writes count + 1, and two failures at once must both be counted.
pub fn get(tx: &mut dyn Sql, key: &[u8]) -> StoreResult<Option<ThrottleState>> {
    tx.lock(&format!("throttle/{}", hex::encode(key)))?;
    tx.query_opt(
        "SELECT failures, blocked_until FROM login_throttle WHERE key = $1",
        &[key.into()],
    )?
    .map(|r| {
        Ok(ThrottleState {
            failures: r.int("failures")?,
            blocked_until: r.int("blocked_until")?,
        })
    })
    .transpose()
}

pub fn put(tx: &mut dyn Sql, key: &[u8], state: ThrottleState, now: i64) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO login_throttle (key, failures, last_failure_at, blocked_until) VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO UPDATE SET failures = $2, last_failure_at = $3, blocked_until = $4",
        &[key.into(), state.failures.into(), now.into(), state.blocked_until.into()],
    )?;
    Ok(())
}

pub fn clear(tx: &mut dyn Sql, key: &[u8]) -> StoreResult<()> {
    tx.execute("DELETE FROM login_throttle WHERE key = $1", &[key.into()])?;
    Ok(())
}

/// Records that `address` failed on `identifier`; returns how many distinct identifiers it
/// failed on since `since`.
pub fn record_address_failure(
    tx: &mut dyn Sql,
    address: &[u8],
    identifier: &[u8],
    now: i64,
    since: i64,
) -> StoreResult<i64> {
    tx.execute(
        "DELETE FROM address_failures WHERE at < $1",
        &[since.into()],
    )?;
    tx.execute(
        "INSERT INTO address_failures (address_key, identifier_key, at) VALUES ($1, $2, $3) ON CONFLICT (address_key, identifier_key) DO UPDATE SET at = $3",
        &[address.into(), identifier.into(), now.into()],
    )?;
    distinct_identifiers(tx, address, since)
}

pub fn distinct_identifiers(tx: &mut dyn Sql, address: &[u8], since: i64) -> StoreResult<i64> {
    tx.query_one(
        "SELECT COUNT(*) AS n FROM address_failures WHERE address_key = $1 AND at >= $2",
        &[address.into(), since.into()],
    )?
    .int("n")
}

/// Whether this (identifier, address) pair logged in successfully since `since`.
pub fn is_known(tx: &mut dyn Sql, pair: &[u8], since: i64) -> StoreResult<bool> {
    Ok(tx
        .query_opt(
            "SELECT 1 FROM login_known WHERE key = $1 AND last_success_at >= $2",
            &[pair.into(), since.into()],
        )?
        .is_some())
}

/// Remembers that this (identifier, address) pair logged in successfully.
pub fn remember(tx: &mut dyn Sql, pair: &[u8], now: i64) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO login_known (key, last_success_at) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET last_success_at = $2",
        &[pair.into(), now.into()],
    )?;
    Ok(())
}

/// Forgets counters that no longer slow anyone down, and pairs not seen for long.
pub fn purge(
    tx: &mut dyn Sql,
    now: i64,
    failures_older_than: i64,
    addresses_older_than: i64,
    known_older_than: i64,
) -> StoreResult<u64> {
    let a = tx.execute(
        "DELETE FROM login_throttle WHERE blocked_until <= $1 AND last_failure_at < $2",
        &[now.into(), failures_older_than.into()],
    )?;
    let b = tx.execute(
        "DELETE FROM address_failures WHERE at < $1",
        &[addresses_older_than.into()],
    )?;
    let c = tx.execute(
        "DELETE FROM login_known WHERE last_success_at < $1",
        &[known_older_than.into()],
    )?;
    Ok(a + b + c)
}
