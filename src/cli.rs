//! The command line: `serve`, `demo`, `admin create-platform-admin`, `migrate`, `backup`,
//! `restore`.

use crate::clock::{Clock, SystemClock};
use crate::config::Config;
use crate::service::App;
use crate::store::Database;
use crate::web::{AppState, router};
use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use std::io::Read;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Debug, Parser)]
#[command(
    name = "consigne",
    version,
    about = "Consigne: a solidarity digital safe"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the service.
    Serve(Common),
    /// Run the service with demo data (and print the demo logins).
    Demo(Common),
    /// Apply database migrations and exit.
    Migrate(Common),
    /// Run only the job worker (reminders), e.g. beside `serve` instances that have
    /// `jobs.run_in_serve = false`. Several workers may run at once: each job runs once.
    Worker(Common),
    /// Check a document against its certificate (docs/certification.md) without the server's
    /// database: its SHA-256, the leaf, the inclusion proof, the tree head's signature and the
    /// timestamp token's imprint. Exit status 0 when the certificate proves the document.
    VerifyProof {
        /// The certificate (`.json`).
        file: PathBuf,
        /// The document.
        document: PathBuf,
        /// The platform's published head (`GET /api/v1/transparency/head`, saved): says
        /// whether the signing key is the platform's.
        #[arg(long)]
        keys: Option<PathBuf>,
    },
    /// Check every stored blob against its row and the journal's hash chain, and the
    /// certification log against its signed heads; report orphan blobs. Exit status 0 when
    /// everything is intact.
    Verify {
        #[command(flatten)]
        common: Common,
        /// Also delete orphan blobs older than an hour and abandoned partial writes.
        #[arg(long)]
        collect_orphans: bool,
    },
    /// Copy the whole installation (database and blobs) to another database and blob store,
    /// e.g. from SQLite + files to PostgreSQL + S3 or back, then compare every row and blob.
    /// Resumable: run it again after an interruption. Stop the service first. Exit status 0
    /// when the destination is identical.
    MigrateStorage {
        #[command(flatten)]
        common: Common,
        /// Destination database URL (`postgres://…`, `sqlite:///absolute/path.db`).
        #[arg(long)]
        to: String,
        /// Destination blob store (`s3+https://host/bucket`, or a directory).
        #[arg(long)]
        blobs: String,
    },
    /// Write a consistent snapshot of the database and the blobs to a new directory while the
    /// service keeps running: `manifest.json`, `database.sqlite`, `blobs/`. The platform key is
    /// never copied: keep it apart.
    Backup {
        #[command(flatten)]
        common: Common,
        /// The backup directory to create (must not exist, or be empty).
        #[arg(long)]
        to: PathBuf,
    },
    /// Restore a backup made by `consigne backup` into this installation (its database and
    /// blob store must be empty), checking every file's SHA-256 first and every row and blob
    /// afterwards. Run it again after an interruption. Then put the platform key back.
    Restore {
        #[command(flatten)]
        common: Common,
        /// The backup directory.
        #[arg(long)]
        from: PathBuf,
    },
    /// Operator tasks.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
}

#[derive(Debug, Subcommand)]
enum AdminCommand {
    /// Create a platform admin; the password is read from standard input, the TOTP
    /// `otpauth://` URI is printed on standard output.
    CreatePlatformAdmin {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "Platform admin")]
        name: String,
    },
}

#[derive(Debug, Args)]
struct Common {
    /// Configuration file (TOML); see consigne.example.toml.
    #[arg(long, env = "CONSIGNE_CONFIG")]
    config: Option<PathBuf>,
    #[arg(long, env = "CONSIGNE_LISTEN")]
    listen: Option<SocketAddr>,
    #[arg(long, env = "CONSIGNE_DATA_DIR")]
    data_dir: Option<PathBuf>,
    #[arg(long, env = "CONSIGNE_DATABASE_URL")]
    database_url: Option<String>,
    /// Blob store: empty for `blobs/` in the data directory, or `s3+https://host/bucket`.
    #[arg(long, env = "CONSIGNE_BLOBS_URL")]
    blobs_url: Option<String>,
    #[arg(long, env = "CONSIGNE_PLATFORM_KEY_FILE")]
    platform_key_file: Option<PathBuf>,
    /// The address people type, e.g. https://consigne.example.org
    #[arg(long, env = "CONSIGNE_PUBLIC_URL")]
    public_url: Option<String>,
}

impl Common {
    fn config(&self, demo: bool) -> anyhow::Result<Config> {
        let mut config = match &self.config {
            Some(path) => Config::from_file(path)?,
            None => Config::default(),
        };
        if demo && self.data_dir.is_none() && self.config.is_none() {
            config.data_dir = PathBuf::from("./demo-data");
        }
        if let Some(v) = self.listen {
            config.listen = v;
            if self.public_url.is_none() && !config.is_https() {
                config.public_url = format!("http://{v}");
            }
        }
        if let Some(v) = &self.data_dir {
            config.data_dir = v.clone();
        }
        if let Some(v) = &self.database_url {
            config.database_url = v.clone();
        }
        if let Some(v) = &self.blobs_url {
            config.blobs_url = v.clone();
        }
        if let Some(v) = &self.platform_key_file {
            config.platform_key_file = Some(v.clone());
        }
        if let Some(v) = &self.public_url {
            config.public_url = v.clone();
        }
        for (var, field) in [
            ("CONSIGNE_SMS_API_KEY", &mut config.sms.api_key),
            ("CONSIGNE_SMS_WEBHOOK_TOKEN", &mut config.sms.webhook_token),
            (
                "CONSIGNE_EMAIL_SMTP_PASSWORD",
                &mut config.email.smtp_password,
            ),
            (
                "CONSIGNE_EMAIL_WEBHOOK_TOKEN",
                &mut config.email.webhook_token,
            ),
            (
                "CONSIGNE_SMS_DELIVERY_TOKEN",
                &mut config.sms.delivery_token,
            ),
        ] {
            if let Ok(v) = std::env::var(var)
                && !v.is_empty()
            {
                *field = v;
            }
        }
        if demo {
            config.security.require_totp = false;
        }
        config.validate()?;
        Ok(config)
    }
}

/// Opens (and on first start creates) the data directory, platform key and database.
pub fn build_app(config: Config, clock: Arc<dyn Clock>, demo: bool) -> anyhow::Result<App> {
    crate::config::create_private_dir_all(&config.data_dir)?;
    let db = Database::open_with(
        &config.database_url(),
        &config.data_dir,
        config.sqlite_connections,
    )
    .context("database")?;
    let applied = db.migrate().context("migrations")?;
    if applied > 0 {
        tracing::info!(applied, "database migrations applied");
    }
    let key_path = config.platform_key_path();
    // A new key opens nothing already stored: never make one for a database that has accounts
    // (a restored backup, or a key file lost or mounted elsewhere).
    if !key_path.exists() {
        // On a plain thread: PostgreSQL's synchronous client cannot block inside a runtime.
        let accounts = std::thread::scope(|s| {
            s.spawn(|| {
                db.transaction_blocking(|tx| {
                    tx.query_one("SELECT COUNT(*) AS n FROM accounts", &[])?
                        .int("n")
                })
            })
            .join()
        })
        .map_err(|_| anyhow::anyhow!("database: the check for accounts stopped"))?
        .context("database")?;
        if accounts > 0 {
            anyhow::bail!(
                "the platform key {} is missing, but the database already holds accounts: put \
                 this installation's platform key back there (or point --platform-key-file at \
                 it); a new key would open nothing that is stored",
                key_path.display()
            );
        }
    }
    let (platform, created) =
        consigne_vault::PlatformKey::load_or_create(&key_path).context("platform key")?;
    if created {
        tracing::info!(path = %key_path.display(), "created the platform key: keep it out of backups and never lose it");
    }
    let signing_path = config.signing_key_path();
    let (signing, created) = consigne_vault::signing::SigningKeys::load_or_create(&signing_path)
        .context("certification signing key")?;
    if created {
        tracing::info!(path = %signing_path.display(), "created the certification signing key: keep it out of backups, save it apart");
    }
    let blobs = crate::store::open_blob_store(&config.blobs_url, &config.data_dir)
        .map_err(|e| anyhow::anyhow!("blob storage: {e}"))?;
    Ok(App::new(
        config,
        db,
        blobs,
        (platform, signing),
        clock,
        demo,
    ))
}

/// Reads at most `max` bytes of `path`.
fn read_bounded(path: &std::path::Path, max: u64) -> anyhow::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .with_context(|| format!("cannot open {}", path.display()))?
        .take(max + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read {}", path.display()))?;
    if bytes.len() as u64 > max {
        anyhow::bail!("{} is too large", path.display());
    }
    Ok(bytes)
}

/// `consigne verify-proof FILE DOCUMENT [--keys HEAD.json]`.
fn verify_proof(
    file: &std::path::Path,
    document: &std::path::Path,
    keys: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    use crate::domain::certification as cert;
    let certificate = read_bounded(file, cert::MAX_CERTIFICATE_BYTES as u64)?;
    let mut hasher = <sha2::Sha256 as sha2::Digest>::new();
    std::io::copy(
        &mut std::fs::File::open(document)
            .with_context(|| format!("cannot open {}", document.display()))?,
        &mut hasher,
    )
    .with_context(|| format!("cannot read {}", document.display()))?;
    let document: [u8; 32] = sha2::Digest::finalize(hasher).into();
    let published: Option<Vec<(String, Vec<u8>)>> = match keys {
        None => None,
        Some(path) => {
            let head: serde_json::Value = serde_json::from_slice(&read_bounded(path, 1 << 20)?)
                .context("the published head is not JSON")?;
            Some(
                head["keys"]
                    .as_array()
                    .map(|keys| {
                        keys.iter()
                            .filter_map(|k| {
                                let id = k["key_id"].as_str()?.to_owned();
                                let public = base64::Engine::decode(
                                    &base64::engine::general_purpose::STANDARD,
                                    k["public_key"].as_str()?,
                                )
                                .ok()?;
                                Some((id, public))
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            )
        }
    };
    match cert::verify(&certificate, &document, published.as_deref()) {
        Ok(v) => {
            println!("document: certified (item {})", v.item_id);
            println!("added at: {}", crate::clock::rfc3339(v.added_at));
            println!(
                "in the log: tree of {} leaves signed at {} by key {}",
                v.tree_size,
                crate::clock::rfc3339(v.head_timestamp),
                v.key_id
            );
            match v.key_published {
                None => {
                    println!("key: not compared (pass --keys with the platform's published head)")
                }
                Some(true) => println!("key: the platform's published key"),
                Some(false) => {
                    println!("key: NOT one the platform publishes");
                    anyhow::bail!(
                        "the certificate is signed by a key the platform does not publish"
                    );
                }
            }
            match v.timestamped_at {
                Some(t) => {
                    println!("timestamp: {t} (RFC 3161 token; its signature: `openssl ts -verify`)")
                }
                None => println!("timestamp: none"),
            }
            Ok(())
        }
        Err(f) => anyhow::bail!("the certificate does not prove this document: {}", f.code()),
    }
}

/// Serves until Ctrl-C / SIGTERM.
/// The job worker of this process, with the handlers of every kind of job.
pub fn worker(app: &App) -> crate::service::Worker {
    let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "consigne".into());
    crate::service::Worker::new(
        app,
        &format!("{host}/{}", std::process::id()),
        crate::service::job_handlers(app),
    )
}

pub async fn serve(app: App, listener: tokio::net::TcpListener) -> anyhow::Result<()> {
    let catalogs = crate::i18n::Catalogs::load()?;
    if app.config.jobs.run_in_serve {
        let poll = std::time::Duration::from_secs(app.config.jobs.poll_seconds);
        tokio::spawn(worker(&app).run_forever(poll));
    }
    let housekeeper = app.clone();
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(600));
        // The first tick is immediate: skip it, so start-up serves at once (the first round
        // runs ten minutes in).
        every.tick().await;
        loop {
            every.tick().await;
            if let Err(e) = housekeeper.housekeeping().await {
                tracing::warn!(error = %e, "housekeeping failed");
            }
        }
    });
    let limits = app.config.http.clone();
    let state = AppState { app, catalogs };
    crate::web::serve(listener, router(state), limits, shutdown_signal()).await?;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { () = ctrl_c => {}, () = term => {} }
}

pub fn main() -> ExitCode {
    let subscriber = tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .finish();
    let _ = tracing::subscriber::set_global_default(subscriber);
    // Libraries' `log` records join the same output; the PDF parser's (malformed objects in a
    // hostile upload) become one warning without content, never an ERROR line.
    let quiet = consigne_media::QuietParserLogs::new(tracing_log::LogTracer::new());
    if log::set_boxed_logger(Box::new(quiet)).is_ok() {
        log::set_max_level(tracing_log::AsLog::as_log(
            &tracing::level_filters::LevelFilter::current(),
        ));
    }
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("consigne: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("consigne: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve(common) => {
            let config = common.config(false)?;
            let listener = tokio::net::TcpListener::bind(config.listen)
                .await
                .with_context(|| format!("cannot listen on {}", config.listen))?;
            let app = build_app(config, Arc::new(SystemClock), false)?;
            tracing::info!(address = %listener.local_addr()?, "Consigne is serving");
            serve(app, listener).await
        }
        Command::Demo(common) => {
            let config = common.config(true)?;
            let listener = tokio::net::TcpListener::bind(config.listen)
                .await
                .with_context(|| format!("cannot listen on {}", config.listen))?;
            // Shifted only while the demo writes a year of history, then the system's time.
            let clock = Arc::new(crate::clock::ShiftedClock::default());
            let app = build_app(config, clock.clone(), true)?;
            let logins = crate::demo::seed_with_history(&app, &clock).await?;
            let url = app.config.public_url.clone();
            println!("{}", crate::demo::describe(&url, &logins));
            serve(app, listener).await
        }
        Command::VerifyProof {
            file,
            document,
            keys,
        } => verify_proof(&file, &document, keys.as_deref()),
        Command::Verify {
            common,
            collect_orphans,
        } => {
            let config = common.config(false)?;
            let app = build_app(config, Arc::new(SystemClock), false)?;
            let report = app
                .verify(collect_orphans)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("blobs checked: {}", report.blobs_checked);
            println!("missing: {}", report.missing.len());
            for m in &report.missing {
                println!("  missing {m}");
            }
            println!("corrupted: {}", report.corrupted.len());
            for c in &report.corrupted {
                println!("  corrupted {c}");
            }
            println!(
                "orphans: {}{}",
                report.orphans.len(),
                if collect_orphans {
                    " (older than an hour collected)"
                } else {
                    ""
                }
            );
            match report.journal_broken_at {
                None => println!("journal: {} entries, chain valid", report.journal_entries),
                Some(seq) => println!("journal: chain BROKEN at entry {seq}"),
            }
            println!(
                "certification log: {} signed tree heads checked",
                report.tree_heads_checked
            );
            if report.tree_heads_other_key > 0 {
                println!(
                    "  {} signed by a key the signing key file does not hold (put signing.key back to check their signatures)",
                    report.tree_heads_other_key
                );
            }
            for p in &report.log_problems {
                println!("  {p}");
            }
            if report.is_clean() {
                Ok(())
            } else {
                anyhow::bail!("verification failed")
            }
        }
        Command::MigrateStorage { common, to, blobs } => {
            let config = common.config(false)?;
            let from = Database::open(&config.database_url(), &config.data_dir)
                .context("source database")?;
            from.migrate().context("source migrations")?;
            let from_blobs = crate::store::open_blob_store(&config.blobs_url, &config.data_dir)
                .map_err(|e| anyhow::anyhow!("source blob storage: {e}"))?;
            let dest = Database::open(&to, &config.data_dir).context("destination database")?;
            dest.migrate().context("destination migrations")?;
            let dest_blobs = crate::store::open_blob_store(&blobs, &config.data_dir)
                .map_err(|e| anyhow::anyhow!("destination blob storage: {e}"))?;
            let report = tokio::task::spawn_blocking(move || {
                crate::store::copy::copy_installation(
                    &from,
                    from_blobs.as_ref(),
                    &dest,
                    dest_blobs.as_ref(),
                )
            })
            .await
            .context("copy task")?
            .map_err(|e| anyhow::anyhow!("copy: {e}"))?;
            for (table, total, inserted) in &report.tables {
                println!("{table}: {total} rows ({inserted} copied now)");
            }
            println!(
                "blobs: {} copied now, {} already there",
                report.blobs_copied, report.blobs_already_there
            );
            if report.is_identical() {
                println!("identical: every row and every blob checked");
                Ok(())
            } else {
                for m in &report.mismatches {
                    println!("  {m}");
                }
                anyhow::bail!("the destination differs from the source")
            }
        }
        Command::Backup { common, to } => {
            let config = common.config(false)?;
            let summary = tokio::task::spawn_blocking(move || crate::backup::backup(&config, &to))
                .await
                .context("backup task")??;
            let m = &summary.manifest;
            println!(
                "backup written to {} ({} snapshot{}, {} database, {} blobs)",
                summary.dir.display(),
                summary.attempts,
                if summary.attempts == 1 { "" } else { "s" },
                m.source.database,
                m.source.blobs
            );
            println!(
                "rows: {} in {} tables; blobs: {} ({} bytes); every file's SHA-256 in {}",
                m.tables.values().sum::<u64>(),
                m.tables.len(),
                m.blob_count,
                m.blob_bytes,
                crate::backup::MANIFEST
            );
            println!(
                "the platform key is not in the backup: keep a copy of it apart, a restore needs it"
            );
            Ok(())
        }
        Command::Restore { common, from } => {
            let config = common.config(false)?;
            let summary =
                tokio::task::spawn_blocking(move || crate::backup::restore(&config, &from))
                    .await
                    .context("restore task")??;
            let m = &summary.manifest;
            if summary.resumed {
                println!(
                    "finished the interrupted restore of the backup of {}",
                    m.created_at
                );
            } else {
                println!(
                    "restored the backup of {}: {} rows, {} blobs",
                    m.created_at,
                    m.tables.values().sum::<u64>(),
                    m.blob_count
                );
            }
            println!("identical: every row and every blob checked (SHA-256)");
            if summary.platform_key_present {
                println!(
                    "platform key: {} is there; it must be this installation's own key (the backup does not hold it)",
                    summary.platform_key.display()
                );
            } else {
                println!(
                    "platform key: the backup does not hold it. Put the installation's platform key back at {} (mode 0600) BEFORE `consigne serve`: without it no safe opens, and `consigne serve` would create a new, different key",
                    summary.platform_key.display()
                );
            }
            Ok(())
        }
        Command::Worker(common) => {
            let config = common.config(false)?;
            let app = build_app(config, Arc::new(SystemClock), false)?;
            let poll = std::time::Duration::from_secs(app.config.jobs.poll_seconds);
            tracing::info!("job worker started");
            tokio::select! {
                () = worker(&app).run_forever(poll) => {}
                () = shutdown_signal() => {}
            }
            Ok(())
        }
        Command::Migrate(common) => {
            let config = common.config(false)?;
            build_app(config, Arc::new(SystemClock), false)?;
            println!("migrations up to date");
            Ok(())
        }
        Command::Admin {
            command:
                AdminCommand::CreatePlatformAdmin {
                    common,
                    email,
                    name,
                },
        } => {
            let config = common.config(false)?;
            let app = build_app(config, Arc::new(SystemClock), false)?;
            let mut password = String::new();
            std::io::stdin()
                .read_to_string(&mut password)
                .context("reading the password from standard input")?;
            let password = password.trim_end_matches(['\n', '\r']);
            let uri = app
                .create_platform_admin(&email, &name, password, true)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("{uri}");
            Ok(())
        }
    }
}
