//! One pure function decides every access: [`authorize`]. Deny by default.
//! `Hidden` becomes the same 404 as a missing resource; `Forbidden` (403) is only returned on
//! something the actor is allowed to see.

use crate::domain::{AccountId, BeneficiaryId, StaffRole, StructureId, StructureKind};

/// What a structure of this kind may be for the people: a relais follows the people who chose
/// it (lists them, sees what they share with it, becomes their relais and may be their recovery
/// relais); a mediation structure opens safes but follows no one, sees nothing shared and is
/// never a relais. The one place this is decided: the service and the pages ask here.
pub fn follows(kind: StructureKind) -> bool {
    match kind {
        StructureKind::Relay => true,
        StructureKind::Mediation => false,
    }
}

/// The structure that opens a safe becomes the person's relais (and her recovery relais if
/// she asked) only if it follows people.
pub fn may_be_relay(kind: StructureKind) -> bool {
    follows(kind)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    pub structure_id: StructureId,
    pub role: StaffRole,
    pub kind: StructureKind,
    /// She holds the structure's key: approved by an admin who holds it (or the structure's
    /// first member). A pending member sees her team and acts for no one.
    pub approved: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    Anonymous,
    Beneficiary {
        account_id: AccountId,
        beneficiary_id: BeneficiaryId,
    },
    Professional {
        account_id: AccountId,
        memberships: Vec<Membership>,
    },
    PlatformAdmin {
        account_id: AccountId,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Create,
    List,
    View,
    AddProfessional,
    ListProfessionals,
    OpenSafe,
    ListFollowed,
    Invite,
    ManageOwn,
    /// Add an item (document...) to a person's safe.
    AddItem,
    /// Rename, move, date or delete an item; change a structure's details (its phone number,
    /// printed on recovery sheets: its admins and the operator).
    Update,
    /// Share or unshare an item with a relais.
    Share,
    /// Give a pending member the structure key (an admin of the structure who holds it).
    ApproveMember,
    /// End a member's access: her key wrap, her sessions; the structure key is rotated.
    DeactivateMember,
    /// Start an in-person reset of her password (a member of one of her relais; the service
    /// also needs a recovery relais whose key the member holds).
    StartReset,
    /// See, confirm or cancel the resets started at a structure (its members; the service
    /// keeps the starter from confirming her own, except after the delay of a structure of one).
    ManageResets,
    /// Cancel a reset of her own safe (the person).
    CancelReset,
    /// Set or remove her phone number (she, or a member of one of her relais).
    SetPhone,
    /// Read a structure's statistics (counts, never content): its approved members.
    ViewStats,
    /// A structure's agenda: its people's shared events and follow-ups' due dates.
    Agenda,
    /// See a person's household, ask or accept a link, record dependants (she, in her own
    /// safe); see her family file or propose a link (a member of a structure that follows her).
    Household,
    /// Run a benefit simulation for a person (she, or a member of a structure that follows
    /// her): it reads her birth date and lands in her safe.
    Simulate,
    /// Move a procedure of hers on: its status, its deadline, its filing receipt (she, or a
    /// member of a relais structure it is shared with: following her papers is their work).
    Progress,
    /// Edit a structure's profile, printed on the papers it gives (its admins only; its
    /// members and the operator read it with `View`).
    EditProfile,
    /// Give a person a paper in a structure's name (a domiciliation decision, a hosting
    /// certificate): a member of that structure, which follows people; the service also
    /// checks that the structure is one of her relais.
    IssueProof,
    /// Make a share link to a document (she, or a professional of a relais it is shared with,
    /// who must also bring her consent: the service checks that flag).
    MakeLink,
    /// Revoke a share link: she revokes any of hers; a professional only those he made, on a
    /// document still shared with his structure.
    RevokeLink,
    /// Print a structure's kit (poster, flyer, pocket cards: public words, its name and
    /// contact): its members, approved or not yet, and the operator.
    PrintKit,
    /// Post, list or remove a structure's news to the people it follows (its approved
    /// members, in a structure that follows people).
    PostNews,
    /// Record a structure's convention and licence (the operator; its members read them with
    /// `View`).
    ManageLicence,
    /// Download a structure's signed convention (the operator and its admins).
    ReadConvention,
    /// Read a structure's usage by month (SMS, documents added, safes opened) and its SMS
    /// budget: its admins and the operator (on `Platform`: every structure's, the operator
    /// alone). Its other members read its statistics, not its billing figures.
    ViewUsage,
    /// Set or remove a structure's monthly SMS budget: its admins.
    SetSmsBudget,
    /// Register, list and revoke the partner software that acts for a structure (an OAuth
    /// client holding its key): its admins who hold the key.
    ManageClients,
}

/// What the action is about. `relays` are the structures the person currently has as relais.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resource<'a> {
    Platform,
    Structure {
        id: &'a StructureId,
    },
    /// A structure's members, for approving or deactivating one of them.
    Team {
        id: &'a StructureId,
        /// Some active member of the structure is its admin.
        has_active_admin: bool,
    },
    Beneficiary {
        id: &'a BeneficiaryId,
        relays: &'a [StructureId],
    },
    /// An item of `owner`'s safe, shared with `shared_with` (only structures that are still
    /// her relais count). `added_by`: the structure whose professional added it, if one did;
    /// `hers`: the person made it her own since (she changed it, or stopped sharing it with
    /// that structure).
    Item {
        owner: &'a BeneficiaryId,
        shared_with: &'a [StructureId],
        relays: &'a [StructureId],
        added_by: Option<&'a StructureId>,
        hers: bool,
    },
    /// The case file structure `structure` keeps on a person (issue 14): `relays` are her
    /// current relais, `exists` says whether the structure has one on her (it keeps it when
    /// she leaves).
    CaseFile {
        structure: &'a StructureId,
        relays: &'a [StructureId],
        exists: bool,
    },
    /// A share link to a document of `owner` (shared with `shared_with`), made by `made_by`.
    Link {
        owner: &'a BeneficiaryId,
        shared_with: &'a [StructureId],
        relays: &'a [StructureId],
        made_by: &'a AccountId,
    },
    /// The thread of messages between `owner` and structure `structure` (`relays`: her
    /// current relais). `View` reads it, `AddItem` writes in it, `Update` closes it.
    Thread {
        owner: &'a BeneficiaryId,
        structure: &'a StructureId,
        relays: &'a [StructureId],
    },
    /// What structure `structure` wrote about a person (follow-ups): `follows_her` when the
    /// structure is one of her relais, `known` when it is or has written about her before
    /// (a structure she left keeps its records).
    Followups {
        structure: &'a StructureId,
        follows_her: bool,
        known: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    Forbidden,
    Hidden,
}

impl Actor {
    fn membership(&self, sid: &StructureId) -> Option<&Membership> {
        match self {
            Actor::Professional { memberships, .. } => {
                memberships.iter().find(|m| &m.structure_id == sid)
            }
            _ => None,
        }
    }
}

pub fn authorize(actor: &Actor, action: Action, resource: Resource<'_>) -> Decision {
    use Action as A;
    use Decision::{Allow, Forbidden, Hidden};
    match (actor, resource) {
        (Actor::Anonymous, _) => Hidden,

        // The operator manages structures and never reads a safe.
        (Actor::PlatformAdmin { .. }, Resource::Platform) => match action {
            A::Create | A::List | A::ViewUsage => Allow,
            _ => Forbidden,
        },
        (Actor::PlatformAdmin { .. }, Resource::Structure { .. }) => match action {
            A::View
            | A::AddProfessional
            | A::ListProfessionals
            | A::Update
            | A::PrintKit
            | A::ManageLicence
            | A::ReadConvention
            | A::ViewUsage => Allow,
            _ => Forbidden,
        },
        // The operator never approves (that would hand her the key); she may only close an
        // account in a structure that has no admin left to do it.
        (
            Actor::PlatformAdmin { .. },
            Resource::Team {
                has_active_admin, ..
            },
        ) => match action {
            A::DeactivateMember if !has_active_admin => Allow,
            _ => Forbidden,
        },
        (Actor::PlatformAdmin { .. }, Resource::Beneficiary { .. }) => Hidden,

        (Actor::Professional { .. }, Resource::Platform) => match action {
            A::List => Allow,
            _ => Forbidden,
        },
        (Actor::Professional { .. }, Resource::Structure { id }) => {
            let Some(m) = actor.membership(id) else {
                return Hidden;
            };
            if !m.approved {
                // The people list answers `access_pending` (the service finds no key).
                return match action {
                    A::View | A::ListProfessionals | A::ListFollowed | A::PrintKit => Allow,
                    _ => Forbidden,
                };
            }
            match (action, m.role, m.kind) {
                (A::View | A::ListProfessionals | A::OpenSafe | A::PrintKit, _, _) => Allow,
                (
                    A::AddProfessional
                    | A::Update
                    | A::EditProfile
                    | A::ReadConvention
                    | A::ViewUsage
                    | A::SetSmsBudget
                    | A::ManageClients,
                    StaffRole::Admin,
                    _,
                ) => Allow,
                (A::ManageResets, _, _) => Allow,
                (A::ViewStats, _, _) => Allow,
                // Mediation structures open safes but follow no one and share nothing.
                (
                    A::ListFollowed | A::Invite | A::Agenda | A::IssueProof | A::PostNews,
                    _,
                    kind,
                ) if follows(kind) => Allow,
                _ => Forbidden,
            }
        }
        (Actor::Professional { .. }, Resource::Team { id, .. }) => {
            let Some(m) = actor.membership(id) else {
                return Hidden;
            };
            match (action, m.role) {
                (A::ApproveMember | A::DeactivateMember, StaffRole::Admin) if m.approved => Allow,
                _ => Forbidden,
            }
        }
        (Actor::Professional { memberships, .. }, Resource::Beneficiary { relays, .. }) => {
            let follows = memberships
                .iter()
                .any(|m| m.approved && follows(m.kind) && relays.contains(&m.structure_id));
            match (follows, action) {
                (
                    true,
                    A::View | A::AddItem | A::StartReset | A::SetPhone | A::Household | A::Simulate,
                ) => Allow,
                (true, _) => Forbidden,
                (false, _) => Hidden,
            }
        }

        (Actor::Beneficiary { beneficiary_id, .. }, Resource::Beneficiary { id, .. }) => {
            if beneficiary_id != id {
                return Hidden;
            }
            match action {
                A::View
                | A::ManageOwn
                | A::AddItem
                | A::CancelReset
                | A::SetPhone
                | A::Household
                | A::Simulate => Allow,
                _ => Forbidden,
            }
        }
        (Actor::Beneficiary { beneficiary_id, .. }, Resource::Item { owner, .. }) => {
            if beneficiary_id != owner {
                return Hidden;
            }
            match action {
                A::View | A::Update | A::Share | A::Progress | A::MakeLink => Allow,
                _ => Forbidden,
            }
        }
        // A professional sees an item only while it is shared with one of her relay
        // structures that still is one of the person's relais. She may correct (rename, move,
        // date) or delete what her structure added, as long as the person has not made it her
        // own; anything else only the person changes.
        (
            Actor::Professional { memberships, .. },
            Resource::Item {
                shared_with,
                relays,
                added_by,
                hers,
                ..
            },
        ) => {
            let through = |m: &&Membership| {
                m.approved
                    && follows(m.kind)
                    && shared_with.contains(&m.structure_id)
                    && relays.contains(&m.structure_id)
            };
            let sees = memberships.iter().any(|m| through(&m));
            let corrects = !hers
                && memberships
                    .iter()
                    .filter(through)
                    .any(|m| added_by == Some(&m.structure_id));
            match (sees, action) {
                (true, A::View | A::Progress | A::MakeLink) => Allow,
                (true, A::Update) if corrects => Allow,
                (true, _) => Forbidden,
                (false, _) => Hidden,
            }
        }
        (Actor::PlatformAdmin { .. }, Resource::Item { .. }) => Hidden,
        // A structure's case file on a person is its members' alone (a relais structure's):
        // written while she follows it, read as long as the structure keeps it (after she
        // left too). Not the person, not the operator, not another structure.
        (
            Actor::Professional { .. },
            Resource::CaseFile {
                structure,
                relays,
                exists,
            },
        ) => {
            let Some(m) = actor.membership(structure) else {
                return Hidden;
            };
            let followed = relays.contains(structure);
            if !m.approved || !follows(m.kind) || !(followed || exists) {
                return Hidden;
            }
            match action {
                A::View => Allow,
                A::Update if followed => Allow,
                _ => Forbidden,
            }
        }
        (Actor::PlatformAdmin { .. }, Resource::CaseFile { .. }) => Hidden,
        // Follow-ups: the structure's members only (its records about her, kept after she
        // leaves it; written only while it follows her). Nobody else learns they exist.
        (
            Actor::Professional { .. },
            Resource::Followups {
                structure,
                follows_her,
                known,
            },
        ) => {
            let Some(m) = actor.membership(structure) else {
                return Hidden;
            };
            if !known {
                return Hidden;
            }
            match action {
                _ if !m.approved || !follows(m.kind) => Forbidden,
                A::View | A::Update => Allow,
                A::AddItem if follows_her => Allow,
                _ => Forbidden,
            }
        }
        (_, Resource::Followups { .. }) => Hidden,
        // Share links: her own, all of them; a professional sees those of a document shared
        // with his structure and revokes only those he made.
        (Actor::Beneficiary { beneficiary_id, .. }, Resource::Link { owner, .. }) => {
            if beneficiary_id != owner {
                return Hidden;
            }
            match action {
                A::View | A::RevokeLink => Allow,
                _ => Forbidden,
            }
        }
        (
            Actor::Professional {
                account_id,
                memberships,
            },
            Resource::Link {
                shared_with,
                relays,
                made_by,
                ..
            },
        ) => {
            let sees = memberships.iter().any(|m| {
                m.approved
                    && follows(m.kind)
                    && shared_with.contains(&m.structure_id)
                    && relays.contains(&m.structure_id)
            });
            match (sees, action) {
                (true, A::View) => Allow,
                (true, A::RevokeLink) if made_by == account_id => Allow,
                (true, _) => Forbidden,
                (false, _) => Hidden,
            }
        }
        (_, Resource::Link { .. }) => Hidden,
        // Messages: she reads and closes her threads, and writes while the structure is her
        // relais; its approved members read and write while it is. A structure she left, and
        // everyone else, learns nothing.
        (
            Actor::Beneficiary { beneficiary_id, .. },
            Resource::Thread {
                owner,
                structure,
                relays,
            },
        ) => {
            if beneficiary_id != owner {
                return Hidden;
            }
            match action {
                A::View | A::Update => Allow,
                A::AddItem if relays.contains(structure) => Allow,
                _ => Forbidden,
            }
        }
        (
            Actor::Professional { .. },
            Resource::Thread {
                structure, relays, ..
            },
        ) => {
            let Some(m) = actor.membership(structure) else {
                return Hidden;
            };
            if !m.approved || !follows(m.kind) || !relays.contains(structure) {
                return Hidden;
            }
            match action {
                A::View | A::AddItem => Allow,
                _ => Forbidden,
            }
        }
        (_, Resource::Thread { .. }) => Hidden,
        (Actor::Beneficiary { .. }, _) => Hidden,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Action as A;
    use Decision::{Allow, Forbidden, Hidden};

    /// What each kind of structure may do, and `authorize` agreeing with it for an approved
    /// admin: list the people, invite, see her safe and an item shared with the structure.
    #[test]
    fn structure_kinds() {
        let cases: &[(StructureKind, bool, bool)] = &[
            // kind, follows, may_be_relay
            (StructureKind::Relay, true, true),
            (StructureKind::Mediation, false, false),
        ];
        let sid1 = s("s1");
        let relays = vec![sid1.clone()];
        let b1 = BeneficiaryId::stored("b1".into());
        for &(kind, follows_people, relay) in cases {
            assert_eq!(follows(kind), follows_people, "{kind:?}");
            assert_eq!(may_be_relay(kind), relay, "{kind:?}");
            let actor = pro("s1", StaffRole::Admin, kind);
            let s1 = Resource::Structure { id: &sid1 };
            let her = Resource::Beneficiary {
                id: &b1,
                relays: &relays,
            };
            let item = Resource::Item {
                owner: &b1,
                shared_with: &relays,
                relays: &relays,
                added_by: None,
                hers: false,
            };
            let (listed, seen) = if follows_people {
                (Allow, Allow)
            } else {
                (Forbidden, Hidden)
            };
            assert_eq!(authorize(&actor, A::ListFollowed, s1), listed, "{kind:?}");
            assert_eq!(authorize(&actor, A::Invite, s1), listed, "{kind:?}");
            assert_eq!(authorize(&actor, A::View, her), seen, "{kind:?}");
            assert_eq!(authorize(&actor, A::View, item), seen, "{kind:?}");
            // Both open safes.
            assert_eq!(authorize(&actor, A::OpenSafe, s1), Allow, "{kind:?}");
        }
    }

    /// Share links: she makes and revokes hers; a professional of a relais the document is
    /// shared with makes one and revokes only his own; anyone else learns nothing.
    #[test]
    fn share_links() {
        let (sid, b1) = (s("s1"), BeneficiaryId::stored("b1".into()));
        let relays = vec![sid.clone()];
        let her = Actor::Beneficiary {
            account_id: AccountId::stored("her".into()),
            beneficiary_id: b1.clone(),
        };
        let member = pro("s1", StaffRole::Member, StructureKind::Relay);
        let stranger = pro("s2", StaffRole::Admin, StructureKind::Relay);
        let item = |shared: &'static [StructureId]| Resource::Item {
            owner: &b1,
            shared_with: shared,
            relays: &relays,
            added_by: None,
            hers: false,
        };
        let shared: &'static [StructureId] = Box::leak(vec![sid.clone()].into_boxed_slice());
        assert_eq!(authorize(&her, A::MakeLink, item(&[])), Allow);
        assert_eq!(authorize(&member, A::MakeLink, item(shared)), Allow);
        assert_eq!(authorize(&member, A::MakeLink, item(&[])), Hidden);
        assert_eq!(authorize(&stranger, A::MakeLink, item(shared)), Hidden);
        let (his, hers) = (
            AccountId::stored("p".into()),
            AccountId::stored("her".into()),
        );
        let link = |made_by: &'static AccountId| Resource::Link {
            owner: &b1,
            shared_with: shared,
            relays: &relays,
            made_by,
        };
        let his: &'static AccountId = Box::leak(Box::new(his));
        let hers: &'static AccountId = Box::leak(Box::new(hers));
        assert_eq!(authorize(&her, A::RevokeLink, link(his)), Allow);
        assert_eq!(authorize(&member, A::RevokeLink, link(his)), Allow);
        assert_eq!(authorize(&member, A::RevokeLink, link(hers)), Forbidden);
        assert_eq!(authorize(&stranger, A::RevokeLink, link(his)), Hidden);
        let admin = Actor::PlatformAdmin {
            account_id: AccountId::stored("op".into()),
        };
        assert_eq!(authorize(&admin, A::RevokeLink, link(his)), Hidden);
    }

    /// Messages: she and her relais' approved members, while it is her relais; she alone
    /// closes; nobody else learns the thread exists.
    #[test]
    fn threads() {
        let (sid, b1) = (s("s1"), BeneficiaryId::stored("b1".into()));
        let relays = vec![sid.clone()];
        let thread = |relays: &'static [StructureId]| Resource::Thread {
            owner: Box::leak(Box::new(b1.clone())),
            structure: Box::leak(Box::new(sid.clone())),
            relays,
        };
        let now: &'static [StructureId] = Box::leak(relays.into_boxed_slice());
        let left: &'static [StructureId] = &[];
        let her = Actor::Beneficiary {
            account_id: AccountId::stored("her".into()),
            beneficiary_id: b1.clone(),
        };
        let other = Actor::Beneficiary {
            account_id: AccountId::stored("other".into()),
            beneficiary_id: BeneficiaryId::stored("b2".into()),
        };
        let member = pro("s1", StaffRole::Member, StructureKind::Relay);
        let stranger = pro("s2", StaffRole::Admin, StructureKind::Relay);
        let admin = Actor::PlatformAdmin {
            account_id: AccountId::stored("op".into()),
        };
        for action in [A::View, A::AddItem, A::Update] {
            assert_eq!(authorize(&her, action, thread(now)), Allow, "{action:?}");
            assert_eq!(authorize(&other, action, thread(now)), Hidden);
            assert_eq!(authorize(&stranger, action, thread(now)), Hidden);
            assert_eq!(authorize(&admin, action, thread(now)), Hidden);
            assert_eq!(
                authorize(&pending("s1", StaffRole::Admin), action, thread(now)),
                Hidden
            );
            assert_eq!(authorize(&member, action, thread(left)), Hidden, "she left");
        }
        assert_eq!(authorize(&member, A::View, thread(now)), Allow);
        assert_eq!(authorize(&member, A::AddItem, thread(now)), Allow);
        assert_eq!(authorize(&member, A::Update, thread(now)), Forbidden);
        assert_eq!(authorize(&her, A::View, thread(left)), Allow);
        assert_eq!(authorize(&her, A::AddItem, thread(left)), Forbidden);
    }

    fn s(id: &str) -> StructureId {
        StructureId::stored(id.into())
    }

    fn pro(sid: &str, role: StaffRole, kind: StructureKind) -> Actor {
        Actor::Professional {
            account_id: AccountId::stored("p".into()),
            memberships: vec![Membership {
                structure_id: s(sid),
                role,
                kind,
                approved: true,
            }],
        }
    }

    fn pending(sid: &str, role: StaffRole) -> Actor {
        Actor::Professional {
            account_id: AccountId::stored("p".into()),
            memberships: vec![Membership {
                structure_id: s(sid),
                role,
                kind: StructureKind::Relay,
                approved: false,
            }],
        }
    }

    #[test]
    fn table() {
        let sid1 = s("s1");
        let relays = vec![sid1.clone()];
        let b1 = BeneficiaryId::stored("b1".into());
        let her = Resource::Beneficiary {
            id: &b1,
            relays: &relays,
        };
        let s1 = Resource::Structure { id: &sid1 };
        let team = Resource::Team {
            id: &sid1,
            has_active_admin: true,
        };
        let orphan_team = Resource::Team {
            id: &sid1,
            has_active_admin: false,
        };
        let none: Vec<StructureId> = Vec::new();
        let private = Resource::Item {
            owner: &b1,
            shared_with: &none,
            relays: &relays,
            added_by: None,
            hers: false,
        };
        let shared = Resource::Item {
            owner: &b1,
            shared_with: &relays,
            relays: &relays,
            added_by: None,
            hers: false,
        };
        let shared_after_leaving = Resource::Item {
            owner: &b1,
            shared_with: &relays,
            relays: &none,
            added_by: None,
            hers: false,
        };
        // Added by s1's professional: s1 corrects it until she makes it hers.
        let added = Resource::Item {
            owner: &b1,
            shared_with: &relays,
            relays: &relays,
            added_by: Some(&sid1),
            hers: false,
        };
        let added_then_hers = Resource::Item {
            owner: &b1,
            shared_with: &relays,
            relays: &relays,
            added_by: Some(&sid1),
            hers: true,
        };
        let notes = Resource::Followups {
            structure: &sid1,
            follows_her: true,
            known: true,
        };
        let notes_after_leaving = Resource::Followups {
            structure: &sid1,
            follows_her: false,
            known: true,
        };
        let notes_unknown = Resource::Followups {
            structure: &sid1,
            follows_her: false,
            known: false,
        };
        let sid9 = s("s9");
        let two = vec![sid1.clone(), sid9.clone()];
        // Added by s9, shared with s1 too: s1 only reads it.
        let added_elsewhere = Resource::Item {
            owner: &b1,
            shared_with: &two,
            relays: &two,
            added_by: Some(&sid9),
            hers: false,
        };
        let added_after_leaving = Resource::Item {
            owner: &b1,
            shared_with: &relays,
            relays: &none,
            added_by: Some(&sid1),
            hers: false,
        };
        let owner = Actor::Beneficiary {
            account_id: AccountId::stored("a".into()),
            beneficiary_id: b1.clone(),
        };
        let other = Actor::Beneficiary {
            account_id: AccountId::stored("a2".into()),
            beneficiary_id: BeneficiaryId::stored("b2".into()),
        };
        let member = pro("s1", StaffRole::Member, StructureKind::Relay);
        let admin = pro("s1", StaffRole::Admin, StructureKind::Relay);
        let stranger = pro("s9", StaffRole::Admin, StructureKind::Relay);
        let mediation = pro("s1", StaffRole::Admin, StructureKind::Mediation);
        let platform = Actor::PlatformAdmin {
            account_id: AccountId::stored("x".into()),
        };
        let anon = Actor::Anonymous;
        let waiting = pending("s1", StaffRole::Member);
        let waiting_admin = pending("s1", StaffRole::Admin);
        let cases: &[(&Actor, Action, Resource<'_>, Decision)] = &[
            (&owner, A::View, her, Allow),
            (&owner, A::ManageOwn, her, Allow),
            (&other, A::View, her, Hidden),
            (&other, A::ManageOwn, her, Hidden),
            (&member, A::View, her, Allow),
            (&member, A::ManageOwn, her, Forbidden),
            (&stranger, A::View, her, Hidden),
            (&mediation, A::View, her, Hidden),
            (&platform, A::View, her, Hidden),
            (&anon, A::View, her, Hidden),
            (&platform, A::Create, Resource::Platform, Allow),
            (&member, A::Create, Resource::Platform, Forbidden),
            (&owner, A::Create, Resource::Platform, Hidden),
            (&member, A::View, s1, Allow),
            // The printed kit: its members (waiting ones too, and those of a mediation
            // structure, which opens safes) and the operator; no one else.
            (&member, A::PrintKit, s1, Allow),
            (&waiting, A::PrintKit, s1, Allow),
            (&mediation, A::PrintKit, s1, Allow),
            (&platform, A::PrintKit, s1, Allow),
            (&stranger, A::PrintKit, s1, Hidden),
            (&owner, A::PrintKit, s1, Hidden),
            (&anon, A::PrintKit, s1, Hidden),
            // Conventions and licences: the operator records them; members read them (`View`)
            // and its admins download the signed convention.
            (&platform, A::ManageLicence, s1, Allow),
            (&admin, A::ManageLicence, s1, Forbidden),
            (&member, A::ManageLicence, s1, Forbidden),
            (&stranger, A::ManageLicence, s1, Hidden),
            (&owner, A::ManageLicence, s1, Hidden),
            (&platform, A::ReadConvention, s1, Allow),
            (&admin, A::ReadConvention, s1, Allow),
            (&member, A::ReadConvention, s1, Forbidden),
            (&waiting_admin, A::ReadConvention, s1, Forbidden),
            (&stranger, A::ReadConvention, s1, Hidden),
            (&owner, A::ReadConvention, s1, Hidden),
            (&member, A::AddProfessional, s1, Forbidden),
            (&admin, A::AddProfessional, s1, Allow),
            (&platform, A::AddProfessional, s1, Allow),
            (&admin, A::Update, s1, Allow),
            (&platform, A::Update, s1, Allow),
            (&member, A::Update, s1, Forbidden),
            (&waiting_admin, A::Update, s1, Forbidden),
            (&stranger, A::Update, s1, Hidden),
            (&owner, A::Update, s1, Hidden),
            // The profile: its admins edit it, not the operator; everyone there reads it.
            (&admin, A::EditProfile, s1, Allow),
            (&mediation, A::EditProfile, s1, Allow),
            (&member, A::EditProfile, s1, Forbidden),
            (&waiting_admin, A::EditProfile, s1, Forbidden),
            (&platform, A::EditProfile, s1, Forbidden),
            (&stranger, A::EditProfile, s1, Hidden),
            (&owner, A::EditProfile, s1, Hidden),
            (&waiting, A::View, s1, Allow),
            // Papers in the structure's name: its approved members, if it follows people.
            (&member, A::IssueProof, s1, Allow),
            (&admin, A::IssueProof, s1, Allow),
            (&mediation, A::IssueProof, s1, Forbidden),
            (&waiting, A::IssueProof, s1, Forbidden),
            (&platform, A::IssueProof, s1, Forbidden),
            (&stranger, A::IssueProof, s1, Hidden),
            (&owner, A::IssueProof, s1, Hidden),
            // News to the people it follows: the same members.
            (&member, A::PostNews, s1, Allow),
            (&admin, A::PostNews, s1, Allow),
            (&mediation, A::PostNews, s1, Forbidden),
            (&waiting, A::PostNews, s1, Forbidden),
            (&platform, A::PostNews, s1, Forbidden),
            (&stranger, A::PostNews, s1, Hidden),
            (&owner, A::PostNews, s1, Hidden),
            (&platform, A::ListFollowed, s1, Forbidden),
            (&platform, A::OpenSafe, s1, Forbidden),
            (&stranger, A::View, s1, Hidden),
            (&stranger, A::OpenSafe, s1, Hidden),
            (&member, A::OpenSafe, s1, Allow),
            (&member, A::ListFollowed, s1, Allow),
            (&member, A::Invite, s1, Allow),
            (&mediation, A::OpenSafe, s1, Allow),
            (&mediation, A::ListFollowed, s1, Forbidden),
            (&mediation, A::Invite, s1, Forbidden),
            (&owner, A::View, s1, Hidden),
            (&anon, A::View, s1, Hidden),
            (&owner, A::AddItem, her, Allow),
            (&member, A::AddItem, her, Allow),
            (&stranger, A::AddItem, her, Hidden),
            (&mediation, A::AddItem, her, Hidden),
            (&platform, A::AddItem, her, Hidden),
            (&owner, A::Simulate, her, Allow),
            (&other, A::Simulate, her, Hidden),
            (&member, A::Simulate, her, Allow),
            (&stranger, A::Simulate, her, Hidden),
            (&mediation, A::Simulate, her, Hidden),
            (&platform, A::Simulate, her, Hidden),
            (&anon, A::Simulate, her, Hidden),
            (&waiting, A::Simulate, her, Hidden),
            (&owner, A::View, private, Allow),
            (&owner, A::Update, private, Allow),
            (&owner, A::Share, private, Allow),
            (&other, A::View, shared, Hidden),
            (&member, A::View, private, Hidden),
            (&member, A::View, shared, Allow),
            (&member, A::Update, shared, Forbidden),
            (&member, A::Share, shared, Forbidden),
            (&member, A::View, shared_after_leaving, Hidden),
            (&member, A::Update, added, Allow),
            (&admin, A::Update, added, Allow),
            (&member, A::Share, added, Forbidden),
            (&owner, A::Update, added, Allow),
            (&member, A::Update, added_then_hers, Forbidden),
            (&member, A::View, added_then_hers, Allow),
            (&owner, A::Update, added_then_hers, Allow),
            (&member, A::Update, added_elsewhere, Forbidden),
            (&member, A::View, added_elsewhere, Allow),
            (&stranger, A::Update, added_elsewhere, Allow),
            (&stranger, A::Update, added, Hidden),
            (&mediation, A::Update, added, Hidden),
            (&platform, A::Update, added, Hidden),
            (&waiting, A::Update, added, Hidden),
            (&member, A::Update, added_after_leaving, Hidden),
            (&stranger, A::View, shared, Hidden),
            (&mediation, A::View, shared, Hidden),
            (&platform, A::View, shared, Hidden),
            (&anon, A::View, shared, Hidden),
            (&owner, A::Progress, private, Allow),
            (&member, A::Progress, shared, Allow),
            (&member, A::Progress, added_then_hers, Allow),
            (&member, A::Progress, private, Hidden),
            (&member, A::Progress, shared_after_leaving, Hidden),
            (&stranger, A::Progress, shared, Hidden),
            (&mediation, A::Progress, shared, Hidden),
            (&platform, A::Progress, shared, Hidden),
            (&anon, A::Progress, shared, Hidden),
            (&admin, A::ApproveMember, team, Allow),
            (&admin, A::DeactivateMember, team, Allow),
            (&member, A::ApproveMember, team, Forbidden),
            (&member, A::DeactivateMember, team, Forbidden),
            (&stranger, A::ApproveMember, team, Hidden),
            (&stranger, A::DeactivateMember, team, Hidden),
            (&mediation, A::DeactivateMember, team, Allow),
            (&platform, A::ApproveMember, team, Forbidden),
            (&platform, A::ApproveMember, orphan_team, Forbidden),
            (&platform, A::DeactivateMember, team, Forbidden),
            (&platform, A::DeactivateMember, orphan_team, Allow),
            (&owner, A::DeactivateMember, team, Hidden),
            (&waiting_admin, A::DeactivateMember, team, Forbidden),
            (&waiting_admin, A::ApproveMember, team, Forbidden),
            (&waiting_admin, A::AddProfessional, s1, Forbidden),
            (&waiting, A::View, s1, Allow),
            (&waiting, A::ListProfessionals, s1, Allow),
            (&waiting, A::OpenSafe, s1, Forbidden),
            (&waiting, A::Invite, s1, Forbidden),
            (&waiting, A::View, her, Hidden),
            (&waiting, A::AddItem, her, Hidden),
            (&waiting, A::View, shared, Hidden),
            (&anon, A::ApproveMember, team, Hidden),
            (&member, A::StartReset, her, Allow),
            (&admin, A::StartReset, her, Allow),
            (&stranger, A::StartReset, her, Hidden),
            (&mediation, A::StartReset, her, Hidden),
            (&platform, A::StartReset, her, Hidden),
            (&owner, A::StartReset, her, Forbidden),
            (&member, A::ManageResets, s1, Allow),
            (&admin, A::ManageResets, s1, Allow),
            (&stranger, A::ManageResets, s1, Hidden),
            (&platform, A::ManageResets, s1, Forbidden),
            (&owner, A::ManageResets, s1, Hidden),
            (&owner, A::CancelReset, her, Allow),
            (&other, A::CancelReset, her, Hidden),
            (&member, A::CancelReset, her, Forbidden),
            (&platform, A::CancelReset, her, Hidden),
            (&owner, A::SetPhone, her, Allow),
            (&member, A::SetPhone, her, Allow),
            (&other, A::SetPhone, her, Hidden),
            (&stranger, A::SetPhone, her, Hidden),
            (&mediation, A::SetPhone, her, Hidden),
            (&platform, A::SetPhone, her, Hidden),
            (&member, A::ViewStats, s1, Allow),
            (&admin, A::ViewStats, s1, Allow),
            (&mediation, A::ViewStats, s1, Allow),
            (&waiting, A::ViewStats, s1, Forbidden),
            (&stranger, A::ViewStats, s1, Hidden),
            (&platform, A::ViewStats, s1, Forbidden),
            (&owner, A::ViewStats, s1, Hidden),
            (&anon, A::ViewStats, s1, Hidden),
            // Usage and the SMS budget (issue 18): its admins and the operator read; its
            // admins set the budget.
            (&admin, A::ViewUsage, s1, Allow),
            (&admin, A::SetSmsBudget, s1, Allow),
            (&member, A::ViewUsage, s1, Forbidden),
            (&member, A::SetSmsBudget, s1, Forbidden),
            (&admin, A::ManageClients, s1, Allow),
            (&member, A::ManageClients, s1, Forbidden),
            (&platform, A::ManageClients, s1, Forbidden),
            (&stranger, A::ManageClients, s1, Hidden),
            (&waiting, A::ViewUsage, s1, Forbidden),
            (&platform, A::ViewUsage, s1, Allow),
            (&platform, A::SetSmsBudget, s1, Forbidden),
            (&platform, A::ViewUsage, Resource::Platform, Allow),
            (&member, A::ViewUsage, Resource::Platform, Forbidden),
            (&stranger, A::ViewUsage, s1, Hidden),
            (&owner, A::ViewUsage, s1, Hidden),
            (&anon, A::SetSmsBudget, s1, Hidden),
            // Follow-ups: s1's members only; written while s1 follows her, kept after.
            (&member, A::View, notes, Allow),
            (&member, A::AddItem, notes, Allow),
            (&member, A::Update, notes, Allow),
            (&member, A::Share, notes, Forbidden),
            (&member, A::View, notes_after_leaving, Allow),
            (&member, A::AddItem, notes_after_leaving, Forbidden),
            (&member, A::View, notes_unknown, Hidden),
            (&waiting, A::View, notes, Forbidden),
            (&stranger, A::View, notes, Hidden),
            (&mediation, A::View, notes, Forbidden),
            (&platform, A::View, notes, Hidden),
            (&owner, A::View, notes, Hidden),
            (&anon, A::View, notes, Hidden),
            (&member, A::Agenda, s1, Allow),
            (&waiting, A::Agenda, s1, Forbidden),
            (&stranger, A::Agenda, s1, Hidden),
            (&platform, A::Agenda, s1, Forbidden),
        ];
        for (i, (actor, action, resource, want)) in cases.iter().enumerate() {
            assert_eq!(
                authorize(actor, *action, *resource),
                *want,
                "case {i}: {actor:?} {action:?} {resource:?}"
            );
        }
    }

    /// A structure's case file: its approved members read it while she follows the structure
    /// and after she left (while it keeps one); they write it only while she follows it.
    #[test]
    fn case_files() {
        let sid1 = s("s1");
        let followed = vec![sid1.clone()];
        let file = |relays, exists| Resource::CaseFile {
            structure: &sid1,
            relays,
            exists,
        };
        let member = pro("s1", StaffRole::Member, StructureKind::Relay);
        let stranger = pro("s2", StaffRole::Admin, StructureKind::Relay);
        let mediation = pro("s1", StaffRole::Admin, StructureKind::Mediation);
        let waiting = pending("s1", StaffRole::Member);
        let owner = Actor::Beneficiary {
            account_id: AccountId::stored("o".into()),
            beneficiary_id: BeneficiaryId::stored("b1".into()),
        };
        let platform = Actor::PlatformAdmin {
            account_id: AccountId::stored("x".into()),
        };
        let cases = [
            (&member, A::View, file(&followed, false), Allow),
            (&member, A::Update, file(&followed, true), Allow),
            (&member, A::View, file(&[], true), Allow),
            (&member, A::Update, file(&[], true), Forbidden),
            (&member, A::View, file(&[], false), Hidden),
            (&member, A::Share, file(&followed, true), Forbidden),
            (&stranger, A::View, file(&followed, true), Hidden),
            (&mediation, A::View, file(&followed, true), Hidden),
            (&waiting, A::View, file(&followed, true), Hidden),
            (&owner, A::View, file(&followed, true), Hidden),
            (&platform, A::View, file(&followed, true), Hidden),
            (&Actor::Anonymous, A::View, file(&followed, true), Hidden),
        ];
        for (i, (actor, action, resource, want)) in cases.iter().enumerate() {
            assert_eq!(authorize(actor, *action, *resource), *want, "case {i}");
        }
    }
}
