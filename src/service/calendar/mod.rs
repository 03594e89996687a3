//! Her agenda beyond the safe: reminders by SMS before an event or an expiry (`reminders`), her
//! private calendar feed (`feeds`), and her events and contacts as iCalendar and vCard
//! (`interop`).

pub(crate) mod feeds;
pub(crate) mod interop;
pub(crate) mod reminders;

pub use feeds::CalendarFeedView;
pub use reminders::{
    EventSchedule, ReminderView, after_quiet_hours, from_local_date_time, local_date_time,
};
