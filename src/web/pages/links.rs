//! Share links' pages (`service/links.rs`): the section of a document's page that lists its
//! links and makes one (she, or a professional with her consent), the page of a link just made
//! (its address and QR code), her list of every live link, and the link's own page for someone
//! without an account (`/s/{token}`: what the document is, the PIN form, the copy).

use super::{Ctx, Page, Person, Post, Reader, Visitor, icons::icon};
use crate::domain::{BeneficiaryId, DocumentType, ItemId};
use crate::service::{LinkBody, LinkPage, NewLink, ServiceError, ShareLinkView};
use crate::web::AppState;
use crate::web::api::content_response;
use crate::web::extract::ClientAddr;
use axum::Router;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use maud::{Markup, html};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/links", get(my_links_page))
        .route("/documents/{id}/links", post(create_submit))
        .route("/links/{id}/revoke", post(revoke_submit))
        // Beside the team's `/s/{sid}/...` pages: a token is one segment, never `team`.
        .route("/s/{token}", get(link_page))
        .route("/s/{token}/content", get(content_get).post(content_post))
}

/// The lives a link may have, in minutes (1 hour to 30 days).
const DURATIONS: [(i64, &str); 4] = [
    (60, "link-expires-hour"),
    (1440, "link-expires-day"),
    (10_080, "link-expires-week"),
    (43_200, "link-expires-month"),
];

/// The links of a document and the form that makes one; `pro`: the professional's page (his
/// form asks for her consent and brings him back to her safe `bid`).
pub(super) fn links_section(
    ctx: &Ctx,
    doc: &ItemId,
    links: &[ShareLinkView],
    pro: Option<&BeneficiaryId>,
) -> Markup {
    html! {
        section.card id="links" {
            h2 { (icon("share")) " " (ctx.t("link-section")) }
            p.hint { (ctx.t(if pro.is_some() { "link-intro-pro" } else { "link-intro" })) }
            @if links.is_empty() {
                p { (ctx.t("link-none")) }
            } @else {
                ul.items.links { @for l in links { (link_item(ctx, l, Some(doc), pro)) } }
            }
            form method="post" action={"/documents/" (doc) "/links"} {
                (ctx.csrf_field())
                @if let Some(bid) = pro { input type="hidden" name="bid" value=(bid); }
                label for="link-expires" { (ctx.t("link-expires-label")) }
                select id="link-expires" name="expires_in_minutes" {
                    @for (minutes, label) in DURATIONS { option value=(minutes) { (ctx.t(label)) } }
                }
                label for="link-pin" { (ctx.t("link-pin-label")) " " span.hint { (ctx.t("optional")) } }
                p.hint id="link-pin-hint" { (ctx.t("link-pin-hint")) }
                input id="link-pin" name="pin" type="text" inputmode="numeric" pattern="[0-9]{4,8}" minlength="4" maxlength="8" autocomplete="off" aria-describedby="link-pin-hint";
                label for="link-watermark" { (ctx.t("link-watermark-label")) " " span.hint { (ctx.t("optional")) } }
                p.hint id="link-watermark-hint" { (ctx.t("link-watermark-hint")) }
                input id="link-watermark" name="watermark" type="text" maxlength="120" aria-describedby="link-watermark-hint";
                @if pro.is_some() {
                    p.check {
                        input id="link-consent" name="her_consent" type="checkbox" value="on" required;
                        " " label for="link-consent" { (ctx.t("link-consent-label")) }
                    }
                }
                button.primary type="submit" { (icon("share")) " " (ctx.t("link-create")) }
            }
            @if pro.is_none() { p { a href="/links" { (ctx.t("link-all-title")) } } }
        }
    }
}

/// One live link: until when, PIN, watermark, openings, and the revoke button when allowed.
fn link_item(
    ctx: &Ctx,
    l: &ShareLinkView,
    from: Option<&ItemId>,
    pro: Option<&BeneficiaryId>,
) -> Markup {
    html! {
        li.link {
            @if from.is_none() {
                a href={"/documents/" (l.document_id)} { strong { (l.document_name) } }
                br;
            }
            (ctx.ta("link-until", &[("when", ctx.moment(&l.expires_at).into())]))
            @if l.has_pin { " · " (icon("lock")) " " (ctx.t("link-with-pin")) }
            @if let Some(w) = &l.watermark { br; (ctx.ta("link-copy-given", &[("text", w.clone().into())])) }
            br;
            (ctx.ta("link-opened-times", &[("count", l.opened_count.into())]))
            @if l.made_by == "professional" { " · " (ctx.t("link-made-by-pro")) }
            @if let Some(url) = &l.url {
                details {
                    summary { (ctx.t("link-show-again")) }
                    (address_and_qr(ctx, url, &format!("link-url-{}", l.id)))
                }
            }
            @if l.revocable {
                form.inline method="post" action={"/links/" (l.id) "/revoke"} {
                    (ctx.csrf_field())
                    @if let Some(doc) = from { input type="hidden" name="from" value=(doc); }
                    @if let Some(bid) = pro { input type="hidden" name="bid" value=(bid); }
                    button.danger type="submit" { (icon("close")) " " (ctx.t("link-revoke")) }
                }
            }
        }
    }
}

fn address_and_qr(ctx: &Ctx, url: &str, id: &str) -> Markup {
    html! {
        label for=(id) { (ctx.t("link-address")) }
        input id=(id) type="text" readonly value=(url) dir="ltr";
        p.hint { (ctx.t("link-qr-hint")) }
        div.qr role="img" aria-label=(ctx.t("link-qr-label")) { (super::raw(&super::qr_svg(url))) }
    }
}

#[derive(Debug, Deserialize)]
struct LinkForm {
    expires_in_minutes: Option<String>,
    pin: Option<String>,
    watermark: Option<String>,
    her_consent: Option<String>,
    bid: Option<String>,
}

async fn create_submit(
    Path(id): Path<String>,
    Post(ctx, Reader(session), form): Post<Reader, LinkForm>,
) -> Response {
    let Ok(id) = ItemId::parse(&id) else {
        return ctx.not_found();
    };
    let new = NewLink {
        // A minute count that does not read is out of range: the service says so.
        expires_in_minutes: form
            .expires_in_minutes
            .as_deref()
            .and_then(|m| m.trim().parse().ok())
            .unwrap_or(0),
        pin: form.pin,
        watermark: form.watermark,
        her_consent: form.her_consent.is_some(),
    };
    let back = match form.bid.as_deref().map(BeneficiaryId::parse) {
        Some(Ok(bid)) => format!("/pro/b/{bid}/documents/{id}#links"),
        _ => format!("/documents/{id}#links"),
    };
    match ctx.state.app.create_link(&session, &id, new).await {
        Ok(link) => ctx.page(
            &ctx.t("link-section"),
            html! {
                nav.breadcrumbs { a href=(back) { (icon("folder")) " " (ctx.t("link-back-document")) } }
                h1 { (icon("share")) " " (ctx.t("link-section")) }
                div.notice.success role="status" { p { (ctx.t("link-created")) } }
                section.card {
                    p { (ctx.ta("link-until", &[("when", ctx.moment(&link.expires_at).into())])) }
                    (address_and_qr(&ctx, &link.url, "link-url"))
                }
                p { a.button href=(back) { (ctx.t("link-back-document")) } }
            },
        ),
        Err(e @ (ServiceError::Invalid(_) | ServiceError::ConsentRequired)) => ctx.render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ctx.t("error-title"),
            html! {
                div.notice.error role="alert" { p { (ctx.error_text(&e)) } }
                p { a.button href=(back) { (ctx.t("link-back-document")) } }
            },
        ),
        Err(e) => ctx.error_page(&e),
    }
}

#[derive(Debug, Deserialize)]
struct RevokeForm {
    from: Option<String>,
    bid: Option<String>,
}

async fn revoke_submit(
    Path(id): Path<String>,
    Post(ctx, Reader(session), form): Post<Reader, RevokeForm>,
) -> Response {
    let doc = form.from.as_deref().and_then(|d| ItemId::parse(d).ok());
    let bid = form
        .bid
        .as_deref()
        .and_then(|b| BeneficiaryId::parse(b).ok());
    let back = match (doc, bid, session.beneficiary_id.is_some()) {
        (Some(doc), _, true) => format!("/documents/{doc}#links"),
        (None, _, true) => "/links".to_owned(),
        (Some(doc), Some(bid), false) => format!("/pro/b/{bid}/documents/{doc}#links"),
        _ => "/pro".to_owned(),
    };
    match ctx.state.app.revoke_link(&session, &id).await {
        Ok(()) => ctx.redirect_with(&back, super::notices::Notice::LinkRevoked),
        Err(e) => ctx.error_page(&e),
    }
}

async fn my_links_page(Page(ctx, Person { session, bid }): Page<Person>) -> Response {
    match ctx.state.app.my_links(&session, &bid).await {
        Ok(links) => ctx.page(
            &ctx.t("link-all-title"),
            html! {
                nav.breadcrumbs { a href="/documents" { (icon("folder")) " " (ctx.t("section-documents")) } }
                h1 { (icon("share")) " " (ctx.t("link-all-title")) }
                p { (ctx.t("link-intro")) }
                @if links.is_empty() {
                    p { (ctx.t("link-all-none")) }
                } @else {
                    ul.items.links { @for l in &links { (link_item(&ctx, l, None, None)) } }
                }
            },
        ),
        Err(e) => ctx.error_page(&e),
    }
}

/// The pictogram of a shared document (its type's, else a PDF or a photo).
fn pictogram(page: &LinkPage) -> &'static str {
    if page.doc_type != DocumentType::Other {
        page.doc_type.pictogram()
    } else if page.content_type == "application/pdf" {
        "pdf"
    } else {
        "photo"
    }
}

/// The link's page for whoever holds the address: no account, no journal line (nothing of
/// the document is served yet).
fn link_body(ctx: &Ctx, token: &str, page: &LinkPage, error: Option<String>) -> Markup {
    let content = format!("/s/{token}/content");
    html! {
        h1 { (icon(pictogram(page))) " " (page.name) }
        p { (ctx.t("link-page-intro")) }
        p { (ctx.ta("link-until", &[("when", ctx.moment(&page.expires_at).into())])) }
        @if let Some(w) = &page.watermark { p { (ctx.ta("link-copy-given", &[("text", w.clone().into())])) } }
        @if let Some(e) = error { div.notice.error role="alert" { p { (e) } } }
        @if page.has_pin {
            form method="post" action=(content) {
                (ctx.csrf_field())
                label for="link-pin" { (ctx.t("link-pin-ask")) }
                input id="link-pin" name="pin" type="text" inputmode="numeric" autocomplete="off" required maxlength="8";
                button.primary type="submit" { (icon("view")) " " (ctx.t("link-view")) }
            }
        } @else {
            p { a.button.primary href=(content) { (icon("view")) " " (ctx.t("link-view")) } }
        }
    }
}

async fn link_page(
    Path(token): Path<String>,
    ClientAddr(address): ClientAddr,
    Page(ctx, _): Page<Visitor>,
) -> Response {
    noindex(match ctx.state.app.link_page(&token, address).await {
        Ok(page) => ctx.page(&page.name.clone(), link_body(&ctx, &token, &page, None)),
        Err(e) => ctx.error_page(&e),
    })
}

/// A link's pages and copies are for whoever was given the address, never for search engines
/// (like every response, `Cache-Control: no-store` and `Referrer-Policy: no-referrer`).
fn noindex(mut res: Response) -> Response {
    res.headers_mut().insert(
        axum::http::header::HeaderName::from_static("x-robots-tag"),
        axum::http::HeaderValue::from_static("noindex, nofollow"),
    );
    res
}

#[derive(Debug, Deserialize)]
struct PinForm {
    pin: Option<String>,
}

async fn content_get(
    Path(token): Path<String>,
    ClientAddr(address): ClientAddr,
    Page(ctx, _): Page<Visitor>,
) -> Response {
    noindex(serve(ctx, token, None, address).await)
}

async fn content_post(
    Path(token): Path<String>,
    ClientAddr(address): ClientAddr,
    Post(ctx, _, form): Post<Visitor, PinForm>,
) -> Response {
    noindex(serve(ctx, token, form.pin, address).await)
}

/// The copy (an image shown, a PDF downloaded, like the safe's own downloads); a missing or
/// wrong PIN shows the link's page again with what to do.
async fn serve(
    ctx: Ctx,
    token: String,
    pin: Option<String>,
    address: std::net::IpAddr,
) -> Response {
    let app = &ctx.state.app;
    match app.link_content(&token, pin.as_deref(), address).await {
        Ok(c) => {
            let ext = if c.content_type == "application/pdf" {
                "pdf"
            } else {
                c.content_type.rsplit('/').next().unwrap_or("bin")
            };
            // `content_response` keeps the name's ASCII letters and digits only.
            let name = c
                .file_name
                .rsplit_once('.')
                .map_or(c.file_name.as_str(), |(n, _)| n);
            let inline = c.content_type.starts_with("image/");
            let file_name = format!("{name}.{ext}");
            match c.body {
                LinkBody::Made(bytes) => {
                    content_response(&c.content_type, &file_name, bytes, inline)
                }
                LinkBody::Stream { size, chunks } => crate::web::api::stream_response(
                    &c.content_type,
                    &file_name,
                    Some(size),
                    chunks,
                    inline,
                ),
            }
        }
        Err(
            e @ (ServiceError::WrongCode
            | ServiceError::Invalid(_)
            | ServiceError::Throttled { .. }),
        ) => {
            let (status, text) = match &e {
                ServiceError::WrongCode => {
                    (StatusCode::UNPROCESSABLE_ENTITY, ctx.t("link-pin-wrong"))
                }
                ServiceError::Invalid(_) => {
                    (StatusCode::UNPROCESSABLE_ENTITY, ctx.t("link-pin-ask"))
                }
                _ => (StatusCode::TOO_MANY_REQUESTS, ctx.error_text(&e)),
            };
            match app.link_page(&token, address).await {
                Ok(page) => {
                    let mut res = ctx.render(
                        status,
                        &page.name.clone(),
                        link_body(&ctx, &token, &page, Some(text)),
                    );
                    if let ServiceError::Throttled { retry_after } = e
                        && let Ok(v) = axum::http::HeaderValue::from_str(&retry_after.to_string())
                    {
                        res.headers_mut().insert(axum::http::header::RETRY_AFTER, v);
                    }
                    res
                }
                Err(e) => ctx.error_page(&e),
            }
        }
        Err(e) => ctx.error_page(&e),
    }
    .into_response()
}
