//! When two written values are the same value: the canonical comparison key of each
//! kind (phone numbers by national significant number, using the E.164 calling-code
//! table of [`crate::validate::e164`]; IBANs by letters and digits; names by their
//! tokens), the name tokens of a mention and the titles kept out of it.

use crate::case::Lowercase;
use crate::entity::Kind;
use crate::validate::e164;
use crate::words::names;

/// Whether two first-name tokens can be the same person's: equal, or one is the
/// initial of the other.
pub(super) fn compatible(a: &str, b: &str) -> bool {
    a == b || (a.chars().count() == 1 && b.starts_with(a)) || (b.chars().count() == 1 && a.starts_with(b))
}

/// How a value is compared within its kind.
pub(super) fn canonical(kind: Kind, value: &str) -> String {
    match kind {
        Kind::Email => value.trim().lowercase(),
        Kind::Iban => value.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()).collect(),
        Kind::CreditCard => value.chars().filter(char::is_ascii_digit).collect(),
        Kind::Phone => {
            let nsn = phone_nsn(value);
            if nsn.is_empty() {
                value.chars().filter(char::is_ascii_digit).collect()
            } else {
                nsn.iter().map(|&p| value.as_bytes()[p] as char).collect()
            }
        }
        _ => crate::types::canonical(value),
    }
}

/// Length of the country calling code at the start of `digits` (after `+` or `00`), by
/// the E.164 table of [`e164::country_code`]. Where that table knows no code (a leading
/// 0, an unassigned zone) or the number would end with the code, up to three digits are
/// taken, so that a number always compares by what follows its country code.
fn cc_len(digits: &[u8]) -> usize {
    match e164::country_code(digits) {
        Some((_, l)) if l <= 2 && digits.len() > l => l,
        _ => 3.min(digits.len()),
    }
}

/// Byte positions of the national significant number's digits in a phone number:
/// without `+CC`, `00CC`, a trunk `0` or `(0)`.
pub(super) fn phone_nsn(v: &str) -> Vec<usize> {
    let b = v.as_bytes();
    let pos: Vec<usize> = (0..b.len()).filter(|&i| b[i].is_ascii_digit()).collect();
    if pos.is_empty() {
        return pos;
    }
    let digits: Vec<u8> = pos.iter().map(|&p| b[p]).collect();
    let lead = v.trim_start();
    let mut idx;
    let international;
    if lead.starts_with('+') {
        idx = cc_len(&digits);
        international = true;
    } else if digits.len() > 2 && digits[0] == b'0' && digits[1] == b'0' && pos[1] == pos[0] + 1 {
        idx = 2 + cc_len(&digits[2..]);
        international = true;
    } else {
        idx = usize::from(digits[0] == b'0');
        international = false;
    }
    if international && idx < digits.len() && digits[idx] == b'0' {
        idx += 1; // (0) or a trunk zero written after the country code
    }
    pos[idx.min(pos.len())..].to_vec()
}

/// Name tokens of a value: runs of letters with inner `-`, `'` or `’`.
pub(super) fn name_tokens(v: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = v.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        if !chars[k].1.is_alphabetic() {
            k += 1;
            continue;
        }
        let s = chars[k].0;
        let mut j = k + 1;
        while j < chars.len() {
            let c = chars[j].1;
            if c.is_alphabetic() {
                j += 1;
            } else if matches!(c, '-' | '\'' | '’') && j + 1 < chars.len() && chars[j + 1].1.is_alphabetic() {
                j += 2;
            } else {
                break;
            }
        }
        let e = chars.get(j).map_or(v.len(), |x| x.0);
        out.push((s, e));
        k = j;
    }
    out
}

/// Whether `w` (lower-case, without a dot) is a title or salutation kept out of a
/// person mention: the name recogniser's titles plus the degree parts that only
/// pseudonymisation strips (see [`names::TITLE_PARTS`]).
fn is_title(w: &str) -> bool {
    names::TITLES.contains(&w) || names::TITLE_PARTS.contains(&w)
}

/// Start of a person mention after leading titles (`Frau Dr. Huber` → `Huber`).
pub(super) fn strip_titles(text: &str, s: usize, e: usize) -> usize {
    let v = &text[s..e];
    let toks = name_tokens(v);
    let mut k = 0;
    while k + 1 < toks.len() && is_title(&v[toks[k].0..toks[k].1].lowercase()) {
        k += 1;
    }
    if k == 0 {
        s
    } else {
        s + toks[k].0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The canonical comparison key of a value of `kind`
    /// (phones: the national significant number; IBANs: upper-case letters and digits;
    /// cards: digits; e-mail: lower-cased; names: lower-cased tokens joined by a space).
    fn canonical_key(kind: Kind, value: &str) -> String {
        if kind == Kind::Person {
            let t = name_tokens(value);
            if !t.is_empty() {
                return t.iter().map(|&(s, e)| value[s..e].to_lowercase()).collect::<Vec<_>>().join(" ");
            }
        }
        canonical(kind, value)
    }

    #[test]
    fn phone_nsn_strips_prefixes() {
        for v in [
            "+49 170 1234567",
            "0049 170 1234567",
            "0170 1234567",
            "+49 (0)170 1234567",
            "+49 0170-1234567",
            "0170/123 45 67",
        ] {
            assert_eq!(canonical(Kind::Phone, v), "1701234567", "{v}");
        }
        assert_eq!(canonical(Kind::Phone, "+43 664 1234567"), "6641234567");
        assert_eq!(canonical(Kind::Phone, "+1 212 555 0100"), "2125550100");
        assert_eq!(canonical(Kind::Phone, "+420 601 123 456"), "601123456");
    }

    #[test]
    fn titles_are_kept_out_of_the_span() {
        let t = "Frau Dr. Huber";
        assert_eq!(&t[strip_titles(t, 0, t.len())..], "Huber");
        assert_eq!(strip_titles("Herr", 0, 4), 0);
        for (t, rest) in [
            ("Dr. med. Huber", "Huber"),
            ("Herr Dr. rer. nat. Maria Huber", "Maria Huber"),
            ("Univ.-Prof. Huber", "Huber"),
            ("Madam Huber", "Huber"),
            ("Monsieur Dupont", "Dupont"),
            ("Maria Huber", "Maria Huber"),
        ] {
            assert_eq!(&t[strip_titles(t, 0, t.len())..], rest, "{t}");
        }
    }

    /// Spellings of one value share a key; different values do not.
    #[test]
    fn canonical_keys() {
        for v in [
            "+49 170 1234567",
            "0049 170 1234567",
            "0170 1234567",
            "+49 (0)170 1234567",
            "0170-123 45 67",
            "+49-170-1234567",
        ] {
            assert_eq!(canonical_key(Kind::Phone, v), "1701234567", "{v}");
        }
        assert_eq!(canonical_key(Kind::Phone, "+43 1 234 5678"), canonical_key(Kind::Phone, "01 234 5678"));
        assert_eq!(canonical_key(Kind::Phone, "0041 44 123 45 67"), "441234567");
        assert_ne!(canonical_key(Kind::Phone, "+49 170 1234567"), canonical_key(Kind::Phone, "+49 170 1234568"));
        assert_eq!(canonical_key(Kind::Iban, "DE89 3704 0044 0532 0130 00"), "DE89370400440532013000");
        assert_eq!(canonical_key(Kind::Iban, "de89370400440532013000"), "DE89370400440532013000");
        assert_eq!(canonical_key(Kind::Email, "Anna.Gruber@Example.AT"), "anna.gruber@example.at");
        assert_eq!(canonical_key(Kind::CreditCard, "4111 1111-1111 1111"), "4111111111111111");
        assert_eq!(canonical_key(Kind::Person, "Dr. Maria  HUBER"), "dr maria huber");
    }
}
