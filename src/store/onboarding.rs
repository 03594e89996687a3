//! Her first steps' rows (migrations/*/0048_terms.sql): the terms version she accepted and
//! when, and when she finished the first visit guide. No row: neither yet.

use super::{Sql, StoreResult};
use crate::domain::BeneficiaryId;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OnboardingRow {
    /// The version of the terms she accepted last, and when.
    pub terms: Option<(String, i64)>,
    pub guide_done_at: Option<i64>,
}

pub fn of_beneficiary(tx: &mut dyn Sql, bid: &BeneficiaryId) -> StoreResult<OnboardingRow> {
    let rows = tx.query(
        "SELECT terms_version, terms_accepted_at, guide_done_at FROM onboarding WHERE beneficiary_id = $1",
        &[bid.into()],
    )?;
    let Some(r) = rows.first() else {
        return Ok(OnboardingRow::default());
    };
    Ok(OnboardingRow {
        terms: match (
            r.opt_text("terms_version")?,
            r.opt_int("terms_accepted_at")?,
        ) {
            (Some(v), Some(at)) => Some((v, at)),
            _ => None,
        },
        guide_done_at: r.opt_int("guide_done_at")?,
    })
}

/// She accepted `version` at `at`.
pub fn accept_terms(
    tx: &mut dyn Sql,
    bid: &BeneficiaryId,
    version: &str,
    at: i64,
) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO onboarding (beneficiary_id, terms_version, terms_accepted_at) VALUES ($1, $2, $3) \
         ON CONFLICT (beneficiary_id) DO UPDATE SET terms_version = excluded.terms_version, \
         terms_accepted_at = excluded.terms_accepted_at",
        &[bid.into(), version.into(), at.into()],
    )?;
    Ok(())
}

/// She finished or skipped the first visit guide at `at`.
pub fn guide_done(tx: &mut dyn Sql, bid: &BeneficiaryId, at: i64) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO onboarding (beneficiary_id, guide_done_at) VALUES ($1, $2) \
         ON CONFLICT (beneficiary_id) DO UPDATE SET guide_done_at = excluded.guide_done_at",
        &[bid.into(), at.into()],
    )?;
    Ok(())
}
