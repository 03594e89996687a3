-- PostgreSQL twin of sqlite/0004_blob_digests.sql: the same schema with INTEGER as BIGINT and BLOB as BYTEA
-- (tests/api/postgres.rs checks that both folders describe the same schema).
-- SHA-256 of each stored blob's ciphertext: `consigne verify` checks stored bytes against it
-- without any key (the operator cannot decrypt, by design).
ALTER TABLE items ADD COLUMN blob_sha256 TEXT;
ALTER TABLE items ADD COLUMN thumb_sha256 TEXT;
