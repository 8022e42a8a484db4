//! Staff named by where they work: a known given name (with the surname after it, if
//! any) right before "from", "vom", "von der" or "aus der" and a department ("Opal from
//! accounts", "Jelena from billing", "frank from your support team", "Hanna vom
//! Kundenservice"). Only known given names: "Antwort vom Support", "Update from
//! billing" are not people.

use super::namey::{may_be_given, Namey};
use super::scan::Scan;
use crate::words::company::DEPARTMENTS;

/// Words between the preposition and the department ("from your support team").
const BETWEEN: &[&str] =
    &["the", "your", "our", "ur", "der", "dem", "ihrer", "ihrem", "eurer", "eurem", "unserer", "unserem", "customer"];

/// Articles and determiners: a word after one is a noun, not a name.
const ARTICLES: &[&str] = &[
    "the", "a", "an", "this", "that", "one", "some", "any", "der", "die", "das", "ein", "eine", "einen", "dem", "den",
];

impl Scan<'_, '_, '_> {
    /// "Opal from accounts": see the module docs.
    pub(super) fn name_from_department(&mut self, i: usize) -> Option<usize> {
        let tk = self.tk;
        // (`may_be_given` answers most words from their bits, without the judgement)
        if i < self.covered_to
            || !tk.cap_or_lower(i)
            || !may_be_given(tk, i)
            || !matches!(self.cx.namey(i), Namey::Given | Namey::Weak)
        {
            return None;
        }
        // "the guy from support", "a rose from the office": after an article the word
        // is a noun
        if i > 0 && tk.is_word(i - 1) && ARTICLES.contains(&tk.low(i - 1)) {
            return None;
        }
        let b = self.cx.extend(i);
        let word = |j: usize| if j < self.n && tk.is_word(j) && tk.v[j].nl == 0 { tk.low(j) } else { "" };
        let mut j = b + 1;
        match word(j) {
            "from" | "vom" => j += 1,
            "von" | "aus" if matches!(word(j + 1), "der" | "dem") => j += 2,
            _ => return None,
        }
        // up to two words before the department ("from your customer service")
        for _ in 0..2 {
            let next = word(j + 1);
            if BETWEEN.contains(&word(j)) && (DEPARTMENTS.contains(&next) || BETWEEN.contains(&next)) {
                j += 1;
            }
        }
        if !DEPARTMENTS.contains(&word(j)) {
            return None;
        }
        self.emit(i, b, 0.8);
        Some(b + 1)
    }
}
