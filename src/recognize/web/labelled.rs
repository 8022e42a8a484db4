//! User names after a label ("Benutzername: anna_g", "my Instagram is x"), the labels
//! also with one typing slip, and the value of a field asking for a user name (see the
//! parent module's docs).

use super::text::{looks_like_domain, lower};
use super::user_words::{
    ACCOUNT_LABELS, BARE_LABELS, CONJUNCT_FILLERS, CONNECTORS, FILE_ENDINGS, FILLERS, NOT_NAMES, OWNERS, STRONG_LABELS,
};
use crate::entity::Kind;
use crate::recognize::util::{alnum_runs, typo_eq_ci, Literals};
use crate::types::{Candidate, Input};

/// User-name labels, whole words in lower case (a [`Literals`] set searched in
/// [`Input::folded`]; at one place the first that matches, as a pattern's
/// alternatives): `user name` with one white-space byte, `nome utente` with any run.
pub(crate) const LABELS: &str = concat!(
    r"\bbenutzernamen\b|\bbenutzername\b|\bnutzername\b|\bbenutzer\b|\busernames\b|",
    r"\busername\b|\buser\snames\b|\buser\sname\b|\buser-id\b|\buserid\b|\buser\b|\blogin\b|",
    r"\blog-in\b|\banmeldename\b|\bhandle\b|\bnickname\b|\bnick\b|\baccount\b|\bacct\b|",
    r"\bacc\b|\bkonto\b|\bkonten\b|\bbenutzerkonto\b|\bnutzerkonto\b|\bkundenkonto\b|",
    r"\bprofile\b|\bprofil\b|\binstagram\b|\binsta\b|\btwitter\b|\btiktok\b|\bgithub\b|",
    r"\bgitlab\b|\btelegram\b|\bsnapchat\b|\bskype\b|\bdiscord\b|\breddit\b|\btwitch\b|",
    r"\bmastodon\b|\bthreads\b|\bpseudo\b|\bpseudonyme\b|\bgebruikersnaam\b|\bnome\s+utente\b|",
    r"\busuario\b",
);

/// The label words.
pub(super) struct Labelled {
    label: Literals,
}

/// The length of the user-name token at the start of `b` (what
/// `\A[A-Za-z0-9_\x80-\xff][A-Za-z0-9_.\x80-\xff-]{0,40}` matches), if one starts there.
fn token_len(b: &[u8]) -> Option<usize> {
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80;
    if !word(*b.first()?) {
        return None;
    }
    Some(1 + b[1..].iter().take(40).take_while(|&&c| word(c) || c == b'.' || c == b'-').count())
}

impl Labelled {
    pub(super) fn new() -> Labelled {
        Labelled { label: Literals::new(LABELS) }
    }

    /// The labelled user names of the text, outside the URLs of `urls`.
    pub(super) fn find(&self, input: &Input<'_>, out: &mut Vec<Candidate>, urls: &[(usize, usize)]) {
        let b = input.bytes;
        if input.field.expects == Some(Kind::Username) && self.field_value(input.text, out) {
            return;
        }
        for (ls, le, label) in self.labels(input) {
            let Some((s, e, connector)) = self.value_after(input.text, le) else { continue };
            if let Some(score) = value_score(b, s, e, urls, ls, &label, connector) {
                let mut c = Candidate::new(Kind::Username, s, e, score);
                c.subtype = Some("labelled");
                out.push(c);
                // "eins unter mario.wolf und eins unter mwolf_bln": a second name of
                // the same label after "und" / "and" / ",".
                if let Some((s2, e2)) = self.conjunct_after(input.text, e) {
                    if value_score(b, s2, e2, urls, ls, &label, true).is_some() {
                        let mut c = Candidate::new(Kind::Username, s2, e2, score);
                        c.subtype = Some("labelled");
                        out.push(c);
                    }
                }
            }
        }
    }

    /// In a field asking for a user name: the one word the field holds (maybe with an
    /// emoji or two around it), if it is a user-name token. True if one was pushed.
    fn field_value(&self, text: &str, out: &mut Vec<Candidate>) -> bool {
        let mut words = text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric));
        if let (Some(t), None) = (words.next(), words.next()) {
            let s = t.as_ptr() as usize - text.as_ptr() as usize;
            if !t.starts_with('@') && t.len() <= 40 && token_len(t.as_bytes()) == Some(t.len()) {
                out.push(Candidate::new(Kind::Username, s, s + t.len(), 0.3));
                return true;
            }
        }
        false
    }

    /// The labels of the text as `(start, end, label)`, sorted: the pattern's, then the
    /// mistyped ones ("Bnutzername", "usernaem", "acconut") as the label they stand for.
    fn labels(&self, input: &Input<'_>) -> Vec<(usize, usize, String)> {
        let b = input.bytes;
        let f = input.folded();
        let mut labels: Vec<(usize, usize, String)> =
            self.label.find_iter(f).map(|(s, e)| (s, e, String::from_utf8_lossy(&f[s..e]).replace(' ', ""))).collect();
        // The pattern's labels are in text order: a binary search keeps this linear-ish
        // (a linear search per word made long texts quadratic).
        let exact = labels.len();
        for (ws, i) in long_words(b) {
            let w = &b[ws..i];
            // Cheap filter first: length and first letter ('u', 'b', 'n' or 'a', or a
            // slip in the first letter followed by the second one).
            if !(6..=13).contains(&w.len()) || (i < b.len() && b[i] >= 0x80) {
                continue;
            }
            let f = w[0].to_ascii_lowercase();
            let g = w[1].to_ascii_lowercase();
            if !matches!(f, b'u' | b'b' | b'n' | b'a') && !matches!(g, b'u' | b's' | b'e' | b'c')
                || !typo_ends(w)
                || labels[..exact].binary_search_by_key(&ws, |l| l.0).is_ok()
            {
                continue;
            }
            // ASCII letters and digits only: no allocation to lower-case it.
            let w = std::str::from_utf8(w).unwrap_or_default();
            if let Some(target) = TYPO_LABELS.iter().find(|t| typo_eq_ci(w, t)) {
                labels.push((ws, i, (*target).to_string()));
            }
        }
        crate::sort::sort_by(&mut labels, Ord::cmp);
        labels
    }

    /// The end of the user-name token starting at `i`, without a trailing `.` or `-`
    /// (the end of a sentence or a dash after the name), or `None` if none starts there.
    fn token_end(&self, b: &[u8], i: usize) -> Option<usize> {
        let mut te = i + token_len(&b[i..])?;
        while te > i && matches!(b[te - 1], b'.' | b'-') {
            te -= 1;
        }
        Some(te)
    }

    /// A second user name after the one ending at `e`, on the same line: a conjunction
    /// ("und", "and", "oder", "or", ",", "/"), at most four filler words ("eins
    /// unter", "the other is", see [`CONJUNCT_FILLERS`]), then a token marked as a user
    /// name (a digit, `_` or an inner dot).
    fn conjunct_after(&self, text: &str, e: usize) -> Option<(usize, usize)> {
        let b = text.as_bytes();
        let mut i = e;
        while i < b.len() && b[i] == b' ' {
            i += 1;
        }
        let word_end = |i: usize| i + b[i..].iter().take_while(|c| c.is_ascii_alphabetic()).count();
        if i < b.len() && matches!(b[i], b',' | b'/' | b'&') {
            i += 1;
        } else {
            let w = lower(&b[i..word_end(i)]);
            if !matches!(w.as_str(), "und" | "and" | "oder" | "or" | "sowie" | "bzw") {
                return None;
            }
            i = word_end(i);
        }
        for _ in 0..5 {
            while i < b.len() && matches!(b[i], b' ' | b':') {
                i += 1;
            }
            if i >= b.len() || b[i] == b'\n' {
                return None;
            }
            let te = self.token_end(b, i)?;
            let v = &b[i..te];
            let marked = v.iter().any(|&c| c.is_ascii_digit() || c == b'_') || v[..v.len() - 1].contains(&b'.');
            if marked {
                return Some((i, te));
            }
            let w = lower(v);
            if !(FILLERS.contains(&w.as_str()) || CONJUNCT_FILLERS.contains(&w.as_str())) {
                return None;
            }
            i = te;
        }
        None
    }

    /// The token after a label ending at `le`, past separators and at most five filler
    /// words, on the label's line: `(start, end, connector)`, where `connector` tells
    /// whether a `:`, `=` or a connecting word ("ist", "is") stood between.
    fn value_after(&self, text: &str, le: usize) -> Option<(usize, usize, bool)> {
        let b = text.as_bytes();
        let mut i = le;
        let mut words = 0;
        let mut connector = false;
        loop {
            // Separators, quotes and symbols (an emoji between label and value).
            while let Some(ch) = text.get(i..).and_then(|r| r.chars().next()) {
                if ch == '\n' || ch.is_alphanumeric() || ch == '_' || ch == '@' || ch == '.' {
                    break;
                }
                connector |= matches!(ch, ':' | '=');
                i += ch.len_utf8();
            }
            if i >= b.len() || b[i] == b'\n' {
                return None;
            }
            let te = self.token_end(b, i)?;
            let tok = lower(&b[i..te]);
            if words < 5 && FILLERS.contains(&tok.as_str()) {
                connector |= CONNECTORS.contains(&tok.as_str());
                words += 1;
                i = te;
                continue;
            }
            return Some((i, te, connector));
        }
    }
}

/// The score of the value `s..e` after `label` (which starts at `ls`), or `None` if it
/// is not a user name: glued to an address or path, inside a URL of `urls`, a plain
/// word that often follows such labels, a domain, or a reference code in capitals.
fn value_score(
    b: &[u8],
    s: usize,
    e: usize,
    urls: &[(usize, usize)],
    ls: usize,
    label: &str,
    connector: bool,
) -> Option<f32> {
    if e < b.len()
        && (b[e] == b'@'
            || b[e] == b'/'
            || b[e] >= 0x80
            || (b[e] == b'.' && e + 1 < b.len() && b[e + 1].is_ascii_alphanumeric()))
    {
        return None;
    }
    if urls.iter().any(|&(us, ue)| s < ue && us < e) {
        return None;
    }
    let v = &b[s..e];
    let tok = lower(v);
    if v.len() < 2
        || !v.is_ascii()
        || !v.iter().any(u8::is_ascii_alphabetic)
        || NOT_NAMES.contains(&tok.as_str())
        || looks_like_domain(&tok)
    {
        return None;
    }
    let has_digit = v.iter().any(u8::is_ascii_digit);
    // Capitals and digits (CUST-20632, KD-124005, GB42): a reference code.
    if has_digit && !v.iter().any(u8::is_ascii_lowercase) {
        return None;
    }
    let marked = has_digit || v.contains(&b'_') || v.contains(&b'.');
    let strong = STRONG_LABELS.contains(&label);
    let owned = ACCOUNT_LABELS.contains(&label) && previous_word(b, ls).is_some_and(|w| OWNERS.contains(&w.as_str()));
    let plain = v.iter().all(|c| c.is_ascii_lowercase() || *c == b'-');
    let bare = BARE_LABELS.contains(&label) && bare_name(&tok);
    if marked && (connector || strong || owned || bare) {
        Some(0.7)
    } else if plain && ((strong && connector && v.len() >= 4) || ((connector || owned) && v.len() >= 6)) {
        Some(0.55)
    } else {
        None
    }
}

/// True if `tok` (lower case) can stand as a user name right after an account word
/// with nothing between ("acct jwillis_88", "Konto mario.wolf"): four bytes or more,
/// two letters or more, no dot segment shorter than two ("z.b", "v1.2"), no file
/// ending ("rechnung_2024.pdf"), and not a reference: up to four letters, maybe a
/// hyphen, then digits only ("cust-54468", "kd912686").
fn bare_name(tok: &str) -> bool {
    let letters = tok.bytes().take_while(u8::is_ascii_alphabetic).count();
    let rest = tok[letters..].strip_prefix('-').unwrap_or(&tok[letters..]);
    let reference = letters <= 4 && !rest.is_empty() && rest.bytes().all(|c| c.is_ascii_digit());
    !reference
        && tok.len() >= 4
        && tok.bytes().filter(u8::is_ascii_alphabetic).count() >= 2
        && tok.bytes().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && tok.split('.').all(|p| p.len() >= 2)
        && !tok.rsplit_once('.').is_some_and(|(_, end)| FILE_ENDINGS.contains(&end))
}

/// The words of six bytes or more, as `(start, end)`: a word starts at an ASCII letter
/// and runs over ASCII letters and digits. They are the ends of the runs of six letters
/// or digits ([`alnum_runs`]), from each run's first letter; shorter runs are never
/// looked at one by one.
fn long_words(b: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    alnum_runs(b, 6).into_iter().filter_map(|(rs, re)| {
        (rs..re).find(|&k| b[k].is_ascii_alphabetic()).filter(|&ws| re - ws >= 6).map(|ws| (ws, re))
    })
}

/// Labels also found with one typing slip.
const TYPO_LABELS: &[&str] = &["benutzername", "nutzername", "username", "account"];

/// True if the ASCII word `w` (6 bytes or more) starts with the first two letters of
/// a [`TYPO_LABELS`] entry or ends with its last two (ignoring case), for an entry
/// whose length is within one of it. One typing slip changes at most two neighbouring
/// letters, so it leaves one of these ends intact: a cheap test every slip passes.
fn typo_ends(w: &[u8]) -> bool {
    let n = w.len();
    n >= 6
        && TYPO_LABELS.iter().any(|t| {
            let t = t.as_bytes();
            t.len().abs_diff(n) <= 1
                && (w[..2].eq_ignore_ascii_case(&t[..2]) || w[n - 2..].eq_ignore_ascii_case(&t[t.len() - 2..]))
        })
}

/// The lower-cased word right before byte `i`, if any.
fn previous_word(b: &[u8], i: usize) -> Option<String> {
    let mut e = i;
    while e > 0 && b[e - 1] == b' ' {
        e -= 1;
    }
    let mut s = e;
    while s > 0 && (b[s - 1].is_ascii_alphabetic() || b[s - 1] >= 0x80) {
        s -= 1;
    }
    (s < e).then(|| lower(&b[s..e]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        /// The hand-written token shape matches what its pattern matched.
        #[test]
        fn token_matches_the_pattern(parts in proptest::collection::vec(proptest::sample::select(vec![
            "a", "Z", "0", "_", ".", "-", " ", "\u{e4}", "@", "abcdefghij", "\n",
        ]), 0..30)) {
            static RE: std::sync::OnceLock<regex::bytes::Regex> = std::sync::OnceLock::new();
            let re = RE.get_or_init(|| crate::recognize::util::reference(r"\A[A-Za-z0-9_\x80-\xff][A-Za-z0-9_.\x80-\xff-]{0,40}"));
            let t = parts.concat();
            prop_assert_eq!(token_len(t.as_bytes()), re.find(t.as_bytes()).map(|m| m.end()));
        }
    }

    /// The words one typing slip away from a label of [`TYPO_LABELS`] that
    /// [`typo_eq_ci`] takes for it, in upper case: a letter added, replaced or
    /// missing, or two neighbours swapped.
    fn slips() -> Vec<Vec<u8>> {
        let letters = b"abcdefghijklmnopqrstuvwxyzAEUN";
        let mut slips = Vec::new();
        for t in TYPO_LABELS {
            let t = t.as_bytes();
            let mut words: Vec<Vec<u8>> = Vec::new();
            for p in 0..=t.len() {
                for &c in letters {
                    words.push([&t[..p], &[c], &t[p..]].concat()); // added
                    if p < t.len() {
                        words.push([&t[..p], &[c], &t[p + 1..]].concat()); // replaced
                    }
                }
                if p < t.len() {
                    words.push([&t[..p], &t[p + 1..]].concat()); // missing
                }
                if p + 1 < t.len() {
                    words.push([&t[..p], &[t[p + 1], t[p]], &t[p + 2..]].concat());
                    // swapped
                }
            }
            for w in words {
                let w = w.to_ascii_uppercase();
                if typo_eq_ci(std::str::from_utf8(&w).unwrap(), std::str::from_utf8(t).unwrap()) {
                    slips.push(w);
                }
            }
        }
        assert!(slips.len() > 1000);
        slips
    }

    /// The labels of [`LABELS`] as written (`user name` with one space).
    fn labels() -> impl Iterator<Item = String> {
        LABELS
            .split('|')
            .map(|l| l.trim_start_matches("\\b").trim_end_matches("\\b").replace("\\s+", " ").replace("\\s", " "))
    }

    /// Every word one typing slip away from a label passes the cheap end test.
    #[test]
    fn typo_ends_lets_every_slip_through() {
        for w in slips() {
            assert!(typo_ends(&w), "{}", String::from_utf8_lossy(&w));
        }
        assert!(!typo_ends(b"Bestellung") && !typo_ends(b"Fehler") && typo_ends(b"Bnutzername"));
    }

    /// A user name after any label, or after a slip of one, is read the same alone
    /// and after other words: what stands elsewhere in the text (letters a label
    /// may lack, another label) decides nothing.
    #[test]
    fn a_labelled_user_name_is_read_the_same_alone() {
        use crate::recognize::Recognizer;
        let web = super::super::Web::new();
        let find = |t: &str| {
            let mut out = Vec::new();
            web.find(&Input::new(t, crate::field::FieldClass::default()), &mut out);
            out.into_iter().map(|c| (c.start, c.end, c.score)).collect::<Vec<_>>()
        };
        let slips = slips().into_iter().map(|w| String::from_utf8(w).unwrap());
        let before = "Hallo Anna, mein Benutzername steht unten.\n";
        let (mut found, mut all) = (0, 0);
        for label in labels().chain(slips) {
            let line = format!("{label}: kev_77");
            let alone = find(&line);
            let after: Vec<_> = find(&format!("{before}{line}"))
                .into_iter()
                .filter(|c| c.0 >= before.len())
                .map(|(s, e, score)| (s - before.len(), e - before.len(), score))
                .collect();
            assert_eq!(alone, after, "{line:?}");
            found += usize::from(!alone.is_empty());
            all += 1;
        }
        assert!(found * 10 > all * 9, "{found} of {all}");
    }

    /// Every label, and every word one typing slip away from one that is read as it,
    /// holds a cue of the web recogniser's gate that lets labels through
    /// (`super::GATE`): a label is read where it stands, whatever else the text holds.
    #[test]
    fn every_label_and_slip_opens_the_gate() {
        let gate = Literals::new(super::super::GATE);
        let opens = |w: &[u8]| {
            let f = w.to_ascii_lowercase();
            let found = gate.find_iter(&f).any(|(s, e)| {
                matches!(
                    super::super::cue_of(&f[s..e]),
                    super::super::Cue::Label | super::super::Cue::Hint { profil: true }
                )
            });
            found
        };
        for w in labels().map(String::into_bytes).chain(slips()) {
            assert!(opens(&w), "{}", String::from_utf8_lossy(&w));
        }
    }

    /// The words a byte-by-byte reading finds, of six bytes or more.
    fn long_words_one_by_one(b: &[u8]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            if !b[i].is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            let ws = i;
            while i < b.len() && b[i].is_ascii_alphanumeric() {
                i += 1;
            }
            if i - ws >= 6 {
                out.push((ws, i));
            }
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn long_words_as_read_one_by_one(parts in proptest::collection::vec(proptest::sample::select(vec!["a", "Z", "1", "9", " ", "-", "ä", "_", "\n", "abc", "user", "12345"]), 0..40)) {
            let t = parts.concat();
            proptest::prop_assert_eq!(long_words(t.as_bytes()).collect::<Vec<_>>(), long_words_one_by_one(t.as_bytes()));
        }
    }
}
