//! Findings as they cross a boundary: the kind's id, start and end in the caller's unit,
//! the score rounded to three decimals, the subtype. The WebAssembly API, the command
//! line and the data-driven tests all hand findings out in this one shape, made here in
//! one pass over the text (see [`crate::span::convert_offsets`]).

use crate::scanner::Scanner;
use crate::span::{convert_offsets, Unit};
use crate::types::Finding;

/// A finding with its offsets in a chosen [`Unit`] and its kind as an id.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<'s> {
    /// The kind's id (a built-in id, a custom pattern's name, or `deny`).
    pub kind: &'s str,
    /// Start offset, in the unit asked for.
    pub start: usize,
    /// End offset (exclusive), in the unit asked for.
    pub end: usize,
    /// The score rounded to three decimals (0.95, not 0.949999988).
    pub score: f64,
    /// Finer classification, e.g. `de_steuer_idnr`.
    pub subtype: Option<&'static str>,
}

impl Scanner {
    /// The `findings` of `text` (as [`Scanner::scan`] returned them) with offsets in
    /// `unit`: UTF-16 code units for JavaScript, code points for Python, or bytes.
    pub fn locate<'s>(&'s self, text: &str, findings: &[Finding], unit: Unit) -> Vec<Located<'s>> {
        let mut offs: Vec<usize> = findings.iter().flat_map(|f| [f.span.start, f.span.end]).collect();
        convert_offsets(text, &mut offs, unit);
        findings
            .iter()
            .zip(offs.chunks_exact(2))
            .map(|(f, o)| Located {
                kind: self.kind_id(f.kind),
                start: o[0],
                end: o[1],
                score: (f64::from(f.score) * 1000.0).round() / 1000.0,
                subtype: f.subtype,
            })
            .collect()
    }
}
