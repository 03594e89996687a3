//! Guards by construction: the only ways a page handler learns who is calling and what a form
//! says.
//!
//! - [`Page<R>`] (reading pages, `GET`/`HEAD` only) and [`Post<R, T>`] / [`Upload<R>`] (every
//!   other method) admit the caller as the role `R` ([`Person`], [`Professional`],
//!   [`PlatformAdmin`], [`Staff`]...) before the handler runs: no session is a redirect to the
//!   login, an unfinished one goes on to its next step, another kind of account finds no page.
//!   The fields of [`Ctx`] that hold the session are private to this file, so a role is the
//!   only way a handler gets a [`Session`] to hand to a use case.
//! - `Post<R, T>` then reads the urlencoded body and checks its `_csrf` token (and the request's
//!   origin) before the handler sees a single field of `T`; `Upload<R>` gives a multipart form
//!   whose parts come out only after its first part, the token, was checked. A form type holds
//!   no token to forget to compare.
//! - [`Ctx`] and `Page<R>` refuse anything but a read, so a state-changing handler written with
//!   them is refused whatever it sends (the table test in `tests/api/guards.rs` posts to every
//!   route).

use super::AppState;
use super::notices::{NOTICE_COOKIE, Notice};
use crate::domain::{AccountKind, BeneficiaryId};
use crate::service::{ServiceError, Session, Stage};
use crate::web::extract::{
    LANG_COOKIE, constant_eq, cookie, csrf_cookie_name, page_locale, session_cookie_name,
    set_cookie,
};
use crate::web::multipart::{MultipartForm, Part};
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::de::DeserializeOwned;

/// Everything a page handler needs about the request, but who is calling (that is the role's).
#[derive(Debug)]
pub struct Ctx {
    pub state: AppState,
    session: Option<Session>,
    pub locale: crate::i18n::Locale,
    /// The token forms must echo: the session's, or the anonymous cookie's.
    csrf: String,
    new_csrf_cookie: bool,
    same_origin: bool,
    /// The request comes from app.js's upload (it shows progress, then follows the location).
    pub xhr_upload: bool,
    /// What the previous action's redirect asked this page to say (pages read only).
    notice: Option<Notice>,
    /// Where this page is (path and query), when it was read with `GET`: the language picker
    /// brings her back here. A page shown in answer to a form has none (its address may not
    /// be read again).
    pub here: Option<String>,
    /// The language she chose with the picker (its cookie), if any: logging in keeps it.
    pub picked_language: Option<&'static str>,
}

impl Ctx {
    /// A page read (`GET`/`HEAD`) shows the notice a redirect left.
    async fn resolve(method: &Method, uri: &Uri, headers: &HeaderMap, state: &AppState) -> Self {
        let read = is_read(method);
        let session = match cookie(headers, session_cookie_name(state)) {
            Some(token) => state.app.authenticate(token).await.ok(),
            None => None,
        };
        let locale = page_locale(state, headers, session.as_ref());
        let (csrf, new_csrf_cookie) = match (&session, cookie(headers, csrf_cookie_name(state))) {
            (Some(s), _) => (s.csrf.clone(), false),
            (None, Some(c)) if c.len() == 32 && c.chars().all(|ch| ch.is_ascii_hexdigit()) => {
                (c.to_owned(), false)
            }
            (None, _) => (hex::encode(consigne_vault::random_bytes::<16>()), true),
        };
        let notice = cookie(headers, NOTICE_COOKIE)
            .filter(|_| read)
            .and_then(Notice::parse);
        Self {
            same_origin: same_origin(headers),
            xhr_upload: headers.contains_key("x-consigne-upload"),
            notice,
            here: is_read(method)
                .then(|| uri.path_and_query().map(|p| p.as_str().to_owned()))
                .flatten(),
            picked_language: cookie(headers, LANG_COOKIE)
                .and_then(|c| crate::domain::Language::parse(c).ok())
                .map(|l| l.code()),
            state: state.clone(),
            session,
            locale,
            csrf,
            new_csrf_cookie,
        }
    }

    /// A page without a caller (the router's fallback).
    pub fn anonymous(state: &AppState, headers: &HeaderMap) -> Self {
        Self {
            state: state.clone(),
            session: None,
            locale: page_locale(state, headers, None),
            csrf: String::new(),
            new_csrf_cookie: false,
            same_origin: true,
            xhr_upload: false,
            notice: None,
            here: None,
            picked_language: None,
        }
    }

    /// The same request, shown as to someone logged out (after logging out, deleting the safe).
    pub fn signed_out(self) -> Self {
        Self {
            session: None,
            ..self
        }
    }

    /// Whether the page shows the logout button.
    pub fn signed_in(&self) -> bool {
        self.session.is_some()
    }

    /// Whether the page shows the way to the settings (a complete session).
    pub fn fully_signed_in(&self) -> bool {
        self.session
            .as_ref()
            .is_some_and(|s| s.stage == Stage::Full)
    }

    /// The token the form carries is this site's and this session's (or anonymous cookie's).
    fn token_ok(&self, sent: &str) -> bool {
        self.expected_token().is_some_and(|t| constant_eq(sent, t))
    }

    /// The token a form may carry: none when the request comes from another site, or when the
    /// anonymous cookie is only being set now (no form of ours could hold it yet).
    fn expected_token(&self) -> Option<&str> {
        (self.same_origin && !self.new_csrf_cookie).then_some(self.csrf.as_str())
    }

    pub fn csrf_field(&self) -> Markup {
        html! { input type="hidden" name="_csrf" value=(self.csrf); }
    }

    /// The page with headers: the anonymous CSRF cookie when it is new; the notice a redirect
    /// left, shown once (its cookie cleared).
    pub fn render(&self, status: StatusCode, title: &str, body: Markup) -> Response {
        let notice = self.notice.filter(|_| status.is_success());
        let body = match notice {
            Some(n) => html! { (self.notice_banner(n)) (body) },
            None => body,
        };
        let mut res = (status, super::layout(self, title, body)).into_response();
        if notice.is_some() {
            self.add_cookie(&mut res, NOTICE_COOKIE, "", Some(0));
        }
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

    pub fn add_cookie(&self, res: &mut Response, name: &str, value: &str, max_age: Option<i64>) {
        if let Ok(v) = HeaderValue::from_str(&set_cookie(&self.state, name, value, max_age)) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
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

fn is_read(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD)
}

/// A page for no one in particular (login, recovery): reads only.
impl FromRequestParts<AppState> for Ctx {
    type Rejection = Response;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let ctx = Self::resolve(&parts.method, &parts.uri, &parts.headers, state).await;
        if !is_read(&parts.method) {
            return Err(ctx.bad_form());
        }
        Ok(ctx)
    }
}

/// Who may call a handler, decided from the session before it runs.
pub trait Role: Sized + Send {
    /// The caller as this role, or the page to show instead.
    #[allow(clippy::result_large_err)]
    fn admit(ctx: &Ctx) -> Result<Self, Response>;

    /// Whether a form from this caller must carry the token (all but logging out signed out).
    fn checks_token(&self) -> bool {
        true
    }
}

/// The complete session of one of `kinds`; else the login, the next step of logging in, or no
/// such page (another kind of account).
#[allow(clippy::result_large_err)]
fn full(ctx: &Ctx, kinds: &[AccountKind]) -> Result<Session, Response> {
    match &ctx.session {
        None => Err(Redirect::to("/login").into_response()),
        Some(s) if s.stage != Stage::Full => Err(Redirect::to(Ctx::home_path(s)).into_response()),
        Some(s) if !kinds.contains(&s.kind) => Err(ctx.not_found()),
        // The terms in force first (`OnboardingPerson` admits her before).
        Some(s) if s.keys.onboarding.terms_pending => Err(Redirect::to("/terms").into_response()),
        Some(s) => Ok(s.clone()),
    }
}

/// A person on her own safe: her session and her safe's id.
#[derive(Debug)]
pub struct Person {
    pub session: Session,
    pub bid: BeneficiaryId,
}

impl Role for Person {
    fn admit(ctx: &Ctx) -> Result<Self, Response> {
        let session = full(ctx, &[AccountKind::Beneficiary])?;
        // Every person's session has her safe's id (`authenticate` refuses one without).
        let bid = session
            .beneficiary_id
            .clone()
            .ok_or_else(|| ctx.not_found())?;
        Ok(Self { session, bid })
    }
}

/// A person on her own safe who may not have accepted the terms in force yet: the terms page's
/// acceptance and the export of everything (the L103 commitment does not wait for it).
#[derive(Debug)]
pub struct OnboardingPerson {
    pub session: Session,
    pub bid: BeneficiaryId,
}

impl Role for OnboardingPerson {
    fn admit(ctx: &Ctx) -> Result<Self, Response> {
        match &ctx.session {
            Some(s) if s.stage == Stage::Full && s.kind == AccountKind::Beneficiary => {
                let bid = s.beneficiary_id.clone().ok_or_else(|| ctx.not_found())?;
                Ok(Self {
                    session: s.clone(),
                    bid,
                })
            }
            // No session, an unfinished one, another kind of account: as `full` says.
            _ => Err(match full(ctx, &[AccountKind::Beneficiary]) {
                Err(r) => r,
                Ok(_) => ctx.not_found(),
            }),
        }
    }
}

/// Declares a role that is a complete session of the given kinds.
macro_rules! session_role {
    ($(#[$doc:meta])* $name:ident: $($kind:ident),+) => {
        $(#[$doc])*
        #[derive(Debug)]
        pub struct $name(pub Session);

        impl Role for $name {
            fn admit(ctx: &Ctx) -> Result<Self, Response> {
                full(ctx, &[$(AccountKind::$kind),+]).map(Self)
            }
        }
    };
}

session_role!(
    /// A member of one or more structures.
    Professional: Professional
);
session_role!(
    /// The operator of the platform.
    PlatformAdmin: PlatformAdmin
);
session_role!(
    /// Staff: a professional or the platform's operator (a structure's team).
    Staff: Professional, PlatformAdmin
);
session_role!(
    /// Who reads items: the person on her safe, a professional on what is shared with her.
    Reader: Beneficiary, Professional
);
session_role!(
    /// Who scans a paper into a safe: the person into hers, a professional into the safe of a
    /// person her structure follows (the service's policy decides which).
    Scanner: Beneficiary, Professional
);
session_role!(
    /// Any complete account (settings, password).
    Account: Beneficiary, Professional, PlatformAdmin
);

/// Anyone, signed in or not, at any step of logging in (login, language, the start page).
#[derive(Debug)]
pub struct Visitor(pub Option<Session>);

impl Role for Visitor {
    fn admit(ctx: &Ctx) -> Result<Self, Response> {
        Ok(Self(ctx.session.clone()))
    }
}

/// Someone logging out: the token is checked only when there is a session to end.
#[derive(Debug)]
pub struct Leaving(pub Option<Session>);

impl Role for Leaving {
    fn admit(ctx: &Ctx) -> Result<Self, Response> {
        Ok(Self(ctx.session.clone()))
    }

    fn checks_token(&self) -> bool {
        self.0.is_some()
    }
}

/// A session at any step (enrolling the second factor); none goes to the login.
#[derive(Debug)]
pub struct Signed(pub Session);

impl Role for Signed {
    fn admit(ctx: &Ctx) -> Result<Self, Response> {
        ctx.session
            .clone()
            .map(Self)
            .ok_or_else(|| Redirect::to("/login").into_response())
    }
}

/// A session waiting for its second factor's code; anything else goes to the login.
#[derive(Debug)]
pub struct SecondFactor(pub Session);

impl Role for SecondFactor {
    fn admit(ctx: &Ctx) -> Result<Self, Response> {
        match &ctx.session {
            Some(s) if s.stage == Stage::TotpPending => Ok(Self(s.clone())),
            _ => Err(Redirect::to("/login").into_response()),
        }
    }
}

/// A page read by the role `R`: the request, and who reads.
#[derive(Debug)]
pub struct Page<R>(pub Ctx, pub R);

impl<R: Role> FromRequestParts<AppState> for Page<R> {
    type Rejection = Response;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let ctx = Ctx::from_request_parts(parts, state).await?;
        let who = R::admit(&ctx)?;
        Ok(Self(ctx, who))
    }
}

/// A form with no field but its token.
#[derive(Debug, Default, serde::Deserialize)]
pub struct NoFields {}

/// A form whose fields repeat (`sid` boxes, `reminder` boxes): its pairs in order.
pub type Fields = Vec<(String, String)>;

/// A urlencoded form posted by the role `R`, its token checked: the request, who posts, and
/// the form's fields as `T`.
#[derive(Debug)]
pub struct Post<R, T = NoFields>(pub Ctx, pub R, pub T);

/// Why a posted form is not handed to its handler.
#[derive(Debug)]
pub enum Refused<T> {
    /// Not admitted, or a body that is no form: the response to send.
    Out(Response),
    /// No token or a wrong one: the form as sent (when it reads), for a page that shows it again.
    Expired { ctx: Box<Ctx>, form: Option<T> },
}

impl<T> IntoResponse for Refused<T> {
    fn into_response(self) -> Response {
        match self {
            Self::Out(r) => r,
            Self::Expired { ctx, .. } => ctx.bad_form(),
        }
    }
}

impl<R: Role, T: DeserializeOwned + Send> FromRequest<AppState> for Post<R, T> {
    type Rejection = Refused<T>;
    async fn from_request(req: Request, state: &AppState) -> Result<Self, Refused<T>> {
        let ctx = Ctx::resolve(req.method(), req.uri(), req.headers(), state).await;
        if is_read(req.method()) {
            return Err(Refused::Out(ctx.bad_form()));
        }
        let who = R::admit(&ctx).map_err(Refused::Out)?;
        // The route's body limit applies (413 past it).
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(|e| Refused::Out(e.into_response()))?;
        let pairs: Fields = serde_urlencoded::from_bytes(&bytes).unwrap_or_default();
        let sent = pairs
            .iter()
            .find(|(k, _)| k == "_csrf")
            .map_or("", |(_, v)| v.as_str());
        if who.checks_token() && !ctx.token_ok(sent) {
            let form = serde_urlencoded::from_bytes(&bytes).ok();
            return Err(Refused::Expired {
                ctx: Box::new(ctx),
                form,
            });
        }
        match serde_urlencoded::from_bytes(&bytes) {
            Ok(form) => Ok(Self(ctx, who, form)),
            Err(_) => Err(Refused::Out(
                ctx.render_bad_form(StatusCode::UNPROCESSABLE_ENTITY),
            )),
        }
    }
}

/// A multipart form (an upload) posted by the role `R`: the request, who posts, and the form
/// (see [`CheckedParts`]).
#[derive(Debug)]
pub struct Upload<R>(pub Ctx, pub R, pub CheckedParts);

impl<R: Role> FromRequest<AppState> for Upload<R> {
    type Rejection = Response;
    async fn from_request(req: Request, state: &AppState) -> Result<Self, Response> {
        let ctx = Ctx::resolve(req.method(), req.uri(), req.headers(), state).await;
        if is_read(req.method()) {
            return Err(ctx.bad_form());
        }
        let who = R::admit(&ctx)?;
        // A body that is no multipart form cannot carry the token.
        let Ok(inner) = MultipartForm::from_request(req, state).await else {
            return Err(ctx.bad_form());
        };
        let expected = ctx.expected_token().map(str::to_owned);
        let form = CheckedParts {
            inner,
            expected,
            checked: false,
        };
        Ok(Self(ctx, who, form))
    }
}

/// A page's multipart form whose first part must be the `_csrf` token: no other part comes out
/// before it is checked, so no byte of a file is read (or stored) without it. Reading a part
/// past a missing or wrong token is `ServiceError::Forbidden`.
#[derive(Debug)]
pub struct CheckedParts {
    inner: MultipartForm,
    expected: Option<String>,
    checked: bool,
}

impl CheckedParts {
    /// The body's declared length, when the client gave one (see [`MultipartForm::body_len`]).
    pub fn body_len(&self) -> Option<u64> {
        self.inner.body_len()
    }

    /// The next part after the token, or `None` at the end of the form.
    pub async fn next_part(&mut self) -> Result<Option<Part<'_>>, ServiceError> {
        if !self.checked {
            let sent = match self.inner.next_part().await? {
                Some(part) if part.name() == "_csrf" => part.text().await?,
                _ => String::new(),
            };
            let expected = self.expected.as_deref();
            if !expected.is_some_and(|t| constant_eq(&sent, t)) {
                return Err(ServiceError::Forbidden);
            }
            self.checked = true;
        }
        self.inner.next_part().await
    }
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
