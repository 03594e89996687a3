//! Procedures in the JSON API (API.md, "Rights and procedures"): the catalogue, start one for
//! a person, her history of procedures, open one (with its checklist), move it on (status,
//! deadline, receipt), share it with one of her relais.

use super::{ApiResult, no_content, ok};
use crate::domain::{BeneficiaryId, ItemId, StructureId};
use crate::service::procedures::{
    catalogue_json, create_procedure, get_procedure, list_procedures, update_procedure,
};
use crate::service::{ItemKind, ServiceError};
use crate::web::AppState;
use crate::web::error::ApiError;
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
}

/// A refused input is a 400 `invalid_input` naming the field.
fn input_error(e: ServiceError) -> ApiError {
    match e {
        ServiceError::Invalid(i) => {
            ApiError::invalid(format!("Invalid value for {}: {}.", i.field, i.code))
        }
        other => other.into(),
    }
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
        .map_err(input_error)?;
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
        .map_err(input_error)?;
    ok(StatusCode::OK, view)
}

async fn set_share(
    s: AppState,
    session: crate::service::Session,
    id: &str,
    sid: &str,
    shared: bool,
) -> ApiResult {
    let id = ItemId::parse(id)?;
    let sid = StructureId::parse(sid)?;
    s.app
        .set_item_share(&session, ItemKind::Procedure, &id, &sid, shared)
        .await?;
    no_content()
}

async fn share(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((id, sid)): Path<(String, String)>,
) -> ApiResult {
    set_share(s, session, &id, &sid, true).await
}

async fn unshare(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((id, sid)): Path<(String, String)>,
) -> ApiResult {
    set_share(s, session, &id, &sid, false).await
}
