//! The scanner: a configuration compiled once, then the fixed pipeline per text.
//!
//! `ScannerBuilder` (in `builder`) checks and compiles everything up front (custom
//! patterns, allow and deny lists) so that a bad configuration fails when it is built
//! — with an error naming the key — and a rescan on every keystroke does no
//! compilation at all.
//!
//! Per text: normalise → candidates (every enabled recogniser; on two threads for a
//! long text, see `parallel`) → context and field hints (`stage`) → threshold →
//! resolve overlaps → every occurrence of a found value (`repeats`) → allow list →
//! findings with byte offsets into the original text.
//!
//! While a person types, [`Scanner::rescan`] (in `incremental`) reads again only the
//! region around what changed since the last text and gives the findings a full scan
//! gives.

mod builder;
mod incremental;
#[cfg(not(target_arch = "wasm32"))]
mod parallel;
mod repeats;
mod stage;

pub use builder::{CustomPattern, ScannerBuilder, DEFAULT_MAX_TEXT_BYTES, PARALLEL_MIN_BYTES};
pub use incremental::Rescan;

use crate::context::Window;
use crate::entity::Kind;
use crate::error::{Error, ErrorCode};
use crate::field::{FieldClass, FieldHints};
use crate::mask::{self, MaskOptions};
use crate::normalize::Normalized;
use crate::recognize::{self, Recognizer, Shared};
use crate::resolve::resolve;
use crate::span::Span;
use crate::types::{canonical, Candidate, Finding, Input};
use crate::validate;
use builder::Config;

/// Names of the validators a custom pattern may use. `luhn` reads only the digits of
/// a match; the others read its letters and digits, upper-cased.
pub const VALIDATORS: &[&str] = validate::NAMES;

fn run_validator(name: &str, v: &[u8]) -> bool {
    validate::find(name).is_some_and(|check| check(v))
}

impl ScannerBuilder {
    /// Checks and compiles the configuration.
    pub fn build(self) -> Result<Scanner, Error> {
        let cfg = self.compile(VALIDATORS)?;
        let recognizers = recognize::registry(&cfg.enabled);
        Ok(Scanner { recognizers, cfg })
    }
}

/// A compiled configuration; cheap to reuse for every keystroke.
pub struct Scanner {
    recognizers: Vec<Shared>,
    cfg: Config,
}

impl std::fmt::Debug for Scanner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scanner")
            .field("enabled", &self.cfg.enabled)
            .field("threshold", &self.cfg.threshold)
            .finish_non_exhaustive()
    }
}

impl Scanner {
    /// A scanner with the default configuration.
    pub fn new() -> Scanner {
        ScannerBuilder::new().build().expect("default configuration is valid")
    }

    /// The id of a kind: built-in id, or a custom pattern's name (`deny` for the deny list).
    pub fn kind_id(&self, kind: Kind) -> &str {
        match kind {
            Kind::Custom(i) => self.cfg.custom_names.get(i as usize).map(String::as_str).unwrap_or("custom"),
            k => k.id(),
        }
    }

    /// The label of a kind for the `label`/`token` operators (`IBAN`, custom names upper-cased).
    pub fn kind_label(&self, kind: Kind) -> String {
        match kind {
            Kind::Custom(_) => self.kind_id(kind).to_ascii_uppercase(),
            k => k.label().to_string(),
        }
    }

    /// The kind with this id (built-in or custom name).
    pub fn kind_by_id(&self, id: &str) -> Option<Kind> {
        Kind::from_id(id).or_else(|| self.cfg.custom_names.iter().position(|n| n == id).map(|i| Kind::Custom(i as u16)))
    }

    /// Finds personal data in `text`.
    pub fn scan(&self, text: &str, field: Option<&FieldHints>) -> Result<Vec<Finding>, Error> {
        self.check_size(text)?;
        let norm = Normalized::new(text);
        let class = field.map(FieldHints::classify).unwrap_or_default();
        let input = Input::new(norm.text(), class);
        let cands = self.recognize(&input);
        Ok(self.finish(text, &norm, &input, cands, None))
    }

    fn check_size(&self, text: &str) -> Result<(), Error> {
        if text.len() > self.cfg.max_text_bytes {
            return Err(Error::new(
                ErrorCode::TextTooLarge,
                format!("text is {} bytes, the limit is {} bytes (maxTextBytes)", text.len(), self.cfg.max_text_bytes),
            ));
        }
        Ok(())
    }

    /// The rest of the pipeline after the recognisers: custom patterns and the deny
    /// list, overlaps, every occurrence of a found value, the allow list, and the way
    /// back to offsets in the original `text`. While a person types, `again` holds what
    /// the every-occurrence stage found in the last text and the edit since (see
    /// `repeats::with_repeats_again`).
    fn finish(
        &self,
        text: &str,
        norm: &Normalized<'_>,
        input: &Input<'_>,
        mut cands: Vec<Candidate>,
        again: Option<(&mut repeats::Memo, Option<repeats::Edit>)>,
    ) -> Vec<Finding> {
        let ntext = input.text;
        let class = input.field;
        let mut custom = Vec::new();
        for c in &self.cfg.custom {
            for m in c.re.find_iter(ntext) {
                let (s, e) = snap(ntext, m.start(), m.end());
                if s >= e {
                    continue;
                }
                let ok = match &c.validator {
                    Some(v) => {
                        let compact = recognize::util::compact(&ntext.as_bytes()[s..e]);
                        run_validator(v, &compact)
                    }
                    None => true,
                };
                if ok {
                    let mut cand = Candidate::new(c.kind, s, e, c.score);
                    cand.validated = c.validator.is_some();
                    custom.push(cand);
                }
            }
        }
        // The threshold (see `keep`); the recognisers' candidates went through it in
        // `recognize`.
        let mut win = Window::default();
        custom.retain_mut(|c| self.keep(c, &mut win, ntext, &class));
        cands.append(&mut custom);
        if let Some((kind, re)) = &self.cfg.deny {
            for m in re.find_iter(ntext) {
                let (s, e) = snap(ntext, m.start(), m.end());
                if s < e {
                    let mut c = Candidate::new(*kind, s, e, 1.0);
                    c.validated = true;
                    cands.push(c);
                }
            }
        }
        let kept = match again {
            Some((memo, edit)) => repeats::with_repeats_again(ntext, resolve(cands), memo, edit),
            None => repeats::with_repeats(ntext, resolve(cands)),
        };
        let mut out = Vec::with_capacity(kept.len());
        // The kept candidates come in order of position: one walk maps them all.
        let mut cursor = norm.cursor();
        for c in kept {
            let (s, e) = cursor.original(c.start, c.end);
            if s >= e {
                continue;
            }
            if !matches!(c.kind, Kind::Custom(_)) && self.is_allowed(&text[s..e]) {
                continue;
            }
            out.push(Finding { kind: c.kind, span: Span::new(s, e), score: c.score, subtype: c.subtype });
        }
        out
    }

    /// Runs the recognisers; candidates come in registry order either way (on two
    /// threads for a long text when the configuration allows it, see `parallel`).
    fn recognize(&self, input: &Input<'_>) -> Vec<Candidate> {
        let text = input.text;
        let find_kept =
            |recognizers: &[Shared], part: &Input<'_>, from, keep| self.find_kept(recognizers, part, from, keep, text);
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(cands) = parallel::recognize(self.cfg.threads, &self.recognizers, input, &find_kept) {
            return cands;
        }
        find_kept(&self.recognizers, input, 0, 0..text.len())
    }

    /// The candidates `recognizers` find in `part`, which starts at byte `from` of
    /// `text`: moved to offsets in `text`, kept if they start in `keep`, and judged by
    /// [`Scanner::keep`] with context read in the whole `text`.
    fn find_kept(
        &self,
        recognizers: &[Shared],
        part: &Input<'_>,
        from: usize,
        keep: std::ops::Range<usize>,
        text: &str,
    ) -> Vec<Candidate> {
        let mut win = Window::default();
        let columns = crate::table::header_classes(text);
        let (mut kept, mut found) = (Vec::new(), Vec::new());
        for r in recognizers {
            r.find(part, &mut found);
            for mut c in found.drain(..) {
                c.start += from;
                c.end += from;
                if keep.contains(&c.start) && self.judge_kept(&**r, &mut c, &mut win, text, &columns, &part.field) {
                    kept.push(c);
                }
            }
        }
        kept
    }

    /// A candidate of `text` that recogniser `r` proposed, typed into a field of
    /// `field`: judged by `r` on what lies beyond its reach ([`Recognizer::judge`]),
    /// then by [`Scanner::keep`], a value in a pasted table as if typed into a field
    /// labelled by its column's header (`columns`, from
    /// [`crate::table::header_classes`] of `text`).
    fn judge_kept(
        &self,
        r: &dyn Recognizer,
        c: &mut Candidate,
        win: &mut Window,
        text: &str,
        columns: &[(usize, usize, FieldClass)],
        field: &FieldClass,
    ) -> bool {
        let Some(score) = r.judge(c, text, field) else {
            return false;
        };
        c.score = score;
        let class = crate::table::class_at(columns, c.start, c.end).unwrap_or(*field);
        self.keep(c, win, text, &class)
    }

    /// Context and field hints, then the threshold: applied to each candidate before
    /// overlaps are resolved, so that a weak candidate cannot hide a strong one. Each
    /// candidate is judged on its own (the order of candidates is kept).
    fn keep(&self, c: &mut Candidate, win: &mut Window, ntext: &str, class: &FieldClass) -> bool {
        if !self.cfg.enabled.contains(&c.kind) && !matches!(c.kind, Kind::Custom(_)) {
            return false;
        }
        if let (Some(list), Some(cc)) = (&self.cfg.countries, c.country) {
            if !list.iter().any(|x| x == cc) {
                return false;
            }
        }
        if !matches!(c.kind, Kind::Custom(_)) {
            stage::rescore(c, win, ntext, class);
        }
        c.score >= self.cfg.threshold && c.start < c.end
    }

    fn is_allowed(&self, value: &str) -> bool {
        if !self.cfg.allow.is_empty() {
            let v = canonical(value);
            if self.cfg.allow.contains(&v) {
                return true;
            }
        }
        self.cfg.allow_res.iter().any(|re| re.is_match(value))
    }

    /// Scans and masks in one call; returns the masked text and the findings.
    pub fn redact(
        &self,
        text: &str,
        field: Option<&FieldHints>,
        opts: &MaskOptions,
    ) -> Result<(String, Vec<Finding>), Error> {
        let findings = self.scan(text, field)?;
        let masked = self.mask(text, &findings, opts);
        Ok((masked, findings))
    }

    /// `text` with `findings` (of this scanner, in order) masked as `opts` say.
    pub fn mask(&self, text: &str, findings: &[Finding], opts: &MaskOptions) -> String {
        mask::apply(text, findings, opts, &|k| self.kind_label(k))
    }
}

impl Default for Scanner {
    fn default() -> Self {
        Scanner::new()
    }
}

/// Widens a byte match to char boundaries of `text`.
fn snap(text: &str, mut s: usize, mut e: usize) -> (usize, usize) {
    while s > 0 && !text.is_char_boundary(s) {
        s -= 1;
    }
    while e < text.len() && !text.is_char_boundary(e) {
        e += 1;
    }
    (s, e)
}
