//! Throttling as a weapon (issue 11, finding 8): failures slow the guesser, never the person
//! who knows her password, and the recoveries stay open while her identifier is throttled.
//! Addresses come from `X-Forwarded-For` behind a trusted proxy (127.0.0.1, the test client);
//! a request without the header comes from 127.0.0.1, where World's person and staff logged in.

use crate::helpers::*;
use consigne::clock::Clock;
use reqwest::StatusCode;
use serde_json::json;

async fn world() -> World {
    World::with(|c| c.security.trusted_proxies = vec!["127.0.0.1".parse().unwrap()]).await
}

async fn login_from(t: &TestApp, address: &str, identifier: &str, password: &str) -> Resp {
    t.send_with_header(
        "/api/v1/auth/login",
        json!({"identifier": identifier, "password": password}),
        ("x-forwarded-for", address),
    )
    .await
}

/// Fails on `identifier` from `address` `times` times, waiting out each delay as a patient
/// guesser would; returns how many of those failures were actually checked (not 429).
async fn fail_patiently(t: &TestApp, address: &str, identifier: &str, times: usize) -> usize {
    let mut checked = 0;
    for _ in 0..times {
        let r = login_from(t, address, identifier, "une supposition de plus").await;
        match r.status {
            StatusCode::UNAUTHORIZED => checked += 1,
            StatusCode::TOO_MANY_REQUESTS => {
                let wait: i64 = r.header("retry-after").unwrap().parse().unwrap();
                assert!(wait <= 1800, "never more than 30 minutes: {wait}");
                t.clock.advance(wait);
            }
            s => panic!("unexpected {s}: {}", r.text),
        }
    }
    checked
}

/// Fails `times` times at once, without waiting out any delay.
async fn fail_now(t: &TestApp, address: &str, identifier: &str, times: usize) {
    for _ in 0..times {
        let r = login_from(t, address, identifier, "une supposition de plus").await;
        assert!(
            [StatusCode::UNAUTHORIZED, StatusCode::TOO_MANY_REQUESTS].contains(&r.status),
            "{}",
            r.text
        );
    }
}

/// Guesses a guesser may check in `seconds` once the free ones are used: one per delay, the
/// delay doubling from 30 s up to 30 minutes (about 50 a day).
fn paced_budget(seconds: i64) -> usize {
    usize::try_from(seconds / 1800).unwrap() + 7
}

#[tokio::test]
async fn a_day_centre_address_failing_on_many_identifiers_does_not_lock_out_the_people_who_log_in_there()
 {
    let w = World::new().await;
    // One person at the day centre (the address everyone there shares) tries 31 identifiers.
    for i in 0..31 {
        let r =
            w.t.login(&format!("p{i}.essai.01012000"), "mauvais mot de passe")
                .await;
        assert!(
            [StatusCode::UNAUTHORIZED, StatusCode::TOO_MANY_REQUESTS].contains(&r.status),
            "{}",
            r.text
        );
    }
    // The spray itself is slowed down...
    let r =
        w.t.login("another.one.01012000", "mauvais mot de passe")
            .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    // ...but the person who logs in there with her password gets in, and so does her
    // professional (before: 429 for everyone at that address for 15 minutes).
    w.t.login_ok(&w.identifier, PERSON_PASSWORD).await;
    let (email, secret) = &w.p1_login;
    w.t.login_staff(email, STAFF_PASSWORD, secret).await;
}

#[tokio::test]
async fn an_abuser_failing_on_her_identifier_from_elsewhere_does_not_keep_her_out() {
    let w = world().await;
    // About a day of patient guessing from the abuser's address.
    let start = w.t.clock.now();
    let checked = fail_patiently(&w.t, "10.6.6.6", &w.identifier, 80).await;
    assert!(
        checked <= 5 + paced_budget(w.t.clock.now() - start),
        "{checked}"
    );
    // The guesser is slowed: even the right password waits at that address.
    fail_now(&w.t, "10.6.6.6", &w.identifier, 1).await;
    let r = login_from(&w.t, "10.6.6.6", &w.identifier, PERSON_PASSWORD).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    // She is not: from where she logged in before, and from a place she never used.
    w.t.login_ok(&w.identifier, PERSON_PASSWORD).await;
    let r = login_from(&w.t, "10.7.7.7", &w.identifier, PERSON_PASSWORD).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
}

#[tokio::test]
async fn a_guesser_spread_over_many_addresses_is_bounded_without_locking_her_out() {
    let w = world().await;
    // Each address gets its 5 free failures; the identifier-wide budget (20) then ends them.
    let start = w.t.clock.now();
    let mut checked = 0;
    for a in 0..40 {
        checked += fail_patiently(&w.t, &format!("10.9.0.{a}"), &w.identifier, 5).await;
    }
    assert!(checked > 20, "{checked}");
    assert!(
        checked <= 20 + paced_budget(w.t.clock.now() - start),
        "{checked} guesses checked in {} s",
        w.t.clock.now() - start
    );
    // A new address is held back, even with the right password...
    fail_now(&w.t, "10.9.2.2", &w.identifier, 1).await;
    let r = login_from(&w.t, "10.9.1.1", &w.identifier, PERSON_PASSWORD).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{}", r.text);
    // ...but not the place she logs in from.
    w.t.login_ok(&w.identifier, PERSON_PASSWORD).await;
}

#[tokio::test]
async fn both_recoveries_work_while_her_identifier_is_throttled() {
    let w = World::new().await;
    let (bid, identifier, printed_code) =
        w.t.open_safe(&w.p1, &w.s1, "Ali", "Haddad", "1979-12-01")
            .await;
    // An abuser at her own address (the day centre) keeps her identifier throttled.
    fail_now(&w.t, "127.0.0.1", &identifier, 6).await;
    let r = w.t.login(&identifier, PERSON_PASSWORD).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    // The printed code still works (before: 429).
    let new_password = "trois oiseaux sur le toit rouge";
    let r = w.t.post("/api/v1/auth/recover", None, json!({"identifier": identifier, "recovery_code": printed_code, "new_password": new_password})).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    // Throttled again, then the in-person reset a professional of her relais starts still works.
    fail_now(&w.t, "127.0.0.1", &identifier, 6).await;
    assert_eq!(
        w.t.login(&identifier, new_password).await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
    let r =
        w.t.post_empty(&format!("/api/v1/beneficiaries/{bid}/reset"), Some(&w.p1))
            .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    // A second member of the structure confirms it (docs/threat-model.md, "In-person reset").
    let reset = r.json()["id"].as_str().unwrap().to_owned();
    let (colleague, _, _) = w.t.professional(&w.p1, &w.s1, "member").await;
    let r =
        w.t.post_empty(&format!("/api/v1/resets/{reset}/confirm"), Some(&colleague))
            .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let reset_code = r.json()["reset_code"].as_str().unwrap().to_owned();
    let other_password = "un grand chat dort sous la table";
    let r = w.t.post("/api/v1/auth/recover/in-person", None, json!({"identifier": identifier, "reset_code": reset_code, "new_password": other_password})).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    w.t.login_ok(&identifier, other_password).await;
    // Wrong codes are journaled for her but lock nothing: the codes carry 100 bits.
    for _ in 0..10 {
        let r = w.t.post("/api/v1/auth/recover", None, json!({"identifier": identifier, "recovery_code": "AAAA-BBBB-CCCC-DDDD-EEEE", "new_password": new_password})).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.text);
    }
    w.t.login_ok(&identifier, other_password).await;
}
