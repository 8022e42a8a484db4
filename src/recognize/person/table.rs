//! Names in pasted tables: a column headed "Name", "Vorname", "Kunde", "Mitglied",
//! "Patient", "Member", … (see [`crate::table`] for what a table and its header are)
//! holds names, written any way a list writes them ("Schäfer, Uwe", "Ozturk",
//! "Dr. Ines Kraus"). A cell is reported when it is a name value (see
//! `Scan::name_value`: up to five words, no code, no company word) and none of its
//! words is ruled out as a name (a stop word, a title, a code in capitals).

use super::namey::Namey;
use super::scan::Scan;
use crate::case::Lowercase;
use crate::entity::Kind;
use crate::field::{starts_word, FieldHints};
use crate::table::{cells, header_cell, rows_with_header, HEADER_REACH};
use crate::words::flag;

/// Header words of table columns that list people (lower case, matched at a word
/// start of the header): the roles a CRM, practice or club list names its people by,
/// in German, English, French, Italian, Spanish, Dutch and Polish. The form-field
/// name words ("Name", "Vorname", "Nachname", "Ansprechpartner", …) count too, see
/// [`FieldHints::classify`].
const ROLE_HEADERS: &[&str] = &[
    "kunde",
    "kundin",
    "mitglied",
    "patient",
    "teilnehmer",
    "mitarbeiter",
    "versicherte",
    "mieter",
    "empfänger",
    "kontakt",
    "inhaber",
    "fahrer",
    "bewohner",
    "schüler",
    "gast",
    "customer",
    "client",
    "member",
    "participant",
    "attendee",
    "employee",
    "tenant",
    "recipient",
    "contact",
    "guest",
    "driver",
    "resident",
    "student",
    "membre",
    "salarié",
    "cliente",
    "socio",
    "paziente",
    "partecipante",
    "dipendente",
    "paciente",
    "participante",
    "empleado",
    "klant",
    "lid",
    "patiënt",
    "deelnemer",
    "medewerker",
    "klient",
    "pacjent",
    "uczestnik",
    "pracownik",
];

/// Headers that name a part of a person's name: every name value under them counts,
/// where "Name" and the role words need evidence in the column (see
/// [`Scan::table_names`]).
const NAME_PART_HEADERS: &[&str] = &[
    "vorname",
    "nachname",
    "familienname",
    "first name",
    "firstname",
    "given name",
    "last name",
    "lastname",
    "surname",
    "family name",
    "prénom",
    "nom de famille",
    "cognome",
    "apellido",
    "achternaam",
    "voornaam",
    "nazwisko",
    "imię",
];

/// True if `header` names a part of a name ("Vorname", "Surname").
fn name_part_header(header: &str) -> bool {
    let low = format!(" {} ", header.lowercase());
    NAME_PART_HEADERS.iter().any(|w| starts_word(&low, w))
}

/// What the header of `column` in the header row starting at `h` says: `None` if the
/// column does not list people, else whether it names a part of a name ("Vorname",
/// "Surname", or "Name" beside a part of a name).
fn column_says(text: &str, h: usize, sep: u8, column: usize) -> Option<bool> {
    let c = header_cell(text, h, sep, column)?;
    if !person_header(c.header) {
        return None;
    }
    Some(
        name_part_header(c.header)
            || c.header.eq_ignore_ascii_case("name")
                && (0..c.width).any(|k| header_cell(text, h, sep, k).is_some_and(|o| name_part_header(o.header))),
    )
}

/// True if a column headed `header` lists people.
fn person_header(header: &str) -> bool {
    if header.is_empty() || header.len() > 40 {
        return false;
    }
    let hint = FieldHints { label: header.to_string(), ..FieldHints::default() };
    if name_part_header(header) || hint.classify().expects == Some(Kind::Person) {
        return true;
    }
    let low = format!(" {} ", header.lowercase());
    ROLE_HEADERS.iter().any(|w| starts_word(&low, w))
}

/// A name value in a table cell: its first and last token, and whether it has the
/// evidence of a name: a known given name or a surname-shaped word, the list form
/// "Surname, Given", or a name found in it by another step.
type NameCell = (usize, usize, bool);

/// A column of a table: (header row start, column), what its header says (see
/// `column_says`) and the name values under it.
type Column = ((usize, usize), Option<bool>, Vec<NameCell>);

impl Scan<'_, '_, '_> {
    /// Reports the name cells of the tables in the text (after the other steps: a
    /// cell that holds a name found already is left to it). A column headed by a part of
    /// a name ("Vorname", "Surname", or "Name" beside "Vorname") counts as it is; under "Name" or a role word, at
    /// least half of its name values need the evidence of a name (see [`NameCell`]):
    /// a product list under "Name" ("Kaffee", "Tee") is not a list of people.
    pub(super) fn table_names(&mut self) {
        let text = self.tk.text;
        // each header is read once
        let mut columns: Vec<Column> = Vec::new();
        for (s, e, sep, h) in rows_with_header(text) {
            for (column, (a, z)) in cells(text, s, e, sep).enumerate() {
                if a >= z || a - h > HEADER_REACH {
                    continue;
                }
                let at = match columns.iter().position(|c| c.0 == (h, column)) {
                    Some(k) => k,
                    None => {
                        columns.push(((h, column), column_says(text, h, sep, column), Vec::new()));
                        columns.len() - 1
                    }
                };
                if columns[at].1.is_some() {
                    if let Some(cell) = self.name_cell(a, z) {
                        columns[at].2.push(cell);
                    }
                }
            }
        }
        for (_, says, cells) in columns {
            let Some(part) = says else { continue };
            if !part && 2 * cells.iter().filter(|c| c.2).count() < cells.len() {
                continue;
            }
            for (first, last, _) in cells {
                if !self.reported(self.tk.v[first].s, self.tk.v[last].e) {
                    self.emit_last(first, last, 0.8);
                }
            }
        }
    }

    /// The name value in the cell `a..z` (bytes), if its tokens make one and none of
    /// its words is ruled out as a name (particles such as "van der" are not).
    fn name_cell(&mut self, a: usize, z: usize) -> Option<NameCell> {
        let tk = self.tk;
        let from = tk.v.partition_point(|t| t.s < a);
        let to = tk.v.partition_point(|t| t.s < z);
        if from >= to || tk.v[to - 1].e > z {
            return None;
        }
        let (first, last) = self.name_value(from, to)?;
        // "Schäfer, Uwe" is how a list writes a name; a name found in the cell by
        // another step is evidence too.
        let comma = (first..=last).filter(|&k| tk.is_punct(k, ',')).count() == 1 && !tk.is_punct(last, ',');
        let mut strong = comma || self.overlaps(tk.v[first].s, tk.v[last].e);
        for k in (first..=last).filter(|&k| tk.is_word(k)) {
            match self.cx.namey(k) {
                Namey::No if !tk.has(k, flag::PARTICLE) => return None,
                Namey::Given | Namey::Surname => strong = true,
                _ => {}
            }
        }
        Some((first, last, strong))
    }
}
