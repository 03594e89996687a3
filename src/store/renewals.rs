//! Licence renewal notices and their e-mails (migrations/*/0058_licence_notices.sql): the
//! outbox `service::renewals` records, sends and marks.

use super::{Row, Sql, StoreResult};
use crate::domain::StructureId;

/// A licence whose end falls in the window, the last one of its structure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ending {
    pub licence_id: String,
    pub structure_id: StructureId,
    pub structure_name: String,
    pub ends_on: String,
}

/// Licences ending between `from` and `to` (days, inclusive) that no later licence of the
/// same structure follows (a structure already renewed is not reminded of the old period).
pub fn ending_between(tx: &mut dyn Sql, from: &str, to: &str) -> StoreResult<Vec<Ending>> {
    tx.query(
        "SELECT l.id, l.structure_id, s.name, l.ends_on FROM licences l \
         JOIN structures s ON s.id = l.structure_id \
         WHERE l.ends_on >= $1 AND l.ends_on <= $2 AND NOT EXISTS \
         (SELECT 1 FROM licences o WHERE o.structure_id = l.structure_id AND o.ends_on > l.ends_on) \
         ORDER BY l.ends_on, l.id",
        &[from.into(), to.into()],
    )?
    .iter()
    .map(|r| {
        Ok(Ending {
            licence_id: r.text("id")?,
            structure_id: r.id("structure_id")?,
            structure_name: r.text("name")?,
            ends_on: r.text("ends_on")?,
        })
    })
    .collect()
}

/// Records a notice unless one exists for the same licence, period and kind; returns whether
/// it was recorded.
pub fn insert_notice(
    tx: &mut dyn Sql,
    id: &str,
    e: &Ending,
    kind: &str,
    at: i64,
) -> StoreResult<bool> {
    Ok(tx.execute(
        "INSERT INTO licence_notices (id, licence_id, structure_id, ends_on, kind, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (licence_id, ends_on, kind) DO NOTHING",
        &[
            id.into(),
            e.licence_id.as_str().into(),
            (&e.structure_id).into(),
            e.ends_on.as_str().into(),
            kind.into(),
            at.into(),
        ],
    )? == 1)
}

/// An admin to tell: her account, address and language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Admin {
    pub account_id: String,
    pub email: String,
    pub language: Option<String>,
}

/// The structure's active admins with an e-mail address on their account.
pub fn admins(tx: &mut dyn Sql, sid: &StructureId) -> StoreResult<Vec<Admin>> {
    tx.query(
        "SELECT a.id, a.email, a.language FROM memberships m JOIN accounts a ON a.id = m.account_id \
         WHERE m.structure_id = $1 AND m.role = 'admin' AND m.status = 'active' \
         AND a.email IS NOT NULL AND a.email <> '' ORDER BY a.id",
        &[sid.into()],
    )?
    .iter()
    .map(|r| {
        Ok(Admin {
            account_id: r.text("id")?,
            email: r.text("email")?,
            language: r.opt_text("language")?,
        })
    })
    .collect()
}

pub fn insert_email(
    tx: &mut dyn Sql,
    notice_id: &str,
    admin: &Admin,
    language: &str,
) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO licence_notice_emails (notice_id, account_id, email, language, status, attempts) \
         VALUES ($1, $2, $3, $4, 'pending', 0)",
        &[
            notice_id.into(),
            admin.account_id.as_str().into(),
            admin.email.as_str().into(),
            language.into(),
        ],
    )?;
    Ok(())
}

/// One e-mail of a notice, with what its text needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailRow {
    pub notice_id: String,
    pub account_id: String,
    pub email: String,
    pub language: String,
    pub status: String,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub sent_at: Option<i64>,
    pub kind: String,
    pub ends_on: String,
    pub created_at: i64,
    pub structure_name: String,
}

const EMAIL_COLS: &str = "e.notice_id, e.account_id, e.email, e.language, e.status, e.attempts, e.last_error, e.sent_at, n.kind, n.ends_on, n.created_at, s.name";
const EMAIL_FROM: &str = "licence_notice_emails e JOIN licence_notices n ON n.id = e.notice_id JOIN structures s ON s.id = n.structure_id";

fn email_row(r: &Row) -> StoreResult<EmailRow> {
    Ok(EmailRow {
        notice_id: r.text("notice_id")?,
        account_id: r.text("account_id")?,
        email: r.text("email")?,
        language: r.text("language")?,
        status: r.text("status")?,
        attempts: r.int("attempts")?,
        last_error: r.opt_text("last_error")?,
        sent_at: r.opt_int("sent_at")?,
        kind: r.text("kind")?,
        ends_on: r.text("ends_on")?,
        created_at: r.int("created_at")?,
        structure_name: r.text("name")?,
    })
}

pub fn email(tx: &mut dyn Sql, notice_id: &str, account_id: &str) -> StoreResult<Option<EmailRow>> {
    tx.query(
        &format!(
            "SELECT {EMAIL_COLS} FROM {EMAIL_FROM} WHERE e.notice_id = $1 AND e.account_id = $2"
        ),
        &[notice_id.into(), account_id.into()],
    )?
    .first()
    .map(email_row)
    .transpose()
}

/// A structure's notices' e-mails, newest first.
pub fn of_structure(tx: &mut dyn Sql, sid: &StructureId, limit: i64) -> StoreResult<Vec<EmailRow>> {
    tx.query(
        &format!(
            "SELECT {EMAIL_COLS} FROM {EMAIL_FROM} WHERE n.structure_id = $1 \
             ORDER BY n.created_at DESC, n.kind, e.email LIMIT $2"
        ),
        &[sid.into(), limit.into()],
    )?
    .iter()
    .map(email_row)
    .collect()
}

/// Marks an e-mail `sent` (at `at`) or `failed`, or records a failed attempt (`pending`, with
/// its error).
pub fn mark(
    tx: &mut dyn Sql,
    notice_id: &str,
    account_id: &str,
    status: &str,
    error: Option<&str>,
    at: i64,
) -> StoreResult<()> {
    let sent_at = (status == "sent").then_some(at);
    tx.execute(
        "UPDATE licence_notice_emails SET status = $3, attempts = attempts + 1, last_error = $4, \
         sent_at = $5 WHERE notice_id = $1 AND account_id = $2",
        &[
            notice_id.into(),
            account_id.into(),
            status.into(),
            error.into(),
            sent_at.into(),
        ],
    )?;
    Ok(())
}
