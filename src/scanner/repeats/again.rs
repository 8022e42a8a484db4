//! The every-occurrence stage again after an edit, while a person types: what it
//! found in the last text is kept ([`Memo`]) and only the places near what changed
//! are looked at again.
//!
//! A match depends on the values (their spellings; for a short value, the model's
//! text as written), on the findings (a match inside or across one is none), on the
//! character before its place (glued or not) and on its own characters and the one
//! after them. So when the values are the same as before, the changed zone runs from
//! the edit, widened to the findings that changed, and:
//!
//! - a place that lies more than the longest value's spelling (plus two characters)
//!   of letters and digits before that zone starts a match that ends, with the
//!   character after it, before the zone: what was found there stands;
//! - a place after the zone, where an ASCII separator ends it, sees the same text
//!   after it and the same character before it (a separator): what was found there
//!   stands, moved by the edit's change of length;
//! - the places in between are looked at again.
//!
//! Any other change of the values means a value can appear or disappear anywhere:
//! the whole text is read again.
//!
//! The values themselves are made of the findings' texts alone: while those are the
//! same, in the same order (typing outside the findings), the last ones are taken
//! again instead of being made anew.

use super::{matches_in, separator, with_matches, Match, Values, ASCII, SEP};
use crate::types::Candidate;

/// An edit of a text: where it starts, where it ended in the old text and where it
/// ends in the new one (bytes).
pub(in crate::scanner) type Edit = (usize, usize, usize);

/// What the stage found in the last text of a rescan: the findings' spans and texts,
/// the values made of them and every match.
#[derive(Debug, Default, Clone)]
pub(in crate::scanner) struct Memo {
    spans: Vec<(usize, usize)>,
    found: Vec<Match>,
    /// The findings' texts one after the other, and where each ends there.
    texts: Vec<u8>,
    ends: Vec<u32>,
    /// The values made of them (none before the first text).
    last: Option<Values>,
}

impl Memo {
    /// The text of the last text's finding `i`.
    fn text_of(&self, i: usize) -> &[u8] {
        let from = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.texts[from..self.ends[i] as usize]
    }

    /// The values of `kept` in `text`, and whether they are the last text's. They are
    /// taken again when the findings' texts are the same, in the same order
    /// ([`Values::new`] reads nothing else); else they are made anew and compared: the
    /// same spellings, and for a short value the same model text as written.
    fn values_for(&mut self, text: &str, kept: &[Candidate]) -> (Values, bool) {
        let Some(last) = self.last.take() else { return (Values::new(text, kept), false) };
        let of = |c: &Candidate| &text.as_bytes()[c.start..c.end];
        if self.ends.len() == kept.len() && kept.iter().enumerate().all(|(i, c)| of(c) == self.text_of(i)) {
            return (last, true);
        }
        let values = Values::new(text, kept);
        let same = values.v.len() == last.v.len()
            && values.v.iter().zip(&last.v).enumerate().all(|(x, (v, was))| {
                v.short == was.short
                    && values.key(x) == last.key(x)
                    && (!v.short || of(&kept[v.model]) == self.text_of(was.model))
            });
        (values, same)
    }

    /// Keeps the findings' spans and texts and the matches of `text` (the values are
    /// put into `last` once the matches are chosen).
    fn save(&mut self, text: &str, kept: &[Candidate], found: &[Match]) {
        self.spans.clear();
        self.spans.extend(kept.iter().map(|c| (c.start, c.end)));
        self.found.clear();
        self.found.extend_from_slice(found);
        self.texts.clear();
        self.ends.clear();
        for c in kept {
            self.texts.extend_from_slice(&text.as_bytes()[c.start..c.end]);
            self.ends.push(self.texts.len() as u32);
        }
    }
}

/// [`super::with_repeats`] of `text`, which is the text `memo` last saw with the bytes
/// `edit.0..edit.1` replaced by what now stands at `edit.0..edit.2` (none: not known),
/// reading again only the places near the edit when the values stayed the same (see
/// the module docs); `memo` then holds `text`.
pub(in crate::scanner) fn with_repeats_again(
    text: &str,
    kept: Vec<Candidate>,
    memo: &mut Memo,
    edit: Option<Edit>,
) -> Vec<Candidate> {
    let (values, same) = memo.values_for(text, &kept);
    let mut found = Vec::new();
    let zone = edit.filter(|_| same).map(|e| zone(text, &memo.spans, &kept, &values, e));
    match zone {
        Some(Zone { from, old_to, to }) => {
            found.extend(memo.found.iter().filter(|m| m.start < from));
            matches_in(text, &kept, &values, from..to, &mut found);
            let moved = |at: usize| at - old_to + to;
            let place = |p: u64| (moved((p >> 8) as usize) as u64) << 8 | (p & 0xFF);
            found.extend(memo.found.iter().filter(|m| m.start >= old_to).map(|m| Match {
                start: moved(m.start),
                end: moved(m.end),
                x: m.x,
                p: place(m.p),
                q: place(m.q),
            }));
        }
        None => matches_in(text, &kept, &values, 0..text.len(), &mut found),
    }
    memo.save(text, &kept, &found);
    let kept = with_matches(kept, &values, found);
    memo.last = Some(values);
    kept
}

/// The places looked at again: `from..to` of the new text, `from..old_to` of the old
/// one (the same text follows both ends).
#[derive(Debug, PartialEq)]
struct Zone {
    from: usize,
    old_to: usize,
    to: usize,
}

/// The zone for an edit `(start, old_end, new_end)` with the findings' spans `old` in
/// the old text and `kept` in the new one.
fn zone(text: &str, old: &[(usize, usize)], kept: &[Candidate], values: &Values, edit: Edit) -> Zone {
    let (p, old_end, new_end) = edit;
    // An offset of the old text in the new one (inside the edit: its end).
    let map = |at: usize| match at {
        a if a <= p => a,
        a if a >= old_end => a - old_end + new_end,
        _ => new_end,
    };
    // The findings that are the same, before the edit and after it.
    let n = old.len().min(kept.len());
    let same_before = (0..n).take_while(|&j| old[j] == (kept[j].start, kept[j].end) && old[j].1 <= p).count();
    let same_after = (0..n - same_before)
        .take_while(|&j| {
            let ((s, e), c) = (old[old.len() - 1 - j], &kept[kept.len() - 1 - j]);
            s >= old_end && c.start >= new_end && (map(s), map(e)) == (c.start, c.end)
        })
        .count();
    let changed_old = old[same_before..old.len() - same_after].iter().map(|&(s, e)| (map(s), map(e)));
    let changed_new = kept[same_before..kept.len() - same_after].iter().map(|c| (c.start, c.end));
    let (mut lo, mut hi) = (p, new_end);
    for (s, e) in changed_old.chain(changed_new) {
        (lo, hi) = (lo.min(s), hi.max(e));
    }
    // Back over the longest value's spelling and two characters more (each character
    // of letters or digits is a byte of the spelling or more), then to just after an
    // ASCII separator.
    let longest = values.v.iter().map(|v| v.len as usize).max().unwrap_or(0);
    let mut from = lo;
    let mut count = 0;
    for (i, c) in text[..lo].char_indices().rev() {
        from = i;
        count += usize::from(!separator(c));
        if count >= longest + 2 {
            break;
        }
    }
    let b = text.as_bytes();
    while from > 0 && !(b[from - 1].is_ascii() && ASCII[b[from - 1] as usize] == SEP) {
        from -= 1;
    }
    // On past the changed findings' ends to just after an ASCII separator.
    let mut to = hi;
    while to < b.len() && !(b[to].is_ascii() && ASCII[b[to] as usize] == SEP) {
        to += 1;
    }
    to = (to + 1).min(b.len());
    Zone { from, old_to: to - new_end + old_end, to }
}

#[cfg(test)]
mod tests {
    use super::super::with_repeats;
    use super::*;
    use crate::entity::Kind;

    /// Parts of texts; a test case draws from the first few only, or from all.
    const PARTS: &[&str] = &[
        "4711", "47", "11", " ", "Li", "li", "Huber", "-", "huber", "HUBER", "  ", ".", "/", "\n", "İ", "ä", "\u{301}",
        "1", "a", "ß", "SS", "\u{A0}", "+43", "Σ", "σ", "x@y",
    ];

    /// Findings over whole parts: `(first part, parts, kind)`, sorted, disjoint.
    fn kept_of(parts: &[usize], picks: &[(usize, usize, usize)]) -> Vec<Candidate> {
        let mut at = vec![0];
        for &p in parts {
            at.push(at.last().unwrap() + PARTS[p].len());
        }
        let mut kept: Vec<Candidate> = Vec::new();
        for &(a, n, k) in picks {
            let (s, e) = (at[a.min(parts.len())], at[(a + n).min(parts.len())]);
            if s < e && !kept.last().is_some_and(|c| c.end > s) {
                kept.push(Candidate::new([Kind::Person, Kind::Phone, Kind::NationalId][k], s, e, 0.5));
            }
        }
        kept
    }

    fn text_of(parts: &[usize]) -> String {
        parts.iter().map(|&p| PARTS[p]).collect()
    }

    /// Typing outside the findings takes the last values again; a finding whose text
    /// changed, or one more, makes them anew (and each time they are those of the text).
    #[test]
    fn values_are_taken_again_while_the_findings_texts_are_the_same() {
        let kept_at = |text: &str, values: &[&str]| -> Vec<Candidate> {
            values
                .iter()
                .map(|v| {
                    let s = text.find(v).unwrap();
                    Candidate::new(Kind::Phone, s, s + v.len(), 0.5)
                })
                .collect()
        };
        let same = |a: &Values, b: &Values| a.keys == b.keys && a.v.len() == b.v.len() && a.first == b.first;
        let old = "Tel 0664 123 4567, Fax 0664 123 4568.";
        let mut memo = Memo::default();
        with_repeats_again(old, kept_at(old, &["0664 123 4567", "0664 123 4568"]), &mut memo, None);
        // Mark the kept values to see whether they come back.
        memo.last.as_mut().unwrap().bits = 99;
        let typed = "Hallo! Tel 0664 123 4567, Fax 0664 123 4568. Danke";
        let kept = kept_at(typed, &["0664 123 4567", "0664 123 4568"]);
        let (again, last) = memo.values_for(typed, &kept);
        assert_eq!(again.bits, 99, "the same findings' texts: the last values");
        assert!(last, "and they are the last text's");
        assert!(same(&again, &Values::new(typed, &kept)));
        memo.last = Some(again);
        for (text, values) in [
            ("Tel 0664 123 4567, Fax 0664 123 4569.", &["0664 123 4567", "0664 123 4569"][..]),
            ("Tel 0664 123 4567, Fax 0664 123 4568, 0664 1", &["0664 123 4567", "0664 123 4568", "0664 1"][..]),
            ("Tel 0664 123 4567", &["0664 123 4567"][..]),
        ] {
            memo.last.as_mut().unwrap().bits = 99;
            let kept = kept_at(text, values);
            let (new, _) = memo.values_for(text, &kept);
            assert_ne!(new.bits, 99, "{text}: made anew");
            assert!(same(&new, &Values::new(text, &kept)));
            memo.save(text, &kept, &[]);
            memo.last = Some(new);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// After an edit (parts replaced; the findings around kept and moved, one
        /// perhaps added), the stage run again finds what it finds in the whole text.
        #[test]
        fn again_after_an_edit_is_the_whole_text(
            few in 4..=PARTS.len(),
            parts in proptest::collection::vec(0..PARTS.len(), 1..30),
            picks in proptest::collection::vec((0usize..30, 1usize..4, 0usize..3), 0..5),
            (i, n) in (0usize..30, 0usize..4),
            with in proptest::collection::vec(0..PARTS.len(), 0..4),
            extra in proptest::option::of((0usize..34, 1usize..4, 0usize..3)),
        ) {
            let parts: Vec<usize> = parts.iter().map(|p| p % few).collect();
            let with: Vec<usize> = with.iter().map(|p| p % few).collect();
            let mut picks = picks;
            picks.sort();
            let old = text_of(&parts);
            let mut memo = Memo::default();
            let first = with_repeats_again(&old, kept_of(&parts, &picks), &mut memo, None);
            proptest::prop_assert_eq!(&first, &with_repeats(&old, kept_of(&parts, &picks)));
            // Replace parts i..i + n by `with`; findings over them go, the ones after move.
            let i = i.min(parts.len());
            let j = (i + n).min(parts.len());
            let mut edited = parts[..i].to_vec();
            edited.extend(&with);
            edited.extend(&parts[j..]);
            let mut moved: Vec<(usize, usize, usize)> = picks
                .iter()
                .filter(|&&(a, n, _)| a + n <= i || a >= j)
                .map(|&(a, n, k)| if a >= j { (a - j + i + with.len(), n, k) } else { (a, n, k) })
                .collect();
            moved.extend(extra);
            moved.sort();
            let new = text_of(&edited);
            let kept = kept_of(&edited, &moved);
            let (a, b) = (old.as_bytes(), new.as_bytes());
            let mut p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
            while !new.is_char_boundary(p) || !old.is_char_boundary(p) {
                p -= 1;
            }
            let max = a.len().min(b.len()) - p;
            let mut s = a.iter().rev().zip(b.iter().rev()).take(max).take_while(|(x, y)| x == y).count();
            while !(new.is_char_boundary(b.len() - s) && old.is_char_boundary(a.len() - s)) {
                s -= 1;
            }
            let again = with_repeats_again(&new, kept.clone(), &mut memo, Some((p, a.len() - s, b.len() - s)));
            proptest::prop_assert_eq!(again, with_repeats(&new, kept), "{:?} → {:?}", old, new);
        }
    }
}
