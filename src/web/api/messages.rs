//! Messages between a person and her relais in the JSON API (`API.md`, "Keeping in touch"):
//! her threads, the team inbox, a thread's messages (read marks move), writing, closing.

use super::{ApiResult, no_content, ok};
use crate::domain::{BeneficiaryId, StructureId, ThreadId};
use crate::service::messages::{
    MessageInput, MessageView, NewThreadInput, close_thread, thread_messages, threads_of_person,
    threads_of_structure, write_in_thread, write_to_relay,
};
use crate::web::AppState;
use crate::web::extract::{ApiJson, ApiSession};
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use serde::Serialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/beneficiaries/{bid}/threads", get(hers).post(start))
        .route("/structures/{sid}/threads", get(inbox))
        .route("/threads/{tid}/messages", get(messages).post(write))
        .route("/threads/{tid}/close", post(close))
}

async fn hers(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(bid): Path<String>,
) -> ApiResult {
    let bid = BeneficiaryId::parse(&bid)?;
    ok(
        StatusCode::OK,
        threads_of_person(&s.app, &session, &bid).await?,
    )
}

/// Her message and the thread it went to.
#[derive(Serialize)]
struct Started {
    thread_id: ThreadId,
    #[serde(flatten)]
    message: MessageView,
}

async fn start(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(bid): Path<String>,
    ApiJson(body): ApiJson<NewThreadInput>,
) -> ApiResult {
    let bid = BeneficiaryId::parse(&bid)?;
    let (thread_id, message) = write_to_relay(&s.app, &session, &bid, body).await?;
    ok(StatusCode::CREATED, Started { thread_id, message })
}

async fn inbox(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    ok(
        StatusCode::OK,
        threads_of_structure(&s.app, &session, &sid).await?,
    )
}

async fn messages(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(tid): Path<String>,
) -> ApiResult {
    let tid = ThreadId::parse(&tid)?;
    ok(
        StatusCode::OK,
        thread_messages(&s.app, &session, &tid).await?,
    )
}

async fn write(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(tid): Path<String>,
    ApiJson(body): ApiJson<MessageInput>,
) -> ApiResult {
    let tid = ThreadId::parse(&tid)?;
    ok(
        StatusCode::CREATED,
        write_in_thread(&s.app, &session, &tid, body).await?,
    )
}

async fn close(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(tid): Path<String>,
) -> ApiResult {
    let tid = ThreadId::parse(&tid)?;
    close_thread(&s.app, &session, &tid).await?;
    no_content()
}
