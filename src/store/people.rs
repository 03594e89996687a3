//! The people list of a structure (`service/people.rs`): its directory rows with what the
//! filters read in clear (the referent from `case_files`, the date of the last follow-up from
//! `followups`), and the expiry dates of the papers people share with it (`items`, sealed by
//! the platform key only, as the reminders read them).

use super::beneficiaries::{DIRECTORY_COLS, DirectoryRow, directory_from_row};
use super::{Sql, StoreResult, Value};
use crate::domain::{AccountId, BeneficiaryId, ItemId, StructureId};

/// Whose people: everyone's, one professional's, or those without a referent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Referent {
    Any,
    Account(AccountId),
    Unassigned,
}

/// What SQL filters: the referent, and "no contact since" (`quiet_since`: no follow-up dated
/// on or after that day, and a relais older than `joined_before`, a Unix time).
#[derive(Debug, Clone)]
pub struct PeopleFilter {
    pub referent: Referent,
    pub quiet_since: Option<(String, i64)>,
    /// `YYYY-MM-DD`: follow-ups dated after it are not contacts yet.
    pub today: String,
}

#[derive(Debug, Clone)]
pub struct PersonRow {
    pub directory: DirectoryRow,
}

/// `FROM ... WHERE ...` of the list and its parameters (`$1` the structure, `$2` today when
/// the contact filter needs it). `with_people` joins the people's rows (what the list reads;
/// a count needs none of it); the case files are joined only to filter by referent.
fn from_where(sid: &StructureId, f: &PeopleFilter, with_people: bool) -> (String, Vec<Value>) {
    let mut sql = String::from("FROM relays r");
    if with_people {
        sql.push_str(" JOIN beneficiaries b ON b.id = r.beneficiary_id");
    }
    // Joined only to filter: without it the page is read in the index's order (50 rows, not
    // every row sorted).
    if f.referent != Referent::Any {
        sql.push_str(
            " LEFT JOIN case_files c ON c.structure_id = r.structure_id AND c.beneficiary_id = r.beneficiary_id",
        );
    }
    sql.push_str(" WHERE r.structure_id = $1");
    let mut params: Vec<Value> = vec![sid.into()];
    match &f.referent {
        Referent::Any => {}
        Referent::Account(a) => {
            params.push(a.into());
            sql.push_str(&format!(" AND c.referent_account = ${}", params.len()));
        }
        Referent::Unassigned => sql.push_str(" AND c.referent_account IS NULL"),
    }
    if let Some((day, joined_before)) = &f.quiet_since {
        params.push(f.today.as_str().into());
        let today = params.len();
        params.push(day.as_str().into());
        let day = params.len();
        params.push((*joined_before).into());
        sql.push_str(&format!(
            " AND r.since < ${} AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.structure_id = r.structure_id AND f.beneficiary_id = r.beneficiary_id AND f.date >= ${day} AND f.date <= ${today})",
            params.len()
        ));
    }
    (sql, params)
}

/// The people `sid` follows that `filter` keeps, newest relais first; `window` is a page's
/// `LIMIT` and `OFFSET` (`None`: every row). Their last contacts are read apart, for the
/// rows shown only ([`last_contacts`]).
pub fn list(
    tx: &mut dyn Sql,
    sid: &StructureId,
    filter: &PeopleFilter,
    window: Option<(i64, i64)>,
) -> StoreResult<Vec<PersonRow>> {
    let (from, mut params) = from_where(sid, filter, true);
    let mut sql = format!("SELECT {DIRECTORY_COLS} {from} ORDER BY r.since DESC, r.beneficiary_id");
    if let Some((limit, offset)) = window {
        params.push(limit.into());
        params.push(offset.into());
        sql.push_str(&format!(
            " LIMIT ${} OFFSET ${}",
            params.len() - 1,
            params.len()
        ));
    }
    tx.query(&sql, &params)?
        .iter()
        .map(|r| {
            Ok(PersonRow {
                directory: directory_from_row(r)?,
            })
        })
        .collect()
}

/// How many people `filter` keeps.
pub fn count(tx: &mut dyn Sql, sid: &StructureId, filter: &PeopleFilter) -> StoreResult<i64> {
    let (from, params) = from_where(sid, filter, false);
    tx.query_one(&format!("SELECT COUNT(*) AS n {from}"), &params)?
        .int("n")
}

/// `$first, $first+1, ...` for `n` values.
fn marks(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Runs `sql`, whose `{people}` stands for the list of `people` (after the `leading`
/// parameters), and maps its rows; no query for no one.
fn per_person<T>(
    tx: &mut dyn Sql,
    sql: &str,
    mut leading: Vec<Value>,
    people: &[BeneficiaryId],
    row: impl Fn(&super::Row) -> StoreResult<T>,
) -> StoreResult<Vec<T>> {
    if people.is_empty() {
        return Ok(Vec::new());
    }
    let sql = sql.replace("{people}", &marks(leading.len() + 1, people.len()));
    leading.extend(people.iter().map(Value::from));
    tx.query(&sql, &leading)?.iter().map(row).collect()
}

/// The referent of each of `people` at `sid` (those with one).
pub fn referents(
    tx: &mut dyn Sql,
    sid: &StructureId,
    people: &[BeneficiaryId],
) -> StoreResult<Vec<(BeneficiaryId, AccountId)>> {
    per_person(
        tx,
        "SELECT beneficiary_id, referent_account FROM case_files WHERE structure_id = $1 AND referent_account IS NOT NULL AND beneficiary_id IN ({people})",
        vec![sid.into()],
        people,
        |r| Ok((r.id("beneficiary_id")?, r.id("referent_account")?)),
    )
}

/// The date (`YYYY-MM-DD`) of the latest follow-up dated `today` or before of each of
/// `people` with `sid` (those with one).
pub fn last_contacts(
    tx: &mut dyn Sql,
    sid: &StructureId,
    today: &str,
    people: &[BeneficiaryId],
) -> StoreResult<Vec<(BeneficiaryId, String)>> {
    per_person(
        tx,
        "SELECT beneficiary_id, MAX(date) AS last FROM followups WHERE structure_id = $1 AND date <= $2 AND beneficiary_id IN ({people}) GROUP BY beneficiary_id",
        vec![sid.into(), today.into()],
        people,
        |r| Ok((r.id("beneficiary_id")?, r.text("last")?)),
    )
}

/// The dated documents shared with `sid` by the people it follows (`only`: by these people):
/// (person, item, sealed expiry date).
pub fn shared_expiries(
    tx: &mut dyn Sql,
    sid: &StructureId,
    only: Option<&[BeneficiaryId]>,
) -> StoreResult<Vec<(BeneficiaryId, ItemId, Vec<u8>)>> {
    let sql = "SELECT i.beneficiary_id, i.id, i.expires_sealed FROM item_shares s \
         JOIN items i ON i.id = s.item_id \
         JOIN relays r ON r.beneficiary_id = i.beneficiary_id AND r.structure_id = s.structure_id \
         WHERE s.structure_id = $1 AND i.kind = 'document' AND i.expires_sealed IS NOT NULL";
    let row = |r: &super::Row| -> StoreResult<(BeneficiaryId, ItemId, Vec<u8>)> {
        Ok((
            r.id("beneficiary_id")?,
            r.id("id")?,
            r.blob("expires_sealed")?,
        ))
    };
    match only {
        Some(people) => per_person(
            tx,
            &format!("{sql} AND i.beneficiary_id IN ({{people}})"),
            vec![sid.into()],
            people,
            row,
        ),
        None => tx.query(sql, &[sid.into()])?.iter().map(row).collect(),
    }
}
