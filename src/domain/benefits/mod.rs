//! The benefit simulator: what a person is entitled to for a month, from her household, her
//! situation and her resources of the three months before. Pure rules, no I/O: parameters are
//! dated data (`params`), each benefit is a module. Checked against OpenFisca-France, the
//! State's rules-as-code model, by tests/api/simulator.rs (docs/simulator.md).
//!
//! What the rules do not cover yields `Outcome::OutOfScope` with its reason ("ask your social
//! worker or the CAF"), never a figure the rules cannot stand behind.

mod css;
mod housing;
mod params;
mod ppa;
mod rsa;
mod zones;

use serde::{Deserialize, Serialize};
use time::{Date, Month as CalendarMonth};

use super::InvalidInput;

pub use params::Dated;

/// A calendar month, `YYYY-MM` in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Month {
    year: i32,
    month: CalendarMonth,
}

impl Month {
    pub fn parse(raw: &str) -> Result<Self, InvalidInput> {
        let bad = || InvalidInput::new("month", "invalid_month");
        let (y, m) = raw.trim().split_once('-').ok_or_else(bad)?;
        let year: i32 = y.parse().map_err(|_| bad())?;
        let month: u8 = m.parse().map_err(|_| bad())?;
        if !(2000..=2100).contains(&year) || y.len() != 4 || m.len() != 2 {
            return Err(bad());
        }
        let month = CalendarMonth::try_from(month).map_err(|_| bad())?;
        Ok(Self { year, month })
    }
    pub fn first_day(self) -> Date {
        Date::from_calendar_date(self.year, self.month, 1).unwrap_or(Date::MIN)
    }
    pub fn previous(self) -> Self {
        match self.month {
            CalendarMonth::January => Self {
                year: self.year - 1,
                month: CalendarMonth::December,
            },
            m => Self {
                year: self.year,
                month: m.previous(),
            },
        }
    }
    /// The three months before this one, oldest first (the order of `Resource::monthly`).
    pub fn three_before(self) -> [Self; 3] {
        let m1 = self.previous();
        let m2 = m1.previous();
        [m2.previous(), m2, m1]
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, u8::from(self.month))
    }
}

impl Serialize for Month {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        Month::parse(&raw).map_err(serde::de::Error::custom)
    }
}

/// A date `YYYY-MM-DD` in JSON.
mod iso_date {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::Date;
    use time::macros::format_description;

    const FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
        format_description!("[year]-[month]-[day]");

    pub fn serialize<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
        let text = d.format(FORMAT).map_err(serde::ser::Error::custom)?;
        s.serialize_str(&text)
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let raw = String::deserialize(d)?;
        Date::parse(raw.trim(), FORMAT).map_err(serde::de::Error::custom)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    #[serde(with = "iso_date")]
    pub birth_date: Date,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Nationality {
    Fr,
    Eu,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HousingKind {
    Homeless,
    HostedFree,
    /// Emergency shelter, CHU, CHRS: counts as having no home (`sans_domicile`).
    Shelter,
    Tenant,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Housing {
    pub kind: HousingKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rent: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commune_insee: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Who {
    #[serde(rename = "self")]
    Me,
    Partner,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResourceKind {
    Wages,
    Unemployment,
    Pension,
    SickPay,
    Aah,
    FamilyBenefits,
    Other,
}

/// A resource, net monthly amounts of the three months before the month asked, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resource {
    pub who: Who,
    pub kind: ResourceKind,
    pub monthly: [f64; 3],
}

/// `simulation_input` of API.md, section "Rights and procedures".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SimulationInput {
    pub month: Month,
    #[serde(default)]
    pub couple: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<Person>,
    #[serde(default)]
    pub children: Vec<Person>,
    #[serde(default)]
    pub pregnant: bool,
    pub nationality: Nationality,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residence_permit_years: Option<f64>,
    #[serde(default)]
    pub refugee: bool,
    #[serde(default)]
    pub student: bool,
    pub housing: Housing,
    #[serde(default)]
    pub resources: Vec<Resource>,
}

/// The largest monthly amount, rent or number of years accepted (a typing slip, not a case).
const MAX_AMOUNT: f64 = 1_000_000.0;
const MAX_CHILDREN: usize = 20;

impl SimulationInput {
    /// Checks what the types cannot: a partner exactly when in a couple, amounts finite and
    /// not negative, the month inside the parameter tables, birth dates before the month.
    pub fn validate(&self) -> Result<(), InvalidInput> {
        if self.couple != self.partner.is_some() {
            return Err(InvalidInput::new("partner", "partner_if_couple"));
        }
        if self.month.first_day() < params::FIRST_MONTH {
            return Err(InvalidInput::new("month", "month_not_covered"));
        }
        if self.children.len() > MAX_CHILDREN {
            return Err(InvalidInput::new("children", "too_many"));
        }
        let amount = |v: f64| v.is_finite() && (0.0..=MAX_AMOUNT).contains(&v);
        for r in &self.resources {
            if !r.monthly.iter().all(|v| amount(*v)) {
                return Err(InvalidInput::new("resources", "invalid_amount"));
            }
            if r.who == Who::Partner && !self.couple {
                return Err(InvalidInput::new("resources", "partner_if_couple"));
            }
        }
        if !self
            .residence_permit_years
            .is_none_or(|y| y.is_finite() && (0.0..=150.0).contains(&y))
        {
            return Err(InvalidInput::new(
                "residence_permit_years",
                "invalid_number",
            ));
        }
        if !self.housing.rent.is_none_or(amount) {
            return Err(InvalidInput::new("rent", "invalid_amount"));
        }
        let end = self.month.first_day();
        let born_before = |p: &Person| p.birth_date < end;
        if !self.partner.iter().chain(&self.children).all(born_before) {
            return Err(InvalidInput::new("birth_date", "after_month"));
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BenefitCode {
    Rsa,
    PrimeActivite,
    Css,
    AideLogement,
}

/// Why a case is outside what the rules cover (the person is told to ask her social worker
/// or the CAF); codes, translated by the pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutOfScope {
    /// A tenant whose commune the housing-aid zone table does not know (a commune created
    /// since 2015, an overseas one) or without a rent: the housing aid, which enters the RSA,
    /// prime d'activité and CSS, cannot be computed.
    Commune,
    /// Sick pay: counted as earnings or not depending on when the sick leave began.
    SickPay,
    /// Family benefits received: their share in the resources depends on the benefit.
    FamilyBenefits,
    /// 65 or older: the minimum old-age pension (ASPA) comes first.
    OldAge,
    /// Not yet modelled at all.
    NotModelled,
}

/// A condition the rules could not check (the person or her social worker checks it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unverified {
    /// Stable and effective residence in France (a domiciliation for a person without a home).
    ResidenceInFrance,
    /// Savings and property (their yield counts as a resource).
    Savings,
    /// For an EEA citizen: a right of residence (worker, or more than three months here).
    EuRightOfResidence,
    /// Under 25: the "RSA jeune actif" after two years of work in the last three.
    YoungActive,
    /// Other benefits must be claimed first (pension, unemployment benefit, alimony).
    OtherBenefitsFirst,
    /// A recent separation (under 18 months) raises the amount for a single parent.
    RecentSeparation,
    /// Family benefits she could claim (allocations familiales from two children, the ASF for
    /// a single parent, the PAJE under three) are not counted: once paid, they reduce the RSA
    /// and prime d'activité and count for the CSS.
    FamilyBenefitsToClaim,
    /// Under 25: not a dependent of her parents (their tax household, their home, alimony),
    /// or she is covered with them.
    NotParentsDependent,
    /// Housing aid: the resources are those declared for income tax over the twelve months
    /// ending two months before (estimated here from the net amounts of the last three).
    TaxableResources,
    /// Housing aid: a decent dwelling, her main home (eight months a year), rented from
    /// someone who is not a close relative.
    DecentDwelling,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Outcome {
    /// The rules computed it: eligible when the monthly amount is paid (above the minimum
    /// paid), in euros rounded to the cent.
    Computed {
        eligible: bool,
        monthly_amount: f64,
    },
    OutOfScope {
        reason: OutOfScope,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Benefit {
    pub code: BenefitCode,
    #[serde(flatten)]
    pub outcome: Outcome,
    pub unverified_conditions: Vec<Unverified>,
    pub institution: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub teleservice_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub form: Option<String>,
    /// The CSS's monthly participation in euros when it is not free.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub participation: Option<f64>,
    /// Document type codes of API.md to gather.
    pub documents: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Simulation {
    pub month: Month,
    pub benefits: Vec<Benefit>,
}

/// The household as the rules see it, for one month.
struct Household<'a> {
    input: &'a SimulationInput,
    birth_date: Date,
}

impl Household<'_> {
    fn parents(&self) -> usize {
        1 + usize::from(self.input.couple)
    }
    /// Age in whole years on the first day of `month` (calendar age, as the law counts it).
    fn ages(&self, month: Month) -> impl Iterator<Item = i32> + '_ {
        let day = month.first_day();
        std::iter::once(self.birth_date)
            .chain(self.input.partner.iter().map(|p| p.birth_date))
            .map(move |b| age_on(b, day))
    }
    /// The sum of the resources of `kind` of `who` in the month `i` (0 = M-3 .. 2 = M-1).
    fn resource(&self, who: Who, kind: ResourceKind, i: usize) -> f64 {
        self.input
            .resources
            .iter()
            .filter(|r| r.who == who && r.kind == kind)
            .map(|r| r.monthly.get(i).copied().unwrap_or(0.0))
            .sum()
    }
    /// The resources of `kind` of `who` in any `month`, by the contract's convention: the
    /// three months given as they are, the months before them at their average, the month
    /// asked (and after) as the last month given.
    fn resource_in(&self, who: Who, kind: ResourceKind, month: Month) -> f64 {
        let [a, b, c] = self.input.month.three_before();
        match month {
            m if m == a => self.resource(who, kind, 0),
            m if m == b => self.resource(who, kind, 1),
            m if m >= c => self.resource(who, kind, 2),
            _ => (0..3).map(|i| self.resource(who, kind, i)).sum::<f64>() / 3.0,
        }
    }
    fn members(&self) -> &'static [Who] {
        if self.input.couple {
            &[Who::Me, Who::Partner]
        } else {
            &[Who::Me]
        }
    }
    /// The nationality condition of the RSA (and of the prime d'activité): French, an EEA
    /// citizen here for three months, or another foreigner with five years of residence
    /// permits; a refugee is exempt from the duration.
    fn nationality_ok(&self, day: Date) -> bool {
        let years = if self.input.refugee {
            f64::INFINITY
        } else {
            self.input.residence_permit_years.unwrap_or(0.0)
        };
        match self.input.nationality {
            Nationality::Fr => true,
            Nationality::Eu => years >= params::at(params::RSA_YEARS_EEA, day),
            Nationality::Other => years >= params::at(params::RSA_YEARS_OTHER, day),
        }
    }
    /// The ages in whole years on the first day of `month` of the children born by then.
    fn child_ages(&self, month: Month) -> impl Iterator<Item = i32> + '_ {
        let day = month.first_day();
        self.input
            .children
            .iter()
            .filter(move |c| c.birth_date <= day)
            .map(move |c| age_on(c.birth_date, day))
    }
    /// Children the RSA and prime d'activité count (under 25; they have no resources here).
    fn rsa_children(&self, month: Month) -> usize {
        let limit = params::at(params::RSA_MIN_AGE, month.first_day());
        self.child_ages(month)
            .filter(|a| f64::from(*a) < limit)
            .count()
    }
    /// A single parent with a child under three, or a pregnant woman alone: the increased
    /// montant forfaitaire of the RSA and prime d'activité (L262-9 CASF). With older children
    /// it needs a separation of less than 18 months, which the rules do not ask (an unverified
    /// condition). The pregnancy is taken as lasting over the three months given.
    fn lone_parent(&self, month: Month) -> bool {
        let limit = params::at(params::RSA_LONE_PARENT_CHILD_AGE, month.first_day());
        !self.input.couple
            && (self.input.pregnant
                || (self.rsa_children(month) > 0
                    && self.child_ages(month).any(|a| f64::from(a) < limit)))
    }
    /// The family conditions RSA and the prime cannot check: a recent separation (a single
    /// parent's increase), family benefits still to claim (they will reduce the amount).
    fn family_conditions(&self, out: &mut Vec<Unverified>) {
        if self.maybe_lone_parent(self.input.month) {
            out.push(Unverified::RecentSeparation);
        }
        if !self.input.children.is_empty() {
            out.push(Unverified::FamilyBenefitsToClaim);
        }
    }
    /// A single parent who could have the increase after a recent separation.
    fn maybe_lone_parent(&self, month: Month) -> bool {
        !self.input.couple && self.rsa_children(month) > 0 && !self.lone_parent(month)
    }
    /// Housed free of charge: the forfait logement is deducted.
    fn hosted_free(&self) -> bool {
        self.input.housing.kind == HousingKind::HostedFree
    }
}

/// The housing aid of each month the other benefits need (M-3 .. M), for a tenant; all 0
/// for a household without a rent.
struct HousingAid {
    months: [Month; 4],
    amounts: [f64; 4],
}

impl HousingAid {
    fn of(h: &Household<'_>, tenancy: Option<housing::Tenancy>) -> Self {
        let [a, b, c] = h.input.month.three_before();
        let months = [a, b, c, h.input.month];
        let amounts = months.map(|m| {
            tenancy.as_ref().map_or(0.0, |t| {
                // Activity and unemployment incomes are neutralised when the RSA was paid the
                // month before (OpenFisca's `aide_logement_condition_neutralisation`, citing
                // R822-15 and R822-17 CCH); that RSA is the one computed without a housing aid
                // (as OpenFisca does: docs/simulator.md).
                let neutralised = rsa::amount_in(h, m.previous(), 0.0) > 0.0;
                housing::amount(h, t, m, neutralised)
            })
        });
        Self { months, amounts }
    }
    /// The aid of `month` (one of M-3 .. M).
    fn in_month(&self, month: Month) -> f64 {
        self.months
            .iter()
            .zip(self.amounts)
            .find(|(m, _)| **m == month)
            .map_or(0.0, |(_, a)| a)
    }
    fn asked(&self) -> f64 {
        self.amounts[3]
    }
}

/// The montant forfaitaire's rate for a household of `persons` of whom `parents` adults: the
/// second person adds `second`, the third `third`, the fourth `third` in a couple and `extra`
/// for a single parent, each one beyond `extra` (R262-1 CASF, D843-1 CSS).
fn family_rate(persons: usize, parents: usize, second: f64, third: f64, extra: f64) -> f64 {
    let n = |k: usize| if persons >= k { 1.0 } else { 0.0 };
    let fourth = if parents == 1 { extra } else { third };
    1.0 + n(2) * second + n(3) * third + n(4) * fourth + persons.saturating_sub(4) as f64 * extra
}

fn age_on(birth: Date, day: Date) -> i32 {
    let mut years = day.year() - birth.year();
    if (day.month() as u8, day.day()) < (birth.month() as u8, birth.day()) {
        years -= 1;
    }
    years
}

/// Why RSA and prime d'activité cannot be computed for this household, if they cannot.
fn rsa_ppa_scope(h: &Household<'_>) -> Option<OutOfScope> {
    let input = h.input;
    let has = |k| input.resources.iter().any(|r| r.kind == k);
    if has(ResourceKind::SickPay) {
        return Some(OutOfScope::SickPay);
    }
    if has(ResourceKind::FamilyBenefits) {
        return Some(OutOfScope::FamilyBenefits);
    }
    if h.ages(input.month).any(|a| a >= 65) {
        return Some(OutOfScope::OldAge);
    }
    None
}

fn cents(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// Simulates every benefit for `input.month`. `birth_date` is the person's (from her safe).
/// The input should have passed `validate`; an invalid one still yields no panic.
pub fn simulate(input: &SimulationInput, birth_date: Date) -> Simulation {
    let h = Household { input, birth_date };
    let tenancy = housing::Tenancy::of(input);
    let scope = rsa_ppa_scope(&h).or(tenancy.as_ref().err().copied());
    let aid = HousingAid::of(&h, tenancy.ok().flatten());
    let outcome = |amount: f64| match scope {
        Some(reason) => Outcome::OutOfScope { reason },
        None => Outcome::Computed {
            eligible: amount > 0.0,
            monthly_amount: cents(amount),
        },
    };
    let rsa_amount = rsa::amount_in(&h, input.month, aid.asked());
    let rsa = Benefit {
        code: BenefitCode::Rsa,
        outcome: outcome(rsa_amount),
        unverified_conditions: rsa::unverified(&h),
        institution: "caf".into(),
        teleservice_url: Some(
            "https://www.caf.fr/allocataires/aides-et-demarches/droits-et-prestations/vie-personnelle/le-revenu-de-solidarite-active-rsa".into(),
        ),
        form: Some("cerfa_15481".into()),
        participation: None,
        documents: documents(input, true),
    };
    let ppa = Benefit {
        code: BenefitCode::PrimeActivite,
        outcome: outcome(ppa::amount(&h, &aid)),
        unverified_conditions: ppa::unverified(&h),
        institution: "caf".into(),
        teleservice_url: Some(
            "https://www.caf.fr/allocataires/aides-et-demarches/droits-et-prestations/vie-professionnelle/la-prime-d-activite".into(),
        ),
        form: None,
        participation: None,
        documents: documents(input, false),
    };
    let css_participation = css::participation(&h, rsa_amount, aid.asked());
    let css = Benefit {
        code: BenefitCode::Css,
        outcome: match scope {
            Some(reason) => Outcome::OutOfScope { reason },
            None => Outcome::Computed {
                eligible: css_participation.is_some(),
                monthly_amount: 0.0,
            },
        },
        unverified_conditions: css::unverified(&h),
        institution: "cpam".into(),
        teleservice_url: Some("https://www.ameli.fr/assure/droits-demarches/difficultes-acces-droits-soins/complementaire-sante".into()),
        form: Some("cerfa_12504".into()),
        participation: css_participation.filter(|p| *p > 0.0 && scope.is_none()).map(cents),
        documents: documents(input, false),
    };
    // Housing aid helps pay a rent: none without one (no home, a shelter, housed free).
    let tenant = input.housing.kind == HousingKind::Tenant;
    let aide_logement = Benefit {
        code: BenefitCode::AideLogement,
        outcome: outcome(aid.asked()),
        unverified_conditions: if tenant {
            vec![
                Unverified::ResidenceInFrance,
                Unverified::TaxableResources,
                Unverified::DecentDwelling,
            ]
        } else {
            Vec::new()
        },
        institution: "caf".into(),
        teleservice_url: Some(
            "https://www.caf.fr/allocataires/aides-et-demarches/droits-et-prestations/logement"
                .into(),
        ),
        form: Some("cerfa_10840".into()),
        participation: None,
        documents: documents(input, false),
    };
    Simulation {
        month: input.month,
        benefits: vec![rsa, ppa, css, aide_logement],
    }
}

/// The papers to gather: identity (or residence permit), a domiciliation certificate for a
/// person without a home, bank details, then the proofs of each kind of resource.
fn documents(input: &SimulationInput, family_record: bool) -> Vec<String> {
    let mut out = vec![match input.nationality {
        Nationality::Other => "residence_permit",
        _ => "identity_card",
    }];
    if matches!(
        input.housing.kind,
        HousingKind::Homeless | HousingKind::Shelter
    ) {
        out.push("domiciliation_certificate");
    } else {
        out.push("proof_of_address");
    }
    out.push("bank_details");
    let has = |k| input.resources.iter().any(|r| r.kind == k);
    if has(ResourceKind::Wages) {
        out.push("payslip");
    }
    if has(ResourceKind::Unemployment) {
        out.push("france_travail_certificate");
    }
    if family_record && (input.couple || !input.children.is_empty()) {
        out.push("family_record_book");
    }
    out.into_iter().map(String::from).collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use time::macros::date;

    pub(super) fn input(json: serde_json::Value) -> SimulationInput {
        let input: SimulationInput = serde_json::from_value(json).unwrap();
        input.validate().unwrap();
        input
    }

    #[test]
    fn months_parse_and_step_back_over_the_year() {
        let m = Month::parse("2026-02").unwrap();
        let [a, b, c] = m.three_before();
        assert_eq!(
            [a.to_string(), b.to_string(), c.to_string()],
            ["2025-11", "2025-12", "2026-01"]
        );
        for bad in ["2026-13", "2026-1", "26-01", "x", "2026-00", ""] {
            assert!(Month::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn calendar_age_counts_the_birthday_itself() {
        assert_eq!(age_on(date!(2001 - 05 - 01), date!(2026 - 05 - 01)), 25);
        assert_eq!(age_on(date!(2001 - 05 - 02), date!(2026 - 05 - 01)), 24);
    }

    #[test]
    fn inconsistent_inputs_are_refused() {
        let base = serde_json::json!({"month": "2026-05", "nationality": "fr",
            "housing": {"kind": "homeless"}});
        let mut couple = base.clone();
        couple["couple"] = true.into();
        let parsed: SimulationInput = serde_json::from_value(couple).unwrap();
        assert!(parsed.validate().is_err());
        let mut negative = base.clone();
        negative["resources"] =
            serde_json::json!([{"who": "self", "kind": "wages", "monthly": [1, -2, 3]}]);
        let parsed: SimulationInput = serde_json::from_value(negative).unwrap();
        assert!(parsed.validate().is_err());
        let mut unknown = base;
        unknown["salary"] = 3.into();
        assert!(serde_json::from_value::<SimulationInput>(unknown).is_err());
    }

    #[test]
    fn a_pregnant_woman_alone_has_the_increase_and_the_couple_scale() {
        // OpenFisca-France: RSA 836.85 (651.69 × 1.28412) less the forfait logement (78.20),
        // housing aid on the couple's scale in Lyon.
        let i = input(serde_json::json!({"month": "2026-05", "nationality": "fr",
            "pregnant": true,
            "housing": {"kind": "tenant", "rent": 450, "commune_insee": "69123"}}));
        let s = simulate(&i, date!(1990 - 01 - 10));
        let paid = |a: f64| Outcome::Computed {
            eligible: true,
            monthly_amount: a,
        };
        assert_eq!(s.benefits[0].outcome, paid(758.65));
        assert_eq!(s.benefits[3].outcome, paid(369.0));
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(json["benefits"][0]["status"], "computed");
    }

    /// Households with children: OpenFisca-France's figures (May 2026, family benefits not
    /// received), and the conditions the rules cannot check.
    #[test]
    fn known_figures_with_children() {
        let paid = |a: f64| Outcome::Computed {
            eligible: a > 0.0,
            monthly_amount: a,
        };
        let child = serde_json::json!([{"birth_date": "2016-03-10"}]);
        let alone = input(serde_json::json!({"month": "2026-05", "nationality": "fr",
            "children": child, "housing": {"kind": "homeless"}}));
        let s = simulate(&alone, date!(1980 - 05 - 10));
        assert_eq!(amounts(&s)[0].1, paid(977.54)); // 977.535: OpenFisca (32-bit) shows 977.53
        let conditions = &s.benefits[0].unverified_conditions;
        assert!(conditions.contains(&Unverified::RecentSeparation));
        assert!(conditions.contains(&Unverified::FamilyBenefitsToClaim));

        let tenants = input(serde_json::json!({"month": "2026-05", "nationality": "fr",
            "couple": true, "partner": {"birth_date": "1982-03-10"}, "children": child,
            "housing": {"kind": "tenant", "rent": 500, "commune_insee": "69123"},
            "resources": [{"who": "self", "kind": "wages", "monthly": [1000, 1000, 1000]}]}));
        let s = simulate(&tenants, date!(1980 - 05 - 10));
        assert_eq!(amounts(&s)[1].1, paid(626.05));
        assert_eq!(amounts(&s)[3].1, paid(426.0));

        let hosted = input(serde_json::json!({"month": "2026-05", "nationality": "fr",
            "children": child, "housing": {"kind": "hosted_free"},
            "resources": [{"who": "self", "kind": "wages", "monthly": [800, 800, 800]}]}));
        let s = simulate(&hosted, date!(1980 - 05 - 10));
        assert_eq!(amounts(&s)[0].1, paid(21.13));
        assert_eq!(amounts(&s)[1].1, paid(500.25));
    }

    fn amounts(s: &Simulation) -> Vec<(BenefitCode, Outcome, Option<f64>)> {
        s.benefits
            .iter()
            .map(|b| (b.code, b.outcome, b.participation))
            .collect()
    }

    /// Figures OpenFisca-France gives for the same situations (docs/simulator.md), to the cent
    /// (OpenFisca computes in 32-bit floats: 677.535 is 677.53 there).
    #[test]
    fn known_figures_of_may_2026() {
        let paid = |a: f64| Outcome::Computed {
            eligible: a > 0.0,
            monthly_amount: a,
        };
        let alone = input(serde_json::json!({"month": "2026-05", "nationality": "fr",
            "housing": {"kind": "homeless"}}));
        let s = simulate(&alone, date!(1980 - 05 - 10));
        assert_eq!(amounts(&s)[0], (BenefitCode::Rsa, paid(651.69), None));
        assert_eq!(
            amounts(&s)[2],
            (BenefitCode::Css, paid(0.0).with_eligible(true), None)
        );

        let hosted = input(serde_json::json!({"month": "2026-05", "nationality": "fr",
            "housing": {"kind": "hosted_free"}}));
        let s = simulate(&hosted, date!(1980 - 05 - 10));
        assert_eq!(amounts(&s)[0].1, paid(573.49));

        let worker = input(serde_json::json!({"month": "2026-05", "nationality": "fr",
            "housing": {"kind": "shelter"},
            "resources": [{"who": "self", "kind": "wages", "monthly": [800, 900, 1000]}]}));
        let s = simulate(&worker, date!(1980 - 05 - 10));
        assert_eq!(amounts(&s)[0].1, paid(0.0));
        assert_eq!(amounts(&s)[1].1, paid(321.71));
        assert_eq!(amounts(&s)[2].2, Some(14.0));

        let couple = input(
            serde_json::json!({"month": "2026-12", "nationality": "other",
            "residence_permit_years": 6, "couple": true, "partner": {"birth_date": "1985-02-03"},
            "housing": {"kind": "homeless"},
            "resources": [{"who": "partner", "kind": "unemployment", "monthly": [300, 300, 300]}]}),
        );
        let s = simulate(&couple, date!(1980 - 05 - 10));
        assert_eq!(amounts(&s)[0].1, paid(677.54));

        let mut recent = couple.clone();
        recent.residence_permit_years = Some(4.0);
        let s = simulate(&recent, date!(1980 - 05 - 10));
        assert_eq!(amounts(&s)[0].1, paid(0.0));
        recent.refugee = true;
        let s = simulate(&recent, date!(1980 - 05 - 10));
        assert_eq!(amounts(&s)[0].1, paid(677.54));
    }

    /// Housing aid for tenants: the figures OpenFisca-France gives (May 2026), and the RSA,
    /// prime d'activité and CSS that count it.
    #[test]
    fn known_housing_aid_figures_of_may_2026() {
        let tenant = |rent: f64, commune: &str, extra: serde_json::Value| {
            let mut json = serde_json::json!({"month": "2026-05", "nationality": "fr",
                "housing": {"kind": "tenant", "rent": rent, "commune_insee": commune}});
            for (k, v) in extra.as_object().unwrap() {
                json[k] = v.clone();
            }
            simulate(&input(json), date!(1980 - 05 - 10))
        };
        let paid = |a: f64| Outcome::Computed {
            eligible: a > 0.0,
            monthly_amount: a,
        };
        // Alone in Lyon (zone 2), no resource: 304 € of aid, the RSA less the 78.20 € forfait.
        let s = tenant(450.0, "69123", serde_json::json!({}));
        assert_eq!(amounts(&s)[3].1, paid(304.0));
        assert_eq!(amounts(&s)[0].1, paid(573.49));
        // Paris (zone 1) with 1 200 € of wages: 97 € of aid, a prime of 200.61 €.
        let wages = serde_json::json!({"resources":
            [{"who": "self", "kind": "wages", "monthly": [1200, 1200, 1200]}]});
        let s = tenant(600.0, "75056", wages);
        assert_eq!(amounts(&s)[3].1, paid(97.0));
        assert_eq!(amounts(&s)[1].1, paid(200.61));
        // A couple in a zone-3 commune: 344 €.
        let couple = serde_json::json!({"couple": true,
            "partner": {"birth_date": "1982-03-10"}});
        let s = tenant(500.0, "23096", couple);
        assert_eq!(amounts(&s)[3].1, paid(344.0));
        assert_eq!(amounts(&s)[0].1, paid(821.13));
        // A rent far above the ceiling (more than 3.1 times): no aid.
        let s = tenant(1200.0, "69123", serde_json::json!({}));
        assert_eq!(amounts(&s)[3].1, paid(0.0));
        // An unknown commune: out of scope for every benefit, never a guess.
        let s = tenant(450.0, "99999", serde_json::json!({}));
        for b in &s.benefits {
            assert_eq!(
                b.outcome,
                Outcome::OutOfScope {
                    reason: OutOfScope::Commune
                }
            );
        }
    }

    impl Outcome {
        fn with_eligible(self, eligible: bool) -> Self {
            match self {
                Outcome::Computed { monthly_amount, .. } => Outcome::Computed {
                    eligible,
                    monthly_amount,
                },
                other => other,
            }
        }
    }

    /// Any valid input, extreme ones included, gives finite amounts that are not negative.
    #[test]
    fn any_valid_input_gives_finite_amounts() {
        let mut seed = 7_u64;
        let mut next = move |n: u64| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % n
        };
        let amounts = [0.0, 0.01, 5.99, 600.0, 1801.8, 99_999.0, 1_000_000.0];
        for _ in 0..2000 {
            let couple = next(2) == 0;
            let resources: Vec<serde_json::Value> = (0..next(5))
                .map(|_| {
                    let kind =
                        ["wages", "unemployment", "pension", "aah", "other"][next(5) as usize];
                    let who = if couple && next(2) == 0 {
                        "partner"
                    } else {
                        "self"
                    };
                    let m = [0, 1, 2].map(|_| amounts[next(7) as usize]);
                    serde_json::json!({"who": who, "kind": kind, "monthly": m})
                })
                .collect();
            let month = ["2023-08", "2026-01", "2026-04", "2031-12"][next(4) as usize];
            let nationality = ["fr", "eu", "other"][next(3) as usize];
            let years = [0.0, 0.25, 5.0, 150.0][next(4) as usize];
            let communes = ["75056", "23096", "99999", "2A004"];
            let kinds = ["homeless", "shelter", "hosted_free"];
            let housing = match next(4) {
                0 => {
                    let rent = amounts[next(7) as usize];
                    let commune = communes[next(4) as usize];
                    serde_json::json!({"kind": "tenant", "rent": rent, "commune_insee": commune})
                }
                n => serde_json::json!({"kind": kinds[n as usize - 1]}),
            };
            let (refugee, student) = (next(2) == 0, next(2) == 0);
            let mut json = serde_json::json!({
                "month": month, "couple": couple, "nationality": nationality,
                "residence_permit_years": years, "refugee": refugee, "student": student,
                "housing": housing, "resources": resources,
            });
            if couple {
                json["partner"] = serde_json::json!({"birth_date": "1900-01-01"});
            }
            // Children of any age, one born the month before the month asked, up to twenty.
            let births = ["1900-01-01", "2023-07-31", "2020-02-29", "2010-06-15"];
            let children: Vec<serde_json::Value> = (0..[0, 1, 4, 20][next(4) as usize])
                .map(|_| serde_json::json!({"birth_date": births[next(4) as usize]}))
                .collect();
            json["children"] = children.into();
            json["pregnant"] = (next(3) == 0).into();
            let i = input(json);
            let birth = [
                date!(1900 - 01 - 01),
                date!(2023 - 07 - 31),
                date!(2001 - 04 - 01),
            ][next(3) as usize];
            for b in simulate(&i, birth).benefits {
                if let Outcome::Computed { monthly_amount, .. } = b.outcome {
                    assert!(monthly_amount.is_finite() && monthly_amount >= 0.0, "{b:?}");
                }
                assert!(b.participation.is_none_or(|p| p.is_finite() && p > 0.0));
            }
        }
    }
}
