//! Printed recovery codes: generation and the forgiving normalisation of what a person types.
//!
//! A code is 120 random bits written as 24 Crockford base32 characters
//! (`0123456789ABCDEFGHJKMNPQRSTVWXYZ`: no I, L, O, U, so nothing reads as another symbol) and
//! shown as six groups of four, e.g. `7KQ2-M9XD-...`. The canonical form (24 characters, no
//! dashes) is what gets fed to [`crate::derive_secret`] for the recovery-code wrapping key.

use crate::random_bytes;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Characters in a canonical code (120 bits / 5 bits per character).
pub const CODE_LEN: usize = 24;

/// A fresh recovery code, grouped for printing (`XXXX-XXXX-XXXX-XXXX-XXXX-XXXX`).
pub fn generate_code() -> String {
    let bytes: [u8; 15] = random_bytes();
    format_code(&encode(&bytes))
}

/// 15 bytes (120 bits) as 24 Crockford base32 characters, most significant bits first.
pub(crate) fn encode(bytes: &[u8; 15]) -> String {
    let mut wide = [0u8; 16];
    wide[1..].copy_from_slice(bytes);
    let value = u128::from_be_bytes(wide);
    (0..CODE_LEN)
        .rev()
        .map(|i| {
            let index = usize::try_from((value >> (5 * i)) & 0x1f).unwrap_or(0);
            char::from(ALPHABET[index])
        })
        .collect()
}

/// Splits a canonical code into groups of four joined by `-`, for display.
pub fn format_code(canonical: &str) -> String {
    let chars: Vec<char> = canonical.chars().collect();
    chars
        .chunks(4)
        .map(|group| group.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// Accepts a code as typed: any case, spaces and dashes anywhere, `O` for zero and `I`/`L` for
/// one. Returns the canonical 24-character form, or `None` if it cannot be a code.
pub fn normalize_code(input: &str) -> Option<String> {
    let mut out = String::with_capacity(CODE_LEN);
    for c in input.chars() {
        if c.is_whitespace() || matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '_') {
            continue;
        }
        let c = match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        };
        if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) {
            return None;
        }
        out.push(c);
        if out.len() > CODE_LEN {
            return None;
        }
    }
    (out.len() == CODE_LEN).then_some(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn generated_codes_have_the_printed_shape() {
        let code = generate_code();
        assert_eq!(code.len(), 29);
        let groups: Vec<&str> = code.split('-').collect();
        assert_eq!(groups.len(), 6);
        assert!(groups.iter().all(|g| g.len() == 4));
        let canonical = normalize_code(&code).unwrap();
        assert_eq!(canonical.len(), CODE_LEN);
        assert_eq!(format_code(&canonical), code);
        assert_ne!(generate_code(), generate_code());
    }

    #[test]
    fn encoding_is_big_endian_crockford() {
        assert_eq!(encode(&[0; 15]), "0".repeat(24));
        assert_eq!(encode(&[0xff; 15]), "Z".repeat(24));
        let mut one = [0u8; 15];
        one[14] = 1;
        assert_eq!(encode(&one), format!("{}1", "0".repeat(23)));
        let mut top = [0u8; 15];
        top[0] = 0b1000_0000;
        assert_eq!(encode(&top), format!("G{}", "0".repeat(23)));
    }

    #[test]
    fn normalisation_forgives_typing() {
        let canonical = "0123456789ABCDEFGHJKMNPQ";
        for typed in [
            "0123-4567-89AB-CDEF-GHJK-MNPQ",
            "0123 4567 89ab cdef ghjk mnpq",
            "o123-4567-89ab-cdef-ghjk-mnpq",
            "  0123456789abcdefghjkmnpq  ",
            "0123\u{2013}4567\u{2013}89AB\u{2013}CDEF\u{2013}GHJK\u{2013}MNPQ",
        ] {
            assert_eq!(normalize_code(typed).as_deref(), Some(canonical), "{typed}");
        }
        assert_eq!(
            normalize_code("iIlL-0000-0000-0000-0000-0000"),
            Some(format!("1111{}", "0".repeat(20)))
        );
    }

    #[test]
    fn normalisation_refuses_non_codes() {
        for typed in [
            "",
            "0123-4567-89AB-CDEF-GHJK-MNP",
            "0123-4567-89AB-CDEF-GHJK-MNPQR",
            "0123-4567-89AB-CDEF-GHJK-MNPU",
            "0123-4567-89AB-CDEF-GHJK-MNP!",
            "0123-4567-89AB-CDEF-GHJK-MNPÉ",
        ] {
            assert_eq!(normalize_code(typed), None, "{typed}");
        }
    }
}
