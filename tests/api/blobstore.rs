//! The blob store port's contract, walked on both adapters: the filesystem and an
//! S3-compatible server. Small and multipart writes read back exactly, a writer dropped before
//! `commit` leaves no object, listing sees every committed blob, deletion is idempotent, and a
//! missing key is `NotFound`. The S3 half needs a server: it fails (never skips) without
//! `CONSIGNE_TEST_S3_URL` (e.g. `s3+http://127.0.0.1:9000/`), which `scripts/test-all` sets
//! after starting one (`scripts/start-s3`).

use std::io::{Read, Write};
use std::sync::Arc;

use consigne::store::blobs::{BlobError, BlobStore, FsBlobStore};

/// A fresh bucket on the test S3 server.
pub fn s3_store() -> Arc<dyn BlobStore> {
    let url = crate::helpers::s3_bucket_url("consigne-test-");
    consigne::store::open_blob_store(&url, std::path::Path::new("/nonexistent"))
        .unwrap_or_else(|e| panic!("opening {url}: {e}"))
}

fn contract(store: &dyn BlobStore) {
    // Small: one request.
    let mut w = store.begin().unwrap();
    w.write_all(b"a small blob").unwrap();
    let small = w.key().to_owned();
    w.commit().unwrap();
    let mut got = Vec::new();
    store.open(&small).unwrap().read_to_end(&mut got).unwrap();
    assert_eq!(got, b"a small blob");

    // Large: several parts, written in odd-sized pieces.
    let big: Vec<u8> = (0..19_000_000u32).map(|i| (i % 251) as u8).collect();
    let mut w = store.begin().unwrap();
    for piece in big.chunks(777_777) {
        w.write_all(piece).unwrap();
    }
    let large = w.key().to_owned();
    w.commit().unwrap();
    let mut got = Vec::new();
    store.open(&large).unwrap().read_to_end(&mut got).unwrap();
    assert!(got == big, "the large blob reads back exactly");

    // Abandoned, small and large: nothing visible.
    let mut w = store.begin().unwrap();
    w.write_all(b"never committed").unwrap();
    let abandoned_small = w.key().to_owned();
    drop(w);
    let mut w = store.begin().unwrap();
    w.write_all(&big).unwrap();
    let abandoned_large = w.key().to_owned();
    drop(w);
    for key in [&abandoned_small, &abandoned_large] {
        assert!(matches!(store.open(key), Err(BlobError::NotFound)));
    }
    let listed: Vec<String> = store.list().unwrap().into_iter().map(|(k, _)| k).collect();
    let mut want = vec![small.clone(), large.clone()];
    want.sort();
    assert_eq!(listed, want);

    // Deletion, twice; unknown and malformed keys.
    store.delete(&small).unwrap();
    store.delete(&small).unwrap();
    assert!(matches!(store.open(&small), Err(BlobError::NotFound)));
    assert!(matches!(
        store.open("00000000000000000000000000000000"),
        Err(BlobError::NotFound)
    ));
    assert!(matches!(
        store.open("../etc/passwd"),
        Err(BlobError::NotFound)
    ));
    store.sweep_partials(std::time::Duration::ZERO).unwrap();
    let listed: Vec<String> = store.list().unwrap().into_iter().map(|(k, _)| k).collect();
    assert_eq!(listed, vec![large]);
}

#[test]
fn the_filesystem_adapter_keeps_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    contract(&FsBlobStore::open_dir(dir.path()).unwrap());
}

#[test]
fn the_s3_adapter_keeps_the_contract() {
    contract(s3_store().as_ref());
}
