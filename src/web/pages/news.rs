//! Structure news as pages: `/s/{sid}/news` (its members post a short text, optionally in
//! other languages and to one referent's people, see what is shown and remove a post), and
//! her side: the posts of her relais on her home page (`news_section`), each with a "hide"
//! button (`/news/{id}/dismiss`). Plain forms, each followed by a redirect.

use super::notices::Notice;
use super::{Ctx, Page, Person, Post, Staff, icons::icon};
use crate::domain::{BeneficiaryId, NewsId, StructureId};
use crate::i18n::{SUPPORTED, native_name};
use crate::service::ServiceError;
use crate::service::Session;
use crate::service::news::{
    Audience, DEFAULT_DAYS, HerNewsView, MAX_TEXT, NewsInput, NewsView, delete_news, dismiss_news,
    her_news, news_of, post_news,
};
use crate::web::AppState;
use axum::Router;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use maud::{Markup, html};
use std::collections::BTreeMap;

/// How long a post may be shown, as the form offers it (days).
const DURATIONS: [i64; 5] = [7, 14, 30, 90, 365];

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/s/{sid}/news", get(news_page).post(news_submit))
        .route("/s/{sid}/news/{nid}/delete", post(news_delete))
        .route("/news/{nid}/dismiss", post(dismiss))
}

/// The form as sent: `text`, `referent`, `days`, and `text_<lang>` for each translation.
type NewsForm = BTreeMap<String, String>;

fn input_of(form: &NewsForm) -> NewsInput {
    let translations: BTreeMap<String, String> = SUPPORTED
        .iter()
        .filter_map(|l| {
            form.get(&format!("text_{l}"))
                .filter(|t| !t.trim().is_empty())
                .map(|t| ((*l).to_owned(), t.clone()))
        })
        .collect();
    NewsInput {
        text: form.get("text").cloned().unwrap_or_default(),
        translations: Some(translations),
        audience: Some(Audience {
            referent_id: form.get("referent").filter(|r| !r.is_empty()).cloned(),
        }),
        days: Some(
            form.get("days")
                .and_then(|d| d.parse().ok())
                .unwrap_or(DEFAULT_DAYS),
        ),
    }
}

async fn news_page(Path(sid): Path<String>, Page(ctx, Staff(session)): Page<Staff>) -> Response {
    let Ok(sid) = StructureId::parse(&sid) else {
        return ctx.not_found();
    };
    news_view(&ctx, &session, &sid, None, None, StatusCode::OK).await
}

async fn news_submit(
    Path(sid): Path<String>,
    Post(ctx, Staff(session), form): Post<Staff, NewsForm>,
) -> Response {
    let Ok(sid) = StructureId::parse(&sid) else {
        return ctx.not_found();
    };
    match post_news(&ctx.state.app, &session, &sid, input_of(&form)).await {
        Ok(_) => ctx.redirect_with(&format!("/s/{sid}/news"), Notice::Added),
        Err(ServiceError::NotFound) => ctx.not_found(),
        Err(e) => {
            let (status, text) = (Ctx::error_status(&e), ctx.error_text(&e));
            news_view(&ctx, &session, &sid, Some(form), Some(text), status).await
        }
    }
}

async fn news_delete(
    Path((sid, nid)): Path<(String, String)>,
    Post(ctx, Staff(session), _): Post<Staff>,
) -> Response {
    let (Ok(sid), Ok(nid)) = (StructureId::parse(&sid), NewsId::parse(&nid)) else {
        return ctx.not_found();
    };
    match delete_news(&ctx.state.app, &session, &sid, &nid).await {
        Ok(()) => ctx.redirect_with(&format!("/s/{sid}/news"), Notice::Deleted),
        Err(e) => ctx.error_page(&e),
    }
}

async fn news_view(
    ctx: &Ctx,
    session: &Session,
    sid: &StructureId,
    form: Option<NewsForm>,
    error: Option<String>,
    status: StatusCode,
) -> Response {
    let app = &ctx.state.app;
    let (structure, posts, referents) = match tokio::try_join!(
        app.get_structure(session, sid),
        news_of(app, session, sid),
        app.referent_choices(session, sid)
    ) {
        Ok(v) => v,
        Err(e) => return ctx.error_page(&e),
    };
    let form = form.unwrap_or_default();
    let value = |k: &str| form.get(k).cloned().unwrap_or_default();
    let days = form
        .get("days")
        .and_then(|d| d.parse().ok())
        .unwrap_or(DEFAULT_DAYS);
    let names: BTreeMap<&str, &str> = referents
        .iter()
        .map(|r| (r.id.as_str(), r.display_name.as_str()))
        .collect();
    let on = super::operations::switched(ctx, sid).await;
    ctx.render(status, &ctx.t("news-title"), html! {
        h1 { (icon("megaphone")) " " (ctx.t("news-title")) }
        p.hint { (structure.name) }
        p { (ctx.t("news-intro")) }
        (super::field_error(&error))
        @if !on.news {
            div.notice role="status" { p { (icon("warning")) " " (ctx.t("error-feature-off")) } }
        } @else {
        section.card {
            h2 { (icon("plus")) " " (ctx.t("news-new")) }
            form method="post" action={"/s/" (sid) "/news"} {
                (ctx.csrf_field())
                label for="news-text" { (ctx.t("news-text")) }
                p.hint id="news-text-hint" { (ctx.t("news-text-hint")) }
                textarea id="news-text" name="text" rows="4" maxlength=(MAX_TEXT) required aria-describedby="news-text-hint" { (value("text")) }
                details {
                    summary { (ctx.t("news-translations")) }
                    p.hint { (ctx.t("news-translations-hint")) }
                    @for l in SUPPORTED {
                        @let id = format!("news-text-{l}");
                        label for=(id) lang=(l) { (native_name(l)) }
                        textarea id=(id) name={"text_" (l)} rows="2" maxlength=(MAX_TEXT) lang=(l) dir=(if crate::i18n::is_rtl(l) { "rtl" } else { "ltr" }) { (value(&format!("text_{l}"))) }
                    }
                }
                label for="news-referent" { (ctx.t("news-audience")) }
                select id="news-referent" name="referent" {
                    option value="" { (ctx.t("news-audience-all")) }
                    @for r in &referents {
                        option value=(r.id) selected[value("referent") == r.id] { (ctx.ta("news-audience-referent", &[("name", r.display_name.clone().into())])) }
                    }
                }
                label for="news-days" { (ctx.t("news-days")) }
                select id="news-days" name="days" {
                    @for d in DURATIONS {
                        option value=(d) selected[d == days] { (ctx.ta("news-days-count", &[("count", d.into())])) }
                    }
                }
                button.primary type="submit" { (icon("megaphone")) " " (ctx.t("news-post")) }
            }
        }
        }
        section.card {
            h2 { (ctx.t("news-shown")) }
            @if posts.is_empty() {
                p { (ctx.t("news-none")) }
            }
            @for n in &posts {
                (posted(ctx, sid, n, &names))
            }
        }
        p { a.button href="/pro" { (ctx.t("action-back")) } }
    })
}

fn posted(ctx: &Ctx, sid: &StructureId, n: &NewsView, names: &BTreeMap<&str, &str>) -> Markup {
    let audience = match n.audience.referent_id.as_deref() {
        None => ctx.t("news-audience-all"),
        Some(r) => ctx.ta(
            "news-audience-referent",
            &[(
                "name",
                names.get(r).copied().unwrap_or("?").to_owned().into(),
            )],
        ),
    };
    html! {
        article.news {
            p.news-text { (n.text) }
            @for (l, t) in &n.translations {
                p.news-text lang=(l) dir=(if crate::i18n::is_rtl(l) { "rtl" } else { "ltr" }) { small { (native_name(l)) " · " } (t) }
            }
            p.hint {
                (ctx.ta("news-posted-by", &[("name", n.author.name.clone().into()), ("date", ctx.moment(&n.created_at).into())]))
                " · " (audience)
                " · " (ctx.ta("news-reached", &[("count", n.reached.into())]))
                " · " (ctx.ta("news-until", &[("date", ctx.moment(&n.ends_at).into())]))
            }
            form method="post" action={"/s/" (sid) "/news/" (n.id) "/delete"} {
                (ctx.csrf_field())
                button type="submit" { (icon("delete")) " " (ctx.t("news-delete")) }
            }
        }
    }
}

/// The posts of her relais, for her home page (nothing when there are none, or on an error:
/// the home page stays usable).
pub async fn news_section(ctx: &Ctx, session: &Session, bid: &BeneficiaryId) -> Markup {
    let posts: Vec<HerNewsView> = her_news(&ctx.state.app, session, bid, ctx.locale.lang)
        .await
        .unwrap_or_default();
    html! {
        @if !posts.is_empty() {
            section.card.news id="news" {
                h2 { (icon("megaphone")) " " (ctx.t("news-her-title")) }
                @for n in &posts {
                    article.news {
                        p.hint { (icon("building")) " " (n.structure.name) " · " (ctx.moment_zoned(&n.created_at)) }
                        @let lang = n.language.as_deref();
                        p.news-text lang=[lang] dir=[lang.map(|l| if crate::i18n::is_rtl(l) { "rtl" } else { "ltr" })] { (n.text) }
                        form method="post" action={"/news/" (n.id) "/dismiss"} {
                            (ctx.csrf_field())
                            button type="submit" { (ctx.t("news-dismiss")) }
                        }
                    }
                }
            }
        }
    }
}

async fn dismiss(
    Path(nid): Path<String>,
    Post(ctx, Person { session, bid }, _): Post<Person>,
) -> Response {
    let Ok(nid) = NewsId::parse(&nid) else {
        return ctx.not_found();
    };
    match dismiss_news(&ctx.state.app, &session, &bid, &nid).await {
        Ok(()) => ctx.redirect_with("/home", Notice::Saved),
        Err(e) => ctx.error_page(&e),
    }
}
