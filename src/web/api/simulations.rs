//! Benefit simulations in the JSON API (API.md, "Rights and procedures"): run one for a
//! person, list hers, open one, share it with one of her relais.

use super::{ApiResult, no_content, ok};
use crate::domain::{BeneficiaryId, ItemId, StructureId};
use crate::service::simulations::{create_simulation, get_simulation, list_simulations};
use crate::service::{ItemKind, ServiceError};
use crate::web::AppState;
use crate::web::error::ApiError;
use crate::web::extract::{ApiJson, ApiSession};
use axum::Router;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post, put};
use serde_json::Value;

/// A `simulation_input` is small: a household of twenty children with every resource fits in
/// a few kilobytes.
const INPUT_LIMIT: usize = 16 * 1024;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/beneficiaries/{bid}/simulations",
            post(create)
                .layer(DefaultBodyLimit::max(INPUT_LIMIT))
                .get(list),
        )
        .route("/simulations/{id}", get(get_one))
        .route("/simulations/{id}/shares/{sid}", put(share).delete(unshare))
}

/// A refused input is a 400 `invalid_input` naming the field (API.md's convention for a
/// malformed `simulation_input`), whatever check refused it.
fn input_error(e: ServiceError) -> ApiError {
    match e {
        ServiceError::Invalid(i) => {
            ApiError::invalid(format!("Invalid value for {}: {}.", i.field, i.code))
        }
        other => other.into(),
    }
}

async fn create(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(bid): Path<String>,
    ApiJson(body): ApiJson<Value>,
) -> ApiResult {
    let bid = BeneficiaryId::parse(&bid)?;
    let view = create_simulation(&s.app, &session, &bid, &body)
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
        list_simulations(&s.app, &session, &bid).await?,
    )
}

async fn get_one(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(id): Path<String>,
) -> ApiResult {
    let id = ItemId::parse(&id)?;
    ok(StatusCode::OK, get_simulation(&s.app, &session, &id).await?)
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
        .set_item_share(&session, ItemKind::Simulation, &id, &sid, shared)
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
