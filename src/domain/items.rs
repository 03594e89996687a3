//! The kinds of item a safe holds: her documents and her organizer's contacts, notes and events;
//! the pictograms of the folders a new safe starts with.

use super::InvalidInput;

/// An item's kind: the `items.kind` column, the journal's target kind, the prefix of its
/// journal actions and the `kind` of its JSON views (`document`, `contact`, `note`, `event`,
/// `simulation`: a benefit simulation, its input and results sealed like a note's fields).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    Document,
    Contact,
    Note,
    Event,
    Simulation,
}

impl ItemKind {
    /// The kinds the organizer holds (everything but documents).
    pub const ORGANIZER: [ItemKind; 3] = [ItemKind::Contact, ItemKind::Note, ItemKind::Event];

    pub fn parse(raw: &str) -> Result<Self, InvalidInput> {
        match raw {
            "document" => Ok(Self::Document),
            "contact" => Ok(Self::Contact),
            "note" => Ok(Self::Note),
            "event" => Ok(Self::Event),
            "simulation" => Ok(Self::Simulation),
            _ => Err(InvalidInput::new("kind", "invalid_kind")),
        }
    }

    /// The `items.kind` value, the journal's target kind and the actions' prefix.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Document => "document",
            Self::Contact => "contact",
            Self::Note => "note",
            Self::Event => "event",
            Self::Simulation => "simulation",
        }
    }

    /// The path segment of the API and the pages.
    pub fn plural(self) -> &'static str {
        match self {
            Self::Document => "documents",
            Self::Contact => "contacts",
            Self::Note => "notes",
            Self::Event => "events",
            Self::Simulation => "simulations",
        }
    }
}

/// The pictogram of a ready-made folder: a new safe starts with one folder of each (named in
/// her language; she may rename or delete them), and the pictogram stays with the folder when
/// she renames it. Sealed with the folder's name, like it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FolderPictogram {
    Identity,
    Health,
    Housing,
    Income,
    Family,
    Other,
}

impl FolderPictogram {
    /// The ready-made folders, in the order they are listed.
    pub const READY_MADE: [FolderPictogram; 6] = [
        Self::Identity,
        Self::Health,
        Self::Housing,
        Self::Income,
        Self::Family,
        Self::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Identity => "identity",
            Self::Health => "health",
            Self::Housing => "housing",
            Self::Income => "income",
            Self::Family => "family",
            Self::Other => "other",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::READY_MADE.into_iter().find(|p| p.as_str() == raw)
    }
}

impl std::fmt::Display for ItemKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::{FolderPictogram, ItemKind};

    #[test]
    fn pictograms_round_trip() {
        for p in FolderPictogram::READY_MADE {
            assert_eq!(FolderPictogram::parse(p.as_str()), Some(p));
            assert_eq!(
                serde_json::to_value(p).ok(),
                Some(serde_json::Value::from(p.as_str()))
            );
        }
        assert_eq!(FolderPictogram::parse("secret"), None);
    }

    #[test]
    fn kinds_round_trip() {
        for kind in [
            ItemKind::Document,
            ItemKind::Contact,
            ItemKind::Note,
            ItemKind::Event,
            ItemKind::Simulation,
        ] {
            assert_eq!(ItemKind::parse(kind.as_str()), Ok(kind));
            assert_eq!(
                serde_json::to_value(kind).ok(),
                Some(serde_json::Value::from(kind.as_str()))
            );
        }
        assert!(ItemKind::parse("folder").is_err());
        assert!(!ItemKind::ORGANIZER.contains(&ItemKind::Document));
        assert!(!ItemKind::ORGANIZER.contains(&ItemKind::Simulation));
    }
}
