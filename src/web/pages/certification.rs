//! The certification of documents on pages: a document's certificate as a `.json` download
//! (from the document's page) and the public verification page `/verify`: no account, drop
//! the paper and its certificate, nothing stored; the paper is hashed as it arrives (never
//! kept whole in memory), the certificate is read up to 64 KiB.

use super::{Ctx, Page, Reader, Upload, Visitor};
use crate::domain::ItemId;
use crate::domain::certification::{Failure, MAX_CERTIFICATE_BYTES, Verified};
use crate::service::{MAX_FILE_BYTES_CAP, ServiceError};
use crate::web::AppState;
use crate::web::api::content_response;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Path};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use maud::{Markup, html};
use sha2::{Digest, Sha256};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/documents/{id}/certificate", get(certificate))
        .route(
            "/verify",
            get(verify_page)
                .post(verify_submit)
                .layer(DefaultBodyLimit::max(MAX_FILE_BYTES_CAP + 128 * 1024)),
        )
}

/// The certificate of a document, for whoever may view it; journaled like a view.
async fn certificate(Path(id): Path<String>, Page(ctx, Reader(session)): Page<Reader>) -> Response {
    let Ok(id) = ItemId::parse(&id) else {
        return ctx.not_found();
    };
    match ctx.state.app.document_certificate(&session, &id).await {
        Ok(c) => match serde_json::to_vec_pretty(&c) {
            Ok(json) => content_response(
                "application/json",
                &format!("certificate-{id}.json"),
                json,
                false,
            ),
            Err(_) => ctx.error_page(&ServiceError::Internal("certificate json")),
        },
        Err(ServiceError::Conflict("not_certified")) => ctx.render(
            StatusCode::CONFLICT,
            &ctx.t("verify-title"),
            html! {
                div.notice.error role="alert" { p { (ctx.t("certificate-none")) } }
                p { a.button href={"/documents/" (id)} { (ctx.t("certificate-back")) } }
            },
        ),
        Err(e) => ctx.error_page(&e),
    }
}

fn form(ctx: &Ctx) -> Markup {
    html! {
        form method="post" action="/verify" enctype="multipart/form-data" {
            (ctx.csrf_field())
            p {
                label for="verify-document" { (ctx.t("verify-document")) }
                input #verify-document type="file" name="document" required;
            }
            p {
                label for="verify-certificate" { (ctx.t("verify-certificate")) }
                input #verify-certificate type="file" name="certificate" accept=".json,application/json" required;
            }
            p { button.primary type="submit" { (ctx.t("verify-submit")) } }
        }
    }
}

fn page(ctx: &Ctx, status: StatusCode, result: Option<Markup>) -> Response {
    ctx.render(
        status,
        &ctx.t("verify-title"),
        html! {
            h1 { (ctx.t("verify-title")) }
            @if let Some(r) = result { (r) }
            p { (ctx.t("verify-intro")) }
            (form(ctx))
            p.hint { (ctx.t("verify-nothing-stored")) }
        },
    )
}

async fn verify_page(Page(ctx, Visitor(_)): Page<Visitor>) -> Response {
    page(&ctx, StatusCode::OK, None)
}

/// What the two files were, once read.
enum Received {
    Both(Vec<u8>, [u8; 32]),
    Missing,
    TooLarge,
}

async fn read_parts(mut form: super::CheckedParts) -> Result<Received, ServiceError> {
    let (mut certificate, mut digest) = (None, None);
    while let Some(mut part) = form.next_part().await? {
        match part.name() {
            "certificate" => {
                let mut bytes = Vec::new();
                while let Some(chunk) = part.chunk().await? {
                    if bytes.len() + chunk.len() > MAX_CERTIFICATE_BYTES {
                        return Ok(Received::TooLarge);
                    }
                    bytes.extend_from_slice(&chunk);
                }
                certificate = Some(bytes).filter(|b| !b.is_empty());
            }
            "document" => {
                let (mut hasher, mut any) = (Sha256::new(), false);
                while let Some(chunk) = part.chunk().await? {
                    any |= !chunk.is_empty();
                    hasher.update(&chunk);
                }
                digest = any.then(|| hasher.finalize().into());
            }
            _ => part.discard().await?,
        }
    }
    Ok(match (certificate, digest) {
        (Some(c), Some(d)) => Received::Both(c, d),
        _ => Received::Missing,
    })
}

fn success(ctx: &Ctx, v: &Verified) -> Markup {
    let at = |t: i64| ctx.day_of(&crate::clock::rfc3339(t));
    html! {
        div.notice.success role="status" {
            p { strong { (ctx.t("verify-ok")) } }
            p { (ctx.ta("verify-ok-added", &[("date", at(v.added_at).into())])) }
            p { (ctx.ta("verify-ok-head", &[("date", at(v.head_timestamp).into()), ("size", v.tree_size.into())])) }
            @if let Some(t) = &v.timestamped_at {
                p { (ctx.ta("verify-ok-timestamp", &[("time", t.clone().into())])) }
            }
            @match v.key_published {
                Some(true) => p { (ctx.t("verify-key-published")) },
                _ => p { strong { (ctx.t("verify-key-unknown")) } },
            }
            p.hint { (ctx.t("verify-limits")) }
        }
    }
}

fn failure(ctx: &Ctx, f: Failure) -> Markup {
    html! {
        div.notice.error role="alert" {
            p { strong { (ctx.t("verify-failed")) } }
            p { (ctx.t(&format!("verify-failure-{}", f.code()))) }
        }
    }
}

async fn verify_submit(upload: Upload<Visitor>) -> Response {
    let Upload(ctx, Visitor(_), form) = upload;
    let alert = |id: &str| html! { div.notice.error role="alert" { p { (ctx.t(id)) } } };
    match read_parts(form).await {
        Ok(Received::Both(cert, digest)) => {
            match ctx.state.app.verify_certificate(&cert, &digest) {
                Ok(v) if v.key_published == Some(true) => {
                    page(&ctx, StatusCode::OK, Some(success(&ctx, &v)))
                }
                Ok(v) => page(
                    &ctx,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    Some(success(&ctx, &v)),
                ),
                Err(f) => page(
                    &ctx,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    Some(failure(&ctx, f)),
                ),
            }
        }
        Ok(Received::Missing) => page(
            &ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            Some(alert("verify-missing")),
        ),
        Ok(Received::TooLarge) => page(
            &ctx,
            StatusCode::PAYLOAD_TOO_LARGE,
            Some(alert("verify-certificate-too-large")),
        ),
        Err(ServiceError::Forbidden) => ctx.bad_form(),
        Err(e) => page(
            &ctx,
            Ctx::error_status(&e),
            Some(html! { div.notice.error role="alert" { p { (ctx.error_text(&e)) } } }),
        ),
    }
}
