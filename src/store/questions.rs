//! Security questions' rows (migrations/*/0046_security_questions.sql): at most one per safe.

use super::{Sql, StoreResult};
use crate::domain::BeneficiaryId;

#[derive(Debug, Clone)]
pub struct QuestionRow {
    pub beneficiary_id: BeneficiaryId,
    pub kdf_params: String,
    pub salt: Vec<u8>,
    /// Platform-sealed verifier of the normalised answer.
    pub verifier: Vec<u8>,
    /// Platform-sealed wrap of her vault key under the answer's wrap key.
    pub vault_wrap: Vec<u8>,
    /// The question, sealed under her vault key (then the platform key).
    pub question_sealed: Vec<u8>,
    pub set_at: i64,
}

const COLS: &str =
    "beneficiary_id, kdf_params, salt, verifier, vault_wrap, question_sealed, set_at";

pub fn of_beneficiary(tx: &mut dyn Sql, bid: &BeneficiaryId) -> StoreResult<Option<QuestionRow>> {
    tx.query(
        &format!("SELECT {COLS} FROM security_questions WHERE beneficiary_id = $1"),
        &[bid.into()],
    )?
    .first()
    .map(|r| {
        Ok(QuestionRow {
            beneficiary_id: r.id("beneficiary_id")?,
            kdf_params: r.text("kdf_params")?,
            salt: r.blob("salt")?,
            verifier: r.blob("verifier")?,
            vault_wrap: r.blob("vault_wrap")?,
            question_sealed: r.blob("question_sealed")?,
            set_at: r.int("set_at")?,
        })
    })
    .transpose()
}

/// Sets (or replaces) her question.
pub fn put(tx: &mut dyn Sql, q: &QuestionRow) -> StoreResult<()> {
    tx.execute(
        &format!(
            "INSERT INTO security_questions ({COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (beneficiary_id) DO UPDATE SET kdf_params = excluded.kdf_params, \
             salt = excluded.salt, verifier = excluded.verifier, vault_wrap = excluded.vault_wrap, \
             question_sealed = excluded.question_sealed, set_at = excluded.set_at"
        ),
        &[
            (&q.beneficiary_id).into(),
            q.kdf_params.as_str().into(),
            q.salt.as_slice().into(),
            q.verifier.as_slice().into(),
            q.vault_wrap.as_slice().into(),
            q.question_sealed.as_slice().into(),
            q.set_at.into(),
        ],
    )?;
    Ok(())
}

/// Removes her question; the number of rows removed.
pub fn delete(tx: &mut dyn Sql, bid: &BeneficiaryId) -> StoreResult<u64> {
    tx.execute(
        "DELETE FROM security_questions WHERE beneficiary_id = $1",
        &[bid.into()],
    )
}
