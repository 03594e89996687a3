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

/// Picks `lang` with the login page's picker.
async fn pick(t: &TestApp, c: &reqwest::Client, lang: &str) {
    let (_, _, html) = page(c, t, "/login").await;
    let (status, headers, _) = submit(
        c,
        t,
        "/language",
        &[
            ("_csrf", &csrf_of(&html)),
            ("language", lang),
            ("next", "/login"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers["location"], "/login");
}

/// Logs in with the login form; returns her home page.
async fn page_login(t: &TestApp, c: &reqwest::Client, identifier: &str) -> String {
    let (_, _, html) = page(c, t, "/login").await;
    let (status, headers, _) = submit(
        c,
        t,
        "/login",
        &[
            ("_csrf", &csrf_of(&html)),
            ("identifier", identifier),
            ("password", PERSON_PASSWORD),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers["location"], "/home");
    page(c, t, "/home").await.2
}

/// The language she picks on the login page is the one she lands in, and becomes her
/// preference when she had none of her own (the professional set French when opening her
/// safe); a preference she chose stays when a shared computer's picker shows another language.
#[tokio::test]
async fn the_language_picked_on_the_login_page_survives_login() {
    let w = World::new().await;
    let t = &w.t;
    let saved = || async {
        t.get(
            "/api/v1/me",
            Some(&t.login_ok(&w.identifier, PERSON_PASSWORD).await),
        )
        .await
        .json()["language"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(saved().await, "fr");

    // She picks Arabic on the login page and logs in: Arabic, and now her preference.
    let c = crate::pages::browser();
    pick(t, &c, "ar").await;
    let (_, _, html) = page(&c, t, "/login").await;
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
    let home = page_login(t, &c, &w.identifier).await;
    assert!(home.contains("<html lang=\"ar\" dir=\"rtl\">"), "{home}");
    assert_eq!(saved().await, "ar");

    // On a computer whose picker someone left on Russian: this session is in Russian, her
    // own choice (Arabic) stays.
    let shared = crate::pages::browser();
    pick(t, &shared, "ru").await;
    let home = page_login(t, &shared, &w.identifier).await;
    assert!(home.contains("<html lang=\"ru\" dir=\"ltr\">"));
    assert_eq!(saved().await, "ar");
    // Without any pick, she lands in her own language.
    let home = page_login(t, &crate::pages::browser(), &w.identifier).await;
    assert!(home.contains("<html lang=\"ar\" dir=\"rtl\">"));
}

/// The picker brings her back to the page she was on, never to another site.
#[tokio::test]
async fn the_language_picker_returns_to_the_same_page_and_nowhere_else() {
    let w = World::new().await;
    let t = &w.t;
    let c = logged_in(t, &w.identifier, PERSON_PASSWORD).await;
    let (_, _, html) = page(&c, t, "/relays").await;
    assert!(
        html.contains("<input type=\"hidden\" name=\"next\" value=\"/relays\">"),
        "the picker knows where she is"
    );
    let (_, _, html) = page(&c, t, "/documents?page=1").await;
    assert!(html.contains("name=\"next\" value=\"/documents?page=1\""));
    let csrf = csrf_of(&html);
    let go = |next: &'static str| {
        let (c, csrf) = (c.clone(), csrf.clone());
        async move {
            let (status, headers, _) = submit(
                &c,
                t,
                "/language",
                &[("_csrf", &csrf), ("language", "en"), ("next", next)],
            )
            .await;
            assert_eq!(status, StatusCode::SEE_OTHER, "{next}");
            headers["location"].to_str().unwrap().to_owned()
        }
    };
    assert_eq!(go("/documents?page=1").await, "/documents?page=1");
    assert_eq!(go("/relays").await, "/relays");
    for elsewhere in [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example",
        "\\\\evil.example",
        "javascript:alert(1)",
        "/home\r\nSet-Cookie: x=y",
        "",
    ] {
        assert_eq!(go(elsewhere).await, "/home", "{elsewhere:?}");
    }
    // A page shown in answer to a form has no address to go back to: home.
    let (_, _, html) = submit(
        &c,
        t,
        "/settings/password",
        &[("_csrf", &csrf), ("current_password", "wrong")],
    )
    .await;
    assert!(!html.contains("name=\"next\""));
    // Logged out, on the recovery page: back to it.
    let anonymous = crate::pages::browser();
    let (_, _, html) = page(&anonymous, t, "/recover").await;
    let (status, headers, _) = submit(
        &anonymous,
        t,
        "/language",
        &[
            ("_csrf", &csrf_of(&html)),
            ("language", "uk"),
            ("next", "/recover"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers["location"], "/recover");
    let (_, _, html) = page(&anonymous, t, "/recover").await;
    assert!(html.contains("<html lang=\"uk\""));
}

/// The text of the element with `id` (up to its first child tag).
fn text_of(html: &str, id: &str) -> String {
    html.split(&format!("id=\"{id}\">"))
        .nth(1)
        .unwrap_or_else(|| panic!("no #{id} in {html}"))
        .split('<')
        .next()
        .unwrap()
        .to_owned()
}

/// The sheet a professional prints when she opens an Arabic-speaking person's safe: in Arabic
/// with French beside it, the site's address, a QR code to the login page, and the relais she
/// chose to help her get back in, with its phone number (the professional's page stays French).
#[tokio::test]
async fn the_recovery_sheet_is_printed_in_her_language_with_french_beside_it() {
    let w = World::new().await;
    let t = &w.t;
    // The structure's admin gives its phone number (the operator could too).
    let r = t
        .send(
            t.http
                .put(t.url(&format!("/api/v1/structures/{}/phone", w.s1)))
                .bearer_auth(&w.p1)
                .json(&serde_json::json!({"phone": "01 99 00 12 34"})),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let pro = staff_logged_in(t, &w.p1_login.0, &w.p1_login.1).await;
    let (_, _, html) = page(&pro, t, &format!("/pro/s/{}/open", w.s1)).await;
    let csrf = csrf_of(&html);
    let (status, _, sheet) = submit(
        &pro,
        t,
        &format!("/pro/s/{}/open", w.s1),
        &[
            ("_csrf", &csrf),
            ("first_name", "Samira"),
            ("last_name", "Haddad"),
            ("birth_date", "1991-04-12"),
            ("language", "ar"),
            ("password_choice", "typed"),
            ("password", PERSON_PASSWORD),
            ("recovery_relay", "yes"),
            ("consent", "yes"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{sheet}");
    // The page around it is the professional's (French); the sheet is hers.
    assert!(sheet.contains("<html lang=\"fr\" dir=\"ltr\">"));
    assert!(sheet.contains("<article class=\"sheet\" lang=\"ar\" dir=\"rtl\">"));
    assert!(sheet.contains("ورقة الاسترجاع") && sheet.contains("Fiche de secours"));
    assert!(sheet.contains("<section class=\"sheet-text\" lang=\"ar\" dir=\"rtl\">"));
    assert!(sheet.contains("<section class=\"sheet-text\" lang=\"fr\" dir=\"ltr\">"));
    // The address people type, a QR code, her relais and its number.
    assert_eq!(text_of(&sheet, "sheet-address"), "http://127.0.0.1");
    assert!(sheet.contains("Allez sur http://127.0.0.1 (ou scannez le code)"));
    assert!(sheet.contains("افتح http://127.0.0.1"));
    let qr = sheet.split("id=\"sheet-qr\"").nth(1).unwrap();
    assert!(qr.contains("<svg"), "a QR code");
    assert!(sheet.contains("Accueil de jour") && sheet.contains("01 99 00 12 34"));
    assert!(text_of(&sheet, "sheet-identifier").starts_with("samira.haddad.12041991"));
    // The date it was made, in Paris time, in both languages.
    assert!(sheet.contains("(heure de Paris)") && sheet.contains("(بتوقيت Paris)"));

    // Her new sheet, printed in her session: hers again, with her recovery relais.
    let identifier = text_of(&sheet, "sheet-identifier");
    let person = logged_in(t, &identifier, PERSON_PASSWORD).await;
    let (_, _, html) = page(&person, t, "/recovery-sheet").await;
    let (status, _, sheet) =
        submit(&person, t, "/recovery-sheet", &[("_csrf", &csrf_of(&html))]).await;
    assert_eq!(status, StatusCode::OK, "{sheet}");
    assert!(sheet.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(sheet.contains("<article class=\"sheet\" lang=\"ar\" dir=\"rtl\">"));
    assert!(sheet.contains("lang=\"fr\" dir=\"ltr\">"));
    assert!(sheet.contains("Accueil de jour") && sheet.contains("01 99 00 12 34"));

    // A French-speaking person's sheet is in French only, once.
    let (_, _, html) = page(&pro, t, &format!("/pro/s/{}/open", w.s1)).await;
    let (_, _, sheet) = submit(
        &pro,
        t,
        &format!("/pro/s/{}/open", w.s1),
        &[
            ("_csrf", &csrf_of(&html)),
            ("first_name", "Julie"),
            ("last_name", "Moreau"),
            ("birth_date", "1979-11-30"),
            ("language", "fr"),
            ("password_choice", "typed"),
            ("password", PERSON_PASSWORD),
            ("recovery_relay", "no"),
            ("consent", "yes"),
        ],
    )
    .await;
    assert_eq!(sheet.matches("class=\"sheet-text\"").count(), 1);
    assert!(sheet.contains("<article class=\"sheet\" lang=\"fr\" dir=\"ltr\">"));
    // No recovery relais chosen: none is printed.
    assert!(!sheet.contains("01 99 00 12 34"));
}

/// A structure's phone number: given at registration, changed by its admins or the operator,
/// checked like any number, journaled.
#[tokio::test]
async fn a_structures_phone_is_set_at_registration_and_by_its_admins() {
    let w = World::new().await;
    let t = &w.t;
    let r = t
        .post(
            "/api/v1/structures",
            Some(&w.admin),
            serde_json::json!({"name": "Halte de nuit", "kind": "relay", "phone": "01 99 00 56 78"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(r.json()["phone"], "0199005678");
    let put = |token: &str, phone: &str| {
        t.http
            .put(t.url(&format!("/api/v1/structures/{}/phone", w.s1)))
            .bearer_auth(token)
            .json(&serde_json::json!({ "phone": phone }))
    };
    let r = t.send(put(&w.p1, "pas un numéro")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    let r = t.send(put(&w.admin, "+33 1 99 00 12 34")).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let s = t
        .get(&format!("/api/v1/structures/{}", w.s1), Some(&w.p1))
        .await;
    assert_eq!(s.json()["phone"], "+33199001234");
    let r = t
        .delete(&format!("/api/v1/structures/{}/phone", w.s1), Some(&w.p1))
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let s = t
        .get(&format!("/api/v1/structures/{}", w.s1), Some(&w.p1))
        .await;
    assert!(s.json().get("phone").is_none(), "{}", s.text);

    // The team page shows it and lets its admin change it with a plain form.
    let pro = staff_logged_in(t, &w.p1_login.0, &w.p1_login.1).await;
    let (_, _, html) = page(&pro, t, &format!("/s/{}/team", w.s1)).await;
    let (status, _, html) = submit(
        &pro,
        t,
        &format!("/s/{}/phone", w.s1),
        &[("_csrf", &csrf_of(&html)), ("phone", "01 99 00 12 34")],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("Le numéro de la structure est enregistré."));
    assert!(html.contains("01 99 00 12 34"));
}

/// Every password field has a "show the password" box that needs no JavaScript: the field is
/// masked by CSS until the box is ticked, and the browser is asked not to remember it.
/// Identifier hints show a Latin example in every language.
#[tokio::test]
async fn password_fields_can_be_shown_and_identifier_hints_are_latin() {
    let w = World::new().await;
    let t = &w.t;
    let check_fields = |html: &str, ids: &[&str]| {
        for id in ids {
            let field = html
                .split(&format!("<input class=\"pw\" id=\"{id}\""))
                .nth(1)
                .unwrap_or_else(|| panic!("no password field #{id}: {html}"))
                .split('>')
                .next()
                .unwrap()
                .to_owned();
            assert!(field.contains("type=\"text\"") && field.contains("autocomplete=\"off\""));
            assert!(field.contains("data-autocomplete=\""), "{field}");
            assert!(
                html.contains(&format!("<input class=\"pw-show\" id=\"{id}-show\" type=\"checkbox\" aria-controls=\"{id}\">")),
                "#{id} has its box"
            );
        }
        assert!(
            !html.contains("type=\"password\""),
            "no field left without its box"
        );
    };
    let anonymous = crate::pages::browser();
    let (_, _, html) = page(&anonymous, t, "/login").await;
    check_fields(&html, &["password"]);
    assert!(html.contains("Afficher le mot de passe"));
    let (_, _, html) = page(&anonymous, t, "/recover").await;
    check_fields(&html, &["new_password"]);
    let person = logged_in(t, &w.identifier, PERSON_PASSWORD).await;
    let (_, _, html) = page(&person, t, "/settings").await;
    check_fields(
        &html,
        &["current_password", "new_password", "delete-password"],
    );
    let pro = staff_logged_in(t, &w.p1_login.0, &w.p1_login.1).await;
    let (_, _, html) = page(&pro, t, &format!("/pro/s/{}/open", w.s1)).await;
    check_fields(&html, &["password"]);
    let (_, _, html) = page(&pro, t, &format!("/s/{}/team", w.s1)).await;
    check_fields(&html, &["password"]);

    // The identifier's example is in Latin letters whatever the language.
    for lang in ["fr", "en", "ar", "prs", "ps", "ru", "uk", "ro", "es"] {
        let c = crate::pages::browser();
        pick(t, &c, lang).await;
        let (_, _, html) = page(&c, t, "/login").await;
        let hint = html
            .split("id=\"identifier-hint\">")
            .nth(1)
            .unwrap()
            .split('<')
            .next()
            .unwrap();
        assert!(hint.contains("amina.benali.14021990"), "{lang}: {hint}");
    }
}

/// A new safe starts with six folders, named in her language, each with its pictogram; she
/// renames one (it keeps its pictogram) and deletes another, like any folder of hers. Their
/// names are sealed like any folder name.
#[tokio::test]
async fn a_new_safe_has_ready_made_folders_she_may_rename_or_delete() {
    use consigne::domain::FolderPictogram;
    let w = World::new().await;
    let t = &w.t;
    let path = format!("/api/v1/beneficiaries/{}/folders", w.bid);
    let list = t.get(&path, Some(&w.person)).await.json();
    let list = list.as_array().unwrap();
    let names: Vec<&str> = list.iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "Identité",
            "Santé",
            "Logement",
            "Revenus",
            "Famille",
            "Autres"
        ]
    );
    let pictograms: Vec<&str> = list
        .iter()
        .map(|f| f["pictogram"].as_str().unwrap())
        .collect();
    let expected: Vec<&str> = FolderPictogram::READY_MADE
        .iter()
        .map(|p| p.as_str())
        .collect();
    assert_eq!(pictograms, expected);
    assert!(list.iter().all(|f| f["parent_id"].is_null()));
    // The professional who opened it sees none of them.
    assert_eq!(
        t.get(&path, Some(&w.p1)).await.status,
        StatusCode::NOT_FOUND
    );

    // Renamed, it keeps its pictogram; deleted, it is gone.
    let health = list[1]["id"].as_str().unwrap();
    let r = t
        .patch(
            &format!("{path}/{health}"),
            &w.person,
            serde_json::json!({"name": "Médecin"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["pictogram"], "health");
    let family = list[4]["id"].as_str().unwrap();
    let r = t.delete(&format!("{path}/{family}"), Some(&w.person)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let after = t.get(&path, Some(&w.person)).await.json();
    let names: Vec<&str> = after
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["Identité", "Médecin", "Logement", "Revenus", "Autres"]
    );
    // A folder she makes herself has no pictogram.
    let mine = t
        .post(&path, Some(&w.person), serde_json::json!({"name": "CAF"}))
        .await
        .json();
    assert!(mine.get("pictogram").is_none());

    // In Arabic, on her papers page, with their pictograms.
    let r = t
        .post(
            &format!("/api/v1/structures/{}/beneficiaries", w.s1),
            Some(&w.p1),
            serde_json::json!({"first_name": "Leila", "last_name": "Mansour", "birth_date": "1988-02-03", "password": PERSON_PASSWORD, "language": "ar"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let identifier = r.json()["identifier"].as_str().unwrap().to_owned();
    let person = logged_in(t, &identifier, PERSON_PASSWORD).await;
    let (_, _, html) = page(&person, t, "/documents").await;
    let folders = html.split("<ul class=\"folders\">").nth(1).unwrap();
    let folders = folders.split("</ul>").next().unwrap();
    for name in ["الهوية", "الصحة", "السكن", "الدخل", "العائلة", "أخرى"]
    {
        assert!(folders.contains(name), "{name}");
    }
    assert_eq!(folders.matches("<svg class=\"icon\"").count(), 6);

    // Sealed: no ready-made name is stored in clear, in any encoding tried.
    crate::canary::assert_absent(t, &["Identité", "Logement", "Revenus", "الهوية"]);
}
