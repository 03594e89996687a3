//! Proofs (issue 16, items 1–3): a structure's profile, domiciliation decisions with the
//! official cerfas filled (read back by an independent reader, pypdf, and checked by qpdf),
//! the certificate in her safe with its end date, renewals, refusals, hosting certificates;
//! who may do what; nothing of it readable by the operator.

use crate::helpers::*;
use crate::pages::csrf_of;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// Reads a PDF on standard input with pypdf: its form fields (`get_fields()`, each value as
/// text, a button's state without its slash), its page count and its pages' text.
const READ_FORM: &str = r#"
import io, json, sys
import pypdf
r = pypdf.PdfReader(io.BytesIO(sys.stdin.buffer.read()))
fields = {}
for name, f in (r.get_fields() or {}).items():
    v = f.get('/V')
    fields[name] = None if v is None else str(v).lstrip('/')
text = "\n".join(p.extract_text() or "" for p in r.pages)
print(json.dumps({"fields": fields, "pages": len(r.pages), "text": text}))
"#;

fn read_form(pdf: &[u8]) -> Value {
    python(READ_FORM, pdf)
}

/// qpdf finds the file sound (exit 0, or 3: warnings, such as the official form's own
/// duplicated keys).
fn qpdf_check(pdf: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("qpdf")
        .arg("--check")
        .arg(&path)
        .output()
        .expect("qpdf runs");
    // 0: sound; 3: sound with warnings. 2 is an error.
    assert!(
        matches!(out.status.code(), Some(0 | 3)),
        "qpdf --check: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn association_profile() -> Value {
    json!({
        "category": "association",
        "postal_address": "12 rue des Tilleuls\n93100 Montreuil",
        "mail_address": "BP 40\n93101 Montreuil Cedex",
        "approval_number": "DOM-93-2025-017",
        "prefecture": "Seine-Saint-Denis",
        "manager_name": "Claire Martin",
        "manager_function": "Directrice",
        "phone": "01 48 70 00 00",
        "email": "accueil@tilleuls.example"
    })
}

async fn set_profile(w: &World, token: &str, sid: &str, body: Value) -> Resp {
    w.t.call(
        "PUT",
        &format!("/api/v1/structures/{sid}/profile"),
        Some(token),
        Some(&body),
    )
    .await
}

async fn domiciliate(w: &World, token: &str, sid: &str, body: Value) -> Resp {
    w.t.post(
        &format!("/api/v1/structures/{sid}/people/{}/domiciliations", w.bid),
        Some(token),
        body,
    )
    .await
}

/// Today as the structure signs: the platform's time zone.
fn today(t: &TestApp) -> time::Date {
    let zone = consigne::clock::zone(&t.app.config.reminders.time_zone);
    let day = consigne::clock::local(&zone, t.app.now()).date;
    time::Date::parse(
        &day,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .unwrap()
}

fn split(d: time::Date) -> (String, String, String) {
    (
        format!("{:02}", d.day()),
        format!("{:02}", u8::from(d.month())),
        format!("{:04}", d.year()),
    )
}

fn assert_date(fields: &Value, (day, month, year): (&str, &str, &str), d: time::Date) {
    let (dd, mm, yyyy) = split(d);
    assert_eq!(fields[day], dd.as_str(), "{day}");
    assert_eq!(fields[month], mm.as_str(), "{month}");
    assert_eq!(fields[year], yyyy.as_str(), "{year}");
}

async fn document(w: &World, id: &str) -> (Value, Vec<u8>) {
    let r =
        w.t.get(&format!("/api/v1/documents/{id}"), Some(&w.person))
            .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let bytes =
        w.t.download(
            &format!("/api/v1/documents/{id}/content"),
            &w.person,
            "application/pdf",
        )
        .await;
    (r.json(), bytes)
}

#[tokio::test]
async fn the_profile_is_edited_by_its_admin_and_read_by_members() {
    let w = World::new().await;
    let path = format!("/api/v1/structures/{}/profile", w.s1);
    // Not written yet.
    assert_eq!(
        w.t.get(&path, Some(&w.p1)).await.status,
        StatusCode::NOT_FOUND
    );
    let r = set_profile(&w, &w.p1, &w.s1, association_profile()).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let p = r.json();
    assert_eq!(p["postal_address"], "12 rue des Tilleuls\n93100 Montreuil");
    assert_eq!(p["approval_number"], "DOM-93-2025-017");
    // The structure's own phone, reused.
    assert_eq!(p["phone"], "0148700000");
    let s =
        w.t.get(&format!("/api/v1/structures/{}", w.s1), Some(&w.p1))
            .await;
    assert_eq!(s.json()["phone"], "0148700000");
    // A member reads it, the operator too (it is public); another structure does not.
    let (member, _, _) = w.t.professional(&w.admin, &w.s1, "member").await;
    assert_eq!(w.t.get(&path, Some(&member)).await.json(), p);
    assert_eq!(w.t.get(&path, Some(&w.admin)).await.status, StatusCode::OK);
    assert_eq!(
        w.t.get(&path, Some(&w.p2)).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        w.t.get(&path, Some(&w.person)).await.status,
        StatusCode::NOT_FOUND
    );
    // Only its admin edits it: not a member, not the operator, not another structure.
    let body = association_profile();
    assert_eq!(
        set_profile(&w, &member, &w.s1, body.clone()).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        set_profile(&w, &w.admin, &w.s1, body.clone()).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        set_profile(&w, &w.p2, &w.s1, body.clone()).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        set_profile(&w, &w.person, &w.s1, body).await.status,
        StatusCode::NOT_FOUND
    );
    // A CCAS has no approval: the fields are dropped.
    let mut ccas = association_profile();
    ccas["category"] = json!("ccas");
    let r = set_profile(&w, &w.p1, &w.s1, ccas).await;
    assert_eq!(r.json()["approval_number"], Value::Null);
    assert_eq!(r.json()["prefecture"], Value::Null);
    // Refused inputs name the field.
    for (field, value) in [
        ("postal_address", json!("  ")),
        ("manager_name", json!("")),
        ("email", json!("not an address")),
        ("category", json!("ministry")),
        ("shelter", json!("castle")),
        ("phone", json!("call me")),
    ] {
        let mut body = association_profile();
        body[field] = value;
        let r = set_profile(&w, &w.p1, &w.s1, body).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{field}: {}",
            r.text
        );
        assert!(r.text.contains(field), "{field}: {}", r.text);
    }
    let mut body = association_profile();
    body["secret"] = json!(1);
    assert_eq!(
        set_profile(&w, &w.p1, &w.s1, body).await.status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn a_granted_domiciliation_fills_both_cerfas_and_lands_in_her_safe() {
    let w = World::new().await;
    // No profile yet: nothing to print.
    let decision_on = date_in_days(&w.t, -2);
    let body = json!({"kind": "first", "decision_on": decision_on, "granted": true, "birth_place": "Tombouctou"});
    let r = domiciliate(&w, &w.p1, &w.s1, body.clone()).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text);
    assert_eq!(r.code(), "profile_missing");
    set_profile(&w, &w.p1, &w.s1, association_profile()).await;
    let r = domiciliate(&w, &w.p1, &w.s1, body).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let rec = r.json();
    let start = time::Date::parse(
        &decision_on,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .unwrap();
    let end = start.replace_year(start.year() + 1).unwrap_or(start) - time::Duration::days(1);
    assert_eq!(rec["starts_on"], decision_on);
    assert_eq!(rec["ends_on"], split_iso(end));
    let today = today(&w.t);

    // The certificate: in her safe, typed, dated, added by the structure, shared with it.
    let cert_id = rec["documents"]["certificate"].as_str().unwrap();
    let (doc, pdf) = document(&w, cert_id).await;
    assert_eq!(doc["type"], "domiciliation_certificate");
    assert_eq!(doc["expires_on"], split_iso(end));
    assert_eq!(doc["created_by"]["kind"], "professional");
    assert_eq!(doc["shared_with"], json!([w.s1]));
    qpdf_check(&pdf);
    let form = read_form(&pdf);
    assert!(
        form["text"].as_str().unwrap().contains("16030*01"),
        "the form's version"
    );
    let f = &form["fields"];
    // `noms1` is a widget the official form forgot in its field list: filled all the same.
    assert_eq!(f["noms1"], "LEFÈVRE");
    assert_eq!(f["noms2"], "LEFÈVRE");
    assert_eq!(f["prenoms1"], "ZOÉ");
    assert_eq!(f["prenoms2"], "ZOÉ");
    assert_eq!(f["lieuNaissance1"], "TOMBOUCTOU");
    assert_date(
        f,
        ("jourNaissance1", "moisNaissance1", "anneeNaissance1"),
        time::macros::date!(1987 - 06 - 05),
    );
    assert_eq!(f["nomOrga1"], "ACCUEIL DE JOUR");
    assert_eq!(f["adresseOrga1"], "12 rue des Tilleuls, 93100 Montreuil");
    assert_eq!(f["adresse"], "BP 40\n93101 Montreuil Cedex");
    assert_eq!(f["agrement"], "DOM-93-2025-017");
    assert_eq!(f["prefecture1"], "Seine-Saint-Denis");
    assert_eq!(f["courrielOrga"], "accueil@tilleuls.example");
    assert_eq!(f["telephoneOrga"], "0148700000");
    assert_eq!(f["responsable"], "CLAIRE MARTIN, DIRECTRICE");
    assert_date(f, ("jourDebut", "moisDebut", "anneeDebut"), start);
    assert_date(f, ("jourFin", "moisFin", "anneeFin"), end);
    assert_date(
        f,
        ("jourPremiereDom", "moisPremiereDom", "anneePremiereDom"),
        start,
    );
    // Signed where the structure is, today.
    assert_eq!(f["signature1A"], "MONTREUIL");
    assert_date(
        f,
        ("jourDecision1A", "moisDecision1A", "anneeDecision1A"),
        today,
    );

    // The request, with its decision.
    let req_id = rec["documents"]["request"].as_str().unwrap();
    let (doc, pdf) = document(&w, req_id).await;
    assert_eq!(doc["type"], "other");
    assert_eq!(doc["shared_with"], json!([w.s1]));
    qpdf_check(&pdf);
    let form = read_form(&pdf);
    assert_eq!(form["pages"], 2);
    assert!(
        form["text"].as_str().unwrap().contains("16029*01"),
        "the form's version"
    );
    let f = &form["fields"];
    assert_eq!(f["typeDemande"], "1");
    assert_eq!(f["decision"], "1");
    assert_eq!(f["motifRefus"], "");
    for n in ["1", "2"] {
        assert_eq!(f[format!("noms{n}")], "LEFÈVRE");
        assert_eq!(f[format!("prenoms{n}")], "ZOÉ");
        assert_eq!(f[format!("lieuNaissance{n}")], "TOMBOUCTOU");
        assert_eq!(f[format!("prefecture{n}")], "Seine-Saint-Denis");
        assert_eq!(f[format!("nomOrga{n}")], "ACCUEIL DE JOUR");
    }
    assert_eq!(
        f["entretienAdresse"],
        "12 rue des Tilleuls, 93100 Montreuil"
    );
    for s in ["1A", "1B", "2"] {
        assert_eq!(f[format!("signature{s}")], "MONTREUIL");
        let (d, m, y) = (
            format!("jourDecision{s}"),
            format!("moisDecision{s}"),
            format!("anneeDecision{s}"),
        );
        assert_date(f, (&d, &m, &y), today);
    }

    // Her journal: the structure added her papers and recorded the decision.
    let journal = w.her_journal().await;
    for (action, id) in [
        ("document_uploaded", cert_id),
        ("document_uploaded", req_id),
        ("domiciliation_recorded", rec["id"].as_str().unwrap()),
    ] {
        let e = journal
            .iter()
            .find(|e| e["action"] == action && e["target"]["id"] == id)
            .unwrap_or_else(|| panic!("{action} {id} in her journal"));
        assert_eq!(e["actor"]["kind"], "professional");
    }
    // She and the structure read the record; another structure finds nothing.
    let list = format!(
        "/api/v1/structures/{}/people/{}/domiciliations",
        w.s1, w.bid
    );
    let r = w.t.get(&list, Some(&w.p1)).await;
    assert_eq!(r.json().as_array().unwrap().len(), 1, "{}", r.text);
    assert_eq!(r.json()[0]["ends_on"], split_iso(end));
    let r = w.t.get(&list, Some(&w.person)).await;
    assert_eq!(r.json().as_array().unwrap().len(), 1, "{}", r.text);
    // The professional's reading is in her journal.
    let journal = w.her_journal().await;
    assert!(
        journal
            .iter()
            .any(|e| e["action"] == "domiciliation_viewed" && e["actor"]["kind"] == "professional"),
        "{journal:?}"
    );
    assert_eq!(
        w.t.get(&list, Some(&w.p2)).await.status,
        StatusCode::NOT_FOUND
    );
}

fn split_iso(d: time::Date) -> String {
    let (dd, mm, yyyy) = split(d);
    format!("{yyyy}-{mm}-{dd}")
}

#[tokio::test]
async fn a_renewal_continues_the_running_domiciliation() {
    let w = World::new().await;
    let mut ccas = association_profile();
    ccas["category"] = json!("ccas");
    set_profile(&w, &w.p1, &w.s1, ccas).await;
    let first_on = date_in_days(&w.t, -300);
    let r = domiciliate(
        &w,
        &w.p1,
        &w.s1,
        json!({"kind": "first", "decision_on": first_on, "granted": true}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let first = r.json();
    let first_end = first["ends_on"].as_str().unwrap().to_owned();
    // Renewed two months before the end: the new year starts the day after.
    let r = domiciliate(
        &w,
        &w.p1,
        &w.s1,
        json!({"kind": "renewal", "decision_on": date_in_days(&w.t, 0), "granted": true}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let renewal = r.json();
    let f = time::macros::format_description!("[year]-[month]-[day]");
    let end = time::Date::parse(&first_end, f).unwrap();
    let start = end.next_day().unwrap();
    assert_eq!(renewal["starts_on"], split_iso(start));
    let new_end = start.replace_year(start.year() + 1).unwrap() - time::Duration::days(1);
    assert_eq!(renewal["ends_on"], split_iso(new_end));
    let cert = renewal["documents"]["certificate"].as_str().unwrap();
    let (doc, pdf) = document(&w, cert).await;
    assert_eq!(doc["expires_on"], split_iso(new_end));
    let form = read_form(&pdf);
    let fields = &form["fields"];
    // A CCAS prints no approval; the first domiciliation's date stays.
    assert_eq!(fields["agrement"], "");
    assert_eq!(fields["prefecture1"], "");
    assert_date(
        fields,
        ("jourPremiereDom", "moisPremiereDom", "anneePremiereDom"),
        time::Date::parse(&first_on, f).unwrap(),
    );
    let req = renewal["documents"]["request"].as_str().unwrap();
    let (_, pdf) = document(&w, req).await;
    assert_eq!(read_form(&pdf)["fields"]["typeDemande"], "2");
}

#[tokio::test]
async fn a_refusal_gives_the_reasoned_decision_only() {
    let w = World::new().await;
    set_profile(&w, &w.p1, &w.s1, association_profile()).await;
    let decision_on = date_in_days(&w.t, 0);
    // A refusal says why.
    let r = domiciliate(
        &w,
        &w.p1,
        &w.s1,
        json!({"kind": "first", "decision_on": decision_on, "granted": false}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("refusal_reason"), "{}", r.text);
    let reason = "Absence de lien avec la commune : orientée vers le CCAS de Bagnolet";
    let r = domiciliate(&w, &w.p1, &w.s1, json!({"kind": "first", "decision_on": decision_on, "granted": false, "refusal_reason": reason})).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let rec = r.json();
    assert_eq!(rec["granted"], false);
    assert_eq!(rec["starts_on"], Value::Null);
    assert_eq!(rec["documents"]["certificate"], Value::Null);
    let (doc, pdf) = document(&w, rec["documents"]["request"].as_str().unwrap()).await;
    assert_eq!(doc["type"], "other");
    qpdf_check(&pdf);
    let fields = &read_form(&pdf)["fields"];
    assert_eq!(fields["decision"], "2");
    assert_eq!(fields["motifRefus"], reason);
    // No certificate among her papers.
    let docs =
        w.t.get(
            &format!("/api/v1/beneficiaries/{}/documents", w.bid),
            Some(&w.person),
        )
        .await;
    assert!(
        !docs.text.contains("domiciliation_certificate"),
        "{}",
        docs.text
    );
    // Other inputs refused with the field named.
    for (field, body) in [
        (
            "kind",
            json!({"kind": "third", "decision_on": decision_on, "granted": true}),
        ),
        (
            "decision_on",
            json!({"kind": "first", "decision_on": "tomorrow", "granted": true}),
        ),
        (
            "granted",
            json!({"kind": "first", "decision_on": decision_on}),
        ),
    ] {
        let r = domiciliate(&w, &w.p1, &w.s1, body).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        assert!(r.text.contains(field), "{field}: {}", r.text);
    }
}

#[tokio::test]
async fn who_may_record_a_domiciliation_or_a_hosting_certificate() {
    let w = World::new().await;
    for (token, sid) in [(&w.p1, &w.s1), (&w.p2, &w.s2), (&w.pm, &w.med)] {
        let r = set_profile(&w, token, sid, association_profile()).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    }
    let body = json!({"kind": "first", "decision_on": date_in_days(&w.t, 0), "granted": true});
    let hosting = json!({"since": date_in_days(&w.t, -30)});
    let hosting_path = |sid: &str| {
        format!(
            "/api/v1/structures/{sid}/people/{}/hosting-certificates",
            w.bid
        )
    };
    // Another structure, which does not follow her: the same 404 as a missing person; a
    // professional naming a structure he is not in: 404; mediation: 403 on its own structure;
    // the operator and the person: refused.
    let cases: [(&str, &str, StatusCode); 6] = [
        (&w.p2, &w.s2, StatusCode::NOT_FOUND),
        (&w.p2, &w.s1, StatusCode::NOT_FOUND),
        (&w.pm, &w.med, StatusCode::FORBIDDEN),
        (&w.admin, &w.s1, StatusCode::FORBIDDEN),
        (&w.person, &w.s1, StatusCode::NOT_FOUND),
        (&w.p1, &w.s2, StatusCode::NOT_FOUND),
    ];
    for (token, sid, status) in cases {
        let r = domiciliate(&w, token, sid, body.clone()).await;
        assert_eq!(
            r.status, status,
            "domiciliation by {token} for {sid}: {}",
            r.text
        );
        let r =
            w.t.post(&hosting_path(sid), Some(token), hosting.clone())
                .await;
        assert_eq!(r.status, status, "hosting by {token} for {sid}: {}", r.text);
    }
    // A structure that runs no shelter certifies no hosting; one that is neither a CCAS nor an
    // association domiciles no one.
    let r =
        w.t.post(&hosting_path(&w.s1), Some(&w.p1), hosting.clone())
            .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.code(), "not_a_shelter");
    let mut other = association_profile();
    other["category"] = json!("other");
    set_profile(&w, &w.p1, &w.s1, other).await;
    let r = domiciliate(&w, &w.p1, &w.s1, body).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.code(), "not_a_domiciliation_body");
    // Nothing landed in her safe.
    let docs =
        w.t.get(
            &format!("/api/v1/beneficiaries/{}/documents", w.bid),
            Some(&w.person),
        )
        .await;
    assert_eq!(
        docs.json()["items"].as_array().map_or(0, Vec::len),
        0,
        "{}",
        docs.text
    );
}

#[tokio::test]
async fn a_shelter_certifies_that_it_hosts_her() {
    let w = World::new().await;
    let mut chrs = association_profile();
    chrs["shelter"] = json!("chrs");
    set_profile(&w, &w.p1, &w.s1, chrs).await;
    let path = format!(
        "/api/v1/structures/{}/people/{}/hosting-certificates",
        w.s1, w.bid
    );
    let since = date_in_days(&w.t, -45);
    let r =
        w.t.post(&path, Some(&w.p1), json!({"since": date_in_days(&w.t, 3)}))
            .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    assert!(r.text.contains("since"));
    let r = w.t.post(&path, Some(&w.p1), json!({"since": since})).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let doc = r.json();
    assert_eq!(doc["type"], "proof_of_address");
    assert_eq!(doc["shared_with"], json!([w.s1]));
    let (_, pdf) = document(&w, doc["id"].as_str().unwrap()).await;
    qpdf_check(&pdf);
    let form = read_form(&pdf);
    assert_eq!(form["pages"], 1);
    let text = form["text"].as_str().unwrap();
    let (dd, mm, yyyy) = split(
        time::Date::parse(
            &since,
            time::macros::format_description!("[year]-[month]-[day]"),
        )
        .unwrap(),
    );
    for needle in [
        "Accueil de jour".to_owned(),
        "12 rue des Tilleuls".to_owned(),
        "Zoé LEFÈVRE".to_owned(),
        "05/06/1987".to_owned(),
        format!("{dd}/{mm}/{yyyy}"),
        "Claire Martin".to_owned(),
        "Directrice".to_owned(),
        "CHRS".to_owned(),
    ] {
        assert!(text.contains(&needle), "{needle} in {text}");
    }
    let journal = w.her_journal().await;
    assert!(
        journal
            .iter()
            .any(|e| e["action"] == "document_uploaded" && e["target"]["id"] == doc["id"])
    );
}

#[tokio::test]
async fn the_operator_reads_nothing_of_a_domiciliation() {
    let w = World::new().await;
    set_profile(&w, &w.p1, &w.s1, association_profile()).await;
    let reason = "Motifcanari de refus";
    let r = domiciliate(&w, &w.p1, &w.s1, json!({"kind": "first", "decision_on": date_in_days(&w.t, 0), "granted": false, "refusal_reason": reason})).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let r = domiciliate(&w, &w.p1, &w.s1, json!({"kind": "renewal", "decision_on": date_in_days(&w.t, 0), "granted": true, "birth_place": "Tombouctou"})).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    crate::canary::assert_absent(
        &w.t,
        &[
            "Lefèvre",
            "Zoé",
            "Motifcanari",
            "Tombouctou",
            "05/06/1987",
            "1987-06-05",
        ],
    );
}

/// A page's HTML as `browser` gets it, with its status.
async fn page_of(t: &TestApp, browser: &reqwest::Client, path: &str) -> (StatusCode, String) {
    let r = browser.get(t.url(path)).send().await.unwrap();
    (r.status(), r.text().await.unwrap())
}

#[tokio::test]
async fn the_pages_work_with_plain_forms() {
    let w = World::new().await;
    let admin = session_browser(&w.t, &w.p1);
    // The profile, from the team page: a plain form, then a redirect.
    let (status, team) = page_of(&w.t, &admin, &format!("/s/{}/team", w.s1)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(team.contains(&format!("/s/{}/profile", w.s1)));
    let path = format!("/s/{}/profile", w.s1);
    let (status, html) = page_of(&w.t, &admin, &path).await;
    assert_eq!(status, StatusCode::OK);
    for id in [
        "profile-category",
        "profile-shelter",
        "profile-postal-address",
        "profile-manager-name",
    ] {
        assert!(html.contains(&format!("id=\"{id}\"")), "{id}");
    }
    let csrf = csrf_of(&html);
    let mut fields = vec![
        ("_csrf", csrf.as_str()),
        ("category", "association"),
        ("shelter", "chu"),
        ("postal_address", "12 rue des Tilleuls\r\n93100 Montreuil"),
        ("mail_address", ""),
        ("approval_number", "DOM-93-2025-017"),
        ("prefecture", "Seine-Saint-Denis"),
        ("manager_name", ""),
        ("manager_function", "Directrice"),
        ("phone", ""),
        ("email", ""),
    ];
    // A missing field: the form again, saying which, with what was typed.
    let r = admin
        .post(w.t.url(&path))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(html.contains("Nom du ou de la responsable"), "{html}");
    assert!(html.contains("DOM-93-2025-017"));
    fields[7].1 = "Claire Martin";
    let r = admin
        .post(w.t.url(&path))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let p =
        w.t.get(&format!("/api/v1/structures/{}/profile", w.s1), Some(&w.p1))
            .await
            .json();
    assert_eq!(p["postal_address"], "12 rue des Tilleuls\n93100 Montreuil");
    assert_eq!(p["shelter"], "chu");

    // The person's file leads to her domiciliation page.
    let (_, file) = page_of(&w.t, &admin, &format!("/pro/b/{}", w.bid)).await;
    let path = format!("/pro/b/{}/domiciliation", w.bid);
    assert!(file.contains(&path));
    let (status, html) = page_of(&w.t, &admin, &path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Aucune décision enregistrée."));
    let decision_on = date_in_days(&w.t, 0);
    let form = [
        ("_csrf", csrf_of(&html)),
        ("structure_id", w.s1.clone()),
        ("kind", "first".into()),
        ("decision_on", decision_on.clone()),
        ("granted", "yes".into()),
        ("refusal_reason", String::new()),
        ("birth_place", String::new()),
    ];
    let r = admin.post(w.t.url(&path)).form(&form).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()["location"], path.as_str());
    let (_, html) = page_of(&w.t, &admin, &path).await;
    assert!(html.contains("Première demande"), "{html}");
    assert!(html.contains("Attestation (cerfa 16030)"));
    assert!(html.contains(&format!("/pro/b/{}/documents/", w.bid)));
    // A refusal without its reason: the page says which field.
    let mut refused = form.clone();
    refused[4].1 = "no".into();
    let r = admin
        .post(w.t.url(&path))
        .form(&refused)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("Motif du refus"));
    // The hosting certificate, from the same page.
    let since = date_in_days(&w.t, -20);
    let r = admin
        .post(w.t.url(&format!("/pro/b/{}/hosting-certificate", w.bid)))
        .form(&[
            ("_csrf", csrf_of(&html)),
            ("structure_id", w.s1.clone()),
            ("since", since),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let docs =
        w.t.get(
            &format!("/api/v1/beneficiaries/{}/documents", w.bid),
            Some(&w.person),
        )
        .await;
    for t in ["domiciliation_certificate", "proof_of_address"] {
        assert!(docs.text.contains(t), "{t}: {}", docs.text);
    }
    // Her journal says the structure recorded it.
    let (_, journal) = page_of(&w.t, &session_browser(&w.t, &w.person), "/journal").await;
    assert!(
        journal.contains("Décision de domiciliation enregistrée"),
        "{journal}"
    );
}

/// PUTs `bytes` as the logo of `sid`.
async fn put_logo(w: &World, token: &str, sid: &str, bytes: Vec<u8>) -> Resp {
    w.t.send(
        w.t.http
            .put(w.t.url(&format!("/api/v1/structures/{sid}/profile/logo")))
            .bearer_auth(token)
            .header("content-type", "application/octet-stream")
            .body(bytes),
    )
    .await
}

/// A PNG whose header announces `width` × `height` pixels (its data is not needed to refuse it).
fn png_header(width: u32, height: u32) -> Vec<u8> {
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend_from_slice(&13u32.to_be_bytes());
    png.extend_from_slice(&ihdr);
    png.extend_from_slice(&[0, 0, 0, 0]);
    png
}

#[tokio::test]
async fn the_logo_is_checked_like_an_upload_and_heads_the_hosting_letter() {
    let w = World::new().await;
    let photo = jpeg(240, 96);
    // No profile yet: nothing to attach it to.
    let r = put_logo(&w, &w.p1, &w.s1, photo.clone()).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text);
    let mut chrs = association_profile();
    chrs["shelter"] = json!("chrs");
    set_profile(&w, &w.p1, &w.s1, chrs).await;
    // Judged by content: text, a PDF, a header announcing too many pixels, too many bytes.
    let r = put_logo(
        &w,
        &w.p1,
        &w.s1,
        b"<svg xmlns='http://www.w3.org/2000/svg'/>".to_vec(),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{}", r.text);
    let r = put_logo(&w, &w.p1, &w.s1, pdf("not a logo")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    assert!(r.text.contains("logo"), "{}", r.text);
    let r = put_logo(&w, &w.p1, &w.s1, png_header(20_000, 20_000)).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.text);
    let r = put_logo(&w, &w.p1, &w.s1, vec![0xff; 300 * 1024]).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.text);
    // Its admin only.
    let (member, _, _) = w.t.professional(&w.p1, &w.s1, "member").await;
    for (token, want) in [
        (&member, StatusCode::FORBIDDEN),
        (&w.admin, StatusCode::FORBIDDEN),
        (&w.p2, StatusCode::NOT_FOUND),
    ] {
        assert_eq!(put_logo(&w, token, &w.s1, photo.clone()).await.status, want);
    }
    let r = put_logo(&w, &w.p1, &w.s1, photo).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let path = format!("/api/v1/structures/{}/profile/logo", w.s1);
    let logo = w.t.download(&path, &member, "image/jpeg").await;
    assert!(image::load_from_memory(&logo).is_ok());
    // The letter carries it.
    let r =
        w.t.post(
            &format!(
                "/api/v1/structures/{}/people/{}/hosting-certificates",
                w.s1, w.bid
            ),
            Some(&w.p1),
            json!({"since": date_in_days(&w.t, -3)}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let (_, pdf) = document(&w, r.json()["id"].as_str().unwrap()).await;
    qpdf_check(&pdf);
    let images = python(
        "import io, json, sys, pypdf\nr = pypdf.PdfReader(io.BytesIO(sys.stdin.buffer.read()))\nprint(json.dumps([len(p.images) for p in r.pages]))",
        &pdf,
    );
    assert_eq!(images, json!([1]));
    // Removed: gone.
    let r = w.t.delete(&path, Some(&w.p1)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(
        w.t.get(&path, Some(&w.p1)).await.status,
        StatusCode::NOT_FOUND
    );
}
