//! Throughput of blob sealing and opening, 100 MB in memory:
//! `cargo run -p consigne-vault --release --example stream_throughput`.
//! (The project-wide benchmarks live in `bench/`; this one isolates the cipher.)

#![allow(clippy::unwrap_used, clippy::expect_used)]

use consigne_vault::Key32;
use consigne_vault::stream::{DEFAULT_CHUNK, open_stream, seal_stream, sealed_len};
use std::time::Instant;

fn main() {
    let len = 100_000_000usize;
    let data: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
    let key = Key32::random();
    let ctx = "blob|owner|item|1";
    let mb = len as f64 / 1e6;
    let best = |f: &mut dyn FnMut() -> f64| (0..3).map(|_| f()).fold(f64::MAX, f64::min);
    println!("| chunk | seal MB/s | open MB/s |\n|---|---|---|");
    for cs in [DEFAULT_CHUNK, 64 << 10] {
        let mut sealed = Vec::with_capacity(sealed_len(len as u64, cs) as usize);
        let seal_s = best(&mut || {
            sealed.clear();
            let t = Instant::now();
            seal_stream(&key, ctx, cs, data.as_slice(), &mut sealed).unwrap();
            t.elapsed().as_secs_f64()
        });
        let open_s = best(&mut || {
            let t = Instant::now();
            open_stream(&key, ctx, sealed.as_slice(), std::io::sink()).unwrap();
            t.elapsed().as_secs_f64()
        });
        println!(
            "| {} KiB | {:.0} | {:.0} |",
            cs / 1024,
            mb / seal_s,
            mb / open_s
        );
    }
}
