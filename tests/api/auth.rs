//! Login, throttling, sessions and recovery exactly as SECURITY.md says.

use crate::helpers::*;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn unknown_identifier_and_wrong_password_answer_identically() {
    let w = World::new().await;
    let unknown =
        w.t.login("personne.inconnue.01012001", "un mauvais mot de passe")
            .await;
    let wrong = w.t.login(&w.identifier, "un mauvais mot de passe").await;
    assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
    assert_eq!(unknown.status, wrong.status);
    assert_eq!(unknown.text, wrong.text);
    assert_eq!(unknown.code(), "invalid_credentials");
    let strip = |r: &Resp| {
        let mut h: Vec<(String, String)> = r
            .headers
            .iter()
            .filter(|(k, _)| k.as_str() != "date")
            .map(|(k, v)| (k.to_string(), v.to_str().unwrap().to_owned()))
            .collect();
        h.sort();
        h
    };
    assert_eq!(strip(&unknown), strip(&wrong));
    // Staff e-mails too.
    let unknown =
        w.t.login("nobody@structure.example", "un mauvais mot de passe")
            .await;
    assert_eq!(unknown.text, wrong.text);
}

#[tokio::test]
async fn failures_six_to_ten_are_throttled_with_a_growing_delay_then_the_password_works() {
    let w = World::new().await;
    for i in 1..=5 {
        let r = w.t.login(&w.identifier, "pas le bon mot de passe").await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "failure {i} is free");
    }
    let mut previous = 0;
    for i in 6..=10 {
        let r = w.t.login(&w.identifier, "pas le bon mot de passe").await;
        assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "failure {i}");
        assert_eq!(r.code(), "throttled");
        let retry: i64 = r.header("retry-after").unwrap().parse().unwrap();
        assert!(retry > previous, "failure {i}: {retry} after {previous}");
        previous = retry;
        // During the delay even the right password is refused (and not counted).
        let blocked = w.t.login(&w.identifier, PERSON_PASSWORD).await;
        assert_eq!(blocked.status, StatusCode::TOO_MANY_REQUESTS);
        w.t.clock.advance(retry);
    }
    assert!(previous <= 1800);
    w.t.login_ok(&w.identifier, PERSON_PASSWORD).await;
    // Success resets the count: a new failure is free again.
    assert_eq!(
        w.t.login(&w.identifier, "pas le bon mot de passe")
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn unknown_identifiers_are_throttled_the_same_way() {
    let t = spawn().await;
    let id = "quelqu.un.02022002";
    for _ in 1..=5 {
        assert_eq!(
            t.login(id, "nimporte quoi du tout").await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    let r = t.login(id, "nimporte quoi du tout").await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.header("retry-after").is_some());
}

#[tokio::test]
async fn an_address_failing_on_many_identifiers_is_slowed_down_and_forwarded_for_is_ignored() {
    let t = spawn_with(|c| c.throttle.address_max_identifiers = 4).await;
    for i in 0..4 {
        // A forged header must not spread the failures over many addresses.
        let r = t
            .send_with_header("/api/v1/auth/login", json!({"identifier": format!("p{i}.x.01012000"), "password": "mauvais mot de passe"}), ("x-forwarded-for", &format!("10.0.0.{i}")))
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    let r = t
        .login("another.one.01012000", "mauvais mot de passe")
        .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    t.clock.advance(15 * 60 + 1);
    assert_eq!(
        t.login("another.one.01012000", "mauvais mot de passe")
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_trusted_proxy_forwards_the_real_address() {
    let t = spawn_with(|c| {
        c.throttle.address_max_identifiers = 2;
        c.security.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
    })
    .await;
    for i in 0..6 {
        let r = t
            .send_with_header("/api/v1/auth/login", json!({"identifier": format!("q{i}.x.01012000"), "password": "mauvais mot de passe"}), ("x-forwarded-for", &format!("10.0.1.{i}")))
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNAUTHORIZED,
            "each real address fails once"
        );
    }
}

#[tokio::test]
async fn recovery_code_sets_a_new_password_and_is_single_use() {
    let w = World::new().await;
    let (_, identifier, code) =
        w.t.open_safe(&w.p1, &w.s1, "Ali", "Haddad", "1979-12-01")
            .await;
    let session = w.t.login_ok(&identifier, PERSON_PASSWORD).await;
    let new_password = "trois oiseaux sur le toit rouge";
    // A weak new password is refused and the code stays valid.
    let r = w.t.post("/api/v1/auth/recover", None, json!({"identifier": identifier, "recovery_code": code, "new_password": "haddad1979!!"})).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    let r = w.t.post("/api/v1/auth/recover", None, json!({"identifier": identifier, "recovery_code": code.to_lowercase().replace('-', " "), "new_password": new_password})).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json(), json!({}), "no new code for whoever recovered");
    // Old sessions are closed, old password and old code refused, new ones work.
    assert_eq!(
        w.t.get("/api/v1/me", Some(&session)).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        w.t.login(&identifier, PERSON_PASSWORD).await.status,
        StatusCode::UNAUTHORIZED
    );
    let token = w.t.login_ok(&identifier, new_password).await;
    // Her new sheet, made in her session.
    let new_code =
        w.t.post_empty("/api/v1/me/recovery-code", Some(&token))
            .await
            .json()["recovery_code"]
            .as_str()
            .unwrap()
            .to_owned();
    assert_ne!(new_code, code);
    let r = w.t.post("/api/v1/auth/recover", None, json!({"identifier": identifier, "recovery_code": code, "new_password": "encore une autre phrase longue"})).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(r.code(), "invalid_credentials");
    let unknown = w.t.post("/api/v1/auth/recover", None, json!({"identifier": "x.y.01012000", "recovery_code": code, "new_password": "encore une autre phrase longue"})).await;
    assert_eq!(unknown.text, r.text);
    // Her safe is the same: the relais still sees her.
    let bid = w.t.get("/api/v1/me", Some(&token)).await.json()["beneficiary_id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        w.t.get(&format!("/api/v1/beneficiaries/{bid}"), Some(&w.p1))
            .await
            .json()["first_name"],
        "Ali"
    );
    let r = w.t.post("/api/v1/auth/recover", None, json!({"identifier": identifier, "recovery_code": new_code, "new_password": "la mer est calme ce matin"})).await;
    assert_eq!(r.status, StatusCode::OK);
}

#[tokio::test]
async fn password_change_needs_the_current_one_and_closes_other_sessions() {
    let w = World::new().await;
    let other = w.t.login_ok(&w.identifier, PERSON_PASSWORD).await;
    let r = w.t.post("/api/v1/me/password", Some(&w.person), json!({"current_password": "faux mot de passe", "new_password": "une nouvelle phrase assez longue"})).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let r =
        w.t.post(
            "/api/v1/me/password",
            Some(&w.person),
            json!({"current_password": PERSON_PASSWORD, "new_password": "zoe lefevre 1987"}),
        )
        .await;
    assert_eq!(r.code(), "weak_password");
    let r = w.t.post("/api/v1/me/password", Some(&w.person), json!({"current_password": PERSON_PASSWORD, "new_password": "une nouvelle phrase assez longue"})).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    assert_eq!(
        w.t.get("/api/v1/me", Some(&w.person)).await.status,
        StatusCode::OK
    );
    assert_eq!(
        w.t.get("/api/v1/me", Some(&other)).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        w.t.login(&w.identifier, PERSON_PASSWORD).await.status,
        StatusCode::UNAUTHORIZED
    );
    let fresh =
        w.t.login_ok(&w.identifier, "une nouvelle phrase assez longue")
            .await;
    // Same vault: her profile still opens, for her and for her relais.
    assert_eq!(
        w.t.get(&format!("/api/v1/beneficiaries/{}", w.bid), Some(&fresh))
            .await
            .json()["first_name"],
        "Zoé"
    );
    assert_eq!(
        w.t.get(&format!("/api/v1/beneficiaries/{}", w.bid), Some(&w.p1))
            .await
            .json()["first_name"],
        "Zoé"
    );
    // Staff too.
    let r = w.t.post("/api/v1/me/password", Some(&w.p1), json!({"current_password": STAFF_PASSWORD, "new_password": "le bureau ferme a dix-huit heures"})).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    assert_eq!(
        w.t.get(
            &format!("/api/v1/structures/{}/beneficiaries", w.s1),
            Some(&w.p1)
        )
        .await
        .status,
        StatusCode::OK
    );
    w.t.login_staff(
        &w.p1_login.0,
        "le bureau ferme a dix-huit heures",
        &w.p1_login.1,
    )
    .await;
}

#[tokio::test]
async fn sessions_end_after_idle_and_absolute_timeouts_and_at_logout() {
    let w = World::new().await;
    // Beneficiary: 10 minutes idle.
    w.t.clock.advance(9 * 60);
    assert_eq!(
        w.t.get("/api/v1/me", Some(&w.person)).await.status,
        StatusCode::OK
    );
    w.t.clock.advance(10 * 60);
    assert_eq!(
        w.t.get("/api/v1/me", Some(&w.person)).await.status,
        StatusCode::UNAUTHORIZED
    );
    // Beneficiary: 2 hours absolute, however active.
    let token = w.t.login_ok(&w.identifier, PERSON_PASSWORD).await;
    for _ in 0..13 {
        w.t.clock.advance(9 * 60);
        assert_eq!(
            w.t.get("/api/v1/me", Some(&token)).await.status,
            StatusCode::OK
        );
    }
    w.t.clock.advance(9 * 60);
    assert_eq!(
        w.t.get("/api/v1/me", Some(&token)).await.status,
        StatusCode::UNAUTHORIZED,
        "past 2 hours"
    );
    // Professional: 30 minutes idle.
    let pro =
        w.t.login_staff(&w.p1_login.0, STAFF_PASSWORD, &w.p1_login.1)
            .await;
    w.t.clock.advance(29 * 60);
    assert_eq!(
        w.t.get("/api/v1/me", Some(&pro)).await.status,
        StatusCode::OK
    );
    w.t.clock.advance(31 * 60);
    assert_eq!(
        w.t.get("/api/v1/me", Some(&pro)).await.status,
        StatusCode::UNAUTHORIZED
    );
    // Logout deletes the session.
    let token = w.t.login_ok(&w.identifier, PERSON_PASSWORD).await;
    assert_eq!(
        w.t.post_empty("/api/v1/auth/logout", Some(&token))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        w.t.get("/api/v1/me", Some(&token)).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        w.t.get("/api/v1/me", Some("not-a-token")).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn bad_input_gets_a_clear_error_never_a_5xx() {
    let t = spawn().await;
    let r = t
        .send_raw("/api/v1/auth/login", "application/json", "{not json")
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.code(), "invalid_input");
    let r = t
        .send_raw("/api/v1/auth/login", "text/plain", "hello")
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = t
        .post("/api/v1/auth/login", None, json!({"identifier": 12}))
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let huge = "x".repeat(200_000);
    let r = t
        .post(
            "/api/v1/auth/login",
            None,
            json!({"identifier": "a.b.01012000", "password": huge}),
        )
        .await;
    assert!(r.status.is_client_error(), "{}", r.status);
    let r = t.get("/api/v1/nothing-here", None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.code(), "not_found");
    let r = t.get("/api/v1/beneficiaries/not-a-uuid", None).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(t.get("/health", None).await.text, "ok");
}

#[tokio::test]
async fn failed_logins_and_recoveries_are_shown_at_the_next_login() {
    let w = World::new().await;
    let (_, identifier, code) =
        w.t.open_safe(&w.p1, &w.s1, "Nadia", "Karimi", "1993-08-08")
            .await;
    let first = w.t.login_ok(&identifier, PERSON_PASSWORD).await;
    assert!(
        w.t.get("/api/v1/me", Some(&first))
            .await
            .json()
            .get("security_notices")
            .is_none()
    );
    for _ in 0..3 {
        w.t.login(&identifier, "quelqu'un d'autre essaie").await;
    }
    let second = w.t.login_ok(&identifier, PERSON_PASSWORD).await;
    assert_eq!(
        w.t.get("/api/v1/me", Some(&second)).await.json()["security_notices"]["failed_logins"],
        3
    );
    let r = w.t.post("/api/v1/auth/recover", None, json!({"identifier": identifier, "recovery_code": code, "new_password": "la riviere coule vers le sud"})).await;
    assert_eq!(r.status, StatusCode::OK);
    let third =
        w.t.login_ok(&identifier, "la riviere coule vers le sud")
            .await;
    let notices = w.t.get("/api/v1/me", Some(&third)).await.json()["security_notices"].clone();
    assert_eq!(notices["failed_logins"], 0);
    assert!(notices["recovered_at"].as_str().unwrap().ends_with('Z'));
    let fourth =
        w.t.login_ok(&identifier, "la riviere coule vers le sud")
            .await;
    assert!(
        w.t.get("/api/v1/me", Some(&fourth))
            .await
            .json()
            .get("security_notices")
            .is_none()
    );
}

#[tokio::test]
async fn housekeeping_forgets_expired_sessions_and_old_counters() {
    let w = World::new().await;
    w.t.login(&w.identifier, "une erreur de frappe ici").await;
    let count = |t: &'static str| {
        let app = w.t.app.clone();
        async move {
            app.tx(move |tx| {
                Ok(tx
                    .query_one(&format!("SELECT COUNT(*) FROM {t}"), &[])?
                    .int(0)?)
            })
            .await
            .unwrap()
        }
    };
    assert!(count("sessions").await > 0);
    // Her identifier from this address, and her identifier over every address.
    assert_eq!(count("login_throttle").await, 2);
    w.t.clock.advance(25 * 3600);
    w.t.app.housekeeping().await.unwrap();
    assert_eq!(count("sessions").await, 0);
    assert_eq!(count("login_throttle").await, 0);
    assert_eq!(count("address_failures").await, 0);
}

/// A reset confirmed by a second member of the structure: the code goes to her, she sets the
/// password; single use, one day (tests/api/resets.rs has the rest of the flow).
async fn confirmed_reset(w: &World, starter: &str, confirmer: &str) -> String {
    let r =
        w.t.post_empty(
            &format!("/api/v1/beneficiaries/{}/reset", w.bid),
            Some(starter),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert!(r.json().get("reset_code").is_none());
    let id = r.json()["id"].as_str().unwrap().to_owned();
    let r =
        w.t.post_empty(&format!("/api/v1/resets/{id}/confirm"), Some(confirmer))
            .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    r.json()["reset_code"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn an_in_person_reset_lets_her_choose_a_new_password_herself() {
    let w = World::new().await;
    let (second, _, _) = w.t.professional(&w.p1, &w.s1, "member").await;
    // A member of her recovery relais starts the reset, a colleague confirms; she sets the
    // password.
    let reset_code = confirmed_reset(&w, &w.p1, &second).await;
    assert!(!reset_code.contains(PERSON_PASSWORD));
    // The printed code path does not accept it, nor does anyone else's identifier.
    let wrong = w.t.post("/api/v1/auth/recover", None, json!({"identifier": w.identifier, "recovery_code": reset_code, "new_password": "un soleil froid sur la gare"})).await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    let r = w
        .t
        .post("/api/v1/auth/recover/in-person", None, json!({"identifier": w.identifier, "reset_code": reset_code, "new_password": "un soleil froid sur la gare"}))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert!(
        r.json().get("recovery_code").is_none(),
        "she prints her new sheet once logged in"
    );
    let token =
        w.t.login_ok(&w.identifier, "un soleil froid sur la gare")
            .await;
    assert!(
        w.t.get("/api/v1/me", Some(&token)).await.json()["security_notices"]["recovered_at"]
            .is_string()
    );
    // Single use.
    let again = w
        .t
        .post("/api/v1/auth/recover/in-person", None, json!({"identifier": w.identifier, "reset_code": reset_code, "new_password": "encore une autre phrase ici"}))
        .await;
    assert_eq!(again.status, StatusCode::UNAUTHORIZED);
    // Expired after a day.
    let late_code = confirmed_reset(&w, &second, &w.p1).await;
    w.t.clock.advance(24 * 3600 + 1);
    let late = w
        .t
        .post("/api/v1/auth/recover/in-person", None, json!({"identifier": w.identifier, "reset_code": late_code, "new_password": "encore une autre phrase ici"}))
        .await;
    assert_eq!(late.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn only_relais_she_chose_can_reset_and_she_can_change_her_mind() {
    let w = World::new().await;
    // A stranger structure: 404. A relais that is not a recovery relais: 403.
    assert_eq!(
        w.t.post_empty(
            &format!("/api/v1/beneficiaries/{}/reset", w.bid),
            Some(&w.p2)
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
    w.t.post(
        &format!("/api/v1/structures/{}/invitations", w.s2),
        Some(&w.p2),
        json!({"identifier": w.identifier}),
    )
    .await;
    let iid =
        w.t.get("/api/v1/me/invitations", Some(&w.person))
            .await
            .json()[0]["id"]
            .as_str()
            .unwrap()
            .to_owned();
    w.t.post_empty(
        &format!("/api/v1/me/invitations/{iid}/accept"),
        Some(&w.person),
    )
    .await;
    assert_eq!(
        w.t.post_empty(
            &format!("/api/v1/beneficiaries/{}/reset", w.bid),
            Some(&w.p2)
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    // She chooses s2 as a recovery relais, and withdraws s1.
    let path = format!("/api/v1/beneficiaries/{}/relays/{}/recovery", w.bid, w.s2);
    assert_eq!(
        w.t.send_method("PUT", &path, Some(&w.person)).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        w.t.post_empty(
            &format!("/api/v1/beneficiaries/{}/reset", w.bid),
            Some(&w.p2)
        )
        .await
        .status,
        StatusCode::CREATED
    );
    let (second, _, _) = w.t.professional(&w.p1, &w.s1, "member").await;
    let pending = confirmed_reset(&w, &w.p1, &second).await;
    assert_eq!(
        w.t.delete(
            &format!("/api/v1/beneficiaries/{}/relays/{}/recovery", w.bid, w.s1),
            Some(&w.person)
        )
        .await
        .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        w.t.post_empty(
            &format!("/api/v1/beneficiaries/{}/reset", w.bid),
            Some(&w.p1)
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    // The reset s1 had started is void now.
    let r = w.t.post("/api/v1/auth/recover/in-person", None, json!({"identifier": w.identifier, "reset_code": pending, "new_password": "un soleil froid sur la gare"})).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let relays =
        w.t.get(
            &format!("/api/v1/beneficiaries/{}/relays", w.bid),
            Some(&w.person),
        )
        .await
        .json();
    assert_eq!(relays[0]["recovery"], json!(false));
    assert_eq!(relays[1]["recovery"], json!(true));
    // Nobody else may choose for her.
    assert_eq!(
        w.t.send_method("PUT", &path, Some(&w.p2)).await.status,
        StatusCode::NOT_FOUND
    );
}

/// A page view reads the session without writing it, except to slide its idle deadline at most
/// once a minute (so readers are not serialised behind durable writes), and the idle timeout
/// still holds to within that minute.
#[tokio::test]
async fn a_session_records_activity_at_most_once_a_minute() {
    let w = World::new().await;
    let last_seen = || async {
        w.t.app
            .tx(|tx| {
                Ok(tx
                    .query_one(
                        "SELECT MAX(last_seen_at) FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE a.kind = 'beneficiary'",
                        &[],
                    )?
                    .int(0)?)
            })
            .await
            .unwrap()
    };
    let first = last_seen().await;
    w.t.clock.advance(30);
    assert_eq!(
        w.t.get("/api/v1/me", Some(&w.person)).await.status,
        StatusCode::OK
    );
    assert_eq!(last_seen().await, first, "no write within the minute");
    w.t.clock.advance(31);
    assert_eq!(
        w.t.get("/api/v1/me", Some(&w.person)).await.status,
        StatusCode::OK
    );
    assert_eq!(last_seen().await, first + 61, "recorded past the minute");
    // Active every 9 minutes: still logged in; idle 10 minutes: logged out.
    w.t.clock.advance(9 * 60);
    assert_eq!(
        w.t.get("/api/v1/me", Some(&w.person)).await.status,
        StatusCode::OK
    );
    w.t.clock.advance(10 * 60);
    assert_eq!(
        w.t.get("/api/v1/me", Some(&w.person)).await.status,
        StatusCode::UNAUTHORIZED
    );
}
