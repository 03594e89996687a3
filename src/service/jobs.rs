//! The durable job queue: work that must happen later or must not be lost (reminders by SMS).
//!
//! A job is a row (`store::jobs`) with a kind, an idempotency key (enqueueing twice adds it
//! once), a payload sealed by the platform key (the worker must read it when due, nobody
//! before: SECURITY.md), and a time. Workers claim due jobs with a lease: several workers or
//! instances never run the same job at once, and a job whose worker died is claimed again when
//! its lease expires. A handler answers done, retry (with backoff), postpone (e.g. quiet hours;
//! not an attempt) or fail for good; after `max_attempts` a job is dead, listed for the
//! platform admin, who may put it back. Every run is recorded (`job_attempts`). Time comes from
//! the app's clock, so tests drive the queue by moving a manual clock and calling
//! [`Worker::run_due`].

use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;

use crate::policy::Actor;
use crate::service::contexts as ctx;
use crate::service::{App, ServiceError, ServiceResult, Session, new_id, parse_id};
use crate::store::jobs::{self, JobRow};

/// How long a claimed job belongs to its worker before another may take it over.
pub const LEASE_SECONDS: i64 = 300;

/// The lease, for tests that play a crashed worker.
pub fn jobs_lease() -> i64 {
    LEASE_SECONDS
}

/// Jobs claimed per round.
const BATCH: i64 = 20;

/// What a handler decided about one run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Done,
    /// Try again later (backoff), or dead once the attempts are used up.
    Retry(String),
    /// Not now, and not an attempt: run again at this time (quiet hours).
    Postpone(i64),
    /// Will never work (a malformed payload, a refused number): dead at once.
    Fail(String),
}

/// Runs jobs of one kind. Synchronous: it runs on a blocking thread (HTTP clients to SMS
/// operators are synchronous too).
pub trait JobHandler: Send + Sync {
    fn run(&self, app: &App, job_id: &str, payload: &serde_json::Value, now: i64) -> Outcome;
}

/// A job to add.
#[derive(Debug, Clone)]
pub struct NewJob {
    pub kind: &'static str,
    /// Enqueueing the same key again does nothing (e.g. `reminder|<event>|<minutes>`).
    pub idempotency_key: String,
    pub payload: serde_json::Value,
    pub run_at: i64,
    pub max_attempts: i64,
}

/// Delay before attempt `attempt + 1`: 30 s, 1 min, 2 min… at most an hour.
pub fn backoff(attempt: i64) -> i64 {
    let exp = u32::try_from(attempt.clamp(1, 8) - 1).unwrap_or(0);
    (30i64 << exp).min(3600)
}

#[derive(Debug, Clone, Serialize)]
pub struct AttemptView {
    pub attempt: i64,
    pub at: String,
    pub worker: String,
    pub outcome: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// A job as the platform admin sees it: never its payload.
#[derive(Debug, Clone, Serialize)]
pub struct JobView {
    pub id: String,
    pub kind: String,
    pub status: String,
    pub attempts: i64,
    pub max_attempts: i64,
    pub run_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_error: Option<String>,
    pub updated_at: String,
    pub history: Vec<AttemptView>,
}

/// One kind of job on the operator's dashboard.
#[derive(Debug, Clone, Default, Serialize)]
pub struct KindSummary {
    pub kind: String,
    pub pending: i64,
    pub running: i64,
    /// Failed for good (the attempts used up, or a handler's "never"): a retry puts it back.
    pub dead: i64,
    /// Done in the last 24 hours.
    pub done_24h: i64,
    /// Since when the oldest job due waits (RFC 3339), if one is due and not run.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oldest_due_at: Option<String>,
}

/// The operator's jobs dashboard: counts per kind and the last failed jobs (never a payload:
/// errors go through [`safe_error`]).
#[derive(Debug, Clone, Serialize)]
pub struct JobsSummary {
    pub kinds: Vec<KindSummary>,
    pub failed: Vec<JobView>,
}

/// How many failed jobs the dashboard lists.
const FAILED_SHOWN: i64 = 20;

/// An error as the operator may read it: no phone number or other long digit run (an SMS
/// operator's answer may quote the number), no line breaks, at most 200 characters.
pub fn safe_error(raw: &str) -> String {
    let mut out = String::new();
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String| {
        // The separators after the last digit are the text's, not the number's.
        let body = digits.trim_end_matches(|c: char| !c.is_ascii_digit());
        if body.chars().filter(char::is_ascii_digit).count() >= 6 {
            out.push('…');
        } else {
            out.push_str(body);
        }
        out.push_str(&digits[body.len()..]);
        digits.clear();
    };
    for c in raw.chars() {
        if c.is_ascii_digit() || (!digits.is_empty() && matches!(c, ' ' | '.' | '-')) || c == '+' {
            digits.push(c);
        } else {
            flush(&mut digits, &mut out);
            out.push(if c.is_control() { ' ' } else { c });
        }
    }
    flush(&mut digits, &mut out);
    match out.char_indices().nth(200) {
        Some((i, _)) => format!("{}…", &out[..i]),
        None => out,
    }
}

/// What one round of a worker did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoundReport {
    pub claimed: usize,
    pub done: usize,
    pub retried: usize,
    pub postponed: usize,
    pub dead: usize,
}

/// A job's row, its payload sealed (for callers that insert it in their own transaction).
pub(crate) fn job_row(app: &App, job: NewJob) -> ServiceResult<JobRow> {
    let id = new_id();
    let json = zeroize::Zeroizing::new(
        serde_json::to_vec(&job.payload).map_err(|_| ServiceError::Internal("job payload"))?,
    );
    let now = app.now();
    Ok(JobRow {
        payload_sealed: app.platform.seal(&ctx::job_payload(&id), &json),
        id,
        kind: job.kind.to_owned(),
        idempotency_key: job.idempotency_key,
        status: "pending".into(),
        run_at: job.run_at,
        attempts: 0,
        max_attempts: job.max_attempts.max(1),
        lease_owner: None,
        lease_until: None,
        last_error: None,
        created_at: now,
        updated_at: now,
    })
}

/// A job's payload, opened with the platform key, changed by `edit` and sealed again for the
/// same job (the payload is bound to the job's id).
pub(crate) fn reseal_payload(
    app: &App,
    job: &JobRow,
    edit: impl FnOnce(&mut serde_json::Value),
) -> ServiceResult<Vec<u8>> {
    let aad = ctx::job_payload(&job.id);
    let opened = zeroize::Zeroizing::new(app.platform.open(&aad, &job.payload_sealed)?);
    let mut payload: serde_json::Value =
        serde_json::from_slice(&opened).map_err(|_| ServiceError::Internal("job payload"))?;
    edit(&mut payload);
    let json = zeroize::Zeroizing::new(
        serde_json::to_vec(&payload).map_err(|_| ServiceError::Internal("job payload"))?,
    );
    Ok(app.platform.seal(&aad, &json))
}

impl App {
    /// Adds a job (once per idempotency key). Returns whether it was added.
    pub async fn enqueue(&self, job: NewJob) -> ServiceResult<bool> {
        let row = job_row(self, job)?;
        self.tx(move |tx| Ok(jobs::insert(tx, &row)?)).await
    }

    /// Removes a job not yet run, by its idempotency key.
    pub async fn cancel_job(&self, idempotency_key: &str) -> ServiceResult<bool> {
        let key = idempotency_key.to_owned();
        self.tx(move |tx| Ok(jobs::cancel(tx, &key)?)).await
    }

    fn job_view(row: &JobRow, history: Vec<jobs::AttemptRow>) -> JobView {
        JobView {
            id: row.id.clone(),
            kind: row.kind.clone(),
            status: row.status.clone(),
            attempts: row.attempts,
            max_attempts: row.max_attempts,
            run_at: crate::clock::rfc3339(row.run_at),
            last_error: row.last_error.as_deref().map(safe_error),
            updated_at: crate::clock::rfc3339(row.updated_at),
            history: history
                .into_iter()
                .map(|a| AttemptView {
                    attempt: a.attempt,
                    at: crate::clock::rfc3339(a.at),
                    worker: a.worker,
                    outcome: a.outcome,
                    detail: a.detail.as_deref().map(safe_error),
                })
                .collect(),
        }
    }

    /// Jobs in a status (`dead` by default) with their history: the platform admin only.
    pub async fn list_jobs(&self, session: &Session, status: &str) -> ServiceResult<Vec<JobView>> {
        if !matches!(session.actor, Actor::PlatformAdmin { .. }) {
            return Err(ServiceError::NotFound);
        }
        if !matches!(status, "pending" | "running" | "done" | "dead") {
            return Err(crate::domain::InvalidInput::new("status", "invalid").into());
        }
        let status = status.to_owned();
        self.read(move |tx| {
            let mut out = Vec::new();
            for row in jobs::with_status(tx, &status, 200)? {
                let history = jobs::attempts(tx, &row.id)?;
                out.push(Self::job_view(&row, history));
            }
            Ok(out)
        })
        .await
    }

    /// The jobs dashboard: per kind, how many wait, run, failed, were done in the last 24 h,
    /// since when the oldest due one waits; the last failed jobs. The platform admin only.
    pub async fn jobs_summary(&self, session: &Session) -> ServiceResult<JobsSummary> {
        if !matches!(session.actor, Actor::PlatformAdmin { .. }) {
            return Err(ServiceError::NotFound);
        }
        let now = self.now();
        self.read(move |tx| {
            let mut kinds: Vec<KindSummary> = Vec::new();
            for (kind, status, n) in jobs::counts(tx, now - 86_400)? {
                let at = match kinds.iter().position(|k| k.kind == kind) {
                    Some(i) => i,
                    None => {
                        kinds.push(KindSummary {
                            kind,
                            ..KindSummary::default()
                        });
                        kinds.len() - 1
                    }
                };
                let k = &mut kinds[at];
                match status.as_str() {
                    "pending" => k.pending = n,
                    "running" => k.running = n,
                    "dead" => k.dead = n,
                    "done" => k.done_24h = n,
                    _ => {}
                }
            }
            for (kind, oldest) in jobs::oldest_due(tx, now)? {
                if let Some(k) = kinds.iter_mut().find(|k| k.kind == kind) {
                    k.oldest_due_at = Some(crate::clock::rfc3339(oldest));
                }
            }
            let mut failed = Vec::new();
            for row in jobs::with_status(tx, "dead", FAILED_SHOWN)? {
                let history = jobs::attempts(tx, &row.id)?;
                failed.push(Self::job_view(&row, history));
            }
            Ok(JobsSummary { kinds, failed })
        })
        .await
    }

    /// A job with its history, for tests and the admin.
    pub async fn job_by_key(&self, idempotency_key: &str) -> ServiceResult<Option<JobView>> {
        let key = idempotency_key.to_owned();
        self.read(move |tx| {
            let Some(row) = jobs::by_key(tx, &key)? else {
                return Ok(None);
            };
            let history = jobs::attempts(tx, &row.id)?;
            Ok(Some(Self::job_view(&row, history)))
        })
        .await
    }

    /// Puts a dead job back in the queue, now: the platform admin only.
    pub async fn retry_job(&self, session: &Session, id: &str) -> ServiceResult<()> {
        if !matches!(session.actor, Actor::PlatformAdmin { .. }) {
            return Err(ServiceError::NotFound);
        }
        let id = parse_id(id)?;
        let now = self.now();
        if self.tx(move |tx| Ok(jobs::revive(tx, &id, now)?)).await? {
            Ok(())
        } else {
            Err(ServiceError::NotFound)
        }
    }
}

/// Claims and runs due jobs; `consigne serve` runs one in the background, `consigne worker`
/// runs only that.
#[derive(Clone)]
pub struct Worker {
    app: App,
    id: String,
    handlers: Arc<HashMap<&'static str, Arc<dyn JobHandler>>>,
    /// The local day whose daily work this worker last did (`service::renewals`).
    scheduled_day: Arc<std::sync::Mutex<Option<String>>>,
}

impl std::fmt::Debug for Worker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Worker")
            .field("id", &self.id)
            .field("kinds", &self.handlers.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl Worker {
    /// A worker named `id` (host and process, for the history) with its handlers.
    pub fn new(app: &App, id: &str, handlers: Vec<(&'static str, Arc<dyn JobHandler>)>) -> Self {
        Self {
            app: app.clone(),
            id: id.to_owned(),
            handlers: Arc::new(handlers.into_iter().collect()),
            scheduled_day: Arc::default(),
        }
    }

    /// One round: claims what is due now and runs it.
    pub async fn run_due(&self) -> ServiceResult<RoundReport> {
        self.daily().await;
        let now = self.app.now();
        let worker = self.id.clone();
        let kinds: Vec<&'static str> = self.handlers.keys().copied().collect();
        let claimed = self
            .app
            .tx(move |tx| {
                Ok(jobs::claim(
                    tx,
                    &worker,
                    now,
                    now + LEASE_SECONDS,
                    BATCH,
                    &kinds,
                )?)
            })
            .await?;
        let mut report = RoundReport {
            claimed: claimed.len(),
            ..RoundReport::default()
        };
        for job in claimed {
            let outcome = self.run_one(&job, now).await;
            let (status, run_at, error, undo, label) = match &outcome {
                Outcome::Done => ("done", job.run_at, None, false, "done"),
                Outcome::Postpone(at) => ("pending", *at, None, true, "postponed"),
                Outcome::Retry(e) if job.attempts < job.max_attempts => (
                    "pending",
                    now + backoff(job.attempts),
                    Some(e.clone()),
                    false,
                    "retry",
                ),
                Outcome::Retry(e) | Outcome::Fail(e) => {
                    ("dead", job.run_at, Some(e.clone()), false, "dead")
                }
            };
            match label {
                "done" => report.done += 1,
                "postponed" => report.postponed += 1,
                "retry" => report.retried += 1,
                _ => report.dead += 1,
            }
            if label == "dead" {
                tracing::warn!(job = %job.id, kind = %job.kind, "job dead after {} attempts", job.attempts);
            }
            let (id, worker, attempt) = (job.id.clone(), self.id.clone(), job.attempts);
            let detail = error.clone();
            let finished = self.app.now();
            self.app
                .tx(move |tx| {
                    if jobs::finish(
                        tx,
                        &id,
                        &worker,
                        status,
                        run_at,
                        error.as_deref(),
                        finished,
                        undo,
                    )? {
                        jobs::record_attempt(
                            tx,
                            &id,
                            attempt,
                            finished,
                            &worker,
                            label,
                            detail.as_deref(),
                        )?;
                    }
                    Ok(())
                })
                .await?;
        }
        Ok(report)
    }

    /// Runs the daily work (the licence renewal scan, `service::renewals`) at the first round
    /// of each local day; it is idempotent, so several workers or a restart run it harmlessly.
    /// A failed scan is tried again at the next round.
    async fn daily(&self) {
        if !self
            .handlers
            .contains_key(crate::service::renewals::SEND_KIND)
        {
            return;
        }
        let now = self.app.now();
        let today = crate::service::renewals::day_of(&self.app, now);
        if self
            .scheduled_day
            .lock()
            .map(|d| d.as_deref() == Some(today.as_str()))
            .unwrap_or(false)
        {
            return;
        }
        match crate::service::renewals::scan(&self.app, now).await {
            Ok(_) => {
                if let Ok(mut d) = self.scheduled_day.lock() {
                    *d = Some(today);
                }
            }
            Err(e) => tracing::warn!(error = %e, "licence renewal scan failed"),
        }
    }

    async fn run_one(&self, job: &JobRow, now: i64) -> Outcome {
        let Some(handler) = self.handlers.get(job.kind.as_str()).cloned() else {
            return Outcome::Retry(format!("no handler for {}", job.kind));
        };
        let payload = match self
            .app
            .platform
            .open(&ctx::job_payload(&job.id), &job.payload_sealed)
        {
            Ok(p) => p,
            Err(_) => return Outcome::Fail("payload cannot be opened".into()),
        };
        let payload: serde_json::Value = match serde_json::from_slice(&payload) {
            Ok(v) => v,
            Err(_) => return Outcome::Fail("payload is not JSON".into()),
        };
        let (app, id) = (self.app.clone(), job.id.clone());
        tokio::task::spawn_blocking(move || handler.run(&app, &id, &payload, now))
            .await
            .unwrap_or_else(|_| Outcome::Retry("the handler stopped unexpectedly".into()))
    }

    /// Runs rounds until the process ends, every `poll` (and at once while there is work).
    pub async fn run_forever(self, poll: std::time::Duration) {
        loop {
            match self.run_due().await {
                Ok(r) if r.claimed as i64 == BATCH => continue,
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "job round failed"),
            }
            tokio::time::sleep(poll).await;
        }
    }
}
