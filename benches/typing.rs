//! Rescans while a person types, native (`cargo bench --bench typing`): a character
//! typed and deleted again at the end and in the middle of a dense 2,000- and
//! 5,000-character text (the development set's texts back to back, built as
//! `www/bench.mjs` builds them), each state rescanned in full (`Scanner::scan`) and
//! with a rescanner (`Scanner::rescan`, only the region around the edit). Prints the
//! median and p99 of both and their ratio.
//!
//! With `--rescans=N` it only runs N incremental rescans of typing at the end of the
//! 2,000-character text (with `--at=K` at byte K), printing nothing (for callgrind or
//! an instruction counter).
//!
//! Input: `../shared/eval/dev.jsonl` or the file in `PII_VEIL_BENCH_TEXT`. This is a
//! benchmark, not a test: numbers depend on the machine.

use pii_veil::{Rescan, Scanner};
use std::time::Instant;

fn texts() -> Vec<String> {
    let path = std::env::var("PII_VEIL_BENCH_TEXT")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval/dev.jsonl").to_string());
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    raw.lines()
        .filter(|l| !l.is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON line");
            v.get("text").and_then(|t| t.as_str()).unwrap_or(l).to_string()
        })
        .collect()
}

/// Texts number `0, step, 2 * step, …` joined by `sep` up to `units` UTF-16 code units.
fn dense(texts: &[String], step: usize, sep: &str, units: usize) -> String {
    let mut s = String::new();
    let mut i = 0;
    while s.encode_utf16().count() < units {
        s.push_str(&texts[(i * step) % texts.len()]);
        s.push_str(sep);
        i += 1;
    }
    let mut n = 0;
    let cut = s.char_indices().find(|(_, c)| {
        n += c.len_utf16();
        n > units
    });
    s.truncate(cut.map_or(s.len(), |(i, _)| i));
    s
}

/// `text` with an `x` typed at byte `at` (moved back to a char boundary).
fn typed(text: &str, mut at: usize) -> String {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    format!("{}x{}", &text[..at], &text[at..])
}

fn typing(scanner: &Scanner, label: &str, text: &str, at: usize) {
    let edited = typed(text, at);
    let mut state = Rescan::new();
    let (mut full, mut inc) = (Vec::new(), Vec::new());
    let mut read = 0;
    for i in 0..2200 {
        let t = if i % 2 == 1 { text } else { edited.as_str() };
        let t0 = Instant::now();
        std::hint::black_box(scanner.scan(t, None).unwrap());
        let a = t0.elapsed().as_secs_f64() * 1e6;
        let t0 = Instant::now();
        std::hint::black_box(scanner.rescan(&mut state, t, None).unwrap());
        let b = t0.elapsed().as_secs_f64() * 1e6;
        if i >= 200 {
            full.push(a);
            inc.push(b);
            read += state.last_read();
        }
    }
    let q = |v: &mut Vec<f64>, p: f64| {
        v.sort_by(f64::total_cmp);
        v[((v.len() - 1) as f64 * p) as usize]
    };
    let (fm, im) = (q(&mut full, 0.5), q(&mut inc, 0.5));
    let place = if at >= text.len() { "the end".to_string() } else { format!("byte {at}") };
    println!(
        "typing in {label} at {place}: full rescan median {fm:.0} µs, p99 {:.0} µs | incremental median {im:.0} µs, p99 {:.0} µs (reads {} of {} bytes) → ×{:.2}",
        q(&mut full, 0.99),
        q(&mut inc, 0.99),
        read / inc.len(),
        text.len(),
        fm / im
    );
}

fn main() {
    // `cargo test --all-targets` runs this file without `--bench`: nothing to measure then.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let scanner = Scanner::new();
    let texts = texts();
    let msg = dense(&texts, 7, " ", 2000);
    if let Some(n) =
        std::env::args().find_map(|a| a.strip_prefix("--rescans=").map(|n| n.parse::<usize>().expect("--rescans=N")))
    {
        // `--at=K`: typed at byte K (on a char boundary) instead of at the end.
        let at = std::env::args()
            .find_map(|a| a.strip_prefix("--at=").map(|k| k.parse::<usize>().expect("--at=K")))
            .map_or(msg.len(), |k| k.min(msg.len()));
        let edited = typed(&msg, at);
        let mut state = Rescan::new();
        for i in 0..n {
            let t = if i % 2 == 1 { msg.as_str() } else { edited.as_str() };
            std::hint::black_box(scanner.rescan(&mut state, t, None).unwrap());
        }
        return;
    }
    typing(&scanner, "a dense 2,000-char message", &msg, msg.len());
    typing(&scanner, "a dense 2,000-char message", &msg, msg.len() / 2);
    let long = dense(&texts, 11, "\n", 5000);
    typing(&scanner, "a dense 5,000-char text", &long, long.len());
    typing(&scanner, "a dense 5,000-char text", &long, long.len() / 2);
}
