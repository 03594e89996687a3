//! A structure's usage by month (JSON, or CSV with `Accept: text/csv` or the `.csv` path) and
//! its monthly SMS budget (issue 18, item 3).

use super::{ApiResult, content_response, naming_the_field, ok};
use crate::domain::StructureId;
use crate::service::UsageMonth;
use crate::service::usage::usage_csv;
use crate::web::AppState;
use crate::web::error::ApiError;
use crate::web::extract::{ApiJson, ApiSession};
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::routing::get;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/structures/{sid}/usage", get(usage))
        .route("/structures/{sid}/usage.csv", get(usage_csv_handler))
        .route(
            "/structures/{sid}/sms-budget",
            get(get_budget).put(put_budget),
        )
}

/// The months asked: `from` and `to` (`YYYY-MM`), both included.
#[derive(Debug, Default, Deserialize)]
struct MonthsQuery {
    from: Option<String>,
    to: Option<String>,
}

async fn months(
    s: &AppState,
    session: &crate::service::Session,
    sid: &str,
    q: &MonthsQuery,
) -> Result<Vec<UsageMonth>, ApiError> {
    let sid = StructureId::parse(sid)?;
    // The page's form may leave a month empty; the API names one or leaves it out.
    for (name, value) in [("from", &q.from), ("to", &q.to)] {
        if value.as_deref().is_some_and(|v| v.trim().is_empty()) {
            return Err(ApiError::invalid(format!("{name}: a month, YYYY-MM.")));
        }
    }
    s.app
        .structure_usage(session, &sid, q.from.as_deref(), q.to.as_deref())
        .await
        .map_err(naming_the_field)
}

/// The months as a CSV file named after them (the API's and the page's).
pub(crate) fn usage_csv_file(months: &[UsageMonth]) -> axum::response::Response {
    let name = match (months.first(), months.last()) {
        (Some(f), Some(l)) => format!("usage-{}-{}.csv", f.month, l.month),
        _ => "usage.csv".to_owned(),
    };
    content_response(
        "text/csv; charset=utf-8",
        &name,
        usage_csv(months).into_bytes(),
        false,
    )
}

async fn usage(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
    Query(q): Query<MonthsQuery>,
    headers: HeaderMap,
) -> ApiResult {
    let found = months(&s, &session, &sid, &q).await?;
    let wants_csv = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/csv"));
    if wants_csv {
        Ok(usage_csv_file(&found))
    } else {
        ok(StatusCode::OK, found)
    }
}

async fn usage_csv_handler(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
    Query(q): Query<MonthsQuery>,
) -> ApiResult {
    Ok(usage_csv_file(&months(&s, &session, &sid, &q).await?))
}

async fn get_budget(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    ok(StatusCode::OK, s.app.sms_budget(&session, &sid).await?)
}

/// `{"monthly_sms": n}` sets the budget, `{"monthly_sms": null}` removes it.
async fn put_budget(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
    ApiJson(body): ApiJson<serde_json::Value>,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    let monthly_sms = match body.get("monthly_sms") {
        Some(serde_json::Value::Null) => None,
        Some(v) => Some(crate::domain::json_integer(v).ok_or_else(|| {
            ApiError::invalid("monthly_sms must be a whole number of SMS a month, or null.")
        })?),
        None => {
            return Err(ApiError::invalid(
                "monthly_sms is required (a whole number, or null to remove the budget).",
            ));
        }
    };
    let budget = s
        .app
        .set_sms_budget(&session, &sid, monthly_sms)
        .await
        .map_err(naming_the_field)?;
    ok(StatusCode::OK, budget)
}
