//! The people list of a structure (`service/people.rs`): its directory rows with what the
//! filters read in clear (the referent from `case_files`, the date of the last follow-up from
//! `followups`), and the expiry dates of the papers people share with it (`items`, sealed by
//! the platform key only, as the reminders read them).

use super::beneficiaries::DirectoryRow;
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

/// A line of the list: her directory row read without her identity columns
/// (`identity_sealed` is empty), which only a row whose entry does not open needs
/// (`store::beneficiaries::directory_rows_of`).
#[derive(Debug, Clone)]
pub struct PersonRow {
    pub directory: DirectoryRow,
}

/// `FROM ... WHERE ...` of the list and its count, and its parameters (`$1` the structure,
/// `$2` today when the contact filter needs it); the case files are joined only to filter by
/// referent.
fn from_where(sid: &StructureId, f: &PeopleFilter) -> (String, Vec<Value>) {
    let mut sql = String::from("FROM relays r");
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
    let (from, mut params) = from_where(sid, filter);
    let mut sql = format!(
        "SELECT r.beneficiary_id, r.directory_entry, r.identity_wrap {from} ORDER BY r.since DESC, r.beneficiary_id DESC"
    );
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
                directory: DirectoryRow {
                    beneficiary_id: r.id("beneficiary_id")?,
                    entry: r.opt_blob("directory_entry")?,
                    identity_wrap: r.blob("identity_wrap")?,
                    identity_sealed: Vec::new(),
                },
            })
        })
        .collect()
}

/// How many people `filter` keeps.
pub fn count(tx: &mut dyn Sql, sid: &StructureId, filter: &PeopleFilter) -> StoreResult<i64> {
    let (from, params) = from_where(sid, filter);
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

/// The referent of each of `people` at `sid` (those with one). Read by the case files' key
/// (structure, person): a condition on the referent would lead SQLite to the referent index
/// and through every case file of the structure.
pub fn referents(
    tx: &mut dyn Sql,
    sid: &StructureId,
    people: &[BeneficiaryId],
) -> StoreResult<Vec<(BeneficiaryId, AccountId)>> {
    let rows = per_person(
        tx,
        "SELECT beneficiary_id, referent_account FROM case_files WHERE structure_id = $1 AND beneficiary_id IN ({people})",
        vec![sid.into()],
        people,
        |r| Ok((r.id("beneficiary_id")?, r.opt_id("referent_account")?)),
    )?;
    Ok(rows
        .into_iter()
        .filter_map(|(person, referent)| Some((person, referent?)))
        .collect())
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
/// (person, item, sealed expiry date). Only documents carry an expiry. The joins start from
/// the people (`CROSS JOIN` keeps SQLite's order; PostgreSQL plans it as an inner join) and
/// find their dated papers through the partial index `items_expiring`: starting from the
/// structure's shares would read every document it was shared, dated or not.
pub fn shared_expiries(
    tx: &mut dyn Sql,
    sid: &StructureId,
    only: Option<&[BeneficiaryId]>,
) -> StoreResult<Vec<(BeneficiaryId, ItemId, Vec<u8>)>> {
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
            "SELECT i.beneficiary_id, i.id, i.expires_sealed FROM items i \
             CROSS JOIN item_shares s \
             WHERE i.beneficiary_id IN ({people}) AND i.expires_sealed IS NOT NULL \
             AND s.item_id = i.id AND s.structure_id = $1",
            vec![sid.into()],
            people,
            row,
        ),
        None => tx
            .query(
                "SELECT i.beneficiary_id, i.id, i.expires_sealed FROM relays r \
                 CROSS JOIN items i CROSS JOIN item_shares s \
                 WHERE r.structure_id = $1 AND i.beneficiary_id = r.beneficiary_id \
                 AND i.expires_sealed IS NOT NULL AND s.item_id = i.id AND s.structure_id = $1",
                &[sid.into()],
            )?
            .iter()
            .map(row)
            .collect(),
    }
}
