//! The directory of the people a structure follows: what its list shows (her name and birth
//! date), one entry per relais row, sealed under a symmetric key derived from the structure's
//! private key. The list reads one page of rows and opens each with one AEAD, instead of an
//! X25519 unwrap of her identity key and the opening of her identity record per person.
//!
//! The hard part is who can write an entry: only someone holding the structure key. At
//! opening the professional does (when her membership is approved). When she accepts an
//! invitation she cannot (she has the structure's public key only), so her row has no entry
//! until the next listing by a member reaches it: that listing opens her identity the old way,
//! once, and writes the entry (the same covers rows older than the directory, and an entry no
//! key version opens). Leaving deletes the relais row and its entry; a key rotation re-seals
//! the entries with the new key (`members.rs`); a change of what the entry shows clears her
//! entries (`store::beneficiaries::clear_directory`). The operator reads none of it: the entry
//! is sealed by the structure key, then by the platform key like every sealed column.

use super::{App, ServiceResult, Session};
use crate::domain::{BeneficiaryId, StructureId};
use crate::service::auth::identity::{IdentityRecord, identity_via_structure};
use crate::service::contexts as ctx;
use crate::store::beneficiaries::{self, DirectoryRow};
use consigne_vault::{Key32, PlatformKey};
use serde::{Deserialize, Serialize};

/// A person a structure follows, as its list shows her.
#[derive(Debug, Clone, Serialize)]
pub struct FollowedPerson {
    pub id: BeneficiaryId,
    /// Her login identifier: its homonym suffix tells apart two people of the same name and
    /// birth date.
    pub identifier: String,
    pub first_name: String,
    pub last_name: String,
    pub birth_date: String,
}

impl FollowedPerson {
    pub(crate) fn from_identity(id: &BeneficiaryId, identity: &IdentityRecord) -> Self {
        Self {
            id: id.clone(),
            identifier: identity.identifier.clone(),
            first_name: identity.first_name.clone(),
            last_name: identity.last_name.clone(),
            birth_date: identity.birth_date.clone(),
        }
    }
}

/// What an entry holds. Entries written before the identifier was part of them have none:
/// they are written again from her identity, as an entry no key opens.
#[derive(Serialize, Deserialize)]
struct Entry {
    first_name: String,
    last_name: String,
    birth_date: String,
    #[serde(default)]
    identifier: String,
}

fn directory_key(structure_secret: &Key32, sid: &StructureId) -> Key32 {
    consigne_vault::derive_key(structure_secret.as_bytes(), &ctx::directory_key(sid))
}

/// Her entry in the directory of `sid`, sealed with the structure's private key
/// `structure_secret` (its current version). Public for the benchmark's data generator,
/// which writes what the product writes.
pub fn seal_directory_entry(
    platform: &PlatformKey,
    structure_secret: &Key32,
    sid: &StructureId,
    person: &FollowedPerson,
) -> Vec<u8> {
    let bid = &person.id;
    let entry = Entry {
        first_name: person.first_name.clone(),
        last_name: person.last_name.clone(),
        birth_date: person.birth_date.clone(),
        identifier: person.identifier.clone(),
    };
    let json = zeroize::Zeroizing::new(serde_json::to_vec(&entry).unwrap_or_default());
    let aad = ctx::directory_entry(bid, sid);
    seal_for_structure(platform, &directory_key(structure_secret, sid), &aad, &json)
}

/// Seals `plain` under `key` (derived from a structure's private key), then the platform key:
/// what only the structure's members open (its directory entries, its case files).
pub(super) fn seal_for_structure(
    platform: &PlatformKey,
    key: &Key32,
    aad: &str,
    plain: &[u8],
) -> Vec<u8> {
    platform.seal(aad, &consigne_vault::seal(key, aad, plain))
}

/// Opens what [`seal_for_structure`] sealed with whichever of `keys` (one per version of the
/// structure key) sealed it.
pub(super) fn open_for_structure(
    platform: &PlatformKey,
    keys: impl IntoIterator<Item = Key32>,
    aad: &str,
    sealed: &[u8],
) -> Option<zeroize::Zeroizing<Vec<u8>>> {
    let inner = platform.open(aad, sealed).ok()?;
    keys.into_iter()
        .find_map(|k| consigne_vault::open(&k, aad, &inner).ok())
}

/// Opens an entry with whichever of `secrets` (the structure key's versions) sealed it; `None`
/// when none does. Public for tests and tools, like `seal_directory_entry`.
pub fn open_directory_entry<'a>(
    platform: &PlatformKey,
    secrets: impl IntoIterator<Item = &'a Key32>,
    sid: &StructureId,
    bid: &BeneficiaryId,
    sealed: &[u8],
) -> Option<FollowedPerson> {
    let keys: Vec<Key32> = secrets.into_iter().map(|s| directory_key(s, sid)).collect();
    open_entry(platform, &keys, sid, bid, sealed)
}

/// Opens an entry with whichever of the directory keys `keys` (derived once per listing, not
/// per entry) sealed it.
fn open_entry(
    platform: &PlatformKey,
    keys: &[Key32],
    sid: &StructureId,
    bid: &BeneficiaryId,
    sealed: &[u8],
) -> Option<FollowedPerson> {
    let aad = ctx::directory_entry(bid, sid);
    let json = open_for_structure(platform, keys.iter().cloned(), &aad, sealed)?;
    let e: Entry = serde_json::from_slice(&json).ok()?;
    if e.identifier.is_empty() {
        return None;
    }
    Some(FollowedPerson {
        id: bid.to_owned(),
        identifier: e.identifier,
        first_name: e.first_name,
        last_name: e.last_name,
        birth_date: e.birth_date,
    })
}

/// Re-seals an entry with the newest of `secrets` (a key rotation's batch); `None` when no
/// version opens it (the next listing writes it again).
pub(super) fn reseal_entry(
    platform: &PlatformKey,
    secrets: &[Key32],
    sid: &StructureId,
    bid: &BeneficiaryId,
    sealed: &[u8],
) -> Option<Vec<u8>> {
    let person = open_directory_entry(platform, secrets, sid, bid, sealed)?;
    let newest = secrets.first()?;
    Some(seal_directory_entry(platform, newest, sid, &person))
}

/// An entry the list had to write (the row had none, or none that opens).
pub(super) struct Missing {
    pub bid: BeneficiaryId,
    pub entry: Vec<u8>,
    pub identity_sealed: Vec<u8>,
}

impl App {
    /// The structure key's versions the session holds for `sid`, newest first.
    pub(super) fn structure_secrets(session: &Session, sid: &StructureId) -> Vec<Key32> {
        session
            .keys
            .structures
            .iter()
            .filter(|(s, _)| s == sid)
            .map(|(_, k)| k.clone())
            .collect()
    }

    /// Her entry for the directory of `sid`, if the session holds the structure key.
    pub(super) fn directory_entry_for(
        &self,
        session: &Session,
        sid: &StructureId,
        bid: &BeneficiaryId,
        identity: &IdentityRecord,
    ) -> Option<Vec<u8>> {
        let secrets = Self::structure_secrets(session, sid);
        let person = FollowedPerson::from_identity(bid, identity);
        secrets
            .first()
            .map(|s| seal_directory_entry(&self.platform, s, sid, &person))
    }
}

/// Writes the entries a listing had to make (a later listing reads them symmetrically).
pub(crate) async fn write_missing_entries(
    app: &App,
    sid: &StructureId,
    missing: Vec<Missing>,
) -> ServiceResult<()> {
    if missing.is_empty() {
        return Ok(());
    }
    let sid = sid.to_owned();
    app.tx(move |tx| {
        for m in &missing {
            beneficiaries::put_directory_entry(tx, &m.bid, &sid, &m.entry, &m.identity_sealed)?;
        }
        Ok(())
    })
    .await
}

/// Opens rows read without their identity columns (`store::people::list`): each entry with the
/// structure key; the rows whose entry is missing or opens with no key are read in full and
/// opened as [`open_directory`] does (their entries written). In the order of `rows`.
pub(crate) async fn open_light_rows(
    app: &App,
    session: &Session,
    sid: &StructureId,
    rows: Vec<DirectoryRow>,
) -> ServiceResult<Vec<FollowedPerson>> {
    let keys: Vec<Key32> = App::structure_secrets(session, sid)
        .iter()
        .map(|s| directory_key(s, sid))
        .collect();
    let opened: Vec<(BeneficiaryId, Option<FollowedPerson>)> = rows
        .into_iter()
        .map(|row| {
            let person = row
                .entry
                .as_deref()
                .and_then(|e| open_entry(&app.platform, &keys, sid, &row.beneficiary_id, e));
            (row.beneficiary_id, person)
        })
        .collect();
    let closed: Vec<BeneficiaryId> = opened
        .iter()
        .filter(|(_, p)| p.is_none())
        .map(|(bid, _)| bid.clone())
        .collect();
    let mut reopened: std::collections::HashMap<BeneficiaryId, FollowedPerson> =
        std::collections::HashMap::new();
    if !closed.is_empty() {
        let s2 = sid.clone();
        let full = app
            .read(move |tx| Ok(beneficiaries::directory_rows_of(tx, &s2, &closed)?))
            .await?;
        let (people, missing) = open_directory(app, session, sid, &full);
        write_missing_entries(app, sid, missing).await?;
        reopened.extend(people.into_iter().map(|p| (p.id.clone(), p)));
    }
    Ok(opened
        .into_iter()
        .filter_map(|(bid, p)| p.or_else(|| reopened.remove(&bid)))
        .collect())
}

/// Opens directory rows: each entry with the structure key; a row without a usable entry
/// through her identity wrap (X25519, once), giving the entry to write. A row that opens
/// neither way shows nothing (fail closed).
pub(crate) fn open_directory(
    app: &App,
    session: &Session,
    sid: &StructureId,
    rows: &[DirectoryRow],
) -> (Vec<FollowedPerson>, Vec<Missing>) {
    let keys: Vec<Key32> = App::structure_secrets(session, sid)
        .iter()
        .map(|s| directory_key(s, sid))
        .collect();
    let mut people = Vec::with_capacity(rows.len());
    let mut missing = Vec::new();
    for row in rows {
        let bid = &row.beneficiary_id;
        let opened = row
            .entry
            .as_deref()
            .and_then(|e| open_entry(&app.platform, &keys, sid, bid, e));
        if let Some(p) = opened {
            people.push(p);
            continue;
        }
        match identity_via_structure(
            app,
            &row.identity_wrap,
            &session.keys,
            bid,
            sid,
            &row.identity_sealed,
        ) {
            Ok(identity) => {
                if let Some(entry) = app.directory_entry_for(session, sid, bid, &identity) {
                    missing.push(Missing {
                        bid: bid.clone(),
                        entry,
                        identity_sealed: row.identity_sealed.clone(),
                    });
                }
                people.push(FollowedPerson::from_identity(bid, &identity));
            }
            Err(e) => {
                tracing::warn!(error = %e, "a relais row without a usable key wrap was skipped");
            }
        }
    }
    (people, missing)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const SID: &str = "00000000-0000-4000-8000-000000000001";
    const OTHER: &str = "00000000-0000-4000-8000-000000000002";
    const BID: &str = "00000000-0000-4000-8000-000000000003";

    #[test]
    fn an_entry_opens_with_its_structure_key_only_and_for_its_row_only() {
        let platform = PlatformKey::generate();
        let (mine, theirs) = (Key32::random(), Key32::random());
        let (bid, other) = (
            BeneficiaryId::parse(BID).unwrap(),
            BeneficiaryId::parse(OTHER).unwrap(),
        );
        let (sid, other_sid) = (
            StructureId::parse(SID).unwrap(),
            StructureId::parse(OTHER).unwrap(),
        );
        let zoe = FollowedPerson {
            id: bid.clone(),
            identifier: "zoe.lefevre.05061987-2".into(),
            first_name: "Zoé".into(),
            last_name: "Lefèvre".into(),
            birth_date: "1987-06-05".into(),
        };
        let sealed = seal_directory_entry(&platform, &mine, &sid, &zoe);
        let p = open_directory_entry(&platform, [&mine], &sid, &bid, &sealed).unwrap();
        assert_eq!(
            (p.first_name.as_str(), p.last_name.as_str()),
            ("Zoé", "Lefèvre")
        );
        assert_eq!(p.birth_date, "1987-06-05");
        assert_eq!(p.identifier, "zoe.lefevre.05061987-2");
        // An entry written before the identifier was in it is written again (it opens as none).
        let aad = ctx::directory_entry(&bid, &sid);
        let older = br#"{"first_name":"Zo\u00e9","last_name":"L","birth_date":"1987-06-05"}"#;
        let older = seal_for_structure(&platform, &directory_key(&mine, &sid), &aad, older);
        assert!(open_directory_entry(&platform, [&mine], &sid, &bid, &older).is_none());
        // Another structure's key, or the entry moved to another row, opens nothing.
        assert!(open_directory_entry(&platform, [&theirs], &sid, &bid, &sealed).is_none());
        assert!(open_directory_entry(&platform, [&mine], &other_sid, &bid, &sealed).is_none());
        assert!(open_directory_entry(&platform, [&mine], &sid, &other, &sealed).is_none());
        // The operator's platform key alone does not show the name.
        let inner = platform
            .open(&ctx::directory_entry(&bid, &sid), &sealed)
            .unwrap();
        let text = String::from_utf8_lossy(&inner);
        assert!(!text.contains("Lef") && !text.contains("1987"), "{text}");
        // An older version among the keys still opens it; a re-seal moves it to the newest.
        let newer = Key32::random();
        assert!(open_directory_entry(&platform, [&newer, &mine], &sid, &bid, &sealed).is_some());
        let moved = reseal_entry(
            &platform,
            &[newer.clone(), mine.clone()],
            &sid,
            &bid,
            &sealed,
        )
        .unwrap();
        assert!(open_directory_entry(&platform, [&newer], &sid, &bid, &moved).is_some());
        assert!(open_directory_entry(&platform, [&mine], &sid, &bid, &moved).is_none());
    }
}
