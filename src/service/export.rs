//! Leaving with everything and leaving for good: the person's export (ZIP of her documents,
//! `data.json` with every item (her benefit simulations with their input and results, her
//! procedures with their history, her live share links without their secrets, her messages with her relais, her security question without its answer, the terms she accepted, too), a SHA-256 manifest) and the deletion of her safe (keys, rows,
//! blobs).

use crate::domain::BeneficiaryId;
use crate::service::access::own_safe;
use crate::service::auth::question::security_question;
use crate::service::beneficiaries::{beneficiary_profile, relays};
use crate::service::contexts as ctx;
use crate::service::items::content::{ChannelWriter, ContentSource, ContentStream};
use crate::service::items::documents::{certificate_of, document_source, list_documents};
use crate::service::items::folders::list_folders;
use crate::service::items::open::journal_access;
use crate::service::items::organizer::list_items;
use crate::service::links::my_links;
use crate::service::onboarding::accepted_terms;
use crate::service::procedures::list_procedures;
use crate::service::simulations::list_simulations;
use crate::service::{App, ItemKind, ServiceError, ServiceResult, Session};
use crate::store::blobs::BlobStore;
use crate::store::{accounts, items};
use std::collections::HashSet;
use std::io::Write;

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
    pub async fn export_safe(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
    ) -> ServiceResult<ContentStream> {
        let bid = own_safe(session, bid)?;
        let profile = beneficiary_profile(self, session, &bid).await?;
        let documents = list_documents(self, session, &bid, None).await?;
        let folders = list_folders(self, session, &bid).await?;
        let relays = relays(self, session, &bid).await?;
        let contacts = list_items(self, session, &bid, ItemKind::Contact).await?;
        let notes = list_items(self, session, &bid, ItemKind::Note).await?;
        let events = list_items(self, session, &bid, ItemKind::Event).await?;
        // Her benefit simulations: what was asked (`input`) and the answer (`benefits`).
        let simulations = list_simulations(self, session, &bid).await?;
        // Her procedures: their statuses with dates, deadlines, receipts and checklists.
        let procedures = list_procedures(self, session, &bid).await?;
        // Her messages with her relais (her content; docs/messaging.md).
        let messages = crate::service::messages::export_threads(self, session, &bid).await?;
        // Her live share links, without their addresses (secrets) or PINs.
        let share_links: Vec<serde_json::Value> = my_links(self, session, &bid)
            .await?
            .into_iter()
            .map(|l| {
                serde_json::json!({
                    "id": l.id,
                    "document_id": l.document_id,
                    "created_at": l.created_at,
                    "expires_at": l.expires_at,
                    "has_pin": l.has_pin,
                    "watermark": l.watermark,
                    "made_by": l.made_by,
                    "opened_count": l.opened_count,
                })
            })
            .collect();
        // Her security question, if she set one (never its answer, which is not stored).
        let security_question = security_question(self, session).await?;
        // The terms she accepted last (version and time), if any.
        let terms = accepted_terms(self, session).await?;
        let mut entries = Vec::new();
        let mut used = HashSet::new();
        let mut exported = Vec::new();
        let mut certificates = Vec::new();
        for doc in &documents {
            let (_, source, opened) = document_source(self, session, &doc.id).await?;
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
            journal_access(self, session, &opened, "document_exported").await?;
            // Its certificate beside it (docs/certification.md): `consigne verify-proof
            // <file>.certificate.json <file>` checks the pair.
            let certificate = match certificate_of(self, &opened).await? {
                Some(c) => {
                    let json = serde_json::to_vec_pretty(&c)
                        .map_err(|_| ServiceError::Internal("certificate json"))?;
                    certificates.push((format!("{path}.certificate.json"), json));
                    Some(format!("{path}.certificate.json"))
                }
                None => None,
            };
            exported.push(
                serde_json::json!({ "file": path, "certificate": certificate, "document": doc }),
            );
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
            "simulations": simulations,
            "procedures": procedures,
            "share_links": share_links,
            "messages": messages,
            "security_question": security_question,
            "terms": terms,
        });
        // Metadata only (names, dates, texts): small beside the documents.
        let data =
            serde_json::to_vec_pretty(&data).map_err(|_| ServiceError::Internal("export json"))?;
        let (tx, rx) = tokio::sync::mpsc::channel(4);
        let store = self.blobs.clone();
        tokio::task::spawn_blocking(move || {
            let errors = tx.clone();
            let files = (entries.as_slice(), certificates.as_slice());
            if let Err(why) = write_export(store.as_ref(), files, &data, ChannelWriter(tx)) {
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
        bid: &BeneficiaryId,
        password: &str,
    ) -> ServiceResult<()> {
        let bid = own_safe(session, bid)?;
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
            .open(&ctx::verifier(&account.id), &account.password_verifier)?;
        if !consigne_vault::verifier_matches(&stored, &derived.verifier) {
            return Err(ServiceError::InvalidCredentials);
        }
        let (b2, a2) = (bid.clone(), account.id.clone());
        let blobs = self
            .tx(move |tx| {
                let mut keys = Vec::new();
                for row in items::of_beneficiary_all(tx, &b2)? {
                    keys.extend(items::blob_keys(&row));
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
}

/// Writes the export ZIP into `out` as it goes (blocking): stored entries (photos and PDFs
/// are compressed already), sizes and CRC-32 in data descriptors after each entry (the sink
/// cannot seek back), ZIP64 where sizes need it, the central directory last.
fn write_export(
    store: &dyn BlobStore,
    (entries, certificates): (&[ExportEntry], &[(String, Vec<u8>)]),
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
    for (path, json) in certificates {
        zip.start_file(path.as_str(), options).map_err(zip_error)?;
        zip.write_all(json).map_err(|e| e.to_string())?;
        manifest.push_str(&format!(
            "{}  {path}\n",
            hex::encode(consigne_vault::sha256(json))
        ));
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
