//! The scanner's configuration: [`ScannerBuilder`] and its compilation.
//!
//! Everything is checked and compiled here, once, before the first scan (custom
//! patterns, allow patterns, the deny list), so that a bad configuration fails when it
//! is built — with an error naming the key — and a rescan on every keystroke does no
//! compilation at all. The result is a [`Config`], which the scanner keeps.

use crate::entity::Kind;
use crate::error::{Error, ErrorCode};
use crate::types::canonical;
use crate::validate;
use regex_lite::{Regex, RegexBuilder};

/// A custom pattern: a kind name, a regular expression and an optional validator.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomPattern {
    /// Kind name (`[a-z][a-z0-9_]*`, not a built-in id); also the label, upper-cased.
    pub name: String,
    /// Regular expression (the syntax of the `regex_lite` crate: Rust `regex` syntax
    /// with ASCII classes and ASCII case folding; `.` is one character).
    pub pattern: String,
    /// Optional validator run on the letters and digits of a match (see
    /// [`VALIDATORS`](crate::VALIDATORS)).
    pub validator: Option<String>,
    /// Score of a match (default 0.8).
    pub score: f32,
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
    /// national phone formats) to these ISO 3166 alpha-2 codes (`de`, `at`, `ch`, …;
    /// `uk` is read as `gb`). A code that is not an assigned ISO 3166 code (`zz`) makes
    /// [`ScannerBuilder::build`] fail naming it, rather than silently switching every
    /// country-specific kind off.
    pub fn countries<S: AsRef<str>>(mut self, countries: &[S]) -> Self {
        // `uk` is what people write for the United Kingdom; ISO 3166 says `gb`.
        let code = |c: &str| match c.to_ascii_lowercase().as_str() {
            "uk" => "gb".to_string(),
            other => other.to_string(),
        };
        self.countries = Some(countries.iter().map(|c| code(c.as_ref())).collect());
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

    /// Largest text accepted by [`Scanner::scan`](crate::Scanner::scan), in bytes.
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

    /// Checks and compiles the configuration; `validators` are the names a custom
    /// pattern may use. The checks run in a fixed order (threshold, text limit,
    /// countries, custom patterns, allow patterns, deny list), so the first error
    /// reported is always the same.
    pub(crate) fn compile(self, validators: &[&str]) -> Result<Config, Error> {
        self.check_limits()?;
        let mut custom_names: Vec<String> = Vec::new();
        let custom = self.compile_custom(validators, &mut custom_names)?;
        let allow_res = self.compile_allow_patterns()?;
        let deny = self.compile_deny(&mut custom_names)?;
        let allow = self.allow.iter().map(|a| canonical(a)).filter(|a| !a.is_empty()).collect();
        Ok(Config {
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

    /// The threshold, the text limit and the country codes.
    fn check_limits(&self) -> Result<(), Error> {
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
                if !validate::is_country_code(c.to_ascii_uppercase().as_bytes()) {
                    return Err(Error::new(
                        ErrorCode::InvalidConfig,
                        format!("countries[{i}]: '{c}' is not an ISO 3166 country code"),
                    ));
                }
            }
        }
        Ok(())
    }

    /// The custom patterns, checked and compiled; their names are pushed to
    /// `custom_names` (the index of a name is its [`Kind::Custom`] number).
    fn compile_custom(
        &self,
        validators: &[&str],
        custom_names: &mut Vec<String>,
    ) -> Result<Vec<CompiledCustom>, Error> {
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
                if !validators.contains(&v.as_str()) {
                    return Err(Error::new(
                        ErrorCode::InvalidConfig,
                        format!("{key}.validator: unknown validator '{v}' (expected one of {})", validators.join(", ")),
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
        Ok(custom)
    }

    /// The allow patterns, anchored to whole values.
    fn compile_allow_patterns(&self) -> Result<Vec<Regex>, Error> {
        let mut allow_res = Vec::new();
        for (i, p) in self.allow_patterns.iter().enumerate() {
            let anchored = format!("^(?:{p})$");
            compile_user_pattern(p, &format!("allowPatterns[{i}]"))?;
            allow_res.push(compile_user_pattern_unchecked(&anchored, &format!("allowPatterns[{i}]"))?);
        }
        Ok(allow_res)
    }

    /// The deny list as one pattern of whole words, with its custom kind (named
    /// `deny` in `custom_names`); `None` for an empty list.
    fn compile_deny(&self, custom_names: &mut Vec<String>) -> Result<Option<(Kind, Regex)>, Error> {
        if self.deny.is_empty() {
            return Ok(None);
        }
        for (i, t) in self.deny.iter().enumerate() {
            if t.trim().is_empty() {
                return Err(Error::new(ErrorCode::InvalidConfig, format!("deny[{i}]: empty term")));
            }
        }
        let alts: Vec<String> = self.deny.iter().map(|t| regex_lite::escape(t.trim())).collect();
        let idx = custom_names.len();
        custom_names.push("deny".to_string());
        let re = RegexBuilder::new(&format!(r"(?i)(?:^|\b)(?:{})(?:\b|$)", alts.join("|")))
            .size_limit(1 << 22)
            .build()
            .map_err(|_| Error::new(ErrorCode::InvalidPattern, "deny: the list is too large to compile"))?;
        Ok(Some((Kind::Custom(idx as u16), re)))
    }
}

fn compile_user_pattern(p: &str, key: &str) -> Result<Regex, Error> {
    let re = compile_user_pattern_unchecked(p, key)?;
    for probe in ["", "a", " ", "0", "\n"] {
        if re.find(probe).is_some_and(|m| m.is_empty()) {
            return Err(Error::new(ErrorCode::EmptyMatch, format!("{key}: the pattern can match the empty string")));
        }
    }
    Ok(re)
}

fn compile_user_pattern_unchecked(p: &str, key: &str) -> Result<Regex, Error> {
    if p.is_empty() {
        return Err(Error::new(ErrorCode::EmptyMatch, format!("{key}: the pattern is empty")));
    }
    RegexBuilder::new(p).size_limit(1 << 22).build().map_err(|e| {
        let e = e.to_string();
        let detail = e.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("syntax error").trim().to_string();
        Error::new(ErrorCode::InvalidPattern, format!("{key}: does not compile: {detail}"))
    })
}

/// A custom pattern, compiled.
#[derive(Debug)]
pub(crate) struct CompiledCustom {
    pub(crate) kind: Kind,
    pub(crate) re: Regex,
    pub(crate) validator: Option<String>,
    pub(crate) score: f32,
}

/// A compiled configuration: what [`ScannerBuilder::compile`] checked and built.
pub(crate) struct Config {
    pub(crate) enabled: Vec<Kind>,
    pub(crate) countries: Option<Vec<String>>,
    pub(crate) threshold: f32,
    /// Allowed values, canonical (see [`canonical`]).
    pub(crate) allow: Vec<String>,
    /// Allow patterns, anchored.
    pub(crate) allow_res: Vec<Regex>,
    /// The deny list's kind and pattern.
    pub(crate) deny: Option<(Kind, Regex)>,
    pub(crate) custom: Vec<CompiledCustom>,
    /// Names of the custom kinds, by index (`deny` last if there is a deny list).
    pub(crate) custom_names: Vec<String>,
    pub(crate) max_text_bytes: usize,
    /// Threads one scan may use (read by the native two-thread split only).
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    pub(crate) threads: usize,
}
