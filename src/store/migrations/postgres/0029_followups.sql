-- Follow-ups (interview reports) a structure writes about a person it follows. What statistics
-- count is clear metadata, deliberately (docs/threat-model.md): structure, person, author,
-- date, medium, status, due date and subjects (codes). The texts are sealed: the part shared
-- with her to her public key (`shared_sealed`, NULL without one), both parts under a key derived
-- from the structure's private key (`structure_sealed`, re-sealed at a key rotation:
-- `key_version`), each then under the platform key. No foreign key to her safe: a structure
-- keeps its records when she leaves it or closes her safe.
CREATE TABLE followups (
    id TEXT PRIMARY KEY,
    structure_id TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    beneficiary_id TEXT NOT NULL,
    author_account TEXT NOT NULL,
    author_name TEXT NOT NULL,
    date TEXT NOT NULL,
    medium TEXT NOT NULL,
    status TEXT NOT NULL,
    due_on TEXT,
    shared_sealed BYTEA,
    structure_sealed BYTEA NOT NULL,
    key_version BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX followups_person ON followups (structure_id, beneficiary_id, date);
CREATE INDEX followups_beneficiary ON followups (beneficiary_id);
CREATE INDEX followups_due ON followups (structure_id, due_on) WHERE due_on IS NOT NULL;
CREATE TABLE followup_subjects (
    followup_id TEXT NOT NULL REFERENCES followups (id) ON DELETE CASCADE,
    subject TEXT NOT NULL,
    PRIMARY KEY (followup_id, subject)
);
-- Documents of her safe, shared with the structure, attached to a follow-up (a link: opening
-- one is journaled like any other opening).
CREATE TABLE followup_documents (
    followup_id TEXT NOT NULL REFERENCES followups (id) ON DELETE CASCADE,
    item_id TEXT NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    PRIMARY KEY (followup_id, item_id)
);
-- The subjects a structure adds to the fixed list: the label is the structure's own wording
-- of a kind of request (no one's data), kept in clear for its statistics.
CREATE TABLE structure_subjects (
    structure_id TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (structure_id, code)
);
