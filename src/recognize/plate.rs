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
//! KN-MB 772 … wurde von LÖ-XY 19 gerammt"). That plate may stand up to 600 bytes
//! away, so every upper-case plate of such a format is proposed and the text around
//! it is read as it is judged (`Recognizer::judge`): a rescan while typing finds
//! plates again within a few words of an edit and judges them further away.
//!
//! Cost: only word starts with a digit within 20 bytes are examined, around the
//! vehicle words (found in one literal scan), without allocating until the shape fits;
//! elsewhere only those that start with a district code's shape, looked for back from
//! each run of digits. The text around such a plate is read again only as it is
//! judged, and only where it has no vehicle word next to it.

mod vehicle;

use super::util::{Reach, Recognizer};
use crate::entity::Kind;
use crate::field::FieldClass;
use crate::types::{Candidate, Input};
use vehicle::{brand_before, is_tag, is_vehicle_word, vehicle_after, vehicle_context, BRANDS, STOP};

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

    /// `code` (upper case) is a district code of one of the registry-checked formats.
    fn is_district(&self, code: &str) -> bool {
        self.de.binary_search(&code).is_ok()
            || AT_CODES.binary_search(&code).is_ok()
            || CH_CANTONS.binary_search(&code).is_ok()
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
        let first = out.len();
        self.beside_vehicle_words(input, field, out);
        if field {
            return;
        }
        // A text about a vehicle makes every other upper-case plate of a
        // registry-checked format in its paragraph a plate too; the plate next to a
        // vehicle word that makes it one may lie beyond this recogniser's reach, so each
        // such plate is proposed and judged (`Plate::judge`).
        let mut more = Vec::new();
        self.districts(text, &mut more);
        for c in more.into_iter().filter(|c| c.score < LIFTED && upper_registry(text, c)) {
            if out[first..].iter().all(|o| o.end <= c.start || c.end <= o.start) {
                out.push(Candidate { score: ON_TOPIC_ONLY, ..c });
            }
        }
    }

    fn reach(&self) -> Reach {
        Reach::NEAR
    }

    /// An upper-case plate of a registry-checked format is a plate too where a plate
    /// next to a vehicle word stands in its paragraph: up to [`TOPIC_AFTER`] bytes
    /// before it or [`TOPIC_BEFORE`] after (read within [`Reach::JUDGING`]). One
    /// proposed for that only ([`ON_TOPIC_ONLY`]) is dropped where there is none.
    fn judge(&self, c: &Candidate, text: &str, field: &FieldClass) -> Option<f32> {
        if c.score >= LIFTED || field.expects == Some(Kind::LicensePlate) || !upper_registry(text, c) {
            return Some(c.score);
        }
        if self.on_topic(text, c) {
            Some(LIFTED)
        } else {
            (c.score != ON_TOPIC_ONLY).then_some(c.score)
        }
    }
}

/// The score of a plate next to a vehicle word (or in a field asking for one).
const LIFTED: f32 = 0.6;

/// The score a plate is proposed with that only a text about a vehicle makes one: a
/// placeholder that `Plate::judge` replaces (or drops the plate).
const ON_TOPIC_ONLY: f32 = 0.3;

/// `c` is a plate of a registry-checked format (DE, AT, CH) in upper case.
fn upper_registry(text: &str, c: &Candidate) -> bool {
    c.subtype != Some("generic") && !text[c.start..c.end].chars().any(char::is_lowercase)
}

impl Plate {
    /// The plates of `input` next to a vehicle word, or every plate with `field` (a field
    /// asking for a plate).
    fn beside_vehicle_words(&self, input: &Input<'_>, field: bool, out: &mut Vec<Candidate>) {
        let b = input.bytes;
        // Context lifts a plate only when the vehicle word (or a slip of one) stands
        // before it (within `context::WINDOW_BEFORE` words) or is the word right after
        // it, so only the stretch around each vehicle word (found in one literal scan)
        // is read; a field asking for a plate makes the whole text one stretch.
        let regions = if field { vec![(0, b.len())] } else { Plate::regions(b, self.hint.matches(input)) };
        self.scan(input.text, &regions, field, out);
    }

    /// The stretches around the vehicle words (`hints`: matches of [`HINT`]) of `b` where a
    /// plate next to one may start: from four words before it to the end of the context
    /// window after it.
    fn regions(b: &[u8], hints: impl Iterator<Item = (usize, usize)>) -> Vec<(usize, usize)> {
        let mut regions: Vec<(usize, usize)> = Vec::new();
        for (s, e) in hints {
            let start = words_back(b, s, 4);
            let end = skip_words(b, e, crate::context::WINDOW_BEFORE + 2);
            match regions.last_mut() {
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                _ => regions.push((start, end)),
            }
        }
        regions
    }

    /// A plate next to a vehicle word stands in the paragraph of `c` (see
    /// [`Plate::judge`]), read in the text from [`Reach::JUDGING`] before its start to
    /// that after it.
    fn on_topic(&self, text: &str, c: &Candidate) -> bool {
        let judged =
            crate::span::within(text, c.start.saturating_sub(Reach::JUDGING.back), c.start + Reach::JUDGING.ahead);
        let (lo, part) = (judged.start, &text[judged]);
        let mut found = Vec::new();
        self.beside_vehicle_words(&Input::new(part, FieldClass::default()), false, &mut found);
        let (s, e) = (c.start - lo, c.end - lo);
        found.iter().filter(|l| l.score >= LIFTED && (l.end <= s || e <= l.start)).any(|l| {
            let b = part.as_bytes();
            let blank = |from: usize, to: usize| b[from..to].windows(2).any(|w| w == b"\n\n");
            if l.start <= s {
                s < l.end + TOPIC_AFTER && !blank(l.end, s)
            } else {
                s + TOPIC_BEFORE >= l.start && !blank(s, l.start)
            }
        })
    }

    /// The plates starting at word starts of `text` that begin with a district code's
    /// shape: one to three capitals (`Ä`, `Ö`, `Ü` too), then `-` or a space. Read from
    /// digit to digit: a plate has one within its first 20 bytes, so only the word
    /// starts up to 20 bytes before each are looked at.
    fn districts(&self, text: &str, out: &mut Vec<Candidate>) {
        let b = text.as_bytes();
        let word = super::util::word_byte;
        let mut i = 0;
        while i < b.len() {
            let d = i + crate::bytes::skip_to_range(&b[i..], b'0', b'9');
            if d >= b.len() {
                break;
            }
            // (no digit in `i..d`: each word start there has its first digit at `d`)
            let lo = i.max(d.saturating_sub(19));
            i = d + b[d..].iter().take_while(|c| c.is_ascii_digit()).count();
            // A plate holds only letters, digits, spaces and `-` before its first digit:
            // the capitals among those bytes (walking back) are where one may start.
            let (mut starts, mut n) = ([0usize; 19], 0);
            let mut j = d;
            while j > lo && (word(b[j - 1]) || matches!(b[j - 1], b' ' | b'-')) {
                j -= 1;
                if b[j].is_ascii_uppercase() || b[j] == 0xC3 {
                    starts[n] = j;
                    n += 1;
                }
            }
            for &j in starts[..n].iter().rev() {
                let district = || district_shape(&b[j..=d]).map(|n| &text[j..j + n]);
                if starts_plate_word(text, j) && district().is_some_and(|code| self.is_district(code)) {
                    if let Some(c) = self.plate_at(text, j, false, false) {
                        i = c.end;
                        out.push(c);
                        break;
                    }
                }
            }
        }
    }

    /// Reads the plates starting at word starts within `regions`.
    fn scan(&self, text: &str, regions: &[(usize, usize)], field: bool, out: &mut Vec<Candidate>) {
        let b = text.as_bytes();
        let word = super::util::word_byte;
        let mut next_digit = 0;
        let mut i = 0;
        for &(from, to) in regions {
            i = i.max(from);
            while i < to.min(b.len()) {
                if !starts_plate_word(text, i) {
                    i += 1;
                    continue;
                }
                // Cheap pre-check: a plate has a digit within its first 20 bytes.
                if next_digit < i {
                    next_digit = i + crate::bytes::skip_to_range(&b[i..], b'0', b'9');
                }
                let digit_near =
                    next_digit < i + 20 && b[i..next_digit].iter().all(|&c| word(c) || c == b' ' || c == b'-');
                let cand = if digit_near { self.plate_at(text, i, field, true) } else { None };
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

/// A plate may start at byte `i`: a word starts there (not after `-`, `.` or `/`).
fn starts_plate_word(text: &str, i: usize) -> bool {
    let (b, word) = (text.as_bytes(), super::util::word_byte);
    word(b[i]) && text.is_char_boundary(i) && (i == 0 || !(word(b[i - 1]) || matches!(b[i - 1], b'-' | b'.' | b'/')))
}

/// `b` starts with one to three capitals (`Ä`, `Ö`, `Ü` too), `-` or a space, and a
/// capital or a digit: the shape of the district code a registry-checked plate in
/// upper case starts with, and of the group after it. The code's length if so.
fn district_shape(b: &[u8]) -> Option<usize> {
    let capital = |at: usize| match b.get(at) {
        Some(c) if c.is_ascii_uppercase() => Some(1),
        Some(0xC3) if matches!(b.get(at + 1), Some(0x84 | 0x96 | 0x9C)) => Some(2),
        _ => None,
    };
    let mut at = 0;
    for _ in 0..3 {
        match capital(at) {
            Some(n) => at += n,
            None => break,
        }
    }
    let shape = at > 0
        && matches!(b.get(at), Some(b' ' | b'-'))
        && (capital(at + 1).is_some() || b.get(at + 1).is_some_and(u8::is_ascii_digit));
    shape.then_some(at)
}

/// How far (bytes) before and after a plate next to a vehicle word other plates of a
/// registry-checked format count as plates, at most: to the blank lines around it.
/// Bounded so that a plate is judged by the text near it only, as a rescan while typing
/// judges it again (within [`Reach::JUDGING`]: 768 bytes back, 384 ahead, with room
/// for the vehicle word around the other plate).
const TOPIC_BEFORE: usize = 320;
const TOPIC_AFTER: usize = 600;

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
    /// Reads a plate starting at word start `s`; with `vehicle`, the words around it are
    /// read for a vehicle word (otherwise the word before it only for a car brand).
    fn plate_at(&self, text: &str, s: usize, field: bool, vehicle: bool) -> Option<Candidate> {
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
        // A brand's name ("BMW X5") or one right before it: a model, not a plate.
        if BRANDS.iter().any(|b| b.eq_ignore_ascii_case(first)) {
            return None;
        }
        let (near, brand) = if vehicle { vehicle_context(text, s) } else { (false, brand_before(text, s)) };
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
            if k >= 2 {
                let mut rest = [""; 3];
                for (r, &(a, z)) in rest.iter_mut().zip(&groups[1..k]) {
                    *r = &text[a..z];
                }
                let (mut db, mut rb) = ([0u8; 32], [0u8; 32]);
                let cc = match (upper_into(&[first], &mut db), upper_into(&rest[..k - 1], &mut rb)) {
                    (Some(d), Some(r)) => self.country(d, r, k),
                    _ => None,
                };
                if let Some(cc) = cc {
                    let upper = case == Case::Upper;
                    let lifted = near || (upper && vehicle && vehicle_after(text, e));
                    let mut c = Candidate::new(Kind::LicensePlate, s, e, if lifted { LIFTED } else { 0.35 });
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
            if near || (case == Case::Upper && vehicle && vehicle_after(text, e)) {
                let mut c = Candidate::new(Kind::LicensePlate, s, e, LIFTED);
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
