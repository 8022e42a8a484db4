//! Swiss identifiers: the social security number (AHV-Nr.) and the enterprise
//! identification number (UID), which is also the Swiss VAT number.

use super::checksum::{all_digits, dv, ean13_check_digit, weighted, Check, Invalid};

/// Swiss social security number (AHV-Nr. / AVS / NAVS13).
///
/// 13 digits starting with the GS1 prefix 756 (Switzerland) and ending in an
/// EAN-13 check digit, as specified by the Zentrale Ausgleichsstelle (ZAS)
/// for the 13-digit AHV number. A prefix other than 756 is
/// [`Invalid::Component`].
pub fn ch_ahv(v: &[u8]) -> Check {
    if v.len() != 13 {
        return Err(Invalid::Length);
    }
    if !all_digits(v) {
        return Err(Invalid::Format);
    }
    if &v[..3] != b"756" {
        return Err(Invalid::Component);
    }
    if ean13_check_digit(&v[..12]) != dv(v[12]) {
        return Err(Invalid::Checksum);
    }
    Ok(())
}

/// Swiss enterprise identification number (UID / IDE / IDI).
///
/// Implements eCH-0097 (Datenstandard Unternehmensidentifikation): `CHE`
/// followed by 9 digits, the last being a check digit: weights 5,4,3,2,7,6,5,4
/// over the first 8 digits, check = 11 − (sum mod 11), 11 → 0, and a result
/// of 10 is never assigned (rejected as [`Invalid::Checksum`]). The value is
/// passed without the `MWST` / `TVA` / `IVA` suffix.
pub fn ch_uid(v: &[u8]) -> Check {
    if v.len() != 12 {
        return Err(Invalid::Length);
    }
    if &v[..3] != b"CHE" || !all_digits(&v[3..]) {
        return Err(Invalid::Format);
    }
    const W: [u32; 8] = [5, 4, 3, 2, 7, 6, 5, 4];
    let c = match 11 - weighted(&v[3..11], &W) % 11 {
        11 => 0,
        10 => return Err(Invalid::Checksum),
        c => c,
    };
    if c != dv(v[11]) {
        return Err(Invalid::Checksum);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::checksum::valid_and_sensitive;

    #[test]
    fn ahv() {
        valid_and_sensitive("ahv", ch_ahv, "7569217076985");
        assert_eq!(ch_ahv(b"7559217076985"), Err(Invalid::Component));
        assert_eq!(ch_ahv(b"756921707698"), Err(Invalid::Length));
    }
}
