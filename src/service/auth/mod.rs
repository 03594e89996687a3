//! Getting in and staying in: logging in (`login`), sessions (`sessions`), the second factor
//! (`totp`), login throttling (`throttle`), accounts and passwords (`accounts`), a person's
//! identity record and the keys her vault key opens (`identity`), what a session holds
//! (`keys`), and getting back in without e-mail or phone (`recovery`, and the optional security
//! question, `question`).

pub(crate) mod accounts;
pub(crate) mod identity;
pub(crate) mod keys;
pub(crate) mod login;
pub(crate) mod question;
pub(crate) mod recovery;
pub(crate) mod sessions;
pub(crate) mod throttle;
pub(crate) mod totp;

pub use accounts::{AccountView, StructureRef};
pub use keys::{SecurityNotices, Session, SessionKeys, Software, Stage};
pub use login::{LoginOutcome, LoginRequest};
pub use question::{QuestionRecoverRequest, QuestionView};
pub use recovery::{InPersonReset, PendingReset, RecoverRequest, ResetNotice, ResetStarted};
pub use totp::TotpEnrollment;
