//! The context strings bound into every sealed value (associated data, docs/encryption.md):
//! one function per kind of ciphertext, named after the column that stores it. Binding the row's
//! ids makes a ciphertext copied to another row fail to open. Tools that must write exactly what
//! the product writes (the benchmark's data generator) use these too, and a test keeps
//! docs/encryption.md in step with them.

// Accounts, safes, relais, resets, memberships, sessions.
pub fn verifier(aid: &str) -> String {
    format!("accounts.password_verifier|{aid}")
}
pub fn secret_key(aid: &str) -> String {
    format!("accounts.secret_key|{aid}")
}
pub fn totp(aid: &str) -> String {
    format!("accounts.totp_secret|{aid}")
}
pub fn vault_password(bid: &str) -> String {
    format!("beneficiaries.vault_key/password|{bid}")
}
pub fn vault_recovery(bid: &str) -> String {
    format!("beneficiaries.vault_key/recovery|{bid}")
}
pub fn recovery_verifier(bid: &str) -> String {
    format!("beneficiaries.recovery_verifier|{bid}")
}
pub fn identity_key(bid: &str) -> String {
    format!("beneficiaries.identity_key|{bid}")
}
pub fn identity(bid: &str) -> String {
    format!("beneficiaries.identity|{bid}")
}
pub fn relay_identity(bid: &str, sid: &str) -> String {
    format!("relays.identity_key|{bid}|{sid}")
}
pub fn relay_recovery(bid: &str, sid: &str) -> String {
    format!("relays.vault_key|{bid}|{sid}")
}
pub fn reset_verifier(bid: &str) -> String {
    format!("relay_resets.verifier|{bid}")
}
pub fn reset_vault(bid: &str) -> String {
    format!("relay_resets.vault_key|{bid}")
}
pub fn structure_key(sid: &str, aid: &str) -> String {
    format!("memberships.structure_key|{sid}|{aid}")
}
pub fn session(aid: &str) -> String {
    format!("sessions.keys|{aid}")
}

// Items: keys, metadata, content, folders, expiry dates.
pub fn item_key_vault(bid: &str, id: &str) -> String {
    format!("items.key/vault|{bid}|{id}")
}
pub fn item_key_owner(bid: &str, id: &str) -> String {
    format!("items.key/owner|{bid}|{id}")
}
pub fn item_key_share(id: &str, sid: &str) -> String {
    format!("item_shares.key|{id}|{sid}")
}
pub fn item_meta(bid: &str, id: &str) -> String {
    format!("items.meta|{bid}|{id}")
}
pub fn blob(bid: &str, id: &str, part: &str) -> String {
    format!("blob|{bid}|{id}|{part}")
}
pub fn folder_name(bid: &str, id: &str) -> String {
    format!("folders.name|{bid}|{id}")
}
pub fn expiry(id: &str) -> String {
    format!("items.expires|{id}")
}

// Structure key versions.
/// Version `version`'s private key, wrapped to version `version + 1`'s public key.
pub fn structure_key_successor(sid: &str, version: i64) -> String {
    format!("structure_keys.successor|{sid}|{version}")
}

// The private calendar feed.
pub const FEED_KEY: &str = "consigne/v1/calendar-feed/key";
pub const FEED_TOKEN_INDEX: &str = "calendar_feed";
pub fn feed_token(bid: &str, feed: &str) -> String {
    format!("calendar_feeds.token|{bid}|{feed}")
}
pub fn feed_item_key(feed: &str, item: &str) -> String {
    format!("calendar_feed_keys.key|{feed}|{item}")
}

// The job queue.
pub fn job_payload(id: &str) -> String {
    format!("jobs.payload|{id}")
}
