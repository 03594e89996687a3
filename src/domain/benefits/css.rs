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
    let persons = h.parents();
    let couple = persons >= 2;
    let second = if couple {
        at(params::CSS_SECOND_PERSON, day)
    } else {
        0.0
    };
    let ceiling = (at(params::CSS_CEILING, day) * (1.0 + second)).round_ties_even();
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
            .map(|age| {
                params::CSS_PARTICIPATION
                    .iter()
                    .find(|(up_to, _)| age <= *up_to)
                    .map_or(0.0, |(_, table)| at(table, day))
            })
            .sum(),
    )
}

/// The yearly forfait logement of a household housed free of charge, or receiving a housing
/// aid (twelve times the aid, up to its own forfait).
fn housing(h: &Household<'_>, housing_aid: f64) -> f64 {
    let day = h.input.month.first_day();
    let couple = h.parents() >= 2;
    let rate = if couple {
        1.0 + at(params::RSA_SECOND_PERSON, day)
    } else {
        1.0
    };
    let yearly_base = 12.0 * at(params::RSA_BASE, day) * rate;
    if h.hosted_free() {
        let share = if couple {
            at(params::CSS_HOUSING_2, day)
        } else {
            at(params::CSS_HOUSING_1, day)
        };
        yearly_base * share
    } else if housing_aid > 0.0 {
        let share = if couple {
            at(params::CSS_HOUSING_AID_2, day)
        } else {
            at(params::CSS_HOUSING_AID_1, day)
        };
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
