//! A structure's statistics over a moved clock: safes opened, her own logins on days 0, 3,
//! 150 and 200, documents added by professionals and by the people, an invitation accepted,
//! an SMS reminder sent. The JSON, the page, the CSV (read by Python's `csv`) and the
//! spreadsheet (read by `odfpy`) give exactly the expected figures; the reconnection rate
//! counts days 1 to 183 only. Members of the structure only; the public figures hide small
//! groups.

use consigne::service::{Worker, job_handlers};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::*;
use crate::sms::operator;

/// 2026-03-02 10:00 UTC (11:00 in Paris): the safes are opened then.
const T0: i64 = 1_772_445_600;
const DAY: i64 = 86_400;
const MARCH: &str = "from=2026-03-01&to=2026-03-31";

struct Scenario {
    t: TestApp,
    s1: String,
    p1_login: (String, String),
    p2_login: (String, String),
    person_a: String,
    /// The code of the subject s1 added to its list.
    own_subject: String,
}

async fn pro_again(t: &TestApp, login: &(String, String)) -> String {
    t.login_staff(&login.0, STAFF_PASSWORD, &login.1).await
}

async fn login_at(t: &TestApp, at: i64, identifier: &str) -> String {
    t.clock.set(at);
    t.login_ok(identifier, PERSON_PASSWORD).await
}

async fn upload(t: &TestApp, token: &str, bid: &str, name: &str) -> String {
    let r = t
        .upload(token, bid, pdf(name), "papier.pdf", Some(name))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    r.json()["id"].as_str().unwrap().to_owned()
}

/// The scripted months: everything the figures for March 2026 count, and what they must not.
async fn scenario() -> Scenario {
    let (base, rec) = operator().await;
    let t = spawn_with(move |c| {
        c.jobs.run_in_serve = false;
        c.sms.operator = "webhook".into();
        c.sms.webhook_url = format!("{base}/hook");
        c.sms.webhook_token = "operator-token".into();
    })
    .await;
    t.clock.set(T0 - 10 * DAY);
    let (admin, _, _) = t.platform_admin().await;
    let s1 = t.create_structure(&admin, "Accueil de jour", "relay").await;
    let s2 = t.create_structure(&admin, "CCAS", "relay").await;
    let (p1, p1_email, p1_secret) = t.professional(&admin, &s1, "admin").await;
    let p1_login = (p1_email, p1_secret);
    let (_, p2_email, p2_secret) = t.professional(&admin, &s2, "admin").await;
    let p2_login = (p2_email, p2_secret);
    // Opened in February: followed in March, not opened then; her login on day 3 is February's.
    let (_, old_id, _) = t.open_safe(&p1, &s1, "Inès", "Avant", "1970-01-01").await;
    login_at(&t, T0 - 7 * DAY, &old_id).await;

    t.clock.set(T0);
    let p1 = pro_again(&t, &p1_login).await;
    let (a, a_id, _) = t.open_safe(&p1, &s1, "Awa", "Diallo", "1990-02-14").await;
    let (_, b_id, _) = t.open_safe(&p1, &s1, "Bilal", "Haddad", "1985-07-01").await;
    let (_, c_id, _) = t.open_safe(&p1, &s1, "Chloé", "Martin", "1979-11-30").await;

    // s2 opens D's safe; she accepts s1's invitation: one relais accepted by s1 in March.
    let p2 = pro_again(&t, &p2_login).await;
    let (d, d_id, _) = t.open_safe(&p2, &s2, "Dina", "Petrova", "1992-05-05").await;
    upload(&t, &p2, &d, "Attestation CCAS").await;
    let r = t
        .post(
            &format!("/api/v1/structures/{s1}/invitations"),
            Some(&p1),
            json!({"identifier": d_id}),
        )
        .await;
    assert_eq!(r.status, StatusCode::ACCEPTED, "{}", r.text);
    let dina = login_at(&t, T0 + 2 * DAY, &d_id).await;
    let iid = t.get("/api/v1/me/invitations", Some(&dina)).await.json()[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let r = t
        .post_empty(&format!("/api/v1/me/invitations/{iid}/accept"), Some(&dina))
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);

    // Day 0 logins do not count (A and C), A's day 3 does.
    login_at(&t, T0 + 3600, &a_id).await;
    login_at(&t, T0 + 2 * 3600, &c_id).await;
    // Two documents added by the structure to A's safe.
    t.clock.set(T0 + DAY + 60);
    let p1 = pro_again(&t, &p1_login).await;
    upload(&t, &p1, &a, "Carte d'identité").await;
    upload(&t, &p1, &a, "Attestation de domiciliation").await;
    // A, on day 3: logs in, adds two papers, shares one with s1.
    let awa = login_at(&t, T0 + 3 * DAY + 3600, &a_id).await;
    let shared = upload(&t, &awa, &a, "Fiche de paie").await;
    upload(&t, &awa, &a, "Carnet de santé").await;
    let r = t
        .send_method(
            "PUT",
            &format!("/api/v1/documents/{shared}/shares/{s1}"),
            Some(&awa),
        )
        .await;
    assert!(r.status.is_success(), "{}", r.text);
    // An appointment on 2026-03-07 at 13:00 in Paris with an SMS an hour before.
    let r = t
        .post(
            &format!("/api/v1/beneficiaries/{a}/events"),
            Some(&awa),
            json!({
                "title": "Préfecture",
                "starts_at": "2026-03-07T12:00:00Z",
                "reminders": [{"minutes_before": 60, "channel": "sms"}],
            }),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    t.clock.set(T0 + 5 * DAY + 3600);
    let worker = Worker::new(&t.app, "w", job_handlers(&t.app));
    // The reminder, and the certification log's heads: one job per period of
    // `head_every_minutes` in which papers were added (three so far).
    assert_eq!(worker.run_due().await.unwrap().done, 4);
    assert_eq!(rec.requests.lock().unwrap().len(), 1);

    // Follow-ups about A: two in March (one with a subject s1 added to its list), one in
    // February; her case file records a hotel.
    let p1 = pro_again(&t, &p1_login).await;
    let r = t
        .post(
            &format!("/api/v1/structures/{s1}/subjects"),
            Some(&p1),
            json!({"label": "Aide alimentaire d'urgence"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let own_subject = r.json()["code"].as_str().unwrap().to_owned();
    for (date, medium, subjects) in [
        ("2026-03-04", "phone", json!(["health", "housing"])),
        ("2026-03-06", "walk_in", json!(["housing", own_subject])),
        ("2026-02-20", "phone", json!(["health"])),
    ] {
        let r = t
            .post(
                &format!("/api/v1/structures/{s1}/people/{a}/followups"),
                Some(&p1),
                json!({"date": date, "medium": medium, "subjects": subjects, "status": "done",
                    "shared_text": "Compte rendu", "private_text": "Note privée"}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    }
    let r = t
        .patch(
            &format!("/api/v1/structures/{s1}/people/{a}/file"),
            &p1,
            json!({"situation": {"housing": "hotel"}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);

    // A document added in April is not March's.
    t.clock.set(T0 + 40 * DAY);
    let p1 = pro_again(&t, &p1_login).await;
    upload(&t, &p1, &a, "Avis d'imposition").await;
    // B on day 150 counts; C on day 200 does not.
    login_at(&t, T0 + 150 * DAY + 3600, &b_id).await;
    login_at(&t, T0 + 200 * DAY + 3600, &c_id).await;
    let person_a = login_at(&t, T0 + 201 * DAY, &a_id).await;
    Scenario {
        t,
        s1,
        p1_login,
        p2_login,
        person_a,
        own_subject,
    }
}

fn expected(from: &str, to: &str, own_subject: &str) -> Value {
    json!({
        "from": from,
        "to": to,
        "people_followed": 5,
        "safes_opened": 3,
        "safes_reconnected": 2,
        "reconnection_rate": 2.0 / 3.0,
        "relais_accepted": 1,
        "documents_added_by_professionals": 2,
        "documents_added_by_people": 1,
        "sms_sent": 1,
        "sms_segments": 1,
        "followups": 2,
        "followups_by_medium": {"phone": 1, "walk_in": 1},
        "followups_by_subject": {"health": 1, "housing": 2, own_subject: 1},
        "by_housing": {"hotel": 1, "unknown": 4},
    })
}

/// The figures as the files name them: a breakdown's counts as `<breakdown>.<code>`.
fn flat(v: &Value) -> serde_json::Map<String, Value> {
    let mut out = serde_json::Map::new();
    for (key, value) in v.as_object().unwrap() {
        match value {
            Value::Object(counts) => {
                for (code, n) in counts {
                    out.insert(format!("{key}.{code}"), n.clone());
                }
            }
            v => {
                out.insert(key.clone(), v.clone());
            }
        }
    }
    out
}

const READ_CSV: &str = r#"
import csv, io, json, sys
rows = list(csv.DictReader(io.StringIO(sys.stdin.buffer.read().decode("utf-8"), newline="")))
print(json.dumps({r["figure"]: [r["label"], r["value"]] for r in rows}, ensure_ascii=False))
"#;

const READ_ODS: &str = r#"
import io, json, sys
from odf.opendocument import load
from odf.table import Table, TableRow, TableCell
from odf import teletype
doc = load(io.BytesIO(sys.stdin.buffer.read()))
assert doc.mimetype == "application/vnd.oasis.opendocument.spreadsheet", doc.mimetype
out = {}
for table in doc.spreadsheet.getElementsByType(Table):
    for row in table.getElementsByType(TableRow)[1:]:
        cells = row.getElementsByType(TableCell)
        texts = [teletype.extractText(c) for c in cells]
        kinds = [c.getAttribute("valuetype") for c in cells]
        values = [c.getAttribute("value") or c.getAttribute("datevalue") for c in cells]
        out[texts[0]] = [texts[1], values[2] if len(values) > 2 else None, kinds[2] if len(kinds) > 2 else None]
print(json.dumps(out, ensure_ascii=False))
"#;

/// The figures of the JSON as the files write them.
fn plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        Value::Number(n) if n.is_i64() => n.to_string(),
        Value::Number(n) => format!("{:.4}", n.as_f64().unwrap()),
        _ => unreachable!(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_scripted_year_gives_exactly_the_expected_statistics_everywhere() {
    let sc = scenario().await;
    let t = &sc.t;
    let p1 = pro_again(t, &sc.p1_login).await;
    let path = format!("/api/v1/structures/{}/stats?{MARCH}", sc.s1);
    let r = t.get(&path, Some(&p1)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let want = expected("2026-03-01", "2026-03-31", &sc.own_subject);
    assert_eq!(r.json(), want);

    // February: the old safe, its login on day 3 after opening (still February).
    let r = t
        .get(
            &format!(
                "/api/v1/structures/{}/stats?from=2026-02-01&to=2026-02-28",
                sc.s1
            ),
            Some(&p1),
        )
        .await;
    let feb = r.json();
    assert_eq!(feb["safes_opened"], 1);
    assert_eq!(feb["safes_reconnected"], 1);
    assert_eq!(feb["reconnection_rate"], 1.0);
    assert_eq!(feb["people_followed"], 1);
    assert_eq!(feb["followups"], 1);
    assert_eq!(feb["followups_by_medium"], json!({"phone": 1}));
    assert_eq!(feb["by_housing"], json!({"unknown": 1}));
    // A period with no safe opened: no rate (null), not 0.
    let r = t
        .get(
            &format!(
                "/api/v1/structures/{}/stats?from=2025-01-01&to=2025-12-31",
                sc.s1
            ),
            Some(&p1),
        )
        .await;
    assert_eq!(r.json()["reconnection_rate"], Value::Null);
    assert_eq!(r.json()["people_followed"], 0);

    // The CSV, read by Python's csv module: the same figures, named in her language.
    let csv = format!("/api/v1/structures/{}/stats.csv?{MARCH}", sc.s1);
    let csv = t.download(&csv, &p1, "text/csv").await;
    let rows = python(READ_CSV, &csv);
    let rows = rows.as_object().unwrap();
    let want_flat = flat(&want);
    assert_eq!(rows.len(), want_flat.len());
    for (key, value) in &want_flat {
        assert_eq!(rows[key][1], plain(value), "{key}");
    }
    assert_eq!(
        rows["followups_by_medium.walk_in"][0],
        "Entretiens par mode de contact : Accueil sans rendez-vous"
    );
    assert_eq!(
        rows[&format!("followups_by_subject.{}", sc.own_subject)][0],
        "Entretiens par sujet : Aide alimentaire d'urgence"
    );
    assert_eq!(
        rows["by_housing.unknown"][0],
        "Personnes par situation de logement : Non renseignée"
    );
    assert_eq!(rows["reconnection_rate"][1], "0.6667");
    assert_eq!(rows["reconnection_rate"][0], "Taux de reconnexion");

    // The spreadsheet, read by odfpy: the same rows, numbers as numbers.
    let ods = format!("/api/v1/structures/{}/stats.ods?{MARCH}", sc.s1);
    let ods = t
        .download(&ods, &p1, "application/vnd.oasis.opendocument.spreadsheet")
        .await;
    let sheet = python(READ_ODS, &ods);
    for (key, value) in &want_flat {
        assert_eq!(sheet[key][0], rows[key][0], "{key}");
        let v = sheet[key][1].as_str().unwrap_or_default();
        assert_eq!(v, plain(value), "{key}");
    }
    assert_eq!(sheet["safes_opened"][2], "float");
    assert_eq!(sheet["from"][2], "date");

    // The page: every figure with its definition, the same numbers, links to both files.
    let browser = session_browser(t, &p1);
    let page = browser
        .get(t.url(&format!("/pro/stats?s={}&{MARCH}", sc.s1)))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    for (key, shown) in [
        ("people_followed", "5"),
        ("safes_opened", "3"),
        ("safes_reconnected", "2"),
        ("reconnection_rate", "66,7\u{a0}%"),
        ("relais_accepted", "1"),
        ("documents_added_by_professionals", "2"),
        ("documents_added_by_people", "1"),
        ("sms_sent", "1"),
        ("sms_segments", "1"),
        ("followups", "2"),
        ("followups_by_medium.phone", "1"),
        ("followups_by_subject.housing", "2"),
        ("by_housing.hotel", "1"),
        ("by_housing.unknown", "4"),
    ] {
        assert!(
            html.contains(&format!("data-figure=\"{key}\">{shown}</strong>")),
            "{key} = {shown}"
        );
    }
    assert!(
        html.contains("entre le 1er et le 183e jour après l&#39;ouverture")
            || html.contains("entre le 1er et le 183e jour après l'ouverture")
    );
    let csv_href = format!(
        "/pro/stats.csv?s={}&amp;from=2026-03-01&amp;to=2026-03-31",
        sc.s1
    );
    assert!(html.contains(&csv_href), "{html}");
    assert!(html.contains("/pro/stats.ods?s="));
    // The page's CSV is the API's, byte for byte (same language).
    let page_file = |ext: &str| {
        let url = t.url(&format!("/pro/stats.{ext}?s={}&{MARCH}", sc.s1));
        let get = browser.get(url).send();
        async move { get.await.unwrap().bytes().await.unwrap().to_vec() }
    };
    assert_eq!(page_file("csv").await, csv);
    assert_eq!(python(READ_ODS, &page_file("ods").await), sheet);

    // Reachable from the professional's home.
    let home = browser.get(t.url("/pro")).send().await.unwrap();
    let home = home.text().await.unwrap();
    assert!(home.contains(&format!("href=\"/pro/stats?s={}\"", sc.s1)));

    // Members of the structure only: another structure and the person get 404, the
    // operator 403, no session 401.
    let p2 = pro_again(t, &sc.p2_login).await;
    assert_eq!(t.get(&path, Some(&p2)).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        t.get(&path, Some(&sc.person_a)).await.status,
        StatusCode::NOT_FOUND
    );
    let (operator, _, _) = t.platform_admin().await;
    assert_eq!(
        t.get(&path, Some(&operator)).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(t.get(&path, None).await.status, StatusCode::UNAUTHORIZED);
    let other = session_browser(t, &p2);
    let r = other
        .get(t.url(&format!("/pro/stats?s={}", sc.s1)))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let r = other
        .get(t.url(&format!("/pro/stats.csv?s={}", sc.s1)))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    // Her own structure's page is s2's by default.
    let r = other.get(t.url("/pro/stats")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_wrong_period_is_refused_with_a_message_not_an_error_page() {
    let w = World::new().await;
    for (q, code) in [
        ("from=2026-03-31&to=2026-03-01", "invalid_period"),
        ("from=yesterday", "invalid_date"),
        ("to=2026-02-30", "invalid_date"),
        ("from=2000-01-01&to=2026-01-01", "invalid_period"),
    ] {
        let r =
            w.t.get(
                &format!("/api/v1/structures/{}/stats?{q}", w.s1),
                Some(&w.p1),
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{q}: {}",
            r.text
        );
        assert_eq!(r.code(), code, "{q}");
    }
    let browser = session_browser(&w.t, &w.p1);
    let r = browser
        .get(w.t.url(&format!(
            "/pro/stats?s={}&from=2026-03-31&to=2026-03-01",
            w.s1
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(html.contains("role=\"alert\""));
    assert!(html.contains("name=\"from\""), "the form is still there");
    // No dates: this year up to today.
    let r =
        w.t.get(&format!("/api/v1/structures/{}/stats", w.s1), Some(&w.p1))
            .await;
    assert_eq!(r.status, StatusCode::OK);
    let today = date_in_days(&w.t, 0);
    assert_eq!(r.json()["from"], format!("{}-01-01", &today[..4]));
    assert_eq!(r.json()["safes_opened"], 1);
}

async fn kpis(t: &TestApp) -> Value {
    let r = t.get("/api/v1/public/kpis", None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    r.json()
}

#[tokio::test]
async fn public_figures_hide_groups_of_fewer_than_ten() {
    let w = World::new().await;
    // Three structures, one safe, nothing sent: every figure is hidden.
    assert_eq!(
        kpis(&w.t).await,
        json!({"people": null, "structures": null, "documents": null, "sms": null, "followups": null})
    );
    for i in 0..9 {
        w.t.open_safe(
            &w.p1,
            &w.s1,
            "Nora",
            &format!("Dupont{}", "x".repeat(i + 1)),
            "1980-01-01",
        )
        .await;
    }
    let k = kpis(&w.t).await;
    assert_eq!(k["people"], 10);
    assert_eq!(k["structures"], Value::Null);
    assert_eq!(k["sms"], Value::Null);
    // Follow-ups: nine are hidden, the tenth shows the count.
    let day = date_in_days(&w.t, 0);
    for n in 1..=10 {
        let r =
            w.t.post(
                &format!("/api/v1/structures/{}/people/{}/followups", w.s1, w.bid),
                Some(&w.p1),
                json!({"date": day, "medium": "phone", "subjects": [], "status": "done"}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        let want = if n < 10 { Value::Null } else { json!(10) };
        assert_eq!(kpis(&w.t).await["followups"], want, "after {n}");
    }
}
