//! A structure's profile (issue 16, item 1): the details printed on the papers it gives
//! (domiciliation cerfas, hosting certificates). Public, not sealed, like its name and phone:
//! its members and the operator read it, its admins edit it (`Action::EditProfile`). The phone
//! is the structure's own (`structures.phone`, also printed on recovery sheets): editing the
//! profile sets it. The approval number and prefecture belong to associations only (a CCAS
//! is competent by law): they are dropped for any other category. Every change is in the
//! structure's journal.

use crate::domain::{
    Email, InvalidInput, Phone, Shelter, ShortText, StructureCategory, StructureId,
};
use crate::policy::{Action, Resource};
use crate::service::access::allow;
use crate::service::items::media::{media_error, media_limits};
use crate::service::journal::{journal_structure, staff_actor};
use crate::service::{App, ServiceError, ServiceResult, Session};
use crate::store::profiles::{self, ProfileRow};
use crate::store::{Sql, structures};
use serde::Serialize;

/// The profile as API.md shows it (`GET`/`PUT /structures/{sid}/profile`).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ProfileView {
    pub structure_id: StructureId,
    pub name: String,
    pub city: Option<String>,
    pub category: StructureCategory,
    pub shelter: Option<Shelter>,
    pub postal_address: String,
    pub mail_address: Option<String>,
    pub approval_number: Option<String>,
    pub prefecture: Option<String>,
    pub manager_name: String,
    pub manager_function: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub updated_at: String,
}

/// What an admin sends (the JSON body or the settings form), checked by [`set_profile`].
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileInput {
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub shelter: Option<String>,
    #[serde(default)]
    pub postal_address: String,
    #[serde(default)]
    pub mail_address: Option<String>,
    #[serde(default)]
    pub approval_number: Option<String>,
    #[serde(default)]
    pub prefecture: Option<String>,
    #[serde(default)]
    pub manager_name: String,
    #[serde(default)]
    pub manager_function: String,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
}

/// An address: up to six lines of at most 80 characters, each one trimmed; empty lines go.
fn address(field: &'static str, raw: &str) -> Result<String, InvalidInput> {
    let lines: Vec<String> = raw
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        return Err(InvalidInput::new(field, "required"));
    }
    if lines.len() > 6 {
        return Err(InvalidInput::new(field, "too_long"));
    }
    for l in &lines {
        ShortText::parse(field, l, 80)?;
    }
    Ok(lines.join("\n"))
}

fn optional(raw: Option<&str>) -> Option<&str> {
    raw.map(str::trim).filter(|s| !s.is_empty())
}

/// The row an input makes, or the first field at fault.
fn parse(
    sid: &StructureId,
    input: &ProfileInput,
    now: i64,
) -> Result<(ProfileRow, Option<Phone>), InvalidInput> {
    let category = optional(input.category.as_deref())
        .map(StructureCategory::parse)
        .transpose()?
        .unwrap_or(StructureCategory::Other);
    let shelter = optional(input.shelter.as_deref())
        .map(Shelter::parse)
        .transpose()?;
    let association = category == StructureCategory::Association;
    let short = |field: &'static str, raw: Option<&str>, max: usize| {
        optional(raw)
            .map(|v| ShortText::parse(field, v, max).map(ShortText::into_string))
            .transpose()
    };
    let row = ProfileRow {
        structure_id: sid.clone(),
        category,
        shelter,
        postal_address: address("postal_address", &input.postal_address)?,
        mail_address: optional(input.mail_address.as_deref())
            .map(|a| address("mail_address", a))
            .transpose()?,
        approval_number: short("approval_number", input.approval_number.as_deref(), 60)?
            .filter(|_| association),
        prefecture: short("prefecture", input.prefecture.as_deref(), 80)?.filter(|_| association),
        manager_name: ShortText::parse("manager_name", &input.manager_name, 120)?.into_string(),
        manager_function: ShortText::parse("manager_function", &input.manager_function, 120)?
            .into_string(),
        email: optional(input.email.as_deref())
            .map(|e| Email::parse(e).map(|e| e.as_str().to_owned()))
            .transpose()
            .map_err(|_| InvalidInput::new("email", "invalid_email"))?,
        updated_at: now,
    };
    let phone = input
        .phone
        .as_deref()
        .map(Phone::parse)
        .transpose()?
        .flatten();
    Ok((row, phone))
}

fn view_of(tx: &mut dyn Sql, sid: &StructureId) -> ServiceResult<Option<ProfileView>> {
    let s = structures::by_id(tx, sid)?.ok_or(ServiceError::NotFound)?;
    Ok(profiles::by_structure(tx, sid)?.map(|p| ProfileView {
        structure_id: s.id.clone(),
        name: s.name.clone(),
        city: s.city.clone(),
        category: p.category,
        shelter: p.shelter,
        postal_address: p.postal_address,
        mail_address: p.mail_address,
        approval_number: p.approval_number,
        prefecture: p.prefecture,
        manager_name: p.manager_name,
        manager_function: p.manager_function,
        phone: s.phone.clone(),
        email: p.email,
        updated_at: crate::clock::rfc3339(p.updated_at),
    }))
}

/// The profile of `sid` inside a transaction (the papers read it with what they seal).
pub(crate) fn profile_in(
    tx: &mut dyn Sql,
    sid: &StructureId,
) -> ServiceResult<Option<ProfileView>> {
    view_of(tx, sid)
}

/// The profile of `sid`, for its members and the operator; `None` while its admins have not
/// written it.
pub async fn get_profile(
    app: &App,
    session: &Session,
    sid: &StructureId,
) -> ServiceResult<Option<ProfileView>> {
    allow(session, Action::View, Resource::Structure { id: sid })?;
    let sid = sid.clone();
    app.read(move |tx| view_of(tx, &sid)).await
}

/// Writes the profile of `sid` (an admin of it) and its phone, journaled.
pub async fn set_profile(
    app: &App,
    session: &Session,
    sid: &StructureId,
    input: &ProfileInput,
) -> ServiceResult<ProfileView> {
    allow(
        session,
        Action::EditProfile,
        Resource::Structure { id: sid },
    )?;
    let now = app.now();
    let (row, phone) = parse(sid, input, now)?;
    let actor = staff_actor(session, sid);
    let sid = sid.clone();
    app.tx(move |tx| {
        if structures::set_phone(tx, &sid, phone.as_ref().map(Phone::as_str))? == 0 {
            return Err(ServiceError::NotFound);
        }
        profiles::upsert(tx, &row)?;
        journal_structure(tx, now, &actor, "structure_profile_changed", None)?;
        view_of(tx, &sid)?.ok_or(ServiceError::Internal("profile just written"))
    })
    .await
}

/// A logo's file, at most (a letterhead needs no more).
pub const MAX_LOGO_BYTES: usize = 256 * 1024;
/// A logo's pixels, at most (checked on the header before decoding), and its decoded bytes.
const MAX_LOGO_PIXELS: u64 = 4_000_000;
const MAX_LOGO_DECODED: u64 = 16 * 1024 * 1024;

/// Sets the logo of `sid` (an admin of it): a PNG or JPEG of at most [`MAX_LOGO_BYTES`],
/// accepted by content like an upload, its pixels and decoded size bounded before decoding,
/// re-encoded (nothing of the original file is kept: no EXIF). The profile must exist.
pub async fn set_logo(
    app: &App,
    session: &Session,
    sid: &StructureId,
    bytes: Vec<u8>,
) -> ServiceResult<()> {
    allow(
        session,
        Action::EditProfile,
        Resource::Structure { id: sid },
    )?;
    if bytes.len() > MAX_LOGO_BYTES {
        return Err(ServiceError::TooLarge("file_too_large"));
    }
    match consigne_media::sniff(&bytes) {
        Ok(consigne_media::Kind::Png | consigne_media::Kind::Jpeg) => {}
        Ok(_) => return Err(InvalidInput::new("logo", "not_png_or_jpeg").into()),
        Err(e) => return Err(media_error(e)),
    }
    let mut limits = media_limits(app);
    limits.max_pixels = limits.max_pixels.min(MAX_LOGO_PIXELS);
    limits.max_image_bytes = limits.max_image_bytes.min(MAX_LOGO_DECODED);
    let (clean, kind) =
        tokio::task::spawn_blocking(move || consigne_media::sanitize_image(&bytes, &limits))
            .await
            .map_err(|_| ServiceError::Internal("logo task"))?
            .map_err(media_error)?;
    let actor = staff_actor(session, sid);
    let (sid, now) = (sid.clone(), app.now());
    app.tx(move |tx| {
        if profiles::set_logo(tx, &sid, Some((clean, kind.mime())), now)? == 0 {
            return Err(ServiceError::Conflict("profile_missing"));
        }
        journal_structure(tx, now, &actor, "structure_profile_changed", None)
    })
    .await
}

/// Removes the logo of `sid` (an admin of it).
pub async fn remove_logo(app: &App, session: &Session, sid: &StructureId) -> ServiceResult<()> {
    allow(
        session,
        Action::EditProfile,
        Resource::Structure { id: sid },
    )?;
    let actor = staff_actor(session, sid);
    let (sid, now) = (sid.clone(), app.now());
    app.tx(move |tx| {
        profiles::set_logo(tx, &sid, None, now)?;
        journal_structure(tx, now, &actor, "structure_profile_changed", None)
    })
    .await
}

/// The logo of `sid` and its MIME type (its members and the operator), if it has one.
pub async fn get_logo(
    app: &App,
    session: &Session,
    sid: &StructureId,
) -> ServiceResult<Option<(Vec<u8>, String)>> {
    allow(session, Action::View, Resource::Structure { id: sid })?;
    let sid = sid.clone();
    app.read(move |tx| Ok(profiles::logo(tx, &sid)?)).await
}

/// The logo inside a transaction (the papers print it).
pub(crate) fn logo_in(tx: &mut dyn Sql, sid: &StructureId) -> ServiceResult<Option<Vec<u8>>> {
    Ok(profiles::logo(tx, sid)?.map(|(bytes, _)| bytes))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn input() -> ProfileInput {
        ProfileInput {
            category: Some("ccas".into()),
            postal_address: " 12 rue des Tilleuls \n\n 93100  Montreuil ".into(),
            manager_name: "Claire Martin".into(),
            manager_function: "Directrice".into(),
            approval_number: Some("AGR-93-2024-017".into()),
            prefecture: Some("Seine-Saint-Denis".into()),
            ..ProfileInput::default()
        }
    }

    #[test]
    fn approval_only_for_associations_and_addresses_cleaned() {
        let sid = StructureId::stored("s".into());
        let (row, _) = parse(&sid, &input(), 0).expect("valid");
        assert_eq!(row.postal_address, "12 rue des Tilleuls\n93100 Montreuil");
        assert_eq!((row.approval_number, row.prefecture), (None, None));
        let asso = ProfileInput {
            category: Some("association".into()),
            ..input()
        };
        let (row, _) = parse(&sid, &asso, 0).expect("valid");
        assert_eq!(row.approval_number.as_deref(), Some("AGR-93-2024-017"));
        assert_eq!(row.prefecture.as_deref(), Some("Seine-Saint-Denis"));
    }

    #[test]
    fn names_the_field_at_fault() {
        let sid = StructureId::stored("s".into());
        let field = |i: ProfileInput| parse(&sid, &i, 0).map(|_| ()).unwrap_err().field;
        assert_eq!(
            field(ProfileInput {
                postal_address: " \n ".into(),
                ..input()
            }),
            "postal_address"
        );
        assert_eq!(
            field(ProfileInput {
                manager_name: String::new(),
                ..input()
            }),
            "manager_name"
        );
        assert_eq!(
            field(ProfileInput {
                email: Some("nope".into()),
                ..input()
            }),
            "email"
        );
        assert_eq!(
            field(ProfileInput {
                shelter: Some("castle".into()),
                ..input()
            }),
            "shelter"
        );
        assert_eq!(
            field(ProfileInput {
                phone: Some("abc".into()),
                ..input()
            }),
            "phone"
        );
    }
}
