//! Partner software (issue 18, item 4): OAuth 2.0 client credentials for the software a
//! structure registers, what its tokens may do (a professional's rules, narrowed by scopes),
//! revocation, the partners' own ids, idempotent creations; the token endpoint driven by an
//! independent OAuth client (Python's Authlib) and the OpenAPI document checked by an
//! independent validator.

use crate::helpers::*;
use reqwest::StatusCode;
use serde_json::{Value, json};

const ALL: [&str; 3] = ["safes:create", "documents:write", "shared:read"];

/// s1's admin registers a client with `scopes`; returns (client_id, client_secret).
async fn register(w: &World, scopes: &[&str]) -> (String, String) {
    let r =
        w.t.post(
            &format!("/api/v1/structures/{}/clients", w.s1),
            Some(&w.p1),
            json!({"name": "SI-SIAO", "scopes": scopes}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(r.header("cache-control").as_deref(), Some("no-store"));
    let j = r.json();
    (
        j["client_id"].as_str().unwrap().to_owned(),
        j["client_secret"].as_str().unwrap().to_owned(),
    )
}

/// `POST /oauth/token` with HTTP Basic and `form`.
async fn token_request(t: &TestApp, id: &str, secret: &str, form: &[(&str, &str)]) -> Resp {
    t.send(
        t.http
            .post(t.url("/oauth/token"))
            .basic_auth(id, Some(secret))
            .form(form),
    )
    .await
}

async fn token(t: &TestApp, id: &str, secret: &str, scope: Option<&str>) -> String {
    let mut form = vec![("grant_type", "client_credentials")];
    if let Some(s) = scope {
        form.push(("scope", s));
    }
    let r = token_request(t, id, secret, &form).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    r.json()["access_token"].as_str().unwrap().to_owned()
}

fn safe_body(first: &str, external_id: &str) -> Value {
    json!({"first_name": first, "last_name": "Martin", "birth_date": "1990-02-03",
           "password": PERSON_PASSWORD, "language": "fr", "consent": true,
           "external_id": external_id})
}

/// The token opens a safe in s1, with an `Idempotency-Key`.
async fn open_safe_with_key(w: &World, tok: &str, body: Value, key: &str) -> Resp {
    let path = format!("/api/v1/structures/{}/beneficiaries", w.s1);
    w.t.send(
        w.t.http
            .post(w.t.url(&path))
            .bearer_auth(tok)
            .header("idempotency-key", key)
            .json(&body),
    )
    .await
}

/// How many people s1 follows under the first name `first` (as its admin sees them).
async fn followed_named(w: &World, first: &str) -> usize {
    let path = format!("/api/v1/structures/{}/beneficiaries", w.s1);
    let r = w.t.get(&path, Some(&w.p1)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    r.json()
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["first_name"] == first)
        .count()
}

#[tokio::test]
async fn a_partner_token_opens_a_safe_and_adds_a_document_in_her_journal() {
    let w = World::new().await;
    let (id, secret) = register(&w, &ALL).await;
    // The list shows the client, never its secret.
    let r =
        w.t.get(&format!("/api/v1/structures/{}/clients", w.s1), Some(&w.p1))
            .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()[0]["client_id"], id.as_str());
    assert!(!r.text.contains(&secret));

    let r = token_request(&w.t, &id, &secret, &[("grant_type", "client_credentials")]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.header("cache-control").as_deref(), Some("no-store"));
    let g = r.json();
    assert_eq!(g["token_type"], "Bearer");
    assert_eq!(g["expires_in"], 600);
    assert_eq!(g["scope"], "safes:create documents:write shared:read");
    let tok = g["access_token"].as_str().unwrap().to_owned();

    let path = format!("/api/v1/structures/{}/beneficiaries", w.s1);
    // The consent rule is a professional's.
    let mut no_consent = safe_body("Inès", "SIAO-7");
    no_consent["consent"] = json!(false);
    let r = w.t.post(&path, Some(&tok), no_consent).await;
    assert_eq!(r.status.as_u16() / 100, 4, "{}", r.text);
    let r =
        w.t.post(&path, Some(&tok), safe_body("Inès", "SIAO-7"))
            .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let bid = r.json()["id"].as_str().unwrap().to_owned();
    let identifier = r.json()["identifier"].as_str().unwrap().to_owned();

    // The partner finds her again by its own id.
    let r =
        w.t.get(
            &format!("/api/v1/structures/{}/external-ids/SIAO-7", w.s1),
            Some(&tok),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["beneficiary_id"], bid.as_str());

    let r =
        w.t.upload(
            &tok,
            &bid,
            pdf("Attestation"),
            "attestation.pdf",
            Some("Attestation"),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);

    // Her journal names the software and its structure, for both steps.
    let her = w.t.login_ok(&identifier, PERSON_PASSWORD).await;
    let r =
        w.t.get(&format!("/api/v1/beneficiaries/{bid}/journal"), Some(&her))
            .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let lines = r.json().as_array().unwrap().clone();
    for action in ["safe_opened", "document_uploaded"] {
        let line = lines
            .iter()
            .find(|l| l["action"] == action)
            .unwrap_or_else(|| panic!("{action}: {lines:?}"));
        assert_eq!(line["actor"]["kind"], "software", "{line}");
        assert_eq!(line["actor"]["display_name"], "SI-SIAO");
        assert_eq!(line["actor"]["structure"]["name"], "Accueil de jour");
    }
    // In her language, on her journal page.
    let browser = session_browser(&w.t, &her);
    let page = browser.get(w.t.url("/journal")).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("le logiciel SI-SIAO de Accueil de jour"),
        "{html}"
    );
}

#[tokio::test]
async fn a_token_reads_only_what_is_shared_with_its_structure() {
    let w = World::new().await;
    let (id, secret) = register(&w, &ALL).await;
    let tok = token(&w.t, &id, &secret, None).await;
    let shared = w
        .shared_document(&w.s1, pdf("Partagé"), "partage.pdf", "Partagé")
        .await;
    let r =
        w.t.upload(&w.person, &w.bid, pdf("Privé"), "prive.pdf", Some("Privé"))
            .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let private = r.json()["id"].as_str().unwrap().to_owned();
    let r =
        w.t.get(&format!("/api/v1/documents/{shared}"), Some(&tok))
            .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let r =
        w.t.get(&format!("/api/v1/documents/{private}"), Some(&tok))
            .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);
    let r =
        w.t.get(&format!("/api/v1/documents/{private}/content"), Some(&tok))
            .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);
    // Another structure's people are not its own.
    let r =
        w.t.get(
            &format!("/api/v1/structures/{}/beneficiaries", w.s2),
            Some(&tok),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);
}

#[tokio::test]
async fn a_revoked_client_stops_at_once() {
    let w = World::new().await;
    let (id, secret) = register(&w, &ALL).await;
    let tok = token(&w.t, &id, &secret, None).await;
    let list = format!("/api/v1/structures/{}/beneficiaries", w.s1);
    assert_eq!(w.t.get(&list, Some(&tok)).await.status, StatusCode::OK);
    // A plain member may not revoke it.
    let (member, _, _) = w.t.professional(&w.p1, &w.s1, "member").await;
    let client = format!("/api/v1/structures/{}/clients/{id}", w.s1);
    assert_eq!(
        w.t.delete(&client, Some(&member)).await.status,
        StatusCode::FORBIDDEN
    );
    let r = w.t.delete(&client, Some(&w.p1)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    assert_eq!(
        w.t.get(&list, Some(&tok)).await.status,
        StatusCode::UNAUTHORIZED
    );
    let r = token_request(&w.t, &id, &secret, &[("grant_type", "client_credentials")]).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.text);
    assert_eq!(r.json()["error"], "invalid_client");
    let r =
        w.t.get(&format!("/api/v1/structures/{}/clients", w.s1), Some(&w.p1))
            .await;
    assert!(r.json()[0]["revoked_at"].is_string(), "{}", r.text);
    // Revoking again changes nothing; an unknown client is not found.
    assert_eq!(
        w.t.delete(&client, Some(&w.p1)).await.status,
        StatusCode::NO_CONTENT
    );
    let other = format!("/api/v1/structures/{}/clients/nope", w.s1);
    assert_eq!(
        w.t.delete(&other, Some(&w.p1)).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_client_whose_membership_ends_is_revoked() {
    let w = World::new().await;
    let (id, secret) = register(&w, &ALL).await;
    let tok = token(&w.t, &id, &secret, None).await;
    let account = w.t.app.authenticate(&tok).await.unwrap().account_id;
    // Its membership ended through the team's route rather than the clients' one.
    let path = format!(
        "/api/v1/structures/{}/professionals/{account}/deactivate",
        w.s1
    );
    let r = w.t.post_empty(&path, Some(&w.p1)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let r = token_request(&w.t, &id, &secret, &[("grant_type", "client_credentials")]).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.text);
    assert_eq!(r.json()["error"], "invalid_client");
    let r =
        w.t.get(&format!("/api/v1/structures/{}/clients", w.s1), Some(&w.p1))
            .await;
    assert!(r.json()[0]["revoked_at"].is_string(), "{}", r.text);
}

#[tokio::test]
async fn the_token_endpoint_answers_rfc_6749_errors() {
    let w = World::new().await;
    let (id, secret) = register(&w, &["shared:read"]).await;
    let r = token_request(&w.t, &id, "wrong", &[("grant_type", "client_credentials")]).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.text);
    assert_eq!(r.json()["error"], "invalid_client");
    assert!(r.header("www-authenticate").unwrap().starts_with("Basic"));
    assert_eq!(r.header("cache-control").as_deref(), Some("no-store"));
    let r = token_request(&w.t, &id, &secret, &[("grant_type", "password")]).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.json()["error"], "unsupported_grant_type");
    let r = token_request(&w.t, &id, &secret, &[]).await;
    assert_eq!(r.json()["error"], "invalid_request", "{}", r.text);
    let r = token_request(
        &w.t,
        &id,
        &secret,
        &[
            ("grant_type", "client_credentials"),
            ("scope", "safes:create"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.json()["error"], "invalid_scope");
    // client_secret_post works too; both methods at once do not.
    let r =
        w.t.send(w.t.http.post(w.t.url("/oauth/token")).form(&[
            ("grant_type", "client_credentials"),
            ("client_id", id.as_str()),
            ("client_secret", secret.as_str()),
        ]))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let r =
        w.t.send(
            w.t.http
                .post(w.t.url("/oauth/token"))
                .basic_auth(&id, Some(&secret))
                .form(&[
                    ("grant_type", "client_credentials"),
                    ("client_id", id.as_str()),
                    ("client_secret", secret.as_str()),
                ]),
        )
        .await;
    assert_eq!(r.json()["error"], "invalid_request", "{}", r.text);
    // Not a form: invalid_request, no 5xx.
    let r = w.t.send_raw("/oauth/token", "application/json", "{}").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text);
    // Failures are throttled like logins.
    let mut last = StatusCode::OK;
    for _ in 0..8 {
        last = token_request(&w.t, &id, "wrong", &[("grant_type", "client_credentials")])
            .await
            .status;
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn a_token_expires_after_ten_minutes_and_keeps_to_its_scopes() {
    let w = World::new().await;
    let (id, secret) = register(&w, &ALL).await;
    let tok = token(&w.t, &id, &secret, Some("shared:read")).await;
    let list = format!("/api/v1/structures/{}/beneficiaries", w.s1);
    assert_eq!(w.t.get(&list, Some(&tok)).await.status, StatusCode::OK);
    let r = w.t.post(&list, Some(&tok), safe_body("Léa", "X1")).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text);
    assert_eq!(r.code(), "insufficient_scope");
    // Outside every scope: its own account, the structure's clients, her journal.
    for path in [
        "/api/v1/me".to_owned(),
        format!("/api/v1/structures/{}/clients", w.s1),
        format!("/api/v1/beneficiaries/{}/journal", w.bid),
    ] {
        let r = w.t.get(&path, Some(&tok)).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}: {}", r.text);
        assert_eq!(r.code(), "insufficient_scope", "{path}");
    }
    w.t.clock.advance(601);
    assert_eq!(
        w.t.get(&list, Some(&tok)).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn idempotency_keys_replay_and_external_ids_stay_unique() {
    let w = World::new().await;
    let (id, secret) = register(&w, &ALL).await;
    let tok = token(&w.t, &id, &secret, None).await;
    let post = |body: Value, key: &'static str| open_safe_with_key(&w, &tok, body, key);
    let first = post(safe_body("Noé", "SIAO-1"), "k-1").await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);
    let again = post(safe_body("Noé", "SIAO-1"), "k-1").await;
    assert_eq!(again.status, StatusCode::CREATED, "{}", again.text);
    assert_eq!(again.json(), first.json());
    assert_eq!(
        again.header("idempotency-replayed").as_deref(),
        Some("true")
    );
    let other = post(safe_body("Tom", "SIAO-2"), "k-1").await;
    assert_eq!(
        other.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        other.text
    );
    assert_eq!(other.code(), "idempotency_key_reused");
    // One safe only.
    assert_eq!(followed_named(&w, "Noé").await, 1);
    // An external id is unique in the structure.
    let dup = post(safe_body("Eva", "SIAO-1"), "k-2").await;
    assert_eq!(dup.status, StatusCode::CONFLICT, "{}", dup.text);
    let (t, tok2) = (&w.t, &tok);
    let path = format!(
        "/api/v1/structures/{}/beneficiaries/{}/external-id",
        w.s1, w.bid
    );
    let put_external_id = |ext: &'static str| {
        let body = json!({ "external_id": ext });
        let path = path.clone();
        async move { t.call("PUT", &path, Some(tok2), Some(&body)).await }
    };
    let r = put_external_id("SIAO-1").await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text);
    let r = put_external_id("SIAO-9").await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let r =
        w.t.get(
            &format!("/api/v1/structures/{}/external-ids/SIAO-9", w.s1),
            Some(&tok),
        )
        .await;
    assert_eq!(r.json()["beneficiary_id"], w.bid.as_str(), "{}", r.text);
    let r =
        w.t.get(
            &format!("/api/v1/structures/{}/external-ids/nobody", w.s1),
            Some(&tok),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // Another structure does not see s1's ids.
    let r =
        w.t.get(
            &format!("/api/v1/structures/{}/external-ids/SIAO-9", w.s2),
            Some(&w.p2),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);
}

#[tokio::test]
async fn twin_requests_with_one_key_create_one_safe() {
    let w = World::new().await;
    let (id, secret) = register(&w, &ALL).await;
    let tok = token(&w.t, &id, &secret, None).await;
    let post = |body: Value, key: &'static str| open_safe_with_key(&w, &tok, body, key);
    // Four copies of one request at once: one runs, the others replay its answer or are told
    // to come back in a moment.
    let twins =
        futures_util::future::join_all((0..4).map(|_| post(safe_body("Lou", "SIAO-7"), "k-twin")))
            .await;
    let mut created = None;
    for r in &twins {
        match r.status {
            StatusCode::CREATED => {
                let id = r.json()["id"].clone();
                assert!(
                    created.is_none() || created == Some(id.clone()),
                    "{}",
                    r.text
                );
                created = Some(id);
            }
            StatusCode::CONFLICT => {
                assert_eq!(r.code(), "idempotency_key_in_progress", "{}", r.text);
                assert_eq!(r.header("retry-after").as_deref(), Some("2"));
            }
            other => panic!("{other}: {}", r.text),
        }
    }
    // Retried afterwards, each gets the one answer.
    let again = post(safe_body("Lou", "SIAO-7"), "k-twin").await;
    assert_eq!(again.status, StatusCode::CREATED, "{}", again.text);
    assert_eq!(
        again.header("idempotency-replayed").as_deref(),
        Some("true")
    );
    if let Some(id) = created {
        assert_eq!(again.json()["id"], id);
    }
    assert_eq!(followed_named(&w, "Lou").await, 1);
    // A request that fails creates nothing and keeps no claim: corrected, the same key runs.
    let mut refused = safe_body("Zoé", "SIAO-8");
    refused["consent"] = json!(false);
    let r = post(refused, "k-fix").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    assert_eq!(r.code(), "consent_required");
    let r = post(safe_body("Zoé", "SIAO-8"), "k-fix").await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert!(r.header("idempotency-replayed").is_none());
}

#[tokio::test]
async fn a_claim_left_by_a_stopped_server_is_taken_over_after_ten_minutes() {
    use consigne::service::partners::{IDEMPOTENCY_IN_PROGRESS_SECONDS, IdempotencyStart};
    let w = World::new().await;
    let session = w.t.app.authenticate(&w.p1).await.unwrap();
    let sid = consigne::domain::StructureId::stored(w.s1.clone());
    let start = || {
        w.t.app
            .idempotent_start(&session, &sid, "k-1", b"same request")
    };
    assert!(matches!(start().await.unwrap(), IdempotencyStart::Run));
    // Its server stopped before answering: the twin is told to wait...
    assert!(matches!(
        start().await.unwrap(),
        IdempotencyStart::InProgress
    ));
    w.t.clock.advance(IDEMPOTENCY_IN_PROGRESS_SECONDS - 5);
    assert!(matches!(
        start().await.unwrap(),
        IdempotencyStart::InProgress
    ));
    // ... until the claim is old enough to be abandoned: then the retry runs.
    w.t.clock.advance(10);
    assert!(matches!(start().await.unwrap(), IdempotencyStart::Run));
    w.t.app
        .idempotent_finish(&session, &sid, "k-1", 201, b"{\"id\":\"x\"}")
        .await
        .unwrap();
    match start().await.unwrap() {
        IdempotencyStart::Replay(status, body) => {
            assert_eq!(status, 201);
            assert_eq!(body, b"{\"id\":\"x\"}");
        }
        other => panic!("{other:?}"),
    }
    // Another request under the key is refused; a released claim is free again.
    assert!(
        w.t.app
            .idempotent_start(&session, &sid, "k-1", b"another request")
            .await
            .is_err()
    );
    let k2 = || w.t.app.idempotent_start(&session, &sid, "k-2", b"r");
    assert!(matches!(k2().await.unwrap(), IdempotencyStart::Run));
    w.t.app.idempotent_release(&session, "k-2").await.unwrap();
    assert!(matches!(k2().await.unwrap(), IdempotencyStart::Run));
}

#[tokio::test]
async fn registering_is_for_the_structure_admins() {
    let w = World::new().await;
    let (member, _, _) = w.t.professional(&w.p1, &w.s1, "member").await;
    let path = format!("/api/v1/structures/{}/clients", w.s1);
    let body = json!({"name": "Outil", "scopes": ["shared:read"]});
    assert_eq!(
        w.t.post(&path, Some(&member), body.clone()).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        w.t.post(&path, Some(&w.p2), body.clone()).await.status,
        StatusCode::NOT_FOUND
    );
    let r =
        w.t.post(
            &path,
            Some(&w.p1),
            json!({"name": "Outil", "scopes": ["admin"]}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    assert_eq!(r.code(), "unknown_scope");
    let r =
        w.t.post(
            &path,
            Some(&w.p1),
            json!({"name": " ", "scopes": ["shared:read"]}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
}

/// Authlib (an independent OAuth 2.0 client) gets tokens from the real server with both
/// client authentication methods, uses one, and sees a wrong secret refused.
#[tokio::test]
async fn an_independent_oauth_client_gets_and_uses_a_token() {
    let w = World::new().await;
    let (id, secret) = register(&w, &ALL).await;
    let input = json!({"base": w.t.base, "id": id, "secret": secret, "sid": w.s1});
    let out =
        tokio::task::spawn_blocking(move || python(AUTHLIB_SCRIPT, input.to_string().as_bytes()))
            .await
            .unwrap();
    assert_eq!(out["basic"]["token_type"], "Bearer", "{out}");
    assert_eq!(out["post"]["token_type"], "Bearer", "{out}");
    assert_eq!(out["scoped"]["scope"], "shared:read", "{out}");
    assert_eq!(out["list_status"], 200, "{out}");
    assert_eq!(out["wrong"], "invalid_client", "{out}");
}

const AUTHLIB_SCRIPT: &str = r#"
import json, sys
from authlib.integrations.requests_client import OAuth2Session
from authlib.integrations.base_client.errors import OAuthError
i = json.load(sys.stdin)
url = i["base"] + "/oauth/token"
out = {}
s = OAuth2Session(i["id"], i["secret"], token_endpoint_auth_method="client_secret_basic")
out["basic"] = s.fetch_token(url, grant_type="client_credentials")
s2 = OAuth2Session(i["id"], i["secret"], token_endpoint_auth_method="client_secret_post")
out["post"] = s2.fetch_token(url, grant_type="client_credentials")
s3 = OAuth2Session(i["id"], i["secret"], scope="shared:read")
out["scoped"] = s3.fetch_token(url, grant_type="client_credentials")
r = s.get(i["base"] + "/api/v1/structures/" + i["sid"] + "/beneficiaries")
out["list_status"] = r.status_code
bad = OAuth2Session(i["id"], "wrong-secret")
try:
    bad.fetch_token(url, grant_type="client_credentials")
    out["wrong"] = "accepted"
except OAuthError as e:
    out["wrong"] = e.error
print(json.dumps(out))
"#;

/// The OpenAPI document passes an independent validator (openapi-spec-validator) and
/// declares the client credentials flow with its scopes.
#[tokio::test]
async fn the_openapi_document_passes_an_independent_validator() {
    let doc = include_str!("../../src/web/openapi.json");
    let out = tokio::task::spawn_blocking(move || {
        python(
            r#"
import json, sys
from openapi_spec_validator import validate
d = json.load(sys.stdin)
validate(d)
flows = d["components"]["securitySchemes"]["oauth2"]["flows"]["clientCredentials"]
print(json.dumps({"ok": True, "scopes": sorted(flows["scopes"]), "token": flows["tokenUrl"]}))
"#,
            doc.as_bytes(),
        )
    })
    .await
    .unwrap();
    assert_eq!(out["ok"], true);
    assert_eq!(
        out["scopes"],
        json!(["documents:write", "safes:create", "shared:read"])
    );
    assert_eq!(out["token"], "/oauth/token");
}
