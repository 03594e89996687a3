//! Reminders' rows and the per-structure SMS counters (migrations/*/0007_reminders.sql).

use super::{Row, Sql, StoreResult};
use crate::domain::{BeneficiaryId, ItemId, StructureId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReminderRow {
    pub id: String,
    pub beneficiary_id: BeneficiaryId,
    pub item_id: ItemId,
    pub kind: String,
    pub minutes_before: i64,
    pub structure_id: Option<StructureId>,
    pub job_key: String,
    pub status: String,
    pub operator: Option<String>,
    pub operator_ref: Option<String>,
    pub encoding: Option<String>,
    pub segments: Option<i64>,
    pub sent_at: Option<i64>,
    pub delivered_at: Option<i64>,
    pub created_at: i64,
}

const COLS: &str = "id, beneficiary_id, item_id, kind, minutes_before, structure_id, job_key, status, operator, operator_ref, encoding, segments, sent_at, delivered_at, created_at";

fn reminder(r: &Row) -> StoreResult<ReminderRow> {
    Ok(ReminderRow {
        id: r.text("id")?,
        beneficiary_id: r.id("beneficiary_id")?,
        item_id: r.id("item_id")?,
        kind: r.text("kind")?,
        minutes_before: r.int("minutes_before")?,
        structure_id: r.opt_id("structure_id")?,
        job_key: r.text("job_key")?,
        status: r.text("status")?,
        operator: r.opt_text("operator")?,
        operator_ref: r.opt_text("operator_ref")?,
        encoding: r.opt_text("encoding")?,
        segments: r.opt_int("segments")?,
        sent_at: r.opt_int("sent_at")?,
        delivered_at: r.opt_int("delivered_at")?,
        created_at: r.int("created_at")?,
    })
}

pub fn insert(tx: &mut dyn Sql, r: &ReminderRow) -> StoreResult<()> {
    tx.execute(
        &format!("INSERT INTO reminders ({COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)"),
        &[
            r.id.as_str().into(),
            r.beneficiary_id.as_str().into(),
            r.item_id.as_str().into(),
            r.kind.as_str().into(),
            r.minutes_before.into(),
            r.structure_id.clone().into(),
            r.job_key.as_str().into(),
            r.status.as_str().into(),
            r.operator.clone().into(),
            r.operator_ref.clone().into(),
            r.encoding.clone().into(),
            r.segments.into(),
            r.sent_at.into(),
            r.delivered_at.into(),
            r.created_at.into(),
        ],
    )?;
    Ok(())
}

pub fn by_id(tx: &mut dyn Sql, id: &str) -> StoreResult<Option<ReminderRow>> {
    tx.query_opt(
        &format!("SELECT {COLS} FROM reminders WHERE id = $1"),
        &[id.into()],
    )?
    .map(|r| reminder(&r))
    .transpose()
}

pub fn of_item(tx: &mut dyn Sql, item_id: &ItemId) -> StoreResult<Vec<ReminderRow>> {
    tx.query(
        &format!(
            "SELECT {COLS} FROM reminders WHERE item_id = $1 ORDER BY minutes_before DESC, id"
        ),
        &[item_id.into()],
    )?
    .iter()
    .map(reminder)
    .collect()
}

/// Removes an item's reminders not sent yet (planned, or waiting for a phone number); returns
/// their job keys (to cancel the jobs).
pub fn remove_scheduled(tx: &mut dyn Sql, item_id: &ItemId) -> StoreResult<Vec<String>> {
    let keys = tx
        .query(
            "SELECT job_key FROM reminders WHERE item_id = $1 AND status IN ('scheduled', 'no_phone')",
            &[item_id.into()],
        )?
        .iter()
        .map(|r| r.text("job_key"))
        .collect::<StoreResult<Vec<_>>>()?;
    tx.execute(
        "DELETE FROM reminders WHERE item_id = $1 AND status IN ('scheduled', 'no_phone')",
        &[item_id.into()],
    )?;
    Ok(keys)
}

/// A person's reminders not sent yet: planned, or waiting for a phone number.
pub fn unsent_of_beneficiary(
    tx: &mut dyn Sql,
    bid: &BeneficiaryId,
) -> StoreResult<Vec<ReminderRow>> {
    tx.query(
        &format!("SELECT {COLS} FROM reminders WHERE beneficiary_id = $1 AND status IN ('scheduled', 'no_phone') ORDER BY id"),
        &[bid.into()],
    )?
    .iter()
    .map(reminder)
    .collect()
}

/// `scheduled` (a number to send to) or `no_phone`, for a reminder not sent yet.
pub fn set_unsent_status(tx: &mut dyn Sql, id: &str, status: &str) -> StoreResult<()> {
    tx.execute(
        "UPDATE reminders SET status = $2 WHERE id = $1 AND status IN ('scheduled', 'no_phone')",
        &[id.into(), status.into()],
    )?;
    Ok(())
}

/// Records what the operator accepted.
pub fn mark_sent(
    tx: &mut dyn Sql,
    id: &str,
    operator: &str,
    operator_ref: &str,
    encoding: &str,
    segments: i64,
    at: i64,
) -> StoreResult<()> {
    tx.execute(
        "UPDATE reminders SET status = 'sent', operator = $2, operator_ref = $3, encoding = $4, segments = $5, sent_at = $6 WHERE id = $1",
        &[
            id.into(),
            operator.into(),
            operator_ref.into(),
            encoding.into(),
            segments.into(),
            at.into(),
        ],
    )?;
    Ok(())
}

pub fn mark_failed(tx: &mut dyn Sql, id: &str) -> StoreResult<()> {
    tx.execute(
        "UPDATE reminders SET status = 'failed' WHERE id = $1",
        &[id.into()],
    )?;
    Ok(())
}

/// A delivery report: `delivered` or `failed`, found by the operator's reference. Returns
/// whether a reminder matched.
pub fn mark_delivery(
    tx: &mut dyn Sql,
    operator: &str,
    operator_ref: &str,
    status: &str,
    at: i64,
) -> StoreResult<bool> {
    let n = tx.execute(
        "UPDATE reminders SET status = $3, delivered_at = CASE WHEN $3 = 'delivered' THEN $4 ELSE delivered_at END WHERE operator = $1 AND operator_ref = $2 AND status IN ('sent', 'delivered', 'failed')",
        &[operator.into(), operator_ref.into(), status.into(), at.into()],
    )?;
    Ok(n > 0)
}

/// Counts one SMS of `segments` segments for `structure` in `month` (`YYYY-MM`).
pub fn count_sms(
    tx: &mut dyn Sql,
    structure: &StructureId,
    month: &str,
    segments: i64,
) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO sms_counters (structure_id, month, messages, segments) VALUES ($1, $2, 1, $3) ON CONFLICT (structure_id, month) DO UPDATE SET messages = sms_counters.messages + 1, segments = sms_counters.segments + $3",
        &[structure.into(), month.into(), segments.into()],
    )?;
    Ok(())
}

/// (month, messages, segments) of a structure, most recent first.
pub fn counters(tx: &mut dyn Sql, structure: &str) -> StoreResult<Vec<(String, i64, i64)>> {
    tx.query(
        "SELECT month, messages, segments FROM sms_counters WHERE structure_id = $1 ORDER BY month DESC",
        &[structure.into()],
    )?
    .iter()
    .map(|r| Ok((r.text("month")?, r.int("messages")?, r.int("segments")?)))
    .collect()
}

/// A reminder the structure's SMS budget held back at `at` (from `scheduled`): nothing is
/// sent, she sees it on her home page.
pub fn mark_withheld(tx: &mut dyn Sql, id: &str, at: i64) -> StoreResult<bool> {
    let n = tx.execute(
        "UPDATE reminders SET status = 'withheld', withheld_at = $2 WHERE id = $1 AND status = 'scheduled'",
        &[id.into(), at.into()],
    )?;
    Ok(n > 0)
}

/// Her reminders held back by a budget whose moment (the time held back plus the delay before
/// what it reminds of) is not a day past at `now`: `(item, kind)`, oldest first.
pub fn withheld_of_beneficiary(
    tx: &mut dyn Sql,
    bid: &BeneficiaryId,
    now: i64,
) -> StoreResult<Vec<(ItemId, String)>> {
    tx.query(
        "SELECT item_id, kind FROM reminders WHERE beneficiary_id = $1 AND status = 'withheld' \
         AND withheld_at + minutes_before * 60 + 86400 >= $2 ORDER BY withheld_at, id",
        &[bid.into(), now.into()],
    )?
    .iter()
    .map(|r| Ok((r.id("item_id")?, r.text("kind")?)))
    .collect()
}
