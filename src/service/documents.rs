//! The safe's documents and folders: upload (type decided by content, images re-encoded, PDFs
//! neutralised), encrypted storage, listing, download, rename, move, delete, sharing per relais.
//! Every access is journaled. Access needs both the permission (policy) and a key: the person's
//! vault key or key pair, or a wrap addressed to the structure the item is shared with.

use super::paging::{PAGE_SIZE, Page, PageNumber};
use super::structures::{allow, allow_on_safe};
use super::upload::{InMemory, MemoryShare, Received, ScanPhotos, Upload};
use super::{App, JournalActor, ServiceError, ServiceResult, Session, journal, new_id, parse_id};
use crate::policy::{Action, Actor, Resource};
use crate::store::blobs::{BlobError, BlobStore};
use crate::store::items::{self, FolderFilter, FolderRow, ItemRow, ShareRow};
use crate::store::{Sql, beneficiaries, structures};
use consigne_vault::{Key32, PublicKey};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Context strings bound into documents' ciphertexts (see docs/encryption.md).
pub mod ctx {
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
}

/// Hashes what goes through to the blob store (the ciphertext, checked by `consigne verify`).
pub(super) struct HashingWriter {
    inner: Box<dyn crate::store::blobs::BlobWrite>,
    hasher: sha2::Sha256,
}

impl HashingWriter {
    pub(super) fn new(inner: Box<dyn crate::store::blobs::BlobWrite>) -> Self {
        Self {
            inner,
            hasher: sha2::Sha256::default(),
        }
    }

    pub(super) fn key(&self) -> &str {
        self.inner.key()
    }

    /// Makes the blob durable; returns the SHA-256 of what was written.
    pub(super) fn commit(self) -> Result<String, BlobError> {
        let digest = hex::encode(sha2::Digest::finalize(self.hasher));
        self.inner.commit()?;
        Ok(digest)
    }
}

impl std::io::Write for HashingWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        sha2::Digest::update(&mut self.hasher, &buf[..n]);
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// A sanitised upload: its bytes, its type, its thumbnail.
pub(super) type Processed = (Vec<u8>, consigne_media::Kind, Option<Vec<u8>>);

/// The HTTP layer never accepts more than this in one request, whatever the configuration
/// (`storage.max_file_mb`, 100 MB by default, is enforced while the bytes arrive).
pub const MAX_FILE_BYTES_CAP: usize = 1024 * 1024 * 1024;

#[derive(Debug, Default)]
pub struct NewDocument {
    pub content: Received,
    pub file_name: Option<String>,
    pub name: Option<String>,
    pub folder_id: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CreatedBy {
    pub kind: String,
    pub display_name: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocumentView {
    pub id: String,
    pub beneficiary_id: String,
    pub name: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    pub folder_id: Option<String>,
    pub created_at: String,
    pub created_by: CreatedBy,
    pub shared_with: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_on: Option<String>,
    pub has_thumbnail: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct FolderView {
    pub id: String,
    pub name: String,
    pub parent_id: Option<String>,
}

/// What the item key seals besides the content.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct DocumentMeta {
    name: String,
    file_name: String,
    content_type: String,
    sha256: String,
}

#[derive(Debug, Clone, Default)]
pub struct DocumentPatch {
    pub name: Option<String>,
    /// `Some(None)` moves to the top level.
    pub folder_id: Option<Option<String>>,
    /// `Some(None)` removes the expiry date.
    pub expires_on: Option<Option<String>>,
}

/// An opened item: its row, its key, how the caller reached it.
pub(super) struct Opened {
    pub(super) row: ItemRow,
    pub(super) key: Key32,
    pub(super) shares: Vec<ShareRow>,
    /// The structure through which a professional reached it.
    pub(super) via: Option<String>,
}

/// Who added an item, as its views tell it.
pub(super) fn created_by(row: &ItemRow) -> CreatedBy {
    CreatedBy {
        kind: row.created_by_kind.clone(),
        display_name: row.created_by_name.clone().unwrap_or_default(),
    }
}

/// The structures an item is shared with, as the caller may know them: all of them for the
/// person, only her own structures for a professional.
pub(super) fn visible_shares(session: &Session, shares: &[ShareRow]) -> Vec<String> {
    match &session.actor {
        Actor::Beneficiary { .. } => shares.iter().map(|s| s.structure_id.clone()).collect(),
        _ => shares
            .iter()
            .filter(|s| session.keys.structure_key(&s.structure_id).is_some())
            .map(|s| s.structure_id.clone())
            .collect(),
    }
}

/// Who holds a new item's key: (vault wrap, owner wrap, structure shared with by default).
pub(super) type NewWraps = (Option<Vec<u8>>, Option<Vec<u8>>, Option<String>);

/// The row of a new item without content (a document then adds its blobs).
pub(super) fn new_item_row(
    session: &Session,
    bid: &str,
    id: &str,
    kind: &str,
    meta_sealed: Vec<u8>,
    (key_wrap_vault, key_wrap_owner, share_with): NewWraps,
    now: i64,
) -> ItemRow {
    let by_person = matches!(session.actor, Actor::Beneficiary { .. });
    ItemRow {
        id: id.to_owned(),
        beneficiary_id: bid.to_owned(),
        kind: kind.to_owned(),
        folder_id: None,
        meta_sealed,
        key_wrap_vault,
        key_wrap_owner,
        blob_key: None,
        thumb_key: None,
        size: 0,
        expires_sealed: None,
        created_at: now,
        created_by_kind: if by_person {
            "beneficiary"
        } else {
            "professional"
        }
        .into(),
        created_by_name: (!by_person).then(|| session.keys.display_name.clone()),
        created_by_structure: share_with,
        updated_at: now,
        blob_sha256: None,
        thumb_sha256: None,
    }
}

pub(super) fn actor_of(session: &Session, via: Option<&str>) -> JournalActor {
    match &session.actor {
        Actor::Beneficiary { .. } => JournalActor::beneficiary(&session.account_id),
        _ => JournalActor {
            kind: "professional",
            account: Some(session.account_id.clone()),
            name: Some(session.keys.display_name.clone()),
            structure: via.map(str::to_owned),
        },
    }
}

pub(super) fn media_error(e: consigne_media::MediaError) -> ServiceError {
    match e {
        consigne_media::MediaError::Unsupported { detected } => {
            ServiceError::UnsupportedType(detected)
        }
        consigne_media::MediaError::TooManyPixels { .. } => {
            ServiceError::TooLarge("too_many_pixels")
        }
        consigne_media::MediaError::TooComplex => ServiceError::TooLarge("pdf_too_complex"),
        consigne_media::MediaError::Damaged => {
            ServiceError::Invalid(crate::domain::InvalidInput::new("file", "damaged_file"))
        }
    }
}

pub(super) fn blob_error(e: BlobError) -> ServiceError {
    match e {
        BlobError::Full => ServiceError::StorageFull,
        BlobError::NotFound => ServiceError::Internal("missing blob"),
        BlobError::Io(_) => ServiceError::Internal("blob storage"),
    }
}

/// Removes what must never reach a page or a file system from a user-given name: control
/// characters (NUL, CR, LF...), bidirectional overrides that disguise an extension, path
/// separators; bounds its length.
fn clean_name(raw: &str, max: usize) -> String {
    let cleaned: String = raw
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}'))
        .map(|c| if matches!(c, '/' | '\\') { '_' } else { c })
        .collect();
    cleaned
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(max)
        .collect()
}

/// A document name: what the person typed, else the file name without its extension.
fn document_name(name: Option<&str>, file_name: &str, fallback: &str) -> ServiceResult<String> {
    let typed = name.map(|n| clean_name(n, 200)).filter(|n| !n.is_empty());
    let raw = match typed {
        Some(n) => n,
        None => {
            let base = clean_name(
                file_name.rsplit(['/', '\\']).next().unwrap_or_default(),
                255,
            );
            let stem = base
                .rsplit_once('.')
                .map_or(base.as_str(), |(s, _)| s)
                .trim_matches(['.', ' '])
                .to_owned();
            let stem: String = stem.chars().take(200).collect();
            if stem.is_empty() {
                fallback.to_owned()
            } else {
                stem
            }
        }
    };
    Ok(crate::domain::ShortText::parse("name", &raw, 200)?.into_string())
}

fn parse_date(raw: &str) -> ServiceResult<String> {
    let f = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(raw.trim(), &f)
        .map(|d| format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day()))
        .map_err(|_| crate::domain::InvalidInput::new("expires_on", "invalid_date").into())
}

impl App {
    pub fn blobs(&self) -> &Arc<dyn BlobStore> {
        &self.blobs
    }

    /// The item key as this session may reach it, or 404 (no permission, or no key: fail closed).
    pub(super) fn item_key(
        &self,
        session: &Session,
        row: &ItemRow,
        shares: &[ShareRow],
    ) -> ServiceResult<(Key32, Option<String>)> {
        match &session.actor {
            Actor::Beneficiary { beneficiary_id, .. } if *beneficiary_id == row.beneficiary_id => {
                if let (Some(w), Some(vault)) = (&row.key_wrap_vault, &session.keys.vault) {
                    let aad = ctx::item_key_vault(&row.beneficiary_id, &row.id);
                    return Ok((
                        consigne_vault::unwrap_key(vault, &aad, &self.platform.open(&aad, w)?)?,
                        None,
                    ));
                }
                if let Some(w) = &row.key_wrap_owner {
                    let aad = ctx::item_key_owner(&row.beneficiary_id, &row.id);
                    let pair = session.keys.keypair();
                    return Ok((
                        consigne_vault::unwrap_key_from(
                            &pair,
                            &aad,
                            &self.platform.open(&aad, w)?,
                        )?,
                        None,
                    ));
                }
                Err(ServiceError::NotFound)
            }
            Actor::Professional { .. } => {
                for share in shares {
                    let aad = ctx::item_key_share(&row.id, &share.structure_id);
                    let opened = self
                        .platform
                        .open(&aad, &share.key_wrap)
                        .ok()
                        .and_then(|inner| {
                            session
                                .keys
                                .open_structure_wrap(&share.structure_id, &aad, &inner)
                        });
                    if let Some(k) = opened {
                        return Ok((k, Some(share.structure_id.clone())));
                    }
                }
                Err(ServiceError::NotFound)
            }
            _ => Err(ServiceError::NotFound),
        }
    }

    pub(super) async fn open_item(
        &self,
        session: &Session,
        id: &str,
        action: Action,
        kind: &'static str,
    ) -> ServiceResult<Opened> {
        let id = parse_id(id)?;
        let (row, shares, relays) = self
            .tx(move |tx| {
                let row = items::by_id(tx, &id)?
                    .filter(|r| r.kind == kind)
                    .ok_or(ServiceError::NotFound)?;
                let shares = items::shares_of(tx, &row.id)?;
                let relays = beneficiaries::relays_of(tx, &row.beneficiary_id)?;
                Ok((row, shares, relays))
            })
            .await?;
        let relay_ids: Vec<String> = relays.iter().map(|r| r.structure_id.clone()).collect();
        // A share only counts while the structure is still one of her relais.
        let shared_with: Vec<String> = shares
            .iter()
            .map(|s| s.structure_id.clone())
            .filter(|s| relay_ids.contains(s))
            .collect();
        allow(
            session,
            action,
            Resource::Item {
                owner: &row.beneficiary_id,
                shared_with: &shared_with,
                relays: &relay_ids,
            },
        )?;
        let live: Vec<ShareRow> = shares
            .iter()
            .filter(|s| shared_with.contains(&s.structure_id))
            .cloned()
            .collect();
        let (key, via) = self.item_key(session, &row, &live).map_err(|e| match e {
            ServiceError::NotFound => ServiceError::NotFound,
            other => {
                tracing::warn!(error = %other, "an item key did not open: refused");
                ServiceError::NotFound
            }
        })?;
        Ok(Opened {
            row,
            key,
            shares,
            via,
        })
    }

    /// Journals one access (view, download, export) to an opened item.
    pub(super) async fn journal_access(
        &self,
        session: &Session,
        o: &Opened,
        action: &'static str,
    ) -> ServiceResult<()> {
        let actor = actor_of(session, o.via.as_deref());
        let (bid, iid, now) = (o.row.beneficiary_id.clone(), o.row.id.clone(), self.now());
        let kind = o.row.kind.clone();
        self.tx(move |tx| {
            journal(
                tx,
                now,
                Some(&bid),
                &actor,
                action,
                Some((&kind, &iid)),
                true,
            )
        })
        .await
    }

    /// Opens an item's sealed metadata with its key.
    pub(super) fn open_meta<T: serde::de::DeserializeOwned>(
        &self,
        row: &ItemRow,
        key: &Key32,
    ) -> ServiceResult<T> {
        let aad = ctx::item_meta(&row.beneficiary_id, &row.id);
        let json = zeroize::Zeroizing::new(consigne_vault::open(
            key,
            &aad,
            &self.platform.open(&aad, &row.meta_sealed)?,
        )?);
        serde_json::from_slice(&json).map_err(|_| ServiceError::Internal("item meta"))
    }

    fn document_view(
        &self,
        row: &ItemRow,
        key: &Key32,
        shares: &[ShareRow],
        session: &Session,
    ) -> ServiceResult<DocumentView> {
        let meta: DocumentMeta = self.open_meta(row, key)?;
        let expires_on = match &row.expires_sealed {
            Some(s) => Some(
                String::from_utf8_lossy(&self.platform.open(&ctx::expiry(&row.id), s)?)
                    .into_owned(),
            ),
            None => None,
        };
        let shared_with = visible_shares(session, shares);
        Ok(DocumentView {
            id: row.id.clone(),
            beneficiary_id: row.beneficiary_id.clone(),
            name: meta.name,
            content_type: meta.content_type,
            size: row.size,
            sha256: meta.sha256,
            folder_id: row.folder_id.clone(),
            created_at: crate::clock::rfc3339(row.created_at),
            created_by: created_by(row),
            shared_with,
            expires_on,
            has_thumbnail: row.thumb_key.is_some(),
        })
    }

    pub(super) fn seal_meta<T: Serialize>(
        &self,
        key: &Key32,
        bid: &str,
        id: &str,
        meta: &T,
    ) -> Vec<u8> {
        let aad = ctx::item_meta(bid, id);
        let json = zeroize::Zeroizing::new(serde_json::to_vec(meta).unwrap_or_default());
        self.platform
            .seal(&aad, &consigne_vault::seal(key, &aad, &json))
    }

    /// Encrypts `bytes` into a new blob; durable when this returns. Returns the blob key and
    /// the SHA-256 of the stored ciphertext (checked by `consigne verify`, no key needed).
    async fn write_blob(
        &self,
        key: &Key32,
        context: String,
        bytes: Arc<Vec<u8>>,
    ) -> ServiceResult<(String, String)> {
        let store = self.blobs.clone();
        let key = key.clone();
        tokio::task::spawn_blocking(move || -> ServiceResult<(String, String)> {
            let mut w = HashingWriter::new(store.begin().map_err(blob_error)?);
            let blob_key = w.key().to_owned();
            consigne_vault::stream::seal_stream(
                &key,
                &context,
                consigne_vault::stream::DEFAULT_CHUNK,
                bytes.as_slice(),
                &mut w,
            )
            .map_err(|e| match e {
                consigne_vault::VaultError::Io(io) => blob_error(io.into()),
                other => other.into(),
            })?;
            let digest = w.commit().map_err(blob_error)?;
            Ok((blob_key, digest))
        })
        .await
        .map_err(|_| ServiceError::Internal("blob task"))?
    }

    async fn read_blob(
        &self,
        key: &Key32,
        context: String,
        blob_key: String,
    ) -> ServiceResult<(Vec<u8>, [u8; 32])> {
        let store = self.blobs.clone();
        let key = key.clone();
        tokio::task::spawn_blocking(move || -> ServiceResult<(Vec<u8>, [u8; 32])> {
            let reader = store.open(&blob_key).map_err(blob_error)?;
            let mut out = Vec::new();
            let (_, digest) = consigne_vault::stream::open_stream(
                &key,
                &context,
                std::io::BufReader::with_capacity(256 * 1024, reader),
                &mut out,
            )?;
            Ok((out, digest))
        })
        .await
        .map_err(|_| ServiceError::Internal("blob task"))?
    }

    /// Starts receiving a document for safe `bid`: checks that the caller may add to it first,
    /// so that nothing is stored for someone who may not. `size_hint`: the most the file can
    /// be (the request body's length), when known.
    pub async fn begin_upload(
        &self,
        session: &Session,
        bid: &str,
        size_hint: Option<u64>,
    ) -> ServiceResult<Upload> {
        let bid = parse_id(bid)?;
        let b2 = bid.clone();
        let (relays, used) = self
            .tx(move |tx| {
                beneficiaries::by_id(tx, &b2)?.ok_or(ServiceError::NotFound)?;
                Ok((
                    beneficiaries::relays_of(tx, &b2)?,
                    items::total_size(tx, &b2)?,
                ))
            })
            .await?;
        allow_on_safe(session, Action::AddItem, &bid, &relays)?;
        let room = self.config.storage.quota_bytes().saturating_sub(used);
        Ok(Upload::new(self, bid, room, size_hint))
    }

    pub async fn upload_document(
        &self,
        session: &Session,
        bid: &str,
        input: NewDocument,
    ) -> ServiceResult<DocumentView> {
        let stored = match &input.content {
            Received::Stored(s) => Some(s.blob_key.clone()),
            Received::Memory(_) => None,
        };
        let result = self.store_document(session, bid, input).await;
        if result.is_err()
            && let Some(key) = stored
        {
            // Streamed to storage but refused afterwards: no row will ever point to it.
            let _ = self.blobs.delete(&key);
        }
        result
    }

    async fn store_document(
        &self,
        session: &Session,
        bid: &str,
        input: NewDocument,
    ) -> ServiceResult<DocumentView> {
        let bid = parse_id(bid)?;
        let b2 = bid.clone();
        let folder = input.folder_id.as_deref().map(parse_id).transpose()?;
        let f2 = folder.clone();
        let (account_public, relays, used) = self
            .tx(move |tx| {
                let b = beneficiaries::by_id(tx, &b2)?.ok_or(ServiceError::NotFound)?;
                let account = crate::store::accounts::by_id(tx, &b.account_id)?
                    .ok_or(ServiceError::NotFound)?;
                let relays = beneficiaries::relays_of(tx, &b2)?;
                if let Some(f) = &f2
                    && !items::folders_of(tx, &b2)?.iter().any(|x| x.id == *f)
                {
                    return Err(ServiceError::NotFound);
                }
                Ok((account.public_key, relays, items::total_size(tx, &b2)?))
            })
            .await?;
        allow_on_safe(session, Action::AddItem, &bid, &relays)?;
        let file_name = input.file_name.clone().unwrap_or_default();
        let (id, key, kind, size, sha256, blob_key, blob_sha256, thumb) = match input.content {
            Received::Memory(InMemory { bytes, share }) => {
                // The input, the cleaner's copies and the output count in the uploads' budget
                // until the cleaned file is stored.
                let mut share = share.unwrap_or_else(|| MemoryShare::new(self));
                share.cover(bytes.len()).await?;
                let (clean, kind, thumb) = self.clean(bytes).await?;
                let size = i64::try_from(clean.len())
                    .map_err(|_| ServiceError::TooLarge("file_too_large"))?;
                if used + size > self.config.storage.quota_bytes() {
                    return Err(ServiceError::TooLarge("quota_exceeded"));
                }
                let (id, key) = (new_id(), Key32::random());
                let sha256 = hex::encode(consigne_vault::sha256(&clean));
                let (blob_key, blob_sha256) = self
                    .write_blob(&key, ctx::blob(&bid, &id, "content"), Arc::new(clean))
                    .await?;
                (id, key, kind, size, sha256, blob_key, blob_sha256, thumb)
            }
            Received::Stored(s) => {
                if s.beneficiary_id != bid {
                    return Err(ServiceError::NotFound);
                }
                if used + s.size > self.config.storage.quota_bytes() {
                    return Err(ServiceError::TooLarge("quota_exceeded"));
                }
                let kind = consigne_media::Kind::Pdf;
                (
                    s.id,
                    s.key,
                    kind,
                    s.size,
                    s.sha256,
                    s.blob_key,
                    s.blob_sha256,
                    None,
                )
            }
        };
        let name = document_name(input.name.as_deref(), &file_name, kind.extension())?;
        let meta = DocumentMeta {
            name,
            file_name: clean_name(&file_name, 255),
            content_type: kind.mime().to_owned(),
            sha256,
        };
        let (thumb_key, thumb_sha256) = match thumb {
            Some(t) => {
                let (k, d) = self
                    .write_blob(&key, ctx::blob(&bid, &id, "thumbnail"), Arc::new(t))
                    .await?;
                (Some(k), Some(d))
            }
            None => (None, None),
        };
        let wraps = self.new_item_wraps(session, &bid, &id, &key, &account_public, &relays)?;
        let now = self.now();
        let row = ItemRow {
            folder_id: folder,
            blob_key: Some(blob_key.clone()),
            thumb_key: thumb_key.clone(),
            size,
            blob_sha256: Some(blob_sha256),
            thumb_sha256,
            ..new_item_row(
                session,
                &bid,
                &id,
                "document",
                self.seal_meta(&key, &bid, &id, &meta),
                wraps,
                now,
            )
        };
        let committed = self
            .insert_item(session, &row, &key, "document_uploaded")
            .await;
        let shares = match committed {
            Ok(s) => s,
            Err(e) => {
                // The row is not there: the blobs are orphans; remove them now (or at collection).
                let _ = self.blobs.delete(&blob_key);
                if let Some(t) = &thumb_key {
                    let _ = self.blobs.delete(t);
                }
                return Err(e);
            }
        };
        self.document_view(&row, &key, &shares, session)
    }

    /// Who holds a new item's key: the person through her vault key, or (added by a
    /// professional) through her public key, plus the professional's structure by default.
    pub(super) fn new_item_wraps(
        &self,
        session: &Session,
        bid: &str,
        id: &str,
        key: &Key32,
        account_public: &[u8],
        relays: &[beneficiaries::RelayRow],
    ) -> ServiceResult<NewWraps> {
        Ok(match &session.actor {
            Actor::Beneficiary { .. } => {
                let vault = session.keys.vault.as_ref().ok_or(ServiceError::NotFound)?;
                let aad = ctx::item_key_vault(bid, id);
                (
                    Some(
                        self.platform
                            .seal(&aad, &consigne_vault::wrap_key(vault, &aad, key)),
                    ),
                    None,
                    None,
                )
            }
            _ => {
                let public = PublicKey::from_slice(account_public)?;
                let aad = ctx::item_key_owner(bid, id);
                let via = relays
                    .iter()
                    .find(|r| session.keys.structure_key(&r.structure_id).is_some())
                    .map(|r| r.structure_id.clone())
                    .ok_or(ServiceError::AccessPending)?;
                (
                    None,
                    Some(
                        self.platform
                            .seal(&aad, &consigne_vault::wrap_key_to(&public, &aad, key)),
                    ),
                    Some(via),
                )
            }
        })
    }

    /// Stores a new item's row, its share with the professional's structure (if she added it)
    /// and the journal line `action`, in one transaction; returns its shares.
    pub(super) async fn insert_item(
        &self,
        session: &Session,
        row: &ItemRow,
        key: &Key32,
        action: &str,
    ) -> ServiceResult<Vec<ShareRow>> {
        let app = self.clone();
        let via = row.created_by_structure.clone();
        let actor = actor_of(session, via.as_deref());
        let (r2, k2, action) = (row.clone(), key.clone(), action.to_owned());
        self.tx(move |tx| {
            items::insert(tx, &r2)?;
            if let Some(sid) = &via {
                app.share_wrap(tx, &r2, &k2, sid, r2.created_at)?;
            }
            app.add_to_feed(tx, &r2, &k2)?;
            journal(
                tx,
                r2.created_at,
                Some(&r2.beneficiary_id),
                &actor,
                &action,
                Some((&r2.kind, &r2.id)),
                true,
            )?;
            Ok(items::shares_of(tx, &r2.id)?)
        })
        .await
    }

    pub(super) fn share_wrap(
        &self,
        tx: &mut dyn Sql,
        row: &ItemRow,
        key: &Key32,
        sid: &str,
        now: i64,
    ) -> ServiceResult<()> {
        let structure = structures::by_id(tx, sid)?.ok_or(ServiceError::NotFound)?;
        let public = PublicKey::from_slice(
            structure
                .public_key
                .as_deref()
                .ok_or(ServiceError::Conflict("structure_without_key"))?,
        )?;
        let aad = ctx::item_key_share(&row.id, sid);
        let wrap = self
            .platform
            .seal(&aad, &consigne_vault::wrap_key_to(&public, &aad, key));
        items::share(tx, &row.id, sid, &wrap, now)?;
        Ok(())
    }

    pub async fn list_documents(
        &self,
        session: &Session,
        bid: &str,
        folder_id: Option<&str>,
    ) -> ServiceResult<Vec<DocumentView>> {
        let folder = folder_id.map(parse_id).transpose()?;
        self.visible_items(session, bid, "document")
            .await?
            .iter()
            .filter(|o| folder.is_none() || o.row.folder_id == folder)
            .map(|o| self.document_view(&o.row, &o.key, &o.shares, session))
            .collect()
    }

    /// A person's items of one kind that the caller may see and holds a key to, opened.
    pub(super) async fn visible_items(
        &self,
        session: &Session,
        bid: &str,
        kind: &'static str,
    ) -> ServiceResult<Vec<Opened>> {
        let bid = parse_id(bid)?;
        let b2 = bid.clone();
        let (rows, shares, relays) = self
            .tx(move |tx| {
                if beneficiaries::by_id(tx, &b2)?.is_none() {
                    return Err(ServiceError::NotFound);
                }
                Ok((
                    items::of_beneficiary(tx, &b2, kind)?,
                    items::shares_of_beneficiary(tx, &b2)?,
                    beneficiaries::relays_of(tx, &b2)?,
                ))
            })
            .await?;
        allow_on_safe(session, Action::View, &bid, &relays)?;
        Ok(self.open_visible(session, rows, &shares, &relays))
    }

    /// One page of a person's items of one kind (in `folder`), newest first, that the caller
    /// may see and holds a key to, opened; and whether a next page exists. Only the page's
    /// rows and their shares are read: for a professional the SQL keeps only the items shared
    /// with one of her structures that is one of the person's relais (no key, no listing).
    pub(super) async fn visible_page(
        &self,
        session: &Session,
        bid: &str,
        kind: &'static str,
        folder: FolderFilter,
        page: PageNumber,
    ) -> ServiceResult<(Vec<Opened>, bool)> {
        let bid = parse_id(bid)?;
        let folder = match folder {
            FolderFilter::In(f) => FolderFilter::In(parse_id(&f)?),
            other => other,
        };
        let holder: Option<Vec<String>> = match &session.actor {
            Actor::Beneficiary { .. } => None,
            _ => Some(
                session
                    .keys
                    .structures
                    .iter()
                    .map(|(s, _)| s.clone())
                    .collect(),
            ),
        };
        let b2 = bid.clone();
        let (limit, offset) = page.window();
        let (rows, shares, relays) = self
            .tx(move |tx| {
                if beneficiaries::by_id(tx, &b2)?.is_none() {
                    return Err(ServiceError::NotFound);
                }
                let relays = beneficiaries::relays_of(tx, &b2)?;
                let structures: Option<Vec<String>> = holder.map(|held| {
                    relays
                        .iter()
                        .map(|r| r.structure_id.clone())
                        .filter(|s| held.contains(s))
                        .collect()
                });
                let filter = items::PageFilter {
                    beneficiary_id: &b2,
                    kind,
                    folder: &folder,
                    shared_with_any: structures.as_deref(),
                };
                let rows = items::page(tx, &filter, limit, offset)?;
                let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
                let shares = items::shares_of_items(tx, &ids)?;
                Ok((rows, shares, relays))
            })
            .await?;
        allow_on_safe(session, Action::View, &bid, &relays)?;
        let has_next = rows.len() > PAGE_SIZE as usize;
        let rows = rows.into_iter().take(PAGE_SIZE as usize).collect();
        Ok((self.open_visible(session, rows, &shares, &relays), has_next))
    }

    /// The rows the policy lets the caller see and she holds a key to, opened.
    fn open_visible(
        &self,
        session: &Session,
        rows: Vec<ItemRow>,
        shares: &[ShareRow],
        relays: &[beneficiaries::RelayRow],
    ) -> Vec<Opened> {
        let relay_ids: Vec<String> = relays.iter().map(|r| r.structure_id.clone()).collect();
        let mut out = Vec::new();
        for row in rows {
            let mine: Vec<ShareRow> = shares
                .iter()
                .filter(|s| s.item_id == row.id && relay_ids.contains(&s.structure_id))
                .cloned()
                .collect();
            let visible: Vec<String> = mine.iter().map(|s| s.structure_id.clone()).collect();
            if authorize_item(session, &row, &visible, &relay_ids) {
                // No key, no listing: a permission without a wrap reveals nothing.
                if let Ok((key, via)) = self.item_key(session, &row, &mine) {
                    out.push(Opened {
                        row,
                        key,
                        shares: mine,
                        via,
                    });
                }
            }
        }
        out
    }

    /// One page of her documents (`folder`), newest first, as the caller may see them.
    pub async fn documents_page(
        &self,
        session: &Session,
        bid: &str,
        folder: FolderFilter,
        page: PageNumber,
    ) -> ServiceResult<Page<DocumentView>> {
        let (opened, has_next) = self
            .visible_page(session, bid, "document", folder, page)
            .await?;
        let items = opened
            .iter()
            .map(|o| self.document_view(&o.row, &o.key, &o.shares, session))
            .collect::<ServiceResult<Vec<_>>>()?;
        Ok(Page {
            items,
            page: page.get(),
            has_next,
            total: None,
        })
    }

    /// Her papers whose expiry date is on or before `horizon` (`YYYY-MM-DD`), soonest first:
    /// (date, name, id). Read from the expiry dates the platform seals for reminders: only her
    /// dated documents are read, each date opened with the platform key (symmetric), and only
    /// the papers due are opened further (their names). Her own page only.
    pub async fn papers_to_renew(
        &self,
        session: &Session,
        horizon: &str,
    ) -> ServiceResult<Vec<(String, String, String)>> {
        let bid = match &session.actor {
            Actor::Beneficiary { beneficiary_id, .. } => beneficiary_id.clone(),
            _ => return Err(ServiceError::NotFound),
        };
        let b2 = bid.clone();
        let dated = self.tx(move |tx| Ok(items::expiring_of(tx, &b2)?)).await?;
        let mut due: Vec<(String, String)> = dated
            .into_iter()
            .filter_map(|(id, sealed)| {
                let date = self.platform.open(&ctx::expiry(&id), &sealed).ok()?;
                let date = String::from_utf8_lossy(&date).into_owned();
                (date.as_str() <= horizon).then_some((date, id))
            })
            .collect();
        due.sort();
        let ids: Vec<String> = due.iter().map(|(_, id)| id.clone()).collect();
        let rows = self
            .tx(move |tx| {
                let mut rows = Vec::with_capacity(ids.len());
                for id in &ids {
                    if let Some(r) = items::by_id(tx, id)? {
                        rows.push(r);
                    }
                }
                Ok(rows)
            })
            .await?;
        let mut out = Vec::with_capacity(due.len());
        for (date, id) in due {
            let Some(row) = rows.iter().find(|r| r.id == id && r.beneficiary_id == bid) else {
                continue;
            };
            let name = self
                .item_key(session, row, &[])
                .ok()
                .and_then(|(key, _)| self.open_meta::<DocumentMeta>(row, &key).ok())
                .map(|m| m.name);
            if let Some(name) = name {
                out.push((date, name, id));
            }
        }
        Ok(out)
    }

    pub async fn get_document(&self, session: &Session, id: &str) -> ServiceResult<DocumentView> {
        let o = self
            .open_item(session, id, Action::View, "document")
            .await?;
        self.document_view(&o.row, &o.key, &o.shares, session)
    }

    /// The exact bytes whose SHA-256 the document carries; journaled as a download or a view.
    pub async fn document_content(
        &self,
        session: &Session,
        id: &str,
        thumbnail: bool,
        action: &'static str,
    ) -> ServiceResult<(DocumentView, Vec<u8>)> {
        let o = self
            .open_item(session, id, Action::View, "document")
            .await?;
        let view = self.document_view(&o.row, &o.key, &o.shares, session)?;
        let (part, blob_key) = match (thumbnail, &o.row.thumb_key, &o.row.blob_key) {
            (true, Some(t), _) => ("thumbnail", t.clone()),
            (true, None, _) => return Err(ServiceError::NotFound),
            (false, _, Some(b)) => ("content", b.clone()),
            (false, _, None) => return Err(ServiceError::NotFound),
        };
        let (bytes, digest) = self
            .read_blob(
                &o.key,
                ctx::blob(&o.row.beneficiary_id, &o.row.id, part),
                blob_key,
            )
            .await?;
        if !thumbnail && hex::encode(digest) != view.sha256 {
            return Err(ServiceError::Internal("document digest mismatch"));
        }
        if !thumbnail {
            self.journal_access(session, &o, action).await?;
        }
        Ok((view, bytes))
    }

    pub async fn update_document(
        &self,
        session: &Session,
        id: &str,
        patch: DocumentPatch,
    ) -> ServiceResult<DocumentView> {
        let o = self
            .open_item(session, id, Action::Update, "document")
            .await?;
        let bid = o.row.beneficiary_id.clone();
        let mut meta: DocumentMeta = self.open_meta(&o.row, &o.key)?;
        let mut actions = Vec::new();
        if let Some(name) = &patch.name {
            if clean_name(name, 200).is_empty() {
                return Err(crate::domain::InvalidInput::new("name", "required").into());
            }
            meta.name = document_name(Some(name), "", "document")?;
            actions.push("document_renamed");
        }
        let folder = match &patch.folder_id {
            Some(Some(f)) => Some(parse_id(f)?),
            Some(None) => None,
            None => o.row.folder_id.clone(),
        };
        if patch.folder_id.is_some() {
            actions.push("document_moved");
        }
        let expires = match &patch.expires_on {
            Some(Some(d)) => Some(
                self.platform
                    .seal(&ctx::expiry(&o.row.id), parse_date(d)?.as_bytes()),
            ),
            Some(None) => None,
            None => o.row.expires_sealed.clone(),
        };
        if patch.expires_on.is_some() {
            actions.push("document_expiry_set");
        }
        let sealed = self.seal_meta(&o.key, &bid, &o.row.id, &meta);
        let actor = actor_of(session, o.via.as_deref());
        let (iid, now) = (o.row.id.clone(), self.now());
        let (b2, f2) = (bid.clone(), folder.clone());
        self.tx(move |tx| {
            if let Some(f) = &f2
                && !items::folders_of(tx, &b2)?.iter().any(|x| x.id == *f)
            {
                return Err(ServiceError::NotFound);
            }
            items::update_meta(tx, &iid, &sealed, f2.as_deref(), expires.as_deref(), now)?;
            for a in actions {
                journal(
                    tx,
                    now,
                    Some(&b2),
                    &actor,
                    a,
                    Some(("document", &iid)),
                    true,
                )?;
            }
            Ok(())
        })
        .await?;
        if let Some(change) = &patch.expires_on {
            let date = change.as_deref().map(parse_date).transpose()?;
            self.schedule_expiry_reminders(session, &o.row.id, &bid, date.as_deref())
                .await?;
        }
        self.get_document(session, id).await
    }

    pub async fn delete_document(&self, session: &Session, id: &str) -> ServiceResult<()> {
        let o = self
            .open_item(session, id, Action::Update, "document")
            .await?;
        let actor = actor_of(session, o.via.as_deref());
        let (bid, iid, now) = (o.row.beneficiary_id.clone(), o.row.id.clone(), self.now());
        self.tx(move |tx| {
            items::delete(tx, &iid)?;
            journal(
                tx,
                now,
                Some(&bid),
                &actor,
                "document_deleted",
                Some(("document", &iid)),
                true,
            )
        })
        .await?;
        // The row is gone first: a crash here leaves an orphan, collected later, never a row
        // pointing at a missing blob.
        for key in [o.row.blob_key, o.row.thumb_key].into_iter().flatten() {
            if let Err(e) = self.blobs.delete(&key) {
                tracing::warn!(error = %e, "blob left for orphan collection");
            }
        }
        Ok(())
    }

    /// The person shares one item with one of her relais (or stops sharing).
    pub async fn set_item_share(
        &self,
        session: &Session,
        kind: &'static str,
        id: &str,
        sid: &str,
        shared: bool,
    ) -> ServiceResult<()> {
        let sid = parse_id(sid)?;
        let o = self.open_item(session, id, Action::Share, kind).await?;
        let app = self.clone();
        let actor = actor_of(session, None);
        let now = self.now();
        self.tx(move |tx| {
            if beneficiaries::relay(tx, &o.row.beneficiary_id, &sid)?.is_none() {
                return Err(ServiceError::NotFound);
            }
            if shared {
                app.share_wrap(tx, &o.row, &o.key, &sid, now)?;
            } else {
                items::unshare(tx, &o.row.id, &sid)?;
            }
            let action = if shared {
                format!("{kind}_shared")
            } else {
                format!("{kind}_unshared")
            };
            journal(
                tx,
                now,
                Some(&o.row.beneficiary_id),
                &actor,
                &action,
                Some((kind, &o.row.id)),
                true,
            )?;
            Ok(())
        })
        .await
    }

    fn folder_key(session: &Session) -> ServiceResult<Key32> {
        let vault = session.keys.vault.as_ref().ok_or(ServiceError::NotFound)?;
        Ok(consigne_vault::derive_key(
            vault.as_bytes(),
            "consigne/v1/folder-names",
        ))
    }

    pub async fn create_folder(
        &self,
        session: &Session,
        bid: &str,
        name: &str,
        parent_id: Option<&str>,
    ) -> ServiceResult<FolderView> {
        let bid = super::structures::own_safe(session, bid)?;
        let name = crate::domain::ShortText::parse("name", name, 120)?.into_string();
        let parent = parent_id.map(parse_id).transpose()?;
        let key = Self::folder_key(session)?;
        let id = new_id();
        let aad = ctx::folder_name(&bid, &id);
        let row = FolderRow {
            id: id.clone(),
            beneficiary_id: bid.clone(),
            parent_id: parent.clone(),
            name_sealed: self
                .platform
                .seal(&aad, &consigne_vault::seal(&key, &aad, name.as_bytes())),
            created_at: self.now(),
        };
        let actor = actor_of(session, None);
        let now = self.now();
        self.tx(move |tx| {
            if let Some(p) = &row.parent_id
                && !items::folders_of(tx, &row.beneficiary_id)?
                    .iter()
                    .any(|f| f.id == *p)
            {
                return Err(ServiceError::NotFound);
            }
            items::insert_folder(tx, &row)?;
            journal(
                tx,
                now,
                Some(&row.beneficiary_id),
                &actor,
                "folder_created",
                Some(("folder", &row.id)),
                true,
            )
        })
        .await?;
        Ok(FolderView {
            id,
            name,
            parent_id: parent,
        })
    }

    pub async fn list_folders(
        &self,
        session: &Session,
        bid: &str,
    ) -> ServiceResult<Vec<FolderView>> {
        let bid = super::structures::own_safe(session, bid)?;
        let key = Self::folder_key(session)?;
        let b2 = bid.clone();
        let rows = self.tx(move |tx| Ok(items::folders_of(tx, &b2)?)).await?;
        rows.iter()
            .map(|f| {
                let aad = ctx::folder_name(&bid, &f.id);
                let name =
                    consigne_vault::open(&key, &aad, &self.platform.open(&aad, &f.name_sealed)?)?;
                Ok(FolderView {
                    id: f.id.clone(),
                    name: String::from_utf8_lossy(&name).into_owned(),
                    parent_id: f.parent_id.clone(),
                })
            })
            .collect()
    }

    /// Renames and/or moves a folder; a folder never moves into itself or its descendants.
    pub async fn update_folder(
        &self,
        session: &Session,
        bid: &str,
        id: &str,
        name: Option<&str>,
        parent_id: Option<Option<&str>>,
    ) -> ServiceResult<FolderView> {
        let bid = parse_id(bid)?;
        let id = parse_id(id)?;
        allow(
            session,
            Action::ManageOwn,
            Resource::Beneficiary {
                id: &bid,
                relays: &[],
            },
        )?;
        let key = Self::folder_key(session)?;
        let current = self.list_folders(session, &bid).await?;
        let folder = current
            .iter()
            .find(|f| f.id == id)
            .ok_or(ServiceError::NotFound)?;
        let new_name = match name {
            Some(n) => crate::domain::ShortText::parse("name", n, 120)?.into_string(),
            None => folder.name.clone(),
        };
        let new_parent = match parent_id {
            Some(Some(p)) => Some(parse_id(p)?),
            Some(None) => None,
            None => folder.parent_id.clone(),
        };
        if let Some(p) = &new_parent {
            if !current.iter().any(|f| f.id == *p) {
                return Err(ServiceError::NotFound);
            }
            // Walk up from the new parent: meeting the folder itself would make a cycle.
            let mut cursor = Some(p.clone());
            while let Some(c) = cursor {
                if c == id {
                    return Err(ServiceError::Conflict("folder_cycle"));
                }
                cursor = current
                    .iter()
                    .find(|f| f.id == c)
                    .and_then(|f| f.parent_id.clone());
            }
        }
        let aad = ctx::folder_name(&bid, &id);
        let sealed = self
            .platform
            .seal(&aad, &consigne_vault::seal(&key, &aad, new_name.as_bytes()));
        let (i2, p2) = (id.clone(), new_parent.clone());
        self.tx(move |tx| Ok(items::update_folder(tx, &i2, &sealed, p2.as_deref())?))
            .await?;
        Ok(FolderView {
            id,
            name: new_name,
            parent_id: new_parent,
        })
    }

    /// Deletes a folder; what it held moves to the top level (documents are never lost by
    /// deleting a folder).
    pub async fn delete_folder(&self, session: &Session, bid: &str, id: &str) -> ServiceResult<()> {
        let bid = parse_id(bid)?;
        let id = parse_id(id)?;
        allow(
            session,
            Action::ManageOwn,
            Resource::Beneficiary {
                id: &bid,
                relays: &[],
            },
        )?;
        let actor = actor_of(session, None);
        let now = self.now();
        self.tx(move |tx| {
            let folders = items::folders_of(tx, &bid)?;
            if !folders.iter().any(|f| f.id == id) {
                return Err(ServiceError::NotFound);
            }
            tx.execute(
                "UPDATE folders SET parent_id = NULL WHERE parent_id = $1",
                &[id.as_str().into()],
            )?;
            tx.execute(
                "UPDATE items SET folder_id = NULL WHERE folder_id = $1",
                &[id.as_str().into()],
            )?;
            items::delete_folder(tx, &id)?;
            journal(
                tx,
                now,
                Some(&bid),
                &actor,
                "folder_deleted",
                Some(("folder", &id)),
                true,
            )
        })
        .await
    }
}

/// The policy's view of an item, for listings (which skip rather than refuse).
fn authorize_item(
    session: &Session,
    row: &ItemRow,
    shared_with: &[String],
    relays: &[String],
) -> bool {
    crate::policy::authorize(
        &session.actor,
        Action::View,
        Resource::Item {
            owner: &row.beneficiary_id,
            shared_with,
            relays,
        },
    ) == crate::policy::Decision::Allow
}

#[derive(Debug, Clone, Serialize)]
pub struct JournalActorView {
    pub kind: String,
    pub display_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub structure: Option<super::beneficiaries::NamedRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct JournalTarget {
    pub kind: String,
    pub id: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct JournalView {
    pub at: String,
    pub actor: JournalActorView,
    pub action: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<JournalTarget>,
    pub outcome: String,
}

impl App {
    /// Her journal, newest first: who did what in her safe, and when.
    pub async fn journal_of(
        &self,
        session: &Session,
        bid: &str,
    ) -> ServiceResult<Vec<JournalView>> {
        let bid = super::structures::own_safe(session, bid)?;
        let b2 = bid.clone();
        let (entries, names) = self
            .tx(move |tx| {
                let entries = crate::store::journal::for_beneficiary(tx, &b2, 500)?;
                let names: Vec<(String, String)> = structures::all(tx)?
                    .into_iter()
                    .map(|s| (s.id, s.name))
                    .collect();
                Ok((entries, names))
            })
            .await?;
        Ok(entries
            .into_iter()
            .map(|e| JournalView {
                at: crate::clock::rfc3339(e.at),
                actor: JournalActorView {
                    display_name: match e.actor_kind.as_str() {
                        "beneficiary"
                            if e.actor_account.as_deref() == Some(session.account_id.as_str()) =>
                        {
                            session.keys.display_name.clone()
                        }
                        _ => e.actor_name.clone().unwrap_or_default(),
                    },
                    structure: e.actor_structure.as_ref().map(|sid| {
                        super::beneficiaries::NamedRef {
                            id: sid.clone(),
                            name: names
                                .iter()
                                .find(|(id, _)| id == sid)
                                .map(|(_, n)| n.clone())
                                .unwrap_or_default(),
                        }
                    }),
                    kind: e.actor_kind,
                },
                action: e.action,
                target: match (e.target_kind, e.target_id) {
                    (Some(kind), Some(id)) => Some(JournalTarget { kind, id }),
                    _ => None,
                },
                outcome: e.outcome,
            })
            .collect())
    }
}

impl App {
    /// Scanning from a phone: several photos, in order, become one PDF document.
    pub async fn scan_document(
        &self,
        session: &Session,
        bid: &str,
        scan: ScanPhotos,
        name: Option<String>,
    ) -> ServiceResult<DocumentView> {
        let (photos, share) = scan.into_parts();
        if photos.is_empty() {
            return Err(crate::domain::InvalidInput::new("file", "required").into());
        }
        let pdf = self.photos_to_pdf(photos).await?;
        self.upload_document(
            session,
            bid,
            NewDocument {
                // The scan's share covers the PDF's cleaning too.
                content: Received::Memory(InMemory {
                    bytes: pdf,
                    share: Some(share),
                }),
                file_name: Some("scan.pdf".into()),
                name,
                folder_id: None,
            },
        )
        .await
    }

    /// Names of her documents by id, for her journal in plain words (what she can still open).
    pub async fn document_names(
        &self,
        session: &Session,
        bid: &str,
    ) -> ServiceResult<Vec<(String, String)>> {
        Ok(self
            .list_documents(session, bid, None)
            .await?
            .into_iter()
            .map(|d| (d.id, d.name))
            .collect())
    }
}

/// Plaintext chunks of a document as they are decrypted (each one authenticated before it is
/// sent), for downloads whose memory stays flat whatever the size.
pub type ContentStream = tokio::sync::mpsc::Receiver<Result<Vec<u8>, std::io::Error>>;

/// Sends what `open_stream` writes into a bounded channel (back-pressure: at most a few chunks
/// in memory).
pub(super) struct ChannelWriter(
    pub(super) tokio::sync::mpsc::Sender<Result<Vec<u8>, std::io::Error>>,
);

impl std::io::Write for ChannelWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.blocking_send(Ok(buf.to_vec())).map_err(|_| {
            std::io::Error::new(std::io::ErrorKind::BrokenPipe, "download cancelled")
        })?;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Where a document's content is and how to open it, checked against the digest its metadata
/// carries: what a download or an export needs once the access is decided and journaled.
pub(super) struct ContentSource {
    key: Key32,
    context: String,
    blob_key: String,
    expected: String,
}

impl ContentSource {
    /// Decrypts the content into `out` chunk by chunk, each one authenticated before it is
    /// written (blocking). Fails, after writing part of it, if the content is not exactly the
    /// one stored: the caller must then present what it wrote as incomplete.
    pub(super) fn decrypt(
        &self,
        reader: Box<dyn std::io::Read + Send>,
        out: impl std::io::Write,
    ) -> Result<u64, String> {
        let (size, digest) = consigne_vault::stream::open_stream(
            &self.key,
            &self.context,
            std::io::BufReader::with_capacity(256 * 1024, reader),
            out,
        )
        .map_err(|e| e.to_string())?;
        if hex::encode(digest) != self.expected {
            return Err("document digest mismatch".to_owned());
        }
        Ok(size)
    }

    /// The SHA-256 of the plaintext, hex.
    pub(super) fn sha256(&self) -> &str {
        &self.expected
    }

    pub(super) fn blob_key(&self) -> &str {
        &self.blob_key
    }
}

impl App {
    /// A document the caller may view and its content's source; the caller journals the
    /// access (with the returned item) before any byte leaves.
    pub(super) async fn document_source(
        &self,
        session: &Session,
        id: &str,
    ) -> ServiceResult<(DocumentView, ContentSource, Opened)> {
        let o = self
            .open_item(session, id, Action::View, "document")
            .await?;
        let view = self.document_view(&o.row, &o.key, &o.shares, session)?;
        let source = ContentSource {
            key: o.key.clone(),
            context: ctx::blob(&o.row.beneficiary_id, &o.row.id, "content"),
            blob_key: o.row.blob_key.clone().ok_or(ServiceError::NotFound)?,
            expected: view.sha256.clone(),
        };
        Ok((view, source, o))
    }

    /// A document's content as a stream (downloads and views); journaled before it starts.
    pub async fn document_stream(
        &self,
        session: &Session,
        id: &str,
        action: &'static str,
    ) -> ServiceResult<(DocumentView, ContentStream)> {
        let (view, source, opened) = self.document_source(session, id).await?;
        let reader = {
            let store = self.blobs.clone();
            let blob_key = source.blob_key.clone();
            tokio::task::spawn_blocking(move || store.open(&blob_key))
                .await
                .map_err(|_| ServiceError::Internal("blob task"))?
                .map_err(blob_error)?
        };
        self.journal_access(session, &opened, action).await?;
        let (tx, rx) = tokio::sync::mpsc::channel(4);
        tokio::task::spawn_blocking(move || {
            let errors = tx.clone();
            if let Err(why) = source.decrypt(reader, ChannelWriter(tx)) {
                // The client sees a cut connection, never altered bytes presented as complete.
                tracing::error!(error = %why, blob = %source.blob_key, "download failed");
                let _ =
                    errors.blocking_send(Err(std::io::Error::other("document could not be read")));
            }
        });
        Ok((view, rx))
    }
}
