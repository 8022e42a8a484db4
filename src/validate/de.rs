//! German personal identifiers: tax id (Steuer-IdNr.), pension insurance number
//! (RVNR), identity card and passport numbers, health insurance number (KVNR).

use super::checksum::{all_digits, digit_sum, dv, icao_check_digit, mod11_10_check_digit, num, Check, Invalid};

/// German tax identification number (Steuerliche Identifikationsnummer).
///
/// Implements § 139b AO and the BZSt structure rules: 11 digits, the first
/// is not 0. Among the first 10 digits exactly one digit occurs more than
/// once — twice (rule for numbers issued before 2016) or three times (since
/// 2016) — and every other digit occurs at most once; a digit occurring three
/// times must not occur in three directly consecutive positions. Violations
/// are [`Invalid::Format`]. The 11th digit is the ISO 7064 MOD 11,10 check
/// digit over the first 10.
pub fn de_steuer_idnr(v: &[u8]) -> Check {
    if v.len() != 11 {
        return Err(Invalid::Length);
    }
    if !all_digits(v) || v[0] == b'0' {
        return Err(Invalid::Format);
    }
    let mut counts = [0u8; 10];
    for &b in &v[..10] {
        counts[dv(b) as usize] += 1;
    }
    let repeated = counts.iter().filter(|&&c| c > 1).count();
    let max = counts.iter().copied().max().unwrap_or(0);
    if repeated != 1 || max > 3 {
        return Err(Invalid::Format);
    }
    if max == 3 && v[..10].windows(3).any(|w| w[0] == w[1] && w[1] == w[2]) {
        return Err(Invalid::Format);
    }
    if mod11_10_check_digit(&v[..10]) != dv(v[10]) {
        return Err(Invalid::Checksum);
    }
    Ok(())
}

/// German pension insurance number (Rentenversicherungsnummer /
/// Sozialversicherungsnummer).
///
/// Implements § 147 SGB VI and § 2 VKVV (Versicherungsnummern-, Kontoführungs-
/// und Versicherungsverlaufsverordnung): 12 characters — 2 digits area
/// number, 6 digits birth date `DDMMYY`, the initial letter of the birth
/// name, 2 digits serial number and 1 check digit. For the check digit the
/// letter is replaced by its two-digit alphabet position (A = 01 … Z = 26),
/// the resulting 12 digits are multiplied by 2,1,2,5,7,1,2,1,2,1,2,1, the
/// digit sums of the products are added and the check digit is the sum
/// mod 10.
///
/// Date rules (Gemeinsames Rundschreiben zum Meldeverfahren, per § 2 (3)
/// VKVV): the month is 00..12 (00 = unknown month); the day is 00..31
/// (00 = unknown day) and, when the serial numbers of a birth date are
/// exhausted, is increased by 32 or 64 (and day 01 additionally by 96), so
/// day values 00..95 and 97 are accepted. Other values are
/// [`Invalid::Component`].
pub fn de_rvnr(v: &[u8]) -> Check {
    if v.len() != 12 {
        return Err(Invalid::Length);
    }
    if !all_digits(&v[..8]) || !v[8].is_ascii_uppercase() || !all_digits(&v[9..]) {
        return Err(Invalid::Format);
    }
    let day = num(&v[2..4]);
    let month = num(&v[4..6]);
    if month > 12 || !(day <= 95 || day == 97) {
        return Err(Invalid::Component);
    }
    let pos = u32::from(v[8] - b'A') + 1;
    const W: [u32; 12] = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];
    let mut digits = [0u32; 12];
    for i in 0..8 {
        digits[i] = dv(v[i]);
    }
    digits[8] = pos / 10;
    digits[9] = pos % 10;
    digits[10] = dv(v[9]);
    digits[11] = dv(v[10]);
    let sum: u32 = digits.iter().zip(W).map(|(&d, w)| digit_sum(d * w)).sum();
    if sum % 10 != dv(v[11]) {
        return Err(Invalid::Checksum);
    }
    Ok(())
}

/// Characters used for the serial number of German identity documents
/// (Personalausweis since November 2010, Reisepass since 2007): digits and
/// the consonants C F G H J K L M N P R T V W X Y Z.
fn is_de_doc_char(b: u8) -> bool {
    b.is_ascii_digit() || b"CFGHJKLMNPRTVWXYZ".contains(&b)
}

/// German identity card number (Personalausweis, Dokumentennummer).
///
/// 10 characters: a 9-character serial from the alphabet `0-9` plus
/// `C F G H J K L M N P R T V W X Y Z` (PAuswV, cards since 2010) and one
/// check digit computed with the ICAO 9303 7-3-1 weights (letters
/// A = 10 … Z = 35). The pre-2010 all-digit serial (9 digits + check digit)
/// is accepted by the same rule, since digits are part of the alphabet.
pub fn de_idcard(v: &[u8]) -> Check {
    if v.len() != 10 {
        return Err(Invalid::Length);
    }
    if !v[..9].iter().all(|&b| is_de_doc_char(b)) || !v[9].is_ascii_digit() {
        return Err(Invalid::Format);
    }
    if icao_check_digit(&v[..9]) != Some(dv(v[9])) {
        return Err(Invalid::Checksum);
    }
    Ok(())
}

/// German passport number (Reisepass, Seriennummer).
///
/// The serial uses the same alphabet as the identity card (`0-9` and
/// `C F G H J K L M N P R T V W X Y Z`) and begins with C, F, G, H, J or K
/// (PassV). Two forms are accepted:
///
/// * 10 characters: serial + ICAO 9303 7-3-1 check digit (as in the
///   machine-readable zone) — the check digit is validated;
/// * 9 characters: the serial alone, as printed on the data page and as
///   people type it into forms. This form has no check digit, so only the
///   format can be verified; callers should treat it as weaker evidence and
///   require surrounding context.
pub fn de_passport(v: &[u8]) -> Check {
    if v.len() != 9 && v.len() != 10 {
        return Err(Invalid::Length);
    }
    if !b"CFGHJK".contains(&v[0]) || !v[..9].iter().all(|&b| is_de_doc_char(b)) {
        return Err(Invalid::Format);
    }
    if v.len() == 10 {
        if !v[9].is_ascii_digit() {
            return Err(Invalid::Format);
        }
        if icao_check_digit(&v[..9]) != Some(dv(v[9])) {
            return Err(Invalid::Checksum);
        }
    }
    Ok(())
}

/// Digits of a German health insurance number prefix letter: A = 01 … Z = 26.
fn letter_pos(b: u8) -> u32 {
    u32::from(b - b'A') + 1
}

/// German health insurance number (Krankenversichertennummer, unveränderbarer
/// Teil).
///
/// Implements § 290 SGB V and the GKV-Spitzenverband "Richtlinien für den
/// Aufbau der Krankenversichertennummer": 10 characters — one letter, 8
/// digits, 1 check digit. The letter is replaced by its two-digit position
/// (A = 01 … Z = 26); the resulting 10 digits are multiplied alternately by
/// 1 and 2, the digit sums of the products are added, and the check digit is
/// the sum mod 10.
pub fn de_kvnr(v: &[u8]) -> Check {
    if v.len() != 10 {
        return Err(Invalid::Length);
    }
    if !v[0].is_ascii_uppercase() || !all_digits(&v[1..]) {
        return Err(Invalid::Format);
    }
    let pos = letter_pos(v[0]);
    let mut digits = [0u32; 10];
    digits[0] = pos / 10;
    digits[1] = pos % 10;
    for i in 0..8 {
        digits[i + 2] = dv(v[i + 1]);
    }
    let sum: u32 = digits.iter().enumerate().map(|(i, &d)| digit_sum(d * if i % 2 == 0 { 1 } else { 2 })).sum();
    if sum % 10 != dv(v[9]) {
        return Err(Invalid::Checksum);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::checksum::valid_and_sensitive;

    #[test]
    fn steuer_idnr() {
        valid_and_sensitive("idnr", de_steuer_idnr, "86095742719");
        valid_and_sensitive("idnr", de_steuer_idnr, "47036892816");
        // A digit three times, not all adjacent (2016 rule): 1 at 0, 1, 3.
        let ten = b"1121345678";
        let c = mod11_10_check_digit(ten);
        let mut s = ten.to_vec();
        s.push(b'0' + c as u8);
        assert_eq!(de_steuer_idnr(&s), Ok(()));
        // Three identical in a row: rejected.
        let ten = b"1112345678";
        let c = mod11_10_check_digit(ten);
        let mut s = ten.to_vec();
        s.push(b'0' + c as u8);
        assert_eq!(de_steuer_idnr(&s), Err(Invalid::Format));
        // All digits distinct: rejected.
        let ten = b"1234567890";
        let c = mod11_10_check_digit(ten);
        let mut s = ten.to_vec();
        s.push(b'0' + c as u8);
        assert_eq!(de_steuer_idnr(&s), Err(Invalid::Format));
        // Two different repeated digits: rejected.
        let ten = b"1123345678";
        let c = mod11_10_check_digit(ten);
        let mut s = ten.to_vec();
        s.push(b'0' + c as u8);
        assert_eq!(de_steuer_idnr(&s), Err(Invalid::Format));
        // Leading zero.
        assert_eq!(de_steuer_idnr(b"06095742719"), Err(Invalid::Format));
        assert_eq!(de_steuer_idnr(b"8609574271"), Err(Invalid::Length));
    }

    #[test]
    fn rvnr() {
        // Example from the Sozialversicherungsausweis specimen.
        assert_eq!(de_rvnr(b"15070649C103"), Ok(()));
        assert_eq!(de_rvnr(b"15070649C104"), Err(Invalid::Checksum));
        assert_eq!(de_rvnr(b"15070649D103"), Err(Invalid::Checksum));
        // Day + 32 / + 64 / 01 + 96 for exhausted serial numbers, 00 = unknown.
        for date in [&b"390649"[..], b"710649", b"970649", b"000049", b"950049"] {
            let mut v = b"15000000C10".to_vec();
            v[2..8].copy_from_slice(date);
            let ok = (0..10u8).filter(|d| {
                let mut w = v.clone();
                w.push(b'0' + d);
                de_rvnr(&w).is_ok()
            });
            assert_eq!(ok.count(), 1, "{:?}", date);
        }
        assert_eq!(de_rvnr(b"15071349C103"), Err(Invalid::Component));
        assert_eq!(de_rvnr(b"15960649C103"), Err(Invalid::Component));
        assert_eq!(de_rvnr(b"15980649C103"), Err(Invalid::Component));
        assert_eq!(de_rvnr(b"150706491103"), Err(Invalid::Format));
        assert_eq!(de_rvnr(b"15070649C10"), Err(Invalid::Length));
        for i in [0usize, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11] {
            let mut m = b"15070649C103".to_vec();
            m[i] = if m[i] == b'1' { b'2' } else { b'1' };
            assert!(de_rvnr(&m).is_err(), "{}", String::from_utf8_lossy(&m));
        }
    }

    #[test]
    fn id_documents() {
        // Sample numbers from the specimen documents of the Bundesdruckerei.
        assert_eq!(de_idcard(b"T220001293"), Ok(()));
        assert_eq!(de_idcard(b"L01X00T471"), Ok(()));
        assert_eq!(de_idcard(b"T220001294"), Err(Invalid::Checksum));
        assert_eq!(de_idcard(b"T22000129"), Err(Invalid::Length));
        assert_eq!(de_idcard(b"TA20001293"), Err(Invalid::Format));
        assert_eq!(de_passport(b"C01X00T478"), Ok(()));
        assert_eq!(de_passport(b"C01X00T47"), Ok(()));
        assert_eq!(de_passport(b"C01X00T479"), Err(Invalid::Checksum));
        assert_eq!(de_passport(b"L01X00T471"), Err(Invalid::Format));
        assert_eq!(de_passport(b"C01X00T4"), Err(Invalid::Length));
    }

    #[test]
    fn kvnr() {
        valid_and_sensitive("kvnr", de_kvnr, "A123456780");
        assert_eq!(de_kvnr(b"A123456781"), Err(Invalid::Checksum));
        assert_eq!(de_kvnr(b"1123456780"), Err(Invalid::Format));
        assert_eq!(de_kvnr(b"A12345678"), Err(Invalid::Length));
    }
}
