//! Threads and messages between a person and her relais (migrations/*/0042_messages.sql): the
//! rows, the read marks of each side and the unread counts they give, the retention sweep.

use super::{Sql, StoreResult, Value};
use crate::domain::{AccountId, BeneficiaryId, ItemId, MessageId, StructureId, ThreadId};

#[derive(Debug, Clone)]
pub struct ThreadRow {
    pub id: ThreadId,
    pub beneficiary_id: BeneficiaryId,
    pub structure_id: StructureId,
    pub key_wrap_vault: Option<Vec<u8>>,
    pub key_wrap_owner: Vec<u8>,
    pub key_wrap_structure: Vec<u8>,
    pub key_version: i64,
    pub created_at: i64,
    pub last_at: i64,
    pub last_seq: i64,
    pub her_read_seq: i64,
    pub team_read_seq: i64,
    pub closed_at: Option<i64>,
    pub sms_last_at: Option<i64>,
    pub sms_job_key: Option<String>,
}

/// A thread with what its list shows: the structure's name, the unread messages of one side.
#[derive(Debug, Clone)]
pub struct ThreadLine {
    pub row: ThreadRow,
    pub structure_name: String,
    pub unread: i64,
}

#[derive(Debug, Clone)]
pub struct MessageRow {
    pub id: MessageId,
    pub thread_id: ThreadId,
    pub seq: i64,
    /// `beneficiary` or `professional`.
    pub author_kind: String,
    pub author_account: AccountId,
    /// A professional's name (hers is never stored here).
    pub author_name: Option<String>,
    pub at: i64,
    pub body_sealed: Vec<u8>,
}

const COLS: &str = "t.id, t.beneficiary_id, t.structure_id, t.key_wrap_vault, t.key_wrap_owner, t.key_wrap_structure, t.key_version, t.created_at, t.last_at, t.last_seq, t.her_read_seq, t.team_read_seq, t.closed_at, t.sms_last_at, t.sms_job_key";

fn decode(r: &super::row::Row) -> StoreResult<ThreadRow> {
    Ok(ThreadRow {
        id: r.id("id")?,
        beneficiary_id: r.id("beneficiary_id")?,
        structure_id: r.id("structure_id")?,
        key_wrap_vault: r.opt_blob("key_wrap_vault")?,
        key_wrap_owner: r.blob("key_wrap_owner")?,
        key_wrap_structure: r.blob("key_wrap_structure")?,
        key_version: r.int("key_version")?,
        created_at: r.int("created_at")?,
        last_at: r.int("last_at")?,
        last_seq: r.int("last_seq")?,
        her_read_seq: r.int("her_read_seq")?,
        team_read_seq: r.int("team_read_seq")?,
        closed_at: r.opt_int("closed_at")?,
        sms_last_at: r.opt_int("sms_last_at")?,
        sms_job_key: r.opt_text("sms_job_key")?,
    })
}

pub fn insert(tx: &mut dyn Sql, t: &ThreadRow) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO threads (id, beneficiary_id, structure_id, key_wrap_vault, key_wrap_owner, key_wrap_structure, key_version, created_at, last_at, last_seq, her_read_seq, team_read_seq, closed_at, sms_last_at, sms_job_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
        &[
            (&t.id).into(),
            (&t.beneficiary_id).into(),
            (&t.structure_id).into(),
            t.key_wrap_vault.clone().into(),
            t.key_wrap_owner.clone().into(),
            t.key_wrap_structure.clone().into(),
            t.key_version.into(),
            t.created_at.into(),
            t.last_at.into(),
            t.last_seq.into(),
            t.her_read_seq.into(),
            t.team_read_seq.into(),
            t.closed_at.into(),
            t.sms_last_at.into(),
            t.sms_job_key.clone().into(),
        ],
    )?;
    Ok(())
}

pub fn by_id(tx: &mut dyn Sql, id: &ThreadId) -> StoreResult<Option<ThreadRow>> {
    tx.query_opt(
        &format!("SELECT {COLS} FROM threads t WHERE t.id = $1"),
        &[id.into()],
    )?
    .as_ref()
    .map(decode)
    .transpose()
}

/// Her thread with `sid`, if she has one.
pub fn of_pair(
    tx: &mut dyn Sql,
    bid: &BeneficiaryId,
    sid: &StructureId,
) -> StoreResult<Option<ThreadRow>> {
    tx.query_opt(
        &format!(
            "SELECT {COLS} FROM threads t WHERE t.beneficiary_id = $1 AND t.structure_id = $2"
        ),
        &[bid.into(), sid.into()],
    )?
    .as_ref()
    .map(decode)
    .transpose()
}

fn lines(tx: &mut dyn Sql, sql: &str, params: &[Value]) -> StoreResult<Vec<ThreadLine>> {
    tx.query(sql, params)?
        .iter()
        .map(|r| {
            Ok(ThreadLine {
                row: decode(r)?,
                structure_name: r.text("structure_name")?,
                unread: r.int("unread")?,
            })
        })
        .collect()
}

/// Her threads, the latest first, with the team's messages she has not read.
pub fn of_person(tx: &mut dyn Sql, bid: &BeneficiaryId) -> StoreResult<Vec<ThreadLine>> {
    lines(
        tx,
        &format!(
            "SELECT {COLS}, s.name AS structure_name, (SELECT COUNT(*) FROM thread_messages m WHERE m.thread_id = t.id AND m.seq > t.her_read_seq AND m.author_kind = 'professional') AS unread FROM threads t JOIN structures s ON s.id = t.structure_id WHERE t.beneficiary_id = $1 ORDER BY t.last_at DESC, t.id"
        ),
        &[bid.into()],
    )
}

/// The threads of `sid` with people who still have it as a relais, the latest first, with
/// the messages of hers the team has not read.
pub fn of_structure(tx: &mut dyn Sql, sid: &StructureId) -> StoreResult<Vec<ThreadLine>> {
    lines(
        tx,
        &format!(
            "SELECT {COLS}, s.name AS structure_name, (SELECT COUNT(*) FROM thread_messages m WHERE m.thread_id = t.id AND m.seq > t.team_read_seq AND m.author_kind = 'beneficiary') AS unread FROM threads t JOIN structures s ON s.id = t.structure_id JOIN relays r ON r.beneficiary_id = t.beneficiary_id AND r.structure_id = t.structure_id WHERE t.structure_id = $1 ORDER BY t.last_at DESC, t.id"
        ),
        &[sid.into()],
    )
}

/// The team's messages she has not read, over all her threads (her home page's badge).
pub fn unread_for_person(tx: &mut dyn Sql, bid: &BeneficiaryId) -> StoreResult<i64> {
    tx.query_one(
        "SELECT COUNT(*) AS n FROM thread_messages m JOIN threads t ON t.id = m.thread_id WHERE t.beneficiary_id = $1 AND m.seq > t.her_read_seq AND m.author_kind = 'professional'",
        &[bid.into()],
    )?
    .int("n")
}

/// Adds a message as the thread's next one: its `seq` is taken here, under the thread's row.
pub fn add_message(tx: &mut dyn Sql, m: &MessageRow) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO thread_messages (id, thread_id, seq, author_kind, author_account, author_name, at, body_sealed) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        &[
            (&m.id).into(),
            (&m.thread_id).into(),
            m.seq.into(),
            m.author_kind.as_str().into(),
            (&m.author_account).into(),
            m.author_name.clone().into(),
            m.at.into(),
            m.body_sealed.clone().into(),
        ],
    )?;
    // The writer has read what she wrote, and all before it.
    let own = if m.author_kind == "beneficiary" {
        "her_read_seq"
    } else {
        "team_read_seq"
    };
    tx.execute(
        &format!("UPDATE threads SET last_seq = $2, last_at = $3, {own} = $2 WHERE id = $1"),
        &[(&m.thread_id).into(), m.seq.into(), m.at.into()],
    )?;
    Ok(())
}

pub fn add_document(tx: &mut dyn Sql, message: &MessageId, item: &ItemId) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO thread_message_documents (message_id, item_id) VALUES ($1, $2) ON CONFLICT (message_id, item_id) DO NOTHING",
        &[message.into(), item.into()],
    )?;
    Ok(())
}

pub fn messages(tx: &mut dyn Sql, thread: &ThreadId) -> StoreResult<Vec<MessageRow>> {
    tx.query(
        "SELECT id, thread_id, seq, author_kind, author_account, author_name, at, body_sealed FROM thread_messages WHERE thread_id = $1 ORDER BY seq",
        &[thread.into()],
    )?
    .iter()
    .map(|r| {
        Ok(MessageRow {
            id: r.id("id")?,
            thread_id: r.id("thread_id")?,
            seq: r.int("seq")?,
            author_kind: r.text("author_kind")?,
            author_account: r.id("author_account")?,
            author_name: r.opt_text("author_name")?,
            at: r.int("at")?,
            body_sealed: r.blob("body_sealed")?,
        })
    })
    .collect()
}

/// (message, document) of a thread's messages.
pub fn documents(tx: &mut dyn Sql, thread: &ThreadId) -> StoreResult<Vec<(MessageId, ItemId)>> {
    tx.query(
        "SELECT d.message_id, d.item_id FROM thread_message_documents d JOIN thread_messages m ON m.id = d.message_id WHERE m.thread_id = $1 ORDER BY m.seq, d.item_id",
        &[thread.into()],
    )?
    .iter()
    .map(|r| Ok((r.id("message_id")?, r.id("item_id")?)))
    .collect()
}

/// Her read mark moves to `seq`; answers whether it moved.
pub fn mark_read_by_her(tx: &mut dyn Sql, thread: &ThreadId, seq: i64) -> StoreResult<bool> {
    Ok(tx.execute(
        "UPDATE threads SET her_read_seq = $2 WHERE id = $1 AND her_read_seq < $2",
        &[thread.into(), seq.into()],
    )? > 0)
}

/// The team's read mark, and the member's, move to `seq`; answers whether the team's moved.
pub fn mark_read_by_team(
    tx: &mut dyn Sql,
    thread: &ThreadId,
    member: &AccountId,
    seq: i64,
    now: i64,
) -> StoreResult<bool> {
    tx.execute(
        "INSERT INTO thread_reads (thread_id, account_id, read_seq, read_at) VALUES ($1, $2, $3, $4) ON CONFLICT (thread_id, account_id) DO UPDATE SET read_seq = $3, read_at = $4",
        &[thread.into(), member.into(), seq.into(), now.into()],
    )?;
    Ok(tx.execute(
        "UPDATE threads SET team_read_seq = $2 WHERE id = $1 AND team_read_seq < $2",
        &[thread.into(), seq.into()],
    )? > 0)
}

/// (member's name, the last message she read) of the members who read a thread.
pub fn readers(tx: &mut dyn Sql, thread: &ThreadId) -> StoreResult<Vec<(String, i64)>> {
    tx.query(
        "SELECT a.display_name, r.read_seq FROM thread_reads r JOIN accounts a ON a.id = r.account_id WHERE r.thread_id = $1 ORDER BY a.display_name",
        &[thread.into()],
    )?
    .iter()
    .map(|r| Ok((r.text("display_name")?, r.int("read_seq")?)))
    .collect()
}

pub fn close(tx: &mut dyn Sql, thread: &ThreadId, now: i64) -> StoreResult<u64> {
    tx.execute(
        "UPDATE threads SET closed_at = $2 WHERE id = $1 AND closed_at IS NULL",
        &[thread.into(), now.into()],
    )
}

pub fn reopen(tx: &mut dyn Sql, thread: &ThreadId) -> StoreResult<u64> {
    tx.execute(
        "UPDATE threads SET closed_at = NULL WHERE id = $1",
        &[thread.into()],
    )
}

/// She left relais `sid`: her thread with it is closed.
pub fn close_pair(
    tx: &mut dyn Sql,
    bid: &BeneficiaryId,
    sid: &StructureId,
    now: i64,
) -> StoreResult<u64> {
    tx.execute(
        "UPDATE threads SET closed_at = $3 WHERE beneficiary_id = $1 AND structure_id = $2 AND closed_at IS NULL",
        &[bid.into(), sid.into(), now.into()],
    )
}

/// The SMS job that will tell her of the team's messages (`key`), planned.
pub fn set_sms_job(tx: &mut dyn Sql, thread: &ThreadId, key: &str) -> StoreResult<()> {
    tx.execute(
        "UPDATE threads SET sms_job_key = $2 WHERE id = $1",
        &[thread.into(), key.into()],
    )?;
    Ok(())
}

/// An SMS about the thread was sent at `now`.
pub fn sms_sent(tx: &mut dyn Sql, thread: &ThreadId, now: i64) -> StoreResult<()> {
    tx.execute(
        "UPDATE threads SET sms_last_at = $2 WHERE id = $1",
        &[thread.into(), now.into()],
    )?;
    Ok(())
}

/// Deletes the messages of threads closed before `before`, or without a new message since
/// then; the threads themselves too. Their documents stay in her safe. Returns how many
/// threads went.
pub fn delete_stale(tx: &mut dyn Sql, before: i64) -> StoreResult<u64> {
    tx.execute(
        "DELETE FROM threads WHERE last_at < $1 OR (closed_at IS NOT NULL AND closed_at < $1)",
        &[before.into()],
    )
}

/// Threads of `sid` whose structure wrap was made with a key version before `current`.
pub fn stale(
    tx: &mut dyn Sql,
    sid: &StructureId,
    current: i64,
    limit: i64,
) -> StoreResult<Vec<(ThreadId, Vec<u8>)>> {
    tx.query(
        "SELECT id, key_wrap_structure FROM threads WHERE structure_id = $1 AND key_version < $2 ORDER BY id LIMIT $3",
        &[sid.into(), current.into(), limit.into()],
    )?
    .iter()
    .map(|r| Ok((r.id("id")?, r.blob("key_wrap_structure")?)))
    .collect()
}

/// A thread's structure wrap made again with key `version` (`new`), or only marked as moved.
pub fn rewrap(
    tx: &mut dyn Sql,
    id: &ThreadId,
    old: &[u8],
    new: Option<&[u8]>,
    version: i64,
) -> StoreResult<u64> {
    match new {
        Some(new) => tx.execute(
            "UPDATE threads SET key_wrap_structure = $3, key_version = $4 WHERE id = $1 AND key_wrap_structure = $2",
            &[id.into(), old.into(), new.into(), version.into()],
        ),
        None => tx.execute(
            "UPDATE threads SET key_version = $2 WHERE id = $1",
            &[id.into(), version.into()],
        ),
    }
}
