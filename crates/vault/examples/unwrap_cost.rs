//! CPU cost of the X25519 operations behind a page (a list opens one public-key wrap per item):
//! `cargo run -p consigne-vault --release --example unwrap_cost`.
//!
//! Prints microseconds of this thread's CPU time per operation, the best of 7 rounds of at least
//! 2 000 operations and 200 ms (CPU time, not wall-clock time, so that other work on a shared host counts as little as it
//! can: it still slows caches and turbo). "per item, before" is what the server
//! did for each item until issue 12: rebuild the key pair from its secret, then `crypto_box`'s
//! own `unseal`, which derives the recipient's public key from the secret again. Build once with
//! and once without curve25519-dalek's `precomputed-tables` feature (crates/vault/Cargo.toml)
//! to see what the tables give.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use consigne_vault::{Key32, KeyPair, open, unwrap_key, unwrap_key_from, wrap_key, wrap_key_to};
use std::hint::black_box;
use std::time::Instant;

const ROUNDS: usize = 7;
const OPS: usize = 2_000;
const MIN_ROUND: std::time::Duration = std::time::Duration::from_millis(200);

/// CPU time this thread has run, in seconds (Linux: the first field of
/// `/proc/thread-self/schedstat`, in nanoseconds), so that other work on a shared host does not
/// count; elsewhere, `None` and wall-clock time is used.
fn thread_cpu() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns as f64 / 1e9)
}

fn per_op(mut f: impl FnMut()) -> f64 {
    (0..ROUNDS)
        .map(|_| {
            // At least 2 000 operations and 200 ms, so that the CPU-time counter (updated at
            // scheduler ticks) moves many times within a round.
            let (cpu, wall) = (thread_cpu(), Instant::now());
            let mut n = 0usize;
            while n < OPS || wall.elapsed() < MIN_ROUND {
                f();
                n += 1;
            }
            let secs = match (cpu, thread_cpu()) {
                (Some(a), Some(b)) => b - a,
                _ => wall.elapsed().as_secs_f64(),
            };
            secs * 1e6 / n as f64
        })
        .fold(f64::MAX, f64::min)
}

fn main() {
    let pair = KeyPair::generate();
    let aad = "items.key/owner|b|i";
    let item_key = Key32::random();
    let wrap = wrap_key_to(&pair.public(), aad, &item_key);
    let vault = Key32::random();
    let vault_wrap = wrap_key(&vault, aad, &item_key);

    let derive = per_op(|| {
        black_box(KeyPair::from_secret(black_box(pair.secret().clone())));
    });
    let wrap_to = per_op(|| {
        black_box(wrap_key_to(&pair.public(), aad, &item_key));
    });
    let after = per_op(|| {
        black_box(unwrap_key_from(&pair, aad, black_box(&wrap)).unwrap());
    });
    let before = per_op(|| {
        // The old per-item path, byte for byte the same result.
        let again = KeyPair::from_secret(pair.secret().clone());
        let sk = crypto_box::SecretKey::from_bytes(*again.secret().as_bytes());
        let data_key = Key32::from_slice(&sk.unseal(&wrap[4..84]).unwrap()).unwrap();
        black_box(open(&data_key, aad, &wrap[84..]).unwrap());
    });
    let symmetric = per_op(|| {
        black_box(unwrap_key(&vault, aad, black_box(&vault_wrap)).unwrap());
    });
    println!("| operation | µs |\n|---|---|");
    println!("| key pair from its secret (base-point multiplication) | {derive:.1} |");
    println!("| wrap a key to a public key (`wrap_key_to`) | {wrap_to:.1} |");
    println!("| open a public-key wrap, per item, before | {before:.1} |");
    println!(
        "| open a public-key wrap, per item, now (`unwrap_key_from`, pair built once) | {after:.1} |"
    );
    println!(
        "| open a wrap under her vault key (`unwrap_key`, after the re-wrap) | {symmetric:.1} |"
    );
}
