//! Contacts, notes and appointments pages: her lists (a note's text never shows in a list, only
//! when she opens it), adding, changing, deleting, sharing per relais; the professional's view
//! of what a person shares and adding for her. One set of handlers serves the three kinds: the
//! kind comes from the matched path.

use super::documents::apply_shares;
use super::{Ctx, Fields, Notice, Page, Person, Post, Professional, Reader, icons::icon};
use crate::domain::{AccountKind, BeneficiaryId, ItemId};
use crate::service::{ItemFields, ItemKind, ItemView, ReminderView, ServiceError, Session};
use crate::web::AppState;
use axum::Router;
use axum::extract::{FromRequestParts, MatchedPath, Path, Query};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::Response;
use axum::routing::{get, post};
use maud::{Markup, html};
use serde::Deserialize;
use serde_json::{Map, Value};

pub fn router() -> Router<AppState> {
    let mut router = Router::new();
    for kind in ItemKind::ORGANIZER {
        let p = kind.plural();
        router = router
            .route(&format!("/{p}"), get(list_page).post(create_submit))
            .route(&format!("/{p}/new"), get(new_page))
            .route(&format!("/{p}/{{id}}"), get(item_page))
            .route(
                &format!("/{p}/{{id}}/edit"),
                get(edit_page).post(edit_submit),
            )
            .route(&format!("/{p}/{{id}}/shares"), post(shares_submit))
            .route(
                &format!("/{p}/{{id}}/delete"),
                get(delete_confirm).post(delete_submit),
            )
            .route(&format!("/pro/b/{{bid}}/{p}"), post(pro_create));
    }
    router
}

/// Reminders the form offers: (minutes before, message id).
const REMINDER_CHOICES: [(u32, &str); 2] =
    [(1440, "event-reminder-1440"), (120, "event-reminder-120")];

/// The kind of item the matched route is about.
struct KindOf(ItemKind);

impl FromRequestParts<AppState> for KindOf {
    type Rejection = Response;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        parts
            .extensions
            .get::<MatchedPath>()
            .and_then(|p| crate::web::api::item_kind_in_path(p.as_str()))
            .map(Self)
            .ok_or_else(|| Ctx::anonymous(state, &parts.headers).not_found())
    }
}

fn kind_icon(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Contact => "contact",
        ItemKind::Note => "note",
        ItemKind::Event => "calendar",
        ItemKind::Document => "folder",
        ItemKind::Simulation => "money",
        ItemKind::Procedure => "journal",
    }
}

/// Message ids of a kind, built from its name (`section-contacts`, `contact-add`...).
fn msg(kind: ItemKind, what: &str) -> String {
    match what {
        "section" => format!("section-{}", kind.plural()),
        other => format!("{}-{other}", kind.as_str()),
    }
}

/// The page form's fields, repeated `reminder` boxes included, as the service's input.
fn form_input(ctx: &Ctx, kind: ItemKind, pairs: &[(String, String)]) -> Map<String, Value> {
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    };
    let mut m = Map::new();
    let names: &[&str] = match kind {
        ItemKind::Contact => &["name", "phone", "email", "address", "comment"],
        ItemKind::Note => &["title", "body"],
        ItemKind::Event => &["title", "location", "comment"],
        ItemKind::Document | ItemKind::Simulation | ItemKind::Procedure => &[],
    };
    for n in names {
        m.insert((*n).to_owned(), Value::String(get(n)));
    }
    if kind == ItemKind::Event {
        let (date, time) = (get("date"), get("time"));
        let time = if time.is_empty() {
            "00:00".to_owned()
        } else {
            time
        };
        // Typed in local time; an unreadable date is passed on as typed (and refused there).
        let starts = if date.is_empty() {
            String::new()
        } else {
            crate::service::from_local_date_time(&ctx.state.app.config, &date, &time)
                .unwrap_or(date)
        };
        m.insert("starts_at".into(), Value::String(starts));
        let reminders: Vec<Value> = pairs
            .iter()
            .filter(|(n, _)| n == "reminder")
            .filter_map(|(_, v)| v.parse::<u32>().ok())
            .map(|minutes| serde_json::json!({"minutes_before": minutes, "channel": "sms"}))
            .collect();
        m.insert("reminders".into(), Value::Array(reminders));
    }
    m
}

/// The current values of an item as the form shows them.
fn values_of(ctx: &Ctx, fields: &ItemFields) -> Map<String, Value> {
    let mut m = match serde_json::to_value(fields) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    };
    if let ItemFields::Event(e) = fields
        && let Some((date, time)) =
            crate::service::local_date_time(&ctx.state.app.config, &e.starts_at)
    {
        m.insert("date".into(), Value::String(date));
        m.insert("time".into(), Value::String(time));
    }
    m
}

fn form_fields(ctx: &Ctx, kind: ItemKind, v: &Map<String, Value>) -> Markup {
    let val = |k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let chosen: Vec<u64> = v
        .get("reminders")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|r| r.get("minutes_before").and_then(Value::as_u64))
                .collect()
        })
        .unwrap_or_default();
    let optional = html! { " " span.hint { (ctx.t("optional")) } };
    // Ids unique per kind: the professional's page holds the three forms.
    let p = kind.as_str();
    html! {
        @match kind {
            ItemKind::Contact => {
                label for={(p) "-name"} { (ctx.t("field-name")) }
                input id={(p) "-name"} name="name" type="text" required maxlength="200" autocomplete="off" value=(val("name"));
                label for={(p) "-phone"} { (ctx.t("field-phone")) (optional) }
                input id={(p) "-phone"} name="phone" type="tel" autocomplete="off" value=(val("phone"));
                label for={(p) "-email"} { (ctx.t("field-email")) (optional) }
                input id={(p) "-email"} name="email" type="email" autocomplete="off" value=(val("email"));
                label for={(p) "-address"} { (ctx.t("field-address")) (optional) }
                textarea id={(p) "-address"} name="address" rows="3" { (val("address")) }
                label for={(p) "-comment"} { (ctx.t("field-comment")) (optional) }
                textarea id={(p) "-comment"} name="comment" rows="3" { (val("comment")) }
            }
            ItemKind::Note => {
                label for={(p) "-title"} { (ctx.t("field-title")) }
                input id={(p) "-title"} name="title" type="text" required maxlength="200" autocomplete="off" value=(val("title"));
                label for={(p) "-body"} { (ctx.t("field-body")) }
                textarea id={(p) "-body"} name="body" rows="8" required { (val("body")) }
            }
            ItemKind::Event => {
                label for={(p) "-title"} { (ctx.t("field-title")) }
                input id={(p) "-title"} name="title" type="text" required maxlength="200" autocomplete="off" value=(val("title"));
                label for={(p) "-date"} { (ctx.t("field-date")) }
                input id={(p) "-date"} name="date" type="date" required value=(val("date"));
                label for={(p) "-time"} { (ctx.t("field-time")) }
                input id={(p) "-time"} name="time" type="time" value=(val("time"));
                label for={(p) "-location"} { (ctx.t("field-location")) (optional) }
                input id={(p) "-location"} name="location" type="text" maxlength="200" value=(val("location"));
                label for={(p) "-comment"} { (ctx.t("field-comment")) (optional) }
                textarea id={(p) "-comment"} name="comment" rows="3" { (val("comment")) }
                fieldset {
                    legend { (icon("bell")) " " (ctx.t("field-reminders")) }
                    @for (minutes, label) in REMINDER_CHOICES {
                        div.choice {
                            input type="checkbox" id={(p) "-reminder-" (minutes)} name="reminder" value=(minutes) checked[chosen.contains(&u64::from(minutes))];
                            label for={(p) "-reminder-" (minutes)} { (ctx.t(label)) }
                        }
                    }
                }
            }
            ItemKind::Document | ItemKind::Simulation | ItemKind::Procedure => {}
        }
    }
}

/// How one item reads in a list: never a note's text; who sees it (`mark`).
fn list_entry(ctx: &Ctx, item: &ItemView, href: &str, mark: &Markup) -> Markup {
    html! {
        li.item {
            @match &item.fields {
                ItemFields::Contact(c) => {
                    a href=(href) { (icon("contact")) " " (c.name) }
                    @if let Some(p) = &c.phone { " " a.phone href={"tel:" (p)} dir="ltr" { (icon("phone")) " " (p) } }
                }
                ItemFields::Note(n) => { a href=(href) { (icon("note")) " " (n.title) } }
                ItemFields::Event(e) => {
                    a href=(href) {
                        (icon("calendar")) " "
                        time datetime=(e.starts_at) dir="ltr" { (ctx.moment(&e.starts_at)) }
                        " — " (e.title)
                    }
                    @if let Some(l) = &e.location { " · " (l) }
                    @if !e.reminders.is_empty() { " " span.hint title=(ctx.t("field-reminders")) { (icon("bell")) } }
                }
            }
            (mark)
        }
    }
}

/// `nested`: inside a section of the professional's page (its headings one level down, and
/// every item is shared with her structure).
fn item_list(ctx: &Ctx, kind: ItemKind, items: &[ItemView], nested: bool) -> Markup {
    let entry = |i: &ItemView, href: &str| {
        let mark = if nested {
            ctx.structure_mark()
        } else {
            ctx.share_mark(i.shared_with.len())
        };
        list_entry(ctx, i, href, &mark)
    };
    html! {
        @if items.is_empty() {
            p { (ctx.t(&msg(kind, if nested { "none-shared" } else { "none" }))) }
        } @else if kind == ItemKind::Event {
            @let now = crate::clock::rfc3339(ctx.state.app.now());
            @let (past, upcoming): (Vec<&ItemView>, Vec<&ItemView>) = items.iter().partition(|i| matches!(&i.fields, ItemFields::Event(e) if e.starts_at < now));
            @if !upcoming.is_empty() {
                @if nested { h3 { (ctx.t("event-upcoming")) } } @else { h2 { (ctx.t("event-upcoming")) } }
                ul.items { @for i in &upcoming { (entry(i, &format!("/events/{}", i.id))) } }
            }
            @if !past.is_empty() {
                @if nested { h3 { (ctx.t("event-past")) } } @else { h2 { (ctx.t("event-past")) } }
                ul.items { @for i in past.iter().rev() { (entry(i, &format!("/events/{}", i.id))) } }
            }
        } @else {
            ul.items { @for i in items { (entry(i, &format!("/{}/{}", kind.plural(), i.id))) } }
        }
    }
}

#[derive(Debug, Deserialize)]
struct PageQuery {
    page: Option<String>,
}

async fn list_page(
    KindOf(kind): KindOf,
    Query(q): Query<PageQuery>,
    Page(ctx, Person { session, bid }): Page<Person>,
) -> Response {
    let page = match ctx.page_number(q.page.as_deref()) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let listed = match ctx.state.app.items_page(&session, &bid, kind, page).await {
        Ok(i) => i,
        Err(e) => return ctx.error_page(&e),
    };
    let items = &listed.items;
    ctx.page(&ctx.t(&msg(kind, "section")), html! {
        h1 { (icon(kind_icon(kind))) " " (ctx.t(&msg(kind, "section"))) }
        p { a.button.primary href={"/" (kind.plural()) "/new"} { (icon("plus")) " " (ctx.t(&msg(kind, "add"))) } }
        @if kind == ItemKind::Note && !items.is_empty() { p.hint { (ctx.t("note-list-hint")) } }
        (item_list(&ctx, kind, items, false))
        (ctx.pager(&listed, |n| format!("/{}?page={n}", kind.plural())))
        @match kind {
            ItemKind::Event => section.card {
                h2 { (icon("phone")) " " (ctx.t("feed-title")) }
                p { a.button href="/calendar-feed" { (icon("calendar")) " " (ctx.t("feed-open")) } }
                p { a href="/events/agenda.ics" download { (icon("download")) " " (ctx.t("agenda-download")) } }
            },
            ItemKind::Contact => p { a href="/contacts/contacts.vcf" download { (icon("download")) " " (ctx.t("contacts-download")) } },
            ItemKind::Note | ItemKind::Document | ItemKind::Simulation | ItemKind::Procedure => {},
        }
    })
}

fn form_page(
    ctx: &Ctx,
    kind: ItemKind,
    action: &str,
    values: &Map<String, Value>,
    error: Option<String>,
    status: StatusCode,
) -> Response {
    let title = ctx.t(&msg(kind, "add"));
    ctx.render(status, &title, html! {
        nav.breadcrumbs { a href={"/" (kind.plural())} { (icon(kind_icon(kind))) " " (ctx.t(&msg(kind, "section"))) } }
        section.card.narrow {
            h1 { (icon(kind_icon(kind))) " " (title) }
            (super::field_error(&error))
            form method="post" action=(action) {
                (ctx.csrf_field())
                (form_fields(ctx, kind, values))
                button.primary type="submit" { (icon("check")) " " (ctx.t("action-save")) }
            }
            p { a href={"/" (kind.plural())} { (ctx.t("action-cancel")) } }
        }
    })
}

async fn new_page(KindOf(kind): KindOf, Page(ctx, _): Page<Person>) -> Response {
    let mut values = Map::new();
    if kind == ItemKind::Event {
        // A new appointment offers the reminder the day before.
        values.insert(
            "reminders".into(),
            serde_json::json!([{"minutes_before": 1440}]),
        );
    }
    form_page(
        &ctx,
        kind,
        &format!("/{}", kind.plural()),
        &values,
        None,
        StatusCode::OK,
    )
}

async fn create_submit(KindOf(kind): KindOf, post: Post<Person, Fields>) -> Response {
    save(post, kind, None).await
}

/// Adds (`id` none) or changes an item from its form; a wrong value comes back on the form.
async fn save(post: Post<Person, Fields>, kind: ItemKind, id: Option<ItemId>) -> Response {
    let Post(ctx, Person { session, bid }, pairs) = post;
    let input = form_input(&ctx, kind, &pairs);
    let app = &ctx.state.app;
    let (saved, action) = match &id {
        None => (
            app.create_item(&session, &bid, kind, &input).await,
            format!("/{}", kind.plural()),
        ),
        Some(id) => (
            app.update_item(&session, kind, id, &input).await,
            format!("/{}/{id}/edit", kind.plural()),
        ),
    };
    let notice = if id.is_none() {
        Notice::Added
    } else {
        Notice::Saved
    };
    match saved {
        Ok(item) => ctx.redirect_with(&format!("/{}/{}", kind.plural(), item.id), notice),
        Err(e @ ServiceError::Invalid(_)) => {
            let mut values = input;
            values.extend(
                pairs
                    .iter()
                    .filter(|(k, _)| k == "date" || k == "time")
                    .map(|(k, v)| (k.clone(), Value::String(v.clone()))),
            );
            let message = Some(ctx.error_text(&e));
            form_page(&ctx, kind, &action, &values, message, Ctx::error_status(&e))
        }
        Err(e) => ctx.error_page(&e),
    }
}

fn reminder_text(ctx: &Ctx, minutes: u32) -> String {
    match REMINDER_CHOICES.iter().find(|(m, _)| *m == minutes) {
        Some((_, id)) => ctx.t(id),
        None => ctx.ta("event-reminder-minutes", &[("minutes", minutes.into())]),
    }
}

/// What an item says, for the person and for a professional it is shared with.
/// An item's fields; for an event, with what became of each reminder (`statuses`).
/// `phone_link`: where a reminder without a phone number sends to add one (her phone page, or
/// her file for a professional).
fn item_details(ctx: &Ctx, item: &ItemView, statuses: &[ReminderView], phone_link: &str) -> Markup {
    html! {
        @match &item.fields {
            ItemFields::Contact(c) => {
                dl {
                    @if let Some(p) = &c.phone { dt { (ctx.t("field-phone")) } dd { a href={"tel:" (p)} dir="ltr" { (icon("phone")) " " (p) } } }
                    @if let Some(m) = &c.email { dt { (ctx.t("field-email")) } dd { a href={"mailto:" (m)} dir="ltr" { (m) } } }
                    @if let Some(a) = &c.address { dt { (ctx.t("field-address")) } dd.multiline { (a) } }
                    @if let Some(x) = &c.comment { dt { (ctx.t("field-comment")) } dd.multiline { (x) } }
                }
            }
            ItemFields::Note(n) => { div.multiline.note-body { (n.body) } }
            ItemFields::Event(e) => {
                dl {
                    dt { (ctx.t("field-date")) } dd { time datetime=(e.starts_at) dir="ltr" { (ctx.moment(&e.starts_at)) } }
                    @if let Some(l) = &e.location { dt { (ctx.t("field-location")) } dd { (l) } }
                    @if let Some(x) = &e.comment { dt { (ctx.t("field-comment")) } dd.multiline { (x) } }
                    @if !e.reminders.is_empty() {
                        dt { (ctx.t("field-reminders")) }
                        dd { ul.plain { @for r in &e.reminders {
                            li {
                                (icon("bell")) " " (reminder_text(ctx, r.minutes_before))
                                @if let Some(st) = statuses.iter().find(|s| s.minutes_before == i64::from(r.minutes_before)) {
                                    " · " span.reminder-status { (ctx.t(&format!("reminder-status-{}", st.status))) }
                                    @if st.status == "no_phone" {
                                        " · " a href=(phone_link) { (icon("phone")) " " (ctx.t("reminder-add-phone")) }
                                    }
                                }
                            }
                        } } }
                    }
                }
            }
        }
        p.hint { (ctx.ta("item-added-by", &[("who", if item.created_by.kind == AccountKind::Beneficiary { ctx.t("journal-you") } else { item.created_by.display_name.clone() }.into()), ("date", ctx.day_of(&item.created_at).into())])) }
    }
}

async fn item_page(
    KindOf(kind): KindOf,
    Path(id): Path<String>,
    Page(ctx, Reader(session)): Page<Reader>,
) -> Response {
    let Ok(id) = ItemId::parse(&id) else {
        return ctx.not_found();
    };
    let app = &ctx.state.app;
    let item = match app.get_item(&session, kind, &id).await {
        Ok(i) => i,
        Err(e) => return ctx.error_page(&e),
    };
    let statuses = if kind == ItemKind::Event {
        match app.item_reminders(&session, ItemKind::Event, &id).await {
            Ok(s) => s,
            Err(e) => return ctx.error_page(&e),
        }
    } else {
        Vec::new()
    };
    let Some(bid) = session.beneficiary_id.clone() else {
        // A professional reads what is shared with her structure, nothing more.
        return ctx.page(item.fields.title(), html! {
            nav.breadcrumbs { a href={"/pro/b/" (item.beneficiary_id)} { (icon("person")) " " (ctx.t("item-back-to-file")) } }
            h1 { (icon(kind_icon(kind))) " " (item.fields.title()) }
            (item_details(&ctx, &item, &statuses, &format!("/pro/b/{}#phone", item.beneficiary_id)))
        });
    };
    let relays = match app.relay_structures(&session, &bid).await {
        Ok(r) => r,
        Err(e) => return ctx.error_page(&e),
    };
    let base = format!("/{}/{}", kind.plural(), item.id);
    ctx.page(item.fields.title(), html! {
        nav.breadcrumbs { a href={"/" (kind.plural())} { (icon(kind_icon(kind))) " " (ctx.t(&msg(kind, "section"))) } }
        h1 { (icon(kind_icon(kind))) " " (item.fields.title()) }
        (item_details(&ctx, &item, &statuses, "/phone"))
        p { a.button href={(base) "/edit"} { (icon("settings")) " " (ctx.t("item-edit")) } }
        (super::documents::who_sees(&ctx, &ctx.t("item-who-sees"), &format!("{base}/shares"), &relays, &item.shared_with))
        p { a.button.danger-outline href={(base) "/delete"} { (ctx.t("item-delete")) } }
    })
}

/// One of her items as she may change it, shown by `show`.
async fn editable(page: Page<Person>, kind: ItemKind, id: String, show: Show) -> Response {
    let Page(ctx, Person { session, .. }) = page;
    let Ok(id) = ItemId::parse(&id) else {
        return ctx.not_found();
    };
    match ctx.state.app.item_for_edit(&session, kind, &id).await {
        Ok(item) => show(&ctx, kind, &item),
        Err(e) => ctx.error_page(&e),
    }
}

type Show = fn(&Ctx, ItemKind, &ItemView) -> Response;

async fn edit_page(KindOf(kind): KindOf, Path(id): Path<String>, page: Page<Person>) -> Response {
    editable(page, kind, id, |ctx, kind, item| {
        let action = format!("/{}/{}/edit", kind.plural(), item.id);
        let values = values_of(ctx, &item.fields);
        form_page(ctx, kind, &action, &values, None, StatusCode::OK)
    })
    .await
}

async fn edit_submit(
    KindOf(kind): KindOf,
    Path(id): Path<String>,
    post: Post<Person, Fields>,
) -> Response {
    let Ok(id) = ItemId::parse(&id) else {
        return post.0.not_found();
    };
    save(post, kind, Some(id)).await
}

async fn shares_submit(
    KindOf(kind): KindOf,
    Path(id): Path<String>,
    Post(ctx, Person { session, .. }, pairs): Post<Person, Fields>,
) -> Response {
    let Ok(id) = ItemId::parse(&id) else {
        return ctx.not_found();
    };
    match apply_shares(&ctx, &session, kind, &id, &pairs).await {
        Ok(n) => ctx.redirect_with(&format!("/{}/{id}", kind.plural()), Notice::shares(n)),
        Err(e) => ctx.error_page(&e),
    }
}

async fn delete_confirm(
    KindOf(kind): KindOf,
    Path(id): Path<String>,
    page: Page<Person>,
) -> Response {
    editable(page, kind, id, delete_question).await
}

fn delete_question(ctx: &Ctx, kind: ItemKind, item: &ItemView) -> Response {
    ctx.page(&ctx.t("item-delete"), html! {
            section.card.narrow {
                h1 { (ctx.ta("item-delete-question", &[("name", item.fields.title().to_owned().into())])) }
                p { (ctx.t("item-delete-text")) }
                form method="post" action={"/" (kind.plural()) "/" (item.id) "/delete"} {
                    (ctx.csrf_field())
                    button.danger type="submit" { (ctx.t("item-delete-confirm")) }
                }
                p { a href={"/" (kind.plural()) "/" (item.id)} { (ctx.t("action-cancel")) } }
            }
    })
}

async fn delete_submit(
    KindOf(kind): KindOf,
    Path(id): Path<String>,
    Post(ctx, Person { session, .. }, _): Post<Person>,
) -> Response {
    let Ok(id) = ItemId::parse(&id) else {
        return ctx.not_found();
    };
    match ctx.state.app.delete_item(&session, kind, &id).await {
        Ok(()) => ctx.redirect_with(&format!("/{}", kind.plural()), Notice::Deleted),
        Err(e) => ctx.error_page(&e),
    }
}

/// A professional adds a contact, note or appointment to a person's safe (shared with her
/// structure).
async fn pro_create(
    KindOf(kind): KindOf,
    Path(bid): Path<String>,
    Post(ctx, Professional(session), pairs): Post<Professional, Fields>,
) -> Response {
    let Ok(bid) = BeneficiaryId::parse(&bid) else {
        return ctx.not_found();
    };
    let input = form_input(&ctx, kind, &pairs);
    match ctx
        .state
        .app
        .create_item(&session, &bid, kind, &input)
        .await
    {
        Ok(_) => ctx.redirect_with(&format!("/pro/b/{bid}"), Notice::Added),
        Err(e) => ctx.error_page(&e),
    }
}

/// The professional's view of a person's contacts, notes and appointments shared with her
/// structure, with a form to add each.
pub async fn pro_section(ctx: &Ctx, session: &Session, bid: &BeneficiaryId) -> Markup {
    let mut out = Vec::new();
    for kind in ItemKind::ORGANIZER {
        let items = ctx.state.app.list_items(session, bid, kind).await;
        out.push(html! {
            section.card {
                h2 { (icon(kind_icon(kind))) " " (ctx.t(&msg(kind, "shared-with-you"))) }
                @match &items {
                    Ok(i) => { (item_list(ctx, kind, i, true)) }
                    Err(e) => { div.notice.error role="alert" { p { (ctx.error_text(e)) } } }
                }
                details {
                    summary { (icon("plus")) " " (ctx.t(&msg(kind, "add"))) }
                    form method="post" action={"/pro/b/" (bid) "/" (kind.plural())} {
                        (ctx.csrf_field())
                        (form_fields(ctx, kind, &Map::new()))
                        button.primary type="submit" { (icon("check")) " " (ctx.t("action-save")) }
                    }
                }
            }
        });
    }
    html! { @for m in out { (m) } }
}
