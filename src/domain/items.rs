//! The kinds of item a safe holds: her documents and her organizer's contacts, notes and events;
//! the pictograms of the folders a new safe starts with.

use super::InvalidInput;

/// An item's kind: the `items.kind` column, the journal's target kind, the prefix of its
/// journal actions and the `kind` of its JSON views (`document`, `contact`, `note`, `event`,
/// `simulation`: a benefit simulation, its input and results sealed like a note's fields;
/// `procedure`: a procedure she goes through, its code, statuses and deadline sealed alike).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    Document,
    Contact,
    Note,
    Event,
    Simulation,
    Procedure,
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
            "procedure" => Ok(Self::Procedure),
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
            Self::Procedure => "procedure",
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
            Self::Procedure => "procedures",
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

/// What a paper is (identity card, passport, payslip...): chosen when she adds it or later,
/// sealed with its name (never a clear column: the operator must not learn that she has a
/// residence permit). Its code is the `type` of the API's documents; each has a Fluent label
/// (`paper-<code>`), a pictogram of its own, and says whether such a paper normally carries an
/// end date (then the pages ask for one).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum DocumentType {
    IdentityCard,
    Passport,
    /// A residence permit, or the receipt (récépissé) of its application.
    ResidencePermit,
    BirthCertificate,
    FamilyRecordBook,
    DomiciliationCertificate,
    /// A proof of address, or a hosting certificate.
    ProofOfAddress,
    /// Bank details (RIB).
    BankDetails,
    TaxNotice,
    Payslip,
    FranceTravailCertificate,
    CafCertificate,
    HealthCoverCertificate,
    CarteVitale,
    Medical,
    /// Anything else; the type of every document added before types existed.
    #[default]
    Other,
}

impl DocumentType {
    /// Every type, in the order the forms offer them.
    pub const ALL: [DocumentType; 16] = [
        Self::IdentityCard,
        Self::Passport,
        Self::ResidencePermit,
        Self::BirthCertificate,
        Self::FamilyRecordBook,
        Self::DomiciliationCertificate,
        Self::ProofOfAddress,
        Self::BankDetails,
        Self::TaxNotice,
        Self::Payslip,
        Self::FranceTravailCertificate,
        Self::CafCertificate,
        Self::HealthCoverCertificate,
        Self::CarteVitale,
        Self::Medical,
        Self::Other,
    ];

    /// The code: the API's `type`, the forms' value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::IdentityCard => "identity_card",
            Self::Passport => "passport",
            Self::ResidencePermit => "residence_permit",
            Self::BirthCertificate => "birth_certificate",
            Self::FamilyRecordBook => "family_record_book",
            Self::DomiciliationCertificate => "domiciliation_certificate",
            Self::ProofOfAddress => "proof_of_address",
            Self::BankDetails => "bank_details",
            Self::TaxNotice => "tax_notice",
            Self::Payslip => "payslip",
            Self::FranceTravailCertificate => "france_travail_certificate",
            Self::CafCertificate => "caf_certificate",
            Self::HealthCoverCertificate => "health_cover_certificate",
            Self::CarteVitale => "carte_vitale",
            Self::Medical => "medical",
            Self::Other => "other",
        }
    }

    /// A code sent by a form or a client; an unknown one is refused (field `type`).
    pub fn parse(raw: &str) -> Result<Self, InvalidInput> {
        let raw = raw.trim();
        Self::ALL
            .into_iter()
            .find(|t| t.as_str() == raw)
            .ok_or(InvalidInput::new("type", "invalid"))
    }

    /// The Fluent id of its label (`paper-identity-card`...).
    pub fn label_id(self) -> String {
        format!("paper-{}", self.as_str().replace('_', "-"))
    }

    /// The name of its pictogram (`web/pages/icons.rs`): one per type.
    pub fn pictogram(self) -> &'static str {
        match self {
            Self::IdentityCard => "id-card",
            Self::Passport => "passport",
            Self::ResidencePermit => "residence-permit",
            Self::BirthCertificate => "birth",
            Self::FamilyRecordBook => "family-book",
            Self::DomiciliationCertificate => "mailbox",
            Self::ProofOfAddress => "house",
            Self::BankDetails => "bank",
            Self::TaxNotice => "tax",
            Self::Payslip => "money",
            Self::FranceTravailCertificate => "briefcase",
            Self::CafCertificate => "people",
            Self::HealthCoverCertificate => "shield",
            Self::CarteVitale => "chip-card",
            Self::Medical => "health",
            Self::Other => "paper",
        }
    }

    /// Such a paper normally carries an end date (identity card, passport, residence permit
    /// or its receipt, domiciliation certificate, health cover certificate): the forms ask
    /// for it, so that she is reminded before it runs out. A payslip, a tax notice or a birth
    /// certificate is dated but does not expire.
    pub fn expires(self) -> bool {
        matches!(
            self,
            Self::IdentityCard
                | Self::Passport
                | Self::ResidencePermit
                | Self::DomiciliationCertificate
                | Self::HealthCoverCertificate
        )
    }
}

impl std::fmt::Display for ItemKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::{DocumentType, FolderPictogram, ItemKind};

    #[test]
    fn document_types_round_trip_with_distinct_pictograms() {
        let mut pictograms = std::collections::HashSet::new();
        for t in DocumentType::ALL {
            assert_eq!(DocumentType::parse(t.as_str()), Ok(t));
            assert_eq!(
                serde_json::to_value(t).ok(),
                Some(serde_json::Value::from(t.as_str()))
            );
            assert!(
                pictograms.insert(t.pictogram()),
                "{t:?} shares its pictogram"
            );
        }
        assert_eq!(
            DocumentType::parse("secret"),
            Err(super::InvalidInput::new("type", "invalid"))
        );
        assert_eq!(DocumentType::default(), DocumentType::Other);
        assert_eq!(
            DocumentType::ResidencePermit.label_id(),
            "paper-residence-permit"
        );
        assert!(DocumentType::Passport.expires() && !DocumentType::Payslip.expires());
    }

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
            ItemKind::Procedure,
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
        assert!(!ItemKind::ORGANIZER.contains(&ItemKind::Procedure));
    }
}
