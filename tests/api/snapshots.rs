//! Pages read on snapshots (issue 12, part 6): the session lookup and the use cases that only
//! read never take SQLite's write lock, so they are served while another process holds it
//! (here another pool on the same file, as `consigne backup` or an admin command would be).
//! Before, every request began with `BEGIN IMMEDIATE` and slept in SQLite's busy handler
//! behind any writer; a page that still wrote would wait out the busy timeout and fail.

use crate::helpers::*;
use crate::pages::{logged_in, page, staff_logged_in};
use reqwest::StatusCode;
use std::sync::mpsc;

#[tokio::test]
async fn pages_are_served_while_another_process_holds_the_write_lock() {
    if on_postgres() {
        // PostgreSQL has no database-wide write lock: its reads never wait for writers.
        return;
    }
    let w = World::new().await;
    let t = &w.t;
    let doc = t
        .upload(&w.person, &w.bid, pdf("CAF"), "attestation.pdf", None)
        .await;
    assert_eq!(doc.status, StatusCode::CREATED, "{}", doc.text);
    let id = doc.json()["id"].as_str().unwrap().to_owned();
    let person = logged_in(t, &w.identifier, PERSON_PASSWORD).await;
    let pro = staff_logged_in(t, &w.p1_login.0, &w.p1_login.1).await;

    let other =
        consigne::store::Database::open("sqlite://consigne.db", &t._dir.path().join("data"))
            .unwrap();
    let (held_tx, held) = mpsc::channel();
    let (release_tx, release) = mpsc::channel::<()>();
    let holder = std::thread::spawn(move || {
        // A write transaction takes the write lock at BEGIN and keeps it until released.
        other.transaction_blocking(|_| {
            held_tx.send(()).unwrap();
            release.recv().ok();
            Ok::<_, consigne::store::StoreError>(())
        })
    });
    held.recv().unwrap();

    for (client, path) in [
        (&person, "/home".to_owned()),
        (&person, "/documents".to_owned()),
        (&person, format!("/documents/{id}")),
        (&person, "/journal".to_owned()),
        (&pro, "/pro".to_owned()),
    ] {
        let (status, _, _) = page(client, t, &path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
    }
    for path in [
        format!("/api/v1/beneficiaries/{}/documents", w.bid),
        format!("/api/v1/beneficiaries/{}/folders", w.bid),
        format!("/api/v1/beneficiaries/{}/relays", w.bid),
        format!("/api/v1/beneficiaries/{}/notes", w.bid),
        format!("/api/v1/documents/{id}"),
        "/api/v1/me".to_owned(),
        "/api/v1/me/invitations".to_owned(),
    ] {
        let r = t.get(&path, Some(&w.person)).await;
        assert_eq!(r.status, StatusCode::OK, "{path}: {}", r.text);
    }

    release_tx.send(()).unwrap();
    holder.join().unwrap().unwrap();
}
