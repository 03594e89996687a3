//! Procedures ("démarches") as items of her safe (issue 15, item 3). She, or a professional of a
//! relais that follows her, starts one from the catalogue (`domain::procedures`); it is kept
//! as an item of the kind `procedure`: its code, the history of its statuses with the time of
//! each change, its next deadline and its filing receipt sealed in the item's metadata under
//! its own key (the operator reads none of it, not even which procedure it is), shared per
//! relais, journaled (`procedure_created`, `procedure_viewed`, `procedure_updated`...) and
//! exported. Its checklist is computed at read time from the papers the caller may see (her
//! whole safe for her; for a professional only what is shared with his structure): a paper
//! she adds from her phone fills its line at the next load. The deadline is reminded by SMS
//! (`schedule_deadline_reminders`), never naming the procedure; closing the procedure
//! cancels the reminders.

use crate::domain::procedures::{ProcedureDef, ProcedureStatus, procedure};
use crate::domain::{BeneficiaryId, DocumentType, InvalidInput, ItemId, ItemKind, StructureId};
use crate::policy::Action;
use crate::service::access::allow_on_safe;
use crate::service::calendar::reminders::schedule_deadline_reminders;
use crate::service::items::assembled::assemble_file;
use crate::service::items::documents::{DocumentView, list_documents};
use crate::service::items::open::{Opened, journal_access, open_item, visible_items};
use crate::service::items::seal::{open_meta, seal_meta};
use crate::service::items::visibility::{CreatedBy, created_by, visible_shares};
use crate::service::items::wrap::owner_key_and_relays;
use crate::service::items::wrap::{insert_item, new_item_row, new_item_wraps};
use crate::service::journal::{actor_of, journal};
use crate::service::{App, AssembleRequest, ServiceError, ServiceResult, Session};
use crate::store::items;
use consigne_vault::Key32;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// One change of status, at the time it was made (RFC 3339 UTC).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub status: ProcedureStatus,
    pub at: String,
}

/// What the item's key seals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Sealed {
    code: String,
    history: Vec<StatusChange>,
    #[serde(default)]
    deadline_on: Option<String>,
    #[serde(default)]
    receipt_document_id: Option<String>,
}

impl Sealed {
    fn status(&self) -> ProcedureStatus {
        self.history
            .last()
            .map_or(ProcedureStatus::ToPrepare, |c| c.status)
    }
}

/// Where a line of the checklist stands for the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LineState {
    /// A paper of one of the types, not expired.
    Present,
    /// Only expired papers of these types.
    Expired,
    Missing,
}

/// One line of a procedure's checklist: the types that fill it (alternatives), its state, and
/// the freshest paper that fills it (the one the assembled file takes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChecklistLine {
    pub types: Vec<DocumentType>,
    pub state: LineState,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_id: Option<ItemId>,
}

/// A procedure as API.md shows it, with who started it and the relais it is shared with (as
/// the caller may know them), like every item.
#[derive(Clone, Serialize)]
pub struct ProcedureView {
    pub id: ItemId,
    pub beneficiary_id: BeneficiaryId,
    pub code: String,
    pub status: ProcedureStatus,
    pub history: Vec<StatusChange>,
    pub checklist: Vec<ChecklistLine>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline_on: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub receipt_document_id: Option<String>,
    pub created_at: String,
    pub created_by: CreatedBy,
    pub shared_with: Vec<StructureId>,
}

/// Which procedure she goes through is never logged.
impl std::fmt::Debug for ProcedureView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ProcedureView({}, [redacted])", self.id)
    }
}

impl ProcedureView {
    /// Its catalogue entry (every stored code is one: it was checked when started).
    pub fn def(&self) -> Option<&'static ProcedureDef> {
        procedure(&self.code).ok()
    }
}

/// A date `YYYY-MM-DD` between 1900 and 2200, or the field named.
fn parse_date(raw: &Value, field: &'static str) -> Result<String, InvalidInput> {
    let text = raw.as_str().ok_or(InvalidInput::new(field, "invalid"))?;
    let format = time::macros::format_description!("[year]-[month]-[day]");
    match time::Date::parse(text, format) {
        Ok(d) if (1900..=2200).contains(&d.year()) => Ok(text.to_owned()),
        _ => Err(InvalidInput::new(field, "invalid_date")),
    }
}

fn object(body: &Value, fields: &[&str]) -> Result<Map<String, Value>, InvalidInput> {
    let obj = body
        .as_object()
        .ok_or(InvalidInput::new("body", "invalid"))?;
    if obj.keys().any(|k| !fields.contains(&k.as_str())) {
        return Err(InvalidInput::new("body", "unknown_field"));
    }
    Ok(obj.clone())
}

/// `{code, deadline_on?}`: the catalogue's code and an optional date.
fn parse_new(body: &Value) -> Result<(&'static ProcedureDef, Option<String>), InvalidInput> {
    let obj = object(body, &["code", "deadline_on"])?;
    let code = match obj.get("code") {
        None | Some(Value::Null) => return Err(InvalidInput::new("code", "required")),
        Some(v) => v.as_str().ok_or(InvalidInput::new("code", "invalid"))?,
    };
    let def = procedure(code)?;
    let deadline = match obj.get("deadline_on") {
        None | Some(Value::Null) => None,
        Some(v) => Some(parse_date(v, "deadline_on")?),
    };
    Ok((def, deadline))
}

/// The checklist of `def` from the papers `docs` the caller may see, on day `today`
/// (`YYYY-MM-DD`): a paper is expired the day after its end date.
pub fn checklist_of(def: &ProcedureDef, docs: &[DocumentView], today: &str) -> Vec<ChecklistLine> {
    def.documents
        .iter()
        .map(|types| {
            let matching = docs.iter().filter(|d| types.contains(&d.doc_type));
            let (valid, expired): (Vec<&DocumentView>, Vec<&DocumentView>) =
                matching.partition(|d| d.expires_on.as_deref().is_none_or(|e| e >= today));
            let freshest = |list: &[&DocumentView]| {
                list.iter()
                    .max_by(|a, b| a.created_at.cmp(&b.created_at))
                    .map(|d| d.id.clone())
            };
            let (state, document_id) = if !valid.is_empty() {
                (LineState::Present, freshest(&valid))
            } else if !expired.is_empty() {
                (LineState::Expired, freshest(&expired))
            } else {
                (LineState::Missing, None)
            };
            ChecklistLine {
                types: types.to_vec(),
                state,
                document_id,
            }
        })
        .collect()
}

/// Today where the service runs (`[reminders] time_zone`), `YYYY-MM-DD`.
fn today(app: &App) -> String {
    let zone = crate::clock::zone(&app.config.reminders.time_zone);
    crate::clock::local(&zone, app.now()).date
}

fn view_of(
    app: &App,
    session: &Session,
    o: &Opened,
    docs: &[DocumentView],
) -> ServiceResult<ProcedureView> {
    let sealed: Sealed = open_meta(app, &o.row, &o.key)?;
    let def = procedure(&sealed.code).map_err(|_| ServiceError::Internal("procedure code"))?;
    Ok(ProcedureView {
        id: o.row.id.clone(),
        beneficiary_id: o.row.beneficiary_id.clone(),
        status: sealed.status(),
        checklist: checklist_of(def, docs, &today(app)),
        code: sealed.code,
        history: sealed.history,
        deadline_on: sealed.deadline_on,
        receipt_document_id: sealed.receipt_document_id,
        created_at: crate::clock::rfc3339(o.row.created_at),
        created_by: created_by(&o.row),
        shared_with: visible_shares(session, &o.shares),
    })
}

/// Her papers the caller may see (not journaled: listing is not opening).
async fn papers(
    app: &App,
    session: &Session,
    bid: &BeneficiaryId,
) -> ServiceResult<Vec<DocumentView>> {
    list_documents(app, session, bid, None).await
}

/// Starts procedure `body.code` for safe `bid`: private when she starts it, shared with the
/// professional's structure (and in her journal, naming him) when a professional does.
pub async fn create_procedure(
    app: &App,
    session: &Session,
    bid: &BeneficiaryId,
    body: &Value,
) -> ServiceResult<ProcedureView> {
    let (account_public, relays) = owner_key_and_relays(app, bid).await?;
    allow_on_safe(session, Action::AddItem, bid, &relays)?;
    let (def, deadline_on) = parse_new(body)?;
    let now = app.now();
    let sealed = Sealed {
        code: def.code.to_owned(),
        history: vec![StatusChange {
            status: ProcedureStatus::ToPrepare,
            at: crate::clock::rfc3339(now),
        }],
        deadline_on,
        receipt_document_id: None,
    };
    let (id, key) = (ItemId::generate(), Key32::random());
    let wraps = new_item_wraps(app, session, bid, &id, &key, &account_public, &relays)?;
    let row = new_item_row(
        session,
        bid,
        &id,
        ItemKind::Procedure,
        seal_meta(app, &key, bid, &id, &sealed),
        wraps,
        now,
    );
    let shares = insert_item(app, session, &row, &key, ("procedure_created", None)).await?;
    if sealed.deadline_on.is_some() {
        schedule_deadline_reminders(app, session, &id, bid, sealed.deadline_on.as_deref()).await?;
    }
    let docs = papers(app, session, bid).await?;
    view_of(
        app,
        session,
        &Opened {
            row,
            key,
            shares,
            via: None,
        },
        &docs,
    )
}

/// Her procedures the caller may see, in the order they were started (her history of
/// procedures: started and completed). Not journaled one by one: opening one is.
pub async fn list_procedures(
    app: &App,
    session: &Session,
    bid: &BeneficiaryId,
) -> ServiceResult<Vec<ProcedureView>> {
    let opened = visible_items(app, session, bid, ItemKind::Procedure).await?;
    let docs = if opened.is_empty() {
        Vec::new()
    } else {
        papers(app, session, bid).await?
    };
    let mut out = opened
        .iter()
        .map(|o| view_of(app, session, o, &docs))
        .collect::<ServiceResult<Vec<_>>>()?;
    out.sort_by(|a, b| {
        let started = |v: &ProcedureView| v.history.first().map(|c| c.at.clone());
        started(a).cmp(&started(b)).then(a.id.cmp(&b.id))
    });
    Ok(out)
}

/// One procedure, opened, with its checklist; journaled as a view.
pub async fn get_procedure(
    app: &App,
    session: &Session,
    id: &ItemId,
) -> ServiceResult<ProcedureView> {
    let o = open_item(app, session, id, Action::View, ItemKind::Procedure).await?;
    let docs = papers(app, session, &o.row.beneficiary_id).await?;
    let view = view_of(app, session, &o, &docs)?;
    journal_access(app, session, &o, "procedure_viewed").await?;
    Ok(view)
}

/// The assembled file of a procedure (`POST /procedures/{id}/file`): one PDF of the papers its
/// checklist found, as the caller sees them (the freshest paper of each line, once even when
/// it fills two lines), the lines still missing or expired flagged on the cover, titled with
/// the procedure's name; a new document of her safe (`App::assemble_file`, which journals
/// every paper read). A checklist with no paper yet is refused (`documents`).
pub async fn assemble_procedure_file(
    app: &App,
    session: &Session,
    id: &ItemId,
    watermark: Option<String>,
) -> ServiceResult<DocumentView> {
    let view = get_procedure(app, session, id).await?;
    let def = view.def().ok_or(ServiceError::NotFound)?;
    let mut pieces: Vec<(ItemId, String)> = Vec::new();
    let mut missing_types = Vec::new();
    for line in &view.checklist {
        match (&line.state, &line.document_id) {
            (LineState::Present, Some(doc)) => {
                if !pieces.iter().any(|(d, _)| d == doc) {
                    pieces.push((doc.clone(), String::new()));
                }
            }
            _ => missing_types.push(line.types.clone()),
        }
    }
    if pieces.is_empty() {
        return Err(InvalidInput::new("documents", "required").into());
    }
    let request = AssembleRequest {
        title_id: Some(def.label_id()),
        pieces,
        missing_types,
        watermark,
        language: session.keys.language.clone(),
        ..AssembleRequest::default()
    };
    assemble_file(app, session, &view.beneficiary_id, request).await
}

/// Whether `raw` names a document of safe `bid` the caller may see.
async fn receipt_of(
    app: &App,
    session: &Session,
    bid: &BeneficiaryId,
    raw: &Value,
) -> ServiceResult<String> {
    let refused = || ServiceError::Invalid(InvalidInput::new("receipt_document_id", "invalid"));
    let id = raw
        .as_str()
        .and_then(|s| ItemId::parse(s).ok())
        .ok_or_else(refused)?;
    match open_item(app, session, &id, Action::View, ItemKind::Document).await {
        Ok(o) if &o.row.beneficiary_id == bid => Ok(id.to_string()),
        Ok(_) | Err(ServiceError::NotFound) => Err(refused()),
        Err(e) => Err(e),
    }
}

/// `{status?, deadline_on?, receipt_document_id?}`: a new status joins the history with the
/// time of the change; `null` clears the deadline or the receipt. Only a real change is
/// written and journaled (`procedure_updated`); the deadline's reminders are planned again
/// when it changes, and cancelled when the procedure closes.
pub async fn update_procedure(
    app: &App,
    session: &Session,
    id: &ItemId,
    body: &Value,
) -> ServiceResult<ProcedureView> {
    let obj = object(body, &["status", "deadline_on", "receipt_document_id"])?;
    let o = open_item(app, session, id, Action::Progress, ItemKind::Procedure).await?;
    let bid = o.row.beneficiary_id.clone();
    let current: Sealed = open_meta(app, &o.row, &o.key)?;
    let mut next = current.clone();
    let now = app.now();
    match obj.get("status") {
        None | Some(Value::Null) => {}
        Some(v) => {
            let status = ProcedureStatus::parse(v.as_str().unwrap_or_default())?;
            if status != current.status() {
                next.history.push(StatusChange {
                    status,
                    at: crate::clock::rfc3339(now),
                });
            }
        }
    }
    match obj.get("deadline_on") {
        None => {}
        Some(Value::Null) => next.deadline_on = None,
        Some(v) => next.deadline_on = Some(parse_date(v, "deadline_on")?),
    }
    match obj.get("receipt_document_id") {
        None => {}
        Some(Value::Null) => next.receipt_document_id = None,
        Some(v) => next.receipt_document_id = Some(receipt_of(app, session, &bid, v).await?),
    }
    if next != current {
        let sealed = seal_meta(app, &o.key, &bid, &o.row.id, &next);
        let actor = actor_of(session, o.via.as_ref());
        let (b2, iid, folder) = (bid.clone(), o.row.id.clone(), o.row.folder_id.clone());
        app.tx(move |tx| {
            items::update_meta(tx, &iid, &sealed, folder.as_ref(), None, now)?;
            journal(
                tx,
                now,
                Some(&b2),
                &actor,
                "procedure_updated",
                Some((ItemKind::Procedure.as_str(), iid.as_str())),
                true,
            )
        })
        .await?;
        let closed = next.status().is_closed();
        if next.deadline_on != current.deadline_on || closed != current.status().is_closed() {
            let deadline = next.deadline_on.as_deref().filter(|_| !closed);
            schedule_deadline_reminders(app, session, id, &bid, deadline).await?;
        }
    }
    let docs = papers(app, session, &bid).await?;
    let o = open_item(app, session, id, Action::View, ItemKind::Procedure).await?;
    view_of(app, session, &o, &docs)
}

/// The catalogue as API.md shows it: `[{code, name, documents: [[type]], form?,
/// teleservice_url?, source_url}]` (`name`: the official French name).
pub fn catalogue_json() -> Value {
    Value::from(
        crate::domain::procedures::CATALOGUE
            .iter()
            .map(|p| {
                let mut m = Map::new();
                m.insert("code".into(), Value::from(p.code));
                m.insert("name".into(), Value::from(p.name_fr));
                m.insert(
                    "documents".into(),
                    Value::from(
                        p.documents
                            .iter()
                            .map(|line| {
                                Value::from(
                                    line.iter()
                                        .map(|t| Value::from(t.as_str()))
                                        .collect::<Vec<_>>(),
                                )
                            })
                            .collect::<Vec<_>>(),
                    ),
                );
                if let Some(f) = p.form {
                    m.insert("form".into(), Value::from(f));
                }
                if let Some(u) = p.teleservice_url {
                    m.insert("teleservice_url".into(), Value::from(u));
                }
                m.insert("source_url".into(), Value::from(p.source_url));
                Value::Object(m)
            })
            .collect::<Vec<_>>(),
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_field_at_fault_is_named() {
        assert!(parse_new(&serde_json::json!({"code": "rsa"})).is_ok());
        let (_, d) =
            parse_new(&serde_json::json!({"code": "ame", "deadline_on": "2027-01-12"})).unwrap();
        assert_eq!(d.as_deref(), Some("2027-01-12"));
        for (v, field) in [
            (serde_json::json!([]), "body"),
            (serde_json::json!({}), "code"),
            (serde_json::json!({"code": 3}), "code"),
            (serde_json::json!({"code": "castle"}), "code"),
            (
                serde_json::json!({"code": "rsa", "deadline_on": "12/01/2027"}),
                "deadline_on",
            ),
            (
                serde_json::json!({"code": "rsa", "deadline_on": "0001-01-01"}),
                "deadline_on",
            ),
            (
                serde_json::json!({"code": "rsa", "deadline_on": 5}),
                "deadline_on",
            ),
            (serde_json::json!({"code": "rsa", "name": "x"}), "body"),
        ] {
            assert_eq!(parse_new(&v).unwrap_err().field, field, "{v}");
        }
    }

    #[test]
    fn a_sealed_record_reads_back_and_its_status_is_the_last_change() {
        let sealed = Sealed {
            code: "rsa".into(),
            history: vec![
                StatusChange {
                    status: ProcedureStatus::ToPrepare,
                    at: "2026-12-01T10:00:00Z".into(),
                },
                StatusChange {
                    status: ProcedureStatus::Filed,
                    at: "2026-12-02T10:00:00Z".into(),
                },
            ],
            deadline_on: Some("2027-01-12".into()),
            receipt_document_id: None,
        };
        let back: Sealed = serde_json::from_slice(&serde_json::to_vec(&sealed).unwrap()).unwrap();
        assert_eq!(back, sealed);
        assert_eq!(back.status(), ProcedureStatus::Filed);
    }
}
