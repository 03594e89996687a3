//! A household (issue 14, item 3): links between safes with both people's consent, undoing
//! them, dependants and who is shown them, the professional's family file (never wider than
//! what each person shares with her structure), the journal lines and nothing in clear at rest.

use crate::canary::assert_absent;
use crate::helpers::*;
use reqwest::StatusCode;
use serde_json::{Value, json};

fn links(t: &Value) -> Vec<Value> {
    t["links"].as_array().unwrap().clone()
}

async fn household(w: &World, bid: &str, token: &str) -> Value {
    let r =
        w.t.get(
            &format!("/api/v1/beneficiaries/{bid}/household"),
            Some(token),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    r.json()
}

async fn family(w: &World, sid: &str, bid: &str, token: &str) -> crate::helpers::Resp {
    w.t.get(
        &format!("/api/v1/structures/{sid}/people/{bid}/household"),
        Some(token),
    )
    .await
}

/// The members or the dependants (`part`) of `bid`'s family file, as `token` sees it.
async fn family_part(w: &World, sid: &str, bid: &str, token: &str, part: &str) -> Vec<Value> {
    let r = family(w, sid, bid, token).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    r.json()[part].as_array().unwrap().clone()
}

async fn journal_text(w: &World, bid: &str, token: &str) -> String {
    let r =
        w.t.get(&format!("/api/v1/beneficiaries/{bid}/journal"), Some(token))
            .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    r.text
}

#[tokio::test]
async fn a_link_needs_the_second_persons_acceptance_and_either_may_undo_it() {
    let w = World::new().await;
    let t = &w.t;
    let (b2, ident2, _) = t
        .open_safe(&w.p1, &w.s1, "Karim", "Haddad", "1985-02-03")
        .await;
    let karim = t.login_ok(&ident2, PERSON_PASSWORD).await;
    let ask = format!("/api/v1/beneficiaries/{}/household/links", w.bid);

    // An identifier with no safe gets the same answer, and nothing is written.
    let r = t
        .post(
            &ask,
            Some(&w.person),
            json!({"identifier": "personne.inconnue.01012000", "relation": "partner"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::ACCEPTED, "{}", r.text);
    assert!(links(&household(&w, &w.bid, &w.person).await).is_empty());
    // A bad relation is refused.
    let r = t
        .post(
            &ask,
            Some(&w.person),
            json!({"identifier": ident2, "relation": "cousin"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);

    let r = t
        .post(
            &ask,
            Some(&w.person),
            json!({"identifier": ident2, "relation": "partner"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::ACCEPTED, "{}", r.text);
    let mine = links(&household(&w, &w.bid, &w.person).await);
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0]["state"], "waiting_for_them");
    assert_eq!(mine[0]["name"], ident2.as_str());
    let lid = mine[0]["id"].as_str().unwrap().to_owned();
    // Not linked yet: the professional sees no member.
    let f = family(&w, &w.s1, &w.bid, &w.p1).await;
    assert_eq!(f.status, StatusCode::OK, "{}", f.text);
    assert!(f.json()["members"].as_array().unwrap().is_empty());
    // The asker cannot accept for the other.
    let accept = |who: &str| format!("/api/v1/beneficiaries/{who}/household/links/{lid}/accept");
    let r = t.post_empty(&accept(&w.bid), Some(&w.person)).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text);
    // Nor can a professional.
    let r = t.post_empty(&accept(&b2), Some(&w.p1)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);

    let theirs = links(&household(&w, &b2, &karim).await);
    assert_eq!(theirs[0]["state"], "waiting_for_me");
    assert_eq!(theirs[0]["name"], "Zoé Lefèvre");
    assert_eq!(theirs[0]["relation"], "partner");
    let r = t.post_empty(&accept(&b2), Some(&karim)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);

    let mine = links(&household(&w, &w.bid, &w.person).await);
    assert_eq!(mine[0]["state"], "linked");
    assert_eq!(mine[0]["name"], "Karim Haddad");
    let f = family(&w, &w.s1, &w.bid, &w.p1).await.json();
    assert_eq!(f["members"][0]["id"], b2.as_str());
    assert_eq!(f["members"][0]["relation"], "partner");
    assert_eq!(f["members"][0]["first_name"], "Karim");
    // Each step is in both journals, the professional's view in both too.
    for (bid, token) in [(&w.bid, &w.person), (&b2, &karim)] {
        let j = journal_text(&w, bid, token).await;
        for action in [
            "household_link_asked",
            "household_link_accepted",
            "household_viewed",
        ] {
            assert!(j.contains(action), "{action} in {bid}'s journal");
        }
    }

    // Either may undo it: it is gone for both, and for the professional.
    let r = t
        .delete(
            &format!("/api/v1/beneficiaries/{b2}/household/links/{lid}"),
            Some(&karim),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    assert!(links(&household(&w, &w.bid, &w.person).await).is_empty());
    assert!(
        family_part(&w, &w.s1, &w.bid, &w.p1, "members")
            .await
            .is_empty()
    );
    assert!(
        journal_text(&w, &w.bid, &w.person)
            .await
            .contains("household_link_removed")
    );
    let r = t.post_empty(&accept(&b2), Some(&karim)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);

    // A professional of a structure that follows both proposes: nothing until both accept.
    let r = t
        .post(
            &format!("/api/v1/structures/{}/people/{}/household", w.s1, w.bid),
            Some(&w.p1),
            json!({"member": b2, "relation": "partner"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let lid = r.json()["id"].as_str().unwrap().to_owned();
    let mine = links(&household(&w, &w.bid, &w.person).await);
    assert_eq!(mine[0]["state"], "waiting_for_me");
    assert_eq!(mine[0]["proposed_by"], w.s1.as_str());
    assert_eq!(mine[0]["name"], "Karim Haddad");
    let accept = |who: &str| format!("/api/v1/beneficiaries/{who}/household/links/{lid}/accept");
    let r = t.post_empty(&accept(&w.bid), Some(&w.person)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    assert!(
        family_part(&w, &w.s1, &w.bid, &w.p1, "members")
            .await
            .is_empty()
    );
    let r = t.post_empty(&accept(&b2), Some(&karim)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    assert_eq!(
        family(&w, &w.s1, &w.bid, &w.p1).await.json()["members"][0]["id"],
        b2.as_str()
    );
    let j = journal_text(&w, &b2, &karim).await;
    assert!(j.contains("household_link_proposed"), "{j}");
}

#[tokio::test]
async fn a_link_never_shows_a_professional_what_is_not_shared_with_her_structure() {
    let w = World::new().await;
    let t = &w.t;
    // Nadia is followed by the second structure only.
    let (b3, ident3, _) = t
        .open_safe(&w.p2, &w.s2, "Nadia", "Lefèvre", "2010-09-08")
        .await;
    let nadia = t.login_ok(&ident3, PERSON_PASSWORD).await;
    let r = t
        .post(
            &format!("/api/v1/beneficiaries/{}/household/links", w.bid),
            Some(&w.person),
            json!({"identifier": ident3, "relation": "child"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::ACCEPTED, "{}", r.text);
    let lid = links(&household(&w, &b3, &nadia).await)[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        links(&household(&w, &b3, &nadia).await)[0]["relation"],
        "parent"
    );
    let r = t
        .post_empty(
            &format!("/api/v1/beneficiaries/{b3}/household/links/{lid}/accept"),
            Some(&nadia),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    // Linked, but neither structure sees the member who does not follow it.
    assert!(
        family_part(&w, &w.s1, &w.bid, &w.p1, "members")
            .await
            .is_empty()
    );
    assert!(
        family_part(&w, &w.s2, &b3, &w.p2, "members")
            .await
            .is_empty()
    );
    // Nor the person herself through a structure that does not follow her.
    for (sid, bid, token) in [
        (&w.s2, &w.bid, &w.p2),
        (&w.s1, &b3, &w.p1),
        (&w.med, &w.bid, &w.pm),
    ] {
        assert_eq!(
            family(&w, sid, bid, token).await.status,
            StatusCode::NOT_FOUND
        );
    }
    // Nor may the second structure propose a link with someone it does not follow.
    let r = t
        .post(
            &format!("/api/v1/structures/{}/people/{b3}/household", w.s2),
            Some(&w.p2),
            json!({"member": w.bid, "relation": "parent"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);

    // Her dependant: shown to no relais until she chooses.
    let r = t
        .post(
            &format!("/api/v1/beneficiaries/{}/household/dependants", w.bid),
            Some(&w.person),
            json!({"first_name": "Lina", "birth_date": "2019-03-04", "relation": "child"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let did = r.json()["id"].as_str().unwrap().to_owned();
    assert!(
        family_part(&w, &w.s1, &w.bid, &w.p1, "dependants")
            .await
            .is_empty()
    );
    let share = format!(
        "/api/v1/beneficiaries/{}/household/dependants/{did}/shares/{}",
        w.bid, w.s1
    );
    let r = t.send_method("PUT", &share, Some(&w.person)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let f = family(&w, &w.s1, &w.bid, &w.p1).await.json();
    assert_eq!(f["dependants"][0]["first_name"], "Lina");
    assert_eq!(f["dependants"][0]["birth_date"], "2019-03-04");
    assert_eq!(f["dependants"][0]["of"], w.bid.as_str());
    // Not to a structure that is not her relais.
    let other = format!(
        "/api/v1/beneficiaries/{}/household/dependants/{did}/shares/{}",
        w.bid, w.s2
    );
    let r = t.send_method("PUT", &other, Some(&w.person)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);
    let j = journal_text(&w, &w.bid, &w.person).await;
    assert!(j.contains("dependant_added") && j.contains("dependant_shown"));
    // Nothing of it is in clear at rest (SQLite + files, or PostgreSQL + S3).
    assert_absent(t, &["Lina", "Nadia", "Zoé"]);

    let r = t.delete(&share, Some(&w.person)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    assert!(
        family_part(&w, &w.s1, &w.bid, &w.p1, "dependants")
            .await
            .is_empty()
    );
    let r = t
        .delete(
            &format!("/api/v1/beneficiaries/{}/household/dependants/{did}", w.bid),
            Some(&w.person),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    assert!(
        household(&w, &w.bid, &w.person).await["dependants"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

/// Her family page without JavaScript: each form posts, then leads back to the page with the
/// notice of what was done; a link that is not hers is an error page.
#[tokio::test]
async fn her_family_page_works_with_plain_forms() {
    let w = World::new().await;
    let t = &w.t;
    let (b2, ident2, _) = t
        .open_safe(&w.p1, &w.s1, "Karim", "Haddad", "1985-02-03")
        .await;
    let karim = t.login_ok(&ident2, PERSON_PASSWORD).await;
    let person = crate::pages::logged_in(t, &w.identifier, PERSON_PASSWORD).await;
    let (_, _, html) = crate::pages::page(&person, t, "/family").await;
    let csrf = crate::pages::csrf_of(&html);
    // Posts `form` to `path`; the notice it leads back to /family with.
    let post = async |path: &str, form: &[(&str, &str)]| {
        let mut fields = vec![("_csrf", csrf.as_str())];
        fields.extend_from_slice(form);
        let (status, headers, body) = crate::pages::submit(&person, t, path, &fields).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{path}: {body}");
        assert_eq!(headers["location"], "/family", "{path}");
        headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|c| c.to_str().ok()?.strip_prefix("consigne_notice="))
            .map(|c| c.split(';').next().unwrap_or_default().to_owned())
            .next()
    };

    let dependant = [
        ("first_name", "Lina"),
        ("birth_date", "2019-03-04"),
        ("relation", "child"),
    ];
    let added = post("/family/dependants", &dependant).await;
    assert_eq!(added.as_deref(), Some("added"));
    let did = household(&w, &w.bid, &w.person).await["dependants"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let share = format!("/family/dependants/{did}/share");
    let shown = post(&share, &[("structure", &w.s1), ("share", "1")]).await;
    assert_eq!(shown.as_deref(), Some("shared"));
    assert_eq!(
        family_part(&w, &w.s1, &w.bid, &w.p1, "dependants")
            .await
            .len(),
        1
    );
    let hidden = post(&share, &[("structure", &w.s1), ("share", "0")]).await;
    assert_eq!(hidden.as_deref(), Some("private"));
    assert!(
        family_part(&w, &w.s1, &w.bid, &w.p1, "dependants")
            .await
            .is_empty()
    );
    let delete = format!("/family/dependants/{did}/delete");
    assert_eq!(post(&delete, &[]).await.as_deref(), Some("deleted"));
    assert!(
        household(&w, &w.bid, &w.person).await["dependants"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    // Karim asks; she accepts, then undoes it, on her page.
    let r = t
        .post(
            &format!("/api/v1/beneficiaries/{b2}/household/links"),
            Some(&karim),
            json!({"identifier": w.identifier, "relation": "partner"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::ACCEPTED, "{}", r.text);
    let lid = links(&household(&w, &w.bid, &w.person).await)[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let accept = format!("/family/links/{lid}/accept");
    assert_eq!(post(&accept, &[]).await.as_deref(), Some("saved"));
    assert_eq!(
        links(&household(&w, &w.bid, &w.person).await)[0]["state"],
        "linked"
    );
    let remove = format!("/family/links/{lid}/remove");
    assert_eq!(post(&remove, &[]).await.as_deref(), Some("deleted"));
    assert!(links(&household(&w, &w.bid, &w.person).await).is_empty());
    // That link is gone: accepting it again is an error page, not a redirect.
    let (status, _, _) =
        crate::pages::submit(&person, t, &accept, &[("_csrf", csrf.as_str())]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
