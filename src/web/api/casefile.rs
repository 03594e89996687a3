//! The people a structure follows and the case file it keeps on each (issue 14): `GET
//! /structures/{sid}/people` (search, filters, pages), `GET` / `PATCH
//! /structures/{sid}/people/{bid}/file`, and the hand-over to a colleague
//! (`POST .../file/handover`). The service decides and seals (`service/people.rs`,
//! `service/casefile.rs`).

use super::{ApiResult, ok};
use crate::domain::{BeneficiaryId, StructureId};
use crate::service::CaseFilePatch;
use crate::service::people::{self, PeopleQuery};
use crate::web::AppState;
use crate::web::error::ApiError;
use crate::web::extract::{ApiJson, ApiSession};
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/structures/{sid}/people", get(list_people))
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

/// The query of the people list (`API.md`, "Professional side").
#[derive(Deserialize)]
struct PeopleParams {
    q: Option<String>,
    referent: Option<String>,
    no_contact_days: Option<String>,
    papers_expiring: Option<String>,
    page: Option<String>,
}

async fn list_people(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
    Query(p): Query<PeopleParams>,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    // Malformed query parameters are refused like `page`'s: 400 `invalid_input`. A parameter
    // given empty or padded is malformed too (the page's form sends empty fields; the API
    // takes what its OpenAPI document says).
    for (name, value) in [
        ("referent", &p.referent),
        ("no_contact_days", &p.no_contact_days),
        ("papers_expiring", &p.papers_expiring),
    ] {
        if value
            .as_deref()
            .is_some_and(|v| v.is_empty() || v.trim() != v)
        {
            return Err(ApiError::invalid(format!(
                "{name} is empty or has spaces around it"
            )));
        }
    }
    let expiring = match p.papers_expiring.as_deref() {
        None | Some("false") => false,
        Some("true") => true,
        Some(_) => return Err(ApiError::invalid("papers_expiring must be true or false")),
    };
    let query = PeopleQuery {
        search: p.q,
        referent: people::parse_referent(p.referent.as_deref())
            .map_err(|_| ApiError::invalid("referent must be an account id or none"))?,
        quiet_days: people::parse_quiet_days(p.no_contact_days.as_deref()).map_err(|_| {
            ApiError::invalid(format!(
                "no_contact_days must be a whole number from 1 to {}",
                people::MAX_QUIET_DAYS
            ))
        })?,
        expiring,
        page: super::page_param(p.page.as_deref())?,
    };
    let page = s.app.people_page(&session, &sid, query).await?;
    ok(
        StatusCode::OK,
        serde_json::json!({
            "items": page.items,
            "page": page.page,
            "total": page.total,
            "next_page": page.has_next.then_some(page.page + 1),
        }),
    )
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
