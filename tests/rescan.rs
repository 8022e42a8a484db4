//! Rescans while typing (`Scanner::rescan`) give the findings of a full scan: texts
//! made of the case files' sentences (dense in personal data) and filler, edited at
//! random (inserting, deleting and replacing characters, words, lines and whole
//! sentences), each state compared with a full scan of the same text.

use pii_veil::{Rescan, Scanner};
use proptest::prelude::*;
use std::sync::OnceLock;

/// The texts of every case file: names, addresses, identifiers, with and without context.
fn sentences() -> &'static [String] {
    static S: OnceLock<Vec<String>> = OnceLock::new();
    S.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases");
        let mut out = Vec::new();
        let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        for f in files {
            for line in std::fs::read_to_string(f).unwrap().lines() {
                if let Some(rest) = line.strip_prefix("{\"text\": \"") {
                    if let Some(end) = rest.find("\", \"") {
                        let t = rest[..end].replace("\\n", "\n").replace("\\t", "\t").replace("\\\"", "\"");
                        if !t.contains('\\') {
                            out.push(t);
                        }
                    }
                }
            }
        }
        assert!(out.len() > 200, "case files not read");
        out
    })
}

/// Sentences without personal data that the tests below repeat to put their values
/// far apart.
const DELIVERY: &str = "Die Lieferung kam heute an, vielen Dank für die schnelle Bearbeitung. ";
const THANKS: &str = "Vielen Dank für die schnelle Bearbeitung meiner Anfrage vom Montag. ";

fn scanner() -> &'static Scanner {
    static S: OnceLock<Scanner> = OnceLock::new();
    S.get_or_init(Scanner::new)
}

/// Filler and fragments an edit may insert: letters, digits, separators, line breaks,
/// words that are cues for the recognisers.
const PIECES: &[&str] = &[
    " ",
    "\n",
    "\n\n",
    "\t",
    "Name\tVorname\n",
    "a",
    "M",
    "7",
    "0",
    "-",
    ".",
    "@",
    "+49 ",
    "Herr ",
    "Frau ",
    "IBAN ",
    "geb. ",
    "Tel. ",
    "Maria",
    "Huber",
    "Straße ",
    "12",
    " 1010 Wien",
    "Mit freundlichen Grüßen\n",
    "Homepage ",
    "www.",
    "huber.at",
    "Ü",
    "ß",
    "€",
    "\u{200B}",
];

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, usize),
    InsertSentence(usize, usize),
    Delete(usize, usize),
    Replace(usize, usize, usize),
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (any::<usize>(), 0..PIECES.len()).prop_map(|(a, p)| Edit::Insert(a, p)),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(a, s)| Edit::InsertSentence(a, s)),
        2 => (any::<usize>(), 1usize..40).prop_map(|(a, n)| Edit::Delete(a, n)),
        1 => (any::<usize>(), 1usize..10, 0..PIECES.len()).prop_map(|(a, n, p)| Edit::Replace(a, n, p)),
    ]
}

fn boundary(t: &str, at: usize) -> usize {
    let mut i = at % (t.len() + 1);
    while !t.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(t: &mut String, e: &Edit) {
    match *e {
        Edit::Insert(a, p) => t.insert_str(boundary(t, a), PIECES[p]),
        Edit::InsertSentence(a, s) => {
            let s = &sentences()[s % sentences().len()];
            t.insert_str(boundary(t, a), &format!(" {s} "));
        }
        Edit::Delete(a, n) | Edit::Replace(a, n, _) => {
            let a = boundary(t, a);
            let b = boundary(t, a + n).max(a);
            let with = if let Edit::Replace(_, _, p) = *e { PIECES[p] } else { "" };
            t.replace_range(a..b, with);
        }
    }
}

/// Rescans `text`, then each state after the edits one by one, and asserts that every
/// rescan finds what a full scan of the same text finds.
fn rescans_equal_full_scans_while_editing(mut text: String, edits: &[Edit]) -> Result<(), TestCaseError> {
    let s = scanner();
    let mut state = Rescan::new();
    prop_assert_eq!(s.rescan(&mut state, &text, None).unwrap(), s.scan(&text, None).unwrap());
    for e in edits {
        apply(&mut text, e);
        let full = s.scan(&text, None).unwrap();
        let inc = s.rescan(&mut state, &text, None).unwrap();
        prop_assert_eq!(inc, full, "after {:?}, text {:?}", e, text);
    }
    Ok(())
}

fn text_of(picks: &[(usize, usize)]) -> String {
    let mut t = String::new();
    for &(s, sep) in picks {
        t.push_str(&sentences()[s % sentences().len()]);
        t.push_str(["\n", " ", "\n\n", ". ", ", "][sep % 5]);
    }
    t
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn rescans_equal_full_scans(
        picks in prop::collection::vec((any::<usize>(), any::<usize>()), 5..120),
        edits in prop::collection::vec(edit_strategy(), 1..25),
    ) {
        rescans_equal_full_scans_while_editing(text_of(&picks), &edits)?;
    }
}

/// Six of the sentences with findings: texts made of them repeat values, so the
/// every-occurrence stage has repeats to find anywhere.
fn with_values() -> &'static [usize] {
    static S: OnceLock<Vec<usize>> = OnceLock::new();
    S.get_or_init(|| {
        let all = sentences();
        let mut out = Vec::new();
        let mut i = 0;
        while out.len() < 6 && i < all.len() {
            if !scanner().scan(&all[i], None).unwrap().is_empty() {
                out.push(i);
            }
            i += 7;
        }
        out
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Texts whose values and names repeat (the every-occurrence stage, names found
    /// again as the repeat of a name found before).
    #[test]
    fn rescans_equal_full_scans_where_values_repeat(
        picks in prop::collection::vec((0usize..6, any::<usize>()), 5..40),
        edits in prop::collection::vec(edit_strategy(), 1..25),
    ) {
        let few = with_values();
        let picks: Vec<(usize, usize)> = picks.iter().map(|&(k, sep)| (few[k % few.len()], sep)).collect();
        rescans_equal_full_scans_while_editing(text_of(&picks), &edits)?;
    }
}

/// The region read is small for an edit in a long text, and everything changes where
/// a value found in the edit repeats elsewhere.
#[test]
fn a_rescan_reads_the_region_and_finds_repeats_anywhere() {
    let s = scanner();
    let filler = DELIVERY.repeat(200);
    let mut text = format!("Steuer-ID 65929970489 bitte prüfen.\n{filler}\nRechnung 65929970489.\n{filler}");
    let mut state = Rescan::new();
    let first = s.rescan(&mut state, &text, None).unwrap();
    assert_eq!(state.last_read(), text.len());
    assert_eq!(first.len(), 2);
    // Typing a space in the middle of the second filler: only the region is read.
    let at = text.len() - filler.len() / 2;
    text.insert(at, ' ');
    assert_eq!(s.rescan(&mut state, &text, None).unwrap(), s.scan(&text, None).unwrap());
    assert!(state.last_read() < text.len() / 4, "read {} of {}", state.last_read(), text.len());
    // Deleting the first value: the second, far outside the region read, goes with it
    // (it was found only as a repeat of the first).
    text.replace_range(10..21, "");
    let now = s.rescan(&mut state, &text, None).unwrap();
    assert_eq!(now, s.scan(&text, None).unwrap());
    assert!(now.is_empty());
    assert!(state.last_read() < text.len() / 4);
}

/// A table row's cells are read by their column's header only while the row holds as
/// many separators as the header: a tab typed at the end of a long row changes how a
/// name at its start is judged, further back than any recogniser reads.
#[test]
fn a_separator_typed_into_a_long_table_row_rejudges_its_line() {
    let s = scanner();
    let prose = DELIVERY.repeat(8);
    let filler = THANKS.repeat(30);
    let mut text = format!("{filler}\n\nName\tNHS No\tDOB\nEvie Lambert\t287 490 0400\t03/09/2001\nRashid Mahmood\t943 476 5919\t17/12/1958 {prose}\n{filler}");
    let mut state = Rescan::new();
    s.rescan(&mut state, &text, None).unwrap();
    let at = text.find(&format!("{prose}\n")).unwrap() + prose.len();
    for typed in ["\tX", "\n"] {
        let mut t = text.clone();
        t.insert_str(at, typed);
        let mut st = state.clone();
        assert_eq!(s.rescan(&mut st, &t, None).unwrap(), s.scan(&t, None).unwrap(), "typed {typed:?}");
        assert!(st.last_read() < t.len(), "a full scan was made");
    }
    text.insert(at, 'x');
    assert_eq!(s.rescan(&mut state, &text, None).unwrap(), s.scan(&text, None).unwrap());
}

/// What the scoring reads lies further from a value than what its recogniser reads: a
/// company's signature typed 300 bytes after an account makes it the company's (no
/// finding), though the bank recogniser does not find the account again.
#[test]
fn a_signature_typed_below_an_account_judges_it_again() {
    let s = scanner();
    let filler = DELIVERY.repeat(30);
    let letter = format!(
        "Bitte überweisen Sie den Betrag auf unsere Bankverbindung: IBAN DE89 3704 0044 0532 0130 00.\n{}\nMit freundlichen Grüßen\n",
        "Wir freuen uns auf die weitere Zusammenarbeit mit Ihnen. ".repeat(4)
    );
    let mut text = format!("{filler}\n{letter}");
    let mut state = Rescan::new();
    assert_eq!(s.rescan(&mut state, &text, None).unwrap().len(), 1, "the account, before the signature");
    let iban = text.find("DE89").unwrap();
    text.push_str("Ihre Buchhaltung");
    assert!(text.len() - iban > 256, "the signature lies beyond the bank recogniser's reach (192 bytes ahead)");
    let now = s.rescan(&mut state, &text, None).unwrap();
    assert_eq!(now, s.scan(&text, None).unwrap());
    assert!(now.is_empty(), "the company's account");
    assert!(state.last_read() < text.len(), "a full scan was made");
}

/// A birth date's recogniser reads a few words around it, but in a table up to its
/// column's header: a header word changed above a long table changes the dates of rows
/// further down than the few words reach.
#[test]
fn a_header_changed_above_a_long_table_finds_its_dates_again() {
    let s = scanner();
    let filler = THANKS.repeat(30);
    let rows: String = (1..=12).map(|i| format!("Kunde Nummer {i};{:02}.03.1985;Wien\n", i + 10)).collect();
    let mut text = format!("{filler}\n\nName;Termin;Ort\n{rows}\n{filler}");
    let mut state = Rescan::new();
    let dates = |f: &[pii_veil::Finding]| f.iter().filter(|f| f.kind == pii_veil::Kind::DateOfBirth).count();
    assert_eq!(dates(&s.rescan(&mut state, &text, None).unwrap()), 0, "a column headed Termin");
    let at = text.find("Termin").unwrap();
    text.replace_range(at..at + 6, "Geb.");
    assert!(text.find("Wien\n\n").unwrap() - at > 256, "rows beyond the few words' reach");
    let now = s.rescan(&mut state, &text, None).unwrap();
    assert_eq!(now, s.scan(&text, None).unwrap());
    assert_eq!(dates(&now), 12, "a column headed Geb.");
    assert!(state.last_read() < text.len(), "a full scan was made");
}

/// A name found makes the same word a name again up to 600 bytes on, further than the
/// name recogniser's own reach: an edit that changes which words are learned from a
/// name changes a name far below it ("Zorvan Kettering", no known given name, is a
/// name only as the repeat of "Zorvan").
#[test]
fn a_name_changed_above_changes_its_repeat_below() {
    let s = scanner();
    let filler = THANKS.repeat(30);
    let prose = DELIVERY.repeat(5);
    let mut text = format!("{filler}\nHallo, hier ist Zorvan.\n{prose}Zorvan Kettering sagt das.\n{filler}");
    let names = |f: &[pii_veil::Finding]| f.iter().filter(|f| f.kind == pii_veil::Kind::Person).count();
    let mut state = Rescan::new();
    assert_eq!(names(&s.rescan(&mut state, &text, None).unwrap()), 2);
    let at = text.find("ist Zorvan").unwrap();
    assert!(text.find("Zorvan Kettering").unwrap() - at > 256, "the repeat lies beyond the name recogniser's reach");
    let below = text.find(" sagt das").unwrap();
    // Typing beside the repeat (found again, with the word learned above handed to it);
    // then the cue and the learned word itself changed, and changed back.
    for (range, typed, want) in [
        (below..below, " x", 2),
        (at..at + 3, "war", 0),
        (at..at + 3, "ist", 2),
        (at + 9..at + 10, "x", 1),
        (at + 9..at + 10, "n", 2),
    ] {
        text.replace_range(range, typed);
        let now = s.rescan(&mut state, &text, None).unwrap();
        assert_eq!(now, s.scan(&text, None).unwrap(), "typed {typed:?}");
        assert_eq!(names(&now), want, "typed {typed:?}");
        assert!(state.last_read() < text.len(), "a full scan was made");
    }
}

/// A word learned from a name makes the same word a name again up to 600 bytes after
/// it, to the byte: typing between the two moves the repeat out of that reach (and
/// deleting moves it back in), though neither lies near the edit.
#[test]
fn typing_between_a_name_and_its_repeat_moves_it_out_of_reach() {
    let s = scanner();
    let head = format!("{}\nHallo, hier ist Zorvan.\n", THANKS.repeat(30));
    let learned_end = head.len() - 2;
    // "Zorvan Kettering" starts 600 bytes after the end of the word learned above.
    let mut text = format!("{head}{}\nZorvan Kettering sagt das.\n{}", &"ok ".repeat(200)[..597], "Danke. ".repeat(60));
    assert_eq!(text.find("Zorvan Kettering"), Some(learned_end + 600));
    let last_name = |t: &str, f: &[pii_veil::Finding]| {
        f.iter().rfind(|f| f.kind == pii_veil::Kind::Person).map(|f| t[f.span.start..f.span.end].to_string())
    };
    let mut state = Rescan::new();
    let first = s.rescan(&mut state, &text, None).unwrap();
    let mid = learned_end + 300;
    for (typed, want) in [("x", "Zorvan"), ("", "Zorvan Kettering")] {
        if typed.is_empty() {
            text.remove(mid);
        } else {
            text.insert_str(mid, typed);
        }
        let now = s.rescan(&mut state, &text, None).unwrap();
        assert_eq!(now, s.scan(&text, None).unwrap(), "typed {typed:?}");
        assert_eq!(last_name(&text, &now).as_deref(), Some(want), "typed {typed:?}");
        assert!(state.last_read() < text.len(), "a full scan was made");
    }
    assert_eq!(s.rescan(&mut state, &text, None).unwrap(), first);
}

/// Makes each of `edits` in turn (the first `from` of `text` replaced by `to`), more
/// than `far` bytes from `value`, rescanning after each: each rescan equals a full scan
/// and finds `value` as `want` says, without scanning the whole text. `value` is found
/// before the first.
fn edits_far_from(text: &mut String, value: &str, far: usize, edits: &[(&str, &str, bool)]) {
    let s = scanner();
    let found = |t: &str, f: &[pii_veil::Finding]| f.iter().any(|f| &t[f.span.start..f.span.end] == value);
    let mut state = Rescan::new();
    assert!(found(text, &s.rescan(&mut state, text, None).unwrap()), "{value} in {text}");
    for &(from, to, want) in edits {
        let at = text.find(from).unwrap();
        assert!(text.find(value).unwrap().abs_diff(at) > far);
        text.replace_range(at..at + from.len(), to);
        let now = s.rescan(&mut state, text, None).unwrap();
        assert_eq!(now, s.scan(text, None).unwrap(), "{from} → {to}");
        assert_eq!(found(text, &now), want, "{from} → {to}");
        assert!(state.last_read() < text.len(), "a full scan was made");
    }
}

/// A host without `www.` is a homepage only with a page word up to 600 bytes before it,
/// and one whose host spells a name written up to 600 bytes before it is a person's:
/// both lie beyond what the web recogniser finds again after an edit (a few words),
/// and are read as its candidates are judged, which a rescan does this far from an edit.
#[test]
fn a_page_word_or_a_name_changed_far_above_a_host_judges_it_again() {
    let filler = DELIVERY.repeat(20);
    let mut text = format!(
        "{filler}\nIch bin Fenja Harms, hier ist meine Homepage.\n{}\nAlles unter fenjaharms-design.de zu finden.\n{filler}",
        &"ok ".repeat(200)[..400]
    );
    let edits = [
        ("Homepage", "Familie", false),
        ("Familie", "Homepage", true),
        ("Harms", "Harns", false),
        ("Harns", "Harms", true),
    ];
    edits_far_from(&mut text, "fenjaharms-design.de", 400, &edits);
}

/// A text about a vehicle makes every upper-case plate of a registry-checked format in
/// its paragraph a plate: the plate next to a vehicle word may stand up to 600 bytes
/// before the other one or 320 after it, beyond what the plate recogniser finds again
/// after an edit (a few words), and is read as the other plate is judged.
#[test]
fn a_vehicle_word_changed_far_from_a_plate_judges_it_again() {
    let filler = DELIVERY.repeat(20);
    let gap = |n: usize| "ok ".repeat(n / 3);
    for mut text in [
        format!("{filler}\nUnfall: das Fahrzeug KN-MB 772 stand.\n{}\nDer andere war LÖ-XY 19.\n{filler}", gap(450)),
        format!("{filler}\nDer andere war LÖ-XY 19.\n{}\nUnfall: das Fahrzeug KN-MB 772 stand.\n{filler}", gap(240)),
    ] {
        edits_far_from(&mut text, "LÖ-XY 19", 256, &[("Fahrzeug", "Paket", false), ("Paket", "Fahrzeug", true)]);
    }
}

/// The names of a table's columns are found once the text was read: they make no word
/// a name further on, in a full scan or handed to a rescan's part.
#[test]
fn a_name_in_a_table_teaches_no_word_to_a_rescan() {
    let s = scanner();
    let mut text = format!(
        "{}\nMitglied\tIBAN\tBeitrag\nSchäfer, Uwe\tDE89370400440532013000\t24,00\nLange, Mathilda\tDE89370400440532013000\t12,00\n\n{}\nLange Gasse 7-III, 1080 Wien.\n{}",
        THANKS.repeat(30),
        THANKS.repeat(5),
        DELIVERY.repeat(40)
    );
    let mut state = Rescan::new();
    assert_eq!(s.rescan(&mut state, &text, None).unwrap(), s.scan(&text, None).unwrap());
    let at = text.find("Gasse ").unwrap() + 5;
    text.insert_str(at, "Tel. ");
    let now = s.rescan(&mut state, &text, None).unwrap();
    assert_eq!(now, s.scan(&text, None).unwrap());
    assert!(!now.iter().any(|f| text[f.span.start..f.span.end].starts_with("Lange Gasse")), "{now:?}");
    assert!(state.last_read() < text.len(), "a full scan was made");
}
