//! A structure's statistics: a period form, each figure with its definition in words, links
//! to the same figures as CSV and as an OpenDocument spreadsheet.

use super::{Ctx, Page, Professional, icons::icon};
use crate::domain::StructureId;
use crate::service::{Figure, ServiceError, Session, StructureStats, StructureView};
use crate::web::AppState;
use crate::web::api::stats::{StatsFile, figure_label, stats_file, stats_label_id};
use axum::Router;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use maud::{Markup, html};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/pro/stats", get(stats_page))
        .route("/pro/stats.csv", get(stats_csv))
        .route("/pro/stats.ods", get(stats_ods))
}

/// The structure (`s`, by default her first) and the period asked.
#[derive(Debug, Default, Deserialize)]
struct StatsQuery {
    s: Option<String>,
    from: Option<String>,
    to: Option<String>,
}

/// The structure asked, among hers (404 for any other).
async fn chosen(
    ctx: &Ctx,
    session: &Session,
    q: &StatsQuery,
) -> Result<(Vec<StructureView>, Option<StructureId>), Response> {
    let structures = ctx
        .state
        .app
        .list_structures(session)
        .await
        .map_err(|e| ctx.error_page(&e))?;
    let sid = match q.s.as_deref().filter(|s| !s.is_empty()) {
        Some(raw) => {
            let sid = StructureId::parse(raw).map_err(|_| ctx.not_found())?;
            if !structures.iter().any(|s| s.id == sid) {
                return Err(ctx.not_found());
            }
            Some(sid)
        }
        None => structures.first().map(|s| s.id.clone()),
    };
    Ok((structures, sid))
}

async fn stats_of(
    ctx: &Ctx,
    session: &Session,
    sid: &StructureId,
    q: &StatsQuery,
) -> Result<StructureStats, ServiceError> {
    ctx.state
        .app
        .structure_stats(session, sid, q.from.as_deref(), q.to.as_deref())
        .await
}

/// The address of the same figures as a file.
fn file_href(path: &str, sid: &StructureId, stats: &StructureStats) -> String {
    let query = serde_urlencoded::to_string([
        ("s", sid.as_str()),
        ("from", stats.from.as_str()),
        ("to", stats.to.as_str()),
    ])
    .unwrap_or_default();
    format!("{path}?{query}")
}

/// A figure as the page shows it: a number, a percentage (one decimal, written the reader's
/// way: "66,7 %" in French, "66.7%" in English), or a dash when nothing was counted.
fn shown(ctx: &Ctx, value: &Figure) -> String {
    match value {
        Figure::Date(d) => super::documents::day(d),
        Figure::Count(n) => n.to_string(),
        Figure::Rate(Some(r)) => {
            let percent = format!("{:.1}", r * 100.0);
            let (whole, tenth) = percent.split_once('.').unwrap_or((&percent, "0"));
            ctx.ta(
                "stats-rate-shown",
                &[
                    ("whole", whole.to_owned().into()),
                    ("tenth", tenth.to_owned().into()),
                ],
            )
        }
        Figure::Rate(None) => ctx.t("stats-no-rate"),
    }
}

async fn stats_page(
    Query(q): Query<StatsQuery>,
    Page(ctx, Professional(session)): Page<Professional>,
) -> Response {
    let (structures, sid) = match chosen(&ctx, &session, &q).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let Some(sid) = sid else {
        return ctx.page(
            &ctx.t("stats-title"),
            html! {
                h1 { (icon("chart")) " " (ctx.t("stats-title")) }
                p { (ctx.t("pro-no-structure")) }
            },
        );
    };
    let result = stats_of(&ctx, &session, &sid, &q).await;
    let status = match &result {
        Ok(_) => StatusCode::OK,
        Err(e @ ServiceError::Invalid(_)) => Ctx::error_status(e),
        Err(e) => return ctx.error_page(e),
    };
    let (from, to) = match &result {
        Ok(s) => (s.from.clone(), s.to.clone()),
        Err(_) => (
            q.from.clone().unwrap_or_default(),
            q.to.clone().unwrap_or_default(),
        ),
    };
    let body = html! {
        h1 { (icon("chart")) " " (ctx.t("stats-title")) }
        p.hint { (ctx.t("stats-intro")) }
        (period_form(&ctx, &structures, &sid, &from, &to))
        @match &result {
            Err(e) => { div.notice.error role="alert" { p { (ctx.error_text(e)) } } }
            Ok(stats) => { (figures(&ctx, &sid, stats)) }
        }
    };
    ctx.render(status, &ctx.t("stats-title"), body)
}

fn period_form(
    ctx: &Ctx,
    structures: &[StructureView],
    sid: &StructureId,
    from: &str,
    to: &str,
) -> Markup {
    html! {
        form.inline.period method="get" action="/pro/stats" {
            @if structures.len() > 1 {
                label for="stats-structure" { (ctx.t("stats-structure")) }
                select id="stats-structure" name="s" {
                    @for s in structures {
                        option value=(s.id) selected[&s.id == sid] { (s.name) }
                    }
                }
            } @else {
                input type="hidden" name="s" value=(sid);
            }
            label for="stats-from" { (ctx.t("field-from")) }
            input id="stats-from" name="from" type="date" value=(from) required;
            label for="stats-to" { (ctx.t("field-to")) }
            input id="stats-to" name="to" type="date" value=(to) required;
            button type="submit" { (ctx.t("action-see")) }
        }
    }
}

fn figures(ctx: &Ctx, sid: &StructureId, stats: &StructureStats) -> Markup {
    let figures = stats.figures();
    html! {
        section.card.stats aria-labelledby="stats-figures" {
            h2 id="stats-figures" {
                (ctx.ta("stats-period", &[("from", super::documents::day(&stats.from).into()), ("to", super::documents::day(&stats.to).into())]))
            }
            dl.figures {
                @for (i, (key, value)) in figures.iter().enumerate() {
                    @if !matches!(value, Figure::Date(_)) {
                        @let group = key.split_once('.').map(|(g, _)| g);
                        // Each figure's definition; a breakdown's once, under its first line.
                        @let first_of_group = group.is_none() || i == 0 || figures[i - 1].0.split_once('.').map(|(g, _)| g) != group;
                        div.figure id={"figure-" (key)} {
                            dt { (figure_label(&ctx.locale, stats, key)) }
                            dd.value { strong data-figure=(key) { (shown(ctx, value)) } }
                            @if first_of_group {
                                dd.hint { (ctx.t(&format!("{}-def", stats_label_id(group.unwrap_or(key))))) }
                            }
                        }
                    }
                }
            }
            div.actions {
                a.button href=(file_href("/pro/stats.csv", sid, stats)) download { (icon("download")) " " (ctx.t("stats-download-csv")) }
                a.button href=(file_href("/pro/stats.ods", sid, stats)) download { (icon("download")) " " (ctx.t("stats-download-ods")) }
            }
        }
    }
}

async fn stats_download(q: StatsQuery, ctx: Ctx, session: Session, file: StatsFile) -> Response {
    let sid = match chosen(&ctx, &session, &q).await {
        Ok((_, Some(sid))) => sid,
        Ok((_, None)) => return ctx.not_found(),
        Err(r) => return r,
    };
    match stats_of(&ctx, &session, &sid, &q).await {
        Ok(stats) => stats_file(&stats, &ctx.locale, file).unwrap_or_else(|e| ctx.error_page(&e)),
        Err(e) => ctx.error_page(&e),
    }
}

async fn stats_csv(
    Query(q): Query<StatsQuery>,
    Page(ctx, Professional(session)): Page<Professional>,
) -> Response {
    stats_download(q, ctx, session, StatsFile::Csv).await
}

async fn stats_ods(
    Query(q): Query<StatsQuery>,
    Page(ctx, Professional(session)): Page<Professional>,
) -> Response {
    stats_download(q, ctx, session, StatsFile::Ods).await
}
