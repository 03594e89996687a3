//! Use cases. Each public method is one thing a person does (log in, open a safe, accept an
//! invitation...). The service owns transactions and calls the policy, the vault, the stores
//! and the journal; it knows nothing of HTTP.

mod access;
pub mod agenda;
mod auth;
mod beneficiaries;
mod calendar;
mod casefile;
mod certification;
pub mod contexts;
mod directory;
mod export;
pub mod features;
pub mod followups;
mod household;
pub mod imports;
mod items;
mod jobs;
mod journal;
pub mod kit;
pub mod licences;
mod links;
mod members;
pub mod messages;
pub mod news;
pub mod onboarding;
mod paging;
pub mod partners;
pub mod people;
pub mod procedures;
pub mod proofs;
pub mod renewals;
pub(crate) mod secret_address;
pub mod simulations;
mod stats;
mod structures;
mod upkeep;
pub mod usage;

pub use crate::config::MAX_FILE_BYTES_CAP;
pub use crate::store::items::FolderFilter;
pub use auth::{
    AccountView, LoginOutcome, LoginRequest, RecoverRequest, StructureRef, TotpEnrollment,
};
pub use auth::{InPersonReset, PendingReset, ResetNotice, ResetStarted};
pub use auth::{QuestionRecoverRequest, QuestionView};
pub use auth::{SecurityNotices, Session, SessionKeys, Software, Stage};
pub use beneficiaries::{
    BeneficiaryProfile, InvitationView, NewSafe, OpenedSafe, RelayView, SheetRelay,
};
pub use calendar::{
    CalendarFeedView, EventSchedule, ReminderView, after_quiet_hours, from_local_date_time,
    local_date_time,
};
pub use casefile::{
    CaseFilePatch, CaseFileView, ChangeView, FAMILY, FIELDS, HEALTH_COVERS, HOUSING, PERMITS,
    PROTECTIONS, Professional as CaseProfessional, RESOURCES, Situation,
};
pub use certification::{PublishedKey, TransparencyHead};
pub use directory::{FollowedPerson, open_directory_entry, seal_directory_entry};
pub use household::{
    DependantView, FamilyDependant, FamilyMember, FamilyView, Household, LinkState, LinkView,
    NewDependant, Relation,
};
pub use imports::{ImportCheck, Imported, Invitation};
pub use items::{
    AssembleRequest, Contact, ContentStream, DocumentPatch, DocumentView, Event, FolderView,
    ItemFields, ItemKind, ItemView, MAX_FILE_PIECES, MAX_SCAN_PAGES, NewDocument, Note, PageEdit,
    PaperDetails, PreviewMeta, Received, Reminder, ScanDraft, ScanPhotos, Upload, parse_fields,
};
pub(crate) use jobs::job_row;
pub use jobs::{
    JobHandler, JobView, JobsSummary, KindSummary, NewJob, Outcome, RoundReport, Worker, backoff,
    jobs_lease,
};
pub use journal::{JOURNAL_ACTIONS, JournalView, SOFTWARE_ACTOR};
pub use links::{
    CreatedLink, LinkBody, LinkContent, LinkPage, MAX_LINK_MINUTES, MIN_LINK_MINUTES, NewLink,
    ShareLinkView,
};
pub use members::{RotationStatus, StructureKeyRotation};
pub use onboarding::{Onboarding, TERMS_SECTIONS, TERMS_VERSION};
pub use paging::{MAX_PAGE, PAGE_SIZE, Page, PageNumber};
pub use stats::{Figure, KPI_MIN_GROUP, PublicKpis, StructureStats};
pub use structures::{NewProfessional, NewStructure, ProfessionalView, StructureView};
pub use upkeep::VerifyReport;
pub use usage::{SmsBudget, UsageMonth};

use crate::clock::{Clock, Timestamp};
use crate::config::Config;
use crate::domain::{InvalidInput, MalformedId, PasswordRejection};
use crate::store::{Database, Sql, StoreError};
use consigne_vault::{DerivedSecret, KdfParams, PlatformKey, VaultError};
use serde::Serialize;
use std::sync::Arc;
use tokio::sync::Semaphore;

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error("invalid credentials")]
    InvalidCredentials,
    #[error("second factor required")]
    TotpRequired,
    #[error("not authenticated")]
    Unauthenticated,
    #[error("second factor enrolment required")]
    TotpEnrollmentRequired,
    #[error("throttled for {retry_after} s")]
    Throttled { retry_after: i64 },
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    #[error("conflict: {0}")]
    Conflict(&'static str),
    #[error("invalid input: {0}")]
    Invalid(InvalidInput),
    #[error("weak password: {0:?}")]
    WeakPassword(PasswordRejection),
    #[error("consent required")]
    ConsentRequired,
    #[error("wrong code")]
    WrongCode,
    #[error("access to the structure key pending")]
    AccessPending,
    #[error("account deactivated")]
    AccountDeactivated,
    #[error("unsupported file type ({0})")]
    UnsupportedType(&'static str),
    #[error("too large ({0})")]
    TooLarge(&'static str),
    #[error("storage full")]
    StorageFull,
    /// The structure's licences all ended: it opens no new safe.
    #[error("licence lapsed")]
    LicenceLapsed,
    /// The operator switched this capability off for the structure (a pilot's feature).
    #[error("feature switched off")]
    FeatureOff,
    #[error(transparent)]
    Store(StoreError),
    #[error(transparent)]
    Vault(#[from] VaultError),
    #[error("internal: {0}")]
    Internal(&'static str),
}

impl From<StoreError> for ServiceError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Full => ServiceError::StorageFull,
            other => ServiceError::Store(other),
        }
    }
}

/// An id that is not one names nothing: the same 404 as an unknown one.
impl From<MalformedId> for ServiceError {
    fn from(_: MalformedId) -> Self {
        ServiceError::NotFound
    }
}

impl From<InvalidInput> for ServiceError {
    fn from(e: InvalidInput) -> Self {
        ServiceError::Invalid(e)
    }
}

pub type ServiceResult<T> = Result<T, ServiceError>;

/// Everything a use case needs; cloned cheaply into handlers.
#[derive(Debug, Clone)]
pub struct App {
    pub config: Arc<Config>,
    pub db: Database,
    pub platform: Arc<PlatformKey>,
    /// The certification log's signing keys (`[certification] signing_key_file`).
    pub(crate) signing: Arc<consigne_vault::signing::SigningKeys>,
    pub clock: Arc<dyn Clock>,
    pub(crate) blobs: Arc<dyn crate::store::blobs::BlobStore>,
    hashing: Arc<Semaphore>,
    /// Argon2id working memories, one per hashing permit at most, reused between runs.
    kdf_memory: Arc<std::sync::Mutex<Vec<consigne_vault::KdfMemory>>>,
    /// Uploads' shared in-memory budget, in KiB (`storage.in_memory_total_mb`).
    pub(crate) upload_memory: Arc<Semaphore>,
    /// Places for uploads streaming to storage at once (`storage.max_streaming_uploads`).
    pub(crate) upload_streams: Arc<Semaphore>,
    /// Media processing's shared memory budget (`media.budget_mb`, see `items/media.rs`).
    media: items::media::MediaBudget,
    kdf: KdfParams,
    /// Invitations delivered after their answer (see `beneficiaries::invite`).
    pub(crate) invitations: Arc<beneficiaries::InvitationDeliveries>,
    /// Demo mode: staff may skip TOTP; pages show a banner.
    pub demo: bool,
    /// Structure key rotations this process runs with keys key holders handed over.
    pub(crate) rotations: members::SharedRotations,
    /// This process's copy of the feature switches (`features.rs`).
    pub(crate) features: Arc<features::FeatureCache>,
}

impl App {
    pub fn new(
        config: Config,
        db: Database,
        blobs: Arc<dyn crate::store::blobs::BlobStore>,
        (platform, signing): (PlatformKey, consigne_vault::signing::SigningKeys),
        clock: Arc<dyn Clock>,
        demo: bool,
    ) -> Self {
        let kdf = KdfParams {
            memory_kib: config.argon2.memory_kib,
            iterations: config.argon2.iterations,
            parallelism: config.argon2.parallelism,
        };
        let permits = config.argon2.max_concurrent;
        let upload_kib = config.storage.in_memory_total_kib() as usize;
        let streams = config.storage.max_streaming_uploads;
        let media = items::media::MediaBudget::new(&config.media);
        Self {
            config: Arc::new(config),
            db,
            platform: Arc::new(platform),
            signing: Arc::new(signing),
            clock,
            blobs,
            hashing: Arc::new(Semaphore::new(permits)),
            kdf_memory: Arc::default(),
            upload_memory: Arc::new(Semaphore::new(upload_kib)),
            upload_streams: Arc::new(Semaphore::new(streams)),
            media,
            kdf,
            invitations: Arc::default(),
            demo,
            rotations: Arc::default(),
            features: Arc::default(),
        }
    }

    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }

    pub fn require_totp(&self) -> bool {
        self.config.security.require_totp
    }

    pub fn kdf_params(&self) -> KdfParams {
        self.kdf
    }

    /// Argon2id behind the concurrency limit, on a blocking thread: logins cannot exhaust
    /// memory and never stall the async workers that answer `/health`.
    pub async fn derive(
        &self,
        secret: Vec<u8>,
        salt: [u8; 16],
        params: KdfParams,
    ) -> ServiceResult<DerivedSecret> {
        let _permit = self
            .hashing
            .acquire()
            .await
            .map_err(|_| ServiceError::Internal("hashing closed"))?;
        let secret = zeroize::Zeroizing::new(secret);
        // One working memory per permit, reused: the server's memory stays flat under a burst
        // of logins.
        let mut memory = self
            .kdf_memory
            .lock()
            .ok()
            .and_then(|mut pool| pool.pop())
            .unwrap_or_default();
        let (derived, memory) = tokio::task::spawn_blocking(move || {
            let derived = consigne_vault::derive_secret_in(&secret, &salt, &params, &mut memory);
            (derived, memory)
        })
        .await
        .map_err(|_| ServiceError::Internal("hashing task"))?;
        if let Ok(mut pool) = self.kdf_memory.lock() {
            pool.push(memory);
        }
        derived.map_err(ServiceError::from)
    }

    pub async fn tx<T, F>(&self, f: F) -> ServiceResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut dyn Sql) -> ServiceResult<T> + Send + 'static,
    {
        self.db.transaction(f).await
    }

    /// Runs `f`, which only reads, on a snapshot ([`crate::store::Database::read`]): on
    /// SQLite it neither takes the write lock nor waits for a writer.
    pub async fn read<T, F>(&self, f: F) -> ServiceResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut dyn Sql) -> ServiceResult<T> + Send + 'static,
    {
        self.db.read(f).await
    }

    pub fn blobs(&self) -> &Arc<dyn crate::store::blobs::BlobStore> {
        &self.blobs
    }

    pub fn blind(&self, domain: &str, value: &str) -> Vec<u8> {
        self.platform.blind_index(domain, value).to_vec()
    }
}

pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Ids come from URLs: anything that is not a UUID is simply not found.
pub fn parse_id(raw: &str) -> ServiceResult<String> {
    uuid::Uuid::parse_str(raw)
        .map(|u| u.to_string())
        .map_err(|_| ServiceError::NotFound)
}

/// A reference to a structure or a person by id (`I`: its type), with the name the caller may
/// see.
#[derive(Debug, Clone, Serialize)]
pub struct NamedRef<I = String> {
    pub id: I,
    pub name: String,
}

/// The handlers of every kind of job this build knows.
pub fn job_handlers(app: &App) -> Vec<(&'static str, Arc<dyn JobHandler>)> {
    vec![
        (
            calendar::reminders::JOB_KIND,
            Arc::new(calendar::reminders::SmsReminders {
                operator: calendar::reminders::operator_from_config(&app.config),
            }),
        ),
        (members::JOB_KIND, Arc::new(members::StructureKeyRotation)),
        (
            messages::JOB_KIND,
            Arc::new(messages::MessageSms {
                operator: calendar::reminders::operator_from_config(&app.config),
            }),
        ),
        (certification::JOB_KIND, Arc::new(certification::HeadSigner)),
        (
            renewals::SEND_KIND,
            Arc::new(renewals::RenewalMail {
                mailer: crate::email::mailer_from_config(&app.config).unwrap_or_else(|e| {
                    tracing::error!(error = %e, "the e-mail transport is not usable: renewal e-mails wait");
                    None
                }),
            }),
        ),
        (
            auth::recovery::SMS_NOTICE_KIND,
            Arc::new(auth::recovery::SmsNotices {
                operator: calendar::reminders::operator_from_config(&app.config),
            }),
        ),
    ]
}
