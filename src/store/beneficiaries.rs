//! Safes' owners: sealed identity, vault key wraps, relais links and invitations.

use super::{Row, Sql, StoreResult};
use crate::domain::{AccountId, BeneficiaryId, StructureId};

#[derive(Debug, Clone)]
pub struct BeneficiaryRow {
    pub id: BeneficiaryId,
    pub account_id: AccountId,
    pub identity_sealed: Vec<u8>,
    pub identity_key_wrap: Vec<u8>,
    pub vault_wrap_password: Vec<u8>,
    pub recovery_salt: Vec<u8>,
    pub recovery_verifier: Vec<u8>,
    pub vault_wrap_recovery: Vec<u8>,
    pub opened_by_structure: Option<StructureId>,
    pub created_at: i64,
}

const COLS: &str = "id, account_id, identity_sealed, identity_key_wrap, vault_wrap_password, recovery_salt, recovery_verifier, vault_wrap_recovery, opened_by_structure, created_at";

fn from_row(r: &Row) -> StoreResult<BeneficiaryRow> {
    Ok(BeneficiaryRow {
        id: r.id("id")?,
        account_id: r.id("account_id")?,
        identity_sealed: r.blob("identity_sealed")?,
        identity_key_wrap: r.blob("identity_key_wrap")?,
        vault_wrap_password: r.blob("vault_wrap_password")?,
        recovery_salt: r.blob("recovery_salt")?,
        recovery_verifier: r.blob("recovery_verifier")?,
        vault_wrap_recovery: r.blob("vault_wrap_recovery")?,
        opened_by_structure: r.opt_id("opened_by_structure")?,
        created_at: r.int("created_at")?,
    })
}

pub fn insert(tx: &mut dyn Sql, b: &BeneficiaryRow) -> StoreResult<()> {
    tx.execute(
        &format!(
            "INSERT INTO beneficiaries ({COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
        ),
        &[
            b.id.as_str().into(),
            b.account_id.as_str().into(),
            b.identity_sealed.clone().into(),
            b.identity_key_wrap.clone().into(),
            b.vault_wrap_password.clone().into(),
            b.recovery_salt.clone().into(),
            b.recovery_verifier.clone().into(),
            b.vault_wrap_recovery.clone().into(),
            b.opened_by_structure.clone().into(),
            b.created_at.into(),
        ],
    )?;
    Ok(())
}

pub fn by_id(tx: &mut dyn Sql, id: &BeneficiaryId) -> StoreResult<Option<BeneficiaryRow>> {
    tx.query_opt(
        &format!("SELECT {COLS} FROM beneficiaries WHERE id = $1"),
        &[id.into()],
    )?
    .as_ref()
    .map(from_row)
    .transpose()
}

pub fn by_account(tx: &mut dyn Sql, account_id: &AccountId) -> StoreResult<Option<BeneficiaryRow>> {
    tx.query_opt(
        &format!("SELECT {COLS} FROM beneficiaries WHERE account_id = $1"),
        &[account_id.into()],
    )?
    .as_ref()
    .map(from_row)
    .transpose()
}

pub fn set_identity(tx: &mut dyn Sql, id: &BeneficiaryId, sealed: &[u8]) -> StoreResult<u64> {
    tx.execute(
        "UPDATE beneficiaries SET identity_sealed = $2 WHERE id = $1",
        &[id.into(), sealed.into()],
    )
}

pub fn set_password_wrap(tx: &mut dyn Sql, id: &BeneficiaryId, wrap: &[u8]) -> StoreResult<u64> {
    tx.execute(
        "UPDATE beneficiaries SET vault_wrap_password = $2 WHERE id = $1",
        &[id.into(), wrap.into()],
    )
}

pub fn set_recovery(
    tx: &mut dyn Sql,
    id: &BeneficiaryId,
    salt: &[u8],
    verifier: &[u8],
    wrap: &[u8],
) -> StoreResult<u64> {
    tx.execute(
        "UPDATE beneficiaries SET recovery_salt = $2, recovery_verifier = $3, vault_wrap_recovery = $4 WHERE id = $1",
        &[id.into(), salt.into(), verifier.into(), wrap.into()],
    )
}

#[derive(Debug, Clone)]
pub struct RelayRow {
    pub beneficiary_id: BeneficiaryId,
    pub structure_id: StructureId,
    pub structure_name: String,
    pub since: i64,
    pub identity_wrap: Vec<u8>,
    pub recovery: bool,
}

fn relay_from_row(r: &Row) -> StoreResult<RelayRow> {
    Ok(RelayRow {
        beneficiary_id: r.id("beneficiary_id")?,
        structure_id: r.id("structure_id")?,
        structure_name: r.text("structure_name")?,
        since: r.int("since")?,
        identity_wrap: r.blob("identity_wrap")?,
        recovery: r.opt_blob("recovery_wrap")?.is_some(),
    })
}

const RELAY_SELECT: &str = "SELECT r.beneficiary_id, r.structure_id, s.name AS structure_name, r.since, r.identity_wrap, r.recovery_wrap FROM relays r JOIN structures s ON s.id = r.structure_id";

pub fn add_relay(
    tx: &mut dyn Sql,
    bid: &BeneficiaryId,
    sid: &StructureId,
    since: i64,
    identity_wrap: &[u8],
    recovery_wrap: Option<&[u8]>,
) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO relays (beneficiary_id, structure_id, since, identity_wrap, recovery_wrap, key_version) VALUES ($1, $2, $3, $4, $5, (SELECT key_version FROM structures WHERE id = $2))",
        &[bid.into(), sid.into(), since.into(), identity_wrap.into(), recovery_wrap.map(<[u8]>::to_vec).into()],
    )?;
    Ok(())
}

pub fn relays_of(tx: &mut dyn Sql, bid: &BeneficiaryId) -> StoreResult<Vec<RelayRow>> {
    tx.query(
        &format!("{RELAY_SELECT} WHERE r.beneficiary_id = $1 ORDER BY r.since, s.name"),
        &[bid.into()],
    )?
    .iter()
    .map(relay_from_row)
    .collect()
}

pub fn relay(
    tx: &mut dyn Sql,
    bid: &BeneficiaryId,
    sid: &StructureId,
) -> StoreResult<Option<RelayRow>> {
    tx.query_opt(
        &format!("{RELAY_SELECT} WHERE r.beneficiary_id = $1 AND r.structure_id = $2"),
        &[bid.into(), sid.into()],
    )?
    .as_ref()
    .map(relay_from_row)
    .transpose()
}

pub fn followed_by(tx: &mut dyn Sql, sid: &StructureId) -> StoreResult<Vec<(RelayRow, Vec<u8>)>> {
    tx.query(
        "SELECT r.beneficiary_id, r.structure_id, s.name AS structure_name, r.since, r.identity_wrap, r.recovery_wrap, b.identity_sealed FROM relays r JOIN structures s ON s.id = r.structure_id JOIN beneficiaries b ON b.id = r.beneficiary_id WHERE r.structure_id = $1 ORDER BY r.since DESC, r.beneficiary_id",
        &[sid.into()],
    )?
    .iter()
    .map(|r| Ok((relay_from_row(r)?, r.blob("identity_sealed")?)))
    .collect()
}

pub fn remove_relay(tx: &mut dyn Sql, bid: &BeneficiaryId, sid: &StructureId) -> StoreResult<u64> {
    tx.execute(
        "DELETE FROM relays WHERE beneficiary_id = $1 AND structure_id = $2",
        &[bid.into(), sid.into()],
    )
}

#[derive(Debug, Clone)]
pub struct InvitationRow {
    pub id: String,
    pub beneficiary_id: BeneficiaryId,
    pub structure_id: StructureId,
    pub structure_name: String,
    pub created_at: i64,
}

/// Adds a pending invitation; false when one from this structure is already pending.
pub fn invite(
    tx: &mut dyn Sql,
    id: &str,
    bid: &BeneficiaryId,
    sid: &StructureId,
    by: &AccountId,
    at: i64,
) -> StoreResult<bool> {
    Ok(tx.execute(
        "INSERT INTO invitations (id, beneficiary_id, structure_id, invited_by, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (beneficiary_id, structure_id) DO NOTHING",
        &[id.into(), bid.into(), sid.into(), by.into(), at.into()],
    )? == 1)
}

pub fn invitations_of(tx: &mut dyn Sql, bid: &BeneficiaryId) -> StoreResult<Vec<InvitationRow>> {
    tx.query(
        "SELECT i.id, i.beneficiary_id, i.structure_id, s.name AS structure_name, i.created_at FROM invitations i JOIN structures s ON s.id = i.structure_id WHERE i.beneficiary_id = $1 ORDER BY i.created_at, i.id",
        &[bid.into()],
    )?
    .iter()
    .map(|r| Ok(InvitationRow { id: r.text("id")?, beneficiary_id: r.id("beneficiary_id")?, structure_id: r.id("structure_id")?, structure_name: r.text("structure_name")?, created_at: r.int("created_at")? }))
    .collect()
}

pub fn delete_invitation(tx: &mut dyn Sql, id: &str, bid: &BeneficiaryId) -> StoreResult<u64> {
    tx.execute(
        "DELETE FROM invitations WHERE id = $1 AND beneficiary_id = $2",
        &[id.into(), bid.into()],
    )
}

pub fn delete_invitation_for(
    tx: &mut dyn Sql,
    bid: &BeneficiaryId,
    sid: &StructureId,
) -> StoreResult<u64> {
    tx.execute(
        "DELETE FROM invitations WHERE beneficiary_id = $1 AND structure_id = $2",
        &[bid.into(), sid.into()],
    )
}

pub fn set_recovery_wrap(
    tx: &mut dyn Sql,
    bid: &BeneficiaryId,
    sid: &StructureId,
    wrap: Option<&[u8]>,
) -> StoreResult<u64> {
    tx.execute(
        "UPDATE relays SET recovery_wrap = $3 WHERE beneficiary_id = $1 AND structure_id = $2",
        &[bid.into(), sid.into(), wrap.map(<[u8]>::to_vec).into()],
    )
}

/// Her vault key's wrap addressed to `sid` as a recovery relais, if she chose it.
pub fn recovery_wrap(
    tx: &mut dyn Sql,
    bid: &BeneficiaryId,
    sid: &StructureId,
) -> StoreResult<Option<Vec<u8>>> {
    Ok(tx
        .query_opt(
            "SELECT recovery_wrap FROM relays WHERE beneficiary_id = $1 AND structure_id = $2",
            &[bid.into(), sid.into()],
        )?
        .map(|r| r.opt_blob("recovery_wrap"))
        .transpose()?
        .flatten())
}

/// One row of a structure's directory of the people it follows: her relais row's directory
/// entry (`None` until someone holding the structure key writes it) and what writing a
/// missing one needs (her identity key wrapped to the structure, her sealed identity).
#[derive(Debug, Clone)]
pub struct DirectoryRow {
    pub beneficiary_id: BeneficiaryId,
    pub entry: Option<Vec<u8>>,
    pub identity_wrap: Vec<u8>,
    pub identity_sealed: Vec<u8>,
}

/// The columns of a directory row (`r`: relays, `b`: beneficiaries); also `casefiles.rs`'s.
pub(super) const DIRECTORY_COLS: &str =
    "r.beneficiary_id, r.directory_entry, r.identity_wrap, b.identity_sealed";

const DIRECTORY_SELECT: &str = "SELECT r.beneficiary_id, r.directory_entry, r.identity_wrap, b.identity_sealed FROM relays r JOIN beneficiaries b ON b.id = r.beneficiary_id WHERE r.structure_id = $1 ORDER BY r.since DESC, r.beneficiary_id DESC";

pub(super) fn directory_from_row(r: &Row) -> StoreResult<DirectoryRow> {
    Ok(DirectoryRow {
        beneficiary_id: r.id("beneficiary_id")?,
        entry: r.opt_blob("directory_entry")?,
        identity_wrap: r.blob("identity_wrap")?,
        identity_sealed: r.blob("identity_sealed")?,
    })
}

/// The directory rows of `sid`, newest relais first: `limit` rows from `offset` (the index
/// `relays_structure_since` keeps this a range read), or every row without a limit.
pub fn directory(
    tx: &mut dyn Sql,
    sid: &StructureId,
    window: Option<(i64, i64)>,
) -> StoreResult<Vec<DirectoryRow>> {
    let rows = match window {
        Some((limit, offset)) => tx.query(
            &format!("{DIRECTORY_SELECT} LIMIT $2 OFFSET $3"),
            &[sid.into(), limit.into(), offset.into()],
        )?,
        None => tx.query(DIRECTORY_SELECT, &[sid.into()])?,
    };
    rows.iter().map(directory_from_row).collect()
}

/// The full directory rows of `people` at `sid` (for the rows a listing read without their
/// identity columns and could not open by their entry).
pub fn directory_rows_of(
    tx: &mut dyn Sql,
    sid: &StructureId,
    people: &[BeneficiaryId],
) -> StoreResult<Vec<DirectoryRow>> {
    let mut rows = Vec::with_capacity(people.len());
    for bid in people {
        let found = tx.query_opt(
            &format!(
                "SELECT {DIRECTORY_COLS} FROM relays r JOIN beneficiaries b ON b.id = r.beneficiary_id WHERE r.structure_id = $1 AND r.beneficiary_id = $2"
            ),
            &[sid.into(), bid.into()],
        )?;
        if let Some(r) = found {
            rows.push(directory_from_row(&r)?);
        }
    }
    Ok(rows)
}

/// How many people `sid` follows.
pub fn directory_count(tx: &mut dyn Sql, sid: &StructureId) -> StoreResult<i64> {
    tx.query_one(
        "SELECT COUNT(*) AS n FROM relays WHERE structure_id = $1",
        &[sid.into()],
    )?
    .int("n")
}

/// Writes her directory entry for `sid`, unless her identity changed since `identity_sealed`
/// was read (the entry would show the old one).
pub fn put_directory_entry(
    tx: &mut dyn Sql,
    bid: &BeneficiaryId,
    sid: &StructureId,
    entry: &[u8],
    identity_sealed: &[u8],
) -> StoreResult<u64> {
    tx.execute(
        "UPDATE relays SET directory_entry = $3 WHERE beneficiary_id = $1 AND structure_id = $2 AND (SELECT identity_sealed FROM beneficiaries WHERE id = $1) = $4",
        &[bid.into(), sid.into(), entry.into(), identity_sealed.into()],
    )
}

/// Forgets her directory entries: the next listing of each of her relais writes them again
/// from her identity (for a change of what the directory shows: name, birth date).
pub fn clear_directory(tx: &mut dyn Sql, bid: &BeneficiaryId) -> StoreResult<u64> {
    tx.execute(
        "UPDATE relays SET directory_entry = NULL WHERE beneficiary_id = $1",
        &[bid.into()],
    )
}
