//! The safe's documents: upload by content, encrypted storage, sharing per relais, journal.

use crate::helpers::*;
use reqwest::StatusCode;
use serde_json::json;

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(consigne_vault::sha256(bytes))
}

#[tokio::test]
async fn a_person_uploads_and_downloads_exactly_what_the_document_says() {
    let w = World::new().await;
    let r =
        w.t.upload(
            &w.person,
            &w.bid,
            jpeg(64, 48),
            "IMG_0001.jpg",
            Some("Carte d'identité"),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let doc = r.json();
    assert_eq!(doc["name"], "Carte d'identité");
    assert_eq!(doc["content_type"], "image/jpeg");
    assert_eq!(doc["shared_with"], json!([]), "private by default");
    assert_eq!(doc["created_by"]["kind"], "beneficiary");
    let id = doc["id"].as_str().unwrap();
    let (status, headers, bytes) =
        w.t.get_bytes(&format!("/api/v1/documents/{id}/content"), &w.person)
            .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(sha256_hex(&bytes), doc["sha256"].as_str().unwrap());
    assert_eq!(bytes.len() as i64, doc["size"].as_i64().unwrap());
    assert_eq!(headers["content-type"], "image/jpeg");
    assert!(
        headers["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert!(
        headers["content-security-policy"]
            .to_str()
            .unwrap()
            .starts_with("sandbox")
    );
    // A PDF keeps its pages; the list shows both, newest first.
    w.t.clock.advance(1);
    let r =
        w.t.upload(
            &w.person,
            &w.bid,
            pdf("Attestation CAF"),
            "attestation.pdf",
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(r.json()["name"], "attestation");
    assert_eq!(r.json()["content_type"], "application/pdf");
    let list =
        w.t.get(
            &format!("/api/v1/beneficiaries/{}/documents", w.bid),
            Some(&w.person),
        )
        .await
        .json();
    assert_eq!(list.as_array().unwrap().len(), 2);
    assert_eq!(list[0]["name"], "attestation");
}

#[tokio::test]
async fn only_accepted_types_by_content_and_size() {
    let w = World::new().await;
    let cases: &[(&[u8], &str)] = &[
        (
            b"<!DOCTYPE html><html><script>alert(1)</script></html>",
            "photo.jpg",
        ),
        (
            b"<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"></svg>",
            "image.png",
        ),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00archive", "scan.pdf"),
        (b"MZ\x90\x00\x03\x00\x00\x00program", "doc.pdf"),
        (b"\x7fELF\x02\x01\x01", "a.jpg"),
    ];
    for (bytes, name) in cases {
        let r =
            w.t.upload(&w.person, &w.bid, bytes.to_vec(), name, None)
                .await;
        assert_eq!(
            r.status,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "{name}: {}",
            r.text
        );
        assert_eq!(r.code(), "unsupported_type");
    }
    let mut big = jpeg(8, 8);
    big.resize(21 * 1024 * 1024, 0);
    let r = w.t.upload(&w.person, &w.bid, big, "big.jpg", None).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.text);
    let r =
        w.t.upload(
            &w.person,
            &w.bid,
            b"\xff\xd8\xff\xe0garbage".to_vec(),
            "broken.jpg",
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    assert_eq!(
        w.t.get(
            &format!("/api/v1/beneficiaries/{}/documents", w.bid),
            Some(&w.person)
        )
        .await
        .json(),
        json!([]),
        "nothing half-written"
    );
}

#[tokio::test]
async fn sharing_per_relais_takes_effect_on_the_next_request() {
    let w = World::new().await;
    let id =
        w.t.upload(
            &w.person,
            &w.bid,
            jpeg(32, 32),
            "x.jpg",
            Some("Titre de séjour"),
        )
        .await
        .json()["id"]
            .as_str()
            .unwrap()
            .to_owned();
    let path = format!("/api/v1/documents/{id}");
    let list_path = format!("/api/v1/beneficiaries/{}/documents", w.bid);
    // Private: her relais sees nothing.
    assert_eq!(
        w.t.get(&path, Some(&w.p1)).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(w.t.get(&list_path, Some(&w.p1)).await.json(), json!([]));
    // Shared with s1: s1 sees it, s2 (not her relais) and the mediation structure never do.
    assert_eq!(
        w.t.send_method("PUT", &format!("{path}/shares/{}", w.s1), Some(&w.person))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        w.t.get(&path, Some(&w.p1)).await.json()["shared_with"],
        json!([w.s1])
    );
    let (status, _, bytes) = w.t.get_bytes(&format!("{path}/content"), &w.p1).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!bytes.is_empty());
    assert_eq!(
        w.t.get(&list_path, Some(&w.p1))
            .await
            .json()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    for token in [&w.p2, &w.pm, &w.admin] {
        assert_eq!(
            w.t.get(&path, Some(token)).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            w.t.get_bytes(&format!("{path}/content"), token).await.0,
            StatusCode::NOT_FOUND
        );
    }
    // Sharing with a structure that is not her relais: 404. Professionals cannot share or change.
    assert_eq!(
        w.t.send_method("PUT", &format!("{path}/shares/{}", w.s2), Some(&w.person))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        w.t.send_method("PUT", &format!("{path}/shares/{}", w.s1), Some(&w.p1))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        w.t.patch(&path, &w.p1, json!({"name": "x"})).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        w.t.delete(&path, Some(&w.p1)).await.status,
        StatusCode::FORBIDDEN
    );
    // Revoked: gone at the next request.
    assert_eq!(
        w.t.delete(&format!("{path}/shares/{}", w.s1), Some(&w.person))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        w.t.get(&path, Some(&w.p1)).await.status,
        StatusCode::NOT_FOUND
    );
    // Mes relais counts what each relais sees; leaving revokes everything shared with it.
    w.t.send_method("PUT", &format!("{path}/shares/{}", w.s1), Some(&w.person))
        .await;
    let relays =
        w.t.get(
            &format!("/api/v1/beneficiaries/{}/relays", w.bid),
            Some(&w.person),
        )
        .await
        .json();
    assert_eq!(relays[0]["shared"]["documents"], 1);
    w.t.delete(
        &format!("/api/v1/beneficiaries/{}/relays/{}", w.bid, w.s1),
        Some(&w.person),
    )
    .await;
    assert_eq!(
        w.t.get(&path, Some(&w.p1)).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_professional_adds_a_document_shared_with_her_structure() {
    let w = World::new().await;
    let r =
        w.t.upload(
            &w.p1,
            &w.bid,
            pdf("Domiciliation"),
            "scan.pdf",
            Some("Attestation de domiciliation"),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let doc = r.json();
    assert_eq!(doc["shared_with"], json!([w.s1]));
    assert_eq!(doc["created_by"]["kind"], "professional");
    // The person reads it with her own keys, even though she was away.
    let mine =
        w.t.get(
            &format!("/api/v1/documents/{}", doc["id"].as_str().unwrap()),
            Some(&w.person),
        )
        .await;
    assert_eq!(mine.status, StatusCode::OK);
    assert_eq!(mine.json()["name"], "Attestation de domiciliation");
    // Strangers and mediation cannot add to her safe.
    assert_eq!(
        w.t.upload(&w.p2, &w.bid, pdf("x"), "x.pdf", None)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        w.t.upload(&w.pm, &w.bid, pdf("x"), "x.pdf", None)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_share_row_without_a_key_wrap_reveals_nothing() {
    let w = World::new().await;
    // s2 becomes her relais, but the share row is forced in with s1's wrap.
    w.t.post(
        &format!("/api/v1/structures/{}/invitations", w.s2),
        Some(&w.p2),
        json!({"identifier": w.identifier}),
    )
    .await;
    let iid =
        w.t.get("/api/v1/me/invitations", Some(&w.person))
            .await
            .json()[0]["id"]
            .as_str()
            .unwrap()
            .to_owned();
    w.t.post_empty(
        &format!("/api/v1/me/invitations/{iid}/accept"),
        Some(&w.person),
    )
    .await;
    let id =
        w.t.upload(&w.person, &w.bid, jpeg(16, 16), "a.jpg", None)
            .await
            .json()["id"]
            .as_str()
            .unwrap()
            .to_owned();
    w.t.send_method(
        "PUT",
        &format!("/api/v1/documents/{id}/shares/{}", w.s1),
        Some(&w.person),
    )
    .await;
    let (i2, s1, s2) = (id.clone(), w.s1.clone(), w.s2.clone());
    w.t.app
        .tx(move |tx| {
            let wrap = tx.query_one("SELECT key_wrap FROM item_shares WHERE item_id = $1 AND structure_id = $2", &[i2.as_str().into(), s1.as_str().into()])?.blob(0)?;
            tx.execute("INSERT INTO item_shares (item_id, structure_id, key_wrap, created_at) VALUES ($1, $2, $3, 0)", &[i2.as_str().into(), s2.as_str().into(), wrap.into()])?;
            Ok(())
        })
        .await
        .unwrap();
    assert_eq!(
        w.t.get(&format!("/api/v1/documents/{id}"), Some(&w.p2))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        w.t.get_bytes(&format!("/api/v1/documents/{id}/content"), &w.p2)
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        w.t.get(
            &format!("/api/v1/beneficiaries/{}/documents", w.bid),
            Some(&w.p2)
        )
        .await
        .json(),
        json!([])
    );
}

#[tokio::test]
async fn folders_nest_without_cycles_and_documents_move_rename_expire_and_delete() {
    let w = World::new().await;
    let folders = format!("/api/v1/beneficiaries/{}/folders", w.bid);
    let a =
        w.t.post(&folders, Some(&w.person), json!({"name": "Santé"}))
            .await
            .json();
    let b =
        w.t.post(
            &folders,
            Some(&w.person),
            json!({"name": "CMU", "parent_id": a["id"]}),
        )
        .await
        .json();
    assert_eq!(b["parent_id"], a["id"]);
    let r =
        w.t.patch(
            &format!("{folders}/{}", a["id"].as_str().unwrap()),
            &w.person,
            json!({"parent_id": b["id"]}),
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::CONFLICT,
        "a folder cannot move into its own child"
    );
    // These two, beside the ready-made folders of her new safe.
    assert_eq!(
        w.t.get(&folders, Some(&w.person))
            .await
            .json()
            .as_array()
            .unwrap()
            .len(),
        2 + consigne::domain::FolderPictogram::READY_MADE.len()
    );
    assert_eq!(
        w.t.get(&folders, Some(&w.p1)).await.status,
        StatusCode::NOT_FOUND
    );
    let doc =
        w.t.upload(&w.person, &w.bid, jpeg(20, 20), "x.jpg", None)
            .await
            .json();
    let path = format!("/api/v1/documents/{}", doc["id"].as_str().unwrap());
    let r =
        w.t.patch(
            &path,
            &w.person,
            json!({"name": "Carte Vitale", "folder_id": b["id"], "expires_on": "2027-03-31"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["name"], "Carte Vitale");
    assert_eq!(r.json()["folder_id"], b["id"]);
    assert_eq!(r.json()["expires_on"], "2027-03-31");
    let in_b =
        w.t.get(
            &format!(
                "/api/v1/beneficiaries/{}/documents?folder_id={}",
                w.bid,
                b["id"].as_str().unwrap()
            ),
            Some(&w.person),
        )
        .await
        .json();
    assert_eq!(in_b.as_array().unwrap().len(), 1);
    assert_eq!(
        w.t.patch(&path, &w.person, json!({"expires_on": "31/03/2027"}))
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let r =
        w.t.patch(
            &path,
            &w.person,
            json!({"folder_id": null, "expires_on": null}),
        )
        .await;
    assert_eq!(r.json()["folder_id"], json!(null));
    assert!(r.json().get("expires_on").is_none());
    // Delete: the row and the blob go.
    let blobs_before = w.t.app.blobs().list().unwrap().len();
    assert_eq!(
        w.t.delete(&path, Some(&w.person)).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        w.t.get(&path, Some(&w.person)).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(w.t.app.blobs().list().unwrap().len() < blobs_before);
}

#[tokio::test]
async fn the_journal_tells_her_who_did_what() {
    let w = World::new().await;
    let id =
        w.t.upload(&w.person, &w.bid, jpeg(16, 16), "a.jpg", None)
            .await
            .json()["id"]
            .as_str()
            .unwrap()
            .to_owned();
    w.t.send_method(
        "PUT",
        &format!("/api/v1/documents/{id}/shares/{}", w.s1),
        Some(&w.person),
    )
    .await;
    w.t.get_bytes(&format!("/api/v1/documents/{id}/content"), &w.p1)
        .await;
    let journal =
        w.t.get(
            &format!("/api/v1/beneficiaries/{}/journal", w.bid),
            Some(&w.person),
        )
        .await
        .json();
    let actions: Vec<&str> = journal
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        &actions[..3],
        &[
            "document_downloaded",
            "document_shared",
            "document_uploaded"
        ],
        "{actions:?}"
    );
    assert_eq!(journal[0]["actor"]["kind"], "professional");
    assert_eq!(journal[0]["actor"]["structure"]["name"], "Accueil de jour");
    assert_eq!(journal[0]["target"]["id"], json!(id));
    assert_eq!(journal[1]["actor"]["display_name"], "Zoé Lefèvre");
    assert!(actions.contains(&"login") && actions.contains(&"safe_opened"));
    assert_eq!(
        w.t.get(
            &format!("/api/v1/beneficiaries/{}/journal", w.bid),
            Some(&w.p1)
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
    let chain =
        w.t.app
            .tx(|tx| Ok(consigne::store::journal::verify(tx)?))
            .await
            .unwrap();
    assert!(chain.is_ok());
}

#[tokio::test]
async fn no_marker_of_any_document_reaches_the_data_directory() {
    let w = World::new().await;
    let markers = [
        "QZXMARKERNAME",
        "QZXMARKERFILE",
        "QZXMARKERTEXT",
        "QZXMARKERPIXEL",
        "QZXPHOTONAME",
    ];
    // A photo whose pixels spell a marker (uncompressed rows of ASCII), sent as PNG.
    let row: Vec<u8> = "QZXMARKERPIXEL".bytes().cycle().take(42 * 3).collect();
    let raw: Vec<u8> = row.iter().copied().cycle().take(42 * 3 * 42).collect();
    let img = image::RgbImage::from_raw(42, 42, raw).unwrap();
    let mut png = std::io::Cursor::new(Vec::new());
    img.write_to(&mut png, image::ImageFormat::Png).unwrap();
    let r =
        w.t.upload(
            &w.person,
            &w.bid,
            png.into_inner(),
            "QZXPHOTONAME.png",
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let r =
        w.t.upload(
            &w.person,
            &w.bid,
            pdf("QZXMARKERTEXT inside"),
            "QZXMARKERFILE.pdf",
            Some("QZXMARKERNAME"),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let doc = r.json();
    let (_, _, bytes) =
        w.t.get_bytes(
            &format!("/api/v1/documents/{}/content", doc["id"].as_str().unwrap()),
            &w.person,
        )
        .await;
    assert_eq!(sha256_hex(&bytes), doc["sha256"].as_str().unwrap());
    assert!(
        String::from_utf8_lossy(&bytes).contains("QZXMARKERTEXT"),
        "the content itself is intact"
    );
    crate::canary::assert_absent(&w.t, &markers);
}

#[tokio::test]
async fn export_gives_every_document_data_json_and_a_manifest() {
    let w = World::new().await;
    let folder =
        w.t.post(
            &format!("/api/v1/beneficiaries/{}/folders", w.bid),
            Some(&w.person),
            json!({"name": "Santé"}),
        )
        .await
        .json();
    let photo = jpeg(30, 30);
    let a =
        w.t.upload(&w.person, &w.bid, photo, "a.jpg", Some("Carte Vitale"))
            .await
            .json();
    w.t.patch(
        &format!("/api/v1/documents/{}", a["id"].as_str().unwrap()),
        &w.person,
        json!({"folder_id": folder["id"]}),
    )
    .await;
    let b =
        w.t.upload(
            &w.p1,
            &w.bid,
            pdf("Attestation"),
            "b.pdf",
            Some("Attestation"),
        )
        .await
        .json();
    let (status, headers, zip_bytes) =
        w.t.get_bytes(
            &format!("/api/v1/beneficiaries/{}/export", w.bid),
            &w.person,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "application/zip");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip_bytes)).unwrap();
    let mut read = |name: &str| {
        let mut f = archive.by_name(name).unwrap();
        let mut out = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut out).unwrap();
        out
    };
    let card = read("documents/Santé/Carte Vitale.jpeg");
    assert_eq!(sha256_hex(&card), a["sha256"].as_str().unwrap());
    let att = read("documents/Attestation.pdf");
    assert_eq!(sha256_hex(&att), b["sha256"].as_str().unwrap());
    let data: serde_json::Value = serde_json::from_slice(&read("data.json")).unwrap();
    assert_eq!(data["person"]["first_name"], "Zoé");
    assert_eq!(data["documents"].as_array().unwrap().len(), 2);
    assert!(
        data["folders"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["id"] == folder["id"] && f["name"] == "Santé")
    );
    let manifest = String::from_utf8(read("SHA256SUMS")).unwrap();
    assert!(manifest.contains(&format!("{}  documents/Attestation.pdf", sha256_hex(&att))));
    assert!(manifest.contains("  data.json"));
    // Only she can export.
    assert_eq!(
        w.t.get_bytes(&format!("/api/v1/beneficiaries/{}/export", w.bid), &w.p1)
            .await
            .0,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn deleting_the_safe_erases_keys_rows_and_blobs() {
    let w = World::new().await;
    w.t.upload(&w.person, &w.bid, jpeg(30, 30), "a.jpg", None)
        .await;
    assert!(!w.t.app.blobs().list().unwrap().is_empty());
    let path = format!("/api/v1/beneficiaries/{}", w.bid);
    let wrong =
        w.t.send(
            w.t.http
                .delete(w.t.url(&path))
                .bearer_auth(&w.person)
                .json(&json!({"password": "pas le bon"})),
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    let r =
        w.t.send(
            w.t.http
                .delete(w.t.url(&path))
                .bearer_auth(&w.person)
                .json(&json!({"password": PERSON_PASSWORD})),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    assert!(w.t.app.blobs().list().unwrap().is_empty(), "blobs erased");
    assert_eq!(
        w.t.get("/api/v1/me", Some(&w.person)).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        w.t.login(&w.identifier, PERSON_PASSWORD).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        w.t.get(&path, Some(&w.p1)).await.status,
        StatusCode::NOT_FOUND
    );
    let bid = w.bid.clone();
    let left =
        w.t.app
            .tx(move |tx| {
                let mut n = 0;
                for table in ["beneficiaries", "relays", "items", "folders"] {
                    n += tx
                        .query_one(
                            &format!(
                                "SELECT COUNT(*) FROM {table} WHERE {} = $1",
                                if table == "beneficiaries" {
                                    "id"
                                } else {
                                    "beneficiary_id"
                                }
                            ),
                            &[bid.as_str().into()],
                        )?
                        .int(0)?;
                }
                Ok(n)
            })
            .await
            .unwrap();
    assert_eq!(left, 0);
}

#[tokio::test]
async fn verify_finds_missing_corrupted_and_orphan_blobs_and_a_broken_journal() {
    let w = World::new().await;
    let a =
        w.t.upload(&w.person, &w.bid, jpeg(30, 30), "a.jpg", None)
            .await
            .json();
    w.t.upload(&w.person, &w.bid, pdf("x"), "b.pdf", None).await;
    let report = w.t.app.verify(false).await.unwrap();
    assert!(report.is_clean(), "{report:?}");
    assert_eq!(
        report.blobs_checked, 5,
        "two documents, their thumbnails and the PDF's pages"
    );
    assert!(report.orphans.is_empty());
    // Damage one blob, remove another, add an orphan.
    let aid = a["id"].as_str().unwrap().to_owned();
    let keys =
        w.t.app
            .tx(move |tx| {
                Ok(tx.query_one(
                    "SELECT blob_key, thumb_key FROM items WHERE id = $1",
                    &[aid.as_str().into()],
                )?)
            })
            .await
            .unwrap();
    let (content, thumb) = (keys.text(0).unwrap(), keys.text(1).unwrap());
    // Through the port, so the same damage is done on the filesystem and on S3.
    let store = w.t.app.blobs().clone();
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut store.open(&content).unwrap(), &mut bytes).unwrap();
    bytes[40] ^= 1;
    let mut damaged = store.begin_at(&content).unwrap();
    std::io::Write::write_all(&mut damaged, &bytes).unwrap();
    damaged.commit().unwrap();
    store.delete(&thumb).unwrap();
    let mut orphan = w.t.app.blobs().begin().unwrap();
    std::io::Write::write_all(&mut orphan, b"nobody points at me").unwrap();
    orphan.commit().unwrap();
    let report = w.t.app.verify(false).await.unwrap();
    assert_eq!(report.corrupted.len(), 1);
    assert_eq!(report.missing.len(), 1);
    assert_eq!(report.orphans.len(), 1);
    assert!(!report.is_clean());
    // Downloading the damaged document fails cleanly: it never completes with altered bytes.
    let sent =
        w.t.http
            .get(w.t.url(&format!(
                "/api/v1/documents/{}/content",
                a["id"].as_str().unwrap()
            )))
            .bearer_auth(&w.person)
            .send()
            .await;
    // Either the answer is cut before its headers, or its body never completes.
    let completed = match sent {
        Ok(r) => r.status() == StatusCode::OK && r.bytes().await.is_ok(),
        Err(_) => false,
    };
    assert!(
        !completed,
        "a damaged blob must not download as if it were whole"
    );
    // The journal: a changed entry breaks the chain.
    w.t.app
        .tx(|tx| {
            Ok(tx
                .execute(
                    "UPDATE journal SET action = 'document_deleted' WHERE seq = 2",
                    &[],
                )
                .map(|_| ())?)
        })
        .await
        .unwrap();
    assert_eq!(
        w.t.app.verify(false).await.unwrap().journal_broken_at,
        Some(2)
    );
}

#[tokio::test]
async fn malformed_document_requests_get_json_errors() {
    let w = World::new().await;
    let path = format!("/api/v1/beneficiaries/{}/documents", w.bid);
    let r =
        w.t.send(
            w.t.http
                .post(w.t.url(&path))
                .bearer_auth(&w.person)
                .header("content-type", "text/plain")
                .body("hello"),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.code(), "invalid_input");
    let id =
        w.t.upload(&w.person, &w.bid, jpeg(10, 10), "a.jpg", None)
            .await
            .json()["id"]
            .as_str()
            .unwrap()
            .to_owned();
    let r =
        w.t.patch(
            &format!("/api/v1/documents/{id}"),
            &w.person,
            json!({"name": "  \u{202e} "}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        w.t.get("/api/v1/documents/not-a-uuid", Some(&w.person))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn revoking_a_share_is_journaled_with_the_right_actors() {
    let w = World::new().await;
    let id =
        w.t.upload(
            &w.person,
            &w.bid,
            jpeg(16, 16),
            "a.jpg",
            Some("Acte de naissance"),
        )
        .await
        .json()["id"]
            .as_str()
            .unwrap()
            .to_owned();
    w.t.send_method(
        "PUT",
        &format!("/api/v1/documents/{id}/shares/{}", w.s1),
        Some(&w.person),
    )
    .await;
    assert_eq!(
        w.t.get_bytes(&format!("/api/v1/documents/{id}/content"), &w.p1)
            .await
            .0,
        StatusCode::OK
    );
    w.t.delete(
        &format!("/api/v1/documents/{id}/shares/{}", w.s1),
        Some(&w.person),
    )
    .await;
    assert_eq!(
        w.t.get_bytes(&format!("/api/v1/documents/{id}/content"), &w.p1)
            .await
            .0,
        StatusCode::NOT_FOUND,
        "the very next request"
    );
    let journal =
        w.t.get(
            &format!("/api/v1/beneficiaries/{}/journal", w.bid),
            Some(&w.person),
        )
        .await
        .json();
    let entries: Vec<(String, String, String)> = journal
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["target"]["id"] == json!(id))
        .map(|e| {
            (
                e["action"].as_str().unwrap().to_owned(),
                e["actor"]["kind"].as_str().unwrap().to_owned(),
                e["actor"]["structure"]["name"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
            )
        })
        .collect();
    assert_eq!(
        entries,
        vec![
            (
                "document_unshared".to_owned(),
                "beneficiary".to_owned(),
                String::new()
            ),
            (
                "document_downloaded".to_owned(),
                "professional".to_owned(),
                "Accueil de jour".to_owned()
            ),
            (
                "document_shared".to_owned(),
                "beneficiary".to_owned(),
                String::new()
            ),
            (
                "document_uploaded".to_owned(),
                "beneficiary".to_owned(),
                String::new()
            ),
        ]
    );
}

#[tokio::test]
async fn housekeeping_collects_old_orphans_only() {
    // Ageing a blob means changing its file's time: on the filesystem adapter, whatever the
    // suite's backend (S3 objects cannot be aged; their listing is in blobstore.rs).
    let w = World::with(|c| c.blobs_url.clear()).await;
    w.t.upload(&w.person, &w.bid, jpeg(16, 16), "a.jpg", None)
        .await;
    let mut orphan = w.t.app.blobs().begin().unwrap();
    std::io::Write::write_all(&mut orphan, b"left by a crash").unwrap();
    let key = orphan.key().to_owned();
    orphan.commit().unwrap();
    let before = w.t.app.blobs().list().unwrap().len();
    assert_eq!(
        w.t.app.collect_orphans().await.unwrap(),
        0,
        "a young orphan may be an upload about to commit"
    );
    // Age it by two hours.
    let path =
        w.t.app
            .config
            .data_dir
            .join("blobs")
            .join(&key[..2])
            .join(&key);
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(old)
        .unwrap();
    assert_eq!(w.t.app.collect_orphans().await.unwrap(), 1);
    assert_eq!(w.t.app.blobs().list().unwrap().len(), before - 1);
    assert!(w.t.app.verify(false).await.unwrap().is_clean());
}
