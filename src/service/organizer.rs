//! The safe's contacts, notes and events: items like documents, without file content. Every
//! field is sealed in the item's metadata under the item's own key (wrapped like a document's:
//! to her vault key, or to her public key and the professional's structure when a professional
//! adds it). Create, view, change, delete and share are journaled. An event keeps the reminders
//! she chose (`event_schedule` hands them to the reminder scheduling).

use super::documents::{Opened, actor_of, created_by, new_item_row, visible_shares};
use super::paging::{Page, PageNumber};
use super::structures::allow_on_safe;
use super::{App, ServiceError, ServiceResult, Session, journal, new_id, parse_id};
use crate::domain::{Email, InvalidInput, Phone, ShortText};
use crate::policy::Action;
use crate::store::{Sql, accounts, beneficiaries, items};
use consigne_vault::Key32;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Names and titles, at most.
const MAX_TITLE: usize = 200;
const MAX_ADDRESS: usize = 500;
const MAX_COMMENT: usize = 2000;
const MAX_NOTE_BODY: usize = 20_000;
/// A reminder at most 30 days before; at most 5 per event.
const MAX_MINUTES_BEFORE: u64 = 43_200;
const MAX_REMINDERS: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Contact,
    Note,
    Event,
}

impl ItemKind {
    pub const ALL: [ItemKind; 3] = [ItemKind::Contact, ItemKind::Note, ItemKind::Event];

    /// The `items.kind` value, the journal's target kind and the actions' prefix.
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Contact => "contact",
            ItemKind::Note => "note",
            ItemKind::Event => "event",
        }
    }

    /// The path segment of the API and the pages.
    pub fn plural(self) -> &'static str {
        match self {
            ItemKind::Contact => "contacts",
            ItemKind::Note => "notes",
            ItemKind::Event => "events",
        }
    }
}

#[derive(Clone, Serialize, Deserialize)]
pub struct Contact {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

#[derive(Clone, Serialize, Deserialize)]
pub struct Note {
    pub title: String,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reminder {
    pub minutes_before: u32,
    pub channel: String,
}

#[derive(Clone, Serialize, Deserialize)]
pub struct Event {
    pub title: String,
    /// RFC 3339 UTC.
    pub starts_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    #[serde(default)]
    pub reminders: Vec<Reminder>,
}

/// Her own words are never logged.
macro_rules! redacted_debug {
    ($($t:ident),*) => {$(
        impl std::fmt::Debug for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(concat!(stringify!($t), "([redacted])"))
            }
        }
    )*};
}
redacted_debug!(Contact, Note, Event);

/// What an item's key seals: her own words, never logged (`Debug` names the kind only).
#[derive(Clone, Serialize)]
#[serde(untagged)]
pub enum ItemFields {
    Contact(Contact),
    Note(Note),
    Event(Event),
}

impl std::fmt::Debug for ItemFields {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ItemFields::{}([redacted])", self.kind().as_str())
    }
}

impl ItemFields {
    pub fn kind(&self) -> ItemKind {
        match self {
            ItemFields::Contact(_) => ItemKind::Contact,
            ItemFields::Note(_) => ItemKind::Note,
            ItemFields::Event(_) => ItemKind::Event,
        }
    }

    /// The contact's name or the note's or event's title: what lists and the journal show.
    pub fn title(&self) -> &str {
        match self {
            ItemFields::Contact(c) => &c.name,
            ItemFields::Note(n) => &n.title,
            ItemFields::Event(e) => &e.title,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ItemView {
    pub id: String,
    pub kind: &'static str,
    pub beneficiary_id: String,
    pub created_at: String,
    pub created_by: super::documents::CreatedBy,
    pub shared_with: Vec<String>,
    #[serde(flatten)]
    pub fields: ItemFields,
}

/// What the reminder scheduling needs of an event.
#[derive(Debug, Clone, Serialize)]
pub struct EventSchedule {
    pub event_id: String,
    pub beneficiary_id: String,
    /// RFC 3339 UTC.
    pub starts_at: String,
    pub starts_at_unix: i64,
    pub reminders: Vec<Reminder>,
}

/// A text field of the input: absent, `null` and blank are all "not given".
fn text<'a>(m: &'a Map<String, Value>, key: &'static str) -> Result<Option<&'a str>, InvalidInput> {
    match m.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.as_str()).filter(|s| !s.trim().is_empty())),
        Some(_) => Err(InvalidInput::new(key, "invalid")),
    }
}

fn required_line(
    m: &Map<String, Value>,
    key: &'static str,
    max: usize,
) -> Result<String, InvalidInput> {
    Ok(ShortText::parse(key, text(m, key)?.unwrap_or_default(), max)?.into_string())
}

fn optional_line(
    m: &Map<String, Value>,
    key: &'static str,
    max: usize,
) -> Result<Option<String>, InvalidInput> {
    text(m, key)?
        .map(|s| ShortText::parse(key, s, max).map(ShortText::into_string))
        .transpose()
}

/// Several lines (an address, a comment, a note): line breaks and tabs kept, other control
/// characters refused, at most `max` characters.
fn optional_lines(
    m: &Map<String, Value>,
    key: &'static str,
    max: usize,
) -> Result<Option<String>, InvalidInput> {
    let Some(raw) = text(m, key)? else {
        return Ok(None);
    };
    let s = raw.replace("\r\n", "\n").trim().to_owned();
    if s.chars().count() > max || s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(InvalidInput::new(key, "too_long"));
    }
    Ok(Some(s))
}

/// An RFC 3339 time with any offset, told back in UTC.
fn parse_starts_at(raw: Option<&str>) -> Result<(String, i64), InvalidInput> {
    let raw = raw.ok_or(InvalidInput::new("starts_at", "required"))?;
    let t = time::OffsetDateTime::parse(raw.trim(), &time::format_description::well_known::Rfc3339)
        .map_err(|_| InvalidInput::new("starts_at", "invalid_datetime"))?;
    let at = t.unix_timestamp();
    Ok((crate::clock::rfc3339(at), at))
}

fn parse_reminders(m: &Map<String, Value>) -> Result<Vec<Reminder>, InvalidInput> {
    let list = match m.get("reminders") {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(a)) => a,
        Some(_) => return Err(InvalidInput::new("reminders", "invalid_reminder")),
    };
    if list.len() > MAX_REMINDERS {
        return Err(InvalidInput::new("reminders", "too_many_reminders"));
    }
    list.iter()
        .map(|r| {
            let minutes = r
                .get("minutes_before")
                .and_then(crate::domain::json_integer)
                .and_then(|m| u64::try_from(m).ok())
                .filter(|m| *m <= MAX_MINUTES_BEFORE)
                .and_then(|m| u32::try_from(m).ok());
            let channel = match r.get("channel") {
                None | Some(Value::Null) => Some("sms"),
                Some(c) => c.as_str().filter(|c| *c == "sms"),
            };
            match (minutes, channel) {
                (Some(minutes_before), Some(c)) => Ok(Reminder {
                    minutes_before,
                    channel: c.to_owned(),
                }),
                _ => Err(InvalidInput::new("reminders", "invalid_reminder")),
            }
        })
        .collect()
}

/// Checks an item's fields as given on creation (or after a change is merged in).
pub fn parse_fields(kind: ItemKind, m: &Map<String, Value>) -> Result<ItemFields, InvalidInput> {
    Ok(match kind {
        ItemKind::Contact => ItemFields::Contact(Contact {
            name: required_line(m, "name", MAX_TITLE)?,
            phone: text(m, "phone")?
                .map(Phone::parse)
                .transpose()?
                .flatten()
                .map(|p| p.as_str().to_owned()),
            email: text(m, "email")?
                .map(Email::parse)
                .transpose()?
                .map(|e| e.as_str().to_owned()),
            address: optional_lines(m, "address", MAX_ADDRESS)?,
            comment: optional_lines(m, "comment", MAX_COMMENT)?,
        }),
        ItemKind::Note => ItemFields::Note(Note {
            title: required_line(m, "title", MAX_TITLE)?,
            body: optional_lines(m, "body", MAX_NOTE_BODY)?
                .ok_or(InvalidInput::new("body", "required"))?,
        }),
        ItemKind::Event => ItemFields::Event(Event {
            title: required_line(m, "title", MAX_TITLE)?,
            starts_at: parse_starts_at(text(m, "starts_at")?)?.0,
            location: optional_line(m, "location", MAX_TITLE)?,
            comment: optional_lines(m, "comment", MAX_COMMENT)?,
            reminders: parse_reminders(m)?,
        }),
    })
}

impl App {
    fn open_fields(&self, kind: ItemKind, o: &Opened) -> ServiceResult<ItemFields> {
        Ok(match kind {
            ItemKind::Contact => ItemFields::Contact(self.open_meta(&o.row, &o.key)?),
            ItemKind::Note => ItemFields::Note(self.open_meta(&o.row, &o.key)?),
            ItemKind::Event => ItemFields::Event(self.open_meta(&o.row, &o.key)?),
        })
    }

    fn item_view(&self, session: &Session, kind: ItemKind, o: &Opened) -> ServiceResult<ItemView> {
        Ok(ItemView {
            id: o.row.id.clone(),
            kind: kind.as_str(),
            beneficiary_id: o.row.beneficiary_id.clone(),
            created_at: crate::clock::rfc3339(o.row.created_at),
            created_by: created_by(&o.row),
            shared_with: visible_shares(session, &o.shares),
            fields: self.open_fields(kind, o)?,
        })
    }

    /// Adds a contact, note or event to safe `bid`: private when she adds it, shared with the
    /// professional's structure when a professional does.
    pub async fn create_item(
        &self,
        session: &Session,
        bid: &str,
        kind: ItemKind,
        input: &Map<String, Value>,
    ) -> ServiceResult<ItemView> {
        let bid = parse_id(bid)?;
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
        let (id, key) = (new_id(), Key32::random());
        let wraps = self.new_item_wraps(session, &bid, &id, &key, &account_public, &relays)?;
        let row = new_item_row(
            session,
            &bid,
            &id,
            kind.as_str(),
            self.seal_meta(&key, &bid, &id, &fields),
            wraps,
            self.now(),
        );
        let shares = self
            .insert_item(session, &row, &key, &format!("{}_created", kind.as_str()))
            .await?;
        if kind == ItemKind::Event {
            self.schedule_event_reminders(session, &row.id).await?;
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
        bid: &str,
        kind: ItemKind,
    ) -> ServiceResult<Vec<ItemView>> {
        let mut out = self
            .visible_items(session, bid, kind.as_str())
            .await?
            .iter()
            .map(|o| self.item_view(session, kind, o))
            .collect::<ServiceResult<Vec<_>>>()?;
        match kind {
            ItemKind::Contact => out.sort_by_key(|v| v.fields.title().to_lowercase()),
            ItemKind::Note => {}
            ItemKind::Event => out.sort_by(|a, b| match (&a.fields, &b.fields) {
                (ItemFields::Event(x), ItemFields::Event(y)) => x.starts_at.cmp(&y.starts_at),
                _ => std::cmp::Ordering::Equal,
            }),
        }
        Ok(out)
    }

    /// One page of her contacts, notes or events, in `list_items`' order. Notes (newest first)
    /// are read by the page in SQL; contacts (by name) and events (by start) are ordered by
    /// sealed fields the database cannot sort, so they are all opened and the page cut after.
    pub async fn items_page(
        &self,
        session: &Session,
        bid: &str,
        kind: ItemKind,
        page: PageNumber,
    ) -> ServiceResult<Page<ItemView>> {
        if kind != ItemKind::Note {
            return Ok(Page::slice(
                self.list_items(session, bid, kind).await?,
                page,
            ));
        }
        let (opened, has_next) = self
            .visible_page(session, bid, kind.as_str(), items::FolderFilter::Any, page)
            .await?;
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
        id: &str,
    ) -> ServiceResult<ItemView> {
        let (o, view) = self.opened_view(session, kind, id, Action::View).await?;
        let action: &'static str = match kind {
            ItemKind::Contact => "contact_viewed",
            ItemKind::Note => "note_viewed",
            ItemKind::Event => "event_viewed",
        };
        self.journal_access(session, &o, action).await?;
        Ok(view)
    }

    /// One item as its owner changes it (forms, shares): not journaled as a view.
    pub async fn item_for_edit(
        &self,
        session: &Session,
        kind: ItemKind,
        id: &str,
    ) -> ServiceResult<ItemView> {
        Ok(self.opened_view(session, kind, id, Action::Update).await?.1)
    }

    async fn opened_view(
        &self,
        session: &Session,
        kind: ItemKind,
        id: &str,
        action: Action,
    ) -> ServiceResult<(Opened, ItemView)> {
        let o = self.open_item(session, id, action, kind.as_str()).await?;
        let view = self.item_view(session, kind, &o)?;
        Ok((o, view))
    }

    /// Changes the fields `patch` names (`null` clears an optional one); the result is checked
    /// like a new item.
    pub async fn update_item(
        &self,
        session: &Session,
        kind: ItemKind,
        id: &str,
        patch: &Map<String, Value>,
    ) -> ServiceResult<ItemView> {
        let o = self
            .open_item(session, id, Action::Update, kind.as_str())
            .await?;
        let current = self.open_fields(kind, &o)?;
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
        let sealed = self.seal_meta(&o.key, &o.row.beneficiary_id, &o.row.id, &fields);
        let now = self.now();
        self.journaled_change(session, &o, "updated", move |tx, iid| {
            items::update_meta(tx, iid, &sealed, None, None, now)?;
            Ok(())
        })
        .await?;
        if kind == ItemKind::Event {
            // A new time or new delays: the reminders not sent yet are planned again.
            self.schedule_event_reminders(session, id).await?;
        }
        self.item_for_edit(session, kind, id).await
    }

    /// Deletes an item for good (its shares go with it).
    pub async fn delete_item(
        &self,
        session: &Session,
        kind: ItemKind,
        id: &str,
    ) -> ServiceResult<()> {
        let o = self
            .open_item(session, id, Action::Update, kind.as_str())
            .await?;
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
        F: FnOnce(&mut dyn Sql, &str) -> ServiceResult<()> + Send + 'static,
    {
        let actor = actor_of(session, o.via.as_deref());
        let (bid, iid, kind, now) = (
            o.row.beneficiary_id.clone(),
            o.row.id.clone(),
            o.row.kind.clone(),
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
                Some((&kind, &iid)),
                true,
            )
        })
        .await
    }

    /// Names of her contacts and titles of her notes and events by id, for her journal.
    pub async fn item_titles(
        &self,
        session: &Session,
        bid: &str,
    ) -> ServiceResult<Vec<(String, String)>> {
        let mut out = Vec::new();
        for kind in ItemKind::ALL {
            for o in self.visible_items(session, bid, kind.as_str()).await? {
                out.push((
                    o.row.id.clone(),
                    self.open_fields(kind, &o)?.title().to_owned(),
                ));
            }
        }
        Ok(out)
    }

    /// When an event starts and the reminders she chose, for the reminder scheduling. The
    /// fields are sealed under the item key: this needs a session that may view the event
    /// (hers, or a professional's it is shared with), so schedule when it is created or changed.
    pub async fn event_schedule(
        &self,
        session: &Session,
        id: &str,
    ) -> ServiceResult<EventSchedule> {
        let o = self.open_item(session, id, Action::View, "event").await?;
        match self.open_fields(ItemKind::Event, &o)? {
            ItemFields::Event(e) => {
                let (starts_at, starts_at_unix) = parse_starts_at(Some(&e.starts_at))?;
                Ok(EventSchedule {
                    event_id: o.row.id.clone(),
                    beneficiary_id: o.row.beneficiary_id.clone(),
                    starts_at,
                    starts_at_unix,
                    reminders: e.reminders,
                })
            }
            _ => Err(ServiceError::Internal("event fields")),
        }
    }
}
