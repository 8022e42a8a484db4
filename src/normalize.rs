//! Position-keeping normalisation: the first step of the pipeline.
//!
//! People type personal data with look-alike characters: full-width digits from an
//! East-Asian keyboard (`０６６４`), no-break and thin spaces inside an IBAN, a zero-width
//! space or soft hyphen pasted into a number, decomposed umlauts (`u` + U+0308). Every
//! recogniser would have to know about each of these; instead, the text is folded once
//! into a plain form and every recogniser works on that. The folding keeps, for each byte
//! of the folded text, the range of the original character it came from, so that every
//! finding is mapped back to the **original** text — the caller's text is never changed.
//!
//! Folding rules (all 1 character → at most 1 character):
//! - full-width ASCII forms U+FF01–U+FF5E → ASCII, ideographic space U+3000 → space;
//! - no-break, thin, narrow and other fixed-width spaces (U+00A0, U+2000–U+200A, U+202F,
//!   U+205F) → space;
//! - invisible format controls → removed: zero-width space, ZWNJ, ZWJ, word joiner, BOM,
//!   soft hyphen, and the bidirectional marks, embeddings, overrides and isolates
//!   (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069, U+061C) that phones and
//!   right-to-left keyboards put around copied numbers;
//! - hyphen and dash variants and the minus sign (U+2010–U+2015, U+2212, U+FE63) → `-`;
//! - typographic apostrophes (U+2018, U+2019, U+02BC) → `'`;
//! - a Latin base letter followed by a combining accent (U+0300–U+0327) → the precomposed
//!   letter where Latin-1 / Latin Extended-A has one (`u` + U+0308 → `ü`);
//! - an HTML character reference → its character: the accented letters by name
//!   (`&uuml;`, `&eacute;`, `&szlig;`, …), `&amp;` `&lt;` `&gt;` `&quot;` `&apos;`, `&nbsp;`
//!   (a space), and by number (`&#252;`, `&#xFC;`). A rich-text editor (TinyMCE by
//!   default) writes accented letters so into the textarea it keeps in sync, and
//!   "J&uuml;rgen M&uuml;ller" is a name (the one rule of many characters → one).
//!
//! Texts that contain none of these characters (the common case) are used as they are,
//! without allocating a map.

use std::borrow::Cow;

/// Text after folding, with the way back to the original.
#[derive(Debug, Clone)]
pub struct Normalized<'a> {
    text: Cow<'a, str>,
    /// The folds, in order: normalised bytes `n..n + ln` came from original bytes
    /// `o..o + lo`. Between two folds the texts are identical, shifted by a constant.
    /// Empty when nothing was folded. Folds are rare, so this stays small.
    edits: Vec<Edit>,
}

#[derive(Debug, Clone, Copy)]
struct Edit {
    n: usize,
    ln: usize,
    o: usize,
    lo: usize,
}

impl<'a> Normalized<'a> {
    /// Folds `text` (see the module documentation). Runs in one pass; ASCII runs are
    /// copied in bulk and texts without foldable characters are not copied at all.
    pub fn new(text: &'a str) -> Normalized<'a> {
        let Some(first) = first_fold(text) else {
            return Normalized { text: Cow::Borrowed(text), edits: Vec::new() };
        };
        let bytes = text.as_bytes();
        let mut out = String::with_capacity(text.len());
        let mut edits: Vec<Edit> = Vec::new();
        out.push_str(&text[..first]);
        let mut i = first;
        while i < bytes.len() {
            if bytes[i] == b'&' {
                // (a character reference is ASCII: the run before it stops at its `&`)
                if let Some((c, len)) = entity(&bytes[i..]) {
                    edits.push(Edit { n: out.len(), ln: c.len_utf8(), o: i, lo: len });
                    out.push(c);
                    i += len;
                    continue;
                }
                out.push('&');
                i += 1;
                continue;
            }
            if bytes[i] < 0x80 {
                let run = &bytes[i..i + crate::bytes::ascii_run(&bytes[i..])];
                let j = i + run.iter().position(|&c| c == b'&').unwrap_or(run.len());
                out.push_str(&text[i..j]);
                i = j;
                continue;
            }
            let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
            let cl = c.len_utf8();
            if ('\u{300}'..='\u{327}').contains(&c) {
                // A combining accent: compose with the base letter just copied, if the
                // base was copied unchanged and a precomposed letter exists.
                if let Some(base) = out.chars().next_back() {
                    let bl = base.len_utf8();
                    let base_n = out.len() - bl;
                    let untouched = edits.last().map_or(true, |e| e.n + e.ln <= base_n);
                    if let (true, Some(composed)) =
                        (untouched && i >= bl && text[..i].ends_with(base), compose(base, c))
                    {
                        out.truncate(base_n);
                        out.push(composed);
                        edits.push(Edit { n: base_n, ln: composed.len_utf8(), o: i - bl, lo: bl + cl });
                        i += cl;
                        continue;
                    }
                }
                out.push(c);
                i += cl;
                continue;
            }
            match fold(c) {
                Fold::Keep => out.push(c),
                Fold::Drop => edits.push(Edit { n: out.len(), ln: 0, o: i, lo: cl }),
                Fold::To(x) => {
                    edits.push(Edit { n: out.len(), ln: x.len_utf8(), o: i, lo: cl });
                    out.push(x);
                }
            }
            i += cl;
        }
        Normalized { text: Cow::Owned(out), edits }
    }

    /// The folded text every recogniser reads.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// True when folding changed nothing (offsets are identical).
    #[cfg(test)]
    pub fn is_identity(&self) -> bool {
        self.edits.is_empty()
    }

    /// Maps a byte range of the folded text to the byte range of the original text that
    /// covers exactly the characters it came from (a dropped zero-width character at
    /// either edge stays outside). `start <= end` on char boundaries of the folded text.
    /// The scan maps through a [`Cursor`]; this one-off form is the tests' reference.
    #[cfg(test)]
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        if self.edits.is_empty() {
            return (start, end);
        }
        let ks = self.edits.partition_point(|e| e.n <= start);
        let ke = self.edits.partition_point(|e| e.n < end);
        self.map_with(start, ks, end, ke)
    }

    /// A cursor for mapping many ranges in order of position (the findings of a scan):
    /// the same results as `Normalized::to_original` (the tests' reference), with one forward walk over the
    /// folds instead of two binary searches per range.
    pub fn cursor(&self) -> Cursor<'_, 'a> {
        Cursor { norm: self, ks: 0, ke: 0, last: (0, 0) }
    }

    /// `Normalized::to_original` given `ks` = the number of folds at or before
    /// `start` and `ke` = the number of folds that begin before `end`.
    fn map_with(&self, start: usize, ks: usize, end: usize, ke: usize) -> (usize, usize) {
        // Start: the last fold at or before `start`.
        let s = match ks.checked_sub(1).map(|k| self.edits[k]) {
            None => start,
            Some(e) if start < e.n + e.ln => e.o,
            Some(e) => e.o + e.lo + (start - e.n - e.ln),
        };
        // End: the last fold that begins strictly before `end`.
        let t = match ke.checked_sub(1).map(|k| self.edits[k]) {
            None => end,
            Some(e) if end <= e.n + e.ln => e.o + e.lo,
            Some(e) => e.o + e.lo + (end - e.n - e.ln),
        };
        (s, t.max(s))
    }
}

/// See [`Normalized::cursor`].
pub struct Cursor<'n, 'a> {
    norm: &'n Normalized<'a>,
    ks: usize,
    ke: usize,
    last: (usize, usize),
}

impl Cursor<'_, '_> {
    /// Maps a byte range of the folded text to the byte range of the original text that
    /// covers exactly the characters it came from. Fastest when neither `start` nor `end` is
    /// smaller than in the previous call; otherwise the walk starts again.
    pub fn original(&mut self, start: usize, end: usize) -> (usize, usize) {
        let edits = &self.norm.edits;
        if edits.is_empty() {
            return (start, end);
        }
        if start < self.last.0 || end < self.last.1 {
            (self.ks, self.ke) = (0, 0);
        }
        self.last = (start, end);
        while self.ks < edits.len() && edits[self.ks].n <= start {
            self.ks += 1;
        }
        while self.ke < edits.len() && edits[self.ke].n < end {
            self.ke += 1;
        }
        self.norm.map_with(start, self.ks, end, self.ke)
    }
}

/// Byte offset of the first character that folding changes, if any.
fn first_fold(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let j = i + crate::bytes::ascii_run(&bytes[i..]);
        let mut k = i;
        while let Some(p) = bytes[k..j].iter().position(|&c| c == b'&') {
            if entity(&bytes[k + p..]).is_some() {
                return Some(k + p);
            }
            k += p + 1;
        }
        i = j;
        if i >= bytes.len() {
            return None;
        }
        let c = text[i..].chars().next()?;
        if !matches!(fold(c), Fold::Keep) || ('\u{300}'..='\u{327}').contains(&c) {
            return Some(i);
        }
        i += c.len_utf8();
    }
    None
}

/// The character references by name that are no letter with an accent.
const NAMED: &[(&[u8], char)] = &[
    (b"amp", '&'),
    (b"lt", '<'),
    (b"gt", '>'),
    (b"quot", '"'),
    (b"apos", '\''),
    (b"nbsp", ' '),
    (b"szlig", 'ß'),
    (b"aelig", 'æ'),
    (b"AElig", 'Æ'),
    (b"oslash", 'ø'),
    (b"Oslash", 'Ø'),
];
/// … and the accents a letter's name carries after it (`uuml`: `u` and the umlaut).
const MARKS: &[(&[u8], char)] = &[
    (b"grave", '\u{300}'),
    (b"acute", '\u{301}'),
    (b"circ", '\u{302}'),
    (b"tilde", '\u{303}'),
    (b"uml", '\u{308}'),
    (b"ring", '\u{30A}'),
    (b"caron", '\u{30C}'),
    (b"cedil", '\u{327}'),
];

/// The HTML character reference at the start of `b` (see the module docs): its
/// character and its length in bytes; `None` for a `&` that begins none.
fn entity(b: &[u8]) -> Option<(char, usize)> {
    let end = b.iter().take(10).position(|&c| c == b';')?;
    let name = b.get(1..end)?;
    let c = if let Some(num) = name.strip_prefix(b"#") {
        // (digits read by hand: no number parser in the module for this)
        let (hex, digits) = match num {
            [b'x' | b'X', rest @ ..] => (true, rest),
            _ => (false, num),
        };
        let mut v: u32 = 0;
        for &d in digits {
            let x = match d {
                b'0'..=b'9' => d - b'0',
                b'a'..=b'f' if hex => d - b'a' + 10,
                b'A'..=b'F' if hex => d - b'A' + 10,
                _ => return None,
            };
            v = v.checked_mul(if hex { 16 } else { 10 })?.checked_add(u32::from(x))?;
        }
        // (no control characters, `&#9;`, `&#128;`; one that folds, folded: `&#160;` a space;
        // one that folding drops, `&#8203;`, stays as it is written)
        let c = char::from_u32(v).filter(|&c| !digits.is_empty() && c >= ' ' && !('\u{7f}'..='\u{9f}').contains(&c))?;
        match fold(c) {
            Fold::Keep => c,
            Fold::To(x) => x,
            Fold::Drop => return None,
        }
    } else if let Some(&(_, c)) = NAMED.iter().find(|(n, _)| *n == name) {
        c
    } else {
        let (&base, mark) = name.split_first()?;
        let &(_, mark) = MARKS.iter().find(|(n, _)| *n == mark)?;
        compose(char::from(base), mark)?
    };
    Some((c, end + 1))
}

enum Fold {
    Keep,
    Drop,
    To(char),
}

fn fold(c: char) -> Fold {
    match c {
        '\u{FF01}'..='\u{FF5E}' => Fold::To(char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c)),
        '\u{3000}' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => Fold::To(' '),
        // Invisible format controls (Unicode category Cf): zero-width characters, the
        // soft hyphen, and the direction marks, embeddings, overrides and isolates that
        // phones put around copied numbers (U+200E/F, U+202A–E, U+2066–9, U+061C).
        '\u{00AD}'
        | '\u{061C}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206F}'
        | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}' => Fold::Drop,
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' => Fold::To('-'),
        '\u{2018}' | '\u{2019}' | '\u{02BC}' => Fold::To('\''),
        _ => Fold::Keep,
    }
}

/// Precomposed form of `base` + combining `mark`, for the Latin letters used in the
/// languages we support (Unicode canonical compositions, Latin-1 Supplement and
/// Latin Extended-A).
fn compose(base: char, mark: char) -> Option<char> {
    let table: &[(char, char)] = match mark {
        '\u{300}' => &[
            ('a', 'à'),
            ('e', 'è'),
            ('i', 'ì'),
            ('o', 'ò'),
            ('u', 'ù'),
            ('A', 'À'),
            ('E', 'È'),
            ('I', 'Ì'),
            ('O', 'Ò'),
            ('U', 'Ù'),
        ],
        '\u{301}' => &[
            ('a', 'á'),
            ('e', 'é'),
            ('i', 'í'),
            ('o', 'ó'),
            ('u', 'ú'),
            ('y', 'ý'),
            ('c', 'ć'),
            ('n', 'ń'),
            ('s', 'ś'),
            ('z', 'ź'),
            ('A', 'Á'),
            ('E', 'É'),
            ('I', 'Í'),
            ('O', 'Ó'),
            ('U', 'Ú'),
            ('Y', 'Ý'),
            ('C', 'Ć'),
            ('N', 'Ń'),
            ('S', 'Ś'),
            ('Z', 'Ź'),
        ],
        '\u{302}' => &[
            ('a', 'â'),
            ('e', 'ê'),
            ('i', 'î'),
            ('o', 'ô'),
            ('u', 'û'),
            ('A', 'Â'),
            ('E', 'Ê'),
            ('I', 'Î'),
            ('O', 'Ô'),
            ('U', 'Û'),
        ],
        '\u{303}' => &[('a', 'ã'), ('n', 'ñ'), ('o', 'õ'), ('A', 'Ã'), ('N', 'Ñ'), ('O', 'Õ')],
        '\u{308}' => &[
            ('a', 'ä'),
            ('e', 'ë'),
            ('i', 'ï'),
            ('o', 'ö'),
            ('u', 'ü'),
            ('y', 'ÿ'),
            ('A', 'Ä'),
            ('E', 'Ë'),
            ('I', 'Ï'),
            ('O', 'Ö'),
            ('U', 'Ü'),
        ],
        '\u{30A}' => &[('a', 'å'), ('A', 'Å'), ('u', 'ů'), ('U', 'Ů')],
        '\u{30C}' => &[
            ('c', 'č'),
            ('s', 'š'),
            ('z', 'ž'),
            ('r', 'ř'),
            ('e', 'ě'),
            ('n', 'ň'),
            ('C', 'Č'),
            ('S', 'Š'),
            ('Z', 'Ž'),
            ('R', 'Ř'),
            ('E', 'Ě'),
            ('N', 'Ň'),
        ],
        '\u{327}' => &[('c', 'ç'), ('C', 'Ç'), ('s', 'ş'), ('S', 'Ş')],
        _ => &[],
    };
    table.iter().find(|(b, _)| *b == base).map(|(_, c)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_maps_like_to_original() {
        let pieces = [
            "a",
            "\u{200B}",
            "\u{00A0}",
            "ü",
            "u\u{0308}",
            "\u{FF10}",
            "-",
            "\u{00AD}",
            " ",
            "\u{2019}",
            "12",
            "&uuml;",
            "&#252;",
            "&#x200B;",
            "&amp;",
            "&",
            "&x;",
            ";",
        ];
        let mut next = crate::test_rng(5);
        for _ in 0..500 {
            let text: String = (0..next(30)).map(|_| pieces[next(pieces.len())]).collect();
            let n = Normalized::new(&text);
            let t = n.text();
            let bounds: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
            // Ranges in order (as findings come), then in any order (the walk restarts).
            let mut ranges: Vec<(usize, usize)> = Vec::new();
            let mut at = 0;
            while at < bounds.len() {
                let s = bounds[at];
                let e = bounds[(at + next(4)).min(bounds.len() - 1)];
                ranges.push((s, e));
                at = bounds.iter().position(|&b| b >= e).unwrap_or(bounds.len()).max(at + 1);
            }
            for _ in 0..5 {
                let s = bounds[next(bounds.len())];
                let e = bounds[next(bounds.len())];
                ranges.push((s.min(e), s.max(e)));
            }
            let mut cur = n.cursor();
            for (s, e) in ranges {
                assert_eq!(cur.original(s, e), n.to_original(s, e), "{s}..{e} in {text:?}");
            }
        }
    }

    #[test]
    fn character_references_are_their_characters() {
        let t =
            "Herr J&uuml;rgen M&#252;ller &amp; Co, S&eacute;verine&nbsp;Dupr&#xE9;, A&amp&B, &bogus; &#1; &#x110000;";
        let n = Normalized::new(t);
        assert_eq!(n.text(), "Herr Jürgen Müller & Co, Séverine Dupré, A&amp&B, &bogus; &#1; &#x110000;");
        let s = n.text().find("Jürgen").unwrap();
        let (os, oe) = n.to_original(s, s + "Jürgen Müller".len());
        assert_eq!(&t[os..oe], "J&uuml;rgen M&#252;ller");
        assert!(Normalized::new("A & B; x&y; 5 &lt 6").is_identity(), "a & that begins no reference");
    }

    #[test]
    fn plain_text_is_borrowed() {
        let n = Normalized::new("Grüß Gott, DE89 3704");
        assert!(n.is_identity());
        assert_eq!(n.to_original(3, 7), (3, 7));
    }

    #[test]
    fn folds_and_maps_back() {
        let t = "IBAN DE89\u{200B}3704\u{00A0}0044 ０６６４ Mu\u{308}ller";
        let n = Normalized::new(t);
        assert_eq!(n.text(), "IBAN DE893704 0044 0664 Müller");
        let s = n.text().find("DE89").unwrap();
        let e = s + "DE893704 0044".len();
        let (os, oe) = n.to_original(s, e);
        assert_eq!(&t[os..oe], "DE89\u{200B}3704\u{00A0}0044");
        let s = n.text().find("0664").unwrap();
        let (os, oe) = n.to_original(s, s + 4);
        assert_eq!(&t[os..oe], "０６６４");
        let s = n.text().find("Müller").unwrap();
        let (os, oe) = n.to_original(s, s + "Müller".len());
        assert_eq!(&t[os..oe], "Mu\u{308}ller");
    }

    #[test]
    fn zero_width_at_the_edges_stays_outside() {
        let t = "x\u{200B}0664\u{200B}y";
        let n = Normalized::new(t);
        assert_eq!(n.text(), "x0664y");
        let (s, e) = n.to_original(1, 5);
        assert_eq!(&t[s..e], "0664");
        assert_eq!(n.to_original(0, 6), (0, t.len()));
        assert_eq!(n.to_original(6, 6), (t.len(), t.len()));
    }

    #[test]
    fn dashes_and_apostrophes() {
        let n = Normalized::new("O\u{2019}Brien \u{2013} 0664\u{2011}123");
        assert_eq!(n.text(), "O'Brien - 0664-123");
    }
}
