//! A structure's partner software (issue 18, item 4): its admins register the software the
//! structure already uses (the secret shown once, on the answer page, never in a URL), see the
//! clients and revoke one. The API is `/api/v1/structures/{sid}/clients`.

use super::{Ctx, Page, Post, Professional, icons::icon};
use crate::domain::StructureId;
use crate::service::partners::{NewClient, RegisteredClient, SCOPES};
use crate::service::{ServiceError, Session};
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
        .route("/s/{sid}/clients", get(clients_page).post(register_submit))
        .route("/s/{sid}/clients/{cid}/revoke", post(revoke_submit))
}

#[derive(Debug, Default, Deserialize)]
struct ClientForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    scope_safes: Option<String>,
    #[serde(default)]
    scope_documents: Option<String>,
    #[serde(default)]
    scope_shared: Option<String>,
}

/// The catalogue id naming a scope.
fn scope_label(scope: &str) -> &'static str {
    match scope {
        "safes:create" => "clients-scope-safes",
        "documents:write" => "clients-scope-documents",
        _ => "clients-scope-shared",
    }
}

async fn render(
    ctx: &Ctx,
    session: &Session,
    sid: &StructureId,
    registered: Option<&RegisteredClient>,
    error: Option<String>,
    status: StatusCode,
) -> Response {
    let clients = match ctx.state.app.list_clients(session, sid).await {
        Ok(c) => c,
        Err(e) => return ctx.error_page(&e),
    };
    let field = |name: &str, scope: &str| (name.to_owned(), scope.to_owned());
    let boxes = [
        field("scope_safes", SCOPES[0]),
        field("scope_documents", SCOPES[1]),
        field("scope_shared", SCOPES[2]),
    ];
    let body = html! {
        h1 { (icon("key")) " " (ctx.t("clients-title")) }
        p { (ctx.t("clients-intro")) }
        @if let Some(r) = registered {
            section.card.notice role="status" aria-labelledby="client-secret-title" {
                h2 id="client-secret-title" { (ctx.ta("clients-secret-title", &[("name", r.name.clone().into())])) }
                p { strong { (ctx.t("clients-secret-once")) } }
                dl {
                    dt { (ctx.t("clients-client-id")) }
                    dd { code { (r.client_id) } }
                    dt { (ctx.t("clients-client-secret")) }
                    dd { code { (r.client_secret) } }
                }
            }
        }
        section.card aria-labelledby="clients-list-title" {
            h2 id="clients-list-title" { (ctx.t("clients-list-title")) }
            @if clients.is_empty() {
                p { (ctx.t("clients-none")) }
            } @else {
                ul.list {
                    @for c in &clients {
                        li {
                            strong { (c.name) }
                            " · " code { (c.client_id) }
                            " · " (c.scopes.iter().map(|s| ctx.t(scope_label(s))).collect::<Vec<_>>().join(", "))
                            @match &c.revoked_at {
                                Some(at) => { " · " (ctx.ta("clients-revoked-on", &[("date", ctx.moment(at).into())])) }
                                None => {
                                    form.inline method="post" action={"/s/" (sid) "/clients/" (c.client_id) "/revoke"} {
                                        (ctx.csrf_field())
                                        button type="submit" { (ctx.t("clients-revoke")) }
                                    }
                                }
                            }
                        }
                    }
                }
                p.hint { (ctx.t("clients-revoke-hint")) }
            }
        }
        section.card aria-labelledby="clients-register-title" {
            h2 id="clients-register-title" { (icon("plus")) " " (ctx.t("clients-register-title")) }
            (super::field_error(&error))
            form method="post" action={"/s/" (sid) "/clients"} {
                (ctx.csrf_field())
                label for="client-name" { (ctx.t("clients-field-name")) }
                input id="client-name" name="name" type="text" maxlength="100" required;
                fieldset {
                    legend { (ctx.t("clients-scopes-legend")) }
                    @for (name, scope) in &boxes {
                        div {
                            input id=(name) name=(name) type="checkbox" value="on";
                            " "
                            label for=(name) { (ctx.t(scope_label(scope))) " " code { (scope) } }
                        }
                    }
                }
                button.primary type="submit" { (ctx.t("clients-register")) }
            }
        }
        p { a.button href="/pro" { (ctx.t("action-back-home")) } }
    };
    ctx.render(status, &ctx.t("clients-title"), body)
}

async fn clients_page(
    Path(sid): Path<String>,
    Page(ctx, Professional(session)): Page<Professional>,
) -> Response {
    let Ok(sid) = StructureId::parse(&sid) else {
        return ctx.not_found();
    };
    render(&ctx, &session, &sid, None, None, StatusCode::OK).await
}

async fn register_submit(
    Path(sid): Path<String>,
    Post(ctx, Professional(session), form): Post<Professional, ClientForm>,
) -> Response {
    let Ok(sid) = StructureId::parse(&sid) else {
        return ctx.not_found();
    };
    let scopes = [
        (&form.scope_safes, SCOPES[0]),
        (&form.scope_documents, SCOPES[1]),
        (&form.scope_shared, SCOPES[2]),
    ]
    .iter()
    .filter(|(on, _)| on.is_some())
    .map(|(_, s)| (*s).to_owned())
    .collect();
    let input = NewClient {
        name: form.name.clone(),
        scopes,
    };
    match ctx.state.app.register_client(&session, &sid, input).await {
        Ok(r) => render(&ctx, &session, &sid, Some(&r), None, StatusCode::CREATED).await,
        Err(e @ ServiceError::Invalid(_)) => {
            let error = Some(ctx.error_text(&e));
            render(
                &ctx,
                &session,
                &sid,
                None,
                error,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => ctx.error_page(&e),
    }
}

async fn revoke_submit(
    Path((sid, cid)): Path<(String, String)>,
    Post(ctx, Professional(session), _): Post<Professional>,
) -> Response {
    let Ok(sid) = StructureId::parse(&sid) else {
        return ctx.not_found();
    };
    match ctx.state.app.revoke_client(&session, &sid, &cid).await {
        Ok(()) => ctx.redirect_with(&format!("/s/{sid}/clients"), super::Notice::Saved),
        Err(e) => ctx.error_page(&e),
    }
}
