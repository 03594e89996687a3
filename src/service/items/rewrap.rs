//! Re-wrap on first open: an item a professional added while the person was away has its key
//! wrapped to her public key (`items.key_wrap_owner`), which costs an X25519 operation at every
//! open. The first time her own session opens it, the key is wrapped under her symmetric vault
//! key instead (`items.key_wrap_vault`) and the public-key wrap is dropped: from then on it opens
//! like the items she added herself (docs/encryption.md, "Re-wrap on first open").
//!
//! What it does not change: the item's content, metadata and key, its shares (what structures
//! open), `updated_at`, and her journal (no one else reads anything: it is her own session
//! changing how her own key is kept).

use crate::domain::ItemId;
use crate::policy::Actor;
use crate::service::contexts as ctx;
use crate::service::{App, ServiceResult, Session};
use crate::store::items::{self, ItemRow};
use consigne_vault::Key32;

/// A public-key wrap to replace by a symmetric one, compared and swapped in one write.
#[derive(Debug)]
pub(crate) struct Rewrap {
    id: ItemId,
    /// The stored public-key wrap the new one replaces (the compare of compare-and-swap).
    old_owner_wrap: Vec<u8>,
    vault_wrap: Vec<u8>,
}

/// The re-wrap of `row`, opened with `key`, if her own session opened it through her key
/// pair (no vault wrap yet) and holds her vault key.
pub(crate) fn rewrap_of(
    app: &App,
    session: &Session,
    row: &ItemRow,
    key: &Key32,
) -> Option<Rewrap> {
    let Actor::Beneficiary { beneficiary_id, .. } = &session.actor else {
        return None;
    };
    if *beneficiary_id != row.beneficiary_id || row.key_wrap_vault.is_some() {
        return None;
    }
    let (old, vault) = (row.key_wrap_owner.as_ref()?, session.keys.vault.as_ref()?);
    let aad = ctx::item_key_vault(&row.beneficiary_id, &row.id);
    Some(Rewrap {
        id: row.id.clone(),
        old_owner_wrap: old.clone(),
        vault_wrap: app
            .platform
            .seal(&aad, &consigne_vault::wrap_key(vault, &aad, key)),
    })
}

/// Stores `rewraps` in one small write transaction (nothing when there are none). A row
/// changed meanwhile (another request re-wrapped it, or it was deleted) is left as it is.
/// A failure is logged, not returned: the page already has what it opened, and the item
/// is simply re-wrapped at a later open. Returns how many rows were re-wrapped.
pub(crate) async fn store_rewraps(app: &App, rewraps: Vec<Rewrap>) -> u64 {
    if rewraps.is_empty() {
        return 0;
    }
    let stored: ServiceResult<u64> = app
        .tx(move |tx| {
            let mut n = 0;
            for r in &rewraps {
                n += items::rewrap_to_vault(tx, &r.id, &r.old_owner_wrap, &r.vault_wrap)?;
            }
            Ok(n)
        })
        .await;
    stored.unwrap_or_else(|e| {
        tracing::warn!(error = %e, "items were not re-wrapped under the vault key");
        0
    })
}
