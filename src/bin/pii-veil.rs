//! `pii-veil` — the native command line over the same core as the WebAssembly build.
//!
//! ```text
//! pii-veil scan   [--offsets utf16|codepoints|bytes] [--kinds a,b] [--threshold T] [--countries de,at]
//!     JSON lines {"id", "text", "field"?} in → {"id", "spans":[{start,end,label,score,subtype}]} out
//! pii-veil redact [--operator label|token|mask|remove] [--keep-last N]
//!     plain text in → masked text out
//! ```
//! Offsets default to UTF-16 code units, what a JavaScript caller sees. A bad line
//! (invalid JSON, not UTF-8, no `text`) is reported on stderr with its line number —
//! never its content — the other lines are still processed, and the exit code is 1.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(native::main());
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use pii_veil::{FieldHints, Kind, MaskOptions, Operator, Scanner, ScannerBuilder, Unit};
    use serde_json::{json, Value};
    use std::io::{self, BufRead, Read, Write};

    const USAGE: &str = "usage: pii-veil scan [--offsets utf16|codepoints|bytes] [--kinds k1,k2] [--threshold T] [--countries de,at]\n       pii-veil redact [--operator label|token|mask|remove] [--keep-last N] [--kinds k1,k2]";

    struct Opts {
        offsets: Unit,
        builder: ScannerBuilder,
        mask: MaskOptions,
    }

    fn parse(args: &[String]) -> Result<Opts, String> {
        // A long text (a whole file to `redact`) may use a second core; results are the same.
        let mut o =
            Opts { offsets: Unit::Utf16, builder: ScannerBuilder::new().threads(2), mask: MaskOptions::default() };
        let mut keep_last = None;
        let mut i = 0;
        while i < args.len() {
            let flag = args[i].as_str();
            let val = args.get(i + 1).ok_or_else(|| format!("{flag}: missing value"))?;
            match flag {
                "--offsets" => o.offsets = Unit::parse(val).ok_or("--offsets: expected utf16, codepoints or bytes")?,
                "--kinds" => {
                    let mut kinds = Vec::new();
                    for id in val.split(',').filter(|s| !s.is_empty()) {
                        kinds.push(Kind::from_id(id).ok_or_else(|| format!("--kinds: unknown kind '{id}'"))?);
                    }
                    o.builder = o.builder.kinds(&kinds);
                }
                "--threshold" => {
                    o.builder = o.builder.threshold(val.parse().map_err(|_| "--threshold: expected a number")?)
                }
                "--countries" => o.builder = o.builder.countries(&val.split(',').collect::<Vec<_>>()),
                "--operator" => {
                    o.mask.default = Operator::parse(val).ok_or("--operator: expected label, token, mask or remove")?
                }
                "--keep-last" => keep_last = Some(val.parse::<usize>().map_err(|_| "--keep-last: expected a number")?),
                _ => return Err(format!("unknown option {flag}")),
            }
            i += 2;
        }
        if let Some(n) = keep_last {
            match &mut o.mask.default {
                Operator::Mask { keep_last, .. } => *keep_last = n,
                _ => return Err("--keep-last: only with --operator mask".into()),
            }
        }
        Ok(o)
    }

    pub fn main() -> i32 {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let Some(cmd) = args.first() else {
            eprintln!("{USAGE}");
            return 2;
        };
        let opts = match parse(&args[1..]) {
            Ok(o) => o,
            Err(e) => {
                eprintln!("pii-veil: {e}\n{USAGE}");
                return 2;
            }
        };
        let scanner = match opts.builder.build() {
            Ok(s) => s,
            Err(e) => {
                eprintln!("pii-veil: {e}");
                return 2;
            }
        };
        match cmd.as_str() {
            "scan" => scan(&scanner, opts.offsets),
            "redact" => redact(&scanner, &opts.mask),
            "-h" | "--help" | "help" => {
                println!("{USAGE}");
                0
            }
            other => {
                eprintln!("pii-veil: unknown command '{other}'\n{USAGE}");
                2
            }
        }
    }

    /// A record's `field`: a label string, or an object of hints (strings; unknown keys
    /// are errors, as in the JavaScript API).
    fn field_hints(v: Option<&Value>) -> Result<Option<FieldHints>, String> {
        match v {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(label)) => Ok(Some(FieldHints { label: label.clone(), ..Default::default() })),
            Some(Value::Object(o)) => {
                let mut h = FieldHints::default();
                for (k, x) in o {
                    match x {
                        Value::Null => {}
                        Value::String(s) => h.set(k, s.clone()).map_err(|e| e.to_string())?,
                        _ => return Err(format!("field.{k}: expected a string")),
                    }
                }
                Ok(Some(h))
            }
            Some(_) => Err("field: expected a label string or an object of hints".to_string()),
        }
    }

    fn scan(scanner: &Scanner, unit: Unit) -> i32 {
        let stdin = io::stdin();
        let stdout = io::stdout();
        let mut out = io::BufWriter::new(stdout.lock());
        let mut failed = 0usize;
        let mut buf = Vec::new();
        let mut reader = stdin.lock();
        let mut lineno = 0usize;
        loop {
            buf.clear();
            match reader.read_until(b'\n', &mut buf) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => {
                    eprintln!("pii-veil: reading input failed: {}", e.kind());
                    return 1;
                }
            }
            lineno += 1;
            let Ok(line) = std::str::from_utf8(&buf) else {
                eprintln!("pii-veil: line {lineno}: not valid UTF-8");
                failed += 1;
                continue;
            };
            if line.trim().is_empty() {
                continue;
            }
            let rec: Value = match serde_json::from_str(line) {
                Ok(v) => v,
                Err(e) => {
                    eprintln!("pii-veil: line {lineno}: invalid JSON at column {}", e.column());
                    failed += 1;
                    continue;
                }
            };
            let Some(text) = rec.get("text").and_then(Value::as_str) else {
                eprintln!("pii-veil: line {lineno}: no string field \"text\"");
                failed += 1;
                continue;
            };
            let hints = match field_hints(rec.get("field")) {
                Ok(h) => h,
                Err(e) => {
                    eprintln!("pii-veil: line {lineno}: {e}");
                    failed += 1;
                    continue;
                }
            };
            let findings = match scanner.scan(text, hints.as_ref()) {
                Ok(f) => f,
                Err(e) => {
                    eprintln!("pii-veil: line {lineno}: {e}");
                    failed += 1;
                    continue;
                }
            };
            let spans: Vec<Value> = scanner
                .locate(text, &findings, unit)
                .into_iter()
                .map(|l| {
                    let mut s = json!({ "start": l.start, "end": l.end, "label": l.kind, "score": l.score });
                    if let Some(st) = l.subtype {
                        s["subtype"] = json!(st);
                    }
                    s
                })
                .collect();
            let id = rec.get("id").cloned().unwrap_or(Value::Null);
            if writeln!(out, "{}", json!({"id": id, "spans": spans})).is_err() {
                return 1;
            }
        }
        if out.flush().is_err() {
            return 1;
        }
        if failed > 0 {
            eprintln!("pii-veil: {failed} line(s) failed");
            1
        } else {
            0
        }
    }

    fn redact(scanner: &Scanner, mask: &MaskOptions) -> i32 {
        let mut raw = Vec::new();
        if let Err(e) = io::stdin().read_to_end(&mut raw) {
            eprintln!("pii-veil: reading input failed: {}", e.kind());
            return 1;
        }
        let Ok(text) = String::from_utf8(raw) else {
            eprintln!("pii-veil: input is not valid UTF-8");
            return 1;
        };
        match scanner.redact(&text, None, mask) {
            Ok((masked, _)) => {
                print!("{masked}");
                0
            }
            Err(e) => {
                eprintln!("pii-veil: {e}");
                1
            }
        }
    }
}
