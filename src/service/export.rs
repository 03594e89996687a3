//! Leaving with everything, leaving for good, and checking the store: the person's export
//! (ZIP of her documents, `data.json` with every item, a SHA-256 manifest), the deletion of her
//! safe (keys, rows, blobs), and the operator's verification (every blob present and intact,
//! the journal chain valid, orphans found and collected).

use super::auth::ctx as auth_ctx;
use super::documents::{ChannelWriter, ContentSource};
use super::{App, ContentStream, ServiceError, ServiceResult, Session};
use crate::store::blobs::BlobStore;
use crate::store::{accounts, items};
use serde::Serialize;
use std::collections::HashSet;
use std::io::{Read, Write};
use std::time::Duration;

/// Blobs younger than this are never collected: their row may be about to commit.
const ORPHAN_GRACE: Duration = Duration::from_secs(3600);

#[derive(Debug, Default, Serialize)]
pub struct VerifyReport {
    pub blobs_checked: usize,
    pub missing: Vec<String>,
    pub corrupted: Vec<String>,
    pub orphans: Vec<String>,
    pub journal_entries: i64,
    pub journal_broken_at: Option<i64>,
}

impl VerifyReport {
    pub fn is_clean(&self) -> bool {
        self.missing.is_empty() && self.corrupted.is_empty() && self.journal_broken_at.is_none()
    }
}

fn safe_file_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect();
    let trimmed = cleaned.trim().trim_matches('.');
    if trimmed.is_empty() {
        "document".to_owned()
    } else {
        trimmed.chars().take(120).collect()
    }
}

/// Plaintext bytes gathered before they go to the response (fewer, larger chunks).
const EXPORT_BUFFER: usize = 256 * 1024;

/// One document of an export: its path in the ZIP and where its content is.
struct ExportEntry {
    path: String,
    source: ContentSource,
}

impl App {
    /// Everything of her safe in open formats, in one ZIP, as a stream: written as it is sent
    /// (each document decrypted chunk by chunk into its entry, `data.json` and `SHA256SUMS`
    /// from metadata and the digests met on the way), so that memory stays flat whatever the
    /// size of her safe. A failure midway cuts the stream before the ZIP's central directory:
    /// what she received never reads as a complete archive.
    pub async fn export_safe(&self, session: &Session, bid: &str) -> ServiceResult<ContentStream> {
        let bid = super::structures::own_safe(session, bid)?;
        let profile = self.beneficiary_profile(session, &bid).await?;
        let documents = self.list_documents(session, &bid, None).await?;
        let folders = self.list_folders(session, &bid).await?;
        let relays = self.relays(session, &bid).await?;
        let contacts = self
            .list_items(session, &bid, super::ItemKind::Contact)
            .await?;
        let notes = self
            .list_items(session, &bid, super::ItemKind::Note)
            .await?;
        let events = self
            .list_items(session, &bid, super::ItemKind::Event)
            .await?;
        let mut entries = Vec::new();
        let mut used = HashSet::new();
        let mut exported = Vec::new();
        for doc in &documents {
            let (_, source, opened) = self.document_source(session, &doc.id).await?;
            let ext = if doc.content_type == "application/pdf" {
                "pdf"
            } else {
                doc.content_type.rsplit('/').next().unwrap_or("bin")
            };
            let mut folder_path = Vec::new();
            let mut cursor = doc.folder_id.clone();
            while let Some(f) = cursor.and_then(|id| folders.iter().find(|x| x.id == id)) {
                folder_path.insert(0, safe_file_name(&f.name));
                cursor = f.parent_id.clone();
            }
            let base = format!(
                "documents/{}{}",
                folder_path
                    .iter()
                    .map(|p| format!("{p}/"))
                    .collect::<String>(),
                safe_file_name(&doc.name)
            );
            let mut path = format!("{base}.{ext}");
            let mut n = 2;
            while !used.insert(path.clone()) {
                path = format!("{base} ({n}).{ext}");
                n += 1;
            }
            self.journal_access(session, &opened, "document_exported")
                .await?;
            exported.push(serde_json::json!({ "file": path, "document": doc }));
            entries.push(ExportEntry { path, source });
        }
        let data = serde_json::json!({
            "format": "consigne-export/1",
            "exported_at": crate::clock::rfc3339(self.now()),
            "person": profile,
            "relays": relays,
            "folders": folders,
            "documents": exported,
            "contacts": contacts,
            "notes": notes,
            "events": events,
        });
        // Metadata only (names, dates, texts): small beside the documents.
        let data =
            serde_json::to_vec_pretty(&data).map_err(|_| ServiceError::Internal("export json"))?;
        let (tx, rx) = tokio::sync::mpsc::channel(4);
        let store = self.blobs.clone();
        tokio::task::spawn_blocking(move || {
            let errors = tx.clone();
            if let Err(why) = write_export(store.as_ref(), &entries, &data, ChannelWriter(tx)) {
                tracing::error!(error = %why, "export failed");
                let _ = errors.blocking_send(Err(std::io::Error::other("export failed")));
            }
        });
        Ok(rx)
    }

    /// Deletes her safe for good after she confirms with her password: keys, rows and blobs.
    pub async fn delete_safe(
        &self,
        session: &Session,
        bid: &str,
        password: &str,
    ) -> ServiceResult<()> {
        let bid = super::structures::own_safe(session, bid)?;
        let aid = session.account_id.clone();
        let account = self
            .read(move |tx| Ok(accounts::by_id(tx, &aid)?))
            .await?
            .ok_or(ServiceError::NotFound)?;
        let params = consigne_vault::KdfParams::decode(&account.kdf_params)?;
        let salt: [u8; 16] = account
            .kdf_salt
            .as_slice()
            .try_into()
            .map_err(|_| ServiceError::Internal("salt"))?;
        let derived = self
            .derive(password.as_bytes().to_vec(), salt, params)
            .await?;
        let stored = self
            .platform
            .open(&auth_ctx::verifier(&account.id), &account.password_verifier)?;
        if !consigne_vault::verifier_matches(&stored, &derived.verifier) {
            return Err(ServiceError::InvalidCredentials);
        }
        let (b2, a2) = (bid.clone(), account.id.clone());
        let blobs = self
            .tx(move |tx| {
                let mut keys = Vec::new();
                for row in items::of_beneficiary_all(tx, &b2)? {
                    keys.extend(row.blob_key);
                    keys.extend(row.thumb_key);
                }
                // Cascades: beneficiary, relais, wraps, items, shares, folders, sessions, resets.
                accounts::delete(tx, &a2)?;
                Ok(keys)
            })
            .await?;
        for key in blobs {
            if let Err(e) = self.blobs.delete(&key) {
                tracing::warn!(error = %e, "blob of a deleted safe left for orphan collection");
            }
        }
        Ok(())
    }

    /// Removes blobs no row points at (older than an hour, so an upload whose row is about to
    /// commit is never touched) and abandoned partial writes. Runs with the housekeeping.
    pub async fn collect_orphans(&self) -> ServiceResult<usize> {
        let rows = self.db.read(|tx| items::all_blobs(tx)).await?;
        let store = self.blobs.clone();
        tokio::task::spawn_blocking(move || -> ServiceResult<usize> {
            let referenced: HashSet<String> = rows.into_iter().map(|(_, k, _)| k).collect();
            let mut removed = store
                .sweep_partials(ORPHAN_GRACE)
                .map_err(|_| ServiceError::Internal("blob sweep"))?;
            for (key, age) in store
                .list()
                .map_err(|_| ServiceError::Internal("blob list"))?
            {
                if age > ORPHAN_GRACE && !referenced.contains(&key) {
                    store
                        .delete(&key)
                        .map_err(|_| ServiceError::Internal("blob delete"))?;
                    removed += 1;
                }
            }
            Ok(removed)
        })
        .await
        .map_err(|_| ServiceError::Internal("orphan task"))?
    }

    /// `consigne verify`: every row's blob exists and its ciphertext matches the stored digest,
    /// the journal chain is intact; blobs no row points at are reported (and removed when
    /// `collect` is set and they are older than an hour).
    pub async fn verify(&self, collect: bool) -> ServiceResult<VerifyReport> {
        let (rows, chain) = self
            .db
            .read(|tx| -> ServiceResult<_> {
                Ok((items::all_blobs(tx)?, crate::store::journal::verify(tx)?))
            })
            .await?;
        let store = self.blobs.clone();
        let mut report = tokio::task::spawn_blocking(move || -> ServiceResult<VerifyReport> {
            let mut report = VerifyReport::default();
            let referenced: HashSet<String> = rows.iter().map(|(_, k, _)| k.clone()).collect();
            for (item, key, digest) in &rows {
                report.blobs_checked += 1;
                let mut reader = match store.open(key) {
                    Ok(r) => r,
                    Err(_) => {
                        report.missing.push(format!("{item} ({key})"));
                        continue;
                    }
                };
                let mut hasher = <sha2::Sha256 as sha2::Digest>::new();
                let mut buf = vec![0u8; 256 * 1024];
                loop {
                    match reader.read(&mut buf) {
                        Ok(0) => break,
                        Ok(n) => sha2::Digest::update(&mut hasher, &buf[..n]),
                        Err(_) => {
                            report.corrupted.push(format!("{item} ({key})"));
                            break;
                        }
                    }
                }
                let actual = hex::encode(sha2::Digest::finalize(hasher));
                if digest.as_deref().is_some_and(|d| d != actual) {
                    report.corrupted.push(format!("{item} ({key})"));
                }
            }
            for (key, age) in store
                .list()
                .map_err(|_| ServiceError::Internal("blob list"))?
            {
                if !referenced.contains(&key) {
                    if collect && age > ORPHAN_GRACE {
                        store
                            .delete(&key)
                            .map_err(|_| ServiceError::Internal("blob delete"))?;
                    }
                    report.orphans.push(key);
                }
            }
            if collect {
                store
                    .sweep_partials(ORPHAN_GRACE)
                    .map_err(|_| ServiceError::Internal("blob sweep"))?;
            }
            Ok(report)
        })
        .await
        .map_err(|_| ServiceError::Internal("verify task"))??;
        match chain {
            Ok(n) => report.journal_entries = n,
            Err(seq) => report.journal_broken_at = Some(seq),
        }
        Ok(report)
    }
}

/// Writes the export ZIP into `out` as it goes (blocking): stored entries (photos and PDFs
/// are compressed already), sizes and CRC-32 in data descriptors after each entry (the sink
/// cannot seek back), ZIP64 where sizes need it, the central directory last.
fn write_export(
    store: &dyn BlobStore,
    entries: &[ExportEntry],
    data: &[u8],
    out: impl Write,
) -> Result<(), String> {
    let zip_error = |e: zip::result::ZipError| e.to_string();
    let mut zip = zip::ZipWriter::new_stream(std::io::BufWriter::with_capacity(EXPORT_BUFFER, out));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .large_file(true);
    let mut manifest = String::new();
    for entry in entries {
        zip.start_file(entry.path.as_str(), options)
            .map_err(zip_error)?;
        let reader = store
            .open(entry.source.blob_key())
            .map_err(|e| format!("blob {}: {e}", entry.source.blob_key()))?;
        entry.source.decrypt(reader, &mut zip)?;
        manifest.push_str(&format!("{}  {}\n", entry.source.sha256(), entry.path));
    }
    zip.start_file("data.json", options).map_err(zip_error)?;
    zip.write_all(data).map_err(|e| e.to_string())?;
    manifest.push_str(&format!(
        "{}  data.json\n",
        hex::encode(consigne_vault::sha256(data))
    ));
    zip.start_file("SHA256SUMS", options).map_err(zip_error)?;
    zip.write_all(manifest.as_bytes())
        .map_err(|e| e.to_string())?;
    zip.finish()
        .map_err(zip_error)?
        .into_inner()
        .flush()
        .map_err(|e| e.to_string())
}
