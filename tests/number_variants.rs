//! Generated variants of identity and tax numbers, dates of birth and licence plates:
//! every value rendered in the separator styles people type (space, double space,
//! dash, dot, slash, none, no-break and thin space, tab, one line break, full-width
//! forms, lower and upper case) after the words that name it, asserting that it is
//! found whole; and near misses (the same shapes after reference words, dates that
//! are not birth dates) asserting that nothing is.
//!
//! Not every style fits every kind: national ids are not written with slashes (a
//! slash between digit groups is read as a Steuernummer), and plates keep their
//! groups on one line with one space or dash (a tab or a line break between letter
//! groups is a table cell or a new line, not a plate).

mod variants;

use pii_veil::Kind;
use proptest::prelude::*;
use variants::{found, pick};

/// Separators between digit groups that every grouped id accepts.
const ID_SEPS: &[&str] = &[" ", "  ", "-", ".", "", "\u{a0}", "\u{2009}", "\t", "\n"];

/// `s` with ASCII letters and digits (and `/`, `-`, `.`) as full-width forms.
fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap(),
            c => c,
        })
        .collect()
}

/// The groups joined by `sep`; full-width when `wide`.
fn render(groups: &[&str], sep: &str, wide: bool) -> String {
    let v = groups.join(sep);
    if wide {
        full_width(&v)
    } else {
        v
    }
}

// ---- National ids ----

/// (naming word, groups of a valid value)
const NATIONAL: &[(&str, &[&str])] = &[
    ("Steuer-ID:", &["52", "630", "177", "949"]),
    ("SVNR", &["1237", "010180"]),
    ("AHV-Nr.", &["756", "1234", "5678", "97"]),
    ("PESEL:", &["44051401359"]),
    ("numer PESEL", &["02270803624"]),
    ("PPS number", &["1234567T"]),
    ("PPSN:", &["1234567FA"]),
    ("BSN", &["1112", "22", "333"]),
    ("SSN", &["536", "22", "1234"]),
];

/// Values whose shape is shared by order numbers and article codes: PESEL, PPSN.
const NEEDS_NAME: &[&str] = &["44051401359", "02270803624", "1234567T", "1234567FA"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn national_id_in_every_separator_style(v in prop::sample::select(NATIONAL), sep in pick(ID_SEPS), wide in any::<bool>(), tail in pick(&["", ".", ", danke", " bitte prüfen", "\nGruß"])) {
        let (cue, groups) = v;
        let value = render(groups, sep, wide);
        let text = format!("{cue} {value}{tail}");
        prop_assert_eq!(found(&text, None, Kind::NationalId), vec![value], "{:?}", text);
    }

    #[test]
    fn id_that_needs_its_name_after_a_reference_word_is_not_one(value in pick(NEEDS_NAME), lead in pick(&["Bestellnummer", "Auftragsnummer", "order no.", "Rechnung Nr.", "Artikel", ""])) {
        let text = format!("{lead} {value}");
        prop_assert!(found(&text, None, Kind::NationalId).is_empty(), "{:?}", text);
    }
}

// ---- Steuernummer (DE, AT) ----

/// Valid state forms and the federal form (groups), German.
const DE_STNR: &[&[&str]] = &[
    &["181", "815", "08155"],
    &["21", "815", "08150"],
    &["133", "8150", "8159"],
    &["93815", "08152"],
    &["22", "815", "0815", "4"],
    &["9181081508155"],
];
const STNR_CUES: &[&str] =
    &["Steuernummer:", "Steuernummer", "St.-Nr.", "StNr", "Steuer-Nr.", "meine Steuernummer ist", "USt-Nr.:"];
const STNR_SEPS: &[&str] = &["/", " ", "\u{a0}", "  ", "\t"];
const AT_STNR: &[&str] = &["591199013", "031234560", "469876544"];

/// The Austrian form `FF-SSS/SSSS` and its variants.
fn at_render(v: &str, style: usize, wide: bool) -> String {
    let s = match style {
        0 => format!("{}-{}/{}", &v[..2], &v[2..5], &v[5..]),
        1 => format!("{} {} {}", &v[..2], &v[2..5], &v[5..]),
        2 => format!("{}-{}", &v[..2], &v[2..]),
        3 => format!("{}/{}/{}", &v[..2], &v[2..5], &v[5..]),
        _ => v.to_string(),
    };
    if wide {
        full_width(&s)
    } else {
        s
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn german_steuernummer_after_its_name(g in prop::sample::select(DE_STNR), cue in pick(STNR_CUES), sep in pick(STNR_SEPS), wide in any::<bool>(), tail in pick(&["", ".", " (Finanzamt)", "\nDanke"])) {
        let value = render(g, sep, wide);
        let text = format!("{cue} {value}{tail}");
        prop_assert_eq!(found(&text, None, Kind::TaxVatId), vec![value], "{:?}", text);
    }

    #[test]
    fn german_steuernummer_shape_without_its_name_is_not_one(g in prop::sample::select(DE_STNR), lead in pick(&["Aktenzeichen", "Rechnung", "Vorgang", "Ticket", "Datum", ""]), sep in pick(&["/", " "])) {
        let text = format!("{lead} {}", render(g, sep, false));
        prop_assert!(found(&text, None, Kind::TaxVatId).is_empty(), "{:?}", text);
    }

    #[test]
    fn austrian_steuernummer_after_its_name(v in pick(AT_STNR), style in 0usize..5, wide in any::<bool>(), cue in pick(&["Steuernummer", "Steuernummer:", "StNr.", "Abgabenkontonummer", "St.-Nr."])) {
        let value = at_render(v, style, wide);
        let text = format!("{cue} {value}");
        prop_assert_eq!(found(&text, None, Kind::TaxVatId), vec![value], "{:?}", text);
    }

    #[test]
    fn austrian_steuernummer_with_a_wrong_check_digit_is_not_one(v in pick(AT_STNR), style in 0usize..5, d in 1u8..10) {
        let mut bad = v.as_bytes().to_vec();
        bad[8] = b'0' + (bad[8] - b'0' + d) % 10;
        let text = format!("Steuernummer {}", at_render(std::str::from_utf8(&bad).unwrap(), style, false));
        prop_assert!(found(&text, None, Kind::TaxVatId).is_empty(), "{:?}", text);
    }
}

// ---- Dates of birth ----

/// (day, month, year) of valid birth dates.
const BIRTHS: &[(u32, u32, u32)] = &[(5, 5, 1989), (17, 1, 1987), (29, 2, 1988), (3, 9, 2001), (31, 12, 1958)];
const MONTH_NAMES: &[&[&str]] = &[
    &["Januar", "January", "janvier", "enero"],
    &["Februar", "February", "février", "febbraio"],
    &["März", "March", "mars", "marzo"],
    &["April", "April", "avril", "aprile"],
    &["Mai", "May", "mai", "mayo"],
    &["Juni", "June", "juin", "giugno"],
    &["Juli", "July", "juillet", "luglio"],
    &["August", "August", "août", "agosto"],
    &["September", "September", "septembre", "settembre"],
    &["Oktober", "October", "octobre", "ottobre"],
    &["November", "November", "novembre", "noviembre"],
    &["Dezember", "December", "décembre", "dicembre"],
];
const BIRTH_CUES: &[&str] =
    &["geb.", "geboren am", "Geburtsdatum:", "DOB:", "born on", "date of birth", "né le", "*", "* ", "Data urodzenia:"];

/// A date in one of the spellings people use.
fn spell(d: (u32, u32, u32), style: usize, lang: usize, case: usize) -> String {
    let (day, m, y) = d;
    let month = MONTH_NAMES[m as usize - 1][lang];
    let month = match case {
        0 => month.to_string(),
        1 => month.to_lowercase(),
        _ => month.to_uppercase(),
    };
    match style {
        0 => format!("{day:02}.{m:02}.{y}"),
        1 => format!("{day}.{m}.{y}"),
        2 => format!("{day}.{m}.{:02}", y % 100),
        3 => format!("{day:02}/{m:02}/{y}"),
        4 => format!("{day:02}-{m:02}-{y}"),
        5 => format!("{y}-{m:02}-{day:02}"),
        6 => format!("{day}. {m}. {y}"),
        7 => format!("{day}. {month} {y}"),
        8 => format!("{day} {month} {y}"),
        _ => full_width(&format!("{day:02}.{m:02}.{y}")),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn birth_date_after_a_birth_word_or_sign(d in prop::sample::select(BIRTHS), style in 0usize..10, lang in 0usize..4, case in 0usize..3, cue in pick(BIRTH_CUES), tail in pick(&["", ".", ", danke", " in Wien", "\n"])) {
        let value = spell(d, style, lang, case);
        // After a name: a "* " opening a line would be a list bullet.
        let text = format!("Anna Gruber, {cue}{}{value}{tail}", if cue.ends_with('*') || cue.ends_with(' ') { "" } else { " " });
        prop_assert_eq!(found(&text, None, Kind::DateOfBirth), vec![value], "{:?}", text);
    }

    #[test]
    fn birth_date_in_a_table_column(d in prop::sample::select(BIRTHS), e in prop::sample::select(BIRTHS), style in 0usize..6, sep in pick(&["\t", " | ", ";"]), header in pick(&["Geb.", "DOB", "Geburtsdatum", "Date of birth", "Geb.Dat."]), other in pick(&["Tarif", "Termin", "Telefon"])) {
        let (a, b) = (spell(d, style, 0, 0), spell(e, style, 0, 0));
        let text = format!("Name{sep}{header}{sep}{other}\nAnna Berger{sep}{a}{sep}Basis\nTom Lind{sep}{b}{sep}Plus");
        prop_assert_eq!(found(&text, None, Kind::DateOfBirth), vec![a, b], "{:?}", text);
    }

    #[test]
    fn star_bullets_before_dates_are_not_birth_signs(d in prop::sample::select(BIRTHS), e in prop::sample::select(BIRTHS), style in 0usize..10) {
        let text = format!("Termine:\n* {} Beratung\n* {} Abholung", spell(d, style, 0, 0), spell(e, style, 0, 0));
        prop_assert!(found(&text, None, Kind::DateOfBirth).is_empty(), "{:?}", text);
    }

    #[test]
    fn other_dates_are_not_birth_dates(d in prop::sample::select(BIRTHS), style in 0usize..10, case in 0usize..3, lead in pick(&["Termin am", "Lieferung am", "Vertrag seit", "gültig bis", "Rechnung vom", "appointment on", "Im Jahr 2023, am", "Bestellnummer 4711 vom"])) {
        let text = format!("{lead} {}", spell(d, style, 0, case));
        prop_assert!(found(&text, None, Kind::DateOfBirth).is_empty(), "{:?}", text);
    }

    #[test]
    fn a_date_column_headed_by_another_word_holds_no_birth_dates(d in prop::sample::select(BIRTHS), style in 0usize..6, header in pick(&["Termin", "Datum", "Lieferdatum", "Date"])) {
        let a = spell(d, style, 0, 0);
        let text = format!("Name\tGeb.\t{header}\nAnna Berger\t01.02.1970\t{a}");
        prop_assert_eq!(found(&text, None, Kind::DateOfBirth), vec!["01.02.1970".to_string()], "{:?}", text);
    }
}

// ---- Licence plates ----

/// Plates of the countries customers in DACH write about, as groups.
const PLATES: &[&[&str]] = &[
    &["GH", "427", "LM"],   // FR
    &["EZ", "481", "KT"],   // IT
    &["4829", "KJT"],       // ES
    &["81", "KTB", "4"],    // NL
    &["YR68", "HWN"],       // UK
    &["KR", "7LM42"],       // PL
    &["191", "D", "12345"], // IE
    &["ZH", "445912"],      // CH
    &["W", "48213K"],       // AT
    &["HH", "LK", "4711"],  // DE
];
const PLATE_CUES: &[&str] = &[
    "Kennzeichen",
    "Kennzeichen:",
    "Kfz:",
    "Kennz.",
    "Fahrzeug",
    "mein Auto",
    "Zweitwagen",
    "reg",
    "veh",
    "plate",
    "my car",
    "vehicle",
    "ma voiture",
    "immatriculation",
    "targa",
    "matrícula",
    "kenteken",
    "nr rejestracyjny",
];

/// American plates (state formats such as `8ABC123`, `HBT-4271`, `ABC 1234`).
const US_PLATES: &[&[&str]] = &[&["8ABC123"], &["HBT", "4271"], &["ABC", "1234"], &["7", "XYZ", "82"]];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn plate_after_a_vehicle_word(p in prop::sample::select(PLATES), sep in pick(&[" ", "-", "\u{a0}"]), wide in any::<bool>(), lower in any::<bool>(), cue in pick(PLATE_CUES), tail in pick(&["", ".", " wurde abgeschleppt", ", bitte", "\n"])) {
        let mut value = render(p, sep, wide);
        if lower {
            value = value.to_lowercase();
        }
        let text = format!("{cue} {value}{tail}");
        prop_assert_eq!(found(&text, None, Kind::LicensePlate), vec![value], "{:?}", text);
    }

    #[test]
    fn plate_before_a_vehicle_word(p in prop::sample::select(PLATES), sep in pick(&[" ", "-"]), after in pick(&[" (E-Auto)", " car", " (Firmenwagen)", " vehicle"])) {
        let value = render(p, sep, false);
        let text = format!("Bitte {value}{after} freischalten");
        prop_assert_eq!(found(&text, None, Kind::LicensePlate), vec![value], "{:?}", text);
    }

    #[test]
    fn plate_shape_after_a_reference_word_is_not_a_plate(p in prop::sample::select(PLATES), sep in pick(&[" ", "-"]), lead in pick(&["Bestellnummer", "Artikel", "Ticket", "Gutschein", "Referenz", "order"])) {
        let text = format!("{lead} {} ist da", render(p, sep, false));
        prop_assert!(found(&text, None, Kind::LicensePlate).is_empty(), "{:?}", text);
    }

    #[test]
    fn us_plate_after_tag(p in prop::sample::select(US_PLATES), sep in pick(&[" ", "-"]), det in pick(&["my", "My", "our", "the", "new", "temp", "paper", "license"]), tag in pick(&["tag", "tags", "Tag"]), tail in pick(&["", ".", " expired", ", thanks"])) {
        let value = render(p, sep, false);
        let text = format!("{det} {tag} {value}{tail}");
        prop_assert_eq!(found(&text, None, Kind::LicensePlate), vec![value], "{:?}", text);
    }

    #[test]
    fn plate_after_a_copula_whose_subject_is_a_vehicle_word(p in prop::sample::select(PLATES), sep in pick(&[" ", "-"]), clause in pick(&["the new tag in Ohio is", "the plate on the van is", "die Nummer vom Kennzeichen meines Anhängers lautet", "das Kennzeichen vom Zweitwagen ist", "my car's registration now reads"])) {
        let value = render(p, sep, false);
        let text = format!("Hi, {clause} {value} now");
        prop_assert_eq!(found(&text, None, Kind::LicensePlate), vec![value], "{:?}", text);
    }

    #[test]
    fn a_plate_shape_after_the_german_day_is_not_a_plate(p in prop::sample::select(PLATES), sep in pick(&[" ", "-"]), lead in pick(&["Guten Tag,", "Am Tag", "am Tag der Lieferung war", "Tag", "jeden Tag", "guten tag"])) {
        let text = format!("{lead} {} bitte", render(p, sep, false));
        prop_assert!(found(&text, None, Kind::LicensePlate).is_empty(), "{:?}", text);
    }

    #[test]
    fn a_vehicle_word_in_an_earlier_clause_does_not_reach_past_punctuation(p in prop::sample::select(PLATES), sep in pick(&[" ", "-"]), lead in pick(&["Das Auto ist repariert, die Bestellung aus dem Shop ist", "The car is fine. The order from the shop is", "Mein Fahrzeug; der Gutschein aus dem Newsletter ist"])) {
        let text = format!("{lead} {} bitte", render(p, sep, false));
        prop_assert!(found(&text, None, Kind::LicensePlate).is_empty(), "{:?}", text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// A pasted table's header names its column's kind as a form field's label does:
    /// header × separator × NHS-valid numbers written like North American phones.
    #[test]
    fn table_column_header_names_the_kind(
        header in pick(&["NHS No", "NHS number", "NHS-Nr."]),
        sep in pick(&["\t", " | ", ";"]),
        values in prop::sample::subsequence(vec!["287 490 0400", "943 476 5919", "401 023 2137"], 1..3),
        first in any::<bool>(),
    ) {
        let row = |a: &str, b: &str| if first { format!("{a}{sep}{b}") } else { format!("{b}{sep}{a}") };
        let mut lines = vec![row(header, "Termin")];
        lines.extend(values.iter().map(|v| row(v, "Montag")));
        let text = lines.join("\n");
        let want: Vec<String> = values.iter().map(|v| v.to_string()).collect();
        prop_assert_eq!(found(&text, None, Kind::HealthInsuranceId), want, "{:?}", text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// A birth date after a name on a line of its own in a block of contact lines: name
    /// × date style × the line after it.
    #[test]
    fn birth_date_after_a_name_in_a_contact_block(
        name in pick(&["Marco Tanner", "Ana María López", "Jean-Luc Picard", "Ömer Yılmaz"]),
        d in prop::sample::select(BIRTHS),
        style in 0usize..6,
        next in pick(&["Kirchgasse 11", "5400 Baden", "+41 56 221 90 17", "Tel. 0664 1234567"]),
    ) {
        let date = spell(d, style, 0, 0);
        let text = format!("Meine Angaben:\n{name}, {date}\n{next}\nDanke");
        prop_assert_eq!(found(&text, None, Kind::DateOfBirth), vec![date], "{:?}", text);
    }

    /// Near misses: a recent date (an appointment list), a date that does not end its
    /// line, a line on its own.
    #[test]
    fn a_date_after_a_name_that_is_not_a_birth_date(
        name in pick(&["Marco Tanner", "Anna Berg"]),
        case in 0usize..3,
    ) {
        let text = match case {
            0 => format!("Termine:\n{name}, 12.03.2025\nTom Kern, 13.03.2025"),
            1 => format!("{name}, 13.08.1978 Anruf wegen Rechnung\nKirchgasse 11"),
            _ => format!("{name}, 13.08.1978\n\nGruß"),
        };
        prop_assert!(found(&text, None, Kind::DateOfBirth).is_empty(), "{:?}", text);
    }
}
