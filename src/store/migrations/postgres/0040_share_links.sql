-- PostgreSQL twin of sqlite/0040_share_links.sql: the same schema with INTEGER as BIGINT and BLOB as BYTEA
-- (tests/api/postgres.rs checks that both folders describe the same schema).
-- Share links (issue 16, item 5): a secret address that shows one document of her safe to
-- someone without an account, until it expires or is revoked. Like the calendar feed, the
-- address's token is never stored: only its blind index (to find the link) and the public half
-- of a key pair derived from it, to which the document's item key is wrapped (`key_wrap`), so
-- the token opens that one document and nothing else. `token_sealed` (to her public key) lets
-- her see the address again; `details_sealed` (the watermark, under the document's key) and
-- the PIN's Argon2id verifier (over the PIN and a key derived from the token) hold nothing
-- readable without the token. Failed PINs are counted here so a lock outlives a restart.
-- Revoking deletes the row; the housekeeping deletes expired rows.
CREATE TABLE share_links (
    id TEXT PRIMARY KEY,
    beneficiary_id TEXT NOT NULL REFERENCES beneficiaries (id) ON DELETE CASCADE,
    item_id TEXT NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    token_index BYTEA NOT NULL UNIQUE,
    public_key BYTEA NOT NULL,
    key_wrap BYTEA NOT NULL,
    token_sealed BYTEA NOT NULL,
    details_sealed BYTEA NOT NULL,
    pin_verifier BYTEA,
    pin_salt BYTEA,
    pin_params TEXT,
    pin_failures BIGINT NOT NULL DEFAULT 0,
    locked_until BIGINT NOT NULL DEFAULT 0,
    created_by TEXT NOT NULL,
    created_by_structure TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    opened_count BIGINT NOT NULL DEFAULT 0,
    last_opened_at BIGINT
);
CREATE INDEX share_links_item ON share_links (item_id);
CREATE INDEX share_links_beneficiary ON share_links (beneficiary_id);
CREATE INDEX share_links_expiry ON share_links (expires_at);
