//! The scoring stage: context words, then field hints, for every candidate of a
//! built-in kind, before the threshold.
//!
//! This is the one place where the field hints (see [`crate::field`]) change a score.
//! The rules, per kind:
//!
//! - **Context** first (`crate::context`): positive, reference and company words; a
//!   bank account the company gives as its own in a letter it signs (both cues, see
//!   `context::company_account`) drops to 0, and only a field asking for the kind can
//!   lift it again. An address the text gives as the company's premises ("our
//!   office at", "unsere Filiale in der") drops to 0 too.
//! - **Every kind**: a candidate of the kind the field expects gains 0.5, and another
//!   0.2 if it fills the whole field (nothing but spaces around it).
//! - **Number-like kinds** ([`Kind::is_number_like`](crate::entity::Kind::is_number_like)) in a field marked non-personal
//!   (order number, amount, …) lose 0.5, or 0.25 if their check digit was verified.
//! - Scores are clamped to 0..=1 after each step.
//!
//! Recognisers read the field only to decide *whether* to propose a candidate (a
//! field asking for a kind lets a value through that would otherwise need a word
//! next to it; see `recognize::*`). Three recognisers still set a score from the
//! field, because moving the rule here would change findings:
//!
//! - **Phone** (`recognize::phone`): a national-looking number (base score under 0.8)
//!   in a field expecting another kind loses 0.3 *before* the context step, and the
//!   lowered score decides whether the candidate is proposed at all ("no context could
//!   lift it over 0.5"). Applied here, after context, the clamp at 0 and 1 and the
//!   proposal rule would give other scores and other candidates.
//! - **Licence plate** (`recognize::plate`): a field asking for a plate counts as a
//!   vehicle word before the value, so the base score is 0.6 instead of 0.35 (and a
//!   plate of no known country is proposed at all). The stage cannot tell the two
//!   apart afterwards: context then adds to a different base.
//! - **Date of birth** (`recognize::dob`): in a field asking for a birth date the
//!   birth-word checks are skipped, so a date keeps its base 0.2 where a mistyped
//!   birth word next to it would have set 0.75.
//!
//! Custom patterns and the deny list are not scored here: their score is the one
//! configured.

use crate::context::{self, Window};
use crate::field::FieldClass;
use crate::types::Candidate;

/// Context words around `c` in `text` (read into `win`), then the field hints in
/// `class`: sets the candidate's score after both (see the module docs).
pub(super) fn rescore(c: &mut Candidate, win: &mut Window, text: &str, class: &FieldClass) {
    if context::applies(c.kind) {
        win.fill_for(c.kind, text, c.start, c.end);
        c.score = context::adjust(c.kind, c.score, win);
        if context::company_account(c.kind, text, c.start) {
            c.score = 0.0;
        }
    } else if context::company_address(c.kind, win, text, c.start) {
        c.score = 0.0;
    } else {
        c.score = c.score.clamp(0.0, 1.0);
    }
    c.score = field_adjust(c, class, text);
}

/// Field hints: the expected kind is raised, a non-personal field lowers number-like kinds
/// that make up most of what it holds: an order number field's number is the reference,
/// while a message typed into a field named "ticket" is a message like any other.
fn field_adjust(c: &Candidate, class: &FieldClass, text: &str) -> f32 {
    let mut s = c.score;
    if class.expects == Some(c.kind) {
        s += 0.5;
        // A value that fills the whole field is what the field asks for.
        if text[..c.start].trim().is_empty() && text[c.end..].trim().is_empty() {
            s += 0.2;
        }
    } else if class.non_personal && c.kind.is_number_like() && fills_most(text, c) {
        s -= if c.validated { 0.25 } else { 0.5 };
    }
    s.clamp(0.0, 1.0)
}

/// True if the candidate holds at least half of the text's characters that are not
/// white space.
fn fills_most(text: &str, c: &Candidate) -> bool {
    let dense = |t: &str| t.chars().filter(|ch| !ch.is_whitespace()).count();
    2 * dense(&text[c.start..c.end]) >= dense(text)
}
