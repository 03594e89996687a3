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

/// Increase for the third person (a couple's first child, a single parent's second) and for
/// each person beyond (a couple's second child counts 0.3 too).
/// `rsa.rsa_maj.maj_montant_max.{couple_1_enfant_ou_2e_enfant,par_enfant_supplementaire}`
pub const RSA_THIRD_PERSON: &[Dated] = &[row(date!(2009 - 06 - 01), 0.3, "Art. R262-1 CASF")];
pub const RSA_PER_EXTRA_CHILD: &[Dated] = &[row(date!(2009 - 06 - 01), 0.4, "Art. R262-1 CASF")];

/// The single parent's increased montant forfaitaire: this share of the base, plus this share
/// per child. `rsa.rsa_maj.majoration_isolement_en_base_rsa.{femmes_enceintes,par_enfant_a_charge}`
pub const RSA_LONE_PARENT: &[Dated] = &[row(date!(2016 - 01 - 01), 1.28412, "Art. R262-1 CASF")];
pub const RSA_LONE_PARENT_PER_CHILD: &[Dated] =
    &[row(date!(2016 - 01 - 01), 0.42804, "Art. R262-1 CASF")];

/// The single parent's increase holds, without a recent separation, while a child is under
/// this age. `rsa.rsa_maj.majoration_isolement_en_base_rsa.age_limite_enfant`
pub const RSA_LONE_PARENT_CHILD_AGE: &[Dated] =
    &[row(date!(2009 - 06 - 01), 3.0, "Art. L262-9 CASF")];

/// Forfait logement share for three persons or more. `rsa.rsa_fl.forfait_logement.taux_3_personnes_ou_plus`
pub const RSA_HOUSING_3: &[Dated] = &[row(date!(2009 - 06 - 01), 0.165, "Art. R262-9 3° CASF")];

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

/// Increases for the third person and beyond, and the single parent's montant forfaitaire.
/// `ppa.pa_m.majoration_montant_maximal.*`, `ppa.pa_m.majoration_isolement.*`
pub const PPA_THIRD_PERSON: &[Dated] = &[row(date!(2016 - 01 - 01), 0.3, "Art. D843-1 CSS")];
pub const PPA_PER_EXTRA_CHILD: &[Dated] = &[row(date!(2016 - 01 - 01), 0.4, "Art. D843-1 CSS")];
pub const PPA_LONE_PARENT: &[Dated] = &[row(date!(2016 - 01 - 01), 1.28412, "Art. D843-1 CSS")];
pub const PPA_LONE_PARENT_PER_CHILD: &[Dated] =
    &[row(date!(2016 - 01 - 01), 0.42804, "Art. D843-1 CSS")];
pub const PPA_HOUSING_3: &[Dated] = &[row(date!(2016 - 01 - 01), 0.165, "Art. R844-3 CSS")];

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

/// Ceiling increase for the third and fourth persons, and for each person beyond.
/// `cs.cmu.coeff_p3_p4`, `cs.cmu.coeff_p5_plus`
pub const CSS_THIRD_FOURTH: &[Dated] = &[row(date!(2000 - 01 - 01), 0.3, "Art. R861-3 CSS")];
pub const CSS_FIFTH_PLUS: &[Dated] = &[row(date!(2000 - 01 - 01), 0.4, "Art. R861-3 CSS")];

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

/// Forfait logement shares for three persons or more, housed free and with a housing aid.
/// `cs.css.forfait_logement_sans_al.taux_3p_plus`, `cs.css.forfait_logement_avec_al.taux_3p_plus`
pub const CSS_HOUSING_3: &[Dated] = &[row(
    date!(2019 - 11 - 01),
    0.14,
    "Art. R861-5 CSS (Loi n° 2018-1203 du 22 décembre 2018)",
)];
pub const CSS_HOUSING_AID_3: &[Dated] = &[row(
    date!(2019 - 11 - 01),
    0.165,
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

// ---- Housing aid (aide au logement: APL, ALF, ALS; Code de la construction et de
// l'habitation, L821-1 ff., R822-1 ff., D823-1 ff.), for a tenant in métropole. The names are
// OpenFisca-France's `prestations_sociales.aides_logement.allocations_logement` (`al.`), the
// values and sources generated from its parameters (docs/simulator.md). ----

/// `al.locatif.formule.l_plafonds_loyers.par_zone.zone_1.personnes_seules`
pub const AL_CEILING_Z1_SINGLE: &[Dated] = &[
    row(
        date!(2021 - 10 - 01),
        298.07,
        "Arrêté du 27/09/2019, art. 7",
    ),
    row(date!(2022 - 07 - 01), 308.5, "Arrêté du 27/09/2019, art. 7"),
    row(date!(2023 - 10 - 01), 319.3, "Arrêté du 22/09/2023, art. 1"),
    row(
        date!(2024 - 10 - 01),
        329.71,
        "Arrêté du 27/09/2024, art. 1",
    ),
    row(date!(2025 - 10 - 01), 333.14, "Arrêté du 05/09/2025"),
    row(
        date!(2026 - 10 - 01),
        336.97,
        "Arrêté du 28/09/2026, art. 1",
    ),
];
/// `al.locatif.formule.l_plafonds_loyers.par_zone.zone_1.couples`
pub const AL_CEILING_Z1_COUPLE: &[Dated] = &[
    row(
        date!(2021 - 10 - 01),
        359.49,
        "Arrêté du 27/09/2019, art. 7",
    ),
    row(
        date!(2022 - 07 - 01),
        372.07,
        "Arrêté du 27/09/2019, art. 7",
    ),
    row(
        date!(2023 - 10 - 01),
        385.09,
        "Arrêté du 22/09/2023, art. 1",
    ),
    row(
        date!(2024 - 10 - 01),
        397.64,
        "Arrêté du 27/09/2024, art. 1",
    ),
    row(date!(2025 - 10 - 01), 401.78, "Arrêté du 05/09/2025"),
    row(date!(2026 - 10 - 01), 406.4, "Arrêté du 28/09/2026, art. 1"),
];
/// `al.locatif.formule.l_plafonds_loyers.par_zone.zone_1.un_enfant`
pub const AL_CEILING_Z1_ONE_CHILD: &[Dated] = &[
    row(date!(2021 - 10 - 01), 406.3, "Arrêté du 27/09/2019, art. 7"),
    row(
        date!(2022 - 07 - 01),
        420.52,
        "Arrêté du 27/09/2019, art. 7",
    ),
    row(
        date!(2023 - 10 - 01),
        435.24,
        "Arrêté du 22/09/2023, art. 1",
    ),
    row(
        date!(2024 - 10 - 01),
        449.43,
        "Arrêté du 27/09/2024, art. 1",
    ),
    row(date!(2025 - 10 - 01), 454.1, "Arrêté du 05/09/2025"),
    row(
        date!(2026 - 10 - 01),
        459.32,
        "Arrêté du 28/09/2026, art. 1",
    ),
];
/// `al.locatif.formule.l_plafonds_loyers.par_zone.zone_1.majoration_par_enf_supp`
pub const AL_CEILING_Z1_PER_CHILD: &[Dated] = &[
    row(date!(2021 - 10 - 01), 58.95, "Arrêté du 27/09/2019, art. 7"),
    row(date!(2022 - 07 - 01), 61.01, "Arrêté du 27/09/2019, art. 7"),
    row(date!(2023 - 10 - 01), 63.15, "Arrêté du 22/09/2023, art. 1"),
    row(date!(2024 - 10 - 01), 65.21, "Arrêté du 27/09/2024, art. 1"),
    row(date!(2025 - 10 - 01), 65.89, "Arrêté du 05/09/2025"),
    row(date!(2026 - 10 - 01), 66.65, "Arrêté du 28/09/2026, art. 1"),
];
/// `al.locatif.formule.l_plafonds_loyers.par_zone.zone_2.personnes_seules`
pub const AL_CEILING_Z2_SINGLE: &[Dated] = &[
    row(
        date!(2021 - 10 - 01),
        259.78,
        "Arrêté du 27/09/2019, art. 7",
    ),
    row(
        date!(2022 - 07 - 01),
        268.87,
        "Arrêté du 27/09/2019, art. 7",
    ),
    row(
        date!(2023 - 10 - 01),
        278.28,
        "Arrêté du 22/09/2023, art. 1",
    ),
    row(
        date!(2024 - 10 - 01),
        287.35,
        "Arrêté du 27/09/2024, art. 1",
    ),
    row(date!(2025 - 10 - 01), 290.34, "Arrêté du 05/09/2025"),
    row(
        date!(2026 - 10 - 01),
        293.68,
        "Arrêté du 28/09/2026, art. 1",
    ),
];
/// `al.locatif.formule.l_plafonds_loyers.par_zone.zone_2.couples`
pub const AL_CEILING_Z2_COUPLE: &[Dated] = &[
    row(
        date!(2021 - 10 - 01),
        317.97,
        "Arrêté du 27/09/2019, art. 7",
    ),
    row(date!(2022 - 07 - 01), 329.1, "Arrêté du 27/09/2019, art. 7"),
    row(
        date!(2023 - 10 - 01),
        340.62,
        "Arrêté du 22/09/2023, art. 1",
    ),
    row(
        date!(2024 - 10 - 01),
        351.72,
        "Arrêté du 27/09/2024, art. 1",
    ),
    row(date!(2025 - 10 - 01), 355.38, "Arrêté du 05/09/2025"),
    row(
        date!(2026 - 10 - 01),
        359.47,
        "Arrêté du 28/09/2026, art. 1",
    ),
];
/// `al.locatif.formule.l_plafonds_loyers.par_zone.zone_2.un_enfant`
pub const AL_CEILING_Z2_ONE_CHILD: &[Dated] = &[
    row(date!(2021 - 10 - 01), 357.8, "Arrêté du 27/09/2019, art. 7"),
    row(
        date!(2022 - 07 - 01),
        370.32,
        "Arrêté du 27/09/2019, art. 7",
    ),
    row(
        date!(2023 - 10 - 01),
        383.28,
        "Arrêté du 22/09/2023, art. 1",
    ),
    row(
        date!(2024 - 10 - 01),
        395.77,
        "Arrêté du 27/09/2024, art. 1",
    ),
    row(date!(2025 - 10 - 01), 399.89, "Arrêté du 05/09/2025"),
    row(
        date!(2026 - 10 - 01),
        404.49,
        "Arrêté du 28/09/2026, art. 1",
    ),
];
/// `al.locatif.formule.l_plafonds_loyers.par_zone.zone_2.majoration_par_enf_supp`
pub const AL_CEILING_Z2_PER_CHILD: &[Dated] = &[
    row(date!(2021 - 10 - 01), 52.08, "Arrêté du 27/09/2019, art. 7"),
    row(date!(2022 - 07 - 01), 53.9, "Arrêté du 27/09/2019, art. 7"),
    row(date!(2023 - 10 - 01), 55.79, "Arrêté du 22/09/2023, art. 1"),
    row(date!(2024 - 10 - 01), 57.61, "Arrêté du 27/09/2024, art. 1"),
    row(date!(2025 - 10 - 01), 58.21, "Arrêté du 05/09/2025"),
    row(date!(2026 - 10 - 01), 58.88, "Arrêté du 28/09/2026, art. 1"),
];
/// `al.locatif.formule.l_plafonds_loyers.par_zone.zone_3.personnes_seules`
pub const AL_CEILING_Z3_SINGLE: &[Dated] = &[
    row(
        date!(2021 - 10 - 01),
        243.48,
        "Arrêté du 27/09/2019, art. 7",
    ),
    row(date!(2022 - 07 - 01), 252.0, "Arrêté du 27/09/2019, art. 7"),
    row(
        date!(2023 - 10 - 01),
        260.82,
        "Arrêté du 22/09/2023, art. 1",
    ),
    row(
        date!(2024 - 10 - 01),
        269.32,
        "Arrêté du 27/09/2024, art. 1",
    ),
    row(date!(2025 - 10 - 01), 272.12, "Arrêté du 05/09/2025"),
    row(
        date!(2026 - 10 - 01),
        275.25,
        "Arrêté du 28/09/2026, art. 1",
    ),
];
/// `al.locatif.formule.l_plafonds_loyers.par_zone.zone_3.couples`
pub const AL_CEILING_Z3_COUPLE: &[Dated] = &[
    row(
        date!(2021 - 10 - 01),
        295.15,
        "Arrêté du 27/09/2019, art. 7",
    ),
    row(
        date!(2022 - 07 - 01),
        305.48,
        "Arrêté du 27/09/2019, art. 7",
    ),
    row(
        date!(2023 - 10 - 01),
        316.17,
        "Arrêté du 22/09/2023, art. 1",
    ),
    row(
        date!(2024 - 10 - 01),
        326.48,
        "Arrêté du 27/09/2024, art. 1",
    ),
    row(date!(2025 - 10 - 01), 329.88, "Arrêté du 05/09/2025"),
    row(
        date!(2026 - 10 - 01),
        333.67,
        "Arrêté du 28/09/2026, art. 1",
    ),
];
/// `al.locatif.formule.l_plafonds_loyers.par_zone.zone_3.un_enfant`
pub const AL_CEILING_Z3_ONE_CHILD: &[Dated] = &[
    row(
        date!(2021 - 10 - 01),
        330.94,
        "Arrêté du 27/09/2019, art. 7",
    ),
    row(
        date!(2022 - 07 - 01),
        342.52,
        "Arrêté du 27/09/2019, art. 7",
    ),
    row(
        date!(2023 - 10 - 01),
        354.51,
        "Arrêté du 22/09/2023, art. 1",
    ),
    row(
        date!(2024 - 10 - 01),
        366.07,
        "Arrêté du 27/09/2024, art. 1",
    ),
    row(date!(2025 - 10 - 01), 369.88, "Arrêté du 05/09/2025"),
    row(
        date!(2026 - 10 - 01),
        374.13,
        "Arrêté du 28/09/2026, art. 1",
    ),
];
/// `al.locatif.formule.l_plafonds_loyers.par_zone.zone_3.majoration_par_enf_supp`
pub const AL_CEILING_Z3_PER_CHILD: &[Dated] = &[
    row(date!(2021 - 10 - 01), 47.43, "Arrêté du 27/09/2019, art. 7"),
    row(date!(2022 - 07 - 01), 49.09, "Arrêté du 27/09/2019, art. 7"),
    row(date!(2023 - 10 - 01), 50.81, "Arrêté du 22/09/2023, art. 1"),
    row(date!(2024 - 10 - 01), 52.47, "Arrêté du 27/09/2024, art. 1"),
    row(date!(2025 - 10 - 01), 53.01, "Arrêté du 05/09/2025"),
    row(date!(2026 - 10 - 01), 53.62, "Arrêté du 28/09/2026, art. 1"),
];
/// `al.locatif.formule.c_forfait_charges.cas_general.cas_general`
pub const AL_CHARGES: &[Dated] = &[
    row(date!(2021 - 10 - 01), 54.22, "Arrêté du 27/09/2019, art. 9"),
    row(
        date!(2022 - 07 - 01),
        56.12,
        "Arrêté du 27/09/2019, article 9",
    ),
    row(date!(2023 - 10 - 01), 58.08, "Arrêté du 22/09/2023, art. 1"),
    row(date!(2024 - 10 - 01), 59.97, "Arrêté du 27/09/2019, art. 9"),
    row(date!(2025 - 10 - 01), 60.59, "Arrêté du 05/09/2025"),
    row(
        date!(2026 - 10 - 01),
        61.29,
        "Arrêté du 28/09/2026, art. 1, 3°",
    ),
];
/// `al.locatif.formule.c_forfait_charges.cas_general.majoration_par_enfant`
pub const AL_CHARGES_PER_CHILD: &[Dated] = &[
    row(
        date!(2021 - 10 - 01),
        12.29,
        "Arrêté du 27/09/2019, art. 16",
    ),
    row(
        date!(2022 - 07 - 01),
        12.72,
        "Arrêté du 27/09/2019, article 16, 2°",
    ),
    row(date!(2023 - 10 - 01), 13.17, "Arrêté du 22/09/2023, art. 1"),
    row(date!(2024 - 10 - 01), 13.6, "Arrêté du 27/09/2019, art. 9"),
    row(date!(2025 - 10 - 01), 13.74, "Arrêté du 05/09/2025"),
    row(
        date!(2026 - 10 - 01),
        13.9,
        "Arrêté du 28/09/2026, art. 1, 3°",
    ),
];
/// `al.locatif.formule.pp_particip_perso.p0_particip_min.p0_taux`
pub const AL_P0_RATE: &[Dated] = &[row(
    date!(2001 - 01 - 01),
    0.085,
    "Arrêté du 27/09/2019, art. 13",
)];
/// `al.locatif.formule.pp_particip_perso.p0_particip_min.p0_forfait`
pub const AL_P0_FLAT: &[Dated] = &[
    row(
        date!(2021 - 10 - 01),
        35.39,
        "Arrêté du 27/09/2019, art. 13",
    ),
    row(
        date!(2022 - 07 - 01),
        36.63,
        "Arrêté du 27/09/2019, art. 13",
    ),
    row(date!(2023 - 10 - 01), 37.91, "Arrêté du 22/09/2023, art. 1"),
    row(date!(2024 - 10 - 01), 39.15, "Arrêté du 27/09/2024, art. 1"),
    row(date!(2025 - 10 - 01), 39.56, "Arrêté du 05/09/2025"),
    row(
        date!(2026 - 10 - 01),
        40.01,
        "Arrêté du 27/09/2019, art. 13",
    ),
];
/// `al.locatif.formule.pp_particip_perso.r0_abattement.cas_general.taux_seul`
pub const AL_R0_SINGLE: &[Dated] = &[
    row(
        date!(2022 - 01 - 01),
        4683.0,
        "Arrêté du 20/12/2021, art. 1",
    ),
    row(date!(2022 - 07 - 01), 4870.0, "OpenFisca-France taux_seul"),
    row(
        date!(2023 - 01 - 01),
        4949.0,
        "Arrêté du 26/12/2022, art. 1",
    ),
    row(
        date!(2024 - 01 - 01),
        5186.0,
        "Arrêté du 15/12/2023, art. 1",
    ),
    row(
        date!(2025 - 01 - 01),
        5235.0,
        "Arrêté du 28/12/2025, art. 1",
    ),
];
/// `al.locatif.formule.pp_particip_perso.r0_abattement.cas_general.taux_couple`
pub const AL_R0_COUPLE: &[Dated] = &[
    row(
        date!(2022 - 01 - 01),
        6709.0,
        "Arrêté du 20/12/2021, art. 1",
    ),
    row(
        date!(2022 - 07 - 01),
        6977.0,
        "OpenFisca-France taux_couple",
    ),
    row(
        date!(2023 - 01 - 01),
        7090.0,
        "Arrêté du 26/12/2022, art. 1",
    ),
    row(
        date!(2024 - 01 - 01),
        7430.0,
        "Arrêté du 15/12/2023, art. 1",
    ),
    row(
        date!(2025 - 01 - 01),
        7501.0,
        "Arrêté du 28/12/2025, art. 1",
    ),
];
/// `al.locatif.formule.pp_particip_perso.r0_abattement.cas_general.taux1pac`
pub const AL_R0_1: &[Dated] = &[
    row(
        date!(2022 - 01 - 01),
        8002.0,
        "Arrêté du 20/12/2021, art. 1",
    ),
    row(date!(2022 - 07 - 01), 8322.0, "OpenFisca-France taux1pac"),
    row(
        date!(2023 - 01 - 01),
        8456.0,
        "Arrêté du 26/12/2022, art. 1",
    ),
    row(
        date!(2024 - 01 - 01),
        8862.0,
        "Arrêté du 15/12/2023, art. 1",
    ),
    row(
        date!(2025 - 01 - 01),
        8947.0,
        "Arrêté du 28/12/2025, art. 1",
    ),
];
/// `al.locatif.formule.pp_particip_perso.r0_abattement.cas_general.taux2pac`
pub const AL_R0_2: &[Dated] = &[
    row(
        date!(2022 - 01 - 01),
        8182.0,
        "Arrêté du 20/12/2021, art. 1",
    ),
    row(date!(2022 - 07 - 01), 8509.0, "OpenFisca-France taux2pac"),
    row(
        date!(2023 - 01 - 01),
        8646.0,
        "Arrêté du 26/12/2022, art. 1",
    ),
    row(
        date!(2024 - 01 - 01),
        9061.0,
        "Arrêté du 15/12/2023, art. 1",
    ),
    row(
        date!(2025 - 01 - 01),
        9148.0,
        "Arrêté du 28/12/2025, art. 1",
    ),
];
/// `al.locatif.formule.pp_particip_perso.r0_abattement.cas_general.taux3pac`
pub const AL_R0_3: &[Dated] = &[
    row(
        date!(2022 - 01 - 01),
        8495.0,
        "Arrêté du 20/12/2021, art. 1",
    ),
    row(date!(2022 - 07 - 01), 8834.0, "OpenFisca-France taux3pac"),
    row(
        date!(2023 - 01 - 01),
        8977.0,
        "Arrêté du 26/12/2022, art. 1",
    ),
    row(
        date!(2024 - 01 - 01),
        9408.0,
        "Arrêté du 15/12/2023, art. 1",
    ),
    row(
        date!(2025 - 01 - 01),
        9498.0,
        "Arrêté du 28/12/2025, art. 1",
    ),
];
/// `al.locatif.formule.pp_particip_perso.r0_abattement.cas_general.taux4pac`
pub const AL_R0_4: &[Dated] = &[
    row(
        date!(2022 - 01 - 01),
        8811.0,
        "Arrêté du 20/12/2021, art. 1",
    ),
    row(date!(2022 - 07 - 01), 9163.0, "OpenFisca-France taux4pac"),
    row(
        date!(2023 - 01 - 01),
        9311.0,
        "Arrêté du 26/12/2022, art. 1",
    ),
    row(
        date!(2024 - 01 - 01),
        9758.0,
        "Arrêté du 15/12/2023, art. 1",
    ),
    row(
        date!(2025 - 01 - 01),
        9851.0,
        "Arrêté du 28/12/2025, art. 1",
    ),
];
/// `al.locatif.formule.pp_particip_perso.r0_abattement.cas_general.taux5pac`
pub const AL_R0_5: &[Dated] = &[
    row(
        date!(2022 - 01 - 01),
        9124.0,
        "Arrêté du 20/12/2021, art. 1",
    ),
    row(date!(2022 - 07 - 01), 9488.0, "OpenFisca-France taux5pac"),
    row(
        date!(2023 - 01 - 01),
        9642.0,
        "Arrêté du 26/12/2022, art. 1",
    ),
    row(
        date!(2024 - 01 - 01),
        10105.0,
        "Arrêté du 15/12/2023, art. 1",
    ),
    row(
        date!(2025 - 01 - 01),
        10202.0,
        "Arrêté du 28/12/2025, art. 1",
    ),
];
/// `al.locatif.formule.pp_particip_perso.r0_abattement.cas_general.taux6pac`
pub const AL_R0_6: &[Dated] = &[
    row(
        date!(2022 - 01 - 01),
        9439.0,
        "Arrêté du 20/12/2021, art. 1",
    ),
    row(date!(2022 - 07 - 01), 9816.0, "OpenFisca-France taux6pac"),
    row(
        date!(2023 - 01 - 01),
        9975.0,
        "Arrêté du 26/12/2022, art. 1",
    ),
    row(
        date!(2024 - 01 - 01),
        10454.0,
        "Arrêté du 15/12/2023, art. 1",
    ),
    row(
        date!(2025 - 01 - 01),
        10554.0,
        "Arrêté du 28/12/2025, art. 1",
    ),
];
/// `al.locatif.formule.pp_particip_perso.r0_abattement.cas_general.taux_pac_supp`
pub const AL_R0_PER_CHILD: &[Dated] = &[
    row(date!(2022 - 01 - 01), 311.0, "Arrêté du 20/12/2021, art. 1"),
    row(
        date!(2022 - 07 - 01),
        323.0,
        "OpenFisca-France taux_pac_supp",
    ),
    row(date!(2023 - 01 - 01), 328.0, "Arrêté du 26/12/2022, art. 1"),
    row(date!(2024 - 01 - 01), 343.0, "Arrêté du 15/12/2023, art. 1"),
    row(date!(2025 - 01 - 01), 346.0, "Arrêté du 28/12/2025, art. 1"),
];
/// `al.locatif.formule.pp_particip_perso.tp_taux.tf_taille_famille.metropole.personnes_isolees`
pub const AL_TF_SINGLE: &[Dated] = &[row(date!(2007 - 07 - 01), 0.0283, "Arrêté du 10/07/2007")];
/// `al.locatif.formule.pp_particip_perso.tp_taux.tf_taille_famille.metropole.couples_0_enfant`
pub const AL_TF_COUPLE: &[Dated] = &[row(date!(2007 - 07 - 01), 0.0315, "Arrêté du 10/07/2007")];
/// `al.locatif.formule.pp_particip_perso.tp_taux.tf_taille_famille.metropole.avec_1_enfant`
pub const AL_TF_1: &[Dated] = &[row(date!(2007 - 07 - 01), 0.027, "Arrêté du 10/07/2007")];
/// `al.locatif.formule.pp_particip_perso.tp_taux.tf_taille_famille.metropole.avec_2_enfants`
pub const AL_TF_2: &[Dated] = &[row(date!(2007 - 07 - 01), 0.0238, "Arrêté du 10/07/2007")];
/// `al.locatif.formule.pp_particip_perso.tp_taux.tf_taille_famille.metropole.avec_3_enfants`
pub const AL_TF_3: &[Dated] = &[row(date!(2007 - 07 - 01), 0.0201, "Arrêté du 10/07/2007")];
/// `al.locatif.formule.pp_particip_perso.tp_taux.tf_taille_famille.metropole.avec_4_enfants`
pub const AL_TF_4: &[Dated] = &[row(date!(2007 - 07 - 01), 0.0185, "Arrêté du 10/07/2007")];
/// `al.locatif.formule.pp_particip_perso.tp_taux.tf_taille_famille.metropole.avec_5_enfants`
pub const AL_TF_5: &[Dated] = &[row(date!(2007 - 07 - 01), 0.0179, "Arrêté du 10/07/2007")];
/// `al.locatif.formule.pp_particip_perso.tp_taux.tf_taille_famille.metropole.avec_6_enfants`
pub const AL_TF_6: &[Dated] = &[row(date!(2007 - 07 - 01), 0.0173, "Arrêté du 10/07/2007")];
/// `al.locatif.formule.pp_particip_perso.tp_taux.tf_taille_famille.metropole.maj_par_enf_supp`
pub const AL_TF_PER_CHILD: &[Dated] =
    &[row(date!(2007 - 07 - 01), -0.0006, "Arrêté du 10/07/2007")];
/// `al.locatif.formule.pp_particip_perso.tp_taux.tl_loyer.seuils.seuil_1`
pub const AL_TL_THRESHOLD_1: &[Dated] = &[row(date!(2001 - 01 - 01), 0.45, "Arrêté du 26/12/2000")];
/// `al.locatif.formule.pp_particip_perso.tp_taux.tl_loyer.seuils.seuil_2`
pub const AL_TL_THRESHOLD_2: &[Dated] = &[row(date!(2001 - 01 - 01), 0.75, "Arrêté du 26/12/2000")];
/// `al.locatif.formule.pp_particip_perso.tp_taux.tl_loyer.taux.tl_taux_2`
pub const AL_TL_RATE_2: &[Dated] = &[row(date!(2007 - 07 - 01), 0.0045, "Arrêté du 10/07/2007")];
/// `al.locatif.formule.pp_particip_perso.tp_taux.tl_loyer.taux.tl_taux_3`
pub const AL_TL_RATE_3: &[Dated] = &[row(date!(2007 - 07 - 01), 0.0068, "Arrêté du 10/07/2007")];
/// `al.locatif.coefficients_degressivite_suppression.zone_1.degressivite`
pub const AL_DEGRESSIVITY_Z1: &[Dated] = &[row(
    date!(2016 - 07 - 01),
    3.4,
    "Arrêté du 27/09/2019, art. 10",
)];
/// `al.locatif.coefficients_degressivite_suppression.zone_1.suppression`
pub const AL_SUPPRESSION_Z1: &[Dated] = &[row(
    date!(2016 - 07 - 01),
    4.0,
    "Arrêté du 27/09/2019, art. 10",
)];
/// `al.locatif.coefficients_degressivite_suppression.zone_2.degressivite`
pub const AL_DEGRESSIVITY_Z2: &[Dated] = &[row(
    date!(2016 - 07 - 01),
    2.5,
    "Arrêté du 27/09/2019, art. 10",
)];
/// `al.locatif.coefficients_degressivite_suppression.zone_2.suppression`
pub const AL_SUPPRESSION_Z2: &[Dated] = &[row(
    date!(2016 - 07 - 01),
    3.1,
    "Arrêté du 27/09/2019, art. 10",
)];
/// `al.locatif.coefficients_degressivite_suppression.zone_3.degressivite`
pub const AL_DEGRESSIVITY_Z3: &[Dated] = &[row(
    date!(2016 - 07 - 01),
    2.5,
    "Arrêté du 27/09/2019, art. 10",
)];
/// `al.locatif.coefficients_degressivite_suppression.zone_3.suppression`
pub const AL_SUPPRESSION_Z3: &[Dated] = &[row(
    date!(2016 - 07 - 01),
    3.1,
    "Arrêté du 27/09/2019, art. 10",
)];
/// `al.locatif.seuils_minimum_versement.non_apl`
pub const AL_MINIMUM_PAID: &[Dated] = &[row(
    date!(2017 - 10 - 01),
    10.0,
    "Arrêté du 27/02/2018, art. 1",
)];
/// `al.locatif.minoration_forfaitaire`
pub const AL_FLAT_REDUCTION: &[Dated] = &[row(
    date!(2017 - 10 - 01),
    5.0,
    "Arrêté du 28/09/2017, art. 1",
)];
/// Children count as persons in charge for the housing aid until this age (excluded).
/// `prestations_familiales.prestations_generales.cf.cf_cm.age_max`
pub const AL_CHILD_AGE_LIMIT: &[Dated] = &[row(
    date!(2000 - 02 - 01),
    21.0,
    "Art. R512-2 CSS (the family benefits limit, which OpenFisca applies to the housing aid)",
)];
/// `al.ressources.abattements.chomage_indemnise`
pub const AL_UNEMPLOYED_ALLOWANCE: &[Dated] = &[row(
    date!(2002 - 01 - 01),
    0.3,
    "Article R822-14 du Code de la construction et de l'habitation",
)];
/// `al.ressources.abattements.dar_1_double_activite`
pub const AL_DUAL_EARNERS_ALLOWANCE: &[Dated] = &[row(
    date!(2007 - 07 - 01),
    95.0,
    "Arrêté du 27/09/2019, art. 3",
)];
/// `al.ressources.etudiants.locatif.dar_4_forfait_ressources`
pub const AL_STUDENT_FLAT_RESOURCES: &[Dated] = &[
    row(
        date!(2022 - 01 - 01),
        7800.0,
        "Arrêté du 20 décembre 2021, article 1",
    ),
    row(
        date!(2022 - 08 - 01),
        8100.0,
        "Arrêté du 27 septembre 2019, article 6",
    ),
    row(
        date!(2024 - 01 - 01),
        8400.0,
        "Arrêté du 15/12/2023, art. 1",
    ),
    row(
        date!(2025 - 01 - 01),
        8600.0,
        "Arrêté du 28/12/2025, art. 1",
    ),
];
/// `al.ressources.etudiants.age_max`
pub const AL_STUDENT_MAX_AGE: &[Dated] = &[row(
    date!(2020 - 01 - 01),
    28.0,
    "Article R822-20 du Code de la construction et de l'habitation",
)];
/// `prelevements_sociaux.contributions_sociales.crds`
pub const CRDS_RATE: &[Dated] = &[row(
    date!(1996 - 02 - 01),
    0.005,
    "Article 1600-0 J du Code général des impôts",
)];
/// `prestations_sociales.prestations_familiales.bmaf.bmaf`
pub const BMAF: &[Dated] = &[
    row(
        date!(2022 - 04 - 01),
        422.28,
        "Circulaire DSS/2B/2022/82 du 28/03/2022 page 404",
    ),
    row(
        date!(2022 - 07 - 01),
        439.17,
        "LOI n° 2022-1158 du 16/08/2022, art. 9",
    ),
    row(
        date!(2023 - 04 - 01),
        445.93,
        "Instruction interministérielle DSS/2B/2023/41 du 24 mars 2023",
    ),
    row(
        date!(2024 - 04 - 01),
        466.44,
        "Instruction interministérielle n° DSS/2B/2024/43 du 20 mars 2024 (p. 84)",
    ),
    row(
        date!(2025 - 04 - 01),
        474.37,
        "Instruction interministérielle N° DSS/2A/2C/2025/32 du 7 mars 2025",
    ),
    row(
        date!(2026 - 04 - 01),
        478.16,
        "Instruction interministérielle n° DSS/2A/2026/36 du 26 mars 2026",
    ),
];
/// `impot_revenu.calcul_revenus_imposables.deductions.abatpro.taux`
pub const TAX_WAGES_DEDUCTION_RATE: &[Dated] = &[row(
    date!(1943 - 01 - 01),
    0.1,
    "Article 83 du Code général des impôts",
)];
/// `impot_revenu.calcul_revenus_imposables.deductions.abatpro.min`
pub const TAX_WAGES_DEDUCTION_MIN: &[Dated] = &[
    row(
        date!(2022 - 01 - 01),
        472.0,
        "Décret n° 2023-422 du 31/05/2023, art. 1",
    ),
    row(
        date!(2023 - 01 - 01),
        495.0,
        "Décret n° 2024-496 du 30/05/2024, art. 1",
    ),
    row(
        date!(2024 - 01 - 01),
        504.0,
        "Article 83, 3. du Code général des impôts",
    ),
    row(
        date!(2025 - 01 - 01),
        509.0,
        "Décret n° 2026-562 du 29/06/2026, art. 2",
    ),
];
/// `impot_revenu.calcul_revenus_imposables.deductions.abatpro.max`
pub const TAX_WAGES_DEDUCTION_MAX: &[Dated] = &[
    row(
        date!(2022 - 01 - 01),
        13522.0,
        "Décret n° 2023-422 du 31/05/2023, art. 1",
    ),
    row(
        date!(2023 - 01 - 01),
        14171.0,
        "Décret n° 2024-496 du 30/05/2024, art. 1",
    ),
    row(
        date!(2024 - 01 - 01),
        14426.0,
        "Article 83, 3. du Code général des impôts",
    ),
    row(
        date!(2025 - 01 - 01),
        14555.0,
        "Décret n° 2026-562 du 29/06/2026, art. 2",
    ),
];
/// `impot_revenu.calcul_revenus_imposables.deductions.abatpen.taux`
pub const TAX_PENSION_DEDUCTION_RATE: &[Dated] = &[row(
    date!(1943 - 01 - 01),
    0.1,
    "Art. 158 du Code général des impôts",
)];
/// `impot_revenu.calcul_revenus_imposables.deductions.abatpen.min`
pub const TAX_PENSION_DEDUCTION_MIN: &[Dated] = &[
    row(
        date!(2022 - 01 - 01),
        422.0,
        "Décret n° 2023-422 du 31/05/2023, art. 1",
    ),
    row(
        date!(2023 - 01 - 01),
        442.0,
        "Décret n° 2024-496 du 30/05/2024, art. 1",
    ),
    row(
        date!(2024 - 01 - 01),
        450.0,
        "Article 158, 5.a. du Code général des impôts",
    ),
    row(
        date!(2025 - 01 - 01),
        454.0,
        "Décret n° 2026-562 du 29/06/2026, art. 2",
    ),
];
/// `prestations_sociales.solidarite_insertion.minima_sociaux.cs.css.forfait_logement_avec_al.taux_1p`
pub const CSS_HOUSING_AID_1: &[Dated] = &[row(
    date!(2019 - 11 - 01),
    0.12,
    "Article R861-7 du Code de la sécurité sociale",
)];
/// `prestations_sociales.solidarite_insertion.minima_sociaux.cs.css.forfait_logement_avec_al.taux_2p`
pub const CSS_HOUSING_AID_2: &[Dated] = &[row(
    date!(2019 - 11 - 01),
    0.16,
    "Article R861-7 du Code de la sécurité sociale",
)];

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
            AL_CEILING_Z1_SINGLE,
            AL_CEILING_Z2_COUPLE,
            AL_CEILING_Z3_ONE_CHILD,
            AL_CEILING_Z1_PER_CHILD,
            AL_CHARGES,
            AL_CHARGES_PER_CHILD,
            AL_P0_FLAT,
            AL_R0_SINGLE,
            AL_R0_COUPLE,
            AL_R0_6,
            AL_TF_SINGLE,
            AL_STUDENT_FLAT_RESOURCES,
            BMAF,
            TAX_WAGES_DEDUCTION_MIN,
            TAX_WAGES_DEDUCTION_MAX,
            TAX_PENSION_DEDUCTION_MIN,
        ] {
            assert!(
                table
                    .first()
                    .is_some_and(|r| r.from <= date!(2023 - 04 - 01))
            );
            assert!(table.windows(2).all(|w| w[0].from < w[1].from));
            assert!(table.iter().all(|r| !r.source.is_empty()));
        }
    }
}
