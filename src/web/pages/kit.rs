//! The printed kit's page (`/s/{sid}/kit`, issue 17): a structure's members pick a language
//! (a plain GET form) and get the links to its poster (A4, A3), flyer and pocket cards, which
//! the API makes (`/api/v1/structures/{sid}/kit/...`, the session cookie is enough).

use super::{Ctx, Page, Staff, icons::icon};
use crate::domain::StructureId;
use crate::i18n::{SUPPORTED, native_name};
use crate::service::kit::{kit_language, kit_structure};
use crate::web::AppState;
use axum::Router;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use maud::html;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new().route("/s/{sid}/kit", get(kit_page))
}

#[derive(Debug, Default, Deserialize)]
struct KitPageQuery {
    lang: Option<String>,
}

async fn kit_page(
    Path(sid): Path<String>,
    Query(q): Query<KitPageQuery>,
    Page(ctx, Staff(session)): Page<Staff>,
) -> Response {
    let Ok(sid) = StructureId::parse(&sid) else {
        return ctx.not_found();
    };
    let structure = match kit_structure(&ctx.state.app, &session, &sid).await {
        Ok(s) => s,
        Err(e) => return ctx.error_page(&e),
    };
    // An unknown language falls back to the page's own.
    let lang = q
        .lang
        .as_deref()
        .and_then(|l| kit_language(l).ok())
        .unwrap_or(ctx.locale.lang);
    let base = format!("/api/v1/structures/{sid}/kit");
    let links = [
        (
            "kit-poster-a4",
            format!("{base}/poster.pdf?lang={lang}&size=a4"),
        ),
        (
            "kit-poster-a3",
            format!("{base}/poster.pdf?lang={lang}&size=a3"),
        ),
        ("kit-flyer-a5", format!("{base}/flyer.pdf?lang={lang}")),
        ("kit-cards-a4", format!("{base}/card.pdf?lang={lang}")),
    ];
    ctx.render(StatusCode::OK, &ctx.t("kit-page-title"), html! {
        h1 { (icon("print")) " " (ctx.t("kit-page-title")) }
        p.hint { (structure.name) }
        p { (ctx.t("kit-page-intro")) }
        @if structure.address.is_empty() {
            p.hint { (ctx.t("kit-no-address")) " " a href={"/s/" (sid) "/profile"} { (ctx.t("profile-open")) } }
        }
        form method="get" action={"/s/" (sid) "/kit"} {
            label for="kit-lang" { (ctx.t("kit-language")) }
            select id="kit-lang" name="lang" {
                @for l in SUPPORTED {
                    option value=(l) lang=(l) selected[*l == lang] { (native_name(l)) }
                }
            }
            button type="submit" { (ctx.t("kit-show")) }
        }
        section.card {
            h2 lang=(lang) dir=(if crate::i18n::is_rtl(lang) { "rtl" } else { "ltr" }) { (native_name(lang)) }
            ul.kit {
                @for (id, href) in &links {
                    li { a href=(href) type="application/pdf" hreflang=(lang) { (icon("pdf")) " " (ctx.t(id)) } }
                }
            }
        }
        p { a.button href=(Ctx::home_path(&session)) { (ctx.t("action-back")) } }
    })
}
