//! Typed configuration: defaults, then the TOML file (`--config`), then environment variables
//! and command-line flags. Passed by value to whoever needs it; there is no global.
//! `consigne.example.toml` documents every option.

use serde::Deserialize;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

/// The version of the terms and information page this code ships (a year and month,
/// `service::onboarding`); a deployment may publish another with `terms_version`.
pub const TERMS_VERSION: &str = "2026-12";

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub listen: SocketAddr,
    pub data_dir: PathBuf,
    /// Empty: the SQLite file `consigne.db` in the data directory.
    pub database_url: String,
    /// SQLite connections kept open and reused; past it, a transaction waits for one.
    pub sqlite_connections: usize,
    /// Where blobs live. Empty: `blobs/` in the data directory. `s3+https://host/bucket`
    /// (or `s3+http://`): an S3-compatible object store.
    pub blobs_url: String,
    /// Empty: `platform.key` in the data directory.
    pub platform_key_file: Option<PathBuf>,
    /// The address people type; `https://` turns on `__Host-` secure cookies and HSTS.
    pub public_url: String,
    pub default_language: String,
    /// The version of the terms and information page in force (`service::onboarding`): a
    /// person who has not accepted it is shown it at her next login. Defaults to the version
    /// this code ships.
    pub terms_version: String,
    pub security: Security,
    pub sessions: Sessions,
    pub throttle: Throttle,
    pub argon2: Argon2,
    pub storage: Storage,
    pub media: Media,
    pub http: Http,
    pub jobs: Jobs,
    pub sms: Sms,
    pub email: EmailConfig,
    pub reminders: Reminders,
    pub recovery: Recovery,
    pub certification: Certification,
    pub licences: Licences,
}

/// Annual licences (issue 18): fee = clamp(rate × declared budget, floor, cap), 0 for
/// mediation structures (`domain::licence`).
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Licences {
    /// The least a relais structure pays a year, in euros.
    pub floor_eur: u32,
    /// The most it pays a year, in euros.
    pub cap_eur: u32,
    /// The share of its annual budget: a decimal percent (`"0.1%"`, four decimals at most) or
    /// basis points (`"10bp"`).
    pub rate: String,
    /// Whom the renewal reminders tell structure admins to contact (a name, an address, a
    /// phone number). Empty: the `[email]` sender.
    pub renewal_contact: String,
}

impl Default for Licences {
    fn default() -> Self {
        Self {
            floor_eur: 300,
            cap_eur: 1_900,
            rate: "0.1%".into(),
            renewal_contact: String::new(),
        }
    }
}

impl Licences {
    /// The pricing these settings describe (checked by [`Config::validate`]; the defaults
    /// otherwise).
    pub fn pricing(&self) -> crate::domain::licence::Pricing {
        crate::domain::licence::Pricing::new(self.floor_eur, self.cap_eur, &self.rate)
            .unwrap_or_else(|_| Self::default().pricing())
    }
}

/// The certification of documents (docs/certification.md): the signing key of the log's
/// tree heads and the RFC 3161 time-stamping authority that stamps them.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Certification {
    /// Empty: `signing.key` beside the platform key. Mode 0600, outside the database and
    /// outside backups, created at first start.
    pub signing_key_file: Option<PathBuf>,
    /// An RFC 3161 time-stamping authority (`http://` or `https://`); empty: heads are not
    /// timestamped.
    pub tsa_url: String,
    /// Seconds a TSA may take to answer.
    pub tsa_timeout_seconds: u64,
    /// A new signed head at most this often while documents are added (a certificate asking
    /// for a leaf not yet covered signs one at once).
    pub head_every_minutes: i64,
}

impl Default for Certification {
    fn default() -> Self {
        Self {
            signing_key_file: None,
            tsa_url: String::new(),
            tsa_timeout_seconds: 10,
            head_every_minutes: 10,
        }
    }
}

/// The in-person reset (docs/threat-model.md, "In-person reset").
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Recovery {
    /// In a structure whose only member holding its key started the reset, no second member
    /// can confirm it: the code is only made after this many hours, during which the person is
    /// told (SMS, notice at login) and can cancel it.
    pub single_member_delay_hours: u32,
}

impl Default for Recovery {
    fn default() -> Self {
        Self {
            single_member_delay_hours: 72,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Sms {
    /// `none` (reminders are not sent; their jobs wait for an operator), `brevo` or `webhook`.
    pub operator: String,
    /// Brevo's API root.
    pub brevo_api_url: String,
    /// 3 to 11 letters or digits shown as the sender.
    pub sender: String,
    /// The generic webhook's URL.
    pub webhook_url: String,
    /// Calling code for numbers written without one (`06…` in France: 33).
    pub default_country_code: String,
    /// Secrets: prefer the environment (CONSIGNE_SMS_API_KEY, CONSIGNE_SMS_WEBHOOK_TOKEN,
    /// CONSIGNE_SMS_DELIVERY_TOKEN) to this file.
    pub api_key: String,
    pub webhook_token: String,
    /// Required in delivery reports (`?token=` or `Authorization: Bearer`).
    pub delivery_token: String,
}

impl Default for Sms {
    fn default() -> Self {
        Self {
            operator: "none".into(),
            brevo_api_url: "https://api.brevo.com".into(),
            sender: "Consigne".into(),
            webhook_url: String::new(),
            default_country_code: "33".into(),
            api_key: String::new(),
            webhook_token: String::new(),
            delivery_token: String::new(),
        }
    }
}

/// E-mail (licence renewal reminders to structure admins): `src/email.rs`.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EmailConfig {
    /// `none` (nothing is sent; the reminders' jobs wait, listed for the platform admin),
    /// `smtp` or `webhook`.
    pub transport: String,
    /// The sender, `Name <address>` or an address.
    pub from: String,
    pub smtp_host: String,
    pub smtp_port: u16,
    /// `starttls` (required), `tls` (implicit, port 465) or `none` (a local relay only).
    pub smtp_tls: String,
    /// Empty: no authentication.
    pub smtp_username: String,
    /// Secrets: prefer the environment (CONSIGNE_EMAIL_SMTP_PASSWORD,
    /// CONSIGNE_EMAIL_WEBHOOK_TOKEN) to this file.
    pub smtp_password: String,
    pub webhook_url: String,
    pub webhook_token: String,
}

impl Default for EmailConfig {
    fn default() -> Self {
        Self {
            transport: "none".into(),
            from: "Consigne <no-reply@localhost>".into(),
            smtp_host: "localhost".into(),
            smtp_port: 587,
            smtp_tls: "starttls".into(),
            smtp_username: String::new(),
            smtp_password: String::new(),
            webhook_url: String::new(),
            webhook_token: String::new(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Reminders {
    /// The platform's time zone: times on pages, printed papers and texts, quiet hours.
    pub time_zone: String,
    /// No SMS from this hour (local)...
    pub quiet_from_hour: u8,
    /// ...until this hour: reminders due in between wait until then.
    pub quiet_until_hour: u8,
    /// Days before a document's expiry date when she is reminded.
    pub expiry_days: Vec<u32>,
}

impl Reminders {
    /// How far ahead a paper counts as "to renew" (her home page, the people list's filter):
    /// the first expiry reminder's delay, 60 days without one.
    pub fn renewal_horizon_days(&self) -> i64 {
        i64::from(self.expiry_days.iter().copied().max().unwrap_or(60))
    }
}

impl Default for Reminders {
    fn default() -> Self {
        Self {
            time_zone: "Europe/Paris".into(),
            quiet_from_hour: 20,
            quiet_until_hour: 8,
            expiry_days: vec![60, 30, 7],
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Jobs {
    /// `consigne serve` also runs a job worker (reminders). Off when dedicated
    /// `consigne worker` processes do it.
    pub run_in_serve: bool,
    /// Seconds between two looks at the queue when it is idle.
    pub poll_seconds: u64,
}

impl Default for Jobs {
    fn default() -> Self {
        Self {
            run_in_serve: true,
            poll_seconds: 5,
        }
    }
}

/// Bounds on what processing an upload may cost, counted on what it decodes to (never on its
/// size in bytes): see docs/threat-model.md, M12.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Media {
    /// Largest image accepted (megapixels), read from its header before decoding.
    pub max_megapixels: u64,
    /// Largest decoded image (MB): width × height × bytes per pixel (from the bit depth and
    /// channels: 3 for an 8-bit photo, 8 for 16-bit RGBA), read from the header before decoding.
    pub max_image_mb: u64,
    /// Most a PDF's object and cross-reference streams may inflate to, in total (MB).
    pub max_pdf_inflated_mb: u64,
    /// Memory all media processing together may take (MB): decoding, re-encoding, thumbnails,
    /// cleaning PDFs in memory, scans. Each processing takes its estimated share first and waits
    /// for room; a file that would need more than the whole budget is refused.
    pub budget_mb: u64,
}

impl Default for Media {
    fn default() -> Self {
        Self {
            max_megapixels: 50,
            max_image_mb: 150,
            max_pdf_inflated_mb: 64,
            budget_mb: 320,
        }
    }
}

impl Media {
    const MIB: u64 = 1024 * 1024;

    fn validate(&self) -> Result<(), ConfigError> {
        if !(1..=1000).contains(&self.max_megapixels)
            || !(1..=4096).contains(&self.max_image_mb)
            || !(1..=4096).contains(&self.max_pdf_inflated_mb)
            || !(16..=16384).contains(&self.budget_mb)
        {
            return Err(ConfigError::Invalid(
                "media.max_megapixels must be 1..=1000, media.max_image_mb and media.max_pdf_inflated_mb 1..=4096, media.budget_mb 16..=16384".into(),
            ));
        }
        Ok(())
    }

    /// The media crate's limits for these settings.
    pub fn limits(&self) -> consigne_media::Limits {
        consigne_media::Limits {
            max_pixels: self.max_megapixels.saturating_mul(1_000_000),
            max_image_bytes: self.max_image_mb.saturating_mul(Self::MIB),
            max_pdf_inflated: self.max_pdf_inflated_mb.saturating_mul(Self::MIB),
            max_work_bytes: self.budget_mb.saturating_mul(Self::MIB),
            ..consigne_media::Limits::default()
        }
    }

    /// The shared media budget in KiB.
    pub fn budget_kib(&self) -> u32 {
        u32::try_from(self.budget_mb.saturating_mul(1024)).unwrap_or(u32::MAX)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Storage {
    /// Largest file a person or a professional may upload (MB).
    pub max_file_mb: u64,
    /// Files up to this size (MB) are cleaned in memory: photos re-encoded, PDFs rewritten
    /// without their active content. Larger PDFs stream to storage through a check that refuses
    /// active content; larger photos are refused. Bounds an upload's memory.
    pub in_memory_mb: u64,
    /// Memory all uploads together may hold while they arrive and until they are stored (MB,
    /// at least `in_memory_mb`): the bytes received, then the cleaned file (what cleaning costs
    /// on top counts in `media.budget_mb`). Past it, a PDF goes to storage at once through the
    /// streaming check (so active content is refused rather than removed) and a photo waits for
    /// room. Bounds the server's memory under many concurrent uploads.
    pub in_memory_total_mb: u64,
    /// Uploads streaming to storage at once, at most (each holds about a megabyte); the others
    /// wait their turn, they do not fail.
    pub max_streaming_uploads: usize,
    /// Room of one safe (MB).
    pub quota_mb: u64,
}

impl Default for Storage {
    fn default() -> Self {
        Self {
            max_file_mb: 100,
            in_memory_mb: 16,
            in_memory_total_mb: 64,
            max_streaming_uploads: 8,
            quota_mb: 1024,
        }
    }
}

/// The HTTP layer never accepts more than this in one request, whatever the configuration
/// (`storage.max_file_mb`, 100 MB by default, is enforced while the bytes arrive).
pub const MAX_FILE_BYTES_CAP: usize = 1024 * 1024 * 1024;

impl Storage {
    pub fn max_file_bytes(&self) -> usize {
        usize::try_from(self.max_file_mb.saturating_mul(1024 * 1024)).unwrap_or(usize::MAX)
    }
    pub fn in_memory_bytes(&self) -> usize {
        usize::try_from(self.in_memory_mb.saturating_mul(1024 * 1024)).unwrap_or(usize::MAX)
    }
    /// The shared upload memory budget in KiB (never below one in-memory file).
    pub fn in_memory_total_kib(&self) -> u32 {
        let mb = self.in_memory_total_mb.max(self.in_memory_mb);
        u32::try_from(mb.saturating_mul(1024)).unwrap_or(u32::MAX)
    }
    pub fn quota_bytes(&self) -> i64 {
        i64::try_from(self.quota_mb.saturating_mul(1024 * 1024)).unwrap_or(i64::MAX)
    }
}

/// What one connection may hold (see `web/server.rs` and docs/operations.md).
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Http {
    /// Connections open at once, at most. Past it, a new connection takes the place of the
    /// oldest one without a request in progress; if all are busy, it is closed. Keep it below
    /// the process's file descriptor limit (`LimitNOFILE`, `ulimit -n`).
    pub max_connections: usize,
    /// Seconds for a request's headers, counted from when the connection is ready for them
    /// (just opened, or the previous response sent).
    pub header_timeout_seconds: u64,
    /// Seconds a connection may stay without sending a byte while no request is in progress.
    pub idle_timeout_seconds: u64,
    /// Longest pause (seconds) while a request body arrives or a response is sent.
    pub body_timeout_seconds: u64,
    /// Slowest average speed of a request body (bytes per second), after the first
    /// `body_timeout_seconds`.
    pub body_min_bytes_per_second: u64,
}

impl Default for Http {
    fn default() -> Self {
        Self {
            max_connections: 512,
            header_timeout_seconds: 30,
            idle_timeout_seconds: 15,
            body_timeout_seconds: 30,
            body_min_bytes_per_second: 4096,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Security {
    /// Professionals and admins must enrol and use TOTP. Only `consigne demo` turns this off.
    pub require_totp: bool,
    /// Peers whose `X-Forwarded-For` is believed (a reverse proxy). Empty: never believed.
    pub trusted_proxies: Vec<IpAddr>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Sessions {
    pub beneficiary_idle_minutes: i64,
    pub beneficiary_absolute_minutes: i64,
    pub staff_idle_minutes: i64,
    pub staff_absolute_minutes: i64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Throttle {
    /// Failures per (identifier, address) before any delay.
    pub free_failures: i64,
    /// First delay; it doubles with each further failure.
    pub base_delay_seconds: i64,
    pub max_delay_seconds: i64,
    /// Failures on one identifier over every address (each counting for at most
    /// `free_failures`) before addresses she never logged in from are slowed down too.
    pub identifier_free_failures: i64,
    /// An address failing on this many distinct identifiers within the window is slowed down
    /// (except for the identifiers that logged in from it lately).
    pub address_max_identifiers: i64,
    pub address_window_minutes: i64,
    /// How long a successful login exempts her (identifier, address) pair from the
    /// identifier-wide and address-wide limits.
    pub known_address_days: i64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Argon2 {
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
    /// Hashes computed at once; each takes `memory_kib` of memory.
    pub max_concurrent: usize,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            data_dir: PathBuf::from("./data"),
            database_url: String::new(),
            sqlite_connections: crate::store::SQLITE_CONNECTIONS,
            blobs_url: String::new(),
            platform_key_file: None,
            public_url: "http://127.0.0.1:8080".into(),
            default_language: "fr".into(),
            terms_version: TERMS_VERSION.into(),
            security: Security::default(),
            sessions: Sessions::default(),
            throttle: Throttle::default(),
            argon2: Argon2::default(),
            storage: Storage::default(),
            media: Media::default(),
            http: Http::default(),
            jobs: Jobs::default(),
            sms: Sms::default(),
            email: EmailConfig::default(),
            reminders: Reminders::default(),
            recovery: Recovery::default(),
            certification: Certification::default(),
            licences: Licences::default(),
        }
    }
}

impl Default for Security {
    fn default() -> Self {
        Self {
            require_totp: true,
            trusted_proxies: Vec::new(),
        }
    }
}

impl Default for Sessions {
    fn default() -> Self {
        Self {
            beneficiary_idle_minutes: 10,
            beneficiary_absolute_minutes: 120,
            staff_idle_minutes: 30,
            staff_absolute_minutes: 600,
        }
    }
}

impl Default for Throttle {
    fn default() -> Self {
        Self {
            free_failures: 5,
            base_delay_seconds: 30,
            max_delay_seconds: 1800,
            identifier_free_failures: 20,
            address_max_identifiers: 30,
            address_window_minutes: 15,
            known_address_days: 90,
        }
    }
}

impl Default for Argon2 {
    fn default() -> Self {
        Self {
            memory_kib: 19_456,
            iterations: 2,
            parallelism: 1,
            max_concurrent: 2,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {0}: {1}")]
    Read(PathBuf, std::io::Error),
    #[error("invalid configuration file {0}: {1}")]
    Parse(PathBuf, String),
    #[error("invalid configuration: {0}")]
    Invalid(String),
}

impl Config {
    pub fn from_file(path: &std::path::Path) -> Result<Self, ConfigError> {
        let text =
            std::fs::read_to_string(path).map_err(|e| ConfigError::Read(path.to_path_buf(), e))?;
        toml::from_str(&text).map_err(|e| ConfigError::Parse(path.to_path_buf(), e.to_string()))
    }

    /// Refuses settings that would weaken a promise of SECURITY.md.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let c = &self.certification;
        if !(c.tsa_url.is_empty()
            || c.tsa_url.starts_with("http://")
            || c.tsa_url.starts_with("https://"))
            || !(1..=120).contains(&c.tsa_timeout_seconds)
            || !(1..=1440).contains(&c.head_every_minutes)
        {
            return Err(ConfigError::Invalid(
                "certification: tsa_url must be http(s), tsa_timeout_seconds 1 to 120, head_every_minutes 1 to 1440".into(),
            ));
        }
        if self.argon2.memory_kib < 19_456
            || self.argon2.iterations < 2
            || self.argon2.parallelism < 1
        {
            return Err(ConfigError::Invalid(
                "argon2 must use at least 19456 KiB and 2 iterations".into(),
            ));
        }
        if self.argon2.max_concurrent == 0 {
            return Err(ConfigError::Invalid(
                "argon2.max_concurrent must be at least 1".into(),
            ));
        }
        if self.terms_version.trim().is_empty() || self.terms_version.len() > 32 {
            return Err(ConfigError::Invalid(
                "terms_version must be 1 to 32 characters".into(),
            ));
        }
        if crate::domain::Language::parse(&self.default_language).is_err() {
            return Err(ConfigError::Invalid(format!(
                "default_language {:?} is not supported",
                self.default_language
            )));
        }
        let t = &self.throttle;
        if t.free_failures < 1
            || t.base_delay_seconds < 1
            || t.max_delay_seconds < t.base_delay_seconds
            || t.address_max_identifiers < 2
            || t.identifier_free_failures < 1
            || t.known_address_days < 1
        {
            return Err(ConfigError::Invalid("throttle values out of range".into()));
        }
        if self.storage.max_file_mb == 0
            || self.storage.max_file_mb > MAX_FILE_BYTES_CAP as u64 / (1024 * 1024)
            || self.storage.in_memory_mb == 0
            || self.storage.in_memory_mb > 256
            || self.storage.in_memory_total_mb > 4096
            || !(1..=1024).contains(&self.storage.max_streaming_uploads)
            || self.storage.quota_mb == 0
        {
            return Err(ConfigError::Invalid(
                "storage.max_file_mb must be 1..=1024, storage.in_memory_mb 1..=256, storage.in_memory_total_mb at most 4096, storage.max_streaming_uploads 1..=1024 and storage.quota_mb at least 1".into(),
            ));
        }
        if !(24..=720).contains(&self.recovery.single_member_delay_hours) {
            return Err(ConfigError::Invalid(
                "recovery.single_member_delay_hours must be 24..=720".into(),
            ));
        }
        self.media.validate()?;
        if crate::domain::licence::Pricing::new(
            self.licences.floor_eur,
            self.licences.cap_eur,
            &self.licences.rate,
        )
        .is_err()
        {
            return Err(ConfigError::Invalid(
                "licences: rate is a percent (\"0.1%\") or basis points (\"10bp\") up to 100%, and cap_eur at least floor_eur".into(),
            ));
        }
        if !matches!(self.sms.operator.as_str(), "none" | "brevo" | "webhook") {
            return Err(ConfigError::Invalid(
                "sms.operator must be none, brevo or webhook".into(),
            ));
        }
        let smtp_ok = self.email.transport != "smtp"
            || (matches!(self.email.smtp_tls.as_str(), "none" | "starttls" | "tls")
                && !self.email.smtp_host.trim().is_empty()
                && self.email.from.parse::<lettre::message::Mailbox>().is_ok());
        if !matches!(self.email.transport.as_str(), "none" | "smtp" | "webhook") || !smtp_ok {
            return Err(ConfigError::Invalid(
                "email: transport must be none, smtp or webhook; from an address; smtp_tls none, starttls or tls".into(),
            ));
        }
        if jiff::tz::TimeZone::get(&self.reminders.time_zone).is_err()
            || self.reminders.quiet_from_hour > 23
            || self.reminders.quiet_until_hour > 23
            || self
                .reminders
                .expiry_days
                .iter()
                .any(|d| *d == 0 || *d > 365)
        {
            return Err(ConfigError::Invalid(
                "reminders: a known time_zone, hours 0..=23 and expiry_days 1..=365".into(),
            ));
        }
        if self.sqlite_connections == 0 {
            return Err(ConfigError::Invalid(
                "sqlite_connections must be at least 1".into(),
            ));
        }
        let h = &self.http;
        if h.max_connections == 0
            || h.header_timeout_seconds == 0
            || h.idle_timeout_seconds == 0
            || h.body_timeout_seconds == 0
            || h.body_min_bytes_per_second == 0
        {
            return Err(ConfigError::Invalid(
                "http: max_connections, the timeouts and body_min_bytes_per_second must be at least 1".into(),
            ));
        }
        if self.jobs.poll_seconds == 0 || self.jobs.poll_seconds > 3600 {
            return Err(ConfigError::Invalid(
                "jobs.poll_seconds must be 1..=3600".into(),
            ));
        }
        let s = &self.sessions;
        if s.beneficiary_idle_minutes < 1
            || s.staff_idle_minutes < 1
            || s.beneficiary_absolute_minutes < s.beneficiary_idle_minutes
            || s.staff_absolute_minutes < s.staff_idle_minutes
        {
            return Err(ConfigError::Invalid("session timeouts out of range".into()));
        }
        Ok(())
    }

    pub fn database_url(&self) -> String {
        if self.database_url.is_empty() {
            "sqlite://consigne.db".into()
        } else {
            self.database_url.clone()
        }
    }

    pub fn platform_key_path(&self) -> PathBuf {
        self.platform_key_file
            .clone()
            .unwrap_or_else(|| self.data_dir.join("platform.key"))
    }

    /// The certification log's signing key file: `signing.key` beside the platform key.
    pub fn signing_key_path(&self) -> PathBuf {
        self.certification
            .signing_key_file
            .clone()
            .unwrap_or_else(|| {
                self.platform_key_path()
                    .parent()
                    .map_or_else(|| PathBuf::from("signing.key"), |d| d.join("signing.key"))
            })
    }

    /// Served over TLS (directly or behind a proxy): secure cookies and HSTS.
    pub fn is_https(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}

/// Creates a directory and its parents, readable by the service's user only (0700).
pub fn create_private_dir_all(dir: &std::path::Path) -> anyhow::Result<()> {
    use anyhow::Context as _;
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
            .with_context(|| format!("cannot restrict {}", dir.display()))?;
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// The commented template documents every option with its default value.
    #[test]
    fn the_example_file_is_complete_and_matches_the_defaults() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("consigne.example.toml");
        let example = Config::from_file(&path).unwrap();
        assert_eq!(format!("{example:?}"), format!("{:?}", Config::default()));
        example.validate().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        for key in [
            "require_totp",
            "trusted_proxies",
            "beneficiary_idle_minutes",
            "free_failures",
            "memory_kib",
            "max_concurrent",
            "platform_key_file",
            "sqlite_connections",
            "single_member_delay_hours",
            "max_connections",
            "header_timeout_seconds",
            "idle_timeout_seconds",
            "body_timeout_seconds",
            "body_min_bytes_per_second",
            "signing_key_file",
            "tsa_url",
            "tsa_timeout_seconds",
            "head_every_minutes",
            "floor_eur",
            "cap_eur",
            "renewal_contact",
            "smtp_tls",
        ] {
            assert!(text.contains(key), "{key} is not documented");
        }
    }

    #[test]
    fn weak_settings_are_refused() {
        let mut c = Config::default();
        c.argon2.memory_kib = 1024;
        assert!(c.validate().is_err());
        let c = Config {
            default_language: "xx".into(),
            ..Config::default()
        };
        assert!(c.validate().is_err());
        assert!(toml::from_str::<Config>("unknown_option = 1").is_err());
        for licences in [
            "[licences]\nrate = \"0.1 percent\"\n",
            "[licences]\nfloor_eur = 2000\ncap_eur = 1000\n",
        ] {
            let c: Config = toml::from_str(licences).unwrap();
            assert!(c.validate().is_err(), "{licences}");
        }
        let c: Config =
            toml::from_str("[licences]\nfloor_eur = 100\ncap_eur = 500\nrate = \"25bp\"\n")
                .unwrap();
        c.validate().unwrap();
        let p = c.licences.pricing();
        assert_eq!(
            (p.floor_cents, p.cap_cents, p.rate_millionths),
            (10_000, 50_000, 2_500)
        );
        for tweak in [
            |m: &mut Media| m.max_image_mb = 0,
            |m: &mut Media| m.max_pdf_inflated_mb = 0,
            |m: &mut Media| m.budget_mb = 1,
            |m: &mut Media| m.max_megapixels = 5000,
        ] {
            let mut c = Config::default();
            tweak(&mut c.media);
            assert!(c.validate().is_err());
        }
    }

    #[test]
    fn media_settings_become_the_media_limits() {
        let c: Config = toml::from_str(
            "[media]\nmax_megapixels = 12\nmax_image_mb = 40\nmax_pdf_inflated_mb = 8\nbudget_mb = 100\n",
        )
        .unwrap();
        let l = c.media.limits();
        assert_eq!(l.max_pixels, 12_000_000);
        assert_eq!(l.max_image_bytes, 40 << 20);
        assert_eq!(l.max_pdf_inflated, 8 << 20);
        assert_eq!(l.max_work_bytes, 100 << 20);
        assert_eq!(c.media.budget_kib(), 100 * 1024);
    }
}
