//! The shapes of a written date, matched by hand: what the pattern
//!
//! ```text
//! (?i)(?:(?P<d1>[0-9]{1,2})(?P<s1>\. ?|/|-)(?P<m1>[0-9]{1,2})(?P<s2>\. ?|/|-)(?P<y1>[0-9]{4}|[0-9]{2})
//!   |(?P<y2>[0-9]{4})(?P<s3>[-/])(?P<m2>[0-9]{1,2})(?P<s4>[-/])(?P<d2>[0-9]{1,2})
//!   |(?P<d3>[0-9]{1,2})(?:\.|st|nd|rd|th|er|e|º)?\s*(?:of\s+|de\s+)?(?P<n3>MONTH)\.?(?:,?\s*|\s+de\s+)(?P<y3>[0-9]{4})
//!   |(?P<n4>MONTH)\.?\s+(?P<d4>[0-9]{1,2})(?:st|nd|rd|th)?\.?,?\s+(?P<y4>[0-9]{4}))
//! ```
//!
//! finds (leftmost-first, in ASCII mode; `MONTH` is the alternation of the month names,
//! longest first), with its groups. As a pattern it ran its automaton over every byte
//! of a text with a birth word; here the search jumps from digit run to digit run, and
//! a month name is looked for only where a date can start with one. The tests check
//! the matcher against the pattern.

use std::ops::Range;

/// The groups of a date match (byte ranges in the searched text), by shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Parts {
    /// `d1 s1 m1 s2 y1`: `12.03.1985`, `08/24/07`.
    DayMonthYear { d: Range<usize>, s1: Range<usize>, m: Range<usize>, s2: Range<usize>, y: Range<usize> },
    /// `y2 s3 m2 s4 d2`: `1985-03-12`.
    YearMonthDay { y: Range<usize>, s3: Range<usize>, m: Range<usize>, s4: Range<usize>, d: Range<usize> },
    /// `d3 … n3 … y3`: `12. März 1985`, `12th of March 1985`.
    DayName { d: Range<usize>, n: Range<usize>, y: Range<usize> },
    /// `n4 d4 … y4`: `March 12, 1985`.
    NameDay { n: Range<usize>, d: Range<usize>, y: Range<usize> },
}

/// The month names, in the pattern's order, indexed by their first and last byte
/// (ASCII letters folded to lower case).
pub(super) struct Months {
    names: Vec<Vec<u8>>,
    by_first: Vec<Vec<usize>>,
    by_last: Vec<Vec<usize>>,
}

impl Months {
    /// The names in the order the alternation tries them.
    pub(super) fn new(names: &[&str]) -> Months {
        let names: Vec<Vec<u8>> = names.iter().map(|n| n.as_bytes().to_vec()).collect();
        let (mut by_first, mut by_last) = (vec![Vec::new(); 256], vec![Vec::new(); 256]);
        for (i, n) in names.iter().enumerate() {
            by_first[usize::from(n[0].to_ascii_lowercase())].push(i);
            by_last[usize::from(n[n.len() - 1].to_ascii_lowercase())].push(i);
        }
        debug_assert!(names.iter().flatten().all(|&c| letter(c)));
        Months { names, by_first, by_last }
    }

    /// The end of the name that matches at `k` and is followed by no letter. What
    /// follows a name in the pattern (`.`, `,`, `\s`, a digit) is no letter, so a name
    /// must reach the end of the run of letters (and non-ASCII bytes, which is what
    /// the names are made of) from `k`; of the names of that length at most one
    /// matches (two would be equal ignoring ASCII case).
    fn at(&self, b: &[u8], k: usize) -> Option<usize> {
        let first = &self.by_first[usize::from(b.get(k)?.to_ascii_lowercase())];
        if first.is_empty() {
            return None;
        }
        let e = k + b[k..].iter().take_while(|&&c| letter(c)).count();
        first.iter().any(|&i| self.names[i].len() == e - k && b[k..e].eq_ignore_ascii_case(&self.names[i])).then_some(e)
    }

    /// The starts of the names that end at `e` (not before `lo`), ascending.
    fn starts_before(&self, b: &[u8], e: usize, lo: usize) -> Vec<usize> {
        let Some(&c) = e.checked_sub(1).and_then(|p| b.get(p)) else { return Vec::new() };
        let mut v: Vec<usize> = self.by_last[usize::from(c.to_ascii_lowercase())]
            .iter()
            .filter_map(|&i| {
                let n = &self.names[i];
                let s = e.checked_sub(n.len())?;
                (s >= lo && b[s..e].eq_ignore_ascii_case(n)).then_some(s)
            })
            .collect();
        crate::sort::sort(&mut v);
        v.dedup();
        v
    }
}

/// The place [`dates_from`] can search from to find the matches starting at `from` or
/// later that a search from the start finds: after the last byte before `from` that no
/// match can hold, or the start.
pub(super) fn restart_before(b: &[u8], from: usize) -> usize {
    b[..from].iter().rposition(|&c| !in_a_date(c)).map_or(0, |i| i + 1)
}

/// True if a match can hold the byte `c`: digits, the separators `.`, `/`, `-` and `,`,
/// `\s`, and letters (day suffixes, `of`, `de`, month names, which may hold non-ASCII
/// letters, as may `º`). Other signs (`:`, `(`, `!`, `@`, …) end every match.
fn in_a_date(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c >= 0x80 || space(c) || matches!(c, b'.' | b'/' | b'-' | b',')
}

/// An ASCII letter or a byte of a non-ASCII character: what month names are made of.
fn letter(c: u8) -> bool {
    c.is_ascii_alphabetic() || c >= 0x80
}

/// `\s` in ASCII mode: space, `\t`, `\n`, `\x0B`, `\x0C`, `\r`.
fn space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// The end of the run of `\s` from `k`.
fn spaces(b: &[u8], k: usize) -> usize {
    k + b[k.min(b.len())..].iter().take_while(|&&c| space(c)).count()
}

/// The end of the run of ASCII digits from `k`.
fn digits(b: &[u8], k: usize) -> usize {
    k + b[k.min(b.len())..].iter().take_while(|c| c.is_ascii_digit()).count()
}

/// True if `b[k..]` starts with `w` (ASCII case ignored).
fn word_at(b: &[u8], k: usize, w: &[u8]) -> bool {
    b.len() >= k + w.len() && b[k..k + w.len()].eq_ignore_ascii_case(w)
}

/// The end of `[0-9]{1,2}` at `k` when it must be the whole digit run (what follows it
/// in the pattern never starts with a digit, so a shorter take cannot lead to a match).
fn day_or_month(b: &[u8], k: usize) -> Option<usize> {
    let e = digits(b, k);
    (1..=2).contains(&(e - k)).then_some(e)
}

/// The end of a separator `\. ?|/|-` at `k` followed by a digit (a `.` without its
/// space when a space and no digit follows would leave no digit either).
fn separator(b: &[u8], k: usize) -> Option<usize> {
    match b.get(k)? {
        b'.' if b.get(k + 1) == Some(&b' ') => Some(k + 2),
        b'.' | b'/' | b'-' => Some(k + 1),
        _ => None,
    }
}

/// `d1 s1 m1 s2 y1` at `s`.
fn day_month_year(b: &[u8], s: usize) -> Option<Parts> {
    let d = day_or_month(b, s)?;
    let s1 = separator(b, d)?;
    let m = day_or_month(b, s1)?;
    let s2 = separator(b, m)?;
    let y = match digits(b, s2) - s2 {
        n if n >= 4 => s2 + 4,
        n if n >= 2 => s2 + 2,
        _ => return None,
    };
    Some(Parts::DayMonthYear { d: s..d, s1: d..s1, m: s1..m, s2: m..s2, y: s2..y })
}

/// `y2 s3 m2 s4 d2` at `s`.
fn year_month_day(b: &[u8], s: usize) -> Option<Parts> {
    let dash = |k: usize| matches!(b.get(k), Some(b'-' | b'/'));
    if digits(b, s) != s + 4 || !dash(s + 4) {
        return None;
    }
    let m = day_or_month(b, s + 5)?;
    if !dash(m) {
        return None;
    }
    let d = digits(b, m + 1);
    (d > m + 1).then(|| Parts::YearMonthDay {
        y: s..s + 4,
        s3: s + 4..s + 5,
        m: s + 5..m,
        s4: m..m + 1,
        d: m + 1..d.min(m + 3),
    })
}

/// Four digits at `k`.
fn year(b: &[u8], k: usize) -> Option<Range<usize>> {
    (digits(b, k) >= k + 4).then_some(k..k + 4)
}

/// `(?:,?\s*|\s+de\s+)(?P<y3>[0-9]{4})` at `k`: the year.
fn year_after_name(b: &[u8], k: usize) -> Option<Range<usize>> {
    let comma = if b.get(k) == Some(&b',') { k + 1 } else { k };
    if let Some(y) = year(b, spaces(b, comma)) {
        return Some(y);
    }
    let w = spaces(b, k);
    if w > k && word_at(b, w, b"de") {
        let w2 = spaces(b, w + 2);
        if w2 > w + 2 {
            return year(b, w2);
        }
    }
    None
}

/// The ends of the optional day suffix `(?:\.|st|nd|rd|th|er|e|º)?` at `k`, in the
/// order the pattern tries them.
fn day_suffixes(b: &[u8], k: usize) -> impl Iterator<Item = usize> + '_ {
    const SUFFIXES: [&[u8]; 8] = [b".", b"st", b"nd", b"rd", b"th", b"er", b"e", "º".as_bytes()];
    // Most days are followed by a space or a sign that starts no suffix.
    let maybe =
        b.get(k).is_some_and(|c| matches!(c.to_ascii_lowercase(), b'.' | b's' | b'n' | b'r' | b't' | b'e' | 0xC2));
    let suffixes = if maybe { &SUFFIXES[..] } else { &[] };
    suffixes.iter().filter(move |w| word_at(b, k, w)).map(move |w| k + w.len()).chain(std::iter::once(k))
}

/// `d3 … n3 … y3` at `s`.
fn day_name(b: &[u8], s: usize, months: &Months) -> Option<Parts> {
    let d = day_or_month(b, s)?;
    for k in day_suffixes(b, d) {
        let k = spaces(b, k);
        // `of`, `de` and the month names start with a letter.
        if !b.get(k).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        // `(?:of\s+|de\s+)?`: each word only with the spaces after it, then without.
        let ofde = [b"of", b"de"].into_iter().filter_map(|w| {
            let e = if word_at(b, k, w) { spaces(b, k + 2) } else { k };
            (e > k + 2).then_some(e)
        });
        for k in ofde.chain(std::iter::once(k)) {
            if let Some(n) = months.at(b, k) {
                let dot = (b.get(n) == Some(&b'.')).then_some(n + 1);
                for after in dot.into_iter().chain(std::iter::once(n)) {
                    if let Some(y) = year_after_name(b, after) {
                        return Some(Parts::DayName { d: s..d, n: k..n, y });
                    }
                }
            }
        }
    }
    None
}

/// `(?:st|nd|rd|th)?\.?,?\s+(?P<y4>[0-9]{4})` after the day ending at `d`: the year.
fn year_after_day(b: &[u8], d: usize) -> Option<Range<usize>> {
    let suffix = [b"st", b"nd", b"rd", b"th"].into_iter().filter(|x| word_at(b, d, *x)).map(|_| d + 2);
    suffix.chain(std::iter::once(d)).find_map(|k| {
        let k = if b.get(k) == Some(&b'.') { k + 1 } else { k };
        let k = if b.get(k) == Some(&b',') { k + 1 } else { k };
        let w = spaces(b, k);
        (w > k).then(|| year(b, w)).flatten()
    })
}

/// `n4 d4 … y4` at `s`.
fn name_day(b: &[u8], s: usize, months: &Months) -> Option<Parts> {
    let n = months.at(b, s)?;
    let dot = (b.get(n) == Some(&b'.')).then_some(n + 1);
    dot.into_iter().chain(std::iter::once(n)).find_map(|k| {
        let w = spaces(b, k);
        let d = (w > k).then(|| day_or_month(b, w)).flatten()?;
        let y = year_after_day(b, d)?;
        Some(Parts::NameDay { n: s..n, d: w..d, y })
    })
}

/// The match of the pattern starting at `s`, its alternatives tried in order.
fn date_at(b: &[u8], s: usize, months: &Months) -> Option<Parts> {
    if b[s].is_ascii_digit() {
        day_month_year(b, s).or_else(|| year_month_day(b, s)).or_else(|| day_name(b, s, months))
    } else {
        name_day(b, s, months)
    }
}

/// The end of a match's span.
pub(super) fn end(p: &Parts) -> usize {
    match p {
        Parts::DayMonthYear { y, .. } | Parts::DayName { y, .. } | Parts::NameDay { y, .. } => y.end,
        Parts::YearMonthDay { d, .. } => d.end,
    }
}

/// All matches: [`dates_from`] the start of `b`.
#[cfg(test)]
pub(super) fn dates<'a>(b: &'a [u8], months: &'a Months) -> impl Iterator<Item = (usize, Parts)> + 'a {
    dates_from(b, months, 0)
}

/// The leftmost-first matches of the pattern, as `(start, parts)`, left to right, from
/// `start` on.
///
/// Every match holds a digit run. In the run `a..r` (from where the search resumes) a
/// match can start only at `r - 4` (a year first) or at `r - 2` / `r - 1` (a day or
/// month first, which reads the same after `r` whichever of the two it starts at, so
/// only the first is tried), and only with the right byte after the run; before the
/// run, only at a month name that ends, with an optional `.`, right before the spaces
/// before a run of one or two digits followed by a year.
///
/// `start` is 0 or follows a byte that no match can hold ([`restart_before`]): then
/// the matches are those of a search from the start of `b` that start from there on.
/// Every match before that byte ends before it, so the search from the start reaches
/// the first digit run after it with nothing pending; and what it reads back from
/// there (the spaces before the run, a month name ending before them) stops at that
/// byte whichever of the two searches reads it: the two find the same matches.
pub(super) fn dates_from<'a>(
    b: &'a [u8],
    months: &'a Months,
    start: usize,
) -> impl Iterator<Item = (usize, Parts)> + 'a {
    debug_assert!(start == 0 || !in_a_date(b[start - 1]));
    let mut pos = start;
    std::iter::from_fn(move || {
        while pos < b.len() {
            let a = pos + crate::bytes::skip_to_range(&b[pos..], b'0', b'9');
            if a >= b.len() {
                break;
            }
            let r = digits(b, a);
            let w = b[pos..a].iter().rev().take_while(|&&c| space(c)).count();
            let named = if r - a <= 2 && w > 0 && year_after_day(b, r).is_some() {
                let me = a - w;
                let me = if me > pos && b[me - 1] == b'.' { me - 1 } else { me };
                months.starts_before(b, me, pos)
            } else {
                Vec::new()
            };
            // What follows the run decides whether a start in it can match: a year
            // first needs `-` or `/` next, a day or month first a separator, a day
            // suffix, a space or the month's first letter.
            let next = b.get(r).copied().unwrap_or(0);
            let year_first = (r - a >= 4 && matches!(next, b'-' | b'/')).then(|| r - 4);
            let day_first = (matches!(next, b'.' | b'/' | b'-' | 0xC2)
                || next.is_ascii_alphabetic()
                || space(next) && b.get(spaces(b, r)).is_some_and(u8::is_ascii_alphabetic))
            .then(|| a.max(r.saturating_sub(2)));
            let starts = named.into_iter().chain(year_first).chain(day_first);
            for s in starts {
                if let Some(p) = date_at(b, s, months) {
                    pos = end(&p);
                    return Some((s, p));
                }
            }
            pos = r;
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::{dates, dates_from, restart_before, Months, Parts};
    use proptest::prelude::*;
    use regex::bytes::{Regex, RegexBuilder};

    /// The pattern the matcher replaces, and the month names.
    fn pattern() -> &'static (Regex, Months) {
        static P: std::sync::OnceLock<(Regex, Months)> = std::sync::OnceLock::new();
        P.get_or_init(|| {
            let names = super::super::month_names();
            let months = names.join("|");
            let pattern = format!(
                concat!(
                    r"(?i)(?:(?P<d1>[0-9]{{1,2}})(?P<s1>\. ?|/|-)(?P<m1>[0-9]{{1,2}})(?P<s2>\. ?|/|-)(?P<y1>[0-9]{{4}}|[0-9]{{2}})",
                    r"|(?P<y2>[0-9]{{4}})(?P<s3>[-/])(?P<m2>[0-9]{{1,2}})(?P<s4>[-/])(?P<d2>[0-9]{{1,2}})",
                    r"|(?P<d3>[0-9]{{1,2}})(?:\.|st|nd|rd|th|er|e|º)?\s*(?:of\s+|de\s+)?(?P<n3>{m})\.?(?:,?\s*|\s+de\s+)(?P<y3>[0-9]{{4}})",
                    r"|(?P<n4>{m})\.?\s+(?P<d4>[0-9]{{1,2}})(?:st|nd|rd|th)?\.?,?\s+(?P<y4>[0-9]{{4}}))"
                ),
                m = months
            );
            let re = RegexBuilder::new(&pattern).unicode(false).dfa_size_limit(32 << 20).build().unwrap();
            (re, Months::new(&names.iter().map(String::as_str).collect::<Vec<_>>()))
        })
    }

    /// The matcher finds the pattern's matches, with the same groups.
    fn same_as_pattern(t: &[u8]) {
        let (re, months) = pattern();
        let want: Vec<(usize, Parts)> = re
            .captures_iter(t)
            .map(|c| {
                let g = |n: &str| c.name(n).map(|m| m.range());
                let s = c.get(0).unwrap().start();
                let p = if let Some(d) = g("d1") {
                    Parts::DayMonthYear {
                        d,
                        s1: g("s1").unwrap(),
                        m: g("m1").unwrap(),
                        s2: g("s2").unwrap(),
                        y: g("y1").unwrap(),
                    }
                } else if let Some(y) = g("y2") {
                    Parts::YearMonthDay {
                        y,
                        s3: g("s3").unwrap(),
                        m: g("m2").unwrap(),
                        s4: g("s4").unwrap(),
                        d: g("d2").unwrap(),
                    }
                } else if let Some(d) = g("d3") {
                    Parts::DayName { d, n: g("n3").unwrap(), y: g("y3").unwrap() }
                } else {
                    Parts::NameDay { n: g("n4").unwrap(), d: g("d4").unwrap(), y: g("y4").unwrap() }
                };
                assert_eq!(super::end(&p), c.get(0).unwrap().end());
                (s, p)
            })
            .collect();
        assert_eq!(dates(t, months).collect::<Vec<_>>(), want, "{:?}", String::from_utf8_lossy(t));
    }

    #[test]
    fn examples() {
        for t in [
            "12.03.1985 12. 03. 85 1.2.3 123.04.1985 08/24/2007 1985-03-12 19850-3-12 1985/3/1234",
            "12. März 1985, 12th of March 1985, 12 de marzo de 1985, March 12, 1985. Sept. 3rd, 1999",
            "12enero 1985 12 dez 1985 12de dezembro 1985 3 mar, 2001 mars 3 2001 MÄRZ 3 1999 JÄnner 4, 2000",
            "x12.3.456789 1 2 3 mai 5 1990 12 \u{ba}mai 1990 12º Mai 1990 Mai.\t7th. 2001 may 77 2001",
            "",
            "7",
            "Mai 1",
            "2001-1-",
            "1.1.1",
        ] {
            same_as_pattern(t.as_bytes());
        }
    }

    /// A search from `restart_before(from)` finds the matches a search from the start
    /// finds from there on, for every `from` of `t`.
    fn restarts_hold(t: &str) -> Result<(), TestCaseError> {
        let (b, months) = (t.as_bytes(), &pattern().1);
        for from in 0..=b.len() {
            let start = restart_before(b, from);
            let want: Vec<_> = dates(b, months).filter(|(s, _)| *s >= start).collect();
            prop_assert_eq!(dates_from(b, months, start).collect::<Vec<_>>(), want, "{:?} from {}", t, start);
        }
        Ok(())
    }

    /// A match may hold each sign a restart must not follow: a search from after it
    /// would find a date inside a match (`3.85.1985` in `12.3.85.1985`).
    #[test]
    fn restart_examples() {
        for t in [
            "12.3.85.1985",
            "12. 3. 85. 1985",
            "1985-3-12-85",
            "1985/3/12/85",
            "12 März, 1985-3-12",
            "March 12, 1985/3/12",
            "12 März 1985-3-12",
            "12\tof März\n1985-3-12: 1.2.1990 (3/4/85)",
        ] {
            restarts_hold(t).unwrap();
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn matcher_matches_the_pattern(parts in proptest::collection::vec(proptest::sample::select(vec![
            "1", "12", "3", "1985", "85", "123", ".", ". ", "/", "-", " ", "  ", "\t", "\n", ",", "st", "Th", "er", "e", "º",
            "of ", "de", "DE ", "mar", "März", "MÄRZ", "march", "Mars", "ma", "enero", "sept", "Sep", "jän", "x", "_", "\u{e4}",
        ]), 0..16)) {
            same_as_pattern(parts.concat().as_bytes());
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(30000))]

        /// The same in texts of runs and separators, as dates chain in lists
        /// (`1.2.85.1985`, `12. März 1985: 3/4/85`).
        #[test]
        fn a_search_from_a_restart_finds_the_same_matches(
            parts in proptest::collection::vec((
                proptest::sample::select(vec!["1", "12", "3", "85", "1985", "März", "x", "st"]),
                proptest::sample::select(vec![".", ".", ". ", "/", "-", " ", ", ", "\n", "", " of ", ":", "("]),
            ), 0..14),
        ) {
            let t: String = parts.iter().flat_map(|(a, b)| [*a, *b]).collect();
            restarts_hold(&t)?;
        }
    }
}
