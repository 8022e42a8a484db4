//! Street addresses and postal code + city.
//!
//! Both are read by grammar over the shared tokenizer (see `crate::tokens`), not by lists
//! of streets or towns:
//!
//! * **Street** = a street word plus a house number. German/Dutch compounds end in a
//!   street suffix (`-straße`, `-strasse`, `-str.`, `-gasse`, `-weg`, `-platz`, `-allee`,
//!   `-ring`, `-damm`, `-ufer`, `-gürtel`, `-zeile`, `-steig`, `-straat`, `-laan`, …) or
//!   the type is its own word after capitalised words (`Lange Gasse 5`, `Am Graben 3a`);
//!   Romance types lead (`Via Roma 5`, `Calle Mayor 3`, `12 rue de la Paix`); English
//!   addresses are number + words + a USPS street suffix (`12952 West Spring Lane`),
//!   with `Flat 3,` before and `, Unit 18` / `Apt 4B` / `#589` after. The house number
//!   takes `/3/29`, letters, ranges and `Stiege 2, Tür 14`, `Top 4`.
//! * **Postal + city** = a postal code in its country's shape with the city beside it:
//!   `1010 Wien`, `A-1010 Wien`, `CH-8001 Zürich`, `80331 München`, `1012 AB Amsterdam`,
//!   `Leeds LS6 2AB` (UK postcode grammar), `Springfield, IL 62704` (state + ZIP). A
//!   4–5 digit number before a capitalised word is only a postal code with evidence:
//!   a country prefix, a street just before it, or a form field asking for it.
//! * A bare city is reported only where a form field expects a city; `I flew to Berlin`
//!   is not an address.
//!
//! Files: `street.rs` (which street grammar applies; Romance and French streets, flats
//! before English streets), `de.rs` (German/Dutch streets), `prep.rs` (German streets
//! named by a preposition, `Am Anger 4`, with address evidence), `en.rs` (English
//! streets and a locality after them), `nonshape.rs` (PO boxes, house names),
//! `house.rs` (house numbers and floor/unit details), `around.rs` (address evidence
//! around a candidate), `postal.rs` (postal codes per country and their own evidence),
//! `codes.rs` (bare codes after a cue, Eircodes), `city.rs` (city names). This file holds the recogniser:
//! streets first, then postal codes (a street just before is evidence), then a bare
//! city in a city field.

mod around;
mod city;
mod codes;
mod de;
mod en;
mod house;
mod nonshape;
mod postal;
mod prep;
mod street;

use super::util::{Reach, Recognizer};
use crate::entity::Kind;
use crate::tokens::T;
use crate::types::{Candidate, Input};
use city::bare_city;
use postal::Postal;
use street::{street_at, NUM_REACH};

/// The street and postal-code recogniser (see the module doc).
pub(super) struct Address;

impl Address {
    /// The kinds this recogniser finds (the registry builds it only for a scanner with
    /// one of them on).
    pub(super) const KINDS: &'static [Kind] = &[Kind::StreetAddress, Kind::PostalCity];

    /// The recogniser (its word lists are consts and the shared lexicon, built on the
    /// first text, as the name recogniser's tables are).
    pub(super) fn new() -> Address {
        Address
    }
}

impl Recognizer for Address {
    fn kinds(&self) -> &'static [Kind] {
        Self::KINDS
    }

    /// A street or postal code decides within a few words: a number within
    /// [`NUM_REACH`] words of a street's first, the house number's details and a
    /// locality after it; a postal cue among the four words before a code, an address
    /// word among the twelve before it on its line, a street ending three words before
    /// it, and its city after it.
    fn reach(&self) -> Reach {
        Reach::NEAR
    }

    fn find(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let has_digit = input.bytes.iter().any(u8::is_ascii_digit);
        let field = input.field.expects;
        if !has_digit {
            // Only a bare city typed into a city field.
            if field == Some(Kind::PostalCity) {
                bare_city(input, out);
            }
            if field == Some(Kind::StreetAddress) {
                nonshape::bare_house_name(input, out);
            }
            return;
        }
        let tk = input.tokens();
        let n = tk.v.len();
        // street ends (token index) for postal evidence
        let mut street_ends: Vec<usize> = Vec::new();
        let mut street_spans: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        // The first number token after `i` (`n` when there is none).
        let mut next_num = 0;
        while i < n {
            if next_num <= i {
                next_num = i + 1;
                while next_num < n && tk.v[next_num].t != T::Num {
                    next_num += 1;
                }
            }
            // No street starts at a word more than `NUM_REACH` tokens before the next
            // number, nor at a mark: jump to the first word that is near enough.
            if next_num - i > NUM_REACH && tk.v[i].t != T::Num {
                i = next_num - NUM_REACH;
                continue;
            }
            if let Some((a, b, score)) = street_at(tk, i, next_num, field == Some(Kind::StreetAddress)) {
                let mut c = Candidate::new(Kind::StreetAddress, tk.v[a].s, tk.v[b].e, score);
                c.subtype = None;
                out.push(c);
                street_ends.push(b);
                street_spans.push((a, b));
                i = b + 1;
                continue;
            }
            i += 1;
        }
        Postal::find(tk, &street_ends, &street_spans, out);
        if field == Some(Kind::PostalCity) && !out.iter().any(|c| c.kind == Kind::PostalCity) {
            match codes::whole_code(input.text) {
                Some((s, e)) => out.push(Candidate::new(Kind::PostalCity, s, e, 0.8)),
                None => bare_city(input, out),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{FieldHints, Kind, Scanner};

    fn found(text: &str, kind: Kind) -> Vec<String> {
        let s = Scanner::new();
        s.scan(text, None)
            .unwrap()
            .into_iter()
            .filter(|f| f.kind == kind)
            .map(|f| text[f.span.start..f.span.end].to_string())
            .collect()
    }

    #[test]
    fn streets() {
        assert_eq!(found("Hauptstraße 12, 1010 Wien", Kind::StreetAddress), vec!["Hauptstraße 12"]);
        assert_eq!(found("Museumstraße 7/3/29", Kind::StreetAddress), vec!["Museumstraße 7/3/29"]);
        assert_eq!(
            found("Lange Gasse 5, Stiege 2, Tür 14", Kind::StreetAddress),
            vec!["Lange Gasse 5, Stiege 2, Tür 14"]
        );
        assert_eq!(
            found("12952 West Spring Lane, Unit 18", Kind::StreetAddress),
            vec!["12952 West Spring Lane, Unit 18"]
        );
        assert_eq!(found("Flat 3, 12 Baker Street", Kind::StreetAddress), vec!["Flat 3, 12 Baker Street"]);
        assert_eq!(found("12 rue de la Paix", Kind::StreetAddress), vec!["12 rue de la Paix"]);
        assert_eq!(found("Via Roma 5", Kind::StreetAddress), vec!["Via Roma 5"]);
        assert_eq!(found("Kerkstraat 12", Kind::StreetAddress), vec!["Kerkstraat 12"]);
    }

    #[test]
    fn postal() {
        assert_eq!(found("A-1010 Wien", Kind::PostalCity), vec!["A-1010 Wien"]);
        assert_eq!(found("Hauptstraße 12, 80331 München", Kind::PostalCity), vec!["80331 München"]);
        assert_eq!(found("Leeds LS6 2AB", Kind::PostalCity), vec!["Leeds LS6 2AB"]);
        assert_eq!(found("Springfield, IL 62704", Kind::PostalCity), vec!["Springfield, IL 62704"]);
        assert!(found("I flew to Berlin", Kind::PostalCity).is_empty());
        assert!(found("Ich bräuchte 1588 Euro", Kind::PostalCity).is_empty());
        let f = FieldHints { label: "Ort".into(), ..Default::default() };
        let s = Scanner::new();
        assert_eq!(s.scan("Lienz", Some(&f)).unwrap().len(), 1);
    }
}
