//! A household: links between the safes of a family (accepted by both people) and the
//! dependants without a safe a person records, with the relais she shows each to.

use super::{Row, Sql, StoreResult};
use crate::domain::{BeneficiaryId, StructureId};

#[derive(Debug, Clone)]
pub struct LinkRow {
    pub id: String,
    pub a_id: BeneficiaryId,
    pub b_id: BeneficiaryId,
    /// What `b` is to `a`.
    pub relation: String,
    pub a_accepted_at: Option<i64>,
    pub b_accepted_at: Option<i64>,
    pub name_for_a: Vec<u8>,
    pub name_for_b: Vec<u8>,
    pub proposed_by: Option<StructureId>,
    pub created_at: i64,
}

const LINK_COLS: &str = "id, a_id, b_id, relation, a_accepted_at, b_accepted_at, name_for_a, name_for_b, proposed_by, created_at";

fn link_from_row(r: &Row) -> StoreResult<LinkRow> {
    Ok(LinkRow {
        id: r.text("id")?,
        a_id: r.id("a_id")?,
        b_id: r.id("b_id")?,
        relation: r.text("relation")?,
        a_accepted_at: r.opt_int("a_accepted_at")?,
        b_accepted_at: r.opt_int("b_accepted_at")?,
        name_for_a: r.blob("name_for_a")?,
        name_for_b: r.blob("name_for_b")?,
        proposed_by: r.opt_id("proposed_by")?,
        created_at: r.int("created_at")?,
    })
}

pub fn insert_link(tx: &mut dyn Sql, l: &LinkRow) -> StoreResult<()> {
    tx.execute(
        &format!("INSERT INTO household_links ({LINK_COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"),
        &[
            l.id.as_str().into(),
            (&l.a_id).into(),
            (&l.b_id).into(),
            l.relation.as_str().into(),
            l.a_accepted_at.into(),
            l.b_accepted_at.into(),
            l.name_for_a.as_slice().into(),
            l.name_for_b.as_slice().into(),
            l.proposed_by.as_ref().into(),
            l.created_at.into(),
        ],
    )?;
    Ok(())
}

/// Every link (accepted or not) one side of which is `bid`.
pub fn links_of(tx: &mut dyn Sql, bid: &BeneficiaryId) -> StoreResult<Vec<LinkRow>> {
    tx.query(
        &format!("SELECT {LINK_COLS} FROM household_links WHERE a_id = $1 OR b_id = $1 ORDER BY created_at, id"),
        &[bid.into()],
    )?
    .iter()
    .map(link_from_row)
    .collect()
}

/// The link between two safes, in either direction.
pub fn link_between(
    tx: &mut dyn Sql,
    x: &BeneficiaryId,
    y: &BeneficiaryId,
) -> StoreResult<Option<LinkRow>> {
    tx.query_opt(
        &format!("SELECT {LINK_COLS} FROM household_links WHERE (a_id = $1 AND b_id = $2) OR (a_id = $2 AND b_id = $1)"),
        &[x.into(), y.into()],
    )?
    .as_ref()
    .map(link_from_row)
    .transpose()
}

/// Records `bid`'s acceptance and the name she shows the other side (sealed for it).
pub fn accept(
    tx: &mut dyn Sql,
    id: &str,
    bid: &BeneficiaryId,
    name_for_other: &[u8],
    at: i64,
) -> StoreResult<u64> {
    let a = tx.execute(
        "UPDATE household_links SET a_accepted_at = $3, name_for_b = $4 WHERE id = $1 AND a_id = $2 AND a_accepted_at IS NULL",
        &[id.into(), bid.into(), at.into(), name_for_other.into()],
    )?;
    let b = tx.execute(
        "UPDATE household_links SET b_accepted_at = $3, name_for_a = $4 WHERE id = $1 AND b_id = $2 AND b_accepted_at IS NULL",
        &[id.into(), bid.into(), at.into(), name_for_other.into()],
    )?;
    Ok(a + b)
}

pub fn delete_link(tx: &mut dyn Sql, id: &str) -> StoreResult<u64> {
    tx.execute("DELETE FROM household_links WHERE id = $1", &[id.into()])
}

#[derive(Debug, Clone)]
pub struct DependantRow {
    pub id: String,
    pub beneficiary_id: BeneficiaryId,
    pub sealed: Vec<u8>,
    pub created_at: i64,
    /// The relais she shows it to.
    pub shared_with: Vec<StructureId>,
}

pub fn insert_dependant(tx: &mut dyn Sql, d: &DependantRow) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO household_dependants (id, beneficiary_id, sealed, created_at) VALUES ($1, $2, $3, $4)",
        &[d.id.as_str().into(), (&d.beneficiary_id).into(), d.sealed.as_slice().into(), d.created_at.into()],
    )?;
    Ok(())
}

/// Her dependants with the relais each is shown to.
pub fn dependants_of(tx: &mut dyn Sql, bid: &BeneficiaryId) -> StoreResult<Vec<DependantRow>> {
    let mut rows: Vec<DependantRow> = tx
        .query(
            "SELECT id, beneficiary_id, sealed, created_at FROM household_dependants WHERE beneficiary_id = $1 ORDER BY created_at, id",
            &[bid.into()],
        )?
        .iter()
        .map(|r| {
            Ok(DependantRow {
                id: r.text("id")?,
                beneficiary_id: r.id("beneficiary_id")?,
                sealed: r.blob("sealed")?,
                created_at: r.int("created_at")?,
                shared_with: Vec::new(),
            })
        })
        .collect::<StoreResult<_>>()?;
    let shares = tx.query(
        "SELECT s.dependant_id, s.structure_id FROM household_dependant_shares s JOIN household_dependants d ON d.id = s.dependant_id WHERE d.beneficiary_id = $1 ORDER BY s.created_at, s.structure_id",
        &[bid.into()],
    )?;
    for s in &shares {
        let did = s.text("dependant_id")?;
        let sid: StructureId = s.id("structure_id")?;
        if let Some(d) = rows.iter_mut().find(|d| d.id == did) {
            d.shared_with.push(sid);
        }
    }
    Ok(rows)
}

pub fn delete_dependant(tx: &mut dyn Sql, bid: &BeneficiaryId, id: &str) -> StoreResult<u64> {
    tx.execute(
        "DELETE FROM household_dependants WHERE id = $1 AND beneficiary_id = $2",
        &[id.into(), bid.into()],
    )
}

pub fn share_dependant(tx: &mut dyn Sql, id: &str, sid: &StructureId, at: i64) -> StoreResult<u64> {
    tx.execute(
        "INSERT INTO household_dependant_shares (dependant_id, structure_id, created_at) VALUES ($1, $2, $3) ON CONFLICT (dependant_id, structure_id) DO NOTHING",
        &[id.into(), sid.into(), at.into()],
    )
}

pub fn unshare_dependant(tx: &mut dyn Sql, id: &str, sid: &StructureId) -> StoreResult<u64> {
    tx.execute(
        "DELETE FROM household_dependant_shares WHERE dependant_id = $1 AND structure_id = $2",
        &[id.into(), sid.into()],
    )
}

/// Leaving a relais: it is shown none of her dependants any more.
pub fn unshare_all(tx: &mut dyn Sql, bid: &BeneficiaryId, sid: &StructureId) -> StoreResult<u64> {
    tx.execute(
        "DELETE FROM household_dependant_shares WHERE structure_id = $2 AND dependant_id IN (SELECT id FROM household_dependants WHERE beneficiary_id = $1)",
        &[bid.into(), sid.into()],
    )
}
