//! Her agenda and contacts carried out of the safe: the `.ics` and `.vcf` downloads, and the
//! private calendar feed her phone subscribes to (make, show again, renew, stop).

use super::{Ctx, Page, Person, Post, icons::icon};
use crate::service::CalendarFeedView;
use crate::web::AppState;
use crate::web::api::content_response;
use axum::Router;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::{Markup, html};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/events/agenda.ics", get(agenda_download))
        .route("/contacts/contacts.vcf", get(contacts_download))
        .route("/calendar-feed", get(feed_page).post(feed_create))
        .route("/calendar-feed/revoke", post(feed_revoke))
}

async fn agenda_download(page: Page<Person>) -> Response {
    download(page, Carried::Agenda).await
}

async fn contacts_download(page: Page<Person>) -> Response {
    download(page, Carried::Contacts).await
}

/// What she carries out of the safe.
#[derive(Clone, Copy)]
enum Carried {
    Agenda,
    Contacts,
}

async fn download(page: Page<Person>, what: Carried) -> Response {
    let Page(ctx, Person { session, bid }) = page;
    let app = &ctx.state.app;
    let (made, content_type, file_name) = match what {
        Carried::Agenda => (
            app.calendar_ics(&session, &bid).await,
            "text/calendar; charset=utf-8",
            "agenda.ics",
        ),
        Carried::Contacts => (
            app.contacts_vcf(&session, &bid).await,
            "text/vcard; charset=utf-8",
            "contacts.vcf",
        ),
    };
    match made {
        Ok(text) => content_response(content_type, file_name, text.into_bytes(), false),
        Err(e) => ctx.error_page(&e),
    }
}

/// `webcal://` opens the phone's calendar app on the subscription.
fn webcal(url: &str) -> String {
    match url.split_once("://") {
        Some((_, rest)) => format!("webcal://{rest}"),
        None => url.to_owned(),
    }
}

fn feed_body(ctx: &Ctx, feed: Option<&CalendarFeedView>, notice: Option<String>) -> Markup {
    html! {
        nav.breadcrumbs { a href="/events" { (icon("calendar")) " " (ctx.t("section-events")) } }
        h1 { (icon("phone")) " " (ctx.t("feed-title")) }
        @if let Some(n) = notice { div.notice.success role="status" { p { (n) } } }
        section.card {
            p { (ctx.t("feed-intro")) }
            @match feed {
                None => {
                    p { (ctx.t("feed-none")) }
                    form method="post" action="/calendar-feed" {
                        (ctx.csrf_field())
                        button.primary type="submit" { (icon("plus")) " " (ctx.t("feed-create")) }
                    }
                }
                Some(feed) => {
                    @if let Some(url) = &feed.url {
                        p { a.button.primary href=(webcal(url)) { (icon("calendar")) " " (ctx.t("feed-subscribe")) } }
                        label for="feed-url" { (ctx.t("feed-link-label")) }
                        input id="feed-url" type="text" readonly value=(url) dir="ltr" aria-describedby="feed-warning";
                        p.hint { (ctx.t("feed-qr-hint")) }
                        div.qr role="img" aria-label=(ctx.t("feed-link-label")) { (super::raw(&super::auth::qr_svg(url))) }
                    } @else {
                        p { (ctx.t("feed-hidden")) }
                    }
                    p.hint id="feed-warning" { (icon("key")) " " (ctx.t("feed-warning")) }
                    p {
                        @match &feed.last_read_at {
                            Some(at) => (ctx.ta("feed-last-read", &[("when", ctx.moment(at).into())])),
                            None => (ctx.t("feed-never-read")),
                        }
                    }
                    form method="post" action="/calendar-feed" {
                        (ctx.csrf_field())
                        button type="submit" { (ctx.t("feed-renew")) }
                    }
                    form method="post" action="/calendar-feed/revoke" {
                        (ctx.csrf_field())
                        button.danger type="submit" { (icon("close")) " " (ctx.t("feed-revoke")) }
                    }
                }
            }
        }
    }
}

async fn feed_page(Page(ctx, Person { session, bid }): Page<Person>) -> Response {
    match ctx.state.app.calendar_feed(&session, &bid).await {
        Ok(feed) => ctx.page(&ctx.t("feed-title"), feed_body(&ctx, feed.as_ref(), None)),
        Err(e) => ctx.error_page(&e),
    }
}

async fn feed_create(Post(ctx, Person { session, bid }, _): Post<Person>) -> Response {
    match ctx.state.app.create_calendar_feed(&session, &bid).await {
        Ok(feed) => ctx.page(
            &ctx.t("feed-title"),
            feed_body(&ctx, Some(&feed), Some(ctx.t("feed-created"))),
        ),
        Err(e) => ctx.error_page(&e),
    }
}

async fn feed_revoke(Post(ctx, Person { session, bid }, _): Post<Person>) -> Response {
    match ctx.state.app.revoke_calendar_feed(&session, &bid).await {
        Ok(()) => ctx.page(
            &ctx.t("feed-title"),
            feed_body(&ctx, None, Some(ctx.t("feed-revoked"))),
        ),
        // Already stopped (another tab): show the page as it is.
        Err(crate::service::ServiceError::NotFound) => {
            Redirect::to("/calendar-feed").into_response()
        }
        Err(e) => ctx.error_page(&e),
    }
}
