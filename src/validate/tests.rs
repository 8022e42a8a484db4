//! Tests over all validators at once: no input makes any of them panic, and their
//! verdicts agree with vectors generated independently with python-stdnum
//! (`tests/gen_validate_vectors.py` → `tests/data/validate_vectors.jsonl`).

use super::ch::ch_uid;
use super::checksum::Check;
use super::country::is_country_code;
use super::vat::{at_uid, be_vat, de_vat, es_vat, fr_vat, gb_vat, it_vat, nl_vat, pl_vat};
use super::*;

#[test]
fn never_panics() {
    let fs: &[fn(&[u8]) -> Check] = &[
        iban,
        bic,
        de_steuer_idnr,
        de_rvnr,
        de_idcard,
        de_passport,
        at_svnr,
        ch_ahv,
        us_ssn,
        uk_nino,
        fr_nir,
        it_codice_fiscale,
        es_dni,
        es_nie,
        nl_bsn,
        at_uid,
        de_vat,
        ch_uid,
        fr_vat,
        it_vat,
        es_vat,
        nl_vat,
        be_vat,
        pl_vat,
        gb_vat,
        de_kvnr,
        uk_nhs,
        pl_pesel,
        ie_ppsn,
        at_stnr,
        de_stnr_federal,
        eu_vat,
    ];
    let samples: &[&[u8]] = &[
        b"",
        b"A",
        b"DE",
        b"CHE",
        b"ATU",
        b"\xff\xfe",
        "äöü€".as_bytes(),
        b"GBGD",
        b"                ",
        b"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
        b"ES",
        b"ESX",
        b"FR",
        b"NL000000000B00",
        b"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00",
    ];
    let mut all: Vec<Vec<u8>> = samples.iter().map(|s| s.to_vec()).collect();
    // Every length 0..40 with assorted bytes, including high bytes.
    for len in 0..40 {
        for fill in [b'0', b'9', b'A', b'Z', b'a', 0x80, 0xff, b'-'] {
            all.push(vec![fill; len]);
        }
    }
    for f in fs {
        for s in &all {
            let _ = f(s);
        }
    }
    for s in &all {
        let _ = credit_card(s);
        let _ = luhn(s);
        let _ = is_country_code(s);
        let _ = iban_length(s);
    }
}

/// Cross-check against vectors generated independently with
/// python-stdnum (see `tests/gen_validate_vectors.py`).
#[test]
fn external_vectors() {
    let data = include_str!("../../tests/data/validate_vectors.jsonl");
    let mut failures = Vec::new();
    let mut count = 0usize;
    for (lineno, line) in data.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (Some(name), Some(value), Some(valid)) =
            (json_str(line, "validator"), json_str(line, "value"), json_bool(line, "valid"))
        else {
            failures.push(format!("line {}: unparsable: {line}", lineno + 1));
            continue;
        };
        let v = value.as_bytes();
        let got = match name {
            "luhn" => luhn(v),
            "credit_card" => credit_card(v).is_ok(),
            "iban" => iban(v).is_ok(),
            "bic" => bic(v).is_ok(),
            "de_steuer_idnr" => de_steuer_idnr(v).is_ok(),
            "de_rvnr" => de_rvnr(v).is_ok(),
            "de_idcard" => de_idcard(v).is_ok(),
            "de_passport" => de_passport(v).is_ok(),
            "de_kvnr" => de_kvnr(v).is_ok(),
            "at_svnr" => at_svnr(v).is_ok(),
            "ch_ahv" => ch_ahv(v).is_ok(),
            "us_ssn" => us_ssn(v).is_ok(),
            "uk_nino" => uk_nino(v).is_ok(),
            "uk_nhs" => uk_nhs(v).is_ok(),
            "fr_nir" => fr_nir(v).is_ok(),
            "it_codice_fiscale" => it_codice_fiscale(v).is_ok(),
            "es_dni" => es_dni(v).is_ok(),
            "es_nie" => es_nie(v).is_ok(),
            "nl_bsn" => nl_bsn(v).is_ok(),
            "at_uid" => at_uid(v).is_ok(),
            "de_vat" => de_vat(v).is_ok(),
            "ch_uid" => ch_uid(v).is_ok(),
            "fr_vat" => fr_vat(v).is_ok(),
            "it_vat" => it_vat(v).is_ok(),
            "es_vat" => es_vat(v).is_ok(),
            "nl_vat" => nl_vat(v).is_ok(),
            "be_vat" => be_vat(v).is_ok(),
            "pl_vat" => pl_vat(v).is_ok(),
            "gb_vat" => gb_vat(v).is_ok(),
            "eu_vat" => eu_vat(v).is_ok(),
            other => {
                failures.push(format!("line {}: unknown validator {other}", lineno + 1));
                continue;
            }
        };
        count += 1;
        if got != valid {
            failures.push(format!("{name}({value}): expected {valid}, got {got}"));
        }
    }
    assert!(count > 1000, "too few vectors: {count}");
    assert!(failures.is_empty(), "{} of {count} vectors failed:\n{}", failures.len(), failures.join("\n"));
}

/// Extract the string value of `"key":"..."` from a flat JSON object
/// whose strings contain no escapes (guaranteed by the generator).
fn json_str<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let pat = format!("\"{key}\":\"");
    let start = line.find(&pat)? + pat.len();
    let len = line[start..].find('"')?;
    Some(&line[start..start + len])
}

fn json_bool(line: &str, key: &str) -> Option<bool> {
    let pat = format!("\"{key}\":");
    let rest = &line[line.find(&pat)? + pat.len()..];
    if rest.starts_with("true") {
        Some(true)
    } else if rest.starts_with("false") {
        Some(false)
    } else {
        None
    }
}

/// The registry lists the validators in the order users see them (error messages,
/// `validators()` in the wasm API), and each entry is the validator of its name.
#[test]
fn registry() {
    let expected = [
        "luhn",
        "iban",
        "bic",
        "de_steuer_idnr",
        "de_rvnr",
        "at_svnr",
        "ch_ahv",
        "us_ssn",
        "uk_nino",
        "fr_nir",
        "it_codice_fiscale",
        "es_dni",
        "es_nie",
        "nl_bsn",
        "eu_vat",
        "de_kvnr",
        "uk_nhs",
    ];
    assert_eq!(NAMES, expected);
    assert!(find("credit_card").is_none());
    assert!(find("").is_none());
    // `luhn` reads only the digits of a value.
    let luhn_check = find("luhn").unwrap();
    assert!(luhn_check(b"4111A1111B11111111"));
    assert!(!luhn_check(b"4111A1111B11111112"));
    assert!(!luhn_check(b"ABC"));
    // Every other entry agrees with its validator on the cross-check vectors.
    let data = include_str!("../../tests/data/validate_vectors.jsonl");
    let mut checked = 0;
    for line in data.lines() {
        let (Some(name), Some(value)) = (json_str(line, "validator"), json_str(line, "value")) else { continue };
        let Some(check) = find(name) else { continue };
        let v = value.as_bytes();
        let direct = match name {
            "luhn" => luhn(v),
            "iban" => iban(v).is_ok(),
            "bic" => bic(v).is_ok(),
            "de_steuer_idnr" => de_steuer_idnr(v).is_ok(),
            "de_rvnr" => de_rvnr(v).is_ok(),
            "at_svnr" => at_svnr(v).is_ok(),
            "ch_ahv" => ch_ahv(v).is_ok(),
            "us_ssn" => us_ssn(v).is_ok(),
            "uk_nino" => uk_nino(v).is_ok(),
            "fr_nir" => fr_nir(v).is_ok(),
            "it_codice_fiscale" => it_codice_fiscale(v).is_ok(),
            "es_dni" => es_dni(v).is_ok(),
            "es_nie" => es_nie(v).is_ok(),
            "nl_bsn" => nl_bsn(v).is_ok(),
            "eu_vat" => eu_vat(v).is_ok(),
            "de_kvnr" => de_kvnr(v).is_ok(),
            "uk_nhs" => uk_nhs(v).is_ok(),
            other => panic!("registry entry {other} has no direct validator here"),
        };
        if name == "luhn" && !v.iter().all(u8::is_ascii_digit) {
            continue; // the registry's luhn filters the digits first
        }
        assert_eq!(check(v), direct, "{name}({value})");
        checked += 1;
    }
    assert!(checked > 1000, "too few vectors: {checked}");
}
