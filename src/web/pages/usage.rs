//! A structure's usage by month and its monthly SMS budget (issue 18, item 3): the page of its
//! admins (and the operator, who reads it) with the CSV of the same months, the budget form,
//! the notice that the budget was reached (also on `/pro`), and the operator's overview of
//! every structure's month.

use super::{Ctx, Page, PlatformAdmin, Post, Professional, Staff, icons::icon};
use crate::domain::StructureId;
use crate::policy::{Action, Decision, Resource, authorize};
use crate::service::{ServiceError, Session, SmsBudget, UsageMonth};
use crate::web::AppState;
use axum::Router;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use maud::{Markup, html};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/s/{sid}/usage", get(usage_page))
        .route("/s/{sid}/usage.csv", get(usage_csv))
        .route("/s/{sid}/usage/budget", post(budget_submit))
        .route("/admin/usage", get(overview))
}

#[derive(Debug, Default, Deserialize)]
struct MonthsQuery {
    from: Option<String>,
    to: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct BudgetForm {
    /// Empty: no budget.
    #[serde(default)]
    monthly_sms: String,
}

/// "SMS budget reached on DATE, N SMS not sent" for `sid` this month, if it was and the
/// caller may read its usage (`name`: the structure's, on a page that lists several).
pub(super) async fn budget_notice(
    ctx: &Ctx,
    session: &Session,
    sid: &StructureId,
    name: Option<&str>,
) -> Option<Markup> {
    let budget = ctx.state.app.sms_budget(session, sid).await.ok()?;
    reached_notice(ctx, &budget, name)
}

fn reached_notice(ctx: &Ctx, budget: &SmsBudget, name: Option<&str>) -> Option<Markup> {
    let at = budget.reached_at.as_deref()?;
    let text = ctx.ta(
        "usage-budget-reached",
        &[
            ("date", ctx.moment_zoned(at).into()),
            ("count", budget.withheld.into()),
        ],
    );
    Some(html! {
        div.notice.error.budget-reached role="alert" {
            p {
                (icon("bell")) " "
                @if let Some(n) = name { strong { (n) } " · " }
                (text)
            }
            p.hint { (ctx.t("usage-budget-reached-hint")) }
        }
    })
}

fn may_set_budget(session: &Session, sid: &StructureId) -> bool {
    authorize(
        &session.actor,
        Action::SetSmsBudget,
        Resource::Structure { id: sid },
    ) == Decision::Allow
}

/// The address of the same months as CSV.
fn csv_href(sid: &StructureId, months: &[UsageMonth]) -> String {
    match (months.first(), months.last()) {
        (Some(f), Some(l)) => format!("/s/{sid}/usage.csv?from={}&to={}", f.month, l.month),
        _ => format!("/s/{sid}/usage.csv"),
    }
}

/// The heads of a month's four counts, in the order of [`count_cells`].
fn count_heads(ctx: &Ctx) -> Markup {
    html! {
        @for id in ["usage-sms-sent", "usage-sms-segments", "usage-documents-added", "usage-safes-opened"] {
            th scope="col" { (ctx.t(id)) }
        }
    }
}

/// A month's four counts, each cell named by its API field.
fn count_cells(m: &UsageMonth) -> Markup {
    html! {
        @for (field, n) in [
            ("sms_sent", m.sms_sent),
            ("sms_segments", m.sms_segments),
            ("documents_added", m.documents_added),
            ("safes_opened", m.safes_opened),
        ] {
            td.n data-figure=(field) { (n) }
        }
    }
}

/// The months as a table, most recent first.
fn months_table(ctx: &Ctx, months: &[UsageMonth], caption: &str) -> Markup {
    html! {
        div.table-scroll tabindex="0" role="region" aria-label=(caption) {
            table.usage {
                caption { (caption) }
                thead {
                    tr {
                        th scope="col" { (ctx.t("usage-month")) }
                        (count_heads(ctx))
                    }
                }
                tbody {
                    @for m in months.iter().rev() {
                        tr data-month=(m.month) {
                            th scope="row" { (m.month) }
                            (count_cells(m))
                        }
                    }
                }
            }
        }
    }
}

async fn render(
    ctx: &Ctx,
    session: &Session,
    sid: &StructureId,
    q: &MonthsQuery,
    form_value: Option<String>,
    error: Option<String>,
) -> Response {
    let app = &ctx.state.app;
    let (structure, budget) = match tokio::try_join!(
        app.get_structure(session, sid),
        app.sms_budget(session, sid)
    ) {
        Ok(v) => v,
        Err(e) => return ctx.error_page(&e),
    };
    let result = app
        .structure_usage(session, sid, q.from.as_deref(), q.to.as_deref())
        .await;
    let mut status = match &result {
        Ok(_) => StatusCode::OK,
        Err(e @ ServiceError::Invalid(_)) => Ctx::error_status(e),
        Err(e) => return ctx.error_page(e),
    };
    if error.is_some() {
        status = StatusCode::UNPROCESSABLE_ENTITY;
    }
    let (from, to) = match &result {
        Ok(m) => (
            m.first().map(|m| m.month.clone()).unwrap_or_default(),
            m.last().map(|m| m.month.clone()).unwrap_or_default(),
        ),
        Err(_) => (
            q.from.clone().unwrap_or_default(),
            q.to.clone().unwrap_or_default(),
        ),
    };
    let can_set = may_set_budget(session, sid);
    let platform = matches!(session.actor, crate::policy::Actor::PlatformAdmin { .. });
    let value = form_value.unwrap_or_else(|| {
        budget
            .monthly_sms
            .map(|n| n.to_string())
            .unwrap_or_default()
    });
    let body = html! {
        h1 { (icon("chart")) " " (ctx.t("usage-title")) }
        p.hint { (icon("building")) " " (structure.name) }
        (reached_notice(ctx, &budget, None).unwrap_or_default())
        p { (ctx.t("usage-intro")) }
        form.inline.period method="get" action={"/s/" (sid) "/usage"} {
            label for="usage-from" { (ctx.t("field-from")) }
            input id="usage-from" name="from" type="month" value=(from) required pattern="[0-9]{4}-[0-9]{2}" placeholder="2026-01";
            label for="usage-to" { (ctx.t("field-to")) }
            input id="usage-to" name="to" type="month" value=(to) required pattern="[0-9]{4}-[0-9]{2}" placeholder="2026-12";
            button type="submit" { (ctx.t("action-see")) }
        }
        @match &result {
            Err(e) => { div.notice.error role="alert" { p { (ctx.error_text(e)) } } }
            Ok(months) => {
                section.card aria-labelledby="usage-months" {
                    h2 id="usage-months" { (ctx.t("usage-months-title")) }
                    (months_table(ctx, months, &ctx.t("usage-months-caption")))
                    div.actions {
                        a.button href=(csv_href(sid, months)) download { (icon("download")) " " (ctx.t("usage-download-csv")) }
                    }
                }
            }
        }
        section.card id="sms-budget" aria-labelledby="sms-budget-title" {
            h2 id="sms-budget-title" { (icon("phone")) " " (ctx.t("usage-budget-title")) }
            p {
                @match budget.monthly_sms {
                    Some(n) => { (ctx.ta("usage-budget-current", &[("count", n.into()), ("sent", budget.sms_sent.into())])) }
                    None => { (ctx.ta("usage-budget-none", &[("sent", budget.sms_sent.into())])) }
                }
            }
            @if can_set {
                (super::field_error(&error))
                form method="post" action={"/s/" (sid) "/usage/budget"} {
                    (ctx.csrf_field())
                    label for="monthly_sms" { (ctx.t("field-monthly-sms")) " " span.hint { (ctx.t("optional")) } }
                    p.hint id="monthly-sms-hint" { (ctx.t("usage-budget-hint")) }
                    input id="monthly_sms" name="monthly_sms" type="number" min="0" max=(crate::service::usage::MAX_BUDGET) step="1" inputmode="numeric" value=(value) aria-describedby="monthly-sms-hint";
                    button.primary type="submit" { (ctx.t("action-save")) }
                }
            }
        }
        p { a.button href=(if platform { "/admin/usage" } else { "/pro" }) { (ctx.t("action-back-home")) } }
    };
    ctx.render(status, &ctx.t("usage-title"), body)
}

async fn usage_page(
    Path(sid): Path<String>,
    Query(q): Query<MonthsQuery>,
    Page(ctx, Staff(session)): Page<Staff>,
) -> Response {
    let Ok(sid) = StructureId::parse(&sid) else {
        return ctx.not_found();
    };
    render(&ctx, &session, &sid, &q, None, None).await
}

async fn usage_csv(
    Path(sid): Path<String>,
    Query(q): Query<MonthsQuery>,
    Page(ctx, Staff(session)): Page<Staff>,
) -> Response {
    let Ok(sid) = StructureId::parse(&sid) else {
        return ctx.not_found();
    };
    let months = match ctx
        .state
        .app
        .structure_usage(&session, &sid, q.from.as_deref(), q.to.as_deref())
        .await
    {
        Ok(m) => m,
        Err(e) => return ctx.error_page(&e),
    };
    crate::web::api::usage::usage_csv_file(&months)
}

async fn budget_submit(
    Path(sid): Path<String>,
    Post(ctx, Professional(session), form): Post<Professional, BudgetForm>,
) -> Response {
    let Ok(sid) = StructureId::parse(&sid) else {
        return ctx.not_found();
    };
    let raw = form.monthly_sms.trim();
    let parsed = match raw {
        "" => Ok(None),
        n => n.parse::<i64>().map(Some).map_err(|_| {
            ServiceError::from(crate::domain::InvalidInput::new(
                "monthly_sms",
                "invalid_amount",
            ))
        }),
    };
    let result = match parsed {
        Ok(n) => ctx.state.app.set_sms_budget(&session, &sid, n).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => ctx.redirect_with(&format!("/s/{sid}/usage#sms-budget"), super::Notice::Saved),
        Err(e @ ServiceError::Invalid(_)) => {
            let q = MonthsQuery::default();
            let error = Some(ctx.error_text(&e));
            render(&ctx, &session, &sid, &q, Some(raw.to_owned()), error).await
        }
        Err(e) => ctx.error_page(&e),
    }
}

#[derive(Debug, Default, Deserialize)]
struct MonthQuery {
    month: Option<String>,
}

/// The operator's overview: every structure's usage in a month, with its budget.
async fn overview(
    Query(q): Query<MonthQuery>,
    Page(ctx, PlatformAdmin(session)): Page<PlatformAdmin>,
) -> Response {
    let app = &ctx.state.app;
    let (structures, found) = match tokio::try_join!(
        app.list_structures(&session),
        app.usage_overview(&session, q.month.as_deref())
    ) {
        Ok(v) => v,
        Err(e) => return ctx.error_page(&e),
    };
    let (month, rows) = found;
    let name_of = |sid: &StructureId| {
        structures
            .iter()
            .find(|s| &s.id == sid)
            .map(|s| s.name.clone())
            .unwrap_or_else(|| sid.to_string())
    };
    ctx.page(&ctx.t("usage-admin-title"), html! {
        h1 { (icon("chart")) " " (ctx.t("usage-admin-title")) }
        p { (ctx.t("usage-admin-intro")) }
        form.inline.period method="get" action="/admin/usage" {
            label for="usage-month" { (ctx.t("usage-month")) }
            input id="usage-month" name="month" type="month" value=(month) required pattern="[0-9]{4}-[0-9]{2}" placeholder="2026-12";
            button type="submit" { (ctx.t("action-see")) }
        }
        @if rows.is_empty() {
            p { (ctx.t("usage-admin-empty")) }
        } @else {
            div.table-scroll tabindex="0" role="region" aria-label=(ctx.ta("usage-admin-caption", &[("month", month.clone().into())])) {
                table.usage {
                    caption { (ctx.ta("usage-admin-caption", &[("month", month.clone().into())])) }
                    thead {
                        tr {
                            th scope="col" { (ctx.t("usage-structure")) }
                            (count_heads(&ctx))
                            th scope="col" { (ctx.t("usage-budget-column")) }
                        }
                    }
                    tbody {
                        @for (sid, m, budget) in &rows {
                            tr {
                                th scope="row" { a href={"/s/" (sid) "/usage"} { (name_of(sid)) } }
                                (count_cells(m))
                                td.n { @match budget { Some(b) => { (b) } None => { "—" } } }
                            }
                        }
                    }
                }
            }
        }
        p { a.button href="/admin" { (ctx.t("action-back-home")) } }
    })
}
