//! Structures and their members (with each member's wrap of the structure's private key).

use super::{Row, Sql, StoreError, StoreResult};
use crate::domain::{AccountId, BeneficiaryId, ItemId, StructureId, StructureKind};

#[derive(Debug, Clone)]
pub struct StructureRow {
    pub id: StructureId,
    pub name: String,
    pub kind: StructureKind,
    pub city: Option<String>,
    /// Where people call it (printed on recovery sheets).
    pub phone: Option<String>,
    pub annual_budget_eur: Option<i64>,
    pub public_key: Option<Vec<u8>>,
    pub created_at: i64,
}

const COLS: &str =
    "s.id, s.name, s.kind, s.city, s.phone, s.annual_budget_eur, s.public_key, s.created_at";

fn from_row(r: &Row) -> StoreResult<StructureRow> {
    Ok(StructureRow {
        id: r.id("id")?,
        name: r.text("name")?,
        kind: StructureKind::parse(&r.text("kind")?)
            .map_err(|_| StoreError::Decode("kind".into()))?,
        city: r.opt_text("city")?,
        phone: r.opt_text("phone")?,
        annual_budget_eur: r.opt_int("annual_budget_eur")?,
        public_key: r.opt_blob("public_key")?,
        created_at: r.int("created_at")?,
    })
}

pub fn insert(tx: &mut dyn Sql, s: &StructureRow) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO structures (id, name, kind, city, phone, annual_budget_eur, public_key, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        &[
            s.id.as_str().into(),
            s.name.as_str().into(),
            s.kind.as_str().into(),
            s.city.clone().into(),
            s.phone.clone().into(),
            s.annual_budget_eur.into(),
            s.public_key.clone().into(),
            s.created_at.into(),
        ],
    )?;
    Ok(())
}

pub fn set_phone(tx: &mut dyn Sql, id: &StructureId, phone: Option<&str>) -> StoreResult<u64> {
    tx.execute(
        "UPDATE structures SET phone = $2 WHERE id = $1",
        &[id.into(), phone.map(str::to_owned).into()],
    )
}

/// The structures a person chose as recovery relais (a relais holding a recovery wrap), by
/// name.
pub fn recovery_relays_of(tx: &mut dyn Sql, bid: &BeneficiaryId) -> StoreResult<Vec<StructureRow>> {
    tx.query(
        &format!(
            "SELECT {COLS} FROM structures s JOIN relays r ON r.structure_id = s.id WHERE r.beneficiary_id = $1 AND r.recovery_wrap IS NOT NULL ORDER BY s.name, s.id"
        ),
        &[bid.into()],
    )?
    .iter()
    .map(from_row)
    .collect()
}

pub fn by_id(tx: &mut dyn Sql, id: &StructureId) -> StoreResult<Option<StructureRow>> {
    tx.query_opt(
        &format!("SELECT {COLS} FROM structures s WHERE s.id = $1"),
        &[id.into()],
    )?
    .as_ref()
    .map(from_row)
    .transpose()
}

pub fn all(tx: &mut dyn Sql) -> StoreResult<Vec<StructureRow>> {
    tx.query(
        &format!("SELECT {COLS} FROM structures s ORDER BY s.name, s.id"),
        &[],
    )?
    .iter()
    .map(from_row)
    .collect()
}

pub fn set_public_key(tx: &mut dyn Sql, id: &StructureId, public_key: &[u8]) -> StoreResult<u64> {
    tx.execute(
        "UPDATE structures SET public_key = $2 WHERE id = $1 AND public_key IS NULL",
        &[id.into(), public_key.into()],
    )
}

#[derive(Debug, Clone)]
pub struct MembershipRow {
    pub structure: StructureRow,
    pub role: String,
    pub structure_key_wrap: Option<Vec<u8>>,
}

/// Her memberships that still count: pending or active, never deactivated ones.
pub fn memberships_of(tx: &mut dyn Sql, account_id: &AccountId) -> StoreResult<Vec<MembershipRow>> {
    tx.query(
        &format!("SELECT {COLS}, m.role, m.structure_key_wrap FROM memberships m JOIN structures s ON s.id = m.structure_id WHERE m.account_id = $1 AND m.status <> 'deactivated' ORDER BY s.name"),
        &[account_id.into()],
    )?
    .iter()
    .map(|r| Ok(MembershipRow { structure: from_row(r)?, role: r.text("role")?, structure_key_wrap: r.opt_blob("structure_key_wrap")? }))
    .collect()
}

/// Whether the account was a member somewhere and every membership is deactivated.
pub fn only_deactivated(tx: &mut dyn Sql, account_id: &AccountId) -> StoreResult<bool> {
    let row = tx.query_one(
        "SELECT COUNT(*) AS total, COALESCE(SUM(CASE WHEN status = 'deactivated' THEN 1 ELSE 0 END), 0) AS gone FROM memberships WHERE account_id = $1",
        &[account_id.into()],
    )?;
    let (all, gone) = (row.int("total")?, row.int("gone")?);
    Ok(all > 0 && all == gone)
}

/// Who asked for a membership (an account and the name shown), when it is not the member.
#[derive(Debug, Clone)]
pub struct Requester<'a> {
    pub account_id: &'a AccountId,
    pub display_name: &'a str,
}

/// A new member: `active` with her wrap of the structure key, or `pending` without one.
pub fn add_member(
    tx: &mut dyn Sql,
    structure_id: &StructureId,
    account_id: &AccountId,
    role: &str,
    wrap: Option<&[u8]>,
    at: i64,
) -> StoreResult<()> {
    add_member_requested(tx, structure_id, account_id, role, wrap, at, None)
}

/// [`add_member`], recording who asked for it.
pub fn add_member_requested(
    tx: &mut dyn Sql,
    structure_id: &StructureId,
    account_id: &AccountId,
    role: &str,
    wrap: Option<&[u8]>,
    at: i64,
    by: Option<Requester<'_>>,
) -> StoreResult<()> {
    let status = if wrap.is_some() { "active" } else { "pending" };
    tx.execute(
        "INSERT INTO memberships (structure_id, account_id, role, structure_key_wrap, created_at, status, created_by, created_by_name) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        &[
            structure_id.into(),
            account_id.into(),
            role.into(),
            wrap.map(<[u8]>::to_vec).into(),
            at.into(),
            status.into(),
            by.as_ref().map(|b| b.account_id).into(),
            by.as_ref().map(|b| b.display_name).into(),
        ],
    )?;
    Ok(())
}

/// Approval: a pending member gets her wrap and becomes active. 0 when she was not pending.
pub fn approve_member(
    tx: &mut dyn Sql,
    structure_id: &StructureId,
    account_id: &AccountId,
    wrap: &[u8],
    by: &AccountId,
    at: i64,
) -> StoreResult<u64> {
    tx.execute(
        "UPDATE memberships SET structure_key_wrap = $3, status = 'active', decided_by = $4, decided_at = $5 WHERE structure_id = $1 AND account_id = $2 AND status = 'pending'",
        &[structure_id.into(), account_id.into(), wrap.into(), by.into(), at.into()],
    )
}

/// Deactivation: her wrap is deleted at once. 0 when she was already deactivated (or absent).
pub fn deactivate_member(
    tx: &mut dyn Sql,
    structure_id: &StructureId,
    account_id: &AccountId,
    by: &AccountId,
    at: i64,
) -> StoreResult<u64> {
    tx.execute(
        "UPDATE memberships SET structure_key_wrap = NULL, status = 'deactivated', decided_by = $3, decided_at = $4 WHERE structure_id = $1 AND account_id = $2 AND status <> 'deactivated'",
        &[structure_id.into(), account_id.into(), by.into(), at.into()],
    )
}

/// Replaces an active member's wrap (key rotation).
pub fn replace_member_wrap(
    tx: &mut dyn Sql,
    structure_id: &StructureId,
    account_id: &AccountId,
    wrap: &[u8],
) -> StoreResult<u64> {
    tx.execute(
        "UPDATE memberships SET structure_key_wrap = $3 WHERE structure_id = $1 AND account_id = $2 AND status = 'active'",
        &[structure_id.into(), account_id.into(), wrap.into()],
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberStatus {
    Pending,
    Active,
    Deactivated,
}

impl MemberStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            MemberStatus::Pending => "pending",
            MemberStatus::Active => "active",
            MemberStatus::Deactivated => "deactivated",
        }
    }
    fn parse(s: &str) -> Self {
        match s {
            "active" => MemberStatus::Active,
            "pending" => MemberStatus::Pending,
            _ => MemberStatus::Deactivated,
        }
    }
}

#[derive(Debug, Clone)]
pub struct MemberRow {
    pub account_id: AccountId,
    pub display_name: String,
    pub email: String,
    pub role: String,
    pub public_key: Vec<u8>,
    /// Her wrap of the structure key exists (never for a pending or deactivated member).
    pub has_key: bool,
    pub status: MemberStatus,
    pub created_at: i64,
    /// Who asked for the membership (name as shown then), when not set at the structure's creation.
    pub created_by_name: Option<String>,
    pub created_by: Option<AccountId>,
    /// When she was approved or deactivated.
    pub decided_at: Option<i64>,
}

impl MemberRow {
    /// An active member holding the structure key: who may approve, confirm, or be the last.
    pub fn holds_key(&self) -> bool {
        self.status == MemberStatus::Active && self.has_key
    }
}

const MEMBER_COLS: &str = "a.id AS account_id, a.display_name, a.email, m.role, a.public_key, m.structure_key_wrap IS NOT NULL AS has_key, m.status, m.created_at, m.created_by_name, m.created_by, m.decided_at";

fn member_from_row(r: &Row) -> StoreResult<MemberRow> {
    Ok(MemberRow {
        account_id: r.id("account_id")?,
        display_name: r.opt_text("display_name")?.unwrap_or_default(),
        email: r.opt_text("email")?.unwrap_or_default(),
        role: r.text("role")?,
        public_key: r.blob("public_key")?,
        has_key: r.bool("has_key")?,
        status: MemberStatus::parse(&r.text("status")?),
        created_at: r.int("created_at")?,
        created_by_name: r.opt_text("created_by_name")?,
        created_by: r.opt_id("created_by")?,
        decided_at: r.opt_int("decided_at")?,
    })
}

/// The structure's current members, pending or active (deactivated ones excluded): use
/// [`MemberRow::holds_key`] to count who holds the key.
pub fn members(tx: &mut dyn Sql, structure_id: &StructureId) -> StoreResult<Vec<MemberRow>> {
    tx.query(
        &format!("SELECT {MEMBER_COLS} FROM memberships m JOIN accounts a ON a.id = m.account_id WHERE m.structure_id = $1 AND m.status <> 'deactivated' ORDER BY a.display_name, a.id"),
        &[structure_id.into()],
    )?
    .iter()
    .map(member_from_row)
    .collect()
}

/// Every professional the structure ever had, deactivated ones included (the team page's
/// history). Partner software holds the key as a member but is listed on its own page.
pub fn members_with_former(
    tx: &mut dyn Sql,
    structure_id: &StructureId,
) -> StoreResult<Vec<MemberRow>> {
    tx.query(
        &format!("SELECT {MEMBER_COLS} FROM memberships m JOIN accounts a ON a.id = m.account_id WHERE m.structure_id = $1 AND NOT EXISTS (SELECT 1 FROM partner_clients pc WHERE pc.account_id = a.id) ORDER BY a.display_name, a.id"),
        &[structure_id.into()],
    )?
    .iter()
    .map(member_from_row)
    .collect()
}

/// One membership, whatever its status.
pub fn member(
    tx: &mut dyn Sql,
    structure_id: &StructureId,
    account_id: &AccountId,
) -> StoreResult<Option<MemberRow>> {
    tx.query_opt(
        &format!("SELECT {MEMBER_COLS} FROM memberships m JOIN accounts a ON a.id = m.account_id WHERE m.structure_id = $1 AND m.account_id = $2"),
        &[structure_id.into(), account_id.into()],
    )?
    .as_ref()
    .map(member_from_row)
    .transpose()
}

// ---- Structure key versions and their rotation -------------------------------------------

/// The rotation state of a structure's key.
#[derive(Debug, Clone)]
pub struct KeyState {
    pub public_key: Option<Vec<u8>>,
    pub version: i64,
    /// A key holder left; the next version is made as soon as a key holder is here.
    pub rotation_due: bool,
    /// The idempotency key of the rotation job under way.
    pub rotation_job: Option<String>,
}

pub fn key_state(tx: &mut dyn Sql, structure_id: &StructureId) -> StoreResult<Option<KeyState>> {
    tx.query_opt(
        "SELECT public_key, key_version, rotation_due, rotation_job FROM structures WHERE id = $1",
        &[structure_id.into()],
    )?
    .map(|r| {
        Ok(KeyState {
            public_key: r.opt_blob("public_key")?,
            version: r.int("key_version")?,
            rotation_due: r.int("rotation_due")? != 0,
            rotation_job: r.opt_text("rotation_job")?,
        })
    })
    .transpose()
}

pub fn set_rotation(
    tx: &mut dyn Sql,
    structure_id: &StructureId,
    due: bool,
    job: Option<&str>,
) -> StoreResult<u64> {
    tx.execute(
        "UPDATE structures SET rotation_due = $2, rotation_job = $3 WHERE id = $1",
        &[structure_id.into(), i64::from(due).into(), job.into()],
    )
}

/// Makes `version` (with its public key) the structure's current key; only from `version - 1`.
pub fn advance_key(
    tx: &mut dyn Sql,
    structure_id: &StructureId,
    version: i64,
    public_key: &[u8],
) -> StoreResult<u64> {
    tx.execute(
        "UPDATE structures SET public_key = $3, key_version = $2, rotation_due = 0 WHERE id = $1 AND key_version = $2 - 1",
        &[structure_id.into(), version.into(), public_key.into()],
    )
}

/// One version of a structure's key: its public half and, once superseded, its private half
/// wrapped to the next version's public key.
#[derive(Debug, Clone)]
pub struct KeyVersionRow {
    pub version: i64,
    pub public_key: Vec<u8>,
    pub successor_wrap: Option<Vec<u8>>,
}

pub fn put_key_version(
    tx: &mut dyn Sql,
    structure_id: &StructureId,
    row: &KeyVersionRow,
    at: i64,
) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO structure_keys (structure_id, version, public_key, successor_wrap, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (structure_id, version) DO UPDATE SET successor_wrap = $4",
        &[
            structure_id.into(),
            row.version.into(),
            row.public_key.as_slice().into(),
            row.successor_wrap.clone().into(),
            at.into(),
        ],
    )?;
    Ok(())
}

/// The superseded versions of the keys of the structures where `account_id` is an active
/// member, by structure, newest first.
pub fn key_chains_of_member(
    tx: &mut dyn Sql,
    account_id: &AccountId,
) -> StoreResult<Vec<(StructureId, KeyVersionRow)>> {
    tx.query(
        "SELECT k.structure_id, k.version, k.public_key, k.successor_wrap FROM structure_keys k JOIN structures s ON s.id = k.structure_id JOIN memberships m ON m.structure_id = k.structure_id WHERE m.account_id = $1 AND m.status = 'active' AND k.version < s.key_version AND k.successor_wrap IS NOT NULL ORDER BY k.structure_id, k.version DESC",
        &[account_id.into()],
    )?
    .iter()
    .map(|r| {
        Ok((
            r.id("structure_id")?,
            KeyVersionRow {
                version: r.int("version")?,
                public_key: r.blob("public_key")?,
                successor_wrap: r.opt_blob("successor_wrap")?,
            },
        ))
    })
    .collect()
}

/// The structures where `account_id` holds the key and a rotation is due or under way.
pub fn rotating_of_member(
    tx: &mut dyn Sql,
    account_id: &AccountId,
) -> StoreResult<Vec<StructureId>> {
    tx.query(
        "SELECT s.id FROM structures s JOIN memberships m ON m.structure_id = s.id WHERE m.account_id = $1 AND m.status = 'active' AND m.structure_key_wrap IS NOT NULL AND (s.rotation_due <> 0 OR s.rotation_job IS NOT NULL) ORDER BY s.id",
        &[account_id.into()],
    )?
    .iter()
    .map(|r| r.id("id"))
    .collect()
}

/// A wrap addressed to a structure that a rotation still has to move to the current version.
#[derive(Debug, Clone)]
pub enum StaleWrap {
    /// An item's key (`item_shares`).
    Share { item_id: ItemId, wrap: Vec<u8> },
    /// A person's identity key and, for a recovery relais, her vault key (`relays`).
    Relay {
        beneficiary_id: BeneficiaryId,
        identity_wrap: Vec<u8>,
        recovery_wrap: Option<Vec<u8>>,
        /// Her entry in the structure's directory, if written (`service/directory.rs`).
        directory_entry: Option<Vec<u8>>,
    },
}

/// Up to `limit` wraps of each kind made with a version older than `current`.
pub fn stale_wraps(
    tx: &mut dyn Sql,
    structure_id: &StructureId,
    current: i64,
    limit: i64,
) -> StoreResult<Vec<StaleWrap>> {
    let mut out = Vec::new();
    for r in tx.query(
        "SELECT item_id, key_wrap FROM item_shares WHERE structure_id = $1 AND key_version < $2 ORDER BY item_id LIMIT $3",
        &[structure_id.into(), current.into(), limit.into()],
    )? {
        out.push(StaleWrap::Share { item_id: r.id("item_id")?, wrap: r.blob("key_wrap")? });
    }
    for r in tx.query(
        "SELECT beneficiary_id, identity_wrap, recovery_wrap, directory_entry FROM relays WHERE structure_id = $1 AND key_version < $2 ORDER BY beneficiary_id LIMIT $3",
        &[structure_id.into(), current.into(), limit.into()],
    )? {
        out.push(StaleWrap::Relay {
            beneficiary_id: r.id("beneficiary_id")?,
            identity_wrap: r.blob("identity_wrap")?,
            recovery_wrap: r.opt_blob("recovery_wrap")?,
            directory_entry: r.opt_blob("directory_entry")?,
        });
    }
    Ok(out)
}

/// Replaces an item's share wrap made with an older version (only if unchanged meanwhile).
pub fn rewrap_share(
    tx: &mut dyn Sql,
    structure_id: &StructureId,
    item_id: &ItemId,
    old: &[u8],
    new: &[u8],
    version: i64,
) -> StoreResult<u64> {
    tx.execute(
        "UPDATE item_shares SET key_wrap = $4, key_version = $5 WHERE structure_id = $1 AND item_id = $2 AND key_wrap = $3",
        &[structure_id.into(), item_id.into(), old.into(), new.into(), version.into()],
    )
}

/// A relay's wraps and directory entry made again with the current key version.
#[derive(Debug, Clone)]
pub struct RelayRewrap<'a> {
    pub identity: &'a [u8],
    pub recovery: Option<&'a [u8]>,
    /// `None` clears the entry: the next listing writes it again.
    pub directory: Option<&'a [u8]>,
}

/// Replaces a relay's wraps made with an older version (only if unchanged meanwhile).
pub fn rewrap_relay(
    tx: &mut dyn Sql,
    structure_id: &StructureId,
    beneficiary_id: &BeneficiaryId,
    old_identity: &[u8],
    new: &RelayRewrap<'_>,
    version: i64,
) -> StoreResult<u64> {
    tx.execute(
        "UPDATE relays SET identity_wrap = $4, recovery_wrap = $5, key_version = $6, directory_entry = $7 WHERE structure_id = $1 AND beneficiary_id = $2 AND identity_wrap = $3",
        &[
            structure_id.into(),
            beneficiary_id.into(),
            old_identity.into(),
            new.identity.into(),
            new.recovery.map(<[u8]>::to_vec).into(),
            version.into(),
            new.directory.map(<[u8]>::to_vec).into(),
        ],
    )
}

/// Marks a wrap no key version opens as moved, so a rotation does not try it for ever (it was
/// unreadable before too; the rotation reports it).
pub fn skip_stale(
    tx: &mut dyn Sql,
    structure_id: &StructureId,
    w: &StaleWrap,
    version: i64,
) -> StoreResult<u64> {
    match w {
        StaleWrap::Share { item_id, .. } => tx.execute(
            "UPDATE item_shares SET key_version = $3 WHERE structure_id = $1 AND item_id = $2",
            &[structure_id.into(), item_id.as_str().into(), version.into()],
        ),
        StaleWrap::Relay { beneficiary_id, .. } => tx.execute(
            "UPDATE relays SET key_version = $3 WHERE structure_id = $1 AND beneficiary_id = $2",
            &[
                structure_id.into(),
                beneficiary_id.as_str().into(),
                version.into(),
            ],
        ),
    }
}
