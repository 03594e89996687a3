//! A secret address (her calendar feed, a share link): a 256-bit token carried in a URL and
//! never stored. The server finds what it opens by the token's blind index, and the key pair
//! that opens it is derived from the token alone (HKDF, one context per use), so the token
//! opens that one thing and nothing else.

use crate::service::App;
use consigne_vault::KeyPair;
use zeroize::Zeroizing;

/// The token's length: 256 bits.
pub(crate) const TOKEN_BYTES: usize = 32;

/// A new random token.
pub(crate) fn new_token() -> Zeroizing<Vec<u8>> {
    Zeroizing::new(consigne_vault::random_bytes::<TOKEN_BYTES>().to_vec())
}

/// The token as it is written in an address (base64url, no padding).
pub(crate) fn encode(token: &[u8]) -> String {
    data_encoding::BASE64URL_NOPAD.encode(token)
}

/// The token written in an address, or None when `raw` cannot be one.
pub(crate) fn parse(raw: &str) -> Option<Zeroizing<Vec<u8>>> {
    let bytes = data_encoding::BASE64URL_NOPAD.decode(raw.as_bytes()).ok()?;
    (bytes.len() == TOKEN_BYTES).then(|| Zeroizing::new(bytes))
}

/// The key pair a token derives under `context`.
pub(crate) fn key_pair(token: &[u8], context: &str) -> KeyPair {
    KeyPair::from_secret(consigne_vault::derive_key(token, context))
}

/// The public address `{public_url}/{path}/{token}{suffix}`.
pub(crate) fn url(app: &App, path: &str, token: &[u8], suffix: &str) -> String {
    format!(
        "{}/{path}/{}{suffix}",
        app.config.public_url.trim_end_matches('/'),
        encode(token)
    )
}

/// The blind index a token's row is found by, under `context`.
pub(crate) fn index(app: &App, context: &str, token: &[u8]) -> Vec<u8> {
    app.blind(context, &data_encoding::HEXLOWER.encode(token))
}
