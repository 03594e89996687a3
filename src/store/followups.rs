//! Follow-ups (interview reports): their rows with clear metadata and sealed texts, their
//! subjects and attached documents, the subjects a structure adds, the wraps a structure key
//! rotation moves, and the due dates and shared events its agenda reads.

use super::{Row, Sql, StoreResult, Value};
use crate::domain::{AccountId, BeneficiaryId, FollowupId, Id, ItemId, StructureId};

#[derive(Debug, Clone)]
pub struct FollowupRow {
    pub id: FollowupId,
    pub structure_id: StructureId,
    pub beneficiary_id: BeneficiaryId,
    pub author_account: AccountId,
    pub author_name: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub medium: String,
    pub status: String,
    pub due_on: Option<String>,
    /// The shared part sealed to her public key (then the platform key); `None` without one.
    pub shared_sealed: Option<Vec<u8>>,
    /// Both parts under the structure's follow-up key (then the platform key).
    pub structure_sealed: Vec<u8>,
    pub created_at: i64,
    pub updated_at: i64,
}

const COLS: &str = "id, structure_id, beneficiary_id, author_account, author_name, date, medium, status, due_on, shared_sealed, structure_sealed, created_at, updated_at";

fn from_row(r: &Row) -> StoreResult<FollowupRow> {
    Ok(FollowupRow {
        id: r.id("id")?,
        structure_id: r.id("structure_id")?,
        beneficiary_id: r.id("beneficiary_id")?,
        author_account: r.id("author_account")?,
        author_name: r.text("author_name")?,
        date: r.text("date")?,
        medium: r.text("medium")?,
        status: r.text("status")?,
        due_on: r.opt_text("due_on")?,
        shared_sealed: r.opt_blob("shared_sealed")?,
        structure_sealed: r.blob("structure_sealed")?,
        created_at: r.int("created_at")?,
        updated_at: r.int("updated_at")?,
    })
}

fn placeholders(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A new follow-up, sealed with the structure's current key version.
pub fn insert(tx: &mut dyn Sql, f: &FollowupRow) -> StoreResult<()> {
    tx.execute(
        &format!(
            "INSERT INTO followups ({COLS}, key_version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, (SELECT key_version FROM structures WHERE id = $2))"
        ),
        &[
            f.id.as_str().into(),
            f.structure_id.as_str().into(),
            f.beneficiary_id.as_str().into(),
            f.author_account.as_str().into(),
            f.author_name.as_str().into(),
            f.date.as_str().into(),
            f.medium.as_str().into(),
            f.status.as_str().into(),
            f.due_on.clone().into(),
            f.shared_sealed.clone().into(),
            f.structure_sealed.clone().into(),
            f.created_at.into(),
            f.updated_at.into(),
        ],
    )?;
    Ok(())
}

/// A follow-up's metadata and texts changed (sealed again with the current key version).
pub fn update(tx: &mut dyn Sql, f: &FollowupRow) -> StoreResult<u64> {
    tx.execute(
        "UPDATE followups SET date = $2, medium = $3, status = $4, due_on = $5, shared_sealed = $6, structure_sealed = $7, updated_at = $8, key_version = (SELECT key_version FROM structures WHERE id = structure_id) WHERE id = $1",
        &[
            f.id.as_str().into(),
            f.date.as_str().into(),
            f.medium.as_str().into(),
            f.status.as_str().into(),
            f.due_on.clone().into(),
            f.shared_sealed.clone().into(),
            f.structure_sealed.clone().into(),
            f.updated_at.into(),
        ],
    )
}

pub fn delete(tx: &mut dyn Sql, id: &FollowupId) -> StoreResult<u64> {
    tx.execute("DELETE FROM followups WHERE id = $1", &[id.into()])
}

pub fn by_id(tx: &mut dyn Sql, id: &FollowupId) -> StoreResult<Option<FollowupRow>> {
    tx.query_opt(
        &format!("SELECT {COLS} FROM followups WHERE id = $1"),
        &[id.into()],
    )?
    .as_ref()
    .map(from_row)
    .transpose()
}

/// What structure `sid` wrote about her, newest first.
pub fn of_person(
    tx: &mut dyn Sql,
    sid: &StructureId,
    bid: &BeneficiaryId,
) -> StoreResult<Vec<FollowupRow>> {
    tx.query(
        &format!("SELECT {COLS} FROM followups WHERE structure_id = $1 AND beneficiary_id = $2 ORDER BY date DESC, created_at DESC"),
        &[sid.into(), bid.into()],
    )?
    .iter()
    .map(from_row)
    .collect()
}

/// The follow-ups with a part shared with her, newest first, with the structure's name.
pub fn shared_with(
    tx: &mut dyn Sql,
    bid: &BeneficiaryId,
) -> StoreResult<Vec<(FollowupRow, String)>> {
    let cols = COLS
        .split(", ")
        .map(|c| format!("f.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    tx.query(
        &format!("SELECT {cols}, s.name AS structure_name FROM followups f JOIN structures s ON s.id = f.structure_id WHERE f.beneficiary_id = $1 AND f.shared_sealed IS NOT NULL ORDER BY f.date DESC, f.created_at DESC"),
        &[bid.into()],
    )?
    .iter()
    .map(|r| Ok((from_row(r)?, r.text("structure_name")?)))
    .collect()
}

/// The follow-ups of `sid` due from `from` to `to` (days, inclusive), by due date.
pub fn due_between(
    tx: &mut dyn Sql,
    sid: &StructureId,
    from: &str,
    to: &str,
) -> StoreResult<Vec<FollowupRow>> {
    tx.query(
        &format!("SELECT {COLS} FROM followups WHERE structure_id = $1 AND due_on IS NOT NULL AND due_on >= $2 AND due_on <= $3 ORDER BY due_on, created_at"),
        &[sid.into(), from.into(), to.into()],
    )?
    .iter()
    .map(from_row)
    .collect()
}

/// The rows of a follow-ups' child table (`followup_subjects`, `followup_documents`) for the
/// follow-ups `ids`: (follow-up, the value of `column`).
fn children_of<T: Id>(
    tx: &mut dyn Sql,
    (table, column): (&str, &str),
    ids: &[&FollowupId],
) -> StoreResult<Vec<(FollowupId, T)>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let params: Vec<Value> = ids.iter().map(|i| Value::from(*i)).collect();
    tx.query(
        &format!(
            "SELECT followup_id, {column} FROM {table} WHERE followup_id IN ({}) ORDER BY followup_id, {column}",
            placeholders(1, ids.len())
        ),
        &params,
    )?
    .iter()
    .map(|r| Ok((r.id("followup_id")?, r.id(column)?)))
    .collect()
}

/// The subjects of the follow-ups `ids`: (follow-up, code).
pub fn subjects_of(
    tx: &mut dyn Sql,
    ids: &[&FollowupId],
) -> StoreResult<Vec<(FollowupId, String)>> {
    let rows: Vec<(FollowupId, Code)> = children_of(tx, ("followup_subjects", "subject"), ids)?;
    Ok(rows.into_iter().map(|(f, c)| (f, c.0)).collect())
}

/// The documents attached to the follow-ups `ids`: (follow-up, item).
pub fn documents_of(
    tx: &mut dyn Sql,
    ids: &[&FollowupId],
) -> StoreResult<Vec<(FollowupId, ItemId)>> {
    children_of(tx, ("followup_documents", "item_id"), ids)
}

/// A subject code as a child row holds it.
struct Code(String);

impl Id for Code {
    fn stored(raw: String) -> Self {
        Self(raw)
    }
    fn as_str(&self) -> &str {
        &self.0
    }
}

/// Replaces the rows (`followup_id`, `column`) of follow-up `id` in `table` by `values`.
fn replace_rows(
    tx: &mut dyn Sql,
    (table, column): (&str, &str),
    id: &FollowupId,
    values: impl IntoIterator<Item = Value>,
) -> StoreResult<()> {
    tx.execute(
        &format!("DELETE FROM {table} WHERE followup_id = $1"),
        &[id.into()],
    )?;
    for v in values {
        tx.execute(
            &format!(
                "INSERT INTO {table} (followup_id, {column}) VALUES ($1, $2) ON CONFLICT DO NOTHING"
            ),
            &[id.into(), v],
        )?;
    }
    Ok(())
}

/// Replaces a follow-up's subjects.
pub fn set_subjects(tx: &mut dyn Sql, id: &FollowupId, subjects: &[String]) -> StoreResult<()> {
    let values = subjects.iter().map(|s| s.as_str().into());
    replace_rows(tx, ("followup_subjects", "subject"), id, values)
}

/// Replaces a follow-up's attached documents.
pub fn set_documents(tx: &mut dyn Sql, id: &FollowupId, items: &[ItemId]) -> StoreResult<()> {
    let values = items.iter().map(Value::from);
    replace_rows(tx, ("followup_documents", "item_id"), id, values)
}

/// Whether `item` is a document of her safe shared with `sid`: the only ones a follow-up of
/// `sid` may point to.
pub fn document_shared(
    tx: &mut dyn Sql,
    item: &ItemId,
    bid: &BeneficiaryId,
    sid: &StructureId,
) -> StoreResult<bool> {
    Ok(tx
        .query_opt(
            "SELECT 1 AS found FROM items i JOIN item_shares s ON s.item_id = i.id WHERE i.id = $1 AND i.beneficiary_id = $2 AND i.kind = 'document' AND s.structure_id = $3",
            &[item.into(), bid.into(), sid.into()],
        )?
        .is_some())
}

/// The subjects structure `sid` added: (code, label), by label.
pub fn structure_subjects(
    tx: &mut dyn Sql,
    sid: &StructureId,
) -> StoreResult<Vec<(String, String)>> {
    tx.query(
        "SELECT code, label FROM structure_subjects WHERE structure_id = $1 ORDER BY label, code",
        &[sid.into()],
    )?
    .iter()
    .map(|r| Ok((r.text("code")?, r.text("label")?)))
    .collect()
}

pub fn add_structure_subject(
    tx: &mut dyn Sql,
    sid: &StructureId,
    code: &str,
    label: &str,
    now: i64,
) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO structure_subjects (structure_id, code, label, created_at) VALUES ($1, $2, $3, $4)",
        &[sid.into(), code.into(), label.into(), now.into()],
    )?;
    Ok(())
}

/// Up to `limit` follow-ups of `sid` sealed with a key version older than `current`:
/// (id, person, structure-sealed texts).
pub fn stale(
    tx: &mut dyn Sql,
    sid: &StructureId,
    current: i64,
    limit: i64,
) -> StoreResult<Vec<(FollowupId, BeneficiaryId, Vec<u8>)>> {
    tx.query(
        "SELECT id, beneficiary_id, structure_sealed FROM followups WHERE structure_id = $1 AND key_version < $2 ORDER BY id LIMIT $3",
        &[sid.into(), current.into(), limit.into()],
    )?
    .iter()
    .map(|r| Ok((r.id("id")?, r.id("beneficiary_id")?, r.blob("structure_sealed")?)))
    .collect()
}

/// A follow-up's texts sealed again with key `version` (`new`), or, with `None`, only marked
/// as moved (no version opens it: it was unreadable before the rotation too).
pub fn reseal(
    tx: &mut dyn Sql,
    id: &FollowupId,
    old: &[u8],
    new: Option<&[u8]>,
    version: i64,
) -> StoreResult<u64> {
    match new {
        Some(new) => tx.execute(
            "UPDATE followups SET structure_sealed = $3, key_version = $4 WHERE id = $1 AND structure_sealed = $2",
            &[id.into(), old.into(), new.into(), version.into()],
        ),
        None => tx.execute(
            "UPDATE followups SET key_version = $2 WHERE id = $1",
            &[id.into(), version.into()],
        ),
    }
}
