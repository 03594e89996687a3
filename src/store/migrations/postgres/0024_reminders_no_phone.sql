-- PostgreSQL twin of sqlite/0024_reminders_no_phone.sql. A reminder she chose while no phone
-- number is on file is kept, with the status `no_phone` (its job carries no number): the
-- person and her relais see why nothing will be sent, and the reminders not sent yet follow
-- her number when she (or her relais) adds or changes it.
ALTER TABLE reminders DROP CONSTRAINT reminders_status_check;
ALTER TABLE reminders ADD CONSTRAINT reminders_status_check CHECK (status IN ('scheduled', 'no_phone', 'sent', 'delivered', 'failed'));
-- Her reminders not sent yet, when her number changes.
CREATE INDEX reminders_beneficiary ON reminders (beneficiary_id, status);
