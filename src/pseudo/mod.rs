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
//!
//! ## Layout
//!
//! This module is the public face ([`Session`], [`SessionOptions`],
//! [`PlaceholderStyle`], [`Restorer`]). Below it: `keys` (the mapping: forms, entries,
//! numbering), `values` (canonical keys, name tokens, titles), `restore` (the matcher
//! and [`Restorer`]), `surrogates` (fake values), `forms` (which form a value gets)
//! and `settle` (rendering and the self-check).

mod forms;
mod keys;
mod restore;
mod settle;
mod surrogates;
mod values;

pub use restore::Restorer;

use crate::entity::Kind;
use crate::error::Error;
use crate::field::FieldHints;
use crate::scanner::Scanner;
use crate::types::Finding;
use keys::{splitmix, State};
use restore::run;
use settle::Seg;
use std::sync::Arc;
use surrogates::{looks_german, shares_word};
use values::strip_titles;

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

/// A seed that differs between sessions (std's randomly keyed hasher over a counter).
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
        crate::sort::sort_by_key(&mut sorted, |f| (f.span.start, f.span.end));
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
            let form = st.form_for(
                f.kind,
                &label_of(f.kind),
                &text[s..e],
                text,
                style == PlaceholderStyle::Surrogate,
                german,
                titled,
            );
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
        st.settle(text, segs, style.delimiters())
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
        Restorer::new(Arc::clone(&self.st))
    }
}
