-- Structure news (issue 17, item 2): short information a structure posts to the people it
-- follows (opening hours, a workshop, a paper to bring). The text and its translations are
-- sealed twice: under the structure's news key N_s, derived from its private key like the
-- follow-up key (`structure_sealed`, re-sealed at a key rotation, `key_version`), and to each
-- recipient's public key (`news_recipients.sealed`): the operator, other structures and people
-- outside the audience read nothing. What stays clear: who posted, when, until when, and the
-- audience's referent (the referent is clear in `case_files` already).
CREATE TABLE structure_news (
    id TEXT PRIMARY KEY,
    structure_id TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    author_account TEXT NOT NULL,
    author_name TEXT NOT NULL,
    audience_referent TEXT,
    structure_sealed BLOB NOT NULL,
    key_version INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL
);
CREATE INDEX structure_news_structure ON structure_news (structure_id, created_at);
CREATE INDEX structure_news_key_version ON structure_news (structure_id, key_version);
CREATE INDEX structure_news_ends ON structure_news (ends_at);
-- One row per person the news was posted to; she hides it with `dismissed_at`.
CREATE TABLE news_recipients (
    news_id TEXT NOT NULL REFERENCES structure_news (id) ON DELETE CASCADE,
    beneficiary_id TEXT NOT NULL REFERENCES beneficiaries (id) ON DELETE CASCADE,
    sealed BLOB NOT NULL,
    dismissed_at INTEGER,
    PRIMARY KEY (news_id, beneficiary_id)
);
CREATE INDEX news_recipients_beneficiary ON news_recipients (beneficiary_id);
