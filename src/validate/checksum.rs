//! The shared vocabulary of the validators: the result type ([`Check`], [`Invalid`]),
//! byte helpers, and every generic check-digit algorithm, each implemented exactly
//! once — Luhn (verification and check-digit computation), ISO 7064 MOD 97-10 and
//! MOD 11,10, weighted digit sums, EAN-13 and the ICAO 9303 7-3-1 check digit. The
//! per-country validators in the sibling modules and the surrogate generator of the
//! pseudonymisation build on these; this module depends on nothing else.

/// Why a value failed validation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invalid {
    /// The value has the wrong number of characters.
    Length,
    /// A character is not allowed at its position (e.g. a letter where a
    /// digit is required), or the overall structure is wrong.
    Format,
    /// The value has the right shape but the check digit(s) do not match.
    Checksum,
    /// A component is out of its allowed range: an impossible date part, an
    /// unknown country code, a reserved or never-allocated number range.
    Component,
}

/// Result of a validator: `Ok(())` if the value is valid, otherwise the
/// reason it was rejected.
pub type Check = Result<(), Invalid>;

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

#[inline]
pub(crate) fn all_digits(v: &[u8]) -> bool {
    v.iter().all(u8::is_ascii_digit)
}

#[inline]
pub(crate) fn all_upper(v: &[u8]) -> bool {
    v.iter().all(u8::is_ascii_uppercase)
}

#[inline]
pub(crate) fn is_upper_alnum(b: u8) -> bool {
    b.is_ascii_digit() || b.is_ascii_uppercase()
}

/// Numeric value of an ASCII digit (caller guarantees `b` is a digit).
#[inline]
pub(crate) fn dv(b: u8) -> u32 {
    u32::from(b.wrapping_sub(b'0'))
}

/// Decimal value of a run of ASCII digits (caller guarantees digits and a
/// length of at most 19).
pub(crate) fn num(v: &[u8]) -> u64 {
    v.iter().fold(0u64, |acc, &b| acc * 10 + u64::from(dv(b)))
}

/// Sum of the decimal digits of a small non-negative number.
#[inline]
pub(crate) fn digit_sum(mut n: u32) -> u32 {
    let mut s = 0;
    while n > 0 {
        s += n % 10;
        n /= 10;
    }
    s
}

// ---------------------------------------------------------------------------
// Check-digit algorithms
// ---------------------------------------------------------------------------

/// Remainder modulo 97 of the decimal string obtained by replacing every
/// letter by its two-digit value (A = 10 … Z = 35), as used by
/// ISO 7064 MOD 97-10. Returns `None` for characters other than 0-9 / A-Z.
pub(crate) fn mod97_alnum<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> Option<u32> {
    let mut r: u32 = 0;
    for part in parts {
        for &b in part {
            if b.is_ascii_digit() {
                r = (r * 10 + dv(b)) % 97;
            } else if b.is_ascii_uppercase() {
                r = (r * 100 + u32::from(b - b'A') + 10) % 97;
            } else {
                return None;
            }
        }
    }
    Some(r)
}

/// ISO 7064 MOD 11,10 (hybrid system) check digit over ASCII digits.
pub(crate) fn mod11_10_check_digit(digits: &[u8]) -> u32 {
    let mut product = 10u32;
    for &b in digits {
        let mut sum = (dv(b) + product) % 10;
        if sum == 0 {
            sum = 10;
        }
        product = (sum * 2) % 11;
    }
    let check = 11 - product;
    if check == 10 {
        0
    } else {
        check
    }
}

/// Weighted sum of ASCII digits.
pub(crate) fn weighted(digits: &[u8], weights: &[u32]) -> u32 {
    digits.iter().zip(weights).map(|(&b, &w)| dv(b) * w).sum()
}

/// Luhn sum of ASCII digits (ISO/IEC 7812-1 Annex B): every second digit counted
/// from the right is doubled, and 9 is subtracted from a doubled digit above 9. With
/// `check_follows`, `digits` is a payload whose check digit is still to be appended,
/// so the doubling starts at its rightmost digit; otherwise at the second from the
/// right. Caller guarantees ASCII digits.
fn luhn_sum(digits: &[u8], check_follows: bool) -> u32 {
    let doubled = usize::from(!check_follows);
    let mut sum = 0u32;
    for (i, &b) in digits.iter().rev().enumerate() {
        let d = dv(b);
        sum += if i % 2 == doubled {
            let x = d * 2;
            if x > 9 {
                x - 9
            } else {
                x
            }
        } else {
            d
        };
    }
    sum
}

/// Luhn (ISO/IEC 7812-1 Annex B, "mod 10") check over ASCII digits.
///
/// Returns `true` if `digits` is non-empty, contains only ASCII digits and
/// the Luhn sum is divisible by 10; `false` otherwise.
pub fn luhn(digits: &[u8]) -> bool {
    if digits.is_empty() || !all_digits(digits) {
        return false;
    }
    luhn_sum(digits, false) % 10 == 0
}

/// The Luhn check digit (0..=9) that makes `payload` followed by it pass [`luhn`].
/// Caller guarantees ASCII digits.
pub(crate) fn luhn_check_digit(payload: &[u8]) -> u8 {
    ((10 - luhn_sum(payload, true) % 10) % 10) as u8
}

/// EAN-13 / GTIN check digit over 12 digits (weights 1,3 from the left).
pub(crate) fn ean13_check_digit(twelve: &[u8]) -> u32 {
    let s: u32 = twelve.iter().enumerate().map(|(i, &b)| dv(b) * if i % 2 == 0 { 1 } else { 3 }).sum();
    (10 - s % 10) % 10
}

/// ICAO Doc 9303 part 3 check digit: weights 7,3,1 repeating; digits count
/// their value, letters A = 10 … Z = 35; sum mod 10.
pub(crate) fn icao_check_digit(v: &[u8]) -> Option<u32> {
    const W: [u32; 3] = [7, 3, 1];
    let mut sum = 0;
    for (i, &b) in v.iter().enumerate() {
        let val = if b.is_ascii_digit() {
            dv(b)
        } else if b.is_ascii_uppercase() {
            u32::from(b - b'A') + 10
        } else {
            return None;
        };
        sum += val * W[i % 3];
    }
    Some(sum % 10)
}

/// Assert that `f` accepts `v`, and that changing any single digit of it
/// makes `f` reject it.
#[cfg(test)]
pub(crate) fn valid_and_sensitive(name: &str, f: fn(&[u8]) -> Check, v: &str) {
    assert_eq!(f(v.as_bytes()), Ok(()), "{name}: {v} should be valid");
    let bytes = v.as_bytes();
    for i in 0..bytes.len() {
        if !bytes[i].is_ascii_digit() {
            continue;
        }
        for d in b'0'..=b'9' {
            if d == bytes[i] {
                continue;
            }
            let mut m = bytes.to_vec();
            m[i] = d;
            // Only positions that feed a check digit must be sensitive;
            // callers pass values where every digit does.
            assert!(f(&m).is_err(), "{name}: {} should be invalid", String::from_utf8_lossy(&m));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_basic() {
        assert!(luhn(b"79927398713"));
        assert!(!luhn(b"79927398710"));
        assert!(!luhn(b""));
        assert!(!luhn(b"7992739871a"));
        assert!(luhn(b"0"));
    }

    #[test]
    fn luhn_check_digit_completes_a_payload() {
        assert_eq!(luhn_check_digit(b"411111111111111"), 1);
        assert_eq!(luhn_check_digit(b"7992739871"), 3);
        for payload in [&b"0"[..], b"12345", b"4012888888881881"] {
            let d = luhn_check_digit(payload);
            assert!(d < 10);
            for c in 0..10u8 {
                let mut full = payload.to_vec();
                full.push(b'0' + c);
                assert_eq!(luhn(&full), c == d, "{:?} + {c}", payload);
            }
        }
    }
}
