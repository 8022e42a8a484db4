//! Generated variants of address grammars: each category of writing is a generator of
//! its variants (preposition × article × words × house-number form × evidence ×
//! casing, …) asserting that the address is found, and a generator of near misses
//! asserting that nothing is.

mod variants;

use pii_veil::Kind;
use proptest::prelude::*;
use variants::{found, pick};

/// Is `want` inside one finding of `kind`?
fn covered(text: &str, field: Option<&str>, kind: Kind, want: &str) -> bool {
    found(text, field, kind).iter().any(|f| f.contains(want))
}

/// House-number forms: plain, letter, spaced letter, range, Austrian stair/door.
fn house_number() -> impl Strategy<Value = String> {
    (1u32..300, 0usize..5, 1u32..20).prop_map(|(n, form, m)| match form {
        0 => n.to_string(),
        1 => format!("{n}b"),
        2 => format!("{n}-{}", n + 2),
        3 => format!("{n}/{m}/{}", m + 3),
        _ => format!("{n}a"),
    })
}

// ---- German streets named by a preposition (+ article) and a noun ----

const PREPS: &[&str] = &[
    "Am",
    "Im",
    "Zum",
    "Zur",
    "An der",
    "Auf der",
    "In der",
    "Unter den",
    "Hinter der",
    "An den",
    "Auf dem",
    "Beim",
    "Vor dem",
    "Hinterm",
];
const NOUNS: &[&str] = &[
    "Anger",
    "Bleiche",
    "Mühle",
    "Linden",
    "Heide",
    "Eichen",
    "Winkel",
    "Höhe",
    "Kirche",
    "Alster",
    "Hasengarten",
    "Gewerbepark",
    "Kreuz",
    "Spitz",
    "Sonnenhang",
    "Schlosswiese",
    "Alten Schule",
    "Hohen Eiche",
];
const CITY: &[&str] = &["Gießen", "Bad Tölz", "Neustadt an der Weinstraße", "Wien", "Zug"];

/// How the address evidence is given: postal code after (same line / next line), an
/// address word before, or a street form field.
fn prep_text(prep: &str, noun: &str, num: &str, ev: usize, city: &str, code: u32) -> (String, Option<&'static str>) {
    let street = format!("{prep} {noun} {num}");
    match ev {
        0 => (format!("{street}, {code} {city}"), None),
        1 => (format!("Frau Huber\n{street}\n{code} {city}\nTel. 0171 2345678"), None),
        2 => (format!("Neue Anschrift: {street}. Danke!"), None),
        3 => (format!("Ab 1.7. wohne ich {street}, bitte ändern."), None),
        4 => (format!("Lieferadresse ist {street} – klingeln bei Huber"), None),
        _ => (street, Some("Straße, Hausnummer")),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn prep_streets_with_evidence(
        prep in pick(PREPS), noun in pick(NOUNS), num in house_number(), ev in 0usize..6,
        city in pick(CITY), code in 1000u32..99999, lower in any::<bool>(),
    ) {
        let (mut text, field) = prep_text(prep, noun, &num, ev, city, code);
        let mut street = format!("{prep} {noun} {num}");
        if lower {
            // in lower-case chat a compound noun may be read without its preposition
            text = text.to_lowercase();
            street = format!("{noun} {num}").to_lowercase();
        }
        prop_assert!(covered(&text, field, Kind::StreetAddress, &street), "{text:?}: {:?}",
            found(&text, field, Kind::StreetAddress));
    }

    #[test]
    fn prep_street_postcode_follows(
        prep in pick(PREPS), noun in pick(NOUNS), n in 1u32..200, code in 10000u32..99999, city in pick(CITY),
    ) {
        let text = format!("Anschrift: {prep} {noun} {n}, {code} {city}");
        prop_assert!(covered(&text, None, Kind::PostalCity, &format!("{code} {city}")), "{text:?}");
    }
}

const CALENDAR: &[&str] = &[
    "Im Jahr",
    "Am Montag",
    "Auf Seite",
    "Im Raum",
    "Am Freitag",
    "Im Januar",
    "Zum Termin",
    "Im Kapitel",
    "In Zimmer",
    "Im Schnitt",
    "Unter Punkt",
    "Vor Ort",
    "Am Wochenende",
];
/// Nouns that are no street words of the compound grammar (`-park`, `-platz` are).
const PLAIN_NOUNS: &[&str] = &["Bleiche", "Mühle", "Linden", "Heide", "Eichen", "Winkel", "Höhe", "Kirche", "Alster"];
const TAILS: &[&str] = &[" Pakete", " Stück", " Euro", " Leute", " kamen an.", "", ", danke", " Minuten zu spät"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn calendar_phrases_are_no_streets(
        lead in pick(CALENDAR), n in 1u32..100, tail in pick(TAILS), cue in any::<bool>(),
    ) {
        let pre = if cue { "Meine Adresse bleibt gleich. " } else { "" };
        let text = format!("{pre}{lead} {n}{tail}");
        prop_assert!(found(&text, None, Kind::StreetAddress).is_empty(), "{text:?}: {:?}",
            found(&text, None, Kind::StreetAddress));
    }

    #[test]
    fn prep_phrases_without_evidence_are_no_streets(
        prep in pick(PREPS), noun in pick(PLAIN_NOUNS), n in 1u32..100, tail in pick(TAILS),
    ) {
        let text = format!("Wir haben uns {prep} {noun} {n}{tail} getroffen");
        prop_assert!(found(&text, None, Kind::StreetAddress).is_empty(), "{text:?}: {:?}",
            found(&text, None, Kind::StreetAddress));
    }
}

// ---- Postal code + city with evidence of its own (no street needed) ----

/// A line ending in a house-number-like token, of a name the street grammars need not
/// know (`Hofgut Sonnenblick 11 a`, `Postfach 1123`).
fn address_line() -> impl Strategy<Value = String> {
    let name = pick(&["Hofgut Sonnenblick", "Postfach", "Weiler Oberau", "Gut Kaltenbrunn", "Siedlung Nord"]);
    let num = (1u32..400, 0usize..5).prop_map(|(n, f)| match f {
        0 => n.to_string(),
        1 => format!("{n}a"),
        2 => format!("{n} b"),
        3 => format!("{n}/{}", n % 7 + 1),
        _ => format!("{n}-{}", n + 2),
    });
    (name, num).prop_map(|(a, n)| format!("{a} {n}"))
}

const CITIES: &[&str] = &["Haßloch", "Zug", "Sankt Pölten", "Gießen", "Frankfurt (Oder)", "Lyon", "Torino (TO)"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn postcode_after_house_number_or_line(
        line in address_line(), code in 1000u32..99999, city in pick(CITIES), sep in 0usize..3,
        prefix in pick(&["", "D-", "A-", "CH-"]), lower_city in any::<bool>(),
    ) {
        prop_assume!(!(1900..=2099).contains(&code));
        let city = if lower_city && sep < 2 { city.to_lowercase() } else { city.to_string() };
        let pc = format!("{prefix}{code} {city}");
        let text = match sep {
            0 => format!("Bitte schicken an: {line}, {pc}. Danke"),
            1 => format!("Hallo,\n{line}\n{pc}\n\nGrüße"),
            _ => format!("Firma Huber, {line}, {pc}"),
        };
        let want = format!("{code} {}", city.split([' ', '(']).next().unwrap());
        prop_assert!(covered(&text, None, Kind::PostalCity, &want), "{text:?}: {:?}",
            found(&text, None, Kind::PostalCity));
    }

    #[test]
    fn counts_after_item_numbers_are_no_postcodes(
        item in pick(&["Kapitel", "Seite", "Punkt", "Position", "Artikel", "Section", "Chapter", "Page", "Item"]), n in 1u32..30,
        count in 1000u32..99999, noun in pick(&["Wörter", "Stück", "Euro", "ist", "wird", "mal"]),
    ) {
        let text = format!("Siehe {item} {n}, {count} {noun} reichen.");
        prop_assert!(found(&text, None, Kind::PostalCity).is_empty(), "{text:?}: {:?}",
            found(&text, None, Kind::PostalCity));
    }
}

// ---- City first, then the street: "aus 1010 Wien, Hauptstraße 12/3/4" ----

const CITY_FIRST_STREETS: &[&str] =
    &["Hauptstraße", "Torstraße", "Bahnhofstr.", "Lange Gasse", "Via Garibaldi", "Am Anger"];
const ONE_WORD_STREETS: &[&str] = &["Hauptstraße", "Torstraße", "Bahnhofstr.", "Annenstraße"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn city_first_then_the_street(
        lead in pick(&["Ich komme aus", "Johann Huber aus", "Lieferung an", "Wir sind von", "Zustellung bitte nach", "Hallo, hier", "neu:", "Frau Mag. Berger,"]),
        prefix in pick(&["", "A-", "D-", "CH-"]), code in 1000u32..99999,
        city in pick(&["Wien", "Graz", "Sankt Pölten", "Gießen", "Bad Ischl", "Zug", "Frankfurt am Main"]),
        comma in any::<bool>(), street in pick(CITY_FIRST_STREETS), one_word in pick(ONE_WORD_STREETS), num in house_number(),
        end in pick(&[".", "", ", bitte rasch", "\nDanke", " – danke!"]),
    ) {
        prop_assume!(!(1900..=2099).contains(&code));
        // without a comma only a street of one word: "Wien Lange Gasse" reads as one street name
        let (sep, street) = if comma { (", ", street) } else { (" ", one_word) };
        let text = format!("{lead} {prefix}{code} {city}{sep}{street} {num}{end}");
        let postal = found(&text, None, Kind::PostalCity);
        prop_assert!(postal.iter().any(|f| f.contains(&format!("{code} {city}"))), "{text:?}: {postal:?}");
        prop_assert!(postal.iter().all(|f| !f.contains(street)), "the city stops before the street: {text:?}: {postal:?}");
        prop_assert!(covered(&text, None, Kind::StreetAddress, &format!("{street} {num}")), "{text:?}: {:?}",
            found(&text, None, Kind::StreetAddress));
    }

    #[test]
    fn numbers_named_before_a_street_are_no_codes(
        named in pick(&["Bestellung", "Ticket", "Rechnung Nr.", "Auftrag", "Kundennummer", "order", "Artikel"]),
        n in 1000u32..99999, word in pick(&["Müller", "Wien", "Huber", "Express"]), street in pick(CITY_FIRST_STREETS),
        num in house_number(),
    ) {
        let text = format!("{named} {n} {word}, {street} {num}");
        prop_assert!(found(&text, None, Kind::PostalCity).is_empty(), "{text:?}: {:?}", found(&text, None, Kind::PostalCity));
    }
}

// ---- House-number suffixes and floor/unit details attached to the street ----

const STREETS: &[&str] = &["Hauptstraße", "Torstraße", "Via Garibaldi", "Bahnhofstr.", "Lange Gasse", "Oudegracht"];
const SUFFIXES: &[&str] = &["a", " a", " B", "bis", " bis", " ter", "-III", "/2", "-14"];
const DETAILS: &[&str] = &[
    ", 3. OG links",
    ", Hinterhaus 1. Stock",
    ", Hinterhaus",
    ", scala B, int. 7",
    ", Appt 12",
    "/3. OG",
    ", Top 4",
    " bus 3",
    ", Stiege 2, Tür 14",
    ", 2. Etage rechts",
    ", EG",
    "",
];
const ENDS: &[&str] = &[", 1010 Wien", "\n8010 Graz", ". Danke!", "", ", bitte"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn suffixes_and_unit_details_stay_in_the_street(
        street in pick(STREETS), n in 1u32..200, suffix in pick(SUFFIXES), detail in pick(DETAILS), end in pick(ENDS),
    ) {
        // the spaced forms need the end of the number after them
        prop_assume!(!(suffix.starts_with(' ') && detail.starts_with(' ')));
        let addr = format!("{street} {n}{suffix}{detail}");
        let text = format!("Neue Adresse: {addr}{end}");
        prop_assert!(covered(&text, None, Kind::StreetAddress, &addr), "{text:?}: {:?}",
            found(&text, None, Kind::StreetAddress));
    }

    #[test]
    fn english_flats_and_floors_before_the_street(
        prefix in pick(&["Flat 4, ", "Apt 5, ", "2nd Floor Flat, ", "Ground Floor Flat, ", "Flat 12, Jubilee Court, ",
            "Apt. 3B, The Maltings, ", "1st Floor, ", "Unit 7, "]),
        n in 1u32..300, name in pick(&["Cromwell Road", "Bridge Street", "Mill Lane", "Station Road"]),
        tail in pick(&[", Hove BN3 3EB", "\nLeeds LS6 2AB", ".", ""]),
    ) {
        let addr = format!("{prefix}{n} {name}");
        let text = format!("Please send it to {addr}{tail}");
        prop_assert!(covered(&text, None, Kind::StreetAddress, &addr), "{text:?}: {:?}",
            found(&text, None, Kind::StreetAddress));
    }

    #[test]
    fn words_after_the_number_that_are_no_details(
        street in pick(STREETS), n in 1u32..200,
        tail in pick(&[", links abbiegen", " bis 14 Uhr", " a la carte", ", Stock reicht", " bis morgen"]),
    ) {
        let text = format!("Neue Adresse: {street} {n}{tail}");
        let f = found(&text, None, Kind::StreetAddress);
        let word = tail.trim_start_matches([',', ' ']).split(' ').next().unwrap();
        let grown = format!("{n}{}{word}", &tail[..tail.find(word).unwrap()]);
        prop_assert!(f.iter().all(|s| !s.contains(&grown)), "{text:?}: {f:?}");
    }
}

// ---- PO boxes, house names, localities ----

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn po_boxes(
        word in pick(&["Postfach", "PO Box", "P.O. Box", "Case postale", "Casella postale", "Apartado", "Postbus",
            "Apartado de Correos"]),
        first in 1u32..9999, pairs in 0usize..3, end in pick(&[", 6301 Zug", "\n25980 Sylt", "", ". Danke"]),
        lower in any::<bool>(),
    ) {
        let mut num = first.to_string();
        for p in 0..pairs {
            num.push_str(&format!(" {:02}", (first as usize + p * 17) % 100));
        }
        let mut po = format!("{word} {num}");
        let mut text = format!("Firma Huber\n{po}{end}");
        if lower {
            po = po.to_lowercase();
            text = text.to_lowercase();
        }
        prop_assert!(covered(&text, None, Kind::StreetAddress, &po), "{text:?}: {:?}",
            found(&text, None, Kind::StreetAddress));
    }

    #[test]
    fn house_names_before_a_street(
        name in pick(&["Rose Cottage", "The Old Forge", "Glebe House", "The Maltings", "Hillside Lodge", "Mill Farm"]),
        n in 1u32..200, street in pick(&["Mill Lane", "Church Road", "High Street"]),
    ) {
        let addr = format!("{name}, {n} {street}");
        let text = format!("New address: {addr}, Cambridge CB22 5EW");
        prop_assert!(covered(&text, None, Kind::StreetAddress, &addr), "{text:?}: {:?}",
            found(&text, None, Kind::StreetAddress));
    }

    #[test]
    fn people_named_like_houses_stay_out_of_the_street(
        first in pick(&["Tracy", "Adam", "Emma", "John"]), last in pick(&["Hall", "Mill", "House", "Court"]),
        n in 1u32..2000,
    ) {
        let text = format!("Deliver to {first} {last}, {n} Ian Expressway, Coryland, VT 20438");
        let f = found(&text, None, Kind::StreetAddress);
        prop_assert!(f.iter().all(|s| !s.contains(last)), "{text:?}: {f:?}");
    }
}

// ---- Bare postal codes after a cue, Town + postcode, Eircodes ----

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn bare_codes_after_a_cue(
        cue in pick(&["zip", "Zip", "ZIP", "zip code", "my zip is", "PLZ", "PLZ:", "Postleitzahl", "postcode", "CAP",
            "CP", "plz=", "Postleitzahl ist"]),
        code in 1000u32..99999, end in pick(&[".", ",", "", "\n", "; danke"]),
    ) {
        let code = code.to_string();
        let sep = if cue.ends_with('=') { "" } else { " " };
        let text = format!("Billing {cue}{sep}{code}{end}");
        prop_assert!(covered(&text, None, Kind::PostalCity, &code), "{text:?}: {:?}",
            found(&text, None, Kind::PostalCity));
    }

    #[test]
    fn numbers_after_other_words_are_no_codes(
        word in pick(&["zip file", "order", "Bestellung", "ticket", "invoice", "PLZ-Bereich", "room"]),
        n in 1000u32..99999,
    ) {
        let text = format!("Please check {word} {n} again");
        prop_assert!(found(&text, None, Kind::PostalCity).is_empty(), "{text:?}: {:?}",
            found(&text, None, Kind::PostalCity));
    }

    #[test]
    fn town_comma_uk_postcode(
        town in pick(&["Hebden Bridge", "Bristol", "Little Shelford", "Leeds"]),
        pc in pick(&["HX7 6AW", "BS1 4DJ", "CB22 5EW", "LS6 2AB", "SW1A 1AA"]), n in 1u32..200,
    ) {
        let text = format!("Address: {n} Ivy Terrace, {town}, {pc}\nMobile: 07538 661204");
        prop_assert!(covered(&text, None, Kind::PostalCity, &format!("{town}, {pc}")), "{text:?}: {:?}",
            found(&text, None, Kind::PostalCity));
    }

    #[test]
    fn eircodes_with_context(
        key in pick(&["D06", "T12", "H91", "V94", "F28", "P31", "D6W", "A65"]),
        id in "[0-9ACDEFHKNPRTVWXY]{4}", space in any::<bool>(),
        ctx in 0usize..4,
    ) {
        prop_assume!(id.bytes().any(|b| b.is_ascii_digit()) && id.bytes().any(|b| b.is_ascii_alphabetic()));
        let code = format!("{key}{}{id}", if space { " " } else { "" });
        let text = match ctx {
            0 => format!("My Eircode is {code}, thanks"),
            1 => format!("22 Bridge Street, Westport, Co. Mayo {code}"),
            2 => format!("Her address is:\nAn Teach Bán\nBallyvaughan\n{code}\n\nThanks"),
            _ => code.clone(),
        };
        prop_assert!(covered(&text, None, Kind::PostalCity, &code), "{text:?}: {:?}",
            found(&text, None, Kind::PostalCity));
    }

    #[test]
    fn eircode_shapes_in_prose_are_no_codes(
        key in pick(&["A12", "B34", "X99"]), id in "[0-9ACDEFHKNPRTVWXY]{4}",
        frame in pick(&["The part {} fits.", "Model {} is sold out", "Use voucher {} at checkout"]),
    ) {
        let text = frame.replace("{}", &format!("{key} {id}"));
        prop_assert!(found(&text, None, Kind::PostalCity).is_empty(), "{text:?}: {:?}",
            found(&text, None, Kind::PostalCity));
    }
}

// ---- English streets named after people ----

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn given_name_streets_are_no_persons(
        name in pick(&["Rose", "Grafton", "Hawthorne", "George", "Victoria", "Mary", "James", "Elizabeth"]),
        kind in pick(&["Street", "Road", "Avenue", "Blvd", "Terrace", "Crescent", "Parkway"]),
        num in prop::option::of(1u32..3000),
        frame in pick(&["is the shop on {} closing?", "Roadworks on {} this week", "I moved to {}, Portland OR 97214"]),
    ) {
        let street = match num {
            Some(n) => format!("{n} {name} {kind}"),
            None => format!("{name} {kind}"),
        };
        let text = frame.replace("{}", &street);
        let persons = found(&text, None, Kind::Person);
        prop_assert!(persons.iter().all(|p| !p.contains(kind)), "{text:?}: {persons:?}");
        if num.is_some() {
            prop_assert!(covered(&text, None, Kind::StreetAddress, &street), "{text:?}: {:?}",
                found(&text, None, Kind::StreetAddress));
        }
    }
}

// ---- Key-value city after a postal code, Polish codes ----

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn city_key_after_postal_code(
        pkey in pick(&["PLZ", "plz", "Postleitzahl", "ZIP", "Postcode"]), ckey in pick(&["Ort", "ort", "City", "Wohnort", "Stadt"]),
        code in 10000u32..99999, city in pick(&["Rostock", "Erfurt", "Bad Ischl", "Innsbruck"]), kv in any::<bool>(),
    ) {
        let text = if kv {
            format!("name=Kerim; {pkey}={code}; {ckey}={city}; anliegen=x")
        } else {
            format!("Straße: Zum Anger 17\n{pkey}: {code}\n{ckey}: {city}\nTelefon: 0361 601234")
        };
        prop_assert!(covered(&text, None, Kind::PostalCity, city), "{text:?}: {:?}", found(&text, None, Kind::PostalCity));
    }

    #[test]
    fn polish_codes_after_a_street(
        street in pick(&["ul. Długa", "ul. Ogrodowa", "Aleja Róż"]), n in 1u32..200, a in 0u32..100, b in 0u32..1000,
        city in pick(&["Warszawa", "Kraków", "Gdańsk"]),
    ) {
        let code = format!("{a:02}-{b:03}");
        let text = format!("Adres: {street} {n}, {code} {city}");
        prop_assert!(covered(&text, None, Kind::PostalCity, &format!("{code} {city}")), "{text:?}: {:?}",
            found(&text, None, Kind::PostalCity));
    }
}
