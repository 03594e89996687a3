//! Pictograms, inline SVG (no extra request on slow networks), decorative for screen readers:
//! the text next to each one says the same thing.

use maud::{Markup, PreEscaped, html};

fn path(name: &str) -> &'static str {
    match name {
        "safe" => {
            "M4 3h16a1 1 0 0 1 1 1v15a1 1 0 0 1-1 1h-1v1h-3v-1H8v1H5v-1H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zm1 2v13h14V5H5zm7 2.5a4 4 0 1 1 0 8 4 4 0 0 1 0-8zm0 2a2 2 0 1 0 0 4 2 2 0 0 0 0-4z"
        }
        "relais" => "M12 3l9 7h-3v10h-5v-6h-2v6H6V10H3l9-7z",
        "settings" => {
            "M12 8a4 4 0 1 1 0 8 4 4 0 0 1 0-8zm8.5 3h-1.7a7 7 0 0 0-.9-2.2l1.2-1.2-2.1-2.1-1.2 1.2a7 7 0 0 0-2.3-1V4h-3v1.7a7 7 0 0 0-2.2.9L7.1 5.4 5 7.5l1.2 1.2a7 7 0 0 0-1 2.3H3.5v3h1.7c.2.8.5 1.6.9 2.2L5 17.4l2.1 2.1 1.2-1.2c.7.4 1.5.8 2.3.9v1.7h3v-1.7a7 7 0 0 0 2.2-.9l1.2 1.2 2.1-2.1-1.2-1.2c.4-.7.8-1.5.9-2.3h1.7v-3z"
        }
        "invitation" => {
            "M3 5h18a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm1 2.4V17h16V7.4l-8 5.1-8-5.1zM5.6 7l6.4 4.1L18.4 7H5.6z"
        }
        "logout" => {
            "M10 3h9a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1h-9v-2h8V5h-8V3zm-1 5l1.4 1.4L8.8 11H15v2H8.8l1.6 1.6L9 16l-4-4 4-4z"
        }
        "language" => {
            "M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zm6.9 9a8 8 0 0 0-3.3-5.8c.8 1.6 1.3 3.6 1.4 5.8h1.9zM13 4.1V11h2c-.1-3.2-1-5.8-2-6.9zM11 4.1C10 5.2 9.1 7.8 9 11h2V4.1zM7 11c.1-2.2.6-4.2 1.4-5.8A8 8 0 0 0 5.1 11H7zm-1.9 2a8 8 0 0 0 3.3 5.8C7.6 17.2 7.1 15.2 7 13H5.1zM9 13c.1 3.2 1 5.8 2 6.9V13H9zm4 6.9c1-1.1 1.9-3.7 2-6.9h-2v6.9zm4-6.9c-.1 2.2-.6 4.2-1.4 5.8a8 8 0 0 0 3.3-5.8H17z"
        }
        "person" => {
            "M12 3a4.5 4.5 0 1 1 0 9 4.5 4.5 0 0 1 0-9zm0 11c4.4 0 8 2 8 4.5V21H4v-2.5C4 16 7.6 14 12 14z"
        }
        "people" => {
            "M9 4a3.5 3.5 0 1 1 0 7 3.5 3.5 0 0 1 0-7zm7 1a3 3 0 1 1 0 6 3 3 0 0 1 0-6zM9 13c3.9 0 7 1.8 7 4v3H2v-3c0-2.2 3.1-4 7-4zm7.5.2c2.6.4 5.5 1.7 5.5 3.8v3h-4v-3c0-1.4-.6-2.7-1.5-3.8z"
        }
        "plus" => "M11 4h2v7h7v2h-7v7h-2v-7H4v-2h7V4z",
        "print" => {
            "M7 3h10v5h2a2 2 0 0 1 2 2v7h-4v4H7v-4H3v-7a2 2 0 0 1 2-2h2V3zm2 2v3h6V5H9zm0 10v4h6v-4H9z"
        }
        "key" => {
            "M8 9a5 5 0 1 1 4.6 5H11v2H9v2H7v2H3v-3.4l5.2-5.2A5 5 0 0 1 8 9zm5-2a2 2 0 1 0 0 4 2 2 0 0 0 0-4z"
        }
        "building" => {
            "M4 3h10v5h6v13H4V3zm2 2v14h3v-3h2v3h1V5H6zm8 5v9h4v-9h-4zM8 7h2v2H8V7zm0 4h2v2H8v-2z"
        }
        "check" => "M9.5 16.2L5.3 12l-1.4 1.4 5.6 5.6L20.1 8.4 18.7 7l-9.2 9.2z",
        "close" => {
            "M6.4 5l5.6 5.6L17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6 10.6 12 5 6.4 6.4 5z"
        }
        "camera" => {
            "M9 4h6l1.5 2H20a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h3.5L9 4zm3 4.5a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9zm0 2a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5z"
        }
        "folder" => {
            "M3 5a1 1 0 0 1 1-1h6l2 2h8a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5zm2 3v10h14V8H5z"
        }
        "pdf" => {
            "M6 2h9l5 5v14a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1zm8 1.5V8h4.5L14 3.5zM8 12v2h8v-2H8zm0 4v2h8v-2H8z"
        }
        "photo" => {
            "M4 4h16a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1zm1 2v9.6l4-4 3 3 3-4 4 5.4V6H5zm3.5 1a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3z"
        }
        "download" => "M11 3h2v9.2l3.6-3.6L18 10l-6 6-6-6 1.4-1.4 3.6 3.6V3zM4 18h16v2H4v-2z",
        "journal" => {
            "M6 2h12a1 1 0 0 1 1 1v18a1 1 0 0 1-1 1H6a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm1 4v2h9V6H7zm0 4v2h9v-2H7zm0 4v2h6v-2H7z"
        }
        "contact" => {
            "M5 3h14a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zm1 2v14h12V5H6zm6 2a3 3 0 1 1 0 6 3 3 0 0 1 0-6zm0 7c2.8 0 5 1.2 5 2.7V18H7v-1.3C7 15.2 9.2 14 12 14zM2 6h2v2H2V6zm0 5h2v2H2v-2zm0 5h2v2H2v-2z"
        }
        "note" => {
            "M5 3h14a1 1 0 0 1 1 1v11l-6 6H5a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zm1 2v14h7v-5a1 1 0 0 1 1-1h4V5H6zm9 10v3.2l3.2-3.2H15zM8 7h8v2H8V7zm0 4h8v2H8v-2z"
        }
        "calendar" => {
            "M7 2h2v2h6V2h2v2h3a1 1 0 0 1 1 1v15a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3V2zM5 9v10h14V9H5zm2 2h4v4H7v-4z"
        }
        "phone" => {
            "M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.2c1.1.4 2.3.6 3.6.6a1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.3.2 2.5.6 3.6a1 1 0 0 1-.3 1l-2.2 2.2z"
        }
        "id-card" => {
            "M3 5h18a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm1 2v10h16V7H4zm4 2a2 2 0 1 1 0 4 2 2 0 0 1 0-4zm-3 6.5c0-1.2 1.3-2 3-2s3 .8 3 2v.5H5v-.5zM13 9h5v2h-5V9zm0 4h5v2h-5v-2z"
        }
        "health" => "M9 3h6v6h6v6h-6v6H9v-6H3V9h6V3zm2 2v6H5v2h6v6h2v-6h6v-2h-6V5h-2z",
        "house" => {
            "M12 3l10 8-1.2 1.6-1.8-1.4V21H5v-9.8l-1.8 1.4L2 11l10-8zm0 2.6l-5 4V19h3v-5h4v5h3V9.6l-5-4z"
        }
        "money" => {
            "M2 6h20v12H2V6zm2 2v8h16V8H4zm8 1.5a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5zM5 9h2v2H5V9zm12 4h2v2h-2v-2z"
        }
        "bell" => {
            "M12 2a1.5 1.5 0 0 1 1.5 1.5v.7A6 6 0 0 1 18 10v5l2 2v1H4v-1l2-2v-5a6 6 0 0 1 4.5-5.8v-.7A1.5 1.5 0 0 1 12 2zm-2 17h4a2 2 0 0 1-4 0z"
        }
        // Structure news: a loudspeaker.
        "megaphone" => {
            "M18 3h2v18h-2l-5-4H9l1 4H7l-1.2-4H4a2 2 0 0 1-2-2V9a2 2 0 0 1 2-2h9l5-4zm0 2.9L13.7 9H4v6h9.7l4.3 3.1V5.9zM21 10h2v4h-2v-4z"
        }
        "view" => {
            "M12 5c4.8 0 8.7 3 10.4 7-1.7 4-5.6 7-10.4 7S3.3 16 1.6 12C3.3 8 7.2 5 12 5zm0 2c-3.6 0-6.7 2-8.2 5 1.5 3 4.6 5 8.2 5s6.7-2 8.2-5c-1.5-3-4.6-5-8.2-5zm0 1.5a3.5 3.5 0 1 1 0 7 3.5 3.5 0 0 1 0-7z"
        }
        "share" => {
            "M18 2a3 3 0 1 1-2.1 5.1l-6.9 4a3 3 0 0 1 0 1.8l6.9 4A3 3 0 1 1 15 19c0-.3 0-.5.1-.8l-6.9-4a3 3 0 1 1 0-4.4l6.9-4A3 3 0 0 1 18 2z"
        }
        "delete" => {
            "M9 2h6l1 2h4v2H4V4h4l1-2zM5 8h14l-1 13a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1L5 8zm4 3v8h2v-8H9zm4 0v8h2v-8h-2z"
        }
        "edit" => {
            "M15.6 3.6a2 2 0 0 1 2.8 0l2 2a2 2 0 0 1 0 2.8L9 19.8 3 21l1.2-6L15.6 3.6zM6 15.9l-.6 2.7 2.7-.6L17.6 6.5l-2.1-2.1L6 15.9z"
        }
        "warning" => "M12 2l10 19H2L12 2zm-1 7v6h2V9h-2zm0 8v2h2v-2h-2z",
        // Issue 13 (phone UI): the "private" mark of an item.
        "lock" => {
            "M12 2a5 5 0 0 1 5 5v3h1a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V11a1 1 0 0 1 1-1h1V7a5 5 0 0 1 5-5zm0 2a3 3 0 0 0-3 3v3h6V7a3 3 0 0 0-3-3zm0 9a2 2 0 0 0-1 3.7V19h2v-2.3A2 2 0 0 0 12 13z"
        }
        // Issue 14: a structure's statistics.
        "chart" => "M3 3h2v16h16v2H3V3zm4 9h3v6H7v-6zm5-5h3v11h-3V7zm5 3h3v8h-3v-8z",
        // Issue 15: the types of papers (`DocumentType::pictogram`); identity card, proof of
        // address, payslip, CAF and medical papers use the pictograms above.
        "passport" => {
            "M6 2h12a1 1 0 0 1 1 1v18a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1zm1 2v16h10V4H7zm5 2a4 4 0 1 1 0 8 4 4 0 0 1 0-8zm0 2a2 2 0 1 0 0 4 2 2 0 0 0 0-4zm-3 8h6v2H9v-2z"
        }
        "residence-permit" => {
            "M3 5h18a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm1 2v10h16V7H4zm2 2h6v2H6V9zm0 4h4v2H6v-2zm11.3-3.7l1.4 1.4-3.7 3.7-2.2-2.2 1.4-1.4.8.8 2.3-2.3z"
        }
        "birth" => {
            "M6 2h12a1 1 0 0 1 1 1v18a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1zm1 2v16h10V4H7zm5 4.2c1-1.6 4-1.3 4 1 0 1.9-2.4 3.4-4 4.8-1.6-1.4-4-2.9-4-4.8 0-2.3 3-2.6 4-1zM8 16h8v2H8v-2z"
        }
        "family-book" => {
            "M5 2h13a1 1 0 0 1 1 1v18a1 1 0 0 1-1 1H5V2zm2 2v16h10V4H7zm3.5 5a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5zm0 1.2a1.3 1.3 0 1 0 0 2.6 1.3 1.3 0 0 0 0-2.6zm3-1.2a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5zm0 1.2a1.3 1.3 0 1 0 0 2.6 1.3 1.3 0 0 0 0-2.6z"
        }
        "mailbox" => {
            "M8 4h8a4 4 0 0 1 4 4v9h-7v5h-2v-5H4V8a4 4 0 0 1 4-4zm0 2a2 2 0 0 0-2 2v7h4V8a2 2 0 0 0-2-2zm3.5 0c.3.6.5 1.3.5 2v7h6V8a2 2 0 0 0-2-2h-4.5zM14 9h3v2h-3V9z"
        }
        "bank" => {
            "M12 2l10 5v2H2V7l10-5zM4 11h3v7H4v-7zm6.5 0h3v7h-3v-7zM17 11h3v7h-3v-7zM2 20h20v2H2v-2z"
        }
        "tax" => {
            "M6 2h12a1 1 0 0 1 1 1v18a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1zm1 2v16h10V4H7zm2 3.5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3zm6 6a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3zM14.6 7L16 8.4 9.4 15 8 13.6 14.6 7z"
        }
        "briefcase" => {
            "M9 3h6a2 2 0 0 1 2 2v1h4a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h4V5a2 2 0 0 1 2-2zm0 2v1h6V5H9zM4 8v4h16V8H4zm0 6v4h16v-4h-6v1h-4v-1H4z"
        }
        "shield" => {
            "M12 2l8 3v6c0 5-3.4 9.4-8 11-4.6-1.6-8-6-8-11V5l8-3zm-1 6v3H8v2h3v3h2v-3h3v-2h-3V8h-2z"
        }
        "chip-card" => {
            "M3 5h18a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm1 2v10h16V7H4zm2 2h5v4H6V9zm8 5h4v2h-4v-2z"
        }
        "paper" => {
            "M6 2h9l5 5v14a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1zm1 2v16h11V9h-5V4H7zm8 .8V7h2.2L15 4.8z"
        }
        _ => "M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20z",
    }
}

/// Every pictogram drawn here is known by name (a misspelt name would draw the fallback).
#[cfg(test)]
pub(super) fn known(name: &str) -> bool {
    path(name) != path("")
}

pub fn icon(name: &str) -> Markup {
    html! {
        svg.icon viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false" {
            path d=(PreEscaped(path(name))) {}
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_document_type_has_a_drawn_pictogram() {
        for t in crate::domain::DocumentType::ALL {
            assert!(super::known(t.pictogram()), "{t:?}");
        }
    }
}
