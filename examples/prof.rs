use pii_veil::normalize::Normalized;
use std::time::Instant;
fn main() {
    let raw = std::fs::read_to_string("../shared/eval/dev.jsonl").unwrap();
    let mut texts = Vec::new();
    for line in raw.lines() { let v: serde_json::Value = serde_json::from_str(line).unwrap(); texts.push(v["text"].as_str().unwrap().to_string()); }
    let base = texts.join("\n\n");
    let s = pii_veil::ScannerBuilder::new().max_text_bytes(64<<20).build().unwrap();
    for size in [10usize<<10, 1<<20, 10<<20] {
        let mut t = String::new(); while t.len() < size { t.push_str(&base); t.push_str("\n\n"); }
        let mut cut = size; while !t.is_char_boundary(cut) { cut -= 1; } t.truncate(cut);
        let reps = (20_000_000 / size).max(1);
        let st = Instant::now(); for _ in 0..reps { std::hint::black_box(Normalized::new(&t)); } let a = st.elapsed().as_secs_f64()/reps as f64;
        let st = Instant::now(); let mut n=0; for _ in 0..reps { n = s.scan(&t, None).unwrap().len(); } let b = st.elapsed().as_secs_f64()/reps as f64;
        println!("{size}: normalize {:.2} ns/B, scan {:.2} ns/B, findings {n}", a*1e9/size as f64, b*1e9/size as f64);
    }
}
