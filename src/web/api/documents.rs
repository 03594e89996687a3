//! Documents, folders, shares and the journal in the JSON API.

use super::{ApiResult, no_content, ok};
use crate::domain::{BeneficiaryId, DocumentType, FolderId, ItemId, ItemKind, StructureId};
use crate::service::{
    DocumentPatch, FolderFilter, MAX_FILE_BYTES_CAP, NewDocument, PaperDetails, Received,
    ServiceError, Session,
};
use crate::web::AppState;
use crate::web::extract::{ApiJson, ApiSession};
use crate::web::multipart::{MultipartForm, Part};
use axum::Router;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use serde::Deserialize;

pub fn router(state: &AppState) -> Router<AppState> {
    Router::new()
        .route(
            "/beneficiaries/{bid}/documents",
            post(upload)
                .get(list)
                .route_layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    super::partners::idempotent,
                ))
                .layer(DefaultBodyLimit::max(MAX_FILE_BYTES_CAP + 64 * 1024)),
        )
        .route("/documents/{id}", get(get_one).patch(update).delete(remove))
        .route("/documents/{id}/content", get(content))
        .route("/documents/{id}/thumbnail", get(thumbnail))
        .route("/documents/{id}/shares/{sid}", put(share).delete(unshare))
        .route(
            "/beneficiaries/{bid}/folders",
            post(create_folder).get(list_folders),
        )
        .route(
            "/beneficiaries/{bid}/folders/{fid}",
            axum::routing::patch(update_folder).delete(delete_folder),
        )
        .route("/beneficiaries/{bid}/journal", get(journal))
        .route("/beneficiaries/{bid}/export", get(export))
        .route("/beneficiaries/{bid}", axum::routing::delete(delete_safe))
}

/// Feeds a multipart file part to an upload as it arrives (memory stays bounded); the part
/// is at most `size_hint` bytes when the body's length is known.
pub async fn receive_file(
    app: &crate::service::App,
    session: &Session,
    bid: &BeneficiaryId,
    part: &mut Part<'_>,
    size_hint: Option<u64>,
) -> Result<Received, ServiceError> {
    let mut upload = app.begin_upload(session, bid, size_hint).await?;
    loop {
        match part.chunk().await {
            Ok(Some(chunk)) => upload.push(chunk).await?,
            Ok(None) => return upload.finish().await,
            Err(e) => {
                upload.abandon().await;
                return Err(e);
            }
        }
    }
}

/// Reads a multipart upload: the `file` part (streamed into the safe as it arrives), `name`,
/// `folder_id`, `type`, `expires_on` (short texts, bounded); any other part is refused before
/// it is read.
async fn read_upload(
    mut form: MultipartForm,
    app: &crate::service::App,
    session: &Session,
    bid: &str,
) -> Result<(NewDocument, PaperDetails), ServiceError> {
    let mut doc = NewDocument::default();
    let mut paper = PaperDetails::default();
    let mut got_file = false;
    let size_hint = form.body_len();
    while let Some(mut part) = form.next_part().await? {
        match part.name() {
            "file" if !got_file => {
                doc.file_name = part.file_name().map(str::to_owned);
                let bid = BeneficiaryId::parse(bid)?;
                doc.content = receive_file(app, session, &bid, &mut part, size_hint).await?;
                got_file = true;
            }
            "name" => doc.name = part.optional_text().await?,
            "folder_id" => doc.folder_id = part.optional_text().await?,
            "type" => paper.doc_type = part.optional_text().await?,
            "expires_on" => paper.expires_on = part.optional_text().await?,
            // The contract names these parts; anything else is a mistake worth telling.
            _ => {
                return Err(ServiceError::Invalid(crate::domain::InvalidInput::new(
                    "file",
                    "unknown_part",
                )));
            }
        }
    }
    if !got_file {
        return Err(ServiceError::Invalid(crate::domain::InvalidInput::new(
            "file", "required",
        )));
    }
    Ok((doc, paper))
}

async fn upload(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(bid): Path<String>,
    // Not a multipart body at all: the API's 400, in its JSON format.
    form: Result<MultipartForm, crate::web::error::ApiError>,
) -> ApiResult {
    let (doc, paper) = read_upload(form?, &s.app, &session, &bid).await?;
    let bid = BeneficiaryId::parse(&bid)?;
    let created = s.app.add_paper(&session, &bid, doc, paper).await;
    ok(StatusCode::CREATED, created.map_err(type_error)?)
}

/// An unknown document type is a malformed request (400 `invalid_input`) naming the field and
/// the codes it takes; any other error stays as it is.
fn type_error(e: ServiceError) -> crate::web::error::ApiError {
    match e {
        ServiceError::Invalid(i) if i.field == "type" => {
            crate::web::error::ApiError::invalid(format!(
                "Unknown value for type: use one of {}.",
                DocumentType::ALL.map(DocumentType::as_str).join(", ")
            ))
        }
        other => other.into(),
    }
}

#[derive(Deserialize)]
struct ListQuery {
    folder_id: Option<String>,
    page: Option<String>,
}

/// Her documents (in `folder_id`), newest first: every one without `page` (the contract
/// before pagination), else that page of 50 with its neighbours in a `Link` header.
async fn list(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(bid): Path<String>,
    Query(q): Query<ListQuery>,
) -> ApiResult {
    let Some(raw) = q.page.as_deref() else {
        let bid = BeneficiaryId::parse(&bid)?;
        return ok(
            StatusCode::OK,
            s.app
                .list_documents(&session, &bid, q.folder_id.as_deref())
                .await?,
        );
    };
    let page = super::page_param(Some(raw))?;
    let bid = BeneficiaryId::parse(&bid)?;
    let folder = q
        .folder_id
        .clone()
        .map_or(FolderFilter::Any, FolderFilter::In);
    let found = s.app.documents_page(&session, &bid, folder, page).await?;
    super::paged(
        found,
        &format!("/api/v1/beneficiaries/{bid}/documents"),
        &[("folder_id", q.folder_id.as_deref())],
    )
}

async fn get_one(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(id): Path<String>,
) -> ApiResult {
    let id = ItemId::parse(&id)?;
    ok(StatusCode::OK, s.app.get_document(&session, &id).await?)
}

/// User content: attachment, nosniff and a sandboxing CSP, whatever the type.
pub fn content_response(
    content_type: &str,
    file_name: &str,
    bytes: Vec<u8>,
    inline: bool,
) -> Response {
    let mut res = bytes.into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(content_type)
            .unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    let safe: String = file_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let disposition = format!(
        "{}; filename=\"{safe}\"",
        if inline { "inline" } else { "attachment" }
    );
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
        ),
    );
    res
}

async fn content(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(id): Path<String>,
) -> ApiResult {
    let id = ItemId::parse(&id)?;
    let (doc, rx) = s
        .app
        .document_stream(&session, &id, "document_downloaded")
        .await?;
    let ext = if doc.content_type == "application/pdf" {
        "pdf"
    } else {
        doc.content_type.rsplit('/').next().unwrap_or("bin")
    };
    Ok(stream_response(
        &doc.content_type,
        &format!("document.{ext}"),
        Some(doc.size),
        rx,
        false,
    ))
}

async fn thumbnail(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(id): Path<String>,
) -> ApiResult {
    let id = ItemId::parse(&id)?;
    let (_, bytes) = s
        .app
        .document_content(&session, &id, true, "document_viewed")
        .await?;
    Ok(content_response("image/jpeg", "thumbnail.jpg", bytes, true))
}

/// `null` and absent differ: `"folder_id": null` moves to the top level.
fn double_option<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<Option<T>>, D::Error> {
    Ok(Some(Option::deserialize(d)?))
}

#[derive(Deserialize)]
struct PatchBody {
    name: Option<String>,
    #[serde(rename = "type")]
    doc_type: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    folder_id: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    expires_on: Option<Option<String>>,
}

async fn update(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<PatchBody>,
) -> ApiResult {
    let id = ItemId::parse(&id)?;
    let patch = DocumentPatch {
        name: b.name,
        doc_type: b.doc_type,
        folder_id: b.folder_id,
        expires_on: b.expires_on,
    };
    let updated = s.app.update_document(&session, &id, patch).await;
    ok(StatusCode::OK, updated.map_err(type_error)?)
}

async fn remove(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(id): Path<String>,
) -> ApiResult {
    let id = ItemId::parse(&id)?;
    s.app.delete_document(&session, &id).await?;
    no_content()
}

async fn share(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((id, sid)): Path<(String, String)>,
) -> ApiResult {
    let id = ItemId::parse(&id)?;
    let sid = StructureId::parse(&sid)?;
    s.app
        .set_item_share(&session, ItemKind::Document, &id, &sid, true)
        .await?;
    no_content()
}

async fn unshare(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((id, sid)): Path<(String, String)>,
) -> ApiResult {
    let id = ItemId::parse(&id)?;
    let sid = StructureId::parse(&sid)?;
    s.app
        .set_item_share(&session, ItemKind::Document, &id, &sid, false)
        .await?;
    no_content()
}

#[derive(Deserialize)]
struct FolderBody {
    name: String,
    parent_id: Option<String>,
}

async fn create_folder(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(bid): Path<String>,
    ApiJson(b): ApiJson<FolderBody>,
) -> ApiResult {
    let bid = BeneficiaryId::parse(&bid)?;
    ok(
        StatusCode::CREATED,
        s.app
            .create_folder(&session, &bid, &b.name, b.parent_id.as_deref())
            .await?,
    )
}

async fn list_folders(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(bid): Path<String>,
) -> ApiResult {
    let bid = BeneficiaryId::parse(&bid)?;
    ok(StatusCode::OK, s.app.list_folders(&session, &bid).await?)
}

#[derive(Deserialize)]
struct FolderPatch {
    name: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    parent_id: Option<Option<String>>,
}

async fn update_folder(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((bid, fid)): Path<(String, String)>,
    ApiJson(b): ApiJson<FolderPatch>,
) -> ApiResult {
    let bid = BeneficiaryId::parse(&bid)?;
    let fid = FolderId::parse(&fid)?;
    let parent = b.parent_id.as_ref().map(|p| p.as_deref());
    ok(
        StatusCode::OK,
        s.app
            .update_folder(&session, &bid, &fid, b.name.as_deref(), parent)
            .await?,
    )
}

async fn delete_folder(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((bid, fid)): Path<(String, String)>,
) -> ApiResult {
    let bid = BeneficiaryId::parse(&bid)?;
    let fid = FolderId::parse(&fid)?;
    s.app.delete_folder(&session, &bid, &fid).await?;
    no_content()
}

async fn journal(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(bid): Path<String>,
) -> ApiResult {
    let bid = BeneficiaryId::parse(&bid)?;
    ok(StatusCode::OK, s.app.journal_of(&session, &bid).await?)
}

async fn export(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(bid): Path<String>,
) -> ApiResult {
    let bid = BeneficiaryId::parse(&bid)?;
    let zip = s.app.export_safe(&session, &bid).await?;
    Ok(stream_response(
        "application/zip",
        "consigne-export.zip",
        None,
        zip,
        false,
    ))
}

#[derive(Deserialize)]
struct PasswordBody {
    password: String,
}

async fn delete_safe(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(bid): Path<String>,
    ApiJson(b): ApiJson<PasswordBody>,
) -> ApiResult {
    let bid = BeneficiaryId::parse(&bid)?;
    s.app.delete_safe(&session, &bid, &b.password).await?;
    no_content()
}

/// A streamed document or export: same headers as [`content_response`], with its length when
/// known beforehand (else chunked). An error from the stream cuts the response: the client
/// never takes a partial file for a complete one.
pub fn stream_response(
    content_type: &str,
    file_name: &str,
    size: Option<i64>,
    rx: crate::service::ContentStream,
    inline: bool,
) -> Response {
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|item| (item, rx))
    });
    let mut res = content_response(content_type, file_name, Vec::new(), inline);
    *res.body_mut() = axum::body::Body::from_stream(stream);
    if let Some(size) = size
        && let Ok(v) = HeaderValue::from_str(&size.to_string())
    {
        res.headers_mut().insert(header::CONTENT_LENGTH, v);
    }
    res
}
