//! Messages between a person and her relais (`service/messages.rs`): her list of relais with
//! their threads and a "write to" form each (`/messages`), the team inbox of a structure
//! (`/s/{sid}/messages`), and a thread's page for both sides (`/messages/{tid}`): the
//! messages, the form to write with a document of her safe or a photo, closing. Every thread
//! page says it is not for emergencies. With app.js the messages refresh on their own
//! (`/messages/{tid}/list`, polled while the tab is visible).

use super::{CheckedParts, Ctx, Notice, Page, Person, Post, Professional, Reader, Upload};
use super::{icons::icon, incoming::go};
use crate::domain::{BeneficiaryId, StructureId, ThreadId};
use crate::policy::Actor;
use crate::service::messages::{
    MessageInput, MessageView, NewThreadInput, ThreadPage, close_thread, thread_page,
    threads_of_person, threads_of_structure, write_in_thread, write_to_relay,
};
use crate::service::{NewDocument, PaperDetails, ServiceError, Session};
use crate::web::AppState;
use crate::web::api::receive_file;
use axum::Router;
use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use maud::{Markup, html};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/messages", get(my_threads).post(start_submit))
        .route("/messages/{tid}", get(thread).post(write_submit))
        .route("/messages/{tid}/list", get(thread_list))
        .route("/messages/{tid}/close", post(close_submit))
        .route("/s/{sid}/messages", get(inbox))
}

/// "Not for emergencies": on every page of messages.
fn emergency_notice(ctx: &Ctx) -> Markup {
    html! {
        div.notice.warning role="note" {
            p { (icon("warning")) " " (ctx.t("messages-emergency")) }
        }
    }
}

async fn my_threads(Page(ctx, Person { session, bid }): Page<Person>) -> Response {
    render_mine(&ctx, &session, &bid, None).await
}

async fn render_mine(
    ctx: &Ctx,
    session: &Session,
    bid: &BeneficiaryId,
    error: Option<String>,
) -> Response {
    let (threads, relays) = match tokio::try_join!(
        threads_of_person(&ctx.state.app, session, bid),
        ctx.state.app.relay_structures(session, bid)
    ) {
        Ok(v) => v,
        Err(e) => return ctx.error_page(&e),
    };
    // A relais whose messaging the operator switched off takes no new thread.
    let mut writable = Vec::new();
    for r in relays
        .iter()
        .filter(|r| !threads.iter().any(|t| t.structure.id == r.id))
    {
        if super::operations::switched(ctx, &r.id).await.messaging {
            writable.push(r);
        }
    }
    ctx.page(&ctx.t("messages-title"), html! {
        h1 { (icon("message")) " " (ctx.t("messages-title")) }
        (emergency_notice(ctx))
        @if let Some(e) = &error { div.notice.error role="alert" { p { (e) } } }
        @if relays.is_empty() && threads.is_empty() {
            p { (ctx.t("messages-no-relais")) }
        }
        @if !threads.is_empty() {
            ul.items.threads {
                @for t in &threads {
                    li {
                        a href={"/messages/" (t.id)} {
                            strong { (t.structure.name) }
                            @if t.unread > 0 { " " span.badge { (ctx.ta("messages-unread", &[("count", t.unread.into())])) } }
                        }
                        br;
                        span.hint { (ctx.ta("messages-last", &[("when", ctx.moment(&t.last_at).into())])) }
                        @if t.closed { " · " span.hint { (ctx.t("messages-closed")) } }
                    }
                }
            }
        }
        @for r in &writable {
            section.card {
                h2 { (ctx.ta("messages-write-to", &[("name", r.name.clone().into())])) }
                form method="post" action="/messages" {
                    (ctx.csrf_field())
                    input type="hidden" name="structure_id" value=(r.id);
                    label for={"text-" (r.id)} { (ctx.t("messages-text")) }
                    textarea id={"text-" (r.id)} name="text" rows="4" maxlength="5000" required {}
                    button.primary type="submit" { (icon("message")) " " (ctx.t("messages-send")) }
                }
            }
        }
    })
}

#[derive(Debug, Deserialize)]
struct StartForm {
    structure_id: String,
    text: String,
}

async fn start_submit(
    Post(ctx, Person { session, bid }, form): Post<Person, StartForm>,
) -> Response {
    let input = NewThreadInput {
        structure_id: form.structure_id,
        text: form.text,
        document_ids: Vec::new(),
    };
    match write_to_relay(&ctx.state.app, &session, &bid, input).await {
        Ok((tid, _)) => ctx.redirect_with(&format!("/messages/{tid}#last"), Notice::Sent),
        Err(e @ ServiceError::Invalid(_)) => {
            render_mine(&ctx, &session, &bid, Some(ctx.error_text(&e))).await
        }
        Err(e) => ctx.error_page(&e),
    }
}

/// The messages of a thread, oldest first; the last one is the anchor `#last`.
fn message_list(ctx: &Ctx, page: &ThreadPage, pro_view: bool) -> Markup {
    let last = page.messages.len().saturating_sub(1);
    html! {
        ol.messages id="messages" aria-live="polite" {
            @for (i, m) in page.messages.iter().enumerate() {
                (message_item(ctx, m, page, pro_view, i == last))
            }
        }
        @if page.seen { p.hint.seen { (icon("check")) " " (ctx.t("messages-seen")) } }
        @if !page.read_by.is_empty() {
            p.hint { (ctx.ta("messages-read-by", &[("names", page.read_by.join(", ").into())])) }
        }
    }
}

fn message_item(
    ctx: &Ctx,
    m: &MessageView,
    page: &ThreadPage,
    pro_view: bool,
    last: bool,
) -> Markup {
    let who = match (&m.author.name, m.author.kind.as_str()) {
        (Some(n), _) => ctx.ta(
            "messages-from-team",
            &[
                ("name", n.clone().into()),
                ("structure", page.structure.name.clone().into()),
            ],
        ),
        (None, _) if pro_view => ctx.t("messages-from-person"),
        (None, _) => ctx.t("messages-from-you"),
    };
    html! {
        li.message.mine[m.mine] id=[last.then_some("last")] {
            p.meta { strong { (who) } " · " (ctx.moment(&m.at)) }
            p.text { (m.text) }
            @if !m.documents.is_empty() {
                ul.attachments {
                    @for d in &m.documents {
                        li {
                            (icon("paper")) " "
                            @match &d.name {
                                Some(n) if pro_view => { a href={"/pro/b/" (page.beneficiary_id) "/documents/" (d.id)} { (n) } }
                                Some(n) => { a href={"/documents/" (d.id)} { (n) } }
                                None => { span.hint { (ctx.t("messages-document-gone")) } }
                            }
                        }
                    }
                }
            }
        }
    }
}

async fn thread(Path(tid): Path<String>, Page(ctx, Reader(session)): Page<Reader>) -> Response {
    let Ok(tid) = ThreadId::parse(&tid) else {
        return ctx.not_found();
    };
    render_thread(&ctx, &session, &tid, None).await
}

/// The documents the caller may attach: hers (she), or hers shared with the structure.
async fn attachable(
    ctx: &Ctx,
    session: &Session,
    bid: &BeneficiaryId,
) -> Vec<crate::service::DocumentView> {
    ctx.state
        .app
        .list_documents(session, bid, None)
        .await
        .unwrap_or_default()
}

async fn render_thread(
    ctx: &Ctx,
    session: &Session,
    tid: &ThreadId,
    error: Option<String>,
) -> Response {
    let page = match thread_page(&ctx.state.app, session, tid).await {
        Ok(p) => p,
        Err(e) => return ctx.error_page(&e),
    };
    let pro_view = matches!(session.actor, Actor::Professional { .. });
    let docs = attachable(ctx, session, &page.beneficiary_id).await;
    let title = if pro_view {
        ctx.t("messages-thread-pro-title")
    } else {
        ctx.ta(
            "messages-thread-title",
            &[("name", page.structure.name.clone().into())],
        )
    };
    ctx.page(&title, html! {
        h1 { (icon("message")) " " (title) }
        (emergency_notice(ctx))
        @if let Some(e) = &error { div.notice.error role="alert" { p { (e) } } }
        @if page.messages.is_empty() { p { (ctx.t("messages-none")) } }
        div.thread data-poll={"/messages/" (page.id) "/list"} {
            (message_list(ctx, &page, pro_view))
        }
        @if page.writable {
            section.card {
                h2 { (ctx.t("messages-answer")) }
                form.upload method="post" action={"/messages/" (page.id)} enctype="multipart/form-data" {
                    (ctx.csrf_field())
                    label for="message-text" { (ctx.t("messages-text")) }
                    textarea id="message-text" name="text" rows="4" maxlength="5000" required {}
                    @if !docs.is_empty() {
                        label for="message-document" { (ctx.t("messages-attach-document")) " " span.hint { (ctx.t("optional")) } }
                        select id="message-document" name="document_id" {
                            option value="" { (ctx.t("messages-no-document")) }
                            @for d in &docs { option value=(d.id) { (d.name) } }
                        }
                    }
                    label for="message-file" { (ctx.t("messages-attach-photo")) " " span.hint { (ctx.t("optional")) } }
                    p.hint id="message-file-hint" { (ctx.t(if pro_view { "messages-attach-hint-pro" } else { "messages-attach-hint" })) }
                    input id="message-file" name="file" type="file" accept="image/jpeg,image/png,image/webp,application/pdf" aria-describedby="message-file-hint";
                    button.primary type="submit" { (icon("message")) " " (ctx.t("messages-send")) }
                    progress.upload-progress max="100" value="0" hidden {}
                }
            }
        } @else if page.closed {
            p.hint { (ctx.t("messages-closed-hint")) }
        }
        @if !pro_view && !page.closed {
            form method="post" action={"/messages/" (page.id) "/close"} {
                (ctx.csrf_field())
                button type="submit" { (icon("close")) " " (ctx.t("messages-close")) }
            }
        }
        p {
            @if pro_view {
                a href={"/s/" (page.structure.id) "/messages"} { (ctx.t("messages-back-inbox")) }
            } @else {
                a href="/messages" { (ctx.t("messages-back")) }
            }
        }
    })
}

/// The messages alone, for app.js's refresh (no layout).
async fn thread_list(
    Path(tid): Path<String>,
    Page(ctx, Reader(session)): Page<Reader>,
) -> Response {
    let Ok(tid) = ThreadId::parse(&tid) else {
        return ctx.not_found();
    };
    match thread_page(&ctx.state.app, &session, &tid).await {
        Ok(page) => {
            let pro_view = matches!(session.actor, Actor::Professional { .. });
            (
                [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                message_list(&ctx, &page, pro_view).into_string(),
            )
                .into_response()
        }
        Err(e) => ctx.error_page(&e),
    }
}

/// What the thread's form sent: the text, a document chosen, a file uploaded into her safe.
struct Written {
    text: String,
    document_ids: Vec<String>,
}

/// Reads the thread's form: a file part is stored in her safe as any upload is (added by the
/// professional's structure when he sends it) and becomes an attachment.
async fn read_form(
    ctx: &Ctx,
    session: &Session,
    bid: &BeneficiaryId,
    mut form: CheckedParts,
) -> Result<Written, ServiceError> {
    let size_hint = form.body_len();
    let mut out = Written {
        text: String::new(),
        document_ids: Vec::new(),
    };
    let mut file_taken = false;
    while let Some(mut part) = form.next_part().await? {
        match part.name() {
            "text" => out.text = part.text().await?,
            "document_id" => {
                if let Some(d) = part.optional_text().await? {
                    out.document_ids.push(d);
                }
            }
            "file" if !file_taken => {
                file_taken = true;
                let name = part.file_name().map(str::to_owned);
                match receive_file(&ctx.state.app, session, bid, &mut part, size_hint).await {
                    Ok(content) => {
                        if out.text.trim().is_empty() {
                            return Err(crate::domain::InvalidInput::new("text", "required").into());
                        }
                        let doc = ctx
                            .state
                            .app
                            .add_paper(
                                session,
                                bid,
                                NewDocument {
                                    content,
                                    file_name: name,
                                    name: None,
                                    folder_id: None,
                                },
                                PaperDetails::default(),
                            )
                            .await?;
                        out.document_ids.push(doc.id.into_string());
                    }
                    // A file input left empty still sends a part with no bytes.
                    Err(ServiceError::Invalid(i)) if i.code == "required" => {}
                    Err(e) => return Err(e),
                }
            }
            _ => part.discard().await?,
        }
    }
    Ok(out)
}

async fn write_submit(Path(tid): Path<String>, upload: Upload<Reader>) -> Response {
    let Upload(ctx, Reader(session), multipart) = upload;
    let Ok(tid) = ThreadId::parse(&tid) else {
        return ctx.not_found();
    };
    // The thread first: an upload goes to her safe only through a thread the caller may see.
    let page = match thread_owner(&ctx, &session, &tid).await {
        Ok(p) => p,
        Err(e) => return ctx.error_page(&e),
    };
    let written = match read_form(&ctx, &session, &page, multipart).await {
        Ok(w) => w,
        Err(ServiceError::Forbidden) => return ctx.bad_form(),
        Err(e) => return render_thread(&ctx, &session, &tid, Some(ctx.error_text(&e))).await,
    };
    let input = MessageInput {
        text: written.text,
        document_ids: written.document_ids,
    };
    match write_in_thread(&ctx.state.app, &session, &tid, input).await {
        // No `#last`: app.js follows this address, and one that differs from the page's only by
        // its fragment would not load the page again.
        Ok(_) => go(&ctx, &format!("/messages/{tid}"), Notice::Sent),
        Err(e @ (ServiceError::Invalid(_) | ServiceError::Conflict(_))) => {
            render_thread(&ctx, &session, &tid, Some(ctx.error_text(&e))).await
        }
        Err(e) => ctx.error_page(&e),
    }
}

/// Whose safe thread `tid` is, if the caller may write in it.
async fn thread_owner(
    ctx: &Ctx,
    session: &Session,
    tid: &ThreadId,
) -> Result<BeneficiaryId, ServiceError> {
    crate::service::messages::writer_of(&ctx.state.app, session, tid).await
}

async fn close_submit(
    Path(tid): Path<String>,
    Post(ctx, Person { session, .. }, _): Post<Person>,
) -> Response {
    let Ok(tid) = ThreadId::parse(&tid) else {
        return ctx.not_found();
    };
    match close_thread(&ctx.state.app, &session, &tid).await {
        Ok(()) => ctx.redirect_with("/messages", Notice::Saved),
        Err(e) => ctx.error_page(&e),
    }
}

async fn inbox(
    Path(sid): Path<String>,
    Page(ctx, Professional(session)): Page<Professional>,
) -> Response {
    let Ok(sid) = StructureId::parse(&sid) else {
        return ctx.not_found();
    };
    let threads = match threads_of_structure(&ctx.state.app, &session, &sid).await {
        Ok(t) => t,
        Err(e) => return ctx.error_page(&e),
    };
    ctx.page(&ctx.t("messages-inbox-title"), html! {
        h1 { (icon("message")) " " (ctx.t("messages-inbox-title")) }
        (emergency_notice(&ctx))
        @if threads.is_empty() {
            p { (ctx.t("messages-inbox-empty")) }
        } @else {
            ul.items.threads {
                @for t in &threads {
                    li {
                        a href={"/messages/" (t.id)} {
                            strong { (t.person.name) }
                            @if t.unread > 0 { " " span.badge { (ctx.ta("messages-unread", &[("count", t.unread.into())])) } }
                        }
                        br;
                        span.hint { (ctx.ta("messages-last", &[("when", ctx.moment(&t.last_at).into())])) }
                        @if t.closed { " · " span.hint { (ctx.t("messages-closed")) } }
                    }
                }
            }
        }
        p { a href="/pro" { (ctx.t("action-back")) } }
    })
}
