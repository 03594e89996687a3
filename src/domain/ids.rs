//! Ids as types: a beneficiary's id, a structure's, an item's... are each their own type, so a
//! use case that expects one cannot be handed another (the compiler refuses it; see
//! [`BeneficiaryId`]).
//!
//! Every id is a random UUID generated in Rust (`generate`) and stored as its canonical
//! text (`xxxxxxxx-xxxx-4xxx-...`, lower case): the types change nothing in the database. They
//! are made at the boundaries: `parse` for what a caller sends (a URL, a request body), which
//! accepts any spelling of a UUID and keeps the canonical one (anything else is
//! [`MalformedId`], answered as not found), and `stored` for what a row holds (written by us,
//! so not checked again).

use std::fmt;

/// A text that is not a UUID, where an id was expected: for the caller, nothing by that id
/// exists (the service answers it as not found).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not an id")]
pub struct MalformedId;

/// What the store needs of every id type: bind it, decode it (see `store::Row::id`).
pub trait Id: Sized {
    /// An id as a row holds it (we wrote it: not checked again).
    fn stored(raw: String) -> Self;
    fn as_str(&self) -> &str;
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Debug, serde::Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// An id sent by a caller: any spelling of a UUID, kept in its canonical form.
            pub fn parse(raw: &str) -> Result<Self, MalformedId> {
                uuid::Uuid::parse_str(raw)
                    .map(|u| Self(u.to_string()))
                    .map_err(|_| MalformedId)
            }
            /// An id as a row holds it (we wrote it: not checked again).
            pub fn stored(raw: String) -> Self {
                Self(raw)
            }
            /// A new random id.
            pub fn generate() -> Self {
                Self(uuid::Uuid::new_v4().to_string())
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl Id for $name {
            fn stored(raw: String) -> Self {
                Self(raw)
            }
            fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// A person's safe (`beneficiaries.id`), not her account.
    ///
    /// A structure's id is not a beneficiary's: this does not compile.
    /// ```compile_fail
    /// use consigne::domain::{BeneficiaryId, StructureId};
    /// fn open_safe(_: &BeneficiaryId) {}
    /// open_safe(&StructureId::generate());
    /// ```
    /// while this does:
    /// ```
    /// use consigne::domain::BeneficiaryId;
    /// fn open_safe(_: &BeneficiaryId) {}
    /// open_safe(&BeneficiaryId::generate());
    /// ```
    BeneficiaryId
);
id_type!(
    /// A structure (`structures.id`): a relais or a mediation structure.
    StructureId
);
id_type!(
    /// One of her folders (`folders.id`).
    FolderId
);
id_type!(
    /// An account (`accounts.id`): a person's, a professional's or the operator's login.
    AccountId
);
id_type!(
    /// An item of a safe (`items.id`): a document, a contact, a note or an event.
    ItemId
);
id_type!(
    /// A follow-up (interview report) a structure wrote about a person (`followups.id`).
    FollowupId
);
id_type!(
    /// A structure's news, posted to the people it follows (`structure_news.id`).
    NewsId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_accepts_any_spelling_of_a_uuid_and_keeps_the_canonical_one() {
        let canonical = "67e55044-10b1-426f-9247-bb680e5fe0c8";
        for raw in [
            canonical,
            "67E55044-10B1-426F-9247-BB680E5FE0C8",
            "67e5504410b1426f9247bb680e5fe0c8",
        ] {
            assert_eq!(
                BeneficiaryId::parse(raw).map(BeneficiaryId::into_string),
                Ok(canonical.to_owned())
            );
        }
        for raw in ["", "not-a-uuid", "67e55044-10b1-426f-9247", "../x"] {
            assert_eq!(StructureId::parse(raw), Err(MalformedId), "{raw}");
        }
    }

    #[test]
    fn generated_ids_are_canonical_and_stored_ids_are_kept_as_written() {
        let id = StructureId::generate();
        assert_eq!(StructureId::parse(id.as_str()), Ok(id.clone()));
        assert_eq!(id.to_string(), id.as_str());
        assert_eq!(BeneficiaryId::stored("b1".into()).as_str(), "b1");
        assert_eq!(
            serde_json::to_string(&BeneficiaryId::stored("b1".into())).ok(),
            Some("\"b1\"".to_owned())
        );
    }
}
