-- PostgreSQL twin of sqlite/0002_relay_resets.sql: the same schema with INTEGER as BIGINT and BLOB as BYTEA
-- (tests/api/postgres.rs checks that both folders describe the same schema).
-- In-person password reset started by a professional of a recovery relais: the person's vault
-- key, wrapped under a key derived from a one-time token handed to her, waiting for her to
-- choose a new password herself. One pending reset per person.
CREATE TABLE relay_resets (
    beneficiary_id TEXT PRIMARY KEY REFERENCES beneficiaries (id) ON DELETE CASCADE,
    structure_id TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    started_by TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    salt BYTEA NOT NULL,
    verifier BYTEA NOT NULL,
    vault_wrap BYTEA NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
