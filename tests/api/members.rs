//! Members of a structure (issue 11, findings 1 and 3): a structure key reaches a new member
//! only through an admin's explicit approval; a deactivated member is locked out at once; the
//! structure key is rotated so a copy of the old key opens nothing made after.

use crate::helpers::*;
use crate::pages::{csrf_of, page, staff_logged_in, submit};
use consigne::domain::{BeneficiaryId, ItemId, StructureId};
use consigne::service::contexts as ctx;
use consigne::store::Sql;
use consigne_vault::KeyPair;
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn add_pro(t: &TestApp, creator: &str, sid: &str, role: &str) -> (Value, String) {
    let email = format!("{}@structure.example", unique("m"));
    let r = t
        .post(
            &format!("/api/v1/structures/{sid}/professionals"),
            Some(creator),
            json!({"display_name": format!("Pro {email}"), "email": email, "password": STAFF_PASSWORD, "role": role}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    (r.json(), email)
}

/// A professional's first login (TOTP enrolment); a full session.
async fn first_login(t: &TestApp, email: &str) -> String {
    t.first_staff_login(email).await.0
}

async fn team(t: &TestApp, token: &str, sid: &str) -> Vec<Value> {
    let r = t
        .get(
            &format!("/api/v1/structures/{sid}/professionals"),
            Some(token),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    r.json().as_array().unwrap().clone()
}

fn member<'a>(team: &'a [Value], id: &str) -> &'a Value {
    team.iter().find(|m| m["id"] == id).unwrap()
}

async fn approve(t: &TestApp, token: &str, sid: &str, pid: &str) -> Resp {
    t.post_empty(
        &format!("/api/v1/structures/{sid}/professionals/{pid}/approve"),
        Some(token),
    )
    .await
}

async fn deactivate(t: &TestApp, token: &str, sid: &str, pid: &str) -> Resp {
    t.post_empty(
        &format!("/api/v1/structures/{sid}/professionals/{pid}/deactivate"),
        Some(token),
    )
    .await
}

/// A PDF document the person shares with `sid`; returns its id.
async fn shared_document(w: &World, sid: &str, text: &str) -> String {
    w.shared_document(sid, pdf(text), "paper.pdf", text).await
}

/// The PDF as served (cleaned on upload, so not the same bytes) still carries its text.
fn has_text(pdf: &[u8], text: &str) -> bool {
    pdf.windows(text.len()).any(|w| w == text.as_bytes())
}

/// Waits until the structure's key rotation has ended (it runs in the background of the
/// server, fed by a key holder's request).
pub(crate) async fn rotation_done(t: &TestApp, sid: &str) -> i64 {
    for _ in 0..600 {
        let s = t
            .app
            .structure_key_status(&StructureId::parse(sid).unwrap())
            .await
            .unwrap();
        if !s.rotating {
            return s.key_version;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the rotation did not end");
}

async fn share_wrap(t: &TestApp, item: &str, sid: &str) -> Vec<u8> {
    let (item, sid) = (item.to_owned(), sid.to_owned());
    t.app
        .db
        .transaction(move |tx: &mut dyn Sql| {
            tx.query_one(
                "SELECT key_wrap FROM item_shares WHERE item_id = $1 AND structure_id = $2",
                &[item.as_str().into(), sid.as_str().into()],
            )?
            .blob(0)
        })
        .await
        .unwrap()
}

fn opens(t: &TestApp, key: &KeyPair, item: &str, sid: &str, wrap: &[u8]) -> bool {
    let aad = ctx::item_key_share(
        &ItemId::parse(item).unwrap(),
        &StructureId::parse(sid).unwrap(),
    );
    let inner = t.app.platform.open(&aad, wrap).unwrap();
    consigne_vault::unwrap_key_from(key, &aad, &inner).is_ok()
}

#[tokio::test]
async fn a_member_the_platform_admin_adds_reads_nothing_until_an_admin_approves_her() {
    let w = World::new().await;
    let doc = shared_document(&w, &w.s1, "shared with the day centre").await;
    // The operator adds an account of her own to the structure...
    let (late, late_email) = add_pro(&w.t, &w.admin, &w.s1, "member").await;
    let late_id = late["id"].as_str().unwrap().to_owned();
    assert_eq!(late["status"], "pending");
    assert_eq!(late["has_access"], false);
    // ...a member who holds the key logs in (this used to hand the key over)...
    w.t.login_staff(&w.p1_login.0, STAFF_PASSWORD, &w.p1_login.1)
        .await;
    // ...and the new account still reads nothing.
    let late = first_login(&w.t, &late_email).await;
    let people = format!("/api/v1/structures/{}/beneficiaries", w.s1);
    let r = w.t.get(&people, Some(&late)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text);
    assert_eq!(r.code(), "access_pending");
    let r =
        w.t.get(&format!("/api/v1/documents/{doc}/content"), Some(&late))
            .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r =
        w.t.get(&format!("/api/v1/beneficiaries/{}", w.bid), Some(&late))
            .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // The structure's admin sees who asked and when.
    let list = team(&w.t, &w.p1, &w.s1).await;
    let m = member(&list, &late_id);
    assert_eq!(m["status"], "pending");
    assert_eq!(m["requested_by"], "Operator");
    assert!(m["requested_at"].as_str().unwrap().ends_with('Z'));
    // Neither the operator, nor a plain member, nor another structure may approve.
    assert_eq!(
        approve(&w.t, &w.admin, &w.s1, &late_id).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        approve(&w.t, &late, &w.s1, &late_id).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        approve(&w.t, &w.p2, &w.s1, &late_id).await.status,
        StatusCode::NOT_FOUND
    );
    // A pending account acts for no one, even made an admin by the operator: it cannot
    // deactivate the structure's members, approve itself, or open safes in its name.
    let (rogue, rogue_email) = add_pro(&w.t, &w.admin, &w.s1, "admin").await;
    let rogue_id = rogue["id"].as_str().unwrap().to_owned();
    let rogue = first_login(&w.t, &rogue_email).await;
    let p1_id = w.t.get("/api/v1/me", Some(&w.p1)).await.json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        deactivate(&w.t, &rogue, &w.s1, &p1_id).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        approve(&w.t, &rogue, &w.s1, &rogue_id).await.status,
        StatusCode::FORBIDDEN
    );
    let r =
        w.t.post(
            &format!("/api/v1/structures/{}/beneficiaries", w.s1),
            Some(&rogue),
            json!({"first_name": "Faux", "last_name": "Dossier", "birth_date": "1990-01-01", "password": PERSON_PASSWORD}),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text);
    // The admin approves: her open session reads at once.
    let r = approve(&w.t, &w.p1, &w.s1, &late_id).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let r = w.t.get(&people, Some(&late)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()[0]["first_name"], "Zoé");
    let (s, _, body) =
        w.t.get_bytes(&format!("/api/v1/documents/{doc}/content"), &late)
            .await;
    assert_eq!(s, StatusCode::OK);
    assert!(has_text(&body, "shared with the day centre"));
    let m = team(&w.t, &w.p1, &w.s1).await;
    assert_eq!(member(&m, &late_id)["status"], "active");
    assert_eq!(member(&m, &late_id)["has_access"], true);
    let r = approve(&w.t, &w.p1, &w.s1, &late_id).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.code(), "not_pending");
    // Each step is in the structure's part of the journal, which `consigne verify` checks.
    let sid = w.s1.clone();
    let actions: Vec<String> =
        w.t.app
            .db
            .transaction(move |tx: &mut dyn Sql| {
                tx.query(
                    "SELECT action FROM journal WHERE beneficiary_id IS NULL AND actor_structure = $1 ORDER BY seq",
                    &[sid.as_str().into()],
                )?
                .iter()
                .map(|r| r.text(0))
                .collect()
            })
            .await
            .unwrap();
    assert_eq!(
        actions,
        [
            "member_added",
            "member_requested",
            "member_requested",
            "member_approved"
        ]
    );
    let report = w.t.app.verify(false).await.unwrap();
    assert_eq!(report.journal_broken_at, None, "{report:?}");
}

#[tokio::test]
async fn a_deactivated_member_is_locked_out_at_once_and_stays_in_the_journals() {
    let w = World::new().await;
    let (b, b_email) = add_pro(&w.t, &w.p1, &w.s1, "member").await;
    let b_id = b["id"].as_str().unwrap().to_owned();
    assert_eq!(b["status"], "active", "added by an admin who holds the key");
    let b = first_login(&w.t, &b_email).await;
    let r =
        w.t.get(&format!("/api/v1/beneficiaries/{}", w.bid), Some(&b))
            .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    // A plain member and the operator (the structure has an admin) may not deactivate.
    assert_eq!(
        deactivate(&w.t, &b, &w.s1, &b_id).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        deactivate(&w.t, &w.admin, &w.s1, &b_id).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        deactivate(&w.t, &w.p2, &w.s1, &b_id).await.status,
        StatusCode::NOT_FOUND
    );
    let r = deactivate(&w.t, &w.p1, &w.s1, &b_id).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    // Her session ends at the next request, her login is refused (told plainly only to who
    // knows her password).
    let r = w.t.get("/api/v1/me", Some(&b)).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let r = w.t.login(&b_email, STAFF_PASSWORD).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text);
    assert_eq!(r.code(), "account_deactivated");
    let r = w.t.login(&b_email, "not her password at all, really").await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(r.code(), "invalid_credentials");
    // Off the active team, still listed as a former member; deactivating again changes nothing.
    let list = team(&w.t, &w.p1, &w.s1).await;
    assert_eq!(member(&list, &b_id)["status"], "deactivated");
    assert_eq!(member(&list, &b_id)["has_access"], false);
    assert_eq!(
        deactivate(&w.t, &w.p1, &w.s1, &b_id).await.status,
        StatusCode::NO_CONTENT
    );
    // Her name stays in the person's journal.
    let journal =
        w.t.get(
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
            .any(|e| e["actor"]["display_name"] == format!("Pro {b_email}")),
        "{journal}"
    );
    // The last member who holds the key cannot be deactivated by accident.
    let p1_id = w.t.get("/api/v1/me", Some(&w.p1)).await.json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    rotation_done(&w.t, &w.s1).await;
    let r = deactivate(&w.t, &w.p1, &w.s1, &p1_id).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.code(), "last_key_holder");
}

#[tokio::test]
async fn after_a_rotation_a_departed_members_copy_of_the_key_opens_nothing() {
    let w = World::new().await;
    let old_doc = shared_document(&w, &w.s1, "before she left").await;
    let (b, b_email) = add_pro(&w.t, &w.p1, &w.s1, "member").await;
    let b_id = b["id"].as_str().unwrap().to_owned();
    let b = first_login(&w.t, &b_email).await;
    // She keeps a copy of the structure's private key.
    let s1 = StructureId::parse(&w.s1).unwrap();
    let kept = w.t.app.authenticate(&b).await.unwrap();
    let old_key = kept.keys.structure_key(&s1).unwrap();
    assert!(opens(
        &w.t,
        &old_key,
        &old_doc,
        &w.s1,
        &share_wrap(&w.t, &old_doc, &w.s1).await
    ));
    let r = deactivate(&w.t, &w.p1, &w.s1, &b_id).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    assert_eq!(rotation_done(&w.t, &w.s1).await, 2);
    // A new item after the rotation: her key cannot open its wrap; the admin's can.
    let new_doc = shared_document(&w, &w.s1, "after she left").await;
    let admin_keys = w.t.app.authenticate(&w.p1).await.unwrap().keys;
    let new_key = admin_keys.structure_key(&s1).unwrap();
    let wrap = share_wrap(&w.t, &new_doc, &w.s1).await;
    assert!(!opens(&w.t, &old_key, &new_doc, &w.s1, &wrap));
    assert!(opens(&w.t, &new_key, &new_doc, &w.s1, &wrap));
    // The items shared before were re-wrapped: her copy opens none of them any more.
    let wrap = share_wrap(&w.t, &old_doc, &w.s1).await;
    assert!(!opens(&w.t, &old_key, &old_doc, &w.s1, &wrap));
    assert!(opens(&w.t, &new_key, &old_doc, &w.s1, &wrap));
    // Nor the people's identity wraps.
    let (bid, sid) = (w.bid.clone(), w.s1.clone());
    let identity_wrap =
        w.t.app
            .db
            .transaction(move |tx: &mut dyn Sql| {
                tx.query_one(
                "SELECT identity_wrap FROM relays WHERE beneficiary_id = $1 AND structure_id = $2",
                &[bid.as_str().into(), sid.as_str().into()],
            )?
            .blob(0)
            })
            .await
            .unwrap();
    let aad = ctx::relay_identity(&BeneficiaryId::parse(&w.bid).unwrap(), &s1);
    let inner = w.t.app.platform.open(&aad, &identity_wrap).unwrap();
    assert!(consigne_vault::unwrap_key_from(&old_key, &aad, &inner).is_err());
    assert!(consigne_vault::unwrap_key_from(&new_key, &aad, &inner).is_ok());
    // The remaining member reads everything, old and new, through the API.
    for (doc, text) in [(&old_doc, "before she left"), (&new_doc, "after she left")] {
        let (s, _, body) =
            w.t.get_bytes(&format!("/api/v1/documents/{doc}/content"), &w.p1)
                .await;
        assert_eq!(s, StatusCode::OK);
        assert!(has_text(&body, text));
    }
    let r =
        w.t.get(
            &format!("/api/v1/structures/{}/beneficiaries", w.s1),
            Some(&w.p1),
        )
        .await;
    assert_eq!(r.json()[0]["first_name"], "Zoé", "{}", r.text);
}

#[tokio::test]
async fn the_operator_may_close_an_account_only_in_a_structure_without_admin() {
    // No worker in the server: this test runs one itself.
    let w = World::with(|c| c.jobs.run_in_serve = false).await;
    let sid =
        w.t.create_structure(&w.admin, "Halte de nuit", "relay")
            .await;
    let (head, head_email) = add_pro(&w.t, &w.admin, &sid, "admin").await;
    assert_eq!(
        head["status"], "active",
        "the first member gets the new key"
    );
    let head = first_login(&w.t, &head_email).await;
    let (bid, _, _) = w.t.open_safe(&head, &sid, "Ana", "Pop", "1990-02-03").await;
    let (m1, _) = add_pro(&w.t, &head, &sid, "member").await;
    let (_, m2_email) = add_pro(&w.t, &head, &sid, "member").await;
    let m2 = first_login(&w.t, &m2_email).await;
    let head_id = w.t.get("/api/v1/me", Some(&head)).await.json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let m1_id = m1["id"].as_str().unwrap();
    assert_eq!(
        deactivate(&w.t, &w.admin, &sid, m1_id).await.status,
        StatusCode::FORBIDDEN
    );
    // The admin leaves (she may deactivate herself: others hold the key).
    let r = deactivate(&w.t, &head, &sid, &head_id).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    rotation_done(&w.t, &sid).await;
    // No admin left: the operator may close an account, and holds no key to rotate with...
    let id = StructureId::parse(&sid).unwrap();
    let r = deactivate(&w.t, &w.admin, &sid, m1_id).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    assert!(w.t.app.structure_key_status(&id).await.unwrap().rotating);
    // A worker that was handed no key by a key holder's session cannot run it: it waits.
    let worker = consigne::service::Worker::new(
        &w.t.app,
        "test-worker",
        consigne::service::job_handlers(&w.t.app),
    );
    let round = worker.run_due().await.unwrap();
    assert_eq!((round.claimed, round.postponed), (1, 1), "{round:?}");
    assert!(w.t.app.structure_key_status(&id).await.unwrap().rotating);
    // ...so the rotation runs at the next request of a member who holds the key.
    let r =
        w.t.get(
            &format!("/api/v1/structures/{sid}/beneficiaries"),
            Some(&m2),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(rotation_done(&w.t, &sid).await, 3);
    let r =
        w.t.get(&format!("/api/v1/beneficiaries/{bid}"), Some(&m2))
            .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["first_name"], "Ana");
}

#[tokio::test]
async fn the_team_page_shows_who_waits_and_approves_with_a_form() {
    let w = World::new().await;
    let (late, _) = add_pro(&w.t, &w.admin, &w.s1, "member").await;
    let late_id = late["id"].as_str().unwrap().to_owned();
    let browser = staff_logged_in(&w.t, &w.p1_login.0, &w.p1_login.1).await;
    let (status, _, html) = page(&browser, &w.t, &format!("/s/{}/team", w.s1)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("id=\"pending\""), "{html}");
    assert!(html.contains("Operator"), "who asked is shown");
    let action = format!("/s/{}/team/{late_id}/approve", w.s1);
    assert!(html.contains(&action));
    let (status, _, html) = submit(&browser, &w.t, &action, &[("_csrf", &csrf_of(&html))]).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    let list = team(&w.t, &w.p1, &w.s1).await;
    assert_eq!(member(&list, &late_id)["status"], "active");
}
