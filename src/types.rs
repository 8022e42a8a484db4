//! The values every stage of the pipeline hands on: what a recogniser reads
//! ([`Input`]), what it proposes ([`Candidate`]), what a scan reports ([`Finding`]), and
//! the canonical spelling of a value used to compare two findings ([`canonical`]).
//!
//! They live at the bottom of the crate so that recognisers, resolution and masking
//! depend on them and never on the scanner that drives them.

use crate::bytes::Edit;
use crate::case::Lowercase;
use crate::entity::Kind;
use crate::field::FieldClass;
use crate::span::Span;
use crate::tokens::{Kept, Tokens};

/// A piece of personal data found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// What it is.
    pub kind: Kind,
    /// Where it is: byte offsets into the original text (see [`crate::Scanner::locate`] to convert).
    pub span: Span,
    /// Confidence in 0..=1 after context.
    pub score: f32,
    /// Finer classification, e.g. `de_steuer_idnr` for a national id, `visa` for a card.
    pub subtype: Option<&'static str>,
}

/// A candidate produced by a recogniser, on the normalised text.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Kind.
    pub kind: Kind,
    /// Start byte in the normalised text.
    pub start: usize,
    /// End byte (exclusive) in the normalised text.
    pub end: usize,
    /// Score before context.
    pub score: f32,
    /// Subtype.
    pub subtype: Option<&'static str>,
    /// A check digit or strict registry rule was verified.
    pub validated: bool,
    /// ISO country (lower-case) the value belongs to, if known — used by the
    /// `countries` filter.
    pub country: Option<&'static str>,
}

impl Candidate {
    /// A new candidate without subtype, validation or country.
    pub fn new(kind: Kind, start: usize, end: usize, score: f32) -> Candidate {
        Candidate { kind, start, end, score, subtype: None, validated: false, country: None }
    }
}

/// What a recogniser sees: the normalised text and the field it came from.
pub struct Input<'t> {
    /// Normalised text.
    pub text: &'t str,
    /// The same, as bytes (what the hand-written searches read).
    pub bytes: &'t [u8],
    /// What the field hints say.
    pub field: FieldClass,
    /// Word tokens, made on first use and shared by the name and address recognisers.
    tokens: std::cell::OnceCell<Tokens<'t>>,
    /// The matches of the cue-word sets a rescan keeps, each found on first use.
    cues: [std::cell::OnceCell<CueMatches>; KEPT_CUE_SETS],
    /// Set for a rescan's part: the cue sets that are kept are searched whole and kept
    /// ([`Input::cue_matches`]).
    keeps: bool,
    /// What was kept of the same part before an edit ([`Input::reuse`]), and its text.
    kept_tokens: std::cell::Cell<Option<Kept>>,
    kept_cues: [std::cell::Cell<Option<CueMatches>>; KEPT_CUE_SETS],
    old: Option<&'t str>,
    /// Where `old` and `text` differ, found on first use.
    edit: std::cell::OnceCell<Edit>,
    /// The bytes with ASCII letters in lower case, made on first use (see [`Input::folded`]).
    folded: std::cell::OnceCell<Vec<u8>>,
    /// Set when `text` is part of a longer text: whether that whole text is written
    /// in lower case (see [`crate::tokens::all_lower_of`]).
    pub(crate) whole_all_lower: Option<bool>,
    /// Where the candidates that are kept start (a part read with margins keeps only
    /// those starting inside them; the whole text otherwise): see [`Input::wants`].
    pub(crate) wanted: std::ops::Range<usize>,
    /// Set for a rescan's part: the words a recogniser learned (`Recognizer::learns`)
    /// from its candidates starting before [`Input::wanted`], in lower case, each with
    /// the byte of this text up to which it is read as found before. The recogniser
    /// then learns from the candidates it keeps only. `None`: from all of the text.
    pub(crate) learned_before: Option<Vec<(String, usize)>>,
    /// What was learned from the candidates of this text, recorded where it
    /// [`Input::keeps`]: a rescan hands it to its next part.
    pub(crate) learned: std::cell::RefCell<Vec<Learned>>,
}

/// A word learned from a candidate (`Recognizer::learns`): byte offsets in the text
/// read, of the candidate's start (`from`) and of the word (`start..end`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Learned {
    pub(crate) from: usize,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

impl Learned {
    /// The words of `learned` (learned in `text`) from candidates starting before
    /// `zone_start` that are still read as found before (`far` bytes after their end)
    /// at `read_start` or later: what a part of `text` read from `read_start` is handed
    /// ([`Input::learned_before`]), in lower case, each with the byte of the part up to
    /// which it is read so.
    pub(crate) fn before(
        learned: &[Learned],
        text: &str,
        zone_start: usize,
        read_start: usize,
        far: usize,
    ) -> Vec<(String, usize)> {
        let mut words = Vec::new();
        for w in learned {
            if w.from < zone_start && w.end + far >= read_start {
                words.push((crate::tokens::word_lower(&text[w.start..w.end]), w.end + far - read_start));
            }
        }
        words
    }

    /// Moved by `by` bytes.
    pub(crate) fn moved(self, by: isize) -> Learned {
        let m = |at: usize| at.wrapping_add_signed(by);
        Learned { from: m(self.from), start: m(self.start), end: m(self.end) }
    }
}

impl<'t> Input<'t> {
    /// The input for normalised `text` typed into a field of class `field`.
    pub fn new(text: &'t str, field: FieldClass) -> Input<'t> {
        Input {
            text,
            bytes: text.as_bytes(),
            field,
            tokens: std::cell::OnceCell::new(),
            cues: Default::default(),
            keeps: false,
            kept_tokens: std::cell::Cell::new(None),
            kept_cues: Default::default(),
            old: None,
            edit: std::cell::OnceCell::new(),
            folded: std::cell::OnceCell::new(),
            whole_all_lower: None,
            wanted: 0..text.len(),
            learned_before: None,
            learned: Default::default(),
        }
    }

    /// The bytes with ASCII letters in lower case (made once per scan; same length and
    /// offsets as [`Input::bytes`]): what the cue-word sets ([`crate::recognize::util::Literals`]) read.
    pub(crate) fn folded(&self) -> &[u8] {
        self.folded.get_or_init(|| self.bytes.to_ascii_lowercase())
    }

    /// The word tokens of the text (computed once per scan).
    pub(crate) fn tokens(&self) -> &Tokens<'t> {
        self.tokens.get_or_init(|| {
            let mut tk = match (self.kept_tokens.take(), self.edit()) {
                (Some(kept), Some(edit)) => Tokens::after_edit(self.text, edit, kept),
                _ => Tokens::new(self.text),
            };
            if let Some(l) = self.whole_all_lower {
                tk.all_lower = l;
            }
            tk
        })
    }

    /// Whether a candidate starting at `start` is kept. A recogniser proposes the same
    /// candidates among those that are either way, and may leave out the others, or the
    /// work of judging them.
    pub(crate) fn wants(&self, start: usize) -> bool {
        self.wanted.contains(&start)
    }

    /// Marks the input as a rescan's part: the cue sets that are kept are searched
    /// whole, and what [`Input::kept`] gives holds their matches.
    pub(crate) fn keeping(&mut self) {
        self.keeps = true;
    }

    /// Whether the input is a rescan's part ([`Input::keeping`]).
    pub(crate) fn keeps(&self) -> bool {
        self.keeps
    }

    /// Gives what was kept of the text `old` (the same part of a text before an edit):
    /// when this text's tokens are made, those before the edit are taken again
    /// ([`Tokens::after_edit`]), and so are the cue matches before it and, moved,
    /// after it ([`Input::cue_matches`]).
    pub(crate) fn reuse(&mut self, kept: KeptPart, old: &'t str) {
        let KeptPart { tokens, cues } = kept;
        self.kept_tokens.set(tokens);
        for (slot, hits) in self.kept_cues.iter().zip(cues) {
            slot.set(hits);
        }
        self.old = Some(old);
    }

    /// The matches of the kept cue set of slot `slot` (made on first use): `find`
    /// gets the matches of the text before the edit, if they were kept, and where the
    /// two texts differ.
    pub(crate) fn cue_matches(
        &self,
        slot: usize,
        find: impl FnOnce(Option<(CueMatches, Edit)>) -> CueMatches,
    ) -> &[(usize, usize)] {
        self.cues[slot].get_or_init(|| find(self.kept_cues[slot].take().zip(self.edit())))
    }

    /// Where this text differs from the text before the edit, if one was given
    /// ([`Input::reuse`]): found once, for the tokens and every cue set.
    fn edit(&self) -> Option<Edit> {
        let old = self.old?;
        Some(*self.edit.get_or_init(|| Edit::between(old.as_bytes(), self.bytes)))
    }

    /// What can be kept of this text for the text after an edit: its tokens
    /// ([`Tokens::keep`]) and its cue matches, as far as they were made.
    pub(crate) fn kept(self) -> Option<KeptPart> {
        let tokens = self.tokens.into_inner().map(Tokens::keep);
        let cues = self.cues.map(std::cell::OnceCell::into_inner);
        (tokens.is_some() || cues.iter().any(Option::is_some)).then_some(KeptPart { tokens, cues })
    }
}

/// How many cue-word sets a rescan keeps the matches of (see
/// `recognize::util::Literals::matches`).
pub(crate) const KEPT_CUE_SETS: usize = 2;

/// What a rescan keeps of a part of its text for the same part after an edit
/// ([`Input::kept`], [`Input::reuse`]).
#[derive(Debug, Clone)]
pub(crate) struct KeptPart {
    tokens: Option<Kept>,
    cues: [Option<CueMatches>; KEPT_CUE_SETS],
}

/// Where a cue set's matches are, `(start, end)`, left to right.
pub(crate) type CueMatches = Vec<(usize, usize)>;

/// The value as compared for numbering: letters and digits only, lower-cased.
pub fn canonical(value: &str) -> String {
    value.chars().filter(|c| c.is_alphanumeric() || *c == '@').flat_map(|c| c.lowercase()).collect()
}
