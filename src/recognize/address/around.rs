//! Evidence around a street or postal code: address words shortly before it (`PLZ`,
//! `wohnhaft`, `Adresse`, …) or a postal code right after a street.

use crate::tokens::{Tokens, T};

/// Is there a postal code right after token `b`, or an address word just before `a`?
pub(super) fn address_around(tk: &Tokens<'_>, a: usize, b: usize) -> bool {
    let n = tk.v.len();
    let mut k = b + 1;
    if k < n && tk.is_punct(k, ',') {
        k += 1;
    }
    if k + 2 < n && tk.v[k].t == T::Word && tk.is_punct(k + 1, '-') && tk.raw(k).len() <= 2 {
        k += 2;
    }
    if k < n && tk.v[k].t == T::Num && matches!(tk.v[k].e - tk.v[k].s, 4 | 5) {
        return true;
    }
    postal_cue_before(tk, a)
        || (a.saturating_sub(3)..a).any(|p| {
            tk.v[p].t == T::Word
                && matches!(
                    tk.low(p),
                    "an" | "auf" | "wohne" | "wohnen" | "wohnhaft" | "nach" | "straße" | "strasse" | "adres" | "naar"
                )
        })
}

/// Words like "PLZ", "wohnhaft", "Adresse" shortly before a postal code.
pub(super) fn postal_cue_before(tk: &Tokens<'_>, a: usize) -> bool {
    let lo = a.saturating_sub(4);
    (lo..a).any(|k| {
        tk.v[k].t == T::Word
            && matches!(
                tk.low(k),
                "plz"
                    | "postleitzahl"
                    | "wohnhaft"
                    | "adresse"
                    | "anschrift"
                    | "wohnort"
                    | "lieferadresse"
                    | "rechnungsadresse"
                    | "address"
                    | "zip"
                    | "postcode"
                    | "indirizzo"
                    | "adresse:"
                    | "dirección"
                    | "direccion"
                    | "adres"
                    | "cap"
                    | "cp"
                    | "wohne"
                    | "wohnen"
                    | "ort"
                    | "city"
                    | "moved"
                    | "umgezogen"
                    | "nuovo"
                    | "nueva"
                    | "nouvelle"
            )
    })
}
