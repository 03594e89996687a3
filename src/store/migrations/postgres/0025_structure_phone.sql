-- A structure's phone number, printed on the recovery sheet of the people who chose it as a
-- recovery relais (the place to call or go back to). A structure's details are public, not
-- sealed: its name is in clear already.
ALTER TABLE structures ADD COLUMN phone TEXT;
