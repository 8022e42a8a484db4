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
//! geographic, 07 mobile, 03/08/09 non-geographic); North America: NANPA, NANP
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
//! Service numbers (toll-free, shared-cost, premium: 0800, 0180x, 0900, +44 800, UK
//! 03, NANP 8XX, …) belong to companies, not people: they are not reported, whatever
//! the words around them, except in a field that asks for a phone number (there they
//! start 0.45 lower). The context step lowers all other phones after company words
//! ("Hotline", "unser", "our").
//! Candidates that no context could lift over 0.5 are not emitted at all.

mod plan;
mod run;
mod words;

use super::util::{Reach, Recognizer};
use crate::context::Window;
use crate::entity::Kind;
use crate::types::{Candidate, Input};
use crate::validate::e164::country_code;
use crate::words::names::TITLES;
use plan::{iso, nanp, nsn_class, Class, TRUNK0};
use run::{end_ok, read_run, start_ok, Run, MAX_DIGITS, MAX_GROUPS, SEP_DASH, SEP_DOT, SEP_SPACE};
use words::{BUSINESS_NUMBER_WORDS, PHONE_WORDS, STRONG_PHONE_WORDS};

pub(super) struct Phone;

impl Phone {
    /// The kinds this recogniser finds (the registry builds it only for a scanner with
    /// one of them on).
    pub(super) const KINDS: &'static [Kind] = &[Kind::Phone];

    pub(super) fn new() -> Phone {
        Phone
    }
}

/// True for a date (`12.03.2024`, `2024-03-12`, `12/03/24`) or an IPv4 address.
fn date_or_ip(r: &Run) -> bool {
    let single_sep = r.seps.count_ones() == 1 && r.seps & SEP_SPACE == 0 && !r.paren;
    if !single_sep {
        return false;
    }
    let lens = group_lens(r);
    let g = &lens[..r.ng];
    let val =
        |from: usize, len: usize| r.digits[from..from + len].iter().fold(0u32, |a, &c| a * 10 + u32::from(c - b'0'));
    if g.len() == 3 {
        let (a, b, c) = (usize::from(g[0]), usize::from(g[1]), usize::from(g[2]));
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

/// The digit counts of the groups of `r` (the first `r.ng` entries), without allocating.
fn group_lens(r: &Run) -> [u8; MAX_GROUPS] {
    let mut lens = [0u8; MAX_GROUPS];
    for (l, g) in lens.iter_mut().zip(&r.groups[..r.ng]) {
        *l = g.0;
    }
    lens
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
    let lens = group_lens(r);
    let groups = &lens[..r.ng];
    if d[0] == b'1' && r.n == 11 {
        let class = nanp(&d[1..])?;
        let ok_groups = matches!(groups, [1, 3, 3, 4] | [1, 3, 7] | [11]);
        if !ok_groups {
            return None;
        }
        let score = if formatted { 0.65 } else { 0.35 };
        return Some(Verdict { score, class: Some(class), country: Some("us"), weak: !formatted });
    }
    let nanp_verdict = if r.n == 10 {
        nanp(d).and_then(|class| {
            let score = match groups {
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
    let other = no_trunk(r, d, groups);
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

impl Recognizer for Phone {
    /// A title, business or phone word among the four words before a number of at most 86 bytes with its extension.
    fn reach(&self) -> Reach {
        Reach::NEAR
    }

    fn kinds(&self) -> &'static [Kind] {
        Self::KINDS
    }

    fn find(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let b = input.bytes;
        if b.iter().filter(|c| c.is_ascii_digit()).take(6).count() < 6 {
            return;
        }
        // One window for every number of the text (its word buffers are reused).
        let mut win = Window::default();
        let mut run = Run::new(0);
        let mut i = 0;
        while i < b.len() {
            i = next_start(b, i);
            if i >= b.len() {
                break;
            }
            let c = b[i];
            if !(c.is_ascii_digit() || c == b'+' || c == b'(') {
                i += 1;
                continue;
            }
            if !start_ok(input.text, b, i) {
                // No number starts at the other digits of this digit group either: each
                // follows a digit (`DE89370400…`, `12.03.2024`).
                i += 1;
                if c.is_ascii_digit() {
                    while i < b.len() && b[i].is_ascii_digit() {
                        i += 1;
                    }
                }
                continue;
            }
            if !read_run(b, i, &mut run) {
                i += 1;
                continue;
            }
            let next = run.end.max(i + 1);
            if let Some((end, v)) = best_reading(&run, input.text, b) {
                let mut score = v.score;
                let service = v.class == Some(Class::Service);
                // A service number is a company's: reported only where a phone field
                // asks for one (no word around it can make it a person's).
                if service && input.field.expects != Some(Kind::Phone) {
                    i = extension_end(b, end).max(i + 1);
                    continue;
                }
                if service {
                    score -= 0.45;
                }
                // International numbers are rarely references; service numbers are
                // low already: only the others need the words around them.
                if !service && score < 0.8 {
                    win.fill(input.text, run.start, end);
                    // "Kd. Hr. Schulte-Bernd, 0221 …": a title between a business word and
                    // the number makes the business word name the person, not the number.
                    let reach = win.before.iter().take(3).position(|w| TITLES.contains(&w.as_str())).unwrap_or(3);
                    if win.has(BUSINESS_NUMBER_WORDS, reach, 0) && !win.has(STRONG_PHONE_WORDS, 3, 0) {
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
                // ("SSN", "USt-IdNr") is that something else. Kept here, not in the
                // scanner's field stage (`scanner::stage`): it applies before
                // context, and the lowered score decides below whether to propose it.
                if input.field.expects.is_some_and(|k| k != Kind::Phone) && v.score < 0.8 {
                    score -= 0.3;
                }
                let end = extension_end(b, end);
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

/// The first byte at or after `i` where a number may start, or `b.len()`. A run starts
/// at a digit, at `+` or `(` right before one, or at `(+` before one (see
/// `run::read_run`): no `+` or `(` farther from a digit starts anything, so the search
/// jumps from digit to digit (eight bytes a step) instead of stopping at every `,`,
/// `-`, `.` and `/` of the prose in between.
fn next_start(b: &[u8], i: usize) -> usize {
    let d = i + crate::bytes::skip_to_range(&b[i..], b'0', b'9');
    if d >= b.len() {
        return d;
    }
    if d >= i + 2 && b[d - 2] == b'(' && b[d - 1] == b'+' {
        d - 2
    } else if d > i && matches!(b[d - 1], b'+' | b'(') {
        d - 1
    } else {
        d
    }
}

/// Words that introduce an extension written right after a number ("x112",
/// "ext. 204", "Durchwahl 12", "DW 33", "poste 14"), in lower case.
const EXTENSION_WORDS: &[&[u8]] =
    &[b"extension", b"ext", b"x", b"durchwahl", b"dw", b"klappe", b"kl", b"poste", b"int", b"interno", b"nst"];

/// The end of the number ending at `end` with its extension, if one follows: up to
/// two spaces, an [`EXTENSION_WORDS`] word (maybe with a dot or colon), and one to
/// five digits standing alone. The labelling convention puts the extension inside.
fn extension_end(b: &[u8], end: usize) -> usize {
    let mut i = end;
    while i < b.len() && i - end < 2 && matches!(b[i], b' ' | b'\t') {
        i += 1;
    }
    let ws = i;
    while i < b.len() && b[i].is_ascii_alphabetic() {
        i += 1;
    }
    let word = b[ws..i].to_ascii_lowercase();
    if word.is_empty() || !EXTENSION_WORDS.contains(&word.as_slice()) {
        return end;
    }
    if i < b.len() && matches!(b[i], b'.' | b':') {
        i += 1;
    }
    let spaced = i < b.len() && b[i] == b' ';
    if spaced {
        i += 1;
    }
    let ds = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let glued = i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] >= 0x80);
    let after_dot_digit = i + 1 < b.len() && matches!(b[i], b'.' | b',' | b'/' | b'-') && b[i + 1].is_ascii_digit();
    if !(1..=5).contains(&(i - ds)) || glued || after_dot_digit || (ws == end && word != b"x") {
        return end;
    }
    i
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
