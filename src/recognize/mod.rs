//! Recognisers: one file per kind (or family of kinds), chosen by a registry.
//!
//! A recogniser = candidate pattern + validator + invalidator + score. It reads the
//! normalised text and pushes [`Candidate`](crate::types::Candidate)s; context words, thresholds and overlaps
//! are handled by the pipeline for every kind alike (see `crate::scanner`). Patterns
//! are compiled once per process (the registry is shared by every scanner), the first
//! time a text needs them (`util::Pattern`), in ASCII mode (`regex::bytes` without Unicode
//! tables): personal-data formats are ASCII, and the normaliser has already folded
//! full-width digits and odd spaces. The shapes searched in nearly every text (e-mail
//! addresses, handles, labelled BICs, the cue words) are read by hand.

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

/// The recognisers needed for the enabled kinds, compiled.
pub fn registry(enabled: &[Kind]) -> Vec<Shared> {
    // Built once per process and shared by every scanner: building them compiles
    // patterns and tables, and a page makes a new scanner whenever its configuration
    // changes (an allow list, a value marked "not personal").
    static ALL: std::sync::OnceLock<Vec<Shared>> = std::sync::OnceLock::new();
    let all = ALL.get_or_init(|| {
        vec![
            std::sync::Arc::new(email::Email::new()),
            std::sync::Arc::new(bank::Bank::new()),
            std::sync::Arc::new(phone::Phone::new()),
            std::sync::Arc::new(ids::Ids::new()),
            std::sync::Arc::new(dob::Dob::new()),
            std::sync::Arc::new(plate::Plate::new()),
            std::sync::Arc::new(net::Net::new()),
            std::sync::Arc::new(web::Web::new()),
            std::sync::Arc::new(person::Person::new()),
            std::sync::Arc::new(address::Address::new()),
        ]
    });
    all.iter().filter(|r| r.kinds().iter().any(|k| enabled.contains(k))).cloned().collect()
}

/// A recogniser shared by every scanner of the process (see [`registry`]).
pub(crate) type Shared = std::sync::Arc<dyn Recognizer>;

#[cfg(test)]
mod tests {
    use super::{dob, plate, util, web};
    use proptest::prelude::*;

    /// The pattern a literal set stands for: `a|\\bb\\b` with each word escaped.
    fn pattern_of(spec: &str) -> String {
        let alt = |a: &str| {
            let (start, end) = (a.starts_with("\\b"), a.ends_with("\\b"));
            let word = &a[if start { 2 } else { 0 }..a.len() - if end { 2 } else { 0 }];
            format!("{}{}{}", if start { "\\b" } else { "" }, regex::escape(word), if end { "\\b" } else { "" })
        };
        spec.split('|').map(alt).collect::<Vec<_>>().join("|")
    }

    /// Each pattern searched in lower case over the folded text finds what the same
    /// pattern ignoring case finds over the text; so does each literal set (searched
    /// without a pattern) against the pattern it stands for.
    fn folded_like_ignoring_case(text: &str) {
        type Pairs = Vec<(&'static str, regex::bytes::Regex, regex::bytes::Regex)>;
        static PAIRS: std::sync::OnceLock<Pairs> = std::sync::OnceLock::new();
        static SETS: std::sync::OnceLock<Vec<(&str, util::Literals, regex::bytes::Regex)>> = std::sync::OnceLock::new();
        let pairs = PAIRS.get_or_init(|| {
            vec![(web::LABEL, util::compile(web::LABEL), util::compile(&format!("(?i){}", web::LABEL)))]
        });
        let sets = SETS.get_or_init(|| {
            [web::GATE, plate::HINT, dob::HINT]
                .into_iter()
                .map(|p| (p, util::Literals::new(p), util::compile(&format!("(?i){}", pattern_of(p)))))
                .collect()
        });
        let folded = text.as_bytes().to_ascii_lowercase();
        let all =
            |re: &regex::bytes::Regex, b: &[u8]| re.find_iter(b).map(|m| (m.start(), m.end())).collect::<Vec<_>>();
        for (p, lower, ignoring) in pairs {
            assert_eq!(all(lower, &folded), all(ignoring, text.as_bytes()), "{p} in {text:?}");
        }
        for (p, set, ignoring) in sets {
            let want = all(ignoring, text.as_bytes());
            assert_eq!(set.find_iter(&folded).collect::<Vec<_>>(), want, "{p} in {text:?}");
            assert_eq!(set.is_match(&folded), !want.is_empty());
        }
    }

    #[test]
    fn folded_patterns_examples() {
        folded_like_ignoring_case("Benutzername: X, USER NAME y, User-ID 3, LinkedIn.com/in/a, WWW.x.de, Geb. am, GEBURT, Né, NÉ, née, Nata, KFZ-Kennzeichen, CAR reg, Park, Homepage: AGE 3");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn folded_patterns(parts in proptest::collection::vec(proptest::sample::select(vec![
            "user", "USER", "Name", "nAme", " ", "-", "\n", ".", "né", "NÉ", "É", "e", "Geb", "kfz", "Car", "REG", "www", "://", "x.COM", "Nat", "a", "O", "ID", "age", "ß", "1",
            "tag", "S", "_", "d.o.b", "D.O", "B", "nee", "homepage", "page", "/@", "geboor", "alter", "veh", "ehicle", "página",
        ]), 0..24)) {
            folded_like_ignoring_case(&parts.concat());
        }
    }
}
