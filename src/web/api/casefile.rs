//! The case file a structure keeps on a person (issue 14): `GET` / `PATCH
//! /structures/{sid}/people/{bid}/file`, and the hand-over to a colleague
//! (`POST .../file/handover`). The service decides and seals (`service/casefile.rs`).

use super::{ApiResult, ok};
use crate::domain::{BeneficiaryId, StructureId};
use crate::service::CaseFilePatch;
use crate::web::AppState;
use crate::web::extract::{ApiJson, ApiSession};
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/structures/{sid}/people/{bid}/file",
            get(get_file).patch(patch_file),
        )
        .route(
            "/structures/{sid}/people/{bid}/file/handover",
            post(hand_over),
        )
}

/// The structure and the person of a `/structures/{sid}/people/{bid}/…` path.
pub(super) fn ids(
    sid: &str,
    bid: &str,
) -> Result<(StructureId, BeneficiaryId), crate::web::error::ApiError> {
    Ok((StructureId::parse(sid)?, BeneficiaryId::parse(bid)?))
}

async fn get_file(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((sid, bid)): Path<(String, String)>,
) -> ApiResult {
    let (sid, bid) = ids(&sid, &bid)?;
    ok(StatusCode::OK, s.app.case_file(&session, &sid, &bid).await?)
}

async fn patch_file(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((sid, bid)): Path<(String, String)>,
    ApiJson(patch): ApiJson<CaseFilePatch>,
) -> ApiResult {
    let (sid, bid) = ids(&sid, &bid)?;
    ok(
        StatusCode::OK,
        s.app.update_case_file(&session, &sid, &bid, patch).await?,
    )
}

/// A hand-over: the new referent (an active member of the structure) and a note for her.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HandOver {
    referent_id: String,
    #[serde(default)]
    note: Option<String>,
}

async fn hand_over(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((sid, bid)): Path<(String, String)>,
    ApiJson(b): ApiJson<HandOver>,
) -> ApiResult {
    let (sid, bid) = ids(&sid, &bid)?;
    let patch = CaseFilePatch {
        referent_id: Some(Some(b.referent_id)),
        note: b.note,
        ..CaseFilePatch::default()
    };
    ok(
        StatusCode::OK,
        s.app.update_case_file(&session, &sid, &bid, patch).await?,
    )
}
