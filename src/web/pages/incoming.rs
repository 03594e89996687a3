//! How papers come in from a page: the big "Take a photo" button (the camera's file input,
//! shown through its label), the folded form to add a file, and reading what such a multipart
//! form sends (one file streamed into the safe, or the photos of a scan held within their
//! bounds). Used by the documents pages (`documents.rs`) and the scan's steps (`scan.rs`).

use super::{CheckedParts, Ctx, Notice, icons::icon, papers::paper_fields};
use crate::domain::{BeneficiaryId, DocumentType};
use crate::service::{PaperDetails, Received, ScanPhotos, ServiceError, Session};
use crate::web::api::receive_file;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

/// The big button that opens the phone's camera: a file input shown through its label (so it
/// works without JavaScript). `draft`: the pages it adds to (none: a new scan); `folder`:
/// where the document will go; `again`: pages were taken already.
pub(super) fn take_photo_form(
    ctx: &Ctx,
    action: &str,
    draft: Option<&str>,
    folder: Option<&str>,
    again: bool,
) -> Markup {
    html! {
        form.scan method="post" action=(action) enctype="multipart/form-data" {
            (ctx.csrf_field())
            @if let Some(d) = draft { input type="hidden" name="draft" value=(d); }
            @if let Some(f) = folder { input type="hidden" name="folder_id" value=(f); }
            input.camera id="scan-photo" name="file" type="file" accept="image/*" capture="environment" multiple required aria-describedby="scan-hint";
            label.button.primary.big for="scan-photo" {
                (icon("camera")) " " (ctx.t(if again { "scan-take-another" } else { "scan-take" }))
            }
            p.hint id="scan-hint" { (ctx.t(if again { "scan-hint-again" } else { "scan-hint" })) }
            // Without JavaScript, the photo goes when she presses this; app.js sends it at once.
            p.scan-chosen { (icon("check")) " " (ctx.t("scan-chosen")) }
            button.no-js-only type="submit" { (ctx.t("action-continue")) }
            progress.upload-progress max="100" value="0" hidden {}
        }
    }
}

/// How papers come in: the big "Take a photo" button first (its steps: `scan.rs`), then, folded, the
/// form to add a file (a PDF, a photo already on the phone).
pub(super) fn upload_forms(
    ctx: &Ctx,
    upload_action: &str,
    scan_action: &str,
    folder: Option<&str>,
    submit: &str,
) -> Markup {
    // A link may ask for a type (`?type=passport`: "add this paper" from a procedure's
    // checklist): the form opens with it chosen.
    let asked = ctx
        .here
        .as_deref()
        .and_then(|h| h.split_once('?'))
        .and_then(|(_, q)| q.split('&').find_map(|kv| kv.strip_prefix("type=")))
        .and_then(|t| DocumentType::parse(t).ok());
    html! {
        section.card.take-photo {
            (take_photo_form(ctx, scan_action, None, folder, false))
        }
        details.card.fold id="add-paper" open[asked.is_some()] {
            summary { (icon("plus")) " " (ctx.t("doc-add-title")) }
            form.upload method="post" action=(upload_action) enctype="multipart/form-data" {
                (ctx.csrf_field())
                @if let Some(f) = folder { input type="hidden" name="folder_id" value=(f); }
                label for="upload-file" { (ctx.t("doc-file")) }
                p.hint id="upload-hint" { (ctx.ta("doc-file-hint", &[("max", ctx.state.app.config.storage.max_file_mb.into())])) }
                input id="upload-file" name="file" type="file" accept="image/jpeg,image/png,image/webp,application/pdf" required aria-describedby="upload-hint";
                label for="upload-name" { (ctx.t("doc-name")) " " span.hint { (ctx.t("optional")) } }
                input id="upload-name" name="name" type="text";
                (paper_fields(ctx, "upload", asked.unwrap_or(DocumentType::Other), None))
                button.primary type="submit" { (submit) }
                progress.upload-progress max="100" value="0" hidden {}
            }
        }
    }
}

/// A multipart form from a page: its file or photos (in order), text fields.
pub(super) struct PageUpload {
    pub(super) content: Option<(Option<String>, Received)>,
    pub(super) photos: ScanPhotos,
    pub(super) name: Option<String>,
    pub(super) folder_id: Option<String>,
    /// The type and the end date as the form said.
    pub(super) paper: PaperDetails,
    /// The scan the photos join (`scan.rs`).
    pub(super) draft: Option<String>,
}

/// Reads a page's upload form, whose token [`CheckedParts`] checked before any other part.
/// One document streams into the safe as it arrives; photos to scan are kept in memory (together within
/// `storage.in_memory_mb`, counted in the uploads' budget). Text parts are short; other parts
/// are drained.
pub(super) async fn read_page_upload(
    ctx: &Ctx,
    session: &Session,
    bid: &BeneficiaryId,
    mut form: CheckedParts,
    mode: &Mode,
) -> Result<PageUpload, ServiceError> {
    let size_hint = form.body_len();
    let mut out = PageUpload {
        content: None,
        photos: ctx.state.app.begin_scan(size_hint),
        name: None,
        folder_id: None,
        paper: PaperDetails::default(),
        draft: None,
    };
    while let Some(mut part) = form.next_part().await? {
        match part.name() {
            "name" => out.name = part.optional_text().await?,
            "folder_id" => out.folder_id = part.optional_text().await?,
            "type" => out.paper.doc_type = part.optional_text().await?,
            "expires_on" => out.paper.expires_on = part.optional_text().await?,
            "draft" => out.draft = part.optional_text().await?,
            "file" => {
                match mode {
                    Mode::Upload if out.content.is_none() => {
                        let name = part.file_name().map(str::to_owned);
                        // A file input left empty still sends a part with no bytes.
                        match receive_file(&ctx.state.app, session, bid, &mut part, size_hint).await
                        {
                            Ok(content) => out.content = Some((name, content)),
                            Err(ServiceError::Invalid(i)) if i.code == "required" => {}
                            Err(e) => return Err(e),
                        }
                    }
                    Mode::Upload => part.discard().await?,
                    Mode::Scan => {
                        out.photos.start_photo()?;
                        while let Some(chunk) = part.chunk().await? {
                            out.photos.push(&chunk).await?;
                        }
                    }
                }
            }
            _ => part.discard().await?,
        }
    }
    if out.content.is_none() && out.photos.is_empty() {
        return Err(ServiceError::Invalid(crate::domain::InvalidInput::new(
            "file", "required",
        )));
    }
    Ok(out)
}

/// After an upload: a redirect for a plain form; for app.js's upload, the location in a header
/// (following a redirect inside the request would load the page twice). The next page says
/// `notice`.
pub(super) fn go(ctx: &Ctx, location: &str, notice: Notice) -> Response {
    if ctx.xhr_upload
        && let Ok(v) = axum::http::HeaderValue::from_str(location)
    {
        let mut res = StatusCode::NO_CONTENT.into_response();
        res.headers_mut().insert("x-consigne-location", v);
        ctx.tell(&mut res, notice);
        return res;
    }
    ctx.redirect_with(location, notice)
}

/// What a page's multipart form carries: one file, or the photos of a scan.
pub(super) enum Mode {
    Upload,
    Scan,
}
