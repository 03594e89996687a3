//! "My procedures" (issue 15, item 3) as pages. Her page (`/procedures`, linked from her home
//! and from `/rights`): the catalogue to start one, her history of procedures (started and
//! completed, in order), and each procedure's page: the checklist of papers (present with the
//! paper, missing with a link to add it, expired), its status and the date of each change,
//! the next deadline, the filing receipt, who sees it. The professional's side from the
//! person's file (`/pro/b/{bid}/procedures`): the same, for what she shares with his
//! structure. Plain forms: no JavaScript needed.

use super::documents::{apply_shares, day, who_sees};
use super::guards::Fields;
use super::{Ctx, Page, Person, Post, Professional, icons::icon, procedure_name};
use crate::domain::procedures::{CATALOGUE, ProcedureStatus};
use crate::domain::{BeneficiaryId, DocumentType, InvalidInput, ItemId};
use crate::service::procedures::{
    LineState, ProcedureView, assemble_procedure_file, create_procedure, get_procedure,
    list_procedures, update_procedure,
};
use crate::service::{DocumentView, ItemKind, ServiceError, Session};
use crate::web::AppState;
use axum::Router;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::{Markup, html};
use serde_json::{Map, Value};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/procedures", get(her_page).post(her_start))
        .route("/procedures/{id}", get(her_one).post(her_update))
        .route("/procedures/{id}/shares", post(her_shares))
        .route("/procedures/{id}/file", post(her_file))
        .route("/pro/b/{bid}/procedures", get(pro_page).post(pro_start))
        .route(
            "/pro/b/{bid}/procedures/{id}",
            get(pro_one).post(pro_update),
        )
        .route("/pro/b/{bid}/procedures/{id}/file", post(pro_file))
}

fn one<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.trim())
}

/// The start form as the API's body: `{code, deadline_on?}`.
fn start_body(fields: &[(String, String)]) -> Value {
    let mut m = Map::new();
    if let Some(code) = one(fields, "code").filter(|c| !c.is_empty()) {
        m.insert("code".into(), Value::from(code));
    }
    if let Some(d) = one(fields, "deadline_on").filter(|d| !d.is_empty()) {
        m.insert("deadline_on".into(), Value::from(d));
    }
    Value::Object(m)
}

/// One of the procedure's forms as the API's PATCH body: the fields it sends (an empty
/// deadline or receipt clears it).
fn update_body(fields: &[(String, String)]) -> Value {
    let mut m = Map::new();
    if let Some(s) = one(fields, "status").filter(|s| !s.is_empty()) {
        m.insert("status".into(), Value::from(s));
    }
    for name in ["deadline_on", "receipt_document_id"] {
        if let Some(v) = one(fields, name) {
            let v = if v.is_empty() {
                Value::Null
            } else {
                Value::from(v)
            };
            m.insert(name.into(), v);
        }
    }
    Value::Object(m)
}

/// A refused answer, said with the field's words.
fn input_error(ctx: &Ctx, e: &ServiceError) -> String {
    match e {
        ServiceError::Invalid(InvalidInput { field, code }) => {
            let what = ctx.t(&format!("procedure-field-{}", field.replace('_', "-")));
            let why = match (*field, *code) {
                (_, "invalid_date") => ctx.t("procedure-error-invalid-date"),
                ("watermark", "invalid") => ctx.t("procedure-error-watermark-script"),
                ("documents", "required") => return ctx.t("procedure-file-none"),
                (_, "too_long") => ctx.t("procedure-error-too-long"),
                (_, other) => ctx.t(&format!("rights-error-{}", other.replace('_', "-"))),
            };
            format!("{what} {why}")
        }
        other => ctx.error_text(other),
    }
}

fn status_label(ctx: &Ctx, s: ProcedureStatus) -> String {
    ctx.t(&s.label_id())
}

/// The form to start a procedure: the catalogue, and an optional deadline.
fn start_form(ctx: &Ctx, action: &str, error: Option<&str>) -> Markup {
    html! {
        section.card id="start-procedure" {
            h2 { (icon("plus")) " " (ctx.t("procedures-start")) }
            @if let Some(e) = error { div.notice.error role="alert" { p { (e) } } }
            form method="post" action=(action) {
                (ctx.csrf_field())
                fieldset {
                    legend { (ctx.t("procedures-choose")) }
                    @for (i, p) in CATALOGUE.iter().enumerate() {
                        div.choice {
                            input type="radio" id={"f-code-" (p.code)} name="code" value=(p.code) required checked[i == 0];
                            label for={"f-code-" (p.code)} { (icon("journal")) " " (ctx.t(&p.label_id())) }
                        }
                    }
                }
                label for="f-start-deadline" { (icon("calendar")) " " (ctx.t("procedure-deadline")) " " span.hint { (ctx.t("optional")) } }
                input id="f-start-deadline" name="deadline_on" type="date";
                button.primary type="submit" { (icon("check")) " " (ctx.t("procedures-start-action")) }
            }
        }
    }
}

/// Her history of procedures: every one, in the order they were started, with where it
/// stands and, once closed, when.
fn history(
    ctx: &Ctx,
    title: &str,
    list: &[ProcedureView],
    link: impl Fn(&ProcedureView) -> String,
) -> Markup {
    html! {
        section.card id="procedures-history" {
            h2 { (icon("journal")) " " (title) }
            @if list.is_empty() {
                p { (ctx.t("procedures-empty")) }
            } @else {
                ol.plain.procedures {
                    @for p in list {
                        li data-status=(p.status.as_str()) {
                            a href=(link(p)) { (icon("journal")) " " (procedure_name(ctx, &p.code)) }
                            " — " strong.status { (status_label(ctx, p.status)) }
                            br;
                            span.hint {
                                @if let Some(first) = p.history.first() { (ctx.ta("procedures-started", &[("date", day(&first.at).into())])) }
                                @if p.status.is_closed() {
                                    @if let Some(last) = p.history.last() { " · " (ctx.ta("procedures-closed-on", &[("date", day(&last.at).into())])) }
                                } @else if let Some(d) = &p.deadline_on {
                                    " · " (ctx.ta("procedure-deadline-on", &[("date", day(d).into())]))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Where the caller's links go: her pages, or the professional's for person `bid`.
struct Links {
    base: String,
    document: Box<dyn Fn(&str) -> String + Send + Sync>,
    /// The form to add a paper, with its type chosen (`?type=`).
    add_paper: Box<dyn Fn(DocumentType) -> String + Send + Sync>,
}

impl Links {
    fn hers() -> Self {
        Self {
            base: "/procedures".into(),
            document: Box::new(|id| format!("/documents/{id}")),
            add_paper: Box::new(|t| format!("/documents?type={}#add-paper", t.as_str())),
        }
    }

    fn pro(bid: &BeneficiaryId) -> Self {
        let b = bid.to_string();
        let b2 = b.clone();
        Self {
            base: format!("/pro/b/{bid}/procedures"),
            document: Box::new(move |id| format!("/pro/b/{b}/documents/{id}")),
            add_paper: Box::new(move |t| format!("/pro/b/{b2}?type={}#add-paper", t.as_str())),
        }
    }
}

/// The checklist: each line's types, its state and the paper that fills it.
fn checklist(ctx: &Ctx, p: &ProcedureView, docs: &[DocumentView], links: &Links) -> Markup {
    let name_of = |id: &ItemId| docs.iter().find(|d| &d.id == id).map(|d| d.name.clone());
    html! {
        section.card id="checklist" {
            h2 { (icon("folder")) " " (ctx.t("procedure-checklist")) }
            ul.plain.checklist {
                @for (i, line) in p.checklist.iter().enumerate() {
                    @let state = match line.state { LineState::Present => "present", LineState::Expired => "expired", LineState::Missing => "missing" };
                    li.(state) id={"line-" (i)} data-state=(state) {
                        span.line-state {
                            @match line.state {
                                LineState::Present => { (icon("check")) " " span.visually-hidden { (ctx.t("procedure-line-present")) } }
                                LineState::Expired => { (icon("warning")) " " span.visually-hidden { (ctx.t("procedure-line-expired")) } }
                                LineState::Missing => { (icon("close")) " " span.visually-hidden { (ctx.t("procedure-line-missing")) } }
                            }
                        }
                        span.line-types {
                            @for (j, t) in line.types.iter().enumerate() {
                                @if j > 0 { " / " }
                                span.paper data-type=(t.as_str()) { (icon(t.pictogram())) " " (ctx.t(&t.label_id())) }
                            }
                        }
                        br;
                        @match (&line.state, &line.document_id) {
                            (LineState::Present, Some(id)) => {
                                a href=((links.document)(id.as_str())) { (icon("paper")) " " (name_of(id).unwrap_or_else(|| ctx.t("procedure-line-present"))) }
                            }
                            (LineState::Expired, Some(id)) => {
                                strong { (ctx.t("procedure-line-expired")) } " — "
                                a href=((links.document)(id.as_str())) { (name_of(id).unwrap_or_default()) }
                                " · " a href=((links.add_paper)(line.types.first().copied().unwrap_or_default())) { (icon("plus")) " " (ctx.t("procedure-add-paper")) }
                            }
                            _ => {
                                strong { (ctx.t("procedure-line-missing")) } " — "
                                a href=((links.add_paper)(line.types.first().copied().unwrap_or_default())) { (icon("plus")) " " (ctx.t("procedure-add-paper")) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The assembled file: one PDF of the papers the checklist found (`POST …/file`), with an
/// optional mention printed on every page; offered once one paper is there.
fn build_file(ctx: &Ctx, p: &ProcedureView, action: &str) -> Markup {
    let ready = p.checklist.iter().any(|l| l.state == LineState::Present);
    html! {
        section.card id="build-file" {
            h2 { (icon("folder")) " " (ctx.t("procedure-file")) }
            @if ready {
                p { (ctx.t("procedure-file-intro")) }
                form method="post" action={(action) "/file"} {
                    (ctx.csrf_field())
                    label for="f-watermark" { (ctx.t("procedure-file-watermark")) " " span.hint { (ctx.t("optional")) } }
                    p.hint id="f-watermark-hint" { (ctx.t("procedure-file-watermark-hint")) }
                    input id="f-watermark" name="watermark" type="text" maxlength="120" aria-describedby="f-watermark-hint";
                    button.primary type="submit" { (icon("paper")) " " (ctx.t("procedure-file-build")) }
                }
            } @else {
                p { (ctx.t("procedure-file-none")) }
            }
        }
    }
}

/// The watermark a form asked for: none when left empty.
fn watermark_of(form: &[(String, String)]) -> Option<String> {
    one(form, "watermark")
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
}

/// Its status with the date of each change, the forms to move it on (status, deadline,
/// receipt) and what the catalogue says of it.
fn detail(
    ctx: &Ctx,
    p: &ProcedureView,
    docs: &[DocumentView],
    links: &Links,
    error: Option<&str>,
) -> Markup {
    let action = format!("{}/{}", links.base, p.id);
    let def = p.def();
    html! {
        @if let Some(e) = error { div.notice.error role="alert" { p { (e) } } }
        section.card id="status" {
            h2 { (icon("journal")) " " (ctx.t("procedure-status")) ": " strong.status { (status_label(ctx, p.status)) } }
            h3 { (ctx.t("procedure-changes")) }
            ol.plain.changes {
                @for c in &p.history {
                    li { time datetime=(c.at) { (ctx.moment(&c.at)) } " — " (status_label(ctx, c.status)) }
                }
            }
            form method="post" action=(action) {
                (ctx.csrf_field())
                label for="f-status" { (ctx.t("procedure-status-change")) }
                select id="f-status" name="status" {
                    @for s in ProcedureStatus::ALL {
                        option value=(s.as_str()) selected[s == p.status] { (status_label(ctx, s)) }
                    }
                }
                button.primary type="submit" { (icon("check")) " " (ctx.t("action-save")) }
            }
        }
        (checklist(ctx, p, docs, links))
        (build_file(ctx, p, &action))
        section.card id="deadline" {
            h2 { (icon("calendar")) " " (ctx.t("procedure-deadline")) }
            p {
                @match &p.deadline_on {
                    Some(d) => (ctx.ta("procedure-deadline-on", &[("date", day(d).into())])),
                    None => (ctx.t("procedure-deadline-none")),
                }
            }
            form method="post" action=(action) {
                (ctx.csrf_field())
                label for="f-deadline" { (ctx.t("procedure-deadline")) }
                p.hint id="f-deadline-hint" { (ctx.t("procedure-deadline-hint")) }
                input id="f-deadline" name="deadline_on" type="date" value=(p.deadline_on.as_deref().unwrap_or_default()) aria-describedby="f-deadline-hint";
                button type="submit" { (icon("bell")) " " (ctx.t("procedure-deadline-save")) }
            }
        }
        section.card id="receipt" {
            h2 { (icon("paper")) " " (ctx.t("procedure-receipt")) }
            @match p.receipt_document_id.as_deref() {
                Some(id) => p { a href=((links.document)(id)) { (icon("paper")) " " (docs.iter().find(|d| d.id.as_str() == id).map_or_else(|| ctx.t("procedure-receipt"), |d| d.name.clone())) } },
                None => p { (ctx.t("procedure-receipt-none")) },
            }
            @if !docs.is_empty() {
                form method="post" action=(action) {
                    (ctx.csrf_field())
                    label for="f-receipt" { (ctx.t("procedure-receipt-choose")) }
                    select id="f-receipt" name="receipt_document_id" {
                        option value="" { "—" }
                        @for d in docs {
                            option value=(d.id) selected[p.receipt_document_id.as_deref() == Some(d.id.as_str())] { (d.name) }
                        }
                    }
                    button type="submit" { (icon("check")) " " (ctx.t("procedure-receipt-attach")) }
                }
            }
        }
        @if let Some(def) = def {
            section.card id="where-to-ask" {
                dl {
                    @if let Some(url) = def.teleservice_url {
                        dt { (ctx.t("rights-teleservice")) }
                        dd { a href=(url) rel="noopener noreferrer" dir="ltr" { (url.split('/').nth(2).unwrap_or(url)) } }
                    }
                    @if let Some(form) = def.form {
                        dt { (ctx.t("rights-form")) }
                        dd dir="ltr" { (form.replace('_', " ").replacen("cerfa", "Cerfa", 1)) }
                    }
                    dt { (ctx.t("procedure-source")) }
                    dd { a href=(def.source_url) rel="noopener noreferrer" dir="ltr" { (def.source_url.split('/').nth(2).unwrap_or(def.source_url)) } }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Her pages

async fn her_view(
    ctx: &Ctx,
    session: &Session,
    bid: &BeneficiaryId,
    error: Option<&str>,
) -> Response {
    let list = match list_procedures(&ctx.state.app, session, bid).await {
        Ok(l) => l,
        Err(e) => return ctx.error_page(&e),
    };
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    ctx.render(
        status,
        &ctx.t("section-procedures"),
        html! {
            h1 { (icon("journal")) " " (ctx.t("section-procedures")) }
            p { (ctx.t("procedures-intro")) }
            (history(ctx, &ctx.t("procedures-history"), &list, |p| format!("/procedures/{}", p.id)))
            (start_form(ctx, "/procedures", error))
        },
    )
}

async fn her_page(Page(ctx, Person { session, bid }): Page<Person>) -> Response {
    her_view(&ctx, &session, &bid, None).await
}

async fn her_start(Post(ctx, Person { session, bid }, form): Post<Person, Fields>) -> Response {
    match create_procedure(&ctx.state.app, &session, &bid, &start_body(&form)).await {
        Ok(p) => Redirect::to(&format!("/procedures/{}", p.id)).into_response(),
        Err(e @ ServiceError::Invalid(_)) => {
            her_view(&ctx, &session, &bid, Some(&input_error(&ctx, &e))).await
        }
        Err(e) => ctx.error_page(&e),
    }
}

async fn her_detail(
    ctx: &Ctx,
    session: &Session,
    bid: &BeneficiaryId,
    id: &ItemId,
    error: Option<&str>,
) -> Response {
    let app = &ctx.state.app;
    let (p, docs, relays) = match tokio::try_join!(
        get_procedure(app, session, id),
        app.list_documents(session, bid, None),
        app.relay_structures(session, bid)
    ) {
        Ok(v) => v,
        Err(e) => return ctx.error_page(&e),
    };
    let title = procedure_name(ctx, &p.code);
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    ctx.render(status, &title, html! {
        h1 { (icon("journal")) " " (title) }
        p { a href="/procedures" { (ctx.t("procedure-back")) } }
        (detail(ctx, &p, &docs, &Links::hers(), error))
        (who_sees(ctx, &ctx.t("procedure-share"), &format!("/procedures/{}/shares", p.id), &relays, &p.shared_with))
    })
}

async fn her_one(
    Path(id): Path<String>,
    Page(ctx, Person { session, bid }): Page<Person>,
) -> Response {
    let Ok(id) = ItemId::parse(&id) else {
        return ctx.not_found();
    };
    her_detail(&ctx, &session, &bid, &id, None).await
}

async fn her_update(
    Path(id): Path<String>,
    Post(ctx, Person { session, bid }, form): Post<Person, Fields>,
) -> Response {
    let Ok(id) = ItemId::parse(&id) else {
        return ctx.not_found();
    };
    match update_procedure(&ctx.state.app, &session, &id, &update_body(&form)).await {
        Ok(_) => ctx.redirect_with(&format!("/procedures/{id}"), super::Notice::Saved),
        Err(e @ ServiceError::Invalid(_)) => {
            her_detail(&ctx, &session, &bid, &id, Some(&input_error(&ctx, &e))).await
        }
        Err(e) => ctx.error_page(&e),
    }
}

async fn her_shares(
    Path(id): Path<String>,
    Post(ctx, Person { session, .. }, form): Post<Person, Fields>,
) -> Response {
    let Ok(id) = ItemId::parse(&id) else {
        return ctx.not_found();
    };
    match apply_shares(&ctx, &session, ItemKind::Procedure, &id, &form).await {
        Ok(n) => ctx.redirect_with(&format!("/procedures/{id}"), super::Notice::shares(n)),
        Err(e) => ctx.error_page(&e),
    }
}

async fn her_file(
    Path(id): Path<String>,
    Post(ctx, Person { session, bid }, form): Post<Person, Fields>,
) -> Response {
    let Ok(id) = ItemId::parse(&id) else {
        return ctx.not_found();
    };
    match assemble_procedure_file(&ctx.state.app, &session, &id, watermark_of(&form)).await {
        Ok(d) => Redirect::to(&format!("/documents/{}", d.id)).into_response(),
        Err(e @ ServiceError::Invalid(_)) => {
            her_detail(&ctx, &session, &bid, &id, Some(&input_error(&ctx, &e))).await
        }
        Err(e) => ctx.error_page(&e),
    }
}

// ---------------------------------------------------------------------------------------------
// The professional's side

async fn pro_view(
    ctx: &Ctx,
    session: &Session,
    bid: &BeneficiaryId,
    error: Option<&str>,
) -> Response {
    let list = match list_procedures(&ctx.state.app, session, bid).await {
        Ok(l) => l,
        Err(e) => return ctx.error_page(&e),
    };
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let base = format!("/pro/b/{bid}/procedures");
    ctx.render(
        status,
        &ctx.t("procedures-pro-title"),
        html! {
            h1 { (icon("journal")) " " (ctx.t("procedures-pro-title")) }
            p { (ctx.t("procedures-pro-intro")) }
            p { a href={"/pro/b/" (bid)} { (icon("person")) " " (ctx.t("followups-back")) } }
            (history(ctx, &ctx.t("procedures-history-pro"), &list, |p| format!("{base}/{}", p.id)))
            (start_form(ctx, &base, error))
        },
    )
}

async fn pro_page(
    Path(bid): Path<String>,
    Page(ctx, Professional(session)): Page<Professional>,
) -> Response {
    let Ok(bid) = BeneficiaryId::parse(&bid) else {
        return ctx.not_found();
    };
    pro_view(&ctx, &session, &bid, None).await
}

async fn pro_start(
    Path(bid): Path<String>,
    Post(ctx, Professional(session), form): Post<Professional, Fields>,
) -> Response {
    let Ok(bid) = BeneficiaryId::parse(&bid) else {
        return ctx.not_found();
    };
    match create_procedure(&ctx.state.app, &session, &bid, &start_body(&form)).await {
        Ok(p) => Redirect::to(&format!("/pro/b/{bid}/procedures/{}", p.id)).into_response(),
        Err(e @ ServiceError::Invalid(_)) => {
            pro_view(&ctx, &session, &bid, Some(&input_error(&ctx, &e))).await
        }
        Err(e) => ctx.error_page(&e),
    }
}

async fn pro_detail(
    ctx: &Ctx,
    session: &Session,
    bid: &BeneficiaryId,
    id: &ItemId,
    error: Option<&str>,
) -> Response {
    let app = &ctx.state.app;
    let (p, docs) = match tokio::try_join!(
        get_procedure(app, session, id),
        app.list_documents(session, bid, None)
    ) {
        Ok((p, _)) if &p.beneficiary_id != bid => return ctx.not_found(),
        Ok(v) => v,
        Err(e) => return ctx.error_page(&e),
    };
    let title = procedure_name(ctx, &p.code);
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    ctx.render(
        status,
        &title,
        html! {
            h1 { (icon("journal")) " " (title) }
            p { a href={"/pro/b/" (bid) "/procedures"} { (ctx.t("procedure-back")) } }
            (detail(ctx, &p, &docs, &Links::pro(bid), error))
        },
    )
}

async fn pro_one(
    Path((bid, id)): Path<(String, String)>,
    Page(ctx, Professional(session)): Page<Professional>,
) -> Response {
    let (Ok(bid), Ok(id)) = (BeneficiaryId::parse(&bid), ItemId::parse(&id)) else {
        return ctx.not_found();
    };
    pro_detail(&ctx, &session, &bid, &id, None).await
}

/// Only a procedure of this person, reached from her file: else the page a missing one gets.
async fn of_this_person(
    ctx: &Ctx,
    session: &Session,
    bid: &BeneficiaryId,
    id: &ItemId,
) -> Result<(), Response> {
    match get_procedure(&ctx.state.app, session, id).await {
        Ok(p) if &p.beneficiary_id == bid => Ok(()),
        Ok(_) => Err(ctx.not_found()),
        Err(e) => Err(ctx.error_page(&e)),
    }
}

async fn pro_update(
    Path((bid, id)): Path<(String, String)>,
    Post(ctx, Professional(session), form): Post<Professional, Fields>,
) -> Response {
    let (Ok(bid), Ok(id)) = (BeneficiaryId::parse(&bid), ItemId::parse(&id)) else {
        return ctx.not_found();
    };
    if let Err(refused) = of_this_person(&ctx, &session, &bid, &id).await {
        return refused;
    }
    match update_procedure(&ctx.state.app, &session, &id, &update_body(&form)).await {
        Ok(_) => ctx.redirect_with(
            &format!("/pro/b/{bid}/procedures/{id}"),
            super::Notice::Saved,
        ),
        Err(e @ ServiceError::Invalid(_)) => {
            pro_detail(&ctx, &session, &bid, &id, Some(&input_error(&ctx, &e))).await
        }
        Err(e) => ctx.error_page(&e),
    }
}

async fn pro_file(
    Path((bid, id)): Path<(String, String)>,
    Post(ctx, Professional(session), form): Post<Professional, Fields>,
) -> Response {
    let (Ok(bid), Ok(id)) = (BeneficiaryId::parse(&bid), ItemId::parse(&id)) else {
        return ctx.not_found();
    };
    if let Err(refused) = of_this_person(&ctx, &session, &bid, &id).await {
        return refused;
    }
    match assemble_procedure_file(&ctx.state.app, &session, &id, watermark_of(&form)).await {
        Ok(d) => Redirect::to(&format!("/pro/b/{bid}/documents/{}", d.id)).into_response(),
        Err(e @ ServiceError::Invalid(_)) => {
            pro_detail(&ctx, &session, &bid, &id, Some(&input_error(&ctx, &e))).await
        }
        Err(e) => ctx.error_page(&e),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn the_forms_read_as_the_api_bodies() {
        assert_eq!(
            start_body(&pairs(&[("code", "rsa"), ("deadline_on", "")])),
            serde_json::json!({"code": "rsa"})
        );
        assert_eq!(
            update_body(&pairs(&[("deadline_on", "")])),
            serde_json::json!({"deadline_on": null})
        );
        assert_eq!(
            update_body(&pairs(&[("status", "filed")])),
            serde_json::json!({"status": "filed"})
        );
    }

    #[test]
    fn an_empty_watermark_is_none() {
        assert_eq!(watermark_of(&pairs(&[("watermark", "  ")])), None);
        assert_eq!(
            watermark_of(&pairs(&[("watermark", " copie CAF ")])).as_deref(),
            Some("copie CAF")
        );
    }

    /// The ids this page builds from codes are in every catalogue.
    #[test]
    fn every_built_id_is_in_every_catalogue() {
        let mut ids: Vec<String> = CATALOGUE.iter().map(|p| p.label_id()).collect();
        ids.extend(ProcedureStatus::ALL.iter().map(|s| s.label_id()));
        for f in [
            "body",
            "code",
            "status",
            "deadline-on",
            "receipt-document-id",
            "watermark",
            "documents",
        ] {
            ids.push(format!("procedure-field-{f}"));
        }
        for e in ["invalid", "required", "unknown-field", "too-many"] {
            ids.push(format!("rights-error-{e}"));
        }
        for lang in crate::i18n::SUPPORTED {
            let known: std::collections::BTreeSet<String> =
                crate::i18n::Catalogs::ids(lang).into_iter().collect();
            for id in &ids {
                assert!(known.contains(id), "{lang}: {id}");
            }
        }
    }
}
