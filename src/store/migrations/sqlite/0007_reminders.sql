-- Reminders by SMS (events, document expiry) and the per-structure SMS counters. A reminder's
-- phone number, text and time live only in its job's payload, sealed by the platform key;
-- this row links it to the person and the item (deleting either removes it) and records what
-- the operator did with it, which the person and her relais see.
CREATE TABLE reminders (
    id TEXT PRIMARY KEY,
    beneficiary_id TEXT NOT NULL REFERENCES beneficiaries (id) ON DELETE CASCADE,
    item_id TEXT NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('event', 'expiry')),
    minutes_before INTEGER NOT NULL,
    structure_id TEXT REFERENCES structures (id) ON DELETE SET NULL,
    job_key TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('scheduled', 'sent', 'delivered', 'failed')),
    operator TEXT,
    operator_ref TEXT,
    encoding TEXT,
    segments INTEGER,
    sent_at INTEGER,
    delivered_at INTEGER,
    created_at INTEGER NOT NULL
);
CREATE INDEX reminders_item ON reminders (item_id);
CREATE INDEX reminders_operator_ref ON reminders (operator, operator_ref);

-- SMS sent per structure and month (licence and statistics).
CREATE TABLE sms_counters (
    structure_id TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    month TEXT NOT NULL,
    messages INTEGER NOT NULL,
    segments INTEGER NOT NULL,
    PRIMARY KEY (structure_id, month)
);
