//! Banking identifiers: IBAN (with the SWIFT registry lengths and the Spanish national
//! check digits), BIC, and payment card numbers with their brands.

use super::checksum::{all_digits, all_upper, dv, is_upper_alnum, luhn, mod97_alnum, num, weighted, Check, Invalid};
use super::country::is_country_code;

/// IBAN lengths per country from the SWIFT IBAN Registry (ISO 13616),
/// release 101: 89 countries and territories.
const IBAN_LENGTHS: &[(&[u8; 2], u8)] = &[
    (b"AD", 24),
    (b"AE", 23),
    (b"AL", 28),
    (b"AT", 20),
    (b"AZ", 28),
    (b"BA", 20),
    (b"BE", 16),
    (b"BG", 22),
    (b"BH", 22),
    (b"BI", 27),
    (b"BR", 29),
    (b"BY", 28),
    (b"CH", 21),
    (b"CR", 22),
    (b"CY", 28),
    (b"CZ", 24),
    (b"DE", 22),
    (b"DJ", 27),
    (b"DK", 18),
    (b"DO", 28),
    (b"EE", 20),
    (b"EG", 29),
    (b"ES", 24),
    (b"FI", 18),
    (b"FK", 18),
    (b"FO", 18),
    (b"FR", 27),
    (b"GB", 22),
    (b"GE", 22),
    (b"GI", 23),
    (b"GL", 18),
    (b"GR", 27),
    (b"GT", 28),
    (b"HN", 28),
    (b"HR", 21),
    (b"HU", 28),
    (b"IE", 22),
    (b"IL", 23),
    (b"IQ", 23),
    (b"IS", 26),
    (b"IT", 27),
    (b"JO", 30),
    (b"KW", 30),
    (b"KZ", 20),
    (b"LB", 28),
    (b"LC", 32),
    (b"LI", 21),
    (b"LT", 20),
    (b"LU", 20),
    (b"LV", 21),
    (b"LY", 25),
    (b"MC", 27),
    (b"MD", 24),
    (b"ME", 22),
    (b"MK", 19),
    (b"MN", 20),
    (b"MR", 27),
    (b"MT", 31),
    (b"MU", 30),
    (b"NI", 28),
    (b"NL", 18),
    (b"NO", 15),
    (b"OM", 23),
    (b"PK", 24),
    (b"PL", 28),
    (b"PS", 29),
    (b"PT", 25),
    (b"QA", 29),
    (b"RO", 24),
    (b"RS", 22),
    (b"RU", 33),
    (b"SA", 24),
    (b"SC", 31),
    (b"SD", 18),
    (b"SE", 24),
    (b"SI", 19),
    (b"SK", 24),
    (b"SM", 27),
    (b"SO", 23),
    (b"ST", 25),
    (b"SV", 28),
    (b"TL", 23),
    (b"TN", 24),
    (b"TR", 26),
    (b"UA", 29),
    (b"VA", 22),
    (b"VG", 24),
    (b"XK", 20),
    (b"YE", 30),
];

/// IBAN length for a two-letter country code according to the SWIFT IBAN
/// Registry (ISO 13616), or `None` if the country does not use IBANs.
pub fn iban_length(country: &[u8]) -> Option<usize> {
    IBAN_LENGTHS.iter().find(|(cc, _)| &cc[..] == country).map(|&(_, len)| usize::from(len))
}

/// Spanish "dígitos de control" of the Código Cuenta Cliente (CCC): weights
/// 1,2,4,8,5,10,9,7,3,6 over 10 digits, 11 - (sum mod 11), 11 → 0, 10 → 1.
fn es_ccc_digit(ten: &[u8]) -> u32 {
    const W: [u32; 10] = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6];
    let r = 11 - weighted(ten, &W) % 11;
    match r {
        11 => 0,
        10 => 1,
        r => r,
    }
}

/// International Bank Account Number.
///
/// Implements ISO 13616-1 with the ISO 7064 MOD 97-10 check: the country
/// must be in the SWIFT IBAN Registry and the value must have exactly the
/// registry length; after moving the first four characters to the end and
/// replacing letters by 10..35, the number mod 97 must be 1. Check digits
/// `00`, `01` and `99` are rejected ([`Invalid::Checksum`]) because ISO 13616
/// only produces 02..98 (they would otherwise alias 97, 98 and 02).
///
/// For Spain (`ES`) the two national check digits of the embedded CCC are
/// validated as well (Asociación Española de Banca / CSB rules). The per
/// country BBAN character classes are not checked beyond "upper-case
/// alphanumeric".
pub fn iban(v: &[u8]) -> Check {
    if v.len() < 5 {
        return Err(Invalid::Length);
    }
    let (cc, check, bban) = (&v[0..2], &v[2..4], &v[4..]);
    if !all_upper(cc) || !all_digits(check) || !bban.iter().all(|&b| is_upper_alnum(b)) {
        return Err(Invalid::Format);
    }
    let Some(len) = iban_length(cc) else {
        return Err(Invalid::Component);
    };
    if v.len() != len {
        return Err(Invalid::Length);
    }
    if matches!(check, b"00" | b"01" | b"99") {
        return Err(Invalid::Checksum);
    }
    if mod97_alnum([bban, cc, check]) != Some(1) {
        return Err(Invalid::Checksum);
    }
    if cc == b"ES" {
        // ES kk BBBB GGGG DD NNNNNNNNNN
        if !all_digits(bban) {
            return Err(Invalid::Format);
        }
        let mut first = [b'0'; 10];
        first[2..].copy_from_slice(&bban[0..8]);
        let d1 = es_ccc_digit(&first);
        let d2 = es_ccc_digit(&bban[10..20]);
        if dv(bban[8]) != d1 || dv(bban[9]) != d2 {
            return Err(Invalid::Checksum);
        }
    }
    Ok(())
}

/// The two IBAN check digits (02..=98) for country `cc` and `bban` (upper-case
/// letters and digits), by ISO 7064 MOD 97-10 as in ISO 13616-1: the BBAN, the
/// country code and `00`, letters replaced by 10..35, taken mod 97 and subtracted
/// from 98. `None` for characters other than 0-9 / A-Z. Used to give surrogate IBANs
/// valid check digits; [`iban`] verifies with the same remainder.
pub(crate) fn iban_check_digits(cc: &[u8], bban: &[u8]) -> Option<u32> {
    mod97_alnum([bban, cc, b"00"]).map(|r| 98 - r)
}

/// Business Identifier Code (SWIFT BIC, ISO 9362).
///
/// 8 or 11 characters: 4 letters (institution), 2 letters forming an
/// assigned ISO 3166-1 country code (see [`is_country_code`]; otherwise
/// [`Invalid::Component`]), 2 alphanumerics (location) and an optional
/// 3-character alphanumeric branch code. There is no check digit.
pub fn bic(v: &[u8]) -> Check {
    if v.len() != 8 && v.len() != 11 {
        return Err(Invalid::Length);
    }
    if !all_upper(&v[0..6]) || !v[6..].iter().all(|&b| is_upper_alnum(b)) {
        return Err(Invalid::Format);
    }
    if !is_country_code(&v[4..6]) {
        return Err(Invalid::Component);
    }
    Ok(())
}

/// Whether the leading `n` digits of `v` form a number in `lo..=hi`.
fn prefix_in(v: &[u8], n: usize, lo: u32, hi: u32) -> bool {
    if v.len() < n {
        return false;
    }
    let p = num(&v[..n]) as u32;
    (lo..=hi).contains(&p)
}

/// Payment card number (ISO/IEC 7812 primary account number).
///
/// Returns the brand name for a number with a known issuer prefix, a length
/// the issuer uses, and a valid Luhn check digit (ISO/IEC 7812-1). Brands
/// and their issuer identification number ranges / lengths, per the card
/// networks' published IIN tables:
///
/// | brand        | prefixes                                            | lengths      |
/// |--------------|-----------------------------------------------------|--------------|
/// | `amex`       | 34, 37                                              | 15           |
/// | `diners`     | 300–305, 3095, 36, 38, 39                           | 14–19        |
/// | `jcb`        | 3528–3589                                           | 16–19        |
/// | `visa`       | 4                                                   | 13, 16, 19   |
/// | `mastercard` | 51–55, 2221–2720                                    | 16           |
/// | `maestro`    | 5018, 5020, 5038, 5893, 6304, 6759, 6761–6763       | 12–19        |
/// | `discover`   | 6011, 644–649, 65                                   | 16–19        |
/// | `unionpay`   | 62                                                  | 16–19        |
///
/// Decision: the Luhn check is required for every brand, including
/// UnionPay. A few old UnionPay cards do not carry a Luhn digit, but
/// accepting arbitrary 16–19 digit strings starting with 62 would produce
/// far too many false positives in free text. The Discover/UnionPay
/// co-branded range 622126–622925 is reported as `unionpay`.
///
/// Errors: non-digits → [`Invalid::Format`]; unknown prefix →
/// [`Invalid::Component`]; known prefix with a length the brand does not
/// use → [`Invalid::Length`]; Luhn failure → [`Invalid::Checksum`].
pub fn credit_card(v: &[u8]) -> Result<&'static str, Invalid> {
    if v.is_empty() || v.len() > 19 {
        return Err(Invalid::Length);
    }
    if !all_digits(v) {
        return Err(Invalid::Format);
    }
    let n = v.len();
    let (brand, len_ok): (&'static str, bool) = if prefix_in(v, 2, 34, 34) || prefix_in(v, 2, 37, 37) {
        ("amex", n == 15)
    } else if prefix_in(v, 3, 300, 305)
        || prefix_in(v, 4, 3095, 3095)
        || prefix_in(v, 2, 36, 36)
        || prefix_in(v, 2, 38, 39)
    {
        ("diners", (14..=19).contains(&n))
    } else if prefix_in(v, 4, 3528, 3589) {
        ("jcb", (16..=19).contains(&n))
    } else if v[0] == b'4' {
        ("visa", n == 13 || n == 16 || n == 19)
    } else if prefix_in(v, 2, 51, 55) || prefix_in(v, 4, 2221, 2720) {
        ("mastercard", n == 16)
    } else if [5018, 5020, 5038, 5893, 6304, 6759, 6761, 6762, 6763].iter().any(|&p| prefix_in(v, 4, p, p)) {
        ("maestro", (12..=19).contains(&n))
    } else if prefix_in(v, 4, 6011, 6011) || prefix_in(v, 3, 644, 649) || prefix_in(v, 2, 65, 65) {
        ("discover", (16..=19).contains(&n))
    } else if prefix_in(v, 2, 62, 62) {
        ("unionpay", (16..=19).contains(&n))
    } else {
        return Err(Invalid::Component);
    };
    if !len_ok {
        return Err(Invalid::Length);
    }
    if !luhn(v) {
        return Err(Invalid::Checksum);
    }
    Ok(brand)
}

/// A Luhn-valid number of 12–19 digits in the wider Maestro IIN space (prefixes 50 and
/// 56–69, ISO/IEC 7812 issuer ranges as published by the card schemes) that
/// [`credit_card`] does not place: the space is large and shared with other numbering,
/// so the caller must require further evidence (grouping by 4, a card word).
pub fn maestro_range(v: &[u8]) -> bool {
    (12..=19).contains(&v.len())
        && all_digits(v)
        && (prefix_in(v, 2, 50, 50) || prefix_in(v, 2, 56, 69))
        && credit_card(v) == Err(Invalid::Component)
        && luhn(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iban_examples() {
        for v in [
            "DE89370400440532013000",
            "GB29NWBK60161331926819",
            "AT611904300234573201",
            "CH9300762011623852957",
            "NL91ABNA0417164300",
            "FR1420041010050500013M02606",
            "ES9121000418450200051332",
            "NO9386011117947",
            "LC55HEMM000100010012001200023015",
            "BE68539007547034",
        ] {
            assert_eq!(iban(v.as_bytes()), Ok(()), "{v}");
        }
        assert_eq!(iban(b"DE89370400440532013001"), Err(Invalid::Checksum));
        assert_eq!(iban(b"DE8937040044053201300"), Err(Invalid::Length));
        assert_eq!(iban(b"XX89370400440532013000"), Err(Invalid::Component));
        assert_eq!(iban(b"de89370400440532013000"), Err(Invalid::Format));
        assert_eq!(iban(b""), Err(Invalid::Length));
        // ES: IBAN checksum right but national check digits wrong.
        // ES91 2100 0418 45 0200051332 → change DC to 46 and recompute IBAN.
        assert_eq!(iban(b"ES6421000418460200051332").unwrap_err(), Invalid::Checksum);
        assert_eq!(iban_length(b"DE"), Some(22));
        assert_eq!(iban_length(b"LC"), Some(32));
        assert_eq!(iban_length(b"SC"), Some(31));
        assert_eq!(iban_length(b"BI"), Some(27));
        assert_eq!(iban_length(b"US"), None);
        assert_eq!(IBAN_LENGTHS.len(), 89);
    }

    #[test]
    fn iban_es_national_digits() {
        // Build an ES IBAN with valid mod-97 but wrong CCC digits.
        let bban = b"21000418460200051332";
        let r = mod97_alnum([&bban[..], b"ES00"]).unwrap();
        let check = 98 - r;
        let s = format!("ES{:02}{}", check, std::str::from_utf8(bban).unwrap());
        assert_eq!(mod97_alnum([&s.as_bytes()[4..], &s.as_bytes()[..4]]), Some(1));
        assert_eq!(iban(s.as_bytes()), Err(Invalid::Checksum));
    }

    #[test]
    fn bic_examples() {
        assert_eq!(bic(b"DEUTDEFF"), Ok(()));
        assert_eq!(bic(b"DEUTDEFF500"), Ok(()));
        assert_eq!(bic(b"NWBKGB2L"), Ok(()));
        assert_eq!(bic(b"DEUTXXFF"), Err(Invalid::Component));
        assert_eq!(bic(b"DEU1DEFF"), Err(Invalid::Format));
        assert_eq!(bic(b"DEUTDEF"), Err(Invalid::Length));
        assert_eq!(bic(b"DEUTDEFF5"), Err(Invalid::Length));
        assert_eq!(bic(b"DEUTDEff"), Err(Invalid::Format));
    }

    #[test]
    fn credit_cards() {
        assert_eq!(credit_card(b"4111111111111111"), Ok("visa"));
        assert_eq!(credit_card(b"4222222222222"), Ok("visa"));
        assert_eq!(credit_card(b"5555555555554444"), Ok("mastercard"));
        assert_eq!(credit_card(b"2223003122003222"), Ok("mastercard"));
        assert_eq!(credit_card(b"378282246310005"), Ok("amex"));
        assert_eq!(credit_card(b"30569309025904"), Ok("diners"));
        assert_eq!(credit_card(b"6011111111111117"), Ok("discover"));
        assert_eq!(credit_card(b"3530111333300000"), Ok("jcb"));
        assert_eq!(credit_card(b"6200000000000005"), Ok("unionpay"));
        assert_eq!(credit_card(b"6759649826438453"), Ok("maestro"));
        assert!(maestro_range(b"5054421304181961"));
        assert!(!maestro_range(b"5054421304181962"));
        assert!(!maestro_range(b"6759649826438453"), "placed by credit_card");
        assert!(!maestro_range(b"4111111111111111"));
        assert_eq!(credit_card(b"4111111111111112"), Err(Invalid::Checksum));
        assert_eq!(credit_card(b"411111111111111"), Err(Invalid::Length));
        assert_eq!(credit_card(b"9111111111111111"), Err(Invalid::Component));
        assert_eq!(credit_card(b"4111-1111"), Err(Invalid::Format));
        assert_eq!(credit_card(b""), Err(Invalid::Length));
        assert_eq!(credit_card(b"41111111111111111111"), Err(Invalid::Length));
    }

    #[test]
    fn iban_check_digits_make_a_valid_iban() {
        let bban = b"370400440532013000";
        assert_eq!(iban_check_digits(b"DE", bban), Some(89));
        assert_eq!(iban(b"DE89370400440532013000"), Ok(()));
        assert_eq!(iban_check_digits(b"DE", b"37040044-0532013000"), None);
    }
}
