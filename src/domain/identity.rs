//! People and structures: names, birth dates, the login identifier, e-mails, languages.

use super::InvalidInput;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lowercase, accents removed, only letters and digits kept (spaces, apostrophes, hyphens go).
fn fold(s: &str) -> String {
    // ASCII needs no decomposition (a search folds thousands of names per request).
    if s.is_ascii() {
        return s
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
    }
    s.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// A name or a query as a search compares it: lowercase, accents, spaces and punctuation gone
/// ("Hélène D'Arc" and "helene darc" match).
pub fn search_key(s: &str) -> String {
    fold(s)
}

/// A first or last name as the person writes it (any script).
#[derive(Clone, PartialEq, Eq)]
pub struct PersonName(String);

impl PersonName {
    pub fn parse(field: &'static str, raw: &str) -> Result<Self, InvalidInput> {
        let s: String = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if s.is_empty() {
            return Err(InvalidInput::new(field, "required"));
        }
        if s.chars().count() > 80 || s.chars().any(char::is_control) {
            return Err(InvalidInput::new(field, "invalid_name"));
        }
        if fold(&s).is_empty() {
            return Err(InvalidInput::new(field, "invalid_name"));
        }
        Ok(Self(s))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub fn folded(&self) -> String {
        fold(&self.0)
    }
}

impl std::fmt::Debug for PersonName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PersonName([redacted])")
    }
}

/// A birth date, accepted as `YYYY-MM-DD` or `DD/MM/YYYY` (also `DDMMYYYY`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct BirthDate(time::Date);

impl BirthDate {
    pub fn parse(raw: &str, today: time::Date) -> Result<Self, InvalidInput> {
        let raw = raw.trim();
        let digits: Vec<u32> = raw
            .split(|c: char| !c.is_ascii_digit())
            .filter(|p| !p.is_empty())
            .filter_map(|p| p.parse().ok())
            .collect();
        let (y, m, d) = match (digits.as_slice(), raw.len()) {
            ([y, m, d], _) if *y > 999 => (*y, *m, *d),
            ([d, m, y], _) if *y > 999 => (*y, *m, *d),
            ([all], 8) => (all % 10_000, (all / 10_000) % 100, all / 1_000_000),
            _ => return Err(InvalidInput::new("birth_date", "invalid_date")),
        };
        let month = u8::try_from(m)
            .ok()
            .and_then(|m| time::Month::try_from(m).ok())
            .ok_or(InvalidInput::new("birth_date", "invalid_date"))?;
        let year = i32::try_from(y).map_err(|_| InvalidInput::new("birth_date", "invalid_date"))?;
        let day = u8::try_from(d).map_err(|_| InvalidInput::new("birth_date", "invalid_date"))?;
        let date = time::Date::from_calendar_date(year, month, day)
            .map_err(|_| InvalidInput::new("birth_date", "invalid_date"))?;
        if date > today || year < today.year() - 120 {
            return Err(InvalidInput::new("birth_date", "invalid_date"));
        }
        Ok(Self(date))
    }
    /// `YYYY-MM-DD`
    pub fn iso(&self) -> String {
        format!(
            "{:04}-{:02}-{:02}",
            self.0.year(),
            u8::from(self.0.month()),
            self.0.day()
        )
    }
    /// `DDMMYYYY`, as in the identifier.
    pub fn compact(&self) -> String {
        format!(
            "{:02}{:02}{:04}",
            self.0.day(),
            u8::from(self.0.month()),
            self.0.year()
        )
    }
    /// `DD/MM/YYYY`, as people write it in France.
    pub fn display(&self) -> String {
        format!(
            "{:02}/{:02}/{:04}",
            self.0.day(),
            u8::from(self.0.month()),
            self.0.year()
        )
    }
    pub fn year(&self) -> i32 {
        self.0.year()
    }
}

impl std::fmt::Debug for BirthDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BirthDate([redacted])")
    }
}

/// A beneficiary's login identifier: `firstname.lastname.DDMMYYYY`, folded, with an optional
/// `-N` suffix for homonyms. The parsed form is the normalised form compared at login.
#[derive(Clone, PartialEq, Eq)]
pub struct Identifier(String);

impl Identifier {
    pub fn build(first: &PersonName, last: &PersonName, birth: &BirthDate, homonym: u32) -> Self {
        let base = format!("{}.{}.{}", first.folded(), last.folded(), birth.compact());
        if homonym <= 1 {
            Self(base)
        } else {
            Self(format!("{base}-{homonym}"))
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// The homonym number at the end of an identifier (`2` of `amina.benali.14021990-2`):
    /// she must type it, so her sheet and the login page tell it.
    pub fn homonym_number(identifier: &str) -> Option<&str> {
        identifier
            .rsplit_once('-')
            .map(|(_, n)| n)
            .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    }
}

impl std::fmt::Debug for Identifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Identifier([redacted])")
    }
}

/// An identifier as a person types it: `amina.benali.14021990`, `amina benali 14021990`,
/// `Amina.Benali.14-02-1990`, `AMINA BENALI 14/02/1990 2`... Case and accents are forgiven,
/// any separator goes between the parts and inside the date (`DDMMYYYY`, `DD MM YYYY` with
/// one- or two-digit day and month, or `YYYY-MM-DD`), Arabic and Persian digits count, and a
/// homonym's number (`-2`) follows the date.
///
/// The hard part: names are folded without their spaces and hyphens (`Hélène Marie` is
/// `helenemarie`), so without dots the words do not say where the first name ends: `jean
/// pierre dupont` may be `jeanpierre.dupont` or `jean.pierredupont`. Two words, or dots
/// between exactly two parts, give one reading; more words give every split, tried in
/// order. `key` is the same for all the readings and spellings (the letters of both names,
/// the date, the suffix): what login throttling counts against.
#[derive(Clone, PartialEq, Eq)]
pub struct TypedIdentifier {
    readings: Vec<Identifier>,
    key: String,
}

/// At most this many words in the names: as many readings less one.
const MAX_NAME_WORDS: usize = 8;

/// A digit in any of the scripts people here type digits in (Latin, Arabic, Persian).
fn digit_of(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '\u{660}'..='\u{669}' => char::from_digit(u32::from(c) - 0x660, 10),
        '\u{6f0}'..='\u{6f9}' => char::from_digit(u32::from(c) - 0x6f0, 10),
        _ => None,
    }
}

/// The date and the homonym suffix from the digit groups after the names.
fn date_and_suffix(groups: &[String]) -> Option<(String, Option<String>)> {
    let pad = |g: &String| (g.len() <= 2).then(|| format!("{g:0>2}"));
    let (date, rest) = match groups {
        [d, rest @ ..] if d.len() == 8 => (d.clone(), rest),
        [y, m, d, rest @ ..] if y.len() == 4 => (format!("{}{}{y}", pad(d)?, pad(m)?), rest),
        [d, m, y, rest @ ..] if y.len() == 4 => (format!("{}{}{y}", pad(d)?, pad(m)?), rest),
        _ => return None,
    };
    match rest {
        [] => Some((date, None)),
        [s] if s.len() <= 3 && s.trim_start_matches('0') == s => Some((date, Some(s.clone()))),
        _ => None,
    }
}

impl TypedIdentifier {
    pub fn parse(raw: &str) -> Option<Self> {
        let lowered: String = raw
            .trim()
            .nfkd()
            .filter(|c| !is_combining_mark(*c))
            .flat_map(char::to_lowercase)
            .map(|c| digit_of(c).unwrap_or(c))
            .collect();
        let split = lowered.find(|c: char| c.is_ascii_digit())?;
        let (names, date) = lowered.split_at(split);
        // After the first digit, only digits and separators.
        if date.chars().any(char::is_alphabetic) {
            return None;
        }
        let groups: Vec<String> = date
            .split(|c: char| !c.is_ascii_digit())
            .filter(|g| !g.is_empty())
            .map(str::to_owned)
            .collect();
        let (date, suffix) = date_and_suffix(&groups)?;
        // Apostrophes belong to names (N'Diaye); every other non-letter separates.
        let word = |p: &str| -> String {
            p.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
        };
        let dotted: Vec<String> = names
            .split('.')
            .map(word)
            .filter(|p| !p.is_empty())
            .collect();
        let words: Vec<String> = if dotted.len() == 2 {
            dotted
        } else {
            names
                .split(|c: char| {
                    !(c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '\u{2bc}'))
                })
                .map(word)
                .filter(|p| !p.is_empty())
                .collect()
        };
        if words.len() < 2 || words.len() > MAX_NAME_WORDS {
            return None;
        }
        let tail = match &suffix {
            Some(s) => format!("{date}-{s}"),
            None => date,
        };
        let readings = (1..words.len())
            .map(|i| {
                Identifier(format!(
                    "{}.{}.{tail}",
                    words[..i].concat(),
                    words[i..].concat()
                ))
            })
            .collect();
        Some(Self {
            readings,
            key: format!("{}.{tail}", words.concat()),
        })
    }

    /// The identifiers she may have meant, the likeliest first.
    pub fn readings(&self) -> &[Identifier] {
        &self.readings
    }

    /// What throttling counts against: the same for every spelling of one identifier.
    pub fn key(&self) -> &str {
        &self.key
    }
}

impl std::fmt::Debug for TypedIdentifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TypedIdentifier([redacted])")
    }
}

/// A staff e-mail address, lowercased. Checked only for shape: it is a login, not a mailbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Self, InvalidInput> {
        let s = raw.trim().to_lowercase();
        let ok = s.len() <= 254
            && !s.chars().any(|c| c.is_whitespace() || c.is_control())
            && matches!(s.split_once('@'), Some((l, d)) if !l.is_empty() && d.contains('.') && !d.starts_with('.') && !d.ends_with('.') && !d.contains('@'));
        if ok {
            Ok(Self(s))
        } else {
            Err(InvalidInput::new("email", "invalid_email"))
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A short free text (structure name, display name, city): trimmed, 1..=max characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShortText(String);

impl ShortText {
    pub fn parse(field: &'static str, raw: &str, max: usize) -> Result<Self, InvalidInput> {
        let s: String = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if s.is_empty() {
            return Err(InvalidInput::new(field, "required"));
        }
        if s.chars().count() > max || s.chars().any(char::is_control) {
            return Err(InvalidInput::new(field, "too_long"));
        }
        Ok(Self(s))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub fn into_string(self) -> String {
        self.0
    }
}

/// A phone number as people write it, kept as digits: `0612345678` (a national number),
/// `+442079460958` (an international one: `+` or `00`, then the country code; the `(0)`
/// some write after it is dropped), or a French short number: `15`, `17`, `18`, `112`, `115`,
/// `119`... (`1X`/`1XX`), `3230`, `3949`, `3919`... (`3XXX`), `10XX`, `116XXX`, `118XXX`.
/// Spaces, dots, hyphens, slashes and brackets between digits are dropped; anything else
/// (letters, a number too short or too long) is refused.
#[derive(Clone, PartialEq, Eq)]
pub struct Phone(String);

/// French short numbers: emergency and social lines (15, 17, 18, 112, 114, 115, 119, 196...),
/// public services (3230 CAF, 3646 Assurance maladie, 3949 France Travail, 3919...),
/// operators' 10XX, European 116XXX and directory 118XXX numbers.
fn is_short_number(d: &str) -> bool {
    let b = d.as_bytes();
    match b.len() {
        2 => matches!(d, "15" | "17" | "18"),
        3 => b[0] == b'1',
        4 => b[0] == b'3' || d.starts_with("10"),
        6 => d.starts_with("116") || d.starts_with("118"),
        _ => false,
    }
}

impl Phone {
    /// A number to call: a contact's (a short number is welcome). Empty gives `None`.
    pub fn parse(raw: &str) -> Result<Option<Self>, InvalidInput> {
        let invalid = || InvalidInput::new("phone", "invalid_phone");
        let mut s: String = raw
            .chars()
            .filter(|c| {
                !(c.is_whitespace() || matches!(c, '.' | '-' | '/' | '\u{2011}' | '\u{2010}'))
            })
            .collect();
        if s.is_empty() {
            return Ok(None);
        }
        let international = if let Some(rest) = s.strip_prefix('+') {
            Some(rest.to_owned())
        } else {
            s.strip_prefix("00").map(str::to_owned)
        };
        if let Some(rest) = international {
            // `+33 (0)6 12...`: the national trunk 0 some write in brackets is not dialled.
            let digits: String = rest.replacen("(0)", "", 1).replace(['(', ')'], "");
            let ok = (7..=15).contains(&digits.len())
                && digits.chars().all(|c| c.is_ascii_digit())
                && !digits.starts_with('0');
            return if ok {
                Ok(Some(Self(format!("+{digits}"))))
            } else {
                Err(invalid())
            };
        }
        s.retain(|c| !matches!(c, '(' | ')'));
        if !s.chars().all(|c| c.is_ascii_digit()) {
            return Err(invalid());
        }
        let national = s.starts_with('0') && (9..=12).contains(&s.len());
        if national || is_short_number(&s) {
            Ok(Some(Self(s)))
        } else {
            Err(invalid())
        }
    }

    /// Her own number, for SMS: a full number, national or international; a short number
    /// (`115`...) receives no SMS and is refused with `short_number`.
    pub fn parse_for_sms(raw: &str) -> Result<Option<Self>, InvalidInput> {
        match Self::parse(raw)? {
            Some(p) if p.is_short() => Err(InvalidInput::new("phone", "short_number")),
            other => Ok(other),
        }
    }

    /// A short number (`115`, `3949`...): neither national nor international.
    pub fn is_short(&self) -> bool {
        !self.0.starts_with(['0', '+'])
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Phone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Phone([redacted])")
    }
}

/// An interface language the catalogues cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language(&'static str);

impl Language {
    pub const FRENCH: Language = Language("fr");
    pub fn parse(raw: &str) -> Result<Self, InvalidInput> {
        let code = raw.trim().to_ascii_lowercase();
        crate::i18n::SUPPORTED
            .iter()
            .find(|l| **l == code)
            .map(|l| Self(l))
            .ok_or(InvalidInput::new("language", "unsupported_language"))
    }
    pub fn code(&self) -> &'static str {
        self.0
    }
}

/// A relais follows the people who chose it; a mediation structure only opens safes (see
/// `policy::follows`). Serialized as `relay` / `mediation`, the `structures.kind` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StructureKind {
    Relay,
    Mediation,
}

impl StructureKind {
    pub fn parse(raw: &str) -> Result<Self, InvalidInput> {
        match raw {
            "relay" => Ok(Self::Relay),
            "mediation" => Ok(Self::Mediation),
            _ => Err(InvalidInput::new("kind", "invalid_kind")),
        }
    }
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Relay => "relay",
            Self::Mediation => "mediation",
        }
    }
}

/// Who an account is: a person with a safe, a professional of one or more structures, or the
/// platform's operator. Serialized as `beneficiary` / `professional` / `platform_admin`, the
/// `accounts.kind` column (also who added an item, `items.created_by_kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountKind {
    Beneficiary,
    Professional,
    PlatformAdmin,
}

impl AccountKind {
    pub fn parse(raw: &str) -> Result<Self, InvalidInput> {
        match raw {
            "beneficiary" => Ok(Self::Beneficiary),
            "professional" => Ok(Self::Professional),
            "platform_admin" => Ok(Self::PlatformAdmin),
            _ => Err(InvalidInput::new("kind", "invalid_kind")),
        }
    }
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Beneficiary => "beneficiary",
            Self::Professional => "professional",
            Self::PlatformAdmin => "platform_admin",
        }
    }
    /// Professionals and platform admins: the staff, who log in by e-mail with a second
    /// factor.
    pub fn is_staff(&self) -> bool {
        !matches!(self, Self::Beneficiary)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffRole {
    Member,
    Admin,
}

impl StaffRole {
    pub fn parse(raw: &str) -> Result<Self, InvalidInput> {
        match raw {
            "member" => Ok(Self::Member),
            "admin" => Ok(Self::Admin),
            _ => Err(InvalidInput::new("role", "invalid_role")),
        }
    }
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Member => "member",
            Self::Admin => "admin",
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn today() -> time::Date {
        time::macros::date!(2026 - 11 - 22)
    }

    #[test]
    fn account_kinds_read_back_what_they_write() {
        for kind in [
            AccountKind::Beneficiary,
            AccountKind::Professional,
            AccountKind::PlatformAdmin,
        ] {
            assert_eq!(AccountKind::parse(kind.as_str()), Ok(kind));
            assert_eq!(
                serde_json::to_string(&kind).unwrap(),
                format!("\"{}\"", kind.as_str())
            );
        }
        assert!(AccountKind::parse("system").is_err());
        assert!(!AccountKind::Beneficiary.is_staff());
        assert!(AccountKind::PlatformAdmin.is_staff());
    }

    #[test]
    fn identifier_is_folded() {
        let f = PersonName::parse("first_name", " Hélène  Marie ").unwrap();
        let l = PersonName::parse("last_name", "N'Diaye-Lefèvre").unwrap();
        let b = BirthDate::parse("03/04/1985", today()).unwrap();
        assert_eq!(
            Identifier::build(&f, &l, &b, 1).as_str(),
            "helenemarie.ndiayelefevre.03041985"
        );
        assert_eq!(
            Identifier::build(&f, &l, &b, 2).as_str(),
            "helenemarie.ndiayelefevre.03041985-2"
        );
        assert_eq!(
            Identifier::homonym_number(Identifier::build(&f, &l, &b, 2).as_str()),
            Some("2")
        );
        assert_eq!(
            Identifier::homonym_number(Identifier::build(&f, &l, &b, 1).as_str()),
            None
        );
    }

    fn readings(raw: &str) -> Vec<String> {
        TypedIdentifier::parse(raw)
            .map(|t| t.readings().iter().map(|i| i.as_str().to_owned()).collect())
            .unwrap_or_default()
    }

    #[test]
    fn typed_identifier_is_forgiven() {
        assert_eq!(
            readings("  Hélène Marie.N'DIAYE-Lefevre.03041985 "),
            ["helenemarie.ndiayelefevre.03041985"]
        );
        assert_eq!(readings("a.b.03041985-2"), ["a.b.03041985-2"]);
        assert!(readings("a.b.0304198").is_empty());
        assert!(readings("someone@example.org").is_empty());
        assert!(readings("a.b.03041985-x").is_empty());
        assert!(readings("a.b.03041985-1234").is_empty());
        assert!(readings("aminabenali.14021990").is_empty());
        assert!(readings("amina.benali").is_empty());
        assert!(readings("14021990").is_empty());
    }

    /// Every separator between the parts and in the date; the same throttling key for all.
    #[test]
    fn identifiers_typed_as_people_type_them() {
        let key = TypedIdentifier::parse("amina.benali.14021990")
            .unwrap()
            .key()
            .to_owned();
        assert_eq!(key, "aminabenali.14021990");
        for typed in [
            "amina.benali.14021990",
            "amina benali 14021990",
            "amina.benali.14-02-1990",
            "Amina Benali 14/02/1990",
            "AMINA_BENALI_14.02.1990",
            "amina-benali-14-2-1990",
            "  amina   benali   14 02 1990 ",
            "Amina, Benali, 1990-02-14",
            "amina.benali.١٤٠٢١٩٩٠",
            "amina benali ۱۴/۰۲/۱۹۹۰",
        ] {
            let t = TypedIdentifier::parse(typed);
            assert!(t.is_some(), "{typed:?}");
            let t = t.unwrap();
            assert_eq!(
                t.readings()[0].as_str(),
                "amina.benali.14021990",
                "{typed:?}"
            );
            assert_eq!(t.key(), key, "{typed:?}");
        }
        // The homonym's number after the date, however it is set off.
        for typed in [
            "amina.benali.14021990-2",
            "amina benali 14021990 2",
            "Amina Benali 14/02/1990-2",
            "amina.benali.14-02-1990-2",
        ] {
            assert_eq!(readings(typed), ["amina.benali.14021990-2"], "{typed:?}");
        }
        // Compound names without dots: every split, one key.
        assert_eq!(
            readings("Hélène Marie N'Diaye-Lefèvre 03/04/1985"),
            [
                "helene.mariendiayelefevre.03041985",
                "helenemarie.ndiayelefevre.03041985",
                "helenemariendiaye.lefevre.03041985",
            ]
        );
        assert_eq!(
            TypedIdentifier::parse("helenemarie.ndiayelefevre.03041985")
                .unwrap()
                .key(),
            TypedIdentifier::parse("Hélène Marie N'Diaye-Lefèvre 03/04/1985")
                .unwrap()
                .key()
        );
        // A date that is not one: refused.
        assert!(readings("amina benali 14 02 90").is_empty());
        assert!(readings("amina benali 140290").is_empty());
        assert!(readings("amina benali 14021990 x").is_empty());
        assert!(readings("amina benali 14021990 02").is_empty());
    }

    #[test]
    fn birth_dates() {
        assert_eq!(
            BirthDate::parse("1985-04-03", today()).unwrap().compact(),
            "03041985"
        );
        assert_eq!(
            BirthDate::parse("03041985", today()).unwrap().iso(),
            "1985-04-03"
        );
        assert!(BirthDate::parse("31/02/1985", today()).is_err());
        assert!(BirthDate::parse("01/01/2030", today()).is_err());
        assert!(BirthDate::parse("hello", today()).is_err());
    }

    #[test]
    fn emails_and_phones() {
        assert_eq!(
            Email::parse(" Ana@Example.ORG ").unwrap().as_str(),
            "ana@example.org"
        );
        assert!(Email::parse("ana@").is_err());
        assert_eq!(
            Phone::parse("06 12 34 56 78").unwrap().unwrap().as_str(),
            "0612345678"
        );
        assert!(Phone::parse("").unwrap().is_none());
        assert!(Phone::parse("abc").is_err());
    }

    /// French short numbers and international numbers are numbers; garbage is not.
    #[test]
    fn short_and_international_phones() {
        for (typed, kept) in [
            ("115", "115"),
            ("15", "15"),
            ("17", "17"),
            ("18", "18"),
            ("112", "112"),
            ("119", "119"),
            ("3230", "3230"),
            ("39 49", "3949"),
            ("3919", "3919"),
            ("116 000", "116000"),
            ("0800 123 456", "0800123456"),
            ("0 800 84 08 00", "0800840800"),
            ("01.23.45.67.89", "0123456789"),
            ("+44 20 7946 0958", "+442079460958"),
            ("0044 20 7946 0958", "+442079460958"),
            ("+33 (0)6 12 34 56 78", "+33612345678"),
            ("+1 (212) 555-0100", "+12125550100"),
            ("\u{a0}06\u{202f}12 34 56 78 ", "0612345678"),
        ] {
            assert_eq!(
                Phone::parse(typed).unwrap().unwrap().as_str(),
                kept,
                "{typed:?}"
            );
        }
        for garbage in [
            "abc",
            "06 12 34 56 7a",
            "1",
            "16",
            "42",
            "999",
            "12345",
            "612345678",
            "0612",
            "+33",
            "+0612345678",
            "+1234567890123456",
            "0612345678901234",
            "06 12 34 56 78 ext 2",
            "++33612345678",
            "115; DROP",
        ] {
            assert!(Phone::parse(garbage).is_err(), "{garbage:?}");
        }
        assert!(Phone::parse("115").unwrap().unwrap().is_short());
        assert!(!Phone::parse("0612345678").unwrap().unwrap().is_short());
        assert_eq!(
            Phone::parse_for_sms("115").unwrap_err().code,
            "short_number"
        );
        assert_eq!(
            Phone::parse_for_sms("+44 7700 900123")
                .unwrap()
                .unwrap()
                .as_str(),
            "+447700900123"
        );
        assert!(Phone::parse_for_sms(" ").unwrap().is_none());
    }
}
