-- Throttling that never locks out the person who knows her password (SECURITY.md, promise 7):
-- the (identifier, address) pairs that logged in successfully lately. An attempt from such a
-- pair is not refused because other people failed from that address or on that identifier
-- elsewhere; only its own pair's failures slow it down. The key is a blind index of the pair:
-- neither the identifier nor the address is stored.
CREATE TABLE login_known (
    key BLOB PRIMARY KEY,
    last_success_at INTEGER NOT NULL
);
