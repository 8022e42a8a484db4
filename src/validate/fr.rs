//! French personal identifiers: the social security number (NIR). The French VAT
//! number is in [`super::vat`].

use super::checksum::{all_digits, num, Check, Invalid};

/// French social security number (NIR, numéro d'inscription au répertoire).
///
/// Implements the INSEE definition: 15 characters = 13-character NIR + 2
/// digit key. Structure: sex (1), year (2), month (2), department (2),
/// commune (3), order (3), key (2). The key is 97 − (NIR mod 97); for
/// Corsica the department `2A` is replaced by 19 and `2B` by 18 before the
/// computation.
///
/// Decisions: the first digit may be 1 or 2 (sex) and also 3, 4 (provisional
/// numbers of persons born abroad) or 7, 8 (temporary numbers, NIA); the
/// month may be 01..12 or one of INSEE's pseudo-months 20..42 and 50..99
/// used when the month is unknown. Other values are [`Invalid::Component`].
pub fn fr_nir(v: &[u8]) -> Check {
    if v.len() != 15 {
        return Err(Invalid::Length);
    }
    let dep = &v[5..7];
    let corsica = match dep {
        b"2A" => Some(19),
        b"2B" => Some(18),
        _ => None,
    };
    if !all_digits(&v[..5]) || !all_digits(&v[7..]) || (corsica.is_none() && !all_digits(dep)) {
        return Err(Invalid::Format);
    }
    let month = num(&v[3..5]);
    if !b"123478".contains(&v[0]) || !((1..=12).contains(&month) || (20..=42).contains(&month) || month >= 50) {
        return Err(Invalid::Component);
    }
    let dep_num = corsica.unwrap_or_else(|| num(dep));
    let n = num(&v[..5]) * 100_000_000 + dep_num * 1_000_000 + num(&v[7..13]);
    let key = 97 - n % 97;
    if key != num(&v[13..]) {
        return Err(Invalid::Checksum);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::checksum::valid_and_sensitive;

    #[test]
    fn nir() {
        valid_and_sensitive("nir", fr_nir, "295109912611193");
        valid_and_sensitive("nir", fr_nir, "253072B07300470");
        // Corsica: 2A / 2B
        let body = b"185012A123456";
        let n = 18_501_u64 * 100_000_000 + 19 * 1_000_000 + 123_456;
        let key = 97 - n % 97;
        let s = format!("{}{:02}", std::str::from_utf8(body).unwrap(), key);
        assert_eq!(fr_nir(s.as_bytes()), Ok(()));
        let s2 = s.replace("2A", "2B");
        assert_eq!(fr_nir(s2.as_bytes()), Err(Invalid::Checksum));
        let s3 = s.replace("2A", "20");
        assert_eq!(fr_nir(s3.as_bytes()), Err(Invalid::Checksum));
        assert_eq!(fr_nir(b"2951099126111"), Err(Invalid::Length));
        assert_eq!(fr_nir(b"595109912611193"), Err(Invalid::Component));
        assert_eq!(fr_nir(b"2951C9912611193"), Err(Invalid::Format));
    }
}
