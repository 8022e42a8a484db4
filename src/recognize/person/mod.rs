//! Person names, found by evidence rather than by lists alone.
//!
//! A capital letter proves nothing in German (every noun has one: `der Bauer`, `im Mai`,
//! `ein Wolf`), and a real name may be in no list at all. So a span is reported when
//! something around it says "this is a person", and the gazetteers only decide how much
//! evidence is needed:
//!
//! * **Titles and salutations** (`Herr`, `Frau`, `Mr`, `Dr.`, `Mag.`, `Prof.`, `Sig.ra`, …)
//!   are strong: the next capitalised words are the name (`Herr Pfeiffer`), whatever
//!   they are. The title itself stays outside the span.
//! * **Labels and roles** (`Name:`, `Kontoinhaber`, `Ansprechpartnerin ist`, `z. H.`,
//!   `c/o`, `attn.`, `Kunde`, `Fahrer`, `mein Sohn`, `my wife`, `eskaliert an`), **intros**
//!   (`mein Name ist`, `ich heiße`, `ich bin`, `hier ist`, `my name is`, `this is`, `I'm`,
//!   `je suis`, `soy`, `ik ben`, `X hier`) and **greetings** (`Hallo`, `Liebe`, `Dear`)
//!   are medium: the next word must look like a name — a known given name, a surname
//!   shape (`-mann`, `-huber`, `-ović`, `-ski`, `-sson`, `-ini`, …) or a capitalised word
//!   that is no function word or obvious common noun (`-ung`, `-keit`, `Team`, `Service`).
//! * **Closings** (`Mit freundlichen Grüßen`, `LG`, `Best regards`, `Cheers`, …) make the
//!   next line a signature: its words are the name unless it reads like a team or company.
//! * **Without evidence**, only a known given name followed by a surname-like word
//!   (`Kevin Werner`) is reported.
//! * A form field that expects a name (see [`crate::field`]) reports a value made of
//!   name-like words as a whole, and so does a cell of a pasted table in a column
//!   headed by a name or role word ("Name", "Kunde", "Mitglied", "Member"; see
//!   [`crate::table`]).
//!
//! The gazetteers and word lists live in [`crate::words`]: a word is looked up once and
//! gets a set of bits (stop word, title, given name, …; see [`crate::words::flag`]), cached per token
//! by the shared tokeniser ([`crate::tokens`]).
//! Everything is one pass over the tokens with bounded look-ahead: linear time.
//!
//! Files: `lists.rs` (cue/closing tables, ending tries), `namey.rs` (how name-like a
//! word is), `extent.rs` (how far a name reaches), `signature.rs` (closings and
//! signatures), `scan.rs` (the scanning state), `cues.rs` (steps after a cue word),
//! `bare.rs` (steps without a cue phrase), `role.rs` (staff named by their department), `table.rs` (name columns of tables). This file holds the recogniser: the order of
//! the steps.

mod bare;
mod cues;
mod extent;
mod lists;
mod namey;
mod role;
mod scan;
mod signature;
mod table;

use super::util::Recognizer;
use crate::entity::Kind;
use crate::tokens::T;
use crate::types::{Candidate, Input};
use scan::Scan;

/// The name recogniser (see the module doc).
pub(super) struct Person;

impl Person {
    /// The recogniser, with its word tables built up front (not on the first text).
    pub(super) fn new() -> Person {
        let _ = crate::words::lexicon();
        let _ = lists::lst();
        Person
    }
}

impl Recognizer for Person {
    fn kinds(&self) -> &'static [Kind] {
        &[Kind::Person]
    }

    fn find(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let text = input.text;
        if !text.bytes().any(|b| b.is_ascii_alphabetic() || b >= 0x80) {
            return;
        }
        let tk = input.tokens();
        let mut s = Scan::new(tk, out);
        if s.form_field(input.field.expects) {
            return;
        }
        let mut i = 0;
        while i < s.n {
            if tk.v[i].t != T::Word || tk.v[i].code {
                i += 1;
                continue;
            }
            // Each step claims token `i` (and says where to go on) or passes it on.
            i = s
                .sender_header(i)
                .or_else(|| s.title(i))
                .or_else(|| s.closing(i))
                .or_else(|| s.cue(i))
                .or_else(|| s.dash_signoff(i))
                .or_else(|| s.after_separator(i))
                .or_else(|| s.final_signoff(i))
                .or_else(|| s.self_in_brackets(i))
                .or_else(|| s.name_in_brackets(i))
                .or_else(|| s.possessive_given(i))
                .or_else(|| s.birth_name(i))
                .or_else(|| s.partner(i))
                .or_else(|| s.name_before_cue(i))
                .or_else(|| s.name_from_department(i))
                .or_else(|| s.name_here(i))
                .or_else(|| s.surname_comma_given(i))
                .or_else(|| s.caps_surname_given(i))
                .or_else(|| s.name_before_birth(i))
                .or_else(|| s.given_surname(i))
                .unwrap_or(i + 1);
        }
        s.table_names();
    }
}

#[cfg(test)]
mod tests {
    use crate::{Kind, Scanner};

    fn names(text: &str) -> Vec<String> {
        let s = Scanner::new();
        s.scan(text, None)
            .unwrap()
            .into_iter()
            .filter(|f| f.kind == Kind::Person)
            .map(|f| text[f.span.start..f.span.end].to_string())
            .collect()
    }

    #[test]
    fn evidence_cases() {
        assert_eq!(names("Sehr geehrter Herr Pfeiffer,"), vec!["Pfeiffer"]);
        assert_eq!(names("hier ist maria huber"), vec!["maria huber"]);
        assert_eq!(names("Der Bauer nebenan hat im Mai einen Wolf gesehen."), Vec::<String>::new());
        assert_eq!(names("Liebe Frau Bauer, danke."), vec!["Bauer"]);
        assert_eq!(names("Mit freundlichen Grüßen\nAnna Ramic-Seemann"), vec!["Anna Ramic-Seemann"]);
        assert_eq!(names("Kontoinhaber: M. Huber"), vec!["M. Huber"]);
        assert_eq!(names("Dear Mr Chou,"), vec!["Chou"]);
        assert_eq!(names("Bill is wrong, to be frank."), Vec::<String>::new());
    }

    /// Drops 30 % of the given-name list: cases with evidence must still be found.
    #[test]
    fn holdout_given_names() {
        let cases: &[(&str, &str)] = &[
            ("Sehr geehrte Frau Annegret Pfanzelter,", "Annegret Pfanzelter"),
            ("mein Name ist Jolanda Brückl", "Jolanda Brückl"),
            ("Kontoinhaber: Ottokar Wimmer", "Ottokar Wimmer"),
            ("Viele Grüße\nHelmtrud Eichinger", "Helmtrud Eichinger"),
            ("Hallo, ich bin Quirin Dallmayr und habe eine Frage", "Quirin Dallmayr"),
            ("Dear Ms Ashcroft,", "Ashcroft"),
            ("my name is Tobiah Wexford", "Tobiah Wexford"),
            ("Ansprechpartner: Herr Radomir Kovačević", "Radomir Kovačević"),
            ("Unfallgegner Severin Hollaus, Tel. 0664 1234567", "Severin Hollaus"),
            ("Best regards,\nPhilippa Dunmore", "Philippa Dunmore"),
        ];
        crate::words::HOLDOUT.with(|h| h.set(30));
        let mut hit = 0;
        for (t, want) in cases {
            if names(t).iter().any(|n| n == want) {
                hit += 1;
            }
        }
        crate::words::HOLDOUT.with(|h| h.set(0));
        assert!(hit * 10 >= cases.len() * 9, "recall with 30 % of given names held out: {hit}/{}", cases.len());
    }
}
