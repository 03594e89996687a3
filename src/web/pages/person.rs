//! The person's own pages: home with big pictogram tiles, her relais and invitations, settings.

use super::{Account, Ctx, Notice, OnboardingPerson, Page, Person, Post, icons::icon};
use crate::domain::{AccountKind, StructureId};
use crate::web::AppState;
use crate::web::extract::ClientAddr;
use axum::Router;
use axum::extract::Path;
use axum::response::Response;
use axum::routing::{get, post};
use maud::{Markup, html};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/home", get(home))
        .route("/relays", get(relays_page))
        .route("/relays/{sid}/leave", get(leave_confirm).post(leave_submit))
        .route("/relays/{sid}/recovery", post(recovery_submit))
        .route("/invitations/{iid}/accept", post(accept))
        .route("/invitations/{iid}/decline", post(decline))
        .route("/settings", get(settings))
        .route("/settings/password", post(change_password))
        .route("/export", get(export))
        .route("/account/delete", post(delete_account))
}

fn tile(href: &str, icon_name: &str, label: &str, badge: Option<usize>) -> Markup {
    html! {
        a.tile href=(href) {
            (icon(icon_name))
            span.tile-label { (label) }
            @if let Some(n) = badge { span.badge { (n) } }
        }
    }
}

/// How many papers to renew the home page names; the others are counted.
const RENEW_SHOWN: usize = 5;

async fn home(Page(ctx, Person { session, bid }): Page<Person>) -> Response {
    // Papers whose expiry date is past or within the first reminder's delay, soonest first.
    let now = ctx.state.app.now();
    let today = crate::clock::local(&ctx.zone(), now).date;
    let horizon_days = ctx.state.app.config.reminders.renewal_horizon_days();
    let horizon = crate::clock::local(&ctx.zone(), now + horizon_days * 86_400).date;
    let (relays, invitations, (expiring, expiring_total), unread) = match tokio::try_join!(
        ctx.state.app.relay_structures(&session, &bid),
        ctx.state.app.my_invitations(&session),
        ctx.state
            .app
            .papers_to_renew(&session, &horizon, RENEW_SHOWN),
        crate::service::messages::unread_for_person(&ctx.state.app, &session, &bid)
    ) {
        Ok(v) => v,
        Err(e) => return ctx.error_page(&e),
    };
    let first_name = session
        .keys
        .display_name
        .split(' ')
        .next()
        .unwrap_or_default()
        .to_owned();
    let safety = super::resets::her_notices(&ctx, &session).await;
    // Reminders a structure's SMS budget held back: here instead of on her phone.
    let held = crate::service::usage::held_back_for_person(&ctx.state.app, &session, &bid)
        .await
        .unwrap_or_default();
    let news = super::news::news_section(&ctx, &session, &bid).await;
    ctx.page(&ctx.t("home-title"), html! {
        h1 { (ctx.locale.ta("home-hello", &[("name", first_name.into())])) }
        (safety)
        @if !session.keys.notices.is_empty() {
            div.notice.error role="alert" {
                @let n = &session.keys.notices;
                @if n.failed_logins > 0 {
                    p { (ctx.locale.ta("notice-failed-logins", &[("count", n.failed_logins.into())])) }
                }
                @if let Some(at) = n.recovered_at {
                    p { (ctx.locale.ta(if n.recovered_in_person { "notice-recovered-in-person" } else if n.recovered_by_question { "notice-recovered-question" } else { "notice-recovered" }, &[("date", ctx.moment_zoned(&crate::clock::rfc3339(at)).into())])) }
                }
                @if let Some(at) = n.password_changed_at {
                    p { (ctx.locale.ta("notice-password-changed", &[("date", ctx.moment_zoned(&crate::clock::rfc3339(at)).into())])) }
                }
            }
        }
        // The tiles first: on a phone they all fit on the first screen.
        nav.tiles aria-label=(ctx.t("home-sections")) {
            (tile("/documents", "folder", &ctx.t("section-documents"), None))
            (tile("/contacts", "contact", &ctx.t("section-contacts"), None))
            (tile("/notes", "note", &ctx.t("section-notes"), None))
            (tile("/events", "calendar", &ctx.t("section-events"), None))
            (tile("/relays", "relais", &ctx.t("section-relais"), (!invitations.is_empty()).then_some(invitations.len())))
            (tile("/messages", "message", &ctx.t("messages-title"), usize::try_from(unread).ok().filter(|n| *n > 0)))
            (tile("/followups", "note", &ctx.t("home-followups"), None))
            // One tile for rights and procedures: the rights page opens the procedures first thing.
            (tile("/rights", "money", &ctx.t("home-rights-procedures"), None))
            (tile("/family", "people", &ctx.t("family-title"), None))
            (tile("/journal", "journal", &ctx.t("section-journal"), None))
            (tile("/settings", "settings", &ctx.t("section-settings"), None))
        }
        (news)
        @if !invitations.is_empty() {
            div.notice role="status" {
                p { (icon("invitation")) " " (ctx.locale.ta("home-invitations", &[("count", (invitations.len() as i64).into())])) }
                p { a.button href="/relays" { (ctx.t("action-see")) } }
            }
        }
        @if !held.is_empty() {
            section.notice.held-back role="status" {
                h2 { (icon("bell")) " " (ctx.t("usage-home-held-title")) }
                ul.plain {
                    @for (id, kind) in &held {
                        @let (href, text) = match kind.as_str() {
                            "expiry" => (format!("/documents/{id}"), "usage-home-held-expiry"),
                            "deadline" => (format!("/procedures/{id}"), "usage-home-held-deadline"),
                            _ => (format!("/events/{id}"), "usage-home-held-event"),
                        };
                        li { a href=(href) { (ctx.t(text)) } }
                    }
                }
            }
        }
        @if !expiring.is_empty() {
            section.notice.expiring role="status" {
                h2 { (icon("bell")) " " (ctx.t("home-expiring-title")) }
                ul.plain {
                    @for (date, name, id) in &expiring {
                        @let id_text = if *date < today { "home-expired-item" } else { "home-expiring-item" };
                        li { a href={"/documents/" (id)} { (ctx.locale.ta(id_text, &[("name", name.clone().into()), ("date", super::documents::day(date).into())])) } }
                    }
                }
                @if expiring_total > expiring.len() {
                    p { a href="/documents" { (ctx.locale.ta("home-expiring-more", &[("count", ((expiring_total - expiring.len()) as i64).into())])) } }
                }
            }
        }
        section.card {
            h2 { (icon("relais")) " " (ctx.t("section-relais")) }
            @if relays.is_empty() {
                p { (ctx.t("relais-none")) }
            } @else {
                ul.plain {
                    @for r in &relays { li { (icon("building")) " " (r.name) } }
                }
            }
        }
    })
}

async fn relays_page(Page(ctx, Person { session, bid }): Page<Person>) -> Response {
    let (relays, invitations) = match tokio::try_join!(
        ctx.state.app.relays(&session, &bid),
        ctx.state.app.my_invitations(&session)
    ) {
        Ok(v) => v,
        Err(e) => return ctx.error_page(&e),
    };
    let documents = ctx
        .state
        .app
        .list_documents(&session, &bid, None)
        .await
        .unwrap_or_default();
    let mut others = Vec::new();
    for kind in crate::service::ItemKind::ORGANIZER {
        let items = ctx
            .state
            .app
            .list_items(&session, &bid, kind)
            .await
            .unwrap_or_default();
        others.push((kind, items));
    }
    // Her benefit simulations, by the relais that see them.
    let simulations = crate::service::simulations::list_simulations(&ctx.state.app, &session, &bid)
        .await
        .unwrap_or_default();
    ctx.page(&ctx.t("section-relais"), html! {
        h1 { (icon("relais")) " " (ctx.t("section-relais")) }
        p { (ctx.t("relais-intro")) }
        @if !invitations.is_empty() {
            section.card {
                h2 { (icon("invitation")) " " (ctx.t("invitations-title")) }
                @for inv in &invitations {
                    div.row {
                        p { (ctx.locale.ta("invitation-text", &[("structure", inv.structure.name.clone().into())])) }
                        div.actions {
                            form method="post" action={"/invitations/" (inv.id) "/accept"} {
                                (ctx.csrf_field())
                                button.primary type="submit" { (icon("check")) " " (ctx.t("action-accept")) }
                            }
                            form method="post" action={"/invitations/" (inv.id) "/decline"} {
                                (ctx.csrf_field())
                                button type="submit" { (icon("close")) " " (ctx.t("action-decline")) }
                            }
                        }
                    }
                }
            }
        }
        @if relays.is_empty() {
            p { (ctx.t("relais-none")) }
        }
        @for r in &relays {
            section.card {
                h2 { (icon("building")) " " (r.structure.name) }
                p { (ctx.locale.ta("relais-since", &[("date", ctx.day_of(&r.since).into())])) }
                @if r.recovery { p { (icon("key")) " " (ctx.t("relais-recovery")) } }
                p.hint { (ctx.t("relais-recovery-consequence")) }
                form method="post" action={"/relays/" (r.structure.id) "/recovery"} {
                    (ctx.csrf_field())
                    input type="hidden" name="enabled" value=(if r.recovery { "0" } else { "1" });
                    button type="submit" { (ctx.t(if r.recovery { "action-recovery-off" } else { "action-recovery-on" })) }
                }
                p { (ctx.t("relais-sees")) }
                ul.plain {
                    li { (ctx.t("relais-sees-identity")) }
                    li { (ctx.locale.ta("relais-sees-documents", &[("count", r.shared.documents.into())])) }
                }
                @let seen: Vec<&crate::service::DocumentView> = documents.iter().filter(|d| d.shared_with.contains(&r.structure.id)).collect();
                @if !seen.is_empty() {
                    ul.docs-names {
                        @for d in seen { li { a href={"/documents/" (d.id)} { (icon("folder")) " " (d.name) } } }
                    }
                }
                @for (kind, items) in &others {
                    @let seen: Vec<&crate::service::ItemView> = items.iter().filter(|i| i.shared_with.contains(&r.structure.id)).collect();
                    p { (ctx.locale.ta(&format!("relais-sees-{}", kind.plural()), &[("count", (seen.len() as i64).into())])) }
                    @if !seen.is_empty() {
                        ul.docs-names {
                            @for i in seen { li { a href={"/" (kind.plural()) "/" (i.id)} { (i.fields.title()) } } }
                        }
                    }
                }
                @let seen: Vec<_> = simulations.iter().filter(|s| s.shared_with.contains(&r.structure.id)).collect();
                p { (ctx.locale.ta("relais-sees-simulations", &[("count", (seen.len() as i64).into())])) }
                @if !seen.is_empty() {
                    ul.docs-names {
                        @for s in seen { li { a href={"/rights/" (s.id)} { (icon("money")) " " (super::simulation_title(&ctx.locale, &s.month.to_string())) } } }
                    }
                }
                p { a.button href={"/relays/" (r.structure.id) "/leave"} { (ctx.t("action-leave")) } }
            }
        }
    })
}

async fn leave_confirm(
    Path(sid): Path<String>,
    Page(ctx, Person { session, bid }): Page<Person>,
) -> Response {
    let relays = match ctx.state.app.relays(&session, &bid).await {
        Ok(r) => r,
        Err(e) => return ctx.error_page(&e),
    };
    let Ok(sid) = StructureId::parse(&sid) else {
        return ctx.not_found();
    };
    let Some(relay) = relays.iter().find(|r| r.structure.id == sid) else {
        return ctx.not_found();
    };
    ctx.page(&ctx.t("action-leave"), html! {
        section.card.narrow {
            h1 { (ctx.locale.ta("leave-question", &[("structure", relay.structure.name.clone().into())])) }
            p { (ctx.t("leave-text")) }
            form method="post" action={"/relays/" (relay.structure.id) "/leave"} {
                (ctx.csrf_field())
                button.danger type="submit" { (ctx.t("action-leave-confirm")) }
            }
            p { a href="/relays" { (ctx.t("action-cancel")) } }
        }
    })
}

async fn leave_submit(
    Path(sid): Path<String>,
    Post(ctx, Person { session, bid }, _): Post<Person>,
) -> Response {
    let Ok(sid) = StructureId::parse(&sid) else {
        return ctx.not_found();
    };
    match ctx.state.app.leave_relay(&session, &bid, &sid).await {
        Ok(()) => ctx.redirect_with("/relays", Notice::RelayLeft),
        Err(e) => ctx.error_page(&e),
    }
}

async fn answer(post: Post<Person>, iid: String, yes: bool) -> Response {
    let Post(ctx, Person { session, .. }, _) = post;
    let notice = if yes {
        Notice::InvitationAccepted
    } else {
        Notice::InvitationDeclined
    };
    match ctx.state.app.answer_invitation(&session, &iid, yes).await {
        Ok(()) => ctx.redirect_with("/relays", notice),
        Err(e) => ctx.error_page(&e),
    }
}

async fn accept(Path(iid): Path<String>, post: Post<Person>) -> Response {
    answer(post, iid, true).await
}

async fn decline(Path(iid): Path<String>, post: Post<Person>) -> Response {
    answer(post, iid, false).await
}

/// Her phone number as her settings show it: `None` for staff or when it cannot be read,
/// `Some(None)` when she has none.
async fn phone_on_file(ctx: &Ctx, session: &crate::service::Session) -> Option<Option<String>> {
    let bid = session.beneficiary_id.as_ref()?;
    ctx.state
        .app
        .beneficiary_profile(session, bid)
        .await
        .ok()
        .map(|p| p.phone)
}

/// `person`: the settings of a person's safe show too, with `phone`, her number on file.
fn settings_body(
    ctx: &Ctx,
    person: bool,
    phone: Option<Option<String>>,
    notice: Option<String>,
    error: Option<String>,
) -> Markup {
    html! {
        h1 { (icon("settings")) " " (ctx.t("section-settings")) }
        @if let Some(n) = notice { div.notice.success role="status" { p { (n) } } }
        section.card {
            h2 { (icon("language")) " " (ctx.t("settings-language")) }
            form method="post" action="/language" {
                (ctx.csrf_field())
                label for="settings-language" { (ctx.t("language-label")) }
                select id="settings-language" name="language" { (super::language_options(ctx, ctx.locale.lang)) }
                button type="submit" { (ctx.t("action-save")) }
            }
        }
        section.card {
            h2 { (icon("key")) " " (ctx.t("settings-password")) }
            (super::field_error(&error))
            form method="post" action="/settings/password" {
                (ctx.csrf_field())
                label for="current_password" { (ctx.t("settings-current-password")) }
                (ctx.password_field(super::PasswordField { id: "current_password", name: "current_password", autocomplete: "current-password", hint: None, required: true, new: false }))
                label for="new_password" { (ctx.t("settings-new-password")) }
                p.hint id="pw-hint" { (ctx.t("password-rules")) }
                (ctx.password_field(super::PasswordField { id: "new_password", name: "new_password", autocomplete: "new-password", hint: Some("pw-hint"), required: true, new: true }))
                button.primary type="submit" { (ctx.t("action-save")) }
            }
        }
        @if person {
            section.card {
                h2 { (icon("phone")) " " (ctx.t("phone-title")) }
                p { (ctx.t("phone-text")) }
                @if let Some(number) = &phone {
                    p { (super::resets::phone_status(ctx, number.as_deref())) }
                }
                p { a.button href="/phone" { (icon("phone")) " " (ctx.t(if matches!(phone, Some(Some(_))) { "phone-change" } else { "phone-add" })) } }
            }
            section.card {
                h2 { (icon("print")) " " (ctx.t("new-sheet-title")) }
                p { (ctx.t("new-sheet-text")) }
                p { a.button href="/recovery-sheet" { (icon("print")) " " (ctx.t("action-new-sheet")) } }
            }
            section.card {
                h2 { (icon("help")) " " (ctx.t("guide-title")) }
                p { (ctx.t("guide-settings-text")) }
                p { a.button href="/guide" { (icon("help")) " " (ctx.t("guide-open")) } }
            }
            section.card {
                h2 { (icon("journal")) " " (ctx.t("terms-title")) }
                p { a.button href="/terms" { (ctx.t("footer-terms")) } }
            }
            section.card {
                h2 { (icon("key")) " " (ctx.t("question-title")) }
                p { (ctx.t("question-settings-text")) }
                p { a.button href="/settings/question" { (icon("key")) " " (ctx.t("question-open")) } }
            }
            section.card {
                h2 { (icon("download")) " " (ctx.t("export-title")) }
                p { (ctx.t("export-text")) }
                p { a.button href="/export" { (icon("download")) " " (ctx.t("export-download")) } }
            }
            section.card {
                h2 { (ctx.t("delete-account-title")) }
                p { (ctx.t("delete-account-text")) }
                form method="post" action="/account/delete" {
                    (ctx.csrf_field())
                    label for="delete-password" { (ctx.t("delete-account-password")) }
                    (ctx.password_field(super::PasswordField { id: "delete-password", name: "password", autocomplete: "current-password", hint: None, required: true, new: false }))
                    button.danger type="submit" { (ctx.t("delete-account-confirm")) }
                }
            }
        }
    }
}

async fn settings(Page(ctx, Account(session)): Page<Account>) -> Response {
    let person = session.kind == AccountKind::Beneficiary;
    let phone = phone_on_file(&ctx, &session).await;
    ctx.page(
        &ctx.t("section-settings"),
        settings_body(&ctx, person, phone, None, None),
    )
}

#[derive(Debug, Deserialize)]
struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
}

async fn change_password(
    ClientAddr(address): ClientAddr,
    Post(ctx, Account(session), form): Post<Account, PasswordForm>,
) -> Response {
    let person = session.kind == AccountKind::Beneficiary;
    let phone = phone_on_file(&ctx, &session).await;
    match ctx
        .state
        .app
        .change_password(
            &session,
            &form.current_password,
            &form.new_password,
            address,
        )
        .await
    {
        Ok(()) => ctx.page(
            &ctx.t("section-settings"),
            settings_body(
                &ctx,
                person,
                phone,
                Some(ctx.t("settings-password-changed")),
                None,
            ),
        ),
        Err(e) => ctx.render(
            Ctx::error_status(&e),
            &ctx.t("section-settings"),
            settings_body(&ctx, person, phone, None, Some(ctx.error_text(&e))),
        ),
    }
}

async fn recovery_submit(
    Path(sid): Path<String>,
    Post(ctx, Person { session, bid }, form): Post<Person, RecoveryForm>,
) -> Response {
    let Ok(sid) = StructureId::parse(&sid) else {
        return ctx.not_found();
    };
    match ctx
        .state
        .app
        .set_recovery_relay(&session, &bid, &sid, form.enabled == "1")
        .await
    {
        Ok(()) => ctx.redirect_with("/relays", Notice::Saved),
        Err(e) => ctx.error_page(&e),
    }
}

/// The recovery form of one of her relais.
#[derive(Debug, Deserialize)]
struct RecoveryForm {
    /// `1`: this relais may help her recover her safe in person; `0`: no longer.
    #[serde(default)]
    enabled: String,
}

/// Her export, even before she accepted the terms in force (the L103 commitment).
async fn export(Page(ctx, OnboardingPerson { session, bid }): Page<OnboardingPerson>) -> Response {
    match ctx.state.app.export_safe(&session, &bid).await {
        Ok(zip) => crate::web::api::stream_response(
            "application/zip",
            "consigne-export.zip",
            None,
            zip,
            false,
        ),
        Err(e) => ctx.error_page(&e),
    }
}

#[derive(Debug, Deserialize)]
struct DeleteForm {
    #[serde(default)]
    password: String,
}

async fn delete_account(
    Post(ctx, Person { session, bid }, form): Post<Person, DeleteForm>,
) -> Response {
    match ctx
        .state
        .app
        .delete_safe(&session, &bid, &form.password)
        .await
    {
        Ok(()) => {
            let anonymous = ctx.signed_out();
            let mut res = anonymous.page(
                &anonymous.t("delete-account-done-title"),
                html! {
                    section.card.narrow {
                        h1 { (icon("check")) " " (anonymous.t("delete-account-done-title")) }
                        p { (anonymous.t("delete-account-done-text")) }
                    }
                },
            );
            anonymous.add_cookie(
                &mut res,
                crate::web::extract::session_cookie_name(&anonymous.state),
                "",
                Some(0),
            );
            crate::web::clear_site_data(&mut res);
            res
        }
        Err(e) => {
            let phone = phone_on_file(&ctx, &session).await;
            ctx.render(
                Ctx::error_status(&e),
                &ctx.t("section-settings"),
                settings_body(&ctx, true, phone, None, Some(ctx.error_text(&e))),
            )
        }
    }
}
