//! What an item's views show of who added it and who it is shared with: all her relais to her,
//! only his own structures to a professional.

use crate::domain::{AccountKind, StructureId};
use crate::policy::Actor;
use crate::service::Session;
use crate::store::items::{ItemRow, ShareRow};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct CreatedBy {
    pub kind: AccountKind,
    pub display_name: String,
}

/// Who added an item, as its views tell it.
pub(crate) fn created_by(row: &ItemRow) -> CreatedBy {
    CreatedBy {
        kind: row.created_by_kind,
        display_name: row.created_by_name.clone().unwrap_or_default(),
    }
}

/// The structures an item is shared with, as the caller may know them: all of them for the
/// person, only her own structures for a professional.
pub(crate) fn visible_shares(session: &Session, shares: &[ShareRow]) -> Vec<StructureId> {
    match &session.actor {
        Actor::Beneficiary { .. } => shares.iter().map(|s| s.structure_id.clone()).collect(),
        _ => shares
            .iter()
            .filter(|s| session.keys.structure_key(&s.structure_id).is_some())
            .map(|s| s.structure_id.clone())
            .collect(),
    }
}
