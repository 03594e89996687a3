//! The second factor of staff accounts: enrolment (a secret drawn, shown once as an
//! `otpauth://` URI, confirmed with a first code) and checking a code (each time step used
//! once).

use crate::service::contexts as ctx;
use crate::service::{App, ServiceError, ServiceResult, Session};
use crate::store::accounts::AccountRow;
use crate::store::{accounts, sessions};
use consigne_vault::totp;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct TotpEnrollment {
    pub secret: String,
    pub otpauth_uri: String,
}

pub(crate) fn totp_step(app: &App, account: &AccountRow, code: &str) -> ServiceResult<Option<i64>> {
    let Some(sealed) = &account.totp_secret else {
        return Ok(None);
    };
    let secret = app.platform.open(&ctx::totp(&account.id), sealed)?;
    Ok(totp::verify(&secret, code.trim(), app.now()))
}

impl App {
    pub async fn totp_begin(&self, session: &Session) -> ServiceResult<TotpEnrollment> {
        if !session.is_staff() {
            return Err(ServiceError::Forbidden);
        }
        let secret = totp::generate_secret();
        let sealed = self.platform.seal(&ctx::totp(&session.account_id), &secret);
        let aid = session.account_id.clone();
        let changed = self
            .tx(move |tx| Ok(accounts::set_totp_secret(tx, &aid, &sealed)?))
            .await?;
        if changed == 0 {
            return Err(ServiceError::Conflict("totp_already_enrolled"));
        }
        Ok(enrollment(session, &secret))
    }

    /// The secret drawn by the last `totp_begin`, not yet confirmed, if any: reading it
    /// changes nothing (the enrolment page is a GET).
    pub async fn totp_pending(&self, session: &Session) -> ServiceResult<Option<TotpEnrollment>> {
        if !session.is_staff() {
            return Err(ServiceError::Forbidden);
        }
        let aid = session.account_id.clone();
        let account = self
            .read(move |tx| Ok(accounts::by_id(tx, &aid)?))
            .await?
            .ok_or(ServiceError::Unauthenticated)?;
        if account.totp_confirmed {
            return Err(ServiceError::Conflict("totp_already_enrolled"));
        }
        account
            .totp_secret
            .map(|sealed| {
                let secret = self.platform.open(&ctx::totp(&account.id), &sealed)?;
                Ok(enrollment(session, &secret))
            })
            .transpose()
    }

    pub async fn totp_confirm(&self, session: &Session, code: &str) -> ServiceResult<()> {
        let aid = session.account_id.clone();
        let account = self
            .read(move |tx| Ok(accounts::by_id(tx, &aid)?))
            .await?
            .ok_or(ServiceError::Unauthenticated)?;
        if account.totp_confirmed {
            return Err(ServiceError::Conflict("totp_already_enrolled"));
        }
        let step = totp_step(self, &account, code)?.ok_or(ServiceError::WrongCode)?;
        let h = session.token_hash.clone();
        self.tx(move |tx| {
            accounts::confirm_totp(tx, &account.id, step)?;
            sessions::set_stage_full(tx, &h)?;
            Ok(())
        })
        .await
    }
}

fn enrollment(session: &Session, secret: &[u8]) -> TotpEnrollment {
    let label = session
        .email
        .clone()
        .unwrap_or_else(|| session.keys.display_name.clone());
    TotpEnrollment {
        secret: totp::secret_base32(secret),
        otpauth_uri: totp::otpauth_uri("Consigne", &label, secret),
    }
}
