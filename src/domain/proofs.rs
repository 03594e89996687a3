//! What the papers a structure gives are made of (issue 16): what a structure is in law (its
//! `StructureCategory`, and the housing it runs, `Shelter`), and the dates of a domiciliation
//! (décret 2016-641: granted for one year; a renewal continues the previous one).

use super::InvalidInput;
use time::{Date, Duration, Month};

/// What a structure is in law, for the papers it signs: a CCAS or CIAS domiciles people by law;
/// an association only with a prefect's approval (its number and prefecture are printed on the
/// cerfas, for associations only, as DomiFa does).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StructureCategory {
    Ccas,
    Cias,
    Association,
    Other,
}

impl StructureCategory {
    pub const ALL: [StructureCategory; 4] =
        [Self::Ccas, Self::Cias, Self::Association, Self::Other];

    pub fn parse(raw: &str) -> Result<Self, InvalidInput> {
        Self::ALL
            .into_iter()
            .find(|c| c.as_str() == raw)
            .ok_or(InvalidInput::new("category", "invalid_kind"))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ccas => "ccas",
            Self::Cias => "cias",
            Self::Association => "association",
            Self::Other => "other",
        }
    }

    /// It may domicile people (an association: with the approval it states in its profile).
    pub fn domiciles(self) -> bool {
        !matches!(self, Self::Other)
    }
}

/// The housing a structure runs: it may then certify that it hosts someone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Shelter {
    /// Centre d'hébergement et de réinsertion sociale.
    Chrs,
    /// Centre d'hébergement d'urgence.
    Chu,
    /// Hotel rooms paid by the State or the département.
    Hotel,
}

impl Shelter {
    pub const ALL: [Shelter; 3] = [Self::Chrs, Self::Chu, Self::Hotel];

    pub fn parse(raw: &str) -> Result<Self, InvalidInput> {
        Self::ALL
            .into_iter()
            .find(|c| c.as_str() == raw)
            .ok_or(InvalidInput::new("shelter", "invalid_kind"))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Chrs => "chrs",
            Self::Chu => "chu",
            Self::Hotel => "hotel",
        }
    }
}

/// A first request or a renewal (the box ticked on cerfa 16029).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DomiciliationKind {
    First,
    Renewal,
}

impl DomiciliationKind {
    pub fn parse(raw: &str) -> Result<Self, InvalidInput> {
        match raw {
            "first" => Ok(Self::First),
            "renewal" => Ok(Self::Renewal),
            _ => Err(InvalidInput::new("kind", "invalid_kind")),
        }
    }
}

/// A calendar day as forms and the API write it (`YYYY-MM-DD`), for field `field`.
pub fn parse_iso_day(field: &'static str, raw: &str) -> Result<Date, InvalidInput> {
    let f = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(raw.trim(), &f).map_err(|_| InvalidInput::new(field, "invalid_date"))
}

/// `YYYY-MM-DD`.
pub fn iso_day(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// The same day one year later (28 February for a 29 February).
fn plus_one_year(d: Date) -> Date {
    let year = d.year() + 1;
    Date::from_calendar_date(year, d.month(), d.day())
        .or_else(|_| Date::from_calendar_date(year, Month::February, 28))
        .unwrap_or(d)
}

/// The validity of a granted domiciliation decided on `decision_on`: one year minus one day
/// from its start. It starts on the decision day, except a renewal decided while the previous
/// domiciliation (`previous_ends_on`) still runs: it then starts the day after that one ends,
/// so the person is never left without an address nor given two overlapping years.
pub fn domiciliation_period(
    kind: DomiciliationKind,
    decision_on: Date,
    previous_ends_on: Option<Date>,
) -> (Date, Date) {
    let start = match (kind, previous_ends_on) {
        (DomiciliationKind::Renewal, Some(end)) if end >= decision_on => {
            end.next_day().unwrap_or(end)
        }
        _ => decision_on,
    };
    let end = plus_one_year(start)
        .checked_sub(Duration::days(1))
        .unwrap_or(start);
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn a_first_domiciliation_runs_one_year_minus_one_day() {
        assert_eq!(
            domiciliation_period(DomiciliationKind::First, date!(2026 - 03 - 15), None),
            (date!(2026 - 03 - 15), date!(2027 - 03 - 14))
        );
        assert_eq!(
            domiciliation_period(DomiciliationKind::First, date!(2028 - 02 - 29), None),
            (date!(2028 - 02 - 29), date!(2029 - 02 - 27))
        );
        assert_eq!(
            domiciliation_period(DomiciliationKind::First, date!(2026 - 01 - 01), None),
            (date!(2026 - 01 - 01), date!(2026 - 12 - 31))
        );
    }

    #[test]
    fn a_renewal_continues_a_running_domiciliation_else_starts_on_its_decision() {
        let running = Some(date!(2027 - 03 - 14));
        assert_eq!(
            domiciliation_period(DomiciliationKind::Renewal, date!(2027 - 01 - 20), running),
            (date!(2027 - 03 - 15), date!(2028 - 03 - 14))
        );
        // Decided on the last day: still running that day.
        assert_eq!(
            domiciliation_period(DomiciliationKind::Renewal, date!(2027 - 03 - 14), running),
            (date!(2027 - 03 - 15), date!(2028 - 03 - 14))
        );
        // Lapsed: the new year starts on the decision day.
        assert_eq!(
            domiciliation_period(DomiciliationKind::Renewal, date!(2027 - 05 - 02), running),
            (date!(2027 - 05 - 02), date!(2028 - 05 - 01))
        );
        // A first request ignores what came before.
        assert_eq!(
            domiciliation_period(DomiciliationKind::First, date!(2027 - 01 - 20), running),
            (date!(2027 - 01 - 20), date!(2028 - 01 - 19))
        );
    }

    #[test]
    fn categories_and_shelters_round_trip() {
        for c in StructureCategory::ALL {
            assert_eq!(StructureCategory::parse(c.as_str()), Ok(c));
        }
        for s in Shelter::ALL {
            assert_eq!(Shelter::parse(s.as_str()), Ok(s));
        }
        assert!(StructureCategory::parse("ministry").is_err());
        assert!(!StructureCategory::Other.domiciles());
    }
}
