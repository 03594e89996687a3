-- Conventions and annual licences (issue 18, items 1 and 2). What the operator sells and signs
-- is the platform's own business: nothing here is a person's, nothing is sealed but the signed
-- convention's PDF (a blob under a content key sealed by the platform key).
-- One licence per period a structure paid for; the fee is the one computed when recorded.
-- A structure whose licences all ended before today is lapsed; none recorded: not lapsed.
CREATE TABLE licences (
    id TEXT PRIMARY KEY,
    structure_id TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    annual_budget_cents INTEGER NOT NULL,
    fee_cents INTEGER NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_by_name TEXT NOT NULL,
    recorded_at INTEGER NOT NULL,
    UNIQUE (structure_id, starts_on)
);
CREATE INDEX licences_ends ON licences (ends_on);
-- A structure's convention: its status (draft, signed, ended), when and by whom it was signed,
-- and the signed PDF.
CREATE TABLE conventions (
    structure_id TEXT PRIMARY KEY REFERENCES structures (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    signed_on TEXT,
    signatories TEXT,
    document_id TEXT,
    document_blob TEXT,
    document_key_sealed BLOB,
    document_sha256 TEXT,
    document_blob_sha256 TEXT,
    document_size INTEGER,
    updated_at INTEGER NOT NULL
);
-- Every change to a convention or a licence: who, when, which field, from what to what.
CREATE TABLE convention_history (
    id TEXT PRIMARY KEY,
    structure_id TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    actor_account TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    field TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT
);
CREATE INDEX convention_history_structure ON convention_history (structure_id, at);
