//! Her journal, service side: every action it records (`JOURNAL_ACTIONS`), the line a use case
//! writes in the same transaction as what it journals (`journal`), who the line names
//! (`JournalActor`: her, a professional through one of her relais, a platform admin, the
//! system), and her journal as she reads it (`journal_of`). The hash chain is the store's
//! (`store::journal`).

use crate::clock::Timestamp;
use crate::domain::{AccountId, AccountKind, BeneficiaryId, StructureId};
use crate::policy::Actor;
use crate::service::access::own_safe;
use crate::service::{App, NamedRef, ServiceResult, Session, new_id};
use crate::store::Sql;
use crate::store::journal::JournalEntry;
use crate::store::structures;
use serde::Serialize;

/// Every action the journal records (the pages tell each one in plain words; a test checks the
/// catalogues have them all).
pub const JOURNAL_ACTIONS: &[&str] = &[
    "login",
    "safe_opened",
    "profile_viewed",
    "invitation_sent",
    "invitation_accepted",
    "invitation_declined",
    "relay_left",
    "password_changed",
    "recovered_with_code",
    "recovered_in_person",
    "reset_started",
    "reset_confirmed",
    "reset_cancelled",
    "recovery_code_renewed",
    "security_question_set",
    "security_question_removed",
    "recovered_with_question",
    "terms_accepted",
    "phone_changed",
    "phone_removed",
    "recovery_relay_added",
    "recovery_relay_removed",
    "document_uploaded",
    "document_viewed",
    "document_downloaded",
    "document_certified",
    "document_exported",
    "document_renamed",
    "document_moved",
    "document_type_changed",
    "document_expiry_set",
    "document_expiry_removed",
    "document_deleted",
    "document_shared",
    "document_unshared",
    "document_put_in_file",
    "file_assembled",
    "folder_created",
    "folder_deleted",
    "contact_created",
    "contact_viewed",
    "contact_updated",
    "contact_deleted",
    "contact_shared",
    "contact_unshared",
    "note_created",
    "note_viewed",
    "note_updated",
    "note_deleted",
    "note_shared",
    "note_unshared",
    "event_created",
    "event_viewed",
    "event_updated",
    "event_deleted",
    "event_shared",
    "event_unshared",
    "calendar_feed_created",
    "calendar_feed_revoked",
    "member_added",
    "member_requested",
    "professionals_imported",
    "member_approved",
    "client_registered",
    "client_revoked",
    "member_deactivated",
    "structure_key_rotated",
    "structure_phone_changed",
    "case_file_updated",
    "referent_changed",
    "followup_written",
    "household_link_asked",
    "household_link_proposed",
    "household_link_accepted",
    "household_link_removed",
    "household_viewed",
    "dependant_added",
    "dependant_deleted",
    "dependant_shown",
    "dependant_hidden",
    "simulation_created",
    "simulation_viewed",
    "simulation_shared",
    "simulation_unshared",
    "procedure_created",
    "procedure_viewed",
    "procedure_updated",
    "procedure_shared",
    "procedure_unshared",
    "structure_profile_changed",
    "domiciliation_recorded",
    "domiciliation_viewed",
    "share_link_created",
    "share_link_revoked",
    "share_link_opened",
    "news_posted",
    "news_deleted",
    "message_sent",
    "message_written",
    "messages_read",
    "thread_closed",
    "feature_switched",
];

/// A journal line about a safe.
pub(crate) fn journal(
    tx: &mut dyn Sql,
    at: Timestamp,
    bid: Option<&BeneficiaryId>,
    actor: &JournalActor,
    action: &str,
    target: Option<(&str, &str)>,
    ok: bool,
) -> ServiceResult<()> {
    append(tx, (at, bid), actor, action, target, ok, None)
}

/// A journal line about an item of hers and one of her relais (shared with it, or no longer):
/// her journal names the relais.
pub(crate) fn journal_about_relay(
    tx: &mut dyn Sql,
    (at, bid): (Timestamp, &BeneficiaryId),
    actor: &JournalActor,
    action: &str,
    target: (&str, &str),
    sid: &StructureId,
) -> ServiceResult<()> {
    append(
        tx,
        (at, Some(bid)),
        actor,
        action,
        Some(target),
        true,
        Some(sid),
    )
}

fn append(
    tx: &mut dyn Sql,
    (at, bid): (Timestamp, Option<&BeneficiaryId>),
    actor: &JournalActor,
    action: &str,
    target: Option<(&str, &str)>,
    ok: bool,
    about: Option<&StructureId>,
) -> ServiceResult<()> {
    crate::store::journal::append(
        tx,
        &JournalEntry {
            id: new_id(),
            beneficiary_id: bid.cloned(),
            at,
            actor_kind: actor.kind.to_owned(),
            actor_account: actor.account.clone(),
            actor_name: actor.name.clone(),
            actor_structure: actor.structure.clone(),
            action: action.to_owned(),
            target_kind: target.map(|t| t.0.to_owned()),
            target_id: target.map(|t| t.1.to_owned()),
            outcome: if ok { "success" } else { "failure" }.to_owned(),
            about_structure: about.cloned(),
        },
    )?;
    Ok(())
}

#[derive(Debug, Clone)]
pub(crate) struct JournalActor {
    pub kind: &'static str,
    pub account: Option<AccountId>,
    pub name: Option<String>,
    pub structure: Option<StructureId>,
}

impl JournalActor {
    pub fn beneficiary(account: &AccountId) -> Self {
        Self {
            kind: AccountKind::Beneficiary.as_str(),
            account: Some(account.clone()),
            name: None,
            structure: None,
        }
    }
}

/// A staff member acting for structure `sid`, as her journal entries name her.
pub(super) fn staff_actor(session: &Session, sid: &StructureId) -> JournalActor {
    if let Some(software) = &session.software {
        return software_actor(session, software);
    }
    JournalActor {
        kind: if matches!(session.actor, Actor::PlatformAdmin { .. }) {
            AccountKind::PlatformAdmin.as_str()
        } else {
            AccountKind::Professional.as_str()
        },
        account: Some(session.account_id.clone()),
        name: Some(session.keys.display_name.clone()),
        structure: Some(sid.to_owned()),
    }
}

/// Journals a structure-level step (no person's safe: `beneficiary_id` stays empty; the entry
/// is in the same hash chain `consigne verify` checks).
pub(super) fn journal_structure(
    tx: &mut dyn Sql,
    at: i64,
    actor: &JournalActor,
    action: &str,
    member: Option<&str>,
) -> ServiceResult<()> {
    journal(
        tx,
        at,
        None,
        actor,
        action,
        member.map(|m| ("account", m)),
        true,
    )
}

/// A partner software's token: "software X of structure S" (its structure, whatever `via`).
fn software_actor(session: &Session, software: &crate::service::auth::Software) -> JournalActor {
    JournalActor {
        kind: SOFTWARE_ACTOR,
        account: Some(session.account_id.clone()),
        name: Some(software.name.clone()),
        structure: Some(software.structure_id.clone()),
    }
}

/// The actor kind of a partner software's lines (not an account kind).
pub const SOFTWARE_ACTOR: &str = "software";

pub(super) fn actor_of(session: &Session, via: Option<&StructureId>) -> JournalActor {
    if let Some(software) = &session.software {
        return software_actor(session, software);
    }
    match &session.actor {
        Actor::Beneficiary { .. } => JournalActor::beneficiary(&session.account_id),
        _ => JournalActor {
            kind: AccountKind::Professional.as_str(),
            account: Some(session.account_id.clone()),
            name: Some(session.keys.display_name.clone()),
            structure: via.cloned(),
        },
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct JournalActorView {
    /// An account's kind, or `system` (a step no one took, such as a key rotation's end).
    pub kind: String,
    pub display_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub structure: Option<NamedRef<StructureId>>,
}

impl JournalActorView {
    /// The kind of account that acted; none for the system.
    pub fn account_kind(&self) -> Option<AccountKind> {
        AccountKind::parse(&self.kind).ok()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct JournalTarget {
    pub kind: String,
    pub id: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct JournalView {
    pub at: String,
    pub actor: JournalActorView,
    pub action: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<JournalTarget>,
    pub outcome: String,
    /// The relais a line is about (an item shared with it, or no longer), named.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relay: Option<NamedRef<StructureId>>,
}

impl App {
    /// Her journal, newest first: who did what in her safe, and when.
    pub async fn journal_of(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
    ) -> ServiceResult<Vec<JournalView>> {
        let bid = own_safe(session, bid)?;
        let b2 = bid.clone();
        let (entries, names) = self
            .read(move |tx| {
                let entries = crate::store::journal::for_beneficiary(tx, &b2, 500)?;
                let names: Vec<(StructureId, String)> = structures::all(tx)?
                    .into_iter()
                    .map(|s| (s.id, s.name))
                    .collect();
                Ok((entries, names))
            })
            .await?;
        let named = |sid: &StructureId| NamedRef {
            id: sid.clone(),
            name: names
                .iter()
                .find(|(id, _)| id == sid)
                .map(|(_, n)| n.clone())
                .unwrap_or_default(),
        };
        Ok(entries
            .into_iter()
            .map(|e| JournalView {
                at: crate::clock::rfc3339(e.at),
                actor: JournalActorView {
                    display_name: match AccountKind::parse(&e.actor_kind) {
                        Ok(AccountKind::Beneficiary)
                            if e.actor_account.as_ref() == Some(&session.account_id) =>
                        {
                            session.keys.display_name.clone()
                        }
                        _ => e.actor_name.clone().unwrap_or_default(),
                    },
                    structure: e.actor_structure.as_ref().map(named),
                    kind: e.actor_kind,
                },
                action: e.action,
                target: match (e.target_kind, e.target_id) {
                    (Some(kind), Some(id)) => Some(JournalTarget { kind, id }),
                    _ => None,
                },
                outcome: e.outcome,
                relay: e.about_structure.as_ref().map(named),
            })
            .collect())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use crate::i18n::{Catalogs, SUPPORTED};

    /// The journal page builds `journal-<action>-<outcome>` ids: every action has its sentence.
    #[test]
    fn every_journal_action_has_a_sentence() {
        for lang in SUPPORTED {
            let ids: std::collections::BTreeSet<_> = Catalogs::ids(lang).into_iter().collect();
            for action in super::JOURNAL_ACTIONS {
                let id = format!("journal-{}-success", action.replace('_', "-"));
                assert!(ids.contains(&id), "{lang}: {id}");
            }
            assert!(ids.contains("journal-login-failure"), "{lang}");
        }
    }
}
