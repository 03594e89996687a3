//! The shape of the crate, checked: a dependency points only downwards (docs/architecture.md),
//! and no two files lean on each other. Read from the sources (every `crate::` and `super::`
//! path, in `use` lines and in code), resolved to the file of the deepest module it names.
//! A module's `mod.rs` declaring and re-exporting its children, and children using what their
//! parent holds, is the tree itself, not a dependency: pairs where one file is the other's
//! ancestor are left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// `(module, modules it must not reach)`, by path prefix.
const RULES: &[(&str, &[&str])] = &[
    ("config", &["service", "web", "cli", "backup", "demo"]),
    ("backup", &["cli", "web", "service", "demo"]),
    (
        "store",
        &["service", "web", "cli", "backup", "demo", "policy"],
    ),
    (
        "domain",
        &["service", "web", "cli", "store", "policy", "backup"],
    ),
    ("policy", &["service", "web", "cli", "store", "backup"]),
    ("clock", &["service", "web", "cli", "store"]),
    ("sms", &["service", "web", "cli", "store"]),
    ("i18n", &["service", "web", "cli", "store"]),
    ("service", &["web", "cli", "demo", "backup"]),
    ("web", &["cli", "demo", "backup"]),
];

type Module = Vec<String>;

fn module_of(src: &Path, file: &Path) -> Option<Module> {
    let rel = file.strip_prefix(src).ok()?.with_extension("");
    let mut parts: Module = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    match parts.last().map(String::as_str) {
        Some("main") if parts.len() == 1 => return None,
        Some("lib") if parts.len() == 1 => parts.clear(),
        Some("mod") => {
            parts.pop();
        }
        _ => {}
    }
    Some(parts)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The code without comments (doc comments name modules in prose).
fn code(text: &str) -> String {
    text.lines()
        .map(|l| l.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path a `use` tree or an expression names, braces expanded, from `crate` or `super`.
fn paths(code: &str) -> Vec<Vec<String>> {
    let bytes: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts = |w: &str| {
            let w: Vec<char> = w.chars().collect();
            bytes[i..].starts_with(&w)
                && (i == 0
                    || !(bytes[i - 1].is_alphanumeric()
                        || bytes[i - 1] == '_'
                        || bytes[i - 1] == ':'))
        };
        if starts("crate::") || starts("super::") {
            let (trees, end) = tree(&bytes, i);
            out.extend(trees);
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// Parses a path (with `{..}` groups) starting at `i`; returns the expanded paths and the end.
fn tree(s: &[char], mut i: usize) -> (Vec<Vec<String>>, usize) {
    let mut prefix = Vec::new();
    loop {
        let start = i;
        while i < s.len() && (s[i].is_alphanumeric() || s[i] == '_') {
            i += 1;
        }
        if i > start {
            prefix.push(s[start..i].iter().collect::<String>());
        }
        if s.get(i) == Some(&':') && s.get(i + 1) == Some(&':') {
            i += 2;
            while s.get(i).is_some_and(|c| c.is_whitespace()) {
                i += 1;
            }
            if s.get(i) == Some(&'{') {
                i += 1;
                let mut all = Vec::new();
                loop {
                    while s.get(i).is_some_and(|c| c.is_whitespace() || *c == ',') {
                        i += 1;
                    }
                    match s.get(i) {
                        None => return (all, i),
                        Some('}') => return (all, i + 1),
                        _ => {}
                    }
                    let (inner, end) = tree(s, i);
                    for p in inner {
                        let mut full = prefix.clone();
                        full.extend(p);
                        all.push(full);
                    }
                    if end == i {
                        i += 1;
                    } else {
                        i = end;
                    }
                    // `a as b`: skip the alias.
                    while s.get(i).is_some_and(|c| *c != ',' && *c != '}') {
                        i += 1;
                    }
                }
            }
            continue;
        }
        return (vec![prefix], i);
    }
}

/// The file a path from `module` reaches: the deepest module it names.
fn resolve(
    module: &Module,
    is_mod_file: bool,
    path: &[String],
    files: &BTreeMap<Module, PathBuf>,
) -> Option<PathBuf> {
    let mut at: Module = Vec::new();
    let mut rest = path;
    match path.first().map(String::as_str) {
        Some("crate") => rest = &path[1..],
        Some("super") => {
            // `super` of `a/b.rs` is `a`; of `a/mod.rs` (module `a`) it is the crate root.
            at = module.clone();
            let _ = is_mod_file;
            while rest.first().map(String::as_str) == Some("super") {
                at.pop();
                rest = &rest[1..];
            }
        }
        _ => return None,
    }
    let mut best = files.get(&at).cloned();
    for part in rest {
        at.push(part.clone());
        match files.get(&at) {
            Some(f) => best = Some(f.clone()),
            None => break,
        }
    }
    best
}

fn graph() -> (
    BTreeMap<PathBuf, Module>,
    BTreeMap<PathBuf, BTreeSet<PathBuf>>,
) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut list = Vec::new();
    rust_files(&src, &mut list);
    let mut modules = BTreeMap::new();
    let mut files = BTreeMap::new();
    for f in &list {
        if let Some(m) = module_of(&src, f) {
            files.insert(m.clone(), f.clone());
            modules.insert(f.clone(), m);
        }
    }
    let mut edges: BTreeMap<PathBuf, BTreeSet<PathBuf>> = BTreeMap::new();
    for (f, m) in &modules {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        let is_mod = f
            .file_name()
            .is_some_and(|n| n == "mod.rs" || n == "lib.rs");
        for p in paths(&code(&text)) {
            if let Some(to) = resolve(m, is_mod, &p, &files)
                && to != *f
            {
                edges.entry(f.clone()).or_default().insert(to);
            }
        }
    }
    (modules, edges)
}

fn is_ancestor(a: &Module, b: &Module) -> bool {
    a.len() < b.len() && b.starts_with(a)
}

fn name(m: &Module) -> String {
    m.join("::")
}

#[test]
fn no_two_files_lean_on_each_other() {
    let (modules, edges) = graph();
    let mut circles = Vec::new();
    for (a, outs) in &edges {
        for b in outs {
            let (ma, mb) = (&modules[a], &modules[b]);
            if a < b
                && !is_ancestor(ma, mb)
                && !is_ancestor(mb, ma)
                && edges.get(b).is_some_and(|o| o.contains(a))
            {
                circles.push(format!("{} <-> {}", name(ma), name(mb)));
            }
        }
    }
    assert!(
        circles.is_empty(),
        "files that use each other: {circles:#?}"
    );
    // The check sees the edges it should (a broken parser would pass everything).
    let service_to_store = edges.iter().any(|(f, outs)| {
        modules[f].first().is_some_and(|m| m == "service")
            && outs
                .iter()
                .any(|t| modules[t].first().is_some_and(|m| m == "store"))
    });
    assert!(
        service_to_store,
        "the service layer's use of the store was not seen"
    );
}

#[test]
fn dependencies_point_downwards() {
    let (modules, edges) = graph();
    let mut upward = Vec::new();
    for (f, outs) in &edges {
        let from = name(&modules[f]);
        for t in outs {
            let to = name(&modules[t]);
            for (layer, forbidden) in RULES {
                let inside = |m: &str, l: &str| m == l || m.starts_with(&format!("{l}::"));
                if inside(&from, layer) && forbidden.iter().any(|x| inside(&to, x)) {
                    upward.push(format!("{from} -> {to}"));
                }
            }
        }
    }
    assert!(upward.is_empty(), "upward dependencies: {upward:#?}");
}
