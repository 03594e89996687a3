//! Complémentaire santé solidaire (CSS L861-1 ff.), for a household the rules cover
//! (`rsa_ppa_scope`). Free when the resources of the last twelve months are at or below the
//! ceiling, or when the household receives the RSA; with a monthly participation by age up to
//! 35 % above the ceiling. The months before the three given count as their average.

use super::params::{self, at};
use super::{Household, ResourceKind, Unverified, Who};

/// The CSS for the month: `None` when not eligible, `Some(0.0)` when free, else the household's
/// monthly participation in euros.
pub(super) fn participation(h: &Household<'_>, rsa: f64, housing_aid: f64) -> Option<f64> {
    // Under 25, a dependent of one's parents (their tax household, their home, alimony) is
    // covered with them: an unverified condition (`unverified`), as in OpenFisca.
    let month = h.input.month;
    let day = month.first_day();
    let ceiling = (at(params::CSS_CEILING, day) * ceiling_rate(h)).round_ties_even();
    let resources =
        h.members().iter().map(|who| yearly(h, *who)).sum::<f64>() + housing(h, housing_aid);
    if resources <= ceiling || rsa > 0.0 {
        return Some(0.0);
    }
    if resources > ceiling * (1.0 + at(params::CSS_PARTICIPATION_MARGIN, day)) {
        return None;
    }
    Some(
        h.ages(month)
            .chain(h.child_ages(month))
            .map(|age| {
                params::CSS_PARTICIPATION
                    .iter()
                    .find(|(up_to, _)| age <= *up_to)
                    .map_or(0.0, |(_, table)| at(table, day))
            })
            .sum(),
    )
}

/// The ceiling's rate: 1 for the claimant, 0.5 for the second person (the partner, or a
/// single parent's eldest child), 0.3 for the third and fourth, 0.4 for each one beyond; the
/// children by age, the eldest first (R861-3 CSS).
fn ceiling_rate(h: &Household<'_>) -> f64 {
    let day = h.input.month.first_day();
    let second = at(params::CSS_SECOND_PERSON, day);
    let (third, fifth) = (
        at(params::CSS_THIRD_FOURTH, day),
        at(params::CSS_FIFTH_PLUS, day),
    );
    let persons = h.parents() + h.input.children.len();
    (2..=persons)
        .map(|rank| match rank {
            2 => second,
            3 | 4 => third,
            _ => fifth,
        })
        .sum::<f64>()
        + 1.0
}

/// The yearly forfait logement of a household housed free of charge, or receiving a housing
/// aid (twelve times the aid, up to its own forfait), by the persons of the household (the
/// children up to 25), three at the most.
fn housing(h: &Household<'_>, housing_aid: f64) -> f64 {
    let month = h.input.month;
    let day = month.first_day();
    let limit = at(params::CSS_INDEPENDENT_AGE, day);
    let persons = h.parents()
        + h.child_ages(month)
            .filter(|a| f64::from(*a) <= limit)
            .count();
    let (second, third) = (
        at(params::RSA_SECOND_PERSON, day),
        at(params::RSA_THIRD_PERSON, day),
    );
    let rate = match persons {
        1 => 1.0,
        2 => 1.0 + second,
        _ => 1.0 + second + third,
    };
    let yearly_base = 12.0 * at(params::RSA_BASE, day) * rate;
    let pick = |tables: [&[params::Dated]; 3]| at(tables[persons.clamp(1, 3) - 1], day);
    if h.hosted_free() {
        let share = pick([
            params::CSS_HOUSING_1,
            params::CSS_HOUSING_2,
            params::CSS_HOUSING_3,
        ]);
        yearly_base * share
    } else if housing_aid > 0.0 {
        let share = pick([
            params::CSS_HOUSING_AID_1,
            params::CSS_HOUSING_AID_2,
            params::CSS_HOUSING_AID_3,
        ]);
        (12.0 * housing_aid).min(yearly_base * share)
    } else {
        0.0
    }
}

/// The resources of `who` over the twelve months before the month asked: the nine earliest at
/// the average of the three given. The AAH counts after a monthly allowance; a person now
/// unemployed (benefit and no wages in the last month) has 30 % of her wages deducted.
fn yearly(h: &Household<'_>, who: Who) -> f64 {
    let months = {
        let mut all = Vec::with_capacity(12);
        let mut m = h.input.month;
        for _ in 0..12 {
            m = m.previous();
            all.push(m);
        }
        all.reverse();
        all
    };
    let value = |kind, index: usize| {
        if index < 9 {
            (0..3).map(|i| h.resource(who, kind, i)).sum::<f64>() / 3.0
        } else {
            h.resource(who, kind, index - 9)
        }
    };
    let mut total = 0.0;
    let mut wages = 0.0;
    for (index, m) in months.iter().enumerate() {
        wages += value(ResourceKind::Wages, index);
        total += [
            ResourceKind::Wages,
            ResourceKind::Unemployment,
            ResourceKind::Pension,
            ResourceKind::Other,
        ]
        .iter()
        .map(|k| value(*k, index))
        .sum::<f64>();
        let allowance = at(params::CSS_AAH_ALLOWANCE, m.first_day());
        total += (value(ResourceKind::Aah, index) - allowance).max(0.0);
    }
    let unemployed = h.resource(who, ResourceKind::Unemployment, 2) > 0.0
        && h.resource(who, ResourceKind::Wages, 2) <= 0.0;
    if unemployed {
        total -= wages
            * at(
                params::CSS_UNEMPLOYED_WAGES_ALLOWANCE,
                h.input.month.first_day(),
            );
    }
    total
}

pub(super) fn unverified(h: &Household<'_>) -> Vec<Unverified> {
    let mut out = vec![Unverified::ResidenceInFrance];
    let day = h.input.month.first_day();
    if h.ages(h.input.month)
        .all(|a| f64::from(a) < at(params::CSS_INDEPENDENT_AGE, day))
    {
        out.push(Unverified::NotParentsDependent);
    }
    out
}
