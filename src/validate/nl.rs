//! Dutch identifiers: the citizen service number (BSN) and its 11-proef, which the
//! Dutch VAT number in [`super::vat`] shares.

use super::checksum::{all_digits, dv, Check, Invalid};

/// 11-proef sum for 9 digits (weights 9..2, −1); returns sum mod 11.
pub(crate) fn elf_proef(nine: &[u8]) -> i64 {
    let mut s: i64 = 0;
    for (i, &b) in nine[..8].iter().enumerate() {
        s += i64::from(dv(b)) * (9 - i as i64);
    }
    s -= i64::from(dv(nine[8]));
    s.rem_euclid(11)
}

/// Dutch citizen service number (burgerservicenummer, BSN).
///
/// Implements the 11-proef of the Wet algemene bepalingen
/// burgerservicenummer (Logius specification): 9 digits (an 8-digit value is
/// left-padded with 0); Σ dᵢ·wᵢ with weights 9,8,7,6,5,4,3,2,−1 must be
/// divisible by 11. The all-zero number is rejected
/// ([`Invalid::Component`]).
pub fn nl_bsn(v: &[u8]) -> Check {
    let mut buf = [b'0'; 9];
    match v.len() {
        9 => buf.copy_from_slice(v),
        8 => buf[1..].copy_from_slice(v),
        _ => return Err(Invalid::Length),
    }
    if !all_digits(&buf) {
        return Err(Invalid::Format);
    }
    if buf.iter().all(|&b| b == b'0') {
        return Err(Invalid::Component);
    }
    if elf_proef(&buf) != 0 {
        return Err(Invalid::Checksum);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::checksum::valid_and_sensitive;

    #[test]
    fn bsn() {
        valid_and_sensitive("bsn", nl_bsn, "111222333");
        valid_and_sensitive("bsn", nl_bsn, "123456782");
        assert_eq!(nl_bsn(b"000000000"), Err(Invalid::Component));
        assert_eq!(nl_bsn(b"11222333").is_ok(), nl_bsn(b"011222333").is_ok());
        assert_eq!(nl_bsn(b"1234567"), Err(Invalid::Length));
    }
}
