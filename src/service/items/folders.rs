//! Her folders: names sealed under a key derived from her vault key; a folder never moves into
//! itself or its descendants; deleting one moves what it held to the top level.

use crate::domain::{BeneficiaryId, FolderId};
use crate::service::access::own_safe;
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
}

impl App {
    fn folder_key(session: &Session) -> ServiceResult<Key32> {
        let vault = session.keys.vault.as_ref().ok_or(ServiceError::NotFound)?;
        Ok(consigne_vault::derive_key(
            vault.as_bytes(),
            ctx::FOLDER_NAMES_KEY,
        ))
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
        let aad = ctx::folder_name(&bid, &id);
        let row = FolderRow {
            id: id.clone(),
            beneficiary_id: bid.clone(),
            parent_id: parent.clone(),
            name_sealed: self
                .platform
                .seal(&aad, &consigne_vault::seal(&key, &aad, name.as_bytes())),
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
        })
    }

    pub async fn list_folders(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
    ) -> ServiceResult<Vec<FolderView>> {
        let bid = own_safe(session, bid)?;
        let key = Self::folder_key(session)?;
        let b2 = bid.clone();
        let rows = self.read(move |tx| Ok(items::folders_of(tx, &b2)?)).await?;
        rows.iter()
            .map(|f| {
                let aad = ctx::folder_name(&bid, &f.id);
                let name =
                    consigne_vault::open(&key, &aad, &self.platform.open(&aad, &f.name_sealed)?)?;
                Ok(FolderView {
                    id: f.id.clone(),
                    name: String::from_utf8_lossy(&name).into_owned(),
                    parent_id: f.parent_id.clone(),
                })
            })
            .collect()
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
        let aad = ctx::folder_name(&bid, &id);
        // Only what the form changes is written: a rename keeps a move made meanwhile, a move
        // keeps a rename.
        let sealed = name.map(|_| {
            self.platform
                .seal(&aad, &consigne_vault::seal(&key, &aad, new_name.as_bytes()))
        });
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
