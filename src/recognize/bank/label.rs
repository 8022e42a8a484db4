//! BICs after the word "BIC" or "SWIFT", found without a pattern. What is matched is
//! what these two patterns (ASCII, ignoring case) find, leftmost first, with the same
//! groups:
//!
//! - labelled: `\b(?:bic|swift)(?:[ -]?code)?[ \t]*[:=]?[ \t]*(?:(?:is|ist|lautet)[ \t]+)?`
//!   then the value `([a-z]{6}[a-z0-9]{2}(?:[a-z0-9]{3})?)\b`;
//! - grouped: that label or the start of the text with `[ \t]*`, then the printed form
//!   `([a-z]{4} [a-z]{2} ?[a-z0-9]{2}(?: [a-z0-9]{3})?)\b` (`SSKM DE MM XXX`).
//!
//! A label can be read several ways (a space before `code` or not, `is` or `ist`); the
//! ways are tried in the order a backtracking pattern search tries them, and the first
//! after which a value follows wins. Texts that name a BIC are searched for them, and
//! as patterns they had to be compiled before the first such text could be read.

use super::super::util::is_word;

/// Which of the two value shapes follows the label.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Shape {
    /// `COBADEFFXXX`, any case.
    Labelled,
    /// `SSKM DE MM XXX`, also as the whole start of the text.
    Grouped,
}

/// A match: the whole of it, and the value.
pub(super) type LabelMatch = ((usize, usize), (usize, usize));

/// True if `h[i..]` starts with `word` (lower case), ignoring ASCII case.
fn word_at(h: &[u8], i: usize, word: &[u8]) -> bool {
    h.len() >= i + word.len() && h[i..i + word.len()].eq_ignore_ascii_case(word)
}

/// The number of spaces and tabs from `i`.
fn blanks(h: &[u8], i: usize) -> usize {
    h[i.min(h.len())..].iter().take_while(|&&c| c == b' ' || c == b'\t').count()
}

/// True if `n` bytes from `i` all pass `is`.
fn all(h: &[u8], i: usize, n: usize, is: fn(&u8) -> bool) -> bool {
    h.len() >= i + n && h[i..i + n].iter().all(is)
}

/// `\b` after a letter or digit at `e - 1`.
fn ends_word(h: &[u8], e: usize) -> bool {
    e == h.len() || !is_word(h[e])
}

/// The ends of every way the label can be read from `p`, in the order a pattern
/// search tries them (greedy parts longest first, optional parts taken first).
fn label_ends(h: &[u8], p: usize, ends: &mut Vec<usize>) {
    ends.clear();
    if p > 0 && is_word(h[p - 1]) {
        return;
    }
    let k = if word_at(h, p, b"bic") {
        p + 3
    } else if word_at(h, p, b"swift") {
        p + 5
    } else {
        return;
    };
    let mut codes = Vec::with_capacity(3);
    if k < h.len() && matches!(h[k], b' ' | b'-') && word_at(h, k + 1, b"code") {
        codes.push(k + 5);
    }
    if word_at(h, k, b"code") {
        codes.push(k + 4);
    }
    codes.push(k);
    for c in codes {
        for q in (c..=c + blanks(h, c)).rev() {
            let sign = q < h.len() && matches!(h[q], b':' | b'=');
            for r in [q + 1, q].into_iter().skip(usize::from(!sign)) {
                for s in (r..=r + blanks(h, r)).rev() {
                    for word in [&b"is"[..], b"ist", b"lautet"] {
                        if word_at(h, s, word) {
                            let t = s + word.len();
                            ends.extend((t + 1..=t + blanks(h, t)).rev());
                        }
                    }
                    ends.push(s);
                }
            }
        }
    }
}

/// The end of the value of `shape` starting at `s`, if one does.
fn value_end(h: &[u8], s: usize, shape: Shape) -> Option<usize> {
    let alpha: fn(&u8) -> bool = u8::is_ascii_alphabetic;
    let alnum: fn(&u8) -> bool = u8::is_ascii_alphanumeric;
    match shape {
        Shape::Labelled => {
            if !all(h, s, 6, alpha) || !all(h, s + 6, 2, alnum) {
                return None;
            }
            let e = s + 8;
            if all(h, e, 3, alnum) && ends_word(h, e + 3) {
                return Some(e + 3);
            }
            ends_word(h, e).then_some(e)
        }
        Shape::Grouped => {
            if !all(h, s, 4, alpha) || h.get(s + 4) != Some(&b' ') || !all(h, s + 5, 2, alpha) {
                return None;
            }
            let spaced = h.get(s + 7) == Some(&b' ');
            [s + 8, s + 7].into_iter().skip(usize::from(!spaced)).find_map(|q| {
                if !all(h, q, 2, alnum) {
                    return None;
                }
                let e = q + 2;
                if h.get(e) == Some(&b' ') && all(h, e + 1, 3, alnum) && ends_word(h, e + 4) {
                    return Some(e + 4);
                }
                ends_word(h, e).then_some(e)
            })
        }
    }
}

/// The first match in `h` that starts at or after `from`, as a pattern search from
/// `from` finds it.
pub(super) fn find_at(h: &[u8], from: usize, shape: Shape) -> Option<LabelMatch> {
    let mut ends = Vec::new();
    for p in from..h.len() {
        label_ends(h, p, &mut ends);
        if shape == Shape::Grouped && p == 0 {
            ends.extend((0..=blanks(h, 0)).rev());
        }
        if let Some((s, e)) = ends.iter().find_map(|&s| value_end(h, s, shape).map(|e| (s, e))) {
            return Some(((p, e), (s, e)));
        }
    }
    None
}
