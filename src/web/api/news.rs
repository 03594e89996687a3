//! Structure news in the JSON API (`API.md`, "Keeping in touch"): its members post, list and
//! remove; she reads what was posted to her, in her language, and hides a post.

use super::{ApiResult, no_content, ok};
use crate::domain::{BeneficiaryId, NewsId, StructureId};
use crate::service::news::{NewsInput, delete_news, dismiss_news, her_news, news_of, post_news};
use crate::web::AppState;
use crate::web::extract::{ApiJson, ApiSession};
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{delete, get, post};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/structures/{sid}/news", get(list).post(create))
        .route("/structures/{sid}/news/{nid}", delete(remove))
        .route("/beneficiaries/{bid}/news", get(hers))
        .route("/beneficiaries/{bid}/news/{nid}/dismiss", post(dismiss))
}

async fn create(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
    ApiJson(body): ApiJson<NewsInput>,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    ok(
        StatusCode::CREATED,
        post_news(&s.app, &session, &sid, body).await?,
    )
}

async fn list(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    ok(StatusCode::OK, news_of(&s.app, &session, &sid).await?)
}

async fn remove(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((sid, nid)): Path<(String, String)>,
) -> ApiResult {
    let (sid, nid) = (StructureId::parse(&sid)?, NewsId::parse(&nid)?);
    delete_news(&s.app, &session, &sid, &nid).await?;
    no_content()
}

async fn hers(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(bid): Path<String>,
) -> ApiResult {
    let bid = BeneficiaryId::parse(&bid)?;
    let lang = session.keys.language.clone();
    ok(
        StatusCode::OK,
        her_news(&s.app, &session, &bid, &lang).await?,
    )
}

async fn dismiss(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((bid, nid)): Path<(String, String)>,
) -> ApiResult {
    let (bid, nid) = (BeneficiaryId::parse(&bid)?, NewsId::parse(&nid)?);
    dismiss_news(&s.app, &session, &bid, &nid).await?;
    no_content()
}
