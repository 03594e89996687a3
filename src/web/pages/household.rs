//! A household in the pages: her "My family" page (ask, accept, undo a link; her dependants
//! and the relais each is shown to) and a person's family file for a professional.

use super::notices::Notice;
use super::{Ctx, Page, Person, Post, Professional, icons::icon};
use crate::domain::{BeneficiaryId, StructureId};
use crate::service::{LinkState, NewDependant, Relation, ServiceError};
use crate::web::AppState;
use axum::Router;
use axum::extract::{Path, Query};
use axum::response::Response;
use axum::routing::{get, post};
use maud::{Markup, html};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/family", get(family_page))
        .route("/family/ask", post(ask_submit))
        .route("/family/links/{lid}/accept", post(accept_submit))
        .route("/family/links/{lid}/remove", post(remove_submit))
        .route("/family/dependants", post(dependant_submit))
        .route("/family/dependants/{did}/delete", post(dependant_delete))
        .route("/family/dependants/{did}/share", post(dependant_share))
        .route("/pro/b/{bid}/family", get(pro_family))
        .route("/pro/b/{bid}/family/propose", post(propose_submit))
}

fn relation_label(ctx: &Ctx, r: Relation) -> String {
    ctx.t(&format!("relation-{}", r.as_str()))
}

/// The relation picker (what the other person is to her).
fn relation_select(ctx: &Ctx, id: &str) -> Markup {
    html! {
        label for=(id) { (ctx.t("field-relation")) }
        select id=(id) name="relation" {
            @for r in Relation::ALL { option value=(r.as_str()) { (relation_label(ctx, r)) } }
        }
    }
}

async fn family_page(Page(ctx, Person { session, bid }): Page<Person>) -> Response {
    let (household, relays) = match tokio::try_join!(
        ctx.state.app.household(&session, &bid),
        ctx.state.app.relay_structures(&session, &bid)
    ) {
        Ok(v) => v,
        Err(e) => return ctx.error_page(&e),
    };
    ctx.page(&ctx.t("family-title"), html! {
        h1 { (icon("people")) " " (ctx.t("family-title")) }
        p { (ctx.t("family-intro")) }
        section.card {
            h2 { (ctx.t("family-links-title")) }
            @if household.links.is_empty() { p.hint { (ctx.t("family-none")) } }
            @for l in &household.links {
                div.row {
                    p {
                        strong { (l.name) } " — " (relation_label(&ctx, l.relation))
                        br;
                        @let state = match l.state {
                            LinkState::Linked => "family-state-linked",
                            LinkState::WaitingForMe => "family-state-waiting-for-me",
                            LinkState::WaitingForThem => "family-state-waiting-for-them",
                        };
                        span.hint { (ctx.t(state)) }
                        @if let Some(sid) = &l.proposed_by {
                            @let name = relays.iter().find(|r| &r.id == sid).map_or_else(|| ctx.t("family-a-relais"), |r| r.name.clone());
                            br; span.hint { (ctx.ta("family-proposed-by", &[("structure", name.into())])) }
                        }
                    }
                    div.actions {
                        @if l.state == LinkState::WaitingForMe {
                            form method="post" action={"/family/links/" (l.id) "/accept"} {
                                (ctx.csrf_field())
                                button.primary type="submit" { (icon("check")) " " (ctx.t("action-accept")) }
                            }
                        }
                        form method="post" action={"/family/links/" (l.id) "/remove"} {
                            (ctx.csrf_field())
                            button type="submit" {
                                (icon("close")) " "
                                (ctx.t(if l.state == LinkState::WaitingForMe { "action-decline" } else { "family-undo" }))
                            }
                        }
                    }
                }
            }
        }
        section.card {
            h2 { (ctx.t("family-ask-title")) }
            p.hint { (ctx.t("family-ask-hint")) }
            form method="post" action="/family/ask" {
                (ctx.csrf_field())
                label for="family-identifier" { (ctx.t("field-identifier")) }
                input id="family-identifier" name="identifier" type="text" required autocomplete="off" autocapitalize="none" spellcheck="false";
                (relation_select(&ctx, "family-relation"))
                button.primary type="submit" { (ctx.t("family-ask-action")) }
            }
        }
        section.card {
            h2 { (ctx.t("family-dependants-title")) }
            p.hint { (ctx.t("family-dependants-hint")) }
            @for d in &household.dependants {
                div.row {
                    p {
                        strong { (d.first_name) } " — " (relation_label(&ctx, d.relation)) ", " (super::documents::day(&d.birth_date))
                    }
                    @for r in &relays {
                        @let shown = d.shared_with.contains(&r.id);
                        form method="post" action={"/family/dependants/" (d.id) "/share"} {
                            (ctx.csrf_field())
                            input type="hidden" name="structure" value=(r.id);
                            input type="hidden" name="share" value=(if shown { "0" } else { "1" });
                            button type="submit" {
                                (icon(if shown { "lock" } else { "share" })) " "
                                (ctx.ta(if shown { "family-hide-from" } else { "family-show-to" }, &[("relais", r.name.clone().into())]))
                            }
                        }
                    }
                    form method="post" action={"/family/dependants/" (d.id) "/delete"} {
                        (ctx.csrf_field())
                        button type="submit" { (icon("delete")) " " (ctx.t("family-delete")) }
                    }
                }
            }
            h3 { (ctx.t("family-dependant-add")) }
            form method="post" action="/family/dependants" {
                (ctx.csrf_field())
                label for="dependant-first-name" { (ctx.t("field-first-name")) }
                input id="dependant-first-name" name="first_name" type="text" required autocomplete="off";
                label for="dependant-birth-date" { (ctx.t("field-birth-date")) }
                input id="dependant-birth-date" name="birth_date" type="text" required inputmode="numeric" placeholder="jj/mm/aaaa" autocomplete="off";
                (relation_select(&ctx, "dependant-relation"))
                button.primary type="submit" { (icon("plus")) " " (ctx.t("action-add")) }
            }
        }
        p { a.button href="/home" { (ctx.t("action-back-home")) } }
    })
}

#[derive(Debug, Default, Deserialize)]
struct AskForm {
    #[serde(default)]
    identifier: String,
    #[serde(default)]
    relation: String,
}

async fn ask_submit(Post(ctx, Person { session, bid }, form): Post<Person, AskForm>) -> Response {
    match ctx
        .state
        .app
        .ask_household_link(&session, &bid, &form.identifier, &form.relation)
        .await
    {
        Ok(()) => ctx.page(
            &ctx.t("family-ask-title"),
            html! {
                section.card.narrow {
                    h1 { (icon("people")) " " (ctx.t("family-ask-title")) }
                    p { (ctx.t("family-ask-sent")) }
                    p { a.button.primary href="/family" { (ctx.t("family-title")) } }
                }
            },
        ),
        Err(e) => ctx.error_page(&e),
    }
}

/// Back to her family page with `notice` once her step is done, else the error page.
fn back_to_family<T>(ctx: &Ctx, done: Result<T, ServiceError>, notice: Notice) -> Response {
    match done {
        Ok(_) => ctx.redirect_with("/family", notice),
        Err(e) => ctx.error_page(&e),
    }
}

async fn accept_submit(
    Path(lid): Path<String>,
    Post(ctx, Person { session, bid }, _): Post<Person>,
) -> Response {
    let done = ctx.state.app.accept_household_link(&session, &bid, &lid);
    back_to_family(&ctx, done.await, Notice::Saved)
}

async fn remove_submit(
    Path(lid): Path<String>,
    Post(ctx, Person { session, bid }, _): Post<Person>,
) -> Response {
    let done = ctx.state.app.undo_household_link(&session, &bid, &lid);
    back_to_family(&ctx, done.await, Notice::Deleted)
}

async fn dependant_submit(
    Post(ctx, Person { session, bid }, form): Post<Person, NewDependant>,
) -> Response {
    let done = ctx.state.app.add_dependant(&session, &bid, &form);
    back_to_family(&ctx, done.await, Notice::Added)
}

async fn dependant_delete(
    Path(did): Path<String>,
    Post(ctx, Person { session, bid }, _): Post<Person>,
) -> Response {
    let done = ctx.state.app.delete_dependant(&session, &bid, &did);
    back_to_family(&ctx, done.await, Notice::Deleted)
}

#[derive(Debug, Default, Deserialize)]
struct ShareForm {
    #[serde(default)]
    structure: String,
    #[serde(default)]
    share: String,
}

async fn dependant_share(
    Path(did): Path<String>,
    Post(ctx, Person { session, bid }, form): Post<Person, ShareForm>,
) -> Response {
    let Ok(sid) = StructureId::parse(&form.structure) else {
        return ctx.not_found();
    };
    let share = form.share == "1";
    let done = ctx
        .state
        .app
        .share_dependant(&session, &bid, &did, &sid, share);
    let notice = if share {
        Notice::Shared
    } else {
        Notice::Private
    };
    back_to_family(&ctx, done.await, notice)
}

/// The structure a professional's family page is seen through (`s`, else the first that
/// follows the person).
#[derive(Debug, Default, Deserialize)]
struct FamilyQuery {
    s: Option<String>,
}

async fn pro_family(
    Path(bid): Path<String>,
    Query(q): Query<FamilyQuery>,
    Page(ctx, Professional(session)): Page<Professional>,
) -> Response {
    let Ok(bid) = BeneficiaryId::parse(&bid) else {
        return ctx.not_found();
    };
    let sid = match q.s.as_deref().map(StructureId::parse).transpose() {
        Ok(s) => s,
        Err(_) => return ctx.not_found(),
    };
    let app = &ctx.state.app;
    let view = match app.family_view(&session, sid.as_ref(), &bid).await {
        Ok(v) => v,
        Err(e) => return ctx.error_page(&e),
    };
    // The people the structure follows, to propose a link with one of them.
    let followed = app
        .list_followed(&session, &view.structure)
        .await
        .unwrap_or_default();
    let name_of = |id: &BeneficiaryId| {
        if id == &view.person {
            format!("{} {}", view.first_name, view.last_name)
        } else {
            view.members
                .iter()
                .find(|m| &m.id == id)
                .map(|m| format!("{} {}", m.first_name, m.last_name))
                .unwrap_or_default()
        }
    };
    let title = format!(
        "{} — {} {}",
        ctx.t("family-pro-title"),
        view.first_name,
        view.last_name
    );
    ctx.page(&title, html! {
        h1 { (icon("people")) " " (title) }
        p { (ctx.t("family-pro-intro")) }
        section.card {
            h2 { (ctx.t("family-pro-members")) }
            @if view.members.is_empty() { p.hint { (ctx.t("family-none")) } }
            ul.plain {
                @for m in &view.members {
                    li {
                        a href={"/pro/b/" (m.id)} { (m.first_name) " " (m.last_name) }
                        " — " (relation_label(&ctx, m.relation)) ", " (super::documents::day(&m.birth_date))
                    }
                }
            }
        }
        section.card {
            h2 { (ctx.t("family-pro-dependants")) }
            @if view.dependants.is_empty() { p.hint { (ctx.t("family-none")) } }
            ul.plain {
                @for d in &view.dependants {
                    li {
                        strong { (d.first_name) } " — " (relation_label(&ctx, d.relation)) ", " (super::documents::day(&d.birth_date))
                        " " span.hint { (ctx.ta("family-pro-of", &[("name", name_of(&d.of).into())])) }
                    }
                }
            }
        }
        section.card {
            h2 { (ctx.t("family-propose-title")) }
            p.hint { (ctx.t("family-propose-hint")) }
            form method="post" action={"/pro/b/" (view.person) "/family/propose"} {
                (ctx.csrf_field())
                input type="hidden" name="s" value=(view.structure);
                label for="family-member" { (ctx.t("field-member")) }
                select id="family-member" name="member" {
                    @for p in followed.iter().filter(|p| p.id != view.person) {
                        option value=(p.id) { (p.first_name) " " (p.last_name) " (" (super::documents::day(&p.birth_date)) ")" }
                    }
                }
                (relation_select(&ctx, "family-relation"))
                button.primary type="submit" { (ctx.t("family-propose-action")) }
            }
        }
        p { a.button href={"/pro/b/" (view.person)} { (ctx.t("family-pro-back")) } }
    })
}

#[derive(Debug, Default, Deserialize)]
struct ProposeForm {
    #[serde(default)]
    s: String,
    #[serde(default)]
    member: String,
    #[serde(default)]
    relation: String,
}

async fn propose_submit(
    Path(bid): Path<String>,
    Post(ctx, Professional(session), form): Post<Professional, ProposeForm>,
) -> Response {
    let (Ok(bid), Ok(member), Ok(sid)) = (
        BeneficiaryId::parse(&bid),
        BeneficiaryId::parse(&form.member),
        StructureId::parse(&form.s),
    ) else {
        return ctx.not_found();
    };
    match ctx
        .state
        .app
        .propose_household_link(&session, Some(&sid), &bid, &member, &form.relation)
        .await
    {
        Ok(_) => ctx.redirect_with(&format!("/pro/b/{bid}/family?s={sid}"), Notice::Saved),
        Err(e) => ctx.error_page(&e),
    }
}
