-- The durable job queue (reminders by SMS, later other background work). A job is claimed
-- with a lease so that several workers or instances never run it twice at once; failures are
-- retried with backoff until `max_attempts`, then the job is `dead` (shown to the platform
-- admin). `payload_sealed` is sealed by the platform key: the worker must read it when due.
CREATE TABLE jobs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    payload_sealed BLOB NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'running', 'done', 'dead')),
    run_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL,
    lease_owner TEXT,
    lease_until INTEGER,
    last_error TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX jobs_due ON jobs (status, run_at);

-- Every run of a job, for the retry history.
CREATE TABLE job_attempts (
    job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    attempt INTEGER NOT NULL,
    at INTEGER NOT NULL,
    worker TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('done', 'retry', 'dead', 'postponed')),
    detail TEXT,
    PRIMARY KEY (job_id, attempt)
);
