//! PDF previews: a PDF's pages rendered by the server as images (issue 13, item 12), shown in
//! the lists (first page as thumbnail) and on the document's page (every page), with the same
//! access rules and journal as viewing the document.

use crate::helpers::*;
use crate::pages::{logged_in, page, staff_logged_in};
use reqwest::StatusCode;

fn build_pdf(objects: &[String]) -> Vec<u8> {
    consigne::demo::pdf_of_objects(objects)
}

/// A PDF of one page per text, each page `width` × `height` points, the text large and black.
fn pages_pdf(texts: &[&str], width: u32, height: u32) -> Vec<u8> {
    let n = texts.len();
    // 1 catalog, 2 pages, 3 font, then each page and its contents.
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 4 + 2 * i)).collect();
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    let size = height / 10;
    for (i, text) in texts.iter().enumerate() {
        let stream = format!(
            "0 0 0 rg {x} {y} {w} {h} re f BT /F1 {size} Tf {x} {y2} Td ({text}) Tj ET",
            x = width / 10,
            y = height / 10,
            w = width / 2,
            h = height / 10,
            y2 = height / 2,
        );
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] /Contents {} 0 R /Resources << /Font << /F1 3 0 R >> >> >>",
            5 + 2 * i
        ));
        objects.push(format!(
            "<< /Length {} >>\nstream\n{stream}\nendstream",
            stream.len()
        ));
    }
    build_pdf(&objects)
}

/// GET `path` as `token`'s session: (status, content type, body).
async fn fetch(t: &TestApp, token: &str, path: &str) -> (StatusCode, String, Vec<u8>) {
    let r = session_browser(t, token)
        .get(t.url(path))
        .send()
        .await
        .unwrap();
    let status = r.status();
    let ty = r
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, ty, r.bytes().await.unwrap().to_vec())
}

async fn upload_pdf(w: &World, bytes: Vec<u8>) -> String {
    let r =
        w.t.upload(&w.person, &w.bid, bytes, "papier.pdf", Some("Passeport"))
            .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    r.json()["id"].as_str().unwrap().to_owned()
}

/// A JPEG decoded, with its size; checks it is not a blank page.
fn drawn(bytes: &[u8]) -> (u32, u32) {
    let image = image::load_from_memory_with_format(bytes, image::ImageFormat::Jpeg)
        .unwrap()
        .to_luma8();
    assert!(
        image.pixels().any(|p| p.0[0] < 100),
        "something is drawn: not every pixel is white"
    );
    image.dimensions()
}

/// Her journal's `document_viewed` lines about `id`: (actor kind, structure id).
async fn views(w: &World, id: &str) -> Vec<(String, Option<String>)> {
    views_as(w, &w.person, id).await
}

async fn views_as(w: &World, token: &str, id: &str) -> Vec<(String, Option<String>)> {
    let r =
        w.t.get(
            &format!("/api/v1/beneficiaries/{}/journal", w.bid),
            Some(token),
        )
        .await;
    r.json()
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "document_viewed" && e["target"]["id"] == id)
        .map(|e| {
            (
                e["actor"]["kind"].as_str().unwrap().to_owned(),
                e["actor"]["structure"]["id"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_pdf_gets_a_thumbnail_of_its_first_page_in_the_list() {
    let w = World::new().await;
    let id = upload_pdf(&w, pdf("PASSEPORT")).await;
    let doc =
        w.t.get(&format!("/api/v1/documents/{id}"), Some(&w.person))
            .await
            .json();
    assert_eq!(doc["has_thumbnail"], true, "{doc}");
    let (status, headers, bytes) =
        w.t.get_bytes(&format!("/api/v1/documents/{id}/thumbnail"), &w.person)
            .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "image/jpeg");
    let (width, height) = drawn(&bytes);
    // An A4 page, its longest side 320 pixels.
    assert_eq!((width, height), (226, 320));

    let browser = logged_in(&w.t, &w.identifier, PERSON_PASSWORD).await;
    let (status, _, html) = page(&browser, &w.t, "/documents").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains(&format!("src=\"/documents/{id}/thumbnail\"")),
        "the list shows the first page"
    );
}

#[tokio::test]
async fn every_page_of_a_pdf_is_on_its_page_and_one_visit_is_one_journal_line() {
    let w = World::new().await;
    let id = upload_pdf(&w, pages_pdf(&["UN", "DEUX", "TROIS"], 595, 842)).await;
    let browser = logged_in(&w.t, &w.identifier, PERSON_PASSWORD).await;
    let (status, _, html) = page(&browser, &w.t, &format!("/documents/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    for n in 1..=3 {
        // Sized in the HTML: 1 000 pixels wide, the page's proportions.
        assert!(
            html.contains(&format!(
                "src=\"/documents/{id}/pages/{n}\" width=\"1000\" height=\"1415\""
            )),
            "page {n} is shown, sized: {html}"
        );
    }
    assert!(!html.contains(&format!("/documents/{id}/pages/4")));
    assert!(
        views(&w, &id).await.is_empty(),
        "the page itself is no view"
    );

    for n in 1..=3 {
        let r = browser
            .get(w.t.url(&format!("/documents/{id}/pages/{n}")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(r.headers()["content-type"], "image/jpeg");
        assert_eq!(r.headers()["cache-control"], "no-store");
        assert!(
            r.headers()["content-security-policy"]
                .to_str()
                .unwrap()
                .contains("sandbox")
        );
        let bytes = r.bytes().await.unwrap();
        assert_eq!(drawn(&bytes), (1000, 1415), "page {n}");
    }
    assert_eq!(
        views(&w, &id).await,
        vec![("beneficiary".to_owned(), None)],
        "the three pages of one visit are one view"
    );
    // Ten minutes later (her session ended meanwhile: she logs in again).
    w.t.clock.advance(601);
    let browser = logged_in(&w.t, &w.identifier, PERSON_PASSWORD).await;
    let r = browser
        .get(w.t.url(&format!("/documents/{id}/pages/2")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let person = w.t.login_ok(&w.identifier, PERSON_PASSWORD).await;
    assert_eq!(
        views_as(&w, &person, &id).await.len(),
        2,
        "a later visit is another view"
    );

    for missing in ["4", "0", "x", "99999999999999999999999"] {
        let r = browser
            .get(w.t.url(&format!("/documents/{id}/pages/{missing}")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "page {missing}");
    }
}

#[tokio::test]
async fn a_pdf_that_cannot_be_shown_says_to_download_it() {
    let w = World::new().await;
    // A PDF without any page: stored, but nothing to show.
    let empty = build_pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [] /Count 0 >>".to_owned(),
    ]);
    let id = upload_pdf(&w, empty).await;
    let doc =
        w.t.get(&format!("/api/v1/documents/{id}"), Some(&w.person))
            .await
            .json();
    assert_eq!(doc["has_thumbnail"], false);
    let browser = logged_in(&w.t, &w.identifier, PERSON_PASSWORD).await;
    let (status, _, html) = page(&browser, &w.t, &format!("/documents/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("Pas d&#39;aperçu pour ce document. Téléchargez-le pour le lire.")
            || html.contains("Pas d'aperçu pour ce document. Téléchargez-le pour le lire."),
        "{html}"
    );
    assert!(html.contains(&format!("href=\"/documents/{id}/download\"")));
    assert!(!html.contains("/pages/1"));
    let r = browser
        .get(w.t.url(&format!("/documents/{id}/pages/1")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    // Not tried again at every view: the second view says the same, at once.
    let (status, _, again) = page(&browser, &w.t, &format!("/documents/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(again.contains(&format!("href=\"/documents/{id}/download\"")));
}

#[tokio::test]
async fn a_professional_sees_the_pages_only_once_shared_and_her_view_is_journaled() {
    let w = World::new().await;
    let id = upload_pdf(&w, pdf("CARTE VITALE")).await;
    let path = format!("/documents/{id}/pages/1");
    let missing = "/documents/00000000-0000-4000-8000-000000000000/pages/1";
    // Not shared: her relais' professional finds nothing, as for a missing document; another
    // structure's too.
    for token in [&w.p1, &w.p2] {
        let r = fetch(&w.t, token, &path).await;
        let m = fetch(&w.t, token, missing).await;
        assert_eq!(r.0, StatusCode::NOT_FOUND);
        // The same answer as for a missing document (the page names the address it was asked
        // for, in its language form).
        let named = |b: &[u8]| {
            String::from_utf8_lossy(b).replace(&id, "00000000-0000-4000-8000-000000000000")
        };
        assert_eq!((r.0, &r.1, named(&r.2)), (m.0, &m.1, named(&m.2)));
    }
    let r =
        w.t.send_method(
            "PUT",
            &format!("/api/v1/documents/{id}/shares/{}", w.s1),
            Some(&w.person),
        )
        .await;
    assert!(r.status.is_success(), "{}", r.text);
    assert_eq!(fetch(&w.t, &w.p2, &path).await.0, StatusCode::NOT_FOUND);
    let (status, ty, bytes) = fetch(&w.t, &w.p1, &path).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(ty, "image/jpeg");
    drawn(&bytes);
    assert_eq!(
        views(&w, &id).await,
        vec![("professional".to_owned(), Some(w.s1.clone()))],
        "her journal names the professional's view"
    );

    // In the professional's pages: the person's file links to the document's page, which
    // shows its pages.
    let pro = staff_logged_in(&w.t, &w.p1_login.0, &w.p1_login.1).await;
    let (status, _, file) = page(&pro, &w.t, &format!("/pro/b/{}", w.bid)).await;
    assert_eq!(status, StatusCode::OK);
    let doc_page = format!("/pro/b/{}/documents/{id}", w.bid);
    assert!(file.contains(&format!("href=\"{doc_page}\"")), "{file}");
    assert!(file.contains(&format!("src=\"/documents/{id}/thumbnail\"")));
    let (status, _, html) = page(&pro, &w.t, &doc_page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains(&format!("src=\"/documents/{id}/pages/1\"")),
        "{html}"
    );
    // Another person's id in the address: nothing.
    let (status, _, _) = page(
        &pro,
        &w.t,
        &format!("/pro/b/00000000-0000-4000-8000-000000000000/documents/{id}"),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_page_declaring_a_huge_size_renders_within_bounds() {
    let w = World::new().await;
    // 14 400 points square (5 metres): 1 000 × 1 000 pixels, nothing larger.
    let id = upload_pdf(&w, pages_pdf(&["GRAND"], 14_400, 14_400)).await;
    let (status, _, bytes) = fetch(&w.t, &w.person, &format!("/documents/{id}/pages/1")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(drawn(&bytes), (1000, 1000));
}

#[tokio::test]
async fn a_large_pdf_streamed_to_storage_is_rendered_at_its_first_view() {
    let w = World::with(|c| {
        c.storage.max_file_mb = 8;
        c.storage.in_memory_mb = 1;
    })
    .await;
    let id = upload_pdf(&w, crate::uploads::large_pdf(2 * 1024 * 1024, "")).await;
    let doc =
        w.t.get(&format!("/api/v1/documents/{id}"), Some(&w.person))
            .await
            .json();
    assert_eq!(doc["has_thumbnail"], false, "streamed: not rendered yet");
    let browser = logged_in(&w.t, &w.identifier, PERSON_PASSWORD).await;
    let (status, _, html) = page(&browser, &w.t, &format!("/documents/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains(&format!("src=\"/documents/{id}/pages/1\"")),
        "{html}"
    );
    let doc =
        w.t.get(&format!("/api/v1/documents/{id}"), Some(&w.person))
            .await
            .json();
    assert_eq!(doc["has_thumbnail"], true, "recorded at the first view");
    let r = browser
        .get(w.t.url(&format!("/documents/{id}/pages/1")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let image = image::load_from_memory(&r.bytes().await.unwrap()).unwrap();
    assert_eq!((image.width(), image.height()), (1000, 1415));
    crate::uploads::assert_nothing_half_written(&w.t).await;
    // Deleting the document deletes its preview and thumbnail with it.
    let r =
        w.t.delete(&format!("/api/v1/documents/{id}"), Some(&w.person))
            .await;
    assert!(r.status.is_success(), "{}", r.text);
    crate::uploads::assert_nothing_half_written(&w.t).await;
}
