-- Proofs (issue 16). A structure's profile, printed on the papers it gives (domiciliation
-- cerfas, hosting certificates): public details, not sealed, like its name and phone (0025).
-- `category` says what it is in law (CCAS, CIAS, an association, which needs an approval and
-- its prefecture to domicile people); `shelter` what housing it runs, if any (CHRS, CHU,
-- hotel: it may then give hosting certificates). The logo is small and bounded (PNG/JPEG).
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
    logo BLOB,
    logo_type TEXT,
    updated_at INTEGER NOT NULL
);
-- A domiciliation record is an item of her safe (kind 'domiciliation'): its decision and
-- dates sealed in `meta_sealed` under the item's own key, shared with the structure that
-- decided, journaled. The CHECK is widened in place as 0033 does, right after 'simulation'
-- whatever follows it (so that both backends list the kinds in the same order).
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
    SET sql = replace(sql, '''simulation''', '''simulation'', ''domiciliation''')
    WHERE type = 'table' AND name = 'items';
PRAGMA writable_schema = OFF;
