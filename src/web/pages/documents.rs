//! Documents pages: the person's papers (folders, upload, scanning with the phone camera,
//! viewing, renaming, moving, expiry dates, sharing per relais, deleting), her journal in plain
//! words, and the professional's view of what a person shares (plus adding and scanning).

use super::incoming::{Mode, go, read_page_upload, upload_forms};
use super::papers::{expiry_prompt, paper_badge, paper_fields};
use super::{
    CheckedParts, Ctx, Fields, Notice, Page, Person, Post, Professional, Reader, Upload,
    icons::icon,
};
use crate::domain::{
    AccountKind, BeneficiaryId, DocumentType, FolderId, FolderPictogram, ItemId, ItemKind,
    StructureId,
};
use crate::service::{
    DocumentPatch, DocumentView, FolderFilter, FolderView, JournalView, MAX_FILE_BYTES_CAP,
    NamedRef, NewDocument, PageNumber, PreviewMeta, ServiceError, Session,
};
use crate::web::AppState;
use crate::web::api::content_response;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use maud::{Markup, html};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    let upload_limit = DefaultBodyLimit::max(MAX_FILE_BYTES_CAP + 64 * 1024);
    Router::new()
        .route("/documents", get(list_page))
        .route("/documents/upload", post(upload_submit).layer(upload_limit))
        .route("/documents/{id}", get(document_page))
        .route("/documents/{id}/view", get(view_inline))
        .route("/documents/{id}/download", get(download))
        .route("/documents/{id}/thumbnail", get(thumbnail))
        .route("/documents/{id}/pages/{n}", get(page_image))
        .route("/documents/{id}/edit", post(edit_submit))
        .route("/documents/{id}/shares", post(shares_submit))
        .route(
            "/documents/{id}/delete",
            get(delete_confirm).post(delete_submit),
        )
        .route("/folders", post(folder_submit))
        .route("/folders/{id}/edit", post(folder_edit))
        .route("/folders/{id}/delete", post(folder_delete))
        .route("/journal", get(journal_page))
        .route(
            "/pro/b/{bid}/documents",
            post(pro_upload).layer(upload_limit),
        )
        .route("/pro/b/{bid}/documents/{id}", get(pro_document_page))
        .route("/pro/b/{bid}/documents/{id}/edit", post(pro_edit_submit))
        .route(
            "/pro/b/{bid}/documents/{id}/delete",
            post(pro_delete_submit),
        )
}

/// `DD/MM/YYYY` from `YYYY-MM-DD...`, as people read dates here.
/// (A calendar date: an expiry date, a birth date. A moment goes through `Ctx::day_of`.)
pub fn day(iso: &str) -> String {
    crate::clock::day_first(iso)
}

/// A folder's pictogram: a ready-made folder's own, else a folder.
fn folder_icon(f: &FolderView) -> &'static str {
    match f.pictogram {
        Some(FolderPictogram::Identity) => "id-card",
        Some(FolderPictogram::Health) => "health",
        Some(FolderPictogram::Housing) => "house",
        Some(FolderPictogram::Income) => "money",
        Some(FolderPictogram::Family) => "people",
        Some(FolderPictogram::Other) | None => "folder",
    }
}

/// The pictogram of a document without a thumbnail: its type's, else (`other`) a PDF or a
/// photo.
fn type_icon(doc: &DocumentView) -> &'static str {
    if doc.doc_type != DocumentType::Other {
        doc.doc_type.pictogram()
    } else if doc.content_type == "application/pdf" {
        "pdf"
    } else {
        "photo"
    }
}

/// A document in a list; `mark`: who sees it (see [`Ctx::share_mark`]).
fn document_card(ctx: &Ctx, doc: &DocumentView, href: &str, mark: &Markup) -> Markup {
    html! {
        li.doc {
            a href=(href) {
                @if doc.has_thumbnail {
                    // A PDF's first page is shown whole (a page in miniature), a photo cropped.
                    img.thumb.(if doc.content_type == "application/pdf" { "page" } else { "photo" }) src={"/documents/" (doc.id) "/thumbnail"} alt="" width="64" height="64" loading="lazy";
                } @else {
                    span.thumb.pictogram { (icon(type_icon(doc))) }
                }
                span.doc-text {
                    strong { (doc.name) }
                    (paper_badge(ctx, doc))
                    span.hint {
                        (ctx.t(if doc.content_type == "application/pdf" { "doc-type-pdf" } else { "doc-type-photo" }))
                        " · " (ctx.day_of(&doc.created_at))
                        @if let Some(e) = &doc.expires_on { " · " (ctx.locale.ta("doc-expires", &[("date", day(e).into())])) }
                    }
                    (mark)
                }
            }
        }
    }
}

#[derive(Debug, Deserialize)]
struct FolderQuery {
    folder: Option<String>,
    page: Option<String>,
}

async fn list_page(
    Query(q): Query<FolderQuery>,
    Page(ctx, Person { session, bid }): Page<Person>,
) -> Response {
    let page = match ctx.page_number(q.page.as_deref()) {
        Ok(p) => p,
        Err(r) => return r,
    };
    render_list(
        &ctx,
        &session,
        &bid,
        (q.folder.as_deref(), page),
        None,
        StatusCode::OK,
    )
    .await
}

/// A folder's page of documents (`folder`: the folder, none for the top, and the page).
pub(super) async fn render_list(
    ctx: &Ctx,
    session: &Session,
    bid: &BeneficiaryId,
    (folder, page): (Option<&str>, PageNumber),
    error: Option<String>,
    status: StatusCode,
) -> Response {
    let filter = folder.map_or(FolderFilter::Top, |f| FolderFilter::In(f.to_owned()));
    let (docs, folders) = match tokio::try_join!(
        ctx.state.app.documents_page(session, bid, filter, page),
        ctx.state.app.list_folders(session, bid)
    ) {
        Ok(v) => v,
        Err(e) => return ctx.error_page(&e),
    };
    let current = folder.and_then(|f| folders.iter().find(|x| x.id.as_str() == f));
    if folder.is_some() && current.is_none() {
        return ctx.not_found();
    }
    let current_id = current.map(|f| f.id.clone());
    let children: Vec<&FolderView> = folders
        .iter()
        .filter(|f| f.parent_id == current_id)
        .collect();
    let here = &docs.items;
    // The path from the top to the current folder.
    let mut trail: Vec<&FolderView> = Vec::new();
    let mut cursor = current;
    while let Some(f) = cursor {
        trail.insert(0, f);
        cursor = f
            .parent_id
            .as_ref()
            .and_then(|p| folders.iter().find(|x| x.id == *p));
    }
    let title = current.map_or_else(|| ctx.t("section-documents"), |f| f.name.clone());
    ctx.render(status, &title, html! {
        nav.breadcrumbs aria-label=(ctx.t("doc-folders")) {
            a href="/documents" { (icon("folder")) " " (ctx.t("section-documents")) }
            @for f in &trail { " › " a href={"/documents?folder=" (f.id)} { (f.name) } }
        }
        h1 { (icon(current.map_or("folder", folder_icon))) " " (title) }
        (super::field_error(&error))
        (upload_forms(ctx, "/documents/upload", "/documents/scan", current_id.as_ref().map(FolderId::as_str), &ctx.t("doc-add-submit")))
        details.card.fold {
            summary { (icon("folder")) " " (ctx.t("doc-new-folder")) }
            form method="post" action="/folders" {
                (ctx.csrf_field())
                @if let Some(f) = &current_id { input type="hidden" name="parent_id" value=(f); }
                label for="folder-name" { (ctx.t("doc-folder-name")) }
                input id="folder-name" name="name" type="text" required;
                button type="submit" { (ctx.t("action-create")) }
            }
        }
        @if !children.is_empty() {
            ul.folders {
                @for f in &children {
                    li { a.button href={"/documents?folder=" (f.id)} { (icon(folder_icon(f))) " " (f.name) } }
                }
            }
        }
        @if here.is_empty() && children.is_empty() && !docs.has_previous() {
            p { (ctx.t("doc-none")) }
        } @else {
            ul.docs { @for d in here { (document_card(ctx, d, &format!("/documents/{}", d.id), &ctx.share_mark(d.shared_with.len()))) } }
        }
        (ctx.pager(&docs, |n| match &current_id {
            Some(f) => format!("/documents?folder={f}&page={n}"),
            None => format!("/documents?page={n}"),
        }))
        @if let Some(f) = current {
            details.card.fold {
                summary { (icon("settings")) " " (ctx.t("doc-folder-edit")) }
                form method="post" action={"/folders/" (f.id) "/edit"} {
                    (ctx.csrf_field())
                    label for="folder-rename" { (ctx.t("doc-folder-name")) }
                    input id="folder-rename" name="name" type="text" required value=(f.name);
                    label for="folder-parent" { (ctx.t("doc-folder")) }
                    select id="folder-parent" name="parent_id" {
                        option value="" selected[f.parent_id.is_none()] { (ctx.t("section-documents")) }
                        @for other in folders.iter().filter(|o| o.id != f.id) {
                            option value=(other.id) selected[f.parent_id.as_ref() == Some(&other.id)] { (other.name) }
                        }
                    }
                    button type="submit" { (ctx.t("action-save")) }
                }
                form method="post" action={"/folders/" (f.id) "/delete"} {
                    (ctx.csrf_field())
                    p.hint { (ctx.t("doc-folder-delete-hint")) }
                    button.danger type="submit" { (ctx.t("doc-folder-delete")) }
                }
            }
        }
    })
}

async fn receive(
    ctx: &Ctx,
    session: &Session,
    bid: &BeneficiaryId,
    multipart: CheckedParts,
) -> Result<DocumentView, ServiceError> {
    let form = read_page_upload(ctx, session, bid, multipart, &Mode::Upload).await?;
    let Some((file_name, content)) = form.content else {
        return Err(crate::domain::InvalidInput::new("file", "required").into());
    };
    ctx.state
        .app
        .add_paper(
            session,
            bid,
            NewDocument {
                content,
                file_name,
                name: form.name,
                folder_id: form.folder_id,
            },
            form.paper,
        )
        .await
}

async fn upload_submit(upload: Upload<Person>) -> Response {
    let Upload(ctx, Person { session, bid }, multipart) = upload;
    match receive(&ctx, &session, &bid, multipart).await {
        Ok(doc) => go(&ctx, &format!("/documents/{}", doc.id), Notice::Added),
        Err(ServiceError::Forbidden) => ctx.bad_form(),
        Err(e) => {
            render_list(
                &ctx,
                &session,
                &bid,
                (None, PageNumber::FIRST),
                Some(ctx.error_text(&e)),
                Ctx::error_status(&e),
            )
            .await
        }
    }
}

async fn pro_upload(Path(bid): Path<String>, upload: Upload<Professional>) -> Response {
    let Upload(ctx, Professional(session), multipart) = upload;
    let Ok(bid) = BeneficiaryId::parse(&bid) else {
        return ctx.not_found();
    };
    match receive(&ctx, &session, &bid, multipart).await {
        Ok(_) => go(&ctx, &format!("/pro/b/{bid}"), Notice::Added),
        Err(ServiceError::Forbidden) => ctx.bad_form(),
        Err(e) => ctx.error_page(&e),
    }
}

/// What a professional sees of a person's documents, and the forms to add some.
/// One page (`page`) of them, newest first.
pub async fn pro_section(
    ctx: &Ctx,
    session: &Session,
    bid: &BeneficiaryId,
    page: PageNumber,
) -> Markup {
    let docs = ctx
        .state
        .app
        .documents_page(session, bid, FolderFilter::Any, page)
        .await;
    html! {
        section.card id="documents" {
            h2 { (icon("folder")) " " (ctx.t("doc-shared-with-you")) }
            @match &docs {
                Ok(d) if d.items.is_empty() && !d.has_previous() => { p { (ctx.t("doc-none-shared")) } }
                Ok(d) => {
                    @let mark = ctx.structure_mark();
                    ul.docs { @for doc in &d.items { (document_card(ctx, doc, &format!("/pro/b/{bid}/documents/{}", doc.id), &mark)) } }
                    (ctx.pager(d, |n| format!("/pro/b/{bid}?page={n}#documents")))
                }
                Err(e) => { div.notice.error role="alert" { p { (ctx.error_text(e)) } } }
            }
        }
        @if let Ok(d) = &docs {
            (pro_corrections(ctx, bid, &d.items))
        }
        (upload_forms(ctx, &format!("/pro/b/{bid}/documents"), &format!("/pro/b/{bid}/scan"), None, &ctx.t("doc-add-submit-for-her")))
    }
}

/// What the professional's structure added and the person has not made her own: she may
/// correct its name and expiry date, or delete it (journaled for the person).
fn pro_corrections(ctx: &Ctx, bid: &BeneficiaryId, docs: &[DocumentView]) -> Markup {
    html! {
        @if docs.iter().any(|d| d.editable) {
            section.card id="corrections" {
                h2 { (icon("settings")) " " (ctx.t("doc-pro-corrections")) }
                p.hint { (ctx.t("doc-pro-corrections-hint")) }
                @for doc in docs.iter().filter(|d| d.editable) {
                    details {
                        summary { (doc.name) }
                        form method="post" action={"/pro/b/" (bid) "/documents/" (doc.id) "/edit"} {
                            (ctx.csrf_field())
                            label for={"pro-name-" (doc.id)} { (ctx.t("doc-name")) }
                            input id={"pro-name-" (doc.id)} name="name" type="text" required value=(doc.name);
                            (paper_fields(ctx, &format!("pro-{}", doc.id), doc.doc_type, doc.expires_on.as_deref()))
                            button.primary type="submit" { (ctx.t("action-save")) }
                        }
                        form method="post" action={"/pro/b/" (bid) "/documents/" (doc.id) "/delete"} {
                            (ctx.csrf_field())
                            p.hint { (ctx.t("doc-pro-delete-text")) }
                            button.danger type="submit" { (ctx.t("doc-delete-confirm")) }
                        }
                    }
                }
            }
        }
    }
}

#[derive(Debug, Deserialize)]
struct ProEditForm {
    #[serde(default)]
    name: String,
    #[serde(default, rename = "type")]
    doc_type: String,
    #[serde(default)]
    expires_on: String,
}

/// A professional corrects a document her structure added (name, expiry date; never the
/// person's folders).
async fn pro_edit_submit(
    Path((bid, id)): Path<(String, String)>,
    Post(ctx, Professional(session), form): Post<Professional, ProEditForm>,
) -> Response {
    let Ok(id) = ItemId::parse(&id) else {
        return ctx.not_found();
    };
    let expires = Some(form.expires_on.trim().to_owned()).filter(|v| !v.is_empty());
    let patch = DocumentPatch {
        name: Some(form.name),
        doc_type: Some(form.doc_type).filter(|t| !t.trim().is_empty()),
        folder_id: None,
        expires_on: Some(expires),
    };
    match ctx.state.app.update_document(&session, &id, patch).await {
        Ok(_) => ctx.redirect_with(&format!("/pro/b/{bid}#corrections"), Notice::Saved),
        Err(e) => ctx.error_page(&e),
    }
}

/// A professional deletes a document her structure added.
async fn pro_delete_submit(
    Path((bid, id)): Path<(String, String)>,
    Post(ctx, Professional(session), _): Post<Professional>,
) -> Response {
    let Ok(id) = ItemId::parse(&id) else {
        return ctx.not_found();
    };
    match ctx.state.app.delete_document(&session, &id).await {
        Ok(()) => ctx.redirect_with(&format!("/pro/b/{bid}#documents"), Notice::Deleted),
        Err(e) => ctx.error_page(&e),
    }
}

async fn document_page(
    Path(id): Path<String>,
    Page(ctx, Person { session, bid }): Page<Person>,
) -> Response {
    let Ok(id) = ItemId::parse(&id) else {
        return ctx.not_found();
    };
    render_document(&ctx, &session, &bid, &id, None, StatusCode::OK).await
}

async fn render_document(
    ctx: &Ctx,
    session: &Session,
    bid: &BeneficiaryId,
    id: &ItemId,
    error: Option<String>,
    status: StatusCode,
) -> Response {
    let app = &ctx.state.app;
    let ((doc, preview), folders, relays, links) = match tokio::try_join!(
        app.document_preview(session, id),
        app.list_folders(session, bid),
        app.relay_structures(session, bid),
        app.document_links(session, id)
    ) {
        Ok(v) => v,
        Err(e) => return ctx.error_page(&e),
    };
    ctx.render(status, &doc.name, html! {
        nav.breadcrumbs { a href="/documents" { (icon("folder")) " " (ctx.t("section-documents")) } }
        h1 { (icon(type_icon(&doc))) " " (doc.name) }
        p { (paper_badge(ctx, &doc)) }
        (super::field_error(&error))
        (expiry_prompt(ctx, &doc))
        (shown(ctx, &doc, preview.as_ref()))
        (who_sees(ctx, &ctx.t("doc-who-sees"), &format!("/documents/{}/shares", doc.id), &relays, &doc.shared_with))
        (super::links::links_section(ctx, &doc.id, &links, None))
        section.card {
            h2 { (icon("settings")) " " (ctx.t("doc-edit")) }
            form method="post" action={"/documents/" (doc.id) "/edit"} {
                (ctx.csrf_field())
                label for="doc-name" { (ctx.t("doc-name")) }
                input id="doc-name" name="name" type="text" required value=(doc.name);
                label for="doc-folder" { (ctx.t("doc-folder")) }
                select id="doc-folder" name="folder_id" {
                    option value="" selected[doc.folder_id.is_none()] { (ctx.t("section-documents")) }
                    @for f in &folders { option value=(f.id) selected[doc.folder_id.as_ref() == Some(&f.id)] { (f.name) } }
                }
                (paper_fields(ctx, "doc", doc.doc_type, doc.expires_on.as_deref()))
                button.primary type="submit" { (ctx.t("action-save")) }
            }
        }
        p.hint { (ctx.locale.ta("doc-added-by", &[("who", if doc.created_by.kind == AccountKind::Beneficiary { ctx.t("journal-you") } else { doc.created_by.display_name.clone() }.into()), ("date", ctx.day_of(&doc.created_at).into())])) }
        p { a.button.danger-outline href={"/documents/" (doc.id) "/delete"} { (ctx.t("doc-delete")) } }
    })
}

/// The document itself: a photo, or a PDF's pages rendered as images (all of them, or the
/// first ones and how many there are), or, when they cannot be shown, how to read it; then the
/// download button.
fn shown(ctx: &Ctx, doc: &DocumentView, preview: Option<&PreviewMeta>) -> Markup {
    let download = html! {
        p { a.button href={"/documents/" (doc.id) "/download"} { (icon("download")) " " (ctx.t("doc-download")) } }
        (certificate_link(ctx, doc))
    };
    match preview {
        None => html! {
            p.preview { img src={"/documents/" (doc.id) "/view"} alt=(doc.name); }
            (download)
        },
        Some(p) if p.pages.is_empty() => html! {
            div.notice role="note" {
                p { (ctx.t("doc-no-preview")) }
                p { (ctx.t("doc-shared-computer-warning")) }
            }
            p { a.button.primary href={"/documents/" (doc.id) "/download"} { (icon("download")) " " (ctx.t("doc-download")) } }
            (certificate_link(ctx, doc))
        },
        Some(p) => {
            let total = p
                .total
                .max(u32::try_from(p.pages.len()).unwrap_or(u32::MAX));
            html! {
                section.pages aria-label=(ctx.t("doc-pages")) {
                    @for (i, (w, h, _)) in p.pages.iter().enumerate() {
                        @let n = i + 1;
                        figure.page {
                            img src={"/documents/" (doc.id) "/pages/" (n)} width=(w) height=(h)
                                alt=(ctx.locale.ta("doc-page-alt", &[("n", n.into()), ("total", total.into())]))
                                loading=[(i > 0).then_some("lazy")];
                        }
                    }
                }
                @if p.pages.len() < total as usize {
                    p.hint { (ctx.locale.ta("doc-pages-partial", &[("shown", p.pages.len().into()), ("total", total.into())])) }
                }
                div.notice role="note" { p { (ctx.t("doc-shared-computer-warning")) } }
                (download)
            }
        }
    }
}

/// The certificate of the paper (docs/certification.md) and where anyone checks it.
fn certificate_link(ctx: &Ctx, doc: &DocumentView) -> Markup {
    html! {
        p {
            a href={"/documents/" (doc.id) "/certificate"} download { (ctx.t("doc-certificate")) }
            " · "
            a href="/verify" { (ctx.t("doc-certificate-verify")) }
        }
    }
}

/// A page of a PDF's preview (JPEG), for whoever may view the document; journaled as a view.
async fn page_image(
    Path((id, n)): Path<(String, String)>,
    Page(ctx, Reader(session)): Page<Reader>,
) -> Response {
    let (Ok(id), Ok(n)) = (ItemId::parse(&id), n.parse::<usize>()) else {
        return ctx.not_found();
    };
    match ctx.state.app.document_page_image(&session, &id, n).await {
        Ok(bytes) => content_response("image/jpeg", &format!("page-{n}.jpg"), bytes, true),
        Err(e) => ctx.error_page(&e),
    }
}

/// A document a person shares with the professional's structure: the photo or the PDF's
/// pages, and the download.
async fn pro_document_page(
    Path((bid, id)): Path<(String, String)>,
    Page(ctx, Professional(session)): Page<Professional>,
) -> Response {
    let Ok(id) = ItemId::parse(&id) else {
        return ctx.not_found();
    };
    let ((doc, preview), links) = match tokio::try_join!(
        ctx.state.app.document_preview(&session, &id),
        ctx.state.app.document_links(&session, &id)
    ) {
        Ok(v) if v.0.0.beneficiary_id.as_str() == bid => v,
        Ok(_) => return ctx.not_found(),
        Err(e) => return ctx.error_page(&e),
    };
    ctx.page(&doc.name, html! {
        nav.breadcrumbs { a href={"/pro/b/" (bid) "#documents"} { (icon("person")) " " (ctx.t("pro-doc-back")) } }
        h1 { (icon(type_icon(&doc))) " " (doc.name) }
        p { (paper_badge(&ctx, &doc)) }
        (shown(&ctx, &doc, preview.as_ref()))
        (super::links::links_section(&ctx, &doc.id, &links, Some(&doc.beneficiary_id)))
    })
}

/// An ASCII file name for the download header (the real name is in the person's safe).
fn download_name(name: &str) -> String {
    let n: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == ' ')
        .collect::<String>()
        .trim()
        .replace(' ', "_");
    if n.is_empty() {
        "document".to_owned()
    } else {
        n
    }
}

async fn serve_content(page: Page<Reader>, id: String, thumbnail: bool, inline: bool) -> Response {
    let Page(ctx, Reader(session)) = page;
    let Ok(id) = ItemId::parse(&id) else {
        return ctx.not_found();
    };
    let action = if inline {
        "document_viewed"
    } else {
        "document_downloaded"
    };
    if !thumbnail {
        return match ctx.state.app.document_stream(&session, &id, action).await {
            Ok((doc, rx)) => {
                let ext = if doc.content_type == "application/pdf" {
                    "pdf"
                } else {
                    doc.content_type.rsplit('/').next().unwrap_or("bin")
                };
                // Only images are ever shown inline; a PDF is always a download.
                let inline = inline && doc.content_type.starts_with("image/");
                crate::web::api::stream_response(
                    &doc.content_type,
                    &format!("{}.{ext}", download_name(&doc.name)),
                    Some(doc.size),
                    rx,
                    inline,
                )
            }
            Err(e) => ctx.error_page(&e),
        };
    }
    match ctx
        .state
        .app
        .document_content(&session, &id, thumbnail, action)
        .await
    {
        Ok((doc, bytes)) => {
            let ext = if doc.content_type == "application/pdf" {
                "pdf"
            } else {
                doc.content_type.rsplit('/').next().unwrap_or("bin")
            };
            let file_name: String = doc
                .name
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == ' ')
                .collect::<String>()
                .trim()
                .replace(' ', "_");
            let ty = if thumbnail {
                "image/jpeg"
            } else {
                doc.content_type.as_str()
            };
            // Only images are ever shown inline; a PDF is always a download.
            let inline = (inline || thumbnail) && ty.starts_with("image/");
            content_response(
                ty,
                &format!(
                    "{}.{ext}",
                    if file_name.is_empty() {
                        "document"
                    } else {
                        &file_name
                    }
                ),
                bytes,
                inline,
            )
        }
        Err(e) => ctx.error_page(&e),
    }
}

async fn view_inline(Path(id): Path<String>, page: Page<Reader>) -> Response {
    serve_content(page, id, false, true).await
}

async fn download(Path(id): Path<String>, page: Page<Reader>) -> Response {
    serve_content(page, id, false, false).await
}

async fn thumbnail(Path(id): Path<String>, page: Page<Reader>) -> Response {
    serve_content(page, id, true, true).await
}

#[derive(Debug, Deserialize)]
struct EditForm {
    #[serde(default)]
    name: String,
    #[serde(default, rename = "type")]
    doc_type: String,
    #[serde(default)]
    folder_id: String,
    #[serde(default)]
    expires_on: String,
}

async fn edit_submit(
    Path(id): Path<String>,
    Post(ctx, Person { session, bid }, form): Post<Person, EditForm>,
) -> Response {
    let Ok(id) = ItemId::parse(&id) else {
        return ctx.not_found();
    };
    let nonempty = |s: &str| Some(s.trim().to_owned()).filter(|v| !v.is_empty());
    let patch = DocumentPatch {
        name: Some(form.name.clone()),
        doc_type: nonempty(&form.doc_type),
        folder_id: Some(nonempty(&form.folder_id)),
        expires_on: Some(nonempty(&form.expires_on)),
    };
    match ctx.state.app.update_document(&session, &id, patch).await {
        Ok(_) => ctx.redirect_with(&format!("/documents/{id}"), Notice::Saved),
        Err(ServiceError::NotFound) => ctx.not_found(),
        Err(e) => {
            render_document(
                &ctx,
                &session,
                &bid,
                &id,
                Some(ctx.error_text(&e)),
                Ctx::error_status(&e),
            )
            .await
        }
    }
}

/// Repeated `sid` fields: the form as its pairs.
async fn shares_submit(
    Path(id): Path<String>,
    Post(ctx, Person { session, .. }, pairs): Post<Person, Fields>,
) -> Response {
    let Ok(id) = ItemId::parse(&id) else {
        return ctx.not_found();
    };
    match apply_shares(&ctx, &session, ItemKind::Document, &id, &pairs).await {
        Ok(n) => ctx.redirect_with(&format!("/documents/{id}"), Notice::shares(n)),
        Err(e) => ctx.error_page(&e),
    }
}

/// "Who sees this": one checkbox per relais of hers, ticked where the item is shared.
pub(super) fn who_sees(
    ctx: &Ctx,
    title: &str,
    action: &str,
    relays: &[NamedRef<StructureId>],
    shared_with: &[StructureId],
) -> Markup {
    html! {
        section.card {
            h2 { (icon("relais")) " " (title) }
            @if relays.is_empty() {
                p { (ctx.t("doc-private-no-relais")) }
            } @else {
                form method="post" action=(action) {
                    (ctx.csrf_field())
                    fieldset {
                        legend { (ctx.t("doc-share-legend")) }
                        @for r in relays {
                            div.choice {
                                input type="checkbox" id={"share-" (r.id)} name="sid" value=(r.id) checked[shared_with.contains(&r.id)];
                                label for={"share-" (r.id)} { (r.name) }
                            }
                        }
                    }
                    button.primary type="submit" { (ctx.t("action-save")) }
                }
            }
        }
    }
}

/// Shares the item with exactly the relais the form's `sid` boxes name: one service call, one
/// transaction. How many relais see it now.
pub(super) async fn apply_shares(
    ctx: &Ctx,
    session: &Session,
    kind: ItemKind,
    id: &ItemId,
    form: &[(String, String)],
) -> Result<usize, ServiceError> {
    // What names none of her relais changes nothing, as before.
    let mut wanted: Vec<StructureId> = form
        .iter()
        .filter(|(k, _)| k == "sid")
        .filter_map(|(_, v)| StructureId::parse(v).ok())
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    ctx.state
        .app
        .set_item_shares(session, kind, id, &wanted)
        .await?;
    Ok(wanted.len())
}

async fn delete_confirm(
    Path(id): Path<String>,
    Page(ctx, Person { session, .. }): Page<Person>,
) -> Response {
    let Ok(id) = ItemId::parse(&id) else {
        return ctx.not_found();
    };
    match ctx.state.app.get_document(&session, &id).await {
        Ok(doc) => ctx.page(&ctx.t("doc-delete"), html! {
            section.card.narrow {
                h1 { (ctx.locale.ta("doc-delete-question", &[("name", doc.name.clone().into())])) }
                p { (ctx.t("doc-delete-text")) }
                form method="post" action={"/documents/" (doc.id) "/delete"} {
                    (ctx.csrf_field())
                    button.danger type="submit" { (ctx.t("doc-delete-confirm")) }
                }
                p { a href={"/documents/" (doc.id)} { (ctx.t("action-cancel")) } }
            }
        }),
        Err(e) => ctx.error_page(&e),
    }
}

async fn delete_submit(
    Path(id): Path<String>,
    Post(ctx, Person { session, .. }, _): Post<Person>,
) -> Response {
    let Ok(id) = ItemId::parse(&id) else {
        return ctx.not_found();
    };
    match ctx.state.app.delete_document(&session, &id).await {
        Ok(()) => ctx.redirect_with("/documents", Notice::Deleted),
        Err(e) => ctx.error_page(&e),
    }
}

#[derive(Debug, Deserialize)]
struct FolderForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    parent_id: String,
}

async fn folder_submit(
    Post(ctx, Person { session, bid }, form): Post<Person, FolderForm>,
) -> Response {
    let parent = Some(form.parent_id.as_str()).filter(|p| !p.is_empty());
    match ctx
        .state
        .app
        .create_folder(&session, &bid, &form.name, parent)
        .await
    {
        Ok(f) => ctx.redirect_with(&format!("/documents?folder={}", f.id), Notice::Added),
        Err(e) => {
            render_list(
                &ctx,
                &session,
                &bid,
                (parent, PageNumber::FIRST),
                Some(ctx.error_text(&e)),
                Ctx::error_status(&e),
            )
            .await
        }
    }
}

async fn journal_page(Page(ctx, Person { session, bid }): Page<Person>) -> Response {
    let (entries, mut names, items) = match tokio::try_join!(
        ctx.state.app.journal_of(&session, &bid),
        ctx.state.app.document_names(&session, &bid),
        ctx.state.app.item_titles(&session, &bid)
    ) {
        Ok(v) => v,
        Err(e) => return ctx.error_page(&e),
    };
    names.extend(items);
    // Her simulations by their month ("simulation of 05/2026").
    match crate::service::simulations::list_simulations(&ctx.state.app, &session, &bid).await {
        Ok(list) => names.extend(list.iter().map(|s| {
            (
                s.id.to_string(),
                super::simulation_title(&ctx.locale, &s.month.to_string()),
            )
        })),
        Err(e) => return ctx.error_page(&e),
    }
    // Her procedures by their name, on her own page only (her journal's rows name none).
    match crate::service::procedures::list_procedures(&ctx.state.app, &session, &bid).await {
        Ok(list) => names.extend(
            list.iter()
                .map(|p| (p.id.to_string(), super::procedure_name(&ctx, &p.code))),
        ),
        Err(e) => return ctx.error_page(&e),
    }
    ctx.page(&ctx.t("section-journal"), html! {
        h1 { (icon("journal")) " " (ctx.t("section-journal")) }
        p { (ctx.t("journal-intro")) }
        p.hint id="journal-zone" { (ctx.ta("times-note", &[("city", crate::clock::zone_city(&ctx.state.app.config.reminders.time_zone).into())])) }
        ol.journal {
            @for line in journal_lines(&entries, |at| ctx.day_of(at)) {
                @let e = line.entry;
                @let who = match e.actor.account_kind() {
                    Some(AccountKind::Beneficiary) => ctx.t("journal-you"),
                    Some(AccountKind::Professional) => match &e.actor.structure {
                        Some(s) => format!("{} ({})", e.actor.display_name, s.name),
                        None => e.actor.display_name.clone(),
                    },
                    _ if e.actor.kind == crate::service::SOFTWARE_ACTOR => ctx.ta("journal-software", &[("name", e.actor.display_name.clone().into()), ("structure", e.actor.structure.as_ref().map(|s| s.name.clone()).unwrap_or_default().into())]),
                    _ => ctx.t("journal-someone"),
                };
                @let what = e.target.as_ref().filter(|t| !matches!(t.kind.as_str(), "folder" | "household_link" | "dependant")).map(|t| names.iter().find(|(id, _)| *id == t.id).map_or_else(|| ctx.t(if t.kind == ItemKind::Document.as_str() { "journal-deleted-document" } else { "journal-deleted-item" }), |(_, n)| n.clone())).unwrap_or_default();
                @let failed = e.outcome == "failure";
                li.(if failed { "failure" } else { "success" }) {
                    span.journal-icon { (icon(if failed { "warning" } else { journal_icon(&e.action) })) }
                    span.journal-text {
                        time datetime=(e.at) { (ctx.moment(&e.at)) }
                        " — "
                        (journal_sentence(&ctx, e, line.times, who, what))
                    }
                }
            }
        }
    })
}

/// One line of her journal: an entry, and how many of her own views of the same item that day
/// it stands for (1 for any other entry).
struct JournalLine<'a> {
    entry: &'a JournalView,
    times: usize,
}

/// Her journal's entries as lines, newest first: her own views of one item on one day are one
/// line ("You viewed Passeport 5 times"), at the place of the newest; everything else, and
/// anyone else's view, stays a line of its own.
fn journal_lines(entries: &[JournalView], day: impl Fn(&str) -> String) -> Vec<JournalLine<'_>> {
    let mut lines: Vec<JournalLine<'_>> = Vec::with_capacity(entries.len());
    let mut seen: std::collections::HashMap<(String, &str, &str), usize> =
        std::collections::HashMap::new();
    for e in entries {
        let own_view = e.actor.kind == "beneficiary"
            && e.action.ends_with("_viewed")
            && e.outcome == "success";
        if let (true, Some(t)) = (own_view, &e.target) {
            let key = (day(&e.at), e.action.as_str(), t.id.as_str());
            if let Some(&i) = seen.get(&key) {
                lines[i].times += 1;
                continue;
            }
            seen.insert(key, lines.len());
        }
        lines.push(JournalLine { entry: e, times: 1 });
    }
    lines
}

/// The sentence of a journal line: her grouped views counted, the relais an item was shared
/// with (or no longer) named, else the action's own sentence.
fn journal_sentence(ctx: &Ctx, e: &JournalView, times: usize, who: String, what: String) -> String {
    let shared = e.action.ends_with("_shared");
    match (&e.relay, times) {
        (_, 2..) => ctx.locale.ta(
            "journal-viewed-times",
            &[
                ("who", who.into()),
                ("what", what.into()),
                ("count", times.into()),
            ],
        ),
        (Some(r), _) if shared || e.action.ends_with("_unshared") => ctx.locale.ta(
            if shared {
                "journal-shared-with"
            } else {
                "journal-unshared-with"
            },
            &[
                ("who", who.into()),
                ("what", what.into()),
                ("relais", r.name.clone().into()),
            ],
        ),
        (Some(r), _)
            if e.action.starts_with("dependant_")
                || e.action.starts_with("message")
                || e.action == "thread_closed" =>
        {
            ctx.locale.ta(
                &format!("journal-{}-{}", e.action.replace('_', "-"), e.outcome),
                &[("who", who.into()), ("relais", r.name.clone().into())],
            )
        }
        (Some(r), _) if e.action.starts_with("dependant_") => ctx.locale.ta(
            &format!("journal-{}-{}", e.action.replace('_', "-"), e.outcome),
            &[("who", who.into()), ("relais", r.name.clone().into())],
        ),
        _ => ctx.locale.ta(
            &format!("journal-{}-{}", e.action.replace('_', "-"), e.outcome),
            &[("who", who.into()), ("what", what.into())],
        ),
    }
}

/// The pictogram of a kind of journal entry (the sentence beside it says the same).
fn journal_icon(action: &str) -> &'static str {
    match action {
        "safe_opened" => "safe",
        "terms_accepted" => "check",
        "profile_viewed" => "person",
        "relay_left" | "recovery_relay_added" | "recovery_relay_removed" => "relais",
        "structure_key_rotated" | "structure_profile_changed" => "building",
        "feature_switched" => "settings",
        a if a.starts_with("news") => "megaphone",
        a if a.starts_with("domiciliation") => "mailbox",
        "followup_written" => "note",
        a if a.starts_with("message") || a == "thread_closed" => "message",
        a if a.starts_with("household") || a.starts_with("dependant") => "people",
        a if a.starts_with("invitation") => "invitation",
        a if a.starts_with("phone") || a.starts_with("structure_phone") => "phone",
        a if a.starts_with("calendar_feed") => "calendar",
        a if a.starts_with("share_link") => "share",
        a if a.starts_with("member")
            || a.starts_with("client_")
            || a == "professionals_imported" =>
        {
            "building"
        }
        "referent_changed" => "people",
        "document_put_in_file" => "download",
        "file_assembled" => "plus",
        a if a.starts_with("folder") => "folder",
        a if a == "login"
            || a.starts_with("password")
            || a.starts_with("recover")
            || a.starts_with("security_question")
            || a.starts_with("reset") =>
        {
            "key"
        }
        a if a.ends_with("_viewed") => "view",
        a if a.ends_with("_downloaded")
            || a.ends_with("_exported")
            || a.ends_with("_certified") =>
        {
            "download"
        }
        a if a.ends_with("_unshared") => "lock",
        a if a.ends_with("_shared") => "share",
        a if a.ends_with("_deleted") => "delete",
        a if a.ends_with("_uploaded") || a.ends_with("_created") => "plus",
        a if a.ends_with("_renamed")
            || a.ends_with("_moved")
            || a.ends_with("_type_changed")
            || a.ends_with("_updated")
            || a.ends_with("_expiry_set")
            || a.ends_with("_expiry_removed") =>
        {
            "edit"
        }
        _ => "journal",
    }
}

async fn folder_edit(
    Path(id): Path<String>,
    Post(ctx, Person { session, bid }, form): Post<Person, FolderForm>,
) -> Response {
    let Ok(id) = FolderId::parse(&id) else {
        return ctx.not_found();
    };
    let parent = Some(form.parent_id.as_str()).filter(|p| !p.is_empty());
    match ctx
        .state
        .app
        .update_folder(&session, &bid, &id, Some(&form.name), Some(parent))
        .await
    {
        Ok(f) => ctx.redirect_with(&format!("/documents?folder={}", f.id), Notice::Saved),
        Err(ServiceError::NotFound) => ctx.not_found(),
        Err(e) => {
            render_list(
                &ctx,
                &session,
                &bid,
                (Some(id.as_str()), PageNumber::FIRST),
                Some(ctx.error_text(&e)),
                Ctx::error_status(&e),
            )
            .await
        }
    }
}

async fn folder_delete(
    Path(id): Path<String>,
    Post(ctx, Person { session, bid }, _): Post<Person>,
) -> Response {
    let Ok(id) = FolderId::parse(&id) else {
        return ctx.not_found();
    };
    match ctx.state.app.delete_folder(&session, &bid, &id).await {
        Ok(()) => ctx.redirect_with("/documents", Notice::Deleted),
        Err(e) => ctx.error_page(&e),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod journal_tests {
    use super::*;

    #[test]
    fn every_journal_action_has_its_own_pictogram() {
        for action in crate::service::JOURNAL_ACTIONS {
            assert_ne!(journal_icon(action), "journal", "{action}");
        }
        assert_eq!(journal_icon("document_viewed"), "view");
        assert_eq!(journal_icon("note_unshared"), "lock");
        assert_eq!(journal_icon("contact_shared"), "share");
    }
}
