//! Word lists of the address recogniser: street suffixes and types in German, Dutch and
//! Romance languages, detail words after a house number, and the words that say a
//! number is no postal code. All lower-case. The English/US lists are in
//! `streets_en.rs`.

use crate::lexicon::{Lexicon, Suffixes};
use std::sync::OnceLock;

/// Suffixes of German/Dutch/Scandinavian street compounds (lower-case).
pub(crate) const DE_SUFFIXES: &[&str] = &[
    "straße",
    "strasse",
    "str",
    "gasse",
    "gässli",
    "gässle",
    "weg",
    "platz",
    "allee",
    "ring",
    "damm",
    "ufer",
    "gürtel",
    "zeile",
    "steig",
    "stieg",
    "pfad",
    "graben",
    "kai",
    "promenade",
    "chaussee",
    "wall",
    "anger",
    "markt",
    "steg",
    "berg",
    "hof",
    "park",
    "siedlung",
    "stiege",
    "lände",
    "gracht",
    "straat",
    "laan",
    "plein",
    "kade",
    "singel",
    "dijk",
    "steeg",
    "hof",
    "dreef",
    "boulevard",
    "plantsoen",
    "markt",
    "vej",
    "gatan",
    "gata",
    "vägen",
];

/// Compounds that end like a street but are not one ("Parkplatz 5", "Bahnsteig 3").
pub(crate) const NOT_STREETS: &[&str] = &[
    "parkplatz",
    "arbeitsplatz",
    "stellplatz",
    "spielplatz",
    "sitzplatz",
    "bahnsteig",
    "supermarkt",
    "arbeitsweg",
    "rückweg",
    "heimweg",
    "schulweg",
    "umweg",
    "ausweg",
    "bahnhof",
    "friedhof",
    "bauernhof",
    "innenhof",
    "flughafen",
    "hering",
    "ehering",
    "fehring",
    "ordnung",
    "wohnung",
    "zahlung",
    "berg",
    "hof",
    "park",
    "markt",
    "ring",
    "weg",
    "wall",
    "steg",
    "stiege",
    "anger",
    "kai",
    "damm",
    "platz",
    "campingplatz",
    "marktplatz",
    "eisberg",
    "freizeitpark",
    "nationalpark",
    "tierpark",
    "windpark",
    "fuhrpark",
    "autopark",
    "zeile",
    "kopfzeile",
    "betreffzeile",
    "warteschlange",
    "flohmarkt",
    "arbeitsmarkt",
    "wochenmarkt",
    "weihnachtsmarkt",
];

/// Street-type words that stand alone after other words (`Lange Gasse`, `Am Graben`).
pub(crate) const DE_TYPES: &[&str] = &[
    "straße",
    "strasse",
    "str",
    "gasse",
    "weg",
    "platz",
    "allee",
    "ring",
    "damm",
    "ufer",
    "gürtel",
    "zeile",
    "steig",
    "graben",
    "markt",
    "kai",
    "promenade",
    "chaussee",
    "wall",
    "anger",
    "berg",
    "hof",
    "steg",
    "lände",
    "park",
    "tor",
];

/// Romance/Iberian street types that come first (`Via Roma 5`, `Calle Mayor 3`).
pub(crate) const LEAD_TYPES: &[&str] = &[
    "via",
    "viale",
    "piazza",
    "piazzale",
    "corso",
    "largo",
    "vicolo",
    "strada",
    "contrada",
    "calle",
    "c/",
    "avenida",
    "avda",
    "av",
    "plaza",
    "paseo",
    "carrer",
    "camino",
    "ronda",
    "travesía",
    "rambla",
    "glorieta",
    "stretto",
    "rotonda",
    "borgo",
    "lungomare",
    "lungotevere",
    "salita",
    "vico",
    "traversa",
    "urbanización",
    "urbanizacion",
    "urb",
    "rua",
    "praça",
    "acceso",
    "callejón",
    "pasaje",
    "carretera",
    "rue",
    "avenue",
    "boulevard",
    "bd",
    "bld",
    "place",
    "chemin",
    "allée",
    "impasse",
    "quai",
    "route",
    "cours",
    "square",
    // Polish: ulica, aleja, plac
    "ul",
    "ulica",
    "aleja",
    "plac",
];

/// French types that follow the house number (`12 rue de la Paix`).
pub(crate) const FR_TYPES: &[&str] = &[
    "rue",
    "avenue",
    "av",
    "boulevard",
    "bd",
    "place",
    "chemin",
    "allée",
    "impasse",
    "quai",
    "route",
    "cours",
    "square",
    "passage",
    "cité",
    "voie",
    "sentier",
];

/// Details after a German house number (`Stiege 2`, `Tür 14`, `Top 4`).
pub(crate) const DE_DETAILS: &[&str] = &[
    "stiege",
    "stg",
    "tür",
    "tuer",
    "top",
    "whg",
    "wohnung",
    "stock",
    "og",
    "eg",
    "dg",
    "app",
    "apt",
    "haus",
    "block",
    "etage",
    "zimmer",
    "trakt",
    "bus",
    "boîte",
    "esc",
    "piso",
    "puerta",
    "scala",
    "interno",
    "int",
    // French, Belgian, Spanish, Italian unit words
    "appt",
    "appartement",
    "bte",
    "boite",
    "escalera",
    "portal",
    "pta",
    "apto",
    "bloque",
    "edificio",
    "piano",
];

/// Prepositions (with the article fused or not) that open a German street name without
/// a street-type word (`Am Anger 4`, `Zur Mühle 3`, `Unter den Linden 77`): a closed
/// word class of German grammar.
#[rustfmt::skip]
pub(crate) const DE_STREET_PREPS: &[&str] = &[
    "am", "an", "auf", "aufm", "im", "in", "zum", "zur", "unter", "unterm", "hinter", "hinterm", "vor", "vorm", "bei",
    "beim", "über", "ueber", "überm", "ob", "ober", "neben", "zwischen", "gegenüber", "vorderm", "auf'm",
];

/// Nouns after such a preposition that make a calendar, quantity or document phrase, not
/// a street (`Im Jahr 2023`, `Am Montag 3 Pakete`, `Auf Seite 12`, `Im Raum 4`); with
/// their English kin, no number after them is a house number before a postal code.
#[rustfmt::skip]
pub(crate) const NOT_PREP_STREET: &[&str] = &[
    "jahr", "jahre", "jahren", "jahres", "monat", "monate", "monaten", "woche", "wochen", "tag", "tage", "tagen",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag", "wochenende",
    "januar", "jänner", "februar", "feber", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
    "november", "dezember", "frühjahr", "frühling", "sommer", "herbst", "winter", "quartal", "halbjahr", "semester",
    "seite", "seiten", "punkt", "punkte", "kapitel", "absatz", "abschnitt", "paragraph", "paragraf", "artikel",
    "zeile", "zeilen", "spalte", "anhang", "anlage", "band", "heft", "ausgabe", "folge", "teil", "schritt", "stufe",
    "level", "runde", "zimmer", "raum", "saal", "büro", "gleis", "bus", "linie", "tor", "uhr", "stück", "minute",
    "minuten", "stunde", "stunden", "sekunden", "prozent", "nummer", "position", "version", "schnitt", "durchschnitt",
    "summe", "gesamt", "moment", "vergleich", "rahmen", "fall", "alter", "preis", "wert", "betrag", "grad", "größe",
    "gruppe", "team", "klasse", "etage", "stock", "geschoss", "platz", "rang", "vertrag", "auftrag", "ticket",
    "termin", "zeitraum", "lager", "regal", "fach", "paket", "karton", "kiste", "verzug", "rückstand", "voraus",
    "ort", "stelle", "reihe", "bord",
    // English: the numbers after these are no house numbers either ("Section 4, 12345 …")
    "section", "chapter", "page", "item", "step", "part", "point", "version", "figure", "table", "line", "room",
    "question", "level", "round", "week", "day", "year", "month", "order", "ticket", "invoice", "case", "no",
];

/// Floor words after an ordinal (`3. OG`, `1. Stock`, `2. Etage`).
#[rustfmt::skip]
pub(crate) const FLOOR_WORDS: &[&str] = &[
    "og", "stock", "st", "etage", "obergeschoss", "obergeschoß", "geschoss", "geschoß", "stockwerk", "ug", "piano",
    "étage", "etg", "floor", "fl", "piso", "verdieping",
];

/// Parts of a house that stand alone as a unit detail (`Hinterhaus`, `Seitenflügel`).
#[rustfmt::skip]
pub(crate) const HOUSE_PARTS: &[&str] = &[
    "hinterhaus", "vorderhaus", "seitenflügel", "seitenfluegel", "gartenhaus", "quergebäude", "hinterhof",
    "rückgebäude", "rueckgebaeude", "nebengebäude", "anbau", "dachgeschoss", "erdgeschoss", "souterrain",
];

/// Words after a 4–5 digit number that say it is a quantity or price, not a postal code.
pub(crate) const NOT_CITY: &[&str] = &[
    "euro",
    "eur",
    "chf",
    "usd",
    "gbp",
    "dollar",
    "franken",
    "stück",
    "stk",
    "packungen",
    "kartons",
    "items",
    "uhr",
    "kunden",
    "mal",
    "jahre",
    "jahren",
    "tage",
    "tagen",
    "monate",
    "km",
    "kg",
    "mb",
    "gb",
    "kb",
    "minuten",
    "stunden",
    "punkte",
    "points",
    "units",
    "pieces",
    "pcs",
    "mitarbeiter",
    "bis",
    "und",
    "oder",
    "in",
    "im",
    "am",
    "an",
    "um",
    "von",
    "zum",
    "zur",
    "the",
    "and",
    "to",
    "of",
    "for",
    "bitte",
    "danke",
    "kündigen",
    "gespeichert",
    "geändert",
    "alte",
    "neue",
    "alle",
    "ab",
    "seit",
    "bei",
    "mit",
    "per",
    "pro",
    "je",
    "x",
];

/// First words of the street grammars that read other words before the house number:
/// PO boxes (`Postfach`, `P. O. Box`, `Case postale`), German prepositions
/// ([`DE_STREET_PREPS`]), English floors and flats (`Ground Floor`, `Flat 3`) and the
/// Spanish `C/` (`C/ Mayor 3`). Lead types (`Via`, `rue`) are a bit of the lexicon.
const LEAD_WORDS: &[&str] = &[
    "postfach",
    "postbus",
    "postbox",
    "postlagerfach",
    "apartado",
    "po",
    "p",
    "case",
    "casella",
    "boîte",
    "boite",
    "ground",
    "first",
    "second",
    "third",
    "top",
    "basement",
    "lower",
    "upper",
    "flat",
    "apartment",
    "apt",
    "unit",
    "suite",
    "c",
];

/// Is `w` (lower case) one of [`LEAD_WORDS`] or [`DE_STREET_PREPS`]? One probe of a
/// table built on first use.
pub(crate) fn lead_word(w: &str) -> bool {
    street_lists().lead_words.get(w.as_bytes()) != 0
}

/// Is `w` (lower case) one of the English street suffixes
/// ([`super::streets_en::EN_SUFFIXES`])? One probe instead of a comparison with each of
/// the 236 entries for every word after a house number.
pub(crate) fn is_en_suffix(w: &str) -> bool {
    street_lists().en_suffixes.get(w.as_bytes()) != 0
}

/// A look-up table of the words of `lists` (any bit set means listed).
fn word_table(lists: &[&'static [&'static str]]) -> Lexicon {
    let mut entries: Vec<(&'static str, u32)> = Vec::new();
    for list in lists {
        for &w in list.iter() {
            entries.push((w, 1));
        }
    }
    Lexicon::new(entries.into_iter())
}

/// Is `w` (lower-case) a street word — a street compound or a standalone street type?
/// Suffixes that are also frequent in surnames (`-berg`, `-hof`, `-feld`) do not count.
pub(crate) fn is_street_word(w: &str) -> bool {
    let l = street_lists();
    if l.surname_like.matches(w, 0, usize::MAX) {
        return false;
    }
    street_compound(w)
        || super::listed(w) & (super::flag::DE_TYPE | super::flag::LEAD_TYPE) != 0
        || EN_STREET_TYPES.contains(&w)
}

/// English street types that are no surnames or given names: a name does not run on
/// over them (`Rose Street`, `Hawthorne Blvd`). `Lane`, `Hill`, `Park`, `Wood` are
/// surnames and are left out.
pub(crate) const EN_STREET_TYPES: &[&str] = &[
    "street",
    "road",
    "rd",
    "avenue",
    "ave",
    "blvd",
    "boulevard",
    "terrace",
    "crescent",
    "parkway",
    "pkwy",
    "highway",
    "hwy",
    "expressway",
    "freeway",
];

/// Street-name endings that are also frequent in surnames.
pub(crate) const SURNAME_LIKE: &[&str] =
    &["berg", "hof", "park", "markt", "tor", "anger", "wall", "graben", "ring", "bach"];

/// The street endings in suffix tries and the first words and English suffixes in
/// tables, built once (the standalone types are bits of the word lexicon): one look-up
/// per word instead of a comparison with every entry.
struct StreetLists {
    surname_like: Suffixes,
    suffixes: Suffixes,
    lead_words: Lexicon,
    en_suffixes: Lexicon,
}

fn street_lists() -> &'static StreetLists {
    static L: OnceLock<StreetLists> = OnceLock::new();
    L.get_or_init(|| StreetLists {
        surname_like: Suffixes::new(SURNAME_LIKE),
        suffixes: Suffixes::new(DE_SUFFIXES),
        lead_words: word_table(&[LEAD_WORDS, DE_STREET_PREPS]),
        en_suffixes: word_table(&[super::streets_en::EN_SUFFIXES]),
    })
}

pub(crate) fn street_compound(w: &str) -> bool {
    // An ending after a stem of three bytes or more; "Sicherung", "Wohnung": nouns in
    // -ung are never streets.
    street_lists().suffixes.matches(w, 3, usize::MAX) && !w.ends_with("ung") && !NOT_STREETS.contains(&w)
}

#[cfg(test)]
mod tests {
    /// The definition of a street word, entry by entry.
    fn street_word_by_lists(w: &str) -> bool {
        if super::SURNAME_LIKE.iter().any(|s| w.ends_with(s)) {
            return false;
        }
        let compound = !super::NOT_STREETS.contains(&w)
            && !w.ends_with("ung")
            && super::DE_SUFFIXES.iter().any(|s| w.len() >= s.len() + 3 && w.ends_with(s));
        compound
            || super::DE_TYPES.contains(&w)
            || super::LEAD_TYPES.contains(&w)
            || super::EN_STREET_TYPES.contains(&w)
    }

    #[test]
    fn street_words_as_the_lists_say() {
        let lists = [
            super::DE_SUFFIXES,
            super::NOT_STREETS,
            super::DE_TYPES,
            super::LEAD_TYPES,
            super::SURNAME_LIKE,
            super::EN_STREET_TYPES,
        ];
        for list in lists {
            for e in list.iter() {
                for w in [
                    e.to_string(),
                    format!("a{e}"),
                    format!("ab{e}"),
                    format!("abc{e}"),
                    format!("hauptä{e}"),
                    format!("{e}s"),
                    e[1..].to_string(),
                    format!("lösung{e}"),
                ] {
                    assert_eq!(super::is_street_word(&w), street_word_by_lists(&w), "{w:?}");
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn street_words_random(parts in proptest::collection::vec(proptest::sample::select(vec![
            "str", "aße", "a", "ß", "weg", "ung", "berg", "platz", "ring", "h", "ä", "via", "hof", "markt", "e", "gasse", "park", "-",
        ]), 0..6)) {
            let w = parts.concat();
            proptest::prop_assert_eq!(super::is_street_word(&w), street_word_by_lists(&w));
        }
    }
}
