//! The authorisation matrix of this milestone: whoever may not see a resource gets the same
//! 404 as for one that does not exist.

use crate::helpers::*;
use reqwest::StatusCode;
use serde_json::json;

/// Every endpoint touching a person's safe or her structure's follow-up.
async fn probe(w: &World, token: &str) -> Vec<(String, StatusCode)> {
    let (bid, s1) = (&w.bid, &w.s1);
    let t = &w.t;
    vec![
        (format!("GET /beneficiaries/{bid}"), t.get(&format!("/api/v1/beneficiaries/{bid}"), Some(token)).await.status),
        (format!("GET /beneficiaries/{bid}/relays"), t.get(&format!("/api/v1/beneficiaries/{bid}/relays"), Some(token)).await.status),
        (format!("DELETE /beneficiaries/{bid}/relays/{s1}"), t.delete(&format!("/api/v1/beneficiaries/{bid}/relays/{s1}"), Some(token)).await.status),
        (format!("GET /structures/{s1}"), t.get(&format!("/api/v1/structures/{s1}"), Some(token)).await.status),
        (format!("GET /structures/{s1}/beneficiaries"), t.get(&format!("/api/v1/structures/{s1}/beneficiaries"), Some(token)).await.status),
        (format!("GET /structures/{s1}/professionals"), t.get(&format!("/api/v1/structures/{s1}/professionals"), Some(token)).await.status),
        (
            format!("POST /structures/{s1}/beneficiaries"),
            t.post(&format!("/api/v1/structures/{s1}/beneficiaries"), Some(token), json!({"first_name": "A", "last_name": "B", "birth_date": "2000-01-01", "generate_passphrase": true})).await.status,
        ),
        (format!("POST /structures/{s1}/invitations"), t.post(&format!("/api/v1/structures/{s1}/invitations"), Some(token), json!({"identifier": w.identifier})).await.status),
    ]
}

#[tokio::test]
async fn a_professional_of_an_unrelated_structure_gets_404_everywhere() {
    let w = World::new().await;
    for (what, status) in probe(&w, &w.p2).await {
        assert_eq!(status, StatusCode::NOT_FOUND, "{what}");
    }
    // Listing structures shows only her own.
    let list = w.t.get("/api/v1/structures", Some(&w.p2)).await.json();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["id"], json!(w.s2));
}

#[tokio::test]
async fn another_beneficiary_and_the_platform_admin_get_404_on_her_safe() {
    let w = World::new().await;
    let (_, other_id, _) =
        w.t.open_safe(&w.p1, &w.s1, "Omar", "Said", "1990-01-01")
            .await;
    let other = w.t.login_ok(&other_id, PERSON_PASSWORD).await;
    for token in [&other, &w.admin] {
        for path in [
            format!("/api/v1/beneficiaries/{}", w.bid),
            format!("/api/v1/beneficiaries/{}/relays", w.bid),
        ] {
            assert_eq!(
                w.t.get(&path, Some(token)).await.status,
                StatusCode::NOT_FOUND,
                "{path}"
            );
        }
        assert_eq!(
            w.t.delete(
                &format!("/api/v1/beneficiaries/{}/relays/{}", w.bid, w.s1),
                Some(token)
            )
            .await
            .status,
            StatusCode::NOT_FOUND
        );
    }
    // Her relais' member cannot act in her place: "Mes relais" is hers alone.
    assert_eq!(
        w.t.get(
            &format!("/api/v1/beneficiaries/{}/relays", w.bid),
            Some(&w.p1)
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        w.t.delete(
            &format!("/api/v1/beneficiaries/{}/relays/{}", w.bid, w.s1),
            Some(&w.p1)
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
    // A beneficiary sees no structure.
    assert_eq!(
        w.t.get(&format!("/api/v1/structures/{}", w.s1), Some(&other))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        w.t.post(
            "/api/v1/structures",
            Some(&other),
            json!({"name": "x", "kind": "relay"})
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        w.t.get("/api/v1/passphrase", Some(&other)).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn anonymous_callers_are_unauthenticated() {
    let w = World::new().await;
    for path in [
        format!("/api/v1/beneficiaries/{}", w.bid),
        "/api/v1/me".into(),
        "/api/v1/structures".into(),
        format!("/api/v1/structures/{}/beneficiaries", w.s1),
    ] {
        let r = w.t.get(&path, None).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{path}");
        assert_eq!(r.code(), "unauthenticated");
    }
}

#[tokio::test]
async fn a_mediation_structure_opens_safes_but_sees_no_content() {
    let w = World::new().await;
    let path = format!("/api/v1/structures/{}/beneficiaries", w.med);
    let r = w.t.post(&path, Some(&w.pm), json!({"first_name": "Inès", "last_name": "Morel", "birth_date": "1995-03-03", "password": PERSON_PASSWORD})).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let opened = r.json()["id"].as_str().unwrap().to_owned();
    let identifier = r.json()["identifier"].as_str().unwrap().to_owned();
    assert_eq!(
        w.t.get(&path, Some(&w.pm)).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        w.t.get(&format!("/api/v1/beneficiaries/{opened}"), Some(&w.pm))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        w.t.get(&format!("/api/v1/beneficiaries/{}", w.bid), Some(&w.pm))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    // The person has her safe, and no relais.
    let person = w.t.login_ok(&identifier, PERSON_PASSWORD).await;
    assert_eq!(
        w.t.get(
            &format!("/api/v1/beneficiaries/{opened}/relays"),
            Some(&person)
        )
        .await
        .json(),
        json!([])
    );
    assert_eq!(
        w.t.get(&format!("/api/v1/beneficiaries/{opened}"), Some(&person))
            .await
            .json()["first_name"],
        "Inès"
    );
}

#[tokio::test]
async fn a_permission_row_without_a_key_wrap_reveals_nothing() {
    let w = World::new().await;
    // Simulates an authorisation bug: a relais row for s2 forced into the database, carrying
    // the wrap that was made for s1. The permission exists, the key does not open.
    let (bid, s1, s2) = (w.bid.clone(), w.s1.clone(), w.s2.clone());
    w.t.app
        .tx(move |tx| {
            let wrap = tx.query_one("SELECT identity_wrap FROM relays WHERE beneficiary_id = $1 AND structure_id = $2", &[bid.as_str().into(), s1.as_str().into()])?.blob(0)?;
            tx.execute(
                "INSERT INTO relays (beneficiary_id, structure_id, since, identity_wrap) VALUES ($1, $2, 0, $3)",
                &[bid.as_str().into(), s2.as_str().into(), wrap.into()],
            )?;
            Ok(())
        })
        .await
        .unwrap();
    let r =
        w.t.get(&format!("/api/v1/beneficiaries/{}", w.bid), Some(&w.p2))
            .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(!r.text.contains("Zoé"));
    let list =
        w.t.get(
            &format!("/api/v1/structures/{}/beneficiaries", w.s2),
            Some(&w.p2),
        )
        .await;
    assert_eq!(list.status, StatusCode::OK);
    assert_eq!(list.json(), json!([]));
}
