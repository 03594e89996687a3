//! A structure's printed kit (issue 17, item 3): a poster (A4 or A3), a flyer (A5) and a sheet
//! of pocket cards, in any interface language, for its members (and the operator) to print.
//! What they print is public: what Consigne is, the login page's address and its QR code, the
//! structure's name and contact (its profile: address, e-mail; its phone), where to find help.
//! Nothing of a person is read, so nothing is journaled. The layout is `consigne-print`'s; the
//! words come from the catalogues here.

use crate::domain::{InvalidInput, StructureId};
use crate::i18n::{Catalogs, Locale, SUPPORTED, is_rtl};
use crate::policy::{Action, Resource};
use crate::service::access::allow;
use crate::service::features::{Feature, ensure_feature};
use crate::service::{App, ServiceError, ServiceResult, Session};
use crate::store::{profiles, structures};
use consigne_print::{Contact, KitTexts, PosterSize};
use std::sync::Arc;

/// One of the kit's documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KitDocument {
    Poster(PosterSize),
    Flyer,
    Cards,
}

impl KitDocument {
    /// The document named in a path (`poster.pdf`, `flyer.pdf`, `card.pdf`) with the poster's
    /// paper (`a4`, the default, or `a3`); `None` for any other name.
    pub fn parse(file: &str, size: Option<&str>) -> Result<Option<Self>, InvalidInput> {
        let size = match size.map(str::trim) {
            None | Some("" | "a4") => PosterSize::A4,
            Some("a3") => PosterSize::A3,
            Some(_) => return Err(InvalidInput::new("size", "unknown_size")),
        };
        Ok(match file {
            "poster.pdf" => Some(Self::Poster(size)),
            "flyer.pdf" => Some(Self::Flyer),
            "card.pdf" => Some(Self::Cards),
            _ => None,
        })
    }

    /// The file name it downloads as.
    pub fn file_name(self, lang: &str) -> String {
        match self {
            Self::Poster(PosterSize::A4) => format!("consigne-poster-a4-{lang}.pdf"),
            Self::Poster(PosterSize::A3) => format!("consigne-poster-a3-{lang}.pdf"),
            Self::Flyer => format!("consigne-flyer-{lang}.pdf"),
            Self::Cards => format!("consigne-cards-{lang}.pdf"),
        }
    }

    fn title_id(self) -> &'static str {
        match self {
            Self::Poster(_) => "kit-poster",
            Self::Flyer => "kit-flyer",
            Self::Cards => "kit-cards",
        }
    }
}

/// The language asked for, if the interface has it.
pub fn kit_language(lang: &str) -> Result<&'static str, InvalidInput> {
    SUPPORTED
        .iter()
        .find(|l| **l == lang)
        .copied()
        .ok_or_else(|| InvalidInput::new("lang", "unsupported_language"))
}

/// The structure as the kit prints it (its members and the operator: `Action::PrintKit`).
pub async fn kit_structure(
    app: &App,
    session: &Session,
    sid: &StructureId,
) -> ServiceResult<Contact> {
    allow(session, Action::PrintKit, Resource::Structure { id: sid })?;
    ensure_feature(app, Feature::Kit, sid).await?;
    let sid = sid.clone();
    app.read(move |tx| {
        let s = structures::by_id(tx, &sid)?.ok_or(ServiceError::NotFound)?;
        let profile = profiles::by_structure(tx, &sid)?;
        Ok(Contact {
            name: s.name,
            address: profile
                .as_ref()
                .map(|p| p.postal_address.lines().map(str::to_owned).collect())
                .unwrap_or_default(),
            phone: s.phone,
            email: profile.and_then(|p| p.email),
        })
    })
    .await
}

/// The kit's words in `lang` around the structure's contact.
fn texts(app: &App, locale: &Locale, structure: Contact) -> KitTexts {
    let public = app.config.public_url.trim_end_matches('/');
    let login_url = format!("{public}/login");
    // The address as people type it: browsers add `https://` themselves.
    let login_address = login_url
        .strip_prefix("https://")
        .unwrap_or(&login_url)
        .to_owned();
    let t = |id: &str| locale.t(id);
    KitTexts {
        lang: locale.lang.to_owned(),
        rtl: is_rtl(locale.lang),
        doc_title: String::new(),
        title: t("kit-title"),
        points: [
            t("kit-point-safe"),
            t("kit-point-share"),
            t("kit-point-anywhere"),
        ],
        steps_title: t("kit-steps-title"),
        steps: [t("kit-step-1"), t("kit-step-2"), t("kit-step-3")],
        scan: t("kit-scan"),
        address_label: t("kit-address"),
        login_address,
        login_url,
        ask_here: t("kit-ask-here"),
        phone_label: t("kit-phone"),
        email_label: t("kit-email"),
        structure,
        help: t("kit-help"),
        card_tagline: t("kit-card-tagline"),
        card_identifier: t("kit-card-identifier"),
        card_relay: t("kit-card-relay"),
    }
}

/// One document of the kit of `sid` in `lang`, as PDF bytes.
pub async fn kit_pdf(
    app: &App,
    catalogs: Arc<Catalogs>,
    session: &Session,
    sid: &StructureId,
    document: KitDocument,
    lang: &str,
) -> ServiceResult<Vec<u8>> {
    let lang = kit_language(lang)?;
    let structure = kit_structure(app, session, sid).await?;
    let locale = Locale::new(catalogs, lang);
    let mut texts = texts(app, &locale, structure);
    texts.doc_title = locale.ta(
        document.title_id(),
        &[("structure", texts.structure.name.clone().into())],
    );
    // A few milliseconds of shaping and compressing: off the async workers all the same.
    tokio::task::spawn_blocking(move || match document {
        KitDocument::Poster(size) => consigne_print::poster(&texts, size),
        KitDocument::Flyer => consigne_print::flyer(&texts),
        KitDocument::Cards => consigne_print::cards(&texts),
    })
    .await
    .map_err(|_| ServiceError::Internal("kit task"))?
    .map_err(|_| ServiceError::Internal("kit pdf"))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn documents_and_sizes() {
        assert_eq!(
            KitDocument::parse("poster.pdf", None).unwrap(),
            Some(KitDocument::Poster(PosterSize::A4))
        );
        assert_eq!(
            KitDocument::parse("poster.pdf", Some("a3")).unwrap(),
            Some(KitDocument::Poster(PosterSize::A3))
        );
        assert_eq!(
            KitDocument::parse("card.pdf", None).unwrap(),
            Some(KitDocument::Cards)
        );
        assert_eq!(KitDocument::parse("leaflet.pdf", None).unwrap(), None);
        assert_eq!(
            KitDocument::parse("poster.pdf", Some("a0"))
                .unwrap_err()
                .field,
            "size"
        );
        assert_eq!(kit_language("xx").unwrap_err().field, "lang");
        assert_eq!(kit_language("ar").unwrap(), "ar");
    }
}
