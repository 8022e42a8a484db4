//! Realistic fake values for [`super::PlaceholderStyle::Surrogate`]: IBANs of the same
//! country and length with valid check digits and card numbers of the same length and
//! first digit passing Luhn (both computed with the shared code of
//! [`crate::validate`]), phone numbers of the same shape, e-mail addresses at the
//! reserved `example.*` domains, and names from small lists of obviously fictional
//! names, German or English by a rough guess at the text's language. Also the rules
//! that keep a surrogate from colliding with real text.

use super::keys::{word_hash, Fake, Person, State};
use super::values::phone_nsn;
use crate::case::Lowercase;
use crate::entity::Kind;
use crate::validate::{self, checksum::luhn_check_digit};
use std::collections::HashSet;

impl State {
    /// A fake value of `kind` shaped like `value` (a fresh random draw on each call).
    pub(super) fn make_fake(&mut self, kind: Kind, value: &str, german: bool) -> Fake {
        match kind {
            Kind::Iban => {
                let compact = crate::recognize::util::compact(value.as_bytes());
                if compact.len() < 5 || !compact[0].is_ascii_alphabetic() || !compact[1].is_ascii_alphabetic() {
                    return Fake::None;
                }
                let mut bban = String::new();
                for &c in &compact[4..] {
                    if c.is_ascii_digit() {
                        bban.push((b'0' + self.below(10) as u8) as char);
                    } else {
                        bban.push((b'A' + self.below(26) as u8) as char);
                    }
                }
                let cc = std::str::from_utf8(&compact[..2]).expect("ascii");
                let check =
                    validate::iban_check_digits(&compact[..2], bban.as_bytes()).expect("upper-case letters and digits");
                Fake::Iban(format!("{cc}{check:02}{bban}"))
            }
            Kind::CreditCard => {
                let digits: Vec<u8> = value.bytes().filter(u8::is_ascii_digit).collect();
                if digits.len() < 2 {
                    return Fake::None;
                }
                let mut d = vec![digits[0]];
                for _ in 1..digits.len() - 1 {
                    d.push(b'0' + self.below(10) as u8);
                }
                d.push(b'0' + luhn_check_digit(&d));
                Fake::Card(String::from_utf8(d).expect("ascii"))
            }
            Kind::Phone => {
                let nsn = phone_nsn(value);
                if nsn.is_empty() {
                    return Fake::None;
                }
                let mut d = String::new();
                for (k, &p) in nsn.iter().enumerate() {
                    if k == 0 {
                        d.push(value.as_bytes()[p] as char);
                    } else {
                        d.push((b'0' + self.below(10) as u8) as char);
                    }
                }
                Fake::Phone(d)
            }
            Kind::Email => {
                let (firsts, lasts) = if german { (DE_FIRST, DE_LAST) } else { (EN_FIRST, EN_LAST) };
                let first = firsts[self.below(firsts.len())].to_ascii_lowercase();
                let last = lasts[self.below(lasts.len())].to_ascii_lowercase();
                let tld = value.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
                let tld = if tld == "org" || tld == "net" { tld } else { "com".to_string() };
                let n = self.below(90) + 10;
                Fake::Email(format!("{first}.{last}{n}@example.{tld}"))
            }
            _ => Fake::None,
        }
    }

    /// A fictional first or last name not yet used in the session and not a word of
    /// the person's earlier texts (if the list allows).
    pub(super) fn fresh_name(&mut self, last: bool, german: bool) -> String {
        let list = match (last, german) {
            (false, true) => DE_FIRST,
            (true, true) => DE_LAST,
            (false, false) => EN_FIRST,
            (true, false) => EN_LAST,
        };
        let start = self.below(list.len());
        for k in 0..list.len() {
            let n = list[(start + k) % list.len()];
            if !self.fake_tokens.contains(n) && !self.seen_words.contains(&word_hash(n)) {
                self.fake_tokens.insert(n.to_string());
                return n.to_string();
            }
        }
        list[start].to_string()
    }

    /// Whether `s` may be used as a new surrogate for text `text`: unused, not an
    /// original value, not in the text.
    pub(super) fn surrogate_ok(&self, s: &str, text: &str) -> bool {
        !s.is_empty() && !self.by_sur.contains_key(s) && !self.originals.contains(s) && !contains_ci(text, s)
    }
}

/// True if a word of `sur` (3+ letters or digits) occurs as a whole word of `text`,
/// ignoring case.
pub(super) fn shares_word(sur: &str, text: &str) -> bool {
    let words = |t: &str| {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3)
            .map(crate::case::lower_str)
            .collect::<HashSet<String>>()
    };
    let theirs = words(text);
    words(sur).iter().any(|w| theirs.contains(w))
}

/// Whether `hay` contains `needle`, ignoring case.
fn contains_ci(hay: &str, needle: &str) -> bool {
    let h = hay.lowercase();
    h.contains(&needle.lowercase())
}

/// The surrogate of one written form of a non-person value.
pub(super) fn surrogate_form(fake: &Fake, kind: Kind, value: &str) -> Option<String> {
    match (fake, kind) {
        (Fake::Iban(f), _) | (Fake::Card(f), _) => {
            let mut it = f.chars();
            let is_card = matches!(fake, Fake::Card(_));
            let mut out = String::with_capacity(value.len());
            for c in value.chars() {
                let take = if is_card { c.is_ascii_digit() } else { c.is_ascii_alphanumeric() };
                if take {
                    let n = it.next()?;
                    out.push(if c.is_ascii_lowercase() { n.to_ascii_lowercase() } else { n });
                } else {
                    out.push(c);
                }
            }
            it.next().is_none().then_some(out)
        }
        (Fake::Phone(f), _) => {
            let nsn = phone_nsn(value);
            if nsn.len() != f.len() {
                return None;
            }
            let mut out = value.as_bytes().to_vec();
            for (k, &p) in nsn.iter().enumerate() {
                out[p] = f.as_bytes()[k];
            }
            String::from_utf8(out).ok()
        }
        (Fake::Email(f), _) => {
            let has_lower = value.chars().any(|c| c.is_lowercase());
            let trimmed = value.trim();
            let lead = &value[..value.find(trimmed).unwrap_or(0)];
            let trail = &value[lead.len() + trimmed.len()..];
            Some(format!("{lead}{}{trail}", if has_lower { f.clone() } else { f.to_ascii_uppercase() }))
        }
        _ => None,
    }
}

/// The surrogate of a name mention: every token replaced by the fake token at the
/// same place of the person's name, keeping the case pattern and punctuation.
pub(super) fn name_surrogate(value: &str, toks: &[(usize, usize)], t: &[String], p: &Person) -> String {
    let mut out = String::with_capacity(value.len());
    let mut last = 0;
    for (k, &(s, e)) in toks.iter().enumerate() {
        out.push_str(&value[last..s]);
        let orig = &value[s..e];
        let fake = match p.tokens.iter().position(|x| *x == t[k]) {
            Some(j) => p.fake[j].clone(),
            None => {
                let initial = t[k].chars().count() == 1;
                match p.tokens.iter().position(|x| initial && x.starts_with(t[k].as_str())) {
                    Some(j) => p.fake[j].chars().next().map(String::from).unwrap_or_default(),
                    None => p.fake.get(k).cloned().unwrap_or_else(|| p.fake[0].clone()),
                }
            }
        };
        let upper = orig.chars().all(|c| !c.is_lowercase()) && orig.chars().count() > 1;
        let lower = orig.chars().all(|c| !c.is_uppercase());
        if upper {
            // surrogate names are ASCII (the lists below; a test holds them so)
            out.push_str(&fake.to_ascii_uppercase());
        } else if lower {
            out.push_str(&fake.lowercase());
        } else {
            out.push_str(&fake);
        }
        last = e;
    }
    out.push_str(&value[last..]);
    out
}

/// A rough language guess for surrogate names: German unless English function words
/// clearly outnumber German ones.
pub(super) fn looks_german(text: &str) -> bool {
    if text.chars().any(|c| "äöüÄÖÜß".contains(c)) {
        return true;
    }
    const DE: &[&str] = &[
        "und", "der", "die", "das", "ich", "ist", "nicht", "mit", "bitte", "sie", "ein", "eine", "mein", "meine",
        "von", "für", "herr", "frau", "danke",
    ];
    const EN: &[&str] = &[
        "the", "and", "is", "my", "please", "with", "for", "you", "of", "to", "this", "hello", "thanks", "mr", "mrs",
        "ms", "dear",
    ];
    let (mut de, mut en) = (0, 0);
    for w in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        let w = w.lowercase();
        de += usize::from(DE.contains(&w.as_str()));
        en += usize::from(EN.contains(&w.as_str()));
    }
    en <= de
}

/// Fictional German first names (after the specimen name `Erika Mustermann`).
const DE_FIRST: &[&str] = &[
    "Erika",
    "Max",
    "Lieselotte",
    "Hannelore",
    "Friedhelm",
    "Waltraud",
    "Gottlieb",
    "Hildegard",
    "Kunigunde",
    "Reinhold",
    "Sieglinde",
    "Adalbert",
    "Gundula",
    "Eberhard",
    "Irmgard",
    "Wilhelmine",
];

/// Fictional German surnames.
const DE_LAST: &[&str] = &[
    "Mustermann",
    "Musterfrau",
    "Beispiel",
    "Exempel",
    "Platzhalter",
    "Musterhuber",
    "Beispielmann",
    "Mustermeier",
    "Musterberger",
    "Beispielhofer",
    "Platzmann",
    "Exempler",
];

/// Fictional English first names (after `Jane Doe`, `Joe Bloggs`).
const EN_FIRST: &[&str] = &[
    "Jane", "John", "Richard", "Janet", "Joe", "Fred", "Alan", "Harriet", "Edmund", "Winifred", "Percival", "Mildred",
];

/// Fictional English surnames.
const EN_LAST: &[&str] = &[
    "Doe",
    "Roe",
    "Bloggs",
    "Nurk",
    "Smithee",
    "Sample",
    "Example",
    "Placeholder",
    "Exampleton",
    "Sampleton",
    "Doakes",
    "Citizen",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::Kind;

    /// Upper-casing a surrogate name for an upper-case original is ASCII-only.
    #[test]
    fn surrogate_names_are_ascii() {
        for n in DE_FIRST.iter().chain(DE_LAST).chain(EN_FIRST).chain(EN_LAST) {
            assert!(n.is_ascii(), "{n}");
        }
    }

    #[test]
    fn fake_iban_and_card_are_valid() {
        let mut st = State { rng: 7, ..State::default() };
        for _ in 0..50 {
            let Fake::Iban(f) = st.make_fake(Kind::Iban, "DE89 3704 0044 0532 0130 00", true) else { panic!() };
            assert_eq!(f.len(), 22);
            assert!(f.starts_with("DE"));
            let rearranged = format!("{}{}", &f[4..], &f[..4]);
            assert_eq!(validate::checksum::mod97_alnum([rearranged.as_bytes()]), Some(1), "{f}");
            assert_eq!(validate::iban(f.as_bytes()), Ok(()), "{f}");
            let Fake::Card(c) = st.make_fake(Kind::CreditCard, "4111 1111 1111 1111", true) else { panic!() };
            assert_eq!(c.len(), 16);
            assert!(c.starts_with('4'));
            let d: Vec<u8> = c.bytes().collect();
            assert_eq!(luhn_check_digit(&d[..15]), d[15] - b'0');
        }
        assert_eq!(luhn_check_digit(b"411111111111111"), 1);
    }
}
