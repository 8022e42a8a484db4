//! The name gazetteers (`src/data/*.txt`, one lower-case word a line, sorted) as they are
//! stored in the binary: front-coded at compile time. Each word is one byte saying how
//! many leading bytes it shares with the word before, then the bytes that differ; a
//! sorted list of names shares a lot (`aaden`, `aadhya`, `aadi`), so the stored lists are
//! half the size, and a third smaller compressed, as the module is downloaded. They are
//! decoded once, when the lexicon is built ([`super::lexicon`]).

use std::sync::OnceLock;

/// A prefix-length byte is at most this: bytes this low (control characters) are in no
/// word, so a word's bytes end at the next prefix byte. Longer shared prefixes are cut.
const MAX_PREFIX: u8 = 15;

/// Comment lines (`#`) and empty lines are not words.
const fn is_word_line(t: &[u8], start: usize, end: usize) -> bool {
    end > start && t[start] != b'#'
}

/// The front coding of the words of `text` (one a line) into `N` bytes, and the number
/// of bytes it takes (also when `N` is too small: `front_code::<0>` measures). A shared
/// prefix ends on a character boundary, so every stored suffix is UTF-8 on its own.
const fn front_code<const N: usize>(text: &str) -> ([u8; N], usize) {
    let t = text.as_bytes();
    let mut out = [0u8; N];
    let mut n = 0;
    let (mut prev, mut prev_len) = (0, 0);
    let mut start = 0;
    while start < t.len() {
        let mut end = start;
        while end < t.len() && t[end] != b'\n' {
            end += 1;
        }
        let len = if end > start && t[end - 1] == b'\r' { end - start - 1 } else { end - start };
        if is_word_line(t, start, start + len) {
            let mut p = 0;
            while p < prev_len && p < len && p < MAX_PREFIX as usize && t[prev + p] == t[start + p] {
                p += 1;
            }
            // back to a character boundary (a UTF-8 continuation byte is 0b10xx_xxxx)
            while p > 0 && p < len && t[start + p] & 0xC0 == 0x80 {
                p -= 1;
            }
            if n < N {
                out[n] = p as u8;
            }
            n += 1;
            let mut i = p;
            while i < len {
                assert!(t[start + i] > MAX_PREFIX, "a control character in a word list");
                if n < N {
                    out[n] = t[start + i];
                }
                n += 1;
                i += 1;
            }
            (prev, prev_len) = (start, len);
        }
        start = end + 1;
    }
    (out, n)
}

/// The words of a front-coded list, one a line.
fn decode(coded: &[u8]) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(coded.len() * 2);
    let (mut prev, mut i) = (0, 0);
    while i < coded.len() {
        let p = coded[i] as usize;
        let start = out.len();
        out.extend_from_within(prev..prev + p);
        let suffix = coded[i + 1..].iter().position(|&b| b <= MAX_PREFIX).map_or(coded.len(), |k| i + 1 + k);
        out.extend_from_slice(&coded[i + 1..suffix]);
        out.push(b'\n');
        (prev, i) = (start, suffix);
    }
    // Valid by construction: prefixes end on character boundaries (see `front_code`).
    String::from_utf8(out).unwrap_or_default()
}

macro_rules! gazetteer {
    ($(#[$doc:meta])* $name:ident, $file:literal) => {
        $(#[$doc])*
        pub(super) fn $name() -> &'static str {
            const TEXT: &str = include_str!($file);
            static CODED: [u8; front_code::<0>(TEXT).1] = front_code(TEXT).0;
            static WORDS: OnceLock<String> = OnceLock::new();
            WORDS.get_or_init(|| decode(&CODED))
        }
    };
}

gazetteer!(
    /// Given names that are not ordinary words, one a line.
    given,
    "../data/given.txt"
);
gazetteer!(
    /// Given names that are also ordinary words (`frank`, `may`, `wolf`), one a line.
    given_amb,
    "../data/given_amb.txt"
);
gazetteer!(
    /// Frequent surnames, one a line.
    surnames,
    "../data/surnames.txt"
);

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        text.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
    }

    fn round_trip<const N: usize>(text: &str) -> String {
        let (coded, n) = front_code::<N>(text);
        assert_eq!(n, front_code::<0>(text).1);
        decode(&coded[..n])
    }

    #[test]
    fn decoding_gives_back_the_words() {
        let t = "# comment\naaden\naadhya\naadi\n\nmüller\nmüllner\nmüßig\nzoë\nzoë-anne\r\nabcdefghijklmnopqrstuvwxyz\nabcdefghijklmnopqrstuvwxz\n";
        assert_eq!(words(&round_trip::<100>(t)), words(t));
        assert_eq!(round_trip::<0>(""), "");
        // `é` and `ë` share their first byte; the shared prefix stops before it
        let (coded, n) = front_code::<64>("zoé\nzoë\nzoëa");
        assert_eq!(&coded[..n], "\0zoé\u{2}ë\u{4}a".as_bytes());
    }

    #[test]
    fn the_stored_lists_are_the_files() {
        for (decoded, file) in [
            (given(), include_str!("../data/given.txt")),
            (given_amb(), include_str!("../data/given_amb.txt")),
            (surnames(), include_str!("../data/surnames.txt")),
        ] {
            assert_eq!(words(decoded), words(file));
            assert!(words(file).len() > 500);
        }
    }
}
