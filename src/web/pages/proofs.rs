//! Proofs as pages (issue 16): a structure's profile for the papers it gives
//! (`/s/{sid}/profile`: its admins edit it, its members read it), and, from a person's file,
//! domiciliation and hosting certificates (`/pro/b/{bid}/domiciliation`: record a decision,
//! the history of records with their two forms, a hosting certificate for a shelter). Plain
//! forms, each followed by a redirect.

use super::notices::Notice;
use super::{CheckedParts, Ctx, Page, Post, Professional, Staff, Upload, icons::icon};
use crate::domain::{BeneficiaryId, StructureId};
use crate::policy::follows;
use crate::service::proofs::domiciliation::{
    DomiciliationInput, DomiciliationView, list_domiciliations, record_domiciliation,
};
use crate::service::proofs::hosting::hosting_certificate;
use crate::service::proofs::profile::{
    MAX_LOGO_BYTES, ProfileInput, ProfileView, get_logo, get_profile, remove_logo, set_logo,
    set_profile,
};
use crate::service::{ServiceError, Session, StructureView};
use crate::web::AppState;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Path};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use maud::{Markup, html};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/s/{sid}/profile", get(profile_page).post(profile_submit))
        .route(
            "/s/{sid}/profile/logo",
            get(logo_image)
                .post(logo_submit)
                .layer(DefaultBodyLimit::max(MAX_LOGO_BYTES + 16 * 1024)),
        )
        .route("/s/{sid}/profile/logo/delete", post(logo_delete))
        .route(
            "/pro/b/{bid}/domiciliation",
            get(domiciliation_page).post(domiciliation_submit),
        )
        .route("/pro/b/{bid}/hosting-certificate", post(hosting_submit))
}

#[derive(Debug, Default, Deserialize)]
struct ProfileForm {
    #[serde(default)]
    category: String,
    #[serde(default)]
    shelter: String,
    #[serde(default)]
    postal_address: String,
    #[serde(default)]
    mail_address: String,
    #[serde(default)]
    approval_number: String,
    #[serde(default)]
    prefecture: String,
    #[serde(default)]
    manager_name: String,
    #[serde(default)]
    manager_function: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    email: String,
}

impl ProfileForm {
    fn of(p: &ProfileView) -> Self {
        Self {
            category: p.category.as_str().to_owned(),
            shelter: p.shelter.map(|s| s.as_str().to_owned()).unwrap_or_default(),
            postal_address: p.postal_address.clone(),
            mail_address: p.mail_address.clone().unwrap_or_default(),
            approval_number: p.approval_number.clone().unwrap_or_default(),
            prefecture: p.prefecture.clone().unwrap_or_default(),
            manager_name: p.manager_name.clone(),
            manager_function: p.manager_function.clone(),
            phone: p.phone.clone().unwrap_or_default(),
            email: p.email.clone().unwrap_or_default(),
        }
    }

    fn input(&self) -> ProfileInput {
        let some = |s: &str| Some(s.to_owned());
        ProfileInput {
            category: some(&self.category),
            shelter: some(&self.shelter),
            postal_address: self.postal_address.clone(),
            mail_address: some(&self.mail_address),
            approval_number: some(&self.approval_number),
            prefecture: some(&self.prefecture),
            manager_name: self.manager_name.clone(),
            manager_function: self.manager_function.clone(),
            phone: some(&self.phone),
            email: some(&self.email),
        }
    }
}

fn is_admin_of(session: &Session, sid: &StructureId) -> bool {
    match &session.actor {
        crate::policy::Actor::Professional { memberships, .. } => memberships.iter().any(|m| {
            &m.structure_id == sid && m.approved && m.role == crate::domain::StaffRole::Admin
        }),
        _ => false,
    }
}

/// A text input (or a text area for an address) with its label.
fn text_field(ctx: &Ctx, name: &str, value: &str, required: bool, area: bool) -> Markup {
    let id = format!("profile-{}", name.replace('_', "-"));
    html! {
        label for=(id) { (ctx.t(&format!("field-{}", name.replace('_', "-")))) }
        @if area {
            textarea id=(id) name=(name) rows="3" required[required] { (value) }
        } @else {
            input id=(id) name=(name) type="text" value=(value) required[required];
        }
    }
}

async fn profile_view(
    ctx: &Ctx,
    session: &Session,
    sid: &StructureId,
    form: Option<ProfileForm>,
    error: Option<String>,
    status: StatusCode,
) -> Response {
    let app = &ctx.state.app;
    let (structure, profile) = match tokio::try_join!(
        app.get_structure(session, sid),
        get_profile(app, session, sid)
    ) {
        Ok(v) => v,
        Err(e) => return ctx.error_page(&e),
    };
    let form = form.unwrap_or_else(|| profile.as_ref().map(ProfileForm::of).unwrap_or_default());
    let admin = is_admin_of(session, sid);
    let has_logo = matches!(get_logo(app, session, sid).await, Ok(Some(_)));
    let categories = ["ccas", "cias", "association", "other"];
    let shelters = ["", "chrs", "chu", "hotel"];
    ctx.render(status, &ctx.t("profile-title"), html! {
        h1 { (icon("building")) " " (ctx.t("profile-title")) }
        p.hint { (structure.name) @if let Some(c) = &structure.city { " · " (c) } }
        p { (ctx.t("profile-intro")) }
        (super::field_error(&error))
        @if admin {
            form method="post" action={"/s/" (sid) "/profile"} {
                (ctx.csrf_field())
                label for="profile-category" { (ctx.t("field-category")) }
                select id="profile-category" name="category" {
                    @for c in categories {
                        option value=(c) selected[form.category == c] { (ctx.t(&format!("category-{c}"))) }
                    }
                }
                label for="profile-shelter" { (ctx.t("field-shelter")) }
                select id="profile-shelter" name="shelter" {
                    @for s in shelters {
                        option value=(s) selected[form.shelter == s] { (ctx.t(&format!("shelter-{}", if s.is_empty() { "none" } else { s }))) }
                    }
                }
                (text_field(ctx, "postal_address", &form.postal_address, true, true))
                (text_field(ctx, "mail_address", &form.mail_address, false, true))
                p.hint { (ctx.t("profile-approval-hint")) }
                (text_field(ctx, "approval_number", &form.approval_number, false, false))
                (text_field(ctx, "prefecture", &form.prefecture, false, false))
                (text_field(ctx, "manager_name", &form.manager_name, true, false))
                (text_field(ctx, "manager_function", &form.manager_function, true, false))
                label for="profile-phone" { (ctx.t("field-structure-phone")) }
                input id="profile-phone" name="phone" type="tel" autocomplete="off" value=(form.phone);
                label for="profile-email" { (ctx.t("field-email")) }
                input id="profile-email" name="email" type="email" autocomplete="off" value=(form.email);
                button.primary type="submit" { (ctx.t("action-save")) }
            }
            section.card id="profile-logo" {
                h2 { (ctx.t("field-logo")) }
                @if has_logo { p { img.logo src={"/s/" (sid) "/profile/logo"} alt=(ctx.t("field-logo")) width="160"; } }
                @if profile.is_some() {
                    form method="post" action={"/s/" (sid) "/profile/logo"} enctype="multipart/form-data" {
                        (ctx.csrf_field())
                        label for="profile-logo-file" { (ctx.t("field-logo")) }
                        p.hint id="profile-logo-hint" { (ctx.t("profile-logo-hint")) }
                        input id="profile-logo-file" name="logo" type="file" accept="image/png,image/jpeg" required aria-describedby="profile-logo-hint";
                        button type="submit" { (ctx.t("action-save")) }
                    }
                    @if has_logo {
                        form method="post" action={"/s/" (sid) "/profile/logo/delete"} {
                            (ctx.csrf_field())
                            button type="submit" { (ctx.t("profile-logo-remove")) }
                        }
                    }
                } @else {
                    p.hint { (ctx.t("profile-logo-after")) }
                }
            }
        } @else {
            p.hint { (ctx.t("profile-read-only")) }
            @if let Some(p) = &profile {
                dl {
                    dt { (ctx.t("field-category")) } dd { (ctx.t(&format!("category-{}", p.category.as_str()))) }
                    dt { (ctx.t("field-postal-address")) } dd { @for l in p.postal_address.lines() { (l) br; } }
                    dt { (ctx.t("field-manager-name")) } dd { (p.manager_name) ", " (p.manager_function) }
                }
            }
        }
        p { a.button href={"/s/" (sid) "/team"} { (ctx.t("action-back")) } }
    })
}

async fn profile_page(Path(sid): Path<String>, Page(ctx, Staff(session)): Page<Staff>) -> Response {
    let Ok(sid) = StructureId::parse(&sid) else {
        return ctx.not_found();
    };
    profile_view(&ctx, &session, &sid, None, None, StatusCode::OK).await
}

async fn profile_submit(
    Path(sid): Path<String>,
    Post(ctx, Staff(session), form): Post<Staff, ProfileForm>,
) -> Response {
    let Ok(sid) = StructureId::parse(&sid) else {
        return ctx.not_found();
    };
    match set_profile(&ctx.state.app, &session, &sid, &form.input()).await {
        Ok(_) => ctx.redirect_with(&format!("/s/{sid}/profile"), Notice::Saved),
        Err(ServiceError::NotFound) => ctx.not_found(),
        Err(e) => {
            let (status, text) = (Ctx::error_status(&e), ctx.error_text(&e));
            profile_view(&ctx, &session, &sid, Some(form), Some(text), status).await
        }
    }
}

async fn logo_image(Path(sid): Path<String>, Page(ctx, Staff(session)): Page<Staff>) -> Response {
    let Ok(sid) = StructureId::parse(&sid) else {
        return ctx.not_found();
    };
    match get_logo(&ctx.state.app, &session, &sid).await {
        Ok(Some((bytes, mime))) => crate::web::api::content_response(&mime, "logo", bytes, true),
        Ok(None) => ctx.not_found(),
        Err(e) => ctx.error_page(&e),
    }
}

/// The logo part of the form, read up to the logo's limit (one byte more is refused).
async fn logo_bytes(mut form: CheckedParts) -> Result<Vec<u8>, ServiceError> {
    let mut bytes = Vec::new();
    while let Some(mut part) = form.next_part().await? {
        if part.name() != "logo" {
            part.discard().await?;
            continue;
        }
        while let Some(chunk) = part.chunk().await? {
            if bytes.len() + chunk.len() > MAX_LOGO_BYTES {
                return Err(ServiceError::TooLarge("file_too_large"));
            }
            bytes.extend_from_slice(&chunk);
        }
    }
    Ok(bytes)
}

async fn logo_submit(
    Path(sid): Path<String>,
    Upload(ctx, Staff(session), form): Upload<Staff>,
) -> Response {
    let Ok(sid) = StructureId::parse(&sid) else {
        return ctx.not_found();
    };
    let result = match logo_bytes(form).await {
        Ok(bytes) => set_logo(&ctx.state.app, &session, &sid, bytes).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => ctx.redirect_with(&format!("/s/{sid}/profile"), Notice::Saved),
        Err(ServiceError::Forbidden) if !is_admin_of(&session, &sid) => {
            ctx.error_page(&ServiceError::Forbidden)
        }
        Err(ServiceError::Forbidden) => ctx.bad_form(),
        Err(ServiceError::NotFound) => ctx.not_found(),
        Err(e) => {
            let (status, text) = (Ctx::error_status(&e), ctx.error_text(&e));
            profile_view(&ctx, &session, &sid, None, Some(text), status).await
        }
    }
}

async fn logo_delete(Path(sid): Path<String>, post: Post<Staff>) -> Response {
    let Post(ctx, Staff(session), _) = post;
    let Ok(sid) = StructureId::parse(&sid) else {
        return ctx.not_found();
    };
    match remove_logo(&ctx.state.app, &session, &sid).await {
        Ok(()) => ctx.redirect_with(&format!("/s/{sid}/profile"), Notice::Deleted),
        Err(ServiceError::NotFound) => ctx.not_found(),
        Err(e) => ctx.error_page(&e),
    }
}

#[derive(Debug, Default, Deserialize)]
struct DomiciliationForm {
    #[serde(default)]
    structure_id: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    decision_on: String,
    #[serde(default)]
    granted: String,
    #[serde(default)]
    refusal_reason: String,
    #[serde(default)]
    birth_place: String,
}

#[derive(Debug, Default, Deserialize)]
struct HostingForm {
    #[serde(default)]
    structure_id: String,
    #[serde(default)]
    since: String,
}

/// The structures of the caller that follow people (those that may give her papers).
async fn issuing_structures(
    ctx: &Ctx,
    session: &Session,
) -> Result<Vec<StructureView>, ServiceError> {
    Ok(ctx
        .state
        .app
        .list_structures(session)
        .await?
        .into_iter()
        .filter(|s| follows(s.kind))
        .collect())
}

fn structure_select(ctx: &Ctx, id: &str, structures: &[StructureView], chosen: &str) -> Markup {
    html! {
        @if let [only] = structures {
            input type="hidden" name="structure_id" value=(only.id);
        } @else {
            label for=(id) { (ctx.t("field-structure-name")) }
            select id=(id) name="structure_id" {
                @for s in structures {
                    option value=(s.id) selected[s.id.as_str() == chosen] { (s.name) }
                }
            }
        }
    }
}

fn record_line(ctx: &Ctx, bid: &BeneficiaryId, d: &DomiciliationView, name: &str) -> Markup {
    let day = |iso: &str| super::documents::day(iso);
    html! {
        li {
            strong { (ctx.t(match d.kind { crate::domain::DomiciliationKind::First => "domiciliation-first", crate::domain::DomiciliationKind::Renewal => "domiciliation-renewal" })) }
            " · " (day(&d.decision_on)) " · " (name)
            br;
            @if let (Some(from), Some(to)) = (&d.starts_on, &d.ends_on) {
                (ctx.ta("domiciliation-granted", &[("from", day(from).into()), ("to", day(to).into())]))
            } @else {
                (ctx.ta("domiciliation-refused", &[("reason", d.refusal_reason.clone().unwrap_or_default().into())]))
            }
            br;
            a href={"/pro/b/" (bid) "/documents/" (d.documents.request)} { (icon("pdf")) " " (ctx.t("domiciliation-request-doc")) }
            @if let Some(c) = &d.documents.certificate {
                " · " a href={"/pro/b/" (bid) "/documents/" (c)} { (icon("pdf")) " " (ctx.t("domiciliation-certificate-doc")) }
            }
        }
    }
}

async fn domiciliation_view(
    ctx: &Ctx,
    session: &Session,
    bid: &BeneficiaryId,
    error: Option<String>,
    status: StatusCode,
) -> Response {
    let app = &ctx.state.app;
    let (structures, records, person) = match tokio::try_join!(
        issuing_structures(ctx, session),
        list_domiciliations(app, session, bid),
        app.beneficiary_profile(session, bid)
    ) {
        Ok(v) => v,
        Err(e) => return ctx.error_page(&e),
    };
    let name_of = |sid: &StructureId| {
        structures
            .iter()
            .find(|s| &s.id == sid)
            .map(|s| s.name.clone())
            .unwrap_or_default()
    };
    let today = crate::clock::local(
        &crate::clock::zone(&app.config.reminders.time_zone),
        app.now(),
    )
    .date;
    ctx.render(status, &ctx.t("domiciliation-title"), html! {
        h1 { (icon("mailbox")) " " (ctx.t("domiciliation-title")) }
        p.hint { (person.first_name) " " (person.last_name) }
        (super::field_error(&error))
        section.card id="domiciliation-history" {
            h2 { (ctx.t("domiciliation-history")) }
            @if records.is_empty() { p { (ctx.t("domiciliation-none")) } }
            ul {
                @for d in records.iter().rev() { (record_line(ctx, bid, d, &name_of(&d.structure_id))) }
            }
        }
        section.card id="domiciliation-record" {
            h2 { (ctx.t("domiciliation-record")) }
            p.hint { (ctx.t("domiciliation-intro")) }
            form method="post" action={"/pro/b/" (bid) "/domiciliation"} {
                (ctx.csrf_field())
                (structure_select(ctx, "domiciliation-structure", &structures, ""))
                fieldset {
                    legend { (ctx.t("field-kind")) }
                    label { input type="radio" name="kind" value="first" checked; " " (ctx.t("domiciliation-first")) }
                    label { input type="radio" name="kind" value="renewal"; " " (ctx.t("domiciliation-renewal")) }
                }
                label for="domiciliation-date" { (ctx.t("field-decision-on")) }
                input id="domiciliation-date" name="decision_on" type="date" required value=(today);
                fieldset {
                    legend { (ctx.t("field-granted")) }
                    label { input type="radio" name="granted" value="yes" checked; " " (ctx.t("domiciliation-grant")) }
                    label { input type="radio" name="granted" value="no"; " " (ctx.t("domiciliation-refuse")) }
                }
                label for="domiciliation-reason" { (ctx.t("field-refusal-reason")) }
                textarea id="domiciliation-reason" name="refusal_reason" rows="3" {}
                label for="domiciliation-birth-place" { (ctx.t("field-birth-place")) }
                input id="domiciliation-birth-place" name="birth_place" type="text" autocomplete="off";
                button.primary type="submit" { (ctx.t("domiciliation-save")) }
            }
        }
        section.card id="hosting" {
            h2 { (icon("house")) " " (ctx.t("hosting-title")) }
            p.hint { (ctx.t("hosting-intro")) }
            form method="post" action={"/pro/b/" (bid) "/hosting-certificate"} {
                (ctx.csrf_field())
                (structure_select(ctx, "hosting-structure", &structures, ""))
                label for="hosting-since" { (ctx.t("field-since")) }
                input id="hosting-since" name="since" type="date" required max=(today);
                button type="submit" { (ctx.t("hosting-make")) }
            }
        }
        p { a.button href={"/pro/b/" (bid)} { (ctx.t("action-back")) } }
    })
}

async fn domiciliation_page(
    Path(bid): Path<String>,
    Page(ctx, Professional(session)): Page<Professional>,
) -> Response {
    let Ok(bid) = BeneficiaryId::parse(&bid) else {
        return ctx.not_found();
    };
    domiciliation_view(&ctx, &session, &bid, None, StatusCode::OK).await
}

/// After a paper is made: back to the page, or the page with what went wrong.
async fn done_or_error<T>(
    ctx: &Ctx,
    session: &Session,
    bid: &BeneficiaryId,
    result: Result<T, ServiceError>,
) -> Response {
    match result {
        Ok(_) => ctx.redirect_with(&format!("/pro/b/{bid}/domiciliation"), Notice::Added),
        Err(ServiceError::NotFound) => ctx.not_found(),
        Err(e) => {
            let (status, text) = (Ctx::error_status(&e), ctx.error_text(&e));
            domiciliation_view(ctx, session, bid, Some(text), status).await
        }
    }
}

async fn domiciliation_submit(
    Path(bid): Path<String>,
    Post(ctx, Professional(session), form): Post<Professional, DomiciliationForm>,
) -> Response {
    let (Ok(bid), Ok(sid)) = (
        BeneficiaryId::parse(&bid),
        StructureId::parse(&form.structure_id),
    ) else {
        return ctx.not_found();
    };
    let input = DomiciliationInput {
        kind: form.kind.clone(),
        decision_on: form.decision_on.clone(),
        granted: match form.granted.as_str() {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        },
        refusal_reason: Some(form.refusal_reason.clone()),
        birth_place: Some(form.birth_place.clone()),
    };
    let result = record_domiciliation(&ctx.state.app, &session, &sid, &bid, &input).await;
    done_or_error(&ctx, &session, &bid, result).await
}

async fn hosting_submit(
    Path(bid): Path<String>,
    Post(ctx, Professional(session), form): Post<Professional, HostingForm>,
) -> Response {
    let (Ok(bid), Ok(sid)) = (
        BeneficiaryId::parse(&bid),
        StructureId::parse(&form.structure_id),
    ) else {
        return ctx.not_found();
    };
    let result = hosting_certificate(&ctx.state.app, &session, &sid, &bid, &form.since).await;
    done_or_error(&ctx, &session, &bid, result).await
}
