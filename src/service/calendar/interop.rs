//! Her agenda as iCalendar (RFC 5545) and her contacts as vCard 3.0 (RFC 2426), so that she
//! can carry them into any phone or calendar. Built from what the caller may see; the person
//! only (her own words leave the safe only when she asks).

use crate::domain::BeneficiaryId;
use crate::policy::Actor;
use crate::service::items::fields::{Event, ItemFields, ItemKind};
use crate::service::items::organizer::list_items;
use crate::service::{App, ServiceError, ServiceResult, Session};

/// Escapes a TEXT value (RFC 5545 3.3.11, RFC 2426 4): backslash, comma, semicolon, newline.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded at 75 octets without splitting a character, ended by CRLF.
pub(crate) fn line(out: &mut String, name: &str, value: &str) {
    let full = format!("{name}:{value}");
    let mut width = 0;
    for c in full.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

pub(crate) fn ics_time(rfc3339: &str) -> Option<String> {
    let t = time::OffsetDateTime::parse(rfc3339, &time::format_description::well_known::Rfc3339)
        .ok()?
        .to_offset(time::UtcOffset::UTC);
    Some(format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    ))
}

fn own(session: &Session) -> ServiceResult<()> {
    match session.actor {
        Actor::Beneficiary { .. } => Ok(()),
        _ => Err(ServiceError::NotFound),
    }
}

impl App {
    /// Her events as an iCalendar file, with her reminders as alarms.
    pub async fn calendar_ics(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
    ) -> ServiceResult<String> {
        own(session)?;
        let events = list_items(self, session, bid, ItemKind::Event).await?;
        let events: Vec<(&str, &Event)> = events
            .iter()
            .filter_map(|e| match &e.fields {
                ItemFields::Event(ev) => Some((e.id.as_str(), ev)),
                _ => None,
            })
            .collect();
        Ok(ics(self, &events))
    }
}

/// An iCalendar file of `events` (id, fields).
pub(crate) fn ics(app: &App, events: &[(&str, &Event)]) -> String {
    let stamp = ics_time(&crate::clock::rfc3339(app.now())).unwrap_or_default();
    let mut out = String::new();
    line(&mut out, "BEGIN", "VCALENDAR");
    line(&mut out, "VERSION", "2.0");
    line(&mut out, "PRODID", "-//Consigne//Consigne//FR");
    line(&mut out, "CALSCALE", "GREGORIAN");
    for (id, ev) in events {
        let Some(start) = ics_time(&ev.starts_at) else {
            continue;
        };
        line(&mut out, "BEGIN", "VEVENT");
        line(&mut out, "UID", &format!("{id}@consigne"));
        line(&mut out, "DTSTAMP", &stamp);
        line(&mut out, "DTSTART", &start);
        line(&mut out, "DURATION", "PT1H");
        line(&mut out, "SUMMARY", &escape(&ev.title));
        if let Some(l) = &ev.location {
            line(&mut out, "LOCATION", &escape(l));
        }
        if let Some(c) = &ev.comment {
            line(&mut out, "DESCRIPTION", &escape(c));
        }
        for r in &ev.reminders {
            line(&mut out, "BEGIN", "VALARM");
            line(&mut out, "ACTION", "DISPLAY");
            line(&mut out, "DESCRIPTION", &escape(&ev.title));
            line(&mut out, "TRIGGER", &format!("-PT{}M", r.minutes_before));
            line(&mut out, "END", "VALARM");
        }
        line(&mut out, "END", "VEVENT");
    }
    line(&mut out, "END", "VCALENDAR");
    out
}

impl App {
    /// Her contacts as a vCard file.
    pub async fn contacts_vcf(
        &self,
        session: &Session,
        bid: &BeneficiaryId,
    ) -> ServiceResult<String> {
        own(session)?;
        let contacts = list_items(self, session, bid, ItemKind::Contact).await?;
        let mut out = String::new();
        for c in &contacts {
            let ItemFields::Contact(ct) = &c.fields else {
                continue;
            };
            line(&mut out, "BEGIN", "VCARD");
            line(&mut out, "VERSION", "3.0");
            line(&mut out, "UID", &format!("{}@consigne", c.id));
            line(&mut out, "FN", &escape(&ct.name));
            line(&mut out, "N", &format!("{};;;;", escape(&ct.name)));
            if let Some(p) = &ct.phone {
                line(&mut out, "TEL;TYPE=CELL", &escape(p));
            }
            if let Some(e) = &ct.email {
                line(&mut out, "EMAIL", &escape(e));
            }
            if let Some(a) = &ct.address {
                line(&mut out, "ADR", &format!(";;{};;;;", escape(a)));
            }
            if let Some(n) = &ct.comment {
                line(&mut out, "NOTE", &escape(n));
            }
            line(&mut out, "END", "VCARD");
        }
        Ok(out)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_escaped_and_folded_on_character_boundaries() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        let mut out = String::new();
        line(&mut out, "SUMMARY", &"é".repeat(60));
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "é".repeat(60)));
        assert_eq!(
            ics_time("2026-12-02T23:00:00Z").as_deref(),
            Some("20261202T230000Z")
        );
    }
}
