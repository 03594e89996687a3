//! The safe's documents: upload (type decided by content, images re-encoded, PDFs
//! neutralised), encrypted storage, listing, download, rename, move, delete. Every access is
//! journaled. The item core (opening, wraps, sealing, sharing) is in the sibling modules.

use crate::domain::certification::{self, Certificate};
use crate::domain::{BeneficiaryId, DocumentType, FolderId, ItemId, ItemKind, StructureId};
use crate::policy::Decision;
use crate::policy::{Action, Actor};
use crate::service::access::{allow_on_safe, item_decision};
use crate::service::calendar::reminders::schedule_expiry_reminders;
use crate::service::certification as certification_log;
use crate::service::contexts as ctx;
use crate::service::items::content::{ChannelWriter, ContentSource, ContentStream, blob_error};
use crate::service::items::content::{read_blob, write_blob};
use crate::service::items::media::{clean, photos_to_pdf};
use crate::service::items::open::Opened;
use crate::service::items::open::{
    item_key, journal_access, open_item, visible_items, visible_page,
};
use crate::service::items::preview::{self, PreviewMeta, Rendered};
use crate::service::items::seal::{open_meta, seal_meta};
use crate::service::items::upload::{InMemory, MemoryShare, Received, ScanPhotos, Upload};
use crate::service::items::visibility::{CreatedBy, created_by, visible_shares};
use crate::service::items::wrap::new_item_row;
use crate::service::items::wrap::{insert_item, new_item_wraps};
use crate::service::journal::{actor_of, journal};
use crate::service::paging::{Page, PageNumber};
use crate::service::{App, ServiceError, ServiceResult, Session};
use crate::store::beneficiaries;
use crate::store::items::{self, FolderFilter, ItemRow, ShareRow};
use consigne_vault::Key32;
use serde::{Deserialize, Serialize};

#[derive(Debug, Default)]
pub struct NewDocument {
    pub content: Received,
    pub file_name: Option<String>,
    pub name: Option<String>,
    pub folder_id: Option<String>,
}

/// What she says a paper she adds is, as a form or a client sent it (checked here: an unknown
/// type or a wrong date is refused).
#[derive(Debug, Default, Clone)]
pub struct PaperDetails {
    /// A [`DocumentType`] code; none: `other`.
    pub doc_type: Option<String>,
    /// `YYYY-MM-DD`: the paper's end date (reminders are planned from it).
    pub expires_on: Option<String>,
    /// Added by a professional in the name of this structure (one of her relais whose key he
    /// holds): shared with it. None: the first such relais.
    pub via: Option<StructureId>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocumentView {
    pub id: ItemId,
    pub beneficiary_id: BeneficiaryId,
    pub name: String,
    /// What the paper is (sealed with its name).
    #[serde(rename = "type")]
    pub doc_type: DocumentType,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    pub folder_id: Option<FolderId>,
    pub created_at: String,
    pub created_by: CreatedBy,
    pub shared_with: Vec<StructureId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_on: Option<String>,
    pub has_thumbnail: bool,
    /// The caller may rename, move, date or delete it (`policy`, `Action::Update`).
    pub editable: bool,
}

/// What the item key seals besides the content.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct DocumentMeta {
    name: String,
    /// Absent from the documents added before types existed: they read `other`.
    #[serde(default, rename = "type")]
    doc_type: DocumentType,
    file_name: String,
    content_type: String,
    sha256: String,
    /// The random salt of its leaf in the certification log (hex; docs/certification.md),
    /// sealed here so the operator cannot confirm a guess from the log. Absent from the
    /// documents added before certification.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    salt: Option<String>,
    /// A PDF's rendered pages (`preview.rs`); none yet for a PDF not rendered so far.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    preview: Option<PreviewMeta>,
}

#[derive(Debug, Clone, Default)]
pub struct DocumentPatch {
    pub name: Option<String>,
    /// A [`DocumentType`] code.
    pub doc_type: Option<String>,
    /// `Some(None)` moves to the top level.
    pub folder_id: Option<Option<String>>,
    /// `Some(None)` removes the expiry date.
    pub expires_on: Option<Option<String>>,
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

/// The certificate of a document already opened (not journaled: the caller journals its
/// access); `None` for a document added before certification.
pub(crate) async fn certificate_of(app: &App, o: &Opened) -> ServiceResult<Option<Certificate>> {
    let meta: DocumentMeta = open_meta(app, &o.row, &o.key)?;
    let Some(salt) = meta.salt else {
        return Ok(None);
    };
    Ok(Some(
        certification_log::certificate(app, &o.row.id, &meta.sha256, &salt).await?,
    ))
}

impl App {
    fn document_view(
        &self,
        row: &ItemRow,
        key: &Key32,
        shares: &[ShareRow],
        session: &Session,
    ) -> ServiceResult<DocumentView> {
        let meta: DocumentMeta = open_meta(self, row, key)?;
        let expires_on = match &row.expires_sealed {
            Some(s) => Some(
                String::from_utf8_lossy(&self.platform.open(&ctx::expiry(&row.id), s)?)
                    .into_owned(),
            ),
            None => None,
        };
        let shared_with = visible_shares(session, shares);
        let live: Vec<StructureId> = shares.iter().map(|s| s.structure_id.clone()).collect();
        let editable = item_decision(session, Action::Update, row, &live, &live) == Decision::Allow;
        Ok(DocumentView {
            editable,
            id: row.id.clone(),
            beneficiary_id: row.beneficiary_id.clone(),
            name: meta.name,
            doc_type: meta.doc_type,
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

    /// Starts receiving a document for safe `bid`: checks that the caller may add to it first,
    /// so that nothing is stored for someone who may not. `size_hint`: the most the file can
    /// be (the request body's length), when known.
    pub async fn begin_upload(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
        size_hint: Option<u64>,
    ) -> ServiceResult<Upload> {
        let (_, used) = may_add_to(self, session, bid).await?;
        let room = self.config.storage.quota_bytes().saturating_sub(used);
        Ok(Upload::new(self, bid.clone(), room, size_hint))
    }

    /// Adds a document of type `other`, without an end date.
    pub async fn upload_document(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
        input: NewDocument,
    ) -> ServiceResult<DocumentView> {
        self.add_paper(session, bid, input, PaperDetails::default())
            .await
    }

    /// Adds a document with its type and end date (`paper`); as [`App::upload_document`].
    pub async fn add_paper(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
        input: NewDocument,
        paper: PaperDetails,
    ) -> ServiceResult<DocumentView> {
        add_document_as(self, session, bid, input, paper, "document_uploaded").await
    }

    async fn store_document(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
        input: NewDocument,
        paper: PaperDetails,
        action: &'static str,
    ) -> ServiceResult<DocumentView> {
        let bid = bid.clone();
        let b2 = bid.clone();
        let folder = input
            .folder_id
            .as_deref()
            .map(FolderId::parse)
            .transpose()?;
        let f2 = folder.clone();
        let doc_type = paper
            .doc_type
            .as_deref()
            .filter(|t| !t.trim().is_empty())
            .map(DocumentType::parse)
            .transpose()?
            .unwrap_or_default();
        let expiry = paper
            .expires_on
            .as_deref()
            .filter(|d| !d.trim().is_empty())
            .map(parse_date)
            .transpose()?;
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
        let relays: Vec<_> = match &paper.via {
            Some(sid) => relays
                .into_iter()
                .filter(|r| r.structure_id == *sid)
                .collect(),
            None => relays,
        };
        allow_on_safe(session, Action::AddItem, &bid, &relays)?;
        let file_name = input.file_name.clone().unwrap_or_default();
        let (id, key, kind, size, sha256, blob_key, blob_sha256, thumb, rendered) = match input
            .content
        {
            Received::Memory(InMemory { bytes, share }) => {
                // The bytes count in the uploads' budget until they are stored (as received,
                // then cleaned); the cleaning and the preview count in the media budget.
                let mut share = share.unwrap_or_else(|| MemoryShare::new(self));
                share.cover(bytes.len()).await?;
                let (clean, kind, thumb) = clean(self, bytes).await?;
                share.cover(clean.len()).await?;
                let (clean, rendered) = if kind == consigne_media::Kind::Pdf {
                    let (clean, r) = preview::render(self, clean).await;
                    (clean, Some(r))
                } else {
                    (clean, None)
                };
                let size = i64::try_from(clean.len())
                    .map_err(|_| ServiceError::TooLarge("file_too_large"))?;
                if used + size > self.config.storage.quota_bytes() {
                    return Err(ServiceError::TooLarge("quota_exceeded"));
                }
                let (id, key) = (ItemId::generate(), Key32::random());
                let blob = write_blob(self, &key, ctx::blob(&bid, &id, "content"), clean).await?;
                drop(share);
                (
                    id,
                    key,
                    kind,
                    size,
                    blob.sha256,
                    blob.blob_key,
                    blob.blob_sha256,
                    thumb,
                    rendered,
                )
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
                    // Large PDFs are rendered at their first view.
                    None::<Rendered>,
                )
            }
        };
        let name = document_name(input.name.as_deref(), &file_name, kind.extension())?;
        let now = self.now();
        let salt: [u8; 32] = consigne_vault::random_bytes();
        let leaf = certification::leaf(
            &hex::decode(&sha256)
                .ok()
                .and_then(|d| <[u8; 32]>::try_from(d).ok())
                .ok_or(ServiceError::Internal("document digest"))?,
            &salt,
            id.as_str(),
            now,
        );
        let meta = DocumentMeta {
            salt: Some(hex::encode(salt)),
            name,
            doc_type,
            file_name: clean_name(&file_name, 255),
            content_type: kind.mime().to_owned(),
            sha256,
            preview: rendered.as_ref().map(|r| r.meta.clone()),
        };
        let (mut thumb_key, mut thumb_sha256) = match thumb {
            Some(t) => {
                let blob = write_blob(self, &key, ctx::blob(&bid, &id, "thumbnail"), t).await?;
                (Some(blob.blob_key), Some(blob.blob_sha256))
            }
            None => (None, None),
        };
        let previews = match rendered {
            Some(r) => Some(preview::store(self, &key, (&bid, &id), r, thumb_key.is_none()).await?),
            None => None,
        };
        if let Some((k, d)) = previews.as_ref().and_then(|p| p.thumbnail.clone()) {
            (thumb_key, thumb_sha256) = (Some(k), Some(d));
        }
        let (preview_key, preview_sha256) = previews.as_ref().and_then(|p| p.pages.clone()).unzip();
        let wraps = new_item_wraps(self, session, &bid, &id, &key, &account_public, &relays)?;
        let row = ItemRow {
            folder_id: folder,
            blob_key: Some(blob_key.clone()),
            thumb_key: thumb_key.clone(),
            size,
            blob_sha256: Some(blob_sha256),
            thumb_sha256,
            preview_key,
            preview_sha256,
            expires_sealed: expiry
                .as_ref()
                .map(|d| self.platform.seal(&ctx::expiry(&id), d.as_bytes())),
            ..new_item_row(
                session,
                &bid,
                &id,
                ItemKind::Document,
                seal_meta(self, &key, &bid, &id, &meta),
                wraps,
                now,
            )
        };
        let committed = insert_item(self, session, &row, &key, (action, Some(leaf))).await;
        let shares = match committed {
            Ok(s) => s,
            Err(e) => {
                // The row is not there: the blobs are orphans; remove them now (or at collection).
                for k in items::blob_keys(&row) {
                    let _ = self.blobs.delete(&k);
                }
                return Err(e);
            }
        };
        if expiry.is_some() {
            schedule_expiry_reminders(self, session, &row.id, &bid, expiry.as_deref()).await?;
        }
        self.document_view(&row, &key, &shares, session)
    }

    /// One page of her documents (`folder`), newest first, as the caller may see them.
    pub async fn documents_page(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
        folder: FolderFilter,
        page: PageNumber,
    ) -> ServiceResult<Page<DocumentView>> {
        let (opened, has_next) =
            visible_page(self, session, bid, ItemKind::Document, folder, page).await?;
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
    /// the first `shown` papers due are opened further (their names), so that the home page
    /// costs the same for a safe of ten papers and one of thousands. Returns them with the
    /// number of papers due. Her own page only.
    pub async fn papers_to_renew(
        &self,
        session: &Session,
        horizon: &str,
        shown: usize,
    ) -> ServiceResult<(Vec<(String, String, ItemId)>, usize)> {
        let bid = match &session.actor {
            Actor::Beneficiary { beneficiary_id, .. } => beneficiary_id.clone(),
            _ => return Err(ServiceError::NotFound),
        };
        let b2 = bid.clone();
        let dated = self
            .read(move |tx| Ok(items::expiring_of(tx, &b2)?))
            .await?;
        let mut due: Vec<(String, ItemId)> = dated
            .into_iter()
            .filter_map(|(id, sealed)| {
                let date = self.platform.open(&ctx::expiry(&id), &sealed).ok()?;
                let date = String::from_utf8_lossy(&date).into_owned();
                (date.as_str() <= horizon).then_some((date, id))
            })
            .collect();
        due.sort();
        let total = due.len();
        due.truncate(shown);
        let ids: Vec<ItemId> = due.iter().map(|(_, id)| id.clone()).collect();
        let rows = self
            .read(move |tx| {
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
            let name = item_key(self, session, row, &[])
                .ok()
                .and_then(|(key, _)| open_meta::<DocumentMeta>(self, row, &key).ok())
                .map(|m| m.name);
            if let Some(name) = name {
                out.push((date, name, id));
            }
        }
        Ok((out, total))
    }

    pub async fn list_documents(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
        folder_id: Option<&str>,
    ) -> ServiceResult<Vec<DocumentView>> {
        list_documents(self, session, bid, folder_id).await
    }

    pub async fn get_document(
        &self,
        session: &Session,
        id: &ItemId,
    ) -> ServiceResult<DocumentView> {
        let o = open_item(self, session, id, Action::View, ItemKind::Document).await?;
        self.document_view(&o.row, &o.key, &o.shares, session)
    }

    /// A document and, for a PDF, its preview: the pages rendered as images, rendered now if
    /// they never were (`preview.rs`). `None` for a photo (shown itself).
    pub async fn document_preview(
        &self,
        session: &Session,
        id: &ItemId,
    ) -> ServiceResult<(DocumentView, Option<PreviewMeta>)> {
        let o = open_item(self, session, id, Action::View, ItemKind::Document).await?;
        let view = self.document_view(&o.row, &o.key, &o.shares, session)?;
        let meta: DocumentMeta = open_meta(self, &o.row, &o.key)?;
        if meta.content_type != consigne_media::Kind::Pdf.mime() {
            return Ok((view, None));
        }
        let preview = match meta.preview.clone() {
            Some(p) => p,
            None => {
                let (bid, iid) = (o.row.beneficiary_id.clone(), o.row.id.clone());
                preview::render_first_time(self, &o, |p| {
                    let with = DocumentMeta {
                        preview: Some(p.clone()),
                        ..meta.clone()
                    };
                    seal_meta(self, &o.key, &bid, &iid, &with)
                })
                .await?
            }
        };
        Ok((view, Some(preview)))
    }

    /// Page `n` (from 1) of a PDF's preview, as a JPEG; journaled as a view of the document.
    pub async fn document_page_image(
        &self,
        session: &Session,
        id: &ItemId,
        n: usize,
    ) -> ServiceResult<Vec<u8>> {
        preview::page_image(self, session, id, n, |o| {
            Ok(open_meta::<DocumentMeta>(self, &o.row, &o.key)?.preview)
        })
        .await
    }

    /// The certificate of a document (docs/certification.md): whoever may view it may get
    /// it; journaled like a view. 409 `not_certified` for a document added before the log.
    pub async fn document_certificate(
        &self,
        session: &Session,
        id: &ItemId,
    ) -> ServiceResult<Certificate> {
        let o = open_item(self, session, id, Action::View, ItemKind::Document).await?;
        let certificate = certificate_of(self, &o)
            .await?
            .ok_or(ServiceError::Conflict("not_certified"))?;
        journal_access(self, session, &o, "document_certified").await?;
        Ok(certificate)
    }

    /// The exact bytes whose SHA-256 the document carries; journaled as a download or a view.
    pub async fn document_content(
        &self,
        session: &Session,
        id: &ItemId,
        thumbnail: bool,
        action: &'static str,
    ) -> ServiceResult<(DocumentView, Vec<u8>)> {
        let o = open_item(self, session, id, Action::View, ItemKind::Document).await?;
        let view = self.document_view(&o.row, &o.key, &o.shares, session)?;
        let (part, blob_key) = match (thumbnail, &o.row.thumb_key, &o.row.blob_key) {
            (true, Some(t), _) => ("thumbnail", t.clone()),
            (true, None, _) => return Err(ServiceError::NotFound),
            (false, _, Some(b)) => ("content", b.clone()),
            (false, _, None) => return Err(ServiceError::NotFound),
        };
        let (bytes, digest) = read_blob(
            self,
            &o.key,
            ctx::blob(&o.row.beneficiary_id, &o.row.id, part),
            blob_key,
        )
        .await?;
        if !thumbnail && hex::encode(digest) != view.sha256 {
            return Err(ServiceError::Internal("document digest mismatch"));
        }
        if !thumbnail {
            journal_access(self, session, &o, action).await?;
        }
        Ok((view, bytes))
    }

    /// Renames, moves or dates a document: the person, or a professional of the structure that
    /// added it until she makes it her own (`policy`); her change makes it hers. Only what
    /// really changes is written and journaled: a form saved as it was writes nothing.
    pub async fn update_document(
        &self,
        session: &Session,
        id: &ItemId,
        patch: DocumentPatch,
    ) -> ServiceResult<DocumentView> {
        let o = open_item(self, session, id, Action::Update, ItemKind::Document).await?;
        let bid = o.row.beneficiary_id.clone();
        let mut meta: DocumentMeta = open_meta(self, &o.row, &o.key)?;
        let mut actions = Vec::new();
        if let Some(name) = &patch.name {
            if clean_name(name, 200).is_empty() {
                return Err(crate::domain::InvalidInput::new("name", "required").into());
            }
            let name = document_name(Some(name), "", "document")?;
            if name != meta.name {
                meta.name = name;
                actions.push("document_renamed");
            }
        }
        if let Some(raw) = &patch.doc_type {
            let doc_type = DocumentType::parse(raw)?;
            if doc_type != meta.doc_type {
                meta.doc_type = doc_type;
                actions.push("document_type_changed");
            }
        }
        let folder = match &patch.folder_id {
            Some(Some(f)) => Some(FolderId::parse(f)?),
            Some(None) => None,
            None => o.row.folder_id.clone(),
        };
        if folder != o.row.folder_id {
            // Her folders are hers: a professional neither sees nor uses them.
            if o.via.is_some() {
                return Err(ServiceError::Forbidden);
            }
            actions.push("document_moved");
        }
        let current_expiry = match &o.row.expires_sealed {
            Some(s) => Some(
                String::from_utf8_lossy(&self.platform.open(&ctx::expiry(&o.row.id), s)?)
                    .into_owned(),
            ),
            None => None,
        };
        let expiry = match &patch.expires_on {
            Some(Some(d)) => Some(parse_date(d)?),
            Some(None) => None,
            None => current_expiry.clone(),
        };
        let expiry_changed = expiry != current_expiry;
        if expiry_changed {
            actions.push(if expiry.is_some() {
                "document_expiry_set"
            } else {
                "document_expiry_removed"
            });
        }
        if actions.is_empty() {
            return self.get_document(session, id).await;
        }
        let expires = match (&expiry, expiry_changed) {
            (Some(d), true) => Some(self.platform.seal(&ctx::expiry(&o.row.id), d.as_bytes())),
            (None, _) => None,
            (Some(_), false) => o.row.expires_sealed.clone(),
        };
        let sealed = seal_meta(self, &o.key, &bid, &o.row.id, &meta);
        let actor = actor_of(session, o.via.as_ref());
        let (iid, now) = (o.row.id.clone(), self.now());
        let (b2, f2) = (bid.clone(), folder.clone());
        let hers = o.via.is_none();
        self.tx(move |tx| {
            if let Some(f) = &f2
                && !items::folders_of(tx, &b2)?.iter().any(|x| x.id == *f)
            {
                return Err(ServiceError::NotFound);
            }
            items::update_meta(tx, &iid, &sealed, f2.as_ref(), expires.as_deref(), now)?;
            if hers {
                // Changed by her: from now on, only she changes it.
                items::make_hers(tx, &iid, now)?;
            }
            for a in actions {
                journal(
                    tx,
                    now,
                    Some(&b2),
                    &actor,
                    a,
                    Some((ItemKind::Document.as_str(), iid.as_str())),
                    true,
                )?;
            }
            Ok(())
        })
        .await?;
        if expiry_changed {
            schedule_expiry_reminders(self, session, &o.row.id, &bid, expiry.as_deref()).await?;
        }
        self.get_document(session, id).await
    }

    pub async fn delete_document(&self, session: &Session, id: &ItemId) -> ServiceResult<()> {
        let o = open_item(self, session, id, Action::Update, ItemKind::Document).await?;
        let actor = actor_of(session, o.via.as_ref());
        let (bid, iid, now) = (o.row.beneficiary_id.clone(), o.row.id.clone(), self.now());
        self.tx(move |tx| {
            items::delete(tx, &iid)?;
            journal(
                tx,
                now,
                Some(&bid),
                &actor,
                "document_deleted",
                Some((ItemKind::Document.as_str(), iid.as_str())),
                true,
            )
        })
        .await?;
        // The row is gone first: a crash here leaves an orphan, collected later, never a row
        // pointing at a missing blob.
        for key in items::blob_keys(&o.row) {
            if let Err(e) = self.blobs.delete(&key) {
                tracing::warn!(error = %e, "blob left for orphan collection");
            }
        }
        Ok(())
    }

    /// Names of her documents by id, for her journal in plain words (what she can still open).
    pub async fn document_names(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
    ) -> ServiceResult<Vec<(String, String)>> {
        Ok(self
            .list_documents(session, bid, None)
            .await?
            .into_iter()
            .map(|d| (d.id.into_string(), d.name))
            .collect())
    }
}

/// A paper the server made (a filled form, a letter) added to her safe like an upload, with
/// its type, end date and the structure it is added in the name of (`paper.via`).
pub(crate) async fn add_made_paper(
    app: &App,
    session: &Session,
    bid: &BeneficiaryId,
    (name, file_name, bytes): (String, &str, Vec<u8>),
    paper: PaperDetails,
) -> ServiceResult<DocumentView> {
    let doc = NewDocument {
        content: bytes.into(),
        file_name: Some(file_name.to_owned()),
        name: Some(name),
        folder_id: None,
    };
    app.add_paper(session, bid, doc, paper).await
}

/// Her relais and the bytes her safe holds, once the caller may add an item to it (before
/// anything is received or read for it).
pub(crate) async fn may_add_to(
    app: &App,
    session: &Session,
    bid: &BeneficiaryId,
) -> ServiceResult<(Vec<beneficiaries::RelayRow>, i64)> {
    let b2 = bid.clone();
    let (relays, used) = app
        .read(move |tx| {
            beneficiaries::by_id(tx, &b2)?.ok_or(ServiceError::NotFound)?;
            Ok((
                beneficiaries::relays_of(tx, &b2)?,
                items::total_size(tx, &b2)?,
            ))
        })
        .await?;
    allow_on_safe(session, Action::AddItem, bid, &relays)?;
    Ok((relays, used))
}

/// Adds a document (as [`App::add_paper`]) journaled as `action` (`document_uploaded`, or
/// `file_assembled` for a file the server made); a blob already stored for it is removed if
/// the document is refused.
pub(crate) async fn add_document_as(
    app: &App,
    session: &Session,
    bid: &BeneficiaryId,
    input: NewDocument,
    paper: PaperDetails,
    action: &'static str,
) -> ServiceResult<DocumentView> {
    let stored = match &input.content {
        Received::Stored(s) => Some(s.blob_key.clone()),
        Received::Memory(_) => None,
    };
    let result = app.store_document(session, bid, input, paper, action).await;
    if result.is_err()
        && let Some(key) = stored
    {
        // Streamed to storage but refused afterwards: no row will ever point to it.
        let _ = app.blobs.delete(&key);
    }
    result
}

/// Scanning from a phone: several photos, in order, become one PDF document.
pub(crate) async fn scan_document(
    app: &App,
    session: &Session,
    bid: &BeneficiaryId,
    scan: ScanPhotos,
    (name, folder_id): (Option<String>, Option<String>),
    paper: PaperDetails,
) -> ServiceResult<DocumentView> {
    let (photos, share) = scan.into_parts();
    if photos.is_empty() {
        return Err(crate::domain::InvalidInput::new("file", "required").into());
    }
    let pdf = photos_to_pdf(app, photos).await?;
    app.add_paper(
        session,
        bid,
        NewDocument {
            // The scan's share goes on counting the PDF until it is stored.
            content: Received::Memory(InMemory {
                bytes: pdf,
                share: Some(share),
            }),
            file_name: Some("scan.pdf".into()),
            name,
            folder_id,
        },
        paper,
    )
    .await
}

pub(crate) async fn list_documents(
    app: &App,
    session: &Session,
    bid: &BeneficiaryId,
    folder_id: Option<&str>,
) -> ServiceResult<Vec<DocumentView>> {
    let folder = folder_id.map(FolderId::parse).transpose()?;
    visible_items(app, session, bid, ItemKind::Document)
        .await?
        .iter()
        .filter(|o| folder.is_none() || o.row.folder_id == folder)
        .map(|o| app.document_view(&o.row, &o.key, &o.shares, session))
        .collect()
}

/// A document the caller may view and its content's source; the caller journals the
/// access (with the returned item) before any byte leaves.
pub(crate) async fn document_source(
    app: &App,
    session: &Session,
    id: &ItemId,
) -> ServiceResult<(DocumentView, ContentSource, Opened)> {
    let o = open_item(app, session, id, Action::View, ItemKind::Document).await?;
    let view = app.document_view(&o.row, &o.key, &o.shares, session)?;
    let source = ContentSource {
        key: o.key.clone(),
        context: ctx::blob(&o.row.beneficiary_id, &o.row.id, "content"),
        blob_key: o.row.blob_key.clone().ok_or(ServiceError::NotFound)?,
        expected: view.sha256.clone(),
    };
    Ok((view, source, o))
}

/// What a share link shows of its document (no account: opened with the link's key alone).
#[derive(Debug, Clone)]
pub(crate) struct LinkedPaper {
    pub(crate) name: String,
    pub(crate) doc_type: DocumentType,
    pub(crate) content_type: String,
    pub(crate) file_name: String,
}

/// A document's name, type and content source, opened with its item key `key` (a share
/// link's): no session, no policy; the caller decided and journals.
pub(crate) fn paper_by_key(
    app: &App,
    row: &ItemRow,
    key: &Key32,
) -> ServiceResult<(LinkedPaper, ContentSource)> {
    if row.kind != ItemKind::Document {
        return Err(ServiceError::NotFound);
    }
    let meta: DocumentMeta = open_meta(app, row, key)?;
    let source = ContentSource {
        key: key.clone(),
        context: ctx::blob(&row.beneficiary_id, &row.id, "content"),
        blob_key: row.blob_key.clone().ok_or(ServiceError::NotFound)?,
        expected: meta.sha256.clone(),
    };
    Ok((
        LinkedPaper {
            name: meta.name,
            doc_type: meta.doc_type,
            content_type: meta.content_type,
            file_name: meta.file_name,
        },
        source,
    ))
}

impl App {
    /// A document's content as a stream (downloads and views); journaled before it starts.
    pub async fn document_stream(
        &self,
        session: &Session,
        id: &ItemId,
        action: &'static str,
    ) -> ServiceResult<(DocumentView, ContentStream)> {
        let (view, source, opened) = document_source(self, session, id).await?;
        let reader = open_source(self, &source).await?;
        journal_access(self, session, &opened, action).await?;
        Ok((view, decrypt_stream(reader, source)))
    }
}

/// Opens the stored ciphertext of `source` (before anything is journaled or sent).
pub(crate) async fn open_source(
    app: &App,
    source: &ContentSource,
) -> ServiceResult<Box<dyn std::io::Read + Send>> {
    let store = app.blobs.clone();
    let blob_key = source.blob_key.clone();
    tokio::task::spawn_blocking(move || store.open(&blob_key))
        .await
        .map_err(|_| ServiceError::Internal("blob task"))?
        .map_err(blob_error)
}

/// The plaintext of `source` as a stream of authenticated chunks, decrypted on a blocking
/// thread a few chunks ahead of the client (the memory of a download does not grow with the
/// document's size).
pub(crate) fn decrypt_stream(
    reader: Box<dyn std::io::Read + Send>,
    source: ContentSource,
) -> ContentStream {
    let (tx, rx) = tokio::sync::mpsc::channel(4);
    tokio::task::spawn_blocking(move || {
        let errors = tx.clone();
        if let Err(why) = source.decrypt(reader, ChannelWriter(tx)) {
            // The client sees a cut connection, never altered bytes presented as complete.
            tracing::error!(error = %why, blob = %source.blob_key, "download failed");
            let _ = errors.blocking_send(Err(std::io::Error::other("document could not be read")));
        }
    });
    rx
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::{DocumentMeta, DocumentType};

    /// The sealed metadata as documents added before types existed carry it.
    #[derive(serde::Serialize)]
    struct MetaBeforeTypes {
        name: String,
        file_name: String,
        content_type: String,
        sha256: String,
    }

    #[test]
    fn a_document_added_before_types_reads_other_and_keeps_its_type_once_set() {
        let old = serde_json::to_vec(&MetaBeforeTypes {
            name: "Passeport".into(),
            file_name: "p.pdf".into(),
            content_type: "application/pdf".into(),
            sha256: "00".into(),
        })
        .unwrap();
        let mut meta: DocumentMeta = serde_json::from_slice(&old).unwrap();
        assert_eq!(meta.doc_type, DocumentType::Other);
        assert_eq!(meta.name, "Passeport");
        meta.doc_type = DocumentType::Passport;
        let again: DocumentMeta =
            serde_json::from_slice(&serde_json::to_vec(&meta).unwrap()).unwrap();
        assert_eq!(again.doc_type, DocumentType::Passport);
    }
}
