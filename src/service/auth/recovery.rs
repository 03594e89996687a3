//! Getting back in without e-mail or phone (SECURITY.md, "Recovery"; docs/threat-model.md,
//! "In-person reset"):
//! (a) the printed recovery code, single use;
//! (b) an in-person reset at a recovery relais the person chose. One member of the structure
//!     starts it; it yields nothing until a second member holding the structure's key confirms
//!     it, or, in a structure whose only such member is the starter, until a delay has passed
//!     during which she is told (SMS, notice at every login) and can cancel it. The confirmation
//!     makes the one-time code given to her; she then sets the password herself.
//! Neither returns a new printed code to whoever recovered: the old one is void, and she prints
//! a new sheet in her session, right after logging in (`new_recovery_code`). Every step is
//! journaled for her. Both answer unknown identifiers the same way. Neither is held back by
//! login throttling (their codes carry 100 bits; see service/auth/throttle.rs): an abuser failing on
//! her identifier cannot keep her from getting back in.

use std::net::IpAddr;
use std::sync::Arc;

use crate::domain::{AccountId, BeneficiaryId, Phone, StructureId};
use crate::policy::{Action, Actor, Resource};
use crate::service::access::{allow, allow_on_safe, own_safe, own_session_safe, structure_access};
use crate::service::auth::identity::beneficiary_keys;
use crate::service::auth::identity::identity_via_structure;
use crate::service::auth::identity::{IdentityRecord, check_for_identity};
use crate::service::auth::login::{DUMMY_SALT, account_by_indexes, typed_login};
use crate::service::auth::sessions::load_account;
use crate::service::auth::throttle::{fail_recovery, login_succeeded, throttle_keys};
use crate::service::beneficiaries::{OpenedSafe, SheetRelay};
use crate::service::beneficiaries::{identity_key_of, identity_of};
use crate::service::calendar::reminders::{catalogs, readdress_reminders, reminder_phone};
use crate::service::contexts as ctx;
use crate::service::jobs::job_row;
use crate::service::jobs::{JobHandler, NewJob, Outcome};
use crate::service::journal::{JournalActor, journal, staff_actor};
use crate::service::{App, NamedRef, ServiceError, ServiceResult, Session, new_id, parse_id};
use crate::sms::{self, Operator, SmsError};
use crate::store::resets::{self, AWAITING, CONFIRMED, DELAYED, ResetRow};
use crate::store::{accounts, beneficiaries, sessions, structures};
use consigne_vault::{KdfParams, Key32, recovery};
use serde::Serialize;

#[derive(Debug)]
pub struct RecoverRequest {
    pub identifier: String,
    /// The printed recovery code, or the one-time code from an in-person reset.
    pub recovery_code: String,
    pub new_password: String,
    pub address: IpAddr,
    /// The code comes from an in-person reset started at her recovery relais.
    pub in_person: bool,
}

/// A confirmed reset's code is valid one day.
const RESET_SECONDS: i64 = 24 * 3600;

/// A reset waits at most a week for its confirmation (after the delay, in a structure of one).
const PENDING_SECONDS: i64 = 7 * 24 * 3600;

/// A new printed code is made only in a session opened less than this long ago: a session
/// left open on a shared computer must not yield a way to take over her safe.
pub(crate) const FRESH_SESSION_SECONDS: i64 = 15 * 60;

/// Security notices by SMS (a reset started, her number changed): sent at once, quiet hours
/// or not, and never naming the structure or the safe's content.
pub const SMS_NOTICE_KIND: &str = "sms_notice";

const SMS_NOTICE_ATTEMPTS: i64 = 6;

/// What starting a reset answers: no code yet.
#[derive(Debug, Clone, Serialize)]
pub struct ResetStarted {
    pub id: String,
    /// `awaiting_confirmation` (a second member must confirm) or `delayed` (structure of one).
    pub status: String,
    /// For a delayed reset: when its starter may confirm it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub usable_from: Option<String>,
    /// The last moment it may be confirmed.
    pub expires_at: String,
}

/// A reset as the members of its structure see it in their pending list.
#[derive(Debug, Clone, Serialize)]
pub struct PendingReset {
    pub id: String,
    pub status: String,
    pub person: NamedRef<BeneficiaryId>,
    pub started_by: NamedRef,
    pub started_at: String,
    pub usable_from: String,
    pub expires_at: String,
    /// Whether the caller may confirm it now (not her own, or her own after the delay).
    pub can_confirm: bool,
}

/// A reset of her safe, as she sees it (notice at login, pages, `GET /me`).
#[derive(Debug, Clone, Serialize)]
pub struct ResetNotice {
    pub id: String,
    pub status: String,
    pub structure: NamedRef<StructureId>,
    pub started_at: String,
    pub usable_from: String,
    pub expires_at: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct InPersonReset {
    /// One-time code to hand to the person (on paper or read out); shown once.
    pub reset_code: String,
    pub expires_at: String,
}

impl App {
    /// Sets a new password with the printed code or a confirmed in-person reset's code. Nothing
    /// is returned: her printed code is void afterwards (used, or possibly in the wrong hands)
    /// and she prints a new sheet once logged in.
    pub async fn recover(&self, req: RecoverRequest) -> ServiceResult<()> {
        let typed = typed_login(self, &req.identifier);
        let throttling = throttle_keys(self, &typed.key, req.address);
        let now = self.now();
        let in_person = req.in_person;
        let (loaded, reset) = self
            .read(move |tx| {
                let account = account_by_indexes(tx, &typed.indexes)?;
                let loaded = load_account(tx, account)?;
                let reset = match (&loaded.beneficiary, in_person) {
                    (Some(b), true) => resets::of_beneficiary(tx, &b.id)?
                        .filter(|r| r.status == CONFIRMED && r.expires_at > now),
                    _ => None,
                };
                Ok((loaded, reset))
            })
            .await?;
        let code = recovery::normalize_code(&req.recovery_code)
            .unwrap_or_else(|| req.recovery_code.clone());
        // Where the secret's salt, verifier and vault-key wrap come from.
        let source = match (&loaded.account, &loaded.beneficiary, in_person, &reset) {
            (Some(_), Some(b), false, _) => Some((
                b.recovery_salt.clone(),
                self.platform
                    .open(&ctx::recovery_verifier(&b.id), &b.recovery_verifier)?,
                self.platform
                    .open(&ctx::vault_recovery(&b.id), &b.vault_wrap_recovery)?,
                ctx::vault_recovery(&b.id),
            )),
            (
                Some(_),
                Some(b),
                true,
                Some(ResetRow {
                    salt: Some(salt),
                    verifier: Some(verifier),
                    vault_wrap: Some(wrap),
                    ..
                }),
            ) => Some((
                salt.clone(),
                self.platform.open(&ctx::reset_verifier(&b.id), verifier)?,
                self.platform.open(&ctx::reset_vault(&b.id), wrap)?,
                ctx::reset_vault(&b.id),
            )),
            _ => None,
        };
        let (Some(account), Some(b), Some((salt, stored, wrapped, wrap_ctx))) =
            (loaded.account, loaded.beneficiary, source)
        else {
            self.derive(code.into_bytes(), DUMMY_SALT, self.kdf_params())
                .await?;
            return fail_recovery(self, None, ServiceError::InvalidCredentials)
                .await
                .map(|_| ());
        };
        let who = Some((account.id.clone(), Some(b.id.clone())));
        let salt: [u8; 16] = salt
            .as_slice()
            .try_into()
            .map_err(|_| ServiceError::Internal("salt"))?;
        let derived = self
            .derive(
                code.into_bytes(),
                salt,
                KdfParams::decode(&account.kdf_params)?,
            )
            .await?;
        if !consigne_vault::verifier_matches(&stored, &derived.verifier) {
            return fail_recovery(self, who, ServiceError::InvalidCredentials)
                .await
                .map(|_| ());
        }
        let vault = consigne_vault::unwrap_key(&derived.wrap_key, &wrap_ctx, &wrapped)?;
        let new_password = new_password_for(self, (&account, &b), &vault, &req.new_password)?;
        // Her printed code is replaced by one nobody ever sees: used once, or, after an
        // in-person reset, possibly in the hands of whoever made her lose access. She prints a
        // new sheet in her session (`new_recovery_code`).
        let params = self.kdf_params();
        let (pw_salt, code_salt) = (consigne_vault::random_salt(), consigne_vault::random_salt());
        let canonical = recovery::normalize_code(&recovery::generate_code())
            .ok_or(ServiceError::Internal("recovery code"))?;
        let (pw, rc) = tokio::try_join!(
            self.derive(new_password.expose().as_bytes().to_vec(), pw_salt, params),
            self.derive(canonical.into_bytes(), code_salt, params)
        )?;
        let reset_id = reset.map(|r| r.id);
        let app = self.clone();
        self.tx(move |tx| {
            if let Some(rid) = &reset_id {
                // Cancelled (or replaced) since it was read: nothing changes.
                tx.lock(&format!("relay_reset/{}", b.id))?;
                if resets::delete(tx, rid)? == 0 {
                    return Err(ServiceError::InvalidCredentials);
                }
            }
            let p = &app.platform;
            store_new_password(
                &app,
                tx,
                (&account.id, &b.id),
                (params, &pw_salt, &pw),
                &vault,
                now,
            )?;
            let raad = ctx::vault_recovery(&b.id);
            let code_verifier = p.seal(&ctx::recovery_verifier(&b.id), &rc.verifier);
            let code_wrap = p.seal(
                &raad,
                &consigne_vault::wrap_key(&rc.wrap_key, &raad, &vault),
            );
            beneficiaries::set_recovery(tx, &b.id, &code_salt, &code_verifier, &code_wrap)?;
            resets::set_new_sheet_due(tx, &b.id, Some(now))?;
            sessions::delete_others(tx, &account.id, None)?;
            login_succeeded(tx, &throttling, now)?;
            let action = if in_person {
                "recovered_in_person"
            } else {
                "recovered_with_code"
            };
            journal(
                tx,
                now,
                Some(&b.id),
                &JournalActor::beneficiary(&account.id),
                action,
                None,
                true,
            )
        })
        .await
    }

    /// A member of one of her recovery relais starts an in-person reset. Nothing secret is made
    /// yet: a second member holding the structure's key confirms it (`confirm_reset`), or, if
    /// the starter is the only one, she may confirm it herself once `[recovery]
    /// single_member_delay_hours` have passed. The person is told at once: an SMS if a number is
    /// on file, and a notice at every login until the reset is used, cancelled or expired.
    pub async fn start_in_person_reset(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
    ) -> ServiceResult<ResetStarted> {
        let bid = bid.clone();
        let b2 = bid.clone();
        let relays = self
            .read(move |tx| Ok(beneficiaries::relays_of(tx, &b2)?))
            .await?;
        allow_on_safe(session, Action::StartReset, &bid, &relays)?;
        let Actor::Professional { .. } = session.actor else {
            return Err(ServiceError::NotFound);
        };
        let (sid, _) = relays
            .iter()
            .filter(|r| r.recovery)
            .find_map(|r| {
                session
                    .keys
                    .structure_key(&r.structure_id)
                    .map(|k| (r.structure_id.clone(), k))
            })
            .ok_or(ServiceError::Forbidden)?;
        // Only a member who really holds the key starts one (her wrap must open).
        self.relay_vault(session, &bid, &sid).await?;
        let (identity, _, _) = identity_of(self, session, &bid).await?;
        let id = new_id();
        let job = self.sms_notice(&identity, None, "sms-reset-started", &format!("reset|{id}"))?;
        let now = self.now();
        let delay = i64::from(self.config.recovery.single_member_delay_hours) * 3600;
        let starter = session.account_id.clone();
        let actor = staff_actor(session, &sid);
        let row = self
            .tx(move |tx| {
                let others = structures::members(tx, &sid)?
                    .iter()
                    .filter(|m| m.has_key && m.account_id != starter)
                    .count();
                let (status, usable_from) = if others > 0 {
                    (AWAITING, now)
                } else {
                    (DELAYED, now + delay)
                };
                let row = ResetRow {
                    id,
                    beneficiary_id: bid.clone(),
                    structure_id: sid,
                    status: status.into(),
                    started_by: Some(starter),
                    started_by_name: None,
                    confirmed_by: None,
                    usable_from,
                    salt: None,
                    verifier: None,
                    vault_wrap: None,
                    created_at: now,
                    expires_at: usable_from + PENDING_SECONDS,
                };
                resets::put(tx, &row)?;
                if let Some(job) = &job {
                    crate::store::jobs::insert(tx, job)?;
                }
                journal(tx, now, Some(&bid), &actor, "reset_started", None, true)?;
                Ok(row)
            })
            .await?;
        Ok(ResetStarted {
            id: row.id,
            usable_from: (row.status == DELAYED).then(|| crate::clock::rfc3339(row.usable_from)),
            status: row.status,
            expires_at: crate::clock::rfc3339(row.expires_at),
        })
    }

    /// Her vault key, opened with a structure's key from the wrap she addressed to it as a
    /// recovery relais; not found once she withdrew that choice.
    async fn relay_vault(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
        sid: &StructureId,
    ) -> ServiceResult<Key32> {
        let (b2, s2) = (bid.to_owned(), sid.to_owned());
        let wrap = self
            .read(move |tx| Ok(beneficiaries::recovery_wrap(tx, &b2, &s2)?))
            .await?
            .ok_or(ServiceError::NotFound)?;
        let aad = ctx::relay_recovery(bid, sid);
        session
            .keys
            .open_structure_wrap(sid, &aad, &self.platform.open(&aad, &wrap)?)
            .ok_or(ServiceError::NotFound)
    }

    /// The reset `id` if the caller may act on it as a member of its structure.
    async fn structure_reset(&self, session: &Session, id: &str) -> ServiceResult<ResetRow> {
        let id = parse_id(id)?;
        let now = self.now();
        let row = self
            .read(move |tx| Ok(resets::by_id(tx, &id)?))
            .await?
            .filter(|r| r.expires_at > now)
            .ok_or(ServiceError::NotFound)?;
        allow(
            session,
            Action::ManageResets,
            Resource::Structure {
                id: &row.structure_id,
            },
        )?;
        Ok(row)
    }

    /// Whether `session` may confirm `r` at `now`: a member other than the starter, or the
    /// starter herself once the delay of a structure of one has passed.
    fn may_confirm(session: &Session, r: &ResetRow, now: i64) -> bool {
        let own = r.started_by.as_ref() == Some(&session.account_id);
        r.status != CONFIRMED && (!own || (r.status == DELAYED && now >= r.usable_from))
    }

    /// A second member (or, after the delay, the only one) confirms a reset: her vault key,
    /// opened with the structure's key, is wrapped under a new one-time code, shown once to the
    /// confirming member to hand to the person.
    pub async fn confirm_reset(&self, session: &Session, id: &str) -> ServiceResult<InPersonReset> {
        let row = self.structure_reset(session, id).await?;
        let now = self.now();
        if row.status == CONFIRMED {
            return Err(ServiceError::Conflict("reset_already_confirmed"));
        }
        if !Self::may_confirm(session, &row, now) {
            return Err(ServiceError::Forbidden);
        }
        if session.keys.structure_key(&row.structure_id).is_none() {
            return Err(ServiceError::AccessPending);
        }
        let bid = row.beneficiary_id.clone();
        let vault = self.relay_vault(session, &bid, &row.structure_id).await?;
        let reset_code = recovery::generate_code();
        let canonical =
            recovery::normalize_code(&reset_code).ok_or(ServiceError::Internal("reset code"))?;
        let salt = consigne_vault::random_salt();
        let derived = self
            .derive(canonical.into_bytes(), salt, self.kdf_params())
            .await?;
        let vaad = ctx::reset_vault(&bid);
        let verifier = self
            .platform
            .seal(&ctx::reset_verifier(&bid), &derived.verifier);
        let wrap = self.platform.seal(
            &vaad,
            &consigne_vault::wrap_key(&derived.wrap_key, &vaad, &vault),
        );
        let expires_at = now + RESET_SECONDS;
        let actor = staff_actor(session, &row.structure_id);
        let by = session.account_id.clone();
        self.tx(move |tx| {
            tx.lock(&format!("relay_reset/{bid}"))?;
            if resets::confirm(tx, &row.id, &by, &salt, &verifier, &wrap, expires_at)? == 0 {
                return Err(match resets::by_id(tx, &row.id)? {
                    Some(_) => ServiceError::Conflict("reset_already_confirmed"),
                    None => ServiceError::NotFound,
                });
            }
            journal(tx, now, Some(&bid), &actor, "reset_confirmed", None, true)
        })
        .await?;
        Ok(InPersonReset {
            reset_code,
            expires_at: crate::clock::rfc3339(expires_at),
        })
    }

    /// Cancels a reset: the person, from any of her sessions, or a member of its structure.
    pub async fn cancel_reset(&self, session: &Session, id: &str) -> ServiceResult<()> {
        let actor = match &session.actor {
            Actor::Beneficiary { .. } => {
                let rid = parse_id(id)?;
                let row = self
                    .read(move |tx| Ok(resets::by_id(tx, &rid)?))
                    .await?
                    .ok_or(ServiceError::NotFound)?;
                allow(
                    session,
                    Action::CancelReset,
                    Resource::Beneficiary {
                        id: &row.beneficiary_id,
                        relays: &[],
                    },
                )?;
                (row, JournalActor::beneficiary(&session.account_id))
            }
            _ => {
                let row = self.structure_reset(session, id).await?;
                let actor = staff_actor(session, &row.structure_id);
                (row, actor)
            }
        };
        let (row, actor) = actor;
        let now = self.now();
        self.tx(move |tx| {
            tx.lock(&format!("relay_reset/{}", row.beneficiary_id))?;
            if resets::delete(tx, &row.id)? == 0 {
                return Err(ServiceError::NotFound);
            }
            journal(
                tx,
                now,
                Some(&row.beneficiary_id),
                &actor,
                "reset_cancelled",
                None,
                true,
            )
        })
        .await
    }

    /// The structure's resets not expired yet, for its members (who started it, for whom).
    pub async fn pending_resets(
        &self,
        session: &Session,
        sid: &StructureId,
    ) -> ServiceResult<Vec<PendingReset>> {
        let (sid, _) = structure_access(session, sid, Action::ManageResets)?;
        let now = self.now();
        let s2 = sid.clone();
        let rows = self
            .read(move |tx| {
                let mut out = Vec::new();
                for r in resets::of_structure(tx, &s2, now)? {
                    let relay = beneficiaries::relay(tx, &r.beneficiary_id, &s2)?;
                    let b = beneficiaries::by_id(tx, &r.beneficiary_id)?;
                    if let (Some(relay), Some(b)) = (relay, b) {
                        out.push((r, relay.identity_wrap, b.identity_sealed));
                    }
                }
                Ok(out)
            })
            .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(r, wrap, sealed)| {
                let identity = identity_via_structure(
                    self,
                    &wrap,
                    &session.keys,
                    &r.beneficiary_id,
                    &sid,
                    &sealed,
                )
                .ok()?;
                Some(PendingReset {
                    can_confirm: Self::may_confirm(session, &r, now),
                    person: NamedRef {
                        id: r.beneficiary_id.clone(),
                        name: identity.display_name(),
                    },
                    started_by: NamedRef {
                        id: r
                            .started_by
                            .as_ref()
                            .map(AccountId::to_string)
                            .unwrap_or_default(),
                        name: r.started_by_name.clone().unwrap_or_default(),
                    },
                    id: r.id,
                    status: r.status,
                    started_at: crate::clock::rfc3339(r.created_at),
                    usable_from: crate::clock::rfc3339(r.usable_from),
                    expires_at: crate::clock::rfc3339(r.expires_at),
                })
            })
            .collect())
    }

    /// For her: the reset of her safe in progress, if any, and whether her printed code is
    /// void (she should print a new sheet).
    pub async fn reset_notice(
        &self,
        session: &Session,
    ) -> ServiceResult<(Option<ResetNotice>, bool)> {
        reset_notice(self, session).await
    }

    /// A new printed recovery code for her, shown once; the previous one is void. Only in a
    /// session opened in the last minutes (`Conflict("login_again")` otherwise).
    pub async fn new_recovery_code(&self, session: &Session) -> ServiceResult<OpenedSafe> {
        let bid = own_session_safe(session)?;
        let now = self.now();
        if now - session.created_at > FRESH_SESSION_SECONDS {
            return Err(ServiceError::Conflict("login_again"));
        }
        let (vault, ik) = match (&session.keys.vault, &session.keys.identity) {
            (Some(v), Some(i)) => (v.clone(), i.clone()),
            _ => return Err(ServiceError::NotFound),
        };
        let b2 = bid.clone();
        let (row, relays) = self
            .read(move |tx| {
                let row = beneficiaries::by_id(tx, &b2)?.ok_or(ServiceError::NotFound)?;
                Ok((row, structures::recovery_relays_of(tx, &b2)?))
            })
            .await?;
        let identity = IdentityRecord::open(self, &ik, &bid, &row.identity_sealed)?;
        let code = recovery::generate_code();
        let canonical =
            recovery::normalize_code(&code).ok_or(ServiceError::Internal("recovery code"))?;
        let salt = consigne_vault::random_salt();
        let rc = self
            .derive(canonical.into_bytes(), salt, self.kdf_params())
            .await?;
        let raad = ctx::vault_recovery(&bid);
        let verifier = self
            .platform
            .seal(&ctx::recovery_verifier(&bid), &rc.verifier);
        let wrap = self.platform.seal(
            &raad,
            &consigne_vault::wrap_key(&rc.wrap_key, &raad, &vault),
        );
        let aid = session.account_id.clone();
        let b3 = bid.clone();
        self.tx(move |tx| {
            beneficiaries::set_recovery(tx, &b3, &salt, &verifier, &wrap)?;
            resets::set_new_sheet_due(tx, &b3, None)?;
            journal(
                tx,
                now,
                Some(&b3),
                &JournalActor::beneficiary(&aid),
                "recovery_code_renewed",
                None,
                true,
            )
        })
        .await?;
        Ok(OpenedSafe {
            id: bid,
            display_name: identity.display_name(),
            identifier: identity.identifier,
            recovery_code: code,
            passphrase: None,
            language: identity.language,
            recovery_relays: relays.iter().map(SheetRelay::from).collect(),
        })
    }

    /// Her phone number (for reminders and security notices), set or removed by her or by a
    /// member of one of her relais; journaled. When a professional changes or removes it, the
    /// previous number is told, so a reset cannot be hidden from her by changing it first. Her
    /// reminders not sent yet follow the number (or wait for one).
    pub async fn set_phone(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
        phone: Option<&str>,
    ) -> ServiceResult<()> {
        let phone = match phone {
            Some(p) => Some(
                Phone::parse_for_sms(p)?
                    .ok_or_else(|| crate::domain::InvalidInput::new("phone", "required"))?,
            ),
            None => None,
        };
        let (ik, via, row) = identity_key_of(self, session, bid, Action::SetPhone).await?;
        let bid = row.id.clone();
        let identity = IdentityRecord::open(self, &ik, &bid, &row.identity_sealed)?;
        let new = phone.map(|p| p.as_str().to_owned());
        if identity.phone == new {
            return Ok(());
        }
        let now = self.now();
        let job = match &via {
            Some(_) => self.sms_notice(
                &identity,
                identity.phone.as_deref(),
                "sms-phone-changed",
                &format!("phone|{bid}|{now}"),
            )?,
            None => None,
        };
        let actor = match &via {
            Some(sid) => staff_actor(session, sid),
            None => JournalActor::beneficiary(&session.account_id),
        };
        let action = if new.is_some() {
            "phone_changed"
        } else {
            "phone_removed"
        };
        let app = self.clone();
        self.tx(move |tx| {
            tx.lock(&format!("identity/{bid}"))?;
            let b = beneficiaries::by_id(tx, &bid)?.ok_or(ServiceError::NotFound)?;
            let mut record = IdentityRecord::open(&app, &ik, &bid, &b.identity_sealed)?;
            record.phone = new.clone();
            beneficiaries::set_identity(tx, &bid, &record.seal(&app, &ik, &bid))?;
            // The reminders not sent yet go to the new number, or wait for one.
            readdress_reminders(&app, tx, &bid, new.as_deref())?;
            if let Some(job) = &job {
                crate::store::jobs::insert(tx, job)?;
            }
            journal(tx, now, Some(&bid), &actor, action, None, true)
        })
        .await
    }

    /// A security notice by SMS to `to` (her number on file when `None`), in her language;
    /// `None` without a number.
    fn sms_notice(
        &self,
        identity: &IdentityRecord,
        to: Option<&str>,
        text_id: &str,
        key: &str,
    ) -> ServiceResult<Option<crate::store::jobs::JobRow>> {
        let to = match to {
            Some(p) => Some(sms::to_e164(p, &self.config.sms.default_country_code)),
            None => reminder_phone(self, identity),
        };
        let Some(to) = to.filter(|p| !p.is_empty()) else {
            return Ok(None);
        };
        let text = catalogs()
            .map(|c| crate::i18n::Locale::new(c.clone(), &identity.language).t(text_id))
            .ok_or(ServiceError::Internal("catalogs"))?;
        job_row(
            self,
            NewJob {
                kind: SMS_NOTICE_KIND,
                idempotency_key: key.to_owned(),
                payload: serde_json::json!({ "to": to, "text": text }),
                run_at: self.now(),
                max_attempts: SMS_NOTICE_ATTEMPTS,
            },
        )
        .map(Some)
    }

    /// She chooses whether a relais may help her recover access in person: her vault key is
    /// sealed to that structure, or the wrap is deleted.
    pub async fn set_recovery_relay(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
        sid: &StructureId,
        enabled: bool,
    ) -> ServiceResult<()> {
        let bid = own_safe(session, bid)?;
        let sid = sid.clone();
        let vault = session.keys.vault.clone().ok_or(ServiceError::NotFound)?;
        let app = self.clone();
        let (now, aid) = (self.now(), session.account_id.clone());
        self.tx(move |tx| {
            let structure =
                crate::store::structures::by_id(tx, &sid)?.ok_or(ServiceError::NotFound)?;
            if beneficiaries::relay(tx, &bid, &sid)?.is_none() {
                return Err(ServiceError::NotFound);
            }
            let wrap = match (enabled, &structure.public_key) {
                (true, Some(pk)) => {
                    let public = consigne_vault::PublicKey::from_slice(pk)?;
                    let aad = ctx::relay_recovery(&bid, &sid);
                    Some(
                        app.platform
                            .seal(&aad, &consigne_vault::wrap_key_to(&public, &aad, &vault)),
                    )
                }
                (true, None) => return Err(ServiceError::Conflict("structure_without_key")),
                (false, _) => None,
            };
            beneficiaries::set_recovery_wrap(tx, &bid, &sid, wrap.as_deref())?;
            if !enabled {
                // A reset started there is void once she withdraws her choice.
                resets::delete_for(tx, &bid, &sid)?;
            }
            let action = if enabled {
                "recovery_relay_added"
            } else {
                "recovery_relay_removed"
            };
            journal(
                tx,
                now,
                Some(&bid),
                &JournalActor::beneficiary(&aid),
                action,
                Some(("structure", sid.as_str())),
                true,
            )
        })
        .await
    }
}

/// The new password she chose at a recovery, checked against her names and birth date (read
/// with the vault key the recovery opened).
pub(crate) fn new_password_for(
    app: &App,
    (account, b): (
        &crate::store::accounts::AccountRow,
        &crate::store::beneficiaries::BeneficiaryRow,
    ),
    vault: &Key32,
    raw: &str,
) -> ServiceResult<crate::domain::Password> {
    let keys = beneficiary_keys(app, account, b, vault.clone())?;
    let ik = keys
        .identity
        .clone()
        .ok_or(ServiceError::Internal("identity key"))?;
    let identity = IdentityRecord::open(app, &ik, &b.id, &b.identity_sealed)?;
    check_for_identity(&identity, raw)
}

/// Her new password after a recovery: its verifier and the vault key wrapped under it.
pub(crate) fn store_new_password(
    app: &App,
    tx: &mut dyn crate::store::Sql,
    (aid, bid): (&AccountId, &BeneficiaryId),
    (params, salt, pw): (KdfParams, &[u8; 16], &consigne_vault::DerivedSecret),
    vault: &Key32,
    now: i64,
) -> ServiceResult<()> {
    let p = &app.platform;
    let verifier = p.seal(&ctx::verifier(aid), &pw.verifier);
    accounts::set_password_verifier(tx, aid, &params.encode(), salt, &verifier, now)?;
    let aad = ctx::vault_password(bid);
    beneficiaries::set_password_wrap(
        tx,
        bid,
        &p.seal(&aad, &consigne_vault::wrap_key(&pw.wrap_key, &aad, vault)),
    )?;
    Ok(())
}

/// For her: the reset of her safe in progress, if any, and whether her printed code is
/// void (she should print a new sheet).
pub(crate) async fn reset_notice(
    app: &App,
    session: &Session,
) -> ServiceResult<(Option<ResetNotice>, bool)> {
    let Some(bid) = session.beneficiary_id.clone() else {
        return Ok((None, false));
    };
    let now = app.now();
    app.read(move |tx| {
        let due = resets::new_sheet_due_since(tx, &bid)?.is_some();
        let Some(r) = resets::of_beneficiary(tx, &bid)?.filter(|r| r.expires_at > now) else {
            return Ok((None, due));
        };
        let name = structures::by_id(tx, &r.structure_id)?
            .map(|s| s.name)
            .unwrap_or_default();
        Ok((
            Some(ResetNotice {
                structure: NamedRef {
                    id: r.structure_id,
                    name,
                },
                id: r.id,
                status: r.status,
                started_at: crate::clock::rfc3339(r.created_at),
                usable_from: crate::clock::rfc3339(r.usable_from),
                expires_at: crate::clock::rfc3339(r.expires_at),
            }),
            due,
        ))
    })
    .await
}

/// Sends security notices (`SMS_NOTICE_KIND`): at once, whatever the hour.
pub struct SmsNotices {
    pub operator: Option<Arc<dyn Operator>>,
}

impl JobHandler for SmsNotices {
    fn run(&self, _app: &App, job: &str, payload: &serde_json::Value, _now: i64) -> Outcome {
        let (Some(to), Some(text)) = (payload["to"].as_str(), payload["text"].as_str()) else {
            return Outcome::Fail("malformed notice".into());
        };
        let Some(operator) = &self.operator else {
            return Outcome::Retry("no SMS operator is configured ([sms] operator)".into());
        };
        let message = sms::Message {
            to: to.to_owned(),
            encoded: sms::encode(text),
            reference: job.to_owned(),
        };
        match operator.send(&message) {
            Ok(_) => Outcome::Done,
            Err(SmsError::Temporary(e)) => Outcome::Retry(e),
            Err(SmsError::Permanent(e)) => Outcome::Fail(e),
        }
    }
}
