-- Partner software (issue 18, item 4): a structure admin registers a client of the OAuth 2.0
-- client credentials grant. The client acts as a key-holding member of its structure: an
-- account of its own (no password, no login index anyone can reach) whose secret key is
-- sealed under a key derived from the client secret, and whose membership holds the structure
-- key wrapped to it by the admin who registered it. The client secret has 256 random bits and
-- is stored only as its SHA-256; revoking sets `revoked_at` (checked on every call) and
-- deactivates the membership (the structure key is rotated).
CREATE TABLE partner_clients (
    id TEXT PRIMARY KEY,
    structure_id TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    account_id TEXT NOT NULL UNIQUE REFERENCES accounts (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    scopes TEXT NOT NULL,
    secret_hash BLOB NOT NULL,
    created_by TEXT,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
);
CREATE INDEX partner_clients_structure ON partner_clients (structure_id);

-- A partner's own id for a person its structure follows: unique per structure.
CREATE TABLE external_ids (
    structure_id TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    beneficiary_id TEXT NOT NULL REFERENCES beneficiaries (id) ON DELETE CASCADE,
    external_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (structure_id, beneficiary_id),
    UNIQUE (structure_id, external_id)
);
CREATE INDEX external_ids_beneficiary ON external_ids (beneficiary_id);

-- Idempotency keys of creations (a safe, a document): the request's SHA-256 and the answer,
-- sealed under a key derived from the structure key (it may hold a recovery code shown once)
-- and by the platform key. Kept a day.
CREATE TABLE idempotency_keys (
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    idem_key TEXT NOT NULL,
    structure_id TEXT NOT NULL,
    request_hash BLOB NOT NULL,
    status INTEGER NOT NULL,
    response_sealed BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, idem_key)
);
