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

/// The EFF short list without its hyphenated words ("yo-yo"): words are joined by hyphens.
fn wordlist() -> &'static [&'static str] {
    static WORDS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words: Vec<&'static str> = diceware_wordlists::Wordlist::EffShort1
            .get_list()
            .iter()
            .copied()
            .filter(|w| w.chars().all(|c| c.is_ascii_lowercase()))
            .collect();
        words.sort_unstable();
        words
    })
}

/// A generated passphrase: 5 words of the EFF short list (1295 words, 51.7 bits).
pub fn generate_passphrase() -> String {
    let words = wordlist();
    let mut rng = rand::rngs::OsRng;
    (0..PASSPHRASE_WORDS)
        .map(|_| words[rng.gen_range(0..words.len())])
        .collect::<Vec<_>>()
        .join("-")
}

/// A passphrase we generated is accepted as is (its strength is known, not estimated).
fn is_generated_shape(s: &str) -> bool {
    let words = wordlist();
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == PASSPHRASE_WORDS
        && parts
            .iter()
            .all(|p| words.binary_search(p).is_ok() || words.contains(p))
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
        assert!(wordlist().len() > 1290, "{}", wordlist().len());
        assert!(wordlist().iter().all(|w| !w.contains('-')));
        for _ in 0..20 {
            let p = generate_passphrase();
            assert_eq!(p.split('-').count(), 5);
            // Without personal data: random words can spell a name across a boundary
            // ("salami-nacho" holds "amina"), which the personal-data check rightly refuses.
            assert!(
                Password::new_checked(&p, None, None, None, &[]).is_ok(),
                "{p}"
            );
        }
    }
}
