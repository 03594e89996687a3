//! Writes the kit in English, Arabic and Georgian sample texts to a folder, to look at:
//! `cargo run -p consigne-print --example kit -- /tmp/kit`.

use consigne_print::{Contact, KitTexts, PosterSize, cards, flyer, poster};

fn texts(lang: &str, rtl: bool, title: &str, point: &str) -> KitTexts {
    KitTexts {
        lang: lang.into(),
        rtl,
        doc_title: "Consigne".into(),
        title: title.into(),
        points: [point.into(), point.into(), point.into()],
        steps_title: title.into(),
        steps: [point.into(), point.into(), point.into()],
        scan: point.into(),
        address_label: title.into(),
        login_address: "https://consigne.example.org/login".into(),
        login_url: "https://consigne.example.org/login".into(),
        ask_here: title.into(),
        phone_label: "☎".into(),
        email_label: "@".into(),
        structure: Contact {
            name: "Accueil de jour Les Tilleuls".into(),
            address: vec!["12 rue des Tilleuls".into(), "93100 Montreuil".into()],
            phone: Some("01 23 45 67 89".into()),
            email: Some("accueil@tilleuls.example".into()),
        },
        help: point.into(),
        card_tagline: title.into(),
        card_identifier: title.into(),
        card_relay: title.into(),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "kit".into());
    std::fs::create_dir_all(&dir)?;
    let samples = [
        texts(
            "en",
            false,
            "Keep your papers safe, for free",
            "Share them with the structure that helps you (115).",
        ),
        texts(
            "ar",
            true,
            "احفظ أوراقك في أمان، مجانًا",
            "شاركها مع الجهة التي تساعدك (115).",
        ),
        texts(
            "ka",
            false,
            "შეინახეთ თქვენი საბუთები უსაფრთხოდ",
            "გაუზიარეთ ისინი ორგანიზაციას.",
        ),
    ];
    for t in samples {
        std::fs::write(
            format!("{dir}/poster-{}.pdf", t.lang),
            poster(&t, PosterSize::A4)?,
        )?;
        std::fs::write(format!("{dir}/flyer-{}.pdf", t.lang), flyer(&t)?)?;
        std::fs::write(format!("{dir}/card-{}.pdf", t.lang), cards(&t)?)?;
    }
    Ok(())
}
