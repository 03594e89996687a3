-- PostgreSQL twin of sqlite/0048_terms.sql: the same schema with INTEGER as BIGINT and BLOB as BYTEA
-- (tests/api/postgres.rs checks that both folders describe the same schema).
CREATE TABLE onboarding (
    beneficiary_id TEXT PRIMARY KEY REFERENCES beneficiaries (id) ON DELETE CASCADE,
    terms_version TEXT,
    terms_accepted_at BIGINT,
    guide_done_at BIGINT
);
