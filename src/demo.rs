//! `consigne demo`: a small installation a newcomer can click through. Seeding is idempotent:
//! a second start reuses the data and prints the same logins.

use crate::domain::StructureId;
use crate::policy::Actor;
use crate::service::{
    App, LoginOutcome, LoginRequest, NewProfessional, NewSafe, NewStructure, ServiceError, Session,
};
use anyhow::Context;

#[derive(Debug, Clone)]
pub struct DemoLogin {
    pub role: &'static str,
    pub login: String,
    pub password: &'static str,
    pub note: String,
}

const ADMIN_EMAIL: &str = "admin@demo.consigne.example";
const ADMIN_PASSWORD: &str = "demo le gardien des clefs";
const PRO_EMAIL: &str = "claire.martin@tilleuls.demo.consigne.example";
const PRO_PASSWORD: &str = "demo claire ouvre des coffres";
const PRO2_EMAIL: &str = "yanis.haddad@ccas.demo.consigne.example";
const PRO2_PASSWORD: &str = "demo yanis accueille au ccas";
const PERSON_PASSWORD: &str = "soleil vert sur la colline";
const PERSON2_PASSWORD: &str = "green bicycle under the bridge";

async fn login(app: &App, identifier: &str, password: &str) -> anyhow::Result<Session> {
    let outcome = app
        .login(LoginRequest {
            identifier: identifier.into(),
            password: password.into(),
            totp: None,
            address: [127, 0, 0, 1].into(),
            allow_pending: false,
            language: None,
        })
        .await
        .map_err(|e| anyhow::anyhow!("demo login {identifier}: {e}"))?;
    match outcome {
        LoginOutcome::Full { session, .. } => {
            app.logout(&session).await.ok();
            Ok(*session)
        }
        LoginOutcome::TotpPending { .. } => {
            anyhow::bail!("demo login {identifier} asks for a code")
        }
    }
}

fn e(err: ServiceError) -> anyhow::Error {
    anyhow::anyhow!("{err}")
}

/// Creates the demo data unless it exists; returns the logins to print.
pub async fn seed(app: &App) -> anyhow::Result<Vec<DemoLogin>> {
    let already = app
        .tx(|tx| Ok(crate::store::accounts::count_platform_admins(tx)?))
        .await
        .map_err(e)?
        > 0;
    let mut logins = vec![
        DemoLogin {
            role: "platform admin",
            login: ADMIN_EMAIL.into(),
            password: ADMIN_PASSWORD,
            note: "registers structures".into(),
        },
        DemoLogin {
            role: "professional",
            login: PRO_EMAIL.into(),
            password: PRO_PASSWORD,
            note: "admin of Accueil de jour Les Tilleuls".into(),
        },
        DemoLogin {
            role: "professional",
            login: PRO2_EMAIL.into(),
            password: PRO2_PASSWORD,
            note: "CCAS de Montreuil (has invited Amina)".into(),
        },
    ];
    let people = if already {
        // The identifiers are sealed: read them back as the demo professional would.
        let pro = login(app, PRO_EMAIL, PRO_PASSWORD).await?;
        let sid = first_structure(&pro)?;
        let followed = app.list_followed(&pro, &sid).await.map_err(e)?;
        let mut ids = Vec::new();
        for p in followed {
            let profile = app.beneficiary_profile(&pro, &p.id).await.map_err(e)?;
            ids.push((profile.identifier, profile.first_name));
        }
        ids
    } else {
        create(app).await?
    };
    for (identifier, first_name) in people {
        let password = if first_name == "Amina" {
            PERSON_PASSWORD
        } else {
            PERSON2_PASSWORD
        };
        logins.push(DemoLogin {
            role: "beneficiary",
            login: identifier,
            password,
            note: format!("{first_name}'s safe"),
        });
    }
    Ok(logins)
}

fn first_structure(session: &Session) -> anyhow::Result<StructureId> {
    match &session.actor {
        Actor::Professional { memberships, .. } => memberships
            .first()
            .map(|m| m.structure_id.clone())
            .context("demo professional without structure"),
        _ => anyhow::bail!("not a professional"),
    }
}

async fn create(app: &App) -> anyhow::Result<Vec<(String, String)>> {
    // Demo accounts have no second factor (the demo relaxes it, with a banner on every page).
    app.create_platform_admin(ADMIN_EMAIL, "Équipe Consigne", ADMIN_PASSWORD, false)
        .await
        .map_err(e)?;
    let admin = login(app, ADMIN_EMAIL, ADMIN_PASSWORD).await?;
    let tilleuls = app
        .create_structure(
            &admin,
            NewStructure {
                name: "Accueil de jour Les Tilleuls".into(),
                kind: crate::domain::StructureKind::Relay.as_str().into(),
                city: Some("Montreuil".into()),
                // Numbers reserved for fiction (ARCEP): nobody answers them.
                phone: Some("01 99 00 12 34".into()),
                annual_budget_eur: Some(450_000),
            },
        )
        .await
        .map_err(e)?;
    let ccas = app
        .create_structure(
            &admin,
            NewStructure {
                name: "CCAS de Montreuil".into(),
                kind: crate::domain::StructureKind::Relay.as_str().into(),
                city: Some("Montreuil".into()),
                phone: Some("01 99 00 56 78".into()),
                annual_budget_eur: Some(2_000_000),
            },
        )
        .await
        .map_err(e)?;
    app.add_professional(
        &admin,
        &tilleuls.id,
        NewProfessional {
            display_name: "Claire Martin".into(),
            email: PRO_EMAIL.into(),
            password: PRO_PASSWORD.into(),
            role: "admin".into(),
        },
    )
    .await
    .map_err(e)?;
    app.add_professional(
        &admin,
        &ccas.id,
        NewProfessional {
            display_name: "Yanis Haddad".into(),
            email: PRO2_EMAIL.into(),
            password: PRO2_PASSWORD.into(),
            role: "admin".into(),
        },
    )
    .await
    .map_err(e)?;
    let pro = login(app, PRO_EMAIL, PRO_PASSWORD).await?;
    let amina = app
        .open_safe(
            &pro,
            &tilleuls.id,
            NewSafe {
                first_name: "Amina".into(),
                last_name: "Benali".into(),
                birth_date: "1990-02-14".into(),
                password: Some(PERSON_PASSWORD.into()),
                language: Some("fr".into()),
                phone: Some("06 12 34 56 78".into()),
                consent: Some(true),
                ..NewSafe::default()
            },
        )
        .await
        .map_err(e)?;
    let john = app
        .open_safe(
            &pro,
            &tilleuls.id,
            NewSafe {
                first_name: "John".into(),
                last_name: "Okafor".into(),
                birth_date: "1978-09-03".into(),
                password: Some(PERSON2_PASSWORD.into()),
                language: Some("en".into()),
                consent: Some(true),
                ..NewSafe::default()
            },
        )
        .await
        .map_err(e)?;
    // Some papers, added by Claire (so shared with Les Tilleuls, readable by the person too).
    for (who, name, text) in [
        (
            &amina.id,
            "Attestation de domiciliation",
            "Attestation de domiciliation - Accueil de jour Les Tilleuls (demonstration)",
        ),
        (
            &amina.id,
            "Notification CAF",
            "Notification de droits CAF (demonstration)",
        ),
        (
            &john.id,
            "Proof of address",
            "Proof of address - Accueil de jour Les Tilleuls (demonstration)",
        ),
    ] {
        let doc = crate::service::NewDocument {
            content: text_pdf(text).into(),
            file_name: Some("demo.pdf".into()),
            name: Some(name.into()),
            folder_id: None,
        };
        app.upload_document(&pro, who, doc).await.map_err(e)?;
    }
    // A family: Amina and her partner Karim linked their safes (she asked, he accepted), and
    // Amina noted her daughter Lina, who has no safe, and shows her to Les Tilleuls.
    let karim = app
        .open_safe(
            &pro,
            &tilleuls.id,
            NewSafe {
                first_name: "Karim".into(),
                last_name: "Benali".into(),
                birth_date: "1988-11-21".into(),
                password: Some(PERSON2_PASSWORD.into()),
                language: Some("fr".into()),
                consent: Some(true),
                ..NewSafe::default()
            },
        )
        .await
        .map_err(e)?;
    let amina_session = login(app, &amina.identifier, PERSON_PASSWORD).await?;
    app.ask_household_link(&amina_session, &amina.id, &karim.identifier, "partner")
        .await
        .map_err(e)?;
    let karim_session = login(app, &karim.identifier, PERSON2_PASSWORD).await?;
    let household = app.household(&karim_session, &karim.id).await.map_err(e)?;
    for link in &household.links {
        app.accept_household_link(&karim_session, &karim.id, &link.id)
            .await
            .map_err(e)?;
    }
    let lina = app
        .add_dependant(
            &amina_session,
            &amina.id,
            &crate::service::NewDependant {
                first_name: "Lina".into(),
                birth_date: "2019-03-04".into(),
                relation: "child".into(),
            },
        )
        .await
        .map_err(e)?;
    app.share_dependant(&amina_session, &amina.id, &lina.id, &tilleuls.id, true)
        .await
        .map_err(e)?;
    let pro2 = login(app, PRO2_EMAIL, PRO2_PASSWORD).await?;
    app.invite(&pro2, &ccas.id, &amina.identifier)
        .await
        .map_err(e)?;
    Ok(vec![
        (amina.identifier, "Amina".into()),
        (john.identifier, "John".into()),
    ])
}

/// A one-page PDF with a line of text (demo papers, and tests).
pub fn text_pdf(text: &str) -> Vec<u8> {
    let stream = format!("BT /F1 16 Tf 50 740 Td ({text}) Tj ET");
    pdf_of_objects(&[
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{stream}\nendstream", stream.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ])
}

/// A PDF of `objects` (numbered from 1, the first one the catalog), with its cross-reference
/// table at the right offsets.
pub fn pdf_of_objects(objects: &[String]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

pub fn describe(url: &str, logins: &[DemoLogin]) -> String {
    let mut out = format!(
        "\nConsigne demo is running at {url}\n(demo mode: professionals and admins log in without a second factor)\n\n"
    );
    for l in logins {
        out.push_str(&format!(
            "  {:<15} {:<48} password: {:<34} {}\n",
            l.role, l.login, l.password, l.note
        ));
    }
    out
}
