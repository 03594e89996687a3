//! The associated-data (AAD) convention: how a ciphertext's context is spelled.
//!
//! A context string names the purpose first, then the identifiers the ciphertext belongs to,
//! joined by `|`: `purpose|owner|item|version|chunk`. Binding it in the AEAD is what stops a
//! ciphertext from being moved to another item, person or chunk.

/// Joins context parts with `|`, escaping `\` and `|` inside a part, so that two different part
/// lists can never produce the same string (ids are UUIDs and numbers, so escaping is rare).
///
/// `context(&["doc-blob", owner, item, "3", "0"])` gives `doc-blob|<owner>|<item>|3|0`.
pub fn context(parts: &[&str]) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push('|');
        }
        for c in part.chars() {
            if c == '|' || c == '\\' {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_and_escapes() {
        assert_eq!(context(&["a", "b", "c"]), "a|b|c");
        assert_ne!(context(&["a|b", "c"]), context(&["a", "b|c"]));
        assert_eq!(context(&["a|b", "c\\"]), "a\\|b|c\\\\");
        assert_eq!(context(&[]), "");
    }
}
