//! Share links (issue 16, item 5): a link opens one document without an account, until it
//! expires or is revoked (then the same 404 as an unknown address); the PIN is checked and its
//! failures lock the link; every opening is in her journal; the token opens nothing else.

use crate::helpers::*;
use crate::pages::{browser, csrf_of};
use consigne::service::contexts as ctx;
use consigne::store::links::{self, LinkRow};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// Makes a link to `doc` as `token`; returns the API's answer.
async fn make(t: &TestApp, token: &str, doc: &str, body: Value) -> Resp {
    t.post(&format!("/api/v1/documents/{doc}/links"), Some(token), body)
        .await
}

/// The token part of a link's address.
fn token_of(url: &str) -> String {
    url.rsplit_once("/s/").unwrap().1.to_owned()
}

async fn get(c: &reqwest::Client, t: &TestApp, path: &str) -> (StatusCode, Vec<u8>) {
    let r = c.get(t.url(path)).send().await.unwrap();
    (r.status(), r.bytes().await.unwrap().to_vec())
}

async fn post_pin(
    c: &reqwest::Client,
    t: &TestApp,
    token: &str,
    pin: &str,
) -> (StatusCode, Vec<u8>) {
    let (_, page) = get(c, t, &format!("/s/{token}")).await;
    let csrf = csrf_of(&String::from_utf8_lossy(&page));
    let r = c
        .post(t.url(&format!("/s/{token}/content")))
        .form(&[("_csrf", csrf.as_str()), ("pin", pin)])
        .send()
        .await
        .unwrap();
    (r.status(), r.bytes().await.unwrap().to_vec())
}

/// A page's status and text with its own address taken out (the language picker names it).
async fn answer(c: &reqwest::Client, t: &TestApp, path: &str) -> (StatusCode, String) {
    let (status, body) = get(c, t, path).await;
    (
        status,
        String::from_utf8_lossy(&body).replace(path, "<path>"),
    )
}

fn openings(journal: &[Value], doc: &str) -> Vec<Value> {
    journal
        .iter()
        .filter(|e| e["action"] == "share_link_opened" && e["target"]["id"] == doc)
        .cloned()
        .collect()
}

async fn her_links(w: &World) -> Vec<LinkRow> {
    let (bid, now) = (
        consigne::domain::BeneficiaryId::parse(&w.bid).unwrap(),
        w.t.app.now(),
    );
    w.t.app
        .read(move |tx| Ok(links::of_beneficiary(tx, &bid, now)?))
        .await
        .unwrap()
}

#[tokio::test]
async fn a_link_opens_its_document_until_it_is_revoked_or_expires_then_the_same_404() {
    let w = World::new().await;
    let t = &w.t;
    let photo = jpeg(32, 24);
    let r = t
        .upload(&w.person, &w.bid, photo.clone(), "a.jpg", Some("Passeport"))
        .await;
    let doc = r.json()["id"].as_str().unwrap().to_owned();
    let stored = t
        .get_bytes(&format!("/api/v1/documents/{doc}/content"), &w.person)
        .await
        .2;

    // Outside 1 hour to 30 days: a clear 422.
    for minutes in [0, 59, 43_201] {
        let r = make(t, &w.person, &doc, json!({"expires_in_minutes": minutes})).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{minutes}: {}",
            r.text
        );
        assert!(r.text.contains("expires_in_minutes"), "{}", r.text);
    }
    let r = make(t, &w.person, &doc, json!({"expires_in_minutes": 60})).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let link = r.json();
    assert!(link["qr_svg"].as_str().unwrap().contains("<svg"));
    assert!(link["expires_at"].as_str().is_some());
    let token = token_of(link["url"].as_str().unwrap());

    // No account: the page names the document, the content is the stored bytes.
    let c = browser();
    let (status, page) = get(&c, t, &format!("/s/{token}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(String::from_utf8_lossy(&page).contains("Passeport"));
    let r = c.get(t.url(&format!("/s/{token}"))).send().await.unwrap();
    for (name, value) in [
        ("x-robots-tag", "noindex, nofollow"),
        ("cache-control", "no-store"),
        ("referrer-policy", "no-referrer"),
    ] {
        assert_eq!(r.headers()[name], value, "{name}");
    }
    assert!(
        openings(&w.her_journal().await, &doc).is_empty(),
        "the page serves nothing"
    );
    for _ in 0..2 {
        let (status, bytes) = get(&c, t, &format!("/s/{token}/content")).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(bytes, stored);
    }
    // One line per opening in her journal, by the link (no account), and in her words.
    let opened = openings(&w.her_journal().await, &doc);
    assert_eq!(opened.len(), 2, "{opened:?}");
    assert!(opened.iter().all(|e| e["actor"]["kind"] == "share_link"));
    let her = crate::pages::logged_in(t, &w.identifier, PERSON_PASSWORD).await;
    let (_, journal) = get(&her, t, "/journal").await;
    assert!(
        String::from_utf8_lossy(&journal).contains("through a share link")
            || String::from_utf8_lossy(&journal).contains("par un lien de partage")
    );

    // She sees it again, address included.
    let list = t
        .get(&format!("/api/v1/documents/{doc}/links"), Some(&w.person))
        .await
        .json();
    assert_eq!(list[0]["url"], link["url"]);
    assert_eq!(list[0]["opened_count"], 2);
    assert_eq!(list[0]["revocable"], true);

    // Unknown, revoked, expired: the same 404, status and body.
    let unknown = data_encoding::BASE64URL_NOPAD.encode(&[9u8; 32]);
    let missing = answer(&c, t, &format!("/s/{unknown}")).await;
    assert_eq!(missing.0, StatusCode::NOT_FOUND);
    assert_eq!(
        answer(&c, t, &format!("/s/{unknown}/content")).await,
        missing
    );
    assert_eq!(answer(&c, t, "/s/not-a-token/content").await, missing);
    let r = t
        .delete(
            &format!("/api/v1/links/{}", link["id"].as_str().unwrap()),
            Some(&w.person),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    assert_eq!(answer(&c, t, &format!("/s/{token}")).await, missing);
    assert_eq!(answer(&c, t, &format!("/s/{token}/content")).await, missing);
    let journal = w.her_journal().await;
    assert!(journal.iter().any(|e| e["action"] == "share_link_revoked"));

    let r = make(t, &w.person, &doc, json!({"expires_in_minutes": 60})).await;
    let token = token_of(r.json()["url"].as_str().unwrap());
    assert_eq!(get(&c, t, &format!("/s/{token}")).await.0, StatusCode::OK);
    t.clock.advance(3601);
    assert_eq!(answer(&c, t, &format!("/s/{token}")).await, missing);
    assert_eq!(answer(&c, t, &format!("/s/{token}/content")).await, missing);
    // The housekeeping deletes the expired row.
    t.clock.advance(1);
    let before = t
        .app
        .read(|tx| Ok(tx.query("SELECT id FROM share_links", &[])?.len()))
        .await
        .unwrap();
    assert_eq!(before, 1);
    t.app.housekeeping().await.unwrap();
    let after = t
        .app
        .read(|tx| Ok(tx.query("SELECT id FROM share_links", &[])?.len()))
        .await
        .unwrap();
    assert_eq!(after, 0);
}

#[tokio::test]
async fn the_pin_is_checked_and_wrong_pins_lock_the_link() {
    let w = World::new().await;
    let t = &w.t;
    let r = t
        .upload(&w.person, &w.bid, jpeg(20, 20), "a.jpg", Some("Titre"))
        .await;
    let doc = r.json()["id"].as_str().unwrap().to_owned();
    for pin in ["123", "123456789", "12a4"] {
        let r = make(
            t,
            &w.person,
            &doc,
            json!({"expires_in_minutes": 60, "pin": pin}),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{pin}");
    }
    let r = make(
        t,
        &w.person,
        &doc,
        json!({"expires_in_minutes": 60, "pin": "2468"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let token = token_of(r.json()["url"].as_str().unwrap());
    let c = browser();
    let (status, page) = get(&c, t, &format!("/s/{token}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(String::from_utf8_lossy(&page).contains("name=\"pin\""));
    // Without the PIN: the form again, nothing served.
    assert_eq!(
        get(&c, t, &format!("/s/{token}/content")).await.0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let (status, page) = post_pin(&c, t, &token, "1111").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = String::from_utf8_lossy(&page).to_string();
    assert!(
        page.contains("name=\"pin\"") && page.contains("role=\"alert\""),
        "{page}"
    );
    let (status, bytes) = post_pin(&c, t, &token, "2468").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(&bytes[..2], &[0xFF, 0xD8], "a JPEG");
    assert_eq!(openings(&w.her_journal().await, &doc).len(), 1);

    // Five wrong PINs lock it for 15 minutes, the right one included; then it opens again.
    for i in 0..4 {
        assert_eq!(
            post_pin(&c, t, &token, "0000").await.0,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{i}"
        );
    }
    assert_eq!(
        post_pin(&c, t, &token, "0000").await.0,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(
        post_pin(&c, t, &token, "2468").await.0,
        StatusCode::TOO_MANY_REQUESTS
    );
    t.clock.advance(15 * 60 + 1);
    assert_eq!(post_pin(&c, t, &token, "2468").await.0, StatusCode::OK);
    // (Her session ended meanwhile: she logs in again to read her journal.)
    let person = t.login_ok(&w.identifier, PERSON_PASSWORD).await;
    let journal = t
        .get(
            &format!("/api/v1/beneficiaries/{}/journal", w.bid),
            Some(&person),
        )
        .await
        .json();
    assert_eq!(openings(journal.as_array().unwrap(), &doc).len(), 2);
}

#[tokio::test]
async fn guessing_addresses_is_throttled_per_client_address() {
    let t = spawn().await;
    let c = browser();
    for i in 0..21u8 {
        let token = data_encoding::BASE64URL_NOPAD.encode(&[i; 32]);
        assert_eq!(
            get(&c, &t, &format!("/s/{token}")).await.0,
            StatusCode::NOT_FOUND,
            "{i}"
        );
    }
    let token = data_encoding::BASE64URL_NOPAD.encode(&[99u8; 32]);
    assert_eq!(
        get(&c, &t, &format!("/s/{token}")).await.0,
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn the_token_opens_that_document_and_nothing_else() {
    let w = World::new().await;
    let t = &w.t;
    let mut docs = Vec::new();
    for name in ["Un", "Deux"] {
        let r = t
            .upload(&w.person, &w.bid, jpeg(16, 16), "a.jpg", Some(name))
            .await;
        docs.push(r.json()["id"].as_str().unwrap().to_owned());
    }
    let mut tokens = Vec::new();
    for doc in &docs {
        let r = make(t, &w.person, doc, json!({"expires_in_minutes": 120})).await;
        let raw = token_of(r.json()["url"].as_str().unwrap());
        tokens.push(
            data_encoding::BASE64URL_NOPAD
                .decode(raw.as_bytes())
                .unwrap(),
        );
    }
    let rows = her_links(&w).await;
    assert_eq!(rows.len(), 2);
    let platform = &t.app.platform;
    let pair = |token: &[u8]| {
        consigne_vault::KeyPair::from_secret(consigne_vault::derive_key(token, ctx::LINK_KEY))
    };
    for (i, token) in tokens.iter().enumerate() {
        let own = rows.iter().find(|r| r.item_id.as_str() == docs[i]).unwrap();
        let p = pair(token);
        // It opens its own document's key...
        let aad = ctx::link_item_key(&own.id, &own.item_id);
        let inner = platform.open(&aad, &own.key_wrap).unwrap();
        assert!(consigne_vault::unwrap_key_from(&p, &aad, &inner).is_ok());
        // ...and not the other link's, under its context or under its own link id.
        let other = rows.iter().find(|r| r.id != own.id).unwrap();
        let aad = ctx::link_item_key(&other.id, &other.item_id);
        let inner = platform.open(&aad, &other.key_wrap).unwrap();
        assert!(consigne_vault::unwrap_key_from(&p, &aad, &inner).is_err());
        let swapped = ctx::link_item_key(&own.id, &other.item_id);
        assert!(consigne_vault::unwrap_key_from(&p, &swapped, &inner).is_err());
        // Nor any of her items' own wraps.
        let bid = consigne::domain::BeneficiaryId::parse(&w.bid).unwrap();
        let items = t
            .app
            .read(move |tx| {
                Ok(tx.query(
                    "SELECT id, key_wrap_owner FROM items WHERE beneficiary_id = $1 AND key_wrap_owner IS NOT NULL",
                    &[bid.as_str().into()],
                )?
                .iter()
                .map(|r| (r.text("id").unwrap(), r.blob("key_wrap_owner").unwrap()))
                .collect::<Vec<_>>())
            })
            .await
            .unwrap();
        for (id, wrap) in items {
            let aad =
                ctx::item_key_owner(&bid_of(&w), &consigne::domain::ItemId::parse(&id).unwrap());
            if let Ok(inner) = platform.open(&aad, &wrap) {
                assert!(consigne_vault::unwrap_key_from(&p, &aad, &inner).is_err());
            }
        }
    }
    // Over HTTP, each address shows its own document.
    let c = browser();
    for (i, name) in ["Un", "Deux"].iter().enumerate() {
        let raw = data_encoding::BASE64URL_NOPAD.encode(&tokens[i]);
        let (_, page) = get(&c, t, &format!("/s/{raw}")).await;
        assert!(
            String::from_utf8_lossy(&page).contains(&format!("</span> {name}</h1>"))
                || String::from_utf8_lossy(&page).contains(name)
        );
    }
}

fn bid_of(w: &World) -> consigne::domain::BeneficiaryId {
    consigne::domain::BeneficiaryId::parse(&w.bid).unwrap()
}

#[tokio::test]
async fn a_professional_makes_links_with_her_consent_and_revokes_only_his() {
    let w = World::new().await;
    let t = &w.t;
    let shared = w
        .shared_document(&w.s1, jpeg(16, 16), "a.jpg", "Partagé")
        .await;
    let r = t
        .upload(&w.person, &w.bid, jpeg(16, 16), "b.jpg", Some("Privé"))
        .await;
    let private = r.json()["id"].as_str().unwrap().to_owned();
    let body = json!({"expires_in_minutes": 1440, "her_consent": true});

    let r = make(t, &w.p1, &shared, json!({"expires_in_minutes": 1440})).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    assert_eq!(r.code(), "consent_required");
    assert_eq!(
        make(t, &w.p2, &shared, body.clone()).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        make(t, &w.p1, &private, body.clone()).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        make(t, &w.pm, &shared, body.clone()).await.status,
        StatusCode::NOT_FOUND
    );
    let his = make(t, &w.p1, &shared, body.clone()).await;
    assert_eq!(his.status, StatusCode::CREATED, "{}", his.text);
    let his = his.json()["id"].as_str().unwrap().to_owned();
    let hers = make(t, &w.person, &shared, json!({"expires_in_minutes": 60}))
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // Her consent, recorded in her journal with his name and structure.
    let journal = w.her_journal().await;
    let made: Vec<_> = journal
        .iter()
        .filter(|e| e["action"] == "share_link_created")
        .collect();
    assert_eq!(made.len(), 2);
    assert!(
        made.iter().any(|e| e["actor"]["kind"] == "professional"
            && e["actor"]["structure"]["id"] == w.s1.as_str())
    );

    let list = t
        .get(&format!("/api/v1/documents/{shared}/links"), Some(&w.p1))
        .await
        .json();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    for l in list {
        assert!(l.get("url").is_none(), "only she sees the addresses again");
        assert_eq!(l["revocable"], l["id"] == his.as_str());
    }
    assert_eq!(
        t.get(&format!("/api/v1/documents/{shared}/links"), Some(&w.p2))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        t.delete(&format!("/api/v1/links/{hers}"), Some(&w.p1))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        t.delete(&format!("/api/v1/links/{hers}"), Some(&w.p2))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        t.delete(&format!("/api/v1/links/{his}"), Some(&w.p1))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        t.delete(&format!("/api/v1/links/{hers}"), Some(&w.person))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        t.delete(&format!("/api/v1/links/{hers}"), Some(&w.person))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

const READ_PDF: &str = r#"
import io, json, sys
from pypdf import PdfReader
reader = PdfReader(io.BytesIO(sys.stdin.buffer.read()), strict=True)
print(json.dumps({"pages": len(reader.pages), "texts": [" ".join(p.extract_text().split()) for p in reader.pages]}))
"#;

#[tokio::test]
async fn a_watermark_is_printed_on_every_page_of_the_copy_served() {
    let w = World::new().await;
    let t = &w.t;
    let r = t
        .upload(
            &w.person,
            &w.bid,
            crate::assembled::pages_pdf(2, "Avis"),
            "avis.pdf",
            Some("Avis"),
        )
        .await;
    let pdf_doc = r.json()["id"].as_str().unwrap().to_owned();
    let r = t
        .upload(&w.person, &w.bid, jpeg(40, 30), "p.jpg", Some("Photo"))
        .await;
    let photo = r.json()["id"].as_str().unwrap().to_owned();
    let c = browser();
    for (doc, pages) in [(&pdf_doc, 2), (&photo, 1)] {
        let r = make(
            t,
            &w.person,
            doc,
            json!({"expires_in_minutes": 60, "watermark": "Copie remise a la CAF le 3/12/2026"}),
        )
        .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        let token = token_of(r.json()["url"].as_str().unwrap());
        let (_, page) = get(&c, t, &format!("/s/{token}")).await;
        assert!(String::from_utf8_lossy(&page).contains("Copie remise a la CAF"));
        let (status, bytes) = get(&c, t, &format!("/s/{token}/content")).await;
        assert_eq!(status, StatusCode::OK);
        let read = python(READ_PDF, &bytes);
        assert_eq!(read["pages"], pages, "{read}");
        for text in read["texts"].as_array().unwrap() {
            assert!(
                text.as_str().unwrap().contains("Copie remise a la CAF"),
                "{read}"
            );
        }
    }
    let r = make(
        t,
        &w.person,
        &photo,
        json!({"expires_in_minutes": 60, "watermark": "Копия"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
}

/// Promise 1 for links: a link's PIN, watermark and token are nowhere in the data directory.
#[tokio::test]
async fn a_links_secrets_are_not_at_rest_in_clear() {
    let w = World::new().await;
    let t = &w.t;
    let r = t
        .upload(&w.person, &w.bid, jpeg(16, 16), "a.jpg", Some("Doc"))
        .await;
    let doc = r.json()["id"].as_str().unwrap().to_owned();
    let r = make(
        t,
        &w.person,
        &doc,
        json!({"expires_in_minutes": 60, "pin": "50718263", "watermark": "Filigranecanari Zorblax"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let token = token_of(r.json()["url"].as_str().unwrap());
    let raw = data_encoding::BASE64URL_NOPAD
        .decode(token.as_bytes())
        .unwrap();
    let hex = hex::encode(&raw);
    crate::canary::assert_absent(t, &["50718263", "Filigranecanari Zorblax", &token, &hex]);
    for (place, bytes) in crate::canary::stored(t) {
        assert!(
            !bytes.windows(raw.len()).any(|w| w == raw.as_slice()),
            "{place} holds the raw token"
        );
    }
    // Her export lists the link, without its address or PIN.
    let (status, _, zip_bytes) = t
        .get_bytes(
            &format!("/api/v1/beneficiaries/{}/export", w.bid),
            &w.person,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip_bytes)).unwrap();
    let mut data = Vec::new();
    std::io::Read::read_to_end(&mut archive.by_name("data.json").unwrap(), &mut data).unwrap();
    let text = String::from_utf8(data).unwrap();
    let data: Value = serde_json::from_str(&text).unwrap();
    let links = data["share_links"].as_array().unwrap();
    assert_eq!(links.len(), 1);
    assert_eq!(links[0]["document_id"], doc.as_str());
    assert_eq!(links[0]["has_pin"], true);
    assert!(!text.contains(&token) && !text.contains("50718263"));
}

/// The professional's page of a shared paper: its links, the form with her consent to tick, the
/// address after; he revokes his link from there and comes back to it.
#[tokio::test]
async fn a_professional_makes_and_revokes_a_link_from_his_page() {
    let w = World::new().await;
    let t = &w.t;
    let shared = w
        .shared_document(&w.s1, jpeg(16, 16), "a.jpg", "Partagé")
        .await;
    let c = crate::pages::staff_logged_in(t, &w.p1_login.0, &w.p1_login.1).await;
    let page_path = format!("/pro/b/{}/documents/{shared}", w.bid);
    let (status, html) = get(&c, t, &page_path).await;
    assert_eq!(status, StatusCode::OK);
    let html = String::from_utf8_lossy(&html).to_string();
    assert!(html.contains("name=\"her_consent\""), "{html}");
    let csrf = csrf_of(&html);
    let post = |form: Vec<(&'static str, String)>| {
        let c = c.clone();
        let url = t.url(&format!("/documents/{shared}/links"));
        async move {
            let r = c.post(url).form(&form).send().await.unwrap();
            (r.status(), r.text().await.unwrap())
        }
    };
    let base = vec![
        ("_csrf", csrf.clone()),
        ("expires_in_minutes", "60".to_owned()),
        ("bid", w.bid.clone()),
    ];
    let (status, _) = post(base.clone()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let mut with = base.clone();
    with.push(("her_consent", "on".to_owned()));
    let (status, made) = post(with).await;
    assert_eq!(status, StatusCode::OK, "{made}");
    assert!(made.contains("/s/") && made.contains("<svg"), "{made}");
    let id = her_links(&w).await[0].id.clone();
    let r = c
        .post(t.url(&format!("/links/{id}/revoke")))
        .form(&[("_csrf", csrf.as_str()), ("from", &shared), ("bid", &w.bid)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        r.headers()["location"].to_str().unwrap(),
        format!("{page_path}#links")
    );
    assert!(her_links(&w).await.is_empty());
}
