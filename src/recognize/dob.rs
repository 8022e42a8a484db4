//! Dates of birth.
//!
//! Any date can be a birth date; almost every date in a support chat is not (deliveries,
//! appointments, contract terms). So a date is found by its shape, validated as a real
//! calendar date with a plausible birth year, and then given a **low base score**
//! (0.2): it is only reported when the words around it ("geb.", "geboren am",
//! "Geburtsdatum", "born on", "DOB", "né le", …, see `context::positive`) or a form field
//! ("Geburtsdatum", `autocomplete=bday`) say it is a birth date.
//!
//! Shapes (numbers may be full-width; the normaliser folds them):
//! - `12.03.1985`, `12.3.85`, `12. 3. 1985` — day first (German, Dutch, French usage);
//! - `12/03/1985`, `03/12/1985`, `12-03-1985`, `5/8/68` — day or month first: accepted
//!   when either reading is a valid date (a US form writes month first);
//! - `1985-03-12` (ISO 8601), `1985/03/12`;
//! - `12. März 1985`, `12 March 1985`, `12th of March 1985`, `12 de marzo de 1985`,
//!   `March 12, 1985`, `Mar. 12th 1985` with month names and common abbreviations in
//!   German (incl. Austrian `Jänner`, `Feber`), English, French, Italian, Spanish, Dutch.
//!
//! Validation: day within the month (leap years per the Gregorian rule), year
//! 1900..=current year; a two-digit year is read as 20yy if that is not in the future,
//! else 19yy. A bare year ("Jahrgang 1985") is not a date and not reported.
//!
//! Two signs say "birth date" without a birth word next to the date: the
//! genealogical birth sign `*` right before it ("Anna Gruber, *12.03.1985"), and the
//! header of the table column it stands in (pasted tables with tab, `|` or `;`
//! cells: a column headed "Geb.", "DOB", "Geburtsdatum"). In a table of three or
//! more columns, a column headed by another word ("Termin", "Datum") holds no birth
//! dates, whatever words stand in the rows around.
//!
//! Dates that are clearly something else are not even proposed: an appointment,
//! delivery, contract, call-back or validity word near the date ("Termin am",
//! "Lieferung", "gültig bis", "effective", "seit") suppresses it unless a birth word
//! stands right next to the date — so "date" or "am" alone never make a birth date.
//! A birth word with one typing slip next to the date ("borrn on", "gebroen") counts
//! as a birth word here.
//!
//! Cost: dates are found by their shape in one pass over the digits; a date without a
//! birth word in the context window is not proposed (its window read, no candidate),
//! so appointment-heavy chats stay cheap. Everything that decides a date lies around
//! it (no test of the whole text, which a rescan reading a part of it could not
//! repeat): within [`Reach::NEAR`], and in a table up to its header row.

use super::util::{has_typo_tolerant, Reach, Recognizer};
use crate::case::Lowercase;
use crate::context::{self, Window};
use crate::entity::Kind;
use crate::table::{CELL_SEPS, HEADER_REACH};
use crate::types::{Candidate, Input};
use shape::{Months, Parts};

mod named;
mod shape;

pub(super) struct Dob {
    months: Months,
    this_year: u32,
}

/// Month names and abbreviations (lower case) → month number.
const MONTHS: &[(&str, u32)] = &[
    // German (with Austrian Jänner/Feber)
    ("januar", 1),
    ("jänner", 1),
    ("jaenner", 1),
    ("februar", 2),
    ("feber", 2),
    ("märz", 3),
    ("maerz", 3),
    ("april", 4),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("august", 8),
    ("september", 9),
    ("oktober", 10),
    ("november", 11),
    ("dezember", 12),
    ("jän", 1),
    ("mär", 3),
    ("mrz", 3),
    ("okt", 10),
    ("dez", 12),
    // English
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("october", 10),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    // French
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("janv", 1),
    ("févr", 2),
    ("fév", 2),
    ("avr", 4),
    ("juil", 7),
    // Italian
    ("gennaio", 1),
    ("febbraio", 2),
    ("marzo", 3),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("agosto", 8),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    // Spanish
    ("enero", 1),
    ("febrero", 2),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    // Dutch
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mei", 5),
    ("augustus", 8),
];

/// Birth words recognised even with one typing slip.
const BIRTH_WORDS: &[&str] = &[
    "born",
    "geboren",
    "birth",
    "birthday",
    "geburtsdatum",
    "geburtstag",
    "geboortedatum",
    "naissance",
    "nascita",
    "nacimiento",
    "urodzenia",
    "urodzony",
    "urodzona",
];

/// Words that make a date something other than a birth date.
const NOT_BIRTH: &[&str] = &[
    "termin*",
    "appointment*",
    "liefer*",
    "lieferung*",
    "delivery",
    "deliver*",
    "seit",
    "ab",
    "bis",
    "vertrag*",
    "vertrags*",
    "contract*",
    "kündig*",
    "effective",
    "rückruf*",
    "callback",
    "call",
    "meeting*",
    "besprechung*",
    "buchung*",
    "booking*",
    "reservierung*",
    "reservation*",
    "rechnung*",
    "invoice*",
    "bestell*",
    "order*",
    "gültig*",
    "valid*",
    "expir*",
    "ablauf*",
    "until",
    "since",
    "due",
    "fällig*",
    "frist*",
    "deadline",
    "zahlung*",
    "payment*",
    "versand*",
    "shipping",
    "shipped",
    "ausgestellt",
    "issued",
    "unfall*",
    "accident",
    "schaden*",
    "damage*",
    "storno*",
    "anreise",
    "abreise",
    "arrival",
    "departure",
    "flug*",
    "flight",
    "preferred",
    "wunschtermin",
    "besuch*",
    "visit",
    "start*",
    "beginn*",
    "ende",
    "end",
    "laufzeit",
    "kündigungs*",
    "preis*",
    "price*",
    "tarif*",
    "erhöh*",
    "reparatur*",
    "repair*",
    "installation",
    "montage",
    "abholung",
    "pickup",
    "rendez-vous",
    "livraison",
    "appuntamento",
    "consegna",
    "cita",
    "entrega",
    "afspraak",
    "levering",
    "dal",
    "desde",
    "hasta",
    "fino",
    "jusqu",
    "depuis",
    "vanaf",
    "tot",
];

/// The month names in the order the date shape tries them: longest first. The shape
/// ignores ASCII case only, so the capitals of accented names ("MÄRZ", "FÉVRIER") are
/// listed too.
fn month_names() -> Vec<String> {
    let upper = MONTHS.iter().filter(|m| !m.0.is_ascii()).map(|m| upper_latin1(m.0));
    let mut names: Vec<String> = MONTHS.iter().map(|m| m.0.to_string()).chain(upper).collect();
    crate::sort::sort_by_key(&mut names, |n| std::cmp::Reverse(n.len()));
    names
}

/// `s` upper-cased as `str::to_uppercase` does for ASCII and the Latin-1 letters
/// `à`–`þ` (all that month names hold; a test checks each), without the standard
/// library's case tables.
fn upper_latin1(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'à'..='þ' if c != '÷' => char::from_u32(c as u32 - 0x20).unwrap_or(c),
            _ => c.to_ascii_uppercase(),
        })
        .collect()
}

impl Dob {
    /// The kinds this recogniser finds (the registry builds it only for a scanner with
    /// one of them on).
    pub(super) const KINDS: &'static [Kind] = &[Kind::DateOfBirth];

    pub(super) fn new() -> Dob {
        let names = month_names();
        Dob { months: Months::new(&names.iter().map(String::as_str).collect::<Vec<_>>()), this_year: current_year() }
    }

    /// True if the year of the date is at least 14 years back (a customer old enough to
    /// write their own details).
    fn born_long_ago(&self, b: &[u8], p: &Parts) -> bool {
        let y = match p {
            Parts::DayMonthYear { y, .. } | Parts::DayName { y, .. } | Parts::NameDay { y, .. } => y,
            Parts::YearMonthDay { y, .. } => y,
        };
        self.full_year(&b[y.clone()]) + 14 <= self.this_year
    }

    /// The year the digits `y` spell; two digits are the latest year of this century
    /// not after this year, else of the last ("89" → 1989, "05" → 2005).
    fn full_year(&self, y: &[u8]) -> u32 {
        let n = y.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
        if y.len() != 2 {
            n
        } else if 2000 + n <= self.this_year {
            2000 + n
        } else {
            1900 + n
        }
    }

    /// The date a match spells, if it is a valid birth date.
    fn date_of(&self, b: &[u8], p: &Parts) -> bool {
        let num = |g: &std::ops::Range<usize>| b[g.clone()].iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
        let year = |g: &std::ops::Range<usize>| self.full_year(&b[g.clone()]);
        let ok = |y: u32, m: u32, d: u32| (1900..=self.this_year).contains(&y) && valid_day(y, m, d);
        let named = |n: &std::ops::Range<usize>| {
            let v = String::from_utf8_lossy(&b[n.clone()]).lowercase();
            MONTHS.iter().find(|(k, _)| *k == v).map(|(_, m)| *m)
        };
        match p {
            Parts::DayMonthYear { d, s1, m, s2, y } => {
                let (d, m, y) = (num(d), num(m), year(y));
                if b[s1.start] != b[s2.start] {
                    return false;
                }
                if b[s1.start] == b'.' {
                    ok(y, m, d)
                } else {
                    ok(y, m, d) || ok(y, d, m)
                }
            }
            Parts::YearMonthDay { y, s3, m, s4, d } => b[s3.clone()] == b[s4.clone()] && ok(num(y), num(m), num(d)),
            Parts::DayName { d, n, y } | Parts::NameDay { n, d, y } => named(n).is_some_and(|m| ok(num(y), m, num(d))),
        }
    }
}

fn valid_day(y: u32, m: u32, d: u32) -> bool {
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// The current year (UTC). In the browser build the clock is not read; the year the
/// crate was released with is used, so a birth date from this year may be dropped.
#[cfg(not(target_arch = "wasm32"))]
fn current_year() -> u32 {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    // Days → civil year (H. Hinnant's algorithm).
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year as u32).max(RELEASE_YEAR)
}

#[cfg(target_arch = "wasm32")]
fn current_year() -> u32 {
    RELEASE_YEAR
}

/// Lower bound for "the current year".
const RELEASE_YEAR: u32 = 2026;

impl Recognizer for Dob {
    fn kinds(&self) -> &'static [Kind] {
        Self::KINDS
    }

    /// A birth word, a word that rules the date out or a slipped birth word in the
    /// context window around the date, the birth sign right before it, a name before
    /// it on its line (two or three words) and the line after it, and the date itself,
    /// of a few words: as far as the identifier kinds read. A table's header row lies
    /// further ([`Recognizer::reach_in_tables`]).
    fn reach(&self) -> Reach {
        Reach::NEAR
    }

    /// The header of the date's column, up to [`HEADER_REACH`] bytes above it
    /// ([`birth_column`]).
    fn reach_in_tables(&self) -> Reach {
        Reach::LONGEST
    }

    fn find(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let b = input.bytes;
        if !b.iter().any(u8::is_ascii_digit) {
            return;
        }
        let field = input.field.expects == Some(Kind::DateOfBirth);
        // One window for every date of the text (its word buffers are reused). Of a
        // part, only the dates starting where its candidates are kept are looked for.
        let mut w = Window::default();
        let from = shape::restart_before(b, input.wanted.start.min(b.len()));
        for (s, parts) in shape::dates_from(b, &self.months, from) {
            if s >= input.wanted.end {
                break;
            }
            if !input.wants(s) {
                continue;
            }
            let mut e = shape::end(&parts);
            if !boundary(b, s, e) {
                continue;
            }
            // "12. März 1985." keeps its sentence period outside (the pattern ends in digits).
            while e > s && b[e - 1] == b' ' {
                e -= 1;
            }
            if !input.text.is_char_boundary(s) || !input.text.is_char_boundary(e) {
                continue;
            }
            let mut score = 0.2;
            // In a birth-date field the words are not read (the scanner's field stage
            // raises the date, see `scanner::stage`), so a slipped birth word does not
            // set 0.75 there.
            let column = if field { None } else { birth_column(input.text, s) };
            if column == Some(false) {
                // A table column headed by another word ("Termin", "Datum").
                continue;
            }
            if !field
                && (column == Some(true)
                    || birth_sign(b, s)
                    || named::after_name_on_its_line(input.text, s, e) && self.born_long_ago(b, &parts))
            {
                // "*12.03.1985", a table column headed "Geb." / "DOB", or a name on the
                // line before it ("Marco Tanner, 13.08.1978"): the sign, the header or
                // the block says it, whatever other words stand in the row.
                score = 0.75;
            } else if !field {
                w.fill(input.text, s, e);
                let positive = context::positive(Kind::DateOfBirth);
                // Read widest first: without a birth word in the window the context
                // step reads, only a slipped birth word can make a birth date.
                let birth_wide = w.has(positive, context::WINDOW_BEFORE, 2);
                let birth_near = birth_wide && w.has(positive, 3, 2);
                // "borrn on", "gebroen": a typed slip of a birth word counts too.
                let slip = !birth_near
                    && (has_typo_tolerant(&w.before, 3, BIRTH_WORDS) || has_typo_tolerant(&w.after, 2, BIRTH_WORDS));
                if slip {
                    score = 0.75;
                } else if !birth_wide || (!birth_near && w.has(NOT_BIRTH, 4, 2)) {
                    // An appointment or delivery word near the date, or no birth word in
                    // the window the context step reads: not proposed at all.
                    continue;
                }
            }
            // Whether the date is valid is read last: most dates fall at the context
            // test first.
            if !self.date_of(b, &parts) {
                continue;
            }
            let mut cand = Candidate::new(Kind::DateOfBirth, s, e, score);
            cand.subtype = Some("date");
            out.push(cand);
        }
    }
}

/// The genealogical birth sign: `*` right before the date (one space allowed), itself
/// at the start of a word ("Anna Gruber, *12.03.1985", "(* 5.5.89)"). A `* ` at the
/// start of a line is a list bullet, not the sign.
fn birth_sign(b: &[u8], s: usize) -> bool {
    let mut k = s;
    let spaced = k > 0 && b[k - 1] == b' ';
    if spaced {
        k -= 1;
    }
    let line_start = k == 1 || (k >= 2 && b[k - 2] == b'\n');
    k > 0
        && b[k - 1] == b'*'
        && !(spaced && line_start)
        && (k == 1 || matches!(b[k - 2], b' ' | b'(' | b',' | b';' | b'\t' | b'\n' | b'['))
}

/// What the header of the table column the date at byte `s` stands in says (cells
/// split by tabs, `|` or `;`): the header is the nearest cell of that column above
/// without digits, in the rows of the same table. `Some(true)` for a birth word
/// ("Geb.", "DOB", "Geburtsdatum", "Date of birth"); `Some(false)` for another header
/// in a table of at least three columns (a two-column "label, value" list is read by
/// its words instead); `None` outside a table or without a header within
/// [`HEADER_REACH`] bytes (see [`crate::table`]: a rescan reads no further back).
fn birth_column(text: &str, s: usize) -> Option<bool> {
    let line_start = text[..s].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[s..].find('\n').map_or(text.len(), |i| s + i);
    let line = &text[line_start..line_end];
    let sep = CELL_SEPS.iter().map(|&c| char::from(c)).find(|&c| line.contains(c))?;
    let col = text[line_start..s].matches(sep).count();
    let wide = line.matches(sep).count() >= 2;
    let mut end = line_start;
    // Up to 50 rows above, while they are rows of the same table.
    for _ in 0..50 {
        if end == 0 {
            return None;
        }
        let above = &text[..end - 1];
        let start = above.rfind('\n').map_or(0, |i| i + 1);
        if s - start > HEADER_REACH {
            return None;
        }
        let row = &above[start..];
        if !row.contains(sep) {
            return None;
        }
        let cell = row.split(sep).nth(col).map(str::trim).unwrap_or("");
        if !cell.is_empty() && !cell.bytes().any(|c| c.is_ascii_digit()) {
            let cell = cell.lowercase();
            let birth = cell
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| context::matches_any(w, context::positive(Kind::DateOfBirth)));
            return (birth || wide).then_some(birth);
        }
        end = start;
    }
    None
}

/// A date must not continue a longer number or word (`1.12.03.1985`, `x12.03.1985`).
fn boundary(b: &[u8], s: usize, e: usize) -> bool {
    let before = s == 0 || {
        let p = b[s - 1];
        !(p.is_ascii_alphanumeric()
            || p >= 0x80
            || (matches!(p, b'.' | b'/' | b'-' | b',') && s >= 2 && b[s - 2].is_ascii_digit()))
    };
    let after = e >= b.len() || {
        let n = b[e];
        !(n.is_ascii_alphanumeric()
            || n >= 0x80
            || (matches!(n, b'.' | b'/' | b'-' | b',' | b':') && e + 1 < b.len() && b[e + 1].is_ascii_digit()))
    };
    before && after
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field::FieldClass;

    #[test]
    fn month_names_upper_case_as_std() {
        for (m, _) in MONTHS {
            assert_eq!(upper_latin1(m), m.to_uppercase(), "{m}");
        }
    }

    fn found(t: &str) -> Vec<String> {
        let d = Dob::new();
        let input = Input::new(t, FieldClass::default());
        let mut out = Vec::new();
        d.find(&input, &mut out);
        out.iter().map(|c| t[c.start..c.end].to_string()).collect()
    }

    /// A date after a name and a comma on its line is read the same alone and after
    /// other text, with one space after the comma, two or none: what stands elsewhere
    /// (a comma and a space before some digit) decides nothing.
    #[test]
    fn a_date_after_a_name_is_read_where_it_stands() {
        let scores = |t: &str| {
            let mut out = Vec::new();
            Dob::new().find(&Input::new(t, FieldClass::default()), &mut out);
            out.iter().map(|c| (t[c.start..c.end].to_string(), c.score)).collect::<Vec<_>>()
        };
        for gap in [", ", ",  ", ","] {
            let block = format!("Marco Tanner{gap}13.08.1978\nKirchgasse 11\n5400 Baden");
            let alone = scores(&block);
            assert_eq!(alone, [("13.08.1978".to_string(), 0.75)], "{block:?}");
            assert_eq!(scores(&format!("Wir sind zu 3 und kommen am Montag.\n\n{block}")), alone, "{block:?}");
            assert_eq!(scores(&format!("Zimmer 4, 2 Nächte.\n\n{block}")), alone, "{block:?}");
        }
    }

    #[test]
    fn shapes() {
        assert_eq!(found("geb. 12.03.1985"), ["12.03.1985"]);
        assert_eq!(found("geb. 12. März 1985"), ["12. März 1985"]);
        assert_eq!(found("born March 12, 1985."), ["March 12, 1985"]);
        assert_eq!(found("DOB 12th of March 1985"), ["12th of March 1985"]);
        assert_eq!(found("nacido el 12 de marzo de 1985"), ["12 de marzo de 1985"]);
        assert_eq!(found("DOB 08/24/2007"), ["08/24/2007"]);
        assert_eq!(found("geb. 1985-03-12"), ["1985-03-12"]);
        assert_eq!(found("geb. 12. Sept. 1985"), ["12. Sept. 1985"]);
    }

    #[test]
    fn invalid() {
        assert!(found("geb. 30.02.1985").is_empty());
        assert!(found("geb. 29.02.1985").is_empty());
        assert_eq!(found("geb. 29.02.1988"), ["29.02.1988"]);
        assert!(found("geb. 12.03.1885").is_empty());
        assert!(found("geb. 12.03.2999").is_empty());
        assert!(found("geb. 12.13.1985").is_empty());
        assert!(found("Ticket 1.12.03.1985").is_empty());
    }

    #[test]
    fn appointments_are_not_proposed() {
        assert!(found("Termin am 07.03.1995 um 17 Uhr").is_empty());
        assert!(found("Vertrag seit 01.01.2001").is_empty());
    }
}
