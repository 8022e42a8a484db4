//! Data-driven detection cases: one JSON-lines file per kind under `tests/cases/`.
//!
//! Each line: `{"text", "expect": [{"kind", "text"?, "start"?, "end"?, "subtype"?}],
//! "field"?, "kinds"?, "why"?}`. Only findings of the file's own kind (or of the
//! case's `kinds`, `["*"]` for all) are compared, so adding recognisers for other kinds
//! does not break unrelated cases. `start`/`end` are **UTF-16 code units**, what the
//! JavaScript API reports; `text` is compared exactly. Every failure is reported at
//! once, with the file and line.

use pii_veil::{FieldHints, Scanner, Unit};
use serde_json::Value;
use std::fs;
use std::path::Path;

/// A case's `field`: a label string or an object of hints (read through
/// `FieldHints::set`, so a misspelt key fails the test run).
fn field(v: Option<&Value>) -> Option<FieldHints> {
    match v? {
        Value::String(s) => Some(FieldHints { label: s.clone(), ..Default::default() }),
        Value::Object(o) => {
            let mut h = FieldHints::default();
            for (k, x) in o {
                h.set(k, x.as_str().expect("field hints are strings").to_string()).expect("a known field hint key");
            }
            Some(h)
        }
        _ => None,
    }
}

#[test]
fn detection_cases() {
    let scanner = Scanner::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut failures = Vec::new();
    let mut count = 0;
    let mut files: Vec<_> = fs::read_dir(&dir).expect("tests/cases exists").map(|e| e.unwrap().path()).collect();
    files.sort();
    for path in files.iter().filter(|p| p.extension().is_some_and(|e| e == "jsonl")) {
        let file_kind = path.file_stem().unwrap().to_str().unwrap().to_string();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        for (i, line) in fs::read_to_string(path).unwrap().lines().enumerate() {
            if line.trim().is_empty() || line.starts_with("//") {
                continue;
            }
            let case: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{name}:{}: bad JSON: {e}", i + 1));
            count += 1;
            let text = case["text"].as_str().unwrap_or_else(|| panic!("{name}:{}: no text", i + 1));
            let scope: Vec<String> = match case.get("kinds").and_then(Value::as_array) {
                Some(ks) => ks.iter().map(|k| k.as_str().unwrap().to_string()).collect(),
                None => vec![file_kind.clone()],
            };
            let in_scope = |k: &str| scope.iter().any(|s| s == "*" || s == k);
            let hints = field(case.get("field"));
            let found = match scanner.scan(text, hints.as_ref()) {
                Ok(f) => f,
                Err(e) => {
                    failures.push(format!("{name}:{}: scan failed: {e}", i + 1));
                    continue;
                }
            };
            let got: Vec<(String, String, usize, usize, Option<&str>)> = scanner
                .locate(text, &found, Unit::Utf16)
                .into_iter()
                .zip(&found)
                .filter(|(l, _)| in_scope(l.kind))
                .map(|(l, f)| {
                    (l.kind.to_string(), text[f.span.start..f.span.end].to_string(), l.start, l.end, l.subtype)
                })
                .collect();
            let expect = case.get("expect").and_then(Value::as_array).cloned().unwrap_or_default();
            let mut ok = got.len() == expect.len();
            if ok {
                for (g, e) in got.iter().zip(&expect) {
                    let kind_ok = e["kind"].as_str() == Some(g.0.as_str());
                    let text_ok = e.get("text").and_then(Value::as_str).map_or(true, |t| t == g.1);
                    let start_ok = e.get("start").and_then(Value::as_u64).map_or(true, |s| s as usize == g.2);
                    let end_ok = e.get("end").and_then(Value::as_u64).map_or(true, |s| s as usize == g.3);
                    let sub_ok = e.get("subtype").and_then(Value::as_str).map_or(true, |s| Some(s) == g.4);
                    ok &= kind_ok && text_ok && start_ok && end_ok && sub_ok;
                }
            }
            if !ok {
                let why = case.get("why").and_then(Value::as_str).unwrap_or("");
                failures.push(format!(
                    "{name}:{}: {why}\n    text:   {text:?}\n    expect: {}\n    got:    {:?}",
                    i + 1,
                    Value::Array(expect),
                    got.iter()
                        .map(|g| format!(
                            "{}:{:?}@{}..{}{}",
                            g.0,
                            g.1,
                            g.2,
                            g.3,
                            g.4.map(|s| format!(" ({s})")).unwrap_or_default()
                        ))
                        .collect::<Vec<_>>()
                ));
            }
        }
    }
    assert!(count > 0, "no cases found");
    if !failures.is_empty() {
        panic!("{} of {count} detection cases failed:\n{}", failures.len(), failures.join("\n"));
    }
}
