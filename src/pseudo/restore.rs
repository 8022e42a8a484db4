//! Turning placeholders and surrogates back into the original values: the matcher
//! (`run`) that [`super::Session::restore`], the streaming [`Restorer`] and the
//! self-check of pseudonymisation all share, with its tolerance for rewritten
//! placeholders (other delimiters, spaces, case, `-` for `_`; see "Restore tolerance"
//! in [`super`]).

use super::keys::State;
use std::ops::Bound;
use std::sync::Arc;

/// Opening delimiters `restore` accepts.
const OPENS: &[char] = &['[', '<', '{', '［', '【', '〔', '〖', '⟦', '〈', '《', '«'];

/// Closing delimiters `restore` accepts.
const CLOSES: &[char] = &[']', '>', '}', '］', '】', '〕', '〗', '⟧', '〉', '》', '»'];

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
    /// A restorer over `st`, with nothing buffered yet.
    pub(super) fn new(st: Arc<State>) -> Restorer {
        Restorer { st, buf: String::new(), prev: None }
    }

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

/// The matcher's verdict at one position: a placeholder of this many bytes for this
/// form, none, or "need more text".
pub(super) enum Step {
    Match(usize, usize),
    No,
    More,
}

/// A character of a word for the bare-key rule (letters, digits, `_`).
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Scans `s` from the start; appends restored text to `out`; returns how many bytes
/// were consumed (all of them when `fin`). `on_match(start, end, form)` sees every
/// placeholder recognised.
pub(super) fn run(
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
    /// The longest delimited placeholder the matcher reads, in bytes.
    pub(super) fn bracket_limit(&self) -> usize {
        2 * self.max_key + 16
    }

    /// Whether some key of the session starts with `p`.
    pub(super) fn has_key_prefix(&self, p: &str) -> bool {
        self.keys.range::<str, _>((Bound::Included(p), Bound::Unbounded)).next().is_some_and(|k| k.starts_with(p))
    }

    /// What the matcher reads at byte `i` of `s` (`prev`: the character before).
    pub(super) fn match_at(&self, s: &str, i: usize, prev: Option<char>, fin: bool) -> Step {
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

    /// A delimited placeholder in `rest`, whose body starts at byte `start`.
    pub(super) fn bracket(&self, rest: &str, start: usize, fin: bool) -> Step {
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

    /// A placeholder key without delimiters, in its exact upper-case form.
    pub(super) fn bare(&self, rest: &str, fin: bool) -> Step {
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

    /// The longest surrogate among `cands` that `rest` starts with, ending at a
    /// non-alphanumeric character.
    pub(super) fn surrogate(&self, rest: &str, cands: &[usize], fin: bool) -> Step {
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
}
