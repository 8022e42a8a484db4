//! A long-running seeded fuzz run of the core, outside the suite (ignored by default):
//!
//! ```sh
//! PII_VEIL_FUZZ_CASES=1000000 PII_VEIL_FUZZ_SEED=7 cargo test --release --test fuzz -- --ignored --nocapture
//! ```
//!
//! Texts are made of personal-data pieces in several spellings, hazards (direction
//! marks, zero-width characters, odd spaces, full-width digits, decomposed letters,
//! emoji), random ASCII and random Unicode, joined by random separators; every one
//! must hold the invariants of `tests/common` (no panic, ordered disjoint findings on
//! char boundaries, convertible offsets, redacted text free of every masked value in
//! any spelling). A failure prints the seed and case number that reproduce it.

mod common;

use pii_veil::Scanner;

/// A 64-bit linear congruential generator (Knuth's MMIX constants).
struct Rng(u64);

impl Rng {
    fn below(&mut self, m: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize % m.max(1)
    }

    fn char(&mut self) -> char {
        loop {
            let c = match self.below(4) {
                0 => self.below(0x80) as u32,
                1 => 0x80 + self.below(0x800) as u32,
                2 => 0x2000 + self.below(0x70) as u32,
                _ => self.below(0x11_0000) as u32,
            };
            if let Some(c) = char::from_u32(c) {
                return c;
            }
        }
    }
}

fn text(r: &mut Rng) -> String {
    const SEPARATORS: &[&str] = &[" ", ", ", "\n", "\t", ": ", "\u{200E}", "\u{00A0}", "", "/", "-"];
    let mut t = String::new();
    for _ in 0..r.below(12) {
        match r.below(4) {
            0 | 1 => t.push_str(common::PIECES[r.below(common::PIECES.len())]),
            2 => (0..r.below(12)).for_each(|_| t.push(char::from(b" .,:/@+()-0123456789abcXYZ"[r.below(26)]))),
            _ => (0..r.below(8)).for_each(|_| t.push(r.char())),
        }
        t.push_str(SEPARATORS[r.below(SEPARATORS.len())]);
    }
    t
}

#[test]
#[ignore = "long-running; run by hand (see the module docs)"]
fn fuzz_the_core() {
    let env = |k: &str, d: u64| std::env::var(k).ok().and_then(|v| v.parse().ok()).unwrap_or(d);
    let (cases, seed) = (env("PII_VEIL_FUZZ_CASES", 100_000), env("PII_VEIL_FUZZ_SEED", 1));
    let scanner = Scanner::new();
    let mut r = Rng(seed);
    for case in 0..cases {
        let t = text(&mut r);
        if let Err(e) = common::check(&scanner, &t) {
            panic!("seed {seed}, case {case}: {e}\ntext: {t:?}");
        }
    }
    println!("{cases} texts held every invariant (seed {seed})");
}
