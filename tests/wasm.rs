//! The core and its JavaScript boundary (src/wasm.rs) on wasm32, in Node and in
//! headless Chromium: `wasm-pack test --node -- --test wasm` and
//! `wasm-pack test --headless --chrome -- --test wasm`.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect};
use pii_veil::wasm::{kinds, WasmScanner};
use pii_veil::{Scanner, Unit};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

fn get(v: &JsValue, k: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(k)).unwrap()
}

fn obj(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
    }
    o.into()
}

#[wasm_bindgen_test]
fn core_scans_and_converts_offsets_to_utf16() {
    let text = "😀 mail anna@example.org";
    let s = Scanner::new();
    let f = s.scan(text, None).unwrap();
    let l = &s.locate(text, &f, Unit::Utf16)[0];
    assert_eq!((l.start, l.end), (8, 24));
}

/// One finding as it crosses the boundary: `(start, end, score, kind, subtype)`.
type Flat = (f64, f64, f64, String, Option<String>);

/// The flat findings of `scan`/`redact` (`[Float64Array, names, text?]`) and the text.
fn flat(v: &JsValue) -> (Vec<Flat>, Option<String>) {
    let arr: Array = v.clone().dyn_into().unwrap();
    let nums = js_sys::Float64Array::new(&arr.get(0)).to_vec();
    let names: Vec<String> = arr.get(1).as_string().unwrap().split('\u{0}').map(String::from).collect();
    let out = nums
        .chunks(5)
        .map(|c| {
            (c[0], c[1], c[2], names[c[3] as usize].clone(), (c[4] > 0.0).then(|| names[c[4] as usize - 1].clone()))
        })
        .collect();
    (out, arr.get(2).as_string())
}

#[wasm_bindgen_test]
fn scan_returns_flat_findings_with_utf16_offsets() {
    let s = WasmScanner::new(JsValue::UNDEFINED).unwrap();
    let found = s.scan("😀 mail anna@example.org, IBAN DE89 3704 0044 0532 0130 00", JsValue::UNDEFINED).unwrap();
    let (f, masked) = flat(&found);
    assert_eq!(f.len(), 2);
    assert_eq!(f[0], (8.0, 24.0, 0.95, "email".to_string(), None));
    assert_eq!(f[1].3, "iban");
    assert!(masked.is_none());
    assert_eq!(kinds().len(), 17);
}

#[wasm_bindgen_test]
fn replacement_character_counts_one_unit() {
    // What a lone surrogate becomes on the way in (TextEncoder): U+FFFD, one unit.
    let s = WasmScanner::new(JsValue::UNDEFINED).unwrap();
    let (f, _) = flat(&s.scan("\u{FFFD} a@b.de", JsValue::UNDEFINED).unwrap());
    assert_eq!(f[0].0, 2.0);
}

#[wasm_bindgen_test]
fn redact_applies_operators() {
    let s = WasmScanner::new(JsValue::UNDEFINED).unwrap();
    let opts = obj(&[("operator", obj(&[("type", "mask".into()), ("keepLast", JsValue::from_f64(4.0))]))]);
    let r = s.redact("IBAN DE89 3704 0044 0532 0130 00", opts).unwrap();
    assert_eq!(flat(&r).1.unwrap(), "IBAN •••• •••• •••• •••• ••30 00");
}

#[wasm_bindgen_test]
fn a_rescanner_gives_the_findings_of_a_scan() {
    let s = WasmScanner::new(JsValue::UNDEFINED).unwrap();
    let mut r = s.rescanner();
    let mut text = String::from("Steuer-ID 65929970489, Mail anna@example.org. ");
    text.push_str(&"Vielen Dank für die schnelle Bearbeitung meiner Anfrage. ".repeat(80));
    for add in ["I", "B", "AN DE89 3704 0044 0532 0130 00", " ok"] {
        text.push_str(add);
        let inc = flat(&r.redact(&text, JsValue::UNDEFINED).unwrap());
        assert_eq!(inc.0, flat(&s.redact(&text, JsValue::UNDEFINED).unwrap()).0);
    }
    assert!((r.last_read() as usize) < text.len() / 2);
}

#[wasm_bindgen_test]
fn errors_are_js_errors_with_a_code_naming_the_key() {
    let err = |config: JsValue| WasmScanner::new(config).err().expect("should fail");
    let e = err(obj(&[("treshold", JsValue::from_f64(0.5))]));
    assert!(e.is_instance_of::<js_sys::Error>());
    assert_eq!(get(&e, "code").as_string().unwrap(), "invalid_config");
    assert!(get(&e, "message").as_string().unwrap().starts_with("treshold:"));

    let e = err(obj(&[("kinds", Array::of1(&"phon".into()).into())]));
    assert_eq!(get(&e, "code").as_string().unwrap(), "unknown_kind");
    assert!(get(&e, "message").as_string().unwrap().starts_with("kinds[0]:"));

    let custom = obj(&[("name", "ticket".into()), ("pattern", "(".into())]);
    let e = err(obj(&[("custom", Array::of1(&custom).into())]));
    assert_eq!(get(&e, "code").as_string().unwrap(), "invalid_pattern");

    let s = WasmScanner::new(obj(&[("maxTextBytes", JsValue::from_f64(4.0))])).unwrap();
    let e = s.scan("geheim@example.org", JsValue::UNDEFINED).err().unwrap();
    assert_eq!(get(&e, "code").as_string().unwrap(), "text_too_large");
    assert!(!get(&e, "message").as_string().unwrap().contains("geheim"));
}
