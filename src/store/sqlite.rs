//! The SQLite adapter: a pool of connections in WAL mode with synchronous=FULL, so an
//! acknowledged commit survives kill -9 and power loss.
//!
//! The hard part is concurrency. SQLite has one write lock per database; a connection that
//! cannot take it sleeps in the busy handler (1, 2, 5, ... 100 ms), and under 64 concurrent
//! requests those sleeps, not the CPU, made the p99. So:
//! - reads ([`SqlitePool::read`]) are deferred transactions on a WAL snapshot: they never take
//!   the write lock and never wait for a writer (a write in one is refused, like PostgreSQL's
//!   read only transactions);
//! - writers of this process queue in turn ([`Turnstile`]) before `BEGIN IMMEDIATE`, so at most
//!   one of them is inside SQLite at a time and none sleeps in the busy handler; the busy
//!   timeout stays for other processes (the CLI, `consigne backup`);
//! - the pool keeps its connections (and their prepared statements): up to `size` are open;
//!   past it a transaction waits for one to come back instead of opening another.

use super::{Row, Sql, StoreError, StoreResult, Value};
use rusqlite::types::ValueRef;
use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};

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
        23,
        include_str!("migrations/sqlite/0023_items_made_hers.sql"),
    ),
    (
        24,
        include_str!("migrations/sqlite/0024_reminders_no_phone.sql"),
    ),
    (
        25,
        include_str!("migrations/sqlite/0025_structure_phone.sql"),
    ),
    (26, include_str!("migrations/sqlite/0026_previews.sql")),
    (27, include_str!("migrations/sqlite/0027_journal_about.sql")),
    (29, include_str!("migrations/sqlite/0029_followups.sql")),
    (31, include_str!("migrations/sqlite/0031_household.sql")),
    (33, include_str!("migrations/sqlite/0033_simulations.sql")),
    (34, include_str!("migrations/sqlite/0034_procedures.sql")),
    (36, include_str!("migrations/sqlite/0036_proofs.sql")),
    (38, include_str!("migrations/sqlite/0038_certification.sql")),
    (40, include_str!("migrations/sqlite/0040_share_links.sql")),
    (44, include_str!("migrations/sqlite/0044_news.sql")),
    (42, include_str!("migrations/sqlite/0042_messages.sql")),
    (
        46,
        include_str!("migrations/sqlite/0046_security_questions.sql"),
    ),
    (48, include_str!("migrations/sqlite/0048_terms.sql")),
    (50, include_str!("migrations/sqlite/0050_licences.sql")),
    (52, include_str!("migrations/sqlite/0052_usage.sql")),
    (54, include_str!("migrations/sqlite/0054_imports.sql")),
    (60, include_str!("migrations/sqlite/0060_features.sql")),
    (
        58,
        include_str!("migrations/sqlite/0058_licence_notices.sql"),
    ),
    (
        56,
        include_str!("migrations/sqlite/0056_partner_clients.sql"),
    ),
    (
        10,
        include_str!("migrations/sqlite/0010_reset_confirmation.sql"),
    ),
    (28, include_str!("migrations/sqlite/0028_case_files.sql")),
];
/// How long a connection waits for another process's write lock.
const BUSY_TIMEOUT_MS: u32 = 10_000;
/// Statements kept prepared per connection: every repository's, with room to spare.
const STATEMENT_CACHE: usize = 256;
/// Connections kept open when the configuration says nothing (`sqlite_connections`).
pub const DEFAULT_SIZE: usize = 32;

#[derive(Debug)]
pub struct SqlitePool {
    path: PathBuf,
    size: usize,
    /// How long a connection waits for another process's write lock (the CLI, a backup).
    busy_timeout_ms: u32,
    slots: Mutex<Slots>,
    /// Signalled when a connection comes back or a slot frees.
    returned: Condvar,
    writers: Turnstile,
}

#[derive(Debug, Default)]
struct Slots {
    idle: Vec<rusqlite::Connection>,
    /// Connections open, idle or lent.
    open: usize,
}

thread_local! {
    /// Connections this thread holds and whether it holds the writers' turn: a transaction
    /// opened inside another one on the same thread must not wait for what the thread itself
    /// holds (it would wait for ever).
    static HELD: Cell<(usize, bool)> = const { Cell::new((0, false)) };
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The queue of this process's writers: first come, first served.
#[derive(Debug, Default)]
struct Turnstile {
    /// (next ticket, ticket being served).
    tickets: Mutex<(u64, u64)>,
    next: Condvar,
}

struct Turn<'a>(Option<&'a Turnstile>);

impl Turnstile {
    fn enter(&self) -> Turn<'_> {
        if HELD.with(|h| h.get().1) {
            // Already this thread's turn (a nested write): SQLite's own lock decides.
            return Turn(None);
        }
        let mut t = lock(&self.tickets);
        let ticket = t.0;
        t.0 += 1;
        while t.1 != ticket {
            t = self.next.wait(t).unwrap_or_else(PoisonError::into_inner);
        }
        HELD.with(|h| h.set((h.get().0, true)));
        Turn(Some(self))
    }
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        if let Some(turnstile) = self.0 {
            HELD.with(|h| h.set((h.get().0, false)));
            lock(&turnstile.tickets).1 += 1;
            turnstile.next.notify_all();
        }
    }
}

/// A connection lent by the pool; it goes back when dropped, even on a panic.
struct Lease<'a> {
    pool: &'a SqlitePool,
    conn: Option<rusqlite::Connection>,
}

impl Lease<'_> {
    fn conn(&mut self) -> StoreResult<&mut rusqlite::Connection> {
        self.conn
            .as_mut()
            .ok_or_else(|| StoreError::Backend("connection already returned".into()))
    }
}

impl Drop for Lease<'_> {
    fn drop(&mut self) {
        HELD.with(|h| h.set((h.get().0.saturating_sub(1), h.get().1)));
        let mut slots = lock(&self.pool.slots);
        match self.conn.take() {
            // A nested transaction may have opened one past the size: close it.
            Some(c) if slots.open <= self.pool.size => slots.idle.push(c),
            _ => slots.open = slots.open.saturating_sub(1),
        }
        drop(slots);
        self.pool.returned.notify_one();
    }
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
    /// Opens (and creates) the database at `path`, keeping up to `size` connections (at
    /// least one).
    pub fn open(path: &Path, size: usize) -> StoreResult<Self> {
        Self::open_waiting(path, size, BUSY_TIMEOUT_MS)
    }

    fn open_waiting(path: &Path, size: usize, busy_timeout_ms: u32) -> StoreResult<Self> {
        let pool = Self {
            path: path.to_path_buf(),
            size: size.max(1),
            busy_timeout_ms,
            slots: Mutex::new(Slots::default()),
            returned: Condvar::new(),
            writers: Turnstile::default(),
        };
        // Opens one now, so a wrong path or a locked file fails at start-up.
        drop(pool.take()?);
        Ok(pool)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn connect(&self) -> StoreResult<rusqlite::Connection> {
        let conn = rusqlite::Connection::open(&self.path).map_err(backend)?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;",
        )
        .map_err(backend)?;
        conn.busy_timeout(std::time::Duration::from_millis(
            self.busy_timeout_ms.into(),
        ))
        .map_err(backend)?;
        // Every repository's statements stay prepared on every connection.
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        Ok(conn)
    }

    /// An idle connection, a new one while fewer than `size` are open, or the next one
    /// returned.
    fn take(&self) -> StoreResult<Lease<'_>> {
        let nested = HELD.with(|h| h.get().0 > 0);
        let mut slots = lock(&self.slots);
        let conn = loop {
            if let Some(c) = slots.idle.pop() {
                break Some(c);
            }
            if slots.open < self.size || nested {
                slots.open += 1;
                break None;
            }
            slots = self
                .returned
                .wait(slots)
                .unwrap_or_else(PoisonError::into_inner);
        };
        drop(slots);
        HELD.with(|h| h.set((h.get().0 + 1, h.get().1)));
        let mut lease = Lease { pool: self, conn };
        if lease.conn.is_none() {
            // On failure the lease, dropped empty, frees the slot.
            lease.conn = Some(self.connect()?);
        }
        Ok(lease)
    }

    /// Writes a consistent copy of the whole database to `dest` (which must not exist) with
    /// `VACUUM INTO`, while other connections keep reading and writing (`consigne backup`).
    pub fn snapshot_into(&self, dest: &Path) -> StoreResult<()> {
        let mut lease = self.take()?;
        let dest = dest
            .to_str()
            .ok_or_else(|| StoreError::Backend("the snapshot path is not UTF-8".into()))?;
        lease
            .conn()?
            .execute("VACUUM INTO ?1", [dest])
            .map_err(backend)
            .map(|_| ())
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
        let _turn = self.writers.enter();
        let mut lease = self.take()?;
        let conn = lease.conn()?;
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
                if sql.contains("PRAGMA writable_schema") {
                    // The schema was edited in place (a CHECK widened): a new schema version
                    // makes every open connection read it again.
                    let version: i64 = tx
                        .query_row("PRAGMA schema_version", [], |r| r.get(0))
                        .map_err(backend)?;
                    tx.execute_batch(&format!("PRAGMA schema_version = {}", version + 1))
                        .map_err(backend)?;
                }
                tx.execute(
                    "INSERT INTO schema_migrations (version, applied_at) VALUES (?1, ?2)",
                    rusqlite::params![version, time::OffsetDateTime::now_utc().unix_timestamp()],
                )
                .map_err(backend)?;
                applied += 1;
            }
            tx.commit().map_err(backend)?;
        }
        Ok(applied)
    }

    /// A write transaction: waits for this process's writers before it, then takes the
    /// write lock up front (`BEGIN IMMEDIATE`: no deadlock on read-then-write upgrades).
    pub fn transaction<T, E, F>(&self, f: F) -> Result<T, E>
    where
        E: From<StoreError>,
        F: FnOnce(&mut dyn Sql) -> Result<T, E>,
    {
        let _turn = self.writers.enter();
        self.run(false, f)
    }

    /// A read-only transaction: a consistent snapshot (WAL) that never takes the write lock,
    /// so pages, session lookups and long reads (orphan collection, verification) neither
    /// wait for writers nor hold them up. A statement that would write is refused.
    pub fn read<T, E, F>(&self, f: F) -> Result<T, E>
    where
        E: From<StoreError>,
        F: FnOnce(&mut dyn Sql) -> Result<T, E>,
    {
        self.run(true, f)
    }

    fn run<T, E, F>(&self, read_only: bool, f: F) -> Result<T, E>
    where
        E: From<StoreError>,
        F: FnOnce(&mut dyn Sql) -> Result<T, E>,
    {
        let behavior = if read_only {
            rusqlite::TransactionBehavior::Deferred
        } else {
            rusqlite::TransactionBehavior::Immediate
        };
        let mut lease = self.take()?;
        let tx = lease
            .conn()?
            .transaction_with_behavior(behavior)
            .map_err(backend)?;
        let mut adapter = SqliteTx { tx: &tx, read_only };
        // On `Err` the transaction is dropped, which rolls it back.
        let value = f(&mut adapter)?;
        tx.commit().map_err(backend)?;
        Ok(value)
    }
}

struct SqliteTx<'a> {
    tx: &'a rusqlite::Transaction<'a>,
    read_only: bool,
}

impl SqliteTx<'_> {
    fn prepare(&self, sql: &str) -> StoreResult<rusqlite::CachedStatement<'_>> {
        let stmt = self.tx.prepare_cached(sql).map_err(backend)?;
        if self.read_only && !stmt.readonly() {
            return Err(StoreError::Backend(
                "a statement that writes, in a read-only transaction".into(),
            ));
        }
        Ok(stmt)
    }
}

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
        let mut stmt = self.prepare(sql)?;
        bind(&mut stmt, params)?;
        let n = stmt.raw_execute().map_err(backend)?;
        Ok(n as u64)
    }

    fn query(&mut self, sql: &str, params: &[Value]) -> StoreResult<Vec<Row>> {
        let mut stmt = self.prepare(sql)?;
        bind(&mut stmt, params)?;
        let cols = stmt.column_count();
        let names: Arc<[String]> = stmt.column_names().map(str::to_owned).collect();
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
            out.push(Row::new(names.clone(), vals));
        }
        Ok(out)
    }

    fn lock(&mut self, _name: &str) -> StoreResult<()> {
        // BEGIN IMMEDIATE already holds the database's single write lock.
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    fn pool(dir: &tempfile::TempDir, size: usize, busy_timeout_ms: u32) -> SqlitePool {
        let pool =
            SqlitePool::open_waiting(&dir.path().join("t.db"), size, busy_timeout_ms).unwrap();
        pool.transaction(|tx| {
            tx.execute(
                "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)",
                &[],
            )?;
            tx.execute("INSERT INTO t (id, n) VALUES (1, 0)", &[])
        })
        .unwrap();
        pool
    }

    fn open_connections(pool: &SqlitePool) -> usize {
        lock(&pool.slots).open
    }

    /// Read-then-write increments from many threads, with no busy timeout at all: a writer
    /// that met the write lock taken would fail at once with SQLITE_BUSY. Queued in the
    /// process, none does, and no increment is lost.
    #[test]
    fn writers_take_turns_in_the_process_not_in_sqlite() {
        let dir = tempfile::tempdir().unwrap();
        let pool = pool(&dir, 4, 0);
        std::thread::scope(|s| {
            for _ in 0..8 {
                s.spawn(|| {
                    for _ in 0..25 {
                        pool.transaction(|tx| {
                            let n = tx
                                .query_one("SELECT n FROM t WHERE id = 1", &[])?
                                .int("n")?;
                            tx.execute("UPDATE t SET n = $1 WHERE id = 1", &[(n + 1).into()])
                        })
                        .unwrap();
                    }
                });
            }
        });
        let n = pool
            .read(|tx| tx.query_one("SELECT n FROM t WHERE id = 1", &[])?.int("n"))
            .unwrap();
        assert_eq!(n, 200);
        assert!(
            open_connections(&pool) <= 4,
            "never more than the pool's size"
        );
    }

    /// A read runs on a snapshot while a writer holds the write lock, and sees the state
    /// before the write.
    #[test]
    fn reads_neither_wait_for_a_writer_nor_take_the_write_lock() {
        let dir = tempfile::tempdir().unwrap();
        let pool = pool(&dir, 4, 0);
        let (inside, writing) = mpsc::channel();
        let (done, go_on) = mpsc::channel::<()>();
        std::thread::scope(|s| {
            let pool = &pool;
            s.spawn(move || {
                pool.transaction(|tx| {
                    tx.execute("UPDATE t SET n = 7 WHERE id = 1", &[])?;
                    inside.send(()).unwrap();
                    go_on.recv().unwrap();
                    Ok::<_, StoreError>(())
                })
                .unwrap();
            });
            writing.recv().unwrap();
            let seen = pool
                .read(|tx| tx.query_one("SELECT n FROM t WHERE id = 1", &[])?.int("n"))
                .unwrap();
            assert_eq!(seen, 0, "the snapshot before the uncommitted write");
            done.send(()).unwrap();
        });
        let after = pool
            .read(|tx| tx.query_one("SELECT n FROM t WHERE id = 1", &[])?.int("n"))
            .unwrap();
        assert_eq!(after, 7);
    }

    #[test]
    fn a_write_in_a_read_transaction_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let pool = pool(&dir, 2, 0);
        for sql in [
            "UPDATE t SET n = 1 WHERE id = 1",
            "INSERT INTO t (id, n) VALUES (2, 2) RETURNING id",
        ] {
            let r = pool.read(|tx| tx.query(sql, &[]));
            assert!(matches!(r, Err(StoreError::Backend(_))), "{sql}");
        }
        let n = pool
            .read(|tx| {
                tx.query_one("SELECT COUNT(*) AS n FROM t WHERE n = 0", &[])?
                    .int("n")
            })
            .unwrap();
        assert_eq!(n, 1, "nothing written");
    }

    /// Connections are kept and reused; a transaction opened inside another one on the same
    /// thread does not wait for the connection its own thread holds.
    #[test]
    fn the_pool_reuses_its_connections_and_nested_reads_do_not_wait_for_themselves() {
        let dir = tempfile::tempdir().unwrap();
        let pool = pool(&dir, 1, 0);
        for _ in 0..50 {
            pool.read(|tx| tx.query("SELECT n FROM t", &[])).unwrap();
        }
        assert_eq!(open_connections(&pool), 1);
        let n = pool
            .read(|_| pool.read(|tx| tx.query_one("SELECT n FROM t", &[])?.int("n")))
            .unwrap();
        assert_eq!(n, 0);
        assert_eq!(open_connections(&pool), 1, "the extra connection is closed");
    }

    /// Columns come back with their names: a row is read by name, and a name the result
    /// lacks (a column renamed or left out of a list) is an error, not a neighbour's value.
    #[test]
    fn rows_carry_their_column_names() {
        let dir = tempfile::tempdir().unwrap();
        let pool = pool(&dir, 1, 0);
        let row = pool
            .read(|tx| tx.query_one("SELECT n AS count, id FROM t", &[]))
            .unwrap();
        assert_eq!(row.columns(), ["count", "id"]);
        assert_eq!(row.int("id").unwrap(), 1);
        assert!(matches!(row.int("n"), Err(StoreError::MissingColumn(c)) if c == "n"));
    }
}
