//! Issue 13, "ready for the field": what people stumbled on when they first used it. Short
//! numbers and international numbers in contacts; her phone number for SMS reminders; a
//! professional correcting what her structure added; a journal of real changes only; the
//! identifier typed as people type it.

use crate::helpers::*;
use crate::pages::{csrf_of, logged_in, page, submit};
use reqwest::StatusCode;
use serde_json::json;

/// A contact's number may be a French short number (115, 3230, 3949...), a toll-free 0800 or
/// an international number; garbage is still refused with a message that says what to type.
/// Her own number receives SMS: a short number is refused there.
#[tokio::test]
async fn contacts_take_short_and_international_numbers() {
    let w = World::new().await;
    let contacts = format!("/api/v1/beneficiaries/{}/contacts", w.bid);
    for (typed, kept) in [
        ("115", "115"),
        ("3230", "3230"),
        ("39 49", "3949"),
        ("15", "15"),
        ("17", "17"),
        ("18", "18"),
        ("112", "112"),
        ("119", "119"),
        ("3919", "3919"),
        ("0800 840 800", "0800840800"),
        ("+44 20 7946 0958", "+442079460958"),
        ("0044 20 7946 0958", "+442079460958"),
        ("+33 (0)6 12 34 56 78", "+33612345678"),
    ] {
        let r =
            w.t.post(
                &contacts,
                Some(&w.person),
                json!({"name": format!("Ligne {typed}"), "phone": typed}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{typed}: {}", r.text);
        assert_eq!(r.json()["phone"], kept, "{typed}");
        // A professional adding a contact for her is held to the same rule.
        let r =
            w.t.post(
                &contacts,
                Some(&w.p1),
                json!({"name": "Ligne", "phone": typed}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{typed}: {}", r.text);
    }
    for garbage in [
        "abc",
        "42",
        "999",
        "12345",
        "612345678",
        "+0612345678",
        "06 12 ab",
    ] {
        let r =
            w.t.post(
                &contacts,
                Some(&w.person),
                json!({"name": "X", "phone": garbage}),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{garbage}");
        assert_eq!(r.code(), "invalid_phone", "{garbage}");
    }
    // A change to a short number too.
    let id =
        w.t.post(
            &contacts,
            Some(&w.person),
            json!({"name": "CAF", "phone": "01 23 45 67 89"}),
        )
        .await
        .json()["id"]
            .as_str()
            .unwrap()
            .to_owned();
    let r =
        w.t.patch(
            &format!("/api/v1/contacts/{id}"),
            &w.person,
            json!({"phone": "3230"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["phone"], "3230");
    // Her own number is for SMS: 115 cannot receive one.
    let phone = format!("/api/v1/beneficiaries/{}/phone", w.bid);
    let put = |body: serde_json::Value| {
        w.t.send(
            w.t.http
                .put(w.t.url(&phone))
                .bearer_auth(&w.person)
                .json(&body),
        )
    };
    let r = put(json!({"phone": "115"})).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.code(), "short_number");
    let r = put(json!({"phone": "+44 7700 900123"})).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let me =
        w.t.get(&format!("/api/v1/beneficiaries/{}", w.bid), Some(&w.person))
            .await;
    assert_eq!(me.json()["phone"], "+447700900123");
    // The page says what to type.
    let person = logged_in(&w.t, &w.identifier, PERSON_PASSWORD).await;
    let (_, _, form) = page(&person, &w.t, "/contacts/new").await;
    let (status, _, html) = submit(
        &person,
        &w.t,
        "/contacts",
        &[("_csrf", &csrf_of(&form)), ("name", "X"), ("phone", "abc")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains("06 12 34 56 78") && html.contains("115"),
        "an example of what to type"
    );
}

/// Opens a safe with the professional's page; returns the recovery sheet's HTML.
async fn open_with_page(
    w: &World,
    pro: &reqwest::Client,
    first: &str,
    last: &str,
    birth: &str,
) -> String {
    let path = format!("/pro/s/{}/open", w.s1);
    let (_, _, html) = page(pro, &w.t, &path).await;
    let csrf = csrf_of(&html);
    let (status, _, sheet) = submit(
        pro,
        &w.t,
        &path,
        &[
            ("_csrf", &csrf),
            ("first_name", first),
            ("last_name", last),
            ("birth_date", birth),
            ("language", "fr"),
            ("password_choice", "typed"),
            ("password", PERSON_PASSWORD),
            ("recovery_relay", "yes"),
            ("consent", "yes"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{sheet}");
    sheet
}

/// Identifiers as people type them: any separator between the parts and in the date, any
/// case; failures under different spellings count against one identifier; a homonym's `-2`
/// is told on her sheet and on the login page, and typed with a space it still counts.
#[tokio::test]
async fn identifiers_are_typed_as_people_type_them() {
    let w = World::with(|c| c.security.trusted_proxies = vec!["127.0.0.1".parse().unwrap()]).await;
    let t = &w.t;
    let pro = crate::pages::staff_logged_in(t, &w.p1_login.0, &w.p1_login.1).await;
    let sheet = open_with_page(&w, &pro, "Amina", "Benali", "14/02/1990").await;
    assert!(sheet.contains("amina.benali.14021990"));
    assert!(
        !sheet.contains("id=\"sheet-homonym\""),
        "no homonym, nothing told"
    );
    for typed in [
        "amina benali 14021990",
        "amina.benali.14-02-1990",
        "Amina Benali 14/02/1990",
        "AMINA_BENALI_1990-02-14",
    ] {
        let r = t.login(typed, PERSON_PASSWORD).await;
        assert_eq!(r.status, StatusCode::OK, "{typed}: {}", r.text);
        assert_eq!(r.json()["account"]["kind"], "beneficiary");
    }
    // The login page says so, and takes the loose spelling too.
    let (_, _, login) = page(&crate::pages::browser(), t, "/login").await;
    assert!(login.contains("amina benali 14/02/1990") && login.contains("-2"));
    logged_in(t, "Amina Benali 14/02/1990", PERSON_PASSWORD).await;

    // Failures from one address under two spellings count against one identifier: three
    // and three reach the limit that five alone would.
    let from = |typed: &'static str, password: &'static str| {
        t.send_with_header(
            "/api/v1/auth/login",
            json!({"identifier": typed, "password": password}),
            ("x-forwarded-for", "203.0.113.9"),
        )
    };
    for typed in [
        "amina benali 14021990",
        "Amina.Benali.14-02-1990",
        "amina benali 14021990",
        "Amina.Benali.14-02-1990",
        "amina benali 14021990",
        "Amina.Benali.14-02-1990",
    ] {
        let r = from(typed, "pas le bon mot de passe").await;
        assert!(
            [StatusCode::UNAUTHORIZED, StatusCode::TOO_MANY_REQUESTS].contains(&r.status),
            "{}",
            r.text
        );
    }
    let r = from("AMINA BENALI 14/02/1990", PERSON_PASSWORD).await;
    assert_eq!(
        r.status,
        StatusCode::TOO_MANY_REQUESTS,
        "a third spelling is held back too"
    );
    let wait: i64 = r.header("retry-after").unwrap().parse().unwrap();
    // Another identifier from the same address is not.
    let r = from("zoe lefevre 05061987", PERSON_PASSWORD).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    t.clock.advance(wait);
    let r = from("AMINA BENALI 14/02/1990", PERSON_PASSWORD).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);

    // A homonym: her identifier ends in -2, and her sheet tells her to type it.
    let sheet = open_with_page(&w, &pro, "Amina", "Benali", "14/02/1990").await;
    assert!(sheet.contains("amina.benali.14021990-2"));
    let told = sheet
        .split("id=\"sheet-homonym\"")
        .nth(1)
        .expect("the sheet tells the homonym number");
    assert!(told.contains("-2"), "{told}");
    for typed in ["amina benali 14021990 2", "Amina Benali 14/02/1990-2"] {
        let r = t.login(typed, PERSON_PASSWORD).await;
        assert_eq!(r.status, StatusCode::OK, "{typed}: {}", r.text);
    }
    // Invitations and recoveries read the identifier the same way.
    let r = t
        .post(
            &format!("/api/v1/structures/{}/invitations", w.s2),
            Some(&w.p2),
            json!({"identifier": "Amina Benali 14/02/1990 2"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::ACCEPTED, "{}", r.text);
    let homonym = t.login_ok("amina.benali.14021990-2", PERSON_PASSWORD).await;
    let first = t.login_ok("amina.benali.14021990", PERSON_PASSWORD).await;
    let invited = t.get("/api/v1/me/invitations", Some(&homonym)).await.json();
    assert_eq!(invited[0]["structure"]["name"], "CCAS", "{invited}");
    let others = t.get("/api/v1/me/invitations", Some(&first)).await.json();
    assert_eq!(others, json!([]), "the invitation went to the one named");
}

/// The actions of her journal, in the order they happened.
async fn journal_actions(w: &World) -> Vec<String> {
    let r =
        w.t.get(
            &format!("/api/v1/beneficiaries/{}/journal", w.bid),
            Some(&w.person),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let mut entries: Vec<(String, String)> = r
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["at"].as_str().unwrap().to_owned(),
                e["action"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    entries.reverse(); // newest first, same second: keep the journal's own order
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    entries.into_iter().map(|(_, a)| a).collect()
}

/// What `after` holds beyond `before` (the journal only grows).
fn added(before: &[String], after: &[String]) -> Vec<String> {
    assert!(after.starts_with(before), "{before:?} / {after:?}");
    after[before.len()..].to_vec()
}

/// Saving a form unchanged writes nothing to her journal; a real change writes exactly what
/// changed. The recovery page's error speaks of the identifier and the code; an in-person reset
/// is announced as one; the professional's upload button adds to the person's safe.
#[tokio::test]
async fn the_journal_holds_real_changes_and_messages_say_what_happened() {
    let w = World::new().await;
    let t = &w.t;
    let doc = t
        .upload(
            &w.person,
            &w.bid,
            jpeg(16, 16),
            "a.jpg",
            Some("Carte Vitale"),
        )
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = format!("/api/v1/documents/{doc}");
    let before = journal_actions(&w).await;
    // The same name, the same (top) folder, the same (no) expiry date: nothing happened.
    let r = t
        .patch(
            &path,
            &w.person,
            json!({"name": "Carte Vitale", "folder_id": null, "expires_on": null}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    // The page's form, saved as it was shown.
    let person = logged_in(t, &w.identifier, PERSON_PASSWORD).await;
    let (_, _, html) = page(&person, t, &format!("/documents/{doc}")).await;
    let form = [
        ("_csrf", csrf_of(&html)),
        ("name", "Carte Vitale".to_owned()),
        ("folder_id", String::new()),
        ("expires_on", String::new()),
    ];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, _, _) = submit(&person, t, &format!("/documents/{doc}/edit"), &form).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let after = journal_actions(&w).await;
    assert!(
        !after.iter().any(|a| a == "document_renamed"
            || a == "document_moved"
            || a.starts_with("document_expiry")),
        "nothing changed, nothing journaled: {:?}",
        added(&before, &after)
    );
    // A real rename: one line, that one.
    let before = journal_actions(&w).await;
    t.patch(
        &path,
        &w.person,
        json!({"name": "Carte Vitale 2030", "folder_id": null}),
    )
    .await;
    let expiry = date_in_days(t, 400);
    t.patch(&path, &w.person, json!({"expires_on": expiry}))
        .await;
    t.patch(&path, &w.person, json!({"expires_on": expiry}))
        .await;
    t.patch(&path, &w.person, json!({"expires_on": null})).await;
    let after = journal_actions(&w).await;
    let new: Vec<String> = added(&before, &after)
        .into_iter()
        .filter(|a| a != "document_viewed")
        .collect();
    assert_eq!(
        new,
        [
            "document_renamed",
            "document_expiry_set",
            "document_expiry_removed"
        ]
    );
    // Sharing what is already shared, or a contact saved unchanged: nothing either.
    let share = format!("/api/v1/documents/{doc}/shares/{}", w.s1);
    t.send_method("PUT", &share, Some(&w.person)).await;
    t.send_method("PUT", &share, Some(&w.person)).await;
    let contact = t
        .post(
            &format!("/api/v1/beneficiaries/{}/contacts", w.bid),
            Some(&w.person),
            json!({"name": "CAF", "phone": "3230"}),
        )
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let before = journal_actions(&w).await;
    t.patch(
        &format!("/api/v1/contacts/{contact}"),
        &w.person,
        json!({"name": "CAF", "phone": "32 30"}),
    )
    .await;
    t.send_method("PUT", &share, Some(&w.person)).await;
    assert_eq!(journal_actions(&w).await, before, "nothing changed");
    let shared = after_count(&before, "document_shared");
    assert_eq!(shared, 1, "shared once, journaled once");

    // The recovery page: a wrong code speaks of the identifier and the code.
    let visitor = crate::pages::browser();
    let (_, _, html) = page(&visitor, t, "/recover").await;
    let (status, _, html) = submit(
        &visitor,
        t,
        "/recover",
        &[
            ("_csrf", &csrf_of(&html)),
            ("identifier", &w.identifier),
            ("source", "sheet"),
            ("recovery_code", "AAAA-BBBB-CCCC-DDDD-EEEE"),
            ("new_password", "un soleil froid sur la gare"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(html.contains("Identifiant ou code incorrect"), "{html}");
    assert!(!html.contains("mot de passe incorrect"));
    let r = t
        .post(
            "/api/v1/auth/recover",
            None,
            json!({"identifier": w.identifier, "recovery_code": "AAAA-BBBB-CCCC-DDDD-EEEE", "new_password": "un soleil froid sur la gare"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(r.code(), "invalid_credentials");
    assert!(
        !r.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("password")
    );

    // An in-person reset is announced as one, on the page and in the API.
    let (colleague, _, _) = t.professional(&w.p1, &w.s1, "member").await;
    let id = t
        .post_empty(
            &format!("/api/v1/beneficiaries/{}/reset", w.bid),
            Some(&w.p1),
        )
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let code = t
        .post_empty(&format!("/api/v1/resets/{id}/confirm"), Some(&colleague))
        .await
        .json()["reset_code"]
        .as_str()
        .unwrap()
        .to_owned();
    let new_password = "un soleil froid sur la gare";
    let r = t
        .post(
            "/api/v1/auth/recover/in-person",
            None,
            json!({"identifier": w.identifier, "reset_code": code, "new_password": new_password}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    // The notice is told at the first login after it, here on the page.
    let person = logged_in(t, &w.identifier, new_password).await;
    let (_, _, home) = page(&person, t, "/home").await;
    assert!(home.contains("réinitialisation sur place"), "{home}");
    assert!(!home.contains("avec votre code de secours"));
    let (_, _, me) = page(&person, t, "/api/v1/me").await;
    let me: serde_json::Value = serde_json::from_str(&me).unwrap();
    assert_eq!(me["security_notices"]["recovered_how"], "in_person", "{me}");

    // The professional's button adds to the person's safe, not to "my" safe.
    let pro = crate::pages::staff_logged_in(t, &w.p1_login.0, &w.p1_login.1).await;
    let (_, _, file) = page(&pro, t, &format!("/pro/b/{}", w.bid)).await;
    assert!(file.contains("Ajouter à son coffre"));
    assert!(!file.contains("Ajouter à mon coffre"));
}

/// How many times `action` is in `actions`.
fn after_count(actions: &[String], action: &str) -> usize {
    actions.iter().filter(|a| *a == action).count()
}

/// A professional corrects or deletes a paper her structure added, until the person makes it
/// her own; each correction is in the person's journal, naming who did it. Her folders stay
/// hers. With plain forms on the person's file too.
#[tokio::test]
async fn a_professional_corrects_what_her_structure_added_until_it_is_hers() {
    let w = World::new().await;
    let t = &w.t;
    let (p1, bid) = (&w.p1, &w.bid);
    let added = |name: &'static str| async move {
        let r = t
            .upload(p1, bid, jpeg(16, 16), "scan.jpg", Some(name))
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        assert_eq!(r.json()["editable"], true, "{}", r.text);
        r.json()["id"].as_str().unwrap().to_owned()
    };
    let doc = added("Atestation CAF").await;
    let path = format!("/api/v1/documents/{doc}");
    // A typo in the name, a forgotten expiry date: she corrects both.
    let expiry = date_in_days(t, 200);
    let r = t
        .patch(
            &path,
            &w.p1,
            json!({"name": "Attestation CAF", "expires_on": expiry}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["name"], "Attestation CAF");
    assert_eq!(r.json()["expires_on"], expiry);
    // Never into the person's folders.
    let folder = t
        .post(
            &format!("/api/v1/beneficiaries/{}/folders", w.bid),
            Some(&w.person),
            json!({"name": "CAF"}),
        )
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let r = t.patch(&path, &w.p1, json!({"folder_id": folder})).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text);
    // The person sees who corrected what.
    let journal = t
        .get(
            &format!("/api/v1/beneficiaries/{}/journal", w.bid),
            Some(&w.person),
        )
        .await
        .json();
    let by_pro: Vec<&serde_json::Value> = journal
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["target"]["id"] == doc.as_str() && e["actor"]["kind"] == "professional")
        .collect();
    let actions: Vec<&str> = by_pro
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert!(
        actions.contains(&"document_renamed") && actions.contains(&"document_expiry_set"),
        "{journal}"
    );
    assert!(
        by_pro
            .iter()
            .all(|e| e["actor"]["structure"]["id"] == w.s1.as_str())
    );
    // She moves it into her folder: it is hers now, the professional only reads it.
    let r = t
        .patch(&path, &w.person, json!({"folder_id": folder}))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let r = t.patch(&path, &w.p1, json!({"name": "Autre nom"})).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text);
    assert_eq!(
        t.delete(&path, Some(&w.p1)).await.status,
        StatusCode::FORBIDDEN
    );
    let r = t.get(&path, Some(&w.p1)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["editable"], false);

    // The same on the person's file, with forms.
    let other = added("Quittance").await;
    let hers = added("Bail").await;
    t.patch(
        &format!("/api/v1/documents/{hers}"),
        &w.person,
        json!({"name": "Mon bail"}),
    )
    .await;
    let pro = crate::pages::staff_logged_in(t, &w.p1_login.0, &w.p1_login.1).await;
    let file_path = format!("/pro/b/{}", w.bid);
    let (_, _, file) = page(&pro, t, &file_path).await;
    let corrections = file
        .split("id=\"corrections\"")
        .nth(1)
        .expect("a corrections section")
        .split("</section>")
        .next()
        .unwrap();
    assert!(corrections.contains(&format!("/documents/{other}/edit")));
    assert!(!corrections.contains(&hers), "hers is not offered");
    assert!(!corrections.contains(&doc), "made hers: not offered");
    let csrf = csrf_of(&file);
    let (status, headers, _) = submit(
        &pro,
        t,
        &format!("{file_path}/documents/{other}/edit"),
        &[
            ("_csrf", &csrf),
            ("name", "Quittance de loyer"),
            ("expires_on", ""),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(
        headers["location"]
            .to_str()
            .unwrap()
            .starts_with(&file_path)
    );
    let r = t
        .get(&format!("/api/v1/documents/{other}"), Some(&w.person))
        .await;
    assert_eq!(r.json()["name"], "Quittance de loyer");
    let (status, _, _) = submit(
        &pro,
        t,
        &format!("{file_path}/documents/{other}/delete"),
        &[("_csrf", &csrf)],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        t.get(&format!("/api/v1/documents/{other}"), Some(&w.person))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    // Hers: refused on the page too, and unchanged.
    let (status, _, _) = submit(
        &pro,
        t,
        &format!("{file_path}/documents/{hers}/delete"),
        &[("_csrf", &csrf)],
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let journal = t
        .get(
            &format!("/api/v1/beneficiaries/{}/journal", w.bid),
            Some(&w.person),
        )
        .await
        .json();
    assert!(
        journal
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "document_deleted"
                && e["actor"]["kind"] == "professional"
                && e["target"]["id"] == other.as_str())
    );
    // Her journal page tells it in words.
    let person = logged_in(t, &w.identifier, PERSON_PASSWORD).await;
    let (_, _, words) = page(&person, t, "/journal").await;
    assert!(words.contains("Quittance de loyer") || words.contains("Un document a été supprimé"));
}

/// The SMS reminders the local operator received: (to, text) of the appointment ones.
fn reminders_sent(rec: &crate::sms::Recorder) -> Vec<String> {
    rec.requests
        .lock()
        .unwrap()
        .iter()
        .filter(|(_, _, b)| {
            b["text"]
                .as_str()
                .unwrap_or_default()
                .contains("rendez-vous")
        })
        .map(|(_, _, b)| b["to"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// Her phone number after the safe is opened: she and a professional of her relais set,
/// change and remove it (pages and API), journaled for her. A reminder chosen without a number
/// says "no phone number" with a link to add one, and is sent once a number is there; the
/// reminders not sent yet follow the number, and a removed number gets nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn her_phone_number_can_be_set_changed_and_removed_and_reminders_follow_it() {
    let (base, rec) = crate::sms::operator().await;
    let w = World::with(move |c| {
        c.jobs.run_in_serve = false;
        c.sms.operator = "webhook".into();
        c.sms.webhook_url = format!("{base}/hook");
        c.sms.webhook_token = "operator-token".into();
        // No quiet hours.
        c.reminders.quiet_from_hour = 0;
        c.reminders.quiet_until_hour = 0;
    })
    .await;
    let t = &w.t;
    let worker =
        consigne::service::Worker::new(&t.app, "w", consigne::service::job_handlers(&t.app));
    let (bid, me, identifier) = (w.bid.as_str(), w.person.as_str(), w.identifier.as_str());
    let phone_of = || async move {
        t.get(&format!("/api/v1/beneficiaries/{bid}"), Some(me))
            .await
            .json()["phone"]
            .clone()
    };
    // She removes the number the structure typed at opening, in "Mon compte".
    let person = logged_in(t, &w.identifier, PERSON_PASSWORD).await;
    let (_, _, settings) = page(&person, t, "/settings").await;
    assert!(settings.contains("0601020304"), "her number is shown");
    let (_, _, phone_page) = page(&person, t, "/phone").await;
    assert!(phone_page.contains("Effacer ce numéro"));
    let (status, _, _) = submit(
        &person,
        t,
        "/phone",
        &[("_csrf", &csrf_of(&phone_page)), ("phone", "")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(phone_of().await, serde_json::Value::Null);
    let (_, _, settings) = page(&person, t, "/settings").await;
    assert!(
        settings.contains("Aucun numéro"),
        "she is told she has none"
    );

    // Without a number, "SMS 1 day before" is kept and says why nothing will be sent.
    let event = |token: &str| {
        let token = token.to_owned();
        async move {
            let starts = consigne::clock::rfc3339(t.app.now() + 3 * 86_400);
            let r = t
                .post(
                    &format!("/api/v1/beneficiaries/{bid}/events"),
                    Some(&token),
                    json!({"title": "CAF", "starts_at": starts, "reminders": [{"minutes_before": 1440, "channel": "sms"}]}),
                )
                .await;
            assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
            r.json()["id"].as_str().unwrap().to_owned()
        }
    };
    // The clock moves by days: each look logs her in afresh.
    let status_of = |id: String| async move {
        let token = t.login_ok(identifier, PERSON_PASSWORD).await;
        let r = t
            .get(&format!("/api/v1/events/{id}/reminders"), Some(&token))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{id}: {}", r.text);
        r.json()[0]["status"].as_str().unwrap().to_owned()
    };
    let hers = event(&w.person).await;
    let by_pro = event(&w.p1).await;
    assert_eq!(status_of(hers.clone()).await, "no_phone");
    assert_eq!(status_of(by_pro.clone()).await, "no_phone");
    let (_, _, html) = page(&person, t, &format!("/events/{hers}")).await;
    assert!(html.contains("pas de numéro de téléphone"), "{html}");
    assert!(html.contains("href=\"/phone\""), "a link to add one");
    let pro = crate::pages::staff_logged_in(t, &w.p1_login.0, &w.p1_login.1).await;
    let (_, _, html) = page(&pro, t, &format!("/events/{by_pro}")).await;
    assert!(
        html.contains(&format!("href=\"/pro/b/{}#phone\"", w.bid)),
        "{html}"
    );

    // A professional of her relais adds it on her file: the reminders will go there.
    let file = format!("/pro/b/{}", w.bid);
    let (_, _, html) = page(&pro, t, &file).await;
    assert!(html.contains("id=\"phone\""));
    let (status, _, _) = submit(
        &pro,
        t,
        &format!("{file}/phone"),
        &[("_csrf", &csrf_of(&html)), ("phone", "07 11 22 33 44")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(phone_of().await, "0711223344");
    assert_eq!(status_of(hers.clone()).await, "scheduled");
    assert_eq!(status_of(by_pro.clone()).await, "scheduled");
    // She changes it again in the API: they follow.
    let r = t
        .send(
            t.http
                .put(t.url(&format!("/api/v1/beneficiaries/{}/phone", w.bid)))
                .bearer_auth(&w.person)
                .json(&json!({"phone": "+44 7700 900123"})),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    // The day before: both reminders reach the number on file, the old ones get nothing.
    t.clock.advance(2 * 86_400 + 60);
    worker.run_due().await.unwrap();
    assert_eq!(reminders_sent(&rec), ["+447700900123", "+447700900123"]);
    assert_eq!(status_of(hers).await, "sent");
    // A number removed: a reminder not sent yet waits, and nothing goes out.
    let later = event(&t.login_ok(&w.identifier, PERSON_PASSWORD).await).await;
    assert_eq!(status_of(later.clone()).await, "scheduled");
    let p1 = t
        .login_staff(&w.p1_login.0, STAFF_PASSWORD, &w.p1_login.1)
        .await;
    assert_eq!(
        t.delete(&format!("/api/v1/beneficiaries/{bid}/phone"), Some(&p1))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(status_of(later.clone()).await, "no_phone");
    t.clock.advance(2 * 86_400 + 60);
    worker.run_due().await.unwrap();
    assert_eq!(reminders_sent(&rec).len(), 2, "nothing more was sent");
    assert_eq!(status_of(later).await, "no_phone");
    // Every change is in her journal, the professional's named.
    let token = t.login_ok(identifier, PERSON_PASSWORD).await;
    let journal = t
        .get(
            &format!("/api/v1/beneficiaries/{bid}/journal"),
            Some(&token),
        )
        .await
        .json();
    let phone_lines: Vec<(String, String)> = journal
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"].as_str().unwrap().starts_with("phone_"))
        .map(|e| {
            (
                e["action"].as_str().unwrap().to_owned(),
                e["actor"]["kind"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    for line in [
        ("phone_removed", "beneficiary"),
        ("phone_changed", "professional"),
        ("phone_changed", "beneficiary"),
        ("phone_removed", "professional"),
    ] {
        assert!(
            phone_lines.contains(&(line.0.to_owned(), line.1.to_owned())),
            "{line:?} in {phone_lines:?}"
        );
    }
}
