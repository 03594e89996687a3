//! Fuzz-style robustness: random and mutated inputs must never panic (not even inside a
//! third-party decoder, where the library's panic guard would otherwise hide it).
//! This file is its own test binary, so the panic hook below sees only these calls.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use consigne_media::{
    Kind, Limits, PdfCheck, dimensions, images_to_pdf, sanitize_image, sanitize_pdf, sniff,
    thumbnail,
};

/// xorshift64*: deterministic, so a failure can be replayed from its iteration number.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut data = seed.to_vec();
    for _ in 0..=rng.below(8) {
        match rng.below(6) {
            // Flip random bytes.
            0 | 1 => {
                if !data.is_empty() {
                    let i = rng.below(data.len());
                    data[i] = rng.next() as u8;
                }
            }
            // Truncate.
            2 => {
                let len = rng.below(data.len() + 1);
                data.truncate(len);
            }
            // Insert random bytes.
            3 => {
                let at = rng.below(data.len() + 1);
                let extra: Vec<u8> = (0..rng.below(16)).map(|_| rng.next() as u8).collect();
                data.splice(at..at, extra);
            }
            // Overwrite with an interesting value (sizes, lengths).
            4 => {
                if data.len() >= 4 {
                    let i = rng.below(data.len() - 3);
                    let v: [u8; 4] =
                        [[0xFF; 4], [0; 4], [0x7F, 0xFF, 0xFF, 0xFF], [0, 0, 0, 1]][rng.below(4)];
                    data[i..i + 4].copy_from_slice(&v);
                }
            }
            // Duplicate a slice.
            _ => {
                if !data.is_empty() {
                    let a = rng.below(data.len());
                    let b = (a + rng.below(64)).min(data.len());
                    let chunk = data[a..b].to_vec();
                    let at = rng.below(data.len() + 1);
                    data.splice(at..at, chunk);
                }
            }
        }
    }
    data
}

#[test]
fn random_and_mutated_inputs_never_panic() {
    let panics = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&panics);
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        counter.fetch_add(1, Ordering::SeqCst);
        default_hook(info);
    }));

    let mut pdf_with_stuff = Vec::new();
    {
        let (mut doc, _) = common::simple_pdf(2);
        doc.save_modern(&mut pdf_with_stuff).unwrap();
    }
    let seeds: Vec<Vec<u8>> = vec![
        common::jpeg(24, 16),
        common::jpeg_with_metadata(&common::jpeg(16, 8), &common::exif_block(6, b"m"), b"c"),
        common::png(20, 12),
        common::png_rgba(9, 7),
        common::webp(16, 16),
        common::save(&mut common::simple_pdf(2).0),
        pdf_with_stuff,
        b"<!doctype html><p>".to_vec(),
    ];
    // Small limits keep mutated headers from asking for large (legitimate) decodes.
    let limits = Limits {
        max_pixels: 1 << 20,
        ..Limits::default()
    };
    let mut accepted = 0;
    // CONSIGNE_FUZZ_ITERS raises the count for a longer local run; CI keeps 2000.
    let iterations: usize = std::env::var("CONSIGNE_FUZZ_ITERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000);
    let seed = std::env::var("CONSIGNE_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x00C0_FFEE_1234_5678);
    let mut rng = Rng(seed);
    for i in 0..iterations {
        let input = if i % 5 == 0 {
            (0..rng.below(300)).map(|_| rng.next() as u8).collect()
        } else {
            let seed = &seeds[rng.below(seeds.len())];
            mutate(&mut rng, seed)
        };
        let _ = sniff(&input);
        let _ = dimensions(&input);
        if sanitize_image(&input, &limits).is_ok() {
            accepted += 1;
        }
        let _ = thumbnail(&input, Kind::Jpeg, &limits);
        if sanitize_pdf(&input, &Limits::default()).is_ok() {
            accepted += 1;
        }
        let mut check = PdfCheck::new();
        if input.chunks(97).all(|part| check.update(part).is_ok()) && check.finish().is_ok() {
            accepted += 1;
        }
        if i % 20 == 0 {
            let _ = images_to_pdf(&[input], &limits);
        }
        assert_eq!(panics.load(Ordering::SeqCst), 0, "panic on iteration {i}");
    }
    // The mutations must not be so destructive that nothing ever parses.
    eprintln!("{iterations} inputs, {accepted} accepted");
    assert!(accepted > iterations / 20, "only {accepted} inputs parsed");
}
