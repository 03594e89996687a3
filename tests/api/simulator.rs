//! The benefit simulator against its oracle, OpenFisca-France (installed by
//! `scripts/oracle-venv` in the tests' virtual environment, named by `CONSIGNE_TEST_PYTHON`):
//! a deterministic generator makes situations across the space the rules cover, the Rust
//! rules and `tests/oracle/openfisca_sim.py` (one Python process for the whole batch) compute
//! them, and every amount must agree to the euro and every eligibility exactly. Cases the
//! rules declare out of scope are counted and listed, not compared. The test fails (it never
//! skips) when the oracle cannot run.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::{Command, Stdio};

use consigne::domain::benefits::{BenefitCode, Outcome, Simulation, SimulationInput, simulate};
use serde_json::{Value, json};
use time::Date;
use time::macros::format_description;

use crate::helpers::python_bin;

/// SplitMix64: a small deterministic generator (the same situations on every run).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// The months asked: around the April revaluations and the SMIC rises of January and June.
const MONTHS: [&str; 5] = ["2025-06", "2026-02", "2026-05", "2026-07", "2026-12"];

/// A birth date giving an age between `min` and `max` in `month`. The day of the month
/// stays between the 5th and the 28th: OpenFisca counts ages in years of 365.2425 days, which
/// differs from the calendar age (the law's, which the rules use) for a birthday within a day
/// or two of the first of the month.
fn birth(rng: &mut Rng, month: &str, min: u64, max: u64) -> String {
    let year: u64 = month[..4].parse().unwrap();
    let age = min + rng.below(max - min + 1);
    let m = 1 + rng.below(12);
    let d = 5 + rng.below(24);
    format!("{:04}-{m:02}-{d:02}", year - age)
}

/// A child's birth date, about `min` to `max` years old in `month`, born at least five months
/// before it (a birth within the three months before would make the household change
/// between them: OpenFisca then counts the unborn child for the RSA, the rules do not).
fn child_birth(rng: &mut Rng, month: &str, min: u64, max: u64) -> String {
    let year: i64 = month[..4].parse().unwrap();
    let mon: i64 = month[5..7].parse().unwrap();
    let (lo, hi) = ((12 * min).max(5), 12 * max + 11);
    let back = lo + rng.below(hi - lo + 1);
    let total = year * 12 + (mon - 1) - back as i64;
    let d = 5 + rng.below(24);
    format!("{:04}-{:02}-{d:02}", total / 12, total % 12 + 1)
}

fn amount(rng: &mut Rng) -> f64 {
    match rng.below(7) {
        0 => 0.0,
        // Around the CSS's ceilings (free, with a participation, above).
        6 => (rng.below(700) + 600) as f64,
        1 => (rng.below(300) + 1) as f64,
        2 => (rng.below(900) + 300) as f64 + 0.5,
        3 => (rng.below(1500) + 800) as f64,
        4 => 1801.8,
        _ => (rng.below(2500)) as f64 + 0.25,
    }
}

/// Communes of each housing-aid zone: zone 1 (Paris, an arrondissement, a Val-d'Oise
/// commune), zone 2 (Lyon and an arrondissement, Marseille, Lille, Bordeaux, Ajaccio, Brest),
/// zone 3 (Guéret, Aurillac, Nevers, Montluçon, a village of the Ain).
const COMMUNES: [&str; 16] = [
    "75056", "75111", "95628", "69123", "69383", "13055", "59350", "33063", "2A004", "29019",
    "23096", "15014", "58194", "03185", "01001", "23096",
];

/// A tenant's dwelling: the rent around the ceilings (270 to 460 euros), around the rents
/// where the aid decreases and stops (2.5 to 4 times the ceiling), or anywhere.
fn tenancy(rng: &mut Rng) -> Value {
    let rent = match rng.below(4) {
        0 => (rng.below(250) + 230) as f64 + 0.5,
        1 => (rng.below(700) + 650) as f64,
        _ => (rng.below(1000) + 100) as f64,
    };
    json!({"kind": "tenant", "rent": rent, "commune_insee": *rng.pick(&COMMUNES)})
}

/// One situation: mostly households the rules cover (no child, no pregnancy, no sick pay),
/// some outside to check they are declared so.
fn situation(rng: &mut Rng, id: usize) -> Value {
    let month = *rng.pick(&MONTHS);
    let me = if rng.chance(30) {
        birth(rng, month, 20, 27)
    } else {
        birth(rng, month, 18, 64)
    };
    let couple = rng.chance(40);
    let nationality = *rng.pick(&["fr", "fr", "fr", "eu", "other", "other"]);
    let mut input = json!({
        "month": month,
        "couple": couple,
        "children": [],
        "nationality": nationality,
        "student": rng.chance(10),
        "housing": {"kind": *rng.pick(&["homeless", "shelter", "hosted_free", "hosted_free"])},
    });
    if rng.chance(45) {
        input["housing"] = tenancy(rng);
    }
    // Children: a third of the households, one to four, a good share under three (the single
    // parent's increase).
    if rng.chance(35) {
        let children: Vec<Value> = (0..1 + rng.below(4))
            .map(|_| {
                let (min, max) = if rng.chance(35) { (0, 2) } else { (3, 17) };
                json!({"birth_date": child_birth(rng, month, min, max)})
            })
            .collect();
        input["children"] = Value::Array(children);
    }
    if couple {
        input["partner"] = json!({"birth_date": birth(rng, month, 18, 64)});
    }
    if nationality != "fr" {
        input["residence_permit_years"] = json!(*rng.pick(&[0.0, 0.1, 0.3, 1.0, 4.9, 5.0, 8.0]));
        input["refugee"] = json!(nationality == "other" && rng.chance(15));
    }
    let mut resources = Vec::new();
    for _ in 0..rng.below(4) {
        let kind = *rng.pick(&[
            "wages",
            "wages",
            "wages",
            "unemployment",
            "pension",
            "aah",
            "other",
        ]);
        let who = if couple && rng.chance(40) {
            "partner"
        } else {
            "self"
        };
        let steady = rng.chance(50);
        let first = amount(rng);
        let monthly = if steady {
            [first, first, first]
        } else {
            [first, amount(rng), amount(rng)]
        };
        resources.push(json!({"who": who, "kind": kind, "monthly": monthly}));
    }
    // A job lost: wages then unemployment benefit (the CSS deducts part of the wages).
    if rng.chance(20) {
        let who = if couple && rng.chance(40) {
            "partner"
        } else {
            "self"
        };
        let wages = (rng.below(900) + 300) as f64;
        let benefit = (rng.below(700) + 200) as f64;
        let last_wages = if rng.chance(25) { 150.0 } else { 0.0 };
        resources.push(json!({"who": who, "kind": "wages", "monthly": [wages, wages, last_wages]}));
        resources
            .push(json!({"who": who, "kind": "unemployment", "monthly": [0, benefit, benefit]}));
    }
    // A pregnancy in one in six; one in eighteen outside the covered space (a commune the
    // zone table does not know, an overseas one).
    match rng.below(18) {
        0..=2 => input["pregnant"] = json!(true),
        3 => {
            let code = *rng.pick(&["99999", "97411", "75000"]);
            input["housing"] = json!({"kind": "tenant", "rent": 450, "commune_insee": code});
        }
        _ => {}
    }
    input["resources"] = Value::Array(resources);
    json!({"id": id.to_string(), "birth_date": me, "input": input})
}

/// Situations generated: enough for 200 compared per benefit once the cases out of scope
/// are set aside.
const SITUATIONS: usize = 300;

/// Runs the oracle on every case in one Python process.
fn oracle(cases: &[Value]) -> BTreeMap<String, Value> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/oracle/openfisca_sim.py");
    let mut child = Command::new(python_bin())
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let body = serde_json::to_vec(cases).unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(&body));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(
        out.status.success(),
        "the OpenFisca oracle did not run (CONSIGNE_TEST_PYTHON must be the tests' virtual \
         environment with OpenFisca-France: scripts/oracle-venv): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    rows.into_iter()
        .map(|r| (r["id"].as_str().unwrap().to_owned(), r))
        .collect()
}

fn rust(case: &Value) -> Simulation {
    let input: SimulationInput = serde_json::from_value(case["input"].clone()).unwrap();
    input.validate().unwrap();
    let birth = Date::parse(
        case["birth_date"].as_str().unwrap(),
        format_description!("[year]-[month]-[day]"),
    )
    .unwrap();
    simulate(&input, birth)
}

#[test]
fn benefits_agree_with_openfisca_on_generated_situations() {
    let mut rng = Rng(15);
    let cases: Vec<Value> = (0..SITUATIONS).map(|i| situation(&mut rng, i)).collect();
    let started = std::time::Instant::now();
    let expected = oracle(&cases);
    let oracle_time = started.elapsed();
    let mut compared = BTreeMap::<&str, usize>::new();
    let mut out_of_scope = Vec::new();
    let mut differences = Vec::new();
    let mut largest_gap = 0.0_f64;
    let started = std::time::Instant::now();
    let ours: Vec<Simulation> = cases.iter().map(rust).collect();
    let rules_time = started.elapsed();
    for (case, simulation) in cases.iter().zip(ours) {
        let id = case["id"].as_str().unwrap();
        let theirs = &expected[id];
        for benefit in simulation.benefits {
            // What OpenFisca says: the amount (the CSS's participation) and the eligibility.
            let (label, oracle_amount, oracle_eligible) = match benefit.code {
                BenefitCode::Rsa => {
                    let a = theirs["rsa"].as_f64().unwrap();
                    ("rsa", a, a > 0.0)
                }
                BenefitCode::PrimeActivite => {
                    let a = theirs["ppa"].as_f64().unwrap();
                    ("prime_activite", a, a > 0.0)
                }
                BenefitCode::Css => {
                    let a = theirs["css_participation_forfaitaire"].as_f64().unwrap();
                    let free = theirs["css_free"].as_bool().unwrap();
                    ("css", a, free || a > 0.0)
                }
                BenefitCode::AideLogement => {
                    let a = theirs["aide_logement"].as_f64().unwrap();
                    ("aide_logement", a, a > 0.0)
                }
            };
            match benefit.outcome {
                Outcome::OutOfScope { reason } => {
                    out_of_scope.push(format!("{id} {label}: {reason:?}"))
                }
                Outcome::Computed {
                    eligible,
                    monthly_amount,
                } => {
                    let ours = if benefit.code == BenefitCode::Css {
                        benefit.participation.unwrap_or(0.0)
                    } else {
                        monthly_amount
                    };
                    *compared.entry(label).or_default() += 1;
                    largest_gap = largest_gap.max((ours - oracle_amount).abs());
                    if (ours - oracle_amount).abs() > 1.0 || eligible != oracle_eligible {
                        differences.push(format!(
                            "{id} {label}: rules {ours} (eligible {eligible}), \
                             OpenFisca {oracle_amount} (eligible {oracle_eligible}); case {case}"
                        ));
                    }
                }
            }
        }
    }
    eprintln!(
        "simulator vs OpenFisca: {} situations, compared {compared:?}, {} out of scope, \
         largest gap {largest_gap:.2} €, rules {:.1} ms, oracle {:.1} s",
        cases.len(),
        out_of_scope.len(),
        rules_time.as_secs_f64() * 1000.0,
        oracle_time.as_secs_f64()
    );
    for line in &out_of_scope {
        eprintln!("  out of scope: {line}");
    }
    assert!(
        differences.is_empty(),
        "{} differences:\n{}",
        differences.len(),
        differences.join("\n")
    );
    for label in ["rsa", "prime_activite", "css", "aide_logement"] {
        assert!(
            compared.get(label).copied().unwrap_or(0) >= 200,
            "{label}: {compared:?}"
        );
    }
    // Tenants are a good share, many of them paid a housing aid, some not.
    let tenants: Vec<&Value> = cases
        .iter()
        .filter(|c| c["input"]["housing"]["kind"] == "tenant")
        .collect();
    let aided = tenants
        .iter()
        .filter(|c| {
            expected[c["id"].as_str().unwrap()]["aide_logement"]
                .as_f64()
                .unwrap()
                > 0.0
        })
        .count();
    eprintln!("tenants {}, paid a housing aid {aided}", tenants.len());
    assert!(
        tenants.len() >= 100 && aided >= 50 && tenants.len() - aided >= 20,
        "tenants {} aided {aided}",
        tenants.len()
    );
    // The generator reaches both sides of each benefit.
    let paid = |name: &str| {
        cases
            .iter()
            .filter(|c| expected[c["id"].as_str().unwrap()][name].as_f64().unwrap() > 0.0)
            .count()
    };
    assert!(
        paid("rsa") >= 40 && paid("ppa") >= 40,
        "rsa {} ppa {}",
        paid("rsa"),
        paid("ppa")
    );
}
