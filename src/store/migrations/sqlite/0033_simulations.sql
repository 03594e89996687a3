-- A benefit simulation is an item of her safe (issue 15): its input and results are sealed in
-- `meta_sealed` under the item's own key, wrapped, shared and journaled like a note.
-- SQLite cannot change a CHECK constraint, and rebuilding `items` would cascade into every
-- table that references it: the CHECK is widened in place, the documented way for a
-- constraint every existing row still meets (sqlite.org/lang_altertable.html, "making other
-- kinds of table schema changes"). The migration runner then bumps `schema_version`, so
-- every open connection reloads the schema.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
    SET sql = replace(sql, 'CHECK (kind IN (''document'', ''contact'', ''note'', ''event''))', 'CHECK (kind IN (''document'', ''contact'', ''note'', ''event'', ''simulation''))')
    WHERE type = 'table' AND name = 'items';
PRAGMA writable_schema = OFF;
