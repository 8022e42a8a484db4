//! The scanner: a configuration compiled once, then the fixed pipeline per text.
//!
//! `ScannerBuilder` checks and compiles everything up front (custom patterns, allow
//! and deny lists) so that a bad configuration fails when it is built — with an error
//! naming the key — and a rescan on every keystroke does no compilation at all.
//!
//! Per text: normalise → candidates (every enabled recogniser) → context → threshold →
//! resolve overlaps → allow/deny → findings with byte offsets into the original text.

use crate::context::{self, Window};
use crate::entity::Kind;
use crate::error::{Error, ErrorCode};
use crate::field::{FieldClass, FieldHints};
use crate::mask::{self, MaskOptions};
use crate::normalize::Normalized;
use crate::recognize::{self, Recognizer};
use crate::resolve::resolve;
use crate::span::Span;
use crate::types::{canonical, Candidate, Finding, Input};
use crate::validate;
use regex::bytes::{Regex, RegexBuilder};

/// A custom pattern: a kind name, a regular expression and an optional validator.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomPattern {
    /// Kind name (`[a-z][a-z0-9_]*`, not a built-in id); also the label, upper-cased.
    pub name: String,
    /// Regular expression (Rust `regex` syntax, ASCII classes).
    pub pattern: String,
    /// Optional validator run on the letters and digits of a match (see
    /// [`VALIDATORS`]).
    pub validator: Option<String>,
    /// Score of a match (default 0.8).
    pub score: f32,
}

/// Names of the validators a custom pattern may use. `luhn` reads only the digits of
/// a match; the others read its letters and digits, upper-cased.
pub const VALIDATORS: &[&str] = validate::NAMES;

fn run_validator(name: &str, v: &[u8]) -> bool {
    validate::find(name).is_some_and(|check| check(v))
}

/// Scanner configuration. Build with [`ScannerBuilder`].
#[derive(Debug, Clone)]
pub struct ScannerBuilder {
    enabled: Vec<Kind>,
    countries: Option<Vec<String>>,
    threshold: f32,
    allow: Vec<String>,
    allow_patterns: Vec<String>,
    deny: Vec<String>,
    custom: Vec<CustomPattern>,
    max_text_bytes: usize,
    threads: usize,
}

/// Default limit on the size of one text: 8 MiB.
pub const DEFAULT_MAX_TEXT_BYTES: usize = 8 << 20;

impl Default for ScannerBuilder {
    fn default() -> Self {
        ScannerBuilder {
            enabled: Kind::BUILTIN.to_vec(),
            countries: None,
            threshold: 0.5,
            allow: Vec::new(),
            allow_patterns: Vec::new(),
            deny: Vec::new(),
            custom: Vec::new(),
            max_text_bytes: DEFAULT_MAX_TEXT_BYTES,
            threads: 1,
        }
    }
}

/// Texts from this size on are split over threads when [`ScannerBuilder::threads`]
/// allows it (below it, starting a thread costs more than it saves).
pub const PARALLEL_MIN_BYTES: usize = 32 << 10;

impl ScannerBuilder {
    /// Every built-in kind on, threshold 0.5, no lists.
    pub fn new() -> ScannerBuilder {
        ScannerBuilder::default()
    }

    /// Enables exactly these kinds.
    pub fn kinds(mut self, kinds: &[Kind]) -> Self {
        self.enabled = kinds.to_vec();
        self
    }

    /// Enables or disables one kind.
    pub fn kind(mut self, kind: Kind, on: bool) -> Self {
        self.enabled.retain(|k| *k != kind);
        if on {
            self.enabled.push(kind);
        }
        self
    }

    /// Restricts country-specific recognisers (national ids, plates, VAT numbers,
    /// national phone formats) to these ISO 3166 alpha-2 codes (`de`, `at`, `ch`, …).
    pub fn countries<S: AsRef<str>>(mut self, countries: &[S]) -> Self {
        self.countries = Some(countries.iter().map(|c| c.as_ref().to_ascii_lowercase()).collect());
        self
    }

    /// Minimum score of a reported finding (0..=1).
    pub fn threshold(mut self, t: f32) -> Self {
        self.threshold = t;
        self
    }

    /// Values never reported (compared case-insensitively, ignoring spaces).
    pub fn allow<S: AsRef<str>>(mut self, values: &[S]) -> Self {
        self.allow.extend(values.iter().map(|s| s.as_ref().to_string()));
        self
    }

    /// Patterns whose full matches are never reported.
    pub fn allow_patterns<S: AsRef<str>>(mut self, patterns: &[S]) -> Self {
        self.allow_patterns.extend(patterns.iter().map(|s| s.as_ref().to_string()));
        self
    }

    /// Terms always reported (whole words, case-insensitive for ASCII letters), as
    /// the custom kind `deny`.
    pub fn deny<S: AsRef<str>>(mut self, terms: &[S]) -> Self {
        self.deny.extend(terms.iter().map(|s| s.as_ref().to_string()));
        self
    }

    /// Adds a custom pattern.
    pub fn custom(mut self, p: CustomPattern) -> Self {
        self.custom.push(p);
        self
    }

    /// Largest text accepted by [`Scanner::scan`], in bytes.
    pub fn max_text_bytes(mut self, n: usize) -> Self {
        self.max_text_bytes = n;
        self
    }

    /// Lets one scan of a long text (at least [`PARALLEL_MIN_BYTES`]) use a second
    /// thread: the text is cut at a line start near the middle and each half is read
    /// on its own thread (the second on a scoped helper), with a margin of whole lines
    /// beyond the cut; a text of one long line is split by kind instead (names and
    /// addresses here, the others on the helper). Findings are the same as with one
    /// thread. Default 1 (a library should not start threads unasked); values above 2
    /// act as 2. Ignored in the WebAssembly build.
    pub fn threads(mut self, n: usize) -> Self {
        self.threads = n.max(1);
        self
    }

    /// Checks and compiles the configuration.
    pub fn build(self) -> Result<Scanner, Error> {
        if !(0.0..=1.0).contains(&self.threshold) || self.threshold.is_nan() {
            return Err(Error::new(ErrorCode::InvalidConfig, "threshold: must be a number between 0 and 1"));
        }
        if self.max_text_bytes == 0 {
            return Err(Error::new(ErrorCode::InvalidConfig, "maxTextBytes: must be at least 1"));
        }
        if let Some(cs) = &self.countries {
            for (i, c) in cs.iter().enumerate() {
                if c.len() != 2 || !c.bytes().all(|b| b.is_ascii_lowercase()) {
                    return Err(Error::new(
                        ErrorCode::InvalidConfig,
                        format!("countries[{i}]: expected a two-letter ISO 3166 code"),
                    ));
                }
            }
        }
        let mut custom_names: Vec<String> = Vec::new();
        let mut custom = Vec::new();
        for (i, p) in self.custom.iter().enumerate() {
            let key = format!("custom[{i}]");
            let valid_name = p.name.len() <= 40
                && p.name.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
                && p.name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            if !valid_name {
                return Err(Error::new(
                    ErrorCode::InvalidConfig,
                    format!("{key}.name: must match [a-z][a-z0-9_]* (at most 40 characters)"),
                ));
            }
            if Kind::from_id(&p.name).is_some() || p.name == "custom" || p.name == "deny" {
                return Err(Error::new(
                    ErrorCode::InvalidConfig,
                    format!("{key}.name: '{}' is a built-in kind id", p.name),
                ));
            }
            if let Some(v) = &p.validator {
                if !VALIDATORS.contains(&v.as_str()) {
                    return Err(Error::new(
                        ErrorCode::InvalidConfig,
                        format!("{key}.validator: unknown validator '{v}' (expected one of {})", VALIDATORS.join(", ")),
                    ));
                }
            }
            if !(0.0..=1.0).contains(&p.score) || p.score.is_nan() {
                return Err(Error::new(
                    ErrorCode::InvalidConfig,
                    format!("{key}.score: must be a number between 0 and 1"),
                ));
            }
            let re = compile_user_pattern(&p.pattern, &format!("{key}.pattern"))?;
            let idx = custom_names.len();
            if custom_names.contains(&p.name) {
                return Err(Error::new(ErrorCode::InvalidConfig, format!("{key}.name: '{}' is used twice", p.name)));
            }
            custom_names.push(p.name.clone());
            custom.push(CompiledCustom {
                kind: Kind::Custom(idx as u16),
                re,
                validator: p.validator.clone(),
                score: p.score,
            });
        }
        let mut allow_res = Vec::new();
        for (i, p) in self.allow_patterns.iter().enumerate() {
            let anchored = format!("^(?:{p})$");
            compile_user_pattern(p, &format!("allowPatterns[{i}]"))?;
            allow_res.push(compile_user_pattern_unchecked(&anchored, &format!("allowPatterns[{i}]"))?);
        }
        let deny = if self.deny.is_empty() {
            None
        } else {
            for (i, t) in self.deny.iter().enumerate() {
                if t.trim().is_empty() {
                    return Err(Error::new(ErrorCode::InvalidConfig, format!("deny[{i}]: empty term")));
                }
            }
            let alts: Vec<String> = self.deny.iter().map(|t| regex::escape(t.trim())).collect();
            let idx = custom_names.len();
            custom_names.push("deny".to_string());
            let re = RegexBuilder::new(&format!(r"(?i)(?:^|\b)(?:{})(?:\b|$)", alts.join("|")))
                .unicode(false)
                .size_limit(1 << 22)
                .build()
                .map_err(|_| Error::new(ErrorCode::InvalidPattern, "deny: the list is too large to compile"))?;
            Some((Kind::Custom(idx as u16), re))
        };
        let recognizers = recognize::registry(&self.enabled);
        let allow = self.allow.iter().map(|a| canonical(a)).filter(|a| !a.is_empty()).collect();
        Ok(Scanner {
            recognizers,
            enabled: self.enabled,
            countries: self.countries,
            threshold: self.threshold,
            allow,
            allow_res,
            deny,
            custom,
            custom_names,
            max_text_bytes: self.max_text_bytes,
            threads: self.threads,
        })
    }
}

fn compile_user_pattern(p: &str, key: &str) -> Result<Regex, Error> {
    let re = compile_user_pattern_unchecked(p, key)?;
    for probe in ["", "a", " ", "0", "\n"] {
        if re.find(probe.as_bytes()).is_some_and(|m| m.is_empty()) {
            return Err(Error::new(ErrorCode::EmptyMatch, format!("{key}: the pattern can match the empty string")));
        }
    }
    Ok(re)
}

fn compile_user_pattern_unchecked(p: &str, key: &str) -> Result<Regex, Error> {
    if p.is_empty() {
        return Err(Error::new(ErrorCode::EmptyMatch, format!("{key}: the pattern is empty")));
    }
    RegexBuilder::new(p).unicode(false).size_limit(1 << 22).build().map_err(|e| {
        let detail = match e {
            regex::Error::Syntax(s) => s.lines().last().unwrap_or("syntax error").trim().to_string(),
            regex::Error::CompiledTooBig(_) => "the pattern is too large".to_string(),
            _ => "invalid pattern".to_string(),
        };
        Error::new(ErrorCode::InvalidPattern, format!("{key}: does not compile: {detail}"))
    })
}

#[derive(Debug)]
struct CompiledCustom {
    kind: Kind,
    re: Regex,
    validator: Option<String>,
    score: f32,
}

/// Where a long text is cut for two threads: the first half reads `..first_to` and
/// keeps candidates starting before `cut`, the second reads `second_from..` and keeps
/// the rest.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone, Copy, PartialEq)]
struct Halves {
    cut: usize,
    first_to: usize,
    second_from: usize,
}

#[cfg(not(target_arch = "wasm32"))]
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
#[cfg(not(target_arch = "wasm32"))]
fn token_based(r: &dyn Recognizer) -> bool {
    r.kinds().iter().any(|k| matches!(k, Kind::Person | Kind::StreetAddress | Kind::PostalCity))
}

/// Runs `there` on a scoped helper thread while `here` runs on this one; a panic on
/// the helper goes on here.
#[cfg(not(target_arch = "wasm32"))]
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

/// A compiled configuration; cheap to reuse for every keystroke.
pub struct Scanner {
    recognizers: Vec<Box<dyn Recognizer>>,
    enabled: Vec<Kind>,
    countries: Option<Vec<String>>,
    threshold: f32,
    allow: Vec<String>,
    allow_res: Vec<Regex>,
    deny: Option<(Kind, Regex)>,
    custom: Vec<CompiledCustom>,
    custom_names: Vec<String>,
    max_text_bytes: usize,
    // One thread only in the WebAssembly build.
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    threads: usize,
}

impl std::fmt::Debug for Scanner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scanner")
            .field("enabled", &self.enabled)
            .field("threshold", &self.threshold)
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
            Kind::Custom(i) => self.custom_names.get(i as usize).map(String::as_str).unwrap_or("custom"),
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
        Kind::from_id(id).or_else(|| self.custom_names.iter().position(|n| n == id).map(|i| Kind::Custom(i as u16)))
    }

    /// Finds personal data in `text`.
    pub fn scan(&self, text: &str, field: Option<&FieldHints>) -> Result<Vec<Finding>, Error> {
        if text.len() > self.max_text_bytes {
            return Err(Error::new(
                ErrorCode::TextTooLarge,
                format!("text is {} bytes, the limit is {} bytes (maxTextBytes)", text.len(), self.max_text_bytes),
            ));
        }
        let norm = Normalized::new(text);
        let ntext = norm.text();
        let class = field.map(FieldHints::classify).unwrap_or_default();
        let input = Input::new(ntext, class);
        let mut cands = self.recognize(&input);
        let mut custom = Vec::new();
        for c in &self.custom {
            for m in c.re.find_iter(input.bytes) {
                let (s, e) = snap(ntext, m.start(), m.end());
                if s >= e {
                    continue;
                }
                let ok = match &c.validator {
                    Some(v) => {
                        let compact = recognize::util::compact(ntext[s..e].as_bytes());
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
        if let Some((kind, re)) = &self.deny {
            for m in re.find_iter(input.bytes) {
                let (s, e) = snap(ntext, m.start(), m.end());
                if s < e {
                    let mut c = Candidate::new(*kind, s, e, 1.0);
                    c.validated = true;
                    cands.push(c);
                }
            }
        }
        let kept = resolve(cands);
        let mut out = Vec::with_capacity(kept.len());
        // The kept candidates come in order of position: one walk maps them all.
        let mut to_original = norm.cursor();
        for c in kept {
            let (s, e) = to_original.to_original(c.start, c.end);
            if s >= e {
                continue;
            }
            if !matches!(c.kind, Kind::Custom(_)) && self.is_allowed(&text[s..e]) {
                continue;
            }
            out.push(Finding { kind: c.kind, span: Span::new(s, e), score: c.score, subtype: c.subtype });
        }
        Ok(out)
    }

    /// Runs the recognisers; candidates come in registry order either way.
    fn recognize(&self, input: &Input<'_>) -> Vec<Candidate> {
        let text = input.text;
        #[cfg(not(target_arch = "wasm32"))]
        if self.threads > 1 && text.len() >= PARALLEL_MIN_BYTES {
            if let Some(parts) = Halves::of(text) {
                return self.recognize_halves(input, parts);
            }
            // One long line: split by kind instead. The registry ends with the
            // token-based recognisers (names, addresses): they share the tokens and stay
            // here; the others go to the helper.
            let k = self.recognizers.iter().position(|r| token_based(r.as_ref())).unwrap_or(self.recognizers.len() / 2);
            if k > 0 && k < self.recognizers.len() {
                let (helper, here) = self.recognizers.split_at(k);
                let field = input.field;
                let (mut cands, mut mine) = on_two_threads(
                    || self.find_kept(helper, &Input::new(text, field), 0, 0..text.len(), text),
                    || self.find_kept(here, input, 0, 0..text.len(), text),
                );
                cands.append(&mut mine);
                return cands;
            }
        }
        self.find_kept(&self.recognizers, input, 0, 0..text.len(), text)
    }

    /// Runs every recogniser over the two halves of a long text at once: the first
    /// half here, the second on a scoped helper thread. Each half is read with a
    /// margin of whole lines beyond the cut (more than any recogniser looks around a
    /// value) and keeps only the candidates that start on its side; context is then
    /// read in the whole text, and the tokens of both halves carry the lower-case flag
    /// of the whole. So the candidates are the ones a single pass finds.
    #[cfg(not(target_arch = "wasm32"))]
    fn recognize_halves(&self, input: &Input<'_>, h: Halves) -> Vec<Candidate> {
        let (text, field) = (input.text, input.field);
        let all_lower =
            self.recognizers.iter().any(|r| token_based(r.as_ref())).then(|| crate::tokens::all_lower_of(text));
        let part = |from: usize, to: usize| {
            let mut part = Input::new(&text[from..to], field);
            part.whole_all_lower = all_lower;
            part
        };
        let (second, mut first) = on_two_threads(
            || {
                self.find_kept(
                    &self.recognizers,
                    &part(h.second_from, text.len()),
                    h.second_from,
                    h.cut..text.len(),
                    text,
                )
            },
            || self.find_kept(&self.recognizers, &part(0, h.first_to), 0, 0..h.cut, text),
        );
        first.extend(second);
        first
    }

    /// The candidates `recognizers` find in `part`, which starts at byte `from` of
    /// `text`: moved to offsets in `text`, kept if they start in `keep`, and judged by
    /// [`Scanner::keep`] with context read in the whole `text`.
    fn find_kept(
        &self,
        recognizers: &[Box<dyn Recognizer>],
        part: &Input<'_>,
        from: usize,
        keep: std::ops::Range<usize>,
        text: &str,
    ) -> Vec<Candidate> {
        let mut v = Vec::new();
        for r in recognizers {
            r.find(part, &mut v);
        }
        let mut win = Window::default();
        v.retain_mut(|c| {
            c.start += from;
            c.end += from;
            keep.contains(&c.start) && self.keep(c, &mut win, text, &part.field)
        });
        v
    }

    /// Context and field hints, then the threshold: applied to each candidate before
    /// overlaps are resolved, so that a weak candidate cannot hide a strong one. Each
    /// candidate is judged on its own (the order of candidates is kept).
    fn keep(&self, c: &mut Candidate, win: &mut Window, ntext: &str, class: &FieldClass) -> bool {
        if !self.enabled.contains(&c.kind) && !matches!(c.kind, Kind::Custom(_)) {
            return false;
        }
        if let (Some(list), Some(cc)) = (&self.countries, c.country) {
            if !list.iter().any(|x| x == cc) {
                return false;
            }
        }
        if !matches!(c.kind, Kind::Custom(_)) {
            if context::applies(c.kind) {
                win.fill_for(c.kind, ntext, c.start, c.end);
                c.score = context::adjust(c.kind, c.score, win);
            } else {
                c.score = c.score.clamp(0.0, 1.0);
            }
            c.score = field_adjust(c, class, ntext);
        }
        c.score >= self.threshold && c.start < c.end
    }

    fn is_allowed(&self, value: &str) -> bool {
        if !self.allow.is_empty() {
            let v = canonical(value);
            if self.allow.iter().any(|a| *a == v) {
                return true;
            }
        }
        self.allow_res.iter().any(|re| re.is_match(value.as_bytes()))
    }

    /// Scans and masks in one call; returns the masked text and the findings.
    pub fn redact(
        &self,
        text: &str,
        field: Option<&FieldHints>,
        opts: &MaskOptions,
    ) -> Result<(String, Vec<Finding>), Error> {
        let findings = self.scan(text, field)?;
        let masked = mask::apply(text, &findings, opts, &|k| self.kind_label(k));
        Ok((masked, findings))
    }
}

impl Default for Scanner {
    fn default() -> Self {
        Scanner::new()
    }
}

/// Field hints: the expected kind is raised, a non-personal field lowers number-like kinds.
fn field_adjust(c: &Candidate, class: &FieldClass, text: &str) -> f32 {
    let mut s = c.score;
    if class.expects == Some(c.kind) {
        s += 0.5;
        // A value that fills the whole field is what the field asks for.
        if text[..c.start].trim().is_empty() && text[c.end..].trim().is_empty() {
            s += 0.2;
        }
    } else if class.non_personal && c.kind.is_number_like() {
        s -= if c.validated { 0.25 } else { 0.5 };
    }
    s.clamp(0.0, 1.0)
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

#[cfg(all(test, not(target_arch = "wasm32")))]
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
