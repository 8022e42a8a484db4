//! Names written other ways: each category of writing that the name recogniser reads
//! gets a generator of its variants (asserting the name is found, with its exact text)
//! and a generator of near misses (asserting no name is found).
//!
//! * casing: every case of `tests/cases/person.jsonl` in lower case, UPPER CASE,
//!   decomposed (NFD) letters, and its two-word names as `SURNAME Given` (cases marked
//!   `"variants": false` are evidence that lives in the casing itself).

use pii_veil::{Kind, Scanner};
use proptest::prelude::*;
use serde_json::Value;
use std::sync::OnceLock;

fn scanner() -> &'static Scanner {
    static S: OnceLock<Scanner> = OnceLock::new();
    S.get_or_init(Scanner::new)
}

/// The names found in `text`.
fn names(text: &str) -> Vec<String> {
    scanner()
        .scan(text, None)
        .unwrap()
        .into_iter()
        .filter(|f| f.kind == Kind::Person)
        .map(|f| text[f.span.start..f.span.end].to_string())
        .collect()
}

/// One case of the case file: text and the expected names (no form-field cases).
struct Case {
    text: String,
    want: Vec<String>,
}

fn cases() -> Vec<Case> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases/person.jsonl");
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with("//"))
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|v| v.get("field").is_none() && v.get("variants").and_then(Value::as_bool) != Some(false))
        .map(|v| Case {
            text: v["text"].as_str().unwrap().to_string(),
            want: v["expect"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|e| e["kind"] == "person")
                .filter_map(|e| e["text"].as_str().map(str::to_string))
                .collect(),
        })
        .collect()
}

/// Letters with a canonical decomposition, as base + combining mark.
fn nfd(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let (base, mark) = match c {
            'ä' => ('a', '\u{308}'),
            'ö' => ('o', '\u{308}'),
            'ü' => ('u', '\u{308}'),
            'Ä' => ('A', '\u{308}'),
            'Ö' => ('O', '\u{308}'),
            'Ü' => ('U', '\u{308}'),
            'é' => ('e', '\u{301}'),
            'É' => ('E', '\u{301}'),
            'è' => ('e', '\u{300}'),
            'á' => ('a', '\u{301}'),
            'ó' => ('o', '\u{301}'),
            'í' => ('i', '\u{301}'),
            'ç' => ('c', '\u{327}'),
            'ñ' => ('n', '\u{303}'),
            'č' => ('c', '\u{30C}'),
            'š' => ('s', '\u{30C}'),
            'ž' => ('z', '\u{30C}'),
            'ć' => ('c', '\u{301}'),
            'ğ' => ('g', '\u{306}'),
            'ş' => ('s', '\u{327}'),
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push(base);
        out.push(mark);
    }
    out
}

/// Every way of writing a case that must find the same names: (label, text, names).
fn casing_variants(c: &Case) -> Vec<(&'static str, String, Vec<String>)> {
    let mut v = vec![
        ("lower", c.text.to_lowercase(), c.want.iter().map(|w| w.to_lowercase()).collect()),
        ("upper", c.text.to_uppercase(), c.want.iter().map(|w| w.to_uppercase()).collect()),
        ("nfd", nfd(&c.text), c.want.iter().map(|w| nfd(w)).collect()),
    ];
    // "Oliver Geier" → "GEIER Oliver", as on ID cards and forms
    if c.want.len() == 1 {
        let w = &c.want[0];
        let parts: Vec<&str> = w.split(' ').collect();
        if parts.len() == 2
            && parts.iter().all(|p| {
                p.chars().next().is_some_and(char::is_uppercase)
                    && p.len() > 2
                    && p.chars().all(char::is_alphabetic)
                    && p.chars().skip(1).all(char::is_lowercase)
            })
        {
            let swapped = format!("{} {}", parts[1].to_uppercase(), parts[0]);
            v.push(("SURNAME First", c.text.replace(w.as_str(), &swapped), vec![swapped]));
        }
    }
    v
}

#[test]
fn casing_of_every_case() {
    let mut bad = Vec::new();
    for c in cases() {
        for (label, text, want) in casing_variants(&c) {
            let got = names(&text);
            if got != want {
                bad.push(format!("{label}: {text:?}\n   want {want:?}\n   got  {got:?}"));
            }
        }
    }
    assert!(bad.is_empty(), "{} casing variants failed:\n{}", bad.len(), bad.join("\n"));
}

/// Writes `s` in one of the casings people use: as is, lower, UPPER.
fn cased(s: &str, how: u8) -> String {
    match how {
        1 => s.to_lowercase(),
        2 => s.to_uppercase(),
        _ => s.to_string(),
    }
}

/// Ordinary prose with words that are also names (nouns, months, weekdays, verbs).
const NEAR_MISSES: &[&str] = &[
    "Der Bauer nebenan hat im Mai einen Wolf gesehen.",
    "Am Montag kommen 3 Pakete, im Jahr 2023 waren es mehr.",
    "Bill is wrong, to be frank.",
    "Customer verified with DOB January 2, 1973.",
    "New ETA November 15, 2025, carrier informed.",
    "the package finally came, ty",
    "what else do you need from me",
    "Die Rechnung vom März ist noch offen, bitte prüfen.",
    "Ich bin froh, dass es geklappt hat.",
    "Hallo, Paket ist nicht angekommen.",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Casing near misses: prose in any casing has no name.
    #[test]
    fn casing_near_misses(k in 0..NEAR_MISSES.len(), how in 0u8..3) {
        let text = cased(NEAR_MISSES[k], how);
        prop_assert!(names(&text).is_empty(), "{text:?}: {:?}", names(&text));
    }

    /// A cue, then a full name in any casing (and as `SURNAME Given`): the name is found.
    #[test]
    fn casing_of_names(
        cue in proptest::sample::select(vec!["Mein Name ist ", "Name: ", "Hallo, ich bin ", "Kontoinhaber: ", "Sehr geehrte Frau ", "Best regards,\n"]),
        given in proptest::sample::select(vec!["Annegret", "Tobias", "Zeynep", "Małgorzata", "Siobhán"]),
        surname in proptest::sample::select(vec!["Pfanzelter", "Hollstein", "Kowalczyk", "Brückl", "Dunmore"]),
        how in 0u8..4,
    ) {
        let cue_text = if how == 3 { cue.to_string() } else { cased(cue, how) };
        let name = if how == 3 { format!("{} {given}", surname.to_uppercase()) } else { cased(&format!("{given} {surname}"), how) };
        let text = format!("{cue_text}{name}");
        prop_assert_eq!(names(&text), vec![name], "{:?}", text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Intro variants: cue × filler × separator × name (and the cue after the name).
    #[test]
    fn intro_variants(
        cue in proptest::sample::select(vec!["ich bin", "Ich bins", "ich bin's", "i bin", "i bims", "hier ist", "this is", "Hallo, hier nochmal", "hi, its"]),
        filler in proptest::sample::select(vec!["", " nochmal", " again", " halt"]),
        sep in proptest::sample::select(vec![" ", ", ", " - "]),
        given in proptest::sample::select(vec!["Annegret", "Tobias", "Zeynep", "Siobhán", "Kerem"]),
        surname in proptest::sample::select(vec!["", " Pfanzelter", " Kowalczyk", " Brückl"]),
        tail in proptest::sample::select(vec!["", ".", ", ich hab eine Frage", ". Meine Nummer hat sich geändert"]),
    ) {
        let name = format!("{given}{surname}");
        let text = format!("{cue}{filler}{sep}{name}{tail}");
        prop_assert_eq!(names(&text), vec![name.clone()], "{:?}", text);
        let after = format!("Guten Tag, {name} mein Name{tail}");
        prop_assert_eq!(names(&after), vec![name], "{:?}", after);
    }

    /// Intro near misses: cue × filler × something that is no name.
    #[test]
    fn intro_near_misses(
        cue in proptest::sample::select(vec!["ich bin", "Ich bins", "i bin", "hier", "this is", "Hier ist"]),
        filler in proptest::sample::select(vec!["", " nochmal", " again", " halt", " jetzt"]),
        rest in proptest::sample::select(vec![" kurz weg.", " die Daten:", " alles gut", " bei euch Kunde.", " so frustrated.", ", danke"]),
    ) {
        let text = format!("{cue}{filler}{rest}");
        prop_assert!(names(&text).is_empty(), "{text:?}: {:?}", names(&text));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Closing variants: body × closing × separator × name (one or two words, listed
    /// or not).
    #[test]
    fn closing_variants(
        body in proptest::sample::select(vec!["Bitte um Rückruf.", "Thanks for the quick fix.", "Die Daten stimmen nicht"]),
        closing in proptest::sample::select(vec!["Danke", "Vielen Dank", "Gruß", "Gruess", "LG", "VG", "MfG", "Rgds", "Best regards", "Cheers", "Merci", "Grazie", "Gracias", "Saludos"]),
        sep in proptest::sample::select(vec!["\n", ",\n", "\n\n", " ", ", "]),
        name in proptest::sample::select(vec!["Wiebke", "Tjorven Harmsen", "Annegret Pfanzelter", "Siobhán", "Giuseppe Russo", "Ayşe Kaya"]),
    ) {
        let text = format!("{body}\n{closing}{sep}{name}");
        prop_assert_eq!(names(&text), vec![name.to_string()], "{:?}", text);
    }

    /// Closing near misses: a closing followed by words that are no name.
    #[test]
    fn closing_near_misses(
        closing in proptest::sample::select(vec!["Danke", "Vielen Dank", "Gruß", "LG", "Best regards", "Cheers", "Merci"]),
        sep in proptest::sample::select(vec!["\n", ",\n", " "]),
        rest in proptest::sample::select(vec!["Ihr Kundenservice", "für alles", "an alle", "im Voraus!", "The Support Team", "Schönes Wochenende"]),
    ) {
        let text = format!("Bitte prüfen.\n{closing}{sep}{rest}");
        prop_assert!(names(&text).is_empty(), "{text:?}: {:?}", names(&text));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Names with particles, initials and nicknames inside, after a title or label.
    #[test]
    fn inner_part_variants(
        cue in proptest::sample::select(vec!["Sehr geehrter Herr ", "Dear Mr ", "Name: ", "Kontoinhaber: ", "Account holder: "]),
        given in proptest::sample::select(vec!["Marco", "Pieter", "Nguyen", "J.", "T. A.", "H. J. R.", "Margaret (Peggy)"]),
        particle in proptest::sample::select(vec!["", "De ", "Di ", "Van ", "van der ", "von ", "Del ", "Mac "]),
        surname in proptest::sample::select(vec!["Santis", "Berg", "Long", "Okafor", "Holloway", "Obermaier"]),
        tail in proptest::sample::select(vec!["", ",", ".", "\nIBAN: folgt"]),
    ) {
        let name = format!("{given} {particle}{surname}");
        let text = format!("{cue}{name}{tail}");
        prop_assert_eq!(names(&text), vec![name], "{:?}", text);
    }

    /// A capitalised particle that no name word follows stays outside the name.
    #[test]
    fn inner_part_near_misses(
        name in proptest::sample::select(vec!["Huber", "Anna Huber", "Okafor"]),
        particle in proptest::sample::select(vec!["Von", "De", "Van", "Da"]),
        rest in proptest::sample::select(vec!["", " der Firma", " dem Amt", ".", " und mir"]),
    ) {
        let text = format!("Ich habe mit Herrn {name} {particle}{rest} gesprochen.");
        prop_assert_eq!(names(&text), vec![name.to_string()], "{:?}", text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Names in brackets after a role word: role × name × what closes the bracket.
    #[test]
    fn bracket_variants(
        role in proptest::sample::select(vec!["beim Nachbarn", "mein Mann", "meine Frau", "the agent", "my neighbour", "die Sachbearbeiterin", "TL", "Teamleiterin"]),
        name in proptest::sample::select(vec!["Marković", "Priyanka", "Dragoslav Perić", "Zieliński", "Annegret"]),
        close in proptest::sample::select(vec![")", "?)", ", *17.01.1987)", ", geb. 1980)"]),
    ) {
        let text = format!("Bitte Rückruf, {role} ({name}{close} weiß Bescheid.");
        prop_assert_eq!(names(&text), vec![name.to_string()], "{:?}", text);
    }

    /// Brackets without a role word before them, or without a name inside.
    #[test]
    fn bracket_near_misses(
        word in proptest::sample::select(vec!["Tarif", "mein Auto", "die Rechnung", "the router", "Paket"]),
        inside in proptest::sample::select(vec!["Basis", "E-Auto", "gesperrt", "CGNAT?", "Kopie", "Einkauf"]),
    ) {
        let text = format!("Bitte prüfen: {word} ({inside}) ist falsch.");
        prop_assert!(names(&text).is_empty(), "{text:?}: {:?}", names(&text));
    }

    /// Forwarded headers and quoted sign-offs.
    #[test]
    fn header_and_quote_variants(
        header in proptest::sample::select(vec!["Von", "From", "De", "Absender"]),
        name in proptest::sample::select(vec!["Oisín Brennan", "Hakan Öztürk", "Annegret Pfanzelter", "Luis Ortega"]),
        quote in proptest::sample::select(vec!["> ", ">> ", "> > "]),
    ) {
        let mail = name.to_lowercase().replace(' ', ".");
        let text = format!("-----Original-----\n{header}: {name} <{mail}@example.org>\n\n{quote}Bitte um Rückruf.\n{quote}{name}");
        prop_assert_eq!(names(&text), vec![name.to_string(), name.to_string()], "{:?}", text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Names in no list, known by their shape and a strong cue or a birth word after them.
    #[test]
    fn shaped_name_variants(
        given in proptest::sample::select(vec!["Oluwaseun", "Gülçin", "Tjorven", "Éabha", "Wojciech", "Nnamdi"]),
        surname in proptest::sample::select(vec!["Adeyemi", "Yıldız", "Harmsen", "Ní Bhriain", "Szczęsny", "Okonkwo-Ibe"]),
        frame in 0usize..3,
    ) {
        let name = format!("{given} {surname}");
        let text = match frame {
            0 => format!("Neue Mitglieder:\n1. {name}, born 11 Nov 1980"),
            1 => format!("richtig ist {name}, bitte ändern"),
            _ => format!("Kontoinhaber: {name}\nIBAN folgt"),
        };
        prop_assert_eq!(names(&text), vec![name], "{:?}", text);
    }

    /// Codes, professions, streets and companies after cues or next to names.
    #[test]
    fn shaped_near_misses(
        pair in proptest::sample::select(vec![
            ("Escalated to", "T2"), ("Escalated to", "L3"), ("eure", "USt-ID"), ("deine", "Kd-Nr"), ("Ich bin", "Fotografin"),
            ("ich bin", "Studentin"), ("I am", "Pianist"), ("the shop on", "Grafton Street"), ("Rechnung an", "Tanner Malerei GmbH"),
            ("Lieferung an", "Lindner Logistik"), ("Kunde", "Migros Filiale"),
        ]),
        how in 0u8..3,
    ) {
        let (cue, thing) = pair;
        let text = cased(&format!("{cue} {thing}, bitte prüfen."), how);
        prop_assert!(names(&text).is_empty(), "{text:?}: {:?}", names(&text));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Name-part labels: label (seven languages) × joiner × name × tail.
    #[test]
    fn name_part_label_variants(
        label in proptest::sample::select(vec![
            "my surname", "My last name", "her family name", "his first name", "given name", "Forename",
            "Familienname", "Prénom", "nom de famille", "Cognome", "apellido", "Achternaam", "voornaam", "Nazwisko", "imię",
        ]),
        joiner in proptest::sample::select(vec![" is ", ": ", " - ", " "]),
        name in proptest::sample::select(vec!["Huber", "Okonkwo", "Nowicki", "Ní Bhriain", "Đorđević", "Anna-Lena"]),
        tail in proptest::sample::select(vec!["", ".", ", thanks", " und nicht anders"]),
    ) {
        let text = format!("{label}{joiner}{name}{tail}");
        prop_assert_eq!(names(&text), vec![name.to_string()], "{:?}", text);
    }

    /// Name-part labels near misses: the writer talks about the form, or a verb follows.
    #[test]
    fn name_part_label_near_misses(
        label in proptest::sample::select(vec!["the surname", "The last name", "your first name", "das Nachname", "the name", "given name"]),
        rest in proptest::sample::select(vec![" field is empty.", " box shows an error", " column is cut off", "-Feld ist leer", " is misspelt", " is required."]),
    ) {
        let text = format!("{label}{rest}");
        prop_assert!(names(&text).is_empty(), "{text:?}: {:?}", names(&text));
    }

    /// A full name before a comma is complete: the word after the comma starts the message
    /// unless it is a known given name ("Kunde Stelzl, Aurelia").
    #[test]
    fn comma_after_full_name(
        cue in proptest::sample::select(vec!["Kunde:", "Kundin", "hier ist", "Anrufer:"]),
        name in proptest::sample::select(vec!["Jonas Weber", "Aylin Demir", "Pádraig Ó Sé"]),
        rest in proptest::sample::select(vec!["Rückruf erbeten", "Termin morgen", "Anfrage zur Rechnung", "Bitte um Rückruf"]),
    ) {
        let text = format!("{cue} {name}, {rest}");
        prop_assert_eq!(names(&text), vec![name.to_string()], "{:?}", text);
    }
}

/// A pasted table: the header row and the data rows joined by `sep`.
fn table(sep: &str, rows: &[Vec<String>]) -> String {
    rows.iter().map(|r| r.join(sep)).collect::<Vec<_>>().join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Name columns of pasted tables: header word (seven languages, form-field and role
    /// words) × separator × how the list writes the name × the other columns × where
    /// the name column stands.
    #[test]
    fn table_name_column_variants(
        header in proptest::sample::select(vec![
            "Name", "Vorname", "Nachname", "Kunde", "Kundin", "Mitglied", "Patient", "Teilnehmer", "Ansprechpartner",
            "Customer", "Member", "Full name", "Attendee", "Client", "Cliente", "Klant", "Uczestnik", "Name des Kunden",
        ]),
        sep in proptest::sample::select(vec!["\t", " | ", ";", "\t\t"]),
        more in proptest::sample::subsequence(vec![
            "Ozturk", "Grace-Ann Ellery", "Đorđević Marko", "ÖZTÜRK Selin", "van der Berg, Pieter",
        ], 0..2),
        known in proptest::sample::select(vec!["Schäfer, Uwe", "Nic Aodha, Caoimhe", "Dr. Ines Kraus", "Walter Kranz", "Yusuf Tekin"]),
        at in 0usize..3,
        other in proptest::sample::select(vec![("Geb.", "07.10.1983"), ("Telefon", "0208 45 33 81"), ("Status", "offen"), ("Beitrag", "24,00")]),
        first in any::<bool>(),
    ) {
        let row = |a: &str, b: &str| if first { vec![a.to_string(), b.to_string()] } else { vec![b.to_string(), a.to_string()] };
        // at least half of the names carry evidence (a known given name, the list form)
        let mut names = more;
        names.insert(at.min(names.len()), known);
        let mut rows = vec![row(header, other.0)];
        rows.extend(names.iter().map(|n| row(n, other.1)));
        let text = format!("Hallo, anbei die Liste:\n{}\nDanke", table(sep, &rows));
        let want: Vec<String> = names.iter().map(|n| n.trim_start_matches("Dr. ").to_string()).collect();
        prop_assert_eq!(names_in(&text), want, "{:?}", text);
    }

    /// A column headed by a part of a name holds names without further evidence.
    #[test]
    fn table_name_part_column_variants(
        header in proptest::sample::select(vec![("Name", "Vorname"), ("Nachname", "Vorname"), ("Surname", "First name"), ("Achternaam", "Voornaam")]),
        sep in proptest::sample::select(vec!["\t", " | ", ";"]),
        rows in proptest::sample::subsequence(vec![("Ozturk", "Selin"), ("Beck", "Holger"), ("Nowicki", "Bartosz"), ("Ní Bhriain", "Aoife")], 1..4),
    ) {
        let mut lines = vec![vec![header.0.to_string(), header.1.to_string(), "Telefon".to_string()]];
        lines.extend(rows.iter().map(|r| vec![r.0.to_string(), r.1.to_string(), "0231 5581 027".to_string()]));
        let text = table(sep, &lines);
        let found = names_in(&text);
        // every given name, and every surname under "Nachname"/"Surname"/…
        for r in &rows {
            prop_assert!(found.iter().any(|f| f == r.1), "{text:?}: {found:?}");
        }
        if header.0 != "Name" {
            prop_assert_eq!(found.len(), 2 * rows.len(), "{:?}: {:?}", text, found);
        }
    }

    /// Near misses: a column headed by another word, a product list under "Name", a
    /// company list under "Kunde", and a first row with digits (no header).
    #[test]
    fn table_name_column_near_misses(
        sep in proptest::sample::select(vec!["\t", " | ", ";"]),
        case in proptest::sample::select(vec![
            ("Artikel", "Status", vec!["Kaffee Crema", "Milch"], "offen"),
            ("Name", "Preis", vec!["Kaffee", "Tee", "Zucker"], "3,50"),
            ("Produkt", "Menge", vec!["Basis", "Plus"], "2"),
            ("Kunde", "Umsatz", vec!["Bäckerei Müller GmbH", "Holzbau Steiner KG"], "1200"),
            ("Tarif 2024", "Preis", vec!["Basis", "Komfort"], "9,90"),
        ]),
    ) {
        let (h, o, cells, v) = case;
        let mut rows = vec![vec![h.to_string(), o.to_string()]];
        rows.extend(cells.iter().map(|c| vec![c.to_string(), v.to_string()]));
        let text = table(sep, &rows);
        prop_assert!(names_in(&text).is_empty(), "{text:?}: {:?}", names_in(&text));
    }
}

/// The names found in `text`, in order.
fn names_in(text: &str) -> Vec<String> {
    names(text)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Staff named by their department, and people asked for or spoken to: cue × known
    /// given name (with a surname or not) × casing of the text.
    #[test]
    fn staff_and_spoken_to_variants(
        lead in proptest::sample::select(vec!["Thanks to", "I think", "Yesterday", "Danke,", ""]),
        name in proptest::sample::select(vec!["Jelena", "Marek", "Opal", "Hanna Brandt", "Frank", "Aoife"]),
        after in proptest::sample::select(vec![
            " from accounts called back", " from billing said so", " from your support team was great",
            " vom Kundenservice war nett", " aus der Buchhaltung rief an", " from the front desk helped",
        ]),
        lower in any::<bool>(),
    ) {
        let text = format!("{lead} {name}{after}").trim_start().to_string();
        let (text, want) = if lower { (text.to_lowercase(), name.to_lowercase()) } else { (text, name.to_string()) };
        prop_assert_eq!(names(&text), vec![want], "{:?}", text);
    }

    #[test]
    fn spoken_to_variants(
        cue in proptest::sample::select(vec!["please ask for", "I asked for", "I spoke to", "we spoke with", "I talked to", "ich sprach mit"]),
        name in proptest::sample::select(vec!["Jelena", "Marek Nowak", "Opal", "Ines Kraus"]),
        tail in proptest::sample::select(vec!["", " yesterday", " at the desk", "."]),
    ) {
        let text = format!("{cue} {name}{tail}");
        prop_assert_eq!(names(&text), vec![name.to_string()], "{:?}", text);
    }

    /// Near misses: a noun before the department, an article before a given name that is
    /// also a word, a department or thing asked for.
    #[test]
    fn staff_and_spoken_to_near_misses(
        text in proptest::sample::select(vec![
            "Update from billing: paid", "Antwort vom Support kam nie", "the guy from your support team was great",
            "I spoke to support twice", "please ask for a refund", "Greetings from the support team",
            "a rose from the office", "Post von der Buchhaltung", "I talked to customer service", "ask for the manager",
        ]),
    ) {
        prop_assert!(names(text).is_empty(), "{text:?}: {:?}", names(text));
    }
}

// ---- The same name again, written without its diacritics ----

/// Each letter with diacritics of `name` written as its base letter where `mask` has the
/// bit of its place set (`ß` as `ss`), so a generator picks every mix of the two spellings.
fn without_diacritics(name: &str, mask: u32) -> String {
    let base = |c: char| -> Option<&'static str> {
        Some(match c {
            'ü' => "u",
            'ö' => "o",
            'ä' => "a",
            'Ü' => "U",
            'ş' => "s",
            'Ş' => "S",
            'ç' => "c",
            'Ç' => "C",
            'ı' => "i",
            'é' => "e",
            'ë' => "e",
            'ř' => "r",
            'á' => "a",
            'ł' => "l",
            'Ł' => "L",
            'ø' => "o",
            'ß' => "ss",
            'ğ' => "g",
            'ć' => "c",
            _ => return None,
        })
    };
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        match base(c) {
            Some(b) if mask & (1 << (i % 32)) != 0 => out.push_str(b),
            _ => out.push(c),
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// A name found once is found again where it is written without its diacritics (a
    /// keyboard without them, a system that dropped them), in any mix, and in lower case.
    #[test]
    fn the_name_again_without_diacritics(
        name in proptest::sample::select(vec!["Gülşen Çakır", "René Dvořák", "Jürgen Weiß", "Łukasz Błaszczyk", "Søren Ølgaard", "Zoë Brückl", "Ayşe Doğan", "Mateusz Wójcik"]),
        mask in 1u32..u32::MAX, lower in any::<bool>(),
        lead in proptest::sample::select(vec!["Mein Name ist", "Ich bin", "This is", "Grüße,"]),
        again in proptest::sample::select(vec!["im System steht aber {}", "nicht {}, bitte korrigieren", "the account says {}.", "({})"]),
    ) {
        let plain = without_diacritics(name, mask);
        prop_assume!(plain != name);
        let plain = if lower { plain.to_lowercase() } else { plain };
        let text = format!("{lead} {name}. {}", again.replace("{}", &plain));
        let found = names(&text);
        prop_assert!(found.contains(&name.to_string()) && found.contains(&plain), "{text:?}: {found:?}");
    }

    /// Near misses: a word that folds to a part of the name is not the name.
    #[test]
    fn words_like_a_folded_name_are_no_names(
        word in proptest::sample::select(vec!["Rene", "Weiss", "Zoe", "Sören"]),
    ) {
        let text = format!("Mein Name ist Renée Weißenböck. Die {word}-Filiale hat zu.");
        prop_assert_eq!(names(&text), vec!["Renée Weißenböck".to_string()], "{:?}", text);
    }
}

// ---- A name before its address on one line ----

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// An address block on one line: a name with a known given name (also one that is a
    /// word: Maria, Rose, Grace) after a colon or at a line's start, then a comma and the
    /// street with its house number, in German and English order. (A given name the
    /// lists do not know needs a cue here: "Café Central, Herrengasse 14" is as common.)
    #[test]
    fn a_name_before_its_address(
        lead in proptest::sample::select(vec!["", "Neue Adresse: ", "bitte ändern: ", "Ship to: ", "Hallo,\n"]),
        given in proptest::sample::select(vec!["Maria", "Rose", "Grace", "Karin", "Jürgen", "Zeynep", "Siobhán", "Kerem"]),
        surname in proptest::sample::select(vec!["Wimmer", "Moss", "Pfanzelter", "Adebisi", "Ellery"]),
        street in proptest::sample::select(vec!["Bahnhofstr. 12 a", "Lindengasse 4/2", "Am Anger 7", "14 Elm Road", "221B Baker Street"]),
        tail in proptest::sample::select(vec!["", ", 84028 Landshut", ", Leeds LS6 2AB", ". Danke!"]),
    ) {
        let name = format!("{given} {surname}");
        let text = format!("{lead}{name}, {street}{tail}");
        prop_assert_eq!(names(&text), vec![name], "{:?}", text);
    }

    /// Near misses: a place of business before its address (no given name, or a given
    /// name after a word that names the place).
    #[test]
    fn places_before_an_address_are_no_names(
        place in proptest::sample::select(vec!["Café Central", "Gasthaus Maria Rast", "Bäckerei Ströck", "Hotel Sacher", "Praxis Wimmer"]),
        street in proptest::sample::select(vec!["Herrengasse 14", "Hauptstraße 3", "14 Elm Road"]),
    ) {
        let text = format!("Adresse: {place}, {street}, 1010 Wien");
        prop_assert!(names(&text).is_empty(), "{text:?}: {:?}", names(&text));
    }
}
