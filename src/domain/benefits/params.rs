//! The legal parameters, as dated data: each table lists the values with the first day they are
//! in force and the text that set them. A new year (the amounts change every April, the SMIC
//! every January) is a new row here, nothing else. The values are those of OpenFisca-France
//! 176.1.8 (`openfisca_france/parameters/...`, named on each table), the oracle of the
//! comparison test; docs/simulator.md says how to update them.

use time::Date;
use time::macros::date;

/// One value of a parameter, in force from `from` until the next row's `from`.
#[derive(Debug, Clone, Copy)]
pub struct Dated {
    pub from: Date,
    pub value: f64,
    pub source: &'static str,
}

const fn row(from: Date, value: f64, source: &'static str) -> Dated {
    Dated {
        from,
        value,
        source,
    }
}

/// The value in force on `day`: the last row whose `from` is not after it (rows oldest first).
/// Before the first row, the first row's value (the tables start long before any month asked).
pub fn at(table: &[Dated], day: Date) -> f64 {
    table
        .iter()
        .take_while(|r| r.from <= day)
        .last()
        .or(table.first())
        .map_or(0.0, |r| r.value)
}

// ---- RSA (Code de l'action sociale et des familles, L262-1 ff., R262-1 ff.) ----

/// Montant forfaitaire of the RSA for one person (métropole).
/// `prestations_sociales.solidarite_insertion.minima_sociaux.rsa.rsa_m.montant_de_base_du_rsa`
pub const RSA_BASE: &[Dated] = &[
    row(
        date!(2023 - 04 - 01),
        607.75,
        "Décret n° 2023-340 du 4 mai 2023, art. 1",
    ),
    row(
        date!(2024 - 04 - 01),
        635.71,
        "Décret n° 2024-396 du 29 avril 2024, art. 1",
    ),
    row(
        date!(2025 - 04 - 01),
        646.52,
        "Décret n° 2025-293 du 29 mars 2025, art. 1",
    ),
    row(
        date!(2026 - 04 - 01),
        651.69,
        "Décret n° 2026-220 du 30 mars 2026, art. 1",
    ),
];

/// Increase of the montant forfaitaire for the second person of the household (couple, or a
/// single person with one child). `rsa.rsa_maj.maj_montant_max.couples_celibataire_avec_enfant`
pub const RSA_SECOND_PERSON: &[Dated] = &[row(
    date!(2009 - 06 - 01),
    0.5,
    "Art. R262-1 CASF (Décret 2009-404 du 15/04/2009, art. 2)",
)];

/// Forfait logement (housed free of charge) as a share of the montant forfaitaire of the
/// household of 1, 2 and 3 or more persons. `rsa.rsa_fl.forfait_logement.taux_*`
pub const RSA_HOUSING_1: &[Dated] = &[row(date!(2009 - 06 - 01), 0.12, "Art. R262-9 1° CASF")];
pub const RSA_HOUSING_2: &[Dated] = &[row(date!(2009 - 06 - 01), 0.16, "Art. R262-9 2° CASF")];

/// No RSA is paid below this monthly amount. `rsa.rsa_maj.montant_minimum_verse`
pub const RSA_MINIMUM_PAID: &[Dated] = &[row(
    date!(2009 - 06 - 01),
    6.0,
    "Art. R262-1 CASF (Décret 2009-404 du 15/04/2009, art. 2)",
)];

/// Minimum age of the claimant without a child. `rsa.rsa_cond.age_pac`
pub const RSA_MIN_AGE: &[Dated] = &[row(date!(1977 - 10 - 01), 25.0, "Art. R262-3 CASF")];

/// Years of residence for an EEA citizen (three months) and of residence permit for another
/// foreigner (five years). `rsa.rsa_cond.duree_min_titre_sejour.{eee,non_eee}`
pub const RSA_YEARS_EEA: &[Dated] = &[row(
    date!(2009 - 06 - 01),
    0.25,
    "Art. L262-6 CASF (Loi 2008-1249 du 01/12/2008, art. 3)",
)];
pub const RSA_YEARS_OTHER: &[Dated] = &[row(
    date!(2009 - 06 - 01),
    5.0,
    "Art. L262-4 CASF (Loi 2008-1249 du 01/12/2008, art. 3)",
)];

// ---- Prime d'activité (Code de la sécurité sociale, L841-1 ff., D843-1 ff.) ----

/// Montant forfaitaire of the prime d'activité for one person.
/// `prestations_sociales.solidarite_insertion.minima_sociaux.ppa.pa_m.montant_de_base`
pub const PPA_BASE: &[Dated] = &[
    row(
        date!(2023 - 04 - 01),
        595.25,
        "Décret n° 2023-343 du 4 mai 2023, art. 1",
    ),
    row(
        date!(2024 - 04 - 01),
        622.63,
        "Décret n° 2024-403 du 1er mai 2024, art. 1",
    ),
    row(
        date!(2025 - 04 - 01),
        633.21,
        "Décret n° 2025-294 du 29 mars 2025, art. 1",
    ),
    row(
        date!(2026 - 04 - 01),
        638.28,
        "Décret n° 2026-222 du 30 mars 2026, art. 2",
    ),
];

/// Increase for the second person. `ppa.pa_m.majoration_montant_maximal.couples_seul_avec_enfant`
pub const PPA_SECOND_PERSON: &[Dated] = &[row(date!(2016 - 01 - 01), 0.5, "Art. D843-1 CSS")];

/// Share of the earnings added to the montant forfaitaire.
/// `ppa.pa_m.majoration_ressources_revenus_activite`
pub const PPA_EARNINGS_SHARE: &[Dated] = &[
    row(date!(2018 - 08 - 01), 0.61, "Art. D843-3 CSS"),
    row(date!(2025 - 04 - 01), 0.5985, "Art. D843-3 CSS"),
];

/// Individual bonus: zero at `PPA_BONUS_FROM` hourly SMIC of earnings, rising linearly to
/// `PPA_BONUS_MAX_RATE` × montant forfaitaire at `PPA_BONUS_FULL_AT` hourly SMIC.
/// `ppa.pa_m.bonification.{seuil_bonification,seuil_max_bonification,taux_bonification_max}`
pub const PPA_BONUS_FROM: &[Dated] = &[row(date!(2016 - 01 - 01), 59.0, "Art. D843-2 CSS")];
pub const PPA_BONUS_FULL_AT: &[Dated] = &[
    row(date!(2018 - 10 - 01), 120.0, "Art. D843-2 CSS"),
    row(date!(2026 - 04 - 01), 138.0, "Art. D843-2 CSS"),
];
pub const PPA_BONUS_MAX_RATE: &[Dated] = &[
    row(date!(2018 - 10 - 01), 0.29101, "Art. D843-2 CSS"),
    row(date!(2026 - 04 - 01), 0.377, "Art. D843-2 CSS"),
];

/// Forfait logement shares. `ppa.pa_fl.taux_forfait_logement.foyer_{1,2}_personne(s)`
pub const PPA_HOUSING_1: &[Dated] = &[row(date!(2016 - 01 - 01), 0.12, "Art. R844-3 CSS")];
pub const PPA_HOUSING_2: &[Dated] = &[row(date!(2016 - 01 - 01), 0.16, "Art. R844-3 CSS")];

/// No prime d'activité is paid below this monthly amount. `ppa.pa_m.montant_minimum_verse`
pub const PPA_MINIMUM_PAID: &[Dated] = &[row(date!(2015 - 10 - 01), 15.0, "Art. D843-1 CSS")];

/// Minimum age. `ppa.pa_cond.age_min`
pub const PPA_MIN_AGE: &[Dated] = &[row(date!(2015 - 10 - 01), 18.0, "Art. L842-2 CSS")];

/// The AAH counts as earnings when the other earnings of the month reach this many hourly
/// SMIC. `ppa.pa_cond.seuil_aah_activite`
pub const PPA_AAH_AS_EARNINGS: &[Dated] = &[row(date!(2015 - 10 - 01), 29.0, "Art. D843-4 CSS")];

/// A student (or apprentice, trainee) needs earnings above this share of 169 hourly SMIC in
/// each of the three months. `prestations_familiales.def_pac.revenu_plafond_pac_non_scolaire`
pub const PPA_STUDENT_FLOOR_SHARE: &[Dated] = &[row(
    date!(1985 - 12 - 22),
    0.55,
    "Art. R512-2 CSS; Art. L842-2 CSS",
)];

// ---- Complémentaire santé solidaire (CSS L861-1 ff., R861-1 ff.) ----

/// Yearly resource ceiling for one person (métropole): free CSS at or below it, CSS with a
/// participation up to 35 % above. `cs.cmu.plafond_base` (OpenFisca-France has no row after
/// April 2024: docs/simulator.md, "Parameters to check").
pub const CSS_CEILING: &[Dated] = &[
    row(
        date!(2022 - 07 - 01),
        9571.0,
        "Loi n° 2022-1158 du 16 août 2022",
    ),
    row(date!(2023 - 04 - 01), 9719.0, "Art. L861-1 1° CSS"),
    row(
        date!(2024 - 04 - 01),
        10166.0,
        "Arrêté du 26 mars 2024, art. 1",
    ),
];

/// Ceiling increase for the second person. `cs.cmu.coeff_p2`
pub const CSS_SECOND_PERSON: &[Dated] = &[row(date!(2000 - 01 - 01), 0.5, "Art. R861-3 CSS")];

/// Share above the ceiling up to which the CSS comes with a participation.
/// `cs.acs.majoration_plafond_acs`
pub const CSS_PARTICIPATION_MARGIN: &[Dated] =
    &[row(date!(2019 - 10 - 01), 0.35, "Art. L861-1 2° CSS")];

/// From this age a person claims the CSS on her own even if she receives alimony.
/// `cs.cmu.age_limite_pac`
pub const CSS_INDEPENDENT_AGE: &[Dated] = &[row(date!(2000 - 01 - 01), 25.0, "Art. R861-2 CSS")];

/// Forfait logement (housed free of charge) as a share of the RSA montant forfaitaire of 1 or
/// 2 persons, over the year. `cs.css.forfait_logement_sans_al.taux_{1p,2p}`
pub const CSS_HOUSING_1: &[Dated] = &[row(
    date!(2019 - 11 - 01),
    0.12,
    "Art. R861-5 CSS (Loi n° 2018-1203 du 22 décembre 2018)",
)];
pub const CSS_HOUSING_2: &[Dated] = &[row(
    date!(2019 - 11 - 01),
    0.14,
    "Art. R861-5 CSS (Loi n° 2018-1203 du 22 décembre 2018)",
)];

/// Monthly allowance deducted from the AAH in the resources. `cs.css.abattements.aah`
pub const CSS_AAH_ALLOWANCE: &[Dated] = &[row(
    date!(2021 - 04 - 01),
    68.0,
    "Instruction interministérielle DSS/SD2A/2021/71 du 30 mars 2021",
)];

/// Share of the year's wages deducted for a person now unemployed. `cs.cmu.abattement_chomage`
pub const CSS_UNEMPLOYED_WAGES_ALLOWANCE: &[Dated] =
    &[row(date!(2000 - 01 - 01), 0.3, "Art. R861-8 CSS")];

/// Monthly participation per person by age on the first day of the month: under 30, 30 to 49,
/// 50 to 59, 60 to 69, 70 and more. `cs.css.montant.france.*`
pub const CSS_PARTICIPATION: [(i32, &[Dated]); 5] = [
    (29, &[row(date!(2019 - 11 - 01), 8.0, "Art. D861-3 CSS")]),
    (49, &[row(date!(2019 - 11 - 01), 14.0, "Art. D861-3 CSS")]),
    (59, &[row(date!(2019 - 11 - 01), 21.0, "Art. D861-3 CSS")]),
    (69, &[row(date!(2019 - 11 - 01), 25.0, "Art. D861-3 CSS")]),
    (
        i32::MAX,
        &[row(date!(2019 - 11 - 01), 30.0, "Art. D861-3 CSS")],
    ),
];

// ---- SMIC ----

/// Gross hourly SMIC. `marche_travail.salaire_minimum.smic.smic_b_horaire`
pub const SMIC_HOURLY: &[Dated] = &[
    row(
        date!(2023 - 01 - 01),
        11.27,
        "Décret n° 2022-1608 du 22 décembre 2022",
    ),
    row(date!(2023 - 05 - 01), 11.52, "Arrêté du 26 avril 2023"),
    row(date!(2024 - 01 - 01), 11.65, "Décret du 20 décembre 2023"),
    row(
        date!(2024 - 11 - 01),
        11.88,
        "Décret n° 2024-951 du 23 octobre 2024",
    ),
    row(
        date!(2026 - 01 - 01),
        12.02,
        "Décret n° 2025-1228 du 17 décembre 2025",
    ),
    row(date!(2026 - 06 - 01), 12.31, "Arrêté du 22 mai 2026"),
];

/// The first month the tables cover for every parameter (the simulator refuses earlier
/// months, whose three previous months would need older rows).
pub const FIRST_MONTH: Date = date!(2023 - 08 - 01);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_value_in_force_is_the_last_row_started() {
        assert_eq!(at(RSA_BASE, date!(2026 - 03 - 31)), 646.52);
        assert_eq!(at(RSA_BASE, date!(2026 - 04 - 01)), 651.69);
        assert_eq!(at(RSA_BASE, date!(2030 - 01 - 01)), 651.69);
        assert_eq!(at(SMIC_HOURLY, date!(2026 - 05 - 01)), 12.02);
    }

    #[test]
    fn every_table_is_in_date_order_and_cited() {
        for table in [
            RSA_BASE,
            PPA_BASE,
            PPA_EARNINGS_SHARE,
            PPA_BONUS_FULL_AT,
            PPA_BONUS_MAX_RATE,
            SMIC_HOURLY,
        ] {
            assert!(table.windows(2).all(|w| w[0].from < w[1].from));
            assert!(table.iter().all(|r| !r.source.is_empty()));
        }
    }
}
