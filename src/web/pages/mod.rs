//! Server-rendered pages: mobile-first, plain forms that work without JavaScript, every string
//! from the catalogue, `lang`/`dir` from the language.

mod admin;
mod auth;
mod calendar;
mod casefile;
mod certification;
mod clients;
mod documents;
mod followups;
mod guards;
mod guide;
mod household;
mod icons;
mod imports;
mod incoming;
mod kit;
mod links;
mod messages;
mod news;
mod notices;
mod operations;
mod organizer;
mod papers;
mod person;
mod pro;
mod procedures;
mod proofs;
mod question;
mod resets;
mod rights;
mod scan;
mod stats;
mod team;
mod terms;
mod usage;

use super::AppState;
use super::error::classify;
use super::extract::LANG_COOKIE;
use crate::domain::AccountKind;
use crate::i18n::{SUPPORTED, native_name};
use crate::service::{Page as ListPage, PageNumber, ServiceError, Session, Stage};
use axum::Router;
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use maud::{DOCTYPE, Markup, PreEscaped, html};

pub use notices::Notice;

pub(crate) use auth::qr_svg;
pub use guards::{
    Account, CheckedParts, Ctx, Fields, Leaving, NoFields, OnboardingPerson, Page, Person,
    PlatformAdmin, Post, Professional, Reader, Refused, Scanner, SecondFactor, Signed, Staff,
    Upload, Visitor,
};
pub(crate) use terms::sections as terms_sections;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/static/app.css",
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
                    include_str!("../static/app.css"),
                )
            }),
        )
        .route(
            "/static/app.js",
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
                    include_str!("../static/app.js"),
                )
            }),
        )
        .route("/favicon.ico", get(|| async { StatusCode::NO_CONTENT }))
        .merge(auth::router())
        .merge(documents::router())
        .merge(scan::router())
        .merge(calendar::router())
        .merge(organizer::router())
        .merge(person::router())
        .merge(pro::router())
        .merge(team::router())
        .merge(resets::router())
        .merge(admin::router())
        .merge(operations::router())
        .merge(casefile::router())
        .merge(stats::router())
        .merge(followups::router())
        .merge(household::router())
        .merge(rights::router())
        .merge(procedures::router())
        .merge(proofs::router())
        .merge(certification::router())
        .merge(links::router())
        .merge(kit::router())
        .merge(news::router())
        .merge(messages::router())
        .merge(question::router())
        .merge(terms::router())
        .merge(guide::router())
        .merge(usage::router())
        .merge(clients::router())
        .merge(imports::router())
}

impl Ctx {
    pub fn t(&self, id: &str) -> String {
        self.locale.t(id)
    }

    /// A message with arguments.
    pub fn ta(&self, id: &str, args: &[(&str, fluent_bundle::FluentValue<'_>)]) -> String {
        self.locale.ta(id, args)
    }

    pub fn page(&self, title: &str, body: Markup) -> Response {
        self.render(StatusCode::OK, title, body)
    }

    /// A short, translated message that says what to do.
    pub fn error_text(&self, e: &ServiceError) -> String {
        match e {
            ServiceError::Throttled { retry_after } => {
                let minutes = (retry_after + 59) / 60;
                self.locale
                    .ta("error-throttled", &[("minutes", minutes.into())])
            }
            ServiceError::WeakPassword(r) => {
                self.t(&format!("error-{}", r.code().replace('_', "-")))
            }
            ServiceError::Invalid(i) => {
                format!(
                    "{} {}",
                    self.t(&format!("field-{}", i.field.replace('_', "-"))),
                    self.t(&format!("error-input-{}", i.code.replace('_', "-")))
                )
            }
            ServiceError::TooLarge("too_many_pixels") => self.ta(
                "error-image-too-large",
                &[("max", self.state.app.config.media.max_megapixels.into())],
            ),
            ServiceError::TooLarge("pdf_too_complex") => self.t("error-pdf-too-complex"),
            ServiceError::TooLarge(
                code @ ("file_too_large" | "photo_too_large" | "scan_too_large"),
            ) => {
                let storage = &self.state.app.config.storage;
                let (id, max) = match *code {
                    "photo_too_large" => ("error-photo-too-large", storage.in_memory_mb),
                    "scan_too_large" => ("error-scan-too-large", storage.in_memory_mb),
                    _ => ("error-file-too-large", storage.max_file_mb),
                };
                self.ta(id, &[("max", max.into())])
            }
            ServiceError::UnsupportedType("pdf-active-content") => self.ta(
                "error-pdf-not-checkable",
                &[("max", self.state.app.config.storage.in_memory_mb.into())],
            ),
            other => {
                let (_, code) = classify(other);
                let id = match code {
                    "invalid_credentials" => "error-invalid-credentials",
                    "totp_required" | "wrong_code" => "error-wrong-code",
                    "not_found" => "error-not-found",
                    "forbidden" => "error-forbidden",
                    "access_pending" => "error-access-pending-approval",
                    "account_deactivated" => "error-account-deactivated",
                    "licence_lapsed" => "error-licence-lapsed",
                    "feature_off" => "error-feature-off",
                    "last_key_holder" => "error-last-key-holder",
                    "not_pending" => "error-member-not-pending",
                    "key_not_held" => "error-key-not-held",
                    "consent_required" => "error-consent",
                    "email_taken" => "error-email-taken",
                    "unsupported_type" => "error-unsupported-type",
                    "too_many_files" => "error-too-many-files",
                    "field_too_long" => "error-field-too-long",
                    "quota_exceeded" => "error-quota",
                    "folder_cycle" => "error-folder-cycle",
                    "already_linked" | "already_accepted" => "error-household-exists",
                    "storage_full" => "error-storage-full",
                    "profile_missing" => "error-profile-missing",
                    "not_a_shelter" => "error-not-a-shelter",
                    "not_a_domiciliation_body" => "error-not-a-domiciliation-body",
                    "unauthenticated" => "error-session-expired",
                    "thread_closed" => "error-thread-closed",
                    "terms_version" => "error-terms-version",
                    _ => "error-internal",
                };
                self.t(id)
            }
        }
    }

    /// The status a page shows for a service error (never a 5xx for bad input).
    pub fn error_status(e: &ServiceError) -> StatusCode {
        classify(e).0
    }

    pub fn error_page(&self, e: &ServiceError) -> Response {
        let status = Self::error_status(e);
        if status.is_server_error() {
            tracing::error!(error = %e, "page failed");
        }
        if matches!(e, ServiceError::NotFound) {
            return self.not_found();
        }
        self.render(
            status,
            &self.t("error-title"),
            html! {
                div.notice.error role="alert" { p { (self.error_text(e)) } }
                p { a.button href="/" { (self.t("action-back-home")) } }
            },
        )
    }

    pub fn not_found(&self) -> Response {
        self.render(
            StatusCode::NOT_FOUND,
            &self.t("not-found-title"),
            html! {
                h1 { (self.t("not-found-title")) }
                p { (self.t("not-found-text")) }
                p { a.button href="/" { (self.t("action-back-home")) } }
            },
        )
    }

    /// A form without this site's token (expired, or sent from elsewhere): nothing was done.
    pub fn bad_form(&self) -> Response {
        self.render_bad_form(StatusCode::FORBIDDEN)
    }

    /// The same page for a form that cannot be read.
    pub fn render_bad_form(&self, status: StatusCode) -> Response {
        self.render(
            status,
            &self.t("error-title"),
            html! {
                div.notice.error role="alert" { p { (self.t("error-form-expired")) } }
                p { a.button href="/" { (self.t("action-back-home")) } }
            },
        )
    }

    /// Where a logged-in account starts.
    pub fn home_path(session: &Session) -> &'static str {
        match (session.kind, session.stage) {
            (_, Stage::TotpPending) => "/login/totp",
            (_, Stage::EnrollTotp) => "/totp/enroll",
            (AccountKind::Beneficiary, _) if session.keys.onboarding.terms_pending => "/terms",
            (AccountKind::Beneficiary, _) if session.keys.onboarding.guide_pending => "/guide",
            (AccountKind::Beneficiary, _) => "/home",
            (AccountKind::PlatformAdmin, _) => "/admin",
            (AccountKind::Professional, _) => "/pro",
        }
    }
}

pub fn not_found_page(state: &AppState, req: &Request) -> Response {
    Ctx::anonymous(state, req.headers()).not_found()
}

fn layout(ctx: &Ctx, title: &str, body: Markup) -> Markup {
    let lang = ctx.locale.lang;
    html! {
        (DOCTYPE)
        html lang=(lang) dir=(ctx.locale.dir()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="referrer" content="no-referrer";
                title { (title) " · Consigne" }
                link rel="stylesheet" href="/static/app.css";
                script src="/static/app.js" defer {}
            }
            // The reading aid's label, "%s" standing for the text read (app.js makes the buttons).
            body data-read-aloud=(ctx.ta("read-aloud", &[("text", "%s".into())])) {
                a.skip href="#main" { (ctx.t("skip-to-content")) }
                // The demo banner sits inside the banner landmark, so that no content is outside one.
                header.site {
                    div.top {
                        a.brand href="/" { (icons::icon("safe")) span { "Consigne" } }
                        div.top-actions {
                            form.lang method="post" action="/language" {
                                (ctx.csrf_field())
                                @if let Some(here) = ctx.here.as_deref().and_then(local_path) {
                                    input type="hidden" name="next" value=(here);
                                }
                                label for="language-picker" { (icons::icon("language")) span.visually-hidden { (ctx.t("language-label")) } }
                                select id="language-picker" name="language" {
                                    @for code in SUPPORTED {
                                        option value=(code) lang=(code) selected[*code == lang] { (native_name(code)) }
                                    }
                                }
                                button.small.lang-ok type="submit" { (icons::icon("check")) span { (ctx.t("action-change-language")) } }
                            }
                            @if ctx.fully_signed_in() {
                                a.button.small.account href="/settings" { (icons::icon("settings")) span.visually-hidden { (ctx.t("section-settings")) } }
                            }
                            @if ctx.signed_in() {
                                form method="post" action="/logout" {
                                    (ctx.csrf_field())
                                    button.small.logout type="submit" { (icons::icon("logout")) span { (ctx.t("action-logout")) } }
                                }
                            }
                        }
                    }
                    @if ctx.state.app.demo {
                        p.demo-banner role="note" { (ctx.t("demo-banner")) }
                    }
                }
                main id="main" { (body) }
                footer.bottom {
                    p { (ctx.t("footer-text")) }
                    p { a href="/terms" { (ctx.t("footer-terms")) } }
                }
            }
        }
    }
}

/// Small helpers shared by the page modules.
/// The Fluent id naming a kind of structure.
pub fn structure_kind_label(kind: crate::domain::StructureKind) -> &'static str {
    match kind {
        crate::domain::StructureKind::Relay => "structure-kind-relay",
        crate::domain::StructureKind::Mediation => "structure-kind-mediation",
    }
}

/// `2026-05` as `05/2026`.
fn month_text(month: &str) -> String {
    match month.split_once('-') {
        Some((y, m)) => format!("{m}/{y}"),
        None => month.to_owned(),
    }
}

/// A procedure's name in the page's language (its code when unknown).
fn procedure_name(ctx: &Ctx, code: &str) -> String {
    match crate::domain::procedures::procedure(code) {
        Ok(def) => ctx.t(&def.label_id()),
        Err(_) => code.to_owned(),
    }
}

/// The title of a benefit simulation in lists and her journal ("simulation of 05/2026").
fn simulation_title(l: &crate::i18n::Locale, month: &str) -> String {
    l.ta("simulation-title", &[("month", month_text(month).into())])
}

pub fn field_error(msg: &Option<String>) -> Markup {
    html! {
        @if let Some(m) = msg {
            div.notice.error role="alert" { p { (m) } }
        }
    }
}

/// A password field and its "show the password" box.
#[derive(Debug, Clone, Copy)]
pub struct PasswordField<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// `current-password` or `new-password`.
    pub autocomplete: &'a str,
    /// The id of the hint that describes it.
    pub hint: Option<&'a str>,
    pub required: bool,
    /// A new password: at least 8 characters.
    pub new: bool,
}

impl Ctx {
    /// A password field with a "show the password" box that works without JavaScript: the
    /// field is a text field whose characters CSS hides (`-webkit-text-security`, which every
    /// current browser knows) until the box is ticked (`:has(:checked)`); nothing goes to the
    /// server to show it, and `autocomplete="off"` keeps the browser from remembering what was
    /// typed. app.js makes it a real password field (the browser's own protections, its
    /// password manager through `data-autocomplete`) whose type the box switches.
    pub fn password_field(&self, f: PasswordField<'_>) -> Markup {
        let show = format!("{}-show", f.id);
        html! {
            div.pw-field {
                input.pw id=(f.id) name=(f.name) type="text" autocomplete="off" data-autocomplete=(f.autocomplete) autocapitalize="none" autocorrect="off" spellcheck="false" required[f.required] minlength=[f.new.then_some("8")] aria-describedby=[f.hint];
                div.choice.pw-toggle {
                    input.pw-show id=(show) type="checkbox" aria-controls=(f.id);
                    label for=(show) { (self.t("password-show")) }
                }
            }
        }
    }
}

/// A phone number as people read it aloud: a French ten-digit number in pairs
/// (`01 99 00 12 34`); any other as stored.
pub fn phone_display(phone: &str) -> String {
    if phone.len() == 10 && phone.starts_with('0') && phone.bytes().all(|b| b.is_ascii_digit()) {
        let pairs: Vec<&str> = (0..5).filter_map(|i| phone.get(2 * i..2 * i + 2)).collect();
        pairs.join(" ")
    } else {
        phone.to_owned()
    }
}

pub fn raw(s: &str) -> PreEscaped<String> {
    PreEscaped(s.to_owned())
}

pub fn language_options(ctx: &Ctx, selected: &str) -> Markup {
    html! {
        @for code in SUPPORTED {
            option value=(code) lang=(code) selected[*code == selected] { (native_name(code)) }
        }
        @if false { (ctx.t("language-label")) }
    }
}

/// `POST /language`: remembered in a cookie, and on the account when logged in.
pub async fn change_language(
    Post(ctx, Visitor(session), form): Post<Visitor, LanguageForm>,
) -> Response {
    let Ok(lang) = crate::domain::Language::parse(&form.language) else {
        return ctx.bad_form();
    };
    if let Some(s) = &session
        && s.stage == Stage::Full
        && let Err(e) = ctx.state.app.set_language(s, lang.code()).await
    {
        return ctx.error_page(&e);
    }
    // Back where she was: a path of this site only (never an address elsewhere).
    let back =
        local_path(&form.next).unwrap_or_else(|| session.as_ref().map_or("/login", Ctx::home_path));
    let mut res = Redirect::to(back).into_response();
    ctx.add_cookie(&mut res, LANG_COOKIE, lang.code(), Some(365 * 24 * 3600));
    res
}

#[derive(Debug, serde::Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    language: String,
    /// The page the picker was on (`Ctx::here`).
    #[serde(default)]
    next: String,
}

/// `raw` when it is a path of this site that a redirect may go to: it starts with one `/`
/// (`//host` and `/\host` name another site to browsers), holds no backslash, control
/// character or space, and is not absurdly long. Anything else is refused (`None`): the
/// picker never sends anyone elsewhere.
pub fn local_path(raw: &str) -> Option<&str> {
    let rest = raw.strip_prefix('/')?;
    let ok = raw.len() <= 1024
        && !rest.starts_with(['/', '\\'])
        && !raw
            .chars()
            .any(|c| c == '\\' || c.is_control() || c.is_whitespace())
        && !raw.starts_with("/language");
    ok.then_some(raw)
}

/// Times as pages show them: local (the platform's time zone), to the minute, through
/// `clock::local`; the zone is told where it matters (slips, printed papers, the journal).
impl Ctx {
    fn zone(&self) -> jiff::tz::TimeZone {
        crate::clock::zone(&self.state.app.config.reminders.time_zone)
    }

    fn local(&self, at: &str) -> Option<crate::clock::LocalTime> {
        crate::clock::local_rfc3339(&self.zone(), at)
    }

    /// `DD/MM/YYYY HH:MM` of an RFC 3339 moment, in local time.
    pub fn moment(&self, at: &str) -> String {
        match self.local(at) {
            Some(l) => format!("{} {}", crate::clock::day_first(&l.date), l.time),
            None => at.to_owned(),
        }
    }

    /// The same, saying the zone: `14/03/2027 04:57 (heure de Paris)`.
    pub fn moment_zoned(&self, at: &str) -> String {
        self.moment_zoned_in(&self.locale, at)
    }

    /// The same, the zone named in `locale` (a paper printed in her language).
    pub fn moment_zoned_in(&self, locale: &crate::i18n::Locale, at: &str) -> String {
        let city = crate::clock::zone_city(&self.state.app.config.reminders.time_zone);
        let zone = locale.ta("time-zone-name", &[("city", city.into())]);
        format!("{} ({zone})", self.moment(at))
    }

    /// The local date of a moment, `DD/MM/YYYY`.
    pub fn day_of(&self, at: &str) -> String {
        match self.local(at) {
            Some(l) => crate::clock::day_first(&l.date),
            None => crate::clock::day_first(at),
        }
    }
}

/// Lists by the page: the page number asked, the links to the neighbouring pages.
impl Ctx {
    /// A list's page number from the query string, or the clear 400 page that refuses it.
    #[allow(clippy::result_large_err)]
    pub fn page_number(&self, raw: Option<&str>) -> Result<PageNumber, Response> {
        PageNumber::parse(raw).map_err(|e| {
            self.render(
                StatusCode::BAD_REQUEST,
                &self.t("error-title"),
                html! {
                    div.notice.error role="alert" { p { (self.error_text(&ServiceError::Invalid(e))) } }
                    p { a.button href="/" { (self.t("action-back-home")) } }
                },
            )
        })
    }

    /// "Previous" and "next" links of a paginated list: plain links, no JavaScript. `href`
    /// gives a page number's address.
    pub fn pager<T>(&self, page: &ListPage<T>, href: impl Fn(u32) -> String) -> Markup {
        html! {
            @if page.has_previous() || page.has_next {
                nav.pager aria-label=(self.t("pager-label")) {
                    @if page.has_previous() {
                        a.button rel="prev" href=(href(page.page - 1)) { (self.t("pager-previous")) }
                    }
                    span.pager-position { (self.locale.ta("pager-position", &[("page", i64::from(page.page).into())])) }
                    @if page.has_next {
                        a.button rel="next" href=(href(page.page + 1)) { (self.t("pager-next")) }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{local_path, phone_display};

    #[test]
    fn french_numbers_are_shown_in_pairs() {
        assert_eq!(phone_display("0199001234"), "01 99 00 12 34");
        assert_eq!(phone_display("+33199001234"), "+33199001234");
        assert_eq!(phone_display("115"), "115");
    }

    #[test]
    fn only_paths_of_this_site_are_places_to_go_back_to() {
        // An encoded line break is a path like any other: the server never decodes it back.
        for ok in [
            "/",
            "/home",
            "/documents?folder=abc&page=2",
            "/pro/b/1234",
            "/login",
            "/%0d%0aSet-Cookie:x",
        ] {
            assert_eq!(local_path(ok), Some(ok), "{ok}");
        }
        for bad in [
            "",
            "home",
            "https://evil.example/",
            "//evil.example/",
            "/\\evil.example/",
            "/\\/evil.example",
            "\\\\evil.example",
            "/ /evil.example",
            "/\t/evil.example",
            "/home\r\nLocation: https://evil.example",
            "/language",
            "javascript:alert(1)",
        ] {
            assert_eq!(local_path(bad), None, "{bad:?}");
        }
        assert_eq!(local_path(&format!("/{}", "a".repeat(2000))), None);
    }
}
