//! The terms and information page (CPCE R55-1; `service/onboarding.rs`): public, readable before
//! any account, linked from every page's footer; for a person who has not accepted the version in
//! force, the same page ends with the acceptance form, and her other pages lead here.

use super::{Ctx, OnboardingPerson, Page, Post, Visitor, icons::icon};
use crate::service::TERMS_SECTIONS;
use crate::service::onboarding::AcceptedTerms;
use crate::web::AppState;
use axum::Router;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::{Markup, html};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/terms", get(page))
        .route("/terms/accept", post(accept))
}

/// The sections of the terms in `ctx`'s language (the API serves the same texts).
pub(crate) fn sections(
    locale: &crate::i18n::Locale,
    site: &str,
) -> Vec<(&'static str, String, String)> {
    TERMS_SECTIONS
        .iter()
        .map(|id| {
            (
                *id,
                locale.t(&format!("terms-{id}-title")),
                locale.ta(
                    &format!("terms-{id}-text"),
                    &[("site", site.to_owned().into())],
                ),
            )
        })
        .collect()
}

fn body(ctx: &Ctx, pending: bool, accepted: Option<&AcceptedTerms>) -> Markup {
    let version = ctx.state.app.terms_version().to_owned();
    html! {
        article.card.terms {
            h1 { (icon("journal")) " " (ctx.t("terms-title")) }
            p.hint { (ctx.ta("terms-version", &[("version", version.clone().into())])) }
            @if pending && accepted.is_some() {
                div.notice role="status" { p { (ctx.t("terms-new-version")) } }
            }
            p { (ctx.t("terms-intro")) }
            @for (id, title, text) in sections(&ctx.locale, &ctx.state.app.config.public_url) {
                section id={"terms-" (id)} {
                    h2 { (title) }
                    p { (text) }
                }
            }
            @if let (false, Some(a)) = (pending, accepted) {
                p.hint { (ctx.ta("terms-accepted-on", &[("version", a.version.clone().into()), ("date", ctx.moment_zoned(&a.accepted_at).into())])) }
            }
        }
        @if pending {
            section.card id="terms-accept" {
                h2 { (ctx.t("terms-accept-title")) }
                p { (ctx.t("terms-accept-text")) }
                form method="post" action="/terms/accept" {
                    (ctx.csrf_field())
                    input type="hidden" name="version" value=(version);
                    button.primary type="submit" { (icon("check")) " " (ctx.t("terms-accept-button")) }
                }
                p { a.button href="/export" { (icon("download")) " " (ctx.t("export-download")) } }
            }
        }
    }
}

async fn page(Page(ctx, Visitor(session)): Page<Visitor>) -> Response {
    // A person logged in sees what she accepted, or the form to accept.
    let person = session.filter(|s| {
        s.kind == crate::domain::AccountKind::Beneficiary && s.stage == crate::service::Stage::Full
    });
    let pending = person
        .as_ref()
        .is_some_and(|s| s.keys.onboarding.terms_pending);
    let accepted = match &person {
        Some(s) => crate::service::onboarding::accepted_terms(&ctx.state.app, s)
            .await
            .ok()
            .flatten(),
        None => None,
    };
    ctx.page(
        &ctx.t("terms-title"),
        body(&ctx, pending, accepted.as_ref()),
    )
}

#[derive(Debug, Deserialize)]
struct AcceptForm {
    #[serde(default)]
    version: String,
}

async fn accept(
    Post(ctx, OnboardingPerson { session, .. }, form): Post<OnboardingPerson, AcceptForm>,
) -> Response {
    match ctx.state.app.accept_terms(&session, &form.version).await {
        // Then the guide, the first time; else her home.
        Ok(()) => Redirect::to(if session.keys.onboarding.guide_pending {
            "/guide"
        } else {
            "/home"
        })
        .into_response(),
        Err(e) => ctx.error_page(&e),
    }
}
