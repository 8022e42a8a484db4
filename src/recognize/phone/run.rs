//! Reading phone-like runs from the text: digits joined by the separators people type
//! in phone numbers, brackets and a leading `+` (see the parent module's docs), and
//! where a number may start and end.

use super::words::STRONG_PHONE_WORDS;
use crate::context::matches_any;

/// Most digits a run may hold (`00` + 15-digit E.164 number).
pub(super) const MAX_DIGITS: usize = 17;
/// Most digit groups considered.
pub(super) const MAX_GROUPS: usize = 12;

pub(super) const SEP_SPACE: u8 = 1;
pub(super) const SEP_DASH: u8 = 2;
pub(super) const SEP_DOT: u8 = 4;
const SEP_SLASH: u8 = 8;

/// A phone-like run of digits and separators, as read from the text.
pub(super) struct Run {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) digits: [u8; MAX_DIGITS],
    pub(super) n: usize,
    /// Digits per group, and the byte offset where each group ends.
    pub(super) groups: [(u8, usize); MAX_GROUPS],
    pub(super) ng: usize,
    /// The separator kinds (`SEP_*`) before each group (0 for the first or after a bracket).
    pub(super) sep_before: [u8; MAX_GROUPS],
    pub(super) plus: bool,
    pub(super) trunk_paren: bool,
    pub(super) paren: bool,
    pub(super) seps: u8,
    pub(super) too_long: bool,
}

impl Run {
    pub(super) fn new(start: usize) -> Run {
        Run {
            start,
            end: start,
            digits: [0; MAX_DIGITS],
            n: 0,
            groups: [(0, 0); MAX_GROUPS],
            ng: 0,
            sep_before: [0; MAX_GROUPS],
            plus: false,
            trunk_paren: false,
            paren: false,
            seps: 0,
            too_long: false,
        }
    }

    /// Empties the run for a new one starting at `start`. The digit and group arrays
    /// keep their old bytes: only their first `n` and `ng` entries are ever read, and
    /// those are written by the new run.
    pub(super) fn reset(&mut self, start: usize) {
        self.start = start;
        self.end = start;
        self.n = 0;
        self.ng = 0;
        self.plus = false;
        self.trunk_paren = false;
        self.paren = false;
        self.seps = 0;
        self.too_long = false;
    }

    fn push_digit(&mut self, d: u8) {
        if self.n < MAX_DIGITS {
            self.digits[self.n] = d;
            self.n += 1;
        } else {
            self.too_long = true;
        }
    }

    fn close_group(&mut self, len: usize, end: usize, sep: u8) {
        if len == 0 {
            return;
        }
        if self.ng < MAX_GROUPS {
            self.groups[self.ng] = (len.min(255) as u8, end);
            self.sep_before[self.ng] = sep;
            self.ng += 1;
        } else {
            self.too_long = true;
        }
    }

    pub(super) fn international(&self) -> bool {
        self.plus || (self.n >= 3 && self.digits[0] == b'0' && self.digits[1] == b'0')
    }
}

fn sep_kind(c: u8) -> u8 {
    match c {
        b' ' => SEP_SPACE,
        b'-' => SEP_DASH,
        b'.' => SEP_DOT,
        b'/' => SEP_SLASH,
        _ => 0,
    }
}

/// Reads a run starting at `start` (a digit, `+` or `(`) into `r` (one value reused
/// for every run of a text, see [`Run::reset`]). Returns `false` when no run starts
/// here; the run's `end` is after its last digit or closing bracket.
pub(super) fn read_run(b: &[u8], start: usize, r: &mut Run) -> bool {
    r.reset(start);
    let mut p = start;
    let mut open_plus = false;
    if b[p] == b'(' && b.get(p + 1) == Some(&b'+') && b.get(p + 2).is_some_and(u8::is_ascii_digit) {
        r.plus = true;
        open_plus = true;
        r.paren = true;
        p += 2;
    } else if b[p] == b'+' {
        if !b.get(p + 1).is_some_and(u8::is_ascii_digit) {
            return false;
        }
        r.plus = true;
        p += 1;
    }
    let mut glen = 0usize;
    let mut pending_sep = 0u8;
    loop {
        if p - start > 64 {
            r.too_long = true;
            break;
        }
        let Some(&c) = b.get(p) else {
            r.close_group(glen, p, pending_sep);
            break;
        };
        if c.is_ascii_digit() {
            r.push_digit(c);
            glen += 1;
            p += 1;
            r.end = p;
            continue;
        }
        // A group ends here.
        if glen > 0 {
            r.close_group(glen, p, pending_sep);
            glen = 0;
            pending_sep = 0;
        }
        if c == b')' && open_plus {
            open_plus = false;
            p += 1;
            r.end = p;
            continue;
        }
        if c == b'(' {
            if let Some(next) = paren_at(b, p) {
                match next {
                    Paren::Trunk(q) => {
                        r.trunk_paren = true;
                        if !r.international() {
                            r.push_digit(b'0');
                        }
                        p = q;
                    }
                    Paren::Group(close, q) => {
                        // "(030)" or "(615)": digits inside count as a group of their own.
                        for &d in &b[p + 1..close] {
                            r.push_digit(d);
                        }
                        r.close_group(close - p - 1, close + 1, pending_sep);
                        pending_sep = 0;
                        p = q;
                    }
                }
                r.paren = true;
                r.end = r.groups[..r.ng].last().map_or(p, |g| g.1).max(r.end);
                continue;
            }
            break;
        }
        if let Some((q, kind)) = separator_at(b, p) {
            if q < b.len() && (b[q].is_ascii_digit() || (b[q] == b'(' && paren_at(b, q).is_some())) {
                r.seps |= kind;
                pending_sep = kind;
                p = q;
                continue;
            }
        }
        break;
    }
    if r.n == 0 {
        return false;
    }
    // Keep consuming an over-long token so the caller skips it as a whole.
    if r.too_long {
        let mut q = r.end;
        while q < b.len() && (b[q].is_ascii_digit() || sep_kind(b[q]) != 0 || b[q] == b'(' || b[q] == b')') {
            q += 1;
        }
        r.end = q.max(r.end);
    }
    true
}

enum Paren {
    /// `(0)`, ends at the given offset.
    Trunk(usize),
    /// `(` 2–6 digits `)`: the offset of `)` and where the next group starts.
    Group(usize, usize),
}

fn paren_at(b: &[u8], p: usize) -> Option<Paren> {
    if b.get(p + 1) == Some(&b'0') && b.get(p + 2) == Some(&b')') {
        let q = p + 3;
        let q = if b.get(q) == Some(&b' ') { q + 1 } else { q };
        return b.get(q).is_some_and(u8::is_ascii_digit).then_some(Paren::Trunk(q));
    }
    let mut i = p + 1;
    while i < b.len() && b[i].is_ascii_digit() && i - p <= 7 {
        i += 1;
    }
    let len = i - p - 1;
    if !(2..=6).contains(&len) || b.get(i) != Some(&b')') {
        return None;
    }
    let mut q = i + 1;
    if let Some((s, _)) = separator_at(b, q) {
        q = s;
    }
    b.get(q).is_some_and(u8::is_ascii_digit).then_some(Paren::Group(i, q))
}

/// A separator at `p`: one of ` - . /`, or one of `- . /` with a space on either side.
/// Returns the offset after it and its kind.
fn separator_at(b: &[u8], p: usize) -> Option<(usize, u8)> {
    let c = *b.get(p)?;
    let k = sep_kind(c);
    if k == 0 {
        return None;
    }
    if c == b' ' {
        if let Some(&d) = b.get(p + 1) {
            let k2 = sep_kind(d);
            if k2 != 0 && d != b' ' {
                let q = if b.get(p + 2) == Some(&b' ') { p + 3 } else { p + 2 };
                return Some((q, k2));
            }
        }
        return Some((p + 1, SEP_SPACE));
    }
    if b.get(p + 1) == Some(&b' ') {
        return Some((p + 2, k));
    }
    Some((p + 1, k))
}

/// True if the key of a `key=value` pair ending at the end of `before` names a phone
/// ("tel=", "phone_mobile=", "handy="): a number may start after its `=`. After other keys
/// ("id=", "ref=", a URL's query) it may not.
fn phone_key(before: &[u8]) -> bool {
    let k = before.iter().rposition(|c| !(c.is_ascii_alphanumeric() || *c == b'_' || *c == b'-')).map_or(0, |i| i + 1);
    let key = before[k..].to_ascii_lowercase();
    key.split(|&c| c == b'_' || c == b'-')
        .filter_map(|part| std::str::from_utf8(part).ok())
        .any(|part| !part.is_empty() && matches_any(part, STRONG_PHONE_WORDS))
}

/// True if the character before `start` allows a number to begin here.
pub(super) fn start_ok(text: &str, b: &[u8], start: usize) -> bool {
    if start == 0 {
        return true;
    }
    let p = b[start - 1];
    if p == b'=' {
        return phone_key(&b[..start - 1]);
    }
    if p.is_ascii_alphanumeric() || p == b'#' || p == b'_' || p == b'+' || p == b'@' || p == b'&' {
        return false;
    }
    // Part of a longer token: "4711-0815", "INV-2024", "1.234", "12:30".
    if matches!(p, b'-' | b'/' | b'.' | b',' | b':') && start >= 2 {
        let q = b[start - 2];
        if q.is_ascii_alphanumeric() || (p != b':' && q >= 0x80 && prev_is_alpha(text, start - 1)) {
            return false;
        }
    }
    if p >= 0x80 && prev_is_alpha(text, start) {
        return false;
    }
    // After a country prefix of a VAT number ("DE 123 456 789", "GB 076 5269 40").
    if p == b' '
        && start >= 3
        && b[start - 2].is_ascii_uppercase()
        && b[start - 3].is_ascii_uppercase()
        && (start == 3 || !b[start - 4].is_ascii_alphanumeric())
    {
        return false;
    }
    // After a word of letters and digits ("DE89 3704 …", "ch79 0483 …"): the middle of
    // an IBAN or another code, not the start of a phone number.
    if p == b' ' && start >= 2 && b[start - 2].is_ascii_digit() {
        let mut k = start - 2;
        while k > 0 && b[k - 1].is_ascii_alphanumeric() {
            k -= 1;
        }
        if b[k..start - 1].iter().any(u8::is_ascii_alphabetic) {
            return false;
        }
    }
    true
}

fn prev_is_alpha(text: &str, pos: usize) -> bool {
    text.get(..pos).and_then(|s| s.chars().next_back()).is_some_and(char::is_alphanumeric)
}

/// True if the character at `end` allows a number to end here.
pub(super) fn end_ok(text: &str, b: &[u8], end: usize) -> bool {
    let Some(&c) = b.get(end) else { return true };
    if c >= 0x80 {
        return !text.get(end..).and_then(|s| s.chars().next()).is_some_and(char::is_alphanumeric);
    }
    if c.is_ascii_alphanumeric() || matches!(c, b'%' | b'@' | b'_' | b'+') {
        return false;
    }
    let after = b.get(end + 1).copied().unwrap_or(b' ');
    match c {
        // "1.234,50", "12:30", "030.123.4" — a number goes on.
        b',' | b'.' | b':' => !after.is_ascii_digit(),
        // "0815-4711-AB", "2024/07/x".
        b'-' | b'/' => !after.is_ascii_alphanumeric(),
        _ => true,
    }
}
