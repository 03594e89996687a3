//! Opening a safe for a person, the people a structure follows, her relais and invitations.

use crate::domain::{
    AccountId, AccountKind, BeneficiaryId, BirthDate, Identifier, ItemKind, Language, Password,
    PersonName, Phone, StructureId, TypedIdentifier,
};
use crate::policy::{Action, Actor, Resource};
use crate::service::access::{allow, allow_on_safe, own_safe, structure_access};
use crate::service::auth::identity::{IdentityRecord, check_for_identity, relay_identity_key};
use crate::service::auth::login::account_by_indexes;
use crate::service::contexts as ctx;
use crate::service::directory::{FollowedPerson, open_directory, write_missing_entries};
use crate::service::items::folders::ready_made_folders;
use crate::service::journal::{JournalActor, journal, staff_actor};
use crate::service::paging::{Page, PageNumber};
use crate::service::{App, NamedRef, ServiceError, ServiceResult, Session, new_id, parse_id};
use crate::store::Sql;
use crate::store::accounts::{self, AccountRow};
use crate::store::beneficiaries::{self, BeneficiaryRow};
use crate::store::structures::{self, StructureRow};
use crate::store::usage::Counted;
use consigne_vault::{Key32, KeyPair, PublicKey, recovery};
use serde::Serialize;

#[derive(Debug, Clone, Default)]
pub struct NewSafe {
    pub first_name: String,
    pub last_name: String,
    pub birth_date: String,
    pub password: Option<String>,
    pub generate_passphrase: bool,
    pub language: Option<String>,
    pub phone: Option<String>,
    pub consent: Option<bool>,
    /// Whether the opening structure may help her get back in (and so, in the worst case,
    /// open her safe): asked with her at opening. The API's default, for compatibility, is yes.
    pub recovery_relay: Option<bool>,
}

/// What the recovery sheet shows; the code exists nowhere else in clear.
#[derive(Debug, Clone, Serialize)]
pub struct OpenedSafe {
    pub id: BeneficiaryId,
    pub identifier: String,
    pub recovery_code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub passphrase: Option<String>,
    #[serde(skip)]
    pub display_name: String,
    /// Her language: the sheet is printed in it (with French beside it).
    #[serde(skip)]
    pub language: String,
    /// Her recovery relais, whose name and phone the sheet prints.
    #[serde(skip)]
    pub recovery_relays: Vec<SheetRelay>,
}

/// A recovery relais as the printed sheet names it: where she can go, whom she can call.
#[derive(Debug, Clone)]
pub struct SheetRelay {
    pub name: String,
    pub phone: Option<String>,
}

impl From<&StructureRow> for SheetRelay {
    fn from(s: &StructureRow) -> Self {
        Self {
            name: s.name.clone(),
            phone: s.phone.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct BeneficiaryProfile {
    pub id: BeneficiaryId,
    pub identifier: String,
    pub first_name: String,
    pub last_name: String,
    pub birth_date: String,
    pub language: String,
    pub phone: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct InvitationView {
    pub id: String,
    pub structure: NamedRef<StructureId>,
    pub created_at: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct SharedCounts {
    pub documents: i64,
    pub contacts: i64,
    pub notes: i64,
    pub events: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct RelayView {
    pub structure: NamedRef<StructureId>,
    pub since: String,
    pub recovery: bool,
    pub shared: SharedCounts,
}

/// Invitations answered but not yet written. Each one holds a read guard of `in_flight` until
/// it is written; reading her invitations takes the write side first, so she sees every
/// invitation already answered. `lane` runs the deliveries one at a time.
#[derive(Debug, Default)]
pub(crate) struct InvitationDeliveries {
    in_flight: std::sync::Arc<tokio::sync::RwLock<()>>,
    lane: std::sync::Arc<tokio::sync::Mutex<()>>,
}

/// Whether a person matches a folded search: her first and last names in either order, her
/// identifier (with its homonym suffix), or her birth date written `YYYY-MM-DD`, `DD/MM/YYYY`
/// or `DDMMYYYY`.
pub(super) fn matches_search(p: &FollowedPerson, q: &str) -> bool {
    use crate::domain::search_key;
    let (first, last) = (search_key(&p.first_name), search_key(&p.last_name));
    let birth = search_key(&p.birth_date);
    let day_first: String = p.birth_date.split('-').rev().collect();
    [
        format!("{first}{last}"),
        format!("{last}{first}"),
        search_key(&p.identifier),
        birth,
        search_key(&day_first),
    ]
    .iter()
    .any(|h| h.contains(q))
}

impl App {
    pub async fn open_safe(
        &self,
        session: &Session,
        sid: &StructureId,
        input: NewSafe,
    ) -> ServiceResult<OpenedSafe> {
        let sid = sid.clone();
        allow(session, Action::OpenSafe, Resource::Structure { id: &sid })?;
        if input.consent == Some(false) {
            return Err(ServiceError::ConsentRequired);
        }
        // Refused before the slow key derivation too (checked again in the transaction).
        let (app, s2) = (self.clone(), sid.clone());
        self.read(move |tx| crate::service::licences::ensure_open(&app, tx, &s2))
            .await?;
        let today = time::OffsetDateTime::from_unix_timestamp(self.now())
            .map(|t| t.date())
            .unwrap_or(time::Date::MIN);
        let first = PersonName::parse("first_name", &input.first_name)?;
        let last = PersonName::parse("last_name", &input.last_name)?;
        let birth = BirthDate::parse(&input.birth_date, today)?;
        let phone = input
            .phone
            .as_deref()
            .map(Phone::parse_for_sms)
            .transpose()?
            .flatten();
        let language = match input.language.as_deref().filter(|l| !l.trim().is_empty()) {
            Some(l) => Language::parse(l)?,
            None => Language::parse(&self.config.default_language)?,
        };
        let (password, passphrase) = match (&input.password, input.generate_passphrase) {
            (_, true) => {
                let p = crate::domain::generate_passphrase(language.code());
                (
                    Password::for_login(&p).ok_or(ServiceError::Internal("passphrase"))?,
                    Some(p),
                )
            }
            (Some(p), false) => (
                Password::new_checked(p, Some(&first), Some(&last), Some(&birth), &[])
                    .map_err(ServiceError::WeakPassword)?,
                None,
            ),
            (None, false) => {
                return Err(crate::domain::InvalidInput::new("password", "required").into());
            }
        };
        let code = recovery::generate_code();
        let canonical =
            recovery::normalize_code(&code).ok_or(ServiceError::Internal("recovery code"))?;
        let params = self.kdf_params();
        let (pw_salt, code_salt) = (consigne_vault::random_salt(), consigne_vault::random_salt());
        let (pw, rc) = tokio::try_join!(
            self.derive(password.expose().as_bytes().to_vec(), pw_salt, params),
            self.derive(canonical.into_bytes(), code_salt, params)
        )?;
        let (aid, bid) = (AccountId::generate(), BeneficiaryId::generate());
        let (vault, identity_key, pair) = (Key32::random(), Key32::random(), KeyPair::generate());
        let p = self.platform.clone();
        let seal_wrap = |aad: String, wrapping: &Key32, key: &Key32| {
            p.seal(&aad, &consigne_vault::wrap_key(wrapping, &aad, key))
        };
        let now = self.now();
        let mut account = AccountRow {
            id: aid.clone(),
            kind: AccountKind::Beneficiary,
            login_index: Vec::new(),
            email: None,
            display_name: None,
            language: None,
            kdf_params: params.encode(),
            kdf_salt: pw_salt.to_vec(),
            password_verifier: p.seal(&ctx::verifier(&aid), &pw.verifier),
            public_key: pair.public().as_bytes().to_vec(),
            secret_key_wrap: seal_wrap(ctx::secret_key(&aid), &vault, pair.secret()),
            totp_secret: None,
            totp_confirmed: false,
            totp_last_step: None,
            created_at: now,
            password_changed_at: now,
        };
        let mut row = BeneficiaryRow {
            id: bid.clone(),
            account_id: aid.clone(),
            identity_sealed: Vec::new(),
            identity_key_wrap: seal_wrap(ctx::identity_key(&bid), &vault, &identity_key),
            vault_wrap_password: seal_wrap(ctx::vault_password(&bid), &pw.wrap_key, &vault),
            recovery_salt: code_salt.to_vec(),
            recovery_verifier: p.seal(&ctx::recovery_verifier(&bid), &rc.verifier),
            vault_wrap_recovery: seal_wrap(ctx::vault_recovery(&bid), &rc.wrap_key, &vault),
            opened_by_structure: Some(sid.clone()),
            created_at: now,
        };
        let app = self.clone();
        let actor = staff_actor(session, &sid);
        let input_recovery = input.recovery_relay.unwrap_or(true);
        let display_name = format!("{} {}", first.as_str(), last.as_str());
        let safe_id = bid.clone();
        // Her entry in the structure's directory, if this professional holds its key (else
        // the first listing by a member writes it): sealed once her identifier is chosen.
        let directory_secret = App::structure_secrets(session, &sid).into_iter().next();
        // Her ready-made folders, named in her language (made with her safe: its `safe_opened`
        // journal line tells both).
        let folders = ready_made_folders(self, &vault, &bid, language.code(), now)?;
        let (identifier, recovery_relays) = self
            .tx(move |tx| {
                let structure = structures::by_id(tx, &sid)?.ok_or(ServiceError::NotFound)?;
                crate::service::licences::ensure_open(&app, tx, &sid)?;
                // Homonyms get a short suffix: the first free one wins.
                let mut identifier = None;
                for n in 1..=999 {
                    let candidate = Identifier::build(&first, &last, &birth, n);
                    let index = app.blind("login", candidate.as_str());
                    if !accounts::exists_login_index(tx, &index)? {
                        account.login_index = index;
                        identifier = Some(candidate);
                        break;
                    }
                }
                let identifier =
                    identifier.ok_or(ServiceError::Conflict("identifier_exhausted"))?;
                let record = IdentityRecord {
                    first_name: first.as_str().into(),
                    last_name: last.as_str().into(),
                    birth_date: birth.iso(),
                    phone: phone.map(|p| p.as_str().to_owned()),
                    language: language.code().into(),
                    identifier: identifier.as_str().into(),
                    language_chosen: false,
                };
                row.identity_sealed = record.seal(&app, &identity_key, &bid);
                accounts::insert(tx, &account)?;
                beneficiaries::insert(tx, &row)?;
                super::usage::count(&app, tx, &sid, now, Counted::SafeOpened)?;
                for folder in &folders {
                    crate::store::items::insert_folder(tx, folder)?;
                }
                // A relay structure becomes her first relais, and her recovery relais if she
                // said so; a mediation structure opened the safe but keeps no key to it.
                if crate::policy::may_be_relay(structure.kind) {
                    let public = PublicKey::from_slice(
                        structure
                            .public_key
                            .as_deref()
                            .ok_or(ServiceError::Internal("structure key"))?,
                    )?;
                    let recovery = input_recovery.then_some(&vault);
                    app.link_relay(tx, &bid, &sid, &public, &identity_key, recovery, now)?;
                    if let Some(secret) = &directory_secret {
                        let person = FollowedPerson::from_identity(&bid, &record);
                        let entry = super::directory::seal_directory_entry(
                            &app.platform,
                            secret,
                            &sid,
                            &person,
                        );
                        beneficiaries::put_directory_entry(
                            tx,
                            &bid,
                            &sid,
                            &entry,
                            &row.identity_sealed,
                        )?;
                    }
                }
                journal(tx, now, Some(&bid), &actor, "safe_opened", None, true)?;
                let recovery = crate::policy::may_be_relay(structure.kind) && input_recovery;
                if recovery {
                    journal(
                        tx,
                        now,
                        Some(&bid),
                        &actor,
                        "recovery_relay_added",
                        Some(("structure", sid.as_str())),
                        true,
                    )?;
                }
                let relays = if recovery {
                    vec![SheetRelay::from(&structure)]
                } else {
                    Vec::new()
                };
                Ok((identifier.as_str().to_owned(), relays))
            })
            .await?;
        Ok(OpenedSafe {
            id: safe_id,
            identifier,
            recovery_code: code,
            passphrase,
            display_name,
            language: language.code().to_owned(),
            recovery_relays,
        })
    }

    /// Makes `sid` one of her relais: her identity key (and, for a recovery relais, her vault
    /// key) sealed to the structure's public key.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn link_relay(
        &self,
        tx: &mut dyn Sql,
        bid: &BeneficiaryId,
        sid: &StructureId,
        public: &PublicKey,
        identity_key: &Key32,
        vault_for_recovery: Option<&Key32>,
        now: i64,
    ) -> ServiceResult<()> {
        let iaad = ctx::relay_identity(bid, sid);
        let identity_wrap = self.platform.seal(
            &iaad,
            &consigne_vault::wrap_key_to(public, &iaad, identity_key),
        );
        let recovery_wrap = vault_for_recovery.map(|v| {
            let raad = ctx::relay_recovery(bid, sid);
            self.platform
                .seal(&raad, &consigne_vault::wrap_key_to(public, &raad, v))
        });
        beneficiaries::add_relay(tx, bid, sid, now, &identity_wrap, recovery_wrap.as_deref())?;
        Ok(())
    }
}

impl App {
    /// Every person `sid` follows, newest relais first (the JSON API without `page`).
    pub async fn list_followed(
        &self,
        session: &Session,
        sid: &StructureId,
    ) -> ServiceResult<Vec<FollowedPerson>> {
        let (sid, _) = structure_access(session, sid, Action::ListFollowed)?;
        let s2 = sid.clone();
        let rows = self
            .read(move |tx| Ok(beneficiaries::directory(tx, &s2, None)?))
            .await?;
        let (people, missing) = open_directory(self, session, &sid, &rows);
        write_missing_entries(self, &sid, missing).await?;
        Ok(people)
    }

    /// One page of the people `sid` follows, newest relais first, read from the structure's
    /// directory (`directory.rs`): only the page's rows are read and opened. With a search,
    /// every entry of the directory is opened (symmetric, no X25519) and the matches paged.
    pub async fn followed_page(
        &self,
        session: &Session,
        sid: &StructureId,
        page: PageNumber,
        search: Option<&str>,
    ) -> ServiceResult<Page<FollowedPerson>> {
        let (sid, _) = structure_access(session, sid, Action::ListFollowed)?;
        let search = search
            .map(crate::domain::search_key)
            .filter(|q| !q.is_empty());
        let s2 = sid.clone();
        let window = search.is_none().then(|| page.window());
        let (rows, total) = self
            .read(move |tx| {
                Ok((
                    beneficiaries::directory(tx, &s2, window)?,
                    beneficiaries::directory_count(tx, &s2)?,
                ))
            })
            .await?;
        let (people, missing) = open_directory(self, session, &sid, &rows);
        write_missing_entries(self, &sid, missing).await?;
        Ok(match search {
            None => Page::from_window(people, page, Some(total)),
            Some(q) => Page::slice(
                people
                    .into_iter()
                    .filter(|p| matches_search(p, &q))
                    .collect(),
                page,
            ),
        })
    }
}

/// Her identity record as the caller may open it (her own keys, or a relais' structure
/// key and wrap), with the structure it was reached through. No journal entry: callers
/// that show it journal the view.
pub(crate) async fn identity_of(
    app: &App,
    session: &Session,
    bid: &BeneficiaryId,
) -> ServiceResult<(IdentityRecord, Option<StructureId>, BeneficiaryRow)> {
    let (ik, via, row) = identity_key_of(app, session, bid, Action::View).await?;
    let identity = IdentityRecord::open(app, &ik, &row.id, &row.identity_sealed).map_err(|e| {
        tracing::warn!(error = %e, "an identity record that does not open was refused");
        ServiceError::NotFound
    })?;
    Ok((identity, via, row))
}

/// Her identity key, if `action` is allowed on her safe and the caller holds a key that
/// opens it (her own, or a relais' structure key and wrap), with the structure it was
/// reached through.
pub(crate) async fn identity_key_of(
    app: &App,
    session: &Session,
    bid: &BeneficiaryId,
    action: Action,
) -> ServiceResult<(Key32, Option<StructureId>, BeneficiaryRow)> {
    let bid = bid.clone();
    let b2 = bid.clone();
    let (row, relays) = app
        .read(move |tx| {
            let row = beneficiaries::by_id(tx, &b2)?.ok_or(ServiceError::NotFound)?;
            let relays = beneficiaries::relays_of(tx, &b2)?;
            Ok((row, relays))
        })
        .await?;
    allow_on_safe(session, action, &bid, &relays)?;
    match &session.actor {
        Actor::Beneficiary { .. } => Ok((
            session
                .keys
                .identity
                .clone()
                .ok_or(ServiceError::NotFound)?,
            None,
            row,
        )),
        _ => {
            // The permission alone is not enough: the structure's key must open her wrap.
            let relay = relays
                .iter()
                .find(|r| session.keys.structure_key(&r.structure_id).is_some())
                .ok_or(ServiceError::NotFound)?;
            let ik = relay_identity_key(
                app,
                &relay.identity_wrap,
                &session.keys,
                &bid,
                &relay.structure_id,
            )
            .map_err(|e| {
                tracing::warn!(error = %e, "a relais row without a usable key wrap was refused");
                ServiceError::NotFound
            })?;
            Ok((ik, Some(relay.structure_id.clone()), row))
        }
    }
}

impl App {
    pub async fn beneficiary_profile(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
    ) -> ServiceResult<BeneficiaryProfile> {
        beneficiary_profile(self, session, bid).await
    }

    /// Always succeeds for a valid identifier shape, whether or not a safe exists.
    /// Invites the person with this identifier, if there is one. The answer must not tell
    /// whether she exists, by content or by time (SECURITY.md, promise 5): it is given after
    /// the same checks for every identifier, and the lookup and the writes run afterwards, on
    /// their own task. Invitations are idempotent per structure: probing again writes nothing
    /// more, neither an invitation nor a journal entry.
    pub async fn invite(
        &self,
        session: &Session,
        sid: &StructureId,
        identifier: &str,
    ) -> ServiceResult<()> {
        let sid = sid.clone();
        allow(session, Action::Invite, Resource::Structure { id: &sid })?;
        let typed = TypedIdentifier::parse(identifier).ok_or(crate::domain::InvalidInput::new(
            "identifier",
            "invalid_identifier",
        ))?;
        let indexes: Vec<Vec<u8>> = typed
            .readings()
            .iter()
            .map(|i| self.blind("login", i.as_str()))
            .collect();
        let actor = staff_actor(session, &sid);
        let by = session.account_id.clone();
        let in_flight = self.invitations.in_flight.clone().read_owned().await;
        let app = self.clone();
        tokio::spawn(async move {
            let _in_flight = in_flight;
            // One delivery at a time: probes cannot pile up concurrent transactions.
            let _lane = app.invitations.lane.lock().await;
            if let Err(e) = app.deliver_invitation(indexes, sid, by, actor).await {
                tracing::warn!(error = %e, "invitation not delivered");
            }
        });
        Ok(())
    }

    /// Holds every invitation delivery back while the guard lives (answers still go out):
    /// how a test shows that the answer never waits for the lookup.
    #[doc(hidden)]
    pub async fn hold_invitation_deliveries(&self) -> tokio::sync::OwnedMutexGuard<()> {
        self.invitations.lane.clone().lock_owned().await
    }

    async fn deliver_invitation(
        &self,
        indexes: Vec<Vec<u8>>,
        sid: StructureId,
        by: AccountId,
        actor: JournalActor,
    ) -> ServiceResult<()> {
        let now = self.now();
        self.tx(move |tx| {
            let Some(account) =
                account_by_indexes(tx, &indexes)?.filter(|a| a.kind == AccountKind::Beneficiary)
            else {
                return Ok(());
            };
            let Some(b) = beneficiaries::by_account(tx, &account.id)? else {
                return Ok(());
            };
            if beneficiaries::relay(tx, &b.id, &sid)?.is_some() {
                return Ok(());
            }
            if !beneficiaries::invite(tx, &new_id(), &b.id, &sid, &by, now)? {
                return Ok(());
            }
            journal(
                tx,
                now,
                Some(&b.id),
                &actor,
                "invitation_sent",
                Some(("structure", sid.as_str())),
                true,
            )
        })
        .await
    }

    /// Waits until the invitations already answered are written.
    async fn invitations_settled(&self) {
        drop(self.invitations.in_flight.write().await);
    }

    fn own_beneficiary(session: &Session) -> ServiceResult<BeneficiaryId> {
        match &session.actor {
            Actor::Beneficiary { beneficiary_id, .. } => Ok(beneficiary_id.clone()),
            _ => Err(ServiceError::NotFound),
        }
    }

    pub async fn my_invitations(&self, session: &Session) -> ServiceResult<Vec<InvitationView>> {
        let bid = Self::own_beneficiary(session)?;
        self.invitations_settled().await;
        let rows = self
            .read(move |tx| Ok(beneficiaries::invitations_of(tx, &bid)?))
            .await?;
        Ok(rows
            .into_iter()
            .map(|r| InvitationView {
                id: r.id,
                structure: NamedRef {
                    id: r.structure_id,
                    name: r.structure_name,
                },
                created_at: crate::clock::rfc3339(r.created_at),
            })
            .collect())
    }

    pub async fn answer_invitation(
        &self,
        session: &Session,
        iid: &str,
        accept: bool,
    ) -> ServiceResult<()> {
        let bid = Self::own_beneficiary(session)?;
        let iid = parse_id(iid)?;
        let ik = session
            .keys
            .identity
            .clone()
            .ok_or(ServiceError::NotFound)?;
        let app = self.clone();
        let (now, aid) = (self.now(), session.account_id.clone());
        self.tx(move |tx| {
            let invitation = beneficiaries::invitations_of(tx, &bid)?
                .into_iter()
                .find(|i| i.id == iid)
                .ok_or(ServiceError::NotFound)?;
            beneficiaries::delete_invitation(tx, &iid, &bid)?;
            let sid = invitation.structure_id;
            if accept {
                let structure = structures::by_id(tx, &sid)?.ok_or(ServiceError::NotFound)?;
                let public = PublicKey::from_slice(
                    structure
                        .public_key
                        .as_deref()
                        .ok_or(ServiceError::Conflict("structure_without_key"))?,
                )?;
                if beneficiaries::relay(tx, &bid, &sid)?.is_none() {
                    app.link_relay(tx, &bid, &sid, &public, &ik, None, now)?;
                }
            }
            let action = if accept {
                "invitation_accepted"
            } else {
                "invitation_declined"
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

    /// Her relais by name only: what the home page and the "who sees this" forms need. Unlike
    /// [`App::relays`] it counts nothing, so its cost does not grow with her safe.
    pub async fn relay_structures(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
    ) -> ServiceResult<Vec<NamedRef<StructureId>>> {
        let bid = own_safe(session, bid)?;
        let rows = self
            .read(move |tx| Ok(beneficiaries::relays_of(tx, &bid)?))
            .await?;
        Ok(rows
            .into_iter()
            .map(|r| NamedRef {
                id: r.structure_id,
                name: r.structure_name,
            })
            .collect())
    }

    pub async fn relays(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
    ) -> ServiceResult<Vec<RelayView>> {
        relays(self, session, bid).await
    }

    pub async fn leave_relay(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
        sid: &StructureId,
    ) -> ServiceResult<()> {
        let bid = own_safe(session, bid)?;
        let sid = sid.clone();
        let (now, aid) = (self.now(), session.account_id.clone());
        self.tx(move |tx| {
            if beneficiaries::remove_relay(tx, &bid, &sid)? == 0 {
                return Err(ServiceError::NotFound);
            }
            beneficiaries::delete_invitation_for(tx, &bid, &sid)?;
            // Leaving revokes every share with that structure, on the next request.
            crate::store::items::unshare_all(tx, &bid, &sid)?;
            crate::store::household::unshare_all(tx, &bid, &sid)?;
            crate::store::resets::delete_for(tx, &bid, &sid)?;
            // Her thread with it is closed; she keeps it, the structure no longer sees it.
            crate::store::messages::close_pair(tx, &bid, &sid, now)?;
            journal(
                tx,
                now,
                Some(&bid),
                &JournalActor::beneficiary(&aid),
                "relay_left",
                Some(("structure", sid.as_str())),
                true,
            )
        })
        .await
    }

    /// A profile's own identity, for her pages.
    pub async fn my_profile(&self, session: &Session) -> ServiceResult<BeneficiaryProfile> {
        let bid = Self::own_beneficiary(session)?;
        self.beneficiary_profile(session, &bid).await
    }

    /// The password policy as it applies to her (used by pages before a long form is lost).
    pub fn check_new_password_for(
        &self,
        identity: &BeneficiaryProfile,
        raw: &str,
    ) -> ServiceResult<Password> {
        let record = IdentityRecord {
            first_name: identity.first_name.clone(),
            last_name: identity.last_name.clone(),
            birth_date: identity.birth_date.clone(),
            phone: None,
            language: identity.language.clone(),
            identifier: identity.identifier.clone(),
            language_chosen: false,
        };
        check_for_identity(&record, raw)
    }
}

pub(crate) async fn relays(
    app: &App,
    session: &Session,
    bid: &BeneficiaryId,
) -> ServiceResult<Vec<RelayView>> {
    let bid = own_safe(session, bid)?;
    let rows = app
        .read(move |tx| {
            let relays = beneficiaries::relays_of(tx, &bid)?;
            let mut out = Vec::new();
            for r in relays {
                let counts = crate::store::items::shared_counts(tx, &bid, &r.structure_id)?;
                out.push((r, counts));
            }
            Ok(out)
        })
        .await?;
    Ok(rows
        .into_iter()
        .map(|(r, counts)| {
            let count = |kind: ItemKind| {
                counts
                    .iter()
                    .find(|(k, _)| *k == kind)
                    .map_or(0, |(_, n)| *n)
            };
            RelayView {
                structure: NamedRef {
                    id: r.structure_id,
                    name: r.structure_name,
                },
                since: crate::clock::rfc3339(r.since),
                recovery: r.recovery,
                shared: SharedCounts {
                    documents: count(ItemKind::Document),
                    contacts: count(ItemKind::Contact),
                    notes: count(ItemKind::Note),
                    events: count(ItemKind::Event),
                },
            }
        })
        .collect())
}

pub(crate) async fn beneficiary_profile(
    app: &App,
    session: &Session,
    bid: &BeneficiaryId,
) -> ServiceResult<BeneficiaryProfile> {
    let (identity, via, row) = identity_of(app, session, bid).await?;
    let bid = row.id.clone();
    if let Some(sid) = via {
        let actor = staff_actor(session, &sid);
        let (b3, now) = (bid.clone(), app.now());
        app.tx(move |tx| {
            journal(
                tx,
                now,
                Some(&b3),
                &actor,
                "profile_viewed",
                Some(("beneficiary", b3.as_str())),
                true,
            )
        })
        .await?;
    }
    Ok(BeneficiaryProfile {
        id: bid,
        identifier: identity.identifier,
        first_name: identity.first_name,
        last_name: identity.last_name,
        birth_date: identity.birth_date,
        language: identity.language,
        phone: identity.phone,
    })
}
