//! The tokeniser shared by the name and address recognisers: words (letters with inner
//! `-`/`'`), digit runs and single punctuation, with byte spans into the text and a
//! lower-case copy, line and space flags, and per token the bits of the word lists
//! ([`crate::words::flag`]), computed while tokenising.

use crate::bytes::Edit;
use crate::case::Lowercase;
use crate::words::{self, flag};
use std::cell::Cell;

/// What a token is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum T {
    /// Letters, with inner `-`/`'` joining letters (`Marie-Claire`, `O'Brien`).
    Word,
    /// ASCII digits.
    Num,
    /// One other visible character.
    Punct(char),
}

/// A token: byte span in the text and in the lower-case copy (the same span for an
/// ASCII word).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub(crate) t: T,
    pub(crate) s: usize,
    pub(crate) e: usize,
    ls: usize,
    le: usize,
    /// Line breaks between the previous token and this one.
    pub(crate) nl: u8,
    /// Spaces (no line break) between the previous token and this one.
    pub(crate) sp: bool,
    /// First letter upper-case.
    pub(crate) cap: bool,
    /// A word with a joiner inside (`-`, `'` or `’`: `Marie-Claire`, `O'Brien`).
    pub(crate) joined: bool,
    /// Part of an e-mail address, URL or handle: never a name or street.
    pub(crate) code: bool,
    /// The sentence or line of this token has no upper-case letter (chat typing there).
    pub(crate) lseg: bool,
    /// The sentence or line of this token has no lower-case letter and two or more
    /// words (shouting, or a name written in capitals on a form line).
    pub(crate) useg: bool,
}

/// The tokens of a text plus its lower-case words.
pub(crate) struct Tokens<'t> {
    pub(crate) text: &'t str,
    lower: String,
    pub(crate) v: Vec<Tok>,
    /// No word of the text has an upper-case letter (chat typing).
    pub(crate) all_lower: bool,
    /// Per token: word-list bits ([`flag`]), filled in on first use.
    fl: Vec<Cell<u32>>,
}

// Which of '@' '_' '/' '.' ':' a chunk (a run of tokens without spaces) holds.
const AT: u8 = 1;
const US: u8 = 2;
const SL: u8 = 4;
const DOT: u8 = 8;
const COL: u8 = 16;

/// The character at byte `i` of `text` (ASCII without decoding).
#[inline]
fn char_at(text: &str, i: usize) -> char {
    match text.as_bytes()[i] {
        b if b < 0x80 => b as char,
        _ => text[i..].chars().next().unwrap_or('\0'),
    }
}

/// A letter (ASCII letters without the Unicode tables).
#[inline]
fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        c.is_alphabetic()
    }
}

/// Chunks (runs of tokens without spaces) that hold '@', "://", "www.", ".com", '_'
/// or '/' and '.' are e-mail addresses, URLs or handles: the tokens `v[from..]` of such
/// a chunk (`flags`: which of the characters it holds) are marked `code`.
fn close_chunk(bytes: &[u8], v: &mut [Tok], from: usize, flags: u8) {
    if flags == 0 || from >= v.len() {
        return;
    }
    // "://" needs a ':' and a '/'; "www." and ".com" a '.': each found from the
    // dots of the chunk (most chunks with a dot are a word and a full stop).
    let chunk = &bytes[v[from].s..v[v.len() - 1].e];
    // a full stop ending the chunk is no dot of a path ("Museumstraße 7/3/29.")
    let inner_dot = || chunk.strip_suffix(b".").unwrap_or(chunk).contains(&b'.');
    let code = flags & (AT | US) != 0 || flags & (SL | DOT) == SL | DOT && inner_dot() || {
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
}

/// A word read by [`read_word`].
struct WordRead {
    /// Byte after the word.
    end: usize,
    /// First letter upper-case.
    cap: bool,
    /// Only ASCII characters.
    ascii: bool,
    /// Has a joiner (`-`, `'`, `’`) inside.
    joined: bool,
}

/// Reads the word that starts with letter `c` at byte `i`: letters, with `-`/`'`/`’`
/// joining letters.
#[inline]
fn read_word(text: &str, i: usize, c: char) -> WordRead {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let mut ascii = c.is_ascii();
    let mut joined = false;
    let cap = if ascii { c.is_ascii_uppercase() } else { c.is_uppercase() };
    let mut e = i + c.len_utf8();
    loop {
        while e < len && bytes[e].is_ascii_alphabetic() {
            e += 1;
        }
        if e >= len {
            break;
        }
        let d = char_at(text, e);
        // combining accents not composed by the normalisation (g + breve) stay in the word
        if !d.is_ascii() && (d.is_alphabetic() || ('\u{300}'..='\u{36F}').contains(&d)) {
            ascii = false;
            e += d.len_utf8();
        } else if d == '-' || d == '\'' || d == '’' {
            // joiner only between letters
            let j = e + d.len_utf8();
            if j < len && is_letter(char_at(text, j)) {
                ascii &= d.is_ascii();
                joined = true;
                e = j;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    WordRead { end: e, cap, ascii, joined }
}

/// A word token's text lower-cased as [`Tokens::low`] gives it.
pub(crate) fn word_lower(word: &str) -> String {
    let mut lower = String::with_capacity(word.len());
    lower_word(word, &mut lower);
    lower
}

/// Appends `word` lower-cased to `lower`, character by character; true if it has an
/// upper-case letter.
fn lower_word(word: &str, lower: &mut String) -> bool {
    let mut upper = false;
    for ch in word.chars() {
        if ch.is_uppercase() {
            upper = true;
        }
        lower.extend(ch.lowercase());
    }
    upper
}

/// What a rescan keeps of the tokens of a part of the text (see [`Tokens::keep`]), to
/// make the tokens of that part after an edit without reading again what lies before
/// the edit ([`Tokens::after_edit`]).
#[derive(Debug, Clone)]
pub(crate) struct Kept {
    v: Vec<Tok>,
    fl: Vec<Cell<u32>>,
    lower: String,
    /// The length of the text the tokens were made of.
    len: usize,
}

impl<'t> Tokens<'t> {
    pub(crate) fn new(text: &'t str) -> Tokens<'t> {
        Tokens::made(text, None)
    }

    /// The tokens of `text` where `kept` holds the tokens of the text that `edit` made
    /// `text` of: those before the chunk (run of tokens without white space) in which
    /// the two texts first differ are taken again, the rest is read. The same tokens as
    /// [`Tokens::new`].
    pub(crate) fn after_edit(text: &'t str, edit: Edit, kept: Kept) -> Tokens<'t> {
        debug_assert_eq!(edit.old_len, kept.len, "the kept tokens are of another text");
        let same = edit.before;
        // The first token of that chunk: white space before it, and it starts within
        // the bytes the texts share (so do the white space and the tokens before it).
        let k = kept.v.iter().rposition(|t| t.s <= same && (t.sp || t.nl > 0)).unwrap_or(0);
        if k == 0 {
            return Tokens::new(text);
        }
        let mut kept = kept;
        kept.v.truncate(k);
        kept.fl.truncate(k);
        Tokens::made(text, Some(kept))
    }

    /// What a rescan keeps of these tokens; their text is kept by the caller (see
    /// [`Tokens::after_edit`]).
    pub(crate) fn keep(self) -> Kept {
        Kept { v: self.v, fl: self.fl, lower: self.lower, len: self.text.len() }
    }

    /// The tokens of `text`; with `seed`, its first tokens (and their bits) are given,
    /// with the lower-case copy and the length of the text they were made of.
    fn made(text: &'t str, seed: Option<Kept>) -> Tokens<'t> {
        let bytes = text.as_bytes();
        let len = bytes.len();
        // About one token per 4–5 bytes of text (4.7 in the development texts), more in
        // dense parts (dates, numbers in groups, lists): room for one per 3 bytes up
        // front, so the vector is not copied while it grows.
        // (The tokens given are the vectors' start.)
        let room = len / 3 + 1;
        let (mut v, mut fl, old) = match seed {
            Some(Kept { v, fl, lower, len }) => (v, fl, Some((lower, len))),
            None => (Vec::new(), Vec::new(), None),
        };
        v.reserve(room.saturating_sub(v.len()));
        fl.reserve(room.saturating_sub(fl.len()));
        let lex = words::lexicon();
        // The text with ASCII letters lower-cased: an ASCII word's lower case is where the
        // word is. Other words are lower-cased after it.
        // (A string from the start: the words appended are whole characters, and no
        // check of the whole copy is needed at the end.)
        let mut lower = String::with_capacity(len + len / 8);
        lower.push_str(text);
        lower.make_ascii_lowercase();
        // Every ASCII letter is part of a word: no word has an ASCII capital exactly when
        // lower-casing changed nothing.
        let mut all_lower = lower.as_bytes() == bytes;
        let mut i = 0;
        let given = v.len();
        if let Some((old_lower, old_len)) = old {
            // The tokens given: a word that is not ASCII has its lower case after the
            // text, appended again after this one.
            for t in &mut v {
                if t.t == T::Word && t.ls >= old_len {
                    let ls = lower.len();
                    lower.push_str(&old_lower[t.ls..t.le]);
                    (t.ls, t.le) = (ls, lower.len());
                    all_lower &= !text[t.s..t.e].chars().any(char::is_uppercase);
                }
            }
            i = v.last().map_or(0, |t| t.e);
        }
        let mut nl = 0u8;
        let mut sp = false;
        // The chunk being read (see `close_chunk`): its first token and its characters.
        let mut chunk_start = v.len();
        let mut chunk_bytes = 0u8;
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
                c = char_at(text, i);
                if c.is_whitespace() || is_pictograph(c) {
                    sp = true;
                    i += c.len_utf8();
                    continue;
                }
            }
            if nl > 0 || sp {
                if chunk_bytes != 0 {
                    close_chunk(bytes, &mut v, chunk_start, chunk_bytes);
                }
                chunk_start = v.len();
                chunk_bytes = 0;
            }
            let (mut ls, mut le) = (i, i);
            let mut f = 0;
            let mut joined = false;
            let (t, e, cap) = if is_letter(c) {
                let w = read_word(text, i, c);
                joined = w.joined;
                if w.ascii {
                    le = w.end;
                    f |= words::ascii_word_flags(lex, &lower.as_bytes()[i..w.end]);
                } else {
                    ls = lower.len();
                    if lower_word(&text[i..w.end], &mut lower) {
                        all_lower = false;
                    }
                    f |= words::word_flags(&lower[ls..]);
                    le = lower.len();
                }
                (T::Word, w.end, w.cap)
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
            fl.push(Cell::new(f));
            v.push(Tok { t, s: i, e, ls, le, nl, sp, cap, joined, code: false, lseg: false, useg: false });
            nl = 0;
            sp = false;
            i = e;
        }
        close_chunk(bytes, &mut v, chunk_start, chunk_bytes);
        // The segments before the one the last token given is in keep their marks (that
        // one may end elsewhere now).
        let mut a = given.saturating_sub(1);
        while a > 0 && v[a].nl == 0 && !ends_sentence(text, &v, a - 1) {
            a -= 1;
        }
        let shouts = v[..a].iter().rev().find(|t| t.t == T::Word && !t.code).is_some_and(|t| t.useg);
        mark_segments(text, &mut v, a, shouts);
        Tokens { text, lower, v, all_lower, fl }
    }

    /// The word-list bits of token `i` ([`flag`]; none for numbers and punctuation).
    pub(crate) fn flags(&self, i: usize) -> u32 {
        self.fl[i].get()
    }

    /// Token `i` is a word with one of the bits `f`.
    pub(crate) fn has(&self, i: usize, f: u32) -> bool {
        i < self.v.len() && self.flags(i) & f != 0
    }

    /// Token `i` is a street word (see [`words::streets::is_street_word`]).
    pub(crate) fn street(&self, i: usize) -> bool {
        let f = self.fl[i].get();
        if f & flag::STREET_DONE != 0 {
            return f & flag::STREET != 0;
        }
        let yes = words::streets::is_street_word(self.low(i));
        self.fl[i].set(f | flag::STREET_DONE | if yes { flag::STREET } else { 0 });
        yes
    }

    /// Token `i` is a word with a joiner inside (`-`, `'` or `’`): one bit instead of a
    /// search of its text.
    pub(crate) fn joined(&self, i: usize) -> bool {
        self.v[i].joined
    }

    /// The lower-case text of token `i` (words only; empty for others).
    pub(crate) fn low(&self, i: usize) -> &str {
        let t = &self.v[i];
        &self.lower[t.ls..t.le]
    }

    /// The original text of token `i`.
    pub(crate) fn raw(&self, i: usize) -> &'t str {
        let t = &self.v[i];
        &self.text[t.s..t.e]
    }

    pub(crate) fn is_word(&self, i: usize) -> bool {
        i < self.v.len() && self.v[i].t == T::Word && !self.v[i].code
    }

    pub(crate) fn is_punct(&self, i: usize, c: char) -> bool {
        i < self.v.len() && self.v[i].t == T::Punct(c)
    }

    /// Token `i` is read as chat typing: the whole text, or its sentence or line, has
    /// no upper-case letter.
    /// A sentence or line in capitals only is read the same way as in lower case.
    pub(crate) fn lower_at(&self, i: usize) -> bool {
        self.all_lower || i < self.v.len() && (self.v[i].lseg || self.v[i].useg)
    }

    /// Token `i` starts with a capital that says something: not in a sentence or line
    /// written in capitals only.
    pub(crate) fn capital(&self, i: usize) -> bool {
        i < self.v.len() && self.v[i].cap && !self.v[i].useg
    }

    /// Token `i` is a word that may be capitalised as a name is: upper-case first letter,
    /// or written in lower-case chat typing ([`Tokens::lower_at`]).
    pub(crate) fn cap_or_lower(&self, i: usize) -> bool {
        i < self.v.len() && (self.v[i].cap || self.lower_at(i))
    }

    /// Token `i` starts a new line.
    pub(crate) fn line_start(&self, i: usize) -> bool {
        i == 0 || self.v[i].nl > 0
    }

    /// Token `i` starts a line, or follows only the `>` quote markers of a quoted
    /// e-mail line (`> Luis`, `>> Luis`).
    pub(crate) fn line_start_quoted(&self, i: usize) -> bool {
        let mut k = i;
        while k > 0 && self.v[k].nl == 0 && self.v[k - 1].t == T::Punct('>') {
            k -= 1;
        }
        self.line_start(k)
    }

    /// Token `i` is a word followed by `.` directly (an abbreviation).
    pub(crate) fn abbrev(&self, i: usize) -> bool {
        self.is_word(i) && i + 1 < self.v.len() && self.v[i + 1].t == T::Punct('.') && self.v[i + 1].s == self.v[i].e
    }
}

/// Marks the tokens of each segment (a line, or a sentence ended by `!`, `?` or a `.`
/// that does not close a short abbreviation) that has words but no upper-case letter
/// (`lseg`), or at least two words (one, after such a segment) and no lower-case
/// letter (`useg`). Each segment is
/// judged on its own, so one capitalised word elsewhere does not decide the casing of
/// a chat line, and a text split at line breaks gets the same marks.
/// Marks the segments from token `a` (which starts one) on; `shouts`: the last segment
/// with words before it was marked `useg`.
fn mark_segments(text: &str, v: &mut [Tok], mut a: usize, mut shouts: bool) {
    while a < v.len() {
        let mut b = a + 1;
        while b < v.len() && v[b].nl == 0 && !ends_sentence(text, v, b - 1) {
            b += 1;
        }
        let (mut words, mut upper, mut lower) = (0, false, false);
        for t in &v[a..b] {
            if t.t == T::Word && !t.code {
                words += 1;
                if upper && lower {
                    continue;
                }
                let w = &text[t.s..t.e];
                if w.is_ascii() {
                    upper |= w.bytes().any(|b| b.is_ascii_uppercase());
                    lower |= w.bytes().any(|b| b.is_ascii_lowercase());
                } else {
                    for c in w.chars() {
                        upper |= c.is_uppercase();
                        lower |= c.is_lowercase();
                    }
                }
            }
        }
        let (l, u) = (words > 0 && !upper, (words >= 2 || shouts && words > 0) && !lower);
        if words > 0 {
            shouts = u;
        }
        for t in &mut v[a..b] {
            t.lseg = l;
            t.useg = u;
        }
        a = b;
    }
}

/// Token `k` ends a sentence: `!`, `?`, or a `.` after a number or a word of four or
/// more letters, followed by a space.
fn ends_sentence(text: &str, v: &[Tok], k: usize) -> bool {
    let spaced = k + 1 < v.len() && (v[k + 1].sp || v[k + 1].nl > 0);
    spaced
        && match v[k].t {
            T::Punct('!' | '?') => true,
            T::Punct('.') => {
                k > 0
                    && (v[k - 1].t == T::Num
                        || v[k - 1].t == T::Word && text[v[k - 1].s..v[k - 1].e].chars().count() >= 4)
            }
            _ => false,
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

#[cfg(test)]
mod tests {
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

    /// The tokens made after an edit from those kept of the text before it are the
    /// tokens of the edited text.
    fn same_after_edit(old: &str, new: &str) {
        let edit = crate::bytes::Edit::between(old.as_bytes(), new.as_bytes());
        let a = super::Tokens::after_edit(new, edit, super::Tokens::new(old).keep());
        let b = super::Tokens::new(new);
        assert_eq!(format!("{:?}", a.v), format!("{:?}", b.v), "{old:?} → {new:?}");
        let bits = |t: &super::Tokens<'_>| t.fl.iter().map(std::cell::Cell::get).collect::<Vec<_>>();
        assert_eq!(bits(&a), bits(&b), "{old:?} → {new:?}");
        assert_eq!((a.lower, a.all_lower), (b.lower, b.all_lower), "{old:?} → {new:?}");
    }

    #[test]
    fn tokens_after_edit_examples() {
        let t = "Herr Dr. Müller. SEHR GUT so. Mail a@b.de, www.x.at\nZoë O'Brien-Smith ruft an. Straße 12/3";
        for (i, _) in t.char_indices().chain([(t.len(), ' ')]) {
            same_after_edit(t, &format!("{}x{}", &t[..i], &t[i..]));
            same_after_edit(t, &format!("{}É. {}", &t[..i], &t[i..]));
            same_after_edit(t, &t[..i]);
        }
        same_after_edit("", "Anna");
        same_after_edit("anna ruft", "Anna ruft");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn tokens_after_edit_random(
            parts in proptest::collection::vec(proptest::sample::select(PIECES.to_vec()), 0..24),
            at in 0usize..24,
            cut in 0usize..4,
            typed in proptest::collection::vec(proptest::sample::select(PIECES.to_vec()), 0..3),
        ) {
            let at = at.min(parts.len());
            let end = (at + cut).min(parts.len());
            let new = [&parts[..at], &typed[..], &parts[end..]].concat().concat();
            same_after_edit(&parts.concat(), &new);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn lower_flag_without_tokens(parts in proptest::collection::vec(proptest::sample::select(vec!["a", "B", "ä", "Ö", " ", "-", "'", "1", "🄰", "😂", "\u{200D}", "Ⓐ", "ǅ", "\n", "ß", "ẞ", ".", "ſ"]), 0..20)) {
            same_lower_flag(&parts.concat());
        }
    }

    /// Pieces of texts whose tokens are compared: words of each casing, joiners,
    /// sentence ends, line breaks, chunks of code, digits, pictographs.
    const PIECES: [&str; 26] = [
        "anna", "Anna", "ANNA", "Müller", "ÄRGER", "straße", " ", "  ", "\n", ".", "!", "-", "'", "@", "_", "/", "www",
        "com", ":", "1", "12", "Zoë", "🄰", "😂", "İ", "Dr",
    ];

    /// Every token's bits are computed while tokenising: a word's are its lists (with
    /// folded spellings), other tokens have none; a word is `joined` when it holds a
    /// `-`, `'` or `’`.
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
            let joined = tk.v[i].t == super::T::Word && tk.raw(i).contains(['-', '\'', '’']);
            assert_eq!(tk.joined(i), joined, "{:?} in {text:?}", tk.raw(i));
            let want = if tk.v[i].t == super::T::Word { crate::words::word_flags(tk.low(i)) } else { 0 };
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
    /// line break between them) holds '@', '_', both '/' and a '.' before its end, "://",
    /// "www." or ".com".
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
                || (has('/') && chunk.strip_suffix('.').unwrap_or(chunk).contains('.'))
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
}
