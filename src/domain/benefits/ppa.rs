//! Prime d'activité (CSS L841-1 ff.), for a household the rules cover (`rsa_ppa_scope`).
//! The montant forfaitaire grows with the household (children under 25), or is the single
//! parent's increased one.
//! The prime of month M is the average of three "fictive" primes, one per month M-3 .. M-1,
//! each from that month's resources and that month's parameters (R843-1 ff., D843-1 ff.): the
//! montant forfaitaire plus 59.85 % of the earnings plus each worker's bonus, minus the
//! greater of the montant forfaitaire and (resources + forfait logement). Not paid below 15
//! euros; a student needs earnings above 55 % of 169 hourly SMIC in each of the three months.

use super::params::{self, at};
use super::{
    Household, HousingAid, Month, Nationality, ResourceKind, Unverified, Who, family_rate,
};

/// The monthly prime d'activité in euros (not rounded), 0 when not eligible.
pub(super) fn amount(h: &Household<'_>, aid: &HousingAid) -> f64 {
    let month = h.input.month;
    let months = month.three_before();
    let fictive: f64 = months
        .iter()
        .enumerate()
        .map(|(i, m)| fictive(h, *m, i, aid.in_month(*m)))
        .sum();
    let average = fictive / 3.0;
    let day = month.first_day();
    if !earners_condition(h, months) || average < at(params::PPA_MINIMUM_PAID, day) {
        0.0
    } else {
        average
    }
}

/// Earnings of `who` in the month `i` of the three, the AAH included when the other earnings
/// reach 29 hourly SMIC; and the resources that are not earnings.
fn split(h: &Household<'_>, who: Who, m: Month, i: usize) -> (f64, f64) {
    let smic = at(params::SMIC_HOURLY, m.first_day());
    let wages = h.resource(who, ResourceKind::Wages, i);
    let aah = h.resource(who, ResourceKind::Aah, i);
    let aah_is_earnings = wages >= at(params::PPA_AAH_AS_EARNINGS, m.first_day()) * smic;
    let others: f64 = [
        ResourceKind::Unemployment,
        ResourceKind::Pension,
        ResourceKind::Other,
    ]
    .iter()
    .map(|k| h.resource(who, *k, i))
    .sum();
    if aah_is_earnings {
        (wages + aah, others)
    } else {
        (wages, others + aah)
    }
}

fn fictive(h: &Household<'_>, m: Month, i: usize, housing_aid: f64) -> f64 {
    let day = m.first_day();
    let min_age = at(params::PPA_MIN_AGE, day);
    // The single parent's increase lifts the residence-permit duration condition.
    let lone = h.lone_parent(m);
    if !(h.ages(m).any(|a| f64::from(a) >= min_age) && (h.nationality_ok(day) || lone)) {
        return 0.0;
    }
    let base = at(params::PPA_BASE, day);
    let smic = at(params::SMIC_HOURLY, day);
    let children = h.rsa_children(m);
    let persons = h.parents() + children;
    let (second, third, extra) = (
        at(params::PPA_SECOND_PERSON, day),
        at(params::PPA_THIRD_PERSON, day),
        at(params::PPA_PER_EXTRA_CHILD, day),
    );
    let forfait = if lone {
        base * (at(params::PPA_LONE_PARENT, day)
            + at(params::PPA_LONE_PARENT_PER_CHILD, day) * children as f64)
    } else {
        base * family_rate(persons, h.parents(), second, third, extra)
    };
    // The forfait logement counts at most three persons, without the single parent's increase.
    let housing_forfait = base
        * match persons {
            1 => at(params::PPA_HOUSING_1, day),
            2 => (1.0 + second) * at(params::PPA_HOUSING_2, day),
            _ => (1.0 + second + third) * at(params::PPA_HOUSING_3, day),
        };
    let housing = if h.hosted_free() {
        housing_forfait
    } else if housing_aid > 0.0 {
        housing_aid.min(housing_forfait)
    } else {
        0.0
    };
    let bonus_max = (at(params::PPA_BONUS_MAX_RATE, day) * base * 100.0).round() / 100.0;
    let from = at(params::PPA_BONUS_FROM, day) * smic;
    let full = at(params::PPA_BONUS_FULL_AT, day) * smic;
    let mut earnings = 0.0;
    let mut resources = 0.0;
    let mut bonus = 0.0;
    for who in h.members() {
        let (e, o) = split(h, *who, m, i);
        earnings += e;
        resources += e + o;
        bonus += (bonus_max * (e - from) / (full - from)).clamp(0.0, bonus_max);
    }
    let share = at(params::PPA_EARNINGS_SHARE, day) * earnings;
    (forfait + bonus + share - (resources + housing).max(forfait)).max(0.0)
}

/// A parent who is not a student had earnings in one of the three months, or a parent had
/// earnings above the students' floor in each of them (the floor of the month asked); a
/// single parent with the increase needs neither.
fn earners_condition(h: &Household<'_>, months: [Month; 3]) -> bool {
    if h.lone_parent(h.input.month) {
        return true;
    }
    let day = h.input.month.first_day();
    let floor = 169.0 * at(params::SMIC_HOURLY, day) * at(params::PPA_STUDENT_FLOOR_SHARE, day);
    h.members().iter().any(|who| {
        let student = *who == Who::Me && h.input.student;
        let earnings: Vec<f64> = months
            .iter()
            .enumerate()
            .map(|(i, m)| split(h, *who, *m, i).0)
            .collect();
        earnings.iter().all(|e| *e > floor) || (!student && earnings.iter().any(|e| *e > 0.0))
    })
}

pub(super) fn unverified(h: &Household<'_>) -> Vec<Unverified> {
    let mut out = vec![Unverified::ResidenceInFrance];
    if h.input.nationality == Nationality::Eu {
        out.push(Unverified::EuRightOfResidence);
    }
    h.family_conditions(&mut out);
    out
}
