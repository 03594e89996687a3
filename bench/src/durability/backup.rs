//! Part 4: `consigne backup` while uploads run, `consigne restore` into an empty installation,
//! the platform key put back, and every acknowledged document identical.

use super::client::Api;
use super::docs::{self, Acked, Mix, Uploaders};
use super::server::{Installation, Server};
use super::{PartReport, Person, relogin};
use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Whether this `consigne` binary has the `backup` command.
pub fn available(bin: &Path) -> Result<bool> {
    let out = std::process::Command::new(bin)
        .arg("--help")
        .output()
        .context("running consigne --help")?;
    let help = String::from_utf8_lossy(&out.stdout);
    Ok(help
        .lines()
        .any(|l| l.trim_start().starts_with("backup ") || l.trim() == "backup"))
}

/// Where the restored installation goes: its database and blob store URLs (`None`: the
/// SQLite file and blob folder of its own, empty, data directory).
#[derive(Debug, Clone)]
pub struct Target {
    pub database_url: Option<String>,
    pub blobs_url: Option<String>,
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                files_under(&p, out);
            } else {
                out.push(p);
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
pub fn run(
    server: &mut Server,
    api: &Api,
    people: &mut [Person],
    owners: &[usize],
    earlier: &[Acked],
    target: &Target,
    work: &Path,
    port: u16,
    seed: u64,
    report: &mut PartReport,
) -> Result<()> {
    report.ran = true;
    let dir = work.join("backup");
    let mix = Mix {
        large_permille: 40,
        medium_permille: 200,
        budget_bytes: 200 * 1024 * 1024,
    };
    let pool = Uploaders::start(api, people, owners, mix, seed);
    std::thread::sleep(Duration::from_secs(2));
    let before_backup = docs::lock(&pool.shared.acked).clone();
    let started = Instant::now();
    let out = server
        .inst
        .command("backup")
        .arg("--config")
        .arg(&server.inst.config)
        .arg("--to")
        .arg(&dir)
        .output()
        .context("running consigne backup")?;
    let took = started.elapsed();
    let (during, failures, _) = pool.finish();
    report.failures.extend(failures);
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        bail!("consigne backup failed ({}):\n{text}", out.status);
    }
    report.notes.push(format!(
        "backup in {:.1} s while {} uploaders ran: {}",
        took.as_secs_f64(),
        owners.len(),
        text.lines().next().unwrap_or("")
    ));
    // The platform key stays out of the backup.
    let key_path = server.inst.data_dir.join("platform.key");
    let key =
        std::fs::read(&key_path).with_context(|| format!("reading {}", key_path.display()))?;
    let mut files = Vec::new();
    files_under(&dir, &mut files);
    if files
        .iter()
        .any(|f| std::fs::read(f).map(|b| b == key).unwrap_or(false))
    {
        report
            .failures
            .push("the backup holds a copy of the platform key".into());
    }

    // Restore into an empty installation, then put the platform key back.
    let restored = work.join("restored-data");
    let env: Vec<(String, Option<String>)> = vec![
        ("CONSIGNE_DATABASE_URL".into(), target.database_url.clone()),
        ("CONSIGNE_BLOBS_URL".into(), target.blobs_url.clone()),
        ("CONSIGNE_PLATFORM_KEY_FILE".into(), None),
    ];
    let inst = Installation::create(
        &server.inst.bin,
        &work.join("restored"),
        &restored,
        port,
        env,
    )?;
    let out = inst
        .command("restore")
        .arg("--config")
        .arg(&inst.config)
        .arg("--from")
        .arg(&dir)
        .output()
        .context("running consigne restore")?;
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        bail!("consigne restore failed ({}):\n{text}", out.status);
    }
    std::fs::create_dir_all(&restored)?;
    let restored_key = restored.join("platform.key");
    std::fs::copy(&key_path, &restored_key).context("putting the platform key back")?;
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&restored_key, std::fs::Permissions::from_mode(0o600))?;
    }
    server.kill9()?;
    let mut copy = Server::new(inst);
    copy.start()?;
    let api2 = Api::new(&copy.inst.base());
    relogin(&api2, people)?;
    // Everything acknowledged before the backup started must be there, identical.
    let mut must: Vec<Acked> = earlier.to_vec();
    must.extend(before_backup.iter().cloned());
    report.acknowledged = must.len() as u64;
    let c = docs::check_all(&api2, people, &must, &mut report.failures);
    report.lost += c.lost;
    report.corrupted += c.corrupted;
    // Acknowledged while the backup ran: in the snapshot or not, but never different.
    let ids: std::collections::HashSet<&str> =
        before_backup.iter().map(|a| a.id.as_str()).collect();
    let (mut present, mut absent) = (0, 0);
    for a in during.iter().filter(|a| !ids.contains(a.id.as_str())) {
        let Some(p) = people.get(a.owner) else {
            continue;
        };
        match api2.download(&p.token, &a.id) {
            Ok(d) if d.status == 200 && d.sha256 == a.sha256 => present += 1,
            Ok(d) if d.status == 404 => absent += 1,
            Ok(d) => {
                report.corrupted += 1;
                report.failures.push(format!("document {} acknowledged during the backup answers {} (sha256 {}) after restore", a.id, d.status, d.sha256));
            }
            Err(e) => {
                report.corrupted += 1;
                report.failures.push(format!("document {}: {e:#}", a.id));
            }
        }
    }
    report.notes.push(format!(
        "{} documents acknowledged before the backup checked on the restored installation; of {} acknowledged during it, {present} in the snapshot, {absent} after it",
        must.len(),
        present + absent
    ));
    for p in copy.panics() {
        report
            .failures
            .push(format!("server panic (restored): {p}"));
    }
    copy.kill9()?;
    match copy.inst.verify() {
        Ok(text) => report
            .notes
            .push(format!("consigne verify (restored): {text}")),
        Err(e) => report
            .failures
            .push(format!("restored installation: {e:#}")),
    }
    server.start()?;
    relogin(api, people)?;
    Ok(())
}
