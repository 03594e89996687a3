//! A structure's statistics (JSON, CSV, OpenDocument spreadsheet) and the platform's public
//! figures in the API.

use super::{ApiResult, content_response, ok};
use crate::domain::StructureId;
use crate::i18n::Locale;
use crate::service::StructureStats;
use crate::web::AppState;
use crate::web::error::ApiError;
use crate::web::extract::ApiSession;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/structures/{sid}/stats", get(stats_json))
        .route("/structures/{sid}/stats.csv", get(stats_csv))
        .route("/structures/{sid}/stats.ods", get(stats_ods))
        .route("/public/kpis", get(public_kpis))
}

/// The period asked: `from` and `to`, dates (`YYYY-MM-DD`), both included.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct PeriodQuery {
    pub from: Option<String>,
    pub to: Option<String>,
}

/// The two files the statistics are downloaded as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StatsFile {
    Csv,
    Ods,
}

/// The statistics as a file, each figure named in `locale`'s words.
pub(crate) fn stats_file(
    stats: &StructureStats,
    locale: &Locale,
    file: StatsFile,
) -> Result<Response, crate::service::ServiceError> {
    let label = |key: &str| figure_label(locale, stats, key);
    let name = format!("statistics-{}-{}", stats.from, stats.to);
    Ok(match file {
        StatsFile::Csv => content_response(
            "text/csv; charset=utf-8",
            &format!("{name}.csv"),
            stats.csv(&label).into_bytes(),
            false,
        ),
        StatsFile::Ods => content_response(
            "application/vnd.oasis.opendocument.spreadsheet",
            &format!("{name}.ods"),
            stats.ods(&locale.t("stats-title"), &label)?,
            false,
        ),
    })
}

/// A figure's name in the reader's words; a count of a breakdown (`<group>.<code>`) names
/// its group and its code ("Follow-ups by medium: Phone"), a structure's own subject by its
/// label.
pub(crate) fn figure_label(locale: &Locale, stats: &StructureStats, key: &str) -> String {
    let Some((group, code)) = key.split_once('.') else {
        return locale.t(&stats_label_id(key));
    };
    let id = code.replace('_', "-");
    let item = match group {
        "followups_by_medium" => locale.t(&format!("followups-medium-{id}")),
        "followups_by_subject" => stats
            .subject_labels
            .get(code)
            .cloned()
            .unwrap_or_else(|| locale.t(&format!("followups-subject-{id}"))),
        _ if code == crate::store::stats::HOUSING_UNKNOWN => locale.t("stats-housing-unknown"),
        _ => locale.t(&format!("casefile-housing-{id}")),
    };
    locale.ta(
        "stats-breakdown-line",
        &[
            ("group", locale.t(&stats_label_id(group)).into()),
            ("item", item.into()),
        ],
    )
}

/// The Fluent id naming a figure (`stats-<name>`; its definition adds `-def`).
pub(crate) fn stats_label_id(key: &str) -> String {
    format!("stats-{}", key.replace('_', "-"))
}

async fn structure_stats(
    s: &AppState,
    session: &crate::service::Session,
    sid: &str,
    q: &PeriodQuery,
) -> Result<StructureStats, ApiError> {
    let sid = StructureId::parse(sid)?;
    // In the API a date given is a date (the page's empty field means the default).
    for (field, value) in [("from", &q.from), ("to", &q.to)] {
        if value.as_deref().is_some_and(|v| v.trim().is_empty()) {
            return Err(
                crate::service::ServiceError::from(crate::domain::InvalidInput::new(
                    field,
                    "invalid_date",
                ))
                .into(),
            );
        }
    }
    Ok(s.app
        .structure_stats(session, &sid, q.from.as_deref(), q.to.as_deref())
        .await?)
}

async fn stats_json(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
    Query(q): Query<PeriodQuery>,
) -> ApiResult {
    ok(
        StatusCode::OK,
        structure_stats(&s, &session, &sid, &q).await?,
    )
}

async fn stats_download(
    s: AppState,
    session: crate::service::Session,
    sid: String,
    q: PeriodQuery,
    file: StatsFile,
) -> ApiResult {
    let stats = structure_stats(&s, &session, &sid, &q).await?;
    let locale = Locale::new(s.catalogs.clone(), &session.keys.language);
    Ok(stats_file(&stats, &locale, file)?)
}

async fn stats_csv(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
    Query(q): Query<PeriodQuery>,
) -> ApiResult {
    stats_download(s, session, sid, q, StatsFile::Csv).await
}

async fn stats_ods(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
    Query(q): Query<PeriodQuery>,
) -> ApiResult {
    stats_download(s, session, sid, q, StatsFile::Ods).await
}

async fn public_kpis(State(s): State<AppState>) -> ApiResult {
    ok(StatusCode::OK, s.app.public_kpis().await?)
}
