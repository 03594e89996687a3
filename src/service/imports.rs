//! Imports from CSV files (issue 18, item 5): a structure's admin imports professionals, the
//! platform admin imports structures. Nothing is written unless every line is valid: the file is
//! checked line by line (a preview reads only), then checked again and written in one
//! transaction.
//!
//! An imported professional has no password yet, so no key pair: she gets an activation, a
//! random one-time code of 256 bits valid [`ACTIVATION_DAYS`] days, shown once to the importer
//! (who hands it over) and stored as its SHA-256 only. With it she chooses her password on
//! `/activate`, which makes her key pair; she then joins as a pending member whom an admin
//! holding the structure key approves, as any member added by the platform admin (no single
//! insider gives her the key). A slow hash is not needed for 256 random bits, and 500 lines
//! import in one short transaction.

use crate::domain::{
    AccountKind, CsvError, CsvRecord, Email, Password, ShortText, StaffRole, StructureId,
    StructureKind, parse_csv,
};
use crate::policy::{Action, Actor, Resource};
use crate::service::access::allow;
use crate::service::auth::accounts::new_staff_account;
use crate::service::journal::{JournalActor, journal_structure, staff_actor};
use crate::service::structures::{Joining, ProfessionalView, StructureView, enroll_member};
use crate::service::{App, ServiceError, ServiceResult, Session, new_id};
use crate::store::structures::{self, Requester, StructureRow};
use crate::store::{Sql, StoreError, imports};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// Largest file accepted (decoded bytes), and most lines after the header.
pub const MAX_CSV_BYTES: usize = 256 * 1024;
pub const MAX_CSV_ROWS: usize = 1000;
/// How long an activation code works.
pub const ACTIVATION_DAYS: i64 = 14;

pub const PROFESSIONALS_HEADER: &[&str] = &["display_name", "email", "role"];
pub const STRUCTURES_HEADER: &[&str] = &["name", "kind", "city", "annual_budget_eur"];

/// One line of the file as read: its fields, and why it cannot be imported, if so.
#[derive(Debug, Clone, Serialize)]
pub struct CheckedLine {
    pub line: usize,
    pub fields: Vec<String>,
    /// A code: `wrong_field_count`, `invalid_email`, `duplicate_in_file`, `email_taken`...
    pub error: Option<&'static str>,
}

/// A file as checked: every line, or what made the whole file unreadable.
#[derive(Debug, Clone, Serialize)]
pub struct ImportCheck {
    pub lines: Vec<CheckedLine>,
    pub file_error: Option<CsvError>,
}

/// An error of the file, with the line it is on.
#[derive(Debug, Clone, Serialize)]
pub struct LineError {
    pub line: usize,
    pub code: &'static str,
}

impl ImportCheck {
    pub fn errors(&self) -> Vec<LineError> {
        let file = self.file_error.iter().map(|e| LineError {
            line: e.line,
            code: e.code,
        });
        let lines = self
            .lines
            .iter()
            .filter_map(|l| l.error.map(|code| LineError { line: l.line, code }));
        file.chain(lines).collect()
    }

    pub fn is_valid(&self) -> bool {
        self.file_error.is_none() && self.lines.iter().all(|l| l.error.is_none())
    }

    fn from_file(error: CsvError) -> Self {
        Self {
            lines: Vec::new(),
            file_error: Some(error),
        }
    }
}

/// An imported professional's activation link, shown once.
#[derive(Debug, Clone, Serialize)]
pub struct Invitation {
    pub email: String,
    pub display_name: String,
    pub activation_url: String,
}

/// What an import did, or why it did nothing.
#[derive(Debug, Clone)]
pub enum Imported<T> {
    Done(T),
    Refused(ImportCheck),
}

/// Professionals imported: one invitation each.
#[derive(Debug, Clone, Serialize)]
pub struct ProfessionalsImported {
    pub imported: usize,
    pub invitations: Vec<Invitation>,
}

/// Structures imported.
#[derive(Debug, Clone, Serialize)]
pub struct StructuresImported {
    pub imported: usize,
    pub structures: Vec<StructureView>,
}

/// A valid professional line.
struct ProLine {
    display_name: String,
    email: Email,
    role: StaffRole,
}

/// A valid structure line.
struct StructureLine {
    name: String,
    kind: StructureKind,
    city: Option<String>,
    annual_budget_eur: Option<i64>,
}

/// Checks every line of a professionals file (the database says which e-mail addresses are
/// taken) and returns the valid lines when all are.
fn check_professionals(
    app: &App,
    tx: &mut dyn Sql,
    bytes: &[u8],
    now: i64,
) -> ServiceResult<(ImportCheck, Vec<ProLine>)> {
    let mut seen = std::collections::HashSet::new();
    check_lines(bytes, PROFESSIONALS_HEADER, |fields| {
        let p = match pro_line(fields) {
            Ok(p) => p,
            Err(e) => return Ok(Err(e)),
        };
        if !seen.insert(p.email.as_str().to_owned()) {
            return Ok(Err("duplicate_in_file"));
        }
        let index = app.blind("login", p.email.as_str());
        if imports::account_exists(tx, &index)?
            || imports::email_waiting(tx, p.email.as_str(), now)?
        {
            return Ok(Err("email_taken"));
        }
        Ok(Ok(p))
    })
}

/// Reads a CSV file with `header` and checks each line with `check` (a line's own error, or a
/// database failure that stops everything): every line with its error for the preview, and the
/// valid ones.
fn check_lines<T>(
    bytes: &[u8],
    header: &[&str],
    mut check: impl FnMut(&[String]) -> ServiceResult<Result<T, &'static str>>,
) -> ServiceResult<(ImportCheck, Vec<T>)> {
    let records = match parse_csv(bytes, header, MAX_CSV_ROWS) {
        Ok(r) => r,
        Err(e) => return Ok((ImportCheck::from_file(e), Vec::new())),
    };
    let mut lines = Vec::new();
    let mut valid = Vec::new();
    for CsvRecord { line, fields } in records {
        let checked = check(&fields)?;
        lines.push(CheckedLine {
            line,
            fields,
            error: checked.as_ref().err().copied(),
        });
        if let Ok(v) = checked {
            valid.push(v);
        }
    }
    Ok((
        ImportCheck {
            lines,
            file_error: None,
        },
        valid,
    ))
}

fn pro_line(fields: &[String]) -> Result<ProLine, &'static str> {
    let [name, email, role] = fields else {
        return Err("wrong_field_count");
    };
    let display_name = ShortText::parse("display_name", name, 80).map_err(|e| match e.code {
        "required" => "display_name_required",
        _ => "display_name_too_long",
    })?;
    let email = Email::parse(email).map_err(|_| "invalid_email")?;
    let role = StaffRole::parse(role.trim().to_lowercase().as_str()).map_err(|_| "invalid_role")?;
    Ok(ProLine {
        display_name: display_name.into_string(),
        email,
        role,
    })
}

fn check_structures(
    tx: &mut dyn Sql,
    bytes: &[u8],
) -> ServiceResult<(ImportCheck, Vec<StructureLine>)> {
    let mut seen = std::collections::HashSet::new();
    check_lines(bytes, STRUCTURES_HEADER, |fields| {
        let s = match structure_line(fields) {
            Ok(s) => s,
            Err(e) => return Ok(Err(e)),
        };
        let key = (
            s.name.to_lowercase(),
            s.city.as_deref().map(str::to_lowercase),
        );
        if !seen.insert(key) {
            return Ok(Err("duplicate_in_file"));
        }
        if imports::structure_exists(tx, &s.name, s.city.as_deref())? {
            return Ok(Err("name_taken"));
        }
        Ok(Ok(s))
    })
}

fn structure_line(fields: &[String]) -> Result<StructureLine, &'static str> {
    let [name, kind, city, budget] = fields else {
        return Err("wrong_field_count");
    };
    let name = ShortText::parse("name", name, 120).map_err(|e| match e.code {
        "required" => "name_required",
        _ => "name_too_long",
    })?;
    let kind =
        StructureKind::parse(kind.trim().to_lowercase().as_str()).map_err(|_| "invalid_kind")?;
    let city = Some(city.trim())
        .filter(|c| !c.is_empty())
        .map(|c| ShortText::parse("city", c, 80).map_err(|_| "city_too_long"))
        .transpose()?;
    let budget = budget.trim();
    let annual_budget_eur = if budget.is_empty() {
        None
    } else {
        match budget.parse::<i64>() {
            Ok(b) if (0..=1_000_000_000_000).contains(&b) => Some(b),
            _ => return Err("invalid_budget"),
        }
    };
    Ok(StructureLine {
        name: name.into_string(),
        kind,
        city: city.map(ShortText::into_string),
        annual_budget_eur,
    })
}

/// The SHA-256 of an activation code, as stored.
fn code_hash(code: &str) -> Vec<u8> {
    Sha256::digest(code.trim().as_bytes()).to_vec()
}

/// What a professional sees before choosing her password.
#[derive(Debug, Clone, Serialize)]
pub struct ActivationView {
    pub email: String,
    pub display_name: String,
    pub structure_name: String,
}

impl App {
    /// Who may import professionals into `sid`: its admins who hold its key, or the platform
    /// admin (whose imports then wait for an admin's approval, as her additions do).
    fn allow_professional_import(&self, session: &Session, sid: &StructureId) -> ServiceResult<()> {
        allow(
            session,
            Action::AddProfessional,
            Resource::Structure { id: sid },
        )?;
        if matches!(session.actor, Actor::Professional { .. })
            && session.keys.structure_key(sid).is_none()
        {
            return Err(ServiceError::AccessPending);
        }
        Ok(())
    }

    /// Checks a professionals file without writing anything.
    pub async fn preview_professionals(
        &self,
        session: &Session,
        sid: &StructureId,
        csv: Vec<u8>,
    ) -> ServiceResult<ImportCheck> {
        self.allow_professional_import(session, sid)?;
        let (app, sid, now) = (self.clone(), sid.clone(), self.now());
        self.read(move |tx| {
            structures::by_id(tx, &sid)?.ok_or(ServiceError::NotFound)?;
            Ok(check_professionals(&app, tx, &csv, now)?.0)
        })
        .await
    }

    /// Imports a professionals file: every line valid, or nothing written.
    pub async fn import_professionals(
        &self,
        session: &Session,
        sid: &StructureId,
        csv: Vec<u8>,
    ) -> ServiceResult<Imported<ProfessionalsImported>> {
        self.allow_professional_import(session, sid)?;
        let (app, sid, now) = (self.clone(), sid.clone(), self.now());
        let actor = staff_actor(session, &sid);
        let base = self.config.public_url.trim_end_matches('/').to_owned();
        self.tx(move |tx| {
            structures::by_id(tx, &sid)?.ok_or(ServiceError::NotFound)?;
            tx.lock("staff_activations")?;
            let (check, valid) = check_professionals(&app, tx, &csv, now)?;
            if !check.is_valid() {
                return Ok(Imported::Refused(check));
            }
            let mut invitations = Vec::with_capacity(valid.len());
            for p in valid {
                imports::delete_expired(tx, p.email.as_str(), now)?;
                let code = hex::encode(consigne_vault::random_bytes::<32>());
                imports::insert(
                    tx,
                    &imports::ActivationRow {
                        id: new_id(),
                        code_hash: code_hash(&code),
                        structure_id: sid.clone(),
                        email: p.email.as_str().to_owned(),
                        display_name: p.display_name.clone(),
                        role: p.role.as_str().to_owned(),
                        created_by: actor.account.as_ref().map(|a| a.as_str().to_owned()),
                        created_by_name: actor.name.clone(),
                        created_at: now,
                        expires_at: now + ACTIVATION_DAYS * 86_400,
                    },
                )
                .map_err(|e| match e {
                    StoreError::Conflict => ServiceError::Conflict("email_taken"),
                    other => other.into(),
                })?;
                invitations.push(Invitation {
                    email: p.email.as_str().to_owned(),
                    display_name: p.display_name,
                    activation_url: format!("{base}/activate?code={code}"),
                });
            }
            journal_structure(tx, now, &actor, "professionals_imported", None)?;
            Ok(Imported::Done(ProfessionalsImported {
                imported: invitations.len(),
                invitations,
            }))
        })
        .await
    }

    /// Activations waiting in a structure (imported professionals who have not chosen their
    /// password yet).
    pub async fn waiting_activations(
        &self,
        session: &Session,
        sid: &StructureId,
    ) -> ServiceResult<i64> {
        allow(
            session,
            Action::ListProfessionals,
            Resource::Structure { id: sid },
        )?;
        let (sid, now) = (sid.clone(), self.now());
        self.read(move |tx| Ok(imports::count_for(tx, &sid, now)?))
            .await
    }

    /// Checks a structures file without writing anything (platform admin).
    pub async fn preview_structures(
        &self,
        session: &Session,
        csv: Vec<u8>,
    ) -> ServiceResult<ImportCheck> {
        allow(session, Action::Create, Resource::Platform)?;
        self.read(move |tx| Ok(check_structures(tx, &csv)?.0)).await
    }

    /// Imports a structures file: every line valid, or nothing written (platform admin).
    pub async fn import_structures(
        &self,
        session: &Session,
        csv: Vec<u8>,
    ) -> ServiceResult<Imported<StructuresImported>> {
        allow(session, Action::Create, Resource::Platform)?;
        let now = self.now();
        self.tx(move |tx| {
            tx.lock("structures_import")?;
            let (check, valid) = check_structures(tx, &csv)?;
            if !check.is_valid() {
                return Ok(Imported::Refused(check));
            }
            let mut out = Vec::with_capacity(valid.len());
            for s in valid {
                let row = StructureRow {
                    id: StructureId::generate(),
                    name: s.name,
                    kind: s.kind,
                    city: s.city,
                    phone: None,
                    annual_budget_eur: s.annual_budget_eur,
                    public_key: None,
                    created_at: now,
                };
                structures::insert(tx, &row)?;
                out.push(StructureView::from(&row));
            }
            Ok(Imported::Done(StructuresImported {
                imported: out.len(),
                structures: out,
            }))
        })
        .await
    }

    /// The activation of `code`, if it works (for the page that asks her password).
    pub async fn activation(&self, code: &str) -> ServiceResult<ActivationView> {
        let (hash, now) = (code_hash(code), self.now());
        self.read(move |tx| {
            let a = imports::by_code_hash(tx, &hash, now)?.ok_or(ServiceError::NotFound)?;
            let s = structures::by_id(tx, &a.structure_id)?.ok_or(ServiceError::NotFound)?;
            Ok(ActivationView {
                email: a.email,
                display_name: a.display_name,
                structure_name: s.name,
            })
        })
        .await
    }

    /// An imported professional chooses her password with her code: her account and key pair
    /// are made, the code is used up, and she joins her structure (pending until an admin
    /// holding the key approves her; with a fresh key if no one holds it yet).
    pub async fn activate_professional(
        &self,
        code: &str,
        password: &str,
    ) -> ServiceResult<ProfessionalView> {
        let (hash, now) = (code_hash(code), self.now());
        let h = hash.clone();
        let a = self
            .read(move |tx| Ok(imports::by_code_hash(tx, &h, now)?))
            .await?
            .ok_or(ServiceError::NotFound)?;
        let email = Email::parse(&a.email)?;
        let local = email
            .as_str()
            .split('@')
            .next()
            .unwrap_or_default()
            .to_owned();
        let password =
            Password::new_checked(password, None, None, None, &[&local, &a.display_name])
                .map_err(ServiceError::WeakPassword)?;
        let role = StaffRole::parse(&a.role)?;
        // The slow Argon2id outside any transaction.
        let (row, pair) = new_staff_account(
            self,
            AccountKind::Professional,
            &email,
            &a.display_name,
            &password,
        )
        .await?;
        let app = self.clone();
        self.tx(move |tx| {
            let a = imports::by_code_hash(tx, &hash, now)?.ok_or(ServiceError::NotFound)?;
            if imports::delete(tx, &a.id)? != 1 {
                return Err(ServiceError::NotFound);
            }
            crate::store::accounts::insert(tx, &row).map_err(|e| match e {
                StoreError::Conflict => ServiceError::Conflict("email_taken"),
                other => other.into(),
            })?;
            let by = a
                .created_by
                .as_deref()
                .map(crate::domain::AccountId::parse)
                .transpose()?;
            let joining = Joining {
                account_id: &row.id,
                public: &pair.public(),
                role,
                requested_by: by.as_ref().map(|id| Requester {
                    account_id: id,
                    display_name: a.created_by_name.as_deref().unwrap_or_default(),
                }),
            };
            let actor = JournalActor {
                kind: AccountKind::Professional.as_str(),
                account: Some(row.id.clone()),
                name: Some(a.display_name.clone()),
                structure: Some(a.structure_id.clone()),
            };
            enroll_member(tx, &app, &a.structure_id, &joining, None, &actor, now)
        })
        .await
    }
}
