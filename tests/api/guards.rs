//! Every state-changing page route, walked as a table: without a token, with a wrong token and
//! from another kind of session (or none), each post is refused before the handler runs, and
//! nothing in the database changes. The table is checked against the routes the page modules
//! declare, so a new `POST` route cannot be left out of it.

use crate::helpers::*;
use crate::pages::{browser, csrf_of, logged_in, staff_logged_in};
use reqwest::StatusCode;
use serde_json::json;
use std::collections::BTreeSet;

/// Who a route admits (the page's role extractor).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Who {
    /// Anyone, with the anonymous CSRF cookie (login, recovery, language).
    Anyone,
    /// Any session at all; a signed-out visitor is not asked for a token (logging out).
    Leaving,
    /// A session waiting for its second factor's code.
    Pending,
    /// Any session, at any step (enrolling the second factor).
    Signed,
    /// A person on her safe.
    Person,
    /// A professional.
    Pro,
    /// The platform's operator.
    Admin,
    /// A professional or the operator.
    Staff,
    /// Any complete session.
    Account,
    /// A person on her safe or a professional (who reads items).
    Reader,
}

/// A caller: a browser (its cookies) and the token its pages carry.
struct Caller {
    name: &'static str,
    client: reqwest::Client,
    token: String,
}

async fn caller(t: &TestApp, name: &'static str, client: reqwest::Client, page: &str) -> Caller {
    let r = client.get(t.url(page)).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK, "{name} reads {page}");
    let token = csrf_of(&r.text().await.unwrap());
    Caller {
        name,
        client,
        token,
    }
}

/// What `/api/v1/...` answered with: the new item's id.
async fn created(t: &TestApp, path: &str, token: &str, body: serde_json::Value) -> String {
    let r = t.post(path, Some(token), body).await;
    assert_eq!(r.status, StatusCode::CREATED, "{path}: {}", r.text);
    r.json()["id"].as_str().unwrap().to_owned()
}

/// Every row of every table, as text: equal before and after means nothing was written.
async fn fingerprint(t: &TestApp) -> Vec<String> {
    let postgres = on_postgres();
    t.app
        .db
        .read(move |sql| -> consigne::store::StoreResult<Vec<String>> {
            let tables = if postgres {
                "SELECT table_name FROM information_schema.tables \
                 WHERE table_schema = current_schema() ORDER BY 1"
            } else {
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1"
            };
            let mut out = Vec::new();
            for table in sql.query(tables, &[])? {
                let table = table.text(0)?;
                let mut rows: Vec<String> = sql
                    .query(&format!("SELECT * FROM {table}"), &[])?
                    .into_iter()
                    .map(|r| format!("{table}: {:?}", r.values()))
                    .collect();
                rows.sort();
                out.extend(rows);
            }
            Ok(out)
        })
        .await
        .unwrap()
}

/// The fields a form of this route would carry, so that only the guard can stop it.
fn fields(w: &World) -> Vec<(&'static str, String)> {
    [
        ("name", "Garde"),
        ("title", "Garde"),
        ("body", "texte"),
        ("date", "2027-01-02"),
        ("language", "en"),
        ("phone", "06 11 22 33 44"),
        ("enabled", "0"),
        ("identifier", w.identifier.as_str()),
        ("password", PERSON_PASSWORD),
        ("current_password", PERSON_PASSWORD),
        ("new_password", "une toute autre phrase de passe"),
        ("first_name", "Inès"),
        ("last_name", "Garde"),
        ("birth_date", "1990-01-01"),
        ("recovery_relay", "no"),
        ("consent", "yes"),
        ("email", "garde@structure.example"),
        ("display_name", "Garde"),
        ("role", "member"),
        ("code", "123456"),
        ("kind", "relay"),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_owned()))
    .collect()
}

/// Posts the route's form (or upload) with `token` (none: no `_csrf` field at all).
async fn post(
    w: &World,
    c: &Caller,
    path: &str,
    multipart: bool,
    token: Option<&str>,
) -> (StatusCode, String, String) {
    let req = c.client.post(w.t.url(path));
    let req = if multipart {
        let mut form = reqwest::multipart::Form::new();
        if let Some(token) = token {
            form = form.text("_csrf", token.to_owned());
        }
        form = form.text("name", "Garde").part(
            "file",
            reqwest::multipart::Part::bytes(jpeg(16, 16)).file_name("garde.jpg"),
        );
        req.multipart(form)
    } else {
        let mut form = fields(w);
        if let Some(token) = token {
            form.insert(0, ("_csrf", token.to_owned()));
        }
        req.form(&form)
    };
    let r = req.send().await.unwrap();
    let status = r.status();
    let location = r
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, location, r.text().await.unwrap())
}

/// The routes the page modules declare with `post(...)`, with `{p}` expanded to each kind of
/// item: read from the source, so that a route added there and not here fails the test.
fn declared_post_routes() -> BTreeSet<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web/pages");
    let mut out = BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for call in text.split(".route(").skip(1) {
            // The call's arguments: up to the parenthesis that closes it.
            let mut depth = 1;
            let end = call
                .char_indices()
                .find(|(_, ch)| {
                    match ch {
                        '(' => depth += 1,
                        ')' => depth -= 1,
                        _ => {}
                    }
                    depth == 0
                })
                .map_or(call.len(), |(i, _)| i);
            let args = &call[..end];
            if !args.contains("post(") {
                continue;
            }
            let path = args
                .split('"')
                .nth(1)
                .unwrap()
                .replace("{{", "{")
                .replace("}}", "}");
            if path.contains("{p}") {
                for p in ["contacts", "notes", "events"] {
                    out.insert(path.replace("{p}", p));
                }
            } else {
                out.insert(path);
            }
        }
    }
    out
}

#[tokio::test]
async fn every_state_changing_page_refuses_a_missing_or_wrong_token_and_other_sessions() {
    // No job worker: a job claimed during the walk would be a write no post made.
    let w = World::with(|c| c.jobs.run_in_serve = false).await;
    let t = &w.t;
    // Real things to act on, so that only the guard stands between a post and a change.
    let doc = created_document(&w).await;
    let mut items = Vec::new();
    for (kind, body) in [
        ("contacts", json!({"name": "Assistante sociale"})),
        ("notes", json!({"title": "Code", "body": "1234"})),
        (
            "events",
            json!({"title": "CAF", "starts_at": "2027-01-02T09:00:00Z"}),
        ),
    ] {
        let path = format!("/api/v1/beneficiaries/{}/{kind}", w.bid);
        items.push((kind, created(t, &path, &w.person, body).await));
    }
    let simulation = created(
        t,
        &format!("/api/v1/beneficiaries/{}/simulations", w.bid),
        &w.person,
        json!({"month": "2026-05", "nationality": "fr", "housing": {"kind": "homeless"}}),
    )
    .await;
    let procedure = created(
        t,
        &format!("/api/v1/beneficiaries/{}/procedures", w.bid),
        &w.p1,
        json!({"code": "rsa"}),
    )
    .await;
    // A thread of messages (issue 17).
    let r = t
        .post(
            &format!("/api/v1/beneficiaries/{}/threads", w.bid),
            Some(&w.person),
            json!({"structure_id": w.s1, "text": "Bonjour"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let thread = r.json()["thread_id"].as_str().unwrap().to_owned();
    let r = t
        .post(
            &format!("/api/v1/structures/{}/news", w.s1),
            Some(&w.p1),
            json!({"text": "Fermé lundi"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let news = r.json()["id"].as_str().unwrap().to_owned();
    let (_, admin_email, admin_secret) = t.platform_admin().await;
    let (p1_email, p1_secret) = &w.p1_login;

    let clients = [
        ("anonymous", browser(), "/login"),
        (
            "person",
            logged_in(t, &w.identifier, PERSON_PASSWORD).await,
            "/settings",
        ),
        (
            "professional",
            staff_logged_in(t, p1_email, p1_secret).await,
            "/settings",
        ),
        (
            "platform admin",
            staff_logged_in(t, &admin_email, &admin_secret).await,
            "/settings",
        ),
        (
            "pending second factor",
            logged_in(t, p1_email, STAFF_PASSWORD).await,
            "/login/totp",
        ),
    ];
    let mut callers = Vec::new();
    for (name, client, page) in clients {
        callers.push(caller(t, name, client, page).await);
    }
    let [anonymous, person, pro, admin, pending] = &callers[..] else {
        unreachable!()
    };

    let (s1, bid) = (w.s1.as_str(), w.bid.as_str());
    let mut table: Vec<(&str, String, Who, bool)> = vec![
        ("/login", "/login".into(), Who::Anyone, false),
        ("/recover", "/recover".into(), Who::Anyone, false),
        (
            "/recover/question",
            "/recover/question".into(),
            Who::Anyone,
            false,
        ),
        ("/terms/accept", "/terms/accept".into(), Who::Person, false),
        ("/guide/done", "/guide/done".into(), Who::Person, false),
        (
            "/settings/question",
            "/settings/question".into(),
            Who::Person,
            false,
        ),
        (
            "/settings/question/remove",
            "/settings/question/remove".into(),
            Who::Person,
            false,
        ),
        ("/language", "/language".into(), Who::Anyone, false),
        // The public verification page of certificates (issue 16): nothing stored.
        ("/verify", "/verify".into(), Who::Anyone, true),
        ("/logout", "/logout".into(), Who::Leaving, false),
        ("/login/totp", "/login/totp".into(), Who::Pending, false),
        ("/totp/enroll", "/totp/enroll".into(), Who::Signed, false),
        (
            "/totp/enroll/new",
            "/totp/enroll/new".into(),
            Who::Signed,
            false,
        ),
        (
            "/admin/structures",
            "/admin/structures".into(),
            Who::Admin,
            false,
        ),
        // A structure's convention and licence (issue 18): the operator's forms.
        (
            "/admin/structures/{sid}/licence",
            format!("/admin/structures/{s1}/licence"),
            Who::Admin,
            false,
        ),
        (
            "/admin/structures/{sid}/convention/document",
            format!("/admin/structures/{s1}/convention/document"),
            Who::Admin,
            true,
        ),
        (
            "/pro/s/{sid}/open",
            format!("/pro/s/{s1}/open"),
            Who::Pro,
            false,
        ),
        (
            "/pro/s/{sid}/invite",
            format!("/pro/s/{s1}/invite"),
            Who::Pro,
            false,
        ),
        ("/s/{sid}/team", format!("/s/{s1}/team"), Who::Staff, false),
        (
            "/s/{sid}/team/import",
            format!("/s/{s1}/team/import"),
            Who::Staff,
            true,
        ),
        (
            "/s/{sid}/team/import/confirm",
            format!("/s/{s1}/team/import/confirm"),
            Who::Staff,
            false,
        ),
        (
            "/admin/structures/import",
            "/admin/structures/import".into(),
            Who::Admin,
            true,
        ),
        // The operator's jobs dashboard and feature switches (issue 18, item 6).
        (
            "/admin/jobs/{id}/retry",
            "/admin/jobs/0123456789abcdef0123456789abcdef/retry".into(),
            Who::Admin,
            false,
        ),
        (
            "/admin/features/{feature}",
            "/admin/features/news".into(),
            Who::Admin,
            false,
        ),
        (
            "/admin/structures/import/confirm",
            "/admin/structures/import/confirm".into(),
            Who::Admin,
            false,
        ),
        ("/activate", "/activate".into(), Who::Anyone, false),
        (
            "/s/{sid}/team/{pid}/approve",
            format!("/s/{s1}/team/pro-x/approve"),
            Who::Staff,
            false,
        ),
        (
            "/s/{sid}/team/{pid}/deactivate",
            format!("/s/{s1}/team/pro-x/deactivate"),
            Who::Staff,
            false,
        ),
        (
            "/s/{sid}/phone",
            format!("/s/{s1}/phone"),
            Who::Staff,
            false,
        ),
        // Partner software (issue 18): a professional (the service keeps it to admins).
        (
            "/s/{sid}/clients",
            format!("/s/{s1}/clients"),
            Who::Pro,
            false,
        ),
        (
            "/s/{sid}/clients/{cid}/revoke",
            format!("/s/{s1}/clients/nope/revoke"),
            Who::Pro,
            false,
        ),
        // The monthly SMS budget (issue 18): a professional (the service keeps it to admins).
        (
            "/s/{sid}/usage/budget",
            format!("/s/{s1}/usage/budget"),
            Who::Pro,
            false,
        ),
        (
            "/documents/upload",
            "/documents/upload".into(),
            Who::Person,
            true,
        ),
        (
            "/documents/scan",
            "/documents/scan".into(),
            Who::Person,
            true,
        ),
        (
            "/documents/scan/{draft}/pages",
            format!("/documents/scan/{DRAFT}/pages"),
            Who::Person,
            false,
        ),
        (
            "/documents/scan/{draft}/save",
            format!("/documents/scan/{DRAFT}/save"),
            Who::Person,
            false,
        ),
        (
            "/documents/scan/{draft}/cancel",
            format!("/documents/scan/{DRAFT}/cancel"),
            Who::Person,
            false,
        ),
        (
            "/documents/{id}/edit",
            format!("/documents/{doc}/edit"),
            Who::Person,
            false,
        ),
        (
            "/documents/{id}/shares",
            format!("/documents/{doc}/shares"),
            Who::Person,
            false,
        ),
        (
            "/documents/{id}/delete",
            format!("/documents/{doc}/delete"),
            Who::Person,
            false,
        ),
        ("/folders", "/folders".into(), Who::Person, false),
        (
            "/folders/{id}/edit",
            "/folders/f-x/edit".into(),
            Who::Person,
            false,
        ),
        (
            "/folders/{id}/delete",
            "/folders/f-x/delete".into(),
            Who::Person,
            false,
        ),
        (
            "/pro/b/{bid}/documents",
            format!("/pro/b/{bid}/documents"),
            Who::Pro,
            true,
        ),
        (
            "/pro/b/{bid}/scan",
            format!("/pro/b/{bid}/scan"),
            Who::Pro,
            true,
        ),
        (
            "/pro/b/{bid}/documents/{id}/edit",
            format!("/pro/b/{bid}/documents/{doc}/edit"),
            Who::Pro,
            false,
        ),
        (
            "/pro/b/{bid}/documents/{id}/delete",
            format!("/pro/b/{bid}/documents/{doc}/delete"),
            Who::Pro,
            false,
        ),
        (
            "/pro/b/{bid}/scan/{draft}/pages",
            format!("/pro/b/{bid}/scan/{DRAFT}/pages"),
            Who::Pro,
            false,
        ),
        (
            "/pro/b/{bid}/scan/{draft}/save",
            format!("/pro/b/{bid}/scan/{DRAFT}/save"),
            Who::Pro,
            false,
        ),
        (
            "/pro/b/{bid}/scan/{draft}/cancel",
            format!("/pro/b/{bid}/scan/{DRAFT}/cancel"),
            Who::Pro,
            false,
        ),
        (
            "/calendar-feed",
            "/calendar-feed".into(),
            Who::Person,
            false,
        ),
        (
            "/calendar-feed/revoke",
            "/calendar-feed/revoke".into(),
            Who::Person,
            false,
        ),
        // Share links (issue 16): made and revoked by her or a professional; the link's copy
        // asked with its PIN by anyone.
        (
            "/documents/{id}/links",
            format!("/documents/{doc}/links"),
            Who::Reader,
            false,
        ),
        (
            "/links/{id}/revoke",
            "/links/l-x/revoke".into(),
            Who::Reader,
            false,
        ),
        (
            "/s/{token}/content",
            "/s/t-x/content".into(),
            Who::Anyone,
            false,
        ),
        // Messages (issue 17): she writes to a relais; she or its team in a thread.
        ("/messages", "/messages".into(), Who::Person, false),
        (
            "/messages/{tid}",
            format!("/messages/{thread}"),
            Who::Reader,
            true,
        ),
        (
            "/messages/{tid}/close",
            format!("/messages/{thread}/close"),
            Who::Person,
            false,
        ),
        (
            "/relays/{sid}/leave",
            format!("/relays/{s1}/leave"),
            Who::Person,
            false,
        ),
        (
            "/relays/{sid}/recovery",
            format!("/relays/{s1}/recovery"),
            Who::Person,
            false,
        ),
        (
            "/invitations/{iid}/accept",
            "/invitations/inv-x/accept".into(),
            Who::Person,
            false,
        ),
        (
            "/invitations/{iid}/decline",
            "/invitations/inv-x/decline".into(),
            Who::Person,
            false,
        ),
        (
            "/settings/password",
            "/settings/password".into(),
            Who::Account,
            false,
        ),
        (
            "/account/delete",
            "/account/delete".into(),
            Who::Person,
            false,
        ),
        (
            "/pro/b/{bid}/reset",
            format!("/pro/b/{bid}/reset"),
            Who::Pro,
            false,
        ),
        (
            "/pro/b/{bid}/phone",
            format!("/pro/b/{bid}/phone"),
            Who::Pro,
            false,
        ),
        (
            "/pro/resets/{id}/confirm",
            "/pro/resets/r-x/confirm".into(),
            Who::Pro,
            false,
        ),
        (
            "/pro/resets/{id}/cancel",
            "/pro/resets/r-x/cancel".into(),
            Who::Pro,
            false,
        ),
        (
            "/resets/{id}/cancel",
            "/resets/r-x/cancel".into(),
            Who::Person,
            false,
        ),
        (
            "/recovery-sheet",
            "/recovery-sheet".into(),
            Who::Person,
            false,
        ),
        ("/phone", "/phone".into(), Who::Person, false),
        (
            "/pro/b/{bid}/dossier/{sid}/situation",
            format!("/pro/b/{bid}/dossier/{s1}/situation"),
            Who::Pro,
            false,
        ),
        (
            "/pro/b/{bid}/dossier/{sid}/referent",
            format!("/pro/b/{bid}/dossier/{s1}/referent"),
            Who::Pro,
            false,
        ),
        (
            "/pro/b/{bid}/followups",
            format!("/pro/b/{bid}/followups"),
            Who::Pro,
            false,
        ),
        (
            "/pro/b/{bid}/followups/{fid}/status",
            format!("/pro/b/{bid}/followups/00000000-0000-4000-8000-000000000000/status"),
            Who::Pro,
            false,
        ),
        (
            "/pro/b/{bid}/followups/{fid}/delete",
            format!("/pro/b/{bid}/followups/00000000-0000-4000-8000-000000000000/delete"),
            Who::Pro,
            false,
        ),
        (
            "/pro/b/{bid}/subjects",
            format!("/pro/b/{bid}/subjects"),
            Who::Pro,
            false,
        ),
        ("/family/ask", "/family/ask".into(), Who::Person, false),
        (
            "/family/links/{lid}/accept",
            "/family/links/l-x/accept".into(),
            Who::Person,
            false,
        ),
        (
            "/family/links/{lid}/remove",
            "/family/links/l-x/remove".into(),
            Who::Person,
            false,
        ),
        (
            "/family/dependants",
            "/family/dependants".into(),
            Who::Person,
            false,
        ),
        (
            "/family/dependants/{did}/delete",
            "/family/dependants/d-x/delete".into(),
            Who::Person,
            false,
        ),
        (
            "/family/dependants/{did}/share",
            "/family/dependants/d-x/share".into(),
            Who::Person,
            false,
        ),
        (
            "/pro/b/{bid}/family/propose",
            format!("/pro/b/{bid}/family/propose"),
            Who::Pro,
            false,
        ),
        // Procedures (issue 15).
        ("/procedures", "/procedures".into(), Who::Person, false),
        (
            "/procedures/{id}",
            format!("/procedures/{procedure}"),
            Who::Person,
            false,
        ),
        (
            "/procedures/{id}/shares",
            format!("/procedures/{procedure}/shares"),
            Who::Person,
            false,
        ),
        (
            "/pro/b/{bid}/procedures",
            format!("/pro/b/{bid}/procedures"),
            Who::Pro,
            false,
        ),
        (
            "/pro/b/{bid}/procedures/{id}",
            format!("/pro/b/{bid}/procedures/{procedure}"),
            Who::Pro,
            false,
        ),
        (
            "/procedures/{id}/file",
            format!("/procedures/{procedure}/file"),
            Who::Person,
            false,
        ),
        (
            "/pro/b/{bid}/procedures/{id}/file",
            format!("/pro/b/{bid}/procedures/{procedure}/file"),
            Who::Pro,
            false,
        ),
        // Benefit simulations (issue 15).
        ("/rights", "/rights".into(), Who::Person, false),
        (
            "/rights/{id}/shares",
            format!("/rights/{simulation}/shares"),
            Who::Person,
            false,
        ),
        (
            "/pro/b/{bid}/rights",
            format!("/pro/b/{bid}/rights"),
            Who::Pro,
            false,
        ),
        // Proofs (issue 16).
        (
            "/s/{sid}/profile",
            format!("/s/{s1}/profile"),
            Who::Staff,
            false,
        ),
        (
            "/s/{sid}/profile/logo",
            format!("/s/{s1}/profile/logo"),
            Who::Staff,
            true,
        ),
        (
            "/s/{sid}/profile/logo/delete",
            format!("/s/{s1}/profile/logo/delete"),
            Who::Staff,
            false,
        ),
        (
            "/pro/b/{bid}/domiciliation",
            format!("/pro/b/{bid}/domiciliation"),
            Who::Pro,
            false,
        ),
        (
            "/pro/b/{bid}/hosting-certificate",
            format!("/pro/b/{bid}/hosting-certificate"),
            Who::Pro,
            false,
        ),
        // Structure news (issue 17): its members post and remove; she hides one.
        ("/s/{sid}/news", format!("/s/{s1}/news"), Who::Staff, false),
        (
            "/s/{sid}/news/{nid}/delete",
            format!("/s/{s1}/news/{news}/delete"),
            Who::Staff,
            false,
        ),
        (
            "/news/{nid}/dismiss",
            format!("/news/{news}/dismiss"),
            Who::Person,
            false,
        ),
    ];
    // The three kinds of item share their routes.
    let item_routes: Vec<(String, String, Who)> = items
        .iter()
        .flat_map(|(kind, id)| {
            [
                (format!("/{kind}"), format!("/{kind}"), Who::Person),
                (
                    format!("/{kind}/{{id}}/edit"),
                    format!("/{kind}/{id}/edit"),
                    Who::Person,
                ),
                (
                    format!("/{kind}/{{id}}/shares"),
                    format!("/{kind}/{id}/shares"),
                    Who::Person,
                ),
                (
                    format!("/{kind}/{{id}}/delete"),
                    format!("/{kind}/{id}/delete"),
                    Who::Person,
                ),
                (
                    format!("/pro/b/{{bid}}/{kind}"),
                    format!("/pro/b/{bid}/{kind}"),
                    Who::Pro,
                ),
            ]
        })
        .collect();
    table.extend(
        item_routes
            .iter()
            .map(|(pattern, path, who)| (pattern.as_str(), path.clone(), *who, false)),
    );
    let listed: BTreeSet<String> = table.iter().map(|(p, ..)| (*p).to_owned()).collect();
    assert_eq!(
        listed,
        declared_post_routes(),
        "the table lists every POST route of the pages, and only those"
    );

    // Each session seen once more now: its once-a-minute touch is not one of the posts' writes.
    for c in [&person, &pro, &admin, &pending] {
        let r = c.client.get(t.url("/login")).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", c.name);
    }
    let before = fingerprint(t).await;
    let mut checked = 0;
    for (pattern, path, who, multipart) in &table {
        // The caller the route admits, and the valid token of someone else.
        let (rightful, others): (&Caller, Vec<(&Caller, StatusCode, &str)>) = match who {
            Who::Anyone => (anonymous, vec![]),
            Who::Leaving => (person, vec![]),
            Who::Signed => (person, vec![(anonymous, StatusCode::SEE_OTHER, "/login")]),
            Who::Account => (
                person,
                vec![
                    (anonymous, StatusCode::SEE_OTHER, "/login"),
                    (pending, StatusCode::SEE_OTHER, "/login/totp"),
                ],
            ),
            Who::Pending => (
                pending,
                vec![
                    (anonymous, StatusCode::SEE_OTHER, "/login"),
                    (person, StatusCode::SEE_OTHER, "/login"),
                ],
            ),
            Who::Person | Who::Pro | Who::Admin | Who::Staff | Who::Reader => {
                let rightful = match who {
                    Who::Person | Who::Reader => person,
                    Who::Pro | Who::Staff => pro,
                    _ => admin,
                };
                let mut others = vec![
                    (anonymous, StatusCode::SEE_OTHER, "/login"),
                    (pending, StatusCode::SEE_OTHER, "/login/totp"),
                ];
                for (c, admitted) in [
                    (person, matches!(who, Who::Person | Who::Reader)),
                    (pro, matches!(who, Who::Pro | Who::Staff | Who::Reader)),
                    (admin, matches!(who, Who::Admin | Who::Staff)),
                ] {
                    if !admitted {
                        others.push((c, StatusCode::NOT_FOUND, ""));
                    }
                }
                (rightful, others)
            }
        };
        let wrong = if rightful.token == person.token {
            &pro.token
        } else {
            &person.token
        };
        let wrong = if *who == Who::Anyone {
            "0123456789abcdef0123456789abcdef"
        } else {
            wrong.as_str()
        };
        for token in [None, Some(wrong)] {
            let (status, _, body) = post(&w, rightful, path, *multipart, token).await;
            assert_eq!(
                status,
                StatusCode::FORBIDDEN,
                "{pattern} as {} with token {token:?}: {body}",
                rightful.name
            );
            assert!(
                body.contains("formulaire a expiré") || body.contains("form has expired"),
                "{pattern} as {}: refused by the guard, not further on: {body}",
                rightful.name
            );
            checked += 1;
        }
        for (other, status_expected, location_expected) in others {
            let (status, location, body) =
                post(&w, other, path, *multipart, Some(&other.token)).await;
            assert_eq!(
                (status, location.as_str()),
                (status_expected, location_expected),
                "{pattern} as {} with its own token: {body}",
                other.name
            );
            checked += 1;
        }
        assert_eq!(
            fingerprint(t).await,
            before,
            "{pattern}: refused posts change nothing"
        );
    }
    assert!(checked > 150, "{checked} refusals checked");
    crate::uploads::assert_nothing_half_written(t).await;
    // The callers are still who they were: the right token still works.
    let (status, ..) = post(&w, person, "/folders", false, Some(&person.token)).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_ne!(fingerprint(t).await, before);
}

/// A scan draft's id as the pages carry it (none exists: the guard refuses before looking).
const DRAFT: &str = "0123456789abcdef0123456789abcdef";

async fn created_document(w: &World) -> String {
    let r =
        w.t.upload(&w.person, &w.bid, pdf("Bail"), "bail.pdf", None)
            .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    r.json()["id"].as_str().unwrap().to_owned()
}
