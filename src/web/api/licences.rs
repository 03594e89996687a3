//! Conventions and licences in the JSON API (`API.md`, "Operations"): the operator records a
//! structure's licence and convention and uploads the signed PDF; its members read the
//! licence; its admins and the operator download the PDF.

use super::{ApiResult, content_response, ok};
use crate::domain::StructureId;
use crate::service::licences::{
    ConventionInput, LicenceInput, MAX_DOCUMENT_BYTES, convention_document, licence_of,
    record_licence, set_convention_document,
};
use crate::web::AppState;
use crate::web::error::ApiError;
use crate::web::extract::{ApiJson, ApiSession};
use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::StatusCode;
use axum::routing::get;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/structures/{sid}/licence", get(read).put(write))
        .route(
            "/structures/{sid}/convention/document",
            get(download)
                .put(upload)
                .layer(DefaultBodyLimit::max(MAX_DOCUMENT_BYTES)),
        )
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LicenceBody {
    starts_on: String,
    ends_on: String,
    /// Euros, two decimals at most.
    annual_budget_eur: serde_json::Value,
    convention: ConventionInput,
}

async fn read(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    ok(StatusCode::OK, licence_of(&s.app, &session, &sid).await?)
}

async fn write(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
    ApiJson(b): ApiJson<LicenceBody>,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    let serde_json::Value::Number(budget) = b.annual_budget_eur else {
        return Err(ApiError::invalid("annual_budget_eur must be a number."));
    };
    let input = LicenceInput {
        starts_on: b.starts_on,
        ends_on: b.ends_on,
        annual_budget_eur: budget.to_string(),
        convention: b.convention,
    };
    ok(
        StatusCode::OK,
        record_licence(&s.app, &session, &sid, input).await?,
    )
}

async fn upload(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    let body = body.map_err(|r| ApiError::for_status(r.status()))?;
    ok(
        StatusCode::OK,
        set_convention_document(&s.app, &session, &sid, body.to_vec()).await?,
    )
}

async fn download(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    let pdf = convention_document(&s.app, &session, &sid).await?;
    Ok(content_response(
        "application/pdf",
        "convention.pdf",
        pdf,
        false,
    ))
}
