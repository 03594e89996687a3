//! Follow-ups (interview reports): the structure's members write and read both parts; she
//! reads the shared part only, and her journal says who wrote it; nobody else learns they
//! exist; the operator reads neither part at rest; a key rotation keeps them readable.

use crate::helpers::*;
use consigne::domain::StructureId;
use reqwest::StatusCode;
use serde_json::{Value, json};

const SHARED: &str = "Dossier CAF envoyé ensemble, réponse attendue sous un mois";
const PRIVATE: &str = "Inquiète pour son fils, à revoir avec l'assistante sociale";

fn report(w: &World, extra: Value) -> Value {
    let mut body = json!({
        "date": date_in_days(&w.t, 0),
        "medium": "planned_meeting",
        "subjects": ["resources", "housing"],
        "status": "in_progress",
        "shared_text": SHARED,
        "private_text": PRIVATE,
        "due_on": date_in_days(&w.t, 7),
    });
    for (k, v) in extra.as_object().unwrap() {
        body[k] = v.clone();
    }
    body
}

pub async fn write(w: &World, body: Value) -> Value {
    let r =
        w.t.post(
            &format!("/api/v1/structures/{}/people/{}/followups", w.s1, w.bid),
            Some(&w.p1),
            body,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    r.json()
}

#[tokio::test]
async fn she_reads_the_shared_part_only_and_her_journal_says_who_wrote_it() {
    let w = World::new().await;
    let doc = w
        .shared_document(&w.s1, jpeg(24, 24), "caf.jpg", "Attestation CAF")
        .await;
    let f = write(&w, report(&w, json!({"document_ids": [doc]}))).await;
    assert_eq!(f["shared_text"], SHARED);
    assert_eq!(f["private_text"], PRIVATE);
    assert_eq!(f["subjects"], json!(["housing", "resources"]));
    assert_eq!(f["document_ids"], json!([doc]));
    assert_eq!(f["status"], "in_progress");
    // The structure's members read both parts.
    let path = format!("/api/v1/structures/{}/people/{}/followups", w.s1, w.bid);
    let r = w.t.get(&path, Some(&w.p1)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let list = r.json();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["private_text"], PRIVATE);
    assert_eq!(list[0]["medium"], "planned_meeting");
    // She reads the shared part, never the private one.
    let mine = format!("/api/v1/beneficiaries/{}/followups", w.bid);
    let r = w.t.get(&mine, Some(&w.person)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert!(!r.text.contains("Inquiète"), "{}", r.text);
    let hers = r.json();
    assert_eq!(hers[0]["shared_text"], SHARED);
    assert_eq!(hers[0]["structure"]["name"], "Accueil de jour");
    assert_eq!(hers[0]["medium"], "planned_meeting");
    assert!(hers[0].get("private_text").is_none());
    // Her journal: the professional wrote a report of her meeting.
    let journal = w.her_journal().await;
    let line = journal
        .iter()
        .find(|l| l["action"] == "followup_written")
        .expect("a journal line");
    assert_eq!(line["actor"]["kind"], "professional");
    assert_eq!(line["actor"]["structure"]["id"], w.s1.as_str());
    // Nobody else: another structure, a mediation structure, the platform admin.
    for token in [&w.p2, &w.pm, &w.admin] {
        assert_eq!(
            w.t.get(&path, Some(token)).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            w.t.get(&mine, Some(token)).await.status,
            StatusCode::NOT_FOUND
        );
    }
    assert_eq!(
        w.t.get(&path, Some(&w.person)).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(w.t.get(&path, None).await.status, StatusCode::UNAUTHORIZED);
    // A report without a shared part: nothing for her, nothing in her journal.
    write(
        &w,
        report(
            &w,
            json!({"shared_text": null, "private_text": "Seulement pour nous"}),
        ),
    )
    .await;
    let r = w.t.get(&mine, Some(&w.person)).await;
    assert_eq!(r.json().as_array().unwrap().len(), 1);
    assert!(!r.text.contains("Seulement"));
}

#[tokio::test]
async fn a_report_is_changed_and_deleted_by_its_structure_only() {
    let w = World::new().await;
    let f = write(&w, report(&w, json!({"shared_text": null}))).await;
    let id = f["id"].as_str().unwrap();
    let path = format!("/api/v1/structures/{}/followups/{id}", w.s1);
    // Another structure, through its own id or s1's: not found.
    for (token, sid) in [(&w.p2, &w.s2), (&w.p2, &w.s1)] {
        let other = format!("/api/v1/structures/{sid}/followups/{id}");
        let r = w.t.patch(&other, token, json!({"status": "done"})).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);
        assert_eq!(
            w.t.delete(&other, Some(token)).await.status,
            StatusCode::NOT_FOUND
        );
    }
    let r =
        w.t.patch(
            &path,
            &w.p1,
            json!({"status": "done", "shared_text": "Rendez-vous pris à la CAF", "due_on": ""}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let changed = r.json();
    assert_eq!(changed["status"], "done");
    assert_eq!(changed["due_on"], Value::Null);
    assert_eq!(changed["private_text"], PRIVATE);
    assert_eq!(changed["subjects"], json!(["housing", "resources"]));
    // The new shared part reaches her, with a line in her journal.
    let mine = format!("/api/v1/beneficiaries/{}/followups", w.bid);
    let hers = w.t.get(&mine, Some(&w.person)).await.json();
    assert_eq!(hers[0]["shared_text"], "Rendez-vous pris à la CAF");
    // Bad input: a medium, status, date or subject off the lists; a document not shared.
    for body in [
        json!({"medium": "pigeon"}),
        json!({"status": "finished"}),
        json!({"date": "2026-02-30"}),
        json!({"subjects": ["x-00000000"]}),
        json!({"subjects": ["<b>"]}),
        json!({"document_ids": ["00000000-0000-4000-8000-000000000000"]}),
    ] {
        let r = w.t.patch(&path, &w.p1, body.clone()).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}: {}",
            r.text
        );
    }
    let r = w.t.delete(&path, Some(&w.p1)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    assert_eq!(
        w.t.delete(&path, Some(&w.p1)).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(
        w.t.get(&mine, Some(&w.person))
            .await
            .json()
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn a_structure_extends_its_subjects_and_attaches_only_documents_shared_with_it() {
    let w = World::new().await;
    let subjects = format!("/api/v1/structures/{}/subjects", w.s1);
    let r =
        w.t.post(&subjects, Some(&w.p1), json!({"label": "Dossier MDPH"}))
            .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let code = r.json()["code"].as_str().unwrap().to_owned();
    let list = w.t.get(&subjects, Some(&w.p1)).await.json();
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .any(|s| s["code"] == code.as_str() && s["label"] == "Dossier MDPH")
    );
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .any(|s| s["code"] == "housing")
    );
    // Another structure neither sees nor uses it.
    assert_eq!(
        w.t.get(&subjects, Some(&w.p2)).await.status,
        StatusCode::NOT_FOUND
    );
    let f = write(&w, report(&w, json!({"subjects": [code.clone()]}))).await;
    assert_eq!(f["subjects"], json!([code]));
    // A document of hers not shared with s1 cannot be attached.
    let r =
        w.t.upload(&w.person, &w.bid, jpeg(24, 24), "p.jpg", Some("Privé"))
            .await;
    let private = r.json()["id"].as_str().unwrap().to_owned();
    let r =
        w.t.post(
            &format!("/api/v1/structures/{}/people/{}/followups", w.s1, w.bid),
            Some(&w.p1),
            report(&w, json!({"document_ids": [private]})),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    // Required fields.
    let r =
        w.t.post(
            &format!("/api/v1/structures/{}/people/{}/followups", w.s1, w.bid),
            Some(&w.p1),
            json!({"medium": "phone", "status": "todo"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    // A structure that does not follow her writes nothing about her.
    let r =
        w.t.post(
            &format!("/api/v1/structures/{}/people/{}/followups", w.s2, w.bid),
            Some(&w.p2),
            report(&w, json!({})),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);
}

#[tokio::test]
async fn neither_part_is_stored_in_clear() {
    let w = World::new().await;
    write(
        &w,
        report(
            &w,
            json!({
                "shared_text": "MARQUEURPARTAGEZQX",
                "private_text": "MARQUEURPRIVEWJK",
            }),
        ),
    )
    .await;
    crate::canary::assert_absent(&w.t, &["MARQUEURPARTAGEZQX", "MARQUEURPRIVEWJK"]);
}

#[tokio::test]
async fn reports_stay_readable_after_a_structure_key_rotation() {
    let w = World::new().await;
    let f = write(&w, report(&w, json!({}))).await;
    // A second member joins then leaves: the structure's key is rotated.
    let version = w.rotate_s1_key().await;
    assert_eq!(version, 2, "the rotation ended");
    let sid = StructureId::parse(&w.s1).unwrap();
    let r =
        w.t.get(
            &format!("/api/v1/structures/{}/people/{}/followups", w.s1, w.bid),
            Some(&w.p1),
        )
        .await;
    let list = r.json();
    assert_eq!(list[0]["id"], f["id"]);
    assert_eq!(list[0]["private_text"], PRIVATE);
    assert_eq!(list[0]["shared_text"], SHARED);
    // Moved to the new version: no follow-up is left on the old one.
    let stale =
        w.t.app
            .db
            .read(move |tx| consigne::store::followups::stale(tx, &sid, 2, 10))
            .await
            .unwrap();
    assert!(stale.is_empty());
}
