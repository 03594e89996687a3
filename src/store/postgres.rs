//! The PostgreSQL adapter: the same repositories as on SQLite, through the synchronous
//! `postgres` client, so a whole transaction still runs on one blocking thread. A small pool of
//! connections, each with its own cache of prepared statements. No TLS yet (see
//! docs/operations.md): reach the server over a local socket, a private network or a proxy.
//!
//! Transactions run at READ COMMITTED; the read-then-write sequences take a named advisory
//! lock through [`Sql::lock`] (see the repositories that call it).

use super::{Row, Sql, StoreError, StoreResult, Value};
use bytes::BytesMut;
use postgres::error::SqlState;
use postgres::types::{FromSqlOwned, IsNull, ToSql, Type, WrongType};
use std::collections::HashMap;
use std::error::Error;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("migrations/postgres/0001_init.sql")),
    (2, include_str!("migrations/postgres/0002_relay_resets.sql")),
    (3, include_str!("migrations/postgres/0003_items.sql")),
    (4, include_str!("migrations/postgres/0004_blob_digests.sql")),
    (5, include_str!("migrations/postgres/0005_jobs.sql")),
    (7, include_str!("migrations/postgres/0007_reminders.sql")),
    (
        8,
        include_str!("migrations/postgres/0008_calendar_feeds.sql"),
    ),
    (9, include_str!("migrations/postgres/0009_members.sql")),
    (11, include_str!("migrations/postgres/0011_login_known.sql")),
    (16, include_str!("migrations/postgres/0016_directory.sql")),
    (
        23,
        include_str!("migrations/postgres/0023_items_made_hers.sql"),
    ),
    (
        24,
        include_str!("migrations/postgres/0024_reminders_no_phone.sql"),
    ),
    (
        25,
        include_str!("migrations/postgres/0025_structure_phone.sql"),
    ),
    (26, include_str!("migrations/postgres/0026_previews.sql")),
    (
        27,
        include_str!("migrations/postgres/0027_journal_about.sql"),
    ),
    (29, include_str!("migrations/postgres/0029_followups.sql")),
    (31, include_str!("migrations/postgres/0031_household.sql")),
    (33, include_str!("migrations/postgres/0033_simulations.sql")),
    (34, include_str!("migrations/postgres/0034_procedures.sql")),
    (36, include_str!("migrations/postgres/0036_proofs.sql")),
    (
        38,
        include_str!("migrations/postgres/0038_certification.sql"),
    ),
    (40, include_str!("migrations/postgres/0040_share_links.sql")),
    (44, include_str!("migrations/postgres/0044_news.sql")),
    (42, include_str!("migrations/postgres/0042_messages.sql")),
    (
        46,
        include_str!("migrations/postgres/0046_security_questions.sql"),
    ),
    (48, include_str!("migrations/postgres/0048_terms.sql")),
    (50, include_str!("migrations/postgres/0050_licences.sql")),
    (52, include_str!("migrations/postgres/0052_usage.sql")),
    (54, include_str!("migrations/postgres/0054_imports.sql")),
    (60, include_str!("migrations/postgres/0060_features.sql")),
    (
        58,
        include_str!("migrations/postgres/0058_licence_notices.sql"),
    ),
    (
        56,
        include_str!("migrations/postgres/0056_partner_clients.sql"),
    ),
    (
        10,
        include_str!("migrations/postgres/0010_reset_confirmation.sql"),
    ),
    (28, include_str!("migrations/postgres/0028_case_files.sql")),
];
const MAX_IDLE: usize = 8;
/// Repositories use a bounded set of statements; the cap only guards against a surprise.
const MAX_CACHED_STATEMENTS: usize = 512;
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// A connection idle this long is checked before use: the server may have closed it since
/// (restart, idle timeout), and the synchronous client only notices on its next use.
const CHECK_AFTER_IDLE: Duration = Duration::from_secs(30);
const CHECK_TIMEOUT: Duration = Duration::from_secs(5);

/// Backend-specific SQL, kept here rather than in the repositories.
///
/// A transaction-scoped advisory lock on a name: released by COMMIT or ROLLBACK.
const NAMED_LOCK: &str = "SELECT pg_advisory_xact_lock(hashtext($1))";
/// The lock two instances starting together take before migrating.
const MIGRATIONS_LOCK_NAME: &str = "consigne/schema_migrations";
/// Quiet: "relation already exists, skipping" would be logged at every start.
const SCHEMA_MIGRATIONS: &str = "SET LOCAL client_min_messages = warning; CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at BIGINT NOT NULL)";

struct PgConn {
    client: postgres::Client,
    statements: HashMap<String, postgres::Statement>,
    idle_since: Instant,
}

pub struct PgPool {
    config: postgres::Config,
    idle: Mutex<Vec<PgConn>>,
}

impl std::fmt::Debug for PgPool {
    // Never the password: only where the pool points.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgPool")
            .field("dbname", &self.config.get_dbname())
            .field("user", &self.config.get_user())
            .finish_non_exhaustive()
    }
}

fn backend(e: postgres::Error) -> StoreError {
    match e.code() {
        Some(c) if *c == SqlState::UNIQUE_VIOLATION => StoreError::Conflict,
        Some(c) if *c == SqlState::DISK_FULL => StoreError::Full,
        _ => StoreError::Backend(describe(&e)),
    }
}

/// The error with its causes: on its own, the client's error only says "db error".
fn describe(e: &postgres::Error) -> String {
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        text.push_str(": ");
        text.push_str(&c.to_string());
        cause = c.source();
    }
    text
}

/// The synchronous client drives a small runtime of its own, which cannot start (or stop)
/// inside another runtime's async context: from there (start-up code in an async `main` or
/// test, a pool dropped by a task), do the work on a plain thread.
fn off_async<T: Send>(f: impl FnOnce() -> T + Send) -> StoreResult<T> {
    if tokio::runtime::Handle::try_current().is_err() {
        return Ok(f());
    }
    std::thread::scope(|s| s.spawn(f).join()).map_err(|_| StoreError::Join)
}

impl PgPool {
    /// Parses a `postgres://` URL and checks that the server answers.
    pub fn open(url: &str) -> StoreResult<Self> {
        let mut config: postgres::Config = url
            .parse()
            .map_err(|e: postgres::Error| StoreError::Backend(describe(&e)))?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(CONNECT_TIMEOUT);
        }
        if config.get_application_name().is_none() {
            config.application_name("consigne");
        }
        let pool = Self {
            config,
            idle: Mutex::new(Vec::new()),
        };
        let conn = off_async(|| pool.connect())??;
        pool.put(conn);
        Ok(pool)
    }

    fn connect(&self) -> StoreResult<PgConn> {
        let client = self.config.connect(postgres::NoTls).map_err(|e| {
            StoreError::Backend(format!("cannot connect to PostgreSQL: {}", describe(&e)))
        })?;
        Ok(PgConn {
            client,
            statements: HashMap::new(),
            idle_since: Instant::now(),
        })
    }

    fn take(&self) -> StoreResult<PgConn> {
        loop {
            let pooled = self.idle.lock().ok().and_then(|mut idle| idle.pop());
            match pooled {
                None => return self.connect(),
                Some(c) if c.idle_since.elapsed() < CHECK_AFTER_IDLE => return Ok(c),
                Some(mut c) => {
                    if c.client.is_valid(CHECK_TIMEOUT).is_ok() {
                        return Ok(c);
                    }
                }
            }
        }
    }

    /// Keeps a healthy connection for the next transaction; one whose link broke is dropped.
    fn put(&self, mut conn: PgConn) {
        if conn.client.is_closed() {
            return;
        }
        conn.idle_since = Instant::now();
        if let Ok(mut idle) = self.idle.lock()
            && idle.len() < MAX_IDLE
        {
            idle.push(conn);
        }
    }

    /// Applies the pending migrations in one transaction, under an advisory lock so that
    /// instances starting together apply each one once.
    pub fn migrate(&self) -> StoreResult<usize> {
        off_async(|| {
            let mut conn = self.take()?;
            let applied = migrate(&mut conn.client);
            self.put(conn);
            applied
        })?
    }

    pub fn transaction<T, E, F>(&self, f: F) -> Result<T, E>
    where
        E: From<StoreError>,
        F: FnOnce(&mut dyn Sql) -> Result<T, E>,
    {
        let mut conn = self.take()?;
        let result = run(&mut conn, f);
        self.put(conn);
        result
    }
}

impl PgPool {
    /// Runs `f` in one READ ONLY, REPEATABLE READ transaction: every query it makes sees the
    /// same snapshot of the database while other transactions go on (`consigne backup`).
    pub fn snapshot<T, E, F>(&self, f: F) -> Result<T, E>
    where
        E: From<StoreError>,
        F: FnOnce(&mut dyn Sql) -> Result<T, E>,
    {
        let mut conn = self.take()?;
        let result = {
            let PgConn {
                client, statements, ..
            } = &mut conn;
            match client
                .build_transaction()
                .isolation_level(postgres::IsolationLevel::RepeatableRead)
                .read_only(true)
                .start()
            {
                Err(e) => Err(E::from(backend(e))),
                Ok(mut tx) => match f(&mut PgTx {
                    tx: &mut tx,
                    statements,
                }) {
                    Ok(v) => tx.commit().map(|()| v).map_err(|e| E::from(backend(e))),
                    Err(e) => Err(e),
                },
            }
        };
        self.put(conn);
        result
    }
}

impl Drop for PgPool {
    fn drop(&mut self) {
        let idle = self.idle.get_mut().map(std::mem::take).unwrap_or_default();
        if !idle.is_empty() {
            // Closing a connection blocks on its own runtime (see `off_async`); a pool may be
            // dropped anywhere, even while the application's runtime shuts down.
            let _ = std::thread::spawn(move || drop(idle)).join();
        }
    }
}

fn migrate(client: &mut postgres::Client) -> StoreResult<usize> {
    let mut tx = client.transaction().map_err(backend)?;
    tx.execute(NAMED_LOCK, &[&MIGRATIONS_LOCK_NAME])
        .map_err(backend)?;
    tx.batch_execute(SCHEMA_MIGRATIONS).map_err(backend)?;
    let mut applied = 0;
    for (version, sql) in MIGRATIONS {
        let done = tx
            .query_opt(
                "SELECT 1 FROM schema_migrations WHERE version = $1",
                &[version],
            )
            .map_err(backend)?
            .is_some();
        if !done {
            tx.batch_execute(sql).map_err(backend)?;
            tx.execute(
                "INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)",
                &[version, &time::OffsetDateTime::now_utc().unix_timestamp()],
            )
            .map_err(backend)?;
            applied += 1;
        }
    }
    tx.commit().map_err(backend)?;
    Ok(applied)
}

fn run<T, E, F>(conn: &mut PgConn, f: F) -> Result<T, E>
where
    E: From<StoreError>,
    F: FnOnce(&mut dyn Sql) -> Result<T, E>,
{
    let PgConn {
        client, statements, ..
    } = conn;
    let mut tx = client.transaction().map_err(backend)?;
    // On `Err` the transaction is dropped, which rolls it back.
    let value = f(&mut PgTx {
        tx: &mut tx,
        statements,
    })?;
    tx.commit().map_err(backend)?;
    Ok(value)
}

struct PgTx<'t, 'c> {
    tx: &'t mut postgres::Transaction<'c>,
    statements: &'t mut HashMap<String, postgres::Statement>,
}

impl PgTx<'_, '_> {
    fn prepare(&mut self, sql: &str) -> StoreResult<postgres::Statement> {
        if let Some(s) = self.statements.get(sql) {
            return Ok(s.clone());
        }
        // Prepared statements belong to the session, not the transaction: a rollback keeps them.
        let stmt = self.tx.prepare(sql).map_err(backend)?;
        if self.statements.len() < MAX_CACHED_STATEMENTS {
            self.statements.insert(sql.to_owned(), stmt.clone());
        }
        Ok(stmt)
    }
}

/// Binds `params` like the SQLite adapter does: `$N` is the Nth value, and values past the
/// highest placeholder the statement uses are ignored.
fn with_params<T>(
    stmt: &postgres::Statement,
    params: &[Value],
    f: impl FnOnce(&[&(dyn ToSql + Sync)]) -> T,
) -> T {
    let used = params.len().min(stmt.params().len());
    let wrapped: Vec<PgValue<'_>> = params.iter().take(used).map(PgValue).collect();
    let refs: Vec<&(dyn ToSql + Sync)> = wrapped.iter().map(|v| v as &(dyn ToSql + Sync)).collect();
    f(&refs)
}

impl Sql for PgTx<'_, '_> {
    fn execute(&mut self, sql: &str, params: &[Value]) -> StoreResult<u64> {
        let stmt = self.prepare(sql)?;
        with_params(&stmt, params, |p| self.tx.execute(&stmt, p)).map_err(backend)
    }

    fn query(&mut self, sql: &str, params: &[Value]) -> StoreResult<Vec<Row>> {
        let stmt = self.prepare(sql)?;
        let rows = with_params(&stmt, params, |p| self.tx.query(&stmt, p)).map_err(backend)?;
        let names = column_names(&stmt);
        rows.iter().map(|r| decode_row(&names, r)).collect()
    }

    fn lock(&mut self, name: &str) -> StoreResult<()> {
        let stmt = self.prepare(NAMED_LOCK)?;
        self.tx.execute(&stmt, &[&name]).map_err(backend)?;
        Ok(())
    }
}

/// A parameter, encoded as the type the server inferred for its placeholder, so one `$N`
/// statement serves SQLite and PostgreSQL alike (an `Int` may be a SMALLINT, an INTEGER, a
/// BIGINT or a BOOLEAN there).
#[derive(Debug)]
struct PgValue<'a>(&'a Value);

impl ToSql for PgValue<'_> {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut BytesMut,
    ) -> Result<IsNull, Box<dyn Error + Sync + Send>> {
        match (self.0, ty) {
            (Value::Null, _) => Ok(IsNull::Yes),
            (Value::Int(n), &Type::INT2) => i16::try_from(*n)?.to_sql(ty, out),
            (Value::Int(n), &Type::INT4) => i32::try_from(*n)?.to_sql(ty, out),
            (Value::Int(n), &Type::INT8) => n.to_sql(ty, out),
            (Value::Int(n), &Type::BOOL) => (*n != 0).to_sql(ty, out),
            (Value::Text(s), &Type::TEXT | &Type::VARCHAR) => s.to_sql(ty, out),
            (Value::Blob(b), &Type::BYTEA) => b.to_sql(ty, out),
            (v, _) => Err(format!("a {} value cannot be sent as {ty}", kind(v)).into()),
        }
    }

    fn accepts(ty: &Type) -> bool {
        matches!(
            *ty,
            Type::INT2
                | Type::INT4
                | Type::INT8
                | Type::BOOL
                | Type::TEXT
                | Type::VARCHAR
                | Type::BYTEA
        )
    }

    fn to_sql_checked(
        &self,
        ty: &Type,
        out: &mut BytesMut,
    ) -> Result<IsNull, Box<dyn Error + Sync + Send>> {
        // NULL fits any column; `accepts` cannot see the value, so check here.
        if matches!(self.0, Value::Null) {
            return Ok(IsNull::Yes);
        }
        if !Self::accepts(ty) {
            return Err(Box::new(WrongType::new::<Self>(ty.clone())));
        }
        self.to_sql(ty, out)
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Int(_) => "integer",
        Value::Text(_) => "text",
        Value::Blob(_) => "blob",
    }
}

fn get<T: FromSqlOwned>(row: &postgres::Row, i: usize) -> StoreResult<Option<T>> {
    row.try_get::<_, Option<T>>(i)
        .map_err(|_| StoreError::Decode(row.columns()[i].name().to_owned()))
}

/// The result's column names, shared by its rows.
fn column_names(stmt: &postgres::Statement) -> Arc<[String]> {
    stmt.columns().iter().map(|c| c.name().to_owned()).collect()
}

fn decode_row(names: &Arc<[String]>, row: &postgres::Row) -> StoreResult<Row> {
    let mut values = Vec::with_capacity(row.len());
    for (i, column) in row.columns().iter().enumerate() {
        let ty = column.type_();
        let value = if *ty == Type::INT2 {
            get::<i16>(row, i)?.map(|n| Value::Int(n.into()))
        } else if *ty == Type::INT4 {
            get::<i32>(row, i)?.map(|n| Value::Int(n.into()))
        } else if *ty == Type::INT8 {
            get::<i64>(row, i)?.map(Value::Int)
        } else if *ty == Type::BOOL {
            get::<bool>(row, i)?.map(|b| Value::Int(b.into()))
        } else if matches!(*ty, Type::TEXT | Type::VARCHAR | Type::NAME) {
            get::<String>(row, i)?.map(Value::Text)
        } else if *ty == Type::BYTEA {
            get::<Vec<u8>>(row, i)?.map(Value::Blob)
        } else {
            return Err(StoreError::Decode(column.name().to_owned()));
        };
        values.push(value.unwrap_or(Value::Null));
    }
    Ok(Row::new(names.clone(), values))
}
