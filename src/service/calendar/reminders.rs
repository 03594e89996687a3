//! Reminders by SMS: before an event (the delays she chose) and before a document expires.
//!
//! Scheduling happens while someone who may open the item is there (she, or a professional of
//! a relais it is shared with): the phone number and the text, in her language, are put in a
//! job payload sealed by the platform key (SECURITY.md: readable by the platform only to send
//! it). The text never names the appointment or the paper: a phone's lock screen is seen by
//! others. The `reminders` row links the job to the person and the item (deleting the item
//! removes it, and its job then does nothing) and records what the operator did: sent, with
//! encoding and segments, then delivered or failed from the operator's delivery report.
//! No SMS during quiet hours (20:00–08:00 in the configured time zone by default): a reminder
//! due then is postponed to the morning without spending an attempt. Each SMS sent is counted
//! for the structure that opened her safe (`sms_counters`, per month).

use crate::domain::{BeneficiaryId, ItemId, StructureId};
use std::sync::{Arc, OnceLock};

use jiff::tz::TimeZone;
use serde::Serialize;

use crate::config::Config;
use crate::policy::Action;
use crate::service::auth::identity::IdentityRecord;
use crate::service::beneficiaries::identity_of;
use crate::service::items::fields::open_fields;
use crate::service::items::fields::{ItemFields, ItemKind, Reminder, parse_starts_at};
use crate::service::items::open::open_item;
use crate::service::jobs::{JobHandler, NewJob, Outcome};
use crate::service::jobs::{job_row, reseal_payload};
use crate::service::{App, ServiceError, ServiceResult, Session, new_id};
use crate::sms::{self, Operator, SmsError};
use crate::store::reminders::{self, ReminderRow};

pub const JOB_KIND: &str = "sms_reminder";

/// A reminder's status while no phone number is on file.
const NO_PHONE: &str = "no_phone";

const MAX_ATTEMPTS: i64 = 6;

/// A reminder as the person and her relais see it.
#[derive(Debug, Clone, Serialize)]
pub struct ReminderView {
    pub minutes_before: i64,
    pub channel: &'static str,
    /// `scheduled`, `no_phone` (nothing can be sent: no number on file; it follows the
    /// number once she or her relais adds one), `sent`, `delivered`, `failed` or `withheld`
    /// (the structure's monthly SMS budget was used up: her home page shows it instead).
    pub status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sent_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivered_at: Option<String>,
}

/// What the reminder scheduling needs of an event.
#[derive(Debug, Clone, Serialize)]
pub struct EventSchedule {
    pub event_id: ItemId,
    pub beneficiary_id: BeneficiaryId,
    /// RFC 3339 UTC.
    pub starts_at: String,
    pub starts_at_unix: i64,
    pub reminders: Vec<Reminder>,
}

/// The operator configured in `[sms]`, if any.
pub fn operator_from_config(config: &Config) -> Option<Arc<dyn Operator>> {
    let s = &config.sms;
    let delivery_url = format!(
        "{}/api/v1/sms/delivery/{}?token={}",
        config.public_url.trim_end_matches('/'),
        s.operator,
        s.delivery_token
    );
    match s.operator.as_str() {
        "brevo" => Some(Arc::new(sms::Brevo::new(
            &s.brevo_api_url,
            &s.api_key,
            &s.sender,
            &delivery_url,
        ))),
        "webhook" => Some(Arc::new(sms::Webhook::new(
            &s.webhook_url,
            &s.webhook_token,
        ))),
        _ => None,
    }
}

pub(crate) fn catalogs() -> Option<&'static Arc<crate::i18n::Catalogs>> {
    static CATALOGS: OnceLock<Option<Arc<crate::i18n::Catalogs>>> = OnceLock::new();
    CATALOGS
        .get_or_init(|| crate::i18n::Catalogs::load().ok())
        .as_ref()
}

fn zone(config: &Config) -> TimeZone {
    crate::clock::zone(&config.reminders.time_zone)
}

/// An RFC 3339 time as a date (`YYYY-MM-DD`) and time (`HH:MM`) in the configured time zone,
/// as forms and pages show it (`clock::local`).
pub fn local_date_time(config: &Config, rfc3339: &str) -> Option<(String, String)> {
    crate::clock::local_rfc3339(&zone(config), rfc3339).map(|l| (l.date, l.time))
}

/// A date and time typed in a form, in the configured time zone, as RFC 3339 UTC.
pub fn from_local_date_time(config: &Config, date: &str, time: &str) -> Option<String> {
    let d: jiff::civil::Date = date.trim().parse().ok()?;
    let t: jiff::civil::Time = time.trim().parse().ok()?;
    let z = d.to_datetime(t).to_zoned(zone(config)).ok()?;
    Some(crate::clock::rfc3339(z.timestamp().as_second()))
}

/// When a reminder due at `at` may be sent: `at` itself, or the end of the quiet hours.
pub fn after_quiet_hours(config: &Config, at: i64) -> i64 {
    let r = &config.reminders;
    let Ok(ts) = jiff::Timestamp::from_second(at) else {
        return at;
    };
    let local = ts.to_zoned(zone(config));
    let hour = local.hour();
    let (from, until) = (
        i8::try_from(r.quiet_from_hour).unwrap_or(20),
        i8::try_from(r.quiet_until_hour).unwrap_or(8),
    );
    let quiet = if from > until {
        hour >= from || hour < until
    } else {
        hour >= from && hour < until
    };
    if !quiet || from == until {
        return at;
    }
    let mut day = local.date();
    if hour >= from && from > until {
        day = day.tomorrow().unwrap_or(day);
    }
    day.at(until, 0, 0, 0)
        .to_zoned(zone(config))
        .map(|z| z.timestamp().as_second())
        .unwrap_or(at)
}

/// When an event starts and the reminders she chose, for the reminder scheduling. The
/// fields are sealed under the item key: this needs a session that may view the event
/// (hers, or a professional's it is shared with), so schedule when it is created or changed.
pub(crate) async fn event_schedule(
    app: &App,
    session: &Session,
    id: &ItemId,
) -> ServiceResult<EventSchedule> {
    let o = open_item(app, session, id, Action::View, ItemKind::Event).await?;
    match open_fields(app, ItemKind::Event, &o)? {
        ItemFields::Event(e) => {
            let (starts_at, starts_at_unix) = parse_starts_at(Some(&e.starts_at))?;
            Ok(EventSchedule {
                event_id: o.row.id.clone(),
                beneficiary_id: o.row.beneficiary_id.clone(),
                starts_at,
                starts_at_unix,
                reminders: e.reminders,
            })
        }
        _ => Err(ServiceError::Internal("event fields")),
    }
}

/// Her phone number for reminders, in E.164, if she gave one.
pub(crate) fn reminder_phone(app: &App, identity: &IdentityRecord) -> Option<String> {
    identity
        .phone
        .as_deref()
        .filter(|p| !p.is_empty())
        .map(|p| sms::to_e164(p, &app.config.sms.default_country_code))
}

/// Plans the SMS reminders of an event (replacing those not sent yet), from what the
/// caller may read of it and of the person. Without a phone number they are planned with the
/// status `no_phone` and no number: they say why nothing will be sent, and follow the number
/// she or her relais adds later (`readdress_reminders`). Returns how many are planned.
pub(crate) async fn schedule_event_reminders(
    app: &App,
    session: &Session,
    event_id: &ItemId,
) -> ServiceResult<usize> {
    let sched = event_schedule(app, session, event_id).await?;
    let (identity, _, row) = identity_of(app, session, &sched.beneficiary_id).await?;
    let now = app.now();
    let mut plans = Vec::new();
    let phone = reminder_phone(app, &identity);
    let local = crate::clock::local(&zone(&app.config), sched.starts_at_unix);
    let (date, time) = (crate::clock::day_first(&local.date), local.time);
    let text = catalogs()
        .map(|c| {
            crate::i18n::Locale::new(c.clone(), &identity.language).ta(
                "sms-event-reminder",
                &[("date", date.clone().into()), ("time", time.clone().into())],
            )
        })
        .ok_or(ServiceError::Internal("catalogs"))?;
    for r in sched.reminders.iter().filter(|r| r.channel == "sms") {
        let due = sched.starts_at_unix - i64::from(r.minutes_before) * 60;
        if due > now {
            plans.push((
                i64::from(r.minutes_before),
                due,
                phone.clone(),
                text.clone(),
            ));
        }
    }
    plan(
        app,
        &sched.event_id,
        &row.id,
        row.opened_by_structure.clone(),
        "event",
        sched.starts_at_unix,
        plans,
    )
    .await
}

/// Plans the SMS reminders before a document's expiry date (`[reminders] expiry_days`
/// before it, at 10:00 local time), replacing those not sent yet; `None` removes them.
pub(crate) async fn schedule_expiry_reminders(
    app: &App,
    session: &Session,
    item_id: &ItemId,
    bid: &BeneficiaryId,
    expires_on: Option<&str>,
) -> ServiceResult<usize> {
    let (identity, _, row) = identity_of(app, session, bid).await?;
    let (mut anchor, mut plans) = (0, Vec::new());
    let phone = reminder_phone(app, &identity);
    if let Some(date) = expires_on {
        let locale = her_locale(&identity)?;
        let days = app.config.reminders.expiry_days.clone();
        (anchor, plans) = days_before(app, (date, "expires_on"), &days, &phone, |d| {
            locale.ta("sms-expiry-reminder", &[("days", d.into())])
        })?;
    }
    plan(
        app,
        item_id,
        &row.id,
        row.opened_by_structure.clone(),
        "expiry",
        anchor,
        plans,
    )
    .await
}

/// Her language's catalogue, for the text of her reminders.
fn her_locale(identity: &IdentityRecord) -> ServiceResult<crate::i18n::Locale> {
    catalogs()
        .map(|c| crate::i18n::Locale::new(c.clone(), &identity.language))
        .ok_or(ServiceError::Internal("catalogs"))
}

/// One reminder `days` before day `date` (`YYYY-MM-DD`, the input `field`), at 10:00 local
/// time, for each of `days` still to come, with the text `text(days)`; and the anchor that
/// tells this date's reminders from another's.
type Plan = (i64, i64, Option<String>, String);
fn days_before(
    app: &App,
    (date, field): (&str, &'static str),
    days: &[u32],
    phone: &Option<String>,
    text: impl Fn(u32) -> String,
) -> ServiceResult<(i64, Vec<Plan>)> {
    let day: jiff::civil::Date = date
        .parse()
        .map_err(|_| crate::domain::InvalidInput::new(field, "invalid_date"))?;
    let anchor =
        i64::from(day.year()) * 10_000 + i64::from(day.month()) * 100 + i64::from(day.day());
    let now = app.now();
    let mut plans = Vec::new();
    for d in days {
        let Ok(when) = day
            .checked_sub(jiff::Span::new().days(i64::from(*d)))
            .and_then(|d| d.at(10, 0, 0, 0).to_zoned(zone(&app.config)))
        else {
            continue;
        };
        let due = when.timestamp().as_second();
        if due > now {
            plans.push((i64::from(*d) * 1440, due, phone.clone(), text(*d)));
        }
    }
    Ok((anchor, plans))
}

/// The days before a procedure's deadline its reminders are sent (at 10:00 local time).
pub const DEADLINE_DAYS: [u32; 2] = [7, 1];

/// Plans the SMS reminders before a procedure's next deadline (`DEADLINE_DAYS` before it, at
/// 10:00 local time), replacing those not sent yet; `None` (no deadline, or the procedure is
/// closed) removes them. The text gives the date in her language and never names the
/// procedure.
pub(crate) async fn schedule_deadline_reminders(
    app: &App,
    session: &Session,
    item_id: &ItemId,
    bid: &BeneficiaryId,
    deadline_on: Option<&str>,
) -> ServiceResult<usize> {
    let (identity, _, row) = identity_of(app, session, bid).await?;
    let (mut anchor, mut plans) = (0, Vec::new());
    let phone = reminder_phone(app, &identity);
    if let Some(date) = deadline_on {
        let text = her_locale(&identity)?.ta(
            "sms-procedure-deadline",
            &[("date", crate::clock::day_first(date).into())],
        );
        (anchor, plans) = days_before(app, (date, "deadline_on"), &DEADLINE_DAYS, &phone, |_| {
            text.clone()
        })?;
    }
    plan(
        app,
        item_id,
        &row.id,
        row.opened_by_structure.clone(),
        "deadline",
        anchor,
        plans,
    )
    .await
}

/// Replaces an item's unsent reminders by `plans` (minutes before, due time, phone if she
/// has one, text).
pub(crate) async fn plan(
    app: &App,
    item_id: &ItemId,
    bid: &BeneficiaryId,
    structure: Option<StructureId>,
    kind: &'static str,
    anchor: i64,
    plans: Vec<(i64, i64, Option<String>, String)>,
) -> ServiceResult<usize> {
    let now = app.now();
    let mut rows = Vec::new();
    let mut jobs = Vec::new();
    for (minutes, due, phone, text) in plans {
        let id = new_id();
        let key = format!("reminder|{item_id}|{minutes}|{anchor}");
        rows.push(ReminderRow {
            id: id.clone(),
            beneficiary_id: bid.to_owned(),
            item_id: item_id.to_owned(),
            kind: kind.to_owned(),
            minutes_before: minutes,
            structure_id: structure.clone(),
            job_key: key.clone(),
            status: if phone.is_some() {
                "scheduled"
            } else {
                NO_PHONE
            }
            .into(),
            operator: None,
            operator_ref: None,
            encoding: None,
            segments: None,
            sent_at: None,
            delivered_at: None,
            created_at: now,
        });
        jobs.push(job_row(
            app,
            NewJob {
                kind: JOB_KIND,
                idempotency_key: key,
                payload: serde_json::json!({ "reminder_id": id, "to": phone, "text": text }),
                run_at: due,
                max_attempts: MAX_ATTEMPTS,
            },
        )?);
    }
    let count = rows.len();
    let item = item_id.to_owned();
    app.tx(move |tx| {
        for key in reminders::remove_scheduled(tx, &item)? {
            crate::store::jobs::cancel(tx, &key)?;
        }
        for (r, j) in rows.iter().zip(&jobs) {
            if crate::store::jobs::insert(tx, j)? {
                reminders::insert(tx, r)?;
            }
        }
        Ok(())
    })
    .await?;
    Ok(count)
}

/// Her reminders not sent yet follow her phone number: the new one, or none (`no_phone`:
/// nothing is sent, and they wait for a number). Runs in the transaction that changes the
/// number; the platform key opens and seals the job payloads, as it does to send them
/// (SECURITY.md: the platform reads a due reminder's number and text).
pub(crate) fn readdress_reminders(
    app: &App,
    tx: &mut dyn crate::store::Sql,
    bid: &BeneficiaryId,
    phone: Option<&str>,
) -> ServiceResult<()> {
    let to = phone.map(|p| sms::to_e164(p, &app.config.sms.default_country_code));
    let now = app.now();
    for r in reminders::unsent_of_beneficiary(tx, bid)? {
        let Some(job) = crate::store::jobs::by_key(tx, &r.job_key)? else {
            continue;
        };
        if job.status != "pending" {
            continue;
        }
        let sealed = reseal_payload(app, &job, |p| {
            p["to"] = to.clone().map_or(serde_json::Value::Null, Into::into);
        })?;
        if crate::store::jobs::set_pending_payload(tx, &job.id, &sealed, now)? {
            let status = if to.is_some() { "scheduled" } else { NO_PHONE };
            reminders::set_unsent_status(tx, &r.id, status)?;
        }
    }
    Ok(())
}

impl App {
    /// The reminders of an event or a document (`kind`) and what became of them, for whoever
    /// may see the item: her, and her relais it is shared with.
    pub async fn item_reminders(
        &self,
        session: &Session,
        kind: ItemKind,
        id: &ItemId,
    ) -> ServiceResult<Vec<ReminderView>> {
        let o = open_item(self, session, id, crate::policy::Action::View, kind).await?;
        self.reminders_of(&o.row.id).await
    }

    async fn reminders_of(&self, item_id: &ItemId) -> ServiceResult<Vec<ReminderView>> {
        let item = item_id.to_owned();
        let rows = self
            .read(move |tx| Ok(reminders::of_item(tx, &item)?))
            .await?;
        Ok(rows
            .into_iter()
            .map(|r| ReminderView {
                minutes_before: r.minutes_before,
                channel: "sms",
                status: r.status,
                sent_at: r.sent_at.map(crate::clock::rfc3339),
                delivered_at: r.delivered_at.map(crate::clock::rfc3339),
            })
            .collect())
    }

    /// A delivery report from operator `name`, authenticated by the configured token.
    pub async fn sms_delivery(&self, name: &str, token: &str, body: &[u8]) -> ServiceResult<()> {
        let expected = self.config.sms.delivery_token.as_bytes();
        if expected.is_empty()
            || !bool::from(subtle::ConstantTimeEq::ct_eq(token.as_bytes(), expected))
        {
            return Err(ServiceError::NotFound);
        }
        let operator = operator_from_config(&self.config)
            .filter(|o| o.name() == name)
            .ok_or(ServiceError::NotFound)?;
        let report = operator
            .parse_delivery(body)
            .ok_or_else(|| crate::domain::InvalidInput::new("report", "malformed"))?;
        if report.status == "sent" {
            return Ok(());
        }
        let now = self.now();
        let op = operator.name();
        self.tx(move |tx| {
            Ok(reminders::mark_delivery(
                tx,
                op,
                &report.operator_ref,
                report.status,
                now,
            )?)
        })
        .await?;
        Ok(())
    }
}

/// Sends due reminders.
pub struct SmsReminders {
    pub operator: Option<Arc<dyn Operator>>,
}

impl JobHandler for SmsReminders {
    fn run(&self, app: &App, _job: &str, payload: &serde_json::Value, now: i64) -> Outcome {
        let Some(id) = payload["reminder_id"].as_str() else {
            return Outcome::Fail("malformed reminder".into());
        };
        let row = match app.db.transaction_blocking(|tx| reminders::by_id(tx, id)) {
            Ok(r) => r,
            Err(e) => return Outcome::Retry(format!("database: {e}")),
        };
        // Deleted with its item, already handled, or no number on file (the row says so):
        // nothing to send.
        let Some(row) = row.filter(|r| r.status == "scheduled") else {
            return Outcome::Done;
        };
        let (Some(to), Some(text)) = (
            payload["to"].as_str().filter(|t| !t.is_empty()),
            payload["text"].as_str(),
        ) else {
            return Outcome::Fail("malformed reminder".into());
        };
        let morning = after_quiet_hours(&app.config, now);
        if morning > now {
            return Outcome::Postpone(morning);
        }
        // Past the structure's monthly budget: not sent, her home page shows it instead.
        if let Some(sid) = &row.structure_id {
            match crate::service::usage::hold_back_reminder(app, sid, &row.id, now) {
                Ok(true) => return Outcome::Done,
                Ok(false) => {}
                Err(e) => return Outcome::Retry(format!("database: {e}")),
            }
        }
        let Some(operator) = &self.operator else {
            return Outcome::Retry("no SMS operator is configured ([sms] operator)".into());
        };
        let message = sms::Message {
            to: to.to_owned(),
            encoded: sms::encode(text),
            reference: row.id.clone(),
        };
        match operator.send(&message) {
            Ok(sent) => {
                let encoding = match message.encoded.encoding {
                    sms::Encoding::Gsm7 => "gsm7",
                    sms::Encoding::Ucs2 => "ucs2",
                };
                let month = crate::service::usage::month_of(app, now);
                let segments = i64::from(sent.segments);
                let result = app.db.transaction_blocking(|tx| {
                    reminders::mark_sent(
                        tx,
                        &row.id,
                        operator.name(),
                        &sent.operator_ref,
                        encoding,
                        segments,
                        now,
                    )?;
                    if let Some(sid) = &row.structure_id {
                        reminders::count_sms(tx, sid, &month, segments)?;
                    }
                    Ok::<(), crate::store::StoreError>(())
                });
                match result {
                    Ok(()) => Outcome::Done,
                    // Sent, but not recorded: say so rather than sending twice.
                    Err(e) => Outcome::Fail(format!("sent but not recorded: {e}")),
                }
            }
            Err(SmsError::Temporary(e)) => Outcome::Retry(e),
            Err(SmsError::Permanent(e)) => {
                let _ = app
                    .db
                    .transaction_blocking(|tx| reminders::mark_failed(tx, &row.id));
                Outcome::Fail(e)
            }
        }
    }
}
