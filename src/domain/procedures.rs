//! Procedures ("démarches", issue 15 item 3): the catalogue of the administrative procedures a
//! person is helped through, as dated and cited data (like `benefits::params`), and the
//! statuses a procedure goes through. For each procedure: its code (the API's `code`, and the
//! Fluent id `procedure-<code>` of its name), its official French name, the papers needed (each
//! line a list of alternatives: one paper of any of those types fills it), the paper form
//! (cerfa) and the tele-service when there is one, and the official sheet it comes from
//! (service-public.fr "Vos droits et démarches", or the operator's own page where noted).
//! A change in the rules is a change here, nothing else; `CHECKED_ON` says when the sources
//! were last read.

use super::{DocumentType, InvalidInput};
use DocumentType as T;

/// When the sources below were last read.
pub const CHECKED_ON: &str = "2026-12-03";

/// One procedure of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProcedureDef {
    /// The API's `code` (`rsa`, `css`...).
    pub code: &'static str,
    /// The official French name, as the sheet titles it.
    pub name_fr: &'static str,
    /// The papers needed: each line is a list of alternatives.
    pub documents: &'static [&'static [DocumentType]],
    /// The paper form: `cerfa_<number>`, as the benefits give it.
    pub form: Option<&'static str>,
    pub teleservice_url: Option<&'static str>,
    /// The official sheet the procedure and its papers come from.
    pub source_url: &'static str,
}

/// Proof of identity: an identity card, a passport or a residence permit.
const IDENTITY: &[DocumentType] = &[T::IdentityCard, T::Passport, T::ResidencePermit];
/// Proof of address: a domiciliation certificate, or a proof of address or hosting.
const ADDRESS: &[DocumentType] = &[T::DomiciliationCertificate, T::ProofOfAddress];

/// The catalogue, in the order the pages offer it.
pub const CATALOGUE: &[ProcedureDef] = &[
    // Revenu de solidarité active. Sheet F19778; form cerfa 15481*01 (demande de RSA), also
    // online at the CAF. Papers: identity (or residence permit), address, resources, RIB.
    ProcedureDef {
        code: "rsa",
        name_fr: "Revenu de solidarité active (RSA)",
        documents: &[
            IDENTITY,
            ADDRESS,
            &[T::BankDetails],
            &[T::Payslip, T::FranceTravailCertificate, T::TaxNotice],
        ],
        form: Some("cerfa_15481"),
        teleservice_url: Some(
            "https://www.caf.fr/allocataires/aides-et-demarches/droits-et-prestations/vie-personnelle/le-revenu-de-solidarite-active-rsa",
        ),
        source_url: "https://www.service-public.fr/particuliers/vosdroits/F19778",
    },
    // Complémentaire santé solidaire. Sheet F10027; form cerfa 12504 (S3711), or online on
    // the ameli account. Papers: identity, address, resources of the last twelve months, the
    // health insurance card.
    ProcedureDef {
        code: "css",
        name_fr: "Complémentaire santé solidaire (CSS)",
        documents: &[
            IDENTITY,
            ADDRESS,
            &[
                T::Payslip,
                T::TaxNotice,
                T::CafCertificate,
                T::FranceTravailCertificate,
            ],
            &[T::CarteVitale, T::HealthCoverCertificate],
        ],
        form: Some("cerfa_12504"),
        teleservice_url: Some(
            "https://www.ameli.fr/assure/droits-demarches/difficultes-acces-droits-soins/complementaire-sante",
        ),
        source_url: "https://www.service-public.fr/particuliers/vosdroits/F10027",
    },
    // Aide personnalisée au logement / allocation de logement. Sheet F12006 (APL); form
    // cerfa 10840 (demande d'aide au logement), or online at the CAF. Papers: identity,
    // the lease or a proof of address, resources, RIB.
    ProcedureDef {
        code: "aide_logement",
        name_fr: "Aide au logement (APL, ALS)",
        documents: &[
            IDENTITY,
            &[T::ProofOfAddress],
            &[T::TaxNotice, T::Payslip],
            &[T::BankDetails],
        ],
        form: Some("cerfa_10840"),
        teleservice_url: Some(
            "https://www.caf.fr/allocataires/aides-et-demarches/droits-et-prestations/logement",
        ),
        source_url: "https://www.service-public.fr/particuliers/vosdroits/F12006",
    },
    // Domiciliation (élection de domicile) of a person without a stable home. Sheet F17317;
    // form cerfa 15548 (demande d'élection de domicile), filed at a CCAS or an approved
    // structure. Papers: identity when she has one.
    ProcedureDef {
        code: "domiciliation",
        name_fr: "Domiciliation (élection de domicile)",
        documents: &[IDENTITY],
        form: Some("cerfa_15548"),
        teleservice_url: None,
        source_url: "https://www.service-public.fr/particuliers/vosdroits/F17317",
    },
    // Renewal of a residence permit, filed online on the ANEF (administration numérique des
    // étrangers en France) two to four months before the permit ends. No service-public.fr
    // sheet was found in the stored sources: the Ministry of the Interior's own service page
    // is cited. Papers: the permit, the passport, a proof of address, and the papers of the
    // reason of stay (payslips...).
    ProcedureDef {
        code: "residence_permit_renewal",
        name_fr: "Renouvellement du titre de séjour",
        documents: &[
            &[T::ResidencePermit],
            &[T::Passport],
            ADDRESS,
            &[T::BirthCertificate, T::FamilyRecordBook],
        ],
        form: None,
        teleservice_url: Some("https://administration-etrangers-en-france.interieur.gouv.fr"),
        source_url: "https://administration-etrangers-en-france.interieur.gouv.fr",
    },
    // Identity card (or passport) of an adult. Sheet F1341 ("Carte d'identité d'un majeur :
    // première demande"); the online pre-application on ANTS replaces the paper form
    // (cerfa 12100). Papers: a proof of address (a domiciliation certificate counts), a birth
    // certificate when no other identity paper proves the civil status.
    ProcedureDef {
        code: "identity_document",
        name_fr: "Carte d'identité ou passeport",
        documents: &[
            ADDRESS,
            &[T::BirthCertificate, T::Passport, T::IdentityCard],
        ],
        form: Some("cerfa_12100"),
        teleservice_url: Some("https://ants.gouv.fr"),
        source_url: "https://www.service-public.fr/particuliers/vosdroits/F1341",
    },
    // Registration at France Travail (job seeker), online. No service-public.fr sheet was
    // found in the stored sources: France Travail's own step-by-step page is cited. Papers:
    // identity (a residence permit allowing to work), address, RIB, the health card.
    ProcedureDef {
        code: "france_travail_registration",
        name_fr: "Inscription à France Travail",
        documents: &[
            IDENTITY,
            ADDRESS,
            &[T::BankDetails],
            &[T::CarteVitale, T::HealthCoverCertificate],
        ],
        form: None,
        teleservice_url: Some("https://www.francetravail.fr"),
        source_url: "https://www.francetravail.fr/candidat/vos-droits-et-demarches/vos-demarches-aupres-de-pole-emp/linscription-et-le-rendez-vous-e.html",
    },
    // Aide médicale de l'État. Sheet F3079; form cerfa 11573. Papers: identity (passport,
    // identity card, a former residence permit, a birth certificate), three months of
    // presence in France (a domiciliation of more than three months counts), resources.
    ProcedureDef {
        code: "ame",
        name_fr: "Aide médicale de l'État (AME)",
        documents: &[
            &[
                T::Passport,
                T::IdentityCard,
                T::ResidencePermit,
                T::BirthCertificate,
            ],
            ADDRESS,
            &[T::Payslip, T::TaxNotice, T::Other],
        ],
        form: Some("cerfa_11573"),
        teleservice_url: None,
        source_url: "https://www.service-public.fr/particuliers/vosdroits/F3079",
    },
];

/// The procedure of code `code`; an unknown one is refused (field `code`).
pub fn procedure(code: &str) -> Result<&'static ProcedureDef, InvalidInput> {
    CATALOGUE
        .iter()
        .find(|p| p.code == code)
        .ok_or(InvalidInput::new("code", "invalid"))
}

impl ProcedureDef {
    /// The Fluent id of its name (`procedure-rsa`, `procedure-aide-logement`...).
    pub fn label_id(&self) -> String {
        format!("procedure-{}", self.code.replace('_', "-"))
    }
}

/// Where a procedure stands. The three last ones close it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProcedureStatus {
    ToPrepare,
    Filed,
    BeingProcessed,
    Granted,
    Refused,
    Abandoned,
}

impl ProcedureStatus {
    pub const ALL: [ProcedureStatus; 6] = [
        Self::ToPrepare,
        Self::Filed,
        Self::BeingProcessed,
        Self::Granted,
        Self::Refused,
        Self::Abandoned,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::ToPrepare => "to_prepare",
            Self::Filed => "filed",
            Self::BeingProcessed => "being_processed",
            Self::Granted => "granted",
            Self::Refused => "refused",
            Self::Abandoned => "abandoned",
        }
    }

    /// A code sent by a form or a client; an unknown one is refused (field `status`).
    pub fn parse(raw: &str) -> Result<Self, InvalidInput> {
        Self::ALL
            .into_iter()
            .find(|s| s.as_str() == raw)
            .ok_or(InvalidInput::new("status", "invalid"))
    }

    /// Granted, refused or abandoned: nothing more to remind.
    pub fn is_closed(self) -> bool {
        matches!(self, Self::Granted | Self::Refused | Self::Abandoned)
    }

    /// The Fluent id of its label (`procedure-status-being-processed`...).
    pub fn label_id(self) -> String {
        format!("procedure-status-{}", self.as_str().replace('_', "-"))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn every_source_is_https_every_type_a_document_type_and_codes_unique() {
        assert!(CATALOGUE.len() >= 8);
        let mut codes = std::collections::BTreeSet::new();
        for p in CATALOGUE {
            assert!(codes.insert(p.code), "{} twice", p.code);
            assert!(p.source_url.starts_with("https://"), "{}", p.code);
            if let Some(url) = p.teleservice_url {
                assert!(url.starts_with("https://"), "{}", p.code);
            }
            if let Some(form) = p.form {
                let number = form.strip_prefix("cerfa_").unwrap();
                assert!(number.len() == 5 && number.bytes().all(|b| b.is_ascii_digit()));
            }
            assert!(!p.documents.is_empty(), "{}", p.code);
            for line in p.documents {
                assert!(!line.is_empty(), "{}", p.code);
                for t in *line {
                    // Each is one of the document types, by its code too.
                    assert!(DocumentType::ALL.contains(t));
                    assert_eq!(DocumentType::parse(t.as_str()), Ok(*t));
                }
            }
            assert_eq!(procedure(p.code).unwrap().code, p.code);
        }
        for code in [
            "rsa",
            "css",
            "aide_logement",
            "domiciliation",
            "residence_permit_renewal",
            "identity_document",
            "france_travail_registration",
            "ame",
        ] {
            assert!(procedure(code).is_ok(), "{code}");
        }
        assert_eq!(procedure("castle").unwrap_err().field, "code");
    }

    #[test]
    fn statuses_read_back_and_three_close() {
        for s in ProcedureStatus::ALL {
            assert_eq!(ProcedureStatus::parse(s.as_str()), Ok(s));
            assert_eq!(
                serde_json::to_value(s).unwrap(),
                serde_json::Value::from(s.as_str())
            );
        }
        let closed: Vec<_> = ProcedureStatus::ALL
            .into_iter()
            .filter(|s| s.is_closed())
            .collect();
        assert_eq!(
            closed,
            [
                ProcedureStatus::Granted,
                ProcedureStatus::Refused,
                ProcedureStatus::Abandoned
            ]
        );
        assert_eq!(ProcedureStatus::parse("done").unwrap_err().field, "status");
    }
}
