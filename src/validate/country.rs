//! ISO 3166-1 alpha-2 country codes: the list of assigned codes and the membership
//! test used by the BIC validator (and by anything else that needs to know whether two
//! letters name a country).

use super::checksum::all_upper;

/// ISO 3166-1 alpha-2 codes that are officially assigned (249 codes, sorted),
/// as maintained by the ISO 3166 Maintenance Agency.
const COUNTRIES: &[u8] = b"ADAEAFAGAIALAMAOAQARASATAUAWAXAZ\
BABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZ\
CACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZ\
DEDJDKDMDODZ\
ECEEEGEHERESET\
FIFJFKFMFOFR\
GAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGY\
HKHMHNHRHTHU\
IDIEILIMINIOIQIRISIT\
JEJMJOJP\
KEKGKHKIKMKNKPKRKWKYKZ\
LALBLCLILKLRLSLTLULVLY\
MAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZ\
NANCNENFNGNINLNONPNRNUNZ\
OM\
PAPEPFPGPHPKPLPMPNPRPSPTPWPY\
QA\
RERORSRURW\
SASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZ\
TCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZ\
UAUGUMUSUYUZ\
VAVCVEVGVIVNVU\
WFWS\
YEYT\
ZAZMZW";

/// Whether `cc` is an assigned ISO 3166-1 alpha-2 country code.
///
/// Implements the list of officially assigned codes of the ISO 3166
/// Maintenance Agency, plus the user-assigned code `XK` (Kosovo), which is
/// used by SWIFT for BICs and by the IBAN registry. Reserved, deleted and
/// other user-assigned codes are rejected. Input must be two upper-case ASCII
/// letters.
pub fn is_country_code(cc: &[u8]) -> bool {
    if cc.len() != 2 || !all_upper(cc) {
        return false;
    }
    if cc == b"XK" {
        return true;
    }
    // Binary search over the sorted two-byte entries, without allocating.
    let (mut lo, mut hi) = (0usize, COUNTRIES.len() / 2);
    while lo < hi {
        let mid = (lo + hi) / 2;
        match COUNTRIES[mid * 2..mid * 2 + 2].cmp(cc) {
            core::cmp::Ordering::Less => lo = mid + 1,
            core::cmp::Ordering::Greater => hi = mid,
            core::cmp::Ordering::Equal => return true,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_codes() {
        for cc in [&b"DE"[..], b"AT", b"CH", b"XK", b"AD", b"ZW", b"SS", b"BQ"] {
            assert!(is_country_code(cc), "{:?}", cc);
        }
        for cc in [&b"XX"[..], b"UK", b"EU", b"AA", b"de", b"D", b"DEU", b"", b"YU", b"AN"] {
            assert!(!is_country_code(cc), "{:?}", cc);
        }
        assert_eq!(COUNTRIES.len(), 249 * 2);
    }
}
