-- PostgreSQL twin of sqlite/0026_previews.sql (tests/api/postgres.rs checks that both folders
-- describe the same schema).
-- A PDF's pages rendered as images (one blob under the item key, context `blob|<b>|<item>|preview`)
-- and the SHA-256 of its ciphertext, checked by `consigne verify` like the other blobs.
ALTER TABLE items ADD COLUMN preview_key TEXT;
ALTER TABLE items ADD COLUMN preview_sha256 TEXT;
