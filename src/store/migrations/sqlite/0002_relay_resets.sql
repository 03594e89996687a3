-- In-person password reset started by a professional of a recovery relais: the person's vault
-- key, wrapped under a key derived from a one-time token handed to her, waiting for her to
-- choose a new password herself. One pending reset per person.
CREATE TABLE relay_resets (
    beneficiary_id TEXT PRIMARY KEY REFERENCES beneficiaries (id) ON DELETE CASCADE,
    structure_id TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    started_by TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    salt BLOB NOT NULL,
    verifier BLOB NOT NULL,
    vault_wrap BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
