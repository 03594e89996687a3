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
        _ => "M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20z",
    }
}

pub fn icon(name: &str) -> Markup {
    html! {
        svg.icon viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false" {
            path d=(PreEscaped(path(name))) {}
        }
    }
}
