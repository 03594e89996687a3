//! Part 1: concurrent uploaders while the server is killed with SIGKILL at random moments and
//! restarted; every acknowledged document must come back with the acknowledged digest.

use super::client::Api;
use super::docs::{self, Acked, Mix, Uploaders};
use super::server::Server;
use super::{PartReport, Person, relogin};
use anyhow::Result;
use rand::{Rng, rngs::StdRng};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy)]
pub struct Settings {
    pub rounds: u32,
    pub mix: Mix,
    pub seed: u64,
}

/// Runs the loop; returns the acknowledged documents (all checked) for the later parts.
pub fn run(
    server: &mut Server,
    api: &Api,
    people: &mut [Person],
    owners: &[usize],
    settings: Settings,
    rng: &mut StdRng,
    report: &mut PartReport,
) -> Result<Vec<Acked>> {
    report.ran = true;
    let started = Instant::now();
    let pool = Uploaders::start(api, people, owners, settings.mix, settings.seed);
    let mut start_error = None;
    for round in 0..settings.rounds {
        std::thread::sleep(Duration::from_millis(rng.gen_range(700..3500)));
        if !server.alive() {
            report
                .failures
                .push(format!("the server died by itself before kill {round}"));
        }
        server.kill9()?;
        std::thread::sleep(Duration::from_millis(rng.gen_range(0..400)));
        if let Err(e) = server.start() {
            start_error = Some(e);
            break;
        }
    }
    // On a busy machine a large upload is slow, and the random kills may cut every one: then
    // the server stays up until one past `in_memory_mb` is acknowledged (two minutes at most),
    // so that the last kill below checks the streaming path too.
    let deadline = Instant::now() + Duration::from_secs(120);
    let streamed_acked = |shared: &docs::Shared| {
        shared
            .acked
            .lock()
            .map(|a| a.iter().any(|x| x.streamed))
            .unwrap_or(true)
    };
    while start_error.is_none() && Instant::now() < deadline && !streamed_acked(&pool.shared) {
        std::thread::sleep(Duration::from_millis(200));
    }
    // Let the uploaders see the last restart, then stop them.
    std::thread::sleep(Duration::from_millis(1500));
    let cut_large = pool
        .shared
        .unanswered_streamed
        .load(std::sync::atomic::Ordering::SeqCst);
    let (acked, failures, unanswered) = pool.finish();
    report.failures.extend(failures);
    if let Some(e) = start_error {
        return Err(e.context("restarting after a kill"));
    }
    // One more crash after the last acknowledgement, then the check.
    server.kill9()?;
    server.start()?;
    relogin(api, people)?;
    report.acknowledged = acked.len() as u64;
    let checked = docs::check_all(api, people, &acked, &mut report.failures);
    report.lost += checked.lost;
    report.corrupted += checked.corrupted;
    let streamed = acked.iter().filter(|a| a.streamed).count();
    let bytes: u64 = acked.iter().map(|a| a.size).sum();
    report.notes.push(format!(
        "{} kills, {} uploaders, {} acknowledged ({} streamed past in_memory_mb, {:.1} MiB), {} attempts cut by a kill ({cut_large} of them streaming), {:.0} s",
        server.kills,
        owners.len(),
        acked.len(),
        streamed,
        bytes as f64 / (1024.0 * 1024.0),
        unanswered,
        started.elapsed().as_secs_f64()
    ));
    if streamed == 0 {
        report.failures.push(
            "no upload past in_memory_mb was acknowledged: the streaming path was not exercised"
                .into(),
        );
    }
    server.kill9()?;
    match server.inst.verify() {
        Ok(text) => report.notes.push(format!("consigne verify: {text}")),
        Err(e) => report.failures.push(format!("{e:#}")),
    }
    server.start()?;
    Ok(acked)
}
