//! Feature switches for pilots (issue 18, item 6). The operator turns a capability off (or on
//! again) for everyone or for chosen structures; a structure's own switch wins over the
//! global one, and with no switch at all a capability is on (the default).
//!
//! What a switch stops is new use: a structure whose messaging is off writes no message and
//! receives none from the people it follows; its news is off: it posts none; its printed kit
//! is off: it prints none. What people already hold stays theirs: her messages stay readable
//! in her safe and in her export, the news she received stays on her page until it ends.
//! Refusals are `feature_off` (403). Switches are read often (every message, every page of
//! the structure): they are cached for a few seconds per process; a change made here clears
//! this process's cache at once, other instances see it within [`CACHE_SECONDS`].

use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::domain::{AccountKind, InvalidInput, StructureId};
use crate::policy::{Action, Actor, Resource};
use crate::service::access::allow;
use crate::service::journal::{JournalActor, journal};
use crate::service::{App, ServiceError, ServiceResult, Session};
use crate::store::features::{self as store, GLOBAL, SwitchRow};
use crate::store::structures;

/// How long a process trusts the switches it read.
pub const CACHE_SECONDS: u64 = 5;

/// A capability the operator may switch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Feature {
    /// Messages between a person and her relais (and their SMS notices).
    Messaging,
    /// The structure's news to the people it follows.
    News,
    /// The printed kit (poster, leaflet, cards) of the structure.
    Kit,
}

impl Feature {
    pub const ALL: [Feature; 3] = [Feature::Messaging, Feature::News, Feature::Kit];

    pub fn as_str(self) -> &'static str {
        match self {
            Feature::Messaging => "messaging",
            Feature::News => "news",
            Feature::Kit => "kit",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, InvalidInput> {
        Self::ALL
            .into_iter()
            .find(|f| f.as_str() == raw)
            .ok_or_else(|| InvalidInput::new("feature", "invalid"))
    }
}

/// This process's copy of the switches.
#[derive(Debug, Default)]
pub(crate) struct FeatureCache {
    rows: RwLock<Option<(Instant, Arc<Vec<SwitchRow>>)>>,
}

impl FeatureCache {
    fn fresh(&self) -> Option<Arc<Vec<SwitchRow>>> {
        let guard = self.rows.read().ok()?;
        let (at, rows) = guard.as_ref()?;
        (at.elapsed() < Duration::from_secs(CACHE_SECONDS)).then(|| rows.clone())
    }

    fn put(&self, rows: Arc<Vec<SwitchRow>>) {
        if let Ok(mut g) = self.rows.write() {
            *g = Some((Instant::now(), rows));
        }
    }

    fn clear(&self) {
        if let Ok(mut g) = self.rows.write() {
            *g = None;
        }
    }
}

/// Whether `feature` is on for `sid` in `rows`: its own switch, else the global one, else on.
fn on_in(rows: &[SwitchRow], feature: Feature, sid: &str) -> bool {
    let find = |scope: &str| {
        rows.iter()
            .find(|r| r.feature == feature.as_str() && r.scope == scope)
            .map(|r| r.enabled)
    };
    find(sid).or_else(|| find(GLOBAL)).unwrap_or(true)
}

/// One feature as the operator sees it.
#[derive(Debug, Clone, Serialize)]
pub struct FeatureView {
    pub feature: Feature,
    /// The global switch (on when none was recorded).
    pub enabled: bool,
    /// The structures with their own switch.
    pub structures: Vec<StructureSwitch>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StructureSwitch {
    pub structure_id: StructureId,
    pub enabled: bool,
}

fn platform_only(session: &Session) -> ServiceResult<()> {
    if matches!(session.actor, Actor::PlatformAdmin { .. }) {
        Ok(())
    } else {
        Err(ServiceError::NotFound)
    }
}

async fn switches(app: &App) -> ServiceResult<Arc<Vec<SwitchRow>>> {
    if let Some(rows) = app.features.fresh() {
        return Ok(rows);
    }
    let rows = Arc::new(app.read(|tx| Ok(store::all(tx)?)).await?);
    app.features.put(rows.clone());
    Ok(rows)
}

/// Whether `feature` is on for structure `sid` (no session: pages ask it to hide links).
pub async fn feature_on(app: &App, feature: Feature, sid: &StructureId) -> ServiceResult<bool> {
    Ok(on_in(&switches(app).await?, feature, sid.as_str()))
}

/// Refuses new use of a feature switched off for `sid` (`feature_off`).
pub(crate) async fn ensure_feature(
    app: &App,
    feature: Feature,
    sid: &StructureId,
) -> ServiceResult<()> {
    if feature_on(app, feature, sid).await? {
        Ok(())
    } else {
        Err(ServiceError::FeatureOff)
    }
}

impl App {
    /// Every feature with its global switch and the structures' own: the platform admin.
    pub async fn feature_switches(&self, session: &Session) -> ServiceResult<Vec<FeatureView>> {
        platform_only(session)?;
        let rows = self.read(|tx| Ok(store::all(tx)?)).await?;
        Ok(Feature::ALL
            .into_iter()
            .map(|f| FeatureView {
                feature: f,
                enabled: on_in(&rows, f, GLOBAL),
                structures: rows
                    .iter()
                    .filter(|r| r.feature == f.as_str() && r.scope != GLOBAL)
                    .filter_map(|r| {
                        Some(StructureSwitch {
                            structure_id: StructureId::parse(&r.scope).ok()?,
                            enabled: r.enabled,
                        })
                    })
                    .collect(),
            })
            .collect())
    }

    /// Turns `feature` on or off for everyone (`sid` none) or for one structure; `None` removes
    /// the switch (the structure follows the global one again; globally: back to on).
    /// Journaled in the operator's log. The platform admin only.
    pub async fn set_feature(
        &self,
        session: &Session,
        feature: Feature,
        sid: Option<&StructureId>,
        enabled: Option<bool>,
    ) -> ServiceResult<Vec<FeatureView>> {
        platform_only(session)?;
        allow(session, Action::Create, Resource::Platform)?;
        let actor = JournalActor {
            kind: AccountKind::PlatformAdmin.as_str(),
            account: Some(session.account_id.clone()),
            name: Some(session.keys.display_name.clone()),
            structure: sid.cloned(),
        };
        let scope = sid.map_or(GLOBAL.to_owned(), |s| s.as_str().to_owned());
        let (sid, by, now) = (sid.cloned(), session.account_id.clone(), self.now());
        let state = match enabled {
            Some(true) => "on",
            Some(false) => "off",
            None => "default",
        };
        self.tx(move |tx| {
            if let Some(s) = &sid
                && structures::by_id(tx, s)?.is_none()
            {
                return Err(ServiceError::NotFound);
            }
            if store::set(tx, feature.as_str(), &scope, enabled, (by.as_str(), now))? {
                let target = format!("{}={state}", feature.as_str());
                journal(
                    tx,
                    now,
                    None,
                    &actor,
                    "feature_switched",
                    Some(("feature", target.as_str())),
                    true,
                )?;
            }
            Ok(())
        })
        .await?;
        self.features.clear();
        self.feature_switches(session).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(feature: &str, scope: &str, enabled: bool) -> SwitchRow {
        SwitchRow {
            feature: feature.into(),
            scope: scope.into(),
            enabled,
            set_at: 0,
        }
    }

    #[test]
    fn a_structure_switch_wins_over_the_global_one_and_none_is_on() {
        assert!(on_in(&[], Feature::News, "s1"));
        let rows = [row("news", GLOBAL, false), row("news", "s1", true)];
        assert!(on_in(&rows, Feature::News, "s1"));
        assert!(!on_in(&rows, Feature::News, "s2"));
        assert!(on_in(&rows, Feature::Kit, "s2"));
        let rows = [row("kit", "s2", false)];
        assert!(!on_in(&rows, Feature::Kit, "s2"));
        assert!(on_in(&rows, Feature::Kit, "s1"));
    }
}
