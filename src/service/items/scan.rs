//! Scanning a paper in steps, without JavaScript: each photo taken joins a draft; she (or the
//! professional scanning for her) checks the pages, puts them in order, removes one, takes
//! another, names the document, then saves it as one PDF.
//!
//! The hard part is where the pages wait between two requests. They wait in the blob store,
//! sealed (blob streams, as documents are) under a key derived from the *session key*, which
//! the server never stores: it comes from the session token the browser holds. So only the
//! session that took the photos can see, change or save them, and logging out leaves nothing
//! anyone can read. Each draft is a manifest blob (the draft's id is its blob key) listing its
//! pages (a cleaned photo and its thumbnail, each a blob) and the safe it is for; the contexts
//! bind the safe and the draft, so a page cannot be moved into another draft or safe. Nothing
//! is written in the database: an abandoned draft is a few orphan blobs, which the housekeeping
//! removes once they are an hour old (`upkeep.rs`): a draft lasts an hour from its first page.
//!
//! Memory stays what the one-request scan held: a request's photos arrive within
//! [`ScanPhotos`]' bounds (one in-memory file, counted in the uploads' budget), are cleaned one
//! at a time in the media budget (EXIF and GPS dropped before anything is stored), and the pages
//! of a draft together stay within one in-memory file, so saving (every page in memory, then
//! the PDF) holds no more than before.

use crate::domain::{BeneficiaryId, FolderId};
use crate::policy::Action;
use crate::service::access::allow_on_safe;
use crate::service::contexts as ctx;
use crate::service::items::content::{blob_error, read_blob, write_blob, write_blob_at};
use crate::service::items::documents::{PaperDetails, scan_document};
use crate::service::items::media::clean;
use crate::service::items::upload::{MAX_SCAN_PAGES, ScanPhotos};
use crate::service::{App, DocumentView, ServiceError, ServiceResult, Session};
use crate::store::beneficiaries;
use crate::store::blobs::valid_key;
use consigne_vault::Key32;
use serde::{Deserialize, Serialize};

/// A draft as the pages show it.
#[derive(Debug, Clone)]
pub struct ScanDraft {
    pub id: String,
    /// The folder the document will go to, as the first photo's form said.
    pub folder_id: Option<String>,
    pub pages: usize,
}

/// What to do with one page of a draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageEdit {
    /// One place towards the first page.
    Up,
    Down,
    Remove,
}

/// The manifest: sealed, in its own blob.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Manifest {
    folder_id: Option<String>,
    pages: Vec<DraftPage>,
}

#[derive(Debug, Serialize, Deserialize)]
struct DraftPage {
    /// Blob keys of the cleaned photo and of its thumbnail.
    photo: String,
    thumb: String,
    bytes: usize,
}

impl DraftPage {
    fn keys(&self) -> [&str; 2] {
        [&self.photo, &self.thumb]
    }
}

impl Manifest {
    fn total(&self) -> usize {
        self.pages.iter().map(|p| p.bytes).sum()
    }

    fn view(&self, id: &str) -> ScanDraft {
        ScanDraft {
            id: id.to_owned(),
            folder_id: self.folder_id.clone(),
            pages: self.pages.len(),
        }
    }
}

/// The key this session's drafts are sealed under.
fn draft_key(session: &Session) -> Key32 {
    consigne_vault::derive_key(session.session_key.as_bytes(), ctx::SCAN_DRAFT_KEY)
}

/// A draft id from a request: a blob key, else no such draft.
fn draft_id(raw: &str) -> ServiceResult<String> {
    if valid_key(raw) {
        Ok(raw.to_owned())
    } else {
        Err(ServiceError::NotFound)
    }
}

impl App {
    /// Whether `session` may add to the safe `bid` (the policy, as for any new document).
    async fn may_scan_into(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
    ) -> ServiceResult<BeneficiaryId> {
        let bid = bid.clone();
        let b2 = bid.clone();
        let relays = self
            .tx(move |tx| {
                beneficiaries::by_id(tx, &b2)?.ok_or(ServiceError::NotFound)?;
                Ok(beneficiaries::relays_of(tx, &b2)?)
            })
            .await?;
        allow_on_safe(session, Action::AddItem, &bid, &relays)?;
        Ok(bid)
    }

    /// A draft's manifest; a draft of another session, another safe, or gone (saved,
    /// cancelled, or older than an hour) is not found.
    async fn manifest(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
        draft: &str,
    ) -> ServiceResult<(BeneficiaryId, Manifest)> {
        let bid = self.may_scan_into(session, bid).await?;
        let draft = draft_id(draft)?;
        let sealed = read_blob(
            self,
            &draft_key(session),
            ctx::scan_manifest(&bid, &draft),
            draft.clone(),
        )
        .await;
        let plain = match sealed {
            Ok((plain, _)) => plain,
            // Missing, or not this session's: the same answer.
            Err(ServiceError::Internal("missing blob") | ServiceError::Vault(_)) => {
                return Err(ServiceError::NotFound);
            }
            Err(e) => return Err(e),
        };
        let manifest =
            serde_json::from_slice(&plain).map_err(|_| ServiceError::Internal("scan manifest"))?;
        Ok((bid, manifest))
    }

    async fn write_manifest(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
        draft: &str,
        manifest: &Manifest,
    ) -> ServiceResult<()> {
        let plain =
            serde_json::to_vec(manifest).map_err(|_| ServiceError::Internal("scan manifest"))?;
        write_blob_at(
            self,
            &draft_key(session),
            ctx::scan_manifest(bid, draft),
            plain,
            Some(draft.to_owned()),
        )
        .await?;
        Ok(())
    }

    /// Adds the photos received to a draft (`draft`), or to a new one; the draft as it is now.
    /// Each photo is cleaned (type checked, re-encoded without metadata, thumbnail made) and
    /// sealed before the next is; if one is refused, none of this request's are kept.
    pub async fn scan_add(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
        draft: Option<&str>,
        folder_id: Option<String>,
        photos: ScanPhotos,
    ) -> ServiceResult<ScanDraft> {
        let (id, bid, mut manifest) = match draft {
            Some(d) => {
                let (bid, m) = self.manifest(session, bid, d).await?;
                (d.to_owned(), bid, m)
            }
            None => {
                let bid = self.may_scan_into(session, bid).await?;
                let folder_id = folder_id
                    .as_deref()
                    .map(|f| FolderId::parse(f).map(FolderId::into_string))
                    .transpose()?;
                let id = hex::encode(consigne_vault::random_bytes::<16>());
                let m = Manifest {
                    folder_id,
                    pages: Vec::new(),
                };
                (id, bid, m)
            }
        };
        let (photos, _share) = photos.into_parts();
        if photos.is_empty() {
            return Err(crate::domain::InvalidInput::new("file", "required").into());
        }
        if manifest.pages.len() + photos.len() > MAX_SCAN_PAGES {
            return Err(ServiceError::TooLarge("too_many_files"));
        }
        let key = draft_key(session);
        let mut total = manifest.total();
        let mut added: Vec<DraftPage> = Vec::new();
        for photo in photos {
            let sealed = self.seal_page(&key, &bid, &id, photo).await;
            if let Ok(page) = &sealed {
                total += page.bytes;
            }
            let refused = match sealed {
                Ok(page) => {
                    added.push(page);
                    (total > self.scan_limit()).then_some(ServiceError::TooLarge("scan_too_large"))
                }
                Err(e) => Some(e),
            };
            if let Some(e) = refused {
                self.forget(added.iter().flat_map(DraftPage::keys));
                return Err(e);
            }
        }
        manifest.pages.extend(added);
        self.write_manifest(session, &bid, &id, &manifest).await?;
        Ok(manifest.view(&id))
    }

    /// What the pages of a draft may weigh together: one in-memory file (they become one).
    fn scan_limit(&self) -> usize {
        let storage = &self.config.storage;
        storage.in_memory_bytes().min(storage.max_file_bytes())
    }

    /// Cleans one photo and seals it and its thumbnail into the draft.
    async fn seal_page(
        &self,
        key: &Key32,
        bid: &BeneficiaryId,
        draft: &str,
        photo: Vec<u8>,
    ) -> ServiceResult<DraftPage> {
        let (clean, kind, thumb) = clean(self, photo).await?;
        let Some(thumb) = thumb.filter(|_| kind != consigne_media::Kind::Pdf) else {
            // A PDF goes in with "add a file"; a scan is photos.
            return Err(ServiceError::UnsupportedType("pdf"));
        };
        let bytes = clean.len();
        let photo = write_blob(self, key, ctx::scan_page(bid, draft), clean).await?;
        let thumb = match write_blob(self, key, ctx::scan_page(bid, draft), thumb).await {
            Ok(t) => t,
            Err(e) => {
                self.forget([&photo.blob_key]);
                return Err(e);
            }
        };
        Ok(DraftPage {
            photo: photo.blob_key,
            thumb: thumb.blob_key,
            bytes,
        })
    }

    /// Removes blobs of a draft (best effort: what remains is collected as an orphan).
    fn forget<K: AsRef<str>>(&self, keys: impl IntoIterator<Item = K>) {
        for key in keys {
            if let Err(e) = self.blobs.delete(key.as_ref()) {
                tracing::warn!(error = %blob_error(e), "scan draft blob left for orphan collection");
            }
        }
    }

    /// A draft of this session for the safe `bid`.
    pub async fn scan_draft(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
        draft: &str,
    ) -> ServiceResult<ScanDraft> {
        let (_, m) = self.manifest(session, bid, draft).await?;
        Ok(m.view(draft))
    }

    /// The thumbnail (JPEG) of page `n` (from 0) of a draft.
    pub async fn scan_thumbnail(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
        draft: &str,
        n: usize,
    ) -> ServiceResult<Vec<u8>> {
        let (bid, m) = self.manifest(session, bid, draft).await?;
        let page = m.pages.get(n).ok_or(ServiceError::NotFound)?;
        let (thumb, _) = read_blob(
            self,
            &draft_key(session),
            ctx::scan_page(&bid, draft),
            page.thumb.clone(),
        )
        .await
        .map_err(|_| ServiceError::NotFound)?;
        Ok(thumb)
    }

    /// Moves or removes page `n` (from 0) of a draft; a move past either end changes nothing.
    pub async fn scan_edit(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
        draft: &str,
        n: usize,
        edit: PageEdit,
    ) -> ServiceResult<ScanDraft> {
        let (bid, mut m) = self.manifest(session, bid, draft).await?;
        if n >= m.pages.len() {
            return Err(ServiceError::NotFound);
        }
        match edit {
            PageEdit::Up if n > 0 => m.pages.swap(n, n - 1),
            PageEdit::Down if n + 1 < m.pages.len() => m.pages.swap(n, n + 1),
            PageEdit::Remove => {
                let page = m.pages.remove(n);
                self.write_manifest(session, &bid, draft, &m).await?;
                self.forget(page.keys());
                return Ok(m.view(draft));
            }
            PageEdit::Up | PageEdit::Down => return Ok(m.view(draft)),
        }
        self.write_manifest(session, &bid, draft, &m).await?;
        Ok(m.view(draft))
    }

    /// Saves a draft as one PDF document (pages in order) named `name`, in `folder_id`, of type and
    /// end date `paper`, then
    /// removes the draft. If saving is refused (the safe is full...), the draft stays.
    pub async fn scan_save(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
        draft: &str,
        name: Option<String>,
        folder_id: Option<String>,
        paper: PaperDetails,
    ) -> ServiceResult<DocumentView> {
        let (bid, m) = self.manifest(session, bid, draft).await?;
        let key = draft_key(session);
        let mut photos = ScanPhotos::new(self, u64::try_from(m.total()).ok());
        for page in &m.pages {
            let (photo, _) = read_blob(self, &key, ctx::scan_page(&bid, draft), page.photo.clone())
                .await
                .map_err(|_| ServiceError::NotFound)?;
            photos.start_photo()?;
            photos.push(&photo).await?;
        }
        let doc = scan_document(self, session, &bid, photos, (name, folder_id), paper).await?;
        self.forget(m.pages.iter().flat_map(DraftPage::keys));
        self.forget([draft]);
        Ok(doc)
    }

    /// Drops a draft and its photos.
    pub async fn scan_discard(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
        draft: &str,
    ) -> ServiceResult<()> {
        let (_, m) = self.manifest(session, bid, draft).await?;
        self.forget(m.pages.iter().flat_map(DraftPage::keys));
        self.forget([draft]);
        Ok(())
    }
}
