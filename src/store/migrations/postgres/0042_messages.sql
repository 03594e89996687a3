-- PostgreSQL twin of sqlite/0042_messages.sql: the same schema with INTEGER as BIGINT and BLOB as BYTEA
-- Messaging between a person and each of her relais (issue 17, item 1; docs/messaging.md):
-- one thread per (person, structure), sealed like items. Each thread has a random key, wrapped
-- to her (under her vault key when she has it at hand, and to her public key) and to the
-- structure's public key (`key_wrap_structure`, re-wrapped at a key rotation: `key_version`),
-- each wrap then sealed by the platform key. A message's text is sealed under the thread key
-- (its own nonce; the thread and message ids bound as associated data), then by the platform
-- key. What stays clear: who wrote (her, or a professional's name, as on follow-ups), when,
-- and the read marks (`seq` numbers) that count the unread messages of each side.
-- `closed_at`: she closed it, or left the relais; nothing new is written then, she keeps it.
-- `sms_last_at`, `sms_job_key`: the SMS that told her of the team's messages (at most one per
-- thread per hour).
CREATE TABLE threads (
    id TEXT PRIMARY KEY,
    beneficiary_id TEXT NOT NULL REFERENCES beneficiaries (id) ON DELETE CASCADE,
    structure_id TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    key_wrap_vault BYTEA,
    key_wrap_owner BYTEA NOT NULL,
    key_wrap_structure BYTEA NOT NULL,
    key_version BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    last_at BIGINT NOT NULL,
    last_seq BIGINT NOT NULL,
    her_read_seq BIGINT NOT NULL,
    team_read_seq BIGINT NOT NULL,
    closed_at BIGINT,
    sms_last_at BIGINT,
    sms_job_key TEXT,
    UNIQUE (beneficiary_id, structure_id)
);
CREATE INDEX threads_structure ON threads (structure_id, last_at);
CREATE INDEX threads_last ON threads (last_at);
CREATE TABLE thread_messages (
    id TEXT PRIMARY KEY,
    thread_id TEXT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
    seq BIGINT NOT NULL,
    author_kind TEXT NOT NULL,
    author_account TEXT NOT NULL,
    author_name TEXT,
    at BIGINT NOT NULL,
    body_sealed BYTEA NOT NULL,
    UNIQUE (thread_id, seq)
);
-- Documents of her safe sent with a message (shared with the structure when sent).
CREATE TABLE thread_message_documents (
    message_id TEXT NOT NULL REFERENCES thread_messages (id) ON DELETE CASCADE,
    item_id TEXT NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    PRIMARY KEY (message_id, item_id)
);
-- Where each member of the team last read a thread (the team's mark is on `threads`).
CREATE TABLE thread_reads (
    thread_id TEXT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
    account_id TEXT NOT NULL,
    read_seq BIGINT NOT NULL,
    read_at BIGINT NOT NULL,
    PRIMARY KEY (thread_id, account_id)
);
