-- PostgreSQL twin of sqlite/0046_security_questions.sql: the same schema with INTEGER as BIGINT and BLOB as BYTEA
-- (tests/api/postgres.rs checks that both folders describe the same schema).
CREATE TABLE security_questions (
    beneficiary_id TEXT PRIMARY KEY REFERENCES beneficiaries (id) ON DELETE CASCADE,
    kdf_params TEXT NOT NULL,
    salt BYTEA NOT NULL,
    verifier BYTEA NOT NULL,
    vault_wrap BYTEA NOT NULL,
    question_sealed BYTEA NOT NULL,
    set_at BIGINT NOT NULL
);
