-- PostgreSQL twin of sqlite/0034_procedures.sql. A procedure ("démarche", issue 15) is an
-- item of her safe, sealed like a simulation; its deadline is reminded by SMS
-- (`reminders.kind` 'deadline').
ALTER TABLE items DROP CONSTRAINT items_kind_check;
ALTER TABLE items ADD CONSTRAINT items_kind_check CHECK (kind IN ('document', 'contact', 'note', 'event', 'simulation', 'procedure'));
ALTER TABLE reminders DROP CONSTRAINT reminders_kind_check;
ALTER TABLE reminders ADD CONSTRAINT reminders_kind_check CHECK (kind IN ('event', 'expiry', 'deadline'));
