//! "My rights": the benefit simulation as pages (issue 15, item 2). Her page (`/rights`): the
//! questions in plain words with pictograms, her past simulations, each one's results and who
//! sees it; the professional's one-page mode from the person's file (`/pro/b/{bid}/rights`:
//! the questions and the results side by side, run for her); a printable recap in her
//! language. Plain forms (a fixed number of rows for the children): no JavaScript needed.

use super::documents::{apply_shares, who_sees};
use super::guards::Fields;
use super::{Ctx, Page, Person, Post, Professional, icons::icon, month_text, simulation_title};
use crate::domain::benefits::{Benefit, Outcome, SimulationInput};
use crate::domain::{BeneficiaryId, InvalidInput, ItemId};
use crate::i18n::Locale;
use crate::service::simulations::{
    SimulationView, create_simulation, get_simulation, list_simulations,
};
use crate::service::{ItemKind, ServiceError, Session};
use crate::web::AppState;
use axum::Router;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use maud::{Markup, html};
use serde::Deserialize;
use serde_json::{Map, Value};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/rights", get(her_page).post(her_create))
        .route("/rights/{id}", get(her_one))
        .route("/rights/{id}/shares", axum::routing::post(her_shares))
        .route("/rights/{id}/print", get(her_print))
        .route("/pro/b/{bid}/rights", get(pro_page).post(pro_create))
        .route("/pro/b/{bid}/rights/{id}/print", get(pro_print))
}

/// Rows of children the form offers (without JavaScript, a fixed number).
const CHILD_ROWS: usize = 6;

/// The kinds of resource, in the form's order (API.md's codes).
const RESOURCE_KINDS: [&str; 7] = [
    "wages",
    "unemployment",
    "pension",
    "sick_pay",
    "aah",
    "family_benefits",
    "other",
];

/// A message id from an API code: `sick_pay` → `sick-pay`.
fn dashed(code: &str) -> String {
    code.replace('_', "-")
}

/// The JSON code of a serialised enum (`BenefitCode::PrimeActivite` → `prime_activite`).
fn code_of<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The words for a document type code of API.md. A local mapping until the document types
/// (issue 15, item 1) bring their own labels: an unknown code is shown as it is.
pub(crate) fn document_type_name(l: &Locale, code: &str) -> String {
    match crate::domain::DocumentType::parse(code) {
        Ok(t) => l.t(&t.label_id()),
        Err(_) => code.to_owned(),
    }
}

/// Euros with two decimals, the decimal separator of her language.
fn euros(l: &Locale, amount: f64) -> String {
    let text = format!("{amount:.2}");
    if l.lang == "en" {
        text
    } else {
        text.replace('.', ",")
    }
}

// ---------------------------------------------------------------------------------------------
// The form

fn one<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.trim())
        .filter(|v| !v.is_empty())
}

/// A number as typed (`1 234,50` or `1234.5`); what does not read as one is kept as text, so
/// that the rules' check names the field.
fn number(raw: &str) -> Value {
    let cleaned: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    match cleaned.parse::<f64>() {
        Ok(n) if n.is_finite() => Value::from(n),
        _ => Value::from(raw),
    }
}

/// The form's fields as a `simulation_input` (the API's shape: one check for both).
fn input_of(fields: &[(String, String)]) -> Value {
    let flag = |n: &str| one(fields, n).is_some();
    let mut m = Map::new();
    if let Some(month) = one(fields, "month") {
        m.insert("month".into(), Value::from(month));
    }
    let couple = flag("couple");
    m.insert("couple".into(), Value::from(couple));
    if let (true, Some(birth)) = (couple, one(fields, "partner_birth")) {
        m.insert("partner".into(), serde_json::json!({ "birth_date": birth }));
    }
    let children: Vec<Value> = fields
        .iter()
        .filter(|(k, v)| k == "child" && !v.trim().is_empty())
        .map(|(_, v)| serde_json::json!({ "birth_date": v.trim() }))
        .collect();
    m.insert("children".into(), Value::from(children));
    m.insert("pregnant".into(), Value::from(flag("pregnant")));
    if let Some(n) = one(fields, "nationality") {
        m.insert("nationality".into(), Value::from(n));
    }
    if let Some(y) = one(fields, "permit_years") {
        m.insert("residence_permit_years".into(), number(y));
    }
    m.insert("refugee".into(), Value::from(flag("refugee")));
    m.insert("student".into(), Value::from(flag("student")));
    if let Some(kind) = one(fields, "housing") {
        let mut housing = Map::new();
        housing.insert("kind".into(), Value::from(kind));
        if kind == "tenant" {
            if let Some(rent) = one(fields, "rent") {
                housing.insert("rent".into(), number(rent));
            }
            if let Some(commune) = one(fields, "commune") {
                housing.insert("commune_insee".into(), Value::from(commune));
            }
        }
        m.insert("housing".into(), Value::Object(housing));
    }
    let mut resources = Vec::new();
    for who in ["self", "partner"] {
        for kind in RESOURCE_KINDS {
            let months: Vec<Option<&str>> = (1..=3)
                .map(|i| one(fields, &format!("r_{who}_{kind}_{i}")))
                .collect();
            if months.iter().all(Option::is_none) {
                continue;
            }
            let monthly: Vec<Value> = months
                .into_iter()
                .map(|v| v.map_or(Value::from(0.0), number))
                .collect();
            resources.push(serde_json::json!({ "who": who, "kind": kind, "monthly": monthly }));
        }
    }
    m.insert("resources".into(), Value::from(resources));
    Value::Object(m)
}

/// An amount as the form shows it again: `450` rather than `450.0`.
fn amount_text(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.2}")
    }
}

/// A simulation's input as the form's fields (to fill the form again with it).
fn fields_of(input: &SimulationInput) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut push = |k: &str, v: String| out.push((k.to_owned(), v));
    let value = serde_json::to_value(input).unwrap_or_default();
    let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
    if input.couple {
        push("couple", "1".into());
    }
    if let Some(p) = value.get("partner") {
        push("partner_birth", text(&p["birth_date"]));
    }
    for c in value["children"].as_array().into_iter().flatten() {
        push("child", text(&c["birth_date"]));
    }
    if input.pregnant {
        push("pregnant", "1".into());
    }
    push("nationality", text(&value["nationality"]));
    if let Some(y) = input.residence_permit_years {
        push("permit_years", amount_text(y));
    }
    if input.refugee {
        push("refugee", "1".into());
    }
    if input.student {
        push("student", "1".into());
    }
    push("housing", text(&value["housing"]["kind"]));
    if let Some(rent) = input.housing.rent {
        push("rent", amount_text(rent));
    }
    if let Some(c) = &input.housing.commune_insee {
        push("commune", c.clone());
    }
    for r in value["resources"].as_array().into_iter().flatten() {
        let (who, kind) = (text(&r["who"]), text(&r["kind"]));
        for (i, m) in r["monthly"].as_array().into_iter().flatten().enumerate() {
            push(
                &format!("r_{who}_{kind}_{}", i + 1),
                amount_text(m.as_f64().unwrap_or_default()),
            );
        }
    }
    out
}

/// The month a new simulation is for: this month, where she is.
fn this_month(ctx: &Ctx) -> String {
    let today = crate::clock::local(&ctx.zone(), ctx.state.app.now()).date;
    today.get(..7).unwrap_or_default().to_owned()
}

/// The questions. `fields`: what to fill them with (what she sent, or a past simulation's).
fn form(ctx: &Ctx, action: &str, fields: &[(String, String)], month: &str) -> Markup {
    let val = |n: &str| one(fields, n).unwrap_or_default().to_owned();
    let on = |n: &str| one(fields, n).is_some();
    let children: Vec<&str> = fields
        .iter()
        .filter(|(k, v)| k == "child" && !v.trim().is_empty())
        .map(|(_, v)| v.as_str())
        .collect();
    let radio = |name: &str, value: &str, pictogram: &str, label: String, checked: bool| {
        html! {
            div.choice {
                input type="radio" id={"f-" (name) "-" (value)} name=(name) value=(value) required checked[checked];
                label for={"f-" (name) "-" (value)} { (icon(pictogram)) " " (label) }
            }
        }
    };
    let nationality = one(fields, "nationality").unwrap_or("fr");
    let housing = one(fields, "housing").unwrap_or("homeless");
    let resources = |who: &str| {
        html! {
            @for kind in RESOURCE_KINDS {
                fieldset.months {
                    legend { (ctx.t(&format!("rights-kind-{}", dashed(kind)))) }
                    @for i in 1..=3 {
                        @let name = format!("r_{who}_{kind}_{i}");
                        div {
                            label for={"f-" (name)} { (ctx.t(&format!("rights-month-{i}"))) }
                            input id={"f-" (name)} name=(name) type="text" inputmode="decimal" autocomplete="off" value=(val(&name));
                        }
                    }
                }
            }
        }
    };
    html! {
        form.rights-form method="post" action=(action) {
            (ctx.csrf_field())
            label for="f-month" { (icon("calendar")) " " (ctx.t("rights-month")) }
            input id="f-month" name="month" type="month" required value=(month);
            fieldset {
                legend { (icon("people")) " " (ctx.t("rights-household")) }
                div.choice {
                    input type="checkbox" id="f-couple" name="couple" value="1" checked[on("couple")];
                    label for="f-couple" { (ctx.t("rights-couple")) }
                }
                label for="f-partner-birth" { (ctx.t("rights-partner-birth")) }
                input id="f-partner-birth" name="partner_birth" type="date" value=(val("partner_birth"));
                div.choice {
                    input type="checkbox" id="f-pregnant" name="pregnant" value="1" checked[on("pregnant")];
                    label for="f-pregnant" { (ctx.t("rights-pregnant")) }
                }
            }
            fieldset {
                legend { (icon("people")) " " (ctx.t("rights-children")) }
                p.hint { (ctx.t("rights-children-hint")) }
                div.child-rows {
                    @for i in 0..CHILD_ROWS.max(children.len()) {
                        div {
                            label for={"f-child-" (i)} { (ctx.ta("rights-child", &[("n", (i + 1).into())])) }
                            input id={"f-child-" (i)} name="child" type="date" value=(children.get(i).copied().unwrap_or_default());
                        }
                    }
                }
            }
            fieldset {
                legend { (icon("id-card")) " " (ctx.t("rights-nationality")) }
                @for code in ["fr", "eu", "other"] {
                    (radio("nationality", code, "id-card", ctx.t(&format!("rights-nationality-{code}")), nationality == code))
                }
                label for="f-permit-years" { (ctx.t("rights-permit-years")) " " span.hint { (ctx.t("optional")) } }
                input id="f-permit-years" name="permit_years" type="text" inputmode="decimal" autocomplete="off" value=(val("permit_years"));
                div.choice {
                    input type="checkbox" id="f-refugee" name="refugee" value="1" checked[on("refugee")];
                    label for="f-refugee" { (ctx.t("rights-refugee")) }
                }
                div.choice {
                    input type="checkbox" id="f-student" name="student" value="1" checked[on("student")];
                    label for="f-student" { (ctx.t("rights-student")) }
                }
            }
            fieldset {
                legend { (icon("house")) " " (ctx.t("rights-housing")) }
                @for code in ["homeless", "hosted_free", "shelter", "tenant"] {
                    (radio("housing", code, "house", ctx.t(&format!("rights-housing-{}", dashed(code))), housing == code))
                }
                label for="f-rent" { (ctx.t("rights-rent")) " " span.hint { (ctx.t("optional")) } }
                input id="f-rent" name="rent" type="text" inputmode="decimal" autocomplete="off" value=(val("rent"));
                label for="f-commune" { (ctx.t("rights-commune")) " " span.hint { (ctx.t("optional")) } }
                input id="f-commune" name="commune" type="text" inputmode="numeric" maxlength="5" autocomplete="off" value=(val("commune"));
            }
            fieldset {
                legend { (icon("money")) " " (ctx.t("rights-resources")) }
                p.hint { (ctx.t("rights-resources-hint")) }
                h3 { (icon("person")) " " (ctx.t("rights-resources-me")) }
                (resources("self"))
                details open[RESOURCE_KINDS.iter().any(|k| (1..=3).any(|i| on(&format!("r_partner_{k}_{i}"))))] {
                    summary { (icon("people")) " " (ctx.t("rights-resources-partner")) }
                    (resources("partner"))
                }
            }
            button.primary type="submit" { (icon("check")) " " (ctx.t("rights-run")) }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The results

fn benefit_icon(code: &str) -> &'static str {
    match code {
        "css" => "health",
        "aide_logement" => "house",
        _ => "money",
    }
}

/// One benefit's answer: eligible or not and how much, or outside what the simulator covers
/// (never a figure then); what could not be checked; where and how to ask; the papers.
fn benefit_card(l: &Locale, b: &Benefit) -> Markup {
    let code = code_of(&b.code);
    html! {
        article.card.benefit id={"benefit-" (code)} {
            h3 { (icon(benefit_icon(&code))) " " (l.t(&format!("benefit-{}", dashed(&code)))) }
            @match b.outcome {
                Outcome::Computed { eligible: true, monthly_amount } => {
                    p.verdict.eligible {
                        (icon("check")) " " strong { (l.t("rights-eligible")) }
                        @if code == "css" {
                            " — " @match b.participation {
                                Some(p) => (l.ta("rights-css-participation", &[("amount", euros(l, p).into())])),
                                None => (l.t("rights-css-free")),
                            }
                        } @else {
                            " — " span.amount { (l.ta("rights-amount", &[("amount", euros(l, monthly_amount).into())])) }
                        }
                    }
                }
                Outcome::Computed { eligible: false, .. } => {
                    p.verdict.not-eligible { (icon("close")) " " strong { (l.t("rights-not-eligible")) } }
                }
                Outcome::OutOfScope { reason } => {
                    p.verdict.out-of-scope {
                        (icon("warning")) " " strong { (l.t("rights-out-of-scope")) }
                        " " (l.t(&format!("rights-reason-{}", dashed(&code_of(&reason)))))
                    }
                }
            }
            @if !b.unverified_conditions.is_empty() {
                h4 { (l.t("rights-unverified")) }
                ul {
                    @for c in &b.unverified_conditions {
                        li { (l.t(&format!("rights-unverified-{}", dashed(&code_of(c))))) }
                    }
                }
            }
            dl {
                dt { (l.t("rights-institution")) }
                dd { (l.t(&format!("rights-institution-{}", dashed(&b.institution)))) }
                @if let Some(url) = &b.teleservice_url {
                    dt { (l.t("rights-teleservice")) }
                    dd { a href=(url) rel="noopener noreferrer" dir="ltr" { (url.split('/').nth(2).unwrap_or(url)) } }
                }
                @if let Some(form) = &b.form {
                    dt { (l.t("rights-form")) }
                    dd dir="ltr" { (form.replace('_', " ").replacen("cerfa", "Cerfa", 1)) }
                }
            }
            @if !b.documents.is_empty() {
                h4 { (icon("folder")) " " (l.t("rights-documents")) }
                ul {
                    @for d in &b.documents {
                        li {
                            @if let Ok(t) = crate::domain::DocumentType::parse(d) { (icon(t.pictogram())) " " }
                            (document_type_name(l, d))
                        }
                    }
                }
            }
        }
    }
}

fn results(l: &Locale, s: &SimulationView) -> Markup {
    html! {
        section.rights-results aria-labelledby={"results-" (s.id)} {
            h2 id={"results-" (s.id)} { (icon("money")) " " (l.ta("rights-results", &[("month", month_text(&s.month.to_string()).into())])) }
            @for b in &s.benefits { (benefit_card(l, b)) }
            p.hint { (l.t("rights-scales-note")) }
        }
    }
}

/// Who made it and when, in a list.
fn made_line(ctx: &Ctx, s: &SimulationView) -> String {
    let who = if s.created_by.kind == crate::domain::AccountKind::Beneficiary {
        ctx.t("journal-you")
    } else {
        s.created_by.display_name.clone()
    };
    ctx.ta(
        "rights-made-by",
        &[
            ("date", super::documents::day(&s.created_at).into()),
            ("who", who.into()),
        ],
    )
}

/// A refused answer, said with the field's words.
fn input_error(ctx: &Ctx, e: &ServiceError) -> String {
    match e {
        ServiceError::Invalid(InvalidInput { field, code }) => format!(
            "{} {}",
            ctx.t(&format!("rights-field-{}", dashed(field))),
            ctx.t(&format!("rights-error-{}", dashed(code)))
        ),
        other => ctx.error_text(other),
    }
}

// ---------------------------------------------------------------------------------------------
// Her pages

async fn her_view(
    ctx: &Ctx,
    session: &Session,
    bid: &BeneficiaryId,
    sent: Option<(&Fields, String)>,
) -> Response {
    let list = match list_simulations(&ctx.state.app, session, bid).await {
        Ok(l) => l,
        Err(e) => return ctx.error_page(&e),
    };
    let month = this_month(ctx);
    // The form starts from her last answers (the month aside): usually little changes.
    let fields = match (&sent, list.first()) {
        (Some((f, _)), _) => (*f).clone(),
        (None, Some(last)) => fields_of(&last.input),
        (None, None) => Vec::new(),
    };
    let month = sent
        .as_ref()
        .and_then(|(f, _)| one(f, "month").map(str::to_owned))
        .unwrap_or(month);
    let error = sent.as_ref().map(|(_, e)| e.clone());
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    ctx.render(status, &ctx.t("section-rights"), html! {
        h1 { (icon("money")) " " (ctx.t("section-rights")) }
        p { (ctx.t("rights-intro")) }
        p { a.button href="/procedures" { (icon("journal")) " " (ctx.t("procedures-open")) } }
        @if !list.is_empty() {
            section.card {
                h2 { (icon("journal")) " " (ctx.t("rights-past")) }
                ul.plain.simulations {
                    @for s in &list {
                        li { a href={"/rights/" (s.id)} { (icon("money")) " " (simulation_title(&ctx.locale, &s.month.to_string())) } " " span.hint { (made_line(ctx, s)) } }
                    }
                }
            }
        }
        section.card id="new-simulation" {
            h2 { (icon("plus")) " " (ctx.t("rights-new")) }
            (super::field_error(&error))
            (form(ctx, "/rights", &fields, &month))
        }
    })
}

async fn her_page(Page(ctx, Person { session, bid }): Page<Person>) -> Response {
    her_view(&ctx, &session, &bid, None).await
}

async fn her_create(Post(ctx, Person { session, bid }, form): Post<Person, Fields>) -> Response {
    match create_simulation(&ctx.state.app, &session, &bid, &input_of(&form)).await {
        Ok(s) => Redirect::to(&format!("/rights/{}", s.id)).into_response(),
        Err(e @ ServiceError::Invalid(_)) => {
            let text = input_error(&ctx, &e);
            her_view(&ctx, &session, &bid, Some((&form, text))).await
        }
        Err(e) => ctx.error_page(&e),
    }
}

async fn her_one(
    Path(id): Path<String>,
    Page(ctx, Person { session, bid }): Page<Person>,
) -> Response {
    let Ok(id) = ItemId::parse(&id) else {
        return ctx.not_found();
    };
    let app = &ctx.state.app;
    let (s, relays) = match tokio::try_join!(
        get_simulation(app, &session, &id),
        app.relay_structures(&session, &bid)
    ) {
        Ok(v) => v,
        Err(e) => return ctx.error_page(&e),
    };
    let title = simulation_title(&ctx.locale, &s.month.to_string());
    ctx.page(&title, html! {
        h1 { (icon("money")) " " (title) }
        p.hint { (made_line(&ctx, &s)) }
        p.no-print {
            a.button href={"/rights/" (s.id) "/print"} { (icon("print")) " " (ctx.t("rights-print")) }
            " "
            a.button href="/rights" { (ctx.t("rights-back")) }
        }
        (results(&ctx.locale, &s))
        (who_sees(&ctx, &ctx.t("rights-share"), &format!("/rights/{}/shares", s.id), &relays, &s.shared_with))
    })
}

async fn her_shares(
    Path(id): Path<String>,
    Post(ctx, Person { session, .. }, form): Post<Person, Fields>,
) -> Response {
    let Ok(id) = ItemId::parse(&id) else {
        return ctx.not_found();
    };
    match apply_shares(&ctx, &session, ItemKind::Simulation, &id, &form).await {
        Ok(n) => ctx.redirect_with(&format!("/rights/{id}"), super::Notice::shares(n)),
        Err(e) => ctx.error_page(&e),
    }
}

/// The printable recap: her name, the month, the answers in short and each benefit, in the
/// language `l` (hers); the browser's print prints only it (print CSS).
fn recap(ctx: &Ctx, l: &Locale, name: &str, s: &SimulationView, back: &str) -> Response {
    let title = l.t("rights-recap");
    ctx.page(&title, html! {
        p.no-print {
            button.js-print.primary type="button" hidden { (icon("print")) " " (ctx.t("action-print")) }
            " "
            a.button href=(back) { (ctx.t("rights-back")) }
        }
        article.recap lang=(l.lang) dir=(l.dir()) {
            h1 { (icon("money")) " " (title) }
            p.recap-name { strong { (name) } }
            p { (simulation_title(l, &s.month.to_string())) " · " (l.ta("rights-recap-made", &[("date", super::documents::day(&s.created_at).into())])) }
            (results(l, s))
            p.hint { (l.t("rights-recap-estimate")) }
        }
    })
}

async fn her_print(
    Path(id): Path<String>,
    Page(ctx, Person { session, .. }): Page<Person>,
) -> Response {
    let Ok(id) = ItemId::parse(&id) else {
        return ctx.not_found();
    };
    match get_simulation(&ctx.state.app, &session, &id).await {
        Ok(s) => {
            // Her language is the interface's: the page's own.
            let l = Locale::new(ctx.state.catalogs.clone(), ctx.locale.lang);
            recap(
                &ctx,
                &l,
                &session.keys.display_name,
                &s,
                &format!("/rights/{id}"),
            )
        }
        Err(e) => ctx.error_page(&e),
    }
}

// ---------------------------------------------------------------------------------------------
// The professional's one-page mode

#[derive(Debug, Deserialize)]
struct ProQuery {
    sim: Option<String>,
}

fn parse_bid(ctx: &Ctx, raw: &str) -> Result<BeneficiaryId, Box<Response>> {
    BeneficiaryId::parse(raw).map_err(|_| Box::new(ctx.not_found()))
}

async fn pro_view(
    ctx: &Ctx,
    session: &Session,
    bid: &BeneficiaryId,
    shown: Option<&ItemId>,
    sent: Option<(&Fields, String)>,
) -> Response {
    let app = &ctx.state.app;
    let list = match list_simulations(app, session, bid).await {
        Ok(l) => l,
        Err(e) => return ctx.error_page(&e),
    };
    let current = match shown {
        Some(id) => match get_simulation(app, session, id).await {
            Ok(s) if &s.beneficiary_id == bid => Some(s),
            Ok(_) => return ctx.not_found(),
            Err(e) => return ctx.error_page(&e),
        },
        None => None,
    };
    let fields = match (&sent, &current) {
        (Some((f, _)), _) => (*f).clone(),
        (None, Some(s)) => fields_of(&s.input),
        (None, None) => Vec::new(),
    };
    let month = sent
        .as_ref()
        .and_then(|(f, _)| one(f, "month").map(str::to_owned))
        .or_else(|| current.as_ref().map(|s| s.month.to_string()))
        .unwrap_or_else(|| this_month(ctx));
    let error = sent.as_ref().map(|(_, e)| e.clone());
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let action = format!("/pro/b/{bid}/rights");
    ctx.render(status, &ctx.t("rights-pro-title"), html! {
        section.card.no-print {
            h1 { (icon("money")) " " (ctx.t("rights-pro-title")) }
            p { (ctx.t("rights-pro-intro")) }
            p { a href={"/pro/b/" (bid)} { (icon("person")) " " (ctx.t("followups-back")) } }
        }
        div.rights-split {
            section.card.compact id="new-simulation" {
                h2 { (icon("plus")) " " (ctx.t("rights-new")) }
                (super::field_error(&error))
                (form(ctx, &action, &fields, &month))
            }
            div {
                @match &current {
                    Some(s) => {
                        p.hint { (made_line(ctx, s)) }
                        p { a.button href={"/pro/b/" (bid) "/rights/" (s.id) "/print"} { (icon("print")) " " (ctx.t("rights-print")) } }
                        (results(&ctx.locale, s))
                    },
                    None => section.card { p { (ctx.t("rights-pro-empty")) } },
                }
                @if !list.is_empty() {
                    section.card {
                        h2 { (icon("journal")) " " (ctx.t("rights-past")) }
                        ul.plain.simulations {
                            @for s in &list {
                                li { a href={(action) "?sim=" (s.id)} { (icon("money")) " " (simulation_title(&ctx.locale, &s.month.to_string())) } " " span.hint { (made_line(ctx, s)) } }
                            }
                        }
                    }
                }
            }
        }
    })
}

async fn pro_page(
    Path(bid): Path<String>,
    Query(q): Query<ProQuery>,
    Page(ctx, Professional(session)): Page<Professional>,
) -> Response {
    let bid = match parse_bid(&ctx, &bid) {
        Ok(b) => b,
        Err(r) => return *r,
    };
    let shown = match q.sim.as_deref().map(ItemId::parse).transpose() {
        Ok(s) => s,
        Err(_) => return ctx.not_found(),
    };
    pro_view(&ctx, &session, &bid, shown.as_ref(), None).await
}

async fn pro_create(
    Path(bid): Path<String>,
    Post(ctx, Professional(session), form): Post<Professional, Fields>,
) -> Response {
    let bid = match parse_bid(&ctx, &bid) {
        Ok(b) => b,
        Err(r) => return *r,
    };
    match create_simulation(&ctx.state.app, &session, &bid, &input_of(&form)).await {
        Ok(s) => Redirect::to(&format!("/pro/b/{bid}/rights?sim={}", s.id)).into_response(),
        Err(e @ ServiceError::Invalid(_)) => {
            let text = input_error(&ctx, &e);
            pro_view(&ctx, &session, &bid, None, Some((&form, text))).await
        }
        Err(e) => ctx.error_page(&e),
    }
}

async fn pro_print(
    Path((bid, id)): Path<(String, String)>,
    Page(ctx, Professional(session)): Page<Professional>,
) -> Response {
    let (Ok(bid), Ok(id)) = (BeneficiaryId::parse(&bid), ItemId::parse(&id)) else {
        return ctx.not_found();
    };
    let app = &ctx.state.app;
    let s = match get_simulation(app, &session, &id).await {
        Ok(s) if s.beneficiary_id == bid => s,
        Ok(_) => return ctx.not_found(),
        Err(e) => return ctx.error_page(&e),
    };
    // Printed in her language, the one she chose for her pages.
    let profile = match app.beneficiary_profile(&session, &bid).await {
        Ok(p) => p,
        Err(e) => return ctx.error_page(&e),
    };
    let l = Locale::new(ctx.state.catalogs.clone(), &profile.language);
    let name = format!("{} {}", profile.first_name, profile.last_name);
    recap(
        &ctx,
        &l,
        &name,
        &s,
        &format!("/pro/b/{bid}/rights?sim={id}"),
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::service::simulations::parse_simulation_input;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn the_form_reads_as_the_api_input_and_back() {
        let form = pairs(&[
            ("month", "2026-05"),
            ("couple", "1"),
            ("partner_birth", "1985-02-03"),
            ("child", "2015-06-07"),
            ("child", ""),
            ("nationality", "other"),
            ("permit_years", "6,5"),
            ("housing", "tenant"),
            ("rent", "450"),
            ("commune", "69123"),
            ("r_self_wages_1", "1 200,50"),
            ("r_self_wages_3", "900"),
            ("r_partner_aah", ""),
        ]);
        let input = parse_simulation_input(&input_of(&form)).unwrap();
        assert!(input.couple && input.partner.is_some());
        assert_eq!(input.children.len(), 1);
        assert_eq!(input.residence_permit_years, Some(6.5));
        assert_eq!(input.housing.rent, Some(450.0));
        assert_eq!(input.resources.len(), 1);
        assert_eq!(input.resources[0].monthly, [1200.5, 0.0, 900.0]);
        let mut again = fields_of(&input);
        again.push(("month".into(), "2026-05".into()));
        assert_eq!(parse_simulation_input(&input_of(&again)).unwrap(), input);
    }

    /// The ids this page builds from codes (benefits, reasons, conditions, papers, fields,
    /// errors) are in every catalogue.
    #[test]
    fn every_built_id_is_in_every_catalogue() {
        let mut ids: Vec<String> = Vec::new();
        for b in ["rsa", "prime-activite", "css", "aide-logement"] {
            ids.push(format!("benefit-{b}"));
        }
        for r in [
            "commune",
            "sick-pay",
            "family-benefits",
            "old-age",
            "not-modelled",
        ] {
            ids.push(format!("rights-reason-{r}"));
        }
        for u in [
            "residence-in-france",
            "savings",
            "eu-right-of-residence",
            "young-active",
            "other-benefits-first",
            "recent-separation",
            "not-parents-dependent",
            "family-benefits-to-claim",
            "taxable-resources",
            "decent-dwelling",
        ] {
            ids.push(format!("rights-unverified-{u}"));
        }
        for k in RESOURCE_KINDS {
            ids.push(format!("rights-kind-{}", dashed(k)));
        }
        for i in ["caf", "cpam"] {
            ids.push(format!("rights-institution-{i}"));
        }
        for f in [
            "body",
            "month",
            "couple",
            "partner",
            "children",
            "pregnant",
            "nationality",
            "residence-permit-years",
            "refugee",
            "student",
            "housing",
            "resources",
            "rent",
            "birth-date",
        ] {
            ids.push(format!("rights-field-{f}"));
        }
        for e in [
            "invalid",
            "required",
            "unknown-field",
            "too-many",
            "partner-if-couple",
            "month-not-covered",
            "invalid-amount",
            "invalid-number",
            "after-month",
        ] {
            ids.push(format!("rights-error-{e}"));
        }
        for lang in crate::i18n::SUPPORTED {
            let known: std::collections::BTreeSet<String> =
                crate::i18n::Catalogs::ids(lang).into_iter().collect();
            for id in &ids {
                assert!(known.contains(id), "{lang}: {id}");
            }
        }
        // The codes the rules give today all have their words.
        let input = parse_simulation_input(&serde_json::json!({"month": "2026-05", "nationality": "other", "housing": {"kind": "tenant", "rent": 400}, "couple": true, "partner": {"birth_date": "1990-01-01"}, "children": [{"birth_date": "2020-01-01"}], "resources": [{"who": "self", "kind": "wages", "monthly": [100, 100, 100]}, {"who": "self", "kind": "unemployment", "monthly": [100, 100, 100]}]})).unwrap();
        let birth = time::Date::from_calendar_date(1990, time::Month::January, 1).unwrap();
        let l = Locale::new(crate::i18n::Catalogs::load().unwrap(), "en");
        for b in crate::domain::benefits::simulate(&input, birth).benefits {
            for d in &b.documents {
                assert_ne!(&document_type_name(&l, d), d, "{d}");
            }
            assert!(ids.contains(&format!("rights-institution-{}", dashed(&b.institution))));
            for c in &b.unverified_conditions {
                assert!(ids.contains(&format!("rights-unverified-{}", dashed(&code_of(c)))));
            }
        }
    }

    #[test]
    fn a_word_for_an_amount_names_the_field() {
        let form = pairs(&[
            ("month", "2026-05"),
            ("nationality", "fr"),
            ("housing", "homeless"),
            ("r_self_wages_1", "beaucoup"),
        ]);
        assert_eq!(
            parse_simulation_input(&input_of(&form)).unwrap_err().field,
            "resources"
        );
    }
}
