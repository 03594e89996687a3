//! Structures (relay or mediation) and their professionals.

use crate::domain::{
    AccountId, AccountKind, Email, Password, Phone, ShortText, StaffRole, StructureId,
    StructureKind,
};
use crate::policy::{Action, Resource};
use crate::service::access::allow;
use crate::service::auth::accounts::new_staff_account;
use crate::service::journal::{JournalActor, journal_structure, staff_actor};
use crate::service::members::member_wrap;
use crate::service::{App, ServiceError, ServiceResult, Session};
use crate::store::Sql;
use crate::store::StoreError;
use crate::store::structures::{self, StructureRow};
use consigne_vault::{KeyPair, PublicKey};
use serde::Serialize;

#[derive(Debug, Clone)]
pub struct NewStructure {
    pub name: String,
    pub kind: String,
    pub city: Option<String>,
    /// Where people call it: printed on the recovery sheet of those who chose it.
    pub phone: Option<String>,
    pub annual_budget_eur: Option<i64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StructureView {
    pub id: StructureId,
    pub name: String,
    pub kind: StructureKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    pub created_at: String,
    /// The structure key's current version (on `GET /structures/{sid}`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_version: Option<i64>,
    /// A rotation of the structure key is due or under way (on `GET /structures/{sid}`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_rotating: Option<bool>,
}

impl From<&StructureRow> for StructureView {
    fn from(s: &StructureRow) -> Self {
        Self {
            id: s.id.clone(),
            name: s.name.clone(),
            kind: s.kind,
            city: s.city.clone(),
            phone: s.phone.clone(),
            created_at: crate::clock::rfc3339(s.created_at),
            key_version: None,
            key_rotating: None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct NewProfessional {
    pub display_name: String,
    pub email: String,
    pub password: String,
    pub role: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProfessionalView {
    pub id: AccountId,
    pub display_name: String,
    pub email: String,
    pub role: String,
    /// `pending` (until an admin holding the key approves her), `active` or `deactivated`.
    pub status: String,
    /// She holds the structure key.
    pub has_access: bool,
    /// Who asked for her membership, when it was not set up at the structure's creation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requested_by: Option<String>,
    pub requested_at: String,
    /// When she was approved or deactivated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decided_at: Option<String>,
}

impl From<structures::MemberRow> for ProfessionalView {
    fn from(m: structures::MemberRow) -> Self {
        Self {
            has_access: m.holds_key(),
            id: m.account_id,
            display_name: m.display_name,
            email: m.email,
            role: m.role,
            status: m.status.as_str().to_owned(),
            requested_by: m.created_by_name,
            requested_at: crate::clock::rfc3339(m.created_at),
            decided_at: m.decided_at.map(crate::clock::rfc3339),
        }
    }
}

impl App {
    pub async fn create_structure(
        &self,
        session: &Session,
        input: NewStructure,
    ) -> ServiceResult<StructureView> {
        allow(session, Action::Create, Resource::Platform)?;
        let name = ShortText::parse("name", &input.name, 120)?;
        let kind = StructureKind::parse(&input.kind)?;
        let city = input
            .city
            .as_deref()
            .filter(|c| !c.trim().is_empty())
            .map(|c| ShortText::parse("city", c, 80))
            .transpose()?;
        let phone = input
            .phone
            .as_deref()
            .map(Phone::parse)
            .transpose()?
            .flatten();
        if input.annual_budget_eur.is_some_and(|b| b < 0) {
            return Err(
                crate::domain::InvalidInput::new("annual_budget_eur", "invalid_amount").into(),
            );
        }
        let row = StructureRow {
            id: StructureId::generate(),
            name: name.into_string(),
            kind,
            city: city.map(ShortText::into_string),
            phone: phone.map(|p| p.as_str().to_owned()),
            annual_budget_eur: input.annual_budget_eur,
            public_key: None,
            created_at: self.now(),
        };
        let view = StructureView::from(&row);
        self.tx(move |tx| Ok(structures::insert(tx, &row)?)).await?;
        Ok(view)
    }

    /// Sets (or, with `None` or an empty number, removes) the phone number people reach the
    /// structure at: its admins, or the platform admin. Journaled for the structure.
    pub async fn set_structure_phone(
        &self,
        session: &Session,
        sid: &StructureId,
        phone: Option<&str>,
    ) -> ServiceResult<StructureView> {
        let sid = sid.clone();
        allow(session, Action::Update, Resource::Structure { id: &sid })?;
        let phone = phone.map(Phone::parse).transpose()?.flatten();
        let actor = staff_actor(session, &sid);
        let now = self.now();
        self.tx(move |tx| {
            let phone = phone.as_ref().map(Phone::as_str);
            if structures::set_phone(tx, &sid, phone)? == 0 {
                return Err(ServiceError::NotFound);
            }
            journal_structure(tx, now, &actor, "structure_phone_changed", None)?;
            structures::by_id(tx, &sid)?
                .as_ref()
                .map(StructureView::from)
                .ok_or(ServiceError::NotFound)
        })
        .await
    }

    pub async fn list_structures(&self, session: &Session) -> ServiceResult<Vec<StructureView>> {
        allow(session, Action::List, Resource::Platform)?;
        let aid = session.account_id.clone();
        let all = matches!(session.actor, crate::policy::Actor::PlatformAdmin { .. });
        self.read(move |tx| {
            let rows = if all {
                structures::all(tx)?
            } else {
                structures::memberships_of(tx, &aid)?
                    .into_iter()
                    .map(|m| m.structure)
                    .collect()
            };
            Ok(rows.iter().map(StructureView::from).collect())
        })
        .await
    }

    pub async fn get_structure(
        &self,
        session: &Session,
        sid: &StructureId,
    ) -> ServiceResult<StructureView> {
        let sid = sid.clone();
        allow(session, Action::View, Resource::Structure { id: &sid })?;
        self.read(move |tx| {
            let mut view = structures::by_id(tx, &sid)?
                .as_ref()
                .map(StructureView::from)
                .ok_or(ServiceError::NotFound)?;
            if let Some(k) = structures::key_state(tx, &sid)? {
                view.key_version = Some(k.version);
                view.key_rotating = Some(k.rotation_due || k.rotation_job.is_some());
            }
            Ok(view)
        })
        .await
    }

    pub async fn add_professional(
        &self,
        session: &Session,
        sid: &StructureId,
        input: NewProfessional,
    ) -> ServiceResult<ProfessionalView> {
        let sid = sid.clone();
        allow(
            session,
            Action::AddProfessional,
            Resource::Structure { id: &sid },
        )?;
        let email = Email::parse(&input.email)?;
        let display_name = ShortText::parse("display_name", &input.display_name, 80)?;
        let role = StaffRole::parse(&input.role)?;
        let local = email
            .as_str()
            .split('@')
            .next()
            .unwrap_or_default()
            .to_owned();
        let password = Password::new_checked(
            &input.password,
            None,
            None,
            None,
            &[&local, display_name.as_str()],
        )
        .map_err(ServiceError::WeakPassword)?;
        let s2 = sid.clone();
        if self
            .read(move |tx| Ok(structures::by_id(tx, &s2)?))
            .await?
            .is_none()
        {
            return Err(ServiceError::NotFound);
        }
        let (row, pair) = new_staff_account(
            self,
            AccountKind::Professional,
            &email,
            display_name.as_str(),
            &password,
        )
        .await?;
        let held = session.keys.structure_key(&sid);
        let app = self.clone();
        let now = self.now();
        let actor = staff_actor(session, &sid);
        let view = self
            .tx(move |tx| {
                crate::store::accounts::insert(tx, &row).map_err(|e| match e {
                    StoreError::Conflict => ServiceError::Conflict("email_taken"),
                    other => other.into(),
                })?;
                let by = actor.account.as_ref().map(|a| structures::Requester {
                    account_id: a,
                    display_name: actor.name.as_deref().unwrap_or_default(),
                });
                let joining = Joining {
                    account_id: &row.id,
                    public: &pair.public(),
                    role,
                    requested_by: by,
                };
                enroll_member(tx, &app, &sid, &joining, held.as_ref(), &actor, now)
            })
            .await?;
        Ok(view)
    }

    pub async fn list_professionals(
        &self,
        session: &Session,
        sid: &StructureId,
    ) -> ServiceResult<Vec<ProfessionalView>> {
        let sid = sid.clone();
        allow(
            session,
            Action::ListProfessionals,
            Resource::Structure { id: &sid },
        )?;
        self.read(move |tx| {
            if structures::by_id(tx, &sid)?.is_none() {
                return Err(ServiceError::NotFound);
            }
            Ok(structures::members_with_former(tx, &sid)?
                .into_iter()
                .map(ProfessionalView::from)
                .collect())
        })
        .await
    }
}

/// A new member about to join a structure.
pub(crate) struct Joining<'a> {
    pub account_id: &'a AccountId,
    pub public: &'a PublicKey,
    pub role: StaffRole,
    pub requested_by: Option<structures::Requester<'a>>,
}

/// Her membership of `sid`, journaled by `actor`. A structure key reaches a member only from a
/// colleague who holds it (`held`: the caller's copy), else an admin's explicit approval later.
/// The first members of a new structure get a fresh key only because no one holds it yet.
pub(crate) fn enroll_member(
    tx: &mut dyn Sql,
    app: &App,
    sid: &StructureId,
    joining: &Joining<'_>,
    held: Option<&KeyPair>,
    actor: &JournalActor,
    now: i64,
) -> ServiceResult<ProfessionalView> {
    let structure = structures::by_id(tx, sid)?.ok_or(ServiceError::NotFound)?;
    let fresh;
    let structure_key = match (&structure.public_key, held) {
        (None, _) => {
            fresh = KeyPair::generate();
            structures::set_public_key(tx, sid, fresh.public().as_bytes())?;
            Some(&fresh)
        }
        (Some(_), Some(k)) => Some(k),
        (Some(_), None) => None,
    };
    let wrap = structure_key
        .map(|k| member_wrap(app, sid, joining.account_id, joining.public, k.secret()));
    structures::add_member_requested(
        tx,
        sid,
        joining.account_id,
        joining.role.as_str(),
        wrap.as_deref(),
        now,
        joining.requested_by.clone(),
    )?;
    let action = if wrap.is_some() {
        "member_added"
    } else {
        "member_requested"
    };
    journal_structure(tx, now, actor, action, Some(joining.account_id.as_str()))?;
    structures::member(tx, sid, joining.account_id)?
        .map(ProfessionalView::from)
        .ok_or(ServiceError::Internal("new member"))
}
