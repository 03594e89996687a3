//! CSV import pages (issue 18, item 5): a structure's admin imports professionals
//! (`/s/{sid}/team/import`), the platform admin imports structures (`/admin/structures/import`),
//! and an imported professional activates her account (`/activate?code=...`).
//!
//! Plain forms, no script: the file is uploaded, checked and shown as a preview (each line with
//! its result or its error) without writing anything; the confirm form carries the file's text
//! back and the import checks it again before writing it in one transaction. The activation
//! links appear once, in the answer to the confirm, with a CSV download (a `data:` link) for
//! mailing them.

use super::{Ctx, Page, PlatformAdmin, Post, Staff, Upload, Visitor, icons::icon};
use crate::domain::StructureId;
use crate::service::imports::{
    ImportCheck, Invitation, MAX_CSV_BYTES, PROFESSIONALS_HEADER, STRUCTURES_HEADER,
};
use crate::service::{Imported, ServiceError, Session};
use crate::web::AppState;
use crate::web::pages::guards::CheckedParts;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use maud::{Markup, html};
use serde::Deserialize;

/// A confirm form carries the file's text, urlencoded (up to three bytes per byte).
const CONFIRM_LIMIT: usize = 3 * MAX_CSV_BYTES + 4096;
/// The upload: the file and the multipart framing.
const UPLOAD_LIMIT: usize = MAX_CSV_BYTES + 16 * 1024;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/s/{sid}/team/import",
            get(pros_page)
                .post(pros_upload)
                .layer(DefaultBodyLimit::max(UPLOAD_LIMIT)),
        )
        .route(
            "/s/{sid}/team/import/confirm",
            axum::routing::post(pros_confirm).layer(DefaultBodyLimit::max(CONFIRM_LIMIT)),
        )
        .route(
            "/admin/structures/import",
            get(structures_page)
                .post(structures_upload)
                .layer(DefaultBodyLimit::max(UPLOAD_LIMIT)),
        )
        .route(
            "/admin/structures/import/confirm",
            axum::routing::post(structures_confirm).layer(DefaultBodyLimit::max(CONFIRM_LIMIT)),
        )
        .route("/activate", get(activate_page).post(activate_submit))
}

/// Which import a page is about.
#[derive(Clone, Copy)]
enum What<'a> {
    Professionals(&'a StructureId),
    Structures,
}

impl What<'_> {
    fn path(&self) -> String {
        match self {
            What::Professionals(sid) => format!("/s/{sid}/team/import"),
            What::Structures => "/admin/structures/import".into(),
        }
    }
    fn back(&self) -> String {
        match self {
            What::Professionals(sid) => format!("/s/{sid}/team"),
            What::Structures => "/admin".into(),
        }
    }
    fn title(&self) -> &'static str {
        match self {
            What::Professionals(_) => "import-pros-title",
            What::Structures => "import-structures-title",
        }
    }
    fn format_hint(&self) -> &'static str {
        match self {
            What::Professionals(_) => "import-pros-format",
            What::Structures => "import-structures-format",
        }
    }
    fn header(&self) -> &'static [&'static str] {
        match self {
            What::Professionals(_) => PROFESSIONALS_HEADER,
            What::Structures => STRUCTURES_HEADER,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
struct ConfirmForm {
    #[serde(default)]
    csv: String,
}

/// The page: the upload form, and above it what the last step has to say.
fn page(ctx: &Ctx, what: What<'_>, status: StatusCode, above: Option<Markup>) -> Response {
    let path = what.path();
    ctx.render(
        status,
        &ctx.t(what.title()),
        html! {
            h1 { (icon("plus")) " " (ctx.t(what.title())) }
            @if let Some(a) = above { (a) }
            section.card {
                h2 { (ctx.t("import-upload-title")) }
                p.hint id="import-format" { (ctx.t(what.format_hint())) }
                p { code dir="ltr" { (what.header().join(",")) } }
                form method="post" action=(path) enctype="multipart/form-data" {
                    (ctx.csrf_field())
                    label for="import-file" { (ctx.t("import-file")) }
                    input id="import-file" name="file" type="file" accept=".csv,text/csv" required aria-describedby="import-format";
                    button.primary type="submit" { (ctx.t("import-preview-action")) }
                }
            }
            p { a.button href=(what.back()) { (ctx.t("action-back")) } }
        },
    )
}

fn alert(text: &str) -> Markup {
    html! { div.notice.error role="alert" { p { (text) } } }
}

/// The preview: every line with its result; a confirm form when every line is valid.
fn preview(ctx: &Ctx, what: What<'_>, check: &ImportCheck, csv: &str) -> Markup {
    let header = what.header();
    html! {
        section.card id="preview" {
            h2 { (ctx.t("import-preview-title")) }
            @if let Some(e) = &check.file_error {
                (alert(&ctx.ta("import-file-error", &[
                    ("line", e.line.into()),
                    ("reason", ctx.t(&error_id(e.code)).into()),
                ])))
            } @else if !check.is_valid() {
                (alert(&ctx.t("import-preview-errors")))
            } @else {
                p.hint { (ctx.t("import-preview-hint")) }
            }
            @if !check.lines.is_empty() {
                div.table-scroll tabindex="0" role="region" aria-label=(ctx.ta("import-lines", &[("count", check.lines.len().into())])) {
                    table {
                        caption { (ctx.ta("import-lines", &[("count", check.lines.len().into())])) }
                        thead { tr {
                            th scope="col" { (ctx.t("import-col-line")) }
                            @for h in header { th scope="col" { (ctx.t(&format!("field-{}", h.replace('_', "-")))) } }
                            th scope="col" { (ctx.t("import-col-result")) }
                        } }
                        tbody {
                            @for l in &check.lines {
                                tr {
                                    td { (l.line) }
                                    @for i in 0..header.len() { td { (l.fields.get(i).map(String::as_str).unwrap_or_default()) } }
                                    td {
                                        @match l.error {
                                            Some(code) => strong.error { (ctx.t(&error_id(code))) },
                                            None => { (ctx.t("import-line-ok")) },
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            @if check.is_valid() {
                form method="post" action={(what.path()) "/confirm"} {
                    (ctx.csrf_field())
                    input type="hidden" name="csv" value=(csv);
                    button.primary type="submit" { (ctx.ta("import-confirm", &[("count", check.lines.len().into())])) }
                }
            }
        }
    }
}

fn error_id(code: &str) -> String {
    format!("import-error-{}", code.replace('_', "-"))
}

/// The file part of the upload, at most [`MAX_CSV_BYTES`]; `None` when there is none.
async fn read_file(mut form: CheckedParts) -> Result<Option<Vec<u8>>, ServiceError> {
    let mut out = None;
    while let Some(mut part) = form.next_part().await? {
        if part.name() != "file" || out.is_some() {
            part.discard().await?;
            continue;
        }
        let mut bytes = Vec::new();
        while let Some(chunk) = part.chunk().await? {
            if bytes.len() + chunk.len() > MAX_CSV_BYTES {
                return Err(ServiceError::TooLarge("csv_too_large"));
            }
            bytes.extend_from_slice(&chunk);
        }
        out = Some(bytes);
    }
    Ok(out)
}

/// Reads the upload and shows its preview (the page again with an error when it cannot).
async fn upload_preview(
    ctx: Ctx,
    session: Session,
    what: What<'_>,
    form: CheckedParts,
) -> Response {
    let bytes = match read_file(form).await {
        Ok(Some(b)) if !b.is_empty() => b,
        Ok(_) => {
            let a = alert(&ctx.t("import-error-empty-file"));
            return page(&ctx, what, StatusCode::UNPROCESSABLE_ENTITY, Some(a));
        }
        Err(ServiceError::Forbidden) => return ctx.bad_form(),
        Err(ServiceError::TooLarge(_)) => {
            let a = alert(&ctx.t("import-error-too-large"));
            return page(&ctx, what, StatusCode::PAYLOAD_TOO_LARGE, Some(a));
        }
        Err(e) => return ctx.error_page(&e),
    };
    let app = &ctx.state.app;
    let checked = match what {
        What::Professionals(sid) => {
            app.preview_professionals(&session, sid, bytes.clone())
                .await
        }
        What::Structures => app.preview_structures(&session, bytes.clone()).await,
    };
    match checked {
        Ok(check) => {
            // The confirm form carries the text; a file that is no UTF-8 has no confirm.
            let csv = String::from_utf8_lossy(&bytes);
            let status = if check.is_valid() {
                StatusCode::OK
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            let shown = preview(&ctx, what, &check, &csv);
            page(&ctx, what, status, Some(shown))
        }
        Err(e) => ctx.error_page(&e),
    }
}

/// `display_name,email,activation_url` as CSV, for mailing the links.
fn invitations_csv(invitations: &[Invitation]) -> String {
    fn cell(v: &str) -> String {
        // A leading formula character is neutralised for spreadsheets.
        let v = if v.starts_with(['=', '+', '-', '@']) {
            format!("'{v}")
        } else {
            v.to_owned()
        };
        if v.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", v.replace('"', "\"\""))
        } else {
            v
        }
    }
    let mut out = String::from("display_name,email,activation_url\r\n");
    for i in invitations {
        out.push_str(&format!(
            "{},{},{}\r\n",
            cell(&i.display_name),
            cell(&i.email),
            cell(&i.activation_url)
        ));
    }
    out
}

/// `text` as a `data:` URL.
fn data_url(text: &str) -> String {
    let mut out = String::from("data:text/csv;charset=utf-8,");
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

async fn pros_page(Path(sid): Path<String>, Page(ctx, Staff(session)): Page<Staff>) -> Response {
    let Ok(sid) = StructureId::parse(&sid) else {
        return ctx.not_found();
    };
    // The same check as the import: not an admin holding the key, no page.
    if let Err(e) = ctx
        .state
        .app
        .preview_professionals(&session, &sid, Vec::new())
        .await
    {
        return ctx.error_page(&e);
    }
    page(&ctx, What::Professionals(&sid), StatusCode::OK, None)
}

async fn pros_upload(Path(sid): Path<String>, upload: Upload<Staff>) -> Response {
    let Upload(ctx, Staff(session), form) = upload;
    let Ok(sid) = StructureId::parse(&sid) else {
        return ctx.not_found();
    };
    upload_preview(ctx, session, What::Professionals(&sid), form).await
}

async fn pros_confirm(
    Path(sid): Path<String>,
    Post(ctx, Staff(session), form): Post<Staff, ConfirmForm>,
) -> Response {
    let Ok(sid) = StructureId::parse(&sid) else {
        return ctx.not_found();
    };
    let what = What::Professionals(&sid);
    let csv = form.csv;
    match ctx
        .state
        .app
        .import_professionals(&session, &sid, csv.clone().into_bytes())
        .await
    {
        Ok(Imported::Done(done)) => {
            let file = invitations_csv(&done.invitations);
            let shown = html! {
                div.notice.success role="status" { p { (ctx.ta("import-done-pros", &[("count", done.imported.into())])) } }
                section.card id="invitations" {
                    h2 { (ctx.t("import-invitations-title")) }
                    p { strong { (ctx.t("import-invitations-hint")) } }
                    p { a.button.primary href=(data_url(&file)) download="invitations.csv" { (icon("download")) " " (ctx.t("import-invitations-download")) } }
                    div.table-scroll tabindex="0" role="region" aria-label=(ctx.t("import-invitations-title")) {
                        table {
                            caption { (ctx.t("import-invitations-title")) }
                            thead { tr {
                                th scope="col" { (ctx.t("field-display-name")) }
                                th scope="col" { (ctx.t("field-email")) }
                                th scope="col" { (ctx.t("import-col-link")) }
                            } }
                            tbody {
                                @for i in &done.invitations {
                                    tr {
                                        td { (i.display_name) }
                                        td { (i.email) }
                                        td { code dir="ltr" { (i.activation_url) } }
                                    }
                                }
                            }
                        }
                    }
                }
            };
            page(&ctx, what, StatusCode::OK, Some(shown))
        }
        Ok(Imported::Refused(check)) => {
            let shown = preview(&ctx, what, &check, &csv);
            page(&ctx, what, StatusCode::UNPROCESSABLE_ENTITY, Some(shown))
        }
        Err(e) => ctx.error_page(&e),
    }
}

async fn structures_page(Page(ctx, PlatformAdmin(_)): Page<PlatformAdmin>) -> Response {
    page(&ctx, What::Structures, StatusCode::OK, None)
}

async fn structures_upload(upload: Upload<PlatformAdmin>) -> Response {
    let Upload(ctx, PlatformAdmin(session), form) = upload;
    upload_preview(ctx, session, What::Structures, form).await
}

async fn structures_confirm(
    Post(ctx, PlatformAdmin(session), form): Post<PlatformAdmin, ConfirmForm>,
) -> Response {
    let what = What::Structures;
    let csv = form.csv;
    match ctx
        .state
        .app
        .import_structures(&session, csv.clone().into_bytes())
        .await
    {
        Ok(Imported::Done(done)) => {
            let shown = html! {
                div.notice.success role="status" { p { (ctx.ta("import-done-structures", &[("count", done.imported.into())])) } }
                ul.people {
                    @for s in &done.structures {
                        li { (icon("building")) " " strong { (s.name) } " · " (ctx.t(super::structure_kind_label(s.kind))) @if let Some(c) = &s.city { " · " (c) } }
                    }
                }
            };
            page(&ctx, what, StatusCode::OK, Some(shown))
        }
        Ok(Imported::Refused(check)) => {
            let shown = preview(&ctx, what, &check, &csv);
            page(&ctx, what, StatusCode::UNPROCESSABLE_ENTITY, Some(shown))
        }
        Err(e) => ctx.error_page(&e),
    }
}

#[derive(Debug, Default, Deserialize)]
struct CodeQuery {
    #[serde(default)]
    code: String,
}

#[derive(Debug, Default, Deserialize)]
struct ActivateForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    password: String,
}

/// The activation form, or why the link does not work.
async fn activation_form(
    ctx: &Ctx,
    code: &str,
    error: Option<String>,
    status: StatusCode,
) -> Response {
    let title = ctx.t("activate-title");
    let Ok(a) = ctx.state.app.activation(code).await else {
        return ctx.render(
            StatusCode::NOT_FOUND,
            &title,
            html! {
                h1 { (title) }
                (alert(&ctx.t("activate-invalid")))
                p { a.button href="/login" { (ctx.t("action-back-home")) } }
            },
        );
    };
    ctx.render(
        status,
        &title,
        html! {
            h1 { (icon("key")) " " (title) }
            p { (ctx.ta("activate-intro", &[
                ("name", a.display_name.clone().into()),
                ("structure", a.structure_name.clone().into()),
                ("email", a.email.clone().into()),
            ])) }
            (super::field_error(&error))
            form method="post" action="/activate" {
                (ctx.csrf_field())
                input type="hidden" name="code" value=(code);
                label for="password" { (ctx.t("field-password")) }
                p.hint id="pw-hint" { (ctx.t("password-rules")) }
                (ctx.password_field(super::PasswordField { id: "password", name: "password", autocomplete: "new-password", hint: Some("pw-hint"), required: true, new: true }))
                button.primary type="submit" { (ctx.t("activate-submit")) }
            }
        },
    )
}

async fn activate_page(
    Query(q): Query<CodeQuery>,
    Page(ctx, Visitor(_)): Page<Visitor>,
) -> Response {
    activation_form(&ctx, &q.code, None, StatusCode::OK).await
}

async fn activate_submit(Post(ctx, Visitor(_), form): Post<Visitor, ActivateForm>) -> Response {
    match ctx
        .state
        .app
        .activate_professional(&form.code, &form.password)
        .await
    {
        Ok(_) => {
            let title = ctx.t("activate-title");
            ctx.render(
                StatusCode::OK,
                &title,
                html! {
                    h1 { (title) }
                    div.notice.success role="status" { p { (ctx.t("activate-done")) } }
                    p { a.button.primary href="/login" { (ctx.t("activate-login")) } }
                },
            )
        }
        Err(e) => {
            let status = Ctx::error_status(&e);
            activation_form(&ctx, &form.code, Some(ctx.error_text(&e)), status).await
        }
    }
}
