//! Benefit simulations in the JSON API (API.md, "Rights and procedures"): run one for a
//! person, list hers, open one, share it with one of her relais.

use super::{ApiResult, item_share, naming_the_field, ok};
use crate::domain::{BeneficiaryId, ItemId};
use crate::service::ItemKind;
use crate::service::simulations::{create_simulation, get_simulation, list_simulations};
use crate::web::AppState;
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

async fn create(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(bid): Path<String>,
    ApiJson(body): ApiJson<Value>,
) -> ApiResult {
    let bid = BeneficiaryId::parse(&bid)?;
    let view = create_simulation(&s.app, &session, &bid, &body)
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

async fn share(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((id, sid)): Path<(String, String)>,
) -> ApiResult {
    item_share(&s, &session, ItemKind::Simulation, (&id, &sid), true).await
}

async fn unshare(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((id, sid)): Path<(String, String)>,
) -> ApiResult {
    item_share(&s, &session, ItemKind::Simulation, (&id, &sid), false).await
}
