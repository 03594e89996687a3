//! The safe's items, folders and per-structure shares.

use super::{Row, Sql, StoreError, StoreResult, Value};
use crate::domain::{AccountKind, BeneficiaryId, FolderId, ItemId, ItemKind, StructureId};

/// An `items.kind` value as read.
fn kind_of(r: &Row) -> StoreResult<ItemKind> {
    ItemKind::parse(&r.text("kind")?).map_err(|_| StoreError::Decode("kind".into()))
}

#[derive(Debug, Clone)]
pub struct ItemRow {
    pub id: ItemId,
    pub beneficiary_id: BeneficiaryId,
    pub kind: ItemKind,
    pub folder_id: Option<FolderId>,
    pub meta_sealed: Vec<u8>,
    pub key_wrap_vault: Option<Vec<u8>>,
    pub key_wrap_owner: Option<Vec<u8>>,
    pub blob_key: Option<String>,
    pub thumb_key: Option<String>,
    pub size: i64,
    pub expires_sealed: Option<Vec<u8>>,
    pub created_at: i64,
    pub created_by_kind: AccountKind,
    pub created_by_name: Option<String>,
    pub created_by_structure: Option<StructureId>,
    pub updated_at: i64,
    pub blob_sha256: Option<String>,
    pub thumb_sha256: Option<String>,
    /// When the person made an item a structure added her own (she changed it, or stopped
    /// sharing it with that structure); `None` while that structure may still correct it.
    pub made_hers_at: Option<i64>,
    /// A PDF's pages rendered as images (one blob, the pages one after the other).
    pub preview_key: Option<String>,
    pub preview_sha256: Option<String>,
}

const COLS: &str = "id, beneficiary_id, kind, folder_id, meta_sealed, key_wrap_vault, key_wrap_owner, blob_key, thumb_key, size, expires_sealed, created_at, created_by_kind, created_by_name, created_by_structure, updated_at, blob_sha256, thumb_sha256, made_hers_at, preview_key, preview_sha256";

/// The columns holding a blob key, each with the column of its ciphertext's SHA-256: every
/// place that walks an item's blobs (backup, storage migration, verification, orphan
/// collection, deletion) reads them from here.
pub const BLOB_COLUMNS: [(&str, &str); 3] = [
    ("blob_key", "blob_sha256"),
    ("thumb_key", "thumb_sha256"),
    ("preview_key", "preview_sha256"),
];

fn from_row(r: &Row) -> StoreResult<ItemRow> {
    Ok(ItemRow {
        id: r.id("id")?,
        beneficiary_id: r.id("beneficiary_id")?,
        kind: kind_of(r)?,
        folder_id: r.opt_id("folder_id")?,
        meta_sealed: r.blob("meta_sealed")?,
        key_wrap_vault: r.opt_blob("key_wrap_vault")?,
        key_wrap_owner: r.opt_blob("key_wrap_owner")?,
        blob_key: r.opt_text("blob_key")?,
        thumb_key: r.opt_text("thumb_key")?,
        size: r.int("size")?,
        expires_sealed: r.opt_blob("expires_sealed")?,
        created_at: r.int("created_at")?,
        created_by_kind: AccountKind::parse(&r.text("created_by_kind")?)
            .map_err(|_| StoreError::Decode("created_by_kind".into()))?,
        created_by_name: r.opt_text("created_by_name")?,
        created_by_structure: r.opt_id("created_by_structure")?,
        updated_at: r.int("updated_at")?,
        blob_sha256: r.opt_text("blob_sha256")?,
        thumb_sha256: r.opt_text("thumb_sha256")?,
        made_hers_at: r.opt_int("made_hers_at")?,
        preview_key: r.opt_text("preview_key")?,
        preview_sha256: r.opt_text("preview_sha256")?,
    })
}

pub fn insert(tx: &mut dyn Sql, i: &ItemRow) -> StoreResult<()> {
    tx.execute(
        &format!("INSERT INTO items ({COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)"),
        &[
            i.id.as_str().into(),
            i.beneficiary_id.as_str().into(),
            i.kind.as_str().into(),
            i.folder_id.clone().into(),
            i.meta_sealed.clone().into(),
            i.key_wrap_vault.clone().into(),
            i.key_wrap_owner.clone().into(),
            i.blob_key.clone().into(),
            i.thumb_key.clone().into(),
            i.size.into(),
            i.expires_sealed.clone().into(),
            i.created_at.into(),
            i.created_by_kind.as_str().into(),
            i.created_by_name.clone().into(),
            i.created_by_structure.clone().into(),
            i.updated_at.into(),
            i.blob_sha256.clone().into(),
            i.thumb_sha256.clone().into(),
            i.made_hers_at.into(),
            i.preview_key.clone().into(),
            i.preview_sha256.clone().into(),
        ],
    )?;
    Ok(())
}

pub fn by_id(tx: &mut dyn Sql, id: &ItemId) -> StoreResult<Option<ItemRow>> {
    tx.query_opt(
        &format!("SELECT {COLS} FROM items WHERE id = $1"),
        &[id.into()],
    )?
    .as_ref()
    .map(from_row)
    .transpose()
}

pub fn of_beneficiary(
    tx: &mut dyn Sql,
    bid: &BeneficiaryId,
    kind: ItemKind,
) -> StoreResult<Vec<ItemRow>> {
    tx.query(&format!("SELECT {COLS} FROM items WHERE beneficiary_id = $1 AND kind = $2 ORDER BY created_at DESC, id"), &[bid.into(), kind.as_str().into()])?
        .iter()
        .map(from_row)
        .collect()
}

/// Every item of a person, all kinds.
pub fn of_beneficiary_all(tx: &mut dyn Sql, bid: &BeneficiaryId) -> StoreResult<Vec<ItemRow>> {
    tx.query(
        &format!("SELECT {COLS} FROM items WHERE beneficiary_id = $1"),
        &[bid.into()],
    )?
    .iter()
    .map(from_row)
    .collect()
}

/// The person makes an item a structure added her own (from then on only she changes it).
pub fn make_hers(tx: &mut dyn Sql, id: &ItemId, at: i64) -> StoreResult<()> {
    tx.execute(
        "UPDATE items SET made_hers_at = $2 WHERE id = $1 AND made_hers_at IS NULL AND created_by_structure IS NOT NULL",
        &[id.into(), at.into()],
    )?;
    Ok(())
}

pub fn update_meta(
    tx: &mut dyn Sql,
    id: &ItemId,
    meta: &[u8],
    folder_id: Option<&FolderId>,
    expires: Option<&[u8]>,
    at: i64,
) -> StoreResult<u64> {
    tx.execute(
        "UPDATE items SET meta_sealed = $2, folder_id = $3, expires_sealed = $4, updated_at = $5 WHERE id = $1",
        &[id.into(), meta.into(), folder_id.cloned().into(), expires.map(<[u8]>::to_vec).into(), at.into()],
    )
}

/// Replaces an item's public-key wrap (`key_wrap_owner`) by a wrap under her vault key, only if
/// the row still holds exactly `old_owner_wrap` and no vault wrap (compare-and-swap: of two
/// requests re-wrapping the same item, one changes the row and the other nothing). Returns the
/// number of rows changed, 0 or 1.
pub fn rewrap_to_vault(
    tx: &mut dyn Sql,
    id: &ItemId,
    old_owner_wrap: &[u8],
    vault_wrap: &[u8],
) -> StoreResult<u64> {
    tx.execute(
        "UPDATE items SET key_wrap_vault = $2, key_wrap_owner = NULL WHERE id = $1 AND key_wrap_vault IS NULL AND key_wrap_owner = $3",
        &[id.into(), vault_wrap.into(), old_owner_wrap.into()],
    )
}

pub fn delete(tx: &mut dyn Sql, id: &ItemId) -> StoreResult<u64> {
    tx.execute("DELETE FROM items WHERE id = $1", &[id.into()])
}

/// Total stored size of a safe (for the quota).
pub fn total_size(tx: &mut dyn Sql, bid: &BeneficiaryId) -> StoreResult<i64> {
    // SUM of a BIGINT is a NUMERIC on PostgreSQL: cast back to an integer on both databases.
    tx.query_one(
        "SELECT CAST(COALESCE(SUM(size), 0) AS BIGINT) AS total FROM items WHERE beneficiary_id = $1",
        &[bid.into()],
    )?
    .int("total")
}

/// Every blob a row points at (documents, thumbnails, previews): (item id, blob key, stored
/// digest).
pub fn all_blobs(tx: &mut dyn Sql) -> StoreResult<Vec<(String, String, Option<String>)>> {
    let mut out = Vec::new();
    for r in tx.query(
        "SELECT id, blob_key, blob_sha256, thumb_key, thumb_sha256, preview_key, preview_sha256 FROM items WHERE blob_key IS NOT NULL OR thumb_key IS NOT NULL OR preview_key IS NOT NULL ORDER BY id",
        &[],
    )? {
        let id = r.text("id")?;
        for (k, d) in BLOB_COLUMNS {
            if let Some(key) = r.opt_text(k)? {
                out.push((id.clone(), key, r.opt_text(d)?));
            }
        }
    }
    Ok(out)
}

/// Keys of an item's blobs (content, thumbnail, preview).
pub fn blob_keys(row: &ItemRow) -> impl Iterator<Item = String> {
    [
        row.blob_key.clone(),
        row.thumb_key.clone(),
        row.preview_key.clone(),
    ]
    .into_iter()
    .flatten()
}

/// Records a document's preview (and its thumbnail, when it had none) with its metadata
/// re-sealed to describe it; only if the row still holds `old_meta` and no preview
/// (compare-and-swap: of two first views rendering at once, one records). Returns whether it
/// did. `updated_at` stays: nothing she changed.
pub fn set_preview(
    tx: &mut dyn Sql,
    id: &ItemId,
    old_meta: &[u8],
    meta: &[u8],
    preview: Option<(&str, &str)>,
    thumb: Option<(&str, &str)>,
) -> StoreResult<bool> {
    let n = tx.execute(
        "UPDATE items SET meta_sealed = $3, preview_key = $4, preview_sha256 = $5, thumb_key = COALESCE(thumb_key, $6), thumb_sha256 = CASE WHEN thumb_key IS NULL THEN $7 ELSE thumb_sha256 END WHERE id = $1 AND meta_sealed = $2 AND preview_key IS NULL",
        &[
            id.into(),
            old_meta.into(),
            meta.into(),
            preview.map(|p| p.0.to_owned()).into(),
            preview.map(|p| p.1.to_owned()).into(),
            thumb.map(|t| t.0.to_owned()).into(),
            thumb.map(|t| t.1.to_owned()).into(),
        ],
    )?;
    Ok(n == 1)
}

#[derive(Debug, Clone)]
pub struct ShareRow {
    pub item_id: ItemId,
    pub structure_id: StructureId,
    pub key_wrap: Vec<u8>,
}

pub fn shares_of(tx: &mut dyn Sql, item_id: &ItemId) -> StoreResult<Vec<ShareRow>> {
    tx.query("SELECT item_id, structure_id, key_wrap FROM item_shares WHERE item_id = $1 ORDER BY structure_id", &[item_id.into()])?
        .iter()
        .map(|r| Ok(ShareRow { item_id: r.id("item_id")?, structure_id: r.id("structure_id")?, key_wrap: r.blob("key_wrap")? }))
        .collect()
}

/// Shares of all of a person's items of one kind, in one query.
pub fn shares_of_beneficiary(tx: &mut dyn Sql, bid: &BeneficiaryId) -> StoreResult<Vec<ShareRow>> {
    tx.query(
        "SELECT s.item_id, s.structure_id, s.key_wrap FROM item_shares s JOIN items i ON i.id = s.item_id WHERE i.beneficiary_id = $1 ORDER BY s.item_id, s.structure_id",
        &[bid.into()],
    )?
    .iter()
    .map(|r| Ok(ShareRow { item_id: r.id("item_id")?, structure_id: r.id("structure_id")?, key_wrap: r.blob("key_wrap")? }))
    .collect()
}

pub fn share(
    tx: &mut dyn Sql,
    item_id: &ItemId,
    sid: &StructureId,
    wrap: &[u8],
    at: i64,
) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO item_shares (item_id, structure_id, key_wrap, created_at, key_version) VALUES ($1, $2, $3, $4, (SELECT key_version FROM structures WHERE id = $2)) ON CONFLICT (item_id, structure_id) DO UPDATE SET key_wrap = $3, key_version = excluded.key_version",
        &[item_id.into(), sid.into(), wrap.into(), at.into()],
    )?;
    Ok(())
}

pub fn unshare(tx: &mut dyn Sql, item_id: &ItemId, sid: &StructureId) -> StoreResult<u64> {
    tx.execute(
        "DELETE FROM item_shares WHERE item_id = $1 AND structure_id = $2",
        &[item_id.into(), sid.into()],
    )
}

/// Leaving a relais revokes every share with it.
pub fn unshare_all(tx: &mut dyn Sql, bid: &BeneficiaryId, sid: &StructureId) -> StoreResult<u64> {
    tx.execute(
        "DELETE FROM item_shares WHERE structure_id = $2 AND item_id IN (SELECT id FROM items WHERE beneficiary_id = $1)",
        &[bid.into(), sid.into()],
    )
}

/// How many items of each kind a person shares with a structure.
pub fn shared_counts(
    tx: &mut dyn Sql,
    bid: &BeneficiaryId,
    sid: &StructureId,
) -> StoreResult<Vec<(ItemKind, i64)>> {
    tx.query(
        // Her items first (bounded by her safe), each share looked up by its key: joined the
        // other way, SQLite walked every share of the structure, all the people it follows.
        "SELECT i.kind, COUNT(*) AS n FROM items i WHERE i.beneficiary_id = $1 AND EXISTS (SELECT 1 FROM item_shares s WHERE s.item_id = i.id AND s.structure_id = $2) GROUP BY i.kind",
        &[bid.into(), sid.into()],
    )?
    .iter()
    .map(|r| Ok((kind_of(r)?, r.int("n")?)))
    .collect()
}

#[derive(Debug, Clone)]
pub struct FolderRow {
    pub id: FolderId,
    pub beneficiary_id: BeneficiaryId,
    pub parent_id: Option<FolderId>,
    pub name_sealed: Vec<u8>,
    pub created_at: i64,
}

pub fn insert_folder(tx: &mut dyn Sql, f: &FolderRow) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO folders (id, beneficiary_id, parent_id, name_sealed, created_at) VALUES ($1, $2, $3, $4, $5)",
        &[f.id.as_str().into(), f.beneficiary_id.as_str().into(), f.parent_id.clone().into(), f.name_sealed.clone().into(), f.created_at.into()],
    )?;
    Ok(())
}

pub fn folders_of(tx: &mut dyn Sql, bid: &BeneficiaryId) -> StoreResult<Vec<FolderRow>> {
    tx.query("SELECT id, beneficiary_id, parent_id, name_sealed, created_at FROM folders WHERE beneficiary_id = $1 ORDER BY created_at, id", &[bid.into()])?
        .iter()
        .map(|r| Ok(FolderRow { id: r.id("id")?, beneficiary_id: r.id("beneficiary_id")?, parent_id: r.opt_id("parent_id")?, name_sealed: r.blob("name_sealed")?, created_at: r.int("created_at")? }))
        .collect()
}

pub fn update_folder(
    tx: &mut dyn Sql,
    id: &FolderId,
    name_sealed: &[u8],
    parent_id: Option<&FolderId>,
) -> StoreResult<u64> {
    tx.execute(
        "UPDATE folders SET name_sealed = $2, parent_id = $3 WHERE id = $1",
        &[id.into(), name_sealed.into(), parent_id.cloned().into()],
    )
}

pub fn delete_folder(tx: &mut dyn Sql, id: &FolderId) -> StoreResult<u64> {
    tx.execute("DELETE FROM folders WHERE id = $1", &[id.into()])
}

/// Which folder a page of documents is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FolderFilter {
    /// Every folder (the API without `folder_id`).
    Any,
    /// The top of her documents: items in no folder.
    Top,
    /// One folder's items.
    In(String),
}

/// What a page of items reads: whose, which kind and folder, and, for a professional, the
/// structures an item must be shared with (one of them) to be read at all.
#[derive(Debug, Clone)]
pub struct PageFilter<'a> {
    pub beneficiary_id: &'a BeneficiaryId,
    pub kind: ItemKind,
    pub folder: &'a FolderFilter,
    pub shared_with_any: Option<&'a [StructureId]>,
}

/// `$first, $first+1, ...` for `n` parameters.
fn placeholders(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `limit` items from `offset`, newest first (the index `items_beneficiary` orders them).
pub fn page(
    tx: &mut dyn Sql,
    f: &PageFilter<'_>,
    limit: i64,
    offset: i64,
) -> StoreResult<Vec<ItemRow>> {
    let mut sql = format!("SELECT {COLS} FROM items WHERE beneficiary_id = $1 AND kind = $2");
    let mut params: Vec<Value> = vec![f.beneficiary_id.into(), f.kind.as_str().into()];
    match f.folder {
        FolderFilter::Any => {}
        FolderFilter::Top => sql.push_str(" AND folder_id IS NULL"),
        FolderFilter::In(id) => {
            params.push(id.as_str().into());
            sql.push_str(&format!(" AND folder_id = ${}", params.len()));
        }
    }
    if let Some(structures) = f.shared_with_any {
        if structures.is_empty() {
            return Ok(Vec::new());
        }
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM item_shares s WHERE s.item_id = items.id AND s.structure_id IN ({}))",
            placeholders(params.len() + 1, structures.len())
        ));
        params.extend(structures.iter().map(|s| Value::from(s.as_str())));
    }
    sql.push_str(&format!(
        " ORDER BY created_at DESC, id LIMIT ${} OFFSET ${}",
        params.len() + 1,
        params.len() + 2
    ));
    params.push(limit.into());
    params.push(offset.into());
    tx.query(&sql, &params)?.iter().map(from_row).collect()
}

/// The shares of the items `ids`, in one query.
pub fn shares_of_items(tx: &mut dyn Sql, ids: &[&ItemId]) -> StoreResult<Vec<ShareRow>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT item_id, structure_id, key_wrap FROM item_shares WHERE item_id IN ({}) ORDER BY item_id, structure_id",
        placeholders(1, ids.len())
    );
    let params: Vec<Value> = ids.iter().map(|i| Value::from(*i)).collect();
    tx.query(&sql, &params)?
        .iter()
        .map(|r| {
            Ok(ShareRow {
                item_id: r.id("item_id")?,
                structure_id: r.id("structure_id")?,
                key_wrap: r.blob("key_wrap")?,
            })
        })
        .collect()
}

/// Her documents with an expiry date: their ids and the date sealed by the platform (the one
/// reminders are planned from). The partial index `items_expiring` reads only those.
pub fn expiring_of(tx: &mut dyn Sql, bid: &BeneficiaryId) -> StoreResult<Vec<(ItemId, Vec<u8>)>> {
    tx.query(
        // No `kind` in the WHERE clause: with it SQLite's planner prefers `items_beneficiary`
        // (beneficiary, kind) and reads every document of hers; without it, the partial index
        // `items_expiring` gives only her dated items. Only documents carry a date; the kind is
        // still checked here.
        "SELECT id, kind, expires_sealed FROM items WHERE beneficiary_id = $1 AND expires_sealed IS NOT NULL",
        &[bid.into()],
    )?
    .iter()
    .filter(|r| matches!(kind_of(r), Ok(ItemKind::Document)))
    .map(|r| Ok((r.id("id")?, r.blob("expires_sealed")?)))
    .collect()
}

/// The items of `kind` shared with `sid` whose owner still has `sid` as one of her relais,
/// with the share's key wrap (a structure's agenda reads her shared events).
pub fn shared_with_structure(
    tx: &mut dyn Sql,
    sid: &StructureId,
    kind: ItemKind,
) -> StoreResult<Vec<(ItemRow, Vec<u8>)>> {
    let cols = COLS
        .split(", ")
        .map(|c| format!("i.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    tx.query(
        &format!("SELECT {cols}, s.key_wrap AS share_wrap FROM items i JOIN item_shares s ON s.item_id = i.id JOIN relays r ON r.beneficiary_id = i.beneficiary_id AND r.structure_id = s.structure_id WHERE s.structure_id = $1 AND i.kind = $2 ORDER BY i.id"),
        &[sid.into(), kind.as_str().into()],
    )?
    .iter()
    .map(|r| Ok((from_row(r)?, r.blob("share_wrap")?)))
    .collect()
}
