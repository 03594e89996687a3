//! The certification of documents (docs/certification.md): every document's leaf in the
//! Merkle log, its certificate checked by an independent Python verifier written from RFC 9162
//! (tests/oracle/merkle_verify.py) and by `consigne verify-proof`, one changed byte refused by
//! both, the RFC 3161 token accepted by `openssl ts -verify` against the local test TSA
//! (scripts/start-tsa), consistency proofs between heads, a rewritten log caught by
//! `consigne verify`, heads signed by the job queue, nothing in clear at rest.

use crate::helpers::*;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use reqwest::StatusCode;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The local TSA scripts/test-all starts (`scripts/start-tsa`).
fn tsa() -> (String, PathBuf) {
    let url = std::env::var("CONSIGNE_TEST_TSA_URL").expect(
        "CONSIGNE_TEST_TSA_URL: start the test TSA with `bash scripts/start-tsa` (scripts/test-all does)",
    );
    let dir = std::env::var("CONSIGNE_TEST_TSA_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/test-tsa"));
    (url, dir)
}

fn oracle() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/oracle/merkle_verify.py")
        .display()
        .to_string()
}

/// Runs the Python verifier; whether it accepted.
fn python_accepts(args: &[&Path]) -> bool {
    let out = Command::new(python_bin())
        .arg(oracle())
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "the verifier did not run (CONSIGNE_TEST_PYTHON needs `cryptography`): {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out.status.success()
}

/// Runs `consigne verify-proof`; (accepted, stdout).
fn verify_proof(cert: &Path, doc: &Path, keys: &Path) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_consigne"))
        .arg("verify-proof")
        .arg(cert)
        .arg(doc)
        .arg("--keys")
        .arg(keys)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

async fn upload(w: &World, text: &str) -> (String, Vec<u8>) {
    let r =
        w.t.upload(&w.person, &w.bid, pdf(text), "paper.pdf", Some(text))
            .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let id = r.json()["id"].as_str().unwrap().to_owned();
    let (status, _, bytes) =
        w.t.get_bytes(&format!("/api/v1/documents/{id}/content"), &w.person)
            .await;
    assert_eq!(status, StatusCode::OK);
    (id, bytes)
}

async fn certificate(w: &World, id: &str, token: &str) -> Value {
    let r =
        w.t.get(&format!("/api/v1/documents/{id}/certificate"), Some(token))
            .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    r.json()
}

async fn head(w: &World) -> Value {
    let r = w.t.get("/api/v1/transparency/head", None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    r.json()
}

/// The rows of `table`.
async fn count(w: &World, table: &'static str) -> i64 {
    w.t.app
        .read(move |tx| {
            Ok(tx
                .query_one(&format!("SELECT COUNT(*) AS n FROM {table}"), &[])?
                .int("n")?)
        })
        .await
        .unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// Changes one hex digit of a string field of `cert` (at `pointer`).
fn flip_hex(cert: &Value, pointer: &str) -> Vec<u8> {
    let mut c = cert.clone();
    let s = c.pointer(pointer).unwrap().as_str().unwrap().to_owned();
    let first = if s.starts_with('0') { "1" } else { "0" };
    *c.pointer_mut(pointer).unwrap() = Value::String(format!("{first}{}", &s[1..]));
    serde_json::to_vec_pretty(&c).unwrap()
}

#[tokio::test]
async fn a_certificate_proves_its_document_to_an_independent_verifier_and_one_byte_breaks_it() {
    let (tsa_url, tsa_dir) = tsa();
    let w = World::with(|c| c.certification.tsa_url = tsa_url).await;
    // Four documents: the third's proof has two hashes to check.
    upload(&w, "Avis d'imposition").await;
    upload(&w, "Attestation CAF").await;
    let (id, bytes) = upload(&w, "Carte d'identité").await;
    upload(&w, "Quittance").await;
    let cert = certificate(&w, &id, &w.person).await;
    assert_eq!(cert["format"], "consigne-certificate/v1");
    assert_eq!(cert["item_id"], id);
    assert_eq!(cert["leaf_index"], 2);
    assert_eq!(cert["tree_size"], 4);
    assert_eq!(cert["inclusion_proof"].as_array().unwrap().len(), 2);
    assert_eq!(
        cert["document_sha256"],
        hex::encode(consigne_vault::sha256(&bytes))
    );
    let published = head(&w).await;
    assert_eq!(published["public_key"], cert["public_key"]);
    assert_eq!(published["tree_size"], 4);

    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let cert_file = write(
        d,
        "certificate.json",
        &serde_json::to_vec_pretty(&cert).unwrap(),
    );
    let doc_file = write(d, "paper.pdf", &bytes);
    let keys_file = write(d, "head.json", published.to_string().as_bytes());
    let py = |c: &Path, doc: &Path| python_accepts(&[Path::new("certificate"), c, doc]);
    assert!(py(&cert_file, &doc_file), "the Python verifier refused it");
    let (ok, out) = verify_proof(&cert_file, &doc_file, &keys_file);
    assert!(ok, "{out}");
    assert!(out.contains("the platform's published key"), "{out}");
    assert!(out.contains("timestamp: 20"), "{out}");

    // One byte of the document changed: both refuse it.
    let mut changed = bytes.clone();
    let middle = changed.len() / 2;
    changed[middle] ^= 0x01;
    let changed_doc = write(d, "changed.pdf", &changed);
    assert!(!py(&cert_file, &changed_doc));
    assert!(!verify_proof(&cert_file, &changed_doc, &keys_file).0);
    // One byte of the certificate changed, in each part: both refuse it.
    for pointer in [
        "/document_sha256",
        "/salt",
        "/leaf_hash",
        "/inclusion_proof/0",
        "/inclusion_proof/1",
        "/signed_tree_head/root_hash",
    ] {
        let bad = write(d, "bad.json", &flip_hex(&cert, pointer));
        assert!(
            !py(&bad, &doc_file),
            "Python accepted a change of {pointer}"
        );
        assert!(
            !verify_proof(&bad, &doc_file, &keys_file).0,
            "verify-proof accepted a change of {pointer}"
        );
    }
    for (field, value) in [
        ("/leaf_index", Value::from(1)),
        (
            "/added_at",
            Value::from(cert["added_at"].as_i64().unwrap() + 1),
        ),
        ("/signed_tree_head/timestamp", Value::from(1)),
    ] {
        let mut c = cert.clone();
        *c.pointer_mut(field).unwrap() = value;
        let bad = write(d, "bad.json", &serde_json::to_vec(&c).unwrap());
        assert!(!py(&bad, &doc_file), "Python accepted a change of {field}");
        assert!(!verify_proof(&bad, &doc_file, &keys_file).0, "{field}");
    }
    // Another key than the platform's: signed correctly, but not the published key.
    let mut other_keys = published.clone();
    other_keys["keys"][0]["public_key"] = Value::String(STANDARD.encode([7u8; 32]));
    let other = write(d, "other.json", other_keys.to_string().as_bytes());
    let (ok, out) = verify_proof(&cert_file, &doc_file, &other);
    assert!(
        !ok && out.contains("NOT one the platform publishes"),
        "{out}"
    );

    // The RFC 3161 token: openssl accepts it against the test CA, for the head's signature.
    let token = STANDARD
        .decode(cert["tsa_token"].as_str().expect("a timestamp token"))
        .unwrap();
    let token_file = write(d, "token.der", &token);
    let signature = STANDARD
        .decode(cert["signed_tree_head"]["signature"].as_str().unwrap())
        .unwrap();
    let digest = hex::encode(consigne_vault::sha256(&signature));
    let openssl = |digest: &str| {
        Command::new("openssl")
            .args(["ts", "-verify", "-token_in", "-in"])
            .arg(&token_file)
            .args(["-digest", digest, "-CAfile"])
            .arg(tsa_dir.join("ca.crt"))
            .arg("-untrusted")
            .arg(tsa_dir.join("tsa.crt"))
            .output()
            .unwrap()
    };
    let out = openssl(&digest);
    assert!(
        out.status.success(),
        "openssl ts -verify: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!openssl(&"00".repeat(32)).status.success());
    // A changed token imprint is refused by verify-proof too.
    let mut bad_token = token.clone();
    let at = bad_token
        .windows(digest.len() / 2)
        .position(|w| hex::encode(w) == digest)
        .unwrap();
    bad_token[at] ^= 1;
    let mut c = cert.clone();
    c["tsa_token"] = Value::String(STANDARD.encode(&bad_token));
    let bad = write(d, "bad.json", &serde_json::to_vec(&c).unwrap());
    assert!(!verify_proof(&bad, &doc_file, &keys_file).0);
}

#[tokio::test]
async fn who_may_see_a_document_may_get_its_certificate_and_her_journal_says_so() {
    let w = World::new().await;
    let id = w
        .shared_document(&w.s1, pdf("Quittance"), "quittance.pdf", "Quittance")
        .await;
    certificate(&w, &id, &w.person).await;
    certificate(&w, &id, &w.p1).await;
    let path = format!("/api/v1/documents/{id}/certificate");
    assert_eq!(
        w.t.get(&path, Some(&w.p2)).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        w.t.get(&path, Some(&w.pm)).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(w.t.get(&path, None).await.status, StatusCode::UNAUTHORIZED);
    let journal = w.her_journal().await;
    assert!(
        journal
            .iter()
            .any(|e| e["action"] == "document_certified" && e.to_string().contains(&id)),
        "{journal:?}"
    );
}

#[tokio::test]
async fn a_consistency_proof_links_two_signed_heads_and_bad_sizes_are_refused() {
    let w = World::new().await;
    let (first, _) = upload(&w, "Un").await;
    certificate(&w, &first, &w.person).await;
    let h1 = head(&w).await;
    assert_eq!(h1["tree_size"], 1);
    upload(&w, "Deux").await;
    upload(&w, "Trois").await;
    w.t.clock.advance(5);
    let (fourth, _) = upload(&w, "Quatre").await;
    upload(&w, "Cinq").await;
    certificate(&w, &fourth, &w.person).await;
    let h2 = head(&w).await;
    assert_eq!(h2["tree_size"], 5);
    let r =
        w.t.get("/api/v1/transparency/consistency?first=1&second=5", None)
            .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (a, b) = (
        write(d, "h1.json", h1.to_string().as_bytes()),
        write(d, "h2.json", h2.to_string().as_bytes()),
    );
    let proof = write(d, "proof.json", r.text.as_bytes());
    assert!(python_accepts(&[Path::new("consistency"), &a, &b, &proof]));
    let mut tampered = r.json();
    tampered["proof"][0] = Value::String("00".repeat(32));
    let bad = write(d, "bad.json", tampered.to_string().as_bytes());
    assert!(!python_accepts(&[Path::new("consistency"), &a, &b, &bad]));
    for q in [
        "first=0&second=5",
        "first=3&second=2",
        "first=1&second=6",
        "first=a&second=5",
        "first=1",
        "first=-1&second=5",
        "first=1&second=99999999999999999999999",
    ] {
        let r =
            w.t.get(&format!("/api/v1/transparency/consistency?{q}"), None)
                .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{q}: {}", r.text);
        assert_eq!(r.code(), "invalid_input");
    }
}

#[tokio::test]
async fn heads_are_signed_by_the_job_queue_and_a_rewritten_log_is_detected_by_verify() {
    let w = World::new().await;
    upload(&w, "Un").await;
    upload(&w, "Deux").await;
    // No head yet: the job signs one when its period ends, not at each upload.
    let none = count(&w, "transparency_heads").await;
    assert_eq!(none, 0);
    w.t.clock.advance(11 * 60);
    consigne::cli::worker(&w.t.app).run_due().await.unwrap();
    let report = w.t.app.verify(false).await.unwrap();
    assert_eq!(report.tree_heads_checked, 1);
    assert!(report.is_clean(), "{report:?}");
    // The operator rewrites a leaf in the database: the signed head no longer matches.
    w.t.app
        .tx(|tx| {
            Ok(tx
                .execute(
                    "UPDATE transparency_leaves SET leaf_hash = $1 WHERE leaf_index = 1",
                    &[vec![0u8; 32].into()],
                )
                .map(|_| ())?)
        })
        .await
        .unwrap();
    let report = w.t.app.verify(false).await.unwrap();
    assert!(!report.is_clean());
    assert!(
        report.log_problems[0].contains("rewritten"),
        "{:?}",
        report.log_problems
    );
}

#[tokio::test]
async fn neither_the_document_hash_nor_the_salt_is_in_clear_at_rest() {
    let w = World::new().await;
    let (id, _) = upload(&w, "Titre de séjour").await;
    let cert = certificate(&w, &id, &w.person).await;
    let secrets: Vec<Vec<u8>> = ["document_sha256", "salt"]
        .iter()
        .flat_map(|k| {
            let h = cert[*k].as_str().unwrap().to_owned();
            [
                hex::decode(&h).unwrap(),
                h.clone().into_bytes(),
                h.to_uppercase().into_bytes(),
            ]
        })
        .collect();
    let tables: Vec<String> = consigne::store::copy::TABLES
        .iter()
        .map(|(t, _)| (*t).to_owned())
        .collect();
    let rows =
        w.t.app
            .read(move |tx| {
                let mut all = Vec::new();
                for t in &tables {
                    all.extend(tx.query(&format!("SELECT * FROM {t}"), &[])?);
                }
                Ok(all)
            })
            .await
            .unwrap();
    for row in &rows {
        for v in row.values() {
            let bytes: Vec<u8> = match v {
                consigne::store::Value::Text(s) => s.as_bytes().to_vec(),
                consigne::store::Value::Blob(b) => b.clone(),
                _ => continue,
            };
            for s in &secrets {
                assert!(
                    !bytes.windows(s.len()).any(|w| w == s.as_slice()),
                    "a certificate secret in clear in {:?}",
                    row.columns()
                );
            }
        }
    }
}

/// Posts the two files to the public `/verify` page as a browser without an account would.
async fn verify_page(w: &World, document: &[u8], certificate: &[u8]) -> (StatusCode, String) {
    let client = crate::pages::browser();
    let html = client
        .get(w.t.url("/verify"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let form = reqwest::multipart::Form::new()
        .text("_csrf", crate::pages::csrf_of(&html))
        .part(
            "document",
            reqwest::multipart::Part::bytes(document.to_vec()).file_name("paper.pdf"),
        )
        .part(
            "certificate",
            reqwest::multipart::Part::bytes(certificate.to_vec()).file_name("c.json"),
        );
    let r = client
        .post(w.t.url("/verify"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    (r.status(), r.text().await.unwrap())
}

#[tokio::test]
async fn the_public_verify_page_checks_a_paper_and_its_certificate_and_stores_nothing() {
    let w = World::new().await;
    let (id, bytes) = upload(&w, "Attestation d'hébergement").await;
    // The certificate as the document's page gives it (a download).
    let client = session_browser(&w.t, &w.person);
    let r = client
        .get(w.t.url(&format!("/documents/{id}/certificate")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(
        r.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    let cert = r.bytes().await.unwrap().to_vec();
    let before = count(&w, "journal").await;
    let (status, html) = verify_page(&w, &bytes, &cert).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("Le certificat prouve ce papier."), "{html}");
    assert!(html.contains("clé publiée de cette plateforme"), "{html}");
    let mut changed = bytes.clone();
    changed[10] ^= 1;
    let (status, html) = verify_page(&w, &changed, &cert).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("n'est pas celui du certificat"), "{html}");
    let (status, html) = verify_page(&w, &bytes, b"not a certificate").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("pas un certificat lisible"), "{html}");
    let (status, _) = verify_page(&w, &bytes, &vec![b' '; 70 * 1024]).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    let (status, html) = verify_page(&w, &bytes, b"").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("les deux fichiers"), "{html}");
    // Nothing was written: no journal line.
    let after = count(&w, "journal").await;
    assert_eq!(before, after);
}

#[tokio::test]
async fn her_export_holds_each_document_with_its_certificate() {
    let w = World::new().await;
    let (_, bytes) = upload(&w, "Attestation").await;
    let (status, _, zip_bytes) =
        w.t.get_bytes(
            &format!("/api/v1/beneficiaries/{}/export", w.bid),
            &w.person,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip_bytes)).unwrap();
    let mut read = |name: &str| {
        let mut f = archive.by_name(name).unwrap();
        let mut out = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut out).unwrap();
        out
    };
    let doc = read("documents/Attestation.pdf");
    assert_eq!(doc, bytes);
    let cert = read("documents/Attestation.pdf.certificate.json");
    let data: Value = serde_json::from_slice(&read("data.json")).unwrap();
    assert_eq!(
        data["documents"][0]["certificate"],
        "documents/Attestation.pdf.certificate.json"
    );
    let manifest = String::from_utf8(read("SHA256SUMS")).unwrap();
    assert!(manifest.contains("  documents/Attestation.pdf.certificate.json"));
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let keys = write(d, "head.json", head(&w).await.to_string().as_bytes());
    let (ok, out) = verify_proof(&write(d, "c.json", &cert), &write(d, "a.pdf", &doc), &keys);
    assert!(ok, "{out}");
}
