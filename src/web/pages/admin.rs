//! The platform admin's pages: structures (register one after its agreement is signed) and
//! their first professionals. The operator never sees anyone's safe.

use super::{Ctx, Page, PlatformAdmin, Post, icons::icon};
use crate::domain::StructureKind;
use crate::service::{NewStructure, Session};
use crate::web::AppState;
use axum::Router;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::html;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin", get(admin_home))
        .route("/admin/structures", post(create_structure))
}

#[derive(Debug, Default, Deserialize)]
struct StructureForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    city: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    annual_budget_eur: String,
}

async fn render(
    ctx: &Ctx,
    session: &Session,
    form: &StructureForm,
    error: Option<String>,
    status: StatusCode,
) -> Response {
    let structures = match ctx.state.app.list_structures(session).await {
        Ok(s) => s,
        Err(e) => return ctx.error_page(&e),
    };
    ctx.render(status, &ctx.t("admin-title"), html! {
        h1 { (icon("building")) " " (ctx.t("admin-title")) }
        section.card {
            h2 { (ctx.t("admin-structures")) }
            @if structures.is_empty() { p { (ctx.t("admin-no-structure")) } }
            ul.people {
                @for s in &structures {
                    li {
                        a href={"/s/" (s.id) "/team"} { (icon("building")) " " strong { (s.name) } }
                        " · " (ctx.t(super::structure_kind_label(s.kind)))
                        @if let Some(c) = &s.city { " · " (c) }
                    }
                }
            }
        }
        p { a.button href="/admin/structures/import" { (icon("plus")) " " (ctx.t("import-structures-open")) } }
        section.card {
            h2 { (icon("plus")) " " (ctx.t("admin-create")) }
            (super::field_error(&error))
            form method="post" action="/admin/structures" {
                (ctx.csrf_field())
                label for="name" { (ctx.t("field-structure-name")) }
                input id="name" name="name" type="text" required value=(form.name);
                label for="kind" { (ctx.t("field-structure-kind")) }
                select id="kind" name="kind" {
                    @for kind in [StructureKind::Relay, StructureKind::Mediation] {
                        option value=(kind.as_str()) selected[StructureKind::parse(&form.kind).unwrap_or(StructureKind::Relay) == kind] { (ctx.t(super::structure_kind_label(kind))) }
                    }
                }
                label for="city" { (ctx.t("field-city")) " " span.hint { (ctx.t("optional")) } }
                input id="city" name="city" type="text" value=(form.city);
                label for="structure-phone" { (ctx.t("field-structure-phone")) " " span.hint { (ctx.t("optional")) } }
                p.hint id="structure-phone-hint" { (ctx.t("structure-phone-hint")) }
                input id="structure-phone" name="phone" type="tel" autocomplete="off" value=(form.phone) aria-describedby="structure-phone-hint";
                label for="annual_budget_eur" { (ctx.t("field-budget")) " " span.hint { (ctx.t("optional")) } }
                input id="annual_budget_eur" name="annual_budget_eur" type="number" min="0" step="1" inputmode="numeric" value=(form.annual_budget_eur);
                button.primary type="submit" { (ctx.t("action-create")) }
            }
        }
    })
}

async fn admin_home(Page(ctx, PlatformAdmin(session)): Page<PlatformAdmin>) -> Response {
    let form = StructureForm::default();
    render(&ctx, &session, &form, None, StatusCode::OK).await
}

async fn create_structure(
    Post(ctx, PlatformAdmin(session), form): Post<PlatformAdmin, StructureForm>,
) -> Response {
    let budget = match form.annual_budget_eur.trim() {
        "" => None,
        b => match b.parse::<i64>() {
            Ok(v) => Some(v),
            Err(_) => {
                let e = crate::service::ServiceError::Invalid(crate::domain::InvalidInput::new(
                    "annual_budget_eur",
                    "invalid_amount",
                ));
                return render(
                    &ctx,
                    &session,
                    &form,
                    Some(ctx.error_text(&e)),
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            }
        },
    };
    let city = Some(form.city.clone()).filter(|c| !c.trim().is_empty());
    let phone = Some(form.phone.clone()).filter(|p| !p.trim().is_empty());
    match ctx
        .state
        .app
        .create_structure(
            &session,
            NewStructure {
                name: form.name.clone(),
                kind: form.kind.clone(),
                city,
                phone,
                annual_budget_eur: budget,
            },
        )
        .await
    {
        Ok(s) => Redirect::to(&format!("/s/{}/team", s.id)).into_response(),
        Err(e) => {
            let status = Ctx::error_status(&e);
            render(&ctx, &session, &form, Some(ctx.error_text(&e)), status).await
        }
    }
}
