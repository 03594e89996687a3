//! The pages over plain HTTP, as a browser without JavaScript would use them: forms, CSRF,
//! headers, cookies.

use crate::helpers::*;
use reqwest::StatusCode;

/// A browser-like client: cookies kept, redirects not followed (we check them).
pub(crate) fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// A browser in which the person has logged in with the login form.
pub(crate) async fn logged_in(t: &TestApp, identifier: &str, password: &str) -> reqwest::Client {
    let c = browser();
    let (_, _, html) = page(&c, t, "/login").await;
    let (status, headers, _) = submit(
        &c,
        t,
        "/login",
        &[
            ("_csrf", &csrf_of(&html)),
            ("identifier", identifier),
            ("password", password),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    // A person's first login (issue 17): she accepts the terms and skips the guide, so that
    // the tests of everything else reach her pages.
    let mut next = headers["location"].to_str().unwrap().to_owned();
    if next == "/terms" {
        let (_, _, html) = page(&c, t, "/terms").await;
        let version = consigne::service::TERMS_VERSION;
        let form = [("_csrf", csrf_of(&html)), ("version", version.to_owned())];
        let refs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let (status, headers, _) = submit(&c, t, "/terms/accept", &refs).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        next = headers["location"].to_str().unwrap().to_owned();
    }
    if next == "/guide" {
        let (_, _, html) = page(&c, t, "/guide").await;
        let (status, _, _) = submit(&c, t, "/guide/done", &[("_csrf", &csrf_of(&html))]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
    }
    c
}

/// A browser in which a staff member has logged in: password, then a fresh TOTP code.
pub(crate) async fn staff_logged_in(
    t: &TestApp,
    email: &str,
    totp_secret: &str,
) -> reqwest::Client {
    let c = logged_in(t, email, STAFF_PASSWORD).await;
    let (_, _, html) = page(&c, t, "/login/totp").await;
    t.clock.advance(31);
    let (status, _, _) = submit(
        &c,
        t,
        "/login/totp",
        &[
            ("_csrf", &csrf_of(&html)),
            ("code", &t.totp_now(totp_secret)),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    c
}

pub(crate) fn csrf_of(html: &str) -> String {
    html.split("name=\"_csrf\" value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned()
}

pub(crate) async fn page(
    c: &reqwest::Client,
    t: &TestApp,
    path: &str,
) -> (StatusCode, reqwest::header::HeaderMap, String) {
    let r = c.get(t.url(path)).send().await.unwrap();
    (r.status(), r.headers().clone(), r.text().await.unwrap())
}

pub(crate) async fn submit(
    c: &reqwest::Client,
    t: &TestApp,
    path: &str,
    form: &[(&str, &str)],
) -> (StatusCode, reqwest::header::HeaderMap, String) {
    let r = c.post(t.url(path)).form(form).send().await.unwrap();
    (r.status(), r.headers().clone(), r.text().await.unwrap())
}

#[tokio::test]
async fn every_page_carries_the_security_headers() {
    let t = spawn().await;
    for path in ["/login", "/recover", "/nowhere", "/api/v1/me", "/health"] {
        let r = t.get(path, None).await;
        let csp = r.header("content-security-policy").unwrap();
        assert!(
            csp.contains("frame-ancestors 'none'")
                && csp.contains("script-src 'self'")
                && !csp.contains("unsafe-inline"),
            "{path}"
        );
        assert_eq!(
            r.header("x-content-type-options").as_deref(),
            Some("nosniff"),
            "{path}"
        );
        assert_eq!(
            r.header("referrer-policy").as_deref(),
            Some("no-referrer"),
            "{path}"
        );
        assert_eq!(
            r.header("cache-control").as_deref(),
            Some("no-store"),
            "{path}"
        );
        assert!(r.status != StatusCode::INTERNAL_SERVER_ERROR);
    }
    assert_eq!(t.get("/nowhere", None).await.status, StatusCode::NOT_FOUND);
    assert!(
        t.get("/login", None)
            .await
            .header("strict-transport-security")
            .is_none(),
        "no HSTS on plain HTTP"
    );
    let https = spawn_with(|c| c.public_url = "https://consigne.example".into()).await;
    let r = https.get("/login", None).await;
    assert!(r.header("strict-transport-security").is_some());
    assert!(
        r.header("set-cookie")
            .unwrap()
            .starts_with("__Host-consigne_csrf=")
    );
    assert!(r.header("set-cookie").unwrap().contains("Secure"));
}

#[tokio::test]
async fn the_whole_flow_works_as_plain_forms() {
    let w = World::new().await;
    let t = &w.t;
    // A professional: password, then code.
    let pro = browser();
    let (_, _, html) = page(&pro, t, "/login").await;
    assert!(html.contains("<html lang=\"fr\" dir=\"ltr\">"));
    let (status, headers, _) = submit(
        &pro,
        t,
        "/login",
        &[
            ("_csrf", &csrf_of(&html)),
            ("identifier", &w.p1_login.0),
            ("password", STAFF_PASSWORD),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers["location"], "/login/totp");
    let cookie = headers["set-cookie"].to_str().unwrap();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
    let (_, _, html) = page(&pro, t, "/login/totp").await;
    t.clock.advance(31);
    let code = t.totp_now(&w.p1_login.1);
    let (status, headers, _) = submit(
        &pro,
        t,
        "/login/totp",
        &[("_csrf", &csrf_of(&html)), ("code", &code)],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers["location"], "/pro");
    let (status, _, html) = page(&pro, t, "/pro").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Zoé"), "people followed are listed");
    // Opens a safe and gets the recovery sheet.
    let (_, _, html) = page(&pro, t, &format!("/pro/s/{}/open", w.s1)).await;
    let form = [
        ("_csrf", csrf_of(&html)),
        ("first_name", "Sami".into()),
        ("last_name", "Touré".into()),
        ("birth_date", "1992-07-21".into()),
        ("phone", String::new()),
        ("language", "fr".into()),
        ("password_choice", "typed".into()),
        ("password", PERSON_PASSWORD.into()),
    ];
    let mut as_refs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    // Whether the structure may help her get back in is asked, never assumed.
    let (status, _, html) = submit(&pro, t, &format!("/pro/s/{}/open", w.s1), &as_refs).await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "no recovery choice"
    );
    assert!(html.contains("Indiquez si ce relais"));
    as_refs.push(("recovery_relay", "yes"));
    let (status, _, html) = submit(&pro, t, &format!("/pro/s/{}/open", w.s1), &as_refs).await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "consent box not ticked"
    );
    assert!(html.contains("Cochez la case"));
    let mut with_consent = as_refs.clone();
    with_consent.push(("consent", "yes"));
    let (status, _, html) = submit(&pro, t, &format!("/pro/s/{}/open", w.s1), &with_consent).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("sami.toure.21071992"));
    let code = html
        .split("id=\"sheet-recovery-code\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .to_owned();
    assert_eq!(code.len(), 29);
    // The person logs in with a plain form and sees her home.
    let person = browser();
    let (_, _, html) = page(&person, t, "/login").await;
    let (status, headers, _) = submit(
        &person,
        t,
        "/login",
        &[
            ("_csrf", &csrf_of(&html)),
            ("identifier", "sami.toure.21071992"),
            ("password", PERSON_PASSWORD),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    // Her first login: the terms first (issue 17), then the guide, then her home.
    assert_eq!(headers["location"], "/terms");
    let (status, _, _) = page(&person, t, "/documents").await;
    assert_eq!(status, StatusCode::SEE_OTHER, "nothing before the terms");
    let (status, _, html) = page(&person, t, "/terms").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("action=\"/terms/accept\""));
    let (status, headers, _) = submit(
        &person,
        t,
        "/terms/accept",
        &[
            ("_csrf", &csrf_of(&html)),
            ("version", consigne::service::TERMS_VERSION),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers["location"], "/guide");
    let (status, _, html) = page(&person, t, "/guide").await;
    assert_eq!(status, StatusCode::OK);
    let (status, headers, _) =
        submit(&person, t, "/guide/done", &[("_csrf", &csrf_of(&html))]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers["location"], "/home");
    let (status, headers, html) = page(&person, t, "/home").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["cache-control"], "no-store");
    assert!(html.contains("Bonjour Sami"));
    assert!(html.contains("Mes relais"));
    // She switches to English.
    let (status, _, _) = submit(
        &person,
        t,
        "/language",
        &[("_csrf", &csrf_of(&html)), ("language", "en")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, _, html) = page(&person, t, "/home").await;
    assert!(html.contains("<html lang=\"en\" dir=\"ltr\">") && html.contains("Hello Sami"));
    // She logs out: the session dies, the browser is told to forget everything.
    let (status, headers, html) =
        submit(&person, t, "/logout", &[("_csrf", &csrf_of(&html))]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers["clear-site-data"],
        "\"cache\", \"cookies\", \"storage\""
    );
    assert!(html.contains("logged out") || html.contains("déconnecté"));
    let (status, headers, _) = page(&person, t, "/home").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers["location"], "/login");
}

#[tokio::test]
async fn forms_without_the_token_or_from_another_site_are_refused() {
    let w = World::new().await;
    let t = &w.t;
    let c = browser();
    // No token at all (no cookie, no field): refused, no session.
    let (status, headers, _) = submit(
        &c,
        t,
        "/login",
        &[
            ("identifier", w.identifier.as_str()),
            ("password", PERSON_PASSWORD),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(headers.get("location").is_none());
    // Right token but another site's Origin.
    let (_, _, html) = page(&c, t, "/login").await;
    let r = c
        .post(t.url("/login"))
        .header("origin", "https://evil.example")
        .form(&[
            ("_csrf", csrf_of(&html).as_str()),
            ("identifier", w.identifier.as_str()),
            ("password", PERSON_PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    // Logged in, a state-changing form without the session token does nothing.
    let (_, _, html) = page(&c, t, "/login").await;
    let (status, _, _) = submit(
        &c,
        t,
        "/login",
        &[
            ("_csrf", &csrf_of(&html)),
            ("identifier", &w.identifier),
            ("password", PERSON_PASSWORD),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, _, _) = submit(
        &c,
        t,
        &format!("/relays/{}/leave", w.s1),
        &[("_csrf", "0000")],
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(
        t.get(&format!("/api/v1/beneficiaries/{}", w.bid), Some(&w.p1))
            .await
            .status,
        StatusCode::OK,
        "still followed"
    );
    // The API with the session cookie needs the X-CSRF-Token header for changes.
    let r = c
        .delete(t.url(&format!("/api/v1/beneficiaries/{}/relays/{}", w.bid, w.s1)))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let r = c.get(t.url("/api/v1/me")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK, "reads work with the cookie");
}

#[tokio::test]
async fn wrong_login_on_the_page_says_what_to_do_in_the_persons_language() {
    let t = spawn().await;
    let c = browser();
    let r = c
        .get(t.url("/login"))
        .header("accept-language", "en-GB,en;q=0.9")
        .send()
        .await
        .unwrap();
    let html = r.text().await.unwrap();
    assert!(html.contains("<html lang=\"en\""));
    let r = c
        .post(t.url("/login"))
        .header("accept-language", "en-GB,en;q=0.9")
        .form(&[
            ("_csrf", csrf_of(&html).as_str()),
            ("identifier", "no.body.01012000"),
            ("password", "whatever it is"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    let html = r.text().await.unwrap();
    assert!(html.contains("Wrong identifier or password") && html.contains("recovery code"));
    assert!(
        html.contains("value=\"no.body.01012000\""),
        "the identifier is kept, the password is not"
    );
}

#[tokio::test]
async fn each_kind_of_account_reaches_only_its_pages() {
    let w = World::new().await;
    let t = &w.t;
    let person = logged_in(t, &w.identifier, PERSON_PASSWORD).await;
    for path in [
        "/pro",
        "/admin",
        &format!("/s/{}/team", w.s1),
        &format!("/pro/b/{}", w.bid),
    ] {
        let (status, _, _) = page(&person, t, path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
    for path in ["/home", "/relays", "/settings"] {
        let (status, _, _) = page(&person, t, path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
    }
    let anonymous = browser();
    for path in ["/home", "/pro", "/admin", "/settings"] {
        let (status, headers, _) = page(&anonymous, t, path).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{path}");
        assert_eq!(headers["location"], "/login");
    }
}

#[tokio::test]
async fn in_person_reset_works_with_plain_forms() {
    let w = World::new().await;
    let t = &w.t;
    let second = t.professional(&w.p1, &w.s1, "member").await;
    let pro = staff_logged_in(t, &w.p1_login.0, &w.p1_login.1).await;
    let (status, _, html) = page(&pro, t, &format!("/pro/b/{}", w.bid)).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, html) = submit(
        &pro,
        t,
        &format!("/pro/b/{}/reset", w.bid),
        &[("_csrf", &csrf_of(&html))],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("data-status=\"awaiting_confirmation\""),
        "{html}"
    );
    assert!(
        !html.contains("reset-code"),
        "no code for the member who started it"
    );
    // She sees it at once on her home page, with a way to cancel it.
    let person = logged_in(t, &w.identifier, PERSON_PASSWORD).await;
    let (_, _, home) = page(&person, t, "/home").await;
    assert!(home.contains("id=\"reset-notice\""), "{home}");
    assert!(home.contains("Accueil de jour"));
    // The colleague confirms it from the pending list of her home page.
    let colleague = staff_logged_in(t, &second.1, &second.2).await;
    let (_, _, html) = page(&colleague, t, "/pro").await;
    let action = html
        .split("action=\"/pro/resets/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    assert!(action.ends_with("/confirm"), "{action}");
    assert!(html.contains("Zoé Lefèvre"));
    let (status, _, html) = submit(
        &colleague,
        t,
        &format!("/pro/resets/{action}"),
        &[("_csrf", &csrf_of(&html))],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{html}");
    let code = html
        .split("id=\"reset-code\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .to_owned();
    let person = browser();
    let (_, _, html) = page(&person, t, "/recover").await;
    let form = [
        ("_csrf", csrf_of(&html)),
        ("identifier", w.identifier.clone()),
        ("source", "relay".into()),
        ("recovery_code", code.clone()),
        ("new_password", "la lune se leve sur le port".into()),
    ];
    let refs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, _, html) = submit(&person, t, "/recover", &refs).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(
        !html.contains("code-box"),
        "no new code on the page of whoever recovered"
    );
    t.login_ok(&w.identifier, "la lune se leve sur le port")
        .await;
    // She withdraws the relais' right to help; it can no longer start a reset.
    let (_, _, html) = page(&person, t, "/login").await;
    submit(
        &person,
        t,
        "/login",
        &[
            ("_csrf", &csrf_of(&html)),
            ("identifier", &w.identifier),
            ("password", "la lune se leve sur le port"),
        ],
    )
    .await;
    // Her new sheet, once logged in.
    let (_, _, home) = page(&person, t, "/home").await;
    assert!(home.contains("id=\"new-sheet-notice\""), "{home}");
    let (status, _, html) = page(&person, t, "/recovery-sheet").await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, html) =
        submit(&person, t, "/recovery-sheet", &[("_csrf", &csrf_of(&html))]).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("id=\"sheet-recovery-code\""));
    let (_, _, home) = page(&person, t, "/home").await;
    assert!(!home.contains("new-sheet-notice"));
    let (_, _, html) = page(&person, t, "/relays").await;
    assert!(html.contains("Ne plus autoriser"));
    assert!(html.contains("pourrait ouvrir votre coffre"));
    let (status, _, _) = submit(
        &person,
        t,
        &format!("/relays/{}/recovery", w.s1),
        &[("_csrf", &csrf_of(&html)), ("enabled", "0")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, _, html) = page(&pro, t, &format!("/pro/b/{}", w.bid)).await;
    let (status, _, _) = submit(
        &pro,
        t,
        &format!("/pro/b/{}/reset", w.bid),
        &[("_csrf", &csrf_of(&html))],
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn browsers_with_no_referrer_post_forms_with_origin_null() {
    let w = World::new().await;
    let t = &w.t;
    let c = browser();
    let (_, _, html) = page(&c, t, "/login").await;
    let token = csrf_of(&html);
    let form = [
        ("_csrf", token.as_str()),
        ("identifier", w.identifier.as_str()),
        ("password", PERSON_PASSWORD),
    ];
    // Another site, even with the right token (say, stolen from a cached page): refused.
    let r = c
        .post(t.url("/login"))
        .header("origin", "null")
        .header("sec-fetch-site", "cross-site")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    // Chromium with Referrer-Policy: no-referrer sends Origin: null from our own page.
    let r = c
        .post(t.url("/login"))
        .header("origin", "null")
        .header("sec-fetch-site", "same-origin")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn papers_scan_share_and_journal_work_as_plain_forms() {
    let w = World::new().await;
    let t = &w.t;
    let person = logged_in(t, &w.identifier, PERSON_PASSWORD).await;
    let (status, _, html) = page(&person, t, "/home").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("href=\"/documents\"") && html.contains("href=\"/journal\""));
    let (_, _, html) = page(&person, t, "/documents").await;
    assert!(html.contains("capture=\"environment\"") && html.contains("multiple"));
    let token = csrf_of(&html);
    // Two photos become one PDF of two pages, once checked and named (tests/api/scan.rs).
    let form = reqwest::multipart::Form::new()
        .text("_csrf", token.clone())
        .part(
            "file",
            reqwest::multipart::Part::bytes(jpeg(40, 60)).file_name("p1.jpg"),
        )
        .part(
            "file",
            reqwest::multipart::Part::bytes(jpeg(60, 40)).file_name("p2.jpg"),
        );
    let r = person
        .post(t.url("/documents/scan"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let review = r.headers()["location"].to_str().unwrap().to_owned();
    let (status, headers, _) = submit(
        &person,
        t,
        &format!("{review}/save"),
        &[("_csrf", &token), ("name", "Bail")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let doc_path = headers["location"].to_str().unwrap().to_owned();
    let (status, _, html) = page(&person, t, &doc_path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Bail") && html.contains("/download"));
    let (status, headers, _) = page(&person, t, &format!("{doc_path}/download")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "application/pdf");
    // A refused type says what to do, and nothing is stored.
    let form = reqwest::multipart::Form::new()
        .text("_csrf", token.clone())
        .part(
            "file",
            reqwest::multipart::Part::bytes(b"<html><body>hi</body></html>".to_vec())
                .file_name("x.jpg"),
        );
    let r = person
        .post(t.url("/documents/upload"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(r.text().await.unwrap().contains("Envoyez une photo"));
    // Without the token: refused.
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(jpeg(8, 8)).file_name("x.jpg"),
    );
    assert_eq!(
        person
            .post(t.url("/documents/upload"))
            .multipart(form)
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::FORBIDDEN
    );
    // She shares it with her relais by ticking a box.
    let (_, _, html) = page(&person, t, &doc_path).await;
    let (status, _, _) = submit(
        &person,
        t,
        &format!("{doc_path}/shares"),
        &[("_csrf", &csrf_of(&html)), ("sid", &w.s1)],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let id = doc_path.rsplit('/').next().unwrap();
    assert_eq!(
        t.get(&format!("/api/v1/documents/{id}"), Some(&w.p1))
            .await
            .status,
        StatusCode::OK
    );
    let (_, _, html) = page(&person, t, &doc_path).await;
    assert!(html.contains("checked"));
    // Her journal says it in words.
    let (status, _, html) = page(&person, t, "/journal").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("« Bail » partagé avec Accueil de jour"),
        "{html}"
    );
    assert!(html.contains("« Bail » ajouté"));
    // Unticking revokes.
    let (_, _, html) = page(&person, t, &doc_path).await;
    submit(
        &person,
        t,
        &format!("{doc_path}/shares"),
        &[("_csrf", &csrf_of(&html))],
    )
    .await;
    assert_eq!(
        t.get(&format!("/api/v1/documents/{id}"), Some(&w.p1))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    // Delete, after a confirmation page.
    let (_, _, html) = page(&person, t, &format!("{doc_path}/delete")).await;
    let (status, _, _) = submit(
        &person,
        t,
        &format!("{doc_path}/delete"),
        &[("_csrf", &csrf_of(&html))],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(page(&person, t, &doc_path).await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn folders_are_renamed_moved_and_deleted_with_forms() {
    let w = World::new().await;
    let t = &w.t;
    let person = logged_in(t, &w.identifier, PERSON_PASSWORD).await;
    let (_, _, html) = page(&person, t, "/documents").await;
    let (_, h, _) = submit(
        &person,
        t,
        "/folders",
        &[("_csrf", &csrf_of(&html)), ("name", "Santé")],
    )
    .await;
    let parent = h["location"]
        .to_str()
        .unwrap()
        .rsplit('=')
        .next()
        .unwrap()
        .to_owned();
    let (_, _, html) = page(&person, t, &format!("/documents?folder={parent}")).await;
    let (_, h, _) = submit(
        &person,
        t,
        "/folders",
        &[
            ("_csrf", &csrf_of(&html)),
            ("name", "CMU"),
            ("parent_id", &parent),
        ],
    )
    .await;
    let child = h["location"]
        .to_str()
        .unwrap()
        .rsplit('=')
        .next()
        .unwrap()
        .to_owned();
    // Moving the parent into its child is refused with a message that says why.
    let (_, _, html) = page(&person, t, &format!("/documents?folder={parent}")).await;
    let (status, _, html) = submit(
        &person,
        t,
        &format!("/folders/{parent}/edit"),
        &[
            ("_csrf", &csrf_of(&html)),
            ("name", "Santé"),
            ("parent_id", &child),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(html.contains("sous-dossiers"));
    let (status, _, _) = submit(
        &person,
        t,
        &format!("/folders/{child}/edit"),
        &[
            ("_csrf", &csrf_of(&html)),
            ("name", "Sécurité sociale"),
            ("parent_id", ""),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let folders = t
        .get(
            &format!("/api/v1/beneficiaries/{}/folders", w.bid),
            Some(&w.person),
        )
        .await
        .json();
    assert!(
        folders
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["name"] == "Sécurité sociale" && f["parent_id"].is_null())
    );
    let (_, _, html) = page(&person, t, &format!("/documents?folder={child}")).await;
    let (status, _, _) = submit(
        &person,
        t,
        &format!("/folders/{child}/delete"),
        &[("_csrf", &csrf_of(&html))],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        t.get(
            &format!("/api/v1/beneficiaries/{}/folders", w.bid),
            Some(&w.person)
        )
        .await
        .json()
        .as_array()
        .unwrap()
        .len(),
        // The parent left, beside her ready-made folders.
        1 + consigne::domain::FolderPictogram::READY_MADE.len()
    );
}

#[tokio::test]
async fn upload_limits_are_told_in_her_language_with_the_real_sizes() {
    let w = World::with(|c| {
        c.storage.max_file_mb = 3;
        c.storage.in_memory_mb = 1;
    })
    .await;
    let t = &w.t;
    let person = logged_in(t, &w.identifier, PERSON_PASSWORD).await;
    let (_, _, html) = page(&person, t, "/documents").await;
    assert!(
        html.contains("3\u{2069} Mo au plus") || html.contains("3 Mo au plus"),
        "{html}"
    );
    let token = csrf_of(&html);
    let send = |bytes: Vec<u8>, name: &'static str| {
        let form = reqwest::multipart::Form::new()
            .text("_csrf", token.clone())
            .part(
                "file",
                reqwest::multipart::Part::bytes(bytes).file_name(name),
            );
        person
            .post(t.url("/documents/upload"))
            .multipart(form)
            .send()
    };
    let script = crate::uploads::large_pdf(
        2 * 1024 * 1024,
        "/OpenAction << /S /JavaScript /JS (app.alert(1)) >>",
    );
    let r = send(script, "dossier.pdf").await.unwrap();
    assert_eq!(r.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(r.text().await.unwrap().contains("Ce PDF est trop gros"));
    let mut photo = jpeg(8, 8);
    photo.resize(1024 * 1024 + 1, 0);
    let r = send(photo, "photo.jpg").await.unwrap();
    assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("Cette photo est trop grosse")
    );
    let mut big = crate::uploads::large_pdf(3 * 1024 * 1024, "");
    big.resize(3 * 1024 * 1024 + 1, b' ');
    let r = send(big, "gros.pdf").await.unwrap();
    assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let text = r.text().await.unwrap();
    assert!(text.contains("Le fichier est trop gros"), "{text}");
    // A large PDF without active content goes in as it is.
    let r = send(crate::uploads::large_pdf(2 * 1024 * 1024, ""), "ok.pdf")
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn her_agenda_goes_to_her_phone_with_plain_forms() {
    let w = World::new().await;
    let t = &w.t;
    let r = t
        .post(
            &format!("/api/v1/beneficiaries/{}/events", w.bid),
            Some(&w.person),
            serde_json::json!({"title": "Mission locale", "starts_at": "2026-12-03T10:00:00Z"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let person = logged_in(t, &w.identifier, PERSON_PASSWORD).await;
    // Her agenda page leads to the download and to the feed.
    let (_, _, html) = page(&person, t, "/events").await;
    assert!(html.contains("href=\"/events/agenda.ics\""));
    assert!(html.contains("href=\"/calendar-feed\""));
    let r = person
        .get(t.url("/events/agenda.ics"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.text().await.unwrap().contains("SUMMARY:Mission locale"));
    let (_, _, html) = page(&person, t, "/contacts").await;
    assert!(html.contains("href=\"/contacts/contacts.vcf\""));

    let (status, _, html) = page(&person, t, "/calendar-feed").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        !html.contains("/calendar/"),
        "no address before she asks for one"
    );
    let (status, _, html) =
        submit(&person, t, "/calendar-feed", &[("_csrf", &csrf_of(&html))]).await;
    assert_eq!(status, StatusCode::OK);
    let url = html
        .split("value=\"http://127.0.0.1/calendar/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let path = format!("/calendar/{url}");
    assert!(html.contains(&format!("href=\"webcal://127.0.0.1{path}\"")));
    assert!(html.contains("<svg"), "a QR code to scan with her phone");
    // The address works without any session, and is shown again on her next visit.
    let r = t.get(&path, None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text.contains("SUMMARY:Mission locale"));
    let (_, _, html) = page(&person, t, "/calendar-feed").await;
    assert!(html.contains(&path));
    // She stops it: the address is dead and the page offers to make a new one.
    let (status, _, html) = submit(
        &person,
        t,
        "/calendar-feed/revoke",
        &[("_csrf", &csrf_of(&html))],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(!html.contains(&path));
    assert_eq!(t.get(&path, None).await.status, StatusCode::NOT_FOUND);
    // Without the form's token nothing changes.
    let (status, _, _) = submit(&person, t, "/calendar-feed", &[("_csrf", "forged")]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let r = t.get("/api/v1/me/calendar-feed", Some(&w.person)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}
