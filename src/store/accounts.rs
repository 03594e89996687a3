//! Accounts of every kind: login index, password verifier and key wraps, second factor.

use super::{Row, Sql, StoreError, StoreResult, Value};
use crate::domain::{AccountId, AccountKind};

#[derive(Debug, Clone)]
pub struct AccountRow {
    pub id: AccountId,
    pub kind: AccountKind,
    pub login_index: Vec<u8>,
    pub email: Option<String>,
    pub display_name: Option<String>,
    pub language: Option<String>,
    pub kdf_params: String,
    pub kdf_salt: Vec<u8>,
    pub password_verifier: Vec<u8>,
    pub public_key: Vec<u8>,
    pub secret_key_wrap: Vec<u8>,
    pub totp_secret: Option<Vec<u8>>,
    pub totp_confirmed: bool,
    pub totp_last_step: Option<i64>,
    pub created_at: i64,
    pub password_changed_at: i64,
}

const COLS: &str = "id, kind, login_index, email, display_name, language, kdf_params, kdf_salt, password_verifier, public_key, secret_key_wrap, totp_secret, totp_confirmed, totp_last_step, created_at, password_changed_at";

fn from_row(r: &Row) -> StoreResult<AccountRow> {
    Ok(AccountRow {
        id: r.id("id")?,
        kind: AccountKind::parse(&r.text("kind")?)
            .map_err(|_| StoreError::Decode("kind".into()))?,
        login_index: r.blob("login_index")?,
        email: r.opt_text("email")?,
        display_name: r.opt_text("display_name")?,
        language: r.opt_text("language")?,
        kdf_params: r.text("kdf_params")?,
        kdf_salt: r.blob("kdf_salt")?,
        password_verifier: r.blob("password_verifier")?,
        public_key: r.blob("public_key")?,
        secret_key_wrap: r.blob("secret_key_wrap")?,
        totp_secret: r.opt_blob("totp_secret")?,
        totp_confirmed: r.bool("totp_confirmed")?,
        totp_last_step: r.opt_int("totp_last_step")?,
        created_at: r.int("created_at")?,
        password_changed_at: r.int("password_changed_at")?,
    })
}

pub fn insert(tx: &mut dyn Sql, a: &AccountRow) -> StoreResult<()> {
    tx.execute(
        &format!("INSERT INTO accounts ({COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)"),
        &[
            a.id.as_str().into(),
            a.kind.as_str().into(),
            a.login_index.clone().into(),
            a.email.clone().into(),
            a.display_name.clone().into(),
            a.language.clone().into(),
            a.kdf_params.as_str().into(),
            a.kdf_salt.clone().into(),
            a.password_verifier.clone().into(),
            a.public_key.clone().into(),
            a.secret_key_wrap.clone().into(),
            a.totp_secret.clone().into(),
            a.totp_confirmed.into(),
            a.totp_last_step.into(),
            a.created_at.into(),
            a.password_changed_at.into(),
        ],
    )?;
    Ok(())
}

pub fn by_login_index(tx: &mut dyn Sql, index: &[u8]) -> StoreResult<Option<AccountRow>> {
    tx.query_opt(
        &format!("SELECT {COLS} FROM accounts WHERE login_index = $1"),
        &[index.into()],
    )?
    .as_ref()
    .map(from_row)
    .transpose()
}

pub fn by_id(tx: &mut dyn Sql, id: &AccountId) -> StoreResult<Option<AccountRow>> {
    tx.query_opt(
        &format!("SELECT {COLS} FROM accounts WHERE id = $1"),
        &[id.into()],
    )?
    .as_ref()
    .map(from_row)
    .transpose()
}

/// Whether an account has this login index. The caller takes a free one for a new account
/// (homonyms get the first free suffix), so the index stays locked until the transaction ends:
/// two safes opened at once for homonyms get two suffixes instead of one conflict.
pub fn exists_login_index(tx: &mut dyn Sql, index: &[u8]) -> StoreResult<bool> {
    tx.lock(&format!("login_index/{}", hex::encode(index)))?;
    Ok(tx
        .query_opt(
            "SELECT 1 FROM accounts WHERE login_index = $1",
            &[index.into()],
        )?
        .is_some())
}

pub fn count_platform_admins(tx: &mut dyn Sql) -> StoreResult<i64> {
    tx.query_one(
        "SELECT COUNT(*) AS n FROM accounts WHERE kind = 'platform_admin'",
        &[],
    )?
    .int("n")
}

/// New password: new salt, verifier and wrap of the account's secret key, in one statement.
pub fn set_password(
    tx: &mut dyn Sql,
    id: &AccountId,
    kdf_params: &str,
    salt: &[u8],
    verifier: &[u8],
    secret_key_wrap: &[u8],
    at: i64,
) -> StoreResult<u64> {
    tx.execute(
        "UPDATE accounts SET kdf_params = $2, kdf_salt = $3, password_verifier = $4, secret_key_wrap = $5, password_changed_at = $6 WHERE id = $1",
        &[id.into(), kdf_params.into(), salt.into(), verifier.into(), secret_key_wrap.into(), at.into()],
    )
}

/// Beneficiaries' secret keys are wrapped by the vault key, which a password change does not
/// change: only the salt and verifier move.
pub fn set_password_verifier(
    tx: &mut dyn Sql,
    id: &AccountId,
    kdf_params: &str,
    salt: &[u8],
    verifier: &[u8],
    at: i64,
) -> StoreResult<u64> {
    tx.execute(
        "UPDATE accounts SET kdf_params = $2, kdf_salt = $3, password_verifier = $4, password_changed_at = $5 WHERE id = $1",
        &[id.into(), kdf_params.into(), salt.into(), verifier.into(), at.into()],
    )
}

pub fn set_language(tx: &mut dyn Sql, id: &AccountId, language: &str) -> StoreResult<u64> {
    tx.execute(
        "UPDATE accounts SET language = $2 WHERE id = $1",
        &[id.into(), language.into()],
    )
}

pub fn set_totp_secret(tx: &mut dyn Sql, id: &AccountId, sealed: &[u8]) -> StoreResult<u64> {
    tx.execute(
        "UPDATE accounts SET totp_secret = $2, totp_confirmed = 0, totp_last_step = NULL WHERE id = $1 AND totp_confirmed = 0",
        &[id.into(), sealed.into()],
    )
}

pub fn confirm_totp(tx: &mut dyn Sql, id: &AccountId, step: i64) -> StoreResult<u64> {
    tx.execute(
        "UPDATE accounts SET totp_confirmed = 1, totp_last_step = $2 WHERE id = $1",
        &[id.into(), step.into()],
    )
}

/// Records the step just used; refuses (0 rows) a step not newer than the last one: no replay.
pub fn use_totp_step(tx: &mut dyn Sql, id: &AccountId, step: i64) -> StoreResult<bool> {
    let n = tx.execute(
        "UPDATE accounts SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)",
        &[id.into(), step.into()],
    )?;
    Ok(n == 1)
}

pub fn delete(tx: &mut dyn Sql, id: &AccountId) -> StoreResult<u64> {
    tx.execute("DELETE FROM accounts WHERE id = $1", &[Value::from(id)])
}
