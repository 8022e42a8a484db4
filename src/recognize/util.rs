//! What every recogniser shares: the [`Recognizer`] trait, pattern compilation in ASCII
//! mode, word-boundary tests, run searches over bytes, and the typing-slip comparison
//! of label words. Nothing here knows a kind of personal data.

use crate::bytes::Edit;
use crate::entity::Kind;
use crate::field::FieldClass;
use crate::types::{Candidate, CueMatches, Input, KEPT_CUE_SETS};
use regex_lite::Regex;

/// Something that finds candidates of one or more kinds.
pub trait Recognizer: Send + Sync {
    /// The kinds this recogniser can produce: its `KINDS`, by which the registry builds
    /// it only for scanners with one of them on; read here by the two-thread split of
    /// native builds (`scanner::parallel`).
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    fn kinds(&self) -> &'static [Kind];
    /// Appends candidates found in `input` to `out`.
    fn find(&self, input: &Input<'_>, out: &mut Vec<Candidate>);
    /// How far from a candidate what decides it can lie; a rescan while typing reads
    /// this far around the candidates it finds again (`scanner::incremental`).
    fn reach(&self) -> Reach {
        Reach::LONGEST
    }
    /// How far it can lie where a table may stand: where a cell separator (tab, `|`,
    /// `;`: [`crate::table::CELL_SEPS`]) stands within [`Reach::LONGEST`] of the
    /// candidate, the header row of its table up to [`crate::table::HEADER_REACH`]
    /// bytes above may decide it. A rescan reads this far around an edit with a
    /// separator within the longest reach of it (or among the bytes it removed).
    fn reach_in_tables(&self) -> Reach {
        self.reach()
    }
    /// How far (bytes) after a word it learned from a candidate of its own the
    /// recogniser reads that word as found before (0: it learns none). What it learned
    /// before a rescan's part is handed to the part ([`Input`]'s `learned_before`), so
    /// this is no part of its [`Recognizer::reach`]; a rescan finds again the
    /// candidates this far after a word it learned that the edit changed.
    fn learns(&self) -> usize {
        0
    }
    /// The score of candidate `c` it proposed, judged on what lies beyond its
    /// [`Recognizer::reach`] (`c` and `text`: the whole text the field holds, read as
    /// typed into `field`), or `None` to drop it. A rescan judges again every
    /// candidate within [`Reach::JUDGING`] of an edit, so this reads no further. By
    /// default the score proposed.
    fn judge(&self, c: &Candidate, _text: &str, _field: &FieldClass) -> Option<f32> {
        Some(c.score)
    }
}

/// How far (bytes) from the start of a candidate the text that decides it can lie:
/// whether it is proposed, its extent, kind, score and subtype. `back` counts bytes
/// before the start; `ahead` counts from the start on, the candidate itself included.
/// Both are bounds in bytes to which a reader adds the rest of the word it cuts (a
/// rescan moves the ends of the part it reads out to white space), so a value or cue
/// that is one unbroken word is never cut.
///
/// A recogniser that reads less than [`Reach::LONGEST`] says so (`Recognizer::reach`),
/// with what sets each bound; the registry's `recognisers_decide_within_their_reach`
/// holds each such bound, and `tests/rescan.rs` holds rescans equal to full scans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reach {
    /// Bytes before the candidate's start.
    pub back: usize,
    /// Bytes from the candidate's start on.
    pub ahead: usize,
}

impl Reach {
    /// The reach of a recogniser that does not say otherwise, and the longest: a
    /// table's header row stands up to [`crate::table::HEADER_REACH`] bytes above a
    /// cell (names and birth dates in tables, see [`Recognizer::reach_in_tables`]); the
    /// context window's words after a value lie ahead. Both leave room to spare.
    pub const LONGEST: Reach = Reach { back: 768, ahead: 384 };

    /// The reach of the identifier kinds (e-mail, bank, phone, identifiers, network
    /// addresses): a label or cue word among the few words before a value (at most
    /// eight, on its line or the one above), a value of at most 66 bytes, the two words
    /// after it, and the groups of a value written in groups that overlap another
    /// reading of them (up to 121 bytes on): with room for long words. Outside tables,
    /// birth dates too (`recognize::dob`: the context window, the birth sign, a name
    /// before the date on its line) and names (`recognize::person`: a cue phrase or
    /// greeting before a name, a closing line above a signature, the words of a name;
    /// what a name found further back makes a name again is handed to a rescan's part,
    /// see [`Recognizer::learns`]); streets and postal codes everywhere
    /// (`recognize::address`: a few words around them, a street's house number and
    /// locality, a postal code's city); user names and URLs (`recognize::web`: a
    /// label before a user name, a URL read within its unbroken run of bytes; what
    /// makes a host a person's homepage, up to 600 bytes before it, is read as it is
    /// judged, see [`Recognizer::judge`]); plates (`recognize::plate`: a vehicle word
    /// among the words before a plate or the word after it; a plate beside a vehicle
    /// word in its paragraph, up to 600 bytes away, is read as it is judged).
    pub const NEAR: Reach = Reach { back: 256, ahead: 192 };

    /// What the scoring reads around every candidate, whatever recogniser proposed it
    /// (`scanner::stage`, `crate::context`, `crate::table`): the context words around
    /// it, the header row of its table up to [`crate::table::HEADER_REACH`] bytes
    /// above (whose line above decides whether it is a header) — and a table's rows
    /// after a cell change how it is read — and, in a text with no table too, a
    /// company's signature up to 600 bytes before and 360 after an account
    /// (`context::company`: "Accounts Team" below "our bank details" makes the IBAN
    /// above the company's). `tests/rescan.rs` keeps a case where [`Reach::NEAR`]
    /// would miss the signature. A rescan judges again every candidate within this of
    /// an edit (and finds again those within its recogniser's reach). The ahead bound
    /// is the longest one's, with room to spare: a shorter one (192 bytes) made rescans
    /// differ from full scans in tables.
    pub const JUDGING: Reach = Reach::LONGEST;

    /// The part of `text` a recogniser of this reach reads to judge the candidates
    /// starting in `starts`: `back` bytes before them to `ahead` bytes after the last
    /// start, each end moved out to white space.
    pub(crate) fn around(self, text: &str, starts: std::ops::Range<usize>) -> std::ops::Range<usize> {
        word_back(text, starts.start, self.back)..word_forward(text, starts.end, self.ahead)
    }
}

/// `at` moved back by `margin` bytes, then to the start of a word (after white space).
#[inline(never)]
pub(crate) fn word_back(text: &str, at: usize, margin: usize) -> usize {
    let b = text.as_bytes();
    let mut i = at.saturating_sub(margin);
    while i > 0 && !b[i - 1].is_ascii_whitespace() {
        i -= 1;
    }
    i
}

/// `at` moved on by `margin` bytes, then to the end of a word (before white space).
#[inline(never)]
pub(crate) fn word_forward(text: &str, at: usize, margin: usize) -> usize {
    let b = text.as_bytes();
    let mut i = (at + margin).min(b.len());
    while i < b.len() && !b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// A built-in pattern, compiled the first time it is searched (searched in `&str`;
/// classes like `\w` and `\b`, and ignoring case, are ASCII-only in `regex_lite`).
///
/// Compiling every built-in pattern took most of a scanner's build (about two thirds of
/// its instructions, 50–100 ms in a browser) and many patterns are only searched once a
/// cheaper test found their cue (an `@`, a URL host, a label word). Compiled lazily,
/// a page's protection is ready without them, and a pattern costs its compilation on
/// the first text that needs it (or when the page warms the engine up at idle).
/// Dereferences to the compiled [`Regex`]; built-in patterns are tested, so a failure
/// to compile is a bug in this crate and panics.
pub(crate) struct Pattern {
    source: String,
    compiled: std::sync::OnceLock<Regex>,
}

impl Pattern {
    /// The pattern as written.
    #[cfg(test)]
    pub(crate) fn source(&self) -> &str {
        &self.source
    }

    /// True once the pattern has been compiled (for tests of the lazy start-up).
    #[cfg(test)]
    pub(crate) fn is_compiled(&self) -> bool {
        self.compiled.get().is_some()
    }
}

impl std::ops::Deref for Pattern {
    type Target = Regex;

    fn deref(&self) -> &Regex {
        self.compiled.get_or_init(|| compile(&self.source))
    }
}

/// A built-in pattern, compiled on first use (see [`Pattern`]).
pub(crate) fn re(pattern: &str) -> Pattern {
    Pattern { source: pattern.to_string(), compiled: std::sync::OnceLock::new() }
}

/// Compiles a built-in pattern now. Built-in patterns are tested, so a failure here is
/// a bug in this crate.
pub(crate) fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("built-in pattern does not compile: {e}"))
}

/// A pattern compiled as the crate compiled its built-in patterns before they were
/// read by hand or searched with `regex_lite`: `regex::bytes` in ASCII mode. Property
/// tests compare a hand-written search with it.
#[cfg(test)]
pub(crate) fn reference(pattern: &str) -> regex::bytes::Regex {
    regex::bytes::RegexBuilder::new(pattern).unicode(false).build().unwrap()
}

/// A set of literal words searched like the pattern `a|b|…` over folded (lower-case)
/// text: leftmost first, and at one start the first alternative listed that matches,
/// matches not overlapping. An alternative may require an ASCII word boundary (`\b`,
/// what [`is_word`] tells apart) before or after it: `\bnat\b`. Written as that
/// pattern would be, without other syntax (`.` is a dot): `"geb|born|d.o.b|\bage\b"`;
/// inside a word (not in its first three bytes) `\s` stands for one ASCII white-space
/// byte and `\s+` for a run of them, as in a pattern (`user\sname|nome\s+utente`).
///
/// Built without compiling anything (a scanner is ready at once), for the cue words a
/// recogniser looks for in every text before its own work.
pub(crate) struct Literals {
    /// Per alternative: where its bytes are in `bytes`, its two boundary flags, and
    /// whether it holds white space ([`SPACE`], [`SPACES`]).
    alts: Vec<(usize, usize, bool, bool, bool)>,
    bytes: Vec<u8>,
    /// Per first byte: the alternatives starting with it, in the order listed.
    by_first: Vec<Vec<u16>>,
    /// Which first bytes start an alternative (`by_first` index + 1, 0 for none).
    first: [u8; 256],
    /// One bit per pair of bytes that starts an alternative (every one has two or
    /// more): most places in a text are passed over on one look-up.
    pairs: Box<[u64; 1024]>,
    /// One bit per pair that is a whole alternative, and per hash of the first three
    /// bytes of a longer one ([`Literals::three`]): of the places a pair lets through
    /// (common pairs such as `in`, `re`), most are passed over on a second look-up.
    whole_pairs: Box<[u64; 1024]>,
    threes: Box<[u64; 1024]>,
    /// True if every alternative starts with an ASCII letter or digit after a word
    /// boundary: a match starts where a run of letters and digits does, so only those
    /// places are looked at (about one byte in six of prose).
    word_starts: bool,
    /// The length of the longest alternative; `None` if one holds a run of white space
    /// (then what a match reads is not bounded).
    longest: Option<usize>,
    /// The slot of a rescan's part where this set's matches are kept between
    /// rescans ([`Literals::matches`]), if they are.
    kept: Option<usize>,
}

/// Slots of the sets whose matches a rescan keeps (one for each of [`KEPT_CUE_SETS`]).
pub(crate) mod kept {
    /// The vehicle words of the plate recogniser.
    pub const PLATE: usize = 0;
    /// The web recogniser's cues.
    pub const WEB: usize = 1;
}
const _: () = assert!(kept::WEB < KEPT_CUE_SETS);

impl Literals {
    /// The set written as `a|b|\bc\b` (see [`Literals`]).
    pub(crate) fn new(spec: &str) -> Literals {
        let mut set = Literals {
            alts: Vec::new(),
            bytes: Vec::new(),
            by_first: Vec::new(),
            first: [0; 256],
            pairs: Box::new([0; 1024]),
            whole_pairs: Box::new([0; 1024]),
            threes: Box::new([0; 1024]),
            word_starts: true,
            longest: Some(0),
            kept: None,
        };
        for alt in spec.split('|') {
            let start = alt.starts_with("\\b");
            let end = alt.ends_with("\\b");
            let word = &alt[if start { 2 } else { 0 }..alt.len() - if end { 2 } else { 0 }];
            // (most alternatives hold no `\s`: those are taken as they are)
            let spelled;
            let word = if word.contains('\\') {
                spelled = word
                    .replace("\\s+", &char::from(SPACES).to_string())
                    .replace("\\s", &char::from(SPACE).to_string());
                spelled.as_bytes()
            } else {
                word.as_bytes()
            };
            let spaced = word.iter().any(|&b| b == SPACE || b == SPACES);
            assert!(
                word.len() >= 2
                    && !word.iter().any(|b| b.is_ascii_uppercase())
                    && !word.iter().take(3).any(|&b| b == SPACE || b == SPACES),
                "literal set: {alt}"
            );
            let pair = Self::pair(word, 0);
            set.pairs[pair / 64] |= 1 << (pair % 64);
            let (bits, key) =
                if word.len() == 2 { (&mut set.whole_pairs, pair) } else { (&mut set.threes, Self::three(word, 0)) };
            bits[key / 64] |= 1 << (key % 64);
            let slot = match set.first[word[0] as usize] {
                0 => {
                    set.by_first.push(Vec::new());
                    set.first[word[0] as usize] = set.by_first.len() as u8;
                    set.by_first.len() - 1
                }
                k => k as usize - 1,
            };
            set.by_first[slot].push(set.alts.len() as u16);
            set.alts.push((set.bytes.len(), word.len(), start, end, spaced));
            set.word_starts &= start && word[0].is_ascii_alphanumeric();
            set.longest = set.longest.filter(|_| !word.contains(&SPACES)).map(|l| l.max(word.len()));
            set.bytes.extend_from_slice(word);
        }
        set
    }

    /// The two bytes at `i` as one number.
    #[inline]
    fn pair(b: &[u8], i: usize) -> usize {
        b[i] as usize | (b[i + 1] as usize) << 8
    }

    /// A 16-bit hash of the three bytes at `i`.
    #[inline]
    fn three(b: &[u8], i: usize) -> usize {
        let v = b[i] as u32 | (b[i + 1] as u32) << 8 | (b[i + 2] as u32) << 16;
        (v.wrapping_mul(0x9E37_79B1) >> 16) as usize
    }

    /// True if an alternative may start at `i`, on the pair and three-byte bits.
    #[inline]
    fn may_start(&self, b: &[u8], i: usize) -> bool {
        let pair = Self::pair(b, i);
        let has = |bits: &[u64; 1024], k: usize| bits[k / 64] & 1 << (k % 64) != 0;
        has(&self.pairs, pair)
            && (has(&self.whole_pairs, pair) || i + 2 < b.len() && has(&self.threes, Self::three(b, i)))
    }

    /// The length of the alternative matching at `i`, if one does.
    #[inline]
    fn at(&self, b: &[u8], i: usize) -> Option<usize> {
        let slot = self.first[b[i] as usize];
        if slot == 0 {
            return None;
        }
        self.by_first[slot as usize - 1].iter().find_map(|&k| {
            let (off, len, start, end, spaced) = self.alts[k as usize];
            let word = &self.bytes[off..off + len];
            let e = if spaced { spaced_end(b, i, word)? } else { b[i..].starts_with(word).then_some(i + len)? };
            let fits = (!start || i == 0 || !is_word(b[i - 1])) && (!end || e == b.len() || !is_word(b[e]));
            fits.then_some(e - i)
        })
    }

    /// The set whose matches a rescan keeps in slot `slot` (one of [`kept`]). Its
    /// alternatives must hold no run of white space.
    pub(crate) fn kept_as(mut self, slot: usize) -> Literals {
        assert!(self.longest.is_some() && slot < KEPT_CUE_SETS, "a kept literal set");
        self.kept = Some(slot);
        self
    }

    /// The matches in `input`'s folded bytes, left to right ([`Literals::find_iter`]).
    /// In a rescan's part, for a set with a slot, they are all found at once and kept:
    /// the part read again after an edit takes those before the edit again, and those
    /// after it moved ([`Input::cue_matches`], [`Literals::all_after_edit`]).
    pub(crate) fn matches<'a>(&'a self, input: &'a Input<'_>) -> impl Iterator<Item = (usize, usize)> + 'a {
        let f = input.folded();
        match self.kept.filter(|_| input.keeps()) {
            Some(slot) => Either::Kept(input.cue_matches(slot, |old| self.all_after_edit(f, old)).iter().copied()),
            None => Either::Found(self.find_iter(f)),
        }
    }

    /// All matches in `b`; with `old`, the matches of the text before an edit `edit`
    /// are taken again where what decides them lies in the bytes the two texts share:
    /// at their start as they were, at their end moved by the change in length.
    fn all_after_edit(&self, b: &[u8], old: Option<(CueMatches, Edit)>) -> CueMatches {
        let (Some((old, edit)), Some(longest)) = (old, self.longest) else {
            return self.find_iter(b).collect();
        };
        // Whether a match starts at `i` is decided by the bytes from `i - 1` (a word
        // boundary before) to `i + longest` (one after), and by whether the search is in
        // a match there. The places before `safe` are decided as before; the search goes
        // on from there (or from the end of the last match taken, as matches do not
        // overlap).
        let safe = edit.before.saturating_sub(longest);
        let mut hits = old[..old.partition_point(|&(s, _)| s < safe)].to_vec();
        let mut from = hits.last().map_or(safe, |&(_, e)| e.max(safe));
        // From a place `q` whose byte before lies in the shared end, where neither
        // search is in a match, the search reads what it read from `q`'s place before
        // the edit: it finds the same matches, moved.
        let then = |q: usize| q + edit.old_len - b.len();
        let now = |p: usize| p + b.len() - edit.old_len;
        let mut q = (b.len() + 1).saturating_sub(edit.after).max(from);
        loop {
            if q <= b.len() {
                // (out of the matches before the edit)
                let k = old.partition_point(|&(s, _)| s < then(q));
                if let Some(&(_, e)) = old[..k].last().filter(|&&(_, e)| e > then(q)) {
                    q = now(e);
                }
            }
            let n = hits.len();
            hits.extend(self.find_iter_in(b, from, q.min(b.len())));
            match hits[n..].last() {
                // (out of the matches after it)
                Some(&(_, e)) if e > q => (from, q) = (e, e),
                _ => break,
            }
        }
        if q <= b.len() {
            let k = old.partition_point(|&(s, _)| s < then(q));
            hits.extend(old[k..].iter().map(|&(s, e)| (now(s), now(e))));
        }
        hits
    }

    /// The matches in `b`, as `(start, end)`, left to right.
    pub(crate) fn find_iter<'a>(&'a self, b: &'a [u8]) -> impl Iterator<Item = (usize, usize)> + 'a {
        self.find_iter_in(b, 0, b.len())
    }

    /// The matches of [`Literals::find_iter`] that start in `from..to`, when no match
    /// found before `from` ends after it.
    fn find_iter_in<'a>(&'a self, b: &'a [u8], from: usize, to: usize) -> impl Iterator<Item = (usize, usize)> + 'a {
        let mut i = from;
        let end = to.min(b.len());
        // With `word_starts`: the starts of letter-and-digit runs in the block of up
        // to 64 bytes from `base` not yet looked at (bit j: byte `base + j`), those
        // from `end` on left out.
        let (mut next_block, mut base, mut starts) = (from, from, 0u64);
        std::iter::from_fn(move || {
            if self.word_starts {
                loop {
                    while starts == 0 {
                        if next_block >= end {
                            return None;
                        }
                        base = next_block;
                        next_block = b.len().min(base + 64);
                        let m = crate::bytes::alnum_mask(&b[base..next_block]);
                        let before = u64::from(base > 0 && b[base - 1].is_ascii_alphanumeric());
                        starts = m & !((m << 1) | before);
                        if next_block > end {
                            starts &= (1u64 << (end - base)) - 1;
                        }
                    }
                    let p = base + starts.trailing_zeros() as usize;
                    starts &= starts - 1;
                    if p < i || p + 1 >= b.len() || !self.may_start(b, p) {
                        continue;
                    }
                    if let Some(len) = self.at(b, p) {
                        i = p + len;
                        return Some((p, i));
                    }
                }
            }
            let stop = end.min(b.len().saturating_sub(1));
            while i < stop {
                if !self.may_start(b, i) {
                    i += 1;
                    continue;
                }
                if let Some(len) = self.at(b, i) {
                    i += len;
                    return Some((i - len, i));
                }
                i += 1;
            }
            None
        })
    }

    /// True if some alternative matches in `b`.
    pub(crate) fn is_match(&self, b: &[u8]) -> bool {
        self.find_iter(b).next().is_some()
    }
}

/// The matches of [`Literals::matches`]: kept, or searched as they are read.
enum Either<K, F> {
    Kept(K),
    Found(F),
}

impl<K: Iterator<Item = (usize, usize)>, F: Iterator<Item = (usize, usize)>> Iterator for Either<K, F> {
    type Item = (usize, usize);

    #[inline]
    fn next(&mut self) -> Option<(usize, usize)> {
        match self {
            Either::Kept(k) => k.next(),
            Either::Found(f) => f.next(),
        }
    }
}

/// In a [`Literals`] word: one ASCII white-space byte (`\s`).
const SPACE: u8 = 1;
/// In a [`Literals`] word: a run of ASCII white-space bytes (`\s+`).
const SPACES: u8 = 2;

/// True for what `\s` matches in ASCII mode: tab, line feed, vertical tab, form feed,
/// carriage return, space.
fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// Where `word`, with its [`SPACE`] and [`SPACES`], ends when it matches at `i` of `b`.
/// A run of white space is taken whole: what follows it in a word is not white space.
fn spaced_end(b: &[u8], mut i: usize, word: &[u8]) -> Option<usize> {
    for &w in word {
        let n = match w {
            SPACE => usize::from(b.get(i).is_some_and(|&c| is_space(c))),
            SPACES => b[i..].iter().take_while(|&&c| is_space(c)).count(),
            _ => usize::from(b.get(i) == Some(&w)),
        };
        if n == 0 {
            return None;
        }
        i += n;
    }
    Some(i)
}

/// The end of a domain name from `p`: labels of `byte`s and hyphens (not starting or
/// ending with a hyphen, at most `max_label` bytes), each followed by a dot, then 2 to
/// 24 ASCII letters after the last dot that has them. With fewer labels when the
/// letters are missing after the last one, as a search for `(?:L\.)+[a-z]{2,24}`
/// (ignoring case) backs off.
pub(crate) fn domain_end(b: &[u8], mut p: usize, byte: fn(u8) -> bool, max_label: usize) -> Option<usize> {
    let mut after_dots = Vec::new();
    while p < b.len() && byte(b[p]) {
        let run = b[p..].iter().take_while(|&&c| byte(c) || c == b'-').count();
        let e = p + run;
        if run > max_label || b[e - 1] == b'-' || e >= b.len() || b[e] != b'.' {
            break;
        }
        p = e + 1;
        after_dots.push(p);
    }
    after_dots.iter().rev().find_map(|&q| {
        let letters = b[q..].iter().take(24).take_while(|c| c.is_ascii_alphabetic()).count();
        (letters >= 2).then_some(q + letters)
    })
}

/// True if the byte before `start` and the byte at `end` are not ASCII letters or
/// digits, and not the continuation of a non-ASCII letter (so `Müller12` is not split).
pub(crate) fn bounded(bytes: &[u8], start: usize, end: usize) -> bool {
    let before_ok = start == 0 || !word_byte(bytes[start - 1]);
    let after_ok = end >= bytes.len() || !word_byte(bytes[end]);
    before_ok && after_ok
}

/// True for an ASCII letter or digit, or any byte of a non-ASCII character (treated
/// as part of a word, so `Müller12` stays one word).
#[inline]
pub(crate) fn word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// True for an ASCII word byte (`[0-9A-Za-z_]`): what `\b` looks at in ASCII mode.
#[inline]
pub(crate) fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The maximal runs of at least `min` (≥ 1) bytes for which `is` holds, left to right.
/// Where such bytes are rare it reads about one byte in `min`: if the byte `min - 1`
/// places after a possible start fails, no run of `min` starts at or before it.
/// Hand-written scans over these replace patterns like `\b[A-Z]{6}…\b` whose cost in
/// a regex engine (several ns per byte, no literal to skip ahead to) dominated the scan.
pub(crate) fn runs<'a>(
    b: &'a [u8],
    min: usize,
    is: impl Fn(u8) -> bool + 'a,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    let mut i = 0; // no run of `min` starts before `i`; `i` is 0 or follows a failing byte
    std::iter::from_fn(move || {
        while i + min <= b.len() {
            let p = i + min - 1;
            if !is(b[p]) {
                i = p + 1;
                continue;
            }
            match (i..p).rev().find(|&q| !is(b[q])) {
                Some(q) => i = q + 1,
                None => {
                    let s = i;
                    let mut e = p + 1;
                    while e < b.len() && is(b[e]) {
                        e += 1;
                    }
                    i = e + 1;
                    return Some((s, e));
                }
            }
        }
        None
    })
}

/// The maximal runs of at least `min` (1 to 64) ASCII letters and digits, as [`runs`]
/// finds them. Most bytes of prose are in this class, so skipping ahead gains nothing,
/// and a byte-by-byte run search mispredicts a branch at every word boundary. Instead
/// the bytes are classified 64 at a time into bit masks (eight per step, see
/// [`crate::bytes::alnum_mask`]); the starts of the long runs are found with bit
/// operations, so only those are looked at one by one.
pub(crate) fn alnum_runs(b: &[u8], min: usize) -> Vec<(usize, usize)> {
    debug_assert!((1..=64).contains(&min));
    let masks: Vec<u64> = b.chunks(64).map(crate::bytes::alnum_mask).collect();
    let at = |k: usize| masks.get(k).copied().unwrap_or(0);
    let mut out = Vec::new();
    for k in 0..masks.len() {
        let (m, next) = (masks[k], at(k + 1));
        // Run starts: in the class, the byte before not (bit 63 of the block before).
        let prev_last = if k > 0 { masks[k - 1] >> 63 } else { 0 };
        let starts = m & !((m << 1) | prev_last);
        // Positions with `min` bytes of the class from them on (reading into the next block).
        let mut long = m;
        for d in 1..min {
            long &= (m >> d) | (next << (64 - d));
        }
        let mut hits = starts & long;
        while hits != 0 {
            let p = hits.trailing_zeros() as usize;
            hits &= hits - 1;
            // The run ends at the first byte out of the class from `p` on.
            let (mut kk, mut bit) = (k, p);
            let end = loop {
                let zeros = !at(kk) >> bit;
                if zeros != 0 {
                    break kk * 64 + bit + zeros.trailing_zeros() as usize;
                }
                (kk, bit) = (kk + 1, 0);
            };
            out.push((k * 64 + p, end.min(b.len())));
        }
    }
    out
}

/// Letters and digits of `s`, upper-cased (the compact form validators take).
pub(crate) fn compact(s: &[u8]) -> Vec<u8> {
    s.iter().filter(|b| b.is_ascii_alphanumeric()).map(|b| b.to_ascii_uppercase()).collect()
}

/// True if `word` is `target` or one typing slip away from it (one letter missing,
/// added, replaced, or two neighbours swapped), for targets of at least four letters.
/// Both are expected lower-case. Used for the few label words a recogniser relies on
/// ("Benutzername", "geboren", "Fahrzeug"), which chat users often mistype.
pub(crate) fn typo_eq(word: &str, target: &str) -> bool {
    typo_eq_bytes(word.as_bytes(), target.as_bytes())
}

/// [`typo_eq`] ignoring ASCII case in `word`, without allocating.
pub(crate) fn typo_eq_ci(word: &str, target: &str) -> bool {
    let w = word.as_bytes();
    if w.len() > 32 || w.len().abs_diff(target.len()) > 1 {
        return false;
    }
    let mut buf = [0u8; 32];
    for (d, s) in buf.iter_mut().zip(w) {
        *d = s.to_ascii_lowercase();
    }
    typo_eq_bytes(&buf[..w.len()], target.as_bytes())
}

/// [`typo_eq`] over bytes: equal, or (both at least four bytes long) one letter missing,
/// added, replaced, or two neighbours swapped.
pub(crate) fn typo_eq_bytes(w: &[u8], t: &[u8]) -> bool {
    // Lengths first: most words of a window are far from the target's length.
    if w.len().abs_diff(t.len()) > 1 {
        return false;
    }
    if w == t {
        return true;
    }
    if t.len() < 4 || w.len() < 4 {
        return false;
    }
    // Compared byte-wise: a slip inside a non-ASCII letter counts as two, which only
    // makes the check stricter.
    let p = w.iter().zip(t).take_while(|(a, b)| a == b).count();
    let (wr, tr) = (&w[p..], &t[p..]);
    match w.len().cmp(&t.len()) {
        std::cmp::Ordering::Equal => {
            wr[1..] == tr[1..] || (wr.len() >= 2 && wr[0] == tr[1] && wr[1] == tr[0] && wr[2..] == tr[2..])
        }
        std::cmp::Ordering::Less => wr == &tr[1..],
        std::cmp::Ordering::Greater => &wr[1..] == tr,
    }
}

/// True if one of the first `n` words matches an entry of `list`, exactly (see
/// [`crate::context::matches_any`]) or, for entries without `*`, with one typing slip.
pub(crate) fn has_typo_tolerant(words: &[String], n: usize, list: &[&str]) -> bool {
    words.iter().take(n).any(|w| {
        let t = crate::context::trim_hyphens(w);
        crate::context::matches_any(t, list) || list.iter().any(|e| !e.ends_with('*') && typo_eq(t, e))
    })
}

#[cfg(test)]
mod tests {
    use super::{alnum_runs, runs, typo_eq, word_back, word_forward, Literals, Reach};
    use proptest::prelude::*;

    #[test]
    fn margins_end_at_whitespace() {
        let t = "eins zwei drei vier";
        assert_eq!(word_back(t, 12, 3), 5);
        assert_eq!(word_forward(t, 6, 3), 9);
        assert_eq!((word_back(t, 3, 10), word_forward(t, 15, 10)), (0, t.len()));
        assert_eq!(Reach { back: 3, ahead: 3 }.around(t, 12..12), 5..t.len());
    }

    /// Maximal runs of at least `min` bytes, by the definition (byte by byte).
    fn runs_reference(b: &[u8], min: usize, is: impl Fn(u8) -> bool) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut s = 0;
        while s < b.len() {
            let mut e = s;
            while e < b.len() && is(b[e]) {
                e += 1;
            }
            if e - s >= min {
                out.push((s, e));
            }
            s = e + 1;
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn runs_match_the_definition(t in proptest::collection::vec(proptest::sample::select(b"ABZa0 -\xC3".to_vec()), 0..40), min in 1usize..10) {
            let up = |c: u8| c.is_ascii_uppercase();
            prop_assert_eq!(runs(&t, min, up).collect::<Vec<_>>(), runs_reference(&t, min, up));
        }

        /// Texts up to several blocks of 64 bytes long, with runs that cross the blocks'
        /// edges and end at the text's end.
        #[test]
        fn alnum_runs_match_the_definition(t in proptest::collection::vec(proptest::sample::select(b"ABZa09 -\xC3".to_vec()), 0..300), min in 1usize..70) {
            let alnum = |c: u8| c.is_ascii_alphanumeric();
            let min = min.min(64);
            prop_assert_eq!(alnum_runs(&t, min), runs_reference(&t, min, alnum));
        }
    }

    #[test]
    fn alnum_runs_across_blocks() {
        let alnum = |c: u8| c.is_ascii_alphanumeric();
        for n in [0, 1, 63, 64, 65, 127, 128, 129, 200] {
            let all = vec![b'a'; n];
            assert_eq!(alnum_runs(&all, 1), runs_reference(&all, 1, alnum), "{n} letters");
            for cut in [0, 1, 62, 63, 64, 65, 127, 128] {
                let mut t = all.clone();
                if cut < n {
                    t[cut] = b' ';
                }
                for min in [1, 6, 63, 64] {
                    assert_eq!(
                        alnum_runs(&t, min),
                        runs_reference(&t, min, alnum),
                        "{n} letters, space at {cut}, min {min}"
                    );
                }
            }
        }
    }

    #[test]
    fn typing_slips() {
        assert!(typo_eq("gebroen", "geboren"));
        assert!(typo_eq("bnutzername", "benutzername"));
        assert!(typo_eq("usernamme", "username"));
        assert!(typo_eq("birh", "birth"));
        assert!(typo_eq("fharzeug", "fahrzeug"));
        assert!(typo_eq("burn", "born"));
        assert!(!typo_eq("bin", "born"));
        assert!(!typo_eq("usreame", "username"));
        assert!(!typo_eq("am", "an"));
    }

    /// Pieces of texts for the kept cue sets: cue words whole, cut and inside words,
    /// the bytes around them that decide a word boundary, and the rest of a message.
    const CUE_PIECES: &[&str] = &[
        "geb",
        "geb.",
        "born",
        "d.o.b",
        "age",
        "nato",
        "kfz",
        "fahrzeug",
        "car",
        "reg",
        "tag",
        "tags",
        "www.",
        "://",
        "linkedin.",
        "x.com",
        "user",
        "name",
        "profil",
        "web",
        "site",
        "a",
        "b",
        "e",
        "g",
        "o",
        "t",
        ".",
        "/",
        "@",
        ":",
        "-",
        " ",
        "  ",
        "\n",
        "1",
        "12.03.1985",
        "né",
        "ü",
        "Anna",
        "IBAN",
    ];

    /// The text of the pieces `picks` chooses.
    fn cue_text(picks: &[usize]) -> String {
        picks.iter().map(|&i| CUE_PIECES[i % CUE_PIECES.len()]).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

        /// The matches of a kept set after an edit, the matches before it taken again
        /// (and moved) where the edit cannot change them, are those a search of the new
        /// text finds.
        #[test]
        fn kept_matches_after_an_edit_are_those_found_anew(
            before in proptest::collection::vec(0usize..100, 0..40),
            at in 0usize..100,
            cut in 0usize..6,
            put in proptest::collection::vec(0usize..100, 0..4),
        ) {
            let old = cue_text(&before);
            let mut at = at * old.len() / 100;
            while !old.is_char_boundary(at) {
                at -= 1;
            }
            let mut end = (at + cut).min(old.len());
            while !old.is_char_boundary(end) {
                end += 1;
            }
            let new = format!("{}{}{}", &old[..at], cue_text(&put), &old[end..]);
            let (o, n) = (old.to_ascii_lowercase(), new.to_ascii_lowercase());
            let edit = crate::bytes::Edit::between(old.as_bytes(), new.as_bytes());
            for spec in [crate::recognize::web::GATE, crate::recognize::plate::HINT, crate::recognize::web::LABELS] {
                let set = Literals::new(spec);
                let kept: Vec<_> = set.find_iter(o.as_bytes()).collect();
                let want: Vec<_> = set.find_iter(n.as_bytes()).collect();
                prop_assert_eq!(set.all_after_edit(n.as_bytes(), Some((kept, edit))), want, "{:?} -> {:?}", old, new);
            }
        }

        /// A search bounded to `from..to`, from a place where the whole search is in no
        /// match, finds the matches of the whole search that start there.
        #[test]
        fn a_bounded_search_finds_the_matches_starting_in_its_bounds(
            picks in proptest::collection::vec(0usize..100, 0..40),
            to in 0usize..=100,
        ) {
            let t = cue_text(&picks).to_ascii_lowercase();
            let b = t.as_bytes();
            let to = to * b.len() / 100;
            // (the last set has an alternative without a word boundary before it: it is
            // searched at every byte, the others at the starts of words)
            let specs =
                [crate::recognize::web::GATE, crate::recognize::plate::HINT, crate::recognize::web::LABELS, "né|\\bx.com/|anna"];
            for spec in specs {
                let set = Literals::new(spec);
                let all: Vec<_> = set.find_iter(b).collect();
                for from in [0, all.first().map_or(0, |&(_, e)| e)] {
                    let want: Vec<_> = all.iter().copied().filter(|&(s, _)| from <= s && s < to).collect();
                    prop_assert_eq!(set.find_iter_in(b, from, to).collect::<Vec<_>>(), want, "{} in {:?}", spec, t);
                }
            }
        }
    }
}
