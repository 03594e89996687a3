//! A structure's profile: the public details printed on the papers it gives (issue 16).

use super::{Row, Sql, StoreError, StoreResult, Value};
use crate::domain::{Shelter, StructureCategory, StructureId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileRow {
    pub structure_id: StructureId,
    pub category: StructureCategory,
    pub shelter: Option<Shelter>,
    pub postal_address: String,
    pub mail_address: Option<String>,
    pub approval_number: Option<String>,
    pub prefecture: Option<String>,
    pub manager_name: String,
    pub manager_function: String,
    pub email: Option<String>,
    pub updated_at: i64,
}

const COLS: &str = "structure_id, category, shelter, postal_address, mail_address, approval_number, prefecture, manager_name, manager_function, email, updated_at";

fn from_row(r: &Row) -> StoreResult<ProfileRow> {
    let decode = |c: &str| StoreError::Decode(c.into());
    Ok(ProfileRow {
        structure_id: r.id("structure_id")?,
        category: StructureCategory::parse(&r.text("category")?).map_err(|_| decode("category"))?,
        shelter: r
            .opt_text("shelter")?
            .map(|s| Shelter::parse(&s).map_err(|_| decode("shelter")))
            .transpose()?,
        postal_address: r.text("postal_address")?,
        mail_address: r.opt_text("mail_address")?,
        approval_number: r.opt_text("approval_number")?,
        prefecture: r.opt_text("prefecture")?,
        manager_name: r.text("manager_name")?,
        manager_function: r.text("manager_function")?,
        email: r.opt_text("email")?,
        updated_at: r.int("updated_at")?,
    })
}

pub fn by_structure(tx: &mut dyn Sql, sid: &StructureId) -> StoreResult<Option<ProfileRow>> {
    tx.query_opt(
        &format!("SELECT {COLS} FROM structure_profiles WHERE structure_id = $1"),
        &[sid.into()],
    )?
    .as_ref()
    .map(from_row)
    .transpose()
}

/// Writes the profile (its logo is kept).
pub fn upsert(tx: &mut dyn Sql, p: &ProfileRow) -> StoreResult<()> {
    tx.execute(
        &format!(
            "INSERT INTO structure_profiles ({COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
             ON CONFLICT (structure_id) DO UPDATE SET category = $2, shelter = $3, postal_address = $4, \
             mail_address = $5, approval_number = $6, prefecture = $7, manager_name = $8, \
             manager_function = $9, email = $10, updated_at = $11"
        ),
        &[
            (&p.structure_id).into(),
            p.category.as_str().into(),
            p.shelter.map(Shelter::as_str).map(str::to_owned).into(),
            p.postal_address.as_str().into(),
            p.mail_address.clone().into(),
            p.approval_number.clone().into(),
            p.prefecture.clone().into(),
            p.manager_name.as_str().into(),
            p.manager_function.as_str().into(),
            p.email.clone().into(),
            p.updated_at.into(),
        ],
    )?;
    Ok(())
}

/// Sets or removes the logo of an existing profile; the rows changed (0: no profile yet).
pub fn set_logo(
    tx: &mut dyn Sql,
    sid: &StructureId,
    logo: Option<(Vec<u8>, &str)>,
    now: i64,
) -> StoreResult<u64> {
    let (bytes, mime): (Value, Value) = match logo {
        Some((b, m)) => (b.into(), m.into()),
        None => (Value::Null, Value::Null),
    };
    tx.execute(
        "UPDATE structure_profiles SET logo = $2, logo_type = $3, updated_at = $4 WHERE structure_id = $1",
        &[sid.into(), bytes, mime, now.into()],
    )
}

/// The logo and its MIME type, if the profile has one.
pub fn logo(tx: &mut dyn Sql, sid: &StructureId) -> StoreResult<Option<(Vec<u8>, String)>> {
    let Some(r) = tx.query_opt(
        "SELECT logo, logo_type FROM structure_profiles WHERE structure_id = $1",
        &[sid.into()],
    )?
    else {
        return Ok(None);
    };
    Ok(match (r.opt_blob("logo")?, r.opt_text("logo_type")?) {
        (Some(b), Some(t)) => Some((b, t)),
        _ => None,
    })
}
