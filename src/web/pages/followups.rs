//! Follow-ups (interview reports) and the structure's agenda as pages: the professional's
//! "Entretiens" of a person (write a report, change its status, delete it), her page of the
//! reports' shared parts, and the structure's agenda by week with its iCalendar download.

use super::guards::Fields;
use super::{Ctx, Page, Person, Post, Professional, icons::icon};
use crate::domain::{
    AccountId, BeneficiaryId, FIXED_SUBJECTS, FollowupId, FollowupStatus, Medium, StructureId,
};
use crate::service::agenda::{AgendaEntry, agenda, agenda_ics};
use crate::service::followups::{
    FollowupInput, FollowupView, SubjectView, add_subject, create_followup, delete_followup,
    followup_structure, followups_of, shared_followups, subjects_of, update_followup,
};
use crate::service::{ServiceError, Session};
use crate::web::AppState;
use axum::Router;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::{Markup, html};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/pro/b/{bid}/followups", get(pro_page).post(pro_create))
        .route("/pro/b/{bid}/followups/{fid}/status", post(pro_status))
        .route("/pro/b/{bid}/followups/{fid}/delete", post(pro_delete))
        .route("/pro/b/{bid}/subjects", post(pro_subject))
        .route("/followups", get(her_page))
        .route("/pro/s/{sid}/agenda", get(agenda_page))
        .route("/pro/s/{sid}/agenda.ics", get(agenda_download))
}

/// The name of a subject: a fixed one's from the catalogue, a structure's own as it wrote it.
fn subject_name(ctx: &Ctx, code: &str, own: &[SubjectView]) -> String {
    if FIXED_SUBJECTS.contains(&code) {
        return ctx.t(&format!("followups-subject-{}", code.replace('_', "-")));
    }
    own.iter()
        .find(|s| s.code == code)
        .and_then(|s| s.label.clone())
        .unwrap_or_else(|| code.to_owned())
}

fn medium_name(ctx: &Ctx, code: &str) -> String {
    ctx.t(&format!("followups-medium-{}", code.replace('_', "-")))
}

fn status_name(ctx: &Ctx, code: &str) -> String {
    ctx.t(&format!("followups-status-{}", code.replace('_', "-")))
}

/// The form's fields as a follow-up: repeated `subjects` and `document_ids` checkboxes.
fn input_of(fields: &Fields) -> FollowupInput {
    let one = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let many = |name: &str| {
        fields
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect::<Vec<_>>()
    };
    FollowupInput {
        date: one("date"),
        medium: one("medium"),
        subjects: Some(many("subjects")),
        status: one("status"),
        shared_text: one("shared_text"),
        private_text: one("private_text"),
        due_on: one("due_on"),
        document_ids: Some(many("document_ids")),
    }
}

fn field<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

/// The professional's page of a person's follow-ups, with the form of a new one.
async fn pro_view(
    ctx: &Ctx,
    session: &Session,
    bid: &BeneficiaryId,
    form: Option<(&Fields, String)>,
) -> Response {
    let sid = match followup_structure(&ctx.state.app, session, bid).await {
        Ok(s) => s,
        Err(e) => return ctx.error_page(&e),
    };
    let app = &ctx.state.app;
    let (list, subjects, documents) = match tokio::try_join!(
        followups_of(app, session, &sid, bid),
        subjects_of(app, session, &sid),
        app.list_documents(session, bid, None)
    ) {
        Ok(v) => v,
        Err(e) => return ctx.error_page(&e),
    };
    let documents: Vec<_> = documents
        .into_iter()
        .filter(|d| d.shared_with.contains(&sid))
        .collect();
    let own: Vec<SubjectView> = subjects
        .iter()
        .filter(|s| s.label.is_some())
        .cloned()
        .collect();
    let today = crate::clock::local(&ctx.zone(), app.now()).date;
    let (sent, error) = match &form {
        Some((f, e)) => (Some(*f), Some(e.clone())),
        None => (None, None),
    };
    let value = |name: &str| sent.map(|f| field(f, name).to_owned()).unwrap_or_default();
    let checked =
        |name: &str, v: &str| sent.is_some_and(|f| f.iter().any(|(k, x)| k == name && x == v));
    let date = sent.map_or(today.clone(), |f| field(f, "date").to_owned());
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let action = format!("/pro/b/{bid}/followups");
    ctx.render(status, &ctx.t("followups-title"), html! {
        section.card {
            h1 { (icon("note")) " " (ctx.t("followups-title")) }
            p { (ctx.t("followups-intro")) }
            p { a href={"/pro/b/" (bid)} { (icon("person")) " " (ctx.t("followups-back")) } }
        }
        section.card id="new-followup" {
            h2 { (icon("plus")) " " (ctx.t("followups-new")) }
            (super::field_error(&error))
            form method="post" action=(action) {
                (ctx.csrf_field())
                label for="f-date" { (ctx.t("field-date")) }
                input id="f-date" name="date" type="date" required value=(date);
                label for="f-medium" { (ctx.t("field-medium")) }
                select id="f-medium" name="medium" {
                    @for m in Medium::ALL { option value=(m.as_str()) selected[value("medium") == m.as_str()] { (medium_name(ctx, m.as_str())) } }
                }
                fieldset {
                    legend { (ctx.t("field-subjects")) }
                    @for s in &subjects {
                        div.choice {
                            input id={"f-subject-" (s.code)} type="checkbox" name="subjects" value=(s.code) checked[checked("subjects", &s.code)];
                            label for={"f-subject-" (s.code)} { (subject_name(ctx, &s.code, &own)) }
                        }
                    }
                }
                label for="f-status" { (ctx.t("field-status")) }
                select id="f-status" name="status" {
                    @for st in FollowupStatus::ALL { option value=(st.as_str()) selected[value("status") == st.as_str() || (sent.is_none() && *st == FollowupStatus::Done)] { (status_name(ctx, st.as_str())) } }
                }
                label for="f-due" { (ctx.t("field-due-on")) " " span.hint { (ctx.t("optional")) } }
                input id="f-due" name="due_on" type="date" value=(value("due_on"));
                label for="f-shared" { (ctx.t("field-shared-text")) }
                p.hint id="f-shared-hint" { (ctx.t("followups-shared-hint")) }
                textarea id="f-shared" name="shared_text" rows="5" aria-describedby="f-shared-hint" { (value("shared_text")) }
                label for="f-private" { (ctx.t("field-private-text")) }
                p.hint id="f-private-hint" { (ctx.t("followups-private-hint")) }
                textarea id="f-private" name="private_text" rows="5" aria-describedby="f-private-hint" { (value("private_text")) }
                @if !documents.is_empty() {
                    fieldset {
                        legend { (ctx.t("field-document-ids")) }
                        @for d in &documents {
                            div.choice {
                                input id={"f-doc-" (d.id)} type="checkbox" name="document_ids" value=(d.id) checked[checked("document_ids", d.id.as_str())];
                                label for={"f-doc-" (d.id)} { (d.name) }
                            }
                        }
                    }
                }
                button.primary type="submit" { (ctx.t("followups-save")) }
            }
            @if is_admin(session, &sid) {
                form.inline method="post" action={"/pro/b/" (bid) "/subjects"} {
                    (ctx.csrf_field())
                    label for="f-new-subject" { (ctx.t("followups-add-subject")) }
                    input id="f-new-subject" name="label" type="text" maxlength="80" required;
                    button type="submit" { (ctx.t("action-add")) }
                }
            }
        }
        @if list.is_empty() {
            section.card { p { (ctx.t("followups-none")) } }
        }
        @for f in &list { (report_card(ctx, bid, f, &own, &documents)) }
    })
}

/// Whether the professional administers `sid` (she may add to its subjects).
fn is_admin(session: &Session, sid: &StructureId) -> bool {
    match &session.actor {
        crate::policy::Actor::Professional { memberships, .. } => memberships
            .iter()
            .any(|m| &m.structure_id == sid && m.role == crate::domain::StaffRole::Admin),
        _ => false,
    }
}

fn report_card(
    ctx: &Ctx,
    bid: &BeneficiaryId,
    f: &FollowupView,
    own: &[SubjectView],
    documents: &[crate::service::DocumentView],
) -> Markup {
    html! {
        article.card.followup id={"f-" (f.id)} {
            h2 { (icon("note")) " " (super::documents::day(&f.date)) " · " (medium_name(ctx, &f.medium)) }
            dl {
                dt { (ctx.t("field-status")) } dd { (status_name(ctx, &f.status)) }
                @if !f.subjects.is_empty() {
                    dt { (ctx.t("field-subjects")) }
                    dd { (f.subjects.iter().map(|s| subject_name(ctx, s, own)).collect::<Vec<_>>().join(", ")) }
                }
                @if let Some(d) = &f.due_on { dt { (ctx.t("field-due-on")) } dd { (super::documents::day(d)) } }
                dt { (ctx.t("followups-author")) } dd { (f.author.name) }
            }
            @if let Some(t) = &f.shared_text {
                h3 { (icon("share")) " " (ctx.t("field-shared-text")) }
                p.followup-text.shared { (t) }
            }
            @if let Some(t) = &f.private_text {
                h3 { (icon("lock")) " " (ctx.t("field-private-text")) }
                p.followup-text.private { (t) }
            }
            @if !f.document_ids.is_empty() {
                h3 { (icon("folder")) " " (ctx.t("field-document-ids")) }
                ul.plain {
                    @for id in &f.document_ids {
                        @let name = documents.iter().find(|d| &d.id == id).map_or_else(|| ctx.t("journal-deleted-document"), |d| d.name.clone());
                        li { a href={"/pro/b/" (bid) "/documents/" (id)} { (icon("pdf")) " " (name) } }
                    }
                }
            }
            div.actions {
                form.inline method="post" action={"/pro/b/" (bid) "/followups/" (f.id) "/status"} {
                    (ctx.csrf_field())
                    label for={"st-" (f.id)} { (ctx.t("field-status")) }
                    select id={"st-" (f.id)} name="status" {
                        @for st in FollowupStatus::ALL { option value=(st.as_str()) selected[f.status == st.as_str()] { (status_name(ctx, st.as_str())) } }
                    }
                    button type="submit" { (ctx.t("action-save")) }
                }
                form.inline method="post" action={"/pro/b/" (bid) "/followups/" (f.id) "/delete"} {
                    (ctx.csrf_field())
                    button.danger type="submit" { (icon("delete")) " " (ctx.t("followups-delete")) }
                }
            }
        }
    }
}

/// The person's id from the path; anything else is not found (boxed: a response is large).
fn parse_bid(ctx: &Ctx, raw: &str) -> Result<BeneficiaryId, Box<Response>> {
    BeneficiaryId::parse(raw).map_err(|_| Box::new(ctx.not_found()))
}

async fn pro_page(
    Path(bid): Path<String>,
    Page(ctx, Professional(session)): Page<Professional>,
) -> Response {
    match parse_bid(&ctx, &bid) {
        Ok(bid) => pro_view(&ctx, &session, &bid, None).await,
        Err(r) => *r,
    }
}

async fn pro_create(
    Path(bid): Path<String>,
    Post(ctx, Professional(session), form): Post<Professional, Fields>,
) -> Response {
    let (bid, sid) = match person_and_structure(&ctx, &session, &bid).await {
        Ok(t) => t,
        Err(r) => return *r,
    };
    match create_followup(&ctx.state.app, &session, &sid, &bid, input_of(&form)).await {
        Ok(f) => Redirect::to(&format!("/pro/b/{bid}/followups#f-{}", f.id)).into_response(),
        Err(e @ ServiceError::Invalid(_)) => {
            pro_view(&ctx, &session, &bid, Some((&form, ctx.error_text(&e)))).await
        }
        Err(e) => ctx.error_page(&e),
    }
}

/// The follow-up `fid` of the structure through which the professional follows her.
async fn target(
    ctx: &Ctx,
    session: &Session,
    bid: &str,
    fid: &str,
) -> Result<(BeneficiaryId, StructureId, FollowupId), Box<Response>> {
    let fid = FollowupId::parse(fid).map_err(|_| Box::new(ctx.not_found()))?;
    let (bid, sid) = person_and_structure(ctx, session, bid).await?;
    Ok((bid, sid, fid))
}

/// The person of the path and the structure through which the professional writes about her.
async fn person_and_structure(
    ctx: &Ctx,
    session: &Session,
    bid: &str,
) -> Result<(BeneficiaryId, StructureId), Box<Response>> {
    let bid = parse_bid(ctx, bid)?;
    let sid = followup_structure(&ctx.state.app, session, &bid)
        .await
        .map_err(|e| Box::new(ctx.error_page(&e)))?;
    Ok((bid, sid))
}

#[derive(Debug, Deserialize)]
struct StatusForm {
    #[serde(default)]
    status: String,
}

async fn pro_status(
    Path((bid, fid)): Path<(String, String)>,
    Post(ctx, Professional(session), form): Post<Professional, StatusForm>,
) -> Response {
    let (bid, sid, fid) = match target(&ctx, &session, &bid, &fid).await {
        Ok(t) => t,
        Err(r) => return *r,
    };
    let input = FollowupInput {
        status: Some(form.status),
        ..FollowupInput::default()
    };
    match update_followup(&ctx.state.app, &session, &sid, &fid, input).await {
        Ok(_) => Redirect::to(&format!("/pro/b/{bid}/followups#f-{fid}")).into_response(),
        Err(e) => ctx.error_page(&e),
    }
}

async fn pro_delete(
    Path((bid, fid)): Path<(String, String)>,
    Post(ctx, Professional(session), _): Post<Professional>,
) -> Response {
    let (bid, sid, fid) = match target(&ctx, &session, &bid, &fid).await {
        Ok(t) => t,
        Err(r) => return *r,
    };
    match delete_followup(&ctx.state.app, &session, &sid, &fid).await {
        Ok(()) => Redirect::to(&format!("/pro/b/{bid}/followups")).into_response(),
        Err(e) => ctx.error_page(&e),
    }
}

#[derive(Debug, Deserialize)]
struct SubjectForm {
    #[serde(default)]
    label: String,
}

async fn pro_subject(
    Path(bid): Path<String>,
    Post(ctx, Professional(session), form): Post<Professional, SubjectForm>,
) -> Response {
    let (bid, sid) = match person_and_structure(&ctx, &session, &bid).await {
        Ok(t) => t,
        Err(r) => return *r,
    };
    match add_subject(&ctx.state.app, &session, &sid, &form.label).await {
        Ok(_) => Redirect::to(&format!("/pro/b/{bid}/followups#new-followup")).into_response(),
        Err(e) => ctx.error_page(&e),
    }
}

/// Her page: the shared parts of the reports her relais wrote.
async fn her_page(Page(ctx, Person { session, bid }): Page<Person>) -> Response {
    let list = match shared_followups(&ctx.state.app, &session, &bid).await {
        Ok(l) => l,
        Err(e) => return ctx.error_page(&e),
    };
    ctx.page(&ctx.t("my-followups-title"), html! {
        h1 { (icon("note")) " " (ctx.t("my-followups-title")) }
        p { (ctx.t("my-followups-intro")) }
        @if list.is_empty() { p { (ctx.t("my-followups-none")) } }
        @for f in &list {
            article.card.followup {
                h2 { (super::documents::day(&f.date)) " · " (medium_name(&ctx, &f.medium)) }
                p.hint { (ctx.ta("my-followups-by", &[("name", f.author.clone().into()), ("structure", f.structure.name.clone().into())])) }
                p.followup-text.shared { (f.shared_text) }
            }
        }
    })
}

#[derive(Debug, Default, Deserialize)]
struct AgendaQuery {
    week: Option<String>,
    referent: Option<String>,
}

/// The Monday of the week holding `day` (or today), and the Sunday after.
fn week_of(ctx: &Ctx, day: Option<&str>) -> (jiff::civil::Date, jiff::civil::Date) {
    let today = crate::clock::local(&ctx.zone(), ctx.state.app.now()).date;
    let d = day
        .and_then(|d| d.parse::<jiff::civil::Date>().ok())
        .or_else(|| today.parse().ok())
        .unwrap_or_default();
    let back = i64::from(d.weekday().to_monday_zero_offset());
    let monday = d.checked_sub(jiff::Span::new().days(back)).unwrap_or(d);
    let sunday = monday
        .checked_add(jiff::Span::new().days(6))
        .unwrap_or(monday);
    (monday, sunday)
}

fn referent_of(q: &AgendaQuery) -> Option<AccountId> {
    q.referent.as_deref().and_then(|r| AccountId::parse(r).ok())
}

async fn agenda_page(
    Path(sid): Path<String>,
    Query(q): Query<AgendaQuery>,
    Page(ctx, Professional(session)): Page<Professional>,
) -> Response {
    let Ok(sid) = StructureId::parse(&sid) else {
        return ctx.not_found();
    };
    let (monday, sunday) = week_of(&ctx, q.week.as_deref());
    let (from, to) = (monday.to_string(), sunday.to_string());
    let referent = referent_of(&q);
    let entries = match agenda(
        &ctx.state.app,
        &session,
        &sid,
        (&from, &to),
        referent.as_ref(),
    )
    .await
    {
        Ok(e) => e,
        Err(e) => return ctx.error_page(&e),
    };
    let team = ctx
        .state
        .app
        .list_professionals(&session, &sid)
        .await
        .unwrap_or_default();
    let shift = |days: i64| {
        monday
            .checked_add(jiff::Span::new().days(days))
            .map(|d| d.to_string())
            .unwrap_or_default()
    };
    let chosen = referent
        .as_ref()
        .map(|r| r.as_str().to_owned())
        .unwrap_or_default();
    let link = |week: &str| {
        let mut query = vec![("week", week.to_owned())];
        if !chosen.is_empty() {
            query.push(("referent", chosen.clone()));
        }
        format!(
            "?{}",
            serde_urlencoded::to_string(&query).unwrap_or_default()
        )
    };
    let download = {
        let mut query = vec![("from", from.clone()), ("to", to.clone())];
        if !chosen.is_empty() {
            query.push(("referent", chosen.clone()));
        }
        format!(
            "/pro/s/{sid}/agenda.ics?{}",
            serde_urlencoded::to_string(&query).unwrap_or_default()
        )
    };
    let days: Vec<String> = (0..7).map(shift).collect();
    ctx.page(&ctx.t("pro-agenda-title"), html! {
        section.card {
            h1 { (icon("calendar")) " " (ctx.ta("pro-agenda-week", &[("date", super::documents::day(&from).into())])) }
            form.inline method="get" action={"/pro/s/" (sid) "/agenda"} {
                input type="hidden" name="week" value=(from);
                label for="pro-agenda-referent" { (ctx.t("pro-agenda-referent")) }
                select id="pro-agenda-referent" name="referent" {
                    option value="" { (ctx.t("pro-agenda-everyone")) }
                    @for p in &team { option value=(p.id) selected[chosen == p.id.as_str()] { (p.display_name) } }
                }
                button type="submit" { (ctx.t("pro-agenda-filter")) }
            }
            div.actions {
                a.button href=(link(&shift(-7))) { (ctx.t("pro-agenda-previous")) }
                a.button href=(link(&shift(7))) { (ctx.t("pro-agenda-next")) }
                a.button href=(download) { (icon("download")) " " (ctx.t("pro-agenda-download")) }
            }
        }
        @if entries.is_empty() { section.card { p { (ctx.t("pro-agenda-empty")) } } }
        @for d in &days {
            @let today: Vec<&AgendaEntry> = entries.iter().filter(|e| &e.day == d).collect();
            @if !today.is_empty() {
                section.card {
                    h2 { (super::documents::day(d)) }
                    ul.plain.agenda {
                        @for e in today {
                            li {
                                @if let Some(t) = &e.time { strong { (t) } " " }
                                @if e.kind == "event" {
                                    (icon("calendar")) " " (e.title.clone().unwrap_or_default())
                                } @else {
                                    (icon("bell")) " " (ctx.t("pro-agenda-due"))
                                    @if let Some(s) = &e.status { " (" (status_name(&ctx, s)) ")" }
                                }
                                " — "
                                a href={"/pro/b/" (e.person.id) (if e.kind == "event" { String::new() } else { "/followups".to_owned() })} { (e.person.display_name) }
                            }
                        }
                    }
                }
            }
        }
        p { a.button href="/pro" { (ctx.t("action-back-home")) } }
    })
}

#[derive(Debug, Default, Deserialize)]
struct DownloadQuery {
    from: Option<String>,
    to: Option<String>,
    referent: Option<String>,
}

async fn agenda_download(
    Path(sid): Path<String>,
    Query(q): Query<DownloadQuery>,
    Page(ctx, Professional(session)): Page<Professional>,
) -> Response {
    let Ok(sid) = StructureId::parse(&sid) else {
        return ctx.not_found();
    };
    let (monday, sunday) = week_of(&ctx, None);
    let from = q.from.unwrap_or_else(|| monday.to_string());
    let to = q.to.unwrap_or_else(|| sunday.to_string());
    let referent = q.referent.as_deref().and_then(|r| AccountId::parse(r).ok());
    let label = ctx.t("pro-agenda-due");
    match agenda_ics(
        &ctx.state.app,
        &session,
        &sid,
        (&from, &to),
        referent.as_ref(),
        &label,
    )
    .await
    {
        Ok(ics) => crate::web::api::content_response(
            "text/calendar; charset=utf-8",
            "agenda.ics",
            ics.into_bytes(),
            false,
        ),
        Err(e) => ctx.error_page(&e),
    }
}
