-- PostgreSQL twin of sqlite/0003_items.sql: the same schema with INTEGER as BIGINT and BLOB as BYTEA
-- (tests/api/postgres.rs checks that both folders describe the same schema).
-- The safe's items (documents now; contacts, notes and events later), folders and shares.
-- Names, file names, types and hashes live in meta_sealed (under the item's own key); the
-- item key is wrapped by the person's vault key, or to her public key when a professional
-- adds the item, and to each structure it is shared with.

CREATE TABLE folders (
    id TEXT PRIMARY KEY,
    beneficiary_id TEXT NOT NULL REFERENCES beneficiaries (id) ON DELETE CASCADE,
    parent_id TEXT REFERENCES folders (id) ON DELETE CASCADE,
    name_sealed BYTEA NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX folders_beneficiary ON folders (beneficiary_id);

CREATE TABLE items (
    id TEXT PRIMARY KEY,
    beneficiary_id TEXT NOT NULL REFERENCES beneficiaries (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('document', 'contact', 'note', 'event')),
    folder_id TEXT REFERENCES folders (id) ON DELETE SET NULL,
    meta_sealed BYTEA NOT NULL,
    key_wrap_vault BYTEA,
    key_wrap_owner BYTEA,
    blob_key TEXT,
    thumb_key TEXT,
    size BIGINT NOT NULL DEFAULT 0,
    expires_sealed BYTEA,
    created_at BIGINT NOT NULL,
    created_by_kind TEXT NOT NULL,
    created_by_name TEXT,
    created_by_structure TEXT,
    updated_at BIGINT NOT NULL
);
CREATE INDEX items_beneficiary ON items (beneficiary_id, kind, created_at);

CREATE TABLE item_shares (
    item_id TEXT NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    structure_id TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    key_wrap BYTEA NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (item_id, structure_id)
);
CREATE INDEX item_shares_structure ON item_shares (structure_id);
