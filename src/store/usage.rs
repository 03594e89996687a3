//! Usage per structure and month (migrations/*/0052_usage.sql): the documents its
//! professionals added and the safes it opened, counted in the transaction of the action, next
//! to the SMS `reminders::count_sms` counts in `sms_counters`; the monthly SMS budget its admin
//! sets and the months that budget held SMS back. Months are `YYYY-MM`.

use super::{Sql, StoreResult};
use crate::domain::StructureId;
use std::collections::BTreeMap;

/// What `usage_counters` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    /// A document a professional of the structure added to a safe.
    DocumentAdded,
    /// A safe the structure opened.
    SafeOpened,
}

impl Counted {
    fn column(self) -> &'static str {
        match self {
            Self::DocumentAdded => "documents_added",
            Self::SafeOpened => "safes_opened",
        }
    }
}

/// Counts one `what` for `sid` in `month`.
pub fn count(tx: &mut dyn Sql, sid: &StructureId, month: &str, what: Counted) -> StoreResult<()> {
    let c = what.column();
    tx.execute(
        &format!(
            "INSERT INTO usage_counters (structure_id, month, {c}) VALUES ($1, $2, 1) \
             ON CONFLICT (structure_id, month) DO UPDATE SET {c} = usage_counters.{c} + 1"
        ),
        &[sid.into(), month.into()],
    )?;
    Ok(())
}

/// One structure's counts in one month.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MonthCounts {
    pub sms_sent: i64,
    pub sms_segments: i64,
    pub documents_added: i64,
    pub safes_opened: i64,
}

/// The counts of the months `from..=to` (`YYYY-MM`) of `sid` that counted anything, by month.
pub fn months(
    tx: &mut dyn Sql,
    sid: &StructureId,
    (from, to): (&str, &str),
) -> StoreResult<BTreeMap<String, MonthCounts>> {
    let p = [sid.into(), from.into(), to.into()];
    let mut out: BTreeMap<String, MonthCounts> = BTreeMap::new();
    for r in tx.query(
        "SELECT month, messages, segments FROM sms_counters WHERE structure_id = $1 AND month >= $2 AND month <= $3",
        &p,
    )? {
        let m = out.entry(r.text("month")?).or_default();
        (m.sms_sent, m.sms_segments) = (r.int("messages")?, r.int("segments")?);
    }
    for r in tx.query(
        "SELECT month, documents_added, safes_opened FROM usage_counters WHERE structure_id = $1 AND month >= $2 AND month <= $3",
        &p,
    )? {
        let m = out.entry(r.text("month")?).or_default();
        (m.documents_added, m.safes_opened) =
            (r.int("documents_added")?, r.int("safes_opened")?);
    }
    Ok(out)
}

/// Every structure's counts in `month` (those that counted anything), for the operator.
pub fn all_in_month(
    tx: &mut dyn Sql,
    month: &str,
) -> StoreResult<BTreeMap<StructureId, MonthCounts>> {
    let mut out: BTreeMap<StructureId, MonthCounts> = BTreeMap::new();
    for r in tx.query(
        "SELECT structure_id, messages, segments FROM sms_counters WHERE month = $1",
        &[month.into()],
    )? {
        let m = out.entry(r.id("structure_id")?).or_default();
        (m.sms_sent, m.sms_segments) = (r.int("messages")?, r.int("segments")?);
    }
    for r in tx.query(
        "SELECT structure_id, documents_added, safes_opened FROM usage_counters WHERE month = $1",
        &[month.into()],
    )? {
        let m = out.entry(r.id("structure_id")?).or_default();
        (m.documents_added, m.safes_opened) = (r.int("documents_added")?, r.int("safes_opened")?);
    }
    Ok(out)
}

/// The SMS `sid` sent in `month`.
pub fn sms_sent_in(tx: &mut dyn Sql, sid: &StructureId, month: &str) -> StoreResult<i64> {
    Ok(tx
        .query_opt(
            "SELECT messages FROM sms_counters WHERE structure_id = $1 AND month = $2",
            &[sid.into(), month.into()],
        )?
        .map(|r| r.int("messages"))
        .transpose()?
        .unwrap_or(0))
}

/// The monthly SMS budget of `sid`, if its admin set one.
pub fn budget(tx: &mut dyn Sql, sid: &StructureId) -> StoreResult<Option<i64>> {
    tx.query_opt(
        "SELECT monthly_sms FROM sms_budgets WHERE structure_id = $1",
        &[sid.into()],
    )?
    .map(|r| r.int("monthly_sms"))
    .transpose()
}

/// Every structure's budget, for the operator.
pub fn budgets(tx: &mut dyn Sql) -> StoreResult<BTreeMap<StructureId, i64>> {
    tx.query("SELECT structure_id, monthly_sms FROM sms_budgets", &[])?
        .iter()
        .map(|r| Ok((r.id("structure_id")?, r.int("monthly_sms")?)))
        .collect()
}

/// Sets (`Some`) or removes (`None`) the budget of `sid`, set by account `by` at `at`.
pub fn set_budget(
    tx: &mut dyn Sql,
    sid: &StructureId,
    monthly_sms: Option<i64>,
    by: &str,
    at: i64,
) -> StoreResult<()> {
    match monthly_sms {
        None => tx.execute(
            "DELETE FROM sms_budgets WHERE structure_id = $1",
            &[sid.into()],
        )?,
        Some(n) => tx.execute(
            "INSERT INTO sms_budgets (structure_id, monthly_sms, set_by, set_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (structure_id) DO UPDATE SET monthly_sms = $2, set_by = $3, set_at = $4",
            &[sid.into(), n.into(), by.into(), at.into()],
        )?,
    };
    Ok(())
}

/// One SMS of `sid` held back by the budget in `month`, at `at`: the first one of the month
/// says when the budget was reached.
pub fn hold_back(tx: &mut dyn Sql, sid: &StructureId, month: &str, at: i64) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO sms_budget_reached (structure_id, month, reached_at, withheld) VALUES ($1, $2, $3, 1) \
         ON CONFLICT (structure_id, month) DO UPDATE SET withheld = sms_budget_reached.withheld + 1",
        &[sid.into(), month.into(), at.into()],
    )?;
    Ok(())
}

/// When the budget of `sid` was reached in `month` and how many SMS it held back since.
pub fn reached(
    tx: &mut dyn Sql,
    sid: &StructureId,
    month: &str,
) -> StoreResult<Option<(i64, i64)>> {
    tx.query_opt(
        "SELECT reached_at, withheld FROM sms_budget_reached WHERE structure_id = $1 AND month = $2",
        &[sid.into(), month.into()],
    )?
    .map(|r| Ok((r.int("reached_at")?, r.int("withheld")?)))
    .transpose()
}
