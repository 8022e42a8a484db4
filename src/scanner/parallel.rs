//! One scan on two threads (native builds only; the module is left out of the
//! WebAssembly build, which has one thread).
//!
//! A long text is cut at a line start near the middle and each half is read on its
//! own thread, with a margin of whole lines beyond the cut; a text of one long line is
//! split by kind instead. Either way the candidates are the ones a single pass finds,
//! in the same order. The scanner hands in how it reads a part (`FindKept`), so this
//! module knows threads and cuts, not the pipeline.

use super::builder::PARALLEL_MIN_BYTES;
use crate::entity::Kind;
use crate::recognize::{Recognizer, Shared};
use crate::types::{Candidate, Input};
use std::ops::Range;

/// How the scanner reads one part of a text: the candidates `recognizers` find in
/// `part`, which starts at byte `from` of the whole text, moved to offsets in the
/// whole text, kept if they start in `keep`, and judged in the whole text.
pub(super) type FindKept<'s> = dyn Fn(&[Shared], &Input<'_>, usize, Range<usize>) -> Vec<Candidate> + Sync + 's;

/// The candidates of `input` read on two threads, or `None` when the scan should run
/// on one (one thread allowed, a short text, or nothing to split). Candidates come in
/// registry order, as from one pass.
pub(super) fn recognize(
    threads: usize,
    recognizers: &[Shared],
    input: &Input<'_>,
    find_kept: &FindKept<'_>,
) -> Option<Vec<Candidate>> {
    let text = input.text;
    if threads <= 1 || text.len() < PARALLEL_MIN_BYTES {
        return None;
    }
    if let Some(parts) = Halves::of(text) {
        return Some(recognize_halves(recognizers, input, parts, find_kept));
    }
    // One long line: split by kind instead. The registry ends with the token-based
    // recognisers (names, addresses): they share the tokens and stay here; the others
    // go to the helper.
    let k = recognizers.iter().position(|r| token_based(r.as_ref())).unwrap_or(recognizers.len() / 2);
    if k > 0 && k < recognizers.len() {
        let (helper, here) = recognizers.split_at(k);
        let field = input.field;
        let (mut cands, mut mine) = on_two_threads(
            || find_kept(helper, &Input::new(text, field), 0, 0..text.len()),
            || find_kept(here, input, 0, 0..text.len()),
        );
        cands.append(&mut mine);
        return Some(cands);
    }
    None
}

/// Runs every recogniser over the two halves of a long text at once: the first half
/// here, the second on a scoped helper thread. Each half is read with a margin of
/// whole lines beyond the cut (more than any recogniser looks around a value) and
/// keeps only the candidates that start on its side; context is then read in the
/// whole text, and the tokens of both halves carry the lower-case flag of the whole.
/// So the candidates are the ones a single pass finds.
fn recognize_halves(recognizers: &[Shared], input: &Input<'_>, h: Halves, find_kept: &FindKept<'_>) -> Vec<Candidate> {
    let (text, field) = (input.text, input.field);
    let all_lower = recognizers.iter().any(|r| token_based(r.as_ref())).then(|| crate::tokens::all_lower_of(text));
    let part = |from: usize, to: usize, keep: std::ops::Range<usize>| {
        let mut part = Input::new(&text[from..to], field);
        part.whole_all_lower = all_lower;
        part.wanted = keep.start - from..keep.end - from;
        part
    };
    let (second, mut first) = on_two_threads(
        || {
            find_kept(
                recognizers,
                &part(h.second_from, text.len(), h.cut..text.len()),
                h.second_from,
                h.cut..text.len(),
            )
        },
        || find_kept(recognizers, &part(0, h.first_to, 0..h.cut), 0, 0..h.cut),
    );
    first.extend(second);
    first
}

/// Where a long text is cut for two threads: the first half reads `..first_to` and
/// keeps candidates starting before `cut`, the second reads `second_from..` and keeps
/// the rest.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Halves {
    cut: usize,
    first_to: usize,
    second_from: usize,
}

impl Halves {
    /// Bytes and lines each half reads beyond the cut. Recognisers look a few words
    /// or lines around a value; a margin far wider keeps every look inside.
    const MARGIN_BYTES: usize = 4096;
    const MARGIN_LINES: usize = 8;

    /// The cut at the line start nearest the middle (at a blank line if one is
    /// near), or `None` for a text without enough lines.
    fn of(text: &str) -> Option<Halves> {
        let b = text.as_bytes();
        let mid = b.len() / 2;
        let (lo, hi) = (b.len() / 4, b.len() * 3 / 4);
        // A paragraph start within 4 KB of the middle, else any line start.
        let near = |pat: &[u8]| {
            let after = b[mid..hi].windows(pat.len()).position(|w| w == pat).map(|p| mid + p + pat.len());
            let before = b[lo..mid].windows(pat.len()).rposition(|w| w == pat).map(|p| lo + p + pat.len());
            match (before, after) {
                (Some(x), Some(y)) => Some(if mid - x <= y - mid { x } else { y }),
                (x, y) => x.or(y),
            }
        };
        let cut = near(b"\n\n").filter(|&c| c.abs_diff(mid) <= Self::MARGIN_BYTES).or_else(|| near(b"\n"))?;
        // Line starts at least the margin away on both sides.
        let mut first_to = (cut + Self::MARGIN_BYTES).min(b.len());
        let mut lines = b[cut..first_to].iter().filter(|&&x| x == b'\n').count();
        while first_to < b.len() && (lines < Self::MARGIN_LINES || b[first_to - 1] != b'\n') {
            lines += usize::from(b[first_to] == b'\n');
            first_to += 1;
        }
        let mut second_from = cut.saturating_sub(Self::MARGIN_BYTES);
        let mut lines = b[second_from..cut].iter().filter(|&&x| x == b'\n').count();
        while second_from > 0 && (lines <= Self::MARGIN_LINES || b[second_from - 1] != b'\n') {
            second_from -= 1;
            lines += usize::from(b[second_from] == b'\n');
        }
        Some(Halves { cut, first_to, second_from })
    }
}

/// True for the recognisers that read the word tokens (names and addresses).
fn token_based(r: &dyn Recognizer) -> bool {
    r.kinds().iter().any(|k| matches!(k, Kind::Person | Kind::StreetAddress | Kind::PostalCity))
}

/// Runs `there` on a scoped helper thread while `here` runs on this one; a panic on
/// the helper goes on here.
fn on_two_threads<A: Send, B>(there: impl FnOnce() -> A + Send, here: impl FnOnce() -> B) -> (A, B) {
    std::thread::scope(|s| {
        let helper = s.spawn(there);
        let b = here();
        match helper.join() {
            Ok(a) => (a, b),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::Halves;

    #[test]
    fn halves_cut_at_line_starts_with_margins() {
        let para = "Hallo Anna,\nbitte ruf mich an.\nGrüße\n\n";
        let text = para.repeat(3000);
        let h = Halves::of(&text).unwrap();
        let b = text.as_bytes();
        // At a paragraph start near the middle.
        assert!(h.cut.abs_diff(text.len() / 2) <= para.len());
        assert_eq!(&b[h.cut - 2..h.cut], b"\n\n");
        // Both halves read whole lines, at least the margin past the cut.
        assert!(h.first_to >= h.cut + Halves::MARGIN_BYTES && b[h.first_to - 1] == b'\n');
        assert!(h.second_from + Halves::MARGIN_BYTES <= h.cut && b[h.second_from - 1] == b'\n');
        // Without blank lines: a line start; without lines: no cut.
        let lines = text.replace("\n\n", "\n");
        let h = Halves::of(&lines).unwrap();
        assert_eq!(lines.as_bytes()[h.cut - 1], b'\n');
        assert_eq!(Halves::of(&text.replace('\n', " ")), None);
        // Few long lines: the margin grows to whole lines, up to the ends of the text.
        let long = format!("{}\n{}\n{}", "a".repeat(50_000), "b".repeat(50_000), "c".repeat(50_000));
        let h = Halves::of(&long).unwrap();
        assert_eq!((h.cut, h.first_to, h.second_from), (50_001, long.len(), 0));
    }
}
