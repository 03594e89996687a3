//! Usage per structure and month, and the monthly SMS budget its admin sets (issue 18, item 3).
//!
//! The counts are exact: the documents a structure's professionals add and the safes it opens
//! are counted in the transaction of the action (`store::usage`), its SMS when the operator
//! accepted them (`reminders::count_sms`); months are `YYYY-MM` in the configured time zone.
//! The budget is checked by the SMS jobs just before sending (`hold_back_reminder`,
//! `hold_back_message`): past it, nothing goes to the operator, the reminder is marked
//! `withheld` and her home page shows it instead (a message's notice: the unread count her home
//! already shows), and the month records when the budget was reached and how many SMS it held
//! back, which the structure's admins see on `/pro` and on its usage page. Two SMS sent at the
//! same instant by two workers may pass the budget by one: the check is not a lock on the
//! operator. Security notices (`auth::recovery`) are never held back.

use crate::domain::{BeneficiaryId, InvalidInput, ItemId, StructureId};
use crate::policy::{Action, Resource};
use crate::service::access::{allow, own_safe};
use crate::service::{App, ServiceResult, Session};
use crate::store::usage::{self, Counted, MonthCounts};
use crate::store::{Sql, StoreResult};
use serde::Serialize;

/// The longest range of months asked at once.
pub const MAX_MONTHS: i32 = 36;
/// The largest monthly budget accepted.
pub const MAX_BUDGET: i64 = 1_000_000;

/// One month of a structure's usage, as the API, the CSV and the page give it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct UsageMonth {
    pub month: String,
    pub sms_sent: i64,
    pub sms_segments: i64,
    pub documents_added: i64,
    pub safes_opened: i64,
}

impl UsageMonth {
    fn new(month: String, c: MonthCounts) -> Self {
        Self {
            month,
            sms_sent: c.sms_sent,
            sms_segments: c.sms_segments,
            documents_added: c.documents_added,
            safes_opened: c.safes_opened,
        }
    }
}

/// The CSV columns, in order (the API's names).
pub const CSV_HEADER: [&str; 5] = [
    "month",
    "sms_sent",
    "sms_segments",
    "documents_added",
    "safes_opened",
];

/// The months as CSV (RFC 4180, CRLF line ends), with the header line.
pub fn usage_csv(months: &[UsageMonth]) -> String {
    let mut out = CSV_HEADER.join(",");
    out.push_str("\r\n");
    for m in months {
        let fields = [
            m.month.clone(),
            m.sms_sent.to_string(),
            m.sms_segments.to_string(),
            m.documents_added.to_string(),
            m.safes_opened.to_string(),
        ];
        let quoted: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&quoted.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A field quoted when it must be (RFC 4180).
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// A structure's SMS budget and this month's state.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SmsBudget {
    /// SMS a month; `null`: no budget, nothing is held back.
    pub monthly_sms: Option<i64>,
    /// The current month (`YYYY-MM`).
    pub month: String,
    pub sms_sent: i64,
    /// When the budget was reached this month (RFC 3339), if it was.
    pub reached_at: Option<String>,
    /// SMS held back this month.
    pub withheld: i64,
}

/// A month as (year, month 1–12), from `YYYY-MM`.
fn parse_month(raw: &str, field: &'static str) -> ServiceResult<(i32, i32)> {
    let bad = || InvalidInput::new(field, "invalid_date");
    let s = raw.trim();
    let (y, m) = s.split_once('-').ok_or_else(bad)?;
    if y.len() != 4 || m.len() != 2 || !(y.chars().chain(m.chars())).all(|c| c.is_ascii_digit()) {
        return Err(bad().into());
    }
    let (y, m): (i32, i32) = (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    if !(1..=12).contains(&m) || y < 1970 {
        return Err(bad().into());
    }
    Ok((y, m))
}

fn month_text((y, m): (i32, i32)) -> String {
    format!("{y:04}-{m:02}")
}

/// A value given in a query: not absent, not blank.
fn given(v: Option<&str>) -> Option<&str> {
    v.map(str::trim).filter(|v| !v.is_empty())
}

/// The months `from..=to` (default: the twelve months up to the current one), at most
/// [`MAX_MONTHS`].
fn month_range(app: &App, from: Option<&str>, to: Option<&str>) -> ServiceResult<Vec<String>> {
    let current = parse_month(&local_month(&app.config, app.now()), "to")?;
    let to = match given(to) {
        Some(t) => parse_month(t, "to")?,
        None => current,
    };
    let index = |(y, m): (i32, i32)| y * 12 + (m - 1);
    let from = match given(from) {
        Some(f) => parse_month(f, "from")?,
        None => {
            let i = index(to) - 11;
            (i.div_euclid(12), i.rem_euclid(12) + 1)
        }
    };
    let count = index(to) - index(from) + 1;
    if !(1..=MAX_MONTHS).contains(&count) {
        return Err(InvalidInput::new("from", "invalid_period").into());
    }
    Ok((index(from)..=index(to))
        .map(|i| month_text((i.div_euclid(12), i.rem_euclid(12) + 1)))
        .collect())
}

/// The month (`YYYY-MM`, configured time zone) of `at`, as usage counts it (an SMS sent, a
/// document added, a safe opened).
pub fn month_of(app: &App, at: i64) -> String {
    local_month(&app.config, at)
}

fn local_month(config: &crate::config::Config, at: i64) -> String {
    let zone = crate::clock::zone(&config.reminders.time_zone);
    jiff::Timestamp::from_second(at)
        .map(|t| t.to_zoned(zone).strftime("%Y-%m").to_string())
        .unwrap_or_default()
}

/// Counts one `what` for `sid` in the month of `at`, in the transaction of the action.
pub(crate) fn count(
    app: &App,
    tx: &mut dyn Sql,
    sid: &StructureId,
    at: i64,
    what: Counted,
) -> StoreResult<()> {
    usage::count(tx, sid, &local_month(&app.config, at), what)
}

/// Whether `sid`'s budget allows another SMS at `now`; if not, records one held back.
fn over_budget(app: &App, tx: &mut dyn Sql, sid: &StructureId, now: i64) -> StoreResult<bool> {
    let Some(budget) = usage::budget(tx, sid)? else {
        return Ok(false);
    };
    let month = local_month(&app.config, now);
    if usage::sms_sent_in(tx, sid, &month)? < budget {
        return Ok(false);
    }
    usage::hold_back(tx, sid, &month, now)?;
    Ok(true)
}

/// Run by the reminders' job before sending: past `sid`'s budget, reminder `id` is marked
/// `withheld` (her home page shows it) and counted as held back; returns whether it was.
pub(crate) fn hold_back_reminder(
    app: &App,
    sid: &StructureId,
    id: &str,
    now: i64,
) -> StoreResult<bool> {
    app.db.transaction_blocking(|tx| {
        if !over_budget(app, tx, sid, now)? {
            return Ok(false);
        }
        crate::store::reminders::mark_withheld(tx, id, now)?;
        Ok(true)
    })
}

/// Run by the messages' SMS job before sending: past `sid`'s budget, the notice is not sent
/// (her home page counts the unread message) and is counted as held back.
pub(crate) fn hold_back_message(app: &App, sid: &StructureId, now: i64) -> StoreResult<bool> {
    app.db
        .transaction_blocking(|tx| over_budget(app, tx, sid, now))
}

/// Her reminders a budget held back whose moment has not passed: `(item, kind)` (`event`,
/// `expiry` or `deadline`), shown on her home page.
pub async fn held_back_for_person(
    app: &App,
    session: &Session,
    bid: &BeneficiaryId,
) -> ServiceResult<Vec<(ItemId, String)>> {
    let (bid, now) = (own_safe(session, bid)?, app.now());
    app.read(move |tx| {
        Ok(crate::store::reminders::withheld_of_beneficiary(
            tx, &bid, now,
        )?)
    })
    .await
}

impl App {
    /// The usage of `sid` month by month over `from..=to` (`YYYY-MM`; by default the last
    /// twelve months), every month given (zeros too): its admins and the operator.
    pub async fn structure_usage(
        &self,
        session: &Session,
        sid: &StructureId,
        from: Option<&str>,
        to: Option<&str>,
    ) -> ServiceResult<Vec<UsageMonth>> {
        allow(session, Action::ViewUsage, Resource::Structure { id: sid })?;
        let months = month_range(self, from, to)?;
        let (first, last) = match (months.first(), months.last()) {
            (Some(f), Some(l)) => (f.clone(), l.clone()),
            _ => return Ok(Vec::new()),
        };
        let sid = sid.clone();
        let mut counted = self
            .read(move |tx| Ok(usage::months(tx, &sid, (&first, &last))?))
            .await?;
        Ok(months
            .into_iter()
            .map(|m| {
                let c = counted.remove(&m).unwrap_or_default();
                UsageMonth::new(m, c)
            })
            .collect())
    }

    /// The SMS budget of `sid` and this month's state: its admins and the operator.
    pub async fn sms_budget(
        &self,
        session: &Session,
        sid: &StructureId,
    ) -> ServiceResult<SmsBudget> {
        allow(session, Action::ViewUsage, Resource::Structure { id: sid })?;
        let month = local_month(&self.config, self.now());
        let (sid, m2) = (sid.clone(), month.clone());
        let (monthly_sms, sms_sent, reached) = self
            .read(move |tx| {
                Ok((
                    usage::budget(tx, &sid)?,
                    usage::sms_sent_in(tx, &sid, &m2)?,
                    usage::reached(tx, &sid, &m2)?,
                ))
            })
            .await?;
        Ok(SmsBudget {
            monthly_sms,
            month,
            sms_sent,
            reached_at: reached.map(|(at, _)| crate::clock::rfc3339(at)),
            withheld: reached.map_or(0, |(_, n)| n),
        })
    }

    /// Sets (`Some`, 0 to [`MAX_BUDGET`] SMS a month) or removes (`None`) the SMS budget of
    /// `sid`: its admins. It counts from the current month's SMS already sent.
    pub async fn set_sms_budget(
        &self,
        session: &Session,
        sid: &StructureId,
        monthly_sms: Option<i64>,
    ) -> ServiceResult<SmsBudget> {
        allow(
            session,
            Action::SetSmsBudget,
            Resource::Structure { id: sid },
        )?;
        if monthly_sms.is_some_and(|n| !(0..=MAX_BUDGET).contains(&n)) {
            return Err(InvalidInput::new("monthly_sms", "invalid_amount").into());
        }
        let (s2, by, now) = (sid.clone(), session.account_id.to_string(), self.now());
        self.tx(move |tx| Ok(usage::set_budget(tx, &s2, monthly_sms, &by, now)?))
            .await?;
        self.sms_budget(session, sid).await
    }

    /// Every structure's usage in `month` (`YYYY-MM`, by default the current one) with its
    /// budget, for the operator: `(structure, usage, budget)` for those that counted anything
    /// or have a budget.
    pub async fn usage_overview(
        &self,
        session: &Session,
        month: Option<&str>,
    ) -> ServiceResult<(String, Vec<(StructureId, UsageMonth, Option<i64>)>)> {
        allow(session, Action::ViewUsage, Resource::Platform)?;
        let month = match month.map(str::trim).filter(|m| !m.is_empty()) {
            Some(m) => month_text(parse_month(m, "month")?),
            None => local_month(&self.config, self.now()),
        };
        let m2 = month.clone();
        let (mut counted, budgets) = self
            .read(move |tx| Ok((usage::all_in_month(tx, &m2)?, usage::budgets(tx)?)))
            .await?;
        let mut ids: Vec<StructureId> = counted.keys().chain(budgets.keys()).cloned().collect();
        ids.sort();
        ids.dedup();
        let rows = ids
            .into_iter()
            .map(|sid| {
                let c = counted.remove(&sid).unwrap_or_default();
                let budget = budgets.get(&sid).copied();
                (sid, UsageMonth::new(month.clone(), c), budget)
            })
            .collect();
        Ok((month, rows))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn months_parse_strictly() {
        assert_eq!(parse_month("2026-01", "from").unwrap(), (2026, 1));
        for bad in [
            "2026-13",
            "2026-00",
            "2026-1",
            "26-01",
            "2026/01",
            "",
            "2026-01-01",
            "abcd-ef",
        ] {
            assert!(parse_month(bad, "from").is_err(), "{bad}");
        }
    }

    #[test]
    fn the_csv_has_its_header_and_one_line_a_month() {
        let csv = usage_csv(&[UsageMonth {
            month: "2026-12".into(),
            sms_sent: 2,
            sms_segments: 3,
            documents_added: 4,
            safes_opened: 1,
        }]);
        assert_eq!(
            csv,
            "month,sms_sent,sms_segments,documents_added,safes_opened\r\n2026-12,2,3,4,1\r\n"
        );
        assert_eq!(csv_field("a,\"b\""), "\"a,\"\"b\"\"\"");
    }
}
