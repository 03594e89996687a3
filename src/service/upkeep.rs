//! The operator's side: periodic clean-up (expired sessions and share links, old message
//! threads, throttling
//! counters nobody needs, orphan blobs) and `consigne verify` (every blob present and intact, the journal chain
//! valid, orphans found and collected).

use crate::service::certification::check_log;
use crate::service::{App, ServiceError, ServiceResult};
use crate::store::items;
use serde::Serialize;
use std::collections::HashSet;
use std::io::Read;
use std::time::Duration;

/// Blobs younger than this are never collected: their row may be about to commit.
const ORPHAN_GRACE: Duration = Duration::from_secs(3600);

#[derive(Debug, Default, Serialize)]
pub struct VerifyReport {
    pub blobs_checked: usize,
    pub missing: Vec<String>,
    pub corrupted: Vec<String>,
    pub orphans: Vec<String>,
    pub journal_entries: i64,
    pub journal_broken_at: Option<i64>,
    /// Signed tree heads of the certification log checked against the stored leaves.
    pub tree_heads_checked: usize,
    /// Of those, heads signed by a key the signing key file no longer holds (their roots are
    /// checked, their signatures cannot be): a lost or not restored `signing.key`.
    pub tree_heads_other_key: usize,
    /// What does not hold in the certification log (a rewritten leaf, a bad signature).
    pub log_problems: Vec<String>,
}

impl VerifyReport {
    pub fn is_clean(&self) -> bool {
        self.missing.is_empty()
            && self.corrupted.is_empty()
            && self.journal_broken_at.is_none()
            && self.log_problems.is_empty()
    }
}

impl App {
    /// Periodic clean-up: expired sessions and throttling counters nobody needs any more.
    /// A failure count is kept a day after the last failure, so slow guessing stays slow.
    pub async fn housekeeping(&self) -> ServiceResult<u64> {
        let now = self.now();
        let window = self.config.throttle.address_window_minutes * 60;
        let known = self.config.throttle.known_address_days * 86_400;
        let removed = self
            .tx(move |tx| {
                let sessions = crate::store::sessions::purge_expired(tx, now)?
                    + crate::store::resets::purge_expired(tx, now)?
                    + crate::store::links::purge_expired(tx, now)?
                    + crate::store::news::purge_ended(tx, now)?
                    // Threads past the retention rule (docs/messaging.md).
                    + crate::service::messages::sweep(tx, now)?;
                let counters = crate::store::throttle::purge(
                    tx,
                    now,
                    now - 24 * 3600,
                    now - window,
                    now - known,
                )?;
                Ok(sessions + counters)
            })
            .await?;
        Ok(removed + self.collect_orphans().await? as u64)
    }

    /// Removes blobs no row points at (older than an hour, so an upload whose row is about to
    /// commit is never touched) and abandoned partial writes. Runs with the housekeeping.
    pub async fn collect_orphans(&self) -> ServiceResult<usize> {
        let rows = self.db.read(referenced).await?;
        let store = self.blobs.clone();
        tokio::task::spawn_blocking(move || -> ServiceResult<usize> {
            let referenced: HashSet<String> = rows.into_iter().map(|(_, k, _)| k).collect();
            let mut removed = store
                .sweep_partials(ORPHAN_GRACE)
                .map_err(|_| ServiceError::Internal("blob sweep"))?;
            for (key, age) in store
                .list()
                .map_err(|_| ServiceError::Internal("blob list"))?
            {
                if age > ORPHAN_GRACE && !referenced.contains(&key) {
                    store
                        .delete(&key)
                        .map_err(|_| ServiceError::Internal("blob delete"))?;
                    removed += 1;
                }
            }
            Ok(removed)
        })
        .await
        .map_err(|_| ServiceError::Internal("orphan task"))?
    }

    /// `consigne verify`: every row's blob exists and its ciphertext matches the stored digest,
    /// the journal chain is intact; blobs no row points at are reported (and removed when
    /// `collect` is set and they are older than an hour); the certification log's tree is
    /// recomputed from its stored leaves against every signed head.
    pub async fn verify(&self, collect: bool) -> ServiceResult<VerifyReport> {
        let app = self.clone();
        let (rows, chain, (heads, other_keys, log_problems)) = self
            .db
            .read(move |tx| -> ServiceResult<_> {
                Ok((
                    referenced(tx)?,
                    crate::store::journal::verify(tx)?,
                    check_log(&app, tx)?,
                ))
            })
            .await?;
        let store = self.blobs.clone();
        let mut report = tokio::task::spawn_blocking(move || -> ServiceResult<VerifyReport> {
            let mut report = VerifyReport {
                tree_heads_checked: heads,
                tree_heads_other_key: other_keys,
                log_problems,
                ..VerifyReport::default()
            };
            let referenced: HashSet<String> = rows.iter().map(|(_, k, _)| k.clone()).collect();
            for (item, key, digest) in &rows {
                report.blobs_checked += 1;
                let mut reader = match store.open(key) {
                    Ok(r) => r,
                    Err(_) => {
                        report.missing.push(format!("{item} ({key})"));
                        continue;
                    }
                };
                let mut hasher = <sha2::Sha256 as sha2::Digest>::new();
                let mut buf = vec![0u8; 256 * 1024];
                loop {
                    match reader.read(&mut buf) {
                        Ok(0) => break,
                        Ok(n) => sha2::Digest::update(&mut hasher, &buf[..n]),
                        Err(_) => {
                            report.corrupted.push(format!("{item} ({key})"));
                            break;
                        }
                    }
                }
                let actual = hex::encode(sha2::Digest::finalize(hasher));
                if digest.as_deref().is_some_and(|d| d != actual) {
                    report.corrupted.push(format!("{item} ({key})"));
                }
            }
            for (key, age) in store
                .list()
                .map_err(|_| ServiceError::Internal("blob list"))?
            {
                if !referenced.contains(&key) {
                    if collect && age > ORPHAN_GRACE {
                        store
                            .delete(&key)
                            .map_err(|_| ServiceError::Internal("blob delete"))?;
                    }
                    report.orphans.push(key);
                }
            }
            if collect {
                store
                    .sweep_partials(ORPHAN_GRACE)
                    .map_err(|_| ServiceError::Internal("blob sweep"))?;
            }
            Ok(report)
        })
        .await
        .map_err(|_| ServiceError::Internal("verify task"))??;
        match chain {
            Ok(n) => report.journal_entries = n,
            Err(seq) => report.journal_broken_at = Some(seq),
        }
        Ok(report)
    }
}

/// Every blob a row points at: items' (documents, thumbnails, previews) and the structures'
/// signed conventions, as (row id, blob key, stored digest).
fn referenced(
    tx: &mut dyn crate::store::Sql,
) -> ServiceResult<Vec<(String, String, Option<String>)>> {
    let mut rows = items::all_blobs(tx)?;
    rows.extend(crate::store::licences::document_blobs(tx)?);
    Ok(rows)
}
