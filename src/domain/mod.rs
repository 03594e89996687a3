//! Validated domain types: parse, don't validate. No IO here.

mod identity;
mod password;

pub use identity::{
    BirthDate, Email, Identifier, Language, PersonName, Phone, ShortText, StaffRole, StructureKind,
};
pub use password::{Password, PasswordRejection, generate_passphrase};

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
