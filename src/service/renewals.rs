//! Licence renewal reminders (issue 18, item 2): an e-mail to each admin of a structure 60
//! and 30 days before its licence ends, in her language, saying the end date and whom to
//! contact.
//!
//! An outbox, so that a notice goes once across restarts and crashes:
//! - a daily scan (run by each job worker at its first round of each local day, and when it
//!   starts) looks at the licences ending within 60 days that no later licence follows, and records the notice due — the 30-day one when the end is 30 days
//!   away or less, else the 60-day one — unless it was already recorded: `licence_notices` is
//!   unique on (licence, period, kind), the period being the end date, so a renewed licence
//!   (a new end date) gets its own notices. A server down on the exact day sends the notice
//!   at the next scan; one down through the whole 60-to-30 window sends only the 30-day one.
//! - in the same transaction, one e-mail per active admin with an address on her account,
//!   and one job per e-mail (`licence_notice|<notice>|<account>`);
//! - the job sends it through the `[email]` transport and marks it sent; a temporary failure
//!   is retried with the queue's backoff, a permanent one marks it failed. (A crash between
//!   the transport's answer and the mark sends it again: at least once, never recorded twice.)
//!
//! Mediation structures pay nothing but are reminded like any other when a licence period is
//! recorded for them. The platform admin sees, on the structure's page, which e-mails went
//! and when ([`notices_of`]).

use std::sync::Arc;

use crate::domain::StructureId;
use crate::email::{Email, MailError, Mailer};
use crate::policy::{Action, Resource};
use crate::service::access::allow;
// The service's job API (its re-exports): the worker runs this module's daily scan.
use crate::service::{App, ServiceResult, Session, new_id};
use crate::service::{JobHandler, NewJob, Outcome, job_row};
use crate::store::jobs as job_store;
use crate::store::renewals::{self as store, EmailRow, Ending};

/// One e-mail's job kind.
pub const SEND_KIND: &str = "licence_notice";
/// Attempts of one e-mail (with the queue's backoff: about three hours in all).
const SEND_ATTEMPTS: i64 = 10;
/// The notices, in days before the end.
const FIRST_DAYS: i64 = 60;
const SECOND_DAYS: i64 = 30;
/// How many e-mails the structure's page lists.
const SHOWN: i64 = 100;

/// One e-mail of a notice, as the platform admin sees it.
#[derive(Debug, Clone)]
pub struct NoticeView {
    /// 60 or 30.
    pub days: i64,
    pub ends_on: String,
    pub recorded_at: i64,
    pub email: String,
    pub language: String,
    /// `pending`, `sent` or `failed`.
    pub status: String,
    pub sent_at: Option<i64>,
    pub attempts: i64,
    pub last_error: Option<String>,
}

fn days_of(kind: &str) -> i64 {
    if kind == "days_30" {
        SECOND_DAYS
    } else {
        FIRST_DAYS
    }
}

fn view(r: EmailRow) -> NoticeView {
    NoticeView {
        days: days_of(&r.kind),
        ends_on: r.ends_on,
        recorded_at: r.created_at,
        email: r.email,
        language: r.language,
        status: r.status,
        sent_at: r.sent_at,
        attempts: r.attempts,
        last_error: r.last_error,
    }
}

/// The renewal e-mails recorded for a structure, newest first: the platform admin.
pub async fn notices_of(
    app: &App,
    session: &Session,
    sid: &StructureId,
) -> ServiceResult<Vec<NoticeView>> {
    allow(
        session,
        Action::ManageLicence,
        Resource::Structure { id: sid },
    )?;
    let sid = sid.clone();
    app.read(move |tx| {
        Ok(store::of_structure(tx, &sid, SHOWN)?
            .into_iter()
            .map(view)
            .collect())
    })
    .await
}

/// The local day (`YYYY-MM-DD`) of `at` in the platform's time zone.
pub(crate) fn day_of(app: &App, at: i64) -> String {
    crate::clock::local(&crate::clock::zone(&app.config.reminders.time_zone), at).date
}

/// `day` plus `days`, `YYYY-MM-DD`.
fn add_days(day: &str, days: i64) -> Option<String> {
    let d: jiff::civil::Date = day.parse().ok()?;
    Some(
        d.checked_add(jiff::Span::new().days(days))
            .ok()?
            .strftime("%Y-%m-%d")
            .to_string(),
    )
}

/// Records the notices due on the day of `now` and their e-mails' jobs, in one transaction;
/// returns how many notices were recorded. Idempotent: the worker runs it at its first round
/// of each local day (and after a restart); several workers running it at once record each
/// notice once (the unique key; the second insert waits for the first and does nothing).
pub(crate) async fn scan(app: &App, now: i64) -> ServiceResult<usize> {
    let today = day_of(app, now);
    let (Some(first), Some(second)) = (add_days(&today, FIRST_DAYS), add_days(&today, SECOND_DAYS))
    else {
        return Err(crate::service::ServiceError::Internal("renewal days"));
    };
    let default_language = app.config.default_language.clone();
    let app2 = app.clone();
    let recorded = app
        .tx(move |tx| {
            let mut recorded = 0;
            for ending in store::ending_between(tx, &today, &first)? {
                let kind = if ending.ends_on <= second {
                    "days_30"
                } else {
                    "days_60"
                };
                let notice = new_id();
                if !store::insert_notice(tx, &notice, &ending, kind, now)? {
                    continue;
                }
                recorded += 1;
                record_emails(&app2, tx, &notice, &ending, &default_language, now)?;
            }
            Ok(recorded)
        })
        .await?;
    if recorded > 0 {
        tracing::info!(notices = recorded, "licence renewal notices recorded");
    }
    Ok(recorded)
}

fn record_emails(
    app: &App,
    tx: &mut dyn crate::store::Sql,
    notice: &str,
    ending: &Ending,
    default_language: &str,
    now: i64,
) -> ServiceResult<()> {
    for admin in store::admins(tx, &ending.structure_id)? {
        let language = admin
            .language
            .clone()
            .filter(|l| !l.is_empty())
            .unwrap_or_else(|| default_language.to_owned());
        store::insert_email(tx, notice, &admin, &language)?;
        let row = job_row(
            app,
            NewJob {
                kind: SEND_KIND,
                idempotency_key: format!("{SEND_KIND}|{notice}|{}", admin.account_id),
                payload: serde_json::json!({
                    "notice_id": notice,
                    "account_id": admin.account_id,
                }),
                run_at: now,
                max_attempts: SEND_ATTEMPTS,
            },
        )?;
        job_store::insert(tx, &row)?;
    }
    Ok(())
}

/// The e-mail of a notice, in the admin's language.
fn compose(app: &App, row: &EmailRow) -> Option<Email> {
    let catalogs = super::calendar::reminders::catalogs()?;
    let locale = crate::i18n::Locale::new(catalogs.clone(), &row.language);
    let contact = if app.config.licences.renewal_contact.trim().is_empty() {
        app.config.email.from.clone()
    } else {
        app.config.licences.renewal_contact.clone()
    };
    let date = crate::clock::day_first(&row.ends_on);
    let args = [
        ("structure", row.structure_name.clone().into()),
        ("date", date.into()),
        ("days", days_of(&row.kind).into()),
        ("contact", contact.into()),
    ];
    Some(Email {
        to: row.email.clone(),
        subject: locale.ta("licence-renewal-subject", &args),
        text: locale.ta("licence-renewal-body", &args),
        language: locale.lang.to_owned(),
        reference: format!("{}|{}", row.notice_id, row.account_id),
    })
}

/// Sends one e-mail of a notice.
pub struct RenewalMail {
    pub mailer: Option<Arc<dyn Mailer>>,
}

impl std::fmt::Debug for RenewalMail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RenewalMail")
            .field("mailer", &self.mailer.as_ref().map(|m| m.name()))
            .finish()
    }
}

impl JobHandler for RenewalMail {
    fn run(&self, app: &App, _job: &str, payload: &serde_json::Value, now: i64) -> Outcome {
        let (Some(notice), Some(account)) = (
            payload["notice_id"].as_str(),
            payload["account_id"].as_str(),
        ) else {
            return Outcome::Fail("malformed notice".into());
        };
        let row = match app
            .db
            .transaction_blocking(|tx| store::email(tx, notice, account))
        {
            Ok(r) => r,
            Err(e) => return Outcome::Retry(format!("database: {e}")),
        };
        // Gone with its structure or licence, or already sent: nothing to do.
        let Some(row) = row.filter(|r| r.status == "pending") else {
            return Outcome::Done;
        };
        let mark = |status: &str, error: Option<&str>| {
            app.db
                .transaction_blocking(|tx| store::mark(tx, notice, account, status, error, now))
        };
        let Some(mailer) = &self.mailer else {
            let e = "no e-mail transport is configured ([email] transport)";
            let _ = mark("pending", Some(e));
            return Outcome::Retry(e.into());
        };
        let Some(email) = compose(app, &row) else {
            return Outcome::Retry("catalogues".into());
        };
        match mailer.send(&email) {
            Ok(()) => match mark("sent", None) {
                Ok(()) => Outcome::Done,
                // Sent, but not recorded: say so rather than sending twice.
                Err(e) => Outcome::Fail(format!("sent but not recorded: {e}")),
            },
            Err(MailError::Temporary(e)) => {
                let _ = mark("pending", Some(&e));
                Outcome::Retry(e)
            }
            Err(MailError::Permanent(e)) => {
                let _ = mark("failed", Some(&e));
                Outcome::Fail(e)
            }
        }
    }
}
