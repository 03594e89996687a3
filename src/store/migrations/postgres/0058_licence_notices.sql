-- PostgreSQL twin of sqlite/0058_licence_notices.sql: the same schema with INTEGER as BIGINT
-- (tests/api/postgres.rs checks that both folders describe the same schema).
-- Licence renewal reminders (issue 18, item 2): an outbox. A notice is recorded once per
-- licence, period (its end date: a renewed licence gets its own) and kind (60 or 30 days
-- before the end), then one e-mail per admin of the structure is recorded and sent by a job,
-- marked sent when the transport accepted it. Restarts and crashes never record a notice twice.
CREATE TABLE licence_notices (
    id TEXT PRIMARY KEY,
    licence_id TEXT NOT NULL REFERENCES licences (id) ON DELETE CASCADE,
    structure_id TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    ends_on TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('days_60', 'days_30')),
    created_at BIGINT NOT NULL,
    UNIQUE (licence_id, ends_on, kind)
);
CREATE INDEX licence_notices_structure ON licence_notices (structure_id, created_at);
-- Each admin's e-mail of a notice: her address and language when it was recorded.
CREATE TABLE licence_notice_emails (
    notice_id TEXT NOT NULL REFERENCES licence_notices (id) ON DELETE CASCADE,
    account_id TEXT NOT NULL,
    email TEXT NOT NULL,
    language TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
    attempts BIGINT NOT NULL,
    last_error TEXT,
    sent_at BIGINT,
    PRIMARY KEY (notice_id, account_id)
);
