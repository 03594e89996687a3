//! One thing the user does, one write transaction (issue 12, part 4): the "who sees this" form
//! changes every share at once, and the checks that guard a write (a safe's quota, the folder
//! tree) are made again inside the transaction that writes, so two requests at once cannot
//! both pass them on a state the other is about to change. Run on both backends.

use crate::helpers::*;
use crate::pages::{csrf_of, logged_in, page, submit};
use reqwest::StatusCode;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// The actions of her journal, newest first.
async fn journal_actions(w: &World) -> Vec<String> {
    w.t.get(
        &format!("/api/v1/beneficiaries/{}/journal", w.bid),
        Some(&w.person),
    )
    .await
    .json()
    .as_array()
    .unwrap()
    .iter()
    .map(|e| e["action"].as_str().unwrap().to_owned())
    .collect()
}

/// Structure s2 invites her and she accepts: s1 and s2 are both her relais.
async fn second_relais(w: &World) {
    let r =
        w.t.post(
            &format!("/api/v1/structures/{}/invitations", w.s2),
            Some(&w.p2),
            json!({"identifier": w.identifier}),
        )
        .await;
    assert!(r.status.is_success(), "{}", r.text);
    let iid =
        w.t.get("/api/v1/me/invitations", Some(&w.person))
            .await
            .json()[0]["id"]
            .as_str()
            .unwrap()
            .to_owned();
    let r =
        w.t.post_empty(
            &format!("/api/v1/me/invitations/{iid}/accept"),
            Some(&w.person),
        )
        .await;
    assert!(r.status.is_success(), "{}", r.text);
}

#[tokio::test]
async fn the_who_sees_this_form_changes_every_share_at_once() {
    let w = World::new().await;
    second_relais(&w).await;
    let id =
        w.t.upload(&w.person, &w.bid, jpeg(24, 24), "x.jpg", Some("Passeport"))
            .await
            .json()["id"]
            .as_str()
            .unwrap()
            .to_owned();
    let path = format!("/api/v1/documents/{id}");
    let r =
        w.t.send_method("PUT", &format!("{path}/shares/{}", w.s1), Some(&w.person))
            .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    let person = logged_in(&w.t, &w.identifier, PERSON_PASSWORD).await;
    let (status, _, html) = page(&person, &w.t, &format!("/documents/{id}")).await;
    let before = journal_actions(&w).await.len();

    // One form: s1 unticked, s2 ticked (and an id that is no relais of hers, ignored).
    assert_eq!(status, StatusCode::OK);
    let csrf = csrf_of(&html);
    let form = [
        ("_csrf", csrf.as_str()),
        ("sid", w.s2.as_str()),
        ("sid", w.med.as_str()),
    ];
    let (status, headers, _) =
        submit(&person, &w.t, &format!("/documents/{id}/shares"), &form).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers["location"], format!("/documents/{id}").as_str());
    let doc = w.t.get(&path, Some(&w.person)).await.json();
    assert_eq!(doc["shared_with"], json!([w.s2]));
    assert_eq!(
        w.t.get(&path, Some(&w.p1)).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(w.t.get(&path, Some(&w.p2)).await.status, StatusCode::OK);
    assert_eq!(
        w.t.get(&path, Some(&w.pm)).await.status,
        StatusCode::NOT_FOUND
    );
    // One journal line per share that changed (the professional's view above adds one).
    let actions = journal_actions(&w).await;
    let added: Vec<&str> = actions[..actions.len() - before]
        .iter()
        .map(String::as_str)
        .filter(|a| *a != "document_viewed")
        .collect();
    let mut changes = added.clone();
    changes.sort_unstable();
    assert_eq!(
        changes,
        ["document_shared", "document_unshared"],
        "{added:?}"
    );

    // The same form again changes nothing and journals nothing.
    let before = journal_actions(&w).await.len();
    let (status, _, _) = submit(&person, &w.t, &format!("/documents/{id}/shares"), &form).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(journal_actions(&w).await.len(), before);
    // Nothing ticked: private again.
    let (status, _, _) = submit(
        &person,
        &w.t,
        &format!("/documents/{id}/shares"),
        &[("_csrf", csrf.as_str())],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        w.t.get(&path, Some(&w.person)).await.json()["shared_with"],
        json!([])
    );
}

/// A multipart upload request of `file`, written over a raw connection.
fn upload_request(addr: &str, token: &str, bid: &str, file: &[u8]) -> Vec<u8> {
    let boundary = "consigne-quota-race";
    let head = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
    );
    let tail = format!("\r\n--{boundary}--\r\n");
    let mut out = format!(
        "POST /api/v1/beneficiaries/{bid}/documents HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{head}",
        head.len() + file.len() + tail.len()
    )
    .into_bytes();
    out.extend_from_slice(file);
    out.extend_from_slice(tail.as_bytes());
    out
}

/// The status and body of an answer read to the end of the connection.
async fn answer(mut stream: tokio::net::TcpStream) -> (u16, String) {
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, text)
}

#[tokio::test]
async fn two_uploads_at_once_never_exceed_the_quota() {
    let w = World::with(|c| c.storage.quota_mb = 1).await;
    // Two documents of about 700 KB: one fits in the 1 MB quota, not both.
    let filler = "texte de remplissage pour le quota ".repeat(20_000);
    let addr = w.t.base.trim_start_matches("http://").to_owned();
    // Both requests arrive whole but for their last bytes (both pass the checks made while a
    // file arrives), then both end at once.
    let mut streams = Vec::new();
    let mut rests = Vec::new();
    for _ in 0..2 {
        let request = upload_request(&addr, &w.person, &w.bid, &pdf(&filler));
        let (start, rest) = request.split_at(request.len() - 8);
        let mut s = tokio::net::TcpStream::connect(&addr).await.unwrap();
        s.write_all(start).await.unwrap();
        s.flush().await.unwrap();
        streams.push(s);
        rests.push(rest.to_vec());
    }
    let mut finishing = Vec::new();
    for (mut s, rest) in streams.into_iter().zip(rests) {
        finishing.push(tokio::spawn(async move {
            s.write_all(&rest).await.unwrap();
            answer(s).await
        }));
    }
    let mut statuses = Vec::new();
    for f in finishing {
        let (status, text) = f.await.unwrap();
        if status == 413 {
            assert!(text.contains("quota_exceeded"), "{text}");
        }
        statuses.push(status);
    }
    statuses.sort_unstable();
    assert_eq!(statuses, [201, 413]);
    let docs =
        w.t.get(
            &format!("/api/v1/beneficiaries/{}/documents", w.bid),
            Some(&w.person),
        )
        .await
        .json();
    assert_eq!(docs.as_array().unwrap().len(), 1);
    let used: i64 =
        w.t.app
            .tx(|tx| {
                Ok(tx
                    .query_one(
                        "SELECT CAST(COALESCE(SUM(size), 0) AS BIGINT) FROM items",
                        &[],
                    )?
                    .int(0)?)
            })
            .await
            .unwrap();
    assert!(used <= 1024 * 1024, "{used} bytes stored");
    crate::uploads::assert_nothing_half_written(&w.t).await;
}

#[tokio::test]
async fn two_folder_moves_at_once_never_make_a_cycle() {
    let w = World::new().await;
    let folders = format!("/api/v1/beneficiaries/{}/folders", w.bid);
    for round in 0..3 {
        let a =
            w.t.post(
                &folders,
                Some(&w.person),
                json!({"name": format!("A{round}")}),
            )
            .await
            .json()["id"]
                .as_str()
                .unwrap()
                .to_owned();
        let b =
            w.t.post(
                &folders,
                Some(&w.person),
                json!({"name": format!("B{round}")}),
            )
            .await
            .json()["id"]
                .as_str()
                .unwrap()
                .to_owned();
        // A into B and B into A, at once: each alone is fine, both would make a cycle.
        let (path_a, path_b) = (format!("{folders}/{a}"), format!("{folders}/{b}"));
        let (ra, rb) = tokio::join!(
            w.t.patch(&path_a, &w.person, json!({"parent_id": b})),
            w.t.patch(&path_b, &w.person, json!({"parent_id": a})),
        );
        let mut statuses = [ra.status.as_u16(), rb.status.as_u16()];
        statuses.sort_unstable();
        assert_eq!(statuses, [200, 409], "{} / {}", ra.text, rb.text);
        let conflict = if ra.status == StatusCode::CONFLICT {
            &ra
        } else {
            &rb
        };
        assert_eq!(conflict.code(), "folder_cycle");
        let list = w.t.get(&folders, Some(&w.person)).await.json();
        let parent = |id: &str| -> Value {
            list.as_array()
                .unwrap()
                .iter()
                .find(|f| f["id"] == id)
                .unwrap()["parent_id"]
                .clone()
        };
        let (pa, pb) = (parent(&a), parent(&b));
        assert!(
            (pa == json!(b) && pb.is_null()) || (pb == json!(a) && pa.is_null()),
            "{pa} / {pb}"
        );
    }
    // A rename keeps the folder where it is.
    let list = w.t.get(&folders, Some(&w.person)).await.json();
    let moved = list
        .as_array()
        .unwrap()
        .iter()
        .find(|f| !f["parent_id"].is_null())
        .unwrap()
        .clone();
    let r =
        w.t.patch(
            &format!("{folders}/{}", moved["id"].as_str().unwrap()),
            &w.person,
            json!({"name": "Renommé"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["name"], "Renommé");
    assert_eq!(r.json()["parent_id"], moved["parent_id"]);
}
