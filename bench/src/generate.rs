//! The benchmark's data generator: a realistic large installation (by default 100 000
//! beneficiaries, 500 structures, 2 000 000 documents' metadata and a sample of real
//! encrypted blobs) on SQLite + files or PostgreSQL + S3, written so that `consigne serve`
//! serves it unchanged.
//!
//! Two paths, both the product's own code:
//! - **through the service layer** (`consigne::service::App`, Argon2id at the configured
//!   cost): the platform admin, the fixture structure and its professional, the fixture
//!   beneficiary and her documents with real blobs (uploaded as the API would: sanitised,
//!   encrypted, durable), and the people of `Fixture::logins`, who each have their own password
//!   (safes opened concurrently: the hashing semaphore keeps both cores busy);
//! - **through the store layer** (`consigne::store`, see `bulk`): everything else, in large
//!   transactions fed by one worker thread per core that does the cryptography.
//!
//! - **the size-scaling part** (`sized`, when asked): a structure following many people (its
//!   bulk people planned by `plan_people`) and safes of chosen sizes opened by it through the
//!   service layer, their documents bulk rows.
//!
//! The result is described by a [`Fixture`], also written to `<data_dir>/fixture.json`.

mod bulk;
mod content;
mod sized;

pub use sized::SizedSafe;

use anyhow::{Context, Result, anyhow, bail};
use consigne::config::Config;
use consigne::domain::{BeneficiaryId, ItemId, StructureId};
use consigne::service::{
    App, LoginOutcome, LoginRequest, NewDocument, NewProfessional, NewSafe, NewStructure, Session,
};
use consigne_vault::{KdfParams, Key32, PublicKey};
use rand::{Rng, SeedableRng};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::time::Instant;

/// What to generate, and where.
#[derive(Debug, Clone)]
pub struct GenerateOptions {
    /// Created if missing; must not already hold an installation.
    pub data_dir: PathBuf,
    /// Empty: SQLite (`consigne.db`) in `data_dir`; else `postgres://…` (an empty database).
    pub database_url: String,
    /// Empty: `blobs/` in `data_dir`; else `s3+http(s)://host/bucket`.
    pub blobs_url: String,
    pub beneficiaries: usize,
    pub structures: usize,
    /// Documents' rows in all, the fixture beneficiary's 50 included.
    pub documents: usize,
    /// Bulk documents that also get a real encrypted blob (20 to 400 KB PDFs), besides the
    /// fixture beneficiary's own real documents.
    pub blob_sample: usize,
    /// Same seed, same shape (names, counts, ids of bulk rows); keys are always fresh.
    pub seed: u64,
    /// People followed by a second, big relay structure (0: none), the sized safes included
    /// (see `sized`).
    pub big_structure: usize,
    /// Safes opened by the big structure with these numbers of documents, each with her own
    /// password (on top of `beneficiaries` and `documents`).
    pub sized_safes: Vec<u64>,
}

impl Default for GenerateOptions {
    fn default() -> Self {
        Self {
            data_dir: PathBuf::from("bench-data"),
            database_url: String::new(),
            blobs_url: String::new(),
            beneficiaries: 100_000,
            structures: 500,
            documents: 2_000_000,
            blob_sample: 1_000,
            seed: 42,
            big_structure: 0,
            sized_safes: Vec::new(),
        }
    }
}

/// The generated installation, as the scenarios use it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Fixture {
    /// The configuration for `consigne serve --config` (TOTP off for staff, Argon2id at the
    /// default cost, a large per-safe quota so that upload scenarios never hit it).
    pub config_path: PathBuf,
    pub beneficiary: FixtureBeneficiary,
    pub professional: FixtureProfessional,
    /// Beneficiaries with their own password, who really log in.
    pub logins: Vec<Credentials>,
    /// A bulk beneficiary (bulk safes share one password derivation), with a document that has
    /// a real blob when the sample gave her one.
    pub bulk: BulkPerson,
    pub counts: Counts,
    /// Wall-clock time of the generation.
    pub seconds: f64,
    /// The professional of the big structure (`GenerateOptions::big_structure`), if any.
    #[serde(default)]
    pub big_professional: Option<FixtureProfessional>,
    /// The safes of chosen sizes (`GenerateOptions::sized_safes`), smallest first as asked.
    #[serde(default)]
    pub sized: Vec<SizedSafe>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FixtureBeneficiary {
    /// Her safe's id (`/api/v1/beneficiaries/{id}/…`).
    pub id: String,
    pub identifier: String,
    pub password: String,
    /// Her 50 documents, newest first as her list shows them.
    pub documents: Vec<String>,
    /// Those of `documents` that have a real blob (the others are metadata only).
    pub documents_with_blobs: Vec<String>,
    /// A PDF of just over 10 MiB (a scanned page), with its real blob.
    pub big_document: String,
    /// Its size in bytes as the API reports it.
    pub big_document_size: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FixtureProfessional {
    pub email: String,
    pub password: String,
    /// Her structure (`/api/v1/structures/{id}/beneficiaries`).
    pub structure_id: String,
    /// How many people her structure follows.
    pub followed: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Credentials {
    pub identifier: String,
    pub password: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BulkPerson {
    pub identifier: String,
    pub password: String,
    pub document_with_blob: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Counts {
    pub beneficiaries: usize,
    pub structures: usize,
    pub professionals: usize,
    pub documents: usize,
    /// Documents with a real encrypted blob.
    pub blobs: usize,
    pub shares: usize,
    pub journal: usize,
    /// SQLite only: the database file (and its write-ahead log) in bytes.
    pub database_bytes: Option<u64>,
}

impl Fixture {
    /// Reads `<data_dir>/fixture.json`.
    pub fn load(data_dir: &Path) -> Result<Self> {
        let path = data_dir.join("fixture.json");
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        serde_json::from_str(&text).with_context(|| format!("invalid {}", path.display()))
    }
}

const FIXTURE_DOCUMENTS: usize = 50;
/// Of her 50 documents, these have real blobs (the big one included).
const FIXTURE_REAL: usize = 10;
const BIG_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;
const ADMIN_EMAIL: &str = "admin@bench.consigne.example";
const ADMIN_PASSWORD: &str = "bench la gardienne des clefs du coffre";
const PRO_EMAIL: &str = "claire.martin@bench.consigne.example";
const PRO_NAME: &str = "Claire Martin";
const PRO_PASSWORD: &str = "bench claire ouvre les coffres du relais";
/// Shared by every bulk beneficiary (one Argon2id derivation for all of them).
const BULK_PASSWORD: &str = "tortue orange sous le pont de pierre";
/// Their shared recovery code (canonical form: 24 Crockford base32 characters).
const BULK_RECOVERY: &str = "BENCHBENCHBENCHBENCHBENC";
/// Shared by every bulk professional (`pro0001@…`, one per bulk structure).
pub const BULK_STAFF_PASSWORD: &str = "bench un relais parmi cinq cents";
/// Bulk beneficiaries per transaction (about 20 documents each by default): large
/// transactions, since each one rewrites every index page its random ids touch.
const PEOPLE_PER_BATCH: usize = 2_000;

/// The e-mail of the professional of bulk structure `n` (1-based).
pub fn bulk_professional_email(n: usize) -> String {
    format!("pro{n:04}@bench.consigne.example")
}

/// Who logs in with her own password: a tenth of the people, at most 200.
fn login_count(beneficiaries: usize) -> usize {
    (beneficiaries / 10).clamp(1, 200)
}

/// How many people the fixture structure follows: 300 at the default size.
fn followed_count(beneficiaries: usize, logins: usize) -> usize {
    (beneficiaries / 2).min(300).max(1 + logins)
}

/// Generates the installation described by `opts` and writes `<data_dir>/fixture.json`.
pub fn generate(opts: &GenerateOptions) -> Result<Fixture> {
    let started = Instant::now();
    if opts.beneficiaries < 10 || opts.structures < 1 || opts.documents < FIXTURE_DOCUMENTS {
        bail!(
            "at least 10 beneficiaries, 1 structure and {FIXTURE_DOCUMENTS} documents are needed"
        );
    }
    let config_path = prepare_dir(opts)?;
    let config = Config::from_file(&config_path)?;
    let app = consigne::cli::build_app(config, Arc::new(consigne::clock::SystemClock), false)?;
    let existing = app
        .db
        .transaction_blocking(|tx| tx.query_one("SELECT COUNT(*) FROM accounts", &[])?.int(0))
        .map_err(|e| anyhow!("database: {e}"))?;
    if existing > 0 {
        bail!("the database already holds accounts: generate into an empty database");
    }
    let mut rng = rand::rngs::StdRng::seed_from_u64(opts.seed);
    let logins = login_count(opts.beneficiaries);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let people: Vec<content::PersonName> =
        (0..=logins).map(|_| content::person(&mut rng)).collect();
    let served = runtime.block_on(service_phase(&app, &people, &mut rng))?;
    eprintln!(
        "generate: accounts that log in created through the service ({:.1} s)",
        started.elapsed().as_secs_f64()
    );
    let bulk_person = bulk_phase(&app, opts, &served, logins, &mut rng, &started)?;
    let sized = sized::make(&app, &runtime, opts, &mut rng)?;
    let counts = count(&app)?;
    let followed = app
        .db
        .transaction_blocking({
            let sid = served.structure_id.clone();
            move |tx| {
                tx.query_one(
                    "SELECT COUNT(*) FROM relays WHERE structure_id = $1",
                    &[sid.into()],
                )?
                .int(0)
            }
        })
        .map_err(|e| anyhow!("database: {e}"))?;
    // Her documents in the order her list shows them.
    let documents = app
        .db
        .transaction_blocking({
            let bid = served.beneficiary.id.clone();
            move |tx| {
                tx.query(
                    "SELECT id FROM items WHERE beneficiary_id = $1 AND kind = 'document' ORDER BY created_at DESC, id",
                    &[bid.into()],
                )?
                .iter()
                .map(|r| r.text(0))
                .collect::<Result<Vec<_>, _>>()
            }
        })
        .map_err(|e| anyhow!("database: {e}"))?;
    drop(app);
    drop(runtime);
    let mut counts = counts;
    counts.database_bytes = sqlite_size(opts);
    let fixture = Fixture {
        config_path,
        beneficiary: FixtureBeneficiary {
            documents,
            ..served.beneficiary
        },
        professional: FixtureProfessional {
            email: PRO_EMAIL.into(),
            password: PRO_PASSWORD.into(),
            structure_id: served.structure_id.into_string(),
            followed: usize::try_from(followed).unwrap_or(0),
        },
        logins: served.logins,
        bulk: bulk_person,
        counts,
        seconds: started.elapsed().as_secs_f64(),
        big_professional: sized.professional,
        sized: sized.safes,
    };
    let path = opts.data_dir.join("fixture.json");
    let tmp = opts.data_dir.join("fixture.json.tmp");
    std::fs::write(&tmp, serde_json::to_vec_pretty(&fixture)?)
        .with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, &path).with_context(|| format!("cannot write {}", path.display()))?;
    eprintln!(
        "generate: done in {:.1} s: {} beneficiaries, {} structures, {} documents, {} blobs",
        fixture.seconds,
        fixture.counts.beneficiaries,
        fixture.counts.structures,
        fixture.counts.documents,
        fixture.counts.blobs
    );
    Ok(fixture)
}

/// Creates the data directory (refusing one that holds an installation) and writes the
/// configuration; returns its path.
fn prepare_dir(opts: &GenerateOptions) -> Result<PathBuf> {
    std::fs::create_dir_all(&opts.data_dir)
        .with_context(|| format!("cannot create {}", opts.data_dir.display()))?;
    for taken in ["consigne.db", "platform.key", "fixture.json"] {
        if opts.data_dir.join(taken).exists() {
            bail!(
                "{} already holds an installation ({taken}): remove it or choose another directory",
                opts.data_dir.display()
            );
        }
    }
    let dir = std::fs::canonicalize(&opts.data_dir)
        .with_context(|| format!("cannot resolve {}", opts.data_dir.display()))?;
    let dir = dir
        .to_str()
        .ok_or_else(|| anyhow!("the data directory's path is not UTF-8"))?;
    // JSON strings are valid TOML basic strings (same escapes).
    let quote = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let text = format!(
        "# Written by the benchmark's data generator (consigne-bench).\n\
         data_dir = {}\n\
         database_url = {}\n\
         blobs_url = {}\n\n\
         [security]\n\
         # Staff log in with a password only: the benchmark measures Argon2id, not TOTP.\n\
         require_totp = false\n\n\
         [storage]\n\
         # Upload scenarios store many large files in the same safe: no quota in the way.\n\
         quota_mb = 1048576\n",
        quote(dir),
        quote(&opts.database_url),
        quote(&opts.blobs_url),
    );
    let path = opts.data_dir.join("consigne.toml");
    std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    std::fs::canonicalize(&path).with_context(|| format!("cannot resolve {}", path.display()))
}

/// What the service phase made.
struct Served {
    structure_id: StructureId,
    beneficiary: FixtureBeneficiary,
    /// Her vault key and public key, for her metadata-only documents.
    vault: Key32,
    public: PublicKey,
    /// The fixture structure's private key, for the directory entries of the bulk people it
    /// follows.
    structure_secret: Key32,
    created_at: i64,
    logins: Vec<Credentials>,
}

fn service_error(what: &str) -> impl Fn(consigne::service::ServiceError) -> anyhow::Error + '_ {
    move |e| anyhow!("{what}: {e}")
}

async fn login(app: &App, login: &str, password: &str) -> Result<Session> {
    let outcome = app
        .login(LoginRequest {
            identifier: login.into(),
            password: password.into(),
            totp: None,
            address: [127, 0, 0, 1].into(),
            allow_pending: false,
            language: None,
        })
        .await
        .map_err(|e| anyhow!("logging in as {login}: {e}"))?;
    match outcome {
        LoginOutcome::Full { session, .. } => Ok(*session),
        LoginOutcome::TotpPending { .. } => bail!("{login} is asked for a second factor"),
    }
}

fn new_safe(p: &content::PersonName) -> NewSafe {
    NewSafe {
        first_name: p.first.clone(),
        last_name: p.last.clone(),
        birth_date: p.birth_date.clone(),
        password: None,
        generate_passphrase: true,
        language: Some(p.language.into()),
        phone: p.phone.clone(),
        consent: Some(true),
        recovery_relay: Some(true),
    }
}

/// The accounts that log in, made as the product makes them. `people[0]` is the fixture
/// beneficiary, the others get a safe each (their passwords are the generated passphrases).
async fn service_phase(
    app: &App,
    people: &[content::PersonName],
    rng: &mut rand::rngs::StdRng,
) -> Result<Served> {
    app.create_platform_admin(ADMIN_EMAIL, "Bench admin", ADMIN_PASSWORD, false)
        .await
        .map_err(service_error("creating the platform admin"))?;
    let admin = login(app, ADMIN_EMAIL, ADMIN_PASSWORD).await?;
    let (name, city) = content::structure_name(rng, 0);
    let structure = app
        .create_structure(
            &admin,
            NewStructure {
                name,
                kind: "relay".into(),
                city: Some(city),
                phone: None,
                annual_budget_eur: Some(450_000),
            },
        )
        .await
        .map_err(service_error("creating the fixture structure"))?;
    app.add_professional(
        &admin,
        &structure.id,
        NewProfessional {
            display_name: PRO_NAME.into(),
            email: PRO_EMAIL.into(),
            password: PRO_PASSWORD.into(),
            role: "admin".into(),
        },
    )
    .await
    .map_err(service_error("adding the fixture professional"))?;
    let pro = login(app, PRO_EMAIL, PRO_PASSWORD).await?;
    let (first, others) = people
        .split_first()
        .ok_or_else(|| anyhow!("nobody to create"))?;
    let opened = app
        .open_safe(&pro, &structure.id, new_safe(first))
        .await
        .map_err(service_error("opening the fixture beneficiary's safe"))?;
    // People who log in have accepted the terms and seen the first visit guide.
    consigne::service::onboarding::onboarded(app, &opened.id)
        .await
        .map_err(service_error("accepting the terms"))?;
    let password = opened
        .passphrase
        .clone()
        .ok_or_else(|| anyhow!("no passphrase generated"))?;
    let mut set = tokio::task::JoinSet::new();
    for (n, p) in others.iter().enumerate() {
        let (app, pro, sid, input) = (app.clone(), pro.clone(), structure.id.clone(), new_safe(p));
        set.spawn(async move { (n, app.open_safe(&pro, &sid, input).await) });
    }
    let mut logins = vec![None; others.len()];
    while let Some(joined) = set.join_next().await {
        let (n, result) = joined.map_err(|e| anyhow!("opening a safe: {e}"))?;
        let safe = result.map_err(service_error("opening a safe"))?;
        consigne::service::onboarding::onboarded(app, &safe.id)
            .await
            .map_err(service_error("accepting the terms"))?;
        let password = safe
            .passphrase
            .ok_or_else(|| anyhow!("no passphrase generated"))?;
        logins[n] = Some(Credentials {
            identifier: safe.identifier,
            password,
        });
    }
    let logins: Vec<Credentials> = logins.into_iter().flatten().collect();
    // Her real documents: some she added herself, some the professional added for her (and so
    // shared with the structure), and a 10 MB scan.
    let me = login(app, &opened.identifier, &password).await?;
    let mut with_blobs = Vec::new();
    for k in 0..FIXTURE_REAL - 1 {
        let name = content::document_name(rng);
        let size = rng.gen_range(30_000..400_000);
        let by = if k % 3 == 0 { &pro } else { &me };
        let view = app
            .upload_document(
                by,
                &opened.id,
                NewDocument {
                    content: content::pdf(rng, name, size).into(),
                    file_name: Some(format!("scan_{k}.pdf")),
                    name: Some(name.into()),
                    folder_id: None,
                },
            )
            .await
            .map_err(service_error("uploading a document"))?;
        with_blobs.push(view.id);
    }
    let big = app
        .upload_document(
            &me,
            &opened.id,
            NewDocument {
                content: content::pdf(rng, "Dossier complet", BIG_DOCUMENT_BYTES + 4096).into(),
                file_name: Some("dossier_complet.pdf".into()),
                name: Some("Dossier complet (scan)".into()),
                folder_id: None,
            },
        )
        .await
        .map_err(service_error("uploading the big document"))?;
    with_blobs.push(big.id.clone());
    let vault = me
        .keys
        .vault
        .clone()
        .ok_or_else(|| anyhow!("her session holds no vault key"))?;
    let public = me.keys.keypair().public();
    let structure_secret = pro
        .keys
        .structure_key(&structure.id)
        .ok_or_else(|| anyhow!("the fixture professional holds no structure key"))?
        .secret()
        .clone();
    for s in [&me, &pro, &admin] {
        app.logout(s).await.map_err(service_error("logging out"))?;
    }
    let now = app.now();
    Ok(Served {
        structure_id: structure.id,
        beneficiary: FixtureBeneficiary {
            id: opened.id.into_string(),
            identifier: opened.identifier,
            password,
            documents: Vec::new(),
            documents_with_blobs: with_blobs.into_iter().map(ItemId::into_string).collect(),
            big_document: big.id.into_string(),
            big_document_size: big.size,
        },
        vault,
        public,
        structure_secret,
        created_at: now - 2 * 365 * 86_400,
        logins,
    })
}

/// Everything else through the store layer. Returns a bulk person who can log in.
fn bulk_phase(
    app: &App,
    opts: &GenerateOptions,
    served: &Served,
    logins: usize,
    rng: &mut rand::rngs::StdRng,
    started: &Instant,
) -> Result<BulkPerson> {
    let now = app.now();
    let platform: &consigne_vault::PlatformKey = &app.platform;
    let params = app.kdf_params();
    let derive = |secret: &str, salt: &[u8; 16], params: &KdfParams| {
        consigne_vault::derive_secret(secret.as_bytes(), salt, params)
            .map_err(|e| anyhow!("argon2: {e}"))
    };
    let (staff_salt, pw_salt, rc_salt) = (rng.r#gen(), rng.r#gen(), rng.r#gen());
    let staff = derive(BULK_STAFF_PASSWORD, &staff_salt, &params)?;
    let password = derive(BULK_PASSWORD, &pw_salt, &params)?;
    let recovery = derive(BULK_RECOVERY, &rc_salt, &params)?;

    // Structures: the fixture's first, then the bulk ones.
    let fixture_public = app
        .db
        .transaction_blocking({
            let sid = served.structure_id.clone();
            move |tx| consigne::store::structures::by_id(tx, &sid)
        })
        .map_err(|e| anyhow!("database: {e}"))?
        .and_then(|s| s.public_key)
        .ok_or_else(|| anyhow!("the fixture structure has no key"))?;
    let mut infos = vec![bulk::StructureInfo {
        id: served.structure_id.clone(),
        relay: true,
        public: PublicKey::from_slice(&fixture_public)?,
        secret: served.structure_secret.clone(),
        pro_id: String::new(),
        pro_name: PRO_NAME.into(),
    }];
    let made = bulk::structures_batch(
        platform,
        &bulk::Staff {
            kdf_params: &params.encode(),
            derived: &staff,
            salt: staff_salt,
        },
        rng,
        1..opts.structures,
        now,
    );
    bulk::insert_structures(&app.db, &made)?;
    infos.extend(made.infos);
    let pro_id = app
        .db
        .transaction_blocking(|tx| {
            tx.query_one(
                "SELECT id FROM accounts WHERE kind = 'professional' AND email = $1",
                &[PRO_EMAIL.into()],
            )?
            .text(0)
        })
        .map_err(|e| anyhow!("database: {e}"))?;
    infos[0].pro_id = pro_id;

    // The fixture beneficiary's other documents: metadata only.
    let shared = bulk::Shared {
        platform,
        blobs: app.blobs().clone(),
        kdf_params: params.encode(),
        password: &password,
        password_salt: pw_salt,
        recovery: &recovery,
        recovery_salt: rc_salt,
        structures: &infos,
        now,
        sample: &HashSet::new(),
    };
    let mut batch = bulk::Batch::default();
    let mut boxes = bulk::Boxes::default();
    bulk::documents(
        &shared,
        &bulk::Safe {
            bid: &BeneficiaryId::stored(served.beneficiary.id.clone()),
            vault: &served.vault,
            public: &served.public,
            relays: &[0],
            created_at: served.created_at,
        },
        (FIXTURE_DOCUMENTS - FIXTURE_REAL) as u64,
        None,
        rng,
        &mut boxes,
        &mut batch,
    )?;
    bulk::insert_batch(&app.db, &batch)?;

    // Plan the bulk people: names (no identifier taken twice), relais, documents.
    let plan = plan_people(opts, served, logins, &infos, rng)?;
    let bulk_docs: u64 = plan.iter().map(|p| p.documents).sum();
    let sample_size = opts
        .blob_sample
        .min(usize::try_from(bulk_docs).unwrap_or(usize::MAX));
    let sample: HashSet<u64> = rand::seq::index::sample(
        rng,
        usize::try_from(bulk_docs).unwrap_or(usize::MAX),
        sample_size,
    )
    .into_iter()
    .map(|i| i as u64)
    .collect();
    let shared = bulk::Shared {
        sample: &sample,
        ..shared
    };
    let bulk_person = plan
        .iter()
        .find(|p| (p.doc_offset..p.doc_offset + p.documents).any(|g| sample.contains(&g)))
        .or(plan.first())
        .map(|p| p.identifier.clone())
        .unwrap_or_default();

    // One worker per core seals, the calling thread inserts, batch after batch.
    let batches: Vec<&[bulk::PersonPlan]> = plan.chunks(PEOPLE_PER_BATCH).collect();
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 8);
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // Where the time goes (printed at the end): sealing on the workers, inserting here.
    let sealing = AtomicU64::new(0);
    let mut inserting = std::time::Duration::ZERO;
    let total_docs = opts.documents;
    let seed = opts.seed;
    let (tx, rx) = std::sync::mpsc::sync_channel::<Result<bulk::Batch>>(workers);
    let outcome = std::thread::scope(|scope| -> Result<()> {
        for _ in 0..workers {
            let tx = tx.clone();
            let (batches, next, stop, shared, sealing) =
                (&batches, &next, &stop, &shared, &sealing);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    if i >= batches.len() || stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let mut rng = rand::rngs::StdRng::seed_from_u64(
                        seed ^ (i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15),
                    );
                    let t = Instant::now();
                    let made = bulk::people_batch(shared, batches[i], &mut rng);
                    sealing.fetch_add(t.elapsed().as_millis() as u64, Ordering::Relaxed);
                    let failed = made.is_err();
                    if tx.send(made).is_err() || failed {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut done_docs = FIXTURE_DOCUMENTS;
        let mut next_report = total_docs / 10;
        for made in rx {
            let t = Instant::now();
            let result = made.and_then(|b| {
                bulk::insert_batch(&app.db, &b)?;
                Ok(b.items.len())
            });
            inserting += t.elapsed();
            match result {
                Ok(n) => done_docs += n,
                Err(e) => {
                    stop.store(true, Ordering::SeqCst);
                    return Err(e);
                }
            }
            if done_docs >= next_report {
                eprintln!(
                    "generate: {done_docs}/{total_docs} documents ({:.1} s)",
                    started.elapsed().as_secs_f64()
                );
                next_report = done_docs + total_docs / 10;
            }
        }
        Ok(())
    });
    outcome?;
    eprintln!(
        "generate: bulk rows sealed in {:.1} s of worker time ({workers} workers), inserted in {:.1} s",
        sealing.load(Ordering::Relaxed) as f64 / 1000.0,
        inserting.as_secs_f64()
    );
    // Her document with a blob, if the sample gave her one.
    let document_with_blob = app
        .db
        .transaction_blocking({
            let identifier = bulk_person.clone();
            let index = platform.blind_index("login", &identifier).to_vec();
            move |tx| {
                tx.query_opt(
                    "SELECT i.id FROM items i JOIN beneficiaries b ON b.id = i.beneficiary_id JOIN accounts a ON a.id = b.account_id WHERE a.login_index = $1 AND i.blob_key IS NOT NULL ORDER BY i.id LIMIT 1",
                    &[index.into()],
                )?
                .map(|r| r.text(0))
                .transpose()
            }
        })
        .map_err(|e| anyhow!("database: {e}"))?;
    Ok(BulkPerson {
        identifier: bulk_person,
        password: BULK_PASSWORD.into(),
        document_with_blob,
    })
}

/// The bulk people: unique identifiers, relais, and how many documents each has (an
/// exponential spread around the mean: most have a few papers, some have many).
fn plan_people(
    opts: &GenerateOptions,
    served: &Served,
    logins: usize,
    structures: &[bulk::StructureInfo],
    rng: &mut rand::rngs::StdRng,
) -> Result<Vec<bulk::PersonPlan>> {
    let count = opts.beneficiaries - 1 - logins;
    let docs = (opts.documents - FIXTURE_DOCUMENTS) as u64;
    if count == 0 && docs > 0 {
        bail!("too few beneficiaries for {} documents", opts.documents);
    }
    let today = time::OffsetDateTime::now_utc().date();
    let mut taken: HashSet<String> = served
        .logins
        .iter()
        .map(|l| l.identifier.clone())
        .chain([served.beneficiary.identifier.clone()])
        .collect();
    // Relay structures other than the fixture's (and the big one): where the bulk people are
    // followed.
    let big = sized::big_structure(opts);
    let relays: Vec<usize> = (1..structures.len())
        .filter(|i| structures[*i].relay && big.is_none_or(|(b, _)| b != *i))
        .collect();
    let to_fixture = followed_count(opts.beneficiaries, logins) - 1 - logins;
    let to_big = big.map_or(0, |(_, n)| n);
    if to_fixture + to_big > count {
        bail!(
            "too few beneficiaries: {to_fixture} for the fixture structure and {to_big} for the big one"
        );
    }
    let weights: Vec<f64> = (0..count)
        .map(|_| -(1.0 - rng.gen_range(0.0..1.0f64)).ln())
        .collect();
    let sum: f64 = weights.iter().sum::<f64>().max(f64::MIN_POSITIVE);
    let mut counts: Vec<u64> = weights
        .iter()
        .map(|w| (docs as f64 * w / sum).floor() as u64)
        .collect();
    let mut missing = docs - counts.iter().sum::<u64>().min(docs);
    while missing > 0 && count > 0 {
        counts[rng.gen_range(0..count)] += 1;
        missing -= 1;
    }
    let mut plan = Vec::with_capacity(count);
    let mut offset = 0;
    for (i, documents) in counts.into_iter().enumerate() {
        let name = content::person(rng);
        let first = consigne::domain::PersonName::parse("first_name", &name.first)
            .map_err(|e| anyhow!("generated name refused: {e:?}"))?;
        let last = consigne::domain::PersonName::parse("last_name", &name.last)
            .map_err(|e| anyhow!("generated name refused: {e:?}"))?;
        let birth = consigne::domain::BirthDate::parse(&name.birth_date, today)
            .map_err(|e| anyhow!("generated birth date refused: {e:?}"))?;
        let identifier = (1..=999)
            .map(|n| consigne::domain::Identifier::build(&first, &last, &birth, n))
            .map(|id| id.as_str().to_owned())
            .find(|id| !taken.contains(id))
            .ok_or_else(|| anyhow!("too many homonyms"))?;
        taken.insert(identifier.clone());
        let primary = if i < to_fixture {
            0
        } else if let Some((b, _)) = big.filter(|_| i < to_fixture + to_big) {
            b
        } else if relays.is_empty() {
            0
        } else {
            relays[rng.gen_range(0..relays.len())]
        };
        let second = (relays.len() > 1 && rng.gen_bool(0.15))
            .then(|| relays[rng.gen_range(0..relays.len())])
            .filter(|s| *s != primary);
        plan.push(bulk::PersonPlan {
            name,
            identifier,
            primary,
            second,
            documents,
            doc_offset: offset,
        });
        offset += documents;
    }
    Ok(plan)
}

fn count(app: &App) -> Result<Counts> {
    app.db
        .transaction_blocking(|tx| {
            let mut n = |sql: &str| -> Result<usize, consigne::store::StoreError> {
                Ok(usize::try_from(tx.query_one(sql, &[])?.int(0)?).unwrap_or(0))
            };
            Ok(Counts {
                beneficiaries: n("SELECT COUNT(*) FROM beneficiaries")?,
                structures: n("SELECT COUNT(*) FROM structures")?,
                professionals: n("SELECT COUNT(*) FROM accounts WHERE kind = 'professional'")?,
                documents: n("SELECT COUNT(*) FROM items WHERE kind = 'document'")?,
                blobs: n("SELECT COUNT(*) FROM items WHERE blob_key IS NOT NULL")?,
                shares: n("SELECT COUNT(*) FROM item_shares")?,
                journal: n("SELECT COUNT(*) FROM journal")?,
                database_bytes: None,
            })
        })
        .map_err(|e: consigne::store::StoreError| anyhow!("database: {e}"))
}

fn sqlite_size(opts: &GenerateOptions) -> Option<u64> {
    if !opts.database_url.is_empty() && !opts.database_url.starts_with("sqlite") {
        return None;
    }
    let db = opts.data_dir.join("consigne.db");
    let size = |p: PathBuf| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    Some(size(db.clone()) + size(db.with_extension("db-wal")))
}
