-- PostgreSQL twin of sqlite/0052_usage.sql: the same schema with INTEGER as BIGINT and BLOB as BYTEA
-- (tests/api/postgres.rs checks that both folders describe the same schema).
-- Usage per structure and month (issue 18, item 3), the monthly SMS budget and the months it
-- held SMS back.
CREATE TABLE usage_counters (
    structure_id TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    month TEXT NOT NULL,
    documents_added BIGINT NOT NULL DEFAULT 0,
    safes_opened BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (structure_id, month)
);

CREATE TABLE sms_budgets (
    structure_id TEXT PRIMARY KEY REFERENCES structures (id) ON DELETE CASCADE,
    monthly_sms BIGINT NOT NULL,
    set_by TEXT NOT NULL,
    set_at BIGINT NOT NULL
);

CREATE TABLE sms_budget_reached (
    structure_id TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    month TEXT NOT NULL,
    reached_at BIGINT NOT NULL,
    withheld BIGINT NOT NULL,
    PRIMARY KEY (structure_id, month)
);

ALTER TABLE reminders DROP CONSTRAINT reminders_status_check;
ALTER TABLE reminders ADD CONSTRAINT reminders_status_check CHECK (status IN ('scheduled', 'no_phone', 'sent', 'delivered', 'failed', 'withheld'));
ALTER TABLE reminders ADD COLUMN withheld_at BIGINT;

-- The months before this migration, from the rows that remain (in UTC).
INSERT INTO usage_counters (structure_id, month, documents_added, safes_opened)
SELECT structure_id, month, SUM(d), SUM(s) FROM (
    SELECT created_by_structure AS structure_id, to_char(to_timestamp(created_at) AT TIME ZONE 'UTC', 'YYYY-MM') AS month, 1 AS d, 0 AS s
    FROM items WHERE kind = 'document' AND created_by_structure IS NOT NULL
    UNION ALL
    SELECT opened_by_structure, to_char(to_timestamp(created_at) AT TIME ZONE 'UTC', 'YYYY-MM'), 0, 1
    FROM beneficiaries WHERE opened_by_structure IS NOT NULL
) AS done GROUP BY structure_id, month;
