//! The case file a structure keeps on a person (issue 14, items 1 and 4): situation fields
//! with a dated, attributed history; the referent and the hand-over to a colleague, seen in
//! "my people"; a key rotation keeps it readable; a structure she leaves keeps it; nothing of
//! it at rest in clear.

use crate::helpers::*;
use crate::pages::{csrf_of, page, submit};
use consigne::service::ServiceError;
use consigne::store::Sql;
use reqwest::StatusCode;
use serde_json::{Value, json};

fn file_path(w: &World) -> String {
    format!("/api/v1/structures/{}/people/{}/file", w.s1, w.bid)
}

async fn account_id(t: &TestApp, token: &str) -> String {
    t.get("/api/v1/me", Some(token)).await.json()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// The clear columns and the key version of her case file at `sid`.
async fn row(t: &TestApp, sid: &str, bid: &str) -> Option<(Option<String>, Option<String>, i64)> {
    let (sid, bid) = (sid.to_owned(), bid.to_owned());
    t.app
        .db
        .transaction(move |tx: &mut dyn Sql| {
            Ok::<_, ServiceError>(tx
                .query_opt(
                    "SELECT housing, referent_account, key_version FROM case_files WHERE structure_id = $1 AND beneficiary_id = $2",
                    &[sid.as_str().into(), bid.as_str().into()],
                )?
                .map(|r| {
                    (
                        r.opt_text("housing").unwrap(),
                        r.opt_text("referent_account").unwrap(),
                        r.int("key_version").unwrap(),
                    )
                }))
        })
        .await
        .unwrap()
}

#[tokio::test]
async fn each_change_is_dated_and_attributed_in_the_history() {
    let w = World::new().await;
    let t = &w.t;
    let path = file_path(&w);
    // No case file yet: an empty one, with her name.
    let r = t.get(&path, Some(&w.p1)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let j = r.json();
    assert_eq!(j["person"]["last_name"], "Lefèvre");
    assert_eq!(j["followed"], true);
    assert_eq!(j["history"], json!([]));
    assert_eq!(j["situation"]["housing"], Value::Null);
    assert!(row(t, &w.s1, &w.bid).await.is_none());

    let r = t
        .patch(
            &path,
            &w.p1,
            json!({"situation": {
                "housing": "emergency_shelter",
                "family": {"status": "single", "children": 2},
                "administrative": {"nationality": "Afghane", "residence_permit": "receipt",
                    "residence_permit_until": "2027-03-01", "domiciliation": "CCAS de Montreuil"},
                "resources": [{"kind": "ada", "monthly": 426}],
                "health_cover": {"kind": "css"},
                "protection": "none"
            }}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let j = r.json();
    assert_eq!(j["situation"]["housing"], "emergency_shelter");
    assert_eq!(j["situation"]["resources"][0]["monthly"], 426);
    let history = j["history"].as_array().unwrap();
    assert_eq!(history.len(), 6, "{j}");
    let me = account_id(t, &w.p1).await;
    for h in history {
        assert_eq!(h["by"]["id"], me.as_str());
        assert_eq!(h["by"]["display_name"], "Camille Pro");
        assert!(h["at"].as_str().unwrap().ends_with('Z'));
    }
    assert_eq!(
        row(t, &w.s1, &w.bid).await,
        Some((Some("emergency_shelter".into()), None, 1))
    );

    // A colleague moves her to a CHRS two minutes later: one new line, hers; the rest unchanged.
    let (colleague, _, _) = t.professional(&w.p1, &w.s1, "member").await;
    t.clock.advance(120);
    let r = t
        .patch(
            &path,
            &colleague,
            json!({"situation": {"housing": "chrs", "protection": "none"}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let j = r.json();
    let history = j["history"].as_array().unwrap();
    assert_eq!(history.len(), 7);
    assert_eq!(history[0]["field"], "housing");
    assert_eq!(history[0]["value"], "chrs");
    assert_eq!(
        history[0]["by"]["id"],
        account_id(t, &colleague).await.as_str()
    );
    assert_ne!(history[0]["at"], history[1]["at"]);
    assert_eq!(history.last().unwrap()["value"], "emergency_shelter");
    assert_eq!(j["situation"]["family"]["children"], 2);
    // Clearing a field is a change too.
    let j = t
        .patch(
            &path,
            &colleague,
            json!({"situation": {"protection": null}}),
        )
        .await
        .json();
    assert_eq!(j["situation"]["protection"], Value::Null);
    assert_eq!(j["history"][0]["field"], "protection");

    // Bad input: a short, precise 4xx; nothing written.
    for bad in [
        json!({"situation": {"housing": "palace"}}),
        json!({"situation": {"mood": "good"}}),
        json!({"situation": {"resources": [{"kind": "rsa", "monthly": -3}]}}),
        json!({"situation": {"administrative": {"residence_permit_until": "demain"}}}),
        json!({"referent_id": "not-an-id"}),
        json!({"other": 1}),
    ] {
        let r = t.patch(&path, &w.p1, bad.clone()).await;
        assert!(r.status.is_client_error(), "{bad}: {} {}", r.status, r.text);
    }
    let j = t.get(&path, Some(&w.p1)).await.json();
    assert_eq!(j["history"].as_array().unwrap().len(), 8);

    // The structure's journal has the changes; her own journal does not.
    let (s1, bid) = (w.s1.clone(), w.bid.clone());
    let lines = t
        .app
        .db
        .transaction(move |tx: &mut dyn Sql| {
            Ok::<_, ServiceError>(tx.query_one(
                "SELECT COUNT(*) AS n FROM journal WHERE beneficiary_id IS NULL AND actor_structure = $1 AND action = 'case_file_updated' AND target_id = $2",
                &[s1.as_str().into(), bid.as_str().into()],
            )?.int("n")?)
        })
        .await
        .unwrap();
    assert_eq!(lines, 3);
    let hers = w.her_journal().await;
    assert!(
        hers.iter().all(|l| !l.to_string().contains("case_file")),
        "{hers:?}"
    );
}

#[tokio::test]
async fn a_hand_over_is_seen_in_my_people_and_in_the_history() {
    let w = World::new().await;
    let t = &w.t;
    let path = file_path(&w);
    let (colleague, c_email, c_secret) = t.professional(&w.p1, &w.s1, "member").await;
    let (p1_id, c_id) = (account_id(t, &w.p1).await, account_id(t, &colleague).await);
    let r = t.patch(&path, &w.p1, json!({"referent_id": p1_id})).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["referent"]["id"], p1_id.as_str());
    // Only a member of the structure may be her referent.
    let (stranger_pro, _, _) = t.professional(&w.admin, &w.s2, "member").await;
    let stranger_id = account_id(t, &stranger_pro).await;
    let r = t
        .post(
            &format!("{path}/handover"),
            Some(&w.p1),
            json!({"referent_id": stranger_id}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);

    let r = t
        .post(
            &format!("{path}/handover"),
            Some(&w.p1),
            json!({"referent_id": c_id, "note": "Rendez-vous CAF le 12, dossier AAH en cours."}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let j = r.json();
    assert_eq!(j["referent"]["id"], c_id.as_str());
    assert_eq!(j["referent"]["display_name"], "Camille Pro");
    let h = &j["history"][0];
    assert_eq!(h["field"], "referent");
    assert_eq!(h["by"]["id"], p1_id.as_str());
    assert_eq!(h["value"]["id"], c_id.as_str());
    assert_eq!(
        h["value"]["note"],
        "Rendez-vous CAF le 12, dossier AAH en cours."
    );
    assert_eq!(
        row(t, &w.s1, &w.bid).await.unwrap().1.as_deref(),
        Some(c_id.as_str())
    );

    // The new referent finds her under "my people" on /pro; the former one does not.
    let browser = crate::pages::staff_logged_in(t, &c_email, &c_secret).await;
    let (_, _, mine) = page(&browser, t, &format!("/pro?s={}&mine=1", w.s1)).await;
    assert!(mine.contains(&format!("/pro/b/{}", w.bid)), "{mine}");
    let (_, _, all) = page(&browser, t, "/pro").await;
    assert!(all.contains(&format!("/pro/b/{}", w.bid)));
    let (p1_email, p1_secret) = &w.p1_login;
    let former = crate::pages::staff_logged_in(t, p1_email, p1_secret).await;
    let (_, _, theirs) = page(&former, t, &format!("/pro?s={}&mine=1", w.s1)).await;
    assert!(!theirs.contains(&format!("/pro/b/{}", w.bid)));
    // The hand-over is in the structure's journal.
    let s1 = w.s1.clone();
    let n = t
        .app
        .db
        .transaction(move |tx: &mut dyn Sql| {
            Ok::<_, ServiceError>(tx.query_one(
                "SELECT COUNT(*) AS n FROM journal WHERE beneficiary_id IS NULL AND actor_structure = $1 AND action = 'referent_changed'",
                &[s1.as_str().into()],
            )?.int("n")?)
        })
        .await
        .unwrap();
    assert_eq!(n, 2);
}

#[tokio::test]
async fn the_case_file_pages_work_without_javascript() {
    let w = World::new().await;
    let t = &w.t;
    let (email, secret) = &w.p1_login;
    let browser = crate::pages::staff_logged_in(t, email, secret).await;
    let (_, _, person) = page(&browser, t, &format!("/pro/b/{}", w.bid)).await;
    let dossier = format!("/pro/b/{}/dossier/{}", w.bid, w.s1);
    assert!(person.contains(&dossier), "{person}");
    let (_, _, html) = page(&browser, t, &dossier).await;
    let csrf = csrf_of(&html);
    let (status, _, _) = submit(
        &browser,
        t,
        &format!("{dossier}/situation"),
        &[
            ("_csrf", csrf.as_str()),
            ("housing", "hotel"),
            ("family_status", "couple"),
            ("children", "1"),
            ("nationality", "Roumaine"),
            ("residence_permit", "not_required"),
            ("residence_permit_until", ""),
            ("domiciliation", ""),
            ("resource_kind_0", "wages"),
            ("resource_amount_0", "900"),
            ("resource_kind_1", ""),
            ("resource_amount_1", ""),
            ("health_cover", "puma"),
            ("health_cover_until", ""),
            ("protection", "none"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, _, html) = page(&browser, t, &dossier).await;
    assert!(html.contains("Roumaine"), "{html}");
    let j = t.get(&file_path(&w), Some(&w.p1)).await.json();
    assert_eq!(j["situation"]["housing"], "hotel");
    assert_eq!(
        j["situation"]["resources"],
        json!([{"kind": "wages", "monthly": 900}])
    );
    // A bad amount: the form again, with the error, nothing written.
    let (status, _, _) = submit(
        &browser,
        t,
        &format!("{dossier}/situation"),
        &[
            ("_csrf", csrf.as_str()),
            ("housing", "street"),
            ("resource_kind_0", "wages"),
            ("resource_amount_0", "beaucoup"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        t.get(&file_path(&w), Some(&w.p1)).await.json()["situation"]["housing"],
        "hotel"
    );
    // The hand-over form.
    let (_, _, _) = t.professional(&w.p1, &w.s1, "member").await;
    let j = t.get(&file_path(&w), Some(&w.p1)).await.json();
    let before = j["history"].as_array().unwrap().len();
    let me = account_id(t, &w.p1).await;
    let (status, _, _) = submit(
        &browser,
        t,
        &format!("{dossier}/referent"),
        &[
            ("_csrf", csrf.as_str()),
            ("referent_id", me.as_str()),
            ("note", "Je reprends."),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, _, html) = page(&browser, t, &dossier).await;
    assert!(html.contains("Je reprends."));
    let j = t.get(&file_path(&w), Some(&w.p1)).await.json();
    assert_eq!(j["history"].as_array().unwrap().len(), before + 1);
}

#[tokio::test]
async fn a_key_rotation_keeps_the_case_file_readable() {
    let w = World::new().await;
    let t = &w.t;
    let path = file_path(&w);
    t.patch(
        &path,
        &w.p1,
        json!({"situation": {"housing": "squat", "administrative": {"nationality": "Ukrainienne"}}}),
    )
    .await;
    assert_eq!(row(t, &w.s1, &w.bid).await.unwrap().2, 1);
    // A member leaves: the structure key is rotated and the case file re-sealed.
    let (member, _, _) = t.professional(&w.p1, &w.s1, "member").await;
    let member_id = account_id(t, &member).await;
    let r = t
        .post_empty(
            &format!(
                "/api/v1/structures/{}/professionals/{member_id}/deactivate",
                w.s1
            ),
            Some(&w.p1),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    assert_eq!(crate::members::rotation_done(t, &w.s1).await, 2);
    assert_eq!(row(t, &w.s1, &w.bid).await.unwrap().2, 2);
    let r = t.get(&path, Some(&w.p1)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(
        r.json()["situation"]["administrative"]["nationality"],
        "Ukrainienne"
    );
    // The departed member reads nothing.
    assert_eq!(t.get(&path, Some(&member)).await.status.as_u16(), 401);
}

#[tokio::test]
async fn a_structure_she_leaves_keeps_its_case_file_read_only() {
    let w = World::new().await;
    let t = &w.t;
    let path = file_path(&w);
    t.patch(&path, &w.p1, json!({"situation": {"housing": "street"}}))
        .await;
    let r = t
        .delete(
            &format!("/api/v1/beneficiaries/{}/relays/{}", w.bid, w.s1),
            Some(&w.person),
        )
        .await;
    assert!(r.status.is_success(), "{}", r.text);
    // Her safe is closed to the structure...
    assert_eq!(
        t.get(&format!("/api/v1/beneficiaries/{}", w.bid), Some(&w.p1))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    // ...its case file stays, with her name as it knew it, read-only.
    let r = t.get(&path, Some(&w.p1)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let j = r.json();
    assert_eq!(j["followed"], false);
    assert_eq!(j["situation"]["housing"], "street");
    assert_eq!(j["person"]["first_name"], "Zoé");
    let r = t
        .patch(&path, &w.p1, json!({"situation": {"housing": "chrs"}}))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text);
    // A structure that never had one finds nothing once she is gone.
    let other = format!("/api/v1/structures/{}/people/{}/file", w.s2, w.bid);
    assert_eq!(
        t.get(&other, Some(&w.p2)).await.status,
        StatusCode::NOT_FOUND
    );
}

/// Markers written into every sealed field of a case file (and the hand-over note) are
/// nowhere at rest: database, blobs, a backup; on SQLite + files and on PostgreSQL + S3
/// (`CONSIGNE_TEST_BACKEND=postgres`).
#[tokio::test]
async fn no_case_file_marker_at_rest() {
    let w = World::new().await;
    let t = &w.t;
    let path = file_path(&w);
    let (colleague, _, _) = t.professional(&w.p1, &w.s1, "member").await;
    let c_id = account_id(t, &colleague).await;
    let r = t
        .patch(
            &path,
            &w.p1,
            json!({"situation": {
                "housing": "hosted_third_party",
                "family": {"status": "civil_union", "children": 7},
                "administrative": {"nationality": "Kzyqnationality", "residence_permit": "asylum_certificate",
                    "residence_permit_until": "2031-07-19", "domiciliation": "Kzyqdomiciliation"},
                "resources": [{"kind": "prime_activite", "monthly": 98765}],
                "health_cover": {"kind": "private", "until": "2032-08-21"},
                "protection": "reinforced_curatorship"
            }, "referent_id": c_id, "note": "Kzyqnote"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let backup = t.app.config.data_dir.join("backup-canary");
    let config = t.app.config.clone();
    tokio::task::spawn_blocking(move || consigne::backup::backup(&config, &backup))
        .await
        .unwrap()
        .unwrap();
    crate::canary::assert_absent(
        t,
        &[
            "Kzyqnationality",
            "Kzyqdomiciliation",
            "Kzyqnote",
            "civil_union",
            "asylum_certificate",
            "2031-07-19",
            "19072031",
            "2032-08-21",
            "prime_activite",
            "\"monthly\":98765",
            "reinforced_curatorship",
        ],
    );
}
