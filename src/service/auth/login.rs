//! Logging in: the password (Argon2id outside any transaction), then the second factor for
//! staff, then the session.
//!
//! Unknown identifiers run the same Argon2id work and the same throttling bookkeeping as wrong
//! passwords, and both end in the same `InvalidCredentials`: nobody learns whether a person
//! has a safe (SECURITY.md, promise 5).

use crate::domain::{AccountKind, BeneficiaryId, Email, TypedIdentifier};
use crate::service::Stage;
use crate::service::auth::identity::IdentityRecord;
use crate::service::auth::identity::beneficiary_keys;
use crate::service::auth::sessions::create_session;
use crate::service::auth::sessions::{load_account, load_throttled};
use crate::service::auth::throttle::{check_throttle, fail_login, login_succeeded, throttle_keys};
use crate::service::auth::totp::totp_step;
use crate::service::contexts as ctx;
use crate::service::journal::{JournalActor, journal};
use crate::service::members::Keyring;
use crate::service::members::structure_keys_of;
use crate::service::onboarding::onboarding_at_login;
use crate::service::{App, SecurityNotices, ServiceError, ServiceResult, Session, SessionKeys};
use crate::store::Sql;
use crate::store::accounts::{self, AccountRow};
use crate::store::beneficiaries::{self, BeneficiaryRow};
use crate::store::sessions;
use crate::store::structures::MembershipRow;
use consigne_vault::{KdfParams, Key32};
use std::net::IpAddr;

/// Salt of the dummy hash run for unknown identifiers; any fixed value does.
pub(crate) const DUMMY_SALT: [u8; 16] = *b"consigne-dummy!!";

#[derive(Debug)]
pub struct LoginRequest {
    pub identifier: String,
    pub password: String,
    pub totp: Option<String>,
    pub address: IpAddr,
    /// Pages log in in two steps (password, then code): a pending session carries the first.
    pub allow_pending: bool,
    /// The language she chose with the login page's picker, if any (`keep_picked_language`).
    pub language: Option<String>,
}

#[derive(Debug)]
pub enum LoginOutcome {
    Full {
        token: String,
        session: Box<Session>,
    },
    TotpPending {
        token: String,
    },
}

/// A login as typed: what throttling counts against (the e-mail, or the identifier's key,
/// the same for every spelling of it) and the blind indexes of the accounts it may name (one
/// for an e-mail, one per reading of an identifier; none for something that is neither).
#[derive(Debug, Clone)]
pub(crate) struct TypedLogin {
    pub(crate) key: String,
    pub(crate) indexes: Vec<Vec<u8>>,
}

pub(crate) fn typed_login(app: &App, raw: &str) -> TypedLogin {
    let (key, logins) = if raw.contains('@') {
        match Email::parse(raw) {
            Ok(e) => (e.as_str().to_owned(), vec![e.as_str().to_owned()]),
            Err(_) => (raw.trim().to_lowercase(), Vec::new()),
        }
    } else {
        match TypedIdentifier::parse(raw) {
            Some(t) => (
                t.key().to_owned(),
                t.readings().iter().map(|i| i.as_str().to_owned()).collect(),
            ),
            None => (raw.trim().to_lowercase(), Vec::new()),
        }
    };
    TypedLogin {
        key,
        indexes: logins.iter().map(|l| app.blind("login", l)).collect(),
    }
}

/// The account the first of `indexes` that names one names (the likeliest reading first).
pub(crate) fn account_by_indexes(
    tx: &mut dyn Sql,
    indexes: &[Vec<u8>],
) -> ServiceResult<Option<AccountRow>> {
    for ix in indexes {
        if let Some(a) = accounts::by_login_index(tx, ix)? {
            return Ok(Some(a));
        }
    }
    Ok(None)
}

impl App {
    pub async fn login(&self, req: LoginRequest) -> ServiceResult<LoginOutcome> {
        let typed = typed_login(self, &req.identifier);
        let throttling = throttle_keys(self, &typed.key, req.address);
        let now = self.now();
        let app = self.clone();
        let k = throttling.clone();
        let loaded = self
            .read(move |tx| {
                check_throttle(&app, tx, &k, now)?;
                let account = account_by_indexes(tx, &typed.indexes)?;
                load_account(tx, account)
            })
            .await?;
        let password = req.password.as_bytes().to_vec();
        let Some(account) = loaded.account else {
            self.derive(password, DUMMY_SALT, self.kdf_params()).await?;
            return fail_login(self, throttling, None, ServiceError::InvalidCredentials).await;
        };
        let who = (
            account.id.clone(),
            loaded.beneficiary.as_ref().map(|b| b.id.clone()),
        );
        let Some(keys) = check_password(
            self,
            &account,
            loaded.beneficiary.as_ref(),
            &loaded.memberships,
            &loaded.keyring,
            password,
        )
        .await?
        else {
            return fail_login(
                self,
                throttling,
                Some(who),
                ServiceError::InvalidCredentials,
            )
            .await;
        };
        // Only who knows her password learns that a deactivated member's account is closed.
        if loaded.keyring.deactivated {
            return Err(ServiceError::AccountDeactivated);
        }
        let staff = account.kind != AccountKind::Beneficiary;
        let mut used_step = None;
        let mut stage = Stage::Full;
        if staff && account.totp_confirmed {
            match req.totp.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
                None if req.allow_pending => stage = Stage::TotpPending,
                None => return Err(ServiceError::TotpRequired),
                Some(code) => match totp_step(self, &account, code)? {
                    Some(step) => used_step = Some(step),
                    None => {
                        return fail_login(self, throttling, Some(who), ServiceError::TotpRequired)
                            .await;
                    }
                },
            }
        } else if staff && self.require_totp() {
            stage = Stage::EnrollTotp;
        }
        let app = self.clone();
        let (aid, bid) = who.clone();
        let k = throttling.clone();
        let picked = req
            .language
            .as_deref()
            .and_then(|l| crate::domain::Language::parse(l).ok());
        let result = self
            .tx(move |tx| {
                if let Some(step) = used_step
                    && !accounts::use_totp_step(tx, &aid, step)?
                {
                    return Ok(None);
                }
                let mut keys = keys;
                if let Some(lang) = picked {
                    keep_picked_language(&app, tx, &account, bid.as_ref(), &mut keys, lang)?;
                }
                if stage != Stage::TotpPending {
                    login_succeeded(tx, &k, now)?;
                    if let Some(bid) = &bid {
                        keys.notices = notices_since_last_login(tx, bid)?;
                        keys.onboarding = onboarding_at_login(&app, tx, bid)?;
                        journal(
                            tx,
                            now,
                            Some(bid),
                            &JournalActor::beneficiary(&aid),
                            "login",
                            None,
                            true,
                        )?;
                    }
                }
                Ok(Some(create_session(
                    &app,
                    tx,
                    &account,
                    loaded.beneficiary.as_ref(),
                    &loaded.memberships,
                    stage,
                    keys,
                )?))
            })
            .await?;
        match result {
            // A replayed code counts as a wrong one.
            None => fail_login(self, throttling, Some(who), ServiceError::TotpRequired).await,
            Some((token, session)) if stage == Stage::TotpPending => {
                drop(session);
                Ok(LoginOutcome::TotpPending { token })
            }
            Some((token, session)) => Ok(LoginOutcome::Full {
                token,
                session: Box::new(session),
            }),
        }
    }

    /// Second step of a page login: the code turns a pending session into a full one (new token).
    pub async fn complete_totp(
        &self,
        pending: &Session,
        code: &str,
        address: IpAddr,
    ) -> ServiceResult<(String, Session)> {
        if pending.stage != Stage::TotpPending {
            return Err(ServiceError::Unauthenticated);
        }
        let aid = pending.account_id.clone();
        let login = pending.email.clone().unwrap_or_default();
        let throttling = throttle_keys(self, &login, address);
        let now = self.now();
        let loaded = load_throttled(self, aid.clone(), &throttling, now).await?;
        let account = loaded.account.ok_or(ServiceError::Unauthenticated)?;
        let Some(step) = totp_step(self, &account, code)? else {
            return match fail_login::<()>(self, throttling, None, ServiceError::WrongCode).await {
                Err(e) => Err(e),
                Ok(_) => Err(ServiceError::WrongCode),
            };
        };
        let app = self.clone();
        let keys = pending.keys.clone();
        let old = pending.token_hash.clone();
        let replay_ok = self
            .tx(move |tx| {
                if !accounts::use_totp_step(tx, &account.id, step)? {
                    return Ok(None);
                }
                sessions::delete(tx, &old)?;
                login_succeeded(tx, &throttling, now)?;
                Ok(Some(create_session(
                    &app,
                    tx,
                    &account,
                    None,
                    &loaded.memberships,
                    Stage::Full,
                    keys,
                )?))
            })
            .await?;
        replay_ok.ok_or(ServiceError::WrongCode)
    }
}

/// Argon2id, then the password verifier; on success the account's keys, unwrapped.
pub(crate) async fn check_password(
    app: &App,
    account: &AccountRow,
    beneficiary: Option<&BeneficiaryRow>,
    memberships: &[MembershipRow],
    keyring: &Keyring,
    password: Vec<u8>,
) -> ServiceResult<Option<SessionKeys>> {
    let params = KdfParams::decode(&account.kdf_params)?;
    let salt: [u8; 16] = account
        .kdf_salt
        .as_slice()
        .try_into()
        .map_err(|_| ServiceError::Internal("salt"))?;
    let derived = app.derive(password, salt, params).await?;
    let stored = app
        .platform
        .open(&ctx::verifier(&account.id), &account.password_verifier)?;
    if !consigne_vault::verifier_matches(&stored, &derived.verifier) {
        return Ok(None);
    }
    match beneficiary {
        Some(b) => {
            let wrapped = app
                .platform
                .open(&ctx::vault_password(&b.id), &b.vault_wrap_password)?;
            let vault = consigne_vault::unwrap_key(
                &derived.wrap_key,
                &ctx::vault_password(&b.id),
                &wrapped,
            )?;
            beneficiary_keys(app, account, b, vault).map(Some)
        }
        None => {
            let wrapped = app
                .platform
                .open(&ctx::secret_key(&account.id), &account.secret_key_wrap)?;
            let secret = consigne_vault::unwrap_key(
                &derived.wrap_key,
                &ctx::secret_key(&account.id),
                &wrapped,
            )?;
            staff_keys(app, account, memberships, keyring, secret).map(Some)
        }
    }
}

pub(crate) fn staff_keys(
    app: &App,
    account: &AccountRow,
    memberships: &[MembershipRow],
    keyring: &Keyring,
    secret: Key32,
) -> ServiceResult<SessionKeys> {
    let structures = structure_keys_of(app, &account.id, &secret, memberships, keyring)?;
    Ok(SessionKeys {
        secret,
        vault: None,
        identity: None,
        structures,
        display_name: account.display_name.clone().unwrap_or_default(),
        language: account
            .language
            .clone()
            .unwrap_or_else(|| app.config.default_language.clone()),
        notices: SecurityNotices::default(),
        onboarding: Default::default(),
        scopes: None,
        pairs: Default::default(),
    })
}

/// The language she picked on the login page becomes this session's: she lands in the
/// language she was reading. It also becomes her preference when she has none of her own yet:
/// a person whose language the professional who opened her safe set (or the default), a staff
/// account that never chose one. A language she chose herself (in her settings, with the
/// picker once logged in, or on an earlier login page) stays: a picker left on someone else's
/// language on a shared computer changes her session only.
fn keep_picked_language(
    app: &App,
    tx: &mut dyn Sql,
    account: &AccountRow,
    bid: Option<&BeneficiaryId>,
    keys: &mut SessionKeys,
    lang: crate::domain::Language,
) -> ServiceResult<()> {
    let lang = lang.code();
    keys.language = lang.to_owned();
    match (bid, &keys.identity) {
        (Some(bid), Some(ik)) => {
            let b = beneficiaries::by_id(tx, bid)?.ok_or(ServiceError::NotFound)?;
            let mut identity = IdentityRecord::open(app, ik, bid, &b.identity_sealed)?;
            // Written once: from then on the language is hers.
            if !identity.language_chosen {
                identity.language = lang.to_owned();
                identity.language_chosen = true;
                beneficiaries::set_identity(tx, bid, &identity.seal(app, ik, bid))?;
            }
        }
        _ if account.language.is_none() => {
            accounts::set_language(tx, &account.id, lang)?;
        }
        _ => {}
    }
    Ok(())
}

fn notices_since_last_login(
    tx: &mut dyn Sql,
    bid: &BeneficiaryId,
) -> ServiceResult<SecurityNotices> {
    let mut notices = SecurityNotices::default();
    for e in crate::store::journal::since_last_login(tx, bid)? {
        match (e.action.as_str(), e.outcome.as_str()) {
            ("login", "failure") => notices.failed_logins += 1,
            ("recovered_with_code" | "recovered_in_person" | "recovered_with_question", _) => {
                notices.recovered_at = Some(e.at);
                notices.recovered_in_person = e.action == "recovered_in_person";
                notices.recovered_by_question = e.action == "recovered_with_question";
            }
            ("password_changed", _) => notices.password_changed_at = Some(e.at),
            _ => {}
        }
    }
    Ok(notices)
}
