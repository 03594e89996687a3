//! Her first steps in her safe (issue 17, items 4 and 5): the terms and information page she
//! accepts before using her safe (CPCE R55-1: the kind of space, the technical mechanisms, the
//! privacy policy, the guarantees of proper functioning, the L103 commitment), and the first
//! visit guide shown once after it.
//!
//! The version in force is `[general] terms_version` (default [`TERMS_VERSION`]): at each login
//! her session learns whether she accepted it (`Onboarding::terms_pending`) and whether she
//! finished the guide. Until she accepts, pages lead her to the acceptance page and the API
//! answers 403 `terms_not_accepted`, except to read the terms, accept them, log out and export
//! everything (the L103 commitment holds whether she accepted or not). A new version is shown
//! once, at her next login. Accepting is journaled (`terms_accepted`) and in her export.

use crate::service::access::own_session_safe;
use crate::service::auth::sessions::reseal_session;
use crate::service::journal::{JournalActor, journal};
use crate::service::{App, ServiceError, ServiceResult, Session};
use crate::store::Sql;
use crate::store::onboarding::{self, OnboardingRow};
use serde::{Deserialize, Serialize};

pub use crate::config::TERMS_VERSION;

/// The sections of the terms, in order (`terms-<id>-title` and `terms-<id>-text` in every
/// catalogue).
pub const TERMS_SECTIONS: [&str; 5] =
    ["space", "technical", "privacy", "guarantees", "restitution"];

/// What her session must still show her, decided at login.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Onboarding {
    /// She has not accepted the terms in force.
    #[serde(default)]
    pub terms_pending: bool,
    /// She has not finished (or skipped) the first visit guide.
    #[serde(default)]
    pub guide_pending: bool,
}

/// The terms she accepted, as her export and `GET /me` show them.
#[derive(Debug, Clone, Serialize)]
pub struct AcceptedTerms {
    pub version: String,
    pub accepted_at: String,
}

/// Her onboarding as of now, read at login.
pub(crate) fn onboarding_at_login(
    app: &App,
    tx: &mut dyn Sql,
    bid: &crate::domain::BeneficiaryId,
) -> ServiceResult<Onboarding> {
    let row = onboarding::of_beneficiary(tx, bid)?;
    Ok(Onboarding {
        terms_pending: row.terms.as_ref().map(|(v, _)| v.as_str()) != Some(app.terms_version()),
        guide_pending: row.guide_done_at.is_none(),
    })
}

impl App {
    /// The version of the terms in force.
    pub fn terms_version(&self) -> &str {
        &self.config.terms_version
    }

    /// She accepts the terms in force (`version` must be it: she accepts what she read).
    pub async fn accept_terms(&self, session: &Session, version: &str) -> ServiceResult<()> {
        let bid = own_session_safe(session)?;
        if version != self.terms_version() {
            return Err(ServiceError::Conflict("terms_version"));
        }
        let (app, session) = (self.clone(), session.clone());
        let (now, version) = (self.now(), version.to_owned());
        self.tx(move |tx| {
            onboarding::accept_terms(tx, &bid, &version, now)?;
            journal(
                tx,
                now,
                Some(&bid),
                &JournalActor::beneficiary(&session.account_id),
                "terms_accepted",
                Some(("terms", version.as_str())),
                true,
            )?;
            let mut keys = session.keys.clone();
            keys.onboarding.terms_pending = false;
            reseal_session(&app, tx, &session, &keys)
        })
        .await
    }

    /// She finished or skipped the first visit guide: it is not shown again by itself.
    pub async fn finish_guide(&self, session: &Session) -> ServiceResult<()> {
        let bid = own_session_safe(session)?;
        let (app, session) = (self.clone(), session.clone());
        let now = self.now();
        self.tx(move |tx| {
            onboarding::guide_done(tx, &bid, now)?;
            let mut keys = session.keys.clone();
            keys.onboarding.guide_pending = false;
            reseal_session(&app, tx, &session, &keys)
        })
        .await
    }
}

/// The demo's and the benchmark generator's people: the terms in force accepted and the guide
/// seen, as if they had logged in once (journaled like her own acceptance).
pub async fn onboarded(app: &App, bid: &crate::domain::BeneficiaryId) -> ServiceResult<()> {
    let (bid, now) = (bid.clone(), app.now());
    let version = app.terms_version().to_owned();
    app.tx(move |tx| {
        let b = crate::store::beneficiaries::by_id(tx, &bid)?.ok_or(ServiceError::NotFound)?;
        onboarding::accept_terms(tx, &bid, &version, now)?;
        onboarding::guide_done(tx, &bid, now)?;
        journal(
            tx,
            now,
            Some(&bid),
            &JournalActor::beneficiary(&b.account_id),
            "terms_accepted",
            Some(("terms", version.as_str())),
            true,
        )
    })
    .await
}

/// The terms she accepted last, if any (her export).
pub(crate) async fn accepted_terms(
    app: &App,
    session: &Session,
) -> ServiceResult<Option<AcceptedTerms>> {
    let bid = own_session_safe(session)?;
    let row: OnboardingRow = app
        .read(move |tx| Ok(onboarding::of_beneficiary(tx, &bid)?))
        .await?;
    Ok(row.terms.map(|(version, at)| AcceptedTerms {
        version,
        accepted_at: crate::clock::rfc3339(at),
    }))
}
