//! Reading `multipart/form-data` with bounded memory, for the API's and the pages' uploads.
//!
//! The parser (multer) keeps in its buffer whatever it has not handed out yet: a preamble, the
//! headers of a part, and everything the socket delivers in one go. Left alone, a 200 MB
//! "header" or a fast client makes it hold as much. So the body reaches it one chunk per poll,
//! and the bytes it receives without handing anything out (no part, no data) are counted: past
//! [`PARSER_SLACK`] the form is refused. Text parts (`name`, `_csrf`...) are read up to
//! [`TEXT_PART_LIMIT`] bytes, file parts are streamed by the caller, and any other part is
//! drained without being kept.

use super::TEXT_PART_LIMIT;
use crate::service::ServiceError;
use crate::web::error::ApiError;
use axum::RequestExt;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header;
use futures_util::Stream;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};
use std::task::{Context, Poll};

/// Bytes the parser may receive without producing anything (part headers, boundaries, the
/// preamble, one network chunk in flight).
const PARSER_SLACK: u64 = 1024 * 1024;

const OK: u8 = 0;
const BODY_TOO_LARGE: u8 = 1;
const PARSER_OVERFLOW: u8 = 2;

/// What the guard and the reader share: bytes given to the parser, the count when it last
/// produced something, and why the body stopped.
#[derive(Debug, Default)]
struct Progress {
    delivered: AtomicU64,
    mark: AtomicU64,
    failure: AtomicU8,
}

impl Progress {
    fn advanced(&self) {
        self.mark
            .store(self.delivered.load(Ordering::Relaxed), Ordering::Relaxed);
    }
}

/// A multipart form body; see the module documentation.
pub struct MultipartForm {
    inner: multer::Multipart<'static>,
    progress: Arc<Progress>,
    body_len: Option<u64>,
}

impl std::fmt::Debug for MultipartForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MultipartForm").finish_non_exhaustive()
    }
}

impl<S: Send + Sync> FromRequest<S> for MultipartForm {
    type Rejection = ApiError;

    async fn from_request(req: Request, _state: &S) -> Result<Self, Self::Rejection> {
        let boundary = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| multer::parse_boundary(v).ok())
            .ok_or_else(|| ApiError::invalid("Expected multipart/form-data with a `file` part."))?;
        let body_len = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse().ok());
        let progress = Arc::new(Progress::default());
        // `with_limited_body` applies the route's `DefaultBodyLimit`.
        let stream = Guarded {
            inner: req.with_limited_body().into_body().into_data_stream(),
            progress: progress.clone(),
            yielded: false,
        };
        Ok(Self {
            inner: multer::Multipart::new(stream, boundary),
            progress,
            body_len,
        })
    }
}

impl MultipartForm {
    /// The body's declared length, when the client gave one: no part can be larger (the
    /// connection reads exactly that many bytes), so uploads size their memory share by it.
    pub fn body_len(&self) -> Option<u64> {
        self.body_len
    }

    /// The next part, or `None` at the end of the form.
    pub async fn next_part(&mut self) -> Result<Option<Part<'_>>, ServiceError> {
        let field = self
            .inner
            .next_field()
            .await
            .map_err(|e| failure(&self.progress, &e))?;
        self.progress.advanced();
        Ok(field.map(|field| Part {
            field,
            progress: &self.progress,
        }))
    }
}

/// One part of the form.
pub struct Part<'a> {
    field: multer::Field<'static>,
    progress: &'a Progress,
}

impl std::fmt::Debug for Part<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Part").field("name", &self.name()).finish()
    }
}

impl Part<'_> {
    pub fn name(&self) -> &str {
        self.field.name().unwrap_or_default()
    }

    pub fn file_name(&self) -> Option<&str> {
        self.field.file_name()
    }

    /// The next bytes of the part as they arrive, `None` at its end.
    pub async fn chunk(&mut self) -> Result<Option<Bytes>, ServiceError> {
        let chunk = self
            .field
            .chunk()
            .await
            .map_err(|e| failure(self.progress, &e))?;
        self.progress.advanced();
        Ok(chunk)
    }

    /// A text part, refused past [`TEXT_PART_LIMIT`] bytes without keeping more.
    pub async fn text(mut self) -> Result<String, ServiceError> {
        let mut bytes = Vec::new();
        while let Some(chunk) = self.chunk().await? {
            if bytes.len() + chunk.len() > TEXT_PART_LIMIT {
                return Err(ServiceError::TooLarge("field_too_long"));
            }
            bytes.extend_from_slice(&chunk);
        }
        String::from_utf8(bytes).map_err(|_| malformed())
    }

    /// A text part, `None` when blank.
    pub async fn optional_text(self) -> Result<Option<String>, ServiceError> {
        Ok(Some(self.text().await?).filter(|t| !t.trim().is_empty()))
    }

    /// A part nobody asked for: read and dropped, so that nothing of it stays in memory.
    pub async fn discard(mut self) -> Result<(), ServiceError> {
        while self.chunk().await?.is_some() {}
        Ok(())
    }
}

fn malformed() -> ServiceError {
    ServiceError::Invalid(crate::domain::InvalidInput::new("file", "malformed_upload"))
}

/// The answer to a form that could not be read: too large (the body limit), or malformed
/// (including a part header or preamble over the parser's slack, and a body too slow).
fn failure(progress: &Progress, e: &multer::Error) -> ServiceError {
    match (progress.failure.load(Ordering::Relaxed), e) {
        (BODY_TOO_LARGE, _)
        | (_, multer::Error::FieldSizeExceeded { .. } | multer::Error::StreamSizeExceeded { .. }) => {
            ServiceError::TooLarge("file_too_large")
        }
        _ => malformed(),
    }
}

/// The request body as the parser sees it: one chunk per poll, and an error once it received
/// [`PARSER_SLACK`] bytes without producing anything.
struct Guarded<S> {
    inner: S,
    progress: Arc<Progress>,
    /// A chunk was just handed out: the parser gets to use it before the next one.
    yielded: bool,
}

#[derive(Debug, thiserror::Error)]
enum GuardError {
    #[error("multipart headers too long")]
    Overflow,
    #[error("request body: {0}")]
    Body(axum::Error),
}

impl<S> Stream for Guarded<S>
where
    S: Stream<Item = Result<Bytes, axum::Error>> + Unpin,
{
    type Item = Result<Bytes, GuardError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        if this.yielded {
            // multer reads until the body has nothing ready; making it wait one turn keeps
            // its buffer to what it can use.
            this.yielded = false;
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        let p = &this.progress;
        let pending = p
            .delivered
            .load(Ordering::Relaxed)
            .saturating_sub(p.mark.load(Ordering::Relaxed));
        if pending > PARSER_SLACK {
            p.failure.store(PARSER_OVERFLOW, Ordering::Relaxed);
            return Poll::Ready(Some(Err(GuardError::Overflow)));
        }
        match Pin::new(&mut this.inner).poll_next(cx) {
            Poll::Ready(Some(Ok(chunk))) => {
                p.delivered.fetch_add(chunk.len() as u64, Ordering::Relaxed);
                this.yielded = true;
                Poll::Ready(Some(Ok(chunk)))
            }
            Poll::Ready(Some(Err(e))) => {
                let too_large = std::error::Error::source(&e)
                    .is_some_and(|s| s.is::<http_body_util::LengthLimitError>());
                p.failure.store(
                    if too_large { BODY_TOO_LARGE } else { OK },
                    Ordering::Relaxed,
                );
                Poll::Ready(Some(Err(GuardError::Body(e))))
            }
            other => other.map(|o| o.map(|r| r.map_err(GuardError::Body))),
        }
    }
}
