//! Login throttling that slows the guesser and never the person who knows her password
//! (SECURITY.md, promise 7; the reasoning is in docs/threat-model.md, "Throttling").
//!
//! The hard part: an address is shared (a day centre, or every person behind a reverse proxy
//! set up without `trusted_proxies`) and an identifier is known to the people around her. A
//! counter per address or per identifier alone is a weapon: an abuser fails on purpose and the
//! door stays shut for everyone. So there are three counters, and who they hold back differs:
//! - **the pair** (this identifier from this address): 5 free failures, then a doubling delay
//!   up to 30 minutes. It always applies, and it is what bounds a guesser at one address to
//!   about 50 guesses a day.
//! - **the identifier** over every address, each address counting for at most its free
//!   failures: it bounds a guesser spread over many addresses to about 50 guesses a day
//!   after a looser start. It holds back only addresses she has not logged in from lately.
//! - **the address** over every identifier (a spray of one password over many identifiers):
//!   it holds back only identifiers that have not logged in from that address lately.
//!
//! A successful login marks its pair as known (`login_known`) for `known_address_days`, so
//! nothing done from elsewhere, or by others at her day centre on other identifiers, refuses
//! her. What remains: someone failing on *her* identifier from *her* address slows her there,
//! for at most 30 minutes at a time; she can log in from another place, and both recoveries
//! (codes of 100 bits, which no counter needs to protect) stay open.

use crate::domain::{AccountId, BeneficiaryId};
use crate::service::journal::{JournalActor, journal};
use crate::service::{App, ServiceError, ServiceResult};
use crate::store::Sql;
use crate::store::throttle::{self, ThrottleState};
use std::net::IpAddr;

/// Blind indexes of the counters one login attempt touches (see the module's first lines).
#[derive(Debug, Clone)]
pub(crate) struct ThrottleKeys {
    pair: Vec<u8>,
    identifier: Vec<u8>,
    address: Vec<u8>,
    known: Vec<u8>,
}

/// `login_key` is what identifies the account tried (normalised identifier or e-mail, or
/// `account:<id>` for a password change), existing or not.
pub(crate) fn throttle_keys(app: &App, login_key: &str, address: IpAddr) -> ThrottleKeys {
    let address = address.to_string();
    // Length-prefixed, so no two (identifier, address) pairs share a key.
    let pair = format!("{}:{login_key}|{address}", login_key.len());
    ThrottleKeys {
        pair: app.blind("throttle/pair", &pair),
        identifier: app.blind("throttle/identifier", login_key),
        address: app.blind("throttle/address", &address),
        known: app.blind("throttle/known", &pair),
    }
}

/// Refuses while this attempt is slowed down: always by its pair's own delay; by the
/// identifier-wide and address-wide limits only if the pair has not logged in lately.
pub(crate) fn check_throttle(
    app: &App,
    tx: &mut dyn Sql,
    keys: &ThrottleKeys,
    now: i64,
) -> ServiceResult<()> {
    let t = &app.config.throttle;
    blocked(tx, &keys.pair, now)?;
    if throttle::is_known(tx, &keys.known, now - t.known_address_days * 86_400)? {
        return Ok(());
    }
    blocked(tx, &keys.identifier, now)?;
    let window = t.address_window_minutes * 60;
    if throttle::distinct_identifiers(tx, &keys.address, now - window)? >= t.address_max_identifiers
    {
        return Err(ServiceError::Throttled {
            retry_after: window,
        });
    }
    Ok(())
}

/// Counts a failure; returns the delay the pair must now wait, if any.
pub(crate) fn record_failure(
    app: &App,
    tx: &mut dyn Sql,
    keys: &ThrottleKeys,
    now: i64,
) -> ServiceResult<Option<i64>> {
    let t = &app.config.throttle;
    let (pair_failures, delay) = count_failure(app, tx, &keys.pair, t.free_failures, now)?;
    // One address weighs at most its free failures in the identifier-wide count: an
    // abuser at one place cannot shut the doors she uses elsewhere.
    if pair_failures <= t.free_failures {
        count_failure(app, tx, &keys.identifier, t.identifier_free_failures, now)?;
    }
    let window = t.address_window_minutes * 60;
    throttle::record_address_failure(tx, &keys.address, &keys.identifier, now, now - window)?;
    Ok(delay)
}

/// Adds one failure to a counter: after `free` of them, a delay that doubles with each
/// further failure, up to the configured maximum (never a permanent lock).
pub(crate) fn count_failure(
    app: &App,
    tx: &mut dyn Sql,
    key: &[u8],
    free: i64,
    now: i64,
) -> ServiceResult<(i64, Option<i64>)> {
    let t = &app.config.throttle;
    let failures = throttle::get(tx, key)?.map_or(0, |s| s.failures) + 1;
    let delay = (failures > free).then(|| {
        let exp = u32::try_from((failures - free - 1).min(30)).unwrap_or(30);
        t.base_delay_seconds
            .saturating_mul(1_i64 << exp)
            .min(t.max_delay_seconds)
    });
    throttle::put(
        tx,
        key,
        ThrottleState {
            failures,
            blocked_until: delay.map_or(0, |d| now + d),
        },
        now,
    )?;
    Ok((failures, delay))
}

/// A successful login: her pair starts afresh and is known from now on. The
/// identifier-wide count stays: it measures guesses made elsewhere, which her success
/// does not undo.
pub(crate) fn login_succeeded(
    tx: &mut dyn Sql,
    keys: &ThrottleKeys,
    now: i64,
) -> ServiceResult<()> {
    throttle::clear(tx, &keys.pair)?;
    throttle::remember(tx, &keys.known, now)?;
    Ok(())
}

/// Records a failed attempt (and, for a person, a failed login in her journal), then
/// answers `error`, or `Throttled` when this failure starts a delay.
pub(crate) async fn fail_login<T>(
    app: &App,
    keys: ThrottleKeys,
    who: Option<(AccountId, Option<BeneficiaryId>)>,
    error: ServiceError,
) -> ServiceResult<T> {
    let owned = app.clone();
    let now = app.now();
    let delay = app
        .tx(move |tx| {
            let delay = record_failure(&owned, tx, &keys, now)?;
            journal_failure(tx, who.as_ref(), now)?;
            Ok(delay)
        })
        .await?;
    Err(match delay {
        Some(retry_after) => ServiceError::Throttled { retry_after },
        None => error,
    })
}

/// A failed recovery (printed code or in-person code): journaled for her, counted nowhere.
/// The codes carry 100 bits, so no counter is needed to keep them from being guessed, and
/// a counter would be one more door an abuser who knows her identifier could hold shut.
/// What each attempt costs is bounded by the Argon2id concurrency limit.
pub(crate) async fn fail_recovery(
    app: &App,
    who: Option<(AccountId, Option<BeneficiaryId>)>,
    error: ServiceError,
) -> ServiceResult<String> {
    let now = app.now();
    app.tx(move |tx| journal_failure(tx, who.as_ref(), now))
        .await?;
    Err(error)
}

fn journal_failure(
    tx: &mut dyn Sql,
    who: Option<&(AccountId, Option<BeneficiaryId>)>,
    now: i64,
) -> ServiceResult<()> {
    if let Some((aid, Some(bid))) = who {
        journal(
            tx,
            now,
            Some(bid),
            &JournalActor::beneficiary(aid),
            "login",
            None,
            false,
        )?;
    }
    Ok(())
}

fn blocked(tx: &mut dyn Sql, key: &[u8], now: i64) -> ServiceResult<()> {
    match throttle::get(tx, key)? {
        Some(s) if s.blocked_until > now => Err(ServiceError::Throttled {
            retry_after: s.blocked_until - now,
        }),
        _ => Ok(()),
    }
}
