//! What a contact, a note or an event holds, checked as it is given (`parse_fields`) and
//! opened from an item's sealed metadata (`open_fields`). Her own words are never logged.

pub use crate::domain::ItemKind;
use crate::domain::{Email, InvalidInput, Phone, ShortText};
use crate::service::items::open::Opened;
use crate::service::items::seal::open_meta;
use crate::service::{App, ServiceResult};
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

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
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

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub title: String,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reminder {
    pub minutes_before: u32,
    pub channel: String,
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Clone, PartialEq, Eq, Serialize)]
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
pub(crate) fn parse_starts_at(raw: Option<&str>) -> Result<(String, i64), InvalidInput> {
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
        // Documents, simulations and procedures are not organizer items: their fields are their own.
        ItemKind::Document | ItemKind::Simulation | ItemKind::Procedure => {
            return Err(InvalidInput::new("kind", "invalid_kind"));
        }
    })
}

pub(crate) fn open_fields(app: &App, kind: ItemKind, o: &Opened) -> ServiceResult<ItemFields> {
    Ok(match kind {
        ItemKind::Contact => ItemFields::Contact(open_meta(app, &o.row, &o.key)?),
        ItemKind::Note => ItemFields::Note(open_meta(app, &o.row, &o.key)?),
        ItemKind::Event => ItemFields::Event(open_meta(app, &o.row, &o.key)?),
        ItemKind::Document | ItemKind::Simulation | ItemKind::Procedure => {
            return Err(crate::service::ServiceError::NotFound);
        }
    })
}
