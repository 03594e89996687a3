//! The people list of a structure (issue 14, item 6): search by name, identifier or birth
//! date on sealed names, homonyms told apart by their identifier, filters (by referent, no
//! contact for N days, papers expiring), pages, and who may read it.

use crate::helpers::*;
use reqwest::StatusCode;
use serde_json::{Value, json};

const DAY: i64 = 86_400;

fn people(w: &World, query: &str) -> String {
    format!("/api/v1/structures/{}/people{query}", w.s1)
}

/// The identifiers of a page of the list, in its order.
fn identifiers(j: &Value) -> Vec<String> {
    j["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["identifier"].as_str().unwrap().to_owned())
        .collect()
}

async fn list(w: &World, query: &str) -> Value {
    list_as(w, &w.p1, query).await
}

async fn list_as(w: &World, token: &str, query: &str) -> Value {
    let r = w.t.get(&people(w, query), Some(token)).await;
    assert_eq!(r.status, StatusCode::OK, "{query}: {}", r.text);
    r.json()
}

/// A page as the professional `token` sees it: (status, HTML).
async fn pro_page(t: &TestApp, token: &str, path: &str) -> (StatusCode, String) {
    let (status, _, body) = crate::pages::page(&session_browser(t, token), t, path).await;
    (status, body)
}

async fn account_id(t: &TestApp, token: &str) -> String {
    t.get("/api/v1/me", Some(token)).await.json()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn search_by_name_identifier_or_birth_date_tells_homonyms_apart() {
    let w = World::new().await;
    let t = &w.t;
    // Two people of the same name and birth date, and a third.
    let (a, ida, _) = t
        .open_safe(&w.p1, &w.s1, "Amina", "Benali", "1990-02-14")
        .await;
    let (b, idb, _) = t
        .open_safe(&w.p1, &w.s1, "Amina", "Benali", "1990-02-14")
        .await;
    t.open_safe(&w.p1, &w.s1, "Karim", "Benali", "1988-07-01")
        .await;
    assert_eq!(ida, "amina.benali.14021990");
    assert_eq!(idb, "amina.benali.14021990-2");

    // No search: everyone (newest relais first; these four were opened within a second or
    // two, so the order is not checked here), each with her identifier.
    let j = list(&w, "").await;
    assert_eq!(j["total"], 4);
    assert_eq!(j["page"], 1);
    assert!(j.get("next_page").is_none_or(Value::is_null), "{j}");
    let mut all = identifiers(&j);
    all.sort();
    assert_eq!(
        all,
        [
            "amina.benali.14021990",
            "amina.benali.14021990-2",
            "karim.benali.01071988",
            w.identifier.as_str()
        ]
    );
    let first = j["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["identifier"] == idb.as_str())
        .unwrap();
    assert_eq!(first["id"], b.as_str());
    assert_eq!(first["first_name"], "Amina");
    assert_eq!(first["last_name"], "Benali");
    assert_eq!(first["birth_date"], "1990-02-14");

    // By name, in either order, with accents and case folded.
    for q in ["benali amina", "AMINA BENALI", "Àmina"] {
        let j = list(&w, &format!("?q={}", urlencode(q))).await;
        let mut found = identifiers(&j);
        found.sort();
        assert_eq!(found, [ida.as_str(), idb.as_str()], "{q}");
    }
    // By identifier: the homonym's suffix picks her out.
    let j = list(&w, "?q=amina.benali.14021990-2").await;
    assert_eq!(identifiers(&j), ["amina.benali.14021990-2"]);
    assert_eq!(j["items"][0]["id"], b.as_str());
    let j = list(&w, "?q=amina.benali.14021990").await;
    assert_eq!(j["total"], 2);
    // By birth date, however it is written.
    for q in ["14/02/1990", "1990-02-14", "14021990"] {
        let j = list(&w, &format!("?q={}", urlencode(q))).await;
        assert_eq!(j["total"], 2, "{q}");
        assert!(identifiers(&j).contains(&ida), "{q}");
    }
    let j = list(&w, "?q=01/07/1988").await;
    assert_eq!(identifiers(&j), ["karim.benali.01071988"]);
    let j = list(&w, "?q=nobody").await;
    assert_eq!(j["total"], 0);
    assert_eq!(j["items"], json!([]));

    // The page tells the homonyms apart too: each line shows the identifier.
    let (_, html) = pro_page(t, &w.p1, &format!("/pro?s={}&q=amina", w.s1)).await;
    assert!(html.contains("amina.benali.14021990-2"), "{html}");
    assert!(html.contains(&format!("/pro/b/{a}")));
    assert!(html.contains(&format!("/pro/b/{b}")));
}

fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("q", s)]).unwrap()[2..].to_owned()
}

#[tokio::test]
async fn filters_by_referent_last_contact_and_papers_expiring() {
    let w = World::new().await;
    let t = &w.t;
    // A colleague added by the structure's admin (who holds its key: she is active at once).
    let (colleague, _, _) = t.professional(&w.p1, &w.s1, "member").await;
    let colleague_id = account_id(t, &colleague).await;
    let me = account_id(t, &w.p1).await;
    // Noon (UTC), ten days from now: Zoé has been followed since now.
    let t0 = (t.app.now() / DAY + 10) * DAY + 12 * 3600;
    t.clock.set(t0);
    let mut p1 =
        w.t.login_staff(&w.p1_login.0, STAFF_PASSWORD, &w.p1_login.1)
            .await;
    let (quiet, _, _) = t
        .open_safe(&p1, &w.s1, "Nadia", "Quiet", "1980-01-01")
        .await;
    let (seen, _, _) = t.open_safe(&p1, &w.s1, "Omar", "Seen", "1981-01-01").await;
    let (papers, _, _) = t
        .open_safe(&p1, &w.s1, "Petra", "Papers", "1982-01-01")
        .await;
    // Referents: Nadia is mine, Omar my colleague's, Petra nobody's (and Zoé too).
    for (bid, referent) in [(&quiet, &me), (&seen, &colleague_id)] {
        let r = t
            .patch(
                &format!("/api/v1/structures/{}/people/{bid}/file", w.s1),
                &p1,
                json!({"referent_id": referent}),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    }
    // The ids of a page, sorted: people opened in the same second have no set order.
    let ids = |j: &Value| -> Vec<String> {
        let mut ids: Vec<String> = j["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].as_str().unwrap().to_owned())
            .collect();
        ids.sort();
        ids
    };
    let set = |mut v: Vec<String>| {
        v.sort();
        v
    };
    let j = list_as(&w, &p1, &format!("?referent={me}")).await;
    assert_eq!(ids(&j), set(vec![quiet.clone()]));
    assert_eq!(j["items"][0]["referent"]["id"], me.as_str());
    assert!(j["items"][0]["referent"]["display_name"].is_string());
    let j = list_as(&w, &p1, &format!("?referent={colleague_id}")).await;
    assert_eq!(ids(&j), set(vec![seen.clone()]));
    let j = list_as(&w, &p1, "?referent=none").await;
    assert_eq!(ids(&j), set(vec![papers.clone(), w.bid.clone()]));

    // Follow-ups: Nadia and Omar met on day 0; Omar again on day 80 (then a planned meeting
    // dated in the future, which is no contact yet).
    let report = |date: String| json!({"date": date, "medium": "walk_in", "subjects": [], "status": "done", "private_text": "x"});
    for bid in [&quiet, &seen] {
        let r = t
            .post(
                &format!("/api/v1/structures/{}/people/{bid}/followups", w.s1),
                Some(&p1),
                report(date_in_days(t, 0)),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    }
    t.clock.set(t0 + 80 * DAY);
    p1 =
        w.t.login_staff(&w.p1_login.0, STAFF_PASSWORD, &w.p1_login.1)
            .await;
    for days in [0, 30] {
        let r = t
            .post(
                &format!("/api/v1/structures/{}/people/{seen}/followups", w.s1),
                Some(&p1),
                report(date_in_days(t, days)),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    }
    t.clock.set(t0 + 100 * DAY);
    p1 =
        w.t.login_staff(&w.p1_login.0, STAFF_PASSWORD, &w.p1_login.1)
            .await;
    // Papers: Petra's residence permit, added by the structure (so shared with it), expires
    // in 20 days; Zoé keeps a dated paper to herself (not shared: the structure sees nothing).
    let doc = t
        .upload(
            &p1,
            &papers,
            pdf("titre"),
            "titre.pdf",
            Some("Titre de séjour"),
        )
        .await;
    assert_eq!(doc.status, StatusCode::CREATED, "{}", doc.text);
    let doc = doc.json()["id"].as_str().unwrap().to_owned();
    let soon = date_in_days(t, 20);
    let r = t
        .patch(
            &format!("/api/v1/documents/{doc}"),
            &p1,
            json!({"expires_on": soon}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let person = t.login_ok(&w.identifier, PERSON_PASSWORD).await;
    let own = t
        .upload(&person, &w.bid, pdf("carte"), "carte.pdf", Some("Carte"))
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let r = t
        .patch(
            &format!("/api/v1/documents/{own}"),
            &person,
            json!({"expires_on": date_in_days(t, 5)}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);

    // Last contact, as of day 100: Omar on day 80, Nadia on day 0, the others never.
    let j = list_as(&w, &p1, "").await;
    let line = |bid: &str| {
        j["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == bid)
            .unwrap()
            .clone()
    };
    assert_eq!(line(&seen)["last_contact_at"], date_in_days(t, -20));
    assert_eq!(line(&quiet)["last_contact_at"], date_in_days(t, -100));
    assert!(line(&papers).get("last_contact_at").is_none());
    assert_eq!(line(&papers)["paper_expires_on"], soon.as_str());
    assert!(line(&w.bid).get("paper_expires_on").is_none());
    // No contact for 60 days: Nadia (day 0), Zoé and Petra (followed for 100 days, never
    // seen); not Omar (day 80).
    let j = list_as(&w, &p1, "?no_contact_days=60").await;
    assert_eq!(
        ids(&j),
        set(vec![papers.clone(), quiet.clone(), w.bid.clone()])
    );
    // No contact for 150 days: nobody has been followed that long.
    let j = list_as(&w, &p1, "?no_contact_days=150").await;
    assert_eq!(j["total"], 0);
    // Papers expiring: Petra only (Zoé's paper is not shared with the structure).
    let j = list_as(&w, &p1, "?papers_expiring=true").await;
    assert_eq!(ids(&j), set(vec![papers.clone()]));
    // Filters combine, with the search too.
    let j = list_as(&w, &p1, &format!("?no_contact_days=60&referent={me}")).await;
    assert_eq!(ids(&j), set(vec![quiet.clone()]));
    let j = list_as(&w, &p1, "?papers_expiring=true&q=petra").await;
    assert_eq!(ids(&j), set(vec![papers.clone()]));
    let j = list_as(&w, &p1, "?papers_expiring=true&q=zoe").await;
    assert_eq!(j["total"], 0);

    // The page: the same filters as plain links and form fields, lines with what they read.
    let (_, html) = pro_page(t, &p1, &format!("/pro?s={}&quiet=60&expiring=1", w.s1)).await;
    assert!(html.contains(&format!("/pro/b/{papers}")), "{html}");
    assert!(!html.contains(&format!("/pro/b/{quiet}")));
    assert!(html.contains(&consigne::clock::day_first(&soon)), "{html}");
    let (_, html) = pro_page(t, &p1, &format!("/pro?s={}&referent=me", w.s1)).await;
    assert!(html.contains(&format!("/pro/b/{quiet}")));
    assert!(!html.contains(&format!("/pro/b/{seen}")));
    assert!(html.contains(&consigne::clock::day_first(&date_in_days(t, -100))));
}

#[tokio::test]
async fn pages_of_fifty_with_and_without_filters() {
    let w = World::new().await;
    let t = &w.t;
    for n in 0..54 {
        t.open_safe(&w.p1, &w.s1, "Léa", &format!("Page{n:02}"), "1999-09-09")
            .await;
    }
    // 55 people: two pages, the last one of 5.
    let j = list(&w, "").await;
    assert_eq!(
        (j["total"].as_i64(), j["items"].as_array().unwrap().len()),
        (Some(55), 50)
    );
    assert_eq!(j["next_page"], 2);
    let j2 = list(&w, "?page=2").await;
    assert_eq!(j2["items"].as_array().unwrap().len(), 5);
    assert!(j2.get("next_page").is_none_or(Value::is_null));
    let all: Vec<String> = [identifiers(&j), identifiers(&j2)].concat();
    let mut unique = all.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 55);
    // A search pages its matches the same way.
    let j = list(&w, "?q=lea&page=2").await;
    assert_eq!(j["total"], 54);
    assert_eq!(j["items"].as_array().unwrap().len(), 4);
    // So does a filter.
    let j = list(&w, "?referent=none&page=2").await;
    assert_eq!(
        (j["total"].as_i64(), j["items"].as_array().unwrap().len()),
        (Some(55), 5)
    );
    let j = list(&w, "?page=3").await;
    assert_eq!(j["items"], json!([]));
}

#[tokio::test]
async fn bad_parameters_are_refused_and_only_its_members_read_the_list() {
    let w = World::new().await;
    let t = &w.t;
    for query in [
        "?no_contact_days=0",
        "?no_contact_days=-1",
        "?no_contact_days=3651",
        "?no_contact_days=soon",
        "?referent=someone",
        "?papers_expiring=maybe",
        "?papers_expiring=1",
        "?referent=",
        "?referent=%20none",
        "?no_contact_days=",
        "?page=0",
        "?page=x",
    ] {
        let r = t.get(&people(&w, query), Some(&w.p1)).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{query}: {}", r.text);
        assert_eq!(r.json()["error"]["code"], "invalid_input", "{query}");
    }
    let (status, _) = pro_page(t, &w.p1, &format!("/pro?s={}&quiet=0", w.s1)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    // Her own list is for the structure's members: anyone else finds nothing.
    let (admin_token, _, _) = t.platform_admin().await;
    for (who, token, want) in [
        ("member", Some(w.p1.as_str()), StatusCode::OK),
        (
            "other structure",
            Some(w.p2.as_str()),
            StatusCode::NOT_FOUND,
        ),
        ("mediation", Some(w.pm.as_str()), StatusCode::NOT_FOUND),
        ("the person", Some(w.person.as_str()), StatusCode::NOT_FOUND),
        // The operator knows the structures, not whom they follow.
        (
            "platform admin",
            Some(admin_token.as_str()),
            StatusCode::FORBIDDEN,
        ),
        ("anonymous", None, StatusCode::UNAUTHORIZED),
    ] {
        let r = t.get(&people(&w, ""), token).await;
        assert_eq!(r.status, want, "{who}: {}", r.text);
        if want != StatusCode::OK {
            assert!(!r.text.contains("Lef"), "{who}");
        }
    }
    // A mediation structure follows nobody: its own professional is told so.
    let r = t
        .get(&format!("/api/v1/structures/{}/people", w.med), Some(&w.pm))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text);
}
