//! Her private calendar feed: a secret address her phone's calendar subscribes to, which she
//! can revoke at any time.
//!
//! The address carries a 256-bit token that is never stored. The feed is found by the token's
//! blind index; the feed's key pair is derived from the token (HKDF), and each of her events'
//! item keys is wrapped to its public half — when the feed is created (she is logged in and
//! holds the keys) and whenever an event is added afterwards (by her or by a professional, who
//! both hold the new item's key). Reading the feed needs only the token: it opens the events'
//! keys and nothing else, so a leaked address exposes her appointments, never her papers,
//! contacts or notes, and only until she revokes it. The token is also kept sealed under her
//! vault key so that she can see her address again when logged in.

use crate::domain::{BeneficiaryId, ItemId, ItemKind};
use crate::service::access::own_safe;
use crate::service::calendar::interop::ics;
use crate::service::contexts as ctx;
use crate::service::items::fields::Event;
use crate::service::items::open::Opened;
use crate::service::items::open::visible_items;
use crate::service::items::seal::open_meta;
use crate::service::journal::{JournalActor, journal};
use crate::service::secret_address;
use crate::service::{App, ServiceError, ServiceResult, Session, new_id};
use crate::store::Sql;
use crate::store::feeds::{self, FeedRow};
use crate::store::items::ItemRow;
use consigne_vault::{Key32, KeyPair, PublicKey};
use serde::Serialize;
use zeroize::Zeroizing;

/// Her feed as she sees it.
#[derive(Debug, Clone, Serialize)]
pub struct CalendarFeedView {
    /// The address to subscribe to; absent when it cannot be shown again (her session has no
    /// vault key, e.g. right after an in-person reset): she can make a new one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub created_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_read_at: Option<String>,
}

fn feed_pair(token: &[u8]) -> KeyPair {
    secret_address::key_pair(token, ctx::FEED_KEY)
}

/// The token in an address (`<token>.ics` or `<token>`), or None when it cannot be one.
fn parse_token(raw: &str) -> Option<Zeroizing<Vec<u8>>> {
    secret_address::parse(raw.strip_suffix(".ics").unwrap_or(raw))
}

impl App {
    fn feed_url(&self, token: &[u8]) -> String {
        secret_address::url(self, "calendar", token, ".ics")
    }

    fn token_index(&self, token: &[u8]) -> Vec<u8> {
        secret_address::index(self, ctx::FEED_TOKEN_INDEX, token)
    }

    fn feed_view(&self, session: &Session, row: &FeedRow) -> CalendarFeedView {
        let url = match (&row.token_sealed, &session.keys.vault) {
            (Some(sealed), Some(vault)) => {
                let aad = ctx::feed_token(&row.beneficiary_id, &row.id);
                self.platform
                    .open(&aad, sealed)
                    .ok()
                    .and_then(|inner| consigne_vault::open(vault, &aad, &inner).ok())
                    .map(|token| self.feed_url(&token))
            }
            _ => None,
        };
        CalendarFeedView {
            url,
            created_at: crate::clock::rfc3339(row.created_at),
            last_read_at: row.last_read_at.map(crate::clock::rfc3339),
        }
    }

    /// Her feed, if she has one.
    pub async fn calendar_feed(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
    ) -> ServiceResult<Option<CalendarFeedView>> {
        let bid = own_safe(session, bid)?;
        let row = self
            .read(move |tx| Ok(feeds::of_beneficiary(tx, &bid)?))
            .await?;
        Ok(row.map(|r| self.feed_view(session, &r)))
    }

    /// Makes her a new feed address (the previous one, if any, stops working at once) with
    /// every event of her safe in it.
    pub async fn create_calendar_feed(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
    ) -> ServiceResult<CalendarFeedView> {
        let bid = own_safe(session, bid)?;
        let token = secret_address::new_token();
        let pair = feed_pair(&token);
        let id = new_id();
        let now = self.now();
        let token_sealed = session.keys.vault.as_ref().map(|vault| {
            let aad = ctx::feed_token(&bid, &id);
            self.platform
                .seal(&aad, &consigne_vault::seal(vault, &aad, &token))
        });
        let row = FeedRow {
            id: id.clone(),
            beneficiary_id: bid.clone(),
            token_index: self.token_index(&token),
            public_key: pair.public().as_bytes().to_vec(),
            token_sealed,
            created_at: now,
            last_read_at: None,
        };
        let events: Vec<Opened> = visible_items(self, session, &bid, ItemKind::Event).await?;
        let wraps: Vec<(ItemId, Vec<u8>)> = events
            .iter()
            .map(|o| {
                (
                    o.row.id.clone(),
                    feed_wrap(self, &id, &pair.public(), &o.row.id, &o.key),
                )
            })
            .collect();
        let (r2, actor) = (row.clone(), JournalActor::beneficiary(&session.account_id));
        self.tx(move |tx| {
            feeds::replace(tx, &r2)?;
            for (item, wrap) in &wraps {
                feeds::add_key(tx, &r2.id, item, wrap)?;
            }
            journal(
                tx,
                now,
                Some(&r2.beneficiary_id),
                &actor,
                "calendar_feed_created",
                None,
                true,
            )
        })
        .await?;
        // An event added while the feed was being made may have missed it: a second look.
        let known: Vec<ItemId> = events.iter().map(|o| o.row.id.clone()).collect();
        let missed: Vec<(ItemId, Vec<u8>)> = visible_items(self, session, &bid, ItemKind::Event)
            .await?
            .iter()
            .filter(|o| !known.contains(&o.row.id))
            .map(|o| {
                (
                    o.row.id.clone(),
                    feed_wrap(self, &id, &pair.public(), &o.row.id, &o.key),
                )
            })
            .collect();
        if !missed.is_empty() {
            let feed = id.clone();
            self.tx(move |tx| {
                for (item, wrap) in &missed {
                    feeds::add_key(tx, &feed, item, wrap)?;
                }
                Ok(())
            })
            .await?;
        }
        Ok(CalendarFeedView {
            url: Some(self.feed_url(&token)),
            ..self.feed_view(session, &row)
        })
    }

    /// Revokes her feed: its address stops working at once. Not found when she has none.
    pub async fn revoke_calendar_feed(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
    ) -> ServiceResult<()> {
        let bid = own_safe(session, bid)?;
        let (now, actor) = (self.now(), JournalActor::beneficiary(&session.account_id));
        self.tx(move |tx| {
            if feeds::delete_of(tx, &bid)? == 0 {
                return Err(ServiceError::NotFound);
            }
            journal(
                tx,
                now,
                Some(&bid),
                &actor,
                "calendar_feed_revoked",
                None,
                true,
            )
        })
        .await
    }
}

pub(crate) fn feed_wrap(
    app: &App,
    feed: &str,
    public: &PublicKey,
    item: &ItemId,
    key: &Key32,
) -> Vec<u8> {
    let aad = ctx::feed_item_key(feed, item);
    app.platform
        .seal(&aad, &consigne_vault::wrap_key_to(public, &aad, key))
}

/// Puts a new event of hers in her feed, if she has one (same transaction as the event).
pub(crate) fn add_to_feed(
    app: &App,
    tx: &mut dyn Sql,
    row: &ItemRow,
    key: &Key32,
) -> ServiceResult<()> {
    if row.kind != ItemKind::Event {
        return Ok(());
    }
    if let Some(feed) = feeds::of_beneficiary(tx, &row.beneficiary_id)? {
        let public = PublicKey::from_slice(&feed.public_key)?;
        let wrap = feed_wrap(app, &feed.id, &public, &row.id, key);
        feeds::add_key(tx, &feed.id, &row.id, &wrap)?;
    }
    Ok(())
}

impl App {
    /// The feed read by her calendar app: her events as iCalendar, found and opened with the
    /// address's token alone. Unknown, revoked or malformed addresses are all simply not found.
    pub async fn calendar_feed_ics(&self, raw_token: &str) -> ServiceResult<String> {
        let token = parse_token(raw_token).ok_or(ServiceError::NotFound)?;
        let index = self.token_index(&token);
        let now = self.now();
        let (feed, events) = self
            .tx(move |tx| {
                let feed = feeds::by_token_index(tx, &index)?.ok_or(ServiceError::NotFound)?;
                let events = feeds::events(tx, &feed.id)?;
                feeds::mark_read(tx, &feed.id, now)?;
                Ok((feed, events))
            })
            .await?;
        let pair = feed_pair(&token);
        if pair.public().as_bytes().as_slice() != feed.public_key.as_slice() {
            return Err(ServiceError::NotFound);
        }
        // One public-key unwrap per event: on the blocking pool, not on the request threads.
        let app = self.clone();
        let mut opened = tokio::task::spawn_blocking(move || {
            let mut opened: Vec<(ItemId, Event)> = Vec::with_capacity(events.len());
            for (row, wrap) in &events {
                let aad = ctx::feed_item_key(&feed.id, &row.id);
                let key = app
                    .platform
                    .open(&aad, wrap)
                    .and_then(|inner| consigne_vault::unwrap_key_from(&pair, &aad, &inner));
                match key {
                    Ok(key) => opened.push((row.id.clone(), open_meta(&app, row, &key)?)),
                    Err(e) => {
                        tracing::warn!(error = %e, "a calendar feed key did not open: event left out");
                    }
                }
            }
            Ok::<_, ServiceError>(opened)
        })
        .await
        .map_err(|_| ServiceError::Internal("unwrap task"))??;
        opened.sort_by(|a, b| a.1.starts_at.cmp(&b.1.starts_at));
        let refs: Vec<(&str, &Event)> = opened.iter().map(|(id, e)| (id.as_str(), e)).collect();
        Ok(ics(self, &refs))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::secret_address::TOKEN_BYTES;

    #[test]
    fn tokens_are_exactly_32_bytes_of_base64url() {
        let token = [7u8; TOKEN_BYTES];
        let encoded = data_encoding::BASE64URL_NOPAD.encode(&token);
        assert_eq!(
            parse_token(&format!("{encoded}.ics")).map(|t| t.to_vec()),
            Some(token.to_vec())
        );
        assert_eq!(
            parse_token(&encoded).map(|t| t.to_vec()),
            Some(token.to_vec())
        );
        assert!(parse_token("short.ics").is_none());
        assert!(parse_token(&format!("{encoded}x.ics")).is_none());
        assert!(parse_token("../../etc/passwd").is_none());
    }

    #[test]
    fn the_feed_key_is_derived_from_the_token_alone() {
        let a = feed_pair(&[1u8; TOKEN_BYTES]);
        assert_eq!(a.public(), feed_pair(&[1u8; TOKEN_BYTES]).public());
        assert_ne!(a.public(), feed_pair(&[2u8; TOKEN_BYTES]).public());
    }
}
