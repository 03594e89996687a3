//! The optional security question (issue 17, item 7; `service/auth/question.rs`): the answer is
//! never at rest in clear, recovers her safe typed with other case, accents and spaces, fails
//! exactly like an unknown identifier, is throttled like a login, is hers alone, leaves her
//! printed code working, and her export carries the question (never the answer).

use crate::canary::assert_absent;
use crate::helpers::*;
use reqwest::StatusCode;
use serde_json::json;

const QUESTION: &str = "Quel était le nom de ma rue d'enfance ?";
const ANSWER: &str = "Rue Hélène-Boucher";
const NEW_PASSWORD: &str = "trois oiseaux sur le toit rouge";

async fn put_question(t: &TestApp, token: &str, question: &str, answer: &str) -> Resp {
    t.call(
        "PUT",
        "/api/v1/me/security-question",
        Some(token),
        Some(&json!({"question": question, "answer": answer})),
    )
    .await
}

async fn set_question(w: &World) {
    let r = put_question(&w.t, &w.person, QUESTION, ANSWER).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
}

async fn recover(t: &TestApp, identifier: &str, answer: &str, password: &str) -> Resp {
    t.post(
        "/api/v1/auth/recover/question",
        None,
        json!({"identifier": identifier, "answer": answer, "new_password": password}),
    )
    .await
}

/// The actions of the journal of the safe `bid`, as `token` (her) reads it.
async fn journal_actions(t: &TestApp, bid: &str, token: &str) -> Vec<String> {
    let r = t
        .get(&format!("/api/v1/beneficiaries/{bid}/journal"), Some(token))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    r.json()
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn the_answer_recovers_her_safe_typed_another_way_and_her_printed_code_still_works() {
    let w = World::new().await;
    // A safe of her own whose printed code we know.
    let (_, identifier, printed_code) =
        w.t.open_safe(&w.p1, &w.s1, "Inès", "Moreau", "1985-03-04")
            .await;
    let person = w.t.login_ok(&identifier, PERSON_PASSWORD).await;
    let r = put_question(&w.t, &person, QUESTION, ANSWER).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let r = w.t.get("/api/v1/me/security-question", Some(&person)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["question"], QUESTION);
    assert!(r.json().get("answer").is_none());
    // A document added before, read after the recovery: the vault key came back whole.
    let doc =
        w.t.upload(
            &person,
            &r_bid(&w.t, &person).await,
            pdf("avant"),
            "a.pdf",
            Some("Avant"),
        )
        .await;
    assert_eq!(doc.status, StatusCode::CREATED, "{}", doc.text);
    let doc = doc.json()["id"].as_str().unwrap().to_owned();

    // Other case, no accents, other spaces and punctuation.
    let r = recover(&w.t, &identifier, "  rue   HELENE boucher ", NEW_PASSWORD).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    // Her other sessions are closed; the old password no longer works, the new one does.
    assert_eq!(
        w.t.get("/api/v1/me", Some(&person)).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        w.t.login(&identifier, PERSON_PASSWORD).await.status,
        StatusCode::UNAUTHORIZED
    );
    let token = w.t.login_ok(&identifier, NEW_PASSWORD).await;
    let me = w.t.get("/api/v1/me", Some(&token)).await.json();
    assert_eq!(
        me["security_notices"]["recovered_how"], "security_question",
        "{me}"
    );
    let (status, _, bytes) =
        w.t.get_bytes(&format!("/api/v1/documents/{doc}/content"), &token)
            .await;
    assert_eq!(status, StatusCode::OK);
    assert!(bytes.starts_with(b"%PDF"));
    // The question keeps working after a password change (it wraps the vault key).
    let third = "un grand chat dort sous la table";
    let r =
        w.t.post(
            "/api/v1/me/password",
            Some(&token),
            json!({"current_password": NEW_PASSWORD, "new_password": third}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let fourth = "la lune se lève derrière la colline";
    let r = recover(&w.t, &identifier, "rue helene boucher", fourth).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    // Her printed recovery code was not renewed: it still works.
    let fifth = "cinq poissons nagent dans le bocal vert";
    let r =
        w.t.post(
            "/api/v1/auth/recover",
            None,
            json!({"identifier": identifier, "recovery_code": printed_code, "new_password": fifth}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let token = w.t.login_ok(&identifier, fifth).await;
    let bid = r_bid(&w.t, &token).await;
    let actions = journal_actions(&w.t, &bid, &token).await;
    assert!(actions.contains(&"security_question_set".to_owned()));
    assert_eq!(
        actions
            .iter()
            .filter(|a| *a == "recovered_with_question")
            .count(),
        2
    );
}

async fn r_bid(t: &TestApp, token: &str) -> String {
    t.get("/api/v1/me", Some(token)).await.json()["beneficiary_id"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn a_wrong_answer_an_unknown_identifier_and_no_question_all_answer_the_same() {
    let w = World::new().await;
    set_question(&w).await;
    let (_, without, _) =
        w.t.open_safe(&w.p1, &w.s1, "Nadia", "Ferhat", "1990-01-02")
            .await;
    let wrong = recover(&w.t, &w.identifier, "rue victor hugo", NEW_PASSWORD).await;
    let unknown = recover(&w.t, "personne.inconnue.01011990", ANSWER, NEW_PASSWORD).await;
    let no_question = recover(&w.t, &without, ANSWER, NEW_PASSWORD).await;
    for r in [&wrong, &unknown, &no_question] {
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.text);
        assert_eq!(r.text, wrong.text);
    }
    // Her password is unchanged, and the failure is in her journal.
    w.t.login_ok(&w.identifier, PERSON_PASSWORD).await;
    // Bad input: clear 4xx.
    for body in [
        json!({"identifier": w.identifier, "answer": "x".repeat(5000), "new_password": NEW_PASSWORD}),
        json!({"identifier": w.identifier}),
    ] {
        let r = w.t.post("/api/v1/auth/recover/question", None, body).await;
        assert!(r.status.is_client_error(), "{} {}", r.status, r.text);
    }
    // A weak new password with the right answer: 422, nothing changed.
    let r = recover(&w.t, &w.identifier, ANSWER, "azerty").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    w.t.login_ok(&w.identifier, PERSON_PASSWORD).await;
}

#[tokio::test]
async fn guessing_the_answer_is_throttled_like_a_login() {
    let w = World::new().await;
    set_question(&w).await;
    // The same free failures as a login, then 429 with Retry-After.
    let mut statuses = Vec::new();
    for i in 0..7 {
        let r = recover(&w.t, &w.identifier, &format!("essai {i}"), NEW_PASSWORD).await;
        statuses.push(r.status);
        if r.status == StatusCode::TOO_MANY_REQUESTS {
            let wait: i64 = r.header("retry-after").unwrap().parse().unwrap();
            assert!(wait > 0 && wait <= 1800, "{wait}");
        }
    }
    let free = statuses
        .iter()
        .take_while(|s| **s == StatusCode::UNAUTHORIZED)
        .count();
    assert_eq!(free, 5, "{statuses:?}");
    assert_eq!(statuses[5], StatusCode::TOO_MANY_REQUESTS);
    // While throttled, even the right answer waits (the guesser cannot tell).
    let r = recover(&w.t, &w.identifier, ANSWER, NEW_PASSWORD).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    // A login fails on the same counter: the question and the password share it.
    assert_eq!(
        w.t.login(&w.identifier, PERSON_PASSWORD).await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
    // After the delay, the right answer works.
    w.t.clock.advance(3600);
    let r = recover(&w.t, &w.identifier, ANSWER, NEW_PASSWORD).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
}

#[tokio::test]
async fn the_question_is_hers_alone_needs_a_fresh_session_and_can_be_removed() {
    let w = World::new().await;
    // A professional of her relais, another structure's, the operator: nothing to read or set.
    for token in [&w.p1, &w.p2, &w.admin] {
        let r = w.t.get("/api/v1/me/security-question", Some(token)).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);
        let r = put_question(&w.t, token, QUESTION, ANSWER).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);
    }
    // Anonymous: 401.
    let r = w.t.get("/api/v1/me/security-question", None).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    // Bad input: 422 with the field.
    let r = put_question(&w.t, &w.person, QUESTION, "a").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    assert_eq!(
        w.t.get("/api/v1/me/security-question", Some(&w.person))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    // A session left open a while (in use: never idle 10 minutes) cannot set one.
    for _ in 0..4 {
        w.t.clock.advance(4 * 60);
        assert_eq!(
            w.t.get("/api/v1/me", Some(&w.person)).await.status,
            StatusCode::OK
        );
    }
    let r = put_question(&w.t, &w.person, QUESTION, ANSWER).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text);
    let person = w.t.login_ok(&w.identifier, PERSON_PASSWORD).await;
    let r = put_question(&w.t, &person, QUESTION, ANSWER).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    // Removed: the answer no longer recovers anything.
    let r =
        w.t.send_method("DELETE", "/api/v1/me/security-question", Some(&person))
            .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let r = recover(&w.t, &w.identifier, ANSWER, NEW_PASSWORD).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let actions = journal_actions(&w.t, &w.bid, &person).await;
    assert!(actions.contains(&"security_question_set".to_owned()));
    assert!(actions.contains(&"security_question_removed".to_owned()));
    // Her account deleted: the row goes with it.
    let r = put_question(&w.t, &person, QUESTION, ANSWER).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    assert_eq!(question_rows(&w.t).await, 1);
    let token = person;
    let r =
        w.t.call(
            "DELETE",
            &format!("/api/v1/beneficiaries/{}", w.bid),
            Some(&token),
            Some(&json!({"password": PERSON_PASSWORD})),
        )
        .await;
    assert!(r.status.is_success(), "{} {}", r.status, r.text);
    assert_eq!(question_rows(&w.t).await, 0);
}

async fn question_rows(t: &TestApp) -> i64 {
    t.app
        .read(|tx| {
            Ok(tx
                .query_one("SELECT COUNT(*) AS n FROM security_questions", &[])?
                .int("n")?)
        })
        .await
        .unwrap()
}

#[tokio::test]
async fn the_answer_and_the_question_are_never_at_rest_in_clear_and_the_export_has_the_question() {
    let w = World::new().await;
    let marker_question = "Kangourou Zanzibarite préféré ?";
    let marker_answer = "Xylophonique Quetzalcoatl";
    let r = put_question(&w.t, &w.person, marker_question, marker_answer).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let (status, _, zip_bytes) =
        w.t.get_bytes(
            &format!("/api/v1/beneficiaries/{}/export", w.bid),
            &w.person,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip_bytes)).unwrap();
    let mut data = Vec::new();
    std::io::Read::read_to_end(&mut archive.by_name("data.json").unwrap(), &mut data).unwrap();
    let data: serde_json::Value = serde_json::from_slice(&data).unwrap();
    assert_eq!(data["security_question"]["question"], marker_question);
    assert!(data["security_question"]["set_at"].is_string());
    let text = data.to_string().to_lowercase();
    assert!(!text.contains("xylophonique"), "never the answer");
    // A recovery, so the answer went through every path once; the scan comes last (it takes
    // long enough for the server to close idle connections).
    let r = recover(
        &w.t,
        &w.identifier,
        "xylophonique quetzalcoatl",
        NEW_PASSWORD,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_absent(
        &w.t,
        &[
            "Kangourou",
            "Zanzibarite",
            "Xylophonique",
            "Quetzalcoatl",
            "xylophonique quetzalcoatl",
        ],
    );
}
