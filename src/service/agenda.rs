//! A structure's agenda: the events the people it follows shared with it and the due dates
//! of its follow-ups, over a period (a week on the page), optionally for one referent; and
//! the same as an iCalendar file for the professional's own calendar.
//!
//! Events are opened through the structure's share wraps (one X25519 unwrap each, on the
//! blocking pool), names through the structure's directory. Listing journals nothing, like
//! every list; the iCalendar file takes her events out of Consigne, so each one it holds is
//! journaled as viewed in her journal. A person's referent is the one her case file names
//! (`casefile.rs`); with a referent chosen, the agenda holds her people's events and due
//! dates, and the due dates of the follow-ups the referent wrote herself.

use crate::domain::InvalidInput;
use crate::domain::{
    AccountId, BeneficiaryId, FollowupId, ItemId, ItemKind, StructureId, parse_day,
};
use crate::policy::Action;
use crate::service::access::structure_access;
use crate::service::calendar::interop::{escape, ics_time, line};
use crate::service::calendar::local_date_time;
use crate::service::contexts as ctx;
use crate::service::directory::{open_directory, write_missing_entries};
use crate::service::items::fields::{ItemFields, open_fields};
use crate::service::items::open::Opened;
use crate::service::journal::{actor_of, journal};
use crate::service::{App, NamedRef, ServiceError, ServiceResult, Session};
use crate::store::{beneficiaries, casefiles, followups, items};
use serde::Serialize;

/// The longest period one agenda request covers, in days.
pub const MAX_DAYS: i64 = 400;

/// One line of the agenda.
#[derive(Debug, Clone, Serialize)]
pub struct AgendaEntry {
    /// `event` or `followup_due`.
    pub kind: &'static str,
    /// An event's start (RFC 3339, UTC), a due date (`YYYY-MM-DD`).
    pub at: String,
    /// The local day it falls on.
    pub day: String,
    /// The local time of an event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    pub person: PersonRef,
    /// An event's title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_id: Option<ItemId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub followup_id: Option<FollowupId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<NamedRef<AccountId>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PersonRef {
    pub id: BeneficiaryId,
    pub display_name: String,
}

/// A period of days, checked: `from` ≤ `to`, at most `MAX_DAYS` days.
pub fn period(from: &str, to: &str) -> Result<(String, String), InvalidInput> {
    let (from, to) = (parse_day("from", from)?, parse_day("to", to)?);
    let day = |d: &str| d.parse::<jiff::civil::Date>().ok();
    match (day(&from), day(&to)) {
        (Some(f), Some(t)) if f <= t && (t - f).get_days() < MAX_DAYS as i32 => Ok((from, to)),
        _ => Err(InvalidInput::new("to", "invalid")),
    }
}

/// The agenda of `sid` from `from` to `to` (days, inclusive), by time; with `referent`,
/// only the people whose referent that professional is.
pub async fn agenda(
    app: &App,
    session: &Session,
    sid: &StructureId,
    (from, to): (&str, &str),
    referent: Option<&AccountId>,
) -> ServiceResult<Vec<AgendaEntry>> {
    Ok(gather(app, session, sid, (from, to), referent)
        .await?
        .into_iter()
        .map(|(e, _)| e)
        .collect())
}

/// The entries, each event with its opened row (for the iCalendar file's journal).
async fn gather(
    app: &App,
    session: &Session,
    sid: &StructureId,
    (from, to): (&str, &str),
    referent: Option<&AccountId>,
) -> ServiceResult<Vec<(AgendaEntry, Option<(BeneficiaryId, ItemId, Option<String>)>)>> {
    let (sid, _) = structure_access(session, sid, Action::Agenda)?;
    let (from, to) = period(from, to)?;
    let (s2, f2, t2) = (sid.clone(), from.clone(), to.clone());
    let (rows, due, events, referents) = app
        .read(move |tx| {
            Ok((
                beneficiaries::directory(tx, &s2, None)?,
                followups::due_between(tx, &s2, &f2, &t2)?,
                items::shared_with_structure(tx, &s2, ItemKind::Event)?,
                casefiles::referents(tx, &s2)?,
            ))
        })
        .await?;
    let (people, missing) = open_directory(app, session, &sid, &rows);
    write_missing_entries(app, &sid, missing).await?;
    let chosen = |bid: &BeneficiaryId| match referent {
        None => true,
        Some(r) => referents.iter().any(|(b, a)| b == bid && a == r),
    };
    let name = |bid: &BeneficiaryId| {
        people
            .iter()
            .find(|p| &p.id == bid)
            .map(|p| format!("{} {}", p.first_name, p.last_name))
    };
    let mut out = Vec::new();
    for f in due {
        // Only the people it still follows; with a referent, her people's and her own work.
        let (Some(display_name), Some(day)) = (name(&f.beneficiary_id), f.due_on.clone()) else {
            continue;
        };
        if referent.is_some_and(|r| *r != f.author_account) && !chosen(&f.beneficiary_id) {
            continue;
        }
        out.push((
            AgendaEntry {
                kind: "followup_due",
                at: day.clone(),
                day,
                time: None,
                person: PersonRef {
                    id: f.beneficiary_id.clone(),
                    display_name,
                },
                title: None,
                event_id: None,
                followup_id: Some(f.id.clone()),
                status: Some(f.status.clone()),
                author: Some(NamedRef {
                    id: f.author_account.clone(),
                    name: f.author_name.clone(),
                }),
            },
            None,
        ));
    }
    let events: Vec<_> = events
        .into_iter()
        .filter(|(row, _)| chosen(&row.beneficiary_id))
        .collect();
    let opened = open_events(app, session, &sid, events).await?;
    for (row_bid, id, ev) in opened {
        let Some(display_name) = name(&row_bid) else {
            continue;
        };
        let Some((day, time)) = local_date_time(&app.config, &ev.starts_at) else {
            continue;
        };
        if day < from || day > to {
            continue;
        }
        out.push((
            AgendaEntry {
                kind: "event",
                at: ev.starts_at.clone(),
                day,
                time: Some(time),
                person: PersonRef {
                    id: row_bid.clone(),
                    display_name,
                },
                title: Some(ev.title.clone()),
                event_id: Some(id.clone()),
                followup_id: None,
                status: None,
                author: None,
            },
            Some((row_bid, id, ev.location.clone())),
        ));
    }
    out.sort_by(|(a, _), (b, _)| {
        (&a.day, a.time.as_deref().unwrap_or(""), a.kind).cmp(&(
            &b.day,
            b.time.as_deref().unwrap_or(""),
            b.kind,
        ))
    });
    Ok(out)
}

/// Her events shared with `sid`, opened with the structure's key (fail closed: one no key
/// opens is left out).
async fn open_events(
    app: &App,
    session: &Session,
    sid: &StructureId,
    events: Vec<(items::ItemRow, Vec<u8>)>,
) -> ServiceResult<Vec<(BeneficiaryId, ItemId, crate::service::Event)>> {
    let (app2, session2, sid2) = (app.clone(), session.clone(), sid.clone());
    tokio::task::spawn_blocking(move || {
        events
            .into_iter()
            .filter_map(|(row, wrap)| {
                let aad = ctx::item_key_share(&row.id, &sid2);
                let inner = app2.platform.open(&aad, &wrap).ok()?;
                let key = session2.keys.open_structure_wrap(&sid2, &aad, &inner)?;
                let o = Opened {
                    row,
                    key,
                    shares: Vec::new(),
                    via: Some(sid2.clone()),
                };
                match open_fields(&app2, ItemKind::Event, &o).ok()? {
                    ItemFields::Event(ev) => Some((o.row.beneficiary_id, o.row.id, ev)),
                    _ => None,
                }
            })
            .collect()
    })
    .await
    .map_err(|_| ServiceError::Internal("unwrap task"))
}

/// The agenda as an iCalendar file: events at their time (an hour long), due dates as
/// all-day entries named `due_label` and the person. Every event in it is journaled as
/// viewed in her journal.
pub async fn agenda_ics(
    app: &App,
    session: &Session,
    sid: &StructureId,
    (from, to): (&str, &str),
    referent: Option<&AccountId>,
    due_label: &str,
) -> ServiceResult<String> {
    let entries = gather(app, session, sid, (from, to), referent).await?;
    let stamp = ics_time(&crate::clock::rfc3339(app.now())).unwrap_or_default();
    let mut out = String::new();
    line(&mut out, "BEGIN", "VCALENDAR");
    line(&mut out, "VERSION", "2.0");
    line(&mut out, "PRODID", "-//Consigne//Consigne Pro//FR");
    line(&mut out, "CALSCALE", "GREGORIAN");
    let mut seen = Vec::new();
    for (e, opened) in &entries {
        line(&mut out, "BEGIN", "VEVENT");
        match (&e.event_id, &e.followup_id) {
            (Some(id), _) => {
                let Some(start) = ics_time(&e.at) else {
                    line(&mut out, "END", "VEVENT");
                    continue;
                };
                line(&mut out, "UID", &format!("{id}.{sid}@consigne"));
                line(&mut out, "DTSTAMP", &stamp);
                line(&mut out, "DTSTART", &start);
                line(&mut out, "DURATION", "PT1H");
                let title = e.title.as_deref().unwrap_or_default();
                line(
                    &mut out,
                    "SUMMARY",
                    &escape(&format!("{title} — {}", e.person.display_name)),
                );
                if let Some((bid, id, location)) = opened {
                    if let Some(l) = location {
                        line(&mut out, "LOCATION", &escape(l));
                    }
                    seen.push((bid.clone(), id.clone()));
                }
            }
            (None, Some(fid)) => {
                line(&mut out, "UID", &format!("{fid}.due@consigne"));
                line(&mut out, "DTSTAMP", &stamp);
                line(&mut out, "DTSTART;VALUE=DATE", &e.day.replace('-', ""));
                line(
                    &mut out,
                    "SUMMARY",
                    &escape(&format!("{due_label} — {}", e.person.display_name)),
                );
            }
            (None, None) => {}
        }
        line(&mut out, "END", "VEVENT");
    }
    line(&mut out, "END", "VCALENDAR");
    if !seen.is_empty() {
        let actor = actor_of(session, Some(sid));
        let now = app.now();
        app.tx(move |tx| {
            for (bid, id) in &seen {
                journal(
                    tx,
                    now,
                    Some(bid),
                    &actor,
                    "event_viewed",
                    Some((ItemKind::Event.as_str(), id.as_str())),
                    true,
                )?;
            }
            Ok(())
        })
        .await?;
    }
    Ok(out)
}
