//! Accounts: the API's `account` object, her language, changing a password, and making staff
//! accounts (professionals, platform admins).

use crate::domain::{AccountId, AccountKind, BeneficiaryId, Email, Password, StructureId};
use crate::service::Stage;
use crate::service::auth::identity::{IdentityRecord, check_for_identity};
use crate::service::auth::login::check_password;
use crate::service::auth::recovery::{ResetNotice, reset_notice};
use crate::service::auth::sessions::load_throttled;
use crate::service::auth::sessions::reseal_session;
use crate::service::auth::throttle::{fail_login, login_succeeded, throttle_keys};
use crate::service::contexts as ctx;
use crate::service::journal::{JournalActor, journal};
use crate::service::{App, ServiceError, ServiceResult, Session};
use crate::store::accounts::{self, AccountRow};
use crate::store::beneficiaries::{self, BeneficiaryRow};
use crate::store::{sessions, structures};
use consigne_vault::{KeyPair, totp};
use serde::Serialize;
use std::net::IpAddr;

#[derive(Debug, Clone, Serialize)]
pub struct StructureRef {
    pub id: StructureId,
    pub name: String,
    pub role: String,
}

/// The `account` object of the API.
#[derive(Debug, Clone, Serialize)]
pub struct AccountView {
    pub id: AccountId,
    pub kind: AccountKind,
    pub display_name: String,
    pub language: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub beneficiary_id: Option<BeneficiaryId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub structures: Option<Vec<StructureRef>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub must_enroll_totp: Option<bool>,
    /// For a person: failed logins, recovery or password change since her previous login.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub security_notices: Option<SecurityNoticesView>,
    /// For a person: an in-person reset of her safe in progress, which she may cancel.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pending_reset: Option<ResetNotice>,
    /// For a person: her printed code is void (used, or voided by a reset); she should print a
    /// new sheet (`POST /api/v1/me/recovery-code`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_sheet_due: Option<bool>,
    /// For a person who has not accepted the terms in force: their version. Until she accepts
    /// it (`POST /api/v1/me/terms`), her content answers 403 `terms_not_accepted`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub terms_to_accept: Option<String>,
    /// For a person: she has not finished or skipped the first visit guide yet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub guide_pending: Option<bool>,
}

/// `security_notices` of the API, times in RFC 3339.
#[derive(Debug, Clone, Serialize)]
pub struct SecurityNoticesView {
    pub failed_logins: i64,
    pub recovered_at: Option<String>,
    /// How: `recovery_code` (her printed sheet) or `in_person` (a reset at a relais).
    pub recovered_how: Option<&'static str>,
    pub password_changed_at: Option<String>,
}

impl App {
    /// The API's `account` object.
    pub async fn account_view(&self, session: &Session) -> ServiceResult<AccountView> {
        let aid = session.account_id.clone();
        let memberships = if session.kind == AccountKind::Professional {
            self.read(move |tx| Ok(structures::memberships_of(tx, &aid)?))
                .await?
        } else {
            Vec::new()
        };
        let (pending_reset, new_sheet_due) = reset_notice(self, session).await?;
        let person = session.kind == AccountKind::Beneficiary;
        let onboarding = &session.keys.onboarding;
        Ok(AccountView {
            terms_to_accept: (person && onboarding.terms_pending)
                .then(|| self.config.terms_version.clone()),
            guide_pending: person.then_some(onboarding.guide_pending),
            pending_reset,
            new_sheet_due: (!session.is_staff()).then_some(new_sheet_due),
            id: session.account_id.clone(),
            kind: session.kind,
            display_name: session.keys.display_name.clone(),
            language: session.keys.language.clone(),
            beneficiary_id: session.beneficiary_id.clone(),
            structures: (session.kind == AccountKind::Professional).then(|| {
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
                        recovered_how: n.recovered_at.map(|_| {
                            if n.recovered_in_person {
                                "in_person"
                            } else if n.recovered_by_question {
                                "security_question"
                            } else {
                                "recovery_code"
                            }
                        }),
                        password_changed_at: n.password_changed_at.map(crate::clock::rfc3339),
                    }
                },
            ),
        })
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
                    identity.language_chosen = true;
                    beneficiaries::set_identity(tx, bid, &identity.seal(&app, ik, bid))?;
                }
                _ => {
                    accounts::set_language(tx, &session.account_id, language.code())?;
                }
            }
            reseal_session(&app, tx, &session, &keys)
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
        let throttling = throttle_keys(self, &format!("account:{aid}"), address);
        let now = self.now();
        let loaded = load_throttled(self, aid, &throttling, now).await?;
        let account = loaded.account.ok_or(ServiceError::Unauthenticated)?;
        if check_password(
            self,
            &account,
            loaded.beneficiary.as_ref(),
            &loaded.memberships,
            &loaded.keyring,
            current.as_bytes().to_vec(),
        )
        .await?
        .is_none()
        {
            return match fail_login::<()>(self, throttling, None, ServiceError::InvalidCredentials)
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
            login_succeeded(tx, &throttling, now)?;
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
        let (mut row, _) = new_staff_account(
            self,
            AccountKind::PlatformAdmin,
            &email,
            display_name,
            &password,
        )
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

/// Builds a staff account (professional or platform admin) ready to insert.
pub(crate) async fn new_staff_account(
    app: &App,
    kind: AccountKind,
    email: &Email,
    display_name: &str,
    password: &Password,
) -> ServiceResult<(AccountRow, KeyPair)> {
    let id = AccountId::generate();
    let salt = consigne_vault::random_salt();
    let params = app.kdf_params();
    let derived = app
        .derive(password.expose().as_bytes().to_vec(), salt, params)
        .await?;
    let pair = KeyPair::generate();
    let aad = ctx::secret_key(&id);
    let now = app.now();
    let row = AccountRow {
        login_index: app.blind("login", email.as_str()),
        email: Some(email.as_str().to_owned()),
        display_name: Some(display_name.to_owned()),
        language: Some(app.config.default_language.clone()),
        kdf_params: params.encode(),
        kdf_salt: salt.to_vec(),
        password_verifier: app.platform.seal(&ctx::verifier(&id), &derived.verifier),
        public_key: pair.public().as_bytes().to_vec(),
        secret_key_wrap: app.platform.seal(
            &aad,
            &consigne_vault::wrap_key(&derived.wrap_key, &aad, pair.secret()),
        ),
        totp_secret: None,
        totp_confirmed: false,
        totp_last_step: None,
        created_at: now,
        password_changed_at: now,
        kind,
        id,
    };
    Ok((row, pair))
}
