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

use super::util::{Reach, Recognizer};
use crate::entity::Kind;
use crate::tokens::T;
use crate::types::{Candidate, Input};
use crate::words::flag;
use scan::Scan;

/// The name recogniser (see the module doc).
pub(super) struct Person;

impl Person {
    /// The kinds this recogniser finds (the registry builds it only for a scanner with
    /// one of them on).
    pub(super) const KINDS: &'static [Kind] = &[Kind::Person];

    /// The recogniser. Its word tables are built on the first text it reads, not here:
    /// building them is most of a first scanner's build (the lexicon's 25,000 names), and
    /// a page whose first scans are made in its worker (which warms its scanner up) never
    /// pays for them on its main thread.
    pub(super) fn new() -> Person {
        Person
    }
}

impl Recognizer for Person {
    fn kinds(&self) -> &'static [Kind] {
        Self::KINDS
    }

    /// A name decides within a few lines (its cue words, a closing line above a
    /// signature, the words of its extent); a name found before makes the same word a
    /// name again further on ([`Recognizer::learns`]); in a table, the header of its
    /// column.
    fn reach(&self) -> Reach {
        Reach::NEAR
    }

    fn reach_in_tables(&self) -> Reach {
        Reach::LONGEST
    }

    fn learns(&self) -> usize {
        scan::KNOWN_REACH
    }

    fn find(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let text = input.text;
        if !text.bytes().any(|b| b.is_ascii_alphabetic() || b >= 0x80) {
            return;
        }
        let tk = input.tokens();
        let mut s = Scan::new(tk, out);
        s.learning(input);
        if s.form_field(input.field.expects) {
            return;
        }
        let mut i = 0;
        while i < s.n {
            if tk.v[i].t != T::Word || tk.v[i].code || !s.may_claim(i) {
                i += 1;
                continue;
            }
            i = s.steps(i);
        }
        s.table_names();
    }
}

impl Scan<'_, '_, '_> {
    /// The steps in their order: each claims word `i` (and says where to go on) or
    /// passes it on. The index to go on from.
    fn steps(&mut self, i: usize) -> usize {
        let s = self;
        s.sender_header(i)
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
            .unwrap_or(i + 1)
    }

    /// False when no step can claim word `i` (checked by [`Scan::steps`] being a no-op:
    /// see the tests): a lower-case word outside chat typing
    /// ([`Tokens::cap_or_lower`](crate::tokens::Tokens::cap_or_lower) is false) starts
    /// no name, so only the steps that start at a cue word may claim it: a title,
    /// closing or cue phrase (word bits), a header (`von:`, a `:` next), `ich (…`
    /// (a `(` next), `geb.`/`née` and `meine Frau`/`mein Mann`. Most words of a
    /// text are answered here with a few tests instead of the twenty steps.
    fn may_claim(&self, i: usize) -> bool {
        let tk = self.tk;
        tk.cap_or_lower(i)
            || tk.flags(i) & (flag::TITLE | flag::CLOSING | flag::CUE) != 0
            || tk.is_punct(i + 1, ':')
            || tk.is_punct(i + 1, '(')
            || matches!(
                tk.low(i),
                "geb" | "geborene" | "geborener" | "née" | "né" | "nee" | "frau" | "mann" | "freundin" | "freund"
            )
    }
}

#[cfg(test)]
mod tests {
    use super::Scan;
    use crate::tokens::{Tokens, T};
    use crate::{Kind, Scanner};
    use proptest::prelude::*;

    /// The scan of `text`, but with the steps also run on the words `may_claim` rules
    /// out: there they must neither report a name, nor mark one, nor skip a token.
    fn may_claim_agrees(text: &str) {
        let tk = Tokens::new(text);
        let mut out = Vec::new();
        let mut s = Scan::new(&tk, &mut out);
        let mut i = 0;
        while i < s.n {
            if tk.v[i].t != T::Word || tk.v[i].code {
                i += 1;
                continue;
            }
            if s.may_claim(i) {
                i = s.steps(i);
                continue;
            }
            let (found, covered) = (s.found(), s.covered_to);
            assert_eq!(s.steps(i), i + 1, "{:?} in {text:?}", tk.raw(i));
            assert_eq!((s.found(), s.covered_to), (found, covered), "{:?} in {text:?}", tk.raw(i));
            i += 1;
        }
    }

    #[test]
    fn may_claim_examples() {
        for t in [
            "Sehr geehrter Herr Pfeiffer, danke. mfg anna huber",
            "von: Hakan Yıldırım <h@x.de>\nich (Carina, geb. Maier) und meine frau Ariane",
            "mit freundlichen grüßen\nmaria wimmer (geb. 1938)",
            "Kontoinhaber: M. Huber, mein name ist jolanda brückl. hier ist eva - Tina",
            "the name: kevin werner; das ist nadine kroll geb. ehrhardt; my wife's name",
            "Hallo zusammen, der Bauer nebenan hat im Mai einen Wolf gesehen.\n--\nTom",
            "Das ist Nadine Kroll geb. Ehrhardt, und Frau Ute Kahl (née Price) sagt: moi (Carina, geb. Maier).",
            "Bitte melden. Zeuge war meine Frau Ariane, sagt Herr Tom Weber, und io (Carina, nata Rossi).",
            "Bitte melden. Zeuge war meine frau Ariane und mein mann Peter.",
        ] {
            may_claim_agrees(t);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn may_claim_random(parts in proptest::collection::vec(proptest::sample::select(vec![
            "anna", "Anna", "HUBER", "huber", "Kevin", "werner", "herr", "Herr", "dr", "frau", "meine", "mein",
            "name", "ist", "hier", "here", "ich", "bin", "geb", "née", "von", "lg", "grüße", "mfg", "thanks",
            "hallo", "der", "die", "Mai", "mai", "und", "Tom's", "wife", "born", "Kunde", "kunde", "am",
            "Nadine", "Kroll", "Das", "moi", "io", "mann", "freund", "geborene", "Meine", "sagt", "Zeuge", "war",
            " ", " ", " ", "\n", ".", ",", ":", "(", ")", "-", "–", "*", "'", "12", ">", "\t",
        ]), 0..24)) {
            may_claim_agrees(&parts.concat());
        }
    }

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
