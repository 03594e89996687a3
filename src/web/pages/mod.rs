//! Server-rendered pages: mobile-first, plain forms that work without JavaScript, every string
//! from the catalogue, `lang`/`dir` from the language.

mod admin;
mod auth;
mod calendar;
mod documents;
mod icons;
mod organizer;
mod person;
mod pro;
mod resets;
mod team;

use super::AppState;
use super::error::classify;
use super::extract::{
    LANG_COOKIE, constant_eq, cookie, csrf_cookie_name, page_locale, session_cookie_name,
    set_cookie,
};
use crate::i18n::{Locale, SUPPORTED, native_name};
use crate::service::{Page, PageNumber, ServiceError, Session, Stage};
use axum::Router;
use axum::extract::{FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use maud::{DOCTYPE, Markup, PreEscaped, html};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/static/app.css",
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
                    include_str!("../static/app.css"),
                )
            }),
        )
        .route(
            "/static/app.js",
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
                    include_str!("../static/app.js"),
                )
            }),
        )
        .route("/favicon.ico", get(|| async { StatusCode::NO_CONTENT }))
        .merge(auth::router())
        .merge(documents::router())
        .merge(calendar::router())
        .merge(organizer::router())
        .merge(person::router())
        .merge(pro::router())
        .merge(team::router())
        .merge(resets::router())
        .merge(admin::router())
}

/// Everything a page handler needs about the request.
#[derive(Debug)]
pub struct Ctx {
    pub state: AppState,
    pub session: Option<Session>,
    pub locale: Locale,
    /// The token forms must echo: the session's, or the anonymous cookie's.
    pub csrf: String,
    new_csrf_cookie: bool,
    same_origin: bool,
    is_post: bool,
    /// The request comes from app.js's upload (it shows progress, then follows the location).
    pub xhr_upload: bool,
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let session = match cookie(&parts.headers, session_cookie_name(state)) {
            Some(token) => state.app.authenticate(token).await.ok(),
            None => None,
        };
        let locale = page_locale(state, &parts.headers, session.as_ref());
        let (csrf, new_csrf_cookie) =
            match (&session, cookie(&parts.headers, csrf_cookie_name(state))) {
                (Some(s), _) => (s.csrf.clone(), false),
                (None, Some(c)) if c.len() == 32 && c.chars().all(|ch| ch.is_ascii_hexdigit()) => {
                    (c.to_owned(), false)
                }
                (None, _) => (hex::encode(consigne_vault::random_bytes::<16>()), true),
            };
        Ok(Self {
            same_origin: same_origin(&parts.headers),
            is_post: parts.method == Method::POST,
            xhr_upload: parts.headers.contains_key("x-consigne-upload"),
            state: state.clone(),
            session,
            locale,
            csrf,
            new_csrf_cookie,
        })
    }
}

/// A form's `Origin`, when the browser sends one, must be this site. Under this site's own
/// `Referrer-Policy: no-referrer`, browsers send `Origin: null` with every form they post, so a
/// null (or missing) origin is judged by the fetch metadata, when there is some.
fn same_origin(headers: &HeaderMap) -> bool {
    let value = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    match value(header::ORIGIN) {
        None | Some("null") => value(header::HeaderName::from_static("sec-fetch-site"))
            .is_none_or(|site| site == "same-origin"),
        Some(origin) => {
            let host = value(header::HOST).unwrap_or_default();
            origin.split_once("://").is_some_and(|(_, h)| h == host)
        }
    }
}

impl Ctx {
    pub fn t(&self, id: &str) -> String {
        self.locale.t(id)
    }

    /// A message with arguments.
    pub fn ta(&self, id: &str, args: &[(&str, fluent_bundle::FluentValue<'_>)]) -> String {
        self.locale.ta(id, args)
    }

    /// A state-changing form is accepted only with the right token from this site.
    pub fn csrf_ok(&self, sent: &str) -> bool {
        self.is_post && self.same_origin && !self.new_csrf_cookie && constant_eq(sent, &self.csrf)
    }

    pub fn csrf_field(&self) -> Markup {
        html! { input type="hidden" name="_csrf" value=(self.csrf); }
    }

    /// The page with headers: the anonymous CSRF cookie when it is new.
    pub fn render(&self, status: StatusCode, title: &str, body: Markup) -> Response {
        let mut res = (status, layout(self, title, body)).into_response();
        if self.new_csrf_cookie {
            self.add_cookie(
                &mut res,
                csrf_cookie_name(&self.state),
                &self.csrf.clone(),
                None,
            );
        }
        res
    }

    pub fn page(&self, title: &str, body: Markup) -> Response {
        self.render(StatusCode::OK, title, body)
    }

    pub fn add_cookie(&self, res: &mut Response, name: &str, value: &str, max_age: Option<i64>) {
        if let Ok(v) = HeaderValue::from_str(&set_cookie(&self.state, name, value, max_age)) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }

    /// A short, translated message that says what to do.
    pub fn error_text(&self, e: &ServiceError) -> String {
        match e {
            ServiceError::Throttled { retry_after } => {
                let minutes = (retry_after + 59) / 60;
                self.locale
                    .ta("error-throttled", &[("minutes", minutes.into())])
            }
            ServiceError::WeakPassword(r) => {
                self.t(&format!("error-{}", r.code().replace('_', "-")))
            }
            ServiceError::Invalid(i) => {
                format!(
                    "{} {}",
                    self.t(&format!("field-{}", i.field.replace('_', "-"))),
                    self.t(&format!("error-input-{}", i.code.replace('_', "-")))
                )
            }
            ServiceError::TooLarge("too_many_pixels") => self.ta(
                "error-image-too-large",
                &[("max", self.state.app.config.media.max_megapixels.into())],
            ),
            ServiceError::TooLarge("pdf_too_complex") => self.t("error-pdf-too-complex"),
            ServiceError::TooLarge(
                code @ ("file_too_large" | "photo_too_large" | "scan_too_large"),
            ) => {
                let storage = &self.state.app.config.storage;
                let (id, max) = match *code {
                    "photo_too_large" => ("error-photo-too-large", storage.in_memory_mb),
                    "scan_too_large" => ("error-scan-too-large", storage.in_memory_mb),
                    _ => ("error-file-too-large", storage.max_file_mb),
                };
                self.ta(id, &[("max", max.into())])
            }
            ServiceError::UnsupportedType("pdf-active-content") => self.ta(
                "error-pdf-not-checkable",
                &[("max", self.state.app.config.storage.in_memory_mb.into())],
            ),
            other => {
                let (_, code) = classify(other);
                let id = match code {
                    "invalid_credentials" => "error-invalid-credentials",
                    "totp_required" | "wrong_code" => "error-wrong-code",
                    "not_found" => "error-not-found",
                    "forbidden" => "error-forbidden",
                    "access_pending" => "error-access-pending-approval",
                    "account_deactivated" => "error-account-deactivated",
                    "last_key_holder" => "error-last-key-holder",
                    "not_pending" => "error-member-not-pending",
                    "key_not_held" => "error-key-not-held",
                    "consent_required" => "error-consent",
                    "email_taken" => "error-email-taken",
                    "unsupported_type" => "error-unsupported-type",
                    "too_many_files" => "error-too-many-files",
                    "field_too_long" => "error-field-too-long",
                    "quota_exceeded" => "error-quota",
                    "folder_cycle" => "error-folder-cycle",
                    "storage_full" => "error-storage-full",
                    "unauthenticated" => "error-session-expired",
                    _ => "error-internal",
                };
                self.t(id)
            }
        }
    }

    /// The status a page shows for a service error (never a 5xx for bad input).
    pub fn error_status(e: &ServiceError) -> StatusCode {
        classify(e).0
    }

    pub fn error_page(&self, e: &ServiceError) -> Response {
        let status = Self::error_status(e);
        if status.is_server_error() {
            tracing::error!(error = %e, "page failed");
        }
        if matches!(e, ServiceError::NotFound) {
            return self.not_found();
        }
        self.render(
            status,
            &self.t("error-title"),
            html! {
                div.notice.error role="alert" { p { (self.error_text(e)) } }
                p { a.button href="/" { (self.t("action-back-home")) } }
            },
        )
    }

    pub fn not_found(&self) -> Response {
        self.render(
            StatusCode::NOT_FOUND,
            &self.t("not-found-title"),
            html! {
                h1 { (self.t("not-found-title")) }
                p { (self.t("not-found-text")) }
                p { a.button href="/" { (self.t("action-back-home")) } }
            },
        )
    }

    /// A list's page number from the query string, or the clear 400 page that refuses it.
    #[allow(clippy::result_large_err)]
    pub fn page_number(&self, raw: Option<&str>) -> Result<PageNumber, Response> {
        PageNumber::parse(raw).map_err(|e| {
            self.render(
                StatusCode::BAD_REQUEST,
                &self.t("error-title"),
                html! {
                    div.notice.error role="alert" { p { (self.error_text(&ServiceError::Invalid(e))) } }
                    p { a.button href="/" { (self.t("action-back-home")) } }
                },
            )
        })
    }

    /// "Previous" and "next" links of a paginated list: plain links, no JavaScript. `href`
    /// gives a page number's address.
    pub fn pager<T>(&self, page: &Page<T>, href: impl Fn(u32) -> String) -> Markup {
        html! {
            @if page.has_previous() || page.has_next {
                nav.pager aria-label=(self.t("pager-label")) {
                    @if page.has_previous() {
                        a.button rel="prev" href=(href(page.page - 1)) { (self.t("pager-previous")) }
                    }
                    span.pager-position { (self.locale.ta("pager-position", &[("page", i64::from(page.page).into())])) }
                    @if page.has_next {
                        a.button rel="next" href=(href(page.page + 1)) { (self.t("pager-next")) }
                    }
                }
            }
        }
    }

    pub fn bad_form(&self) -> Response {
        self.render(
            StatusCode::FORBIDDEN,
            &self.t("error-title"),
            html! {
                div.notice.error role="alert" { p { (self.t("error-form-expired")) } }
                p { a.button href="/" { (self.t("action-back-home")) } }
            },
        )
    }

    /// Where a logged-in account starts.
    pub fn home_path(session: &Session) -> &'static str {
        match (session.kind.as_str(), session.stage) {
            (_, Stage::TotpPending) => "/login/totp",
            (_, Stage::EnrollTotp) => "/totp/enroll",
            ("beneficiary", _) => "/home",
            ("platform_admin", _) => "/admin",
            _ => "/pro",
        }
    }

    /// The full session of the given kind, or where to go instead.
    #[allow(clippy::result_large_err)]
    pub fn require(&self, kinds: &[&str]) -> Result<&Session, Response> {
        match &self.session {
            None => Err(Redirect::to("/login").into_response()),
            Some(s) if s.stage != Stage::Full => {
                Err(Redirect::to(Self::home_path(s)).into_response())
            }
            Some(s) if !kinds.contains(&s.kind.as_str()) => Err(self.not_found()),
            Some(s) => Ok(s),
        }
    }
}

pub fn not_found_page(state: &AppState, req: &Request) -> Response {
    let locale = page_locale(state, req.headers(), None);
    let ctx = Ctx {
        state: state.clone(),
        session: None,
        locale,
        csrf: String::new(),
        new_csrf_cookie: false,
        same_origin: true,
        is_post: false,
        xhr_upload: false,
    };
    ctx.not_found()
}

fn layout(ctx: &Ctx, title: &str, body: Markup) -> Markup {
    let lang = ctx.locale.lang;
    html! {
        (DOCTYPE)
        html lang=(lang) dir=(ctx.locale.dir()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="referrer" content="no-referrer";
                title { (title) " · Consigne" }
                link rel="stylesheet" href="/static/app.css";
                script src="/static/app.js" defer {}
            }
            body {
                a.skip href="#main" { (ctx.t("skip-to-content")) }
                // The demo banner sits inside the banner landmark, so that no content is outside one.
                header.site {
                    div.top {
                        a.brand href="/" { (icons::icon("safe")) span { "Consigne" } }
                        div.top-actions {
                            form.lang method="post" action="/language" {
                                (ctx.csrf_field())
                                label for="language-picker" { (icons::icon("language")) span.visually-hidden { (ctx.t("language-label")) } }
                                select id="language-picker" name="language" {
                                    @for code in SUPPORTED {
                                        option value=(code) lang=(code) selected[*code == lang] { (native_name(code)) }
                                    }
                                }
                                button.small type="submit" { (ctx.t("action-change-language")) }
                            }
                            @if ctx.session.as_ref().is_some_and(|s| s.stage == Stage::Full) {
                                a.button.small.account href="/settings" { (icons::icon("settings")) span.visually-hidden { (ctx.t("section-settings")) } }
                            }
                            @if ctx.session.is_some() {
                                form method="post" action="/logout" {
                                    (ctx.csrf_field())
                                    button.small.logout type="submit" { (icons::icon("logout")) span { (ctx.t("action-logout")) } }
                                }
                            }
                        }
                    }
                    @if ctx.state.app.demo {
                        p.demo-banner role="note" { (ctx.t("demo-banner")) }
                    }
                }
                main id="main" { (body) }
                footer.bottom { p { (ctx.t("footer-text")) } }
            }
        }
    }
}

/// Small helpers shared by the page modules.
pub fn field_error(msg: &Option<String>) -> Markup {
    html! {
        @if let Some(m) = msg {
            div.notice.error role="alert" { p { (m) } }
        }
    }
}

pub fn raw(s: &str) -> PreEscaped<String> {
    PreEscaped(s.to_owned())
}

pub fn language_options(ctx: &Ctx, selected: &str) -> Markup {
    html! {
        @for code in SUPPORTED {
            option value=(code) lang=(code) selected[*code == selected] { (native_name(code)) }
        }
        @if false { (ctx.t("language-label")) }
    }
}

/// `POST /language`: remembered in a cookie, and on the account when logged in.
pub async fn change_language(ctx: Ctx, axum::Form(form): axum::Form<LanguageForm>) -> Response {
    if !ctx.csrf_ok(&form.csrf) {
        return ctx.bad_form();
    }
    let Ok(lang) = crate::domain::Language::parse(&form.language) else {
        return ctx.bad_form();
    };
    if let Some(s) = &ctx.session
        && s.stage == Stage::Full
        && let Err(e) = ctx.state.app.set_language(s, lang.code()).await
    {
        return ctx.error_page(&e);
    }
    let back = ctx.session.as_ref().map_or("/login", Ctx::home_path);
    let mut res = Redirect::to(back).into_response();
    ctx.add_cookie(&mut res, LANG_COOKIE, lang.code(), Some(365 * 24 * 3600));
    res
}

#[derive(Debug, serde::Deserialize)]
pub struct LanguageForm {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    #[serde(default)]
    language: String,
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(
            header::HOST,
            HeaderValue::from_static("consigne.example:8080"),
        );
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn a_browser_posting_under_no_referrer_sends_a_null_origin_and_is_judged_by_fetch_metadata() {
        // What Chromium sends for a form on this site, given `Referrer-Policy: no-referrer`.
        assert!(same_origin(&headers(&[
            ("origin", "null"),
            ("sec-fetch-site", "same-origin")
        ])));
        assert!(!same_origin(&headers(&[
            ("origin", "null"),
            ("sec-fetch-site", "cross-site")
        ])));
        assert!(!same_origin(&headers(&[
            ("origin", "null"),
            ("sec-fetch-site", "same-site")
        ])));
        assert!(!same_origin(&headers(&[("sec-fetch-site", "cross-site")])));
        // Clients that send neither (older browsers, scripts) rely on the token alone.
        assert!(same_origin(&headers(&[])));
        assert!(same_origin(&headers(&[("origin", "null")])));
    }

    #[test]
    fn an_origin_must_name_this_host() {
        assert!(same_origin(&headers(&[(
            "origin",
            "http://consigne.example:8080"
        )])));
        assert!(!same_origin(&headers(&[(
            "origin",
            "https://evil.example"
        )])));
        assert!(!same_origin(&headers(&[
            ("origin", "http://consigne.example:8081"),
            ("sec-fetch-site", "same-origin")
        ])));
    }
}
