//! English street addresses: house number, words, a USPS street suffix, an optional
//! direction and an optional unit (`12952 West Spring Lane, Unit 18`, `#589`, `Apt 4B`).

use crate::tokens::{Tokens, T};
use crate::words::streets::is_en_suffix;
use crate::words::streets_en::EN_UNITS;

/// English street: number + words + USPS suffix [+ direction] [+ unit].
pub(super) fn en_street(tk: &Tokens<'_>, i: usize) -> Option<(usize, usize, f32)> {
    let n = tk.v.len();
    if tk.v[i].t != T::Num || tk.v[i].e - tk.v[i].s > 6 || tk.v[i].code {
        return None;
    }
    if i > 0
        && !tk.v[i].sp
        && tk.v[i].nl == 0
        && matches!(tk.v[i - 1].t, T::Punct(_) | T::Word)
        && !tk.is_punct(i - 1, ',')
        && !tk.is_punct(i - 1, '(')
    {
        return None;
    }
    let mut k = i + 1;
    // 12A Baker Street
    if k < n && tk.v[k].t == T::Word && !tk.v[k].sp && tk.raw(k).len() == 1 {
        k += 1;
    }
    let mut words = 0;
    let mut suffix_at = None;
    while k < n && words < 5 && tk.v[k].nl == 0 && tk.is_word(k) {
        let w = tk.low(k);
        if !(tk.v[k].cap || tk.all_lower) {
            break;
        }
        if words >= 1 && is_en_suffix(w) {
            suffix_at = Some(k);
            // "Parkways", "St." — longest: keep going if the next is also a suffix word
            let nx = k + 1;
            if nx < n
                && tk.is_word(nx)
                && tk.v[nx].nl == 0
                && is_en_suffix(tk.low(nx))
                && tk.v[nx].cap
                && !matches!(tk.low(nx), "apt" | "unit")
            {
                k += 1;
                words += 1;
                continue;
            }
            break;
        }
        k += 1;
        words += 1;
    }
    let s = suffix_at?;
    let mut last = s;
    let mut k = s + 1;
    if tk.is_punct(k, '.') && tk.v[k].s == tk.v[s].e {
        k += 1;
    }
    // direction
    if k < n
        && tk.is_word(k)
        && tk.v[k].nl == 0
        && matches!(tk.raw(k), "N" | "S" | "E" | "W" | "NE" | "NW" | "SE" | "SW")
    {
        last = k;
        k += 1;
    }
    // unit: [,] Apt 4B / Unit 18 / #589 / Suite 200
    let mut m = k;
    if tk.is_punct(m, ',') {
        m += 1;
    }
    if m < n && tk.v[m].nl == 0 {
        if tk.is_punct(m, '#') && m + 1 < n && tk.v[m + 1].t == T::Num {
            last = m + 1;
            if m + 2 < n && tk.v[m + 2].t == T::Word && !tk.v[m + 2].sp && tk.raw(m + 2).len() <= 2 {
                last = m + 2;
            }
        } else if tk.is_word(m) && EN_UNITS.contains(&tk.low(m)) {
            let mut d = m + 1;
            if tk.is_punct(d, '.') {
                d += 1;
            }
            if tk.is_punct(d, '#') {
                d += 1;
            }
            if d < n && tk.v[d].nl == 0 && (tk.v[d].t == T::Num || tk.v[d].t == T::Word && tk.raw(d).len() <= 2) {
                last = d;
                if d + 1 < n && !tk.v[d + 1].sp && matches!(tk.v[d + 1].t, T::Word | T::Num) && tk.raw(d + 1).len() <= 3
                {
                    last = d + 1;
                }
            }
        }
    }
    Some((i, locality_after(tk, last), 0.75))
}

/// A locality after an English street when a town and postcode or a Dublin district
/// still follow on the line (a town before `Co. Mayo` is the post town, not a locality) (`12 Seafield Park, Clontarf, Dublin 3`, `4 Mill Lane, Little Shelford,
/// Cambridge CB22 5EW`): returns the last token of the locality, or `last`.
fn locality_after(tk: &Tokens<'_>, last: usize) -> usize {
    let n = tk.v.len();
    let place = |k: usize| k < n && tk.is_word(k) && tk.v[k].cap && tk.v[k].nl == 0;
    let mut k = last + 1;
    if !(tk.is_punct(k, ',') && place(k + 1)) {
        return last;
    }
    k += 1;
    let start = k;
    while place(k) && k - start < 2 {
        k += 1;
    }
    let end = k - 1;
    if !(tk.is_punct(k, ',') && k + 1 < n && tk.v[k + 1].nl == 0) {
        return last;
    }
    let q = k + 1;
    let dublin = tk.is_word(q) && tk.low(q) == "dublin" && q + 1 < n && tk.v[q + 1].t == T::Num;
    // a town and a postcode after it: "Cambridge CB22 5EW"
    let mut t = q;
    while place(t) && t - q < 3 && !postcode_start(tk, t) {
        t += 1;
    }
    if tk.is_punct(t, ',') {
        t += 1;
    }
    if dublin || t > q && postcode_start(tk, t) {
        end
    } else {
        last
    }
}

/// A UK postcode or an Eircode starts at token `k`: one or two capitals with digits
/// attached (`CB22`, `D03`, `V94`).
fn postcode_start(tk: &Tokens<'_>, k: usize) -> bool {
    k + 1 < tk.v.len()
        && tk.v[k].t == T::Word
        && tk.raw(k).len() <= 2
        && tk.raw(k).bytes().all(|b| b.is_ascii_uppercase())
        && tk.v[k + 1].t == T::Num
        && tk.v[k + 1].s == tk.v[k].e
}
