-- An item a professional's structure added stays correctable by that structure (rename, move,
-- expiry date, delete) until the person makes it her own: she changes it herself, or stops
-- sharing it with that structure (docs/architecture.md, "Items a structure added"). NULL while
-- it is not hers; the time she made it hers otherwise. Her own items never need it.
ALTER TABLE items ADD COLUMN made_hers_at INTEGER;
