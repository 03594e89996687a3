//! Short success notices after an action ("Saved", "Shared with the relais you ticked", "You
//! accepted the invitation"...), and the private/shared mark every item carries in a list.
//!
//! A notice travels as a code in a short-lived cookie set on the redirect that ends the action
//! (so it works without JavaScript, and a reload or a bookmark does not show it again): the
//! next page read shows it once, as a `role="status"` message, and clears the cookie. Only the
//! codes below are ever shown; nothing the request says is echoed.

use super::{Ctx, icons::icon};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};

/// The cookie carrying the notice to the next page (not a secret: a code from [`Notice`]).
pub const NOTICE_COOKIE: &str = "consigne_notice";
/// Long enough for the redirect to be followed on a slow network, short enough never to
/// surface on a later, unrelated page.
const NOTICE_SECONDS: i64 = 120;

/// What just happened, told on the next page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// A form was saved (a document's name, a contact, a folder, a setting).
    Saved,
    /// Something new is in the safe (a document, a scan, a contact, a note, an appointment).
    Added,
    Deleted,
    /// Sharing saved: the ticked relais see it.
    Shared,
    /// Sharing saved with no relais ticked: only she sees it.
    Private,
    InvitationAccepted,
    InvitationDeclined,
    RelayLeft,
    /// A photo joined the scan being made.
    PageAdded,
    PageRemoved,
    /// The scan's photos were dropped before saving.
    ScanCancelled,
    /// A share link was revoked: its address no longer works.
    LinkRevoked,
    /// A message went to the other side of a thread.
    Sent,
}

impl Notice {
    const ALL: [Self; 13] = [
        Self::Saved,
        Self::Added,
        Self::Deleted,
        Self::Shared,
        Self::Private,
        Self::InvitationAccepted,
        Self::InvitationDeclined,
        Self::RelayLeft,
        Self::PageAdded,
        Self::PageRemoved,
        Self::ScanCancelled,
        Self::LinkRevoked,
        Self::Sent,
    ];

    fn code(self) -> &'static str {
        match self {
            Self::Saved => "saved",
            Self::Added => "added",
            Self::Deleted => "deleted",
            Self::Shared => "shared",
            Self::Private => "private",
            Self::InvitationAccepted => "invitation-accepted",
            Self::InvitationDeclined => "invitation-declined",
            Self::RelayLeft => "relay-left",
            Self::PageAdded => "page-added",
            Self::PageRemoved => "page-removed",
            Self::ScanCancelled => "scan-cancelled",
            Self::LinkRevoked => "link-revoked",
            Self::Sent => "sent",
        }
    }

    /// The notice a cookie's value names, if any.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|n| n.code() == code)
    }

    /// Sharing saved with `relays` relais ticked.
    pub fn shares(relays: usize) -> Self {
        if relays == 0 {
            Self::Private
        } else {
            Self::Shared
        }
    }
}

impl Ctx {
    /// A redirect to `to` whose next page says `notice`.
    pub fn redirect_with(&self, to: &str, notice: Notice) -> Response {
        let mut res = Redirect::to(to).into_response();
        self.tell(&mut res, notice);
        res
    }

    /// Adds `notice` for the next page to a response that leads there.
    pub fn tell(&self, res: &mut Response, notice: Notice) {
        self.add_cookie(res, NOTICE_COOKIE, notice.code(), Some(NOTICE_SECONDS));
    }

    /// The notice this page shows, at the top of its content.
    pub(super) fn notice_banner(&self, notice: Notice) -> Markup {
        html! {
            div.notice.success.flash role="status" {
                p { (icon("check")) " " (self.t(&format!("notice-{}", notice.code()))) }
            }
        }
    }

    /// "Private" or "Shared with N relais": the mark of an item in a list, in words beside its
    /// pictogram. `shared`: how many of her relais see it (for a professional, the structures
    /// of hers that see it).
    pub fn share_mark(&self, shared: usize) -> Markup {
        html! {
            @if shared == 0 {
                span.mark.private { (icon("lock")) " " (self.t("mark-private")) }
            } @else {
                span.mark.shared { (icon("people")) " " (self.ta("mark-shared", &[("count", shared.into())])) }
            }
        }
    }

    /// The mark of an item in a professional's view: what she sees is shared with her structure.
    pub fn structure_mark(&self) -> Markup {
        html! { span.mark.shared { (icon("people")) " " (self.t("mark-shared-structure")) } }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back_and_nothing_else_does() {
        for n in Notice::ALL {
            assert_eq!(Notice::parse(n.code()), Some(n));
        }
        assert_eq!(Notice::parse("<script>"), None);
        assert_eq!(Notice::parse(""), None);
        assert_eq!(Notice::shares(0), Notice::Private);
        assert_eq!(Notice::shares(2), Notice::Shared);
    }
}
