//! Sharing: the person shares an item with some of her relais, or stops sharing it: one at a
//! time (the API) or the whole "who sees this" form at once, in one transaction. Every change
//! is journaled.

use crate::domain::{ItemId, ItemKind, StructureId};
use crate::policy::Action;
use crate::service::items::open::{Opened, open_item};
use crate::service::items::wrap::share_wrap;
use crate::service::journal::{JournalActor, actor_of, journal_about_relay};
use crate::service::{App, ServiceError, ServiceResult, Session};
use crate::store::{Sql, beneficiaries, items};

/// Who changes an item's shares, and when.
struct ShareChange {
    kind: ItemKind,
    actor: JournalActor,
    now: i64,
}

impl App {
    /// The person shares one item with one of her relais (or stops sharing); asking for what
    /// already is changes nothing.
    pub async fn set_item_share(
        &self,
        session: &Session,
        kind: ItemKind,
        id: &ItemId,
        sid: &StructureId,
        shared: bool,
    ) -> ServiceResult<()> {
        let sid = sid.clone();
        let o = open_item(self, session, id, Action::Share, kind).await?;
        let app = self.clone();
        let change = ShareChange {
            kind,
            actor: actor_of(session, None),
            now: self.now(),
        };
        self.tx(move |tx| {
            if beneficiaries::relay(tx, &o.row.beneficiary_id, &sid)?.is_none() {
                return Err(ServiceError::NotFound);
            }
            let now_shared = items::shares_of(tx, &o.row.id)?
                .iter()
                .any(|s| s.structure_id == sid);
            if now_shared == shared {
                // Already so: nothing changes, nothing is journaled.
                return Ok(());
            }
            change_share(&app, tx, &o, &change, &sid, shared)
        })
        .await
    }

    /// The "who sees this" form: the item ends up shared with exactly those of her relais
    /// whose ids are in `sids` (anything else in it is ignored), in one transaction, with one
    /// journal line per share that changes. What is compared is read in that transaction, so
    /// a relais joined or left meanwhile is counted as it is now.
    pub async fn set_item_shares(
        &self,
        session: &Session,
        kind: ItemKind,
        id: &ItemId,
        sids: &[StructureId],
    ) -> ServiceResult<()> {
        let o = open_item(self, session, id, Action::Share, kind).await?;
        let app = self.clone();
        let change = ShareChange {
            kind,
            actor: actor_of(session, None),
            now: self.now(),
        };
        let wanted = sids.to_vec();
        self.tx(move |tx| {
            let shared: Vec<StructureId> = items::shares_of(tx, &o.row.id)?
                .into_iter()
                .map(|s| s.structure_id)
                .collect();
            for relay in beneficiaries::relays_of(tx, &o.row.beneficiary_id)? {
                let sid = relay.structure_id;
                let want = wanted.contains(&sid);
                if want != shared.contains(&sid) {
                    change_share(&app, tx, &o, &change, &sid, want)?;
                }
            }
            Ok(())
        })
        .await
    }
}

/// Shares item `o` with her relais `sid` if it is not yet, journaled like any share (a
/// document she sends in a message).
pub(crate) fn share_with_relay(
    app: &App,
    tx: &mut dyn Sql,
    o: &Opened,
    actor: &JournalActor,
    sid: &StructureId,
    now: i64,
) -> ServiceResult<()> {
    if items::shares_of(tx, &o.row.id)?
        .iter()
        .any(|s| &s.structure_id == sid)
    {
        return Ok(());
    }
    let change = ShareChange {
        kind: ItemKind::Document,
        actor: actor.clone(),
        now,
    };
    change_share(app, tx, o, &change, sid, true)
}

/// Shares item `o` with structure `sid` (a relais of hers) or stops, and journals it.
fn change_share(
    app: &App,
    tx: &mut dyn Sql,
    o: &Opened,
    change: &ShareChange,
    sid: &StructureId,
    shared: bool,
) -> ServiceResult<()> {
    let kind = change.kind;
    let action = if shared {
        share_wrap(app, tx, &o.row, &o.key, sid, change.now)?;
        format!("{kind}_shared")
    } else {
        items::unshare(tx, &o.row.id, sid)?;
        if o.row.created_by_structure.as_ref() == Some(sid) {
            // Taken back from the structure that added it: hers from now on.
            items::make_hers(tx, &o.row.id, change.now)?;
        }
        format!("{kind}_unshared")
    };
    journal_about_relay(
        tx,
        (change.now, &o.row.beneficiary_id),
        &change.actor,
        &action,
        (kind.as_str(), o.row.id.as_str()),
        sid,
    )
}
