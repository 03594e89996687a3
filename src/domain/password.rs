//! The password policy (CNIL deliberation 2022-100, case 2) and generated passphrases.
//!
//! Strength is estimated the CNIL way (length x log2 of the alphabet the characters come from)
//! and must reach 50 bits; zxcvbn then refuses what an attacker tries first (common passwords,
//! keyboard walks, repeats), and the person's names and birth date are refused outright.
//! No composition rule is imposed, any Unicode is accepted and nothing is ever truncated.

use super::{BirthDate, PersonName};
use rand::Rng;
use unicode_normalization::UnicodeNormalization;

pub const MIN_CHARS: usize = 8;
pub const MIN_BITS: f64 = 50.0;
/// Long enough for any passphrase; bounded so hashing cost stays bounded.
pub const MAX_BYTES: usize = 4096;

/// A password in memory: zeroized on drop, never printed.
#[derive(Clone)]
pub struct Password(zeroize::Zeroizing<String>);

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password([redacted])")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordRejection {
    TooShort,
    TooLong,
    TooWeak,
    Common,
    ContainsPersonalData,
}

impl PasswordRejection {
    pub fn code(&self) -> &'static str {
        match self {
            Self::TooShort => "password_too_short",
            Self::TooLong => "password_too_long",
            Self::TooWeak => "password_too_weak",
            Self::Common => "password_common",
            Self::ContainsPersonalData => "password_personal",
        }
    }
}

impl Password {
    /// A password as typed at login: no policy, only the size bound.
    pub fn for_login(raw: &str) -> Option<Self> {
        if raw.is_empty() || raw.len() > MAX_BYTES {
            None
        } else {
            Some(Self(zeroize::Zeroizing::new(raw.to_owned())))
        }
    }

    /// A new password for an account; `personal` are the words it must not contain.
    pub fn new_checked(
        raw: &str,
        first: Option<&PersonName>,
        last: Option<&PersonName>,
        birth: Option<&BirthDate>,
        extra: &[&str],
    ) -> Result<Self, PasswordRejection> {
        if raw.len() > MAX_BYTES {
            return Err(PasswordRejection::TooLong);
        }
        let normalized: String = raw.nfc().collect();
        if normalized.chars().count() < MIN_CHARS {
            return Err(PasswordRejection::TooShort);
        }
        let folded = fold(&normalized);
        let mut personal: Vec<String> = Vec::new();
        for name in [first, last].into_iter().flatten() {
            personal.extend(
                name.as_str()
                    .split([' ', '-', '\''])
                    .map(fold)
                    .filter(|w| w.chars().count() >= 3),
            );
            personal.push(name.folded());
        }
        if let Some(b) = birth {
            let iso = b.iso().replace('-', "");
            let compact = b.compact();
            personal.push(compact.clone());
            personal.push(iso);
            personal.push(format!("{}{}", &compact[..4], &compact[6..]));
        }
        personal.extend(
            extra
                .iter()
                .map(|e| fold(e))
                .filter(|w| w.chars().count() >= 3),
        );
        personal.retain(|w| w.chars().count() >= 3);
        // Short names (Ali, Eva) are refused as whole words only: "valise" holds "ali".
        let words: Vec<String> = normalized
            .split(|c: char| !c.is_alphanumeric())
            .map(fold)
            .filter(|w| !w.is_empty())
            .collect();
        let found = |w: &String| {
            if w.chars().count() >= 4 {
                folded.contains(w.as_str())
            } else {
                words.iter().any(|x| x == w)
            }
        };
        if personal.iter().any(found) {
            return Err(PasswordRejection::ContainsPersonalData);
        }
        if is_generated_shape(&normalized) {
            return Ok(Self(zeroize::Zeroizing::new(raw.to_owned())));
        }
        if alphabet_bits(&normalized) < MIN_BITS {
            return Err(PasswordRejection::TooWeak);
        }
        let inputs: Vec<&str> = personal.iter().map(String::as_str).collect();
        let estimate = zxcvbn::zxcvbn(&normalized, &inputs);
        // Score 3 ("safely unguessable: moderate protection from offline attacks") is the
        // bar for what attackers try first; the 50-bit estimate above is the length bar.
        if (estimate.score() as u8) < 3 {
            return Err(PasswordRejection::Common);
        }
        Ok(Self(zeroize::Zeroizing::new(raw.to_owned())))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

fn fold(s: &str) -> String {
    s.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// CNIL-style entropy: length x log2(size of the character classes used).
fn alphabet_bits(s: &str) -> f64 {
    let (mut lower, mut upper, mut digit, mut symbol, mut other) =
        (false, false, false, false, false);
    for c in s.chars() {
        match c {
            'a'..='z' => lower = true,
            'A'..='Z' => upper = true,
            '0'..='9' => digit = true,
            c if c.is_ascii() => symbol = true,
            _ => other = true,
        }
    }
    let pool = [
        (lower, 26.0),
        (upper, 26.0),
        (digit, 10.0),
        (symbol, 33.0),
        (other, 100.0),
    ]
    .iter()
    .filter(|(used, _)| *used)
    .map(|(_, n)| n)
    .sum::<f64>();
    if pool <= 1.0 {
        0.0
    } else {
        s.chars().count() as f64 * f64::log2(pool)
    }
}

const PASSPHRASE_WORDS: usize = 5;

/// The word lists generated passphrases are drawn from. Each keeps only words of lowercase
/// ASCII letters: a passphrase must be typed the same on any phone or shared keyboard (an
/// accent typed differently is another password), and words are joined by hyphens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordList {
    /// BIP-39's French list (CC0-1.0, through the `bip39` crate) without its 366 accented
    /// words: 1 682 common words of 5 to 8 letters, 53.6 bits for five.
    French,
    /// The EFF short list (CC BY 3.0 US, through `diceware_wordlists`) without its hyphenated
    /// words ("yo-yo"): 1 295 words, 51.7 bits for five.
    English,
}

impl WordList {
    /// The list for a person's language: English for English; French for every other
    /// language. Safes are opened in France: French words are in Latin letters, typed on any
    /// keyboard a phone or a day centre's computer has (a list in Arabic, Dari, Pashto,
    /// Russian or Ukrainian script would need a keyboard she may not find), and the
    /// professional beside her can spell them out and help her learn them.
    pub fn for_language(code: &str) -> Self {
        if code == "en" {
            Self::English
        } else {
            Self::French
        }
    }

    /// The list's words, sorted.
    pub fn words(self) -> &'static [&'static str] {
        static FRENCH: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
        static ENGLISH: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
        let (cell, source): (_, &'static [&'static str]) = match self {
            Self::French => (&FRENCH, bip39::Language::French.word_list()),
            Self::English => (&ENGLISH, diceware_wordlists::Wordlist::EffShort1.get_list()),
        };
        cell.get_or_init(|| {
            let mut words: Vec<&'static str> = source
                .iter()
                .copied()
                .filter(|w| w.chars().all(|c| c.is_ascii_lowercase()))
                .collect();
            words.sort_unstable();
            words.dedup();
            words
        })
    }

    /// The strength of a generated passphrase, in bits.
    pub fn passphrase_bits(self) -> f64 {
        PASSPHRASE_WORDS as f64 * (self.words().len() as f64).log2()
    }
}

/// A generated passphrase for a person whose language is `language`: 5 words of her list
/// (`WordList::for_language`), drawn by the operating system's generator.
pub fn generate_passphrase(language: &str) -> String {
    let words = WordList::for_language(language).words();
    let mut rng = rand::rngs::OsRng;
    (0..PASSPHRASE_WORDS)
        .map(|_| words[rng.gen_range(0..words.len())])
        .collect::<Vec<_>>()
        .join("-")
}

/// A passphrase we generated is accepted as is (its strength is known, not estimated): five
/// words of one of the lists.
fn is_generated_shape(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == PASSPHRASE_WORDS
        && [WordList::French, WordList::English].iter().any(|list| {
            let words = list.words();
            parts.iter().all(|p| words.binary_search(p).is_ok())
        })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn who() -> (PersonName, PersonName, BirthDate) {
        (
            PersonName::parse("first_name", "Amina").unwrap(),
            PersonName::parse("last_name", "Benali").unwrap(),
            BirthDate::parse("1990-02-14", time::macros::date!(2026 - 11 - 22)).unwrap(),
        )
    }

    fn check(p: &str) -> Result<Password, PasswordRejection> {
        let (f, l, b) = who();
        Password::new_checked(p, Some(&f), Some(&l), Some(&b), &[])
    }

    #[test]
    fn policy_table() {
        let cases: &[(&str, Option<PasswordRejection>)] = &[
            ("short1!", Some(PasswordRejection::TooShort)),
            ("password", Some(PasswordRejection::TooWeak)),
            ("Password123!", Some(PasswordRejection::Common)),
            ("azertyuiop123", Some(PasswordRejection::Common)),
            (
                "amina-2024-xyzw",
                Some(PasswordRejection::ContainsPersonalData),
            ),
            (
                "Xk9#benali!!zz",
                Some(PasswordRejection::ContainsPersonalData),
            ),
            (
                "vq7#14021990",
                Some(PasswordRejection::ContainsPersonalData),
            ),
            ("le chat dort sur la valise", None),
            ("soleil vert sur la colline", None),
            ("Trois-Chats-Roux-7", None),
            ("نافذة زرقاء في الصباح", None),
        ];
        for (pw, want) in cases {
            assert_eq!(check(pw).err(), *want, "{pw}");
        }
    }

    #[test]
    fn long_unicode_is_never_truncated() {
        let long = "Съешь же ещё этих мягких французских булок, да выпей чаю — ".repeat(3) + "ñ";
        let p = check(&long).unwrap();
        assert_eq!(p.expose(), long);
    }

    #[test]
    fn generated_passphrases_pass() {
        for lang in ["fr", "en", "ar"] {
            for _ in 0..20 {
                let p = generate_passphrase(lang);
                assert_eq!(p.split('-').count(), 5);
                // Without personal data: random words can spell a name across a boundary
                // ("salami-nacho" holds "amina"), which the personal-data check rightly
                // refuses.
                assert!(
                    Password::new_checked(&p, None, None, None, &[]).is_ok(),
                    "{p}"
                );
            }
        }
    }

    /// Her language picks the list; the French list is at least as strong as the English one
    /// it replaces for most people (the EFF short list's 51.7 bits), and both stay above the
    /// CNIL's 50 bits.
    #[test]
    fn passphrases_come_from_her_language_list_with_unchanged_strength() {
        let (fr, en) = (WordList::French.words(), WordList::English.words());
        assert_eq!(fr.len(), 1682, "BIP-39 French without accented words");
        assert_eq!(
            en.len(),
            1295,
            "the EFF short list without hyphenated words"
        );
        for list in [fr, en] {
            assert!(
                list.windows(2).all(|w| w[0] < w[1]),
                "sorted, no duplicates"
            );
            assert!(
                list.iter()
                    .all(|w| w.chars().all(|c| c.is_ascii_lowercase()))
            );
        }
        assert!(fr.contains(&"abeille") && !fr.iter().any(|w| w.starts_with("acad")));
        let (fr_bits, en_bits) = (
            WordList::French.passphrase_bits(),
            WordList::English.passphrase_bits(),
        );
        assert!(fr_bits > 53.5 && fr_bits >= en_bits, "{fr_bits} {en_bits}");
        assert!(en_bits > 51.6, "{en_bits}");
        assert!(fr_bits.min(en_bits) > MIN_BITS);
        for (lang, list) in [
            ("fr", fr),
            ("en", en),
            ("ar", fr),
            ("prs", fr),
            ("ps", fr),
            ("ru", fr),
            ("uk", fr),
            ("ro", fr),
            ("es", fr),
            ("de", fr),
            ("it", fr),
            ("pt", fr),
            ("tr", fr),
            ("ka", fr),
        ] {
            for _ in 0..10 {
                let p = generate_passphrase(lang);
                assert!(
                    p.split('-').all(|w| list.binary_search(&w).is_ok()),
                    "{lang}: {p}"
                );
            }
        }
        // Either list's passphrases are recognised as generated, not a mix of both.
        assert!(is_generated_shape("abeille-bonheur-cabine-dauphin-effacer"));
        assert!(!is_generated_shape("abeille-bonheur-cabine-dauphin-acid"));
    }
}
