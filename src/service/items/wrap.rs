//! Who holds an item's key: a new item's wraps (to her vault key, or, added by a professional,
//! to her public key and to his structure), the row and its first share written with its
//! journal line, and the wrap of a share to a structure's public key.

use crate::domain::{AccountKind, BeneficiaryId, ItemId, ItemKind, StructureId};
use crate::policy::Actor;
use crate::service::calendar::feeds::add_to_feed;
use crate::service::certification::log_leaf;
use crate::service::contexts as ctx;
use crate::service::journal::{actor_of, journal};
use crate::service::{App, ServiceError, ServiceResult, Session};
use crate::store::items::{self, ItemRow, ShareRow};
use crate::store::usage::Counted;
use crate::store::{Sql, beneficiaries, structures};
use consigne_vault::{Key32, PublicKey};

/// Who holds a new item's key: (vault wrap, owner wrap, structure shared with by default).
pub(crate) type NewWraps = (Option<Vec<u8>>, Option<Vec<u8>>, Option<StructureId>);

/// The row of a new item without content (a document then adds its blobs).
pub(crate) fn new_item_row(
    session: &Session,
    bid: &BeneficiaryId,
    id: &ItemId,
    kind: ItemKind,
    meta_sealed: Vec<u8>,
    (key_wrap_vault, key_wrap_owner, share_with): NewWraps,
    now: i64,
) -> ItemRow {
    let by_person = matches!(session.actor, Actor::Beneficiary { .. });
    ItemRow {
        id: id.to_owned(),
        beneficiary_id: bid.to_owned(),
        kind: kind.to_owned(),
        folder_id: None,
        meta_sealed,
        key_wrap_vault,
        key_wrap_owner,
        blob_key: None,
        thumb_key: None,
        size: 0,
        expires_sealed: None,
        created_at: now,
        created_by_kind: if by_person {
            AccountKind::Beneficiary
        } else {
            AccountKind::Professional
        },
        created_by_name: (!by_person).then(|| session.keys.display_name.clone()),
        created_by_structure: share_with,
        updated_at: now,
        blob_sha256: None,
        thumb_sha256: None,
        preview_key: None,
        preview_sha256: None,
        made_hers_at: None,
    }
}

/// Who holds a new item's key: the person through her vault key, or (added by a
/// professional) through her public key, plus the professional's structure by default.
pub(crate) fn new_item_wraps(
    app: &App,
    session: &Session,
    bid: &BeneficiaryId,
    id: &ItemId,
    key: &Key32,
    account_public: &[u8],
    relays: &[beneficiaries::RelayRow],
) -> ServiceResult<NewWraps> {
    Ok(match &session.actor {
        Actor::Beneficiary { .. } => {
            let vault = session.keys.vault.as_ref().ok_or(ServiceError::NotFound)?;
            let aad = ctx::item_key_vault(bid, id);
            (
                Some(
                    app.platform
                        .seal(&aad, &consigne_vault::wrap_key(vault, &aad, key)),
                ),
                None,
                None,
            )
        }
        _ => {
            let public = PublicKey::from_slice(account_public)?;
            let aad = ctx::item_key_owner(bid, id);
            let via = relays
                .iter()
                .find(|r| session.keys.structure_key(&r.structure_id).is_some())
                .map(|r| r.structure_id.clone())
                .ok_or(ServiceError::AccessPending)?;
            (
                None,
                Some(
                    app.platform
                        .seal(&aad, &consigne_vault::wrap_key_to(&public, &aad, key)),
                ),
                Some(via),
            )
        }
    })
}

/// Stores a new item's row, its share with the professional's structure (if she added it)
/// and the journal line `action`, in one transaction; returns its shares. An item with a
/// size is counted against the safe's quota here, under the safe's quota lock: the checks
/// made while the file arrived only spare the work, two uploads at once never both fit
/// when only one does. A document's `leaf` joins the certification log in the same
/// transaction.
pub(crate) async fn insert_item(
    app: &App,
    session: &Session,
    row: &ItemRow,
    key: &Key32,
    (action, leaf): (&str, Option<Vec<u8>>),
) -> ServiceResult<Vec<ShareRow>> {
    let owned = app.clone();
    let via = row.created_by_structure.clone();
    let actor = actor_of(session, via.as_ref());
    let (r2, k2, action) = (row.clone(), key.clone(), action.to_owned());
    let quota = app.config.storage.quota_bytes();
    app.tx(move |tx| {
        if r2.size > 0 {
            check_quota(tx, &r2.beneficiary_id, r2.size, quota)?;
        }
        items::insert(tx, &r2)?;
        if let (Some(sid), ItemKind::Document) = (&via, r2.kind) {
            crate::service::usage::count(&owned, tx, sid, r2.created_at, Counted::DocumentAdded)?;
        }
        if let Some(leaf) = &leaf {
            log_leaf(&owned, tx, &r2.id, leaf, r2.created_at)?;
        }
        if let Some(sid) = &via {
            share_wrap(&owned, tx, &r2, &k2, sid, r2.created_at)?;
        }
        add_to_feed(&owned, tx, &r2, &k2)?;
        journal(
            tx,
            r2.created_at,
            Some(&r2.beneficiary_id),
            &actor,
            &action,
            Some((r2.kind.as_str(), r2.id.as_str())),
            true,
        )?;
        Ok(items::shares_of(tx, &r2.id)?)
    })
    .await
}

pub(crate) fn share_wrap(
    app: &App,
    tx: &mut dyn Sql,
    row: &ItemRow,
    key: &Key32,
    sid: &StructureId,
    now: i64,
) -> ServiceResult<()> {
    let structure = structures::by_id(tx, sid)?.ok_or(ServiceError::NotFound)?;
    let public = PublicKey::from_slice(
        structure
            .public_key
            .as_deref()
            .ok_or(ServiceError::Conflict("structure_without_key"))?,
    )?;
    let aad = ctx::item_key_share(&row.id, sid);
    let wrap = app
        .platform
        .seal(&aad, &consigne_vault::wrap_key_to(&public, &aad, key));
    items::share(tx, &row.id, sid, &wrap, now)?;
    Ok(())
}

/// Refuses `size` more bytes in safe `bid` past `quota`; holds the safe's quota lock until the
/// transaction ends, so that the sum it reads stays true until the caller's row is written.
pub(crate) fn check_quota(
    tx: &mut dyn Sql,
    bid: &BeneficiaryId,
    size: i64,
    quota: i64,
) -> ServiceResult<()> {
    tx.lock(&format!("quota/{bid}"))?;
    if items::total_size(tx, bid)?.saturating_add(size) > quota {
        return Err(ServiceError::TooLarge("quota_exceeded"));
    }
    Ok(())
}

/// The public key of safe `bid`'s account (what an item a professional adds is wrapped to) and
/// her relais (what the policy decides by), read together: how an item is added for her.
pub(crate) async fn owner_key_and_relays(
    app: &crate::service::App,
    bid: &crate::domain::BeneficiaryId,
) -> crate::service::ServiceResult<(Vec<u8>, Vec<crate::store::beneficiaries::RelayRow>)> {
    use crate::store::{accounts, beneficiaries};
    let b2 = bid.clone();
    app.read(move |tx| {
        let b = beneficiaries::by_id(tx, &b2)?.ok_or(crate::service::ServiceError::NotFound)?;
        let account =
            accounts::by_id(tx, &b.account_id)?.ok_or(crate::service::ServiceError::NotFound)?;
        Ok((account.public_key, beneficiaries::relays_of(tx, &b2)?))
    })
    .await
}
