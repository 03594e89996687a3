//! A structure's convention with the operator and its annual licences (issue 18, items 1
//! and 2). The operator records them; the structure's members read them; its admins and the
//! operator download the signed convention.
//!
//! The fee is `domain::licence::Pricing` applied to the declared budget when the licence is
//! recorded, and kept: a later change of `[licences]` does not reprice a year already sold.
//! A structure whose recorded licences all ended before today (in the platform's time zone) is
//! lapsed: it opens no new safe ([`ensure_open`], `licence_lapsed`) and its professionals see
//! a notice. Nothing else stops: people log in, download and export, and the structure keeps
//! reading what they share; no licence recorded at all (pilots, older structures) is not
//! lapsed. Every change lands in `convention_history` (who, when, which field, from, to).
//!
//! The signed PDF is the platform's own document, not a person's: checked like an upload
//! (`items::media::clean`), sealed in the blob store under a fresh content key that the
//! platform key seals (`conventions.document_key|<s>|<doc>`).

use crate::domain::licence::{ConventionStatus, euros, parse_euros};
use crate::domain::{ShortText, StructureId, StructureKind, iso_day, parse_iso_day};
use crate::policy::{Action, Resource};
use crate::service::access::allow;
use crate::service::contexts as ctx;
use crate::service::items::content::{read_blob, write_blob};
use crate::service::{App, ServiceError, ServiceResult, Session, new_id};
use crate::store::licences::{
    self as store, ConventionDocument, ConventionRow, HistoryRow, LicenceRow,
};
use crate::store::{Sql, structures};
use consigne_vault::Key32;
use serde::{Deserialize, Serialize, Serializer};

/// The largest signed convention accepted (bytes).
pub const MAX_DOCUMENT_BYTES: usize = 20 * 1024 * 1024;
/// How many changes the history shows.
const HISTORY_SHOWN: i64 = 200;

/// An amount in cents, written in JSON as a number of euros with two decimals at most.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Euros(pub i64);

impl Euros {
    /// `1234.50`, as pages show it.
    pub fn text(self) -> String {
        euros(self.0)
    }
}

impl Serialize for Euros {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Whole cents below 2^53 are exact as a JSON number; the arithmetic stays in cents.
        s.serialize_f64(self.0 as f64 / 100.0)
    }
}

/// A licence period and the convention as the operator records them (`API.md`, "Operations").
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LicenceInput {
    pub starts_on: String,
    pub ends_on: String,
    /// The declared annual budget in euros, as written (`450000`, `450000.50`).
    pub annual_budget_eur: String,
    pub convention: ConventionInput,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConventionInput {
    pub status: String,
    #[serde(default)]
    pub signed_on: Option<String>,
    /// Who signed, as free text (names and capacities).
    #[serde(default)]
    pub signatories: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocumentInfo {
    pub size: i64,
    /// SHA-256 of the PDF, hex.
    pub sha256: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ConventionView {
    /// `draft` until one is recorded.
    pub status: String,
    pub signed_on: Option<String>,
    pub signatories: Option<String>,
    pub document: Option<DocumentInfo>,
}

/// A structure's licence and convention (`GET`/`PUT /api/v1/structures/{sid}/licence`).
#[derive(Debug, Clone, Serialize)]
pub struct LicenceView {
    pub structure_id: StructureId,
    /// The licence that ends last; all `None` when none was recorded.
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub annual_budget_eur: Option<Euros>,
    /// The fee computed when the licence was recorded.
    pub fee_eur: Option<Euros>,
    pub lapsed: bool,
    pub convention: ConventionView,
}

/// One change, newest first on the operator's page.
#[derive(Debug, Clone)]
pub struct HistoryView {
    pub at: i64,
    pub actor_name: String,
    pub field: String,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
}

/// A structure's state on the operator's list.
#[derive(Debug, Clone)]
pub struct LicenceState {
    pub structure_id: StructureId,
    pub convention_status: Option<String>,
    pub licence_ends_on: Option<String>,
    pub lapsed: bool,
    /// `valid`, `ending` (within [`ENDING_DAYS`] days), `lapsed` or `none`.
    pub standing: Standing,
}

/// How close to its end a licence is for the operator's filters.
pub const ENDING_DAYS: i64 = 30;

/// A structure's licence on the operator's list and its filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// A licence that ends more than [`ENDING_DAYS`] days from today.
    Valid,
    /// A licence that ends today or within [`ENDING_DAYS`] days.
    Ending,
    /// Every licence ended before today.
    Lapsed,
    /// None recorded.
    None,
}

impl Standing {
    pub const ALL: [Standing; 4] = [
        Standing::Valid,
        Standing::Ending,
        Standing::Lapsed,
        Standing::None,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Valid => "valid",
            Standing::Ending => "ending",
            Standing::Lapsed => "lapsed",
            Standing::None => "none",
        }
    }

    /// A filter's value (`?state=`): one of [`Standing::as_str`].
    pub fn parse(raw: &str) -> Result<Self, crate::domain::InvalidInput> {
        Self::ALL
            .into_iter()
            .find(|s| s.as_str() == raw)
            .ok_or_else(|| crate::domain::InvalidInput::new("state", "invalid"))
    }

    /// The standing of a licence ending on `ends_on` (ISO days compare as text).
    fn of(ends_on: Option<&str>, today: &str, horizon: &str) -> Self {
        match ends_on {
            None => Standing::None,
            Some(e) if e < today => Standing::Lapsed,
            Some(e) if e <= horizon => Standing::Ending,
            Some(_) => Standing::Valid,
        }
    }
}

/// Today in the platform's time zone, `YYYY-MM-DD`.
fn today(app: &App) -> String {
    crate::clock::local(
        &crate::clock::zone(&app.config.reminders.time_zone),
        app.now(),
    )
    .date
}

/// Refuses what a lapsed structure may no longer do (open a safe), inside the caller's
/// transaction.
pub(crate) fn ensure_open(app: &App, tx: &mut dyn Sql, sid: &StructureId) -> ServiceResult<()> {
    if store::lapsed(tx, sid, &today(app))? {
        return Err(ServiceError::LicenceLapsed);
    }
    Ok(())
}

/// Whether structure `sid`'s licences all ended (for its professionals' notice).
pub async fn is_lapsed(app: &App, session: &Session, sid: &StructureId) -> ServiceResult<bool> {
    allow(session, Action::View, Resource::Structure { id: sid })?;
    let (sid, today) = (sid.clone(), today(app));
    app.read(move |tx| Ok(store::lapsed(tx, &sid, &today)?))
        .await
}

/// What a structure of `kind` declaring `budget` euros would pay a year, without recording
/// anything (the operator's quote). Returns (budget, fee) in cents.
pub fn quote(
    app: &App,
    session: &Session,
    kind: StructureKind,
    budget: &str,
) -> ServiceResult<(Euros, Euros)> {
    allow(session, Action::Create, Resource::Platform)?;
    let cents = parse_euros("annual_budget_eur", budget)?;
    Ok((
        Euros(cents),
        Euros(app.config.licences.pricing().fee_cents(kind, cents)),
    ))
}

fn view(
    sid: &StructureId,
    licence: Option<LicenceRow>,
    convention: Option<ConventionRow>,
    today: &str,
) -> LicenceView {
    let c = convention.unwrap_or_default();
    LicenceView {
        structure_id: sid.clone(),
        lapsed: licence.as_ref().is_some_and(|l| l.ends_on.as_str() < today),
        starts_on: licence.as_ref().map(|l| l.starts_on.clone()),
        ends_on: licence.as_ref().map(|l| l.ends_on.clone()),
        annual_budget_eur: licence.as_ref().map(|l| Euros(l.annual_budget_cents)),
        fee_eur: licence.as_ref().map(|l| Euros(l.fee_cents)),
        convention: ConventionView {
            status: if c.status.is_empty() {
                ConventionStatus::Draft.as_str().to_owned()
            } else {
                c.status
            },
            signed_on: c.signed_on,
            signatories: c.signatories,
            document: c.document.map(|d| DocumentInfo {
                size: d.size,
                sha256: d.sha256,
            }),
        },
    }
}

fn read_view(tx: &mut dyn Sql, sid: &StructureId, today: &str) -> ServiceResult<LicenceView> {
    if structures::by_id(tx, sid)?.is_none() {
        return Err(ServiceError::NotFound);
    }
    Ok(view(
        sid,
        store::latest(tx, sid)?,
        store::convention(tx, sid)?,
        today,
    ))
}

/// A structure's licence and convention: the operator and its members.
pub async fn licence_of(
    app: &App,
    session: &Session,
    sid: &StructureId,
) -> ServiceResult<LicenceView> {
    allow(session, Action::View, Resource::Structure { id: sid })?;
    let (sid, today) = (sid.clone(), today(app));
    app.read(move |tx| read_view(tx, &sid, &today)).await
}

/// The changes recorded for a structure, newest first: the operator.
pub async fn history_of(
    app: &App,
    session: &Session,
    sid: &StructureId,
) -> ServiceResult<Vec<HistoryView>> {
    allow(
        session,
        Action::ManageLicence,
        Resource::Structure { id: sid },
    )?;
    let sid = sid.clone();
    app.read(move |tx| {
        Ok(store::history(tx, &sid, HISTORY_SHOWN)?
            .into_iter()
            .map(|h| HistoryView {
                at: h.at,
                actor_name: h.actor_name,
                field: h.field,
                old_value: h.old_value,
                new_value: h.new_value,
            })
            .collect())
    })
    .await
}

/// Every structure's convention status, licence end and lapse: the operator's list.
pub async fn overview(app: &App, session: &Session) -> ServiceResult<Vec<LicenceState>> {
    allow(session, Action::Create, Resource::Platform)?;
    let today = today(app);
    let horizon = parse_iso_day("today", &today)
        .ok()
        .and_then(|d| d.checked_add(time::Duration::days(ENDING_DAYS)))
        .map(iso_day)
        .unwrap_or_else(|| today.clone());
    app.read(move |tx| {
        Ok(store::overview(tx)?
            .into_iter()
            .map(
                |(structure_id, convention_status, licence_ends_on)| LicenceState {
                    standing: Standing::of(licence_ends_on.as_deref(), &today, &horizon),
                    lapsed: licence_ends_on
                        .as_deref()
                        .is_some_and(|e| e < today.as_str()),
                    structure_id,
                    convention_status,
                    licence_ends_on,
                },
            )
            .collect())
    })
    .await
}

/// Records a structure's licence period (a new one, or the one starting the same day again)
/// and its convention; the fee is computed now. The operator only.
pub async fn record_licence(
    app: &App,
    session: &Session,
    sid: &StructureId,
    input: LicenceInput,
) -> ServiceResult<LicenceView> {
    allow(
        session,
        Action::ManageLicence,
        Resource::Structure { id: sid },
    )?;
    let starts = parse_iso_day("starts_on", &input.starts_on)?;
    let ends = parse_iso_day("ends_on", &input.ends_on)?;
    if ends < starts {
        return Err(crate::domain::InvalidInput::new("ends_on", "before_start").into());
    }
    let budget = parse_euros("annual_budget_eur", &input.annual_budget_eur)?;
    let status = ConventionStatus::parse(&input.convention.status)?;
    let signed_on = input
        .convention
        .signed_on
        .as_deref()
        .filter(|d| !d.trim().is_empty())
        .map(|d| parse_iso_day("signed_on", d).map(iso_day))
        .transpose()?;
    let signatories = input
        .convention
        .signatories
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .map(|s| ShortText::parse("signatories", s, 500).map(ShortText::into_string))
        .transpose()?;
    let pricing = app.config.licences.pricing();
    let (sid, now, today) = (sid.clone(), app.now(), today(app));
    let actor = (
        session.account_id.to_string(),
        session.keys.display_name.clone(),
    );
    app.tx(move |tx| {
        let structure = structures::by_id(tx, &sid)?.ok_or(ServiceError::NotFound)?;
        let licence = LicenceRow {
            id: new_id(),
            structure_id: sid.clone(),
            starts_on: iso_day(starts),
            ends_on: iso_day(ends),
            annual_budget_cents: budget,
            fee_cents: pricing.fee_cents(structure.kind, budget),
            recorded_by: actor.0.clone(),
            recorded_by_name: actor.1.clone(),
            recorded_at: now,
        };
        let before = store::starting(tx, &sid, &licence.starts_on)?;
        let old = store::convention(tx, &sid)?;
        let convention = ConventionRow {
            status: status.as_str().to_owned(),
            signed_on,
            signatories,
            document: old.as_ref().and_then(|c| c.document.clone()),
            updated_at: now,
        };
        let mut changes: Vec<(&str, Option<String>, Option<String>)> = Vec::new();
        let period = |l: &LicenceRow| format!("{} – {}", l.starts_on, l.ends_on);
        let amounts = |l: &LicenceRow| {
            format!(
                "{} € → {} €",
                euros(l.annual_budget_cents),
                euros(l.fee_cents)
            )
        };
        match &before {
            None => {
                changes.push(("licence_period", None, Some(period(&licence))));
                changes.push(("licence_budget", None, Some(amounts(&licence))));
            }
            Some(b) => {
                if b.ends_on != licence.ends_on {
                    changes.push(("licence_period", Some(period(b)), Some(period(&licence))));
                }
                if (b.annual_budget_cents, b.fee_cents)
                    != (licence.annual_budget_cents, licence.fee_cents)
                {
                    changes.push(("licence_budget", Some(amounts(b)), Some(amounts(&licence))));
                }
            }
        }
        let was = old.clone().unwrap_or_default();
        for (field, a, b) in [
            (
                "convention_status",
                old.as_ref().map(|c| c.status.clone()),
                Some(convention.status.clone()),
            ),
            (
                "convention_signed_on",
                was.signed_on.clone(),
                convention.signed_on.clone(),
            ),
            (
                "convention_signatories",
                was.signatories.clone(),
                convention.signatories.clone(),
            ),
        ] {
            if a != b {
                changes.push((field, a, b));
            }
        }
        store::upsert(tx, &licence)?;
        store::save_convention(tx, &sid, &convention)?;
        record_changes(tx, &sid, (now, &actor.0, &actor.1), changes)?;
        read_view(tx, &sid, &today)
    })
    .await
}

fn record_changes(
    tx: &mut dyn Sql,
    sid: &StructureId,
    (at, account, name): (i64, &str, &str),
    changes: Vec<(&str, Option<String>, Option<String>)>,
) -> ServiceResult<()> {
    for (field, old_value, new_value) in changes {
        store::add_history(
            tx,
            &new_id(),
            sid,
            &HistoryRow {
                at,
                actor_account: account.to_owned(),
                actor_name: name.to_owned(),
                field: field.to_owned(),
                old_value,
                new_value,
            },
        )?;
    }
    Ok(())
}

/// Stores the signed convention (a PDF, checked like an upload), replacing any earlier one.
/// The operator only.
pub async fn set_convention_document(
    app: &App,
    session: &Session,
    sid: &StructureId,
    bytes: Vec<u8>,
) -> ServiceResult<LicenceView> {
    allow(
        session,
        Action::ManageLicence,
        Resource::Structure { id: sid },
    )?;
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(ServiceError::TooLarge("file_too_large"));
    }
    if bytes.is_empty() {
        return Err(crate::domain::InvalidInput::new("file", "required").into());
    }
    let s2 = sid.clone();
    if app
        .read(move |tx| Ok(structures::by_id(tx, &s2)?))
        .await?
        .is_none()
    {
        return Err(ServiceError::NotFound);
    }
    let (clean, kind, _) = crate::service::items::media::clean(app, bytes).await?;
    if kind != consigne_media::Kind::Pdf {
        return Err(ServiceError::UnsupportedType("not_pdf"));
    }
    let doc = new_id();
    let key = Key32::random();
    let size = i64::try_from(clean.len()).map_err(|_| ServiceError::TooLarge("file_too_large"))?;
    let sealed = write_blob(app, &key, ctx::convention_document(sid, &doc), clean).await?;
    let key_sealed = app
        .platform
        .seal(&ctx::convention_document_key(sid, &doc), key.as_bytes());
    let (sid, now, today) = (sid.clone(), app.now(), today(app));
    let actor = (
        session.account_id.to_string(),
        session.keys.display_name.clone(),
    );
    let new_blob = sealed.blob_key.clone();
    let result = app
        .tx(move |tx| {
            let old = store::convention(tx, &sid)?;
            let mut convention = old.clone().unwrap_or_else(|| ConventionRow {
                status: ConventionStatus::Draft.as_str().to_owned(),
                ..ConventionRow::default()
            });
            let old_doc = convention.document.take();
            convention.document = Some(ConventionDocument {
                id: doc,
                blob: sealed.blob_key,
                key_sealed,
                sha256: sealed.sha256.clone(),
                blob_sha256: sealed.blob_sha256,
                size,
            });
            convention.updated_at = now;
            store::save_convention(tx, &sid, &convention)?;
            record_changes(
                tx,
                &sid,
                (now, &actor.0, &actor.1),
                vec![(
                    "convention_document",
                    old_doc.as_ref().map(|d| d.sha256.clone()),
                    Some(sealed.sha256),
                )],
            )?;
            Ok((read_view(tx, &sid, &today)?, old_doc.map(|d| d.blob)))
        })
        .await;
    match result {
        Ok((view, old_blob)) => {
            // The replaced PDF's blob goes now (or with the orphan collection).
            if let Some(old) = old_blob
                && let Err(e) = app.blobs.delete(&old)
            {
                tracing::warn!(error = %e, "convention blob left for orphan collection");
            }
            Ok(view)
        }
        Err(e) => {
            let _ = app.blobs.delete(&new_blob);
            Err(e)
        }
    }
}

/// The signed convention's PDF: the operator and the structure's admins. `None`: none stored.
pub async fn convention_document(
    app: &App,
    session: &Session,
    sid: &StructureId,
) -> ServiceResult<Vec<u8>> {
    allow(
        session,
        Action::ReadConvention,
        Resource::Structure { id: sid },
    )?;
    let s2 = sid.clone();
    let doc = app
        .read(move |tx| Ok(store::convention(tx, &s2)?.and_then(|c| c.document)))
        .await?
        .ok_or(ServiceError::NotFound)?;
    let key = app
        .platform
        .open(&ctx::convention_document_key(sid, &doc.id), &doc.key_sealed)?;
    let key = Key32::from_bytes(
        key.as_slice()
            .try_into()
            .map_err(|_| ServiceError::Internal("convention key"))?,
    );
    let (bytes, digest) =
        read_blob(app, &key, ctx::convention_document(sid, &doc.id), doc.blob).await?;
    if hex::encode(digest) != doc.sha256 {
        return Err(ServiceError::Internal("convention digest"));
    }
    Ok(bytes)
}
