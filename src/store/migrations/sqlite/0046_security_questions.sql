-- The optional security question (issue 17, item 7; docs/encryption.md, "security question").
-- One row per safe that set one; deleting the row removes the question. Nothing here is
-- readable without her: the answer is never stored, only the platform-sealed verifier of
-- Argon2id(normalised answer, salt) and the vault key wrapped under the key derived with it;
-- the question itself is sealed under her vault key (she reads it in her settings, the operator
-- and professionals never do).
CREATE TABLE security_questions (
    beneficiary_id TEXT PRIMARY KEY REFERENCES beneficiaries (id) ON DELETE CASCADE,
    kdf_params TEXT NOT NULL,
    salt BLOB NOT NULL,
    verifier BLOB NOT NULL,
    vault_wrap BLOB NOT NULL,
    question_sealed BLOB NOT NULL,
    set_at INTEGER NOT NULL
);
