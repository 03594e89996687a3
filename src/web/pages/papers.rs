//! What a paper is, on the pages: the choice of its type with the end date beside it (asked
//! for the papers that expire), the pictogram and label that show a type in the lists, and the
//! prompt to add the end date of a paper that has none.

use super::{Ctx, icons::icon};
use crate::domain::DocumentType;
use crate::service::DocumentView;
use maud::{Markup, html};

/// The type of the paper and its end date, for a form (`id`: a prefix for the fields' ids).
/// Without JavaScript the date is always there, with a hint that says which papers have one
/// (or, for a type that expires, that this one has); `app.js` highlights it when the chosen
/// type expires.
pub(super) fn paper_fields(
    ctx: &Ctx,
    id: &str,
    selected: DocumentType,
    expires_on: Option<&str>,
) -> Markup {
    let asked = selected.expires() && expires_on.is_none();
    html! {
        div.paper-fields {
            label for={(id) "-type"} { (ctx.t("field-type")) }
            select.paper-type id={(id) "-type"} name="type" {
                @for t in DocumentType::ALL {
                    option value=(t.as_str()) selected[t == selected] data-expires=[t.expires().then_some("true")] { (ctx.t(&t.label_id())) }
                }
            }
            div.expiry.asked[asked] {
                label for={(id) "-expires"} { (icon("bell")) " " (ctx.t("doc-expiry")) " " span.hint { (ctx.t("optional")) } }
                p.hint id={(id) "-expires-hint"} {
                    @if selected.expires() {
                        (ctx.ta("doc-expiry-asked", &[("type", ctx.t(&selected.label_id()).into())]))
                    } @else {
                        (ctx.t("doc-expiry-hint"))
                    }
                }
                input id={(id) "-expires"} name="expires_on" type="date" value=(expires_on.unwrap_or_default()) aria-describedby={(id) "-expires-hint"};
            }
        }
    }
}

/// A document's type as a list shows it: its pictogram and its label (read aloud too).
pub(super) fn paper_badge(ctx: &Ctx, doc: &DocumentView) -> Markup {
    html! {
        span.paper data-type=(doc.doc_type.as_str()) {
            (icon(doc.doc_type.pictogram()))
            span { (ctx.t(&doc.doc_type.label_id())) }
        }
    }
}

/// On her document's page: a paper that normally expires and has no end date yet asks for it
/// (the link goes to the date in the form below).
pub(super) fn expiry_prompt(ctx: &Ctx, doc: &DocumentView) -> Markup {
    html! {
        @if doc.doc_type.expires() && doc.expires_on.is_none() {
            div.notice.ask-expiry role="note" {
                p { (icon("bell")) " " (ctx.t("doc-expiry-prompt")) }
                p { a.button.primary href="#doc-expires" { (ctx.t("doc-expiry-prompt-action")) } }
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use crate::domain::DocumentType;
    use crate::i18n::{Catalogs, Locale, SUPPORTED};

    /// Every type has its label in every language, translated (not the English words).
    #[test]
    fn every_type_is_labelled_in_every_language() {
        let catalogs = Catalogs::load().unwrap();
        let en = Locale::new(catalogs.clone(), "en");
        for lang in SUPPORTED {
            let ids = Catalogs::ids(lang);
            let here = Locale::new(catalogs.clone(), lang);
            for t in DocumentType::ALL {
                let id = t.label_id();
                assert!(ids.contains(&id), "{lang}: {id}");
                if *lang != "en" {
                    assert_ne!(here.t(&id), en.t(&id), "{lang}: {id} is not translated");
                }
            }
        }
    }
}
