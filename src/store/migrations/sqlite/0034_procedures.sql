-- A procedure ("démarche", issue 15) is an item of her safe: its code, the history of its
-- statuses, its deadline and its filing receipt are sealed in `meta_sealed` under the item's
-- own key, wrapped, shared and journaled like a simulation. Its deadline is reminded by SMS
-- (`reminders.kind` 'deadline'). Both CHECKs are widened in place, as 0033 does (SQLite cannot
-- change a CHECK constraint; every existing row still meets the wider one).
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
    SET sql = replace(sql, 'CHECK (kind IN (''document'', ''contact'', ''note'', ''event'', ''simulation''))', 'CHECK (kind IN (''document'', ''contact'', ''note'', ''event'', ''simulation'', ''procedure''))')
    WHERE type = 'table' AND name = 'items';
UPDATE sqlite_schema
    SET sql = replace(sql, 'CHECK (kind IN (''event'', ''expiry''))', 'CHECK (kind IN (''event'', ''expiry'', ''deadline''))')
    WHERE type = 'table' AND name = 'reminders';
PRAGMA writable_schema = OFF;
