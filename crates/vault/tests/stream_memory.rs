//! A 20 MB blob sealed and opened through `seal_stream` / `open_stream` with flat memory: the
//! plaintext is generated on the fly, the ciphertext goes through an OS pipe between two threads,
//! and the opened plaintext is only hashed, so no buffer ever holds the whole file. On Linux the
//! process's peak resident memory is checked to stay far below the blob's size. This is the only
//! test in its binary, so nothing else inflates that peak.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{Read, Write};

use consigne_vault::{DEFAULT_CHUNK, Key32, open_stream, seal_stream, sealed_len};
use sha2::{Digest, Sha256};

const LEN: u64 = 20_000_000;

/// Deterministic pseudo-random bytes (xorshift64), `len` of them, produced on demand.
struct Generator {
    state: u64,
    left: u64,
}

impl Read for Generator {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        // Reads that never line up with chunks; whole 8-byte words (one generator step each,
        // cheap in an unoptimised build) so that the bytes do not depend on the read sizes.
        let mut n = buf.len().min(70_000).min(self.left as usize);
        if n >= 8 {
            n -= n % 8;
        }
        for word in buf[..n].chunks_mut(8) {
            self.state ^= self.state << 13;
            self.state ^= self.state >> 7;
            self.state ^= self.state << 17;
            word.copy_from_slice(&self.state.to_le_bytes()[..word.len()]);
        }
        self.left -= n as u64;
        Ok(n)
    }
}

fn generator() -> Generator {
    Generator {
        state: 0x9E37_79B9_7F4A_7C15,
        left: LEN,
    }
}

/// Counts the bytes written through it (and drops them).
struct Counting<W> {
    inner: W,
    written: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Peak resident set size of this process in KiB (Linux only).
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn twenty_megabytes_with_flat_memory() {
    // Reference digest of the plaintext, computed in pieces.
    let mut reference = Sha256::new();
    let mut g = generator();
    let mut piece = vec![0u8; 65_536];
    loop {
        let n = g.read(&mut piece).unwrap();
        if n == 0 {
            break;
        }
        reference.update(&piece[..n]);
    }
    let reference: [u8; 32] = reference.finalize().into();
    drop(piece);

    let before = peak_rss_kib();
    let key = Key32::random();
    let context = "blob|owner|item|1";
    let (pipe_reader, pipe_writer) = std::io::pipe().unwrap();
    let sealer_key = key.clone();
    let sealer = std::thread::spawn(move || {
        let mut out = Counting {
            inner: pipe_writer,
            written: 0,
        };
        let result = seal_stream(&sealer_key, context, DEFAULT_CHUNK, generator(), &mut out);
        (result.map_err(|e| e.to_string()), out.written)
        // The pipe's write end is dropped here: the opener then sees EOF.
    });
    let mut sink = Counting {
        inner: std::io::sink(),
        written: 0,
    };
    let opened = open_stream(&key, context, pipe_reader, &mut sink).unwrap();
    let (sealed, sealed_bytes) = sealer.join().unwrap();
    let sealed = sealed.unwrap();

    assert_eq!(sealed, (LEN, reference));
    assert_eq!(opened, (LEN, reference));
    assert_eq!(sink.written, LEN);
    assert_eq!(sealed_bytes, sealed_len(LEN, DEFAULT_CHUNK));

    if let (Some(before), Some(after)) = (before, peak_rss_kib()) {
        let grown_mib = after.saturating_sub(before) as f64 / 1024.0;
        println!(
            "peak RSS {:.1} MiB before, {:.1} MiB after (grew {grown_mib:.1} MiB for a {} MB blob)",
            before as f64 / 1024.0,
            after as f64 / 1024.0,
            LEN / 1_000_000,
        );
        // About three 1 MiB chunks on each side; a copy of the blob would add 20 MB or more.
        assert!(grown_mib < 12.0, "peak RSS grew by {grown_mib:.1} MiB");
    }
}
