//! Domiciliation (issue 16, item 2): a structure's decision on a person's request for an
//! address (décret 2016-641), and the official papers filled from it.
//!
//! A record is an item of her safe of the kind `domiciliation`: the decision (first request or
//! renewal, its day, granted or refused with the reason) and the validity it gives are sealed
//! in its metadata under the item's own key, wrapped to her public key and shared with the
//! structure that decided (the operator reads none of it), journaled. Its dates follow
//! `domain::domiciliation_period`: a renewal continues the previous record of the same
//! structure when that one still runs. Two documents land in her safe, added by the
//! professional in the structure's name (shared with it, in her journal): the request with its
//! decision (cerfa 16029, type `other`), which for a refusal is the written, reasoned decision
//! DomiFa gives too, and, when granted, the certificate (cerfa 16030, type
//! `domiciliation_certificate`) whose end date is the domiciliation's, so that the reminders
//! of papers to renew fire before it ends. The forms are filled by `consigne_media::fill_form`
//! from her sealed identity, the structure's profile and the record (`cerfa.rs`).

use crate::domain::{
    BeneficiaryId, DomiciliationKind, InvalidInput, ItemId, ItemKind, ShortText, StructureId,
    domiciliation_period, iso_day, parse_iso_day,
};
use crate::policy::{Action, Actor, Resource};
use crate::service::Session;
use crate::service::access::{allow, allow_on_safe};
use crate::service::auth::identity::IdentityRecord;
use crate::service::beneficiaries::identity_key_of;
use crate::service::items::documents;
use crate::service::items::media::media_limits;
use crate::service::items::open::{Opened, journal_access, visible_items};
use crate::service::items::seal::{open_meta, seal_meta};
use crate::service::items::wrap::{insert_item, new_item_row, new_item_wraps};
use crate::service::proofs::cerfa::{
    self, CERTIFICATE, Decision, Person, REQUEST, certificate_fields, request_fields,
};
use crate::service::proofs::profile::{ProfileView, profile_in};
use crate::service::{App, DocumentView, PaperDetails, ServiceError, ServiceResult};
use crate::store::{accounts, beneficiaries};
use consigne_vault::Key32;
use serde::{Deserialize, Serialize};
use time::Date;

/// What the professional records (`POST /structures/{sid}/people/{bid}/domiciliations`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DomiciliationInput {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub decision_on: String,
    #[serde(default)]
    pub granted: Option<bool>,
    #[serde(default)]
    pub refusal_reason: Option<String>,
    /// Her place of birth as she gives it (not in her identity record), printed on the forms.
    #[serde(default)]
    pub birth_place: Option<String>,
}

/// What the item's key seals.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Sealed {
    /// Ids as their text (the id types are parsed at the edges, never deserialized).
    structure_id: String,
    kind: DomiciliationKind,
    decision_on: Date,
    granted: bool,
    refusal_reason: Option<String>,
    starts_on: Option<Date>,
    ends_on: Option<Date>,
    request: String,
    certificate: Option<String>,
}

/// The two documents a record made in her safe.
#[derive(Debug, Clone, Serialize)]
pub struct DomiciliationDocuments {
    pub request: ItemId,
    pub certificate: Option<ItemId>,
}

/// A record as API.md shows it: `{id, starts_on, ends_on, documents: {request, certificate}}`
/// and the decision.
#[derive(Clone, Serialize)]
pub struct DomiciliationView {
    pub id: ItemId,
    pub structure_id: StructureId,
    pub kind: DomiciliationKind,
    pub decision_on: String,
    pub granted: bool,
    pub refusal_reason: Option<String>,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub documents: DomiciliationDocuments,
    pub created_at: String,
}

/// Her situation is never logged.
impl std::fmt::Debug for DomiciliationView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DomiciliationView({}, [redacted])", self.id)
    }
}

/// The decision as checked: kind, day, and the reason when refused (required then).
fn parse_input(
    input: &DomiciliationInput,
) -> Result<(DomiciliationKind, Date, Option<String>, Option<String>), InvalidInput> {
    let kind = DomiciliationKind::parse(input.kind.trim())?;
    let decision_on = parse_iso_day("decision_on", &input.decision_on)?;
    let granted = input
        .granted
        .ok_or(InvalidInput::new("granted", "required"))?;
    let reason = input
        .refusal_reason
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    let reason = match (granted, reason) {
        (true, _) => None,
        (false, None) => return Err(InvalidInput::new("refusal_reason", "required")),
        (false, Some(r)) => Some(multiline("refusal_reason", r, 1000)?),
    };
    let birth_place = input
        .birth_place
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| ShortText::parse("birth_place", p, 80).map(ShortText::into_string))
        .transpose()?;
    Ok((kind, decision_on, reason, birth_place))
}

/// A text of a few lines: each one cleaned like a short text, at most `max` characters.
fn multiline(field: &'static str, raw: &str, max: usize) -> Result<String, InvalidInput> {
    let lines: Vec<String> = raw
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    let text = lines.join("\n");
    if text.chars().count() > max || text.chars().any(|c| c.is_control() && c != '\n') {
        return Err(InvalidInput::new(field, "too_long"));
    }
    Ok(text)
}

fn view_of(app: &App, o: &Opened) -> ServiceResult<DomiciliationView> {
    let s: Sealed = open_meta(app, &o.row, &o.key)?;
    Ok(view(&o.row.id, o.row.created_at, s))
}

fn view(id: &ItemId, created_at: i64, s: Sealed) -> DomiciliationView {
    DomiciliationView {
        id: id.clone(),
        structure_id: StructureId::stored(s.structure_id),
        kind: s.kind,
        decision_on: iso_day(s.decision_on),
        granted: s.granted,
        refusal_reason: s.refusal_reason,
        starts_on: s.starts_on.map(iso_day),
        ends_on: s.ends_on.map(iso_day),
        documents: DomiciliationDocuments {
            request: ItemId::stored(s.request),
            certificate: s.certificate.map(ItemId::stored),
        },
        created_at: crate::clock::rfc3339(created_at),
    }
}

/// The records of structure `sid` about her that the caller may open, oldest first.
async fn records_of(
    app: &App,
    session: &Session,
    bid: &BeneficiaryId,
    sid: &StructureId,
) -> ServiceResult<Vec<(ItemId, i64, Sealed)>> {
    let mut out = Vec::new();
    for o in visible_items(app, session, bid, ItemKind::Domiciliation).await? {
        let s: Sealed = open_meta(app, &o.row, &o.key)?;
        if s.structure_id == sid.as_str() {
            out.push((o.row.id.clone(), o.row.created_at, s));
        }
    }
    out.sort_by_key(|(_, at, s)| (s.decision_on, *at));
    Ok(out)
}

/// Today in the platform's time zone: the day the papers are signed.
pub(crate) fn today(app: &App) -> ServiceResult<Date> {
    let zone = crate::clock::zone(&app.config.reminders.time_zone);
    parse_iso_day("today", &crate::clock::local(&zone, app.now()).date)
        .map_err(|_| ServiceError::Internal("today"))
}

/// Fills one form on the blocking pool.
async fn fill(
    app: &App,
    form: cerfa::Cerfa,
    fields: Vec<(&'static str, consigne_media::FieldValue)>,
) -> ServiceResult<Vec<u8>> {
    let template = form.checked()?;
    let limits = media_limits(app);
    tokio::task::spawn_blocking(move || consigne_media::fill_form(template, &fields, &limits))
        .await
        .map_err(|_| ServiceError::Internal("cerfa task"))?
        .map_err(|e| {
            tracing::error!(cerfa = form.number, error = %e, "a cerfa could not be filled");
            ServiceError::Internal("cerfa")
        })
}

/// The structure `sid` may give her papers: the caller is one of its members, it follows
/// her, its profile is written. Returns the profile and her relais row list for `sid` only.
pub(crate) async fn issuer(
    app: &App,
    session: &Session,
    sid: &StructureId,
    bid: &BeneficiaryId,
) -> ServiceResult<(ProfileView, Vec<u8>, Vec<beneficiaries::RelayRow>)> {
    allow(session, Action::IssueProof, Resource::Structure { id: sid })?;
    if session.keys.structure_key(sid).is_none() {
        return Err(ServiceError::AccessPending);
    }
    let (s2, b2) = (sid.clone(), bid.clone());
    let (profile, public, relays) = app
        .read(move |tx| {
            let b = beneficiaries::by_id(tx, &b2)?.ok_or(ServiceError::NotFound)?;
            let account = accounts::by_id(tx, &b.account_id)?.ok_or(ServiceError::NotFound)?;
            let relays: Vec<_> = beneficiaries::relays_of(tx, &b2)?
                .into_iter()
                .filter(|r| r.structure_id == s2)
                .collect();
            Ok((profile_in(tx, &s2)?, account.public_key, relays))
        })
        .await?;
    // Not one of her relais: the same 404 as a missing person.
    allow_on_safe(session, Action::AddItem, bid, &relays)?;
    let profile = profile.ok_or(ServiceError::Conflict("profile_missing"))?;
    Ok((profile, public, relays))
}

/// Adds a paper the server made to her safe, in the name of `sid`.
pub(crate) async fn add_made_paper(
    app: &App,
    session: &Session,
    bid: &BeneficiaryId,
    sid: &StructureId,
    (name, file_name): (String, &str),
    bytes: Vec<u8>,
    (doc_type, expires_on): (&str, Option<Date>),
) -> ServiceResult<DocumentView> {
    let paper = PaperDetails {
        doc_type: Some(doc_type.to_owned()),
        expires_on: expires_on.map(iso_day),
        via: Some(sid.clone()),
    };
    documents::add_made_paper(app, session, bid, (name, file_name, bytes), paper).await
}

/// Records a domiciliation decision of structure `sid` about person `bid`, fills the forms
/// and puts them in her safe.
pub async fn record_domiciliation(
    app: &App,
    session: &Session,
    sid: &StructureId,
    bid: &BeneficiaryId,
    input: &DomiciliationInput,
) -> ServiceResult<DomiciliationView> {
    let (profile, public, relays) = issuer(app, session, sid, bid).await?;
    if !profile.category.domiciles() {
        return Err(ServiceError::Conflict("not_a_domiciliation_body"));
    }
    let (kind, decision_on, refusal_reason, birth_place) = parse_input(input)?;
    let granted = refusal_reason.is_none();
    let (ik, _, row) = identity_key_of(app, session, bid, Action::AddItem).await?;
    let identity = IdentityRecord::open(app, &ik, &row.id, &row.identity_sealed)?;
    let person = Person {
        first_name: identity.first_name.clone(),
        last_name: identity.last_name.clone(),
        birth_date: parse_iso_day("birth_date", &identity.birth_date)
            .map_err(|_| ServiceError::Internal("birth date in the identity record"))?,
        birth_place,
    };
    let history = records_of(app, session, bid, sid).await?;
    let granted_before = history.iter().filter(|(_, _, s)| s.granted);
    let previous_end = granted_before
        .clone()
        .filter_map(|(_, _, s)| s.ends_on)
        .max();
    let first_on = granted_before.filter_map(|(_, _, s)| s.starts_on).min();
    let period = granted.then(|| domiciliation_period(kind, decision_on, previous_end));
    let decision = Decision {
        kind,
        period,
        refusal_reason: refusal_reason.clone(),
        first_on,
    };
    let today = today(app)?;
    let request_pdf = fill(
        app,
        REQUEST,
        request_fields(&profile, &person, &decision, today),
    )
    .await?;
    let certificate_pdf = match certificate_fields(&profile, &person, &decision, today) {
        Some(fields) => Some(fill(app, CERTIFICATE, fields).await?),
        None => None,
    };
    let request = add_made_paper(
        app,
        session,
        bid,
        sid,
        (
            format!("Demande d'élection de domicile (cerfa {})", REQUEST.number),
            "cerfa_16029_demande.pdf",
        ),
        request_pdf,
        ("other", None),
    )
    .await?;
    let certificate = match (certificate_pdf, period) {
        (Some(pdf), Some((_, end))) => Some(
            add_made_paper(
                app,
                session,
                bid,
                sid,
                (
                    format!(
                        "Attestation d'élection de domicile (cerfa {})",
                        CERTIFICATE.number
                    ),
                    "cerfa_16030_attestation.pdf",
                ),
                pdf,
                ("domiciliation_certificate", Some(end)),
            )
            .await?,
        ),
        _ => None,
    };
    let sealed = Sealed {
        structure_id: sid.as_str().to_owned(),
        kind,
        decision_on,
        granted,
        refusal_reason,
        starts_on: period.map(|p| p.0),
        ends_on: period.map(|p| p.1),
        request: request.id.as_str().to_owned(),
        certificate: certificate.map(|c| c.id.as_str().to_owned()),
    };
    let (id, key) = (ItemId::generate(), Key32::random());
    let wraps = new_item_wraps(app, session, bid, &id, &key, &public, &relays)?;
    let row = new_item_row(
        session,
        bid,
        &id,
        ItemKind::Domiciliation,
        seal_meta(app, &key, bid, &id, &sealed),
        wraps,
        app.now(),
    );
    insert_item(app, session, &row, &key, ("domiciliation_recorded", None)).await?;
    Ok(view(&row.id, row.created_at, sealed))
}

/// Her domiciliation records the caller may see (she: all of them; a member of a structure:
/// those shared with it), oldest decision first. A professional's reading is in her journal
/// (`domiciliation_viewed`, one line per record shown).
pub async fn list_domiciliations(
    app: &App,
    session: &Session,
    bid: &BeneficiaryId,
) -> ServiceResult<Vec<DomiciliationView>> {
    let opened = visible_items(app, session, bid, ItemKind::Domiciliation).await?;
    let mut out = opened
        .iter()
        .map(|o| view_of(app, o))
        .collect::<ServiceResult<Vec<_>>>()?;
    if !matches!(session.actor, Actor::Beneficiary { .. }) {
        for o in &opened {
            journal_access(app, session, o, "domiciliation_viewed").await?;
        }
    }
    out.sort_by(|a, b| (&a.decision_on, &a.created_at).cmp(&(&b.decision_on, &b.created_at)));
    Ok(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn input(kind: &str, granted: Option<bool>, reason: Option<&str>) -> DomiciliationInput {
        DomiciliationInput {
            kind: kind.into(),
            decision_on: "2026-12-03".into(),
            granted,
            refusal_reason: reason.map(str::to_owned),
            birth_place: None,
        }
    }

    #[test]
    fn a_refusal_needs_its_reason_and_a_grant_drops_one() {
        let field = |i: DomiciliationInput| parse_input(&i).unwrap_err().field;
        assert_eq!(field(input("first", Some(false), None)), "refusal_reason");
        assert_eq!(
            field(input("first", Some(false), Some("  "))),
            "refusal_reason"
        );
        assert_eq!(field(input("first", None, None)), "granted");
        assert_eq!(field(input("again", Some(true), None)), "kind");
        assert_eq!(
            field(DomiciliationInput {
                decision_on: "03/12/2026".into(),
                ..input("first", Some(true), None)
            }),
            "decision_on"
        );
        let (_, _, reason, _) = parse_input(&input("renewal", Some(true), Some("x"))).unwrap();
        assert_eq!(reason, None);
        let (_, _, reason, _) = parse_input(&input(
            "first",
            Some(false),
            Some(" Pas de lien \n\n avec la commune "),
        ))
        .unwrap();
        assert_eq!(reason.as_deref(), Some("Pas de lien\navec la commune"));
    }
}
