//! Sessions: made at login (a random token only the client keeps; the row holds its hash and
//! the account's keys sealed under a key derived from it), found again at every request
//! (`authenticate`, with the staff's structure keys recomputed from the memberships as they
//! are now), ended at logout.

use crate::domain::{AccountId, AccountKind};
use crate::policy::{Actor, Membership};
use crate::service::Stage;
use crate::service::auth::throttle::{ThrottleKeys, check_throttle};
use crate::service::contexts as ctx;
use crate::service::members::Keyring;
use crate::service::members::{feed_rotations, structure_keys_of};
use crate::service::{App, ServiceError, ServiceResult, Session, SessionKeys};
use crate::store::Sql;
use crate::store::accounts::{self, AccountRow};
use crate::store::beneficiaries::{self, BeneficiaryRow};
use crate::store::sessions;
use crate::store::structures::{self, MembershipRow};
use base64::Engine;

/// A login waiting for its second factor lives at most this long.
const PENDING_SECONDS: i64 = 300;

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
    pub keyring: Keyring,
    /// A partner software's account: its client (`service::partners`).
    pub client: Option<crate::store::partners::ClientRow>,
}

pub(crate) fn load_account(tx: &mut dyn Sql, account: Option<AccountRow>) -> ServiceResult<Loaded> {
    let client = match &account {
        Some(a) if a.kind == AccountKind::Professional && a.email.is_none() => {
            crate::store::partners::client_by_account(tx, &a.id)?
        }
        _ => None,
    };
    let (beneficiary, memberships, keyring) = match &account {
        Some(a) if a.kind == AccountKind::Beneficiary => (
            beneficiaries::by_account(tx, &a.id)?,
            Vec::new(),
            Default::default(),
        ),
        Some(a) => {
            let memberships = structures::memberships_of(tx, &a.id)?;
            let keyring = Keyring::load(tx, &a.id, &memberships)?;
            (None, memberships, keyring)
        }
        None => (None, Vec::new(), Default::default()),
    };
    Ok(Loaded {
        account,
        beneficiary,
        memberships,
        keyring,
        client,
    })
}

fn actor_of(
    account: &AccountRow,
    beneficiary: Option<&BeneficiaryRow>,
    memberships: &[MembershipRow],
) -> ServiceResult<Actor> {
    Ok(match account.kind {
        AccountKind::Beneficiary => Actor::Beneficiary {
            account_id: account.id.clone(),
            beneficiary_id: beneficiary
                .map(|b| b.id.clone())
                .ok_or(ServiceError::Internal("beneficiary row"))?,
        },
        AccountKind::PlatformAdmin => Actor::PlatformAdmin {
            account_id: account.id.clone(),
        },
        AccountKind::Professional => Actor::Professional {
            account_id: account.id.clone(),
            memberships: memberships
                .iter()
                .map(|m| {
                    Ok(Membership {
                        structure_id: m.structure.id.clone(),
                        role: crate::domain::StaffRole::parse(&m.role)?,
                        kind: m.structure.kind,
                        approved: m.structure_key_wrap.is_some(),
                    })
                })
                .collect::<ServiceResult<_>>()?,
        },
    })
}

pub(crate) fn session_ttl(app: &App, kind: AccountKind, stage: Stage) -> (i64, i64) {
    let s = &app.config.sessions;
    match (kind, stage) {
        (_, Stage::TotpPending) => (PENDING_SECONDS, PENDING_SECONDS),
        (AccountKind::Beneficiary, _) => (
            s.beneficiary_idle_minutes * 60,
            s.beneficiary_absolute_minutes * 60,
        ),
        _ => (s.staff_idle_minutes * 60, s.staff_absolute_minutes * 60),
    }
}

pub(crate) fn create_session(
    app: &App,
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
    let session_key = consigne_vault::derive_key(&raw, ctx::SESSION_KEY);
    let now = app.now();
    let (idle, absolute) = session_ttl(app, account.kind, stage);
    let aad = ctx::session(&account.id);
    let sealed = app.platform.seal(
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
        None if account.kind == AccountKind::Beneficiary => {
            beneficiaries::by_account(tx, &account.id)?
        }
        None => None,
    };
    let actor = actor_of(account, beneficiary.as_ref(), memberships)?;
    let csrf = hex::encode(&consigne_vault::derive_key(&raw, ctx::CSRF_KEY).as_bytes()[..16]);
    let session = Session {
        token_hash,
        session_key,
        account_id: account.id.clone(),
        kind: account.kind,
        email: account.email.clone(),
        stage,
        keys,
        actor,
        beneficiary_id: beneficiary.map(|b| b.id),
        software: None,
        csrf,
        created_at: now,
        expires_at: now + absolute,
    };
    Ok((token, session))
}

impl App {
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
        // A revoked partner's tokens stop at once.
        if loaded
            .client
            .as_ref()
            .is_some_and(|c| c.revoked_at.is_some())
        {
            return Err(ServiceError::Unauthenticated);
        }
        let session_key = consigne_vault::derive_key(&raw, ctx::SESSION_KEY);
        let aad = ctx::session(&account.id);
        let inner = self.platform.open(&aad, &row.sealed_keys)?;
        let mut keys = SessionKeys::decode(&consigne_vault::open(&session_key, &aad, &inner)?)?;
        if account.kind != AccountKind::Beneficiary {
            // From the memberships as they are now: an approval, a deactivation or a new key
            // version counts at once, without a new login.
            keys.structures = structure_keys_of(
                self,
                &account.id,
                &keys.secret,
                &loaded.memberships,
                &loaded.keyring,
            )?;
            feed_rotations(self, &keys, &loaded.keyring);
        }
        let actor = actor_of(&account, loaded.beneficiary.as_ref(), &loaded.memberships)?;
        let csrf = hex::encode(&consigne_vault::derive_key(&raw, ctx::CSRF_KEY).as_bytes()[..16]);
        let software = loaded.client.map(|c| super::keys::Software {
            client_id: c.id,
            name: c.name,
            structure_id: c.structure_id,
            scopes: keys.scopes.clone().unwrap_or_default(),
        });
        Ok(Session {
            token_hash,
            session_key,
            account_id: account.id.clone(),
            kind: account.kind,
            email: account.email.clone(),
            stage: Stage::parse(&row.stage),
            keys,
            actor,
            beneficiary_id: loaded.beneficiary.map(|b| b.id),
            software,
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
}

pub(crate) fn reseal_session(
    app: &App,
    tx: &mut dyn Sql,
    session: &Session,
    keys: &SessionKeys,
) -> ServiceResult<()> {
    let aad = ctx::session(&session.account_id);
    let sealed = app.platform.seal(
        &aad,
        &consigne_vault::seal(&session.session_key, &aad, &keys.encode()),
    );
    sessions::set_sealed_keys(tx, &session.token_hash, &sealed)?;
    Ok(())
}

/// Account `aid` with its memberships, read after checking its throttling counters, on one
/// snapshot: the first step of a password change and of a second-factor check.
pub(crate) async fn load_throttled(
    app: &App,
    aid: AccountId,
    throttling: &ThrottleKeys,
    now: i64,
) -> ServiceResult<Loaded> {
    let (owned, keys) = (app.clone(), throttling.clone());
    app.read(move |tx| {
        check_throttle(&owned, tx, &keys, now)?;
        let account = accounts::by_id(tx, &aid)?;
        load_account(tx, account)
    })
    .await
}
