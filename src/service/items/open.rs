//! Opening an item: the policy's permission, then the key. Access to content needs both: her
//! vault key or key pair, or a wrap addressed to a structure the item is shared with (and
//! that is still one of her relais). A permission without a key that opens reveals nothing
//! (fail closed: the same 404).

use super::rewrap::{rewrap_of, store_rewraps};
use crate::domain::ItemKind;
use crate::policy::{Action, Actor, Resource};
use crate::service::access::{allow, allow_on_safe, authorize_item};
use crate::service::contexts as ctx;
use crate::service::journal::{actor_of, journal};
use crate::service::paging::{PAGE_SIZE, PageNumber};
use crate::service::{App, ServiceError, ServiceResult, Session, parse_id};
use crate::store::beneficiaries;
use crate::store::items::{self, FolderFilter, ItemRow, ShareRow};
use consigne_vault::Key32;

/// An opened item: its row, its key, how the caller reached it.
pub(crate) struct Opened {
    pub(crate) row: ItemRow,
    pub(crate) key: Key32,
    pub(crate) shares: Vec<ShareRow>,
    /// The structure through which a professional reached it.
    pub(crate) via: Option<String>,
}

/// The item key as this session may reach it, or 404 (no permission, or no key: fail closed).
pub(crate) fn item_key(
    app: &App,
    session: &Session,
    row: &ItemRow,
    shares: &[ShareRow],
) -> ServiceResult<(Key32, Option<String>)> {
    match &session.actor {
        Actor::Beneficiary { beneficiary_id, .. } if *beneficiary_id == row.beneficiary_id => {
            if let (Some(w), Some(vault)) = (&row.key_wrap_vault, &session.keys.vault) {
                let aad = ctx::item_key_vault(&row.beneficiary_id, &row.id);
                return Ok((
                    consigne_vault::unwrap_key(vault, &aad, &app.platform.open(&aad, w)?)?,
                    None,
                ));
            }
            if let Some(w) = &row.key_wrap_owner {
                let aad = ctx::item_key_owner(&row.beneficiary_id, &row.id);
                let pair = session.keys.keypair();
                return Ok((
                    consigne_vault::unwrap_key_from(&pair, &aad, &app.platform.open(&aad, w)?)?,
                    None,
                ));
            }
            Err(ServiceError::NotFound)
        }
        Actor::Professional { .. } => {
            for share in shares {
                let aad = ctx::item_key_share(&row.id, &share.structure_id);
                let opened = app
                    .platform
                    .open(&aad, &share.key_wrap)
                    .ok()
                    .and_then(|inner| {
                        session
                            .keys
                            .open_structure_wrap(&share.structure_id, &aad, &inner)
                    });
                if let Some(k) = opened {
                    return Ok((k, Some(share.structure_id.clone())));
                }
            }
            Err(ServiceError::NotFound)
        }
        _ => Err(ServiceError::NotFound),
    }
}

pub(crate) async fn open_item(
    app: &App,
    session: &Session,
    id: &str,
    action: Action,
    kind: ItemKind,
) -> ServiceResult<Opened> {
    let id = parse_id(id)?;
    let (row, shares, relays) = app
        .read(move |tx| {
            let row = items::by_id(tx, &id)?
                .filter(|r| r.kind == kind)
                .ok_or(ServiceError::NotFound)?;
            let shares = items::shares_of(tx, &row.id)?;
            let relays = beneficiaries::relays_of(tx, &row.beneficiary_id)?;
            Ok((row, shares, relays))
        })
        .await?;
    let relay_ids: Vec<String> = relays.iter().map(|r| r.structure_id.clone()).collect();
    // A share only counts while the structure is still one of her relais.
    let shared_with: Vec<String> = shares
        .iter()
        .map(|s| s.structure_id.clone())
        .filter(|s| relay_ids.contains(s))
        .collect();
    allow(
        session,
        action,
        Resource::Item {
            owner: &row.beneficiary_id,
            shared_with: &shared_with,
            relays: &relay_ids,
            added_by: row.created_by_structure.as_deref(),
            hers: row.made_hers_at.is_some(),
        },
    )?;
    let live: Vec<ShareRow> = shares
        .iter()
        .filter(|s| shared_with.contains(&s.structure_id))
        .cloned()
        .collect();
    let (key, via) = item_key(app, session, &row, &live).map_err(|e| match e {
        ServiceError::NotFound => ServiceError::NotFound,
        other => {
            tracing::warn!(error = %other, "an item key did not open: refused");
            ServiceError::NotFound
        }
    })?;
    if let Some(rewrap) = rewrap_of(app, session, &row, &key) {
        store_rewraps(app, vec![rewrap]).await;
    }
    Ok(Opened {
        row,
        key,
        shares,
        via,
    })
}

/// A person's items of one kind that the caller may see and holds a key to, opened.
pub(crate) async fn visible_items(
    app: &App,
    session: &Session,
    bid: &str,
    kind: ItemKind,
) -> ServiceResult<Vec<Opened>> {
    let bid = parse_id(bid)?;
    let b2 = bid.clone();
    let (rows, shares, relays) = app
        .read(move |tx| {
            if beneficiaries::by_id(tx, &b2)?.is_none() {
                return Err(ServiceError::NotFound);
            }
            Ok((
                items::of_beneficiary(tx, &b2, kind)?,
                items::shares_of_beneficiary(tx, &b2)?,
                beneficiaries::relays_of(tx, &b2)?,
            ))
        })
        .await?;
    allow_on_safe(session, Action::View, &bid, &relays)?;
    open_visible(app, session, rows, shares, relays).await
}

/// One page of a person's items of one kind (in `folder`), newest first, that the caller
/// may see and holds a key to, opened; and whether a next page exists. Only the page's
/// rows and their shares are read: for a professional the SQL keeps only the items shared
/// with one of her structures that is one of the person's relais (no key, no listing).
pub(crate) async fn visible_page(
    app: &App,
    session: &Session,
    bid: &str,
    kind: ItemKind,
    folder: FolderFilter,
    page: PageNumber,
) -> ServiceResult<(Vec<Opened>, bool)> {
    let bid = parse_id(bid)?;
    let folder = match folder {
        FolderFilter::In(f) => FolderFilter::In(parse_id(&f)?),
        other => other,
    };
    let holder: Option<Vec<String>> = match &session.actor {
        Actor::Beneficiary { .. } => None,
        _ => Some(
            session
                .keys
                .structures
                .iter()
                .map(|(s, _)| s.clone())
                .collect(),
        ),
    };
    let b2 = bid.clone();
    let (limit, offset) = page.window();
    let (rows, shares, relays) = app
        .read(move |tx| {
            if beneficiaries::by_id(tx, &b2)?.is_none() {
                return Err(ServiceError::NotFound);
            }
            let relays = beneficiaries::relays_of(tx, &b2)?;
            let structures: Option<Vec<String>> = holder.map(|held| {
                relays
                    .iter()
                    .map(|r| r.structure_id.clone())
                    .filter(|s| held.contains(s))
                    .collect()
            });
            let filter = items::PageFilter {
                beneficiary_id: &b2,
                kind,
                folder: &folder,
                shared_with_any: structures.as_deref(),
            };
            let rows = items::page(tx, &filter, limit, offset)?;
            let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
            let shares = items::shares_of_items(tx, &ids)?;
            Ok((rows, shares, relays))
        })
        .await?;
    allow_on_safe(session, Action::View, &bid, &relays)?;
    let has_next = rows.len() > PAGE_SIZE as usize;
    let rows = rows.into_iter().take(PAGE_SIZE as usize).collect();
    Ok((
        open_visible(app, session, rows, shares, relays).await?,
        has_next,
    ))
}

/// The rows the policy lets the caller see and she holds a key to, opened. One public-key
/// unwrap per item a structure or a professional wrapped: CPU work that runs on the blocking
/// pool, never on the threads that serve every other request. Items her own session opened
/// through her key pair are re-wrapped under her vault key (`rewrap.rs`).
async fn open_visible(
    app: &App,
    session: &Session,
    rows: Vec<ItemRow>,
    shares: Vec<ShareRow>,
    relays: Vec<beneficiaries::RelayRow>,
) -> ServiceResult<Vec<Opened>> {
    let relay_ids: Vec<String> = relays.iter().map(|r| r.structure_id.clone()).collect();
    let (app2, session2) = (app.clone(), session.clone());
    let (out, rewraps) = tokio::task::spawn_blocking(move || {
        let mut out = Vec::new();
        let mut rewraps = Vec::new();
        for row in rows {
            let mine: Vec<ShareRow> = shares
                .iter()
                .filter(|s| s.item_id == row.id && relay_ids.contains(&s.structure_id))
                .cloned()
                .collect();
            let visible: Vec<String> = mine.iter().map(|s| s.structure_id.clone()).collect();
            if authorize_item(&session2, &row, &visible, &relay_ids) {
                // No key, no listing: a permission without a wrap reveals nothing.
                if let Ok((key, via)) = item_key(&app2, &session2, &row, &mine) {
                    rewraps.extend(rewrap_of(&app2, &session2, &row, &key));
                    out.push(Opened {
                        row,
                        key,
                        shares: mine,
                        via,
                    });
                }
            }
        }
        (out, rewraps)
    })
    .await
    .map_err(|_| ServiceError::Internal("unwrap task"))?;
    store_rewraps(app, rewraps).await;
    Ok(out)
}

/// Journals one access (view, download, export) to an opened item.
pub(crate) async fn journal_access(
    app: &App,
    session: &Session,
    o: &Opened,
    action: &'static str,
) -> ServiceResult<()> {
    let actor = actor_of(session, o.via.as_deref());
    let (bid, iid, now) = (o.row.beneficiary_id.clone(), o.row.id.clone(), app.now());
    let kind = o.row.kind;
    app.tx(move |tx| {
        journal(
            tx,
            now,
            Some(&bid),
            &actor,
            action,
            Some((kind.as_str(), &iid)),
            true,
        )
    })
    .await
}
