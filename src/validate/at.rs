//! Austrian personal identifiers: the social security number (VSNR). The Austrian VAT
//! number is in [`super::vat`].

use super::checksum::{all_digits, dv, num, weighted, Check, Invalid};

/// Austrian social security number (Versicherungsnummer, VSNR).
///
/// Implements the rule of the Hauptverband der österreichischen
/// Sozialversicherungsträger (now Dachverband): 10 digits — a 3-digit serial
/// number whose first digit is not 0, a check digit, and the birth date
/// `DDMMYY`. The check digit is the sum of the other nine digits weighted
/// 3,7,9,·,5,8,4,2,1,6 modulo 11; a remainder of 10 never occurs in issued
/// numbers and is rejected ([`Invalid::Checksum`]).
///
/// Date rules: the day must be 01..31. The month must be 01..12 or 13, 14
/// or 15 — the Hauptverband uses these pseudo-months when the birth date is
/// unknown or all serial numbers of the real date are used up (answer
/// 4690/AB XXIII. GP to a parliamentary question, 2008). Other values are
/// [`Invalid::Component`].
pub fn at_svnr(v: &[u8]) -> Check {
    if v.len() != 10 {
        return Err(Invalid::Length);
    }
    if !all_digits(v) || v[0] == b'0' {
        return Err(Invalid::Format);
    }
    let day = num(&v[4..6]);
    let month = num(&v[6..8]);
    if !(1..=31).contains(&day) || !(1..=15).contains(&month) {
        return Err(Invalid::Component);
    }
    const W: [u32; 10] = [3, 7, 9, 0, 5, 8, 4, 2, 1, 6];
    let r = weighted(v, &W) % 11;
    if r == 10 || r != dv(v[3]) {
        return Err(Invalid::Checksum);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::checksum::valid_and_sensitive;

    #[test]
    fn svnr_at() {
        valid_and_sensitive("svnr", at_svnr, "1237010180");
        // Pseudo-month 13.
        let mut v = *b"1230011380";
        let w = [3u32, 7, 9, 0, 5, 8, 4, 2, 1, 6];
        let r = weighted(&v, &w) % 11;
        assert!(r < 10);
        v[3] = b'0' + r as u8;
        assert_eq!(at_svnr(&v), Ok(()));
        assert_eq!(at_svnr(b"0237010180"), Err(Invalid::Format));
        assert_eq!(at_svnr(b"1237011680"), Err(Invalid::Component));
        assert_eq!(at_svnr(b"1237320180"), Err(Invalid::Component));
        // Find a serial/date whose remainder is 10: always invalid.
        let mut found = false;
        for s in 100..1000u32 {
            let mut v = format!("{s}0010180").into_bytes();
            let r = weighted(&v, &w) % 11;
            if r == 10 {
                for d in b'0'..=b'9' {
                    v[3] = d;
                    assert_eq!(at_svnr(&v), Err(Invalid::Checksum));
                }
                found = true;
                break;
            }
        }
        assert!(found);
    }
}
