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
const PRO3_EMAIL: &str = "sofia.lopes@tilleuls.demo.consigne.example";
const PRO3_PASSWORD: &str = "demo sofia reprend le relais";
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
    seed_inner(app, None).await
}

/// [`seed`], and on first start a year of Les Tilleuls' work written at the dates it happened
/// (`clock` moved back, then to zero): what its statistics page shows over a year.
pub async fn seed_with_history(
    app: &App,
    clock: &crate::clock::ShiftedClock,
) -> anyhow::Result<Vec<DemoLogin>> {
    let done = seed_inner(app, Some(clock)).await;
    clock.shift_to(0);
    done
}

async fn seed_inner(
    app: &App,
    history: Option<&crate::clock::ShiftedClock>,
) -> anyhow::Result<Vec<DemoLogin>> {
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
        DemoLogin {
            role: "professional",
            login: PRO3_EMAIL.into(),
            password: PRO3_PASSWORD,
            note: "Les Tilleuls, Amina's referent since Claire handed her over".into(),
        },
    ];
    let people = if already {
        // The identifiers are sealed: read them back as the demo professional would.
        let pro = login(app, PRO_EMAIL, PRO_PASSWORD).await?;
        let sid = first_structure(&pro)?;
        let followed = app.list_followed(&pro, &sid).await.map_err(e)?;
        let mut ids = Vec::new();
        // The people of the tour; the year's other people have no login printed.
        for p in followed
            .into_iter()
            .filter(|p| ["Amina", "John"].contains(&p.first_name.as_str()))
        {
            let profile = app.beneficiary_profile(&pro, &p.id).await.map_err(e)?;
            ids.push((profile.identifier, profile.first_name));
        }
        ids
    } else {
        let people = create(app).await?;
        if let Some(clock) = history {
            a_year_of_work(app, clock).await?;
        }
        people
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
    // Signed conventions and licences covering this year and the next (issue 18): the demo
    // structures are not lapsed.
    let today = crate::clock::local(&crate::clock::zone("UTC"), app.now()).date;
    let year: i32 = today.get(..4).and_then(|y| y.parse().ok()).unwrap_or(2026);
    for (sid, budget) in [(&tilleuls.id, "450000"), (&ccas.id, "2000000")] {
        crate::service::licences::record_licence(
            app,
            &admin,
            sid,
            crate::service::licences::LicenceInput {
                starts_on: format!("{year}-01-01"),
                ends_on: format!("{}-12-31", year + 1),
                annual_budget_eur: budget.into(),
                convention: crate::service::licences::ConventionInput {
                    status: "signed".into(),
                    signed_on: Some(format!("{year}-01-01")),
                    signatories: Some("Équipe Consigne".into()),
                },
            },
        )
        .await
        .map_err(e)?;
    }
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
    // The demo's people have accepted the terms and seen the guide: logging in shows their home.
    for who in [&amina.id, &john.id] {
        crate::service::onboarding::onboarded(app, who)
            .await
            .map_err(e)?;
    }
    let mut caf = None;
    // Some papers, added by Claire (so shared with Les Tilleuls, readable by the person too).
    for (who, name, doc_type, text) in [
        (
            &amina.id,
            "Attestation de domiciliation",
            "domiciliation_certificate",
            "Attestation de domiciliation - Accueil de jour Les Tilleuls (demonstration)",
        ),
        (
            &amina.id,
            "Notification CAF",
            "caf_certificate",
            "Notification de droits CAF (demonstration)",
        ),
        (
            &john.id,
            "Proof of address",
            "proof_of_address",
            "Proof of address - Accueil de jour Les Tilleuls (demonstration)",
        ),
    ] {
        let doc = crate::service::NewDocument {
            content: text_pdf(text).into(),
            file_name: Some("demo.pdf".into()),
            name: Some(name.into()),
            folder_id: None,
        };
        let paper = crate::service::PaperDetails {
            doc_type: Some(doc_type.into()),
            expires_on: None,
            via: None,
        };
        let added = app.add_paper(&pro, who, doc, paper).await.map_err(e)?;
        if name == "Notification CAF" {
            caf = Some(added.id);
        }
    }
    case_file(app, &pro, &tilleuls.id, &amina.id).await?;
    followups(app, &pro, &tilleuls.id, &amina.id, caf).await?;
    // A post of Les Tilleuls on the home page of the people it follows, in French and Arabic.
    crate::service::news::post_news(
        app,
        &pro,
        &tilleuls.id,
        crate::service::news::NewsInput {
            text: "Atelier « vos droits » jeudi à 14 h. La permanence est fermée le 25 décembre."
                .into(),
            translations: Some(
                [(
                    "ar".to_owned(),
                    "ورشة «حقوقك» يوم الخميس الساعة 14. المكتب مغلق يوم 25 ديسمبر.".to_owned(),
                )]
                .into(),
            ),
            audience: None,
            days: Some(30),
        },
    )
    .await
    .map_err(e)?;
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
    crate::service::onboarding::onboarded(app, &karim.id)
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
    // The details their papers print (domiciliation cerfas): an approved association and a
    // CCAS, which needs no approval.
    let profile = |category: &str, address: &str, manager: (&str, &str), phone: &str| {
        crate::service::proofs::profile::ProfileInput {
            category: Some(category.into()),
            postal_address: address.into(),
            manager_name: manager.0.into(),
            manager_function: manager.1.into(),
            phone: Some(phone.into()),
            approval_number: (category == "association").then(|| "DOM-93-2025-017".into()),
            prefecture: (category == "association").then(|| "Seine-Saint-Denis".into()),
            ..Default::default()
        }
    };
    let tilleuls_profile = profile(
        "association",
        "12 rue des Tilleuls\n93100 Montreuil",
        ("Claire Martin", "Directrice"),
        "01 99 00 12 34",
    );
    crate::service::proofs::profile::set_profile(app, &pro, &tilleuls.id, &tilleuls_profile)
        .await
        .map_err(e)?;
    let ccas_profile = profile(
        "ccas",
        "Place Jean-Jaurès\n93100 Montreuil",
        ("Yanis Haddad", "Directeur"),
        "01 99 00 56 78",
    );
    crate::service::proofs::profile::set_profile(app, &pro2, &ccas.id, &ccas_profile)
        .await
        .map_err(e)?;
    app.invite(&pro2, &ccas.id, &amina.identifier)
        .await
        .map_err(e)?;
    Ok(vec![
        (amina.identifier, "Amina".into()),
        (john.identifier, "John".into()),
    ])
}

/// Amina's case file at Les Tilleuls: her situation as Claire recorded it, then her move to an
/// emergency shelter, and Claire handing her over to her colleague Sofia with a note.
async fn case_file(
    app: &App,
    claire: &Session,
    sid: &StructureId,
    amina: &crate::domain::BeneficiaryId,
) -> anyhow::Result<()> {
    let sofia = app
        .add_professional(
            claire,
            sid,
            NewProfessional {
                display_name: "Sofia Lopes".into(),
                email: PRO3_EMAIL.into(),
                password: PRO3_PASSWORD.into(),
                role: "member".into(),
            },
        )
        .await
        .map_err(e)?;
    let patch = |v: serde_json::Value| -> anyhow::Result<crate::service::CaseFilePatch> {
        Ok(serde_json::from_value(v)?)
    };
    let first = patch(serde_json::json!({
        "situation": {
            "housing": "street",
            "family": {"status": "single", "children": 0},
            "administrative": {"nationality": "Algérienne", "residence_permit": "receipt",
                "residence_permit_until": "2027-05-31", "domiciliation": "Accueil de jour Les Tilleuls"},
            "resources": [{"kind": "rsa", "monthly": 607}],
            "health_cover": {"kind": "css"},
            "protection": "none"
        },
        "referent_id": claire.account_id.to_string()
    }))?;
    app.update_case_file(claire, sid, amina, first)
        .await
        .map_err(e)?;
    let moved = patch(serde_json::json!({"situation": {"housing": "emergency_shelter"}}))?;
    app.update_case_file(claire, sid, amina, moved)
        .await
        .map_err(e)?;
    let hand_over = patch(serde_json::json!({
        "referent_id": sofia.id.to_string(),
        "note": "Rendez-vous à la CAF le 12 pour la prime d'activité ; récépissé à renouveler en mai."
    }))?;
    app.update_case_file(claire, sid, amina, hand_over)
        .await
        .map_err(e)?;
    Ok(())
}

/// Two reports Claire wrote of her meetings with Amina: each with a part shared with her and a
/// part private to Les Tilleuls, one still to do (its due date is in the agenda).
async fn followups(
    app: &App,
    pro: &Session,
    sid: &StructureId,
    bid: &crate::domain::BeneficiaryId,
    caf: Option<crate::domain::ItemId>,
) -> anyhow::Result<()> {
    use crate::service::followups::{FollowupInput, create_followup};
    let day = |days: i64| crate::clock::rfc3339(app.now() + days * 86_400)[..10].to_owned();
    let reports = [
        FollowupInput {
            date: Some(day(-14)),
            medium: Some("walk_in".into()),
            subjects: Some(vec!["domiciliation".into(), "administrative".into()]),
            status: Some("done".into()),
            shared_text: Some("Domiciliation faite aux Tilleuls : votre courrier arrive ici, venez le chercher du lundi au vendredi.".into()),
            private_text: Some("Première venue, orientée par le 115. À revoir pour la CAF.".into()),
            ..FollowupInput::default()
        },
        FollowupInput {
            date: Some(day(-2)),
            medium: Some("planned_meeting".into()),
            subjects: Some(vec!["resources".into()]),
            status: Some("in_progress".into()),
            shared_text: Some("Dossier CAF relu ensemble. Il manque un avis d'imposition : apportez-le jeudi.".into()),
            private_text: Some("Droits RSA probables ; vérifier la date de la dernière déclaration.".into()),
            due_on: Some(day(3)),
            document_ids: Some(caf.iter().map(|c| c.as_str().to_owned()).collect()),
        },
    ];
    for r in reports {
        create_followup(app, pro, sid, bid, r).await.map_err(e)?;
    }
    Ok(())
}

/// A year of Les Tilleuls' work, for its statistics page: people whose safes Claire opened
/// month after month (with their consent), each with a case file (housing) and reports of
/// meetings in the months after; most of them came back and logged in by themselves, which is
/// what the reconnection rate counts. Written with the clock moved back to each date.
async fn a_year_of_work(app: &App, clock: &crate::clock::ShiftedClock) -> anyhow::Result<()> {
    use crate::service::followups::{FollowupInput, create_followup};
    const DAY: i64 = 86_400;
    // (first name, last name, birth date, housing, days ago opened, logs in after n days,
    // follow-ups n days after opening with their medium and subject)
    type Person = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        i64,
        Option<i64>,
    );
    const PEOPLE: [Person; 10] = [
        ("Moussa", "Diallo", "1985-03-12", "street", 350, Some(3)),
        ("Elena", "Popescu", "1979-11-02", "squat", 320, Some(20)),
        (
            "Ahmad",
            "Karimi",
            "1996-06-21",
            "emergency_shelter",
            290,
            None,
        ),
        (
            "Olena",
            "Kovalenko",
            "1988-01-30",
            "hosted_third_party",
            250,
            Some(1),
        ),
        ("Fatou", "Sow", "1992-09-14", "chrs", 210, Some(150)),
        ("Ion", "Rusu", "1975-04-08", "street", 170, None),
        ("Mariam", "Haidari", "2001-12-25", "hotel", 120, Some(7)),
        ("Pedro", "Alves", "1983-07-17", "tenant", 80, Some(2)),
        (
            "Samira",
            "Toumi",
            "1990-05-05",
            "emergency_shelter",
            45,
            Some(10),
        ),
        ("Dmitri", "Volkov", "1969-10-10", "street", 20, None),
    ];
    const VISITS: [(i64, &str, &str); 4] = [
        (0, "walk_in", "domiciliation"),
        (21, "planned_meeting", "resources"),
        (75, "phone", "health"),
        (160, "planned_meeting", "housing"),
    ];
    let day = |at: i64| crate::clock::rfc3339(at)[..10].to_owned();
    for (first, last, birth, housing, ago, logs_in) in PEOPLE {
        clock.shift_to(-ago * DAY);
        let claire = login(app, PRO_EMAIL, PRO_PASSWORD).await?;
        let sid = first_structure(&claire)?;
        let opened = app
            .open_safe(
                &claire,
                &sid,
                NewSafe {
                    first_name: first.into(),
                    last_name: last.into(),
                    birth_date: birth.into(),
                    password: Some(PERSON2_PASSWORD.into()),
                    language: Some("fr".into()),
                    consent: Some(true),
                    ..NewSafe::default()
                },
            )
            .await
            .map_err(e)?;
        let patch: crate::service::CaseFilePatch = serde_json::from_value(serde_json::json!({
            "situation": {"housing": housing},
            "referent_id": claire.account_id.to_string()
        }))?;
        app.update_case_file(&claire, &sid, &opened.id, patch)
            .await
            .map_err(e)?;
        let opened_at = app.now();
        for (after, medium, subject) in VISITS.iter().filter(|(after, ..)| *after < ago) {
            clock.shift_to(-(ago - after) * DAY);
            let report = FollowupInput {
                date: Some(day(opened_at + after * DAY)),
                medium: Some((*medium).into()),
                subjects: Some(vec![(*subject).into()]),
                status: Some("done".into()),
                shared_text: Some("Point sur vos démarches avec l'accueil de jour.".into()),
                private_text: Some("Suivi régulier.".into()),
                ..FollowupInput::default()
            };
            create_followup(app, &claire, &sid, &opened.id, report)
                .await
                .map_err(e)?;
            // The SMS reminder of that appointment, counted as the operator's acceptance
            // would count it (the demo sends no SMS): the usage page's SMS column.
            let (s2, month) = (sid.clone(), crate::service::usage::month_of(app, app.now()));
            app.tx(move |tx| Ok(crate::store::reminders::count_sms(tx, &s2, &month, 1)?))
                .await
                .map_err(e)?;
        }
        if let Some(after) = logs_in.filter(|after| *after < ago) {
            clock.shift_to(-(ago - after) * DAY);
            login(app, &opened.identifier, PERSON2_PASSWORD).await?;
        }
    }
    clock.shift_to(0);
    Ok(())
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
pub fn pdf_of_objects<O: AsRef<[u8]>>(objects: &[O]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(o.as_ref());
        out.extend_from_slice(b"\nendobj\n");
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
