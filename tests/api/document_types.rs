//! Issue 15, item 1: the type of every document (identity card, passport, residence permit...),
//! sealed with its name, chosen when adding or later, shown by a pictogram and a label, and the
//! end date asked for the papers that expire.

use crate::helpers::*;
use crate::pages::{csrf_of, logged_in, page, submit};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// An upload through the API with the text parts `fields` (`type`, `expires_on`...).
async fn upload_with(t: &TestApp, token: &str, bid: &str, fields: &[(&str, &str)]) -> Resp {
    let mut form = reqwest::multipart::Form::new();
    for (k, v) in fields {
        form = form.text(k.to_string(), v.to_string());
    }
    let form = form.part(
        "file",
        reqwest::multipart::Part::bytes(pdf("Papier")).file_name("papier.pdf"),
    );
    t.send(
        t.http
            .post(t.url(&format!("/api/v1/beneficiaries/{bid}/documents")))
            .bearer_auth(token)
            .multipart(form),
    )
    .await
}

/// Her page's form to add a file, posted as a browser without JavaScript would (`fields`
/// besides the token and a PDF).
async fn page_upload(
    person: &reqwest::Client,
    t: &TestApp,
    html: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let mut form = reqwest::multipart::Form::new().text("_csrf", csrf_of(html));
    for (k, v) in fields {
        form = form.text(k.to_string(), v.to_string());
    }
    let form = form.part(
        "file",
        reqwest::multipart::Part::bytes(pdf("Papier")).file_name("papier.pdf"),
    );
    person
        .post(t.url("/documents/upload"))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

async fn her_documents(w: &World) -> Vec<Value> {
    let path = format!("/api/v1/beneficiaries/{}/documents", w.bid);
    let r = w.t.get(&path, Some(&w.person)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    r.json().as_array().unwrap().clone()
}

#[tokio::test]
async fn a_document_carries_its_type_from_creation_to_list_get_patch_and_export() {
    let w = World::new().await;
    let r = upload_with(
        &w.t,
        &w.person,
        &w.bid,
        &[("name", "Mon titre"), ("type", "residence_permit")],
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(r.json()["type"], "residence_permit");
    let id = r.json()["id"].as_str().unwrap().to_owned();
    // Absent: `other`; an empty part too.
    let plain =
        w.t.upload(&w.person, &w.bid, jpeg(8, 8), "a.jpg", None)
            .await;
    assert_eq!(plain.json()["type"], "other");
    let empty = upload_with(&w.t, &w.person, &w.bid, &[("type", "")]).await;
    assert_eq!(empty.status, StatusCode::CREATED, "{}", empty.text);
    assert_eq!(empty.json()["type"], "other");
    // The list (whole and paged) and the document say it.
    let list = her_documents(&w).await;
    let mine = list.iter().find(|d| d["id"] == id.as_str()).unwrap();
    assert_eq!(mine["type"], "residence_permit");
    let paged =
        w.t.get(
            &format!("/api/v1/beneficiaries/{}/documents?page=1", w.bid),
            Some(&w.person),
        )
        .await
        .json();
    assert!(
        paged
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["id"] == id.as_str() && d["type"] == "residence_permit")
    );
    let got =
        w.t.get(&format!("/api/v1/documents/{id}"), Some(&w.person))
            .await;
    assert_eq!(got.json()["type"], "residence_permit");
    // PATCH changes it, journaled once; the same type again writes nothing.
    let r =
        w.t.patch(
            &format!("/api/v1/documents/{id}"),
            &w.person,
            json!({"type": "passport"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["type"], "passport");
    assert_eq!(r.json()["name"], "Mon titre");
    w.t.patch(
        &format!("/api/v1/documents/{id}"),
        &w.person,
        json!({"type": "passport"}),
    )
    .await;
    let changes = w
        .her_journal()
        .await
        .iter()
        .filter(|e| e["action"] == "document_type_changed")
        .count();
    assert_eq!(changes, 1);
    // Her export's data.json carries it.
    let (status, _, zip_bytes) =
        w.t.get_bytes(
            &format!("/api/v1/beneficiaries/{}/export", w.bid),
            &w.person,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip_bytes)).unwrap();
    let mut data = Vec::new();
    std::io::Read::read_to_end(&mut archive.by_name("data.json").unwrap(), &mut data).unwrap();
    let data: Value = serde_json::from_slice(&data).unwrap();
    let exported = data["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["document"]["id"] == id.as_str())
        .unwrap();
    assert_eq!(exported["document"]["type"], "passport");
}

#[tokio::test]
async fn an_unknown_type_is_a_400_naming_the_field_and_nothing_is_stored() {
    let w = World::new().await;
    for fields in [
        &[("type", "secret_paper")][..],
        &[("type", "PASSPORT")][..],
        &[("type", "passport "), ("name", "x")][..],
    ] {
        let r = upload_with(&w.t, &w.person, &w.bid, fields).await;
        if fields[0].1 == "passport " {
            // Spaces around a known code are forgiven, like the other text parts.
            assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
            assert_eq!(r.json()["type"], "passport");
            continue;
        }
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text);
        assert_eq!(r.code(), "invalid_input");
        let message = r.json()["error"]["message"].as_str().unwrap().to_owned();
        assert!(
            message.contains("type") && message.contains("residence_permit"),
            "{message}"
        );
    }
    assert_eq!(her_documents(&w).await.len(), 1);
    let id = her_documents(&w).await[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for body in [json!({"type": "nope"}), json!({"type": ""})] {
        let r =
            w.t.patch(&format!("/api/v1/documents/{id}"), &w.person, body)
                .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text);
        assert_eq!(r.code(), "invalid_input");
    }
    let r =
        w.t.patch(
            &format!("/api/v1/documents/{id}"),
            &w.person,
            json!({"type": 3}),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text);
    // `null`, like an absent field, leaves it as it is.
    let r =
        w.t.patch(
            &format!("/api/v1/documents/{id}"),
            &w.person,
            json!({"type": null}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["type"], "passport");
}

#[tokio::test]
async fn an_end_date_given_on_upload_is_kept_and_reminded() {
    let w = World::new().await;
    let date = date_in_days(&w.t, 200);
    let r = upload_with(
        &w.t,
        &w.person,
        &w.bid,
        &[("type", "passport"), ("expires_on", &date)],
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(r.json()["expires_on"], date.as_str());
    let planned =
        w.t.app
            .tx(|tx| {
                Ok(tx
                    .query(
                        "SELECT minutes_before FROM reminders WHERE kind = 'expiry'",
                        &[],
                    )?
                    .len())
            })
            .await
            .unwrap();
    assert!(planned > 0, "the expiry reminders are planned");
    let r = upload_with(&w.t, &w.person, &w.bid, &[("expires_on", "31/02/2027")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    assert_eq!(r.code(), "invalid_date");
    assert_eq!(her_documents(&w).await.len(), 1);
}

#[tokio::test]
async fn a_professional_corrects_the_type_of_what_her_structure_added_journaled_for_her() {
    let w = World::new().await;
    let r = upload_with(&w.t, &w.p1, &w.bid, &[("type", "payslip")]).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let id = r.json()["id"].as_str().unwrap().to_owned();
    let r =
        w.t.patch(
            &format!("/api/v1/documents/{id}"),
            &w.p1,
            json!({"type": "tax_notice"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["type"], "tax_notice");
    let line = w
        .her_journal()
        .await
        .into_iter()
        .find(|e| e["action"] == "document_type_changed")
        .unwrap();
    assert_eq!(line["actor"]["kind"], "professional", "{line}");
    // Once she changes it herself, it is hers: the professional no longer changes it.
    let r =
        w.t.patch(
            &format!("/api/v1/documents/{id}"),
            &w.person,
            json!({"type": "payslip"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let r =
        w.t.patch(
            &format!("/api/v1/documents/{id}"),
            &w.p1,
            json!({"type": "passport"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text);
    let got =
        w.t.get(&format!("/api/v1/documents/{id}"), Some(&w.p1))
            .await;
    assert_eq!(got.json()["type"], "payslip");
}

#[tokio::test]
async fn the_type_of_a_paper_is_not_stored_in_clear() {
    let w = World::new().await;
    for fields in [
        &[("type", "residence_permit"), ("name", "Papier A")][..],
        &[("type", "carte_vitale"), ("name", "Papier B")][..],
    ] {
        let r = upload_with(&w.t, &w.person, &w.bid, fields).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    }
    let id = her_documents(&w).await[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let r =
        w.t.patch(
            &format!("/api/v1/documents/{id}"),
            &w.person,
            json!({"type": "family_record_book"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    crate::canary::assert_absent(
        &w.t,
        &["residence_permit", "carte_vitale", "family_record_book"],
    );
}

#[tokio::test]
async fn the_plain_forms_set_the_type_and_the_list_shows_its_pictogram_and_label() {
    let w = World::new().await;
    let t = &w.t;
    let person = logged_in(t, &w.identifier, PERSON_PASSWORD).await;
    let (_, _, html) = page(&person, t, "/documents").await;
    // The form offers every type, and the end date with its hint.
    assert!(html.contains("name=\"type\"") && html.contains("value=\"health_cover_certificate\""));
    assert!(html.contains("name=\"expires_on\""));
    let r = page_upload(
        &person,
        t,
        &html,
        &[("name", "Mon passeport"), ("type", "passport")],
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let doc_path = r.headers()["location"].to_str().unwrap().to_owned();
    // Her document page: its label, and the prompt to add the end date (a passport expires).
    let (status, _, html) = page(&person, t, &doc_path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("data-type=\"passport\"") && html.contains("Passeport"),
        "{html}"
    );
    assert!(html.contains("Ajoutez la date de fin"), "{html}");
    assert!(html.contains("href=\"#doc-expires\""));
    // The list: the pictogram and the label beside the name.
    let (_, _, list) = page(&person, t, "/documents").await;
    let (_, card) = list.split_once("Mon passeport</strong>").unwrap();
    assert!(card.contains("data-type=\"passport\""), "{list}");
    assert!(card.contains("<svg") && card.contains("Passeport"));
    // The edit form changes the type and sets the date: the prompt goes.
    let date = date_in_days(t, 400);
    let (status, _, _) = submit(
        &person,
        t,
        &format!("{doc_path}/edit"),
        &[
            ("_csrf", &csrf_of(&html)),
            ("name", "Mon passeport"),
            ("type", "identity_card"),
            ("folder_id", ""),
            ("expires_on", &date),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, _, html) = page(&person, t, &doc_path).await;
    assert!(
        html.contains("data-type=\"identity_card\"") && !html.contains("Ajoutez la date de fin")
    );
    let id = doc_path.rsplit('/').next().unwrap();
    let got = t
        .get(&format!("/api/v1/documents/{id}"), Some(&w.person))
        .await;
    assert_eq!(got.json()["type"], "identity_card");
    assert_eq!(got.json()["expires_on"], date.as_str());
    // A payslip does not expire: no prompt.
    let (_, _, html) = page(&person, t, "/documents").await;
    let r = page_upload(&person, t, &html, &[("type", "payslip")]).await;
    let doc_path = r.headers()["location"].to_str().unwrap().to_owned();
    let (_, _, html) = page(&person, t, &doc_path).await;
    assert!(html.contains("data-type=\"payslip\"") && !html.contains("Ajoutez la date de fin"));
    // A tampered code: the page says which field, nothing stored.
    let r = page_upload(&person, t, &html, &[("type", "nope")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("Type de papier n'est pas valable."),
    );
    assert_eq!(her_documents(&w).await.len(), 2);
}

#[tokio::test]
async fn the_professional_sees_the_type_of_what_she_shares() {
    let w = World::new().await;
    let r = upload_with(
        &w.t,
        &w.person,
        &w.bid,
        &[("type", "caf_certificate"), ("name", "Attestation")],
    )
    .await;
    let id = r.json()["id"].as_str().unwrap().to_owned();
    let share = format!("/api/v1/documents/{id}/shares/{}", w.s1);
    w.t.send_method("PUT", &share, Some(&w.person)).await;
    let pro = crate::pages::staff_logged_in(&w.t, &w.p1_login.0, &w.p1_login.1).await;
    let (status, _, html) = page(&pro, &w.t, &format!("/pro/b/{}", w.bid)).await;
    assert_eq!(status, StatusCode::OK);
    let (_, card) = html.split_once("Attestation</strong>").unwrap();
    assert!(
        card.contains("data-type=\"caf_certificate\"") && card.contains("Attestation CAF"),
        "{html}"
    );
    let (status, _, html) = page(&pro, &w.t, &format!("/pro/b/{}/documents/{id}", w.bid)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("data-type=\"caf_certificate\""));
}

#[tokio::test]
async fn a_scanned_paper_gets_its_type_and_end_date_at_the_review_step() {
    let w = World::new().await;
    let t = &w.t;
    let person = logged_in(t, &w.identifier, PERSON_PASSWORD).await;
    let (_, _, html) = page(&person, t, "/documents").await;
    let token = csrf_of(&html);
    let form = reqwest::multipart::Form::new()
        .text("_csrf", token.clone())
        .part(
            "file",
            reqwest::multipart::Part::bytes(jpeg(40, 60)).file_name("p1.jpg"),
        );
    let r = person
        .post(t.url("/documents/scan"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let review = r.headers()["location"].to_str().unwrap().to_owned();
    let (_, _, html) = page(&person, t, &review).await;
    assert!(html.contains("id=\"scan-type\"") && html.contains("id=\"scan-expires\""));
    let date = date_in_days(t, 300);
    let (status, headers, _) = submit(
        &person,
        t,
        &format!("{review}/save"),
        &[
            ("_csrf", &token),
            ("name", "Titre"),
            ("type", "residence_permit"),
            ("expires_on", &date),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let doc_path = headers["location"].to_str().unwrap();
    let id = doc_path.rsplit('/').next().unwrap();
    let got = t
        .get(&format!("/api/v1/documents/{id}"), Some(&w.person))
        .await;
    assert_eq!(got.json()["type"], "residence_permit");
    assert_eq!(got.json()["expires_on"], date.as_str());
}

#[tokio::test]
async fn a_professional_corrects_the_type_with_the_plain_form() {
    let w = World::new().await;
    let r = upload_with(
        &w.t,
        &w.p1,
        &w.bid,
        &[("type", "payslip"), ("name", "Paie")],
    )
    .await;
    let id = r.json()["id"].as_str().unwrap().to_owned();
    let pro = crate::pages::staff_logged_in(&w.t, &w.p1_login.0, &w.p1_login.1).await;
    let (_, _, html) = page(&pro, &w.t, &format!("/pro/b/{}", w.bid)).await;
    assert!(html.contains(&format!("id=\"pro-{id}-type\"")), "{html}");
    let (status, _, _) = submit(
        &pro,
        &w.t,
        &format!("/pro/b/{}/documents/{id}/edit", w.bid),
        &[
            ("_csrf", &csrf_of(&html)),
            ("name", "Paie"),
            ("type", "tax_notice"),
            ("expires_on", ""),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let got =
        w.t.get(&format!("/api/v1/documents/{id}"), Some(&w.person))
            .await;
    assert_eq!(got.json()["type"], "tax_notice");
    assert!(
        w.her_journal()
            .await
            .iter()
            .any(|e| e["action"] == "document_type_changed" && e["actor"]["kind"] == "professional")
    );
}
