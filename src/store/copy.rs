//! Copying a whole installation from one backend pair to another (`consigne migrate-storage`):
//! SQLite + files to PostgreSQL + S3, or back. Everything is ciphertext already: the copy never
//! needs the platform key.
//!
//! Resumable: rows go in with `ON CONFLICT DO NOTHING` in batches (one transaction each), blobs
//! keep their keys and those already at the destination are skipped, so running the command
//! again after an interruption finishes the job. At the end every table is compared (row count
//! and an order-independent digest of every row) and every blob a row points to is read back
//! from the destination and checked against the SHA-256 recorded at upload.
//!
//! Stop the service while it runs: rows written meanwhile would be missed (and the final
//! comparison would say so).

use std::collections::HashSet;
use std::io::Read;

use sha2::{Digest, Sha256};

use super::blobs::{BlobError, BlobStore};
use super::{Database, Row, StoreError, StoreResult, Value};

/// Every table, parents before children, with the columns that order its rows.
pub const TABLES: &[(&str, &str)] = &[
    ("accounts", "id"),
    ("structures", "id"),
    ("structure_profiles", "structure_id"),
    ("structure_keys", "structure_id, version"),
    ("memberships", "structure_id, account_id"),
    ("beneficiaries", "id"),
    ("relays", "beneficiary_id, structure_id"),
    ("invitations", "id"),
    ("sessions", "id_hash"),
    ("login_throttle", "key"),
    ("address_failures", "address_key, identifier_key, at"),
    ("login_known", "key"),
    ("journal", "seq"),
    ("relay_resets", "beneficiary_id"),
    ("folders", "id"),
    ("items", "id"),
    ("item_shares", "item_id, structure_id"),
    ("jobs", "id"),
    ("job_attempts", "job_id, attempt"),
    ("reminders", "id"),
    ("sms_counters", "structure_id, month"),
    ("usage_counters", "structure_id, month"),
    ("sms_budgets", "structure_id"),
    ("sms_budget_reached", "structure_id, month"),
    ("calendar_feeds", "id"),
    ("calendar_feed_keys", "feed_id, item_id"),
    ("share_links", "id"),
    ("security_questions", "beneficiary_id"),
    ("onboarding", "beneficiary_id"),
    ("licences", "id"),
    ("conventions", "structure_id"),
    ("convention_history", "id"),
    ("licence_notices", "id"),
    ("licence_notice_emails", "notice_id, account_id"),
    ("feature_switches", "feature, scope"),
    ("case_files", "structure_id, beneficiary_id"),
    ("structure_subjects", "structure_id, code"),
    ("followups", "id"),
    ("followup_subjects", "followup_id, subject"),
    ("followup_documents", "followup_id, item_id"),
    ("structure_news", "id"),
    ("news_recipients", "news_id, beneficiary_id"),
    ("household_links", "id"),
    ("household_dependants", "id"),
    ("household_dependant_shares", "dependant_id, structure_id"),
    ("threads", "id"),
    ("thread_messages", "id"),
    ("thread_message_documents", "message_id, item_id"),
    ("thread_reads", "thread_id, account_id"),
    ("transparency_leaves", "leaf_index"),
    ("transparency_heads", "tree_size"),
    ("staff_activations", "id"),
    ("partner_clients", "id"),
    ("external_ids", "structure_id, beneficiary_id"),
    ("idempotency_keys", "account_id, idem_key"),
];

const BATCH: i64 = 2000;

/// What was copied and what the comparison found.
#[derive(Debug, Default)]
pub struct CopyReport {
    /// (table, rows at the source, rows inserted now).
    pub tables: Vec<(String, u64, u64)>,
    pub blobs_copied: u64,
    pub blobs_already_there: u64,
    /// Human-readable differences found by the final comparison; empty when identical.
    pub mismatches: Vec<String>,
}

impl CopyReport {
    pub fn is_identical(&self) -> bool {
        self.mismatches.is_empty()
    }
}

fn rows(db: &Database, sql: &str, params: Vec<Value>) -> StoreResult<Vec<Row>> {
    db.transaction_blocking(|tx| tx.query(sql, &params))
}

/// Copies every table, then every blob, then compares. Blocking: run it on a blocking thread.
pub fn copy_installation(
    from: &Database,
    from_blobs: &dyn BlobStore,
    to: &Database,
    to_blobs: &dyn BlobStore,
) -> Result<CopyReport, StoreError> {
    let mut report = CopyReport::default();
    for (table, order) in TABLES {
        let (total, inserted) = copy_table(from, to, table, order)?;
        report.tables.push(((*table).to_owned(), total, inserted));
    }
    let (copied, there) = copy_blobs(from_blobs, to_blobs).map_err(blob_store_error)?;
    report.blobs_copied = copied;
    report.blobs_already_there = there;
    report.mismatches = compare(from, to, to_blobs)?;
    Ok(report)
}

fn blob_store_error(e: BlobError) -> StoreError {
    match e {
        BlobError::Full => StoreError::Full,
        other => StoreError::Backend(format!("blob store: {other}")),
    }
}

/// Reads a table in batches (one transaction each), in a stable order.
fn each_batch(
    db: &Database,
    table: &str,
    order: &str,
    mut f: impl FnMut(Vec<Row>) -> StoreResult<()>,
) -> StoreResult<()> {
    let select = format!("SELECT * FROM {table} ORDER BY {order} LIMIT $1 OFFSET $2");
    let mut offset = 0i64;
    loop {
        let batch = rows(db, &select, vec![BATCH.into(), offset.into()])?;
        if batch.is_empty() {
            return Ok(());
        }
        offset += batch.len() as i64;
        f(batch)?;
    }
}

/// Copies one table in batches; returns (rows at the source, rows inserted now).
fn copy_table(from: &Database, to: &Database, table: &str, order: &str) -> StoreResult<(u64, u64)> {
    let mut total = 0u64;
    let mut inserted = 0u64;
    // Folders point at their parent folder: a child waits until its parent is in.
    let mut waiting: Vec<Row> = Vec::new();
    each_batch(from, table, order, |batch| {
        total += batch.len() as u64;
        waiting.extend(batch);
        inserted += insert_ready(to, table, &mut waiting)?;
        Ok(())
    })?;
    if !waiting.is_empty() {
        return Err(StoreError::Backend(format!(
            "{table}: {} rows point at rows that do not exist",
            waiting.len()
        )));
    }
    Ok((total, inserted))
}

/// Inserts the rows whose parent (for folders) is already at the destination; keeps the
/// others in `waiting`.
fn insert_ready(to: &Database, table: &str, waiting: &mut Vec<Row>) -> StoreResult<u64> {
    let pending = std::mem::take(waiting);
    let (n, left) = to.transaction_blocking(move |tx| insert_rows(tx, table, pending))?;
    *waiting = left;
    Ok(n)
}

/// Inserts `rows` into `table` in the open transaction `tx`; returns how many went in and the
/// folders whose parent is not there yet.
fn insert_rows(
    tx: &mut dyn super::Sql,
    table: &str,
    rows: Vec<Row>,
) -> StoreResult<(u64, Vec<Row>)> {
    let mut inserted = 0;
    let mut rows = rows;
    loop {
        let mut left = Vec::new();
        let before = rows.len();
        for row in rows {
            if table == "folders" && !parent_present(tx, &row)? {
                left.push(row);
                continue;
            }
            // Columns by name: the two databases need not list a table's columns in one order.
            let placeholders: Vec<String> =
                (1..=row.values().len()).map(|i| format!("${i}")).collect();
            let sql = format!(
                "INSERT INTO {table} ({}) VALUES ({}) ON CONFLICT DO NOTHING",
                row.columns().join(", "),
                placeholders.join(", ")
            );
            inserted += tx.execute(&sql, row.values())?;
        }
        if left.is_empty() || left.len() == before {
            return Ok((inserted, left));
        }
        rows = left;
    }
}

/// Copies every table from one open transaction to another (`consigne backup` reads a
/// PostgreSQL snapshot this way; `consigne restore` writes the whole database in one
/// transaction, so an interrupted restore leaves no rows at all). Returns (table, rows read,
/// rows inserted).
pub fn copy_tables_between(
    from: &mut dyn super::Sql,
    to: &mut dyn super::Sql,
) -> StoreResult<Vec<(String, u64, u64)>> {
    let mut out = Vec::new();
    for (table, order) in TABLES {
        let select = format!("SELECT * FROM {table} ORDER BY {order} LIMIT $1 OFFSET $2");
        let (mut total, mut inserted) = (0u64, 0u64);
        let mut waiting: Vec<Row> = Vec::new();
        loop {
            let batch = from.query(&select, &[BATCH.into(), (total as i64).into()])?;
            if batch.is_empty() {
                break;
            }
            total += batch.len() as u64;
            waiting.extend(batch);
            let (n, left) = insert_rows(to, table, std::mem::take(&mut waiting))?;
            inserted += n;
            waiting = left;
        }
        if !waiting.is_empty() {
            return Err(StoreError::Backend(format!(
                "{table}: {} rows point at rows that do not exist",
                waiting.len()
            )));
        }
        out.push(((*table).to_owned(), total, inserted));
    }
    Ok(out)
}

/// Whether a folder row has no parent or its parent is already at the destination.
fn parent_present(tx: &mut dyn super::Sql, row: &Row) -> StoreResult<bool> {
    match row.opt_text("parent_id")? {
        Some(parent) => Ok(tx
            .query_opt("SELECT id FROM folders WHERE id = $1", &[parent.into()])?
            .is_some()),
        None => Ok(true),
    }
}

/// Copies every blob missing at the destination, under the same key.
fn copy_blobs(from: &dyn BlobStore, to: &dyn BlobStore) -> Result<(u64, u64), BlobError> {
    let there: HashSet<String> = to.list()?.into_iter().map(|(k, _)| k).collect();
    let (mut copied, mut skipped) = (0, 0);
    for (key, _) in from.list()? {
        if there.contains(&key) {
            skipped += 1;
            continue;
        }
        let mut reader = from.open(&key)?;
        let mut writer = to.begin_at(&key)?;
        std::io::copy(&mut reader, &mut writer)?;
        writer.commit()?;
        copied += 1;
    }
    Ok((copied, skipped))
}

/// An order-independent digest of a table: the SHA-256 of its rows' sorted SHA-256s.
fn table_digest(db: &Database, table: &str, order: &str) -> StoreResult<(u64, [u8; 32])> {
    let mut hashes: Vec<[u8; 32]> = Vec::new();
    each_batch(db, table, order, |batch| {
        for row in batch {
            let mut h = Sha256::new();
            for v in row.values() {
                match v {
                    Value::Null => h.update([0u8]),
                    Value::Int(n) => {
                        h.update([1u8]);
                        h.update(n.to_be_bytes());
                    }
                    Value::Text(s) => {
                        h.update([2u8]);
                        h.update((s.len() as u64).to_be_bytes());
                        h.update(s.as_bytes());
                    }
                    Value::Blob(b) => {
                        h.update([3u8]);
                        h.update((b.len() as u64).to_be_bytes());
                        h.update(b);
                    }
                }
            }
            hashes.push(h.finalize().into());
        }
        Ok(())
    })?;
    hashes.sort_unstable();
    let mut all = Sha256::new();
    for h in &hashes {
        all.update(h);
    }
    Ok((hashes.len() as u64, all.finalize().into()))
}

/// Compares every table, and checks every blob a row points to at the destination.
pub fn compare(
    from: &Database,
    to: &Database,
    to_blobs: &dyn BlobStore,
) -> StoreResult<Vec<String>> {
    let mut out = Vec::new();
    for (table, order) in TABLES {
        let (a_rows, a) = table_digest(from, table, order)?;
        let (b_rows, b) = table_digest(to, table, order)?;
        if a_rows != b_rows || a != b {
            out.push(format!(
                "table {table}: {a_rows} rows at the source, {b_rows} at the destination{}",
                if a_rows == b_rows {
                    ", with different contents"
                } else {
                    ""
                }
            ));
        }
    }
    let referenced = rows(
        to,
        "SELECT blob_key, blob_sha256, thumb_key, thumb_sha256, preview_key, preview_sha256 FROM items",
        Vec::new(),
    )?;
    for row in referenced {
        for (k, d) in crate::store::items::BLOB_COLUMNS {
            let (Some(key), Some(digest)) = (row.opt_text(k)?, row.opt_text(d)?) else {
                continue;
            };
            match sha256_of(to_blobs, &key) {
                Ok(got) if got == digest => {}
                Ok(_) => out.push(format!("blob {key}: different bytes at the destination")),
                Err(e) => out.push(format!("blob {key}: {e}")),
            }
        }
    }
    Ok(out)
}

fn sha256_of(store: &dyn BlobStore, key: &str) -> Result<String, BlobError> {
    let mut reader = store.open(key)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        let n = reader.read(&mut buf)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(hex::encode(h.finalize()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::TABLES;
    use crate::store::Database;

    /// Every table the migrations create is copied (backups and `migrate-storage`): a table
    /// added without joining [`TABLES`] would be silently left behind.
    #[test]
    fn every_table_of_the_schema_is_copied() {
        let dir = tempfile::tempdir().unwrap();
        let db = Database::open("sqlite://copy.db", dir.path()).unwrap();
        db.migrate().unwrap();
        let mut tables: Vec<String> = db
            .transaction_blocking(|tx| {
                tx.query(
                    "SELECT name FROM sqlite_master WHERE type = 'table' \
                     AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'",
                    &[],
                )
            })
            .unwrap()
            .iter()
            .map(|r| r.text("name").unwrap())
            .collect();
        tables.sort();
        let mut copied: Vec<String> = TABLES.iter().map(|(t, _)| (*t).to_owned()).collect();
        copied.sort();
        assert_eq!(tables, copied);
    }
}
