//! The RFC 3161 time-stamping authority's client: one `TimeStampReq` over HTTP
//! (`application/timestamp-query`), its answer read (bounded) and checked — granted, the
//! imprint and nonce asked for — before its token is kept. Synchronous (`ureq`, like the SMS
//! adapters): it runs on a blocking thread.

use std::io::Read as _;
use std::time::Duration;

use crate::domain::certification::tsa;

/// The largest answer read from a TSA (a token with its certificate is a few KiB).
const MAX_RESPONSE: u64 = 256 * 1024;

/// Asks the TSA at `url` to stamp `digest` (SHA-256); returns the token (DER `ContentInfo`).
pub fn stamp(url: &str, timeout_seconds: u64, digest: &[u8; 32]) -> Result<Vec<u8>, String> {
    let (request, nonce) = tsa::request(digest, consigne_vault::random_bytes());
    let agent = ureq::Agent::new_with_config(
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(timeout_seconds)))
            .build(),
    );
    let mut res = agent
        .post(url)
        .header("content-type", "application/timestamp-query")
        .header("accept", "application/timestamp-reply")
        .send(&request[..])
        .map_err(|e| format!("TSA unreachable: {e}"))?;
    let status = res.status().as_u16();
    if status != 200 {
        return Err(format!("TSA answered {status}"));
    }
    let mut body = Vec::new();
    res.body_mut()
        .as_reader()
        .take(MAX_RESPONSE)
        .read_to_end(&mut body)
        .map_err(|e| format!("TSA answer unreadable: {e}"))?;
    let token = tsa::token_of_response(&body).ok_or("TSA refused or answered garbage")?;
    let info = tsa::tst_info(&token).ok_or("TSA token unreadable")?;
    if info.imprint != digest || info.nonce.as_deref() != Some(nonce.as_slice()) {
        return Err("TSA token does not stamp what was asked".into());
    }
    Ok(token)
}
