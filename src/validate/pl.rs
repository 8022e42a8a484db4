//! Polish personal identifiers: the PESEL number. The Polish VAT number (NIP) is in
//! [`super::vat`].

use super::checksum::{all_digits, dv, num, weighted, Check, Invalid};

/// Polish personal identification number (PESEL), 11 digits `YYMMDDZZZXQ`.
///
/// Implements the rule of the Act on the Population Register (Ustawa o ewidencji
/// ludności, art. 15) as published by the Ministry of Digital Affairs (gov.pl,
/// "Numer PESEL"): the birth date `YYMMDD` where the month carries the century
/// (+80 for 1800–1899, +0 for 1900–1999, +20 for 2000–2099, +40, +60 beyond), a
/// 4-digit serial whose last digit gives the sex, and a check digit `Q` with
/// `(10 − (Σ wᵢ·dᵢ mod 10)) mod 10`, weights 1,3,7,9,1,3,7,9,1,3.
///
/// The date must exist in the calendar ([`Invalid::Component`] otherwise).
pub fn pl_pesel(v: &[u8]) -> Check {
    if v.len() != 11 {
        return Err(Invalid::Length);
    }
    if !all_digits(v) {
        return Err(Invalid::Format);
    }
    let yy = num(&v[..2]) as u32;
    let mm = num(&v[2..4]) as u32;
    let dd = num(&v[4..6]) as u32;
    let (century, month) = match mm {
        1..=12 => (1900, mm),
        21..=32 => (2000, mm - 20),
        41..=52 => (2100, mm - 40),
        61..=72 => (2200, mm - 60),
        81..=92 => (1800, mm - 80),
        _ => return Err(Invalid::Component),
    };
    if !valid_date(century + yy, month, dd) {
        return Err(Invalid::Component);
    }
    const W: [u32; 10] = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
    if (10 - weighted(&v[..10], &W) % 10) % 10 != dv(v[10]) {
        return Err(Invalid::Checksum);
    }
    Ok(())
}

fn valid_date(y: u32, m: u32, d: u32) -> bool {
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (1..=days).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::checksum::valid_and_sensitive;

    #[test]
    fn pesel() {
        // The example of the public description (born 1944-05-14) and a 2000s one.
        valid_and_sensitive("pesel", pl_pesel, "44051401359");
        assert_eq!(pl_pesel(b"02270803624"), Ok(()));
        assert_eq!(pl_pesel(b"44023001350"), Err(Invalid::Component));
        assert_eq!(pl_pesel(b"4405140135"), Err(Invalid::Length));
        assert_eq!(pl_pesel(b"44051401358"), Err(Invalid::Checksum));
    }
}
