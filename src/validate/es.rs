//! Spanish identifiers: DNI, NIE and the CIF of legal entities (the NIF forms that the
//! Spanish VAT number in [`super::vat`] is made of).

use super::checksum::{all_digits, digit_sum, dv, is_upper_alnum, num, Check, Invalid};

/// Check letters of the Spanish DNI/NIE, indexed by number mod 23.
pub(crate) const DNI_LETTERS: &[u8; 23] = b"TRWAGMYFPDXBNJZSQVHLCKE";

/// Spanish national identity number (DNI).
///
/// Implements Real Decreto 1553/2005 (Documento Nacional de Identidad): 8
/// digits followed by the check letter `TRWAGMYFPDXBNJZSQVHLCKE[n mod 23]`.
pub fn es_dni(v: &[u8]) -> Check {
    if v.len() != 9 {
        return Err(Invalid::Length);
    }
    if !all_digits(&v[..8]) || !v[8].is_ascii_uppercase() {
        return Err(Invalid::Format);
    }
    if DNI_LETTERS[(num(&v[..8]) % 23) as usize] != v[8] {
        return Err(Invalid::Checksum);
    }
    Ok(())
}

/// Spanish foreigner identity number (NIE).
///
/// Implements Real Decreto 2393/2004 / Orden INT/2058/2008: `X`, `Y` or `Z`,
/// 7 digits and a check letter computed like the DNI letter after replacing
/// X, Y, Z by 0, 1, 2.
pub fn es_nie(v: &[u8]) -> Check {
    if v.len() != 9 {
        return Err(Invalid::Length);
    }
    let Some(p) = b"XYZ".iter().position(|&c| c == v[0]) else {
        return Err(Invalid::Format);
    };
    if !all_digits(&v[1..8]) || !v[8].is_ascii_uppercase() {
        return Err(Invalid::Format);
    }
    let n = p as u64 * 10_000_000 + num(&v[1..8]);
    if DNI_LETTERS[(n % 23) as usize] != v[8] {
        return Err(Invalid::Checksum);
    }
    Ok(())
}

/// Spanish CIF (NIF of legal entities), Orden EHA/451/2008.
pub(crate) fn es_cif(v: &[u8]) -> Check {
    // v: letter + 7 digits + control (9 chars, checked by caller)
    if !b"ABCDEFGHJNPQRSUVW".contains(&v[0]) {
        return Err(Invalid::Format);
    }
    if !all_digits(&v[1..8]) || !is_upper_alnum(v[8]) {
        return Err(Invalid::Format);
    }
    let mut sum = 0;
    for (i, &b) in v[1..8].iter().enumerate() {
        sum += if i % 2 == 0 { digit_sum(dv(b) * 2) } else { dv(b) };
    }
    let c = (10 - sum % 10) % 10;
    let letter = b"JABCDEFGHI"[c as usize];
    let ok = match v[0] {
        // Sociedades anónimas / limitadas, comunidades de bienes, comunidades
        // de propietarios: numeric control digit.
        b'A' | b'B' | b'E' | b'H' => v[8] == b'0' + c as u8,
        // Public bodies, religious bodies, foreign and non-resident entities:
        // control letter.
        b'N' | b'P' | b'Q' | b'S' | b'W' => v[8] == letter,
        _ => v[8] == b'0' + c as u8 || v[8] == letter,
    };
    if !ok {
        return Err(Invalid::Checksum);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spain() {
        assert_eq!(es_dni(b"12345678Z"), Ok(()));
        assert_eq!(es_dni(b"12345678A"), Err(Invalid::Checksum));
        assert_eq!(es_dni(b"1234567Z"), Err(Invalid::Length));
        assert_eq!(es_nie(b"X1234567L"), Ok(()));
        assert_eq!(es_nie(b"Y1234567X"), Ok(()));
        assert_eq!(es_nie(b"Z1234567R"), Ok(()));
        assert_eq!(es_nie(b"X1234567A"), Err(Invalid::Checksum));
        assert_eq!(es_nie(b"A1234567L"), Err(Invalid::Format));
    }
}
