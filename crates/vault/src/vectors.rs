//! Test vectors published in `docs/encryption.md`; this test keeps the document honest.
//!
//! Every input is fixed (keys 0x00..0x1f and friends, a fixed nonce, a fixed ephemeral key) so
//! that an independent implementation can reproduce each output byte for byte.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use rand::{CryptoRng, RngCore};

use crate::kdf::{INFO_VERIFIER, INFO_WRAP};
use crate::key::hkdf32;
use crate::platform::INFO_SEAL;
use crate::public::seal_to_with;
use crate::{
    KdfParams, Key32, KeyPair, PlatformKey, derive_key, derive_secret, open, open_sealed, recovery,
    seal_with_nonce, totp,
};

/// Bytes `start, start + 1, ...`.
fn seq<const N: usize>(start: u8) -> [u8; N] {
    std::array::from_fn(|i| start.wrapping_add(i as u8))
}

/// An "RNG" that replays fixed bytes: makes the sealed box's ephemeral key reproducible.
struct FixedRng(Vec<u8>);

impl RngCore for FixedRng {
    fn next_u32(&mut self) -> u32 {
        let mut b = [0u8; 4];
        self.fill_bytes(&mut b);
        u32::from_le_bytes(b)
    }
    fn next_u64(&mut self) -> u64 {
        let mut b = [0u8; 8];
        self.fill_bytes(&mut b);
        u64::from_le_bytes(b)
    }
    fn fill_bytes(&mut self, dest: &mut [u8]) {
        assert!(self.0.len() >= dest.len(), "fixed RNG exhausted");
        let rest = self.0.split_off(dest.len());
        dest.copy_from_slice(&self.0);
        self.0 = rest;
    }
    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand::Error> {
        self.fill_bytes(dest);
        Ok(())
    }
}

impl CryptoRng for FixedRng {}

const AAD: &str = "test|owner-0001|item-0001|1|0";
const PLAINTEXT: &[u8] = b"Consigne test vector";

struct Vectors {
    seal: String,
    derive_key: String,
    recipient_public: String,
    seal_to: String,
    platform_seal_key: String,
    platform_seal: String,
    blind_index: String,
    argon2id: String,
    verifier: String,
    wrap_key: String,
    totp_59: String,
    totp_1111111109: String,
    recovery_code: String,
}

fn compute() -> Vectors {
    let key = Key32::from_bytes(seq(0x00));
    let nonce: [u8; 24] = seq(0x40);

    let sealed = seal_with_nonce(&key, AAD, PLAINTEXT, &nonce);
    assert_eq!(open(&key, AAD, &sealed).unwrap().as_slice(), PLAINTEXT);

    let recipient = KeyPair::from_secret(Key32::from_bytes(seq(0x20)));
    let data_key = Key32::from_bytes(seq(0x60));
    let mut rng = FixedRng(seq::<32>(0x80).to_vec());
    let sealed_to = seal_to_with(
        &recipient.public(),
        AAD,
        PLAINTEXT,
        &data_key,
        &mut rng,
        &nonce,
    );
    assert_eq!(
        open_sealed(&recipient, AAD, &sealed_to).unwrap().as_slice(),
        PLAINTEXT
    );

    let platform = PlatformKey::from_single(1, Key32::from_bytes(seq(0x00))).unwrap();
    let platform_sealed = platform.seal_with_nonce(AAD, PLAINTEXT, &nonce);
    assert_eq!(
        platform.open(AAD, &platform_sealed).unwrap().as_slice(),
        PLAINTEXT
    );

    let salt: [u8; 16] = seq(0x00);
    let params = KdfParams::default();
    let mut master = [0u8; 32];
    argon2::Argon2::new(
        argon2::Algorithm::Argon2id,
        argon2::Version::V0x13,
        argon2::Params::new(19456, 2, 1, Some(32)).unwrap(),
    )
    .hash_password_into(b"correct horse battery staple", &salt, &mut master)
    .unwrap();
    let derived = derive_secret(b"correct horse battery staple", &salt, &params).unwrap();
    assert_eq!(derived.verifier, hkdf32(&master, INFO_VERIFIER.as_bytes()));
    assert_eq!(
        derived.wrap_key.as_bytes(),
        &hkdf32(&master, INFO_WRAP.as_bytes())
    );

    Vectors {
        seal: hex::encode(sealed),
        derive_key: hex::encode(derive_key(key.as_bytes(), "consigne/v1/session").as_bytes()),
        recipient_public: hex::encode(recipient.public().as_bytes()),
        seal_to: hex::encode(sealed_to),
        platform_seal_key: hex::encode(hkdf32(&seq::<32>(0x00), INFO_SEAL.as_bytes())),
        platform_seal: hex::encode(platform_sealed),
        blind_index: hex::encode(platform.blind_index("login", "jean.dupont.01012000")),
        argon2id: hex::encode(master),
        verifier: hex::encode(derived.verifier),
        wrap_key: hex::encode(derived.wrap_key.as_bytes()),
        totp_59: totp::code_at(b"12345678901234567890", 59),
        totp_1111111109: totp::code_at(b"12345678901234567890", 1_111_111_109),
        recovery_code: recovery::format_code(&recovery::encode(&seq(0x00))),
    }
}

/// The values printed in `docs/encryption.md` ("Test vectors"); they were also reproduced with
/// an independent implementation (Python `cryptography` plus hand-written HSalsa20/HChaCha20).
#[test]
fn test_vectors() {
    let v = compute();
    assert_eq!(
        v.seal,
        "0101404142434445464748494a4b4c4d4e4f5051525354555657\
         97566b03b9871773af80e2cddbbc13f7f1cec2b6e89e1c4d2a2cb16e2ad13e2fd1a1690f"
    );
    assert_eq!(
        v.derive_key,
        "1c259aa6982567421200d6449d7d2e80c9789e614b2f097206ad3dfa508d40b9"
    );
    assert_eq!(
        v.recipient_public,
        "358072d6365880d1aeea329adf9121383851ed21a28e3b75e965d0d2cd166254"
    );
    assert_eq!(
        v.seal_to,
        "01020050\
         493e82fc74464a59268817623d2053c5eb8e2cc4a988b4fee179ec6b010d531d\
         76e09082c12968eea1cd94c371a0989995be88d95be1243e7eaf7e550db0ec6f991b357130a5f8041319012674f81913\
         0101404142434445464748494a4b4c4d4e4f5051525354555657\
         daf2779aab1ebb8d20c79e399473a066ea1164a684d9b6e191561e416a1d376f4378c4c5"
    );
    assert_eq!(
        v.platform_seal_key,
        "a4845e2bb35ad961c2592dfe8aad3da0e79f6b87b003fccf96fc06ed7f384aab"
    );
    assert_eq!(
        v.platform_seal,
        "00000001\
         0101404142434445464748494a4b4c4d4e4f5051525354555657\
         64cc8376311dd9afb2073b3da31ca3f57d9e4ee56dc4cae8be26384898124525c0b66184"
    );
    assert_eq!(
        v.blind_index,
        "c961b7e4889efba97dff6c43ea129b916dcd525c231084efce889848dfe33ca4"
    );
    assert_eq!(
        v.argon2id,
        "818259b6310026a8e0dbac5d2e6927abcfdb07b32258fac4f61b18b80f929085"
    );
    assert_eq!(
        v.verifier,
        "6feb13b19281727a030a26af30fd2d4e11d2ec72d080be21e0770291a45c098b"
    );
    assert_eq!(
        v.wrap_key,
        "4b3b0bbf886410bb84803857a00b6ccc113df1bde3f2aab36fdf3cf90a73755c"
    );
    // The key file shown in the doc parses to the same key.
    let from_file = PlatformKey::parse_text(
        "consigne-platform-key\nv1 AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n",
    )
    .unwrap();
    assert_eq!(
        hex::encode(from_file.blind_index("login", "jean.dupont.01012000")),
        v.blind_index
    );
    assert_eq!(v.totp_59, "287082");
    assert_eq!(v.totp_1111111109, "081804");
    assert_eq!(v.recovery_code, "000G-40R4-0M30-E209-185G-R38E");
}

/// The blob stream vector in `docs/encryption.md` ("Blob stream (version 1, algorithm 3)"):
/// key 0x00..0x1f, nonce prefix 0x40..0x46, context `blob|owner|item|1`, chunk size 4096, and
/// 10 000 plaintext bytes `i mod 256`, so three chunks (4096, 4096 and 1808 bytes). Reproduced
/// with Python `cryptography` (HKDF-SHA256 and AESGCM).
#[test]
fn blob_stream_vector() {
    use crate::stream::{BlobOpener, BlobSealer, open_stream, seal_stream_with};

    let key = Key32::from_bytes(seq(0x00));
    let prefix: [u8; 7] = seq(0x40);
    let context = "blob|owner|item|1";
    let plaintext: Vec<u8> = (0..10_000).map(|i| i as u8).collect();

    let (sealer, header) = BlobSealer::with_nonce_prefix(&key, context, 4096, prefix).unwrap();
    let mut sealed = Vec::new();
    let (n, digest) =
        seal_stream_with(sealer, &header, &mut plaintext.as_slice(), &mut sealed).unwrap();
    assert_eq!(n, 10_000);
    assert_eq!(digest, crate::sha256(&plaintext));

    // The incremental API gives the same bytes.
    let (mut sealer, mut incremental) =
        BlobSealer::with_nonce_prefix(&key, context, 4096, prefix).unwrap();
    sealer.update(&plaintext, &mut incremental).unwrap();
    sealer.finish(&mut incremental).unwrap();
    assert_eq!(incremental, sealed);

    let mut opened = Vec::new();
    open_stream(&key, context, sealed.as_slice(), &mut opened).unwrap();
    assert_eq!(opened, plaintext);
    assert!(BlobOpener::new(&key, context, &sealed[..13]).is_ok());

    let blob_key = hkdf32(key.as_bytes(), crate::stream::INFO_BLOB_KEY.as_bytes());
    let tags: Vec<String> = [4096 + 16, 2 * (4096 + 16), sealed.len() - 13]
        .iter()
        .map(|end| hex::encode(&sealed[13 + end - 16..13 + end]))
        .collect();
    assert_eq!(
        hex::encode(blob_key),
        "304c179609a1bff6cd1270f164f651b573f681158553065eedc8ade7e2046832"
    );
    assert_eq!(sealed.len(), 10_061);
    assert_eq!(hex::encode(&header), "01030000100040414243444546");
    assert_eq!(
        hex::encode(&sealed[..64]),
        "01030000100040414243444546\
         d0aa0ce8472e65968e8a3a2f1b9390b46096bd3216d334871001692e220b4021a2\
         d9311dd863d63af6e4824fdeb9b39fc9c44d"
    );
    assert_eq!(
        tags,
        [
            "ec4b76fa440d71aeaa2b3a8e350a7b94",
            "05ea77c401c76d3df34beba5ee0420bb",
            "e8a96a7200c301126297434f1e5697b8"
        ]
    );
    assert_eq!(
        hex::encode(crate::sha256(&sealed)),
        "c96a29d237c8e4532780c2f26362cb3f35e30855076627b3119cdfda95179d10"
    );
}
