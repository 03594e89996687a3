//! The platform admin's pages: structures (register one after its agreement is signed) and
//! their first professionals; each structure's convention and licence (its page, the quote on
//! the home). The operator never sees anyone's safe.

use super::guards::{CheckedParts, Upload};
use super::{Ctx, Page, PlatformAdmin, Post, icons::icon};
use crate::domain::licence::ConventionStatus;
use crate::domain::{StructureId, StructureKind};
use crate::service::licences::{
    self, ConventionInput, HistoryView, LicenceInput, LicenceState, LicenceView,
    MAX_DOCUMENT_BYTES, Standing,
};
use crate::service::{NewStructure, ServiceError, Session};
use crate::web::AppState;
use axum::Router;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::{Markup, html};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin", get(admin_home))
        .route("/admin/structures", post(create_structure))
        .route("/admin/structures/{sid}", get(structure_page))
        .route("/admin/structures/{sid}/licence", post(licence_submit))
        .route(
            "/admin/structures/{sid}/convention/document",
            get(document_download).post(document_upload),
        )
}

/// The quote block's fields (`GET /admin?quote_budget=&quote_kind=`): nothing is recorded.
#[derive(Debug, Default, Deserialize)]
struct QuoteQuery {
    quote_budget: Option<String>,
    quote_kind: Option<String>,
    /// The list's filter on licences (`ending`, `lapsed`…): bookmarkable.
    state: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct StructureForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    city: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    annual_budget_eur: String,
}

async fn render(
    ctx: &Ctx,
    session: &Session,
    form: &StructureForm,
    error: Option<String>,
    status: StatusCode,
) -> Response {
    render_with_quote(ctx, session, form, error, status, &QuoteQuery::default()).await
}

async fn render_with_quote(
    ctx: &Ctx,
    session: &Session,
    form: &StructureForm,
    error: Option<String>,
    status: StatusCode,
    quote: &QuoteQuery,
) -> Response {
    let structures = match ctx.state.app.list_structures(session).await {
        Ok(s) => s,
        Err(e) => return ctx.error_page(&e),
    };
    let states = match licences::overview(&ctx.state.app, session).await {
        Ok(s) => s,
        Err(e) => return ctx.error_page(&e),
    };
    let state_of = |sid: &StructureId| states.iter().find(|s| &s.structure_id == sid);
    let filter = quote
        .state
        .as_deref()
        .filter(|s| !s.is_empty())
        .and_then(|s| Standing::parse(s).ok());
    let count = |w: Standing| states.iter().filter(|s| s.standing == w).count();
    let shown: Vec<_> = structures
        .iter()
        .filter(|s| filter.is_none_or(|w| state_of(&s.id).is_some_and(|l| l.standing == w)))
        .collect();
    ctx.render(status, &ctx.t("admin-title"), html! {
        h1 { (icon("building")) " " (ctx.t("admin-title")) }
        p {
            a.button href="/admin/usage" { (icon("chart")) " " (ctx.t("usage-admin-title")) }
            " "
            a.button href="/admin/jobs" { (icon("calendar")) " " (ctx.t("admin-jobs-title")) }
            " "
            a.button href="/admin/features" { (icon("settings")) " " (ctx.t("admin-features-title")) }
        }
        section.card id="structures" {
            h2 { (ctx.t("admin-structures")) }
            nav.filters aria-label=(ctx.t("admin-filter-label")) {
                a.button href="/admin#structures" aria-current=[filter.is_none().then_some("page")] { (ctx.ta("admin-filter-all", &[("count", structures.len().into())])) }
                @for w in [Standing::Ending, Standing::Lapsed] {
                    " "
                    a.button href={"/admin?state=" (w.as_str()) "#structures"} aria-current=[(filter == Some(w)).then_some("page")] { (ctx.ta(&format!("admin-filter-{}", w.as_str()), &[("count", count(w).into())])) }
                }
            }
            @if structures.is_empty() { p { (ctx.t("admin-no-structure")) } }
            @else if shown.is_empty() { p { (ctx.t("admin-filter-empty")) } }
            ul.people {
                @for s in &shown {
                    li {
                        a href={"/s/" (s.id) "/team"} { (icon("building")) " " strong { (s.name) } }
                        " · " (ctx.t(super::structure_kind_label(s.kind)))
                        @if let Some(c) = &s.city { " · " (c) }
                        br;
                        (licence_state(ctx, state_of(&s.id)))
                        " · "
                        a href={"/admin/structures/" (s.id)} { (ctx.t("admin-licence-link")) }
                    }
                }
            }
        }
        (quote_block(ctx, session, quote))
        p { a.button href="/admin/structures/import" { (icon("plus")) " " (ctx.t("import-structures-open")) } }
        section.card {
            h2 { (icon("plus")) " " (ctx.t("admin-create")) }
            (super::field_error(&error))
            form method="post" action="/admin/structures" {
                (ctx.csrf_field())
                label for="name" { (ctx.t("field-structure-name")) }
                input id="name" name="name" type="text" required value=(form.name);
                label for="kind" { (ctx.t("field-structure-kind")) }
                select id="kind" name="kind" {
                    @for kind in [StructureKind::Relay, StructureKind::Mediation] {
                        option value=(kind.as_str()) selected[StructureKind::parse(&form.kind).unwrap_or(StructureKind::Relay) == kind] { (ctx.t(super::structure_kind_label(kind))) }
                    }
                }
                label for="city" { (ctx.t("field-city")) " " span.hint { (ctx.t("optional")) } }
                input id="city" name="city" type="text" value=(form.city);
                label for="structure-phone" { (ctx.t("field-structure-phone")) " " span.hint { (ctx.t("optional")) } }
                p.hint id="structure-phone-hint" { (ctx.t("structure-phone-hint")) }
                input id="structure-phone" name="phone" type="tel" autocomplete="off" value=(form.phone) aria-describedby="structure-phone-hint";
                label for="annual_budget_eur" { (ctx.t("field-budget")) " " span.hint { (ctx.t("optional")) } }
                input id="annual_budget_eur" name="annual_budget_eur" type="number" min="0" step="1" inputmode="numeric" value=(form.annual_budget_eur);
                button.primary type="submit" { (ctx.t("action-create")) }
            }
        }
    })
}

async fn admin_home(
    Query(quote): Query<QuoteQuery>,
    Page(ctx, PlatformAdmin(session)): Page<PlatformAdmin>,
) -> Response {
    let form = StructureForm::default();
    render_with_quote(&ctx, &session, &form, None, StatusCode::OK, &quote).await
}

async fn create_structure(
    Post(ctx, PlatformAdmin(session), form): Post<PlatformAdmin, StructureForm>,
) -> Response {
    let budget = match form.annual_budget_eur.trim() {
        "" => None,
        b => match b.parse::<i64>() {
            Ok(v) => Some(v),
            Err(_) => {
                let e = crate::service::ServiceError::Invalid(crate::domain::InvalidInput::new(
                    "annual_budget_eur",
                    "invalid_amount",
                ));
                return render(
                    &ctx,
                    &session,
                    &form,
                    Some(ctx.error_text(&e)),
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            }
        },
    };
    let city = Some(form.city.clone()).filter(|c| !c.trim().is_empty());
    let phone = Some(form.phone.clone()).filter(|p| !p.trim().is_empty());
    match ctx
        .state
        .app
        .create_structure(
            &session,
            NewStructure {
                name: form.name.clone(),
                kind: form.kind.clone(),
                city,
                phone,
                annual_budget_eur: budget,
            },
        )
        .await
    {
        Ok(s) => Redirect::to(&format!("/s/{}/team", s.id)).into_response(),
        Err(e) => {
            let status = Ctx::error_status(&e);
            render(&ctx, &session, &form, Some(ctx.error_text(&e)), status).await
        }
    }
}

/// A structure's line on the list: its convention's status, its licence's end, lapsed or
/// ending soon.
fn licence_state(ctx: &Ctx, state: Option<&LicenceState>) -> Markup {
    let status = state
        .and_then(|s| s.convention_status.as_deref())
        .unwrap_or(ConventionStatus::Draft.as_str());
    html! {
        span.hint {
            (ctx.ta("admin-list-convention", &[("status", ctx.t(&format!("convention-status-{status}")).into())]))
            " · "
            @match state.and_then(|s| s.licence_ends_on.as_deref()) {
                Some(end) => (ctx.ta("admin-list-licence-until", &[("date", super::documents::day(end).into())])),
                None => (ctx.t("admin-list-no-licence")),
            }
        }
        @if state.is_some_and(|s| s.lapsed) {
            " " strong.warn { (icon("warning")) " " (ctx.t("admin-licence-lapsed")) }
        } @else if state.is_some_and(|s| s.standing == Standing::Ending) {
            " " strong.warn { (icon("calendar")) " " (ctx.t("admin-licence-ending")) }
        }
    }
}

/// The quote: a budget and a kind give the annual fee, nothing recorded (a GET form).
fn quote_block(ctx: &Ctx, session: &Session, q: &QuoteQuery) -> Markup {
    let kind = StructureKind::parse(q.quote_kind.as_deref().unwrap_or_default())
        .unwrap_or(StructureKind::Relay);
    let budget = q.quote_budget.clone().unwrap_or_default();
    let result = (!budget.trim().is_empty())
        .then(|| licences::quote(&ctx.state.app, session, kind, &budget));
    html! {
        section.card id="quote" {
            h2 { (icon("chart")) " " (ctx.t("admin-quote")) }
            p.hint { (ctx.t("admin-quote-intro")) }
            @match &result {
                Some(Ok((b, fee))) => {
                    p role="status" { strong { (ctx.ta("admin-quote-result", &[("budget", b.text().into()), ("fee", fee.text().into())])) } }
                }
                Some(Err(e)) => { (super::field_error(&Some(ctx.error_text(e)))) }
                None => {}
            }
            form method="get" action="/admin#quote" {
                label for="quote_budget" { (ctx.t("field-annual-budget-eur")) }
                input id="quote_budget" name="quote_budget" type="text" inputmode="decimal" required value=(budget);
                label for="quote_kind" { (ctx.t("field-structure-kind")) }
                select id="quote_kind" name="quote_kind" {
                    @for k in [StructureKind::Relay, StructureKind::Mediation] {
                        option value=(k.as_str()) selected[k == kind] { (ctx.t(super::structure_kind_label(k))) }
                    }
                }
                button type="submit" { (ctx.t("action-quote")) }
            }
        }
    }
}

#[derive(Debug, Default, Deserialize)]
struct LicenceForm {
    #[serde(default)]
    starts_on: String,
    #[serde(default)]
    ends_on: String,
    #[serde(default)]
    annual_budget_eur: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    signed_on: String,
    #[serde(default)]
    signatories: String,
}

impl LicenceForm {
    fn from_view(v: &LicenceView) -> Self {
        Self {
            starts_on: v.starts_on.clone().unwrap_or_default(),
            ends_on: v.ends_on.clone().unwrap_or_default(),
            annual_budget_eur: v.annual_budget_eur.map(|e| e.text()).unwrap_or_default(),
            status: v.convention.status.clone(),
            signed_on: v.convention.signed_on.clone().unwrap_or_default(),
            signatories: v.convention.signatories.clone().unwrap_or_default(),
        }
    }
}

/// A structure's convention and licence: the forms, the signed PDF and the history.
async fn render_structure(
    ctx: &Ctx,
    session: &Session,
    sid: &StructureId,
    form: Option<LicenceForm>,
    error: Option<String>,
    status: StatusCode,
) -> Response {
    let app = &ctx.state.app;
    let (structure, view, history, notices) = match (
        app.get_structure(session, sid).await,
        licences::licence_of(app, session, sid).await,
        licences::history_of(app, session, sid).await,
        crate::service::renewals::notices_of(app, session, sid).await,
    ) {
        (Ok(s), Ok(v), Ok(h), Ok(n)) => (s, v, h, n),
        (Err(e), _, _, _) | (_, Err(e), _, _) | (_, _, Err(e), _) | (_, _, _, Err(e)) => {
            return ctx.error_page(&e);
        }
    };
    let form = form.unwrap_or_else(|| LicenceForm::from_view(&view));
    let title = format!("{} · {}", structure.name, ctx.t("admin-licence-title"));
    ctx.render(status, &title, html! {
        p { a href="/admin" { (ctx.t("admin-title")) } }
        h1 { (icon("building")) " " (structure.name) }
        section.card id="licence" {
            h2 { (ctx.t("admin-licence-title")) }
            @match (&view.starts_on, &view.ends_on, view.fee_eur) {
                (Some(start), Some(end), Some(fee)) => {
                    p {
                        (ctx.ta("admin-licence-period", &[("start", super::documents::day(start).into()), ("end", super::documents::day(end).into())]))
                        " · "
                        strong id="licence-fee" { (ctx.ta("admin-licence-fee", &[("fee", fee.text().into())])) }
                    }
                    @if view.lapsed { div.notice.error role="alert" { p { (icon("warning")) " " (ctx.t("admin-licence-lapsed")) } } }
                }
                _ => { p { (ctx.t("admin-licence-none")) } }
            }
            (super::field_error(&error))
            form method="post" action={"/admin/structures/" (sid) "/licence"} {
                (ctx.csrf_field())
                fieldset {
                    legend { (ctx.t("admin-convention")) }
                    label for="status" { (ctx.t("field-status")) }
                    select id="status" name="status" {
                        @for s in ConventionStatus::ALL {
                            option value=(s.as_str()) selected[form.status == s.as_str()] { (ctx.t(&format!("convention-status-{}", s.as_str()))) }
                        }
                    }
                    label for="signed_on" { (ctx.t("field-signed-on")) " " span.hint { (ctx.t("optional")) } }
                    input id="signed_on" name="signed_on" type="date" value=(form.signed_on);
                    label for="signatories" { (ctx.t("field-signatories")) " " span.hint { (ctx.t("optional")) } }
                    input id="signatories" name="signatories" type="text" maxlength="500" value=(form.signatories);
                }
                fieldset {
                    legend { (ctx.t("admin-licence")) }
                    label for="starts_on" { (ctx.t("field-starts-on")) }
                    input id="starts_on" name="starts_on" type="date" required value=(form.starts_on);
                    label for="ends_on" { (ctx.t("field-ends-on")) }
                    input id="ends_on" name="ends_on" type="date" required value=(form.ends_on);
                    label for="annual_budget_eur" { (ctx.t("field-annual-budget-eur")) }
                    input id="annual_budget_eur" name="annual_budget_eur" type="text" inputmode="decimal" required value=(form.annual_budget_eur);
                }
                button.primary type="submit" { (ctx.t("action-save")) }
            }
        }
        section.card id="convention-document" {
            h2 { (ctx.t("admin-convention-document")) }
            @match &view.convention.document {
                Some(_) => p { a.button href={"/admin/structures/" (sid) "/convention/document"} { (icon("download")) " " (ctx.t("admin-convention-download")) } },
                None => p { (ctx.t("admin-convention-document-none")) },
            }
            form method="post" enctype="multipart/form-data" action={"/admin/structures/" (sid) "/convention/document"} {
                (ctx.csrf_field())
                label for="file" { (ctx.t("field-file")) }
                input id="file" name="file" type="file" accept="application/pdf" required;
                button type="submit" { (ctx.t("action-save")) }
            }
        }
        (renewals_section(ctx, &notices))
        (history_section(ctx, &history))
    })
}

/// The renewal reminders recorded for the structure: which e-mail went to whom, and when.
fn renewals_section(ctx: &Ctx, notices: &[crate::service::renewals::NoticeView]) -> Markup {
    let when = |at: i64| {
        let l = crate::clock::local(&ctx.zone(), at);
        format!("{} {}", super::documents::day(&l.date), l.time)
    };
    html! {
        section.card id="renewal-notices" {
            h2 { (ctx.t("admin-renewals")) }
            @if notices.is_empty() { p { (ctx.t("admin-renewals-none")) } }
            @else {
                table {
                    thead { tr {
                        th scope="col" { (ctx.t("admin-renewals-notice")) }
                        th scope="col" { (ctx.t("admin-renewals-recipient")) }
                        th scope="col" { (ctx.t("field-status")) }
                    } }
                    tbody {
                        @for n in notices {
                            tr.renewal-notice {
                                td { (ctx.ta("admin-renewals-days", &[("days", n.days.into()), ("date", super::documents::day(&n.ends_on).into())])) }
                                td { (n.email) " (" (n.language) ")" }
                                td {
                                    @match (n.status.as_str(), n.sent_at) {
                                        ("sent", Some(at)) => { (ctx.ta("admin-renewals-sent", &[("date", when(at).into())])) }
                                        ("failed", _) => { (ctx.t("admin-renewals-failed")) }
                                        _ => { (ctx.ta("admin-renewals-pending", &[("date", when(n.recorded_at).into())])) }
                                    }
                                    @if n.status != "sent" {
                                        @if let Some(e) = &n.last_error { br; span.hint { (e) } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn history_section(ctx: &Ctx, history: &[HistoryView]) -> Markup {
    let value = |field: &str, v: &Option<String>| match v.as_deref() {
        None => "—".to_owned(),
        Some(s) if field == "convention_status" => ctx.t(&format!("convention-status-{s}")),
        Some(s) if field == "convention_document" => s.get(..12).unwrap_or(s).to_owned(),
        Some(s) => s.to_owned(),
    };
    html! {
        section.card id="history" {
            h2 { (ctx.t("admin-history")) }
            @if history.is_empty() { p { (ctx.t("admin-history-none")) } }
            ul {
                @for h in history {
                    @let at = crate::clock::local(&ctx.zone(), h.at);
                    li {
                        strong { (ctx.t(&format!("licence-history-{}", h.field.replace('_', "-")))) }
                        " : " (value(&h.field, &h.old_value)) " → " (value(&h.field, &h.new_value))
                        br;
                        span.hint { (ctx.ta("admin-history-by", &[("name", h.actor_name.clone().into()), ("date", super::documents::day(&at.date).into()), ("time", at.time.into())])) }
                    }
                }
            }
        }
    }
}

async fn structure_page(
    Path(sid): Path<String>,
    Page(ctx, PlatformAdmin(session)): Page<PlatformAdmin>,
) -> Response {
    let Ok(sid) = StructureId::parse(&sid) else {
        return ctx.not_found();
    };
    render_structure(&ctx, &session, &sid, None, None, StatusCode::OK).await
}

async fn licence_submit(
    Path(sid): Path<String>,
    Post(ctx, PlatformAdmin(session), form): Post<PlatformAdmin, LicenceForm>,
) -> Response {
    let Ok(sid) = StructureId::parse(&sid) else {
        return ctx.not_found();
    };
    let input = LicenceInput {
        starts_on: form.starts_on.clone(),
        ends_on: form.ends_on.clone(),
        annual_budget_eur: form.annual_budget_eur.clone(),
        convention: ConventionInput {
            status: form.status.clone(),
            signed_on: Some(form.signed_on.clone()),
            signatories: Some(form.signatories.clone()),
        },
    };
    match licences::record_licence(&ctx.state.app, &session, &sid, input).await {
        Ok(_) => Redirect::to(&format!("/admin/structures/{sid}#licence")).into_response(),
        Err(ServiceError::NotFound) => ctx.not_found(),
        Err(e) => {
            let status = Ctx::error_status(&e);
            let error = Some(ctx.error_text(&e));
            render_structure(&ctx, &session, &sid, Some(form), error, status).await
        }
    }
}

/// The `file` part of the upload form, at most [`MAX_DOCUMENT_BYTES`].
async fn read_file(mut parts: CheckedParts) -> Result<Vec<u8>, ServiceError> {
    let mut bytes = Vec::new();
    while let Some(mut part) = parts.next_part().await? {
        if part.name() != "file" {
            part.discard().await?;
            continue;
        }
        while let Some(chunk) = part.chunk().await? {
            if bytes.len() + chunk.len() > MAX_DOCUMENT_BYTES {
                return Err(ServiceError::TooLarge("file_too_large"));
            }
            bytes.extend_from_slice(&chunk);
        }
    }
    Ok(bytes)
}

async fn document_upload(Path(sid): Path<String>, upload: Upload<PlatformAdmin>) -> Response {
    let Upload(ctx, PlatformAdmin(session), parts) = upload;
    let Ok(sid) = StructureId::parse(&sid) else {
        return ctx.not_found();
    };
    let stored = match read_file(parts).await {
        Ok(bytes) => licences::set_convention_document(&ctx.state.app, &session, &sid, bytes).await,
        Err(e) => Err(e),
    };
    match stored {
        Ok(_) => {
            Redirect::to(&format!("/admin/structures/{sid}#convention-document")).into_response()
        }
        Err(ServiceError::Forbidden) => ctx.bad_form(),
        Err(ServiceError::NotFound) => ctx.not_found(),
        Err(e) => {
            let status = Ctx::error_status(&e);
            let error = Some(ctx.error_text(&e));
            render_structure(&ctx, &session, &sid, None, error, status).await
        }
    }
}

async fn document_download(
    Path(sid): Path<String>,
    Page(ctx, PlatformAdmin(session)): Page<PlatformAdmin>,
) -> Response {
    let Ok(sid) = StructureId::parse(&sid) else {
        return ctx.not_found();
    };
    match licences::convention_document(&ctx.state.app, &session, &sid).await {
        Ok(pdf) => {
            crate::web::api::content_response("application/pdf", "convention.pdf", pdf, false)
        }
        Err(e) => ctx.error_page(&e),
    }
}
