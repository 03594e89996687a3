//! CSV imports in the JSON API (`API.md`, "Operations"; `service/imports.rs`): professionals
//! into a structure, structures into the platform, and an imported professional's activation.
//! A file with any bad line answers 422 with every line's error and writes nothing.

use super::{ApiResult, ok};
use crate::domain::StructureId;
use crate::service::imports::{ImportCheck, MAX_CSV_BYTES};
use crate::service::{Imported, ServiceError};
use crate::web::AppState;
use crate::web::error::ApiError;
use crate::web::extract::{ApiJson, ApiSession};
use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::post;
use serde::Deserialize;
use serde_json::json;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/structures/{sid}/professionals/import",
            post(import_professionals).layer(DefaultBodyLimit::max(MAX_CSV_BYTES)),
        )
        .route(
            "/structures/import",
            post(import_structures).layer(DefaultBodyLimit::max(MAX_CSV_BYTES)),
        )
        .route("/auth/activate", post(activate))
}

/// What a line's error code means, for people reading the API's answer.
pub(crate) fn line_message(code: &str) -> &'static str {
    match code {
        "not_utf8" => "The file is not UTF-8 text: save it as CSV UTF-8.",
        "unterminated_quote" => "A quoted field is not closed.",
        "stray_quote" => {
            "A quote inside a field that is not quoted (quote the field and double the quote)."
        }
        "empty_file" => "The file is empty.",
        "wrong_header" => "The first line must be the header named in the documentation.",
        "too_many_rows" => "Too many lines: import the file in smaller parts.",
        "wrong_field_count" => "Wrong number of fields on this line.",
        "display_name_required" => "The name is missing.",
        "display_name_too_long" => "The name is too long (at most 80 characters).",
        "invalid_email" => "This e-mail address is not valid.",
        "invalid_role" => "The role must be member or admin.",
        "duplicate_in_file" => "This line repeats an earlier line of the file.",
        "email_taken" => "An account (or an invitation) already uses this e-mail address.",
        "name_required" => "The name is missing.",
        "name_too_long" => "The name is too long (at most 120 characters).",
        "invalid_kind" => "The kind must be relay or mediation.",
        "city_too_long" => "The city is too long (at most 80 characters).",
        "invalid_budget" => "The annual budget must be a whole number of euros.",
        "name_taken" => "A structure of this name already exists in this city.",
        _ => "This line cannot be imported.",
    }
}

/// 422 with every error of the file (and the API's usual `error` object).
fn refused(check: &ImportCheck) -> ApiResult {
    let errors: Vec<_> = check
        .errors()
        .into_iter()
        .map(|e| json!({"line": e.line, "code": e.code, "message": line_message(e.code)}))
        .collect();
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        axum::Json(json!({
            "error": {"code": "invalid_csv", "message": "Nothing was imported: correct the lines listed in errors."},
            "errors": errors,
        })),
    )
        .into_response())
}

/// The body must be declared as CSV.
fn csv_body(headers: &HeaderMap, body: Bytes) -> Result<Vec<u8>, ApiError> {
    let is_csv = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("text/csv"));
    if !is_csv {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "Send the file as text/csv.",
        ));
    }
    Ok(body.to_vec())
}

async fn import_professionals(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    let csv = csv_body(&headers, body)?;
    match s.app.import_professionals(&session, &sid, csv).await? {
        Imported::Done(done) => ok(StatusCode::OK, done),
        Imported::Refused(check) => refused(&check),
    }
}

async fn import_structures(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult {
    let csv = csv_body(&headers, body)?;
    match s.app.import_structures(&session, csv).await? {
        Imported::Done(done) => ok(StatusCode::OK, done),
        Imported::Refused(check) => refused(&check),
    }
}

#[derive(Deserialize)]
struct ActivateBody {
    code: String,
    password: String,
}

/// An imported professional chooses her password: 201 with her membership (`pending` until an
/// admin approves her); an unknown, used or expired code is 404.
async fn activate(State(s): State<AppState>, ApiJson(b): ApiJson<ActivateBody>) -> ApiResult {
    let p = s
        .app
        .activate_professional(&b.code, &b.password)
        .await
        .map_err(|e| match e {
            ServiceError::Invalid(_) => ServiceError::NotFound,
            other => other,
        })?;
    ok(
        StatusCode::CREATED,
        json!({ "id": p.id, "email": p.email, "role": p.role, "status": p.status, "has_access": p.has_access }),
    )
}
