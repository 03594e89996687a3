//! Revenu de solidarité active (CASF L262-1 ff.), for a household the rules cover (no
//! pregnancy: `rsa_ppa_scope`). The resources of the three months before the month count as
//! their average (R262-7); the amount is the montant forfaitaire (by household size, or the
//! single parent's increased one, L262-9) minus the resources and the forfait logement (L262-2,
//! R262-9: housed free, or the housing aid up to the same forfait), not paid below 6 euros.

use super::params::{self, at};
use super::{Household, Month, Nationality, ResourceKind, Unverified, Who, family_rate};

/// The monthly RSA of `month` in euros (not rounded), 0 when not eligible; `housing_aid` is
/// the housing aid of that month.
pub(super) fn amount_in(h: &Household<'_>, month: Month, housing_aid: f64) -> f64 {
    let day = month.first_day();
    let base = at(params::RSA_BASE, day);
    let children = h.rsa_children(month);
    let persons = h.parents() + children;
    let min_age = at(params::RSA_MIN_AGE, day);
    // One parent at least of 25 or more (or with a child) and not a student (the partner is
    // never one here).
    let age_ok = h
        .ages(month)
        .zip([h.input.student, false])
        .any(|(age, student)| (f64::from(age) >= min_age || children > 0) && !student);
    let eligible = age_ok && h.nationality_ok(day);
    // The single parent's increase: neither the age, the student nor the residence-permit
    // duration condition applies (L262-4, L262-9 CASF; OpenFisca's `rsa_socle_majore`).
    let lone = h.lone_parent(month);
    if !eligible && !lone {
        return 0.0;
    }
    let (second, third, extra) = (
        at(params::RSA_SECOND_PERSON, day),
        at(params::RSA_THIRD_PERSON, day),
        at(params::RSA_PER_EXTRA_CHILD, day),
    );
    let normal = if eligible {
        base * family_rate(persons, h.parents(), second, third, extra)
    } else {
        0.0
    };
    let increased = if lone {
        base * (at(params::RSA_LONE_PARENT, day)
            + at(params::RSA_LONE_PARENT_PER_CHILD, day) * children as f64)
    } else {
        0.0
    };
    let forfait = normal.max(increased);
    let housing_forfait = base
        * match persons {
            1 => at(params::RSA_HOUSING_1, day),
            2 => at(params::RSA_HOUSING_2, day) * (1.0 + second),
            _ => at(params::RSA_HOUSING_3, day) * (1.0 + second + third),
        };
    let housing = if h.hosted_free() {
        housing_forfait
    } else if housing_aid > 0.0 {
        housing_aid.min(housing_forfait)
    } else {
        0.0
    };
    let resources: f64 = h
        .members()
        .iter()
        .map(|who| resources(h, *who, month, base))
        .sum();
    let amount = (forfait - housing - resources).max(0.0);
    if amount < at(params::RSA_MINIMUM_PAID, day) {
        0.0
    } else {
        amount
    }
}

/// The average monthly resources of `who` over the three months before `month`. A resource
/// that stopped in `month` itself (none in it, some the month before) is neutralised: an
/// income from work, unemployment benefit or pension when no unemployment benefit nor pension
/// comes instead, another resource up to three montants forfaitaires (R262-13 CASF; OpenFisca's
/// `rsa_base_ressources_individu`). For the month asked this never happens (the month asked
/// repeats the last month given); it does for the months before, which the housing aid asks.
fn resources(h: &Household<'_>, who: Who, month: Month, base: f64) -> f64 {
    let now = |k| h.resource_in(who, k, month);
    let stopped = |k| now(k) == 0.0 && h.resource_in(who, k, month.previous()) > 0.0;
    let sum = |k| {
        month
            .three_before()
            .iter()
            .map(|m| h.resource_in(who, k, *m))
            .sum::<f64>()
    };
    let substitution = now(ResourceKind::Unemployment) + now(ResourceKind::Pension) > 0.0;
    let work_like: f64 = [
        ResourceKind::Wages,
        ResourceKind::Unemployment,
        ResourceKind::Pension,
    ]
    .into_iter()
    .filter(|k| substitution || !stopped(*k))
    .map(sum)
    .sum();
    let other = if stopped(ResourceKind::Other) {
        (sum(ResourceKind::Other) - 3.0 * base).max(0.0)
    } else {
        sum(ResourceKind::Other)
    };
    (work_like + other + sum(ResourceKind::Aah)) / 3.0
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
    if young && h.input.children.is_empty() {
        out.push(Unverified::YoungActive);
    }
    h.family_conditions(&mut out);
    out
}
