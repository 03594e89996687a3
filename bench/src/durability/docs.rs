//! Documents to upload (valid PDFs of chosen sizes), what the server acknowledged, the
//! concurrent uploaders, and the final check of acknowledged documents.

use super::client::Api;
use super::{Person, sha256_hex};
use anyhow::{Result, anyhow};
use rand::{Rng, RngCore, SeedableRng, rngs::StdRng};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

pub const MIB: usize = 1024 * 1024;

/// A one-page PDF with a line of text and an image XObject of `image_len` random bytes, with a
/// correct cross-reference table (so both the in-memory cleaner and the streaming check accept
/// it).
pub fn pdf(text: &str, image_len: usize, rng: &mut StdRng) -> Vec<u8> {
    let stream = format!("BT /F1 14 Tf 50 740 Td ({text}) Tj ET");
    let mut image = vec![0u8; image_len];
    rng.fill_bytes(&mut image);
    let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    let mut object = |out: &mut Vec<u8>, head: String, data: Option<&[u8]>| {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{head}", offsets.len()).as_bytes());
        if let Some(d) = data {
            out.extend_from_slice(b"\nstream\n");
            out.extend_from_slice(d);
            out.extend_from_slice(b"\nendstream");
        }
        out.extend_from_slice(b"\nendobj\n");
    };
    object(&mut out, "<< /Type /Catalog /Pages 2 0 R >>".into(), None);
    object(
        &mut out,
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
        None,
    );
    object(
        &mut out,
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>".into(),
        None,
    );
    object(
        &mut out,
        format!("<< /Length {} >>", stream.len()),
        Some(stream.as_bytes()),
    );
    object(
        &mut out,
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".into(),
        None,
    );
    let width = image_len.max(1);
    object(
        &mut out,
        format!(
            "<< /Type /XObject /Subtype /Image /Width {width} /Height 1 /BitsPerComponent 8 /ColorSpace /DeviceGray /Length {image_len} >>"
        ),
        Some(&image),
    );
    consigne_bench::end_pdf(&mut out, &offsets);
    out
}

/// How large the uploaded documents are, in proportions.
#[derive(Debug, Clone, Copy)]
pub struct Mix {
    /// Per mille of documents past `storage.in_memory_mb` (streamed to storage unchanged).
    pub large_permille: u32,
    /// Per mille of documents of 256 KiB to 3 MiB (cleaned in memory).
    pub medium_permille: u32,
    /// Bytes all uploaders together may send; past it they send only small documents (the
    /// disk of a CI machine is not infinite).
    pub budget_bytes: u64,
}

/// A generated document: bytes and whether the server stores them unchanged (a PDF past
/// the in-memory size streams through a check and is stored byte for byte; smaller files are
/// rewritten by the cleaner).
pub fn generate(rng: &mut StdRng, mix: Mix, label: &str) -> (Vec<u8>, bool) {
    let roll = rng.gen_range(0..1000);
    let text = format!("Consigne durability {label} {}", rng.next_u64());
    if roll < mix.large_permille {
        let len = rng.gen_range(16 * MIB + 64 * 1024..20 * MIB);
        (pdf(&text, len, rng), true)
    } else if roll < mix.large_permille + mix.medium_permille {
        let len = rng.gen_range(256 * 1024..3 * MIB);
        (pdf(&text, len, rng), false)
    } else {
        let len = rng.gen_range(1..64 * 1024);
        (pdf(&text, len, rng), false)
    }
}

/// A document the server acknowledged (201 with its id): what it promised to return.
#[derive(Debug, Clone)]
pub struct Acked {
    pub id: String,
    /// Index of the owner in the people list.
    pub owner: usize,
    /// The `sha256` of the 201 answer: the digest of exactly the bytes `/content` returns.
    pub sha256: String,
    pub size: u64,
    pub streamed: bool,
}

/// Outcome of one upload attempt.
#[derive(Debug)]
pub enum Upload {
    Acked(Acked),
    /// The server answered something else than 201.
    Refused(super::client::Reply),
    /// No answer (server killed or down).
    NoAnswer,
}

/// Uploads `bytes`; on 201 checks the answer (and, for a document stored unchanged, that the
/// acknowledged digest is the one of the bytes sent).
pub fn upload(
    api: &Api,
    person: &Person,
    owner: usize,
    bytes: &[u8],
    streamed: bool,
) -> Result<Upload> {
    upload_with(api, person, owner, bytes, streamed, false)
}

/// [`upload`], over a plain socket when `raw` (see [`Api::upload_raw`]).
pub fn upload_with(
    api: &Api,
    person: &Person,
    owner: usize,
    bytes: &[u8],
    streamed: bool,
    raw: bool,
) -> Result<Upload> {
    let sent = if raw {
        api.upload_raw(&person.token, &person.bid, bytes, "papier.pdf")
    } else {
        api.upload(&person.token, &person.bid, bytes, "papier.pdf")
    };
    let reply = match sent {
        Ok(r) => r,
        Err(_) => return Ok(Upload::NoAnswer),
    };
    if reply.status != 201 {
        return Ok(Upload::Refused(reply));
    }
    let v = reply.json()?;
    let id = v["id"]
        .as_str()
        .ok_or_else(|| anyhow!("201 without id: {}", reply.short()))?;
    let sha256 = v["sha256"]
        .as_str()
        .ok_or_else(|| anyhow!("201 without sha256: {}", reply.short()))?;
    let size = v["size"]
        .as_u64()
        .ok_or_else(|| anyhow!("201 without size: {}", reply.short()))?;
    if streamed {
        let sent = sha256_hex(bytes);
        if sent != sha256 || size != bytes.len() as u64 {
            return Err(anyhow!(
                "a large PDF (stored unchanged) was acknowledged with sha256 {sha256} size {size}, sent {sent} size {}",
                bytes.len()
            ));
        }
    }
    Ok(Upload::Acked(Acked {
        id: id.to_owned(),
        owner,
        sha256: sha256.to_owned(),
        size,
        streamed,
    }))
}

/// Shared state of a pool of uploaders.
#[derive(Debug, Default)]
pub struct Shared {
    pub acked: Mutex<Vec<Acked>>,
    pub failures: Mutex<Vec<String>>,
    pub unanswered: Mutex<u64>,
    pub sent_bytes: std::sync::atomic::AtomicU64,
    /// Uploads past `in_memory_mb` cut by a kill (the streaming path interrupted).
    pub unanswered_streamed: std::sync::atomic::AtomicU64,
}

/// Concurrent uploaders, one thread per person, until stopped.
#[derive(Debug)]
pub struct Uploaders {
    stop: Arc<AtomicBool>,
    pub shared: Arc<Shared>,
    threads: Vec<JoinHandle<()>>,
}

impl Uploaders {
    /// One uploader per person of `owners` (indexes into `people`).
    pub fn start(api: &Api, people: &[Person], owners: &[usize], mix: Mix, seed: u64) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let shared = Arc::new(Shared::default());
        let mut threads = Vec::new();
        for &owner in owners {
            let (api, stop, shared) = (api.clone(), stop.clone(), shared.clone());
            let Some(person) = people.get(owner).cloned() else {
                continue;
            };
            threads.push(std::thread::spawn(move || {
                let mut rng =
                    StdRng::seed_from_u64(seed ^ (owner as u64).wrapping_mul(0x9E37_79B9));
                let mut n = 0u64;
                while !stop.load(Ordering::SeqCst) {
                    n += 1;
                    let spent = shared.sent_bytes.load(Ordering::SeqCst) >= mix.budget_bytes;
                    let mix = if spent {
                        Mix {
                            large_permille: 0,
                            medium_permille: 0,
                            ..mix
                        }
                    } else {
                        mix
                    };
                    let (bytes, streamed) = generate(&mut rng, mix, &format!("{owner}-{n}"));
                    shared
                        .sent_bytes
                        .fetch_add(bytes.len() as u64, Ordering::SeqCst);
                    match upload(&api, &person, owner, &bytes, streamed) {
                        Ok(Upload::Acked(a)) => lock(&shared.acked).push(a),
                        Ok(Upload::NoAnswer) => {
                            *lock(&shared.unanswered) += 1;
                            if streamed {
                                shared.unanswered_streamed.fetch_add(1, Ordering::SeqCst);
                            }
                            std::thread::sleep(Duration::from_millis(100));
                        }
                        Ok(Upload::Refused(r)) => {
                            lock(&shared.failures).push(format!(
                                "upload of {} bytes answered {}: {}",
                                bytes.len(),
                                r.status,
                                r.short()
                            ));
                            std::thread::sleep(Duration::from_millis(100));
                        }
                        Err(e) => lock(&shared.failures).push(format!("{e:#}")),
                    }
                }
            }));
        }
        Self {
            stop,
            shared,
            threads,
        }
    }

    /// Stops and joins every uploader; returns the acknowledged documents, the failures and
    /// the number of attempts that got no answer.
    pub fn finish(self) -> (Vec<Acked>, Vec<String>, u64) {
        self.stop.store(true, Ordering::SeqCst);
        let mut failures = Vec::new();
        for t in self.threads {
            if t.join().is_err() {
                failures.push("an uploader thread panicked".to_owned());
            }
        }
        failures.extend(lock(&self.shared.failures).drain(..));
        let acked = std::mem::take(&mut *lock(&self.shared.acked));
        let unanswered = *lock(&self.shared.unanswered);
        (acked, failures, unanswered)
    }
}

/// Locks a mutex even if a thread panicked while holding it (the data is still meaningful).
pub fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Counts of the final check.
#[derive(Debug, Default, Clone, Copy)]
pub struct Checked {
    pub ok: u64,
    pub lost: u64,
    pub corrupted: u64,
}

/// Downloads every acknowledged document as its owner: 404 is lost, a different digest or
/// length (or any other status) is corrupted. Problems are described in `failures`.
pub fn check_all(
    api: &Api,
    people: &[Person],
    acked: &[Acked],
    failures: &mut Vec<String>,
) -> Checked {
    let mut c = Checked::default();
    for a in acked {
        let Some(p) = people.get(a.owner) else {
            failures.push(format!("document {} has no owner", a.id));
            c.lost += 1;
            continue;
        };
        match api.download(&p.token, &a.id) {
            Ok(d) if d.status == 200 && d.sha256 == a.sha256 && d.len == a.size => c.ok += 1,
            Ok(d) if d.status == 200 => {
                c.corrupted += 1;
                failures.push(format!(
                    "document {} downloads {} bytes with sha256 {}, acknowledged {} bytes {}",
                    a.id, d.len, d.sha256, a.size, a.sha256
                ));
            }
            Ok(d) if d.status == 404 => {
                c.lost += 1;
                failures.push(format!("acknowledged document {} is gone (404)", a.id));
            }
            Ok(d) => {
                c.corrupted += 1;
                failures.push(format!(
                    "document {} answers {} on download: {}",
                    a.id,
                    d.status,
                    d.error.chars().take(300).collect::<String>()
                ));
            }
            Err(e) => {
                c.corrupted += 1;
                failures.push(format!("document {} could not be downloaded: {e:#}", a.id));
            }
        }
    }
    c
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn generated_pdfs_have_a_correct_cross_reference_table() {
        let mut rng = StdRng::seed_from_u64(7);
        for len in [1, 1000, 70_000] {
            let pdf = pdf("hello", len, &mut rng);
            // The tail (cross-reference table and trailer) is ASCII; the image data is not.
            let tail = std::str::from_utf8(&pdf[pdf.len() - 40..]).unwrap();
            let startxref: usize = tail
                .rsplit("startxref\n")
                .next()
                .and_then(|t| t.lines().next())
                .and_then(|n| n.parse().ok())
                .unwrap();
            assert!(pdf[startxref..].starts_with(b"xref\n0 7\n"));
            let table = std::str::from_utf8(&pdf[startxref..]).unwrap();
            for (i, line) in table.lines().skip(3).take(6).enumerate() {
                let off: usize = line[..10].parse().unwrap();
                let head = format!("{} 0 obj\n", i + 1);
                assert!(pdf[off..].starts_with(head.as_bytes()), "object {}", i + 1);
            }
        }
    }

    #[test]
    fn large_documents_pass_the_in_memory_size() {
        let mut rng = StdRng::seed_from_u64(1);
        let mix = Mix {
            large_permille: 1000,
            medium_permille: 0,
            budget_bytes: u64::MAX,
        };
        let (bytes, streamed) = generate(&mut rng, mix, "t");
        assert!(streamed && bytes.len() > 16 * MIB);
    }
}
