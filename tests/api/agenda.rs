//! A structure's agenda: the events its people shared with it and its follow-ups' due dates,
//! by period and referent; as an iCalendar file an independent parser (Python's `icalendar`)
//! reads back; for the structure's members only.

use crate::helpers::*;
use reqwest::StatusCode;
use serde_json::json;

const READ_ICS: &str = r#"
import sys, json, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
out = []
for e in cal.walk("VEVENT"):
    out.append({"summary": str(e.get("summary")), "start": e.decoded("dtstart").isoformat()})
print(json.dumps(out, ensure_ascii=False))
"#;

async fn me(t: &TestApp, token: &str) -> String {
    t.get("/api/v1/me", Some(token)).await.json()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn the_agenda_shows_shared_events_and_due_dates_by_period_and_referent() {
    let w = World::new().await;
    let day = |n| date_in_days(&w.t, n);
    // Her event, shared with s1, in three days at noon UTC; another she keeps for herself.
    let starts = format!("{}T12:00:00Z", day(3));
    let mut ids = Vec::new();
    for title in ["Préfecture, guichet séjour", "Anniversaire"] {
        let r =
            w.t.post(
                &format!("/api/v1/beneficiaries/{}/events", w.bid),
                Some(&w.person),
                json!({"title": title, "starts_at": starts}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        ids.push(r.json()["id"].as_str().unwrap().to_owned());
    }
    w.t.send_method(
        "PUT",
        &format!("/api/v1/events/{}/shares/{}", ids[0], w.s1),
        Some(&w.person),
    )
    .await;
    // Two follow-ups due in two and in twenty days.
    for due in [2, 20] {
        let r =
            w.t.post(
                &format!("/api/v1/structures/{}/people/{}/followups", w.s1, w.bid),
                Some(&w.p1),
                json!({"date": day(0), "medium": "phone", "subjects": [], "status": "todo", "due_on": day(due)}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    }
    let week = format!(
        "/api/v1/structures/{}/agenda?from={}&to={}",
        w.s1,
        day(0),
        day(6)
    );
    let r = w.t.get(&week, Some(&w.p1)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let items = r.json();
    let items = items.as_array().unwrap();
    assert_eq!(items.len(), 2, "{items:?}");
    assert_eq!(items[0]["kind"], "followup_due");
    assert_eq!(items[0]["at"], day(2));
    assert_eq!(items[0]["person"]["display_name"], "Zoé Lefèvre");
    assert_eq!(items[1]["kind"], "event");
    assert_eq!(items[1]["title"], "Préfecture, guichet séjour");
    assert_eq!(items[1]["person"]["id"], w.bid.as_str());
    assert!(!r.text.contains("Anniversaire"));
    // By referent: her case file names p1, who also wrote the follow-ups: both lines.
    let p1 = me(&w.t, &w.p1).await;
    let file = format!("/api/v1/structures/{}/people/{}/file", w.s1, w.bid);
    let r = w.t.patch(&file, &w.p1, json!({"referent_id": p1})).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let mine =
        w.t.get(&format!("{week}&referent={p1}"), Some(&w.p1))
            .await
            .json();
    assert_eq!(mine.as_array().unwrap().len(), 2);
    // Handed over to a colleague: her people's lines are the colleague's; p1 keeps the due
    // date of the follow-up she wrote.
    let (colleague, _, _) = w.t.professional(&w.p1, &w.s1, "member").await;
    let colleague = me(&w.t, &colleague).await;
    let r =
        w.t.post(
            &format!("{file}/handover"),
            Some(&w.p1),
            json!({"referent_id": colleague, "note": "congés"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let theirs =
        w.t.get(&format!("{week}&referent={colleague}"), Some(&w.p1))
            .await
            .json();
    assert_eq!(theirs.as_array().unwrap().len(), 2, "{theirs:?}");
    let mine =
        w.t.get(&format!("{week}&referent={p1}"), Some(&w.p1))
            .await
            .json();
    let mine = mine.as_array().unwrap();
    assert_eq!(mine.len(), 1, "{mine:?}");
    assert_eq!(mine[0]["kind"], "followup_due");
    let nobody =
        w.t.get(
            &format!("{week}&referent=00000000-0000-4000-8000-000000000000"),
            Some(&w.p1),
        )
        .await
        .json();
    assert!(nobody.as_array().unwrap().is_empty());
    // Bad periods.
    for q in [
        format!("from={}&to={}", day(6), day(0)),
        format!("from={}", day(0)),
        format!("from=2026-13-01&to={}", day(0)),
        format!("from={}&to={}", day(0), day(500)),
    ] {
        let r =
            w.t.get(
                &format!("/api/v1/structures/{}/agenda?{q}", w.s1),
                Some(&w.p1),
            )
            .await;
        assert!(r.status.is_client_error(), "{q}: {}", r.status);
    }
    // Nobody else reads it.
    for token in [&w.p2, &w.admin, &w.person] {
        let s = w.t.get(&week, Some(token)).await.status;
        assert!(
            s == StatusCode::NOT_FOUND || s == StatusCode::FORBIDDEN,
            "{s}"
        );
    }
    assert_eq!(w.t.get(&week, None).await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_agenda_downloads_as_icalendar_and_her_journal_says_so() {
    let w = World::new().await;
    let day = |n| date_in_days(&w.t, n);
    let r =
        w.t.post(
            &format!("/api/v1/beneficiaries/{}/events", w.bid),
            Some(&w.person),
            json!({"title": "موعد في مكتب المساعدة", "starts_at": format!("{}T09:30:00Z", day(1))}),
        )
        .await;
    let event = r.json()["id"].as_str().unwrap().to_owned();
    w.t.send_method(
        "PUT",
        &format!("/api/v1/events/{event}/shares/{}", w.s1),
        Some(&w.person),
    )
    .await;
    let r =
        w.t.post(
            &format!("/api/v1/structures/{}/people/{}/followups", w.s1, w.bid),
            Some(&w.p1),
            json!({"date": day(0), "medium": "walk_in", "subjects": ["food"], "status": "todo", "due_on": day(4)}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let ics = format!(
        "/api/v1/structures/{}/agenda.ics?from={}&to={}",
        w.s1,
        day(0),
        day(6)
    );
    let body = w.t.download(&ics, &w.p1, "text/calendar").await;
    let parsed = python(READ_ICS, &body);
    let parsed = parsed.as_array().unwrap();
    assert_eq!(parsed.len(), 2, "{parsed:?}");
    let summaries: Vec<&str> = parsed
        .iter()
        .map(|e| e["summary"].as_str().unwrap())
        .collect();
    assert!(
        summaries.contains(&"موعد في مكتب المساعدة — Zoé Lefèvre"),
        "{summaries:?}"
    );
    assert!(
        summaries
            .iter()
            .any(|s| s.ends_with("— Zoé Lefèvre") && !s.contains("موعد"))
    );
    let due = parsed
        .iter()
        .find(|e| !e["summary"].as_str().unwrap().contains("موعد"))
        .unwrap();
    assert_eq!(due["start"], day(4));
    // Her event left Consigne for the professional's calendar: her journal says it was viewed.
    assert!(
        w.her_journal()
            .await
            .iter()
            .any(|l| l["action"] == "event_viewed"
                && l["actor"]["kind"] == "professional"
                && l["target"]["id"] == event.as_str())
    );
}
