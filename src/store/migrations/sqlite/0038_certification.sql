-- The certification log (issue 16, docs/certification.md): an append-only Merkle log of one
-- leaf per document added, and the tree heads signed over it. The log stores a leaf's hash
-- only: the leaf's document SHA-256 and salt are sealed in the item's metadata, so the
-- operator cannot confirm a guess about a document from the log. `item_id` finds a
-- document's leaf; it stays when the item is deleted (the log is append-only).
CREATE TABLE transparency_leaves (
    leaf_index INTEGER PRIMARY KEY CHECK (leaf_index >= 0),
    item_id TEXT NOT NULL UNIQUE,
    leaf_hash BLOB NOT NULL,
    created_at INTEGER NOT NULL
);
-- A signed tree head covers the first `tree_size` leaves; `tsa_token` is the RFC 3161
-- TimeStampToken over SHA-256(signature), added after signing when a TSA answers.
CREATE TABLE transparency_heads (
    tree_size INTEGER PRIMARY KEY CHECK (tree_size >= 0),
    root_hash BLOB NOT NULL,
    signed_at INTEGER NOT NULL,
    algorithm TEXT NOT NULL,
    key_id TEXT NOT NULL,
    signature BLOB NOT NULL,
    tsa_token BLOB
);
