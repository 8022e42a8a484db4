//! Person names, found by evidence rather than by lists alone.
//!
//! A capital letter proves nothing in German (every noun has one: `der Bauer`, `im Mai`,
//! `ein Wolf`), and a real name may be in no list at all. So a span is reported when
//! something around it says "this is a person", and the gazetteers only decide how much
//! evidence is needed:
//!
//! * **Titles and salutations** (`Herr`, `Frau`, `Mr`, `Dr.`, `Mag.`, `Prof.`, `Sig.ra`, …)
//!   are strong: the next capitalised words are the name (`Herr Pfeiffer`), whatever
//!   they are. The title itself stays outside the span.
//! * **Labels and roles** (`Name:`, `Kontoinhaber`, `Ansprechpartnerin ist`, `z. H.`,
//!   `c/o`, `attn.`, `Kunde`, `Fahrer`, `mein Sohn`, `my wife`, `eskaliert an`), **intros**
//!   (`mein Name ist`, `ich heiße`, `ich bin`, `hier ist`, `my name is`, `this is`, `I'm`,
//!   `je suis`, `soy`, `ik ben`, `X hier`) and **greetings** (`Hallo`, `Liebe`, `Dear`)
//!   are medium: the next word must look like a name — a known given name, a surname
//!   shape (`-mann`, `-huber`, `-ović`, `-ski`, `-sson`, `-ini`, …) or a capitalised word
//!   that is no function word or obvious common noun (`-ung`, `-keit`, `Team`, `Service`).
//! * **Closings** (`Mit freundlichen Grüßen`, `LG`, `Best regards`, `Cheers`, …) make the
//!   next line a signature: its words are the name unless it reads like a team or company.
//! * **Without evidence**, only a known given name followed by a surname-like word
//!   (`Kevin Werner`) is reported.
//! * A form field that expects a name (see [`crate::field`]) reports a value made of
//!   name-like words as a whole.
//!
//! Gazetteers (`src/data/*.txt`, built by `tests/gen_gazetteers.py` from US SSA and US
//! Census public-domain name files plus a curated list of European spellings) and the
//! fixed word lists below are merged into one hashed lexicon: a word is looked up once
//! and gets a set of bits (stop word, title, given name, …; see [`flag`]), cached per
//! token. Umlauts and accents are also tried folded (`Müller` → `mueller`). The
//! tokenizer here is shared with the address recogniser.
//! Everything is one pass over the tokens with bounded look-ahead: linear time.

use super::{Recognizer, Suffixes};
use crate::entity::Kind;
use crate::scanner::{Candidate, Input};
use std::cell::Cell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::lexicon::Lexicon;

static GIVEN_TXT: &str = include_str!("../data/given.txt");
static GIVEN_AMB_TXT: &str = include_str!("../data/given_amb.txt");
static SURNAMES_TXT: &str = include_str!("../data/surnames.txt");

/// FxHash (as in rustc): fast for short keys, no DoS concern for a fixed word list.
#[derive(Default)]
pub(super) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = (h.rotate_left(5) ^ v).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
        self.0 = h;
    }

    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// What the word lists say of a lower-case word, as bits: one hash probe answers for
/// every list (stop words, titles, gazetteers, first words of cues and closings).
pub(super) mod flag {
    pub const STOP: u32 = 1;
    pub const TITLE: u32 = 1 << 1;
    pub const CALENDAR: u32 = 1 << 2;
    pub const ORG: u32 = 1 << 3;
    pub const PARTICLE: u32 = 1 << 4;
    /// In the given-name list as written.
    pub const GIVEN: u32 = 1 << 5;
    /// In the list of given names that are also ordinary words.
    pub const GIVEN_AMB: u32 = 1 << 6;
    /// In the surname list as written.
    pub const SURNAME: u32 = 1 << 7;
    /// First word of a cue / of a closing.
    pub const CUE: u32 = 1 << 8;
    pub const CLOSING: u32 = 1 << 9;
    /// The same three lists, also trying umlauts and accents folded (`müller` → `mueller`, `muller`).
    pub const GIVEN_F: u32 = GIVEN << 5;
    pub const GIVEN_AMB_F: u32 = GIVEN_AMB << 5;
    pub const SURNAME_F: u32 = SURNAME << 5;
    /// Cache bits of [`super::Tokens`]: street word known / is a street word.
    pub(in super::super) const STREET_DONE: u32 = 1 << 13;
    pub(in super::super) const STREET: u32 = 1 << 14;
    /// Street types that lead a street name (`Via`, `Calle`, `rue`; see the address recogniser).
    pub(in super::super) const LEAD_TYPE: u32 = 1 << 16;
    /// German street types that stand alone (`Straße`, `Weg`; see the address recogniser).
    pub(in super::super) const DE_TYPE: u32 = 1 << 17;
}

type FxMap<V> = HashMap<&'static str, V, BuildHasherDefault<FxHasher>>;

/// The list bits of `w` exactly as written (no folding).
pub(super) fn listed(w: &str) -> u32 {
    lexicon().get(w.as_bytes())
}

/// Every list entry with its bit, in the order they are merged.
fn entries() -> impl Iterator<Item = (&'static str, u32)> {
    let lines =
        |t: &'static str, f: u32| t.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).map(move |w| (w, f));
    let list = |l: &'static [&'static str], f: u32| l.iter().map(move |&w| (w, f));
    lines(GIVEN_TXT, flag::GIVEN)
        .chain(lines(GIVEN_AMB_TXT, flag::GIVEN_AMB))
        .chain(lines(SURNAMES_TXT, flag::SURNAME))
        .chain(list(STOP, flag::STOP))
        .chain(list(TITLES, flag::TITLE))
        .chain(list(CALENDAR, flag::CALENDAR))
        .chain(list(ORG_WORDS, flag::ORG))
        .chain(list(PARTICLES, flag::PARTICLE))
        .chain(CUES.iter().map(|(c, _)| (c[0], flag::CUE)))
        .chain(CLOSINGS.iter().map(|c| (c[0], flag::CLOSING)))
        .chain(list(super::address::LEAD_TYPES, flag::LEAD_TYPE))
        .chain(list(super::address::DE_TYPES, flag::DE_TYPE))
}

fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| Lexicon::new(entries()))
}

const NAMES: u32 = flag::GIVEN | flag::GIVEN_AMB | flag::SURNAME;

/// [`word_flags`] of an ASCII word: no folded spelling to try, the name bits as written
/// are also the folded ones.
fn ascii_word_flags(lex: &Lexicon, w: &[u8]) -> u32 {
    let f = lex.get(w);
    f | (f & NAMES) << 5
}

/// The list bits of `w` (lower-case), with the name lists also tried folded.
fn word_flags(w: &str) -> u32 {
    let lex = lexicon();
    let get = |k: &str| lex.get(k.as_bytes());
    let f = get(w);
    let mut names = f & NAMES;
    if !w.is_ascii() && names != NAMES {
        let mut buf = String::with_capacity(w.len() + 4);
        for c in w.chars() {
            match c {
                'ä' => buf.push_str("ae"),
                'ö' => buf.push_str("oe"),
                'ü' => buf.push_str("ue"),
                'ß' => buf.push_str("ss"),
                _ => buf.push(fold_char(c)),
            }
        }
        names |= get(&buf) & NAMES;
        // Also plain accent stripping (Müller → muller, as US records spell it).
        buf.clear();
        buf.extend(w.chars().map(fold_char));
        names |= get(&buf) & NAMES;
    }
    f | names << 5
}

#[cfg(test)]
thread_local! {
    /// Test hook: drop a share of the given-name list to measure generalisation.
    pub(super) static HOLDOUT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

fn held_out(_w: &str) -> bool {
    #[cfg(test)]
    {
        let pct = HOLDOUT.with(|h| h.get());
        if pct > 0 {
            let mut h: u32 = 2166136261;
            for b in _w.bytes() {
                h = (h ^ b as u32).wrapping_mul(16777619);
            }
            return h % 100 < pct;
        }
    }
    false
}

fn fold_char(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ů' => 'u',
        'ý' | 'ÿ' => 'y',
        'š' | 'ś' | 'ş' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ł' => 'l',
        'đ' => 'd',
        'ř' => 'r',
        'ğ' => 'g',
        'ı' => 'i',
        _ => c,
    }
}

// ---------------------------------------------------------------- tokenizer

/// What a token is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum T {
    /// Letters, with inner `-`/`'` joining letters (`Marie-Claire`, `O'Brien`).
    Word,
    /// ASCII digits.
    Num,
    /// One other visible character.
    Punct(char),
}

/// A token: byte span in the text and in the lower-case copy.
#[derive(Clone, Copy, Debug)]
pub(super) struct Tok {
    pub(super) t: T,
    pub(super) s: usize,
    pub(super) e: usize,
    ls: usize,
    le: usize,
    /// Line breaks between the previous token and this one.
    pub(super) nl: u8,
    /// Spaces (no line break) between the previous token and this one.
    pub(super) sp: bool,
    /// First letter upper-case.
    pub(super) cap: bool,
    /// Part of an e-mail address, URL or handle: never a name or street.
    pub(super) code: bool,
}

/// The tokens of a text plus its lower-case words.
pub(crate) struct Tokens<'t> {
    pub(super) text: &'t str,
    lower: String,
    pub(super) v: Vec<Tok>,
    /// No word of the text has an upper-case letter (chat typing).
    pub(crate) all_lower: bool,
    /// Per token: word-list bits ([`flag`]), filled in on first use.
    fl: Vec<Cell<u32>>,
}

impl<'t> Tokens<'t> {
    pub(crate) fn new(text: &'t str) -> Tokens<'t> {
        let bytes = text.as_bytes();
        let len = bytes.len();
        // About one token per 4–5 bytes of text (4.7 in the development texts): room for
        // that up front, so the vector is not copied while it grows.
        let mut v = Vec::with_capacity(len / 4 + 1);
        let mut fl = Vec::with_capacity(len / 4 + 1);
        let lex = lexicon();
        let mut lower: Vec<u8> = Vec::with_capacity(len);
        let mut all_lower = true;
        let mut nl = 0u8;
        let mut sp = false;
        // The character at byte `i` (ASCII without decoding).
        let char_at = |i: usize| -> char {
            match bytes[i] {
                b if b < 0x80 => b as char,
                _ => text[i..].chars().next().unwrap_or('\0'),
            }
        };
        let is_letter = |c: char| if c.is_ascii() { c.is_ascii_alphabetic() } else { c.is_alphabetic() };
        // Chunks (runs of tokens without spaces) that hold '@', "://", "www.", ".com", '_'
        // or '/' and '.' are e-mail addresses, URLs or handles: marked `code` below.
        let mut chunk_start = 0usize; // index of the chunk's first token
        let mut chunk_bytes = 0u8; // which of '@' '_' '/' '.' ':' the chunk holds
        const AT: u8 = 1;
        const US: u8 = 2;
        const SL: u8 = 4;
        const DOT: u8 = 8;
        const COL: u8 = 16;
        let close_chunk = |v: &mut Vec<Tok>, from: usize, flags: u8| {
            if flags == 0 || from >= v.len() {
                return;
            }
            // "://" needs a ':' and a '/'; "www." and ".com" a '.': each found from the
            // dots of the chunk (most chunks with a dot are a word and a full stop).
            let code = flags & (AT | US) != 0 || flags & (SL | DOT) == SL | DOT || {
                let chunk = &bytes[v[from].s..v[v.len() - 1].e];
                (flags & (COL | SL) == COL | SL && chunk.windows(3).any(|w| w == b"://"))
                    || (flags & DOT != 0
                        && chunk
                            .iter()
                            .enumerate()
                            .filter(|&(_, &c)| c == b'.')
                            .any(|(p, _)| chunk[..p].ends_with(b"www") || chunk[p + 1..].starts_with(b"com")))
            };
            if code {
                for t in &mut v[from..] {
                    t.code = true;
                }
            }
        };
        let mut i = 0;
        while i < len {
            let b = bytes[i];
            let c;
            if b < 0x80 {
                match b {
                    b'\n' => {
                        nl = nl.saturating_add(1);
                        i += 1;
                        continue;
                    }
                    b' ' | b'\t' | b'\r' | 0x0B | 0x0C => {
                        sp = true;
                        i += 1;
                        continue;
                    }
                    _ => c = b as char,
                }
            } else {
                c = char_at(i);
                if c.is_whitespace() || is_pictograph(c) {
                    sp = true;
                    i += c.len_utf8();
                    continue;
                }
            }
            if nl > 0 || sp {
                close_chunk(&mut v, chunk_start, chunk_bytes);
                chunk_start = v.len();
                chunk_bytes = 0;
            }
            let ls = lower.len();
            // An ASCII word is lower-cased into `lower` while it is read; a word with
            // other characters is lower-cased afterwards, character by character.
            let mut ascii = c.is_ascii();
            let mut upper = false;
            let (t, e, cap) = if is_letter(c) {
                let cap = if ascii { c.is_ascii_uppercase() } else { c.is_uppercase() };
                let mut e = i + c.len_utf8();
                if ascii {
                    lower.push(bytes[i] | 0x20);
                    upper = cap;
                }
                loop {
                    while e < len && bytes[e].is_ascii_alphabetic() {
                        lower.push(bytes[e] | 0x20);
                        upper |= bytes[e] < b'a';
                        e += 1;
                    }
                    if e >= len {
                        break;
                    }
                    let d = char_at(e);
                    if !d.is_ascii() && d.is_alphabetic() {
                        ascii = false;
                        e += d.len_utf8();
                    } else if d == '-' || d == '\'' || d == '’' {
                        // joiner only between letters
                        let j = e + d.len_utf8();
                        if j < len && is_letter(char_at(j)) {
                            ascii &= d.is_ascii();
                            lower.push(bytes[e]);
                            e = j;
                        } else {
                            break;
                        }
                    } else {
                        break;
                    }
                }
                (T::Word, e, cap)
            } else if c.is_ascii_digit() {
                let mut e = i + 1;
                while e < len && bytes[e].is_ascii_digit() {
                    e += 1;
                }
                (T::Num, e, false)
            } else {
                chunk_bytes |= match c {
                    '@' => AT,
                    '_' => US,
                    '/' => SL,
                    '.' => DOT,
                    ':' => COL,
                    _ => 0,
                };
                (T::Punct(c), i + c.len_utf8(), false)
            };
            let mut f = 0;
            if t == T::Word && ascii {
                all_lower &= !upper;
                f |= ascii_word_flags(lex, &lower[ls..]);
            } else if t == T::Word {
                lower.truncate(ls);
                let mut tmp = [0u8; 4];
                for ch in text[i..e].chars() {
                    if ch.is_uppercase() {
                        all_lower = false;
                    }
                    for lc in ch.to_lowercase() {
                        lower.extend_from_slice(lc.encode_utf8(&mut tmp).as_bytes());
                    }
                }
                // Whole characters were appended: the word is valid UTF-8.
                f |= word_flags(std::str::from_utf8(&lower[ls..]).unwrap_or_default());
            }
            fl.push(Cell::new(f));
            v.push(Tok { t, s: i, e, ls, le: lower.len(), nl, sp, cap, code: false });
            nl = 0;
            sp = false;
            i = e;
        }
        close_chunk(&mut v, chunk_start, chunk_bytes);
        // Only whole characters were lower-cased and appended.
        let lower = String::from_utf8(lower).unwrap_or_default();
        Tokens { text, lower, v, all_lower, fl }
    }

    /// The word-list bits of token `i` ([`flag`]; none for numbers and punctuation).
    pub(super) fn flags(&self, i: usize) -> u32 {
        self.fl[i].get()
    }

    /// Token `i` is a word with one of the bits `f`.
    pub(super) fn has(&self, i: usize, f: u32) -> bool {
        i < self.v.len() && self.flags(i) & f != 0
    }

    /// Token `i` is a street word (see [`super::address::is_street_word`]).
    pub(super) fn street(&self, i: usize) -> bool {
        let f = self.fl[i].get();
        if f & flag::STREET_DONE != 0 {
            return f & flag::STREET != 0;
        }
        let yes = super::address::is_street_word(self.low(i));
        self.fl[i].set(f | flag::STREET_DONE | if yes { flag::STREET } else { 0 });
        yes
    }

    /// The lower-case text of token `i` (words only; empty for others).
    pub(super) fn low(&self, i: usize) -> &str {
        let t = &self.v[i];
        &self.lower[t.ls..t.le]
    }

    /// The original text of token `i`.
    pub(super) fn raw(&self, i: usize) -> &'t str {
        let t = &self.v[i];
        &self.text[t.s..t.e]
    }

    pub(super) fn is_word(&self, i: usize) -> bool {
        i < self.v.len() && self.v[i].t == T::Word && !self.v[i].code
    }

    pub(super) fn is_punct(&self, i: usize, c: char) -> bool {
        i < self.v.len() && self.v[i].t == T::Punct(c)
    }

    /// Token `i` starts a new line.
    pub(super) fn line_start(&self, i: usize) -> bool {
        i == 0 || self.v[i].nl > 0
    }

    /// Token `i` is a word followed by `.` directly (an abbreviation).
    pub(super) fn abbrev(&self, i: usize) -> bool {
        self.is_word(i) && i + 1 < self.v.len() && self.v[i + 1].t == T::Punct('.') && self.v[i + 1].s == self.v[i].e
    }
}

/// The `all_lower` flag [`Tokens::new`] would compute for `text` (no upper-case letter
/// in any word), without making the tokens: a whole text split into parts for two
/// threads must read every part with the flag of the whole. Stops at the first capital.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))] // two threads are native only
pub(crate) fn all_lower_of(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_uppercase() {
                return false;
            }
            i += 1;
        } else {
            let c = text[i..].chars().next().unwrap_or('\0');
            if c.is_uppercase() && c.is_alphabetic() && !c.is_whitespace() {
                if is_pictograph(c) {
                    // Squared and circled capitals (U+1F130…) are spaces, but letters
                    // when they continue a word: let the tokeniser decide.
                    return Tokens::new(text).all_lower;
                }
                return false;
            }
            i += c.len_utf8();
        }
    }
    true
}

/// Emoji, pictographs, variation selectors and joiners: read as spaces, so `Hi 😂 Laura`
/// greets Laura.
fn is_pictograph(c: char) -> bool {
    let u = c as u32;
    (0x1F000..0x20000).contains(&u)
        || (0x2600..=0x27BF).contains(&u)
        || (0x2B00..=0x2BFF).contains(&u)
        || (0xFE00..=0xFE0F).contains(&u)
        || u == 0x200D
        || u == 0x20E3
        || (0xE0000..=0xE007F).contains(&u)
}

// ---------------------------------------------------------------- word lists

/// Titles and salutations: strong evidence, outside the span. Compared lower-case,
/// without a trailing dot.
const TITLES: &[&str] = &[
    "herr",
    "herrn",
    "frau",
    "hr",
    "fr",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mister",
    "dr",
    "prof",
    "mag",
    "ing",
    "di",
    "dipl",
    "dipl.-ing",
    "dkfm",
    "mmag",
    "msc",
    "bsc",
    "ba",
    "ma",
    "dott",
    "dott.ssa",
    "dottssa",
    "avv",
    "monsieur",
    "madame",
    "mme",
    "mlle",
    "señor",
    "señora",
    "senor",
    "senora",
    "sr",
    "sra",
    "srta",
    "signor",
    "signora",
    "signorina",
    "sig",
    "sig.ra",
    "sigra",
    "dhr",
    "mevr",
    "mevrouw",
    "meneer",
    "heer",
    "mx",
    "sir",
    "dame",
    "lady",
    "lord",
    "pfarrer",
    "rabbi",
];

/// Words that are never a name (function words, pronouns, greetings, months, days,
/// CRM nouns that follow the same cues as names). Lower-case.
const STOP: &[&str] = &[
    // de
    "der",
    "die",
    "das",
    "den",
    "dem",
    "des",
    "ein",
    "eine",
    "einen",
    "einem",
    "einer",
    "und",
    "oder",
    "aber",
    "ist",
    "bin",
    "bist",
    "sind",
    "war",
    "hat",
    "habe",
    "hab",
    "haben",
    "wird",
    "kann",
    "will",
    "möchte",
    "würde",
    "ich",
    "du",
    "er",
    "sie",
    "es",
    "wir",
    "ihr",
    "ihre",
    "ihren",
    "ihrem",
    "ihrer",
    "ihnen",
    "mein",
    "meine",
    "meinen",
    "meinem",
    "meiner",
    "dein",
    "deine",
    "sein",
    "seine",
    "unser",
    "unsere",
    "uns",
    "mich",
    "mir",
    "dich",
    "dir",
    "nicht",
    "noch",
    "schon",
    "auch",
    "nur",
    "hier",
    "da",
    "dort",
    "jetzt",
    "heute",
    "morgen",
    "gestern",
    "bitte",
    "danke",
    "vielen",
    "dank",
    "gerne",
    "gern",
    "ja",
    "nein",
    "ok",
    "okay",
    "mit",
    "von",
    "vom",
    "zu",
    "zum",
    "zur",
    "bei",
    "beim",
    "für",
    "fuer",
    "an",
    "am",
    "im",
    "in",
    "auf",
    "aus",
    "nach",
    "über",
    "unter",
    "vor",
    "seit",
    "bis",
    "wegen",
    "als",
    "wie",
    "was",
    "wer",
    "wo",
    "wann",
    "warum",
    "dass",
    "ob",
    "wenn",
    "so",
    "sehr",
    "geehrte",
    "geehrter",
    "geehrtes",
    "damen",
    "herren",
    "liebe",
    "lieber",
    "liebes",
    "hallo",
    "servus",
    "moin",
    "grüezi",
    "gruezi",
    "grüß",
    "gott",
    "guten",
    "tag",
    "abend",
    "morgen",
    "hi",
    "hey",
    "team",
    "service",
    "kundenservice",
    "kundendienst",
    "support",
    "kunde",
    "kundin",
    "kunden",
    "firma",
    "gmbh",
    "ag",
    "kg",
    "ltd",
    "inc",
    "llc",
    "co",
    "team,",
    "herr",
    "frau",
    "name",
    "namen",
    "vorname",
    "nachname",
    "neue",
    "neuer",
    "neues",
    "alte",
    "alter",
    "adresse",
    "nummer",
    "rechnung",
    "vertrag",
    "konto",
    "iban",
    "bic",
    "tel",
    "telefon",
    "fax",
    "mobil",
    "handy",
    "email",
    "e-mail",
    "mail",
    "web",
    "www",
    "uid",
    "geb",
    "geboren",
    "grüße",
    "grüsse",
    "gruß",
    "gruss",
    "freundlichen",
    "freundliche",
    "viele",
    "beste",
    "herzliche",
    "lg",
    "mfg",
    "vg",
    "bg",
    "student",
    "studentin",
    "rentner",
    "rentnerin",
    "mitglied",
    "neukunde",
    "bestandskunde",
    "vater",
    "mutter",
    "sohn",
    "tochter",
    "mann",
    "kind",
    "partner",
    "partnerin",
    "bruder",
    "schwester",
    "gerade",
    "leider",
    "wieder",
    "etwas",
    "alles",
    "nichts",
    "man",
    "zusammen",
    "leute",
    "allerseits",
    "anbei",
    "betreff",
    "bezüglich",
    "sofort",
    "kurz",
    "mal",
    "doch",
    "eben",
    "dann",
    "denn",
    "weil",
    "total",
    "echt",
    "ziemlich",
    "richtig",
    "wirklich",
    "mega",
    "extrem",
    "enttäuscht",
    "zufrieden",
    "unterwegs",
    "verwirrt",
    "neu",
    "selbst",
    "really",
    "too",
    "quite",
    "angry",
    "upset",
    "confused",
    "back",
    "again",
    "me",
    // en
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "is",
    "am",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "i",
    "you",
    "he",
    "she",
    "it",
    "we",
    "they",
    "me",
    "my",
    "your",
    "his",
    "her",
    "our",
    "their",
    "us",
    "them",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "not",
    "no",
    "yes",
    "just",
    "also",
    "still",
    "now",
    "today",
    "please",
    "thanks",
    "thank",
    "hello",
    "dear",
    "sir",
    "madam",
    "all",
    "everyone",
    "whom",
    "it",
    "to",
    "of",
    "for",
    "on",
    "at",
    "by",
    "with",
    "from",
    "as",
    "about",
    "if",
    "so",
    "very",
    "sorry",
    "regards",
    "best",
    "kind",
    "sincerely",
    "cheers",
    "customer",
    "care",
    "manager",
    "agent",
    "staff",
    "dept",
    "department",
    "new",
    "old",
    "account",
    "holder",
    "order",
    "invoice",
    "number",
    "phone",
    "address",
    "contract",
    "card",
    "bank",
    "calling",
    "writing",
    "interested",
    "looking",
    "having",
    "going",
    "trying",
    "unable",
    "happy",
    "glad",
    "afraid",
    "sure",
    "mr",
    "mrs",
    "ms",
    "dr",
    "son",
    "daughter",
    "wife",
    "husband",
    "mum",
    "mom",
    "dad",
    "brother",
    "sister",
    "ticket",
    "user",
    "username",
    "via",
    "per",
    "re",
    "fwd",
    "cc",
    // fr it es nl
    "le",
    "la",
    "les",
    "de",
    "du",
    "des",
    "et",
    "je",
    "suis",
    "mon",
    "ma",
    "mes",
    "votre",
    "vos",
    "bonjour",
    "madame",
    "monsieur",
    "merci",
    "il",
    "lo",
    "gli",
    "di",
    "del",
    "della",
    "e",
    "sono",
    "mio",
    "buongiorno",
    "grazie",
    "el",
    "los",
    "las",
    "y",
    "soy",
    "mi",
    "hola",
    "gracias",
    "señor",
    "señora",
    "het",
    "een",
    "en",
    "ik",
    "ben",
    "mijn",
    "uw",
    "hallo",
    "hoi",
    "dank",
    "bedankt",
    "van",
    "goedemorgen",
    "geachte",
    "heer",
    "mevrouw",
    "klant",
    "cliente",
    "client",
];

/// Months and weekdays: words, but also surnames (`Sandro Freitag`).
const CALENDAR: &[&str] = &[
    "januar",
    "jänner",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "january",
    "february",
    "march",
    "june",
    "july",
    "october",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Endings that mark a capitalised German/English word as a common noun, not a name.
const NOUN_ENDINGS: &[&str] = &[
    "ung",
    "heit",
    "keit",
    "schaft",
    "tion",
    "sion",
    "ität",
    "nis",
    "tum",
    "ment",
    "nummer",
    "adresse",
    "team",
    "service",
    "vertrag",
    "rechnung",
    "karte",
    "konto",
    "zahlung",
    "tarif",
    "paket",
    "lieferung",
    "bestellung",
    "versicherung",
    "abteilung",
    "gmbh",
    "shop",
    "store",
    "markt",
    "werk",
    "werke",
    "bank",
    "ness",
    "ship",
    "ance",
    "ence",
    "ity",
    "ism",
    "chen",
    "lein",
    "daten",
    "nehmer",
    "geber",
];

/// Surname endings (DACH, Slavic, Nordic, Romance, Greek, Turkish).
const SURNAME_ENDINGS: &[&str] = &[
    "mann", "maier", "mayer", "meier", "meyer", "mayr", "huber", "hofer", "bauer", "berger", "burger", "inger",
    "linger", "bichler", "egger", "leitner", "lechner", "gruber", "moser", "wimmer", "schmid", "schmidt", "wieser",
    "lehner", "brunner", "steiner", "reiter", "hauser", "stetter", "thaler", "müller", "mueller", "ović", "ovic",
    "ević", "evic", "vić", "vic", "ić", "ski", "ska", "sky", "cki", "cka", "wicz", "czyk", "czak", "sson", "ssen",
    "sen", "ini", "elli", "etti", "ucci", "acci", "otti", "ardi", "escu", "opoulos", "akis", "idis", "oglu", "oğlu",
    "yan", "enko", "ová", "ová", "ez", "stedt", "feld", "hardt", "bach", "ecker", "acker", "inski", "kowski", "nik",
    "ak", "ek",
];

/// Triggers followed by a name: (words, strength). Strength 2 = label/role strong,
/// 1 = needs a name-like word.
const CUES: &[(&[&str], u8)] = &[
    (&["mein", "name", "ist"], 2),
    (&["my", "name", "is"], 2),
    (&["my", "name's"], 2),
    (&["ich", "heiße"], 2),
    (&["ich", "heisse"], 2),
    (&["je", "m'appelle"], 2),
    (&["je", "m’appelle"], 2),
    (&["mi", "chiamo"], 2),
    (&["me", "llamo"], 2),
    (&["mijn", "naam", "is"], 2),
    (&["name"], 2),
    (&["naam"], 2),
    (&["nom"], 2),
    (&["nombre"], 2),
    (&["nome"], 2),
    (&["full", "name"], 2),
    (&["vorname"], 2),
    (&["nachname"], 2),
    (&["kontoinhaber"], 2),
    (&["kontoinhaberin"], 2),
    (&["account", "holder"], 2),
    (&["ansprechpartner"], 2),
    (&["ansprechpartnerin"], 2),
    (&["contact", "person"], 2),
    (&["z", "h"], 2),
    (&["zhd"], 2),
    (&["zu", "händen"], 2),
    (&["attn"], 2),
    (&["c/o"], 2),
    (&["care", "of"], 2),
    (&["personalien"], 2),
    (&["auf", "den", "namen"], 2),
    (&["namens"], 2),
    (&["in", "the", "name", "of"], 2),
    (&["name", "of"], 2),
    (&["a", "nombre", "de"], 2),
    (&["au", "nom", "de"], 2),
    (&["a", "nome", "di"], 2),
    (&["op", "naam", "van"], 2),
    (&["ich", "bin"], 1),
    (&["ich", "bins"], 1),
    (&["bin"], 1),
    (&["hier", "ist"], 1),
    (&["hier", "spricht"], 1),
    (&["da", "ist"], 1),
    (&["this", "is"], 1),
    (&["it's"], 1),
    (&["its"], 1),
    (&["i'm"], 1),
    (&["i", "am"], 1),
    (&["je", "suis"], 1),
    (&["moi", "c'est"], 1),
    (&["sono"], 1),
    (&["soy"], 1),
    (&["ik", "ben"], 1),
    (&["hallo"], 1),
    (&["hello"], 1),
    (&["hi"], 1),
    (&["hey"], 1),
    (&["dear"], 1),
    (&["liebe"], 1),
    (&["lieber"], 1),
    (&["servus"], 1),
    (&["moin"], 1),
    (&["grüezi"], 1),
    (&["hoi"], 1),
    (&["ciao"], 1),
    (&["hola"], 1),
    (&["bonjour"], 1),
    (&["salut"], 1),
    (&["buongiorno"], 1),
    (&["cher"], 1),
    (&["chère"], 1),
    (&["caro"], 1),
    (&["cara"], 1),
    (&["gentile"], 1),
    (&["estimado"], 1),
    (&["estimada"], 1),
    (&["querido"], 1),
    (&["querida"], 1),
    (&["beste"], 1),
    (&["geachte"], 1),
    (&["kunde"], 1),
    (&["kundin"], 1),
    (&["kd"], 1),
    (&["customer"], 1),
    (&["cust"], 1),
    (&["client"], 1),
    (&["cliente"], 1),
    (&["klant"], 1),
    (&["fahrer"], 1),
    (&["fahrerin"], 1),
    (&["driver"], 1),
    (&["unfallgegner"], 1),
    (&["unfallgegnerin"], 1),
    (&["patient"], 1),
    (&["patientin"], 1),
    (&["mitarbeiter"], 1),
    (&["mitarbeiterin"], 1),
    (&["kollege"], 1),
    (&["kollegin"], 1),
    (&["colleague"], 1),
    (&["eskaliert", "an"], 1),
    (&["weitergeleitet", "an"], 1),
    (&["übergeben", "an"], 1),
    (&["escalated", "to"], 1),
    (&["forwarded", "to"], 1),
    (&["assigned", "to"], 1),
    (&["sohn"], 1),
    (&["tochter"], 1),
    (&["mann"], 1),
    (&["ehemann"], 1),
    (&["ehefrau"], 1),
    (&["partner"], 1),
    (&["partnerin"], 1),
    (&["kind"], 1),
    (&["kid"], 1),
    (&["child"], 1),
    (&["bruder"], 1),
    (&["schwester"], 1),
    (&["vater"], 1),
    (&["mutter"], 1),
    (&["son"], 1),
    (&["daughter"], 1),
    (&["husband"], 1),
    (&["wife"], 1),
    (&["husband's", "name"], 2),
    (&["wife's", "name"], 2),
    (&["brother"], 1),
    (&["sister"], 1),
    (&["father"], 1),
    (&["mother"], 1),
    (&["inhaber"], 1),
    (&["inhaberin"], 1),
    (&["signed"], 1),
    (&["gez"], 1),
    (&["unterschrift"], 2),
    (&["familie"], 1),
    (&["family"], 1),
    (&["eure"], 1),
    (&["euer"], 1),
    (&["deine"], 1),
    (&["dein"], 1),
    (&["bitte", "an"], 1),
    (&["lieferung", "an"], 1),
    (&["deliver", "to"], 1),
    (&["von"], 0),
];

/// Closing phrases that make the next words a signature.
const CLOSINGS: &[&[&str]] = &[
    &["mit", "freundlichen", "grüßen"],
    &["mit", "freundlichen", "grüssen"],
    &["mit", "freundlichem", "gruß"],
    &["mit", "besten", "grüßen"],
    &["mit", "besten", "grüssen"],
    &["freundliche", "grüße"],
    &["freundliche", "grüsse"],
    &["viele", "grüße"],
    &["viele", "grüsse"],
    &["liebe", "grüße"],
    &["liebe", "grüsse"],
    &["beste", "grüße"],
    &["beste", "grüsse"],
    &["herzliche", "grüße"],
    &["herzliche", "grüsse"],
    &["schöne", "grüße"],
    &["schöne", "grüsse"],
    &["grüße"],
    &["grüsse"],
    &["gruß"],
    &["gruss"],
    &["lg"],
    &["mfg"],
    &["vg"],
    &["bg"],
    &["hochachtungsvoll"],
    &["best", "regards"],
    &["kind", "regards"],
    &["warm", "regards"],
    &["many", "thanks"],
    &["thanks", "a", "lot"],
    &["thank", "you"],
    &["regards"],
    &["best"],
    &["thanks"],
    &["thx"],
    &["cheers"],
    &["sincerely"],
    &["yours", "sincerely"],
    &["yours", "faithfully"],
    &["yours", "truly"],
    &["all", "the", "best"],
    &["cordialement"],
    &["bien", "cordialement"],
    &["salutations"],
    &["cordiali", "saluti"],
    &["distinti", "saluti"],
    &["saluti"],
    &["un", "saludo"],
    &["saludos"],
    &["atentamente"],
    &["saludos", "cordiales"],
    &["groetjes"],
    &["met", "vriendelijke", "groet"],
    &["vriendelijke", "groet"],
    &["groeten"],
    &["bien", "à", "vous"],
    &["amicalement"],
    &["tschüss"],
    &["ciao"],
    &["servus"],
];

/// Words in a signature line that make it a team or company, not a person.
const ORG_WORDS: &[&str] = &[
    "team",
    "service",
    "kundenservice",
    "kundendienst",
    "support",
    "customer",
    "care",
    "ihr",
    "ihre",
    "your",
    "the",
    "das",
    "die",
    "der",
    "gmbh",
    "ag",
    "kg",
    "ltd",
    "inc",
    "llc",
    "sa",
    "srl",
    "bv",
    "plc",
    "co",
    "klantenservice",
    "servicio",
    "équipe",
    "equipe",
    "servizio",
    "clienti",
    "cliente",
    "abteilung",
    "office",
    "sales",
    "vertrieb",
    "buchhaltung",
    "verwaltung",
    "redaktion",
    "praxis",
    "kanzlei",
    "versicherung",
    "bank",
    "stadtwerke",
    "online",
    "shop",
    "group",
    "gruppe",
    "equipo",
    "squadra",
    "kundenteam",
    "servicio",
    "atención",
    "assistenza",
    "klantenteam",
    "helpdesk",
    "hotline",
    "zentrale",
    "logistics",
    "logistik",
    "consulting",
    "solutions",
    "systems",
    "services",
    "partners",
    "holding",
    "versand",
];

/// Family words: strong after a possessive (`mein Sohn Gustav`, `my wife Anna`).
const FAMILY: &[&str] = &[
    "sohn",
    "tochter",
    "kind",
    "kid",
    "mann",
    "ehemann",
    "ehefrau",
    "partner",
    "partnerin",
    "bruder",
    "schwester",
    "vater",
    "mutter",
    "son",
    "daughter",
    "husband",
    "wife",
    "brother",
    "sister",
    "father",
    "mother",
    "child",
    "fils",
    "fille",
    "mari",
    "femme",
    "figlio",
    "figlia",
    "marito",
    "moglie",
    "hijo",
    "hija",
    "marido",
    "esposa",
    "zoon",
    "dochter",
    "man",
    "vrouw",
    "enkel",
    "enkelin",
    "freundin",
    "freund",
    "lebensgefährte",
    "lebensgefährtin",
];

/// Greeting cues: a capitalised unknown word after them must not be a sentence subject.
const GREETINGS: &[&str] = &[
    "hallo",
    "hello",
    "hi",
    "hey",
    "dear",
    "liebe",
    "lieber",
    "servus",
    "moin",
    "grüezi",
    "hoi",
    "ciao",
    "hola",
    "bonjour",
    "salut",
    "buongiorno",
    "cher",
    "chère",
    "caro",
    "cara",
    "gentile",
    "estimado",
    "estimada",
    "querido",
    "querida",
    "beste",
    "geachte",
    "eure",
    "euer",
    "deine",
    "dein",
];

const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "di", "da", "del", "della", "dei", "du", "le", "la", "ten", "ter", "zu", "vom",
    "zur", "dos", "das", "bin", "al", "el", "ibn", "mc", "st",
];

/// Cues and closings by first word, and the ending sets, built once.
struct Lists {
    /// Cues by first word (indices into CUES).
    cues_by_first: FxMap<Vec<usize>>,
    /// Closings by first word (indices into CLOSINGS).
    closings_by_first: FxMap<Vec<usize>>,
    surname_endings: Suffixes,
    noun_endings: Suffixes,
}

fn lst() -> &'static Lists {
    static L: OnceLock<Lists> = OnceLock::new();
    // Entry positions by the entry's first word.
    let by_first = |firsts: &mut dyn Iterator<Item = &'static str>| {
        let mut m: FxMap<Vec<usize>> = HashMap::default();
        for (i, w) in firsts.enumerate() {
            m.entry(w).or_default().push(i);
        }
        m
    };
    L.get_or_init(|| Lists {
        cues_by_first: by_first(&mut CUES.iter().map(|(c, _)| c[0])),
        closings_by_first: by_first(&mut CLOSINGS.iter().map(|c| c[0])),
        surname_endings: Suffixes::new(SURNAME_ENDINGS),
        noun_endings: Suffixes::new(NOUN_ENDINGS),
    })
}

fn in_list(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| *x == w)
}

fn ends_with_any(w: &str, list: &[&str], min_stem: usize) -> bool {
    list.iter().any(|e| w.len() >= e.len() + min_stem && w.ends_with(e))
}

/// `w` ends with a surname ending (`-mann`, `-ová`, …) after at least two bytes.
fn surname_ending(w: &str) -> bool {
    lst().surname_endings.matches(w, 2, 12)
}

/// `w` ends with a common-noun ending (`-ung`, `-heit`, …) after at least two bytes.
fn noun_ending(w: &str) -> bool {
    lst().noun_endings.matches(w, 2, usize::MAX)
}

/// How name-like one word is.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Namey {
    /// Never a name here.
    No,
    /// Unknown word (capitalised or not; the caller decides).
    Unknown,
    /// A known given name that is also an ordinary word, or a surname that is.
    Weak,
    /// Surname shape or frequent surname.
    Surname,
    /// Known given name.
    Given,
}

pub(super) struct Person;

impl Person {
    pub(super) fn new() -> Person {
        let _ = lexicon();
        let _ = lst();
        Person
    }
}

struct Ctx<'a, 't> {
    tk: &'a Tokens<'t>,
    /// namey() per token, computed once (0 = not yet).
    memo: Vec<u8>,
}

impl Ctx<'_, '_> {
    fn namey(&mut self, i: usize) -> Namey {
        if !self.tk.is_word(i) {
            return Namey::No;
        }
        if let Some(&m) = self.memo.get(i) {
            if m != 0 {
                return [Namey::No, Namey::Unknown, Namey::Weak, Namey::Surname, Namey::Given][m as usize - 1];
            }
        }
        let k = self.namey_uncached(i);
        if i < self.memo.len() {
            self.memo[i] = k as u8 + 1;
        }
        k
    }

    fn namey_uncached(&mut self, i: usize) -> Namey {
        let w = self.tk.low(i);
        let raw = self.tk.raw(i);
        let n = w.chars().count();
        let wf = self.tk.flags(i);
        if wf & (flag::STOP | flag::TITLE) != 0 {
            return Namey::No;
        }
        if wf & flag::CALENDAR != 0 {
            return Namey::Weak;
        }
        // All-caps words of 2-5 letters are codes (IBAN, BIC, UID, KD) unless the text shouts.
        if (2..=5).contains(&n) && raw.chars().all(|c| c.is_uppercase()) {
            return Namey::No;
        }
        // English contractions: I'm, it's, don't, we're, I'll, they've, I'd
        if let Some((_, tail)) = w.split_once(['\'', '’']) {
            if matches!(tail, "m" | "s" | "t" | "re" | "ll" | "ve" | "d") {
                return Namey::No;
            }
        }
        // Hyphenated: judge by the parts (Marie-Claire, Ramic-Seemann).
        let whole = !w.contains(['-', '\'', '’']);
        let parts = w.split(['-', '\'', '’']).filter(|p| !p.is_empty());
        let mut best = Namey::No;
        let mut any_noun = false;
        for p in parts {
            let pf = if whole { wf } else { word_flags(p) };
            let listed_surname = pf & flag::SURNAME_F != 0;
            let k = if pf & flag::GIVEN_F != 0 && !held_out(p) {
                Namey::Given
            } else if pf & flag::GIVEN_AMB_F != 0 {
                Namey::Weak
            } else if listed_surname || surname_ending(p) {
                Namey::Surname
            } else {
                Namey::Unknown
            };
            if pf & flag::ORG != 0
                || pf & flag::STOP != 0 && p.len() > 3
                || noun_ending(p) && k < Namey::Given && !listed_surname
            {
                any_noun = true;
            }
            best = best.max(k);
        }
        if any_noun && best < Namey::Given {
            return Namey::No;
        }
        if best == Namey::No {
            Namey::Unknown
        } else {
            best
        }
    }

    /// A single capital letter followed by '.' (an initial).
    fn initial(&self, i: usize) -> bool {
        let tk = self.tk;
        tk.is_word(i) && tk.v[i].cap && tk.raw(i).chars().count() == 1 && tk.abbrev(i)
    }

    /// Can token `i` continue a name started before it (same line, a space apart)?
    fn continues(&mut self, i: usize) -> bool {
        let tk = self.tk;
        if i >= tk.v.len() || tk.v[i].nl > 0 || !tk.is_word(i) {
            return false;
        }
        let w = tk.low(i);
        if tk.street(i) {
            return false;
        }
        let k = self.namey(i);
        if k == Namey::No {
            // after a name, a capitalised word with a noun ending is still a surname
            // ("Dietrich Hartung"), but not a function word, team or title
            let raw = tk.raw(i);
            return tk.v[i].cap
                && !tk.has(i, flag::STOP | flag::ORG | flag::TITLE)
                && !(raw.chars().count() <= 5 && raw.chars().all(|c| c.is_uppercase()))
                && noun_ending(w);
        }
        if tk.v[i].cap {
            return true;
        }
        tk.all_lower
            && matches!(k, Namey::Given | Namey::Surname | Namey::Unknown | Namey::Weak)
            && !common_lower(tk, i)
    }

    /// Extends a name that starts at token `i` (already accepted) to its last token.
    /// Returns the index of the last token.
    fn extend(&mut self, i: usize) -> usize {
        let tk = self.tk;
        let mut last = i;
        let mut k = i + 1;
        let mut words = 1;
        while words < 4 && k < tk.v.len() {
            if self.initial(k) && tk.v[k].nl == 0 {
                // "Hans P. Müller"
                if self.continues(k + 2) {
                    last = k + 2;
                    k += 3;
                    words += 2;
                    continue;
                }
                break;
            }
            if tk.is_word(k) && tk.v[k].nl == 0 && tk.has(k, flag::PARTICLE) && !tk.v[k].cap {
                // particles: "van der Berg", "di Stefano"
                let mut m = k;
                while m < tk.v.len() && tk.is_word(m) && tk.v[m].nl == 0 && tk.has(m, flag::PARTICLE) && m < k + 3 {
                    m += 1;
                }
                if m < tk.v.len()
                    && tk.is_word(m)
                    && tk.v[m].nl == 0
                    && tk.v[m].cap
                    && self.namey(m) != Namey::No
                    && !tk.street(m)
                {
                    last = m;
                    k = m + 1;
                    words += 1;
                    continue;
                }
                break;
            }
            if self.continues(k) {
                last = k;
                k += 1;
                words += 1;
                continue;
            }
            // generational suffix: "Koch II", "Smith Jr."
            if tk.is_word(k)
                && tk.v[k].nl == 0
                && matches!(tk.raw(k), "II" | "III" | "IV" | "Jr" | "Sr" | "jun" | "sen")
            {
                last = k;
            }
            break;
        }
        last
    }

    /// Tries to read a name starting at token `i` with the given evidence strength
    /// (2 strong, 1 medium). Returns (first, last) token indices.
    fn name_at(&mut self, mut i: usize, strength: u8) -> Option<(usize, usize)> {
        let tk = self.tk;
        // skip further titles ("Herr Dr. Mag.") and articles ("ich bin die Maria")
        let mut guard = 0;
        while i < tk.v.len() && guard < 4 {
            guard += 1;
            if tk.is_word(i) && tk.has(i, flag::TITLE) && !(tk.low(i) == "di" && !tk.v[i].cap) {
                i += if tk.abbrev(i) { 2 } else { 1 };
                if tk.is_punct(i, '-') {
                    // Dipl.-Ing.
                    i += 1;
                }
                continue;
            }
            if tk.is_word(i)
                && strength >= 1
                && matches!(tk.low(i), "die" | "der" | "the" | "ist" | "is" | "la" | "el")
                && i + 1 < tk.v.len()
                && tk.v[i + 1].nl == 0
            {
                i += 1;
                continue;
            }
            break;
        }
        if i >= tk.v.len() {
            return None;
        }
        // "M. Huber" / "J. Young"
        if self.initial(i) && i + 2 < tk.v.len() && tk.v[i + 2].nl == 0 && tk.is_word(i + 2) && tk.v[i + 2].cap {
            let k = self.namey(i + 2);
            if k != Namey::No {
                let last = self.extend(i + 2);
                return Some((i, last));
            }
        }
        if !tk.is_word(i) {
            return None;
        }
        // "Frau van der Dussen": particles before a capitalised surname
        if strength >= 2 && tk.has(i, flag::PARTICLE) && !tk.v[i].cap {
            let mut m = i;
            while m < tk.v.len() && m < i + 3 && tk.is_word(m) && tk.v[m].nl == 0 && tk.has(m, flag::PARTICLE) {
                m += 1;
            }
            if m < tk.v.len() && tk.is_word(m) && tk.v[m].nl == 0 && tk.v[m].cap && self.namey(m) != Namey::No {
                let last = self.extend(m);
                return Some((i, last));
            }
            return None;
        }
        let k = self.namey(i);
        let cap = tk.v[i].cap;
        let w = tk.low(i);
        let ok = match k {
            Namey::No => false,
            Namey::Given | Namey::Surname => cap || tk.all_lower || strength == 2,
            Namey::Weak => cap || tk.all_lower,
            Namey::Unknown => {
                if tk.street(i) {
                    false
                } else if cap {
                    strength == 2 || self.next_is_namey(i) || !looks_common_capital(w)
                } else {
                    // lower case: only in all-lower chat, with strong evidence or an intro
                    // followed by a two-word name ("bin iwona hesse")
                    tk.all_lower && !common_lower(tk, i) && (strength == 2 || strength == 3 && self.continues(i + 1))
                }
            }
        };
        if !ok {
            return None;
        }
        let last = self.extend(i);
        // "Dear Crestview team": a team, not a person
        let nx = last + 1;
        if nx < tk.v.len() && tk.is_word(nx) && tk.v[nx].nl == 0 && tk.has(nx, flag::ORG) {
            return None;
        }
        // "Hallo, Paket ist …": an unknown word followed by a verb is a noun subject
        if last == i
            && strength == 1
            && k == Namey::Unknown
            && !tk.all_lower
            && nx < tk.v.len()
            && tk.is_word(nx)
            && tk.v[nx].nl == 0
            && !tk.v[nx].cap
        {
            return None;
        }
        // A lone ambiguous word with medium evidence is not enough ("Hallo Mai" is fine,
        // "bin Wolf" is not sure) unless followed by another name word.
        if last == i && strength != 2 && k == Namey::Weak && !cap {
            return None;
        }
        Some((i, last))
    }

    fn next_is_namey(&mut self, i: usize) -> bool {
        let tk = self.tk;
        i + 1 < tk.v.len()
            && tk.v[i + 1].nl == 0
            && tk.v[i + 1].cap
            && matches!(self.namey(i + 1), Namey::Given | Namey::Surname | Namey::Unknown | Namey::Weak)
    }
}

/// False when [`Ctx::namey`] cannot say `Given` or `Weak` for word `i`: neither the word
/// nor (if it has `-`/`'`) one of its parts is in a given-name list or the calendar.
/// One flag test instead of the whole judgement for most words.
fn may_be_given(tk: &Tokens<'_>, i: usize) -> bool {
    tk.flags(i) & (flag::GIVEN_F | flag::GIVEN_AMB_F | flag::CALENDAR) != 0 || tk.low(i).contains(['-', '\'', '’'])
}

/// Lower-case words of chat that are verbs/adverbs, not names, in languages we see.
fn common_lower(tk: &Tokens<'_>, i: usize) -> bool {
    let w = tk.low(i);
    const CHAT_WORDS: &[&str] = &[
        "sauer", "froh", "krank", "voll", "traurig", "müde", "fertig", "wütend", "happy", "sad", "sick", "tired", "mad",
    ];
    tk.has(i, flag::STOP)
        || in_list(CHAT_WORDS, w)
        || w.starts_with("ge") && w.ends_with('t') && w.chars().count() > 5
        || w.ends_with("ing") && !w.ends_with("ring") && w.len() > 5
        || ends_with_any(w, &["ed", "ly", "lich", "isch", "ung", "heit", "keit", "ieren", "iert"], 2)
            && !tk.has(i, flag::GIVEN | flag::SURNAME)
}

/// Capitalised unknown words that read like common nouns: weak cues need more.
fn looks_common_capital(w: &str) -> bool {
    // Typical German noun endings and plural/infinitive shapes.
    noun_ending(w) || ends_with_any(w, &["ung", "en", "ie", "ik", "ur", "at", "ät", "age", "ei", "ling"], 2)
}

/// Does the sequence `cue` match the words starting at token `i`? Returns the index
/// after the cue (skipping a following `:`/`,`/`-`). Dots after abbreviations are skipped.
fn match_cue(tk: &Tokens<'_>, mut i: usize, cue: &[&str]) -> Option<usize> {
    for (n, w) in cue.iter().enumerate() {
        if n > 0 && tk.is_punct(i, '.') {
            i += 1;
        }
        if *w == "c/o" {
            if tk.is_word(i) && tk.low(i) == "c" && tk.is_punct(i + 1, '/') && tk.is_word(i + 2) && tk.low(i + 2) == "o"
            {
                i += 3;
                continue;
            }
            return None;
        }
        if !(i < tk.v.len() && tk.v[i].t == T::Word && tk.low(i) == *w) {
            return None;
        }
        if n > 0 && tk.v[i].nl > 0 {
            return None;
        }
        i += 1;
    }
    while i < tk.v.len() && matches!(tk.v[i].t, T::Punct('.' | ':' | ',' | '-' | '–')) && tk.v[i].nl == 0 {
        i += 1;
    }
    Some(i)
}

impl Recognizer for Person {
    fn kinds(&self) -> &'static [Kind] {
        &[Kind::Person]
    }

    fn find(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let text = input.text;
        if !text.bytes().any(|b| b.is_ascii_alphabetic() || b >= 0x80) {
            return;
        }
        let tk = input.tokens();
        let mut cx = Ctx { tk: &tk, memo: vec![0; tk.v.len()] };
        let n = tk.v.len();
        let push = |out: &mut Vec<Candidate>, a: usize, b: usize, score: f32| {
            let mut c = Candidate::new(Kind::Person, tk.v[a].s, tk.v[b].e, score);
            c.subtype = None;
            out.push(c);
        };

        // Form field that expects a name: the whole value, if it is made of name words.
        if input.field.expects == Some(Kind::Person) && n > 0 && n <= 8 {
            let words: Vec<usize> = (0..n).filter(|&i| tk.v[i].t == T::Word).collect();
            let others_ok = (0..n).all(|i| matches!(tk.v[i].t, T::Word | T::Punct(',' | '.' | '-' | '\'')));
            if others_ok && !words.is_empty() && words.len() <= 5 && words.iter().all(|&i| !tk.v[i].code) {
                let a = words[0];
                let b = *words.last().unwrap();
                push(out, a, b, 0.35);
                return;
            }
        }

        let mut i = 0;
        let mut covered_to = 0usize; // token index up to which a name was already found
        while i < n {
            if tk.v[i].t != T::Word || tk.v[i].code {
                i += 1;
                continue;
            }
            let w = tk.low(i);
            // 1. titles
            let wf = tk.flags(i);
            let is_title = wf & flag::TITLE != 0
                && !(w == "di" && !tk.raw(i).starts_with("DI"))
                && !(matches!(w, "ma" | "ba" | "sir" | "lady" | "dame" | "lord") && !tk.v[i].cap)
                && !(matches!(w, "frau" | "fr")
                    && i > 0
                    && tk.is_word(i - 1)
                    && matches!(
                        tk.low(i - 1),
                        "meine" | "meiner" | "seine" | "seiner" | "deine" | "ihre" | "die" | "eine" | "einer" | "der"
                    ))
                && !(w == "fr" && !tk.abbrev(i))
                && !(w == "hr" && !tk.abbrev(i))
                && !(matches!(w, "ma" | "ba" | "msc" | "bsc") && !tk.abbrev(i));
            if is_title {
                let next = if tk.abbrev(i) { i + 2 } else { i + 1 };
                if next < n && tk.v[next].nl == 0 {
                    if let Some((a, b)) = cx.name_at(next, 2) {
                        if a >= covered_to {
                            push(out, a, b, 0.9);
                            covered_to = b + 1;
                        }
                        i = b + 1;
                        continue;
                    }
                }
                i += 1;
                continue;
            }
            // 2. closings: the next words (same line after ',' or the next line) sign.
            let mut matched = false;
            let no_idx: &[usize] = &[];
            let closing_idx = if wf & flag::CLOSING != 0 {
                lst().closings_by_first.get(w).map_or(no_idx, |v| v.as_slice())
            } else {
                no_idx
            };
            let cue_idx =
                if wf & flag::CUE != 0 { lst().cues_by_first.get(w).map_or(no_idx, |v| v.as_slice()) } else { no_idx };
            for cl in closing_idx.iter().map(|&k| CLOSINGS[k]) {
                if let Some(j) = match_cue(&tk, i, cl) {
                    // the closing must start a line or follow a sentence end / comma
                    let starts =
                        tk.line_start(i) || (i > 0 && matches!(tk.v[i - 1].t, T::Punct('.' | '!' | ',' | '?')));
                    // "… erreichbar lg adam": a closing with a given name that ends the text
                    let tail_name = {
                        let mut jj = j;
                        while jj < n && matches!(tk.v[jj].t, T::Punct(',' | '!' | '.')) {
                            jj += 1;
                        }
                        jj < n
                            && (cx.namey(jj) == Namey::Given
                                || cx.namey(jj) == Namey::Weak && tk.v[jj].cap
                                || cx.namey(jj) == Namey::Unknown
                                    && jj + 1 >= n
                                    && cx.lone_signature(jj)
                                    && matches!(
                                        tk.low(i),
                                        "lg" | "mfg"
                                            | "vg"
                                            | "gruß"
                                            | "gruss"
                                            | "grüße"
                                            | "grüsse"
                                            | "cheers"
                                            | "thanks"
                                            | "thx"
                                            | "saludos"
                                            | "saluti"
                                            | "groetjes"
                                            | "ciao"
                                            | "tschüss"
                                    ))
                            && {
                                let b = cx.extend(jj);
                                b + 1 >= n
                                    || tk.v[b + 1].nl > 0
                                    || (matches!(tk.v[b + 1].t, T::Punct('.' | '!')) && b + 2 >= n)
                            }
                    };
                    if !starts && !tail_name {
                        continue;
                    }
                    let mut j = j;
                    while j < n && matches!(tk.v[j].t, T::Punct('!' | ',' | '.' | '-' | '–')) {
                        j += 1;
                    }
                    // single-word closings in running text ("best", "thanks") need a
                    // break after them or a comma
                    let same_line = j < n && tk.v[j].nl == 0;
                    if cl.len() == 1 && same_line && !(j > 0 && tk.is_punct(j - 1, ',')) && !tk.all_lower && !tail_name
                    {
                        continue;
                    }
                    if let Some((a, b, sc)) = cx.signature(j) {
                        if a >= covered_to {
                            push(out, a, b, sc);
                            covered_to = b + 1;
                        }
                        i = b + 1;
                        matched = true;
                    }
                    break;
                }
            }
            if matched {
                continue;
            }
            // 3. cues: labels, roles, intros, greetings
            let mut best: Option<(usize, u8)> = None;
            for (cue, strength) in cue_idx.iter().map(|&k| &CUES[k]) {
                if *strength == 0 {
                    continue;
                }
                if let Some(j) = match_cue(&tk, i, cue) {
                    // keep the longest cue
                    if best.map_or(true, |(bj, _)| j > bj) {
                        best = Some((j, *strength));
                    }
                }
            }
            if let Some((mut j, mut strength)) = best {
                // family and role words after a possessive are strong ("mein Kind Annemie");
                // roles and intros may be followed by a verb ("Kunde Müller ruft an")
                let possessive = i > 0
                    && tk.is_word(i - 1)
                    && matches!(
                        tk.low(i - 1),
                        "mein"
                            | "meine"
                            | "meinem"
                            | "meinen"
                            | "meiner"
                            | "unser"
                            | "unsere"
                            | "my"
                            | "our"
                            | "mon"
                            | "ma"
                            | "mio"
                            | "mia"
                            | "mi"
                            | "mijn"
                            | "onze"
                    );
                if possessive && FAMILY.contains(&w) {
                    strength = 2;
                } else if strength == 1 && !GREETINGS.contains(&w) {
                    strength = 3;
                }
                // "Ansprechpartnerin ist Frau X": a title after the cue decides
                while j < n
                    && tk.is_word(j)
                    && matches!(tk.low(j), "ist" | "is" | "war" | "was" | "named" | "called" | "heißt" | "heisst")
                    && tk.v[j].nl == 0
                {
                    j += 1;
                }
                if j < n && tk.is_word(j) && tk.has(j, flag::TITLE) {
                    i = j;
                    continue;
                }
                let same_line = j < n
                    && (tk.v[j].nl == 0 || matches!(tk.low(i), "name" | "naam" | "kontoinhaber" | "kontoinhaberin"));
                if same_line {
                    if let Some((a, mut b)) = cx.name_at(j, strength) {
                        // "Kunde Stelzl, Aurelia": surname, comma, given name
                        if b + 2 < n
                            && tk.is_punct(b + 1, ',')
                            && tk.v[b + 2].nl == 0
                            && cx.namey(b + 2) != Namey::No
                            && tk.v[b + 2].cap == tk.v[a].cap
                            && !tk.street(b + 2)
                            && !(b + 3 < n && matches!(tk.v[b + 3].t, T::Num | T::Punct('.')))
                        {
                            let after = b + 3;
                            if after >= n
                                || tk.v[after].nl > 0
                                || matches!(tk.v[after].t, T::Punct(_))
                                || tk.v[after].t == T::Word && !tk.v[after].cap
                            {
                                b += 2;
                            }
                        }
                        if a >= covered_to {
                            push(out, a, b, if strength == 2 { 0.9 } else { 0.8 });
                            covered_to = b + 1;
                        }
                        i = b + 1;
                        continue;
                    }
                }
            }
            // "– Tina" at the end of a note: the writer's sign-off
            if i > 0
                && matches!(tk.v[i - 1].t, T::Punct('-' | '–'))
                && tk.v[i - 1].e == tk.v[i].s
                && (tk.v[i - 1].sp || tk.v[i - 1].nl > 0)
                && tk.v[i].cap
                && i >= covered_to
            {
                let b = cx.extend(i);
                let end = b + 1 >= n || tk.v[b + 1].nl > 0;
                if end && cx.namey(i) != Namey::No {
                    push(out, i, b, 0.8);
                    covered_to = b + 1;
                    i = b + 1;
                    continue;
                }
            }
            // "ich (Carina, geb. …)"
            if matches!(w, "ich" | "i" | "me" | "moi" | "io" | "yo" | "ik") && tk.is_punct(i + 1, '(') {
                if let Some((a, b)) = cx.name_at(i + 2, 2) {
                    if tk.is_punct(b + 1, ',')
                        || tk.is_punct(b + 1, ')')
                        || tk.is_word(b + 1)
                            && matches!(tk.low(b + 1), "geb" | "born" | "né" | "née" | "nato" | "nata" | "jg")
                    {
                        push(out, a, b, 0.8);
                        covered_to = b + 1;
                        i = b + 1;
                        continue;
                    }
                }
            }
            // "meine Frau Ariane", "mein Mann Peter": a role, not a title
            if matches!(w, "frau" | "mann" | "freundin" | "freund")
                && i > 0
                && tk.is_word(i - 1)
                && matches!(
                    tk.low(i - 1),
                    "meine"
                        | "mein"
                        | "meiner"
                        | "meinem"
                        | "seine"
                        | "sein"
                        | "deine"
                        | "dein"
                        | "ihre"
                        | "ihr"
                        | "unsere"
                )
            {
                if let Some((a, b)) = cx.name_at(i + 1, 1) {
                    if tk.v[a].nl == 0 && a >= covered_to {
                        push(out, a, b, 0.8);
                        covered_to = b + 1;
                        i = b + 1;
                        continue;
                    }
                }
            }
            // 4. "Isabel hier", "Herr Leunberger hier" (name before 'hier'/'here')
            if i + 1 < n
                && tk.is_word(i + 1)
                && matches!(tk.low(i + 1), "hier" | "here" | "speaking" | "am" | "spricht")
                && tk.v[i + 1].nl == 0
            {
                let prev_ok = i == 0
                    || tk.line_start(i)
                    || cx.namey(i) == Namey::Given && tk.v[i].cap
                    || matches!(tk.v[i - 1].t, T::Punct(',' | '!' | '.' | '(' | ':'))
                    || (tk.is_word(i - 1)
                        && matches!(
                            tk.low(i - 1),
                            "hallo" | "hi" | "hey" | "servus" | "moin" | "hoi" | "grüezi" | "ja" | "hallöchen" | "na"
                        ));
                let after_ok = tk.low(i + 1) != "am" || i + 2 >= n || tk.v[i + 2].t != T::Word;
                let k = cx.namey(i);
                if prev_ok
                    && after_ok
                    && tk.low(i + 1) != "am"
                    && matches!(k, Namey::Given | Namey::Weak | Namey::Surname | Namey::Unknown)
                    && (tk.v[i].cap || tk.all_lower)
                    && (k != Namey::Unknown
                        || tk.v[i].cap
                        || tk.all_lower
                            && i >= 2
                            && tk.is_punct(i - 1, ',')
                            && tk.is_word(i - 2)
                            && matches!(
                                tk.low(i - 2),
                                "hallo"
                                    | "hi"
                                    | "hey"
                                    | "servus"
                                    | "moin"
                                    | "hoi"
                                    | "grüezi"
                                    | "hello"
                                    | "ciao"
                                    | "salut"
                            ))
                {
                    if i >= covered_to {
                        push(out, i, i, 0.8);
                        covered_to = i + 1;
                    }
                    i += 2;
                    continue;
                }
            }
            // "…, Kunde Haumer, Tea" / "Nguyen, Randy" at the end of a line: surname, given name
            if i >= covered_to
                && tk.v[i].cap
                && i + 2 < n
                && tk.is_punct(i + 1, ',')
                && tk.v[i + 2].nl == 0
                && tk.v[i + 2].cap
            {
                let g = i + 2;
                let line_end = g + 1 >= n
                    || tk.v[g + 1].nl > 0
                    || (matches!(tk.v[g + 1].t, T::Punct('.')) && (g + 2 >= n || tk.v[g + 2].nl > 0));
                let k1 = cx.namey(i);
                let k2 = cx.namey(g);
                let prev_role = i > 0 && tk.is_word(i - 1) && tk.v[i].nl == 0 && tk.v[i - 1].cap;
                if line_end
                    && matches!(k1, Namey::Surname | Namey::Unknown | Namey::Given | Namey::Weak)
                    && (k2 == Namey::Given || prev_role && k2 != Namey::No)
                    && !tk.street(i)
                {
                    push(out, i, g, 0.75);
                    covered_to = g + 1;
                    i = g + 1;
                    continue;
                }
            }
            // 5. no cue: known given name + surname-like word ("Kevin Werner")
            let after_number = i > 0 && tk.v[i - 1].t == T::Num && tk.v[i].nl == 0;
            if i >= covered_to && !after_number && (tk.v[i].cap || tk.all_lower) && may_be_given(tk, i) {
                let k = cx.namey(i);
                if matches!(k, Namey::Given | Namey::Weak) {
                    let mut b = cx.extend(i);
                    if b > i
                        && (k == Namey::Weak || tk.all_lower)
                        && !matches!(cx.namey(i + 1), Namey::Given | Namey::Surname)
                    {
                        b = i;
                    }
                    if b > i {
                        let sc = if k == Namey::Given { 0.72 } else { 0.6 };
                        push(out, i, b, sc);
                        covered_to = b + 1;
                        i = b + 1;
                        continue;
                    }
                    // a lone given name at the end of a message after a comma ("Thanks, Roy")
                    let end_after = i + 1 >= n
                        || matches!(tk.v[i + 1].t, T::Punct('.' | '!')) && (i + 2 >= n || tk.v[i + 2].nl > 0)
                        || tk.v[i + 1].nl > 0;
                    let comma_before = i > 0 && (tk.is_punct(i - 1, ',') || tk.v[i].nl > 0 && tk.line_start(i));
                    if k == Namey::Given && end_after && comma_before && i + 1 >= n.min(i + 2) {
                        push(out, i, i, 0.7);
                        covered_to = i + 1;
                    }
                }
            }
            i += 1;
        }
    }
}

impl Ctx<'_, '_> {
    /// A single unknown word after a closing: a first name if it stands alone on its
    /// line (or ends the text) and does not read like a company or product.
    fn lone_signature(&self, j: usize) -> bool {
        let tk = self.tk;
        let n = tk.v.len();
        let raw = tk.raw(j);
        let w = tk.low(j);
        let alone = j + 1 >= n
            || tk.v[j + 1].nl > 0
            || (matches!(tk.v[j + 1].t, T::Punct('.' | '!')) && (j + 2 >= n || tk.v[j + 2].nl > 0));
        let inner_caps = raw.chars().skip(1).any(|c| c.is_uppercase());
        const COMPANYISH: &[&str] = &[
            "strom",
            "stroom",
            "werk",
            "tech",
            "net",
            "soft",
            "ware",
            "haus",
            "huis",
            "markt",
            "media",
            "energie",
            "energy",
            "versicherung",
            "verzekering",
            "telecom",
            "tel",
            "com",
            "mobil",
            "mobile",
            "bank",
            "shop",
            "store",
            "service",
            "systems",
            "solutions",
            "studio",
            "studios",
            "plus",
            "direct",
            "online",
            "express",
            "logistik",
            "logistics",
            "versand",
            "post",
            "line",
            "link",
            "point",
            "center",
            "centre",
            "zentrum",
            "land",
            "welt",
            "world",
            "box",
            "hub",
            "lab",
            "labs",
            "gas",
            "wasser",
            "power",
            "care",
            "health",
        ];
        alone
            && (tk.v[j].cap || tk.all_lower)
            && !inner_caps
            && !raw.contains('-')
            && raw.chars().count() >= 3
            && !COMPANYISH.iter().any(|e| w.ends_with(e))
    }

    /// The signature after a closing starting at token `j`: the words of that line.
    fn signature(&mut self, j: usize) -> Option<(usize, usize, f32)> {
        let tk = self.tk;
        let n = tk.v.len();
        // "J. Young" / initial
        if j < n && self.initial(j) {
            return self.name_at(j, 2).map(|(a, b)| (a, b, 0.85));
        }
        if j >= n || !tk.is_word(j) {
            return None;
        }
        // Collect the line's words (up to the next line break or punctuation).
        let mut k = j;
        let mut words = 0;
        let mut best = Namey::No;
        let mut unknown_caps = 0;
        while k < n && (k == j || tk.v[k].nl == 0) {
            if tk.v[k].t == T::Word {
                if tk.v[k].code {
                    break;
                }
                let w = tk.low(k);
                let particle = k > j && tk.has(k, flag::PARTICLE) && !tk.v[k].cap;
                if !particle && (tk.has(k, flag::ORG) || w.ends_with("-team") || w.ends_with("team")) {
                    return None;
                }
                let mut nm = self.namey(k);
                if nm == Namey::No && k > j && !particle && self.continues(k) {
                    // "Dietrich Hartung": a noun-shaped surname after a first name
                    nm = Namey::Surname;
                }
                if nm == Namey::No && !particle {
                    break;
                }
                if nm == Namey::Unknown && (tk.v[k].cap || tk.all_lower) {
                    unknown_caps += 1;
                }
                best = best.max(nm);
                words += 1;
                k += 1;
            } else if self.initial(k.saturating_sub(1)) && tk.is_punct(k, '.') {
                k += 1;
            } else {
                break;
            }
            if words >= 4 {
                break;
            }
        }
        if words == 0 {
            return None;
        }
        let last = k - 1;
        let last = if tk.v[last].t == T::Word { last } else { last.saturating_sub(1) };
        // Org words after the name on the same line ("Inka Täsche, Sparhaus")?
        let ok = match words {
            1 => {
                matches!(best, Namey::Given | Namey::Weak)
                    || (best == Namey::Surname && tk.v[j].cap)
                    || (best == Namey::Unknown && self.lone_signature(j))
            }
            _ => best >= Namey::Weak || unknown_caps >= 2,
        };
        if !ok {
            return None;
        }
        if !tk.v[j].cap && !tk.all_lower {
            return None;
        }
        Some((j, last, 0.85))
    }
}

#[cfg(test)]
mod tests {
    use crate::{Kind, Scanner};
    use proptest::prelude::*;

    fn same_lower_flag(text: &str) {
        assert_eq!(super::all_lower_of(text), super::Tokens::new(text).all_lower, "{text:?}");
    }

    #[test]
    fn lower_flag_without_tokens_examples() {
        for t in [
            "",
            "hallo anna",
            "hallo Anna",
            "straße ÄRGER",
            "ärger",
            "1A",
            "x-Y",
            "🄰 hi",
            "ab🄰",
            "a-🄰",
            "Ⓐ",
            "ǅ",
            "ß ẞ",
            "ΣΑΣ",
            "😂 ok",
        ] {
            same_lower_flag(t);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn lower_flag_without_tokens(parts in proptest::collection::vec(proptest::sample::select(vec!["a", "B", "ä", "Ö", " ", "-", "'", "1", "🄰", "😂", "\u{200D}", "Ⓐ", "ǅ", "\n", "ß", "ẞ", ".", "ſ"]), 0..20)) {
            same_lower_flag(&parts.concat());
        }
    }

    /// The table answers what a map of the same entries answers, for every entry and for
    /// near misses (cut, extended, zero-padded, longer than a slot holds).
    #[test]
    fn lexicon_is_the_lists() {
        let mut want: std::collections::HashMap<&[u8], u32> = Default::default();
        for (w, f) in super::entries() {
            *want.entry(w.as_bytes()).or_default() |= f;
        }
        let lex = super::lexicon();
        let mut probes: Vec<Vec<u8>> = vec![vec![], vec![0], b"a".to_vec(), b"abcdefghijklmnopq".to_vec()];
        for (w, _) in super::entries() {
            let b = w.as_bytes();
            probes.push(b.to_vec());
            probes.push(b[..b.len() - 1].to_vec());
            probes.push([b, b"\0"].concat());
            probes.push([b, b"s"].concat());
            probes.push([b"x", b].concat());
            probes.push([b, b, b].concat());
        }
        for p in &probes {
            assert_eq!(lex.get(p), want.get(p.as_slice()).copied().unwrap_or(0), "{:?}", String::from_utf8_lossy(p));
        }
        assert!(want.keys().any(|k| k.len() > 16), "some entries are longer than a slot");
    }

    /// Every token's bits are computed while tokenising: a word's are its lists (with
    /// folded spellings), other tokens have none.
    fn bits_of_tokens(text: &str) {
        let tk = super::Tokens::new(text);
        for i in 0..tk.v.len() {
            if tk.v[i].t == super::T::Word {
                assert_eq!(
                    tk.low(i),
                    tk.raw(i).chars().flat_map(char::to_lowercase).collect::<String>(),
                    "in {text:?}"
                );
            }
            let want = if tk.v[i].t == super::T::Word { super::word_flags(tk.low(i)) } else { 0 };
            assert_eq!(tk.flags(i), want, "{:?} in {text:?}", tk.raw(i));
        }
    }

    #[test]
    fn bits_of_tokens_examples() {
        bits_of_tokens("Herr Dr. Müller, MUELLER und muller; Zoë O'Brien-Smith, José, Kelvin \u{212A}arl, İstanbul 12 Straße ÄRGER, liebe Grüße, Anna");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn bits_of_tokens_random(parts in proptest::collection::vec(proptest::sample::select(vec![
            "anna", "Anna", "ANNA", "müller", "Müller", "mueller", "herr", "Dr", ".", " ", "-", "'", "’", "1", "Zoë", "\u{212A}", "straße", "weg", "von", "ß", "É", "x", "\n", "İ", "Σ",
        ]), 0..16)) {
            bits_of_tokens(&parts.concat());
        }
    }

    /// Each token is marked `code` exactly when its chunk (the tokens with no space or
    /// line break between them) holds '@', '_', both '/' and '.', "://", "www." or ".com".
    fn code_marks(text: &str) {
        let tk = super::Tokens::new(text);
        let mut a = 0;
        while a < tk.v.len() {
            let mut b = a + 1;
            while b < tk.v.len() && tk.v[b].nl == 0 && !tk.v[b].sp {
                b += 1;
            }
            let chunk = &text[tk.v[a].s..tk.v[b - 1].e];
            let has = |c: char| tk.v[a..b].iter().any(|t| t.t == super::T::Punct(c));
            let code = has('@')
                || has('_')
                || (has('/') && has('.'))
                || chunk.contains("://")
                || chunk.contains("www.")
                || chunk.contains(".com");
            for t in &tk.v[a..b] {
                assert_eq!(t.code, code, "{chunk:?} in {text:?}");
            }
            a = b;
        }
    }

    #[test]
    fn code_marks_examples() {
        code_marks("Mail an a@b.de, siehe www.x.at oder x.com/y und https://a, Ende. Straße. wwwa.com hi.comm a_b :// ://x www .com");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn code_marks_random(parts in proptest::collection::vec(proptest::sample::select(vec!["www", "w", ".", "com", "co", ":", "/", "a", "Ä", " ", "\n", "@", "_", "1", "-"]), 0..24)) {
            code_marks(&parts.concat());
        }
    }

    /// Every word of `text`: when `may_be_given` says no, the full judgement says
    /// neither `Given` nor `Weak`.
    fn given_prefilter_agrees(text: &str) {
        let tk = super::Tokens::new(text);
        let mut cx = super::Ctx { tk: &tk, memo: vec![0; tk.v.len()] };
        for i in 0..tk.v.len() {
            if tk.is_word(i) && !super::may_be_given(&tk, i) {
                let k = cx.namey(i);
                assert!(!matches!(k, super::Namey::Given | super::Namey::Weak), "{:?} in {text:?}: {k:?}", tk.raw(i));
            }
        }
    }

    #[test]
    fn given_prefilter_examples() {
        given_prefilter_agrees("Anna Mai Montag Wolf Ramic-Seemann Marie-Claire O'Brien Jürgen Juergen Müller Zoë Zoe Anna-Lena jan-ove d'Angelo Herr Dr. Huber der die Maria's");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn given_prefilter(parts in proptest::collection::vec(proptest::sample::select(vec![
            "anna", "Anna", "MAI", "mai", "Montag", "wolf", "Huber", "müller", "Jürgen", "zoë", "Herr", "der", "die",
            "-", "'", "’", " ", "\n", ".", ",", "Straße", "x", "É", "12", "Marie", "Lena", "jan", "Ove", "Kevin", "Werner",
        ]), 0..16)) {
            given_prefilter_agrees(&parts.concat());
        }
    }

    fn names(text: &str) -> Vec<String> {
        let s = Scanner::new();
        s.scan(text, None)
            .unwrap()
            .into_iter()
            .filter(|f| f.kind == Kind::Person)
            .map(|f| text[f.span.start..f.span.end].to_string())
            .collect()
    }

    #[test]
    fn evidence_cases() {
        assert_eq!(names("Sehr geehrter Herr Pfeiffer,"), vec!["Pfeiffer"]);
        assert_eq!(names("hier ist maria huber"), vec!["maria huber"]);
        assert_eq!(names("Der Bauer nebenan hat im Mai einen Wolf gesehen."), Vec::<String>::new());
        assert_eq!(names("Liebe Frau Bauer, danke."), vec!["Bauer"]);
        assert_eq!(names("Mit freundlichen Grüßen\nAnna Ramic-Seemann"), vec!["Anna Ramic-Seemann"]);
        assert_eq!(names("Kontoinhaber: M. Huber"), vec!["M. Huber"]);
        assert_eq!(names("Dear Mr Chou,"), vec!["Chou"]);
        assert_eq!(names("Bill is wrong, to be frank."), Vec::<String>::new());
    }

    /// Drops 30 % of the given-name list: cases with evidence must still be found.
    #[test]
    fn holdout_given_names() {
        let cases: &[(&str, &str)] = &[
            ("Sehr geehrte Frau Annegret Pfanzelter,", "Annegret Pfanzelter"),
            ("mein Name ist Jolanda Brückl", "Jolanda Brückl"),
            ("Kontoinhaber: Ottokar Wimmer", "Ottokar Wimmer"),
            ("Viele Grüße\nHelmtrud Eichinger", "Helmtrud Eichinger"),
            ("Hallo, ich bin Quirin Dallmayr und habe eine Frage", "Quirin Dallmayr"),
            ("Dear Ms Ashcroft,", "Ashcroft"),
            ("my name is Tobiah Wexford", "Tobiah Wexford"),
            ("Ansprechpartner: Herr Radomir Kovačević", "Radomir Kovačević"),
            ("Unfallgegner Severin Hollaus, Tel. 0664 1234567", "Severin Hollaus"),
            ("Best regards,\nPhilippa Dunmore", "Philippa Dunmore"),
        ];
        super::HOLDOUT.with(|h| h.set(30));
        let mut hit = 0;
        for (t, want) in cases {
            if names(t).iter().any(|n| n == want) {
                hit += 1;
            }
        }
        super::HOLDOUT.with(|h| h.set(0));
        assert!(hit * 10 >= cases.len() * 9, "recall with 30 % of given names held out: {hit}/{}", cases.len());
    }
}
