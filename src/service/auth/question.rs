//! The optional security question (SECURITY.md, "Recovery" (c); docs/threat-model.md,
//! "Security question"): offered to her, never required, and weaker than the printed code
//! (people close to her may know the answer), which the pages say.
//!
//! The answer is never stored. Argon2id over the normalised answer (`SecurityAnswer`) and a
//! random salt gives, like a password, a verifier (platform-sealed) and a wrap key under which
//! her vault key is wrapped: recovering with the answer opens her safe the way her password
//! does, and changing her password leaves the question working. The question is sealed under
//! her vault key: she reads it in her settings; the operator and professionals never do, and
//! the recovery page never shows it (she must remember it).
//!
//! Unlike the printed code (100 bits), an answer is guessable: recovering with it goes through
//! the login's throttling (same counters, same doubling delay, `fail_login`), and the login's
//! shape: read transaction, Argon2id outside any transaction (the dummy hash when there is no
//! account or no question, so neither shows), write transaction. A recovery by question sets
//! the new password and ends her other sessions; her printed recovery code stays valid (it was
//! not used, so nothing says it is in the wrong hands).

use std::net::IpAddr;

use crate::domain::{SecurityAnswer, SecurityQuestion};
use crate::service::access::own_session_safe;
use crate::service::auth::login::{DUMMY_SALT, account_by_indexes, typed_login};
use crate::service::auth::recovery::{FRESH_SESSION_SECONDS, new_password_for, store_new_password};
use crate::service::auth::sessions::load_account;
use crate::service::auth::throttle::{check_throttle, fail_login, login_succeeded, throttle_keys};
use crate::service::contexts as ctx;
use crate::service::journal::{JournalActor, journal};
use crate::service::{App, ServiceError, ServiceResult, Session};
use crate::store::questions::{self, QuestionRow};
use crate::store::sessions;
use consigne_vault::KdfParams;
use serde::Serialize;

/// Longest answer read at recovery (bytes): what Argon2id hashes stays bounded.
const MAX_TYPED_ANSWER: usize = 1024;

#[derive(Debug)]
pub struct QuestionRecoverRequest {
    pub identifier: String,
    pub answer: String,
    pub new_password: String,
    pub address: IpAddr,
}

/// Her question as she sees it in her settings and her export (never the answer).
#[derive(Debug, Clone, Serialize)]
pub struct QuestionView {
    pub question: String,
    pub set_at: String,
}

impl App {
    /// Her question, if she set one.
    pub async fn security_question(
        &self,
        session: &Session,
    ) -> ServiceResult<Option<QuestionView>> {
        security_question(self, session).await
    }

    /// Sets (or replaces) her question and answer; only in a session opened in the last minutes
    /// (`Conflict("login_again")` otherwise), like a new recovery sheet: a session left open on a
    /// shared computer must not yield a way into her safe.
    pub async fn set_security_question(
        &self,
        session: &Session,
        question: &str,
        answer: &str,
    ) -> ServiceResult<()> {
        let bid = own_session_safe(session)?;
        let vault = session.keys.vault.clone().ok_or(ServiceError::NotFound)?;
        let question = SecurityQuestion::parse(question)?;
        let answer = SecurityAnswer::parse(answer)?;
        let now = self.now();
        if now - session.created_at > FRESH_SESSION_SECONDS {
            return Err(ServiceError::Conflict("login_again"));
        }
        let salt = consigne_vault::random_salt();
        let params = self.kdf_params();
        let derived = self
            .derive(answer.expose().as_bytes().to_vec(), salt, params)
            .await?;
        let p = &self.platform;
        let (vaad, taad) = (ctx::question_vault(&bid), ctx::question_text(&bid));
        let row = QuestionRow {
            beneficiary_id: bid.clone(),
            kdf_params: params.encode(),
            salt: salt.to_vec(),
            verifier: p.seal(&ctx::question_verifier(&bid), &derived.verifier),
            vault_wrap: p.seal(
                &vaad,
                &consigne_vault::wrap_key(&derived.wrap_key, &vaad, &vault),
            ),
            question_sealed: p.seal(
                &taad,
                &consigne_vault::seal(&vault, &taad, question.as_str().as_bytes()),
            ),
            set_at: now,
        };
        let aid = session.account_id.clone();
        self.tx(move |tx| {
            questions::put(tx, &row)?;
            journal(
                tx,
                now,
                Some(&bid),
                &JournalActor::beneficiary(&aid),
                "security_question_set",
                None,
                true,
            )
        })
        .await
    }

    /// Removes her question (from any of her sessions: removing a way in gives none).
    pub async fn remove_security_question(&self, session: &Session) -> ServiceResult<()> {
        let bid = own_session_safe(session)?;
        let aid = session.account_id.clone();
        let now = self.now();
        self.tx(move |tx| {
            if questions::delete(tx, &bid)? == 0 {
                return Ok(());
            }
            journal(
                tx,
                now,
                Some(&bid),
                &JournalActor::beneficiary(&aid),
                "security_question_removed",
                None,
                true,
            )
        })
        .await
    }

    /// Sets a new password with her identifier and her answer. Throttled like a login; a wrong
    /// answer, an unknown identifier and a safe without a question all answer
    /// `InvalidCredentials` after the same work.
    pub async fn recover_with_question(&self, req: QuestionRecoverRequest) -> ServiceResult<()> {
        let typed = typed_login(self, &req.identifier);
        let throttling = throttle_keys(self, &typed.key, req.address);
        let now = self.now();
        let app = self.clone();
        let k = throttling.clone();
        let (loaded, question) = self
            .read(move |tx| {
                check_throttle(&app, tx, &k, now)?;
                let account = account_by_indexes(tx, &typed.indexes)?;
                let loaded = load_account(tx, account)?;
                let question = match &loaded.beneficiary {
                    Some(b) => questions::of_beneficiary(tx, &b.id)?,
                    None => None,
                };
                Ok((loaded, question))
            })
            .await?;
        let answer = if req.answer.len() > MAX_TYPED_ANSWER {
            SecurityAnswer::normalise("")
        } else {
            SecurityAnswer::normalise(&req.answer)
        };
        let answer = answer.expose().as_bytes().to_vec();
        let who = loaded.account.as_ref().map(|a| {
            (
                a.id.clone(),
                loaded.beneficiary.as_ref().map(|b| b.id.clone()),
            )
        });
        let (Some(account), Some(b), Some(q)) = (loaded.account, loaded.beneficiary, question)
        else {
            self.derive(answer, DUMMY_SALT, self.kdf_params()).await?;
            return fail_login(self, throttling, who, ServiceError::InvalidCredentials).await;
        };
        let salt: [u8; 16] = q
            .salt
            .as_slice()
            .try_into()
            .map_err(|_| ServiceError::Internal("salt"))?;
        let derived = self
            .derive(answer, salt, KdfParams::decode(&q.kdf_params)?)
            .await?;
        let stored = self
            .platform
            .open(&ctx::question_verifier(&b.id), &q.verifier)?;
        if !consigne_vault::verifier_matches(&stored, &derived.verifier) {
            return fail_login(self, throttling, who, ServiceError::InvalidCredentials).await;
        }
        let vaad = ctx::question_vault(&b.id);
        let wrapped = self.platform.open(&vaad, &q.vault_wrap)?;
        let vault = consigne_vault::unwrap_key(&derived.wrap_key, &vaad, &wrapped)?;
        let new_password = new_password_for(self, (&account, &b), &vault, &req.new_password)?;
        let params = self.kdf_params();
        let pw_salt = consigne_vault::random_salt();
        let pw = self
            .derive(new_password.expose().as_bytes().to_vec(), pw_salt, params)
            .await?;
        let app = self.clone();
        self.tx(move |tx| {
            // Throttle row before the journal, in the order a failed login takes them.
            login_succeeded(tx, &throttling, now)?;
            store_new_password(
                &app,
                tx,
                (&account.id, &b.id),
                (params, &pw_salt, &pw),
                &vault,
                now,
            )?;
            sessions::delete_others(tx, &account.id, None)?;
            journal(
                tx,
                now,
                Some(&b.id),
                &JournalActor::beneficiary(&account.id),
                "recovered_with_question",
                None,
                true,
            )
        })
        .await
    }
}

/// Her question, if she set one (her settings, her export).
pub(crate) async fn security_question(
    app: &App,
    session: &Session,
) -> ServiceResult<Option<QuestionView>> {
    let bid = own_session_safe(session)?;
    let vault = session.keys.vault.clone().ok_or(ServiceError::NotFound)?;
    let b2 = bid.clone();
    let Some(row) = app
        .read(move |tx| Ok(questions::of_beneficiary(tx, &b2)?))
        .await?
    else {
        return Ok(None);
    };
    let taad = ctx::question_text(&bid);
    let inner = app.platform.open(&taad, &row.question_sealed)?;
    let text = consigne_vault::open(&vault, &taad, &inner)?;
    Ok(Some(QuestionView {
        question: String::from_utf8_lossy(&text).into_owned(),
        set_at: crate::clock::rfc3339(row.set_at),
    }))
}
