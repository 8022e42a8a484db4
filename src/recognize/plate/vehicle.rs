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

/// Looks at up to three words before `s`: is one a vehicle word (possibly with a
/// typing slip), and is the nearest one a car brand? Allocates only to lower-case a
/// long word for the typing-slip comparison.
pub(super) fn vehicle_context(text: &str, s: usize) -> (bool, bool) {
    let before = &text[..s];
    let mut end = s;
    let (mut near, mut brand) = (false, false);
    for n in 0..3 {
        let trimmed = before[..end].trim_end_matches(|c: char| !c.is_alphanumeric());
        if trimmed.is_empty() || before[trimmed.len()..end].matches('\n').count() >= 2 {
            break;
        }
        let start = trimmed
            .rfind(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
            .map_or(0, |i| i + trimmed[i..].chars().next().map_or(1, char::len_utf8));
        let w = &trimmed[start..];
        if n == 0 && BRANDS.iter().any(|b| b.eq_ignore_ascii_case(w)) {
            brand = true;
        }
        if is_vehicle_word(w) {
            near = true;
        }
        end = start;
    }
    (near, brand)
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
