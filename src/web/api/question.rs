//! The optional security question in the JSON API (`API.md`, "Keeping in touch";
//! `service/auth/question.rs`): she sets, reads or removes it; anyone recovers with it.

use super::{ApiResult, no_content, ok};
use crate::service::{QuestionRecoverRequest, ServiceError};
use crate::web::AppState;
use crate::web::error::ApiError;
use crate::web::extract::{ApiJson, ApiSession, ClientAddr};
use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::routing::{post, put};
use serde::Deserialize;
use serde_json::json;

const BODY_LIMIT: usize = 4 * 1024;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/me/security-question",
            put(set)
                .get(get_question)
                .delete(remove)
                .layer(DefaultBodyLimit::max(BODY_LIMIT)),
        )
        .route(
            "/auth/recover/question",
            post(recover).layer(DefaultBodyLimit::max(BODY_LIMIT)),
        )
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionBody {
    question: String,
    answer: String,
}

async fn set(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    ApiJson(b): ApiJson<QuestionBody>,
) -> ApiResult {
    s.app
        .set_security_question(&session, &b.question, &b.answer)
        .await?;
    no_content()
}

async fn get_question(State(s): State<AppState>, ApiSession(session): ApiSession) -> ApiResult {
    match s.app.security_question(&session).await? {
        Some(q) => ok(StatusCode::OK, q),
        None => Err(ServiceError::NotFound.into()),
    }
}

async fn remove(State(s): State<AppState>, ApiSession(session): ApiSession) -> ApiResult {
    s.app.remove_security_question(&session).await?;
    no_content()
}

#[derive(Deserialize)]
struct RecoverBody {
    identifier: String,
    answer: String,
    new_password: String,
}

async fn recover(
    State(s): State<AppState>,
    ClientAddr(address): ClientAddr,
    ApiJson(b): ApiJson<RecoverBody>,
) -> ApiResult {
    s.app
        .recover_with_question(QuestionRecoverRequest {
            identifier: b.identifier,
            answer: b.answer,
            new_password: b.new_password,
            address,
        })
        .await
        .map_err(|e| {
            let mut out = ApiError::from(e);
            if out.code == "invalid_credentials" {
                out.message = "Wrong identifier or answer.".into();
            }
            out
        })?;
    ok(StatusCode::OK, json!({}))
}
