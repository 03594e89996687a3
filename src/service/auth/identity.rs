//! A person's identity record (names, birth date, phone, language, identifier), sealed under her
//! identity key, and the keys her vault key opens for a session. The password policy as it
//! applies to her (her own names and birth date refused) lives here too.

use crate::domain::{BeneficiaryId, Password, StructureId};
use crate::service::contexts as ctx;
use crate::service::{App, SecurityNotices, ServiceError, ServiceResult, SessionKeys};
use crate::store::accounts::AccountRow;
use crate::store::beneficiaries::BeneficiaryRow;
use consigne_vault::Key32;
use serde::{Deserialize, Serialize};

/// What a beneficiary's identity record holds; sealed under her identity key.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct IdentityRecord {
    pub first_name: String,
    pub last_name: String,
    pub birth_date: String,
    pub phone: Option<String>,
    pub language: String,
    pub identifier: String,
    /// Whether she chose `language` herself (settings, the picker, the login page), rather
    /// than the professional who opened her safe: only then does a language picked on a login
    /// page leave it alone (`login::keep_picked_language`). Absent from older records.
    #[serde(default)]
    pub language_chosen: bool,
}

impl IdentityRecord {
    pub fn seal(&self, app: &App, ik: &Key32, bid: &BeneficiaryId) -> Vec<u8> {
        let json = zeroize::Zeroizing::new(serde_json::to_vec(self).unwrap_or_default());
        app.platform.seal(
            &ctx::identity(bid),
            &consigne_vault::seal(ik, &ctx::identity(bid), &json),
        )
    }
    pub fn open(app: &App, ik: &Key32, bid: &BeneficiaryId, sealed: &[u8]) -> ServiceResult<Self> {
        let inner = app.platform.open(&ctx::identity(bid), sealed)?;
        let json = consigne_vault::open(ik, &ctx::identity(bid), &inner)?;
        serde_json::from_slice(&json).map_err(|_| ServiceError::Internal("identity record"))
    }
    pub fn display_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }
}

pub(crate) fn check_for_identity(identity: &IdentityRecord, raw: &str) -> ServiceResult<Password> {
    let first = crate::domain::PersonName::parse("first_name", &identity.first_name).ok();
    let last = crate::domain::PersonName::parse("last_name", &identity.last_name).ok();
    let today = time::OffsetDateTime::now_utc().date();
    let birth = crate::domain::BirthDate::parse(&identity.birth_date, today).ok();
    Password::new_checked(raw, first.as_ref(), last.as_ref(), birth.as_ref(), &[])
        .map_err(ServiceError::WeakPassword)
}

pub(crate) fn beneficiary_keys(
    app: &App,
    account: &AccountRow,
    b: &BeneficiaryRow,
    vault: Key32,
) -> ServiceResult<SessionKeys> {
    let ik_wrap = app
        .platform
        .open(&ctx::identity_key(&b.id), &b.identity_key_wrap)?;
    let identity_key = consigne_vault::unwrap_key(&vault, &ctx::identity_key(&b.id), &ik_wrap)?;
    let sk_wrap = app
        .platform
        .open(&ctx::secret_key(&account.id), &account.secret_key_wrap)?;
    let secret = consigne_vault::unwrap_key(&vault, &ctx::secret_key(&account.id), &sk_wrap)?;
    let identity = IdentityRecord::open(app, &identity_key, &b.id, &b.identity_sealed)?;
    Ok(SessionKeys {
        secret,
        vault: Some(vault),
        identity: Some(identity_key),
        structures: Vec::new(),
        display_name: identity.display_name(),
        language: identity.language,
        notices: SecurityNotices::default(),
        onboarding: Default::default(),
        scopes: None,
        pairs: Default::default(),
    })
}

/// Opens a person's identity through a structure's key: needs both the relais row and the
/// wrap addressed to that structure.
pub(crate) fn identity_via_structure(
    app: &App,
    wrap: &[u8],
    keys: &SessionKeys,
    bid: &BeneficiaryId,
    sid: &StructureId,
    sealed: &[u8],
) -> ServiceResult<IdentityRecord> {
    let ik = relay_identity_key(app, wrap, keys, bid, sid)?;
    IdentityRecord::open(app, &ik, bid, sealed)
}

pub(crate) fn relay_identity_key(
    app: &App,
    wrap: &[u8],
    keys: &SessionKeys,
    bid: &BeneficiaryId,
    sid: &StructureId,
) -> ServiceResult<Key32> {
    let aad = ctx::relay_identity(bid, sid);
    let inner = app.platform.open(&aad, wrap)?;
    keys.open_structure_wrap(sid, &aad, &inner)
        .ok_or(ServiceError::Internal("identity wrap"))
}
