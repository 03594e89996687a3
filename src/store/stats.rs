//! Counts for a structure's statistics and the platform's public figures, read from metadata
//! the server sees in clear (kinds, dates, who added a row, SMS job records, the `login` lines
//! of her journal): no sealed column is read (`docs/threat-model.md`, "What statistics count").

use super::{Sql, StoreResult};
use crate::domain::StructureId;

/// One day, in seconds.
const DAY: i64 = 86_400;
/// A person "reconnected" when she logged in herself between day 1 and day 183 after her
/// safe was opened: from one day after the opening to the end of the 183rd day.
pub const RECONNECTION_FIRST_DAY: i64 = 1;
pub const RECONNECTION_LAST_DAY: i64 = 183;

/// A structure's counts over `[start, end)` (timestamps).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StructureCounts {
    pub people_followed: i64,
    pub safes_opened: i64,
    pub safes_reconnected: i64,
    pub relais_accepted: i64,
    pub documents_added_by_professionals: i64,
    pub documents_added_by_people: i64,
    pub sms_sent: i64,
    pub sms_segments: i64,
}

fn count(tx: &mut dyn Sql, sql: &str, params: &[super::Value]) -> StoreResult<i64> {
    tx.query_one(sql, params)?.int("n")
}

pub fn structure_counts(
    tx: &mut dyn Sql,
    sid: &StructureId,
    start: i64,
    end: i64,
) -> StoreResult<StructureCounts> {
    let p = || -> Vec<super::Value> { vec![sid.as_str().into(), start.into(), end.into()] };
    let people_followed = count(
        tx,
        "SELECT COUNT(*) AS n FROM relays WHERE structure_id = $1 AND since < $2",
        &[sid.as_str().into(), end.into()],
    )?;
    let safes_opened = count(
        tx,
        "SELECT COUNT(*) AS n FROM beneficiaries WHERE opened_by_structure = $1 AND created_at >= $2 AND created_at < $3",
        &p(),
    )?;
    let reconnected = format!(
        "SELECT COUNT(*) AS n FROM beneficiaries b WHERE b.opened_by_structure = $1 AND b.created_at >= $2 AND b.created_at < $3 \
         AND EXISTS (SELECT 1 FROM journal j WHERE j.beneficiary_id = b.id AND j.action = 'login' AND j.outcome = 'success' \
         AND j.actor_kind = 'beneficiary' AND j.at >= b.created_at + {first} AND j.at < b.created_at + {after_last})",
        first = RECONNECTION_FIRST_DAY * DAY,
        after_last = (RECONNECTION_LAST_DAY + 1) * DAY,
    );
    let safes_reconnected = count(tx, &reconnected, &p())?;
    // The safes it opened made it their first relais at the same second: not an acceptance.
    let relais_accepted = count(
        tx,
        "SELECT COUNT(*) AS n FROM relays r WHERE r.structure_id = $1 AND r.since >= $2 AND r.since < $3 \
         AND NOT EXISTS (SELECT 1 FROM beneficiaries b WHERE b.id = r.beneficiary_id AND b.opened_by_structure = $1 AND b.created_at = r.since)",
        &p(),
    )?;
    let documents_added_by_professionals = count(
        tx,
        "SELECT COUNT(*) AS n FROM items WHERE kind = 'document' AND created_by_structure = $1 AND created_at >= $2 AND created_at < $3",
        &p(),
    )?;
    let documents_added_by_people = count(
        tx,
        "SELECT COUNT(*) AS n FROM items i JOIN item_shares s ON s.item_id = i.id AND s.structure_id = $1 \
         WHERE i.kind = 'document' AND i.created_by_kind = 'beneficiary' AND i.created_at >= $2 AND i.created_at < $3",
        &p(),
    )?;
    let sms = tx.query_one(
        "SELECT COUNT(*) AS n, CAST(COALESCE(SUM(segments), 0) AS BIGINT) AS segments FROM reminders \
         WHERE structure_id = $1 AND status IN ('sent', 'delivered') AND sent_at >= $2 AND sent_at < $3",
        &p(),
    )?;
    Ok(StructureCounts {
        people_followed,
        safes_opened,
        safes_reconnected,
        relais_accepted,
        documents_added_by_professionals,
        documents_added_by_people,
        sms_sent: sms.int("n")?,
        sms_segments: sms.int("segments")?,
    })
}

/// Counts by code, in code order: `(code, count)`.
pub type Breakdown = Vec<(String, i64)>;

/// What a structure's follow-ups and case files count over a period: follow-ups dated
/// `from..=to` (`YYYY-MM-DD`) in all, by medium and by subject (the structure's own subjects
/// with their label), and the people it follows at `end` by the housing situation their case
/// file last recorded (`unknown` without one).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Breakdowns {
    pub followups: i64,
    pub by_medium: Breakdown,
    pub by_subject: Breakdown,
    pub subject_labels: Vec<(String, String)>,
    pub by_housing: Breakdown,
}

/// The housing code counted for a person followed without a recorded housing situation.
pub const HOUSING_UNKNOWN: &str = "unknown";

fn breakdown(tx: &mut dyn Sql, sql: &str, params: &[super::Value]) -> StoreResult<Breakdown> {
    tx.query(sql, params)?
        .iter()
        .map(|r| Ok((r.text("k")?, r.int("n")?)))
        .collect()
}

pub fn structure_breakdowns(
    tx: &mut dyn Sql,
    sid: &StructureId,
    (from, to): (&str, &str),
    end: i64,
) -> StoreResult<Breakdowns> {
    let p = || -> Vec<super::Value> { vec![sid.as_str().into(), from.into(), to.into()] };
    let followups = count(
        tx,
        "SELECT COUNT(*) AS n FROM followups WHERE structure_id = $1 AND date >= $2 AND date <= $3",
        &p(),
    )?;
    let by_medium = breakdown(
        tx,
        "SELECT medium AS k, COUNT(*) AS n FROM followups WHERE structure_id = $1 AND date >= $2 AND date <= $3 GROUP BY medium ORDER BY medium",
        &p(),
    )?;
    let by_subject = breakdown(
        tx,
        "SELECT s.subject AS k, COUNT(*) AS n FROM followup_subjects s JOIN followups f ON f.id = s.followup_id \
         WHERE f.structure_id = $1 AND f.date >= $2 AND f.date <= $3 GROUP BY s.subject ORDER BY s.subject",
        &p(),
    )?;
    let subject_labels = tx
        .query(
            "SELECT code, label FROM structure_subjects WHERE structure_id = $1 ORDER BY code",
            &[sid.as_str().into()],
        )?
        .iter()
        .map(|r| Ok((r.text("code")?, r.text("label")?)))
        .collect::<StoreResult<Vec<_>>>()?;
    let by_housing = breakdown(
        tx,
        &format!(
            "SELECT COALESCE(c.housing, '{HOUSING_UNKNOWN}') AS k, COUNT(*) AS n FROM relays r \
             LEFT JOIN case_files c ON c.structure_id = r.structure_id AND c.beneficiary_id = r.beneficiary_id \
             WHERE r.structure_id = $1 AND r.since < $2 GROUP BY COALESCE(c.housing, '{HOUSING_UNKNOWN}') ORDER BY k"
        ),
        &[sid.as_str().into(), end.into()],
    )?;
    Ok(Breakdowns {
        followups,
        by_medium,
        by_subject,
        subject_labels,
        by_housing,
    })
}

/// The platform's totals: people (safes), structures, documents, SMS sent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PlatformCounts {
    pub people: i64,
    pub structures: i64,
    pub documents: i64,
    pub sms: i64,
    pub followups: i64,
}

pub fn platform_counts(tx: &mut dyn Sql) -> StoreResult<PlatformCounts> {
    Ok(PlatformCounts {
        people: count(tx, "SELECT COUNT(*) AS n FROM beneficiaries", &[])?,
        structures: count(tx, "SELECT COUNT(*) AS n FROM structures", &[])?,
        documents: count(
            tx,
            "SELECT COUNT(*) AS n FROM items WHERE kind = 'document'",
            &[],
        )?,
        sms: count(
            tx,
            "SELECT COUNT(*) AS n FROM reminders WHERE status IN ('sent', 'delivered')",
            &[],
        )?,
        followups: count(tx, "SELECT COUNT(*) AS n FROM followups", &[])?,
    })
}
