//! Tax numbers issued by the tax offices: the German Steuernummer (regional and
//! 13-digit federal form) and the Austrian Steuernummer (Abgabenkontonummer).
//!
//! Both are business and personal tax numbers printed on invoices; unlike the
//! Steuer-IdNr (see [`super::de`]) the German one has no check-digit rule that the
//! tax administration publishes for all states (the per-state procedures live in the
//! ELSTER software), so only its **structure** is validated here and the recogniser
//! asks for a word naming it. The Austrian one has a published check digit.

use super::checksum::{all_digits, luhn, Check, Invalid};

/// The state prefixes of the 4-digit federal tax office number (Bundesfinanzamtsnummer)
/// that opens the 13-digit federal form, as listed in the table "Aufbau der
/// Steuernummer" (de.wikipedia.org/wiki/Steuernummer; ELSTER, "Wo ist meine
/// Steuernummer"): BW 28, BY 9, BE 11, BB 30, HB 24, HH 22, HE 26, MV 40, NI 23,
/// NW 5, RP 27, SL 10, SN 32, ST 31, SH 21, TH 41.
const DE_STATES: &[&[u8]] =
    &[b"28", b"9", b"11", b"30", b"24", b"22", b"26", b"40", b"23", b"5", b"27", b"10", b"32", b"31", b"21", b"41"];

/// German Steuernummer in the 13-digit federal form ("bundeseinheitliches Schema für
/// die elektronische Übermittlung", e.g. `9181081508155`): the 4-digit federal tax
/// office number starting with a state prefix, a `0`, then the 8-digit district and
/// serial number with the check digit.
///
/// No check digit is verified (see the module docs): a structural check only.
pub fn de_stnr_federal(v: &[u8]) -> Check {
    if v.len() != 13 {
        return Err(Invalid::Length);
    }
    if !all_digits(v) {
        return Err(Invalid::Format);
    }
    if !DE_STATES.iter().any(|p| v.starts_with(p)) || v[4] != b'0' {
        return Err(Invalid::Component);
    }
    Ok(())
}

/// German Steuernummer in a state's own form, given as its digit groups (the
/// separators `/` or space already removed): `FF/BBB/UUUUP` (BE, HB, HH, NI, SH; BW
/// writes `FFBBB/UUUUP`, RP `FF/BBB/UUUU/P`), `FFF/BBB/UUUUP` (BY, BB, HE, MV, SL, SN,
/// ST, TH) and `FFF/BBBB/UUUP` (NW) — de.wikipedia.org/wiki/Steuernummer, table
/// "Standardschema der Länder".
///
/// The tax office part `FF`/`FFF` is never all zeros. No check digit is verified.
pub fn de_stnr_groups(groups: &[&[u8]]) -> Check {
    let lens: Vec<usize> = groups.iter().map(|g| g.len()).collect();
    if !matches!(lens.as_slice(), [2, 3, 5] | [3, 3, 5] | [3, 4, 4] | [5, 5] | [2, 3, 4, 1]) {
        return Err(Invalid::Length);
    }
    if !groups.iter().all(|g| all_digits(g)) {
        return Err(Invalid::Format);
    }
    let office = if lens[0] == 5 { &groups[0][..2] } else { groups[0] };
    if office.iter().all(|&b| b == b'0') {
        return Err(Invalid::Component);
    }
    Ok(())
}

/// Austrian Steuernummer with its tax office number (Abgabenkontonummer), 9 digits
/// written `FF-SSS/SSSP` (`12-345/6789`): the 2-digit Finanzamt number (01–98), the
/// 6-digit subject number and a check digit.
///
/// The check digit is the Luhn check over all nine digits (every second digit from
/// the right doubled, digit sums) — de.wikipedia.org/wiki/Abgabenkontonummer; the
/// OECD "Austria – Information on Tax Identification Numbers" sheet lists the format.
pub fn at_stnr(v: &[u8]) -> Check {
    if v.len() != 9 {
        return Err(Invalid::Length);
    }
    if !all_digits(v) {
        return Err(Invalid::Format);
    }
    if &v[..2] == b"00" || &v[..2] == b"99" {
        return Err(Invalid::Component);
    }
    if !luhn(v) {
        return Err(Invalid::Checksum);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::checksum::valid_and_sensitive;

    #[test]
    fn federal_form() {
        // The examples of the public table: BY 181/815/08155, NW 133/8150/8159,
        // BW 93815/08152 in their 13-digit forms.
        for v in ["9181081508155", "5133081508159", "2893081508152", "1121081508150"] {
            assert_eq!(de_stnr_federal(v.as_bytes()), Ok(()), "{v}");
        }
        assert_eq!(de_stnr_federal(b"9181181508155"), Err(Invalid::Component));
        assert_eq!(de_stnr_federal(b"7181081508155"), Err(Invalid::Component));
        assert_eq!(de_stnr_federal(b"918108150815"), Err(Invalid::Length));
    }

    #[test]
    fn state_forms() {
        let g = |s: &str| -> Check {
            let parts: Vec<&[u8]> = s.split(['/', ' ']).map(str::as_bytes).collect();
            de_stnr_groups(&parts)
        };
        for v in ["181/815/08155", "21/815/08150", "133/8150/8159", "93815/08152", "22/815/0815/4", "75 815 08152"] {
            assert_eq!(g(v), Ok(()), "{v}");
        }
        assert_eq!(g("00/815/08150"), Err(Invalid::Component));
        assert_eq!(g("12/34/5678"), Err(Invalid::Length));
        assert_eq!(g("1234/5678"), Err(Invalid::Length));
    }

    #[test]
    fn austrian() {
        valid_and_sensitive("at_stnr", at_stnr, "591199013");
        assert_eq!(at_stnr(b"001199013"), Err(Invalid::Component));
        assert_eq!(at_stnr(b"59119901"), Err(Invalid::Length));
    }
}
