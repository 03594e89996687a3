//! The S3-compatible adapter of the blob store (MinIO, Garage, Ceph, a cloud's object storage).
//!
//! Requests are signed by `rusty-s3` (presigned URLs, signature V4) and sent by `ureq`, both
//! synchronous like the port: callers already run on blocking threads. Objects live under
//! `blobs/<2 hex>/<key>` in the bucket.
//!
//! Durability: a blob becomes visible only when S3 acknowledges the whole object (a single
//! `PUT` for small blobs, `CompleteMultipartUpload` for large ones); the caller commits its
//! row after that, as with the filesystem. Large blobs go up in parts of [`PART_SIZE`] while
//! they are written, so memory stays at one part per upload. A writer dropped before `commit`
//! aborts its multipart upload; uploads abandoned by a crash are not objects (never listed,
//! never served) and are removed by the bucket's lifecycle rule
//! (`AbortIncompleteMultipartUpload`, see docs/operations.md).

use std::io::{Read, Write};
use std::time::Duration;

use rusty_s3::actions::{
    AbortMultipartUpload, CompleteMultipartUpload, CreateBucket, CreateMultipartUpload,
    DeleteObject, GetObject, HeadBucket, ListObjectsV2, PutObject, S3Action, UploadPart,
};
use rusty_s3::{Bucket, Credentials, UrlStyle};

use super::blobs::{BlobError, BlobResult, BlobStore, BlobWrite, valid_key};

/// Size of the parts of a multipart upload (S3's minimum is 5 MiB, except for the last).
pub const PART_SIZE: usize = 8 * 1024 * 1024;
/// How long a signed request stays valid.
const SIGNED_FOR: Duration = Duration::from_secs(15 * 60);
const PREFIX: &str = "blobs/";

/// An S3 bucket as blob store.
pub struct S3BlobStore {
    bucket: Bucket,
    credentials: Credentials,
    agent: ureq::Agent,
}

impl std::fmt::Debug for S3BlobStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("S3BlobStore")
            .field("bucket", &self.bucket.name())
            .field("endpoint", &self.bucket.base_url().as_str())
            .finish_non_exhaustive()
    }
}

fn io(e: impl std::fmt::Display) -> BlobError {
    BlobError::Io(e.to_string())
}

/// What an S3 error status means for the port.
fn status_error(status: u16, body: &str) -> BlobError {
    match status {
        404 => BlobError::NotFound,
        // EntityTooLarge, quota exceeded on some providers.
        _ if body.contains("QuotaExceeded") || body.contains("EntityTooLarge") => BlobError::Full,
        507 => BlobError::Full,
        _ => BlobError::Io(format!("S3 answered {status}")),
    }
}

impl S3BlobStore {
    /// `url`: `s3+http://host:port/bucket` or `s3+https://host/bucket`, with optional query
    /// `region=` (default `us-east-1`) and `style=virtual` (default path style, which MinIO,
    /// Garage and Ceph expect). Credentials come from `AWS_ACCESS_KEY_ID` and
    /// `AWS_SECRET_ACCESS_KEY` (and `AWS_SESSION_TOKEN` if set), never from the URL.
    pub fn open_url(url: &str) -> BlobResult<Self> {
        let credentials = Credentials::from_env()
            .ok_or_else(|| io("S3 blob store: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"))?;
        Self::open_url_with(url, credentials)
    }

    pub fn open_url_with(url: &str, credentials: Credentials) -> BlobResult<Self> {
        let (scheme, rest) = url
            .split_once("://")
            .ok_or_else(|| io("S3 blob store URL: expected s3+http:// or s3+https://"))?;
        let scheme = match scheme {
            "s3+http" => "http",
            "s3+https" | "s3" => "https",
            _ => return Err(io("S3 blob store URL: expected s3+http:// or s3+https://")),
        };
        let (location, query) = rest.split_once('?').unwrap_or((rest, ""));
        let (host, bucket) = location
            .split_once('/')
            .ok_or_else(|| io("S3 blob store URL: the bucket name is missing"))?;
        let bucket = bucket.trim_end_matches('/');
        if host.is_empty() || bucket.is_empty() || bucket.contains('/') {
            return Err(io("S3 blob store URL: expected s3+https://host/bucket"));
        }
        let mut region = "us-east-1".to_owned();
        let mut style = UrlStyle::Path;
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            match pair.split_once('=') {
                Some(("region", r)) if !r.is_empty() => region = r.to_owned(),
                Some(("style", "virtual")) => style = UrlStyle::VirtualHost,
                Some(("style", "path")) => style = UrlStyle::Path,
                _ => return Err(io(format!("S3 blob store URL: unknown option {pair:?}"))),
            }
        }
        let endpoint = format!("{scheme}://{host}")
            .parse()
            .map_err(|_| io("S3 blob store URL: invalid host"))?;
        let bucket = Bucket::new(endpoint, style, bucket.to_owned(), region)
            .map_err(|_| io("S3 blob store URL: invalid endpoint"))?;
        let agent = ureq::Agent::new_with_config(
            ureq::Agent::config_builder()
                .http_status_as_error(false)
                .timeout_connect(Some(Duration::from_secs(10)))
                .timeout_recv_response(Some(Duration::from_secs(120)))
                .build(),
        );
        Ok(Self {
            bucket,
            credentials,
            agent,
        })
    }

    /// Creates the bucket when it does not exist (tests, first start on a fresh server).
    pub fn ensure_bucket(&self) -> BlobResult<()> {
        let head = HeadBucket::new(&self.bucket, Some(&self.credentials)).sign(SIGNED_FOR);
        let res = self.agent.head(head.as_str()).call().map_err(io)?;
        if res.status().is_success() {
            return Ok(());
        }
        let create = CreateBucket::new(&self.bucket, &self.credentials);
        let url = create.sign(SIGNED_FOR);
        let body = create.body();
        let res = self.agent.put(url.as_str()).send(body).map_err(io)?;
        check(res).map(drop)
    }

    fn object(key: &str) -> BlobResult<String> {
        if !valid_key(key) {
            return Err(BlobError::NotFound);
        }
        Ok(format!("{PREFIX}{}/{key}", &key[..2]))
    }
}

/// Turns a non-success answer into an error (reading its body for the S3 error code).
fn check(
    mut res: ureq::http::Response<ureq::Body>,
) -> BlobResult<ureq::http::Response<ureq::Body>> {
    let status = res.status();
    if status.is_success() {
        return Ok(res);
    }
    let body = res
        .body_mut()
        .with_config()
        .limit(64 * 1024)
        .read_to_string()
        .unwrap_or_default();
    Err(status_error(status.as_u16(), &body))
}

/// A blob being written: parts go up as they fill.
struct S3Writer {
    bucket: Bucket,
    credentials: Credentials,
    agent: ureq::Agent,
    key: String,
    object: String,
    buf: Vec<u8>,
    upload_id: Option<String>,
    etags: Vec<String>,
    done: bool,
}

impl S3Writer {
    fn send_part(&mut self) -> BlobResult<()> {
        if self.upload_id.is_none() {
            let create =
                CreateMultipartUpload::new(&self.bucket, Some(&self.credentials), &self.object);
            let url = create.sign(SIGNED_FOR);
            let mut res = check(self.agent.post(url.as_str()).send_empty().map_err(io)?)?;
            let text = res.body_mut().read_to_string().map_err(io)?;
            let parsed = CreateMultipartUpload::parse_response(&text).map_err(io)?;
            self.upload_id = Some(parsed.upload_id().to_owned());
        }
        let upload_id = self.upload_id.clone().unwrap_or_default();
        let number = u16::try_from(self.etags.len() + 1).map_err(|_| io("too many parts"))?;
        let part = UploadPart::new(
            &self.bucket,
            Some(&self.credentials),
            &self.object,
            number,
            &upload_id,
        );
        let url = part.sign(SIGNED_FOR);
        let res = check(
            self.agent
                .put(url.as_str())
                .send(self.buf.as_slice())
                .map_err(io)?,
        )?;
        let etag = res
            .headers()
            .get("etag")
            .and_then(|v| v.to_str().ok())
            .ok_or_else(|| io("S3 part without ETag"))?
            .to_owned();
        self.etags.push(etag);
        self.buf.clear();
        Ok(())
    }

    fn abort(&mut self) {
        if let Some(upload_id) = self.upload_id.take() {
            let abort = AbortMultipartUpload::new(
                &self.bucket,
                Some(&self.credentials),
                &self.object,
                &upload_id,
            );
            let url = abort.sign(SIGNED_FOR);
            let _ = self.agent.delete(url.as_str()).call();
        }
    }
}

impl Write for S3Writer {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        if self.done {
            return Err(std::io::Error::other("blob already committed"));
        }
        let room = PART_SIZE - self.buf.len();
        let n = room.min(data.len());
        self.buf.extend_from_slice(&data[..n]);
        if self.buf.len() == PART_SIZE {
            self.send_part().map_err(|e| match e {
                BlobError::Full => std::io::Error::from(std::io::ErrorKind::StorageFull),
                other => std::io::Error::other(other.to_string()),
            })?;
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl BlobWrite for S3Writer {
    fn key(&self) -> &str {
        &self.key
    }

    fn commit(mut self: Box<Self>) -> BlobResult<()> {
        if self.upload_id.is_none() {
            // Small blob: one PUT.
            let put = PutObject::new(&self.bucket, Some(&self.credentials), &self.object);
            let url = put.sign(SIGNED_FOR);
            check(
                self.agent
                    .put(url.as_str())
                    .send(self.buf.as_slice())
                    .map_err(io)?,
            )?;
            self.done = true;
            return Ok(());
        }
        if !self.buf.is_empty() {
            self.send_part()?;
        }
        let upload_id = self.upload_id.clone().unwrap_or_default();
        let complete = CompleteMultipartUpload::new(
            &self.bucket,
            Some(&self.credentials),
            &self.object,
            &upload_id,
            self.etags.iter().map(String::as_str),
        );
        let url = complete.sign(SIGNED_FOR);
        let body = complete.body();
        let mut res = check(self.agent.post(url.as_str()).send(body).map_err(io)?)?;
        // S3 may answer 200 with an error document when completion fails late.
        let text = res.body_mut().read_to_string().map_err(io)?;
        if text.contains("<Error>") {
            return Err(io("S3 could not complete the upload"));
        }
        self.upload_id = None;
        self.done = true;
        Ok(())
    }
}

impl Drop for S3Writer {
    fn drop(&mut self) {
        if !self.done {
            self.abort();
        }
    }
}

impl BlobStore for S3BlobStore {
    fn begin_at(&self, key: &str) -> BlobResult<Box<dyn BlobWrite>> {
        let object = Self::object(key).map_err(|_| io("invalid blob key"))?;
        let key = key.to_owned();
        Ok(Box::new(S3Writer {
            bucket: self.bucket.clone(),
            credentials: self.credentials.clone(),
            agent: self.agent.clone(),
            key,
            object,
            buf: Vec::with_capacity(PART_SIZE),
            upload_id: None,
            etags: Vec::new(),
            done: false,
        }))
    }

    fn open(&self, key: &str) -> BlobResult<Box<dyn Read + Send>> {
        let object = Self::object(key)?;
        let get = GetObject::new(&self.bucket, Some(&self.credentials), &object);
        let url = get.sign(SIGNED_FOR);
        let res = check(self.agent.get(url.as_str()).call().map_err(io)?)?;
        Ok(Box::new(res.into_body().into_reader()))
    }

    fn delete(&self, key: &str) -> BlobResult<()> {
        let object = Self::object(key)?;
        let delete = DeleteObject::new(&self.bucket, Some(&self.credentials), &object);
        let url = delete.sign(SIGNED_FOR);
        match check(self.agent.delete(url.as_str()).call().map_err(io)?) {
            Ok(_) | Err(BlobError::NotFound) => Ok(()),
            Err(e) => Err(e),
        }
    }

    fn list(&self) -> BlobResult<Vec<(String, Duration)>> {
        let now = time::OffsetDateTime::now_utc();
        let mut out = Vec::new();
        let mut token: Option<String> = None;
        loop {
            let mut list = ListObjectsV2::new(&self.bucket, Some(&self.credentials));
            list.with_prefix(PREFIX);
            if let Some(t) = &token {
                list.with_continuation_token(t.clone());
            }
            let url = list.sign(SIGNED_FOR);
            let mut res = check(self.agent.get(url.as_str()).call().map_err(io)?)?;
            let text = res
                .body_mut()
                .with_config()
                .limit(64 * 1024 * 1024)
                .read_to_string()
                .map_err(io)?;
            let page = ListObjectsV2::parse_response(&text).map_err(io)?;
            for object in page.contents {
                let Some(key) = object.key.rsplit('/').next().map(str::to_owned) else {
                    continue;
                };
                if !valid_key(&key) {
                    continue;
                }
                let age = object
                    .last_modified
                    .as_deref()
                    .and_then(|t| {
                        time::OffsetDateTime::parse(
                            t,
                            &time::format_description::well_known::Rfc3339,
                        )
                        .ok()
                    })
                    .and_then(|t| u64::try_from((now - t).whole_seconds()).ok())
                    .map(Duration::from_secs)
                    .unwrap_or_default();
                out.push((key, age));
            }
            match page.next_continuation_token {
                Some(t) => token = Some(t),
                None => break,
            }
        }
        out.sort();
        Ok(out)
    }

    fn sweep_partials(&self, _older_than: Duration) -> BlobResult<usize> {
        // Abandoned multipart uploads are not objects; the bucket's lifecycle rule removes them.
        Ok(0)
    }
}
