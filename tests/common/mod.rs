//! The invariants every scan and every redaction must hold, for the property tests
//! (`tests/properties.rs`) and the long-running fuzz run (`tests/fuzz.rs`).

use pii_veil::{MaskOptions, Operator, Scanner, Unit};

/// Returns `Err` with the message when `cond` is false.
macro_rules! ensure {
    ($cond:expr) => {
        ensure!($cond, "{}", stringify!($cond))
    };
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(format!($($msg)+));
        }
    };
}

/// Pieces that look like personal data, in several spellings, and hazards (emoji,
/// zero-width and direction marks, odd spaces, full-width digits, decomposed letters).
pub const PIECES: &[&str] = &[
    "DE89 3704 0044 0532 0130 00",
    "anna.gruber@example.at",
    "4111 1111 1111 1111",
    "+43 664 1234567",
    "192.168.10.1",
    "Herr Mag. Huber",
    "Hauptstraße 12/3/4, 1010 Wien",
    "geb. 12.03.1985",
    "Termin am 12.03.1985",
    "Steuer-ID 65929970489",
    "Rechnung 65929970489,",
    "de89370400440532013000",
    "ANNA.GRUBER@example.at",
    "\u{202A}0664 1234567\u{202C}",
    "😀",
    "\u{200B}",
    "\u{00A0}",
    "０６６４",
    "u\u{308}",
];

/// True for the characters a spelling of a value may have between its letters and digits.
fn separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '-' | '.' | '/' | '(' | ')' | '+' | '\'' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}')
}

/// True for the invisible format controls (zero-width characters, soft hyphen,
/// direction marks and isolates).
fn invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}')
}

/// A value's letters, digits and other signs, lower-cased, without separators.
fn canonical(value: &str) -> String {
    value.chars().filter(|&c| !separator(c)).flat_map(char::to_lowercase).collect()
}

/// True if `hay` holds the canonical `value` in some spelling, not glued to other
/// letters or digits (the definition, character by character).
fn stands_in(hay: &str, value: &str) -> bool {
    let chars: Vec<(usize, char)> = hay.char_indices().filter(|&(_, c)| !separator(c)).collect();
    let want: Vec<char> = value.chars().collect();
    (0..chars.len()).any(|i| {
        let mut k = 0;
        let mut j = i;
        while k < want.len() && j < chars.len() {
            let lower: Vec<char> = chars[j].1.to_lowercase().collect();
            if want[k..].starts_with(&lower) {
                k += lower.len();
                j += 1;
            } else {
                return false;
            }
        }
        if k < want.len() {
            return false;
        }
        let start = chars[i].0;
        let end = chars[j - 1].0 + chars[j - 1].1.len_utf8();
        // Glued: a digit to a digit or a letter to a letter (invisible format controls
        // join what they stand between).
        let glued = |a: char, b: char| (a.is_alphabetic() && b.is_alphabetic()) || (a.is_numeric() && b.is_numeric());
        let (first, last) = (chars[i].1, chars[j - 1].1);
        // A combining accent belongs to the letter before it.
        let mark = |c: char| {
            matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
        };
        let before = hay[..start].chars().rev().find(|&c| !invisible(c) && !mark(c)).is_some_and(|c| glued(c, first));
        let after = hay[end..].chars().find(|&c| !invisible(c)).is_some_and(|c| glued(last, c));
        !before && !after
    })
}

/// Checks every invariant on `text`; the error says which one failed.
pub fn check(s: &Scanner, text: &str) -> Result<(), String> {
    let found = s.scan(text, None).map_err(|e| e.to_string())?;
    let mut prev_end = 0;
    for f in &found {
        ensure!(f.span.start < f.span.end, "empty span");
        ensure!(f.span.start >= prev_end, "overlapping or unordered findings");
        ensure!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
        ensure!((0.0..=1.0).contains(&f.score));
        prev_end = f.span.end;
    }
    // Offsets convert monotonically into every unit.
    for unit in [Unit::Utf16, Unit::CodePoints] {
        let offs: Vec<usize> = s.locate(text, &found, unit).iter().flat_map(|l| [l.start, l.end]).collect();
        ensure!(offs.windows(2).all(|w| w[0] <= w[1]));
    }
    // The output of every operator holds no value it masked, in any spelling (case,
    // spacing, separators), wherever the value stands on its own (values of 4+ letters
    // and digits: a shorter one is matched only as written).
    for op in [Operator::Label, Operator::Token, Operator::Mask { fill: '*', keep_last: 0 }, Operator::Remove] {
        let opts = MaskOptions { default: op, per_kind: vec![] };
        let (masked, again) = s.redact(text, None, &opts).map_err(|e| e.to_string())?;
        ensure!(again == found, "redact found other findings than scan");
        for f in &found {
            let value = canonical(&text[f.span.start..f.span.end]);
            if value.chars().filter(|c| c.is_alphanumeric()).count() >= 4 {
                ensure!(!stands_in(&masked, &value), "the masked text still holds a masked value: {masked:?}");
            }
        }
    }
    Ok(())
}
