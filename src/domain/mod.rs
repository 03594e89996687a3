//! Validated domain types: parse, don't validate. No IO here.

pub mod benefits;
pub mod certification;
mod csv;
mod followup;
mod identity;
mod ids;
mod items;
pub mod licence;
mod password;
pub mod procedures;
mod proofs;
mod question;

pub use csv::{CsvError, CsvRecord, parse_csv};
pub use followup::{FIXED_SUBJECTS, FollowupStatus, Medium, SubjectCode, parse_day};
pub use identity::{
    AccountKind, BirthDate, Email, Identifier, Language, PersonName, Phone, ShortText, StaffRole,
    StructureKind, TypedIdentifier, search_key,
};
pub use ids::{
    AccountId, BeneficiaryId, FolderId, FollowupId, Id, ItemId, MalformedId, MessageId, NewsId,
    StructureId, ThreadId,
};
pub use items::{DocumentType, FolderPictogram, ItemKind};
pub use password::{Password, PasswordRejection, WordList, generate_passphrase};
pub use proofs::{
    DomiciliationKind, Shelter, StructureCategory, domiciliation_period, iso_day, parse_iso_day,
};
pub use question::{SecurityAnswer, SecurityQuestion};

/// Why an input was refused; the web layer turns the code into a translated message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {code}")]
pub struct InvalidInput {
    pub field: &'static str,
    pub code: &'static str,
}

impl InvalidInput {
    pub fn new(field: &'static str, code: &'static str) -> Self {
        Self { field, code }
    }
}

/// A whole number sent as JSON: `15` or `15.0` alike, since JSON (and JSON Schema's
/// `integer`) does not tell them apart; `15.5`, strings and out-of-range values are not.
pub fn json_integer(v: &serde_json::Value) -> Option<i64> {
    v.as_i64().or_else(|| {
        v.as_f64()
            .filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15)
            .map(|f| f as i64)
    })
}
