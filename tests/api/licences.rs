//! Conventions and annual licences (issue 18, items 1 and 2): the fee table through the API
//! with the default and other configured pricings, the operator's pages, the signed PDF
//! sealed at rest, and what a lapsed licence stops (opening safes) and what it never stops
//! (her login, downloads and export; her relais reading what she shares).

use crate::canary::assert_absent;
use crate::helpers::*;
use reqwest::StatusCode;
use serde_json::{Value, json};

fn body(budget: Value, starts: &str, ends: &str) -> Value {
    json!({
        "starts_on": starts,
        "ends_on": ends,
        "annual_budget_eur": budget,
        "convention": {"status": "signed", "signed_on": "2026-01-15", "signatories": "Mme Durand, présidente"}
    })
}

async fn put_licence(t: &TestApp, token: &str, sid: &str, b: &Value) -> Resp {
    t.call(
        "PUT",
        &format!("/api/v1/structures/{sid}/licence"),
        Some(token),
        Some(b),
    )
    .await
}

/// The acceptance table: 100 000 € → 300 €, 500 000 € → 500 €, 3 000 000 € → 1 900 €, a
/// mediation structure → 0 €; the fee is kept as computed, amounts are numbers with cents.
#[tokio::test]
async fn the_fee_table_through_the_api() {
    let t = spawn().await;
    let (admin, _, _) = t.platform_admin().await;
    let relay = t.create_structure(&admin, "Accueil", "relay").await;
    let med = t.create_structure(&admin, "Médiathèque", "mediation").await;
    let (start, end) = (date_in_days(&t, -10), date_in_days(&t, 355));
    for (sid, budget, fee) in [
        (&relay, json!(100_000), 300.0),
        (&relay, json!(500_000), 500.0),
        (&relay, json!(3_000_000), 1_900.0),
        (&relay, json!(1_234_567.89), 1_234.57),
        (&med, json!(3_000_000), 0.0),
    ] {
        let r = put_licence(&t, &admin, sid, &body(budget.clone(), &start, &end)).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        let j = r.json();
        assert_eq!(j["fee_eur"].as_f64(), Some(fee), "{budget}: {}", r.text);
        assert_eq!(j["annual_budget_eur"].as_f64(), budget.as_f64());
        assert_eq!(j["lapsed"], false);
        assert_eq!(j["starts_on"], start.as_str());
        assert_eq!(j["convention"]["status"], "signed");
        let g = t
            .get(&format!("/api/v1/structures/{sid}/licence"), Some(&admin))
            .await;
        assert_eq!(g.json()["fee_eur"].as_f64(), Some(fee));
    }
    // No licence yet: not lapsed, nothing priced.
    let fresh = t.create_structure(&admin, "Pilote", "relay").await;
    let g = t
        .get(&format!("/api/v1/structures/{fresh}/licence"), Some(&admin))
        .await;
    assert_eq!(g.status, StatusCode::OK);
    assert_eq!(g.json()["lapsed"], false);
    assert!(g.json()["fee_eur"].is_null());
    assert_eq!(g.json()["convention"]["status"], "draft");
    // Bad input: clear 4xx, nothing recorded.
    for (b, status) in [
        (body(json!("100000"), &start, &end), 400),
        (body(json!(-5), &start, &end), 422),
        (body(json!(1.234), &start, &end), 422),
        (body(json!(1e300), &start, &end), 422),
        (body(json!(100_000), "2026-02-30", &end), 422),
        (body(json!(100_000), &end, &start), 422),
        (
            json!({"starts_on": start, "ends_on": end, "annual_budget_eur": 1, "convention": {"status": "lost"}}),
            422,
        ),
        (json!({"starts_on": start}), 400),
    ] {
        let r = put_licence(&t, &admin, &fresh, &b).await;
        assert_eq!(r.status.as_u16(), status, "{b}: {}", r.text);
    }
    let g = t
        .get(&format!("/api/v1/structures/{fresh}/licence"), Some(&admin))
        .await;
    assert!(g.json()["fee_eur"].is_null());
}

/// Other floors, caps and rates from `[licences]`: the fee follows the configuration.
#[tokio::test]
async fn other_configured_pricings() {
    for (floor, cap, rate, budget, fee) in [
        (100, 500, "25bp", 100_000, 250.0),
        (100, 500, "0.25%", 10_000, 100.0),
        (100, 500, "0.25", 1_000_000, 500.0),
        (0, 2_000, "0.05%", 1_000_000, 500.0),
    ] {
        let t = spawn_with(|c| {
            c.licences.floor_eur = floor;
            c.licences.cap_eur = cap;
            c.licences.rate = rate.into();
        })
        .await;
        let (admin, _, _) = t.platform_admin().await;
        let sid = t.create_structure(&admin, "Accueil", "relay").await;
        let b = body(json!(budget), &date_in_days(&t, 0), &date_in_days(&t, 364));
        let r = put_licence(&t, &admin, &sid, &b).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        assert_eq!(
            r.json()["fee_eur"].as_f64(),
            Some(fee),
            "{rate} of {budget}"
        );
    }
}

/// A lapsed licence: the professionals see the notice and cannot open a safe (API 403
/// `licence_lapsed`, the page says why); the person still logs in, downloads and exports;
/// her relais still reads what she shares. A new licence lifts it; a structure that never had
/// one is not lapsed.
#[tokio::test]
async fn a_lapsed_licence_stops_new_safes_and_nothing_else() {
    let w = World::new().await;
    let t = &w.t;
    let marker = "Attestation CAF lapsed";
    let doc = w
        .shared_document(&w.s1, pdf(marker), "caf.pdf", "Attestation CAF")
        .await;
    let past = body(json!(450_000), &date_in_days(t, -400), &date_in_days(t, -1));
    let r = put_licence(t, &w.admin, &w.s1, &past).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["lapsed"], true);
    // Members read it too.
    let r = t
        .get(&format!("/api/v1/structures/{}/licence", w.s1), Some(&w.p1))
        .await;
    assert_eq!(r.json()["lapsed"], true);

    // No new safe, with a clear code.
    let open = json!({"first_name": "Inès", "last_name": "Roux", "birth_date": "1990-01-02", "password": PERSON_PASSWORD, "language": "fr"});
    let path = format!("/api/v1/structures/{}/beneficiaries", w.s1);
    let r = t.post(&path, Some(&w.p1), open.clone()).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text);
    assert_eq!(r.code(), "licence_lapsed");
    // The pages: the notice on /pro, no "open a safe" form.
    let pro = session_browser(t, &w.p1);
    let home = pro.get(t.url("/pro")).send().await.unwrap();
    assert_eq!(home.status(), StatusCode::OK);
    let html = home.text().await.unwrap();
    assert!(
        html.contains("licence de cette structure est échue"),
        "{html}"
    );
    assert!(!html.contains(&format!("/pro/s/{}/open", w.s1)));
    let page = pro
        .get(t.url(&format!("/pro/s/{}/open", w.s1)))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::FORBIDDEN);
    assert!(page.text().await.unwrap().contains("échue"));

    // She logs in, downloads and exports.
    let person = t.login_ok(&w.identifier, PERSON_PASSWORD).await;
    let got = t
        .download(
            &format!("/api/v1/documents/{doc}/content"),
            &person,
            "application/pdf",
        )
        .await;
    assert_eq!(got, pdf(marker));
    let (status, _, zip) = t
        .get_bytes(&format!("/api/v1/beneficiaries/{}/export", w.bid), &person)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(zip.starts_with(b"PK"), "an export archive");
    // Her relais still reads what she shares.
    let seen = t
        .download(
            &format!("/api/v1/documents/{doc}/content"),
            &w.p1,
            "application/pdf",
        )
        .await;
    assert_eq!(seen, pdf(marker));
    let r = t
        .get(
            &format!("/api/v1/beneficiaries/{}/documents", w.bid),
            Some(&w.p1),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);

    // Another structure, without any licence recorded, opens safes as before.
    let r = t
        .post(
            &format!("/api/v1/structures/{}/beneficiaries", w.s2),
            Some(&w.p2),
            open.clone(),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    // A new period lifts it.
    let now = body(json!(450_000), &date_in_days(t, 0), &date_in_days(t, 364));
    let r = put_licence(t, &w.admin, &w.s1, &now).await;
    assert_eq!(r.json()["lapsed"], false, "{}", r.text);
    let again = json!({"first_name": "Inès", "last_name": "Roux", "birth_date": "1990-01-03", "password": PERSON_PASSWORD, "language": "fr"});
    let r = t.post(&path, Some(&w.p1), again).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
}

/// The signed convention: the operator uploads it (checked like an upload: a photo is
/// refused), it is sealed at rest, the operator and the structure's admin download the same
/// PDF, the history says who changed what.
#[tokio::test]
async fn the_signed_convention_is_sealed_and_downloaded_by_its_readers() {
    let w = World::new().await;
    let t = &w.t;
    let marker = "Convention Consigne signee 4242";
    let doc_path = format!("/api/v1/structures/{}/convention/document", w.s1);
    let put = |token: &str, bytes: Vec<u8>, kind: &str| {
        t.http
            .put(t.url(&doc_path))
            .bearer_auth(token)
            .header("content-type", kind.to_owned())
            .body(bytes)
    };
    let r = t.send(put(&w.admin, jpeg(40, 30), "image/jpeg")).await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{}", r.text);
    let r = t.send(put(&w.admin, Vec::new(), "application/pdf")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    let r = t.send(put(&w.p1, pdf(marker), "application/pdf")).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text);
    let (none, _, _) = t.get_bytes(&doc_path, &w.admin).await;
    assert_eq!(none, StatusCode::NOT_FOUND);
    let r = t.send(put(&w.admin, pdf(marker), "application/pdf")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["convention"]["status"], "draft");
    assert!(r.json()["convention"]["document"]["size"].as_i64().unwrap() > 100);
    for token in [&w.admin, &w.p1] {
        let got = t.download(&doc_path, token, "application/pdf").await;
        let text = python(
            "import sys, io, json, pypdf\nr = pypdf.PdfReader(io.BytesIO(sys.stdin.buffer.read()))\nprint(json.dumps(''.join(p.extract_text() for p in r.pages)))",
            &got,
        );
        assert!(text.as_str().unwrap().contains(marker), "{text}");
    }
    let (member, _, _) = t.professional(&w.p1, &w.s1, "member").await;
    let (s, _, _) = t.get_bytes(&doc_path, &member).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _, _) = t.get_bytes(&doc_path, &w.p2).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    // A second version replaces the first (its blob goes).
    let blobs_before = t.app.blobs().list().unwrap().len();
    let r = t
        .send(put(&w.admin, pdf("Avenant 2"), "application/pdf"))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(t.app.blobs().list().unwrap().len(), blobs_before);
    // Not in clear anywhere the installation stores.
    assert_absent(t, &[marker, "Avenant 2"]);
    // Collection of orphans leaves it; verification finds it intact.
    t.app.collect_orphans().await.unwrap();
    let report = t.app.verify(false).await.unwrap();
    assert!(
        report.missing.is_empty() && report.corrupted.is_empty() && report.orphans.is_empty(),
        "{report:?}"
    );
    let got = t.download(&doc_path, &w.admin, "application/pdf").await;
    assert_eq!(got, pdf("Avenant 2"));
}

/// The operator's pages: the quote (nothing recorded), a structure's page with its
/// convention, licence, fee and history, the list with each structure's state; the forms
/// post without JavaScript and refuse bad input with the page and a 422.
#[tokio::test]
async fn the_operator_pages_record_and_show_the_licence() {
    let w = World::new().await;
    let t = &w.t;
    let admin = session_browser(t, &w.admin);
    let csrf = |html: &str| {
        let at = html.find("name=\"_csrf\" value=\"").unwrap() + 20;
        html[at..at + html[at..].find('"').unwrap()].to_owned()
    };
    let page = |path: String| {
        let admin = admin.clone();
        async move {
            let r = admin.get(t.url(&path)).send().await.unwrap();
            (r.status(), r.text().await.unwrap())
        }
    };
    let (s, html) = page("/admin?quote_budget=500000&quote_kind=relay".into()).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("500000.00 € : 500.00 €"), "{html}");
    let (_, html) = page("/admin?quote_budget=3000000&quote_kind=mediation".into()).await;
    assert!(html.contains(": 0.00 €"));
    let (s, html) = page("/admin?quote_budget=beaucoup".into()).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("role=\"alert\""));
    let (_, html) = page(format!("/admin/structures/{}", w.s1)).await;
    assert!(html.contains("Aucune licence enregistrée"));
    let token = csrf(&html);
    let form = |budget: &str| {
        [
            ("_csrf", token.clone()),
            ("status", "signed".into()),
            ("signed_on", "2026-01-15".into()),
            ("signatories", "M. Blanc, directeur".into()),
            ("starts_on", date_in_days(t, -1)),
            ("ends_on", date_in_days(t, 363)),
            ("annual_budget_eur", budget.into()),
        ]
    };
    let post = admin
        .post(t.url(&format!("/admin/structures/{}/licence", w.s1)))
        .form(&form("-3"))
        .send()
        .await
        .unwrap();
    assert_eq!(post.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let post = admin
        .post(t.url(&format!("/admin/structures/{}/licence", w.s1)))
        .form(&form("820000"))
        .send()
        .await
        .unwrap();
    assert_eq!(post.status(), StatusCode::SEE_OTHER);
    let (_, html) = page(format!("/admin/structures/{}", w.s1)).await;
    assert!(html.contains("Redevance annuelle : 820.00 €"), "{html}");
    assert!(html.contains("M. Blanc, directeur"));
    assert!(html.contains("Statut de la convention"), "history: {html}");
    let (_, html) = page("/admin".into()).await;
    assert!(html.contains("Convention : Signée"), "{html}");
    let r = t
        .get(&format!("/api/v1/structures/{}/licence", w.s1), Some(&w.p1))
        .await;
    assert_eq!(r.json()["fee_eur"].as_f64(), Some(820.0));
    assert_eq!(r.json()["convention"]["signatories"], "M. Blanc, directeur");
}
