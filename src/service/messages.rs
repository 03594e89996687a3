//! Messaging between a person and each of her relais (docs/messaging.md): one thread per
//! (person, structure), read by the structure's team, with read marks on each side, documents
//! of her safe attached, and an SMS that tells her (never what) when the team wrote.
//!
//! The hard part is who reads a message. Each thread has a random key, like an item's: wrapped
//! to her (her vault key, and her public key) and to the structure's public key, each wrap then
//! sealed by the platform key; a message's text is sealed under it with its own nonce, the
//! thread and message ids bound as associated data, then sealed by the platform key. So the
//! operator, another structure and a thief of the database read nothing, and a structure she
//! left (the policy hides the thread from it) holds only ciphertext. Attachments are items of
//! her safe: what she sends is shared with the relais through the item core (`share`, its
//! journal line), what the team sends is a document already shared with it (its own upload
//! lands in her safe as added by the structure).

use crate::domain::{
    AccountKind, BeneficiaryId, InvalidInput, ItemId, ItemKind, MessageId, StructureId, ThreadId,
};
use crate::policy::{Action, Actor, Resource};
use crate::service::access::{allow, own_safe};
use crate::service::beneficiaries::identity_of;
use crate::service::calendar::reminders::{after_quiet_hours, catalogs, reminder_phone};
use crate::service::contexts as ctx;
use crate::service::features::{Feature, ensure_feature, feature_on};
use crate::service::items::open::open_item;
use crate::service::items::share::share_with_relay;
use crate::service::jobs::{JobHandler, NewJob, Outcome, job_row};
use crate::service::journal::{JournalActor, actor_of, journal_about_relay};
use crate::service::{App, NamedRef, ServiceError, ServiceResult, Session};
use crate::sms::{self, Operator, SmsError};
use crate::store::messages::{self as store, MessageRow, ThreadLine, ThreadRow};
use crate::store::{Sql, beneficiaries, structures};
use consigne_vault::{Key32, PublicKey};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// The longest message, in characters.
pub const MAX_TEXT: usize = 5_000;
/// Documents one message may carry.
pub const MAX_DOCUMENTS: usize = 10;
/// The job that tells her by SMS that the team wrote.
pub const JOB_KIND: &str = "message_sms";
/// At most one SMS per thread in this many seconds: later messages wait for it (grouped).
pub const SMS_GAP_SECONDS: i64 = 3600;
/// A thread closed, or without a new message, for this long is deleted by the housekeeping.
pub const RETENTION_SECONDS: i64 = 730 * 86_400;
const SMS_ATTEMPTS: i64 = 6;

/// A message as someone writes it.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MessageInput {
    pub text: String,
    #[serde(default)]
    pub document_ids: Vec<String>,
}

/// Her first message to a relais (or the next one: one thread per relais).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewThreadInput {
    pub structure_id: String,
    pub text: String,
    #[serde(default)]
    pub document_ids: Vec<String>,
}

/// One of her threads, in her list.
#[derive(Debug, Clone, Serialize)]
pub struct ThreadView {
    pub id: ThreadId,
    pub structure: NamedRef<StructureId>,
    pub unread: i64,
    pub last_at: String,
    pub closed: bool,
}

/// A thread in the team inbox: the person's name as the structure sees it.
#[derive(Debug, Clone, Serialize)]
pub struct TeamThreadView {
    pub id: ThreadId,
    pub person: NamedRef<BeneficiaryId>,
    pub unread: i64,
    pub last_at: String,
    pub closed: bool,
}

/// Who wrote a message: `beneficiary` (she; no name) or `professional` (and who).
#[derive(Debug, Clone, Serialize)]
pub struct Author {
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A document sent with a message; `name` is none when the caller can no longer open it.
#[derive(Debug, Clone, Serialize)]
pub struct AttachedDocument {
    pub id: ItemId,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MessageView {
    pub id: MessageId,
    pub at: String,
    pub author: Author,
    pub text: String,
    pub documents: Vec<AttachedDocument>,
    /// Written by the caller's side (she, or her team).
    pub mine: bool,
}

/// A thread as its page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ThreadPage {
    pub id: ThreadId,
    pub beneficiary_id: BeneficiaryId,
    pub structure: NamedRef<StructureId>,
    pub closed: bool,
    /// The caller may write in it now.
    pub writable: bool,
    pub messages: Vec<MessageView>,
    /// Who of the team read up to which message (the team's side only).
    pub read_by: Vec<String>,
    /// The other side has read the caller's last message.
    pub seen: bool,
}

/// What a message's sealed body holds.
#[derive(Serialize, Deserialize)]
struct Body {
    text: String,
}

/// A text: line breaks and tabs kept, other control characters refused, blank refused.
fn text(raw: &str) -> Result<String, InvalidInput> {
    let t = raw.trim();
    if t.is_empty() {
        return Err(InvalidInput::new("text", "required"));
    }
    if t.chars().count() > MAX_TEXT {
        return Err(InvalidInput::new("text", "too_long"));
    }
    if t.chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(InvalidInput::new("text", "invalid"));
    }
    Ok(t.replace("\r\n", "\n"))
}

fn document_ids(raw: &[String]) -> Result<Vec<ItemId>, InvalidInput> {
    if raw.len() > MAX_DOCUMENTS {
        return Err(InvalidInput::new("document_ids", "invalid"));
    }
    let mut ids = raw
        .iter()
        .map(|r| ItemId::parse(r.trim()).map_err(|_| InvalidInput::new("document_ids", "invalid")))
        .collect::<Result<Vec<_>, _>>()?;
    ids.sort();
    ids.dedup();
    Ok(ids)
}

fn seal_body(app: &App, key: &Key32, tid: &ThreadId, mid: &MessageId, body: &Body) -> Vec<u8> {
    let aad = ctx::thread_message(tid, mid);
    let json = zeroize::Zeroizing::new(serde_json::to_vec(body).unwrap_or_default());
    app.platform
        .seal(&aad, &consigne_vault::seal(key, &aad, &json))
}

fn open_body(app: &App, key: &Key32, m: &MessageRow) -> Option<String> {
    let aad = ctx::thread_message(&m.thread_id, &m.id);
    let inner = app.platform.open(&aad, &m.body_sealed).ok()?;
    let json = zeroize::Zeroizing::new(consigne_vault::open(key, &aad, &inner).ok()?);
    serde_json::from_slice::<Body>(&json).ok().map(|b| b.text)
}

/// A new thread's row: its key wrapped to her and to the structure's current key.
fn new_thread(
    app: &App,
    tx: &mut dyn Sql,
    session: &Session,
    (bid, sid): (&BeneficiaryId, &StructureId),
    owner_public: &[u8],
    now: i64,
) -> ServiceResult<(ThreadRow, Key32)> {
    let id = ThreadId::generate();
    let key = Key32::random();
    let state = structures::key_state(tx, sid)?.ok_or(ServiceError::NotFound)?;
    let structure_public = PublicKey::from_slice(
        state
            .public_key
            .as_deref()
            .ok_or(ServiceError::Conflict("structure_without_key"))?,
    )?;
    let aad_s = ctx::thread_key_structure(&id, sid);
    let aad_o = ctx::thread_key_owner(bid, &id);
    let vault = session.keys.vault.as_ref().map(|v| {
        let aad = ctx::thread_key_vault(bid, &id);
        app.platform
            .seal(&aad, &consigne_vault::wrap_key(v, &aad, &key))
    });
    let row = ThreadRow {
        id: id.clone(),
        beneficiary_id: bid.clone(),
        structure_id: sid.clone(),
        key_wrap_vault: vault,
        key_wrap_owner: app.platform.seal(
            &aad_o,
            &consigne_vault::wrap_key_to(&PublicKey::from_slice(owner_public)?, &aad_o, &key),
        ),
        key_wrap_structure: app.platform.seal(
            &aad_s,
            &consigne_vault::wrap_key_to(&structure_public, &aad_s, &key),
        ),
        key_version: state.version,
        created_at: now,
        last_at: now,
        last_seq: 0,
        her_read_seq: 0,
        team_read_seq: 0,
        closed_at: None,
        sms_last_at: None,
        sms_job_key: None,
    };
    store::insert(tx, &row)?;
    Ok((row, key))
}

/// The thread key as this session reaches it (her wraps, or the structure's), or 404.
fn thread_key(app: &App, session: &Session, t: &ThreadRow) -> ServiceResult<Key32> {
    match &session.actor {
        Actor::Beneficiary { .. } => {
            if let (Some(w), Some(vault)) = (&t.key_wrap_vault, &session.keys.vault) {
                let aad = ctx::thread_key_vault(&t.beneficiary_id, &t.id);
                if let Ok(k) = app
                    .platform
                    .open(&aad, w)
                    .map_err(ServiceError::from)
                    .and_then(|inner| Ok(consigne_vault::unwrap_key(vault, &aad, &inner)?))
                {
                    return Ok(k);
                }
            }
            let aad = ctx::thread_key_owner(&t.beneficiary_id, &t.id);
            let inner = app.platform.open(&aad, &t.key_wrap_owner)?;
            Ok(consigne_vault::unwrap_key_from(
                &session.keys.keypair(),
                &aad,
                &inner,
            )?)
        }
        Actor::Professional { .. } => {
            let aad = ctx::thread_key_structure(&t.id, &t.structure_id);
            let inner = app.platform.open(&aad, &t.key_wrap_structure)?;
            session
                .keys
                .open_structure_wrap(&t.structure_id, &aad, &inner)
                .ok_or(ServiceError::AccessPending)
        }
        _ => Err(ServiceError::NotFound),
    }
}

/// The policy's answer on thread `t` (her relais read at the same time).
fn allow_thread(
    session: &Session,
    action: Action,
    t: &ThreadRow,
    relays: &[StructureId],
) -> ServiceResult<()> {
    allow(
        session,
        action,
        Resource::Thread {
            owner: &t.beneficiary_id,
            structure: &t.structure_id,
            relays,
        },
    )
}

fn relay_ids(tx: &mut dyn Sql, bid: &BeneficiaryId) -> ServiceResult<Vec<StructureId>> {
    Ok(beneficiaries::relays_of(tx, bid)?
        .into_iter()
        .map(|r| r.structure_id)
        .collect())
}

/// A thread, her relais and its key, for `action`.
async fn open_thread(
    app: &App,
    session: &Session,
    tid: &ThreadId,
    action: Action,
) -> ServiceResult<(ThreadRow, Vec<StructureId>, Key32)> {
    let t2 = tid.clone();
    let (t, relays) = app
        .read(move |tx| {
            let t = store::by_id(tx, &t2)?.ok_or(ServiceError::NotFound)?;
            let relays = relay_ids(tx, &t.beneficiary_id)?;
            Ok((t, relays))
        })
        .await?;
    allow_thread(session, action, &t, &relays)?;
    let key = thread_key(app, session, &t).map_err(|e| match e {
        ServiceError::AccessPending => ServiceError::AccessPending,
        _ => ServiceError::NotFound,
    })?;
    Ok((t, relays, key))
}

fn is_her(session: &Session) -> bool {
    matches!(session.actor, Actor::Beneficiary { .. })
}

/// Her threads, the latest first, with the team's messages she has not read.
pub async fn threads_of_person(
    app: &App,
    session: &Session,
    bid: &BeneficiaryId,
) -> ServiceResult<Vec<ThreadView>> {
    let bid = own_safe(session, bid)?;
    let lines = app.read(move |tx| Ok(store::of_person(tx, &bid)?)).await?;
    Ok(lines
        .into_iter()
        .map(|l| ThreadView {
            id: l.row.id,
            structure: NamedRef {
                id: l.row.structure_id,
                name: l.structure_name,
            },
            unread: l.unread,
            last_at: crate::clock::rfc3339(l.row.last_at),
            closed: l.row.closed_at.is_some(),
        })
        .collect())
}

/// The team's messages she has not read, over all her threads.
pub async fn unread_for_person(
    app: &App,
    session: &Session,
    bid: &BeneficiaryId,
) -> ServiceResult<i64> {
    let bid = own_safe(session, bid)?;
    app.read(move |tx| Ok(store::unread_for_person(tx, &bid)?))
        .await
}

/// The team inbox of `sid`: its threads with the people who still have it as a relais, the
/// latest first, each with the person's name as the structure sees it and her messages the
/// team has not read.
pub async fn threads_of_structure(
    app: &App,
    session: &Session,
    sid: &StructureId,
) -> ServiceResult<Vec<TeamThreadView>> {
    allow(
        session,
        Action::ListFollowed,
        Resource::Structure { id: sid },
    )?;
    if session.keys.structure_key(sid).is_none() {
        return Err(ServiceError::AccessPending);
    }
    let s2 = sid.clone();
    let (lines, rows): (Vec<ThreadLine>, _) = app
        .read(move |tx| {
            let lines = store::of_structure(tx, &s2)?;
            let bids: Vec<BeneficiaryId> =
                lines.iter().map(|l| l.row.beneficiary_id.clone()).collect();
            let rows = beneficiaries::directory_rows_of(tx, &s2, &bids)?;
            Ok((lines, rows))
        })
        .await?;
    let (people, missing) = crate::service::directory::open_directory(app, session, sid, &rows);
    crate::service::directory::write_missing_entries(app, sid, missing).await?;
    Ok(lines
        .into_iter()
        .map(|l| {
            let name = people
                .iter()
                .find(|p| p.id == l.row.beneficiary_id)
                .map(|p| format!("{} {}", p.first_name, p.last_name))
                .unwrap_or_default();
            TeamThreadView {
                id: l.row.id,
                person: NamedRef {
                    id: l.row.beneficiary_id,
                    name,
                },
                unread: l.unread,
                last_at: crate::clock::rfc3339(l.row.last_at),
                closed: l.row.closed_at.is_some(),
            }
        })
        .collect())
}

/// The thread of `sid` with the person `bid`, if there is one the caller may see (the pro
/// side's link from her page).
pub async fn thread_with(
    app: &App,
    session: &Session,
    bid: &BeneficiaryId,
    sid: &StructureId,
) -> ServiceResult<Option<ThreadId>> {
    let (b2, s2) = (bid.clone(), sid.clone());
    let found = app
        .read(move |tx| {
            let t = store::of_pair(tx, &b2, &s2)?;
            Ok((t, relay_ids(tx, &b2)?))
        })
        .await?;
    Ok(match found {
        (Some(t), relays) if allow_thread(session, Action::View, &t, &relays).is_ok() => Some(t.id),
        _ => None,
    })
}

/// She writes to one of her relais: in her thread with it (started now if she has none;
/// opened again if she closed it).
pub async fn write_to_relay(
    app: &App,
    session: &Session,
    bid: &BeneficiaryId,
    input: NewThreadInput,
) -> ServiceResult<(ThreadId, MessageView)> {
    let bid = own_safe(session, bid)?;
    let sid = StructureId::parse(input.structure_id.trim())
        .map_err(|_| InvalidInput::new("structure_id", "invalid"))?;
    let body = text(&input.text)?;
    ensure_feature(app, Feature::Messaging, &sid).await?;
    let docs = document_ids(&input.document_ids)?;
    let owner_public = session.keys.keypair().public().as_bytes().to_vec();
    let (b2, s2) = (bid.clone(), sid.clone());
    let existing = app
        .read(move |tx| {
            if beneficiaries::relay(tx, &b2, &s2)?.is_none() {
                return Err(ServiceError::NotFound);
            }
            Ok(store::of_pair(tx, &b2, &s2)?)
        })
        .await?;
    let (tid, key) = match existing {
        Some(t) => {
            let key = thread_key(app, session, &t).map_err(|_| ServiceError::NotFound)?;
            (t.id, key)
        }
        None => {
            let (app2, session2, now) = (app.clone(), session.clone(), app.now());
            let (b3, s3) = (bid.clone(), sid.clone());
            let made = app
                .tx(move |tx| {
                    // Two first messages at once make one thread.
                    tx.lock(&format!("thread/{b3}/{s3}"))?;
                    if let Some(t) = store::of_pair(tx, &b3, &s3)? {
                        return Ok((t, None));
                    }
                    let (t, k) = new_thread(&app2, tx, &session2, (&b3, &s3), &owner_public, now)?;
                    Ok((t, Some(k)))
                })
                .await?;
            match made {
                (t, Some(k)) => (t.id, k),
                (t, None) => {
                    let key = thread_key(app, session, &t).map_err(|_| ServiceError::NotFound)?;
                    (t.id, key)
                }
            }
        }
    };
    let view = post(app, session, &tid, &key, body, docs).await?;
    Ok((tid, view))
}

/// A message in thread `tid`: she (while it is her relais), or a member of its team.
pub async fn write_in_thread(
    app: &App,
    session: &Session,
    tid: &ThreadId,
    input: MessageInput,
) -> ServiceResult<MessageView> {
    let body = text(&input.text)?;
    let docs = document_ids(&input.document_ids)?;
    let (t, _, key) = open_thread(app, session, tid, Action::AddItem).await?;
    if t.closed_at.is_some() && !is_her(session) {
        return Err(ServiceError::Conflict("thread_closed"));
    }
    ensure_feature(app, Feature::Messaging, &t.structure_id).await?;
    post(app, session, &t.id, &key, body, docs).await
}

/// Whose safe thread `tid` is, if the caller may write in it now (a page's upload goes to her
/// safe only then).
pub async fn writer_of(
    app: &App,
    session: &Session,
    tid: &ThreadId,
) -> ServiceResult<BeneficiaryId> {
    let (t, _, _) = open_thread(app, session, tid, Action::AddItem).await?;
    if t.closed_at.is_some() && !is_her(session) {
        return Err(ServiceError::Conflict("thread_closed"));
    }
    ensure_feature(app, Feature::Messaging, &t.structure_id).await?;
    Ok(t.beneficiary_id)
}

/// What a professional's message needs to plan her SMS: her number and the text in her
/// language (none: she has no number, or no operator wants one).
async fn sms_plan(
    app: &App,
    session: &Session,
    bid: &BeneficiaryId,
) -> ServiceResult<Option<(String, String)>> {
    let (identity, _, _) = identity_of(app, session, bid).await?;
    let Some(phone) = reminder_phone(app, &identity) else {
        return Ok(None);
    };
    let text = catalogs()
        .map(|c| crate::i18n::Locale::new(c.clone(), &identity.language).t("sms-new-message"))
        .ok_or(ServiceError::Internal("catalogs"))?;
    Ok(Some((phone, text)))
}

/// Writes one message, its documents and journal lines, and (the team writing) plans her SMS,
/// in one transaction.
async fn post(
    app: &App,
    session: &Session,
    tid: &ThreadId,
    key: &Key32,
    body: String,
    docs: Vec<ItemId>,
) -> ServiceResult<MessageView> {
    let her = is_her(session);
    // Her documents are opened (hers, and their keys) before the transaction shares them.
    let mut opened = Vec::new();
    if her {
        for d in &docs {
            opened.push(open_item(app, session, d, Action::Share, ItemKind::Document).await?);
        }
    }
    let t2 = tid.clone();
    let row = app
        .read(move |tx| store::by_id(tx, &t2)?.ok_or(ServiceError::NotFound))
        .await?;
    let plan = if her {
        None
    } else {
        sms_plan(app, session, &row.beneficiary_id).await?
    };
    let mid = MessageId::generate();
    let now = app.now();
    let sealed = seal_body(app, key, tid, &mid, &Body { text: body.clone() });
    let (app2, tid2, mid2) = (app.clone(), tid.clone(), mid.clone());
    let actor = actor_of(session, (!her).then_some(&row.structure_id));
    let (author_account, author_name) = (
        session.account_id.clone(),
        (!her).then(|| session.keys.display_name.clone()),
    );
    let docs2 = docs.clone();
    app.tx(move |tx| {
        tx.lock(&format!("thread/{tid2}"))?;
        let t = store::by_id(tx, &tid2)?.ok_or(ServiceError::NotFound)?;
        let relays = relay_ids(tx, &t.beneficiary_id)?;
        if !relays.contains(&t.structure_id) {
            // She left the relais meanwhile.
            return Err(if her {
                ServiceError::Forbidden
            } else {
                ServiceError::NotFound
            });
        }
        if t.closed_at.is_some() {
            if !her {
                return Err(ServiceError::Conflict("thread_closed"));
            }
            store::reopen(tx, &t.id)?;
        }
        if her {
            for o in &opened {
                share_with_relay(&app2, tx, o, &actor, &t.structure_id, now)?;
            }
        } else {
            for d in &docs2 {
                if !crate::store::followups::document_shared(
                    tx,
                    d,
                    &t.beneficiary_id,
                    &t.structure_id,
                )? {
                    return Err(InvalidInput::new("document_ids", "invalid").into());
                }
            }
        }
        let m = MessageRow {
            id: mid2.clone(),
            thread_id: t.id.clone(),
            seq: t.last_seq + 1,
            author_kind: if her {
                AccountKind::Beneficiary.as_str().to_owned()
            } else {
                AccountKind::Professional.as_str().to_owned()
            },
            author_account,
            author_name,
            at: now,
            body_sealed: sealed,
        };
        store::add_message(tx, &m)?;
        for d in &docs2 {
            store::add_document(tx, &m.id, d)?;
        }
        if !her {
            // The team read what came before its answer.
            store::mark_read_by_team(tx, &t.id, &m.author_account, m.seq, now)?;
        }
        journal_about_relay(
            tx,
            (now, &t.beneficiary_id),
            &actor,
            if her {
                "message_sent"
            } else {
                "message_written"
            },
            ("thread", t.id.as_str()),
            &t.structure_id,
        )?;
        if let Some((to, text)) = &plan {
            plan_sms(&app2, tx, &t, (to, text), now)?;
        }
        Ok(())
    })
    .await?;
    let names = document_names(app, session, &docs).await;
    Ok(MessageView {
        id: mid,
        at: crate::clock::rfc3339(now),
        author: Author {
            kind: if her { "beneficiary" } else { "professional" }.into(),
            name: (!her).then(|| session.keys.display_name.clone()),
        },
        text: body,
        documents: docs
            .into_iter()
            .map(|id| AttachedDocument {
                name: names.iter().find(|(i, _)| *i == id).map(|(_, n)| n.clone()),
                id,
            })
            .collect(),
        mine: true,
    })
}

/// Plans the SMS that tells her the team wrote, unless one is already waiting for this
/// thread (grouped): at once, or an hour after the last one, and never in quiet hours.
fn plan_sms(
    app: &App,
    tx: &mut dyn Sql,
    t: &ThreadRow,
    (to, text): (&str, &str),
    now: i64,
) -> ServiceResult<()> {
    if let Some(key) = &t.sms_job_key
        && crate::store::jobs::by_key(tx, key)?.is_some_and(|j| j.status == "pending")
    {
        return Ok(());
    }
    let earliest = t
        .sms_last_at
        .map_or(now, |l| (l + SMS_GAP_SECONDS).max(now));
    let run_at = after_quiet_hours(&app.config, earliest);
    let key = format!("{JOB_KIND}|{}|{run_at}", t.id);
    let job = job_row(
        app,
        NewJob {
            kind: JOB_KIND,
            idempotency_key: key.clone(),
            payload: serde_json::json!({ "thread_id": t.id.as_str(), "to": to, "text": text }),
            run_at,
            max_attempts: SMS_ATTEMPTS,
        },
    )?;
    crate::store::jobs::insert(tx, &job)?;
    store::set_sms_job(tx, &t.id, &key)?;
    Ok(())
}

/// Names of documents the caller may open, by id.
async fn document_names(app: &App, session: &Session, ids: &[ItemId]) -> Vec<(ItemId, String)> {
    let mut out = Vec::new();
    for id in ids {
        if let Ok(o) = open_item(app, session, id, Action::View, ItemKind::Document).await
            && let Ok(meta) =
                crate::service::items::seal::open_meta::<serde_json::Value>(app, &o.row, &o.key)
        {
            let name = meta["name"].as_str().unwrap_or_default().to_owned();
            out.push((id.clone(), name));
        }
    }
    out
}

/// A thread's messages, oldest first, opened; marks them read for the caller's side. The team
/// reading her new messages for the first time is journaled ("read by the team of X").
pub async fn thread_page(
    app: &App,
    session: &Session,
    tid: &ThreadId,
) -> ServiceResult<ThreadPage> {
    let (t, relays, key) = open_thread(app, session, tid, Action::View).await?;
    let her = is_her(session);
    let (t2, s2) = (t.id.clone(), t.structure_id.clone());
    let (messages, docs, readers, structure) = app
        .read(move |tx| {
            Ok((
                store::messages(tx, &t2)?,
                store::documents(tx, &t2)?,
                store::readers(tx, &t2)?,
                structures::by_id(tx, &s2)?.ok_or(ServiceError::NotFound)?,
            ))
        })
        .await?;
    let ids: Vec<ItemId> = docs.iter().map(|(_, d)| d.clone()).collect();
    let names = document_names(app, session, &ids).await;
    let views: Vec<MessageView> = messages
        .iter()
        .map(|m| {
            let mine = (m.author_kind == "beneficiary") == her;
            MessageView {
                id: m.id.clone(),
                at: crate::clock::rfc3339(m.at),
                author: Author {
                    kind: m.author_kind.clone(),
                    name: m.author_name.clone(),
                },
                text: open_body(app, &key, m).unwrap_or_default(),
                documents: docs
                    .iter()
                    .filter(|(mid, _)| *mid == m.id)
                    .map(|(_, d)| AttachedDocument {
                        id: d.clone(),
                        name: names.iter().find(|(i, _)| i == d).map(|(_, n)| n.clone()),
                    })
                    .collect(),
                mine,
            }
        })
        .collect();
    mark_read(app, session, &t).await?;
    let last_mine = messages
        .iter()
        .rev()
        .find(|m| (m.author_kind == "beneficiary") == her)
        .map(|m| m.seq);
    let other_mark = if her { t.team_read_seq } else { t.her_read_seq };
    let writable = relays.contains(&t.structure_id)
        && (her || t.closed_at.is_none())
        && feature_on(app, Feature::Messaging, &t.structure_id).await?;
    Ok(ThreadPage {
        id: t.id.clone(),
        beneficiary_id: t.beneficiary_id.clone(),
        structure: NamedRef {
            id: t.structure_id.clone(),
            name: structure.name,
        },
        closed: t.closed_at.is_some(),
        writable,
        messages: views,
        read_by: if her {
            Vec::new()
        } else {
            readers
                .into_iter()
                .filter(|(_, seq)| *seq >= t.last_seq)
                .map(|(n, _)| n)
                .collect()
        },
        seen: last_mine.is_some_and(|s| other_mark >= s),
    })
}

/// Moves the caller's side's read mark to the thread's last message; the team's first reading
/// of new messages of hers goes to her journal.
async fn mark_read(app: &App, session: &Session, t: &ThreadRow) -> ServiceResult<()> {
    let her = is_her(session);
    let pending = if her {
        t.her_read_seq < t.last_seq
    } else {
        true
    };
    if !pending {
        return Ok(());
    }
    let (tid, seq, now) = (t.id.clone(), t.last_seq, app.now());
    let (bid, sid) = (t.beneficiary_id.clone(), t.structure_id.clone());
    let (member, actor) = (session.account_id.clone(), actor_of(session, Some(&sid)));
    app.tx(move |tx| {
        if her {
            store::mark_read_by_her(tx, &tid, seq)?;
            return Ok(());
        }
        if store::mark_read_by_team(tx, &tid, &member, seq, now)? {
            journal_about_relay(
                tx,
                (now, &bid),
                &actor,
                "messages_read",
                ("thread", tid.as_str()),
                &sid,
            )?;
        }
        Ok(())
    })
    .await
}

/// The messages of a thread, oldest first (the API's list); marks them read.
pub async fn thread_messages(
    app: &App,
    session: &Session,
    tid: &ThreadId,
) -> ServiceResult<Vec<MessageView>> {
    Ok(thread_page(app, session, tid).await?.messages)
}

/// She closes a thread: nothing new is written in it until she writes again.
pub async fn close_thread(app: &App, session: &Session, tid: &ThreadId) -> ServiceResult<()> {
    let (t, _, _) = open_thread(app, session, tid, Action::Update).await?;
    let (now, aid) = (app.now(), session.account_id.clone());
    app.tx(move |tx| {
        if store::close(tx, &t.id, now)? > 0 {
            journal_about_relay(
                tx,
                (now, &t.beneficiary_id),
                &JournalActor::beneficiary(&aid),
                "thread_closed",
                ("thread", t.id.as_str()),
                &t.structure_id,
            )?;
        }
        Ok(())
    })
    .await
}

/// The housekeeping's part: threads closed, or without a new message, for
/// [`RETENTION_SECONDS`] are deleted with their messages (their documents stay in her safe).
pub(crate) fn sweep(tx: &mut dyn Sql, now: i64) -> ServiceResult<u64> {
    Ok(store::delete_stale(tx, now - RETENTION_SECONDS)?)
}

/// Her threads and messages for her export (`data.json`), opened with her keys.
#[derive(Debug, Clone, Serialize)]
pub struct ExportedThread {
    pub id: ThreadId,
    pub structure: NamedRef<StructureId>,
    pub closed: bool,
    pub messages: Vec<ExportedMessage>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportedMessage {
    pub at: String,
    pub author: Author,
    pub text: String,
    pub document_ids: Vec<ItemId>,
}

pub(crate) async fn export_threads(
    app: &App,
    session: &Session,
    bid: &BeneficiaryId,
) -> ServiceResult<Vec<ExportedThread>> {
    let bid = own_safe(session, bid)?;
    let all = app
        .read(move |tx| {
            let mut out = Vec::new();
            for l in store::of_person(tx, &bid)? {
                let messages = store::messages(tx, &l.row.id)?;
                let docs = store::documents(tx, &l.row.id)?;
                out.push((l, messages, docs));
            }
            Ok(out)
        })
        .await?;
    let mut out = Vec::new();
    for (l, messages, docs) in all {
        let Ok(key) = thread_key(app, session, &l.row) else {
            continue;
        };
        out.push(ExportedThread {
            id: l.row.id.clone(),
            structure: NamedRef {
                id: l.row.structure_id.clone(),
                name: l.structure_name.clone(),
            },
            closed: l.row.closed_at.is_some(),
            messages: messages
                .iter()
                .map(|m| ExportedMessage {
                    at: crate::clock::rfc3339(m.at),
                    author: Author {
                        kind: m.author_kind.clone(),
                        name: m.author_name.clone(),
                    },
                    text: open_body(app, &key, m).unwrap_or_default(),
                    document_ids: docs
                        .iter()
                        .filter(|(mid, _)| *mid == m.id)
                        .map(|(_, d)| d.clone())
                        .collect(),
                })
                .collect(),
        });
    }
    Ok(out)
}

/// A wrap made again with the structure's current key (`None`: no version opens it), given
/// its context and the wrap.
pub(crate) type Rewrap<'a> = dyn Fn(&str, &[u8]) -> Option<Vec<u8>> + 'a;

/// A key rotation's batch: each thread's structure wrap made again with the newest key.
pub(crate) fn rewrap_stale(
    tx: &mut dyn Sql,
    sid: &StructureId,
    rewrap: &Rewrap<'_>,
    (version, limit): (i64, i64),
) -> ServiceResult<usize> {
    let stale = store::stale(tx, sid, version, limit)?;
    for (id, wrap) in &stale {
        let new = rewrap(&ctx::thread_key_structure(id, sid), wrap);
        if new.is_none() {
            tracing::warn!(structure = %sid, "a thread wrap no structure key version opens was left as it was");
        }
        store::rewrap(tx, id, wrap, new.as_deref(), version)?;
    }
    Ok(stale.len())
}

/// Sends the SMS that tells her the team wrote (`JOB_KIND`): never the message, never in
/// quiet hours, not at all once she has read it or the thread is gone or closed. Counted for
/// the structure that wrote.
pub(crate) struct MessageSms {
    pub operator: Option<Arc<dyn Operator>>,
}

impl JobHandler for MessageSms {
    fn run(&self, app: &App, job: &str, payload: &serde_json::Value, now: i64) -> Outcome {
        let (Some(tid), Some(to), Some(text)) = (
            payload["thread_id"]
                .as_str()
                .and_then(|t| ThreadId::parse(t).ok()),
            payload["to"].as_str().filter(|t| !t.is_empty()),
            payload["text"].as_str(),
        ) else {
            return Outcome::Fail("malformed message notice".into());
        };
        let thread = match app.db.transaction_blocking(|tx| store::by_id(tx, &tid)) {
            Ok(t) => t,
            Err(e) => return Outcome::Retry(format!("database: {e}")),
        };
        let Some(t) = thread.filter(|t| t.closed_at.is_none()) else {
            return Outcome::Done;
        };
        let unread = app.db.transaction_blocking(|tx| {
            Ok::<_, crate::store::StoreError>(
                store::messages(tx, &t.id)?
                    .iter()
                    .any(|m| m.author_kind == "professional" && m.seq > t.her_read_seq),
            )
        });
        match unread {
            Ok(false) => return Outcome::Done,
            Ok(true) => {}
            Err(e) => return Outcome::Retry(format!("database: {e}")),
        }
        let morning = after_quiet_hours(&app.config, now);
        if morning > now {
            return Outcome::Postpone(morning);
        }
        // Past the structure's monthly budget: not sent (her home page counts the message).
        match crate::service::usage::hold_back_message(app, &t.structure_id, now) {
            Ok(true) => return Outcome::Done,
            Ok(false) => {}
            Err(e) => return Outcome::Retry(format!("database: {e}")),
        }
        let Some(operator) = &self.operator else {
            return Outcome::Retry("no SMS operator is configured ([sms] operator)".into());
        };
        let message = sms::Message {
            to: to.to_owned(),
            encoded: sms::encode(text),
            reference: job.to_owned(),
        };
        match operator.send(&message) {
            Ok(sent) => {
                let month = crate::service::usage::month_of(app, now);
                let segments = i64::from(sent.segments);
                let recorded = app.db.transaction_blocking(|tx| {
                    store::sms_sent(tx, &t.id, now)?;
                    crate::store::reminders::count_sms(tx, &t.structure_id, &month, segments)
                });
                match recorded {
                    Ok(()) => Outcome::Done,
                    Err(e) => Outcome::Fail(format!("sent but not recorded: {e}")),
                }
            }
            Err(SmsError::Temporary(e)) => Outcome::Retry(e),
            Err(SmsError::Permanent(e)) => Outcome::Fail(e),
        }
    }
}
