//! Taking photos of a paper in steps, as plain forms (issue 13, item 10): take a photo, check
//! the pages, put them in order, remove one, take another, name the document, save. The pages
//! wait sealed under the session's own key: no other session sees them, nothing is left once
//! the scan is saved or cancelled.

use crate::helpers::*;
use crate::pages::{csrf_of, logged_in, page, staff_logged_in, submit};
use reqwest::StatusCode;

/// Posts photos to a scan form (`draft`: the scan they join); the answer's status and location.
async fn photograph(
    c: &reqwest::Client,
    t: &TestApp,
    action: &str,
    token: &str,
    draft: Option<&str>,
    photos: Vec<Vec<u8>>,
) -> (StatusCode, String, String) {
    let mut form = reqwest::multipart::Form::new().text("_csrf", token.to_owned());
    if let Some(d) = draft {
        form = form.text("draft", d.to_owned());
    }
    for (i, p) in photos.into_iter().enumerate() {
        form = form.part(
            "file",
            reqwest::multipart::Part::bytes(p).file_name(format!("p{i}.jpg")),
        );
    }
    let r = c.post(t.url(action)).multipart(form).send().await.unwrap();
    let status = r.status();
    let location = r
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, location, r.text().await.unwrap())
}

/// The width and height of a page's thumbnail on the review page.
async fn thumbnail_size(c: &reqwest::Client, t: &TestApp, review: &str, n: usize) -> (u32, u32) {
    let r = c
        .get(t.url(&format!("{review}/pages/{n}")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "image/jpeg");
    let img = image::load_from_memory(&r.bytes().await.unwrap()).unwrap();
    (img.width(), img.height())
}

#[tokio::test]
async fn a_paper_is_photographed_checked_put_in_order_and_saved_in_steps() {
    let w = World::new().await;
    let t = &w.t;
    let person = logged_in(t, &w.identifier, PERSON_PASSWORD).await;
    let (_, _, html) = page(&person, t, "/documents").await;
    // One big button: the camera's file input, shown through its label.
    assert!(html.contains("capture=\"environment\"") && html.contains("accept=\"image/*\""));
    assert!(html.contains("for=\"scan-photo\"") && html.contains("Prendre une photo"));
    let token = csrf_of(&html);

    // The first photo starts a scan and shows it to check.
    let (status, review, _) = photograph(
        &person,
        t,
        "/documents/scan",
        &token,
        None,
        vec![jpeg(40, 60)],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(review.starts_with("/documents/scan/"), "{review}");
    let draft = review.rsplit('/').next().unwrap().to_owned();
    let (status, _, html) = page(&person, t, &review).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Photo ajoutée"), "the photo added is said");
    assert!(html.contains("Vérifier les photos") && html.contains("Une page."));
    assert!(html.contains("Prendre une autre page en photo"));
    // Two more pages, taken one after the other.
    let (status, again, _) = photograph(
        &person,
        t,
        "/documents/scan",
        &token,
        Some(&draft),
        vec![jpeg(60, 40), jpeg(50, 50)],
    )
    .await;
    assert_eq!(
        (status, again.as_str()),
        (StatusCode::SEE_OTHER, review.as_str())
    );
    let (_, _, html) = page(&person, t, &review).await;
    assert!(html.contains("3 pages.") && html.contains("Page 3"));
    assert!(html.contains("Enregistrer le document (3 pages)"));
    assert_eq!(thumbnail_size(&person, t, &review, 0).await, (40, 60));
    assert_eq!(thumbnail_size(&person, t, &review, 1).await, (60, 40));

    // Page 1 goes down one place; page 3 is removed.
    let (status, headers, _) = submit(
        &person,
        t,
        &format!("{review}/pages"),
        &[("_csrf", &token), ("page", "0"), ("edit", "down")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers["location"], format!("{review}#page-1"));
    assert_eq!(thumbnail_size(&person, t, &review, 0).await, (60, 40));
    assert_eq!(thumbnail_size(&person, t, &review, 1).await, (40, 60));
    let (status, _, _) = submit(
        &person,
        t,
        &format!("{review}/pages"),
        &[("_csrf", &token), ("page", "2"), ("edit", "remove")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, _, html) = page(&person, t, &review).await;
    assert!(html.contains("Page retirée") && html.contains("2 pages."));
    let (status, ..) = page(&person, t, &format!("{review}/pages/2")).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "the removed page is gone");
    // A wrong page number or edit is refused, nothing changes.
    let (status, ..) = submit(
        &person,
        t,
        &format!("{review}/pages"),
        &[("_csrf", &token), ("page", "9"), ("edit", "up")],
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, ..) = submit(
        &person,
        t,
        &format!("{review}/pages"),
        &[("_csrf", &token), ("page", "0"), ("edit", "sideways")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    // Named and saved: one PDF of two pages, in the order chosen; the scan is gone.
    let (status, headers, _) = submit(
        &person,
        t,
        &format!("{review}/save"),
        &[("_csrf", &token), ("name", "Bail"), ("folder_id", "")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let doc_path = headers["location"].to_str().unwrap().to_owned();
    let (_, _, html) = page(&person, t, &doc_path).await;
    assert!(html.contains("Bail") && html.contains("C'est ajouté dans le coffre."));
    let r = person
        .get(t.url(&format!("{doc_path}/download")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    let (_, pages) = crate::bombs::qpdf_reads(&r.bytes().await.unwrap());
    assert_eq!(pages, 2);
    let (status, _, html) = page(&person, t, &review).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("Ces photos ne sont plus là"));
    crate::uploads::assert_nothing_half_written(t).await;
    // Her journal says what was added.
    let (_, _, html) = page(&person, t, "/journal").await;
    assert!(html.contains("« Bail » ajouté"), "{html}");
}

#[tokio::test]
async fn a_scan_is_seen_only_by_the_session_that_took_it_and_cancelling_erases_it() {
    let w = World::new().await;
    let t = &w.t;
    let person = logged_in(t, &w.identifier, PERSON_PASSWORD).await;
    let (_, _, html) = page(&person, t, "/documents").await;
    let token = csrf_of(&html);
    let (_, review, _) = photograph(
        &person,
        t,
        "/documents/scan",
        &token,
        None,
        vec![jpeg(40, 60)],
    )
    .await;
    // Her other session (another phone, the day centre's computer) cannot open it: the pages
    // are sealed under this session's key.
    let elsewhere = logged_in(t, &w.identifier, PERSON_PASSWORD).await;
    let (status, _, html) = page(&elsewhere, t, &review).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("Ces photos ne sont plus là"));
    let (status, ..) = page(&elsewhere, t, &format!("{review}/pages/0")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, _, other_html) = page(&elsewhere, t, "/documents").await;
    let (status, ..) = submit(
        &elsewhere,
        t,
        &format!("{review}/save"),
        &[("_csrf", &csrf_of(&other_html)), ("name", "Volé")],
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // A professional cannot reach it through her own scan pages either.
    let pro = staff_logged_in(t, &w.p1_login.0, &w.p1_login.1).await;
    let draft = review.rsplit('/').next().unwrap();
    let (status, ..) = page(&pro, t, &format!("/pro/b/{}/scan/{draft}", w.bid)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // Not a draft id at all: no such page.
    let (status, ..) = page(&person, t, "/documents/scan/..%2F..%2Fetc").await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // She cancels: the photos are erased, nothing is left in the store.
    let (status, headers, _) = submit(
        &person,
        t,
        &format!("{review}/cancel"),
        &[("_csrf", &token)],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers["location"], "/documents");
    let (_, _, html) = page(&person, t, "/documents").await;
    assert!(html.contains("Les photos sont effacées."));
    let (status, ..) = page(&person, t, &review).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    crate::uploads::assert_no_documents(&w).await;
}

#[tokio::test]
async fn a_refused_photo_keeps_the_pages_taken_and_leaves_nothing_behind() {
    let w = World::with(|c| c.storage.in_memory_mb = 1).await;
    let t = &w.t;
    let person = logged_in(t, &w.identifier, PERSON_PASSWORD).await;
    let (_, _, html) = page(&person, t, "/documents").await;
    let token = csrf_of(&html);
    let (_, review, _) = photograph(
        &person,
        t,
        "/documents/scan",
        &token,
        None,
        vec![jpeg(40, 60)],
    )
    .await;
    let draft = review.rsplit('/').next().unwrap().to_owned();
    // A file that is no photo, sent to the scan: said on the review page, the page taken stays.
    let (status, _, html) = photograph(
        &person,
        t,
        "/documents/scan",
        &token,
        Some(&draft),
        vec![pdf("Bail")],
    )
    .await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(
        html.contains("Vérifier les photos") && html.contains("Une page."),
        "{html}"
    );
    // Too heavy together for one document: refused, said, nothing of it kept.
    let (status, _, html) = photograph(
        &person,
        t,
        "/documents/scan",
        &token,
        Some(&draft),
        vec![
            noisy_jpeg(700, 700),
            noisy_jpeg(700, 700),
            noisy_jpeg(700, 700),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{html}");
    assert!(html.contains("trop lourdes ensemble"), "{html}");
    let (_, _, html) = page(&person, t, &review).await;
    assert!(html.contains("Une page."));
    // Photos sent one at a time count together too: the pages of one document fit in memory.
    let mut refused = None;
    for taken in 2..12 {
        let (status, _, html) = photograph(
            &person,
            t,
            "/documents/scan",
            &token,
            Some(&draft),
            vec![noisy_jpeg(400, 400)],
        )
        .await;
        if status != StatusCode::SEE_OTHER {
            assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{html}");
            assert!(html.contains("trop lourdes ensemble"), "{html}");
            refused = Some(taken);
            break;
        }
    }
    let refused = refused.expect("the pages together reach the limit");
    assert!(refused > 2, "each photo alone fits");
    let (_, _, html) = page(&person, t, &review).await;
    assert!(html.contains(&format!("{} pages.", refused - 1)), "{html}");
    let (status, ..) = submit(
        &person,
        t,
        &format!("{review}/cancel"),
        &[("_csrf", &token)],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    crate::uploads::assert_no_documents(&w).await;
}

/// A JPEG that compresses badly (random pixels): a few hundred KiB for a small picture.
fn noisy_jpeg(width: u32, height: u32) -> Vec<u8> {
    let mut seed = 0x2545_f491_u32;
    let img = image::RgbImage::from_fn(width, height, |_, _| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let [a, b, c, _] = seed.to_le_bytes();
        image::Rgb([a, b, c])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 95)
        .encode_image(&img)
        .unwrap();
    out
}

#[tokio::test]
async fn a_professional_scans_a_paper_into_the_persons_safe_in_steps() {
    let w = World::new().await;
    let t = &w.t;
    let pro = staff_logged_in(t, &w.p1_login.0, &w.p1_login.1).await;
    let file = format!("/pro/b/{}", w.bid);
    let (_, _, html) = page(&pro, t, &file).await;
    assert!(html.contains(&format!("action=\"{file}/scan\"")));
    let token = csrf_of(&html);
    let (status, review, _) = photograph(
        &pro,
        t,
        &format!("{file}/scan"),
        &token,
        None,
        vec![jpeg(40, 60), jpeg(60, 40)],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(review.starts_with(&format!("{file}/scan/")), "{review}");
    let (status, _, html) = page(&pro, t, &review).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("2 pages.") && html.contains("Retour au dossier de la personne"));
    let (status, headers, _) = submit(
        &pro,
        t,
        &format!("{review}/save"),
        &[("_csrf", &token), ("name", "Attestation CAF")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers["location"], format!("{file}#documents"));
    let (_, _, html) = page(&pro, t, &file).await;
    assert!(html.contains("Attestation CAF") && html.contains("C'est ajouté dans le coffre."));
    assert!(html.contains("Partagé avec votre structure"));
    // In her safe, journaled as added by the professional.
    let docs = t
        .get(
            &format!("/api/v1/beneficiaries/{}/documents", w.bid),
            Some(&w.person),
        )
        .await
        .json();
    assert_eq!(docs[0]["name"], "Attestation CAF");
    assert_eq!(docs[0]["content_type"], "application/pdf");
    crate::uploads::assert_nothing_half_written(t).await;

    // A professional whose structure does not follow her cannot start a scan for her.
    let (_, email, secret) = t.professional(&w.admin, &w.s2, "member").await;
    let outsider = staff_logged_in(t, &email, &secret).await;
    let (_, _, html) = page(&outsider, t, "/pro").await;
    let (status, _, _) = photograph(
        &outsider,
        t,
        &format!("{file}/scan"),
        &csrf_of(&html),
        None,
        vec![jpeg(8, 8)],
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    crate::uploads::assert_nothing_half_written(t).await;
}
