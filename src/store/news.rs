//! Structure news (migrations/*/0044_news.sql): a structure's posts with their sealed texts,
//! one row per recipient with her sealed copy, the audience a post reaches, and the rows a key
//! rotation re-seals and the housekeeping removes.

use super::{Row, Sql, StoreResult};
use crate::domain::{AccountId, BeneficiaryId, NewsId, StructureId};

#[derive(Debug, Clone)]
pub struct NewsRow {
    pub id: NewsId,
    pub structure_id: StructureId,
    pub author_account: AccountId,
    pub author_name: String,
    /// Posted to the people whose referent is this professional; `None`: everyone it follows.
    pub audience_referent: Option<AccountId>,
    /// The text and its translations under the structure's news key (then the platform key).
    pub structure_sealed: Vec<u8>,
    pub created_at: i64,
    pub ends_at: i64,
}

const COLS: &str = "id, structure_id, author_account, author_name, audience_referent, structure_sealed, created_at, ends_at";

fn from_row(r: &Row) -> StoreResult<NewsRow> {
    Ok(NewsRow {
        id: r.id("id")?,
        structure_id: r.id("structure_id")?,
        author_account: r.id("author_account")?,
        author_name: r.text("author_name")?,
        audience_referent: r.opt_id("audience_referent")?,
        structure_sealed: r.blob("structure_sealed")?,
        created_at: r.int("created_at")?,
        ends_at: r.int("ends_at")?,
    })
}

/// The people a post of `sid` reaches now (its relais people, those whose referent is
/// `referent` when given) with their public keys; closed safes are left out.
pub fn audience(
    tx: &mut dyn Sql,
    sid: &StructureId,
    referent: Option<&AccountId>,
) -> StoreResult<Vec<(BeneficiaryId, Vec<u8>)>> {
    let rows = match referent {
        None => tx.query(
            "SELECT r.beneficiary_id, a.public_key FROM relays r JOIN beneficiaries b ON b.id = r.beneficiary_id JOIN accounts a ON a.id = b.account_id WHERE r.structure_id = $1 ORDER BY r.beneficiary_id",
            &[sid.into()],
        )?,
        Some(referent) => tx.query(
            "SELECT r.beneficiary_id, a.public_key FROM relays r JOIN beneficiaries b ON b.id = r.beneficiary_id JOIN accounts a ON a.id = b.account_id JOIN case_files c ON c.structure_id = r.structure_id AND c.beneficiary_id = r.beneficiary_id WHERE r.structure_id = $1 AND c.referent_account = $2 ORDER BY r.beneficiary_id",
            &[sid.into(), referent.into()],
        )?,
    };
    rows.iter()
        .map(|r| Ok((r.id("beneficiary_id")?, r.blob("public_key")?)))
        .collect()
}

/// A post and its recipients' copies, sealed with the structure's current key version.
pub fn insert(
    tx: &mut dyn Sql,
    n: &NewsRow,
    recipients: &[(BeneficiaryId, Vec<u8>)],
) -> StoreResult<()> {
    tx.execute(
        &format!(
            "INSERT INTO structure_news ({COLS}, key_version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, (SELECT key_version FROM structures WHERE id = $2))"
        ),
        &[
            n.id.as_str().into(),
            n.structure_id.as_str().into(),
            n.author_account.as_str().into(),
            n.author_name.as_str().into(),
            n.audience_referent.as_ref().map(AccountId::as_str).into(),
            n.structure_sealed.clone().into(),
            n.created_at.into(),
            n.ends_at.into(),
        ],
    )?;
    for (bid, sealed) in recipients {
        tx.execute(
            "INSERT INTO news_recipients (news_id, beneficiary_id, sealed) VALUES ($1, $2, $3)",
            &[n.id.as_str().into(), bid.into(), sealed.clone().into()],
        )?;
    }
    Ok(())
}

/// The posts of `sid` still shown, newest first, with how many people each reached.
pub fn of_structure(
    tx: &mut dyn Sql,
    sid: &StructureId,
    now: i64,
    limit: usize,
) -> StoreResult<Vec<(NewsRow, i64)>> {
    let cols = prefixed("n");
    tx.query(
        &format!("SELECT {cols}, (SELECT COUNT(*) FROM news_recipients r WHERE r.news_id = n.id) AS reached FROM structure_news n WHERE n.structure_id = $1 AND n.ends_at > $2 ORDER BY n.created_at DESC, n.id LIMIT $3"),
        &[sid.into(), now.into(), (limit as i64).into()],
    )?
    .iter()
    .map(|r| Ok((from_row(r)?, r.int("reached")?)))
    .collect()
}

/// Removes a post of `sid` (and every recipient's copy); how many rows went.
pub fn delete(tx: &mut dyn Sql, sid: &StructureId, id: &NewsId) -> StoreResult<u64> {
    tx.execute(
        "DELETE FROM news_recipients WHERE news_id = (SELECT id FROM structure_news WHERE id = $1 AND structure_id = $2)",
        &[id.into(), sid.into()],
    )?;
    tx.execute(
        "DELETE FROM structure_news WHERE id = $1 AND structure_id = $2",
        &[id.into(), sid.into()],
    )
}

/// What she was sent and has not hidden, from structures still her relais, not past their
/// end, newest first: the post, her sealed copy and the structure's name.
pub fn for_person(
    tx: &mut dyn Sql,
    bid: &BeneficiaryId,
    now: i64,
    limit: usize,
) -> StoreResult<Vec<(NewsRow, Vec<u8>, String)>> {
    let cols = prefixed("n");
    tx.query(
        &format!("SELECT {cols}, r.sealed, s.name AS structure_name FROM news_recipients r JOIN structure_news n ON n.id = r.news_id JOIN relays rl ON rl.beneficiary_id = r.beneficiary_id AND rl.structure_id = n.structure_id JOIN structures s ON s.id = n.structure_id WHERE r.beneficiary_id = $1 AND r.dismissed_at IS NULL AND n.ends_at > $2 ORDER BY n.created_at DESC, n.id LIMIT $3"),
        &[bid.into(), now.into(), (limit as i64).into()],
    )?
    .iter()
    .map(|r| Ok((from_row(r)?, r.blob("sealed")?, r.text("structure_name")?)))
    .collect()
}

/// She hides a post sent to her; how many rows changed (0: not hers, or already hidden).
pub fn dismiss(tx: &mut dyn Sql, bid: &BeneficiaryId, id: &NewsId, now: i64) -> StoreResult<u64> {
    tx.execute(
        "UPDATE news_recipients SET dismissed_at = $3 WHERE news_id = $1 AND beneficiary_id = $2 AND dismissed_at IS NULL",
        &[id.into(), bid.into(), now.into()],
    )
}

/// A key rotation's batch: posts of `sid` sealed with a version older than `version`.
pub fn stale(
    tx: &mut dyn Sql,
    sid: &StructureId,
    version: i64,
    limit: i64,
) -> StoreResult<Vec<(NewsId, Vec<u8>)>> {
    tx.query(
        "SELECT id, structure_sealed FROM structure_news WHERE structure_id = $1 AND key_version < $2 ORDER BY id LIMIT $3",
        &[sid.into(), version.into(), limit.into()],
    )?
    .iter()
    .map(|r| Ok((r.id("id")?, r.blob("structure_sealed")?)))
    .collect()
}

/// A post re-sealed by a rotation (compare-and-swap on the old sealed text); `None` keeps
/// the text (no key version opened it) and only moves the version on.
pub fn reseal(
    tx: &mut dyn Sql,
    id: &NewsId,
    old: &[u8],
    new: Option<&[u8]>,
    version: i64,
) -> StoreResult<u64> {
    match new {
        Some(new) => tx.execute(
            "UPDATE structure_news SET structure_sealed = $3, key_version = $4 WHERE id = $1 AND structure_sealed = $2",
            &[id.into(), old.into(), new.into(), version.into()],
        ),
        None => tx.execute(
            "UPDATE structure_news SET key_version = $2 WHERE id = $1",
            &[id.into(), version.into()],
        ),
    }
}

/// The housekeeping: posts past their end go, with every copy.
pub fn purge_ended(tx: &mut dyn Sql, now: i64) -> StoreResult<u64> {
    tx.execute(
        "DELETE FROM news_recipients WHERE news_id IN (SELECT id FROM structure_news WHERE ends_at <= $1)",
        &[now.into()],
    )?;
    tx.execute(
        "DELETE FROM structure_news WHERE ends_at <= $1",
        &[now.into()],
    )
}

fn prefixed(alias: &str) -> String {
    COLS.split(", ")
        .map(|c| format!("{alias}.{c}"))
        .collect::<Vec<_>>()
        .join(", ")
}
