//! Throughput and rescan latency of the native scanner (`cargo bench --bench scan`).
//!
//! Input: the texts of the development set (`../shared/eval/dev.jsonl`, or the file in
//! `PII_VEIL_BENCH_TEXT`), joined by blank lines and repeated up to the target size.
//! Reports:
//! - throughput in UTF-16 code units per second on ~1 MB, all kinds on, on one and on two
//!   threads; the same for the identifier kinds alone (all but names and addresses);
//! - growth from 1 KB to 10 MB (time per char should stay flat: linear time);
//! - median and p99 time to rescan a 2,000-character message (a keystroke).
//!
//! With `--scans=N` it only scans the 1 MB text N times (for `tests/instructions.sh`).
//!
//! This is a benchmark, not a test: numbers depend on the machine.

use pii_veil::{Kind, ScannerBuilder};
use std::time::{Duration, Instant};

fn corpus() -> String {
    let path = std::env::var("PII_VEIL_BENCH_TEXT")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval/dev.jsonl").to_string());
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let mut texts = Vec::new();
    for line in raw.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("JSON line");
        if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
            texts.push(t.to_string());
        } else {
            texts.push(line.to_string());
        }
    }
    texts.join("\n\n")
}

fn sized(base: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + base.len());
    while s.len() < bytes {
        s.push_str(base);
        s.push_str("\n\n");
    }
    let mut cut = bytes.min(s.len());
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    s
}

fn time<F: FnMut()>(mut f: F, min_total: Duration) -> Vec<Duration> {
    let mut v = Vec::new();
    let start = Instant::now();
    while start.elapsed() < min_total || v.len() < 5 {
        let t = Instant::now();
        f();
        v.push(t.elapsed());
    }
    v.sort();
    v
}

fn main() {
    // `cargo test --all-targets` runs this file without `--bench`: nothing to measure then.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    // `--only=person,street_address`: measure (or profile) just these kinds.
    let only: Option<Vec<Kind>> = std::env::args().find_map(|a| {
        a.strip_prefix("--only=")
            .map(|l| l.split(',').map(|id| Kind::from_id(id).unwrap_or_else(|| panic!("unknown kind {id}"))).collect())
    });
    // A scanner for these kinds (every kind when `None`) on `threads` threads.
    let with = |kinds: Option<&[Kind]>, threads: usize| {
        let mut builder = ScannerBuilder::new().max_text_bytes(64 << 20).threads(threads);
        if let Some(kinds) = kinds {
            builder = builder.kinds(kinds);
        }
        builder.build().unwrap()
    };
    let build = |threads: usize| with(only.as_deref(), threads);
    let scanner = build(1);
    let base = corpus();

    let mb = sized(&base, 1 << 20);
    // `--scans=N`: only N scans of the 1 MB text on one thread, nothing printed — for an
    // instruction counter (tests/instructions.sh runs N = 1 and 2 and subtracts).
    if let Some(n) =
        std::env::args().find_map(|a| a.strip_prefix("--scans=").map(|n| n.parse::<usize>().expect("--scans=N")))
    {
        for _ in 0..n {
            std::hint::black_box(scanner.scan(&mb, None).unwrap());
        }
        return;
    }
    let units = mb.encode_utf16().count();
    let throughput = |label: &str, scanner: &pii_veil::Scanner| {
        let runs = time(|| drop(scanner.scan(&mb, None).unwrap()), Duration::from_secs(3));
        let (med, best) = (runs[runs.len() / 2], runs[0]);
        println!(
            "{label}: median {:.2} ms → {:.1} M chars/s (best run {:.1} M chars/s)",
            med.as_secs_f64() * 1e3,
            units as f64 / med.as_secs_f64() / 1e6,
            units as f64 / best.as_secs_f64() / 1e6
        );
    };
    let what = if only.is_some() { "the chosen kinds" } else { "all kinds" };
    throughput(&format!("throughput (1 MB, {units} UTF-16 units, {what})"), &scanner);
    // The same with a second thread (ScannerBuilder::threads: each half of the text on its own core).
    throughput("throughput with threads(2)", &build(2));
    if only.is_none() {
        // The structured identifiers alone (every kind but names and addresses): the
        // kinds with a format or check digit, which the speed target of the core is set for.
        let ids: Vec<Kind> = Kind::BUILTIN
            .into_iter()
            .filter(|k| !matches!(k, Kind::Person | Kind::StreetAddress | Kind::PostalCity))
            .collect();
        throughput(
            &format!("throughput, the {} identifier kinds (all but names and addresses)", ids.len()),
            &with(Some(&ids), 1),
        );
        throughput("throughput, the identifier kinds with threads(2)", &with(Some(&ids), 2));
    }

    println!("growth (time per 1,000 chars should stay flat):");
    for size in [1usize << 10, 10 << 10, 100 << 10, 1 << 20, 10 << 20] {
        let t = sized(&base, size);
        let n = t.encode_utf16().count();
        let runs = time(|| drop(scanner.scan(&t, None).unwrap()), Duration::from_millis(1500));
        let med = runs[runs.len() / 2];
        println!(
            "  {:>9} chars: {:>10.3} ms  {:>7.3} µs per 1,000 chars",
            n,
            med.as_secs_f64() * 1e3,
            med.as_secs_f64() * 1e9 / n as f64
        );
    }

    // A 2,000-character chat message: rescanned on every keystroke.
    let msg: String = sized(&base, 4000).chars().take(2000).collect();
    let runs = time(|| drop(scanner.scan(&msg, None).unwrap()), Duration::from_secs(2));
    let p = |q: f64| runs[((runs.len() - 1) as f64 * q) as usize];
    println!(
        "rescan of a 2,000-char message: median {:.1} µs, p99 {:.1} µs ({} runs)",
        p(0.5).as_secs_f64() * 1e6,
        p(0.99).as_secs_f64() * 1e6,
        runs.len()
    );

    // Where the time goes: the same 1 MB with one kind on at a time (each includes the
    // shared steps: normalising, tokenising for names/addresses, context, resolving).
    if std::env::args().any(|a| a == "--per-kind") {
        println!("per kind (1 MB, one kind on):");
        for kind in Kind::BUILTIN {
            let one = with(Some(&[kind]), 1);
            let runs = time(|| drop(one.scan(&mb, None).unwrap()), Duration::from_millis(1500));
            let med = runs[runs.len() / 2];
            println!(
                "  {:<20} {:>8.2} ms  {:>7.1} M chars/s",
                format!("{kind:?}"),
                med.as_secs_f64() * 1e3,
                units as f64 / med.as_secs_f64() / 1e6
            );
        }
    }
}
