//! Activations of imported professionals (`service/imports.rs`): one row per professional of a
//! CSV import, until she chooses her password or the code expires.

use super::{Row, Sql, StoreResult};
use crate::domain::StructureId;

#[derive(Debug, Clone)]
pub struct ActivationRow {
    pub id: String,
    /// SHA-256 of the one-time code.
    pub code_hash: Vec<u8>,
    pub structure_id: StructureId,
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub created_by: Option<String>,
    pub created_by_name: Option<String>,
    pub created_at: i64,
    pub expires_at: i64,
}

const COLS: &str = "id, code_hash, structure_id, email, display_name, role, created_by, created_by_name, created_at, expires_at";

fn from_row(r: &Row) -> StoreResult<ActivationRow> {
    Ok(ActivationRow {
        id: r.text("id")?,
        code_hash: r.blob("code_hash")?,
        structure_id: r.id("structure_id")?,
        email: r.text("email")?,
        display_name: r.text("display_name")?,
        role: r.text("role")?,
        created_by: r.opt_text("created_by")?,
        created_by_name: r.opt_text("created_by_name")?,
        created_at: r.int("created_at")?,
        expires_at: r.int("expires_at")?,
    })
}

pub fn insert(tx: &mut dyn Sql, a: &ActivationRow) -> StoreResult<()> {
    tx.execute(
        &format!("INSERT INTO staff_activations ({COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"),
        &[
            a.id.as_str().into(),
            a.code_hash.clone().into(),
            (&a.structure_id).into(),
            a.email.as_str().into(),
            a.display_name.as_str().into(),
            a.role.as_str().into(),
            a.created_by.clone().into(),
            a.created_by_name.clone().into(),
            a.created_at.into(),
            a.expires_at.into(),
        ],
    )?;
    Ok(())
}

/// The activation of this code, if it has not expired at `now`.
pub fn by_code_hash(tx: &mut dyn Sql, hash: &[u8], now: i64) -> StoreResult<Option<ActivationRow>> {
    tx.query_opt(
        &format!("SELECT {COLS} FROM staff_activations WHERE code_hash = $1 AND expires_at > $2"),
        &[hash.into(), now.into()],
    )?
    .as_ref()
    .map(from_row)
    .transpose()
}

/// Uses the activation up: 1 when it was still there (the code works once).
pub fn delete(tx: &mut dyn Sql, id: &str) -> StoreResult<u64> {
    tx.execute("DELETE FROM staff_activations WHERE id = $1", &[id.into()])
}

/// Drops the expired activations of `email`, so the address can be imported again.
pub fn delete_expired(tx: &mut dyn Sql, email: &str, now: i64) -> StoreResult<u64> {
    tx.execute(
        "DELETE FROM staff_activations WHERE email = $1 AND expires_at <= $2",
        &[email.into(), now.into()],
    )
}

/// Whether a live activation waits for this e-mail address.
pub fn email_waiting(tx: &mut dyn Sql, email: &str, now: i64) -> StoreResult<bool> {
    Ok(tx
        .query_opt(
            "SELECT 1 AS one FROM staff_activations WHERE email = $1 AND expires_at > $2",
            &[email.into(), now.into()],
        )?
        .is_some())
}

/// The activations waiting in a structure.
pub fn count_for(tx: &mut dyn Sql, sid: &StructureId, now: i64) -> StoreResult<i64> {
    tx.query_one(
        "SELECT COUNT(*) AS n FROM staff_activations WHERE structure_id = $1 AND expires_at > $2",
        &[sid.into(), now.into()],
    )?
    .int("n")
}

/// Whether an account logs in with this login index.
pub fn account_exists(tx: &mut dyn Sql, login_index: &[u8]) -> StoreResult<bool> {
    Ok(tx
        .query_opt(
            "SELECT 1 AS one FROM accounts WHERE login_index = $1",
            &[login_index.into()],
        )?
        .is_some())
}

/// Whether a structure of this name exists in this city (names compared without case).
pub fn structure_exists(tx: &mut dyn Sql, name: &str, city: Option<&str>) -> StoreResult<bool> {
    Ok(tx
        .query_opt(
            "SELECT 1 AS one FROM structures WHERE LOWER(name) = LOWER($1) AND COALESCE(LOWER(city), '') = COALESCE(LOWER($2), '')",
            &[name.into(), city.map(str::to_owned).into()],
        )?
        .is_some())
}
