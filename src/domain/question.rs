//! The optional security question (SECURITY.md, "Recovery" (c)): the question as she wrote or
//! chose it, and her answer as the key derivation reads it. The answer is normalised so that
//! "Saint-Étienne", "saint etienne" and " SAINT ÉTIENNE " are one answer: compatibility
//! decomposition (NFKD), combining marks (accents) dropped, lowercase, punctuation dropped,
//! runs of whitespace collapsed to one space, trimmed. What remains must still carry a little
//! (at least 3 characters): the weakness of such answers is said to her on the page.

use super::InvalidInput;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Longest question or answer accepted, in characters (a sentence, not a text).
const MAX_CHARS: usize = 200;
/// Shortest normalised answer accepted.
const MIN_ANSWER_CHARS: usize = 3;

/// Her question, as she will read it in her settings (never shown before she is logged in).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecurityQuestion(String);

impl SecurityQuestion {
    pub fn parse(raw: &str) -> Result<Self, InvalidInput> {
        let text = collapse(raw.trim());
        match text.chars().count() {
            0 => Err(InvalidInput::new("question", "required")),
            n if n > MAX_CHARS => Err(InvalidInput::new("question", "too_long")),
            _ => Ok(Self(text)),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Her answer, normalised; what Argon2id reads. `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct SecurityAnswer(String);

impl std::fmt::Debug for SecurityAnswer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecurityAnswer([redacted])")
    }
}

impl SecurityAnswer {
    /// The answer as she sets it: refused when empty, too short or too long once normalised.
    pub fn parse(raw: &str) -> Result<Self, InvalidInput> {
        if raw.chars().count() > MAX_CHARS {
            return Err(InvalidInput::new("answer", "too_long"));
        }
        let a = Self::normalise(raw);
        match a.0.chars().count() {
            0 => Err(InvalidInput::new("answer", "required")),
            n if n < MIN_ANSWER_CHARS => Err(InvalidInput::new("answer", "too_short")),
            _ => Ok(a),
        }
    }

    /// The answer as typed at recovery: normalised the same way, never refused (a wrong or
    /// empty answer simply does not match; the caller bounds the length it reads).
    pub fn normalise(raw: &str) -> Self {
        let folded: String = raw
            .nfkd()
            .filter(|c| !is_combining_mark(*c))
            .flat_map(char::to_lowercase)
            .map(|c| if c.is_alphanumeric() { c } else { ' ' })
            .collect();
        Self(collapse(&folded))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// Runs of whitespace become one space; no space at either end.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn case_accents_spaces_and_punctuation_do_not_matter() {
        let a = SecurityAnswer::parse("Saint-Étienne").unwrap();
        for typed in [
            "saint etienne",
            "  SAINT   ÉTIENNE ",
            "Saint Etienne!",
            "saint-etiénne",
        ] {
            assert_eq!(SecurityAnswer::normalise(typed), a, "{typed}");
        }
        assert_eq!(a.expose(), "saint etienne");
        assert_ne!(SecurityAnswer::normalise("saint etienne 2"), a);
    }

    #[test]
    fn other_scripts_keep_their_letters() {
        assert_eq!(SecurityAnswer::normalise("  Кошка  ").expose(), "кошка");
        assert_eq!(SecurityAnswer::normalise("قطة").expose(), "قطة");
        // Compatibility forms fold too (full-width letters).
        assert_eq!(SecurityAnswer::normalise("ＰＡＲＩＳ").expose(), "paris");
    }

    #[test]
    fn empty_short_and_long_answers_are_refused() {
        assert_eq!(SecurityAnswer::parse(" ?! ").unwrap_err().code, "required");
        assert_eq!(SecurityAnswer::parse("ab").unwrap_err().code, "too_short");
        assert_eq!(
            SecurityAnswer::parse(&"a".repeat(201)).unwrap_err().code,
            "too_long"
        );
        assert!(format!("{:?}", SecurityAnswer::parse("secret").unwrap()).contains("redacted"));
    }

    #[test]
    fn questions_are_trimmed_and_bounded() {
        assert_eq!(
            SecurityQuestion::parse("  Name of my  first school? ")
                .unwrap()
                .as_str(),
            "Name of my first school?"
        );
        assert!(SecurityQuestion::parse("  ").is_err());
        assert!(SecurityQuestion::parse(&"q".repeat(201)).is_err());
    }
}
