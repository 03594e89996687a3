//! Partner software in the JSON API (issue 18, item 4): registering, listing and revoking
//! OAuth clients, the token endpoint (`POST /oauth/token`, RFC 6749 §4.4), what each scope
//! opens to a token, the partners' own ids for people, and idempotent creations.

use super::{ApiResult, no_content, ok};
use crate::domain::{BeneficiaryId, StructureId};
use crate::service::partners::{IdempotencyStart, NewClient, TokenError, TokenRequest};
use crate::service::{ServiceError, Session};
use crate::web::AppState;
use crate::web::error::ApiError;
use crate::web::extract::{ApiJson, ApiSession, ClientAddr};
use axum::Router;
use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post, put};
use base64::Engine;
use serde::Deserialize;
use serde_json::json;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/structures/{sid}/clients", post(register).get(list))
        .route("/structures/{sid}/clients/{client_id}", delete(revoke))
        .route(
            "/structures/{sid}/external-ids/{external_id}",
            get(find_by_external_id),
        )
        .route(
            "/structures/{sid}/beneficiaries/{bid}/external-id",
            put(set_external_id),
        )
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClientBody {
    name: String,
    scopes: Vec<String>,
}

async fn register(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
    ApiJson(b): ApiJson<ClientBody>,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    let input = NewClient {
        name: b.name,
        scopes: b.scopes,
    };
    let mut res = ok(
        StatusCode::CREATED,
        s.app.register_client(&session, &sid, input).await?,
    )?;
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}

async fn list(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path(sid): Path<String>,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    ok(StatusCode::OK, s.app.list_clients(&session, &sid).await?)
}

async fn revoke(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((sid, client_id)): Path<(String, String)>,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    s.app.revoke_client(&session, &sid, &client_id).await?;
    no_content()
}

async fn find_by_external_id(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((sid, external_id)): Path<(String, String)>,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    let bid = s
        .app
        .find_by_external_id(&session, &sid, &external_id)
        .await?;
    ok(
        StatusCode::OK,
        json!({ "beneficiary_id": bid, "external_id": external_id.trim() }),
    )
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExternalIdBody {
    external_id: String,
}

async fn set_external_id(
    State(s): State<AppState>,
    ApiSession(session): ApiSession,
    Path((sid, bid)): Path<(String, String)>,
    ApiJson(b): ApiJson<ExternalIdBody>,
) -> ApiResult {
    let sid = StructureId::parse(&sid)?;
    let bid = BeneficiaryId::parse(&bid)?;
    s.app
        .set_external_id(&session, &sid, &bid, &b.external_id)
        .await?;
    no_content()
}

/// `POST /oauth/token`: the client credentials grant (RFC 6749 §4.4). The client
/// authenticates with HTTP Basic (`client_secret_basic`) or in the form
/// (`client_secret_post`), never both.
pub async fn token(
    State(s): State<AppState>,
    ClientAddr(addr): ClientAddr,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let basic = headers.contains_key(header::AUTHORIZATION);
    let result = match parse_token_request(&headers, &body) {
        Ok(req) => s.app.issue_token(req, addr).await,
        Err(e) => Err(e),
    };
    let mut res = match result {
        Ok(grant) => (StatusCode::OK, axum::Json(grant)).into_response(),
        Err(e) => token_error(&e, basic),
    };
    let h = res.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
    res
}

fn token_error(e: &TokenError, basic: bool) -> Response {
    let (status, description) = match e {
        TokenError::InvalidRequest(d) => (StatusCode::BAD_REQUEST, *d),
        TokenError::InvalidClient => (StatusCode::UNAUTHORIZED, "Client authentication failed."),
        TokenError::InvalidGrant => (
            StatusCode::BAD_REQUEST,
            "The client no longer holds its structure's key.",
        ),
        TokenError::UnsupportedGrantType => (
            StatusCode::BAD_REQUEST,
            "Only grant_type=client_credentials is supported.",
        ),
        TokenError::InvalidScope => (
            StatusCode::BAD_REQUEST,
            "The scope asked for is not within the client's scopes.",
        ),
        TokenError::Throttled { .. } => (
            StatusCode::TOO_MANY_REQUESTS,
            "Too many failed attempts: retry later.",
        ),
        TokenError::Unavailable => (
            StatusCode::SERVICE_UNAVAILABLE,
            "The service is unavailable: retry later.",
        ),
    };
    let mut res = (
        status,
        axum::Json(json!({ "error": e.code(), "error_description": description })),
    )
        .into_response();
    match e {
        TokenError::InvalidClient => {
            let scheme = if basic {
                "Basic realm=\"consigne\""
            } else {
                "Basic realm=\"consigne\", error=\"invalid_client\""
            };
            res.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static(scheme));
        }
        TokenError::Throttled { retry_after } => {
            if let Ok(v) = HeaderValue::from_str(&retry_after.to_string()) {
                res.headers_mut().insert(header::RETRY_AFTER, v);
            }
        }
        _ => {}
    }
    res
}

/// The form and the client's credentials of a token request.
fn parse_token_request(headers: &HeaderMap, body: &[u8]) -> Result<TokenRequest, TokenError> {
    let is_form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(';').next().is_some_and(|t| {
                t.trim()
                    .eq_ignore_ascii_case("application/x-www-form-urlencoded")
            })
        });
    if !is_form {
        return Err(TokenError::InvalidRequest(
            "Send the request as application/x-www-form-urlencoded.",
        ));
    }
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(body)
        .map_err(|_| TokenError::InvalidRequest("Malformed form body."))?;
    let mut form = std::collections::BTreeMap::new();
    for (k, v) in pairs {
        // RFC 6749 §3.2: parameters must not be included more than once.
        if form.insert(k, v).is_some() {
            return Err(TokenError::InvalidRequest("A parameter is repeated."));
        }
    }
    let basic = match headers.get(header::AUTHORIZATION) {
        None => None,
        Some(v) => Some(parse_basic(v).ok_or(TokenError::InvalidClient)?),
    };
    let posted = form.get("client_id").cloned();
    let (client_id, client_secret) = match (basic, posted) {
        (Some(_), Some(_)) if form.contains_key("client_secret") => {
            return Err(TokenError::InvalidRequest(
                "Use one client authentication method, not two.",
            ));
        }
        (Some((id, secret)), _) => (id, secret),
        (None, Some(id)) => (id, form.get("client_secret").cloned().unwrap_or_default()),
        (None, None) => return Err(TokenError::InvalidClient),
    };
    Ok(TokenRequest {
        client_id,
        client_secret,
        grant_type: form.get("grant_type").cloned(),
        scope: form.get("scope").cloned(),
    })
}

/// `Basic base64(urlencoded(id) ":" urlencoded(secret))` (RFC 6749 §2.3.1).
fn parse_basic(v: &HeaderValue) -> Option<(String, String)> {
    let raw = v.to_str().ok()?;
    let (scheme, rest) = raw.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(rest.trim())
        .ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (id, secret) = text.split_once(':')?;
    let unescape = |s: &str| -> Option<String> {
        let plus = s.replace('+', "%20");
        percent_decode(&plus)
    };
    Some((unescape(id)?, unescape(secret)?))
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// `Idempotency-Key` on a creation (a safe, a document): the same key with the same request
/// answers the first answer again (`Idempotency-Replayed: true`), nothing is created twice;
/// the same key with another request is a 422 `idempotency_key_reused`. Keys are the caller's
/// own (per account), kept a day; the answer is sealed under a key derived from the
/// structure key (it may hold a recovery code), so only the structure's key holders replay it.
pub(crate) async fn idempotent(State(s): State<AppState>, req: Request, next: Next) -> Response {
    let raw_key = req
        .headers()
        .get("idempotency-key")
        .map(|v| v.to_str().map(str::to_owned));
    if raw_key.is_none() || req.method() != Method::POST {
        return next.run(req).await;
    }
    let key = match raw_key {
        Some(Ok(k))
            if !k.is_empty() && k.len() <= 255 && k.bytes().all(|b| b.is_ascii_graphic()) =>
        {
            k
        }
        _ => {
            return ApiError::invalid("Idempotency-Key: 1 to 255 visible ASCII characters.")
                .into_response();
        }
    };
    let (parts, body) = req.into_parts();
    let session = match crate::web::extract::api_session(&parts, &s).await {
        Ok(session) => session,
        Err(e) => return e.into_response(),
    };
    let Some(sid) = idempotency_structure(&session, &parts) else {
        return ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "idempotency_key_unsupported",
            "Idempotency-Key is for the staff of a structure and partner software.",
        )
        .into_response();
    };
    let limit = usize::try_from(s.app.config.storage.max_file_mb)
        .unwrap_or(usize::MAX / (1024 * 1024))
        .saturating_mul(1024 * 1024)
        .saturating_add(64 * 1024);
    let Ok(bytes) = axum::body::to_bytes(body, limit).await else {
        return ApiError::for_status(StatusCode::PAYLOAD_TOO_LARGE).into_response();
    };
    let hash = request_hash(&parts, &bytes);
    match s.app.idempotent_start(&session, &sid, &key, &hash).await {
        Ok(IdempotencyStart::Run) => {}
        Ok(IdempotencyStart::Replay(status, body)) => return replayed(status, body),
        Ok(IdempotencyStart::InProgress) => {
            return ApiError {
                retry_after: Some(2),
                ..ApiError::new(
                    StatusCode::CONFLICT,
                    "idempotency_key_in_progress",
                    "A request with this Idempotency-Key is still running: send it again in a moment.",
                )
            }
            .into_response();
        }
        Err(ServiceError::Conflict(_)) => {
            return ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "idempotency_key_reused",
                "This Idempotency-Key was used with another request.",
            )
            .into_response();
        }
        Err(e) => return ApiError::from(e).into_response(),
    }
    // The request runs to its end even if the client goes away meanwhile (a lost connection
    // is what the key is for): its retry then finds the answer instead of a claim that waits.
    let run = tokio::spawn(async move {
        let release = || async {
            if let Err(e) = s.app.idempotent_release(&session, &key).await {
                tracing::warn!(error = %e, "idempotency key not released");
            }
        };
        let res = next
            .run(Request::from_parts(parts, Body::from(bytes)))
            .await;
        if !res.status().is_success() {
            // Nothing was created: the key is free for a corrected retry.
            release().await;
            return res;
        }
        let (rparts, rbody) = res.into_parts();
        let Ok(answer) = axum::body::to_bytes(rbody, 1024 * 1024).await else {
            // No answer to replay: the key is not held for it.
            release().await;
            return ApiError::for_status(StatusCode::INTERNAL_SERVER_ERROR).into_response();
        };
        let status = i64::from(rparts.status.as_u16());
        if let Err(e) = s
            .app
            .idempotent_finish(&session, &sid, &key, status, &answer)
            .await
        {
            tracing::warn!(error = %e, "idempotency key not recorded");
        }
        Response::from_parts(rparts, Body::from(answer))
    });
    run.await.unwrap_or_else(|e| {
        tracing::error!(error = %e, "idempotent request stopped");
        ApiError::for_status(StatusCode::INTERNAL_SERVER_ERROR).into_response()
    })
}

fn replayed(status: i64, body: Vec<u8>) -> Response {
    let status = u16::try_from(status)
        .ok()
        .and_then(|s| StatusCode::from_u16(s).ok())
        .unwrap_or(StatusCode::OK);
    let mut res = (status, body).into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    h.insert("idempotency-replayed", HeaderValue::from_static("true"));
    res
}

/// The structure whose key seals the answer: a token's own, else the one in the path, else
/// the first whose key the caller holds.
fn idempotency_structure(
    session: &Session,
    parts: &axum::http::request::Parts,
) -> Option<StructureId> {
    if let Some(software) = &session.software {
        return Some(software.structure_id.clone());
    }
    let from_path = parts
        .uri
        .path()
        .strip_prefix("/api/v1/structures/")
        .and_then(|rest| rest.split('/').next())
        .map(|s| StructureId::stored(s.to_owned()));
    from_path
        .filter(|sid| session.keys.structure_key(sid).is_some())
        .or_else(|| session.keys.structures.first().map(|(sid, _)| sid.clone()))
}

/// What makes two requests the same: method, path, query, media type and body (a multipart
/// body without its boundary, which a client may draw afresh when it retries).
fn request_hash(parts: &axum::http::request::Parts, body: &[u8]) -> Vec<u8> {
    use sha2::Digest;
    let mut h = sha2::Sha256::new();
    let ct = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let media = ct.split(';').next().unwrap_or_default().trim();
    let boundary = ct
        .split(';')
        .filter_map(|p| p.trim().strip_prefix("boundary="))
        .map(|b| b.trim_matches('"'))
        .find(|b| !b.is_empty());
    for part in [
        parts.method.as_str(),
        parts.uri.path(),
        parts.uri.query().unwrap_or_default(),
        media,
    ] {
        h.update((part.len() as u64).to_be_bytes());
        h.update(part.as_bytes());
    }
    match boundary {
        Some(b) => {
            let mut rest = body;
            while let Some(at) = find(rest, b.as_bytes()) {
                h.update(&rest[..at]);
                h.update(b"\0");
                rest = &rest[at + b.len()..];
            }
            h.update(rest);
        }
        None => h.update(body),
    }
    h.finalize().to_vec()
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}
