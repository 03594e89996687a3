//! The SQLite adapter: a small pool of connections in WAL mode with synchronous=FULL, so an
//! acknowledged commit survives kill -9 and power loss.

use super::{Row, Sql, StoreError, StoreResult, Value};
use rusqlite::types::ValueRef;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("migrations/sqlite/0001_init.sql")),
    (2, include_str!("migrations/sqlite/0002_relay_resets.sql")),
    (3, include_str!("migrations/sqlite/0003_items.sql")),
    (4, include_str!("migrations/sqlite/0004_blob_digests.sql")),
    (5, include_str!("migrations/sqlite/0005_jobs.sql")),
    (7, include_str!("migrations/sqlite/0007_reminders.sql")),
    (8, include_str!("migrations/sqlite/0008_calendar_feeds.sql")),
    (9, include_str!("migrations/sqlite/0009_members.sql")),
    (11, include_str!("migrations/sqlite/0011_login_known.sql")),
    (16, include_str!("migrations/sqlite/0016_directory.sql")),
    (
        10,
        include_str!("migrations/sqlite/0010_reset_confirmation.sql"),
    ),
];
const MAX_IDLE: usize = 8;

#[derive(Debug)]
pub struct SqlitePool {
    path: PathBuf,
    idle: Mutex<Vec<rusqlite::Connection>>,
}

fn backend(e: rusqlite::Error) -> StoreError {
    if let rusqlite::Error::SqliteFailure(f, _) = &e {
        match f.code {
            rusqlite::ErrorCode::ConstraintViolation => return StoreError::Conflict,
            rusqlite::ErrorCode::DiskFull => return StoreError::Full,
            _ => {}
        }
    }
    StoreError::Backend(e.to_string())
}

impl SqlitePool {
    pub fn open(path: &Path) -> StoreResult<Self> {
        let pool = Self {
            path: path.to_path_buf(),
            idle: Mutex::new(Vec::new()),
        };
        let conn = pool.connect()?;
        pool.put(conn);
        Ok(pool)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn connect(&self) -> StoreResult<rusqlite::Connection> {
        let conn = rusqlite::Connection::open(&self.path).map_err(backend)?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;",
        )
        .map_err(backend)?;
        Ok(conn)
    }

    fn take(&self) -> StoreResult<rusqlite::Connection> {
        let pooled = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        match pooled {
            Some(c) => Ok(c),
            None => self.connect(),
        }
    }

    fn put(&self, conn: rusqlite::Connection) {
        if let Ok(mut idle) = self.idle.lock()
            && idle.len() < MAX_IDLE
        {
            idle.push(conn);
        }
    }

    /// Writes a consistent copy of the whole database to `dest` (which must not exist) with
    /// `VACUUM INTO`, while other connections keep reading and writing (`consigne backup`).
    pub fn snapshot_into(&self, dest: &Path) -> StoreResult<()> {
        let conn = self.take()?;
        let dest = dest
            .to_str()
            .ok_or_else(|| StoreError::Backend("the snapshot path is not UTF-8".into()))?;
        let result = conn.execute("VACUUM INTO ?1", [dest]).map_err(backend);
        self.put(conn);
        result.map(|_| ())
    }

    /// Turns the database file at `path` (closed by every pool) into one self-contained
    /// file: its write-ahead log checkpointed and removed, integrity checked. For files that
    /// travel (a backup's `database.sqlite`).
    pub fn seal_file(path: &Path) -> StoreResult<()> {
        let conn = rusqlite::Connection::open(path).map_err(backend)?;
        let mode: String = conn
            .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))
            .map_err(backend)?;
        if !mode.eq_ignore_ascii_case("delete") {
            return Err(StoreError::Backend(format!(
                "{}: still in {mode} mode (is another process using it?)",
                path.display()
            )));
        }
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(backend)?;
        if check != "ok" {
            return Err(StoreError::Backend(format!(
                "{}: integrity check failed: {check}",
                path.display()
            )));
        }
        conn.close().map_err(|(_, e)| backend(e))?;
        std::fs::File::open(path)
            .and_then(|f| f.sync_all())
            .map_err(|e| StoreError::Backend(format!("{}: {e}", path.display())))
    }

    pub fn migrate(&self) -> StoreResult<usize> {
        let mut conn = self.take()?;
        conn.execute_batch("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)")
            .map_err(backend)?;
        let mut applied = 0;
        for (version, sql) in MIGRATIONS {
            let tx = conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                .map_err(backend)?;
            let done: i64 = tx
                .query_row(
                    "SELECT COUNT(*) FROM schema_migrations WHERE version = ?1",
                    [version],
                    |r| r.get(0),
                )
                .map_err(backend)?;
            if done == 0 {
                tx.execute_batch(sql).map_err(backend)?;
                tx.execute(
                    "INSERT INTO schema_migrations (version, applied_at) VALUES (?1, ?2)",
                    rusqlite::params![version, time::OffsetDateTime::now_utc().unix_timestamp()],
                )
                .map_err(backend)?;
                applied += 1;
            }
            tx.commit().map_err(backend)?;
        }
        self.put(conn);
        Ok(applied)
    }

    pub fn transaction<T, E, F>(&self, f: F) -> Result<T, E>
    where
        E: From<StoreError>,
        F: FnOnce(&mut dyn Sql) -> Result<T, E>,
    {
        // IMMEDIATE takes the write lock up front: no deadlock on read-then-write upgrades.
        self.run(rusqlite::TransactionBehavior::Immediate, f)
    }

    /// A read-only transaction: a consistent snapshot (WAL) that never takes the write lock,
    /// so long reads (orphan collection, verification) do not hold up logins and uploads.
    pub fn read<T, E, F>(&self, f: F) -> Result<T, E>
    where
        E: From<StoreError>,
        F: FnOnce(&mut dyn Sql) -> Result<T, E>,
    {
        self.run(rusqlite::TransactionBehavior::Deferred, f)
    }

    fn run<T, E, F>(&self, behavior: rusqlite::TransactionBehavior, f: F) -> Result<T, E>
    where
        E: From<StoreError>,
        F: FnOnce(&mut dyn Sql) -> Result<T, E>,
    {
        let mut conn = self.take()?;
        let result = {
            let tx = conn.transaction_with_behavior(behavior).map_err(backend)?;
            let mut adapter = SqliteTx(&tx);
            match f(&mut adapter) {
                Ok(v) => tx.commit().map_err(backend).map(|()| v).map_err(E::from),
                Err(e) => Err(e),
            }
        };
        self.put(conn);
        result
    }
}

struct SqliteTx<'a>(&'a rusqlite::Transaction<'a>);

fn bind(stmt: &mut rusqlite::Statement<'_>, params: &[Value]) -> StoreResult<()> {
    for (i, v) in params.iter().enumerate() {
        let name = format!("${}", i + 1);
        // Placeholders are `$N`, bound by name so their order of appearance does not matter.
        let Some(idx) = stmt.parameter_index(&name).map_err(backend)? else {
            continue;
        };
        match v {
            Value::Null => stmt.raw_bind_parameter(idx, rusqlite::types::Null),
            Value::Int(n) => stmt.raw_bind_parameter(idx, n),
            Value::Text(s) => stmt.raw_bind_parameter(idx, s),
            Value::Blob(b) => stmt.raw_bind_parameter(idx, b),
        }
        .map_err(backend)?;
    }
    Ok(())
}

impl Sql for SqliteTx<'_> {
    fn execute(&mut self, sql: &str, params: &[Value]) -> StoreResult<u64> {
        let mut stmt = self.0.prepare_cached(sql).map_err(backend)?;
        bind(&mut stmt, params)?;
        let n = stmt.raw_execute().map_err(backend)?;
        Ok(n as u64)
    }

    fn query(&mut self, sql: &str, params: &[Value]) -> StoreResult<Vec<Row>> {
        let mut stmt = self.0.prepare_cached(sql).map_err(backend)?;
        bind(&mut stmt, params)?;
        let cols = stmt.column_count();
        let mut rows = stmt.raw_query();
        let mut out = Vec::new();
        while let Some(r) = rows.next().map_err(backend)? {
            let mut vals = Vec::with_capacity(cols);
            for i in 0..cols {
                vals.push(match r.get_ref(i).map_err(backend)? {
                    ValueRef::Null => Value::Null,
                    ValueRef::Integer(n) => Value::Int(n),
                    // No REAL columns in the schema; keep integers exact.
                    ValueRef::Real(f) => Value::Int(f as i64),
                    ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
                    ValueRef::Blob(b) => Value::Blob(b.to_vec()),
                });
            }
            out.push(Row(vals));
        }
        Ok(out)
    }

    fn lock(&mut self, _name: &str) -> StoreResult<()> {
        // BEGIN IMMEDIATE already holds the database's single write lock.
        Ok(())
    }
}
