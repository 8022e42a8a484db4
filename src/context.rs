//! Context words: the words around a candidate raise or lower its score.
//!
//! A number after "IBAN:" or "Geburtsdatum" is what it looks like; a number after
//! "Bestellnummer" or "Ticket" is a business reference. Context words are looked up in
//! a window of whole words before (and a few after) the candidate — never as substrings,
//! so "lic" does not fire inside "public". An entry ending in `*` matches words that
//! start with it (German compounds: `geburts*` covers "Geburtsdatum", "Geburtstag").
//! Words are compared lower-cased; a trailing `.` of an abbreviation is ignored.

mod company;

use crate::entity::Kind;
use crate::lexicon::Lexicon;

/// How many words before a candidate are searched.
pub const WINDOW_BEFORE: usize = 6;
/// How many words after a candidate are searched.
pub const WINDOW_AFTER: usize = 3;

/// The words of `text` before byte `pos` (nearest first) and after `end`, lower-cased.
#[derive(Default)]
pub struct Window {
    /// Up to [`WINDOW_BEFORE`] words before the candidate, nearest first.
    pub before: Words,
    /// Up to [`WINDOW_AFTER`] words after the candidate, nearest first.
    pub after: Words,
}

impl Window {
    /// Collects the words around `start..end` of `text`. Stops at a line break after
    /// the first word so a form label on the line above still counts, but not a
    /// paragraph away.
    pub fn around(text: &str, start: usize, end: usize) -> Window {
        let mut w = Window::default();
        w.fill(text, start, end);
        w
    }

    /// Like [`Window::around`], reusing this window's buffers (one window serves every
    /// candidate of a scan).
    pub fn fill(&mut self, text: &str, start: usize, end: usize) {
        words_back(&text[..start], WINDOW_BEFORE, &mut self.before);
        words_fwd(&text[end..], WINDOW_AFTER, &mut self.after);
    }

    /// Collects what [`adjust`] reads for a candidate of `kind`: the words before it,
    /// and the words after it only for the kinds whose context reads them (the others
    /// get an empty `after`).
    pub fn fill_for(&mut self, kind: Kind, text: &str, start: usize, end: usize) {
        if after_words(kind) > 0 {
            self.fill(text, start, end);
        } else {
            words_back(&text[..start], WINDOW_BEFORE, &mut self.before);
            self.after.clear();
        }
    }

    /// True if a word within `n` words before the candidate (or `after` words after it)
    /// matches an entry of `list`.
    pub fn has(&self, list: &[&str], n: usize, after: usize) -> bool {
        self.before.iter().take(n).any(|w| matches_any(w, list))
            || self.after.iter().take(after).any(|w| matches_any(w, list))
    }
}

/// What each byte is to [`words_back`]: [`LETTER`] for an ASCII letter or digit,
/// [`HIGH`] for a byte of a non-ASCII character, [`BREAK`] for a line break, 0 for any
/// other separator.
static BACK: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b.is_ascii_alphanumeric() {
            LETTER
        } else if b >= 0x80 {
            HIGH
        } else if b == b'\n' {
            BREAK
        } else {
            0
        };
        i += 1;
    }
    t
};
const LETTER: u8 = 1;
const HIGH: u8 = 2;
const BREAK: u8 = 3;

/// Splits `s` into words from its end (nearest first): runs of letters and digits,
/// with hyphens inside a word kept ("Steuer-ID"). Runs of ASCII separators and of
/// ASCII letters and digits are each passed in one search over a byte table; other
/// characters are decoded only where they occur.
fn words_back(s: &str, max: usize, out: &mut Words) {
    out.clear();
    let b = s.as_bytes();
    let mut end = b.len();
    let mut newlines = 0;
    while end > 0 && out.n < max {
        // Skip separators back to the end of the previous word.
        loop {
            end = b[..end].iter().rposition(|&c| BACK[c as usize] != 0).map_or(0, |p| p + 1);
            if end == 0 {
                break;
            }
            match BACK[b[end - 1] as usize] {
                LETTER => break,
                HIGH => {
                    let ch = s[..end].chars().next_back().unwrap_or(' ');
                    if ch.is_alphanumeric() {
                        break;
                    }
                    end -= ch.len_utf8();
                }
                _ => {
                    newlines += 1;
                    if newlines >= 2 {
                        return;
                    }
                    end -= 1;
                }
            }
        }
        if end == 0 {
            break;
        }
        let mut start = end;
        let mut ascii = true;
        loop {
            start = b[..start].iter().rposition(|&c| BACK[c as usize] != LETTER).map_or(0, |p| p + 1);
            if start == 0 {
                break;
            }
            let c = b[start - 1];
            if c == b'-' && start < end && start > 1 && b[start - 2] != b'-' {
                start -= 1;
            } else if c >= 0x80 {
                let ch = s[..start].chars().next_back().unwrap_or(' ');
                if !ch.is_alphanumeric() {
                    break;
                }
                ascii = false;
                start -= ch.len_utf8();
            } else {
                break;
            }
        }
        let word = &s[start..end];
        let word = if b[start] == b'-' { word.trim_start_matches('-') } else { word };
        out.push_lower(word, ascii);
        end = start;
    }
}

fn words_fwd(s: &str, max: usize, out: &mut Words) {
    out.clear();
    let mut word_start = None;
    for (i, c) in s.char_indices() {
        if c.is_alphanumeric() {
            word_start.get_or_insert(i);
            continue;
        }
        if let Some(st) = word_start.take() {
            let w = &s[st..i];
            out.push_lower(w, w.is_ascii());
            if out.len() >= max {
                return;
            }
        }
        if c == '\n' {
            return;
        }
    }
    if let Some(st) = word_start {
        if out.len() < max {
            let w = &s[st..];
            out.push_lower(w, w.is_ascii());
        }
    }
}

/// The words of one side of a window, lower-cased. Filling it again reuses the
/// strings of the last fill, so a scan allocates for its first window only.
#[derive(Default)]
pub struct Words {
    v: Vec<String>,
    /// Per word: its [`classes`], or [`UNKNOWN`] until first asked for.
    cls: Vec<std::cell::Cell<u32>>,
    n: usize,
}

impl Words {
    fn clear(&mut self) {
        self.n = 0;
    }

    /// Adds `w` lower-cased (`ascii`: `w` has only ASCII characters, as its reader
    /// saw), into the reused string: the same as `str::to_lowercase`, without a new
    /// string per word.
    fn push_lower(&mut self, w: &str, ascii: bool) {
        let n = self.n;
        if n == self.v.len() {
            self.v.push(String::new());
            self.cls.push(std::cell::Cell::new(UNKNOWN));
        }
        self.cls[n].set(UNKNOWN);
        self.n = n + 1;
        let dst = &mut self.v[n];
        dst.clear();
        if ascii {
            dst.push_str(w);
            dst.make_ascii_lowercase();
        } else {
            crate::case::push_lower(dst, w);
        }
    }

    /// The context lists word `i` is in ([`classes`]), looked up once per fill.
    fn class(&self, i: usize) -> u32 {
        let c = self.cls[i].get();
        if c != UNKNOWN {
            return c;
        }
        let c = classes(&self.v[i]);
        self.cls[i].set(c);
        c
    }
}

impl std::ops::Deref for Words {
    type Target = [String];
    fn deref(&self) -> &[String] {
        &self.v[..self.n]
    }
}

/// True if `word` equals an entry, or starts with an entry ending in `*`.
pub fn matches_any(word: &str, list: &[&str]) -> bool {
    let word = trim_hyphens(word);
    let Some(&first) = word.as_bytes().first() else { return false };
    if list.len() <= 8 {
        return list.iter().any(|e| entry_matches(word, first, e));
    }
    // Long lists are indexed by first byte once (per thread), so a lookup only compares
    // the few entries that start like the word. The word lists are constants; the key
    // is the list's address and length, checked against its first entry.
    INDEX.with(|cell| {
        let mut cache = cell.borrow_mut();
        let key = (list.as_ptr() as usize, list.len());
        // A handful of lists: a linear search beats hashing the key on every word.
        let pos = match cache.iter().position(|(k, _)| *k == key) {
            Some(p) => p,
            None => {
                cache.push((key, ListIndex::new(list)));
                cache.len() - 1
            }
        };
        let idx = &mut cache[pos].1;
        if idx.first_entry != list[0].as_ptr() as usize {
            *idx = ListIndex::new(list);
        }
        let (a, b) = idx.ranges[first as usize];
        idx.sorted[a as usize..b as usize].iter().any(|&i| entry_matches(word, first, list[i as usize]))
    })
}

fn entry_matches(word: &str, first: u8, e: &str) -> bool {
    e.as_bytes().first() == Some(&first)
        && match e.strip_suffix('*') {
            Some(prefix) => word.starts_with(prefix),
            None => word == e,
        }
}

/// Entries of one word list grouped by their first byte.
struct ListIndex {
    first_entry: usize,
    /// Entry positions, ordered by first byte.
    sorted: Vec<u16>,
    /// For each first byte, the range of `sorted` holding its entries.
    ranges: Vec<(u16, u16)>,
}

impl ListIndex {
    fn new(list: &[&str]) -> ListIndex {
        let mut sorted: Vec<u16> = (0..list.len() as u16).collect();
        crate::sort::sort_by_key(&mut sorted, |&i| list[i as usize].as_bytes().first().copied().unwrap_or(0));
        let mut ranges = vec![(0u16, 0u16); 256];
        let mut i = 0;
        while i < sorted.len() {
            let b = list[sorted[i] as usize].as_bytes().first().copied().unwrap_or(0);
            let mut j = i;
            while j < sorted.len() && list[sorted[j] as usize].as_bytes().first().copied().unwrap_or(0) == b {
                j += 1;
            }
            ranges[b as usize] = (i as u16, j as u16);
            i = j;
        }
        ListIndex { first_entry: list[0].as_ptr() as usize, sorted, ranges }
    }
}

thread_local! {
    static INDEX: std::cell::RefCell<Vec<((usize, usize), ListIndex)>> = Default::default();
}

/// Reference words that are also part of the labels of personal numbers: the entries
/// of [`REFERENCE_WORDS`] that do not make a number a business reference when a word
/// naming the number stands farther away ("NHS number", "Steuer-ID Nr.").
pub(crate) const GENERIC_WORDS: &[&str] = &["no", "nr", "nummer", "number", "#", "v"];

/// Words that mark a number as a business reference rather than personal data.
pub const REFERENCE_WORDS: &[&str] = &[
    "bestellnummer",
    "bestellung*",
    "bestell*",
    "order*",
    "rechnung*",
    "rechnungsnummer",
    "invoice*",
    "ticket*",
    "auftrag*",
    "auftragsnummer",
    "kundennummer",
    "kundennr",
    "kunden-nr",
    "kd-nr",
    "referenz*",
    "reference",
    "ref",
    "tracking*",
    "sendung*",
    "sendungsnummer",
    "paket*",
    "artikel*",
    "artikelnummer",
    "sku",
    "ean",
    "version",
    "v",
    "build",
    "release",
    "preis",
    "price",
    "eur",
    "euro",
    "chf",
    "usd",
    "gbp",
    "betrag",
    "amount",
    "total",
    "summe",
    "menge",
    "quantity",
    "qty",
    "stück",
    "vorgang*",
    "vorgangsnummer",
    "case",
    "fall*",
    "fallnummer",
    "vertragsnummer",
    "vertrag*",
    "contract*",
    "policy",
    "polizze*",
    "police*",
    "serial",
    "seriennummer",
    "produkt*",
    "product*",
    "modell*",
    "model",
    "gutschein*",
    "voucher",
    "coupon",
    "transaktion*",
    "transaction*",
    "zahlungsreferenz",
    "verwendungszweck",
    "aktenzeichen",
    "az",
    "lieferschein*",
    "retoure*",
    "rma",
    "no",
    "nr",
    "nummer",
    "number",
    "#",
];

/// Words that mark a phone number or bank account as the company's own (not personal).
pub const COMPANY_WORDS: &[&str] = &[
    "hotline*",
    "servicehotline",
    "service-hotline",
    "zentrale",
    "switchboard",
    "kundenservice",
    "kundendienst",
    "support",
    "helpdesk",
    "service",
    "uns",
    "unsere",
    "unser",
    "unserer",
    "unseren",
    "our",
    "us",
    "firmenkonto",
    "geschäftskonto",
    "firma",
    "company",
];

/// Positive context words of `kind` (its descriptor's; none for custom kinds).
pub fn positive(kind: Kind) -> &'static [&'static str] {
    kind.descriptor().map_or(&[], |d| d.context)
}

/// How much a positive context word raises a candidate's score.
fn boost(kind: Kind) -> f32 {
    kind.descriptor().map_or(0.3, |d| d.boost)
}

/// What a word before a candidate says about it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Says {
    Positive,
    Reference,
    Nothing,
}

/// Classifies word `i` of `before` for a kind whose positive words have the bit
/// `pos` (see [`classes`]). A word that is both a positive word of the kind and a
/// reference word ("Nummer", "number") takes its meaning from the word before it:
/// "order number" is a reference, "my number" and "Handynummer" are not.
fn says(before: &Words, i: usize, pos: u32) -> Says {
    let c = before.class(i);
    match (c & pos != 0, c & REFERENCE != 0) {
        (true, false) => Says::Positive,
        (false, true) => Says::Reference,
        (false, false) => Says::Nothing,
        (true, true) => {
            let prev = if i + 1 < before.len() { before.class(i + 1) } else { 0 };
            if prev & REFERENCE != 0 && prev & pos == 0 {
                Says::Reference
            } else {
                Says::Positive
            }
        }
    }
}

fn nearest(before: &Words, n: usize, pos: u32, what: Says) -> Option<usize> {
    (0..before.len().min(n)).find(|&i| says(before, i, pos) == what)
}

/// Class bits after the kinds' (see [`positive_bit`]): the reference words, the company
/// words, the premises words of `company.rs`, and "not looked up yet".
const REFERENCE: u32 = 1 << Kind::BUILTIN.len();
const COMPANY: u32 = REFERENCE << 1;
/// The premises words of `company.rs`, and its business places.
const PLACE: u32 = COMPANY << 1;
const BUSINESS_PLACE: u32 = PLACE << 1;
const UNKNOWN: u32 = 1 << 31;
const _: () = assert!(BUSINESS_PLACE < UNKNOWN, "the class bits fit below the marker");

/// The class bit of the positive words of `kind`: its place in [`Kind::BUILTIN`] (0 for
/// a custom kind, which has no context words).
fn positive_bit(kind: Kind) -> u32 {
    Kind::BUILTIN.iter().position(|&k| k == kind).map_or(0, |i| 1 << i)
}

/// Every list of this module with its class bit.
fn all_lists() -> impl Iterator<Item = (&'static [&'static str], u32)> {
    Kind::BUILTIN.iter().map(|&k| (positive(k), positive_bit(k))).chain([
        (REFERENCE_WORDS, REFERENCE),
        (COMPANY_WORDS, COMPANY),
        (company::PLACES, PLACE),
        (company::BUSINESS_PLACES, BUSINESS_PLACE),
    ])
}

/// The lists of this module as one lookup: exact entries by word, `*` entries by
/// their first byte.
struct Lists {
    exact: Lexicon,
    prefixes: Vec<Vec<(&'static str, u32)>>,
    /// Per [`bucket`] of the first three bytes: the word lengths ([`len_bit`]) an entry
    /// starting with those bytes can match. A word whose bit is not set is in no list
    /// (most words are answered by this test, without the lookups).
    maybe: Vec<u32>,
}

/// Number of [`Lists::maybe`] buckets: 2^12.
const BUCKETS: usize = 1 << 12;

/// The [`Lists::maybe`] bucket of a word's first three bytes (0 for the missing ones
/// of a shorter word).
fn bucket(b: &[u8]) -> usize {
    let at = |i: usize| b.get(i).copied().unwrap_or(0) as u32;
    let key = at(0) | at(1) << 8 | at(2) << 16;
    (key.wrapping_mul(0x9E37_79B1) >> 20) as usize
}

/// The bit of a word length in [`Lists::maybe`] (lengths from 31 on share one).
fn len_bit(len: usize) -> u32 {
    1 << len.min(31)
}

fn lists() -> &'static Lists {
    static L: std::sync::OnceLock<Lists> = std::sync::OnceLock::new();
    L.get_or_init(|| {
        let mut exact = Vec::new();
        let mut prefixes = vec![Vec::new(); 256];
        for (list, bit) in all_lists() {
            for e in list {
                match e.strip_suffix('*') {
                    Some(p) if !p.is_empty() => {
                        let slot: &mut Vec<(&'static str, u32)> = &mut prefixes[p.as_bytes()[0] as usize];
                        match slot.iter_mut().find(|(q, _)| *q == p) {
                            Some((_, b)) => *b |= bit,
                            None => slot.push((p, bit)),
                        }
                    }
                    _ if !e.is_empty() => exact.push((*e, bit)),
                    _ => {}
                }
            }
        }
        let mut maybe = vec![0u32; BUCKETS];
        for (e, _) in &exact {
            maybe[bucket(e.as_bytes())] |= len_bit(e.len());
        }
        for (p, _) in prefixes.iter().flatten() {
            // every length from the prefix's on (every prefix has three bytes or more:
            // see the tests)
            maybe[bucket(p.as_bytes())] |= !0u32 << p.len().min(31);
        }
        Lists { exact: Lexicon::new(exact.into_iter()), prefixes, maybe }
    })
}

/// Which lists of this module a lower-case word is in, as bits: the positive words of
/// each kind ([`positive_bit`]), [`REFERENCE`], [`COMPANY`], [`PLACE`],
/// [`BUSINESS_PLACE`]. The same
/// answer as [`matches_any`] with each list, from one lookup.
fn classes(word: &str) -> u32 {
    let w = trim_hyphens(word);
    let b = w.as_bytes();
    let Some(&first) = b.first() else { return 0 };
    let lists = lists();
    if lists.maybe[bucket(b)] & len_bit(b.len()) == 0 {
        return 0;
    }
    let mut c = lists.exact.get(b);
    for (p, bit) in &lists.prefixes[first as usize] {
        if w.starts_with(p) {
            c |= bit;
        }
    }
    c
}

/// `w` without leading and trailing '-'.
pub(crate) fn trim_hyphens(w: &str) -> &str {
    let b = w.as_bytes();
    let s = b.iter().position(|&c| c != b'-').unwrap_or(b.len());
    let e = b.iter().rposition(|&c| c != b'-').map_or(s, |p| p + 1);
    // ASCII '-' bytes: both cuts are on character boundaries.
    &w[s..e]
}

/// True if context words can change the score of `kind` (it has positive words, is
/// number-like, or can be a company's own number). For the others — names, streets,
/// postal codes, e-mail addresses — [`adjust`] only clamps, and the window is not built.
pub fn applies(kind: Kind) -> bool {
    !positive(kind).is_empty() || kind.is_number_like() || company_own(kind)
}

/// How many words after a candidate of `kind` [`adjust`] reads ("12.03.1985 geboren").
fn after_words(kind: Kind) -> usize {
    kind.descriptor().map_or(0, |d| d.context_after)
}

/// True for the kinds the company's own numbers come in (lowered by company words).
fn company_own(kind: Kind) -> bool {
    kind.descriptor().is_some_and(|d| d.company_own)
}

/// True if the bank account at `start..` of `text` is the company's own: a possessive
/// before a bank noun in its paragraph ("auf unser Konto", "our bank details") and a
/// company signature near it (see `context/company.rs`). Only for the kinds the
/// company's own numbers come in, other than phones (a phone in a company letter is
/// often the customer's, given back to them).
pub fn company_account(kind: Kind, text: &str, start: usize) -> bool {
    if !company_own(kind) || kind == Kind::Phone {
        return false;
    }
    company::own_account(text, start)
}

/// True if the street or postcode and city at `start..` of `text` is the company's
/// premises ("Our Edinburgh office at …", "unsere Filiale in der …"; see
/// `context/company.rs`): read in the ten words before it.
pub fn company_address(kind: Kind, win: &mut Window, text: &str, start: usize) -> bool {
    if !matches!(kind, Kind::StreetAddress | Kind::PostalCity) {
        return false;
    }
    // Most addresses have no premises word before them: six words tell.
    words_back(&text[..start], company::PLACE_WORDS, &mut win.before);
    if !company::premises_word(&win.before) {
        return false;
    }
    words_back(&text[..start], company::PREMISES_READ, &mut win.before);
    company::company_place(&win.before)
}

/// Applies context to a candidate score: positive words of its kind raise it, reference
/// words lower number-like kinds, company words lower phones and bank accounts.
///
/// When both kinds of words stand before a number, the nearer one wins: "Bestellung:
/// bitte Rückruf unter 0664 …" is a phone, "Telefon wegen Bestellnummer 4711 …" is not.
pub fn adjust(kind: Kind, score: f32, win: &Window) -> f32 {
    let pos = positive_bit(kind);
    let mut s = score;
    let after = after_words(kind);
    let pos_before = nearest(&win.before, WINDOW_BEFORE, pos, Says::Positive);
    let pos_after = (0..win.after.len().min(after)).any(|i| win.after.class(i) & (pos | REFERENCE) == pos && pos != 0);
    if pos_before.is_some() || pos_after {
        s += boost(kind);
    }
    if kind.is_number_like() {
        if let Some(r) = nearest(&win.before, 3, pos, Says::Reference) {
            if pos_before.map_or(true, |p| r < p) && !lone_generic(kind, &win.before, r) {
                s -= 0.45;
            }
        }
    }
    if company_own(kind) && (0..win.before.len().min(WINDOW_BEFORE)).any(|i| win.before.class(i) & COMPANY != 0) {
        s -= 0.45;
    }
    s.clamp(0.0, 1.0)
}

/// True if reference word `r` of `before` is only a generic word ("Nummer", "number",
/// "Nr.") that no business word qualifies ("Bestell-Nr.", "order number" are qualified)
/// and `kind` has a check digit: "my current number is GB 220519011" names the number a
/// validated identifier is, it does not make it a business reference.
fn lone_generic(kind: Kind, before: &Words, r: usize) -> bool {
    kind.is_checksummed()
        && GENERIC_WORDS.contains(&before[r].as_str())
        && (r + 1 >= before.len() || before.class(r + 1) & REFERENCE == 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`words_back`] written character by character: the words of `s` from its end,
    /// runs of letters and digits with single inner hyphens, stopping at the second
    /// line break, lower-cased.
    fn words_back_by_chars(s: &str, max: usize) -> Vec<String> {
        let c: Vec<char> = s.chars().collect();
        let (mut out, mut end, mut newlines) = (Vec::new(), c.len(), 0);
        while end > 0 && out.len() < max {
            while end > 0 && !c[end - 1].is_alphanumeric() {
                if c[end - 1] == '\n' {
                    newlines += 1;
                    if newlines >= 2 {
                        return out;
                    }
                }
                end -= 1;
            }
            if end == 0 {
                break;
            }
            let mut start = end;
            while start > 0
                && (c[start - 1].is_alphanumeric()
                    || c[start - 1] == '-' && start < end && start > 1 && c[start - 2] != '-')
            {
                start -= 1;
            }
            let w: String = c[start..end].iter().collect();
            out.push(w.trim_start_matches('-').to_lowercase());
            end = start;
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn words_back_reads_characters(parts in proptest::collection::vec(proptest::sample::select(vec![
            "Steuer", "ID", "-", "--", " ", "\n", "\n\n", ".", ":", "12", "Über", "straße", "ΣΑΣ", "É", "x", "😂", "’", "\t", "Nr",
        ]), 0..16), max in 1usize..12) {
            let s = parts.concat();
            let mut w = Words::default();
            words_back(&s, max, &mut w);
            prop_assert_eq!(w.to_vec(), words_back_by_chars(&s, max), "{:?}", s);
        }
    }

    #[test]
    fn generic_words_are_reference_words() {
        for w in GENERIC_WORDS {
            assert!(matches_any(w, REFERENCE_WORDS), "{w}");
        }
    }

    #[test]
    fn fill_for_reads_what_adjust_reads() {
        let texts = [
            "Geburtsdatum: 12.03.1985 geboren in Wien, Bestellnummer 4711 IBAN Firma Telefon",
            "Rückruf 0664 1234567 bitte, born 1985 Kundennummer 12345 Steuer-ID 99 Hotline",
            "Ticket 12.03.1985 Geburtstag Order 5 geb. am 1.1.1990 IBAN: DE12 company",
        ];
        let mut part = Window::default();
        for t in texts {
            for (s, _) in t.char_indices().step_by(3) {
                for e in [s, (s + 4).min(t.len()), t.len()] {
                    if !t.is_char_boundary(e) || e < s {
                        continue;
                    }
                    let whole = Window::around(t, s, e);
                    for kind in &Kind::BUILTIN {
                        part.fill_for(*kind, t, s, e);
                        for score in [0.2, 0.5, 0.9] {
                            assert_eq!(
                                adjust(*kind, score, &part),
                                adjust(*kind, score, &whole),
                                "{kind:?} at {s}..{e} in {t:?}"
                            );
                        }
                    }
                }
            }
        }
    }

    /// One lookup answers what [`matches_any`] answers for each list of this module.
    #[test]
    fn classes_are_the_lists() {
        let lists: Vec<(&[&str], u32)> = all_lists().collect();
        // the pre-test of `classes` keys on three bytes
        for (list, _) in &lists {
            assert!(list.iter().filter_map(|e| e.strip_suffix('*')).all(|p| p.len() >= 3), "{list:?}");
        }
        let mut words: Vec<String> = vec![
            String::new(),
            "-".into(),
            "--".into(),
            "x".into(),
            "nummerx".into(),
            "über".into(),
            "-tel-".into(),
            "ge".into(),
        ];
        for (list, _) in &lists {
            for e in *list {
                let stem = e.trim_end_matches('*');
                for w in [
                    stem.to_string(),
                    format!("{stem}x"),
                    format!("{stem}datum"),
                    format!("-{stem}"),
                    format!("{stem}-"),
                    stem.chars().take(stem.chars().count() / 2).collect(),
                    stem.chars().skip(1).collect(),
                ] {
                    words.push(w);
                }
            }
        }
        for w in &words {
            assert_eq!(trim_hyphens(w), w.trim_matches('-'));
            let c = classes(w);
            for (list, bit) in &lists {
                assert_eq!(c & bit != 0, matches_any(w, list), "{w:?} in {list:?}");
            }
        }
        assert_eq!(positive_bit(Kind::Custom(0)), 0);
    }

    #[test]
    fn whole_words_only() {
        let t = "public 12345";
        let w = Window::around(t, 7, 12);
        assert!(!w.has(&["lic"], 6, 0));
        assert!(w.has(&["public"], 6, 0));
        let t = "Geburtsdatum: 12.03.1985";
        let w = Window::around(t, 14, t.len());
        assert!(w.has(&["geburts*"], 6, 0));
        assert!(!w.has(&["urts*"], 6, 0));
    }

    #[test]
    fn kinds_without_context_words_are_only_clamped() {
        let t = "Bestellnummer Telefon Hotline unser Geburtsdatum IBAN";
        let w = Window::around(t, t.len(), t.len());
        for kind in Kind::BUILTIN {
            if !applies(kind) {
                for s in [-0.5, 0.0, 0.4, 0.8, 1.3] {
                    assert_eq!(adjust(kind, s, &w), s.clamp(0.0, 1.0), "{kind:?}");
                }
            }
        }
        assert!(!applies(Kind::Person) && applies(Kind::Phone) && applies(Kind::Username));
    }

    #[test]
    fn reference_words_lower_numbers() {
        let t = "Bestellnummer 12345678903";
        let w = Window::around(t, 14, t.len());
        assert!(adjust(Kind::NationalId, 0.6, &w) < 0.5);
        let t = "Steuer-ID 12345678903";
        let w = Window::around(t, 10, t.len());
        assert!(adjust(Kind::NationalId, 0.6, &w) > 0.8);
    }

    #[test]
    fn ambiguous_words_decide_nothing_and_the_nearer_word_wins() {
        // "number" is both a phone word and a reference word: the word before decides.
        let t = "order number 7085056213";
        let w = Window::around(t, 13, t.len());
        assert!(adjust(Kind::Phone, 0.6, &w) < 0.5);
        let t = "update my number to 6178141034";
        let w = Window::around(t, 20, t.len());
        assert!(adjust(Kind::Phone, 0.4, &w) > 0.5);
        let t = "Bestellung: bitte Rückruf unter 0664 1234567";
        let w = Window::around(t, 32, t.len());
        assert!(adjust(Kind::Phone, 0.6, &w) > 0.8);
    }

    #[test]
    fn a_lone_generic_word_does_not_lower_a_checked_number() {
        // "number" alone names what a validated id is; qualified, it is a reference.
        for (t, kind, at) in [
            ("my current number is GB 220519011", Kind::TaxVatId, 22),
            ("meine Nummer: ATU13585627", Kind::TaxVatId, 14),
            ("die Nr. DE89370400440532013000", Kind::Iban, 8),
        ] {
            let w = Window::around(t, at, t.len());
            assert!(adjust(kind, 0.6, &w) >= 0.6, "{t}");
        }
        for (t, kind, at) in
            [("order number GB 220519011", Kind::TaxVatId, 13), ("Bestell Nr. ATU13585627", Kind::TaxVatId, 12)]
        {
            let w = Window::around(t, at, t.len());
            assert!(adjust(kind, 0.6, &w) < 0.5, "{t}");
        }
        // Not for numbers without a check digit.
        let t = "Nummer 12.03.1985";
        let w = Window::around(t, 7, t.len());
        assert!(adjust(Kind::DateOfBirth, 0.6, &w) < 0.5);
    }
}
