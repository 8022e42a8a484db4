//! The company's own bank account: a letter the company wrote, giving its account.
//!
//! "Unser Konto" alone does not tell whose account it is: a family asks for a refund
//! "auf unser Konto", a company asks for payment "auf unser Konto". Two cues together
//! do:
//!
//! - **a first-person-plural possessive before a bank noun** in the paragraph of the
//!   value ("unsere Bankverbindung", "auf unser Konto", "our correct bank details",
//!   "notre compte", "il nostro IBAN"), or a payee phrase ("zahlbar an", "payable to");
//! - **a company signature**: a line signed by a team or a department ("Buchhaltung",
//!   "Ihr Serviceteam", "Accounts Team, …", "Geschäftsleitung"), or by an employee for
//!   the company (`i. A.`, `ppa.`).
//!
//! The signature must stand near the value (600 bytes before to 360 after it). Either
//! cue alone leaves the value as it is (the company words of the context step
//! still lower it); both make it the company's.
//!
//! The company's premises: an address right after "our office", "unsere Filiale",
//! "notre magasin" or after a business-place word (Filiale, Niederlassung,
//! headquarters) is a shop or office address, which is not personal.

use super::matches_any;
use crate::case::Lowercase;

/// First-person-plural possessives (de, en, fr, it, es, nl).
const POSSESSIVES: &[&str] = &[
    "unser", "unsere", "unserem", "unseren", "unserer", "unseres", "our", "notre", "nos", "nostro", "nostra", "nostre",
    "nostri", "nuestro", "nuestra", "nuestros", "nuestras", "onze", "ons",
];

/// Bank nouns a possessive may stand before (up to two words between: "our correct
/// bank details", "unsere neue IBAN").
const BANK_NOUNS: &[&str] = &[
    "konto*",
    "bankverbindung*",
    "bankdaten",
    "bank",
    "banking",
    "iban",
    "account*",
    "compte",
    "coordonnées",
    "conto",
    "coordinate",
    "cuenta",
    "rekening*",
    "bankgegevens",
];

/// Words a bank noun may be separated from its possessive by.
const BETWEEN: usize = 3;

/// Payee phrases: the account after them receives the payment.
const PAYEE: &[&[&str]] = &[
    &["zahlbar", "an"],
    &["zahlungsempfänger"],
    &["payable", "to"],
    &["remit", "to"],
    &["make", "payments", "to"],
    &["payez", "à"],
    &["pagabile", "a"],
];

/// Words of a team or department signature line.
const DEPARTMENT_WORDS: &[&str] = &[
    "team",
    "serviceteam",
    "service-team",
    "kundenservice",
    "kundendienst",
    "kundenbetreuung",
    "buchhaltung",
    "finanzbuchhaltung",
    "debitorenbuchhaltung",
    "geschäftsleitung",
    "geschäftsführung",
    "verwaltung",
    "hausverwaltung",
    "vertrieb",
    "innendienst",
    "backoffice",
    "abteilung",
    "support",
    "service",
    "customer",
    "care",
    "accounts",
    "accounting",
    "billing",
    "finance",
    "department",
    "administration",
    "management",
    "teamleitung",
    "ihr",
    "ihre",
    "euer",
    "eure",
    "your",
    "the",
    "das",
    "le",
    "l'équipe",
    "équipe",
    "servizio",
    "clienti",
    "equipo",
    "klantenservice",
];

/// The words of `s`: runs of ASCII letters and digits, `-`, `'` and any non-ASCII
/// character (read byte by byte: these lists are checked for every bank account).
fn words(s: &str) -> impl DoubleEndedIterator<Item = &str> {
    // Split at ASCII bytes only, so every piece is on character boundaries.
    let word_byte = |c: u8| c >= 0x80 || c.is_ascii_alphanumeric() || c == b'-' || c == b'\'';
    s.as_bytes().split(move |&c| !word_byte(c)).filter(|w| !w.is_empty()).map(|w| {
        // The pieces start and end next to ASCII bytes or at the ends of `s`: valid UTF-8.
        std::str::from_utf8(w).unwrap_or("")
    })
}

/// `w` lower-cased, borrowed when it is lower-case already.
fn lower(w: &str) -> std::borrow::Cow<'_, str> {
    if w.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
        std::borrow::Cow::Owned(w.lowercase())
    } else {
        std::borrow::Cow::Borrowed(w)
    }
}

/// True if `w` is an entry of `list` (all lower-case), in any case.
fn is_in(w: &str, list: &[&str]) -> bool {
    if w.is_ascii() {
        list.iter().any(|e| e.eq_ignore_ascii_case(w))
    } else {
        list.contains(&w.lowercase().as_str())
    }
}

/// The paragraph of `text` before byte `start`: back to the previous blank line, at
/// most 400 bytes (a few lines).
fn paragraph_before(text: &str, start: usize) -> &str {
    let before = &text[crate::span::within(text, start.saturating_sub(400), start)];
    let cut = before.rfind("\n\n").or_else(|| before.rfind("\n\r\n")).map_or(0, |p| p + 1);
    &before[cut..]
}

/// Words of money paid back to the writer: a refund "auf unser Konto" goes to the
/// writer's account, so the writer is the customer (a business customer signs like a
/// company, "i. A." and all).
const REFUND_WORDS: &[&str] = &[
    "erstattung*",
    "rückerstattung*",
    "gutschrift*",
    "rückzahlung*",
    "zurücküberweis*",
    "zurückzahl*",
    "refund*",
    "reimburse*",
    "remboursement*",
    "rimborso",
    "reembolso",
    "terugbetaling",
];

/// Words that make a refund the reader's ("your refund request"), not the writer's.
const SECOND_PERSON: &[&str] = &["your", "ihre", "ihr", "ihrer", "ihren", "votre", "vostro", "su", "uw"];

/// True if the paragraph before `start` gives the account as the writer's own: a
/// possessive before a bank noun, or a payee phrase; and no refund to the writer.
fn own_account_phrase(text: &str, start: usize) -> bool {
    let w: Vec<&str> = words(paragraph_before(text, start)).collect();
    // Possessives and the first words of payee phrases: 2 to 17 bytes, starting with
    // one of these letters. Most words are ruled out by these two looks.
    let may_start = |x: &str| {
        (2..=17).contains(&x.len()) && matches!(x.as_bytes()[0] | 0x20, b'u' | b'o' | b'n' | b'z' | b'p' | b'r' | b'm')
    };
    if !w.iter().any(|x| may_start(x)) {
        return false;
    }
    let possessive = w.iter().enumerate().any(|(i, x)| {
        may_start(x)
            && is_in(x, POSSESSIVES)
            && w[i + 1..].iter().take(BETWEEN).any(|y| matches_any(&lower(y), BANK_NOUNS))
    });
    let payee = || {
        PAYEE.iter().any(|p| {
            w.windows(p.len()).any(|win| win.iter().zip(p.iter()).all(|(a, b)| a.len() == b.len() && is_in(a, &[b])))
        })
    };
    let refund_to_writer = || {
        w.iter()
            .enumerate()
            .any(|(i, x)| matches_any(&lower(x), REFUND_WORDS) && !(i > 0 && is_in(w[i - 1], SECOND_PERSON)))
    };
    (possessive || payee()) && !refund_to_writer()
}

/// True if a line of `text` is a company's signature: it starts with `i. A.`/`ppa.`,
/// or its first part (before a comma, `|` or ` - `) is one to four department words
/// and names a team or department ("Ihr Serviceteam", "Accounts Team, Brennan's").
pub(super) fn signed_by_company(text: &str) -> bool {
    let starts_with =
        |l: &str, p: &str| l.len() >= p.len() && l.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    text.lines().any(|line| {
        let l = line.trim();
        if l.len() > 80 {
            return false;
        }
        if starts_with(l, "i.a. ") || starts_with(l, "i. a. ") || starts_with(l, "ppa. ") {
            return true;
        }
        let head = l.split([',', '|']).next().unwrap_or("");
        let head = head.split(" - ").next().unwrap_or("");
        let mut n = 0;
        let mut named = false;
        for x in words(head) {
            n += 1;
            if n > 4 || !is_in(x, DEPARTMENT_WORDS) {
                return false;
            }
            named |= !is_in(x, &["ihr", "ihre", "euer", "eure", "your", "the", "das", "le"]);
        }
        n > 0 && named
    })
}

/// How far (bytes) before and after an account its company signature may stand. A
/// value is judged by the text near it only, so that a rescan while typing (which
/// reads a bounded part around an edit, see `scanner::incremental`) judges it as a
/// full scan does: a signature added or removed far away changes nothing.
const SIGNATURE_BEFORE: usize = 600;
const SIGNATURE_AFTER: usize = 360;

/// True if the account at `start` of `text` is the company's own (both cues; see the
/// module docs), with the signature in the lines near it.
pub(super) fn own_account(text: &str, start: usize) -> bool {
    own_account_phrase(text, start)
        && signed_by_company(
            &text[crate::span::within(text, start.saturating_sub(SIGNATURE_BEFORE), start + SIGNATURE_AFTER)],
        )
}

/// Business premises: an address after one of these, with a possessive before it
/// ("our Edinburgh office at", "unsere Filiale in der"), is the company's.
pub(super) const PLACES: &[&str] = &[
    "office",
    "offices",
    "büro",
    "büros",
    "filiale",
    "geschäft",
    "laden",
    "ladengeschäft",
    "store",
    "shop",
    "branch",
    "showroom",
    "praxis",
    "kanzlei",
    "standort",
    "niederlassung",
    "zentrale",
    "headquarters",
    "hq",
    "warehouse",
    "lager",
    "werkstatt",
    "boutique",
    "magasin",
    "bureau",
    "bureaux",
    "agence",
    "negozio",
    "ufficio",
    "sede",
    "tienda",
    "oficina",
    "sucursal",
    "winkel",
    "kantoor",
    "vestiging",
];

/// Premises that are a business's whatever the possessive: a branch office, a seat.
/// ("Branch" is not among them: it is also a US street name.)
pub(super) const BUSINESS_PLACES: &[&str] =
    &["filiale", "niederlassung", "geschäftsstelle", "firmensitz", "geschäftssitz", "headquarters", "showroom"];

/// How far before an address a premises word may stand, and how far before that its
/// possessive ("Our Edinburgh office at 2 Lochrin Square, Edinburgh EH3 9QA").
pub(super) const PLACE_WORDS: usize = 6;
const PLACE_POSSESSIVE: usize = 3;
/// How many words before an address [`company_place`] reads in all.
pub(super) const PREMISES_READ: usize = PLACE_WORDS + PLACE_POSSESSIVE + 1;

/// True if the words before an address (`before`, nearest first, lower-case) make it
/// the company's premises: a business-place word, or a premises word with a
/// first-person-plural possessive shortly before it. It reads [`PREMISES_READ`] words;
/// [`premises_word`] on the first [`PLACE_WORDS`] tells whether it can say yes.
pub(super) fn company_place(before: &[String]) -> bool {
    (0..before.len().min(PLACE_WORDS)).any(|i| {
        let w = before[i].as_str();
        matches_any(w, BUSINESS_PLACES)
            || (matches_any(w, PLACES)
                && before[i + 1..].iter().take(PLACE_POSSESSIVE).any(|p| POSSESSIVES.contains(&p.as_str())))
    })
}

/// True if a premises word stands among the first [`PLACE_WORDS`] of `before`: the
/// only case in which [`company_place`] can say yes.
/// (Both lists are classes of [`super::classes`]: one lookup per word.)
pub(super) fn premises_word(before: &super::Words) -> bool {
    (0..before.len().min(PLACE_WORDS)).any(|i| before.class(i) & (super::PLACE | super::BUSINESS_PLACE) != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases() {
        for t in [
            "Bitte überweisen Sie künftige Rechnungen auf unser Konto ",
            "Unsere Bankverbindung bleibt: ",
            "Our correct bank details are below.\nIBAN: ",
            "Our bank details for your refund request are below.\nIBAN: ",
            "Rechnung zahlbar an ",
            "Veuillez utiliser notre compte ",
        ] {
            assert!(own_account_phrase(t, t.len()), "{t}");
        }
        for t in [
            "Bitte überweisen Sie auf mein Konto ",
            "Bitte die Gutschrift auf unser Konto ",
            "Please send the refund to our account ",
            "Unsere Wohnung ist schön, meine IBAN: ",
            "Our account.\n\nIBAN: ",
            "our team will call; IBAN ",
        ] {
            assert!(!own_account_phrase(t, t.len()), "{t}");
        }
    }

    #[test]
    fn places() {
        let before = |t: &str| -> Vec<String> { words(t).rev().map(str::to_lowercase).collect() };
        for t in ["Our Edinburgh office at", "unsere Filiale in der", "Besuchen Sie unseren Laden in der", "Filiale"] {
            assert!(company_place(&before(t)), "{t}");
        }
        for t in ["my office is at", "Lieferung an mein Büro:", "ship to", "our new address is", "Branch"] {
            assert!(!company_place(&before(t)), "{t}");
        }
    }

    #[test]
    fn signatures() {
        for t in [
            "Grüße\nBuchhaltung",
            "LG\nIhr Serviceteam",
            "Regards,\nAccounts Team, Brennan's Hardware",
            "i. A. Max Muster",
        ] {
            assert!(signed_by_company(t), "{t}");
        }
        for t in ["Grüße\nAnna Huber", "Your team is great", "Familie Huber", "Accounts Payable Manager", "Ihr"] {
            assert!(!signed_by_company(t), "{t}");
        }
    }
}
