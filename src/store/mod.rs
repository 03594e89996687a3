//! Storage ports and adapters. Repositories (`accounts`, `structures`, ...) are written once
//! against the small [`Sql`] port, in the SQL subset SQLite and PostgreSQL share (`$1`
//! placeholders, `RETURNING`, `ON CONFLICT`); ids and times are generated in Rust. The adapter
//! is chosen by the database URL: `sqlite://` (the default) or `postgres://`.
//!
//! A whole use case runs inside one [`Database::transaction`] (it writes) or [`Database::read`]
//! (it only reads) call on one blocking thread: one hand-off per transaction, not one per
//! query (see the performance note of issue 2). Rows are read by column name ([`Row`]).

pub mod accounts;
pub mod beneficiaries;
pub mod blobs;
pub mod casefiles;
pub mod copy;
pub mod features;
pub mod feeds;
pub mod followups;
pub mod household;
pub mod imports;
pub mod items;
pub mod jobs;
pub mod journal;
pub mod licences;
pub mod links;
pub mod messages;
pub mod news;
pub mod onboarding;
pub mod partners;
pub mod people;
mod postgres;
pub mod profiles;
pub mod questions;
pub mod reminders;
pub mod renewals;
pub mod resets;
mod row;
#[cfg(feature = "s3")]
pub mod s3;
pub mod sessions;
mod sqlite;
pub mod stats;
pub mod structures;
pub mod throttle;
pub mod transparency;
pub mod usage;

use std::path::Path;
use std::sync::Arc;

pub use postgres::PgPool;
pub use row::{Column, Row};
pub use sqlite::{DEFAULT_SIZE as SQLITE_CONNECTIONS, SqlitePool};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("unique constraint violated")]
    Conflict,
    #[error("database error: {0}")]
    Backend(String),
    #[error("unexpected type in column {0}")]
    Decode(String),
    #[error("no column {0} in the result")]
    MissingColumn(String),
    #[error("storage full")]
    Full,
    #[error("blocking task failed")]
    Join,
}

pub type StoreResult<T> = Result<T, StoreError>;

/// A SQL parameter or column value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Text(String),
    Blob(Vec<u8>),
}

impl From<i64> for Value {
    fn from(v: i64) -> Self {
        Value::Int(v)
    }
}
impl From<bool> for Value {
    fn from(v: bool) -> Self {
        Value::Int(i64::from(v))
    }
}
impl From<&str> for Value {
    fn from(v: &str) -> Self {
        Value::Text(v.to_owned())
    }
}
impl From<String> for Value {
    fn from(v: String) -> Self {
        Value::Text(v)
    }
}
impl From<&String> for Value {
    fn from(v: &String) -> Self {
        Value::Text(v.clone())
    }
}
impl From<Vec<u8>> for Value {
    fn from(v: Vec<u8>) -> Self {
        Value::Blob(v)
    }
}
impl From<&[u8]> for Value {
    fn from(v: &[u8]) -> Self {
        Value::Blob(v.to_vec())
    }
}
/// Ids are bound as their text.
macro_rules! id_values {
    ($($id:ty),*) => {$(
        impl From<&$id> for Value {
            fn from(v: &$id) -> Self {
                Value::Text(v.as_str().to_owned())
            }
        }
        impl From<$id> for Value {
            fn from(v: $id) -> Self {
                Value::Text(v.into_string())
            }
        }
    )*};
}
id_values!(
    crate::domain::BeneficiaryId,
    crate::domain::StructureId,
    crate::domain::ItemId,
    crate::domain::AccountId,
    crate::domain::FolderId,
    crate::domain::FollowupId,
    crate::domain::NewsId,
    crate::domain::ThreadId,
    crate::domain::MessageId
);
impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Self {
        v.map_or(Value::Null, Into::into)
    }
}

/// The port every repository is written against: one open transaction.
pub trait Sql {
    fn execute(&mut self, sql: &str, params: &[Value]) -> StoreResult<u64>;
    fn query(&mut self, sql: &str, params: &[Value]) -> StoreResult<Vec<Row>>;
    fn query_opt(&mut self, sql: &str, params: &[Value]) -> StoreResult<Option<Row>> {
        Ok(self.query(sql, params)?.into_iter().next())
    }
    fn query_one(&mut self, sql: &str, params: &[Value]) -> StoreResult<Row> {
        self.query_opt(sql, params)?
            .ok_or(StoreError::Backend("no row".into()))
    }
    /// Holds the lock `name` until this transaction ends. For a read-then-write sequence that
    /// must not interleave with the same sequence in another transaction (of this process or
    /// another instance): call it before the read. SQLite needs nothing (its write transactions
    /// are serialised from BEGIN IMMEDIATE on); PostgreSQL takes an advisory lock. Locks taken
    /// in one transaction follow one order (throttle, login index or reset, a safe's quota or
    /// folders, then journal), so two transactions never wait on each other in a circle.
    fn lock(&mut self, name: &str) -> StoreResult<()>;
}

/// The database, chosen by URL scheme.
#[derive(Debug, Clone)]
pub enum Database {
    Sqlite(Arc<SqlitePool>),
    Postgres(Arc<PgPool>),
}

/// Opens the blob store named by `url`: empty or a path for the filesystem (`blobs/` in the
/// data directory by default), `s3+https://host/bucket` for an S3-compatible store (created
/// if it does not exist).
pub fn open_blob_store(url: &str, data_dir: &Path) -> blobs::BlobResult<Arc<dyn blobs::BlobStore>> {
    if url.starts_with("s3+") || url.starts_with("s3://") {
        #[cfg(feature = "s3")]
        {
            let store = s3::S3BlobStore::open_url(url)?;
            store.ensure_bucket()?;
            return Ok(Arc::new(store));
        }
        #[cfg(not(feature = "s3"))]
        return Err(blobs::BlobError::Io(
            "this build has no S3 support (cargo feature `s3`)".into(),
        ));
    }
    let dir = match url.strip_prefix("file://").unwrap_or(url) {
        "" => data_dir.join("blobs"),
        path => std::path::PathBuf::from(path),
    };
    Ok(Arc::new(blobs::FsBlobStore::open_dir(&dir)?))
}

impl Database {
    /// `sqlite://PATH` opens (and creates) an SQLite database; `postgres://USER:PASSWORD@HOST:PORT/DB`
    /// (or `postgresql://`) connects to an existing PostgreSQL database.
    pub fn open(url: &str, data_dir: &Path) -> StoreResult<Self> {
        Self::open_with(url, data_dir, SQLITE_CONNECTIONS)
    }

    /// [`Database::open`], keeping up to `sqlite_connections` SQLite connections open (the
    /// `sqlite_connections` setting; PostgreSQL's pool is not affected).
    pub fn open_with(url: &str, data_dir: &Path, sqlite_connections: usize) -> StoreResult<Self> {
        if let Some(rest) = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
        {
            let path = if Path::new(rest).is_absolute() {
                Path::new(rest).to_path_buf()
            } else {
                data_dir.join(rest)
            };
            return Ok(Self::Sqlite(Arc::new(SqlitePool::open(
                &path,
                sqlite_connections,
            )?)));
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Self::Postgres(Arc::new(PgPool::open(url)?)));
        }
        Err(StoreError::Backend(format!(
            "unsupported database URL scheme in {url:?}"
        )))
    }

    /// Applies the pending migrations; returns how many were applied.
    pub fn migrate(&self) -> StoreResult<usize> {
        match self {
            Self::Sqlite(pool) => pool.migrate(),
            Self::Postgres(pool) => pool.migrate(),
        }
    }

    /// Runs `f` in one write transaction on a blocking thread; commits when it returns `Ok`.
    /// On SQLite, write transactions run one at a time: a use case that only reads takes
    /// [`Database::read`] instead.
    pub async fn transaction<T, E, F>(&self, f: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<StoreError> + Send + 'static,
        F: FnOnce(&mut dyn Sql) -> Result<T, E> + Send + 'static,
    {
        let db = self.clone();
        tokio::task::spawn_blocking(move || db.transaction_blocking(f))
            .await
            .map_err(|_| E::from(StoreError::Join))?
    }

    /// Runs `f`, which only reads, in one consistent snapshot on a blocking thread, without
    /// holding up writers or waiting for them (SQLite: a deferred transaction under WAL;
    /// PostgreSQL: read only, repeatable read). A statement that writes is refused.
    pub async fn read<T, E, F>(&self, f: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<StoreError> + Send + 'static,
        F: FnOnce(&mut dyn Sql) -> Result<T, E> + Send + 'static,
    {
        let db = self.clone();
        tokio::task::spawn_blocking(move || match &db {
            Self::Sqlite(pool) => pool.read(f),
            Self::Postgres(pool) => pool.snapshot(f),
        })
        .await
        .map_err(|_| E::from(StoreError::Join))?
    }

    /// The same, for callers already on a blocking thread (CLI, tests).
    pub fn transaction_blocking<T, E, F>(&self, f: F) -> Result<T, E>
    where
        E: From<StoreError>,
        F: FnOnce(&mut dyn Sql) -> Result<T, E>,
    {
        match self {
            Self::Sqlite(pool) => pool.transaction(f),
            Self::Postgres(pool) => pool.transaction(f),
        }
    }
}
