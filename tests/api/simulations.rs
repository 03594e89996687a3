//! Benefit simulations as items of her safe (issue 15, item 2): run by her or by a
//! professional of a relais that follows her, the amounts of the rules (`simulate`) with her
//! birth date from her safe, sealed, shared per relais, journaled, exported; the inputs
//! checked with the field named; the pages' plain forms.

use crate::helpers::*;
use crate::pages::csrf_of;
use consigne::domain::benefits::{SimulationInput, simulate};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// Zoé Lefèvre's birth date in `World`.
fn her_birth_date() -> time::Date {
    time::Date::from_calendar_date(1987, time::Month::June, 5).unwrap()
}

/// Alone, without a home, a little work: RSA and prime d'activité computed.
fn situation() -> Value {
    json!({
        "month": "2026-05",
        "nationality": "fr",
        "housing": {"kind": "homeless"},
        "resources": [{"who": "self", "kind": "wages", "monthly": [200, 250, 300]}]
    })
}

async fn simulate_as(w: &World, token: &str, body: Value) -> Resp {
    w.t.post(
        &format!("/api/v1/beneficiaries/{}/simulations", w.bid),
        Some(token),
        body,
    )
    .await
}

/// What the API answers is what the rules compute for the same input and her birth date.
fn assert_rules_answer(view: &Value, body: &Value) {
    let input: SimulationInput = serde_json::from_value(body.clone()).unwrap();
    let expected = serde_json::to_value(simulate(&input, her_birth_date())).unwrap();
    assert_eq!(view["benefits"], expected["benefits"]);
    assert_eq!(view["month"], expected["month"]);
    assert_eq!(view["input"], serde_json::to_value(&input).unwrap());
}

/// A page's HTML as `browser` gets it.
async fn page_text(t: &TestApp, browser: &reqwest::Client, path: &str) -> String {
    browser
        .get(t.url(path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

fn benefit<'a>(view: &'a Value, code: &str) -> &'a Value {
    view["benefits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["code"] == code)
        .unwrap()
}

#[tokio::test]
async fn a_professional_simulates_for_her_and_it_lands_in_her_safe() {
    let w = World::new().await;
    let r = simulate_as(&w, &w.p1, situation()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let view = r.json();
    for key in ["id", "month", "created_at", "benefits", "input"] {
        assert!(view.get(key).is_some(), "{key} in {view}");
    }
    assert_rules_answer(&view, &situation());
    let rsa = benefit(&view, "rsa");
    assert_eq!(rsa["status"], "computed");
    assert_eq!(rsa["eligible"], true);
    assert!(rsa["monthly_amount"].as_f64().unwrap() > 300.0, "{rsa}");
    assert_eq!(view["created_by"]["kind"], "professional");
    assert_eq!(view["shared_with"], json!([w.s1]));
    let id = view["id"].as_str().unwrap();
    // In her safe: she lists it and opens it, with the same answer.
    let list =
        w.t.get(
            &format!("/api/v1/beneficiaries/{}/simulations", w.bid),
            Some(&w.person),
        )
        .await;
    assert_eq!(list.status, StatusCode::OK);
    assert_eq!(list.json().as_array().unwrap().len(), 1);
    let hers =
        w.t.get(&format!("/api/v1/simulations/{id}"), Some(&w.person))
            .await;
    assert_eq!(hers.status, StatusCode::OK);
    assert_eq!(hers.json()["benefits"], view["benefits"]);
    assert_eq!(hers.json()["shared_with"], json!([w.s1]));
    // Her journal names the professional and his structure.
    let journal = w.her_journal().await;
    let made = journal
        .iter()
        .find(|e| e["action"] == "simulation_created")
        .expect("the simulation is in her journal");
    assert_eq!(made["actor"]["kind"], "professional");
    assert_eq!(made["target"]["id"], id);
    // Her journal's page says it in words, naming him.
    let page = page_text(&w.t, &session_browser(&w.t, &w.person), "/journal").await;
    let line = page
        .split("<li")
        .find(|l| l.contains("Simulation de vos droits faite"))
        .expect("the line on her journal page");
    assert!(line.contains("Accueil de jour"), "{line}");
    // Another structure finds nothing, like a missing id.
    for path in [
        format!("/api/v1/simulations/{id}"),
        format!("/api/v1/beneficiaries/{}/simulations", w.bid),
    ] {
        let r = w.t.get(&path, Some(&w.p2)).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
    }
    let r = simulate_as(&w, &w.p2, situation()).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn hers_stays_hers_until_she_shares_it_and_opening_it_is_journaled() {
    let w = World::new().await;
    let body = json!({
        "month": "2026-05",
        "couple": true,
        "partner": {"birth_date": "1984-01-20"},
        "nationality": "eu",
        "residence_permit_years": 4,
        "housing": {"kind": "hosted_free"},
        "resources": [
            {"who": "self", "kind": "unemployment", "monthly": [600, 600, 600]},
            {"who": "partner", "kind": "wages", "monthly": [900, 1000, 1100]}
        ]
    });
    let r = simulate_as(&w, &w.person, body.clone()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let view = r.json();
    assert_rules_answer(&view, &body);
    assert_eq!(view["shared_with"], json!([]));
    assert_eq!(view["created_by"]["kind"], "beneficiary");
    let id = view["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/simulations/{id}");
    assert_eq!(
        w.t.get(&path, Some(&w.p1)).await.status,
        StatusCode::NOT_FOUND
    );
    let listed =
        w.t.get(
            &format!("/api/v1/beneficiaries/{}/simulations", w.bid),
            Some(&w.p1),
        )
        .await;
    assert_eq!(listed.json(), json!([]));
    let share = format!("{path}/shares/{}", w.s1);
    let r = w.t.send_method("PUT", &share, Some(&w.person)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let seen = w.t.get(&path, Some(&w.p1)).await;
    assert_eq!(seen.status, StatusCode::OK, "{}", seen.text);
    assert_eq!(seen.json()["input"], view["input"]);
    // The professional cannot share it further.
    let other = format!("{path}/shares/{}", w.s2);
    assert_eq!(
        w.t.send_method("PUT", &other, Some(&w.p1)).await.status,
        StatusCode::FORBIDDEN
    );
    let journal = w.her_journal().await;
    let actions: Vec<&str> = journal
        .iter()
        .filter(|e| e["target"]["id"] == id.as_str())
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    for a in [
        "simulation_created",
        "simulation_shared",
        "simulation_viewed",
    ] {
        assert!(actions.contains(&a), "{a} in {actions:?}");
    }
    let viewed = journal
        .iter()
        .find(|e| e["action"] == "simulation_viewed")
        .unwrap();
    assert_eq!(viewed["actor"]["kind"], "professional");
    // She stops sharing it: gone for the professional.
    w.t.send_method("DELETE", &share, Some(&w.person)).await;
    assert_eq!(
        w.t.get(&path, Some(&w.p1)).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn outside_what_the_rules_cover_no_figure_is_given() {
    let w = World::new().await;
    let body = json!({
        "month": "2026-05",
        "nationality": "fr",
        "housing": {"kind": "shelter"},
        "resources": [{"who": "self", "kind": "sick_pay", "monthly": [300, 300, 300]}]
    });
    let r = simulate_as(&w, &w.p1, body.clone()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let view = r.json();
    assert_rules_answer(&view, &body);
    let rsa = benefit(&view, "rsa");
    assert_eq!(rsa["status"], "out_of_scope");
    assert_eq!(rsa["reason"], "sick_pay");
    assert!(rsa.get("monthly_amount").is_none(), "{rsa}");
}

#[tokio::test]
async fn a_refused_input_names_the_field_and_never_fails_the_server() {
    let w = World::new().await;
    let base = situation();
    let with = |key: &str, v: Value| {
        let mut b = base.clone();
        b[key] = v;
        b
    };
    let cases: Vec<(Value, &str)> = vec![
        (
            json!({"nationality": "fr", "housing": {"kind": "homeless"}}),
            "month",
        ),
        (with("month", json!("2026-13")), "month"),
        (with("month", json!("2020-01")), "month"),
        (with("nationality", json!("mars")), "nationality"),
        (with("housing", json!({"kind": "palace"})), "housing"),
        (
            with("housing", json!({"kind": "tenant", "rent": -5})),
            "rent",
        ),
        (with("couple", json!(true)), "partner"),
        (
            with(
                "resources",
                json!([{"who": "self", "kind": "wages", "monthly": [1, 2]}]),
            ),
            "resources",
        ),
        (
            with(
                "resources",
                json!([{"who": "self", "kind": "wages", "monthly": [1e300, 2, 3]}]),
            ),
            "resources",
        ),
        (
            with("children", json!([{"birth_date": "2030-01-01"}])),
            "birth_date",
        ),
        (with("birth_date", json!("1990-01-01")), "body"),
        (
            with("residence_permit_years", json!("many")),
            "residence_permit_years",
        ),
    ];
    for (body, field) in cases {
        for token in [&w.person, &w.p1] {
            let r = simulate_as(&w, token, body.clone()).await;
            assert_eq!(r.status, StatusCode::BAD_REQUEST, "{body}: {}", r.text);
            assert_eq!(r.code(), "invalid_input", "{body}");
            assert!(
                r.json()["error"]["message"]
                    .as_str()
                    .unwrap()
                    .contains(&format!("for {field}:")),
                "{field} named for {body}: {}",
                r.text
            );
        }
    }
    // Too many rows, an array, a huge body: refused, nothing stored.
    let many: Vec<Value> = (0..40)
        .map(|_| json!({"who": "self", "kind": "other", "monthly": [1, 1, 1]}))
        .collect();
    let r = simulate_as(&w, &w.person, with("resources", Value::from(many))).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text);
    let r =
        w.t.send_raw(
            &format!("/api/v1/beneficiaries/{}/simulations", w.bid),
            "application/json",
            "[1, 2]",
        )
        .await;
    assert!(r.status.is_client_error(), "{}", r.text);
    let huge = with("padding", Value::from("x".repeat(64 * 1024)));
    let r = simulate_as(&w, &w.person, huge).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.text);
    let list =
        w.t.get(
            &format!("/api/v1/beneficiaries/{}/simulations", w.bid),
            Some(&w.person),
        )
        .await;
    assert_eq!(list.json(), json!([]));
}

#[tokio::test]
async fn her_export_holds_her_simulations_with_input_and_results() {
    let w = World::new().await;
    let view = simulate_as(&w, &w.p1, situation()).await.json();
    let (status, _, zip_bytes) =
        w.t.get_bytes(
            &format!("/api/v1/beneficiaries/{}/export", w.bid),
            &w.person,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip_bytes)).unwrap();
    let mut f = archive.by_name("data.json").unwrap();
    let mut raw = Vec::new();
    std::io::Read::read_to_end(&mut f, &mut raw).unwrap();
    let data: Value = serde_json::from_slice(&raw).unwrap();
    let exported = &data["simulations"][0];
    assert_eq!(exported["id"], view["id"]);
    assert_eq!(exported["input"], view["input"]);
    assert_eq!(exported["benefits"], view["benefits"]);
}

/// The marker amounts of her situation are never at rest in clear (SQLite and
/// files here; PostgreSQL and S3 when the suite runs on them).
#[tokio::test]
async fn her_situation_is_never_at_rest_in_clear() {
    let w = World::new().await;
    let body = json!({
        "month": "2026-05",
        "nationality": "other",
        "residence_permit_years": 7.375,
        "housing": {"kind": "tenant", "rent": 4817.39, "commune_insee": "2B187"},
        "resources": [{"who": "self", "kind": "wages", "monthly": [7391.17, 6283.41, 5179.93]}]
    });
    let r = simulate_as(&w, &w.p1, body).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    crate::canary::assert_absent(&w.t, &["7391.17", "6283.41", "5179.93", "4817.39", "7.375"]);
}

/// Her page's plain form: the token checked, the answer in her safe, the result shown; a
/// wrong answer said with the field's words, her other answers kept.
#[tokio::test]
async fn her_page_runs_a_simulation_with_a_plain_form() {
    let w = World::new().await;
    let browser = session_browser(&w.t, &w.person);
    let html = page_text(&w.t, &browser, "/rights").await;
    assert!(html.contains("name=\"child\""));
    assert_eq!(html.matches("name=\"child\"").count(), 6);
    let form = |csrf: &str| {
        vec![
            ("_csrf".to_owned(), csrf.to_owned()),
            ("month".into(), "2026-05".into()),
            ("nationality".into(), "fr".into()),
            ("housing".into(), "homeless".into()),
            ("r_self_wages_1".into(), "200".into()),
            ("r_self_wages_2".into(), "250".into()),
            ("r_self_wages_3".into(), "300".into()),
        ]
    };
    // Without the token: refused, nothing stored.
    let r = browser
        .post(w.t.url("/rights"))
        .form(&form("wrong"))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_client_error(), "{}", r.status());
    let r = browser
        .post(w.t.url("/rights"))
        .form(&form(&csrf_of(&html)))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let to = r.headers()["location"].to_str().unwrap().to_owned();
    assert!(to.starts_with("/rights/"), "{to}");
    let page = page_text(&w.t, &browser, &to).await;
    let expected = simulate(
        &serde_json::from_value(situation()).unwrap(),
        her_birth_date(),
    );
    let rsa = serde_json::to_value(&expected.benefits[0]).unwrap();
    let amount = format!("{:.2}", rsa["monthly_amount"].as_f64().unwrap()).replace('.', ",");
    assert!(page.contains("id=\"benefit-rsa\""), "{page}");
    assert!(page.contains(&amount), "{amount} on the page");
    assert!(page.contains("/print"));
    // She shares it with her relais from its page; her relais page says so.
    let r = browser
        .post(w.t.url(&format!("{to}/shares")))
        .form(&[("_csrf", csrf_of(&page).as_str()), ("sid", w.s1.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let relays = page_text(&w.t, &browser, "/relays").await;
    assert!(relays.contains(&format!("href=\"{to}\"")), "{relays}");
    let id = to.trim_start_matches("/rights/");
    let seen =
        w.t.get(&format!("/api/v1/simulations/{id}"), Some(&w.p1))
            .await;
    assert_eq!(seen.status, StatusCode::OK);
    // A wrong month: 422, said in words, her answers kept.
    let mut wrong = form(&csrf_of(&html));
    wrong[1].1 = "2019-01".into();
    let r = browser
        .post(w.t.url("/rights"))
        .form(&wrong)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = r.text().await.unwrap();
    assert!(text.contains("Le mois est trop ancien"), "{text}");
    assert!(text.contains("value=\"250\""));
    let list =
        w.t.get(
            &format!("/api/v1/beneficiaries/{}/simulations", w.bid),
            Some(&w.person),
        )
        .await;
    assert_eq!(list.json().as_array().unwrap().len(), 1);
}

/// The professional's one-page mode: the questions and the answers on one page, the
/// simulation in her safe; the recap printed in her language.
#[tokio::test]
async fn the_professional_runs_it_on_one_page_and_prints_it_in_her_language() {
    let w = World::new().await;
    // She reads Arabic.
    let r =
        w.t.post(
            "/api/v1/me/language",
            Some(&w.person),
            json!({"language": "ar"}),
        )
        .await;
    assert!(r.status.is_success(), "{}", r.text);
    let browser = session_browser(&w.t, &w.p1);
    let page = format!("/pro/b/{}/rights", w.bid);
    let html = page_text(&w.t, &browser, &page).await;
    let r = browser
        .post(w.t.url(&page))
        .form(&[
            ("_csrf", csrf_of(&html).as_str()),
            ("month", "2026-05"),
            ("nationality", "fr"),
            ("housing", "homeless"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let to = r.headers()["location"].to_str().unwrap().to_owned();
    let one_page = page_text(&w.t, &browser, &to).await;
    // The form and the results side by side.
    assert!(one_page.contains("rights-split"));
    assert!(one_page.contains("name=\"housing\""));
    assert!(one_page.contains("id=\"benefit-rsa\""));
    let id = to.rsplit('=').next().unwrap();
    let recap = page_text(&w.t, &browser, &format!("{page}/{id}/print")).await;
    assert!(recap.contains("lang=\"ar\" dir=\"rtl\""), "{recap}");
    assert!(recap.contains("ملخص حقوقي"));
    // In her safe, with her journal's line.
    let list =
        w.t.get(
            &format!("/api/v1/beneficiaries/{}/simulations", w.bid),
            Some(&w.person),
        )
        .await;
    assert_eq!(list.json()[0]["id"], id);
    let journal = w.her_journal().await;
    assert!(
        journal
            .iter()
            .any(|e| e["action"] == "simulation_created" && e["actor"]["kind"] == "professional")
    );
}
