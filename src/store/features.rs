//! Feature switches (migrations/*/0060_features.sql): one row per capability and scope
//! (`*` for everyone, or a structure's id).

use super::{Sql, StoreResult};

/// The global scope.
pub const GLOBAL: &str = "*";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SwitchRow {
    pub feature: String,
    pub scope: String,
    pub enabled: bool,
    pub set_at: i64,
}

/// Every switch recorded.
pub fn all(tx: &mut dyn Sql) -> StoreResult<Vec<SwitchRow>> {
    tx.query(
        "SELECT feature, scope, enabled, set_at FROM feature_switches ORDER BY feature, scope",
        &[],
    )?
    .iter()
    .map(|r| {
        Ok(SwitchRow {
            feature: r.text("feature")?,
            scope: r.text("scope")?,
            enabled: r.int("enabled")? != 0,
            set_at: r.int("set_at")?,
        })
    })
    .collect()
}

/// Sets a switch (`Some`) or removes it (`None`: a structure follows the global one again).
/// Returns whether anything changed.
pub fn set(
    tx: &mut dyn Sql,
    feature: &str,
    scope: &str,
    enabled: Option<bool>,
    (by, at): (&str, i64),
) -> StoreResult<bool> {
    let n = match enabled {
        Some(on) => tx.execute(
            "INSERT INTO feature_switches (feature, scope, enabled, set_by, set_at) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (feature, scope) DO UPDATE SET enabled = EXCLUDED.enabled, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at \
             WHERE feature_switches.enabled <> EXCLUDED.enabled",
            &[
                feature.into(),
                scope.into(),
                i64::from(on).into(),
                by.into(),
                at.into(),
            ],
        )?,
        None => tx.execute(
            "DELETE FROM feature_switches WHERE feature = $1 AND scope = $2",
            &[feature.into(), scope.into()],
        )?,
    };
    Ok(n > 0)
}
