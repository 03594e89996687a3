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
/// [Shared, Unshared, Stranger, Mediation, Platform, Anonymous]). A path with `{kind}` and
/// `{item}` stands for contacts, notes and events alike.
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
        // Its certificate (issue 16): whoever may view the document.
        (
            "GET",
            "/api/v1/documents/{doc}/certificate",
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
            "/api/v1/{kind}/{item}",
            None,
            [OK, NF, NF, NF, NF, NA],
        ),
        (
            "PATCH",
            "/api/v1/{kind}/{item}",
            Some(json!({"name": "x", "title": "x"})),
            [FB, NF, NF, NF, NF, NA],
        ),
        (
            "DELETE",
            "/api/v1/{kind}/{item}",
            None,
            [FB, NF, NF, NF, NF, NA],
        ),
        (
            "PUT",
            "/api/v1/{kind}/{item}/shares/{sid}",
            None,
            [FB, NF, NF, NF, NF, NA],
        ),
        (
            "DELETE",
            "/api/v1/{kind}/{item}/shares/{sid}",
            None,
            [FB, NF, NF, NF, NF, NA],
        ),
        (
            "GET",
            "/api/v1/beneficiaries/{bid}/{kind}",
            None,
            [OK, OK, NF, NF, NF, NA],
        ),
        (
            "POST",
            "/api/v1/beneficiaries/{bid}/{kind}",
            Some(
                json!({"name": "x", "title": "x", "body": "x", "starts_at": "2030-01-01T10:00:00Z"}),
            ),
            [201, 201, NF, NF, NF, NA],
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
            "GET",
            "/api/v1/beneficiaries/{bid}/calendar.ics",
            None,
            [NF, NF, NF, NF, NF, NA],
        ),
        (
            "GET",
            "/api/v1/beneficiaries/{bid}/contacts.vcf",
            None,
            [NF, NF, NF, NF, NF, NA],
        ),
        // Her calendar feed is hers alone: staff have none to see, make or stop.
        (
            "GET",
            "/api/v1/me/calendar-feed",
            None,
            [NF, NF, NF, NF, NF, NA],
        ),
        (
            "POST",
            "/api/v1/me/calendar-feed",
            None,
            [NF, NF, NF, NF, NF, NA],
        ),
        (
            "DELETE",
            "/api/v1/me/calendar-feed",
            None,
            [NF, NF, NF, NF, NF, NA],
        ),
        (
            "DELETE",
            "/api/v1/beneficiaries/{bid}",
            Some(json!({"password": PERSON_PASSWORD})),
            [NF, NF, NF, NF, NF, NA],
        ),
        // The people list of her relais structure (issue 14): its members only; the operator
        // is told it may not (it knows the structures, not whom they follow).
        (
            "GET",
            "/api/v1/structures/{sid}/people",
            None,
            [OK, OK, NF, NF, FB, NA],
        ),
        (
            "GET",
            "/api/v1/structures/{sid}/people?q=lef&no_contact_days=30&papers_expiring=true",
            None,
            [OK, OK, NF, NF, FB, NA],
        ),
        // The case file her relais structure keeps on her (issue 14).
        (
            "GET",
            "/api/v1/structures/{sid}/people/{bid}/file",
            None,
            [OK, OK, NF, NF, NF, NA],
        ),
        (
            "PATCH",
            "/api/v1/structures/{sid}/people/{bid}/file",
            Some(json!({"situation": {"housing": "street"}})),
            [OK, OK, NF, NF, NF, NA],
        ),
        // Share links (issue 16): to a document the caller may read, with her consent when a
        // professional makes one; the same 404 for anyone else.
        (
            "POST",
            "/api/v1/documents/{doc}/links",
            Some(json!({"expires_in_minutes": 60, "her_consent": true})),
            [201, NF, NF, NF, NF, NA],
        ),
        (
            "GET",
            "/api/v1/documents/{doc}/links",
            None,
            [OK, NF, NF, NF, NF, NA],
        ),
        // The assembled file (issue 15): made of papers the caller may read, or not at all.
        (
            "POST",
            "/api/v1/beneficiaries/{bid}/files",
            Some(json!({"document_ids": ["{doc}"], "watermark": "copie"})),
            [201, NF, NF, NF, NF, NA],
        ),
    ]
}

/// Pages: (path, expected for the same roles). Anonymous pages redirect to the login (303).
fn pages() -> Vec<(&'static str, [u16; 6])> {
    vec![
        ("/documents/{doc}/download", [OK, NF, NF, NF, NF, 303]),
        ("/documents/{doc}/view", [OK, NF, NF, NF, NF, 303]),
        ("/documents/{doc}/thumbnail", [OK, NF, NF, NF, NF, 303]),
        ("/documents/{doc}/certificate", [OK, NF, NF, NF, NF, 303]),
        // A PDF's pages rendered as images, and the professional's page of a document.
        ("/documents/{pdf}/pages/1", [OK, NF, NF, NF, NF, 303]),
        ("/pro/b/{bid}/documents/{pdf}", [OK, NF, NF, NF, NF, 303]),
        ("/documents/{doc}", [NF, NF, NF, NF, NF, 303]),
        ("/documents", [NF, NF, NF, NF, NF, 303]),
        ("/journal", [NF, NF, NF, NF, NF, 303]),
        ("/export", [NF, NF, NF, NF, NF, 303]),
        ("/pro/b/{bid}", [OK, OK, NF, NF, NF, 303]),
        ("/{kind}/{item}", [OK, NF, NF, NF, NF, 303]),
        ("/{kind}/{item}/edit", [NF, NF, NF, NF, NF, 303]),
        ("/{kind}/{item}/delete", [NF, NF, NF, NF, NF, 303]),
        ("/{kind}/new", [NF, NF, NF, NF, NF, 303]),
        ("/{kind}", [NF, NF, NF, NF, NF, 303]),
        ("/events/agenda.ics", [NF, NF, NF, NF, NF, 303]),
        ("/contacts/contacts.vcf", [NF, NF, NF, NF, NF, 303]),
        ("/calendar-feed", [NF, NF, NF, NF, NF, 303]),
        // Her list of share links (issue 16) is hers alone.
        ("/links", [NF, NF, NF, NF, NF, 303]),
        // The case file her relais structure keeps on her (issue 14).
        ("/pro/b/{bid}/dossier/{sid}", [OK, OK, NF, NF, NF, 303]),
    ]
}

const KINDS: [&str; 3] = ["contacts", "notes", "events"];

/// Rows with `{kind}` once per kind of item; `{item}` becomes that kind's placeholder.
fn expand<T: Clone>(path: &str, rest: T) -> Vec<(String, T)> {
    if path.contains("{kind}") {
        KINDS
            .iter()
            .map(|k| {
                (
                    path.replace("{item}", &format!("{{{k}}}"))
                        .replace("{kind}", k),
                    rest.clone(),
                )
            })
            .collect()
    } else {
        vec![(path.to_owned(), rest)]
    }
}

/// Fills the placeholders; `items` are (placeholder, id) of the contacts, notes and events.
fn fill(
    path: &str,
    doc: &str,
    bid: &str,
    sid: &str,
    folder: &str,
    items: &[(String, String)],
) -> String {
    let mut out = path
        .replace("{doc}", doc)
        .replace("{bid}", bid)
        .replace("{sid}", sid)
        .replace("{folder}", folder);
    for (placeholder, id) in items {
        out = out.replace(placeholder.as_str(), id);
    }
    out
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
    // A contact, a note and an event of each sharing state.
    let body = json!({"name": "x", "title": "x", "body": "x", "starts_at": "2030-01-01T10:00:00Z"});
    let (mut shared_items, mut private_items, mut missing_items) =
        (Vec::new(), Vec::new(), Vec::new());
    for kind in KINDS {
        let mut ids = Vec::new();
        for _ in 0..2 {
            let r = t
                .post(
                    &format!("/api/v1/beneficiaries/{}/{kind}", w.bid),
                    Some(&w.person),
                    body.clone(),
                )
                .await;
            assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
            ids.push(r.json()["id"].as_str().unwrap().to_owned());
        }
        t.send_method(
            "PUT",
            &format!("/api/v1/{kind}/{}/shares/{}", ids[0], w.s1),
            Some(&w.person),
        )
        .await;
        let placeholder = format!("{{{kind}}}");
        shared_items.push((placeholder.clone(), ids[0].clone()));
        private_items.push((placeholder.clone(), ids[1].clone()));
        missing_items.push((
            placeholder,
            "00000000-0000-4000-8000-000000000000".to_owned(),
        ));
    }
    // A PDF of each sharing state, for its pages (`{pdf}`).
    for (shared, list) in [(true, &mut shared_items), (false, &mut private_items)] {
        let id = t
            .upload(&w.person, &w.bid, pdf("Avis"), "avis.pdf", None)
            .await
            .json()["id"]
            .as_str()
            .unwrap()
            .to_owned();
        if shared {
            t.send_method(
                "PUT",
                &format!("/api/v1/documents/{id}/shares/{}", w.s1),
                Some(&w.person),
            )
            .await;
        }
        list.push(("{pdf}".to_owned(), id));
    }
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
    let rows: Vec<_> = table()
        .into_iter()
        .flat_map(|(method, path, body, expected)| expand(path, (method, body, expected)))
        .collect();
    for (path, (method, body, expected)) in &rows {
        let (path, method, expected) = (path.as_str(), *method, *expected);
        for (i, (role, token)) in roles.iter().enumerate() {
            let (doc, items) = if *role == Role::Unshared {
                (&private, &private_items)
            } else {
                (&shared, &shared_items)
            };
            let url = fill(path, doc, &w.bid, &w.s1, &folder, items);
            // A body may name the item too (`{doc}`).
            let fill_body = |doc: &str, bid: &str, items: &[(String, String)]| {
                body.as_ref().map(|b| {
                    let text = fill(&b.to_string(), doc, bid, &w.s1, &folder, items);
                    serde_json::from_str::<serde_json::Value>(&text).unwrap()
                })
            };
            let body = fill_body(doc, &w.bid, items);
            let r = t.call(method, &url, token.as_deref(), body.as_ref()).await;
            assert_eq!(
                r.status.as_u16(),
                expected[i],
                "{method} {path} as {role:?}: {}",
                r.text
            );
            if expected[i] == NF {
                // The same answer as for an id that does not exist.
                let url = fill(path, missing, missing, &w.s1, missing, &missing_items);
                let body = fill_body(missing, missing, &missing_items);
                let m = t.call(method, &url, token.as_deref(), body.as_ref()).await;
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
            (_, Some(token)) => session_browser(t, token),
            (_, None) => reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
        };
        for (path, expected) in pages()
            .into_iter()
            .flat_map(|(path, expected)| expand(path, expected))
        {
            let (doc, items) = if *role == Role::Unshared {
                (&private, &private_items)
            } else {
                (&shared, &shared_items)
            };
            let url = fill(&path, doc, &w.bid, &w.s1, &folder, items);
            let got = page_status(t, &client, &url).await;
            assert_eq!(got, expected[i], "page {path} as {role:?}");
            checked += 1;
        }
    }
    assert!(checked > 300, "{checked}");
    // And the owner reaches all of it.
    for path in [
        "/api/v1/documents/{doc}",
        "/api/v1/documents/{doc}/content",
        "/api/v1/beneficiaries/{bid}/journal",
        "/api/v1/beneficiaries/{bid}/export",
        "/api/v1/beneficiaries/{bid}/folders",
        "/api/v1/contacts/{contacts}",
        "/api/v1/notes/{notes}",
        "/api/v1/events/{events}",
        "/api/v1/beneficiaries/{bid}/events",
        "/api/v1/beneficiaries/{bid}/calendar.ics",
        "/api/v1/beneficiaries/{bid}/contacts.vcf",
        "/api/v1/documents/{doc}/links",
    ] {
        let r = t
            .get_bytes(
                &fill(path, &private, &w.bid, &w.s1, &folder, &private_items),
                &w.person,
            )
            .await;
        assert_eq!(r.0, StatusCode::OK, "{path}");
    }
}

/// The team actions (approve, deactivate a member) against every role: only an admin of the
/// structure; the operator never approves and deactivates only where no admin is left.
#[tokio::test]
async fn team_actions_against_every_role() {
    let w = World::new().await;
    let t = &w.t;
    let s1 = &w.s1;
    let add = |creator: String| async move {
        let email = format!("{}@structure.example", unique("tm"));
        let r = t
            .post(
                &format!("/api/v1/structures/{s1}/professionals"),
                Some(&creator),
                json!({"display_name": "Target", "email": email, "password": STAFF_PASSWORD, "role": "member"}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        (r.json()["id"].as_str().unwrap().to_owned(), email)
    };
    // A plain member of the structure, approved, to play the member role.
    let (_, member_email) = add(w.p1.clone()).await;
    let (member, _) = t.first_staff_login(&member_email).await;
    let roles: [(&str, Option<String>, u16, u16); 7] = [
        ("structure admin", Some(w.p1.clone()), 204, 204),
        ("structure member", Some(member), FB, FB),
        ("other structure", Some(w.p2.clone()), NF, NF),
        ("mediation", Some(w.pm.clone()), NF, NF),
        ("platform admin", Some(w.admin.clone()), FB, FB),
        ("the person", Some(w.person.clone()), NF, NF),
        ("anonymous", None, NA, NA),
    ];
    for (role, token, approve, deactivate) in roles {
        for (action, want) in [("approve", approve), ("deactivate", deactivate)] {
            // A fresh pending member each time (the operator's request).
            let (target, _) = add(w.admin.clone()).await;
            let path = format!(
                "/api/v1/structures/{}/professionals/{target}/{action}",
                w.s1
            );
            let r = t.post_empty(&path, token.as_deref()).await;
            assert_eq!(r.status.as_u16(), want, "{role} {action}: {}", r.text);
            let missing = format!(
                "/api/v1/structures/{}/professionals/00000000-0000-4000-8000-000000000000/{action}",
                w.s1
            );
            let r = t.post_empty(&missing, token.as_deref()).await;
            let want_missing = if want == 204 { NF } else { want };
            assert_eq!(r.status.as_u16(), want_missing, "{role} {action} missing");
        }
    }
}

/// The in-person reset and phone endpoints (issue 11, finding 2) against every role: the
/// person, the member of her recovery relais who starts resets, a colleague of hers, a stranger
/// structure, a mediation structure, the platform admin, anonymous. A reset started by the
/// member is made afresh before each call.
#[tokio::test]
async fn every_reset_and_phone_endpoint_against_every_role() {
    let w = World::new().await;
    let t = &w.t;
    let (colleague, _, _) = t.professional(&w.p1, &w.s1, "member").await;
    const CREATED: u16 = 201;
    const NC: u16 = 204;
    let phone = json!({"phone": "06 11 22 33 44"});
    // [person, member, colleague, stranger, mediation, platform, anonymous]
    let rows: Vec<(&str, &str, Option<serde_json::Value>, [u16; 7])> = vec![
        (
            "POST",
            "/api/v1/beneficiaries/{bid}/reset",
            None,
            [FB, CREATED, CREATED, NF, NF, NF, NA],
        ),
        (
            "POST",
            "/api/v1/resets/{reset}/confirm",
            None,
            [NF, FB, OK, NF, NF, FB, NA],
        ),
        (
            "DELETE",
            "/api/v1/resets/{reset}",
            None,
            [NC, NC, NC, NF, NF, FB, NA],
        ),
        (
            "GET",
            "/api/v1/structures/{sid}/resets",
            None,
            [NF, OK, OK, NF, NF, FB, NA],
        ),
        (
            "POST",
            "/api/v1/me/recovery-code",
            None,
            [OK, NF, NF, NF, NF, NF, NA],
        ),
        // Her security question (issue 17): hers alone, set, read, removed; recovering with it
        // answers the same whoever asks (a wrong answer here).
        (
            "PUT",
            "/api/v1/me/security-question",
            Some(json!({"question": "Ma première rue ?", "answer": "rue des lilas"})),
            [NC, NF, NF, NF, NF, NF, NA],
        ),
        (
            "GET",
            "/api/v1/me/security-question",
            None,
            [OK, NF, NF, NF, NF, NF, NA],
        ),
        (
            "DELETE",
            "/api/v1/me/security-question",
            None,
            [NC, NF, NF, NF, NF, NF, NA],
        ),
        (
            "POST",
            "/api/v1/auth/recover/question",
            Some(
                json!({"identifier": "personne.inconnue{n}.01011990", "answer": "rue des roses", "new_password": "trois oiseaux sur le toit rouge"}),
            ),
            [NA, NA, NA, NA, NA, NA, NA],
        ),
        // The terms and the guide (issue 17): the terms are public; accepting them and
        // finishing the guide are hers alone.
        ("GET", "/api/v1/terms", None, [OK, OK, OK, OK, OK, OK, OK]),
        (
            "POST",
            "/api/v1/me/terms",
            Some(json!({"version": consigne::service::TERMS_VERSION})),
            [NC, NF, NF, NF, NF, NF, NA],
        ),
        (
            "POST",
            "/api/v1/me/guide",
            None,
            [NC, NF, NF, NF, NF, NF, NA],
        ),
        (
            "PUT",
            "/api/v1/beneficiaries/{bid}/phone",
            Some(phone),
            [NC, NC, NC, NF, NF, NF, NA],
        ),
        (
            "DELETE",
            "/api/v1/beneficiaries/{bid}/phone",
            None,
            [NC, NC, NC, NF, NF, NF, NA],
        ),
    ];
    let roles = [
        Some(w.person.clone()),
        Some(w.p1.clone()),
        Some(colleague),
        Some(w.p2.clone()),
        Some(w.pm.clone()),
        Some(w.admin.clone()),
        None,
    ];
    let mut checked = 0;
    for (method, path, body, expected) in &rows {
        for (token, want) in roles.iter().zip(expected) {
            let r = t
                .post_empty(
                    &format!("/api/v1/beneficiaries/{}/reset", w.bid),
                    Some(&w.p1),
                )
                .await;
            assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
            let reset = r.json()["id"].as_str().unwrap().to_owned();
            let url = path
                .replace("{bid}", &w.bid)
                .replace("{sid}", &w.s1)
                .replace("{reset}", &reset);
            // `{n}`: a fresh identifier per call, so throttling does not add up across roles.
            let body: Option<serde_json::Value> = body.as_ref().map(|b| {
                serde_json::from_str(&b.to_string().replace("{n}", &checked.to_string())).unwrap()
            });
            let r = t.call(method, &url, token.as_deref(), body.as_ref()).await;
            assert_eq!(
                r.status.as_u16(),
                *want,
                "{method} {path} as role #{}: {}",
                roles.iter().position(|x| x == token).unwrap_or_default(),
                r.text
            );
            checked += 1;
        }
    }
    assert_eq!(checked, rows.len() * roles.len());
}

/// A structure's phone number (printed on recovery sheets) against every role: its admins and
/// the operator change it; a plain member may not; anyone else finds nothing.
#[tokio::test]
async fn the_structure_phone_against_every_role() {
    let w = World::new().await;
    let t = &w.t;
    let (member, _, _) = t.professional(&w.p1, &w.s1, "member").await;
    let roles: [(&str, Option<String>, u16); 7] = [
        ("structure admin", Some(w.p1.clone()), 204),
        ("structure member", Some(member), FB),
        ("other structure", Some(w.p2.clone()), NF),
        ("mediation", Some(w.pm.clone()), NF),
        ("platform admin", Some(w.admin.clone()), 204),
        ("the person", Some(w.person.clone()), NF),
        ("anonymous", None, NA),
    ];
    let path = format!("/api/v1/structures/{}/phone", w.s1);
    let phone = json!({"phone": "01 99 00 12 34"});
    for (role, token, want) in roles {
        for (method, body) in [("PUT", Some(&phone)), ("DELETE", None)] {
            let r = t.call(method, &path, token.as_deref(), body).await;
            assert_eq!(r.status.as_u16(), want, "{method} as {role}: {}", r.text);
        }
    }
}

/// What a structure added to her safe (issue 13, item 3) against every role: the members of
/// the structure that added it correct (rename, date) and delete it until the person makes it
/// her own; another relais it is shared with only reads it; nobody else sees it. A fresh item
/// for each call, in each state.
#[tokio::test]
async fn items_a_structure_added_against_every_role() {
    let w = World::new().await;
    let t = &w.t;
    // s2 becomes her second relais.
    t.post(
        &format!("/api/v1/structures/{}/invitations", w.s2),
        Some(&w.p2),
        json!({"identifier": w.identifier}),
    )
    .await;
    let inv = t
        .get("/api/v1/me/invitations", Some(&w.person))
        .await
        .json();
    let iid = inv[0]["id"].as_str().unwrap().to_owned();
    let r = t
        .post_empty(
            &format!("/api/v1/me/invitations/{iid}/accept"),
            Some(&w.person),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let (colleague, _, _) = t.professional(&w.p1, &w.s1, "member").await;
    let (s3, p3) = {
        let s3 = t.create_structure(&w.admin, "Autre accueil", "relay").await;
        let (p3, _, _) = t.professional(&w.admin, &s3, "admin").await;
        (s3, p3)
    };
    let _ = s3;
    const NC: u16 = 204;
    // States of an item s1's professional added.
    #[derive(Clone, Copy, Debug)]
    enum State {
        /// As added: shared with s1.
        Added,
        /// She renamed it (or changed a contact).
        ChangedByHer,
        /// She stopped sharing it with s1, then shared it again.
        TakenBack,
        /// Added by s2, shared with s1 by her.
        AddedByOther,
    }
    // [s1 member who added, s1 colleague, person, s2 (her other relais), stranger relay,
    //  mediation, platform, anonymous]
    let tokens = [
        Some(w.p1.clone()),
        Some(colleague.clone()),
        Some(w.person.clone()),
        Some(w.p2.clone()),
        Some(p3.clone()),
        Some(w.pm.clone()),
        Some(w.admin.clone()),
        None,
    ];
    let names = [
        "adder",
        "colleague",
        "person",
        "other relais",
        "stranger",
        "mediation",
        "platform",
        "anonymous",
    ];
    // (method, path, body, [expected per token] for each state).
    type Row = (
        &'static str,
        &'static str,
        Option<serde_json::Value>,
        [(State, [u16; 8]); 4],
    );
    let rows: Vec<Row> = vec![
        (
            "PATCH",
            "/api/v1/{kind}/{id}",
            Some(json!({"name": "Corrigé", "title": "Corrigé"})),
            [
                (State::Added, [OK, OK, OK, NF, NF, NF, NF, NA]),
                (State::ChangedByHer, [FB, FB, OK, NF, NF, NF, NF, NA]),
                (State::TakenBack, [FB, FB, OK, NF, NF, NF, NF, NA]),
                (State::AddedByOther, [FB, FB, OK, OK, NF, NF, NF, NA]),
            ],
        ),
        (
            "DELETE",
            "/api/v1/{kind}/{id}",
            None,
            [
                (State::Added, [NC, NC, NC, NF, NF, NF, NF, NA]),
                (State::ChangedByHer, [FB, FB, NC, NF, NF, NF, NF, NA]),
                (State::TakenBack, [FB, FB, NC, NF, NF, NF, NF, NA]),
                (State::AddedByOther, [FB, FB, NC, NC, NF, NF, NF, NA]),
            ],
        ),
        // Sharing stays hers alone.
        (
            "PUT",
            "/api/v1/{kind}/{id}/shares/{sid}",
            None,
            [
                (State::Added, [FB, FB, NC, NF, NF, NF, NF, NA]),
                (State::ChangedByHer, [FB, FB, NC, NF, NF, NF, NF, NA]),
                (State::TakenBack, [FB, FB, NC, NF, NF, NF, NF, NA]),
                (State::AddedByOther, [FB, FB, NC, FB, NF, NF, NF, NA]),
            ],
        ),
    ];
    let mut checked = 0;
    for kind in ["documents", "contacts", "notes", "events"] {
        for (method, path, body, states) in &rows {
            for (state, expected) in states {
                for (i, token) in tokens.iter().enumerate() {
                    let adder = match state {
                        State::AddedByOther => &w.p2,
                        _ => &w.p1,
                    };
                    let id = added_item(&w, kind, adder).await;
                    match state {
                        State::Added => {}
                        State::ChangedByHer => {
                            let r = t
                                .patch(
                                    &format!("/api/v1/{kind}/{id}"),
                                    &w.person,
                                    json!({"name": "À moi", "title": "À moi"}),
                                )
                                .await;
                            assert_eq!(r.status, StatusCode::OK, "{}", r.text);
                        }
                        State::TakenBack => {
                            let share = format!("/api/v1/{kind}/{id}/shares/{}", w.s1);
                            for m in ["DELETE", "PUT"] {
                                let r = t.send_method(m, &share, Some(&w.person)).await;
                                assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
                            }
                        }
                        State::AddedByOther => {
                            let share = format!("/api/v1/{kind}/{id}/shares/{}", w.s1);
                            let r = t.send_method("PUT", &share, Some(&w.person)).await;
                            assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
                        }
                    }
                    let url = path
                        .replace("{kind}", kind)
                        .replace("{id}", &id)
                        .replace("{sid}", &w.s2);
                    let r = t.call(method, &url, token.as_deref(), body.as_ref()).await;
                    assert_eq!(
                        r.status.as_u16(),
                        expected[i],
                        "{method} {kind} {state:?} as {}: {}",
                        names[i],
                        r.text
                    );
                    checked += 1;
                }
            }
        }
    }
    assert_eq!(checked, 4 * rows.len() * 4 * tokens.len());
}

/// An item of the kind `kind` that the professional `token` adds to World's person.
async fn added_item(w: &World, kind: &str, token: &str) -> String {
    let r = if kind == "documents" {
        w.t.upload(token, &w.bid, jpeg(16, 16), "p.jpg", Some("Attestation"))
            .await
    } else {
        w.t.post(
            &format!("/api/v1/beneficiaries/{}/{kind}", w.bid),
            Some(token),
            json!({"name": "x", "title": "x", "body": "x", "starts_at": "2030-01-01T10:00:00Z"}),
        )
        .await
    };
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    r.json()["id"].as_str().unwrap().to_owned()
}

/// The case file a structure keeps on her (issue 14) against every role: its members read it,
/// change it and hand her over; another structure (on its own id too), a mediation structure,
/// the person herself, the platform admin and anonymous find nothing.
#[tokio::test]
async fn the_case_file_against_every_role() {
    let w = World::new().await;
    let t = &w.t;
    let (colleague, _, _) = t.professional(&w.p1, &w.s1, "member").await;
    let colleague_id = t.get("/api/v1/me", Some(&colleague)).await.json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let file = format!("/api/v1/structures/{}/people/{}/file", w.s1, w.bid);
    let calls: Vec<(&str, String, Option<serde_json::Value>)> = vec![
        ("GET", file.clone(), None),
        (
            "PATCH",
            file.clone(),
            Some(json!({"situation": {"housing": "hotel", "protection": "curatorship"}})),
        ),
        (
            "POST",
            format!("{file}/handover"),
            Some(json!({"referent_id": colleague_id, "note": "relais"})),
        ),
    ];
    // (role, token, expected status for every call)
    let roles: [(&str, Option<String>, u16); 7] = [
        ("member", Some(w.p1.clone()), OK),
        ("colleague", Some(colleague.clone()), OK),
        ("other structure", Some(w.p2.clone()), NF),
        ("mediation", Some(w.pm.clone()), NF),
        ("the person", Some(w.person.clone()), NF),
        ("platform admin", Some(w.admin.clone()), NF),
        ("anonymous", None, NA),
    ];
    for (method, path, body) in &calls {
        for (role, token, want) in &roles {
            let r = t.call(method, path, token.as_deref(), body.as_ref()).await;
            assert_eq!(
                r.status.as_u16(),
                *want,
                "{method} {path} as {role}: {}",
                r.text
            );
        }
    }
    // Nor through their own structure's id.
    for (token, sid) in [(&w.p2, &w.s2), (&w.pm, &w.med)] {
        let path = format!("/api/v1/structures/{sid}/people/{}/file", w.bid);
        assert_eq!(t.get(&path, Some(token)).await.status.as_u16(), NF);
    }
    // The pages: the person and the operator find none.
    let page = format!("/pro/b/{}/dossier/{}", w.bid, w.s1);
    for token in [&w.person, &w.admin, &w.p2, &w.pm] {
        let got = page_status(t, &session_browser(t, token), &page).await;
        assert_eq!(got, NF, "{page}");
    }
}

/// A structure's statistics (issue 14, items 7 and 8) against every role: its members read
/// them (JSON, CSV, spreadsheet, page and its files); the operator sees the structure but not
/// its figures; anyone else finds nothing. The public figures need no session.
#[tokio::test]
async fn structure_statistics_against_every_role() {
    let w = World::new().await;
    let t = &w.t;
    let roles = structure_roles(&w, (FB, NF)).await;
    let s1 = &w.s1;
    for (role, token, api, page) in roles {
        for file in ["stats", "stats.csv", "stats.ods"] {
            let r = t
                .get(&format!("/api/v1/structures/{s1}/{file}"), token.as_deref())
                .await;
            assert_eq!(r.status.as_u16(), api, "{file} as {role}: {}", r.text);
            let client = browser(t, token.as_deref());
            let got = page_status(t, &client, &format!("/pro/{file}?s={s1}")).await;
            assert_eq!(got, page, "page {file} as {role}");
        }
        let r = t.get("/api/v1/public/kpis", token.as_deref()).await;
        assert_eq!(r.status, StatusCode::OK, "kpis as {role}");
    }
}

/// A structure's usage and its SMS budget (issue 18, item 3) against every role: its admins
/// and the operator read the usage (JSON, CSV, page and its file) and the budget; only its
/// admins set the budget; its other members are refused (403: billing figures are its admins',
/// the statistics are everyone's); anyone else finds nothing. The operator's overview is hers.
#[tokio::test]
async fn usage_and_sms_budget_against_every_role() {
    let w = World::new().await;
    let t = &w.t;
    let roles = structure_roles(&w, (OK, OK)).await;
    let s1 = &w.s1;
    for (role, token, api, page) in roles {
        let (read, page, set, overview) = match role {
            "structure member" => (FB, FB, FB, NF),
            "platform admin" => (OK, OK, FB, OK),
            "anonymous" => (api, page, api, 303),
            _ => (api, page, api, NF),
        };
        for path in [
            "usage",
            "usage.csv",
            "usage?from=2026-01&to=2026-12",
            "sms-budget",
        ] {
            let r = t
                .get(&format!("/api/v1/structures/{s1}/{path}"), token.as_deref())
                .await;
            assert_eq!(r.status.as_u16(), read, "{path} as {role}: {}", r.text);
        }
        let r = t
            .call(
                "PUT",
                &format!("/api/v1/structures/{s1}/sms-budget"),
                token.as_deref(),
                Some(&json!({"monthly_sms": 10})),
            )
            .await;
        assert_eq!(
            r.status.as_u16(),
            set,
            "PUT sms-budget as {role}: {}",
            r.text
        );
        let client = browser(t, token.as_deref());
        for path in [format!("/s/{s1}/usage"), format!("/s/{s1}/usage.csv")] {
            let got = page_status(t, &client, &path).await;
            assert_eq!(got, page, "page {path} as {role}");
        }
        let got = page_status(t, &client, "/admin/usage").await;
        assert_eq!(got, overview, "/admin/usage as {role}");
    }
    // A missing structure answers like one the caller may not see.
    let missing = "00000000-0000-4000-8000-000000000000";
    let r = t
        .get(&format!("/api/v1/structures/{missing}/usage"), Some(&w.p2))
        .await;
    let other = t
        .get(&format!("/api/v1/structures/{s1}/usage"), Some(&w.p2))
        .await;
    assert_eq!((r.status, r.text), (other.status, other.text));
}

/// The roles around structure s1 with what its API and its page answer each: its admin and a
/// new member (made here) 200, another structure, a mediation structure and the person 404,
/// anonymous 401 and a redirect to the login page; the operator `platform`.
async fn structure_roles(
    w: &World,
    platform: (u16, u16),
) -> [(&'static str, Option<String>, u16, u16); 7] {
    let (member, _, _) = w.t.professional(&w.p1, &w.s1, "member").await;
    [
        ("structure admin", Some(w.p1.clone()), OK, OK),
        ("structure member", Some(member), OK, OK),
        ("other structure", Some(w.p2.clone()), NF, NF),
        ("mediation", Some(w.pm.clone()), NF, NF),
        (
            "platform admin",
            Some(w.admin.clone()),
            platform.0,
            platform.1,
        ),
        ("the person", Some(w.person.clone()), NF, NF),
        ("anonymous", None, NA, 303),
    ]
}

/// A structure's printed kit (issue 17) against every role: its members and the operator
/// print it (API and page); anyone else finds nothing.
#[tokio::test]
async fn printed_kit_against_every_role() {
    let w = World::new().await;
    let t = &w.t;
    let roles = structure_roles(&w, (OK, OK)).await;
    let s1 = &w.s1;
    for (role, token, api, page) in roles {
        for file in ["poster.pdf?size=a3", "flyer.pdf", "card.pdf?lang=ar"] {
            let r = t
                .get(
                    &format!("/api/v1/structures/{s1}/kit/{file}"),
                    token.as_deref(),
                )
                .await;
            assert_eq!(r.status.as_u16(), api, "{file} as {role}");
        }
        let client = browser(t, token.as_deref());
        let got = page_status(t, &client, &format!("/s/{s1}/kit?lang=ps")).await;
        assert_eq!(got, page, "kit page as {role}");
    }
}

/// The follow-ups and the agenda (issue 14) against every role: [member of the structure
/// (p1), the person herself, another structure, a mediation structure, the platform admin,
/// anonymous]. The private part is the structure's alone: nothing answers it to anyone else,
/// and whatever is refused answers like a missing id.
#[tokio::test]
async fn every_followup_endpoint_against_every_role() {
    let w = World::new().await;
    let t = &w.t;
    let day = date_in_days(t, 0);
    let body = json!({"date": day, "medium": "phone", "subjects": ["health"], "status": "todo",
        "shared_text": "Partagé", "private_text": "PRIVATE-MARK", "due_on": date_in_days(t, 2)});
    let r = t
        .post(
            &format!("/api/v1/structures/{}/people/{}/followups", w.s1, w.bid),
            Some(&w.p1),
            body.clone(),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let fid = r.json()["id"].as_str().unwrap().to_owned();
    let (s1, bid) = (w.s1.as_str(), w.bid.as_str());
    let week = format!("from={day}&to={}", date_in_days(t, 6));
    let rows: Vec<(&str, String, Option<serde_json::Value>, [u16; 6])> = vec![
        (
            "GET",
            format!("/api/v1/structures/{s1}/people/{bid}/followups"),
            None,
            [OK, NF, NF, NF, NF, NA],
        ),
        (
            "POST",
            format!("/api/v1/structures/{s1}/people/{bid}/followups"),
            Some(body.clone()),
            [201, NF, NF, NF, NF, NA],
        ),
        (
            "PATCH",
            format!("/api/v1/structures/{s1}/followups/{fid}"),
            Some(json!({"status": "in_progress"})),
            [OK, NF, NF, NF, NF, NA],
        ),
        (
            "GET",
            format!("/api/v1/beneficiaries/{bid}/followups"),
            None,
            [NF, OK, NF, NF, NF, NA],
        ),
        (
            "GET",
            format!("/api/v1/structures/{s1}/subjects"),
            None,
            [OK, NF, NF, NF, FB, NA],
        ),
        (
            "GET",
            format!("/api/v1/structures/{s1}/agenda?{week}"),
            None,
            [OK, NF, NF, NF, FB, NA],
        ),
        (
            "GET",
            format!("/api/v1/structures/{s1}/agenda.ics?{week}"),
            None,
            [OK, NF, NF, NF, FB, NA],
        ),
        (
            "DELETE",
            format!("/api/v1/structures/{s1}/followups/{fid}"),
            None,
            [204, NF, NF, NF, NF, NA],
        ),
    ];
    // The member last: her DELETE removes what the others were refused.
    walk_structure_rows(&w, &rows, [1, 2, 3, 4, 5, 0], ("PRIVATE-MARK", &[0])).await;
    // Pages: the member's, hers, and nobody else's.
    let p1 = session_browser(t, &w.p1);
    let person = session_browser(t, &w.person);
    let p2 = session_browser(t, &w.p2);
    for (client, path, want) in [
        (&p1, format!("/pro/b/{bid}/followups"), 200),
        (&p2, format!("/pro/b/{bid}/followups"), 404),
        (&person, format!("/pro/b/{bid}/followups"), 404),
        (&person, "/followups".to_owned(), 200),
        (&p1, format!("/pro/s/{s1}/agenda"), 200),
        (&p2, format!("/pro/s/{s1}/agenda"), 404),
        (&person, format!("/pro/s/{s1}/agenda"), 404),
        (&p1, format!("/pro/s/{s1}/agenda.ics"), 200),
        (&p2, format!("/pro/s/{s1}/agenda.ics"), 404),
    ] {
        assert_eq!(page_status(t, client, &path).await, want, "{path}");
    }
}

/// A household (issue 14, item 3) against every role: the person alone reads and changes her
/// links and dependants; the family file and a proposed link are for a professional of a
/// structure that follows her; anyone else finds nothing.
#[tokio::test]
async fn household_against_every_role() {
    let w = World::new().await;
    let t = &w.t;
    let (b2, _, _) = t
        .open_safe(&w.p1, &w.s1, "Karim", "Haddad", "1985-02-03")
        .await;
    let (bid, s1) = (w.bid.as_str(), w.s1.as_str());
    let person_side = format!("/api/v1/beneficiaries/{bid}/household");
    let pro_side = format!("/api/v1/structures/{s1}/people/{bid}/household");
    let missing = "00000000-0000-4000-8000-000000000000";
    // (role, token, [GET hers, POST ask, POST accept a missing link, POST dependant,
    //  GET family file, POST propose], GET /family, GET /pro/b/{bid}/family)
    type Expected<'a> = (&'a str, Option<String>, [u16; 6], u16, u16);
    let roles: [Expected; 6] = [
        (
            "structure member",
            Some(w.p1.clone()),
            [NF, NF, NF, NF, OK, 201],
            404,
            OK,
        ),
        (
            "the person",
            Some(w.person.clone()),
            [OK, 202, NF, 201, NF, NF],
            OK,
            404,
        ),
        (
            "other structure",
            Some(w.p2.clone()),
            [NF, NF, NF, NF, NF, NF],
            404,
            404,
        ),
        (
            "mediation",
            Some(w.pm.clone()),
            [NF, NF, NF, NF, NF, NF],
            404,
            404,
        ),
        (
            "platform admin",
            Some(w.admin.clone()),
            [NF, NF, NF, NF, NF, NF],
            404,
            404,
        ),
        ("anonymous", None, [NA, NA, NA, NA, NA, NA], 303, 303),
    ];
    for (role, token, api, page, pro_page) in roles {
        let tk = token.as_deref();
        let got = [
            t.get(&person_side, tk).await.status.as_u16(),
            t.post(
                &format!("{person_side}/links"),
                tk,
                json!({"identifier": "nadia.haddad.01012010", "relation": "child"}),
            )
            .await
            .status
            .as_u16(),
            t.post_empty(&format!("{person_side}/links/{missing}/accept"), tk)
                .await
                .status
                .as_u16(),
            t.post(
                &format!("{person_side}/dependants"),
                tk,
                json!({"first_name": "Lina", "birth_date": "2019-03-04", "relation": "child"}),
            )
            .await
            .status
            .as_u16(),
            t.get(&pro_side, tk).await.status.as_u16(),
            t.post(&pro_side, tk, json!({"member": b2, "relation": "partner"}))
                .await
                .status
                .as_u16(),
        ];
        assert_eq!(got, api, "API as {role}");
        let client = browser(t, token.as_deref());
        for (path, expected) in [
            ("/family".to_owned(), page),
            (format!("/pro/b/{bid}/family"), pro_page),
        ] {
            let got = page_status(t, &client, &path).await;
            assert_eq!(got, expected, "page {path} as {role}");
        }
    }
}

/// A browser with `token`'s session (`None`: anonymous), redirects not followed.
fn browser(t: &TestApp, token: Option<&str>) -> reqwest::Client {
    token.map_or_else(|| t.http.clone(), |tk| session_browser(t, tk))
}

/// The status a page answers `client`.
async fn page_status(t: &TestApp, client: &reqwest::Client, path: &str) -> u16 {
    client
        .get(t.url(path))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

/// Benefit simulations (issue 15) against every role: she and a member of the structure she
/// shares it with read one; a structure that follows her runs one for her and lists those
/// shared with it; another structure, a mediation structure and the operator find nothing,
/// exactly like a missing id; only she shares.
#[tokio::test]
async fn simulations_against_every_role() {
    let w = World::new().await;
    let t = &w.t;
    let (bid, s1) = (w.bid.as_str(), w.s1.as_str());
    let input = json!({"month": "2026-05", "nationality": "fr", "housing": {"kind": "homeless"}});
    let mine = |r: crate::helpers::Resp| r.json()["id"].as_str().unwrap().to_owned();
    // One shared with s1, one private.
    let shared = mine(
        t.post(
            &format!("/api/v1/beneficiaries/{bid}/simulations"),
            Some(&w.person),
            input.clone(),
        )
        .await,
    );
    let r = t
        .send_method(
            "PUT",
            &format!("/api/v1/simulations/{shared}/shares/{s1}"),
            Some(&w.person),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let private = mine(
        t.post(
            &format!("/api/v1/beneficiaries/{bid}/simulations"),
            Some(&w.person),
            input.clone(),
        )
        .await,
    );
    let missing = "00000000-0000-4000-8000-000000000000";
    // (method, path with {sim} and {bid}, body, expected for
    //  [Shared, Unshared, Stranger, Mediation, Platform, Anonymous]).
    let rows: [(&str, &str, Option<serde_json::Value>, [u16; 6]); 5] = [
        (
            "GET",
            "/api/v1/simulations/{sim}",
            None,
            [OK, NF, NF, NF, NF, NA],
        ),
        (
            "PUT",
            "/api/v1/simulations/{sim}/shares/{sid}",
            None,
            [FB, NF, NF, NF, NF, NA],
        ),
        (
            "DELETE",
            "/api/v1/simulations/{sim}/shares/{sid}",
            None,
            [FB, NF, NF, NF, NF, NA],
        ),
        (
            "GET",
            "/api/v1/beneficiaries/{bid}/simulations",
            None,
            [OK, OK, NF, NF, NF, NA],
        ),
        (
            "POST",
            "/api/v1/beneficiaries/{bid}/simulations",
            Some(input.clone()),
            [201, 201, NF, NF, NF, NA],
        ),
    ];
    let roles = [
        (Role::Shared, Some(w.p1.clone())),
        (Role::Unshared, Some(w.p1.clone())),
        (Role::Stranger, Some(w.p2.clone())),
        (Role::Mediation, Some(w.pm.clone())),
        (Role::Platform, Some(w.admin.clone())),
        (Role::Anonymous, None),
    ];
    let fill = |path: &str, sim: &str, bid: &str| {
        path.replace("{sim}", sim)
            .replace("{bid}", bid)
            .replace("{sid}", s1)
    };
    for (method, path, body, expected) in &rows {
        for (i, (role, token)) in roles.iter().enumerate() {
            let sim = if *role == Role::Unshared {
                &private
            } else {
                &shared
            };
            let url = fill(path, sim, bid);
            let r = t.call(method, &url, token.as_deref(), body.as_ref()).await;
            assert_eq!(
                r.status.as_u16(),
                expected[i],
                "{method} {path} as {role:?}: {}",
                r.text
            );
            if expected[i] == NF {
                let m = t
                    .call(
                        method,
                        &fill(path, missing, missing),
                        token.as_deref(),
                        body.as_ref(),
                    )
                    .await;
                assert_eq!(
                    (m.status, m.text.clone()),
                    (r.status, r.text.clone()),
                    "{method} {path} as {role:?} differs from a missing id"
                );
            }
        }
    }
    // The owner: everything on her own.
    for (method, path, body, want) in [
        ("GET", "/api/v1/simulations/{sim}", None, OK),
        (
            "DELETE",
            "/api/v1/simulations/{sim}/shares/{sid}",
            None,
            204,
        ),
        ("PUT", "/api/v1/simulations/{sim}/shares/{sid}", None, 204),
        ("GET", "/api/v1/beneficiaries/{bid}/simulations", None, OK),
        (
            "POST",
            "/api/v1/beneficiaries/{bid}/simulations",
            Some(input.clone()),
            201,
        ),
    ] {
        let r = t
            .call(
                method,
                &fill(path, &private, bid),
                Some(&w.person),
                body.as_ref(),
            )
            .await;
        assert_eq!(
            r.status.as_u16(),
            want,
            "{method} {path} as her: {}",
            r.text
        );
    }
    // Pages: hers, the member's one-page mode and recap, nobody else's.
    let rows: [(String, [u16; 6], u16); 4] = [
        ("/rights".to_owned(), [NF, NF, NF, NF, NF, 303], OK),
        (format!("/rights/{shared}"), [NF, NF, NF, NF, NF, 303], OK),
        (
            format!("/pro/b/{bid}/rights"),
            [OK, OK, NF, NF, NF, 303],
            NF,
        ),
        (
            format!("/pro/b/{bid}/rights/{shared}/print"),
            [OK, OK, NF, NF, NF, 303],
            NF,
        ),
    ];
    for (path, expected, hers) in rows {
        for (i, (role, token)) in roles.iter().enumerate() {
            let got = page_status(t, &browser(t, token.as_deref()), &path).await;
            assert_eq!(got, expected[i], "page {path} as {role:?}");
        }
        let got = page_status(t, &session_browser(t, &w.person), &path).await;
        assert_eq!(got, hers, "page {path} as her");
    }
}

/// Procedures (issue 15) against every role: she and a member of the structure she shares one
/// with read it and move it on; a structure that follows her starts one for her and lists those
/// shared with it; another structure, a mediation structure and the operator find nothing,
/// exactly like a missing id; only she shares; everyone signed in reads the catalogue.
#[tokio::test]
async fn procedures_against_every_role() {
    let w = World::new().await;
    let t = &w.t;
    let (bid, s1) = (w.bid.as_str(), w.s1.as_str());
    let input = json!({"code": "rsa"});
    let mine = |r: crate::helpers::Resp| r.json()["id"].as_str().unwrap().to_owned();
    // One shared with s1, one private.
    let shared = mine(
        t.post(
            &format!("/api/v1/beneficiaries/{bid}/procedures"),
            Some(&w.person),
            input.clone(),
        )
        .await,
    );
    let r = t
        .send_method(
            "PUT",
            &format!("/api/v1/procedures/{shared}/shares/{s1}"),
            Some(&w.person),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let private = mine(
        t.post(
            &format!("/api/v1/beneficiaries/{bid}/procedures"),
            Some(&w.person),
            input.clone(),
        )
        .await,
    );
    // An identity card shared with s1: the RSA's first line, so that its file can be made.
    let card = w
        .shared_document(s1, pdf("CNI"), "cni.pdf", "Carte d'identité")
        .await;
    let r = t
        .patch(
            &format!("/api/v1/documents/{card}"),
            &w.person,
            json!({"type": "identity_card"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let missing = "00000000-0000-4000-8000-000000000000";
    // (method, path with {proc} and {bid}, body, expected for
    //  [Shared, Unshared, Stranger, Mediation, Platform, Anonymous]).
    let rows: [(&str, &str, Option<serde_json::Value>, [u16; 6]); 8] = [
        (
            "GET",
            "/api/v1/procedures/{proc}",
            None,
            [OK, NF, NF, NF, NF, NA],
        ),
        (
            "PATCH",
            "/api/v1/procedures/{proc}",
            Some(json!({"status": "filed"})),
            [OK, NF, NF, NF, NF, NA],
        ),
        (
            "GET",
            "/api/v1/procedures/catalogue",
            None,
            [OK, OK, OK, OK, OK, NA],
        ),
        (
            "POST",
            "/api/v1/procedures/{proc}/file",
            Some(json!({"watermark": "Copie pour la CAF"})),
            [201, NF, NF, NF, NF, NA],
        ),
        (
            "PUT",
            "/api/v1/procedures/{proc}/shares/{sid}",
            None,
            [FB, NF, NF, NF, NF, NA],
        ),
        (
            "DELETE",
            "/api/v1/procedures/{proc}/shares/{sid}",
            None,
            [FB, NF, NF, NF, NF, NA],
        ),
        (
            "GET",
            "/api/v1/beneficiaries/{bid}/procedures",
            None,
            [OK, OK, NF, NF, NF, NA],
        ),
        (
            "POST",
            "/api/v1/beneficiaries/{bid}/procedures",
            Some(input.clone()),
            [201, 201, NF, NF, NF, NA],
        ),
    ];
    let roles = [
        (Role::Shared, Some(w.p1.clone())),
        (Role::Unshared, Some(w.p1.clone())),
        (Role::Stranger, Some(w.p2.clone())),
        (Role::Mediation, Some(w.pm.clone())),
        (Role::Platform, Some(w.admin.clone())),
        (Role::Anonymous, None),
    ];
    let fill = |path: &str, proc: &str, bid: &str| {
        path.replace("{proc}", proc)
            .replace("{bid}", bid)
            .replace("{sid}", s1)
    };
    for (method, path, body, expected) in &rows {
        for (i, (role, token)) in roles.iter().enumerate() {
            let proc = if *role == Role::Unshared {
                &private
            } else {
                &shared
            };
            let url = fill(path, proc, bid);
            let r = t.call(method, &url, token.as_deref(), body.as_ref()).await;
            assert_eq!(
                r.status.as_u16(),
                expected[i],
                "{method} {path} as {role:?}: {}",
                r.text
            );
            if expected[i] == NF {
                let m = t
                    .call(
                        method,
                        &fill(path, missing, missing),
                        token.as_deref(),
                        body.as_ref(),
                    )
                    .await;
                assert_eq!(
                    (m.status, m.text.clone()),
                    (r.status, r.text.clone()),
                    "{method} {path} as {role:?} differs from a missing id"
                );
            }
        }
    }
    // The owner: everything on her own.
    for (method, path, body, want) in [
        ("GET", "/api/v1/procedures/{proc}", None, OK),
        (
            "PATCH",
            "/api/v1/procedures/{proc}",
            Some(json!({"deadline_on": "2027-01-12"})),
            OK,
        ),
        (
            "DELETE",
            "/api/v1/procedures/{proc}/shares/{sid}",
            None,
            204,
        ),
        ("PUT", "/api/v1/procedures/{proc}/shares/{sid}", None, 204),
        ("GET", "/api/v1/beneficiaries/{bid}/procedures", None, OK),
        (
            "POST",
            "/api/v1/procedures/{proc}/file",
            Some(json!({})),
            201,
        ),
        (
            "POST",
            "/api/v1/beneficiaries/{bid}/procedures",
            Some(input.clone()),
            201,
        ),
    ] {
        let r = t
            .call(
                method,
                &fill(path, &private, bid),
                Some(&w.person),
                body.as_ref(),
            )
            .await;
        assert_eq!(
            r.status.as_u16(),
            want,
            "{method} {path} as her: {}",
            r.text
        );
    }
    // Pages: hers, the member's from her file, nobody else's.
    let rows: [(String, [u16; 6], u16); 4] = [
        ("/procedures".to_owned(), [NF, NF, NF, NF, NF, 303], OK),
        (
            format!("/procedures/{shared}"),
            [NF, NF, NF, NF, NF, 303],
            OK,
        ),
        (
            format!("/pro/b/{bid}/procedures"),
            [OK, OK, NF, NF, NF, 303],
            NF,
        ),
        (
            format!("/pro/b/{bid}/procedures/{shared}"),
            [OK, OK, NF, NF, NF, 303],
            NF,
        ),
    ];
    for (path, expected, hers) in rows {
        for (i, (role, token)) in roles.iter().enumerate() {
            let got = page_status(t, &browser(t, token.as_deref()), &path).await;
            assert_eq!(got, expected[i], "page {path} as {role:?}");
        }
        let got = page_status(t, &session_browser(t, &w.person), &path).await;
        assert_eq!(got, hers, "page {path} as her");
    }
}

/// Proofs (issue 16) against every role: a structure's profile is read by its members and the
/// operator and edited by its admins only; a domiciliation or a hosting certificate is given by
/// a member of a structure that follows her; another structure, a mediation structure, the
/// operator and the person herself get the same answer as for a missing id or are refused.
#[tokio::test]
async fn proofs_against_every_role() {
    let w = World::new().await;
    let t = &w.t;
    let (member, _, _) = t.professional(&w.p1, &w.s1, "member").await;
    let profile = json!({
        "category": "ccas", "shelter": "chu", "postal_address": "1 place de la Mairie\n93100 Montreuil",
        "manager_name": "Claire Martin", "manager_function": "Directrice"
    });
    let r = t
        .call(
            "PUT",
            &format!("/api/v1/structures/{}/profile", w.s1),
            Some(&w.p1),
            Some(&profile),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let decision = json!({"kind": "first", "decision_on": date_in_days(t, 0), "granted": true});
    let hosted = json!({"since": date_in_days(t, -10)});
    let missing = "00000000-0000-4000-8000-000000000000";
    // (method, path, body, expected for [admin, member, other structure, mediation,
    //  platform, the person, anonymous]).
    let rows: [(&str, &str, Option<&serde_json::Value>, [u16; 7]); 5] = [
        (
            "GET",
            "/api/v1/structures/{sid}/profile",
            None,
            [OK, OK, NF, NF, OK, NF, NA],
        ),
        (
            "PUT",
            "/api/v1/structures/{sid}/profile",
            Some(&profile),
            [OK, FB, NF, NF, FB, NF, NA],
        ),
        (
            "POST",
            "/api/v1/structures/{sid}/people/{bid}/domiciliations",
            Some(&decision),
            [201, 201, NF, NF, FB, NF, NA],
        ),
        (
            "GET",
            "/api/v1/structures/{sid}/people/{bid}/domiciliations",
            None,
            [OK, OK, NF, NF, NF, OK, NA],
        ),
        (
            "POST",
            "/api/v1/structures/{sid}/people/{bid}/hosting-certificates",
            Some(&hosted),
            [201, 201, NF, NF, FB, NF, NA],
        ),
    ];
    let roles: [(&str, Option<&str>); 7] = [
        ("structure admin", Some(&w.p1)),
        ("structure member", Some(&member)),
        ("other structure", Some(&w.p2)),
        ("mediation", Some(&w.pm)),
        ("platform admin", Some(&w.admin)),
        ("the person", Some(&w.person)),
        ("anonymous", None),
    ];
    let fill = |path: &str, sid: &str, bid: &str| path.replace("{sid}", sid).replace("{bid}", bid);
    for (method, path, body, expected) in rows {
        for (i, (role, token)) in roles.iter().enumerate() {
            let r = t
                .call(method, &fill(path, &w.s1, &w.bid), *token, body)
                .await;
            assert_eq!(
                r.status.as_u16(),
                expected[i],
                "{method} {path} as {role}: {}",
                r.text
            );
            if expected[i] == NF && path.contains("{bid}") {
                let m = t
                    .call(method, &fill(path, &w.s1, missing), *token, body)
                    .await;
                assert_eq!(
                    (m.status, m.text.clone()),
                    (r.status, r.text.clone()),
                    "{method} {path} as {role} differs from a missing person"
                );
            }
        }
    }
}

/// The certification log's public side (issue 16): the signed head, consistency proofs and the
/// verification page answer every role alike, with or without a session.
#[tokio::test]
async fn the_transparency_endpoints_and_the_verify_page_are_public() {
    let w = World::new().await;
    let t = &w.t;
    for (role, token) in [
        ("the person", Some(w.person.clone())),
        ("professional", Some(w.p1.clone())),
        ("mediation", Some(w.pm.clone())),
        ("platform admin", Some(w.admin.clone())),
        ("anonymous", None),
    ] {
        let r = t.get("/api/v1/transparency/head", token.as_deref()).await;
        assert_eq!(r.status, StatusCode::OK, "head as {role}: {}", r.text);
        let r = t
            .get(
                "/api/v1/transparency/consistency?first=1&second=1",
                token.as_deref(),
            )
            .await;
        // The log of a fresh world holds no leaf: 1 is past its newest head.
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "consistency as {role}");
        let client = browser(t, token.as_deref());
        assert_eq!(
            page_status(t, &client, "/verify").await,
            OK,
            "/verify as {role}"
        );
    }
}

/// Revoking a share link (issue 16) against every role: she revokes hers, a professional of
/// the relais it is shared with only those he made (403 on hers), anyone else the same 404 as
/// a missing link.
#[tokio::test]
async fn revoking_a_share_link_against_every_role() {
    let w = World::new().await;
    let t = &w.t;
    let shared = w
        .shared_document(&w.s1, jpeg(16, 16), "a.jpg", "Partagé")
        .await;
    let r = t
        .upload(&w.person, &w.bid, jpeg(16, 16), "b.jpg", Some("Privé"))
        .await;
    let private = r.json()["id"].as_str().unwrap().to_owned();
    let link = |doc: String, token: String| async move {
        let r = t
            .post(
                &format!("/api/v1/documents/{doc}/links"),
                Some(&token),
                json!({"expires_in_minutes": 60, "her_consent": true}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        r.json()["id"].as_str().unwrap().to_owned()
    };
    let hers = link(shared.clone(), w.person.clone()).await;
    let hers_private = link(private.clone(), w.person.clone()).await;
    let his = link(shared.clone(), w.p1.clone()).await;
    let missing = "00000000-0000-4000-8000-000000000000";
    let rows: [(&str, Option<&str>, &str, u16); 7] = [
        ("shared, hers", Some(&w.p1), &hers, FB),
        ("unshared", Some(&w.p1), &hers_private, NF),
        ("stranger", Some(&w.p2), &hers, NF),
        ("mediation", Some(&w.pm), &hers, NF),
        ("platform", Some(&w.admin), &hers, NF),
        ("anonymous", None, &hers, NA),
        ("shared, his", Some(&w.p1), &his, 204),
    ];
    for (role, token, id, expected) in rows {
        let r = t.delete(&format!("/api/v1/links/{id}"), token).await;
        assert_eq!(r.status.as_u16(), expected, "{role}: {}", r.text);
        if expected == NF {
            let m = t.delete(&format!("/api/v1/links/{missing}"), token).await;
            assert_eq!((m.status, m.text), (r.status, r.text), "{role}");
        }
    }
    for id in [&hers, &hers_private] {
        let r = t
            .delete(&format!("/api/v1/links/{id}"), Some(&w.person))
            .await;
        assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    }
}

/// Structure news (issue 17) against every role: its members post, list and remove; she
/// reads and hides what was posted to her; another structure, a mediation structure, the
/// operator and anyone else get the answer of a missing id or are refused.
#[tokio::test]
async fn news_against_every_role() {
    let w = World::new().await;
    let t = &w.t;
    let (member, _, _) = t.professional(&w.p1, &w.s1, "member").await;
    let r = t
        .post(
            &format!("/api/v1/structures/{}/news", w.s1),
            Some(&w.p1),
            json!({"text": "Fermé lundi"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let nid = r.json()["id"].as_str().unwrap().to_owned();
    let post = json!({"text": "Atelier jeudi"});
    let missing = "00000000-0000-4000-8000-000000000000";
    // (method, path, body, expected for [admin, member, other structure, mediation,
    //  platform, the person, anonymous]); the person's dismissal last, as it works once.
    let rows: [(&str, &str, Option<&serde_json::Value>, [u16; 7]); 5] = [
        (
            "GET",
            "/api/v1/structures/{sid}/news",
            None,
            [OK, OK, NF, NF, FB, NF, NA],
        ),
        (
            "POST",
            "/api/v1/structures/{sid}/news",
            Some(&post),
            [201, 201, NF, NF, FB, NF, NA],
        ),
        (
            "DELETE",
            "/api/v1/structures/{sid}/news/{missing}",
            None,
            [NF, NF, NF, NF, FB, NF, NA],
        ),
        (
            "GET",
            "/api/v1/beneficiaries/{bid}/news",
            None,
            [NF, NF, NF, NF, NF, OK, NA],
        ),
        (
            "POST",
            "/api/v1/beneficiaries/{bid}/news/{nid}/dismiss",
            None,
            [NF, NF, NF, NF, NF, 204, NA],
        ),
    ];
    let roles: [(&str, Option<&str>); 7] = [
        ("structure admin", Some(&w.p1)),
        ("structure member", Some(&member)),
        ("other structure", Some(&w.p2)),
        ("mediation", Some(&w.pm)),
        ("platform admin", Some(&w.admin)),
        ("the person", Some(&w.person)),
        ("anonymous", None),
    ];
    let fill = |path: &str| {
        path.replace("{sid}", &w.s1)
            .replace("{bid}", &w.bid)
            .replace("{nid}", &nid)
            .replace("{missing}", missing)
    };
    for (method, path, body, expected) in rows {
        for (i, (role, token)) in roles.iter().enumerate() {
            let r = t.call(method, &fill(path), *token, body).await;
            assert_eq!(
                r.status.as_u16(),
                expected[i],
                "{method} {path} as {role}: {}",
                r.text
            );
        }
    }
    // The pages: the structure's news page, her "hide" form.
    let pages: [(&str, [u16; 7]); 1] = [("/s/{sid}/news", [OK, OK, NF, NF, FB, NF, 303])];
    for (path, expected) in pages {
        for (i, (role, token)) in roles.iter().enumerate() {
            let client = browser(t, *token);
            let got = page_status(t, &client, &fill(path)).await;
            assert_eq!(got, expected[i], "page {path} as {role}");
        }
    }
}

/// Walks `rows` as [a member of her relais (p1), the person, another structure, a mediation
/// structure, the platform admin, anonymous], in `order`; only the callers of `readers` may
/// see `marker` in an answer.
async fn walk_structure_rows(
    w: &World,
    rows: &[(&str, String, Option<serde_json::Value>, [u16; 6])],
    order: [usize; 6],
    (marker, readers): (&str, &[usize]),
) {
    let tokens = [
        Some(&w.p1),
        Some(&w.person),
        Some(&w.p2),
        Some(&w.pm),
        Some(&w.admin),
        None,
    ];
    for (method, path, body, expected) in rows {
        for i in order {
            let r =
                w.t.call(method, path, tokens[i].map(String::as_str), body.as_ref())
                    .await;
            assert_eq!(
                r.status.as_u16(),
                expected[i],
                "{method} {path} as #{i}: {}",
                r.text
            );
            if !readers.contains(&i) {
                assert!(!r.text.contains(marker), "{method} {path} as #{i}");
            }
        }
    }
}

/// Messages (issue 17) against every role: [a member of her relais (p1), the person herself,
/// another structure, a mediation structure, the platform admin, anonymous]. A thread is hers
/// and her relais' team's; anyone else gets the same 404 as for a missing id, and no text.
#[tokio::test]
async fn every_message_endpoint_against_every_role() {
    let w = World::new().await;
    let t = &w.t;
    let (s1, bid) = (w.s1.as_str(), w.bid.as_str());
    let r = t
        .post(
            &format!("/api/v1/beneficiaries/{bid}/threads"),
            Some(&w.person),
            json!({"structure_id": s1, "text": "TEXT-MARK"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let tid = r.json()["thread_id"].as_str().unwrap().to_owned();
    let rows: Vec<(&str, String, Option<serde_json::Value>, [u16; 6])> = vec![
        (
            "GET",
            format!("/api/v1/beneficiaries/{bid}/threads"),
            None,
            [NF, OK, NF, NF, NF, NA],
        ),
        (
            "POST",
            format!("/api/v1/beneficiaries/{bid}/threads"),
            Some(json!({"structure_id": s1, "text": "x"})),
            [NF, 201, NF, NF, NF, NA],
        ),
        (
            "GET",
            format!("/api/v1/structures/{s1}/threads"),
            None,
            [OK, NF, NF, NF, FB, NA],
        ),
        (
            "GET",
            format!("/api/v1/threads/{tid}/messages"),
            None,
            [OK, OK, NF, NF, NF, NA],
        ),
        (
            "POST",
            format!("/api/v1/threads/{tid}/messages"),
            Some(json!({"text": "x"})),
            [201, 201, NF, NF, NF, NA],
        ),
        (
            "POST",
            format!("/api/v1/threads/{tid}/close"),
            None,
            [FB, 204, NF, NF, NF, NA],
        ),
    ];
    // She last: her close comes after the others were refused.
    walk_structure_rows(&w, &rows, [2, 3, 4, 5, 0, 1], ("TEXT-MARK", &[0, 1])).await;
    // Pages: hers, her relais' team's, nobody else's.
    let p1 = session_browser(t, &w.p1);
    let person = session_browser(t, &w.person);
    let p2 = session_browser(t, &w.p2);
    let pm = session_browser(t, &w.pm);
    for (client, path, want) in [
        (&person, "/messages".to_owned(), 200),
        (&p1, "/messages".to_owned(), 404),
        (&person, format!("/messages/{tid}"), 200),
        (&p1, format!("/messages/{tid}"), 200),
        (&p2, format!("/messages/{tid}"), 404),
        (&pm, format!("/messages/{tid}"), 404),
        (&person, format!("/messages/{tid}/list"), 200),
        (&p1, format!("/messages/{tid}/list"), 200),
        (&p2, format!("/messages/{tid}/list"), 404),
        (&p1, format!("/s/{s1}/messages"), 200),
        (&p2, format!("/s/{s1}/messages"), 404),
        (&person, format!("/s/{s1}/messages"), 404),
    ] {
        assert_eq!(page_status(t, client, &path).await, want, "{path}");
    }
}

/// Conventions and licences (issue 18) against every role: the operator records them and
/// uploads the signed PDF; the structure's members read the licence; its admins and the
/// operator download the PDF (a member is refused); anyone else finds nothing. The operator's
/// page is hers alone.
#[tokio::test]
async fn licences_against_every_role() {
    let w = World::new().await;
    let t = &w.t;
    let s1 = &w.s1;
    let r = t
        .http
        .put(t.url(&format!("/api/v1/structures/{s1}/convention/document")))
        .bearer_auth(&w.admin)
        .header("content-type", "application/pdf")
        .body(pdf("Convention"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let licence = json!({"starts_on": "2026-01-01", "ends_on": "2026-12-31", "annual_budget_eur": 500000, "convention": {"status": "signed"}});
    let roles = structure_roles(&w, (OK, OK)).await;
    // (method, path, body, expected for the roles of `structure_roles` in order: admin,
    //  member, other structure, mediation, platform admin, the person, anonymous).
    let rows: [(&str, String, Option<&serde_json::Value>, [u16; 7]); 3] = [
        (
            "GET",
            format!("/api/v1/structures/{s1}/licence"),
            None,
            [OK, OK, NF, NF, OK, NF, NA],
        ),
        (
            "PUT",
            format!("/api/v1/structures/{s1}/licence"),
            Some(&licence),
            [FB, FB, NF, NF, OK, NF, NA],
        ),
        (
            "GET",
            format!("/api/v1/structures/{s1}/convention/document"),
            None,
            [OK, FB, NF, NF, OK, NF, NA],
        ),
    ];
    for (method, path, body, expected) in &rows {
        for (i, (role, token, _, _)) in roles.iter().enumerate() {
            let r = t.call(method, path, token.as_deref(), *body).await;
            assert_eq!(
                r.status.as_u16(),
                expected[i],
                "{method} {path} as {role}: {}",
                r.text
            );
        }
    }
    for (i, (role, token, _, _)) in roles.iter().enumerate() {
        let r = t
            .http
            .put(t.url(&format!("/api/v1/structures/{s1}/convention/document")))
            .header("content-type", "application/pdf")
            .body(pdf("Autre"));
        let r = match token {
            Some(tk) => r.bearer_auth(tk),
            None => r,
        };
        let got = r.send().await.unwrap().status().as_u16();
        assert_eq!(
            got,
            [FB, FB, NF, NF, OK, NF, NA][i],
            "PUT document as {role}"
        );
        let client = browser(t, token.as_deref());
        for page in [
            format!("/admin/structures/{s1}"),
            format!("/admin/structures/{s1}/convention/document"),
        ] {
            let got = page_status(t, &client, &page).await;
            assert_eq!(
                got,
                [NF, NF, NF, NF, OK, NF, 303][i],
                "page {page} as {role}"
            );
        }
    }
}

/// The CSV imports (issue 18, item 5) against every role: professionals by an admin of the
/// structure who holds its key or by the operator; structures by the operator only. The
/// activation is anyone's with a code, and a wrong code is a 404 for everyone.
#[tokio::test]
async fn import_endpoints_against_every_role() {
    let w = World::new().await;
    let t = &w.t;
    let (member, _, _) = t.professional(&w.p1, &w.s1, "member").await;
    // [structure admin, structure member, other structure, mediation, platform admin, the
    // person, anonymous]
    let tokens: [Option<&str>; 7] = [
        Some(&w.p1),
        Some(&member),
        Some(&w.p2),
        Some(&w.pm),
        Some(&w.admin),
        Some(&w.person),
        None,
    ];
    let rows: [(&str, [u16; 7]); 2] = [
        (
            "/api/v1/structures/{sid}/professionals/import",
            [OK, FB, NF, NF, OK, NF, NA],
        ),
        ("/api/v1/structures/import", [FB, FB, FB, FB, OK, NF, NA]),
    ];
    for (path, wants) in rows {
        for (i, (token, want)) in tokens.iter().zip(wants).enumerate() {
            let csv = if path.contains("professionals") {
                format!(
                    "display_name,email,role\nA,{}@import.example,member\n",
                    unique("m")
                )
            } else {
                format!(
                    "name,kind,city,annual_budget_eur\n{},relay,Lyon,\n",
                    unique("S")
                )
            };
            let mut req = t
                .http
                .post(t.url(&path.replace("{sid}", &w.s1)))
                .header("content-type", "text/csv")
                .body(csv);
            if let Some(tok) = token {
                req = req.bearer_auth(tok);
            }
            let r = t.send(req).await;
            assert_eq!(r.status.as_u16(), want, "{path} role {i}: {}", r.text);
        }
    }
    for token in tokens {
        let r = t
            .post(
                "/api/v1/auth/activate",
                token,
                json!({"code": "0".repeat(64), "password": STAFF_PASSWORD}),
            )
            .await;
        assert_eq!(r.status.as_u16(), NF, "{}", r.text);
    }
}

/// The operator's operations (issue 18, item 6) against every role: the jobs dashboard, the
/// feature switches (API and pages) and the licence filter are the platform admin's; anyone
/// else finds nothing (404), anonymous is asked to log in (401, or 303 to the login page).
#[tokio::test]
async fn operations_against_every_role() {
    let w = World::new().await;
    let t = &w.t;
    let roles = structure_roles(&w, (OK, OK)).await;
    for (role, token, api, _) in roles {
        let (read, page) = match role {
            "platform admin" => (OK, OK),
            "anonymous" => (api, 303),
            _ => (NF, NF),
        };
        for path in ["admin/jobs/summary", "admin/features"] {
            let r = t.get(&format!("/api/v1/{path}"), token.as_deref()).await;
            assert_eq!(r.status.as_u16(), read, "{path} as {role}: {}", r.text);
        }
        let r = t
            .call(
                "PUT",
                "/api/v1/admin/features/kit",
                token.as_deref(),
                Some(&json!({"enabled": true, "structure_id": w.s2})),
            )
            .await;
        assert_eq!(
            r.status.as_u16(),
            read,
            "PUT features as {role}: {}",
            r.text
        );
        let client = browser(t, token.as_deref());
        for path in ["/admin/jobs", "/admin/features", "/admin?state=ending"] {
            let got = page_status(t, &client, path).await;
            assert_eq!(got, page, "page {path} as {role}");
        }
    }
}

/// Partner software (issue 18, item 4) against every role, and a partner token of s1 as a
/// role of its own: its admins register, list and revoke clients; members of a structure that
/// follows a person set and find her external id; the operator is refused; a token may
/// manage no client (403 `insufficient_scope`) and acts within its structure as a member.
#[tokio::test]
async fn partner_endpoints_against_every_role() {
    let w = World::new().await;
    let t = &w.t;
    let (member, _, _) = t.professional(&w.p1, &w.s1, "member").await;
    let r = t
        .post(
            &format!("/api/v1/structures/{}/clients", w.s1),
            Some(&w.p1),
            json!({"name": "Outil", "scopes": ["safes:create", "documents:write", "shared:read"]}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let (id, secret) = (
        r.json()["client_id"].as_str().unwrap().to_owned(),
        r.json()["client_secret"].as_str().unwrap().to_owned(),
    );
    let r = t
        .send(
            t.http
                .post(t.url("/oauth/token"))
                .basic_auth(&id, Some(&secret))
                .form(&[("grant_type", "client_credentials")]),
        )
        .await;
    let partner = r.json()["access_token"].as_str().unwrap().to_owned();
    // [structure admin, structure member, other structure, mediation, platform admin, the
    // person, anonymous, partner token of s1]
    let tokens: [Option<&str>; 8] = [
        Some(&w.p1),
        Some(&member),
        Some(&w.p2),
        Some(&w.pm),
        Some(&w.admin),
        Some(&w.person),
        None,
        Some(&partner),
    ];
    const NC: u16 = 204;
    const CR: u16 = 201;
    let rows: [(&str, &str, Option<serde_json::Value>, [u16; 8]); 5] = [
        (
            "POST",
            "/api/v1/structures/{sid}/clients",
            Some(json!({"name": "Autre", "scopes": ["shared:read"]})),
            [CR, FB, NF, NF, FB, NF, NA, FB],
        ),
        (
            "GET",
            "/api/v1/structures/{sid}/clients",
            None,
            [OK, FB, NF, NF, FB, NF, NA, FB],
        ),
        (
            "DELETE",
            "/api/v1/structures/{sid}/clients/00000000-0000-4000-8000-000000000000",
            None,
            [NF, FB, NF, NF, FB, NF, NA, FB],
        ),
        (
            "PUT",
            "/api/v1/structures/{sid}/beneficiaries/{bid}/external-id",
            Some(json!({"external_id": "M-1"})),
            [NC, NC, NF, NF, FB, NF, NA, NC],
        ),
        (
            "GET",
            "/api/v1/structures/{sid}/external-ids/nobody",
            None,
            [NF, NF, NF, NF, FB, NF, NA, NF],
        ),
    ];
    for (method, path, body, wants) in rows {
        let path = path.replace("{sid}", &w.s1).replace("{bid}", &w.bid);
        for (i, (token, want)) in tokens.iter().zip(wants).enumerate() {
            let r = t.call(method, &path, *token, body.as_ref()).await;
            assert_eq!(
                r.status.as_u16(),
                want,
                "{method} {path} role {i}: {}",
                r.text
            );
        }
    }
    let r = t
        .get(
            &format!("/api/v1/structures/{}/external-ids/M-1", w.s1),
            Some(&partner),
        )
        .await;
    assert_eq!(r.json()["beneficiary_id"], w.bid.as_str(), "{}", r.text);
}
