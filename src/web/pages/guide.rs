//! The first visit guide (issue 17, item 5): after the terms, at her first login, four screens
//! with a big pictogram and one or two sentences each (what the safe is, who sees what, how to
//! get back in, where to find help). Plain links from one screen to the next and a form to skip
//! or finish, so it works without JavaScript; once finished or skipped it is not shown again by
//! itself (`service/onboarding.rs`), and her settings lead back to it.

use super::{Ctx, Page, Person, Post, icons::icon};
use crate::web::AppState;
use axum::Router;
use axum::extract::Query;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::html;
use serde::Deserialize;

/// The screens: pictogram and message ids `guide-<n>-title`, `guide-<n>-text`.
const SCREENS: [&str; 4] = ["safe", "share", "key", "help"];

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/guide", get(page))
        .route("/guide/done", post(done))
}

#[derive(Debug, Deserialize)]
struct StepQuery {
    step: Option<String>,
}

async fn page(Page(ctx, _): Page<Person>, Query(q): Query<StepQuery>) -> Response {
    let total = SCREENS.len();
    let n = match q.step.as_deref().map(str::parse::<usize>) {
        None => 1,
        Some(Ok(n)) if (1..=total).contains(&n) => n,
        Some(_) => return ctx.not_found(),
    };
    let title = ctx.t(&format!("guide-{n}-title"));
    let step = ctx.ta(
        "guide-step",
        &[("n", (n as i64).into()), ("total", (total as i64).into())],
    );
    render(&ctx, n, total, &title, &step)
}

fn render(ctx: &Ctx, n: usize, total: usize, title: &str, step: &str) -> Response {
    ctx.page(
        &format!("{} · {title}", ctx.t("guide-title")),
        html! {
            section.card.narrow.guide aria-labelledby="guide-screen-title" {
                p.hint { (ctx.t("guide-title")) }
                div.guide-picture { (icon(SCREENS[n - 1])) }
                h1 id="guide-screen-title" { (title) }
                p.guide-text { (ctx.t(&format!("guide-{n}-text"))) }
                ol.guide-dots aria-label=(step) {
                    @for i in 1..=total {
                        @if i == n {
                            li.current aria-current="step" { span.visually-hidden { (step) } }
                        } @else {
                            li { span.visually-hidden { (i) } }
                        }
                    }
                }
                div.guide-actions {
                    @if n < total {
                        a.button.primary href={"/guide?step=" (n + 1)} { (ctx.t("guide-next")) }
                        form method="post" action="/guide/done" {
                            (ctx.csrf_field())
                            button type="submit" { (ctx.t("guide-skip")) }
                        }
                    } @else {
                        form method="post" action="/guide/done" {
                            (ctx.csrf_field())
                            button.primary type="submit" { (icon("check")) " " (ctx.t("guide-finish")) }
                        }
                    }
                }
            }
        },
    )
}

async fn done(Post(ctx, Person { session, .. }, _): Post<Person>) -> Response {
    match ctx.state.app.finish_guide(&session).await {
        Ok(()) => Redirect::to("/home").into_response(),
        Err(e) => ctx.error_page(&e),
    }
}
