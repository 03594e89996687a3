//! Contacts, notes and events in the JSON API: one set of handlers for the three kinds.

use super::{ApiResult, no_content, ok};
use crate::domain::{BeneficiaryId, ItemId, StructureId};
use crate::service::{ItemKind, ServiceError};
use crate::web::AppState;
use crate::web::error::ApiError;
use crate::web::extract::{ApiJson, ApiSession};
use axum::Router;
use axum::extract::{FromRequestParts, MatchedPath};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::routing::{get, post, put};
use serde_json::{Map, Value};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/beneficiaries/{bid}/contacts", post(create).get(list))
        .route("/contacts/{id}", get(get_one).patch(update).delete(remove))
        .route("/contacts/{id}/shares/{sid}", put(share).delete(unshare))
        .route("/beneficiaries/{bid}/notes", post(create).get(list))
        .route("/notes/{id}", get(get_one).patch(update).delete(remove))
        .route("/notes/{id}/shares/{sid}", put(share).delete(unshare))
        .route("/beneficiaries/{bid}/events", post(create).get(list))
        .route("/events/{id}", get(get_one).patch(update).delete(remove))
        .route("/events/{id}/shares/{sid}", put(share).delete(unshare))
}

/// The kind of item a route is about, from its matched path (`/contacts/...`,
/// `/beneficiaries/{bid}/notes`...): one set of handlers serves the three kinds.
pub(crate) struct Kind(pub ItemKind);

impl<S: Send + Sync> FromRequestParts<S> for Kind {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        let path = parts
            .extensions
            .get::<MatchedPath>()
            .map(MatchedPath::as_str)
            .unwrap_or_default();
        item_kind_in_path(path)
            .map(Kind)
            .ok_or_else(|| ServiceError::NotFound.into())
    }
}

/// The kind a matched route path names (`/contacts/{id}`, `/beneficiaries/{bid}/notes`...).
pub(crate) fn item_kind_in_path(path: &str) -> Option<ItemKind> {
    ItemKind::ORGANIZER
        .into_iter()
        .find(|k| path.split('/').any(|segment| segment == k.plural()))
}

async fn create(
    Kind(kind): Kind,
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(bid): Path<String>,
    ApiJson(body): ApiJson<Map<String, Value>>,
) -> ApiResult {
    let bid = BeneficiaryId::parse(&bid)?;
    ok(
        StatusCode::CREATED,
        s.app.create_item(&session, &bid, kind, &body).await?,
    )
}

/// Every item of the kind without `page` (the contract before pagination), else that page of
/// 50 with its neighbours in a `Link` header.
async fn list(
    Kind(kind): Kind,
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(bid): Path<String>,
    Query(q): Query<super::PageQuery>,
) -> ApiResult {
    let Some(raw) = q.page.as_deref() else {
        let bid = BeneficiaryId::parse(&bid)?;
        return ok(
            StatusCode::OK,
            s.app.list_items(&session, &bid, kind).await?,
        );
    };
    let page = super::page_param(Some(raw))?;
    let bid = BeneficiaryId::parse(&bid)?;
    let found = s.app.items_page(&session, &bid, kind, page).await?;
    super::paged(
        found,
        &format!("/api/v1/beneficiaries/{bid}/{}", kind.plural()),
        &[],
    )
}

async fn get_one(
    Kind(kind): Kind,
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(id): Path<String>,
) -> ApiResult {
    let id = ItemId::parse(&id)?;
    ok(StatusCode::OK, s.app.get_item(&session, kind, &id).await?)
}

async fn update(
    Kind(kind): Kind,
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Map<String, Value>>,
) -> ApiResult {
    let id = ItemId::parse(&id)?;
    ok(
        StatusCode::OK,
        s.app.update_item(&session, kind, &id, &body).await?,
    )
}

async fn remove(
    Kind(kind): Kind,
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(id): Path<String>,
) -> ApiResult {
    let id = ItemId::parse(&id)?;
    s.app.delete_item(&session, kind, &id).await?;
    no_content()
}

async fn share(
    kind: Kind,
    state: State<AppState>,
    session: ApiSession,
    ids: Path<(String, String)>,
) -> ApiResult {
    set_share(kind, state, session, ids, true).await
}

async fn unshare(
    kind: Kind,
    state: State<AppState>,
    session: ApiSession,
    ids: Path<(String, String)>,
) -> ApiResult {
    set_share(kind, state, session, ids, false).await
}

async fn set_share(
    Kind(kind): Kind,
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((id, sid)): Path<(String, String)>,
    shared: bool,
) -> ApiResult {
    let id = ItemId::parse(&id)?;
    let sid = StructureId::parse(&sid)?;
    s.app
        .set_item_share(&session, kind, &id, &sid, shared)
        .await?;
    no_content()
}
