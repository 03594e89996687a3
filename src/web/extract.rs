//! Extractors: who is calling (session from cookie or bearer token), from which address, in
//! which language, and JSON bodies that fail with the API's error format.

use super::AppState;
use super::error::ApiError;
use crate::i18n::Locale;
use crate::service::partners::{SCOPE_DOCUMENTS_WRITE, SCOPE_SAFES_CREATE, SCOPE_SHARED_READ};
use crate::service::{Session, Stage};
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, StatusCode, header};
use serde::de::DeserializeOwned;
use std::net::{IpAddr, SocketAddr};

pub const SESSION_COOKIE: &str = "__Host-consigne_session";
/// Plain-HTTP development cannot use the `__Host-` prefix (it requires `Secure`).
pub const SESSION_COOKIE_INSECURE: &str = "consigne_session";
pub const CSRF_COOKIE: &str = "__Host-consigne_csrf";
pub const CSRF_COOKIE_INSECURE: &str = "consigne_csrf";
pub const LANG_COOKIE: &str = "consigne_lang";

pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

pub fn session_cookie_name(state: &AppState) -> &'static str {
    if state.app.config.is_https() {
        SESSION_COOKIE
    } else {
        SESSION_COOKIE_INSECURE
    }
}

pub fn csrf_cookie_name(state: &AppState) -> &'static str {
    if state.app.config.is_https() {
        CSRF_COOKIE
    } else {
        CSRF_COOKIE_INSECURE
    }
}

/// `Set-Cookie` value with the attributes SECURITY.md asks for.
pub fn set_cookie(state: &AppState, name: &str, value: &str, max_age: Option<i64>) -> String {
    let secure = if state.app.config.is_https() {
        "; Secure"
    } else {
        ""
    };
    let age = max_age
        .map(|a| format!("; Max-Age={a}"))
        .unwrap_or_default();
    format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict{secure}{age}")
}

/// The caller's address; `X-Forwarded-For` is believed only from a configured proxy.
#[derive(Debug, Clone, Copy)]
pub struct ClientAddr(pub IpAddr);

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(IpAddr::from([127, 0, 0, 1]), |c| c.0.ip());
        if state.app.config.security.trusted_proxies.contains(&peer)
            && let Some(forwarded) = parts
                .headers
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok())
            && let Some(last) = forwarded
                .split(',')
                .filter_map(|a| a.trim().parse::<IpAddr>().ok())
                .next_back()
        {
            return Ok(Self(last));
        }
        Ok(Self(peer))
    }
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

/// The caller's session, from the bearer header or the cookie (with its CSRF header); a
/// partner software's token only on the routes its scopes open (`check_scope`).
pub(crate) async fn api_session(parts: &Parts, state: &AppState) -> Result<Session, ApiError> {
    let session = caller_session(parts, state).await?;
    if let Some(software) = &session.software {
        let path = parts
            .extensions
            .get::<axum::extract::MatchedPath>()
            .map_or_else(|| parts.uri.path(), axum::extract::MatchedPath::as_str);
        check_scope(software, &parts.method, path)?;
    }
    Ok(session)
}

async fn caller_session(parts: &Parts, state: &AppState) -> Result<Session, ApiError> {
    if let Some(token) = bearer(&parts.headers) {
        return state.app.authenticate(token).await.map_err(ApiError::from);
    }
    let token =
        cookie(&parts.headers, session_cookie_name(state)).ok_or_else(ApiError::unauthenticated)?;
    let session = state
        .app
        .authenticate(token)
        .await
        .map_err(ApiError::from)?;
    // A cookie rides along on cross-site requests; a header cannot be forged by another site.
    if !matches!(parts.method, Method::GET | Method::HEAD) {
        let sent = parts
            .headers
            .get("x-csrf-token")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        if !constant_eq(sent, &session.csrf) {
            return Err(ApiError::new(
                axum::http::StatusCode::FORBIDDEN,
                "forbidden",
                "Missing or wrong X-CSRF-Token header.",
            ));
        }
    }
    Ok(session)
}

pub fn constant_eq(a: &str, b: &str) -> bool {
    use subtle::ConstantTimeEq;
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

/// What a person who has not accepted the terms in force may still do with a complete
/// session (`service/onboarding.rs`): accept them, finish the guide, export everything (the L103
/// commitment does not wait for her acceptance). Reading the terms, her account and logging
/// out need no complete session. `path` is inside `/api/v1`.
fn terms_exempt(path: &str) -> bool {
    let path = path.strip_prefix("/api/v1").unwrap_or(path);
    matches!(path, "/me/terms" | "/me/guide")
        || path
            .strip_prefix("/beneficiaries/")
            .is_some_and(|rest| rest.ends_with("/export") && rest.matches('/').count() == 1)
}

/// An API caller with a complete session (for a person, the terms in force accepted, except
/// on the few endpoints `terms_exempt` lists).
#[derive(Debug)]
pub struct ApiSession(pub Session);

impl FromRequestParts<AppState> for ApiSession {
    type Rejection = ApiError;
    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let s = api_session(parts, state).await?;
        if s.keys.onboarding.terms_pending && !terms_exempt(parts.uri.path()) {
            return Err(ApiError::new(
                axum::http::StatusCode::FORBIDDEN,
                "terms_not_accepted",
                "Accept the terms of use first (GET /api/v1/terms, then POST /api/v1/me/terms).",
            ));
        }
        match s.stage {
            Stage::Full => Ok(Self(s)),
            Stage::EnrollTotp => Err(crate::service::ServiceError::TotpEnrollmentRequired.into()),
            Stage::TotpPending => Err(ApiError::unauthenticated()),
        }
    }
}

/// An API caller who may still have to enrol the second factor (`/me`, `/me/totp*`, logout).
#[derive(Debug)]
pub struct ApiSessionAny(pub Session);

impl FromRequestParts<AppState> for ApiSessionAny {
    type Rejection = ApiError;
    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let s = api_session(parts, state).await?;
        if s.stage == Stage::TotpPending {
            return Err(ApiError::unauthenticated());
        }
        Ok(Self(s))
    }
}

/// A JSON body; malformed input is a 400 in the API's error format, never a panic.
#[derive(Debug)]
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for ApiJson<T> {
    type Rejection = ApiError;
    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        use axum::extract::rejection::JsonRejection;
        // Read as a JSON value first: every body of this API is an object, and serde would
        // otherwise fill a struct from an array, field by field.
        match axum::Json::<serde_json::Value>::from_request(req, state).await {
            Ok(axum::Json(v)) if v.is_object() => serde_json::from_value(v)
                .map(Self)
                .map_err(|e| ApiError::invalid(format!("Malformed JSON body: {e}"))),
            Ok(_) => Err(ApiError::invalid("The body must be a JSON object.")),
            // Over the body limit: 413, as API.md says for anything too large.
            Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Err(ApiError::for_status(StatusCode::PAYLOAD_TOO_LARGE))
            }
            Err(JsonRejection::MissingJsonContentType(_)) => Err(ApiError::invalid(
                "Send the body as JSON (Content-Type: application/json).",
            )),
            Err(rejection) => Err(ApiError::invalid(format!(
                "Malformed JSON body: {}",
                rejection.body_text()
            ))),
        }
    }
}

/// The language of a page: the account's, else the picker's cookie, else the browser's.
pub fn page_locale(state: &AppState, headers: &HeaderMap, session: Option<&Session>) -> Locale {
    let lang = session
        .map(|s| s.keys.language.clone())
        .or_else(|| cookie(headers, LANG_COOKIE).map(str::to_owned))
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Locale::negotiate)
                .map(str::to_owned)
        })
        .unwrap_or_else(|| state.app.config.default_language.clone());
    Locale::new(state.catalogs.clone(), &lang)
}

/// What each scope opens to a partner's token: `(method, route inside /api/v1, scopes any of
/// which is enough)`. Anything else answers 403 `insufficient_scope`.
const SCOPED_ROUTES: &[(&str, &str, &[&str])] = &[
    (
        "POST",
        "/structures/{sid}/beneficiaries",
        &[SCOPE_SAFES_CREATE],
    ),
    (
        "PUT",
        "/structures/{sid}/beneficiaries/{bid}/external-id",
        &[SCOPE_SAFES_CREATE],
    ),
    (
        "GET",
        "/structures/{sid}/external-ids/{external_id}",
        &[SCOPE_SAFES_CREATE, SCOPE_DOCUMENTS_WRITE, SCOPE_SHARED_READ],
    ),
    (
        "POST",
        "/beneficiaries/{bid}/documents",
        &[SCOPE_DOCUMENTS_WRITE],
    ),
    (
        "GET",
        "/structures/{sid}/beneficiaries",
        &[SCOPE_SHARED_READ],
    ),
    (
        "GET",
        "/beneficiaries/{bid}/documents",
        &[SCOPE_SHARED_READ],
    ),
    ("GET", "/documents/{id}", &[SCOPE_SHARED_READ]),
    ("GET", "/documents/{id}/content", &[SCOPE_SHARED_READ]),
];

/// The scopes that open route `path` (as the router matched it) to `method`, if any.
pub fn route_scopes(method: &Method, path: &str) -> Option<&'static [&'static str]> {
    let path = path.strip_prefix("/api/v1").unwrap_or(path);
    SCOPED_ROUTES
        .iter()
        .find(|(m, p, _)| *m == method.as_str() && *p == path)
        .map(|(_, _, s)| *s)
}

/// A partner's token on a route none of its scopes opens: 403 `insufficient_scope`.
pub(crate) fn check_scope(
    software: &crate::service::Software,
    method: &Method,
    path: &str,
) -> Result<(), ApiError> {
    match route_scopes(method, path) {
        Some(scopes) if scopes.iter().any(|s| software.has_scope(s)) => Ok(()),
        _ => Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "insufficient_scope",
            "This token's scopes do not allow this call.",
        )),
    }
}
