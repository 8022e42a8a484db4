//! Italian personal identifiers: the codice fiscale of natural persons. The 11-digit
//! codes of legal persons (partita IVA) are in [`super::vat`].

use super::checksum::{all_upper, dv, Check, Invalid};

/// Decode an Italian codice fiscale digit position: a digit, or one of the
/// omocodia substitution letters L M N P Q R S T U V (= 0..9).
fn cf_digit(b: u8) -> Option<u32> {
    if b.is_ascii_digit() {
        Some(dv(b))
    } else {
        b"LMNPQRSTUV".iter().position(|&c| c == b).map(|p| p as u32)
    }
}

/// Italian fiscal code (codice fiscale) of natural persons.
///
/// Implements DM 23/12/1976 (Ministero delle Finanze) and DPR 605/1973:
/// 16 characters — 3 letters surname, 3 letters name, 2 digits year, month
/// letter (A B C D E H L M P R S T), 2 digits day (01..31, +40 for women;
/// checked against the month length, 29 February always allowed),
/// place code (letter + 3 digits), check letter. In case of omocodia any of
/// the seven digit positions may be replaced by L M N P Q R S T U V
/// (= 0..9). The check letter: characters in odd positions (1st, 3rd, …) are
/// mapped through the official odd-position table, characters in even
/// positions take their value (0..9, A = 0 … Z = 25); the sum mod 26 gives
/// the letter (0 = A). Bad month letter or day → [`Invalid::Component`].
/// The 11-digit numeric codes of legal persons are validated by [`it_vat`](super::vat::it_vat).
pub fn it_codice_fiscale(v: &[u8]) -> Check {
    if v.len() != 16 {
        return Err(Invalid::Length);
    }
    let letters_ok = all_upper(&v[..6]) && v[8].is_ascii_uppercase() && v[11].is_ascii_uppercase();
    let digits_ok = [6, 7, 9, 10, 12, 13, 14].iter().all(|&i| cf_digit(v[i]).is_some());
    if !letters_ok || !digits_ok || !v[15].is_ascii_uppercase() {
        return Err(Invalid::Format);
    }
    let Some(month) = b"ABCDEHLMPRST".iter().position(|&c| c == v[8]) else {
        return Err(Invalid::Component);
    };
    // Days per month; 29 February is always accepted because the century
    // of the two-digit year is not encoded.
    const DAYS: [u32; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let day = cf_digit(v[9]).unwrap_or(0) * 10 + cf_digit(v[10]).unwrap_or(0);
    let day = if day > 40 { day - 40 } else { day };
    if !(1..=DAYS[month]).contains(&day) {
        return Err(Invalid::Component);
    }
    // Odd-position values for 0..9 / A..Z (digits share the values of A..J).
    const ODD: [u32; 26] =
        [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
    let mut sum = 0u32;
    for (i, &b) in v[..15].iter().enumerate() {
        let idx = if b.is_ascii_digit() { dv(b) } else { u32::from(b - b'A') } as usize;
        sum += if i % 2 == 0 { ODD[idx] } else { idx as u32 };
    }
    if u32::from(v[15] - b'A') != sum % 26 {
        return Err(Invalid::Checksum);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codice_fiscale() {
        assert_eq!(it_codice_fiscale(b"RSSMRA85T10A562S"), Ok(()));
        // Omocodia: the last digit of the place code replaced by its letter.
        assert_eq!(it_codice_fiscale(b"RSSMRA85T10A56NH"), Ok(()));
        assert_eq!(it_codice_fiscale(b"RSSMRA85T10A562T"), Err(Invalid::Checksum));
        assert_eq!(it_codice_fiscale(b"RSSMRA85T10A563S"), Err(Invalid::Checksum));
        assert_eq!(it_codice_fiscale(b"RSSMRA85F10A562S"), Err(Invalid::Component));
        assert_eq!(it_codice_fiscale(b"RSSMRA85T32A562S"), Err(Invalid::Component));
        assert_eq!(it_codice_fiscale(b"RSSMRA85B30A562S"), Err(Invalid::Component));
        assert_eq!(it_codice_fiscale(b"RSSMRA85B72A562S"), Err(Invalid::Component));
        assert_eq!(it_codice_fiscale(b"RSSMRA85TA0A562S"), Err(Invalid::Format));
        assert_eq!(it_codice_fiscale(b"RSSMRA85T10A562"), Err(Invalid::Length));
    }
}
