//! Vehicle registration plates.
//!
//! A plate is a short mix of letters and digits — the same shape as product codes,
//! model names and references — so a plate is **never reported on its shape alone**:
//! the base score stays below the threshold and a vehicle word nearby ("Kennzeichen",
//! "Fahrzeug", "Fzg.", "Auto", "plate", "car", "vehicle", "Targa", "matrícula", …, see
//! `context::positive`) or a form field ("Kennzeichen", "License plate") lifts it.
//!
//! Formats checked against their registries:
//! - **DE** (FZV § 8, Anlage 1 "Unterscheidungszeichen"): district code of 1–3 letters
//!   (incl. Ä/Ö/Ü), 1–2 letters, 1–4 digits, optional `E` (electric) or `H` (historic),
//!   at most 8 characters; the district code must be one of the official codes (the
//!   list below follows FZV Anlage 1 with the later re-introduced codes, as collected
//!   in the public list "Liste der Kfz-Kennzeichen in Deutschland").
//! - **AT** (KFG 1967 § 48 and the Kraftfahrgesetz-Durchführungsverordnung): district code of 1–2 letters
//!   (Bezirkshauptmannschaft / Statutarstadt / Land), then digits followed by letters
//!   (`W-12345A`, `GU 123 AB`) or letters followed by digits (Wunschkennzeichen),
//!   3–6 characters.
//! - **CH** (Verkehrszulassungsverordnung, VZV): one of the 26 canton abbreviations and 1–6 digits.
//!
//! Other countries (UK `AB12 CDE`, FR `AB-123-CD`, IT, ES `1234 ABC`, NL side codes, US
//! `8ABC123`, …) are accepted as a generic plate only when a vehicle word stands
//! within three words before it (or the field says so): 1–4 groups of upper-case
//! letters and digits (or all lower-case in a lower-case chat; a letters-only group
//! has at most three letters), 4–9 characters with
//! at least one letter and one digit. A car brand right before the value ("BMW X5")
//! marks a model name, not a plate. Long vehicle words are also recognised with one
//! typing slip ("Fharzeug"), German compounds ending in one count as one
//! ("Zweitwagen", "Firmenfahrzeug", "E-Auto"), and so do abbreviations (`Kfz`,
//! `Kennz.`, `Fzg.`, `veh`, `reg`) and the vehicle words of French, Italian, Spanish,
//! Dutch and Polish (`véhicule`, `veicolo`, `vehículo`, `voertuig`, `rejestracyjny`).
//! American "tag" names a plate after a possessive, an article or a word such as
//! "new", "temp" or "license" ("my tag", "new tag"); German "Tag" (day) never
//! follows those. When the word right before the value is a copula ("is", "ist",
//! "lautet", "reads"), the vehicle word may stand further back in the same clause
//! ("the new tag in Ohio is …", "das Kennzeichen vom Anhänger lautet …"), up to nine
//! words and not across punctuation.
//!
//! Two more kinds of evidence, for upper-case plates: a vehicle word right **after**
//! the plate ("GH-427-LM car park", "S-KL 2291E (E-Auto)"), and a text about a vehicle
//! — once a plate stands next to a vehicle word, every other plate of a
//! registry-checked format (DE, AT, CH) near it in its paragraph is one too ("Fahrzeug
//! KN-MB 772 … wurde von LÖ-XY 19 gerammt").
//!
//! Cost: a text with no vehicle-word stem anywhere is skipped after one literal scan
//! (nothing there could reach the threshold); otherwise only word starts with a digit
//! within 20 bytes are examined, around the vehicle words, without allocating until
//! the shape fits; the whole text is read again only when a plate was found.

mod vehicle;

use super::util::Recognizer;
use crate::entity::Kind;
use crate::types::{Candidate, Input};
use vehicle::{is_tag, is_vehicle_word, vehicle_after, vehicle_context, BRANDS, STOP};

pub(super) struct Plate {
    de: Vec<&'static str>,
    hint: super::util::Literals,
}

/// Stems of vehicle words that survive most typing slips, in lower case (searched in
/// [`Input::folded`]).
pub(super) const HINT: &str = r"kennz|zeichen|kfz|auto|fahr|zeug|fzg|wagen|pkw|lkw|schild|motorrad|car\b|vehic|ehicle|veh\b|veic|plate|regist|reg\b|immatric|plaque|voiture|targa|matr|coche|kenteken|voertuig|park|rejestr|samoch|pojazd|\btags\b|\btag\b";

/// German district codes (Unterscheidungszeichen), sorted, space-separated.
const DE_CODES: &str = concat!(
    "A AA AB ABG ABI AC AE AH AIB AIC AK ALF ALZ AM AN ANA ANG ANK AP APD ARN ART AS ASL ASZ ",
    "AT AU AUR AW AZ AZE AÖ B BA BAD BAR BB BBG BBL BC BCH BD BE BED BER BF BG BGD BGL BH BI ",
    "BID BIN BIR BIT BIW BK BKS BL BLB BLK BM BN BNA BO BOG BOH BOR BOT BP BRA BRB BRG BRK BRL ",
    "BRV BS BSB BSK BT BTF BUL BW BWL BYL BZ BÖ BÜD BÜR BÜS BÜZ C CA CAS CB CE CHA CLP CLZ CO ",
    "COC COE CUX CW D DA DAH DAN DAU DB DBR DD DE DEG DEL DGF DH DI DIL DIN DIZ DKB DL DLG DM ",
    "DN DO DON DU DW DZ DÜW E EA EB EBE EBN EBS ECK ED EE EF EG EI EIC EIL EIN EIS EL EM EMD ",
    "EMS EN ER ERB ERH ERK ERZ ES ESB ESW EU EW F FB FD FDB FDS FEU FF FFB FG FI FKB FL FLÖ FN ",
    "FO FOR FR FRG FRI FRW FS FT FTL FÜ FÜS G GA GAN GAP GC GD GDB GE GEL GEO GER GF GG GHA ",
    "GHC GI GK GL GM GMN GNT GOA GOH GP GR GRA GRH GRI GRM GRZ GS GT GTH GUB GUN GVM GW GZ GÖ ",
    "GÜ H HA HAB HAL HAM HAS HB HBN HBS HC HCH HD HDH HDL HE HEB HEF HEI HEL HER HET HF HG HGN ",
    "HGW HH HHM HI HIG HIP HK HL HM HMÜ HN HO HOG HOH HOL HOM HOR HOT HP HR HRO HS HSK HST HU ",
    "HV HVL HWI HX HY HZ HÖS IGB IK IL ILL IN IZ J JE JL JÜL K KA KB KC KE KEH KEL KEM KF KG ",
    "KH KI KIB KK KL KLE KLZ KM KN KO KR KRU KS KT KU KUS KY KYF KÖN KÖT KÜN L LA LAU LB LBS ",
    "LBZ LD LDK LDS LEO LER LEV LG LH LI LIB LIF LIP LL LM LOS LP LR LRO LSA LSN LSZ LU LUP ",
    "LWL LÖ LÖB LÜN M MA MAB MAI MAK MAL MB MC MD ME MEI MEK MER MET MG MGH MGN MH MHL MI MIL ",
    "MK MKK ML MM MN MO MOD MOL MON MOS MQ MR MS MSE MSH MSP MST MTK MTL MVL MW MY MYK MZ MZG ",
    "MÜ MÜB MÜR N NAB NAI NB ND NDH NE NEA NEB NEC NEN NES NEW NF NH NI NK NL NM NMB NMS NOH ",
    "NOL NOM NOR NP NR NRW NU NVP NW NWM NY NZ NÖ OA OAL OB OBG OC OCH OD OE OF OG OH OHA OHV ",
    "OHZ OK OL OPR OR OS OSL OVI OVL OZ P PA PAF PAN PAR PB PCH PE PEG PF PI PIR PL PLÖ PM PN ",
    "PR PRÜ PS PW PZ QFT QLB R RA RC RD RDG RE REG REH RG RH RI RID RIE RL RM RO ROD ROF ROK ",
    "ROL ROS ROT ROW RP RPL RS RSL RT RU RV RW RZ RÜD RÜG S SAB SAD SAL SAN SAW SB SBG SBK SC ",
    "SCZ SDH SDL SDT SE SEB SEE SEF SEL SFB SFT SG SGH SH SHA SHG SHK SHL SI SIG SIM SK SL SLE ",
    "SLF SLK SLN SLS SLZ SLÜ SM SN SO SOB SOG SOK SON SP SPB SPN SR SRB SRO ST STA STB STD STE ",
    "STL SU SUL SW SWA SZ SZB SÖM SÜW TBB TDO TE TET TF TG THL THW TIR TO TP TR TS TUT TÖL TÜ ",
    "UE UEM UFF UH UL UM UN USI V VAI VB VEC VER VG VIB VIE VK VOH VR VS W WA WAF WAK WAN WAT ",
    "WB WBS WDA WE WEL WEN WER WES WF WHV WI WIL WIS WIT WIZ WK WL WLG WM WMS WN WND WO WOB ",
    "WOH WOL WOR WOS WR WRN WS WSF WST WSW WT WTM WUG WUN WUR WW WZ WZL WÜ WÜM X Y Z ZE ZEL ZI ",
    "ZP ZR ZW ZZ "
);

/// Austrian district codes (Bezirke, Statutarstädte, Länder and federal authorities),
/// sorted.
const AT_CODES: &[&str] = &[
    "A", "AM", "B", "BA", "BB", "BD", "BH", "BL", "BM", "BN", "BP", "BR", "BZ", "DL", "DO", "E", "EF", "EU", "FB",
    "FE", "FF", "FK", "FR", "FV", "G", "GB", "GD", "GF", "GK", "GM", "GR", "GS", "GU", "HA", "HB", "HE", "HF", "HL",
    "HO", "I", "IL", "IM", "JE", "JO", "JU", "K", "KB", "KF", "KI", "KL", "KO", "KR", "KS", "KU", "L", "LA", "LB",
    "LE", "LF", "LI", "LL", "LN", "LZ", "MA", "MD", "ME", "MI", "MT", "MU", "MZ", "N", "ND", "NK", "O", "OP", "OW",
    "P", "PE", "PL", "RA", "RE", "RI", "RO", "RU", "S", "SB", "SD", "SE", "SL", "SO", "SP", "SR", "ST", "SV", "SW",
    "SZ", "T", "TA", "TU", "UU", "V", "VB", "VI", "VK", "VL", "VO", "W", "WB", "WD", "WE", "WL", "WN", "WO", "WT",
    "WU", "WY", "WZ", "ZE", "ZT",
];

/// The 26 Swiss canton abbreviations, sorted.
const CH_CANTONS: &[&str] = &[
    "AG", "AI", "AR", "BE", "BL", "BS", "FR", "GE", "GL", "GR", "JU", "LU", "NE", "NW", "OW", "SG", "SH", "SO", "SZ",
    "TG", "TI", "UR", "VD", "VS", "ZG", "ZH",
];

impl Plate {
    /// The kinds this recogniser finds (the registry builds it only for a scanner with
    /// one of them on).
    pub(super) const KINDS: &'static [Kind] = &[Kind::LicensePlate];

    pub(super) fn new() -> Plate {
        Plate {
            de: DE_CODES.split(' ').filter(|s| !s.is_empty()).collect(),
            // Stems of the vehicle words here and in `context::positive`; the stems
            // survive most single typing slips ("Fharzeug" keeps "zeug").
            hint: super::util::Literals::new(HINT).kept_as(super::util::kept::PLATE),
        }
    }

    /// The country whose format `district` + `rest` (upper case, `groups` groups in
    /// all) follows; `Some("")` if more than one fits.
    fn country(&self, district: &str, rest: &str, groups: usize) -> Option<&'static str> {
        let de_ok = !district.bytes().any(|c| c.is_ascii_digit())
            && self.de.binary_search(&district).is_ok()
            && de_rest(rest)
            && district.chars().count() + rest.len() <= 9;
        let at_ok = AT_CODES.binary_search(&district).is_ok() && at_rest(rest);
        let ch_ok = groups == 2
            && CH_CANTONS.binary_search(&district).is_ok()
            && (1..=6).contains(&rest.len())
            && rest.bytes().all(|b| b.is_ascii_digit());
        match (de_ok, at_ok, ch_ok) {
            (true, false, false) => Some("de"),
            (false, true, false) => Some("at"),
            (false, false, true) => Some("ch"),
            (false, false, false) => None,
            _ => Some(""),
        }
    }
}

/// DE after the district: 1–2 letters, 1–4 digits, optional E/H.
fn de_rest(r: &str) -> bool {
    let b = r.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    let digits = b[letters..].iter().take_while(|c| c.is_ascii_digit()).count();
    let tail = &b[letters + digits..];
    (1..=2).contains(&letters) && (1..=4).contains(&digits) && (tail.is_empty() || tail == b"E" || tail == b"H")
}

/// AT after the district: digits then letters, or letters then digits; 3–6 characters.
fn at_rest(r: &str) -> bool {
    let b = r.as_bytes();
    if !(2..=6).contains(&b.len()) {
        return false;
    }
    let d1 = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if d1 > 0 {
        let l = &b[d1..];
        return d1 <= 5 && !l.is_empty() && l.len() <= 3 && l.iter().all(u8::is_ascii_uppercase);
    }
    let l1 = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    let d = &b[l1..];
    l1 <= 5 && !d.is_empty() && d.len() <= 3 && d.iter().all(u8::is_ascii_digit)
}

/// One group: letters (incl. umlauts) and digits of one case.
#[derive(PartialEq)]
enum Case {
    Upper,
    Lower,
    None,
}

fn group_case(g: &str) -> Option<Case> {
    let upper = g.chars().any(|c| c.is_uppercase());
    let lower = g.chars().any(|c| c.is_lowercase());
    match (upper, lower) {
        (true, true) => None,
        (true, false) => Some(Case::Upper),
        (false, true) => Some(Case::Lower),
        (false, false) => Some(Case::None),
    }
}

impl Recognizer for Plate {
    fn kinds(&self) -> &'static [Kind] {
        Self::KINDS
    }

    fn find(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let text = input.text;
        let b = input.bytes;
        if !b.iter().any(u8::is_ascii_digit) {
            return;
        }
        let field = input.field.expects == Some(Kind::LicensePlate);
        // Context lifts a plate only when the vehicle word (or a slip of one) stands
        // before it (within `context::WINDOW_BEFORE` words) or is the word right after
        // it, so only the stretch around each vehicle word is read, and a text without
        // one is skipped after one literal scan; a field asking for a plate makes the
        // whole text one stretch.
        let mut regions: Vec<(usize, usize)> = Vec::new();
        if field {
            regions.push((0, b.len()));
        } else {
            for (s, e) in self.hint.matches(input) {
                let start = words_back(b, s, 4);
                let end = skip_words(b, e, crate::context::WINDOW_BEFORE + 2);
                match regions.last_mut() {
                    Some(last) if start <= last.1 => last.1 = last.1.max(end),
                    _ => regions.push((start, end)),
                }
            }
            if regions.is_empty() {
                return;
            }
        }
        let first = out.len();
        self.scan(text, &regions, field, false, out);
        // A text about a vehicle (a plate next to a vehicle word) makes every other
        // plate of a registry-checked format in its paragraph a plate too ("Fahrzeug
        // KN-MB 772 … wurde von LÖ-XY 19 gerammt").
        let mut topic: Vec<(usize, usize)> = Vec::new();
        for c in out[first..].iter().filter(|c| c.score >= 0.6) {
            let (a, z) = paragraph(text, c.start, c.end);
            match topic.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(z),
                _ => topic.push((a, z)),
            }
        }
        if !field && !topic.is_empty() {
            let mut more = Vec::new();
            self.scan(text, &topic, false, true, &mut more);
            for c in more.into_iter().filter(|c| c.score >= 0.6) {
                if let Some(o) = out[first..].iter_mut().find(|o| o.start == c.start && o.end == c.end) {
                    o.score = o.score.max(c.score);
                } else if out[first..].iter().all(|o| o.end <= c.start || c.end <= o.start) {
                    out.push(c);
                }
            }
        }
    }
}

impl Plate {
    /// Reads the plates starting at word starts within `regions`.
    fn scan(&self, text: &str, regions: &[(usize, usize)], field: bool, topic: bool, out: &mut Vec<Candidate>) {
        let b = text.as_bytes();
        let word = super::util::word_byte;
        let mut next_digit = 0;
        let mut i = 0;
        for &(from, to) in regions {
            i = i.max(from);
            while i < to.min(b.len()) {
                let starts_word = word(b[i])
                    && text.is_char_boundary(i)
                    && (i == 0 || !(word(b[i - 1]) || matches!(b[i - 1], b'-' | b'.' | b'/')));
                // Only upper-case plates count in the topic pass.
                if !starts_word || (topic && !(b[i].is_ascii_uppercase() || b[i] == 0xC3)) {
                    i += 1;
                    continue;
                }
                // Cheap pre-check: a plate has a digit within its first 20 bytes.
                if next_digit < i {
                    next_digit = i + crate::bytes::skip_to_range(&b[i..], b'0', b'9');
                }
                let digit_near =
                    next_digit < i + 20 && b[i..next_digit].iter().all(|&c| word(c) || c == b' ' || c == b'-');
                let cand = if digit_near { self.plate_at(text, i, field, topic) } else { None };
                match cand {
                    Some(cand) => {
                        i = cand.end;
                        out.push(cand);
                    }
                    None => {
                        // Skip the rest of this word.
                        while i < b.len() && word(b[i]) {
                            i += 1;
                        }
                    }
                }
            }
        }
    }
}

/// How far (bytes) before and after a plate next to a vehicle word other plates of a
/// registry-checked format count as plates, at most: to the blank lines around it.
/// Bounded so that a plate is judged by the text near it only, as a rescan while typing
/// reads it (`scanner::incremental`: 768 bytes back, 384 ahead, with room for the
/// vehicle word around the other plate).
const TOPIC_BEFORE: usize = 320;
const TOPIC_AFTER: usize = 600;

/// The paragraph around `s..e` (between blank lines), at most [`TOPIC_BEFORE`] bytes
/// before and [`TOPIC_AFTER`] after.
fn paragraph(text: &str, s: usize, e: usize) -> (usize, usize) {
    let lo = s.saturating_sub(TOPIC_BEFORE);
    let hi = (e + TOPIC_AFTER).min(text.len());
    let b = text.as_bytes();
    let a = b[lo..s].windows(2).rposition(|w| w == b"\n\n").map_or(lo, |p| lo + p + 2);
    let z = b[e..hi].windows(2).position(|w| w == b"\n\n").map_or(hi, |p| e + p);
    (a, z)
}

/// The position `n` words before `at` (words: runs of letters, digits and non-ASCII
/// bytes).
fn words_back(b: &[u8], mut at: usize, n: usize) -> usize {
    let word = super::util::word_byte;
    for _ in 0..n {
        while at > 0 && !word(b[at - 1]) {
            at -= 1;
        }
        while at > 0 && word(b[at - 1]) {
            at -= 1;
        }
    }
    at
}

/// The position after `n` more words from `at` (words: runs of letters, digits and
/// non-ASCII bytes).
fn skip_words(b: &[u8], mut at: usize, n: usize) -> usize {
    let word = super::util::word_byte;
    for _ in 0..n {
        while at < b.len() && !word(b[at]) {
            at += 1;
        }
        while at < b.len() && word(b[at]) {
            at += 1;
        }
    }
    at
}

impl Plate {
    /// Reads a plate starting at word start `s`; with `topic`, the text is about a
    /// vehicle and an upper-case plate of a registry-checked format counts as near a
    /// vehicle word.
    fn plate_at(&self, text: &str, s: usize, field: bool, topic: bool) -> Option<Candidate> {
        let mut groups = [(0usize, 0usize); 4];
        let mut ng = 0;
        let mut case = Case::None;
        let mut at = s;
        loop {
            let len = text[at..].find(|c: char| !c.is_alphanumeric()).unwrap_or(text.len() - at);
            let g = &text[at..at + len];
            let n = g.chars().count();
            if len == 0
                || n > 7
                || !g.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, 'ä' | 'ö' | 'ü' | 'Ä' | 'Ö' | 'Ü'))
            {
                break;
            }
            // Letter groups of plates are short (district codes, series letters).
            if n > 3 && g.chars().all(char::is_alphabetic) {
                break;
            }
            let gc = group_case(g)?;
            if gc != Case::None {
                if case == Case::None {
                    case = gc;
                } else if gc != case {
                    break;
                }
            }
            if case == Case::Lower && STOP.contains(&g) {
                if ng == 0 {
                    return None;
                }
                break;
            }
            groups[ng] = (at, at + len);
            ng += 1;
            let next = at + len;
            if ng == 4 || next + 1 >= text.len() {
                break;
            }
            let sep = text.as_bytes()[next];
            if !(sep == b' ' || sep == b'-')
                || !text.as_bytes()[next + 1].is_ascii_alphanumeric()
                    && !text[next + 1..].starts_with(['Ä', 'Ö', 'Ü', 'ä', 'ö', 'ü'])
            {
                break;
            }
            at = next + 1;
        }
        // Shape first (no allocation): which run lengths have 4–9 characters with a
        // letter and a digit?
        let viable = |k: usize| {
            let v = &text[s..groups[k - 1].1];
            let alnum = v.chars().filter(|c| c.is_alphanumeric()).count();
            (4..=9).contains(&alnum) && v.bytes().any(|c| c.is_ascii_digit()) && v.chars().any(char::is_alphabetic)
        };
        if !(1..=ng).any(viable) {
            return None;
        }
        // "reg gh 427 lm", "tag 7 xyz 82": a vehicle word not in capitals is the cue,
        // not the district code of the plate after it (REG is one).
        let first = &text[groups[0].0..groups[0].1];
        if ng > 1
            && case != Case::Upper
            && (is_vehicle_word(first) || is_tag(first))
            && text.as_bytes()[groups[0].1] == b' '
        {
            return None;
        }
        let (near, brand) = vehicle_context(text, s);
        // A field asking for a plate counts as a vehicle word: it sets the base score
        // (0.6, not 0.35), so it stays here rather than in the scanner's field stage
        // (see `scanner::stage`).
        let near = near || field;
        if brand {
            return None;
        }
        // Try the longest run of groups first, then shorter ones.
        for k in (1..=ng).rev().filter(|&k| viable(k)) {
            let e = groups[k - 1].1;
            let first = &text[groups[0].0..groups[0].1];
            if BRANDS.iter().any(|b| b.eq_ignore_ascii_case(first)) {
                return None;
            }
            if k >= 2 {
                let rest: Vec<&str> = groups[1..k].iter().map(|&(a, z)| &text[a..z]).collect();
                let (mut db, mut rb) = ([0u8; 32], [0u8; 32]);
                let cc = match (upper_into(&[first], &mut db), upper_into(&rest, &mut rb)) {
                    (Some(d), Some(r)) => self.country(d, r, k),
                    _ => None,
                };
                if let Some(cc) = cc {
                    let upper = case == Case::Upper;
                    let lifted = near || (upper && (topic || vehicle_after(text, e)));
                    let mut c = Candidate::new(Kind::LicensePlate, s, e, if lifted { 0.6 } else { 0.35 });
                    c.subtype = Some(match cc {
                        "de" => "de",
                        "at" => "at",
                        "ch" => "ch",
                        _ => "dach",
                    });
                    c.country = (!cc.is_empty()).then_some(cc);
                    return Some(c);
                }
            }
            if near || (case == Case::Upper && vehicle_after(text, e)) {
                let mut c = Candidate::new(Kind::LicensePlate, s, e, 0.6);
                c.subtype = Some("generic");
                return Some(c);
            }
        }
        None
    }
}

/// Upper-cases `src` (ASCII letters and German umlauts) into `buf`; `None` if it does
/// not fit.
fn upper_into<'b>(src: &[&str], buf: &'b mut [u8; 32]) -> Option<&'b str> {
    let mut n = 0;
    for part in src {
        let p = part.as_bytes();
        if n + p.len() > buf.len() {
            return None;
        }
        for (i, &c) in p.iter().enumerate() {
            // ä ö ü are C3 A4 / C3 B6 / C3 BC; their capitals are C3 84 / 96 / 9C.
            let prev_c3 = i > 0 && p[i - 1] == 0xC3;
            buf[n] = if prev_c3 && matches!(c, 0xA4 | 0xB6 | 0xBC) { c - 0x20 } else { c.to_ascii_uppercase() };
            n += 1;
        }
    }
    std::str::from_utf8(&buf[..n]).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted() {
        let p = Plate::new();
        assert!(p.de.windows(2).all(|w| w[0] < w[1]));
        assert!(AT_CODES.windows(2).all(|w| w[0] < w[1]));
        assert!(CH_CANTONS.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(CH_CANTONS.len(), 26);
        assert!(p.de.len() > 650);
    }

    #[test]
    fn rests() {
        assert!(de_rest("AB1234"));
        assert!(de_rest("MW1234E"));
        assert!(!de_rest("ABC1234"));
        assert!(!de_rest("AB12345"));
        assert!(at_rest("12345A"));
        assert!(at_rest("123AB"));
        assert!(!at_rest("1234567"));
    }
}
