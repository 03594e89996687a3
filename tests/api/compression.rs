//! Responses compressed for slow networks: pages, styles and scripts in gzip when the browser
//! accepts it, the same bytes once inflated; photos, PDFs and downloads as they are.

use crate::helpers::*;
use crate::pages::{logged_in, page};
use reqwest::StatusCode;
use std::io::Read;

/// The body of `path` as sent with and without `Accept-Encoding: gzip` (the first inflated).
async fn both_ways(
    c: &reqwest::Client,
    t: &TestApp,
    path: &str,
) -> (reqwest::header::HeaderMap, Vec<u8>, Vec<u8>) {
    let r = c
        .get(t.url(path))
        .header("accept-encoding", "gzip, deflate, br")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK, "{path}");
    let headers = r.headers().clone();
    let sent = r.bytes().await.unwrap().to_vec();
    let plain = c.get(t.url(path)).send().await.unwrap();
    assert!(
        plain.headers().get("content-encoding").is_none(),
        "{path}: plain when not asked"
    );
    let plain = plain.bytes().await.unwrap().to_vec();
    (headers, sent, plain)
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .unwrap();
    out
}

#[tokio::test]
async fn pages_styles_and_scripts_are_gzipped_and_files_are_not() {
    let w = World::new().await;
    let t = &w.t;
    let person = logged_in(t, &w.identifier, PERSON_PASSWORD).await;
    for path in ["/static/app.css", "/static/app.js", "/documents", "/home"] {
        let (headers, sent, plain) = both_ways(&person, t, path).await;
        assert_eq!(headers["content-encoding"], "gzip", "{path}");
        assert!(
            headers["vary"]
                .to_str()
                .unwrap()
                .contains("accept-encoding"),
            "{path}: caches keep one copy per encoding"
        );
        // A page's form token differs between two reads; its length does not.
        let inflated = gunzip(&sent);
        assert_eq!(inflated.len(), plain.len(), "{path}");
        if path.starts_with("/static/") {
            assert_eq!(inflated, plain, "{path}");
        }
        assert!(
            sent.len() * 2 < plain.len(),
            "{path}: {} -> {}",
            plain.len(),
            sent.len()
        );
    }
    // Photos and PDFs are compressed already, downloads stream: sent as they are.
    let r = t
        .upload(&w.person, &w.bid, jpeg(400, 300), "p.jpg", Some("Photo"))
        .await;
    let id = r.json()["id"].as_str().unwrap().to_owned();
    for path in [
        format!("/documents/{id}/view"),
        format!("/documents/{id}/download"),
        format!("/documents/{id}/thumbnail"),
    ] {
        let r = person
            .get(t.url(&path))
            .header("accept-encoding", "gzip")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        assert!(r.headers().get("content-encoding").is_none(), "{path}");
    }
    // A browser that does not accept gzip gets the page as it is.
    let (status, headers, html) = page(&person, t, "/home").await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers.get("content-encoding").is_none() && html.contains("<html"));
}
