//! House numbers and the unit details after them: letters (`12a`), `/3/29`, ranges
//! (`12-14`), Spanish floor and door (`5º C`), and the Austrian/German staircase, door
//! and top numbers (`Stiege 2, Tür 14`, `Top 4`).

use crate::tokens::{Tokens, T};
use crate::words::streets::DE_DETAILS;

/// End of a house number starting at token `i` (a `Num`), with letters, `/3/29`,
/// ranges and unit details. Returns the index of the last token.
pub(super) fn house_number(tk: &Tokens<'_>, i: usize, de_details: bool) -> usize {
    let n = tk.v.len();
    let mut last = i;
    let mut k = i + 1;
    // 12a, 12 a (single letter, same chunk or one space)
    if k < n && tk.v[k].t == T::Word && tk.v[k].nl == 0 && tk.raw(k).chars().count() == 1 && !tk.v[k].sp {
        last = k;
        k += 1;
    }
    // /3/29, -14, 12-14
    while k + 1 < n
        && matches!(tk.v[k].t, T::Punct('/' | '-'))
        && tk.v[k].nl == 0
        && tk.v[k + 1].t == T::Num
        && tk.v[k + 1].nl == 0
        && tk.v[k + 1].e - tk.v[k + 1].s <= 4
    {
        last = k + 1;
        k += 2;
        if k < n && tk.v[k].t == T::Word && !tk.v[k].sp && tk.raw(k).chars().count() == 1 {
            last = k;
            k += 1;
        }
    }
    if !de_details {
        return last;
    }
    // Spanish floor and door: ", 5º C", ", 3º izq"
    {
        let mut m = k;
        if tk.is_punct(m, ',') {
            m += 1;
        }
        if m + 1 < n
            && tk.v[m].t == T::Num
            && tk.v[m].nl == 0
            && tk.v[m].e - tk.v[m].s <= 2
            && (matches!(tk.v[m + 1].t, T::Punct('°')) || matches!(tk.raw(m + 1), "º" | "ª"))
        {
            last = m + 1;
            k = m + 2;
            if k < n
                && tk.v[k].t == T::Word
                && tk.v[k].nl == 0
                && (tk.raw(k).chars().count() == 1
                    || matches!(tk.low(k), "izq" | "izda" | "dcha" | "der" | "izquierda" | "derecha"))
            {
                last = k;
                k += 1;
            }
        }
    }
    // , Stiege 2, Tür 14 / Top 4 / /Top 4
    loop {
        let mut m = k;
        if m < n && matches!(tk.v[m].t, T::Punct(',' | '/')) && tk.v[m].nl == 0 {
            m += 1;
        }
        if m < n && tk.v[m].t == T::Word && tk.v[m].nl == 0 && DE_DETAILS.contains(&tk.low(m)) {
            let mut d = m + 1;
            if tk.is_punct(d, '.') {
                d += 1;
            }
            if d < n && tk.v[d].t == T::Num && tk.v[d].nl == 0 && tk.v[d].e - tk.v[d].s <= 3 {
                last = d;
                k = d + 1;
                if k < n && tk.v[k].t == T::Word && !tk.v[k].sp && tk.raw(k).chars().count() == 1 {
                    last = k;
                    k += 1;
                }
                continue;
            }
        }
        break;
    }
    last
}

/// Is token `i` a house number (1–4 digits, optionally a letter)?
pub(super) fn is_house_num(tk: &Tokens<'_>, i: usize) -> bool {
    i < tk.v.len() && tk.v[i].t == T::Num && tk.v[i].e - tk.v[i].s <= 4 && tk.v[i].nl == 0 && !tk.v[i].code
}
