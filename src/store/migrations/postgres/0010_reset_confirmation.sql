-- PostgreSQL twin of sqlite/0010_reset_confirmation.sql: the same schema with INTEGER as BIGINT and BLOB as BYTEA
-- (tests/api/postgres.rs checks that both folders describe the same schema).
-- In-person reset with a second member's confirmation (issue 11, docs/threat-model.md,
-- "In-person reset"). A member of a recovery relais starts a reset: the row says who, for whom
-- and from when it may be confirmed, and holds no secret. Another member holding the
-- structure's key confirms it (or, in a structure of one, the starter after the delay she was
-- told about): only then is the person's vault key wrapped under a one-time code. Pending
-- resets of the old design (code made at once) are dropped: they lasted a day at most.
DROP TABLE relay_resets;
CREATE TABLE relay_resets (
    id TEXT PRIMARY KEY,
    beneficiary_id TEXT NOT NULL UNIQUE REFERENCES beneficiaries (id) ON DELETE CASCADE,
    structure_id TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    -- awaiting_confirmation, delayed (structure of one member) or confirmed.
    status TEXT NOT NULL,
    started_by TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    confirmed_by TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    usable_from BIGINT NOT NULL,
    salt BYTEA,
    verifier BYTEA,
    vault_wrap BYTEA,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX relay_resets_structure ON relay_resets (structure_id);
-- Set when her printed code was used or voided by a recovery; cleared when she prints a new
-- sheet in her session.
ALTER TABLE beneficiaries ADD COLUMN new_sheet_due_since BIGINT;
