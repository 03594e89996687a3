//! CSV imports (issue 18, item 5): professionals into a structure, structures into the
//! platform. A file with one bad line writes nothing and names the line; 500 professionals
//! import at once; an imported professional activates her account with her one-time code,
//! an admin approves her, and she logs in. Run on both backends.

use crate::helpers::*;
use consigne::store::Sql;
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn send_csv(t: &TestApp, path: &str, token: &str, csv: &str) -> Resp {
    t.send(
        t.http
            .post(t.url(path))
            .bearer_auth(token)
            .header("content-type", "text/csv; charset=utf-8")
            .body(csv.to_owned()),
    )
    .await
}

async fn count(t: &TestApp, sql: &'static str) -> i64 {
    t.app
        .db
        .transaction(move |tx: &mut dyn Sql| tx.query_one(sql, &[])?.int("n"))
        .await
        .unwrap()
}

fn pros_csv(n: usize, tag: &str) -> String {
    let mut csv = String::from("display_name,email,role\r\n");
    for i in 0..n {
        csv.push_str(&format!(
            "\"Pro {i}, {tag}\",pro{i}.{tag}@import.example,member\r\n"
        ));
    }
    csv
}

#[tokio::test]
async fn a_file_with_one_bad_line_writes_nothing_and_names_the_line() {
    let w = World::new().await;
    let path = format!("/api/v1/structures/{}/professionals/import", w.s1);
    // A BOM, a blank line, a quoted name with a comma and an escaped quote: all fine; line 5
    // has a bad e-mail, line 6 repeats line 3, line 7 has a bad role.
    let csv = "\u{feff}display_name,email,role\r\n\r\n\"Lou \"\"Lulu\"\", Martin\",lou@import.example,member\r\nAnne,anne@import.example,admin\r\nBad,not-an-email,member\r\nLou again,LOU@import.example,member\r\nRole,role@import.example,boss\r\n";
    let r = send_csv(&w.t, &path, &w.p1, csv).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    let errors = r.json()["errors"].as_array().unwrap().clone();
    let lines: Vec<(i64, &str)> = errors
        .iter()
        .map(|e| (e["line"].as_i64().unwrap(), e["code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        lines,
        vec![
            (5, "invalid_email"),
            (6, "duplicate_in_file"),
            (7, "invalid_role")
        ]
    );
    assert!(errors.iter().all(|e| e["message"].is_string()));
    assert_eq!(r.code(), "invalid_csv");
    assert_eq!(
        count(&w.t, "SELECT COUNT(*) AS n FROM staff_activations").await,
        0
    );
    // An existing account's address is refused too; an unclosed quote names its line.
    let r = send_csv(
        &w.t,
        &path,
        &w.p1,
        &format!("display_name,email,role\nX,{},member\n", w.p1_login.0),
    )
    .await;
    assert_eq!(r.json()["errors"][0]["code"], "email_taken", "{}", r.text);
    let r = send_csv(
        &w.t,
        &path,
        &w.p1,
        "display_name,email,role\nA,a@import.example,member\n\"B,b@import.example,member\n",
    )
    .await;
    assert_eq!(r.json()["errors"][0]["line"], 3, "{}", r.text);
    assert_eq!(r.json()["errors"][0]["code"], "unterminated_quote");
    // Wrong header, wrong type, too large.
    let r = send_csv(&w.t, &path, &w.p1, "name,mail\nA,a@import.example\n").await;
    assert_eq!(r.json()["errors"][0]["code"], "wrong_header");
    let r = w.t.send_raw(&path, "application/json", "{}").await;
    assert!(
        matches!(
            r.status,
            StatusCode::UNSUPPORTED_MEDIA_TYPE | StatusCode::UNAUTHORIZED
        ),
        "{}",
        r.status
    );
    let big = pros_csv(6000, "big");
    let r = send_csv(&w.t, &path, &w.p1, &big).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.text);
    let r = send_csv(&w.t, &path, &w.p1, &pros_csv(1001, "many")).await;
    assert_eq!(r.json()["errors"][0]["code"], "too_many_rows", "{}", r.text);
    // Nothing was written by any of them.
    assert_eq!(
        count(&w.t, "SELECT COUNT(*) AS n FROM staff_activations").await,
        0
    );
}

#[tokio::test]
async fn five_hundred_professionals_import_in_one_transaction() {
    let w = World::new().await;
    let path = format!("/api/v1/structures/{}/professionals/import", w.s1);
    // 500 valid lines and a bad 501st: nothing at all is written.
    let mut bad = pros_csv(500, "a");
    bad.push_str("Last,last@import.example,chief\r\n");
    let r = send_csv(&w.t, &path, &w.p1, &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    assert_eq!(r.json()["errors"][0]["line"], 502);
    assert_eq!(
        count(&w.t, "SELECT COUNT(*) AS n FROM staff_activations").await,
        0
    );
    let started = std::time::Instant::now();
    let r = send_csv(&w.t, &path, &w.p1, &pros_csv(500, "a")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert!(started.elapsed().as_secs() < 30);
    let body = r.json();
    assert_eq!(body["imported"], 500);
    let invitations = body["invitations"].as_array().unwrap();
    assert_eq!(invitations.len(), 500);
    assert!(
        invitations[0]["activation_url"]
            .as_str()
            .unwrap()
            .contains("/activate?code=")
    );
    assert_eq!(
        count(&w.t, "SELECT COUNT(*) AS n FROM staff_activations").await,
        500
    );
    assert_eq!(
        count(
            &w.t,
            "SELECT COUNT(*) AS n FROM journal WHERE action = 'professionals_imported'"
        )
        .await,
        1
    );
    // Codes are stored hashed: no activation URL's code is in the database.
    let code = invitations[0]["activation_url"]
        .as_str()
        .unwrap()
        .split("code=")
        .nth(1)
        .unwrap()
        .to_owned();
    let hashes = count(
        &w.t,
        "SELECT COUNT(*) AS n FROM staff_activations WHERE LENGTH(code_hash) = 32",
    )
    .await;
    assert_eq!(hashes, 500);
    assert_eq!(code.len(), 64);
    // Canary: the code is at rest only as its SHA-256, never in clear (as text or bytes).
    let rows: Vec<Vec<u8>> =
        w.t.app
            .db
            .transaction(|tx: &mut dyn Sql| {
                tx.query("SELECT * FROM staff_activations", &[])?
                    .iter()
                    .map(|r| r.blob("code_hash"))
                    .collect::<Result<Vec<_>, _>>()
            })
            .await
            .unwrap();
    let digest = <sha2::Sha256 as sha2::Digest>::digest(code.as_bytes()).to_vec();
    assert!(rows.contains(&digest));
    let raw = hex::decode(&code).unwrap();
    assert!(!rows.iter().any(|h| h == code.as_bytes() || *h == raw));
    if !on_postgres() {
        let db = std::fs::read(w.t._dir.path().join("data/consigne.db")).unwrap_or_default();
        let wal = std::fs::read(w.t._dir.path().join("data/consigne.db-wal")).unwrap_or_default();
        for file in [&db, &wal] {
            assert!(!file.windows(code.len()).any(|x| x == code.as_bytes()));
            assert!(!file.windows(raw.len()).any(|x| x == raw.as_slice()));
        }
        assert!(
            !db.is_empty() || !wal.is_empty(),
            "the SQLite files were read"
        );
    }
    // The same file again: every address is taken now.
    let r = send_csv(&w.t, &path, &w.p1, &pros_csv(500, "a")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.json()["errors"].as_array().unwrap().len(), 500);
}

#[tokio::test]
async fn an_imported_professional_activates_is_approved_and_logs_in() {
    let w = World::new().await;
    let code = import_one(&w, "Nadia Ben", "nadia@import.example").await;
    // A wrong code, a weak password: refused, the code still works.
    let r =
        w.t.post(
            "/api/v1/auth/activate",
            None,
            json!({"code": "0".repeat(64), "password": STAFF_PASSWORD}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);
    let r =
        w.t.post(
            "/api/v1/auth/activate",
            None,
            json!({"code": code, "password": "nadia"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    let r =
        w.t.post(
            "/api/v1/auth/activate",
            None,
            json!({"code": code, "password": STAFF_PASSWORD}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let pid = r.json()["id"].as_str().unwrap().to_owned();
    assert_eq!(r.json()["status"], "pending");
    // The code works once.
    let r =
        w.t.post(
            "/api/v1/auth/activate",
            None,
            json!({"code": code, "password": STAFF_PASSWORD}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);
    // Pending: she cannot log in to the structure's content until an admin approves her.
    let team =
        w.t.get(
            &format!("/api/v1/structures/{}/professionals", w.s1),
            Some(&w.p1),
        )
        .await
        .json();
    let her: &Value = team
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == pid.as_str())
        .unwrap();
    assert_eq!(her["status"], "pending");
    assert_eq!(her["has_access"], false);
    let r =
        w.t.post_empty(
            &format!("/api/v1/structures/{}/professionals/{pid}/approve", w.s1),
            Some(&w.p1),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let (token, _) = w.t.first_staff_login("nadia@import.example").await;
    let me = w.t.get("/api/v1/me", Some(&token)).await.json();
    assert_eq!(me["structures"][0]["id"], w.s1.as_str());
    let r =
        w.t.get(
            &format!("/api/v1/structures/{}/beneficiaries", w.s1),
            Some(&token),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json().as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn an_expired_code_is_refused_and_only_key_holding_admins_import() {
    let w = World::new().await;
    let path = format!("/api/v1/structures/{}/professionals/import", w.s1);
    let code = import_one(&w, "Old", "old@import.example").await;
    // A member who is not an admin, another structure's admin: refused.
    let (member, _, _) = w.t.professional(&w.p1, &w.s1, "member").await;
    let csv = "display_name,email,role\nA,a@import.example,member\n";
    assert_eq!(
        send_csv(&w.t, &path, &member, csv).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        send_csv(&w.t, &path, &w.p2, csv).await.status,
        StatusCode::NOT_FOUND
    );
    // The platform admin imports too.
    let r = send_csv(
        &w.t,
        &path,
        &w.admin,
        "display_name,email,role\nB,b@import.example,member\n",
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    w.t.clock.advance(15 * 86_400);
    let r =
        w.t.post(
            "/api/v1/auth/activate",
            None,
            json!({"code": code, "password": STAFF_PASSWORD}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);
    // The expired address may be imported again.
    let (email, secret) = &w.p1_login;
    let p1 = w.t.login_staff(email, STAFF_PASSWORD, secret).await;
    let r = send_csv(
        &w.t,
        &path,
        &p1,
        "display_name,email,role\nOld,old@import.example,member\n",
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
}

#[tokio::test]
async fn the_platform_admin_imports_structures_all_or_nothing() {
    let w = World::new().await;
    let before = count(&w.t, "SELECT COUNT(*) AS n FROM structures").await;
    let bad = "name,kind,city,annual_budget_eur\nAccueil Nord,relay,Lille,250000\nBib,library,Lyon,\nCCAS,relay,Montreuil,12.5\n";
    let r = send_csv(&w.t, "/api/v1/structures/import", &w.admin, bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    let errors: Vec<(i64, String)> = r.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["line"].as_i64().unwrap(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        errors,
        vec![
            (3, "invalid_kind".to_owned()),
            (4, "invalid_budget".to_owned())
        ]
    );
    assert_eq!(
        count(&w.t, "SELECT COUNT(*) AS n FROM structures").await,
        before
    );
    // "Accueil de jour" in Montreuil exists already (the world's s1).
    let r = send_csv(
        &w.t,
        "/api/v1/structures/import",
        &w.admin,
        "name,kind,city,annual_budget_eur\nAccueil de jour,relay,Montreuil,\n",
    )
    .await;
    assert_eq!(r.json()["errors"][0]["code"], "name_taken", "{}", r.text);
    let good = "name,kind,city,annual_budget_eur\r\nAccueil Nord,relay,Lille,250000\r\n\"Bibliothèque, centre\",mediation,Lyon,\r\n";
    let r = send_csv(&w.t, "/api/v1/structures/import", &w.admin, good).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["imported"], 2);
    assert_eq!(r.json()["structures"][1]["name"], "Bibliothèque, centre");
    assert_eq!(r.json()["structures"][1]["kind"], "mediation");
    assert_eq!(
        count(&w.t, "SELECT COUNT(*) AS n FROM structures").await,
        before + 2
    );
    // A professional may not.
    let r = send_csv(&w.t, "/api/v1/structures/import", &w.p1, good).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text);
}

/// Imports one member into the first structure; the code of her activation link.
async fn import_one(w: &World, name: &str, email: &str) -> String {
    let path = format!("/api/v1/structures/{}/professionals/import", w.s1);
    let csv = format!("display_name,email,role\n{name},{email},member\n");
    let r = send_csv(&w.t, &path, &w.p1, &csv).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let url = r.json()["invitations"][0]["activation_url"]
        .as_str()
        .unwrap()
        .to_owned();
    url.split("code=").nth(1).unwrap().to_owned()
}
