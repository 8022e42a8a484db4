//! The WebAssembly boundary: the only module that talks to JavaScript.
//!
//! The public JavaScript API is the hand-written wrapper in `www/src/` (with its own
//! `.d.ts`); this module gives it a small, low-level surface:
//!
//! - `new Scanner(config)` checks and compiles a configuration once; the handle is
//!   reused for every keystroke and released with `free()`.
//! - `scanner.scan(text, field)` → `[findings, names]`, the findings flat in one
//!   `Float64Array` (see `flat`; `www/src/api.js` makes `{kind, start, end, score,
//!   subtype?}` objects of them).
//! - `scanner.redact(text, options)` → `[findings, names, masked text]`.
//! - `scanner.rescanner()` → a `Rescanner` for one field: `redact(text, options)` as
//!   above, reading again only the region the last edit touched ([`crate::Rescan`]).
//! - `kinds()` and `validators()` list the built-in kind ids and validator names.
//! - `new Session(options, scanner?)` holds one conversation's pseudonymisation
//!   mapping ([`crate::pseudo`]) together with the scanner it uses (its own, compiled
//!   from `options.scanner`, or a shared existing one); `session.pseudonymize(text,
//!   field)` → `{text, findings}`, `session.restore(text)`, `session.restoreStream()`
//!   → a `Restorer` (`push(chunk)`, `finish()`). The mapping lives in WebAssembly
//!   memory only and is dropped by `clear()` or `free()`. Built with the `sessions`
//!   feature (the default); the lite module leaves it out.
//!
//! Decisions:
//! - **Offsets are UTF-16 code units** — what `String.prototype.slice` takes. The
//!   conversion is [`crate::Scanner::locate`], once per call for all findings.
//! - **Lone surrogates.** Texts arrive as `&str`; wasm-bindgen encodes a JavaScript
//!   string with `TextEncoder`, which replaces every unpaired surrogate by U+FFFD. One
//!   unpaired surrogate is one UTF-16 unit and U+FFFD is one unit too, so every offset
//!   handed back still indexes the caller's original string. (The masked text of
//!   `redact` carries U+FFFD where the input had a lone surrogate: such a string
//!   cannot be sent as UTF-8 anyway.)
//! - **Errors** are real JavaScript `Error`s with a `code` property
//!   ([`crate::ErrorCode::as_str`]). Messages name the configuration key or argument
//!   at fault and never contain the scanned text.
//! - **Configuration is read key by key** with `js_sys`, not through a derived
//!   deserializer, so that every message names the exact key (`custom[1].pattern`,
//!   `kinds.phone`) and unknown keys are rejected by name.

use crate::error::ErrorCode;
use crate::field::FieldHints;
use crate::mask::{MaskOptions, Operator};
use crate::scanner::{CustomPattern, Rescan, Scanner, ScannerBuilder, VALIDATORS};
use crate::span::Unit;
use crate::types::Finding;
use crate::Kind;
use js_sys::{Array, Object, Reflect};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

type JsResult<T> = Result<T, JsValue>;

/// A JavaScript `Error` with a `code` property.
fn js_error(code: ErrorCode, message: &str) -> JsValue {
    let e = js_sys::Error::new(message);
    let _ = Reflect::set(&e, &JsValue::from_str("code"), &JsValue::from_str(code.as_str()));
    e.into()
}

fn config_error(message: String) -> JsValue {
    js_error(ErrorCode::InvalidConfig, &message)
}

fn arg_error(message: String) -> JsValue {
    js_error(ErrorCode::InvalidArgument, &message)
}

impl From<crate::Error> for JsValue {
    fn from(e: crate::Error) -> JsValue {
        js_error(e.code(), e.message())
    }
}

/// The own enumerable keys of a plain object, or an error naming `key`.
fn object_entries(v: &JsValue, key: &str, err: fn(String) -> JsValue) -> JsResult<Vec<(String, JsValue)>> {
    if !v.is_object() || Array::is_array(v) || v.is_function() {
        return Err(err(format!("{key}: expected an object")));
    }
    let obj: &Object = v.unchecked_ref();
    let mut out = Vec::new();
    for entry in Object::entries(obj).iter() {
        let pair: Array = entry.unchecked_into();
        let k = pair.get(0).as_string().unwrap_or_default();
        out.push((k, pair.get(1)));
    }
    Ok(out)
}

fn number(v: &JsValue, key: &str, err: fn(String) -> JsValue) -> JsResult<f64> {
    match v.as_f64() {
        Some(n) if n.is_finite() => Ok(n),
        _ => Err(err(format!("{key}: expected a finite number"))),
    }
}

fn count(v: &JsValue, key: &str, err: fn(String) -> JsValue) -> JsResult<usize> {
    let n = number(v, key, err)?;
    if n < 0.0 || n.fract() != 0.0 || n > u32::MAX as f64 {
        return Err(err(format!("{key}: expected a non-negative integer")));
    }
    Ok(n as usize)
}

fn string(v: &JsValue, key: &str, err: fn(String) -> JsValue) -> JsResult<String> {
    v.as_string().ok_or_else(|| err(format!("{key}: expected a string")))
}

fn string_list(v: &JsValue, key: &str) -> JsResult<Vec<String>> {
    if !Array::is_array(v) {
        return Err(config_error(format!("{key}: expected an array of strings")));
    }
    let arr: &Array = v.unchecked_ref();
    arr.iter().enumerate().map(|(i, x)| string(&x, &format!("{key}[{i}]"), config_error)).collect()
}

const CONFIG_KEYS: &str = "kinds, countries, threshold, allow, allowPatterns, deny, custom, maxTextBytes";

fn kind_of(id: &str, key: &str) -> JsResult<Kind> {
    Kind::from_id(id).ok_or_else(|| js_error(ErrorCode::UnknownKind, &format!("{key}: unknown kind '{id}'")))
}

fn builder_from(config: &JsValue) -> JsResult<ScannerBuilder> {
    let mut b = ScannerBuilder::new();
    if config.is_undefined() || config.is_null() {
        return Ok(b);
    }
    for (key, v) in object_entries(config, "config", config_error)? {
        if v.is_undefined() {
            continue;
        }
        match key.as_str() {
            "kinds" => {
                if Array::is_array(&v) {
                    let arr: &Array = v.unchecked_ref();
                    let mut kinds = Vec::new();
                    for (i, x) in arr.iter().enumerate() {
                        let id = string(&x, &format!("kinds[{i}]"), config_error)?;
                        kinds.push(kind_of(&id, &format!("kinds[{i}]"))?);
                    }
                    b = b.kinds(&kinds);
                } else {
                    for (id, on) in object_entries(&v, "kinds", config_error)? {
                        let k = kind_of(&id, &format!("kinds.{id}"))?;
                        let on =
                            on.as_bool().ok_or_else(|| config_error(format!("kinds.{id}: expected true or false")))?;
                        b = b.kind(k, on);
                    }
                }
            }
            "countries" => b = b.countries(&string_list(&v, "countries")?),
            "threshold" => b = b.threshold(number(&v, "threshold", config_error)? as f32),
            "allow" => b = b.allow(&string_list(&v, "allow")?),
            "allowPatterns" => b = b.allow_patterns(&string_list(&v, "allowPatterns")?),
            "deny" => b = b.deny(&string_list(&v, "deny")?),
            "maxTextBytes" => b = b.max_text_bytes(count(&v, "maxTextBytes", config_error)?),
            "custom" => {
                if !Array::is_array(&v) {
                    return Err(config_error(
                        "custom: expected an array of {name, pattern, validator?, score?}".into(),
                    ));
                }
                let arr: &Array = v.unchecked_ref();
                for (i, p) in arr.iter().enumerate() {
                    b = b.custom(custom_from(&p, &format!("custom[{i}]"))?);
                }
            }
            other => {
                return Err(config_error(format!("{other}: unknown configuration key (expected one of {CONFIG_KEYS})")))
            }
        }
    }
    Ok(b)
}

fn custom_from(v: &JsValue, key: &str) -> JsResult<CustomPattern> {
    let mut p = CustomPattern { name: String::new(), pattern: String::new(), validator: None, score: 0.8 };
    let (mut has_name, mut has_pattern) = (false, false);
    for (k, x) in object_entries(v, key, config_error)? {
        if x.is_undefined() {
            continue;
        }
        let kk = format!("{key}.{k}");
        match k.as_str() {
            "name" => {
                p.name = string(&x, &kk, config_error)?;
                has_name = true;
            }
            "pattern" => {
                p.pattern = string(&x, &kk, config_error)?;
                has_pattern = true;
            }
            "validator" => {
                if !x.is_null() {
                    p.validator = Some(string(&x, &kk, config_error)?);
                }
            }
            "score" => p.score = number(&x, &kk, config_error)? as f32,
            other => {
                return Err(config_error(format!(
                    "{key}.{other}: unknown key (expected name, pattern, validator, score)"
                )))
            }
        }
    }
    if !has_name {
        return Err(config_error(format!("{key}.name: missing")));
    }
    if !has_pattern {
        return Err(config_error(format!("{key}.pattern: missing")));
    }
    Ok(p)
}

/// Field hints: a label string, or `{name, id, label, autocomplete, type, placeholder}`.
fn field_from(v: &JsValue) -> JsResult<Option<FieldHints>> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    if let Some(label) = v.as_string() {
        return Ok(Some(FieldHints { label, ..Default::default() }));
    }
    let mut h = FieldHints::default();
    for (k, x) in object_entries(v, "field", arg_error)? {
        if x.is_undefined() || x.is_null() {
            continue;
        }
        let s = string(&x, &format!("field.{k}"), arg_error)?;
        h.set(&k, s)?;
    }
    Ok(Some(h))
}

/// An operator: `"label" | "token" | "mask" | "remove"` or `{type, fill?, keepLast?}`.
fn operator_from(v: &JsValue, key: &str) -> JsResult<Operator> {
    const EXPECTED: &str = "expected 'label', 'token', 'mask', 'remove' or {type: 'mask', fill?, keepLast?}";
    if let Some(name) = v.as_string() {
        return Operator::parse(&name)
            .ok_or_else(|| arg_error(format!("{key}: unknown operator '{name}' ({EXPECTED})")));
    }
    if !v.is_object() {
        return Err(arg_error(format!("{key}: {EXPECTED}")));
    }
    let entries = object_entries(v, key, arg_error)?;
    let get = |name: &str| entries.iter().find(|(k, x)| k == name && !x.is_undefined()).map(|(_, x)| x.clone());
    let ty = string(&get("type").unwrap_or(JsValue::UNDEFINED), &format!("{key}.type"), arg_error)?;
    let mut op =
        Operator::parse(&ty).ok_or_else(|| arg_error(format!("{key}.type: unknown operator '{ty}' ({EXPECTED})")))?;
    for (k, x) in &entries {
        if x.is_undefined() {
            continue;
        }
        let kk = format!("{key}.{k}");
        match (k.as_str(), &mut op) {
            ("type", _) => {}
            ("fill", Operator::Mask { fill, .. }) => {
                let s = string(x, &kk, arg_error)?;
                let mut chars = s.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => *fill = c,
                    _ => return Err(arg_error(format!("{kk}: expected exactly one character"))),
                }
            }
            ("keepLast", Operator::Mask { keep_last, .. }) => *keep_last = count(x, &kk, arg_error)?,
            ("fill" | "keepLast", _) => return Err(arg_error(format!("{kk}: only allowed with type 'mask'"))),
            (other, _) => return Err(arg_error(format!("{key}.{other}: unknown key (expected type, fill, keepLast)"))),
        }
    }
    Ok(op)
}

/// A compiled configuration, reused for every call. Release it with `free()`.
#[wasm_bindgen(js_name = Scanner)]
pub struct WasmScanner {
    // Shared with the sessions made from this scanner, which keep it alive after
    // the scanner handle itself is freed.
    inner: Rc<Scanner>,
}

/// Findings as they cross the boundary: one `Float64Array` of five numbers per
/// finding (`start, end, score, kind, subtype`, offsets in UTF-16 code units; `kind`
/// indexes the names, `subtype` is 0 for none or one more than its name's index) and
/// the names they use, joined by U+0000. Two values instead of an object per finding
/// and property: less code in the module and less time per keystroke. `www/src/api.js`
/// (`decode`) turns them into `{kind, start, end, score, subtype?}` objects.
fn flat(scanner: &Scanner, text: &str, findings: &[Finding]) -> (js_sys::Float64Array, String) {
    fn index<'a>(names: &mut Vec<&'a str>, n: &'a str) -> f64 {
        let i = names.iter().position(|&x| x == n).unwrap_or_else(|| {
            names.push(n);
            names.len() - 1
        });
        i as f64
    }
    let located = scanner.locate(text, findings, Unit::Utf16);
    let mut names: Vec<&str> = Vec::new();
    let mut v = Vec::with_capacity(located.len() * 5);
    for l in &located {
        let kind = index(&mut names, l.kind);
        let subtype = l.subtype.map_or(0.0, |s| index(&mut names, s) + 1.0);
        v.extend_from_slice(&[l.start as f64, l.end as f64, l.score, kind, subtype]);
    }
    (js_sys::Float64Array::from(&v[..]), names.join("\u{0}"))
}

/// `[Float64Array, names]` or, with a masked text, `[Float64Array, names, text]`.
fn to_js(scanner: &Scanner, text: &str, findings: &[Finding], masked: Option<String>) -> JsValue {
    let (v, names) = flat(scanner, text, findings);
    let out = Array::of2(&v, &JsValue::from_str(&names));
    if let Some(m) = masked {
        out.push(&JsValue::from_str(&m));
    }
    out.into()
}

#[wasm_bindgen(js_class = Scanner)]
impl WasmScanner {
    /// Checks and compiles `config` (see the `.d.ts` of the package for its keys).
    #[wasm_bindgen(constructor)]
    pub fn new(config: JsValue) -> JsResult<WasmScanner> {
        Ok(WasmScanner { inner: Rc::new(builder_from(&config)?.build()?) })
    }

    /// Findings in `text`, offsets in UTF-16 code units (see `flat` for the form).
    pub fn scan(&self, text: &str, field: JsValue) -> JsResult<JsValue> {
        let hints = field_from(&field)?;
        let findings = self.inner.scan(text, hints.as_ref())?;
        Ok(to_js(&self.inner, text, &findings, None))
    }

    /// A rescanner over this scanner: keeps the last text of one field and reads
    /// again only the region an edit touched ([`crate::Rescan`]).
    pub fn rescanner(&self) -> WasmRescanner {
        WasmRescanner { scanner: Rc::clone(&self.inner), state: Rescan::new() }
    }

    /// Masked text and findings. `options`: `{operator?, perKind?, field?}`.
    pub fn redact(&self, text: &str, options: JsValue) -> JsResult<JsValue> {
        let (mask, hints) = mask_options(&self.inner, &options)?;
        let (masked, findings) = self.inner.redact(text, hints.as_ref(), &mask)?;
        Ok(to_js(&self.inner, text, &findings, Some(masked)))
    }
}

/// The masking options and field hints of `redact`: `{operator?, perKind?, field?}`.
fn mask_options(scanner: &Scanner, options: &JsValue) -> JsResult<(MaskOptions, Option<FieldHints>)> {
    let mut mask = MaskOptions::default();
    let mut hints = None;
    if options.is_undefined() || options.is_null() {
        return Ok((mask, hints));
    }
    for (k, v) in object_entries(options, "options", arg_error)? {
        if v.is_undefined() {
            continue;
        }
        match k.as_str() {
            "operator" => mask.default = operator_from(&v, "operator")?,
            "perKind" => {
                for (id, op) in object_entries(&v, "perKind", arg_error)? {
                    let key = format!("perKind.{id}");
                    let kind = scanner
                        .kind_by_id(&id)
                        .ok_or_else(|| js_error(ErrorCode::UnknownKind, &format!("{key}: unknown kind '{id}'")))?;
                    mask.per_kind.push((kind, operator_from(&op, &key)?));
                }
            }
            "field" => hints = field_from(&v)?,
            other => {
                return Err(arg_error(format!("options.{other}: unknown key (expected operator, perKind, field)")))
            }
        }
    }
    Ok((mask, hints))
}

/// One field's rescans while a person types: only the region around the last edit is
/// read again ([`crate::Rescan`]: the findings of a full scan whenever what decides a
/// value lies near it). Release it with `free()`.
#[wasm_bindgen(js_name = Rescanner)]
pub struct WasmRescanner {
    scanner: Rc<Scanner>,
    state: Rescan,
}

#[wasm_bindgen(js_class = Rescanner)]
impl WasmRescanner {
    /// Masked text and findings of `text`, as `Scanner.redact` gives them;
    /// `options`: `{operator?, perKind?, field?}`.
    pub fn redact(&mut self, text: &str, options: JsValue) -> JsResult<JsValue> {
        let (mask, hints) = mask_options(&self.scanner, &options)?;
        let findings = self.scanner.rescan(&mut self.state, text, hints.as_ref())?;
        let masked = self.scanner.mask(text, &findings, &mask);
        Ok(to_js(&self.scanner, text, &findings, Some(masked)))
    }

    /// Bytes the recognisers read in the last call (the whole text for a full scan).
    #[wasm_bindgen(getter, js_name = lastRead)]
    pub fn last_read(&self) -> u32 {
        self.state.last_read() as u32
    }
}

/// Pseudonymisation (`Session`, `Restorer`): left out of the lite module
/// (`--no-default-features`), which scans and masks only.
#[cfg(feature = "sessions")]
mod session {
    use super::*;
    use crate::pseudo::{PlaceholderStyle, Restorer, Session, SessionOptions};

    const SESSION_KEYS: &str = "style, seed, scanner";

    /// One conversation's pseudonymisation mapping and the scanner it uses. Release it
    /// with `free()`.
    #[wasm_bindgen(js_name = Session)]
    pub struct WasmSession {
        inner: Session,
        scanner: Rc<Scanner>,
    }

    #[wasm_bindgen(js_class = Session)]
    impl WasmSession {
        /// `options`: `{style?: 'square' | 'angle' | 'curly' | 'surrogate', seed?, scanner?}`
        /// where `scanner` is a scanner configuration.
        #[wasm_bindgen(constructor)]
        pub fn new(options: JsValue) -> JsResult<WasmSession> {
            WasmSession::build(&options, None)
        }

        /// A session sharing an existing compiled scanner (`options.scanner` must be absent).
        #[wasm_bindgen(js_name = withScanner)]
        pub fn with_scanner(options: JsValue, scanner: &WasmScanner) -> JsResult<WasmSession> {
            WasmSession::build(&options, Some(Rc::clone(&scanner.inner)))
        }
    }

    impl WasmSession {
        fn build(options: &JsValue, shared: Option<Rc<Scanner>>) -> JsResult<WasmSession> {
            let mut opts = SessionOptions::default();
            let mut config = JsValue::UNDEFINED;
            if !options.is_undefined() && !options.is_null() {
                for (k, v) in object_entries(options, "options", config_error)? {
                    if v.is_undefined() {
                        continue;
                    }
                    match k.as_str() {
                        "style" => {
                            let s = string(&v, "style", config_error)?;
                            opts.style = PlaceholderStyle::parse(&s).ok_or_else(|| {
                                config_error(format!(
                                    "style: unknown style '{s}' (expected square, angle, curly or surrogate)"
                                ))
                            })?;
                        }
                        "seed" => {
                            let n = number(&v, "seed", config_error)?;
                            if n < 0.0 || n.fract() != 0.0 || n > 9_007_199_254_740_991.0 {
                                return Err(config_error("seed: expected a non-negative safe integer".into()));
                            }
                            opts.seed = Some(n as u64);
                        }
                        "scanner" => config = v,
                        other => {
                            return Err(config_error(format!(
                                "{other}: unknown session option (expected one of {SESSION_KEYS})"
                            )))
                        }
                    }
                }
            }
            let scanner = match shared {
                Some(s) => {
                    if !config.is_undefined() && !config.is_null() {
                        return Err(config_error("scanner: pass either a configuration or a scanner, not both".into()));
                    }
                    s
                }
                None => Rc::new(
                    builder_from(&config).and_then(|b| b.build().map_err(JsValue::from)).map_err(prefix_scanner)?,
                ),
            };
            Ok(WasmSession { inner: Session::with_options(opts), scanner })
        }
    }

    #[wasm_bindgen(js_class = Session)]
    impl WasmSession {
        /// Replaces personal data with placeholders: `{text, findings}`, the findings with
        /// UTF-16 offsets into `text`.
        pub fn pseudonymize(&mut self, text: &str, field: JsValue) -> JsResult<JsValue> {
            let hints = field_from(&field)?;
            let (out, findings) = self.inner.pseudonymize(&self.scanner, text, hints.as_ref())?;
            Ok(to_js(&self.scanner, text, &findings, Some(out)))
        }

        /// Puts the original values back for every placeholder of this session.
        pub fn restore(&self, text: &str) -> String {
            self.inner.restore(text)
        }

        /// A restorer for text arriving in chunks, over a snapshot of the current mapping.
        #[wasm_bindgen(js_name = restoreStream)]
        pub fn restore_stream(&self) -> WasmRestorer {
            WasmRestorer { inner: Some(self.inner.restore_stream()) }
        }

        /// Forgets the mapping.
        pub fn clear(&mut self) {
            self.inner.clear();
        }

        /// Number of placeholders the session can restore.
        #[wasm_bindgen(getter)]
        pub fn size(&self) -> u32 {
            self.inner.len() as u32
        }
    }

    /// Restores placeholders in text that arrives in chunks.
    #[wasm_bindgen(js_name = Restorer)]
    pub struct WasmRestorer {
        inner: Option<Restorer>,
    }

    #[wasm_bindgen(js_class = Restorer)]
    impl WasmRestorer {
        /// Adds a chunk; returns the restored text that is certain so far.
        pub fn push(&mut self, chunk: &str) -> JsResult<String> {
            match self.inner.as_mut() {
                Some(r) => Ok(r.push(chunk)),
                None => Err(arg_error("restorer: already finished".into())),
            }
        }

        /// Ends the stream and returns the rest; later calls return an empty string.
        pub fn finish(&mut self) -> String {
            self.inner.take().map(Restorer::finish).unwrap_or_default()
        }

        /// Bytes held back right now.
        #[wasm_bindgen(getter)]
        pub fn buffered(&self) -> u32 {
            self.inner.as_ref().map_or(0, |r| r.buffered() as u32)
        }

        /// The most bytes ever held back after a `push`.
        #[wasm_bindgen(getter, js_name = maxBuffer)]
        pub fn max_buffer(&self) -> u32 {
            self.inner.as_ref().map_or(0, |r| r.max_buffer() as u32)
        }
    }

    /// Scanner configuration errors of a session name the key as `scanner.<key>`.
    fn prefix_scanner(e: JsValue) -> JsValue {
        if let Some(err) = e.dyn_ref::<js_sys::Error>() {
            let m: String = err.message().into();
            err.set_message(&format!("scanner.{m}"));
        }
        e
    }
}

/// The ids of the built-in kinds.
#[wasm_bindgen]
pub fn kinds() -> Vec<String> {
    Kind::BUILTIN.iter().map(|k| k.id().to_string()).collect()
}

/// The names of the validators a custom pattern may use.
#[wasm_bindgen]
pub fn validators() -> Vec<String> {
    VALIDATORS.iter().map(|v| v.to_string()).collect()
}
