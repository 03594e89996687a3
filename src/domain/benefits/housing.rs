//! Aide au logement (APL, ALF or ALS: one amount, CCH L821-1 ff., R822-1 ff., D823-1 ff.) for a
//! tenant of an ordinary dwelling in métropole, following OpenFisca-France's chain
//! (`openfisca_france/model/prestations/aides_logement.py`, docs/simulator.md):
//! rent retained = min(rent, ceiling of the zone and household); charges = a forfait;
//! resources = the taxable incomes of the twelve months ending two months before, after the
//! 10 % professional-expenses deduction, rounded up to the next 100 euros; personal
//! participation = P0 + (TF + TL) × (resources − R0); aid = rent retained + charges −
//! participation, not paid below 10 euros, reduced above a rent of 2.5 (3.4 in zone 1) times the
//! ceiling and nil above 3.1 (4) times it, minus 5 euros, minus the CRDS, rounded down to the
//! euro.

use super::params::{self, Dated, at};
use super::{Household, HousingKind, Month, OutOfScope, ResourceKind, SimulationInput, Who, zones};

/// A rented dwelling: its monthly rent (without charges) and its commune's zone.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tenancy {
    rent: f64,
    zone: u8,
}

impl Tenancy {
    /// `Ok(None)` without a rent (no home, a shelter, housed free); out of scope for a tenant
    /// without a rent or whose commune has no known zone.
    pub(super) fn of(input: &SimulationInput) -> Result<Option<Self>, OutOfScope> {
        if input.housing.kind != HousingKind::Tenant {
            return Ok(None);
        }
        let rent = input.housing.rent.ok_or(OutOfScope::Commune)?;
        let code = input.housing.commune_insee.as_deref().unwrap_or("");
        let zone = zones::zone(code).ok_or(OutOfScope::Commune)?;
        Ok(Some(Self { rent, zone }))
    }
}

fn cents(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// Persons in charge for the housing aid: the children under 21.
fn in_charge(h: &Household<'_>, day: time::Date) -> usize {
    let limit = at(params::AL_CHILD_AGE_LIMIT, day);
    h.input
        .children
        .iter()
        .filter(|c| c.birth_date <= day && f64::from(super::age_on(c.birth_date, day)) < limit)
        .count()
}

/// The couple's scale applies to a couple and to a pregnant woman alone (OpenFisca's
/// `al_couple`; the unborn child is not a person in charge).
fn couple_scale(h: &Household<'_>) -> bool {
    h.input.couple || h.input.pregnant
}

/// By household: alone, couple, with 1 .. 6 persons in charge, then per person beyond.
fn by_household(h: &Household<'_>, day: time::Date, tables: [&[Dated]; 9]) -> f64 {
    let n = in_charge(h, day);
    let [single, couple, rest @ ..] = tables;
    match n {
        0 if couple_scale(h) => at(couple, day),
        0 => at(single, day),
        n => {
            let capped = n.min(6);
            at(rest[capped - 1], day) + (n - capped) as f64 * at(rest[6], day)
        }
    }
}

/// The rent ceiling of `zone` for the household (not rounded).
fn ceiling(h: &Household<'_>, zone: u8, day: time::Date) -> f64 {
    use params::*;
    let [single, couple, one, per_child] = match zone {
        1 => [
            AL_CEILING_Z1_SINGLE,
            AL_CEILING_Z1_COUPLE,
            AL_CEILING_Z1_ONE_CHILD,
            AL_CEILING_Z1_PER_CHILD,
        ],
        2 => [
            AL_CEILING_Z2_SINGLE,
            AL_CEILING_Z2_COUPLE,
            AL_CEILING_Z2_ONE_CHILD,
            AL_CEILING_Z2_PER_CHILD,
        ],
        _ => [
            AL_CEILING_Z3_SINGLE,
            AL_CEILING_Z3_COUPLE,
            AL_CEILING_Z3_ONE_CHILD,
            AL_CEILING_Z3_PER_CHILD,
        ],
    };
    let n = in_charge(h, day);
    if n > 0 {
        at(one, day) + (n - 1) as f64 * at(per_child, day)
    } else if couple_scale(h) {
        at(couple, day)
    } else {
        at(single, day)
    }
}

/// The sum of `kind` of `who` over the twelve months ending two months before `m`.
fn rolling_year(h: &Household<'_>, who: Who, kind: ResourceKind, m: Month) -> f64 {
    let mut month = m.previous();
    let mut total = 0.0;
    for _ in 0..12 {
        month = month.previous();
        total += h.resource_in(who, kind, month);
    }
    total
}

/// One parent's resources for the aid of month `m`: wages (taxable amounts taken as the net
/// ones) after the 10 % deduction (with its floor and cap of the year before), unemployment
/// benefit, pensions after their 10 % deduction; a person with the AAH and no wages this month
/// has 30 % off her wages and unemployment benefit; neutralised, wages and unemployment
/// benefit count as 0.
fn person_resources(h: &Household<'_>, who: Who, m: Month, neutralised: bool) -> f64 {
    let day = m.first_day();
    let last_year =
        time::Date::from_calendar_date(day.year() - 1, time::Month::January, 1).unwrap_or(day);
    let wages = rolling_year(h, who, ResourceKind::Wages, m);
    let unemployment = rolling_year(h, who, ResourceKind::Unemployment, m);
    let pension = rolling_year(h, who, ResourceKind::Pension, m);
    let like_wages = wages + unemployment;
    let deduction = (like_wages * at(params::TAX_WAGES_DEDUCTION_RATE, last_year))
        .max(at(params::TAX_WAGES_DEDUCTION_MIN, last_year))
        .min(at(params::TAX_WAGES_DEDUCTION_MAX, last_year))
        .round();
    let aah_without_wages = h.resource_in(who, ResourceKind::Aah, m) > 0.0
        && h.resource_in(who, ResourceKind::Wages, m) == 0.0;
    let allowance = if aah_without_wages {
        at(params::AL_UNEMPLOYED_ALLOWANCE, day)
    } else {
        0.0
    };
    let after = wages - deduction;
    let mut incomes = after.max(0.0) * (1.0 - allowance);
    let excess = if like_wages > 0.0 {
        after.min(0.0)
    } else {
        0.0
    };
    incomes += (unemployment + excess) * (1.0 - allowance);
    if neutralised {
        incomes = 0.0;
    }
    let pension_deduction = (pension * at(params::TAX_PENSION_DEDUCTION_RATE, day))
        .max(at(params::TAX_PENSION_DEDUCTION_MIN, day))
        .round();
    incomes + (pension - pension_deduction).max(0.0)
}

/// The household's yearly resources for the aid of month `m`, rounded up to 100 euros.
fn resources(h: &Household<'_>, m: Month, neutralised: bool) -> f64 {
    let day = m.first_day();
    let mut total: f64 = h
        .members()
        .iter()
        .map(|who| person_resources(h, *who, m, neutralised))
        .sum();
    // Two earners each with a year's family-benefits base (12 BMAF) of wages this month.
    let earner =
        |who: &Who| h.resource_in(*who, ResourceKind::Wages, m) >= 12.0 * at(params::BMAF, day);
    if h.input.couple && h.members().iter().all(earner) {
        total = (total - at(params::AL_DUAL_EARNERS_ALLOWANCE, day)).max(0.0);
    }
    // A student under 28 (the claimant) counts a flat amount whatever she earns.
    let age = h.ages(m).next().unwrap_or(0);
    if h.input.student && f64::from(age) < at(params::AL_STUDENT_MAX_AGE, day) {
        total = at(params::AL_STUDENT_FLAT_RESOURCES, day);
    }
    (cents(total) / 100.0).ceil() * 100.0
}

/// The housing aid for the month `m`, in euros (whole euros), 0 when not paid.
pub(super) fn amount(h: &Household<'_>, t: &Tenancy, m: Month, neutralised: bool) -> f64 {
    use params::*;
    let day = m.first_day();
    let n = in_charge(h, day) as f64;
    let cap = cents(ceiling(h, t.zone, day));
    let retained = t.rent.min(cap);
    let charges = at(AL_CHARGES, day) + n * at(AL_CHARGES_PER_CHILD, day);
    let r0 = by_household(
        h,
        day,
        [
            AL_R0_SINGLE,
            AL_R0_COUPLE,
            AL_R0_1,
            AL_R0_2,
            AL_R0_3,
            AL_R0_4,
            AL_R0_5,
            AL_R0_6,
            AL_R0_PER_CHILD,
        ],
    );
    let tf = by_household(
        h,
        day,
        [
            AL_TF_SINGLE,
            AL_TF_COUPLE,
            AL_TF_1,
            AL_TF_2,
            AL_TF_3,
            AL_TF_4,
            AL_TF_5,
            AL_TF_6,
            AL_TF_PER_CHILD,
        ],
    );
    // The rent's rate: the rent retained against zone 2's ceiling (in per cent, to the
    // hundredth), by brackets, rounded to the fifth decimal.
    let reference = ceiling(h, 2, day);
    let ratio = cents(retained / reference * 100.0) / 100.0;
    let (s1, s2) = (at(AL_TL_THRESHOLD_1, day), at(AL_TL_THRESHOLD_2, day));
    let (t2, t3) = (at(AL_TL_RATE_2, day), at(AL_TL_RATE_3, day));
    let tl = if ratio >= s2 {
        t3 * (ratio - s2) + t2 * (s2 - s1)
    } else {
        (t2 * (ratio - s1)).max(0.0)
    };
    let tl = (tl * 100_000.0).round() / 100_000.0;
    let p0 = (at(AL_P0_RATE, day) * (retained + charges)).max(at(AL_P0_FLAT, day));
    let participation = p0 + (tf + tl) * (resources(h, m, neutralised) - r0).max(0.0);
    let mut aid = (retained + charges - participation).max(0.0);
    if aid < at(AL_MINIMUM_PAID, day) {
        aid = 0.0;
    }
    // Degressivity above a rent of a multiple of the ceiling.
    let (deg, sup) = match t.zone {
        1 => (AL_DEGRESSIVITY_Z1, AL_SUPPRESSION_Z1),
        2 => (AL_DEGRESSIVITY_Z2, AL_SUPPRESSION_Z2),
        _ => (AL_DEGRESSIVITY_Z3, AL_SUPPRESSION_Z3),
    };
    let from = cents(cap * at(deg, day));
    let to = cents(cap * at(sup, day));
    let coefficient = if t.rent <= from {
        1.0
    } else if t.rent <= to {
        1.0 - (t.rent - from) / (to - from)
    } else {
        0.0
    };
    let gross = (cents(aid * coefficient) - at(AL_FLAT_REDUCTION, day)).max(0.0);
    let crds = (gross * 100.0 * at(CRDS_RATE, day)).floor() / 100.0;
    (gross - crds).floor().max(0.0)
}
