//! The context strings bound into every sealed value (associated data, docs/encryption.md):
//! one function per kind of ciphertext, named after the column that stores it. Binding the row's
//! ids makes a ciphertext copied to another row fail to open. Tools that must write exactly what
//! the product writes (the benchmark's data generator) use these too, and a test keeps
//! docs/encryption.md in step with them.

use crate::domain::{
    AccountId, BeneficiaryId, FolderId, FollowupId, ItemId, MessageId, NewsId, StructureId,
    ThreadId,
};

// Accounts, safes, relais, resets, memberships, sessions.
pub fn verifier(aid: &AccountId) -> String {
    format!("accounts.password_verifier|{aid}")
}
pub fn secret_key(aid: &AccountId) -> String {
    format!("accounts.secret_key|{aid}")
}
pub fn totp(aid: &AccountId) -> String {
    format!("accounts.totp_secret|{aid}")
}
pub fn vault_password(bid: &BeneficiaryId) -> String {
    format!("beneficiaries.vault_key/password|{bid}")
}
pub fn vault_recovery(bid: &BeneficiaryId) -> String {
    format!("beneficiaries.vault_key/recovery|{bid}")
}
pub fn recovery_verifier(bid: &BeneficiaryId) -> String {
    format!("beneficiaries.recovery_verifier|{bid}")
}
pub fn question_verifier(bid: &BeneficiaryId) -> String {
    format!("security_questions.verifier|{bid}")
}
pub fn question_vault(bid: &BeneficiaryId) -> String {
    format!("security_questions.vault_key|{bid}")
}
pub fn question_text(bid: &BeneficiaryId) -> String {
    format!("security_questions.question|{bid}")
}
pub fn identity_key(bid: &BeneficiaryId) -> String {
    format!("beneficiaries.identity_key|{bid}")
}
pub fn identity(bid: &BeneficiaryId) -> String {
    format!("beneficiaries.identity|{bid}")
}
pub fn relay_identity(bid: &BeneficiaryId, sid: &StructureId) -> String {
    format!("relays.identity_key|{bid}|{sid}")
}
pub fn relay_recovery(bid: &BeneficiaryId, sid: &StructureId) -> String {
    format!("relays.vault_key|{bid}|{sid}")
}
/// HKDF info deriving a structure's directory key from its private key.
pub fn directory_key(sid: &StructureId) -> String {
    format!("relays.directory_key|{sid}")
}
/// AEAD associated data of her entry in the structure's directory.
pub fn directory_entry(bid: &BeneficiaryId, sid: &StructureId) -> String {
    format!("relays.directory_entry|{bid}|{sid}")
}
/// HKDF info deriving a structure's case-file key from its private key.
pub fn case_file_key(sid: &StructureId) -> String {
    format!("case_files.key|{sid}")
}
/// AEAD associated data of the case file a structure keeps on her.
pub fn case_file(bid: &BeneficiaryId, sid: &StructureId) -> String {
    format!("case_files.sealed|{bid}|{sid}")
}
pub fn reset_verifier(bid: &BeneficiaryId) -> String {
    format!("relay_resets.verifier|{bid}")
}
pub fn reset_vault(bid: &BeneficiaryId) -> String {
    format!("relay_resets.vault_key|{bid}")
}
pub fn structure_key(sid: &StructureId, aid: &AccountId) -> String {
    format!("memberships.structure_key|{sid}|{aid}")
}
pub fn session(aid: &AccountId) -> String {
    format!("sessions.keys|{aid}")
}

// Items: keys, metadata, content, folders, expiry dates.
pub fn item_key_vault(bid: &BeneficiaryId, id: &ItemId) -> String {
    format!("items.key/vault|{bid}|{id}")
}
pub fn item_key_owner(bid: &BeneficiaryId, id: &ItemId) -> String {
    format!("items.key/owner|{bid}|{id}")
}
pub fn item_key_share(id: &ItemId, sid: &StructureId) -> String {
    format!("item_shares.key|{id}|{sid}")
}
pub fn item_meta(bid: &BeneficiaryId, id: &ItemId) -> String {
    format!("items.meta|{bid}|{id}")
}
pub fn blob(bid: &BeneficiaryId, id: &ItemId, part: &str) -> String {
    format!("blob|{bid}|{id}|{part}")
}
pub fn folder_name(bid: &BeneficiaryId, id: &FolderId) -> String {
    format!("folders.name|{bid}|{id}")
}
pub fn expiry(id: &ItemId) -> String {
    format!("items.expires|{id}")
}

// Structure key versions.
/// Version `version`'s private key, wrapped to version `version + 1`'s public key.
pub fn structure_key_successor(sid: &StructureId, version: i64) -> String {
    format!("structure_keys.successor|{sid}|{version}")
}

// The private calendar feed (`FEED_TOKEN_INDEX` is a blind index domain, not a context).
pub const FEED_KEY: &str = "consigne/v1/calendar-feed/key";
pub const FEED_TOKEN_INDEX: &str = "calendar_feed";
pub fn feed_token(bid: &BeneficiaryId, feed: &str) -> String {
    format!("calendar_feeds.token|{bid}|{feed}")
}
pub fn feed_item_key(feed: &str, item: &ItemId) -> String {
    format!("calendar_feed_keys.key|{feed}|{item}")
}

// Share links (service/links.rs; `LINK_TOKEN_INDEX` is a blind index domain, not a context).
pub const LINK_KEY: &str = "consigne/v1/share-link/key";
pub const LINK_PIN_KEY: &str = "consigne/v1/share-link/pin";
pub const LINK_TOKEN_INDEX: &str = "share_link";
/// The link's token, sealed to her public key (she sees her address again).
pub fn link_token(bid: &BeneficiaryId, link: &str) -> String {
    format!("share_links.token|{bid}|{link}")
}
/// The document's item key, wrapped to the link's public key.
pub fn link_item_key(link: &str, item: &ItemId) -> String {
    format!("share_links.key_wrap|{link}|{item}")
}
/// The link's details (its watermark), under the document's item key.
pub fn link_details(bid: &BeneficiaryId, link: &str) -> String {
    format!("share_links.details|{bid}|{link}")
}

// Scan drafts: pages waiting to become a document (service/items/scan.rs).
pub fn scan_manifest(bid: &BeneficiaryId, draft: &str) -> String {
    format!("scan_drafts.manifest|{bid}|{draft}")
}
pub fn scan_page(bid: &BeneficiaryId, draft: &str) -> String {
    format!("scan_drafts.page|{bid}|{draft}")
}

// Follow-ups (service/followups.rs).
/// HKDF info deriving a structure's follow-up key from its private key.
pub fn followup_key(sid: &StructureId) -> String {
    format!("followups.key|{sid}")
}
/// Both parts of a follow-up, under the structure's follow-up key.
pub fn followup_structure(bid: &BeneficiaryId, sid: &StructureId, id: &FollowupId) -> String {
    format!("followups.structure_sealed|{bid}|{sid}|{id}")
}
/// A structure's news key N_s, derived from its private key.
pub fn news_key(sid: &StructureId) -> String {
    format!("news.key|{sid}")
}
/// A news text and its translations, under the structure's news key.
pub fn news_structure(sid: &StructureId, id: &NewsId) -> String {
    format!("news.structure_sealed|{sid}|{id}")
}
/// A news text and its translations, sealed to one recipient's public key.
pub fn news_recipient(bid: &BeneficiaryId, id: &NewsId) -> String {
    format!("news.recipient_sealed|{bid}|{id}")
}
/// The part shared with her, sealed to her public key.
pub fn followup_shared(bid: &BeneficiaryId, id: &FollowupId) -> String {
    format!("followups.shared_sealed|{bid}|{id}")
}

// Messages between her and a relais (service/messages.rs).
/// A thread's key, wrapped by her vault key.
pub fn thread_key_vault(bid: &BeneficiaryId, id: &ThreadId) -> String {
    format!("threads.key/vault|{bid}|{id}")
}
/// A thread's key, wrapped to her public key.
pub fn thread_key_owner(bid: &BeneficiaryId, id: &ThreadId) -> String {
    format!("threads.key/owner|{bid}|{id}")
}
/// A thread's key, wrapped to the structure's public key.
pub fn thread_key_structure(id: &ThreadId, sid: &StructureId) -> String {
    format!("threads.key/structure|{id}|{sid}")
}
/// A message's text, under its thread's key.
pub fn thread_message(thread: &ThreadId, id: &MessageId) -> String {
    format!("thread_messages.body|{thread}|{id}")
}

// A structure's convention with the operator (service/licences.rs): the platform's own
// document, readable by the operator by design.
/// The signed PDF's content key, sealed by the platform key.
pub fn convention_document_key(sid: &StructureId, doc: &str) -> String {
    format!("conventions.document_key|{sid}|{doc}")
}
/// The signed PDF's blob (STREAM chunks), under its content key.
pub fn convention_document(sid: &StructureId, doc: &str) -> String {
    format!("conventions.document|{sid}|{doc}")
}

// Partner software: the answer of an idempotent creation.
pub fn idempotency_response(aid: &AccountId, key: &str) -> String {
    format!("idempotency_keys.response|{aid}|{key}")
}

// The job queue.
pub fn job_payload(id: &str) -> String {
    format!("jobs.payload|{id}")
}

// A household (service/household.rs).
/// The name one side of a link shows the other, sealed to the other's public key.
pub fn household_name(link: &str, bid: &BeneficiaryId) -> String {
    format!("household_links.name|{link}|{bid}")
}
/// HKDF info deriving the key her dependants are sealed under from her identity key.
pub fn household_dependant_key(bid: &BeneficiaryId) -> String {
    format!("household_dependants.key|{bid}")
}
/// AEAD associated data of one of her dependants.
pub fn household_dependant(bid: &BeneficiaryId, dependant: &str) -> String {
    format!("household_dependants.sealed|{bid}|{dependant}")
}

// HKDF infos of the keys the service derives (`consigne_vault::derive_key`).
/// The session key, from the session token.
pub const SESSION_KEY: &str = "consigne/v1/session";
/// The CSRF token (its first 16 bytes, hex), from the session token.
pub const CSRF_KEY: &str = "consigne/v1/csrf";
/// The key her folder names are sealed under, from her vault key.
pub const FOLDER_NAMES_KEY: &str = "consigne/v1/folder-names";
/// The key a session's scan drafts are sealed under, from the session key.
pub const SCAN_DRAFT_KEY: &str = "consigne/v1/scan-drafts";
/// The key a partner client's account secret is wrapped under, from its client secret.
pub const CLIENT_SECRET_KEY: &str = "consigne/v1/partner-client";
/// The key an idempotent creation's answer is sealed under, from the structure key.
pub const IDEMPOTENCY_KEY: &str = "consigne/v1/idempotency";

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    const DOC: &str = include_str!("../../docs/encryption.md");
    const SOURCE: &str = include_str!("contexts.rs");

    /// The placeholders docs/encryption.md uses for ids.
    fn a() -> AccountId {
        AccountId::stored("<a>".into())
    }
    fn b() -> BeneficiaryId {
        BeneficiaryId::stored("<b>".into())
    }
    fn item() -> ItemId {
        ItemId::stored("<item>".into())
    }
    fn s() -> StructureId {
        StructureId::stored("<s>".into())
    }

    /// Every context the code makes, with the placeholders docs/encryption.md uses for ids.
    fn contexts() -> BTreeSet<String> {
        let k = 424_242;
        [
            verifier(&a()),
            secret_key(&a()),
            totp(&a()),
            vault_password(&b()),
            vault_recovery(&b()),
            recovery_verifier(&b()),
            question_verifier(&b()),
            question_vault(&b()),
            question_text(&b()),
            identity_key(&b()),
            identity(&b()),
            relay_identity(&b(), &s()),
            relay_recovery(&b(), &s()),
            directory_key(&s()),
            directory_entry(&b(), &s()),
            case_file_key(&s()),
            case_file(&b(), &s()),
            reset_verifier(&b()),
            reset_vault(&b()),
            structure_key(&s(), &a()),
            session(&a()),
            item_key_vault(&b(), &item()),
            item_key_owner(&b(), &item()),
            item_key_share(&item(), &s()),
            item_meta(&b(), &item()),
            blob(&b(), &item(), "<part>"),
            folder_name(&b(), &FolderId::stored("<folder>".into())),
            expiry(&item()),
            structure_key_successor(&s(), k).replace(&k.to_string(), "<k>"),
            feed_token(&b(), "<f>"),
            feed_item_key("<f>", &item()),
            job_payload("<job>"),
            idempotency_response(&a(), "<key>"),
            convention_document_key(&s(), "<doc>"),
            convention_document(&s(), "<doc>"),
            followup_key(&s()),
            followup_structure(&b(), &s(), &FollowupId::stored("<f>".into())),
            followup_shared(&b(), &FollowupId::stored("<f>".into())),
            news_key(&s()),
            news_structure(&s(), &NewsId::stored("<n>".into())),
            news_recipient(&b(), &NewsId::stored("<n>".into())),
            scan_manifest(&b(), "<draft>"),
            scan_page(&b(), "<draft>"),
            household_name("<link>", &b()),
            household_dependant_key(&b()),
            household_dependant(&b(), "<dep>"),
            link_token(&b(), "<l>"),
            link_item_key("<l>", &item()),
            link_details(&b(), "<l>"),
            thread_key_vault(&b(), &ThreadId::stored("<t>".into())),
            thread_key_owner(&b(), &ThreadId::stored("<t>".into())),
            thread_key_structure(&ThreadId::stored("<t>".into()), &s()),
            thread_message(
                &ThreadId::stored("<t>".into()),
                &MessageId::stored("<m>".into()),
            ),
        ]
        .into_iter()
        .collect()
    }

    const DERIVED: [&str; 9] = [
        SESSION_KEY,
        CSRF_KEY,
        FOLDER_NAMES_KEY,
        FEED_KEY,
        SCAN_DRAFT_KEY,
        LINK_KEY,
        LINK_PIN_KEY,
        CLIENT_SECRET_KEY,
        IDEMPOTENCY_KEY,
    ];

    /// The code before the tests: what a new context function or constant would change.
    fn code() -> &'static str {
        SOURCE.split("#[cfg(test)]").next().unwrap_or_default()
    }

    /// The first column of the table between `<!-- <name>: begin -->` and `<!-- <name>: end -->`.
    fn table(name: &str) -> BTreeSet<String> {
        let begin = format!("<!-- {name}: begin -->");
        let end = format!("<!-- {name}: end -->");
        let Some((_, rest)) = DOC.split_once(&begin) else {
            return BTreeSet::new();
        };
        let body = rest.split(&end).next().unwrap_or_default();
        body.lines()
            .filter_map(|l| l.strip_prefix("| `"))
            .filter_map(|l| l.split_once("` |").map(|(c, _)| c.replace("\\|", "|")))
            .collect()
    }

    /// Every string of the page, quoted or in backticks, shaped like a context (`x|<id>`).
    fn mentioned() -> BTreeSet<String> {
        // Fences (```) would upset the pairing of backticks.
        let doc = DOC.replace("```", "").replace("\\|", "|");
        let mut out = BTreeSet::new();
        for quote in ['"', '`'] {
            for (i, part) in doc.split(quote).enumerate() {
                if i % 2 == 1 && part.contains("|<") && !part.contains(char::is_whitespace) {
                    out.insert(part.to_owned());
                }
            }
        }
        out
    }

    #[test]
    fn every_context_is_tested_here() {
        // A new context function or constant must join the lists above (and so the page).
        assert_eq!(code().matches("pub fn ").count(), contexts().len());
        // The blind index domains `FEED_TOKEN_INDEX` and `LINK_TOKEN_INDEX` are the other two.
        assert_eq!(code().matches("pub const ").count(), DERIVED.len() + 2);
    }

    #[test]
    fn the_page_lists_exactly_the_code_contexts() {
        let listed = table("contexts");
        let made = contexts();
        let missing: Vec<_> = made.difference(&listed).collect();
        let unknown: Vec<_> = listed.difference(&made).collect();
        assert!(
            missing.is_empty() && unknown.is_empty(),
            "docs/encryption.md lacks {missing:?} and lists {unknown:?}, which the code never makes"
        );
    }

    #[test]
    fn every_context_the_page_mentions_is_the_code_s() {
        let made = contexts();
        let unknown: Vec<_> = mentioned()
            .into_iter()
            .filter(|c| !made.contains(c))
            .collect();
        assert!(
            unknown.is_empty(),
            "docs/encryption.md names contexts the code never makes: {unknown:?}"
        );
    }

    #[test]
    fn the_page_lists_exactly_the_derived_keys() {
        let listed = table("derived");
        let made: BTreeSet<String> = DERIVED.iter().map(|s| (*s).to_owned()).collect();
        assert_eq!(listed, made);
        assert!(DOC.contains(&format!("`{FEED_TOKEN_INDEX}`")));
        assert!(DOC.contains(&format!("`{LINK_TOKEN_INDEX}`")));
    }
}
