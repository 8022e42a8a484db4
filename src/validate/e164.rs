//! ITU-T E.164 country calling codes: how many of the digits after `+` / `00` form the
//! country code. One table, read by the phone recogniser (to split a number into
//! country code and national significant number) and by the pseudonymisation (to
//! compare phone numbers by their national significant number).
//!
//! Source: ITU-T Recommendation E.164 and the list of assigned country codes
//! (annex to the ITU Operational Bulletin): `1` (NANP) and `7` are one digit; the
//! two-digit codes are listed below; every other code has three digits and lies in one
//! of the zones listed in `THREE_ZONES`.

/// The two-digit country calling codes.
const TWO: &[u16] = &[
    20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56, 57, 58, 60, 61, 62,
    63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98,
];

/// The first two digits of the three-digit country calling codes.
const THREE_ZONES: &[u16] = &[21, 22, 23, 24, 25, 26, 29, 35, 37, 38, 42, 50, 59, 67, 68, 69, 85, 87, 88, 96, 97, 99];

/// The country calling code at the start of `d` (ASCII digits) and its length, by the
/// E.164 code list: 1 and 7 are one digit; the listed two-digit codes; otherwise three
/// digits in the zones that hold three-digit codes. `None` if `d` starts with 0, is
/// too short for its code, or starts in a zone without assigned codes.
pub(crate) fn country_code(d: &[u8]) -> Option<(u16, usize)> {
    let num = |k: usize| d[..k].iter().fold(0u16, |a, &c| a * 10 + u16::from(c - b'0'));
    if d.is_empty() || d[0] == b'0' {
        return None;
    }
    if d[0] == b'1' || d[0] == b'7' {
        return Some((num(1), 1));
    }
    if d.len() < 2 {
        return None;
    }
    let two = num(2);
    if TWO.contains(&two) {
        return Some((two, 2));
    }
    if THREE_ZONES.contains(&two) && d.len() >= 3 {
        return Some((num(3), 3));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths() {
        assert_eq!(country_code(b"4930"), Some((49, 2)));
        assert_eq!(country_code(b"35212"), Some((352, 3)));
        assert_eq!(country_code(b"12125550100"), Some((1, 1)));
        assert_eq!(country_code(b"79161234567"), Some((7, 1)));
        assert_eq!(country_code(b"42060112345"), Some((420, 3)));
        assert_eq!(country_code(b"35"), None);
        assert_eq!(country_code(b"0049"), None);
        assert_eq!(country_code(b"8012345"), None);
        assert_eq!(country_code(b""), None);
    }
}
