//! The safe's contacts, notes and events: items like documents, without file content. Every
//! field is sealed in the item's metadata under the item's own key (wrapped like a document's:
//! to her vault key, or to her public key and the professional's structure when a professional
//! adds it). Create, view, change, delete and share are journaled. An event keeps the reminders
//! she chose (`event_schedule` hands them to the reminder scheduling).

use crate::domain::{BeneficiaryId, ItemId, StructureId};
use crate::policy::Action;
use crate::service::access::allow_on_safe;
use crate::service::calendar::reminders::schedule_event_reminders;
use crate::service::items::fields::open_fields;
use crate::service::items::fields::{ItemFields, ItemKind, parse_fields};
use crate::service::items::open::Opened;
use crate::service::items::open::{journal_access, open_item, visible_items, visible_page};
use crate::service::items::seal::seal_meta;
use crate::service::items::visibility::{CreatedBy, created_by, visible_shares};
use crate::service::items::wrap::new_item_row;
use crate::service::items::wrap::{insert_item, new_item_wraps};
use crate::service::journal::{actor_of, journal};
use crate::service::paging::{Page, PageNumber};
use crate::service::{App, ServiceError, ServiceResult, Session};
use crate::store::{Sql, accounts, beneficiaries, items};
use consigne_vault::Key32;
use serde::Serialize;
use serde_json::{Map, Value};

#[derive(Debug, Clone, Serialize)]
pub struct ItemView {
    pub id: ItemId,
    pub kind: ItemKind,
    pub beneficiary_id: BeneficiaryId,
    pub created_at: String,
    pub created_by: CreatedBy,
    pub shared_with: Vec<StructureId>,
    #[serde(flatten)]
    pub fields: ItemFields,
}

impl App {
    fn item_view(&self, session: &Session, kind: ItemKind, o: &Opened) -> ServiceResult<ItemView> {
        Ok(ItemView {
            id: o.row.id.clone(),
            kind,
            beneficiary_id: o.row.beneficiary_id.clone(),
            created_at: crate::clock::rfc3339(o.row.created_at),
            created_by: created_by(&o.row),
            shared_with: visible_shares(session, &o.shares),
            fields: open_fields(self, kind, o)?,
        })
    }

    /// Adds a contact, note or event to safe `bid`: private when she adds it, shared with the
    /// professional's structure when a professional does.
    pub async fn create_item(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
        kind: ItemKind,
        input: &Map<String, Value>,
    ) -> ServiceResult<ItemView> {
        let bid = bid.clone();
        let b2 = bid.clone();
        let (account_public, relays) = self
            .tx(move |tx| {
                let b = beneficiaries::by_id(tx, &b2)?.ok_or(ServiceError::NotFound)?;
                let account = accounts::by_id(tx, &b.account_id)?.ok_or(ServiceError::NotFound)?;
                Ok((account.public_key, beneficiaries::relays_of(tx, &b2)?))
            })
            .await?;
        allow_on_safe(session, Action::AddItem, &bid, &relays)?;
        let fields = parse_fields(kind, input)?;
        let (id, key) = (ItemId::generate(), Key32::random());
        let wraps = new_item_wraps(self, session, &bid, &id, &key, &account_public, &relays)?;
        let row = new_item_row(
            session,
            &bid,
            &id,
            kind,
            seal_meta(self, &key, &bid, &id, &fields),
            wraps,
            self.now(),
        );
        let shares = insert_item(
            self,
            session,
            &row,
            &key,
            (&format!("{}_created", kind.as_str()), None),
        )
        .await?;
        if kind == ItemKind::Event {
            schedule_event_reminders(self, session, &row.id).await?;
        }
        self.item_view(
            session,
            kind,
            &Opened {
                row,
                key,
                shares,
                via: None,
            },
        )
    }

    /// Her contacts (by name), notes (newest first) or events (by start), as the caller may
    /// see them.
    pub async fn list_items(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
        kind: ItemKind,
    ) -> ServiceResult<Vec<ItemView>> {
        list_items(self, session, bid, kind).await
    }

    /// One page of her contacts, notes or events, in `list_items`' order. Notes (newest first)
    /// are read by the page in SQL; contacts (by name) and events (by start) are ordered by
    /// sealed fields the database cannot sort, so they are all opened and the page cut after.
    pub async fn items_page(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
        kind: ItemKind,
        page: PageNumber,
    ) -> ServiceResult<Page<ItemView>> {
        if kind != ItemKind::Note {
            return Ok(Page::slice(
                self.list_items(session, bid, kind).await?,
                page,
            ));
        }
        let (opened, has_next) =
            visible_page(self, session, bid, kind, items::FolderFilter::Any, page).await?;
        let items = opened
            .iter()
            .map(|o| self.item_view(session, kind, o))
            .collect::<ServiceResult<Vec<_>>>()?;
        Ok(Page {
            items,
            page: page.get(),
            has_next,
            total: None,
        })
    }

    /// One item, opened; journaled as a view.
    pub async fn get_item(
        &self,
        session: &Session,
        kind: ItemKind,
        id: &ItemId,
    ) -> ServiceResult<ItemView> {
        let (o, view) = self.opened_view(session, kind, id, Action::View).await?;
        let action: &'static str = match kind {
            ItemKind::Contact => "contact_viewed",
            ItemKind::Note => "note_viewed",
            ItemKind::Event => "event_viewed",
            ItemKind::Document => "document_viewed",
            ItemKind::Simulation => "simulation_viewed",
            ItemKind::Procedure => "procedure_viewed",
            ItemKind::Domiciliation => "domiciliation_viewed",
        };
        journal_access(self, session, &o, action).await?;
        Ok(view)
    }

    /// One item as its owner changes it (forms, shares): not journaled as a view.
    pub async fn item_for_edit(
        &self,
        session: &Session,
        kind: ItemKind,
        id: &ItemId,
    ) -> ServiceResult<ItemView> {
        Ok(self.opened_view(session, kind, id, Action::Update).await?.1)
    }

    async fn opened_view(
        &self,
        session: &Session,
        kind: ItemKind,
        id: &ItemId,
        action: Action,
    ) -> ServiceResult<(Opened, ItemView)> {
        let o = open_item(self, session, id, action, kind).await?;
        let view = self.item_view(session, kind, &o)?;
        Ok((o, view))
    }

    /// Changes the fields `patch` names (`null` clears an optional one); the result is checked
    /// like a new item. Only a real change is written and journaled.
    pub async fn update_item(
        &self,
        session: &Session,
        kind: ItemKind,
        id: &ItemId,
        patch: &Map<String, Value>,
    ) -> ServiceResult<ItemView> {
        let o = open_item(self, session, id, Action::Update, kind).await?;
        let current = open_fields(self, kind, &o)?;
        let mut merged = match serde_json::to_value(&current) {
            Ok(Value::Object(m)) => m,
            _ => return Err(ServiceError::Internal("item fields")),
        };
        for (k, v) in patch {
            if v.is_null() {
                merged.remove(k);
            } else {
                merged.insert(k.clone(), v.clone());
            }
        }
        let fields = parse_fields(kind, &merged)?;
        if fields == current {
            // Saved as it was: nothing to write, nothing to journal.
            return self.item_for_edit(session, kind, id).await;
        }
        let sealed = seal_meta(self, &o.key, &o.row.beneficiary_id, &o.row.id, &fields);
        let now = self.now();
        let hers = o.via.is_none();
        self.journaled_change(session, &o, "updated", move |tx, iid| {
            items::update_meta(tx, iid, &sealed, None, None, now)?;
            if hers {
                // Changed by her: from now on, only she changes it.
                items::make_hers(tx, iid, now)?;
            }
            Ok(())
        })
        .await?;
        if kind == ItemKind::Event {
            // A new time or new delays: the reminders not sent yet are planned again.
            schedule_event_reminders(self, session, id).await?;
        }
        self.item_for_edit(session, kind, id).await
    }

    /// Deletes an item for good (its shares go with it).
    pub async fn delete_item(
        &self,
        session: &Session,
        kind: ItemKind,
        id: &ItemId,
    ) -> ServiceResult<()> {
        let o = open_item(self, session, id, Action::Update, kind).await?;
        self.journaled_change(session, &o, "deleted", |tx, iid| {
            items::delete(tx, iid)?;
            Ok(())
        })
        .await
    }

    /// Runs `change` on an opened item and journals it as `<kind>_<what>`, in one transaction.
    async fn journaled_change<F>(
        &self,
        session: &Session,
        o: &Opened,
        what: &'static str,
        change: F,
    ) -> ServiceResult<()>
    where
        F: FnOnce(&mut dyn Sql, &ItemId) -> ServiceResult<()> + Send + 'static,
    {
        let actor = actor_of(session, o.via.as_ref());
        let (bid, iid, kind, now) = (
            o.row.beneficiary_id.clone(),
            o.row.id.clone(),
            o.row.kind,
            self.now(),
        );
        self.tx(move |tx| {
            change(tx, &iid)?;
            journal(
                tx,
                now,
                Some(&bid),
                &actor,
                &format!("{kind}_{what}"),
                Some((kind.as_str(), iid.as_str())),
                true,
            )
        })
        .await
    }

    /// Names of her contacts and titles of her notes and events by id, for her journal.
    pub async fn item_titles(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
    ) -> ServiceResult<Vec<(String, String)>> {
        let mut out = Vec::new();
        for kind in ItemKind::ORGANIZER {
            for o in visible_items(self, session, bid, kind).await? {
                out.push((
                    o.row.id.to_string(),
                    open_fields(self, kind, &o)?.title().to_owned(),
                ));
            }
        }
        Ok(out)
    }
}

/// Her contacts (by name), notes (newest first) or events (by start), as the caller may
/// see them.
pub(crate) async fn list_items(
    app: &App,
    session: &Session,
    bid: &BeneficiaryId,
    kind: ItemKind,
) -> ServiceResult<Vec<ItemView>> {
    let mut out = visible_items(app, session, bid, kind)
        .await?
        .iter()
        .map(|o| app.item_view(session, kind, o))
        .collect::<ServiceResult<Vec<_>>>()?;
    match kind {
        ItemKind::Contact => out.sort_by_key(|v| v.fields.title().to_lowercase()),
        ItemKind::Note
        | ItemKind::Document
        | ItemKind::Simulation
        | ItemKind::Procedure
        | ItemKind::Domiciliation => {}
        ItemKind::Event => out.sort_by(|a, b| match (&a.fields, &b.fields) {
            (ItemFields::Event(x), ItemFields::Event(y)) => x.starts_at.cmp(&y.starts_at),
            _ => std::cmp::Ordering::Equal,
        }),
    }
    Ok(out)
}
