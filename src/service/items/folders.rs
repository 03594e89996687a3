//! Her folders: names sealed under a key derived from her vault key; a folder never moves into
//! itself or its descendants; deleting one moves what it held to the top level. A new safe
//! starts with ready-made folders (`ready_made_folders`), sealed the same way, each with a
//! pictogram that stays with it when she renames it; she may delete them like any other.
//!
//! What is sealed: the name, or, for a folder with a pictogram, the pictogram's name, a NUL
//! byte, then the name. A name never holds a control character (`ShortText`), so a sealed
//! name without NUL is a plain name.

use crate::domain::{BeneficiaryId, FolderId, FolderPictogram};
use crate::service::access::own_safe;
use crate::service::calendar::reminders::catalogs;
use crate::service::contexts as ctx;
use crate::service::journal::{actor_of, journal};
use crate::service::{App, ServiceError, ServiceResult, Session};
use crate::store::items::{self, FolderRow};
use consigne_vault::Key32;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct FolderView {
    pub id: FolderId,
    pub name: String,
    pub parent_id: Option<FolderId>,
    /// A ready-made folder's pictogram (`identity`, `health`, `housing`, `income`, `family`,
    /// `other`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pictogram: Option<FolderPictogram>,
}

/// The key her folder names are sealed under, from her vault key.
fn names_key(vault: &Key32) -> Key32 {
    consigne_vault::derive_key(vault.as_bytes(), ctx::FOLDER_NAMES_KEY)
}

fn seal_name(
    app: &App,
    key: &Key32,
    bid: &BeneficiaryId,
    id: &FolderId,
    name: &str,
    pictogram: Option<FolderPictogram>,
) -> Vec<u8> {
    let plain = match pictogram {
        Some(p) => format!("{}\0{name}", p.as_str()),
        None => name.to_owned(),
    };
    let aad = ctx::folder_name(bid, id);
    app.platform
        .seal(&aad, &consigne_vault::seal(key, &aad, plain.as_bytes()))
}

fn open_name(
    app: &App,
    key: &Key32,
    row: &FolderRow,
) -> ServiceResult<(String, Option<FolderPictogram>)> {
    let aad = ctx::folder_name(&row.beneficiary_id, &row.id);
    let plain = consigne_vault::open(key, &aad, &app.platform.open(&aad, &row.name_sealed)?)?;
    let plain = String::from_utf8_lossy(&plain).into_owned();
    Ok(match plain.split_once('\0') {
        Some((p, name)) => (name.to_owned(), FolderPictogram::parse(p)),
        None => (plain, None),
    })
}

/// The ready-made folders of a new safe (Identity, Health, Housing, Income, Family, Other),
/// named in her language and sealed under her vault key like any folder of hers. Their ids
/// are drawn, then handed out in order, so that they list in that order (folders list by
/// creation time, then id).
pub(crate) fn ready_made_folders(
    app: &App,
    vault: &Key32,
    bid: &BeneficiaryId,
    language: &str,
    now: i64,
) -> ServiceResult<Vec<FolderRow>> {
    let locale = crate::i18n::Locale::new(
        catalogs()
            .ok_or(ServiceError::Internal("catalogs"))?
            .clone(),
        language,
    );
    let key = names_key(vault);
    let mut ids: Vec<FolderId> = FolderPictogram::READY_MADE
        .iter()
        .map(|_| FolderId::generate())
        .collect();
    ids.sort();
    Ok(FolderPictogram::READY_MADE
        .into_iter()
        .zip(ids)
        .map(|(p, id)| {
            let name = locale.t(&format!("folder-{}", p.as_str()));
            FolderRow {
                name_sealed: seal_name(app, &key, bid, &id, &name, Some(p)),
                id,
                beneficiary_id: bid.clone(),
                parent_id: None,
                created_at: now,
            }
        })
        .collect())
}

impl App {
    fn folder_key(session: &Session) -> ServiceResult<Key32> {
        let vault = session.keys.vault.as_ref().ok_or(ServiceError::NotFound)?;
        Ok(names_key(vault))
    }

    pub async fn create_folder(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
        name: &str,
        parent_id: Option<&str>,
    ) -> ServiceResult<FolderView> {
        let bid = own_safe(session, bid)?;
        let name = crate::domain::ShortText::parse("name", name, 120)?.into_string();
        let parent = parent_id.map(FolderId::parse).transpose()?;
        let key = Self::folder_key(session)?;
        let id = FolderId::generate();
        let row = FolderRow {
            name_sealed: seal_name(self, &key, &bid, &id, &name, None),
            id: id.clone(),
            beneficiary_id: bid.clone(),
            parent_id: parent.clone(),
            created_at: self.now(),
        };
        let actor = actor_of(session, None);
        let now = self.now();
        self.tx(move |tx| {
            tx.lock(&folders_lock(&row.beneficiary_id))?;
            if let Some(p) = &row.parent_id
                && !items::folders_of(tx, &row.beneficiary_id)?
                    .iter()
                    .any(|f| f.id == *p)
            {
                return Err(ServiceError::NotFound);
            }
            items::insert_folder(tx, &row)?;
            journal(
                tx,
                now,
                Some(&row.beneficiary_id),
                &actor,
                "folder_created",
                Some(("folder", row.id.as_str())),
                true,
            )
        })
        .await?;
        Ok(FolderView {
            id,
            name,
            parent_id: parent,
            pictogram: None,
        })
    }

    pub async fn list_folders(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
    ) -> ServiceResult<Vec<FolderView>> {
        list_folders(self, session, bid).await
    }

    /// Renames and/or moves a folder; a folder never moves into itself or its descendants.
    pub async fn update_folder(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
        id: &FolderId,
        name: Option<&str>,
        parent_id: Option<Option<&str>>,
    ) -> ServiceResult<FolderView> {
        let bid = own_safe(session, bid)?;
        let id = id.clone();
        let key = Self::folder_key(session)?;
        let current = self.list_folders(session, &bid).await?;
        let folder = current
            .iter()
            .find(|f| f.id == id)
            .ok_or(ServiceError::NotFound)?;
        let new_name = match name {
            Some(n) => crate::domain::ShortText::parse("name", n, 120)?.into_string(),
            None => folder.name.clone(),
        };
        // Only what the form changes is written: a rename keeps a move made meanwhile (and its
        // pictogram), a move keeps a rename.
        let pictogram = folder.pictogram;
        let sealed = name.map(|_| seal_name(self, &key, &bid, &id, &new_name, pictogram));
        let moved_to = match parent_id {
            Some(p) => Some(p.map(FolderId::parse).transpose()?),
            None => None,
        };
        let i2 = id.clone();
        // The tree is read again under the safe's folder lock: two moves at once cannot each
        // pass the check on the tree before the other and make a cycle together.
        let parent_id = self
            .tx(move |tx| {
                tx.lock(&folders_lock(&bid))?;
                let folders = items::folders_of(tx, &bid)?;
                let row = folders
                    .iter()
                    .find(|f| f.id == i2)
                    .ok_or(ServiceError::NotFound)?;
                let parent = match moved_to {
                    Some(p) => p,
                    None => row.parent_id.clone(),
                };
                if let Some(p) = &parent {
                    check_parent(&folders, &i2, p)?;
                }
                let sealed = sealed.unwrap_or_else(|| row.name_sealed.clone());
                items::update_folder(tx, &i2, &sealed, parent.as_ref())?;
                Ok(parent)
            })
            .await?;
        Ok(FolderView {
            id,
            name: new_name,
            parent_id,
            pictogram,
        })
    }

    /// Deletes a folder; what it held moves to the top level (documents are never lost by
    /// deleting a folder).
    pub async fn delete_folder(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
        id: &FolderId,
    ) -> ServiceResult<()> {
        let bid = own_safe(session, bid)?;
        let id = id.clone();
        let actor = actor_of(session, None);
        let now = self.now();
        self.tx(move |tx| {
            tx.lock(&folders_lock(&bid))?;
            let folders = items::folders_of(tx, &bid)?;
            if !folders.iter().any(|f| f.id == id) {
                return Err(ServiceError::NotFound);
            }
            tx.execute(
                "UPDATE folders SET parent_id = NULL WHERE parent_id = $1",
                &[id.as_str().into()],
            )?;
            tx.execute(
                "UPDATE items SET folder_id = NULL WHERE folder_id = $1",
                &[id.as_str().into()],
            )?;
            items::delete_folder(tx, &id)?;
            journal(
                tx,
                now,
                Some(&bid),
                &actor,
                "folder_deleted",
                Some(("folder", id.as_str())),
                true,
            )
        })
        .await
    }
}

pub(crate) async fn list_folders(
    app: &App,
    session: &Session,
    bid: &BeneficiaryId,
) -> ServiceResult<Vec<FolderView>> {
    let bid = own_safe(session, bid)?;
    let key = App::folder_key(session)?;
    let b2 = bid.clone();
    let rows = app.read(move |tx| Ok(items::folders_of(tx, &b2)?)).await?;
    rows.iter()
        .map(|f| {
            let (name, pictogram) = open_name(app, &key, f)?;
            Ok(FolderView {
                id: f.id.clone(),
                name,
                parent_id: f.parent_id.clone(),
                pictogram,
            })
        })
        .collect()
}

/// The lock of a safe's folder tree (taken before reading it to change it).
fn folders_lock(bid: &BeneficiaryId) -> String {
    format!("folders/{bid}")
}

/// Folder `id` may move under `parent`: it exists, and walking up from it never meets `id`
/// (that would make a cycle).
fn check_parent(folders: &[FolderRow], id: &FolderId, parent: &FolderId) -> ServiceResult<()> {
    if !folders.iter().any(|f| f.id == *parent) {
        return Err(ServiceError::NotFound);
    }
    let mut cursor = Some(parent);
    // At most one step per folder: the tree has no cycle, but a walk never trusts that.
    for _ in 0..=folders.len() {
        let Some(c) = cursor else {
            return Ok(());
        };
        if c == id {
            return Err(ServiceError::Conflict("folder_cycle"));
        }
        cursor = folders
            .iter()
            .find(|f| &f.id == c)
            .and_then(|f| f.parent_id.as_ref());
    }
    Err(ServiceError::Conflict("folder_cycle"))
}
