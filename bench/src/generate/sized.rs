//! The size-scaling part of the data set (issue 12): a second relay structure that follows
//! many people (3 000 at the default size) with its professional, and safes of chosen sizes
//! (10, 100, 1 000 and 5 000 documents) opened by that structure, each with her own password.
//! The benchmark measures how a page's cost grows with the safe or with the people followed.
//!
//! The big structure is the first bulk relay structure (`plan_people` gives it its people;
//! no other bulk person picks it at random); the sized safes are opened through the service
//! layer by its professional, and their documents are bulk rows (`bulk::documents`, the same
//! mix as every other safe).

use super::{
    BULK_STAFF_PASSWORD, FixtureProfessional, GenerateOptions, bulk, bulk_professional_email,
    content, login, new_safe, service_error,
};
use anyhow::{Result, anyhow};
use consigne::service::{App, Session};
use consigne_vault::{DerivedSecret, Key32, PublicKey};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// A safe of a chosen size, with her own password.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SizedSafe {
    /// Documents in her safe.
    pub documents: u64,
    pub id: String,
    pub identifier: String,
    pub password: String,
}

/// The index (in the generator's structure list: 0 is the fixture's, bulk ones follow) of the
/// big structure, and how many bulk people it gets (the sized safes make up the rest), when
/// `opts` asks for one.
pub(super) fn big_structure(opts: &GenerateOptions) -> Option<(usize, usize)> {
    let index = first_bulk_relay(opts)?;
    Some((
        index,
        opts.big_structure.saturating_sub(opts.sized_safes.len()),
    ))
}

/// What this part made.
#[derive(Debug, Default)]
pub(super) struct Made {
    pub professional: Option<FixtureProfessional>,
    pub safes: Vec<SizedSafe>,
}

/// Opens the sized safes through the big structure and fills them; returns them with the big
/// structure's professional. Nothing when `opts` asks for no big structure.
pub(super) fn make(
    app: &App,
    runtime: &tokio::runtime::Runtime,
    opts: &GenerateOptions,
    rng: &mut rand::rngs::StdRng,
) -> Result<Made> {
    let Some(number) = first_bulk_relay(opts) else {
        return Ok(Made::default());
    };
    let email = bulk_professional_email(number);
    let pro = runtime.block_on(login(app, &email, BULK_STAFF_PASSWORD))?;
    let info = structure_of(app, &email, &pro)?;
    let platform: &consigne_vault::PlatformKey = &app.platform;
    let now = app.now();
    // `bulk::documents` reads only the platform key, the structures, the time and the sample.
    let unused = DerivedSecret {
        verifier: [0; 32],
        wrap_key: Key32::random(),
    };
    let infos = [info];
    let shared = bulk::Shared {
        platform,
        blobs: app.blobs().clone(),
        kdf_params: String::new(),
        password: &unused,
        password_salt: [0; 16],
        recovery: &unused,
        recovery_salt: [0; 16],
        structures: &infos,
        now,
        sample: &HashSet::new(),
    };
    let mut safes = Vec::new();
    for &documents in &opts.sized_safes {
        let person = content::person(rng);
        let opened = runtime
            .block_on(app.open_safe(&pro, &infos[0].id, new_safe(&person)))
            .map_err(service_error("opening a sized safe"))?;
        runtime
            .block_on(consigne::service::onboarding::onboarded(app, &opened.id))
            .map_err(service_error("accepting the terms"))?;
        let password = opened
            .passphrase
            .clone()
            .ok_or_else(|| anyhow!("no passphrase generated"))?;
        let me = runtime.block_on(login(app, &opened.identifier, &password))?;
        let vault = me
            .keys
            .vault
            .clone()
            .ok_or_else(|| anyhow!("her session holds no vault key"))?;
        let public = me.keys.keypair().public();
        let mut batch = bulk::Batch::default();
        bulk::documents(
            &shared,
            &bulk::Safe {
                bid: &opened.id,
                vault: &vault,
                public: &public,
                relays: &[0],
                created_at: now - 2 * 365 * 86_400,
            },
            documents,
            None,
            rng,
            &mut bulk::Boxes::default(),
            &mut batch,
        )?;
        bulk::insert_batch(&app.db, &batch)?;
        runtime
            .block_on(app.logout(&me))
            .map_err(service_error("logging out"))?;
        safes.push(SizedSafe {
            documents,
            id: opened.id.into_string(),
            identifier: opened.identifier,
            password,
        });
    }
    let reports = case_work(app, runtime, &pro, &infos[0].id, rng)?;
    runtime
        .block_on(app.logout(&pro))
        .map_err(service_error("logging out"))?;
    let followed = app
        .db
        .transaction_blocking({
            let sid = infos[0].id.clone();
            move |tx| {
                tx.query_one(
                    "SELECT COUNT(*) FROM relays WHERE structure_id = $1",
                    &[sid.into()],
                )?
                .int(0)
            }
        })
        .map_err(|e| anyhow!("database: {e}"))?;
    eprintln!(
        "generate: {} sized safes ({} documents) opened by {email}, whose structure follows {followed} people ({reports} follow-ups over the last year)",
        safes.len(),
        opts.sized_safes.iter().sum::<u64>()
    );
    Ok(Made {
        professional: Some(FixtureProfessional {
            email,
            password: BULK_STAFF_PASSWORD.into(),
            structure_id: infos[0].id.to_string(),
            followed: usize::try_from(followed).unwrap_or(0),
        }),
        safes,
    })
}

/// A year of the big structure's work (issue 14), written through the service layer as its
/// pages write it: for every person it follows a case file (a housing situation, its
/// professional as referent) and one to four follow-ups dated over the last year. The people
/// list's "last contact" and the statistics page then read a year of real rows. Returns the
/// number of follow-ups.
fn case_work(
    app: &App,
    runtime: &tokio::runtime::Runtime,
    pro: &Session,
    sid: &consigne::domain::StructureId,
    rng: &mut rand::rngs::StdRng,
) -> Result<usize> {
    use consigne::service::CaseFilePatch;
    use consigne::service::followups::{FollowupInput, create_followup};
    use rand::Rng;
    // The fixed list's situations of people without a home of their own, and tenants.
    let housing: Vec<&str> = consigne::service::HOUSING
        .iter()
        .copied()
        .filter(|h| !["owner", "institution", "other"].contains(h))
        .collect();
    const MEDIA: [&str; 4] = ["planned_meeting", "walk_in", "phone", "outside_appointment"];
    const SUBJECTS: [&str; 4] = ["housing", "resources", "health", "administrative"];
    let people: Vec<consigne::domain::BeneficiaryId> = app
        .db
        .transaction_blocking({
            let sid = sid.clone();
            move |tx| {
                tx.query(
                    "SELECT beneficiary_id FROM relays WHERE structure_id = $1",
                    &[sid.into()],
                )?
                .iter()
                .map(|r| r.id("beneficiary_id"))
                .collect::<Result<Vec<_>, _>>()
            }
        })
        .map_err(|e| anyhow!("database: {e}"))?;
    let today = time::OffsetDateTime::from_unix_timestamp(app.now())
        .map(|t| t.date())
        .map_err(|e| anyhow!("clock: {e}"))?;
    let mut reports = 0;
    for bid in &people {
        let mut situation = serde_json::Map::new();
        situation.insert(
            "housing".into(),
            housing[rng.gen_range(0..housing.len())].into(),
        );
        let patch = CaseFilePatch {
            situation,
            referent_id: Some(Some(pro.account_id.to_string())),
            note: None,
        };
        runtime
            .block_on(app.update_case_file(pro, sid, bid, patch))
            .map_err(service_error("writing a case file"))?;
        for _ in 0..rng.gen_range(1..=4) {
            let date = today - time::Duration::days(rng.gen_range(0..365));
            let input = FollowupInput {
                date: Some(date.to_string()),
                medium: Some(MEDIA[rng.gen_range(0..MEDIA.len())].into()),
                subjects: Some(vec![SUBJECTS[rng.gen_range(0..SUBJECTS.len())].into()]),
                status: Some("done".into()),
                shared_text: Some("Point sur vos démarches ; prochain rendez-vous à fixer.".into()),
                private_text: Some("Suivi régulier.".into()),
                due_on: None,
                document_ids: None,
            };
            runtime
                .block_on(create_followup(app, pro, sid, bid, input))
                .map_err(service_error("writing a follow-up"))?;
            reports += 1;
        }
    }
    Ok(reports)
}

/// The number of the first bulk relay structure (`structures_batch` makes one in ten a
/// mediation structure), when a big structure is asked for.
fn first_bulk_relay(opts: &GenerateOptions) -> Option<usize> {
    if opts.big_structure == 0 {
        return None;
    }
    (1..opts.structures).find(|n| bulk::is_relay(*n))
}

/// The big structure as the bulk rows need it, found through its professional's e-mail.
fn structure_of(app: &App, email: &str, pro: &Session) -> Result<bulk::StructureInfo> {
    let index = app.platform.blind_index("login", email).to_vec();
    let (id, public, pro_id, pro_name) = app
        .db
        .transaction_blocking(move |tx| {
            let row = tx.query_one(
                "SELECT s.id, s.public_key, a.id, a.display_name FROM accounts a \
                 JOIN memberships m ON m.account_id = a.id \
                 JOIN structures s ON s.id = m.structure_id WHERE a.login_index = $1",
                &[index.into()],
            )?;
            Ok((row.id(0)?, row.blob(1)?, row.text(2)?, row.text(3)?))
        })
        .map_err(|e: consigne::store::StoreError| anyhow!("database: {e}"))?;
    let secret = pro
        .keys
        .structure_key(&id)
        .ok_or_else(|| anyhow!("the big structure's professional holds no structure key"))?
        .secret()
        .clone();
    Ok(bulk::StructureInfo {
        id,
        relay: true,
        secret,
        public: PublicKey::from_slice(&public)?,
        pro_id,
        pro_name,
    })
}
