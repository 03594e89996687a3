//! Proofs in the JSON API (API.md, "Proofs"): a structure's profile and logo, domiciliation decisions
//! with their cerfas, hosting certificates.

use super::{ApiResult, content_response, no_content, ok};
use crate::domain::{BeneficiaryId, StructureId};
use crate::service::ServiceError;
use crate::service::proofs::domiciliation::{
    DomiciliationInput, list_domiciliations, record_domiciliation,
};
use crate::service::proofs::hosting::hosting_certificate;
use crate::service::proofs::profile::{
    MAX_LOGO_BYTES, ProfileInput, get_logo, get_profile, remove_logo, set_logo, set_profile,
};
use crate::web::AppState;
use crate::web::extract::{ApiJson, ApiSession};
use axum::Router;
use axum::body::Bytes;
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
            "/structures/{sid}/profile/logo",
            get(logo)
                .put(put_logo)
                .delete(delete_logo)
                .layer(DefaultBodyLimit::max(MAX_LOGO_BYTES + 1024)),
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

async fn logo(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    match get_logo(&s.app, &session, &sid).await? {
        Some((bytes, mime)) => Ok(content_response(&mime, "logo", bytes, true)),
        None => Err(ServiceError::NotFound.into()),
    }
}

/// The image is the request's body, whatever its declared type: it is judged by content.
async fn put_logo(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
    body: Bytes,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    set_logo(&s.app, &session, &sid, body.to_vec()).await?;
    no_content()
}

async fn delete_logo(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    remove_logo(&s.app, &session, &sid).await?;
    no_content()
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
