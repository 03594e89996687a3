//! What a session holds: the account's unwrapped keys, sealed in the session row under a key
//! derived from the session token that only the client keeps.

use crate::domain::{AccountId, AccountKind, BeneficiaryId, StructureId};
use crate::policy::Actor;
use crate::service::onboarding::Onboarding;
use crate::service::{ServiceError, ServiceResult};
use consigne_vault::{Key32, KeyPair};
use serde::{Deserialize, Serialize};
use std::sync::{Arc, OnceLock};

/// Unwrapped keys and the little profile pages need on every request.
#[derive(Clone)]
pub struct SessionKeys {
    pub secret: Key32,
    pub vault: Option<Key32>,
    pub identity: Option<Key32>,
    /// Structure private keys by structure id: the current version first, then older ones
    /// (recomputed from the memberships at every request, see `App::authenticate`).
    pub structures: Vec<(StructureId, Key32)>,
    pub display_name: String,
    pub language: String,
    /// What happened to her account since her previous login, shown on her home page.
    pub notices: SecurityNotices,
    /// What her first steps must still show her (the terms to accept, the guide).
    pub onboarding: Onboarding,
    /// A partner software's token: the scopes it was granted (`service::partners`); none for
    /// a person's login.
    pub scopes: Option<Vec<String>>,
    /// The key pairs of `secret` and `structures`, built at their first use in a request
    /// (empty, `Default::default()`, when the keys are built or decoded).
    pub(super) pairs: KeyPairs,
}

/// Key pairs built once per request rather than once per wrap opened: a pair from its secret
/// costs a base-point multiplication, which opening a wrap does not need. Each
/// use checks that the pair still belongs to the secret it was built from (the structures'
/// keys are replaced after decoding, see `App::authenticate`), else builds it afresh. Clones
/// share the pairs, so a copy of the session handed to the blocking pool fills them for all.
#[derive(Clone, Default)]
pub struct KeyPairs {
    own: Arc<OnceLock<KeyPair>>,
    structures: Arc<OnceLock<Vec<KeyPair>>>,
}

impl std::fmt::Debug for KeyPairs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("KeyPairs([redacted])")
    }
}

/// `cached` if it was built from `secret`, else a pair built now.
fn pair_of(cached: Option<&KeyPair>, secret: &Key32) -> KeyPair {
    match cached {
        Some(p) if p.secret() == secret => p.clone(),
        _ => KeyPair::from_secret(secret.clone()),
    }
}

/// Failed logins, recovery and password changes since the previous login (SECURITY.md: every
/// recovery is shown to the person at next login).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecurityNotices {
    pub failed_logins: i64,
    pub recovered_at: Option<i64>,
    /// The recovery was an in-person reset at a relais (else her printed code).
    #[serde(default)]
    pub recovered_in_person: bool,
    /// The recovery used her security question.
    #[serde(default)]
    pub recovered_by_question: bool,
    pub password_changed_at: Option<i64>,
}

impl SecurityNotices {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

impl std::fmt::Debug for SessionKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionKeys([redacted])")
    }
}

#[derive(Serialize, Deserialize)]
struct Wire {
    secret: String,
    vault: Option<String>,
    identity: Option<String>,
    structures: Vec<(String, String)>,
    display_name: String,
    language: String,
    #[serde(default)]
    notices: SecurityNotices,
    #[serde(default)]
    onboarding: Onboarding,
    #[serde(default)]
    scopes: Option<Vec<String>>,
}

impl Drop for Wire {
    fn drop(&mut self) {
        use zeroize::Zeroize;
        self.secret.zeroize();
        self.vault.zeroize();
        self.identity.zeroize();
        for (_, k) in &mut self.structures {
            k.zeroize();
        }
    }
}

fn key_hex(k: &Key32) -> String {
    hex::encode(k.as_bytes())
}

fn hex_key(s: &str) -> ServiceResult<Key32> {
    let bytes = zeroize::Zeroizing::new(
        hex::decode(s).map_err(|_| ServiceError::Internal("session keys"))?,
    );
    Ok(Key32::from_slice(&bytes)?)
}

impl SessionKeys {
    /// The account's own key pair.
    pub fn keypair(&self) -> KeyPair {
        let cached = self
            .pairs
            .own
            .get_or_init(|| KeyPair::from_secret(self.secret.clone()));
        pair_of(Some(cached), &self.secret)
    }

    /// The structure's current key, if she holds it.
    pub fn structure_key(&self, sid: &StructureId) -> Option<KeyPair> {
        self.structure_keys(sid).next()
    }

    /// Every version of the structure's key she can reach, newest first: while a rotation is
    /// under way some wraps are still made with an older version (docs/encryption.md).
    pub fn structure_keys<'a>(
        &'a self,
        sid: &'a StructureId,
    ) -> impl Iterator<Item = KeyPair> + 'a {
        let cached = self.pairs.structures.get_or_init(|| {
            self.structures
                .iter()
                .map(|(_, k)| KeyPair::from_secret(k.clone()))
                .collect()
        });
        self.structures
            .iter()
            .enumerate()
            .filter(move |(_, (s, _))| s == sid)
            .map(|(i, (_, k))| pair_of(cached.get(i), k))
    }

    /// A key wrapped to the structure (platform seal already removed), opened with whichever
    /// version of the structure key made it.
    pub fn open_structure_wrap(&self, sid: &StructureId, aad: &str, inner: &[u8]) -> Option<Key32> {
        self.structure_keys(sid)
            .find_map(|pair| consigne_vault::unwrap_key_from(&pair, aad, inner).ok())
    }

    pub fn encode(&self) -> zeroize::Zeroizing<Vec<u8>> {
        let wire = Wire {
            secret: key_hex(&self.secret),
            vault: self.vault.as_ref().map(key_hex),
            identity: self.identity.as_ref().map(key_hex),
            structures: self
                .structures
                .iter()
                .map(|(s, k)| (s.to_string(), key_hex(k)))
                .collect(),
            display_name: self.display_name.clone(),
            language: self.language.clone(),
            notices: self.notices.clone(),
            onboarding: self.onboarding.clone(),
            scopes: self.scopes.clone(),
        };
        zeroize::Zeroizing::new(serde_json::to_vec(&wire).unwrap_or_default())
    }

    pub fn decode(bytes: &[u8]) -> ServiceResult<Self> {
        let wire: Wire =
            serde_json::from_slice(bytes).map_err(|_| ServiceError::Internal("session keys"))?;
        Ok(Self {
            secret: hex_key(&wire.secret)?,
            vault: wire.vault.as_deref().map(hex_key).transpose()?,
            identity: wire.identity.as_deref().map(hex_key).transpose()?,
            structures: wire
                .structures
                .iter()
                .map(|(s, k)| Ok((StructureId::stored(s.clone()), hex_key(k)?)))
                .collect::<ServiceResult<_>>()?,
            display_name: wire.display_name.clone(),
            language: wire.language.clone(),
            notices: wire.notices.clone(),
            onboarding: wire.onboarding.clone(),
            scopes: wire.scopes.clone(),
            pairs: KeyPairs::default(),
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Full,
    TotpPending,
    EnrollTotp,
}

impl Stage {
    pub fn as_str(&self) -> &'static str {
        match self {
            Stage::Full => "full",
            Stage::TotpPending => "totp_pending",
            Stage::EnrollTotp => "enroll_totp",
        }
    }
    pub fn parse(s: &str) -> Self {
        match s {
            "full" => Stage::Full,
            "enroll_totp" => Stage::EnrollTotp,
            _ => Stage::TotpPending,
        }
    }
}

/// The partner software a session is a token of (`service::partners`): a key-holding member
/// of its structure, narrowed by the token's scopes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Software {
    pub client_id: String,
    pub name: String,
    pub structure_id: StructureId,
    /// What this token was granted (a subset of the client's scopes).
    pub scopes: Vec<String>,
}

impl Software {
    pub fn has_scope(&self, scope: &str) -> bool {
        self.scopes.iter().any(|s| s == scope)
    }
}

/// An authenticated request's session.
#[derive(Debug, Clone)]
pub struct Session {
    pub token_hash: Vec<u8>,
    pub(crate) session_key: Key32,
    pub account_id: AccountId,
    pub kind: AccountKind,
    pub email: Option<String>,
    pub stage: Stage,
    pub keys: SessionKeys,
    pub actor: Actor,
    pub beneficiary_id: Option<BeneficiaryId>,
    /// The partner software this session is a token of (`service::partners`).
    pub software: Option<Software>,
    /// Per-session CSRF token for forms and cookie-authenticated API calls.
    pub csrf: String,
    pub created_at: i64,
    pub expires_at: i64,
}

impl Session {
    pub fn is_staff(&self) -> bool {
        self.kind.is_staff()
    }
}
