//! VAT identification numbers: the validators of the countries with a published
//! check-digit rule (AT, DE, GB/XI, FR, IT, ES, NL, BE, PL; CH in [`super::ch`]), the
//! format-only rules of the other EU prefixes, and [`eu_vat`], which dispatches on the
//! prefix.

use super::ch::ch_uid;
use super::checksum::{
    all_digits, all_upper, digit_sum, dv, is_upper_alnum, luhn, mod11_10_check_digit, mod97_alnum, num, weighted,
    Check, Invalid,
};
use super::es::{es_cif, es_dni, es_nie, DNI_LETTERS};
use super::nl::elf_proef;

/// Austrian VAT number (UID-Nummer).
///
/// Implements the check-digit rule published by the Bundesministerium für
/// Finanzen (BMF): `ATU` + 8 digits. For digits c1..c7, S = c1 + q(2·c2) +
/// c3 + q(2·c4) + c5 + q(2·c6) + c7 where q is the digit sum; the check digit
/// c8 = (10 − (S + 4) mod 10) mod 10.
pub fn at_uid(v: &[u8]) -> Check {
    if v.len() != 11 {
        return Err(Invalid::Length);
    }
    if &v[..3] != b"ATU" || !all_digits(&v[3..]) {
        return Err(Invalid::Format);
    }
    let d = &v[3..];
    let s: u32 = (0..7).map(|i| if i % 2 == 1 { digit_sum(dv(d[i]) * 2) } else { dv(d[i]) }).sum();
    if (10 - (s + 4) % 10) % 10 != dv(d[7]) {
        return Err(Invalid::Checksum);
    }
    Ok(())
}

/// German VAT number (Umsatzsteuer-Identifikationsnummer, USt-IdNr.).
///
/// `DE` + 9 digits, the first of which is not 0 (Bundeszentralamt für
/// Steuern); the 9th digit is the ISO 7064 MOD 11,10 check digit over the
/// first 8.
pub fn de_vat(v: &[u8]) -> Check {
    if v.len() != 11 {
        return Err(Invalid::Length);
    }
    if &v[..2] != b"DE" || !all_digits(&v[2..]) || v[2] == b'0' {
        return Err(Invalid::Format);
    }
    if mod11_10_check_digit(&v[2..10]) != dv(v[10]) {
        return Err(Invalid::Checksum);
    }
    Ok(())
}

/// UK VAT registration number.
///
/// Implements HMRC's VAT number structure (VAT Notice 700/1 and the
/// published modulus checks). Accepted forms after the `GB` prefix (the
/// Northern Ireland prefix `XI` is accepted too):
///
/// * 9 digits, or 12 digits (9 + 3-digit branch identifier, which is not
///   checked): with weights 8,7,6,5,4,3,2 on the first 7 digits plus the
///   last two digits taken as a number, the total must be ≡ 0 (mod 97)
///   ("modulus 97"), or, for numbers from 100 0000 00 upward, total + 55 ≡ 0
///   (mod 97) ("modulus 9755"). A remainder of 55 is accepted as well, as common
///   validation libraries do (python-stdnum): for a detector, wrongly rejecting a
///   real VAT number leaks it, wrongly accepting one only masks a number. The
///   all-zero number is rejected.
/// * `GD` + 3 digits 000–499 (government departments) and `HA` + 3 digits
///   500–999 (health authorities): no check digit, format and range only.
pub fn gb_vat(v: &[u8]) -> Check {
    if v.len() < 2 || !(&v[..2] == b"GB" || &v[..2] == b"XI") {
        return Err(Invalid::Format);
    }
    let b = &v[2..];
    match b.len() {
        5 => {
            if !all_digits(&b[2..]) {
                return Err(Invalid::Format);
            }
            let n = num(&b[2..]);
            match &b[..2] {
                b"GD" if n < 500 => Ok(()),
                b"HA" if n >= 500 => Ok(()),
                b"GD" | b"HA" => Err(Invalid::Component),
                _ => Err(Invalid::Format),
            }
        }
        9 | 12 => {
            if !all_digits(b) {
                return Err(Invalid::Format);
            }
            if b[..9].iter().all(|&c| c == b'0') {
                return Err(Invalid::Component);
            }
            const W: [u32; 7] = [8, 7, 6, 5, 4, 3, 2];
            let total = weighted(&b[..7], &W) + dv(b[7]) * 10 + dv(b[8]);
            let r = total % 97;
            if r == 0 || (num(&b[..3]) >= 100 && (r == 42 || r == 55)) {
                Ok(())
            } else {
                Err(Invalid::Checksum)
            }
        }
        _ => Err(Invalid::Length),
    }
}

/// French VAT number (numéro de TVA intracommunautaire).
///
/// Implements the DGFiP rule: `FR` + a 2-character key + the 9-digit SIREN.
/// The SIREN must pass the Luhn check (INSEE), except for Monaco companies,
/// whose "SIREN" starts with `000` and is not an INSEE number. A numeric key
/// must equal (12 + 3 × (SIREN mod 97)) mod 97. Keys containing letters
/// (alphabet 0-9 and A-Z without I and O, issued to new registrants) are
/// only checked for format, because their algorithm is not published
/// officially.
pub fn fr_vat(v: &[u8]) -> Check {
    if v.len() != 13 {
        return Err(Invalid::Length);
    }
    let key = &v[2..4];
    let siren = &v[4..];
    let key_ok = key.iter().all(|&b| is_upper_alnum(b) && b != b'I' && b != b'O');
    if &v[..2] != b"FR" || !key_ok || !all_digits(siren) {
        return Err(Invalid::Format);
    }
    if &siren[..3] != b"000" && !luhn(siren) {
        return Err(Invalid::Checksum);
    }
    if all_digits(key) && num(key) != (12 + 3 * (num(siren) % 97)) % 97 {
        return Err(Invalid::Checksum);
    }
    Ok(())
}

/// Italian VAT number (partita IVA).
///
/// Implements DPR 633/1972 art. 35 and the Agenzia delle Entrate structure:
/// `IT` + 11 digits — 7 digits taxpayer number (not all zero), 3 digits
/// office code (001..100, or 120, 121, 888, 999; otherwise
/// [`Invalid::Component`]) and a Luhn check digit over all 11 digits.
pub fn it_vat(v: &[u8]) -> Check {
    if v.len() != 13 {
        return Err(Invalid::Length);
    }
    let d = &v[2..];
    if &v[..2] != b"IT" || !all_digits(d) {
        return Err(Invalid::Format);
    }
    let office = num(&d[7..10]);
    if num(&d[..7]) == 0 || !((1..=100).contains(&office) || matches!(office, 120 | 121 | 888 | 999)) {
        return Err(Invalid::Component);
    }
    if !luhn(d) {
        return Err(Invalid::Checksum);
    }
    Ok(())
}

/// Spanish VAT number (NIF-IVA).
///
/// `ES` + a 9-character NIF (Real Decreto 1065/2007), which is one of:
/// a DNI (8 digits + letter, see [`es_dni`]); a NIE (X/Y/Z, see [`es_nie`]);
/// a NIF K/L/M for Spaniards without DNI (letter + 7 digits + DNI-style
/// letter over the 7 digits); or a CIF of a legal entity (Orden
/// EHA/451/2008): organisation letter A B C D E F G H J N P Q R S U V W,
/// 7 digits, and a control character: with doubled-and-digit-summed odd
/// positions plus even positions, c = (10 − sum mod 10) mod 10, written as
/// the digit c or the letter `JABCDEFGHI[c]`. Entities A, B, E, H must use
/// the digit; N, P, Q, S, W must use the letter; the others may use either.
pub fn es_vat(v: &[u8]) -> Check {
    if v.len() != 11 {
        return Err(Invalid::Length);
    }
    if &v[..2] != b"ES" {
        return Err(Invalid::Format);
    }
    let n = &v[2..];
    match n[0] {
        b'0'..=b'9' => es_dni(n),
        b'X' | b'Y' | b'Z' => es_nie(n),
        b'K' | b'L' | b'M' => {
            if !all_digits(&n[1..8]) || !n[8].is_ascii_uppercase() {
                return Err(Invalid::Format);
            }
            if DNI_LETTERS[(num(&n[1..8]) % 23) as usize] != n[8] {
                return Err(Invalid::Checksum);
            }
            Ok(())
        }
        _ => es_cif(n),
    }
}

/// Dutch VAT number (btw-identificatienummer / omzetbelastingnummer).
///
/// Implements the Belastingdienst format: `NL` + 9 digits + `B` + 2 digits
/// (suffix 01..99). Valid if either the 9 digits pass the 11-proef (numbers
/// of legal entities; see [`nl_bsn`](super::nl_bsn)) or the whole string, letters mapped
/// to 10..35, passes ISO 7064 MOD 97-10 (numbers issued to sole
/// proprietors since 1 January 2020).
pub fn nl_vat(v: &[u8]) -> Check {
    if v.len() != 14 {
        return Err(Invalid::Length);
    }
    if &v[..2] != b"NL" || !all_digits(&v[2..11]) || v[11] != b'B' || !all_digits(&v[12..]) {
        return Err(Invalid::Format);
    }
    if v[2..11].iter().all(|&b| b == b'0') || &v[12..] == b"00" {
        return Err(Invalid::Component);
    }
    if elf_proef(&v[2..11]) == 0 || mod97_alnum([v]) == Some(1) {
        Ok(())
    } else {
        Err(Invalid::Checksum)
    }
}

/// Belgian VAT number (BTW / TVA, = enterprise number, KBO/BCE).
///
/// `BE` + 10 digits; the first digit is 0 or 1 (otherwise
/// [`Invalid::Component`]) and the last two digits equal 97 − (first 8
/// digits mod 97) (FOD Economie, Kruispuntbank van Ondernemingen). The
/// pre-2005 9-digit form is accepted and treated as if prefixed with 0.
pub fn be_vat(v: &[u8]) -> Check {
    let mut buf = [b'0'; 10];
    if v.len() < 2 || &v[..2] != b"BE" {
        return Err(Invalid::Format);
    }
    let d = &v[2..];
    match d.len() {
        10 => buf.copy_from_slice(d),
        9 => buf[1..].copy_from_slice(d),
        _ => return Err(Invalid::Length),
    }
    if !all_digits(&buf) {
        return Err(Invalid::Format);
    }
    if buf[0] > b'1' || buf.iter().all(|&b| b == b'0') {
        return Err(Invalid::Component);
    }
    if 97 - num(&buf[..8]) % 97 != num(&buf[8..]) {
        return Err(Invalid::Checksum);
    }
    Ok(())
}

/// Polish VAT number (NIP, Numer Identyfikacji Podatkowej).
///
/// Implements the Ministry of Finance rule (Rozporządzenie MF w sprawie
/// NIP): `PL` + 10 digits; the first nine weighted 6,5,7,2,3,4,5,6,7, sum
/// mod 11 equals the 10th digit; a remainder of 10 is never issued.
pub fn pl_vat(v: &[u8]) -> Check {
    if v.len() != 12 {
        return Err(Invalid::Length);
    }
    let d = &v[2..];
    if &v[..2] != b"PL" || !all_digits(d) {
        return Err(Invalid::Format);
    }
    const W: [u32; 9] = [6, 5, 7, 2, 3, 4, 5, 6, 7];
    let r = weighted(&d[..9], &W) % 11;
    if r == 10 || r != dv(d[9]) {
        return Err(Invalid::Checksum);
    }
    Ok(())
}

/// Format-only rules for EU VAT prefixes without a dedicated validator.
fn vat_format_only(cc: &[u8], b: &[u8]) -> Check {
    let digits_len = |lens: &[usize]| -> Check {
        if !lens.contains(&b.len()) {
            Err(Invalid::Length)
        } else if !all_digits(b) {
            Err(Invalid::Format)
        } else {
            Ok(())
        }
    };
    match cc {
        b"BG" => digits_len(&[9, 10]),
        b"CZ" => digits_len(&[8, 9, 10]),
        b"DK" | b"FI" | b"HU" | b"LU" | b"MT" | b"SI" => digits_len(&[8]),
        b"EE" | b"EL" | b"PT" => digits_len(&[9]),
        b"HR" | b"LV" => digits_len(&[11]),
        b"LT" => digits_len(&[9, 12]),
        b"RO" => digits_len(&[2, 3, 4, 5, 6, 7, 8, 9, 10]),
        b"SE" => digits_len(&[12]),
        b"SK" => digits_len(&[10]),
        b"CY" => {
            if b.len() != 9 {
                Err(Invalid::Length)
            } else if !all_digits(&b[..8]) || !b[8].is_ascii_uppercase() {
                Err(Invalid::Format)
            } else {
                Ok(())
            }
        }
        b"IE" => {
            // 7 digits + 1 or 2 letters, or the old form digit, letter/+/*,
            // 5 digits, letter.
            let new = (b.len() == 8 || b.len() == 9) && all_digits(&b[..7]) && all_upper(&b[7..]);
            let old = b.len() == 8
                && b[0].is_ascii_digit()
                && (b[1].is_ascii_uppercase() || b[1] == b'+' || b[1] == b'*')
                && all_digits(&b[2..7])
                && b[7].is_ascii_uppercase();
            if b.len() != 8 && b.len() != 9 {
                Err(Invalid::Length)
            } else if new || old {
                Ok(())
            } else {
                Err(Invalid::Format)
            }
        }
        _ => Err(Invalid::Component),
    }
}

/// VAT identification number with its country prefix (VIES style).
///
/// Dispatches on the prefix: `AT` → [`at_uid`], `DE` → [`de_vat`], `CHE` →
/// [`ch_uid`], `FR` → [`fr_vat`], `IT` → [`it_vat`], `ES` → [`es_vat`],
/// `NL` → [`nl_vat`], `BE` → [`be_vat`], `PL` → [`pl_vat`], `GB` and `XI`
/// (Northern Ireland) → [`gb_vat`]. The remaining EU member-state prefixes
/// (BG CY CZ DK EE EL FI HR HU IE LT LU LV MT PT RO SE SI SK, as used by the
/// European Commission's VIES service) are checked for length and character
/// classes only — their check-digit rules are not implemented here, so such
/// values are weaker evidence. Any other prefix is [`Invalid::Component`].
pub fn eu_vat(v: &[u8]) -> Check {
    if v.len() < 3 {
        return Err(Invalid::Length);
    }
    if v.starts_with(b"CHE") {
        return ch_uid(v);
    }
    let cc = &v[..2];
    match cc {
        b"AT" => at_uid(v),
        b"DE" => de_vat(v),
        b"FR" => fr_vat(v),
        b"IT" => it_vat(v),
        b"ES" => es_vat(v),
        b"NL" => nl_vat(v),
        b"BE" => be_vat(v),
        b"PL" => pl_vat(v),
        b"GB" | b"XI" => gb_vat(v),
        _ => vat_format_only(cc, &v[2..]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::checksum::valid_and_sensitive;

    #[test]
    fn vat_numbers() {
        valid_and_sensitive("at_uid", at_uid, "ATU13585627");
        valid_and_sensitive("de_vat", de_vat, "DE136695976");
        valid_and_sensitive("ch_uid", ch_uid, "CHE100155212");
        valid_and_sensitive("fr_vat", fr_vat, "FR40303265045");
        valid_and_sensitive("it_vat", it_vat, "IT00743110157");
        valid_and_sensitive("pl_vat", pl_vat, "PL8567346215");
        valid_and_sensitive("be_vat", be_vat, "BE0403019261");
        // Not `valid_and_sensitive`: HMRC accepts both the modulus 97 and
        // the modulus 9755 result, and a single changed digit can move a
        // number from one to the other (e.g. +42 on the weighted total).
        assert_eq!(gb_vat(b"GB980780684"), Ok(()));
        assert_eq!(gb_vat(b"GB980780683"), Err(Invalid::Checksum));
        assert_eq!(fr_vat(b"FRK7399859412"), Ok(()));
        assert_eq!(fr_vat(b"FRI7399859412"), Err(Invalid::Format));
        assert_eq!(be_vat(b"BE403019261"), Ok(()));
        assert_eq!(be_vat(b"BE2403019261"), Err(Invalid::Component));
        assert_eq!(nl_vat(b"NL004495445B01"), Ok(()));
        assert_eq!(nl_vat(b"NL004495446B01"), Err(Invalid::Checksum));
        assert_eq!(nl_vat(b"NL004495445B00"), Err(Invalid::Component));
        assert_eq!(gb_vat(b"GBGD001"), Ok(()));
        assert_eq!(gb_vat(b"GBHA500"), Ok(()));
        assert_eq!(gb_vat(b"GBGD500"), Err(Invalid::Component));
        assert_eq!(gb_vat(b"GB980780684123"), Ok(()));
        assert_eq!(gb_vat(b"GB980780685"), Err(Invalid::Checksum));
        assert_eq!(it_vat(b"IT00743110158"), Err(Invalid::Checksum));
        assert_eq!(it_vat(b"IT00000001234"), Err(Invalid::Component));
        assert_eq!(ch_uid(b"CHE10015521"), Err(Invalid::Length));
    }

    #[test]
    fn nl_vat_mod97() {
        // Construct a 2020-style sole-proprietor number passing mod 97 only.
        let mut found = 0;
        for n in 100_000_000u64..100_000_300 {
            let body = format!("NL{n}B01");
            let r = mod97_alnum([body.as_bytes()]).unwrap();
            let nine = format!("{n}");
            if r == 1 && elf_proef(nine.as_bytes()) != 0 {
                assert_eq!(nl_vat(body.as_bytes()), Ok(()));
                found += 1;
            }
        }
        assert!(found > 0);
    }

    #[test]
    fn eu_dispatch() {
        assert_eq!(eu_vat(b"DE136695976"), Ok(()));
        assert_eq!(eu_vat(b"DE136695977"), Err(Invalid::Checksum));
        assert_eq!(eu_vat(b"ATU13585627"), Ok(()));
        assert_eq!(eu_vat(b"CHE100155212"), Ok(()));
        assert_eq!(eu_vat(b"XI980780684"), Ok(()));
        assert_eq!(eu_vat(b"DK13585628"), Ok(()));
        assert_eq!(eu_vat(b"DK1358562"), Err(Invalid::Length));
        assert_eq!(eu_vat(b"IE6388047V"), Ok(()));
        assert_eq!(eu_vat(b"IE1234567WA"), Ok(()));
        assert_eq!(eu_vat(b"CY10259033P"), Ok(()));
        assert_eq!(eu_vat(b"US123456789"), Err(Invalid::Component));
        assert_eq!(eu_vat(b"D"), Err(Invalid::Length));
    }

    #[test]
    fn spain_vat() {
        assert_eq!(es_vat(b"ESB58378431"), Ok(()));
        assert_eq!(es_vat(b"ESQ2826000H"), Ok(()));
        assert_eq!(es_vat(b"ESQ28260008"), Err(Invalid::Checksum));
        assert_eq!(es_vat(b"ES12345678Z"), Ok(()));
        assert_eq!(es_vat(b"ESX1234567L"), Ok(()));
        assert_eq!(es_vat(b"ESB58378432"), Err(Invalid::Checksum));
        assert_eq!(es_vat(b"ESI58378431"), Err(Invalid::Format));
    }
}
