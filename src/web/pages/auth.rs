//! Login (with the second step for staff codes), TOTP enrolment, recovery, logout.

use super::{
    Ctx, Leaving, NoFields, Page, Post, Refused, SecondFactor, Signed, Visitor, icons::icon,
};
use crate::domain::AccountKind;
use crate::service::{
    LoginOutcome, LoginRequest, QuestionRecoverRequest, RecoverRequest, ServiceError, Stage,
};
use crate::web::AppState;
use crate::web::extract::{ClientAddr, session_cookie_name};
use axum::Router;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::html;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(root))
        .route("/login", get(login_page).post(login_submit))
        .route("/login/totp", get(totp_page).post(totp_submit))
        .route("/totp/enroll", get(enroll_page).post(enroll_submit))
        .route("/totp/enroll/new", post(enroll_new))
        .route("/recover", get(recover_page).post(recover_submit))
        .route(
            "/recover/question",
            get(question_page).post(question_submit),
        )
        .route("/logout", post(logout))
        .route("/language", post(super::change_language))
}

async fn root(Page(_, Visitor(session)): Page<Visitor>) -> Response {
    Redirect::to(session.as_ref().map_or("/login", Ctx::home_path)).into_response()
}

fn login_form(ctx: &Ctx, identifier: &str, error: Option<String>, status: StatusCode) -> Response {
    ctx.render(status, &ctx.t("login-title"), html! {
        section.card.narrow {
            h1 { (icon("key")) " " (ctx.t("login-title")) }
            (super::field_error(&error))
            form method="post" action="/login" {
                (ctx.csrf_field())
                label for="identifier" { (ctx.t("login-identifier")) }
                p.hint id="identifier-hint" { (ctx.t("login-identifier-hint")) }
                p.hint id="identifier-homonym" { (ctx.t("login-identifier-homonym")) }
                input id="identifier" name="identifier" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value=(identifier) aria-describedby="identifier-hint identifier-homonym";
                label for="password" { (ctx.t("login-password")) }
                (ctx.password_field(super::PasswordField { id: "password", name: "password", autocomplete: "current-password", hint: None, required: true, new: false }))
                button.primary type="submit" { (ctx.t("action-login")) }
            }
            p { a href="/recover" { (ctx.t("login-forgot")) } }
            p.hint { (ctx.t("login-no-account")) }
        }
    })
}

async fn login_page(Page(ctx, Visitor(session)): Page<Visitor>) -> Response {
    if let Some(s) = &session {
        return Redirect::to(Ctx::home_path(s)).into_response();
    }
    login_form(&ctx, "", None, StatusCode::OK)
}

#[derive(Debug, Deserialize)]
struct LoginForm {
    #[serde(default)]
    identifier: String,
    #[serde(default)]
    password: String,
}

/// Sets the session cookie; a new token at every login.
fn with_session_cookie(ctx: &Ctx, mut res: Response, token: &str) -> Response {
    ctx.add_cookie(&mut res, session_cookie_name(&ctx.state), token, None);
    res
}

/// A form typed before logging in: what she typed comes back on it, never a password.
trait Typed {
    fn identifier(&self) -> &str;
}

impl Typed for LoginForm {
    fn identifier(&self) -> &str {
        &self.identifier
    }
}

impl Typed for RecoverForm {
    fn identifier(&self) -> &str {
        &self.identifier
    }
}

impl Typed for QuestionForm {
    fn identifier(&self) -> &str {
        &self.identifier
    }
}

/// The login or recovery form, its token checked; an expired one comes back as `form_page`
/// with her identifier and the reason.
#[allow(clippy::result_large_err)]
fn checked<T: Typed>(
    post: Result<Post<Visitor, T>, Refused<T>>,
    form_page: fn(&Ctx, &str, Option<String>, StatusCode) -> Response,
) -> Result<(Ctx, T), Response> {
    match post {
        Ok(Post(ctx, _, form)) => Ok((ctx, form)),
        Err(Refused::Expired {
            ctx,
            form: Some(form),
        }) => {
            let error = Some(ctx.t("error-form-expired"));
            Err(form_page(
                &ctx,
                form.identifier(),
                error,
                StatusCode::FORBIDDEN,
            ))
        }
        Err(other) => Err(other.into_response()),
    }
}

async fn login_submit(
    ClientAddr(address): ClientAddr,
    post: Result<Post<Visitor, LoginForm>, Refused<LoginForm>>,
) -> Response {
    let (ctx, form) = match checked(post, login_form) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let req = LoginRequest {
        identifier: form.identifier.clone(),
        password: form.password,
        totp: None,
        address,
        allow_pending: true,
        language: ctx.picked_language.map(str::to_owned),
    };
    match ctx.state.app.login(req).await {
        Ok(LoginOutcome::Full { token, session }) => with_session_cookie(
            &ctx,
            Redirect::to(Ctx::home_path(&session)).into_response(),
            &token,
        ),
        Ok(LoginOutcome::TotpPending { token }) => {
            with_session_cookie(&ctx, Redirect::to("/login/totp").into_response(), &token)
        }
        Err(e) => login_form(
            &ctx,
            &form.identifier,
            Some(ctx.error_text(&e)),
            Ctx::error_status(&e),
        ),
    }
}

fn code_form(ctx: &Ctx, action: &str, error: Option<String>, status: StatusCode) -> Response {
    ctx.render(status, &ctx.t("totp-title"), html! {
        section.card.narrow {
            h1 { (ctx.t("totp-title")) }
            (super::field_error(&error))
            form method="post" action=(action) {
                (ctx.csrf_field())
                label for="code" { (ctx.t("totp-code")) }
                input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]{6,7}" required;
                button.primary type="submit" { (ctx.t("action-continue")) }
            }
        }
    })
}

async fn totp_page(Page(ctx, Visitor(session)): Page<Visitor>) -> Response {
    match &session {
        Some(s) if s.stage == Stage::TotpPending => {
            code_form(&ctx, "/login/totp", None, StatusCode::OK)
        }
        Some(s) => Redirect::to(Ctx::home_path(s)).into_response(),
        None => Redirect::to("/login").into_response(),
    }
}

#[derive(Debug, Deserialize)]
struct CodeForm {
    #[serde(default)]
    code: String,
}

async fn totp_submit(
    ClientAddr(address): ClientAddr,
    Post(ctx, SecondFactor(pending), form): Post<SecondFactor, CodeForm>,
) -> Response {
    match ctx
        .state
        .app
        .complete_totp(&pending, &form.code, address)
        .await
    {
        Ok((token, session)) => with_session_cookie(
            &ctx,
            Redirect::to(Ctx::home_path(&session)).into_response(),
            &token,
        ),
        Err(e) => code_form(
            &ctx,
            "/login/totp",
            Some(ctx.error_text(&e)),
            Ctx::error_status(&e),
        ),
    }
}

pub(crate) fn qr_svg(uri: &str) -> String {
    qrcode::QrCode::new(uri.as_bytes())
        .map(|code| {
            code.render::<qrcode::render::svg::Color<'_>>()
                .min_dimensions(180, 180)
                .quiet_zone(true)
                .build()
        })
        .unwrap_or_default()
}

async fn enroll_page(Page(ctx, Signed(session)): Page<Signed>) -> Response {
    if !session.is_staff() || session.stage == Stage::TotpPending {
        return Redirect::to(Ctx::home_path(&session)).into_response();
    }
    // A GET only shows the secret a POST drew (GET never changes state).
    match ctx.state.app.totp_pending(&session).await {
        Ok(Some(enrollment)) => ctx.page(&ctx.t("enroll-title"), html! {
            section.card.narrow {
                h1 { (ctx.t("enroll-title")) }
                p { (ctx.t("enroll-text")) }
                div.qr { (super::raw(&qr_svg(&enrollment.otpauth_uri))) }
                p { (ctx.t("enroll-manual")) }
                p.code-box { code { (enrollment.secret) } }
                form method="post" action="/totp/enroll" {
                    (ctx.csrf_field())
                    label for="code" { (ctx.t("totp-code")) }
                    input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" required;
                    button.primary type="submit" { (ctx.t("action-confirm")) }
                }
            }
        }),
        Ok(None) => ctx.page(&ctx.t("enroll-title"), html! {
            section.card.narrow {
                h1 { (ctx.t("enroll-title")) }
                p { (ctx.t("enroll-start-text")) }
                form method="post" action="/totp/enroll/new" {
                    (ctx.csrf_field())
                    button.primary type="submit" { (ctx.t("action-continue")) }
                }
            }
        }),
        Err(ServiceError::Conflict(_)) => Redirect::to(Ctx::home_path(&session)).into_response(),
        Err(e) => ctx.error_page(&e),
    }
}

/// Draws a new secret (the first one, or another if the app lost it), then shows it.
async fn enroll_new(Post(ctx, Signed(session), _): Post<Signed, NoFields>) -> Response {
    match ctx.state.app.totp_begin(&session).await {
        Ok(_) => Redirect::to("/totp/enroll").into_response(),
        Err(ServiceError::Conflict(_)) => Redirect::to(Ctx::home_path(&session)).into_response(),
        Err(e) => ctx.error_page(&e),
    }
}

async fn enroll_submit(Post(ctx, Signed(session), form): Post<Signed, CodeForm>) -> Response {
    match ctx.state.app.totp_confirm(&session, &form.code).await {
        Ok(()) => {
            let kind_home = if session.kind == AccountKind::PlatformAdmin {
                "/admin"
            } else {
                "/pro"
            };
            Redirect::to(kind_home).into_response()
        }
        Err(e) => ctx.render(
            Ctx::error_status(&e),
            &ctx.t("enroll-title"),
            html! {
                section.card.narrow {
                    div.notice.error role="alert" { p { (ctx.error_text(&e)) } }
                    p { a.button href="/totp/enroll" { (ctx.t("action-retry")) } }
                }
            },
        ),
    }
}

fn recover_form(
    ctx: &Ctx,
    identifier: &str,
    error: Option<String>,
    status: StatusCode,
) -> Response {
    ctx.render(status, &ctx.t("recover-title"), html! {
        section.card.narrow {
            h1 { (icon("key")) " " (ctx.t("recover-title")) }
            p { (ctx.t("recover-text")) }
            (super::field_error(&error))
            form method="post" action="/recover" {
                (ctx.csrf_field())
                label for="identifier" { (ctx.t("login-identifier")) }
                p.hint id="identifier-hint" { (ctx.t("login-identifier-hint")) }
                p.hint id="identifier-homonym" { (ctx.t("login-identifier-homonym")) }
                input id="identifier" name="identifier" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value=(identifier) aria-describedby="identifier-hint identifier-homonym";
                fieldset {
                    legend { (ctx.t("recover-source")) }
                    div.choice {
                        input id="source-sheet" type="radio" name="source" value="sheet" checked;
                        label for="source-sheet" { (ctx.t("recover-source-sheet")) }
                    }
                    div.choice {
                        input id="source-relay" type="radio" name="source" value="relay";
                        label for="source-relay" { (ctx.t("recover-source-relay")) }
                    }
                }
                label for="recovery_code" { (ctx.t("recover-code")) }
                p.hint id="code-hint" { (ctx.t("recover-code-hint")) }
                input id="recovery_code" name="recovery_code" type="text" autocapitalize="characters" autocomplete="off" spellcheck="false" required aria-describedby="code-hint";
                label for="new_password" { (ctx.t("recover-new-password")) }
                p.hint id="pw-hint" { (ctx.t("password-rules")) }
                (ctx.password_field(super::PasswordField { id: "new_password", name: "new_password", autocomplete: "new-password", hint: Some("pw-hint"), required: true, new: true }))
                button.primary type="submit" { (ctx.t("action-recover")) }
            }
            p { a href="/recover/question" { (ctx.t("recover-with-question")) } }
            p.hint { (ctx.t("recover-no-code")) }
        }
    })
}

/// Her identifier, the answer to her security question (never shown here: she must remember
/// the question), and her new password.
fn question_form(
    ctx: &Ctx,
    identifier: &str,
    error: Option<String>,
    status: StatusCode,
) -> Response {
    ctx.render(status, &ctx.t("recover-question-title"), html! {
        section.card.narrow {
            h1 { (icon("key")) " " (ctx.t("recover-question-title")) }
            p { (ctx.t("recover-question-text")) }
            (super::field_error(&error))
            form method="post" action="/recover/question" {
                (ctx.csrf_field())
                label for="identifier" { (ctx.t("login-identifier")) }
                p.hint id="identifier-hint" { (ctx.t("login-identifier-hint")) }
                input id="identifier" name="identifier" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value=(identifier) aria-describedby="identifier-hint";
                label for="answer" { (ctx.t("question-answer")) }
                p.hint id="answer-hint" { (ctx.t("recover-question-hint")) }
                input id="answer" name="answer" type="text" autocomplete="off" spellcheck="false" required aria-describedby="answer-hint";
                label for="new_password" { (ctx.t("recover-new-password")) }
                p.hint id="pw-hint" { (ctx.t("password-rules")) }
                (ctx.password_field(super::PasswordField { id: "new_password", name: "new_password", autocomplete: "new-password", hint: Some("pw-hint"), required: true, new: true }))
                button.primary type="submit" { (ctx.t("action-recover")) }
            }
            p { a href="/recover" { (ctx.t("recover-with-code")) } }
        }
    })
}

async fn question_page(ctx: Ctx) -> Response {
    question_form(&ctx, "", None, StatusCode::OK)
}

#[derive(Debug, Deserialize)]
struct QuestionForm {
    #[serde(default)]
    identifier: String,
    #[serde(default)]
    answer: String,
    #[serde(default)]
    new_password: String,
}

async fn question_submit(
    ClientAddr(address): ClientAddr,
    post: Result<Post<Visitor, QuestionForm>, Refused<QuestionForm>>,
) -> Response {
    let (ctx, form) = match checked(post, question_form) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let req = QuestionRecoverRequest {
        identifier: form.identifier.clone(),
        answer: form.answer,
        new_password: form.new_password,
        address,
    };
    match ctx.state.app.recover_with_question(req).await {
        Ok(()) => ctx.page(
            &ctx.t("recover-done-title"),
            html! {
                section.card.narrow {
                    h1 { (icon("check")) " " (ctx.t("recover-done-title")) }
                    p { (ctx.t("recover-done-question")) }
                    p { a.button.primary href="/login" { (ctx.t("action-login")) } }
                }
            },
        ),
        Err(e) => {
            let text = match e {
                ServiceError::InvalidCredentials => ctx.t("error-invalid-question"),
                _ => ctx.error_text(&e),
            };
            question_form(&ctx, &form.identifier, Some(text), Ctx::error_status(&e))
        }
    }
}

async fn recover_page(ctx: Ctx) -> Response {
    recover_form(&ctx, "", None, StatusCode::OK)
}

#[derive(Debug, Deserialize)]
struct RecoverForm {
    #[serde(default)]
    identifier: String,
    #[serde(default)]
    recovery_code: String,
    /// `sheet` (the printed code) or `relay` (a code from an in-person reset).
    #[serde(default)]
    source: String,
    #[serde(default)]
    new_password: String,
}

async fn recover_submit(
    ClientAddr(address): ClientAddr,
    post: Result<Post<Visitor, RecoverForm>, Refused<RecoverForm>>,
) -> Response {
    let (ctx, form) = match checked(post, recover_form) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let req = RecoverRequest {
        identifier: form.identifier.clone(),
        recovery_code: form.recovery_code,
        new_password: form.new_password,
        address,
        in_person: form.source == "relay",
    };
    let in_person = req.in_person;
    match ctx.state.app.recover(req).await {
        Ok(()) => ctx.page(
            &ctx.t("recover-done-title"),
            html! {
                section.card.narrow {
                    h1 { (icon("check")) " " (ctx.t("recover-done-title")) }
                    p { (ctx.t(if in_person { "recover-done-in-person" } else { "recover-done-new-sheet" })) }
                    p { a.button.primary href="/login" { (ctx.t("action-login")) } }
                }
            },
        ),
        Err(e) => {
            // She lost her password: the message speaks of her identifier and her code.
            let text = match e {
                ServiceError::InvalidCredentials => ctx.t("error-invalid-recovery"),
                _ => ctx.error_text(&e),
            };
            recover_form(&ctx, &form.identifier, Some(text), Ctx::error_status(&e))
        }
    }
}

async fn logout(Post(ctx, Leaving(session), _): Post<Leaving>) -> Response {
    if let Some(s) = &session
        && let Err(e) = ctx.state.app.logout(s).await
    {
        return ctx.error_page(&e);
    }
    let anonymous = ctx.signed_out();
    let mut res = anonymous.page(
        &anonymous.t("logout-title"),
        html! {
            section.card.narrow {
                h1 { (icon("check")) " " (anonymous.t("logout-title")) }
                p { (anonymous.t("logout-text")) }
                p { a.button.primary href="/login" { (anonymous.t("action-login")) } }
            }
        },
    );
    anonymous.add_cookie(&mut res, session_cookie_name(&anonymous.state), "", Some(0));
    crate::web::clear_site_data(&mut res);
    res
}
