//! Reversible pseudonymisation for chat conversations with a language model.
//!
//! A [`Session`] replaces the personal data of each message with placeholders
//! (`[PERSON_1]`, `[IBAN_1]`) or realistic surrogates, keeps the mapping in memory,
//! and turns the model's answer back into the original values with
//! [`Session::restore`] or, chunk by chunk, with a [`Restorer`]. One session per
//! conversation; [`Session::clear`] forgets everything. The mapping is never logged:
//! `Debug` prints counts only.
//!
//! ## Placeholders
//!
//! `[LABEL_n]`, numbered per label in the order values first appear. The delimiters
//! are `[ ]`, `< >` or `{ }` ([`PlaceholderStyle`]). A value gets the same number for
//! the whole session, also when written differently:
//!
//! - phone numbers compare by national significant number: `+49 170 1234567`,
//!   `0049 170 1234567`, `0170/1234567`, `+49 (0)170 1234567` are one value (a small
//!   table of ITU country calling codes tells how many digits follow `+`/`00`);
//! - IBANs by their letters and digits (spacing and case ignored), payment cards by
//!   their digits, e-mail addresses case-insensitively, everything else by its
//!   letters and digits, lower-cased.
//!
//! **Every placeholder restores to exactly one string.** Because `restore` sees only
//! text, a second spelling of a known value cannot share the first spelling's
//! placeholder without breaking `restore(pseudonymize(x)) == x`. So the first
//! spelling gets `[PHONE_1]` and every further spelling a variant of the same number:
//! `[PHONE_1_ALT]`, `[PHONE_1_ALT2]`, … — the model still sees that it is value 1.
//!
//! ## Names
//!
//! A person's identity is the list of name tokens (letters, inner `-` and `'`),
//! compared case-insensitively; leading titles (`Frau`, `Herr`, `Dr.`, `Mag.`, `Mr`,
//! …) stay in the text as they are (`Frau [PERSON_1_LAST]`). A mention links to an
//! earlier person when it is unambiguous:
//!
//! 1. same tokens → same person;
//! 2. one token equal to the first or the last token of exactly one known multi-token
//!    person → that person (`Maria` / `Huber` after `Maria Huber`);
//! 3. several tokens, where exactly one known person either is a single name equal to
//!    the first or last token (`Huber`, then `Maria Huber`) or has the same last
//!    token and a compatible first token (same, or an initial: `M. Huber`) → that
//!    person; a longer mention upgrades the person's tokens;
//! 4. anything else, including two or more candidates, → a new person.
//!
//! The first spelling of a person gets `[PERSON_n]`; when a person is known by two or
//! more tokens, `[PERSON_n_FIRST]` and `[PERSON_n_LAST]` are registered for the first
//! and last token (restoring to the spelling in that mention); further spellings get
//! `_FULL` (all tokens), `_FIRST`, `_LAST` or `_ALT` by what they contain, numbered
//! when taken (`_LAST2`).
//!
//! ## Restore tolerance
//!
//! Models rewrite placeholders. `restore` accepts, for a placeholder of this session
//! only:
//!
//! - any of the delimiters `[ ] < > { } ［ ］ 【 】 〔 〕 〖 〗 ⟦ ⟧ 〈 〉 《 》 « »`
//!   (opening and closing need not match), spaces inside them (`[ PERSON_1 ]`), any
//!   case (`[person_1]`) and `_`, `-` or spaces between the parts (`[PERSON 1]`,
//!   `[credit-card-1]`);
//! - without delimiters only the exact upper-case form between non-word characters
//!   (`PERSON_1`, not `person 1` or `PERSON_12`).
//!
//! Unknown numbers, unknown labels, leading zeros and anything longer are left alone.
//!
//! ## Collision safety
//!
//! The person may type text that `restore` would take for a placeholder. Three rules
//! make `restore(pseudonymize(x)) == x` hold for every `x`:
//!
//! 1. a key is never handed out when it occurred (in any tolerant spelling, e.g.
//!    `[person 3]`, `EMAIL_1_ALT`) in any text of the session — for the built-in
//!    labels and the labels used so far — so text typed earlier keeps restoring to
//!    itself after later messages;
//! 2. the result is checked by running `restore`'s own matcher over it: every
//!    inserted placeholder must be recognised exactly where it was put, and nothing
//!    else may be. Text of the person that would be recognised (an earlier
//!    placeholder typed literally, a surrogate) is itself replaced by a `[TEXT_n]`
//!    placeholder that restores to exactly that text;
//! 3. a surrogate that is not recognised where it was put (e.g. glued to a letter)
//!    falls back to its bracketed placeholder.
//!
//! Bracketed placeholders start and end with a delimiter and the matcher never reads
//! a delimiter inside a placeholder, so the check converges after at most a couple of
//! rounds.
//!
//! ## Surrogates
//!
//! With [`PlaceholderStyle::Surrogate`] values become realistic fakes: an IBAN of the
//! same country and length with valid check digits, a card number of the same length
//! and first digit passing Luhn, a phone number of the same shape (prefix and
//! separators kept, the national number replaced), an e-mail address at the reserved
//! domains `example.com/.org/.net`, and names from a small built-in list of
//! obviously fictional names (German: `Erika Mustermann`, English: `Jane Doe`, …),
//! German unless the text reads as English. Surrogates never equal a value of the
//! session, never occur in the text they are made for and are unique; fake name
//! tokens also avoid every word of earlier messages (kept only as 64-bit hashes);
//! they are
//! restored only verbatim and between non-alphanumeric characters. Kinds without a
//! surrogate generator (dates, addresses, ids, …) use bracketed placeholders.
//!
//! ## Streaming
//!
//! [`Restorer::push`] emits everything that cannot be the start of a placeholder or
//! surrogate at once and holds back only a tail that still can, never more than
//! [`Restorer::max_buffer`] bytes. The decision at each position uses the same
//! matcher as `restore`, which returns "need more" only while the answer depends on
//! text not yet seen, so the concatenated output equals `restore` of the whole text
//! for every way of splitting it.

use crate::entity::Kind;
use crate::error::Error;
use crate::field::FieldHints;
use crate::scanner::Scanner;
use crate::types::Finding;
use crate::validate::{self, checksum::luhn_check_digit, e164};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::ops::Bound;
use std::sync::Arc;

/// How values are replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PlaceholderStyle {
    /// `[PERSON_1]`.
    #[default]
    Square,
    /// `<PERSON_1>`.
    Angle,
    /// `{PERSON_1}`.
    Curly,
    /// Realistic fake values (bracketed placeholders where no fake fits).
    Surrogate,
}

impl PlaceholderStyle {
    /// Parses `square`, `angle`, `curly` or `surrogate`.
    pub fn parse(s: &str) -> Option<PlaceholderStyle> {
        match s {
            "square" | "brackets" => Some(PlaceholderStyle::Square),
            "angle" => Some(PlaceholderStyle::Angle),
            "curly" => Some(PlaceholderStyle::Curly),
            "surrogate" => Some(PlaceholderStyle::Surrogate),
            _ => None,
        }
    }

    fn delimiters(self) -> (char, char) {
        match self {
            PlaceholderStyle::Angle => ('<', '>'),
            PlaceholderStyle::Curly => ('{', '}'),
            _ => ('[', ']'),
        }
    }
}

/// Options of a session.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SessionOptions {
    /// Placeholder style.
    pub style: PlaceholderStyle,
    /// Seed for surrogate generation (random per session when `None`).
    pub seed: Option<u64>,
}

/// Opening delimiters `restore` accepts.
const OPENS: &[char] = &['[', '<', '{', '［', '【', '〔', '〖', '⟦', '〈', '《', '«'];
/// Closing delimiters `restore` accepts.
const CLOSES: &[char] = &[']', '>', '}', '］', '】', '〕', '〗', '⟧', '〉', '》', '»'];
/// Label of placeholders that stand for literal text of the person.
const LITERAL_LABEL: &str = "TEXT";

/// One placeholder: a key (`PERSON_1_FIRST`) and the exact text it restores to.
#[derive(Clone)]
struct Form {
    key: String,
    original: String,
    surrogate: Option<String>,
}

#[derive(Clone)]
struct Person {
    /// Lower-cased name tokens, most complete mention.
    tokens: Vec<String>,
    /// Fake tokens aligned with `tokens`.
    fake: Vec<String>,
}

#[derive(Clone)]
enum Fake {
    None,
    Iban(String),
    Card(String),
    Phone(String),
    Email(String),
}

#[derive(Clone)]
struct Entry {
    label: String,
    n: u32,
    /// Surface form → form index.
    forms: HashMap<String, usize>,
    person: Option<Person>,
    fake: Fake,
}

#[derive(Clone, Default)]
struct State {
    forms: Vec<Form>,
    by_key: HashMap<String, usize>,
    keys: BTreeSet<String>,
    max_key: usize,
    by_sur: HashMap<String, usize>,
    sur_first: HashMap<char, Vec<usize>>,
    max_sur: usize,

    entries: Vec<Entry>,
    by_value: HashMap<(Option<Kind>, String), usize>,
    persons: Vec<usize>,
    counters: HashMap<String, u32>,
    labels: HashSet<String>,
    burnt: HashSet<String>,
    seen_words: HashSet<u64>,
    originals: HashSet<String>,
    fake_tokens: HashSet<String>,
    rng: u64,
}

/// A pseudonymisation session: the mapping of one conversation, in memory only.
pub struct Session {
    style: PlaceholderStyle,
    st: Arc<State>,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("style", &self.style)
            .field("placeholders", &self.st.forms.len())
            .finish_non_exhaustive()
    }
}

impl Default for Session {
    fn default() -> Self {
        Session::new()
    }
}

fn random_seed() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    h.write_usize(&COUNTER as *const _ as usize);
    h.finish()
}

impl Session {
    /// A session with `[LABEL_n]` placeholders.
    pub fn new() -> Session {
        Session::with_options(SessionOptions::default())
    }

    /// A session with these options.
    pub fn with_options(opts: SessionOptions) -> Session {
        let st = State { rng: opts.seed.unwrap_or_else(random_seed), ..State::default() };
        Session { style: opts.style, st: Arc::new(st) }
    }

    /// The placeholder style.
    pub fn style(&self) -> PlaceholderStyle {
        self.style
    }

    /// Number of placeholders the session can restore.
    pub fn len(&self) -> usize {
        self.st.forms.len()
    }

    /// True when nothing has been pseudonymised yet (or since [`Session::clear`]).
    pub fn is_empty(&self) -> bool {
        self.st.forms.is_empty()
    }

    /// Forgets the whole mapping. Restorers created before keep their own snapshot
    /// until they are dropped.
    pub fn clear(&mut self) {
        let rng = splitmix(self.st.rng ^ 0x9e37_79b9_7f4a_7c15);
        self.st = Arc::new(State { rng, ..State::default() });
    }

    /// Scans `text` and replaces every finding with its placeholder; returns the new
    /// text and the findings (byte offsets into `text`).
    pub fn pseudonymize(
        &mut self,
        scanner: &Scanner,
        text: &str,
        field: Option<&FieldHints>,
    ) -> Result<(String, Vec<Finding>), Error> {
        let findings = scanner.scan(text, field)?;
        let out = self.pseudonymize_findings(text, &findings, &|k| scanner.kind_label(k));
        Ok((out, findings))
    }

    /// Replaces the given findings of `text` with placeholders. Findings out of range,
    /// off char boundaries or overlapping an earlier one are skipped. `label_of` gives
    /// a kind's upper-case label (`Scanner::kind_label`).
    pub fn pseudonymize_findings(
        &mut self,
        text: &str,
        findings: &[Finding],
        label_of: &dyn Fn(Kind) -> String,
    ) -> String {
        let style = self.style;
        let st = Arc::make_mut(&mut self.st);
        let mut sorted: Vec<&Finding> = findings.iter().collect();
        sorted.sort_by_key(|f| (f.span.start, f.span.end));
        for f in &sorted {
            st.labels.insert(label_of(f.kind));
        }
        st.burn(text);
        let german = looks_german(text);
        let mut segs: Vec<Seg> = Vec::new();
        let mut last = 0usize;
        for f in sorted {
            let (mut s, e) = (f.span.start, f.span.end);
            if s < last || s >= e || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
                continue;
            }
            let mut titled = false;
            if f.kind == Kind::Person {
                let ns = strip_titles(text, s, e);
                titled = ns != s;
                s = ns;
            }
            let form = st.form_for(f.kind, &label_of(f.kind), &text[s..e], text, style, german, titled);
            if last < s {
                segs.push(Seg::Text(last, s));
            }
            // A surrogate handed out earlier may since have become text the person
            // types (a real "Erika Mustermann"): sending it again next to that text
            // could spell out a real name, so the bracketed key goes out instead. Fake
            // names are compared word by word, other surrogates as a whole.
            let bracket = st.forms[form].surrogate.as_deref().map_or(true, |sur| {
                if f.kind == Kind::Person {
                    shares_word(sur, text)
                } else {
                    text.contains(sur)
                }
            });
            segs.push(Seg::Tok { form, bracket });
            last = e;
        }
        if last < text.len() {
            segs.push(Seg::Text(last, text.len()));
        }
        st.settle(text, segs, style)
    }

    /// Replaces every placeholder (and surrogate) of this session in `text` with its
    /// original value; everything else is left as it is.
    pub fn restore(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut prev = None;
        run(&self.st, text, &mut prev, true, &mut out, &mut |_, _, _| {});
        out
    }

    /// A streaming restorer over a snapshot of the current mapping.
    pub fn restore_stream(&self) -> Restorer {
        Restorer { st: Arc::clone(&self.st), buf: String::new(), prev: None }
    }
}

/// Restores placeholders in text that arrives in chunks.
pub struct Restorer {
    st: Arc<State>,
    buf: String,
    prev: Option<char>,
}

impl std::fmt::Debug for Restorer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Restorer").field("buffered", &self.buf.len()).finish_non_exhaustive()
    }
}

impl Restorer {
    /// Adds a chunk; returns the restored text that is certain so far.
    pub fn push(&mut self, chunk: &str) -> String {
        self.buf.push_str(chunk);
        let mut out = String::with_capacity(self.buf.len());
        let used = run(&self.st, &self.buf, &mut self.prev, false, &mut out, &mut |_, _, _| {});
        self.buf.drain(..used);
        out
    }

    /// Ends the stream; returns the rest.
    pub fn finish(mut self) -> String {
        let mut out = String::with_capacity(self.buf.len());
        let buf = std::mem::take(&mut self.buf);
        run(&self.st, &buf, &mut self.prev, true, &mut out, &mut |_, _, _| {});
        out
    }

    /// Bytes held back right now.
    pub fn buffered(&self) -> usize {
        self.buf.len()
    }

    /// The most bytes the restorer ever holds back after a `push`.
    pub fn max_buffer(&self) -> usize {
        self.st.bracket_limit().max(self.st.max_key).max(self.st.max_sur)
    }
}

enum Seg {
    Text(usize, usize),
    Tok { form: usize, bracket: bool },
}

enum Step {
    Match(usize, usize),
    No,
    More,
}

/// True if a word of `sur` (3+ letters or digits) occurs as a whole word of `text`,
/// ignoring case.
fn shares_word(sur: &str, text: &str) -> bool {
    let words = |t: &str| {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3)
            .map(str::to_lowercase)
            .collect::<HashSet<String>>()
    };
    let theirs = words(text);
    words(sur).iter().any(|w| theirs.contains(w))
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Scans `s` from the start; appends restored text to `out`; returns how many bytes
/// were consumed (all of them when `fin`). `on_match(start, end, form)` sees every
/// placeholder recognised.
fn run(
    st: &State,
    s: &str,
    prev: &mut Option<char>,
    fin: bool,
    out: &mut String,
    on_match: &mut dyn FnMut(usize, usize, usize),
) -> usize {
    if st.forms.is_empty() {
        out.push_str(s);
        *prev = s.chars().next_back().or(*prev);
        return s.len();
    }
    let mut i = 0usize;
    let mut copied = 0usize;
    while i < s.len() {
        let c = s[i..].chars().next().expect("in range");
        let candidate = OPENS.contains(&c) || c.is_ascii_uppercase() || st.sur_first.contains_key(&c);
        let step = if candidate { st.match_at(s, i, *prev, fin) } else { Step::No };
        match step {
            Step::Match(len, f) => {
                out.push_str(&s[copied..i]);
                out.push_str(&st.forms[f].original);
                on_match(i, i + len, f);
                *prev = s[..i + len].chars().next_back();
                i += len;
                copied = i;
            }
            Step::No => {
                *prev = Some(c);
                i += c.len_utf8();
            }
            Step::More => break,
        }
    }
    out.push_str(&s[copied..i]);
    i
}

impl State {
    fn bracket_limit(&self) -> usize {
        2 * self.max_key + 16
    }

    fn has_key_prefix(&self, p: &str) -> bool {
        self.keys.range::<str, _>((Bound::Included(p), Bound::Unbounded)).next().is_some_and(|k| k.starts_with(p))
    }

    fn match_at(&self, s: &str, i: usize, prev: Option<char>, fin: bool) -> Step {
        let rest = &s[i..];
        let c = rest.chars().next().expect("in range");
        if !self.by_key.is_empty() {
            if OPENS.contains(&c) {
                match self.bracket(rest, c.len_utf8(), fin) {
                    Step::No => {}
                    st => return st,
                }
            }
            if c.is_ascii_uppercase() && !prev.is_some_and(is_word) {
                match self.bare(rest, fin) {
                    Step::No => {}
                    st => return st,
                }
            }
        }
        if !prev.is_some_and(char::is_alphanumeric) {
            if let Some(cands) = self.sur_first.get(&c) {
                return self.surrogate(rest, cands, fin);
            }
        }
        Step::No
    }

    fn bracket(&self, rest: &str, start: usize, fin: bool) -> Step {
        let limit = self.bracket_limit();
        let mut body = String::new();
        let mut pending = false;
        let mut pending_hard = false;
        for (off, ch) in rest[start..].char_indices() {
            let pos = start + off;
            if pos >= limit {
                return Step::No;
            }
            if CLOSES.contains(&ch) {
                if body.is_empty() || pending_hard {
                    return Step::No;
                }
                return match self.by_key.get(&body) {
                    Some(&f) => Step::Match(pos + ch.len_utf8(), f),
                    None => Step::No,
                };
            }
            match ch {
                ' ' => pending |= !body.is_empty(),
                '_' | '-' => {
                    if body.is_empty() {
                        return Step::No;
                    }
                    pending = true;
                    pending_hard = true;
                }
                c if c.is_ascii_alphanumeric() => {
                    if pending {
                        body.push('_');
                        pending = false;
                        pending_hard = false;
                    }
                    body.push(c.to_ascii_uppercase());
                    if body.len() > self.max_key || !self.has_key_prefix(&body) {
                        return Step::No;
                    }
                }
                _ => return Step::No,
            }
        }
        if fin || rest.len() >= limit {
            Step::No
        } else {
            Step::More
        }
    }

    fn bare(&self, rest: &str, fin: bool) -> Step {
        let mut end = 0usize;
        for (off, ch) in rest.char_indices() {
            if !is_word(ch) {
                break;
            }
            if !(ch.is_ascii_alphanumeric() || ch == '_') {
                return Step::No;
            }
            end = off + 1;
            if end > self.max_key {
                return Step::No;
            }
        }
        let run = &rest[..end];
        if end == rest.len() && !fin {
            return if self.has_key_prefix(run) { Step::More } else { Step::No };
        }
        match self.by_key.get(run) {
            Some(&f) if self.forms[f].key == run => Step::Match(end, f),
            _ => Step::No,
        }
    }

    fn surrogate(&self, rest: &str, cands: &[usize], fin: bool) -> Step {
        let mut best: Option<(usize, usize)> = None;
        let mut more = false;
        for &f in cands {
            let Some(sur) = self.forms[f].surrogate.as_deref() else { continue };
            if let Some(after) = rest.strip_prefix(sur) {
                let ok = match after.chars().next() {
                    None => {
                        if !fin {
                            more = true;
                        }
                        fin
                    }
                    Some(n) => !n.is_alphanumeric(),
                };
                if ok && best.map_or(true, |(l, _)| sur.len() > l) {
                    best = Some((sur.len(), f));
                }
            } else if !fin && sur.len() > rest.len() && sur.starts_with(rest) {
                more = true;
            }
        }
        if more {
            Step::More
        } else if let Some((l, f)) = best {
            Step::Match(l, f)
        } else {
            Step::No
        }
    }

    fn next_u64(&mut self) -> u64 {
        self.rng = self.rng.wrapping_add(0x9e37_79b9_7f4a_7c15);
        splitmix(self.rng)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Remembers every `LABEL n` the text contains in a spelling `restore` might
    /// accept, for the labels that can occur in this session.
    fn burn(&mut self, text: &str) {
        let b = text.as_bytes();
        let mut words: Vec<(usize, usize)> = Vec::new();
        let mut i = 0usize;
        let mut prev_end: Option<usize> = None;
        while i < b.len() {
            if !b[i].is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            let s = i;
            while i < b.len() && b[i].is_ascii_alphanumeric() {
                i += 1;
            }
            let joined =
                prev_end.is_some_and(|p| s - p <= 3 && b[p..s].iter().all(|c| matches!(c, b' ' | b'_' | b'-')));
            if !joined {
                words.clear();
            }
            let w = &text[s..i];
            self.seen_words.insert(word_hash(w));
            if w.bytes().all(|c| c.is_ascii_digit()) && !w.starts_with('0') && w.len() <= 9 {
                let n: u32 = w.parse().unwrap_or(0);
                // A suffix word right after the number (`_FIRST`, `-alt2`).
                let mut j = i;
                while j < b.len() && j - i < 3 && matches!(b[j], b' ' | b'_' | b'-') {
                    j += 1;
                }
                let mut k = j;
                while k < b.len() && b[k].is_ascii_alphanumeric() {
                    k += 1;
                }
                let suffix = (j > i && k > j).then(|| text[j..k].to_ascii_uppercase());
                let mut label = String::new();
                for k in 1..=words.len().min(4) {
                    let (ws, we) = words[words.len() - k];
                    let part = text[ws..we].to_ascii_uppercase();
                    label = if label.is_empty() { part } else { format!("{part}_{label}") };
                    if self.labels.contains(&label)
                        || label == LITERAL_LABEL
                        || Kind::BUILTIN.iter().any(|k| k.label() == label)
                    {
                        self.burnt.insert(format!("{label}_{n}"));
                        if let Some(sfx) = &suffix {
                            self.burnt.insert(format!("{label}_{n}_{sfx}"));
                        }
                    }
                }
            }
            words.push((s, i));
            if words.len() > 8 {
                words.remove(0);
            }
            prev_end = Some(i);
        }
    }

    fn alloc_number(&mut self, label: &str) -> u32 {
        let mut n = self.counters.get(label).copied().unwrap_or(0);
        loop {
            n += 1;
            let key = format!("{label}_{n}");
            if !self.burnt.contains(&key) && !self.by_key.contains_key(&key) {
                break;
            }
        }
        self.counters.insert(label.to_string(), n);
        n
    }

    fn new_entry(&mut self, label: &str, person: Option<Person>, fake: Fake) -> usize {
        self.labels.insert(label.to_string());
        let n = self.alloc_number(label);
        self.entries.push(Entry { label: label.to_string(), n, forms: HashMap::new(), person, fake });
        self.entries.len() - 1
    }

    /// Registers a new form of `entry`. `suffix` None = the plain key.
    fn add_form(&mut self, entry: usize, suffix: Option<&str>, original: &str, surrogate: Option<String>) -> usize {
        let base = format!("{}_{}", self.entries[entry].label, self.entries[entry].n);
        let mut key = match suffix {
            None => base.clone(),
            Some(s) => format!("{base}_{s}"),
        };
        let mut k = 2;
        while self.by_key.contains_key(&key) || (suffix.is_some() && self.burnt.contains(&key)) {
            key = format!("{base}_{}{k}", suffix.unwrap_or("ALT"));
            k += 1;
        }
        let surrogate = surrogate
            .filter(|s| !s.is_empty() && !self.by_sur.contains_key(s) && !self.originals.contains(s) && s != original);
        let f = self.forms.len();
        self.max_key = self.max_key.max(key.len());
        self.by_key.insert(key.clone(), f);
        self.keys.insert(key.clone());
        if let Some(s) = &surrogate {
            self.by_sur.insert(s.clone(), f);
            self.sur_first.entry(s.chars().next().expect("non-empty")).or_default().push(f);
            self.max_sur = self.max_sur.max(s.len());
        }
        self.originals.insert(original.to_string());
        self.forms.push(Form { key, original: original.to_string(), surrogate });
        self.entries[entry].forms.insert(original.to_string(), f);
        f
    }

    fn surrogate_ok(&self, s: &str, text: &str) -> bool {
        !s.is_empty() && !self.by_sur.contains_key(s) && !self.originals.contains(s) && !contains_ci(text, s)
    }

    #[allow(clippy::too_many_arguments)]
    fn form_for(
        &mut self,
        kind: Kind,
        label: &str,
        value: &str,
        text: &str,
        style: PlaceholderStyle,
        german: bool,
        titled: bool,
    ) -> usize {
        let sur = style == PlaceholderStyle::Surrogate;
        if kind == Kind::Person {
            let toks = name_tokens(value);
            if !toks.is_empty() {
                return self.person_form(label, value, &toks, text, sur, german, titled);
            }
        }
        let key = (Some(kind), canonical(kind, value));
        let entry = match self.by_value.get(&key) {
            Some(&e) => e,
            None => {
                let mut fake = Fake::None;
                if sur {
                    for _ in 0..8 {
                        let f = self.make_fake(kind, value, german);
                        match surrogate_form(&f, kind, value) {
                            Some(s) if self.surrogate_ok(&s, text) => {
                                fake = f;
                                break;
                            }
                            _ => {}
                        }
                    }
                }
                let e = self.new_entry(label, None, fake);
                self.by_value.insert(key, e);
                e
            }
        };
        if let Some(&f) = self.entries[entry].forms.get(value) {
            return f;
        }
        let suffix = if self.entries[entry].forms.is_empty() { None } else { Some("ALT") };
        let surrogate = if sur {
            surrogate_form(&self.entries[entry].fake, kind, value).filter(|s| self.surrogate_ok(s, text))
        } else {
            None
        };
        self.add_form(entry, suffix, value, surrogate)
    }

    fn make_fake(&mut self, kind: Kind, value: &str, german: bool) -> Fake {
        match kind {
            Kind::Iban => {
                let compact = crate::recognize::util::compact(value.as_bytes());
                if compact.len() < 5 || !compact[0].is_ascii_alphabetic() || !compact[1].is_ascii_alphabetic() {
                    return Fake::None;
                }
                let mut bban = String::new();
                for &c in &compact[4..] {
                    if c.is_ascii_digit() {
                        bban.push((b'0' + self.below(10) as u8) as char);
                    } else {
                        bban.push((b'A' + self.below(26) as u8) as char);
                    }
                }
                let cc = std::str::from_utf8(&compact[..2]).expect("ascii");
                let check =
                    validate::iban_check_digits(&compact[..2], bban.as_bytes()).expect("upper-case letters and digits");
                Fake::Iban(format!("{cc}{check:02}{bban}"))
            }
            Kind::CreditCard => {
                let digits: Vec<u8> = value.bytes().filter(u8::is_ascii_digit).collect();
                if digits.len() < 2 {
                    return Fake::None;
                }
                let mut d = vec![digits[0]];
                for _ in 1..digits.len() - 1 {
                    d.push(b'0' + self.below(10) as u8);
                }
                d.push(b'0' + luhn_check_digit(&d));
                Fake::Card(String::from_utf8(d).expect("ascii"))
            }
            Kind::Phone => {
                let nsn = phone_nsn(value);
                if nsn.is_empty() {
                    return Fake::None;
                }
                let mut d = String::new();
                for (k, &p) in nsn.iter().enumerate() {
                    if k == 0 {
                        d.push(value.as_bytes()[p] as char);
                    } else {
                        d.push((b'0' + self.below(10) as u8) as char);
                    }
                }
                Fake::Phone(d)
            }
            Kind::Email => {
                let (firsts, lasts) = if german { (DE_FIRST, DE_LAST) } else { (EN_FIRST, EN_LAST) };
                let first = firsts[self.below(firsts.len())].to_ascii_lowercase();
                let last = lasts[self.below(lasts.len())].to_ascii_lowercase();
                let tld = value.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
                let tld = if tld == "org" || tld == "net" { tld } else { "com".to_string() };
                let n = self.below(90) + 10;
                Fake::Email(format!("{first}.{last}{n}@example.{tld}"))
            }
            _ => Fake::None,
        }
    }

    fn fresh_name(&mut self, last: bool, german: bool) -> String {
        let list = match (last, german) {
            (false, true) => DE_FIRST,
            (true, true) => DE_LAST,
            (false, false) => EN_FIRST,
            (true, false) => EN_LAST,
        };
        let start = self.below(list.len());
        for k in 0..list.len() {
            let n = list[(start + k) % list.len()];
            if !self.fake_tokens.contains(n) && !self.seen_words.contains(&word_hash(n)) {
                self.fake_tokens.insert(n.to_string());
                return n.to_string();
            }
        }
        list[start].to_string()
    }

    fn link_person(&self, t: &[String]) -> Option<usize> {
        if let Some(&e) = self.persons.iter().find(|&&e| self.entries[e].person.as_ref().is_some_and(|p| p.tokens == t))
        {
            return Some(e);
        }
        let first = &t[0];
        let last = &t[t.len() - 1];
        let cands: Vec<usize> = self
            .persons
            .iter()
            .copied()
            .filter(|&e| {
                let p = &self.entries[e].person.as_ref().expect("person").tokens;
                if t.len() == 1 {
                    p.len() >= 2 && (p[0] == *first || p[p.len() - 1] == *first)
                } else if p.len() == 1 {
                    p[0] == *first || p[0] == *last
                } else {
                    p[p.len() - 1] == *last && compatible(&p[0], first)
                }
            })
            .collect();
        (cands.len() == 1).then(|| cands[0])
    }

    #[allow(clippy::too_many_arguments)]
    fn person_form(
        &mut self,
        label: &str,
        value: &str,
        toks: &[(usize, usize)],
        text: &str,
        sur: bool,
        german: bool,
        titled: bool,
    ) -> usize {
        let german = german || value.chars().any(|c| "äöüÄÖÜß".contains(c));
        let t: Vec<String> = toks.iter().map(|&(s, e)| value[s..e].to_lowercase()).collect();
        let entry = match self.link_person(&t) {
            Some(e) => {
                let old = self.entries[e].person.clone().expect("person");
                if t.len() > old.tokens.len() {
                    let mut fake = Vec::with_capacity(t.len());
                    for (k, tok) in t.iter().enumerate() {
                        match old.tokens.iter().position(|o| o == tok) {
                            Some(j) => fake.push(old.fake[j].clone()),
                            None => {
                                let f = self.fresh_name(k + 1 == t.len() && k > 0, german);
                                fake.push(f);
                            }
                        }
                    }
                    self.entries[e].person = Some(Person { tokens: t.clone(), fake });
                }
                e
            }
            None => {
                let fake: Vec<String> = (0..t.len())
                    .map(|k| {
                        let is_last = if t.len() == 1 { titled } else { k + 1 == t.len() };
                        self.fresh_name(is_last, german)
                    })
                    .collect();
                let e = self.new_entry(label, Some(Person { tokens: t.clone(), fake }), Fake::None);
                self.persons.push(e);
                e
            }
        };
        let result = match self.entries[entry].forms.get(value) {
            Some(&f) => f,
            None => {
                let p = self.entries[entry].person.clone().expect("person");
                let suffix = if self.entries[entry].forms.is_empty() {
                    None
                } else if t == p.tokens {
                    Some("FULL")
                } else if t.len() == 1 && p.tokens.len() >= 2 && t[0] == p.tokens[0] {
                    Some("FIRST")
                } else if t.len() == 1 && p.tokens.len() >= 2 && t[0] == p.tokens[p.tokens.len() - 1] {
                    Some("LAST")
                } else {
                    Some("ALT")
                };
                let surrogate = if sur {
                    Some(name_surrogate(value, toks, &t, &p)).filter(|s| self.surrogate_ok(s, text))
                } else {
                    None
                };
                self.add_form(entry, suffix, value, surrogate)
            }
        };
        // Register the first and last token of a multi-token mention that spells the
        // person's full name, so that the model may refer to them.
        let p = self.entries[entry].person.clone().expect("person");
        if t.len() >= 2 && t == p.tokens {
            for (role, k) in [("FIRST", 0), ("LAST", toks.len() - 1)] {
                let key = format!("{}_{}_{role}", self.entries[entry].label, self.entries[entry].n);
                let (s, e) = toks[k];
                let surface = &value[s..e];
                if self.by_key.contains_key(&key) || self.entries[entry].forms.contains_key(surface) {
                    continue;
                }
                let surrogate = if sur {
                    Some(name_surrogate(surface, &[(0, surface.len())], &t[k..k + 1], &p))
                        .filter(|x| self.surrogate_ok(x, text))
                } else {
                    None
                };
                self.add_form(entry, Some(role), surface, surrogate);
            }
        }
        result
    }

    fn literal(&mut self, s: &str) -> usize {
        let key = (None, s.to_string());
        let entry = match self.by_value.get(&key) {
            Some(&e) => e,
            None => {
                let e = self.new_entry(LITERAL_LABEL, None, Fake::None);
                self.by_value.insert(key, e);
                e
            }
        };
        match self.entries[entry].forms.get(s) {
            Some(&f) => f,
            None => self.add_form(entry, None, s, None),
        }
    }

    /// Renders the segments and checks them with the matcher `restore` uses; fixes
    /// what it would misread until it reads everything right.
    fn settle(&mut self, text: &str, mut segs: Vec<Seg>, style: PlaceholderStyle) -> String {
        let (open, close) = style.delimiters();
        let mut round = 0;
        loop {
            round += 1;
            if round == 4 {
                for s in segs.iter_mut() {
                    if let Seg::Tok { bracket, .. } = s {
                        *bracket = true;
                    }
                }
            }
            let mut out = String::with_capacity(text.len() + 16 * segs.len());
            let mut spans: Vec<(usize, usize)> = Vec::with_capacity(segs.len());
            for seg in &segs {
                let s = out.len();
                match *seg {
                    Seg::Text(a, b) => out.push_str(&text[a..b]),
                    Seg::Tok { form, bracket } => {
                        let f = &self.forms[form];
                        match (&f.surrogate, bracket) {
                            (Some(sur), false) => out.push_str(sur),
                            _ => {
                                out.push(open);
                                out.push_str(&f.key);
                                out.push(close);
                            }
                        }
                    }
                }
                spans.push((s, out.len()));
            }
            let mut matches: Vec<(usize, usize, usize)> = Vec::new();
            let mut sink = String::new();
            run(self, &out, &mut None, true, &mut sink, &mut |s, e, f| matches.push((s, e, f)));
            let mut ok = vec![false; segs.len()];
            let mut to_bracket: Vec<usize> = Vec::new();
            let mut to_literal: Vec<(usize, usize, usize)> = Vec::new(); // seg, out start, out end
            for &(ms, me, mf) in &matches {
                let idx = spans.partition_point(|&(_, e)| e <= ms);
                if let Some(Seg::Tok { form, .. }) = segs.get(idx) {
                    if spans[idx] == (ms, me) && self.forms[mf].original == self.forms[*form].original {
                        ok[idx] = true;
                        continue;
                    }
                }
                let mut switched = false;
                let mut k = idx;
                while k < segs.len() && spans[k].0 < me {
                    if let Seg::Tok { bracket: false, .. } = segs[k] {
                        to_bracket.push(k);
                        switched = true;
                    }
                    k += 1;
                }
                if !switched {
                    let mut k = idx;
                    while k < segs.len() && spans[k].0 < me {
                        if let Seg::Text(..) = segs[k] {
                            to_literal.push((k, ms.max(spans[k].0), me.min(spans[k].1)));
                        }
                        k += 1;
                    }
                }
            }
            for (k, seg) in segs.iter().enumerate() {
                if let Seg::Tok { bracket: false, .. } = seg {
                    if !ok[k] {
                        to_bracket.push(k);
                    }
                }
            }
            if to_bracket.is_empty() && to_literal.is_empty() {
                return out;
            }
            for k in to_bracket {
                if let Seg::Tok { bracket, .. } = &mut segs[k] {
                    *bracket = true;
                }
            }
            // Split text segments around literal spans, last first so indices stay valid.
            to_literal.sort_unstable();
            to_literal.dedup();
            let lit_forms: Vec<usize> = to_literal
                .iter()
                .map(|&(k, os, oe)| match segs[k] {
                    Seg::Text(a, _) => self.literal(&text[a + (os - spans[k].0)..a + (oe - spans[k].0)]),
                    Seg::Tok { form, .. } => form,
                })
                .collect();
            for (&(k, os, oe), &form) in to_literal.iter().zip(&lit_forms).rev() {
                let Seg::Text(a, b) = segs[k] else { continue };
                let (la, lb) = (a + (os - spans[k].0), a + (oe - spans[k].0));
                let mut repl = Vec::with_capacity(3);
                if a < la {
                    repl.push(Seg::Text(a, la));
                }
                repl.push(Seg::Tok { form, bracket: true });
                if lb < b {
                    repl.push(Seg::Text(lb, b));
                }
                segs.splice(k..k + 1, repl);
            }
            if round > 64 {
                // Unreachable in practice: every round turns surrogates into brackets
                // or text into literals, which are finite. Give the whole text up as
                // one literal rather than return something restore misreads.
                let f = self.literal(text);
                let key = &self.forms[f].key;
                return format!("{open}{key}{close}");
            }
        }
    }
}

/// Hash of a word, lower-cased (only hashes of earlier words are kept, so that a fake
/// name never repeats a word the person wrote earlier in the conversation).
fn word_hash(w: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    w.to_lowercase().hash(&mut h);
    h.finish()
}

fn splitmix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn contains_ci(hay: &str, needle: &str) -> bool {
    let h = hay.to_lowercase();
    h.contains(&needle.to_lowercase())
}

fn compatible(a: &str, b: &str) -> bool {
    a == b || (a.chars().count() == 1 && b.starts_with(a)) || (b.chars().count() == 1 && a.starts_with(b))
}

/// How a value is compared within its kind.
fn canonical(kind: Kind, value: &str) -> String {
    match kind {
        Kind::Email => value.trim().to_lowercase(),
        Kind::Iban => value.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()).collect(),
        Kind::CreditCard => value.chars().filter(char::is_ascii_digit).collect(),
        Kind::Phone => {
            let nsn = phone_nsn(value);
            if nsn.is_empty() {
                value.chars().filter(char::is_ascii_digit).collect()
            } else {
                nsn.iter().map(|&p| value.as_bytes()[p] as char).collect()
            }
        }
        _ => crate::types::canonical(value),
    }
}

/// Public for tests and callers: the canonical comparison key of a value of `kind`
/// (phones: the national significant number; IBANs: upper-case letters and digits;
/// cards: digits; e-mail: lower-cased; names: lower-cased tokens joined by a space).
pub fn canonical_key(kind: Kind, value: &str) -> String {
    if kind == Kind::Person {
        let t = name_tokens(value);
        if !t.is_empty() {
            return t.iter().map(|&(s, e)| value[s..e].to_lowercase()).collect::<Vec<_>>().join(" ");
        }
    }
    canonical(kind, value)
}

/// Length of the country calling code at the start of `digits` (after `+` or `00`), by
/// the E.164 table of [`e164::country_code`]. Where that table knows no code (a leading
/// 0, an unassigned zone) or the number would end with the code, up to three digits are
/// taken, so that a number always compares by what follows its country code.
fn cc_len(digits: &[u8]) -> usize {
    match e164::country_code(digits) {
        Some((_, l)) if l <= 2 && digits.len() > l => l,
        _ => 3.min(digits.len()),
    }
}

/// Byte positions of the national significant number's digits in a phone number:
/// without `+CC`, `00CC`, a trunk `0` or `(0)`.
fn phone_nsn(v: &str) -> Vec<usize> {
    let b = v.as_bytes();
    let pos: Vec<usize> = (0..b.len()).filter(|&i| b[i].is_ascii_digit()).collect();
    if pos.is_empty() {
        return pos;
    }
    let digits: Vec<u8> = pos.iter().map(|&p| b[p]).collect();
    let lead = v.trim_start();
    let mut idx;
    let international;
    if lead.starts_with('+') {
        idx = cc_len(&digits);
        international = true;
    } else if digits.len() > 2 && digits[0] == b'0' && digits[1] == b'0' && pos[1] == pos[0] + 1 {
        idx = 2 + cc_len(&digits[2..]);
        international = true;
    } else {
        idx = usize::from(digits[0] == b'0');
        international = false;
    }
    if international && idx < digits.len() && digits[idx] == b'0' {
        idx += 1; // (0) or a trunk zero written after the country code
    }
    pos[idx.min(pos.len())..].to_vec()
}

/// The surrogate of one written form of a non-person value.
fn surrogate_form(fake: &Fake, kind: Kind, value: &str) -> Option<String> {
    match (fake, kind) {
        (Fake::Iban(f), _) | (Fake::Card(f), _) => {
            let mut it = f.chars();
            let is_card = matches!(fake, Fake::Card(_));
            let mut out = String::with_capacity(value.len());
            for c in value.chars() {
                let take = if is_card { c.is_ascii_digit() } else { c.is_ascii_alphanumeric() };
                if take {
                    let n = it.next()?;
                    out.push(if c.is_ascii_lowercase() { n.to_ascii_lowercase() } else { n });
                } else {
                    out.push(c);
                }
            }
            it.next().is_none().then_some(out)
        }
        (Fake::Phone(f), _) => {
            let nsn = phone_nsn(value);
            if nsn.len() != f.len() {
                return None;
            }
            let mut out = value.as_bytes().to_vec();
            for (k, &p) in nsn.iter().enumerate() {
                out[p] = f.as_bytes()[k];
            }
            String::from_utf8(out).ok()
        }
        (Fake::Email(f), _) => {
            let has_lower = value.chars().any(|c| c.is_lowercase());
            let trimmed = value.trim();
            let lead = &value[..value.find(trimmed).unwrap_or(0)];
            let trail = &value[lead.len() + trimmed.len()..];
            Some(format!("{lead}{}{trail}", if has_lower { f.clone() } else { f.to_ascii_uppercase() }))
        }
        _ => None,
    }
}

/// The surrogate of a name mention: every token replaced by the fake token at the
/// same place of the person's name, keeping the case pattern and punctuation.
fn name_surrogate(value: &str, toks: &[(usize, usize)], t: &[String], p: &Person) -> String {
    let mut out = String::with_capacity(value.len());
    let mut last = 0;
    for (k, &(s, e)) in toks.iter().enumerate() {
        out.push_str(&value[last..s]);
        let orig = &value[s..e];
        let fake = match p.tokens.iter().position(|x| *x == t[k]) {
            Some(j) => p.fake[j].clone(),
            None => {
                let initial = t[k].chars().count() == 1;
                match p.tokens.iter().position(|x| initial && x.starts_with(t[k].as_str())) {
                    Some(j) => p.fake[j].chars().next().map(String::from).unwrap_or_default(),
                    None => p.fake.get(k).cloned().unwrap_or_else(|| p.fake[0].clone()),
                }
            }
        };
        let upper = orig.chars().all(|c| !c.is_lowercase()) && orig.chars().count() > 1;
        let lower = orig.chars().all(|c| !c.is_uppercase());
        if upper {
            out.push_str(&fake.to_uppercase());
        } else if lower {
            out.push_str(&fake.to_lowercase());
        } else {
            out.push_str(&fake);
        }
        last = e;
    }
    out.push_str(&value[last..]);
    out
}

/// Name tokens of a value: runs of letters with inner `-`, `'` or `’`.
fn name_tokens(v: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = v.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        if !chars[k].1.is_alphabetic() {
            k += 1;
            continue;
        }
        let s = chars[k].0;
        let mut j = k + 1;
        while j < chars.len() {
            let c = chars[j].1;
            if c.is_alphabetic() {
                j += 1;
            } else if matches!(c, '-' | '\'' | '’') && j + 1 < chars.len() && chars[j + 1].1.is_alphabetic() {
                j += 2;
            } else {
                break;
            }
        }
        let e = chars.get(j).map_or(v.len(), |x| x.0);
        out.push((s, e));
        k = j;
    }
    out
}

const TITLES: &[&str] = &[
    "herr", "herrn", "frau", "hr", "fr", "dr", "prof", "mag", "ing", "dipl", "di", "dkfm", "mr", "mrs", "ms", "miss",
    "mx", "sir", "madam", "dame", "lord", "lady", "med", "phil", "rer", "nat", "jur", "univ",
];

/// Start of a person mention after leading titles (`Frau Dr. Huber` → `Huber`).
fn strip_titles(text: &str, s: usize, e: usize) -> usize {
    let v = &text[s..e];
    let toks = name_tokens(v);
    let mut k = 0;
    while k + 1 < toks.len() && TITLES.contains(&v[toks[k].0..toks[k].1].to_lowercase().as_str()) {
        k += 1;
    }
    if k == 0 {
        s
    } else {
        s + toks[k].0
    }
}

/// A rough language guess for surrogate names: German unless English function words
/// clearly outnumber German ones.
fn looks_german(text: &str) -> bool {
    if text.chars().any(|c| "äöüÄÖÜß".contains(c)) {
        return true;
    }
    const DE: &[&str] = &[
        "und", "der", "die", "das", "ich", "ist", "nicht", "mit", "bitte", "sie", "ein", "eine", "mein", "meine",
        "von", "für", "herr", "frau", "danke",
    ];
    const EN: &[&str] = &[
        "the", "and", "is", "my", "please", "with", "for", "you", "of", "to", "this", "hello", "thanks", "mr", "mrs",
        "ms", "dear",
    ];
    let (mut de, mut en) = (0, 0);
    for w in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        let w = w.to_lowercase();
        de += usize::from(DE.contains(&w.as_str()));
        en += usize::from(EN.contains(&w.as_str()));
    }
    en <= de
}

const DE_FIRST: &[&str] = &[
    "Erika",
    "Max",
    "Lieselotte",
    "Hannelore",
    "Friedhelm",
    "Waltraud",
    "Gottlieb",
    "Hildegard",
    "Kunigunde",
    "Reinhold",
    "Sieglinde",
    "Adalbert",
    "Gundula",
    "Eberhard",
    "Irmgard",
    "Wilhelmine",
];
const DE_LAST: &[&str] = &[
    "Mustermann",
    "Musterfrau",
    "Beispiel",
    "Exempel",
    "Platzhalter",
    "Musterhuber",
    "Beispielmann",
    "Mustermeier",
    "Musterberger",
    "Beispielhofer",
    "Platzmann",
    "Exempler",
];
const EN_FIRST: &[&str] = &[
    "Jane", "John", "Richard", "Janet", "Joe", "Fred", "Alan", "Harriet", "Edmund", "Winifred", "Percival", "Mildred",
];
const EN_LAST: &[&str] = &[
    "Doe",
    "Roe",
    "Bloggs",
    "Nurk",
    "Smithee",
    "Sample",
    "Example",
    "Placeholder",
    "Exampleton",
    "Sampleton",
    "Doakes",
    "Citizen",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_nsn_strips_prefixes() {
        for v in [
            "+49 170 1234567",
            "0049 170 1234567",
            "0170 1234567",
            "+49 (0)170 1234567",
            "+49 0170-1234567",
            "0170/123 45 67",
        ] {
            assert_eq!(canonical(Kind::Phone, v), "1701234567", "{v}");
        }
        assert_eq!(canonical(Kind::Phone, "+43 664 1234567"), "6641234567");
        assert_eq!(canonical(Kind::Phone, "+1 212 555 0100"), "2125550100");
        assert_eq!(canonical(Kind::Phone, "+420 601 123 456"), "601123456");
    }

    #[test]
    fn fake_iban_and_card_are_valid() {
        let mut st = State { rng: 7, ..State::default() };
        for _ in 0..50 {
            let Fake::Iban(f) = st.make_fake(Kind::Iban, "DE89 3704 0044 0532 0130 00", true) else { panic!() };
            assert_eq!(f.len(), 22);
            assert!(f.starts_with("DE"));
            let rearranged = format!("{}{}", &f[4..], &f[..4]);
            assert_eq!(validate::checksum::mod97_alnum([rearranged.as_bytes()]), Some(1), "{f}");
            assert_eq!(validate::iban(f.as_bytes()), Ok(()), "{f}");
            let Fake::Card(c) = st.make_fake(Kind::CreditCard, "4111 1111 1111 1111", true) else { panic!() };
            assert_eq!(c.len(), 16);
            assert!(c.starts_with('4'));
            let d: Vec<u8> = c.bytes().collect();
            assert_eq!(luhn_check_digit(&d[..15]), d[15] - b'0');
        }
        assert_eq!(luhn_check_digit(b"411111111111111"), 1);
    }

    #[test]
    fn titles_are_kept_out_of_the_span() {
        let t = "Frau Dr. Huber";
        assert_eq!(&t[strip_titles(t, 0, t.len())..], "Huber");
        assert_eq!(strip_titles("Herr", 0, 4), 0);
    }
}
