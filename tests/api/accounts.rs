//! Structures, professionals, safes, relais and invitations through the JSON API.

use crate::helpers::*;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn full_journey_through_the_api() {
    let t = spawn().await;
    // Platform admin creates a structure and its first professional.
    let (admin, _, _) = t.platform_admin().await;
    let s1 = t
        .create_structure(&admin, "Accueil de jour Les Tilleuls", "relay")
        .await;
    let r = t
        .get(&format!("/api/v1/structures/{s1}"), Some(&admin))
        .await;
    assert_eq!(r.json()["kind"], "relay");
    // The professional enrols TOTP, logs in with it and opens a safe.
    let (p1, _, _) = t.professional(&admin, &s1, "admin").await;
    let me = t.get("/api/v1/me", Some(&p1)).await.json();
    assert_eq!(me["kind"], "professional");
    assert_eq!(me["must_enroll_totp"], json!(false));
    assert_eq!(me["structures"][0]["id"], json!(s1));
    assert_eq!(me["structures"][0]["role"], "admin");
    let (bid, identifier, code) = t
        .open_safe(&p1, &s1, "Hélène", "N'Diaye", "1985-04-03")
        .await;
    assert_eq!(identifier, "helene.ndiaye.03041985");
    assert_eq!(code.len(), 29, "6 groups of 4 joined by dashes");
    // The beneficiary logs in with the printed identifier, typed loosely.
    let person = t
        .login_ok("  Hélène.N'Diaye.03041985 ", PERSON_PASSWORD)
        .await;
    let me = t.get("/api/v1/me", Some(&person)).await.json();
    assert_eq!(me["kind"], "beneficiary");
    assert_eq!(me["beneficiary_id"], json!(bid));
    assert_eq!(me["display_name"], "Hélène N'Diaye");
    let profile = t
        .get(&format!("/api/v1/beneficiaries/{bid}"), Some(&p1))
        .await;
    assert_eq!(profile.status, StatusCode::OK);
    assert_eq!(profile.json()["birth_date"], "1985-04-03");
    assert_eq!(profile.json()["phone"], "0601020304");
    // A second structure invites her; she accepts in her session.
    let s2 = t.create_structure(&admin, "CCAS", "relay").await;
    let (p2, _, _) = t.professional(&admin, &s2, "member").await;
    let r = t
        .post(
            &format!("/api/v1/structures/{s2}/invitations"),
            Some(&p2),
            json!({"identifier": identifier}),
        )
        .await;
    assert_eq!(r.status, StatusCode::ACCEPTED);
    assert_eq!(
        t.get(&format!("/api/v1/beneficiaries/{bid}"), Some(&p2))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let invitations = t.get("/api/v1/me/invitations", Some(&person)).await.json();
    assert_eq!(invitations[0]["structure"]["name"], "CCAS");
    let iid = invitations[0]["id"].as_str().unwrap();
    assert_eq!(
        t.post_empty(
            &format!("/api/v1/me/invitations/{iid}/accept"),
            Some(&person)
        )
        .await
        .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        t.get(&format!("/api/v1/beneficiaries/{bid}"), Some(&p2))
            .await
            .json()["last_name"],
        "N'Diaye"
    );
    let relays = t
        .get(
            &format!("/api/v1/beneficiaries/{bid}/relays"),
            Some(&person),
        )
        .await
        .json();
    assert_eq!(relays.as_array().unwrap().len(), 2);
    assert_eq!(relays[0]["recovery"], json!(true));
    assert_eq!(relays[1]["recovery"], json!(false));
    assert_eq!(
        relays[0]["shared"],
        json!({"documents": 0, "contacts": 0, "notes": 0, "events": 0})
    );
    // She leaves the first structure: its members lose her at once.
    assert_eq!(
        t.delete(
            &format!("/api/v1/beneficiaries/{bid}/relays/{s1}"),
            Some(&person)
        )
        .await
        .status,
        StatusCode::NO_CONTENT
    );
    let r = t
        .get(&format!("/api/v1/beneficiaries/{bid}"), Some(&p1))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.code(), "not_found");
    let followed = t
        .get(&format!("/api/v1/structures/{s1}/beneficiaries"), Some(&p1))
        .await
        .json();
    assert_eq!(followed, json!([]));
    let followed = t
        .get(&format!("/api/v1/structures/{s2}/beneficiaries"), Some(&p2))
        .await
        .json();
    assert_eq!(followed[0]["first_name"], "Hélène");
    assert_eq!(
        t.delete(
            &format!("/api/v1/beneficiaries/{bid}/relays/{s1}"),
            Some(&person)
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn homonyms_get_a_short_suffix() {
    let w = World::new().await;
    let (_, second, _) =
        w.t.open_safe(&w.p1, &w.s1, "Zoé", "Lefèvre", "05/06/1987")
            .await;
    assert_eq!(w.identifier, "zoe.lefevre.05061987");
    assert_eq!(second, "zoe.lefevre.05061987-2");
    let token = w.t.login_ok(&second, PERSON_PASSWORD).await;
    let me = w.t.get("/api/v1/me", Some(&token)).await.json();
    assert_ne!(me["beneficiary_id"], json!(w.bid));
}

#[tokio::test]
async fn weak_passwords_are_refused_and_passphrases_generated() {
    let w = World::new().await;
    let path = format!("/api/v1/structures/{}/beneficiaries", w.s1);
    for bad in [
        "court",
        "password123",
        "azertyuiop",
        "marie durand 1990",
        "Durand!!12345678",
        "28/02/1990 xk-vq",
    ] {
        let r = w
            .t
            .post(&path, Some(&w.p1), json!({"first_name": "Marie", "last_name": "Durand", "birth_date": "1990-02-28", "password": bad}))
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{bad}: {}",
            r.text
        );
        assert_eq!(r.code(), "weak_password", "{bad}");
    }
    let r = w.t.post(&path, Some(&w.p1), json!({"first_name": "Marie", "last_name": "Durand", "birth_date": "1990-02-28", "generate_passphrase": true})).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let passphrase = r.json()["passphrase"].as_str().unwrap().to_owned();
    assert_eq!(passphrase.split('-').count(), 5);
    w.t.login_ok(r.json()["identifier"].as_str().unwrap(), &passphrase)
        .await;
    let r = w.t.post(&path, Some(&w.p1), json!({"first_name": "Marie", "last_name": "Durand", "birth_date": "1990-02-28", "generate_passphrase": true, "consent": false})).await;
    assert_eq!(r.code(), "consent_required");
    let r = w.t.post(&path, Some(&w.p1), json!({"first_name": "", "last_name": "Durand", "birth_date": "1990-02-31", "password": PERSON_PASSWORD})).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = w.t.get("/api/v1/passphrase", Some(&w.p1)).await;
    assert_eq!(
        r.json()["passphrase"].as_str().unwrap().split('-').count(),
        5
    );
}

#[tokio::test]
async fn staff_without_second_factor_reach_only_enrolment() {
    let t = spawn().await;
    let (admin, _, _) = t.platform_admin().await;
    let sid = t.create_structure(&admin, "Accueil", "relay").await;
    let email = format!("{}@x.example", unique("pro"));
    t.post(&format!("/api/v1/structures/{sid}/professionals"), Some(&admin), json!({"display_name": "A B", "email": email, "password": STAFF_PASSWORD, "role": "member"}))
        .await;
    let token = t.login_ok(&email, STAFF_PASSWORD).await;
    let r = t.get("/api/v1/structures", Some(&token)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(r.code(), "totp_enrollment_required");
    assert_eq!(
        t.get("/api/v1/me", Some(&token)).await.json()["must_enroll_totp"],
        json!(true)
    );
    let secret = t.post_empty("/api/v1/me/totp", Some(&token)).await.json()["secret"]
        .as_str()
        .unwrap()
        .to_owned();
    let r = t
        .post(
            "/api/v1/me/totp/confirm",
            Some(&token),
            json!({"code": "000000"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = t
        .post(
            "/api/v1/me/totp/confirm",
            Some(&token),
            json!({"code": t.totp_now(&secret)}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(
        t.get("/api/v1/structures", Some(&token)).await.status,
        StatusCode::OK
    );
    // From now on the code is required at login, and a used code cannot be replayed.
    let r = t.login(&email, STAFF_PASSWORD).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(r.code(), "totp_required");
    t.clock.advance(31);
    let code = t.totp_now(&secret);
    let ok = t
        .post(
            "/api/v1/auth/login",
            None,
            json!({"identifier": email, "password": STAFF_PASSWORD, "totp": code}),
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK);
    let replay = t
        .post(
            "/api/v1/auth/login",
            None,
            json!({"identifier": email, "password": STAFF_PASSWORD, "totp": code}),
        )
        .await;
    assert_eq!(replay.status, StatusCode::UNAUTHORIZED);
    assert_eq!(replay.code(), "totp_required");
    assert_eq!(
        t.post_empty("/api/v1/me/totp", Some(&token)).await.status,
        StatusCode::CONFLICT
    );
}

#[tokio::test]
async fn the_platform_never_holds_a_structure_key() {
    let w = World::new().await;
    // Added by the platform admin while no colleague is present: no access yet.
    let (late, late_email, late_secret) = w.t.professional(&w.admin, &w.s1, "member").await;
    let late_login = (late_email, late_secret);
    let r =
        w.t.get(
            &format!("/api/v1/structures/{}/beneficiaries", w.s1),
            Some(&late),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(r.code(), "access_pending");
    let team =
        w.t.get(
            &format!("/api/v1/structures/{}/professionals", w.s1),
            Some(&w.p1),
        )
        .await
        .json();
    assert_eq!(
        team.as_array()
            .unwrap()
            .iter()
            .filter(|m| m["has_access"] == json!(false))
            .count(),
        1
    );
    // A colleague who holds the key logs in: nothing is handed over without an approval.
    w.t.login_staff(&w.p1_login.0, STAFF_PASSWORD, &w.p1_login.1)
        .await;
    let (late_email, late_secret) = (late_login.0.clone(), late_login.1.clone());
    let late =
        w.t.login_staff(&late_email, STAFF_PASSWORD, &late_secret)
            .await;
    let people = format!("/api/v1/structures/{}/beneficiaries", w.s1);
    let r = w.t.get(&people, Some(&late)).await;
    assert_eq!(r.code(), "access_pending", "no key without an approval");
    // The structure's admin approves her: her session reads at once.
    let late_id = w.t.get("/api/v1/me", Some(&late)).await.json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let r =
        w.t.post_empty(
            &format!(
                "/api/v1/structures/{}/professionals/{late_id}/approve",
                w.s1
            ),
            Some(&w.p1),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let r = w.t.get(&people, Some(&late)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()[0]["first_name"], "Zoé");
    // Added by a structure admin (who holds the key): access at once.
    let r = w.t.post(&format!("/api/v1/structures/{}/professionals", w.s1), Some(&w.p1), json!({"display_name": "Direct", "email": format!("{}@x.example", unique("d")), "password": STAFF_PASSWORD, "role": "member"})).await;
    assert_eq!(r.status, StatusCode::CREATED);
    // A plain member may not add colleagues; strangers do not see the structure.
    let r = w.t.post(&format!("/api/v1/structures/{}/professionals", w.s1), Some(&late), json!({"display_name": "X", "email": "x@x.example", "password": STAFF_PASSWORD, "role": "member"})).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = w.t.post(&format!("/api/v1/structures/{}/professionals", w.s1), Some(&w.p2), json!({"display_name": "X", "email": "y@x.example", "password": STAFF_PASSWORD, "role": "member"})).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn invitations_answer_202_whatever_the_identifier_and_can_be_declined() {
    let w = World::new().await;
    let path = format!("/api/v1/structures/{}/invitations", w.s2);
    let unknown =
        w.t.post(
            &path,
            Some(&w.p2),
            json!({"identifier": "nobody.here.01012000"}),
        )
        .await;
    let known =
        w.t.post(&path, Some(&w.p2), json!({"identifier": w.identifier}))
            .await;
    assert_eq!(unknown.status, StatusCode::ACCEPTED);
    assert_eq!(known.status, StatusCode::ACCEPTED);
    assert_eq!(unknown.text, known.text);
    let again =
        w.t.post(&path, Some(&w.p2), json!({"identifier": w.identifier}))
            .await;
    assert_eq!(again.status, StatusCode::ACCEPTED);
    let invitations =
        w.t.get("/api/v1/me/invitations", Some(&w.person))
            .await
            .json();
    assert_eq!(
        invitations.as_array().unwrap().len(),
        1,
        "no duplicate invitation"
    );
    let iid = invitations[0]["id"].as_str().unwrap();
    assert_eq!(
        w.t.post_empty(
            &format!("/api/v1/me/invitations/{iid}/decline"),
            Some(&w.person)
        )
        .await
        .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        w.t.get("/api/v1/me/invitations", Some(&w.person))
            .await
            .json(),
        json!([])
    );
    assert_eq!(
        w.t.get(&format!("/api/v1/beneficiaries/{}", w.bid), Some(&w.p2))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    // Another person's invitation id is not hers to answer.
    assert_eq!(
        w.t.post_empty(
            &format!("/api/v1/me/invitations/{iid}/accept"),
            Some(&w.person)
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
    // A mediation structure cannot invite.
    let r =
        w.t.post(
            &format!("/api/v1/structures/{}/invitations", w.med),
            Some(&w.pm),
            json!({"identifier": w.identifier}),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn language_is_kept_sealed_and_changes() {
    let w = World::new().await;
    assert_eq!(
        w.t.get("/api/v1/me", Some(&w.person)).await.json()["language"],
        "fr"
    );
    let r =
        w.t.post(
            "/api/v1/me/language",
            Some(&w.person),
            json!({"language": "en"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(
        w.t.get("/api/v1/me", Some(&w.person)).await.json()["language"],
        "en"
    );
    assert_eq!(
        w.t.get(&format!("/api/v1/beneficiaries/{}", w.bid), Some(&w.p1))
            .await
            .json()["language"],
        "en"
    );
    let r =
        w.t.post(
            "/api/v1/me/language",
            Some(&w.person),
            json!({"language": "xx"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
}
