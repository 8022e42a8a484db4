//! Telephone numbers: international (`+49 …`, `0049 …`) and national forms.
//!
//! # How a number is found
//! One left-to-right pass reads *runs*: digits joined by the separators people type
//! in phone numbers — a space, `-`, `.`, `/` (optionally with spaces around it, as in
//! `0650 / 5438467`), a bracketed area code `(030)`, the bracketed trunk prefix `(0)`
//! after a country code, and a leading `+` or `(+49)`. A run never crosses a line
//! break or any other character, so it ends at the first letter, comma, colon, …
//! Every byte is looked at a bounded number of times: the pass is linear. Texts with
//! fewer than six digits are skipped at once.
//!
//! A run is then read as a number:
//! - `+` or `00` → international: the country calling code is taken from the E.164
//!   code list (1- to 3-digit codes by their first digits), the rest is the national
//!   significant number (NSN), with a `(0)` or a wrongly kept trunk `0` dropped;
//! - a single leading `0` → national form of a country with trunk prefix 0 (DE, AT, CH,
//!   GB, FR, NL) or an Italian number (whose leading 0 belongs to the number);
//! - `1` + 10 digits or 10 digits in NANP grouping → North American number;
//! - 9 or 10 digits starting 3/5–9 → a national number without trunk prefix (ES, PL,
//!   IT mobile), only weakly — such a run is as likely a reference number.
//!
//! # Validity rules
//! A compact table of NSN lengths and leading digits per country (see `nsn_class`),
//! written from the public numbering plans: ITU-T Recommendation E.164 and its list of
//! assigned country codes (ITU Operational Bulletin annex); Germany: Bundesnetzagentur,
//! Nummernplan für Ortsnetzrufnummern / Mobilfunk (015x/016x/017x); Austria: RTR,
//! Kommunikationsparameter-, Entgelt- und Mehrwertdiensteverordnung (KEM-V) — mobile
//! 65x–69x; Switzerland: BAKOM, Nummerierungsplan E.164/2002 (9-digit NSN, mobile 75–79);
//! United Kingdom: Ofcom, National Telephone Numbering Plan (10-digit NSN, 01/02
//! geographic, 07 mobile, 08/09 non-geographic); North America: NANPA, NANP
//! administration guidelines (NXX-NXX-XXXX, no N11 codes, no N9X area codes); France:
//! ARCEP plan de numérotation (9 digits, 06/07 mobile, 08 special rate); Italy: AGCOM
//! PNN (fixed 0…, mobile 3…); Spain: CNMC/SETID plan (9 digits, 6/7 mobile, 8/9 fixed,
//! 80x/90x special rate); Netherlands: ACM/RDI nummerplan (9 digits, 06 mobile);
//! Poland: UKE plan numeracji (9 digits). Other assigned country codes are accepted
//! with a plausible NSN length (6–12 digits, at most 15 digits in all, per E.164).
//!
//! Lengths are kept a little wider than the strictest plan where operators differ
//! (German and Austrian numbers have variable length), because a missed number leaks
//! while a looser length only rarely admits a non-phone.
//!
//! # Look-alikes
//! Dates (`12.03.2024`, `2024-03-12`), IPv4 addresses, times (`14:30`, the colon ends a
//! run), prices (`1.234,50`: a run touching `,`/`.`/`:` + digit is dropped), codes glued
//! to a word (`v2.3.14`, `INV-4711-0815`, `#4711`), digits after a letters-and-digits
//! word or a two-letter country prefix (inside an IBAN, a VAT number `DE 123 456 789`)
//! and runs longer than any phone number (card numbers, tracking numbers) are rejected.
//! Numbers without a trunk prefix or country code must be grouped the way their country
//! writes phone numbers (3-2-4 is a US social security number, not a phone).
//!
//! # Scores
//! International and valid: 0.85 (`+`) / 0.8 (`00`); other assigned country codes 0.7.
//! National and valid, written with phone-like separators or brackets: 0.65 (NANP
//! `(615) 420-4427`, `030-1234567`). National as a bare digit run: 0.4; without trunk
//! prefix: 0.35–0.52. A phone word just before a weak candidate (Tel, Handy, erreichbar,
//! móvil, cellulare, …; see `PHONE_WORDS`) raises it by 0.2, a signature line
//! (`Name | 06641234567 | mail`) by 0.15, and the shared context step adds its own
//! boost — so `Tel. 01714203423` is found while a lone `01714203423` is not.
//! A business noun before the number ("Kundennummer", "order number", "NHS number")
//! lowers it by 0.6: the context step counts "number"/"Nummer" as a phone word, which
//! would otherwise cancel its own reference-word rule. A national-looking number typed
//! into a field that expects another kind is lowered by 0.3.
//! Service numbers (toll-free, shared-cost, premium: 0800, 0180x, 0900, +44 800, NANP
//! 8XX, …) belong to companies, not people: their score is lowered by 0.45, and the
//! context step lowers all phones after company words ("Hotline", "unser", "our").
//! Candidates that no context could lift over 0.5 are not emitted at all.

use super::util::Recognizer;
use crate::context::Window;
use crate::entity::Kind;
use crate::types::{Candidate, Input};
use crate::validate::e164::country_code;

pub(super) struct Phone;

impl Phone {
    pub(super) fn new() -> Phone {
        Phone
    }
}

/// Words that make a weak (bare or trunk-less) number a phone number when they stand
/// within a few words before it. Whole words; `*` = prefix.
const PHONE_WORDS: &[&str] = &[
    "tel",
    "telefon*",
    "telephone",
    "telefono",
    "teléfono",
    "téléphone",
    "telefoon",
    "tél",
    "phone*",
    "mobil*",
    "mobiel",
    "móvil",
    "handy*",
    "cell*",
    "portable",
    "fax",
    "call*",
    "anruf*",
    "anrufen",
    "ruf",
    "rufen",
    "rückruf*",
    "zurückruf*",
    "erreich*",
    "unter",
    "reach*",
    "text",
    "sms",
    "whatsapp",
    "signal",
    "numéro",
    "numero",
    "número",
    "llamar",
    "llámame",
    "llamada",
    "chiama*",
    "richiama*",
    "rappel*",
    "appel*",
    "joindre",
    "bel",
    "bellen",
    "gebeld",
    "teruggebeld",
    "terugbellen",
    "callback",
    "kontakt*",
    "contact*",
];

/// Phone words that are not also used for reference numbers ("number", "Nr").
const STRONG_PHONE_WORDS: &[&str] = &[
    "tel",
    "telefon*",
    "telephone",
    "telefono",
    "teléfono",
    "téléphone",
    "telefoon",
    "tél",
    "phone*",
    "mobil*",
    "mobiel",
    "móvil",
    "handy*",
    "cell*",
    "portable",
    "fax",
    "call*",
    "anruf*",
    "rückruf*",
    "zurückruf*",
    "whatsapp",
    "sms",
    "text",
    "callback",
    "erreich*",
    "reach*",
];

/// Words that say the number after them is a business reference. The shared context
/// step has `REFERENCE_WORDS`, but there "number"/"Nummer" also count as phone words
/// and cancel the reference; here the noun in front of "number" decides.
const BUSINESS_NUMBER_WORDS: &[&str] = &[
    "bestell*",
    "order*",
    "rechnung*",
    "invoice*",
    "ticket*",
    "auftrag*",
    "kunden*",
    "kd",
    "customer*",
    "client*",
    "cliente",
    "klant*",
    "account",
    "konto*",
    "member*",
    "mitglied*",
    "referenz*",
    "reference",
    "ref",
    "tracking*",
    "sendung*",
    "paket*",
    "artikel*",
    "sku",
    "ean",
    "vorgang*",
    "case",
    "fall*",
    "vertrag*",
    "contract*",
    "policy",
    "polizze*",
    "serial",
    "serien*",
    "produkt*",
    "product*",
    "gutschein*",
    "voucher",
    "transaktion*",
    "transaction*",
    "aktenzeichen",
    "booking*",
    "buchung*",
    "reservation*",
    "reservierung*",
    "pedido",
    "factura",
    "commande",
    "facture",
    "ordine",
    "fattura",
    "bestelling",
    "factuur",
    "id",
    // Identity and insurance numbers are often grouped like phone numbers.
    "nhs",
    "ssn",
    "ni",
    "nino",
    "bsn",
    "ahv*",
    "avs",
    "svnr",
    "sv-nummer",
    "sozialversicherung*",
    "versicherung*",
    "versicherten*",
    "insurance",
    "steuer*",
    "steuer-id",
    "tax",
    "tin",
    "nir",
    "dni",
    "nie",
    "nif",
    "ausweis*",
    "personalausweis*",
    "passport",
    "reisepass*",
    "kvnr",
    "card",
    "karte*",
    "kreditkarte*",
    "iban",
    "plz",
    "zip",
    "postcode",
];

/// Most digits a run may hold (`00` + 15-digit E.164 number).
const MAX_DIGITS: usize = 17;
/// Most digit groups considered.
const MAX_GROUPS: usize = 12;

const SEP_SPACE: u8 = 1;
const SEP_DASH: u8 = 2;
const SEP_DOT: u8 = 4;
const SEP_SLASH: u8 = 8;

/// A phone-like run of digits and separators, as read from the text.
struct Run {
    start: usize,
    end: usize,
    digits: [u8; MAX_DIGITS],
    n: usize,
    /// Digits per group, and the byte offset where each group ends.
    groups: [(u8, usize); MAX_GROUPS],
    ng: usize,
    /// The separator kinds (`SEP_*`) before each group (0 for the first or after a bracket).
    sep_before: [u8; MAX_GROUPS],
    plus: bool,
    trunk_paren: bool,
    paren: bool,
    seps: u8,
    too_long: bool,
}

impl Run {
    fn new(start: usize) -> Run {
        Run {
            start,
            end: start,
            digits: [0; MAX_DIGITS],
            n: 0,
            groups: [(0, 0); MAX_GROUPS],
            ng: 0,
            sep_before: [0; MAX_GROUPS],
            plus: false,
            trunk_paren: false,
            paren: false,
            seps: 0,
            too_long: false,
        }
    }

    fn push_digit(&mut self, d: u8) {
        if self.n < MAX_DIGITS {
            self.digits[self.n] = d;
            self.n += 1;
        } else {
            self.too_long = true;
        }
    }

    fn close_group(&mut self, len: usize, end: usize, sep: u8) {
        if len == 0 {
            return;
        }
        if self.ng < MAX_GROUPS {
            self.groups[self.ng] = (len.min(255) as u8, end);
            self.sep_before[self.ng] = sep;
            self.ng += 1;
        } else {
            self.too_long = true;
        }
    }

    fn international(&self) -> bool {
        self.plus || (self.n >= 3 && self.digits[0] == b'0' && self.digits[1] == b'0')
    }
}

fn sep_kind(c: u8) -> u8 {
    match c {
        b' ' => SEP_SPACE,
        b'-' => SEP_DASH,
        b'.' => SEP_DOT,
        b'/' => SEP_SLASH,
        _ => 0,
    }
}

/// Reads a run starting at `start` (a digit, `+` or `(`). Returns `None` when no run
/// starts here; the run's `end` is after its last digit or closing bracket.
fn read_run(b: &[u8], start: usize) -> Option<Run> {
    let mut r = Run::new(start);
    let mut p = start;
    let mut open_plus = false;
    if b[p] == b'(' && b.get(p + 1) == Some(&b'+') && b.get(p + 2).is_some_and(u8::is_ascii_digit) {
        r.plus = true;
        open_plus = true;
        r.paren = true;
        p += 2;
    } else if b[p] == b'+' {
        if !b.get(p + 1).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        r.plus = true;
        p += 1;
    }
    let mut glen = 0usize;
    let mut pending_sep = 0u8;
    loop {
        if p - start > 64 {
            r.too_long = true;
            break;
        }
        let Some(&c) = b.get(p) else {
            r.close_group(glen, p, pending_sep);
            break;
        };
        if c.is_ascii_digit() {
            r.push_digit(c);
            glen += 1;
            p += 1;
            r.end = p;
            continue;
        }
        // A group ends here.
        if glen > 0 {
            r.close_group(glen, p, pending_sep);
            glen = 0;
            pending_sep = 0;
        }
        if c == b')' && open_plus {
            open_plus = false;
            p += 1;
            r.end = p;
            continue;
        }
        if c == b'(' {
            if let Some(next) = paren_at(b, p) {
                match next {
                    Paren::Trunk(q) => {
                        r.trunk_paren = true;
                        if !r.international() {
                            r.push_digit(b'0');
                        }
                        p = q;
                    }
                    Paren::Group(close, q) => {
                        // "(030)" or "(615)": digits inside count as a group of their own.
                        for &d in &b[p + 1..close] {
                            r.push_digit(d);
                        }
                        r.close_group(close - p - 1, close + 1, pending_sep);
                        pending_sep = 0;
                        p = q;
                    }
                }
                r.paren = true;
                r.end = r.groups[..r.ng].last().map_or(p, |g| g.1).max(r.end);
                continue;
            }
            break;
        }
        if let Some((q, kind)) = separator_at(b, p) {
            if q < b.len() && (b[q].is_ascii_digit() || (b[q] == b'(' && paren_at(b, q).is_some())) {
                r.seps |= kind;
                pending_sep = kind;
                p = q;
                continue;
            }
        }
        break;
    }
    if r.n == 0 {
        return None;
    }
    // Keep consuming an over-long token so the caller skips it as a whole.
    if r.too_long {
        let mut q = r.end;
        while q < b.len() && (b[q].is_ascii_digit() || sep_kind(b[q]) != 0 || b[q] == b'(' || b[q] == b')') {
            q += 1;
        }
        r.end = q.max(r.end);
    }
    Some(r)
}

enum Paren {
    /// `(0)`, ends at the given offset.
    Trunk(usize),
    /// `(` 2–6 digits `)`: the offset of `)` and where the next group starts.
    Group(usize, usize),
}

fn paren_at(b: &[u8], p: usize) -> Option<Paren> {
    if b.get(p + 1) == Some(&b'0') && b.get(p + 2) == Some(&b')') {
        let q = p + 3;
        let q = if b.get(q) == Some(&b' ') { q + 1 } else { q };
        return b.get(q).is_some_and(u8::is_ascii_digit).then_some(Paren::Trunk(q));
    }
    let mut i = p + 1;
    while i < b.len() && b[i].is_ascii_digit() && i - p <= 7 {
        i += 1;
    }
    let len = i - p - 1;
    if !(2..=6).contains(&len) || b.get(i) != Some(&b')') {
        return None;
    }
    let mut q = i + 1;
    if let Some((s, _)) = separator_at(b, q) {
        q = s;
    }
    b.get(q).is_some_and(u8::is_ascii_digit).then_some(Paren::Group(i, q))
}

/// A separator at `p`: one of ` - . /`, or one of `- . /` with a space on either side.
/// Returns the offset after it and its kind.
fn separator_at(b: &[u8], p: usize) -> Option<(usize, u8)> {
    let c = *b.get(p)?;
    let k = sep_kind(c);
    if k == 0 {
        return None;
    }
    if c == b' ' {
        if let Some(&d) = b.get(p + 1) {
            let k2 = sep_kind(d);
            if k2 != 0 && d != b' ' {
                let q = if b.get(p + 2) == Some(&b' ') { p + 3 } else { p + 2 };
                return Some((q, k2));
            }
        }
        return Some((p + 1, SEP_SPACE));
    }
    if b.get(p + 1) == Some(&b' ') {
        return Some((p + 2, k));
    }
    Some((p + 1, k))
}

/// What an NSN is, by its leading digits.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Class {
    Mobile,
    Fixed,
    /// Toll-free, shared-cost, premium: numbers of businesses.
    Service,
    /// Valid, type not told apart.
    Other,
}

/// ISO code of the countries with their own rules.
fn iso(cc: u16) -> Option<&'static str> {
    Some(match cc {
        49 => "de",
        43 => "at",
        41 => "ch",
        44 => "gb",
        1 => "us",
        33 => "fr",
        39 => "it",
        34 => "es",
        31 => "nl",
        48 => "pl",
        32 => "be",
        352 => "lu",
        423 => "li",
        _ => return None,
    })
}

fn starts(d: &[u8], prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| d.starts_with(p.as_bytes()))
}

/// The class of national significant number `d` in country `cc`, if it is valid by
/// the country's plan; `Some(None)` if it is not; `None` for country codes without own
/// rules (those get the generic length check in `judge`).
fn nsn_class(cc: u16, d: &[u8]) -> Option<Option<Class>> {
    let n = d.len();
    if n == 0 {
        return Some(None);
    }
    let f = d[0];
    let r = match cc {
        49 => {
            if starts(d, &["800", "900", "180", "137", "138"]) {
                (10..=11).contains(&n).then_some(Class::Service)
            } else if d.starts_with(b"15") {
                (n == 11 || n == 10).then_some(Class::Mobile)
            } else if starts(d, &["16", "17"]) {
                (10..=11).contains(&n).then_some(Class::Mobile)
            } else if (b'2'..=b'9').contains(&f) {
                (6..=11).contains(&n).then_some(Class::Fixed)
            } else {
                None
            }
        }
        43 => {
            if starts(d, &["800", "810", "820", "821", "900", "901", "930", "931", "939"]) {
                (6..=13).contains(&n).then_some(Class::Service)
            } else if f == b'6' && (b'5'..=b'9').contains(&d.get(1).copied().unwrap_or(0)) {
                (8..=13).contains(&n).then_some(Class::Mobile)
            } else if (b'1'..=b'9').contains(&f) {
                (6..=12).contains(&n).then_some(Class::Fixed)
            } else {
                None
            }
        }
        41 => {
            if n != 9 || f < b'2' {
                None
            } else if starts(d, &["800", "840", "842", "844", "848", "900", "901", "906"]) {
                Some(Class::Service)
            } else if starts(d, &["75", "76", "77", "78", "79"]) {
                Some(Class::Mobile)
            } else {
                Some(Class::Fixed)
            }
        }
        44 => {
            if starts(d, &["800", "808"]) {
                (9..=10).contains(&n).then_some(Class::Service)
            } else if starts(d, &["84", "87", "9"]) {
                (n == 10).then_some(Class::Service)
            } else if f == b'7' {
                (n == 10).then_some(Class::Mobile)
            } else if f == b'1' {
                (9..=10).contains(&n).then_some(Class::Fixed)
            } else if f == b'2' {
                (n == 10).then_some(Class::Fixed)
            } else if f == b'3' || f == b'5' {
                (n == 10).then_some(Class::Other)
            } else {
                None
            }
        }
        1 => nanp(d),
        33 => {
            if n != 9 || f == b'0' {
                None
            } else if f == b'8' {
                Some(Class::Service)
            } else if f == b'6' || f == b'7' {
                Some(Class::Mobile)
            } else {
                Some(Class::Fixed)
            }
        }
        39 => {
            if starts(d, &["800", "803", "89"]) {
                (6..=10).contains(&n).then_some(Class::Service)
            } else if f == b'0' {
                // The plan admits 6 digits; in use, fixed numbers have 8 to 11.
                (8..=11).contains(&n).then_some(Class::Fixed)
            } else if f == b'3' {
                (9..=10).contains(&n).then_some(Class::Mobile)
            } else {
                None
            }
        }
        34 => {
            if n != 9 || f < b'5' {
                None
            } else if starts(d, &["80", "900", "901", "902", "905"]) {
                Some(Class::Service)
            } else if f == b'6' || starts(d, &["71", "72", "73", "74"]) {
                Some(Class::Mobile)
            } else {
                Some(Class::Fixed)
            }
        }
        31 => {
            if starts(d, &["800", "900", "906", "909"]) {
                (7..=10).contains(&n).then_some(Class::Service)
            } else if n != 9 || f == b'0' {
                None
            } else if d.starts_with(b"6") {
                Some(Class::Mobile)
            } else {
                Some(Class::Fixed)
            }
        }
        48 => {
            if n != 9 || f == b'0' {
                None
            } else if starts(d, &["800", "70"]) {
                Some(Class::Service)
            } else if starts(d, &["45", "50", "51", "53", "57", "60", "66", "69", "72", "73", "78", "79", "88"]) {
                Some(Class::Mobile)
            } else {
                Some(Class::Fixed)
            }
        }
        32 => {
            if f == b'0' {
                None
            } else if f == b'4' {
                (n == 9).then_some(Class::Mobile)
            } else if starts(d, &["800", "90", "70", "78"]) {
                (n == 8).then_some(Class::Service)
            } else {
                (n == 8).then_some(Class::Fixed)
            }
        }
        352 => (f != b'0' && (6..=11).contains(&n)).then_some(Class::Other),
        423 => (f != b'0' && (7..=9).contains(&n)).then_some(Class::Other),
        _ => return None,
    };
    Some(r)
}

/// NANP: NXX-NXX-XXXX, no N11 and no N9X area codes, no N11 exchanges; 8XX toll-free
/// and 900 premium are service numbers.
fn nanp(d: &[u8]) -> Option<Class> {
    if d.len() != 10 || d[0] < b'2' || d[3] < b'2' || d[1] == b'9' {
        return None;
    }
    if d[1] == b'1' && d[2] == b'1' {
        return None;
    }
    if d[4] == b'1' && d[5] == b'1' {
        return None;
    }
    if starts(d, &["800", "833", "844", "855", "866", "877", "888", "900"]) {
        return Some(Class::Service);
    }
    Some(Class::Other)
}

/// Countries whose national form starts with the trunk prefix 0.
const TRUNK0: &[u16] = &[49, 43, 41, 44, 33, 31];

/// True for a date (`12.03.2024`, `2024-03-12`, `12/03/24`) or an IPv4 address.
fn date_or_ip(r: &Run) -> bool {
    let g: Vec<usize> = r.groups[..r.ng].iter().map(|g| g.0 as usize).collect();
    let single_sep = r.seps.count_ones() == 1 && r.seps & SEP_SPACE == 0 && !r.paren;
    if !single_sep {
        return false;
    }
    let val =
        |from: usize, len: usize| r.digits[from..from + len].iter().fold(0u32, |a, &c| a * 10 + u32::from(c - b'0'));
    if g.len() == 3 {
        let (a, b, c) = (g[0], g[1], g[2]);
        if a <= 2 && b <= 2 && (c == 2 || c == 4) {
            let (x, y) = (val(0, a), val(a, b));
            return (1..=31).contains(&x) && (1..=31).contains(&y) && (x <= 12 || y <= 12);
        }
        if a == 4 && b <= 2 && c <= 2 {
            let (m, d) = (val(4, b), val(4 + b, c));
            return (1..=12).contains(&m) && (1..=31).contains(&d);
        }
    }
    if g.len() == 4 && r.seps == SEP_DOT && g.iter().all(|&l| l <= 3) {
        return true;
    }
    false
}

struct Verdict {
    score: f32,
    class: Option<Class>,
    country: Option<&'static str>,
    /// Needs a phone word (or field) to be reported: bare or trunk-less.
    weak: bool,
}

/// Reads `r` as a phone number.
fn judge(r: &Run) -> Option<Verdict> {
    if r.too_long || r.n < 6 || date_or_ip(r) {
        return None;
    }
    let d = &r.digits[..r.n];
    let formatted = r.ng > 1 || r.paren;
    if r.international() {
        let rest = if r.plus { d } else { &d[2..] };
        let (cc, cl) = country_code(rest)?;
        let mut nsn = &rest[cl..];
        let mut score = if r.plus { 0.85 } else { 0.8 };
        // A trunk 0 kept after the country code ("+49 0171 …") is a common slip.
        if nsn.first() == Some(&b'0') && cc != 39 {
            nsn = &nsn[1..];
            score -= 0.1;
        }
        if rest.len() > 15 || nsn.len() < 4 {
            return None;
        }
        let (class, country) = match nsn_class(cc, nsn) {
            Some(Some(c)) => (Some(c), iso(cc)),
            Some(None) => return None,
            None => {
                if !(6..=12).contains(&nsn.len()) {
                    return None;
                }
                score -= 0.15;
                (None, None)
            }
        };
        return Some(Verdict { score, class, country, weak: false });
    }
    if d[0] == b'0' {
        // National form with trunk prefix 0 (or an Italian number).
        let nsn = &d[1..];
        let mut best: Option<(Class, &'static str)> = None;
        // A service number if most plans that admit it say so: 0800 is free in all of
        // them, but 0911 is Nuremberg in DE and AT and premium-rate only in GB.
        let mut votes = 0i32;
        let mut n_countries = 0;
        for &cc in TRUNK0.iter() {
            if let Some(Some(c)) = nsn_class(cc, nsn) {
                n_countries += 1;
                votes += if c == Class::Service { 1 } else { -1 };
                if best.is_none() {
                    best = Some((c, iso(cc).unwrap_or("")));
                }
            }
        }
        if let Some(Some(c)) = nsn_class(39, d) {
            n_countries += 1;
            best.get_or_insert((c, "it"));
        }
        let service = votes > 0;
        let (class, country) = best?;
        let class = if service {
            Class::Service
        } else if class == Class::Service {
            Class::Other
        } else {
            class
        };
        let score = if formatted { 0.65 } else { 0.4 };
        return Some(Verdict {
            score,
            class: Some(class),
            country: (n_countries == 1).then_some(country),
            weak: !formatted,
        });
    }
    let groups: Vec<u8> = r.groups[..r.ng].iter().map(|g| g.0).collect();
    if d[0] == b'1' && r.n == 11 {
        let class = nanp(&d[1..])?;
        let ok_groups = matches!(groups.as_slice(), [1, 3, 3, 4] | [1, 3, 7] | [11]);
        if !ok_groups {
            return None;
        }
        let score = if formatted { 0.65 } else { 0.35 };
        return Some(Verdict { score, class: Some(class), country: Some("us"), weak: !formatted });
    }
    let nanp_verdict = if r.n == 10 {
        nanp(d).and_then(|class| {
            let score = match groups.as_slice() {
                [10] => 0.35,
                [3, 3, 4] if r.paren || r.seps & (SEP_DASH | SEP_DOT) != 0 => 0.65,
                [3, 3, 4] => 0.55,
                [3, 7] => 0.45,
                _ => return None,
            };
            Some(Verdict { score, class: Some(class), country: Some("us"), weak: score < 0.5 })
        })
    } else {
        None
    };
    if nanp_verdict.as_ref().is_some_and(|v| v.score >= 0.5) {
        return nanp_verdict;
    }
    let other = no_trunk(r, d, &groups);
    match (nanp_verdict, other) {
        (Some(a), Some(b)) => Some(if b.score > a.score { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// National numbers without trunk prefix: ES, PL (9 digits), IT mobile (9–10).
fn no_trunk(r: &Run, d: &[u8], groups: &[u8]) -> Option<Verdict> {
    let formatted = r.ng > 1 || r.paren;
    let mut best = None;
    for cc in [34u16, 48, 39] {
        if let Some(Some(c)) = nsn_class(cc, d) {
            best = Some((c, iso(cc)));
            break;
        }
    }
    let (class, _) = best?;
    // The groupings these countries use; 3-2-4 is a US social security number.
    let ok_groups =
        matches!(groups, [_] | [3, 3, 3] | [3, 2, 2, 2] | [3, 6] | [3, 7] | [3, 3, 4] | [2, 3, 2, 2] | [3, 3, 2, 2]);
    if !ok_groups {
        return None;
    }
    // Mobile ranges (ES 6/7, IT 3, PL 5/6/7/8…) grouped like a phone number are rarely
    // anything else; dot-grouped thousands ("612.345.678") are amounts.
    let thousands = r.seps == SEP_DOT && groups.iter().skip(1).all(|&g| g == 3);
    let score = match (formatted, class) {
        (true, Class::Mobile) if !thousands => 0.52,
        (true, _) => 0.45,
        _ => 0.35,
    };
    Some(Verdict { score, class: Some(class), country: None, weak: true })
}

/// True if the character before `start` allows a number to begin here.
fn start_ok(text: &str, b: &[u8], start: usize) -> bool {
    if start == 0 {
        return true;
    }
    let p = b[start - 1];
    if p.is_ascii_alphanumeric() || p == b'#' || p == b'_' || p == b'+' || p == b'@' || p == b'&' || p == b'=' {
        return false;
    }
    // Part of a longer token: "4711-0815", "INV-2024", "1.234", "12:30".
    if matches!(p, b'-' | b'/' | b'.' | b',' | b':') && start >= 2 {
        let q = b[start - 2];
        if q.is_ascii_alphanumeric() || (p != b':' && q >= 0x80 && prev_is_alpha(text, start - 1)) {
            return false;
        }
    }
    if p >= 0x80 && prev_is_alpha(text, start) {
        return false;
    }
    // After a country prefix of a VAT number ("DE 123 456 789", "GB 076 5269 40").
    if p == b' '
        && start >= 3
        && b[start - 2].is_ascii_uppercase()
        && b[start - 3].is_ascii_uppercase()
        && (start == 3 || !b[start - 4].is_ascii_alphanumeric())
    {
        return false;
    }
    // After a word of letters and digits ("DE89 3704 …", "ch79 0483 …"): the middle of
    // an IBAN or another code, not the start of a phone number.
    if p == b' ' && start >= 2 && b[start - 2].is_ascii_digit() {
        let mut k = start - 2;
        while k > 0 && b[k - 1].is_ascii_alphanumeric() {
            k -= 1;
        }
        if b[k..start - 1].iter().any(u8::is_ascii_alphabetic) {
            return false;
        }
    }
    true
}

fn prev_is_alpha(text: &str, pos: usize) -> bool {
    text.get(..pos).and_then(|s| s.chars().next_back()).is_some_and(char::is_alphanumeric)
}

/// True if the character at `end` allows a number to end here.
fn end_ok(text: &str, b: &[u8], end: usize) -> bool {
    let Some(&c) = b.get(end) else { return true };
    if c >= 0x80 {
        return !text.get(end..).and_then(|s| s.chars().next()).is_some_and(char::is_alphanumeric);
    }
    if c.is_ascii_alphanumeric() || matches!(c, b'%' | b'@' | b'_' | b'+') {
        return false;
    }
    let after = b.get(end + 1).copied().unwrap_or(b' ');
    match c {
        // "1.234,50", "12:30", "030.123.4" — a number goes on.
        b',' | b'.' | b':' => !after.is_ascii_digit(),
        // "0815-4711-AB", "2024/07/x".
        b'-' | b'/' => !after.is_ascii_alphanumeric(),
        _ => true,
    }
}

impl Recognizer for Phone {
    fn kinds(&self) -> &'static [Kind] {
        &[Kind::Phone]
    }

    fn find(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let b = input.bytes;
        if b.iter().filter(|c| c.is_ascii_digit()).take(6).count() < 6 {
            return;
        }
        // One window for every number of the text (its word buffers are reused).
        let mut win = Window::default();
        let mut i = 0;
        while i < b.len() {
            // Numbers start at a digit, '+' or '(': all in '('..='9'.
            i += crate::bytes::skip_to_range(&b[i..], b'(', b'9');
            if i >= b.len() {
                break;
            }
            let c = b[i];
            if !(c.is_ascii_digit() || c == b'+' || c == b'(') || !start_ok(input.text, b, i) {
                i += 1;
                continue;
            }
            let Some(run) = read_run(b, i) else {
                i += 1;
                continue;
            };
            let next = run.end.max(i + 1);
            if let Some((end, v)) = best_reading(&run, input.text, b) {
                let mut score = v.score;
                let service = v.class == Some(Class::Service);
                if service {
                    score -= 0.45;
                }
                // International numbers are rarely references; service numbers are
                // low already: only the others need the words around them.
                if !service && score < 0.8 {
                    win.fill(input.text, run.start, end);
                    if win.has(BUSINESS_NUMBER_WORDS, 3, 0) && !win.has(STRONG_PHONE_WORDS, 3, 0) {
                        // "customer number 992013168", "order number 7085056213": also
                        // cancels the boost "number" gets in the context step.
                        score -= 0.6;
                    } else if v.weak || score < 0.5 {
                        if win.has(PHONE_WORDS, 4, 0) {
                            score += 0.2;
                        } else if on_own_line(b, run.start, end) {
                            // A signature line: "Anna Gruber | 06641234567 | anna@…".
                            score += 0.15;
                        }
                    }
                }
                // A national-looking number typed into a field for something else
                // ("SSN", "USt-IdNr") is that something else.
                if input.field.expects.is_some_and(|k| k != Kind::Phone) && v.score < 0.8 {
                    score -= 0.3;
                }
                i = end.max(i + 1);
                // Context adds at most 0.3; only a phone field can lift more.
                if score + 0.3 < 0.5 && input.field.expects != Some(Kind::Phone) {
                    continue;
                }
                let mut cand = Candidate::new(Kind::Phone, run.start, end, score);
                cand.country = v.country;
                cand.subtype = match v.class {
                    Some(Class::Mobile) => Some("mobile"),
                    Some(Class::Fixed) => Some("fixed_line"),
                    Some(Class::Service) => Some("service"),
                    _ => None,
                };
                out.push(cand);
            } else {
                i = next;
            }
        }
    }
}

/// True if the number stands alone on its line or between `|` bars, and the text has
/// more than that line (a signature block, not a lone value typed into a field).
fn on_own_line(b: &[u8], start: usize, end: usize) -> bool {
    let mut i = start;
    while i > 0 && matches!(b[i - 1], b' ' | b'\t') {
        i -= 1;
    }
    let mut j = end;
    while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\r') {
        j += 1;
    }
    let before = if i == 0 { None } else { Some(b[i - 1]) };
    let after = b.get(j).copied();
    let alone_before = matches!(before, None | Some(b'\n' | b'|'));
    let alone_after = matches!(after, None | Some(b'\n' | b'|'));
    alone_before && alone_after && (before.is_some() || after.is_some())
}

/// The reading of the whole run; failing that, of the run without its last
/// space-separated groups (a number followed by another number-like word).
fn best_reading(run: &Run, text: &str, b: &[u8]) -> Option<(usize, Verdict)> {
    if run.too_long {
        return None;
    }
    if !end_ok(text, b, run.end) {
        return None;
    }
    // "0171 2345678 18 Uhr": a short group after a long one is not part of the number.
    let g = &run.groups[..run.ng];
    let odd_tail =
        run.ng >= 3 && g[run.ng - 1].0 <= 2 && g[run.ng - 2].0 >= 5 && run.sep_before[run.ng - 1] == SEP_SPACE;
    if !odd_tail {
        if let Some(v) = judge(run) {
            return Some((run.end, v));
        }
    }
    // Drop trailing groups that follow a plain space.
    let mut ng = run.ng;
    while ng > 2 {
        if run.sep_before[ng - 1] != SEP_SPACE {
            return None;
        }
        ng -= 1;
        let mut r = Run::new(run.start);
        let keep_digits: usize = run.groups[..ng].iter().map(|g| g.0 as usize).sum::<usize>()
            + usize::from(run.trunk_paren && !run.international());
        r.digits[..keep_digits.min(MAX_DIGITS)].copy_from_slice(&run.digits[..keep_digits.min(MAX_DIGITS)]);
        r.n = keep_digits.min(MAX_DIGITS);
        r.groups[..ng].copy_from_slice(&run.groups[..ng]);
        r.sep_before[..ng].copy_from_slice(&run.sep_before[..ng]);
        r.ng = ng;
        r.plus = run.plus;
        r.trunk_paren = run.trunk_paren;
        r.paren = run.paren;
        r.seps = run.sep_before[1..ng].iter().fold(0, |a, &s| a | s);
        r.end = run.groups[ng - 1].1;
        if let Some(v) = judge(&r) {
            return Some((r.end, v));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field::FieldClass;

    fn find(t: &str) -> Vec<(String, f32)> {
        let input = Input::new(t, FieldClass::default());
        let mut out = Vec::new();
        Phone::new().find(&input, &mut out);
        out.into_iter().map(|c| (t[c.start..c.end].to_string(), c.score)).collect()
    }

    #[test]
    fn spans_cover_the_whole_number() {
        for (t, want) in [
            ("Tel +49 (0)30 1234 5678.", "+49 (0)30 1234 5678"),
            ("x 0664/1234567 y", "0664/1234567"),
            ("(030) 12345678", "(030) 12345678"),
            ("0043 1 234 56 78", "0043 1 234 56 78"),
            ("+44 (0)7432 492368", "+44 (0)7432 492368"),
            ("(615) 420-4427", "(615) 420-4427"),
            ("+1-512-589-3622", "+1-512-589-3622"),
            ("030-1234567", "030-1234567"),
            ("+41 44 668 18 00", "+41 44 668 18 00"),
            ("06 12 34 56 78", "06 12 34 56 78"),
            ("+39 333 123 4567", "+39 333 123 4567"),
            ("(+49) 171 2345678", "(+49) 171 2345678"),
            ("0650 / 5438467", "0650 / 5438467"),
        ] {
            let got = find(t);
            assert_eq!(got.first().map(|g| g.0.as_str()), Some(want), "{t}");
        }
    }

    #[test]
    fn look_alikes() {
        for t in [
            "14:30 Uhr",
            "am 12.03.2024",
            "2024-03-12",
            "1.234,50 €",
            "v2.3.14",
            "192.168.100.200",
            "1234 5678 9012 3456",
        ] {
            assert!(find(t).iter().all(|g| g.1 < 0.5), "{t}: {:?}", find(t));
        }
    }

    #[test]
    fn lengths() {
        assert!(nsn_class(41, b"446681800") == Some(Some(Class::Fixed)));
        assert!(nsn_class(41, b"44668180") == Some(None));
        assert!(nanp(b"6154204427").is_some());
        assert!(nanp(b"6151204427").is_none());
        assert!(nanp(b"9114204427").is_none());
    }
}
