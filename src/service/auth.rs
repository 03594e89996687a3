//! Logging in and out, sessions, second factor, password change and recovery by printed code.
//!
//! Unknown identifiers run the same Argon2id work and the same throttling bookkeeping as wrong
//! passwords, and both end in the same `InvalidCredentials`: nobody learns whether a person
//! has a safe (SECURITY.md, promise 5).

use super::keys::Stage;
use super::{
    App, JournalActor, ServiceError, ServiceResult, Session, SessionKeys, journal, new_id,
};
use crate::domain::{Email, Identifier, Password};
use crate::policy::{Actor, Membership};
use crate::store::accounts::{self, AccountRow};
use crate::store::beneficiaries::{self, BeneficiaryRow};
use crate::store::structures::{self, MembershipRow};
use crate::store::{Sql, sessions};
use base64::Engine;
use consigne_vault::{KdfParams, Key32, KeyPair, totp};
use serde::{Deserialize, Serialize};
use std::net::IpAddr;

/// Salt of the dummy hash run for unknown identifiers; any fixed value does.
pub(crate) const DUMMY_SALT: [u8; 16] = *b"consigne-dummy!!";
/// A login waiting for its second factor lives at most this long.
const PENDING_SECONDS: i64 = 300;

/// Context strings bound into every ciphertext (see docs/encryption.md).
pub mod ctx {
    pub fn verifier(aid: &str) -> String {
        format!("accounts.password_verifier|{aid}")
    }
    pub fn secret_key(aid: &str) -> String {
        format!("accounts.secret_key|{aid}")
    }
    pub fn totp(aid: &str) -> String {
        format!("accounts.totp_secret|{aid}")
    }
    pub fn vault_password(bid: &str) -> String {
        format!("beneficiaries.vault_key/password|{bid}")
    }
    pub fn vault_recovery(bid: &str) -> String {
        format!("beneficiaries.vault_key/recovery|{bid}")
    }
    pub fn recovery_verifier(bid: &str) -> String {
        format!("beneficiaries.recovery_verifier|{bid}")
    }
    pub fn identity_key(bid: &str) -> String {
        format!("beneficiaries.identity_key|{bid}")
    }
    pub fn identity(bid: &str) -> String {
        format!("beneficiaries.identity|{bid}")
    }
    pub fn relay_identity(bid: &str, sid: &str) -> String {
        format!("relays.identity_key|{bid}|{sid}")
    }
    pub fn relay_recovery(bid: &str, sid: &str) -> String {
        format!("relays.vault_key|{bid}|{sid}")
    }
    pub fn reset_verifier(bid: &str) -> String {
        format!("relay_resets.verifier|{bid}")
    }
    pub fn reset_vault(bid: &str) -> String {
        format!("relay_resets.vault_key|{bid}")
    }
    pub fn structure_key(sid: &str, aid: &str) -> String {
        format!("memberships.structure_key|{sid}|{aid}")
    }
    pub fn session(aid: &str) -> String {
        format!("sessions.keys|{aid}")
    }
}

/// What a beneficiary's identity record holds; sealed under her identity key.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct IdentityRecord {
    pub first_name: String,
    pub last_name: String,
    pub birth_date: String,
    pub phone: Option<String>,
    pub language: String,
    pub identifier: String,
}

impl IdentityRecord {
    pub fn seal(&self, app: &App, ik: &Key32, bid: &str) -> Vec<u8> {
        let json = zeroize::Zeroizing::new(serde_json::to_vec(self).unwrap_or_default());
        app.platform.seal(
            &ctx::identity(bid),
            &consigne_vault::seal(ik, &ctx::identity(bid), &json),
        )
    }
    pub fn open(app: &App, ik: &Key32, bid: &str, sealed: &[u8]) -> ServiceResult<Self> {
        let inner = app.platform.open(&ctx::identity(bid), sealed)?;
        let json = consigne_vault::open(ik, &ctx::identity(bid), &inner)?;
        serde_json::from_slice(&json).map_err(|_| ServiceError::Internal("identity record"))
    }
    pub fn display_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }
}

#[derive(Debug)]
pub struct LoginRequest {
    pub identifier: String,
    pub password: String,
    pub totp: Option<String>,
    pub address: IpAddr,
    /// Pages log in in two steps (password, then code): a pending session carries the first.
    pub allow_pending: bool,
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

#[derive(Debug, Clone, Serialize)]
pub struct StructureRef {
    pub id: String,
    pub name: String,
    pub role: String,
}

/// The `account` object of the API.
#[derive(Debug, Clone, Serialize)]
pub struct AccountView {
    pub id: String,
    pub kind: String,
    pub display_name: String,
    pub language: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub beneficiary_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub structures: Option<Vec<StructureRef>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub must_enroll_totp: Option<bool>,
    /// For a person: failed logins, recovery or password change since her previous login.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub security_notices: Option<SecurityNoticesView>,
    /// For a person: an in-person reset of her safe in progress, which she may cancel.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pending_reset: Option<super::recovery::ResetNotice>,
    /// For a person: her printed code is void (used, or voided by a reset); she should print a
    /// new sheet (`POST /api/v1/me/recovery-code`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_sheet_due: Option<bool>,
}

/// `security_notices` of the API, times in RFC 3339.
#[derive(Debug, Clone, Serialize)]
pub struct SecurityNoticesView {
    pub failed_logins: i64,
    pub recovered_at: Option<String>,
    pub password_changed_at: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TotpEnrollment {
    pub secret: String,
    pub otpauth_uri: String,
}

/// The login key of an account: an e-mail for staff, a normalised identifier for people.
pub fn normalize_login(raw: &str) -> Option<String> {
    if raw.contains('@') {
        Email::parse(raw).ok().map(|e| e.as_str().to_owned())
    } else {
        Identifier::normalize(raw).map(|i| i.as_str().to_owned())
    }
}

fn decode_token(token: &str) -> Option<Vec<u8>> {
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(token.trim())
        .ok()?;
    (bytes.len() == 32).then_some(bytes)
}

pub(crate) struct Loaded {
    pub account: Option<AccountRow>,
    pub beneficiary: Option<BeneficiaryRow>,
    pub memberships: Vec<MembershipRow>,
    /// Staff: the structure keys' older versions and rotations (service::members).
    pub keyring: super::members::Keyring,
}

pub(crate) fn load_account(tx: &mut dyn Sql, account: Option<AccountRow>) -> ServiceResult<Loaded> {
    let (beneficiary, memberships, keyring) = match &account {
        Some(a) if a.kind == "beneficiary" => (
            beneficiaries::by_account(tx, &a.id)?,
            Vec::new(),
            Default::default(),
        ),
        Some(a) => {
            let memberships = structures::memberships_of(tx, &a.id)?;
            let keyring = super::members::Keyring::load(tx, &a.id, &memberships)?;
            (None, memberships, keyring)
        }
        None => (None, Vec::new(), Default::default()),
    };
    Ok(Loaded {
        account,
        beneficiary,
        memberships,
        keyring,
    })
}

fn actor_of(
    account: &AccountRow,
    beneficiary: Option<&BeneficiaryRow>,
    memberships: &[MembershipRow],
) -> ServiceResult<Actor> {
    Ok(match account.kind.as_str() {
        "beneficiary" => Actor::Beneficiary {
            account_id: account.id.clone(),
            beneficiary_id: beneficiary
                .map(|b| b.id.clone())
                .ok_or(ServiceError::Internal("beneficiary row"))?,
        },
        "platform_admin" => Actor::PlatformAdmin {
            account_id: account.id.clone(),
        },
        _ => Actor::Professional {
            account_id: account.id.clone(),
            memberships: memberships
                .iter()
                .map(|m| {
                    Ok(Membership {
                        structure_id: m.structure.id.clone(),
                        role: crate::domain::StaffRole::parse(&m.role)?,
                        kind: crate::domain::StructureKind::parse(&m.structure.kind)?,
                        approved: m.structure_key_wrap.is_some(),
                    })
                })
                .collect::<ServiceResult<_>>()?,
        },
    })
}

impl App {
    pub async fn login(&self, req: LoginRequest) -> ServiceResult<LoginOutcome> {
        let normalized = normalize_login(&req.identifier);
        let throttle_material = normalized
            .clone()
            .unwrap_or_else(|| req.identifier.trim().to_lowercase());
        let throttling = self.throttle_keys(&throttle_material, req.address);
        let login_index = normalized.as_ref().map(|n| self.blind("login", n));
        let now = self.now();
        let app = self.clone();
        let k = throttling.clone();
        let loaded = self
            .read(move |tx| {
                app.check_throttle(tx, &k, now)?;
                let account = match &login_index {
                    Some(ix) => accounts::by_login_index(tx, ix)?,
                    None => None,
                };
                load_account(tx, account)
            })
            .await?;
        let password = req.password.as_bytes().to_vec();
        let Some(account) = loaded.account else {
            self.derive(password, DUMMY_SALT, self.kdf_params()).await?;
            return self
                .fail_login(throttling, None, ServiceError::InvalidCredentials)
                .await;
        };
        let who = (
            account.id.clone(),
            loaded.beneficiary.as_ref().map(|b| b.id.clone()),
        );
        let Some(keys) = self
            .check_password(
                &account,
                loaded.beneficiary.as_ref(),
                &loaded.memberships,
                &loaded.keyring,
                password,
            )
            .await?
        else {
            return self
                .fail_login(throttling, Some(who), ServiceError::InvalidCredentials)
                .await;
        };
        // Only who knows her password learns that a deactivated member's account is closed.
        if loaded.keyring.deactivated {
            return Err(ServiceError::AccountDeactivated);
        }
        let staff = account.kind != "beneficiary";
        let mut used_step = None;
        let mut stage = Stage::Full;
        if staff && account.totp_confirmed {
            match req.totp.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
                None if req.allow_pending => stage = Stage::TotpPending,
                None => return Err(ServiceError::TotpRequired),
                Some(code) => match self.totp_step(&account, code)? {
                    Some(step) => used_step = Some(step),
                    None => {
                        return self
                            .fail_login(throttling, Some(who), ServiceError::TotpRequired)
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
        let result = self
            .tx(move |tx| {
                if let Some(step) = used_step
                    && !accounts::use_totp_step(tx, &aid, step)?
                {
                    return Ok(None);
                }
                let mut keys = keys;
                if stage != Stage::TotpPending {
                    app.login_succeeded(tx, &k, now)?;
                    if let Some(bid) = &bid {
                        keys.notices = notices_since_last_login(tx, bid)?;
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
                Ok(Some(app.create_session(
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
            None => {
                self.fail_login(throttling, Some(who), ServiceError::TotpRequired)
                    .await
            }
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
        let throttling = self.throttle_keys(&login, address);
        let now = self.now();
        let app = self.clone();
        let k = throttling.clone();
        let a2 = aid.clone();
        let loaded = self
            .read(move |tx| {
                app.check_throttle(tx, &k, now)?;
                let account = accounts::by_id(tx, &a2)?;
                load_account(tx, account)
            })
            .await?;
        let account = loaded.account.ok_or(ServiceError::Unauthenticated)?;
        let Some(step) = self.totp_step(&account, code)? else {
            return match self
                .fail_login(throttling, None, ServiceError::WrongCode)
                .await
            {
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
                app.login_succeeded(tx, &throttling, now)?;
                Ok(Some(app.create_session(
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

    fn totp_step(&self, account: &AccountRow, code: &str) -> ServiceResult<Option<i64>> {
        let Some(sealed) = &account.totp_secret else {
            return Ok(None);
        };
        let secret = self.platform.open(&ctx::totp(&account.id), sealed)?;
        Ok(totp::verify(&secret, code.trim(), self.now()))
    }

    /// Argon2id, then the password verifier; on success the account's keys, unwrapped.
    async fn check_password(
        &self,
        account: &AccountRow,
        beneficiary: Option<&BeneficiaryRow>,
        memberships: &[MembershipRow],
        keyring: &super::members::Keyring,
        password: Vec<u8>,
    ) -> ServiceResult<Option<SessionKeys>> {
        let params = KdfParams::decode(&account.kdf_params)?;
        let salt: [u8; 16] = account
            .kdf_salt
            .as_slice()
            .try_into()
            .map_err(|_| ServiceError::Internal("salt"))?;
        let derived = self.derive(password, salt, params).await?;
        let stored = self
            .platform
            .open(&ctx::verifier(&account.id), &account.password_verifier)?;
        if !consigne_vault::verifier_matches(&stored, &derived.verifier) {
            return Ok(None);
        }
        match beneficiary {
            Some(b) => {
                let wrapped = self
                    .platform
                    .open(&ctx::vault_password(&b.id), &b.vault_wrap_password)?;
                let vault = consigne_vault::unwrap_key(
                    &derived.wrap_key,
                    &ctx::vault_password(&b.id),
                    &wrapped,
                )?;
                self.beneficiary_keys(account, b, vault).map(Some)
            }
            None => {
                let wrapped = self
                    .platform
                    .open(&ctx::secret_key(&account.id), &account.secret_key_wrap)?;
                let secret = consigne_vault::unwrap_key(
                    &derived.wrap_key,
                    &ctx::secret_key(&account.id),
                    &wrapped,
                )?;
                self.staff_keys(account, memberships, keyring, secret)
                    .map(Some)
            }
        }
    }

    pub(crate) fn beneficiary_keys(
        &self,
        account: &AccountRow,
        b: &BeneficiaryRow,
        vault: Key32,
    ) -> ServiceResult<SessionKeys> {
        let ik_wrap = self
            .platform
            .open(&ctx::identity_key(&b.id), &b.identity_key_wrap)?;
        let identity_key = consigne_vault::unwrap_key(&vault, &ctx::identity_key(&b.id), &ik_wrap)?;
        let sk_wrap = self
            .platform
            .open(&ctx::secret_key(&account.id), &account.secret_key_wrap)?;
        let secret = consigne_vault::unwrap_key(&vault, &ctx::secret_key(&account.id), &sk_wrap)?;
        let identity = IdentityRecord::open(self, &identity_key, &b.id, &b.identity_sealed)?;
        Ok(SessionKeys {
            secret,
            vault: Some(vault),
            identity: Some(identity_key),
            structures: Vec::new(),
            display_name: identity.display_name(),
            language: identity.language,
            notices: super::SecurityNotices::default(),
        })
    }

    fn staff_keys(
        &self,
        account: &AccountRow,
        memberships: &[MembershipRow],
        keyring: &super::members::Keyring,
        secret: Key32,
    ) -> ServiceResult<SessionKeys> {
        let structures = self.structure_keys_of(&account.id, &secret, memberships, keyring)?;
        Ok(SessionKeys {
            secret,
            vault: None,
            identity: None,
            structures,
            display_name: account.display_name.clone().unwrap_or_default(),
            language: account
                .language
                .clone()
                .unwrap_or_else(|| self.config.default_language.clone()),
            notices: super::SecurityNotices::default(),
        })
    }

    fn session_ttl(&self, kind: &str, stage: Stage) -> (i64, i64) {
        let s = &self.config.sessions;
        match (kind, stage) {
            (_, Stage::TotpPending) => (PENDING_SECONDS, PENDING_SECONDS),
            ("beneficiary", _) => (
                s.beneficiary_idle_minutes * 60,
                s.beneficiary_absolute_minutes * 60,
            ),
            _ => (s.staff_idle_minutes * 60, s.staff_absolute_minutes * 60),
        }
    }

    pub(crate) fn create_session(
        &self,
        tx: &mut dyn Sql,
        account: &AccountRow,
        beneficiary: Option<&BeneficiaryRow>,
        memberships: &[MembershipRow],
        stage: Stage,
        keys: SessionKeys,
    ) -> ServiceResult<(String, Session)> {
        let raw: [u8; 32] = consigne_vault::random_bytes();
        let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(raw);
        let token_hash = consigne_vault::sha256(&raw).to_vec();
        let session_key = consigne_vault::derive_key(&raw, "consigne/v1/session");
        let now = self.now();
        let (idle, absolute) = self.session_ttl(&account.kind, stage);
        let aad = ctx::session(&account.id);
        let sealed = self.platform.seal(
            &aad,
            &consigne_vault::seal(&session_key, &aad, &keys.encode()),
        );
        sessions::insert(
            tx,
            &sessions::SessionRow {
                id_hash: token_hash.clone(),
                account_id: account.id.clone(),
                stage: stage.as_str().into(),
                sealed_keys: sealed,
                created_at: now,
                last_seen_at: now,
                idle_seconds: idle,
                absolute_seconds: absolute,
            },
        )?;
        let beneficiary = match beneficiary {
            Some(b) => Some(b.clone()),
            None if account.kind == "beneficiary" => beneficiaries::by_account(tx, &account.id)?,
            None => None,
        };
        let actor = actor_of(account, beneficiary.as_ref(), memberships)?;
        let csrf =
            hex::encode(&consigne_vault::derive_key(&raw, "consigne/v1/csrf").as_bytes()[..16]);
        let session = Session {
            token_hash,
            session_key,
            account_id: account.id.clone(),
            kind: account.kind.clone(),
            email: account.email.clone(),
            stage,
            keys,
            actor,
            beneficiary_id: beneficiary.map(|b| b.id),
            csrf,
            created_at: now,
            expires_at: now + absolute,
        };
        Ok((token, session))
    }

    /// The session a token opens, or `Unauthenticated` (unknown, expired or logged out).
    pub async fn authenticate(&self, token: &str) -> ServiceResult<Session> {
        let raw = decode_token(token).ok_or(ServiceError::Unauthenticated)?;
        let token_hash = consigne_vault::sha256(&raw).to_vec();
        let now = self.now();
        let h = token_hash.clone();
        // On a snapshot: a page view waits for no writer. The deadline's slide (once a minute)
        // and the removal of an expired session are small writes of their own.
        let found = self
            .read(move |tx| {
                let Some(row) = sessions::by_hash(tx, &h)? else {
                    return Ok(None);
                };
                if row.expired(now) {
                    return Ok(Some((row, None)));
                }
                let account = accounts::by_id(tx, &row.account_id)?;
                Ok(Some((row, Some(load_account(tx, account)?))))
            })
            .await?
            .ok_or(ServiceError::Unauthenticated)?;
        let (row, loaded) = match found {
            (row, Some(loaded)) => (row, loaded),
            (_, None) => {
                let h = token_hash.clone();
                self.tx(move |tx| Ok(sessions::delete(tx, &h).map(|_| ())?))
                    .await?;
                return Err(ServiceError::Unauthenticated);
            }
        };
        if row.touch_due(now) {
            let h = token_hash.clone();
            self.tx(move |tx| Ok(sessions::touch(tx, &h, now).map(|_| ())?))
                .await?;
        }
        let account = loaded.account.ok_or(ServiceError::Unauthenticated)?;
        let session_key = consigne_vault::derive_key(&raw, "consigne/v1/session");
        let aad = ctx::session(&account.id);
        let inner = self.platform.open(&aad, &row.sealed_keys)?;
        let mut keys = SessionKeys::decode(&consigne_vault::open(&session_key, &aad, &inner)?)?;
        if account.kind != "beneficiary" {
            // From the memberships as they are now: an approval, a deactivation or a new key
            // version counts at once, without a new login.
            keys.structures = self.structure_keys_of(
                &account.id,
                &keys.secret,
                &loaded.memberships,
                &loaded.keyring,
            )?;
            self.feed_rotations(&keys, &loaded.keyring);
        }
        let actor = actor_of(&account, loaded.beneficiary.as_ref(), &loaded.memberships)?;
        let csrf =
            hex::encode(&consigne_vault::derive_key(&raw, "consigne/v1/csrf").as_bytes()[..16]);
        Ok(Session {
            token_hash,
            session_key,
            account_id: account.id.clone(),
            kind: account.kind.clone(),
            email: account.email.clone(),
            stage: Stage::parse(&row.stage),
            keys,
            actor,
            beneficiary_id: loaded.beneficiary.map(|b| b.id),
            csrf,
            created_at: row.created_at,
            expires_at: row.created_at + row.absolute_seconds,
        })
    }

    pub async fn logout(&self, session: &Session) -> ServiceResult<()> {
        let h = session.token_hash.clone();
        self.tx(move |tx| Ok(sessions::delete(tx, &h).map(|_| ())?))
            .await
    }

    /// The API's `account` object.
    pub async fn account_view(&self, session: &Session) -> ServiceResult<AccountView> {
        let aid = session.account_id.clone();
        let memberships = if session.kind == "professional" {
            self.read(move |tx| Ok(structures::memberships_of(tx, &aid)?))
                .await?
        } else {
            Vec::new()
        };
        let (pending_reset, new_sheet_due) = self.reset_notice(session).await?;
        Ok(AccountView {
            pending_reset,
            new_sheet_due: (!session.is_staff()).then_some(new_sheet_due),
            id: session.account_id.clone(),
            kind: session.kind.clone(),
            display_name: session.keys.display_name.clone(),
            language: session.keys.language.clone(),
            beneficiary_id: session.beneficiary_id.clone(),
            structures: (session.kind == "professional").then(|| {
                memberships
                    .iter()
                    .map(|m| StructureRef {
                        id: m.structure.id.clone(),
                        name: m.structure.name.clone(),
                        role: m.role.clone(),
                    })
                    .collect()
            }),
            must_enroll_totp: session
                .is_staff()
                .then_some(session.stage == Stage::EnrollTotp),
            security_notices: (!session.is_staff() && !session.keys.notices.is_empty()).then(
                || {
                    let n = &session.keys.notices;
                    SecurityNoticesView {
                        failed_logins: n.failed_logins,
                        recovered_at: n.recovered_at.map(crate::clock::rfc3339),
                        password_changed_at: n.password_changed_at.map(crate::clock::rfc3339),
                    }
                },
            ),
        })
    }

    fn reseal_session(
        &self,
        tx: &mut dyn Sql,
        session: &Session,
        keys: &SessionKeys,
    ) -> ServiceResult<()> {
        let aad = ctx::session(&session.account_id);
        let sealed = self.platform.seal(
            &aad,
            &consigne_vault::seal(&session.session_key, &aad, &keys.encode()),
        );
        sessions::set_sealed_keys(tx, &session.token_hash, &sealed)?;
        Ok(())
    }

    pub async fn set_language(&self, session: &Session, language: &str) -> ServiceResult<()> {
        let language = crate::domain::Language::parse(language)?;
        let app = self.clone();
        let session = session.clone();
        self.tx(move |tx| {
            let mut keys = session.keys.clone();
            keys.language = language.code().to_owned();
            match (&session.beneficiary_id, &keys.identity) {
                (Some(bid), Some(ik)) => {
                    let b = beneficiaries::by_id(tx, bid)?.ok_or(ServiceError::NotFound)?;
                    let mut identity = IdentityRecord::open(&app, ik, bid, &b.identity_sealed)?;
                    identity.language = keys.language.clone();
                    beneficiaries::set_identity(tx, bid, &identity.seal(&app, ik, bid))?;
                }
                _ => {
                    accounts::set_language(tx, &session.account_id, language.code())?;
                }
            }
            app.reseal_session(tx, &session, &keys)
        })
        .await
    }

    pub async fn change_password(
        &self,
        session: &Session,
        current: &str,
        new: &str,
        address: IpAddr,
    ) -> ServiceResult<()> {
        let aid = session.account_id.clone();
        let throttling = self.throttle_keys(&format!("account:{aid}"), address);
        let now = self.now();
        let app = self.clone();
        let k = throttling.clone();
        let loaded = self
            .read(move |tx| {
                app.check_throttle(tx, &k, now)?;
                let account = accounts::by_id(tx, &aid)?;
                load_account(tx, account)
            })
            .await?;
        let account = loaded.account.ok_or(ServiceError::Unauthenticated)?;
        if self
            .check_password(
                &account,
                loaded.beneficiary.as_ref(),
                &loaded.memberships,
                &loaded.keyring,
                current.as_bytes().to_vec(),
            )
            .await?
            .is_none()
        {
            return match self
                .fail_login(throttling, None, ServiceError::InvalidCredentials)
                .await
            {
                Err(e) => Err(e),
                Ok(_) => Err(ServiceError::InvalidCredentials),
            };
        }
        let new_password = self.checked_password(session, &loaded.beneficiary, &account, new)?;
        let salt = consigne_vault::random_salt();
        let params = self.kdf_params();
        let derived = self
            .derive(new_password.expose().as_bytes().to_vec(), salt, params)
            .await?;
        let app = self.clone();
        let session = session.clone();
        self.tx(move |tx| {
            // Throttle row before the journal: a failed login locks them in the same order
            // (no deadlock between two instances on PostgreSQL).
            app.login_succeeded(tx, &throttling, now)?;
            let verifier = app
                .platform
                .seal(&ctx::verifier(&account.id), &derived.verifier);
            match (&loaded.beneficiary, &session.keys.vault) {
                (Some(b), Some(vault)) => {
                    accounts::set_password_verifier(
                        tx,
                        &account.id,
                        &params.encode(),
                        &salt,
                        &verifier,
                        now,
                    )?;
                    let aad = ctx::vault_password(&b.id);
                    let wrap = app.platform.seal(
                        &aad,
                        &consigne_vault::wrap_key(&derived.wrap_key, &aad, vault),
                    );
                    beneficiaries::set_password_wrap(tx, &b.id, &wrap)?;
                    journal(
                        tx,
                        now,
                        Some(&b.id),
                        &JournalActor::beneficiary(&account.id),
                        "password_changed",
                        None,
                        true,
                    )?;
                }
                _ => {
                    let aad = ctx::secret_key(&account.id);
                    let wrap = app.platform.seal(
                        &aad,
                        &consigne_vault::wrap_key(&derived.wrap_key, &aad, &session.keys.secret),
                    );
                    accounts::set_password(
                        tx,
                        &account.id,
                        &params.encode(),
                        &salt,
                        &verifier,
                        &wrap,
                        now,
                    )?;
                }
            }
            sessions::delete_others(tx, &account.id, Some(&session.token_hash))?;
            Ok(())
        })
        .await
    }

    /// The policy, with the person's own names and birth date refused.
    fn checked_password(
        &self,
        session: &Session,
        beneficiary: &Option<BeneficiaryRow>,
        account: &AccountRow,
        raw: &str,
    ) -> ServiceResult<Password> {
        match (beneficiary, &session.keys.identity) {
            (Some(b), Some(ik)) => {
                let identity = IdentityRecord::open(self, ik, &b.id, &b.identity_sealed)?;
                check_for_identity(&identity, raw)
            }
            _ => {
                let email = account.email.clone().unwrap_or_default();
                let local = email.split('@').next().unwrap_or_default().to_owned();
                let name = account.display_name.clone().unwrap_or_default();
                Password::new_checked(raw, None, None, None, &[&local, &name])
                    .map_err(ServiceError::WeakPassword)
            }
        }
    }

    pub async fn totp_begin(&self, session: &Session) -> ServiceResult<TotpEnrollment> {
        if !session.is_staff() {
            return Err(ServiceError::Forbidden);
        }
        let secret = totp::generate_secret();
        let sealed = self.platform.seal(&ctx::totp(&session.account_id), &secret);
        let aid = session.account_id.clone();
        let changed = self
            .tx(move |tx| Ok(accounts::set_totp_secret(tx, &aid, &sealed)?))
            .await?;
        if changed == 0 {
            return Err(ServiceError::Conflict("totp_already_enrolled"));
        }
        Ok(enrollment(session, &secret))
    }

    /// The secret drawn by the last `totp_begin`, not yet confirmed, if any: reading it
    /// changes nothing (the enrolment page is a GET).
    pub async fn totp_pending(&self, session: &Session) -> ServiceResult<Option<TotpEnrollment>> {
        if !session.is_staff() {
            return Err(ServiceError::Forbidden);
        }
        let aid = session.account_id.clone();
        let account = self
            .read(move |tx| Ok(accounts::by_id(tx, &aid)?))
            .await?
            .ok_or(ServiceError::Unauthenticated)?;
        if account.totp_confirmed {
            return Err(ServiceError::Conflict("totp_already_enrolled"));
        }
        account
            .totp_secret
            .map(|sealed| {
                let secret = self.platform.open(&ctx::totp(&account.id), &sealed)?;
                Ok(enrollment(session, &secret))
            })
            .transpose()
    }

    pub async fn totp_confirm(&self, session: &Session, code: &str) -> ServiceResult<()> {
        let aid = session.account_id.clone();
        let account = self
            .read(move |tx| Ok(accounts::by_id(tx, &aid)?))
            .await?
            .ok_or(ServiceError::Unauthenticated)?;
        if account.totp_confirmed {
            return Err(ServiceError::Conflict("totp_already_enrolled"));
        }
        let step = self
            .totp_step(&account, code)?
            .ok_or(ServiceError::WrongCode)?;
        let h = session.token_hash.clone();
        self.tx(move |tx| {
            accounts::confirm_totp(tx, &account.id, step)?;
            sessions::set_stage_full(tx, &h)?;
            Ok(())
        })
        .await
    }

    /// Builds a staff account (professional or platform admin) ready to insert.
    pub(crate) async fn new_staff_account(
        &self,
        kind: &str,
        email: &Email,
        display_name: &str,
        password: &Password,
    ) -> ServiceResult<(AccountRow, KeyPair)> {
        let id = new_id();
        let salt = consigne_vault::random_salt();
        let params = self.kdf_params();
        let derived = self
            .derive(password.expose().as_bytes().to_vec(), salt, params)
            .await?;
        let pair = KeyPair::generate();
        let aad = ctx::secret_key(&id);
        let now = self.now();
        let row = AccountRow {
            login_index: self.blind("login", email.as_str()),
            email: Some(email.as_str().to_owned()),
            display_name: Some(display_name.to_owned()),
            language: Some(self.config.default_language.clone()),
            kdf_params: params.encode(),
            kdf_salt: salt.to_vec(),
            password_verifier: self.platform.seal(&ctx::verifier(&id), &derived.verifier),
            public_key: pair.public().as_bytes().to_vec(),
            secret_key_wrap: self.platform.seal(
                &aad,
                &consigne_vault::wrap_key(&derived.wrap_key, &aad, pair.secret()),
            ),
            totp_secret: None,
            totp_confirmed: false,
            totp_last_step: None,
            created_at: now,
            password_changed_at: now,
            kind: kind.to_owned(),
            id,
        };
        Ok((row, pair))
    }

    /// `consigne admin create-platform-admin`: the second factor is set up at once and its
    /// `otpauth://` URI returned for the operator's authenticator app.
    pub async fn create_platform_admin(
        &self,
        email: &str,
        display_name: &str,
        password: &str,
        with_totp: bool,
    ) -> ServiceResult<String> {
        let email = Email::parse(email)?;
        let local = email
            .as_str()
            .split('@')
            .next()
            .unwrap_or_default()
            .to_owned();
        let password = Password::new_checked(password, None, None, None, &[&local])
            .map_err(ServiceError::WeakPassword)?;
        let (mut row, _) = self
            .new_staff_account("platform_admin", &email, display_name, &password)
            .await?;
        let secret = totp::generate_secret();
        if with_totp {
            row.totp_secret = Some(self.platform.seal(&ctx::totp(&row.id), &secret));
            row.totp_confirmed = true;
        }
        let uri = totp::otpauth_uri("Consigne", email.as_str(), &secret);
        self.tx(move |tx| {
            accounts::insert(tx, &row).map_err(|e| match e {
                crate::store::StoreError::Conflict => ServiceError::Conflict("email_taken"),
                other => other.into(),
            })
        })
        .await?;
        Ok(uri)
    }
}

fn notices_since_last_login(tx: &mut dyn Sql, bid: &str) -> ServiceResult<super::SecurityNotices> {
    let mut notices = super::SecurityNotices::default();
    for e in crate::store::journal::since_last_login(tx, bid)? {
        match (e.action.as_str(), e.outcome.as_str()) {
            ("login", "failure") => notices.failed_logins += 1,
            ("recovered_with_code" | "recovered_in_person", _) => notices.recovered_at = Some(e.at),
            ("password_changed", _) => notices.password_changed_at = Some(e.at),
            _ => {}
        }
    }
    Ok(notices)
}

pub(crate) fn check_for_identity(identity: &IdentityRecord, raw: &str) -> ServiceResult<Password> {
    let first = crate::domain::PersonName::parse("first_name", &identity.first_name).ok();
    let last = crate::domain::PersonName::parse("last_name", &identity.last_name).ok();
    let today = time::OffsetDateTime::now_utc().date();
    let birth = crate::domain::BirthDate::parse(&identity.birth_date, today).ok();
    Password::new_checked(raw, first.as_ref(), last.as_ref(), birth.as_ref(), &[])
        .map_err(ServiceError::WeakPassword)
}

fn enrollment(session: &Session, secret: &[u8]) -> TotpEnrollment {
    let label = session
        .email
        .clone()
        .unwrap_or_else(|| session.keys.display_name.clone());
    TotpEnrollment {
        secret: totp::secret_base32(secret),
        otpauth_uri: totp::otpauth_uri("Consigne", &label, secret),
    }
}
