-- PostgreSQL twin of sqlite/0054_imports.sql: the same schema with INTEGER as BIGINT and BLOB as
-- BYTEA (tests/api/postgres.rs checks that both folders describe the same schema).
CREATE TABLE staff_activations (
    id TEXT PRIMARY KEY,
    code_hash BYTEA NOT NULL UNIQUE,
    structure_id TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('member', 'admin')),
    created_by TEXT,
    created_by_name TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX staff_activations_structure ON staff_activations (structure_id);
