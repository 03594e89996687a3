//! Ready for the field (issue 13): what a person meets first. Times shown in local time to the
//! minute with the zone where it matters (item 7); the printed recovery sheet in her language
//! with French beside it, the public address, a QR code and her relais (item 4); passphrases
//! in her language (item 5); the language chosen on the login page kept, the picker going back
//! where she was (item 6); "show password" without JavaScript and Latin identifier hints
//! (item 15); ready-made folders (item 16).

use crate::helpers::*;
use crate::pages::{csrf_of, logged_in, page, staff_logged_in, submit};
use reqwest::StatusCode;

/// 2027-03-14T03:57:46Z: 04:57 in Paris (winter time, UTC+1).
const AT: i64 = 1_804_996_666;

#[tokio::test]
async fn times_are_local_to_the_minute_and_slips_tell_the_zone() {
    let w = World::new().await;
    // A little before AT: the logins below move the clock by 31 s each (fresh TOTP steps).
    w.t.clock.set(AT - 150);
    let p1 =
        w.t.login_staff(&w.p1_login.0, STAFF_PASSWORD, &w.p1_login.1)
            .await;
    let (_, email, secret) = w.t.professional(&p1, &w.s1, "member").await;
    let colleague = staff_logged_in(&w.t, &email, &secret).await;
    let r =
        w.t.post_empty(&format!("/api/v1/beneficiaries/{}/reset", w.bid), Some(&p1))
            .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let id = r.json()["id"].as_str().unwrap().to_owned();

    // The colleague confirms at AT: the slip she hands over says until when, in Paris time.
    w.t.clock.set(AT);
    let (_, _, home) = page(&colleague, &w.t, "/pro").await;
    let (status, _, slip) = submit(
        &colleague,
        &w.t,
        &format!("/pro/resets/{id}/confirm"),
        &[("_csrf", &csrf_of(&home))],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{slip}");
    assert!(
        slip.contains("15/03/2027 04:57 (heure de Paris)"),
        "the slip's time is local, to the minute, with its zone: {slip}"
    );
    assert!(!slip.contains("UTC") && !slip.contains("04:57:46") && !slip.contains("03:57"));

    // Her journal and her home page: local times, no seconds, the zone told.
    let person = logged_in(&w.t, &w.identifier, PERSON_PASSWORD).await;
    let (_, _, journal) = page(&person, &w.t, "/journal").await;
    assert!(journal.contains(">14/03/2027 04:57<"), "{journal}");
    assert!(journal.contains("Les heures sont celles de Paris."));
    assert!(!journal.contains(">14/03/2027 03:57") && !journal.contains("04:57:46<"));
    let (_, _, home) = page(&person, &w.t, "/home").await;
    assert!(
        home.contains("14/03/2027 04:5") && home.contains("(heure de Paris)"),
        "the notice of the reset says when, in Paris time: {home}"
    );
}

/// Generated passphrases are words of her language's list: French for French and for every
/// language without a list of its own, English for English.
#[tokio::test]
async fn generated_passphrases_are_words_of_her_language() {
    use consigne::domain::WordList;
    let w = World::new().await;
    let in_list = |p: &str, list: WordList| {
        let words = list.words();
        p.split('-').count() == 5 && p.split('-').all(|x| words.binary_search(&x).is_ok())
    };
    for (lang, list, first) in [
        ("fr", WordList::French, "Anouk"),
        ("ar", WordList::French, "Samira"),
        ("en", WordList::English, "Grace"),
    ] {
        let r =
            w.t.post(
                &format!("/api/v1/structures/{}/beneficiaries", w.s1),
                Some(&w.p1),
                serde_json::json!({"first_name": first, "last_name": "Martin", "birth_date": "1990-01-02", "generate_passphrase": true, "language": lang}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        let passphrase = r.json()["passphrase"].as_str().unwrap().to_owned();
        assert!(in_list(&passphrase, list), "{lang}: {passphrase}");
        // It opens her safe.
        let identifier = r.json()["identifier"].as_str().unwrap().to_owned();
        w.t.login_ok(&identifier, &passphrase).await;

        let r =
            w.t.get(&format!("/api/v1/passphrase?language={lang}"), Some(&w.p1))
                .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        assert!(in_list(r.json()["passphrase"].as_str().unwrap(), list));
    }
    // Without a language: the platform's default (French).
    let r = w.t.get("/api/v1/passphrase", Some(&w.p1)).await;
    assert!(in_list(
        r.json()["passphrase"].as_str().unwrap(),
        WordList::French
    ));
    let r = w.t.get("/api/v1/passphrase?language=xx", Some(&w.p1)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
}
