//! A household in the API: her links and dependants (the person), a family file and a
//! proposed link (a professional of a structure that follows her).

use super::casefile::ids;
use super::{ApiResult, no_content, ok};
use crate::domain::{BeneficiaryId, StructureId};
use crate::service::NewDependant;
use crate::web::AppState;
use crate::web::extract::{ApiJson, ApiSession};
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{Method, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post, put};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/beneficiaries/{bid}/household", get(household))
        .route("/beneficiaries/{bid}/household/links", post(ask_link))
        .route(
            "/beneficiaries/{bid}/household/links/{lid}",
            axum::routing::delete(undo_link),
        )
        .route(
            "/beneficiaries/{bid}/household/links/{lid}/accept",
            post(accept_link),
        )
        .route(
            "/beneficiaries/{bid}/household/dependants",
            post(add_dependant),
        )
        .route(
            "/beneficiaries/{bid}/household/dependants/{did}",
            axum::routing::delete(delete_dependant),
        )
        .route(
            "/beneficiaries/{bid}/household/dependants/{did}/shares/{sid}",
            put(share_dependant).delete(share_dependant),
        )
        .route(
            "/structures/{sid}/people/{bid}/household",
            get(family).post(propose_link),
        )
}

async fn household(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(bid): Path<String>,
) -> ApiResult {
    let bid = BeneficiaryId::parse(&bid)?;
    ok(StatusCode::OK, s.app.household(&session, &bid).await?)
}

#[derive(Deserialize)]
struct AskBody {
    identifier: String,
    relation: String,
}

async fn ask_link(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(bid): Path<String>,
    ApiJson(b): ApiJson<AskBody>,
) -> ApiResult {
    let bid = BeneficiaryId::parse(&bid)?;
    s.app
        .ask_household_link(&session, &bid, &b.identifier, &b.relation)
        .await?;
    Ok(StatusCode::ACCEPTED.into_response())
}

async fn accept_link(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((bid, lid)): Path<(String, String)>,
) -> ApiResult {
    let bid = BeneficiaryId::parse(&bid)?;
    s.app.accept_household_link(&session, &bid, &lid).await?;
    no_content()
}

async fn undo_link(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((bid, lid)): Path<(String, String)>,
) -> ApiResult {
    let bid = BeneficiaryId::parse(&bid)?;
    s.app.undo_household_link(&session, &bid, &lid).await?;
    no_content()
}

async fn add_dependant(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(bid): Path<String>,
    ApiJson(b): ApiJson<NewDependant>,
) -> ApiResult {
    let bid = BeneficiaryId::parse(&bid)?;
    ok(
        StatusCode::CREATED,
        s.app.add_dependant(&session, &bid, &b).await?,
    )
}

async fn delete_dependant(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((bid, did)): Path<(String, String)>,
) -> ApiResult {
    let bid = BeneficiaryId::parse(&bid)?;
    s.app.delete_dependant(&session, &bid, &did).await?;
    no_content()
}

/// PUT shows dependant `did` to relais `sid`, DELETE no longer.
async fn share_dependant(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    method: Method,
    Path((bid, did, sid)): Path<(String, String, String)>,
) -> ApiResult {
    let (bid, sid) = (BeneficiaryId::parse(&bid)?, StructureId::parse(&sid)?);
    let share = method == Method::PUT;
    s.app
        .share_dependant(&session, &bid, &did, &sid, share)
        .await?;
    no_content()
}

async fn family(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((sid, bid)): Path<(String, String)>,
) -> ApiResult {
    let (sid, bid) = ids(&sid, &bid)?;
    ok(
        StatusCode::OK,
        s.app.family_view(&session, Some(&sid), &bid).await?,
    )
}

#[derive(Deserialize)]
struct ProposeBody {
    member: String,
    relation: String,
}

#[derive(serde::Serialize)]
struct Proposed {
    id: String,
}

async fn propose_link(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((sid, bid)): Path<(String, String)>,
    ApiJson(b): ApiJson<ProposeBody>,
) -> ApiResult {
    let (sid, bid) = ids(&sid, &bid)?;
    let member = BeneficiaryId::parse(&b.member)?;
    let id = s
        .app
        .propose_household_link(&session, Some(&sid), &bid, &member, &b.relation)
        .await?;
    ok(StatusCode::CREATED, Proposed { id })
}
