//! Benefit simulations as items of her safe (issue 15, item 2). What she (or a professional of
//! a relais that follows her) asks is checked, run through the rules (`domain::benefits`, with
//! her birth date read from her sealed identity: the caller never sends it), and kept as an
//! item of the kind `simulation`: the input and the results sealed in the item's metadata
//! under its own key, wrapped like a note's (to her vault key, or to her public key and the
//! professional's structure), shared per relais with the item core, journaled
//! (`simulation_created`, `simulation_viewed`, `simulation_shared`...) and exported.

use crate::domain::benefits::{Benefit, Month, Simulation, SimulationInput, simulate};
use crate::domain::{BeneficiaryId, InvalidInput, ItemId, ItemKind, StructureId};
use crate::policy::Action;
use crate::service::access::allow_on_safe;
use crate::service::auth::identity::IdentityRecord;
use crate::service::beneficiaries::identity_key_of;
use crate::service::items::open::{Opened, journal_access, open_item, visible_items};
use crate::service::items::seal::{open_meta, seal_meta};
use crate::service::items::visibility::{CreatedBy, created_by, visible_shares};
use crate::service::items::wrap::owner_key_and_relays;
use crate::service::items::wrap::{insert_item, new_item_row, new_item_wraps};
use crate::service::{App, ServiceError, ServiceResult, Session};
use consigne_vault::Key32;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// At most this many resource lines (two people, seven kinds, with room for a split).
const MAX_RESOURCES: usize = 28;

/// What the item's key seals: the input as asked and the rules' answer.
#[derive(Serialize, Deserialize)]
struct Sealed {
    input: SimulationInput,
    simulation: Simulation,
}

/// A simulation as API.md shows it: `{id, month, created_at, benefits, input}`, with who made
/// it and the relais it is shared with (as the caller may know them), like every item.
#[derive(Clone, Serialize)]
pub struct SimulationView {
    pub id: ItemId,
    pub beneficiary_id: BeneficiaryId,
    pub month: Month,
    pub created_at: String,
    pub created_by: CreatedBy,
    pub shared_with: Vec<StructureId>,
    pub benefits: Vec<Benefit>,
    pub input: SimulationInput,
}

/// Her situation is never logged.
impl std::fmt::Debug for SimulationView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SimulationView({}, [redacted])", self.id)
    }
}

/// The fields of `simulation_input`, and a minimal valid input to try one of them in alone.
const FIELDS: [&str; 11] = [
    "month",
    "couple",
    "partner",
    "children",
    "pregnant",
    "nationality",
    "residence_permit_years",
    "refugee",
    "student",
    "housing",
    "resources",
];

fn probe_base() -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("month".into(), Value::from("2026-05"));
    m.insert("nationality".into(), Value::from("fr"));
    m.insert("housing".into(), serde_json::json!({"kind": "homeless"}));
    m
}

/// `simulation_input` from a JSON value: the rules' own types and checks, with the field at
/// fault named (a missing one, an unknown one, one whose value does not fit).
pub fn parse_simulation_input(v: &Value) -> Result<SimulationInput, InvalidInput> {
    let obj = v.as_object().ok_or(InvalidInput::new("body", "invalid"))?;
    let input = match serde_json::from_value::<SimulationInput>(v.clone()) {
        Ok(input) => input,
        Err(_) => return Err(field_at_fault(obj)),
    };
    if input.resources.len() > MAX_RESOURCES {
        return Err(InvalidInput::new("resources", "too_many"));
    }
    if !input
        .housing
        .commune_insee
        .as_deref()
        .is_none_or(commune_code)
    {
        return Err(InvalidInput::new("commune_insee", "invalid"));
    }
    input.validate()?;
    Ok(input)
}

/// An INSEE commune code: five characters, digits, `2A`/`2B` for Corsica.
fn commune_code(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 5
        && b[0].is_ascii_digit()
        && (b[1].is_ascii_digit() || b[1] == b'A' || b[1] == b'B')
        && b[2..].iter().all(u8::is_ascii_digit)
}

/// Which field made the input fail: each one given is tried alone in a valid input.
fn field_at_fault(obj: &Map<String, Value>) -> InvalidInput {
    for field in ["month", "nationality", "housing"] {
        if !obj.contains_key(field) {
            return InvalidInput::new(field, "required");
        }
    }
    for (key, value) in obj {
        let Some(field) = FIELDS.iter().find(|f| **f == key.as_str()) else {
            return InvalidInput::new("body", "unknown_field");
        };
        let mut probe = probe_base();
        probe.insert(key.clone(), value.clone());
        if serde_json::from_value::<SimulationInput>(Value::Object(probe)).is_err() {
            return InvalidInput::new(field, "invalid");
        }
    }
    InvalidInput::new("body", "invalid")
}

fn birth_date_of(identity: &IdentityRecord) -> ServiceResult<time::Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(&identity.birth_date, format)
        .map_err(|_| ServiceError::Internal("birth date in the identity record"))
}

fn view_of(app: &App, session: &Session, o: &Opened) -> ServiceResult<SimulationView> {
    let sealed: Sealed = open_meta(app, &o.row, &o.key)?;
    Ok(SimulationView {
        id: o.row.id.clone(),
        beneficiary_id: o.row.beneficiary_id.clone(),
        month: sealed.simulation.month,
        created_at: crate::clock::rfc3339(o.row.created_at),
        created_by: created_by(&o.row),
        shared_with: visible_shares(session, &o.shares),
        benefits: sealed.simulation.benefits,
        input: sealed.input,
    })
}

/// Runs a simulation for safe `bid` and keeps it there: private when she runs it, shared with
/// the professional's structure (and in her journal, naming him) when a professional does.
pub async fn create_simulation(
    app: &App,
    session: &Session,
    bid: &BeneficiaryId,
    body: &Value,
) -> ServiceResult<SimulationView> {
    let (account_public, relays) = owner_key_and_relays(app, bid).await?;
    allow_on_safe(session, Action::Simulate, bid, &relays)?;
    let input = parse_simulation_input(body)?;
    let (ik, _, row) = identity_key_of(app, session, bid, Action::Simulate).await?;
    let identity = IdentityRecord::open(app, &ik, &row.id, &row.identity_sealed)?;
    let simulation = simulate(&input, birth_date_of(&identity)?);
    let (id, key) = (ItemId::generate(), Key32::random());
    let wraps = new_item_wraps(app, session, bid, &id, &key, &account_public, &relays)?;
    let sealed = Sealed { input, simulation };
    let row = new_item_row(
        session,
        bid,
        &id,
        ItemKind::Simulation,
        seal_meta(app, &key, bid, &id, &sealed),
        wraps,
        app.now(),
    );
    let shares = insert_item(app, session, &row, &key, ("simulation_created", None)).await?;
    Ok(SimulationView {
        id: row.id.clone(),
        beneficiary_id: row.beneficiary_id.clone(),
        month: sealed.simulation.month,
        created_at: crate::clock::rfc3339(row.created_at),
        created_by: created_by(&row),
        shared_with: visible_shares(session, &shares),
        benefits: sealed.simulation.benefits,
        input: sealed.input,
    })
}

/// Her simulations the caller may see, newest first (not journaled one by one: opening one
/// is).
pub async fn list_simulations(
    app: &App,
    session: &Session,
    bid: &BeneficiaryId,
) -> ServiceResult<Vec<SimulationView>> {
    visible_items(app, session, bid, ItemKind::Simulation)
        .await?
        .iter()
        .map(|o| view_of(app, session, o))
        .collect()
}

/// One simulation, opened; journaled as a view.
pub async fn get_simulation(
    app: &App,
    session: &Session,
    id: &ItemId,
) -> ServiceResult<SimulationView> {
    let o = open_item(app, session, id, Action::View, ItemKind::Simulation).await?;
    let view = view_of(app, session, &o)?;
    journal_access(app, session, &o, "simulation_viewed").await?;
    Ok(view)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_field_at_fault_is_named() {
        let ok = serde_json::json!({"month": "2026-05", "nationality": "fr", "housing": {"kind": "homeless"}});
        assert!(parse_simulation_input(&ok).is_ok());
        let cases = [
            (serde_json::json!([]), "body"),
            (
                serde_json::json!({"nationality": "fr", "housing": {"kind": "homeless"}}),
                "month",
            ),
            (
                serde_json::json!({"month": "2026-13", "nationality": "fr", "housing": {"kind": "homeless"}}),
                "month",
            ),
            (
                serde_json::json!({"month": "2026-05", "nationality": "xx", "housing": {"kind": "homeless"}}),
                "nationality",
            ),
            (
                serde_json::json!({"month": "2026-05", "nationality": "fr", "housing": {"kind": "castle"}}),
                "housing",
            ),
            (
                serde_json::json!({"month": "2026-05", "nationality": "fr", "housing": {"kind": "homeless"}, "resources": [{"who": "self", "kind": "wages", "monthly": [1, 2]}]}),
                "resources",
            ),
            (
                serde_json::json!({"month": "2026-05", "nationality": "fr", "housing": {"kind": "homeless"}, "birth_date": "1990-01-01"}),
                "body",
            ),
            (
                serde_json::json!({"month": "2026-05", "nationality": "fr", "housing": {"kind": "homeless"}, "couple": true}),
                "partner",
            ),
        ];
        for (v, field) in cases {
            assert_eq!(parse_simulation_input(&v).unwrap_err().field, field, "{v}");
        }
    }

    #[test]
    fn a_sealed_record_reads_back() {
        let input = parse_simulation_input(&serde_json::json!({"month": "2026-05", "nationality": "fr", "housing": {"kind": "hosted_free"}, "resources": [{"who": "self", "kind": "wages", "monthly": [300, 300, 300]}]})).unwrap();
        let birth = time::Date::from_calendar_date(1980, time::Month::March, 3).unwrap();
        let simulation = simulate(&input, birth);
        let sealed = Sealed { input, simulation };
        let json = serde_json::to_vec(&sealed).unwrap();
        let back: Sealed = serde_json::from_slice(&json).unwrap();
        assert_eq!(back.simulation, sealed.simulation);
        assert_eq!(back.input, sealed.input);
    }
}
