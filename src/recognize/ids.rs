//! Identity, tax and health insurance numbers: national ids (DE Steuer-IdNr, DE
//! Rentenversicherungsnummer, DE Personalausweis / Reisepass, AT SVNR, CH AHV, US SSN,
//! UK NINO, FR NIR, IT codice fiscale, ES DNI / NIE, NL BSN), VAT numbers with their
//! country prefix (AT DE CHE FR IT ES NL BE PL GB and the other EU prefixes), DE KVNR
//! and UK NHS numbers.
//!
//! # How candidates are found
//!
//! All these values are short runs of letters and digits, written compact
//! (`12345678901`) or in groups (`12 345 678 901`, `756.1234.5678.97`,
//! `CHE-123.456.789`, `QQ 12 34 56 C`). Instead of one pattern per format the scan
//! jumps from digit to digit; around each it collects the *region* of ASCII
//! letter/digit tokens joined by exactly one space, dot or hyphen (a letters-only
//! word of more than four letters ends a region: no id contains one). Every run of
//! whole tokens of a region whose compact form has 9–16 characters and at least 6
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

use super::util::Recognizer;
use crate::context::{matches_any, REFERENCE_WORDS};
use crate::entity::Kind;
use crate::types::{Candidate, Input};
use crate::validate;

pub(super) struct Ids;

impl Ids {
    pub(super) fn new() -> Ids {
        Ids
    }
}

/// One kind of number: what it is reported as, and the words that name it.
struct Spec {
    kind: Kind,
    sub: &'static str,
    country: &'static str,
    hot: &'static [&'static str],
}

const NAT: Kind = Kind::NationalId;
const VAT: Kind = Kind::TaxVatId;
const HEALTH: Kind = Kind::HealthInsuranceId;

const STEUER: Spec = Spec {
    kind: NAT,
    sub: "de_steuer_idnr",
    country: "de",
    hot: &[
        "steuer-id*",
        "steuerid*",
        "idnr",
        "id-nr",
        "identifikationsnummer",
        "steueridentifikationsnummer",
        "steuer-identifikationsnummer*",
        "steueridentifikation*",
        "steuernummer",
        "tin",
        "steuer",
    ],
};
const RVNR: Spec = Spec {
    kind: NAT,
    sub: "de_rvnr",
    country: "de",
    hot: &[
        "rvnr",
        "rv-nummer",
        "rv-nr",
        "rentenversicherung*",
        "sozialversicherung*",
        "sv-nummer",
        "svnr",
        "versicherungsnummer",
    ],
};
const IDCARD: Spec = Spec {
    kind: NAT,
    sub: "de_idcard",
    country: "de",
    hot: &[
        "ausweis*",
        "personalausweis*",
        "perso",
        "id-karte",
        "idcard",
        "id-card",
        "identity",
        "identitätskarte",
        "dokumentennummer",
    ],
};
const PASSPORT: Spec = Spec {
    kind: NAT,
    sub: "de_passport",
    country: "de",
    hot: &["reisepass*", "pass", "passnummer", "pass-nr", "passnr", "passport*"],
};
const SVNR: Spec = Spec {
    kind: NAT,
    sub: "at_svnr",
    country: "at",
    hot: &["svnr", "sv-nummer", "sv-nr", "vsnr", "sozialversicherung*", "versicherungsnummer", "e-card", "ecard"],
};
const AHV: Spec = Spec {
    kind: NAT,
    sub: "ch_ahv",
    country: "ch",
    hot: &["ahv*", "avs", "navs*", "ahv-nr", "ahv-nummer", "sozialversicherung*", "versicherungsnummer"],
};
const SSN: Spec = Spec { kind: NAT, sub: "us_ssn", country: "us", hot: &["ssn", "social", "security"] };
const NINO: Spec = Spec { kind: NAT, sub: "uk_nino", country: "gb", hot: &["nino", "ni", "national", "insurance"] };
const NIR: Spec = Spec {
    kind: NAT,
    sub: "fr_nir",
    country: "fr",
    hot: &["nir", "sécurité", "securite", "sociale", "insee", "sécu", "secu"],
};
const CF: Spec = Spec { kind: NAT, sub: "it_codice_fiscale", country: "it", hot: &["codice", "fiscale", "cf"] };
const DNI: Spec = Spec { kind: NAT, sub: "es_dni", country: "es", hot: &["dni", "nif", "documento"] };
const NIE: Spec = Spec { kind: NAT, sub: "es_nie", country: "es", hot: &["nie", "nif", "extranjero"] };
const BSN: Spec = Spec {
    kind: NAT,
    sub: "nl_bsn",
    country: "nl",
    hot: &["bsn", "burgerservicenummer", "sofinummer", "sofi-nummer", "sofi"],
};
const KVNR: Spec = Spec {
    kind: HEALTH,
    sub: "de_kvnr",
    country: "de",
    hot: &[
        "kvnr",
        "krankenversicherung*",
        "krankenkasse*",
        "versichertennummer",
        "krankenversichertennummer",
        "versicherten*",
        "gesundheitskarte",
        "egk",
        "kasse",
    ],
};
const NHS: Spec = Spec { kind: HEALTH, sub: "uk_nhs", country: "gb", hot: &["nhs"] };

/// Words naming a VAT number, for every VAT subtype.
const VAT_WORDS: &[&str] = &[
    "uid*",
    "ust*",
    "ust-id*",
    "ustid*",
    "vat",
    "mwst",
    "tva",
    "iva",
    "btw*",
    "umsatzsteuer*",
    "partita",
    "nip",
    "tax",
    "mehrwertsteuer*",
    "vies",
];

const fn vat(sub: &'static str, country: &'static str) -> Spec {
    Spec { kind: VAT, sub, country, hot: VAT_WORDS }
}
const AT_UID: Spec = vat("at_uid", "at");
const DE_VAT: Spec = vat("de_vat", "de");
const CH_UID: Spec = vat("ch_uid", "ch");
const FR_VAT: Spec = vat("fr_vat", "fr");
const IT_VAT: Spec = vat("it_vat", "it");
const ES_VAT: Spec = vat("es_vat", "es");
const NL_VAT: Spec = vat("nl_vat", "nl");
const BE_VAT: Spec = vat("be_vat", "be");
const PL_VAT: Spec = vat("pl_vat", "pl");
const GB_VAT: Spec = vat("gb_vat", "gb");
const EU_VAT: Spec = Spec { kind: VAT, sub: "eu_vat", country: "", hot: VAT_WORDS };

/// Words that make a bare digit run a phone number.
const PHONE_WORDS: &[&str] = &[
    "tel",
    "tel.",
    "telefon*",
    "phone*",
    "hotline*",
    "mobil*",
    "handy*",
    "fax",
    "call*",
    "anruf*",
    "rückruf*",
    "ruf",
    "rufen",
    "whatsapp",
    "erreichbar",
    "bel",
    "bellen",
    "telefoon*",
    "telefono",
    "téléphone",
    "llamar",
    "chiamare",
    "appeler",
    "cell",
    "festnetz",
];

/// Reference words that are also part of the labels of personal numbers.
const GENERIC_WORDS: &[&str] = &["no", "nr", "nummer", "number", "#", "v"];

/// Base scores (see the module documentation). A naming word gives 1.0, so that a
/// generic "Nummer"/"number" next to it (a reference word in `crate::context`)
/// cannot push the value under the threshold.
const HOT: f32 = 1.0;
const WEAK_GROUPED: f32 = 0.55;
const WEAK_PLAIN: f32 = 0.15;
const DOC_NO_WORD: f32 = 0.2;
const NANP_LIKE: f32 = 0.45;
const VAT_BAD_CHECK: f32 = 0.15;
const VAT_BAD_WORD: f32 = 0.7;
const DOC_WORD_REF: f32 = 0.6;

/// How many words before a candidate are searched for its own words.
const WORDS_BEFORE: usize = 8;
/// How many words after it.
const WORDS_AFTER: usize = 2;

/// One interpretation of a run of tokens.
struct Alt {
    spec: &'static Spec,
    /// Score without a naming word.
    plain: f32,
    /// Score with a naming word.
    hot: f32,
    /// Score with a naming word when a business reference word stands nearer.
    word_plain: f32,
    validated: bool,
    /// A pure-digit value that is easily confused with other numbers.
    weak: bool,
    /// Only reported with a naming word (or a field expecting it).
    needs_word: bool,
}

impl Alt {
    fn new(spec: &'static Spec, plain: f32, validated: bool) -> Alt {
        Alt { spec, plain, hot: HOT.max(plain), word_plain: plain, validated, weak: false, needs_word: false }
    }
}

/// Byte classes for the scanning loops.
const ALNUM: u8 = 1;
const DIGIT: u8 = 2;
/// A character of German identity document serial numbers: digits and the
/// consonants C F G H J K L M N P R T V W X Y Z (no vowels, so words never fit).
const DOC: u8 = 4;
const SEP: u8 = 8;
/// A letter of [`DOC`].
const DOC_LETTER: u8 = 16;

static CLASS: [u8; 256] = classes();

const fn classes() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        let mut v = 0;
        if c.is_ascii_alphanumeric() {
            v |= ALNUM;
        }
        if c.is_ascii_digit() {
            v |= DIGIT | DOC;
        }
        let u = c.to_ascii_uppercase();
        if c.is_ascii_alphabetic()
            && matches!(
                u,
                b'C' | b'F'
                    | b'G'
                    | b'H'
                    | b'J'
                    | b'K'
                    | b'L'
                    | b'M'
                    | b'N'
                    | b'P'
                    | b'R'
                    | b'T'
                    | b'V'
                    | b'W'
                    | b'X'
                    | b'Y'
                    | b'Z'
            )
        {
            v |= DOC | DOC_LETTER;
        }
        if matches!(c, b' ' | b'.' | b'-') {
            v |= SEP;
        }
        t[i] = v;
        i += 1;
    }
    t
}

fn is(b: u8, class: u8) -> bool {
    CLASS[b as usize] & class != 0
}

/// A maximal run of ASCII letters and digits.
#[derive(Clone, Copy)]
struct Tok {
    s: usize,
    e: usize,
    digits: usize,
    /// The separator (space, dot, hyphen) to the next token of the same run, or 0.
    sep: u8,
}

impl Tok {
    /// The token that ends at `end` (exclusive).
    fn ending_at(b: &[u8], end: usize) -> Tok {
        let mut s = end;
        let mut digits = 0;
        while s > 0 && is(b[s - 1], ALNUM) {
            s -= 1;
            digits += usize::from(is(b[s], DIGIT));
        }
        Tok { s, e: end, digits, sep: 0 }
    }

    /// The token that starts at `start`.
    fn starting_at(b: &[u8], start: usize) -> Tok {
        let mut e = start;
        let mut digits = 0;
        while e < b.len() && is(b[e], ALNUM) {
            digits += usize::from(is(b[e], DIGIT));
            e += 1;
        }
        Tok { s: start, e, digits, sep: 0 }
    }

    /// Letters-only tokens of more than four letters are words: they end a run.
    fn joins(&self) -> bool {
        self.digits > 0 || self.e - self.s <= 4
    }

    /// The token before this one, joined by exactly one separator.
    fn prev(&self, b: &[u8]) -> Option<Tok> {
        let s = self.s;
        (s >= 2 && is(b[s - 1], SEP) && is(b[s - 2], ALNUM)).then(|| Tok { sep: b[s - 1], ..Tok::ending_at(b, s - 1) })
    }

    /// The token after this one, joined by exactly one separator.
    fn next(&self, b: &[u8]) -> Option<Tok> {
        let e = self.e;
        (e + 1 < b.len() && is(b[e], SEP) && is(b[e + 1], ALNUM))
            .then(|| Tok { sep: b[e], ..Tok::starting_at(b, e + 1) })
    }
}

/// A classified run: tokens `i..=j` of the region.
struct Hit {
    i: usize,
    j: usize,
    start: usize,
    end: usize,
    kind: Kind,
    sub: &'static str,
    country: &'static str,
    score: f32,
    validated: bool,
}

impl Recognizer for Ids {
    fn kinds(&self) -> &'static [Kind] {
        &[Kind::NationalId, Kind::TaxVatId, Kind::HealthInsuranceId]
    }

    fn find(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let b = input.bytes;
        let mut toks = Vec::new();
        let mut compact = Vec::with_capacity(24);
        let mut groups = Vec::with_capacity(16);
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
            let mut first = t;
            let mut back = 0;
            while back < 4 {
                match first.prev(b) {
                    Some(p) if p.joins() => {
                        first = p;
                        back += 1;
                    }
                    _ => break,
                }
            }
            let mut cur = first;
            loop {
                match cur.next(b) {
                    Some(n) if n.joins() || n.s <= t.s => {
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
            scan_region(input, &toks, &mut compact, &mut groups, &mut hits);
            i = cur.e;
        }
        // Document numbers may be letters only (tokens with digits were seen above).
        for (s, e) in doc_words(b) {
            doc_token(input, s, e, &mut toks, &mut compact, &mut groups, &mut hits);
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

/// Whole words (maximal runs of [`ALNUM`] bytes) of 9 or 10 [`DOC_LETTER`]s, left to
/// right, found from the runs of at least 9 document letters.
fn doc_words(b: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    super::util::runs(b, 9, |x| is(x, DOC_LETTER))
        .filter(|&(s, e)| e - s <= 10 && (s == 0 || !is(b[s - 1], ALNUM)) && (e == b.len() || !is(b[e], ALNUM)))
}

/// Classifies a letters-only document number candidate at `s..e`.
fn doc_token(
    input: &Input<'_>,
    s: usize,
    e: usize,
    toks: &mut Vec<Tok>,
    compact: &mut Vec<u8>,
    groups: &mut Vec<u8>,
    hits: &mut Vec<Hit>,
) {
    toks.clear();
    toks.push(Tok { s, e, digits: 0, sep: 0 });
    scan_region(input, toks, compact, groups, hits);
}

/// True if the character before byte `s` or at byte `e` is a non-ASCII letter (the
/// run is part of a longer word like `Müller12`).
fn glued_to_word(text: &str, s: usize, e: usize) -> bool {
    let b = text.as_bytes();
    (s > 0 && b[s - 1] >= 0x80 && text[..s].chars().next_back().is_some_and(char::is_alphanumeric))
        || (e < b.len() && b[e] >= 0x80 && text[e..].chars().next().is_some_and(char::is_alphanumeric))
}

fn scan_region(input: &Input<'_>, toks: &[Tok], compact: &mut Vec<u8>, groups: &mut Vec<u8>, hits: &mut Vec<Hit>) {
    let b = input.bytes;
    let first = hits.len();
    // Every id has at least 6 digits, except document numbers (one token).
    let total: usize = toks.iter().map(|t| t.digits).sum();
    if total < 6 && !toks.iter().any(|t| is_doc_token(&b[t.s..t.e])) {
        return;
    }
    for i in 0..toks.len() {
        // Never start inside a digit group or a code joined by hyphens or dots
        // (`14-C9-67-08-72-24`).
        let prev = toks[i].prev(b);
        if let Some(p) = prev {
            if (is(b[toks[i].s], DIGIT) && is(b[p.e - 1], DIGIT)) || (p.sep != b' ' && p.digits > 0) {
                continue;
            }
        }
        compact.clear();
        groups.clear();
        let mut digits = 0;
        let mut seps = 0u8; // bit 0: space, 1: dot, 2: hyphen
        for j in i..toks.len() {
            let t = toks[j];
            if compact.len() + (t.e - t.s) > 16 {
                break;
            }
            if j > i {
                seps |= match toks[j - 1].sep {
                    b' ' => 1,
                    b'.' => 2,
                    _ => 4,
                };
            }
            compact.extend(b[t.s..t.e].iter().map(u8::to_ascii_uppercase));
            groups.push((t.e - t.s) as u8);
            digits += t.digits;
            let n = compact.len();
            if n < 9 || (digits < 6 && i != j) {
                continue;
            }
            // Never cut a digit group, nor end inside a hyphen/dot code.
            let next = if j + 1 < toks.len() { Some(Tok { sep: t.sep, ..toks[j + 1] }) } else { t.next(b) };
            if let Some(nx) = next {
                let sep = if j + 1 < toks.len() { t.sep } else { nx.sep };
                if (is(b[t.e - 1], DIGIT) && is(b[nx.s], DIGIT)) || (sep != b' ' && (nx.digits > 0 || nx.e - nx.s <= 2))
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
            let alts = classify(compact, digits, &shape, i == j);
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
            if let Some(h) = choose(input, &alts, start, end, phone_lead) {
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
        mine.sort_by(|x, y| {
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

struct Shape<'a> {
    groups: &'a [u8],
    /// Separators used: bit 0 space, bit 1 dot, bit 2 hyphen.
    seps: u8,
    lower_prefix: bool,
}

impl Shape<'_> {
    fn is(&self, g: &[u8]) -> bool {
        self.groups == g
    }
    fn one_sep(&self) -> bool {
        self.seps.count_ones() <= 1
    }
    fn grouped(&self) -> bool {
        self.groups.len() > 1
    }
}

/// The interpretations of one run, in the fixed priority order of the module docs.
fn classify(c: &[u8], digits: usize, sh: &Shape<'_>, single: bool) -> Vec<Alt> {
    let n = c.len();
    let mut alts = Vec::new();
    if digits == n {
        let weak = |spec: &'static Spec, canonical: bool| Alt {
            spec,
            plain: if canonical && sh.one_sep() { WEAK_GROUPED } else { WEAK_PLAIN },
            hot: HOT,
            word_plain: WEAK_PLAIN,
            validated: true,
            weak: true,
            needs_word: false,
        };
        match n {
            9 => {
                let bsn = validate::nl_bsn(c).is_ok();
                let ssn = validate::us_ssn(c).is_ok();
                let ssn_shape = sh.is(&[3, 2, 4]) && sh.seps & 2 == 0;
                let bsn_shape = sh.is(&[4, 2, 3]) && sh.seps == 2;
                let mut s = Alt { validated: false, ..weak(&SSN, ssn_shape) };
                if ssn_shape && sh.seps == 4 {
                    s.plain = 0.6;
                }
                if ssn_shape && ssn {
                    alts.push(s);
                    if bsn {
                        alts.push(weak(&BSN, false));
                    }
                } else {
                    if bsn {
                        alts.push(weak(&BSN, bsn_shape));
                    }
                    if ssn {
                        alts.push(Alt { validated: false, ..weak(&SSN, false) });
                    }
                }
            }
            10 => {
                let svnr = validate::at_svnr(c).is_ok();
                let nhs = validate::uk_nhs(c).is_ok();
                let svnr_shape = sh.is(&[4, 6]) || sh.is(&[4, 2, 2, 2]);
                // 3-3-4 is also how North American phone numbers are written.
                let nhs_shape = sh.is(&[3, 3, 4]) && sh.seps & 2 == 0;
                if nhs && nhs_shape {
                    let mut a = weak(&NHS, true);
                    if looks_nanp(c) {
                        a.plain = NANP_LIKE;
                    }
                    alts.push(a);
                }
                if svnr {
                    alts.push(weak(&SVNR, svnr_shape));
                }
                if nhs && !nhs_shape {
                    alts.push(weak(&NHS, false));
                }
            }
            11 if validate::de_steuer_idnr(c).is_ok() => {
                alts.push(weak(&STEUER, sh.is(&[2, 3, 3, 3])));
            }
            13 if validate::ch_ahv(c).is_ok() => {
                alts.push(Alt::new(&AHV, if sh.grouped() { 0.85 } else { 0.7 }, true));
            }
            15 if validate::fr_nir(c).is_ok() => {
                alts.push(Alt::new(&NIR, if sh.grouped() { 0.85 } else { 0.75 }, true));
            }
            _ => {}
        }
        return alts;
    }
    // Letters and digits.
    let letter = |k: usize| c[k].is_ascii_uppercase();
    match n {
        9 => {
            if validate::uk_nino(c).is_ok() {
                let plain = if sh.lower_prefix { 0.45 } else { 0.8 };
                alts.push(Alt::new(&NINO, plain, false));
            }
            if validate::es_nie(c).is_ok() {
                alts.push(Alt::new(&NIE, 0.85, true));
            } else if validate::es_dni(c).is_ok() {
                alts.push(Alt::new(&DNI, 0.75, true));
            }
        }
        10 if letter(0) && validate::de_kvnr(c).is_ok() => {
            alts.push(Alt::new(&KVNR, 0.6, true));
        }
        12 if letter(8) && validate::de_rvnr(c).is_ok() => {
            alts.push(Alt::new(&RVNR, 0.85, true));
        }
        15 if validate::fr_nir(c).is_ok() => {
            alts.push(Alt::new(&NIR, 0.85, true));
        }
        16 if validate::it_codice_fiscale(c).is_ok() => {
            alts.push(Alt::new(&CF, 0.95, true));
        }
        _ => {}
    }
    if n >= 9 && letter(0) && letter(1) && c[2..].iter().filter(|x| x.is_ascii_digit()).count() >= 6 {
        if let Some(a) = vat_alt(c, sh) {
            alts.push(a);
        }
    }
    if single && (n == 9 || n == 10) && digits < n {
        doc_alts(c, &mut alts);
    }
    alts
}

/// True if ten digits could be a North American number: area code and exchange
/// both start with 2–9.
fn looks_nanp(c: &[u8]) -> bool {
    c[0] >= b'2' && c[3] >= b'2'
}

fn vat_alt(c: &[u8], sh: &Shape<'_>) -> Option<Alt> {
    match validate::eu_vat(c) {
        Ok(()) => {}
        Err(validate::Invalid::Checksum) => {
            // Right prefix and length, wrong check digit: only a field asking for a
            // VAT number makes it one (a typo, or a number the rule does not know).
            let spec = prefix_spec(c).0;
            return Some(Alt {
                spec,
                plain: VAT_BAD_CHECK,
                hot: VAT_BAD_WORD,
                word_plain: VAT_BAD_CHECK,
                validated: false,
                weak: false,
                needs_word: false,
            });
        }
        Err(_) => return None,
    }
    let (spec, checked) = prefix_spec(c);
    let mut alt = Alt::new(spec, if checked { 0.9 } else { 0.6 }, checked);
    if spec.sub == "eu_vat" || sh.lower_prefix {
        alt.word_plain = alt.plain;
        alt.plain = 0.35;
        alt.needs_word = true;
    }
    Some(alt)
}

/// The VAT subtype of a prefix, and whether its check digit is verified.
fn prefix_spec(c: &[u8]) -> (&'static Spec, bool) {
    if c.starts_with(b"CHE") {
        (&CH_UID, true)
    } else {
        match &c[..2] {
            b"AT" => (&AT_UID, true),
            b"DE" => (&DE_VAT, true),
            b"FR" => (&FR_VAT, c[2..4].iter().all(u8::is_ascii_digit)),
            b"IT" => (&IT_VAT, true),
            b"ES" => (&ES_VAT, true),
            b"NL" => (&NL_VAT, true),
            b"BE" => (&BE_VAT, true),
            b"PL" => (&PL_VAT, true),
            b"GB" | b"XI" => (&GB_VAT, c.len() != 7),
            _ => (&EU_VAT, false),
        }
    }
}

/// 9 or 10 characters of the document alphabet.
fn is_doc_token(t: &[u8]) -> bool {
    (t.len() == 9 || t.len() == 10) && t.iter().all(|&x| is(x, DOC))
}

/// German identity document numbers: only taken with a naming word.
fn doc_alts(c: &[u8], alts: &mut Vec<Alt>) {
    if !is_doc_token(c) {
        return;
    }
    let doc = |spec: &'static Spec, validated: bool| Alt {
        spec,
        plain: DOC_NO_WORD,
        hot: HOT,
        word_plain: DOC_WORD_REF,
        validated,
        weak: false,
        needs_word: true,
    };
    // Passport serials start with C F G H J K (and then also pass the identity card
    // rule); without a word naming the document that first letter decides.
    let checked = c.len() == 10;
    let card = !checked || validate::de_idcard(c).is_ok();
    if validate::de_passport(c).is_ok() {
        alts.push(doc(&PASSPORT, checked));
    }
    if card {
        alts.push(doc(&IDCARD, checked));
    }
}

/// Picks one interpretation by the words around the run (see the module docs).
fn choose(input: &Input<'_>, alts: &[Alt], start: usize, end: usize, phone_lead: bool) -> Option<Hit> {
    let words = Words::around(input.text, start, end);
    let mut best: Option<(usize, &Alt)> = None;
    for a in alts {
        if let Some(d) = words.nearest(a.spec.hot) {
            if best.map_or(true, |(bd, _)| d < bd) {
                best = Some((d, a));
            }
        }
    }
    // A business reference word nearer than the naming word wins ("Steuer-ID der
    // Firma, Auftragsnummer 12345678901"). Generic words like "Nummer" are part of
    // most labels ("NHS number") and do not count here.
    let (alt, score) = match best {
        Some((d, a)) => {
            if a.weak && words.nearest(PHONE_WORDS).is_some_and(|p| p < d) {
                return None;
            }
            if words.has_exact_before(d, REFERENCE_WORDS, GENERIC_WORDS) {
                (a, a.word_plain)
            } else {
                (a, a.hot)
            }
        }
        None => {
            let by_field = alts.iter().find(|a| Some(a.spec.kind) == input.field.expects);
            let a = by_field.or_else(|| alts.iter().find(|a| !a.needs_word))?;
            if a.needs_word && by_field.is_none() {
                return None;
            }
            if a.weak && (phone_lead || words.nearest(PHONE_WORDS).is_some()) {
                return None;
            }
            (a, a.plain)
        }
    };
    // Not even a context word of the kind (+0.3) could lift it over the threshold:
    // leave it out unless the field asks for this kind.
    if score < 0.2 && input.field.expects != Some(alt.spec.kind) {
        return None;
    }
    Some(Hit {
        i: 0,
        j: 0,
        start,
        end,
        kind: alt.spec.kind,
        sub: alt.spec.sub,
        country: alt.spec.country,
        score,
        validated: alt.validated,
    })
}

/// Lower-cased words around a candidate, nearest first (before the candidate, then
/// after it), as in `crate::context` but over a wider window.
struct Words {
    /// The words, lower-cased, one after the other.
    buf: String,
    /// (start, end in `buf`, distance in words from the candidate).
    list: Vec<(usize, usize, usize)>,
}

impl Words {
    fn around(text: &str, start: usize, end: usize) -> Words {
        let mut w = Words { buf: String::with_capacity(96), list: Vec::with_capacity(WORDS_BEFORE + WORDS_AFTER) };
        let mut word_end: Option<usize> = None;
        let mut word_start = 0;
        let mut newlines = 0;
        let mut n = 0;
        for (i, c) in text[..start].char_indices().rev() {
            if c.is_alphanumeric() || (c == '-' && word_end.is_some()) {
                word_end.get_or_insert(i + c.len_utf8());
                word_start = i;
                continue;
            }
            if let Some(we) = word_end.take() {
                n += 1;
                w.push(&text[word_start..we], n);
                if n >= WORDS_BEFORE {
                    break;
                }
            }
            if c == '\n' {
                newlines += 1;
                if newlines >= 2 {
                    break;
                }
            }
        }
        if let Some(we) = word_end {
            if n < WORDS_BEFORE {
                w.push(&text[word_start..we], n + 1);
            }
        }
        let mut k = 0;
        let mut word_start: Option<usize> = None;
        for (i, c) in text[end..].char_indices() {
            if c.is_alphanumeric() || (c == '-' && word_start.is_some()) {
                word_start.get_or_insert(end + i);
                continue;
            }
            if let Some(ws) = word_start.take() {
                k += 1;
                // Words after count as a little farther than the same distance before.
                w.push(&text[ws..end + i], k + 1);
                if k >= WORDS_AFTER {
                    break;
                }
            }
            if c == '\n' {
                break;
            }
        }
        if let Some(ws) = word_start {
            if k < WORDS_AFTER {
                w.push(&text[ws..], k + 2);
            }
        }
        w
    }

    fn push(&mut self, word: &str, dist: usize) {
        let s = self.buf.len();
        if word.is_ascii() {
            self.buf.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            self.buf.extend(word.chars().flat_map(char::to_lowercase));
        }
        self.list.push((s, self.buf.len(), dist));
    }

    fn iter(&self) -> impl Iterator<Item = (&str, usize)> {
        self.list.iter().map(|&(s, e, d)| (&self.buf[s..e], d))
    }

    /// Distance of the nearest word matching an entry of `list`.
    fn nearest(&self, list: &[&str]) -> Option<usize> {
        self.iter().filter(|(w, _)| matches(w, list)).map(|(_, d)| d).min()
    }

    /// True if a word nearer than `dist` matches an entry of `list` exactly (no
    /// typo), ignoring the entries in `skip`.
    fn has_exact_before(&self, dist: usize, list: &[&str], skip: &[&str]) -> bool {
        self.iter().any(|(w, d)| d < dist && !matches_any(w, skip) && matches_any(w, list))
    }
}

/// True if `word` (or a hyphen-separated part of it) matches an entry: whole, as a
/// prefix for entries ending in `*`, and with one typo for entries of six letters or
/// more.
fn matches(word: &str, list: &[&str]) -> bool {
    let word = word.trim_matches('-');
    let one = |w: &str| list.iter().any(|e| entry_matches(w, e));
    one(word) || (word.contains('-') && word.split('-').any(|p| !p.is_empty() && one(p)))
}

fn entry_matches(w: &str, e: &str) -> bool {
    // Typos in the first letter are not allowed: this check rejects most entries.
    if w.as_bytes().first() != e.as_bytes().first() {
        return false;
    }
    let (stem, prefix) = match e.strip_suffix('*') {
        Some(s) => (s, true),
        None => (e, false),
    };
    if w == stem || (prefix && w.starts_with(stem)) {
        return true;
    }
    let (wb, sb) = (w.as_bytes(), stem.as_bytes());
    if sb.len() < 6 || stem.contains('-') {
        return false;
    }
    if prefix {
        (sb.len() - 1..=sb.len() + 1).any(|k| k <= wb.len() && one_edit(&wb[..k], sb))
    } else {
        one_edit(wb, sb)
    }
}

/// True if `a` and `b` differ by at most one insertion, deletion, substitution or
/// swap of neighbours.
fn one_edit(a: &[u8], b: &[u8]) -> bool {
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[p..], &b[p..]);
    if ra.is_empty() && rb.is_empty() {
        return true;
    }
    match ra.len().cmp(&rb.len()) {
        std::cmp::Ordering::Equal => {
            ra[1..] == rb[1..] || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        std::cmp::Ordering::Less => ra == &rb[1..],
        std::cmp::Ordering::Greater => &ra[1..] == rb,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Whole words of 9 or 10 document letters, by the definition: every maximal run
    /// of ASCII letters and digits, checked byte by byte.
    fn doc_words_reference(b: &[u8]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut s = 0;
        while s < b.len() {
            if !is(b[s], ALNUM) {
                s += 1;
                continue;
            }
            let mut e = s;
            while e < b.len() && is(b[e], ALNUM) {
                e += 1;
            }
            if (9..=10).contains(&(e - s)) && b[s..e].iter().all(|&x| is(x, DOC_LETTER)) {
                out.push((s, e));
            }
            s = e;
        }
        out
    }

    #[test]
    fn doc_words_examples() {
        for t in [
            "CFGHJKLMN",
            "x CFGHJKLMNP.",
            "CFGHJKLMNPR",
            "aCFGHJKLMN",
            "CFGHJKLMN1",
            "cfghjklmn CFGHJKLMNT",
            "",
            "CFGHJKLM",
            "T22000129 LZ6311T47",
        ] {
            assert_eq!(doc_words(t.as_bytes()).collect::<Vec<_>>(), doc_words_reference(t.as_bytes()), "{t:?}");
        }
        assert_eq!(doc_words(b"Nr. CFGHJKLMN!").collect::<Vec<_>>(), vec![(4, 13)]);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn doc_words_match_the_definition(t in proptest::collection::vec(proptest::sample::select(b"CFGHJKLMNcxA1 .-\xC3".to_vec()), 0..40)) {
            prop_assert_eq!(doc_words(&t).collect::<Vec<_>>(), doc_words_reference(&t));
        }
    }

    #[test]
    fn typos() {
        assert!(one_edit(b"reisepaas", b"reisepass"));
        assert!(one_edit(b"setuer", b"steuer"));
        assert!(one_edit(b"vrsichertennummer", b"versichertennummer"));
        assert!(!one_edit(b"bestellnummer", b"versichertennummer"));
        assert!(matches("reisepaasnummer", &["reisepass*"]));
        assert!(matches("setuer-id", &["steuer-id*", "steuer"]));
        assert!(matches("ahv-nr", &["ahv*"]));
        assert!(!matches("public", &["pass"]));
        assert!(!matches("passwort", &["pass"]));
    }
}
