//! Her optional security question (`service/auth/question.rs`): choose one of a few translated
//! questions or write her own, with a word on its weakness; see it, change it, remove it.
//! Recovering with it is a page of `auth.rs` (`/recover/question`).

use super::{Ctx, Notice, Page, Person, Post, icons::icon};
use crate::service::{QuestionView, ServiceError};
use crate::web::AppState;
use axum::Router;
use axum::response::Response;
use axum::routing::{get, post};
use maud::{Markup, html};
use serde::Deserialize;

/// The ready-made questions (`question-preset-N` in the catalogues); she may write her own.
pub(crate) const PRESETS: [&str; 5] = [
    "question-preset-1",
    "question-preset-2",
    "question-preset-3",
    "question-preset-4",
    "question-preset-5",
];

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/settings/question", get(page).post(submit))
        .route("/settings/question/remove", post(remove))
}

fn body(ctx: &Ctx, current: Option<&QuestionView>, error: Option<String>) -> Markup {
    html! {
        section.card.narrow {
            h1 { (icon("key")) " " (ctx.t("question-title")) }
            p { (ctx.t("question-text")) }
            div.notice role="note" { p { (ctx.t("question-weakness")) } }
            @if let Some(q) = current {
                h2 { (ctx.t("question-yours")) }
                p id="her-question" { "« " (q.question) " »" }
                p.hint { (ctx.locale.ta("question-set-on", &[("date", ctx.moment_zoned(&q.set_at).into())])) }
                form method="post" action="/settings/question/remove" {
                    (ctx.csrf_field())
                    button.danger type="submit" { (ctx.t("question-remove")) }
                }
                h2 { (ctx.t("question-change")) }
            }
            (super::field_error(&error))
            form method="post" action="/settings/question" {
                (ctx.csrf_field())
                fieldset {
                    legend { (ctx.t("question-choose")) }
                    @for (i, id) in PRESETS.iter().enumerate() {
                        div.choice {
                            input id={"preset-" (i + 1)} type="radio" name="preset" value=(i + 1) checked[i == 0];
                            label for={"preset-" (i + 1)} { (ctx.t(id)) }
                        }
                    }
                    div.choice {
                        input id="preset-own" type="radio" name="preset" value="own";
                        label for="preset-own" { (ctx.t("question-own")) }
                    }
                }
                label for="own_question" { (ctx.t("question-own-label")) }
                input id="own_question" name="own_question" type="text" maxlength="200" autocomplete="off";
                label for="answer" { (ctx.t("question-answer")) }
                p.hint id="answer-hint" { (ctx.t("question-answer-hint")) }
                input id="answer" name="answer" type="text" maxlength="200" autocomplete="off" spellcheck="false" required aria-describedby="answer-hint";
                button.primary type="submit" { (ctx.t("action-save")) }
            }
            p { a href="/settings" { (ctx.t("action-cancel")) } }
        }
    }
}

async fn current(
    ctx: &Ctx,
    session: &crate::service::Session,
) -> Result<Option<QuestionView>, Response> {
    ctx.state
        .app
        .security_question(session)
        .await
        .map_err(|e| ctx.error_page(&e))
}

async fn page(Page(ctx, Person { session, .. }): Page<Person>) -> Response {
    match current(&ctx, &session).await {
        Ok(q) => ctx.page(&ctx.t("question-title"), body(&ctx, q.as_ref(), None)),
        Err(r) => r,
    }
}

#[derive(Debug, Deserialize)]
struct QuestionForm {
    /// `1` to `5` (a ready-made question) or `own`.
    #[serde(default)]
    preset: String,
    #[serde(default)]
    own_question: String,
    #[serde(default)]
    answer: String,
}

async fn submit(Post(ctx, Person { session, .. }, form): Post<Person, QuestionForm>) -> Response {
    // A ready-made question is kept in the words she read it in.
    let question = match form.preset.parse::<usize>() {
        Ok(n) if (1..=PRESETS.len()).contains(&n) => ctx.t(PRESETS[n - 1]),
        _ => form.own_question.clone(),
    };
    match ctx
        .state
        .app
        .set_security_question(&session, &question, &form.answer)
        .await
    {
        Ok(()) => ctx.redirect_with("/settings", Notice::Saved),
        Err(e) => {
            let text = match e {
                ServiceError::Conflict("login_again") => ctx.t("question-login-again"),
                _ => ctx.error_text(&e),
            };
            let status = Ctx::error_status(&e);
            match current(&ctx, &session).await {
                Ok(q) => ctx.render(
                    status,
                    &ctx.t("question-title"),
                    body(&ctx, q.as_ref(), Some(text)),
                ),
                Err(r) => r,
            }
        }
    }
}

async fn remove(Post(ctx, Person { session, .. }, _): Post<Person>) -> Response {
    match ctx.state.app.remove_security_question(&session).await {
        Ok(()) => ctx.redirect_with("/settings", Notice::Deleted),
        Err(e) => ctx.error_page(&e),
    }
}
