//! The shared vocabulary of the id recogniser: what a number is reported as
//! ([`Spec`]), one reading of a run of tokens ([`Alt`]) with its base scores, the
//! shape of a run ([`Shape`]) and a chosen reading ([`Hit`]).

use crate::entity::Kind;

/// One kind of number: what it is reported as, and the words that name it.
pub(super) struct Spec {
    pub(super) kind: Kind,
    pub(super) sub: &'static str,
    pub(super) country: &'static str,
    pub(super) hot: &'static [&'static str],
}

pub(super) const NAT: Kind = Kind::NationalId;
pub(super) const VAT: Kind = Kind::TaxVatId;
pub(super) const HEALTH: Kind = Kind::HealthInsuranceId;

/// Base scores (see the parent module's docs, "Scores"). A naming word gives 1.0, so that a
/// generic "Nummer"/"number" next to it (a reference word in `crate::context`)
/// cannot push the value under the threshold.
pub(super) const HOT: f32 = 1.0;
pub(super) const WEAK_GROUPED: f32 = 0.55;
pub(super) const WEAK_PLAIN: f32 = 0.15;
pub(super) const DOC_NO_WORD: f32 = 0.2;
pub(super) const NANP_LIKE: f32 = 0.45;
pub(super) const VAT_BAD_CHECK: f32 = 0.15;
pub(super) const VAT_BAD_WORD: f32 = 0.7;
pub(super) const DOC_WORD_REF: f32 = 0.6;

/// One interpretation of a run of tokens.
pub(super) struct Alt {
    pub(super) spec: &'static Spec,
    /// Score without a naming word.
    pub(super) plain: f32,
    /// Score with a naming word.
    pub(super) hot: f32,
    /// Score with a naming word when a business reference word stands nearer.
    pub(super) word_plain: f32,
    pub(super) validated: bool,
    /// A pure-digit value that is easily confused with other numbers.
    pub(super) weak: bool,
    /// Only reported with a naming word (or a field expecting it).
    pub(super) needs_word: bool,
}

impl Alt {
    pub(super) fn new(spec: &'static Spec, plain: f32, validated: bool) -> Alt {
        Alt { spec, plain, hot: HOT.max(plain), word_plain: plain, validated, weak: false, needs_word: false }
    }
}

/// A classified run: tokens `i..=j` of the region.
pub(super) struct Hit {
    pub(super) i: usize,
    pub(super) j: usize,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: Kind,
    pub(super) sub: &'static str,
    pub(super) country: &'static str,
    pub(super) score: f32,
    pub(super) validated: bool,
}

pub(super) struct Shape<'a> {
    pub(super) groups: &'a [u8],
    /// Separators used: bit 0 space, bit 1 dot, bit 2 hyphen, bit 3 slash (only
    /// between digit groups).
    pub(super) seps: u8,
    pub(super) lower_prefix: bool,
}

impl Shape<'_> {
    pub(super) fn is(&self, g: &[u8]) -> bool {
        self.groups == g
    }
    pub(super) fn one_sep(&self) -> bool {
        self.seps.count_ones() <= 1
    }
    pub(super) fn grouped(&self) -> bool {
        self.groups.len() > 1
    }
    /// A slash joins two of the digit groups (`12/345/67890`): only tax office numbers
    /// are written so.
    pub(super) fn slashed(&self) -> bool {
        self.seps & 8 != 0
    }
    /// Four groups of one to three digits joined by dots, each at most 255: the shape
    /// of an IPv4 address (`38.164.197.127`), in which no identifier is written.
    pub(super) fn dotted_quad(&self, c: &[u8]) -> bool {
        if self.seps != 2 || self.groups.len() != 4 || self.groups.iter().any(|&g| !(1..=3).contains(&g)) {
            return false;
        }
        let mut at = 0;
        self.groups.iter().all(|&g| {
            let part = &c[at..at + g as usize];
            at += g as usize;
            part.iter().fold(0u32, |v, d| v * 10 + u32::from(d - b'0')) <= 255
        })
    }
}
