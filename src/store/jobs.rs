//! The durable job queue's rows (see migrations/*/0005_jobs.sql). The same SQL on SQLite and
//! PostgreSQL; claiming takes the `jobs/claim` lock so two workers (or instances) never lease
//! the same job.

use super::{Row, Sql, StoreResult, Value};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobRow {
    pub id: String,
    pub kind: String,
    pub idempotency_key: String,
    pub payload_sealed: Vec<u8>,
    pub status: String,
    pub run_at: i64,
    pub attempts: i64,
    pub max_attempts: i64,
    pub lease_owner: Option<String>,
    pub lease_until: Option<i64>,
    pub last_error: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttemptRow {
    pub attempt: i64,
    pub at: i64,
    pub worker: String,
    pub outcome: String,
    pub detail: Option<String>,
}

const COLS: &str = "id, kind, idempotency_key, payload_sealed, status, run_at, attempts, max_attempts, lease_owner, lease_until, last_error, created_at, updated_at";

fn job(r: &Row) -> StoreResult<JobRow> {
    Ok(JobRow {
        id: r.text("id")?,
        kind: r.text("kind")?,
        idempotency_key: r.text("idempotency_key")?,
        payload_sealed: r.blob("payload_sealed")?,
        status: r.text("status")?,
        run_at: r.int("run_at")?,
        attempts: r.int("attempts")?,
        max_attempts: r.int("max_attempts")?,
        lease_owner: r.opt_text("lease_owner")?,
        lease_until: r.opt_int("lease_until")?,
        last_error: r.opt_text("last_error")?,
        created_at: r.int("created_at")?,
        updated_at: r.int("updated_at")?,
    })
}

/// Adds a job unless one with the same idempotency key exists; returns whether it was added.
pub fn insert(tx: &mut dyn Sql, j: &JobRow) -> StoreResult<bool> {
    let n = tx.execute(
        &format!("INSERT INTO jobs ({COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (idempotency_key) DO NOTHING"),
        &[
            j.id.as_str().into(),
            j.kind.as_str().into(),
            j.idempotency_key.as_str().into(),
            j.payload_sealed.as_slice().into(),
            j.status.as_str().into(),
            j.run_at.into(),
            j.attempts.into(),
            j.max_attempts.into(),
            j.lease_owner.clone().into(),
            j.lease_until.into(),
            j.last_error.clone().into(),
            j.created_at.into(),
            j.updated_at.into(),
        ],
    )?;
    Ok(n == 1)
}

pub fn by_id(tx: &mut dyn Sql, id: &str) -> StoreResult<Option<JobRow>> {
    tx.query_opt(
        &format!("SELECT {COLS} FROM jobs WHERE id = $1"),
        &[id.into()],
    )?
    .map(|r| job(&r))
    .transpose()
}

pub fn by_key(tx: &mut dyn Sql, key: &str) -> StoreResult<Option<JobRow>> {
    tx.query_opt(
        &format!("SELECT {COLS} FROM jobs WHERE idempotency_key = $1"),
        &[key.into()],
    )?
    .map(|r| job(&r))
    .transpose()
}

/// Leases up to `limit` due jobs of the given kinds to `worker` until `lease_until`: pending
/// jobs whose time has come, and running jobs whose lease expired (their worker died). Each
/// claim counts an attempt. A worker only takes the kinds it can run (an older instance during
/// an upgrade leaves new kinds alone).
pub fn claim(
    tx: &mut dyn Sql,
    worker: &str,
    now: i64,
    lease_until: i64,
    limit: i64,
    kinds: &[&str],
) -> StoreResult<Vec<JobRow>> {
    if kinds.is_empty() {
        return Ok(Vec::new());
    }
    tx.lock("jobs/claim")?;
    let mut params: Vec<Value> = vec![now.into(), limit.into()];
    let mut marks = Vec::new();
    for k in kinds {
        params.push((*k).into());
        marks.push(format!("${}", params.len()));
    }
    let due = tx.query(
        &format!("SELECT {COLS} FROM jobs WHERE kind IN ({}) AND ((status = 'pending' AND run_at <= $1) OR (status = 'running' AND lease_until < $1)) ORDER BY run_at, id LIMIT $2", marks.join(", ")),
        &params,
    )?;
    let mut out = Vec::with_capacity(due.len());
    for r in due {
        let mut j = job(&r)?;
        tx.execute(
            "UPDATE jobs SET status = 'running', lease_owner = $2, lease_until = $3, attempts = attempts + 1, updated_at = $4 WHERE id = $1",
            &[j.id.as_str().into(), worker.into(), lease_until.into(), now.into()],
        )?;
        j.status = "running".into();
        j.lease_owner = Some(worker.to_owned());
        j.lease_until = Some(lease_until);
        j.attempts += 1;
        out.push(j);
    }
    Ok(out)
}

/// Ends a run: the new status and time, only if `worker` still holds the lease (a worker that
/// overran its lease must not overwrite what the next one did). Returns whether it held it.
#[allow(clippy::too_many_arguments)]
pub fn finish(
    tx: &mut dyn Sql,
    id: &str,
    worker: &str,
    status: &str,
    run_at: i64,
    error: Option<&str>,
    now: i64,
    undo_attempt: bool,
) -> StoreResult<bool> {
    let n = tx.execute(
        "UPDATE jobs SET status = $3, run_at = $4, last_error = $5, lease_owner = NULL, lease_until = NULL, updated_at = $6, attempts = attempts - $7 WHERE id = $1 AND lease_owner = $2 AND status = 'running'",
        &[
            id.into(),
            worker.into(),
            status.into(),
            run_at.into(),
            error.into(),
            now.into(),
            i64::from(undo_attempt).into(),
        ],
    )?;
    Ok(n == 1)
}

pub fn record_attempt(
    tx: &mut dyn Sql,
    id: &str,
    attempt: i64,
    at: i64,
    worker: &str,
    outcome: &str,
    detail: Option<&str>,
) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO job_attempts (job_id, attempt, at, worker, outcome, detail) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (job_id, attempt) DO UPDATE SET at = $3, worker = $4, outcome = $5, detail = $6",
        &[
            id.into(),
            attempt.into(),
            at.into(),
            worker.into(),
            outcome.into(),
            detail.into(),
        ],
    )?;
    Ok(())
}

pub fn attempts(tx: &mut dyn Sql, id: &str) -> StoreResult<Vec<AttemptRow>> {
    tx.query(
        "SELECT attempt, at, worker, outcome, detail FROM job_attempts WHERE job_id = $1 ORDER BY attempt, at",
        &[id.into()],
    )?
    .iter()
    .map(|r| {
        Ok(AttemptRow {
            attempt: r.int("attempt")?,
            at: r.int("at")?,
            worker: r.text("worker")?,
            outcome: r.text("outcome")?,
            detail: r.opt_text("detail")?,
        })
    })
    .collect()
}

/// Jobs in one status, most recently changed first.
pub fn with_status(tx: &mut dyn Sql, status: &str, limit: i64) -> StoreResult<Vec<JobRow>> {
    tx.query(
        &format!("SELECT {COLS} FROM jobs WHERE status = $1 ORDER BY updated_at DESC, id LIMIT $2"),
        &[status.into(), limit.into()],
    )?
    .iter()
    .map(job)
    .collect()
}

/// Puts a dead job back in the queue (the admin's "try again").
pub fn revive(tx: &mut dyn Sql, id: &str, now: i64) -> StoreResult<bool> {
    let n = tx.execute(
        "UPDATE jobs SET status = 'pending', run_at = $2, attempts = 0, updated_at = $2 WHERE id = $1 AND status = 'dead'",
        &[id.into(), now.into()],
    )?;
    Ok(n == 1)
}

/// Replaces the payload of a job not yet run (a reminder that follows a new phone number).
/// Returns whether the job was still waiting.
pub fn set_pending_payload(
    tx: &mut dyn Sql,
    id: &str,
    sealed: &[u8],
    now: i64,
) -> StoreResult<bool> {
    let n = tx.execute(
        "UPDATE jobs SET payload_sealed = $2, updated_at = $3 WHERE id = $1 AND status = 'pending'",
        &[id.into(), sealed.into(), now.into()],
    )?;
    Ok(n == 1)
}

/// Removes a job not yet run (its reason to exist went away, e.g. an event deleted).
pub fn cancel(tx: &mut dyn Sql, key: &str) -> StoreResult<bool> {
    let n = tx.execute(
        "DELETE FROM jobs WHERE idempotency_key = $1 AND status = 'pending'",
        &[key.into()],
    )?;
    Ok(n == 1)
}

/// Marks a job done by its idempotency key, whoever holds it (work finished outside a worker's
/// round, e.g. a key rotation driven by a member's session). Returns whether it was open.
pub fn complete_by_key(tx: &mut dyn Sql, key: &str, now: i64) -> StoreResult<bool> {
    let n = tx.execute(
        "UPDATE jobs SET status = 'done', lease_owner = NULL, lease_until = NULL, updated_at = $2 WHERE idempotency_key = $1 AND status IN ('pending', 'running')",
        &[key.into(), now.into()],
    )?;
    Ok(n == 1)
}

/// Per kind and status, how many jobs: waiting, running and dead ones all, done ones changed
/// since `done_since` (the operator's dashboard).
pub fn counts(tx: &mut dyn Sql, done_since: i64) -> StoreResult<Vec<(String, String, i64)>> {
    tx.query(
        "SELECT kind, status, COUNT(*) AS n FROM jobs \
         WHERE status <> 'done' OR updated_at >= $1 GROUP BY kind, status ORDER BY kind, status",
        &[done_since.into()],
    )?
    .iter()
    .map(|r| Ok((r.text("kind")?, r.text("status")?, r.int("n")?)))
    .collect()
}

/// Per kind, since when the oldest due job waits (its `run_at`), among those due by `now`.
pub fn oldest_due(tx: &mut dyn Sql, now: i64) -> StoreResult<Vec<(String, i64)>> {
    tx.query(
        "SELECT kind, MIN(run_at) AS oldest FROM jobs \
         WHERE status = 'pending' AND run_at <= $1 GROUP BY kind ORDER BY kind",
        &[now.into()],
    )?
    .iter()
    .map(|r| Ok((r.text("kind")?, r.int("oldest")?)))
    .collect()
}
