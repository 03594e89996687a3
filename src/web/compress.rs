//! Compressed responses: pages, styles, scripts, SVG and JSON go out gzip-compressed to a browser
//! that accepts it, so a phone on a slow network loads a page in a third of the bytes.
//!
//! Only a body already whole in memory (its length known, at most [`LARGEST`]) is compressed:
//! downloads, exports and other streams pass as they are, and so do photos and PDFs (compressed
//! already). A cache is told that the answer depends on `Accept-Encoding`.
//!
//! BREACH (guessing a secret in a compressed page from its size, by making the victim's browser
//! ask many times with text the attacker chose) needs requests that carry the victim's
//! cookies: every cookie of this site is `SameSite=Strict`, so a request started from another
//! site gets a page of no one's session, and no secret of hers to guess.

use axum::body::{Body, HttpBody};
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use flate2::Compression;
use flate2::write::GzEncoder;
use http_body_util::BodyExt;
use std::io::Write;

/// Bodies above this are not buffered to be compressed (pages are far smaller).
const LARGEST: u64 = 1024 * 1024;
/// Below this, compression saves less than its header costs.
const SMALLEST: u64 = 1024;

/// Whether the request's `Accept-Encoding` allows gzip (`gzip` or `*`, with a weight above 0).
fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|coding| {
            let mut parts = coding.split(';').map(str::trim);
            let name = parts.next().unwrap_or_default();
            let refused = parts.any(|p| {
                p.strip_prefix("q=")
                    .is_some_and(|q| q.parse::<f32>().is_ok_and(|q| q <= 0.0))
            });
            (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
        })
}

/// Text the browser reads: worth compressing.
fn compressible(headers: &HeaderMap) -> bool {
    let Some(ty) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let ty = ty.split(';').next().unwrap_or_default().trim();
    ty.starts_with("text/")
        || matches!(
            ty,
            "application/json" | "application/javascript" | "image/svg+xml" | "text/calendar"
        )
}

/// The middleware: compresses the response when the browser accepts it and it is worth it.
pub async fn gzip(req: Request, next: Next) -> Response {
    let accepted = accepts_gzip(req.headers());
    let res = next.run(req).await;
    if !compressible(res.headers()) || res.headers().contains_key(header::CONTENT_ENCODING) {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    parts
        .headers
        .append(header::VARY, HeaderValue::from_static("accept-encoding"));
    let size = body.size_hint().exact();
    if !accepted || !size.is_some_and(|n| (SMALLEST..=LARGEST).contains(&n)) {
        return Response::from_parts(parts, body);
    }
    let bytes = match body.collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(e) => {
            tracing::error!(error = %e, "response body could not be read to compress it");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let mut encoder = GzEncoder::new(Vec::with_capacity(bytes.len() / 3), Compression::default());
    let compressed = match encoder.write_all(&bytes).and_then(|()| encoder.finish()) {
        Ok(c) => c,
        // Writing to memory does not fail; if it did, the page goes as it is.
        Err(_) => return Response::from_parts(parts, Body::from(bytes)),
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    parts
        .headers
        .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    Response::from_parts(parts, Body::from(compressed))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(name: header::HeaderName, value: &'static str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(name, HeaderValue::from_static(value));
        h
    }

    #[test]
    fn gzip_is_used_only_when_the_browser_accepts_it() {
        let accept = |v| accepts_gzip(&with(header::ACCEPT_ENCODING, v));
        assert!(accept("gzip, deflate, br"));
        assert!(accept("br;q=1.0, GZIP;q=0.5"));
        assert!(accept("*"));
        assert!(!accept("br, deflate"));
        assert!(!accept("gzip;q=0"));
        assert!(!accept("identity"));
        assert!(!accepts_gzip(&HeaderMap::new()));
    }

    #[test]
    fn text_is_compressed_photos_and_pdfs_are_not() {
        let ty = |v| compressible(&with(header::CONTENT_TYPE, v));
        assert!(ty("text/html; charset=utf-8"));
        assert!(ty("text/css; charset=utf-8"));
        assert!(ty("text/javascript; charset=utf-8"));
        assert!(ty("application/json"));
        assert!(ty("image/svg+xml"));
        assert!(!ty("image/jpeg"));
        assert!(!ty("application/pdf"));
        assert!(!ty("application/zip"));
        assert!(!compressible(&HeaderMap::new()));
    }
}
