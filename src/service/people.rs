//! The people list of a structure: search by name, identifier or birth date, filters (by
//! referent, no contact for N days, papers expiring), pages of 50, homonyms told apart by
//! their identifier.
//!
//! Names are sealed at rest (the structure's directory, `directory.rs`): a search opens every
//! entry of the structure's directory in the request (one symmetric opening each, no X25519)
//! and keeps the matches; without a search only the page's rows are read and opened. The
//! filters read what the server sees in clear on purpose (docs/threat-model.md): the referent
//! of the case file, the dates of the follow-ups, and the expiry dates of the papers she shares
//! with the structure (sealed by the platform key only, as her SMS reminders need them).

use super::access::structure_access;
use super::beneficiaries::matches_search;
use super::casefile::Professional;
use super::directory::{FollowedPerson, open_light_rows};
use super::paging::{Page, PageNumber};
use super::{App, ServiceResult, Session};
use crate::domain::{AccountId, BeneficiaryId, InvalidInput, StructureId};
use crate::policy::Action;
use crate::service::contexts as ctx;
pub use crate::store::people::Referent;
use crate::store::people::{self as store, PeopleFilter};
use crate::store::structures;
use serde::Serialize;
use std::collections::HashMap;

/// The longest "no contact for N days" accepted (ten years).
pub const MAX_QUIET_DAYS: u32 = 3650;

/// What the professional asks of the list.
#[derive(Debug, Clone)]
pub struct PeopleQuery {
    pub search: Option<String>,
    pub referent: Referent,
    /// Only the people with no follow-up in the last N days (and followed for longer).
    pub quiet_days: Option<u32>,
    /// Only the people with a paper shared with the structure that has expired or expires
    /// within the reminders' horizon.
    pub expiring: bool,
    pub page: PageNumber,
}

impl PeopleQuery {
    /// Everyone, first page.
    pub fn all() -> Self {
        Self {
            search: None,
            referent: Referent::Any,
            quiet_days: None,
            expiring: false,
            page: PageNumber::FIRST,
        }
    }
}

/// `quiet` of a query string: a number of days, 1 to [`MAX_QUIET_DAYS`] (absent or empty:
/// no filter).
pub fn parse_quiet_days(raw: Option<&str>) -> Result<Option<u32>, InvalidInput> {
    let Some(raw) = raw.map(str::trim).filter(|r| !r.is_empty()) else {
        return Ok(None);
    };
    match raw.parse::<u32>() {
        Ok(n) if (1..=MAX_QUIET_DAYS).contains(&n) => Ok(Some(n)),
        _ => Err(InvalidInput::new("no_contact_days", "invalid_days")),
    }
}

/// `referent` of a query string: an account id, `none` (no referent yet) or absent.
pub fn parse_referent(raw: Option<&str>) -> Result<Referent, InvalidInput> {
    match raw.map(str::trim).filter(|r| !r.is_empty()) {
        None => Ok(Referent::Any),
        Some("none") => Ok(Referent::Unassigned),
        Some(id) => AccountId::parse(id)
            .map(Referent::Account)
            .map_err(|_| InvalidInput::new("referent", "invalid")),
    }
}

/// A line of the list.
#[derive(Debug, Clone, Serialize)]
pub struct PersonLine {
    #[serde(flatten)]
    pub person: FollowedPerson,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub referent: Option<Professional>,
    /// `YYYY-MM-DD` of her latest follow-up with the structure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_contact_at: Option<String>,
    /// `YYYY-MM-DD`: the soonest expiry, past or within the reminders' horizon, of the papers
    /// she shares with the structure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paper_expires_on: Option<String>,
}

impl App {
    /// One page of the people `sid` follows, newest relais first, as `query` asks.
    pub async fn people_page(
        &self,
        session: &Session,
        sid: &StructureId,
        query: PeopleQuery,
    ) -> ServiceResult<Page<PersonLine>> {
        let (sid, _) = structure_access(session, sid, Action::ListFollowed)?;
        let search = query
            .search
            .as_deref()
            .map(crate::domain::search_key)
            .filter(|q| !q.is_empty());
        let now = self.now();
        let zone = crate::clock::zone(&self.config.reminders.time_zone);
        let day = |at: i64| crate::clock::local(&zone, at).date;
        let horizon_days = self.config.reminders.renewal_horizon_days();
        let horizon = day(now + horizon_days * 86_400);
        let filter = PeopleFilter {
            referent: query.referent.clone(),
            quiet_since: query.quiet_days.map(|d| {
                let since = now - i64::from(d) * 86_400;
                (day(since), since)
            }),
            today: day(now),
        };
        // Every row when the filtering happens here (a search, papers expiring); else a page,
        // read with what its lines show on the same snapshot.
        let whole = search.is_some() || query.expiring;
        let (page, expiring) = (query.page, query.expiring);
        let today = filter.today.clone();
        let s2 = sid.clone();
        let day = today.clone();
        let (rows, total, dated, shown_details) = self
            .read(move |tx| {
                let rows = store::list(tx, &s2, &filter, (!whole).then(|| page.window()))?;
                if whole {
                    // For the filter, the papers of everyone.
                    let dated = if expiring {
                        store::shared_expiries(tx, &s2, None)?
                    } else {
                        Vec::new()
                    };
                    return Ok((rows, None, dated, None));
                }
                let total = store::count(tx, &s2, &filter)?;
                let shown: Vec<BeneficiaryId> = rows
                    .iter()
                    .map(|r| r.directory.beneficiary_id.clone())
                    .collect();
                let details = line_details(tx, &s2, &day, &shown, true)?;
                Ok((rows, Some(total), Vec::new(), Some(details)))
            })
            .await?;
        let mut expiries = soonest_expiries(self, dated, &horizon);
        let mut rows = rows;
        if expiring {
            rows.retain(|r| expiries.contains_key(&r.directory.beneficiary_id));
        }
        // Without a search, only the page's rows are opened.
        let (rows, total) = match (&search, whole) {
            (None, true) => {
                let total = rows.len() as i64;
                let (limit, offset) = page.window();
                let window = rows
                    .into_iter()
                    .skip(usize::try_from(offset).unwrap_or(usize::MAX))
                    .take(usize::try_from(limit).unwrap_or(0))
                    .collect();
                (window, Some(total))
            }
            _ => (rows, total),
        };
        let directory: Vec<_> = rows.into_iter().map(|r| r.directory).collect();
        let people = open_light_rows(self, session, &sid, directory).await?;
        let people: Vec<FollowedPerson> = people
            .into_iter()
            .filter(|p| search.as_deref().is_none_or(|q| matches_search(p, q)))
            .collect();
        let page_of = match search {
            Some(_) => Page::slice(people, page),
            None => Page::from_window(people, page, total),
        };
        // What the shown lines add (last contacts, papers unless the filter read them all, the
        // referents' names): read with the page, or now that a search or a filter chose them.
        let Details {
            contacts,
            referents,
            dated,
            members,
        } = match shown_details {
            Some(details) => details,
            None => {
                let shown: Vec<BeneficiaryId> =
                    page_of.items.iter().map(|p| p.id.clone()).collect();
                let s2 = sid.clone();
                self.read(move |tx| Ok(line_details(tx, &s2, &today, &shown, !expiring)?))
                    .await?
            }
        };
        if !expiring {
            expiries = soonest_expiries(self, dated, &horizon);
        }
        let contacts: HashMap<BeneficiaryId, String> = contacts.into_iter().collect();
        let names: HashMap<AccountId, String> = members
            .into_iter()
            .map(|m| (m.account_id, m.display_name))
            .collect();
        let referents: HashMap<BeneficiaryId, AccountId> = referents.into_iter().collect();
        Ok(Page {
            items: page_of
                .items
                .into_iter()
                .map(|person| PersonLine {
                    referent: referents.get(&person.id).map(|a| Professional {
                        id: a.to_string(),
                        display_name: names.get(a).cloned().unwrap_or_default(),
                    }),
                    last_contact_at: contacts.get(&person.id).cloned(),
                    paper_expires_on: expiries.get(&person.id).cloned(),
                    person,
                })
                .collect(),
            page: page_of.page,
            has_next: page_of.has_next,
            total: page_of.total,
        })
    }
}

/// What the list shows of its lines besides their directory entries.
struct Details {
    contacts: Vec<(BeneficiaryId, String)>,
    referents: Vec<(BeneficiaryId, AccountId)>,
    /// Their dated shared papers (empty when `with_papers` was false).
    dated: Vec<(BeneficiaryId, crate::domain::ItemId, Vec<u8>)>,
    members: Vec<structures::MemberRow>,
}

fn line_details(
    tx: &mut dyn crate::store::Sql,
    sid: &StructureId,
    today: &str,
    shown: &[BeneficiaryId],
    with_papers: bool,
) -> crate::store::StoreResult<Details> {
    Ok(Details {
        contacts: store::last_contacts(tx, sid, today, shown)?,
        referents: store::referents(tx, sid, shown)?,
        dated: if with_papers {
            store::shared_expiries(tx, sid, Some(shown))?
        } else {
            Vec::new()
        },
        members: structures::members_with_former(tx, sid)?,
    })
}

/// The soonest expiry date of each person's shared papers, for those on or before `horizon`.
fn soonest_expiries(
    app: &App,
    dated: Vec<(BeneficiaryId, crate::domain::ItemId, Vec<u8>)>,
    horizon: &str,
) -> HashMap<BeneficiaryId, String> {
    let mut soonest: HashMap<BeneficiaryId, String> = HashMap::new();
    for (bid, item, sealed) in dated {
        let Ok(date) = app.platform.open(&ctx::expiry(&item), &sealed) else {
            continue;
        };
        let date = String::from_utf8_lossy(&date).into_owned();
        if date.as_str() > horizon {
            continue;
        }
        match soonest.get_mut(&bid) {
            Some(d) if *d <= date => {}
            Some(d) => *d = date,
            None => {
                soonest.insert(bid, date);
            }
        }
    }
    soonest
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn query_parameters_are_checked() {
        assert_eq!(parse_quiet_days(None).unwrap(), None);
        assert_eq!(parse_quiet_days(Some(" ")).unwrap(), None);
        assert_eq!(parse_quiet_days(Some("90")).unwrap(), Some(90));
        for bad in ["0", "-3", "3651", "ninety", "1e3"] {
            assert!(parse_quiet_days(Some(bad)).is_err(), "{bad}");
        }
        assert_eq!(parse_referent(None).unwrap(), Referent::Any);
        assert_eq!(parse_referent(Some("none")).unwrap(), Referent::Unassigned);
        let id = "00000000-0000-4000-8000-000000000001";
        assert_eq!(
            parse_referent(Some(id)).unwrap(),
            Referent::Account(AccountId::parse(id).unwrap())
        );
        assert!(parse_referent(Some("'; DROP TABLE")).is_err());
    }
}
