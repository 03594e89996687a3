//! The JSON API, version 1 (`API.md`; OpenAPI at `/api/v1/openapi.json`).

mod casefile;
mod certification;
pub(crate) mod documents;
mod files;
mod followups;
pub(crate) mod household;
mod imports;
mod kit;
mod licences;
mod links;
mod messages;
mod news;
mod organizer;
pub(crate) mod partners;
mod procedures;
mod proofs;
mod question;
mod simulations;
pub(crate) mod stats;
mod terms;
pub(crate) mod usage;

pub(crate) use documents::{content_response, receive_file, stream_response};
pub(crate) use organizer::item_kind_in_path;

use super::AppState;
use super::error::ApiError;
use super::extract::{ApiJson, ApiSession, ApiSessionAny, ClientAddr};
use crate::domain::{AccountId, BeneficiaryId, ItemId, StructureId};
use crate::service::{
    LoginOutcome, LoginRequest, NewProfessional, NewSafe, NewStructure, Page, PageNumber,
    RecoverRequest,
};
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post, put};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;

pub(crate) type ApiResult = Result<Response, ApiError>;

pub fn router(state: &AppState) -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(openapi))
        .route("/auth/login", post(login))
        .route("/auth/logout", post(logout))
        .route("/auth/recover", post(recover))
        .route("/auth/recover/in-person", post(recover_in_person))
        .route("/me", get(me))
        .route("/me/password", post(change_password))
        .route("/me/language", post(set_language))
        .route("/me/totp", post(totp_begin))
        .route("/me/totp/confirm", post(totp_confirm))
        .route("/me/invitations", get(my_invitations))
        .route("/me/invitations/{iid}/accept", post(accept_invitation))
        .route("/me/invitations/{iid}/decline", post(decline_invitation))
        .route("/passphrase", get(passphrase))
        .route(
            "/me/calendar-feed",
            get(calendar_feed)
                .post(create_calendar_feed)
                .delete(revoke_calendar_feed),
        )
        .route("/beneficiaries/{bid}/calendar.ics", get(calendar_ics))
        .route("/beneficiaries/{bid}/contacts.vcf", get(contacts_vcf))
        .route("/events/{id}/reminders", get(event_reminders))
        .route("/documents/{id}/reminders", get(document_reminders))
        .route("/admin/jobs", get(list_jobs))
        .route("/sms/delivery/{operator}", post(sms_delivery))
        .route("/admin/jobs/{id}/retry", post(retry_job))
        .route("/admin/jobs/summary", get(jobs_summary))
        .route("/admin/features", get(list_features))
        .route("/admin/features/{feature}", put(set_feature))
        .route("/structures", post(create_structure).get(list_structures))
        .route("/structures/{sid}", get(get_structure))
        .route(
            "/structures/{sid}/phone",
            put(set_structure_phone).delete(remove_structure_phone),
        )
        .route(
            "/structures/{sid}/professionals",
            post(add_professional).get(list_professionals),
        )
        .route(
            "/structures/{sid}/professionals/{pid}/approve",
            post(approve_professional),
        )
        .route(
            "/structures/{sid}/professionals/{pid}/deactivate",
            post(deactivate_professional),
        )
        .route(
            "/structures/{sid}/beneficiaries",
            post(open_safe)
                .get(list_followed)
                .route_layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    partners::idempotent,
                )),
        )
        .route("/structures/{sid}/invitations", post(invite))
        .route("/beneficiaries/{bid}", get(get_beneficiary))
        .route("/beneficiaries/{bid}/relays", get(relays))
        .route("/beneficiaries/{bid}/relays/{sid}", delete(leave_relay))
        .route(
            "/beneficiaries/{bid}/relays/{sid}/recovery",
            put(add_recovery_relay).delete(remove_recovery_relay),
        )
        .route("/beneficiaries/{bid}/reset", post(start_reset))
        .route("/resets/{id}", delete(cancel_reset))
        .route("/resets/{id}/confirm", post(confirm_reset))
        .route("/structures/{sid}/resets", get(pending_resets))
        .route("/me/recovery-code", post(new_recovery_code))
        .route(
            "/beneficiaries/{bid}/phone",
            put(set_phone).delete(remove_phone),
        )
        .merge(documents::router(state))
        .merge(organizer::router())
        .merge(casefile::router())
        .merge(stats::router())
        .merge(followups::router())
        .merge(messages::router())
        .merge(household::router())
        .merge(simulations::router())
        .merge(files::router())
        .merge(procedures::router())
        .merge(proofs::router())
        .merge(certification::router())
        .merge(links::router())
        .merge(kit::router())
        .merge(licences::router())
        .merge(news::router())
        .merge(question::router())
        .merge(terms::router())
        .merge(usage::router())
        .merge(imports::router())
        .merge(partners::router())
        .layer(axum::middleware::map_response(json_errors))
}

/// Every error under `/api/v1` has the API's JSON format, including those answered below the
/// handlers in plain text (path or query rejections, 405 from the method router, body limits).
async fn json_errors(res: Response) -> Response {
    let status = res.status();
    let is_json = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return res;
    }
    let mut json = ApiError::for_status(status).into_response();
    for name in [header::ALLOW, header::RETRY_AFTER] {
        if let Some(v) = res.headers().get(&name) {
            json.headers_mut().insert(name, v.clone());
        }
    }
    json
}

async fn openapi() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        include_str!("../openapi.json"),
    )
        .into_response()
}

pub(crate) fn ok<T: serde::Serialize>(status: StatusCode, body: T) -> ApiResult {
    Ok((status, Json(body)).into_response())
}

/// The `page` query parameter of a paginated list: 1 to `MAX_PAGE`, else 400.
pub(crate) fn page_param(raw: Option<&str>) -> Result<PageNumber, ApiError> {
    PageNumber::parse(raw).map_err(|_| {
        ApiError::invalid(format!(
            "page must be a whole number from 1 to {}",
            crate::service::MAX_PAGE
        ))
    })
}

/// A page of a list: the contract's array as the body (at most `PAGE_SIZE` rows), the
/// neighbouring pages in a `Link` header (RFC 8288, `rel="prev"`, `rel="next"`) built from
/// `path` and the list's other parameters, the whole list's size in `X-Total-Count` if known.
pub(crate) fn paged<T: serde::Serialize>(
    page: Page<T>,
    path: &str,
    params: &[(&str, Option<&str>)],
) -> ApiResult {
    let href = |n: u32| {
        let mut query: Vec<(&str, String)> = params
            .iter()
            .filter_map(|(k, v)| v.filter(|v| !v.is_empty()).map(|v| (*k, v.to_owned())))
            .collect();
        query.push(("page", n.to_string()));
        format!(
            "<{path}?{}>",
            serde_urlencoded::to_string(&query).unwrap_or_default()
        )
    };
    let mut links = Vec::new();
    if page.has_previous() {
        links.push(format!("{}; rel=\"prev\"", href(page.page - 1)));
    }
    if page.has_next {
        links.push(format!("{}; rel=\"next\"", href(page.page + 1)));
    }
    let total = page.total;
    let mut res = (StatusCode::OK, Json(page.items)).into_response();
    if let (false, Ok(v)) = (
        links.is_empty(),
        header::HeaderValue::from_str(&links.join(", ")),
    ) {
        res.headers_mut().insert(header::LINK, v);
    }
    if let Some(t) = total {
        res.headers_mut()
            .insert("x-total-count", header::HeaderValue::from(t));
    }
    Ok(res)
}

/// A refused input is a 400 `invalid_input` naming the field (API.md's convention for a
/// malformed body), whatever check refused it.
pub(crate) fn naming_the_field(e: crate::service::ServiceError) -> ApiError {
    match e {
        crate::service::ServiceError::Invalid(i) => {
            ApiError::invalid(format!("Invalid value for {}: {}.", i.field, i.code))
        }
        other => other.into(),
    }
}

/// The person shares item `id` of kind `kind` with her relais `sid`, or stops: 204.
pub(crate) async fn item_share(
    s: &AppState,
    session: &crate::service::Session,
    kind: crate::service::ItemKind,
    (id, sid): (&str, &str),
    shared: bool,
) -> ApiResult {
    let id = crate::domain::ItemId::parse(id)?;
    let sid = StructureId::parse(sid)?;
    s.app
        .set_item_share(session, kind, &id, &sid, shared)
        .await?;
    no_content()
}

pub(crate) fn no_content() -> ApiResult {
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Deserialize)]
struct LoginBody {
    identifier: String,
    password: String,
    totp: Option<String>,
}

async fn login(
    State(s): State<AppState>,
    ClientAddr(address): ClientAddr,
    ApiJson(b): ApiJson<LoginBody>,
) -> ApiResult {
    let outcome = s
        .app
        .login(LoginRequest {
            identifier: b.identifier,
            password: b.password,
            totp: b.totp,
            address,
            allow_pending: false,
            language: None,
        })
        .await?;
    match outcome {
        LoginOutcome::Full { token, session } => {
            let account = s.app.account_view(&session).await?;
            ok(
                StatusCode::OK,
                json!({ "token": token, "account": account, "expires_at": crate::clock::rfc3339(session.expires_at) }),
            )
        }
        LoginOutcome::TotpPending { .. } => Err(crate::service::ServiceError::TotpRequired.into()),
    }
}

async fn logout(State(s): State<AppState>, ApiSessionAny(session): ApiSessionAny) -> ApiResult {
    s.app.logout(&session).await?;
    let mut res = StatusCode::NO_CONTENT.into_response();
    super::clear_site_data(&mut res);
    Ok(res)
}

#[derive(Deserialize)]
struct RecoverBody {
    identifier: String,
    recovery_code: String,
    new_password: String,
}

async fn recover(
    State(s): State<AppState>,
    ClientAddr(address): ClientAddr,
    ApiJson(b): ApiJson<RecoverBody>,
) -> ApiResult {
    s.app
        .recover(RecoverRequest {
            identifier: b.identifier,
            recovery_code: b.recovery_code,
            new_password: b.new_password,
            address,
            in_person: false,
        })
        .await
        .map_err(ApiError::recovery)?;
    ok(StatusCode::OK, json!({}))
}

async fn me(State(s): State<AppState>, ApiSessionAny(session): ApiSessionAny) -> ApiResult {
    ok(StatusCode::OK, s.app.account_view(&session).await?)
}

#[derive(Deserialize)]
struct PasswordBody {
    current_password: String,
    new_password: String,
}

async fn change_password(
    State(s): State<AppState>,
    ClientAddr(address): ClientAddr,
    ApiSession(session): ApiSession,
    ApiJson(b): ApiJson<PasswordBody>,
) -> ApiResult {
    s.app
        .change_password(&session, &b.current_password, &b.new_password, address)
        .await?;
    no_content()
}

#[derive(Deserialize)]
struct LanguageBody {
    language: String,
}

async fn set_language(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    ApiJson(b): ApiJson<LanguageBody>,
) -> ApiResult {
    s.app.set_language(&session, &b.language).await?;
    no_content()
}

async fn totp_begin(State(s): State<AppState>, ApiSessionAny(session): ApiSessionAny) -> ApiResult {
    ok(StatusCode::OK, s.app.totp_begin(&session).await?)
}

#[derive(Deserialize)]
struct CodeBody {
    code: String,
}

async fn totp_confirm(
    State(s): State<AppState>,
    ApiSessionAny(session): ApiSessionAny,
    ApiJson(b): ApiJson<CodeBody>,
) -> ApiResult {
    s.app.totp_confirm(&session, &b.code).await?;
    no_content()
}

async fn my_invitations(State(s): State<AppState>, ApiSession(session): ApiSession) -> ApiResult {
    ok(StatusCode::OK, s.app.my_invitations(&session).await?)
}

async fn accept_invitation(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(iid): Path<String>,
) -> ApiResult {
    s.app.answer_invitation(&session, &iid, true).await?;
    no_content()
}

async fn decline_invitation(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(iid): Path<String>,
) -> ApiResult {
    s.app.answer_invitation(&session, &iid, false).await?;
    no_content()
}

#[derive(Deserialize)]
struct PassphraseQuery {
    /// The person's language: her word list (`WordList::for_language`).
    language: Option<String>,
}

async fn passphrase(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Query(q): Query<PassphraseQuery>,
) -> ApiResult {
    if !matches!(session.actor, crate::policy::Actor::Professional { .. }) {
        return Err(ApiError::not_found());
    }
    let language = crate::domain::Language::parse(
        q.language
            .as_deref()
            .unwrap_or(&s.app.config.default_language),
    )
    .map_err(crate::service::ServiceError::from)?;
    ok(
        StatusCode::OK,
        json!({ "passphrase": crate::domain::generate_passphrase(language.code()) }),
    )
}

#[derive(Deserialize)]
struct StructureBody {
    name: String,
    kind: String,
    city: Option<String>,
    phone: Option<String>,
    /// A whole number, `1200` or `1200.0` alike (see `domain::json_integer`).
    annual_budget_eur: Option<serde_json::Value>,
}

async fn create_structure(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    ApiJson(b): ApiJson<StructureBody>,
) -> ApiResult {
    let created = s
        .app
        .create_structure(
            &session,
            NewStructure {
                name: b.name,
                kind: b.kind,
                city: b.city,
                phone: b.phone,
                annual_budget_eur: match b.annual_budget_eur {
                    None | Some(serde_json::Value::Null) => None,
                    Some(v) => Some(crate::domain::json_integer(&v).ok_or_else(|| {
                        ApiError::invalid("annual_budget_eur must be a whole number.")
                    })?),
                },
            },
        )
        .await?;
    ok(StatusCode::CREATED, created)
}

#[derive(Deserialize)]
struct StructuresQuery {
    /// The platform admin's filter on licences: `valid`, `ending`, `lapsed`, `none`.
    state: Option<String>,
}

async fn list_structures(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Query(q): Query<StructuresQuery>,
) -> ApiResult {
    let mut all = s.app.list_structures(&session).await?;
    if let Some(raw) = q.state.as_deref() {
        let wanted = crate::service::licences::Standing::parse(raw)
            .map_err(crate::service::ServiceError::from)?;
        let states = crate::service::licences::overview(&s.app, &session).await?;
        all.retain(|st| {
            states
                .iter()
                .any(|l| l.structure_id == st.id && l.standing == wanted)
        });
    }
    ok(StatusCode::OK, all)
}

async fn get_structure(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    ok(StatusCode::OK, s.app.get_structure(&session, &sid).await?)
}

#[derive(Deserialize)]
struct ProfessionalBody {
    display_name: String,
    email: String,
    password: String,
    role: Option<String>,
}

async fn add_professional(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
    ApiJson(b): ApiJson<ProfessionalBody>,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    let input = NewProfessional {
        display_name: b.display_name,
        email: b.email,
        password: b.password,
        role: b.role.unwrap_or_else(|| "member".into()),
    };
    let p = s.app.add_professional(&session, &sid, input).await?;
    ok(
        StatusCode::CREATED,
        json!({ "id": p.id, "email": p.email, "role": p.role, "status": p.status, "has_access": p.has_access }),
    )
}

async fn list_professionals(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    ok(
        StatusCode::OK,
        s.app.list_professionals(&session, &sid).await?,
    )
}

async fn approve_professional(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((sid, pid)): Path<(String, String)>,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    let pid = AccountId::parse(&pid)?;
    s.app.approve_member(&session, &sid, &pid).await?;
    no_content()
}

async fn deactivate_professional(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((sid, pid)): Path<(String, String)>,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    let pid = AccountId::parse(&pid)?;
    s.app.deactivate_member(&session, &sid, &pid).await?;
    no_content()
}

#[derive(Deserialize)]
struct SafeBody {
    first_name: String,
    last_name: String,
    birth_date: String,
    password: Option<String>,
    #[serde(default)]
    generate_passphrase: bool,
    language: Option<String>,
    phone: Option<String>,
    consent: Option<bool>,
    recovery_relay: Option<bool>,
    /// The partner's own id for her (unique in the structure).
    external_id: Option<String>,
}

async fn open_safe(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
    ApiJson(b): ApiJson<SafeBody>,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    let input = NewSafe {
        first_name: b.first_name,
        last_name: b.last_name,
        birth_date: b.birth_date,
        password: b.password,
        generate_passphrase: b.generate_passphrase,
        language: b.language,
        phone: b.phone,
        consent: b.consent,
        recovery_relay: b.recovery_relay,
    };
    let external_id = match &b.external_id {
        Some(ext) => Some(s.app.external_id_available(&session, &sid, ext).await?),
        None => None,
    };
    let opened = s.app.open_safe(&session, &sid, input).await?;
    if let Some(ext) = external_id {
        s.app
            .set_external_id(&session, &sid, &opened.id, &ext)
            .await?;
    }
    ok(StatusCode::CREATED, opened)
}

/// `page` and `q` of a paginated list (absent: the whole list, as before pagination).
#[derive(Debug, Default, Deserialize)]
pub(crate) struct PageQuery {
    pub page: Option<String>,
    pub q: Option<String>,
}

async fn list_followed(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
    Query(q): Query<PageQuery>,
) -> ApiResult {
    if q.page.is_none() && q.q.is_none() {
        let sid = StructureId::parse(&sid)?;
        return ok(StatusCode::OK, s.app.list_followed(&session, &sid).await?);
    }
    let page = page_param(q.page.as_deref())?;
    let sid = StructureId::parse(&sid)?;
    let found = s
        .app
        .followed_page(&session, &sid, page, q.q.as_deref())
        .await?;
    paged(
        found,
        &format!("/api/v1/structures/{sid}/beneficiaries"),
        &[("q", q.q.as_deref())],
    )
}

#[derive(Deserialize)]
struct InviteBody {
    identifier: String,
}

async fn invite(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
    ApiJson(b): ApiJson<InviteBody>,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    s.app.invite(&session, &sid, &b.identifier).await?;
    Ok(StatusCode::ACCEPTED.into_response())
}

async fn get_beneficiary(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(bid): Path<String>,
) -> ApiResult {
    let bid = BeneficiaryId::parse(&bid)?;
    ok(
        StatusCode::OK,
        s.app.beneficiary_profile(&session, &bid).await?,
    )
}

async fn relays(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(bid): Path<String>,
) -> ApiResult {
    let bid = BeneficiaryId::parse(&bid)?;
    ok(StatusCode::OK, s.app.relays(&session, &bid).await?)
}

async fn leave_relay(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((bid, sid)): Path<(String, String)>,
) -> ApiResult {
    let bid = BeneficiaryId::parse(&bid)?;
    let sid = StructureId::parse(&sid)?;
    s.app.leave_relay(&session, &bid, &sid).await?;
    no_content()
}

#[derive(Deserialize)]
struct InPersonBody {
    identifier: String,
    reset_code: String,
    new_password: String,
}

async fn recover_in_person(
    State(s): State<AppState>,
    ClientAddr(address): ClientAddr,
    ApiJson(b): ApiJson<InPersonBody>,
) -> ApiResult {
    let req = RecoverRequest {
        identifier: b.identifier,
        recovery_code: b.reset_code,
        new_password: b.new_password,
        address,
        in_person: true,
    };
    s.app.recover(req).await.map_err(ApiError::recovery)?;
    ok(StatusCode::OK, json!({}))
}

async fn start_reset(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(bid): Path<String>,
) -> ApiResult {
    let bid = BeneficiaryId::parse(&bid)?;
    ok(
        StatusCode::CREATED,
        s.app.start_in_person_reset(&session, &bid).await?,
    )
}

async fn confirm_reset(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(id): Path<String>,
) -> ApiResult {
    ok(StatusCode::OK, s.app.confirm_reset(&session, &id).await?)
}

async fn cancel_reset(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(id): Path<String>,
) -> ApiResult {
    s.app.cancel_reset(&session, &id).await?;
    no_content()
}

async fn pending_resets(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    ok(StatusCode::OK, s.app.pending_resets(&session, &sid).await?)
}

async fn new_recovery_code(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
) -> ApiResult {
    let sheet = s.app.new_recovery_code(&session).await?;
    ok(
        StatusCode::OK,
        json!({ "recovery_code": sheet.recovery_code }),
    )
}

#[derive(Deserialize)]
struct PhoneBody {
    phone: String,
}

async fn set_phone(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(bid): Path<String>,
    ApiJson(b): ApiJson<PhoneBody>,
) -> ApiResult {
    let bid = BeneficiaryId::parse(&bid)?;
    s.app.set_phone(&session, &bid, Some(&b.phone)).await?;
    no_content()
}

async fn remove_phone(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(bid): Path<String>,
) -> ApiResult {
    let bid = BeneficiaryId::parse(&bid)?;
    s.app.set_phone(&session, &bid, None).await?;
    no_content()
}

async fn set_structure_phone(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
    ApiJson(b): ApiJson<PhoneBody>,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    // An empty number is not a number (DELETE removes it).
    if b.phone.trim().is_empty() {
        return Err(
            crate::service::ServiceError::from(crate::domain::InvalidInput::new(
                "phone",
                "invalid_phone",
            ))
            .into(),
        );
    }
    s.app
        .set_structure_phone(&session, &sid, Some(&b.phone))
        .await?;
    no_content()
}

async fn remove_structure_phone(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    s.app.set_structure_phone(&session, &sid, None).await?;
    no_content()
}

async fn add_recovery_relay(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((bid, sid)): Path<(String, String)>,
) -> ApiResult {
    let bid = BeneficiaryId::parse(&bid)?;
    let sid = StructureId::parse(&sid)?;
    s.app.set_recovery_relay(&session, &bid, &sid, true).await?;
    no_content()
}

async fn remove_recovery_relay(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((bid, sid)): Path<(String, String)>,
) -> ApiResult {
    let bid = BeneficiaryId::parse(&bid)?;
    let sid = StructureId::parse(&sid)?;
    s.app
        .set_recovery_relay(&session, &bid, &sid, false)
        .await?;
    no_content()
}

#[derive(Deserialize)]
struct JobsQuery {
    status: Option<String>,
}

async fn list_jobs(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Query(q): Query<JobsQuery>,
) -> ApiResult {
    let status = q.status.as_deref().unwrap_or("dead");
    ok(StatusCode::OK, s.app.list_jobs(&session, status).await?)
}

async fn jobs_summary(State(s): State<AppState>, ApiSession(session): ApiSession) -> ApiResult {
    ok(StatusCode::OK, s.app.jobs_summary(&session).await?)
}

async fn list_features(State(s): State<AppState>, ApiSession(session): ApiSession) -> ApiResult {
    ok(StatusCode::OK, s.app.feature_switches(&session).await?)
}

#[derive(Deserialize)]
struct FeatureBody {
    /// On, off, or `null`: no switch (a structure follows the global one; globally, on).
    enabled: Option<bool>,
    #[serde(default)]
    structure_id: Option<String>,
}

async fn set_feature(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(feature): Path<String>,
    ApiJson(b): ApiJson<FeatureBody>,
) -> ApiResult {
    use crate::service::features::Feature;
    let feature = Feature::parse(&feature).map_err(|_| crate::service::ServiceError::NotFound)?;
    let sid = b
        .structure_id
        .as_deref()
        .map(StructureId::parse)
        .transpose()?;
    ok(
        StatusCode::OK,
        s.app
            .set_feature(&session, feature, sid.as_ref(), b.enabled)
            .await?,
    )
}

async fn retry_job(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(id): Path<String>,
) -> ApiResult {
    s.app.retry_job(&session, &id).await?;
    no_content()
}

#[derive(Deserialize)]
struct DeliveryQuery {
    token: Option<String>,
}

/// An SMS operator's delivery report; authenticated by the configured token, given as
/// `?token=` (Brevo's `webUrl`) or `Authorization: Bearer`.
async fn sms_delivery(
    State(s): State<AppState>,
    Path(operator): Path<String>,
    Query(q): Query<DeliveryQuery>,
    headers: axum::http::HeaderMap,
    body: axum::body::Bytes,
) -> ApiResult {
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::to_owned);
    let token = q.token.or(bearer).unwrap_or_default();
    s.app.sms_delivery(&operator, &token, &body).await?;
    no_content()
}

async fn calendar_ics(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(bid): Path<String>,
) -> Result<Response, ApiError> {
    let bid = BeneficiaryId::parse(&bid)?;
    let ics = s.app.calendar_ics(&session, &bid).await?;
    // Her own words: served like any user content (attachment, nosniff, sandbox).
    Ok(content_response(
        "text/calendar; charset=utf-8",
        "agenda.ics",
        ics.into_bytes(),
        false,
    ))
}

/// Her own safe's id (a professional or admin has none: not found).
fn own_bid(session: &crate::service::Session) -> Result<BeneficiaryId, ApiError> {
    session
        .beneficiary_id
        .clone()
        .ok_or_else(ApiError::not_found)
}

async fn calendar_feed(State(s): State<AppState>, ApiSession(session): ApiSession) -> ApiResult {
    match s.app.calendar_feed(&session, &own_bid(&session)?).await? {
        Some(feed) => ok(StatusCode::OK, feed),
        None => Err(ApiError::not_found()),
    }
}

async fn create_calendar_feed(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
) -> ApiResult {
    ok(
        StatusCode::CREATED,
        s.app
            .create_calendar_feed(&session, &own_bid(&session)?)
            .await?,
    )
}

async fn revoke_calendar_feed(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
) -> Result<StatusCode, ApiError> {
    s.app
        .revoke_calendar_feed(&session, &own_bid(&session)?)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /calendar/{token}.ics`: her private feed, read by her calendar app without a session.
pub async fn calendar_feed_ics(
    State(s): State<AppState>,
    Path(file): Path<String>,
) -> Result<Response, ApiError> {
    let ics = s.app.calendar_feed_ics(&file).await?;
    let mut res = content_response(
        "text/calendar; charset=utf-8",
        "agenda.ics",
        ics.into_bytes(),
        true,
    );
    // Like every response, `Cache-Control: no-store` (security headers): no copy on the way.
    res.headers_mut().insert(
        header::HeaderName::from_static("x-robots-tag"),
        header::HeaderValue::from_static("noindex, nofollow"),
    );
    Ok(res)
}

async fn contacts_vcf(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(bid): Path<String>,
) -> Result<Response, ApiError> {
    let bid = BeneficiaryId::parse(&bid)?;
    let vcf = s.app.contacts_vcf(&session, &bid).await?;
    Ok(content_response(
        "text/vcard; charset=utf-8",
        "contacts.vcf",
        vcf.into_bytes(),
        false,
    ))
}

async fn event_reminders(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(id): Path<String>,
) -> ApiResult {
    let id = ItemId::parse(&id)?;
    ok(
        StatusCode::OK,
        s.app
            .item_reminders(&session, crate::service::ItemKind::Event, &id)
            .await?,
    )
}

async fn document_reminders(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(id): Path<String>,
) -> ApiResult {
    let id = ItemId::parse(&id)?;
    ok(
        StatusCode::OK,
        s.app
            .item_reminders(&session, crate::service::ItemKind::Document, &id)
            .await?,
    )
}
