//! The bulk of the installation, written through the product's store layer (`consigne::store`)
//! in large transactions: the rows are those the service writes (same columns, same key
//! hierarchy and context strings as `src/service/{auth,beneficiaries,documents}.rs`, every
//! wrap and seal under the platform key), only made without the per-request overhead.
//!
//! What is shared to go fast, and why it does not change what the benchmark measures:
//! - bulk beneficiaries share one Argon2id derivation of their password and one of their
//!   recovery code (same salt, same verifier, same wrapping key): each still has her own vault
//!   key, identity key, key pair and wraps, and can log in (at the same Argon2id cost);
//! - bulk professionals (one per structure) share one staff password derivation likewise;
//! - public-key wraps made in one batch for the same recipient (a structure, or her own key
//!   pair) share one sealed box, i.e. one data key K and one ephemeral X25519 key ([`Boxes`]).
//!   Each wrap is still its own algorithm-2 ciphertext (same byte layout, its own context and
//!   nonce) and costs the server the same X25519 operation to open; only the generator is
//!   spared one X25519 key generation and exchange per wrap, which made up most of its time.
//!
//! Everything else is per row: each document has its own item key, its metadata sealed under
//! it, its key wrapped to her vault key (or to her public key when a professional added it)
//! and to each structure it is shared with.

use super::content;
use anyhow::{Context, Result, anyhow};
use consigne::domain::{
    AccountId, AccountKind, BeneficiaryId, ItemId, ItemKind, StructureId, StructureKind,
};
use consigne::store::accounts::{self, AccountRow};
use consigne::store::beneficiaries::{self, BeneficiaryRow};
use consigne::store::blobs::{BlobStore, BlobWrite};
use consigne::store::items::{self, ItemRow};
use consigne::store::journal::{self, JournalEntry};
use consigne::store::structures::{self, StructureRow};
use consigne::store::{Database, Sql, StoreError};
use consigne_vault::{DerivedSecret, Key32, KeyPair, PlatformKey, PublicKey};
use rand::Rng;
use rand::seq::SliceRandom;
use serde::Serialize;
use sha2::Digest;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// The product's own context strings.
pub(super) use consigne::service::contexts as ctx;

/// The identity record sealed under her identity key (`IdentityRecord` in the service).
#[derive(Serialize)]
struct IdentityRecord<'a> {
    first_name: &'a str,
    last_name: &'a str,
    birth_date: &'a str,
    phone: Option<&'a str>,
    language: &'a str,
    identifier: &'a str,
}

/// What a document's item key seals besides the content (`DocumentMeta` in the service).
#[derive(Serialize)]
struct DocumentMeta<'a> {
    name: &'a str,
    file_name: &'a str,
    content_type: &'a str,
    sha256: &'a str,
}

/// A structure as the bulk rows need it.
#[derive(Debug, Clone)]
pub(super) struct StructureInfo {
    pub id: StructureId,
    pub relay: bool,
    pub public: PublicKey,
    /// Its private key: the directory of the people it follows is sealed under a key derived
    /// from it, as the product writes it.
    pub secret: Key32,
    /// The professional who acts for it in journal lines and "added by".
    pub pro_id: String,
    pub pro_name: String,
}

/// Material shared by every bulk row.
pub(super) struct Shared<'a> {
    pub platform: &'a PlatformKey,
    pub blobs: Arc<dyn BlobStore>,
    pub kdf_params: String,
    pub password: &'a DerivedSecret,
    pub password_salt: [u8; 16],
    pub recovery: &'a DerivedSecret,
    pub recovery_salt: [u8; 16],
    pub structures: &'a [StructureInfo],
    pub now: i64,
    /// Global indexes (over all bulk documents) of those that get a real blob.
    pub sample: &'a HashSet<u64>,
}

/// One bulk beneficiary, planned on the main thread (names are checked for homonyms there).
#[derive(Debug, Clone)]
pub(super) struct PersonPlan {
    pub name: content::PersonName,
    pub identifier: String,
    pub primary: usize,
    pub second: Option<usize>,
    pub documents: u64,
    /// Index of her first document among all bulk documents.
    pub doc_offset: u64,
}

/// A safe whose documents are being made: her keys as the generator holds them.
pub(super) struct Safe<'a> {
    pub bid: &'a BeneficiaryId,
    pub vault: &'a Key32,
    pub public: &'a PublicKey,
    /// Indexes into `Shared::structures` of her relais, the first one opened the safe.
    pub relays: &'a [usize],
    pub created_at: i64,
}

#[derive(Debug)]
pub(super) struct RelayRow {
    bid: BeneficiaryId,
    sid: StructureId,
    since: i64,
    identity_wrap: Vec<u8>,
    recovery_wrap: Option<Vec<u8>>,
    /// Her entry in the structure's directory (`service/directory.rs`), with her sealed
    /// identity it was made from (the store writes it only while that is unchanged).
    directory: Vec<u8>,
    identity_sealed: Vec<u8>,
}

#[derive(Debug)]
pub(super) struct ShareRow {
    item: ItemId,
    sid: StructureId,
    wrap: Vec<u8>,
    at: i64,
}

/// Rows ready to insert in one transaction.
#[derive(Debug, Default)]
pub(super) struct Batch {
    accounts: Vec<AccountRow>,
    beneficiaries: Vec<BeneficiaryRow>,
    relays: Vec<RelayRow>,
    pub items: Vec<ItemRow>,
    shares: Vec<ShareRow>,
    journal: Vec<JournalEntry>,
    pub blobs: usize,
}

fn seal_wrap(p: &PlatformKey, aad: &str, wrapping: &Key32, key: &Key32) -> Vec<u8> {
    p.seal(aad, &consigne_vault::wrap_key(wrapping, aad, key))
}

fn seal_wrap_to(p: &PlatformKey, aad: &str, public: &PublicKey, key: &Key32) -> Vec<u8> {
    p.seal(aad, &consigne_vault::wrap_key_to(public, aad, key))
}

/// One sealed box (carrying a data key K) per recipient, reused by the wraps of one batch:
/// `consigne_vault::wrap_key_to`'s layout (`docs/encryption.md`, algorithm 2) with K drawn once
/// per recipient instead of once per wrap.
#[derive(Default)]
pub(super) struct Boxes(HashMap<[u8; 32], (Key32, Vec<u8>)>);

/// Format version 1, algorithm 2 (public-key wrap), sealed box length 80 (u16, big-endian).
const WRAP_HEADER: [u8; 4] = [1, 2, 0, 80];

impl Boxes {
    fn wrap_to(&mut self, recipient: &PublicKey, aad: &str, key: &Key32) -> Result<Vec<u8>> {
        let (data_key, sealed_box) = match self.0.entry(*recipient.as_bytes()) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                let data_key = Key32::random();
                let sealed_box = crypto_box::PublicKey::from(*recipient.as_bytes())
                    .seal(&mut rand::rngs::OsRng, data_key.as_bytes())
                    .map_err(|_| anyhow!("sealed box"))?;
                e.insert((data_key, sealed_box))
            }
        };
        if sealed_box.len() != usize::from(WRAP_HEADER[3]) {
            return Err(anyhow!("unexpected sealed box length {}", sealed_box.len()));
        }
        let payload = consigne_vault::seal(data_key, aad, key.as_bytes());
        let mut out = Vec::with_capacity(WRAP_HEADER.len() + sealed_box.len() + payload.len());
        out.extend_from_slice(&WRAP_HEADER);
        out.extend_from_slice(sealed_box);
        out.extend_from_slice(&payload);
        Ok(out)
    }

    /// The platform-sealed wrap of `key` to `recipient`, as stored.
    fn seal_wrap_to(
        &mut self,
        p: &PlatformKey,
        aad: &str,
        recipient: &PublicKey,
        key: &Key32,
    ) -> Result<Vec<u8>> {
        Ok(p.seal(aad, &self.wrap_to(recipient, aad, key)?))
    }
}

/// The bulk professionals' shared password derivation.
pub(super) struct Staff<'a> {
    pub kdf_params: &'a str,
    pub derived: &'a DerivedSecret,
    pub salt: [u8; 16],
}

/// Whether bulk structure `n` is a relay: one in ten is a mediation structure (it opens safes
/// but sees no content).
pub(super) fn is_relay(n: usize) -> bool {
    n % 10 != 9
}

/// Bulk structures and their professionals, ready to insert.
#[derive(Debug, Default)]
pub(super) struct Structures {
    rows: Vec<StructureRow>,
    accounts: Vec<AccountRow>,
    /// (structure, professional, sealed wrap of the structure's secret key to her).
    members: Vec<(StructureId, AccountId, Vec<u8>)>,
    pub infos: Vec<StructureInfo>,
}

/// The bulk structures numbered `numbers` (the fixture's is 0), each with one professional
/// (admin) holding its key.
pub(super) fn structures_batch(
    platform: &PlatformKey,
    staff: &Staff<'_>,
    rng: &mut impl Rng,
    numbers: std::ops::Range<usize>,
    now: i64,
) -> Structures {
    let (kdf_params, staff_salt, staff) = (staff.kdf_params, staff.salt, staff.derived);
    let mut out = Structures::default();
    let Structures {
        rows,
        accounts,
        members,
        infos,
    } = &mut out;
    for n in numbers {
        let sid = StructureId::stored(content::uuid(rng));
        let pair = KeyPair::generate();
        let relay = is_relay(n);
        let (name, city) = content::structure_name(rng, n);
        let created_at = now - rng.gen_range(400..4 * 365) * 86_400;
        rows.push(StructureRow {
            id: sid.clone(),
            name,
            kind: if relay {
                StructureKind::Relay
            } else {
                StructureKind::Mediation
            },
            city: Some(city),
            phone: None,
            annual_budget_eur: Some(rng.gen_range(50..5_000) * 1_000),
            public_key: Some(pair.public().as_bytes().to_vec()),
            created_at,
        });
        let aid = AccountId::stored(content::uuid(rng));
        let pro = KeyPair::generate();
        let email = super::bulk_professional_email(n);
        let pro_name = content::professional_name(rng);
        let aad = ctx::secret_key(&aid);
        accounts.push(AccountRow {
            id: aid.clone(),
            kind: AccountKind::Professional,
            login_index: platform.blind_index("login", &email).to_vec(),
            email: Some(email),
            display_name: Some(pro_name.clone()),
            language: Some("fr".into()),
            kdf_params: kdf_params.to_owned(),
            kdf_salt: staff_salt.to_vec(),
            password_verifier: platform.seal(&ctx::verifier(&aid), &staff.verifier),
            public_key: pro.public().as_bytes().to_vec(),
            secret_key_wrap: seal_wrap(platform, &aad, &staff.wrap_key, pro.secret()),
            totp_secret: None,
            totp_confirmed: false,
            totp_last_step: None,
            created_at,
            password_changed_at: created_at,
        });
        let maad = ctx::structure_key(&sid, &aid);
        members.push((
            sid.clone(),
            aid.clone(),
            seal_wrap_to(platform, &maad, &pro.public(), pair.secret()),
        ));
        infos.push(StructureInfo {
            id: sid,
            relay,
            public: pair.public(),
            secret: pair.secret().clone(),
            pro_id: aid.to_string(),
            pro_name,
        });
    }
    out
}

pub(super) fn insert_structures(db: &Database, s: &Structures) -> Result<()> {
    db.transaction_blocking(|tx| -> Result<(), StoreError> {
        for row in &s.rows {
            structures::insert(tx, row)?;
        }
        for a in &s.accounts {
            accounts::insert(tx, a)?;
        }
        for ((sid, aid, wrap), s) in s.members.iter().zip(&s.rows) {
            structures::add_member(tx, sid, aid, "admin", Some(wrap), s.created_at)?;
        }
        Ok(())
    })
    .context("inserting the structures")
}

/// The rows of a batch of bulk beneficiaries and their documents.
pub(super) fn people_batch(
    shared: &Shared<'_>,
    people: &[PersonPlan],
    rng: &mut impl Rng,
) -> Result<Batch> {
    let p = shared.platform;
    let today = time::OffsetDateTime::from_unix_timestamp(shared.now)
        .map(|t| t.date())
        .unwrap_or(time::Date::MIN);
    let mut batch = Batch::default();
    let mut boxes = Boxes::default();
    for person in people {
        let (aid, bid) = (
            AccountId::stored(content::uuid(rng)),
            BeneficiaryId::stored(content::uuid(rng)),
        );
        let (vault, identity_key, pair) = (Key32::random(), Key32::random(), KeyPair::generate());
        let created_at = shared.now - rng.gen_range(3_600..3 * 365 * 86_400);
        let primary = &shared.structures[person.primary];
        // Through the product's own validation, as a safe opened at a counter would be.
        let phone = person
            .name
            .phone
            .as_deref()
            .map(consigne::domain::Phone::parse)
            .transpose()
            .map_err(|e| anyhow!("generated phone refused: {e:?}"))?
            .flatten();
        consigne::domain::BirthDate::parse(&person.name.birth_date, today)
            .map_err(|e| anyhow!("generated birth date refused: {e:?}"))?;
        let record = IdentityRecord {
            first_name: &person.name.first,
            last_name: &person.name.last,
            birth_date: &person.name.birth_date,
            phone: phone.as_ref().map(|p| p.as_str()),
            language: person.name.language,
            identifier: &person.identifier,
        };
        let json = serde_json::to_vec(&record)?;
        let iaad = ctx::identity(&bid);
        let identity_sealed = p.seal(&iaad, &consigne_vault::seal(&identity_key, &iaad, &json));
        // Her entry in the directory of a structure that follows her: written at opening by
        // the product, and for an accepted invitation by the structure's first listing (here
        // already, as after that listing).
        let directory = |s: &StructureInfo| {
            consigne::service::seal_directory_entry(
                p,
                &s.secret,
                &s.id,
                &consigne::service::FollowedPerson {
                    id: bid.clone(),
                    identifier: person.identifier.clone(),
                    first_name: person.name.first.clone(),
                    last_name: person.name.last.clone(),
                    birth_date: person.name.birth_date.clone(),
                },
            )
        };
        batch.accounts.push(AccountRow {
            id: aid.clone(),
            kind: AccountKind::Beneficiary,
            login_index: p.blind_index("login", &person.identifier).to_vec(),
            email: None,
            display_name: None,
            language: None,
            kdf_params: shared.kdf_params.clone(),
            kdf_salt: shared.password_salt.to_vec(),
            password_verifier: p.seal(&ctx::verifier(&aid), &shared.password.verifier),
            public_key: pair.public().as_bytes().to_vec(),
            secret_key_wrap: seal_wrap(p, &ctx::secret_key(&aid), &vault, pair.secret()),
            totp_secret: None,
            totp_confirmed: false,
            totp_last_step: None,
            created_at,
            password_changed_at: created_at,
        });
        batch.beneficiaries.push(BeneficiaryRow {
            id: bid.clone(),
            account_id: aid.clone(),
            identity_sealed: identity_sealed.clone(),
            identity_key_wrap: seal_wrap(p, &ctx::identity_key(&bid), &vault, &identity_key),
            vault_wrap_password: seal_wrap(
                p,
                &ctx::vault_password(&bid),
                &shared.password.wrap_key,
                &vault,
            ),
            recovery_salt: shared.recovery_salt.to_vec(),
            recovery_verifier: p.seal(&ctx::recovery_verifier(&bid), &shared.recovery.verifier),
            vault_wrap_recovery: seal_wrap(
                p,
                &ctx::vault_recovery(&bid),
                &shared.recovery.wrap_key,
                &vault,
            ),
            opened_by_structure: Some(primary.id.clone()),
            created_at,
        });
        // Her first relais opened the safe and is her recovery relais; a second one, if any,
        // followed her later (an accepted invitation: identity only).
        let mut relays = vec![person.primary];
        let raad = ctx::relay_identity(&bid, &primary.id);
        let vaad = ctx::relay_recovery(&bid, &primary.id);
        batch.relays.push(RelayRow {
            bid: bid.clone(),
            sid: primary.id.clone(),
            since: created_at,
            identity_wrap: boxes.seal_wrap_to(p, &raad, &primary.public, &identity_key)?,
            recovery_wrap: Some(boxes.seal_wrap_to(p, &vaad, &primary.public, &vault)?),
            directory: directory(primary),
            identity_sealed: identity_sealed.clone(),
        });
        if let Some(second) = person.second {
            let s = &shared.structures[second];
            let aad = ctx::relay_identity(&bid, &s.id);
            batch.relays.push(RelayRow {
                bid: bid.clone(),
                sid: s.id.clone(),
                since: created_at + rng.gen_range(0..=(shared.now - created_at)),
                identity_wrap: boxes.seal_wrap_to(p, &aad, &s.public, &identity_key)?,
                recovery_wrap: None,
                directory: directory(s),
                identity_sealed: identity_sealed.clone(),
            });
            relays.push(second);
        }
        batch.journal.push(JournalEntry {
            id: content::uuid(rng),
            beneficiary_id: Some(bid.clone()),
            at: created_at,
            actor_kind: "professional".into(),
            actor_account: Some(AccountId::stored(primary.pro_id.clone())),
            actor_name: Some(primary.pro_name.clone()),
            actor_structure: Some(primary.id.clone()),
            action: "safe_opened".into(),
            target_kind: None,
            target_id: None,
            outcome: "success".into(),
            about_structure: None,
        });
        let safe = Safe {
            bid: &bid,
            vault: &vault,
            public: &pair.public(),
            relays: &relays,
            created_at,
        };
        documents(
            shared,
            &safe,
            person.documents,
            Some(person.doc_offset),
            rng,
            &mut boxes,
            &mut batch,
        )?;
    }
    // Her papers arrive over months, mixed with other people's: spread the rows in the table.
    batch.items.shuffle(rng);
    Ok(batch)
}

/// `count` documents of one safe: metadata only, or with a real encrypted blob for those whose
/// global index is in the sample (`offset` None: none of them).
pub(super) fn documents(
    shared: &Shared<'_>,
    safe: &Safe<'_>,
    count: u64,
    offset: Option<u64>,
    rng: &mut impl Rng,
    boxes: &mut Boxes,
    batch: &mut Batch,
) -> Result<()> {
    let p = shared.platform;
    for j in 0..count {
        let id = ItemId::stored(content::uuid(rng));
        let key = Key32::random();
        let created_at = safe.created_at + rng.gen_range(0..=(shared.now - safe.created_at).max(0));
        let name = content::document_name(rng);
        let sampled = offset.is_some_and(|o| shared.sample.contains(&(o + j)));
        let (size, sha256, content_type, file_name, blob) = if sampled {
            let size = rng.gen_range(20_000..400_000);
            let bytes = content::pdf(rng, name, size);
            let sha256 = hex::encode(consigne_vault::sha256(&bytes));
            let blob = write_blob(shared, &key, &ctx::blob(safe.bid, &id, "content"), &bytes)?;
            batch.blobs += 1;
            let size = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
            (
                size,
                sha256,
                "application/pdf",
                format!("scan_{j}.pdf"),
                Some(blob),
            )
        } else {
            let digest: [u8; 32] = rng.r#gen();
            let (content_type, file_name) = if rng.gen_bool(0.7) {
                ("application/pdf", format!("scan_{j}.pdf"))
            } else {
                (
                    "image/jpeg",
                    format!("IMG_{:04}.jpg", rng.gen_range(0..10_000)),
                )
            };
            (
                content::document_size(rng),
                hex::encode(digest),
                content_type,
                file_name,
                None,
            )
        };
        let meta = serde_json::to_vec(&DocumentMeta {
            name,
            file_name: &file_name,
            content_type,
            sha256: &sha256,
        })?;
        let maad = ctx::item_meta(safe.bid, &id);
        // One in five was added by a professional of one of her relais (relay structures
        // only): wrapped to her public key and shared with that structure, as `upload_document`
        // does. Of the others, one in ten is shared with her first relais.
        let relay_of = safe
            .relays
            .iter()
            .copied()
            .filter(|r| shared.structures[*r].relay)
            .collect::<Vec<_>>();
        let by_pro = !relay_of.is_empty() && rng.gen_bool(0.2);
        let (wrap_vault, wrap_owner, by, share_with) = if by_pro {
            let s = relay_of[rng.gen_range(0..relay_of.len())];
            let aad = ctx::item_key_owner(safe.bid, &id);
            (
                None,
                Some(boxes.seal_wrap_to(p, &aad, safe.public, &key)?),
                Some(s),
                Some(s),
            )
        } else {
            let aad = ctx::item_key_vault(safe.bid, &id);
            let share = relay_of.first().copied().filter(|_| rng.gen_bool(0.1));
            (
                Some(seal_wrap(p, &aad, safe.vault, &key)),
                None,
                None,
                share,
            )
        };
        if let Some(s) = share_with {
            let st = &shared.structures[s];
            let aad = ctx::item_key_share(&id, &st.id);
            batch.shares.push(ShareRow {
                item: id.clone(),
                sid: st.id.clone(),
                wrap: boxes.seal_wrap_to(p, &aad, &st.public, &key)?,
                at: created_at,
            });
        }
        let (blob_key, blob_sha256) = match blob {
            Some((k, d)) => (Some(k), Some(d)),
            None => (None, None),
        };
        batch.items.push(ItemRow {
            id,
            beneficiary_id: safe.bid.clone(),
            kind: ItemKind::Document,
            folder_id: None,
            meta_sealed: p.seal(&maad, &consigne_vault::seal(&key, &maad, &meta)),
            key_wrap_vault: wrap_vault,
            key_wrap_owner: wrap_owner,
            blob_key,
            thumb_key: None,
            size,
            expires_sealed: None,
            created_at,
            created_by_kind: if by.is_some() {
                AccountKind::Professional
            } else {
                AccountKind::Beneficiary
            },
            created_by_name: by.map(|s| shared.structures[s].pro_name.clone()),
            created_by_structure: by.map(|s| shared.structures[s].id.clone()),
            updated_at: created_at,
            blob_sha256,
            thumb_sha256: None,
            preview_key: None,
            preview_sha256: None,
            made_hers_at: None,
        });
    }
    Ok(())
}

/// Hashes the ciphertext on its way to the blob store (`consigne verify` checks it).
struct Hashing {
    inner: Box<dyn BlobWrite>,
    hasher: sha2::Sha256,
}

impl std::io::Write for Hashing {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Seals `bytes` into a new durable blob as `upload_document` does; returns (blob key, SHA-256
/// of the ciphertext).
fn write_blob(
    shared: &Shared<'_>,
    key: &Key32,
    context: &str,
    bytes: &[u8],
) -> Result<(String, String)> {
    let inner = shared
        .blobs
        .begin()
        .map_err(|e| anyhow!("blob store: {e}"))?;
    let mut w = Hashing {
        inner,
        hasher: sha2::Sha256::new(),
    };
    let blob_key = w.inner.key().to_owned();
    consigne_vault::stream::seal_stream(
        key,
        context,
        consigne_vault::stream::DEFAULT_CHUNK,
        bytes,
        &mut w,
    )
    .map_err(|e| anyhow!("sealing a blob: {e}"))?;
    let digest = hex::encode(w.hasher.finalize());
    w.inner.commit().map_err(|e| anyhow!("blob store: {e}"))?;
    Ok((blob_key, digest))
}

/// Inserts a batch in one transaction, through the store's repositories.
pub(super) fn insert_batch(db: &Database, batch: &Batch) -> Result<()> {
    let sqlite = matches!(db, Database::Sqlite(_));
    db.transaction_blocking(|tx: &mut dyn Sql| -> Result<(), StoreError> {
        if sqlite {
            // A larger page cache for this connection: the indexes on random ids stay in
            // memory while millions of rows go in (the server's own connections are unchanged).
            tx.execute("PRAGMA cache_size = -524288", &[])?;
        }
        for a in &batch.accounts {
            accounts::insert(tx, a)?;
        }
        for b in &batch.beneficiaries {
            beneficiaries::insert(tx, b)?;
            // As people who have logged in once: the terms accepted, the guide seen.
            consigne::store::onboarding::accept_terms(
                tx,
                &b.id,
                consigne::config::TERMS_VERSION,
                b.created_at,
            )?;
            consigne::store::onboarding::guide_done(tx, &b.id, b.created_at)?;
        }
        for r in &batch.relays {
            beneficiaries::add_relay(
                tx,
                &r.bid,
                &r.sid,
                r.since,
                &r.identity_wrap,
                r.recovery_wrap.as_deref(),
            )?;
            beneficiaries::put_directory_entry(
                tx,
                &r.bid,
                &r.sid,
                &r.directory,
                &r.identity_sealed,
            )?;
        }
        for i in &batch.items {
            items::insert(tx, i)?;
        }
        for s in &batch.shares {
            items::share(tx, &s.item, &s.sid, &s.wrap, s.at)?;
        }
        for e in &batch.journal {
            journal::append(tx, e)?;
        }
        Ok(())
    })
    .map_err(|e| anyhow!("inserting a batch: {e}"))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn reused_boxes_make_wraps_the_vault_opens() {
        let pair = KeyPair::generate();
        let mut boxes = Boxes::default();
        for n in 0..3 {
            let key = Key32::random();
            let aad = format!("items.key/owner|b|{n}");
            let wrap = boxes.wrap_to(&pair.public(), &aad, &key).unwrap();
            assert!(consigne_vault::unwrap_key_from(&pair, &aad, &wrap).unwrap() == key);
            assert!(consigne_vault::unwrap_key_from(&pair, "items.key/owner|b|x", &wrap).is_err());
        }
        assert_eq!(boxes.0.len(), 1);
    }
}
