//! A structure's members: approving a new one, deactivating one, and rotating the structure's
//! key after a departure (SECURITY.md, promise 6; docs/threat-model.md, "Members and structure
//! keys").
//!
//! The hard part is that the platform never holds a structure's private key, yet a rotation
//! must open every item key wrapped to the old key to wrap it to the new one. So:
//! - a key reaches a member only from a colleague who holds it: the admin who approves her
//!   (nothing is ever wrapped at login), or at the structure's creation, when no one holds it;
//! - deactivating a key holder deletes her wrap and makes the next key version at once when the
//!   deactivating admin holds the key (else as soon as any key holder is here): a new key pair
//!   is wrapped to every remaining key holder, and the old private key is wrapped to the new
//!   public key (`structure_keys.successor_wrap`). From that commit on, everything new is
//!   wrapped to the new key, and every remaining member reads everything (old wraps through
//!   the chain of successor wraps). Nothing but her copy of the old key was lost, and it opens
//!   nothing made after;
//! - the re-wrap of the old wraps (item shares, people's identity and recovery wraps) is a job
//!   of the durable queue. It needs a private key, which only a key holder's session has: each
//!   request of a key holder hands the keys (in memory, never stored) to this process, which
//!   runs the job in batches, one transaction each, every row updated only if unchanged. A
//!   crash loses no progress; the job goes on at the next request of any key holder. Workers
//!   without the key postpone it.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use consigne_vault::{Key32, KeyPair, PublicKey};
use serde::Serialize;

use crate::domain::{AccountId, StructureId};
use crate::policy::{Action, Resource};
use crate::service::access::allow;
use crate::service::contexts as ctx;
use crate::service::jobs::job_row;
use crate::service::jobs::{JobHandler, NewJob, Outcome};
use crate::service::journal::{JournalActor, journal_structure, staff_actor};
use crate::service::{App, ServiceError, ServiceResult, Session, SessionKeys, new_id};
use crate::store::Sql;
use crate::store::structures::{
    self, KeyVersionRow, MemberRow, MemberStatus, MembershipRow, StaleWrap,
};

/// The job that re-wraps a structure's old wraps to its current key.
pub const JOB_KIND: &str = "structure_key_rotation";

/// Wraps moved per transaction.
const BATCH: i64 = 200;

/// A worker without the key looks again after this long (a key holder's request runs it
/// sooner).
const WAIT_FOR_KEY_SECONDS: i64 = 600;

/// What a staff session needs beyond her memberships to reach her structures' keys.
#[derive(Debug, Clone, Default)]
pub(crate) struct Keyring {
    /// Every membership she had is deactivated: her login is refused.
    pub deactivated: bool,
    /// Superseded key versions of her structures, newest first per structure.
    pub chains: Vec<(StructureId, KeyVersionRow)>,
    /// Her structures whose key rotation is due or under way.
    pub rotating: Vec<StructureId>,
}

impl Keyring {
    pub fn load(
        tx: &mut dyn Sql,
        account_id: &AccountId,
        memberships: &[MembershipRow],
    ) -> ServiceResult<Self> {
        let holds_any = memberships.iter().any(|m| m.structure_key_wrap.is_some());
        Ok(Self {
            deactivated: memberships.is_empty() && structures::only_deactivated(tx, account_id)?,
            chains: if holds_any {
                structures::key_chains_of_member(tx, account_id)?
            } else {
                Vec::new()
            },
            rotating: if holds_any {
                structures::rotating_of_member(tx, account_id)?
            } else {
                Vec::new()
            },
        })
    }
}

/// Structure keys handed over by key holders' sessions for rotations under way, and the
/// rotations this process is running. In memory only; dropped when a rotation ends.
#[derive(Default)]
pub(crate) struct Rotations {
    keys: Mutex<HashMap<StructureId, Vec<Key32>>>,
    running: Mutex<HashSet<StructureId>>,
}

impl std::fmt::Debug for Rotations {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Rotations([redacted])")
    }
}

impl Rotations {
    fn put(&self, sid: &StructureId, keys: Vec<Key32>) {
        if let Ok(mut m) = self.keys.lock() {
            m.insert(sid.clone(), keys);
        }
    }
    fn get(&self, sid: &StructureId) -> Option<Vec<Key32>> {
        self.keys.lock().ok().and_then(|m| m.get(sid).cloned())
    }
    fn forget(&self, sid: &StructureId) {
        if let Ok(mut m) = self.keys.lock() {
            m.remove(sid);
        }
    }
    /// Marks `sid` as running here; false when it already is.
    fn start(&self, sid: &StructureId) -> bool {
        self.running
            .lock()
            .map(|mut r| r.insert(sid.clone()))
            .unwrap_or(false)
    }
    fn stop(&self, sid: &StructureId) {
        if let Ok(mut r) = self.running.lock() {
            r.remove(sid);
        }
    }
}

/// One step of a rotation.
enum Step {
    /// The next key version was made; the keys to use now.
    Prepared(Vec<Key32>),
    /// A batch of wraps moved to the current version.
    Moved,
    /// Nothing left: the job is done.
    Finished,
    /// The keys at hand are not the structure's current key (a newer version exists).
    StaleKeys,
}

/// `approve` and `deactivate` answers of the API are 204: nothing to return.
#[derive(Debug, Clone, Serialize)]
pub struct RotationStatus {
    pub key_version: i64,
    pub rotating: bool,
}

fn has_active_admin(members: &[MemberRow]) -> bool {
    members
        .iter()
        .any(|m| m.status == MemberStatus::Active && m.role == "admin")
}

/// Serialises changes to one structure's members and key versions (approve, deactivate,
/// rotation steps), also across instances on PostgreSQL.
fn lock_structure(tx: &mut dyn Sql, sid: &StructureId) -> ServiceResult<()> {
    tx.lock(&format!("structure_members|{sid}"))?;
    Ok(())
}

/// A structure key wrapped to member `account_id`'s public key (then sealed by the platform
/// key): what a membership row holds.
pub(crate) fn member_wrap(
    app: &App,
    sid: &StructureId,
    account_id: &AccountId,
    public: &PublicKey,
    key: &Key32,
) -> Vec<u8> {
    let aad = ctx::structure_key(sid, account_id);
    app.platform
        .seal(&aad, &consigne_vault::wrap_key_to(public, &aad, key))
}

/// The structure keys an account reaches: her wrap of each structure's current key, then
/// the older versions through their successor wraps.
pub(crate) fn structure_keys_of(
    app: &App,
    account_id: &AccountId,
    secret: &Key32,
    memberships: &[MembershipRow],
    keyring: &Keyring,
) -> ServiceResult<Vec<(StructureId, Key32)>> {
    let pair = KeyPair::from_secret(secret.clone());
    let mut out = Vec::new();
    for m in memberships {
        let Some(w) = &m.structure_key_wrap else {
            continue;
        };
        let sid = &m.structure.id;
        let aad = ctx::structure_key(sid, account_id);
        let inner = app.platform.open(&aad, w)?;
        let mut newer = KeyPair::from_secret(consigne_vault::unwrap_key_from(&pair, &aad, &inner)?);
        out.push((sid.clone(), newer.secret().clone()));
        for (_, v) in keyring.chains.iter().filter(|(s, _)| s == sid) {
            let Some(sw) = &v.successor_wrap else { break };
            let aad = ctx::structure_key_successor(sid, v.version);
            let opened = app
                .platform
                .open(&aad, sw)
                .and_then(|inner| consigne_vault::unwrap_key_from(&newer, &aad, &inner));
            match opened {
                Ok(k) => {
                    out.push((sid.clone(), k.clone()));
                    newer = KeyPair::from_secret(k);
                }
                Err(e) => {
                    tracing::warn!(error = %e, "a structure key version could not be opened");
                    break;
                }
            }
        }
    }
    Ok(out)
}

/// A key holder's request: hands her keys to the rotations under way in her structures
/// and starts them in this process.
pub(crate) fn feed_rotations(app: &App, keys: &SessionKeys, keyring: &Keyring) {
    for sid in &keyring.rotating {
        let held: Vec<Key32> = keys
            .structure_keys(sid)
            .map(|p| p.secret().clone())
            .collect();
        if held.is_empty() {
            continue;
        }
        app.rotations.put(sid, held);
        app.spawn_rotation(sid);
    }
}

impl App {
    fn spawn_rotation(&self, sid: &StructureId) {
        if !self.rotations.start(sid) {
            return;
        }
        let (app, sid) = (self.clone(), sid.to_owned());
        if let Ok(handle) = tokio::runtime::Handle::try_current() {
            handle.spawn(async move {
                if let Err(e) = app.run_rotation(&sid).await {
                    tracing::warn!(error = %e, "structure key rotation paused");
                }
                app.rotations.stop(&sid);
            });
        } else {
            self.rotations.stop(&sid);
        }
    }

    /// Runs a structure's rotation to its end with the keys a key holder handed over.
    /// Returns whether it finished.
    pub async fn run_rotation(&self, sid: &StructureId) -> ServiceResult<bool> {
        loop {
            let Some(keys) = self.rotations.get(sid) else {
                return Ok(false);
            };
            let (app, s) = (self.clone(), sid.to_owned());
            let step = self.tx(move |tx| app.rotation_step(tx, &s, &keys)).await?;
            if let Some(finished) = self.after_step(sid, step) {
                return Ok(finished);
            }
        }
    }

    /// The same, from a blocking worker thread.
    fn run_rotation_blocking(&self, sid: &StructureId) -> ServiceResult<bool> {
        loop {
            let Some(keys) = self.rotations.get(sid) else {
                return Ok(false);
            };
            let step = self
                .db
                .transaction_blocking(|tx| self.rotation_step(tx, sid, &keys))?;
            if let Some(finished) = self.after_step(sid, step) {
                return Ok(finished);
            }
        }
    }

    /// Keeps the keys a step made, or ends the run (`Some(finished)`).
    fn after_step(&self, sid: &StructureId, step: Step) -> Option<bool> {
        match step {
            Step::Prepared(keys) => {
                self.rotations.put(sid, keys);
                None
            }
            Step::Moved => None,
            Step::Finished | Step::StaleKeys => {
                self.rotations.forget(sid);
                Some(matches!(step, Step::Finished))
            }
        }
    }

    /// One transaction of a rotation: make the next key version if due, else move a batch of
    /// old wraps, else close the job. `keys` are the structure's keys, newest first.
    fn rotation_step(
        &self,
        tx: &mut dyn Sql,
        sid: &StructureId,
        keys: &[Key32],
    ) -> ServiceResult<Step> {
        lock_structure(tx, sid)?;
        let now = self.now();
        let state = structures::key_state(tx, sid)?.ok_or(ServiceError::NotFound)?;
        let Some(current) = keys.first().map(|k| KeyPair::from_secret(k.clone())) else {
            return Ok(Step::StaleKeys);
        };
        if state.public_key.as_deref() != Some(current.public().as_bytes().as_slice()) {
            return Ok(Step::StaleKeys);
        }
        if state.rotation_due {
            let next = self.next_key_version(tx, sid, &current, state.version, now)?;
            let mut all = vec![next.secret().clone()];
            all.extend(keys.iter().cloned());
            return Ok(Step::Prepared(all));
        }
        let Some(job) = state.rotation_job else {
            return Ok(Step::Finished);
        };
        let stale = structures::stale_wraps(tx, sid, state.version, BATCH)?;
        // The structure's case files follow the key too (`casefile.rs`).
        let files =
            super::casefile::reseal_stale(&self.platform, tx, sid, keys, state.version, BATCH)?;
        let stale_followups = crate::store::followups::stale(tx, sid, state.version, BATCH)?;
        let stale_news = crate::store::news::stale(tx, sid, state.version, BATCH)?;
        let stale_threads = !crate::store::messages::stale(tx, sid, state.version, 1)?.is_empty();
        if stale.is_empty()
            && files == 0
            && stale_followups.is_empty()
            && stale_news.is_empty()
            && !stale_threads
        {
            structures::set_rotation(tx, sid, false, None)?;
            crate::store::jobs::complete_by_key(tx, &job, now)?;
            let actor = JournalActor {
                kind: "system",
                account: None,
                name: None,
                structure: Some(sid.to_owned()),
            };
            journal_structure(tx, now, &actor, "structure_key_rotated", None)?;
            return Ok(Step::Finished);
        }
        let pairs: Vec<KeyPair> = keys.iter().cloned().map(KeyPair::from_secret).collect();
        let public = current.public();
        let rewrap = |aad: &str, sealed: &[u8]| -> Option<Vec<u8>> {
            let inner = self.platform.open(aad, sealed).ok()?;
            let key = pairs
                .iter()
                .find_map(|p| consigne_vault::unwrap_key_from(p, aad, &inner).ok())?;
            Some(
                self.platform
                    .seal(aad, &consigne_vault::wrap_key_to(&public, aad, &key)),
            )
        };
        // Follow-ups' texts follow the key like the directory entries.
        let mut moved = super::followups::reseal_stale(
            &self.platform,
            tx,
            (sid, keys, state.version),
            &stale_followups,
        )?;
        // So do the news posts.
        moved +=
            super::news::reseal_stale(&self.platform, tx, (sid, keys, state.version), &stale_news)?;
        // Message threads' keys follow it like item shares.
        moved += super::messages::rewrap_stale(tx, sid, &rewrap, (state.version, BATCH))?;
        for w in &stale {
            let done = match w {
                StaleWrap::Share { item_id, wrap } => {
                    let aad = ctx::item_key_share(item_id, sid);
                    match rewrap(&aad, wrap) {
                        Some(new) => {
                            structures::rewrap_share(tx, sid, item_id, wrap, &new, state.version)?;
                            true
                        }
                        None => false,
                    }
                }
                StaleWrap::Relay {
                    beneficiary_id,
                    identity_wrap,
                    recovery_wrap,
                    directory_entry,
                } => {
                    let identity = rewrap(&ctx::relay_identity(beneficiary_id, sid), identity_wrap);
                    let recovery = recovery_wrap
                        .as_ref()
                        .map(|r| rewrap(&ctx::relay_recovery(beneficiary_id, sid), r));
                    // Her directory entry follows the key; one no version opens is cleared.
                    let directory = directory_entry.as_ref().and_then(|e| {
                        super::directory::reseal_entry(&self.platform, keys, sid, beneficiary_id, e)
                    });
                    let rewrapped = match (identity, recovery) {
                        (Some(i), None) => Some((i, None)),
                        (Some(i), Some(Some(r))) => Some((i, Some(r))),
                        _ => None,
                    };
                    match rewrapped {
                        Some((i, r)) => {
                            structures::rewrap_relay(
                                tx,
                                sid,
                                beneficiary_id,
                                identity_wrap,
                                &structures::RelayRewrap {
                                    identity: &i,
                                    recovery: r.as_deref(),
                                    directory: directory.as_deref(),
                                },
                                state.version,
                            )?;
                            true
                        }
                        None => false,
                    }
                }
            };
            if done {
                moved += 1;
            } else {
                // No version opens it: it was unreadable before the rotation too. Marked as
                // moved so the rotation ends; said in the log, never silently.
                tracing::warn!(structure = %sid, "a wrap no structure key version opens was left as it was");
                structures::skip_stale(tx, sid, w, state.version)?;
            }
        }
        tracing::debug!(structure = %sid, moved, "structure key rotation: a batch re-wrapped");
        Ok(Step::Moved)
    }

    /// Makes version `version + 1` of the structure key: wrapped to every remaining key holder,
    /// the current private key wrapped to it. Returns the new key pair.
    fn next_key_version(
        &self,
        tx: &mut dyn Sql,
        sid: &StructureId,
        current: &KeyPair,
        version: i64,
        now: i64,
    ) -> ServiceResult<KeyPair> {
        let next = KeyPair::generate();
        let aad = ctx::structure_key_successor(sid, version);
        let successor_wrap = self.platform.seal(
            &aad,
            &consigne_vault::wrap_key_to(&next.public(), &aad, current.secret()),
        );
        structures::put_key_version(
            tx,
            sid,
            &KeyVersionRow {
                version,
                public_key: current.public().as_bytes().to_vec(),
                successor_wrap: Some(successor_wrap),
            },
            now,
        )?;
        structures::put_key_version(
            tx,
            sid,
            &KeyVersionRow {
                version: version + 1,
                public_key: next.public().as_bytes().to_vec(),
                successor_wrap: None,
            },
            now,
        )?;
        if structures::advance_key(tx, sid, version + 1, next.public().as_bytes())? != 1 {
            return Err(ServiceError::Conflict("key_changed"));
        }
        for m in structures::members(tx, sid)?
            .iter()
            .filter(|m| m.holds_key())
        {
            let public = PublicKey::from_slice(&m.public_key)?;
            let wrap = member_wrap(self, sid, &m.account_id, &public, next.secret());
            structures::replace_member_wrap(tx, sid, &m.account_id, &wrap)?;
        }
        Ok(next)
    }

    /// The ids of an approve or deactivate request, parsed, once the policy allowed it.
    async fn team_action(
        &self,
        session: &Session,
        action: Action,
        sid: &StructureId,
        pid: &AccountId,
    ) -> ServiceResult<(StructureId, AccountId)> {
        let sid = sid.clone();
        let pid = pid.clone();
        let s2 = sid.clone();
        let members = self
            .read(move |tx| Ok(structures::members(tx, &s2)?))
            .await?;
        allow(
            session,
            action,
            Resource::Team {
                id: &sid,
                has_active_admin: has_active_admin(&members),
            },
        )?;
        Ok((sid, pid))
    }

    /// A pending member gets the structure key from an admin of the structure who holds it.
    pub async fn approve_member(
        &self,
        session: &Session,
        sid: &StructureId,
        pid: &AccountId,
    ) -> ServiceResult<()> {
        let (sid, pid) = self
            .team_action(session, Action::ApproveMember, sid, pid)
            .await?;
        let key = session
            .keys
            .structure_key(&sid)
            .ok_or(ServiceError::AccessPending)?;
        let (app, now, actor) = (self.clone(), self.now(), staff_actor(session, &sid));
        let by = session.account_id.clone();
        self.tx(move |tx| {
            lock_structure(tx, &sid)?;
            let member = structures::member(tx, &sid, &pid)?.ok_or(ServiceError::NotFound)?;
            if member.status != MemberStatus::Pending {
                return Err(ServiceError::Conflict("not_pending"));
            }
            let state = structures::key_state(tx, &sid)?.ok_or(ServiceError::NotFound)?;
            if state.public_key.as_deref() != Some(key.public().as_bytes().as_slice()) {
                return Err(ServiceError::AccessPending);
            }
            let public = PublicKey::from_slice(&member.public_key)?;
            let wrap = member_wrap(&app, &sid, &pid, &public, key.secret());
            if structures::approve_member(tx, &sid, &pid, &wrap, &by, now)? != 1 {
                return Err(ServiceError::Conflict("not_pending"));
            }
            journal_structure(tx, now, &actor, "member_approved", Some(pid.as_str()))
        })
        .await
    }

    /// Ends a member's access to the structure: her wrap is deleted, her sessions end, and if
    /// she held the key a rotation is queued (the next key version made at once when the
    /// caller holds the key). Deactivating a deactivated member changes nothing.
    pub async fn deactivate_member(
        &self,
        session: &Session,
        sid: &StructureId,
        pid: &AccountId,
    ) -> ServiceResult<()> {
        let (sid, pid) = self
            .team_action(session, Action::DeactivateMember, sid, pid)
            .await?;
        let held: Vec<Key32> = session
            .keys
            .structure_keys(&sid)
            .map(|p| p.secret().clone())
            .collect();
        let (app, now, actor) = (self.clone(), self.now(), staff_actor(session, &sid));
        let by = session.account_id.clone();
        let (s2, held2) = (sid.clone(), held.clone());
        let rotate = self
            .tx(move |tx| {
                let sid = s2;
                lock_structure(tx, &sid)?;
                let Some(member) = structures::member(tx, &sid, &pid)? else {
                    return Err(ServiceError::NotFound);
                };
                if member.status == MemberStatus::Deactivated {
                    return Ok(None);
                }
                let others = structures::members(tx, &sid)?
                    .iter()
                    .filter(|m| m.holds_key() && m.account_id != pid)
                    .count();
                if member.holds_key() && others == 0 {
                    // Nobody would be left to open what the structure was shared.
                    return Err(ServiceError::Conflict("last_key_holder"));
                }
                structures::deactivate_member(tx, &sid, &pid, &by, now)?;
                crate::store::sessions::delete_others(tx, &pid, None)?;
                journal_structure(tx, now, &actor, "member_deactivated", Some(pid.as_str()))?;
                // A partner software's account: its client is revoked too, whichever way its
                // membership ended, so its secret gets no token any more.
                if crate::store::partners::revoke_client_of_account(tx, &pid, now)? == 1 {
                    journal_structure(tx, now, &actor, "client_revoked", Some(pid.as_str()))?;
                }
                if !member.holds_key() {
                    return Ok(None);
                }
                let state = structures::key_state(tx, &sid)?.ok_or(ServiceError::NotFound)?;
                let job_key = match &state.rotation_job {
                    Some(k) => k.clone(),
                    None => {
                        let key = format!("{JOB_KIND}|{sid}|{}", new_id());
                        let row = job_row(
                            &app,
                            NewJob {
                                kind: JOB_KIND,
                                idempotency_key: key.clone(),
                                payload: serde_json::json!({ "structure_id": sid }),
                                run_at: now,
                                max_attempts: 20,
                            },
                        )?;
                        crate::store::jobs::insert(tx, &row)?;
                        key
                    }
                };
                structures::set_rotation(tx, &sid, true, Some(&job_key))?;
                // The caller holds the current key: the next version is made now, in the same
                // transaction, so nothing new is ever wrapped to the key the member may keep.
                let current = held2
                    .first()
                    .map(|k| KeyPair::from_secret(k.clone()))
                    .filter(|p| {
                        state.public_key.as_deref() == Some(p.public().as_bytes().as_slice())
                    });
                match current {
                    Some(cur) => {
                        let next = app.next_key_version(tx, &sid, &cur, state.version, now)?;
                        let mut keys = vec![next.secret().clone()];
                        keys.extend(held2.iter().cloned());
                        Ok(Some(keys))
                    }
                    None => Ok(None),
                }
            })
            .await?;
        if let Some(keys) = rotate {
            self.rotations.put(&sid, keys);
            self.spawn_rotation(&sid);
        }
        Ok(())
    }

    /// Where a structure's key stands (tests, the durability battery).
    pub async fn structure_key_status(&self, sid: &StructureId) -> ServiceResult<RotationStatus> {
        let sid = sid.to_owned();
        self.read(move |tx| {
            let s = structures::key_state(tx, &sid)?.ok_or(ServiceError::NotFound)?;
            Ok(RotationStatus {
                key_version: s.version,
                rotating: s.rotation_due || s.rotation_job.is_some(),
            })
        })
        .await
    }
}

/// The queue's side of a rotation: runs it when a key holder's session handed this process
/// the key, else looks again later (a key holder's next request starts it anyway).
#[derive(Debug)]
pub struct StructureKeyRotation;

impl JobHandler for StructureKeyRotation {
    fn run(&self, app: &App, _job_id: &str, payload: &serde_json::Value, now: i64) -> Outcome {
        let Some(sid) = payload.get("structure_id").and_then(|v| v.as_str()) else {
            return Outcome::Fail("payload without structure_id".into());
        };
        let sid = &StructureId::stored(sid.to_owned());
        if app.rotations.get(sid).is_none() || !app.rotations.start(sid) {
            return Outcome::Postpone(now + WAIT_FOR_KEY_SECONDS);
        }
        let result = app.run_rotation_blocking(sid);
        app.rotations.stop(sid);
        match result {
            Ok(true) => Outcome::Done,
            Ok(false) => Outcome::Postpone(now + WAIT_FOR_KEY_SECONDS),
            Err(e) => Outcome::Retry(format!("rotation step failed: {e}")),
        }
    }
}

/// Shared with `Arc` inside [`App`].
pub(crate) type SharedRotations = Arc<Rotations>;

/// Ends a member's access as `session` (an admin): what revoking a partner software does to
/// its membership (`service::partners`).
pub(crate) async fn end_membership(
    app: &App,
    session: &Session,
    sid: &StructureId,
    pid: &AccountId,
) -> ServiceResult<()> {
    app.deactivate_member(session, sid, pid).await
}
