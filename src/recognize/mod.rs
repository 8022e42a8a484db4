//! Recognisers: one file per kind (or family of kinds), chosen by a registry.
//!
//! A recogniser = candidate pattern + validator + invalidator + score. It reads the
//! normalised text and pushes [`Candidate`](crate::types::Candidate)s; context words, thresholds and overlaps
//! are handled by the pipeline for every kind alike (see `crate::scanner`). The shapes
//! are read by hand over the bytes of the normalised text (personal-data formats are
//! ASCII, and the normaliser has already folded full-width digits and odd spaces), each
//! with a property test against the pattern it replaced; the cue words are literal sets
//! (`util::Literals`). The two written-out e-mail forms (`anna (at) web (dot) de`) are
//! `regex_lite` patterns, compiled once per process the first time a text has their
//! cue (`util::Pattern`) and searched only in the lines that have it.

use crate::entity::Kind;

mod address;
mod bank;
mod dob;
mod email;
mod ids;
mod net;
mod person;
mod phone;
mod plate;
pub(crate) mod util;
mod web;

pub(crate) use util::Recognizer;

/// A recogniser's entry in the registry: the kinds it finds and how it is built.
type Entry = (&'static [Kind], fn() -> Shared);

/// Every recogniser in registry order.
const RECOGNIZERS: [Entry; 10] = [
    (email::Email::KINDS, || std::sync::Arc::new(email::Email::new())),
    (bank::Bank::KINDS, || std::sync::Arc::new(bank::Bank::new())),
    (phone::Phone::KINDS, || std::sync::Arc::new(phone::Phone::new())),
    (ids::Ids::KINDS, || std::sync::Arc::new(ids::Ids::new())),
    (dob::Dob::KINDS, || std::sync::Arc::new(dob::Dob::new())),
    (plate::Plate::KINDS, || std::sync::Arc::new(plate::Plate::new())),
    (net::Net::KINDS, || std::sync::Arc::new(net::Net::new())),
    (web::Web::KINDS, || std::sync::Arc::new(web::Web::new())),
    (person::Person::KINDS, || std::sync::Arc::new(person::Person::new())),
    (address::Address::KINDS, || std::sync::Arc::new(address::Address::new())),
];

/// The recognisers needed for the enabled kinds, compiled.
pub fn registry(enabled: &[Kind]) -> Vec<Shared> {
    // Each is built once per process, when the first scanner that needs it is built, and
    // shared by every scanner after: a page makes a new scanner whenever its
    // configuration changes (an allow list, a value marked "not personal"). The word
    // tables of the name and address recognisers (the 25,000 names) are built on their
    // first text, not here; a scanner without names and addresses never builds them.
    static BUILT: Built = [const { std::sync::OnceLock::new() }; RECOGNIZERS.len()];
    built_for(&BUILT, enabled)
}

/// The recognisers built so far, one slot per entry of [`RECOGNIZERS`].
type Built = [std::sync::OnceLock<Shared>; RECOGNIZERS.len()];

/// [`registry`] with the recognisers built so far in `built`.
fn built_for(built: &Built, enabled: &[Kind]) -> Vec<Shared> {
    RECOGNIZERS
        .iter()
        .zip(built)
        .filter(|((kinds, _), _)| kinds.iter().any(|k| enabled.contains(k)))
        .map(|((_, make), built)| built.get_or_init(*make).clone())
        .collect()
}

/// A recogniser shared by every scanner of the process (see [`registry`]).
pub(crate) type Shared = std::sync::Arc<dyn Recognizer>;

#[cfg(test)]
mod tests {
    use super::{plate, util, web};
    use crate::entity::Kind;
    use crate::field::FieldClass;
    use crate::types::{Input, Learned};
    use proptest::prelude::*;

    /// A recogniser is built only for a scanner with one of its kinds on, once: a scanner
    /// of identifiers alone does not build the name and address recognisers (and their
    /// word table); a second scanner takes what the first one built.
    #[test]
    fn recognisers_are_built_for_the_kinds_on() {
        use super::{built_for, Built, RECOGNIZERS};
        let built: Built = [const { std::sync::OnceLock::new() }; RECOGNIZERS.len()];
        let ids = built_for(&built, &[Kind::Email, Kind::Iban, Kind::Phone]);
        let made: Vec<&[Kind]> = ids.iter().map(|r| r.kinds()).collect();
        assert_eq!(made, [&[Kind::Email][..], &[Kind::Iban, Kind::Bic, Kind::CreditCard], &[Kind::Phone]]);
        let filled = |b: &Built| b.iter().filter(|s| s.get().is_some()).count();
        assert_eq!(filled(&built), 3);
        let again = built_for(&built, &[Kind::Phone, Kind::Person]);
        assert_eq!(filled(&built), 4);
        assert!(std::sync::Arc::ptr_eq(&ids[2], &again[0]), "the phone recogniser is built once");
        // Each entry's kinds are the ones its recogniser says it finds, and every kind
        // has its recogniser.
        let all = built_for(&built, &Kind::BUILTIN);
        assert_eq!(all.len(), RECOGNIZERS.len());
        for (r, (kinds, _)) in all.iter().zip(RECOGNIZERS) {
            assert_eq!(r.kinds(), kinds);
        }
        for k in &Kind::BUILTIN {
            assert!(RECOGNIZERS.iter().any(|(kinds, _)| kinds.contains(k)), "{k:?} has no recogniser");
        }
    }

    /// The pattern a literal set stands for: `a|\\bb\\b` with each word escaped.
    fn pattern_of(spec: &str) -> String {
        let alt = |a: &str| {
            let (start, end) = (a.starts_with("\\b"), a.ends_with("\\b"));
            let word = &a[if start { 2 } else { 0 }..a.len() - if end { 2 } else { 0 }];
            // `\s` and `\s+` inside a word stay what they are in a pattern.
            let word = regex::escape(word).replace(r"\\s\+", r"\s+").replace(r"\\s", r"\s");
            format!("{}{}{}", if start { "\\b" } else { "" }, word, if end { "\\b" } else { "" })
        };
        spec.split('|').map(alt).collect::<Vec<_>>().join("|")
    }

    /// The user-name label pattern the label set replaced.
    const LABEL_PATTERN: &str = r"\b(?:benutzernamen|benutzername|nutzername|benutzer|usernames|username|user\s?names?|user-?id|user|login|log-in|anmeldename|handle|nickname|nick|account|acct|acc|konto|konten|benutzerkonto|nutzerkonto|kundenkonto|profile|profil|instagram|insta|twitter|tiktok|github|gitlab|telegram|snapchat|skype|discord|reddit|twitch|mastodon|threads|pseudo|pseudonyme|gebruikersnaam|nome\s+utente|usuario)\b";

    /// Each literal set, searched without a pattern over the folded text, finds what
    /// the pattern it stands for finds ignoring case over the text; the label set finds
    /// what the label pattern it replaced found.
    fn folded_like_ignoring_case(text: &str) {
        type Sets = Vec<(&'static str, util::Literals, regex::bytes::Regex)>;
        static SETS: std::sync::OnceLock<Sets> = std::sync::OnceLock::new();
        let sets = SETS.get_or_init(|| {
            // (the last: alternatives with a `.` and non-ASCII letters, bounded or not)
            let mut sets: Sets =
                [web::GATE, plate::HINT, web::LABELS, r"geb|d.o.b|\bné|\bnee\b|naiss|\bnato\b|\bage\b"]
                    .into_iter()
                    .map(|p| (p, util::Literals::new(p), util::reference(&format!("(?i){}", pattern_of(p)))))
                    .collect();
            sets.push((
                LABEL_PATTERN,
                util::Literals::new(web::LABELS),
                util::reference(&format!("(?i){LABEL_PATTERN}")),
            ));
            sets
        });
        let folded = text.as_bytes().to_ascii_lowercase();
        for (p, set, ignoring) in sets {
            let want: Vec<_> = ignoring.find_iter(text.as_bytes()).map(|m| (m.start(), m.end())).collect();
            assert_eq!(set.find_iter(&folded).collect::<Vec<_>>(), want, "{p} in {text:?}");
            assert_eq!(set.is_match(&folded), !want.is_empty());
        }
    }

    #[test]
    fn folded_patterns_examples() {
        folded_like_ignoring_case("Benutzername: X, USER NAME y, user\tnames, Nome \t utente, benutzerkonto, User-ID 3, userid, LinkedIn.com/in/a, WWW.x.de, Geb. am, GEBURT, Né, NÉ, née, Nata, KFZ-Kennzeichen, CAR reg, Park, Homepage: AGE 3");
    }

    /// The texts of the case files (`tests/cases/*.jsonl`).
    fn case_texts() -> &'static [String] {
        static S: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
        S.get_or_init(|| {
            let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases");
            let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
            files.sort();
            let mut out = Vec::new();
            for f in files {
                for line in std::fs::read_to_string(f).unwrap().lines() {
                    let Some(rest) = line.strip_prefix("{\"text\": \"") else { continue };
                    let Some(end) = rest.find("\", \"") else { continue };
                    let t = rest[..end].replace("\\n", "\n").replace("\\t", "\t").replace("\\\"", "\"");
                    if !t.contains('\\') {
                        out.push(t);
                    }
                }
            }
            assert!(out.len() > 200, "case files not read");
            out
        })
    }

    /// Each recogniser that reads less than the longest reach proposes every candidate
    /// of a text the same when it reads only the part of the text its reach spans
    /// around the candidate (cut, as a rescan cuts, at white space): nothing further
    /// away decides it; with a table's cell separator within the longest reach of the
    /// candidate, its reach in tables. A rescan relies on this (`scanner::incremental`).
    fn reach_holds(text: &str) -> Result<(), TestCaseError> {
        let mut input = Input::new(text, FieldClass::default());
        input.keeping();
        let longest = util::Reach::LONGEST;
        let table = |at: usize| crate::table::has_cell_sep(&text.as_bytes()[longest.around(text, at..at)]);
        for r in super::registry(&Kind::BUILTIN).iter().filter(|r| r.reach() != longest) {
            let mut whole = Vec::new();
            r.find(&input, &mut whole);
            let learned = input.learned.take();
            for c in &whole {
                let reach = if table(c.start) { r.reach_in_tables() } else { r.reach() };
                if reach == longest {
                    continue;
                }
                let std::ops::Range { start: from, end: to } = reach.around(text, c.start..c.start);
                let mut read = Input::new(&text[from..to], FieldClass::default());
                if r.learns() > 0 {
                    // (handed what it learned before the candidate, as a rescan hands it)
                    read.wanted = c.start - from..to - from;
                    read.learned_before = Some(Learned::before(&learned, text, c.start, from, r.learns()));
                }
                let mut part = Vec::new();
                r.find(&read, &mut part);
                let same = |p: &crate::types::Candidate| {
                    (p.start + from, p.end + from, p.kind, p.score, p.subtype)
                        == (c.start, c.end, c.kind, c.score, c.subtype)
                };
                prop_assert!(
                    part.iter().any(same),
                    "{:?} ({c:?}) read within its reach {:?}: {part:?}",
                    &text[c.start..c.end],
                    &text[from..to]
                );
            }
        }
        Ok(())
    }

    /// Each recogniser proposes, in a text whose kept candidates are those starting in
    /// `wanted` ([`Input::wants`]), the candidates starting there that it proposes when
    /// every candidate is kept: a recogniser may skip the others, never change these.
    fn wanted_holds(text: &str, wanted: std::ops::Range<usize>) -> Result<(), TestCaseError> {
        let whole = Input::new(text, FieldClass::default());
        let mut part = Input::new(text, FieldClass::default());
        part.wanted = wanted.clone();
        for r in super::registry(&Kind::BUILTIN).iter() {
            let (mut all, mut some) = (Vec::new(), Vec::new());
            r.find(&whole, &mut all);
            r.find(&part, &mut some);
            all.retain(|c| wanted.contains(&c.start));
            some.retain(|c| wanted.contains(&c.start));
            prop_assert_eq!(some, all, "{:?} in {:?}", r.kinds(), &text[wanted.clone()]);
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn recognisers_propose_the_same_where_candidates_are_kept(
            picks in proptest::collection::vec((any::<usize>(), 0usize..5), 2..12),
            from in 0usize..100,
            len in 0usize..100,
        ) {
            let texts = case_texts();
            let mut t = String::new();
            for (i, sep) in picks {
                t.push_str(&texts[i % texts.len()]);
                t.push_str(["\n", " ", "\n\n", ". ", ", "][sep]);
            }
            let from = from * t.len() / 100;
            wanted_holds(&t, from..(from + len * t.len() / 100).min(t.len()))?;
        }

        #[test]
        fn recognisers_decide_within_their_reach(picks in proptest::collection::vec((any::<usize>(), 0usize..5), 2..12)) {
            let texts = case_texts();
            let mut t = String::new();
            for (i, sep) in picks {
                t.push_str(&texts[i % texts.len()]);
                t.push_str(["\n", " ", "\n\n", ". ", ", "][sep]);
            }
            reach_holds(&t)?;
        }

        /// The same with words put between the words of the texts: a cue moved a few
        /// words further from its value, to the edge of what the recogniser reads or
        /// past it. The words put in hold letters, digits or signs only, and are short
        /// or long.
        #[test]
        fn recognisers_decide_within_their_reach_with_words_put_between(
            picks in proptest::collection::vec((any::<usize>(), 0usize..5), 2..8),
            put in proptest::collection::vec((any::<proptest::sample::Index>(), 1usize..9, proptest::sample::select(vec![
                "und", "the", "12", "--", "€", "für", "Straße", "x", "Vertragsangelegenheiten", ":", "ABC-123",
            ])), 1..6),
        ) {
            let texts = case_texts();
            let mut t = String::new();
            for (i, sep) in picks {
                t.push_str(&texts[i % texts.len()]);
                t.push_str(["\n", " ", "\n\n", ". ", ", "][sep]);
            }
            for (at, n, word) in put {
                let spaces: Vec<usize> = t.match_indices(' ').map(|(i, _)| i).collect();
                if spaces.is_empty() {
                    break;
                }
                let at = spaces[at.index(spaces.len())];
                t.insert_str(at, &format!(" {word}").repeat(n));
            }
            reach_holds(&t)?;
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn folded_patterns(parts in proptest::collection::vec(proptest::sample::select(vec![
            "user", "USER", "Name", "nAme", " ", "-", "\n", ".", "né", "NÉ", "É", "e", "Geb", "kfz", "Car", "REG", "www", "://", "x.COM", "Nat", "a", "O", "ID", "age", "ß", "1",
            "tag", "S", "_", "d.o.b", "D.O", "B", "nee", "homepage", "page", "/@", "geboor", "alter", "veh", "ehicle", "página",
            "\t", "  ", "\r\n", "nome", "Utente", "s", "id", "konto", "Benutzer", "kunden", "Profil", "acc", "t", "log", "in", "Nick",
        ]), 0..24)) {
            folded_like_ignoring_case(&parts.concat());
        }
    }
}
