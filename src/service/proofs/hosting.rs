//! Hosting certificates (issue 16, item 3): a shelter (CHRS, CHU, hotel: its profile's
//! `shelter`) certifies that it hosts a person since a day. The letter is one A4 page made by
//! `consigne_media::Assembler` (the printed pages' PDF writer): the structure's letterhead from
//! its profile (its logo above it, when it has one), the person (her sealed identity), since when, the place and day it is signed
//! (today, in the platform's time zone), the manager's name and function as the signature
//! block. It is addressed to French administrations, so it is written in French whatever the
//! language of the page that asked for it, like the cerfas. It lands in her safe as a
//! `proof_of_address` added in the structure's name (shared with it, in her journal).

use crate::domain::{BeneficiaryId, InvalidInput, Shelter, StructureId, parse_iso_day};
use crate::policy::Action;
use crate::service::auth::identity::IdentityRecord;
use crate::service::beneficiaries::identity_key_of;
use crate::service::items::media::media_limits;
use crate::service::proofs::domiciliation::{add_made_paper, issuer, today};
use crate::service::proofs::profile::{ProfileView, logo_in};
use crate::service::{App, DocumentView, ServiceError, ServiceResult, Session};
use consigne_media::{Assembler, CoverLine, CoverStyle};
use time::Date;

fn french(d: Date) -> String {
    format!("{:02}/{:02}/{:04}", d.day(), u8::from(d.month()), d.year())
}

fn shelter_name(s: Shelter) -> &'static str {
    match s {
        Shelter::Chrs => "centre d'hébergement et de réinsertion sociale (CHRS)",
        Shelter::Chu => "centre d'hébergement d'urgence (CHU)",
        Shelter::Hotel => "hébergement à l'hôtel",
    }
}

/// The letter's lines.
fn letter(
    p: &ProfileView,
    shelter: Shelter,
    who: &IdentityRecord,
    birth: Date,
    since: Date,
    today: Date,
) -> Vec<CoverLine> {
    let mut lines = vec![CoverLine::new(CoverStyle::Heading, p.name.clone())];
    for l in p.postal_address.lines() {
        lines.push(CoverLine::new(CoverStyle::Text, l));
    }
    if let Some(phone) = &p.phone {
        lines.push(CoverLine::new(CoverStyle::Text, format!("Tél. : {phone}")));
    }
    if let Some(email) = &p.email {
        lines.push(CoverLine::new(
            CoverStyle::Text,
            format!("Courriel : {email}"),
        ));
    }
    lines.push(CoverLine::new(
        CoverStyle::Title,
        "Attestation d'hébergement",
    ));
    lines.push(CoverLine::new(
        CoverStyle::Text,
        format!(
            "Je soussigné(e), {}, {} de {}, atteste que {} {}, né(e) le {}, est hébergé(e) par notre structure ({}) depuis le {}.",
            p.manager_name,
            p.manager_function,
            p.name,
            who.first_name,
            who.last_name.to_uppercase(),
            french(birth),
            shelter_name(shelter),
            french(since),
        ),
    ));
    lines.push(CoverLine::new(
        CoverStyle::Text,
        format!("Adresse : {}", p.postal_address.replace('\n', ", ")),
    ));
    lines.push(CoverLine::new(
        CoverStyle::Text,
        "Attestation établie à la demande de l'intéressé(e) pour servir et valoir ce que de droit.",
    ));
    lines.push(CoverLine::new(
        CoverStyle::Text,
        format!(
            "Fait à {}, le {}",
            p.city.as_deref().unwrap_or_default(),
            french(today)
        ),
    ));
    lines.push(CoverLine::new(CoverStyle::Heading, p.manager_name.clone()));
    lines.push(CoverLine::new(CoverStyle::Text, p.manager_function.clone()));
    lines
}

/// Writes the hosting certificate of person `bid` by structure `sid` (a shelter), hosted
/// since `since`, into her safe.
pub async fn hosting_certificate(
    app: &App,
    session: &Session,
    sid: &StructureId,
    bid: &BeneficiaryId,
    since: &str,
) -> ServiceResult<DocumentView> {
    let (profile, _, _) = issuer(app, session, sid, bid).await?;
    let s2 = sid.clone();
    let logo = app.read(move |tx| logo_in(tx, &s2)).await?;
    let shelter = profile
        .shelter
        .ok_or(ServiceError::Conflict("not_a_shelter"))?;
    let since = parse_iso_day("since", since)?;
    let today = today(app)?;
    if since > today {
        return Err(InvalidInput::new("since", "in_future").into());
    }
    let (ik, _, row) = identity_key_of(app, session, bid, Action::AddItem).await?;
    let who = IdentityRecord::open(app, &ik, &row.id, &row.identity_sealed)?;
    let birth = parse_iso_day("birth_date", &who.birth_date)
        .map_err(|_| ServiceError::Internal("birth date in the identity record"))?;
    let lines = letter(&profile, shelter, &who, birth, since, today);
    let limits = media_limits(app);
    let pdf = tokio::task::spawn_blocking(move || {
        let mut a = Assembler::new(Vec::new(), 1, "", None, &limits)?;
        a.cover_with_logo(&lines, logo.as_deref())?;
        a.finish().map(|(bytes, _)| bytes)
    })
    .await
    .map_err(|_| ServiceError::Internal("letter task"))?
    .map_err(|_| ServiceError::Internal("hosting letter"))?;
    add_made_paper(
        app,
        session,
        bid,
        sid,
        (
            format!("Attestation d'hébergement ({})", french(today)),
            "attestation_hebergement.pdf",
        ),
        pdf,
        ("proof_of_address", None),
    )
    .await
}
