-- Professionals imported from a CSV file (issue 18, item 5) have no password yet: each one gets
-- an activation, a random one-time code (stored as its SHA-256: the code has 256 random bits,
-- nothing to stretch) valid 14 days, with which she chooses her password and makes her key
-- pair. She then becomes a member whom an admin holding the structure key approves.
CREATE TABLE staff_activations (
    id TEXT PRIMARY KEY,
    code_hash BLOB NOT NULL UNIQUE,
    structure_id TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('member', 'admin')),
    created_by TEXT,
    created_by_name TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX staff_activations_structure ON staff_activations (structure_id);
