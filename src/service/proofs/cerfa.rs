//! The official domiciliation forms (décret 2016-641), shipped in `assets/cerfa/` as the
//! State publishes them (the copies DomiFa fills), and what goes in each of their fields.
//!
//! Each form is checked against its SHA-256 before it is used: a changed file (a new version
//! of the cerfa, a damaged copy) is refused rather than filled with fields that may have moved.
//! The fields and their rules follow DomiFa (`SocialGouv/domifa`, `generate-cerfa-data.ts`),
//! whose users asked for them: names in capitals; every date split into day, month and year
//! fields; the signature ("Fait à <city>, le <date>") dated the day the paper is made, in the
//! platform's time zone; the approval number and the prefecture only for an association
//! (a CCAS or CIAS is competent by law); the manager as "NAME, FUNCTION"; the refusal's
//! reason on the request, whose second page is the written, reasoned decision.

use consigne_media::FieldValue;
use sha2::{Digest, Sha256};
use time::Date;

use crate::domain::{DomiciliationKind, StructureCategory};
use crate::service::proofs::profile::ProfileView;
use crate::service::{ServiceError, ServiceResult};

/// One official form: its number and version as printed on it, its file and digest.
#[derive(Debug, Clone, Copy)]
pub struct Cerfa {
    pub number: &'static str,
    pub bytes: &'static [u8],
    sha256: &'static str,
}

/// *Demande d'élection de domicile*, with the decision on its second page.
pub const REQUEST: Cerfa = Cerfa {
    number: "16029*01",
    bytes: include_bytes!("../../../assets/cerfa/cerfa_16029-01_demande.pdf"),
    sha256: "79e92f76693ddc7c06535d5a4bf11fc039d5d5d538df4e0b74cc543d7788d2d9",
};

/// *Attestation d'élection de domicile*.
pub const CERTIFICATE: Cerfa = Cerfa {
    number: "16030*01",
    bytes: include_bytes!("../../../assets/cerfa/cerfa_16030-01_attestation.pdf"),
    sha256: "05b1cb42d418992a09893ba105ed323c73022f96463f9101b8c56bdb4c86365a",
};

impl Cerfa {
    /// The form's bytes, once its digest is checked.
    pub fn checked(&self) -> ServiceResult<&'static [u8]> {
        if hex::encode(Sha256::digest(self.bytes)) == self.sha256 {
            Ok(self.bytes)
        } else {
            tracing::error!(
                cerfa = self.number,
                "the shipped form does not match its digest"
            );
            Err(ServiceError::Internal("cerfa digest"))
        }
    }
}

/// What the forms say about the person (from her sealed identity and the record).
#[derive(Debug, Clone)]
pub struct Person {
    pub first_name: String,
    pub last_name: String,
    pub birth_date: Date,
    pub birth_place: Option<String>,
}

/// The decision the forms carry.
#[derive(Debug, Clone)]
pub struct Decision {
    pub kind: DomiciliationKind,
    /// The validity, when granted.
    pub period: Option<(Date, Date)>,
    pub refusal_reason: Option<String>,
    /// The start of her first domiciliation at this structure.
    pub first_on: Option<Date>,
}

type Fields = Vec<(&'static str, FieldValue)>;

fn text(v: impl Into<String>) -> FieldValue {
    FieldValue::Text(v.into())
}

/// A date as three fields: `dd`, `MM`, `yyyy`.
fn date(
    fields: &mut Fields,
    (day, month, year): (&'static str, &'static str, &'static str),
    d: Date,
) {
    fields.push((day, text(format!("{:02}", d.day()))));
    fields.push((month, text(format!("{:02}", u8::from(d.month())))));
    fields.push((year, text(format!("{:04}", d.year()))));
}

/// An address on a one-line field: its lines joined by commas (the `adresse` of 16030 is the
/// only multi-line address field).
fn one_line(s: &str) -> String {
    s.lines().collect::<Vec<_>>().join(", ")
}

fn upper(s: &str) -> String {
    s.to_uppercase()
}

/// The fields both forms share about the structure, and each signature (`signature1A`...)
/// with its date.
fn structure(fields: &mut Fields, p: &ProfileView, today: Date, signature: &[&'static str]) {
    let association = p.category == StructureCategory::Association;
    fields.push(("nomOrga1", text(upper(&p.name))));
    fields.push(("adresseOrga1", text(one_line(&p.postal_address))));
    fields.push((
        "agrement",
        text(if association {
            p.approval_number.clone().unwrap_or_default()
        } else {
            String::new()
        }),
    ));
    fields.push((
        "prefecture1",
        text(if association {
            p.prefecture.clone().unwrap_or_default()
        } else {
            String::new()
        }),
    ));
    fields.push(("courrielOrga", text(p.email.clone().unwrap_or_default())));
    fields.push(("telephoneOrga", text(p.phone.clone().unwrap_or_default())));
    fields.push((
        "responsable",
        text(format!(
            "{}, {}",
            upper(&p.manager_name),
            upper(&p.manager_function)
        )),
    ));
    let city = upper(p.city.as_deref().unwrap_or_default());
    for s in signature {
        let copy = s.trim_start_matches("signature");
        fields.push((s, text(city.clone())));
        date(
            fields,
            match copy {
                "1A" => ("jourDecision1A", "moisDecision1A", "anneeDecision1A"),
                "1B" => ("jourDecision1B", "moisDecision1B", "anneeDecision1B"),
                _ => ("jourDecision2", "moisDecision2", "anneeDecision2"),
            },
            today,
        );
    }
}

/// The request (16029) with its decision: every field it has that we know.
pub fn request_fields(p: &ProfileView, who: &Person, d: &Decision, today: Date) -> Fields {
    let mut f = Fields::new();
    let kind = match d.kind {
        DomiciliationKind::First => "1",
        DomiciliationKind::Renewal => "2",
    };
    f.push(("typeDemande", FieldValue::Choice(kind.into())));
    for (noms, prenoms, lieu, birth) in [
        (
            "noms1",
            "prenoms1",
            "lieuNaissance1",
            ("jourNaissance1", "moisNaissance1", "anneeNaissance1"),
        ),
        (
            "noms2",
            "prenoms2",
            "lieuNaissance2",
            ("jourNaissance2", "moisNaissance2", "anneeNaissance2"),
        ),
    ] {
        f.push((noms, text(upper(&who.last_name))));
        f.push((prenoms, text(upper(&who.first_name))));
        f.push((
            lieu,
            text(upper(who.birth_place.as_deref().unwrap_or_default())),
        ));
        date(&mut f, birth, who.birth_date);
    }
    structure(
        &mut f,
        p,
        today,
        &["signature1A", "signature1B", "signature2"],
    );
    f.push(("nomOrga2", text(upper(&p.name))));
    f.push(("entretienAdresse", text(one_line(&p.postal_address))));
    let association = p.category == StructureCategory::Association;
    f.push((
        "prefecture2",
        text(if association {
            p.prefecture.clone().unwrap_or_default()
        } else {
            String::new()
        }),
    ));
    let granted = d.period.is_some();
    f.push((
        "decision",
        FieldValue::Choice(if granted { "1" } else { "2" }.into()),
    ));
    f.push((
        "motifRefus",
        text(if granted {
            String::new()
        } else {
            d.refusal_reason.clone().unwrap_or_default()
        }),
    ));
    f
}

/// The certificate (16030) of a granted domiciliation; `None` for a refusal.
pub fn certificate_fields(
    p: &ProfileView,
    who: &Person,
    d: &Decision,
    today: Date,
) -> Option<Fields> {
    let (start, end) = d.period?;
    let mut f: Fields = vec![
        ("noms1", text(upper(&who.last_name))),
        ("noms2", text(upper(&who.last_name))),
        ("prenoms1", text(upper(&who.first_name))),
        ("prenoms2", text(upper(&who.first_name))),
        (
            "lieuNaissance1",
            text(upper(who.birth_place.as_deref().unwrap_or_default())),
        ),
    ];
    date(
        &mut f,
        ("jourNaissance1", "moisNaissance1", "anneeNaissance1"),
        who.birth_date,
    );
    structure(&mut f, p, today, &["signature1A"]);
    // Where her mail is received: the mail address when the structure has one.
    let at = p
        .mail_address
        .clone()
        .unwrap_or_else(|| p.postal_address.clone());
    f.push(("adresse", text(at)));
    date(&mut f, ("jourDebut", "moisDebut", "anneeDebut"), start);
    date(&mut f, ("jourFin", "moisFin", "anneeFin"), end);
    date(
        &mut f,
        ("jourPremiereDom", "moisPremiereDom", "anneePremiereDom"),
        d.first_on.unwrap_or(start),
    );
    Some(f)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_shipped_forms_match_their_digests() {
        assert!(REQUEST.checked().is_ok());
        assert!(CERTIFICATE.checked().is_ok());
        let changed = Cerfa {
            bytes: b"%PDF-1.4",
            ..REQUEST
        };
        assert!(changed.checked().is_err());
    }
}
