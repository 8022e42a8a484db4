//! The values every stage of the pipeline hands on: what a recogniser reads
//! ([`Input`]), what it proposes ([`Candidate`]), what a scan reports ([`Finding`]), and
//! the canonical spelling of a value used to compare two findings ([`canonical`]).
//!
//! They live at the bottom of the crate so that recognisers, resolution and masking
//! depend on them and never on the scanner that drives them.

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
    /// The tokens of another text, and that text, to take again what they share (a
    /// rescan's part after an edit, see [`Input::reuse_tokens`]).
    kept: std::cell::Cell<Option<(Kept, &'t str)>>,
    /// The bytes with ASCII letters in lower case, made on first use (see [`Input::folded`]).
    folded: std::cell::OnceCell<Vec<u8>>,
    /// Set when `text` is part of a longer text: whether that whole text is written
    /// in lower case (see [`crate::tokens::all_lower_of`]).
    pub(crate) whole_all_lower: Option<bool>,
}

impl<'t> Input<'t> {
    /// The input for normalised `text` typed into a field of class `field`.
    pub fn new(text: &'t str, field: FieldClass) -> Input<'t> {
        Input {
            text,
            bytes: text.as_bytes(),
            field,
            tokens: std::cell::OnceCell::new(),
            kept: std::cell::Cell::new(None),
            folded: std::cell::OnceCell::new(),
            whole_all_lower: None,
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
            let mut tk = match self.kept.take() {
                Some((kept, old)) => Tokens::after_edit(self.text, old, kept),
                None => Tokens::new(self.text),
            };
            if let Some(l) = self.whole_all_lower {
                tk.all_lower = l;
            }
            tk
        })
    }

    /// Gives the tokens of the text `old` (the same part of a text before an edit): when
    /// this text's tokens are made, those before the edit are taken again
    /// ([`Tokens::after_edit`]).
    pub(crate) fn reuse_tokens(&mut self, kept: Kept, old: &'t str) {
        self.kept.set(Some((kept, old)));
    }

    /// What can be kept of this text's tokens for the text after an edit, if they were
    /// made ([`Tokens::keep`]).
    pub(crate) fn kept_tokens(self) -> Option<Kept> {
        self.tokens.into_inner().map(Tokens::keep)
    }
}

/// The value as compared for numbering: letters and digits only, lower-cased.
pub fn canonical(value: &str) -> String {
    value.chars().filter(|c| c.is_alphanumeric() || *c == '@').flat_map(|c| c.lowercase()).collect()
}
