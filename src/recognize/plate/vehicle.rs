//! The words around a plate: vehicle words (and their compounds, abbreviations and
//! slips) that place a plate, car brands that mark a model name, and the short words
//! that end a lower-case plate.

use crate::recognize::util::typo_eq_ci;

/// Vehicle words that allow a generic plate right after them (lower case).
const VEHICLE_WORDS: &[&str] = &[
    "kennzeichen",
    "kfz-kennzeichen",
    "autokennzeichen",
    "nummernschild",
    "kontrollschild",
    "fahrzeug",
    "fahrzeugs",
    "fahrzeuges",
    "fzg",
    "kfz",
    "auto",
    "autos",
    "wagen",
    "pkw",
    "lkw",
    "motorrad",
    "car",
    "vehicle",
    "plate",
    "plates",
    "numberplate",
    "registration",
    "reg",
    "license",
    "licence",
    "immatriculation",
    "plaque",
    "voiture",
    "targa",
    "matrícula",
    "matricula",
    "coche",
    "kenteken",
    "auto's",
    "kennz",
    "veh",
    "véhicule",
    "vehicule",
    "veicolo",
    "vehículo",
    "vehiculo",
    "voertuig",
    "rejestracyjny",
    "rejestracyjna",
    "rejestracyjnej",
    "rejestracji",
    "samochód",
    "samochodu",
    "pojazd",
    "pojazdu",
];

/// German compounds ending in a vehicle word ("Zweitwagen", "Firmenfahrzeug",
/// "E-Auto", "Kfz-Kennzeichen") are vehicle words too.
const VEHICLE_SUFFIXES: &[&str] = &["wagen", "fahrzeug", "auto", "kennzeichen", "fahrzeugs", "autos"];

/// Long vehicle words, recognised even with one typing slip ("Fharzeug").
const LONG_VEHICLE_WORDS: &[&str] =
    &["fahrzeug", "kennzeichen", "vehicle", "registration", "nummernschild", "kontrollschild", "numberplate"];

/// Car brands: a value right after one is a model name ("BMW X5", "Audi A4 2.0").
pub(super) const BRANDS: &[&str] = &[
    "bmw",
    "vw",
    "volkswagen",
    "audi",
    "mercedes",
    "mercedes-benz",
    "benz",
    "opel",
    "ford",
    "toyota",
    "skoda",
    "škoda",
    "seat",
    "cupra",
    "renault",
    "peugeot",
    "citroen",
    "citroën",
    "fiat",
    "tesla",
    "volvo",
    "mazda",
    "honda",
    "nissan",
    "kia",
    "hyundai",
    "porsche",
    "dacia",
    "mini",
    "smart",
    "suzuki",
    "mitsubishi",
    "subaru",
    "lexus",
    "jeep",
    "alfa",
    "romeo",
    "jaguar",
    "land",
    "rover",
    "chevrolet",
    "dodge",
    "lancia",
    "ds",
    "mg",
    "byd",
    "polestar",
    "golf",
    "passat",
    "modell",
    "model",
    "typ",
    "type",
];

/// Short lower-case words that end a lower-case plate ("hro kx 468 am Montag").
pub(super) const STOP: &[&str] = &[
    "am", "an", "ab", "at", "auf", "in", "im", "is", "ist", "on", "um", "und", "and", "the", "der", "die", "das",
    "dem", "den", "mit", "von", "bei", "zu", "to", "of", "for", "für", "war", "was", "wurde", "hat", "has", "ein",
    "eine", "a", "es", "it", "bitte", "please", "vor", "nach",
];

/// Words after which "tag" means a licence plate in American English ("my tag", "new
/// tag", "temp tag", "license tag"); German "Tag" (day) follows none of them.
const TAG_BEFORE: &[&str] = &[
    "my",
    "our",
    "your",
    "his",
    "her",
    "their",
    "the",
    "a",
    "new",
    "old",
    "temp",
    "temporary",
    "paper",
    "license",
    "licence",
    "car",
    "truck",
    "vehicle",
    "state",
    "plate",
];

/// Copulas that link a vehicle word further back to the value after them ("the tag on
/// the van is …", "das Kennzeichen vom Anhänger lautet …").
const COPULAS: &[&str] = &["is", "was", "reads", "ist", "lautet", "war", "est", "è", "es", "is:"];

/// Looks at up to three words before `s`: is one a vehicle word (possibly with a
/// typing slip), and is the nearest one a car brand? When the nearest word is a
/// copula, the clause before it (up to six more words, no punctuation in between) is
/// read too. Allocates only to lower-case a long word for the typing-slip comparison.
pub(super) fn vehicle_context(text: &str, s: usize) -> (bool, bool) {
    let mut end = s;
    let (mut near, mut brand, mut reach) = (false, false, 3);
    let mut n = 0;
    while n < reach {
        let Some((start, w, gap)) = word_before(text, end) else { break };
        if n > 2 && gap.contains([',', ';', '.', '!', '?', ':', '(', ')']) {
            break;
        }
        if n == 0 && is_brand(w) {
            brand = true;
        }
        if n == 0 && COPULAS.iter().any(|c| c.eq_ignore_ascii_case(w)) {
            reach = 9;
        }
        if is_vehicle_word(w) || (is_tag(w) && word_before(text, start).is_some_and(|(_, p, _)| is_tag_before(p))) {
            near = true;
        }
        end = start;
        n += 1;
    }
    (near, brand)
}

/// The word right before `s` is a car brand ("BMW X5": a model, not a plate).
pub(super) fn brand_before(text: &str, s: usize) -> bool {
    word_before(text, s).is_some_and(|(_, w, _)| is_brand(w))
}

fn is_brand(w: &str) -> bool {
    BRANDS.iter().any(|b| b.eq_ignore_ascii_case(w))
}

/// The word before `end` (letters, digits, `-`, `'`), its start and the gap after
/// it, or `None` at the start of the text or across a blank line.
fn word_before(text: &str, end: usize) -> Option<(usize, &str, &str)> {
    let before = &text[..end];
    let trimmed = before.trim_end_matches(|c: char| !c.is_alphanumeric());
    if trimmed.is_empty() || before[trimmed.len()..].matches('\n').count() >= 2 {
        return None;
    }
    let start = trimmed
        .rfind(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .map_or(0, |i| i + trimmed[i..].chars().next().map_or(1, char::len_utf8));
    Some((start, &trimmed[start..], &before[trimmed.len()..]))
}

/// "tag" or "tags" in any case.
pub(super) fn is_tag(w: &str) -> bool {
    w.eq_ignore_ascii_case("tag") || w.eq_ignore_ascii_case("tags")
}

/// A word after which "tag" names a plate.
fn is_tag_before(w: &str) -> bool {
    TAG_BEFORE.iter().any(|t| t.eq_ignore_ascii_case(w))
}

/// A vehicle word, a compound ending in one, or a long one with a typing slip.
pub(super) fn is_vehicle_word(w: &str) -> bool {
    VEHICLE_WORDS.iter().any(|v| v.eq_ignore_ascii_case(w))
        || ((6..=15).contains(&w.len()) && LONG_VEHICLE_WORDS.iter().any(|v| typo_eq_ci(w, v)))
        || VEHICLE_SUFFIXES.iter().any(|v| {
            w.len() > v.len() + 1
                && w.is_char_boundary(w.len() - v.len())
                && w[w.len() - v.len()..].eq_ignore_ascii_case(v)
        })
}

/// True if the word right after `e` (past spaces and an opening bracket or dash) is a
/// vehicle word: "S-KL 2291E (E-Auto)", "GH-427-LM car park".
pub(super) fn vehicle_after(text: &str, e: usize) -> bool {
    let rest = text[e..].trim_start_matches([' ', '(', '-', ',', '–']);
    let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '-')).unwrap_or(rest.len());
    end > 0 && is_vehicle_word(&rest[..end])
}
