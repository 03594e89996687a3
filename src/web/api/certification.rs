//! The certification of documents in the API: a document's certificate, the public signed
//! tree head and consistency proofs (docs/certification.md).

use super::{ApiResult, ok};
use crate::domain::ItemId;
use crate::web::AppState;
use crate::web::error::ApiError;
use crate::web::extract::ApiSession;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::get;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/documents/{id}/certificate", get(certificate))
        .route("/transparency/head", get(head))
        .route("/transparency/consistency", get(consistency))
}

async fn certificate(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(id): Path<String>,
) -> ApiResult {
    let id = ItemId::parse(&id)?;
    ok(
        StatusCode::OK,
        s.app.document_certificate(&session, &id).await?,
    )
}

/// No authentication: anyone may watch the log.
async fn head(State(s): State<AppState>) -> ApiResult {
    ok(StatusCode::OK, s.app.transparency_head().await?)
}

#[derive(Debug, Deserialize)]
struct Sizes {
    first: Option<String>,
    second: Option<String>,
}

/// No authentication. Sizes that are not whole numbers with 0 < first <= second <= the newest
/// signed head's size: 400.
async fn consistency(State(s): State<AppState>, Query(q): Query<Sizes>) -> ApiResult {
    let size = |v: &Option<String>, name: &str| -> Result<u64, ApiError> {
        v.as_deref()
            .and_then(|t| t.parse::<u64>().ok())
            .ok_or_else(|| ApiError::invalid(format!("`{name}` must be a tree size.")))
    };
    let (first, second) = (size(&q.first, "first")?, size(&q.second, "second")?);
    match s.app.transparency_consistency(first, second).await {
        Ok(proof) => ok(StatusCode::OK, serde_json::json!({ "proof": proof })),
        Err(crate::service::ServiceError::Invalid(_)) => Err(ApiError::invalid(
            "`first` and `second` must be sizes of the log with 0 < first <= second <= the newest signed head's size.",
        )),
        Err(e) => Err(e.into()),
    }
}
