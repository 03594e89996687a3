//! Procedures ("démarches", issue 15 item 3): the catalogue; a procedure is an item of her
//! safe started by her or by a professional of a relais that follows her, its statuses dated,
//! its receipt attached, its deadline reminded by SMS without naming it, shared per relais,
//! journaled, exported; its checklist computed at read time from the papers the caller sees;
//! the inputs checked with the field named; the pages' plain forms.

use crate::helpers::*;
use crate::pages::csrf_of;
use crate::sms::operator;
use consigne::service::{Worker, job_handlers};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn start(w: &World, token: &str, body: Value) -> Resp {
    w.t.post(
        &format!("/api/v1/beneficiaries/{}/procedures", w.bid),
        Some(token),
        body,
    )
    .await
}

/// A paper she adds, of type `doc_type`, ending on `expires_on`; shared with `share` if given.
async fn paper(w: &World, doc_type: &str, expires_on: Option<&str>, share: Option<&str>) -> String {
    let r =
        w.t.upload(
            &w.person,
            &w.bid,
            pdf(doc_type),
            "papier.pdf",
            Some(doc_type),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let id = r.json()["id"].as_str().unwrap().to_owned();
    let mut patch = json!({"type": doc_type});
    if let Some(e) = expires_on {
        patch["expires_on"] = json!(e);
    }
    let r =
        w.t.patch(&format!("/api/v1/documents/{id}"), &w.person, patch)
            .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    if let Some(sid) = share {
        let r =
            w.t.send_method(
                "PUT",
                &format!("/api/v1/documents/{id}/shares/{sid}"),
                Some(&w.person),
            )
            .await;
        assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    }
    id
}

async fn page_text(t: &TestApp, browser: &reqwest::Client, path: &str) -> String {
    browser
        .get(t.url(path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_catalogue_lists_each_procedure_with_its_papers_and_sources() {
    let w = World::new().await;
    let r = w.t.get("/api/v1/procedures/catalogue", Some(&w.p1)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let list = r.json();
    let list = list.as_array().unwrap();
    assert!(list.len() >= 8);
    for code in [
        "rsa",
        "css",
        "aide_logement",
        "domiciliation",
        "residence_permit_renewal",
        "identity_document",
        "france_travail_registration",
        "ame",
    ] {
        let p = list.iter().find(|p| p["code"] == code).expect(code);
        assert!(p["name"].as_str().is_some_and(|n| !n.is_empty()));
        assert!(p["source_url"].as_str().unwrap().starts_with("https://"));
        let docs = p["documents"].as_array().unwrap();
        assert!(!docs.is_empty());
        assert!(
            docs.iter()
                .all(|line| line.as_array().is_some_and(|l| !l.is_empty()))
        );
    }
    let rsa = list.iter().find(|p| p["code"] == "rsa").unwrap();
    assert_eq!(
        rsa["source_url"],
        "https://www.service-public.fr/particuliers/vosdroits/F19778"
    );
    assert_eq!(rsa["form"], "cerfa_15481");
    assert_eq!(
        rsa["documents"][0],
        json!(["identity_card", "passport", "residence_permit"])
    );
    // She reads it too; nobody signed out does.
    let r =
        w.t.get("/api/v1/procedures/catalogue", Some(&w.person))
            .await;
    assert_eq!(r.status, StatusCode::OK);
    let r = w.t.get("/api/v1/procedures/catalogue", None).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_professional_starts_one_for_her_and_it_lands_in_her_safe() {
    let w = World::new().await;
    let r = start(
        &w,
        &w.p1,
        json!({"code": "rsa", "deadline_on": "2027-01-12"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let view = r.json();
    assert_eq!(view["code"], "rsa");
    assert_eq!(view["status"], "to_prepare");
    assert_eq!(view["deadline_on"], "2027-01-12");
    assert_eq!(view["history"].as_array().unwrap().len(), 1);
    assert_eq!(view["history"][0]["status"], "to_prepare");
    assert!(view["history"][0]["at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(view["checklist"].as_array().unwrap().len(), 4);
    assert!(
        view["checklist"]
            .as_array()
            .unwrap()
            .iter()
            .all(|l| l["state"] == "missing" && l.get("document_id").is_none())
    );
    assert_eq!(view["created_by"]["kind"], "professional");
    assert_eq!(view["shared_with"], json!([w.s1]));
    let id = view["id"].as_str().unwrap();
    // In her safe: her history lists it.
    let list =
        w.t.get(
            &format!("/api/v1/beneficiaries/{}/procedures", w.bid),
            Some(&w.person),
        )
        .await;
    assert_eq!(list.status, StatusCode::OK);
    assert_eq!(list.json()[0]["id"], id);
    // Her journal: started by him, the procedure not named.
    let journal = w.her_journal().await;
    let made = journal
        .iter()
        .find(|e| e["action"] == "procedure_created")
        .expect("in her journal");
    assert_eq!(made["actor"]["kind"], "professional");
    assert_eq!(made["target"]["id"], id);
    let page = page_text(&w.t, &session_browser(&w.t, &w.person), "/journal").await;
    let line = page
        .split("<li")
        .find(|l| l.contains("a commencé une démarche"))
        .expect("the line on her journal page");
    assert!(line.contains("Accueil de jour"), "{line}");
    // Another structure finds nothing, like a missing id.
    for path in [
        format!("/api/v1/procedures/{id}"),
        format!("/api/v1/beneficiaries/{}/procedures", w.bid),
    ] {
        assert_eq!(
            w.t.get(&path, Some(&w.p2)).await.status,
            StatusCode::NOT_FOUND
        );
    }
    let r = start(&w, &w.p2, json!({"code": "rsa"})).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn statuses_are_dated_the_receipt_attached_and_she_shares_it() {
    let w = World::new().await;
    let r = start(&w, &w.person, json!({"code": "css"})).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let view = r.json();
    assert_eq!(view["shared_with"], json!([]));
    let id = view["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/procedures/{id}");
    // Private: the professional neither sees nor changes it.
    assert_eq!(
        w.t.get(&path, Some(&w.p1)).await.status,
        StatusCode::NOT_FOUND
    );
    let r = w.t.patch(&path, &w.p1, json!({"status": "filed"})).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // She files it: a second dated change; the same status again adds nothing.
    let r =
        w.t.patch(&path, &w.person, json!({"status": "filed"}))
            .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let history = r.json()["history"].clone();
    assert_eq!(history.as_array().unwrap().len(), 2);
    assert_eq!(history[1]["status"], "filed");
    assert!(history[1]["at"].as_str().unwrap() >= history[0]["at"].as_str().unwrap());
    let r =
        w.t.patch(&path, &w.person, json!({"status": "filed"}))
            .await;
    assert_eq!(r.json()["history"].as_array().unwrap().len(), 2);
    // The receipt: a document of her safe.
    let receipt = paper(&w, "other", None, None).await;
    let r =
        w.t.patch(&path, &w.person, json!({"receipt_document_id": receipt}))
            .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["receipt_document_id"], receipt);
    // Shared with her relais: the professional sees it and moves it on.
    let share = format!("{path}/shares/{}", w.s1);
    let r = w.t.send_method("PUT", &share, Some(&w.person)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let seen = w.t.get(&path, Some(&w.p1)).await;
    assert_eq!(seen.status, StatusCode::OK);
    assert_eq!(seen.json()["status"], "filed");
    let r =
        w.t.patch(&path, &w.p1, json!({"status": "being_processed"}))
            .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["history"].as_array().unwrap().len(), 3);
    // A receipt he cannot see (not shared with his structure) is refused, naming the field.
    let r =
        w.t.patch(&path, &w.p1, json!({"receipt_document_id": receipt}))
            .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text);
    assert!(r.text.contains("receipt_document_id"), "{}", r.text);
    // He cannot share it further.
    let other = format!("{path}/shares/{}", w.s2);
    assert_eq!(
        w.t.send_method("PUT", &other, Some(&w.p1)).await.status,
        StatusCode::FORBIDDEN
    );
    let journal = w.her_journal().await;
    let actions: Vec<(&str, &str)> = journal
        .iter()
        .filter(|e| e["target"]["id"] == id.as_str())
        .map(|e| {
            (
                e["action"].as_str().unwrap(),
                e["actor"]["kind"].as_str().unwrap(),
            )
        })
        .collect();
    for a in [
        ("procedure_created", "beneficiary"),
        ("procedure_updated", "beneficiary"),
        ("procedure_shared", "beneficiary"),
        ("procedure_viewed", "professional"),
        ("procedure_updated", "professional"),
    ] {
        assert!(actions.contains(&a), "{a:?} in {actions:?}");
    }
    // Closed: still in her history, in order.
    w.t.patch(&path, &w.person, json!({"status": "granted"}))
        .await;
    // A minute later, another one.
    w.t.clock.set(w.t.app.now() + 60);
    let second = start(&w, &w.person, json!({"code": "ame"})).await.json();
    let list =
        w.t.get(
            &format!("/api/v1/beneficiaries/{}/procedures", w.bid),
            Some(&w.person),
        )
        .await
        .json();
    let codes: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["css", "ame"]);
    assert_eq!(list[0]["status"], "granted");
    assert_eq!(list[1]["id"], second["id"]);
}

#[tokio::test]
async fn the_checklist_counts_the_papers_the_caller_sees_at_read_time() {
    let w = World::new().await;
    let yesterday = date_in_days(&w.t, -1);
    let next_year = date_in_days(&w.t, 365);
    // An identity card shared with the relais; a proof of address expired; bank details
    // kept to herself; no resources yet.
    let card = paper(&w, "identity_card", Some(&next_year), Some(&w.s1)).await;
    let old_address = paper(&w, "proof_of_address", Some(&yesterday), Some(&w.s1)).await;
    let rib = paper(&w, "bank_details", None, None).await;
    let view = start(&w, &w.p1, json!({"code": "rsa"})).await.json();
    let id = view["id"].as_str().unwrap().to_owned();
    let states = |v: &Value| -> Vec<(String, Option<String>)> {
        v["checklist"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| {
                (
                    l["state"].as_str().unwrap().to_owned(),
                    l["document_id"].as_str().map(str::to_owned),
                )
            })
            .collect()
    };
    // The professional: the card, the expired address, no RIB (not shared with him).
    let pro = states(&view);
    assert_eq!(pro[0], ("present".into(), Some(card.clone())));
    assert_eq!(pro[1], ("expired".into(), Some(old_address.clone())));
    assert_eq!(pro[2], ("missing".into(), None));
    assert_eq!(pro[3], ("missing".into(), None));
    assert_eq!(
        view["checklist"][0]["types"],
        json!(["identity_card", "passport", "residence_permit"])
    );
    // She sees her RIB.
    let path = format!("/api/v1/procedures/{id}");
    let hers = states(&w.t.get(&path, Some(&w.person)).await.json());
    assert_eq!(hers[2], ("present".into(), Some(rib)));
    // She adds a payslip from her phone and a new proof of address, shares them: present at
    // the next load, the freshest paper chosen.
    let payslip = paper(&w, "payslip", None, Some(&w.s1)).await;
    let address = paper(&w, "proof_of_address", Some(&next_year), Some(&w.s1)).await;
    let again = states(&w.t.get(&path, Some(&w.p1)).await.json());
    assert_eq!(again[1], ("present".into(), Some(address)));
    assert_eq!(again[3], ("present".into(), Some(payslip)));
    assert_eq!(again[2], ("missing".into(), None));
}

#[tokio::test]
async fn a_refused_input_names_the_field_and_never_fails_the_server() {
    let w = World::new().await;
    let cases: Vec<(Value, &str)> = vec![
        (json!({}), "code"),
        (json!({"code": "castle"}), "code"),
        (json!({"code": 7}), "code"),
        (
            json!({"code": "rsa", "deadline_on": "12/01/2027"}),
            "deadline_on",
        ),
        (
            json!({"code": "rsa", "deadline_on": "2027-02-30"}),
            "deadline_on",
        ),
        (json!({"code": "rsa", "deadline_on": true}), "deadline_on"),
        (json!({"code": "rsa", "status": "filed"}), "body"),
    ];
    for (body, field) in cases {
        for token in [&w.person, &w.p1] {
            let r = start(&w, token, body.clone()).await;
            assert_eq!(r.status, StatusCode::BAD_REQUEST, "{body}: {}", r.text);
            assert_eq!(r.code(), "invalid_input");
            assert!(
                r.json()["error"]["message"]
                    .as_str()
                    .unwrap()
                    .contains(&format!("for {field}:")),
                "{field} for {body}: {}",
                r.text
            );
        }
    }
    let r = start(&w, &w.person, json!(["rsa"])).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text);
    let id = start(&w, &w.person, json!({"code": "rsa"})).await.json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = format!("/api/v1/procedures/{id}");
    for (body, field) in [
        (json!({"status": "done"}), "status"),
        (json!({"status": 3}), "status"),
        (json!({"deadline_on": "soon"}), "deadline_on"),
        (
            json!({"receipt_document_id": "not-an-id"}),
            "receipt_document_id",
        ),
        (
            json!({"receipt_document_id": "00000000-0000-4000-8000-000000000000"}),
            "receipt_document_id",
        ),
        (json!({"receipt_document_id": id}), "receipt_document_id"),
        (json!({"code": "ame"}), "body"),
    ] {
        let r = w.t.patch(&path, &w.person, body.clone()).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{body}: {}", r.text);
        assert!(
            r.text.contains(&format!("for {field}:")),
            "{field}: {}",
            r.text
        );
    }
    // Nothing changed, nothing else stored.
    let got = w.t.get(&path, Some(&w.person)).await.json();
    assert_eq!(got["history"].as_array().unwrap().len(), 1);
    let list =
        w.t.get(
            &format!("/api/v1/beneficiaries/{}/procedures", w.bid),
            Some(&w.person),
        )
        .await;
    assert_eq!(list.json().as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn her_export_holds_her_procedures() {
    let w = World::new().await;
    let view = start(
        &w,
        &w.p1,
        json!({"code": "ame", "deadline_on": "2027-02-01"}),
    )
    .await
    .json();
    let (status, _, zip_bytes) =
        w.t.get_bytes(
            &format!("/api/v1/beneficiaries/{}/export", w.bid),
            &w.person,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip_bytes)).unwrap();
    let mut f = archive.by_name("data.json").unwrap();
    let mut raw = Vec::new();
    std::io::Read::read_to_end(&mut f, &mut raw).unwrap();
    let data: Value = serde_json::from_slice(&raw).unwrap();
    let exported = &data["procedures"][0];
    assert_eq!(exported["id"], view["id"]);
    assert_eq!(exported["code"], "ame");
    assert_eq!(exported["deadline_on"], "2027-02-01");
    assert_eq!(exported["history"], view["history"]);
}

/// Which procedure she goes through, where it stands and its deadline are never at rest in
/// clear (SQLite and files here; PostgreSQL and S3 when the suite runs on them).
#[tokio::test]
async fn her_procedures_are_never_at_rest_in_clear() {
    let w = World::new().await;
    let r = start(
        &w,
        &w.p1,
        json!({"code": "residence_permit_renewal", "deadline_on": "2031-07-19"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let id = r.json()["id"].as_str().unwrap().to_owned();
    let r =
        w.t.patch(
            &format!("/api/v1/procedures/{id}"),
            &w.p1,
            json!({"status": "being_processed"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    crate::canary::assert_absent(
        &w.t,
        &[
            "residence_permit_renewal",
            "being_processed",
            "to_prepare",
            "2031-07-19",
            "Renouvellement du titre",
        ],
    );
}

/// 2026-11-01 12:00 UTC.
const NOV_FIRST_NOON: i64 = 1_793_534_400;

/// The deadline's SMS reaches the local recording operator in her language, a week before at
/// 10:00, without the procedure's name; a new deadline plans them again; closing the
/// procedure cancels them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_deadline_is_reminded_by_sms_in_her_language_without_naming_it() {
    let (base, rec) = operator().await;
    let url = base.clone();
    let mut w = World::with(move |c| {
        c.jobs.run_in_serve = false;
        c.sms.operator = "webhook".into();
        c.sms.webhook_url = format!("{url}/hook");
        c.sms.webhook_token = "operator-token".into();
        c.sms.delivery_token = "delivery-token".into();
    })
    .await;
    w.t.clock.set(NOV_FIRST_NOON);
    w.person = w.t.login_ok(&w.identifier, PERSON_PASSWORD).await;
    let r =
        w.t.post(
            "/api/v1/me/language",
            Some(&w.person),
            json!({"language": "ru"}),
        )
        .await;
    assert!(r.status.is_success(), "{}", r.text);
    let r = start(
        &w,
        &w.person,
        json!({"code": "rsa", "deadline_on": "2026-11-20"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let id = r.json()["id"].as_str().unwrap().to_owned();
    let planned = |t: &TestApp| {
        let t = t.app.clone();
        async move {
            t.tx(|tx| {
                Ok(tx
                    .query(
                        "SELECT minutes_before FROM reminders WHERE kind = 'deadline' AND status = 'scheduled' ORDER BY minutes_before DESC",
                        &[],
                    )?
                    .iter()
                    .map(|r| r.int(0))
                    .collect::<Result<Vec<_>, _>>()?)
            })
            .await
            .unwrap()
        }
    };
    assert_eq!(planned(&w.t).await, vec![7 * 1440, 1440]);
    let wk = Worker::new(&w.t.app, "w1", job_handlers(&w.t.app));
    // 2026-11-13 10:00 in Paris: a week before.
    w.t.clock.set(NOV_FIRST_NOON + 12 * 86_400 - 3 * 3600);
    assert_eq!(wk.run_due().await.unwrap().done, 1);
    let text = rec.requests.lock().unwrap()[0].2["text"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(text.contains("20/11/2026"), "{text}");
    assert!(text.contains("срок"), "in Russian: {text}");
    for name in ["RSA", "rsa", "solidarit", "солидарн", "Revenu"] {
        assert!(!text.contains(name), "{name} in {text}");
    }
    // A new deadline: planned again for it.
    w.person = w.t.login_ok(&w.identifier, PERSON_PASSWORD).await;
    let path = format!("/api/v1/procedures/{id}");
    let r =
        w.t.patch(&path, &w.person, json!({"deadline_on": "2026-12-04"}))
            .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(planned(&w.t).await, vec![7 * 1440, 1440]);
    // Granted: nothing more to remind.
    let r =
        w.t.patch(&path, &w.person, json!({"status": "granted"}))
            .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(planned(&w.t).await, Vec::<i64>::new());
    // 2026-11-27 and 2026-12-03 10:00 in Paris: nothing sent.
    w.t.clock.set(NOV_FIRST_NOON + 26 * 86_400 - 3 * 3600);
    assert_eq!(wk.run_due().await.unwrap().done, 0);
    w.t.clock.set(NOV_FIRST_NOON + 32 * 86_400 - 3 * 3600);
    assert_eq!(wk.run_due().await.unwrap().done, 0);
    assert_eq!(rec.requests.lock().unwrap().len(), 1);
}

/// Her pages' plain forms: start one, see its checklist, file it; the professional's side
/// from her file: start one for her, change its status; the history on both.
#[tokio::test]
async fn the_pages_start_and_move_a_procedure_with_plain_forms() {
    let w = World::new().await;
    paper(&w, "identity_card", None, Some(&w.s1)).await;
    let her = session_browser(&w.t, &w.person);
    let html = page_text(&w.t, &her, "/procedures").await;
    assert!(html.contains("name=\"code\""));
    assert!(html.contains("value=\"france_travail_registration\""));
    let home = page_text(&w.t, &her, "/home").await;
    assert!(
        home.contains("href=\"/rights\""),
        "her home leads to rights and procedures"
    );
    let rights = page_text(&w.t, &her, "/rights").await;
    assert!(rights.contains("href=\"/procedures\""));
    // Without the token: refused.
    let r = her
        .post(w.t.url("/procedures"))
        .form(&[("_csrf", "wrong"), ("code", "rsa")])
        .send()
        .await
        .unwrap();
    assert!(r.status().is_client_error());
    let r = her
        .post(w.t.url("/procedures"))
        .form(&[
            ("_csrf", csrf_of(&html).as_str()),
            ("code", "rsa"),
            ("deadline_on", ""),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let to = r.headers()["location"].to_str().unwrap().to_owned();
    assert!(to.starts_with("/procedures/"), "{to}");
    let page = page_text(&w.t, &her, &to).await;
    assert!(page.contains("id=\"checklist\""));
    assert!(page.contains("data-state=\"present\""), "{page}");
    assert!(page.contains("data-state=\"missing\""));
    assert!(page.contains("id=\"build-file\""));
    assert!(page.contains("service-public.fr"));
    // "Add this paper" opens her form with the type chosen.
    assert!(
        page.contains("href=\"/documents?type=domiciliation_certificate#add-paper\""),
        "{page}"
    );
    let form = page_text(&w.t, &her, "/documents?type=domiciliation_certificate").await;
    assert!(
        form.contains("<option value=\"domiciliation_certificate\" selected"),
        "{form}"
    );
    let r = her
        .post(w.t.url(&to))
        .form(&[("_csrf", csrf_of(&page).as_str()), ("status", "filed")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let page = page_text(&w.t, &her, &to).await;
    assert!(page.contains("Déposée"));
    // A wrong date: 422, said in words.
    let r = her
        .post(w.t.url(&to))
        .form(&[
            ("_csrf", csrf_of(&page).as_str()),
            ("deadline_on", "demain"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("n'est pas une date"));
    // The professional, from her file, a minute later.
    w.t.clock.set(w.t.app.now() + 60);
    let pro = session_browser(&w.t, &w.p1);
    let file = page_text(&w.t, &pro, &format!("/pro/b/{}", w.bid)).await;
    assert!(file.contains(&format!("/pro/b/{}/procedures", w.bid)));
    let list_path = format!("/pro/b/{}/procedures", w.bid);
    let html = page_text(&w.t, &pro, &list_path).await;
    let r = pro
        .post(w.t.url(&list_path))
        .form(&[
            ("_csrf", csrf_of(&html).as_str()),
            ("code", "css"),
            ("deadline_on", "2027-03-01"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let to = r.headers()["location"].to_str().unwrap().to_owned();
    let page = page_text(&w.t, &pro, &to).await;
    assert!(page.contains("data-state=\"present\""), "the shared card");
    let add = format!("/pro/b/{}?type=domiciliation_certificate", w.bid);
    assert!(
        page.contains(&format!("href=\"{add}#add-paper\"")),
        "{page}"
    );
    let form = page_text(&w.t, &pro, &add).await;
    assert!(
        form.contains("<option value=\"domiciliation_certificate\" selected"),
        "{form}"
    );
    let r = pro
        .post(w.t.url(&to))
        .form(&[
            ("_csrf", csrf_of(&page).as_str()),
            ("status", "being_processed"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let history = page_text(&w.t, &pro, &list_path).await;
    assert!(
        history.contains("En cours d&#39;instruction")
            || history.contains("En cours d'instruction"),
        "{history}"
    );
    // Her history: both, in order (hers first).
    let mine = page_text(&w.t, &her, "/procedures").await;
    let rsa = mine.find("RSA (revenu").unwrap();
    let css = mine.find("Complémentaire santé solidaire").unwrap();
    assert!(rsa < css);
}
