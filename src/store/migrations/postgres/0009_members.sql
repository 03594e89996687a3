-- PostgreSQL twin of sqlite/0009_members.sql: the same schema with INTEGER as BIGINT and BLOB as BYTEA
-- (tests/api/postgres.rs checks that both folders describe the same schema).
-- Members of a structure (issue 11): a membership is `pending` (no key) until an admin of the
-- structure who holds its key approves it, `active`, or `deactivated` (no key, no login, kept
-- for the journals). `created_by` is who asked for it. The structure key is versioned: every
-- wrap addressed to a structure records the version it was made with, and `structure_keys`
-- keeps each version's public key and, once a newer version exists, the older private key
-- wrapped to the newer public key (so members who hold the newest key read everything while a
-- rotation re-wraps the old wraps; a departed member's copy of an old key opens none of them).
ALTER TABLE memberships ADD COLUMN status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('pending', 'active', 'deactivated'));
ALTER TABLE memberships ADD COLUMN created_by TEXT;
ALTER TABLE memberships ADD COLUMN created_by_name TEXT;
ALTER TABLE memberships ADD COLUMN decided_by TEXT;
ALTER TABLE memberships ADD COLUMN decided_at BIGINT;
UPDATE memberships SET status = 'pending' WHERE structure_key_wrap IS NULL;

ALTER TABLE structures ADD COLUMN key_version BIGINT NOT NULL DEFAULT 1;
-- A member who held the key left and no key holder was there to make the next version yet.
ALTER TABLE structures ADD COLUMN rotation_due BIGINT NOT NULL DEFAULT 0;
-- The idempotency key of the rotation job under way, if any.
ALTER TABLE structures ADD COLUMN rotation_job TEXT;

ALTER TABLE item_shares ADD COLUMN key_version BIGINT NOT NULL DEFAULT 1;
CREATE INDEX item_shares_key_version ON item_shares (structure_id, key_version);
ALTER TABLE relays ADD COLUMN key_version BIGINT NOT NULL DEFAULT 1;

CREATE TABLE structure_keys (
    structure_id TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    public_key BYTEA NOT NULL,
    successor_wrap BYTEA,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (structure_id, version)
);
