-- PostgreSQL twin of sqlite/0038_certification.sql: the certification log's leaves and its
-- signed tree heads.
CREATE TABLE transparency_leaves (
    leaf_index BIGINT PRIMARY KEY CHECK (leaf_index >= 0),
    item_id TEXT NOT NULL UNIQUE,
    leaf_hash BYTEA NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE TABLE transparency_heads (
    tree_size BIGINT PRIMARY KEY CHECK (tree_size >= 0),
    root_hash BYTEA NOT NULL,
    signed_at BIGINT NOT NULL,
    algorithm TEXT NOT NULL,
    key_id TEXT NOT NULL,
    signature BYTEA NOT NULL,
    tsa_token BYTEA
);
