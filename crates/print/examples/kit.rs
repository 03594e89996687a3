//! Writes the kit in the given languages, with the words of the application's catalogues
//! (`src/i18n/<lang>.ftl`, the `kit-*` messages), to a folder, to look at while designing:
//! `cargo run -p consigne-print --example kit -- /tmp/kit fr ar ps`.

use consigne_print::{Contact, KitTexts, PosterSize, cards, flyer, poster};
use std::collections::HashMap;

fn texts(lang: &str) -> Result<KitTexts, Box<dyn std::error::Error>> {
    let path = format!("{}/../../src/i18n/{lang}.ftl", env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(path)?;
    let m: HashMap<&str, &str> = source
        .lines()
        .filter_map(|l| l.split_once(" = "))
        .filter(|(k, _)| k.starts_with("kit-"))
        .collect();
    let t = |id: &str| m.get(id).copied().unwrap_or(id).to_owned();
    let url = "https://consigne.example.org/login";
    Ok(KitTexts {
        lang: lang.into(),
        rtl: matches!(lang, "ar" | "prs" | "ps"),
        doc_title: "Consigne".into(),
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
        login_address: url.trim_start_matches("https://").into(),
        login_url: url.into(),
        ask_here: t("kit-ask-here"),
        phone_label: t("kit-phone"),
        email_label: t("kit-email"),
        structure: Contact {
            name: "Accueil de jour Les Tilleuls".into(),
            address: vec!["12 rue des Tilleuls".into(), "93100 Montreuil".into()],
            phone: Some("01 23 45 67 89".into()),
            email: Some("accueil@tilleuls.example".into()),
        },
        help: t("kit-help"),
        card_tagline: t("kit-card-tagline"),
        card_identifier: t("kit-card-identifier"),
        card_relay: t("kit-card-relay"),
    })
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "kit".into());
    std::fs::create_dir_all(&dir)?;
    for lang in args {
        let t = texts(&lang)?;
        std::fs::write(
            format!("{dir}/poster-{lang}.pdf"),
            poster(&t, PosterSize::A4)?,
        )?;
        std::fs::write(format!("{dir}/flyer-{lang}.pdf"), flyer(&t)?)?;
        std::fs::write(format!("{dir}/card-{lang}.pdf"), cards(&t)?)?;
    }
    Ok(())
}
