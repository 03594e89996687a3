-- The professional's list reads a page of the structure's directory instead of opening every
-- person's identity through the structure's public key. Each relais row carries her directory
-- entry: what the list shows (name, birth date), sealed under a symmetric key derived from the
-- structure's private key (docs/encryption.md), NULL until someone holding that key writes it
-- (at opening, else at the first listing that reaches the row: after she accepted an
-- invitation, and once for every row this migration finds).
ALTER TABLE relays ADD COLUMN directory_entry BLOB;
-- The list's order (newest relais first) as an index: a page is a range read.
CREATE INDEX relays_structure_since ON relays (structure_id, since, beneficiary_id);
-- The home page's papers to renew: only the documents with an expiry date are read.
CREATE INDEX items_expiring ON items (beneficiary_id) WHERE expires_sealed IS NOT NULL;
