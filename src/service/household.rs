//! A household (issue 14, item 3): the safes of a family linked with each person's consent,
//! the dependants without a safe she records, and the family file a professional sees.
//!
//! - **A link needs both people.** One asks from her safe (by the other's identifier; the answer
//!   never says whether a safe exists), or a professional of a structure that follows both
//!   proposes it; the link exists only once each person accepted it in her own session. Either
//!   deletes it at any time (to decline or undo). Each step is a line in both journals.
//! - **A minor with her own safe** is linked like an adult: the parent asks, the child accepts in
//!   her own session. Her safe is hers; nobody, parent or professional, links it for her.
//! - **A link never widens access.** A professional's family file shows a linked member only if
//!   that member's safe has the professional's structure as relais (what she already shares
//!   with it), and only the dependants each shares with that structure.
//! - **Dependants** are recorded by the person in her safe: first name, birth date and relation,
//!   sealed under a key derived from her identity key (the key her relais already hold for her
//!   name), then by the platform key. She chooses, per dependant, which of her relais is shown it.
//! - Names: each side of a link sees the other's name sealed to her own public key (the asker
//!   sees the identifier she typed until the other accepts). The relation (a code) and the link
//!   itself are clear metadata (docs/threat-model.md).

use crate::domain::{BeneficiaryId, BirthDate, PersonName, StructureId, TypedIdentifier};
use crate::policy::{Action, Resource};
use crate::service::access::{allow, allow_on_safe, own_safe};
use crate::service::auth::identity::{IdentityRecord, relay_identity_key};
use crate::service::auth::login::account_by_indexes;
use crate::service::beneficiaries::identity_of;
use crate::service::contexts as ctx;
use crate::service::journal::{JournalActor, journal, staff_actor};
use crate::service::{App, ServiceError, ServiceResult, Session, new_id, parse_id};
use crate::store::household::{self, DependantRow, LinkRow};
use crate::store::{Sql, accounts, beneficiaries};
use consigne_vault::{Key32, PublicKey};
use serde::{Deserialize, Serialize};

/// What one member of a household is to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    Partner,
    Child,
    Parent,
    Sibling,
    Other,
}

impl Relation {
    pub const ALL: [Relation; 5] = [
        Self::Partner,
        Self::Child,
        Self::Parent,
        Self::Sibling,
        Self::Other,
    ];

    pub fn parse(raw: &str) -> Result<Self, crate::domain::InvalidInput> {
        Self::ALL
            .into_iter()
            .find(|r| r.as_str() == raw)
            .ok_or(crate::domain::InvalidInput::new(
                "relation",
                "invalid_relation",
            ))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Partner => "partner",
            Self::Child => "child",
            Self::Parent => "parent",
            Self::Sibling => "sibling",
            Self::Other => "other",
        }
    }

    /// What the other side is, seen from this one (my child sees me as her parent).
    pub fn inverse(self) -> Self {
        match self {
            Self::Child => Self::Parent,
            Self::Parent => Self::Child,
            r => r,
        }
    }
}

/// Where a link stands, seen by one of its two people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkState {
    /// Both accepted.
    Linked,
    /// Waiting for her acceptance.
    WaitingForMe,
    /// She accepted; waiting for the other.
    WaitingForThem,
}

/// A link of her household, as she sees it.
#[derive(Debug, Clone, Serialize)]
pub struct LinkView {
    pub id: String,
    /// What the other person is to her.
    pub relation: Relation,
    /// The other's name (or the identifier she typed, until the other accepts).
    pub name: String,
    pub state: LinkState,
    /// The structure whose professional proposed it, if one did.
    pub proposed_by: Option<StructureId>,
}

/// A dependant she recorded.
#[derive(Debug, Clone, Serialize)]
pub struct DependantView {
    pub id: String,
    pub first_name: String,
    /// `YYYY-MM-DD`
    pub birth_date: String,
    /// What the dependant is to her.
    pub relation: Relation,
    /// The relais she shows it to.
    pub shared_with: Vec<StructureId>,
}

/// Her household, on her "My family" page.
#[derive(Debug, Clone, Serialize)]
pub struct Household {
    pub links: Vec<LinkView>,
    pub dependants: Vec<DependantView>,
}

/// A dependant to record.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct NewDependant {
    #[serde(default)]
    pub first_name: String,
    #[serde(default)]
    pub birth_date: String,
    #[serde(default)]
    pub relation: String,
}

/// A linked member a professional may see (her safe has the structure as relais).
#[derive(Debug, Clone, Serialize)]
pub struct FamilyMember {
    pub id: BeneficiaryId,
    pub first_name: String,
    pub last_name: String,
    pub birth_date: String,
    /// What she is to the person whose family file it is.
    pub relation: Relation,
}

/// A dependant shown to the structure by the member who recorded it.
#[derive(Debug, Clone, Serialize)]
pub struct FamilyDependant {
    pub first_name: String,
    pub birth_date: String,
    /// What the dependant is to `of`.
    pub relation: Relation,
    /// The person who recorded it.
    pub of: BeneficiaryId,
}

/// A person's family file, as a professional of `structure` sees it.
#[derive(Debug, Clone, Serialize)]
pub struct FamilyView {
    pub structure: StructureId,
    pub person: BeneficiaryId,
    pub first_name: String,
    pub last_name: String,
    pub members: Vec<FamilyMember>,
    pub dependants: Vec<FamilyDependant>,
}

/// What a dependant's sealed record holds.
#[derive(Serialize, Deserialize)]
struct DependantRecord {
    first_name: String,
    birth_date: String,
    relation: String,
}

fn full_name(identity: &IdentityRecord) -> String {
    format!("{} {}", identity.first_name, identity.last_name)
}

fn parse_relation(raw: &str) -> ServiceResult<Relation> {
    Ok(Relation::parse(raw)?)
}

/// `name` sealed to the account public key of safe `to`'s owner, for link `link`.
fn seal_name(
    app: &App,
    tx: &mut dyn Sql,
    link: &str,
    to: &BeneficiaryId,
    name: &str,
) -> ServiceResult<Vec<u8>> {
    let row = beneficiaries::by_id(tx, to)?.ok_or(ServiceError::NotFound)?;
    let account = accounts::by_id(tx, &row.account_id)?.ok_or(ServiceError::NotFound)?;
    let public = PublicKey::from_slice(&account.public_key)?;
    let aad = ctx::household_name(link, to);
    Ok(app.platform.seal(
        &aad,
        &consigne_vault::seal_to(&public, &aad, name.as_bytes()),
    ))
}

fn open_name(
    app: &App,
    session: &Session,
    link: &str,
    me: &BeneficiaryId,
    sealed: &[u8],
) -> String {
    let aad = ctx::household_name(link, me);
    app.platform
        .open(&aad, sealed)
        .ok()
        .and_then(|inner| consigne_vault::open_sealed(&session.keys.keypair(), &aad, &inner).ok())
        .and_then(|name| String::from_utf8(name.to_vec()).ok())
        .unwrap_or_default()
}

fn dependant_key(ik: &Key32, bid: &BeneficiaryId) -> Key32 {
    consigne_vault::derive_key(ik.as_bytes(), &ctx::household_dependant_key(bid))
}

fn open_dependant(app: &App, ik: &Key32, row: &DependantRow) -> Option<DependantRecord> {
    let aad = ctx::household_dependant(&row.beneficiary_id, &row.id);
    let inner = app.platform.open(&aad, &row.sealed).ok()?;
    let json = consigne_vault::open(&dependant_key(ik, &row.beneficiary_id), &aad, &inner).ok()?;
    serde_json::from_slice(&json).ok()
}

/// Her side and the other side of a link.
fn sides<'a>(l: &'a LinkRow, me: &BeneficiaryId) -> Option<(bool, &'a BeneficiaryId)> {
    if &l.a_id == me {
        Some((true, &l.b_id))
    } else if &l.b_id == me {
        Some((false, &l.a_id))
    } else {
        None
    }
}

/// What the other side of `l` is to `me`.
fn relation_seen_by(l: &LinkRow, me: &BeneficiaryId) -> Relation {
    let r = Relation::parse(&l.relation).unwrap_or(Relation::Other);
    if &l.a_id == me { r } else { r.inverse() }
}

/// One journal line in each of the two safes of a link.
fn journal_both(
    tx: &mut dyn Sql,
    now: i64,
    (x, y): (&BeneficiaryId, &BeneficiaryId),
    actor: &JournalActor,
    action: &str,
    link: &str,
) -> ServiceResult<()> {
    for safe in [x, y] {
        journal(
            tx,
            now,
            Some(safe),
            actor,
            action,
            Some(("household_link", link)),
            true,
        )?;
    }
    Ok(())
}

fn today(app: &App) -> time::Date {
    time::OffsetDateTime::from_unix_timestamp(app.now())
        .map(|t| t.date())
        .unwrap_or(time::Date::MIN)
}

/// What her steps on one of her links or dependants start from: her safe (`bid` must be
/// hers), the id `id` of the link or dependant, her journal actor, and now.
fn her_step(
    app: &App,
    session: &Session,
    bid: &BeneficiaryId,
    id: &str,
) -> ServiceResult<(BeneficiaryId, String, JournalActor, i64)> {
    Ok((
        own_safe(session, bid)?,
        parse_id(id)?,
        JournalActor::beneficiary(&session.account_id),
        app.now(),
    ))
}

/// The other person on her link `lid` (not found unless the link is hers).
fn other_on_link(tx: &mut dyn Sql, bid: &BeneficiaryId, lid: &str) -> ServiceResult<BeneficiaryId> {
    let link = household::links_of(tx, bid)?
        .into_iter()
        .find(|l| l.id == lid)
        .ok_or(ServiceError::NotFound)?;
    let (_, other) = sides(&link, bid).ok_or(ServiceError::NotFound)?;
    Ok(other.clone())
}

/// Her identity key (the key her dependants' records are derived from).
fn identity_key(session: &Session) -> ServiceResult<Key32> {
    session.keys.identity.clone().ok_or(ServiceError::NotFound)
}

impl App {
    /// Her household: her links (and requests) and her dependants.
    pub async fn household(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
    ) -> ServiceResult<Household> {
        let bid = own_safe(session, bid)?;
        let ik = identity_key(session)?;
        let b2 = bid.clone();
        let (links, dependants) = self
            .read(move |tx| {
                Ok((
                    household::links_of(tx, &b2)?,
                    household::dependants_of(tx, &b2)?,
                ))
            })
            .await?;
        let links = links
            .iter()
            .filter_map(|l| {
                let (is_a, _) = sides(l, &bid)?;
                let (mine, theirs, sealed) = if is_a {
                    (l.a_accepted_at, l.b_accepted_at, &l.name_for_a)
                } else {
                    (l.b_accepted_at, l.a_accepted_at, &l.name_for_b)
                };
                let state = match (mine, theirs) {
                    (Some(_), Some(_)) => LinkState::Linked,
                    (None, _) => LinkState::WaitingForMe,
                    (Some(_), None) => LinkState::WaitingForThem,
                };
                Some(LinkView {
                    id: l.id.clone(),
                    relation: relation_seen_by(l, &bid),
                    name: open_name(self, session, &l.id, &bid, sealed),
                    state,
                    proposed_by: l.proposed_by.clone(),
                })
            })
            .collect();
        let dependants = dependants
            .iter()
            .filter_map(|d| {
                let rec = open_dependant(self, &ik, d)?;
                Some(DependantView {
                    id: d.id.clone(),
                    first_name: rec.first_name,
                    birth_date: rec.birth_date,
                    relation: Relation::parse(&rec.relation).unwrap_or(Relation::Other),
                    shared_with: d.shared_with.clone(),
                })
            })
            .collect();
        Ok(Household { links, dependants })
    }

    /// She asks the person with `identifier` to link their safes. Always succeeds for a valid
    /// identifier shape, whether or not a safe exists (nor whether a link already does): the
    /// other sees the request in her family page and accepts it, or not.
    pub async fn ask_household_link(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
        identifier: &str,
        relation: &str,
    ) -> ServiceResult<()> {
        let bid = own_safe(session, bid)?;
        let relation = parse_relation(relation)?;
        let typed = TypedIdentifier::parse(identifier).ok_or(crate::domain::InvalidInput::new(
            "identifier",
            "invalid_identifier",
        ))?;
        let indexes: Vec<Vec<u8>> = typed
            .readings()
            .iter()
            .map(|i| self.blind("login", i.as_str()))
            .collect();
        let (me, _, _) = identity_of(self, session, &bid).await?;
        let (my_name, typed_name) = (full_name(&me), identifier.trim().to_owned());
        let actor = JournalActor::beneficiary(&session.account_id);
        let (app, now) = (self.clone(), self.now());
        self.tx(move |tx| {
            tx.lock("household")?;
            let Some(account) = account_by_indexes(tx, &indexes)? else {
                return Ok(());
            };
            let Some(other) = beneficiaries::by_account(tx, &account.id)? else {
                return Ok(());
            };
            if other.id == bid || household::link_between(tx, &bid, &other.id)?.is_some() {
                return Ok(());
            }
            let id = new_id();
            let row = LinkRow {
                name_for_a: seal_name(&app, tx, &id, &bid, &typed_name)?,
                name_for_b: seal_name(&app, tx, &id, &other.id, &my_name)?,
                id,
                a_id: bid.clone(),
                b_id: other.id.clone(),
                relation: relation.as_str().into(),
                a_accepted_at: Some(now),
                b_accepted_at: None,
                proposed_by: None,
                created_at: now,
            };
            household::insert_link(tx, &row)?;
            journal_both(
                tx,
                now,
                (&bid, &other.id),
                &actor,
                "household_link_asked",
                &row.id,
            )
        })
        .await
    }

    /// She accepts link `lid` (asked by the other, or proposed by a professional).
    pub async fn accept_household_link(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
        lid: &str,
    ) -> ServiceResult<()> {
        let (bid, lid, actor, now) = her_step(self, session, bid, lid)?;
        let (me, _, _) = identity_of(self, session, &bid).await?;
        let my_name = full_name(&me);
        let app = self.clone();
        self.tx(move |tx| {
            tx.lock("household")?;
            let other = other_on_link(tx, &bid, &lid)?;
            let sealed = seal_name(&app, tx, &lid, &other, &my_name)?;
            if household::accept(tx, &lid, &bid, &sealed, now)? == 0 {
                return Err(ServiceError::Conflict("already_accepted"));
            }
            journal_both(
                tx,
                now,
                (&bid, &other),
                &actor,
                "household_link_accepted",
                &lid,
            )
        })
        .await
    }

    /// She declines or undoes link `lid`: it is gone for both.
    pub async fn undo_household_link(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
        lid: &str,
    ) -> ServiceResult<()> {
        let (bid, lid, actor, now) = her_step(self, session, bid, lid)?;
        self.tx(move |tx| {
            let other = other_on_link(tx, &bid, &lid)?;
            household::delete_link(tx, &lid)?;
            journal_both(
                tx,
                now,
                (&bid, &other),
                &actor,
                "household_link_removed",
                &lid,
            )
        })
        .await
    }

    /// She records a dependant who has no safe.
    pub async fn add_dependant(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
        input: &NewDependant,
    ) -> ServiceResult<DependantView> {
        let bid = own_safe(session, bid)?;
        let ik = identity_key(session)?;
        let first = PersonName::parse("first_name", &input.first_name)?;
        let birth = BirthDate::parse(&input.birth_date, today(self))?;
        let relation = parse_relation(&input.relation)?;
        let id = new_id();
        let record = DependantRecord {
            first_name: first.as_str().to_owned(),
            birth_date: birth.iso(),
            relation: relation.as_str().into(),
        };
        let json = zeroize::Zeroizing::new(serde_json::to_vec(&record).unwrap_or_default());
        let aad = ctx::household_dependant(&bid, &id);
        let sealed = self.platform.seal(
            &aad,
            &consigne_vault::seal(&dependant_key(&ik, &bid), &aad, &json),
        );
        let now = self.now();
        let row = DependantRow {
            id: id.clone(),
            beneficiary_id: bid.clone(),
            sealed,
            created_at: now,
            shared_with: Vec::new(),
        };
        let actor = JournalActor::beneficiary(&session.account_id);
        self.tx(move |tx| {
            household::insert_dependant(tx, &row)?;
            journal(
                tx,
                now,
                Some(&row.beneficiary_id),
                &actor,
                "dependant_added",
                Some(("dependant", &row.id)),
                true,
            )
        })
        .await?;
        Ok(DependantView {
            id,
            first_name: record.first_name,
            birth_date: record.birth_date,
            relation,
            shared_with: Vec::new(),
        })
    }

    /// She deletes one of her dependants.
    pub async fn delete_dependant(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
        did: &str,
    ) -> ServiceResult<()> {
        let (bid, did, actor, now) = her_step(self, session, bid, did)?;
        self.tx(move |tx| {
            if household::delete_dependant(tx, &bid, &did)? == 0 {
                return Err(ServiceError::NotFound);
            }
            journal(
                tx,
                now,
                Some(&bid),
                &actor,
                "dependant_deleted",
                Some(("dependant", &did)),
                true,
            )
        })
        .await
    }

    /// She shows one of her dependants to one of her relais (`share`), or no longer.
    pub async fn share_dependant(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
        did: &str,
        sid: &StructureId,
        share: bool,
    ) -> ServiceResult<()> {
        let (bid, did, actor, now) = her_step(self, session, bid, did)?;
        let sid = sid.clone();
        self.tx(move |tx| {
            if !household::dependants_of(tx, &bid)?
                .iter()
                .any(|d| d.id == did)
            {
                return Err(ServiceError::NotFound);
            }
            if beneficiaries::relay(tx, &bid, &sid)?.is_none() {
                return Err(ServiceError::NotFound);
            }
            let changed = if share {
                household::share_dependant(tx, &did, &sid, now)?
            } else {
                household::unshare_dependant(tx, &did, &sid)?
            };
            if changed == 0 {
                return Ok(());
            }
            let action = if share {
                "dependant_shown"
            } else {
                "dependant_hidden"
            };
            crate::service::journal::journal_about_relay(
                tx,
                (now, &bid),
                &actor,
                action,
                ("dependant", &did),
                &sid,
            )
        })
        .await
    }

    /// The structure through which a professional sees `bid`'s family file: `sid` if given,
    /// else the first of her relais whose key the professional holds.
    async fn family_structure(
        &self,
        session: &Session,
        sid: Option<&StructureId>,
        bid: &BeneficiaryId,
    ) -> ServiceResult<(StructureId, Vec<beneficiaries::RelayRow>)> {
        let b2 = bid.clone();
        let relays = self
            .read(move |tx| Ok(beneficiaries::relays_of(tx, &b2)?))
            .await?;
        allow_on_safe(session, Action::Household, bid, &relays)?;
        let via = match sid {
            Some(sid) => {
                allow(
                    session,
                    Action::ListFollowed,
                    Resource::Structure { id: sid },
                )?;
                relays.iter().find(|r| &r.structure_id == sid)
            }
            None => relays
                .iter()
                .find(|r| session.keys.structure_key(&r.structure_id).is_some()),
        }
        .ok_or(ServiceError::NotFound)?;
        if session.keys.structure_key(&via.structure_id).is_none() {
            return Err(ServiceError::AccessPending);
        }
        Ok((via.structure_id.clone(), relays))
    }

    /// `bid`'s family file for a professional: the linked members whose safe has the
    /// structure as relais, and the dependants each shares with it. Journaled in the safe of
    /// each person it shows.
    pub async fn family_view(
        &self,
        session: &Session,
        sid: Option<&StructureId>,
        bid: &BeneficiaryId,
    ) -> ServiceResult<FamilyView> {
        let (sid, _) = self.family_structure(session, sid, bid).await?;
        let (b2, s2) = (bid.clone(), sid.clone());
        // (person, relation to her, identity wrap for the structure, dependants shared with it)
        type Seen = (
            BeneficiaryId,
            Option<Relation>,
            Vec<u8>,
            Vec<u8>,
            Vec<DependantRow>,
        );
        let seen: Vec<Seen> = self
            .read(move |tx| {
                let mut people = vec![(b2.clone(), None)];
                for l in household::links_of(tx, &b2)? {
                    if let (Some(_), Some(_), Some((_, other))) =
                        (l.a_accepted_at, l.b_accepted_at, sides(&l, &b2))
                    {
                        people.push((other.clone(), Some(relation_seen_by(&l, &b2))));
                    }
                }
                let mut out = Vec::new();
                for (p, relation) in people {
                    // A link never widens access: only members who have the structure as relais.
                    let Some(relay) = beneficiaries::relay(tx, &p, &s2)? else {
                        continue;
                    };
                    let Some(row) = beneficiaries::by_id(tx, &p)? else {
                        continue;
                    };
                    let dependants = household::dependants_of(tx, &p)?
                        .into_iter()
                        .filter(|d| d.shared_with.contains(&s2))
                        .collect();
                    out.push((
                        p,
                        relation,
                        relay.identity_wrap,
                        row.identity_sealed,
                        dependants,
                    ));
                }
                Ok(out)
            })
            .await?;
        let mut view = FamilyView {
            structure: sid.clone(),
            person: bid.clone(),
            first_name: String::new(),
            last_name: String::new(),
            members: Vec::new(),
            dependants: Vec::new(),
        };
        let mut shown = Vec::new();
        for (p, relation, wrap, sealed, dependants) in seen {
            let Ok(ik) = relay_identity_key(self, &wrap, &session.keys, &p, &sid) else {
                continue;
            };
            let Ok(identity) = IdentityRecord::open(self, &ik, &p, &sealed) else {
                continue;
            };
            match relation {
                None => {
                    view.first_name = identity.first_name;
                    view.last_name = identity.last_name;
                }
                Some(relation) => view.members.push(FamilyMember {
                    id: p.clone(),
                    first_name: identity.first_name,
                    last_name: identity.last_name,
                    birth_date: identity.birth_date,
                    relation,
                }),
            }
            view.dependants.extend(dependants.iter().filter_map(|d| {
                let rec = open_dependant(self, &ik, d)?;
                Some(FamilyDependant {
                    first_name: rec.first_name,
                    birth_date: rec.birth_date,
                    relation: Relation::parse(&rec.relation).unwrap_or(Relation::Other),
                    of: p.clone(),
                })
            }));
            shown.push(p);
        }
        let actor = staff_actor(session, &sid);
        let now = self.now();
        self.tx(move |tx| {
            for p in &shown {
                journal(
                    tx,
                    now,
                    Some(p),
                    &actor,
                    "household_viewed",
                    Some(("structure", sid.as_str())),
                    true,
                )?;
            }
            Ok(())
        })
        .await?;
        Ok(view)
    }

    /// A professional of a structure that follows both `bid` and `member` proposes to link
    /// their safes (`relation`: what `member` is to `bid`). Nothing is linked until each
    /// accepts in her own session. Returns the link's id.
    pub async fn propose_household_link(
        &self,
        session: &Session,
        sid: Option<&StructureId>,
        bid: &BeneficiaryId,
        member: &BeneficiaryId,
        relation: &str,
    ) -> ServiceResult<String> {
        let relation = parse_relation(relation)?;
        let (sid, _) = self.family_structure(session, sid, bid).await?;
        let (other_sid, _) = self.family_structure(session, Some(&sid), member).await?;
        if bid == member || other_sid != sid {
            return Err(ServiceError::NotFound);
        }
        let (first, _, _) = identity_of(self, session, bid).await?;
        let (second, _, _) = identity_of(self, session, member).await?;
        let (names, actor) = (
            (full_name(&second), full_name(&first)),
            staff_actor(session, &sid),
        );
        let (app, now, b2, m2) = (self.clone(), self.now(), bid.clone(), member.clone());
        self.tx(move |tx| {
            tx.lock("household")?;
            if household::link_between(tx, &b2, &m2)?.is_some() {
                return Err(ServiceError::Conflict("already_linked"));
            }
            let id = new_id();
            let row = LinkRow {
                name_for_a: seal_name(&app, tx, &id, &b2, &names.0)?,
                name_for_b: seal_name(&app, tx, &id, &m2, &names.1)?,
                id,
                a_id: b2.clone(),
                b_id: m2.clone(),
                relation: relation.as_str().into(),
                a_accepted_at: None,
                b_accepted_at: None,
                proposed_by: Some(sid.clone()),
                created_at: now,
            };
            household::insert_link(tx, &row)?;
            journal_both(
                tx,
                now,
                (&b2, &m2),
                &actor,
                "household_link_proposed",
                &row.id,
            )?;
            Ok(row.id)
        })
        .await
    }
}
