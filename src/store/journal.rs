//! The journal (CPCE L103): append-only, each entry chained to the previous one by SHA-256 so a
//! changed, deleted or reordered entry breaks the chain. Appends run inside the caller's
//! transaction and hold the journal lock until it ends, so the chain stays a single line even
//! with several instances on one PostgreSQL database.

use super::{Row, Sql, StoreResult};
use crate::domain::{AccountId, BeneficiaryId, StructureId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalEntry {
    pub id: String,
    pub beneficiary_id: Option<BeneficiaryId>,
    pub at: i64,
    pub actor_kind: String,
    pub actor_account: Option<AccountId>,
    pub actor_name: Option<String>,
    pub actor_structure: Option<StructureId>,
    pub action: String,
    pub target_kind: Option<String>,
    pub target_id: Option<String>,
    pub outcome: String,
    /// The structure a line is about besides its actor: the relais an item was shared with,
    /// or no longer.
    pub about_structure: Option<StructureId>,
}

const GENESIS: [u8; 32] = [0; 32];

fn canonical(e: &JournalEntry, seq: i64) -> Vec<u8> {
    let fields: [&str; 10] = [
        &e.id,
        e.beneficiary_id.as_ref().map_or("", BeneficiaryId::as_str),
        &e.actor_kind,
        e.actor_account.as_ref().map_or("", AccountId::as_str),
        e.actor_name.as_deref().unwrap_or(""),
        e.actor_structure.as_ref().map_or("", StructureId::as_str),
        &e.action,
        e.target_kind.as_deref().unwrap_or(""),
        e.target_id.as_deref().unwrap_or(""),
        &e.outcome,
    ];
    let mut out = Vec::new();
    out.extend_from_slice(&seq.to_be_bytes());
    out.extend_from_slice(&e.at.to_be_bytes());
    // The structure a line is about came later: only a line that has one encodes it (an
    // eleventh field), so every line written before hashes as it did.
    for f in fields
        .into_iter()
        .chain(e.about_structure.as_ref().map(StructureId::as_str))
    {
        // Length-prefixed, so no two different entries encode the same.
        out.extend_from_slice(&(f.len() as u64).to_be_bytes());
        out.extend_from_slice(f.as_bytes());
    }
    out
}

fn chain(prev: &[u8], e: &JournalEntry, seq: i64) -> Vec<u8> {
    let mut data = prev.to_vec();
    data.extend_from_slice(&canonical(e, seq));
    consigne_vault::sha256(&data).to_vec()
}

/// The lock every append holds: reading the last entry then writing the next one must not
/// interleave with another append, or two entries would claim the same place in the chain.
const LOCK: &str = "journal";

pub fn append(tx: &mut dyn Sql, e: &JournalEntry) -> StoreResult<()> {
    tx.lock(LOCK)?;
    let last = tx.query_opt(
        "SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1",
        &[],
    )?;
    let (seq, prev) = match last {
        Some(r) => (r.int("seq")? + 1, r.blob("hash")?),
        None => (1, GENESIS.to_vec()),
    };
    let hash = chain(&prev, e, seq);
    tx.execute(
        "INSERT INTO journal (seq, id, beneficiary_id, at, actor_kind, actor_account, actor_name, actor_structure, action, target_kind, target_id, outcome, prev_hash, hash, about_structure) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
        &[
            seq.into(),
            e.id.as_str().into(),
            e.beneficiary_id.clone().into(),
            e.at.into(),
            e.actor_kind.as_str().into(),
            e.actor_account.clone().into(),
            e.actor_name.clone().into(),
            e.actor_structure.clone().into(),
            e.action.as_str().into(),
            e.target_kind.clone().into(),
            e.target_id.clone().into(),
            e.outcome.as_str().into(),
            prev.into(),
            hash.into(),
            e.about_structure.clone().into(),
        ],
    )?;
    Ok(())
}

const COLS: &str = "seq, id, beneficiary_id, at, actor_kind, actor_account, actor_name, actor_structure, action, target_kind, target_id, outcome, prev_hash, hash, about_structure";

fn from_row(r: &Row) -> StoreResult<(i64, JournalEntry, Vec<u8>, Vec<u8>)> {
    Ok((
        r.int("seq")?,
        JournalEntry {
            id: r.text("id")?,
            beneficiary_id: r.opt_id("beneficiary_id")?,
            at: r.int("at")?,
            actor_kind: r.text("actor_kind")?,
            actor_account: r.opt_id("actor_account")?,
            actor_name: r.opt_text("actor_name")?,
            actor_structure: r.opt_id("actor_structure")?,
            action: r.text("action")?,
            target_kind: r.opt_text("target_kind")?,
            target_id: r.opt_text("target_id")?,
            outcome: r.text("outcome")?,
            about_structure: r.opt_id("about_structure")?,
        },
        r.blob("prev_hash")?,
        r.blob("hash")?,
    ))
}

/// A person's entries, newest first.
pub fn for_beneficiary(
    tx: &mut dyn Sql,
    bid: &BeneficiaryId,
    limit: i64,
) -> StoreResult<Vec<JournalEntry>> {
    tx.query(
        &format!("SELECT {COLS} FROM journal WHERE beneficiary_id = $1 ORDER BY seq DESC LIMIT $2"),
        &[bid.into(), limit.into()],
    )?
    .iter()
    .map(|r| from_row(r).map(|(_, e, _, _)| e))
    .collect()
}

/// Checks the whole chain; returns the number of entries or the first broken sequence number.
pub fn verify(tx: &mut dyn Sql) -> StoreResult<Result<i64, i64>> {
    let rows = tx.query(&format!("SELECT {COLS} FROM journal ORDER BY seq"), &[])?;
    let mut prev = GENESIS.to_vec();
    for (expected_seq, r) in (1_i64..).zip(&rows) {
        let (seq, e, prev_hash, hash) = from_row(r)?;
        if seq != expected_seq || prev_hash != prev || chain(&prev, &e, seq) != hash {
            return Ok(Err(seq));
        }
        prev = hash;
    }
    Ok(Ok(rows.len() as i64))
}

/// A person's security-relevant entries since her previous successful login (failed logins,
/// recoveries, password changes), oldest first: shown to her when she logs in.
pub fn since_last_login(tx: &mut dyn Sql, bid: &BeneficiaryId) -> StoreResult<Vec<JournalEntry>> {
    tx.query(
        &format!(
            "SELECT {COLS} FROM journal WHERE beneficiary_id = $1 AND seq > COALESCE((SELECT MAX(seq) FROM journal WHERE beneficiary_id = $1 AND action = 'login' AND outcome = 'success'), 0) AND action IN ('login', 'recovered_with_code', 'recovered_in_person', 'recovered_with_question', 'password_changed') ORDER BY seq"
        ),
        &[bid.into()],
    )?
    .iter()
    .map(|r| from_row(r).map(|(_, e, _, _)| e))
    .collect()
}
