//! In-person resets (migration 0010): who started one, for whom, whether a second member
//! confirmed it, and, once confirmed, her vault key wrapped under the one-time code.

use super::{Row, Sql, StoreResult};
use crate::domain::{AccountId, BeneficiaryId, StructureId};

pub const AWAITING: &str = "awaiting_confirmation";
pub const DELAYED: &str = "delayed";
pub const CONFIRMED: &str = "confirmed";

#[derive(Debug, Clone)]
pub struct ResetRow {
    pub id: String,
    pub beneficiary_id: BeneficiaryId,
    pub structure_id: StructureId,
    pub status: String,
    pub started_by: Option<AccountId>,
    /// The starter's display name (read through a join; not written).
    pub started_by_name: Option<String>,
    pub confirmed_by: Option<AccountId>,
    pub usable_from: i64,
    pub salt: Option<Vec<u8>>,
    pub verifier: Option<Vec<u8>>,
    pub vault_wrap: Option<Vec<u8>>,
    pub created_at: i64,
    pub expires_at: i64,
}

const SELECT: &str = "SELECT r.id, r.beneficiary_id, r.structure_id, r.status, r.started_by, a.display_name AS started_by_name, r.confirmed_by, r.usable_from, r.salt, r.verifier, r.vault_wrap, r.created_at, r.expires_at FROM relay_resets r LEFT JOIN accounts a ON a.id = r.started_by";

fn from_row(r: &Row) -> StoreResult<ResetRow> {
    Ok(ResetRow {
        id: r.text("id")?,
        beneficiary_id: r.id("beneficiary_id")?,
        structure_id: r.id("structure_id")?,
        status: r.text("status")?,
        started_by: r.opt_id("started_by")?,
        started_by_name: r.opt_text("started_by_name")?,
        confirmed_by: r.opt_id("confirmed_by")?,
        usable_from: r.int("usable_from")?,
        salt: r.opt_blob("salt")?,
        verifier: r.opt_blob("verifier")?,
        vault_wrap: r.opt_blob("vault_wrap")?,
        created_at: r.int("created_at")?,
        expires_at: r.int("expires_at")?,
    })
}

/// Replaces the person's pending reset (one at a time); locked so two resets started at once
/// leave the later one rather than a conflict. Returns the id of the one it replaced.
pub fn put(tx: &mut dyn Sql, r: &ResetRow) -> StoreResult<Option<String>> {
    tx.lock(&format!("relay_reset/{}", r.beneficiary_id))?;
    let replaced = of_beneficiary(tx, &r.beneficiary_id)?.map(|old| old.id);
    delete_of(tx, &r.beneficiary_id)?;
    tx.execute(
        "INSERT INTO relay_resets (id, beneficiary_id, structure_id, status, started_by, confirmed_by, usable_from, salt, verifier, vault_wrap, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        &[
            r.id.as_str().into(),
            r.beneficiary_id.as_str().into(),
            r.structure_id.as_str().into(),
            r.status.as_str().into(),
            r.started_by.clone().into(),
            r.confirmed_by.clone().into(),
            r.usable_from.into(),
            r.salt.clone().into(),
            r.verifier.clone().into(),
            r.vault_wrap.clone().into(),
            r.created_at.into(),
            r.expires_at.into(),
        ],
    )?;
    Ok(replaced)
}

pub fn by_id(tx: &mut dyn Sql, id: &str) -> StoreResult<Option<ResetRow>> {
    tx.query_opt(&format!("{SELECT} WHERE r.id = $1"), &[id.into()])?
        .as_ref()
        .map(from_row)
        .transpose()
}

pub fn of_beneficiary(tx: &mut dyn Sql, bid: &BeneficiaryId) -> StoreResult<Option<ResetRow>> {
    tx.query_opt(
        &format!("{SELECT} WHERE r.beneficiary_id = $1"),
        &[bid.into()],
    )?
    .as_ref()
    .map(from_row)
    .transpose()
}

/// The structure's resets not expired at `now`, oldest first.
pub fn of_structure(tx: &mut dyn Sql, sid: &StructureId, now: i64) -> StoreResult<Vec<ResetRow>> {
    tx.query(
        &format!(
            "{SELECT} WHERE r.structure_id = $1 AND r.expires_at > $2 ORDER BY r.created_at, r.id"
        ),
        &[sid.into(), now.into()],
    )?
    .iter()
    .map(from_row)
    .collect()
}

/// Records the confirmation and the code's wrap, once: 0 when it was confirmed (or cancelled)
/// meanwhile.
#[allow(clippy::too_many_arguments)]
pub fn confirm(
    tx: &mut dyn Sql,
    id: &str,
    by: &AccountId,
    salt: &[u8],
    verifier: &[u8],
    vault_wrap: &[u8],
    expires_at: i64,
) -> StoreResult<u64> {
    tx.execute(
        "UPDATE relay_resets SET status = $2, confirmed_by = $3, salt = $4, verifier = $5, vault_wrap = $6, expires_at = $7 WHERE id = $1 AND status <> $2",
        &[
            id.into(),
            CONFIRMED.into(),
            by.into(),
            salt.into(),
            verifier.into(),
            vault_wrap.into(),
            expires_at.into(),
        ],
    )
}

pub fn delete(tx: &mut dyn Sql, id: &str) -> StoreResult<u64> {
    tx.execute("DELETE FROM relay_resets WHERE id = $1", &[id.into()])
}

pub fn delete_of(tx: &mut dyn Sql, bid: &BeneficiaryId) -> StoreResult<u64> {
    tx.execute(
        "DELETE FROM relay_resets WHERE beneficiary_id = $1",
        &[bid.into()],
    )
}

pub fn purge_expired(tx: &mut dyn Sql, now: i64) -> StoreResult<u64> {
    tx.execute(
        "DELETE FROM relay_resets WHERE expires_at <= $1",
        &[now.into()],
    )
}

/// Since when she has had no printed code she knows (used or voided by a recovery).
pub fn new_sheet_due_since(tx: &mut dyn Sql, bid: &BeneficiaryId) -> StoreResult<Option<i64>> {
    Ok(tx
        .query_opt(
            "SELECT new_sheet_due_since FROM beneficiaries WHERE id = $1",
            &[bid.into()],
        )?
        .map(|r| r.opt_int("new_sheet_due_since"))
        .transpose()?
        .flatten())
}

pub fn set_new_sheet_due(
    tx: &mut dyn Sql,
    bid: &BeneficiaryId,
    since: Option<i64>,
) -> StoreResult<u64> {
    tx.execute(
        "UPDATE beneficiaries SET new_sheet_due_since = $2 WHERE id = $1",
        &[bid.into(), since.into()],
    )
}

/// Voids her reset started at `sid` (she withdrew that relais' right, or left it).
pub fn delete_for(tx: &mut dyn Sql, bid: &BeneficiaryId, sid: &StructureId) -> StoreResult<u64> {
    tx.execute(
        "DELETE FROM relay_resets WHERE beneficiary_id = $1 AND structure_id = $2",
        &[bid.into(), sid.into()],
    )
}
