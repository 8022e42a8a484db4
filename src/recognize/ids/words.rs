//! The words around a run: which reading its own words name, business reference
//! words and phone words (see "Which kind wins" in the parent module's docs).

use super::spec::{Alt, Hit};
use crate::context::{matches_any, GENERIC_WORDS, REFERENCE_WORDS};
use crate::recognize::util::typo_eq_bytes;
use crate::types::Input;

/// Words that make a bare digit run a phone number.
const PHONE_WORDS: &[&str] = &[
    "tel",
    "tel.",
    "telefon*",
    "phone*",
    "hotline*",
    "mobil*",
    "handy*",
    "fax",
    "call*",
    "anruf*",
    "rückruf*",
    "ruf",
    "rufen",
    "whatsapp",
    "erreichbar",
    "bel",
    "bellen",
    "telefoon*",
    "telefono",
    "téléphone",
    "llamar",
    "chiamare",
    "appeler",
    "cell",
    "festnetz",
];

/// How many words before a candidate are searched for its own words.
const WORDS_BEFORE: usize = 8;
/// How many words after it.
const WORDS_AFTER: usize = 2;

/// Picks one interpretation by the words around the run (see the parent module's docs).
/// `words`: a buffer for the words around the run, reused from run to run.
pub(super) fn choose(
    input: &Input<'_>,
    alts: &[Alt],
    start: usize,
    end: usize,
    phone_lead: bool,
    words: &mut Words,
) -> Option<Hit> {
    words.fill(input.text, start, end);
    let words = &*words;
    let mut best: Option<(usize, &Alt)> = None;
    let abbrev = st_nr_before(input.text, start);
    for a in alts {
        let abbreviated = abbrev && a.spec.hot.contains(&"stnr*");
        if let Some(d) = if abbreviated { Some(1) } else { words.nearest(a.spec.hot) } {
            if best.map_or(true, |(bd, _)| d < bd) {
                best = Some((d, a));
            }
        }
    }
    // A business reference word nearer than the naming word wins ("Steuer-ID der
    // Firma, Auftragsnummer 12345678901"). Generic words like "Nummer" are part of
    // most labels ("NHS number") and do not count here.
    let (alt, score) = match best {
        Some((d, a)) => {
            if a.weak && words.nearest(PHONE_WORDS).is_some_and(|p| p < d) {
                return None;
            }
            if words.has_exact_before(d, REFERENCE_WORDS, GENERIC_WORDS) {
                (a, a.word_plain)
            } else {
                (a, a.hot)
            }
        }
        None => {
            let by_field = alts.iter().find(|a| Some(a.spec.kind) == input.field.expects);
            let a = by_field.or_else(|| alts.iter().find(|a| !a.needs_word))?;
            if a.needs_word && by_field.is_none() {
                return None;
            }
            if a.weak && (phone_lead || words.nearest(PHONE_WORDS).is_some()) {
                return None;
            }
            (a, a.plain)
        }
    };
    // Not even a context word of the kind (+0.3) could lift it over the threshold:
    // leave it out unless the field asks for this kind.
    if score < 0.2 && input.field.expects != Some(alt.spec.kind) {
        return None;
    }
    Some(Hit {
        i: 0,
        j: 0,
        start,
        end,
        kind: alt.spec.kind,
        sub: alt.spec.sub,
        country: alt.spec.country,
        score,
        validated: alt.validated,
    })
}

/// True if the number follows the abbreviation "St.-Nr.", "St. Nr.", "St.Nr." or
/// "USt-Nr." (optionally with a colon): the words split it into "st" and "nr", and
/// "Nr." alone names nothing.
fn st_nr_before(text: &str, start: usize) -> bool {
    let b = &text.as_bytes()[..start];
    let mut k = b.len();
    let skip = |k: &mut usize, set: &[u8]| {
        while *k > 0 && set.contains(&b[*k - 1]) {
            *k -= 1;
        }
    };
    skip(&mut k, b" :.)\t");
    if k < 2 || !b[k - 2..k].eq_ignore_ascii_case(b"nr") {
        return false;
    }
    k -= 2;
    skip(&mut k, b" .-");
    if k < 2 || !b[k - 2..k].eq_ignore_ascii_case(b"st") {
        return false;
    }
    k -= 2;
    if k > 0 && b[k - 1].eq_ignore_ascii_case(&b'u') {
        k -= 1;
    }
    k == 0 || !b[k - 1].is_ascii_alphanumeric()
}

/// Lower-cased words around a candidate, nearest first (before the candidate, then
/// after it), as in `crate::context` but over a wider window. One value serves every
/// candidate of a text ([`Words::fill`] clears it).
#[derive(Default)]
pub(super) struct Words {
    /// The words, lower-cased, one after the other.
    buf: String,
    /// (start, end in `buf`, distance in words from the candidate).
    list: Vec<(usize, usize, usize)>,
}

impl Words {
    /// Reads the words around `start..end` of `text`, replacing the ones held.
    fn fill(&mut self, text: &str, start: usize, end: usize) {
        let w = self;
        w.buf.clear();
        w.list.clear();
        let mut word_end: Option<usize> = None;
        let mut word_start = 0;
        let mut newlines = 0;
        let mut n = 0;
        for (i, c) in text[..start].char_indices().rev() {
            if c.is_alphanumeric() || (c == '-' && word_end.is_some()) {
                word_end.get_or_insert(i + c.len_utf8());
                word_start = i;
                continue;
            }
            if let Some(we) = word_end.take() {
                n += 1;
                w.push(&text[word_start..we], n);
                if n >= WORDS_BEFORE {
                    break;
                }
            }
            if c == '\n' {
                newlines += 1;
                if newlines >= 2 {
                    break;
                }
            }
        }
        if let Some(we) = word_end {
            if n < WORDS_BEFORE {
                w.push(&text[word_start..we], n + 1);
            }
        }
        let mut k = 0;
        let mut word_start: Option<usize> = None;
        for (i, c) in text[end..].char_indices() {
            if c.is_alphanumeric() || (c == '-' && word_start.is_some()) {
                word_start.get_or_insert(end + i);
                continue;
            }
            if let Some(ws) = word_start.take() {
                k += 1;
                // Words after count as a little farther than the same distance before.
                w.push(&text[ws..end + i], k + 1);
                if k >= WORDS_AFTER {
                    break;
                }
            }
            if c == '\n' {
                break;
            }
        }
        if let Some(ws) = word_start {
            if k < WORDS_AFTER {
                w.push(&text[ws..], k + 2);
            }
        }
    }

    fn push(&mut self, word: &str, dist: usize) {
        let s = self.buf.len();
        if word.is_ascii() {
            self.buf.push_str(word);
            self.buf[s..].make_ascii_lowercase();
        } else {
            self.buf.extend(word.chars().flat_map(crate::case::lower));
        }
        self.list.push((s, self.buf.len(), dist));
    }

    fn iter(&self) -> impl Iterator<Item = (&str, usize)> {
        self.list.iter().map(|&(s, e, d)| (&self.buf[s..e], d))
    }

    /// Distance of the nearest word matching an entry of `list`. Only words with a part
    /// (split at `-`) that begins like an entry are compared entry by entry: no match
    /// has another first letter (see [`entry_matches`]).
    fn nearest(&self, list: &[&str]) -> Option<usize> {
        let firsts = FirstBytes::of(list);
        self.iter()
            .filter(|(w, _)| w.split('-').any(|p| p.as_bytes().first().is_some_and(|&b| firsts.has(b))))
            .filter(|(w, _)| matches(w, list))
            .map(|(_, d)| d)
            .min()
    }

    /// True if a word nearer than `dist` matches an entry of `list` exactly (no
    /// typo), ignoring the entries in `skip`.
    fn has_exact_before(&self, dist: usize, list: &[&str], skip: &[&str]) -> bool {
        self.iter().any(|(w, d)| d < dist && !matches_any(w, skip) && matches_any(w, list))
    }
}

/// The first bytes of the entries of a word list, as a set.
struct FirstBytes([u64; 4]);

impl FirstBytes {
    fn of(list: &[&str]) -> FirstBytes {
        let mut set = [0u64; 4];
        for e in list {
            if let Some(&b) = e.as_bytes().first() {
                set[usize::from(b >> 6)] |= 1 << (b & 63);
            }
        }
        FirstBytes(set)
    }

    fn has(&self, b: u8) -> bool {
        self.0[usize::from(b >> 6)] & 1 << (b & 63) != 0
    }
}

/// True if `word` (or a hyphen-separated part of it) matches an entry: whole, as a
/// prefix for entries ending in `*`, and with one typo for entries of six letters or
/// more.
fn matches(word: &str, list: &[&str]) -> bool {
    let word = word.trim_matches('-');
    let one = |w: &str| list.iter().any(|e| entry_matches(w, e));
    one(word) || (word.contains('-') && word.split('-').any(|p| !p.is_empty() && one(p)))
}

fn entry_matches(w: &str, e: &str) -> bool {
    // Typos in the first letter are not allowed: this check rejects most entries.
    if w.as_bytes().first() != e.as_bytes().first() {
        return false;
    }
    let (stem, prefix) = match e.strip_suffix('*') {
        Some(s) => (s, true),
        None => (e, false),
    };
    if w == stem || (prefix && w.starts_with(stem)) {
        return true;
    }
    let (wb, sb) = (w.as_bytes(), stem.as_bytes());
    if sb.len() < 6 || stem.contains('-') {
        return false;
    }
    if prefix {
        (sb.len() - 1..=sb.len() + 1).any(|k| k <= wb.len() && typo_eq_bytes(&wb[..k], sb))
    } else {
        typo_eq_bytes(wb, sb)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos() {
        assert!(typo_eq_bytes(b"reisepaas", b"reisepass"));
        assert!(typo_eq_bytes(b"setuer", b"steuer"));
        assert!(typo_eq_bytes(b"vrsichertennummer", b"versichertennummer"));
        assert!(!typo_eq_bytes(b"bestellnummer", b"versichertennummer"));
        assert!(matches("reisepaasnummer", &["reisepass*"]));
        assert!(matches("setuer-id", &["steuer-id*", "steuer"]));
        assert!(matches("ahv-nr", &["ahv*"]));
        assert!(!matches("public", &["pass"]));
        assert!(!matches("passwort", &["pass"]));
    }

    #[test]
    fn st_nr_abbreviation() {
        for t in ["St.-Nr. ", "St.Nr.: ", "StNr ", "USt-Nr.: ", "st. nr ", "(St-Nr) "] {
            assert!(st_nr_before(t, t.len()), "{t:?}");
        }
        for t in ["Nr. ", "Haupt-Nr. ", "Test.-Nr. ", "Kunden-Nr.: "] {
            assert!(!st_nr_before(t, t.len()), "{t:?}");
        }
    }
}
