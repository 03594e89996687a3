//! HTTP: the pages and the JSON API, two faces of the same services. Handlers are thin:
//! extract, call a service, render. No SQL and no cryptography here.

pub(crate) mod api;
mod compress;
mod error;
mod extract;
mod multipart;
mod pages;
mod server;

use crate::i18n::Catalogs;
use crate::service::App;
use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::sync::Arc;

pub use extract::{ClientAddr, SESSION_COOKIE, SESSION_COOKIE_INSECURE};
pub use server::serve;

/// Longest text part of a multipart form (decoded bytes): names, ids and tokens are far
/// shorter (`multipart.rs` refuses more, `error.rs` says so).
pub const TEXT_PART_LIMIT: usize = 4 * 1024;

#[derive(Debug, Clone)]
pub struct AppState {
    pub app: App,
    pub catalogs: Arc<Catalogs>,
}

/// Largest JSON or form body accepted (uploads get their own limit later): room for the
/// longest note (20 000 characters) even when each is escaped as a 12-byte surrogate pair.
const BODY_LIMIT: usize = 256 * 1024;

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/health", get(|| async { "ok" }))
        .nest("/api/v1", api::router(&state))
        .route("/oauth/token", axum::routing::post(api::partners::token))
        .route("/calendar/{file}", get(api::calendar_feed_ics))
        .merge(pages::router())
        .fallback(not_found)
        .layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security_headers,
        ))
        .layer(middleware::from_fn(compress::gzip))
        .with_state(state)
}

/// What logging out sends, from a page or from the API (SECURITY.md, "Sessions"): the
/// browser forgets every cache, cookie and storage of the site (shared computers).
pub(crate) fn clear_site_data(res: &mut Response) {
    res.headers_mut().insert(
        header::HeaderName::from_static("clear-site-data"),
        HeaderValue::from_static("\"cache\", \"cookies\", \"storage\""),
    );
}

async fn not_found(State(state): State<AppState>, req: Request) -> Response {
    if req.uri().path().starts_with("/api/") {
        error::ApiError::not_found().into_response()
    } else {
        pages::not_found_page(&state, &req).into_response()
    }
}

/// Headers every response carries (SECURITY.md, "Web" and "Sessions").
async fn security_headers(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let is_static = req.uri().path().starts_with("/static/");
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    let set = |h: &mut axum::http::HeaderMap, name: header::HeaderName, value: &'static str| {
        h.insert(name, HeaderValue::from_static(value));
    };
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        set(
            h,
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        );
    }
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(h, header::REFERRER_POLICY, "no-referrer");
    set(h, header::X_FRAME_OPTIONS, "DENY");
    set(
        h,
        header::HeaderName::from_static("permissions-policy"),
        "camera=(self), geolocation=(), microphone=()",
    );
    set(
        h,
        header::HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    if is_static {
        set(h, header::CACHE_CONTROL, "public, max-age=3600");
    } else {
        // Shared computers: nothing a person saw may come back from a cache.
        set(h, header::CACHE_CONTROL, "no-store");
    }
    if state.app.config.is_https() {
        set(
            h,
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=31536000; includeSubDomains",
        );
    }
    res
}
