//! RFC 3161 in the few bytes Consigne needs, hand-written in DER: the `TimeStampReq` it sends
//! (a SHA-256 message imprint, a nonce, certReq) and, from the answer, the token and the
//! `TSTInfo` fields it checks (status, message imprint, nonce, time). A full ASN.1 stack
//! (RustCrypto `cms`/`x509-tsp`) would add a dozen crates for one fixed request and a walk
//! down five nested elements; the reader below is bounded (no recursion, lengths checked
//! against the input, no indefinite lengths). The TSA's CMS signature and certificate chain
//! are checked with `openssl ts -verify` (docs/certification.md), not here.

/// DER of the SHA-256 OID 2.16.840.1.101.3.4.2.1.
const OID_SHA256: &[u8] = &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01];
/// id-signedData 1.2.840.113549.1.7.2.
const OID_SIGNED_DATA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];
/// id-ct-TSTInfo 1.2.840.113549.1.9.16.1.4.
const OID_TST_INFO: &[u8] = &[
    0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x10, 0x01, 0x04,
];

const SEQUENCE: u8 = 0x30;
const SET: u8 = 0x31;
const INTEGER: u8 = 0x02;
const OCTET_STRING: u8 = 0x04;
const NULL: u8 = 0x05;
const OID: u8 = 0x06;
const BOOLEAN: u8 = 0x01;
const GENERALIZED_TIME: u8 = 0x18;
const CONTEXT_0: u8 = 0xa0;

fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let n = content.len();
    if n < 0x80 {
        out.push(n as u8);
    } else {
        let bytes: Vec<u8> = n
            .to_be_bytes()
            .into_iter()
            .skip_while(|b| *b == 0)
            .collect();
        out.push(0x80 | bytes.len() as u8);
        out.extend(bytes);
    }
    out.extend_from_slice(content);
    out
}

/// A `TimeStampReq` for the SHA-256 `digest`, with `nonce` (8 bytes whose first byte is
/// made non-zero and positive, so the INTEGER is minimal) and certReq true.
pub fn request(digest: &[u8; 32], nonce: [u8; 8]) -> (Vec<u8>, Vec<u8>) {
    let mut nonce = nonce;
    nonce[0] = (nonce[0] & 0x7f) | 0x01;
    let algorithm = tlv(SEQUENCE, &[tlv(OID, OID_SHA256), tlv(NULL, &[])].concat());
    let imprint = tlv(SEQUENCE, &[algorithm, tlv(OCTET_STRING, digest)].concat());
    let body = [
        tlv(INTEGER, &[1]),
        imprint,
        tlv(INTEGER, &nonce),
        tlv(BOOLEAN, &[0xff]),
    ]
    .concat();
    (tlv(SEQUENCE, &body), nonce.to_vec())
}

/// One DER element: its tag, its content, and the whole element's bytes.
struct Element<'a> {
    tag: u8,
    content: &'a [u8],
    whole: &'a [u8],
}

/// Reads the element at the start of `input`; the rest follows.
fn read(input: &[u8]) -> Option<(Element<'_>, &[u8])> {
    let (&tag, rest) = input.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 || rest.len() < n {
            return None;
        }
        let len = rest[..n]
            .iter()
            .fold(0usize, |acc, b| (acc << 8) | usize::from(*b));
        (len, &rest[n..])
    };
    if rest.len() < len {
        return None;
    }
    let header = input.len() - rest.len();
    Some((
        Element {
            tag,
            content: &rest[..len],
            whole: &input[..header + len],
        },
        &rest[len..],
    ))
}

fn expect(input: &[u8], tag: u8) -> Option<(Element<'_>, &[u8])> {
    read(input).filter(|(e, _)| e.tag == tag)
}

/// The token (a CMS `ContentInfo`) of a `TimeStampResp` whose status is granted (0) or
/// granted with modifications (1); `None` for anything else.
pub fn token_of_response(response: &[u8]) -> Option<Vec<u8>> {
    let (resp, _) = expect(response, SEQUENCE)?;
    let (status_info, rest) = expect(resp.content, SEQUENCE)?;
    let (status, _) = expect(status_info.content, INTEGER)?;
    if status.content != [0] && status.content != [1] {
        return None;
    }
    let (token, _) = expect(rest, SEQUENCE)?;
    Some(token.whole.to_vec())
}

/// What Consigne reads of a timestamp token's `TSTInfo`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TstInfo {
    /// The SHA-256 the TSA stamped (only SHA-256 imprints are accepted).
    pub imprint: Vec<u8>,
    /// `genTime` as written (GeneralizedTime, e.g. `20261203071800Z`).
    pub gen_time: String,
    pub nonce: Option<Vec<u8>>,
}

/// Reads a token's `TSTInfo`: ContentInfo → SignedData → encapContentInfo → eContent.
pub fn tst_info(token: &[u8]) -> Option<TstInfo> {
    let (content_info, _) = expect(token, SEQUENCE)?;
    let (oid, rest) = expect(content_info.content, OID)?;
    if oid.content != OID_SIGNED_DATA {
        return None;
    }
    let (explicit, _) = expect(rest, CONTEXT_0)?;
    let (signed_data, _) = expect(explicit.content, SEQUENCE)?;
    let (_version, rest) = expect(signed_data.content, INTEGER)?;
    let (_digests, rest) = expect(rest, SET)?;
    let (encap, _) = expect(rest, SEQUENCE)?;
    let (ctype, rest) = expect(encap.content, OID)?;
    if ctype.content != OID_TST_INFO {
        return None;
    }
    let (explicit, _) = expect(rest, CONTEXT_0)?;
    let (octets, _) = expect(explicit.content, OCTET_STRING)?;
    let (info, _) = expect(octets.content, SEQUENCE)?;
    let (_version, rest) = expect(info.content, INTEGER)?;
    let (_policy, rest) = expect(rest, OID)?;
    let (imprint, rest) = expect(rest, SEQUENCE)?;
    let (algorithm, hashed) = expect(imprint.content, SEQUENCE)?;
    let (alg_oid, _) = expect(algorithm.content, OID)?;
    if alg_oid.content != OID_SHA256 {
        return None;
    }
    let (hashed, _) = expect(hashed, OCTET_STRING)?;
    let (_serial, rest) = expect(rest, INTEGER)?;
    let (time, mut rest) = expect(rest, GENERALIZED_TIME)?;
    // Optional accuracy (SEQUENCE), ordering (BOOLEAN), then nonce (INTEGER).
    let mut nonce = None;
    while let Some((e, next)) = read(rest) {
        match e.tag {
            SEQUENCE | BOOLEAN => {}
            INTEGER => {
                nonce = Some(e.content.to_vec());
                break;
            }
            _ => break,
        }
        rest = next;
    }
    Some(TstInfo {
        imprint: hashed.content.to_vec(),
        gen_time: String::from_utf8(time.content.to_vec()).ok()?,
        nonce,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_request_is_the_der_openssl_writes() {
        // `openssl ts -query -digest <32 x 0x11> -sha256 -cert` writes the same bytes apart
        // from its own nonce.
        let (req, nonce) = request(&[0x11; 32], [0xff, 2, 3, 4, 5, 6, 7, 8]);
        assert_eq!(nonce, vec![0x7f, 2, 3, 4, 5, 6, 7, 8]);
        let expected = format!(
            "30430201013031300d060960864801650304020105000420{}02087f020304050607080101ff",
            "11".repeat(32)
        );
        assert_eq!(hex::encode(&req), expected);
    }

    #[test]
    fn truncated_or_lying_lengths_are_refused() {
        assert!(read(&[0x30]).is_none());
        assert!(read(&[0x30, 0x05, 1, 2]).is_none());
        assert!(read(&[0x30, 0x80]).is_none());
        assert!(read(&[0x30, 0x85, 1, 1, 1, 1, 1]).is_none());
        assert!(token_of_response(&[0x30, 0x03, 0x30, 0x01, 0x02]).is_none());
        assert!(tst_info(b"not der").is_none());
    }
}
