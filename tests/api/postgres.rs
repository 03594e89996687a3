//! The PostgreSQL adapter against the SQLite one: both migration folders describe the same
//! schema, values and errors map the same way, and two instances sharing one PostgreSQL
//! database keep a single journal chain, count every failed login and give homonyms distinct
//! identifiers (the read-then-write steps that take `Sql::lock`). These tests need a server:
//! they fail (never skip) without `CONSIGNE_TEST_DATABASE_URL`, which `scripts/test-all` sets.

use crate::helpers::PgTestDb;
use consigne::store::journal::{self, JournalEntry};
use consigne::store::{Database, Sql, StoreError, StoreResult, Value};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Default, PartialEq, Eq)]
struct Table {
    /// (name, normalised type, NOT NULL, default), in declaration order.
    columns: Vec<(String, String, bool, Option<String>)>,
    primary_key: Vec<String>,
    uniques: BTreeSet<Vec<String>>,
    /// (columns, referenced table, referenced columns, ON DELETE action).
    foreign_keys: BTreeSet<(Vec<String>, String, Vec<String>, String)>,
    /// CHECK constraints: the column each one constrains, with the values it allows.
    checks: BTreeSet<(String, Vec<String>)>,
    /// Plain (non-unique) indexes: name and columns.
    indexes: BTreeSet<(String, Vec<String>)>,
}

type Schema = BTreeMap<String, Table>;

fn normal_type(t: &str) -> String {
    match t.to_ascii_lowercase().as_str() {
        "integer" | "bigint" => "integer",
        "text" => "text",
        "blob" | "bytea" => "blob",
        other => other,
    }
    .to_owned()
}

fn split(list: &str) -> Vec<String> {
    list.split(',').map(str::to_owned).collect()
}

/// A line of a CREATE TABLE split at its commas outside parentheses.
fn top_level_parts(line: &str) -> impl Iterator<Item = &str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, c) in line.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&line[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&line[start..]);
    parts.into_iter().map(str::trim)
}

/// The string literals of a CHECK expression, in order: `kind IN ('a', 'b')` on SQLite and
/// `kind = ANY (ARRAY['a'::text, 'b'::text])` on PostgreSQL both give `[a, b]`.
fn literals(expr: &str) -> Vec<String> {
    expr.split('\'')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

fn sqlite_schema(tx: &mut dyn Sql) -> StoreResult<Schema> {
    let mut schema = Schema::new();
    let tables = tx.query(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        &[],
    )?;
    for t in tables {
        let (name, sql) = (t.text(0)?, t.text(1)?);
        let mut table = Table::default();
        let mut pk = Vec::new();
        for c in tx.query(
            "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info($1) ORDER BY cid",
            &[name.as_str().into()],
        )? {
            let column = c.text(0)?;
            // A primary key column is NOT NULL on PostgreSQL; SQLite only enforces it for
            // INTEGER PRIMARY KEY (an old quirk), and the application never writes a NULL id.
            let not_null = c.int(2)? != 0 || c.int(4)? > 0;
            if c.int(4)? > 0 {
                pk.push((c.int(4)?, column.clone()));
            }
            table.columns.push((
                column,
                normal_type(&c.text(1)?),
                not_null,
                c.opt_text(3)?,
            ));
        }
        pk.sort();
        table.primary_key = pk.into_iter().map(|(_, c)| c).collect();
        for i in tx.query(
            "SELECT name, \"unique\", origin FROM pragma_index_list($1)",
            &[name.as_str().into()],
        )? {
            let index = i.text(0)?;
            let columns: Vec<String> = tx
                .query(
                    "SELECT name FROM pragma_index_info($1) ORDER BY seqno",
                    &[index.as_str().into()],
                )?
                .iter()
                .map(|r| r.text(0))
                .collect::<StoreResult<_>>()?;
            match (i.int(1)? != 0, i.text(2)?.as_str()) {
                (_, "pk") => {}
                (true, _) => {
                    table.uniques.insert(columns);
                }
                (false, _) => {
                    table.indexes.insert((index, columns));
                }
            }
        }
        let mut fks: BTreeMap<i64, (Vec<String>, String, Vec<String>, String)> = BTreeMap::new();
        for f in tx.query(
            "SELECT id, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list($1) ORDER BY id, seq",
            &[name.as_str().into()],
        )? {
            let fk = fks.entry(f.int(0)?).or_default();
            fk.0.push(f.text(2)?);
            fk.1 = f.text(1)?;
            fk.2.push(f.text(3)?);
            fk.3 = f.text(4)?;
        }
        table.foreign_keys = fks.into_values().collect();
        // SQLite keeps CHECKs only in the table's SQL: one column per line in our migrations,
        // except that `ALTER TABLE ... ADD COLUMN` appends ", <column definition>" to the
        // last line.
        for line in sql.lines() {
            for part in top_level_parts(line).filter(|p| p.contains("CHECK")) {
                let column = part
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .to_owned();
                let check = part.find("CHECK").map_or(part, |i| &part[i..]);
                table.checks.insert((column, literals(check)));
            }
        }
        schema.insert(name, table);
    }
    Ok(schema)
}

const PG_COLUMNS: &str = "SELECT table_name::text, column_name::text, data_type::text, is_nullable::text, column_default::text FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position";

const PG_KEYS: &str = "SELECT c.conrelid::regclass::text, c.contype::text, (SELECT string_agg(a.attname::text, ',' ORDER BY k.o) FROM unnest(c.conkey) WITH ORDINALITY AS k(n, o) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n), c.confrelid::regclass::text, (SELECT string_agg(a.attname::text, ',' ORDER BY k.o) FROM unnest(c.confkey) WITH ORDINALITY AS k(n, o) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n), c.confdeltype::text, pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_namespace ns ON ns.oid = c.connamespace WHERE ns.nspname = 'public' ORDER BY 1, 2, 3";

const PG_INDEXES: &str = "SELECT t.relname::text, i.relname::text, (SELECT string_agg(a.attname::text, ',' ORDER BY k.o) FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(n, o) JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.n) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace ns ON ns.oid = t.relnamespace WHERE ns.nspname = 'public' AND NOT x.indisunique ORDER BY 1, 2";

fn pg_schema(tx: &mut dyn Sql) -> StoreResult<Schema> {
    let mut schema = Schema::new();
    for c in tx.query(PG_COLUMNS, &[])? {
        schema.entry(c.text(0)?).or_default().columns.push((
            c.text(1)?,
            normal_type(&c.text(2)?),
            c.text(3)? == "NO",
            // PostgreSQL spells a text default with its cast: `'active'::text`.
            c.opt_text(4)?
                .map(|d| d.trim_end_matches("::text").to_owned()),
        ));
    }
    for k in tx.query(PG_KEYS, &[])? {
        let table = schema.entry(k.text(0)?).or_default();
        let columns = split(&k.text(2)?);
        match k.text(1)?.as_str() {
            "p" => table.primary_key = columns,
            "u" => {
                table.uniques.insert(columns);
            }
            "f" => {
                let action = match k.text(5)?.as_str() {
                    "c" => "CASCADE",
                    "n" => "SET NULL",
                    "d" => "SET DEFAULT",
                    "r" => "RESTRICT",
                    _ => "NO ACTION",
                };
                table.foreign_keys.insert((
                    columns,
                    k.text(3)?,
                    split(&k.text(4)?),
                    action.to_owned(),
                ));
            }
            "c" => {
                table.checks.insert((k.text(2)?, literals(&k.text(6)?)));
            }
            other => panic!("unexpected constraint type {other}"),
        }
    }
    for i in tx.query(PG_INDEXES, &[])? {
        let table = schema.entry(i.text(0)?).or_default();
        table.indexes.insert((i.text(1)?, split(&i.text(2)?)));
    }
    Ok(schema)
}

#[test]
fn both_migration_folders_describe_the_same_schema() {
    let pg = PgTestDb::create();
    let dir = tempfile::tempdir().unwrap();
    let sqlite = Database::open("sqlite://schema.db", dir.path()).unwrap();
    let postgres = Database::open(&pg.url, dir.path()).unwrap();
    assert_eq!(sqlite.migrate().unwrap(), postgres.migrate().unwrap());
    assert_eq!(postgres.migrate().unwrap(), 0, "migrations apply once");
    let lite = sqlite.transaction_blocking(sqlite_schema).unwrap();
    let post = postgres.transaction_blocking(pg_schema).unwrap();
    assert!(lite.len() >= 15, "{:?}", lite.keys());
    assert_eq!(
        lite.keys().collect::<Vec<_>>(),
        post.keys().collect::<Vec<_>>()
    );
    for (name, table) in &lite {
        assert_eq!(Some(table), post.get(name), "table {name}");
    }
    // The comparison sees what matters: the constraints are there on both.
    let accounts = &post["accounts"];
    assert_eq!(accounts.checks.len(), 1);
    assert!(accounts.uniques.contains(&vec!["login_index".to_owned()]));
    assert!(
        post["beneficiaries"]
            .foreign_keys
            .iter()
            .any(|fk| fk.1 == "structures" && fk.3 == "SET NULL")
    );
}

fn entry(thread: usize, i: usize) -> JournalEntry {
    JournalEntry {
        id: uuid::Uuid::new_v4().to_string(),
        beneficiary_id: None,
        at: 1_700_000_000 + i64::try_from(i).unwrap(),
        actor_kind: "system".into(),
        actor_account: None,
        actor_name: Some(format!("thread {thread}")),
        actor_structure: None,
        action: "test".into(),
        target_kind: None,
        target_id: None,
        outcome: "success".into(),
        about_structure: None,
    }
}

#[test]
fn two_instances_keep_one_journal_chain() {
    let pg = PgTestDb::create();
    let dir = tempfile::tempdir().unwrap();
    // Two pools on one database, as two instances behind a load balancer would have.
    let a = Database::open(&pg.url, dir.path()).unwrap();
    let b = Database::open(&pg.url, dir.path()).unwrap();
    // Starting together: each migration is applied once, by one of them.
    let applied = std::thread::scope(|s| {
        let x = s.spawn(|| a.migrate().unwrap());
        let y = s.spawn(|| b.migrate().unwrap());
        x.join().unwrap() + y.join().unwrap()
    });
    let migrations = std::fs::read_dir(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store/migrations/postgres"),
    )
    .unwrap()
    .count();
    assert_eq!(applied, migrations);
    on_two_instances(&a, &b, |db, thread| {
        for i in 0..25 {
            let e = entry(thread, i);
            db.transaction_blocking(|tx| journal::append(tx, &e))
                .unwrap();
        }
    });
    let verified = b.transaction_blocking(journal::verify).unwrap();
    assert_eq!(verified, Ok(100));
}

#[test]
fn values_and_errors_map_like_on_sqlite() {
    let pg = PgTestDb::create();
    let dir = tempfile::tempdir().unwrap();
    for url in ["sqlite://values.db", pg.url.as_str()] {
        let db = Database::open(url, dir.path()).unwrap();
        db.migrate().unwrap();
        let row = db
            .transaction_blocking(|tx| {
                tx.execute(
                    "INSERT INTO login_throttle (key, failures, last_failure_at, blocked_until) VALUES ($1, $2, $3, $4)",
                    &[vec![0_u8, 1, 255].into(), 3_i64.into(), i64::MAX.into(), (-1_i64).into()],
                )?;
                tx.query_one(
                    "SELECT key, failures, last_failure_at, blocked_until, CAST(NULL AS TEXT), 'é', key IS NOT NULL, COUNT(*) OVER () FROM login_throttle WHERE key = $1",
                    &[vec![0_u8, 1, 255].into()],
                )
            })
            .unwrap();
        assert_eq!(
            row.values(),
            vec![
                Value::Blob(vec![0, 1, 255]),
                Value::Int(3),
                Value::Int(i64::MAX),
                Value::Int(-1),
                Value::Null,
                Value::Text("é".into()),
                Value::Int(1),
                Value::Int(1),
            ],
            "{url}"
        );
        let again = db.transaction_blocking(|tx| {
            tx.execute(
                "INSERT INTO login_throttle (key, failures, last_failure_at, blocked_until) VALUES ($1, 0, 0, 0)",
                &[vec![0_u8, 1, 255].into()],
            )
        });
        assert!(
            matches!(again, Err(StoreError::Conflict)),
            "{url}: {again:?}"
        );
        // The failed transaction rolled back and left its connection usable.
        let n = db
            .transaction_blocking(|tx| {
                tx.query_one("SELECT COUNT(*) FROM login_throttle", &[])?
                    .int(0)
            })
            .unwrap();
        assert_eq!(n, 1, "{url}");
    }
}

/// Runs `work(db, thread)` on 4 threads, alternating between two instances' pools.
fn on_two_instances(a: &Database, b: &Database, work: impl Fn(&Database, usize) + Sync) {
    std::thread::scope(|s| {
        for thread in 0..4 {
            let db = if thread % 2 == 0 { a } else { b };
            let work = &work;
            s.spawn(move || work(db, thread));
        }
    });
}

fn two_instances(pg: &PgTestDb, dir: &std::path::Path) -> (Database, Database) {
    let a = Database::open(&pg.url, dir).unwrap();
    a.migrate().unwrap();
    (a, Database::open(&pg.url, dir).unwrap())
}

#[test]
fn failed_logins_at_once_are_all_counted() {
    use consigne::store::throttle::{self, ThrottleState};
    let pg = PgTestDb::create();
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = two_instances(&pg, dir.path());
    // What the login service does on a failure: read the count, write count + 1.
    on_two_instances(&a, &b, |db, _| {
        for now in 0..25 {
            db.transaction_blocking(|tx| {
                let failures = throttle::get(tx, b"key")?.map_or(0, |s| s.failures) + 1;
                let state = ThrottleState {
                    failures,
                    blocked_until: 0,
                };
                throttle::put(tx, b"key", state, now)
            })
            .unwrap();
        }
    });
    let state = a
        .transaction_blocking(|tx| throttle::get(tx, b"key"))
        .unwrap();
    assert_eq!(state.map(|s| s.failures), Some(100));
}

#[test]
fn homonyms_opened_at_once_get_distinct_suffixes() {
    use consigne::store::accounts::{self, AccountRow};
    let pg = PgTestDb::create();
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = two_instances(&pg, dir.path());
    // What opening a safe does: the first free suffix wins.
    on_two_instances(&a, &b, |db, _| {
        for _ in 0..5 {
            db.transaction_blocking(|tx| {
                let index = (1..)
                    .map(|n: u32| format!("zoe.lefevre.05061987-{n}").into_bytes())
                    .find_map(|ix| match accounts::exists_login_index(tx, &ix) {
                        Ok(false) => Some(Ok(ix)),
                        Ok(true) => None,
                        Err(e) => Some(Err(e)),
                    })
                    .unwrap()?;
                accounts::insert(
                    tx,
                    &AccountRow {
                        id: consigne::domain::AccountId::generate(),
                        kind: consigne::domain::AccountKind::Beneficiary,
                        login_index: index,
                        email: None,
                        display_name: None,
                        language: None,
                        kdf_params: String::new(),
                        kdf_salt: vec![],
                        password_verifier: vec![],
                        public_key: vec![],
                        secret_key_wrap: vec![],
                        totp_secret: None,
                        totp_confirmed: false,
                        totp_last_step: None,
                        created_at: 0,
                        password_changed_at: 0,
                    },
                )
            })
            .unwrap();
        }
    });
    let n = a
        .transaction_blocking(|tx| {
            tx.query_one("SELECT COUNT(DISTINCT login_index) FROM accounts", &[])?
                .int(0)
        })
        .unwrap();
    assert_eq!(n, 20);
}
