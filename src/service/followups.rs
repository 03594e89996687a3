//! Follow-ups (interview reports) a structure writes about a person it follows: date, medium,
//! subjects, status, due date, documents of her safe shared with the structure, and two texts.
//!
//! The hard part is who reads which text. The part shared with her is sealed to her public
//! key (`shared_sealed`: she opens it with her key pair, the structure cannot after writing
//! it, so it keeps its own copy); both parts are sealed under the structure's follow-up key
//! F_s, derived from the structure's private key like its directory key (`structure_sealed`,
//! re-sealed at a key rotation by `reseal_stale`). The platform key then seals each column
//! like every sealed column: the operator, another structure, a mediation structure and the
//! platform admin read neither part, and she never reads the private one. What statistics
//! count stays clear on the row (docs/threat-model.md): structure, person, author, date,
//! medium, status, due date, subjects.

use crate::domain::{
    AccountId, BeneficiaryId, FollowupId, FollowupStatus, ItemId, Medium, ShortText, StructureId,
    SubjectCode, parse_day,
};
use crate::domain::{FIXED_SUBJECTS, InvalidInput};
use crate::policy::{Action, Resource};
use crate::service::access::{allow, own_safe};
use crate::service::contexts as ctx;
use crate::service::journal::{actor_of, journal};
use crate::service::{App, NamedRef, ServiceError, ServiceResult, Session};
use crate::store::followups::{self as store, FollowupRow};
use crate::store::{Sql, accounts, beneficiaries};
use consigne_vault::{Key32, PlatformKey, PublicKey};
use serde::{Deserialize, Serialize};

/// The longest text of either part, in characters.
pub const MAX_TEXT: usize = 20_000;
const MAX_LIST: usize = 30;

/// What a professional writes, or changes (`PATCH`: an absent field keeps its value; an
/// empty text or due date removes it).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowupInput {
    pub date: Option<String>,
    pub medium: Option<String>,
    pub subjects: Option<Vec<String>>,
    pub status: Option<String>,
    pub shared_text: Option<String>,
    pub private_text: Option<String>,
    pub due_on: Option<String>,
    pub document_ids: Option<Vec<String>>,
}

/// A follow-up as its structure's members read it.
#[derive(Debug, Clone, Serialize)]
pub struct FollowupView {
    pub id: FollowupId,
    pub structure_id: StructureId,
    pub beneficiary_id: BeneficiaryId,
    pub author: NamedRef<AccountId>,
    pub date: String,
    pub medium: String,
    pub subjects: Vec<String>,
    pub status: String,
    pub due_on: Option<String>,
    pub shared_text: Option<String>,
    pub private_text: Option<String>,
    pub document_ids: Vec<ItemId>,
    pub created_at: String,
    pub updated_at: String,
}

/// A follow-up as she reads it: the shared part only.
#[derive(Debug, Clone, Serialize)]
pub struct SharedFollowupView {
    pub id: FollowupId,
    pub date: String,
    pub medium: String,
    pub structure: NamedRef<StructureId>,
    pub author: String,
    pub shared_text: String,
}

/// A subject a follow-up may have: the fixed ones (`label` none: the pages translate the
/// code) and those the structure added.
#[derive(Debug, Clone, Serialize)]
pub struct SubjectView {
    pub code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// What F_s seals: both parts.
#[derive(Serialize, Deserialize, Default)]
struct Texts {
    shared: Option<String>,
    private: Option<String>,
}

fn followup_key(secret: &Key32, sid: &StructureId) -> Key32 {
    consigne_vault::derive_key(secret.as_bytes(), &ctx::followup_key(sid))
}

fn seal_texts(
    platform: &PlatformKey,
    secret: &Key32,
    row: (&BeneficiaryId, &StructureId, &FollowupId),
    texts: &Texts,
) -> Vec<u8> {
    let aad = ctx::followup_structure(row.0, row.1, row.2);
    let json = zeroize::Zeroizing::new(serde_json::to_vec(texts).unwrap_or_default());
    platform.seal(
        &aad,
        &consigne_vault::seal(&followup_key(secret, row.1), &aad, &json),
    )
}

/// Opens both parts with whichever of `secrets` sealed them (newest first).
fn open_texts(
    platform: &PlatformKey,
    secrets: &[Key32],
    row: (&BeneficiaryId, &StructureId, &FollowupId),
    sealed: &[u8],
) -> Option<Texts> {
    let aad = ctx::followup_structure(row.0, row.1, row.2);
    let inner = platform.open(&aad, sealed).ok()?;
    let json = secrets.iter().find_map(|s| {
        consigne_vault::open(&followup_key(s, row.1), &aad, &inner)
            .ok()
            .map(zeroize::Zeroizing::new)
    })?;
    serde_json::from_slice(&json).ok()
}

fn seal_shared(
    platform: &PlatformKey,
    public: &PublicKey,
    bid: &BeneficiaryId,
    id: &FollowupId,
    text: &str,
) -> Vec<u8> {
    let aad = ctx::followup_shared(bid, id);
    platform.seal(
        &aad,
        &consigne_vault::seal_to(public, &aad, text.as_bytes()),
    )
}

/// A key rotation's batch: each follow-up's texts sealed again with the newest of `secrets`;
/// one no version opens is marked as moved and said in the log. Returns how many moved.
pub(super) fn reseal_stale(
    platform: &PlatformKey,
    tx: &mut dyn Sql,
    (sid, secrets, version): (&StructureId, &[Key32], i64),
    stale: &[(FollowupId, BeneficiaryId, Vec<u8>)],
) -> ServiceResult<usize> {
    let Some(newest) = secrets.first() else {
        return Ok(0);
    };
    for (id, bid, sealed) in stale {
        let row = (bid, sid, id);
        let new = open_texts(platform, secrets, row, sealed)
            .map(|t| seal_texts(platform, newest, row, &t));
        if new.is_none() {
            tracing::warn!(structure = %sid, "a follow-up no structure key version opens was left as it was");
        }
        store::reseal(tx, id, sealed, new.as_deref(), version)?;
    }
    Ok(stale.len())
}

/// A text of either part: line breaks and tabs kept, other control characters refused,
/// blank is none.
fn text(field: &'static str, raw: Option<&str>) -> Result<Option<String>, InvalidInput> {
    let Some(t) = raw.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    if t.chars().count() > MAX_TEXT {
        return Err(InvalidInput::new(field, "too_long"));
    }
    if t.chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(InvalidInput::new(field, "invalid"));
    }
    Ok(Some(t.replace("\r\n", "\n")))
}

/// The metadata of a follow-up, validated.
struct Meta {
    date: String,
    medium: Medium,
    status: FollowupStatus,
    due_on: Option<String>,
    subjects: Vec<String>,
    documents: Vec<ItemId>,
}

fn list<T>(
    field: &'static str,
    raw: &[String],
    parse: impl Fn(&str) -> Result<T, InvalidInput>,
) -> Result<Vec<T>, InvalidInput> {
    if raw.len() > MAX_LIST {
        return Err(InvalidInput::new(field, "invalid"));
    }
    raw.iter().map(|r| parse(r)).collect()
}

/// Merges `input` over `old` (none for a new follow-up: date, medium and status required).
fn meta(
    input: &FollowupInput,
    old: Option<(&FollowupRow, Vec<String>, Vec<ItemId>)>,
) -> Result<Meta, InvalidInput> {
    let required = |v: &Option<String>, old: Option<&str>, field| match (v, old) {
        (Some(v), _) => Ok(v.clone()),
        (None, Some(o)) => Ok(o.to_owned()),
        (None, None) => Err(InvalidInput::new(field, "required")),
    };
    let o = old.as_ref().map(|(r, _, _)| *r);
    let date = parse_day(
        "date",
        &required(&input.date, o.map(|r| r.date.as_str()), "date")?,
    )?;
    let medium = Medium::parse(&required(
        &input.medium,
        o.map(|r| r.medium.as_str()),
        "medium",
    )?)?;
    let status = FollowupStatus::parse(&required(
        &input.status,
        o.map(|r| r.status.as_str()),
        "status",
    )?)?;
    let due_on = match (&input.due_on, o) {
        (Some(d), _) if d.trim().is_empty() => None,
        (Some(d), _) => Some(parse_day("due_on", d)?),
        (None, Some(r)) => r.due_on.clone(),
        (None, None) => None,
    };
    let (old_subjects, old_documents) = old.map(|(_, s, d)| (s, d)).unwrap_or_default();
    let mut subjects = match &input.subjects {
        Some(s) => list("subjects", s, |r| {
            SubjectCode::parse(r.trim()).map(|c| c.as_str().to_owned())
        })?,
        None => old_subjects,
    };
    subjects.sort();
    subjects.dedup();
    let mut documents = match &input.document_ids {
        Some(d) => list("document_ids", d, |r| {
            ItemId::parse(r.trim()).map_err(|_| InvalidInput::new("document_ids", "invalid"))
        })?,
        None => old_documents,
    };
    documents.sort();
    documents.dedup();
    Ok(Meta {
        date,
        medium,
        status,
        due_on,
        subjects,
        documents,
    })
}

/// The policy's answer for `sid` on her follow-ups, and the structure key's versions the
/// session holds (none: `AccessPending`).
fn structure_side(
    session: &Session,
    sid: &StructureId,
    action: Action,
    (follows_her, known): (bool, bool),
) -> ServiceResult<Vec<Key32>> {
    allow(
        session,
        action,
        Resource::Followups {
            structure: sid,
            follows_her,
            known,
        },
    )?;
    let secrets = App::structure_secrets(session, sid);
    if secrets.is_empty() {
        return Err(ServiceError::AccessPending);
    }
    Ok(secrets)
}

/// What a write needs to know, read in its transaction: whether `sid` follows her, whether
/// it wrote about her before, her public key (none once her safe is closed).
fn situation(
    tx: &mut dyn Sql,
    sid: &StructureId,
    bid: &BeneficiaryId,
) -> ServiceResult<(bool, bool, Option<Vec<u8>>)> {
    let follows = beneficiaries::relay(tx, bid, sid)?.is_some();
    let known = follows || !store::of_person(tx, sid, bid)?.is_empty();
    let public = match beneficiaries::by_id(tx, bid)? {
        Some(b) => accounts::by_id(tx, &b.account_id)?.map(|a| a.public_key),
        None => None,
    };
    Ok((follows, known, public))
}

/// The subjects and documents a follow-up of `sid` may have: known subjects, documents of
/// hers shared with `sid`.
fn check_references(
    tx: &mut dyn Sql,
    sid: &StructureId,
    bid: &BeneficiaryId,
    meta: &Meta,
) -> ServiceResult<()> {
    let own: Vec<String> = store::structure_subjects(tx, sid)?
        .into_iter()
        .map(|(c, _)| c)
        .collect();
    if meta
        .subjects
        .iter()
        .any(|s| !FIXED_SUBJECTS.contains(&s.as_str()) && !own.contains(s))
    {
        return Err(InvalidInput::new("subjects", "invalid").into());
    }
    for d in &meta.documents {
        if !store::document_shared(tx, d, bid, sid)? {
            return Err(InvalidInput::new("document_ids", "invalid").into());
        }
    }
    Ok(())
}

/// The row's sealed columns for `texts`.
fn sealed_columns(
    app: &App,
    secret: &Key32,
    row: (&BeneficiaryId, &StructureId, &FollowupId),
    public: Option<&[u8]>,
    texts: &Texts,
) -> ServiceResult<(Option<Vec<u8>>, Vec<u8>)> {
    let shared = match (&texts.shared, public) {
        (Some(t), Some(p)) => Some(seal_shared(
            &app.platform,
            &PublicKey::from_slice(p)?,
            row.0,
            row.2,
            t,
        )),
        _ => None,
    };
    Ok((shared, seal_texts(&app.platform, secret, row, texts)))
}

/// A follow-up of `sid` about her, written by the session's professional. A shared part
/// appears in her journal ("Claire wrote a report of your meeting").
pub async fn create_followup(
    app: &App,
    session: &Session,
    sid: &StructureId,
    bid: &BeneficiaryId,
    input: FollowupInput,
) -> ServiceResult<FollowupView> {
    let meta = meta(&input, None)?;
    let texts = Texts {
        shared: text("shared_text", input.shared_text.as_deref())?,
        private: text("private_text", input.private_text.as_deref())?,
    };
    let (sid, bid) = (sid.clone(), bid.clone());
    let (s2, b2) = (sid.clone(), bid.clone());
    let (follows, known, public) = app.read(move |tx| situation(tx, &s2, &b2)).await?;
    let secrets = structure_side(session, &sid, Action::AddItem, (follows, known))?;
    let id = FollowupId::generate();
    let now = app.now();
    let secret = secrets.first().ok_or(ServiceError::AccessPending)?;
    let (shared_sealed, structure_sealed) =
        sealed_columns(app, secret, (&bid, &sid, &id), public.as_deref(), &texts)?;
    let row = FollowupRow {
        id: id.clone(),
        structure_id: sid.clone(),
        beneficiary_id: bid.clone(),
        author_account: session.account_id.clone(),
        author_name: session.keys.display_name.clone(),
        date: meta.date.clone(),
        medium: meta.medium.as_str().to_owned(),
        status: meta.status.as_str().to_owned(),
        due_on: meta.due_on.clone(),
        shared_sealed,
        structure_sealed,
        created_at: now,
        updated_at: now,
    };
    let actor = actor_of(session, Some(&sid));
    let written = row.clone();
    app.tx(move |tx| {
        check_references(tx, &written.structure_id, &written.beneficiary_id, &meta)?;
        store::insert(tx, &written)?;
        store::set_subjects(tx, &written.id, &meta.subjects)?;
        store::set_documents(tx, &written.id, &meta.documents)?;
        journal_written(tx, now, &written, &actor)?;
        Ok(())
    })
    .await?;
    let (subjects, documents) = references_of(app, &row.id).await?;
    Ok(view(&row, texts, subjects, documents))
}

/// "Claire wrote a report of your meeting", in her journal, when the row has a part for her.
fn journal_written(
    tx: &mut dyn Sql,
    now: i64,
    row: &FollowupRow,
    actor: &crate::service::journal::JournalActor,
) -> ServiceResult<()> {
    if row.shared_sealed.is_none() {
        return Ok(());
    }
    journal(
        tx,
        now,
        Some(&row.beneficiary_id),
        actor,
        "followup_written",
        Some(("followup", row.id.as_str())),
        true,
    )
}

async fn references_of(app: &App, id: &FollowupId) -> ServiceResult<(Vec<String>, Vec<ItemId>)> {
    let id = id.clone();
    app.read(move |tx| {
        Ok((
            store::subjects_of(tx, &[&id])?
                .into_iter()
                .map(|(_, s)| s)
                .collect(),
            store::documents_of(tx, &[&id])?
                .into_iter()
                .map(|(_, d)| d)
                .collect(),
        ))
    })
    .await
}

fn view(
    row: &FollowupRow,
    texts: Texts,
    subjects: Vec<String>,
    documents: Vec<ItemId>,
) -> FollowupView {
    FollowupView {
        id: row.id.clone(),
        structure_id: row.structure_id.clone(),
        beneficiary_id: row.beneficiary_id.clone(),
        author: NamedRef {
            id: row.author_account.clone(),
            name: row.author_name.clone(),
        },
        date: row.date.clone(),
        medium: row.medium.clone(),
        subjects,
        status: row.status.clone(),
        due_on: row.due_on.clone(),
        shared_text: texts.shared,
        private_text: texts.private,
        document_ids: documents,
        created_at: crate::clock::rfc3339(row.created_at),
        updated_at: crate::clock::rfc3339(row.updated_at),
    }
}

/// What `sid` wrote about her, newest first, both parts (its members only). Listing
/// journals nothing: the texts are the structure's own.
pub async fn followups_of(
    app: &App,
    session: &Session,
    sid: &StructureId,
    bid: &BeneficiaryId,
) -> ServiceResult<Vec<FollowupView>> {
    let (s2, b2) = (sid.clone(), bid.clone());
    let (rows, subjects, documents, follows) = app
        .read(move |tx| {
            let rows = store::of_person(tx, &s2, &b2)?;
            let ids: Vec<&FollowupId> = rows.iter().map(|r| &r.id).collect();
            let subjects = store::subjects_of(tx, &ids)?;
            let documents = store::documents_of(tx, &ids)?;
            let follows = beneficiaries::relay(tx, &b2, &s2)?.is_some();
            Ok((rows, subjects, documents, follows))
        })
        .await?;
    let secrets = structure_side(
        session,
        sid,
        Action::View,
        (follows, follows || !rows.is_empty()),
    )?;
    Ok(rows
        .iter()
        .map(|r| {
            let texts = open_texts(
                &app.platform,
                &secrets,
                (&r.beneficiary_id, &r.structure_id, &r.id),
                &r.structure_sealed,
            )
            .unwrap_or_default();
            let s = subjects
                .iter()
                .filter(|(f, _)| *f == r.id)
                .map(|(_, s)| s.clone());
            let d = documents
                .iter()
                .filter(|(f, _)| *f == r.id)
                .map(|(_, d)| d.clone());
            view(r, texts, s.collect(), d.collect())
        })
        .collect())
}

/// One follow-up of `sid`, its row and opened texts, for a change (the structure's members).
async fn followup_for_change(
    app: &App,
    session: &Session,
    sid: &StructureId,
    id: &FollowupId,
) -> ServiceResult<(FollowupRow, Vec<Key32>, Vec<String>, Vec<ItemId>)> {
    let (s2, i2) = (sid.clone(), id.clone());
    let (row, subjects, documents) = app
        .read(move |tx| {
            let row = store::by_id(tx, &i2)?
                .filter(|r| r.structure_id == s2)
                .ok_or(ServiceError::NotFound)?;
            let subjects = store::subjects_of(tx, &[&i2])?;
            let documents = store::documents_of(tx, &[&i2])?;
            Ok((row, subjects, documents))
        })
        .await?;
    let secrets = structure_side(session, sid, Action::Update, (false, true))?;
    Ok((
        row,
        secrets,
        subjects.into_iter().map(|(_, s)| s).collect(),
        documents.into_iter().map(|(_, d)| d).collect(),
    ))
}

/// Changes a follow-up of `sid` (any member of the structure that wrote it). A new or
/// changed shared part appears in her journal like a new report.
pub async fn update_followup(
    app: &App,
    session: &Session,
    sid: &StructureId,
    id: &FollowupId,
    input: FollowupInput,
) -> ServiceResult<FollowupView> {
    let (old, secrets, subjects, documents) = followup_for_change(app, session, sid, id).await?;
    let row_ids = (&old.beneficiary_id, &old.structure_id, &old.id);
    let before = open_texts(&app.platform, &secrets, row_ids, &old.structure_sealed)
        .ok_or(ServiceError::Internal("follow-up key"))?;
    let meta = meta(&input, Some((&old, subjects, documents)))?;
    let texts = Texts {
        shared: match &input.shared_text {
            Some(t) => text("shared_text", Some(t))?,
            None => before.shared.clone(),
        },
        private: match &input.private_text {
            Some(t) => text("private_text", Some(t))?,
            None => before.private.clone(),
        },
    };
    let shared_changed = texts.shared.is_some() && texts.shared != before.shared;
    let (s2, b2) = (old.structure_id.clone(), old.beneficiary_id.clone());
    let (_, _, public) = app.read(move |tx| situation(tx, &s2, &b2)).await?;
    let secret = secrets.first().ok_or(ServiceError::AccessPending)?;
    let (shared_sealed, structure_sealed) = if shared_changed || texts.shared.is_none() {
        sealed_columns(app, secret, row_ids, public.as_deref(), &texts)?
    } else {
        // Her copy is unchanged: kept as it is (her key pair may be out of reach now).
        (
            old.shared_sealed.clone(),
            seal_texts(&app.platform, secret, row_ids, &texts),
        )
    };
    let now = app.now();
    let row = FollowupRow {
        date: meta.date.clone(),
        medium: meta.medium.as_str().to_owned(),
        status: meta.status.as_str().to_owned(),
        due_on: meta.due_on.clone(),
        shared_sealed,
        structure_sealed,
        updated_at: now,
        ..old
    };
    let actor = actor_of(session, Some(sid));
    let written = row.clone();
    app.tx(move |tx| {
        check_references(tx, &written.structure_id, &written.beneficiary_id, &meta)?;
        if store::update(tx, &written)? == 0 {
            return Err(ServiceError::NotFound);
        }
        store::set_subjects(tx, &written.id, &meta.subjects)?;
        store::set_documents(tx, &written.id, &meta.documents)?;
        if shared_changed {
            journal_written(tx, now, &written, &actor)?;
        }
        Ok(())
    })
    .await?;
    let (subjects, documents) = references_of(app, &row.id).await?;
    Ok(view(&row, texts, subjects, documents))
}

/// Deletes a follow-up of `sid` (any member of the structure that wrote it).
pub async fn delete_followup(
    app: &App,
    session: &Session,
    sid: &StructureId,
    id: &FollowupId,
) -> ServiceResult<()> {
    followup_for_change(app, session, sid, id).await?;
    let id = id.clone();
    app.tx(move |tx| {
        store::delete(tx, &id)?;
        Ok(())
    })
    .await
}

/// The shared parts of what her relais wrote about her, newest first (she alone).
pub async fn shared_followups(
    app: &App,
    session: &Session,
    bid: &BeneficiaryId,
) -> ServiceResult<Vec<SharedFollowupView>> {
    let bid = own_safe(session, bid)?;
    let rows = app
        .read(move |tx| Ok(store::shared_with(tx, &bid)?))
        .await?;
    let (app2, session2) = (app.clone(), session.clone());
    // One X25519 opening per report: on the blocking pool.
    tokio::task::spawn_blocking(move || {
        let pair = session2.keys.keypair();
        rows.into_iter()
            .filter_map(|(r, structure_name)| {
                let aad = ctx::followup_shared(&r.beneficiary_id, &r.id);
                let inner = app2.platform.open(&aad, r.shared_sealed.as_deref()?).ok()?;
                let text = consigne_vault::open_sealed(&pair, &aad, &inner).ok()?;
                Some(SharedFollowupView {
                    id: r.id,
                    date: r.date,
                    medium: r.medium,
                    structure: NamedRef {
                        id: r.structure_id,
                        name: structure_name,
                    },
                    author: r.author_name,
                    shared_text: String::from_utf8_lossy(&text).into_owned(),
                })
            })
            .collect()
    })
    .await
    .map_err(|_| ServiceError::Internal("unwrap task"))
}

/// The subjects a follow-up of `sid` may have: the fixed list, then the structure's own.
pub async fn subjects_of(
    app: &App,
    session: &Session,
    sid: &StructureId,
) -> ServiceResult<Vec<SubjectView>> {
    allow(session, Action::Agenda, Resource::Structure { id: sid })?;
    let s2 = sid.clone();
    let own = app
        .read(move |tx| Ok(store::structure_subjects(tx, &s2)?))
        .await?;
    Ok(FIXED_SUBJECTS
        .iter()
        .map(|c| SubjectView {
            code: (*c).to_owned(),
            label: None,
        })
        .chain(own.into_iter().map(|(code, label)| SubjectView {
            code,
            label: Some(label),
        }))
        .collect())
}

/// Adds a subject to the structure's list (its administrators).
pub async fn add_subject(
    app: &App,
    session: &Session,
    sid: &StructureId,
    label: &str,
) -> ServiceResult<SubjectView> {
    allow(session, Action::Update, Resource::Structure { id: sid })?;
    let label = ShortText::parse("label", label, 80)?.into_string();
    let code = SubjectCode::generate();
    let (s2, c2, l2, now) = (
        sid.clone(),
        code.as_str().to_owned(),
        label.clone(),
        app.now(),
    );
    app.tx(move |tx| {
        store::add_structure_subject(tx, &s2, &c2, &l2, now)?;
        Ok(())
    })
    .await?;
    Ok(SubjectView {
        code: code.as_str().to_owned(),
        label: Some(label),
    })
}

/// The structure through which the session's professional writes about her: the first of
/// hers that follows the person, else one that wrote about her before (404 otherwise).
pub async fn followup_structure(
    app: &App,
    session: &Session,
    bid: &BeneficiaryId,
) -> ServiceResult<StructureId> {
    let crate::policy::Actor::Professional { memberships, .. } = &session.actor else {
        return Err(ServiceError::NotFound);
    };
    let mine: Vec<StructureId> = memberships.iter().map(|m| m.structure_id.clone()).collect();
    let b2 = bid.clone();
    let (relays, written) = app
        .read(move |tx| {
            let relays = beneficiaries::relays_of(tx, &b2)?;
            let mut written = Vec::new();
            for sid in &mine {
                if !store::of_person(tx, sid, &b2)?.is_empty() {
                    written.push(sid.clone());
                }
            }
            Ok((relays, written))
        })
        .await?;
    memberships
        .iter()
        .map(|m| &m.structure_id)
        .find(|sid| relays.iter().any(|r| &r.structure_id == *sid))
        .or_else(|| written.first())
        .cloned()
        .ok_or(ServiceError::NotFound)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const SID: &str = "00000000-0000-4000-8000-000000000001";
    const BID: &str = "00000000-0000-4000-8000-000000000003";

    #[test]
    fn the_texts_open_with_the_structure_key_only_and_follow_a_rotation() {
        let platform = PlatformKey::generate();
        let (mine, theirs) = (Key32::random(), Key32::random());
        let sid = StructureId::parse(SID).unwrap();
        let bid = BeneficiaryId::parse(BID).unwrap();
        let id = FollowupId::generate();
        let texts = Texts {
            shared: Some("Dossier CAF envoyé".into()),
            private: Some("Fragile ce jour".into()),
        };
        let sealed = seal_texts(&platform, &mine, (&bid, &sid, &id), &texts);
        let opened = open_texts(
            &platform,
            std::slice::from_ref(&mine),
            (&bid, &sid, &id),
            &sealed,
        )
        .unwrap();
        assert_eq!(opened.private.as_deref(), Some("Fragile ce jour"));
        assert!(open_texts(&platform, &[theirs], (&bid, &sid, &id), &sealed).is_none());
        let other = FollowupId::generate();
        assert!(
            open_texts(
                &platform,
                std::slice::from_ref(&mine),
                (&bid, &sid, &other),
                &sealed
            )
            .is_none()
        );
        // The platform key alone shows nothing.
        let inner = platform
            .open(&ctx::followup_structure(&bid, &sid, &id), &sealed)
            .unwrap();
        assert!(!String::from_utf8_lossy(&inner).contains("Fragile"));
    }

    #[test]
    fn texts_are_checked() {
        assert_eq!(text("shared_text", Some("  ")).unwrap(), None);
        assert_eq!(
            text("shared_text", Some("a\r\nb")).unwrap().as_deref(),
            Some("a\nb")
        );
        assert!(text("shared_text", Some("a\u{0}b")).is_err());
        assert!(text("shared_text", Some(&"x".repeat(MAX_TEXT + 1))).is_err());
        let none = FollowupInput::default();
        assert_eq!(meta(&none, None).err().unwrap().field, "date");
    }
}
