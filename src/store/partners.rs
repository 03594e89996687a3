//! Partner software (issue 18, item 4): registered clients, the partners' own ids for the
//! people a structure follows, and the idempotency keys of creations.

use super::{Row, Sql, StoreResult};
use crate::domain::{AccountId, BeneficiaryId, StructureId};

#[derive(Debug, Clone)]
pub struct ClientRow {
    pub id: String,
    pub structure_id: StructureId,
    pub account_id: AccountId,
    pub name: String,
    /// Space-separated, as OAuth writes them.
    pub scopes: String,
    pub secret_hash: Vec<u8>,
    pub created_by: Option<String>,
    pub created_at: i64,
    pub revoked_at: Option<i64>,
}

const CLIENT_COLS: &str =
    "id, structure_id, account_id, name, scopes, secret_hash, created_by, created_at, revoked_at";

fn client(r: &Row) -> StoreResult<ClientRow> {
    Ok(ClientRow {
        id: r.text("id")?,
        structure_id: r.id("structure_id")?,
        account_id: r.id("account_id")?,
        name: r.text("name")?,
        scopes: r.text("scopes")?,
        secret_hash: r.blob("secret_hash")?,
        created_by: r.opt_text("created_by")?,
        created_at: r.int("created_at")?,
        revoked_at: r.opt_int("revoked_at")?,
    })
}

pub fn insert_client(tx: &mut dyn Sql, c: &ClientRow) -> StoreResult<()> {
    tx.execute(
        &format!("INSERT INTO partner_clients ({CLIENT_COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"),
        &[
            c.id.as_str().into(),
            c.structure_id.as_str().into(),
            c.account_id.as_str().into(),
            c.name.as_str().into(),
            c.scopes.as_str().into(),
            c.secret_hash.clone().into(),
            c.created_by.clone().into(),
            c.created_at.into(),
            c.revoked_at.into(),
        ],
    )?;
    Ok(())
}

pub fn client_by_id(tx: &mut dyn Sql, id: &str) -> StoreResult<Option<ClientRow>> {
    tx.query_opt(
        &format!("SELECT {CLIENT_COLS} FROM partner_clients WHERE id = $1"),
        &[id.into()],
    )?
    .as_ref()
    .map(client)
    .transpose()
}

pub fn client_by_account(tx: &mut dyn Sql, aid: &AccountId) -> StoreResult<Option<ClientRow>> {
    tx.query_opt(
        &format!("SELECT {CLIENT_COLS} FROM partner_clients WHERE account_id = $1"),
        &[aid.into()],
    )?
    .as_ref()
    .map(client)
    .transpose()
}

/// A structure's clients, revoked ones included, oldest first.
pub fn clients_of(tx: &mut dyn Sql, sid: &StructureId) -> StoreResult<Vec<ClientRow>> {
    tx.query(
        &format!(
            "SELECT {CLIENT_COLS} FROM partner_clients WHERE structure_id = $1 ORDER BY created_at, id"
        ),
        &[sid.into()],
    )?
    .iter()
    .map(client)
    .collect()
}

/// 1 when the client was active, 0 when already revoked.
pub fn revoke_client(tx: &mut dyn Sql, id: &str, at: i64) -> StoreResult<u64> {
    tx.execute(
        "UPDATE partner_clients SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL",
        &[id.into(), at.into()],
    )
}

/// Revokes the client whose account is `aid` (its membership ended some other way).
pub fn revoke_client_of_account(tx: &mut dyn Sql, aid: &AccountId, at: i64) -> StoreResult<u64> {
    tx.execute(
        "UPDATE partner_clients SET revoked_at = $2 WHERE account_id = $1 AND revoked_at IS NULL",
        &[aid.into(), at.into()],
    )
}

/// Sets (or replaces) the partner's id of a person its structure follows; `Conflict` when
/// another person of the structure already has it.
pub fn set_external_id(
    tx: &mut dyn Sql,
    sid: &StructureId,
    bid: &BeneficiaryId,
    external_id: &str,
    at: i64,
) -> StoreResult<()> {
    tx.execute(
        "DELETE FROM external_ids WHERE structure_id = $1 AND beneficiary_id = $2",
        &[sid.into(), bid.into()],
    )?;
    tx.execute(
        "INSERT INTO external_ids (structure_id, beneficiary_id, external_id, created_at) VALUES ($1, $2, $3, $4)",
        &[sid.into(), bid.into(), external_id.into(), at.into()],
    )?;
    Ok(())
}

pub fn by_external_id(
    tx: &mut dyn Sql,
    sid: &StructureId,
    external_id: &str,
) -> StoreResult<Option<BeneficiaryId>> {
    tx.query_opt(
        "SELECT beneficiary_id FROM external_ids WHERE structure_id = $1 AND external_id = $2",
        &[sid.into(), external_id.into()],
    )?
    .map(|r| r.id("beneficiary_id"))
    .transpose()
}

pub fn external_id_of(
    tx: &mut dyn Sql,
    sid: &StructureId,
    bid: &BeneficiaryId,
) -> StoreResult<Option<String>> {
    tx.query_opt(
        "SELECT external_id FROM external_ids WHERE structure_id = $1 AND beneficiary_id = $2",
        &[sid.into(), bid.into()],
    )?
    .map(|r| r.text("external_id"))
    .transpose()
}

#[derive(Debug, Clone)]
pub struct IdempotencyRow {
    pub account_id: AccountId,
    pub key: String,
    pub structure_id: StructureId,
    pub request_hash: Vec<u8>,
    pub status: i64,
    pub response_sealed: Vec<u8>,
    pub created_at: i64,
}

pub fn idempotency(
    tx: &mut dyn Sql,
    aid: &AccountId,
    key: &str,
) -> StoreResult<Option<IdempotencyRow>> {
    tx.query_opt(
        "SELECT account_id, idem_key, structure_id, request_hash, status, response_sealed, created_at FROM idempotency_keys WHERE account_id = $1 AND idem_key = $2",
        &[aid.into(), key.into()],
    )?
    .map(|r| {
        Ok(IdempotencyRow {
            account_id: r.id("account_id")?,
            key: r.text("idem_key")?,
            structure_id: r.id("structure_id")?,
            request_hash: r.blob("request_hash")?,
            status: r.int("status")?,
            response_sealed: r.blob("response_sealed")?,
            created_at: r.int("created_at")?,
        })
    })
    .transpose()
}

/// `Conflict` when a concurrent request with the same key got there first.
pub fn insert_idempotency(tx: &mut dyn Sql, r: &IdempotencyRow) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO idempotency_keys (account_id, idem_key, structure_id, request_hash, status, response_sealed, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        &[
            r.account_id.as_str().into(),
            r.key.as_str().into(),
            r.structure_id.as_str().into(),
            r.request_hash.clone().into(),
            r.status.into(),
            r.response_sealed.clone().into(),
            r.created_at.into(),
        ],
    )?;
    Ok(())
}

/// Claims a key whose request is still in progress but was started before `stale_before`
/// (its server stopped): true when this caller took it over.
pub fn take_over_idempotency(
    tx: &mut dyn Sql,
    aid: &AccountId,
    key: &str,
    stale_before: i64,
    now: i64,
) -> StoreResult<bool> {
    Ok(tx.execute(
        "UPDATE idempotency_keys SET created_at = $3 WHERE account_id = $1 AND idem_key = $2 AND status = 0 AND created_at < $4",
        &[aid.into(), key.into(), now.into(), stale_before.into()],
    )? == 1)
}

/// Records the answer of a key in progress (status 0 until then).
pub fn complete_idempotency(
    tx: &mut dyn Sql,
    aid: &AccountId,
    key: &str,
    status: i64,
    response_sealed: &[u8],
    now: i64,
) -> StoreResult<bool> {
    Ok(tx.execute(
        "UPDATE idempotency_keys SET status = $3, response_sealed = $4, created_at = $5 WHERE account_id = $1 AND idem_key = $2 AND status = 0",
        &[
            aid.into(),
            key.into(),
            status.into(),
            response_sealed.to_vec().into(),
            now.into(),
        ],
    )? == 1)
}

/// Forgets a key still in progress (its request failed: a retry may run again).
pub fn release_idempotency(tx: &mut dyn Sql, aid: &AccountId, key: &str) -> StoreResult<u64> {
    tx.execute(
        "DELETE FROM idempotency_keys WHERE account_id = $1 AND idem_key = $2 AND status = 0",
        &[aid.into(), key.into()],
    )
}

/// Keys older than `before` are forgotten.
pub fn purge_idempotency(tx: &mut dyn Sql, before: i64) -> StoreResult<u64> {
    tx.execute(
        "DELETE FROM idempotency_keys WHERE created_at < $1",
        &[before.into()],
    )
}
