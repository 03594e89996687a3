//! Follow-ups and the structure's agenda in the JSON API (`API.md`, "Professional side"):
//! the structure's members write and read both parts; she reads the shared parts only.

use super::casefile::ids;
use super::documents::content_response;
use super::{ApiResult, no_content, ok};
use crate::domain::{AccountId, BeneficiaryId, FollowupId, StructureId};
use crate::i18n::Locale;
use crate::service::agenda::{agenda, agenda_ics};
use crate::service::followups::{
    FollowupInput, add_subject, create_followup, delete_followup, followups_of, shared_followups,
    subjects_of, update_followup,
};
use crate::web::AppState;
use crate::web::error::ApiError;
use crate::web::extract::{ApiJson, ApiSession};
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::get;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/structures/{sid}/people/{bid}/followups",
            get(list).post(create),
        )
        .route(
            "/structures/{sid}/followups/{fid}",
            axum::routing::patch(update).delete(remove),
        )
        .route(
            "/structures/{sid}/subjects",
            get(subjects).post(new_subject),
        )
        .route("/beneficiaries/{bid}/followups", get(hers))
        .route("/structures/{sid}/agenda", get(agenda_json))
        .route("/structures/{sid}/agenda.ics", get(agenda_file))
}

async fn create(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((sid, bid)): Path<(String, String)>,
    ApiJson(body): ApiJson<FollowupInput>,
) -> ApiResult {
    let (sid, bid) = ids(&sid, &bid)?;
    ok(
        StatusCode::CREATED,
        create_followup(&s.app, &session, &sid, &bid, body).await?,
    )
}

async fn list(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((sid, bid)): Path<(String, String)>,
) -> ApiResult {
    let (sid, bid) = ids(&sid, &bid)?;
    ok(
        StatusCode::OK,
        followups_of(&s.app, &session, &sid, &bid).await?,
    )
}

async fn update(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((sid, fid)): Path<(String, String)>,
    ApiJson(body): ApiJson<FollowupInput>,
) -> ApiResult {
    let (sid, fid) = (StructureId::parse(&sid)?, FollowupId::parse(&fid)?);
    ok(
        StatusCode::OK,
        update_followup(&s.app, &session, &sid, &fid, body).await?,
    )
}

async fn remove(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((sid, fid)): Path<(String, String)>,
) -> ApiResult {
    let (sid, fid) = (StructureId::parse(&sid)?, FollowupId::parse(&fid)?);
    delete_followup(&s.app, &session, &sid, &fid).await?;
    no_content()
}

async fn subjects(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    ok(StatusCode::OK, subjects_of(&s.app, &session, &sid).await?)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SubjectBody {
    label: String,
}

async fn new_subject(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
    ApiJson(body): ApiJson<SubjectBody>,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    ok(
        StatusCode::CREATED,
        add_subject(&s.app, &session, &sid, &body.label).await?,
    )
}

async fn hers(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(bid): Path<String>,
) -> ApiResult {
    let bid = BeneficiaryId::parse(&bid)?;
    ok(
        StatusCode::OK,
        shared_followups(&s.app, &session, &bid).await?,
    )
}

#[derive(Deserialize)]
struct AgendaQuery {
    from: Option<String>,
    to: Option<String>,
    referent: Option<String>,
}

impl AgendaQuery {
    fn parts(&self) -> Result<(&str, &str, Option<AccountId>), ApiError> {
        let (Some(from), Some(to)) = (self.from.as_deref(), self.to.as_deref()) else {
            return Err(ApiError::invalid("from and to are required (YYYY-MM-DD)"));
        };
        let referent = match self.referent.as_deref().filter(|r| !r.is_empty()) {
            Some(r) => Some(
                AccountId::parse(r)
                    .map_err(|_| ApiError::invalid("referent must be an account id"))?,
            ),
            None => None,
        };
        Ok((from, to, referent))
    }
}

async fn agenda_json(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
    Query(q): Query<AgendaQuery>,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    let (from, to, referent) = q.parts()?;
    ok(
        StatusCode::OK,
        agenda(&s.app, &session, &sid, (from, to), referent.as_ref()).await?,
    )
}

async fn agenda_file(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
    Query(q): Query<AgendaQuery>,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    let (from, to, referent) = q.parts()?;
    let label = Locale::new(s.catalogs.clone(), &session.keys.language).t("pro-agenda-due");
    let ics = agenda_ics(
        &s.app,
        &session,
        &sid,
        (from, to),
        referent.as_ref(),
        &label,
    )
    .await?;
    Ok(content_response(
        "text/calendar; charset=utf-8",
        "agenda.ics",
        ics.into_bytes(),
        false,
    ))
}
