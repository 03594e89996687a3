//! The assembled file in the JSON API: some of her documents made into one PDF, itself a
//! document of her safe (`POST /beneficiaries/{bid}/files`).

use super::{ApiResult, ok};
use crate::domain::{BeneficiaryId, ItemId};
use crate::service::AssembleRequest;
use crate::web::AppState;
use crate::web::extract::{ApiJson, ApiSession};
use axum::Router;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::StatusCode;
use axum::routing::post;
use serde::Deserialize;

/// Sixty ids (`MAX_FILE_PIECES`) and a title fit in a few kilobytes.
const BODY_LIMIT: usize = 16 * 1024;

pub fn router() -> Router<AppState> {
    Router::new().route(
        "/beneficiaries/{bid}/files",
        post(assemble).layer(DefaultBodyLimit::max(BODY_LIMIT)),
    )
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileBody {
    document_ids: Vec<String>,
    title: Option<String>,
    watermark: Option<String>,
}

async fn assemble(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(bid): Path<String>,
    ApiJson(b): ApiJson<FileBody>,
) -> ApiResult {
    let bid = BeneficiaryId::parse(&bid)?;
    let pieces = b
        .document_ids
        .iter()
        .map(|id| ItemId::parse(id).map(|id| (id, String::new())))
        .collect::<Result<Vec<_>, _>>()?;
    let request = AssembleRequest {
        title: b.title.unwrap_or_default(),
        pieces,
        missing: Vec::new(),
        watermark: b.watermark,
        language: session.keys.language.clone(),
    };
    ok(
        StatusCode::CREATED,
        s.app.assemble_file(&session, &bid, request).await?,
    )
}
