//! Getting back in without e-mail or phone (SECURITY.md, "Recovery"):
//! (a) the printed recovery code, renewed after use;
//! (b) an in-person reset started by a professional of a recovery relais the person chose: it
//!     yields a one-time code given to her, and she then sets the password herself; the
//!     professional never sees or sets it.
//! Both answer unknown identifiers the same way, and are journaled and shown to the person at
//! her next login. Neither is held back by login throttling (their codes carry 100 bits; see
//! service/throttle.rs): an abuser failing on her identifier cannot keep her from getting back
//! in. The person chooses which relais may help her.

use super::auth::{DUMMY_SALT, IdentityRecord, check_for_identity, ctx, load_account};
use super::structures::{allow, allow_on_safe};
use super::{App, JournalActor, RecoverRequest, ServiceError, ServiceResult, Session, journal};
use crate::domain::Identifier;
use crate::policy::{Action, Actor, Resource};
use crate::store::beneficiaries::{self, ResetRow};
use crate::store::{accounts, sessions};
use consigne_vault::{KdfParams, recovery};
use serde::Serialize;

/// An in-person reset lasts one day.
const RESET_SECONDS: i64 = 24 * 3600;

#[derive(Debug, Clone, Serialize)]
pub struct InPersonReset {
    /// One-time code to hand to the person (on paper or read out); shown once.
    pub reset_code: String,
    pub expires_at: String,
}

impl App {
    pub async fn recover(&self, req: RecoverRequest) -> ServiceResult<String> {
        let normalized = Identifier::normalize(&req.identifier).map(|i| i.as_str().to_owned());
        let throttle_material = normalized
            .clone()
            .unwrap_or_else(|| req.identifier.trim().to_lowercase());
        let throttling = self.throttle_keys(&throttle_material, req.address);
        let login_index = normalized.as_ref().map(|n| self.blind("login", n));
        let now = self.now();
        let in_person = req.in_person;
        let (loaded, reset) = self
            .tx(move |tx| {
                let account = match &login_index {
                    Some(ix) => accounts::by_login_index(tx, ix)?,
                    None => None,
                };
                let loaded = load_account(tx, account)?;
                let reset = match (&loaded.beneficiary, in_person) {
                    (Some(b), true) => {
                        beneficiaries::reset_of(tx, &b.id)?.filter(|r| r.expires_at > now)
                    }
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
            (Some(_), Some(b), true, Some(r)) => Some((
                r.salt.clone(),
                self.platform
                    .open(&ctx::reset_verifier(&b.id), &r.verifier)?,
                self.platform
                    .open(&ctx::reset_vault(&b.id), &r.vault_wrap)?,
                ctx::reset_vault(&b.id),
            )),
            _ => None,
        };
        let (Some(account), Some(b), Some((salt, stored, wrapped, wrap_ctx))) =
            (loaded.account, loaded.beneficiary, source)
        else {
            self.derive(code.into_bytes(), DUMMY_SALT, self.kdf_params())
                .await?;
            return self
                .fail_recovery(None, ServiceError::InvalidCredentials)
                .await;
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
            return self
                .fail_recovery(who, ServiceError::InvalidCredentials)
                .await;
        }
        let vault = consigne_vault::unwrap_key(&derived.wrap_key, &wrap_ctx, &wrapped)?;
        let keys = self.beneficiary_keys(&account, &b, vault.clone())?;
        let ik = keys
            .identity
            .clone()
            .ok_or(ServiceError::Internal("identity key"))?;
        let identity = IdentityRecord::open(self, &ik, &b.id, &b.identity_sealed)?;
        let new_password = check_for_identity(&identity, &req.new_password)?;
        // A new printed code either way: the old sheet may be lost, or in someone's hands.
        let new_code = recovery::generate_code();
        let params = self.kdf_params();
        let (pw_salt, code_salt) = (consigne_vault::random_salt(), consigne_vault::random_salt());
        let canonical =
            recovery::normalize_code(&new_code).ok_or(ServiceError::Internal("recovery code"))?;
        let (pw, rc) = tokio::try_join!(
            self.derive(new_password.expose().as_bytes().to_vec(), pw_salt, params),
            self.derive(canonical.into_bytes(), code_salt, params)
        )?;
        let app = self.clone();
        self.tx(move |tx| {
            let p = &app.platform;
            let verifier = p.seal(&ctx::verifier(&account.id), &pw.verifier);
            accounts::set_password_verifier(
                tx,
                &account.id,
                &params.encode(),
                &pw_salt,
                &verifier,
                now,
            )?;
            let aad = ctx::vault_password(&b.id);
            beneficiaries::set_password_wrap(
                tx,
                &b.id,
                &p.seal(&aad, &consigne_vault::wrap_key(&pw.wrap_key, &aad, &vault)),
            )?;
            let raad = ctx::vault_recovery(&b.id);
            let code_verifier = p.seal(&ctx::recovery_verifier(&b.id), &rc.verifier);
            let code_wrap = p.seal(
                &raad,
                &consigne_vault::wrap_key(&rc.wrap_key, &raad, &vault),
            );
            beneficiaries::set_recovery(tx, &b.id, &code_salt, &code_verifier, &code_wrap)?;
            beneficiaries::delete_reset(tx, &b.id)?;
            sessions::delete_others(tx, &account.id, None)?;
            app.login_succeeded(tx, &throttling, now)?;
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
        .await?;
        Ok(new_code)
    }

    /// A professional of one of her recovery relais starts an in-person reset. The structure's
    /// key opens the vault-key wrap the person addressed to it; the vault key is then wrapped
    /// under a one-time code for her, valid one day.
    pub async fn start_in_person_reset(
        &self,
        session: &Session,
        bid: &str,
    ) -> ServiceResult<InPersonReset> {
        let bid = super::parse_id(bid)?;
        let b2 = bid.clone();
        let relays = self
            .tx(move |tx| Ok(beneficiaries::relays_of(tx, &b2)?))
            .await?;
        allow_on_safe(session, Action::View, &bid, &relays)?;
        let Actor::Professional { .. } = session.actor else {
            return Err(ServiceError::NotFound);
        };
        let relay = relays
            .iter()
            .filter(|r| r.recovery)
            .find(|r| session.keys.structure_key(&r.structure_id).is_some())
            .ok_or(ServiceError::Forbidden)?;
        let sid = relay.structure_id.clone();
        let (b3, s3) = (bid.clone(), sid.clone());
        let wrap = self
            .tx(move |tx| {
                let row = tx.query_opt(
                    "SELECT recovery_wrap FROM relays WHERE beneficiary_id = $1 AND structure_id = $2",
                    &[b3.as_str().into(), s3.as_str().into()],
                )?;
                Ok(row.map(|r| r.opt_blob(0)).transpose()?.flatten())
            })
            .await?
            .ok_or(ServiceError::Forbidden)?;
        let aad = ctx::relay_recovery(&bid, &sid);
        let vault = session
            .keys
            .open_structure_wrap(&sid, &aad, &self.platform.open(&aad, &wrap)?)
            .ok_or(ServiceError::NotFound)?;
        let reset_code = recovery::generate_code();
        let canonical =
            recovery::normalize_code(&reset_code).ok_or(ServiceError::Internal("reset code"))?;
        let salt = consigne_vault::random_salt();
        let derived = self
            .derive(canonical.into_bytes(), salt, self.kdf_params())
            .await?;
        let now = self.now();
        let vaad = ctx::reset_vault(&bid);
        let row = ResetRow {
            beneficiary_id: bid.clone(),
            structure_id: sid.clone(),
            started_by: Some(session.account_id.clone()),
            salt: salt.to_vec(),
            verifier: self
                .platform
                .seal(&ctx::reset_verifier(&bid), &derived.verifier),
            vault_wrap: self.platform.seal(
                &vaad,
                &consigne_vault::wrap_key(&derived.wrap_key, &vaad, &vault),
            ),
            created_at: now,
            expires_at: now + RESET_SECONDS,
        };
        let actor = JournalActor {
            kind: "professional",
            account: Some(session.account_id.clone()),
            name: Some(session.keys.display_name.clone()),
            structure: Some(sid),
        };
        self.tx(move |tx| {
            beneficiaries::put_reset(tx, &row)?;
            journal(
                tx,
                now,
                Some(&row.beneficiary_id),
                &actor,
                "reset_started",
                None,
                true,
            )
        })
        .await?;
        Ok(InPersonReset {
            reset_code,
            expires_at: crate::clock::rfc3339(now + RESET_SECONDS),
        })
    }

    /// She chooses whether a relais may help her recover access in person: her vault key is
    /// sealed to that structure, or the wrap is deleted.
    pub async fn set_recovery_relay(
        &self,
        session: &Session,
        bid: &str,
        sid: &str,
        enabled: bool,
    ) -> ServiceResult<()> {
        let bid = super::parse_id(bid)?;
        let sid = super::parse_id(sid)?;
        allow(
            session,
            Action::ManageOwn,
            Resource::Beneficiary {
                id: &bid,
                relays: &[],
            },
        )?;
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
                if beneficiaries::reset_of(tx, &bid)?.is_some_and(|r| r.structure_id == sid) {
                    beneficiaries::delete_reset(tx, &bid)?;
                }
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
                Some(("structure", &sid)),
                true,
            )
        })
        .await
    }
}
