-- The structure a journal line is about besides its actor: the relais an item was shared with,
-- or no longer (her journal names it). Part of the line's hash only when present, so the lines
-- written before keep their hashes (store/journal.rs).
ALTER TABLE journal ADD COLUMN about_structure TEXT;
