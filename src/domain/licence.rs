//! Annual licences (issue 18, item 2): the fee a structure pays for a year, priced on the
//! budget it declares. fee = clamp(rate × budget, floor, cap), computed in whole cents (no
//! floating point anywhere), rounded to the nearest cent; a mediation structure (library,
//! public digital space) pays nothing. The floor, cap and rate come from `[licences]`.

use super::{InvalidInput, StructureKind};

/// One million: rates are counted in millionths of the budget (0.1 % = 1 000).
const MILLION: i128 = 1_000_000;

/// How the fee is priced: amounts in cents, the rate in millionths of the budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pricing {
    pub floor_cents: i64,
    pub cap_cents: i64,
    pub rate_millionths: i64,
}

impl Pricing {
    /// From the configuration's euros and rate (see [`parse_rate`]); refuses a cap below the
    /// floor and a rate above 100 %.
    pub fn new(floor_eur: u32, cap_eur: u32, rate: &str) -> Result<Self, InvalidInput> {
        let rate_millionths = parse_rate(rate)?;
        if cap_eur < floor_eur {
            return Err(InvalidInput::new("cap_eur", "below_floor"));
        }
        Ok(Self {
            floor_cents: i64::from(floor_eur) * 100,
            cap_cents: i64::from(cap_eur) * 100,
            rate_millionths,
        })
    }

    /// The annual fee, in cents, of a structure of `kind` declaring `budget_cents` a year.
    pub fn fee_cents(&self, kind: StructureKind, budget_cents: i64) -> i64 {
        match kind {
            StructureKind::Mediation => 0,
            StructureKind::Relay => {
                let raw = (i128::from(budget_cents.max(0)) * i128::from(self.rate_millionths)
                    + MILLION / 2)
                    / MILLION;
                i64::try_from(raw)
                    .unwrap_or(i64::MAX)
                    .clamp(self.floor_cents, self.cap_cents)
            }
        }
    }
}

/// A rate as the configuration writes it: a decimal percent (`0.1%`, `0.1`, at most four
/// decimals) or basis points (`10bp`). Returns millionths of the budget (0.1 % = 1 000).
pub fn parse_rate(raw: &str) -> Result<i64, InvalidInput> {
    let bad = || InvalidInput::new("rate", "invalid_rate");
    let raw = raw.trim();
    let millionths = if let Some(bp) = raw.strip_suffix("bp") {
        let bp = parse_decimal(bp.trim(), 0).ok_or_else(bad)?;
        bp.checked_mul(100).ok_or_else(bad)?
    } else {
        // A percent with four decimals is a whole number of millionths.
        parse_decimal(raw.strip_suffix('%').unwrap_or(raw).trim(), 4).ok_or_else(bad)?
    };
    if millionths > MILLION as i64 {
        return Err(bad());
    }
    Ok(millionths)
}

/// `digits[.decimals]` (at most `scale` decimals, no sign, no exponent) as a whole number of
/// 10^-`scale` units: `"12.5"` at scale 2 is 1 250. `None` for anything else.
pub fn parse_decimal(raw: &str, scale: u32) -> Option<i64> {
    let (int, frac) = match raw.split_once('.') {
        Some((_, "")) => return None,
        Some((i, f)) => (i, f),
        None => (raw, ""),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || int.len() > 15 || !digits(int) || !digits(frac) {
        return None;
    }
    let places = u32::try_from(frac.len()).ok().filter(|p| *p <= scale)?;
    let whole: i64 = int.parse().ok()?;
    let part: i64 = if frac.is_empty() {
        0
    } else {
        frac.parse().ok()?
    };
    whole
        .checked_mul(10i64.checked_pow(scale)?)?
        .checked_add(part.checked_mul(10i64.checked_pow(scale - places)?)?)
}

/// The most a declared budget may be: ten billion euros, in cents.
pub const MAX_BUDGET_CENTS: i64 = 1_000_000_000_000;

/// An amount in euros as people and the API write it (`450000`, `450000.5`, two decimals at
/// most; a JSON number's text) as cents.
pub fn parse_euros(field: &'static str, raw: &str) -> Result<i64, InvalidInput> {
    parse_decimal(raw.trim(), 2)
        .filter(|c| *c <= MAX_BUDGET_CENTS)
        .ok_or_else(|| InvalidInput::new(field, "invalid_amount"))
}

/// Cents as euros with two decimals (`1234.5` euros is `"1234.50"`), as pages and the API
/// show amounts.
pub fn euros(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let c = cents.unsigned_abs();
    format!("{sign}{}.{:02}", c / 100, c % 100)
}

/// Where a structure's convention with the operator stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConventionStatus {
    Draft,
    Signed,
    Ended,
}

impl ConventionStatus {
    pub const ALL: [Self; 3] = [Self::Draft, Self::Signed, Self::Ended];

    pub fn parse(raw: &str) -> Result<Self, InvalidInput> {
        match raw.trim() {
            "draft" => Ok(Self::Draft),
            "signed" => Ok(Self::Signed),
            "ended" => Ok(Self::Ended),
            _ => Err(InvalidInput::new("status", "unknown_status")),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Signed => "signed",
            Self::Ended => "ended",
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn eur(e: i64) -> i64 {
        e * 100
    }

    /// The acceptance table of issue 18, then other floors, caps and rates.
    #[test]
    fn the_fee_is_the_rate_of_the_budget_between_floor_and_cap() {
        let default = Pricing::new(300, 1_900, "0.1%").unwrap();
        let relay = StructureKind::Relay;
        for (budget, fee) in [
            (100_000, 300),
            (500_000, 500),
            (3_000_000, 1_900),
            (0, 300),
            (300_000, 300),
            (1_900_000, 1_900),
        ] {
            assert_eq!(
                default.fee_cents(relay, eur(budget)),
                eur(fee),
                "{budget} €"
            );
        }
        // Cents are rounded to the nearest: 0.1 % of 1 234 567.89 € is 1 234.57 €.
        assert_eq!(default.fee_cents(relay, 123_456_789), 123_457);
        assert_eq!(
            default.fee_cents(StructureKind::Mediation, eur(3_000_000)),
            0
        );
        assert_eq!(default.fee_cents(StructureKind::Mediation, 0), 0);
        for (floor, cap, rate, budget, fee) in [
            (0, 2_000, "0.2%", 500_000, 1_000),
            (0, 2_000, "20bp", 500_000, 1_000),
            (500, 1_000, "0.1", 100_000, 500),
            (500, 1_000, "0.1", 5_000_000, 1_000),
            (300, 300, "5%", 1, 300),
            (0, 100_000, "0.0125%", 1_000_000, 125),
            (0, 100_000, "1bp", 1_000_000, 100),
            (
                0,
                u32::MAX,
                "100%",
                i64::from(u32::MAX),
                i64::from(u32::MAX),
            ),
        ] {
            let p = Pricing::new(floor, cap, rate).unwrap();
            assert_eq!(
                p.fee_cents(relay, eur(budget)),
                eur(fee),
                "{rate} of {budget}"
            );
        }
        // The largest budget does not overflow.
        assert_eq!(default.fee_cents(relay, i64::MAX), eur(1_900));
    }

    #[test]
    fn bad_rates_and_bounds_are_refused() {
        for rate in [
            "", "abc", "-1%", "0.00001%", "101%", "1.2.3", ".5", "5.", "1e3", "x bp", "1.5bp",
        ] {
            assert!(Pricing::new(300, 1_900, rate).is_err(), "{rate:?}");
        }
        assert!(Pricing::new(2_000, 1_900, "0.1%").is_err());
        assert_eq!(parse_rate("0.1%").unwrap(), 1_000);
        assert_eq!(parse_rate(" 10bp ").unwrap(), 1_000);
        assert_eq!(parse_rate("100").unwrap(), 1_000_000);
    }

    #[test]
    fn amounts_and_statuses() {
        assert_eq!(euros(50_000), "500.00");
        assert_eq!(euros(123_457), "1234.57");
        assert_eq!(euros(5), "0.05");
        assert_eq!(parse_decimal("12.5", 2), Some(1_250));
        assert_eq!(parse_decimal("12", 2), Some(1_200));
        assert_eq!(parse_decimal("12.345", 2), None);
        assert_eq!(parse_decimal("99999999999999999999", 2), None);
        assert_eq!(parse_euros("b", " 450000 ").unwrap(), 45_000_000);
        assert_eq!(parse_euros("b", "1000000.0").unwrap(), 100_000_000);
        for bad in ["-1", "1e6", "", "12.345", "10000000001", "NaN"] {
            assert!(parse_euros("b", bad).is_err(), "{bad}");
        }
        for s in ConventionStatus::ALL {
            assert_eq!(ConventionStatus::parse(s.as_str()).unwrap(), s);
        }
        assert!(ConventionStatus::parse("lost").is_err());
    }
}
