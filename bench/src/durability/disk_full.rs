//! Part 2 (SQLite + files): the data directory on a small tmpfs. Uploads past the space get a
//! clear 507 `storage_full` (never a 5xx of another kind), existing documents still download,
//! once documents are deleted through the API uploads work again without a restart, and
//! `consigne verify` is clean.

use super::client::Api;
use super::docs::{self, Acked, MIB, Upload};
use super::server::{Installation, Server};
use super::{PartReport, Person, create_person, pro_login};
use anyhow::{Context, Result, anyhow};
use rand::{Rng, SeedableRng, rngs::StdRng};
use std::path::Path;

/// Space left on the filesystem holding `dir` (statvfs through `df`, no unsafe code).
fn free_bytes(dir: &Path) -> Option<u64> {
    let out = std::process::Command::new("df")
        .arg("-B1")
        .arg("--output=avail")
        .arg(dir)
        .output()
        .ok()?;
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .nth(1)?
        .trim()
        .parse()
        .ok()
}

fn is_tmpfs(dir: &Path) -> bool {
    std::process::Command::new("df")
        .arg("--output=fstype")
        .arg(dir)
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains("tmpfs"))
        .unwrap_or(false)
}

/// One upload; a refusal other than 507 `storage_full` is a failure (a 5xx is a server bug).
fn attempt(
    api: &Api,
    person: &Person,
    bytes: &[u8],
    streamed: bool,
    acked: &mut Vec<Acked>,
    report: &mut PartReport,
) -> Result<bool> {
    match docs::upload_with(api, person, 0, bytes, streamed, true)? {
        Upload::Acked(a) => {
            acked.push(a);
            Ok(true)
        }
        Upload::Refused(r) if r.status == 507 && r.code() == "storage_full" => Ok(false),
        Upload::Refused(r) => {
            report.failures.push(format!(
                "upload of {} bytes on a full disk answered {} (expected 507 storage_full): {}",
                bytes.len(),
                r.status,
                r.short()
            ));
            Ok(false)
        }
        Upload::NoAnswer => Err(anyhow!(
            "the server gave no answer to an upload on a full disk"
        )),
    }
}

pub fn run(
    bin: &Path,
    work: &Path,
    mount: &Path,
    port: u16,
    rng: &mut StdRng,
    report: &mut PartReport,
) -> Result<()> {
    report.ran = true;
    if !is_tmpfs(mount) {
        anyhow::bail!(
            "{} is not a tmpfs mount (scripts/durability mounts one)",
            mount.display()
        );
    }
    let data = mount.join("data");
    let inst = Installation::create(
        bin,
        &work.join("disk-full"),
        &data,
        port,
        [
            "CONSIGNE_DATABASE_URL",
            "CONSIGNE_BLOBS_URL",
            "CONSIGNE_PLATFORM_KEY_FILE",
        ]
        .iter()
        .map(|k| ((*k).to_owned(), None))
        .collect(),
    )?;
    let mut server = Server::new(inst);
    server.start()?;
    let api = Api::new(&server.inst.base());
    let pro = pro_login(&api)?;
    let person = create_person(&api, &pro, 40, rng)?;
    let people = vec![person.clone()];
    let mut acked = Vec::new();
    let mut local = StdRng::seed_from_u64(rng.r#gen());

    // Documents before the disk fills: small ones and one streamed.
    for i in 0..5 {
        let bytes = docs::pdf(&format!("before full {i}"), 20 * 1024, &mut local);
        if !attempt(&api, &person, &bytes, false, &mut acked, report)? {
            anyhow::bail!("an upload failed before the disk was full");
        }
    }
    let start_free = free_bytes(mount).unwrap_or(0);
    // Fill: large streamed PDFs, then 1 MiB, then 16 KiB ones, each until the first 507.
    let mut full_seen = 0;
    let stages: [(usize, bool, u32); 3] = [
        (17 * MIB, true, 50),
        (MIB, false, 200),
        (16 * 1024, false, 2000),
    ];
    for (size, streamed, max) in stages {
        for i in 0..max {
            let bytes = docs::pdf(&format!("filling {size} {i}"), size, &mut local);
            if !attempt(&api, &person, &bytes, streamed, &mut acked, report)? {
                full_seen += 1;
                break;
            }
        }
    }
    if full_seen < 3 {
        report.failures.push(format!(
            "the disk did not fill at every stage (507 seen at {full_seen} of 3 stages)"
        ));
    }
    // Beyond the space: every further upload is a clear 507.
    for i in 0..3 {
        let bytes = docs::pdf(&format!("beyond {i}"), 64 * 1024, &mut local);
        if attempt(&api, &person, &bytes, false, &mut acked, report)? {
            report.notes.push(
                "an upload after the first 507 was accepted (space freed by the database)".into(),
            );
        }
    }
    let big = docs::pdf("beyond large", 17 * MIB, &mut local);
    if attempt(&api, &person, &big, true, &mut acked, report)? {
        report
            .failures
            .push("a 17 MiB upload was accepted on a full disk".into());
    }
    let full_free = free_bytes(mount).unwrap_or(0);
    // Existing documents still download while the disk is full.
    let c = docs::check_all(&api, &people, &acked, &mut report.failures);
    report.lost += c.lost;
    report.corrupted += c.corrupted;
    if !server.alive() {
        anyhow::bail!(
            "the server died on a full disk; log tail:\n{}",
            server.log_tail()
        );
    }

    // Free space through the API: delete the large documents.
    let mut deleted = 0;
    let mut kept = Vec::new();
    for a in acked {
        if a.size >= MIB as u64 {
            let r = api
                .delete(&format!("/api/v1/documents/{}", a.id), &person.token)
                .context("deleting a document on a full disk")?;
            if r.status == 204 {
                deleted += 1;
                let d = api.download(&person.token, &a.id)?;
                if d.status != 404 {
                    report
                        .failures
                        .push(format!("a deleted document answers {}", d.status));
                }
                continue;
            }
            report.failures.push(format!(
                "deleting a document on a full disk answered {}: {}",
                r.status,
                r.short()
            ));
        }
        kept.push(a);
    }
    let acked = kept;
    let freed_free = free_bytes(mount).unwrap_or(0);
    // Uploads work again, without a restart: small and streamed.
    let mut again = acked.clone();
    let small = docs::pdf("after freeing", 32 * 1024, &mut local);
    let small_ok = attempt(&api, &person, &small, false, &mut again, report)?;
    let large = docs::pdf("after freeing, large", 16 * MIB + 1024, &mut local);
    let large_ok = attempt(&api, &person, &large, true, &mut again, report)?;
    if !(small_ok && large_ok) {
        report.failures.push(format!(
            "after freeing {deleted} documents, uploads are still refused (small: {small_ok}, large: {large_ok})"
        ));
    }
    // Another process fills the disk to the last byte (past the blobs' reserve): the
    // database itself is full now ("database or disk is full"): 507, never another 5xx.
    ballast(&api, &person, mount, &mut again, &mut local, report)?;
    report.acknowledged = again.len() as u64 + deleted;
    let c = docs::check_all(&api, &people, &again, &mut report.failures);
    report.lost += c.lost;
    report.corrupted += c.corrupted;
    for p in server.panics() {
        report.failures.push(format!("server panic: {p}"));
    }
    server.kill9()?;
    match server.inst.verify() {
        Ok(text) => report.notes.push(format!("consigne verify: {text}")),
        Err(e) => report.failures.push(format!("{e:#}")),
    }
    let mib = |b: u64| b as f64 / MIB as f64;
    report.notes.push(format!(
        "free space: {:.1} MiB at start, {:.1} MiB when full, {:.1} MiB after deleting {deleted} documents through the API",
        mib(start_free),
        mib(full_free),
        mib(freed_free)
    ));
    Ok(())
}

/// Fills the filesystem to the last byte with a file of "another process", checks that every
/// answer is a success or a clear 507 (the database cannot write either), then removes it and
/// checks that uploads work again without a restart.
fn ballast(
    api: &Api,
    person: &Person,
    mount: &Path,
    acked: &mut Vec<Acked>,
    rng: &mut StdRng,
    report: &mut PartReport,
) -> Result<()> {
    use std::io::Write;
    let path = mount.join("ballast");
    {
        let mut f = std::fs::File::create(&path).context("creating the ballast file")?;
        let chunk = vec![0x5au8; 64 * 1024];
        while f.write_all(&chunk).is_ok() {}
        let small = [0x5au8; 512];
        while f.write_all(&small).is_ok() {}
        let _ = f.sync_all();
    }
    let mut answers = Vec::new();
    let mut look = |what: &str, status: Option<u16>, report: &mut PartReport| {
        answers.push(format!(
            "{what} {}",
            status.map_or("no answer".into(), |s| s.to_string())
        ));
        match status {
            Some(s) if s < 500 || s == 507 => {}
            Some(s) => report.failures.push(format!(
                "{what} on a disk full to the last byte answered {s}"
            )),
            None => report.failures.push(format!(
                "{what} on a disk full to the last byte got no answer"
            )),
        }
    };
    let bytes = docs::pdf("ballast", 8 * 1024, rng);
    match docs::upload_with(api, person, 0, &bytes, false, true)? {
        Upload::Acked(a) => {
            look("upload", Some(201), report);
            acked.push(a);
        }
        Upload::Refused(r) => {
            if r.status == 507 && r.code() != "storage_full" {
                report
                    .failures
                    .push(format!("507 without storage_full: {}", r.short()));
            }
            look("upload", Some(r.status), report);
        }
        Upload::NoAnswer => look("upload", None, report),
    }
    let r = api
        .post_json(
            &format!("/api/v1/beneficiaries/{}/folders", person.bid),
            Some(&person.token),
            &serde_json::json!({"name": "Plein"}),
        )
        .ok();
    look("new folder", r.map(|r| r.status), report);
    let r = api.login(&person.identifier, &person.password).ok();
    look("login", r.map(|r| r.status), report);
    if let Some(a) = acked.first() {
        let d = api.download(&person.token, &a.id).ok();
        if let Some(d) = &d
            && d.status == 200
            && d.sha256 != a.sha256
        {
            report.corrupted += 1;
            report.failures.push(format!(
                "document {} downloads altered on a full disk",
                a.id
            ));
        }
        look("download", d.map(|d| d.status), report);
    }
    let r = api.get("/health", None).ok();
    look("health", r.map(|r| r.status), report);
    std::fs::remove_file(&path).context("removing the ballast file")?;
    let bytes = docs::pdf("after ballast", 8 * 1024, rng);
    match docs::upload_with(api, person, 0, &bytes, false, true)? {
        Upload::Acked(a) => acked.push(a),
        Upload::Refused(r) => report.failures.push(format!(
            "after the disk was freed, an upload answered {}: {}",
            r.status,
            r.short()
        )),
        Upload::NoAnswer => report
            .failures
            .push("after the disk was freed, an upload got no answer".into()),
    }
    report.notes.push(format!(
        "disk full to the last byte (the database too): {}; after freeing, uploads work again",
        answers.join(", ")
    ));
    Ok(())
}
