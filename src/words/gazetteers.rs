//! The name gazetteers (`src/data/*.txt`, one lower-case word a line, sorted) as they are
//! stored in the binary: front-coded at compile time. Each word is one byte saying how
//! many leading bytes it shares with the word before, then the bytes that differ; a
//! sorted list of names shares a lot (`aaden`, `aadhya`, `aadi`), so the stored lists are
//! half the size, and a third smaller compressed, as the module is downloaded. They are
//! read once, when the lexicon is built ([`super::lexicon`]): each word is made in one
//! reused buffer from the one before and handed on, with no list of them made.

/// A prefix-length byte is at most this: bytes this low (control characters) are in no
/// word, so a word's bytes end at the next prefix byte. Longer shared prefixes are cut.
const MAX_PREFIX: u8 = 15;

/// The longest word a list may hold, in bytes (checked as the lists are coded).
const MAX_WORD: usize = 32;

/// Comment lines (`#`) and empty lines are not words.
const fn is_word_line(t: &[u8], start: usize, end: usize) -> bool {
    end > start && t[start] != b'#'
}

/// The front coding of the words of `text` (one a line) into `N` bytes, the number of
/// bytes it takes (also when `N` is too small: `front_code::<0>` measures) and the
/// number of words. A shared prefix ends on a character boundary, so every stored
/// suffix is UTF-8 on its own.
const fn front_code<const N: usize>(text: &str) -> ([u8; N], usize, usize) {
    let t = text.as_bytes();
    let mut out = [0u8; N];
    let (mut n, mut words) = (0, 0);
    let (mut prev, mut prev_len) = (0, 0);
    let mut start = 0;
    while start < t.len() {
        let mut end = start;
        while end < t.len() && t[end] != b'\n' {
            end += 1;
        }
        let len = if end > start && t[end - 1] == b'\r' { end - start - 1 } else { end - start };
        if is_word_line(t, start, start + len) {
            assert!(len <= MAX_WORD, "a word longer than MAX_WORD in a word list");
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
            words += 1;
        }
        start = end + 1;
    }
    (out, n, words)
}

/// A front-coded word list as stored in the binary.
pub(super) struct Gazetteer {
    coded: &'static [u8],
    /// How many words it holds.
    pub(super) len: usize,
}

impl Gazetteer {
    /// Calls `f` with each word, in the order of the file. The bytes are UTF-8 by
    /// construction (a shared prefix ends on a character boundary, see `front_code`).
    pub(super) fn for_each(&self, f: impl FnMut(&[u8])) {
        for_each_word(self.coded, f);
    }

    /// The words, as strings.
    #[cfg(test)]
    pub(super) fn words(&self) -> Vec<String> {
        decoded(self.coded)
    }
}

/// Calls `f` with each word of a front coding: the word before cut to the shared
/// prefix, then the stored bytes, up to the next prefix byte. The bytes are put one by
/// one into a buffer (a stored suffix is two bytes on average: cheaper than searching
/// for its end and copying it).
fn for_each_word(coded: &[u8], mut f: impl FnMut(&[u8])) {
    let mut word = [0u8; MAX_WORD];
    let mut len = 0;
    for &b in coded {
        if b <= MAX_PREFIX {
            // the word before is complete (none before the first)
            if len > 0 {
                f(&word[..len]);
            }
            len = b as usize;
        } else {
            word[len] = b;
            len += 1;
        }
    }
    if len > 0 {
        f(&word[..len]);
    }
}

#[cfg(test)]
fn decoded(coded: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(coded, |w| out.push(String::from_utf8(w.to_vec()).expect("UTF-8")));
    out
}

macro_rules! gazetteer {
    ($(#[$doc:meta])* $name:ident, $file:literal) => {
        $(#[$doc])*
        pub(super) fn $name() -> Gazetteer {
            const TEXT: &str = include_str!($file);
            static CODED: [u8; front_code::<0>(TEXT).1] = front_code(TEXT).0;
            Gazetteer { coded: &CODED, len: const { front_code::<0>(TEXT).2 } }
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

    fn round_trip<const N: usize>(text: &str) -> Vec<String> {
        let (coded, n, words) = front_code::<N>(text);
        assert_eq!((n, words), (front_code::<0>(text).1, front_code::<0>(text).2));
        let back = decoded(&coded[..n]);
        assert_eq!(back.len(), words);
        back
    }

    #[test]
    fn decoding_gives_back_the_words() {
        let t = "# comment\naaden\naadhya\naadi\n\nmüller\nmüllner\nmüßig\nzoë\nzoë-anne\r\nabcdefghijklmnopqrstuvwxyz\nabcdefghijklmnopqrstuvwxz\n";
        assert_eq!(round_trip::<100>(t), words(t));
        assert!(round_trip::<0>("").is_empty());
        // `é` and `ë` share their first byte; the shared prefix stops before it
        let (coded, n, _) = front_code::<64>("zoé\nzoë\nzoëa");
        assert_eq!(&coded[..n], "\0zoé\u{2}ë\u{4}a".as_bytes());
    }

    #[test]
    fn the_stored_lists_are_the_files() {
        for (list, file) in [
            (given(), include_str!("../data/given.txt")),
            (given_amb(), include_str!("../data/given_amb.txt")),
            (surnames(), include_str!("../data/surnames.txt")),
        ] {
            assert_eq!(list.words(), words(file));
            assert_eq!(list.len, words(file).len());
            assert!(words(file).len() > 500);
        }
    }
}
