//! Service errors as HTTP answers: `{"error": {"code", "message"}}` for the API. Internal
//! causes are logged, never shown.

use crate::service::ServiceError;
use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub retry_after: Option<i64>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            retry_after: None,
        }
    }
    pub fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", "Not found.")
    }
    pub fn unauthenticated() -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "unauthenticated", "Log in first.")
    }
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "invalid_input", message)
    }

    /// The error for a status that a layer below the handlers chose (an extractor's
    /// rejection, the method router, a body limit): the API answers JSON whatever answered.
    pub fn for_status(status: StatusCode) -> Self {
        let (code, message) = match status {
            StatusCode::BAD_REQUEST => ("invalid_input", "Malformed request."),
            StatusCode::UNAUTHORIZED => ("unauthenticated", "Log in first."),
            StatusCode::FORBIDDEN => ("forbidden", "This action is not allowed for your account."),
            StatusCode::NOT_FOUND => ("not_found", "Not found."),
            StatusCode::METHOD_NOT_ALLOWED => (
                "method_not_allowed",
                "This method is not allowed here (see the Allow header).",
            ),
            StatusCode::CONFLICT => ("conflict", "Conflict."),
            StatusCode::PAYLOAD_TOO_LARGE => ("too_large", "The request body is too large."),
            StatusCode::UNSUPPORTED_MEDIA_TYPE => (
                "unsupported_media_type",
                "Send the body as JSON (Content-Type: application/json).",
            ),
            StatusCode::UNPROCESSABLE_ENTITY => ("invalid_input", "Rejected value."),
            StatusCode::TOO_MANY_REQUESTS => ("throttled", "Too many requests. Try again later."),
            s if s.is_server_error() => {
                ("internal", "Something went wrong on our side. Try again.")
            }
            _ => ("invalid_input", "The request cannot be served."),
        };
        Self::new(status, code, message)
    }
}

/// (status, code) of a service error: shared by the API and the pages.
pub fn classify(e: &ServiceError) -> (StatusCode, &'static str) {
    match e {
        ServiceError::InvalidCredentials => (StatusCode::UNAUTHORIZED, "invalid_credentials"),
        ServiceError::TotpRequired => (StatusCode::UNAUTHORIZED, "totp_required"),
        ServiceError::Unauthenticated => (StatusCode::UNAUTHORIZED, "unauthenticated"),
        ServiceError::TotpEnrollmentRequired => (StatusCode::FORBIDDEN, "totp_enrollment_required"),
        ServiceError::Throttled { .. } => (StatusCode::TOO_MANY_REQUESTS, "throttled"),
        ServiceError::NotFound => (StatusCode::NOT_FOUND, "not_found"),
        ServiceError::Forbidden => (StatusCode::FORBIDDEN, "forbidden"),
        ServiceError::AccessPending => (StatusCode::FORBIDDEN, "access_pending"),
        ServiceError::AccountDeactivated => (StatusCode::FORBIDDEN, "account_deactivated"),
        ServiceError::LicenceLapsed => (StatusCode::FORBIDDEN, "licence_lapsed"),
        ServiceError::FeatureOff => (StatusCode::FORBIDDEN, "feature_off"),
        ServiceError::UnsupportedType("pdf-active-content") => {
            (StatusCode::UNSUPPORTED_MEDIA_TYPE, "pdf_not_checkable")
        }
        ServiceError::UnsupportedType(_) => {
            (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_type")
        }
        ServiceError::TooLarge(code) => (StatusCode::PAYLOAD_TOO_LARGE, code),
        ServiceError::Conflict(code) => (StatusCode::CONFLICT, code),
        ServiceError::Invalid(i) => (StatusCode::UNPROCESSABLE_ENTITY, i.code),
        ServiceError::WeakPassword(_) => (StatusCode::UNPROCESSABLE_ENTITY, "weak_password"),
        ServiceError::ConsentRequired => (StatusCode::UNPROCESSABLE_ENTITY, "consent_required"),
        ServiceError::WrongCode => (StatusCode::UNPROCESSABLE_ENTITY, "wrong_code"),
        ServiceError::StorageFull => (StatusCode::INSUFFICIENT_STORAGE, "storage_full"),
        ServiceError::Store(_) | ServiceError::Vault(_) | ServiceError::Internal(_) => {
            (StatusCode::INTERNAL_SERVER_ERROR, "internal")
        }
    }
}

fn api_message(e: &ServiceError) -> String {
    match e {
        ServiceError::InvalidCredentials => "Wrong identifier or password.".into(),
        ServiceError::TotpRequired => "A valid code from the authenticator app is required.".into(),
        ServiceError::Unauthenticated => "Log in first.".into(),
        ServiceError::TotpEnrollmentRequired => {
            "Set up the second factor first (POST /api/v1/me/totp).".into()
        }
        ServiceError::Throttled { retry_after } => {
            format!("Too many attempts. Try again in {retry_after} seconds.")
        }
        ServiceError::NotFound => "Not found.".into(),
        ServiceError::Forbidden => "This action is not allowed for your account.".into(),
        ServiceError::UnsupportedType("pdf-active-content") => {
            "This PDF is too large to be cleaned and contains scripts, attached files or parts that cannot be checked: save it again as PDF or send it in smaller files.".into()
        }
        ServiceError::UnsupportedType(_) => {
            "This type of file is not accepted: send a photo (JPEG, PNG, WebP) or a PDF.".into()
        }
        ServiceError::TooLarge("quota_exceeded") => {
            "The safe is full: delete documents you no longer need.".into()
        }
        ServiceError::TooLarge("photo_too_large") => {
            "This photo is too large: take it again with a lower resolution, or send a PDF.".into()
        }
        ServiceError::TooLarge("too_many_pixels") => {
            "This image has too many pixels to be processed: take it again with a lower resolution, or send a PDF.".into()
        }
        ServiceError::TooLarge("pdf_too_complex") => {
            "This PDF unpacks to too much data to be processed: save it again as PDF (Print, then Save as PDF) or send it in smaller files.".into()
        }
        ServiceError::TooLarge("scan_too_large") => {
            "These photos are too large together: send fewer pages at once, or take them with a lower resolution.".into()
        }
        ServiceError::TooLarge("field_too_long") => format!(
            "A text part of the form (name, folder_id...) is too long: at most {} bytes.",
            super::TEXT_PART_LIMIT
        ),
        ServiceError::TooLarge(_) => "The file is too large for this server's limit.".into(),
        ServiceError::AccessPending => {
            "An admin of your structure who holds its key must approve your access.".into()
        }
        ServiceError::AccountDeactivated => {
            "This account was deactivated by your structure: ask its admin.".into()
        }
        ServiceError::LicenceLapsed => {
            "The structure's licence has ended: it cannot open new safes until the operator records a new one. People keep access to their safes.".into()
        }
        ServiceError::FeatureOff => {
            "The operator has switched this feature off for this structure. What people already received stays readable in their safes.".into()
        }
        ServiceError::Conflict(code) => format!("Conflict: {code}."),
        ServiceError::Invalid(i) => format!("Invalid value for {}: {}.", i.field, i.code),
        ServiceError::WeakPassword(r) => format!(
            "Password refused ({}): use at least 8 characters, a long sentence works best, without names or birth date.",
            r.code()
        ),
        ServiceError::ConsentRequired => "The person's consent is required.".into(),
        ServiceError::WrongCode => "Wrong code.".into(),
        ServiceError::StorageFull => "Storage is full. Try again later.".into(),
        ServiceError::Store(_) | ServiceError::Vault(_) | ServiceError::Internal(_) => {
            "Something went wrong on our side. Try again.".into()
        }
    }
}

impl ApiError {
    /// A recovery's error: a wrong identifier or code says so, never "password" (the person
    /// is there because she lost it).
    pub fn recovery(e: ServiceError) -> Self {
        let mut out = Self::from(e);
        if out.code == "invalid_credentials" {
            out.message = "Wrong identifier or code: check both (the identifier and the code are on the recovery sheet, or the code came from your relais).".into();
        }
        out
    }
}

impl From<ServiceError> for ApiError {
    fn from(e: ServiceError) -> Self {
        let (status, code) = classify(&e);
        if status.is_server_error() {
            tracing::error!(error = %e, "request failed");
        }
        let retry_after = match e {
            ServiceError::Throttled { retry_after } => Some(retry_after.max(1)),
            _ => None,
        };
        Self {
            status,
            code,
            message: api_message(&e),
            retry_after,
        }
    }
}

/// A malformed id in a path or a body: the service's not found.
impl From<crate::domain::MalformedId> for ApiError {
    fn from(e: crate::domain::MalformedId) -> Self {
        ServiceError::from(e).into()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": { "code": self.code, "message": self.message } });
        let mut res = (self.status, Json(body)).into_response();
        if let Some(secs) = self.retry_after
            && let Ok(v) = HeaderValue::from_str(&secs.to_string())
        {
            res.headers_mut().insert(header::RETRY_AFTER, v);
        }
        res
    }
}
