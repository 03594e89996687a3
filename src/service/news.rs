//! Structure news: short information a structure posts to the people it follows (opening
//! hours, a workshop, a paper to bring), in one language and optionally others, to everyone
//! or to the people whose referent is a given professional. She reads it on her home page in
//! her language when the structure wrote one, else in the text's own.
//!
//! The hard part is who reads it. The text and its translations are sealed under the
//! structure's news key N_s, derived from its private key like the follow-up key (its members
//! list and remove posts; a key rotation re-seals them, `reseal_stale`), and to each person
//! of the audience, to her public key, at the time of posting: the operator, the other
//! structures and a person outside the audience read nothing, and nobody's session needs to
//! be open. Someone who joins later does not get older posts; someone who leaves the relais
//! stops seeing its posts at once (the read joins on her relais). Posts end (30 days unless
//! said, a year at most) and the housekeeping removes them with every copy.

use crate::domain::{AccountId, BeneficiaryId, InvalidInput, NewsId, StructureId};
use crate::i18n::SUPPORTED;
use crate::policy::{Action, Resource};
use crate::service::access::{allow, own_safe};
use crate::service::contexts as ctx;
use crate::service::features::{Feature, ensure_feature};
use crate::service::journal::{actor_of, journal_structure};
use crate::service::{App, NamedRef, ServiceError, ServiceResult, Session};
use crate::store::news::{self as store, NewsRow};
use crate::store::{Sql, structures};
use consigne_vault::{Key32, PlatformKey, PublicKey};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The longest text, in characters, of the post or of one translation.
pub const MAX_TEXT: usize = 1_000;
/// How long a post is shown unless its author says.
pub const DEFAULT_DAYS: i64 = 30;
/// The longest a post may be shown.
pub const MAX_DAYS: i64 = 365;
/// How many posts her home page and the structure's page show.
const SHOWN: usize = 20;

/// A post as its author writes it (`API.md`, "Keeping in touch").
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewsInput {
    pub text: String,
    /// The same post in other interface languages: language code → text.
    #[serde(default)]
    pub translations: Option<BTreeMap<String, String>>,
    #[serde(default)]
    pub audience: Option<Audience>,
    /// How many days it is shown (1 to 365; 30 when absent).
    #[serde(default)]
    pub days: Option<i64>,
}

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Audience {
    /// Only the people whose referent (case file) is this member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referent_id: Option<String>,
}

/// A post as the structure's members read it.
#[derive(Debug, Clone, Serialize)]
pub struct NewsView {
    pub id: NewsId,
    pub structure_id: StructureId,
    pub author: NamedRef<AccountId>,
    pub text: String,
    pub translations: BTreeMap<String, String>,
    pub audience: Audience,
    /// How many people it was posted to.
    pub reached: i64,
    pub created_at: String,
    pub ends_at: String,
}

/// A post as she reads it: in her language when the structure wrote one.
#[derive(Debug, Clone, Serialize)]
pub struct HerNewsView {
    pub id: NewsId,
    pub structure: NamedRef<StructureId>,
    pub text: String,
    /// The language of `text` when it is a translation; `None`: the post's own text.
    pub language: Option<String>,
    pub created_at: String,
}

/// What is sealed: the text and its translations.
#[derive(Serialize, Deserialize, Default)]
struct Texts {
    text: String,
    #[serde(default)]
    translations: BTreeMap<String, String>,
}

impl Texts {
    /// The text in `lang` when there is one, else the post's own.
    fn in_language(self, lang: &str) -> (String, Option<String>) {
        let Texts {
            text,
            mut translations,
        } = self;
        match translations.remove(lang) {
            Some(t) => (t, Some(lang.to_owned())),
            None => (text, None),
        }
    }
}

fn news_key(secret: &Key32, sid: &StructureId) -> Key32 {
    consigne_vault::derive_key(secret.as_bytes(), &ctx::news_key(sid))
}

fn seal_structure(
    platform: &PlatformKey,
    secret: &Key32,
    sid: &StructureId,
    id: &NewsId,
    json: &[u8],
) -> Vec<u8> {
    let aad = ctx::news_structure(sid, id);
    platform.seal(
        &aad,
        &consigne_vault::seal(&news_key(secret, sid), &aad, json),
    )
}

/// Opens a post's texts with whichever of `secrets` sealed them (newest first).
fn open_structure(
    platform: &PlatformKey,
    secrets: &[Key32],
    sid: &StructureId,
    id: &NewsId,
    sealed: &[u8],
) -> Option<Texts> {
    let aad = ctx::news_structure(sid, id);
    let inner = platform.open(&aad, sealed).ok()?;
    let json = secrets.iter().find_map(|s| {
        consigne_vault::open(&news_key(s, sid), &aad, &inner)
            .ok()
            .map(zeroize::Zeroizing::new)
    })?;
    serde_json::from_slice(&json).ok()
}

/// A key rotation's batch: each post of `sid` sealed again with the newest of `secrets`; one
/// no version opens is marked as moved and said in the log. Returns how many moved.
pub(super) fn reseal_stale(
    platform: &PlatformKey,
    tx: &mut dyn Sql,
    (sid, secrets, version): (&StructureId, &[Key32], i64),
    stale: &[(NewsId, Vec<u8>)],
) -> ServiceResult<usize> {
    let Some(newest) = secrets.first() else {
        return Ok(0);
    };
    for (id, sealed) in stale {
        let new = open_structure(platform, secrets, sid, id, sealed).map(|t| {
            let json = zeroize::Zeroizing::new(serde_json::to_vec(&t).unwrap_or_default());
            seal_structure(platform, newest, sid, id, &json)
        });
        if new.is_none() {
            tracing::warn!(structure = %sid, "a news post no structure key version opens was left as it was");
        }
        store::reseal(tx, id, sealed, new.as_deref(), version)?;
    }
    Ok(stale.len())
}

/// One text: trimmed, line breaks kept, other control characters refused, at most
/// `MAX_TEXT` characters; blank is none.
fn text(field: &'static str, raw: &str) -> Result<Option<String>, InvalidInput> {
    let t = raw.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if t.chars().count() > MAX_TEXT {
        return Err(InvalidInput::new(field, "too_long"));
    }
    if t.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        return Err(InvalidInput::new(field, "invalid"));
    }
    Ok(Some(t.replace("\r\n", "\n")))
}

/// The post's texts, checked: a text, translations only in interface languages.
fn texts(input: &NewsInput) -> Result<Texts, InvalidInput> {
    let own = text("text", &input.text)?.ok_or_else(|| InvalidInput::new("text", "required"))?;
    let mut translations = BTreeMap::new();
    for (lang, raw) in input.translations.iter().flatten() {
        if !SUPPORTED.contains(&lang.as_str()) {
            return Err(InvalidInput::new("translations", "unknown_language"));
        }
        if let Some(t) = text("translations", raw)? {
            translations.insert(lang.clone(), t);
        }
    }
    Ok(Texts {
        text: own,
        translations,
    })
}

fn days(input: &NewsInput) -> Result<i64, InvalidInput> {
    match input.days {
        None => Ok(DEFAULT_DAYS),
        Some(d) if (1..=MAX_DAYS).contains(&d) => Ok(d),
        Some(_) => Err(InvalidInput::new("days", "out_of_range")),
    }
}

/// The structure's key versions the session holds for posting or reading its news.
fn structure_side(session: &Session, sid: &StructureId) -> ServiceResult<Vec<Key32>> {
    allow(session, Action::PostNews, Resource::Structure { id: sid })?;
    let secrets = App::structure_secrets(session, sid);
    if secrets.is_empty() {
        return Err(ServiceError::AccessPending);
    }
    Ok(secrets)
}

fn view(row: NewsRow, texts: Texts, reached: i64) -> NewsView {
    NewsView {
        id: row.id,
        structure_id: row.structure_id,
        author: NamedRef {
            id: row.author_account,
            name: row.author_name,
        },
        text: texts.text,
        translations: texts.translations,
        audience: Audience {
            referent_id: row.audience_referent.map(AccountId::into_string),
        },
        reached,
        created_at: crate::clock::rfc3339(row.created_at),
        ends_at: crate::clock::rfc3339(row.ends_at),
    }
}

/// Posts `input` to the people `sid` follows (or those of one referent), written by the
/// session's member. The audience is read, each copy sealed outside any transaction, then
/// the post and its copies are written in one.
pub async fn post_news(
    app: &App,
    session: &Session,
    sid: &StructureId,
    input: NewsInput,
) -> ServiceResult<NewsView> {
    let texts = texts(&input)?;
    let days = days(&input)?;
    let secrets = structure_side(session, sid)?;
    ensure_feature(app, Feature::News, sid).await?;
    let referent = match input
        .audience
        .as_ref()
        .and_then(|a| a.referent_id.as_deref())
    {
        None | Some("") => None,
        Some(raw) => {
            Some(AccountId::parse(raw).map_err(|_| InvalidInput::new("audience", "invalid"))?)
        }
    };
    let (s2, r2) = (sid.clone(), referent.clone());
    let audience = app
        .read(move |tx| {
            if let Some(r) = &r2 {
                // A referent is one of the structure's members.
                if structures::member(tx, &s2, r)?.is_none() {
                    return Err(InvalidInput::new("audience", "invalid").into());
                }
            }
            Ok(store::audience(tx, &s2, r2.as_ref())?)
        })
        .await?;
    let id = NewsId::generate();
    let now = app.now();
    let secret = secrets.first().ok_or(ServiceError::AccessPending)?.clone();
    let json = zeroize::Zeroizing::new(serde_json::to_vec(&texts).unwrap_or_default());
    let (app2, sid2, id2) = (app.clone(), sid.clone(), id.clone());
    // One X25519 sealing per person: on the blocking pool.
    let (structure_sealed, copies) = tokio::task::spawn_blocking(move || {
        let copies: Vec<(BeneficiaryId, Vec<u8>)> = audience
            .into_iter()
            .filter_map(|(bid, public)| {
                let public = PublicKey::from_slice(&public).ok()?;
                let aad = ctx::news_recipient(&bid, &id2);
                let sealed = app2
                    .platform
                    .seal(&aad, &consigne_vault::seal_to(&public, &aad, &json));
                Some((bid, sealed))
            })
            .collect();
        (
            seal_structure(&app2.platform, &secret, &sid2, &id2, &json),
            copies,
        )
    })
    .await
    .map_err(|_| ServiceError::Internal("seal task"))?;
    let row = NewsRow {
        id,
        structure_id: sid.clone(),
        author_account: session.account_id.clone(),
        author_name: session.keys.display_name.clone(),
        audience_referent: referent,
        structure_sealed,
        created_at: now,
        ends_at: now + days * 86_400,
    };
    let reached = copies.len() as i64;
    let actor = actor_of(session, Some(sid));
    let written = row.clone();
    app.tx(move |tx| {
        store::insert(tx, &written, &copies)?;
        journal_structure(tx, now, &actor, "news_posted", None)?;
        Ok(())
    })
    .await?;
    Ok(view(row, texts, reached))
}

/// The structure's posts still shown, newest first (its members).
pub async fn news_of(
    app: &App,
    session: &Session,
    sid: &StructureId,
) -> ServiceResult<Vec<NewsView>> {
    let secrets = structure_side(session, sid)?;
    let (s2, now) = (sid.clone(), app.now());
    let rows = app
        .read(move |tx| Ok(store::of_structure(tx, &s2, now, SHOWN)?))
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(row, reached)| {
            let texts =
                open_structure(&app.platform, &secrets, sid, &row.id, &row.structure_sealed)?;
            Some(view(row, texts, reached))
        })
        .collect())
}

/// Removes a post of the structure, with every copy (its members).
pub async fn delete_news(
    app: &App,
    session: &Session,
    sid: &StructureId,
    id: &NewsId,
) -> ServiceResult<()> {
    allow(session, Action::PostNews, Resource::Structure { id: sid })?;
    let (s2, id2, now) = (sid.clone(), id.clone(), app.now());
    let actor = actor_of(session, Some(sid));
    app.tx(move |tx| {
        if store::delete(tx, &s2, &id2)? == 0 {
            return Err(ServiceError::NotFound);
        }
        journal_structure(tx, now, &actor, "news_deleted", None)?;
        Ok(())
    })
    .await
}

/// The posts of her relais for her, newest first, each in `lang` when it was written in it.
pub async fn her_news(
    app: &App,
    session: &Session,
    bid: &BeneficiaryId,
    lang: &str,
) -> ServiceResult<Vec<HerNewsView>> {
    let bid = own_safe(session, bid)?;
    let now = app.now();
    let b2 = bid.clone();
    let rows = app
        .read(move |tx| Ok(store::for_person(tx, &b2, now, SHOWN)?))
        .await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let (app2, session2, lang) = (app.clone(), session.clone(), lang.to_owned());
    // One X25519 opening per post: on the blocking pool.
    tokio::task::spawn_blocking(move || {
        let pair = session2.keys.keypair();
        rows.into_iter()
            .filter_map(|(row, sealed, structure_name)| {
                let aad = ctx::news_recipient(&bid, &row.id);
                let inner = app2.platform.open(&aad, &sealed).ok()?;
                let json = consigne_vault::open_sealed(&pair, &aad, &inner).ok()?;
                let texts: Texts = serde_json::from_slice(&json).ok()?;
                let (text, language) = texts.in_language(&lang);
                Some(HerNewsView {
                    id: row.id,
                    structure: NamedRef {
                        id: row.structure_id,
                        name: structure_name,
                    },
                    text,
                    language,
                    created_at: crate::clock::rfc3339(row.created_at),
                })
            })
            .collect()
    })
    .await
    .map_err(|_| ServiceError::Internal("open task"))
}

/// She hides a post from her home page (404 when it was not sent to her).
pub async fn dismiss_news(
    app: &App,
    session: &Session,
    bid: &BeneficiaryId,
    id: &NewsId,
) -> ServiceResult<()> {
    let bid = own_safe(session, bid)?;
    let (id, now) = (id.clone(), app.now());
    app.tx(move |tx| {
        if store::dismiss(tx, &bid, &id, now)? == 0 {
            return Err(ServiceError::NotFound);
        }
        Ok(())
    })
    .await
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn input(text: &str) -> NewsInput {
        NewsInput {
            text: text.into(),
            ..NewsInput::default()
        }
    }

    #[test]
    fn texts_are_checked() {
        assert!(texts(&input("  ")).is_err());
        assert!(texts(&input(&"a".repeat(MAX_TEXT + 1))).is_err());
        assert!(texts(&input("bell \u{7}")).is_err());
        assert_eq!(
            texts(&input(" Ouvert \r\n lundi ")).unwrap().text,
            "Ouvert \n lundi"
        );
        let mut i = input("Ouvert");
        i.translations = Some([("xx".to_owned(), "t".to_owned())].into());
        assert!(texts(&i).is_err());
        i.translations = Some(
            [
                ("ar".to_owned(), "مفتوح".to_owned()),
                ("en".to_owned(), " ".to_owned()),
            ]
            .into(),
        );
        let t = texts(&i).unwrap();
        assert_eq!(t.translations.len(), 1);
        let (text, lang) = t.in_language("ar");
        assert_eq!((text.as_str(), lang.as_deref()), ("مفتوح", Some("ar")));
    }

    #[test]
    fn days_default_and_bounds() {
        let mut i = input("x");
        assert_eq!(days(&i).unwrap(), DEFAULT_DAYS);
        for bad in [0, -1, MAX_DAYS + 1] {
            i.days = Some(bad);
            assert!(days(&i).is_err());
        }
        i.days = Some(MAX_DAYS);
        assert_eq!(days(&i).unwrap(), MAX_DAYS);
    }

    #[test]
    fn the_texts_open_with_the_structure_key_only() {
        let platform = PlatformKey::generate();
        let (sid, id) = (StructureId::generate(), NewsId::generate());
        let (k1, k2) = (Key32::random(), Key32::random());
        let sealed = seal_structure(&platform, &k1, &sid, &id, br#"{"text":"Atelier"}"#);
        assert!(open_structure(&platform, std::slice::from_ref(&k2), &sid, &id, &sealed).is_none());
        let t = open_structure(&platform, &[k2, k1], &sid, &id, &sealed).unwrap();
        assert_eq!(t.text, "Atelier");
        assert!(
            open_structure(
                &platform,
                &[Key32::random()],
                &sid,
                &NewsId::generate(),
                &sealed
            )
            .is_none()
        );
    }
}
