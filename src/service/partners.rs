//! Partner software (issue 18, item 4): the software a structure already uses (SI-SIAO,
//! shelter management, domiciliation tools) registered by a structure admin as an OAuth 2.0
//! client (RFC 6749 §4.4, client credentials), its short-lived tokens, the partners' own ids
//! for the people a structure follows, and idempotent creations.
//!
//! A client is a key-holding member of its structure, the way a professional is: an account of
//! its own (kind `professional`, no e-mail, a login index and a password verifier no one can
//! reach), whose secret key is wrapped under a key derived from the client secret (where a
//! professional's is wrapped under her password's), and whose membership holds the structure
//! key wrapped to it by the admin who registered it (an explicit approval). The secret exists
//! only with the partner (stored as its SHA-256: it has 256 random bits); at each token the
//! account's keys are sealed in a session row under a key derived from the access token,
//! exactly like a login's, for ten minutes. The operator alone opens nothing of it.
//!
//! A token's calls are those of a professional of the structure (`crate::policy` decides),
//! narrowed by the token's scopes (`crate::web::extract`), journaled as "software X of
//! structure S". Revoking a client ends its tokens at once (checked at every call), its
//! membership, and rotates the structure key.

use crate::domain::{AccountId, AccountKind, BeneficiaryId, InvalidInput, StructureId};
use crate::policy::{Action, Resource};
use crate::service::access::{allow, structure_access};
use crate::service::auth::login::staff_keys;
use crate::service::auth::sessions::{Loaded, create_session, load_account};
use crate::service::auth::throttle::{check_throttle, fail_login, login_succeeded, throttle_keys};
use crate::service::contexts as ctx;
use crate::service::journal::{journal_structure, staff_actor};
use crate::service::members::{end_membership, member_wrap};
use crate::service::{App, ServiceError, ServiceResult, Session, Stage, new_id};
use crate::store::accounts::{self, AccountRow};
use crate::store::partners::{self, ClientRow};
use crate::store::structures::{self, Requester};
use base64::Engine;
use consigne_vault::{Key32, KeyPair};
use serde::Serialize;
use std::net::IpAddr;

/// The scopes a client may be given (OAuth's space-separated words).
pub const SCOPES: [&str; 3] = [SCOPE_SAFES_CREATE, SCOPE_DOCUMENTS_WRITE, SCOPE_SHARED_READ];
/// Open safes in the structure's name, set and look up its people's external ids.
pub const SCOPE_SAFES_CREATE: &str = "safes:create";
/// Add documents to the safes of the people the structure follows.
pub const SCOPE_DOCUMENTS_WRITE: &str = "documents:write";
/// List the people the structure follows and read what they share with it.
pub const SCOPE_SHARED_READ: &str = "shared:read";

/// How long an access token lives.
pub const TOKEN_SECONDS: i64 = 600;

/// What a structure admin asks for.
#[derive(Debug, Clone)]
pub struct NewClient {
    pub name: String,
    pub scopes: Vec<String>,
}

/// The registration's answer: the only time the secret is shown.
#[derive(Debug, Clone, Serialize)]
pub struct RegisteredClient {
    pub client_id: String,
    pub client_secret: String,
    pub name: String,
    pub scopes: Vec<String>,
}

/// A registered client as the structure admin sees it (never its secret).
#[derive(Debug, Clone, Serialize)]
pub struct ClientView {
    pub client_id: String,
    pub name: String,
    pub scopes: Vec<String>,
    pub created_at: String,
    pub revoked_at: Option<String>,
}

impl From<&ClientRow> for ClientView {
    fn from(c: &ClientRow) -> Self {
        Self {
            client_id: c.id.clone(),
            name: c.name.clone(),
            scopes: split_scopes(&c.scopes),
            created_at: crate::clock::rfc3339(c.created_at),
            revoked_at: c.revoked_at.map(crate::clock::rfc3339),
        }
    }
}

pub use crate::service::auth::Software;

/// The token endpoint's success (RFC 6749 §5.1).
#[derive(Debug, Clone, Serialize)]
pub struct TokenGrant {
    pub access_token: String,
    pub token_type: &'static str,
    pub expires_in: i64,
    pub scope: String,
}

/// The token endpoint's errors (RFC 6749 §5.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenError {
    InvalidRequest(&'static str),
    InvalidClient,
    InvalidGrant,
    UnsupportedGrantType,
    InvalidScope,
    Throttled { retry_after: i64 },
    Unavailable,
}

impl TokenError {
    pub fn code(&self) -> &'static str {
        match self {
            TokenError::InvalidRequest(_) => "invalid_request",
            TokenError::InvalidClient => "invalid_client",
            TokenError::InvalidGrant => "invalid_grant",
            TokenError::UnsupportedGrantType => "unsupported_grant_type",
            TokenError::InvalidScope => "invalid_scope",
            TokenError::Throttled { .. } => "slow_down",
            TokenError::Unavailable => "temporarily_unavailable",
        }
    }
}

/// A token request as the endpoint parsed it: the client's credentials (from HTTP Basic or
/// the form, not both), the grant type and the scope asked for.
#[derive(Debug, Clone, Default)]
pub struct TokenRequest {
    pub client_id: String,
    pub client_secret: String,
    pub grant_type: Option<String>,
    pub scope: Option<String>,
}

pub(crate) fn split_scopes(raw: &str) -> Vec<String> {
    raw.split_whitespace().map(str::to_owned).collect()
}

/// The scopes asked for, each known, once, in the order of [`SCOPES`].
fn parse_scopes(asked: &[String]) -> Result<Vec<String>, InvalidInput> {
    if asked.is_empty() {
        return Err(InvalidInput::new("scopes", "required"));
    }
    if asked.iter().any(|s| !SCOPES.contains(&s.as_str())) {
        return Err(InvalidInput::new("scopes", "unknown_scope"));
    }
    Ok(SCOPES
        .iter()
        .filter(|s| asked.iter().any(|a| a == *s))
        .map(|s| (*s).to_owned())
        .collect())
}

fn secret_hash(secret: &str) -> Vec<u8> {
    consigne_vault::sha256(secret.as_bytes()).to_vec()
}

/// The key the client account's secret key is wrapped under, from the client secret.
fn client_wrap_key(secret: &str) -> Key32 {
    consigne_vault::derive_key(secret.as_bytes(), ctx::CLIENT_SECRET_KEY)
}

/// A partner's id for a person: 1 to 100 printable characters, no spaces around.
pub fn parse_external_id(raw: &str) -> Result<String, InvalidInput> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(InvalidInput::new("external_id", "required"));
    }
    if s.chars().count() > 100 {
        return Err(InvalidInput::new("external_id", "too_long"));
    }
    if s.chars().any(char::is_control) {
        return Err(InvalidInput::new("external_id", "invalid"));
    }
    Ok(s.to_owned())
}

impl App {
    /// A structure admin registers a partner software: its account, its membership holding
    /// the structure key, and its secret, returned once.
    pub async fn register_client(
        &self,
        session: &Session,
        sid: &StructureId,
        input: NewClient,
    ) -> ServiceResult<RegisteredClient> {
        let (sid, key) = structure_access(session, sid, Action::ManageClients)?;
        let name = crate::domain::ShortText::parse("name", &input.name, 100)?
            .as_str()
            .to_owned();
        let scopes = parse_scopes(&input.scopes)?;
        let client_id = new_id();
        let raw: [u8; 32] = consigne_vault::random_bytes();
        let client_secret = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(raw);
        let aid = AccountId::generate();
        let pair = KeyPair::generate();
        let aad = ctx::secret_key(&aid);
        let now = self.now();
        let account = AccountRow {
            // Random: no identifier or e-mail ever leads to this account.
            login_index: consigne_vault::random_bytes::<32>().to_vec(),
            email: None,
            display_name: Some(name.clone()),
            language: Some(session.keys.language.clone()),
            kdf_params: self.kdf_params().encode(),
            kdf_salt: consigne_vault::random_salt().to_vec(),
            // No password opens it: a random verifier, sealed like any other.
            password_verifier: self
                .platform
                .seal(&ctx::verifier(&aid), &consigne_vault::random_bytes::<32>()),
            public_key: pair.public().as_bytes().to_vec(),
            secret_key_wrap: self.platform.seal(
                &aad,
                &consigne_vault::wrap_key(&client_wrap_key(&client_secret), &aad, pair.secret()),
            ),
            totp_secret: None,
            totp_confirmed: false,
            totp_last_step: None,
            created_at: now,
            password_changed_at: now,
            kind: AccountKind::Professional,
            id: aid.clone(),
        };
        let wrap = member_wrap(self, &sid, &aid, &pair.public(), key.secret());
        let row = ClientRow {
            id: client_id.clone(),
            structure_id: sid.clone(),
            account_id: aid.clone(),
            name: name.clone(),
            scopes: scopes.join(" "),
            secret_hash: secret_hash(&client_secret),
            created_by: Some(session.account_id.to_string()),
            created_at: now,
            revoked_at: None,
        };
        let actor = staff_actor(session, &sid);
        let (by, by_name) = (
            session.account_id.clone(),
            session.keys.display_name.clone(),
        );
        let public = key.public().as_bytes().to_vec();
        self.tx(move |tx| {
            let state = structures::key_state(tx, &sid)?.ok_or(ServiceError::NotFound)?;
            if state.public_key.as_deref() != Some(public.as_slice()) {
                // Her key is not the structure's current one (a rotation is under way).
                return Err(ServiceError::AccessPending);
            }
            accounts::insert(tx, &account)?;
            structures::add_member_requested(
                tx,
                &sid,
                &aid,
                "member",
                Some(&wrap),
                now,
                Some(Requester {
                    account_id: &by,
                    display_name: &by_name,
                }),
            )?;
            partners::insert_client(tx, &row)?;
            journal_structure(tx, now, &actor, "client_registered", Some(aid.as_str()))
        })
        .await?;
        Ok(RegisteredClient {
            client_id,
            client_secret,
            name,
            scopes,
        })
    }

    /// A structure's registered clients, revoked ones included (never their secrets).
    pub async fn list_clients(
        &self,
        session: &Session,
        sid: &StructureId,
    ) -> ServiceResult<Vec<ClientView>> {
        let sid = sid.clone();
        allow(
            session,
            Action::ManageClients,
            Resource::Structure { id: &sid },
        )?;
        let rows = self
            .read(move |tx| Ok(partners::clients_of(tx, &sid)?))
            .await?;
        Ok(rows.iter().map(ClientView::from).collect())
    }

    /// Revokes a client: its tokens stop at once, its membership ends and the structure key
    /// is rotated (it held it). Revoking a revoked client changes nothing.
    pub async fn revoke_client(
        &self,
        session: &Session,
        sid: &StructureId,
        client_id: &str,
    ) -> ServiceResult<()> {
        let sid = sid.clone();
        allow(
            session,
            Action::ManageClients,
            Resource::Structure { id: &sid },
        )?;
        let (now, actor) = (self.now(), staff_actor(session, &sid));
        let (s2, cid) = (sid.clone(), client_id.to_owned());
        let aid = self
            .tx(move |tx| {
                let c = partners::client_by_id(tx, &cid)?
                    .filter(|c| c.structure_id == s2)
                    .ok_or(ServiceError::NotFound)?;
                if partners::revoke_client(tx, &cid, now)? == 1 {
                    crate::store::sessions::delete_others(tx, &c.account_id, None)?;
                    journal_structure(
                        tx,
                        now,
                        &actor,
                        "client_revoked",
                        Some(c.account_id.as_str()),
                    )?;
                }
                Ok(c.account_id)
            })
            .await?;
        end_membership(self, session, &sid, &aid).await
    }

    /// The token endpoint (RFC 6749 §4.4): authenticates the client (throttled like a
    /// login), checks the grant and the scope, and makes a ten-minute session.
    pub async fn issue_token(
        &self,
        req: TokenRequest,
        address: IpAddr,
    ) -> Result<TokenGrant, TokenError> {
        let internal = |e: ServiceError| match e {
            ServiceError::Throttled { retry_after } => TokenError::Throttled { retry_after },
            ServiceError::InvalidCredentials => TokenError::InvalidClient,
            other => {
                tracing::warn!(error = %other, "token endpoint");
                TokenError::Unavailable
            }
        };
        if req.client_id.is_empty() || req.client_id.len() > 100 || req.client_secret.len() > 200 {
            return Err(TokenError::InvalidClient);
        }
        let keys = throttle_keys(self, &format!("client:{}", req.client_id), address);
        let (app, k2, cid, now) = (
            self.clone(),
            keys.clone(),
            req.client_id.clone(),
            self.now(),
        );
        let found = self
            .read(move |tx| {
                check_throttle(&app, tx, &k2, now)?;
                let Some(c) = partners::client_by_id(tx, &cid)? else {
                    return Ok(None);
                };
                let account = accounts::by_id(tx, &c.account_id)?;
                Ok(Some((c, load_account(tx, account)?)))
            })
            .await
            .map_err(internal)?;
        let hash = secret_hash(&req.client_secret);
        let verified = found.filter(|(c, _)| {
            use subtle::ConstantTimeEq;
            c.revoked_at.is_none() && bool::from(c.secret_hash.as_slice().ct_eq(&hash))
        });
        let Some((client, loaded)) = verified else {
            let failed = fail_login::<()>(self, keys, None, ServiceError::InvalidCredentials).await;
            return Err(failed.err().map_or(TokenError::InvalidClient, internal));
        };
        match req.grant_type.as_deref() {
            None | Some("") => return Err(TokenError::InvalidRequest("grant_type is required")),
            Some("client_credentials") => {}
            Some(_) => return Err(TokenError::UnsupportedGrantType),
        }
        let allowed = split_scopes(&client.scopes);
        let granted = match req.scope.as_deref().map(split_scopes) {
            None => allowed,
            Some(asked) if asked.is_empty() => allowed,
            Some(asked) => {
                if asked.iter().any(|s| !allowed.contains(s)) {
                    return Err(TokenError::InvalidScope);
                }
                allowed.into_iter().filter(|s| asked.contains(s)).collect()
            }
        };
        let scope = granted.join(" ");
        let (app, name, secret) = (self.clone(), client.name.clone(), req.client_secret);
        let token = self
            .tx(move |tx| {
                login_succeeded(tx, &keys, now)?;
                mint(&app, tx, loaded, &secret, granted)
            })
            .await
            .map_err(|e| match e {
                ServiceError::AccessPending | ServiceError::Vault(_) => TokenError::InvalidGrant,
                other => internal(other),
            })?;
        tracing::info!(client = %name, "partner token issued");
        Ok(TokenGrant {
            access_token: token,
            token_type: "Bearer",
            expires_in: TOKEN_SECONDS,
            scope,
        })
    }

    /// A person the structure follows, by the partner's id for her (404 when none).
    pub async fn find_by_external_id(
        &self,
        session: &Session,
        sid: &StructureId,
        external_id: &str,
    ) -> ServiceResult<BeneficiaryId> {
        let (sid, ext) = followed_external_id(session, sid, external_id)?;
        let bid = self
            .read(move |tx| Ok(partners::by_external_id(tx, &sid, &ext)?))
            .await?
            .ok_or(ServiceError::NotFound)?;
        // Only while she still follows the structure: the same check as any read of her.
        self.relays_check(session, &bid).await?;
        Ok(bid)
    }

    /// Sets the partner's id of a person the structure follows (unique in the structure).
    pub async fn set_external_id(
        &self,
        session: &Session,
        sid: &StructureId,
        bid: &BeneficiaryId,
        external_id: &str,
    ) -> ServiceResult<()> {
        let (sid, ext) = followed_external_id(session, sid, external_id)?;
        self.relays_check(session, bid).await?;
        let (bid, now) = (bid.clone(), self.now());
        let relays_of = bid.clone();
        self.tx(move |tx| {
            let relays = crate::store::beneficiaries::relays_of(tx, &relays_of)?;
            if !relays.iter().any(|r| r.structure_id == sid) {
                return Err(ServiceError::NotFound);
            }
            partners::set_external_id(tx, &sid, &bid, &ext, now).map_err(|e| match e {
                crate::store::StoreError::Conflict => ServiceError::Conflict("external_id_taken"),
                other => other.into(),
            })
        })
        .await
    }

    /// A partner's id for a new safe, checked free in the structure before the safe is
    /// opened (`Conflict` when another person of the structure has it).
    pub async fn external_id_available(
        &self,
        session: &Session,
        sid: &StructureId,
        external_id: &str,
    ) -> ServiceResult<String> {
        // Only a structure that follows people keeps their ids (refused before the safe).
        let (sid, ext) = followed_external_id(session, sid, external_id)?;
        let e2 = ext.clone();
        let taken = self
            .read(move |tx| Ok(partners::by_external_id(tx, &sid, &e2)?))
            .await?;
        match taken {
            Some(_) => Err(ServiceError::Conflict("external_id_taken")),
            None => Ok(ext),
        }
    }

    /// 404 unless the caller may see person `bid` (a member of one of her relais).
    async fn relays_check(&self, session: &Session, bid: &BeneficiaryId) -> ServiceResult<()> {
        let b2 = bid.clone();
        let relays = self
            .read(move |tx| Ok(crate::store::beneficiaries::relays_of(tx, &b2)?))
            .await?;
        crate::service::access::allow_on_safe(session, Action::View, bid, &relays)
    }
}

/// A partner's id for a person of structure `sid`, for one who may list the people it follows:
/// refused before the id is even read, then checked as an id.
fn followed_external_id(
    session: &Session,
    sid: &StructureId,
    raw: &str,
) -> ServiceResult<(StructureId, String)> {
    allow(
        session,
        Action::ListFollowed,
        Resource::Structure { id: sid },
    )?;
    Ok((sid.clone(), parse_external_id(raw)?))
}

/// The session of a token: the client account's keys, opened with the client secret (nothing
/// the operator has alone), sealed under a key derived from the new token (`create_session`),
/// for [`TOKEN_SECONDS`].
fn mint(
    app: &App,
    tx: &mut dyn crate::store::Sql,
    loaded: Loaded,
    client_secret: &str,
    granted: Vec<String>,
) -> ServiceResult<String> {
    let account = loaded.account.ok_or(ServiceError::InvalidCredentials)?;
    let aad = ctx::secret_key(&account.id);
    let wrapped = app.platform.open(&aad, &account.secret_key_wrap)?;
    let secret = consigne_vault::unwrap_key(&client_wrap_key(client_secret), &aad, &wrapped)?;
    let mut keys = staff_keys(app, &account, &loaded.memberships, &loaded.keyring, secret)?;
    if keys.structures.is_empty() {
        // Its membership ended (or never held the key): nothing to act with.
        return Err(ServiceError::AccessPending);
    }
    keys.scopes = Some(granted);
    let (token, session) = create_session(
        app,
        tx,
        &account,
        None,
        &loaded.memberships,
        Stage::Full,
        keys,
    )?;
    crate::store::sessions::set_lifetime(tx, &session.token_hash, TOKEN_SECONDS)?;
    Ok(token)
}

/// How long an idempotency key is remembered.
pub const IDEMPOTENCY_SECONDS: i64 = 86_400;

fn idempotency_key(structure_secret: &Key32) -> Key32 {
    consigne_vault::derive_key(structure_secret.as_bytes(), ctx::IDEMPOTENCY_KEY)
}

/// A key whose request has run this long without an answer is taken to be abandoned (its
/// server stopped) and may be claimed again.
pub const IDEMPOTENCY_IN_PROGRESS_SECONDS: i64 = 600;

/// What to do with a request that carries an `Idempotency-Key`.
#[derive(Debug)]
pub enum IdempotencyStart {
    /// The key is now this request's: run it, then `idempotent_finish`.
    Run,
    /// The same request was answered: this answer again (status, body).
    Replay(i64, Vec<u8>),
    /// The same request is running now (a concurrent twin): try again in a moment.
    InProgress,
}

impl App {
    /// Claims the caller's `key` for this request (`request_hash`), or says that it was
    /// answered (the answer, opened with the structure key it was sealed under) or is being
    /// answered. `Conflict` when the key came with another request. The claim is a row: two
    /// servers behind one database see each other's claims.
    pub async fn idempotent_start(
        &self,
        session: &Session,
        sid: &StructureId,
        key: &str,
        request_hash: &[u8],
    ) -> ServiceResult<IdempotencyStart> {
        let now = self.now();
        let claim = partners::IdempotencyRow {
            account_id: session.account_id.clone(),
            key: key.to_owned(),
            structure_id: sid.clone(),
            request_hash: request_hash.to_vec(),
            status: 0,
            response_sealed: Vec::new(),
            created_at: now,
        };
        let found = self
            .tx(move |tx| {
                partners::purge_idempotency(tx, now - IDEMPOTENCY_SECONDS)?;
                let existing = partners::idempotency(tx, &claim.account_id, &claim.key)?;
                let Some(row) = existing else {
                    return match partners::insert_idempotency(tx, &claim) {
                        Ok(()) => Ok(None),
                        // A twin claimed it between the read and the write.
                        Err(crate::store::StoreError::Conflict) => Ok(Some(claim)),
                        Err(e) => Err(e.into()),
                    };
                };
                // The same request still in progress since before its server stopped: ours.
                let stale = now - IDEMPOTENCY_IN_PROGRESS_SECONDS;
                let ours = row.request_hash == claim.request_hash
                    && row.status == 0
                    && partners::take_over_idempotency(tx, &row.account_id, &row.key, stale, now)?;
                Ok((!ours).then_some(row))
            })
            .await?;
        let Some(row) = found else {
            return Ok(IdempotencyStart::Run);
        };
        if row.request_hash != request_hash {
            return Err(ServiceError::Conflict("idempotency_key_reused"));
        }
        if row.status == 0 {
            return Ok(IdempotencyStart::InProgress);
        }
        let aad = ctx::idempotency_response(&session.account_id, key);
        let inner = self.platform.open(&aad, &row.response_sealed)?;
        let body = session
            .keys
            .structure_keys(&row.structure_id)
            .find_map(|pair| {
                consigne_vault::open(&idempotency_key(pair.secret()), &aad, &inner).ok()
            })
            // Sealed under a structure key version it no longer holds.
            .ok_or(ServiceError::Conflict("idempotency_key_reused"))?;
        Ok(IdempotencyStart::Replay(row.status, body.to_vec()))
    }

    /// Records the answer to the request that claimed `key`: sealed under a key derived from
    /// the structure key (it may hold a recovery code), then the platform key.
    pub async fn idempotent_finish(
        &self,
        session: &Session,
        sid: &StructureId,
        key: &str,
        status: i64,
        body: &[u8],
    ) -> ServiceResult<()> {
        let pair = session
            .keys
            .structure_key(sid)
            .ok_or(ServiceError::AccessPending)?;
        let aad = ctx::idempotency_response(&session.account_id, key);
        let sealed = self.platform.seal(
            &aad,
            &consigne_vault::seal(&idempotency_key(pair.secret()), &aad, body),
        );
        let (aid, key, now) = (session.account_id.clone(), key.to_owned(), self.now());
        self.tx(move |tx| {
            partners::complete_idempotency(tx, &aid, &key, status, &sealed, now)?;
            Ok(())
        })
        .await
    }

    /// Gives `key` up after its request failed: nothing was created, a retry runs again.
    pub async fn idempotent_release(&self, session: &Session, key: &str) -> ServiceResult<()> {
        let (aid, key) = (session.account_id.clone(), key.to_owned());
        self.tx(move |tx| {
            partners::release_idempotency(tx, &aid, &key)?;
            Ok(())
        })
        .await
    }
}
