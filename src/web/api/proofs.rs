//! Proofs in the JSON API (API.md, "Proofs"): a structure's profile, domiciliation decisions
//! with their cerfas, hosting certificates.

use super::{ApiResult, ok};
use crate::domain::{BeneficiaryId, StructureId};
use crate::service::ServiceError;
use crate::service::proofs::domiciliation::{
    DomiciliationInput, list_domiciliations, record_domiciliation,
};
use crate::service::proofs::hosting::hosting_certificate;
use crate::service::proofs::profile::{ProfileInput, get_profile, set_profile};
use crate::web::AppState;
use crate::web::extract::{ApiJson, ApiSession};
use axum::Router;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use serde::Deserialize;

/// The bodies are a few short fields.
const BODY_LIMIT: usize = 16 * 1024;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/structures/{sid}/profile",
            get(profile)
                .put(put_profile)
                .layer(DefaultBodyLimit::max(BODY_LIMIT)),
        )
        .route(
            "/structures/{sid}/people/{bid}/domiciliations",
            post(domiciliate)
                .get(domiciliations)
                .layer(DefaultBodyLimit::max(BODY_LIMIT)),
        )
        .route(
            "/structures/{sid}/people/{bid}/hosting-certificates",
            post(hosting).layer(DefaultBodyLimit::max(BODY_LIMIT)),
        )
}

async fn profile(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    match get_profile(&s.app, &session, &sid).await? {
        Some(p) => ok(StatusCode::OK, p),
        // Not written yet: nothing to show.
        None => Err(ServiceError::NotFound.into()),
    }
}

async fn put_profile(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
    ApiJson(body): ApiJson<ProfileInput>,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    ok(
        StatusCode::OK,
        set_profile(&s.app, &session, &sid, &body).await?,
    )
}

async fn domiciliate(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((sid, bid)): Path<(String, String)>,
    ApiJson(body): ApiJson<DomiciliationInput>,
) -> ApiResult {
    let (sid, bid) = (StructureId::parse(&sid)?, BeneficiaryId::parse(&bid)?);
    ok(
        StatusCode::CREATED,
        record_domiciliation(&s.app, &session, &sid, &bid, &body).await?,
    )
}

async fn domiciliations(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((sid, bid)): Path<(String, String)>,
) -> ApiResult {
    let (sid, bid) = (StructureId::parse(&sid)?, BeneficiaryId::parse(&bid)?);
    let all = list_domiciliations(&s.app, &session, &bid).await?;
    ok(
        StatusCode::OK,
        all.into_iter()
            .filter(|d| d.structure_id == sid)
            .collect::<Vec<_>>(),
    )
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Hosting {
    #[serde(default)]
    since: String,
}

async fn hosting(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((sid, bid)): Path<(String, String)>,
    ApiJson(body): ApiJson<Hosting>,
) -> ApiResult {
    let (sid, bid) = (StructureId::parse(&sid)?, BeneficiaryId::parse(&bid)?);
    ok(
        StatusCode::CREATED,
        hosting_certificate(&s.app, &session, &sid, &bid, &body.since).await?,
    )
}
