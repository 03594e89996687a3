//! Share links in the JSON API (`API.md`, "Proofs"): make, list and revoke the links to one
//! document (`service/links.rs`). The link's own address (`/s/{token}`) is a page.

use super::{ApiResult, no_content, ok};
use crate::domain::ItemId;
use crate::service::NewLink;
use crate::web::AppState;
use crate::web::extract::{ApiJson, ApiSession};
use axum::Router;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::StatusCode;
use axum::routing::{delete, post};
use serde::Deserialize;
use serde_json::json;

const BODY_LIMIT: usize = 4 * 1024;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/documents/{id}/links",
            post(create)
                .get(list)
                .layer(DefaultBodyLimit::max(BODY_LIMIT)),
        )
        .route("/links/{id}", delete(revoke))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LinkBody {
    /// A whole number (`60` or `60.0`: JSON does not tell them apart).
    expires_in_minutes: serde_json::Value,
    pin: Option<String>,
    watermark: Option<String>,
    #[serde(default)]
    her_consent: bool,
}

async fn create(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<LinkBody>,
) -> ApiResult {
    let id = ItemId::parse(&id)?;
    let minutes = crate::domain::json_integer(&b.expires_in_minutes).ok_or_else(|| {
        crate::web::error::ApiError::invalid("expires_in_minutes must be a whole number.")
    })?;
    let link = s
        .app
        .create_link(
            &session,
            &id,
            NewLink {
                expires_in_minutes: minutes,
                pin: b.pin,
                watermark: b.watermark,
                her_consent: b.her_consent,
            },
        )
        .await?;
    ok(
        StatusCode::CREATED,
        json!({
            "id": link.id,
            "qr_svg": crate::web::pages::qr_svg(&link.url),
            "url": link.url,
            "expires_at": link.expires_at,
        }),
    )
}

async fn list(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(id): Path<String>,
) -> ApiResult {
    let id = ItemId::parse(&id)?;
    ok(StatusCode::OK, s.app.document_links(&session, &id).await?)
}

async fn revoke(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(id): Path<String>,
) -> ApiResult {
    s.app.revoke_link(&session, &id).await?;
    no_content()
}
