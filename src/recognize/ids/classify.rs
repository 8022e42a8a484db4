//! Reading a run by its shape: which validators accept its characters, in the fixed
//! priority order of the parent module's docs, and with which base scores.

use super::health::{KVNR, NHS};
use super::national::{AHV, BSN, CF, DNI, IDCARD, NIE, NINO, NIR, PASSPORT, PESEL, PPSN, RVNR, SSN, STEUER, SVNR};
use super::spec::{Alt, Shape, Spec, DOC_NO_WORD, DOC_WORD_REF, HOT, NANP_LIKE, WEAK_GROUPED, WEAK_PLAIN};
use super::taxno::tax_office_alts;
use super::tok::{is, DOC};
use super::vat::vat_alt;
use crate::validate;

/// The interpretations of one run into `alts` (emptied first), in the fixed priority
/// order of the parent module's docs.
pub(super) fn classify(c: &[u8], digits: usize, sh: &Shape<'_>, single: bool, alts: &mut Vec<Alt>) {
    let n = c.len();
    alts.clear();
    if digits == n {
        if sh.dotted_quad(c) {
            return;
        }
        if sh.slashed() {
            tax_office_alts(c, sh, alts);
            return;
        }
        let weak = |spec: &'static Spec, canonical: bool| Alt {
            spec,
            plain: if canonical && sh.one_sep() { WEAK_GROUPED } else { WEAK_PLAIN },
            hot: HOT,
            word_plain: WEAK_PLAIN,
            validated: true,
            weak: true,
            needs_word: false,
        };
        match n {
            9 => {
                let bsn = validate::nl_bsn(c).is_ok();
                let ssn = validate::us_ssn(c).is_ok();
                let ssn_shape = sh.is(&[3, 2, 4]) && sh.seps & 2 == 0;
                let bsn_shape = sh.is(&[4, 2, 3]) && sh.seps == 2;
                let mut s = Alt { validated: false, ..weak(&SSN, ssn_shape) };
                if ssn_shape && sh.seps == 4 {
                    s.plain = 0.6;
                }
                if ssn_shape && ssn {
                    alts.push(s);
                    if bsn {
                        alts.push(weak(&BSN, false));
                    }
                } else {
                    if bsn {
                        alts.push(weak(&BSN, bsn_shape));
                    }
                    if ssn {
                        alts.push(Alt { validated: false, ..weak(&SSN, false) });
                    }
                }
            }
            10 => {
                let svnr = validate::at_svnr(c).is_ok();
                let nhs = validate::uk_nhs(c).is_ok();
                let svnr_shape = sh.is(&[4, 6]) || sh.is(&[4, 2, 2, 2]);
                // 3-3-4 is also how North American phone numbers are written, and
                // how UK and Irish ones with their trunk prefix 0 are ("021 487 3390"):
                // without a health word these are phones.
                let nhs_shape = sh.is(&[3, 3, 4]) && sh.seps & 2 == 0;
                if nhs && nhs_shape {
                    let mut a = weak(&NHS, true);
                    if looks_nanp(c) || c[0] == b'0' {
                        a.plain = NANP_LIKE;
                    }
                    alts.push(a);
                }
                if svnr {
                    alts.push(weak(&SVNR, svnr_shape));
                }
                if nhs && !nhs_shape {
                    alts.push(weak(&NHS, false));
                }
            }
            11 => {
                if validate::de_steuer_idnr(c).is_ok() {
                    alts.push(weak(&STEUER, sh.is(&[2, 3, 3, 3])));
                }
                if validate::pl_pesel(c).is_ok() {
                    alts.push(Alt { needs_word: true, ..weak(&PESEL, false) });
                }
            }
            13 if validate::ch_ahv(c).is_ok() => {
                alts.push(Alt::new(&AHV, if sh.grouped() { 0.85 } else { 0.7 }, true));
            }
            15 if validate::fr_nir(c).is_ok() => {
                alts.push(Alt::new(&NIR, if sh.grouped() { 0.85 } else { 0.75 }, true));
            }
            _ => {}
        }
        tax_office_alts(c, sh, alts);
        return;
    }
    // Letters and digits.
    let letter = |k: usize| c[k].is_ascii_uppercase();
    match n {
        8 | 9 if single && validate::ie_ppsn(c).is_ok() => {
            alts.push(Alt { needs_word: true, ..Alt::new(&PPSN, 0.2, true) });
        }
        9 => {
            if validate::uk_nino(c).is_ok() {
                let plain = if sh.lower_prefix { 0.45 } else { 0.8 };
                alts.push(Alt::new(&NINO, plain, false));
            }
            if validate::es_nie(c).is_ok() {
                alts.push(Alt::new(&NIE, 0.85, true));
            } else if validate::es_dni(c).is_ok() {
                alts.push(Alt::new(&DNI, 0.75, true));
            }
        }
        10 if letter(0) && validate::de_kvnr(c).is_ok() => {
            alts.push(Alt::new(&KVNR, 0.6, true));
        }
        12 if letter(8) && validate::de_rvnr(c).is_ok() => {
            alts.push(Alt::new(&RVNR, 0.85, true));
        }
        15 if validate::fr_nir(c).is_ok() => {
            alts.push(Alt::new(&NIR, 0.85, true));
        }
        16 if validate::it_codice_fiscale(c).is_ok() => {
            alts.push(Alt::new(&CF, 0.95, true));
        }
        _ => {}
    }
    if n >= 9 && letter(0) && letter(1) && c[2..].iter().filter(|x| x.is_ascii_digit()).count() >= 6 {
        if let Some(a) = vat_alt(c, sh) {
            alts.push(a);
        }
    }
    if single && (n == 9 || n == 10) && digits < n {
        doc_alts(c, alts);
    }
}

/// True if ten digits could be a North American number: area code and exchange
/// both start with 2–9.
fn looks_nanp(c: &[u8]) -> bool {
    c[0] >= b'2' && c[3] >= b'2'
}

/// 9 or 10 characters of the document alphabet.
pub(super) fn is_doc_token(t: &[u8]) -> bool {
    (t.len() == 9 || t.len() == 10) && t.iter().all(|&x| is(x, DOC))
}

/// German identity document numbers: only taken with a naming word.
fn doc_alts(c: &[u8], alts: &mut Vec<Alt>) {
    if !is_doc_token(c) {
        return;
    }
    let doc = |spec: &'static Spec, validated: bool| Alt {
        spec,
        plain: DOC_NO_WORD,
        hot: HOT,
        word_plain: DOC_WORD_REF,
        validated,
        weak: false,
        needs_word: true,
    };
    // Passport serials start with C F G H J K (and then also pass the identity card
    // rule); without a word naming the document that first letter decides.
    let checked = c.len() == 10;
    let card = !checked || validate::de_idcard(c).is_ok();
    if validate::de_passport(c).is_ok() {
        alts.push(doc(&PASSPORT, checked));
    }
    if card {
        alts.push(doc(&IDCARD, checked));
    }
}
