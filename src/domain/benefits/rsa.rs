//! Revenu de solidarité active (CASF L262-1 ff.), for a household the rules cover (no child,
//! no pregnancy: `rsa_ppa_scope`). The resources of the three months before the month count
//! as their average (R262-7); the amount is the montant forfaitaire minus the resources and
//! the forfait logement (L262-2, R262-9: housed free, or the housing aid up to the same
//! forfait), not paid below 6 euros.

use super::params::{self, at};
use super::{Household, Month, Nationality, ResourceKind, Unverified};

/// The monthly RSA of `month` in euros (not rounded), 0 when not eligible; `housing_aid` is
/// the housing aid of that month.
pub(super) fn amount_in(h: &Household<'_>, month: Month, housing_aid: f64) -> f64 {
    let day = month.first_day();
    let base = at(params::RSA_BASE, day);
    let persons = h.parents();
    let min_age = at(params::RSA_MIN_AGE, day);
    // One parent at least of 25 or more and not a student (the partner is never one here).
    let age_ok = h
        .ages(month)
        .zip([h.input.student, false])
        .any(|(age, student)| f64::from(age) >= min_age && !student);
    let eligible = age_ok && h.nationality_ok(day);
    if !eligible {
        return 0.0;
    }
    let rate = 1.0
        + if persons >= 2 {
            at(params::RSA_SECOND_PERSON, day)
        } else {
            0.0
        };
    let forfait = base * rate;
    let housing_forfait = base
        * if persons >= 2 {
            at(params::RSA_HOUSING_2, day) * (1.0 + at(params::RSA_SECOND_PERSON, day))
        } else {
            at(params::RSA_HOUSING_1, day)
        };
    let housing = if h.hosted_free() {
        housing_forfait
    } else if housing_aid > 0.0 {
        housing_aid.min(housing_forfait)
    } else {
        0.0
    };
    let months = month.three_before();
    let resources: f64 = h
        .members()
        .iter()
        .map(|who| {
            [
                ResourceKind::Wages,
                ResourceKind::Unemployment,
                ResourceKind::Pension,
                ResourceKind::Aah,
                ResourceKind::Other,
            ]
            .iter()
            .map(|kind| {
                months
                    .iter()
                    .map(|m| h.resource_in(*who, *kind, *m))
                    .sum::<f64>()
                    / 3.0
            })
            .sum::<f64>()
        })
        .sum();
    let amount = (forfait - housing - resources).max(0.0);
    if amount < at(params::RSA_MINIMUM_PAID, day) {
        0.0
    } else {
        amount
    }
}

pub(super) fn unverified(h: &Household<'_>) -> Vec<Unverified> {
    let mut out = vec![
        Unverified::ResidenceInFrance,
        Unverified::Savings,
        Unverified::OtherBenefitsFirst,
    ];
    if h.input.nationality == Nationality::Eu {
        out.push(Unverified::EuRightOfResidence);
    }
    let young = h.ages(h.input.month).all(|a| a < 25);
    if young {
        out.push(Unverified::YoungActive);
    }
    out
}
