//! A follow-up's fixed lists: how the person was met (`Medium`), where the work stands
//! (`FollowupStatus`) and the subjects every structure starts with (`FIXED_SUBJECTS`; a
//! structure adds its own, `SubjectCode`). Codes are what the database, the API and the
//! statistics use; the pages name them through the catalogues (`followup-medium-<code>`...).

use super::InvalidInput;

macro_rules! code_enum {
    ($(#[$doc:meta])* $name:ident, $field:literal, [$($variant:ident = $code:literal),+ $(,)?]) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn parse(raw: &str) -> Result<Self, InvalidInput> {
                match raw {
                    $($code => Ok(Self::$variant),)+
                    _ => Err(InvalidInput::new($field, "invalid")),
                }
            }

            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $code),+ }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

code_enum!(
    /// How the person and the professional met (or wrote to each other).
    Medium, "medium", [
        PlannedMeeting = "planned_meeting",
        WalkIn = "walk_in",
        Phone = "phone",
        HomeVisit = "home_visit",
        OutsideAppointment = "outside_appointment",
        Mail = "mail",
        Email = "email",
        Video = "video",
        ThirdParty = "third_party",
    ]
);

code_enum!(
    /// Where the work the follow-up records stands.
    FollowupStatus, "status", [
        Todo = "todo",
        InProgress = "in_progress",
        Done = "done",
    ]
);

/// The subjects every structure starts with (codes).
pub const FIXED_SUBJECTS: &[&str] = &[
    "housing",
    "domiciliation",
    "resources",
    "employment",
    "health",
    "administrative",
    "residence_permit",
    "family",
    "justice",
    "food",
    "mobility",
    "digital",
    "other",
];

/// A subject's code: one of `FIXED_SUBJECTS`, or a structure's own (`x-` and 8 hex digits,
/// made when the structure adds it).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct SubjectCode(String);

impl SubjectCode {
    pub fn parse(raw: &str) -> Result<Self, InvalidInput> {
        let own = raw.strip_prefix("x-").is_some_and(|h| {
            h.len() == 8
                && h.bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        });
        if FIXED_SUBJECTS.contains(&raw) || own {
            Ok(Self(raw.to_owned()))
        } else {
            Err(InvalidInput::new("subjects", "invalid"))
        }
    }

    /// A new code for a subject a structure adds.
    pub fn generate() -> Self {
        let n: u32 = rand_u32();
        Self(format!("x-{n:08x}"))
    }

    /// Whether it is one of the fixed list (else a structure's own).
    pub fn is_fixed(&self) -> bool {
        FIXED_SUBJECTS.contains(&self.0.as_str())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn rand_u32() -> u32 {
    let b = uuid::Uuid::new_v4().into_bytes();
    u32::from_be_bytes([b[0], b[1], b[2], b[3]])
}

/// A calendar day `YYYY-MM-DD` (a real one), as sent by a form or the API.
pub fn parse_day(field: &'static str, raw: &str) -> Result<String, InvalidInput> {
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(raw.trim(), &fmt)
        .map(|d| d.to_string())
        .map_err(|_| InvalidInput::new(field, "invalid"))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_strangers_are_refused() {
        for m in Medium::ALL {
            assert_eq!(Medium::parse(m.as_str()).unwrap(), *m);
        }
        assert_eq!(Medium::ALL.len(), 9);
        assert!(Medium::parse("carrier_pigeon").is_err());
        assert!(FollowupStatus::parse("done").is_ok());
        assert!(FollowupStatus::parse("finished").is_err());
        assert!(SubjectCode::parse("housing").unwrap().is_fixed());
        let own = SubjectCode::generate();
        assert!(!own.is_fixed());
        assert_eq!(SubjectCode::parse(own.as_str()).unwrap(), own);
        assert!(SubjectCode::parse("x-zz").is_err());
        assert!(SubjectCode::parse("<script>").is_err());
        assert_eq!(parse_day("date", "2026-12-02").unwrap(), "2026-12-02");
        assert!(parse_day("date", "2026-02-30").is_err());
    }
}
