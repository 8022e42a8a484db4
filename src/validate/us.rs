//! United States personal identifiers: the Social Security Number.

use super::checksum::{all_digits, num, Check, Invalid};

/// US Social Security Number.
///
/// Implements the Social Security Administration's allocation rules
/// (including SSN randomization, 2011): 9 digits; area (first 3) is not
/// 000, 666 or 900–999; group (next 2) is not 00; serial (last 4) is not
/// 0000. In addition the numbers publicly known as sample / advertising
/// numbers are rejected: 078-05-1120 (Woolworth wallet card), 219-09-9999
/// (SSA pamphlet) and 123-45-6789 (ubiquitous example). All of these are
/// [`Invalid::Component`]. There is no check digit.
pub fn us_ssn(v: &[u8]) -> Check {
    if v.len() != 9 {
        return Err(Invalid::Length);
    }
    if !all_digits(v) {
        return Err(Invalid::Format);
    }
    let area = num(&v[..3]);
    if area == 0 || area == 666 || area >= 900 || &v[3..5] == b"00" || &v[5..] == b"0000" {
        return Err(Invalid::Component);
    }
    if matches!(v, b"078051120" | b"219099999" | b"123456789") {
        return Err(Invalid::Component);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ssn() {
        assert_eq!(us_ssn(b"536225082"), Ok(()));
        assert_eq!(us_ssn(b"000225082"), Err(Invalid::Component));
        assert_eq!(us_ssn(b"666225082"), Err(Invalid::Component));
        assert_eq!(us_ssn(b"900225082"), Err(Invalid::Component));
        assert_eq!(us_ssn(b"999225082"), Err(Invalid::Component));
        assert_eq!(us_ssn(b"536005082"), Err(Invalid::Component));
        assert_eq!(us_ssn(b"536220000"), Err(Invalid::Component));
        assert_eq!(us_ssn(b"078051120"), Err(Invalid::Component));
        assert_eq!(us_ssn(b"219099999"), Err(Invalid::Component));
        assert_eq!(us_ssn(b"123456789"), Err(Invalid::Component));
        assert_eq!(us_ssn(b"899225082"), Ok(()));
        assert_eq!(us_ssn(b"53622508"), Err(Invalid::Length));
        assert_eq!(us_ssn(b"53622508A"), Err(Invalid::Format));
    }
}
