//! Time, injected: services ask a `Clock` so that expiry and throttling are testable.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

/// Seconds since the Unix epoch.
pub type Timestamp = i64;

pub trait Clock: Send + Sync + std::fmt::Debug {
    fn now(&self) -> Timestamp;
}

#[derive(Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        time::OffsetDateTime::now_utc().unix_timestamp()
    }
}

/// The system clock moved by an offset (seconds, usually negative): `consigne demo` writes a
/// year of a structure's history by setting the offset back month after month, then to zero.
#[derive(Debug, Default)]
pub struct ShiftedClock(AtomicI64);

impl ShiftedClock {
    pub fn shift_to(&self, offset: i64) {
        self.0.store(offset, Ordering::SeqCst);
    }
}

impl Clock for ShiftedClock {
    fn now(&self) -> Timestamp {
        SystemClock.now() + self.0.load(Ordering::SeqCst)
    }
}

/// A clock that tests move by hand.
#[derive(Debug, Clone)]
pub struct ManualClock(Arc<AtomicI64>);

impl ManualClock {
    pub fn new(start: Timestamp) -> Self {
        Self(Arc::new(AtomicI64::new(start)))
    }
    pub fn advance(&self, seconds: i64) {
        self.0.fetch_add(seconds, Ordering::SeqCst);
    }
    pub fn set(&self, at: Timestamp) {
        self.0.store(at, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Timestamp {
        self.0.load(Ordering::SeqCst)
    }
}

/// RFC 3339 UTC rendering of a timestamp, as the API promises (`2026-11-22T10:00:00Z`).
pub fn rfc3339(at: Timestamp) -> String {
    let t =
        time::OffsetDateTime::from_unix_timestamp(at).unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    let f = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    t.format(&f).unwrap_or_default()
}

/// A moment as people read it here: the date and the time to the minute (never seconds) in
/// the platform's time zone (`[reminders] time_zone`; later a structure's own). Pages, printed
/// papers and texts all go through [`local`]; the API keeps RFC 3339 UTC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalTime {
    /// `YYYY-MM-DD`, the local date.
    pub date: String,
    /// `HH:MM`, the local time.
    pub time: String,
}

/// The time zone named `name` (an IANA name, checked when the configuration loads); UTC when
/// unknown.
pub fn zone(name: &str) -> jiff::tz::TimeZone {
    jiff::tz::TimeZone::get(name).unwrap_or(jiff::tz::TimeZone::UTC)
}

/// `at` in `zone`, to the minute.
pub fn local(zone: &jiff::tz::TimeZone, at: Timestamp) -> LocalTime {
    let ts = jiff::Timestamp::from_second(at).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    let z = ts.to_zoned(zone.clone());
    LocalTime {
        date: z.strftime("%Y-%m-%d").to_string(),
        time: z.strftime("%H:%M").to_string(),
    }
}

/// An RFC 3339 moment (as views carry them) in `zone`; `None` when it does not parse.
pub fn local_rfc3339(zone: &jiff::tz::TimeZone, rfc3339: &str) -> Option<LocalTime> {
    let t: jiff::Timestamp = rfc3339.parse().ok()?;
    Some(local(zone, t.as_second()))
}

/// `DD/MM/YYYY` from `YYYY-MM-DD...`, as people read dates here.
pub fn day_first(iso: &str) -> String {
    let d: Vec<&str> = iso.get(..10).unwrap_or(iso).split('-').collect();
    match d.as_slice() {
        [y, m, dd] => format!("{dd}/{m}/{y}"),
        _ => iso.to_owned(),
    }
}

/// The place a zone is named after, as people say "Paris time": the last part of its IANA
/// name (`Europe/Paris` -> `Paris`, `America/Argentina/Buenos_Aires` -> `Buenos Aires`).
pub fn zone_city(name: &str) -> String {
    name.rsplit('/').next().unwrap_or(name).replace('_', " ")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn local_times_have_no_seconds_and_follow_the_zone() {
        let paris = zone("Europe/Paris");
        // 2027-03-14T03:57:46Z: winter time in Paris (UTC+1).
        let winter = local(&paris, 1_804_996_666);
        assert_eq!(winter.date, "2027-03-14");
        assert_eq!(winter.time, "04:57");
        // Summer time (UTC+2), and a date that changes at local midnight.
        let summer = local_rfc3339(&paris, "2027-07-01T22:30:59Z").unwrap();
        assert_eq!(
            summer,
            LocalTime {
                date: "2027-07-02".into(),
                time: "00:30".into()
            }
        );
        assert_eq!(local(&zone("UTC"), 0).time, "00:00");
        assert_eq!(local(&zone("Nowhere/Atlantis"), 0).date, "1970-01-01");
        assert!(local_rfc3339(&paris, "yesterday").is_none());
    }

    #[test]
    fn days_are_written_day_first() {
        assert_eq!(day_first("2027-03-14"), "14/03/2027");
        assert_eq!(day_first("2027-03-14T03:57:46Z"), "14/03/2027");
        assert_eq!(day_first("soon"), "soon");
    }

    #[test]
    fn zone_cities() {
        assert_eq!(zone_city("Europe/Paris"), "Paris");
        assert_eq!(zone_city("America/Argentina/Buenos_Aires"), "Buenos Aires");
        assert_eq!(zone_city("UTC"), "UTC");
    }
}
