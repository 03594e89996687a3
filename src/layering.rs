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
    ("tsa", &["service", "web", "cli", "store"]),
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

/// The names of the methods of every `impl App` block of `code` (`fn name(&self...`).
fn app_methods(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("impl App {") {
        let block = &rest[at..];
        let (mut depth, mut end) = (0usize, block.len());
        for (i, c) in block.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        end = i;
                        break;
                    }
                }
                _ => {}
            }
        }
        let body = &block[..end];
        for piece in body.split("fn ").skip(1) {
            let name: String = piece
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let after = piece[name.len()..].trim_start();
            let after = after.strip_prefix('<').map_or(after, |g| {
                g.split_once('>').map_or(g, |(_, r)| r).trim_start()
            });
            if after
                .strip_prefix('(')
                .is_some_and(|p| p.trim_start().starts_with("&self"))
            {
                out.insert(name);
            }
        }
        rest = &block[end..];
    }
    out
}

/// Calls `self.name(` or `app.name(` (a method call on the `App`), with line breaks allowed
/// before the dot.
fn app_calls(code: &str) -> Vec<String> {
    let flat: String = code.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = Vec::new();
    for receiver in ["self", "app"] {
        for (i, _) in flat.match_indices(receiver) {
            let before_ok = flat[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == '.'));
            let after = flat[i + receiver.len()..].trim_start();
            let Some(call) = after.strip_prefix('.') else {
                continue;
            };
            let name: String = call
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let next = call.trim_start()[name.len()..].trim_start();
            if before_ok && !name.is_empty() && (next.starts_with('(') || next.starts_with("::<")) {
                out.push(name);
            }
        }
    }
    out
}

/// Inside `service/`, a use case reaches another file's use case through a free function named
/// in a `use` line, not through a hidden `App` method: only the plumbing of `service/mod.rs`
/// (transactions, the clock, key derivation) is called as a method from everywhere.
#[test]
fn use_cases_reach_each_other_through_use_lines() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src.join("service"), &mut files);
    let texts: Vec<(PathBuf, String)> = files
        .into_iter()
        .filter_map(|f| std::fs::read_to_string(&f).ok().map(|t| (f, code(&t))))
        .collect();
    let plumbing = src.join("service").join("mod.rs");
    let mut owner: BTreeMap<String, BTreeSet<PathBuf>> = BTreeMap::new();
    for (f, text) in &texts {
        for m in app_methods(text) {
            owner.entry(m).or_default().insert(f.clone());
        }
    }
    assert!(
        owner.contains_key("list_items") && owner.contains_key("now"),
        "the App methods were not seen"
    );
    assert_eq!(
        app_calls("let a = self\n    .list_items(s); app.now(); x.app.tx(); myself.read()"),
        ["list_items", "now"],
        "the calls were not seen"
    );
    let mut hidden = Vec::new();
    for (f, text) in &texts {
        for name in app_calls(text) {
            let Some(files) = owner.get(&name) else {
                continue;
            };
            if !files.contains(f) && !files.contains(&plumbing) {
                let rel = f.strip_prefix(&src).unwrap_or(f).display().to_string();
                hidden.push(format!("{rel} calls App::{name}"));
            }
        }
    }
    hidden.sort();
    hidden.dedup();
    assert!(
        hidden.is_empty(),
        "use cases reached through hidden App methods (call a free function named in a use line): {hidden:#?}"
    );
}
