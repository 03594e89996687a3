//! In-person resets and what keeps her in control of her safe (docs/threat-model.md,
//! "In-person reset"): a member starts a reset from a person's file, another member confirms it
//! from the structure's pending list and hands her the code, she sees any reset on her home page
//! and can cancel it; she prints a new recovery sheet in her session; her phone number, set by
//! her or by her relais.

use super::{Ctx, Page, Person, Post, Professional, icons::icon};
use crate::domain::{BeneficiaryId, Identifier};
use crate::i18n::Locale;
use crate::service::{OpenedSafe, PendingReset, ServiceError, Session};
use crate::web::AppState;
use axum::Router;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::{Markup, html};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/pro/b/{bid}/reset", post(start_submit))
        .route("/pro/b/{bid}/phone", post(pro_phone_submit))
        .route("/pro/resets/{id}/confirm", post(confirm_submit))
        .route("/pro/resets/{id}/cancel", post(pro_cancel_submit))
        .route("/resets/{id}/cancel", post(her_cancel_submit))
        .route("/recovery-sheet", get(sheet_page).post(sheet_submit))
        .route("/phone", get(phone_page).post(her_phone_submit))
}

#[derive(Debug, Deserialize)]
struct PhoneForm {
    #[serde(default)]
    phone: String,
}

fn back_to(ctx: &Ctx, status: StatusCode, title: &str, text: String, href: &str) -> Response {
    ctx.render(
        status,
        title,
        html! {
            section.card.narrow {
                h1 { (icon("key")) " " (title) }
                div.notice.error role="alert" { p { (text) } }
                p { a.button href=(href) { (ctx.t("action-back-home")) } }
            }
        },
    )
}

/// A member of a recovery relais starts a reset: no code yet, only what happens next.
async fn start_submit(
    Path(bid): Path<String>,
    Post(ctx, Professional(session), _): Post<Professional>,
) -> Response {
    let back = format!("/pro/b/{bid}");
    let Ok(bid) = BeneficiaryId::parse(&bid) else {
        return ctx.not_found();
    };
    match ctx.state.app.start_in_person_reset(&session, &bid).await {
        Ok(started) => ctx.page(
            &ctx.t("reset-title"),
            html! {
                section.card.narrow id="reset-started" data-status=(started.status) {
                    h1 { (icon("key")) " " (ctx.t("reset-title")) }
                    @if let Some(from) = &started.usable_from {
                        p { (ctx.ta("reset-delayed-text", &[("date", ctx.moment_zoned(from).into())])) }
                    } @else {
                        p { (ctx.t("reset-awaiting-text")) }
                    }
                    p { (ctx.t("reset-she-is-told")) }
                    p { a.button.primary href=(back) { (ctx.t("action-done")) } }
                }
            },
        ),
        Err(ServiceError::Forbidden) => back_to(
            &ctx,
            StatusCode::FORBIDDEN,
            &ctx.t("reset-title"),
            ctx.t("reset-not-recovery-relay"),
            &back,
        ),
        Err(e) => ctx.error_page(&e),
    }
}

/// The structure's resets waiting for a confirmation, on the professional's home page.
pub(super) fn pending_section(ctx: &Ctx, resets: &[PendingReset]) -> Markup {
    if resets.is_empty() {
        return html! {};
    }
    html! {
        div.notice role="status" {
            h3 { (icon("key")) " " (ctx.t("resets-pending-title")) }
            ul.plain.resets {
                @for r in resets {
                    li.reset-row data-reset=(r.id) {
                        p { (ctx.ta("resets-pending-item", &[
                            ("person", r.person.name.clone().into()),
                            ("who", r.started_by.name.clone().into()),
                            ("date", ctx.moment(&r.started_at).into()),
                        ])) }
                        @if r.status == "confirmed" {
                            p.hint { (ctx.t("resets-confirmed")) }
                        } @else if r.can_confirm {
                            form.inline method="post" action={"/pro/resets/" (r.id) "/confirm"} {
                                (ctx.csrf_field())
                                button.primary type="submit" { (icon("check")) " " (ctx.t("action-confirm-reset")) }
                            }
                        } @else if r.status == "delayed" {
                            p.hint { (ctx.ta("resets-delayed-until", &[("date", ctx.moment_zoned(&r.usable_from).into())])) }
                        } @else {
                            p.hint { (ctx.t("resets-needs-colleague")) }
                        }
                        form.inline method="post" action={"/pro/resets/" (r.id) "/cancel"} {
                            (ctx.csrf_field())
                            button type="submit" { (icon("close")) " " (ctx.t("action-cancel-reset")) }
                        }
                    }
                }
            }
        }
    }
}

/// A second member confirms: the one-time code is shown once, to hand to the person.
async fn confirm_submit(
    Path(id): Path<String>,
    Post(ctx, Professional(session), _): Post<Professional>,
) -> Response {
    match ctx.state.app.confirm_reset(&session, &id).await {
        Ok(reset) => ctx.page(&ctx.t("reset-title"), html! {
            article.sheet {
                h1 { (icon("key")) " " (ctx.t("reset-title")) }
                p { (ctx.t("reset-give")) }
                p.code-box { code.big id="reset-code" { (reset.reset_code) } }
                ol {
                    li { (ctx.t("reset-step-1")) }
                    li { (ctx.t("reset-step-2")) }
                    li { (ctx.t("reset-step-3-new-sheet")) }
                }
                p.hint { (ctx.ta("reset-valid-until", &[("date", ctx.moment_zoned(&reset.expires_at).into())])) }
            }
            div.actions.no-print {
                button.js-print.primary type="button" hidden { (icon("print")) " " (ctx.t("action-print")) }
                a.button href="/pro" { (ctx.t("action-done")) }
            }
        }),
        Err(ServiceError::Forbidden) => back_to(
            &ctx,
            StatusCode::FORBIDDEN,
            &ctx.t("reset-title"),
            ctx.t("resets-needs-colleague"),
            "/pro",
        ),
        Err(e @ ServiceError::Conflict(_)) => back_to(
            &ctx,
            Ctx::error_status(&e),
            &ctx.t("reset-title"),
            ctx.t("resets-confirmed"),
            "/pro",
        ),
        Err(e) => ctx.error_page(&e),
    }
}

async fn cancel(ctx: Ctx, session: Session, id: String, back: &str) -> Response {
    match ctx.state.app.cancel_reset(&session, &id).await {
        Ok(()) => Redirect::to(back).into_response(),
        Err(e) => ctx.error_page(&e),
    }
}

async fn pro_cancel_submit(
    Path(id): Path<String>,
    Post(ctx, Professional(session), _): Post<Professional>,
) -> Response {
    cancel(ctx, session, id, "/pro").await
}

async fn her_cancel_submit(
    Path(id): Path<String>,
    Post(ctx, Person { session, .. }, _): Post<Person>,
) -> Response {
    cancel(ctx, session, id, "/home").await
}

/// Her home page's notices: a reset of her safe in progress (with a cancel button), and a
/// printed code that no longer works (with the way to a new sheet).
pub(super) async fn her_notices(ctx: &Ctx, session: &Session) -> Markup {
    let (reset, sheet_due) = match ctx.state.app.reset_notice(session).await {
        Ok(v) => v,
        Err(e) => {
            tracing::warn!(error = %e, "reset notice unavailable");
            (None, false)
        }
    };
    html! {
        @if let Some(r) = reset {
            div.notice.error role="alert" id="reset-notice" {
                p { (ctx.ta("notice-reset-started", &[("structure", r.structure.name.clone().into()), ("date", ctx.moment_zoned(&r.started_at).into())])) }
                @if r.status == "delayed" {
                    p { (ctx.ta("notice-reset-delayed", &[("date", ctx.moment_zoned(&r.usable_from).into())])) }
                }
                p { (ctx.t("notice-reset-not-you")) }
                form method="post" action={"/resets/" (r.id) "/cancel"} {
                    (ctx.csrf_field())
                    button.danger type="submit" { (icon("close")) " " (ctx.t("action-cancel-reset")) }
                }
            }
        }
        @if sheet_due {
            div.notice role="status" id="new-sheet-notice" {
                p { (ctx.t("notice-new-sheet")) }
                p { a.button.primary href="/recovery-sheet" { (icon("print")) " " (ctx.t("action-new-sheet")) } }
            }
        }
    }
}

/// GET only explains; the code is made by the form's POST.
async fn sheet_page(Page(ctx, _): Page<Person>) -> Response {
    ctx.page(
        &ctx.t("new-sheet-title"),
        html! {
            section.card.narrow {
                h1 { (icon("print")) " " (ctx.t("new-sheet-title")) }
                p { (ctx.t("new-sheet-text")) }
                form method="post" action="/recovery-sheet" {
                    (ctx.csrf_field())
                    button.primary type="submit" { (icon("print")) " " (ctx.t("action-new-sheet")) }
                }
                p { a href="/home" { (ctx.t("action-cancel")) } }
            }
        },
    )
}

async fn sheet_submit(Post(ctx, Person { session, .. }, _): Post<Person>) -> Response {
    match ctx.state.app.new_recovery_code(&session).await {
        Ok(sheet) => recovery_sheet(&ctx, &sheet, "/home"),
        Err(e @ ServiceError::Conflict("login_again")) => back_to(
            &ctx,
            Ctx::error_status(&e),
            &ctx.t("new-sheet-title"),
            ctx.t("new-sheet-login-again"),
            "/home",
        ),
        Err(e) => ctx.error_page(&e),
    }
}

/// Set or change the number; a second form removes it (an empty number removes it too).
fn phone_form(ctx: &Ctx, action: &str, current: Option<&str>) -> Markup {
    html! {
        form method="post" action=(action) {
            (ctx.csrf_field())
            label for="phone-number" { (ctx.t("field-phone")) }
            p.hint id="phone-hint" { (ctx.t("phone-hint")) }
            input id="phone-number" name="phone" type="tel" autocomplete="off" dir="ltr" value=(current.unwrap_or_default()) aria-describedby="phone-hint";
            button.primary type="submit" { (ctx.t("action-save")) }
        }
        @if current.is_some() {
            form method="post" action=(action) {
                (ctx.csrf_field())
                input type="hidden" name="phone" value="";
                button.danger-outline type="submit" { (ctx.t("phone-remove")) }
            }
        }
    }
}

/// Her phone number, for reminders and security notices (empty removes it).
async fn phone_page(Page(ctx, Person { session, bid }): Page<Person>) -> Response {
    match ctx.state.app.beneficiary_profile(&session, &bid).await {
        Ok(p) => ctx.page(
            &ctx.t("phone-title"),
            html! {
                section.card.narrow {
                    h1 { (icon("phone")) " " (ctx.t("phone-title")) }
                    p { (ctx.t("phone-text")) }
                    p { (phone_status(&ctx, p.phone.as_deref())) }
                    (phone_form(&ctx, "/phone", p.phone.as_deref()))
                    p { a href="/settings" { (ctx.t("action-cancel")) } }
                }
            },
        ),
        Err(e) => ctx.error_page(&e),
    }
}

/// The number on file, or that there is none (then no SMS reminder can be sent).
pub(super) fn phone_status(ctx: &Ctx, current: Option<&str>) -> Markup {
    html! {
        @match current {
            Some(p) => { (ctx.t("phone-current")) " " strong dir="ltr" { (p) } }
            None => { strong { (ctx.t("phone-none")) } }
        }
    }
}

/// The phone form on a person's file, for her relais.
pub(super) fn pro_phone_form(ctx: &Ctx, bid: &BeneficiaryId, current: Option<&str>) -> Markup {
    html! {
        details id="phone" {
            summary { (icon("phone")) " " (ctx.t("phone-title")) }
            p.hint { (ctx.t("phone-pro-text")) }
            (phone_form(ctx, &format!("/pro/b/{bid}/phone"), current))
        }
    }
}

/// Her phone number, from her settings or from her file at a relais of hers.
async fn save_phone(
    ctx: Ctx,
    session: Session,
    bid: BeneficiaryId,
    form: PhoneForm,
    back: String,
) -> Response {
    let phone = Some(form.phone.trim()).filter(|p| !p.is_empty());
    match ctx.state.app.set_phone(&session, &bid, phone).await {
        Ok(()) => Redirect::to(&back).into_response(),
        Err(e @ ServiceError::Invalid(_)) => back_to(
            &ctx,
            Ctx::error_status(&e),
            &ctx.t("phone-title"),
            ctx.error_text(&e),
            &back,
        ),
        Err(e) => ctx.error_page(&e),
    }
}

async fn her_phone_submit(
    Post(ctx, Person { session, bid }, form): Post<Person, PhoneForm>,
) -> Response {
    save_phone(ctx, session, bid, form, "/settings".into()).await
}

async fn pro_phone_submit(
    Path(bid): Path<String>,
    Post(ctx, Professional(session), form): Post<Professional, PhoneForm>,
) -> Response {
    let back = format!("/pro/b/{bid}");
    let Ok(bid) = BeneficiaryId::parse(&bid) else {
        return ctx.not_found();
    };
    save_phone(ctx, session, bid, form, back).await
}

/// The recovery sheet to print: at opening (back to `/pro`), or her new one (back to `/home`).
/// It is printed in her language, with French beside it when hers is another (the people at
/// a counter read French); what is the same in every language (her identifier and code, the
/// site's address and its QR code to the login page, her recovery relais and their phone
/// numbers) is printed once, with labels in both.
pub(super) fn recovery_sheet(ctx: &Ctx, opened: &OpenedSafe, back: &str) -> Response {
    let catalogs = ctx.state.catalogs.clone();
    let hers = Locale::new(catalogs.clone(), &opened.language);
    let french = (hers.lang != "fr").then(|| Locale::new(catalogs, "fr"));
    let public = ctx.state.app.config.public_url.trim_end_matches('/');
    let login_url = format!("{public}/login");
    // The address as people type it: browsers add `https://` themselves.
    let address = public.strip_prefix("https://").unwrap_or(public);
    let made = crate::clock::rfc3339(ctx.state.app.now());
    let both = |id: &str| {
        html! {
            (hers.t(id))
            @if let Some(fr) = &french { " " span.fr lang="fr" dir="ltr" { (fr.t(id)) } }
        }
    };
    let steps = |l: &Locale| {
        html! {
            section.sheet-text lang=(l.lang) dir=(l.dir()) {
                h2 { (l.t("sheet-lost-title")) }
                ol {
                    li { (l.ta("sheet-lost-1", &[("address", address.into()), ("forgot", l.t("login-forgot").into())])) }
                    li { (l.t("sheet-lost-2")) }
                    li { (l.t("sheet-lost-3")) }
                }
                p.hint { (l.t("sheet-keep")) }
                p.hint.sheet-made { (l.ta("sheet-made", &[("date", ctx.moment_zoned_in(l, &made).into())])) }
            }
        }
    };
    ctx.page(&ctx.t("sheet-title"), html! {
        article.sheet lang=(hers.lang) dir=(hers.dir()) {
            h1 { (icon("safe")) " " (both("sheet-title")) }
            p.sheet-name { (opened.display_name) }
            div.sheet-top {
                dl.sheet-values {
                    dt { (both("sheet-identifier")) }
                    dd { code.big dir="ltr" id="sheet-identifier" { (opened.identifier) } }
                    dt { (both("sheet-recovery-code")) }
                    dd { code.big dir="ltr" id="sheet-recovery-code" { (opened.recovery_code) } }
                    dt { (both("sheet-address")) }
                    dd { code dir="ltr" id="sheet-address" { (address) } }
                    @if !opened.recovery_relays.is_empty() {
                        dt { (both("sheet-relay")) }
                        @for r in &opened.recovery_relays {
                            dd.sheet-relay {
                                strong { (r.name) }
                                @if let Some(phone) = &r.phone { " · " (icon("phone")) " " span.nowrap dir="ltr" { (super::phone_display(phone)) } }
                            }
                        }
                    }
                }
                figure.sheet-qr {
                    div.qr id="sheet-qr" role="img" aria-label=(hers.t("sheet-qr-label")) { (super::raw(&super::auth::qr_svg(&login_url))) }
                    figcaption.hint { (both("sheet-qr-label")) }
                }
            }
            @if let Some(n) = Identifier::homonym_number(&opened.identifier) {
                @let number = format!("-{n}");
                p.sheet-homonym id="sheet-homonym" {
                    strong { (hers.ta("sheet-homonym", &[("number", number.clone().into())])) }
                    @if let Some(fr) = &french { " " span.fr lang="fr" dir="ltr" { (fr.ta("sheet-homonym", &[("number", number.into())])) } }
                }
            }
            div.sheet-texts {
                (steps(&hers))
                @if let Some(fr) = &french { (steps(fr)) }
            }
        }
        @if let Some(p) = &opened.passphrase {
            section.card.no-print {
                h2 { (icon("key")) " " (ctx.t("sheet-passphrase-title")) }
                p { (ctx.t("sheet-passphrase-text")) }
                p.code-box { code.big id="sheet-passphrase" { (p) } }
            }
        }
        div.actions.no-print {
            button.js-print.primary type="button" hidden { (icon("print")) " " (ctx.t("action-print")) }
            p.hint.no-js-only { (ctx.t("sheet-print-hint")) }
            a.button href=(back) { (ctx.t("action-done")) }
        }
    })
}
