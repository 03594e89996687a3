-- SHA-256 of each stored blob's ciphertext: `consigne verify` checks stored bytes against it
-- without any key (the operator cannot decrypt, by design).
ALTER TABLE items ADD COLUMN blob_sha256 TEXT;
ALTER TABLE items ADD COLUMN thumb_sha256 TEXT;
