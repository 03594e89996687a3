//! The in-person reset (issue 11, finding 2; docs/threat-model.md, "In-person reset"): the
//! takeover one professional could do alone, replayed step by step; the second member's
//! confirmation; the delay of a structure of one, which she is told about (SMS, notice) and can
//! cancel; no recovery ever hands a new printed code to its caller; her new sheet in her
//! session; the explicit choice of a recovery relais; her phone number; every step journaled.

use consigne::service::{Worker, job_handlers};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::*;
use crate::sms::{Recorder, operator};

const NEW_PASSWORD: &str = "un soleil froid sur la gare";

async fn start(w: &World, token: &str) -> Resp {
    w.t.post_empty(
        &format!("/api/v1/beneficiaries/{}/reset", w.bid),
        Some(token),
    )
    .await
}

async fn confirm(w: &World, token: &str, id: &str) -> Resp {
    w.t.post_empty(&format!("/api/v1/resets/{id}/confirm"), Some(token))
        .await
}

async fn use_code(w: &World, code: &str, password: &str) -> Resp {
    w.t.post(
        "/api/v1/auth/recover/in-person",
        None,
        json!({"identifier": w.identifier, "reset_code": code, "new_password": password}),
    )
    .await
}

/// A second member of s1, added by its admin p1 (who holds the key, so she gets it at once).
async fn colleague(w: &World) -> String {
    w.t.professional(&w.p1, &w.s1, "member").await.0
}

/// The actions of her journal, oldest first.
async fn journal(w: &World, token: &str) -> Vec<String> {
    let r =
        w.t.get(
            &format!("/api/v1/beneficiaries/{}/journal", w.bid),
            Some(token),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let j = r.json();
    let entries = j
        .as_array()
        .or_else(|| j["items"].as_array())
        .unwrap()
        .clone();
    let mut actions: Vec<(String, String)> = entries
        .iter()
        .map(|e| {
            (
                e["at"].as_str().unwrap_or_default().to_owned(),
                e["action"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    actions.sort();
    actions.into_iter().map(|(_, a)| a).collect()
}

fn private_doc_name() -> &'static str {
    "Titre de séjour (privé)"
}

async fn private_doc(w: &World) -> String {
    let r =
        w.t.upload(
            &w.person,
            &w.bid,
            jpeg(16, 16),
            "t.jpg",
            Some(private_doc_name()),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    r.json()["id"].as_str().unwrap().to_owned()
}

/// The attack of finding 2, step by step, with one professional alone. On the old code each step
/// worked: the start answered the code, she used it herself, got the person's new printed code,
/// read her private papers, and the person's password was dead. Now none of it works.
#[tokio::test]
async fn one_professional_alone_can_no_longer_take_over_a_safe() {
    let w = World::new().await;
    let doc = private_doc(&w).await;
    let _second = colleague(&w).await;
    // 1. She starts a reset: no code comes back, only a request waiting for a colleague.
    let r = start(&w, &w.p1).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let j = r.json();
    assert!(
        j.get("reset_code").is_none(),
        "no code before a confirmation: {j}"
    );
    assert_eq!(j["status"], "awaiting_confirmation");
    let id = j["id"].as_str().unwrap().to_owned();
    // 2. She cannot confirm her own request.
    let r = confirm(&w, &w.p1, &id).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text);
    // 3. Nothing she could type opens the safe: no code was ever made.
    for guess in [id.as_str(), "AAAA-BBBB-CCCC-DDDD-EEEE"] {
        assert_eq!(
            use_code(&w, guess, NEW_PASSWORD).await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    // 4. The person still gets in with her own password, and is told at once.
    let token = w.t.login_ok(&w.identifier, PERSON_PASSWORD).await;
    let me = w.t.get("/api/v1/me", Some(&token)).await.json();
    assert_eq!(me["pending_reset"]["id"], json!(id));
    assert_eq!(me["pending_reset"]["structure"]["id"], json!(w.s1));
    // 5. Her private paper stays hers.
    assert_eq!(
        w.t.get(&format!("/api/v1/documents/{doc}"), Some(&w.p1))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert!(
        journal(&w, &token)
            .await
            .contains(&"reset_started".to_owned())
    );
}

/// In a structure of one, the lone member waits for the delay, during which the person is told
/// and cancels; even once usable, a recovery never gives the new printed code to the caller.
#[tokio::test]
async fn alone_in_her_structure_she_waits_and_the_person_can_cancel() {
    let w = World::new().await;
    let r = start(&w, &w.p1).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let j = r.json();
    assert_eq!(j["status"], "delayed");
    assert!(j.get("reset_code").is_none());
    let usable_from = j["usable_from"].as_str().unwrap().to_owned();
    let id = j["id"].as_str().unwrap().to_owned();
    // The default delay: 72 hours.
    let started =
        w.t.get("/api/v1/me", Some(&w.person)).await.json()["pending_reset"]["started_at"]
            .as_str()
            .unwrap()
            .to_owned();
    let secs = |s: &str| s.parse::<jiff::Timestamp>().unwrap().as_second();
    assert_eq!(secs(&usable_from) - secs(&started), 72 * 3600);
    // Before the delay: refused.
    assert_eq!(confirm(&w, &w.p1, &id).await.status, StatusCode::FORBIDDEN);
    w.t.clock.advance(71 * 3600);
    let (email, secret) = &w.p1_login;
    let p1 = w.t.login_staff(email, STAFF_PASSWORD, secret).await;
    assert_eq!(confirm(&w, &p1, &id).await.status, StatusCode::FORBIDDEN);
    // She cancels, from a session of her own (any session).
    let other = w.t.login_ok(&w.identifier, PERSON_PASSWORD).await;
    let me = w.t.get("/api/v1/me", Some(&other)).await.json();
    assert_eq!(me["pending_reset"]["status"], "delayed");
    assert_eq!(
        w.t.delete(&format!("/api/v1/resets/{id}"), Some(&other))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    w.t.clock.advance(2 * 3600);
    let p1 = w.t.login_staff(email, STAFF_PASSWORD, secret).await;
    assert_eq!(confirm(&w, &p1, &id).await.status, StatusCode::NOT_FOUND);
    let her = w.t.login_ok(&w.identifier, PERSON_PASSWORD).await;
    let me = w.t.get("/api/v1/me", Some(&her)).await;
    assert_eq!(me.status, StatusCode::OK);
    assert!(me.json().get("pending_reset").is_none());
    // Had she not cancelled: after the delay the lone member may confirm.
    let id = start(&w, &p1).await.json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    w.t.clock.advance(72 * 3600);
    let p1 = w.t.login_staff(email, STAFF_PASSWORD, secret).await;
    let r = confirm(&w, &p1, &id).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let code = r.json()["reset_code"].as_str().unwrap().to_owned();
    let r = use_code(&w, &code, NEW_PASSWORD).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json(), json!({}), "no new printed code for the caller");
    let journal = journal(&w, &w.t.login_ok(&w.identifier, NEW_PASSWORD).await).await;
    for step in [
        "reset_started",
        "reset_cancelled",
        "reset_confirmed",
        "recovered_in_person",
    ] {
        assert!(journal.contains(&step.to_owned()), "{step} in {journal:?}");
    }
}

/// The whole flow with two members, and the new sheet she prints herself.
#[tokio::test]
async fn a_second_member_confirms_and_she_prints_her_new_sheet_herself() {
    let w = World::new().await;
    let (_, identifier, printed) =
        w.t.open_safe(&w.p1, &w.s1, "Nadia", "Haddad", "1984-03-02")
            .await;
    let second = colleague(&w).await;
    let bid =
        w.t.get(
            "/api/v1/me",
            Some(&w.t.login_ok(&identifier, PERSON_PASSWORD).await),
        )
        .await
        .json()["beneficiary_id"]
            .as_str()
            .unwrap()
            .to_owned();
    let r =
        w.t.post_empty(&format!("/api/v1/beneficiaries/{bid}/reset"), Some(&w.p1))
            .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let id = r.json()["id"].as_str().unwrap().to_owned();
    // The colleague's pending list says who asked, for whom.
    let list =
        w.t.get(
            &format!("/api/v1/structures/{}/resets", w.s1),
            Some(&second),
        )
        .await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.text);
    let entry = list
        .json()
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == json!(id))
        .cloned()
        .unwrap();
    assert_eq!(entry["person"]["name"], "Nadia Haddad");
    assert_eq!(entry["started_by"]["name"], "Camille Pro");
    assert_eq!(entry["can_confirm"], json!(true));
    // The starter sees it too, but may not confirm it.
    let mine =
        w.t.get(&format!("/api/v1/structures/{}/resets", w.s1), Some(&w.p1))
            .await
            .json();
    assert_eq!(mine[0]["can_confirm"], json!(false));
    let r =
        w.t.post_empty(&format!("/api/v1/resets/{id}/confirm"), Some(&second))
            .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let code = r.json()["reset_code"].as_str().unwrap().to_owned();
    assert!(r.json()["expires_at"].is_string());
    // Once only.
    let again =
        w.t.post_empty(&format!("/api/v1/resets/{id}/confirm"), Some(&second))
            .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    // She sets her password; nothing comes back.
    let r =
        w.t.post(
            "/api/v1/auth/recover/in-person",
            None,
            json!({"identifier": identifier, "reset_code": code, "new_password": NEW_PASSWORD}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json(), json!({}));
    // The code is single use; her old printed code is void (it may be in the wrong hands).
    let r = w
        .t
        .post(
            "/api/v1/auth/recover/in-person",
            None,
            json!({"identifier": identifier, "reset_code": code, "new_password": "encore une autre phrase ici"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let r = w
        .t
        .post(
            "/api/v1/auth/recover",
            None,
            json!({"identifier": identifier, "recovery_code": printed, "new_password": "encore une autre phrase ici"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    // Logged in, she is asked for a new sheet, and makes it.
    let token = w.t.login_ok(&identifier, NEW_PASSWORD).await;
    let me = w.t.get("/api/v1/me", Some(&token)).await.json();
    assert_eq!(me["new_sheet_due"], json!(true));
    assert!(me["security_notices"]["recovered_at"].is_string());
    assert!(me.get("pending_reset").is_none());
    let r =
        w.t.post_empty("/api/v1/me/recovery-code", Some(&token))
            .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let sheet = r.json()["recovery_code"].as_str().unwrap().to_owned();
    assert_eq!(
        w.t.get("/api/v1/me", Some(&token)).await.json()["new_sheet_due"],
        json!(false)
    );
    // A second sheet voids the first.
    let r =
        w.t.post_empty("/api/v1/me/recovery-code", Some(&token))
            .await;
    let newest = r.json()["recovery_code"].as_str().unwrap().to_owned();
    let recover = |code: String, pw: &'static str| {
        let t = &w.t;
        let identifier = identifier.clone();
        async move {
            t.post(
                "/api/v1/auth/recover",
                None,
                json!({"identifier": identifier, "recovery_code": code, "new_password": pw}),
            )
            .await
        }
    };
    assert_eq!(
        recover(sheet, "la mer est calme ce matin").await.status,
        StatusCode::UNAUTHORIZED
    );
    let r = recover(newest.clone(), "la mer est calme ce matin").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(
        r.json(),
        json!({}),
        "the printed code's recovery returns no code either"
    );
    // Single use.
    assert_eq!(
        recover(newest, "encore une phrase assez longue")
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    let token = w.t.login_ok(&identifier, "la mer est calme ce matin").await;
    assert_eq!(
        w.t.get("/api/v1/me", Some(&token)).await.json()["new_sheet_due"],
        json!(true)
    );
    let r =
        w.t.get(
            &format!("/api/v1/beneficiaries/{bid}/journal"),
            Some(&token),
        )
        .await
        .json();
    let text = r.to_string();
    for step in [
        "reset_started",
        "reset_confirmed",
        "recovered_in_person",
        "recovery_code_renewed",
        "recovered_with_code",
    ] {
        assert!(text.contains(step), "{step} missing from her journal");
    }
}

/// The new sheet is made only in a fresh session: an open session left on a shared computer
/// yields no way into her safe.
#[tokio::test]
async fn a_new_sheet_needs_a_fresh_session() {
    let w = World::new().await;
    // A session kept alive (within the idle timeout) but opened 16 minutes ago.
    w.t.clock.advance(8 * 60);
    assert_eq!(
        w.t.get("/api/v1/me", Some(&w.person)).await.status,
        StatusCode::OK
    );
    w.t.clock.advance(8 * 60);
    let r =
        w.t.post_empty("/api/v1/me/recovery-code", Some(&w.person))
            .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text);
    assert_eq!(r.code(), "login_again");
    let fresh = w.t.login_ok(&w.identifier, PERSON_PASSWORD).await;
    let r =
        w.t.post_empty("/api/v1/me/recovery-code", Some(&fresh))
            .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    // Professionals have no sheet.
    assert_eq!(
        w.t.post_empty("/api/v1/me/recovery-code", Some(&w.p1))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

fn worker(t: &TestApp) -> Worker {
    Worker::new(&t.app, "w", job_handlers(&t.app))
}

fn texts(rec: &Recorder) -> Vec<(String, String)> {
    rec.requests
        .lock()
        .unwrap()
        .iter()
        .map(|(_, _, body)| {
            (
                body["to"].as_str().unwrap_or_default().to_owned(),
                body["text"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// She learns of a reset at once by SMS (never naming the structure, whatever the hour), and a
/// professional changing her number first tells the old number.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn she_is_told_by_sms_and_a_number_changed_by_a_relais_tells_the_old_one() {
    let (base, rec) = operator().await;
    let w = World::with(move |c| {
        c.jobs.run_in_serve = false;
        c.sms.operator = "webhook".into();
        c.sms.webhook_url = format!("{base}/hook");
        c.sms.webhook_token = "operator-token".into();
        // Quiet hours all day but 00:00-01:00: they never hold a security notice back.
        c.reminders.quiet_from_hour = 1;
        c.reminders.quiet_until_hour = 0;
    })
    .await;
    let r = start(&w, &w.p1).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(worker(&w.t).run_due().await.unwrap().done, 1);
    let sent = texts(&rec);
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].0, "+33601020304");
    assert!(sent[0].1.starts_with("Consigne"), "{}", sent[0].1);
    assert!(
        !sent[0].1.contains("Accueil"),
        "the structure is never named"
    );
    // A professional of her relais changes the number: the old one is told.
    let path = format!("/api/v1/beneficiaries/{}/phone", w.bid);
    let r =
        w.t.send(
            w.t.http
                .put(w.t.url(&path))
                .bearer_auth(&w.p1)
                .json(&json!({"phone": "07 11 22 33 44"})),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    assert_eq!(worker(&w.t).run_due().await.unwrap().done, 1);
    let sent = texts(&rec);
    assert_eq!(sent[1].0, "+33601020304");
    let profile =
        w.t.get(&format!("/api/v1/beneficiaries/{}", w.bid), Some(&w.person))
            .await
            .json();
    assert_eq!(profile["phone"], "0711223344");
    // The next reset's SMS goes to the number on file.
    start(&w, &w.p1).await;
    worker(&w.t).run_due().await.unwrap();
    assert_eq!(texts(&rec)[2].0, "+33711223344");
}

/// Her phone number: she or a member of her relais sets or removes it; nobody else; journaled.
#[tokio::test]
async fn her_phone_number_is_set_by_her_or_her_relais_and_journaled() {
    let w = World::new().await;
    let path = format!("/api/v1/beneficiaries/{}/phone", w.bid);
    let put = |token: Option<String>, body: Value| {
        let t = &w.t;
        let path = path.clone();
        async move {
            let req = t.http.put(t.url(&path)).json(&body);
            let req = match token {
                Some(tk) => req.bearer_auth(tk),
                None => req,
            };
            t.send(req).await
        }
    };
    let phone = json!({"phone": "06 99 88 77 66"});
    for (token, want) in [
        (Some(w.p2.clone()), StatusCode::NOT_FOUND),
        (Some(w.pm.clone()), StatusCode::NOT_FOUND),
        (Some(w.admin.clone()), StatusCode::NOT_FOUND),
        (None, StatusCode::UNAUTHORIZED),
    ] {
        assert_eq!(put(token, phone.clone()).await.status, want);
    }
    let r = put(Some(w.person.clone()), json!({"phone": "pas un numéro"})).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    let r = put(Some(w.person.clone()), phone.clone()).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let profile = |token: String| {
        let t = &w.t;
        let bid = w.bid.clone();
        async move {
            t.get(&format!("/api/v1/beneficiaries/{bid}"), Some(&token))
                .await
                .json()["phone"]
                .clone()
        }
    };
    assert_eq!(profile(w.p1.clone()).await, "0699887766");
    assert_eq!(
        w.t.delete(&path, Some(&w.p2)).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        w.t.delete(&path, Some(&w.p1)).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(profile(w.person.clone()).await, Value::Null);
    let journal = journal(&w, &w.person).await;
    assert!(journal.contains(&"phone_changed".to_owned()));
    assert!(journal.contains(&"phone_removed".to_owned()));
}

/// The recovery relais is chosen with her at opening; "no" leaves the structure unable to
/// start a reset. Who may act on a reset.
#[tokio::test]
async fn the_recovery_relais_is_her_explicit_choice_and_resets_are_guarded() {
    let w = World::new().await;
    let r = w
        .t
        .post(
            &format!("/api/v1/structures/{}/beneficiaries", w.s1),
            Some(&w.p1),
            json!({"first_name": "Samir", "last_name": "Belkacem", "birth_date": "1990-01-01", "password": PERSON_PASSWORD, "recovery_relay": false}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let other_bid = r.json()["id"].as_str().unwrap().to_owned();
    let other_identifier = r.json()["identifier"].as_str().unwrap().to_owned();
    assert_eq!(
        w.t.post_empty(
            &format!("/api/v1/beneficiaries/{other_bid}/reset"),
            Some(&w.p1)
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    let samir = w.t.login_ok(&other_identifier, PERSON_PASSWORD).await;
    let relays =
        w.t.get(
            &format!("/api/v1/beneficiaries/{other_bid}/relays"),
            Some(&samir),
        )
        .await
        .json();
    assert_eq!(relays[0]["recovery"], json!(false));
    // The default (documented API contract) stays yes: Zoé's reset by s1 works.
    let second = colleague(&w).await;
    let id = start(&w, &w.p1).await.json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // Who may act on it.
    let path = format!("/api/v1/resets/{id}/confirm");
    for (token, want) in [
        (&w.p2, StatusCode::NOT_FOUND),
        (&w.pm, StatusCode::NOT_FOUND),
        (&w.admin, StatusCode::FORBIDDEN),
        (&w.person, StatusCode::NOT_FOUND),
        (&samir, StatusCode::NOT_FOUND),
    ] {
        assert_eq!(w.t.post_empty(&path, Some(token)).await.status, want);
    }
    assert_eq!(
        w.t.post_empty(&path, None).await.status,
        StatusCode::UNAUTHORIZED
    );
    let cancel = format!("/api/v1/resets/{id}");
    for (token, want) in [
        (&w.p2, StatusCode::NOT_FOUND),
        (&w.admin, StatusCode::FORBIDDEN),
        (&samir, StatusCode::NOT_FOUND),
    ] {
        assert_eq!(w.t.delete(&cancel, Some(token)).await.status, want);
    }
    let list = format!("/api/v1/structures/{}/resets", w.s1);
    for (token, want) in [
        (&w.p2, StatusCode::NOT_FOUND),
        (&w.admin, StatusCode::FORBIDDEN),
        (&w.person, StatusCode::NOT_FOUND),
    ] {
        assert_eq!(w.t.get(&list, Some(token)).await.status, want);
    }
    // The structure may cancel it too.
    assert_eq!(
        w.t.delete(&cancel, Some(&second)).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        w.t.delete(&cancel, Some(&w.person)).await.status,
        StatusCode::NOT_FOUND
    );
    // A person cannot start a reset of her own safe.
    assert_eq!(start(&w, &w.person).await.status, StatusCode::FORBIDDEN);
}
