//! A structure's team ("Équipe"): its members, the memberships waiting for an admin's
//! approval (who asked, when), adding a professional, approving and deactivating members.
//! Approving gives her the structure's key; the page says to approve only a colleague one
//! knows. Deactivating ends her sessions and access and renews the structure's key.

use super::{Ctx, Page, Post, Staff, icons::icon};
use crate::domain::{AccountId, AccountKind, StructureId};
use crate::policy::Actor;
use crate::service::{NewProfessional, ProfessionalView, ServiceError, Session};
use crate::web::AppState;
use axum::Router;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use maud::html;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/s/{sid}/team", get(team_page).post(team_submit))
        .route("/s/{sid}/team/{pid}/approve", post(approve_submit))
        .route("/s/{sid}/team/{pid}/deactivate", post(deactivate_submit))
        .route("/s/{sid}/phone", post(phone_submit))
}

#[derive(Debug, Default, Deserialize)]
struct PhoneForm {
    #[serde(default)]
    phone: String,
}

#[derive(Debug, Default, Deserialize)]
struct ProfessionalForm {
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    role: String,
}

fn is_admin_of(session: &Session, sid: &StructureId) -> bool {
    match &session.actor {
        Actor::Professional { memberships, .. } => memberships.iter().any(|m| {
            &m.structure_id == sid && m.approved && m.role == crate::domain::StaffRole::Admin
        }),
        _ => false,
    }
}

async fn team(
    ctx: &Ctx,
    session: &Session,
    sid: &StructureId,
    form: &ProfessionalForm,
    notice: Option<String>,
    error: Option<String>,
    status: StatusCode,
) -> Response {
    let (structure, members) = match tokio::try_join!(
        ctx.state.app.get_structure(session, sid),
        ctx.state.app.list_professionals(session, sid)
    ) {
        Ok(v) => v,
        Err(e) => return ctx.error_page(&e),
    };
    let platform = session.kind == AccountKind::PlatformAdmin;
    let admin = is_admin_of(session, sid);
    let holds_key = session.keys.structure_key(sid).is_some();
    let has_active_admin = members
        .iter()
        .any(|m| m.status == "active" && m.role == "admin");
    let can_add = platform || admin;
    let can_approve = admin && holds_key;
    let can_deactivate = admin || (platform && !has_active_admin);
    let (pending, rest): (Vec<&ProfessionalView>, Vec<&ProfessionalView>) =
        members.iter().partition(|m| m.status == "pending");
    let (active, former): (Vec<&ProfessionalView>, Vec<&ProfessionalView>) =
        rest.into_iter().partition(|m| m.status == "active");
    let back = if platform { "/admin" } else { "/pro" };
    let role = |m: &ProfessionalView| {
        ctx.t(if m.role == "admin" {
            "role-admin"
        } else {
            "role-member"
        })
    };
    let on = super::operations::switched(ctx, sid).await;
    ctx.render(status, &ctx.t("team-title"), html! {
        h1 { (icon("people")) " " (structure.name) }
        p.hint {
            (ctx.t(super::structure_kind_label(structure.kind))) @if let Some(c) = &structure.city { " · " (c) }
            @if let Some(p) = &structure.phone { " · " (icon("phone")) " " span dir="ltr" { (super::phone_display(p)) } }
        }
        @if let Some(n) = notice { div.notice.success role="status" { p { (n) } } }
        (super::field_error(&error))
        @if !pending.is_empty() {
            section.card id="pending" {
                h2 { (ctx.t("team-pending-title")) }
                p.hint { (ctx.t(if can_approve { "team-approve-hint" } else { "team-pending-hint" })) }
                ul.people {
                    @for m in &pending {
                        li {
                            (icon("person")) " " strong { (m.display_name) } " · " (m.email) " · " (role(m))
                            br;
                            span.hint { (ctx.ta("team-requested", &[
                                ("name", m.requested_by.clone().unwrap_or_else(|| ctx.t("team-requested-unknown")).into()),
                                ("date", ctx.moment(&m.requested_at).into()),
                            ])) }
                            @if can_approve {
                                form.inline method="post" action={"/s/" (sid) "/team/" (m.id) "/approve"} {
                                    (ctx.csrf_field())
                                    button.primary type="submit" { (icon("key")) " " (ctx.t("team-approve")) }
                                }
                            }
                            @if can_deactivate {
                                form.inline method="post" action={"/s/" (sid) "/team/" (m.id) "/deactivate"} {
                                    (ctx.csrf_field())
                                    button type="submit" { (ctx.t("team-refuse")) }
                                }
                            }
                        }
                    }
                }
            }
        }
        section.card {
            h2 { (ctx.t("team-title")) }
            @if active.is_empty() { p { (ctx.t("team-empty")) } }
            ul.people {
                @for m in &active {
                    li {
                        (icon("person")) " " strong { (m.display_name) } " · " (m.email) " · " (role(m))
                        @if !m.has_access { " · " em { (ctx.t("team-no-key")) } }
                        @if can_deactivate && m.id != session.account_id {
                            form.inline method="post" action={"/s/" (sid) "/team/" (m.id) "/deactivate"} {
                                (ctx.csrf_field())
                                button type="submit" { (ctx.t("team-deactivate")) }
                            }
                        }
                    }
                }
            }
            @if can_deactivate { p.hint { (ctx.t("team-deactivate-hint")) } }
        }
        @if !former.is_empty() {
            section.card {
                h2 { (ctx.t("team-former-title")) }
                ul.people {
                    @for m in &former {
                        li {
                            (icon("person")) " " (m.display_name) " · " (m.email)
                            @if let Some(d) = &m.decided_at { " · " (ctx.ta("team-deactivated-on", &[("date", ctx.moment(d).into())])) }
                        }
                    }
                }
            }
        }
        @if platform || can_approve { p { a.button href={"/s/" (sid) "/team/import"} { (icon("plus")) " " (ctx.t("team-import-open")) } } }
        p { a.button href={"/s/" (sid) "/profile"} { (icon("building")) " " (ctx.t("profile-open")) } }
        @if on.kit { p { a.button href={"/s/" (sid) "/kit"} { (icon("print")) " " (ctx.t("kit-open")) } } }
        @if can_add {
            section.card {
                h2 { (icon("phone")) " " (ctx.t("field-structure-phone")) }
                form method="post" action={"/s/" (sid) "/phone"} {
                    (ctx.csrf_field())
                    label for="structure-phone" { (ctx.t("field-structure-phone")) }
                    p.hint id="structure-phone-hint" { (ctx.t("structure-phone-hint")) }
                    input id="structure-phone" name="phone" type="tel" autocomplete="off" value=(structure.phone.as_deref().unwrap_or_default()) aria-describedby="structure-phone-hint";
                    button type="submit" { (ctx.t("action-save")) }
                }
            }
            section.card {
                h2 { (icon("plus")) " " (ctx.t("team-add")) }
                @if !holds_key { p.hint { (ctx.t("team-add-pending-hint")) } }
                form method="post" action={"/s/" (sid) "/team"} {
                    (ctx.csrf_field())
                    label for="display_name" { (ctx.t("field-display-name")) }
                    input id="display_name" name="display_name" type="text" required value=(form.display_name);
                    label for="email" { (ctx.t("field-email")) }
                    input id="email" name="email" type="email" required autocomplete="off" value=(form.email);
                    label for="password" { (ctx.t("team-initial-password")) }
                    p.hint id="pw-hint" { (ctx.t("password-rules")) }
                    (ctx.password_field(super::PasswordField { id: "password", name: "password", autocomplete: "new-password", hint: Some("pw-hint"), required: true, new: false }))
                    label for="role" { (ctx.t("field-role")) }
                    select id="role" name="role" {
                        option value="member" selected[form.role != "admin"] { (ctx.t("role-member")) }
                        option value="admin" selected[form.role == "admin"] { (ctx.t("role-admin")) }
                    }
                    button.primary type="submit" { (ctx.t("action-add")) }
                }
            }
        }
        p { a.button href=(back) { (ctx.t("action-back-home")) } }
    })
}

async fn team_page(Path(sid): Path<String>, Page(ctx, Staff(session)): Page<Staff>) -> Response {
    let Ok(sid) = StructureId::parse(&sid) else {
        return ctx.not_found();
    };
    let form = ProfessionalForm::default();
    team(&ctx, &session, &sid, &form, None, None, StatusCode::OK).await
}

async fn team_submit(
    Path(sid): Path<String>,
    Post(ctx, Staff(session), form): Post<Staff, ProfessionalForm>,
) -> Response {
    let Ok(sid) = StructureId::parse(&sid) else {
        return ctx.not_found();
    };
    let input = NewProfessional {
        display_name: form.display_name.clone(),
        email: form.email.clone(),
        password: form.password.clone(),
        role: form.role.clone(),
    };
    match ctx.state.app.add_professional(&session, &sid, input).await {
        Ok(p) => {
            let id = if p.status == "pending" {
                "team-added-pending"
            } else {
                "team-added"
            };
            let notice = ctx.ta(id, &[("name", p.display_name.into())]);
            team(
                &ctx,
                &session,
                &sid,
                &ProfessionalForm::default(),
                Some(notice),
                None,
                StatusCode::OK,
            )
            .await
        }
        Err(ServiceError::NotFound) => ctx.not_found(),
        Err(e) => {
            team(
                &ctx,
                &session,
                &sid,
                &ProfessionalForm {
                    password: String::new(),
                    ..form
                },
                None,
                Some(ctx.error_text(&e)),
                Ctx::error_status(&e),
            )
            .await
        }
    }
}

#[derive(Clone, Copy)]
enum Decision {
    Approve,
    Deactivate,
}

async fn decide(post: Post<Staff>, sid: String, pid: String, what: Decision) -> Response {
    let Post(ctx, Staff(session), _) = post;
    let (Ok(sid), Ok(pid)) = (StructureId::parse(&sid), AccountId::parse(&pid)) else {
        return ctx.not_found();
    };
    let app = &ctx.state.app;
    let (result, done) = match what {
        Decision::Approve => (
            app.approve_member(&session, &sid, &pid).await,
            "team-approved",
        ),
        Decision::Deactivate => (
            app.deactivate_member(&session, &sid, &pid).await,
            "team-deactivated",
        ),
    };
    done_or_error(&ctx, &session, &sid, result, done).await
}

/// The team page again, saying what was done (`done`, a message id) or what went wrong.
async fn done_or_error(
    ctx: &Ctx,
    session: &Session,
    sid: &StructureId,
    result: Result<(), ServiceError>,
    done: &str,
) -> Response {
    let form = ProfessionalForm::default();
    match result {
        Ok(()) => {
            let notice = Some(ctx.t(done));
            team(ctx, session, sid, &form, notice, None, StatusCode::OK).await
        }
        Err(ServiceError::NotFound) => ctx.not_found(),
        Err(e) => {
            let status = Ctx::error_status(&e);
            let error = Some(ctx.error_text(&e));
            team(ctx, session, sid, &form, None, error, status).await
        }
    }
}

/// The structure's phone number (empty removes it), printed on recovery sheets.
async fn phone_submit(
    Path(sid): Path<String>,
    Post(ctx, Staff(session), form): Post<Staff, PhoneForm>,
) -> Response {
    let Ok(sid) = StructureId::parse(&sid) else {
        return ctx.not_found();
    };
    let phone = Some(form.phone.trim()).filter(|p| !p.is_empty());
    let result = ctx
        .state
        .app
        .set_structure_phone(&session, &sid, phone)
        .await
        .map(drop);
    done_or_error(&ctx, &session, &sid, result, "structure-phone-saved").await
}

async fn approve_submit(Path((sid, pid)): Path<(String, String)>, post: Post<Staff>) -> Response {
    decide(post, sid, pid, Decision::Approve).await
}

async fn deactivate_submit(
    Path((sid, pid)): Path<(String, String)>,
    post: Post<Staff>,
) -> Response {
    decide(post, sid, pid, Decision::Deactivate).await
}
