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

#[wasm_bindgen_test]
fn scan_returns_plain_objects_with_utf16_offsets() {
    let s = WasmScanner::new(JsValue::UNDEFINED).unwrap();
    let found = s.scan("😀 mail anna@example.org, IBAN DE89 3704 0044 0532 0130 00", JsValue::UNDEFINED).unwrap();
    let arr: Array = found.dyn_into().unwrap();
    assert_eq!(arr.length(), 2);
    let first = arr.get(0);
    assert_eq!(get(&first, "kind").as_string().unwrap(), "email");
    assert_eq!(get(&first, "start").as_f64(), Some(8.0));
    assert_eq!(get(&first, "end").as_f64(), Some(24.0));
    assert_eq!(get(&first, "score").as_f64(), Some(0.95));
    assert!(get(&first, "subtype").is_undefined());
    assert_eq!(get(&arr.get(1), "kind").as_string().unwrap(), "iban");
    assert_eq!(kinds().len(), 17);
}

#[wasm_bindgen_test]
fn replacement_character_counts_one_unit() {
    // What a lone surrogate becomes on the way in (TextEncoder): U+FFFD, one unit.
    let s = WasmScanner::new(JsValue::UNDEFINED).unwrap();
    let arr: Array = s.scan("\u{FFFD} a@b.de", JsValue::UNDEFINED).unwrap().dyn_into().unwrap();
    assert_eq!(get(&arr.get(0), "start").as_f64(), Some(2.0));
}

#[wasm_bindgen_test]
fn redact_applies_operators() {
    let s = WasmScanner::new(JsValue::UNDEFINED).unwrap();
    let opts = obj(&[("operator", obj(&[("type", "mask".into()), ("keepLast", JsValue::from_f64(4.0))]))]);
    let r = s.redact("IBAN DE89 3704 0044 0532 0130 00", opts).unwrap();
    assert_eq!(get(&r, "text").as_string().unwrap(), "IBAN •••• •••• •••• •••• ••30 00");
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
