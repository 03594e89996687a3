//! An item's metadata (a document's name and type; every field of a contact, note or event),
//! sealed as JSON under the item key, then by the platform key.

use crate::domain::{BeneficiaryId, ItemId};
use crate::service::contexts as ctx;
use crate::service::{App, ServiceError, ServiceResult};
use crate::store::items::ItemRow;
use consigne_vault::Key32;
use serde::Serialize;

/// Opens an item's sealed metadata with its key.
pub(crate) fn open_meta<T: serde::de::DeserializeOwned>(
    app: &App,
    row: &ItemRow,
    key: &Key32,
) -> ServiceResult<T> {
    let aad = ctx::item_meta(&row.beneficiary_id, &row.id);
    let json = zeroize::Zeroizing::new(consigne_vault::open(
        key,
        &aad,
        &app.platform.open(&aad, &row.meta_sealed)?,
    )?);
    serde_json::from_slice(&json).map_err(|_| ServiceError::Internal("item meta"))
}

pub(crate) fn seal_meta<T: Serialize>(
    app: &App,
    key: &Key32,
    bid: &BeneficiaryId,
    id: &ItemId,
    meta: &T,
) -> Vec<u8> {
    let aad = ctx::item_meta(bid, id);
    let json = zeroize::Zeroizing::new(serde_json::to_vec(meta).unwrap_or_default());
    app.platform
        .seal(&aad, &consigne_vault::seal(key, &aad, &json))
}
