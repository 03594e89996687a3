//! The platform admin's operations pages (issue 18, item 6): the jobs dashboard (per kind,
//! what waits, runs, failed, was done; the last failures, never a payload, with a retry) and
//! the feature switches for pilots (a capability on or off for everyone or some structures).

use super::{Ctx, NoFields, Page, PlatformAdmin, Post, icons::icon};
use crate::domain::{InvalidInput, StructureId};
use crate::service::JobsSummary;
use crate::service::features::Feature;
use crate::service::{ServiceError, Session};
use crate::web::AppState;
use axum::Router;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::html;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/jobs", get(jobs_page))
        .route("/admin/jobs/{id}/retry", post(retry_submit))
        .route("/admin/features", get(features_page))
        .route("/admin/features/{feature}", post(feature_submit))
}

#[derive(Debug, Default, Deserialize)]
struct DoneQuery {
    done: Option<String>,
}

fn jobs_table(ctx: &Ctx, summary: &JobsSummary) -> maud::Markup {
    html! {
        @if summary.kinds.is_empty() { p { (ctx.t("admin-jobs-none")) } }
        @else {
            // Keyboard users scroll it too when it overflows (a phone's width).
            div.table-scroll tabindex="0" role="region" aria-label=(ctx.t("admin-jobs-caption")) {
                table.usage {
                    caption { (ctx.t("admin-jobs-caption")) }
                    thead {
                        tr {
                            th scope="col" { (ctx.t("admin-jobs-kind")) }
                            th scope="col" { (ctx.t("admin-jobs-pending")) }
                            th scope="col" { (ctx.t("admin-jobs-running")) }
                            th scope="col" { (ctx.t("admin-jobs-dead")) }
                            th scope="col" { (ctx.t("admin-jobs-done")) }
                            th scope="col" { (ctx.t("admin-jobs-oldest")) }
                        }
                    }
                    tbody {
                        @for k in &summary.kinds {
                            tr data-kind=(k.kind) {
                                th scope="row" { code { (k.kind) } }
                                td.n data-figure="pending" { (k.pending) }
                                td.n data-figure="running" { (k.running) }
                                td.n data-figure="dead" { (k.dead) }
                                td.n data-figure="done_24h" { (k.done_24h) }
                                td { @match &k.oldest_due_at { Some(at) => (ctx.moment(at)), None => "—" } }
                            }
                        }
                    }
                }
            }
        }
    }
}

async fn jobs_page(
    Query(q): Query<DoneQuery>,
    Page(ctx, PlatformAdmin(session)): Page<PlatformAdmin>,
) -> Response {
    let summary = match ctx.state.app.jobs_summary(&session).await {
        Ok(s) => s,
        Err(e) => return ctx.error_page(&e),
    };
    ctx.page(&ctx.t("admin-jobs-title"), html! {
        p { a href="/admin" { (ctx.t("admin-title")) } }
        h1 { (icon("calendar")) " " (ctx.t("admin-jobs-title")) }
        @if q.done.is_some() {
            div.notice role="status" { p { (icon("check")) " " (ctx.t("admin-jobs-retried")) } }
        }
        section.card id="kinds" {
            h2 { (ctx.t("admin-jobs-kinds")) }
            (jobs_table(&ctx, &summary))
        }
        section.card id="failed" {
            h2 { (icon("warning")) " " (ctx.t("admin-jobs-failed")) }
            p.hint { (ctx.t("admin-jobs-failed-hint")) }
            @if summary.failed.is_empty() { p { (ctx.t("admin-jobs-failed-none")) } }
            ul.people {
                @for j in &summary.failed {
                    li data-job=(j.id) {
                        strong { code { (j.kind) } }
                        " · " (ctx.ta("admin-jobs-attempts", &[("attempts", j.attempts.into()), ("max", j.max_attempts.into())]))
                        " · " (ctx.moment(&j.updated_at))
                        @if let Some(e) = &j.last_error { br; span.hint { (e) } }
                        form method="post" action={"/admin/jobs/" (j.id) "/retry"} {
                            (ctx.csrf_field())
                            button type="submit" aria-label=(ctx.ta("admin-jobs-retry-label", &[("kind", j.kind.clone().into())])) { (ctx.t("admin-jobs-retry")) }
                        }
                    }
                }
            }
        }
    })
}

async fn retry_submit(
    Path(id): Path<String>,
    Post(ctx, PlatformAdmin(session), _): Post<PlatformAdmin, NoFields>,
) -> Response {
    match ctx.state.app.retry_job(&session, &id).await {
        Ok(()) => Redirect::to("/admin/jobs?done=retried").into_response(),
        Err(e) => ctx.error_page(&e),
    }
}

#[derive(Debug, Default, Deserialize)]
struct SwitchForm {
    #[serde(default)]
    structure_id: String,
    #[serde(default)]
    state: String,
}

/// `on`, `off` or `default` (no switch: follow the global one; globally, on).
fn parse_state(raw: &str) -> Result<Option<bool>, ServiceError> {
    match raw {
        "on" => Ok(Some(true)),
        "off" => Ok(Some(false)),
        "default" => Ok(None),
        _ => Err(InvalidInput::new("state", "invalid").into()),
    }
}

fn on_off(ctx: &Ctx, on: bool) -> String {
    ctx.t(if on {
        "admin-feature-on"
    } else {
        "admin-feature-off"
    })
}

async fn render_features(
    ctx: &Ctx,
    session: &Session,
    error: Option<String>,
    status: StatusCode,
    done: bool,
) -> Response {
    let app = &ctx.state.app;
    let (features, structures) =
        match tokio::try_join!(app.feature_switches(session), app.list_structures(session)) {
            Ok(v) => v,
            Err(e) => return ctx.error_page(&e),
        };
    let name_of = |sid: &StructureId| {
        structures
            .iter()
            .find(|s| &s.id == sid)
            .map_or_else(|| sid.to_string(), |s| s.name.clone())
    };
    ctx.render(status, &ctx.t("admin-features-title"), html! {
        p { a href="/admin" { (ctx.t("admin-title")) } }
        h1 { (icon("settings")) " " (ctx.t("admin-features-title")) }
        p { (ctx.t("admin-features-intro")) }
        @if done { div.notice role="status" { p { (icon("check")) " " (ctx.t("admin-features-saved")) } } }
        (super::field_error(&error))
        @for f in &features {
            @let name = f.feature.as_str();
            section.card id={"feature-" (name)} {
                h2 { (ctx.t(&format!("feature-{name}"))) }
                p data-global=(if f.enabled { "on" } else { "off" }) {
                    (ctx.ta("admin-feature-global", &[("state", on_off(ctx, f.enabled).into())]))
                }
                form method="post" action={"/admin/features/" (name)} {
                    (ctx.csrf_field())
                    input type="hidden" name="structure_id" value="";
                    input type="hidden" name="state" value=(if f.enabled { "off" } else { "on" });
                    button type="submit" { (ctx.t(if f.enabled { "admin-feature-turn-off-all" } else { "admin-feature-turn-on-all" })) }
                }
                @if !f.structures.is_empty() {
                    h3 { (ctx.t("admin-feature-own")) }
                    ul.people {
                        @for s in &f.structures {
                            li data-structure=(s.structure_id) data-state=(if s.enabled { "on" } else { "off" }) {
                                strong { (name_of(&s.structure_id)) } " · " (on_off(ctx, s.enabled))
                                form.inline method="post" action={"/admin/features/" (name)} {
                                    (ctx.csrf_field())
                                    input type="hidden" name="structure_id" value=(s.structure_id);
                                    input type="hidden" name="state" value="default";
                                    button type="submit" aria-label=(ctx.ta("admin-feature-follow-label", &[("name", name_of(&s.structure_id).into())])) { (ctx.t("admin-feature-follow")) }
                                }
                            }
                        }
                    }
                }
                @if !structures.is_empty() {
                    form method="post" action={"/admin/features/" (name)} {
                        (ctx.csrf_field())
                        fieldset {
                            legend { (ctx.t("admin-feature-for-structure")) }
                            label for={"structure-" (name)} { (ctx.t("admin-feature-structure")) }
                            select id={"structure-" (name)} name="structure_id" {
                                @for s in &structures { option value=(s.id) { (s.name) } }
                            }
                            label for={"state-" (name)} { (ctx.t("admin-feature-state")) }
                            select id={"state-" (name)} name="state" {
                                option value="off" { (ctx.t("admin-feature-off")) }
                                option value="on" { (ctx.t("admin-feature-on")) }
                                option value="default" { (ctx.t("admin-feature-follow")) }
                            }
                        }
                        button.primary type="submit" { (ctx.t("action-save")) }
                    }
                }
            }
        }
    })
}

async fn features_page(
    Query(q): Query<DoneQuery>,
    Page(ctx, PlatformAdmin(session)): Page<PlatformAdmin>,
) -> Response {
    render_features(&ctx, &session, None, StatusCode::OK, q.done.is_some()).await
}

async fn feature_submit(
    Path(feature): Path<String>,
    Post(ctx, PlatformAdmin(session), form): Post<PlatformAdmin, SwitchForm>,
) -> Response {
    let Ok(feature) = Feature::parse(&feature) else {
        return ctx.not_found();
    };
    let sid = match form.structure_id.trim() {
        "" => None,
        raw => match StructureId::parse(raw) {
            Ok(s) => Some(s),
            Err(_) => return ctx.not_found(),
        },
    };
    let result = match parse_state(&form.state) {
        Ok(state) => {
            ctx.state
                .app
                .set_feature(&session, feature, sid.as_ref(), state)
                .await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => Redirect::to(&format!(
            "/admin/features?done=saved#feature-{}",
            feature.as_str()
        ))
        .into_response(),
        Err(e) => {
            let status = Ctx::error_status(&e);
            render_features(&ctx, &session, Some(ctx.error_text(&e)), status, false).await
        }
    }
}

/// Which switched capabilities are on for a structure (its pages hide the others).
#[derive(Debug, Clone, Copy)]
pub struct Switched {
    pub messaging: bool,
    pub news: bool,
    pub kit: bool,
}

/// The switches of `sid` as its pages use them (on when they cannot be read: the service
/// refuses anyway).
pub async fn switched(ctx: &Ctx, sid: &StructureId) -> Switched {
    let app = &ctx.state.app;
    let on = |f| async move {
        crate::service::features::feature_on(app, f, sid)
            .await
            .unwrap_or(true)
    };
    Switched {
        messaging: on(Feature::Messaging).await,
        news: on(Feature::News).await,
        kit: on(Feature::Kit).await,
    }
}
