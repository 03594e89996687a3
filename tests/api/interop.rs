//! Her agenda as iCalendar and her contacts as vCard, read back by independent parsers
//! (Python's `icalendar` and `vobject`, installed by `scripts/start-s3` in the tests' virtual
//! environment, named by `CONSIGNE_TEST_PYTHON`): accented and Arabic text survive.

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::*;

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

    let ics = format!("/api/v1/beneficiaries/{}/calendar.ics", w.bid);
    let ics = w.t.download(&ics, &w.person, "text/calendar").await;
    let events = python(READ_ICS, &ics);
    assert_eq!(events.as_array().unwrap().len(), 2);
    assert_eq!(events[0]["summary"], long);
    assert_eq!(events[0]["location"], "Préfecture, 1 esplanade Jean-Moulin");
    assert_eq!(events[0]["start"], "2026-12-02T09:30:00+00:00");
    assert_eq!(events[0]["alarms"][0], "-P1D");
    assert_eq!(events[1]["summary"], "موعد في مكتب المساعدة الاجتماعية");

    let vcf = format!("/api/v1/beneficiaries/{}/contacts.vcf", w.bid);
    let vcf = w.t.download(&vcf, &w.person, "text/vcard").await;
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

/// The path of a feed address (`http://host/calendar/<token>.ics` → `/calendar/<token>.ics`).
fn feed_path(url: &str) -> String {
    let at = url.find("/calendar/").unwrap();
    url[at..].to_owned()
}

fn summaries(ics: &[u8]) -> Vec<String> {
    let mut out: Vec<String> = python(READ_ICS, ics)
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["summary"].as_str().unwrap().to_owned())
        .collect();
    out.sort();
    out
}

#[tokio::test]
async fn her_private_calendar_feed_follows_her_agenda_until_she_stops_it() {
    let w = World::new().await;
    let events = format!("/api/v1/beneficiaries/{}/events", w.bid);
    let new_event = |title: &str| json!({"title": title, "starts_at": "2026-12-02T09:30:00Z"});
    let r =
        w.t.post(&events, Some(&w.person), new_event("CAF à 9h30"))
            .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let r =
        w.t.post(
            &format!("/api/v1/beneficiaries/{}/contacts", w.bid),
            Some(&w.person),
            json!({"name": "Contact-secret-Hélène", "phone": "0123456789"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let r =
        w.t.post(
            &format!("/api/v1/beneficiaries/{}/notes", w.bid),
            Some(&w.person),
            json!({"title": "Note-secrète", "body": "mot de passe CAF: Soleil42"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);

    // No feed yet.
    let r = w.t.get("/api/v1/me/calendar-feed", Some(&w.person)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);

    let r =
        w.t.post_empty("/api/v1/me/calendar-feed", Some(&w.person))
            .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let url = r.json()["url"].as_str().unwrap().to_owned();
    let path = feed_path(&url);
    assert!(url.starts_with("http://127.0.0.1/calendar/") && url.ends_with(".ics"));

    // An appointment a professional of her relais adds afterwards appears too.
    let r =
        w.t.post(&events, Some(&w.p1), new_event("موعد مع المساعدة"))
            .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);

    // Read without any session, as her phone's calendar does.
    let (status, headers, body) = {
        let r = w.t.get(&path, None).await;
        (r.status, r.headers.clone(), r.text.into_bytes())
    };
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    assert_eq!(headers["cache-control"], "no-store");
    assert_eq!(
        summaries(&body),
        vec!["CAF à 9h30".to_owned(), "موعد مع المساعدة".to_owned()]
    );
    // Her events only: nothing of her contacts or notes.
    let text = String::from_utf8(body).unwrap();
    for absent in ["Contact-secret", "Note-secr", "Soleil42"] {
        assert!(!text.contains(absent), "{absent} leaked into the feed");
    }

    // She sees her address again, and when a calendar last read it.
    let r = w.t.get("/api/v1/me/calendar-feed", Some(&w.person)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["url"], url.as_str());
    assert!(r.json()["last_read_at"].is_string());
    // Hers alone: a professional has no feed to see or make.
    let r = w.t.get("/api/v1/me/calendar-feed", Some(&w.p1)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r =
        w.t.post_empty("/api/v1/me/calendar-feed", Some(&w.p1))
            .await;
    assert!(r.status.is_client_error(), "{}", r.status);

    // A deleted appointment leaves the feed.
    let list = w.t.get(&events, Some(&w.person)).await.json();
    let caf = list
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["title"] == "CAF à 9h30")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let r =
        w.t.delete(&format!("/api/v1/events/{caf}"), Some(&w.person))
            .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    let r = w.t.get(&path, None).await;
    assert_eq!(
        summaries(r.text.as_bytes()),
        vec!["موعد مع المساعدة".to_owned()]
    );

    // A new address stops the old one at once.
    let r =
        w.t.post_empty("/api/v1/me/calendar-feed", Some(&w.person))
            .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let renewed = feed_path(r.json()["url"].as_str().unwrap());
    assert_ne!(renewed, path);
    assert_eq!(w.t.get(&path, None).await.status, StatusCode::NOT_FOUND);
    let r = w.t.get(&renewed, None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        summaries(r.text.as_bytes()),
        vec!["موعد مع المساعدة".to_owned()]
    );

    // Stopped: the address answers like one that never existed.
    let r =
        w.t.delete("/api/v1/me/calendar-feed", Some(&w.person))
            .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(w.t.get(&renewed, None).await.status, StatusCode::NOT_FOUND);
    let r = w.t.get("/api/v1/me/calendar-feed", Some(&w.person)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r =
        w.t.delete("/api/v1/me/calendar-feed", Some(&w.person))
            .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    for bad in [
        "/calendar/abc.ics",
        "/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics",
        "/calendar/..%2F..%2Fetc%2Fpasswd",
    ] {
        assert_eq!(
            w.t.get(bad, None).await.status,
            StatusCode::NOT_FOUND,
            "{bad}"
        );
    }

    // Her journal tells both.
    let journal =
        w.t.get(
            &format!("/api/v1/beneficiaries/{}/journal", w.bid),
            Some(&w.person),
        )
        .await
        .json();
    let actions: Vec<&str> = journal
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert!(actions.contains(&"calendar_feed_created"), "{actions:?}");
    assert!(actions.contains(&"calendar_feed_revoked"), "{actions:?}");
}

/// A leaked address opens her events and nothing else: the feed holds keys for events only,
/// and a key slipped in for another item (a document) neither opens it nor shows it.
#[tokio::test]
async fn a_leaked_feed_address_opens_her_events_only() {
    let w = World::new().await;
    let r =
        w.t.post(
            &format!("/api/v1/beneficiaries/{}/events", w.bid),
            Some(&w.person),
            json!({"title": "Préfecture", "starts_at": "2026-12-02T09:30:00Z"}),
        )
        .await;
    let event = r.json()["id"].as_str().unwrap().to_owned();
    let doc =
        w.t.upload(
            &w.person,
            &w.bid,
            pdf("Passeport-secret"),
            "passeport.pdf",
            None,
        )
        .await;
    assert_eq!(doc.status, StatusCode::CREATED, "{}", doc.text);
    let doc = doc.json()["id"].as_str().unwrap().to_owned();
    let r =
        w.t.post_empty("/api/v1/me/calendar-feed", Some(&w.person))
            .await;
    let path = feed_path(r.json()["url"].as_str().unwrap());

    let (e2, d2) = (event.clone(), doc.clone());
    let kinds =
        w.t.app
            .tx(move |tx| {
                let rows = tx.query(
                    "SELECT i.kind FROM calendar_feed_keys k JOIN items i ON i.id = k.item_id",
                    &[],
                )?;
                let kinds: Vec<String> = rows.iter().map(|r| r.text(0).unwrap()).collect();
                // Slip the event's wrapped key in for the document, as a database thief could.
                let (feed, wrap) = {
                    let row = tx.query_one(
                        "SELECT feed_id, key_wrap FROM calendar_feed_keys WHERE item_id = $1",
                        &[e2.as_str().into()],
                    )?;
                    (row.text(0)?, row.blob(1)?)
                };
                tx.execute(
                "INSERT INTO calendar_feed_keys (feed_id, item_id, key_wrap) VALUES ($1, $2, $3)",
                &[feed.into(), d2.as_str().into(), wrap.into()],
            )?;
                Ok(kinds)
            })
            .await
            .unwrap();
    assert_eq!(kinds, vec!["event".to_owned()]);
    let r = w.t.get(&path, None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(summaries(r.text.as_bytes()), vec!["Préfecture".to_owned()]);
    assert!(!r.text.contains("passeport"));
}
