//! Identity, tax and health insurance numbers: national ids (DE Steuer-IdNr, DE
//! Rentenversicherungsnummer, DE Personalausweis / Reisepass, AT SVNR, CH AHV, US SSN,
//! UK NINO, FR NIR, IT codice fiscale, ES DNI / NIE, NL BSN, PL PESEL, IE PPSN), VAT
//! numbers with their country prefix (AT DE CHE FR IT ES NL BE PL GB and the other EU
//! prefixes), the German and Austrian Steuernummer (`taxno`), DE KVNR and UK NHS
//! numbers.
//!
//! # How candidates are found
//!
//! All these values are short runs of letters and digits, written compact
//! (`12345678901`) or in groups (`12 345 678 901`, `756.1234.5678.97`,
//! `CHE-123.456.789`, `QQ 12 34 56 C`). Instead of one pattern per format the scan
//! jumps from digit to digit; around each it collects the *region* of ASCII
//! letter/digit tokens joined by exactly one space, dot or hyphen, or by a slash
//! between two digit groups (`12/345/67890`; only tax office numbers are read from
//! runs with a slash) (a letters-only
//! word of more than four letters ends a region: no id contains one). Every run of
//! whole tokens of a region whose compact form has 9–16 characters (8 for the Irish
//! PPSN) and at least 6
//! digits is classified by its shape (all digits and how many; where the letters
//! are) and handed to the matching validators in `crate::validate`. A run never cuts
//! a digit group: a run that starts or ends next to another digit token is skipped
//! (so `+43 664 1234567` offers no 10-digit `664 1234567`, and the groups of a card
//! number or IBAN offer nothing), nor one that ends inside a code joined by hyphens
//! or dots (`14-C9-67-08-72-24`). Pure-digit runs right after `+` or `)` are phone
//! numbers and skipped, as are runs glued to `,` `:` `/` and a digit (amounts,
//! times, `2024/07/1452`) or to a non-ASCII letter. Letters-only document numbers
//! (below) are found by a second, table-driven pass over the bytes. Each byte is
//! looked at a bounded number of times (a run is at most 16 characters), so the
//! recogniser is linear.
//!
//! # Scores
//!
//! The shape alone decides the base score; context words decide the rest.
//!
//! - **Strong formats** (letters in fixed places or a country prefix, plus a check
//!   digit or a strict structure) score high without any context: VAT numbers with a
//!   valid prefix and check digit (0.9), `CHE-…` (0.9, including a following
//!   `MWST` / `TVA` / `IVA`, which belongs to the span), codice fiscale (0.95), NIE
//!   (0.85), DNI (0.75), RVNR (0.85), NINO (0.8; no check digit, so not `validated`),
//!   NIR (0.85 grouped, 0.75 compact), AHV with the 756 prefix (0.85 grouped, 0.7
//!   compact), KVNR (0.6).
//! - **Weak pure-digit formats** (Steuer-IdNr, AT SVNR, NHS, BSN, SSN) collide with
//!   order, invoice and customer numbers. Written in their usual grouping
//!   (`12 345 678 901`, `1234 010180`, `943 476 5919`, `1234.56.782`, `123-45-6789`)
//!   they start at 0.55, so a reference word (`REFERENCE_WORDS`: Bestellnummer,
//!   Auftragsnummer, order, invoice, ticket, Kundennummer …) pushes them under the
//!   threshold; compact or oddly grouped they start at 0.15 and need a word naming
//!   them or a form field that expects them. A 3-3-4 NHS number that could also be a
//!   North American phone number (area code and exchange starting with 2–9) starts
//!   at 0.45 and needs the word "NHS".
//! - **Document numbers** (Personalausweis, Reisepass: 9–10 characters of the
//!   serial alphabet, which has no vowels, so ordinary words never fit) are only
//!   reported after a word such as "Ausweis", "Reisepass", "passport" (or in a field
//!   that expects a national id).
//! - **Numbers that need their name**: PESEL (11 digits, like the Steuer-IdNr), PPSN
//!   (7 digits and a letter, like article codes), and the German and Austrian
//!   Steuernummer (the German one has no public check digit) are only reported after
//!   a word naming them ("PESEL", "PPS number", "Steuernummer", "St.-Nr.",
//!   "Abgabenkontonummer") or in a field that expects them.
//! - VAT numbers of EU prefixes without an implemented check digit (`eu_vat`), and
//!   lower-case two-letter prefixes written apart from the digits (`de 123456789` is
//!   more often Spanish or French "de" than a German VAT number), need a VAT word.
//!   A VAT number with the right prefix and length but a wrong check digit is only
//!   reported in a field that asks for a VAT number or after a VAT word (0.7) —
//!   like a typo'd IBAN after "IBAN", it is still somebody's tax number.
//!
//! A word naming the specific number (`Steuer-ID`, `SVNR`, `AHV`, `SSN`, `NHS`, `BSN`,
//! `Versichertennummer`, …) anywhere in the 8 words before it (or 2 after) raises it to
//! 1.0, so that the generic "Nummer" / "number" of its label (a reference word in
//! `crate::context`) cannot push it under the threshold — unless a real business
//! reference word (Auftragsnummer, invoice …) stands nearer than the naming word, in
//! which case the naming word is ignored. These words are matched whole or as a
//! prefix of German compounds, and with one typo (not in the first letter) for words
//! of six letters or more ("Reisepaasnummer", "Setuer-ID"): chat text is typed fast.
//! A phone word (Tel., phone, Hotline, mobil …) closer than any naming word drops a
//! weak pure-digit candidate: it is a phone number. Candidates that no context could
//! lift over the threshold are not reported at all, unless the field asks for them.
//!
//! # Which kind wins when several validators accept the same characters
//!
//! 1. The number whose own word stands nearest before (or after) it wins:
//!    `SSN 123456782` is an SSN even though the digits also pass the BSN test.
//! 2. Without such a word, the field the text was typed into decides if it expects
//!    one of the kinds.
//! 3. Otherwise the grouping decides: 9 digits `3-2-4` → SSN, `4.2.3` → BSN; 10
//!    digits `3-3-4` → NHS, `4-6` / `4-2-2-2` → SVNR.
//! 4. Otherwise a fixed order: for 9 digits BSN (it has a check digit) before SSN
//!    (a range check only); for 10 digits SVNR (date plus check digit) before NHS;
//!    for a letter and 9 digits KVNR before a Personalausweis number (which needs
//!    its word anyway); a document serial starting with C F G H J K is a Reisepass,
//!    any other a Personalausweis. Polish NIP numbers are only taken with the `PL`
//!    prefix, so they never compete with bare 10-digit numbers.
//! 5. Between overlapping runs of one region: a verified check digit, then the
//!    longer run, then the higher score (as in `crate::resolve`).
//!
//! # Where things are
//! This file finds the regions and runs and keeps the best reading per run; the
//! numbers themselves are in `national` (national ids and identity documents),
//! `health` (KVNR, NHS), `vat` (VAT numbers and their prefixes) and `taxno` (the
//! Steuernummer); `classify` reads a
//! run by its shape, `words` chooses a reading by the words around it, `tok` holds the
//! byte classes and tokens, `spec` the types they share.

mod classify;
mod health;
mod national;
mod spec;
mod taxno;
mod tok;
mod vat;
mod words;

use super::util::{Reach, Recognizer};
use crate::entity::Kind;
use crate::types::{Candidate, Input};
use classify::{classify, is_doc_token};
use spec::{Alt, Hit, Shape};
use tok::{doc_words, is, Tok, DIGIT, WIDE};
use words::{choose, Words};

pub(super) struct Ids;

impl Ids {
    /// The kinds this recogniser finds (the registry builds it only for a scanner with
    /// one of them on).
    pub(super) const KINDS: &'static [Kind] = &[Kind::NationalId, Kind::TaxVatId, Kind::HealthInsuranceId];

    pub(super) fn new() -> Ids {
        Ids
    }
}

impl Recognizer for Ids {
    /// A naming or reference word among the eight words before a value, two after it; a value of at most 61 bytes, overlapping readings up to 121 bytes on.
    fn reach(&self) -> Reach {
        Reach::NEAR
    }

    fn kinds(&self) -> &'static [Kind] {
        Self::KINDS
    }

    fn find(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let b = input.bytes;
        let mut toks = Vec::new();
        let mut scratch = Scratch::default();
        let mut hits = Vec::new();
        // Regions around digits: jump from digit to digit.
        let mut i = 0;
        loop {
            let off = crate::bytes::skip_to_range(&b[i..], b'0', b'9');
            if i + off >= b.len() {
                break;
            }
            let t = Tok::starting_at(b, Tok::ending_at(b, i + off).s);
            // A region: the linked tokens around this one that can be part of an id.
            toks.clear();
            // The linked tokens before it (at most four), nearest first, each with its
            // separator to the token after it: reading forward from the farthest one
            // would give them again (`next` undoes `prev`), so they are taken as read.
            let mut back = [t; 4];
            let mut m = 0;
            // What lies before the region's first token, when read here.
            let mut before_first = None;
            while m < 4 {
                let p = if m == 0 { t } else { back[m - 1] }.prev(b);
                match p {
                    Some(p) if p.joins() => {
                        back[m] = p;
                        m += 1;
                    }
                    _ => {
                        before_first = Some(p);
                        break;
                    }
                }
            }
            for k in (0..m).rev() {
                toks.push(back[k]);
            }
            let mut cur = t;
            loop {
                match cur.next(b) {
                    Some(n) if n.joins() => {
                        cur.sep = n.sep;
                        toks.push(cur);
                        cur = Tok { sep: 0, ..n };
                    }
                    _ => {
                        toks.push(cur);
                        break;
                    }
                }
            }
            scan_region(input, &toks, before_first, &mut scratch, &mut hits);
            i = cur.e;
        }
        // Document numbers may be letters only (tokens with digits were seen above).
        for (s, e) in doc_words(b) {
            doc_token(input, s, e, &mut toks, &mut scratch, &mut hits);
        }
        for h in hits {
            let mut c = Candidate::new(h.kind, h.start, h.end, h.score);
            c.subtype = Some(h.sub);
            c.validated = h.validated;
            c.country = (!h.country.is_empty()).then_some(h.country);
            out.push(c);
        }
    }
}

/// Buffers reused from run to run: the compact form and group lengths of the run being
/// read, and the words around a candidate.
#[derive(Default)]
struct Scratch {
    compact: Vec<u8>,
    groups: Vec<u8>,
    alts: Vec<Alt>,
    words: Words,
}

/// Classifies a letters-only document number candidate at `s..e`.
fn doc_token(input: &Input<'_>, s: usize, e: usize, toks: &mut Vec<Tok>, scratch: &mut Scratch, hits: &mut Vec<Hit>) {
    toks.clear();
    toks.push(Tok { s, e, digits: 0, sep: 0 });
    scan_region(input, toks, None, scratch, hits);
}

/// True if the character before byte `s` or at byte `e` is a non-ASCII letter (the
/// run is part of a longer word like `Müller12`).
fn glued_to_word(text: &str, s: usize, e: usize) -> bool {
    let b = text.as_bytes();
    (s > 0 && b[s - 1] >= 0x80 && text[..s].chars().next_back().is_some_and(char::is_alphanumeric))
        || (e < b.len() && b[e] >= 0x80 && text[e..].chars().next().is_some_and(char::is_alphanumeric))
}

/// Classifies the runs of the region `toks`. `first_prev`: the token before the first
/// one (`prev` of it), if the caller has read it already.
fn scan_region(
    input: &Input<'_>,
    toks: &[Tok],
    first_prev: Option<Option<Tok>>,
    scratch: &mut Scratch,
    hits: &mut Vec<Hit>,
) {
    let b = input.bytes;
    let Scratch { compact, groups, alts, words } = scratch;
    let first = hits.len();
    // Every id has at least 6 digits, except document numbers (one token).
    let total: usize = toks.iter().map(|t| t.digits).sum();
    if total < 6 && !toks.iter().any(|t| is_doc_token(&b[t.s..t.e])) {
        return;
    }
    // The token after the region's last one, read once (when a run reaches it).
    let mut after_last: Option<Option<Tok>> = None;
    for i in 0..toks.len() {
        // Never start inside a digit group or a code joined by hyphens or dots
        // (`14-C9-67-08-72-24`). Each token of a region is the `next` of the one before
        // it, and `prev` reads back exactly that token and separator.
        let prev = if i > 0 { Some(toks[i - 1]) } else { first_prev.unwrap_or_else(|| toks[0].prev(b)) };
        if let Some(p) = prev {
            if p.sep != WIDE && ((is(b[toks[i].s], DIGIT) && is(b[p.e - 1], DIGIT)) || (p.sep != b' ' && p.digits > 0))
            {
                continue;
            }
        }
        compact.clear();
        groups.clear();
        let mut digits = 0;
        let mut seps = 0u8; // bit 0: space, 1: dot, 2: hyphen, 3: slash, 4: wide gap
        for j in i..toks.len() {
            let t = toks[j];
            if compact.len() + (t.e - t.s) > 16 {
                break;
            }
            if j > i {
                seps |= match toks[j - 1].sep {
                    b' ' => 1,
                    b'.' => 2,
                    b'/' => 8,
                    WIDE => 16,
                    _ => 4,
                };
            }
            compact.extend(b[t.s..t.e].iter().map(u8::to_ascii_uppercase));
            groups.push((t.e - t.s) as u8);
            digits += t.digits;
            let n = compact.len();
            // 8 characters: only the Irish PPSN (7 digits and a letter).
            if n < 8 || (digits < 6 && i != j) {
                continue;
            }
            // Never cut a digit group, nor end inside a hyphen/dot code.
            let next = if j + 1 < toks.len() {
                Some(Tok { sep: t.sep, ..toks[j + 1] })
            } else {
                *after_last.get_or_insert_with(|| t.next(b))
            };
            if let Some(nx) = next {
                let sep = if j + 1 < toks.len() { t.sep } else { nx.sep };
                if sep != WIDE
                    && ((is(b[t.e - 1], DIGIT) && is(b[nx.s], DIGIT))
                        || (sep != b' ' && (nx.digits > 0 || nx.e - nx.s <= 2)))
                {
                    continue;
                }
            }
            let start = toks[i].s;
            let end = t.e;
            if glued_number(b, start, end) || glued_to_word(input.text, start, end) {
                continue;
            }
            let shape =
                Shape { groups, seps, lower_prefix: i < j && toks[i].digits == 0 && b[start].is_ascii_lowercase() };
            classify(compact, digits, &shape, i == j, alts);
            if alts.is_empty() {
                continue;
            }
            // A pure-digit run right after `+` or `)` is a phone number.
            let phone_lead = digits == n && prev.is_none() && {
                let mut k = start;
                while k > 0 && b[k - 1] == b' ' {
                    k -= 1;
                }
                k > 0 && matches!(b[k - 1], b'+' | b')')
            };
            if let Some(h) = choose(input, alts, start, end, phone_lead, words) {
                let mut end = end;
                if h.sub == "ch_uid" && t.sep == b' ' {
                    if let Some(nx) = t.next(b) {
                        let w = &b[nx.s..nx.e];
                        if ["MWST", "TVA", "IVA"].iter().any(|x| w.eq_ignore_ascii_case(x.as_bytes())) {
                            end = nx.e;
                        }
                    }
                }
                hits.push(Hit { i, j, start, end, ..h });
            }
        }
    }
    // Keep the best of overlapping runs: validated, then longer, then higher score.
    let mine = &mut hits[first..];
    if mine.len() > 1 {
        crate::sort::sort_by(mine, |x, y| {
            y.validated
                .cmp(&x.validated)
                .then((y.end - y.start).cmp(&(x.end - x.start)))
                .then(y.score.total_cmp(&x.score))
                .then(x.start.cmp(&y.start))
        });
        let mut kept: Vec<Hit> = Vec::new();
        for h in hits.drain(first..) {
            if kept.iter().all(|k| h.j < k.i || h.i > k.j) {
                kept.push(h);
            }
        }
        hits.extend(kept);
    }
}

/// True if the run is glued to `,` `:` `/` and a digit on either side (an amount,
/// a time, `2024/07/1452`).
fn glued_number(b: &[u8], s: usize, e: usize) -> bool {
    let glue = |c: u8| matches!(c, b',' | b':' | b'/');
    (s >= 2 && glue(b[s - 1]) && b[s - 2].is_ascii_digit() && b[s].is_ascii_digit())
        || (e + 1 < b.len() && glue(b[e]) && b[e + 1].is_ascii_digit() && b[e - 1].is_ascii_digit())
}
