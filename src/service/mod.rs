//! Use cases. Each public method is one thing a person does (log in, open a safe, accept an
//! invitation...). The service owns transactions and calls the policy, the vault, the stores
//! and the journal; it knows nothing of HTTP.

mod auth;
mod beneficiaries;
mod directory;
mod documents;
mod export;
mod feeds;
mod interop;
mod jobs;
mod keys;
mod media;
mod members;
mod organizer;
mod paging;
mod recovery;
mod reminders;
mod structures;
mod throttle;
mod upload;

pub use crate::store::items::FolderFilter;
pub use auth::{
    AccountView, LoginOutcome, LoginRequest, RecoverRequest, StructureRef, TotpEnrollment,
};
pub use beneficiaries::{
    BeneficiaryProfile, FollowedPerson, InvitationView, NewSafe, OpenedSafe, RelayView,
};
pub use directory::{open_directory_entry, seal_directory_entry};
pub use documents::{
    ContentStream, DocumentPatch, DocumentView, FolderView, JournalView, MAX_FILE_BYTES_CAP,
    NewDocument,
};
pub use export::VerifyReport;
pub use paging::{MAX_PAGE, PAGE_SIZE, Page, PageNumber};

/// The context strings bound into every sealed value (docs/encryption.md), for tools that
/// must write exactly what the product writes (the benchmark's data generator).
pub mod contexts {
    pub use super::auth::ctx::*;
    pub use super::directory::ctx::*;
    pub use super::documents::ctx::*;
    pub use super::members::ctx::*;
}
pub use feeds::CalendarFeedView;
pub use jobs::{
    JobHandler, JobView, NewJob, Outcome, RoundReport, Worker, backoff, job_handlers, jobs_lease,
};
pub use keys::{SecurityNotices, Session, SessionKeys, Stage};
pub use members::{RotationStatus, StructureKeyRotation};
pub use organizer::{
    Contact, Event, EventSchedule, ItemFields, ItemKind, ItemView, Note, Reminder, parse_fields,
};
pub use recovery::{InPersonReset, PendingReset, ResetNotice, ResetStarted};
pub use reminders::{ReminderView, after_quiet_hours, from_local_date_time, local_date_time};
pub use structures::{NewProfessional, NewStructure, ProfessionalView, StructureView};
pub use upload::{CLEAN_FACTOR, MAX_SCAN_PAGES, Received, ScanPhotos, Upload};

use crate::clock::{Clock, Timestamp};
use crate::config::Config;
use crate::domain::{InvalidInput, PasswordRejection};
use crate::store::journal::JournalEntry;
use crate::store::{Database, Sql, StoreError};
use consigne_vault::{DerivedSecret, KdfParams, PlatformKey, VaultError};
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

impl From<InvalidInput> for ServiceError {
    fn from(e: InvalidInput) -> Self {
        ServiceError::Invalid(e)
    }
}

pub type ServiceResult<T> = Result<T, ServiceError>;

/// Every action the journal records (the pages tell each one in plain words; a test checks the
/// catalogues have them all).
pub const JOURNAL_ACTIONS: &[&str] = &[
    "login",
    "safe_opened",
    "profile_viewed",
    "invitation_sent",
    "invitation_accepted",
    "invitation_declined",
    "relay_left",
    "password_changed",
    "recovered_with_code",
    "recovered_in_person",
    "reset_started",
    "reset_confirmed",
    "reset_cancelled",
    "recovery_code_renewed",
    "phone_changed",
    "phone_removed",
    "recovery_relay_added",
    "recovery_relay_removed",
    "document_uploaded",
    "document_viewed",
    "document_downloaded",
    "document_exported",
    "document_renamed",
    "document_moved",
    "document_expiry_set",
    "document_deleted",
    "document_shared",
    "document_unshared",
    "folder_created",
    "folder_deleted",
    "contact_created",
    "contact_viewed",
    "contact_updated",
    "contact_deleted",
    "contact_shared",
    "contact_unshared",
    "note_created",
    "note_viewed",
    "note_updated",
    "note_deleted",
    "note_shared",
    "note_unshared",
    "event_created",
    "event_viewed",
    "event_updated",
    "event_deleted",
    "event_shared",
    "event_unshared",
    "calendar_feed_created",
    "calendar_feed_revoked",
    "member_added",
    "member_requested",
    "member_approved",
    "member_deactivated",
    "structure_key_rotated",
];

/// Everything a use case needs; cloned cheaply into handlers.
#[derive(Debug, Clone)]
pub struct App {
    pub config: Arc<Config>,
    pub db: Database,
    pub platform: Arc<PlatformKey>,
    pub clock: Arc<dyn Clock>,
    pub(crate) blobs: Arc<dyn crate::store::blobs::BlobStore>,
    hashing: Arc<Semaphore>,
    /// Argon2id working memories, one per hashing permit at most, reused between runs.
    kdf_memory: Arc<std::sync::Mutex<Vec<consigne_vault::KdfMemory>>>,
    /// Uploads' shared in-memory budget, in KiB (`storage.in_memory_total_mb`).
    pub(crate) upload_memory: Arc<Semaphore>,
    /// Media processing's shared memory budget (`media.budget_mb`, see `media.rs`).
    media: media::MediaBudget,
    kdf: KdfParams,
    /// Invitations delivered after their answer (see `beneficiaries::invite`).
    pub(crate) invitations: Arc<beneficiaries::InvitationDeliveries>,
    /// Demo mode: staff may skip TOTP; pages show a banner.
    pub demo: bool,
    /// Structure key rotations this process runs with keys key holders handed over.
    pub(crate) rotations: members::SharedRotations,
}

impl App {
    pub fn new(
        config: Config,
        db: Database,
        blobs: Arc<dyn crate::store::blobs::BlobStore>,
        platform: PlatformKey,
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
        let media = media::MediaBudget::new(&config.media);
        Self {
            config: Arc::new(config),
            db,
            platform: Arc::new(platform),
            clock,
            blobs,
            hashing: Arc::new(Semaphore::new(permits)),
            kdf_memory: Arc::default(),
            upload_memory: Arc::new(Semaphore::new(upload_kib)),
            media,
            kdf,
            invitations: Arc::default(),
            demo,
            rotations: Arc::default(),
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

    /// Periodic clean-up: expired sessions and throttling counters nobody needs any more.
    /// A failure count is kept a day after the last failure, so slow guessing stays slow.
    pub async fn housekeeping(&self) -> ServiceResult<u64> {
        let now = self.now();
        let window = self.config.throttle.address_window_minutes * 60;
        let known = self.config.throttle.known_address_days * 86_400;
        let removed = self
            .tx(move |tx| {
                let sessions = crate::store::sessions::purge_expired(tx, now)?
                    + crate::store::resets::purge_expired(tx, now)?;
                let counters = crate::store::throttle::purge(
                    tx,
                    now,
                    now - 24 * 3600,
                    now - window,
                    now - known,
                )?;
                Ok(sessions + counters)
            })
            .await?;
        Ok(removed + self.collect_orphans().await? as u64)
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

/// A journal line about a safe.
pub(crate) fn journal(
    tx: &mut dyn Sql,
    at: Timestamp,
    bid: Option<&str>,
    actor: &JournalActor,
    action: &str,
    target: Option<(&str, &str)>,
    ok: bool,
) -> ServiceResult<()> {
    crate::store::journal::append(
        tx,
        &JournalEntry {
            id: new_id(),
            beneficiary_id: bid.map(str::to_owned),
            at,
            actor_kind: actor.kind.to_owned(),
            actor_account: actor.account.clone(),
            actor_name: actor.name.clone(),
            actor_structure: actor.structure.clone(),
            action: action.to_owned(),
            target_kind: target.map(|t| t.0.to_owned()),
            target_id: target.map(|t| t.1.to_owned()),
            outcome: if ok { "success" } else { "failure" }.to_owned(),
        },
    )?;
    Ok(())
}

#[derive(Debug, Clone)]
pub(crate) struct JournalActor {
    pub kind: &'static str,
    pub account: Option<String>,
    pub name: Option<String>,
    pub structure: Option<String>,
}

impl JournalActor {
    pub fn beneficiary(account: &str) -> Self {
        Self {
            kind: "beneficiary",
            account: Some(account.to_owned()),
            name: None,
            structure: None,
        }
    }
}
