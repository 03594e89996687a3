//! The terms and information page and the first visit guide in the JSON API
//! (`service/onboarding.rs`): read the terms in force in a language, accept them, mark the
//! guide done (an app that shows its own).

use super::{ApiResult, no_content, ok};
use crate::web::AppState;
use crate::web::extract::{ApiJson, ApiSession};
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use serde::Deserialize;
use serde_json::json;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/terms", get(terms))
        .route("/me/terms", post(accept))
        .route("/me/guide", post(guide_done))
}

#[derive(Deserialize)]
struct LangQuery {
    lang: Option<String>,
}

/// The terms in force, in `lang` (else the default language).
async fn terms(State(s): State<AppState>, Query(q): Query<LangQuery>) -> ApiResult {
    let lang = match q.lang.as_deref() {
        Some(l) => crate::domain::Language::parse(l)
            .map_err(crate::service::ServiceError::Invalid)?
            .code()
            .to_owned(),
        None => s.app.config.default_language.clone(),
    };
    let locale = crate::i18n::Locale::new(s.catalogs.clone(), &lang);
    let sections: Vec<_> = crate::web::pages::terms_sections(&locale, &s.app.config.public_url)
        .into_iter()
        .map(|(id, title, text)| json!({"id": id, "title": title, "text": text}))
        .collect();
    ok(
        StatusCode::OK,
        json!({
            "version": s.app.terms_version(),
            "language": lang,
            "title": locale.t("terms-title"),
            "sections": sections,
        }),
    )
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AcceptBody {
    version: String,
}

async fn accept(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    ApiJson(b): ApiJson<AcceptBody>,
) -> ApiResult {
    s.app.accept_terms(&session, &b.version).await?;
    no_content()
}

async fn guide_done(State(s): State<AppState>, ApiSession(session): ApiSession) -> ApiResult {
    s.app.finish_guide(&session).await?;
    no_content()
}
