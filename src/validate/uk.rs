//! United Kingdom personal identifiers: the National Insurance number (NINO) and the
//! NHS number. The UK VAT number is in [`super::vat`].

use super::checksum::{all_digits, all_upper, dv, weighted, Check, Invalid};

/// UK National Insurance number (NINO).
///
/// Implements HMRC's National Insurance Manual NIM39110: two prefix letters,
/// 6 digits and a suffix letter A, B, C or D (9 characters; the suffix is
/// required). Neither prefix letter may be D, F, I, Q, U or V; the second
/// letter may not be O; the prefixes BG, GB, KN, NK, NT, TN and ZZ are not
/// allocated ([`Invalid::Component`]). There is no check digit.
pub fn uk_nino(v: &[u8]) -> Check {
    if v.len() != 9 {
        return Err(Invalid::Length);
    }
    if !all_upper(&v[..2]) || !all_digits(&v[2..8]) || !v[8].is_ascii_uppercase() {
        return Err(Invalid::Format);
    }
    if !b"ABCD".contains(&v[8]) {
        return Err(Invalid::Format);
    }
    const BAD: &[u8] = b"DFIQUV";
    if BAD.contains(&v[0]) || BAD.contains(&v[1]) || v[1] == b'O' {
        return Err(Invalid::Component);
    }
    if matches!(&v[..2], b"BG" | b"GB" | b"KN" | b"NK" | b"NT" | b"TN" | b"ZZ") {
        return Err(Invalid::Component);
    }
    Ok(())
}

/// UK NHS number.
///
/// Implements the NHS Data Dictionary "NHS NUMBER" check (modulus 11):
/// 10 digits; the first nine are weighted 10, 9, … 2, check = 11 − (sum mod
/// 11), 11 → 0; a result of 10 means the number is invalid.
pub fn uk_nhs(v: &[u8]) -> Check {
    if v.len() != 10 {
        return Err(Invalid::Length);
    }
    if !all_digits(v) {
        return Err(Invalid::Format);
    }
    const W: [u32; 9] = [10, 9, 8, 7, 6, 5, 4, 3, 2];
    let c = match 11 - weighted(&v[..9], &W) % 11 {
        11 => 0,
        10 => return Err(Invalid::Checksum),
        c => c,
    };
    if c != dv(v[9]) {
        return Err(Invalid::Checksum);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::checksum::valid_and_sensitive;

    #[test]
    fn nino() {
        assert_eq!(uk_nino(b"AB123456C"), Ok(()));
        assert_eq!(uk_nino(b"JG103759A"), Ok(()));
        assert_eq!(uk_nino(b"AB123456E"), Err(Invalid::Format));
        assert_eq!(uk_nino(b"DA123456A"), Err(Invalid::Component));
        assert_eq!(uk_nino(b"AD123456A"), Err(Invalid::Component));
        assert_eq!(uk_nino(b"AO123456A"), Err(Invalid::Component));
        assert_eq!(uk_nino(b"OA123456A"), Ok(()));
        for p in ["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"] {
            let v = format!("{p}123456A");
            assert_eq!(uk_nino(v.as_bytes()), Err(Invalid::Component), "{v}");
        }
        assert_eq!(uk_nino(b"AB123456"), Err(Invalid::Length));
        assert_eq!(uk_nino(b"A1123456A"), Err(Invalid::Format));
    }

    #[test]
    fn nhs() {
        valid_and_sensitive("nhs", uk_nhs, "9434765919");
        assert_eq!(uk_nhs(b"943476591"), Err(Invalid::Length));
        // Remainder 1 → check 10 → invalid whatever the last digit.
        let mut found = false;
        for n in 100_000_000u64..100_001_000 {
            let s = n.to_string();
            let w = [10u32, 9, 8, 7, 6, 5, 4, 3, 2];
            if weighted(s.as_bytes(), &w) % 11 == 1 {
                for d in 0..10 {
                    assert!(uk_nhs(format!("{s}{d}").as_bytes()).is_err());
                }
                found = true;
                break;
            }
        }
        assert!(found);
    }
}
