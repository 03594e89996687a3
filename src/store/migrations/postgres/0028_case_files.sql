-- PostgreSQL twin of sqlite/0028_case_files.sql (tests/api/postgres.rs checks that both
-- folders describe the same schema).
-- A structure's case file on a person it follows (issue 14): her situation and its dated,
-- attributed history, sealed under a key derived from the structure's private key and then
-- by the platform key (`sealed`; docs/encryption.md, service/casefile.rs). In clear, on
-- purpose and for the statistics only (docs/threat-model.md): the current housing situation
-- as a code of the fixed list and the referent professional's account. The row does not
-- depend on the relais row: a structure the person leaves keeps its case file.
CREATE TABLE case_files (
    structure_id TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    beneficiary_id TEXT NOT NULL REFERENCES beneficiaries (id) ON DELETE CASCADE,
    referent_account TEXT REFERENCES accounts (id),
    housing TEXT CHECK (housing IN ('street', 'emergency_shelter', 'hosted_third_party', 'chrs', 'hotel', 'squat', 'tenant', 'owner', 'institution', 'other')),
    sealed BYTEA NOT NULL,
    key_version BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (structure_id, beneficiary_id)
);
-- "My people": the people a structure follows whose referent is a given professional.
CREATE INDEX case_files_referent ON case_files (structure_id, referent_account);
-- A key rotation's re-seal batches.
CREATE INDEX case_files_key_version ON case_files (structure_id, key_version);
