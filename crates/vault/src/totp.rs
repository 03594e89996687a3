//! RFC 6238 TOTP (HMAC-SHA1, 6 digits, 30-second step): the second factor of professionals and
//! admins, compatible with every authenticator app.

use subtle::ConstantTimeEq;

use crate::key::hmac_sha1;
use crate::random_bytes;

const STEP_SECONDS: i64 = 30;
const DIGITS: u32 = 6;

/// A fresh 160-bit secret (RFC 4226 recommends the HMAC-SHA1 output size).
pub fn generate_secret() -> Vec<u8> {
    random_bytes::<20>().to_vec()
}

/// RFC 4648 base32 without padding, as authenticator apps expect it typed or in a QR code.
pub fn secret_base32(secret: &[u8]) -> String {
    data_encoding::BASE32_NOPAD.encode(secret)
}

/// The `otpauth://` URI to show as a QR code (Key Uri Format).
pub fn otpauth_uri(issuer: &str, account: &str, secret: &[u8]) -> String {
    let issuer = percent_encode(issuer);
    format!(
        "otpauth://totp/{issuer}:{}?secret={}&issuer={issuer}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECONDS}",
        percent_encode(account),
        secret_base32(secret),
    )
}

/// Percent-encodes everything but RFC 3986 unreserved characters, so `:`, `?`, `&`, `/`, spaces
/// and non-ASCII letters in an issuer or account name cannot break the URI.
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The 6-digit code for the step containing `unix_time`.
pub fn code_at(secret: &[u8], unix_time: i64) -> String {
    code_at_digits(secret, unix_time, DIGITS)
}

/// [`code_at`] with another length (RFC 6238's vectors use 8 digits). `digits` is capped at 9.
pub(crate) fn code_at_digits(secret: &[u8], unix_time: i64, digits: u32) -> String {
    // Times before 1970 do not occur; step 0 keeps the function total.
    let counter = u64::try_from(step_of(unix_time)).unwrap_or(0);
    hotp(secret, counter, digits)
}

fn step_of(unix_time: i64) -> i64 {
    unix_time.div_euclid(STEP_SECONDS)
}

/// RFC 4226 HOTP with dynamic truncation.
fn hotp(secret: &[u8], counter: u64, digits: u32) -> String {
    let digits = digits.clamp(1, 9);
    let h = hmac_sha1(secret, &counter.to_be_bytes());
    let offset = usize::from(h[19] & 0x0f);
    let binary = u32::from_be_bytes([
        h[offset] & 0x7f,
        h[offset + 1],
        h[offset + 2],
        h[offset + 3],
    ]);
    let width = digits as usize;
    format!("{:0width$}", binary % 10u32.pow(digits))
}

/// Checks `code` (spaces allowed) against the current step and one step either side (clock
/// drift). Returns the matched step so the caller can refuse a step already used (replay).
pub fn verify(secret: &[u8], code: &str, unix_time: i64) -> Option<i64> {
    if secret.is_empty() {
        return None;
    }
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != DIGITS as usize || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let now = step_of(unix_time);
    // Compare against all candidates before deciding, so timing does not say which matched.
    let mut matched = None;
    for step in [now, now - 1, now + 1] {
        let Ok(counter) = u64::try_from(step) else {
            continue;
        };
        let expected = hotp(secret, counter, DIGITS);
        let equal: bool = expected.as_bytes().ct_eq(code.as_bytes()).into();
        if equal && matched.is_none() {
            matched = Some(step);
        }
    }
    matched
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    const RFC_SECRET: &[u8] = b"12345678901234567890";

    /// RFC 6238 appendix B, SHA1 column.
    #[test]
    fn rfc6238_sha1_vectors() {
        for (t, code) in [
            (59, "94287082"),
            (1_111_111_109, "07081804"),
            (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
            (20_000_000_000, "65353130"),
        ] {
            assert_eq!(code_at_digits(RFC_SECRET, t, 8), code, "t = {t}");
        }
    }

    /// RFC 4226 appendix D (HOTP, 6 digits).
    #[test]
    fn rfc4226_hotp_vectors() {
        let expected = [
            "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583",
            "399871", "520489",
        ];
        for (counter, code) in expected.iter().enumerate() {
            assert_eq!(hotp(RFC_SECRET, counter as u64, 6), *code);
        }
    }

    #[test]
    fn verify_window_and_step() {
        let secret = generate_secret();
        let t = 1_700_000_000;
        let now = t / 30;
        assert_eq!(verify(&secret, &code_at(&secret, t), t), Some(now));
        assert_eq!(verify(&secret, &code_at(&secret, t - 30), t), Some(now - 1));
        assert_eq!(verify(&secret, &code_at(&secret, t + 30), t), Some(now + 1));
        assert_eq!(verify(&secret, &code_at(&secret, t - 60), t), None);
        assert_eq!(verify(&secret, &code_at(&secret, t + 60), t), None);
        let c = code_at(&secret, t);
        let spaced = format!("{} {}", &c[..3], &c[3..]);
        assert_eq!(verify(&secret, &spaced, t), Some(now));
        for bad in ["", "12345", "1234567", "12a456", "١٢٣٤٥٦"] {
            assert_eq!(verify(&secret, bad, t), None, "{bad}");
        }
        assert_eq!(verify(&[], &code_at(&[], t), t), None);
        assert_eq!(verify(&secret, &c, -100_000), None);
    }

    #[test]
    fn base32_and_uri() {
        assert_eq!(
            secret_base32(RFC_SECRET),
            "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
        );
        assert_eq!(secret_base32(b"f"), "MY");
        assert_eq!(generate_secret().len(), 20);
        assert_eq!(
            otpauth_uri("Consigne", "marie@relais.fr", RFC_SECRET),
            "otpauth://totp/Consigne:marie%40relais.fr?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\
             &issuer=Consigne&algorithm=SHA1&digits=6&period=30"
        );
        assert_eq!(
            otpauth_uri("La Consigne: Lyon", "é", b"f"),
            "otpauth://totp/La%20Consigne%3A%20Lyon:%C3%A9?secret=MY\
             &issuer=La%20Consigne%3A%20Lyon&algorithm=SHA1&digits=6&period=30"
        );
    }
}
