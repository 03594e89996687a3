//! `durability`: the durability battery of issue 6, run against the real `consigne` binary
//! (normally through `scripts/durability`, which builds both and mounts the tmpfs).
//!
//! ```text
//! durability --consigne target/debug/consigne --work DIR [--backend sqlite|postgres] [--long]
//!            [--full-dir TMPFS_MOUNT] [--restore-database-url URL --restore-blobs-url URL]
//!            [--seed N] [--only members]
//! ```
//! `--only members` runs part 5 alone (kills during deactivations and key rotations).
//! The main installation uses `CONSIGNE_DATABASE_URL` / `CONSIGNE_BLOBS_URL` from the
//! environment when set (PostgreSQL + S3), its own data directory otherwise. Prints a table
//! of acknowledged, lost and corrupted counts per part; exits 1 if anything was lost or
//! corrupted, or any check failed (a part that cannot run fails).

#[path = "../durability/mod.rs"]
mod durability;

use anyhow::{Context, Result, anyhow, bail};
use durability::client::Api;
use durability::docs::Mix;
use durability::server::{Installation, Server};
use durability::{PartReport, create_person, pro_login};
use rand::{SeedableRng, rngs::StdRng};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug)]
struct Args {
    consigne: PathBuf,
    work: PathBuf,
    backend: String,
    long: bool,
    full_dir: Option<PathBuf>,
    restore_database_url: Option<String>,
    restore_blobs_url: Option<String>,
    seed: u64,
    /// Run one part alone (`members`).
    only: Option<String>,
}

fn parse_args() -> Result<Args> {
    let mut args = Args {
        consigne: PathBuf::from("target/debug/consigne"),
        work: PathBuf::new(),
        backend: "sqlite".into(),
        long: false,
        full_dir: None,
        restore_database_url: None,
        restore_blobs_url: None,
        seed: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(1),
        only: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or_else(|| anyhow!("{a} needs a value"));
        match a.as_str() {
            "--consigne" => args.consigne = value()?.into(),
            "--work" => args.work = value()?.into(),
            "--backend" => args.backend = value()?,
            "--long" => args.long = true,
            "--full-dir" => args.full_dir = Some(value()?.into()),
            "--restore-database-url" => args.restore_database_url = Some(value()?),
            "--restore-blobs-url" => args.restore_blobs_url = Some(value()?),
            "--seed" => args.seed = value()?.parse().context("--seed")?,
            "--only" => args.only = Some(value()?),
            "-h" | "--help" => {
                println!(
                    "durability --consigne BIN --work DIR [--backend sqlite|postgres] [--long] [--full-dir TMPFS] [--restore-database-url URL] [--restore-blobs-url URL] [--seed N] [--only members]"
                );
                std::process::exit(0);
            }
            other => bail!("unknown argument {other}"),
        }
    }
    if args.work.as_os_str().is_empty() {
        bail!("--work DIR is required (an empty directory for this run)");
    }
    if args.only.as_deref().is_some_and(|o| o != "members") {
        bail!("--only takes members");
    }
    if !matches!(args.backend.as_str(), "sqlite" | "postgres") {
        bail!("--backend is sqlite or postgres");
    }
    if args.backend == "postgres"
        && (std::env::var("CONSIGNE_DATABASE_URL")
            .unwrap_or_default()
            .is_empty()
            || std::env::var("CONSIGNE_BLOBS_URL")
                .unwrap_or_default()
                .is_empty())
    {
        bail!("--backend postgres needs CONSIGNE_DATABASE_URL and CONSIGNE_BLOBS_URL");
    }
    Ok(args)
}

fn free_port() -> Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

fn run(args: &Args) -> Result<Vec<PartReport>> {
    let mut rng = StdRng::seed_from_u64(args.seed);
    let mut kill = PartReport::new("1. kill -9 during uploads");
    let mut full = PartReport::new("2. disk full");
    let mut atomic = PartReport::new(
        "3. kill during share, revoke, password change, reset confirmation and use",
    );
    let mut backup = PartReport::new("4. backup while uploading, restore");
    std::fs::create_dir_all(&args.work)?;
    let consigne = std::fs::canonicalize(&args.consigne)
        .with_context(|| format!("the consigne binary {}", args.consigne.display()))?;
    let inst = Installation::create(
        &consigne,
        &args.work.join("main"),
        &args.work.join("main").join("data"),
        free_port()?,
        Vec::new(),
    )?;
    let mut server = Server::new(inst);
    server.start()?;
    let api = Api::new(&server.inst.base());
    let pro = pro_login(&api)?;
    let uploaders = if args.long { 4 } else { 3 };
    let mut people = Vec::new();
    for n in 0..=uploaders {
        people.push(create_person(&api, &pro, n, &mut rng)?);
    }
    let owners: Vec<usize> = (0..uploaders).collect();
    let who = uploaders;
    let mut members = PartReport::new("5. kill during deactivation and key rotation");
    let members_rounds = if args.long { 12 } else { 4 };
    // Enough shared documents for a rotation to take a while (several batches in long mode).
    let shares = if args.long { 450 } else { 60 };
    let part5 = |server: &mut Server, rng: &mut StdRng, report: &mut PartReport, people: &[_]| {
        println!("==> part 5: kill during a member's deactivation and the key rotation");
        if let Err(e) = durability::members::run(
            server,
            &api,
            people,
            who,
            members_rounds,
            shares,
            rng,
            report,
        ) {
            report.failures.push(format!("{e:#}"));
        }
    };
    if args.only.as_deref() == Some("members") {
        part5(&mut server, &mut rng, &mut members, &people);
        for p in server.panics() {
            members.failures.push(format!("server panic: {p}"));
        }
        server.kill9()?;
        return Ok(vec![members]);
    }

    let settings = durability::kill_loop::Settings {
        rounds: if args.long { 100 } else { 5 },
        mix: Mix {
            large_permille: if args.long { 60 } else { 20 },
            medium_permille: if args.long { 150 } else { 100 },
            budget_bytes: if args.long { 1024 } else { 400 } * 1024 * 1024,
        },
        seed: args.seed,
    };
    println!(
        "==> part 1: kill -9 during uploads ({} kills)",
        settings.rounds
    );
    let acked = durability::kill_loop::run(
        &mut server,
        &api,
        &mut people,
        &owners,
        settings,
        &mut rng,
        &mut kill,
    )
    .unwrap_or_else(|e| {
        kill.failures.push(format!("{e:#}"));
        Vec::new()
    });
    let mut all = acked;

    println!("==> part 2: disk full");
    if args.backend == "sqlite" {
        server.kill9()?;
        match &args.full_dir {
            Some(dir) => {
                if let Err(e) = durability::disk_full::run(
                    &consigne,
                    &args.work,
                    dir,
                    free_port()?,
                    &mut rng,
                    &mut full,
                ) {
                    full.failures.push(format!("{e:#}"));
                }
            }
            None => {
                full.ran = true;
                full.failures
                    .push("no --full-dir: the disk-full part cannot run".into());
            }
        }
        server.start()?;
    } else {
        full.applies = false;
        full.notes.push(
            "runs on SQLite + files only (a full tmpfs under PostgreSQL and S3 is not ours)".into(),
        );
    }

    println!("==> part 3: kill during share, revoke, password change, reset confirmation and use");
    let rounds = if args.long { 12 } else { 4 };
    match durability::atomic::run(
        &mut server,
        &api,
        &mut people,
        who,
        rounds,
        &mut rng,
        &mut atomic,
    ) {
        Ok(docs) => {
            if let Err(e) = durability::reset::run(
                &mut server,
                &api,
                &mut people,
                who,
                rounds,
                &docs,
                &mut rng,
                &mut atomic,
            ) {
                atomic.failures.push(format!("{e:#}"));
            }
            all.extend(docs);
        }
        Err(e) => atomic.failures.push(format!("{e:#}")),
    }

    println!("==> part 4: backup and restore");
    if durability::backup::available(&consigne)? {
        let target = durability::backup::Target {
            database_url: args.restore_database_url.clone(),
            blobs_url: args.restore_blobs_url.clone(),
        };
        if args.backend == "postgres"
            && (target.database_url.is_none() || target.blobs_url.is_none())
        {
            backup.ran = true;
            backup
                .failures
                .push("postgres: --restore-database-url and --restore-blobs-url are needed".into());
        } else if let Err(e) = durability::backup::run(
            &mut server,
            &api,
            &mut people,
            &owners,
            &all,
            &target,
            &args.work,
            free_port()?,
            args.seed ^ 0x5EED,
            &mut backup,
        ) {
            backup.failures.push(format!("{e:#}"));
        }
    } else {
        // A part that cannot run fails.
        backup.ran = true;
        backup
            .failures
            .push("this consigne binary has no `backup` command: part 4 cannot run".into());
    }
    part5(&mut server, &mut rng, &mut members, &people);

    // Part 6 takes every other kind of write; in the long mode it also brings the run to at
    // least LONG_KILLS kill cycles in all.
    let mut writes =
        PartReport::new("6. kill during every other write (items, folders, rename, move, delete)");
    let write_rounds = if args.long {
        (LONG_KILLS + 10).saturating_sub(server.kills).max(180)
    } else {
        9
    };
    println!("==> part 6: kill during every other kind of write ({write_rounds} kills)");
    if let Err(e) = durability::writes::run(
        &mut server,
        &api,
        &people,
        who,
        write_rounds,
        &mut rng,
        &mut writes,
    ) {
        writes.failures.push(format!("{e:#}"));
    }
    let total = server.kills;
    writes
        .notes
        .push(format!("{total} kill cycles in the whole run"));
    if args.long && total < LONG_KILLS {
        writes.failures.push(format!(
            "the long mode made {total} kill cycles, fewer than {LONG_KILLS}"
        ));
    }
    for p in server.panics() {
        kill.failures.push(format!("server panic: {p}"));
    }
    server.kill9()?;
    Ok(vec![kill, full, atomic, backup, members, writes])
}

/// The long mode's least number of SIGKILL cycles, across every kind of write.
const LONG_KILLS: u32 = 500;

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("durability: {e:#}");
            return ExitCode::from(2);
        }
    };
    println!(
        "durability battery: backend {}, {} mode, seed {} (--seed to replay)",
        args.backend,
        if args.long { "long" } else { "CI" },
        args.seed
    );
    let reports = match run(&args) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("durability: the battery could not run: {e:#}");
            return ExitCode::FAILURE;
        }
    };
    let mut ok = true;
    println!("\n| part | acknowledged | lost | corrupted | result |\n|---|---:|---:|---:|---|");
    for r in &reports {
        let result = if r.passed() {
            "pass"
        } else if !r.applies && r.failures.is_empty() {
            "n/a (SQLite + files only)"
        } else {
            ok = false;
            "FAIL"
        };
        println!(
            "| {} | {} | {} | {} | {} |",
            r.name, r.acknowledged, r.lost, r.corrupted, result
        );
    }
    for r in &reports {
        for n in &r.notes {
            println!("- {}: {n}", r.name);
        }
        for f in &r.failures {
            println!("- {}: FAILED: {f}", r.name);
        }
    }
    if ok {
        println!(
            "\ndurability battery ({}): every check passed",
            args.backend
        );
        ExitCode::SUCCESS
    } else {
        println!("\ndurability battery ({}): FAILED", args.backend);
        ExitCode::FAILURE
    }
}
