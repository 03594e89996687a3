//! Share links (issue 16, item 5): a secret address that shows ONE document of her safe to
//! someone without an account (a counter, a landlord), until it expires (1 hour to 30 days) or
//! she revokes it. Made by her, or by a professional of a relais the document is shared with
//! when she consents (`her_consent`, journaled with his name like every consent).
//!
//! The keys are the calendar feed's (`calendar/feeds.rs`): the address carries a 256-bit token
//! that is never stored. The link is found by the token's blind index; a key pair is derived
//! from the token (HKDF), and the document's item key is wrapped to its public half when the
//! link is made. Opening needs only the token (and the PIN when there is one): it opens that
//! document's key and nothing else. The token is also wrapped to her public key, so that she
//! sees her address again when logged in. The watermark is sealed under the document's key and
//! the PIN's Argon2id verifier takes a pepper derived from the token: the operator, with the
//! database and the files, can neither open the document nor try PINs offline.
//!
//! Guessing is throttled twice: wrong PINs per link (5, then the link is locked 15 minutes,
//! counted in its row so a restart does not reset it), and unknown addresses per client address
//! (the login's counters, `auth/throttle.rs`). Revoked, expired and unknown addresses are the
//! same "not found". Every opening (content served) is one line in her journal.

use crate::domain::{DocumentType, InvalidInput, ItemId, ItemKind, StructureId};
use crate::policy::{Action, Actor, Decision, Resource, authorize};
use crate::service::access::{allow, own_safe};
use crate::service::auth::throttle::count_failure;
use crate::service::contexts as ctx;
use crate::service::items::assembled::watermark_of;
use crate::service::items::content::{ContentStream, read_blob};
use crate::service::items::documents::{LinkedPaper, decrypt_stream, open_source, paper_by_key};
use crate::service::items::media::{media_error, media_limits};
use crate::service::items::open::{Opened, open_item};
use crate::service::journal::{JournalActor, actor_of, journal};
use crate::service::secret_address::{self, TOKEN_BYTES};
use crate::service::{App, ServiceError, ServiceResult, Session, new_id, parse_id};
use crate::store::beneficiaries;
use crate::store::items;
use crate::store::links::{self, LinkRow};
use consigne_vault::{KdfParams, Key32, KeyPair, PublicKey};
use serde::Serialize;
use std::net::IpAddr;
use zeroize::Zeroizing;

/// Shortest and longest life of a link, in minutes (1 hour, 30 days).
pub const MIN_LINK_MINUTES: i64 = 60;
pub const MAX_LINK_MINUTES: i64 = 43_200;
/// Wrong PINs before a link is locked, and for how long.
const PIN_TRIES: i64 = 5;
const PIN_LOCK_SECONDS: i64 = 15 * 60;
/// Unknown addresses one client address may try before it is slowed down (then the login's
/// doubling delay). Generous: a mistyped address is not an attack.
const GUESSES_FREE: i64 = 20;
/// The actor her journal names for an opening: whoever holds the address.
const LINK_ACTOR: &str = "share_link";

/// What a link is made with.
#[derive(Debug, Clone, Default)]
pub struct NewLink {
    pub expires_in_minutes: i64,
    /// 4 to 8 digits, told orally; none or empty: no PIN.
    pub pin: Option<String>,
    /// Printed across every page of the copy served.
    pub watermark: Option<String>,
    /// A professional says she agreed (required from professionals).
    pub her_consent: bool,
}

/// A link just made: its address is shown now (and to her again later).
#[derive(Debug, Clone, Serialize)]
pub struct CreatedLink {
    pub id: String,
    pub url: String,
    pub expires_at: String,
}

/// A live link as its document's readers see it.
#[derive(Debug, Clone, Serialize)]
pub struct ShareLinkView {
    pub id: String,
    pub document_id: ItemId,
    /// The document's name (her list of links names it).
    pub document_name: String,
    /// The address: only for her (wrapped to her key), absent for others.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub created_at: String,
    pub expires_at: String,
    pub has_pin: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub watermark: Option<String>,
    /// `beneficiary` (she made it) or `professional`.
    pub made_by: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub made_by_structure: Option<StructureId>,
    pub opened_count: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_opened_at: Option<String>,
    /// The caller may revoke it (`policy`, `Action::RevokeLink`).
    pub revocable: bool,
}

/// What the link's page shows, before any content is served.
#[derive(Debug, Clone)]
pub struct LinkPage {
    pub name: String,
    pub doc_type: DocumentType,
    pub content_type: String,
    pub expires_at: String,
    pub watermark: Option<String>,
    pub has_pin: bool,
}

/// The copy served: the original bytes, or a watermarked PDF.
#[derive(Debug)]
pub struct LinkContent {
    pub file_name: String,
    pub content_type: String,
    pub body: LinkBody,
}

/// The copy's bytes: the stored paper streamed as it is decrypted (its size known), or the
/// watermarked PDF made for this opening.
#[derive(Debug)]
pub enum LinkBody {
    Stream { size: i64, chunks: ContentStream },
    Made(Vec<u8>),
}

/// The sealed details of a link (under the document's key).
#[derive(Debug, Clone, Default, Serialize, serde::Deserialize)]
struct Details {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    watermark: Option<String>,
}

fn link_pair(token: &[u8]) -> KeyPair {
    secret_address::key_pair(token, ctx::LINK_KEY)
}

/// What the PIN is hashed with: a pepper only the token gives, then the PIN.
fn pin_secret(token: &[u8], pin: &str) -> Vec<u8> {
    let pepper = consigne_vault::derive_key(token, ctx::LINK_PIN_KEY);
    let mut secret = hex::encode(pepper.as_bytes()).into_bytes();
    secret.extend_from_slice(pin.as_bytes());
    secret
}

/// The token in an address, or None when it cannot be one.
fn parse_token(raw: &str) -> Option<Zeroizing<Vec<u8>>> {
    secret_address::parse(raw)
}

/// A new link's PIN: exactly 4 to 8 digits; empty is none.
fn parse_pin(raw: Option<&str>) -> ServiceResult<Option<String>> {
    let pin = raw.unwrap_or_default();
    if pin.is_empty() {
        return Ok(None);
    }
    if !(4..=8).contains(&pin.len()) || !pin.chars().all(|c| c.is_ascii_digit()) {
        return Err(InvalidInput::new("pin", "invalid_pin").into());
    }
    Ok(Some(pin.to_owned()))
}

/// A PIN typed at the counter: its digits, spaces ignored; none when there are none.
fn typed_pin(raw: Option<&str>) -> Option<String> {
    let pin: String = raw
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    (!pin.is_empty()).then_some(pin)
}

fn expiry_minutes(minutes: i64) -> ServiceResult<i64> {
    if (MIN_LINK_MINUTES..=MAX_LINK_MINUTES).contains(&minutes) {
        Ok(minutes)
    } else {
        Err(InvalidInput::new("expires_in_minutes", "invalid_link_expiry").into())
    }
}

impl App {
    fn link_url(&self, token: &[u8]) -> String {
        secret_address::url(self, "s", token, "")
    }

    fn link_index(&self, token: &[u8]) -> Vec<u8> {
        secret_address::index(self, ctx::LINK_TOKEN_INDEX, token)
    }

    /// Makes a share link to document `id` (see the module's first lines).
    pub async fn create_link(
        &self,
        session: &Session,
        id: &ItemId,
        new: NewLink,
    ) -> ServiceResult<CreatedLink> {
        let minutes = expiry_minutes(new.expires_in_minutes)?;
        let pin = parse_pin(new.pin.as_deref())?;
        let watermark = watermark_of(new.watermark.as_deref())?;
        let o = open_item(self, session, id, Action::MakeLink, ItemKind::Document).await?;
        if !matches!(session.actor, Actor::Beneficiary { .. }) && !new.her_consent {
            return Err(ServiceError::ConsentRequired);
        }
        let bid = o.row.beneficiary_id.clone();
        let (her_public, _) = crate::service::items::wrap::owner_key_and_relays(self, &bid).await?;
        let her_public = PublicKey::from_slice(&her_public)?;
        let token = secret_address::new_token();
        let link_id = new_id();
        let pair = link_pair(&token);
        let wrap_aad = ctx::link_item_key(&link_id, &o.row.id);
        let key_wrap = self.platform.seal(
            &wrap_aad,
            &consigne_vault::wrap_key_to(&pair.public(), &wrap_aad, &o.key),
        );
        let token_aad = ctx::link_token(&bid, &link_id);
        let mut token_bytes = [0u8; TOKEN_BYTES];
        token_bytes.copy_from_slice(&token);
        let token_sealed = self.platform.seal(
            &token_aad,
            &consigne_vault::wrap_key_to(&her_public, &token_aad, &Key32::from_bytes(token_bytes)),
        );
        let details_aad = ctx::link_details(&bid, &link_id);
        let details = serde_json::to_vec(&Details { watermark })
            .map_err(|_| ServiceError::Internal("link details"))?;
        let details_sealed = self.platform.seal(
            &details_aad,
            &consigne_vault::seal(&o.key, &details_aad, &details),
        );
        let pin = match pin {
            Some(pin) => {
                let salt = consigne_vault::random_salt();
                let params = self.kdf_params();
                let derived = self.derive(pin_secret(&token, &pin), salt, params).await?;
                Some((derived.verifier.to_vec(), salt.to_vec(), params.encode()))
            }
            None => None,
        };
        let now = self.now();
        let row = LinkRow {
            id: link_id.clone(),
            beneficiary_id: bid.clone(),
            item_id: o.row.id.clone(),
            token_index: self.link_index(&token),
            public_key: pair.public().as_bytes().to_vec(),
            key_wrap,
            token_sealed,
            details_sealed,
            pin,
            pin_failures: 0,
            locked_until: 0,
            created_by: session.account_id.clone(),
            created_by_structure: o.via.clone(),
            created_at: now,
            expires_at: now + minutes * 60,
            opened_count: 0,
            last_opened_at: None,
        };
        let actor = actor_of(session, o.via.as_ref());
        let r2 = row.clone();
        self.tx(move |tx| {
            links::insert(tx, &r2)?;
            journal(
                tx,
                now,
                Some(&r2.beneficiary_id),
                &actor,
                "share_link_created",
                Some((ItemKind::Document.as_str(), r2.item_id.as_str())),
                true,
            )
        })
        .await?;
        Ok(CreatedLink {
            id: link_id,
            url: self.link_url(&token),
            expires_at: crate::clock::rfc3339(row.expires_at),
        })
    }

    /// The live links of document `id`, for whoever may view it.
    pub async fn document_links(
        &self,
        session: &Session,
        id: &ItemId,
    ) -> ServiceResult<Vec<ShareLinkView>> {
        let o = open_item(self, session, id, Action::View, ItemKind::Document).await?;
        let (name, _) = paper_by_key(self, &o.row, &o.key)?;
        let (item, bid, now) = (o.row.id.clone(), o.row.beneficiary_id.clone(), self.now());
        let (rows, relays) = self
            .read(move |tx| {
                let rows = links::of_item(tx, &item, now)?;
                Ok((rows, beneficiaries::relays_of(tx, &bid)?))
            })
            .await?;
        let relay_ids: Vec<StructureId> = relays.into_iter().map(|r| r.structure_id).collect();
        Ok(rows
            .iter()
            .map(|r| self.link_view(session, r, &o, &name, &relay_ids))
            .collect())
    }

    /// Her live links, all documents, oldest first; only she sees this list.
    pub async fn my_links(
        &self,
        session: &Session,
        bid: &crate::domain::BeneficiaryId,
    ) -> ServiceResult<Vec<ShareLinkView>> {
        my_links(self, session, bid).await
    }

    fn link_view(
        &self,
        session: &Session,
        r: &LinkRow,
        o: &Opened,
        paper: &LinkedPaper,
        relays: &[StructureId],
    ) -> ShareLinkView {
        let url = match &session.actor {
            Actor::Beneficiary { beneficiary_id, .. } if *beneficiary_id == r.beneficiary_id => {
                let aad = ctx::link_token(&r.beneficiary_id, &r.id);
                self.platform
                    .open(&aad, &r.token_sealed)
                    .ok()
                    .and_then(|inner| {
                        consigne_vault::unwrap_key_from(&session.keys.keypair(), &aad, &inner).ok()
                    })
                    .map(|token| self.link_url(token.as_bytes()))
            }
            _ => None,
        };
        let details = open_details(self, r, &o.key).unwrap_or_default();
        let shared: Vec<StructureId> = o.shares.iter().map(|s| s.structure_id.clone()).collect();
        let revocable = authorize(
            &session.actor,
            Action::RevokeLink,
            Resource::Link {
                owner: &r.beneficiary_id,
                shared_with: &shared,
                relays,
                made_by: &r.created_by,
            },
        ) == Decision::Allow;
        ShareLinkView {
            id: r.id.clone(),
            document_id: r.item_id.clone(),
            document_name: paper.name.clone(),
            url,
            created_at: crate::clock::rfc3339(r.created_at),
            expires_at: crate::clock::rfc3339(r.expires_at),
            has_pin: r.pin.is_some(),
            watermark: details.watermark,
            made_by: if r.created_by_structure.is_some() {
                "professional"
            } else {
                "beneficiary"
            }
            .to_owned(),
            made_by_structure: r.created_by_structure.clone(),
            opened_count: r.opened_count,
            last_opened_at: r.last_opened_at.map(crate::clock::rfc3339),
            revocable,
        }
    }

    /// Revokes link `id`: its address stops working at once (the row and its key wrap go).
    pub async fn revoke_link(&self, session: &Session, id: &str) -> ServiceResult<()> {
        let id = parse_id(id)?;
        let now = self.now();
        let (row, shares, relays) = self
            .read(move |tx| {
                let row = links::by_id(tx, &id, now)?.ok_or(ServiceError::NotFound)?;
                let shares = items::shares_of(tx, &row.item_id)?;
                let relays = beneficiaries::relays_of(tx, &row.beneficiary_id)?;
                Ok((row, shares, relays))
            })
            .await?;
        let relay_ids: Vec<StructureId> = relays.into_iter().map(|r| r.structure_id).collect();
        let shared: Vec<StructureId> = shares
            .into_iter()
            .map(|s| s.structure_id)
            .filter(|s| relay_ids.contains(s))
            .collect();
        allow(
            session,
            Action::RevokeLink,
            Resource::Link {
                owner: &row.beneficiary_id,
                shared_with: &shared,
                relays: &relay_ids,
                made_by: &row.created_by,
            },
        )?;
        let actor = actor_of(session, row.created_by_structure.as_ref());
        self.tx(move |tx| {
            if links::delete(tx, &row.id)? == 0 {
                return Err(ServiceError::NotFound);
            }
            journal(
                tx,
                now,
                Some(&row.beneficiary_id),
                &actor,
                "share_link_revoked",
                Some((ItemKind::Document.as_str(), row.item_id.as_str())),
                true,
            )
        })
        .await
    }

    /// Finds the live link of an address and opens its document's key; an unknown address
    /// counts against the client's address. Unknown, revoked, expired: all `NotFound`.
    async fn resolve_link(
        &self,
        raw_token: &str,
        client: IpAddr,
    ) -> ServiceResult<(Zeroizing<Vec<u8>>, LinkRow, Key32)> {
        let guesses = self.blind("throttle/link-address", &client.to_string());
        let token = parse_token(raw_token);
        let index = token.as_ref().map(|t| self.link_index(t));
        let (app, now) = (self.clone(), self.now());
        let found = self
            .tx(move |tx| {
                if let Some(s) = crate::store::throttle::get(tx, &guesses)?
                    && s.blocked_until > now
                {
                    return Err(ServiceError::Throttled {
                        retry_after: s.blocked_until - now,
                    });
                }
                let row = match &index {
                    Some(index) => links::by_token_index(tx, index, now)?,
                    None => None,
                };
                if row.is_none() {
                    count_failure(&app, tx, &guesses, GUESSES_FREE, now)?;
                }
                Ok(row)
            })
            .await?;
        let (Some(token), Some(row)) = (token, found) else {
            return Err(ServiceError::NotFound);
        };
        let pair = link_pair(&token);
        if pair.public().as_bytes().as_slice() != row.public_key.as_slice() {
            return Err(ServiceError::NotFound);
        }
        let aad = ctx::link_item_key(&row.id, &row.item_id);
        let key = self
            .platform
            .open(&aad, &row.key_wrap)
            .and_then(|inner| consigne_vault::unwrap_key_from(&pair, &aad, &inner))
            .map_err(|e| {
                tracing::warn!(error = %e, "a share link's key did not open: not found");
                ServiceError::NotFound
            })?;
        Ok((token, row, key))
    }

    /// The document row of a link (gone with its document: not found).
    async fn link_item(&self, row: &LinkRow) -> ServiceResult<items::ItemRow> {
        let item = row.item_id.clone();
        self.read(move |tx| items::by_id(tx, &item)?.ok_or(ServiceError::NotFound))
            .await
    }

    /// The link's page: what the document is, until when, whether a PIN is asked.
    pub async fn link_page(&self, raw_token: &str, client: IpAddr) -> ServiceResult<LinkPage> {
        let (_, row, key) = self.resolve_link(raw_token, client).await?;
        let item = self.link_item(&row).await?;
        let (paper, _) = paper_by_key(self, &item, &key)?;
        let details = open_details(self, &row, &key)?;
        Ok(LinkPage {
            name: paper.name,
            doc_type: paper.doc_type,
            content_type: paper.content_type,
            expires_at: crate::clock::rfc3339(row.expires_at),
            watermark: details.watermark,
            has_pin: row.pin.is_some(),
        })
    }

    /// The copy a link serves (the PIN checked when it has one), journaled in her journal.
    pub async fn link_content(
        &self,
        raw_token: &str,
        pin: Option<&str>,
        client: IpAddr,
    ) -> ServiceResult<LinkContent> {
        let (token, row, key) = self.resolve_link(raw_token, client).await?;
        let now = self.now();
        if let Some((verifier, salt, params)) = &row.pin {
            if row.locked_until > now {
                return Err(ServiceError::Throttled {
                    retry_after: row.locked_until - now,
                });
            }
            let typed = typed_pin(pin)
                .ok_or_else(|| ServiceError::from(InvalidInput::new("pin", "required")))?;
            let salt: [u8; 16] = salt
                .as_slice()
                .try_into()
                .map_err(|_| ServiceError::Internal("link pin salt"))?;
            let params = KdfParams::decode(params)?;
            let derived = self
                .derive(pin_secret(&token, &typed), salt, params)
                .await?;
            if !consigne_vault::verifier_matches(&derived.verifier, verifier) {
                let id = row.id.clone();
                let failures = self
                    .tx(move |tx| {
                        Ok(links::pin_failed(
                            tx,
                            &id,
                            PIN_TRIES,
                            now + PIN_LOCK_SECONDS,
                        )?)
                    })
                    .await?;
                return Err(if failures >= PIN_TRIES {
                    ServiceError::Throttled {
                        retry_after: PIN_LOCK_SECONDS,
                    }
                } else {
                    ServiceError::WrongCode
                });
            }
        }
        let item = self.link_item(&row).await?;
        let (paper, source) = paper_by_key(self, &item, &key)?;
        let details = open_details(self, &row, &key)?;
        let content = match details.watermark {
            None => {
                let reader = open_source(self, &source).await?;
                LinkContent {
                    file_name: paper.file_name.clone(),
                    content_type: paper.content_type.clone(),
                    body: LinkBody::Stream {
                        size: item.size,
                        chunks: decrypt_stream(reader, source),
                    },
                }
            }
            Some(watermark) => {
                let (bytes, digest) =
                    read_blob(self, &key, source.context.clone(), source.blob_key.clone()).await?;
                if hex::encode(digest) != source.expected {
                    return Err(ServiceError::Internal("document digest mismatch"));
                }
                let limits = media_limits(self);
                let cost = consigne_media::cost(&bytes, &limits).map_err(media_error)?;
                let _permit = self.media.take(cost).await?;
                let title = paper.name.clone();
                let pdf = tokio::task::spawn_blocking(move || {
                    consigne_media::watermarked(&bytes, &title, &watermark, "p.", &limits)
                })
                .await
                .map_err(|_| ServiceError::Internal("watermark task"))?
                .map_err(media_error)?;
                LinkContent {
                    file_name: format!("{}.pdf", paper.name),
                    content_type: consigne_media::Kind::Pdf.mime().to_owned(),
                    body: LinkBody::Made(pdf),
                }
            }
        };
        let actor = JournalActor {
            kind: LINK_ACTOR,
            account: None,
            name: None,
            structure: None,
        };
        self.tx(move |tx| {
            links::opened(tx, &row.id, now)?;
            journal(
                tx,
                now,
                Some(&row.beneficiary_id),
                &actor,
                "share_link_opened",
                Some((ItemKind::Document.as_str(), row.item_id.as_str())),
                true,
            )
        })
        .await?;
        Ok(content)
    }
}

/// Her live links, all documents, oldest first; only she sees this list (the export too).
pub(crate) async fn my_links(
    app: &App,
    session: &Session,
    bid: &crate::domain::BeneficiaryId,
) -> ServiceResult<Vec<ShareLinkView>> {
    let bid = own_safe(session, bid)?;
    let now = app.now();
    let rows = app
        .read(move |tx| Ok(links::of_beneficiary(tx, &bid, now)?))
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    let mut opened: Vec<(Opened, LinkedPaper)> = Vec::new();
    for r in &rows {
        if !opened.iter().any(|(o, _)| o.row.id == r.item_id) {
            match open_item(app, session, &r.item_id, Action::View, ItemKind::Document).await {
                Ok(o) => {
                    let (paper, _) = paper_by_key(app, &o.row, &o.key)?;
                    opened.push((o, paper));
                }
                // A document she cannot open (fail closed): its links are left out.
                Err(ServiceError::NotFound) => continue,
                Err(e) => return Err(e),
            }
        }
        if let Some((o, paper)) = opened.iter().find(|(o, _)| o.row.id == r.item_id) {
            out.push(app.link_view(session, r, o, paper, &[]));
        }
    }
    Ok(out)
}

fn open_details(app: &App, row: &LinkRow, key: &Key32) -> ServiceResult<Details> {
    let aad = ctx::link_details(&row.beneficiary_id, &row.id);
    let inner = app.platform.open(&aad, &row.details_sealed)?;
    let plain = consigne_vault::open(key, &aad, &inner)?;
    serde_json::from_slice(&plain).map_err(|_| ServiceError::Internal("link details"))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_exactly_32_bytes_of_base64url() {
        let token = [7u8; TOKEN_BYTES];
        let encoded = data_encoding::BASE64URL_NOPAD.encode(&token);
        assert_eq!(
            parse_token(&encoded).map(|t| t.to_vec()),
            Some(token.to_vec())
        );
        assert!(parse_token("team").is_none());
        assert!(parse_token(&format!("{encoded}x")).is_none());
    }

    #[test]
    fn pins_are_4_to_8_digits() {
        assert_eq!(parse_pin(Some("1234")).unwrap().as_deref(), Some("1234"));
        assert!(parse_pin(Some(" 1234")).is_err());
        assert_eq!(typed_pin(Some(" 12 34 ")).as_deref(), Some("1234"));
        assert_eq!(typed_pin(Some("  ")), None);
        assert_eq!(parse_pin(Some("")).unwrap(), None);
        assert_eq!(parse_pin(None).unwrap(), None);
        assert!(parse_pin(Some("123")).is_err());
        assert!(parse_pin(Some("123456789")).is_err());
        assert!(parse_pin(Some("12a4")).is_err());
    }

    #[test]
    fn expiry_is_one_hour_to_thirty_days() {
        assert!(expiry_minutes(59).is_err());
        assert!(expiry_minutes(60).is_ok());
        assert!(expiry_minutes(43_200).is_ok());
        assert!(expiry_minutes(43_201).is_err());
    }

    #[test]
    fn the_link_key_and_the_pin_pepper_come_from_the_token_alone() {
        let a = link_pair(&[1u8; TOKEN_BYTES]);
        assert_eq!(a.public(), link_pair(&[1u8; TOKEN_BYTES]).public());
        assert_ne!(a.public(), link_pair(&[2u8; TOKEN_BYTES]).public());
        assert_ne!(
            pin_secret(&[1u8; TOKEN_BYTES], "1234"),
            pin_secret(&[2u8; TOKEN_BYTES], "1234")
        );
    }
}
