-- Usage per structure and month (issue 18, item 3): the documents its professionals added and
-- the safes it opened, counted in the transaction of the action (its SMS are counted in
-- `sms_counters`); the monthly SMS budget its admin sets, and the months that budget held SMS
-- back. Months are `YYYY-MM` in the configured time zone, like `sms_counters`.
CREATE TABLE usage_counters (
    structure_id TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    month TEXT NOT NULL,
    documents_added INTEGER NOT NULL DEFAULT 0,
    safes_opened INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (structure_id, month)
);

CREATE TABLE sms_budgets (
    structure_id TEXT PRIMARY KEY REFERENCES structures (id) ON DELETE CASCADE,
    monthly_sms INTEGER NOT NULL,
    set_by TEXT NOT NULL,
    set_at INTEGER NOT NULL
);

-- A month the budget held SMS back: when it was first reached and how many were not sent.
CREATE TABLE sms_budget_reached (
    structure_id TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    month TEXT NOT NULL,
    reached_at INTEGER NOT NULL,
    withheld INTEGER NOT NULL,
    PRIMARY KEY (structure_id, month)
);

-- A reminder the budget held back (`withheld`): she sees it on her home page instead. The
-- column first: ALTER TABLE must not run after the schema text was edited in place. Then the
-- CHECK is widened in place, as 0034 does (every existing row meets the wider one).
ALTER TABLE reminders ADD COLUMN withheld_at INTEGER;
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
    SET sql = replace(sql, 'CHECK (status IN (''scheduled'', ''no_phone'', ''sent'', ''delivered'', ''failed''))', 'CHECK (status IN (''scheduled'', ''no_phone'', ''sent'', ''delivered'', ''failed'', ''withheld''))')
    WHERE type = 'table' AND name = 'reminders';
PRAGMA writable_schema = OFF;

-- The months before this migration, from the rows that remain (in UTC: a migration knows no
-- time zone; documents and safes deleted since are not counted).
INSERT INTO usage_counters (structure_id, month, documents_added, safes_opened)
SELECT structure_id, month, SUM(d), SUM(s) FROM (
    SELECT created_by_structure AS structure_id, strftime('%Y-%m', created_at, 'unixepoch') AS month, 1 AS d, 0 AS s
    FROM items WHERE kind = 'document' AND created_by_structure IS NOT NULL
    UNION ALL
    SELECT opened_by_structure, strftime('%Y-%m', created_at, 'unixepoch'), 0, 1
    FROM beneficiaries WHERE opened_by_structure IS NOT NULL
) AS done GROUP BY structure_id, month;
