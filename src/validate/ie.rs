//! Irish personal identifiers: the Personal Public Service Number (PPSN).

use super::checksum::{all_digits, dv, Check, Invalid};

/// Irish Personal Public Service Number (PPSN): 7 digits, a check letter and,
/// since 2013, an optional second letter (`1234567T`, `1234567TW`, `1234567FA`).
///
/// Implements the rule published by the Department of Social Protection (and used by
/// Revenue for the same number as the TIN; OECD "Ireland – Information on Tax
/// Identification Numbers"): the digits weighted 8,7,6,5,4,3,2, plus 9 × the value
/// of the second letter (A = 1 … Z = 26; `W` or none = 0), modulo 23; the check
/// letter is that remainder as a letter (A = 1 …), `W` for 0.
pub fn ie_ppsn(v: &[u8]) -> Check {
    if !(8..=9).contains(&v.len()) {
        return Err(Invalid::Length);
    }
    if !all_digits(&v[..7]) || !v[7..].iter().all(u8::is_ascii_uppercase) {
        return Err(Invalid::Format);
    }
    let second = match v.get(8) {
        None | Some(b'W') => 0,
        Some(&c) => u32::from(c - b'A') + 1,
    };
    let sum: u32 = v[..7].iter().zip((2..=8).rev()).map(|(&b, w)| dv(b) * w).sum::<u32>() + 9 * second;
    let r = sum % 23;
    let want = if r == 0 { b'W' } else { b'A' + (r as u8) - 1 };
    if v[7] != want {
        return Err(Invalid::Checksum);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::checksum::valid_and_sensitive;

    #[test]
    fn ppsn() {
        valid_and_sensitive("ppsn", ie_ppsn, "1234567T");
        valid_and_sensitive("ppsn", ie_ppsn, "1234567FA");
        assert_eq!(ie_ppsn(b"1234567TW"), Ok(()));
        assert_eq!(ie_ppsn(b"1234567A"), Err(Invalid::Checksum));
        assert_eq!(ie_ppsn(b"123456T"), Err(Invalid::Length));
        assert_eq!(ie_ppsn(b"12345678"), Err(Invalid::Format));
    }
}
