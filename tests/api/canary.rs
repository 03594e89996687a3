//! Promise 1: a copy of the data directory holds no name or birth date in any encoding tried.

use crate::helpers::*;
use base64::Engine;

fn encodings(marker: &str) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for variant in [
        marker.to_owned(),
        marker.to_lowercase(),
        marker.to_uppercase(),
    ] {
        out.push((format!("plain {variant}"), variant.as_bytes().to_vec()));
        out.push((
            format!("utf16le {variant}"),
            variant.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        ));
        out.push((
            format!("utf16be {variant}"),
            variant.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        ));
        out.push((
            format!("hex {variant}"),
            hex::encode(variant.as_bytes()).into_bytes(),
        ));
        out.push((
            format!("HEX {variant}"),
            hex::encode_upper(variant.as_bytes()).into_bytes(),
        ));
        // Base64 at each of the three alignments: keep only the characters that do not depend
        // on the neighbouring bytes.
        for pad in 0..3 {
            let mut bytes = vec![0u8; pad];
            bytes.extend_from_slice(variant.as_bytes());
            for engine in [
                &base64::engine::general_purpose::STANDARD,
                &base64::engine::general_purpose::URL_SAFE_NO_PAD,
            ] {
                let enc = engine.encode(&bytes);
                let skip = if pad == 0 { 0 } else { 4 };
                let stable_len = (bytes.len() / 3) * 4;
                if stable_len > skip + 4 {
                    out.push((
                        format!("base64/{pad} {variant}"),
                        enc.as_bytes()[skip..stable_len].to_vec(),
                    ));
                }
            }
        }
    }
    out
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

#[tokio::test]
async fn the_data_directory_holds_no_name_or_birth_date_in_any_encoding() {
    let t = spawn().await;
    let logins = consigne::demo::seed(&t.app).await.unwrap();
    assert_eq!(logins.iter().filter(|l| l.role == "beneficiary").count(), 2);
    // Some activity, so sessions and the journal hold rows too.
    for l in logins.iter().filter(|l| l.role == "beneficiary") {
        let token = t.login_ok(&l.login, l.password).await;
        t.get("/api/v1/me", Some(&token)).await;
    }
    let markers = [
        "Amina",
        "Benali",
        "John",
        "Okafor",
        "amina.benali",
        "john.okafor",
        "14021990",
        "1990-02-14",
        "14/02/1990",
        "03091978",
        "1978-09-03",
        "03/09/1978",
        "0612345678",
    ];
    assert_absent(&t, &markers);
}

/// Everything the installation stores, as (where, bytes): every file of the data directory,
/// and on PostgreSQL + S3 a `pg_dump` of the database and every object of the bucket.
pub fn stored(t: &TestApp) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![t.app.config.data_dir.clone()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path)
            } else {
                out.push((path.display().to_string(), std::fs::read(&path).unwrap()));
            }
        }
    }
    if let Some(pg) = &t._pg {
        let dump = std::process::Command::new("pg_dump")
            .arg("--dbname")
            .arg(&pg.url)
            .output()
            .expect("pg_dump runs");
        assert!(
            dump.status.success(),
            "pg_dump: {}",
            String::from_utf8_lossy(&dump.stderr)
        );
        assert!(dump.stdout.len() > 1000, "a real dump");
        out.push(("pg_dump".into(), dump.stdout));
    }
    if !t.app.config.blobs_url.is_empty() {
        let store = t.app.blobs();
        for (key, _) in store.list().unwrap() {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut store.open(&key).unwrap(), &mut bytes).unwrap();
            out.push((format!("object {key}"), bytes));
        }
    }
    out
}

/// Fails if any marker, in any encoding tried, is in anything the installation stores.
pub fn assert_absent(t: &TestApp, markers: &[&str]) {
    let stored = stored(t);
    // Something was read (a safe without any document, on PostgreSQL, stores only the dump).
    assert!(!stored.is_empty());
    for (place, bytes) in &stored {
        for marker in markers {
            for (how, needle) in encodings(marker) {
                assert!(!contains(bytes, &needle), "{place} contains {how}");
            }
        }
    }
}
