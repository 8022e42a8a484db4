//! The README's table of kinds ("What it finds") lists exactly the built-in kinds, in
//! the order of `Kind::BUILTIN` (the order of the kind descriptors). The JavaScript
//! lists are checked against the WebAssembly module's `kinds()` by the package tests.

use pii_veil::Kind;

#[test]
fn readme_table_lists_every_kind_in_order() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = readme.split("## What it finds").nth(1).expect("README has a section 'What it finds'");
    let table = section.split("\n\n").find(|p| p.trim_start().starts_with('|')).expect("a table in it");
    // The ids are the code spans of each row's first cell.
    let mut ids = Vec::new();
    for row in table.lines().skip(2) {
        let first = row.split('|').nth(1).unwrap_or_default();
        ids.extend(first.split('`').skip(1).step_by(2).map(str::to_string));
    }
    let want: Vec<String> = Kind::BUILTIN.iter().map(|k| k.id().to_string()).collect();
    assert_eq!(ids, want, "README 'What it finds' lists the kinds of Kind::BUILTIN, in order");
}
