-- Her private calendar feed: a secret URL her phone's calendar subscribes to. The URL's token
-- is never stored: only its blind index (to find the feed) and the public half of a key pair
-- derived from it. Each event's item key is wrapped to that public key, so the token opens her
-- events and nothing else; `token_sealed` (under her vault key) lets her see the link again.
-- Revoking deletes the row and its wraps.
CREATE TABLE calendar_feeds (
    id TEXT PRIMARY KEY,
    beneficiary_id TEXT NOT NULL UNIQUE REFERENCES beneficiaries (id) ON DELETE CASCADE,
    token_index BLOB NOT NULL UNIQUE,
    public_key BLOB NOT NULL,
    token_sealed BLOB,
    created_at INTEGER NOT NULL,
    last_read_at INTEGER
);

CREATE TABLE calendar_feed_keys (
    feed_id TEXT NOT NULL REFERENCES calendar_feeds (id) ON DELETE CASCADE,
    item_id TEXT NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    key_wrap BLOB NOT NULL,
    PRIMARY KEY (feed_id, item_id)
);
CREATE INDEX calendar_feed_keys_item ON calendar_feed_keys (item_id);
