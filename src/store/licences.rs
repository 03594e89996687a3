//! Conventions, licences and their history (migrations/*/0050_licences.sql). Dates are
//! `YYYY-MM-DD` text, so they sort and compare as days.

use super::{Row, Sql, StoreResult};
use crate::domain::StructureId;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LicenceRow {
    pub id: String,
    pub structure_id: StructureId,
    pub starts_on: String,
    pub ends_on: String,
    pub annual_budget_cents: i64,
    pub fee_cents: i64,
    pub recorded_by: String,
    pub recorded_by_name: String,
    pub recorded_at: i64,
}

const LICENCE_COLS: &str = "id, structure_id, starts_on, ends_on, annual_budget_cents, fee_cents, recorded_by, recorded_by_name, recorded_at";

fn licence(r: &Row) -> StoreResult<LicenceRow> {
    Ok(LicenceRow {
        id: r.text("id")?,
        structure_id: r.id("structure_id")?,
        starts_on: r.text("starts_on")?,
        ends_on: r.text("ends_on")?,
        annual_budget_cents: r.int("annual_budget_cents")?,
        fee_cents: r.int("fee_cents")?,
        recorded_by: r.text("recorded_by")?,
        recorded_by_name: r.text("recorded_by_name")?,
        recorded_at: r.int("recorded_at")?,
    })
}

/// The licence that ends last (the current one, or the last one that ran).
pub fn latest(tx: &mut dyn Sql, sid: &StructureId) -> StoreResult<Option<LicenceRow>> {
    tx.query(
        &format!(
            "SELECT {LICENCE_COLS} FROM licences WHERE structure_id = $1 ORDER BY ends_on DESC, starts_on DESC LIMIT 1"
        ),
        &[sid.into()],
    )?
    .first()
    .map(licence)
    .transpose()
}

/// The licence of that period's start, if one was recorded.
pub fn starting(
    tx: &mut dyn Sql,
    sid: &StructureId,
    starts_on: &str,
) -> StoreResult<Option<LicenceRow>> {
    tx.query(
        &format!("SELECT {LICENCE_COLS} FROM licences WHERE structure_id = $1 AND starts_on = $2"),
        &[sid.into(), starts_on.into()],
    )?
    .first()
    .map(licence)
    .transpose()
}

/// Records a period, or replaces the one starting the same day.
pub fn upsert(tx: &mut dyn Sql, l: &LicenceRow) -> StoreResult<()> {
    tx.execute(
        &format!(
            "INSERT INTO licences ({LICENCE_COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
             ON CONFLICT (structure_id, starts_on) DO UPDATE SET ends_on = excluded.ends_on, \
             annual_budget_cents = excluded.annual_budget_cents, fee_cents = excluded.fee_cents, \
             recorded_by = excluded.recorded_by, recorded_by_name = excluded.recorded_by_name, \
             recorded_at = excluded.recorded_at"
        ),
        &[
            l.id.as_str().into(),
            (&l.structure_id).into(),
            l.starts_on.as_str().into(),
            l.ends_on.as_str().into(),
            l.annual_budget_cents.into(),
            l.fee_cents.into(),
            l.recorded_by.as_str().into(),
            l.recorded_by_name.as_str().into(),
            l.recorded_at.into(),
        ],
    )?;
    Ok(())
}

/// Whether the structure has licences and all of them ended before `today`.
pub fn lapsed(tx: &mut dyn Sql, sid: &StructureId, today: &str) -> StoreResult<bool> {
    Ok(latest(tx, sid)?.is_some_and(|l| l.ends_on.as_str() < today))
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConventionRow {
    pub status: String,
    pub signed_on: Option<String>,
    pub signatories: Option<String>,
    pub document: Option<ConventionDocument>,
    pub updated_at: i64,
}

/// Where the signed PDF is and how to open it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConventionDocument {
    pub id: String,
    pub blob: String,
    pub key_sealed: Vec<u8>,
    /// SHA-256 of the PDF (checked on every download) and of the stored ciphertext (checked
    /// by `consigne verify`), hex.
    pub sha256: String,
    pub blob_sha256: String,
    pub size: i64,
}

pub fn convention(tx: &mut dyn Sql, sid: &StructureId) -> StoreResult<Option<ConventionRow>> {
    let rows = tx.query(
        "SELECT status, signed_on, signatories, document_id, document_blob, document_key_sealed, document_sha256, document_blob_sha256, document_size, updated_at FROM conventions WHERE structure_id = $1",
        &[sid.into()],
    )?;
    let Some(r) = rows.first() else {
        return Ok(None);
    };
    let document = match (
        r.opt_text("document_id")?,
        r.opt_text("document_blob")?,
        r.opt_blob("document_key_sealed")?,
        r.opt_text("document_sha256")?,
        r.opt_text("document_blob_sha256")?,
        r.opt_int("document_size")?,
    ) {
        (Some(id), Some(blob), Some(key_sealed), Some(sha256), Some(blob_sha256), Some(size)) => {
            Some(ConventionDocument {
                id,
                blob,
                key_sealed,
                sha256,
                blob_sha256,
                size,
            })
        }
        _ => None,
    };
    Ok(Some(ConventionRow {
        status: r.text("status")?,
        signed_on: r.opt_text("signed_on")?,
        signatories: r.opt_text("signatories")?,
        document,
        updated_at: r.int("updated_at")?,
    }))
}

pub fn save_convention(tx: &mut dyn Sql, sid: &StructureId, c: &ConventionRow) -> StoreResult<()> {
    let d = c.document.as_ref();
    tx.execute(
        "INSERT INTO conventions (structure_id, status, signed_on, signatories, document_id, document_blob, document_key_sealed, document_sha256, document_blob_sha256, document_size, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
         ON CONFLICT (structure_id) DO UPDATE SET status = excluded.status, signed_on = excluded.signed_on, \
         signatories = excluded.signatories, document_id = excluded.document_id, \
         document_blob = excluded.document_blob, document_key_sealed = excluded.document_key_sealed, \
         document_sha256 = excluded.document_sha256, document_blob_sha256 = excluded.document_blob_sha256, \
         document_size = excluded.document_size, \
         updated_at = excluded.updated_at",
        &[
            sid.into(),
            c.status.as_str().into(),
            c.signed_on.clone().into(),
            c.signatories.clone().into(),
            d.map(|d| d.id.clone()).into(),
            d.map(|d| d.blob.clone()).into(),
            d.map(|d| d.key_sealed.clone()).into(),
            d.map(|d| d.sha256.clone()).into(),
            d.map(|d| d.blob_sha256.clone()).into(),
            d.map(|d| d.size).into(),
            c.updated_at.into(),
        ],
    )?;
    Ok(())
}

/// Every convention document's blob: (structure id, blob key, digest), for verification and
/// orphan collection.
pub fn document_blobs(tx: &mut dyn Sql) -> StoreResult<Vec<(String, String, Option<String>)>> {
    tx.query(
        "SELECT structure_id, document_blob, document_blob_sha256 FROM conventions WHERE document_blob IS NOT NULL ORDER BY structure_id",
        &[],
    )?
    .iter()
    .map(|r| {
        Ok((
            r.text("structure_id")?,
            r.text("document_blob")?,
            r.opt_text("document_blob_sha256")?,
        ))
    })
    .collect()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryRow {
    pub at: i64,
    pub actor_account: String,
    pub actor_name: String,
    pub field: String,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
}

pub fn add_history(
    tx: &mut dyn Sql,
    id: &str,
    sid: &StructureId,
    h: &HistoryRow,
) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO convention_history (id, structure_id, at, actor_account, actor_name, field, old_value, new_value) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        &[
            id.into(),
            sid.into(),
            h.at.into(),
            h.actor_account.as_str().into(),
            h.actor_name.as_str().into(),
            h.field.as_str().into(),
            h.old_value.clone().into(),
            h.new_value.clone().into(),
        ],
    )?;
    Ok(())
}

/// The newest changes first, at most `limit`.
pub fn history(tx: &mut dyn Sql, sid: &StructureId, limit: i64) -> StoreResult<Vec<HistoryRow>> {
    tx.query(
        "SELECT at, actor_account, actor_name, field, old_value, new_value FROM convention_history WHERE structure_id = $1 ORDER BY at DESC, id DESC LIMIT $2",
        &[sid.into(), limit.into()],
    )?
    .iter()
    .map(|r| {
        Ok(HistoryRow {
            at: r.int("at")?,
            actor_account: r.text("actor_account")?,
            actor_name: r.text("actor_name")?,
            field: r.text("field")?,
            old_value: r.opt_text("old_value")?,
            new_value: r.opt_text("new_value")?,
        })
    })
    .collect()
}

/// A structure's convention status and its latest licence's end (none recorded: `None`).
pub type Overview = (StructureId, Option<String>, Option<String>);

/// Each structure's convention status and latest licence end, for the operator's list.
pub fn overview(tx: &mut dyn Sql) -> StoreResult<Vec<Overview>> {
    tx.query(
        "SELECT s.id, c.status, (SELECT MAX(l.ends_on) FROM licences l WHERE l.structure_id = s.id) AS ends_on \
         FROM structures s LEFT JOIN conventions c ON c.structure_id = s.id ORDER BY s.id",
        &[],
    )?
    .iter()
    .map(|r| Ok((r.id("id")?, r.opt_text("status")?, r.opt_text("ends_on")?)))
    .collect()
}
