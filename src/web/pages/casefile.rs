//! The case file a structure keeps on a person, for its professionals (issue 14):
//! `/pro/b/{bid}/dossier/{sid}` shows her situation, her referent and the history; two plain
//! forms change the situation and hand her over to a colleague (no JavaScript needed).

use super::{Ctx, Page, Post, Professional, icons::icon};
use crate::domain::{BeneficiaryId, InvalidInput, StructureId};
use crate::policy::Actor;
use crate::service::{
    CaseFilePatch, CaseFileView, CaseProfessional, ChangeView, FAMILY, HEALTH_COVERS, HOUSING,
    PERMITS, PROTECTIONS, RESOURCES, ServiceError, Session,
};
use crate::web::AppState;
use axum::Router;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::{Markup, html};
use serde::Deserialize;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/pro/b/{bid}/dossier/{sid}", get(file_page))
        .route(
            "/pro/b/{bid}/dossier/{sid}/situation",
            post(situation_submit),
        )
        .route("/pro/b/{bid}/dossier/{sid}/referent", post(referent_submit))
}

/// Resource lines the form offers beyond those already there.
const EMPTY_RESOURCE_ROWS: usize = 2;
const MAX_RESOURCE_ROWS: usize = 12;

fn ids(bid: &str, sid: &str) -> Option<(BeneficiaryId, StructureId)> {
    Some((
        BeneficiaryId::parse(bid).ok()?,
        StructureId::parse(sid).ok()?,
    ))
}

fn href(bid: &BeneficiaryId, sid: &StructureId) -> String {
    format!("/pro/b/{bid}/dossier/{sid}")
}

/// The "Dossier" section of the person's page: a link to the case file of each structure of
/// the professional that follows people.
pub async fn pro_section(ctx: &Ctx, session: &Session, bid: &BeneficiaryId) -> Markup {
    let Actor::Professional { memberships, .. } = &session.actor else {
        return html! {};
    };
    let structures: Vec<&StructureId> = memberships
        .iter()
        .filter(|m| m.approved && crate::policy::follows(m.kind))
        .map(|m| &m.structure_id)
        .collect();
    if structures.is_empty() {
        return html! {};
    }
    let names = ctx.structure_names(session).await;
    html! {
        section.card id="dossier" {
            h2 { (icon("folder")) " " (ctx.t("casefile-title")) }
            p.hint { (ctx.t("casefile-intro")) }
            ul {
                @for sid in structures {
                    li { a.button href=(href(bid, sid)) { (ctx.ta("casefile-open", &[("structure", names.get(sid.as_str()).cloned().unwrap_or_default().into())])) } }
                }
            }
        }
    }
}

impl Ctx {
    /// The names of the professional's structures, by id.
    async fn structure_names(&self, session: &Session) -> BTreeMap<String, String> {
        self.state
            .app
            .list_structures(session)
            .await
            .unwrap_or_default()
            .into_iter()
            .map(|s| (s.id.to_string(), s.name))
            .collect()
    }
}

fn label(ctx: &Ctx, prefix: &str, code: Option<&str>) -> String {
    match code {
        Some(c) => ctx.t(&format!("{prefix}-{}", c.replace('_', "-"))),
        None => "—".into(),
    }
}

fn options(ctx: &Ctx, prefix: &str, list: &[&str], selected: Option<&str>) -> Markup {
    html! {
        option value="" selected[selected.is_none()] { "—" }
        @for c in list {
            option value=(c) selected[selected == Some(*c)] { (label(ctx, prefix, Some(c))) }
        }
    }
}

fn s<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

/// A value of the history in words.
fn describe(ctx: &Ctx, field: &str, v: &Value) -> String {
    if v.is_null() {
        return "—".into();
    }
    let until = |d: Option<&str>| {
        d.map(|d| {
            format!(
                " ({})",
                ctx.ta(
                    "casefile-until",
                    &[("date", super::documents::day(d).into())]
                )
            )
        })
        .unwrap_or_default()
    };
    match field {
        "housing" => label(ctx, "casefile-housing", v.as_str()),
        "protection" => label(ctx, "casefile-protection", v.as_str()),
        "family" => {
            let status = label(ctx, "casefile-family", s(v, "status"));
            let children = v.get("children").and_then(Value::as_u64).unwrap_or(0);
            format!(
                "{status}, {}",
                ctx.ta("casefile-children-count", &[("count", children.into())])
            )
        }
        "administrative" => {
            let mut parts = Vec::new();
            if let Some(n) = s(v, "nationality") {
                parts.push(n.to_owned());
            }
            if let Some(p) = s(v, "residence_permit") {
                parts.push(format!(
                    "{}{}",
                    label(ctx, "casefile-permit", Some(p)),
                    until(s(v, "residence_permit_until"))
                ));
            }
            if let Some(d) = s(v, "domiciliation") {
                parts.push(format!("{} : {d}", ctx.t("field-domiciliation")));
            }
            parts.join(" · ")
        }
        "resources" => v
            .as_array()
            .map(|lines| {
                lines
                    .iter()
                    .map(|l| {
                        format!(
                            "{} {}",
                            label(ctx, "casefile-resource", s(l, "kind")),
                            ctx.ta(
                                "casefile-per-month",
                                &[(
                                    "amount",
                                    l.get("monthly").and_then(Value::as_u64).unwrap_or(0).into()
                                )]
                            )
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(" · ")
            })
            .unwrap_or_default(),
        "health_cover" => format!(
            "{}{}",
            label(ctx, "casefile-health", s(v, "kind")),
            until(s(v, "until"))
        ),
        "referent" => s(v, "display_name")
            .map(str::to_owned)
            .unwrap_or_else(|| ctx.t("casefile-referent-none")),
        _ => String::new(),
    }
}

fn history_item(ctx: &Ctx, c: &ChangeView) -> Markup {
    let note = (c.field == "referent")
        .then(|| s(&c.value, "note").map(str::to_owned))
        .flatten();
    html! {
        li {
            span.hint { (ctx.ta("casefile-history-line", &[("when", ctx.moment(&c.at).into()), ("who", c.by.display_name.clone().into())])) }
            br;
            strong { (ctx.t(&format!("casefile-field-{}", c.field.replace('_', "-")))) } " : " (describe(ctx, &c.field, &c.value))
            @if let Some(n) = note { blockquote { (n) } }
        }
    }
}

fn situation_form(ctx: &Ctx, f: &CaseFileView) -> Markup {
    let st = &f.situation;
    let family = st.family.clone().unwrap_or_default();
    let admin = st.administrative.clone().unwrap_or_default();
    let resources = st.resources.clone().unwrap_or_default();
    let rows = (resources.len() + EMPTY_RESOURCE_ROWS).min(MAX_RESOURCE_ROWS);
    let health = st.health_cover.clone();
    html! {
        form method="post" action={(href(&f.beneficiary_id, &f.structure_id)) "/situation"} {
            (ctx.csrf_field())
            label for="housing" { (ctx.t("field-housing")) }
            select id="housing" name="housing" { (options(ctx, "casefile-housing", HOUSING, st.housing.as_deref())) }
            fieldset {
                legend { (ctx.t("casefile-field-family")) }
                label for="family_status" { (ctx.t("field-family-status")) }
                select id="family_status" name="family_status" { (options(ctx, "casefile-family", FAMILY, family.status.as_deref())) }
                label for="children" { (ctx.t("field-children")) }
                input id="children" name="children" type="number" min="0" max="30" inputmode="numeric" value=(family.children);
            }
            fieldset {
                legend { (ctx.t("casefile-field-administrative")) }
                label for="nationality" { (ctx.t("field-nationality")) }
                input id="nationality" name="nationality" type="text" maxlength="80" autocomplete="off" value=(admin.nationality.clone().unwrap_or_default());
                label for="residence_permit" { (ctx.t("field-residence-permit")) }
                select id="residence_permit" name="residence_permit" { (options(ctx, "casefile-permit", PERMITS, admin.residence_permit.as_deref())) }
                label for="residence_permit_until" { (ctx.t("field-residence-permit-until")) }
                input id="residence_permit_until" name="residence_permit_until" type="date" value=(admin.residence_permit_until.clone().unwrap_or_default());
                label for="domiciliation" { (ctx.t("field-domiciliation")) }
                input id="domiciliation" name="domiciliation" type="text" maxlength="200" autocomplete="off" value=(admin.domiciliation.clone().unwrap_or_default());
            }
            fieldset {
                legend { (ctx.t("casefile-field-resources")) }
                p.hint { (ctx.t("casefile-resources-hint")) }
                @for i in 0..rows {
                    @let line = resources.get(i);
                    div.resource-line {
                        label for={"resource_kind_" (i)} { (ctx.t("field-resource-kind")) " " (i + 1) }
                        select id={"resource_kind_" (i)} name={"resource_kind_" (i)} { (options(ctx, "casefile-resource", RESOURCES, line.map(|l| l.kind.as_str()))) }
                        label for={"resource_amount_" (i)} { (ctx.t("field-resource-amount")) " " (i + 1) }
                        input id={"resource_amount_" (i)} name={"resource_amount_" (i)} type="number" min="0" max="100000" inputmode="numeric" value=(line.map(|l| l.monthly.to_string()).unwrap_or_default());
                    }
                }
            }
            fieldset {
                legend { (ctx.t("casefile-field-health-cover")) }
                label for="health_cover" { (ctx.t("field-health-cover")) }
                select id="health_cover" name="health_cover" { (options(ctx, "casefile-health", HEALTH_COVERS, health.as_ref().map(|h| h.kind.as_str()))) }
                label for="health_cover_until" { (ctx.t("field-health-cover-until")) }
                input id="health_cover_until" name="health_cover_until" type="date" value=(health.and_then(|h| h.until).unwrap_or_default());
            }
            label for="protection" { (ctx.t("field-protection")) }
            select id="protection" name="protection" { (options(ctx, "casefile-protection", PROTECTIONS, st.protection.as_deref())) }
            button.primary type="submit" { (ctx.t("casefile-save")) }
        }
    }
}

fn referent_form(ctx: &Ctx, f: &CaseFileView, colleagues: &[CaseProfessional]) -> Markup {
    let current = f.referent.as_ref().map(|r| r.id.as_str());
    html! {
        form method="post" action={(href(&f.beneficiary_id, &f.structure_id)) "/referent"} {
            (ctx.csrf_field())
            p.hint { (ctx.t("casefile-handover-hint")) }
            label for="referent_id" { (ctx.t("field-referent")) }
            select id="referent_id" name="referent_id" required {
                @for c in colleagues {
                    option value=(c.id) selected[current == Some(c.id.as_str())] { (c.display_name) }
                }
            }
            label for="note" { (ctx.t("field-note")) " " span.hint { (ctx.t("optional")) } }
            textarea id="note" name="note" rows="3" maxlength="2000" {}
            button type="submit" { (icon("people")) " " (ctx.t("casefile-handover-submit")) }
        }
    }
}

async fn render(
    ctx: &Ctx,
    session: &Session,
    bid: &BeneficiaryId,
    sid: &StructureId,
    error: Option<(StatusCode, String)>,
) -> Response {
    let f = match ctx.state.app.case_file(session, sid, bid).await {
        Ok(f) => f,
        Err(e) => return ctx.error_page(&e),
    };
    let colleagues = ctx
        .state
        .app
        .referent_choices(session, sid)
        .await
        .unwrap_or_default();
    let name = f
        .person
        .as_ref()
        .map(|p| format!("{} {}", p.first_name, p.last_name))
        .unwrap_or_default();
    let structure = ctx
        .structure_names(session)
        .await
        .get(sid.as_str())
        .cloned()
        .unwrap_or_default();
    let (status, error) = match error {
        Some((s, e)) => (s, Some(e)),
        None => (StatusCode::OK, None),
    };
    ctx.render(status, &format!("{} — {name}", ctx.t("casefile-title")), html! {
        section.card {
            h1 { (icon("folder")) " " (ctx.t("casefile-title")) " — " (name) }
            p.hint { (structure) @if let Some(p) = &f.person { " · " (super::documents::day(&p.birth_date)) } }
            p.hint { (ctx.t("casefile-intro")) }
            @if !f.followed { div.notice role="status" { p { (ctx.t("casefile-left")) } } }
            dl {
                dt { (ctx.t("field-referent")) }
                dd { (f.referent.as_ref().map_or_else(|| ctx.t("casefile-referent-none"), |r| r.display_name.clone())) }
                @for field in crate::service::FIELDS {
                    dt { (ctx.t(&format!("casefile-field-{}", field.replace('_', "-")))) }
                    dd { (describe(ctx, field, &serde_json::to_value(&f.situation).ok().and_then(|v| v.get(*field).cloned()).unwrap_or(Value::Null))) }
                }
            }
        }
        @if f.followed {
            section.card id="situation" {
                h2 { (ctx.t("casefile-situation")) }
                (super::field_error(&error))
                (situation_form(ctx, &f))
            }
            section.card id="referent" {
                h2 { (icon("people")) " " (ctx.t("casefile-handover")) }
                (referent_form(ctx, &f, &colleagues))
            }
        }
        section.card id="history" {
            h2 { (ctx.t("casefile-history")) }
            @if f.history.is_empty() { p { (ctx.t("casefile-history-none")) } }
            ol.history { @for c in &f.history { (history_item(ctx, c)) } }
        }
        p {
            @if f.followed { a.button href={"/pro/b/" (bid)} { (ctx.t("casefile-back")) } " " }
            a.button href="/pro" { (ctx.t("action-back-home")) }
        }
    })
}

async fn file_page(
    Path((bid, sid)): Path<(String, String)>,
    Page(ctx, Professional(session)): Page<Professional>,
) -> Response {
    let Some((bid, sid)) = ids(&bid, &sid) else {
        return ctx.not_found();
    };
    render(&ctx, &session, &bid, &sid, None).await
}

fn field_text(form: &BTreeMap<String, String>, key: &str) -> Value {
    match form.get(key).map(|v| v.trim()) {
        Some(v) if !v.is_empty() => json!(v),
        _ => Value::Null,
    }
}

/// A whole number of the form, or the field's error.
fn number(
    form: &BTreeMap<String, String>,
    key: &str,
    field: &'static str,
    code: &'static str,
) -> Result<u64, ServiceError> {
    match form.get(key).map(|v| v.trim()).filter(|v| !v.is_empty()) {
        None => Ok(0),
        Some(v) => v
            .parse::<u64>()
            .map_err(|_| ServiceError::Invalid(InvalidInput::new(field, code))),
    }
}

/// The situation form as the service's patch: every field, as the form shows them all.
fn situation_patch(form: &BTreeMap<String, String>) -> Result<CaseFilePatch, ServiceError> {
    let mut resources = Vec::new();
    for i in 0..MAX_RESOURCE_ROWS {
        let kind = field_text(form, &format!("resource_kind_{i}"));
        let amount = number(
            form,
            &format!("resource_amount_{i}"),
            "resource_amount",
            "invalid_amount",
        )?;
        if !kind.is_null() {
            resources.push(json!({"kind": kind, "monthly": amount}));
        }
    }
    let children = number(form, "children", "children", "invalid")?;
    let health = field_text(form, "health_cover");
    let mut situation = Map::new();
    situation.insert("housing".into(), field_text(form, "housing"));
    situation.insert(
        "family".into(),
        json!({"status": field_text(form, "family_status"), "children": children}),
    );
    situation.insert(
        "administrative".into(),
        json!({
            "nationality": field_text(form, "nationality"),
            "residence_permit": field_text(form, "residence_permit"),
            "residence_permit_until": field_text(form, "residence_permit_until"),
            "domiciliation": field_text(form, "domiciliation"),
        }),
    );
    situation.insert("resources".into(), json!(resources));
    situation.insert(
        "health_cover".into(),
        if health.is_null() {
            Value::Null
        } else {
            json!({"kind": health, "until": field_text(form, "health_cover_until")})
        },
    );
    situation.insert("protection".into(), field_text(form, "protection"));
    Ok(CaseFilePatch {
        situation,
        ..CaseFilePatch::default()
    })
}

async fn apply(
    ctx: &Ctx,
    session: &Session,
    (bid, sid): (BeneficiaryId, StructureId),
    patch: Result<CaseFilePatch, ServiceError>,
    anchor: &str,
) -> Response {
    let result = match patch {
        Ok(p) => ctx.state.app.update_case_file(session, &sid, &bid, p).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => Redirect::to(&format!("{}#{anchor}", href(&bid, &sid))).into_response(),
        Err(e @ ServiceError::Invalid(_)) => {
            let status = Ctx::error_status(&e);
            render(ctx, session, &bid, &sid, Some((status, ctx.error_text(&e)))).await
        }
        Err(e) => ctx.error_page(&e),
    }
}

async fn situation_submit(
    Path((bid, sid)): Path<(String, String)>,
    Post(ctx, Professional(session), form): Post<Professional, BTreeMap<String, String>>,
) -> Response {
    let Some(ids) = ids(&bid, &sid) else {
        return ctx.not_found();
    };
    apply(&ctx, &session, ids, situation_patch(&form), "situation").await
}

#[derive(Debug, Deserialize)]
struct ReferentForm {
    #[serde(default)]
    referent_id: String,
    #[serde(default)]
    note: String,
}

async fn referent_submit(
    Path((bid, sid)): Path<(String, String)>,
    Post(ctx, Professional(session), form): Post<Professional, ReferentForm>,
) -> Response {
    let Some(ids) = ids(&bid, &sid) else {
        return ctx.not_found();
    };
    let patch = CaseFilePatch {
        referent_id: Some(Some(form.referent_id)),
        note: Some(form.note),
        ..CaseFilePatch::default()
    };
    apply(&ctx, &session, ids, Ok(patch), "history").await
}
