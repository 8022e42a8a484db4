//! Rescans while a person types: only the region around an edit is read again.
//!
//! [`Rescan`] keeps what the recognisers proposed for the previous text (normalised,
//! before context and threshold), each candidate tagged with the recogniser that
//! proposed it, and its score once judged (after context and threshold, before
//! overlaps are resolved; or that it was not kept). For the next text, the edit is the
//! part between the longest common prefix and suffix of the two normalised texts.
//! What proposes a candidate lies within its recogniser's reach (`Recognizer::reach`)
//! of its start: the identifier kinds, birth dates, names and addresses decide within
//! a few words or lines ([`Reach::NEAR`]); where a table's cell separator stands
//! within the longest reach of the edit, the reach in tables
//! (`Recognizer::reach_in_tables`: a name's or birth date's column header up to 600
//! bytes above). So each recogniser finds again only the candidates starting from its
//! `ahead` before the edit to its `back` after it (its zone), reading the zone with
//! the margins of its reach; recognisers of the same reach share one part (and its
//! word tokens). What judges a candidate — the context words,
//! a table's header row, a company's signature, the words that make a host a person's
//! homepage or a plate one in a text about a vehicle (`Recognizer::judge`) — lies
//! further away ([`Reach::JUDGING`], the longest
//! reach): every candidate starting within that of the edit is judged again, whether
//! found again or taken as it was proposed (a signature typed 300 bytes below an
//! account makes it the company's, though the bank recogniser reads no further than
//! 192 bytes on). This is the scheme of the two-thread
//! split of a long text (`parallel`): read a part with margins, keep what starts
//! inside, judge context in the whole text. Candidates further away are moved by
//! the edit's change of length and kept. The word tokens of the part and the matches of
//! the cue-word sets searched in every text (`Literals::matches`) are kept as well:
//! read again from the same place after an edit, the part takes those before the edit
//! again (`Tokens::after_edit`; the cue matches after it too, moved), and a full
//! scan's serve a part that starts the text.
//!
//! One thing reaches further than any recogniser reads: a name found makes the same
//! word a name again up to 600 bytes on (`Recognizer::learns`). The state keeps the
//! words learned so, and hands the name recogniser's part those learned before its
//! zone; the part learns only from the names it keeps. Where the words learned in the
//! zone changed (a name typed, or its cue), the names up to 600 bytes after them are
//! found again, and so are those that an edit moved into or out of the 600 bytes of a
//! word learned before it (`tests/rescan.rs` keeps a case of each).
//!
//! Everything after the recognisers runs over the whole text again, as in a full scan:
//! custom patterns and the deny list, overlaps, the allow list and — why findings are
//! not local — the every-occurrence stage (`repeats`): a value found once is masked
//! wherever it stands, so adding or removing a value in the edited region changes
//! findings anywhere in the text. That stage keeps what it found in the previous text
//! and looks again only near the edit as long as the set of values stays the same
//! (`repeats::with_repeats_again`); the other stages are cheap.
//!
//! A full scan is made instead when there is no previous text, when the field hints
//! changed, when the text changed from all lower case to not or back (the name
//! recogniser reads that flag of the whole text), or when the candidates to find again
//! would start in most of the text anyway. A part may be read whole (the middle of a
//! short text): the candidates outside the region are still kept as they were, not
//! judged again, and the recognisers may skip them (`Input::wants`).
//!
//! The reaches: the longest look back is a table's header or (as they are judged) a
//! homepage's cue or a plate beside a vehicle word up to 600 bytes before; looks ahead
//! are shorter (the context
//! window's three words, the lines of an address); [`Reach::LONGEST`] leaves room to
//! spare. `tests/rescan.rs` holds incremental findings equal to full scans over
//! random texts and edits (and fails with reaches of 16 bytes); the registry's
//! `recognisers_decide_within_their_reach` holds each shorter reach a recogniser
//! declares.
//!
//! A name found as the repeat of a word learned before is not learned from in turn
//! (see the name recogniser), so repeats do not chain. But an edit can turn such a
//! repeat into a name found on evidence of its own, whose words then reach 600 bytes
//! further: a rescan finds names again 600 bytes after the words that changed, not
//! after those that changed because of them (a case for the preview's rule below).
//! `rescans_equal_full_scans_where_values_repeat` checks texts whose values and names
//! repeat.
//!
//! The reaches are bytes; what some recognisers read is bounded by words, lines or
//! the whole text instead, so a rescan can differ from a full scan where that lies
//! further away: a context window of very long words or wide blank runs, a run of
//! digit groups chained over a long line, values read one after another where each
//! ends decides where the next can start (a run of plates or of date pieces). A
//! recogniser's quick test of the whole text before its work (is there a cue, a
//! sign?) must pass every text in which its reading near a value would find one, or
//! the value depends on text far away (the web, birth-date and bank recognisers
//! each keep a test of a value read the same alone and after other text). A rescan
//! is therefore a preview: what leaves the page is masked with a full scan's findings
//! (`www/src/protect/engine.js`, `settledNow`), and the preview becomes one when
//! typing pauses.

use super::Scanner;
use crate::error::Error;
use crate::field::{FieldClass, FieldHints};
use crate::normalize::Normalized;
use crate::recognize::util::{word_back as back, word_forward as forward, Reach};
use crate::types::{Candidate, Finding, Input, KeptPart, Learned};
use std::ops::Range;

/// The state of rescans of one field: the previous text and what the recognisers
/// proposed in it. Empty at first (the first rescan is a full scan).
#[derive(Debug, Default, Clone)]
pub struct Rescan {
    ntext: String,
    class: FieldClass,
    all_lower: bool,
    /// What the recognisers proposed, before judgement, in the order of a full scan.
    proposed: Vec<Proposed>,
    /// The words the recogniser that learns (`Recognizer::learns`) learned from its
    /// candidates.
    learned: Vec<Learned>,
    valid: bool,
    /// Bytes the recognisers read in the last rescan (the whole text for a full scan).
    read: usize,
    /// What the every-occurrence stage found in the previous text.
    repeats: super::repeats::Memo,
    /// What the parts the recognisers read last keep (where each lies in `ntext`, and
    /// its word tokens and cue matches): a part starting there again takes those
    /// before the edit again (and the cue matches after it) instead of reading them.
    parts: Vec<(Range<usize>, KeptPart)>,
}

impl Rescan {
    /// A state without a previous text.
    pub fn new() -> Rescan {
        Rescan::default()
    }

    /// Forgets the previous text: the next rescan is a full scan.
    pub fn clear(&mut self) {
        *self = Rescan::default();
    }

    /// Bytes of the normalised text the recognisers read in the last rescan.
    pub fn last_read(&self) -> usize {
        self.read
    }
}

/// A candidate as its recogniser proposed it (`tag`: the recogniser's index in
/// registry order) and its score once judged (`None`: not kept). A rescan finds again
/// only what lies within its recogniser's reach of the edit and judges again what lies
/// within [`Reach::JUDGING`] of it: the rest is taken as it was.
#[derive(Debug, Clone)]
struct Proposed {
    tag: u16,
    c: Candidate,
    judged: Option<f32>,
}

impl Proposed {
    /// The candidate as judged, if it was kept.
    fn kept(&self) -> Option<Candidate> {
        self.judged.map(|score| Candidate { score, ..self.c.clone() })
    }

    /// Moved by `by` bytes (an edit's change of length before it).
    fn moved(&self, by: isize) -> Proposed {
        let mut p = self.clone();
        p.c.start = p.c.start.wrapping_add_signed(by);
        p.c.end = p.c.end.wrapping_add_signed(by);
        p
    }
}

/// The edit between `old` and `new`: `(start, old_end, new_end)`, on char boundaries.
fn edit_of(old: &str, new: &str) -> (usize, usize, usize) {
    let (a, b) = (old.as_bytes(), new.as_bytes());
    let mut p = crate::bytes::common_prefix(a, b);
    while p > 0 && !new.is_char_boundary(p) {
        p -= 1;
    }
    let max = a.len().min(b.len()) - p;
    let mut s = crate::bytes::common_suffix(a, b, max);
    while s > 0 && !(new.is_char_boundary(b.len() - s) && old.is_char_boundary(a.len() - s)) {
        s -= 1;
    }
    (p, a.len() - s, b.len() - s)
}

/// What a rescan reads again: candidates starting in `keep` are judged again; the
/// recognisers of each reach find again the candidates starting in their `zone`,
/// reading their part of the text (`read`). Ranges of the new text; the old text's
/// end where the edit ends in the new one (`old_end`, `new_end`).
struct Region {
    keep: Range<usize>,
    zones: Vec<Zone>,
    /// Each recogniser's reach for this edit (registry order).
    of: Vec<Reach>,
    /// Where the edit starts (in both texts) and ends in the old and the new text.
    start: usize,
    old_end: usize,
    new_end: usize,
}

/// Where the recognisers of one reach find again (`zone`) and what they read (`read`).
struct Zone {
    reach: Reach,
    zone: Range<usize>,
    read: Range<usize>,
}

/// Where a rescan puts what it finds again: the candidates, the range of those judged
/// again and the range of the text read.
struct Found<'a> {
    all: &'a mut Vec<Proposed>,
    keep: &'a mut Range<usize>,
    read: &'a mut Range<usize>,
}

impl Region {
    /// The edit's change of length: what moves the offsets after it.
    fn by(&self) -> isize {
        self.new_end as isize - self.old_end as isize
    }

    /// `at` in the old text, for an offset `at` of the new text outside the edit.
    fn old(&self, at: usize) -> usize {
        if at >= self.new_end {
            at - self.new_end + self.old_end
        } else {
            at
        }
    }
}

impl Scanner {
    /// Findings in `text`, reading again only the region around what changed since the
    /// text `state` last saw; `state` then holds `text`. They are those of
    /// [`Scanner::scan`] whenever what decides each candidate lies within the reach
    /// (see the module docs); for a text that leaves the page, scan it whole.
    pub fn rescan(&self, state: &mut Rescan, text: &str, field: Option<&FieldHints>) -> Result<Vec<Finding>, Error> {
        self.check_size(text)?;
        let norm = Normalized::new(text);
        let ntext = norm.text();
        let class = field.map(FieldHints::classify).unwrap_or_default();
        let all_lower = crate::tokens::all_lower_of(ntext);
        let mut input = Input::new(ntext, class);
        input.keeping();
        let same_frame = state.valid && state.class == class && state.all_lower == all_lower;
        let edit = state.valid.then(|| edit_of(&state.ntext, ntext));
        let region = edit.filter(|_| same_frame).and_then(|e| self.region_of(state, ntext, e));
        let columns = crate::table::header_classes(ntext);
        let full = region.is_none();
        let proposed = match region {
            Some(region) => self.merge(state, &input, &region, all_lower, &columns),
            None => {
                state.read = ntext.len();
                if let Some((was, kept)) = take_part(&mut state.parts, 0) {
                    input.reuse(kept, &state.ntext[was]);
                }
                let mut all = self.find_tagged(&input, 0, 0..ntext.len(), &|_| true);
                self.judge(&mut all, ntext, &columns, &input.field, 0..ntext.len());
                state.learned = input.learned.take();
                all
            }
        };
        let cands = proposed.iter().filter_map(Proposed::kept).collect();
        let found = self.finish(text, &norm, &input, cands, Some((&mut state.repeats, edit)));
        if full {
            // (what the whole text keeps, for a next part that starts at its start)
            state.parts = input.kept().map(|k| (0..ntext.len(), k)).into_iter().collect();
        }
        state.ntext.clear();
        state.ntext.push_str(ntext);
        (state.class, state.all_lower, state.proposed, state.valid) = (class, all_lower, proposed, true);
        Ok(found)
    }

    /// The region read again, or `None` when a full scan costs about the same (the
    /// candidates to judge again would start in most of the text).
    fn region_of(&self, state: &Rescan, ntext: &str, (p, old_end, new_end): (usize, usize, usize)) -> Option<Region> {
        // A recogniser reads further where a table may stand (`reach_in_tables`): a
        // cell separator within the longest reach of the edit, or one it removed.
        use crate::table::has_cell_sep;
        let removed = &state.ntext.as_bytes()[p..old_end];
        let longest = Reach::LONGEST;
        let around = longest.around(ntext, back(ntext, p, longest.ahead)..forward(ntext, new_end, longest.back));
        let table = has_cell_sep(&ntext.as_bytes()[around]) || has_cell_sep(removed);
        let of: Vec<Reach> =
            self.recognizers.iter().map(|r| if table { r.reach_in_tables() } else { r.reach() }).collect();
        let mut reaches: Vec<Reach> = Vec::with_capacity(2);
        for &r in &of {
            if !reaches.contains(&r) {
                reaches.push(r);
            }
        }
        // A table row is read whole (its cells are classed by their column's header
        // only while it holds as many separators as the header): an edit that adds or
        // removes a separator or a line break in a row reaches every cell of its line.
        let added = &ntext.as_bytes()[p..new_end];
        let mut row = p;
        if [added, removed].iter().any(|b| has_cell_sep(b) || b.contains(&b'\n')) {
            let b = ntext.as_bytes();
            let line = crate::bytes::rfind_byte(&b[..p], b'\n').map_or(0, |i| i + 1);
            let line_end = crate::bytes::find_byte(&b[new_end..], b'\n').map_or(b.len(), |i| new_end + i);
            if has_cell_sep(&b[line..line_end]) || has_cell_sep(removed) {
                row = line;
            }
        }
        // The candidates starting from `reach.ahead` before the edit to `reach.back`
        // after it (and every cell of an edited row); one kept from before may not
        // reach into them.
        let starts = |reach: Reach, which: &dyn Fn(u16) -> bool| {
            let mut from = back(ntext, p, reach.ahead).min(row);
            while let Some(c) =
                state.proposed.iter().filter(|x| which(x.tag)).map(|x| &x.c).find(|c| c.start < from && c.end > from)
            {
                from = back(ntext, c.start, 0);
            }
            from..forward(ntext, new_end, reach.back)
        };
        // What the scoring reads around every candidate is the longest reach: it is
        // judged again wherever the edit lies within that of its start.
        let mut keep = starts(Reach::JUDGING, &|_| true);
        let zones: Vec<Zone> = reaches
            .into_iter()
            .map(|reach| {
                let zone = starts(reach, &|t| of[usize::from(t)] == reach);
                // (what is found again is judged again)
                keep = keep.start.min(zone.start)..keep.end.max(zone.end);
                Zone { reach, read: reach.around(ntext, zone.clone()), zone }
            })
            .collect();
        if (keep.end - keep.start) * 4 > ntext.len() * 3 {
            return None;
        }
        Some(Region { keep, zones, of, start: p, old_end, new_end })
    }

    /// What the recognisers proposed in the old text outside their zones (moved by the
    /// edit) and what they propose now inside them, in the order of a full scan; then
    /// every candidate in the region's `keep` judged again.
    fn merge(
        &self,
        state: &mut Rescan,
        input: &Input<'_>,
        region: &Region,
        all_lower: bool,
        columns: &[(usize, usize, FieldClass)],
    ) -> Vec<Proposed> {
        let text = input.text;
        let by = region.by();
        let zone_of = |tag: usize| {
            let reach = region.of[tag];
            region.zones.iter().find(|z| z.reach == reach).expect("a zone per reach").zone.clone()
        };
        let mut all: Vec<Proposed> = Vec::with_capacity(state.proposed.len() + 8);
        for x in &state.proposed {
            let zone = zone_of(usize::from(x.tag));
            if x.c.start < zone.start {
                all.push(x.clone());
            } else if x.c.start >= region.old(zone.end) {
                all.push(x.moved(by));
            }
        }
        // The recogniser that learns words from its candidates is handed those it
        // learned before its zone; it learns again in its zone.
        let learner = self.recognizers.iter().position(|r| r.learns() > 0);
        let mut learned: Vec<Learned> = Vec::new();
        let (mut first, mut last) = (text.len(), 0);
        let mut parts = Vec::with_capacity(region.zones.len());
        let frame = (input.field, all_lower);
        for Zone { reach, zone, read } in &region.zones {
            let learns =
                learner.filter(|&l| region.of[l] == *reach).map(|l| (&state.learned[..], self.recognizers[l].learns()));
            let reuse = take_part(&mut state.parts, read.start).map(|(was, kept)| (kept, &state.ntext[was]));
            (first, last) = (first.min(read.start), last.max(read.end));
            let mine = |t: u16| region.of[usize::from(t)] == *reach;
            let (words, kept) = self.find_in_part(text, read, zone, frame, learns, reuse, &mine, &mut all);
            if learns.is_some() {
                learned = words;
            }
            parts.extend(kept.map(|k| (read.clone(), k)));
        }
        state.parts = parts;
        let mut keep = region.keep.clone();
        if let Some(l) = learner {
            let mut read = first..last;
            let found = Found { all: &mut all, keep: &mut keep, read: &mut read };
            state.learned = self.learn_again(l, &state.learned, learned, text, region, &zone_of(l), frame, found);
            (first, last) = (read.start, read.end);
        }
        state.read = last - first;
        // Registry order; within one recogniser, by start: before its zone, in it,
        // after it.
        crate::sort::sort_by_key(&mut all, |x| (x.tag, x.c.start));
        self.judge(&mut all, text, columns, &input.field, keep);
        all
    }

    /// The words the recogniser `l` (which learns words, see `Recognizer::learns`)
    /// learned in the new text: those before its `zone` as they were, those in it as
    /// it learned them again (`now`), those after it moved. Where the edit changed
    /// what a word learned reaches, its candidates are found again (into `found`).
    #[allow(clippy::too_many_arguments)]
    fn learn_again(
        &self,
        l: usize,
        was: &[Learned],
        now: Vec<Learned>,
        text: &str,
        region: &Region,
        zone: &Range<usize>,
        frame: (FieldClass, bool),
        found: Found<'_>,
    ) -> Vec<Learned> {
        let by = region.by();
        let far = self.recognizers[l].learns();
        let (before, after) = (zone.start, region.old(zone.end));
        let (mut words, mut was_in) = (Vec::new(), Vec::new());
        for w in was {
            if w.from < before {
                words.push(*w);
            } else if w.from < after {
                was_in.push(*w);
            }
        }
        let changed_to = changed(&was_in, &now, region).map(|end| end + far);
        words.extend_from_slice(&now);
        for w in was {
            if w.from >= after {
                words.push(w.moved(by));
            }
        }
        // A word learned that the edit changed makes the same word a candidate again
        // (or no more) up to `far` after it; and an edit that moves a word learned
        // before it closer to the same word after it, or further from it, changes
        // whether that word lies within `far` of it: those are found again.
        // (one range from the first to the last of them: rarely more than one)
        let (mut from, mut to) = (text.len(), changed_to.map_or(0, |to| forward(text, to, 0)));
        if to > zone.end {
            from = zone.end;
        }
        for w in words.iter().filter(|w| w.end <= region.start) {
            let until = w.end + far;
            // (the words starting here were within `far` of it and are no more, or
            // the other way round)
            let moved = if by > 0 {
                until + 1..until + 1 + by.unsigned_abs()
            } else {
                until + 1 - by.unsigned_abs()..until + 1
            };
            for at in moved.start.max(zone.end)..moved.end.min(text.len()) {
                if starts_with_lower(&text.as_bytes()[at..], &text.as_bytes()[w.start..w.end]) {
                    (from, to) = (from.min(at), to.max(forward(text, at, far)));
                }
            }
        }
        if from < to {
            let more = from.max(zone.end)..to;
            let read = region.of[l].around(text, more.clone());
            found.all.retain(|x| usize::from(x.tag) != l || !more.contains(&x.c.start));
            let mine = |t: u16| usize::from(t) == l;
            let (now, _) = self.find_in_part(text, &read, &more, frame, Some((&words, far)), None, &mine, found.all);
            words.retain(|w| !more.contains(&w.from));
            words.extend_from_slice(&now);
            *found.read = found.read.start.min(read.start)..found.read.end.max(read.end);
            *found.keep = found.keep.start.min(more.start)..found.keep.end.max(more.end);
        }
        words
    }

    /// What the recognisers `which` selects propose in the part `read` of `text`,
    /// keeping those starting in `zone` (tagged, not judged yet: into `all`). The
    /// part is handed the words `learned` in `text` before the zone (with how far each
    /// reaches) if one of them learns, and what it kept before the edit (`reuse`).
    /// The words learned in the zone (moved to offsets of the text), and what the
    /// part keeps.
    #[allow(clippy::too_many_arguments)]
    fn find_in_part<'t>(
        &self,
        text: &'t str,
        read: &Range<usize>,
        zone: &Range<usize>,
        (field, all_lower): (FieldClass, bool),
        learned: Option<(&[Learned], usize)>,
        reuse: Option<(KeptPart, &'t str)>,
        which: &dyn Fn(u16) -> bool,
        all: &mut Vec<Proposed>,
    ) -> (Vec<Learned>, Option<KeptPart>) {
        let mut part = Input::new(&text[read.clone()], field);
        part.whole_all_lower = Some(all_lower);
        part.wanted = zone.start - read.start..zone.end - read.start;
        part.keeping();
        if let Some((words, far)) = learned {
            part.learned_before = Some(Learned::before(words, text, zone.start, read.start, far));
        }
        if let Some((kept, old)) = reuse {
            part.reuse(kept, old);
        }
        all.extend(self.find_tagged(&part, read.start, zone.clone(), which));
        let mut now = Vec::new();
        for w in part.learned.take() {
            let w = w.moved(read.start as isize);
            if zone.contains(&w.from) {
                now.push(w);
            }
        }
        (now, part.kept())
    }

    /// What the recognisers `which` selects (by registry index) propose in `part`,
    /// which starts at byte `from` of the text: moved to offsets in the text, those
    /// starting in `keep`, tagged with their recogniser and not judged yet.
    fn find_tagged(
        &self,
        part: &Input<'_>,
        from: usize,
        keep: Range<usize>,
        which: &dyn Fn(u16) -> bool,
    ) -> Vec<Proposed> {
        let mut v = Vec::new();
        let mut tags: Vec<u16> = Vec::new();
        for (i, r) in self.recognizers.iter().enumerate() {
            if which(i as u16) {
                r.find(part, &mut v);
                tags.resize(v.len(), i as u16);
            }
        }
        tags.into_iter()
            .zip(v)
            .filter_map(|(tag, mut c)| {
                c.start += from;
                c.end += from;
                keep.contains(&c.start).then_some(Proposed { tag, c, judged: None })
            })
            .collect()
    }

    /// Judges the candidates of `all` starting in `keep` ([`Scanner::judge_kept`], context
    /// read in `text`).
    fn judge(
        &self,
        all: &mut [Proposed],
        text: &str,
        columns: &[(usize, usize, FieldClass)],
        field: &FieldClass,
        keep: Range<usize>,
    ) {
        let mut win = crate::context::Window::default();
        for x in all.iter_mut().filter(|x| keep.contains(&x.c.start)) {
            let mut c = x.c.clone();
            let r = &*self.recognizers[usize::from(x.tag)];
            x.judged = self.judge_kept(r, &mut c, &mut win, text, columns, field).then_some(c.score);
        }
    }
}

/// Where the last word ends that the edit made learned or no longer learned: `was`
/// (the old text's words in the zone) against `now` (the new text's), `None` when
/// they are the same words in the same places. A word the edit touched counts as
/// changed, ending where the edit ends.
fn changed(was: &[Learned], now: &[Learned], region: &Region) -> Option<usize> {
    let by = region.by();
    let (mut same, mut end) = (was.len() == now.len(), 0);
    for (i, w) in was.iter().enumerate() {
        // (where the word is in the new text; none inside the edit)
        let at = if w.end <= region.start {
            Some(*w)
        } else if w.start >= region.old_end {
            Some(w.moved(by))
        } else {
            None
        };
        same &= at.is_some() && now.get(i) == at.as_ref();
        end = end.max(at.map_or(region.new_end, |w| w.end));
    }
    for w in now {
        same &= w.end <= region.start || w.start >= region.new_end;
        end = end.max(w.end);
    }
    (!same).then_some(end)
}

/// `text` may start with `word` when both are lower-cased: ASCII letters are compared
/// ignoring case, the bytes of other letters are taken to match.
fn starts_with_lower(text: &[u8], word: &[u8]) -> bool {
    text.len() >= word.len() && text.iter().zip(word).all(|(a, b)| !a.is_ascii() || a.eq_ignore_ascii_case(b))
}

/// What was kept of the part that started at `start` in the previous text, if one did.
fn take_part(parts: &mut Vec<(Range<usize>, KeptPart)>, start: usize) -> Option<(Range<usize>, KeptPart)> {
    parts.iter().position(|(was, _)| was.start == start).map(|i| parts.swap_remove(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_edit_is_between_common_prefix_and_suffix() {
        assert_eq!(edit_of("Hallo Anna", "Hallo Anna!"), (10, 10, 11));
        assert_eq!(edit_of("abc", "abc"), (3, 3, 3));
        assert_eq!(edit_of("aXc", "aYYc"), (1, 2, 3));
        // "aa" → "aaa": prefix and suffix do not overlap.
        assert_eq!(edit_of("aa", "aaa"), (2, 2, 3));
        // On char boundaries: ä and ö share their first byte.
        assert_eq!(edit_of("xä", "xö"), (1, 3, 3));
    }
}
