-- A household (issue 14, item 3): links between the safes of a family, and the dependants a
-- person records in her safe (people who have no safe: a child, a dependent parent).
--
-- A link exists between two safes only when both people accepted it: `a_accepted_at` and
-- `b_accepted_at` are both set. One of them asks (her side is accepted at once), or a
-- professional of a structure that follows both proposes it (`proposed_by`: neither side is
-- accepted yet). Either person deletes the row to decline or undo it. `relation` is what `b` is
-- to `a` (a code from a fixed list): clear metadata, like the link itself. The names each side
-- sees are sealed to that side's public key (`name_for_a`: b's name, for a), then by the
-- platform key: the operator reads no name.
CREATE TABLE household_links (
    id TEXT PRIMARY KEY,
    a_id TEXT NOT NULL REFERENCES beneficiaries (id) ON DELETE CASCADE,
    b_id TEXT NOT NULL REFERENCES beneficiaries (id) ON DELETE CASCADE,
    relation TEXT NOT NULL CHECK (relation IN ('partner', 'child', 'parent', 'sibling', 'other')),
    a_accepted_at INTEGER,
    b_accepted_at INTEGER,
    name_for_a BLOB NOT NULL,
    name_for_b BLOB NOT NULL,
    proposed_by TEXT REFERENCES structures (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (a_id, b_id)
);
CREATE INDEX household_links_b ON household_links (b_id);

-- A dependant without a safe, recorded by the person: first name, birth date and relation,
-- sealed under a key derived from her identity key (what each of her relais already opens for
-- her name), then by the platform key. `household_dependant_shares` lists the relais she chose
-- to show it to (the others are not shown it).
CREATE TABLE household_dependants (
    id TEXT PRIMARY KEY,
    beneficiary_id TEXT NOT NULL REFERENCES beneficiaries (id) ON DELETE CASCADE,
    sealed BLOB NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX household_dependants_beneficiary ON household_dependants (beneficiary_id, created_at);

CREATE TABLE household_dependant_shares (
    dependant_id TEXT NOT NULL REFERENCES household_dependants (id) ON DELETE CASCADE,
    structure_id TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (dependant_id, structure_id)
);
