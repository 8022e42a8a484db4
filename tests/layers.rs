//! The crate's modules form layers: no module depends, directly or through others, on a
//! module that depends on it. A dependency is any path into another module of the crate
//! (`use crate::…`, `super::…`, or a path written inline) outside `#[cfg(test)]`
//! modules; a module's own `mod` declarations are not dependencies. This test reads
//! `src/` and fails naming a cycle if there is one.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The module path of a source file (`src/recognize/mod.rs` → `recognize`).
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap();
    let mut parts: Vec<String> = rel.iter().map(|s| s.to_string_lossy().into_owned()).collect();
    let last = parts.pop().unwrap();
    let stem = last.trim_end_matches(".rs");
    if !matches!(stem, "mod" | "lib") {
        parts.push(stem.to_string());
    }
    parts
}

/// The code of a file without comments, string literals and `#[cfg(test)]` blocks.
fn code(text: &str) -> String {
    let mut out = String::new();
    let mut skip_depth: Option<i32> = None;
    let mut depth = 0i32;
    let mut pending_test = false;
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with("//") {
            continue;
        }
        if t.starts_with("#[cfg(test)]") || t.starts_with("#[cfg(all(test") {
            pending_test = true;
            continue;
        }
        let opens = line.matches('{').count() as i32;
        let closes = line.matches('}').count() as i32;
        if pending_test && skip_depth.is_none() {
            pending_test = false;
            if opens > closes {
                skip_depth = Some(depth);
            }
            depth += opens - closes;
            continue;
        }
        depth += opens - closes;
        if let Some(d) = skip_depth {
            if depth <= d {
                skip_depth = None;
            }
            continue;
        }
        // Drop string literals (crudely: everything between quotes on a line).
        let mut in_str = false;
        let mut prev = ' ';
        for c in line.chars() {
            if c == '"' && prev != '\\' {
                in_str = !in_str;
            } else if !in_str {
                out.push(c);
            }
            prev = c;
        }
        out.push('\n');
    }
    out
}

/// The module paths a file's code names: `crate::a::b` and `super::x` (resolved).
fn references(module: &[String], is_mod_file: bool, code: &str) -> Vec<Vec<String>> {
    let mut refs = Vec::new();
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let bytes: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        let starts = |w: &str| bytes[i..].iter().take(w.len()).copied().eq(w.chars());
        let word_start = i == 0 || !ident(bytes[i - 1]);
        if word_start && (starts("crate::") || starts("super::")) {
            let mut base: Vec<String> = if starts("crate::") {
                Vec::new()
            } else {
                // `super` of a file module is its parent; of a `mod.rs`, the parent's parent.
                let mut b = module.to_vec();
                if !is_mod_file || !b.is_empty() {
                    b.pop();
                }
                b
            };
            let mut j = i;
            // Read `seg::seg::…` and `{a, b::c}` groups (one level).
            let mut path = String::new();
            while j < bytes.len()
                && (ident(bytes[j])
                    || bytes[j] == ':'
                    || bytes[j] == '{'
                    || bytes[j] == ','
                    || bytes[j] == ' ' && path.contains('{'))
            {
                path.push(bytes[j]);
                if bytes[j] == '{' {
                    while j + 1 < bytes.len() && bytes[j + 1] != '}' {
                        j += 1;
                        path.push(bytes[j]);
                    }
                }
                j += 1;
            }
            let mut segs: Vec<&str> = path.split("::").collect();
            segs.remove(0); // crate / super
            while segs.first() == Some(&"super") {
                segs.remove(0);
                base.pop();
            }
            let (head, group) = match segs.iter().position(|s| s.starts_with('{')) {
                Some(p) => (segs[..p].to_vec(), Some(segs[p..].join("::"))),
                None => (segs.clone(), None),
            };
            let mut full = base.clone();
            full.extend(head.iter().filter(|s| !s.is_empty()).map(|s| s.to_string()));
            match group {
                Some(g) => {
                    for item in g.trim_start_matches('{').split(',') {
                        let mut f = full.clone();
                        f.extend(item.trim().split("::").filter(|s| !s.is_empty()).map(|s| s.to_string()));
                        refs.push(f);
                    }
                }
                None => refs.push(full),
            }
            i = j;
        } else {
            i += 1;
        }
    }
    refs
}

#[test]
fn modules_form_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    files.retain(|f| !f.starts_with(src.join("bin")));
    let modules: BTreeMap<Vec<String>, PathBuf> = files.iter().map(|f| (module_of(&src, f), f.clone())).collect();
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for (m, f) in &modules {
        let is_mod = f.file_name().is_some_and(|n| n == "mod.rs" || n == "lib.rs");
        let text = std::fs::read_to_string(f).unwrap();
        for r in references(m, is_mod, &code(&text)) {
            // The longest module that is a prefix of the path.
            let target =
                (0..=r.len()).rev().map(|n| r[..n].to_vec()).find(|p| modules.contains_key(p)).unwrap_or_default();
            // The crate root only re-exports.
            if target.is_empty() || &target == m {
                continue;
            }
            edges.entry(m.clone()).or_default().insert(target);
        }
    }
    // Depth-first search for a cycle.
    fn visit(
        n: &Vec<String>,
        edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        state: &mut BTreeMap<Vec<String>, u8>,
        stack: &mut Vec<Vec<String>>,
    ) -> Option<Vec<Vec<String>>> {
        match state.get(n) {
            Some(2) => return None,
            Some(1) => {
                let at = stack.iter().position(|x| x == n).unwrap();
                let mut cycle = stack[at..].to_vec();
                cycle.push(n.clone());
                return Some(cycle);
            }
            _ => {}
        }
        state.insert(n.clone(), 1);
        stack.push(n.clone());
        for m in edges.get(n).into_iter().flatten() {
            if let Some(c) = visit(m, edges, state, stack) {
                return Some(c);
            }
        }
        stack.pop();
        state.insert(n.clone(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for m in modules.keys() {
        if let Some(cycle) = visit(m, &edges, &mut state, &mut Vec::new()) {
            let names: Vec<String> = cycle.iter().map(|p| p.join("::")).collect();
            panic!("import cycle: {}", names.join(" → "));
        }
    }
    // The edges are read at all: the scanner depends on the recognisers and the types.
    let scanner = edges.get(&vec!["scanner".to_string()]).expect("the scanner has dependencies");
    assert!(scanner.contains(&vec!["recognize".to_string()]) && scanner.contains(&vec!["types".to_string()]));
}
