//! Pasted tables: rows of cells split by tabs, `|` or `;`, as copied from a
//! spreadsheet, a CRM list or a CSV file into a message.
//!
//! A table is a run of consecutive lines that each hold the same number of cell
//! separators as the row read (one separator or more). Its first line is the header
//! when none of its cells holds a digit ("Name\tGeb.\tTelefon"). A header is read as
//! the label of a form field for the cells under it ([`header_classes`]: "NHS No"
//! asks for a health insurance number, "Telefon" for a phone); recognisers may read
//! more into it (a name column, a birth-date column).
//!
//! The header must stand at most [`HEADER_REACH`] bytes before the cell: a rescan
//! while typing reads only a bounded part before an edit (see
//! `recognize::util::Reach::LONGEST`), and a cell must be judged the same there as in
//! a scan of the whole text. Rows further down a long table are read without their
//! header.

use crate::field::{FieldClass, FieldHints};

/// Column separators of pasted tables, in order of preference: a row holding a tab is
/// split by tabs.
pub(crate) const CELL_SEPS: [u8; 3] = [b'\t', b'|', b';'];

/// Whether `b` holds a cell separator ([`CELL_SEPS`]).
#[inline(never)]
pub(crate) fn has_cell_sep(b: &[u8]) -> bool {
    crate::bytes::find_any3(b, CELL_SEPS).is_some()
}

/// How far (bytes) above a cell its table's header row may start.
pub(crate) const HEADER_REACH: usize = 600;

/// Where a cell stands in a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cell<'t> {
    /// The header of the cell's column, trimmed.
    pub(crate) header: &'t str,
    /// The column (0 = first).
    pub(crate) column: usize,
    /// Number of cells in a row of the table.
    pub(crate) width: usize,
}

/// The rows of a text that lie in a table under a header, as `(row start, row end,
/// separator, header row start)`: every data row starting within [`HEADER_REACH`]
/// bytes of its header (a cell further into the row may still be too far: the reader
/// checks the cell's own start).
pub(crate) fn rows_with_header(text: &str) -> Vec<(usize, usize, u8, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let lines = separated_lines(b);
    let mut k = 0;
    while k < lines.len() {
        let (s, e) = (lines[k].s, lines[k].e);
        let Some((sep, count)) = lines[k].primary() else {
            k += 1;
            continue;
        };
        // The run of rows right below each other with as many separators as this one.
        let mut z = k + 1;
        while z < lines.len() && lines[z].s == lines[z - 1].next && lines[z].primary() == Some((sep, count)) {
            z += 1;
        }
        // A header has no digits, and the line above it is no row split by the same
        // separator (a table cut in two by a rescan's part does not start anew).
        let above_is_row = k > 0 && lines[k - 1].next == s && lines[k - 1].count(sep) > 0;
        if z - k >= 2 && !above_is_row && !b[s..e].iter().any(u8::is_ascii_digit) {
            for l in lines[k + 1..z].iter().take_while(|l| l.s - s <= HEADER_REACH) {
                out.push((l.s, l.e, sep, s));
            }
        }
        k = z;
    }
    out
}

/// A line holding at least one cell separator.
struct Line {
    /// Start and end (without the line break and a `\r` before it).
    s: usize,
    e: usize,
    /// Where the next line starts.
    next: usize,
    /// How many tabs, `|` and `;` it holds.
    counts: [usize; 3],
}

impl Line {
    /// The separator the line is split by (tab first, then `|`, then `;`) and how many
    /// times it occurs.
    fn primary(&self) -> Option<(u8, usize)> {
        CELL_SEPS.iter().zip(self.counts).find(|&(_, n)| n > 0).map(|(&sep, n)| (sep, n))
    }

    fn count(&self, sep: u8) -> usize {
        CELL_SEPS.iter().position(|&c| c == sep).map_or(0, |k| self.counts[k])
    }
}

/// The lines of `b` that hold a cell separator, in order: the text is searched for the
/// separators (most lines of prose have none and are passed over at once).
fn separated_lines(b: &[u8]) -> Vec<Line> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = crate::bytes::find_any3(&b[at..], CELL_SEPS) {
        let p = at + i;
        let s = crate::bytes::rfind_byte(&b[..p], b'\n').map_or(0, |j| j + 1);
        let nl = crate::bytes::find_byte(&b[p..], b'\n').map_or(b.len(), |j| p + j);
        let e = if nl > s && b[nl - 1] == b'\r' { nl - 1 } else { nl };
        let mut counts = [0; 3];
        for &c in &b[s..e] {
            match c {
                b'\t' => counts[0] += 1,
                b'|' => counts[1] += 1,
                b';' => counts[2] += 1,
                _ => {}
            }
        }
        out.push(Line { s, e, next: nl + 1, counts });
        at = nl + 1;
        if at >= b.len() {
            break;
        }
    }
    out
}

/// The cells of the row `s..e` split by `sep`, as byte ranges (trimmed of spaces).
pub(crate) fn cells(text: &str, s: usize, e: usize, sep: u8) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = text.as_bytes();
    let mut at = s;
    std::iter::from_fn(move || {
        if at > e {
            return None;
        }
        let end = b[at..e].iter().position(|&c| c == sep).map_or(e, |i| at + i);
        let (mut a, mut z) = (at, end);
        while a < z && b[a].is_ascii_whitespace() {
            a += 1;
        }
        while z > a && b[z - 1].is_ascii_whitespace() {
            z -= 1;
        }
        at = end + 1;
        Some((a, z))
    })
}

/// The header cell of column `column` in the header row starting at `h`.
pub(crate) fn header_cell(text: &str, h: usize, sep: u8, column: usize) -> Option<Cell<'_>> {
    let e = text[h..].find('\n').map_or(text.len(), |i| h + i);
    let e = if e > h && text.as_bytes()[e - 1] == b'\r' { e - 1 } else { e };
    let width = cells(text, h, e, sep).count();
    let (a, z) = cells(text, h, e, sep).nth(column)?;
    Some(Cell { header: &text[a..z], column, width })
}

/// What the header of each cell's column says, read as a form field's label (see
/// [`FieldHints::classify`]): `(cell start, cell end, class)` for every cell, in order,
/// whose header stands within [`HEADER_REACH`] bytes and names a kind or marks the
/// column non-personal ("NHS No", "Telefon", "Geb.", "Bestellnummer"). Empty for a text
/// without a table.
pub(crate) fn header_classes(text: &str) -> Vec<(usize, usize, FieldClass)> {
    let mut out = Vec::new();
    let mut headers: Vec<(usize, usize, FieldClass)> = Vec::new();
    for (s, e, sep, h) in rows_with_header(text) {
        for (column, (a, z)) in cells(text, s, e, sep).enumerate() {
            if a >= z || a - h > HEADER_REACH {
                continue;
            }
            let class = match headers.iter().find(|x| x.0 == h && x.1 == column) {
                Some(x) => x.2,
                None => {
                    let label = header_cell(text, h, sep, column).map_or("", |c| c.header);
                    let class = FieldHints { label: label.to_string(), ..FieldHints::default() }.classify();
                    headers.push((h, column, class));
                    class
                }
            };
            if class.expects.is_some() || class.non_personal {
                out.push((a, z, class));
            }
        }
    }
    out
}

/// The class of the cell of `classes` (from [`header_classes`]) that holds `s..e`.
pub(crate) fn class_at(classes: &[(usize, usize, FieldClass)], s: usize, e: usize) -> Option<FieldClass> {
    let k = classes.partition_point(|c| c.0 <= s);
    (k > 0 && e <= classes[k - 1].1).then(|| classes[k - 1].2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headed(text: &str) -> Vec<(&str, Vec<&str>)> {
        rows_with_header(text)
            .into_iter()
            .map(|(s, e, sep, h)| {
                let hdr = header_cell(text, h, sep, 0).unwrap().header;
                (hdr, cells(text, s, e, sep).map(|(a, z)| &text[a..z]).collect())
            })
            .collect()
    }

    #[test]
    fn rows_under_a_header() {
        let t = "Hallo,\nName\tGeb.\tTarif\nAnna Berg\t01.02.1990\tBasis\nTom Kern\t03.04.1985\tPlus\n\nGruß";
        assert_eq!(
            headed(t),
            [("Name", vec!["Anna Berg", "01.02.1990", "Basis"]), ("Name", vec!["Tom Kern", "03.04.1985", "Plus"])]
        );
        let t = "| Kunde | Telefon |\r\n| Eva Roth | 0664 1234567 |";
        assert_eq!(headed(t), [("", vec!["", "Eva Roth", "0664 1234567", ""])]);
        assert_eq!(header_cell(t, 0, b'|', 1).unwrap(), Cell { header: "Kunde", column: 1, width: 4 });
    }

    #[test]
    fn no_header_no_rows() {
        // a first row with digits is data, not a header
        assert!(headed("Anna\t1\nTom\t2").is_empty());
        // one row is no table; rows of another width end the table
        assert!(headed("Name\tOrt").is_empty());
        assert!(headed("Name\tOrt\nAnna\tWien\tx").is_empty());
        assert!(rows_with_header("no table here").is_empty());
    }

    #[test]
    fn rows_far_below_the_header_have_none() {
        let row = "Anna Berg\tWien\n";
        let t = format!("Name\tOrt\n{}", row.repeat(60));
        let rows = rows_with_header(&t);
        assert!(!rows.is_empty() && rows.len() < 60);
        assert!(rows.iter().all(|&(s, _, _, h)| s - h <= HEADER_REACH));
    }
}
