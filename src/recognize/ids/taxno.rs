//! Tax numbers of the tax offices, reported as `tax_vat_id`: the German Steuernummer
//! (state forms `12/345/67890`, `181/815/08155`, `133/8150/8159`, `93815/08152` and
//! the 13-digit federal form) and the Austrian Steuernummer (`12-345/6789`). Their
//! shapes are shared by file, invoice and phone numbers, and the German one has no
//! public check digit, so both are only reported after a word naming them
//! ("Steuernummer", "St.-Nr.", "StNr", "Abgabenkontonummer", "tax number") or in a
//! field that asks for a tax number.

use super::spec::{Alt, Shape, Spec, DOC_WORD_REF, HOT, VAT};
use crate::validate;

pub(super) const DE_STNR: Spec = Spec {
    kind: VAT,
    sub: "de_stnr",
    country: "de",
    hot: &["steuernummer*", "steuer-nr*", "steuernr*", "stnr*", "st-nr*", "steuer-nummer*", "tax"],
};
pub(super) const AT_STNR: Spec = Spec {
    kind: VAT,
    sub: "at_stnr",
    country: "at",
    hot: &["steuernummer*", "steuer-nr*", "steuernr*", "stnr*", "st-nr*", "abgabenkonto*", "steuer-nummer*", "tax"],
};

/// A reading that needs a naming word (or a field asking for it).
fn cued(spec: &'static Spec, validated: bool) -> Alt {
    Alt { spec, plain: 0.2, hot: HOT, word_plain: DOC_WORD_REF, validated, weak: false, needs_word: true }
}

/// The tax-office readings of a pure-digit run `c` with the shape `sh`.
pub(super) fn tax_office_alts(c: &[u8], sh: &Shape<'_>, alts: &mut Vec<Alt>) {
    let n = c.len();
    // Austrian: 2-digit office, then 7 digits (`12-345/6789`, `12 3456789`, compact).
    if n == 9 && (sh.is(&[2, 3, 4]) || sh.is(&[2, 7]) || sh.is(&[9])) && validate::at_stnr(c).is_ok() {
        alts.push(cued(&AT_STNR, true));
    }
    if n == 13 {
        if validate::de_stnr_federal(c).is_ok() && sh.seps & !(16 | 8 | 1) == 0 {
            alts.push(cued(&DE_STNR, false));
        }
        return;
    }
    // German state forms: groups split by `/`, a space or a wide gap.
    let mut parts: [&[u8]; 5] = [&[]; 5];
    let groups = sh.groups;
    if groups.len() > 1 && groups.len() <= 4 && sh.seps & !(16 | 8 | 1) == 0 {
        let mut at = 0;
        for (k, &g) in groups.iter().enumerate() {
            parts[k] = &c[at..at + usize::from(g)];
            at += usize::from(g);
        }
        if validate::de_stnr_groups(&parts[..groups.len()]).is_ok() {
            alts.push(cued(&DE_STNR, false));
        }
    } else if !sh.grouped() && (n == 10 || n == 11) && c[..2] != *b"00" {
        // Compact regional form: only its word tells it from other numbers, and a
        // phone word nearer than that word makes it a phone number.
        alts.push(Alt { weak: true, ..cued(&DE_STNR, false) });
    }
}
