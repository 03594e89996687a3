//! The case file a structure keeps on a person it follows (issue 14, items 1 and 4): her
//! situation (housing from a fixed list, family, resources by kind with monthly amounts,
//! administrative situation, health cover, protection measure), each change dated and
//! attributed in its history, and her referent professional with the hand-overs between
//! colleagues and their notes.
//!
//! It is the structure's record, not her safe: sealed under a key derived from the structure's
//! private key (`case_files.key|<s>`), then by the platform key, so only the structure's
//! members read it; neither the operator, another structure nor the person. A key rotation
//! re-seals it (`members.rs`). The row outlives her relais row: a structure she leaves keeps
//! its case file, read-only, and sees nothing new of her safe. In clear, on purpose: the
//! current housing code and the referent's account (statistics, "my people";
//! docs/threat-model.md). Each change and hand-over is journaled for the structure (a journal
//! line with no person, the structure as actor, her opaque id as target).

use super::access::allow;
use super::beneficiaries::identity_of;
use super::directory::{open_for_structure, seal_for_structure};
use super::journal::{actor_of, journal};
use super::{App, ServiceError, ServiceResult, Session};
use crate::clock::Timestamp;
use crate::domain::{AccountId, BeneficiaryId, InvalidInput, StructureId};
use crate::policy::{Action, Resource};
use crate::service::contexts as ctx;
use crate::store::Sql;
use crate::store::beneficiaries;
use crate::store::casefiles::{self, CaseFileRow, CaseFileWrite};
use crate::store::structures::{self, MemberStatus};
use consigne_vault::{Key32, PlatformKey};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

/// Housing situations (the fixed list; its codes are also the clear `case_files.housing`).
pub const HOUSING: &[&str] = &[
    "street",
    "emergency_shelter",
    "hosted_third_party",
    "chrs",
    "hotel",
    "squat",
    "tenant",
    "owner",
    "institution",
    "other",
];
/// Family situations.
pub const FAMILY: &[&str] = &[
    "single",
    "couple",
    "married",
    "civil_union",
    "separated",
    "divorced",
    "widowed",
];
/// Residence permits (`not_required`: French or European citizen).
pub const PERMITS: &[&str] = &[
    "not_required",
    "none",
    "asylum_certificate",
    "receipt",
    "temporary",
    "multi_year",
    "resident",
    "other",
];
/// Kinds of resources.
pub const RESOURCES: &[&str] = &[
    "wages",
    "unemployment",
    "rsa",
    "prime_activite",
    "aah",
    "pension",
    "sick_pay",
    "family_benefits",
    "housing_benefit",
    "ada",
    "other",
];
/// Health covers.
pub const HEALTH_COVERS: &[&str] = &["none", "puma", "css", "ame", "private", "other"];
/// Protection measures.
pub const PROTECTIONS: &[&str] = &[
    "none",
    "safeguard_of_justice",
    "curatorship",
    "reinforced_curatorship",
    "guardianship",
    "family_habilitation",
    "masp",
    "other",
];
/// The situation's fields, in the order the history and the page show them.
pub const FIELDS: &[&str] = &[
    "housing",
    "family",
    "administrative",
    "resources",
    "health_cover",
    "protection",
];

const MAX_RESOURCES: usize = 12;
const MAX_AMOUNT: u64 = 100_000;
const MAX_CHILDREN: u64 = 30;
const MAX_NOTE: usize = 2000;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Family {
    #[serde(default)]
    pub status: Option<String>,
    /// Children and other dependants in her care.
    #[serde(default)]
    pub children: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Administrative {
    #[serde(default)]
    pub nationality: Option<String>,
    #[serde(default)]
    pub residence_permit: Option<String>,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub residence_permit_until: Option<String>,
    /// Where she receives her mail (an approved domiciliation body, an address).
    #[serde(default)]
    pub domiciliation: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResourceLine {
    pub kind: String,
    /// Whole euros a month.
    pub monthly: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HealthCover {
    pub kind: String,
    /// `YYYY-MM-DD`, when the cover ends.
    #[serde(default)]
    pub until: Option<String>,
}

/// Her situation as the structure knows it now.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Situation {
    pub housing: Option<String>,
    pub family: Option<Family>,
    pub administrative: Option<Administrative>,
    pub resources: Option<Vec<ResourceLine>>,
    pub health_cover: Option<HealthCover>,
    pub protection: Option<String>,
}

impl Situation {
    fn get(&self, field: &str) -> Value {
        let all = serde_json::to_value(self).unwrap_or_default();
        all.get(field).cloned().unwrap_or(Value::Null)
    }
}

/// A professional as the case file names her (the name she had then).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Professional {
    /// Her account id.
    pub id: String,
    pub display_name: String,
}

/// The person, as the structure knew her at its last write (it keeps it after she leaves).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonRef {
    pub first_name: String,
    pub last_name: String,
    pub birth_date: String,
}

/// One change: a situation field's new value, or a hand-over (`field` = `referent`, `value` =
/// `{id, display_name, note}`, `null` when the referent was removed).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Change {
    at: Timestamp,
    by: Professional,
    field: String,
    value: Value,
}

/// What `case_files.sealed` holds.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Sealed {
    person: Option<PersonRef>,
    situation: Situation,
    referent: Option<Professional>,
    history: Vec<Change>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChangeView {
    pub at: String,
    pub by: Professional,
    pub field: String,
    pub value: Value,
}

/// The case file as its structure's members read it.
#[derive(Debug, Clone, Serialize)]
pub struct CaseFileView {
    pub structure_id: StructureId,
    pub beneficiary_id: BeneficiaryId,
    pub person: Option<PersonRef>,
    /// She still has the structure as relais; once she left the file is read-only.
    pub followed: bool,
    pub situation: Situation,
    pub referent: Option<Professional>,
    /// Newest first.
    pub history: Vec<ChangeView>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
}

/// A change of the case file: situation fields present are replaced (`null` clears one);
/// `referent_id` hands her over to a colleague (`null`: no referent), with `note`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseFilePatch {
    #[serde(default)]
    pub situation: Map<String, Value>,
    #[serde(default, deserialize_with = "present")]
    pub referent_id: Option<Option<String>>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A field that is there, `null` included (`Some(None)`), as opposed to absent (`None`).
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

fn invalid(field: &'static str) -> ServiceError {
    ServiceError::Invalid(InvalidInput::new(field, "invalid"))
}

fn code(field: &'static str, raw: Option<String>, list: &[&str]) -> ServiceResult<Option<String>> {
    match raw.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(c) if list.contains(&c.as_str()) => Ok(Some(c)),
        Some(_) => Err(invalid(field)),
    }
}

fn text(field: &'static str, raw: Option<String>, max: usize) -> ServiceResult<Option<String>> {
    let s = raw
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| !s.is_empty());
    match s {
        Some(s) if s.chars().count() > max || s.chars().any(char::is_control) => {
            Err(ServiceError::Invalid(InvalidInput::new(field, "too_long")))
        }
        other => Ok(other),
    }
}

fn date(field: &'static str, raw: Option<String>) -> ServiceResult<Option<String>> {
    let Some(raw) = raw.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    let f = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(&raw, &f)
        .map(|d| {
            Some(format!(
                "{:04}-{:02}-{:02}",
                d.year(),
                u8::from(d.month()),
                d.day()
            ))
        })
        .map_err(|_| ServiceError::Invalid(InvalidInput::new(field, "invalid_date")))
}

fn typed<T: serde::de::DeserializeOwned>(field: &'static str, v: Value) -> ServiceResult<T> {
    serde_json::from_value(v).map_err(|_| invalid(field))
}

/// One situation field checked and normalised: `None` when it says nothing.
fn parse_field(field: &str, v: Value) -> ServiceResult<(&'static str, Value)> {
    let out = match field {
        "housing" => {
            let c = code("housing", typed("housing", v)?, HOUSING)?;
            ("housing", serde_json::to_value(c))
        }
        "family" => {
            let f: Option<Family> = typed("family_status", v)?;
            let f = match f {
                None => None,
                Some(f) => {
                    if f.children > MAX_CHILDREN {
                        return Err(invalid("children"));
                    }
                    let status = code("family_status", f.status, FAMILY)?;
                    (status.is_some() || f.children > 0).then_some(Family {
                        status,
                        children: f.children,
                    })
                }
            };
            ("family", serde_json::to_value(f))
        }
        "administrative" => {
            let a: Option<Administrative> = typed("nationality", v)?;
            let a = match a {
                None => None,
                Some(a) => {
                    let a = Administrative {
                        nationality: text("nationality", a.nationality, 80)?,
                        residence_permit: code("residence_permit", a.residence_permit, PERMITS)?,
                        residence_permit_until: date(
                            "residence_permit_until",
                            a.residence_permit_until,
                        )?,
                        domiciliation: text("domiciliation", a.domiciliation, 200)?,
                    };
                    (a != Administrative::default()).then_some(a)
                }
            };
            ("administrative", serde_json::to_value(a))
        }
        "resources" => {
            let lines: Option<Vec<ResourceLine>> = typed("resource_kind", v)?;
            let lines = match lines {
                None => None,
                Some(lines) => {
                    if lines.len() > MAX_RESOURCES {
                        return Err(invalid("resource_kind"));
                    }
                    let mut out = Vec::with_capacity(lines.len());
                    for l in lines {
                        let kind = code("resource_kind", Some(l.kind), RESOURCES)?
                            .ok_or_else(|| invalid("resource_kind"))?;
                        if l.monthly > MAX_AMOUNT {
                            return Err(ServiceError::Invalid(InvalidInput::new(
                                "resource_amount",
                                "invalid_amount",
                            )));
                        }
                        out.push(ResourceLine {
                            kind,
                            monthly: l.monthly,
                        });
                    }
                    (!out.is_empty()).then_some(out)
                }
            };
            ("resources", serde_json::to_value(lines))
        }
        "health_cover" => {
            let h: Option<HealthCover> = typed("health_cover", v)?;
            let h = match h {
                None => None,
                Some(h) => code("health_cover", Some(h.kind), HEALTH_COVERS)?
                    .map(|kind| {
                        Ok::<_, ServiceError>(HealthCover {
                            kind,
                            until: date("health_cover_until", h.until)?,
                        })
                    })
                    .transpose()?,
            };
            ("health_cover", serde_json::to_value(h))
        }
        "protection" => {
            let c = code("protection", typed("protection", v)?, PROTECTIONS)?;
            ("protection", serde_json::to_value(c))
        }
        _ => return Err(invalid("situation")),
    };
    Ok((out.0, out.1.unwrap_or_default()))
}

/// The patch's situation fields, checked (all of them before anything is written).
fn parse_situation(patch: &Map<String, Value>) -> ServiceResult<Vec<(&'static str, Value)>> {
    let mut out: Vec<(&'static str, Value)> = Vec::new();
    for (k, v) in patch {
        out.push(parse_field(k, v.clone())?);
    }
    out.sort_by_key(|(f, _)| FIELDS.iter().position(|x| x == f));
    Ok(out)
}

fn case_file_key(secret: &Key32, sid: &StructureId) -> Key32 {
    consigne_vault::derive_key(secret.as_bytes(), &ctx::case_file_key(sid))
}

fn seal(
    platform: &PlatformKey,
    secret: &Key32,
    sid: &StructureId,
    bid: &BeneficiaryId,
    data: &Sealed,
) -> ServiceResult<Vec<u8>> {
    let json = zeroize::Zeroizing::new(
        serde_json::to_vec(data).map_err(|_| ServiceError::Internal("case file encoding"))?,
    );
    let aad = ctx::case_file(bid, sid);
    Ok(seal_for_structure(
        platform,
        &case_file_key(secret, sid),
        &aad,
        &json,
    ))
}

/// Opens a case file with whichever of `secrets` (the structure key's versions) sealed it.
fn open(
    platform: &PlatformKey,
    secrets: &[Key32],
    sid: &StructureId,
    bid: &BeneficiaryId,
    sealed: &[u8],
) -> Option<Sealed> {
    let aad = ctx::case_file(bid, sid);
    let keys = secrets.iter().map(|s| case_file_key(s, sid));
    let json = open_for_structure(platform, keys, &aad, sealed)?;
    serde_json::from_slice(&json).ok()
}

/// A key rotation's batch (`members.rs`): re-seals up to `limit` case files of `sid` sealed
/// with a version older than `version` under the newest of `secrets`. Returns how many it
/// took (a file no version opens is marked moved, and said in the log).
pub(super) fn reseal_stale(
    platform: &PlatformKey,
    tx: &mut dyn Sql,
    sid: &StructureId,
    secrets: &[Key32],
    version: i64,
    limit: i64,
) -> ServiceResult<usize> {
    let rows = casefiles::stale(tx, sid, version, limit)?;
    let Some(newest) = secrets.first() else {
        return Ok(0);
    };
    for row in &rows {
        let bid = &row.beneficiary_id;
        let new = match open(platform, secrets, sid, bid, &row.sealed) {
            Some(data) => Some(seal(platform, newest, sid, bid, &data)?),
            None => {
                tracing::warn!(structure = %sid, "a case file no structure key version opens was left as it was");
                None
            }
        };
        casefiles::reseal(tx, sid, bid, &row.sealed, new.as_deref(), version)?;
    }
    Ok(rows.len())
}

/// What an access to a case file found: her relais, the row.
struct Found {
    followed: bool,
    row: Option<CaseFileRow>,
}

fn find(
    tx: &mut dyn Sql,
    session: &Session,
    action: Action,
    sid: &StructureId,
    bid: &BeneficiaryId,
) -> ServiceResult<Found> {
    let relays: Vec<StructureId> = beneficiaries::relays_of(tx, bid)?
        .into_iter()
        .map(|r| r.structure_id)
        .collect();
    let row = casefiles::get(tx, sid, bid)?;
    allow(
        session,
        action,
        Resource::CaseFile {
            structure: sid,
            relays: &relays,
            exists: row.is_some(),
        },
    )?;
    Ok(Found {
        followed: relays.contains(sid),
        row,
    })
}

fn view(
    sid: &StructureId,
    bid: &BeneficiaryId,
    followed: bool,
    row: Option<&CaseFileRow>,
    data: Sealed,
) -> CaseFileView {
    CaseFileView {
        structure_id: sid.clone(),
        beneficiary_id: bid.clone(),
        person: data.person,
        followed,
        situation: data.situation,
        referent: data.referent,
        history: data
            .history
            .into_iter()
            .rev()
            .map(|c| ChangeView {
                at: crate::clock::rfc3339(c.at),
                by: c.by,
                field: c.field,
                value: c.value,
            })
            .collect(),
        created_at: row.map(|r| crate::clock::rfc3339(r.created_at)),
        updated_at: row.map(|r| crate::clock::rfc3339(r.updated_at)),
    }
}

impl App {
    fn case_file_secrets(session: &Session, sid: &StructureId) -> ServiceResult<Vec<Key32>> {
        let secrets = Self::structure_secrets(session, sid);
        if secrets.is_empty() {
            return Err(ServiceError::AccessPending);
        }
        Ok(secrets)
    }

    fn open_row(
        &self,
        secrets: &[Key32],
        row: Option<&CaseFileRow>,
    ) -> ServiceResult<Option<Sealed>> {
        row.map(|r| {
            open(
                &self.platform,
                secrets,
                &r.structure_id,
                &r.beneficiary_id,
                &r.sealed,
            )
            .ok_or(ServiceError::Internal("a case file no key version opens"))
        })
        .transpose()
    }

    /// The case file `sid` keeps on `bid` (an empty one while it has none and follows her).
    pub async fn case_file(
        &self,
        session: &Session,
        sid: &StructureId,
        bid: &BeneficiaryId,
    ) -> ServiceResult<CaseFileView> {
        let (s2, b2, sess) = (sid.clone(), bid.clone(), session.clone());
        let found = self
            .read(move |tx| find(tx, &sess, Action::View, &s2, &b2))
            .await?;
        let secrets = Self::case_file_secrets(session, sid)?;
        let data = match self.open_row(&secrets, found.row.as_ref())? {
            Some(d) => d,
            None => Sealed {
                person: self.person_now(session, bid).await?,
                ..Sealed::default()
            },
        };
        Ok(view(sid, bid, found.followed, found.row.as_ref(), data))
    }

    /// Her name and birth date as her relais reach them now.
    async fn person_now(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
    ) -> ServiceResult<Option<PersonRef>> {
        let (identity, _, _) = identity_of(self, session, bid).await?;
        Ok(Some(PersonRef {
            first_name: identity.first_name.clone(),
            last_name: identity.last_name.clone(),
            birth_date: identity.birth_date.clone(),
        }))
    }

    /// Changes her situation and/or hands her over to a colleague (with a note): each field
    /// that changes gets a dated, attributed line in the history, and the change a line in
    /// the structure's journal. Only while she follows the structure.
    pub async fn update_case_file(
        &self,
        session: &Session,
        sid: &StructureId,
        bid: &BeneficiaryId,
        patch: CaseFilePatch,
    ) -> ServiceResult<CaseFileView> {
        let (s2, b2, sess) = (sid.clone(), bid.clone(), session.clone());
        self.read(move |tx| find(tx, &sess, Action::Update, &s2, &b2).map(|_| ()))
            .await?;
        let secrets = Self::case_file_secrets(session, sid)?;
        let fields = parse_situation(&patch.situation)?;
        let note = text("note", patch.note.clone(), MAX_NOTE)?;
        let referent = match &patch.referent_id {
            None => None,
            Some(None) => Some(None),
            Some(Some(raw)) => Some(Some(
                AccountId::parse(raw.trim()).map_err(|_| invalid("referent"))?,
            )),
        };
        let person = self.person_now(session, bid).await?;
        let (app, s2, b2, sess) = (self.clone(), sid.clone(), bid.clone(), session.clone());
        self.tx(move |tx| {
            tx.lock(&format!("case_file|{s2}|{b2}"))?;
            let found = find(tx, &sess, Action::Update, &s2, &b2)?;
            let mut data = app
                .open_row(&secrets, found.row.as_ref())?
                .unwrap_or_default();
            let now = app.now();
            let by = Professional {
                id: sess.account_id.to_string(),
                display_name: sess.keys.display_name.clone(),
            };
            let mut changed = false;
            for (field, value) in fields {
                if data.situation.get(field) == value {
                    continue;
                }
                let mut all = serde_json::to_value(&data.situation).unwrap_or_default();
                if let Some(o) = all.as_object_mut() {
                    o.insert(field.to_owned(), value.clone());
                }
                data.situation = serde_json::from_value(all)
                    .map_err(|_| ServiceError::Internal("case file situation"))?;
                data.history.push(Change {
                    at: now,
                    by: by.clone(),
                    field: field.to_owned(),
                    value,
                });
                changed = true;
            }
            let mut handed_over = false;
            if let Some(to) = referent {
                let to = match to {
                    None => None,
                    Some(aid) => Some(
                        structures::members(tx, &s2)?
                            .into_iter()
                            .find(|m| m.account_id == aid && m.status == MemberStatus::Active)
                            .map(|m| Professional {
                                id: m.account_id.to_string(),
                                display_name: m.display_name,
                            })
                            .ok_or_else(|| invalid("referent"))?,
                    ),
                };
                let same = data.referent.as_ref().map(|r| &r.id) == to.as_ref().map(|r| &r.id);
                if !same || note.is_some() {
                    data.history.push(Change {
                        at: now,
                        by: by.clone(),
                        field: "referent".into(),
                        value: match &to {
                            None => serde_json::json!({ "note": note }),
                            Some(p) => serde_json::json!({
                                "id": p.id, "display_name": p.display_name, "note": note
                            }),
                        },
                    });
                    data.referent = to;
                    handed_over = true;
                }
            }
            if !changed && !handed_over && found.row.is_some() {
                return Ok(view(&s2, &b2, found.followed, found.row.as_ref(), data));
            }
            data.person = person;
            let newest = secrets.first().ok_or(ServiceError::AccessPending)?;
            let sealed = seal(&app.platform, newest, &s2, &b2, &data)?;
            let referent_account = data
                .referent
                .as_ref()
                .map(|r| AccountId::stored(r.id.clone()));
            casefiles::put(
                tx,
                &s2,
                &b2,
                &CaseFileWrite {
                    referent_account: referent_account.as_ref(),
                    housing: data.situation.housing.as_deref(),
                    sealed: &sealed,
                    at: now,
                },
            )?;
            let actor = actor_of(&sess, Some(&s2));
            let target = Some(("beneficiary", b2.as_str()));
            if changed {
                journal(tx, now, None, &actor, "case_file_updated", target, true)?;
            }
            if handed_over {
                journal(tx, now, None, &actor, "referent_changed", target, true)?;
            }
            let row = casefiles::get(tx, &s2, &b2)?;
            Ok(view(&s2, &b2, found.followed, row.as_ref(), data))
        })
        .await
    }

    /// The colleagues she may be handed over to: the structure's active members.
    pub async fn referent_choices(
        &self,
        session: &Session,
        sid: &StructureId,
    ) -> ServiceResult<Vec<Professional>> {
        allow(
            session,
            Action::ListFollowed,
            Resource::Structure { id: sid },
        )?;
        let s2 = sid.clone();
        let members = self
            .read(move |tx| Ok(structures::members(tx, &s2)?))
            .await?;
        Ok(members
            .into_iter()
            .filter(|m| m.status == MemberStatus::Active)
            .map(|m| Professional {
                id: m.account_id.to_string(),
                display_name: m.display_name,
            })
            .collect())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_case_file_opens_with_its_structure_key_only_and_for_its_row_only() {
        let platform = PlatformKey::generate();
        let (mine, theirs) = (Key32::random(), Key32::random());
        let sid = StructureId::parse("00000000-0000-4000-8000-000000000001").unwrap();
        let other = StructureId::parse("00000000-0000-4000-8000-000000000002").unwrap();
        let bid = BeneficiaryId::parse("00000000-0000-4000-8000-000000000003").unwrap();
        let data = Sealed {
            situation: Situation {
                protection: Some("curatorship".into()),
                ..Situation::default()
            },
            ..Sealed::default()
        };
        let sealed = seal(&platform, &mine, &sid, &bid, &data).unwrap();
        let opened = open(&platform, std::slice::from_ref(&mine), &sid, &bid, &sealed).unwrap();
        assert_eq!(opened.situation, data.situation);
        assert!(open(&platform, &[theirs], &sid, &bid, &sealed).is_none());
        assert!(
            open(
                &platform,
                std::slice::from_ref(&mine),
                &other,
                &bid,
                &sealed
            )
            .is_none()
        );
        let newer = Key32::random();
        assert!(open(&platform, &[newer, mine], &sid, &bid, &sealed).is_some());
    }

    #[test]
    fn situation_fields_are_checked_and_normalised() {
        let ok = |f: &str, v: Value| parse_field(f, v).unwrap().1;
        assert_eq!(ok("housing", json!("chrs")), json!("chrs"));
        assert_eq!(ok("housing", json!("")), Value::Null);
        assert!(parse_field("housing", json!("palace")).is_err());
        assert!(parse_field("housing", json!(3)).is_err());
        assert_eq!(
            ok("family", json!({"status": "single", "children": 2})),
            json!({"status": "single", "children": 2})
        );
        assert!(parse_field("family", json!({"children": 31})).is_err());
        assert_eq!(
            ok(
                "administrative",
                json!({"nationality": "  Afghane ", "residence_permit_until": "2027-03-01"})
            ),
            json!({"nationality": "Afghane", "residence_permit": null, "residence_permit_until": "2027-03-01", "domiciliation": null})
        );
        assert!(
            parse_field(
                "administrative",
                json!({"residence_permit_until": "01/03/2027"})
            )
            .is_err()
        );
        assert!(parse_field("administrative", json!({"other": 1})).is_err());
        assert_eq!(
            ok("resources", json!([{"kind": "rsa", "monthly": 607}])),
            json!([{"kind": "rsa", "monthly": 607}])
        );
        assert!(parse_field("resources", json!([{"kind": "rsa", "monthly": -1}])).is_err());
        assert!(parse_field("resources", json!([{"kind": "rsa", "monthly": 1.5}])).is_err());
        assert!(parse_field("resources", json!([{"kind": "loot", "monthly": 1}])).is_err());
        assert_eq!(ok("health_cover", json!(null)), Value::Null);
        assert!(parse_field("protection", json!("prison")).is_err());
        assert!(parse_field("mood", json!("good")).is_err());
    }
}
