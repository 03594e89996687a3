//! Procedures in the JSON API (API.md, "Rights and procedures"): the catalogue, start one for
//! a person, her history of procedures, open one (with its checklist), move it on (status,
//! deadline, receipt), share it with one of her relais.

use super::{ApiResult, item_share, naming_the_field, ok};
use crate::domain::{BeneficiaryId, ItemId};
use crate::service::ItemKind;
use crate::service::procedures::{
    assemble_procedure_file, catalogue_json, create_procedure, get_procedure, list_procedures,
    update_procedure,
};
use crate::web::AppState;
use crate::web::extract::{ApiJson, ApiSession};
use axum::Router;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post, put};
use serde_json::Value;

/// A procedure's body is a few short fields.
const INPUT_LIMIT: usize = 4 * 1024;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/procedures/catalogue", get(catalogue))
        .route(
            "/beneficiaries/{bid}/procedures",
            post(create)
                .layer(DefaultBodyLimit::max(INPUT_LIMIT))
                .get(list),
        )
        .route(
            "/procedures/{id}",
            get(get_one)
                .patch(update)
                .layer(DefaultBodyLimit::max(INPUT_LIMIT)),
        )
        .route("/procedures/{id}/shares/{sid}", put(share).delete(unshare))
        .route(
            "/procedures/{id}/file",
            post(assemble_file).layer(DefaultBodyLimit::max(INPUT_LIMIT)),
        )
}

/// The catalogue is the same for everyone signed in.
async fn catalogue(ApiSession(_session): ApiSession) -> ApiResult {
    ok(StatusCode::OK, catalogue_json())
}

async fn create(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(bid): Path<String>,
    ApiJson(body): ApiJson<Value>,
) -> ApiResult {
    let bid = BeneficiaryId::parse(&bid)?;
    let view = create_procedure(&s.app, &session, &bid, &body)
        .await
        .map_err(naming_the_field)?;
    ok(StatusCode::CREATED, view)
}

async fn list(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(bid): Path<String>,
) -> ApiResult {
    let bid = BeneficiaryId::parse(&bid)?;
    ok(
        StatusCode::OK,
        list_procedures(&s.app, &session, &bid).await?,
    )
}

async fn get_one(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(id): Path<String>,
) -> ApiResult {
    let id = ItemId::parse(&id)?;
    ok(StatusCode::OK, get_procedure(&s.app, &session, &id).await?)
}

async fn update(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Value>,
) -> ApiResult {
    let id = ItemId::parse(&id)?;
    let view = update_procedure(&s.app, &session, &id, &body)
        .await
        .map_err(naming_the_field)?;
    ok(StatusCode::OK, view)
}

/// `{watermark?}`.
#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FileBody {
    watermark: Option<String>,
}

/// The assembled file of a procedure: a new document of her safe (201 `document`).
async fn assemble_file(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<FileBody>,
) -> ApiResult {
    let id = ItemId::parse(&id)?;
    let document = assemble_procedure_file(&s.app, &session, &id, body.watermark)
        .await
        .map_err(naming_the_field)?;
    ok(StatusCode::CREATED, document)
}

async fn share(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((id, sid)): Path<(String, String)>,
) -> ApiResult {
    item_share(&s, &session, ItemKind::Procedure, (&id, &sid), true).await
}

async fn unshare(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((id, sid)): Path<(String, String)>,
) -> ApiResult {
    item_share(&s, &session, ItemKind::Procedure, (&id, &sid), false).await
}
