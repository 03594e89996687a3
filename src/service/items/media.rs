//! Media processing under one memory budget (`[media]` in the configuration).
//!
//! Decoding a photo, re-encoding it, making its thumbnail, cleaning a PDF in memory and turning
//! the scan form's photos into a PDF all take memory in proportion to what the file *decodes
//! to*, which a small file can make huge. Each one first asks `consigne_media::cost` (header
//! and bounded-inflate checks, nothing decoded: a bomb is refused here), then takes that many
//! KiB from the shared budget (`media.budget_mb`), waiting for room, and gives them back when
//! it is done. So whatever arrives at once, media processing holds at most the budget. The
//! file's own bytes count in the uploads' budget instead (`upload.rs`), until they are stored:
//! each budget counts its bytes once.
//!
//! This is the only place the service runs `consigne_media`'s decoders.

use std::sync::Arc;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::service::{App, ServiceError, ServiceResult};

/// A sanitised upload: its bytes, its type, its thumbnail.
pub(crate) type Processed = (Vec<u8>, consigne_media::Kind, Option<Vec<u8>>);

pub(crate) fn media_error(e: consigne_media::MediaError) -> ServiceError {
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

/// The shared media budget, in KiB.
#[derive(Debug, Clone)]
pub(crate) struct MediaBudget {
    permits: Arc<Semaphore>,
    kib: u32,
}

impl MediaBudget {
    pub(crate) fn new(config: &crate::config::Media) -> Self {
        let kib = config.budget_kib();
        Self {
            permits: Arc::new(Semaphore::new(kib as usize)),
            kib,
        }
    }

    /// Waits until `bytes` of the budget are free and takes them (all of it at most).
    pub(crate) async fn take(&self, bytes: u64) -> ServiceResult<OwnedSemaphorePermit> {
        let kib = u32::try_from(bytes.div_ceil(1024))
            .unwrap_or(u32::MAX)
            .clamp(1, self.kib);
        self.permits
            .clone()
            .acquire_many_owned(kib)
            .await
            .map_err(|_| ServiceError::Internal("media budget"))
    }
}

/// Runs `f` on a blocking thread.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, consigne_media::MediaError> + Send + 'static,
) -> ServiceResult<T> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|_| ServiceError::Internal("media task"))?
        .map_err(media_error)
}

/// What `consigne_media` may do, from `[media]`.
pub(crate) fn media_limits(app: &App) -> consigne_media::Limits {
    app.config.media.limits()
}

/// Small uploads: the type decided by content, images re-encoded, PDFs rewritten without
/// active content, a thumbnail; within the media budget.
pub(crate) async fn clean(app: &App, bytes: Vec<u8>) -> ServiceResult<Processed> {
    let limits = media_limits(app);
    let l = limits.clone();
    let (bytes, keep) = blocking(move || {
        let keep = matches!(consigne_media::sniff(&bytes), Ok(consigne_media::Kind::Pdf))
            && consigne_media::pdf_is_clean(&bytes, &l);
        Ok((bytes, keep))
    })
    .await?;
    if keep {
        return Ok((bytes, consigne_media::Kind::Pdf, None));
    }
    let bytes = Arc::new(bytes);
    let (b, l) = (bytes.clone(), limits.clone());
    let cost = blocking(move || consigne_media::cost(&b, &l)).await?;
    let _permit = app.media.take(cost).await?;
    blocking(move || {
        let kind = consigne_media::sniff(&bytes)?;
        let (clean, kind) = match kind {
            consigne_media::Kind::Pdf => (consigne_media::sanitize_pdf(&bytes, &limits)?.0, kind),
            _ => consigne_media::sanitize_image(&bytes, &limits)?,
        };
        drop(bytes);
        let thumb = consigne_media::thumbnail(&clean, kind, &limits)?;
        Ok((clean, kind, thumb))
    })
    .await
}

/// The scan form: several photos become one PDF, within the media budget (they are decoded
/// one at a time; the largest one's share is taken for the whole run).
pub(crate) async fn photos_to_pdf(app: &App, photos: Vec<Vec<u8>>) -> ServiceResult<Vec<u8>> {
    let limits = media_limits(app);
    let photos = Arc::new(photos);
    let (p, l) = (photos.clone(), limits.clone());
    let cost = blocking(move || consigne_media::scan_cost(&p, &l)).await?;
    let _permit = app.media.take(cost).await?;
    blocking(move || consigne_media::images_to_pdf(&photos, &limits)).await
}
