//! A structure's printed kit in the API (API.md, "Keeping in touch"): `GET
//! /structures/{sid}/kit/{poster|flyer|card}.pdf?lang=&size=`.

use super::{ApiResult, content_response};
use crate::domain::StructureId;
use crate::service::ServiceError;
use crate::service::kit::{KitDocument, kit_pdf};
use crate::web::AppState;
use crate::web::error::ApiError;
use crate::web::extract::ApiSession;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::routing::get;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new().route("/structures/{sid}/kit/{file}", get(kit))
}

/// `lang`: an interface language (the caller's by default); `size`: the poster's paper.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct KitQuery {
    pub lang: Option<String>,
    pub size: Option<String>,
}

async fn kit(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((sid, file)): Path<(String, String)>,
    Query(q): Query<KitQuery>,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    let document = KitDocument::parse(&file, q.size.as_deref())
        .map_err(ServiceError::from)?
        .ok_or_else(ApiError::not_found)?;
    let lang = q.lang.unwrap_or_else(|| session.keys.language.clone());
    let pdf = kit_pdf(&s.app, s.catalogs.clone(), &session, &sid, document, &lang).await?;
    Ok(content_response(
        "application/pdf",
        &document.file_name(&lang),
        pdf,
        false,
    ))
}
