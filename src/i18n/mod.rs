//! Translations (Fluent). Every string a person reads goes through a catalogue; French is the
//! reference and the fallback. `dir` follows the language so right-to-left scripts work.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::HashMap;
use std::sync::Arc;

/// Languages with a complete catalogue, in the order the language picker shows them. Why each
/// one is here (who speaks it among the people French social services meet) is in the README.
pub const SUPPORTED: &[&str] = &[
    "fr", "en", "ar", "prs", "ps", "ru", "uk", "ro", "es", "de", "it", "pt", "tr", "ka",
];

const SOURCES: &[(&str, &str)] = &[
    ("fr", include_str!("fr.ftl")),
    ("en", include_str!("en.ftl")),
    ("ar", include_str!("ar.ftl")),
    ("prs", include_str!("prs.ftl")),
    ("ps", include_str!("ps.ftl")),
    ("ru", include_str!("ru.ftl")),
    ("uk", include_str!("uk.ftl")),
    ("ro", include_str!("ro.ftl")),
    ("es", include_str!("es.ftl")),
    ("de", include_str!("de.ftl")),
    ("it", include_str!("it.ftl")),
    ("pt", include_str!("pt.ftl")),
    ("tr", include_str!("tr.ftl")),
    ("ka", include_str!("ka.ftl")),
];

/// The language id a bundle is created with, which Fluent uses only to pick plural rules
/// (`{ $count -> [one] … }`). It is the code itself, except for Dari: CLDR (as shipped in
/// `intl_pluralrules`) has no plural rules for `prs`, and Fluent then silently falls back to
/// English rules. Dari is Afghan Persian and follows the Persian rules (`one` = 0 or 1), so its
/// bundle is created as `fa-AF`, which resolves to those. `prs` stays the code everywhere else
/// (catalogue, picker, `lang` attribute, stored preference).
fn plural_langid(code: &str) -> &str {
    match code {
        "prs" => "fa-AF",
        other => other,
    }
}

/// Each language's name written in that language, for the picker.
pub fn native_name(code: &str) -> &'static str {
    match code {
        "fr" => "Français",
        "en" => "English",
        "ar" => "العربية",
        "es" => "Español",
        "ru" => "Русский",
        "ps" => "پښتو",
        "prs" => "دری",
        "uk" => "Українська",
        "ro" => "Română",
        "de" => "Deutsch",
        "it" => "Italiano",
        "pt" => "Português",
        "tr" => "Türkçe",
        "ka" => "ქართული",
        "ti" => "ትግርኛ",
        "so" => "Soomaali",
        _ => "?",
    }
}

pub fn is_rtl(code: &str) -> bool {
    matches!(code, "ar" | "ps" | "prs" | "fa" | "ur" | "he")
}

pub struct Catalogs {
    bundles: HashMap<&'static str, FluentBundle<FluentResource>>,
}

impl std::fmt::Debug for Catalogs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalogs")
            .field("languages", &self.bundles.keys().collect::<Vec<_>>())
            .finish()
    }
}

#[derive(Debug, thiserror::Error)]
#[error("catalogue {lang}: {message}")]
pub struct CatalogError {
    pub lang: &'static str,
    pub message: String,
}

impl Catalogs {
    pub fn load() -> Result<Arc<Self>, CatalogError> {
        let mut bundles = HashMap::new();
        for (lang, source) in SOURCES {
            let resource = FluentResource::try_new((*source).to_owned()).map_err(|(_, errs)| {
                CatalogError {
                    lang,
                    message: format!("{errs:?}"),
                }
            })?;
            let langid = plural_langid(lang).parse().map_err(|_| CatalogError {
                lang,
                message: "bad language id".into(),
            })?;
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            // Isolation marks would end up inside attributes and form values.
            bundle.set_use_isolating(false);
            bundle.add_resource(resource).map_err(|errs| CatalogError {
                lang,
                message: format!("{errs:?}"),
            })?;
            bundles.insert(*lang, bundle);
        }
        Ok(Arc::new(Self { bundles }))
    }

    /// Message ids of a language's catalogue (for the completeness test).
    pub fn ids(lang: &str) -> Vec<String> {
        SOURCES
            .iter()
            .filter(|(l, _)| *l == lang)
            .flat_map(|(_, src)| src.lines())
            .filter_map(|line| {
                let (id, _) = line.split_once(" =")?;
                (!id.starts_with([' ', '#', '.']) && !id.is_empty()).then(|| id.trim().to_owned())
            })
            .collect()
    }

    fn format(&self, lang: &str, id: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
        let bundle = self.bundles.get(lang)?;
        let message = bundle.get_message(id)?;
        let pattern = message.value()?;
        let mut errors = Vec::new();
        Some(
            bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned(),
        )
    }
}

/// The language of one response.
#[derive(Debug, Clone)]
pub struct Locale {
    pub lang: &'static str,
    catalogs: Arc<Catalogs>,
}

impl Locale {
    pub fn new(catalogs: Arc<Catalogs>, lang: &str) -> Self {
        let lang = SUPPORTED
            .iter()
            .find(|l| **l == lang)
            .copied()
            .unwrap_or("fr");
        Self { lang, catalogs }
    }

    pub fn dir(&self) -> &'static str {
        if is_rtl(self.lang) { "rtl" } else { "ltr" }
    }

    /// The message, falling back to French, then to the id itself (a test keeps that from
    /// ever happening).
    pub fn t(&self, id: &str) -> String {
        self.catalogs
            .format(self.lang, id, None)
            .or_else(|| self.catalogs.format("fr", id, None))
            .unwrap_or_else(|| id.to_owned())
    }

    pub fn ta(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            fa.set(*k, v.clone());
        }
        self.catalogs
            .format(self.lang, id, Some(&fa))
            .or_else(|| self.catalogs.format("fr", id, Some(&fa)))
            .unwrap_or_else(|| id.to_owned())
    }

    /// Picks the best supported language from an `Accept-Language` header.
    pub fn negotiate(header: &str) -> Option<&'static str> {
        let mut prefs: Vec<(f32, &str)> = header
            .split(',')
            .filter_map(|part| {
                let mut it = part.trim().split(';');
                let tag = it.next()?.trim();
                let q = it
                    .find_map(|p| p.trim().strip_prefix("q=")?.parse::<f32>().ok())
                    .unwrap_or(1.0);
                Some((q, tag))
            })
            .collect();
        prefs.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal));
        prefs.iter().find_map(|(_, tag)| {
            let primary = tag
                .split('-')
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase();
            // Browsers announce Dari as Persian (`fa`, `fa-AF`); our catalogue is `prs`.
            let primary = if primary == "fa" {
                "prs".to_owned()
            } else {
                primary
            };
            SUPPORTED.iter().find(|l| **l == primary).copied()
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// One message of a catalogue as written: the variables it uses and the keys of its
    /// variants (`[one]`, `*[other]`), read from the text so that the check does not rest on
    /// the parser it checks.
    #[derive(Debug, Default, PartialEq)]
    struct Shape {
        variables: std::collections::BTreeSet<String>,
        keys: std::collections::BTreeSet<String>,
    }

    fn shapes(lang: &str) -> std::collections::BTreeMap<String, Shape> {
        let source = SOURCES.iter().find(|(l, _)| *l == lang).unwrap().1;
        let mut out = std::collections::BTreeMap::new();
        let mut current: Option<String> = None;
        for line in source.lines() {
            if line.starts_with('#') {
                current = None;
                continue;
            }
            if !line.starts_with([' ', '}', '.'])
                && let Some((id, _)) = line.split_once(" =")
            {
                current = Some(id.trim().to_owned());
            }
            let Some(id) = &current else { continue };
            let shape: &mut Shape = out.entry(id.clone()).or_default();
            for chunk in line.split('$').skip(1) {
                let name: String = chunk
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                shape.variables.insert(name);
            }
            let trimmed = line.trim_start().trim_start_matches('*');
            if let Some(key) = trimmed.strip_prefix('[').and_then(|k| k.split_once(']')) {
                shape.keys.insert(key.0.to_owned());
            }
        }
        out
    }

    /// Every catalogue has exactly French's ids, and each message uses the same variables.
    #[test]
    fn catalogues_parse_and_are_complete() {
        Catalogs::load().unwrap();
        assert!(SUPPORTED.len() >= 14, "{SUPPORTED:?}");
        assert_eq!(SOURCES.len(), SUPPORTED.len());
        let fr = shapes("fr");
        assert!(fr.len() > 1000, "{}", fr.len());
        for lang in SUPPORTED {
            let ids: Vec<_> = Catalogs::ids(lang);
            let unique: std::collections::BTreeSet<_> = ids.iter().collect();
            assert_eq!(ids.len(), unique.len(), "{lang}: an id appears twice");
            let other = shapes(lang);
            let missing: Vec<_> = fr.keys().filter(|id| !other.contains_key(*id)).collect();
            let extra: Vec<_> = other.keys().filter(|id| !fr.contains_key(*id)).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{lang}: missing {missing:?}, extra {extra:?}"
            );
            let differing: Vec<_> = fr
                .iter()
                .filter(|(id, shape)| other[*id].variables != shape.variables)
                .map(|(id, shape)| (id, &shape.variables, &other[id].variables))
                .collect();
            assert!(
                differing.is_empty(),
                "{lang}: variables differ: {differing:?}"
            );
        }
    }

    /// The plural categories a language's rules give (as Fluent applies them), over whole
    /// numbers.
    fn categories(lang: &str) -> std::collections::BTreeSet<String> {
        let langid = plural_langid(lang).parse().unwrap();
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        let all = "m = { $n ->\n [zero] zero\n [one] one\n [two] two\n [few] few\n [many] many\n *[other] other\n}\n";
        bundle
            .add_resource(FluentResource::try_new(all.to_owned()).unwrap())
            .unwrap();
        let pattern = bundle.get_message("m").unwrap().value().unwrap();
        (0..=1100_i64)
            .chain([1_000_000, 2_000_000])
            .map(|n| {
                let mut args = FluentArgs::new();
                args.set("n", n);
                let mut errors = Vec::new();
                bundle
                    .format_pattern(pattern, Some(&args), &mut errors)
                    .into_owned()
            })
            .collect()
    }

    /// Each plural message of each catalogue uses only the categories its language has; in the
    /// languages added with issue 17, every one of them (a missing form would silently fall back
    /// to the default one). The older catalogues keep their translators' choice of forms where
    /// two categories read the same (Russian "relais" does not decline).
    #[test]
    fn plural_categories_match_each_language() {
        for lang in SUPPORTED {
            let expected = categories(lang);
            for (id, shape) in shapes(lang).iter().filter(|(_, s)| !s.keys.is_empty()) {
                // A number as key (`[1]`) matches that number exactly, whatever the rules.
                let unknown: Vec<_> = shape
                    .keys
                    .difference(&expected)
                    .filter(|k| k.parse::<f64>().is_err() && *k != "other")
                    .collect();
                assert!(
                    unknown.is_empty(),
                    "{lang} {id}: {unknown:?} not in {expected:?}"
                );
                if ["de", "it", "pt", "tr", "ka"].contains(lang) {
                    assert_eq!(shape.keys, expected, "{lang} {id}");
                }
            }
        }
        let set = |keys: &[&str]| -> std::collections::BTreeSet<String> {
            keys.iter().map(|k| (*k).to_owned()).collect()
        };
        // The rules the new languages get from CLDR as `intl_pluralrules` ships it (CLDR 37):
        // Portuguese counts 0 and 1 as "one" (Brazilian rule) and has no "many" there yet.
        for (lang, keys) in [
            ("de", &["one", "other"][..]),
            ("it", &["one", "other"]),
            ("pt", &["one", "other"]),
            ("tr", &["one", "other"]),
            ("ka", &["one", "other"]),
        ] {
            assert_eq!(categories(lang), set(keys), "{lang}");
        }
    }

    /// Every id the code asks for exists in the French catalogue.
    #[test]
    fn every_used_id_exists() {
        let fr: std::collections::BTreeSet<_> = Catalogs::ids("fr").into_iter().collect();
        let mut missing = Vec::new();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web");
        let mut stack = vec![root];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    for marker in [".t(\"", ".ta(\""] {
                        for chunk in text.split(marker).skip(1) {
                            let id = chunk.split('"').next().unwrap();
                            if !fr.contains(id) {
                                missing.push(format!("{}: {id}", path.display()));
                            }
                        }
                    }
                }
            }
        }
        assert!(missing.is_empty(), "ids missing from fr.ftl: {missing:?}");
    }

    /// Plural selection works in every language: no formatting error, never the raw id, the
    /// count shows up, and each language's CLDR categories are the ones actually used.
    #[test]
    fn plurals_in_every_language() {
        let catalogs = Catalogs::load().unwrap();
        for lang in SUPPORTED {
            let bundle = catalogs.bundles.get(lang).unwrap();
            for id in [
                "home-invitations",
                "pro-followed",
                "notice-failed-logins",
                "mark-shared",
                "scan-save",
                "scan-review-text",
            ] {
                for n in [1_i64, 2, 5] {
                    let message = bundle.get_message(id).unwrap();
                    let mut args = FluentArgs::new();
                    args.set("count", n);
                    let mut errors = Vec::new();
                    let text = bundle
                        .format_pattern(message.value().unwrap(), Some(&args), &mut errors)
                        .into_owned();
                    assert!(errors.is_empty(), "{lang} {id} {n}: {errors:?}");
                    assert!(!text.is_empty() && text != id, "{lang} {id} {n}: {text:?}");
                    assert!(
                        !text.contains('{') && !text.contains('$'),
                        "{lang} {id} {n}: {text:?}"
                    );
                    if n == 5 {
                        assert!(text.contains('5'), "{lang} {id} {n}: {text:?}");
                    }
                }
            }
            // Through the public API as well.
            let locale = Locale::new(catalogs.clone(), lang);
            assert_eq!(locale.lang, *lang);
            for n in [1_i64, 2, 5] {
                for id in ["home-invitations", "pro-followed"] {
                    let text = locale.ta(id, &[("count", n.into())]);
                    assert!(!text.is_empty() && text != id, "{lang} {id} {n}");
                }
            }
        }
        let ta = |lang: &str, n: i64| {
            Locale::new(catalogs.clone(), lang).ta("pro-followed", &[("count", n.into())])
        };
        // Arabic: one/two/few (3-10)/many (11-99) are distinct forms.
        let ar: Vec<_> = [1, 2, 5, 11, 100].iter().map(|n| ta("ar", *n)).collect();
        let distinct: std::collections::BTreeSet<_> = ar.iter().collect();
        assert_eq!(distinct.len(), 5, "{ar:?}");
        // Russian and Ukrainian: 2 (few) and 5 (many) differ, 21 is "one" like 1.
        for lang in ["ru", "uk"] {
            assert_ne!(ta(lang, 2).replace('2', "#"), ta(lang, 5).replace('5', "#"));
            assert_eq!(
                ta(lang, 1).replace('1', "#"),
                ta(lang, 21).replace("21", "#")
            );
        }
        // German and Italian: 1 is "one", 2 "other"; Portuguese (Brazilian rule): 0 is "one" too.
        for lang in ["de", "it", "pt"] {
            assert_ne!(ta(lang, 1).replace('1', "#"), ta(lang, 2).replace('2', "#"));
        }
        assert_eq!(ta("pt", 0).replace('0', "#"), ta("pt", 1).replace('1', "#"));
        assert_ne!(ta("de", 0).replace('0', "#"), ta("de", 1).replace('1', "#"));
        // Romanian: 5 is "few", 25 is "other" ("de").
        assert_ne!(
            ta("ro", 5).replace('5', "#"),
            ta("ro", 25).replace("25", "#")
        );
    }

    /// Dari gets the Persian plural rules (0 and 1 are "one"), not the English fallback.
    #[test]
    fn dari_uses_persian_plural_rules() {
        let langid = plural_langid("prs").parse().unwrap();
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        bundle
            .add_resource(
                FluentResource::try_new(
                    "m = { $n ->\n    [one] one\n   *[other] other\n}\n".to_owned(),
                )
                .unwrap(),
            )
            .unwrap();
        let pick = |n: i64| {
            let mut args = FluentArgs::new();
            args.set("n", n);
            let mut errors = Vec::new();
            let pattern = bundle.get_message("m").unwrap().value().unwrap();
            bundle
                .format_pattern(pattern, Some(&args), &mut errors)
                .into_owned()
        };
        assert_eq!(pick(0), "one", "English rules would say other");
        assert_eq!(pick(1), "one");
        assert_eq!(pick(2), "other");
        let catalogs = Catalogs::load().unwrap();
        assert_eq!(Locale::new(catalogs, "prs").lang, "prs");
    }

    #[test]
    fn direction() {
        let catalogs = Catalogs::load().unwrap();
        for lang in SUPPORTED {
            assert_ne!(native_name(lang), "?", "{lang}");
            let dir = Locale::new(catalogs.clone(), lang).dir();
            let rtl = matches!(*lang, "ar" | "prs" | "ps");
            assert_eq!(dir, if rtl { "rtl" } else { "ltr" }, "{lang}");
        }
        assert_eq!(Locale::new(catalogs, "ar").dir(), "rtl");
    }

    #[test]
    fn negotiation() {
        assert_eq!(Locale::negotiate("en-GB,en;q=0.9,fr;q=0.8"), Some("en"));
        assert_eq!(Locale::negotiate("nl-NL, fr;q=0.5"), Some("fr"));
        assert_eq!(Locale::negotiate("de"), Some("de"));
        assert_eq!(Locale::negotiate("de-AT, en;q=0.5"), Some("de"));
        assert_eq!(Locale::negotiate("nl"), None);
        assert_eq!(Locale::negotiate("fa-AF,fa;q=0.9"), Some("prs"));
    }
}
