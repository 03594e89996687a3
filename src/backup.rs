//! `consigne backup` and `consigne restore`: a consistent online snapshot of the database and
//! the blobs, as a portable directory, and its restoration into an empty installation.
//!
//! A backup directory holds `manifest.json` (format, date, source, migrations, rows per table,
//! the SHA-256 of every file), `database.sqlite` (an SQLite database with the schema of this
//! version, whatever the source) and `blobs/ab/ab12…` (the filesystem layout). It never holds
//! the platform key: the operator keeps that apart and puts it back after a restore.
//!
//! Consistency: the database is read as one snapshot (`VACUUM INTO` on SQLite, one READ ONLY
//! REPEATABLE READ transaction on PostgreSQL), then the blobs that snapshot points at are
//! copied. Deleting a document deletes its blob at once, so a blob may vanish before its copy:
//! then the attempt starts again from a fresh snapshot. The directory is written beside its
//! destination under a temporary name and renamed at the end, so a directory named like the
//! backup is always complete.
//!
//! Restore checks the whole backup (every file's SHA-256) before writing anything, copies the
//! blobs, then every row in one transaction (an interruption leaves no rows, and running the
//! command again finishes the job), and finally compares every table and reads every blob back.
//! Rows are copied by `store::copy`, the same code as `consigne migrate-storage`.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow, bail};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::config::Config;
use crate::store::blobs::{BlobError, BlobStore, FsBlobStore};
use crate::store::copy::{TABLES, compare, copy_tables_between};
use crate::store::{Database, SqlitePool, StoreError, StoreResult};

/// What `manifest.json` says it is.
pub const FORMAT: &str = "consigne-backup";
pub const FORMAT_VERSION: u64 = 1;
pub const MANIFEST: &str = "manifest.json";
pub const DATABASE: &str = "database.sqlite";
pub const BLOBS: &str = "blobs";
/// Snapshots taken before giving up when documents keep being deleted during the copy, and
/// the pause before the next one (times the attempt number), to let a burst of deletions pass.
const ATTEMPTS: usize = 8;
const PAUSE: std::time::Duration = std::time::Duration::from_millis(200);
/// Temporary copies of a backup's database in the data directory during a restore.
const RESTORE_TMP_PREFIX: &str = ".restore-";
/// In the data directory from the first write of a restore until everything is checked: a
/// restore run again after an interruption finishes the job instead of refusing a destination
/// that is no longer empty. It names the backup: `{"backup_created_at": …, "database_sha256":
/// …}` (from its manifest).
const RESTORE_MARKER: &str = "restore-in-progress.json";

/// `manifest.json`. No URL (a database URL may hold a password), no key, no name.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub format_version: u64,
    pub created_at: String,
    pub consigne_version: String,
    pub source: Source,
    /// Schema migrations of the database when it was copied.
    pub migrations: Vec<i64>,
    /// Rows per table.
    pub tables: BTreeMap<String, u64>,
    pub blob_count: u64,
    pub blob_bytes: u64,
    /// SHA-256 (hex) of every file of the backup but this one, by path relative to it.
    pub files: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Source {
    /// `sqlite` or `postgresql`.
    pub database: String,
    /// `files` or `s3`.
    pub blobs: String,
}

/// What `consigne backup` did.
#[derive(Debug)]
pub struct BackupSummary {
    pub dir: PathBuf,
    pub manifest: Manifest,
    /// Snapshots taken (more than one when documents were deleted during the copy).
    pub attempts: usize,
}

/// What `consigne restore` did.
#[derive(Debug)]
pub struct RestoreSummary {
    pub manifest: Manifest,
    /// A restore of this backup had been interrupted after its rows were committed: this run
    /// checked every row and blob and finished it.
    pub resumed: bool,
    pub platform_key: PathBuf,
    pub platform_key_present: bool,
}

fn store(e: StoreError) -> anyhow::Error {
    anyhow!("{e}")
}

fn blob(e: BlobError) -> anyhow::Error {
    anyhow!("{e}")
}

fn blob_path(key: &str) -> String {
    format!("{BLOBS}/{}/{key}", key.get(..2).unwrap_or_default())
}

/// The SQLite file a `sqlite://` URL names (as `Database::open` resolves it).
fn sqlite_file(url: &str, data_dir: &Path) -> Option<PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    Some(if Path::new(rest).is_absolute() {
        PathBuf::from(rest)
    } else {
        data_dir.join(rest)
    })
}

/// The kind of database and blob store `config` names.
pub fn source_of(config: &Config) -> Source {
    let url = config.database_url();
    Source {
        database: if url.starts_with("postgres") {
            "postgresql".into()
        } else {
            "sqlite".into()
        },
        blobs: if config.blobs_url.starts_with("s3") {
            "s3".into()
        } else {
            "files".into()
        },
    }
}

fn sha256_file(path: &Path) -> anyhow::Result<(String, u64)> {
    let mut file =
        std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    copy_hashing(&mut file, &mut std::io::sink())
        .with_context(|| format!("cannot read {}", path.display()))
}

/// Copies `from` into `to`; returns the SHA-256 (hex) and length of what went through.
fn copy_hashing(from: &mut dyn Read, to: &mut dyn Write) -> std::io::Result<(String, u64)> {
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 256 * 1024];
    let mut len = 0u64;
    loop {
        let n = match from.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        hasher.update(&buf[..n]);
        to.write_all(&buf[..n])?;
        len += n as u64;
    }
    Ok((hex::encode(hasher.finalize()), len))
}

fn fsync_dir(dir: &Path) -> anyhow::Result<()> {
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .with_context(|| format!("cannot sync {}", dir.display()))
}

fn create_private_dir(dir: &Path) -> anyhow::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(dir)
        .with_context(|| format!("cannot create {}", dir.display()))
}

fn is_empty_dir(dir: &Path) -> anyhow::Result<bool> {
    Ok(std::fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .next()
        .is_none())
}

/// Rows per table and schema migrations of a database.
fn census(db: &Database) -> StoreResult<(BTreeMap<String, u64>, Vec<i64>)> {
    db.transaction_blocking(|tx| {
        let mut tables = BTreeMap::new();
        for (table, _) in TABLES {
            let n = tx
                .query_one(&format!("SELECT COUNT(*) AS n FROM {table}"), &[])?
                .int("n")?;
            tables.insert((*table).to_owned(), u64::try_from(n).unwrap_or_default());
        }
        let migrations = tx
            .query(
                "SELECT version FROM schema_migrations ORDER BY version",
                &[],
            )?
            .iter()
            .map(|r| r.int("version"))
            .collect::<StoreResult<Vec<i64>>>()?;
        Ok((tables, migrations))
    })
}

/// Every blob rows point at: (key, item, SHA-256 recorded at upload when there is one), the
/// newest items first: a document just added is the likeliest to be deleted again soon, so
/// its blob is copied while the snapshot is freshest.
fn referenced_blobs(db: &Database) -> StoreResult<Vec<(String, String, Option<String>)>> {
    let rows = db.transaction_blocking(|tx| {
        tx.query(
            "SELECT id, blob_key, blob_sha256, thumb_key, thumb_sha256, preview_key, preview_sha256 FROM items ORDER BY created_at DESC, id",
            &[],
        )
    })?;
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for r in rows {
        let item = r.text("id")?;
        for (k, d) in crate::store::items::BLOB_COLUMNS {
            if let Some(key) = r.opt_text(k)?
                && seen.insert(key.clone())
            {
                out.push((key, item.clone(), r.opt_text(d)?));
            }
        }
    }
    // The structures' signed conventions (the platform's own documents).
    for (sid, key, digest) in db.transaction_blocking(crate::store::licences::document_blobs)? {
        if seen.insert(key.clone()) {
            out.push((key, sid, digest));
        }
    }
    Ok(out)
}

/// Removes a directory tree on drop unless disarmed: a failed backup leaves no partial files.
struct Cleanup(Option<PathBuf>);

impl Drop for Cleanup {
    fn drop(&mut self) {
        if let Some(dir) = self.0.take() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// `consigne backup --to DIR`. Blocking: run it on a blocking thread.
pub fn backup(config: &Config, to: &Path) -> anyhow::Result<BackupSummary> {
    let dest = std::path::absolute(to).with_context(|| format!("{}", to.display()))?;
    if dest.exists() && (!dest.is_dir() || !is_empty_dir(&dest)?) {
        bail!(
            "{} exists and is not an empty directory: give a new directory for the backup",
            dest.display()
        );
    }
    let url = config.database_url();
    if let Some(file) = sqlite_file(&url, &config.data_dir)
        && !file.is_file()
    {
        bail!(
            "no database at {}: check --data-dir / --database-url",
            file.display()
        );
    }
    let db = Database::open(&url, &config.data_dir).context("database")?;
    let blobs = crate::store::open_blob_store(&config.blobs_url, &config.data_dir)
        .map_err(|e| anyhow!("blob storage: {e}"))?;
    backup_from(&db, blobs.as_ref(), &source_of(config), &dest)
}

/// The backup of an open database and blob store into `dest` (an absolute path that does not
/// exist or is an empty directory). Blocking.
pub fn backup_from(
    db: &Database,
    blobs: &dyn BlobStore,
    source: &Source,
    dest: &Path,
) -> anyhow::Result<BackupSummary> {
    if dest.exists() && !is_empty_dir(dest)? {
        bail!(
            "{} exists and is not an empty directory: give a new directory for the backup",
            dest.display()
        );
    }
    let name = dest
        .file_name()
        .ok_or_else(|| anyhow!("{}: not a directory name", dest.display()))?
        .to_string_lossy()
        .into_owned();
    let parent = dest
        .parent()
        .ok_or_else(|| anyhow!("{}: no parent directory", dest.display()))?
        .to_path_buf();
    std::fs::create_dir_all(&parent)
        .with_context(|| format!("cannot create {}", parent.display()))?;
    let mut vanished = Vec::new();
    for attempt in 1..=ATTEMPTS {
        let tmp = parent.join(format!(
            ".{name}.partial-{}",
            hex::encode(consigne_vault::random_bytes::<8>())
        ));
        create_private_dir(&tmp)?;
        let mut cleanup = Cleanup(Some(tmp.clone()));
        match snapshot(db, blobs, &tmp, source)? {
            Err(key) => {
                tracing::info!(
                    attempt,
                    "a blob was deleted during the copy: starting again from a fresh snapshot"
                );
                vanished.push(key);
                drop(cleanup);
                if attempt < ATTEMPTS {
                    std::thread::sleep(PAUSE * attempt as u32);
                }
            }
            Ok(manifest) => {
                write_manifest(&tmp.join(MANIFEST), &manifest)?;
                fsync_dir(&tmp)?;
                std::fs::rename(&tmp, dest).with_context(|| {
                    format!("cannot rename {} to {}", tmp.display(), dest.display())
                })?;
                cleanup.0 = None;
                fsync_dir(&parent)?;
                return Ok(BackupSummary {
                    dir: dest.to_path_buf(),
                    manifest,
                    attempts: attempt,
                });
            }
        }
    }
    bail!(
        "documents kept being deleted while their blobs were copied ({ATTEMPTS} snapshots, each lost a blob: {}); nothing was written, try again at a quieter time",
        vanished.join(", ")
    )
}

fn write_manifest(path: &Path, manifest: &Manifest) -> anyhow::Result<()> {
    let mut text = serde_json::to_vec_pretty(manifest)?;
    text.push(b'\n');
    let mut file =
        std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    file.write_all(&text)
        .and_then(|()| file.sync_all())
        .with_context(|| format!("cannot write {}", path.display()))
}

/// One attempt: the database snapshot into `dir/database.sqlite`, then the blobs it points
/// at. `Ok(Err(key))` when blob `key` vanished (its document was deleted meanwhile).
fn snapshot(
    db: &Database,
    blobs: &dyn BlobStore,
    dir: &Path,
    source: &Source,
) -> anyhow::Result<Result<Manifest, String>> {
    let db_path = dir.join(DATABASE);
    let created_at = crate::clock::rfc3339(time::OffsetDateTime::now_utc().unix_timestamp());
    let sqlite_url = format!("sqlite://{}", db_path.display());
    let source_migrations = match db {
        Database::Sqlite(pool) => {
            pool.snapshot_into(&db_path)
                .map_err(store)
                .context("database snapshot")?;
            None
        }
        Database::Postgres(pool) => {
            let copy = Database::open(&sqlite_url, dir).map_err(store)?;
            copy.migrate().map_err(store)?;
            let migrations = pool
                .snapshot(|src| {
                    let migrations = src
                        .query(
                            "SELECT version FROM schema_migrations ORDER BY version",
                            &[],
                        )?
                        .iter()
                        .map(|r| r.int("version"))
                        .collect::<StoreResult<Vec<i64>>>()?;
                    copy.transaction_blocking(|dst| copy_tables_between(src, dst))?;
                    Ok::<_, StoreError>(migrations)
                })
                .map_err(store)
                .context("database snapshot")?;
            Some(migrations)
        }
    };
    let (tables, migrations, referenced) = {
        let copy = Database::open(&sqlite_url, dir).map_err(store)?;
        let (tables, migrations) = census(&copy).map_err(store)?;
        (tables, migrations, referenced_blobs(&copy).map_err(store)?)
    };
    if let Some(source_migrations) = source_migrations
        && source_migrations != migrations
    {
        bail!(
            "the database has migrations {source_migrations:?}, this consigne {migrations:?}: run the backup with the same version as the service"
        );
    }
    SqlitePool::seal_file(&db_path).map_err(store)?;

    let mut files = BTreeMap::new();
    let (db_sha, _) = sha256_file(&db_path)?;
    files.insert(DATABASE.to_owned(), db_sha);
    let out = FsBlobStore::open_dir(&dir.join(BLOBS)).map_err(blob)?;
    let mut blob_bytes = 0u64;
    for (key, item, digest) in &referenced {
        let mut reader = match blobs.open(key) {
            Ok(r) => r,
            Err(BlobError::NotFound) => return Ok(Err(key.clone())),
            Err(e) => return Err(anyhow!("blob {key} of item {item}: {e}")),
        };
        let mut writer = out.begin_at(key).map_err(blob)?;
        let (sha, len) = copy_hashing(&mut reader, &mut writer)
            .with_context(|| format!("copying blob {key} of item {item}"))?;
        if digest.as_ref().is_some_and(|d| *d != sha) {
            bail!(
                "blob {key} of item {item} does not match the SHA-256 recorded at upload: the installation is damaged, run `consigne verify`"
            );
        }
        writer.commit().map_err(blob)?;
        blob_bytes += len;
        files.insert(blob_path(key), sha);
    }
    // The store's directory for partial writes: empty, not part of the layout.
    let _ = std::fs::remove_dir(dir.join(BLOBS).join("tmp"));
    fsync_dir(&dir.join(BLOBS))?;
    Ok(Ok(Manifest {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        created_at,
        consigne_version: env!("CARGO_PKG_VERSION").into(),
        source: source.clone(),
        migrations,
        tables,
        blob_count: referenced.len() as u64,
        blob_bytes,
        files,
    }))
}

/// Reads and checks a backup directory: the manifest, then every file's SHA-256, and that
/// the blobs directory holds exactly the blobs listed. Writes nothing.
pub fn check_backup(dir: &Path) -> anyhow::Result<Manifest> {
    let path = dir.join(MANIFEST);
    let text = std::fs::read(&path)
        .with_context(|| format!("{}: not a backup (cannot read {MANIFEST})", dir.display()))?;
    let manifest: Manifest = serde_json::from_slice(&text)
        .with_context(|| format!("{}: not a valid backup manifest", path.display()))?;
    if manifest.format != FORMAT {
        bail!("{}: not a Consigne backup manifest", path.display());
    }
    if manifest.format_version != FORMAT_VERSION {
        bail!(
            "{}: backup format {} is not supported by this consigne (format {FORMAT_VERSION})",
            path.display(),
            manifest.format_version
        );
    }
    let damaged = |what: String| {
        anyhow!(
            "the backup in {} is damaged: {what}; restore refused, nothing was written",
            dir.display()
        )
    };
    if !manifest.files.contains_key(DATABASE) {
        return Err(damaged(format!("{MANIFEST} lists no {DATABASE}")));
    }
    for (name, expected) in &manifest.files {
        let is_blob = name
            .strip_prefix("blobs/")
            .and_then(|rest| rest.split_once('/'))
            .is_some_and(|(shard, key)| {
                crate::store::blobs::valid_key(key) && key.starts_with(shard)
            });
        if name != DATABASE && !is_blob {
            return Err(damaged(format!(
                "{MANIFEST} lists an unexpected file {name}"
            )));
        }
        let (got, _) = match sha256_file(&dir.join(name)) {
            Ok(v) => v,
            Err(_) => return Err(damaged(format!("{name} is missing or unreadable"))),
        };
        if &got != expected {
            return Err(damaged(format!(
                "{name} does not match its SHA-256 in {MANIFEST}"
            )));
        }
    }
    let listed = manifest.files.len() as u64 - 1;
    if listed != manifest.blob_count {
        return Err(damaged(format!(
            "{MANIFEST} lists {listed} blobs but counts {}",
            manifest.blob_count
        )));
    }
    let blobs_dir = dir.join(BLOBS);
    if blobs_dir.is_dir() {
        for shard in std::fs::read_dir(&blobs_dir)? {
            let shard = shard?;
            if !shard.file_type()?.is_dir() {
                continue;
            }
            for entry in std::fs::read_dir(shard.path())? {
                let name = format!(
                    "{BLOBS}/{}/{}",
                    shard.file_name().to_string_lossy(),
                    entry?.file_name().to_string_lossy()
                );
                if !manifest.files.contains_key(&name) {
                    return Err(damaged(format!("{name} is not listed in {MANIFEST}")));
                }
            }
        }
    }
    Ok(manifest)
}

/// The backup's database, copied into the data directory (a backup may sit on read-only
/// media, and opening an SQLite file writes to it); removed on drop.
struct TempCopy {
    db: Option<Database>,
    path: PathBuf,
}

impl Drop for TempCopy {
    fn drop(&mut self) {
        drop(self.db.take());
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut p = self.path.clone().into_os_string();
            p.push(suffix);
            let _ = std::fs::remove_file(PathBuf::from(p));
        }
    }
}

/// Removes the temporary copies an interrupted restore left in the data directory.
fn remove_stale_copies(data_dir: &Path) {
    if let Ok(entries) = std::fs::read_dir(data_dir) {
        for entry in entries.flatten() {
            if entry
                .file_name()
                .to_string_lossy()
                .starts_with(RESTORE_TMP_PREFIX)
            {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

/// `consigne restore --from DIR` into the installation `config` names. Blocking: run it on a
/// blocking thread.
pub fn restore(config: &Config, from: &Path) -> anyhow::Result<RestoreSummary> {
    let from = std::path::absolute(from).with_context(|| format!("{}", from.display()))?;
    let manifest = check_backup(&from)?;

    crate::config::create_private_dir_all(&config.data_dir)?;
    remove_stale_copies(&config.data_dir);
    let path = config.data_dir.join(format!(
        "{RESTORE_TMP_PREFIX}{}.sqlite",
        hex::encode(consigne_vault::random_bytes::<8>())
    ));
    let mut copy = TempCopy {
        db: None,
        path: path.clone(),
    };
    {
        let mut reader = std::fs::File::open(from.join(DATABASE))
            .with_context(|| format!("cannot read {}", from.join(DATABASE).display()))?;
        let mut writer = std::fs::File::create(&path)
            .with_context(|| format!("cannot create {}", path.display()))?;
        let (sha, _) = copy_hashing(&mut reader, &mut writer)
            .with_context(|| format!("cannot copy the backup's database to {}", path.display()))?;
        if manifest.files.get(DATABASE) != Some(&sha) {
            bail!("{DATABASE} changed while it was read: restore refused, nothing was written");
        }
    }
    let src = Database::open(&format!("sqlite://{}", path.display()), &config.data_dir)
        .map_err(store)
        .context("the backup's database")?;
    copy.db = Some(src.clone());
    // The rows agree with the manifest, and every blob they point at is in the backup with
    // the SHA-256 recorded at upload.
    let (tables, _) = census(&src).map_err(store)?;
    for (table, n) in &manifest.tables {
        if tables.get(table) != Some(n) {
            bail!(
                "the backup is damaged: {table} has {} rows, {MANIFEST} says {n}; restore refused, nothing was written",
                tables.get(table).copied().unwrap_or_default()
            );
        }
    }
    let referenced = referenced_blobs(&src).map_err(store)?;
    for (key, item, digest) in &referenced {
        match manifest.files.get(&blob_path(key)) {
            None => bail!(
                "the backup is damaged: blob {key} of item {item} is missing; restore refused, nothing was written"
            ),
            Some(sha) if digest.as_ref().is_some_and(|d| d != sha) => bail!(
                "the backup is damaged: blob {key} of item {item} does not match the SHA-256 recorded at upload; restore refused, nothing was written"
            ),
            Some(_) => {}
        }
    }
    src.migrate()
        .map_err(store)
        .context("bringing the backup's schema up to date")?;

    let dest = Database::open(&config.database_url(), &config.data_dir)
        .map_err(store)
        .context("destination database")?;
    dest.migrate()
        .map_err(store)
        .context("destination migrations")?;
    let dest_blobs = crate::store::open_blob_store(&config.blobs_url, &config.data_dir)
        .map_err(|e| anyhow!("destination blob storage: {e}"))?;
    let (_, src_migrations) = census(&src).map_err(store)?;
    let (dest_tables, dest_migrations) = census(&dest).map_err(store)?;
    if src_migrations != dest_migrations {
        bail!(
            "the backup has migrations {src_migrations:?}, this consigne {dest_migrations:?}: restore with the version that made the backup or a newer one"
        );
    }
    let platform_key = config.platform_key_path();
    let summary = |resumed| RestoreSummary {
        manifest: manifest.clone(),
        resumed,
        platform_key_present: platform_key.is_file(),
        platform_key: platform_key.clone(),
    };

    let marker = config.data_dir.join(RESTORE_MARKER);
    let marker_value = serde_json::json!({
        "backup_created_at": manifest.created_at,
        "database_sha256": manifest.files.get(DATABASE),
    });
    let marker_text = serde_json::to_vec(&marker_value)?;
    let resuming = std::fs::read(&marker)
        .ok()
        .and_then(|m| serde_json::from_slice::<serde_json::Value>(&m).ok())
        .is_some_and(|m| m == marker_value);
    let busy: Vec<String> = dest_tables
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(t, n)| format!("{t}: {n} rows"))
        .collect();
    if !busy.is_empty() {
        // An interrupted restore of this backup whose rows were committed: check and finish.
        if resuming {
            let mismatches = compare(&src, &dest, dest_blobs.as_ref()).map_err(store)?;
            if !mismatches.is_empty() {
                bail!(
                    "the installation was changed since the interrupted restore; it differs from the backup:\n  {}",
                    mismatches.join("\n  ")
                );
            }
            std::fs::remove_file(&marker)
                .with_context(|| format!("cannot remove {}", marker.display()))?;
            return Ok(summary(true));
        }
        bail!(
            "the destination database is not empty ({}): restore only into a new installation (an empty database and an empty blob store); nothing was restored",
            busy.join(", ")
        );
    }
    let wanted: BTreeSet<String> = manifest
        .files
        .keys()
        .filter_map(|name| name.strip_prefix("blobs/"))
        .filter_map(|rest| rest.split_once('/').map(|(_, key)| key.to_owned()))
        .collect();
    let foreign = dest_blobs
        .list()
        .map_err(blob)?
        .into_iter()
        .filter(|(k, _)| !resuming || !wanted.contains(k))
        .count();
    if foreign > 0 {
        bail!(
            "the destination blob store is not empty ({foreign} blobs): restore only into a new installation (an empty database and an empty blob store); nothing was restored"
        );
    }
    {
        let mut file = std::fs::File::create(&marker)
            .with_context(|| format!("cannot create {}", marker.display()))?;
        file.write_all(&marker_text)
            .and_then(|()| file.sync_all())
            .with_context(|| format!("cannot write {}", marker.display()))?;
        fsync_dir(&config.data_dir)?;
    }

    // Blobs first (an interrupted restore leaves blobs and no rows; they are replaced when the
    // command runs again), then every row in one transaction.
    for key in &wanted {
        let name = blob_path(key);
        let mut reader = std::fs::File::open(from.join(&name))
            .with_context(|| format!("cannot read {}", from.join(&name).display()))?;
        let mut writer = dest_blobs.begin_at(key).map_err(blob)?;
        let (sha, _) = copy_hashing(&mut reader, &mut writer)
            .with_context(|| format!("restoring blob {key}"))?;
        if manifest.files.get(&name) != Some(&sha) {
            bail!("{name} changed while it was read: run the restore again");
        }
        writer.commit().map_err(blob)?;
    }
    let copied = src
        .transaction_blocking(|s| dest.transaction_blocking(|d| copy_tables_between(s, d)))
        .map_err(store)
        .context("restoring the database")?;
    for (table, total, inserted) in &copied {
        if total != inserted {
            bail!("{table}: {total} rows in the backup but {inserted} restored");
        }
    }
    let mismatches = compare(&src, &dest, dest_blobs.as_ref()).map_err(store)?;
    if !mismatches.is_empty() {
        bail!(
            "the restored installation differs from the backup:\n  {}",
            mismatches.join("\n  ")
        );
    }
    std::fs::remove_file(&marker).with_context(|| format!("cannot remove {}", marker.display()))?;
    fsync_dir(&config.data_dir)?;
    Ok(summary(false))
}
