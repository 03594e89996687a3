//! Her agenda as iCalendar and her contacts as vCard, read back by independent parsers
//! (Python's `icalendar` and `vobject`, installed by `scripts/start-s3` in the tests' virtual
//! environment, named by `CONSIGNE_TEST_PYTHON`): accented and Arabic text survive.

use std::io::Write;
use std::process::{Command, Stdio};

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::*;

/// Runs `script` with `input` on standard input; returns its standard output as JSON.
fn python(script: &str, input: &[u8]) -> serde_json::Value {
    let python = std::env::var("CONSIGNE_TEST_PYTHON").unwrap_or_else(|_| {
        panic!("set CONSIGNE_TEST_PYTHON (scripts/test-all installs icalendar and vobject)")
    });
    let mut child = Command::new(python)
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "the parser refused the file: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

const READ_ICS: &str = r#"
import sys, json, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
events = []
for e in cal.walk("VEVENT"):
    events.append({
        "summary": str(e.get("summary")),
        "location": str(e.get("location", "")),
        "start": e.decoded("dtstart").isoformat(),
        "alarms": [str(a.get("trigger").to_ical(), "ascii") for a in e.walk("VALARM")],
    })
print(json.dumps(events, ensure_ascii=False))
"#;

const READ_VCF: &str = r#"
import sys, json, vobject
cards = []
for c in vobject.readComponents(sys.stdin.read()):
    cards.append({
        "fn": c.fn.value,
        "tel": c.tel.value if hasattr(c, "tel") else None,
        "note": c.note.value if hasattr(c, "note") else None,
    })
print(json.dumps(cards, ensure_ascii=False))
"#;

#[tokio::test]
async fn her_agenda_and_contacts_open_in_other_software() {
    let w = World::new().await;
    let long = "Rendez-vous à la préfecture de Bobigny, guichet des titres de séjour, \
                apporter le passeport, trois photos, un justificatif de domicile; et la \
                convocation, imprimée";
    for (title, location, starts_at) in [
        (
            long,
            "Préfecture, 1 esplanade Jean-Moulin",
            "2026-12-02T09:30:00Z",
        ),
        (
            "موعد في مكتب المساعدة الاجتماعية",
            "مركز المدينة",
            "2026-12-10T13:00:00Z",
        ),
    ] {
        let r =
            w.t.post(
                &format!("/api/v1/beneficiaries/{}/events", w.bid),
                Some(&w.person),
                json!({"title": title, "location": location, "starts_at": starts_at,
                       "reminders": [{"minutes_before": 1440, "channel": "sms"}]}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    }
    for (name, phone, comment) in [
        (
            "Hélène Lefèvre (assistante sociale)",
            "01 23 45 67 89",
            "Le mardi; pas le jeudi",
        ),
        ("عائشة", "+33 6 12 34 56 78", "صديقة"),
    ] {
        let r =
            w.t.post(
                &format!("/api/v1/beneficiaries/{}/contacts", w.bid),
                Some(&w.person),
                json!({"name": name, "phone": phone, "comment": comment}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    }

    let (status, headers, ics) =
        w.t.get_bytes(
            &format!("/api/v1/beneficiaries/{}/calendar.ics", w.bid),
            &w.person,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    let events = python(READ_ICS, &ics);
    assert_eq!(events.as_array().unwrap().len(), 2);
    assert_eq!(events[0]["summary"], long);
    assert_eq!(events[0]["location"], "Préfecture, 1 esplanade Jean-Moulin");
    assert_eq!(events[0]["start"], "2026-12-02T09:30:00+00:00");
    assert_eq!(events[0]["alarms"][0], "-P1D");
    assert_eq!(events[1]["summary"], "موعد في مكتب المساعدة الاجتماعية");

    let (status, _, vcf) =
        w.t.get_bytes(
            &format!("/api/v1/beneficiaries/{}/contacts.vcf", w.bid),
            &w.person,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let cards = python(READ_VCF, &vcf);
    let names: Vec<&str> = cards
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["fn"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"Hélène Lefèvre (assistante sociale)"),
        "{names:?}"
    );
    assert!(names.contains(&"عائشة"), "{names:?}");
    let helene = cards
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["fn"] == "Hélène Lefèvre (assistante sociale)")
        .unwrap();
    assert_eq!(helene["note"], "Le mardi; pas le jeudi");

    // Hers only: a professional of her relais gets the same 404 as a missing safe.
    let r =
        w.t.get(
            &format!("/api/v1/beneficiaries/{}/calendar.ics", w.bid),
            Some(&w.p1),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}
