//! The native command line: output format, offsets, bad input handling.

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], input: &[u8]) -> (String, String, i32) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pii-veil"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The command may exit before reading (bad options): a broken pipe is fine.
    let _ = child.stdin.take().unwrap().write_all(input);
    let out = child.wait_with_output().unwrap();
    (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap(), out.status.code().unwrap())
}

#[test]
fn scan_writes_utf16_offsets_by_default() {
    let (out, _, code) = run(&["scan"], "{\"id\":\"r1\",\"text\":\"😀 x@example.org\"}\n".as_bytes());
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["id"], "r1");
    assert_eq!(v["spans"][0]["label"], "email");
    assert_eq!(v["spans"][0]["start"], 3);
    assert_eq!(v["spans"][0]["end"], 16);
    assert_eq!(v["spans"][0]["score"], 0.95);
    for (unit, start) in [("codepoints", 2), ("bytes", 5)] {
        let (out, _, _) = run(&["scan", "--offsets", unit], "{\"id\":1,\"text\":\"😀 x@example.org\"}\n".as_bytes());
        let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
        assert_eq!(v["spans"][0]["start"], start, "{unit}");
    }
}

#[test]
fn bad_lines_are_reported_by_number_and_the_rest_processed() {
    let input = b"not json\n{\"id\":\"b\",\"text\":\"\xff\"}\n\xff\xfe\n{\"id\":\"c\"}\n{\"id\":\"ok\",\"text\":\"geheim@example.org\"}\n";
    let (out, err, code) = run(&["scan"], input);
    assert_eq!(code, 1);
    assert_eq!(out.lines().count(), 1);
    assert!(out.contains("\"ok\""));
    for n in 1..=4 {
        assert!(err.contains(&format!("line {n}:")), "{err}");
    }
    assert!(!err.contains("geheim"));
}

#[test]
fn redact_masks_plain_text() {
    let (out, _, code) =
        run(&["redact", "--operator", "mask", "--keep-last", "4"], "Karte 4111 1111 1111 1111\n".as_bytes());
    assert_eq!(code, 0);
    assert_eq!(out, "Karte •••• •••• •••• 1111\n");
    let (_, err, code) = run(&["redact", "--operator", "blur"], b"x");
    assert_eq!(code, 2);
    assert!(err.contains("--operator"));
}

#[test]
fn field_hints_are_read_strictly() {
    let input = concat!(
        "{\"id\":\"a\",\"text\":\"12.03.1985\",\"field\":{\"autocomplete\":\"bday\"}}\n",
        "{\"id\":\"b\",\"text\":\"12.03.1985\",\"field\":{\"autocompelte\":\"bday\"}}\n",
        "{\"id\":\"c\",\"text\":\"12.03.1985\",\"field\":{\"label\":3}}\n",
    );
    let (out, err, code) = run(&["scan"], input.as_bytes());
    assert_eq!(code, 1);
    assert_eq!(out.lines().count(), 1, "{out}");
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["spans"][0]["label"], "date_of_birth");
    assert!(err.contains("line 2: field.autocompelte: unknown key"), "{err}");
    assert!(err.contains("line 3: field.label: expected a string"), "{err}");
}

#[test]
fn unknown_country_codes_are_an_error() {
    let (out, err, code) = run(&["scan", "--countries", "de,zz"], b"{\"id\":1,\"text\":\"x\"}\n");
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty());
    assert!(err.contains("countries[1]: 'zz' is not an ISO 3166 country code"), "{err}");
}
