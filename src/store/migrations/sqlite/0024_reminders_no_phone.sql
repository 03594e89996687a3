-- A reminder she chose while no phone number is on file is kept, with the status `no_phone`
-- (its job carries no number): the person and her relais see why nothing will be sent, and
-- the reminders not sent yet follow her number when she (or her relais) adds or changes it.
-- SQLite cannot change a CHECK constraint: the table is rebuilt with the same rows.
CREATE TABLE reminders_new (
    id TEXT PRIMARY KEY,
    beneficiary_id TEXT NOT NULL REFERENCES beneficiaries (id) ON DELETE CASCADE,
    item_id TEXT NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('event', 'expiry')),
    minutes_before INTEGER NOT NULL,
    structure_id TEXT REFERENCES structures (id) ON DELETE SET NULL,
    job_key TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('scheduled', 'no_phone', 'sent', 'delivered', 'failed')),
    operator TEXT,
    operator_ref TEXT,
    encoding TEXT,
    segments INTEGER,
    sent_at INTEGER,
    delivered_at INTEGER,
    created_at INTEGER NOT NULL
);
INSERT INTO reminders_new (id, beneficiary_id, item_id, kind, minutes_before, structure_id, job_key, status, operator, operator_ref, encoding, segments, sent_at, delivered_at, created_at)
    SELECT id, beneficiary_id, item_id, kind, minutes_before, structure_id, job_key, status, operator, operator_ref, encoding, segments, sent_at, delivered_at, created_at FROM reminders;
DROP TABLE reminders;
ALTER TABLE reminders_new RENAME TO reminders;
CREATE INDEX reminders_item ON reminders (item_id);
CREATE INDEX reminders_operator_ref ON reminders (operator, operator_ref);
-- Her reminders not sent yet, when her number changes.
CREATE INDEX reminders_beneficiary ON reminders (beneficiary_id, status);
