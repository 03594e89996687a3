//! The authorisation matrix of the safe's items: a table of every document, folder, share,
//! journal and export endpoint (API and pages) against every role. New endpoints join the
//! table. Anything not allowed answers exactly like a missing id.

use crate::helpers::*;
use reqwest::StatusCode;
use serde_json::json;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Role {
    /// A professional of a relais the document is shared with.
    Shared,
    /// A professional of her relais, on a document not shared with it.
    Unshared,
    Stranger,
    Mediation,
    Platform,
    Anonymous,
}

const OK: u16 = 200;
const NF: u16 = 404;
const FB: u16 = 403;
const NA: u16 = 401;

/// (method, path with {doc} {bid} {sid} {folder}, JSON body, expected for
/// [Shared, Unshared, Stranger, Mediation, Platform, Anonymous])
fn table() -> Vec<(
    &'static str,
    &'static str,
    Option<serde_json::Value>,
    [u16; 6],
)> {
    vec![
        (
            "GET",
            "/api/v1/documents/{doc}",
            None,
            [OK, NF, NF, NF, NF, NA],
        ),
        (
            "GET",
            "/api/v1/documents/{doc}/content",
            None,
            [OK, NF, NF, NF, NF, NA],
        ),
        (
            "GET",
            "/api/v1/documents/{doc}/thumbnail",
            None,
            [OK, NF, NF, NF, NF, NA],
        ),
        (
            "PATCH",
            "/api/v1/documents/{doc}",
            Some(json!({"name": "x"})),
            [FB, NF, NF, NF, NF, NA],
        ),
        (
            "DELETE",
            "/api/v1/documents/{doc}",
            None,
            [FB, NF, NF, NF, NF, NA],
        ),
        (
            "PUT",
            "/api/v1/documents/{doc}/shares/{sid}",
            None,
            [FB, NF, NF, NF, NF, NA],
        ),
        (
            "DELETE",
            "/api/v1/documents/{doc}/shares/{sid}",
            None,
            [FB, NF, NF, NF, NF, NA],
        ),
        (
            "GET",
            "/api/v1/beneficiaries/{bid}/folders",
            None,
            [NF, NF, NF, NF, NF, NA],
        ),
        (
            "POST",
            "/api/v1/beneficiaries/{bid}/folders",
            Some(json!({"name": "x"})),
            [NF, NF, NF, NF, NF, NA],
        ),
        (
            "PATCH",
            "/api/v1/beneficiaries/{bid}/folders/{folder}",
            Some(json!({"name": "x"})),
            [NF, NF, NF, NF, NF, NA],
        ),
        (
            "DELETE",
            "/api/v1/beneficiaries/{bid}/folders/{folder}",
            None,
            [NF, NF, NF, NF, NF, NA],
        ),
        (
            "GET",
            "/api/v1/beneficiaries/{bid}/journal",
            None,
            [NF, NF, NF, NF, NF, NA],
        ),
        (
            "GET",
            "/api/v1/beneficiaries/{bid}/export",
            None,
            [NF, NF, NF, NF, NF, NA],
        ),
        (
            "DELETE",
            "/api/v1/beneficiaries/{bid}",
            Some(json!({"password": PERSON_PASSWORD})),
            [NF, NF, NF, NF, NF, NA],
        ),
    ]
}

/// Pages: (path, expected for the same roles). Anonymous pages redirect to the login (303).
fn pages() -> Vec<(&'static str, [u16; 6])> {
    vec![
        ("/documents/{doc}/download", [OK, NF, NF, NF, NF, 303]),
        ("/documents/{doc}/view", [OK, NF, NF, NF, NF, 303]),
        ("/documents/{doc}/thumbnail", [OK, NF, NF, NF, NF, 303]),
        ("/documents/{doc}", [NF, NF, NF, NF, NF, 303]),
        ("/documents", [NF, NF, NF, NF, NF, 303]),
        ("/journal", [NF, NF, NF, NF, NF, 303]),
        ("/export", [NF, NF, NF, NF, NF, 303]),
        ("/pro/b/{bid}", [OK, OK, NF, NF, NF, 303]),
    ]
}

fn fill(path: &str, doc: &str, bid: &str, sid: &str, folder: &str) -> String {
    path.replace("{doc}", doc)
        .replace("{bid}", bid)
        .replace("{sid}", sid)
        .replace("{folder}", folder)
}

#[tokio::test]
async fn every_item_endpoint_against_every_role() {
    let w = World::new().await;
    let t = &w.t;
    let shared = t
        .upload(&w.person, &w.bid, jpeg(24, 24), "a.jpg", Some("Partagé"))
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    t.send_method(
        "PUT",
        &format!("/api/v1/documents/{shared}/shares/{}", w.s1),
        Some(&w.person),
    )
    .await;
    let private = t
        .upload(&w.person, &w.bid, jpeg(24, 24), "b.jpg", Some("Privé"))
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let folder = t
        .post(
            &format!("/api/v1/beneficiaries/{}/folders", w.bid),
            Some(&w.person),
            json!({"name": "Dossier"}),
        )
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let missing = "00000000-0000-4000-8000-000000000000";
    let roles = [
        (Role::Shared, Some(w.p1.clone())),
        (Role::Unshared, Some(w.p1.clone())),
        (Role::Stranger, Some(w.p2.clone())),
        (Role::Mediation, Some(w.pm.clone())),
        (Role::Platform, Some(w.admin.clone())),
        (Role::Anonymous, None),
    ];
    let mut checked = 0;
    for (method, path, body, expected) in table() {
        for (i, (role, token)) in roles.iter().enumerate() {
            let doc = if *role == Role::Unshared {
                &private
            } else {
                &shared
            };
            let url = fill(path, doc, &w.bid, &w.s1, &folder);
            let mut req = t.http.request(
                reqwest::Method::from_bytes(method.as_bytes()).unwrap(),
                t.url(&url),
            );
            if let Some(tok) = token {
                req = req.bearer_auth(tok);
            }
            if let Some(b) = &body {
                req = req.json(b);
            }
            let r = t.send(req).await;
            assert_eq!(
                r.status.as_u16(),
                expected[i],
                "{method} {path} as {role:?}: {}",
                r.text
            );
            if expected[i] == NF {
                // The same answer as for an id that does not exist.
                let mut req = t.http.request(
                    reqwest::Method::from_bytes(method.as_bytes()).unwrap(),
                    t.url(&fill(path, missing, missing, &w.s1, missing)),
                );
                if let Some(tok) = token {
                    req = req.bearer_auth(tok);
                }
                if let Some(b) = &body {
                    req = req.json(b);
                }
                let m = t.send(req).await;
                assert_eq!(
                    (m.status, m.text.clone()),
                    (r.status, r.text.clone()),
                    "{method} {path} as {role:?} differs from a missing id"
                );
            }
            checked += 1;
        }
    }
    // Pages, with each role's browser session.
    for (i, (role, token)) in roles.iter().enumerate() {
        let client = match (role, token) {
            (Role::Shared | Role::Unshared, _) => {
                crate::pages::staff_logged_in(t, &w.p1_login.0, &w.p1_login.1).await
            }
            // Other staff reach pages with their API token as the session cookie.
            (_, Some(token)) => {
                let jar = reqwest::cookie::Jar::default();
                jar.add_cookie_str(
                    &format!("consigne_session={token}"),
                    &t.url("/").parse().unwrap(),
                );
                reqwest::Client::builder()
                    .cookie_provider(std::sync::Arc::new(jar))
                    .redirect(reqwest::redirect::Policy::none())
                    .build()
                    .unwrap()
            }
            (_, None) => reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
        };
        for (path, expected) in pages() {
            let doc = if *role == Role::Unshared {
                &private
            } else {
                &shared
            };
            let url = fill(path, doc, &w.bid, &w.s1, &folder);
            let r = client.get(t.url(&url)).send().await.unwrap();
            assert_eq!(r.status().as_u16(), expected[i], "page {path} as {role:?}");
            checked += 1;
        }
    }
    assert!(checked > 120, "{checked}");
    // And the owner reaches all of it.
    for path in [
        "/api/v1/documents/{doc}",
        "/api/v1/documents/{doc}/content",
        "/api/v1/beneficiaries/{bid}/journal",
        "/api/v1/beneficiaries/{bid}/export",
        "/api/v1/beneficiaries/{bid}/folders",
    ] {
        let r = t
            .get_bytes(&fill(path, &private, &w.bid, &w.s1, &folder), &w.person)
            .await;
        assert_eq!(r.0, StatusCode::OK, "{path}");
    }
}
