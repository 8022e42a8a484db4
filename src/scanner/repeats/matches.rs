//! The places where values stand: every match of a value at the places of a text
//! that are not glued to what comes before them, and the choice among overlapping
//! matches (see the parent module's docs).

use super::{class, fold, mark, place, separator, stands_alone, Match, Reader, Values, ASCII, SEP};
use crate::types::Candidate;

/// Appends to `found` every match of a value at the places of `text` in `range`, which
/// starts at 0 or after an ASCII separator (so nothing before it is glued to it).
/// Overlapping matches too: a value glued to the first digit of the next one must not
/// hide the value itself.
pub(super) fn matches_in(
    text: &str,
    kept: &[Candidate],
    values: &Values,
    range: std::ops::Range<usize>,
    found: &mut Vec<Match>,
) {
    if values.v.is_empty() {
        return;
    }
    let mut rd = Reader::new(text);
    let mut look = |i: usize, off: usize| {
        rd.reset(i);
        values.each_at(&mut rd, off, |rd, x, q| {
            let (start, end) = rd.span(off, q);
            // Part of another finding?
            let k = kept.partition_point(|c| c.end <= start);
            if k < kept.len() && kept[k].start < end {
                return;
            }
            let value = &values.v[x];
            let model = &kept[value.model];
            if stands_alone(text, start, end) && (!value.short || text[start..end] == text[model.start..model.end]) {
                found.push(Match { start, end, x, p: place(rd.origin(off)), q: place(rd.origin(q - 1)) });
            }
        });
    };
    // The places not glued to the character before them (combining marks skipped), as
    // [`stands_alone`] requires of a value's start.
    let b = text.as_bytes();
    // The glue class of the last character that is no combining mark.
    let mut prev = 0u8;
    // The first finding that ends after the place looked at: a match starting inside a
    // finding is part of it.
    let mut next = kept.partition_point(|c| c.end <= range.start);
    let mut inside = |i: usize| {
        while next < kept.len() && kept[next].end <= i {
            next += 1;
        }
        next < kept.len() && kept[next].start <= i
    };
    let mut i = range.start;
    while i < range.end {
        let x = b[i];
        if x.is_ascii() {
            let k = ASCII[x as usize];
            if k == SEP {
                prev = 0;
                i += 1;
                continue;
            }
            // A run of letters or of digits is glued together: only its start is a place.
            let run = i;
            i += 1;
            while k != 0 && i < b.len() && b[i].is_ascii() && ASCII[b[i] as usize] == k {
                i += 1;
            }
            if k & prev == 0 && !inside(run) && values.may_start_run(b, run..i) {
                look(run, 0);
            }
            prev = k;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
        let k = class(c);
        if !separator(c) && k & prev == 0 && !inside(i) {
            // Each character of its canonical spelling is a place.
            let mut off = 0;
            for l in fold(c, &mut [0; 12]).chars() {
                look(i, off);
                off += l.len_utf8();
            }
        }
        if !mark(c) {
            prev = k;
        }
        i += c.len_utf8();
    }
}

/// `kept` plus a copy of the model of each match in `found` that is chosen: left to
/// right, the longest first where two start together, none overlapping; where two
/// values cover the same characters, the one ending first in the spelling (then the
/// longer there) wins. Sorted by start.
pub(super) fn with_matches(mut kept: Vec<Candidate>, values: &Values, mut found: Vec<Match>) -> Vec<Candidate> {
    crate::sort::sort_by_key(&mut found, |m| (m.start, std::cmp::Reverse(m.end), m.q, m.p, m.x));
    let mut added: Vec<Candidate> = Vec::new();
    for m in found {
        if added.last().is_some_and(|c| c.end > m.start) {
            continue;
        }
        let mut c = kept[values.v[m.x].model].clone();
        (c.start, c.end) = (m.start, m.end);
        added.push(c);
    }
    if !added.is_empty() {
        kept.append(&mut added);
        crate::sort::sort_by_key(&mut kept, |c| c.start);
    }
    kept
}
