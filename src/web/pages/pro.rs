//! The professional interface: people followed, opening a safe (with the recovery sheet to
//! print), inviting an existing person and a person's file (the team: `team.rs`).

use super::{Ctx, Page, Post, Professional, icons::icon};
use crate::domain::{BeneficiaryId, StructureId};
use crate::policy::Actor;
use crate::service::people::{self, PeopleQuery, PersonLine};
use crate::service::{NewSafe, Page as ListPage, PageNumber, ServiceError, Session, StructureView};
use crate::web::AppState;
use axum::Router;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use maud::{Markup, html};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/pro", get(pro_home))
        .route("/pro/s/{sid}/open", get(open_page).post(open_submit))
        .route("/pro/s/{sid}/invite", post(invite_submit))
        .route("/pro/b/{bid}", get(person_file))
}

fn role_of(
    session: &Session,
    sid: &StructureId,
) -> Option<(crate::domain::StaffRole, crate::domain::StructureKind)> {
    match &session.actor {
        Actor::Professional { memberships, .. } => memberships
            .iter()
            .find(|m| &m.structure_id == sid)
            .map(|m| (m.role, m.kind)),
        _ => None,
    }
}

/// The list of one structure to page, search or filter: `s` names it, the others show their
/// first page.
#[derive(Debug, Default, Deserialize)]
struct ProQuery {
    s: Option<String>,
    page: Option<String>,
    q: Option<String>,
    /// An account id (`me`: hers, "my people") or `none` (nobody's yet).
    referent: Option<String>,
    /// Days without contact: only the people with no follow-up for that long.
    quiet: Option<String>,
    /// `1`: only the people with a shared paper expired or expiring soon.
    expiring: Option<String>,
    /// `1`: "my people" (the older form of `referent=me`).
    mine: Option<String>,
}

/// The search and filters of a structure's list, as the address carries them.
#[derive(Debug, Clone, Default)]
struct Filters {
    search: String,
    /// As in the address: empty, `none` or an account id.
    referent: String,
    quiet: String,
    expiring: bool,
}

impl Filters {
    fn any(&self) -> bool {
        !self.search.is_empty()
            || !self.referent.is_empty()
            || !self.quiet.is_empty()
            || self.expiring
    }
}

/// What a structure's section lists: its page of people, the filters it answers and the
/// colleagues a referent can be.
struct Followed {
    people: Result<ListPage<PersonLine>, ServiceError>,
    filters: Filters,
    colleagues: Vec<crate::service::CaseProfessional>,
}

/// The address of a page of a structure's list (with its search and filters).
fn list_href(sid: &StructureId, page: u32, f: &Filters) -> String {
    let mut query = vec![("s", sid.to_string()), ("page", page.to_string())];
    for (k, v) in [
        ("q", &f.search),
        ("referent", &f.referent),
        ("quiet", &f.quiet),
    ] {
        if !v.is_empty() {
            query.push((k, v.clone()));
        }
    }
    if f.expiring {
        query.push(("expiring", "1".to_owned()));
    }
    let query = serde_urlencoded::to_string(&query).unwrap_or_default();
    format!("/pro?{query}#s-{sid}")
}

/// The filters of the address for the chosen structure, checked.
fn chosen_filters(session: &Session, q: &ProQuery) -> Result<(Filters, PeopleQuery), ServiceError> {
    let trimmed = |v: &Option<String>| v.as_deref().unwrap_or_default().trim().to_owned();
    let mut referent = trimmed(&q.referent);
    if referent.is_empty() && q.mine.as_deref() == Some("1") {
        referent = "me".to_owned();
    }
    if referent == "me" {
        referent = session.account_id.to_string();
    }
    let filters = Filters {
        search: trimmed(&q.q),
        quiet: trimmed(&q.quiet),
        expiring: q.expiring.as_deref() == Some("1"),
        referent,
    };
    let query = PeopleQuery {
        search: Some(filters.search.clone()),
        referent: people::parse_referent(Some(&filters.referent))?,
        quiet_days: people::parse_quiet_days(Some(&filters.quiet))?,
        expiring: filters.expiring,
        page: PageNumber::FIRST,
    };
    Ok((filters, query))
}

async fn pro_home(
    Query(q): Query<ProQuery>,
    Page(ctx, Professional(session)): Page<Professional>,
) -> Response {
    let page = match ctx.page_number(q.page.as_deref()) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let chosen = match chosen_filters(&session, &q) {
        Ok(c) => c,
        Err(e) => return ctx.error_page(&e),
    };
    let structures = match ctx.state.app.list_structures(&session).await {
        Ok(s) => s,
        Err(e) => return ctx.error_page(&e),
    };
    let (mut sections, mut budget_notices) = (Vec::new(), Vec::new());
    for s in &structures {
        let followed = if crate::policy::follows(s.kind) {
            let (filters, query) = if q.s.as_deref() == Some(s.id.as_str()) {
                let (f, query) = chosen.clone();
                (f, PeopleQuery { page, ..query })
            } else {
                (Filters::default(), PeopleQuery::all())
            };
            let people = ctx.state.app.people_page(&session, &s.id, query).await;
            let colleagues = ctx
                .state
                .app
                .referent_choices(&session, &s.id)
                .await
                .unwrap_or_default();
            Some(Followed {
                people,
                filters,
                colleagues,
            })
        } else {
            None
        };
        let resets = ctx
            .state
            .app
            .pending_resets(&session, &s.id)
            .await
            .unwrap_or_default();
        let lapsed = crate::service::licences::is_lapsed(&ctx.state.app, &session, &s.id)
            .await
            .unwrap_or(false);
        let on = super::operations::switched(&ctx, &s.id).await;
        sections.push(structure_section(
            &ctx,
            &session,
            (s, lapsed, on),
            followed,
            &resets,
        ));
        // Its admins are told when the month's SMS budget held SMS back.
        if let Some(n) = super::usage::budget_notice(&ctx, &session, &s.id, Some(&s.name)).await {
            budget_notices.push(n);
        }
    }
    ctx.page(&ctx.t("pro-title"), html! {
        h1 { (ctx.locale.ta("home-hello", &[("name", session.keys.display_name.clone().into())])) }
        @for n in budget_notices { (n) }
        @if structures.is_empty() { p { (ctx.t("pro-no-structure")) } }
        @for s in sections { (s) }
    })
}

fn structure_section(
    ctx: &Ctx,
    session: &Session,
    (s, lapsed, on): (&StructureView, bool, super::operations::Switched),
    followed: Option<Followed>,
    resets: &[crate::service::PendingReset],
) -> Markup {
    let is_admin =
        role_of(session, &s.id).is_some_and(|(r, _)| r == crate::domain::StaffRole::Admin);
    html! {
        section.card id={"s-" (s.id)} {
            h2 { (icon("building")) " " (s.name) }
            // A lapsed licence: no new safe; everything else goes on (service::licences).
            @if lapsed {
                div.notice.error role="alert" { p { (icon("warning")) " " (ctx.t("error-licence-lapsed")) } }
            }
            div.actions {
                @if !lapsed { a.button.primary href={"/pro/s/" (s.id) "/open"} { (icon("plus")) " " (ctx.t("action-open-safe")) } }
                @if is_admin { a.button href={"/s/" (s.id) "/team"} { (icon("people")) " " (ctx.t("team-title")) } }
                @if is_admin { a.button href={"/s/" (s.id) "/usage"} { (icon("chart")) " " (ctx.t("usage-title")) } }
                @if is_admin { a.button href={"/s/" (s.id) "/clients"} { (icon("key")) " " (ctx.t("clients-title")) } }
                a.button href={"/pro/stats?s=" (s.id)} { (icon("chart")) " " (ctx.t("stats-title")) }
                @if on.kit { a.button href={"/s/" (s.id) "/kit"} { (icon("print")) " " (ctx.t("kit-page-title")) } }
                @if crate::policy::follows(s.kind) { a.button href={"/pro/s/" (s.id) "/agenda"} { (icon("calendar")) " " (ctx.t("pro-agenda-title")) } }
                @if crate::policy::follows(s.kind) && on.news { a.button href={"/s/" (s.id) "/news"} { (icon("megaphone")) " " (ctx.t("news-title")) } }
                @if crate::policy::follows(s.kind) && on.messaging { a.button href={"/s/" (s.id) "/messages"} { (icon("message")) " " (ctx.t("messages-inbox-title")) } }
            }
            (super::resets::pending_section(ctx, resets))
            @match followed {
                None => { p.hint { (ctx.t("pro-mediation")) } }
                Some(Followed { people: Err(ServiceError::AccessPending), .. }) => { div.notice role="status" { p { (ctx.t("error-access-pending")) } } }
                Some(Followed { people: Err(e), .. }) => { div.notice.error role="alert" { p { (ctx.error_text(&e)) } } }
                Some(Followed { people: Ok(people), filters, colleagues }) => {
                    (people_list(ctx, session, &s.id, &people, &filters, &colleagues))
                    form.inline method="post" action={"/pro/s/" (s.id) "/invite"} {
                        (ctx.csrf_field())
                        label for={"invite-" (s.id)} { (ctx.t("pro-invite-label")) }
                        input id={"invite-" (s.id)} name="identifier" type="text" autocapitalize="none" spellcheck="false" required placeholder="prenom.nom.JJMMAAAA";
                        button type="submit" { (icon("invitation")) " " (ctx.t("action-invite")) }
                    }
                }
            }
        }
    }
}

/// A structure's people: the "everyone / my people" switch, the search and filters, the page
/// of people (each with her identifier, referent, last contact and papers expiring) and the
/// pager.
fn people_list(
    ctx: &Ctx,
    session: &Session,
    sid: &StructureId,
    people: &ListPage<PersonLine>,
    f: &Filters,
    colleagues: &[crate::service::CaseProfessional],
) -> Markup {
    let me = session.account_id.to_string();
    let mine = f.referent == me;
    let only_mine = Filters {
        referent: me.clone(),
        ..f.clone()
    };
    let everyone = Filters {
        referent: String::new(),
        ..f.clone()
    };
    let count = people.total.unwrap_or(0);
    let unfiltered = !Filters {
        referent: String::new(),
        ..f.clone()
    }
    .any();
    let field = |name: &str| format!("{name}-{sid}");
    html! {
        nav.filters aria-label=(ctx.t("pro-filter-label")) {
            a.button href=(list_href(sid, 1, &everyone)) aria-current=[f.referent.is_empty().then_some("page")] { (ctx.t("pro-filter-all")) }
            " "
            a.button href=(list_href(sid, 1, &only_mine)) aria-current=[mine.then_some("page")] { (ctx.t("pro-filter-mine")) }
        }
        @if mine && unfiltered {
            h3 { (icon("people")) " " (ctx.locale.ta("pro-mine-count", &[("count", count.into())])) }
        } @else if !f.any() {
            h3 { (icon("people")) " " (ctx.locale.ta("pro-followed", &[("count", count.into())])) }
        } @else {
            h3 { (icon("people")) " " (ctx.locale.ta("pro-search-found", &[("count", count.into())])) }
        }
        form.search method="get" action={"/pro#s-" (sid)} role="search" {
            input type="hidden" name="s" value=(sid);
            div.inline {
                label for=(field("search")) { (ctx.t("pro-search-label")) }
                input id=(field("search")) name="q" type="search" value=(f.search) autocomplete="off";
            }
            div.inline {
                label for=(field("referent")) { (ctx.t("pro-filter-referent")) }
                select id=(field("referent")) name="referent" {
                    option value="" selected[f.referent.is_empty()] { (ctx.t("pro-filter-all")) }
                    option value="none" selected[f.referent == "none"] { (ctx.t("pro-filter-no-referent")) }
                    @for c in colleagues {
                        option value=(c.id) selected[f.referent == c.id] { (c.display_name) }
                    }
                }
                label for=(field("quiet")) { (ctx.t("pro-filter-quiet")) }
                select id=(field("quiet")) name="quiet" {
                    option value="" selected[f.quiet.is_empty()] { (ctx.t("pro-filter-quiet-any")) }
                    @for days in ["30", "60", "90", "180", "365"] {
                        option value=(days) selected[f.quiet == days] { (ctx.locale.ta("pro-filter-quiet-days", &[("days", days.parse::<i64>().unwrap_or(0).into())])) }
                    }
                }
                span.choice {
                    input id=(field("expiring")) name="expiring" type="checkbox" value="1" checked[f.expiring];
                    label for=(field("expiring")) { (icon("warning")) " " (ctx.t("pro-filter-expiring")) }
                }
            }
            div.actions {
                button type="submit" { (ctx.t("action-search")) }
                @if f.any() { a.button href={"/pro#s-" (sid)} { (ctx.t("pro-search-clear")) } }
            }
        }
        @if people.items.is_empty() && people.page == 1 {
            @if mine && unfiltered { p { (ctx.t("pro-mine-none")) } } @else if !f.any() { p { (ctx.t("pro-followed-none")) } } @else { p { (ctx.t("pro-search-none")) } }
        }
        ul.people {
            @for p in &people.items { li { (person_line(ctx, p)) } }
        }
        (ctx.pager(people, |n| list_href(sid, n, f)))
    }
}

/// One person of the list: her name and birth date (a link to her file), then her identifier
/// (its homonym suffix tells two namesakes apart), her referent, her last contact and the
/// soonest expiry of the papers she shares.
fn person_line(ctx: &Ctx, p: &PersonLine) -> Markup {
    let who = &p.person;
    let today = crate::clock::local(&ctx.zone(), ctx.state.app.now()).date;
    html! {
        a href={"/pro/b/" (who.id)} { (icon("person")) " " strong { (who.last_name) } " " (who.first_name) " · " (super::documents::day(&who.birth_date)) }
        p.hint.person-meta {
            span { (ctx.t("pro-line-identifier")) " " code { (who.identifier) } }
            @if let Some(r) = &p.referent {
                " · " span { (ctx.locale.ta("pro-line-referent", &[("name", r.display_name.clone().into())])) }
            }
            " · "
            @match &p.last_contact_at {
                Some(d) => span { (ctx.locale.ta("pro-line-last-contact", &[("date", super::documents::day(d).into())])) },
                None => span { (ctx.t("pro-line-no-contact")) },
            }
            @if let Some(d) = &p.paper_expires_on {
                " · "
                @if d.as_str() < today.as_str() {
                    strong.warn { (icon("warning")) " " (ctx.locale.ta("pro-line-paper-expired", &[("date", super::documents::day(d).into())])) }
                } @else {
                    strong.warn { (icon("warning")) " " (ctx.locale.ta("pro-line-paper-expires", &[("date", super::documents::day(d).into())])) }
                }
            }
        }
    }
}

#[derive(Debug, Default, Deserialize)]
struct OpenForm {
    #[serde(default)]
    first_name: String,
    #[serde(default)]
    last_name: String,
    #[serde(default)]
    birth_date: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    password_choice: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    consent: Option<String>,
    /// `yes` or `no`: asked with her, never assumed.
    #[serde(default)]
    recovery_relay: String,
}

fn open_form(
    ctx: &Ctx,
    sid: &StructureId,
    f: &OpenForm,
    error: Option<String>,
    status: StatusCode,
) -> Response {
    let typed = f.password_choice != "generate";
    let lang = if f.language.is_empty() {
        ctx.locale.lang.to_owned()
    } else {
        f.language.clone()
    };
    ctx.render(status, &ctx.t("open-title"), html! {
        section.card.narrow {
            h1 { (icon("plus")) " " (ctx.t("open-title")) }
            p { (ctx.t("open-intro")) }
            (super::field_error(&error))
            form method="post" action={"/pro/s/" (sid) "/open"} {
                (ctx.csrf_field())
                label for="first_name" { (ctx.t("field-first-name")) }
                input id="first_name" name="first_name" type="text" required autocomplete="off" value=(f.first_name);
                label for="last_name" { (ctx.t("field-last-name")) }
                input id="last_name" name="last_name" type="text" required autocomplete="off" value=(f.last_name);
                label for="birth_date" { (ctx.t("field-birth-date")) }
                input id="birth_date" name="birth_date" type="date" required value=(f.birth_date);
                label for="phone" { (ctx.t("field-phone")) " " span.hint { (ctx.t("optional")) } }
                input id="phone" name="phone" type="tel" autocomplete="off" value=(f.phone);
                label for="language" { (ctx.t("field-language")) }
                select id="language" name="language" { (super::language_options(ctx, &lang)) }
                fieldset {
                    legend { (ctx.t("open-password-legend")) }
                    div.choice {
                        input id="choice-typed" type="radio" name="password_choice" value="typed" checked[typed];
                        label for="choice-typed" { (ctx.t("open-password-typed")) }
                    }
                    div.choice {
                        input id="choice-generate" type="radio" name="password_choice" value="generate" checked[!typed];
                        label for="choice-generate" { (ctx.t("open-password-generate")) }
                    }
                    label for="password" { (ctx.t("open-password-field")) }
                    p.hint id="pw-hint" { (ctx.t("password-rules")) }
                    (ctx.password_field(super::PasswordField { id: "password", name: "password", autocomplete: "new-password", hint: Some("pw-hint"), required: false, new: false }))
                }
                fieldset id="recovery-relay" {
                    legend { (ctx.t("open-recovery-legend")) }
                    p.hint { (ctx.t("open-recovery-consequence")) }
                    div.choice {
                        input id="recovery-yes" type="radio" name="recovery_relay" value="yes" required checked[f.recovery_relay == "yes"];
                        label for="recovery-yes" { (ctx.t("open-recovery-yes")) }
                    }
                    div.choice {
                        input id="recovery-no" type="radio" name="recovery_relay" value="no" required checked[f.recovery_relay == "no"];
                        label for="recovery-no" { (ctx.t("open-recovery-no")) }
                    }
                }
                div.choice.consent {
                    input id="consent" type="checkbox" name="consent" value="yes" required;
                    label for="consent" { (ctx.t("open-consent")) }
                }
                button.primary type="submit" { (ctx.t("action-open-safe")) }
            }
            p { a href="/pro" { (ctx.t("action-cancel")) } }
        }
    })
}

async fn open_page(
    Path(sid): Path<String>,
    Page(ctx, Professional(session)): Page<Professional>,
) -> Response {
    let Ok(sid) = StructureId::parse(&sid) else {
        return ctx.not_found();
    };
    if role_of(&session, &sid).is_none() {
        return ctx.not_found();
    }
    if crate::service::licences::is_lapsed(&ctx.state.app, &session, &sid)
        .await
        .unwrap_or(false)
    {
        return ctx.error_page(&ServiceError::LicenceLapsed);
    }
    open_form(&ctx, &sid, &OpenForm::default(), None, StatusCode::OK)
}

async fn open_submit(
    Path(sid): Path<String>,
    Post(ctx, Professional(session), form): Post<Professional, OpenForm>,
) -> Response {
    let Ok(sid) = StructureId::parse(&sid) else {
        return ctx.not_found();
    };
    let generate = form.password_choice == "generate";
    let recovery_relay = match form.recovery_relay.as_str() {
        "yes" => true,
        "no" => false,
        _ => {
            let error = ctx.t("open-recovery-required");
            return open_form(
                &ctx,
                &sid,
                &OpenForm {
                    password: String::new(),
                    ..form
                },
                Some(error),
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    let input = NewSafe {
        first_name: form.first_name.clone(),
        last_name: form.last_name.clone(),
        birth_date: form.birth_date.clone(),
        password: (!generate).then(|| form.password.clone()),
        generate_passphrase: generate,
        language: Some(form.language.clone()),
        phone: Some(form.phone.clone()),
        consent: Some(form.consent.is_some()),
        recovery_relay: Some(recovery_relay),
    };
    match ctx.state.app.open_safe(&session, &sid, input).await {
        Ok(opened) => super::resets::recovery_sheet(&ctx, &opened, "/pro"),
        Err(ServiceError::NotFound) => ctx.not_found(),
        Err(e) => open_form(
            &ctx,
            &sid,
            &OpenForm {
                password: String::new(),
                ..form
            },
            Some(ctx.error_text(&e)),
            Ctx::error_status(&e),
        ),
    }
}

#[derive(Debug, Deserialize)]
struct InviteForm {
    #[serde(default)]
    identifier: String,
}

async fn invite_submit(
    Path(sid): Path<String>,
    Post(ctx, Professional(session), form): Post<Professional, InviteForm>,
) -> Response {
    let Ok(sid) = StructureId::parse(&sid) else {
        return ctx.not_found();
    };
    match ctx.state.app.invite(&session, &sid, &form.identifier).await {
        Ok(()) => ctx.page(
            &ctx.t("invite-sent-title"),
            html! {
                section.card.narrow {
                    h1 { (icon("invitation")) " " (ctx.t("invite-sent-title")) }
                    p { (ctx.t("invite-sent-text")) }
                    p { a.button.primary href="/pro" { (ctx.t("action-back-home")) } }
                }
            },
        ),
        Err(e) => ctx.error_page(&e),
    }
}

async fn person_file(
    Path(bid): Path<String>,
    Query(q): Query<ProQuery>,
    Page(ctx, Professional(session)): Page<Professional>,
) -> Response {
    let page = match ctx.page_number(q.page.as_deref()) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let Ok(bid) = BeneficiaryId::parse(&bid) else {
        return ctx.not_found();
    };
    let documents_html = super::documents::pro_section(&ctx, &session, &bid, page).await;
    let organizer_html = super::organizer::pro_section(&ctx, &session, &bid).await;
    let casefile_html = super::casefile::pro_section(&ctx, &session, &bid).await;
    match ctx.state.app.beneficiary_profile(&session, &bid).await {
        Ok(p) => ctx.page(&format!("{} {}", p.first_name, p.last_name), html! {
            section.card {
                h1 { (icon("person")) " " (p.first_name) " " (p.last_name) }
                dl {
                    dt { (ctx.t("field-birth-date")) } dd { (super::documents::day(&p.birth_date)) }
                    dt { (ctx.t("sheet-identifier")) } dd { code { (p.identifier) } }
                    dt { (ctx.t("field-language")) } dd { (crate::i18n::native_name(&p.language)) }
                    @if let Some(phone) = &p.phone { dt { (ctx.t("field-phone")) } dd { (phone) } }
                }
                (super::resets::pro_phone_form(&ctx, &p.id, p.phone.as_deref()))
            }
            (documents_html)
            (organizer_html)
            (casefile_html)
            section.card {
                h2 { (icon("note")) " " (ctx.t("followups-title")) }
                p { a.button href={"/pro/b/" (p.id) "/followups"} { (ctx.t("followups-open")) } }
            }
            p { a.button href={"/pro/b/" (p.id) "/family"} { (icon("people")) " " (ctx.t("family-pro-title")) } }
            p { a.button href={"/pro/b/" (p.id) "/rights"} { (icon("money")) " " (ctx.t("rights-pro-open")) } }
            p { a.button href={"/pro/b/" (p.id) "/procedures"} { (icon("journal")) " " (ctx.t("procedures-pro-open")) } }
            p { a.button href={"/pro/b/" (p.id) "/domiciliation"} { (icon("mailbox")) " " (ctx.t("domiciliation-open")) } }
            section.card {
                h2 { (icon("key")) " " (ctx.t("reset-title")) }
                p { (ctx.t("reset-intro-confirmed")) }
                form method="post" action={"/pro/b/" (p.id) "/reset"} {
                    (ctx.csrf_field())
                    button type="submit" { (ctx.t("action-start-reset")) }
                }
            }
            p { a.button href="/pro" { (ctx.t("action-back-home")) } }
        }),
        Err(e) => ctx.error_page(&e),
    }
}
