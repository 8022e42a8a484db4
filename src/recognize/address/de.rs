//! German and Dutch streets: a compound ending in a street suffix (`Hauptstraße 12`,
//! `Kerkstraat 12`, `H.-Dieter-Matthäi-Straße 3`) or a street type as its own word after
//! capitalised words (`Lange Gasse 5`, `Am Graben 3a`), with the house number and unit
//! details after it.

use super::around::address_around;
use super::house::{house_number, is_house_num};
use crate::tokens::Tokens;

/// A German/Dutch street whose street word is token `i` (`w`, lower case), a house
/// number following: (first, last, score). `standalone`: the street type is its own
/// word (`Gasse`), so capitalised words before it must belong to the name.
pub(super) fn de_street(tk: &Tokens<'_>, i: usize, w: &str, standalone: bool) -> Option<(usize, usize, f32)> {
    let mut k = i + 1;
    if tk.is_punct(k, '.') && (w.ends_with("str") || w == "str") {
        k += 1;
    }
    if !is_house_num(tk, k) {
        return None;
    }
    let b = house_number(tk, k, true);
    if amount_after(tk, b) {
        return None;
    }
    let mut a = i;
    if standalone {
        a = lead_words(tk, i, 2);
        if a == i {
            return None;
        }
    } else if tk.v[i].cap {
        a = compound_start(tk, i);
    }
    // Suffixes that also end ordinary nouns ("-ring", "-hof", "-berg", "-markt")
    // need the rest of an address around them.
    const WEAK: &[&str] = &[
        "ring", "berg", "hof", "park", "markt", "anger", "wall", "steg", "kai", "stiege", "graben", "laan", "kade",
        "dijk",
    ];
    let weak = !standalone && WEAK.iter().any(|s| w.ends_with(s)) && !w.contains('-');
    let score = if weak && !address_around(tk, a, b) { 0.45 } else { 0.8 };
    Some((a, b, score))
}

/// Is the number ending at token `b` an amount or a count ("12 Euro", "3 Stück", "5 km")?
pub(super) fn amount_after(tk: &Tokens<'_>, b: usize) -> bool {
    b + 1 < tk.v.len()
        && tk.is_word(b + 1)
        && tk.v[b + 1].nl == 0
        && matches!(
            tk.low(b + 1),
            "euro"
                | "eur"
                | "chf"
                | "usd"
                | "stück"
                | "stk"
                | "prozent"
                | "mal"
                | "uhr"
                | "kg"
                | "km"
                | "min"
                | "minuten"
                | "tage"
                | "jahre"
                | "x"
                | "leute"
                | "personen"
                | "pakete"
                | "teile"
                | "wochen"
                | "monate"
                | "stunden"
                | "sekunden"
                | "punkte"
                | "cent"
                | "grad"
                | "kartons"
                | "artikel"
                | "meter"
                | "liter"
        )
}

/// First token of a capitalised compound street name at `i`: an initial before it
/// ("H.-Dieter-Matthäi-Straße") and an adjective or "Am" ("Am Lindenweg", "Alte Gasse").
fn compound_start(tk: &Tokens<'_>, i: usize) -> usize {
    let mut a = i;
    // "Am Lindenweg"? keep compound alone; "H.-Dieter-Matthäi-Straße"
    if i >= 3
        && tk.is_punct(i - 1, '-')
        && tk.is_punct(i - 2, '.')
        && tk.is_word(i - 3)
        && tk.raw(i - 3).chars().count() == 1
        && tk.v[i - 1].s == tk.v[i - 2].e
    {
        a = i - 3;
    }
    let lw = lead_words(tk, a, 1);
    if lw < a
        && matches!(
            tk.low(lw),
            "am" | "im"
                | "zum"
                | "zur"
                | "alte"
                | "alter"
                | "neue"
                | "neuer"
                | "obere"
                | "untere"
                | "große"
                | "kleine"
                | "lange"
                | "hohe"
                // the same adjectives without an article ("Unterer Stadtplatz", "Alter Markt")
                | "alten"
                | "oberer"
                | "unterer"
                | "großer"
                | "grosser"
                | "kleiner"
                | "langer"
                | "hoher"
                | "hinterer"
                | "vorderer"
                | "mittlerer"
                | "innerer"
                | "äußerer"
        )
    {
        a = lw;
    }
    a
}

/// Capitalised words before `i` that belong to a street name (`Lange`, `Am`, `Karl-Marx-`).
fn lead_words(tk: &Tokens<'_>, i: usize, max: usize) -> usize {
    let mut a = i;
    let mut count = 0;
    while a > 0 && count < max {
        let p = a - 1;
        if tk.v[a].nl > 0 || !tk.is_word(p) {
            break;
        }
        let w = tk.low(p);
        let cap = tk.v[p].cap;
        let prep = matches!(
            w,
            "am" | "an"
                | "auf"
                | "im"
                | "in"
                | "zum"
                | "zur"
                | "unter"
                | "ober"
                | "hinter"
                | "vor"
                | "bei"
                | "der"
                | "den"
                | "dem"
                | "die"
        );
        if cap
            && (prep
                || !matches!(
                    w,
                    "adresse"
                        | "anschrift"
                        | "lieferadresse"
                        | "rechnungsadresse"
                        | "wohnhaft"
                        | "neue"
                        | "ich"
                        | "wir"
                        | "address"
                        | "to"
                        | "at"
                        | "the"
                ))
        {
            a = p;
            count += 1;
            continue;
        }
        if prep
            && !cap
            && count > 0
            && matches!(w, "der" | "den" | "dem")
            && p > 0
            && tk.is_word(p - 1)
            && tk.v[p - 1].cap
            && matches!(tk.low(p - 1), "an" | "auf" | "in" | "unter" | "hinter")
        {
            a = p - 1;
            break;
        }
        break;
    }
    a
}
