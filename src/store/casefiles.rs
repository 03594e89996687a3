//! Case files (`case_files`): one row per (structure, person), the situation and its history
//! sealed in `sealed` (`service/casefile.rs`), the current housing code and the referent in
//! clear for the statistics and "my people". The row outlives the relais row: a structure the
//! person leaves keeps its case file.

use super::{Row, Sql, StoreResult};
use crate::domain::{AccountId, BeneficiaryId, StructureId};

#[derive(Debug, Clone)]
pub struct CaseFileRow {
    pub structure_id: StructureId,
    pub beneficiary_id: BeneficiaryId,
    pub referent_account: Option<AccountId>,
    pub housing: Option<String>,
    pub sealed: Vec<u8>,
    pub key_version: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

const COLS: &str = "structure_id, beneficiary_id, referent_account, housing, sealed, key_version, created_at, updated_at";

fn from_row(r: &Row) -> StoreResult<CaseFileRow> {
    Ok(CaseFileRow {
        structure_id: r.id("structure_id")?,
        beneficiary_id: r.id("beneficiary_id")?,
        referent_account: r.opt_id("referent_account")?,
        housing: r.opt_text("housing")?,
        sealed: r.blob("sealed")?,
        key_version: r.int("key_version")?,
        created_at: r.int("created_at")?,
        updated_at: r.int("updated_at")?,
    })
}

/// The case file `sid` keeps on `bid`, if it has one.
pub fn get(
    tx: &mut dyn Sql,
    sid: &StructureId,
    bid: &BeneficiaryId,
) -> StoreResult<Option<CaseFileRow>> {
    tx.query_opt(
        &format!("SELECT {COLS} FROM case_files WHERE structure_id = $1 AND beneficiary_id = $2"),
        &[sid.into(), bid.into()],
    )?
    .as_ref()
    .map(from_row)
    .transpose()
}

/// Each person `sid` keeps a case file on with a referent, and that referent (the agenda's
/// filter).
pub fn referents(
    tx: &mut dyn Sql,
    sid: &StructureId,
) -> StoreResult<Vec<(BeneficiaryId, AccountId)>> {
    tx.query(
        "SELECT beneficiary_id, referent_account FROM case_files WHERE structure_id = $1 AND referent_account IS NOT NULL",
        &[sid.into()],
    )?
    .iter()
    .map(|r| Ok((r.id("beneficiary_id")?, r.id("referent_account")?)))
    .collect()
}

/// What a write of a case file sets.
#[derive(Debug, Clone)]
pub struct CaseFileWrite<'a> {
    pub referent_account: Option<&'a AccountId>,
    pub housing: Option<&'a str>,
    pub sealed: &'a [u8],
    pub at: i64,
}

/// Creates or replaces the case file of (`sid`, `bid`), marked with the structure's current
/// key version (the caller sealed it with the newest key it holds).
pub fn put(
    tx: &mut dyn Sql,
    sid: &StructureId,
    bid: &BeneficiaryId,
    w: &CaseFileWrite<'_>,
) -> StoreResult<u64> {
    tx.execute(
        "INSERT INTO case_files (structure_id, beneficiary_id, referent_account, housing, sealed, key_version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, (SELECT key_version FROM structures WHERE id = $1), $6, $6) ON CONFLICT (structure_id, beneficiary_id) DO UPDATE SET referent_account = excluded.referent_account, housing = excluded.housing, sealed = excluded.sealed, key_version = excluded.key_version, updated_at = excluded.updated_at",
        &[
            sid.into(),
            bid.into(),
            w.referent_account.into(),
            w.housing.into(),
            w.sealed.into(),
            w.at.into(),
        ],
    )
}

/// Up to `limit` case files of `sid` sealed with a key version older than `current`.
pub fn stale(
    tx: &mut dyn Sql,
    sid: &StructureId,
    current: i64,
    limit: i64,
) -> StoreResult<Vec<CaseFileRow>> {
    tx.query(
        &format!("SELECT {COLS} FROM case_files WHERE structure_id = $1 AND key_version < $2 ORDER BY beneficiary_id LIMIT $3"),
        &[sid.into(), current.into(), limit.into()],
    )?
    .iter()
    .map(from_row)
    .collect()
}

/// Replaces a case file sealed with an older key version (only if unchanged meanwhile);
/// `new` `None` only marks it moved (no version opens it: it was unreadable before too).
pub fn reseal(
    tx: &mut dyn Sql,
    sid: &StructureId,
    bid: &BeneficiaryId,
    old: &[u8],
    new: Option<&[u8]>,
    version: i64,
) -> StoreResult<u64> {
    match new {
        Some(new) => tx.execute(
            "UPDATE case_files SET sealed = $4, key_version = $5 WHERE structure_id = $1 AND beneficiary_id = $2 AND sealed = $3",
            &[sid.into(), bid.into(), old.into(), new.into(), version.into()],
        ),
        None => tx.execute(
            "UPDATE case_files SET key_version = $4 WHERE structure_id = $1 AND beneficiary_id = $2 AND sealed = $3",
            &[sid.into(), bid.into(), old.into(), version.into()],
        ),
    }
}
