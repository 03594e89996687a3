//! Scanning a paper from the phone, in steps that are plain forms: one big "Take a photo"
//! button (a file input that opens the camera, shown through its label), a review of the pages
//! (their order, remove one, take another), then the name, the folder, the type and the end
//! date, and save. With
//! JavaScript, app.js sends the photo as soon as it is taken, with a progress bar.
//!
//! Her pages (`/documents/scan…`) and the professional's for a person she follows
//! (`/pro/b/{bid}/scan…`) are the same handlers; the service keeps the pages between the steps
//! (`service/items/scan.rs`).

use super::incoming::{Mode, go, read_page_upload, take_photo_form};
use super::papers::paper_fields;
use super::{Ctx, Notice, Page, Post, Scanner, Upload, icons::icon};
use crate::domain::{BeneficiaryId, DocumentType};
use crate::service::{
    MAX_FILE_BYTES_CAP, PageEdit, PageNumber, PaperDetails, ServiceError, Session,
};
use crate::web::AppState;
use crate::web::api::content_response;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Path};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::html;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    let limit = DefaultBodyLimit::max(MAX_FILE_BYTES_CAP);
    Router::new()
        .route("/documents/scan", post(add).layer(limit))
        .route("/documents/scan/{draft}", get(review_page))
        .route("/documents/scan/{draft}/pages", post(pages_submit))
        .route("/documents/scan/{draft}/pages/{n}", get(thumbnail))
        .route("/documents/scan/{draft}/save", post(save_submit))
        .route("/documents/scan/{draft}/cancel", post(cancel_submit))
        .route("/pro/b/{bid}/scan", post(add).layer(limit))
        .route("/pro/b/{bid}/scan/{draft}", get(review_page))
        .route("/pro/b/{bid}/scan/{draft}/pages", post(pages_submit))
        .route("/pro/b/{bid}/scan/{draft}/pages/{n}", get(thumbnail))
        .route("/pro/b/{bid}/scan/{draft}/save", post(save_submit))
        .route("/pro/b/{bid}/scan/{draft}/cancel", post(cancel_submit))
}

/// Where a scan goes and where its pages live: her safe from her session, or the person
/// whose file a professional has open.
struct Place {
    bid: BeneficiaryId,
    /// The scan's address (`/documents/scan` or `/pro/b/{bid}/scan`).
    base: String,
    /// Where the scan started, and where the document ends up listed.
    back: String,
    person: bool,
}

/// The parts of a scan's address.
#[derive(Debug, Deserialize)]
struct ScanPath {
    bid: Option<String>,
    draft: Option<String>,
    n: Option<String>,
}

impl ScanPath {
    fn draft(&self) -> &str {
        self.draft.as_deref().unwrap_or_default()
    }
}

/// A person scans into her own safe (paths without `bid`); a professional into the safe of
/// the person in the path. Anyone else finds no such page.
fn place(session: &Session, path: &ScanPath) -> Option<Place> {
    match (&session.beneficiary_id, &path.bid) {
        (Some(own), None) => Some(Place {
            bid: own.clone(),
            base: "/documents/scan".into(),
            back: "/documents".into(),
            person: true,
        }),
        // A malformed id names no one's safe: no such page, as for an unknown one.
        (None, Some(bid)) => BeneficiaryId::parse(bid).ok().map(|bid| Place {
            base: format!("/pro/b/{bid}/scan"),
            back: format!("/pro/b/{bid}"),
            bid,
            person: false,
        }),
        _ => None,
    }
}

/// `POST …/scan`: photos taken (with the draft they join, if any).
async fn add(
    Path(path): Path<ScanPath>,
    Upload(ctx, Scanner(session), form): Upload<Scanner>,
) -> Response {
    let Some(place) = place(&session, &path) else {
        return ctx.not_found();
    };
    let sent = match read_page_upload(&ctx, &session, &place.bid, form, &Mode::Scan).await {
        Ok(f) => f,
        Err(e) => return refused_photo(&ctx, &session, &place, None, &e).await,
    };
    let draft = sent.draft.clone();
    match ctx
        .state
        .app
        .scan_add(
            &session,
            &place.bid,
            draft.as_deref(),
            sent.folder_id,
            sent.photos,
        )
        .await
    {
        Ok(d) => go(&ctx, &format!("{}/{}", place.base, d.id), Notice::PageAdded),
        Err(e) => refused_photo(&ctx, &session, &place, draft.as_deref(), &e).await,
    }
}

/// A photo that could not be added: said on the review page when pages were taken already,
/// else where the scan started.
async fn refused_photo(
    ctx: &Ctx,
    session: &Session,
    place: &Place,
    draft: Option<&str>,
    e: &ServiceError,
) -> Response {
    if matches!(e, ServiceError::Forbidden) {
        return ctx.bad_form();
    }
    let (error, status) = (Some(ctx.error_text(e)), Ctx::error_status(e));
    match draft {
        Some(d) => review(ctx, session, place, d, error, status).await,
        None if place.person => {
            super::documents::render_list(
                ctx,
                session,
                &place.bid,
                (None, PageNumber::FIRST),
                error,
                status,
            )
            .await
        }
        None => ctx.error_page(e),
    }
}

async fn review_page(
    Path(path): Path<ScanPath>,
    Page(ctx, Scanner(session)): Page<Scanner>,
) -> Response {
    match place(&session, &path) {
        Some(p) => review(&ctx, &session, &p, path.draft(), None, StatusCode::OK).await,
        None => ctx.not_found(),
    }
}

/// The review step: the pages in order (move, remove), another photo, the name, save.
async fn review(
    ctx: &Ctx,
    session: &Session,
    place: &Place,
    draft: &str,
    error: Option<String>,
    status: StatusCode,
) -> Response {
    let app = &ctx.state.app;
    let d = match app.scan_draft(session, &place.bid, draft).await {
        Ok(d) => d,
        Err(ServiceError::NotFound) => return gone(ctx, place),
        Err(e) => return ctx.error_page(&e),
    };
    let folders = if place.person {
        app.list_folders(session, &place.bid)
            .await
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    let here = format!("{}/{}", place.base, d.id);
    let pages = i64::try_from(d.pages).unwrap_or(i64::MAX);
    ctx.render(status, &ctx.t("scan-review-title"), html! {
        nav.breadcrumbs {
            a href=(place.back) {
                @if place.person { (icon("folder")) " " (ctx.t("section-documents")) }
                @else { (icon("person")) " " (ctx.t("item-back-to-file")) }
            }
        }
        h1 { (icon("camera")) " " (ctx.t("scan-review-title")) }
        (super::field_error(&error))
        p { (ctx.ta("scan-review-text", &[("count", pages.into())])) }
        ol.scan-pages {
            @for i in 0..d.pages {
                @let n = i64::try_from(i + 1).unwrap_or(i64::MAX);
                @let label = ctx.ta("scan-page", &[("number", n.into())]);
                li.scan-page id={"page-" (i)} {
                    img src={(here) "/pages/" (i)} alt=(label) width="96" height="128";
                    span.scan-page-label { (label) }
                    form.page-actions method="post" action={(here) "/pages"} {
                        (ctx.csrf_field())
                        input type="hidden" name="page" value=(i);
                        button.square type="submit" name="edit" value="up" disabled[i == 0] aria-label={(ctx.t("doc-page-up")) " " (n)} { span aria-hidden="true" { "↑" } }
                        button.square type="submit" name="edit" value="down" disabled[i + 1 == d.pages] aria-label={(ctx.t("doc-page-down")) " " (n)} { span aria-hidden="true" { "↓" } }
                        button type="submit" name="edit" value="remove" aria-label=(ctx.ta("scan-remove-page", &[("number", n.into())])) { (icon("close")) " " (ctx.t("scan-remove")) }
                    }
                }
            }
        }
        section.card.take-photo {
            (take_photo_form(ctx, &place.base, Some(&d.id), None, true))
        }
        section.card {
            h2 { (icon("check")) " " (ctx.t("scan-save-title")) }
            form method="post" action={(here) "/save"} {
                (ctx.csrf_field())
                label for="scan-name" { (ctx.t("doc-name")) " " span.hint { (ctx.t("optional")) } }
                input id="scan-name" name="name" type="text" maxlength="200";
                (paper_fields(ctx, "scan", DocumentType::Other, None))
                @if !folders.is_empty() {
                    label for="scan-folder" { (ctx.t("doc-folder")) }
                    select id="scan-folder" name="folder_id" {
                        option value="" selected[d.folder_id.is_none()] { (ctx.t("section-documents")) }
                        @for f in &folders { option value=(f.id) selected[d.folder_id.as_deref() == Some(f.id.as_str())] { (f.name) } }
                    }
                }
                button.primary type="submit" { (icon("check")) " " (ctx.ta("scan-save", &[("count", pages.into())])) }
            }
        }
        form method="post" action={(here) "/cancel"} {
            (ctx.csrf_field())
            button.danger-outline type="submit" { (icon("close")) " " (ctx.t("scan-cancel")) }
        }
    })
}

/// A draft that is no longer there (saved, cancelled, logged out, or older than an hour).
fn gone(ctx: &Ctx, place: &Place) -> Response {
    ctx.render(
        StatusCode::NOT_FOUND,
        &ctx.t("scan-gone-title"),
        html! {
            section.card.narrow {
                h1 { (icon("camera")) " " (ctx.t("scan-gone-title")) }
                p { (ctx.t("scan-gone-text")) }
                p { a.button.primary href=(place.back) { (ctx.t("action-continue")) } }
            }
        },
    )
}

/// `GET …/{draft}/pages/{n}`: a page's thumbnail.
async fn thumbnail(
    Path(path): Path<ScanPath>,
    Page(ctx, Scanner(session)): Page<Scanner>,
) -> Response {
    let Some(place) = place(&session, &path) else {
        return ctx.not_found();
    };
    let Some(n) = path.n.as_deref().and_then(|n| n.parse::<usize>().ok()) else {
        return ctx.not_found();
    };
    match ctx
        .state
        .app
        .scan_thumbnail(&session, &place.bid, path.draft(), n)
        .await
    {
        Ok(jpeg) => content_response("image/jpeg", "page.jpg", jpeg, true),
        Err(e) => ctx.error_page(&e),
    }
}

/// One page's buttons: `edit` is `up`, `down` or `remove`.
#[derive(Debug, Deserialize)]
struct PageForm {
    #[serde(default)]
    page: String,
    #[serde(default)]
    edit: String,
}

async fn pages_submit(
    Path(path): Path<ScanPath>,
    Post(ctx, Scanner(session), form): Post<Scanner, PageForm>,
) -> Response {
    let Some(place) = place(&session, &path) else {
        return ctx.not_found();
    };
    let edit = match form.edit.as_str() {
        "up" => PageEdit::Up,
        "down" => PageEdit::Down,
        "remove" => PageEdit::Remove,
        _ => return ctx.render_bad_form(StatusCode::UNPROCESSABLE_ENTITY),
    };
    let Ok(n) = form.page.parse::<usize>() else {
        return ctx.render_bad_form(StatusCode::UNPROCESSABLE_ENTITY);
    };
    let here = format!("{}/{}", place.base, path.draft());
    match ctx
        .state
        .app
        .scan_edit(&session, &place.bid, path.draft(), n, edit)
        .await
    {
        // Back where the page now is, so that a long list does not jump to its top.
        Ok(_) => match edit {
            PageEdit::Up => {
                Redirect::to(&format!("{here}#page-{}", n.saturating_sub(1))).into_response()
            }
            PageEdit::Down => Redirect::to(&format!("{here}#page-{}", n + 1)).into_response(),
            PageEdit::Remove => ctx.redirect_with(&here, Notice::PageRemoved),
        },
        Err(ServiceError::NotFound) => gone(&ctx, &place),
        Err(e) => ctx.error_page(&e),
    }
}

#[derive(Debug, Deserialize)]
struct SaveForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    folder_id: String,
    #[serde(default, rename = "type")]
    doc_type: String,
    #[serde(default)]
    expires_on: String,
}

async fn save_submit(
    Path(path): Path<ScanPath>,
    Post(ctx, Scanner(session), form): Post<Scanner, SaveForm>,
) -> Response {
    let Some(place) = place(&session, &path) else {
        return ctx.not_found();
    };
    let nonempty = |s: &str| Some(s.trim().to_owned()).filter(|v| !v.is_empty());
    let folder = nonempty(&form.folder_id).filter(|_| place.person);
    match ctx
        .state
        .app
        .scan_save(
            &session,
            &place.bid,
            path.draft(),
            nonempty(&form.name),
            folder,
            PaperDetails {
                doc_type: nonempty(&form.doc_type),
                expires_on: nonempty(&form.expires_on),
                via: None,
            },
        )
        .await
    {
        Ok(doc) if place.person => {
            ctx.redirect_with(&format!("/documents/{}", doc.id), Notice::Added)
        }
        Ok(_) => ctx.redirect_with(&format!("{}#documents", place.back), Notice::Added),
        Err(ServiceError::NotFound) => gone(&ctx, &place),
        Err(e) => {
            let error = Some(ctx.error_text(&e));
            review(
                &ctx,
                &session,
                &place,
                path.draft(),
                error,
                Ctx::error_status(&e),
            )
            .await
        }
    }
}

async fn cancel_submit(
    Path(path): Path<ScanPath>,
    Post(ctx, Scanner(session), _): Post<Scanner>,
) -> Response {
    let Some(place) = place(&session, &path) else {
        return ctx.not_found();
    };
    match ctx
        .state
        .app
        .scan_discard(&session, &place.bid, path.draft())
        .await
    {
        Ok(()) => ctx.redirect_with(&place.back, Notice::ScanCancelled),
        Err(ServiceError::NotFound) => gone(&ctx, &place),
        Err(e) => ctx.error_page(&e),
    }
}
