//! Re-wrap on first open (issue 12, docs/encryption.md): what a professional adds while the
//! person is away is wrapped to her public key; the first time she opens it, its key is wrapped
//! under her vault key instead. Afterwards it opens with her vault key alone, the structures it
//! is shared with still read it, and her journal holds nothing more than the open itself.

use crate::helpers::*;
use consigne::domain::{BeneficiaryId, ItemId, StructureId};
use consigne::service::contexts as ctx;
use consigne::store::items::{self, ItemRow, ShareRow};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// The item's row and its shares, read through the store.
async fn stored(t: &TestApp, id: &str) -> (ItemRow, Vec<ShareRow>) {
    let id = ItemId::parse(id).unwrap();
    t.app
        .tx(move |tx| {
            let row = items::by_id(tx, &id)?.unwrap();
            Ok((row, items::shares_of(tx, &id)?))
        })
        .await
        .unwrap()
}

async fn journal(w: &World, token: &str) -> Vec<Value> {
    let path = format!("/api/v1/beneficiaries/{}/journal", w.bid);
    let entries = w.t.get(&path, Some(token)).await.json();
    entries.as_array().expect("her journal").clone()
}

/// Adds a note to her safe as the holder of `token`; returns its id.
async fn add_note(w: &World, token: &str, title: &str, body: &str) -> String {
    let path = format!("/api/v1/beneficiaries/{}/notes", w.bid);
    let r =
        w.t.post(&path, Some(token), json!({"title": title, "body": body}))
            .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    r.json()["id"].as_str().unwrap().to_owned()
}

/// Her vault key, from her password as a login derives it, then the item's metadata opened with
/// that key and nothing else: no key pair, no session.
async fn meta_with_vault_key_alone(w: &World, row: &ItemRow) -> Value {
    let bid = BeneficiaryId::parse(&w.bid).unwrap();
    let (b, account) =
        w.t.app
            .tx(move |tx| {
                let b = consigne::store::beneficiaries::by_id(tx, &bid)?.unwrap();
                let a = consigne::store::accounts::by_id(tx, &b.account_id)?.unwrap();
                Ok((b, a))
            })
            .await
            .unwrap();
    let platform = &w.t.app.platform;
    let params = consigne_vault::KdfParams::decode(&account.kdf_params).unwrap();
    let salt: [u8; 16] = account.kdf_salt.as_slice().try_into().unwrap();
    let derived =
        consigne_vault::derive_secret(PERSON_PASSWORD.as_bytes(), &salt, &params).unwrap();
    let aad = ctx::vault_password(&b.id);
    let vault = consigne_vault::unwrap_key(
        &derived.wrap_key,
        &aad,
        &platform.open(&aad, &b.vault_wrap_password).unwrap(),
    )
    .unwrap();
    let aad = ctx::item_key_vault(&row.beneficiary_id, &row.id);
    let wrap = row.key_wrap_vault.as_ref().expect("a vault wrap");
    let key =
        consigne_vault::unwrap_key(&vault, &aad, &platform.open(&aad, wrap).unwrap()).unwrap();
    let aad = ctx::item_meta(&row.beneficiary_id, &row.id);
    let json =
        consigne_vault::open(&key, &aad, &platform.open(&aad, &row.meta_sealed).unwrap()).unwrap();
    serde_json::from_slice(&json).unwrap()
}

#[tokio::test]
async fn her_first_open_rewraps_what_a_professional_added_under_her_vault_key() {
    let w = World::new().await;
    let t = &w.t;
    // She is away (logged out) when her professional adds a document and a note.
    assert_eq!(
        t.post_empty("/api/v1/auth/logout", Some(&w.person))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    let r = t
        .upload(
            &w.p1,
            &w.bid,
            pdf("Avis 2026"),
            "avis.pdf",
            Some("Avis d'imposition"),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let doc = r.json()["id"].as_str().unwrap().to_owned();
    let note = add_note(&w, &w.p1, "CAF", "rendez-vous jeudi").await;
    let (_, _, pro_content) = t
        .get_bytes(&format!("/api/v1/documents/{doc}/content"), &w.p1)
        .await;

    // Both are wrapped to her public key (and to the structure); the professional's own opens
    // change nothing.
    let mut before = Vec::new();
    for id in [&doc, &note] {
        let (row, shares) = stored(t, id).await;
        assert!(row.key_wrap_vault.is_none(), "{id}");
        assert!(row.key_wrap_owner.is_some(), "{id}");
        assert_eq!(shares.len(), 1);
        assert_eq!(shares[0].structure_id.as_str(), w.s1);
        before.push((row, shares));
    }

    // She logs in and opens them: the document through her list, the note on its own.
    let person = t.login_ok(&w.identifier, PERSON_PASSWORD).await;
    let journal_before = journal(&w, &person).await;
    let r = t
        .get(
            &format!("/api/v1/beneficiaries/{}/documents", w.bid),
            Some(&person),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()[0]["name"], "Avis d'imposition");
    let r = t.get(&format!("/api/v1/notes/{note}"), Some(&person)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["body"], "rendez-vous jeudi");

    // (d) Her journal between the two reads: the note's view, which every open of a note
    // makes, and nothing else (listing documents is not journaled, the re-wrap neither).
    let journal_after = journal(&w, &person).await;
    assert_eq!(journal_after.len(), journal_before.len() + 1);
    assert_eq!(journal_after[0]["action"], "note_viewed");
    assert_eq!(journal_after[0]["actor"]["kind"], "beneficiary");
    assert_eq!(journal_after[0]["target"]["id"], json!(note));
    assert_eq!(journal_after[1..], journal_before[..]);

    // (a) The store now holds a wrap under her vault key and no public-key wrap; nothing else
    // in the row or its shares changed.
    for (old, old_shares) in &before {
        let (row, shares) = stored(t, old.id.as_str()).await;
        assert!(row.key_wrap_vault.is_some(), "{}", old.id);
        assert!(row.key_wrap_owner.is_none(), "{}", old.id);
        assert_eq!(row.meta_sealed, old.meta_sealed);
        assert_eq!(row.updated_at, old.updated_at);
        assert_eq!(row.blob_key, old.blob_key);
        assert_eq!(row.created_by_structure, old.created_by_structure);
        let wraps = |s: &[ShareRow]| -> Vec<(StructureId, Vec<u8>)> {
            s.iter()
                .map(|s| (s.structure_id.clone(), s.key_wrap.clone()))
                .collect()
        };
        assert_eq!(wraps(&shares), wraps(old_shares));
    }

    // (b) Her vault key alone opens them...
    let (doc_row, _) = stored(t, &doc).await;
    let (note_row, _) = stored(t, &note).await;
    assert_eq!(
        meta_with_vault_key_alone(&w, &doc_row).await["name"],
        "Avis d'imposition"
    );
    assert_eq!(
        meta_with_vault_key_alone(&w, &note_row).await["body"],
        "rendez-vous jeudi"
    );
    // ... and so does a fresh login of hers, content included.
    let again = t.login_ok(&w.identifier, PERSON_PASSWORD).await;
    let (status, _, content) = t
        .get_bytes(&format!("/api/v1/documents/{doc}/content"), &again)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content, pro_content);
    let r = t.get(&format!("/api/v1/notes/{note}"), Some(&again)).await;
    assert_eq!(r.json()["body"], "rendez-vous jeudi");

    // (c) The structure still reads both.
    let (status, _, content) = t
        .get_bytes(&format!("/api/v1/documents/{doc}/content"), &w.p1)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content, pro_content);
    let r = t.get(&format!("/api/v1/notes/{note}"), Some(&w.p1)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["body"], "rendez-vous jeudi");

    // The swap compares: a late second re-wrap of the same old wrap changes nothing.
    let (old, _) = &before[0];
    let (id, old_wrap) = (old.id.clone(), old.key_wrap_owner.clone().unwrap());
    let changed = t
        .app
        .tx(move |tx| Ok(items::rewrap_to_vault(tx, &id, &old_wrap, b"another wrap")?))
        .await
        .unwrap();
    assert_eq!(changed, 0);
    assert_eq!(
        stored(t, &doc).await.0.key_wrap_vault,
        doc_row.key_wrap_vault
    );
}

#[tokio::test]
async fn what_she_adds_herself_and_what_professionals_open_is_not_rewritten() {
    let w = World::new().await;
    let t = &w.t;
    let mine = add_note(&w, &w.person, "Moi", "à moi").await;
    let theirs = add_note(&w, &w.p1, "CAF", "rendez-vous jeudi").await;
    let (mine_before, _) = stored(t, &mine).await;
    assert!(mine_before.key_wrap_owner.is_none());
    // The professional lists and opens: her public-key wrap stays (only her session re-wraps).
    let r = t
        .get(
            &format!("/api/v1/beneficiaries/{}/notes", w.bid),
            Some(&w.p1),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(
        t.get(&format!("/api/v1/notes/{theirs}"), Some(&w.p1))
            .await
            .status,
        StatusCode::OK
    );
    let (row, _) = stored(t, &theirs).await;
    assert!(row.key_wrap_vault.is_none() && row.key_wrap_owner.is_some());
    // Her list re-wraps the professional's note and leaves her own row byte for byte.
    let r = t
        .get(
            &format!("/api/v1/beneficiaries/{}/notes", w.bid),
            Some(&w.person),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json().as_array().unwrap().len(), 2);
    let (row, _) = stored(t, &theirs).await;
    assert!(row.key_wrap_vault.is_some() && row.key_wrap_owner.is_none());
    let (mine_after, _) = stored(t, &mine).await;
    assert_eq!(mine_after.key_wrap_vault, mine_before.key_wrap_vault);
}
