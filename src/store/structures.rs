//! Structures and their members (with each member's wrap of the structure's private key).

use super::{Row, Sql, StoreResult};

#[derive(Debug, Clone)]
pub struct StructureRow {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub city: Option<String>,
    pub annual_budget_eur: Option<i64>,
    pub public_key: Option<Vec<u8>>,
    pub created_at: i64,
}

const COLS: &str = "s.id, s.name, s.kind, s.city, s.annual_budget_eur, s.public_key, s.created_at";

fn from_row(r: &Row) -> StoreResult<StructureRow> {
    Ok(StructureRow {
        id: r.text(0)?,
        name: r.text(1)?,
        kind: r.text(2)?,
        city: r.opt_text(3)?,
        annual_budget_eur: r.opt_int(4)?,
        public_key: r.opt_blob(5)?,
        created_at: r.int(6)?,
    })
}

pub fn insert(tx: &mut dyn Sql, s: &StructureRow) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO structures (id, name, kind, city, annual_budget_eur, public_key, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        &[
            s.id.as_str().into(),
            s.name.as_str().into(),
            s.kind.as_str().into(),
            s.city.clone().into(),
            s.annual_budget_eur.into(),
            s.public_key.clone().into(),
            s.created_at.into(),
        ],
    )?;
    Ok(())
}

pub fn by_id(tx: &mut dyn Sql, id: &str) -> StoreResult<Option<StructureRow>> {
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

pub fn set_public_key(tx: &mut dyn Sql, id: &str, public_key: &[u8]) -> StoreResult<u64> {
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

pub fn memberships_of(tx: &mut dyn Sql, account_id: &str) -> StoreResult<Vec<MembershipRow>> {
    tx.query(
        &format!("SELECT {COLS}, m.role, m.structure_key_wrap FROM memberships m JOIN structures s ON s.id = m.structure_id WHERE m.account_id = $1 ORDER BY s.name"),
        &[account_id.into()],
    )?
    .iter()
    .map(|r| Ok(MembershipRow { structure: from_row(r)?, role: r.text(7)?, structure_key_wrap: r.opt_blob(8)? }))
    .collect()
}

pub fn add_member(
    tx: &mut dyn Sql,
    structure_id: &str,
    account_id: &str,
    role: &str,
    wrap: Option<&[u8]>,
    at: i64,
) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO memberships (structure_id, account_id, role, structure_key_wrap, created_at) VALUES ($1, $2, $3, $4, $5)",
        &[structure_id.into(), account_id.into(), role.into(), wrap.map(<[u8]>::to_vec).into(), at.into()],
    )?;
    Ok(())
}

pub fn set_member_wrap(
    tx: &mut dyn Sql,
    structure_id: &str,
    account_id: &str,
    wrap: &[u8],
) -> StoreResult<u64> {
    tx.execute(
        "UPDATE memberships SET structure_key_wrap = $3 WHERE structure_id = $1 AND account_id = $2 AND structure_key_wrap IS NULL",
        &[structure_id.into(), account_id.into(), wrap.into()],
    )
}

#[derive(Debug, Clone)]
pub struct MemberRow {
    pub account_id: String,
    pub display_name: String,
    pub email: String,
    pub role: String,
    pub public_key: Vec<u8>,
    pub has_key: bool,
}

pub fn members(tx: &mut dyn Sql, structure_id: &str) -> StoreResult<Vec<MemberRow>> {
    tx.query(
        "SELECT a.id, a.display_name, a.email, m.role, a.public_key, m.structure_key_wrap IS NOT NULL FROM memberships m JOIN accounts a ON a.id = m.account_id WHERE m.structure_id = $1 ORDER BY a.display_name, a.id",
        &[structure_id.into()],
    )?
    .iter()
    .map(|r| {
        Ok(MemberRow {
            account_id: r.text(0)?,
            display_name: r.opt_text(1)?.unwrap_or_default(),
            email: r.opt_text(2)?.unwrap_or_default(),
            role: r.text(3)?,
            public_key: r.blob(4)?,
            has_key: r.bool(5)?,
        })
    })
    .collect()
}
