//! A PDF's preview, service side: its pages rendered as images by the server (crates/media,
//! `pdf_preview`), so that she and her relais read a paper without downloading it.
//!
//! - **Content, kept like content.** The pages are one blob (the JPEGs one after the other)
//!   sealed under the item key with context `blob|<b>|<item>|preview`, the first page as the
//!   document's thumbnail (`…|thumbnail`, as a photo's); their sizes are in the metadata the
//!   item key seals ([`PreviewMeta`]). The operator stores ciphertext; rendering needs the item
//!   key, so it happens in a request of someone who holds it.
//! - **Rendered once.** At upload for PDFs received in memory (a list of fifty documents reads
//!   fifty thumbnails, never renders); at the first view for the others (large PDFs streamed to
//!   storage, documents from before previews): compare-and-swap on the row, so of two first
//!   views at once one records and the other's blobs are deleted. A PDF that cannot be shown
//!   records an empty preview and is not tried again.
//! - **Bounded.** Rendering runs on the blocking pool within the media budget, its share taken
//!   from `consigne_media::preview_cost` (streams measured, one page at most); the crate bounds
//!   pages, pixels, memory and work. A failure is never an error for the caller: no preview.
//! - **Access.** A page image is opened like the content (`open_item`, policy then key) and
//!   journaled as a view of the document, once per visit: pages asked within
//!   [`VIEW_WINDOW`] by the same person after her own view add no line.

use serde::{Deserialize, Serialize};

use crate::domain::{BeneficiaryId, ItemId, ItemKind};
use crate::policy::Action;
use crate::service::contexts as ctx;
use crate::service::items::content::{read_blob, read_blob_range, write_blob};
use crate::service::items::open::{Opened, open_item};
use crate::service::journal::{actor_of, journal};
use crate::service::{App, ServiceError, ServiceResult, Session};
use crate::store::items;

/// Seconds during which more pages of a document she just viewed add no journal line.
pub(crate) const VIEW_WINDOW: i64 = 600;

/// A PDF's rendered pages, as the item key seals them with its metadata.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviewMeta {
    /// (width, height, bytes) of each page rendered, in order; empty: it cannot be shown.
    pub pages: Vec<(u32, u32, u64)>,
    /// Pages in the file.
    pub total: u32,
}

/// A preview just rendered: its metadata, the pages' JPEGs one after the other, the thumbnail.
pub(crate) struct Rendered {
    pub(crate) meta: PreviewMeta,
    pub(crate) pages: Vec<u8>,
    pub(crate) thumbnail: Option<Vec<u8>>,
}

impl Rendered {
    fn none() -> Self {
        Self {
            meta: PreviewMeta::default(),
            pages: Vec::new(),
            thumbnail: None,
        }
    }
}

/// Renders `pdf`'s preview within the media budget; gives the bytes back. Never fails: a PDF
/// that cannot be shown gets an empty preview (logged without content).
pub(crate) async fn render(app: &App, pdf: Vec<u8>) -> (Vec<u8>, Rendered) {
    #[cfg(feature = "pdf-preview")]
    {
        let limits = crate::service::items::media::media_limits(app);
        let pdf = std::sync::Arc::new(pdf);
        let (p, l) = (pdf.clone(), limits.clone());
        let cost = tokio::task::spawn_blocking(move || consigne_media::preview_cost(&p, &l)).await;
        let rendered = match cost {
            Ok(Ok(cost)) => match app.media.take(cost).await {
                Ok(_permit) => {
                    let p = pdf.clone();
                    match tokio::task::spawn_blocking(move || {
                        consigne_media::pdf_preview(&p, &limits)
                    })
                    .await
                    {
                        Ok(Ok(preview)) => Some(preview),
                        Ok(Err(e)) => {
                            tracing::info!(error = %e, "no preview for a PDF");
                            None
                        }
                        Err(_) => None,
                    }
                }
                Err(_) => None,
            },
            Ok(Err(e)) => {
                tracing::info!(error = %e, "no preview for a PDF");
                None
            }
            Err(_) => None,
        };
        let pdf = std::sync::Arc::try_unwrap(pdf).unwrap_or_else(|shared| (*shared).clone());
        let Some(preview) = rendered else {
            return (pdf, Rendered::none());
        };
        let mut pages = Vec::new();
        let mut sizes = Vec::with_capacity(preview.pages.len());
        for page in preview.pages {
            sizes.push((page.width, page.height, page.jpeg.len() as u64));
            pages.extend_from_slice(&page.jpeg);
        }
        let meta = PreviewMeta {
            pages: sizes,
            total: u32::try_from(preview.page_count).unwrap_or(u32::MAX),
        };
        (
            pdf,
            Rendered {
                meta,
                pages,
                thumbnail: Some(preview.thumbnail),
            },
        )
    }
    #[cfg(not(feature = "pdf-preview"))]
    {
        let _ = app;
        (pdf, Rendered::none())
    }
}

/// Blobs written for a preview: (key, digest) of the pages and of the thumbnail.
pub(crate) struct PreviewBlobs {
    pub(crate) pages: Option<(String, String)>,
    pub(crate) thumbnail: Option<(String, String)>,
}

impl PreviewBlobs {
    pub(crate) fn keys(&self) -> impl Iterator<Item = &str> {
        [&self.pages, &self.thumbnail]
            .into_iter()
            .flatten()
            .map(|(k, _)| k.as_str())
    }
}

/// Seals a rendered preview's pages and thumbnail under the item key (`with_thumbnail`:
/// whether the item has none yet).
pub(crate) async fn store(
    app: &App,
    key: &consigne_vault::Key32,
    (bid, id): (&BeneficiaryId, &ItemId),
    rendered: Rendered,
    with_thumbnail: bool,
) -> ServiceResult<PreviewBlobs> {
    let mut out = PreviewBlobs {
        pages: None,
        thumbnail: None,
    };
    if !rendered.pages.is_empty() {
        let b = write_blob(app, key, ctx::blob(bid, id, "preview"), rendered.pages).await?;
        out.pages = Some((b.blob_key, b.blob_sha256));
    }
    if let (true, Some(t)) = (with_thumbnail, rendered.thumbnail) {
        match write_blob(app, key, ctx::blob(bid, id, "thumbnail"), t).await {
            Ok(b) => out.thumbnail = Some((b.blob_key, b.blob_sha256)),
            Err(e) => {
                discard(app, &out);
                return Err(e);
            }
        }
    }
    Ok(out)
}

/// Deletes blobs no row will point to (or leaves them to orphan collection).
pub(crate) fn discard(app: &App, blobs: &PreviewBlobs) {
    for key in blobs.keys() {
        let _ = app.blobs.delete(key);
    }
}

/// The preview of an opened PDF whose metadata has none yet: rendered from its content,
/// stored, recorded (compare-and-swap). `seal` re-seals the metadata with the preview in it.
pub(crate) async fn render_first_time(
    app: &App,
    o: &Opened,
    seal: impl FnOnce(&PreviewMeta) -> Vec<u8>,
) -> ServiceResult<PreviewMeta> {
    let bid = o.row.beneficiary_id.clone();
    let rendered = match &o.row.blob_key {
        // Larger than a preview may read: shown as "download it", never tried again.
        Some(_) if u64::try_from(o.row.size).unwrap_or(u64::MAX) > max_source(app) => {
            Rendered::none()
        }
        Some(blob_key) => {
            let (content, _) = read_blob(
                app,
                &o.key,
                ctx::blob(&bid, &o.row.id, "content"),
                blob_key.clone(),
            )
            .await?;
            render(app, content).await.1
        }
        None => return Err(ServiceError::NotFound),
    };
    let meta = rendered.meta.clone();
    let blobs = store(
        app,
        &o.key,
        (&bid, &o.row.id),
        rendered,
        o.row.thumb_key.is_none(),
    )
    .await?;
    let sealed = seal(&meta);
    let (id, old) = (o.row.id.clone(), o.row.meta_sealed.clone());
    let (pages, thumb) = (blobs.pages.clone(), blobs.thumbnail.clone());
    let recorded = app
        .tx(move |tx| {
            Ok(items::set_preview(
                tx,
                &id,
                &old,
                &sealed,
                pages.as_ref().map(|(k, d)| (k.as_str(), d.as_str())),
                thumb.as_ref().map(|(k, d)| (k.as_str(), d.as_str())),
            )?)
        })
        .await;
    match recorded {
        Ok(true) => {}
        // Another view recorded first (or the row changed): ours are not needed.
        Ok(false) => discard(app, &blobs),
        Err(e) => {
            discard(app, &blobs);
            return Err(e);
        }
    }
    Ok(meta)
}

/// The largest PDF a first view renders (its bytes are read whole): the in-memory PDF bound
/// of the media settings.
fn max_source(app: &App) -> u64 {
    app.config.media.limits().max_pdf_inflated
}

/// Page `n` (from 1) of a document's preview, for whoever may view the document; journaled
/// as a view (once per visit, see the module's first lines).
pub(crate) async fn page_image(
    app: &App,
    session: &Session,
    id: &ItemId,
    n: usize,
    meta_of: impl FnOnce(&Opened) -> ServiceResult<Option<PreviewMeta>>,
) -> ServiceResult<Vec<u8>> {
    let o = open_item(app, session, id, Action::View, ItemKind::Document).await?;
    let meta = meta_of(&o)?.ok_or(ServiceError::NotFound)?;
    let index = n.checked_sub(1).ok_or(ServiceError::NotFound)?;
    let (_, _, len) = *meta.pages.get(index).ok_or(ServiceError::NotFound)?;
    let start: u64 = meta.pages[..index].iter().map(|p| p.2).sum();
    let blob_key = o.row.preview_key.clone().ok_or(ServiceError::NotFound)?;
    let bytes = read_blob_range(
        app,
        &o.key,
        ctx::blob(&o.row.beneficiary_id, &o.row.id, "preview"),
        blob_key,
        start..start.saturating_add(len),
    )
    .await?;
    journal_view(app, session, &o).await?;
    Ok(bytes)
}

/// Journals `document_viewed` unless the last line of her journal already says that the same
/// person viewed this document less than [`VIEW_WINDOW`] ago (the other pages of one visit).
async fn journal_view(app: &App, session: &Session, o: &Opened) -> ServiceResult<()> {
    let actor = actor_of(session, o.via.as_ref());
    let (bid, iid, now) = (o.row.beneficiary_id.clone(), o.row.id.clone(), app.now());
    app.tx(move |tx| {
        let last = crate::store::journal::for_beneficiary(tx, &bid, 1)?;
        let same_visit = last.first().is_some_and(|e| {
            e.action == "document_viewed"
                && e.target_id.as_deref() == Some(iid.as_str())
                && e.actor_account == actor.account
                && e.actor_structure == actor.structure
                && now.saturating_sub(e.at) < VIEW_WINDOW
        });
        if same_visit {
            return Ok(());
        }
        journal(
            tx,
            now,
            Some(&bid),
            &actor,
            "document_viewed",
            Some((ItemKind::Document.as_str(), iid.as_str())),
            true,
        )
    })
    .await
}
