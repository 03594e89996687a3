-- Proofs (issue 16): see sqlite/0036_proofs.sql.
CREATE TABLE structure_profiles (
    structure_id TEXT PRIMARY KEY REFERENCES structures (id) ON DELETE CASCADE,
    category TEXT NOT NULL CHECK (category IN ('ccas', 'cias', 'association', 'other')),
    shelter TEXT CHECK (shelter IN ('chrs', 'chu', 'hotel')),
    postal_address TEXT NOT NULL,
    mail_address TEXT,
    approval_number TEXT,
    prefecture TEXT,
    manager_name TEXT NOT NULL,
    manager_function TEXT NOT NULL,
    email TEXT,
    logo BYTEA,
    logo_type TEXT,
    updated_at BIGINT NOT NULL
);
-- The kinds of items gain 'domiciliation', right after 'simulation' whatever follows it.
DO $$
DECLARE def text;
BEGIN
    SELECT pg_get_constraintdef(oid) INTO def FROM pg_constraint
        WHERE conname = 'items_kind_check' AND conrelid = 'items'::regclass;
    EXECUTE 'ALTER TABLE items DROP CONSTRAINT items_kind_check';
    EXECUTE 'ALTER TABLE items ADD CONSTRAINT items_kind_check '
        || replace(def, '''simulation''::text', '''simulation''::text, ''domiciliation''::text');
END $$;
