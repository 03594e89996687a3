//! Access checks: the policy's answer (`crate::policy::authorize`) mapped to the error the
//! caller may see (403 only on what she may see, else the same 404 as a missing resource), and
//! the checks every use case starts with (her own safe, a structure and its key, an item in a
//! listing). Nothing here decides: the policy does.

use crate::domain::{BeneficiaryId, StructureId};
use crate::policy::{Action, Decision, Resource, authorize};
use crate::service::{ServiceError, ServiceResult, Session};
use crate::store::items::ItemRow;
use consigne_vault::KeyPair;

/// Maps the policy's answer to the error the caller may see.
/// `allow` on a person's safe, for the structures that are her relais.
pub(crate) fn allow_on_safe(
    session: &Session,
    action: Action,
    bid: &BeneficiaryId,
    relays: &[crate::store::beneficiaries::RelayRow],
) -> ServiceResult<()> {
    let relay_ids: Vec<StructureId> = relays.iter().map(|r| r.structure_id.clone()).collect();
    allow(
        session,
        action,
        Resource::Beneficiary {
            id: bid,
            relays: &relay_ids,
        },
    )
}

pub(crate) fn allow(
    session: &Session,
    action: Action,
    resource: Resource<'_>,
) -> ServiceResult<()> {
    match authorize(&session.actor, action, resource) {
        Decision::Allow => Ok(()),
        Decision::Forbidden => Err(ServiceError::Forbidden),
        Decision::Hidden => Err(ServiceError::NotFound),
    }
}

/// The structure `sid` (parsed) and its key, when `action` is allowed there and the caller
/// holds the key (`AccessPending` otherwise).
pub(crate) fn structure_access(
    session: &Session,
    sid: &StructureId,
    action: Action,
) -> ServiceResult<(StructureId, KeyPair)> {
    let sid = sid.clone();
    allow(session, action, Resource::Structure { id: &sid })?;
    let key = session
        .keys
        .structure_key(&sid)
        .ok_or(ServiceError::AccessPending)?;
    Ok((sid, key))
}

/// The person herself, on her own safe: her safe's id; anyone else gets 404.
pub(crate) fn own_safe(session: &Session, bid: &BeneficiaryId) -> ServiceResult<BeneficiaryId> {
    allow(
        session,
        Action::ManageOwn,
        Resource::Beneficiary {
            id: bid,
            relays: &[],
        },
    )?;
    Ok(bid.clone())
}

/// The safe of the person whose session this is (her settings, her recovery means, her first
/// steps); not found for staff.
pub(crate) fn own_session_safe(session: &Session) -> ServiceResult<BeneficiaryId> {
    own_safe(
        session,
        session
            .beneficiary_id
            .as_ref()
            .ok_or(ServiceError::NotFound)?,
    )
}

/// The policy's view of an item, for listings (which skip rather than refuse).
pub(crate) fn authorize_item(
    session: &Session,
    row: &ItemRow,
    shared_with: &[StructureId],
    relays: &[StructureId],
) -> bool {
    item_decision(session, Action::View, row, shared_with, relays) == crate::policy::Decision::Allow
}

/// The policy's answer on an item row for `action`.
pub(crate) fn item_decision(
    session: &Session,
    action: Action,
    row: &ItemRow,
    shared_with: &[StructureId],
    relays: &[StructureId],
) -> crate::policy::Decision {
    crate::policy::authorize(
        &session.actor,
        action,
        Resource::Item {
            owner: &row.beneficiary_id,
            shared_with,
            relays,
            added_by: row.created_by_structure.as_ref(),
            hers: row.made_hers_at.is_some(),
        },
    )
}
