//! Generated variants of network identifiers: each category of writing is a generator
//! of its variants asserting that the value is found, and a generator of near misses
//! asserting that nothing is.

mod variants;

use pii_veil::Kind;
use proptest::prelude::*;
use variants::{found, pick};

// ---- Version and build numbers are not IPv4 addresses ----

/// Version words as people write them before a version number, with the words that
/// may stand between ("auf", "de la", …).
const VERSION_LEADS: &[&str] = &[
    "Firmware",
    "Update auf Firmware",
    "seit dem Update auf",
    "la mise à jour",
    "la versión",
    "Version",
    "version",
    "Build",
    "release",
    "Stand",
    "aggiornamento alla",
    "nach dem Upgrade auf",
    "Software",
];

const TAILS: &[&str] = &["", ",", " installiert", " a cassé l'appli", " de la app", "."];

/// A dotted quad whose groups are valid octets (so only the context tells).
fn quad() -> impl Strategy<Value = String> {
    (1u32..30, 0u32..100, 0u32..256, 1u32..256).prop_map(|(a, b, c, d)| format!("{a}.{b}.{c}.{d}"))
}

/// A public address outside the documentation ranges and resolvers.
fn public_ip() -> impl Strategy<Value = String> {
    // 172 left out: 172.16–31.x.1 is a private network's router, which is not reported.
    let first = (11u32..190).prop_filter("a public first octet", |a| *a != 172);
    (first, 0u32..256, 0u32..256, 1u32..255).prop_map(|(a, b, c, d)| format!("{a}.{b}.{c}.{d}"))
}

const IP_LEADS: &[&str] = &["IP", "meine IP-Adresse", "Server", "Router IP", "address", "neue Adresse"];

/// Every address of a few /24 blocks, after an IP word: an address is never read as an
/// identifier its digits happen to make (38.164.197.127 is also a valid Steuer-IdNr).
#[test]
fn dotted_quads_are_addresses_not_identifiers() {
    for (n, block) in ["38.164.197", "84.115.20", "178.191.4", "62.178.33"].iter().enumerate() {
        for d in 1u32..255 {
            let v = format!("{block}.{d}");
            let text = format!("{} {v} gesperrt", IP_LEADS[(n + d as usize) % IP_LEADS.len()]);
            assert!(found(&text, None, Kind::IpAddress).contains(&v), "{text}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn version_numbers_are_not_ip(lead in pick(VERSION_LEADS), v in quad(), tail in pick(TAILS)) {
        let text = format!("Hallo, {lead} {v}{tail}");
        prop_assert!(found(&text, None, Kind::IpAddress).is_empty(), "{text}");
    }

    #[test]
    fn ip_word_nearer_than_version_word(lead in pick(VERSION_LEADS), ip in pick(IP_LEADS), v in public_ip()) {
        let text = format!("{lead} {ip} {v} gesperrt");
        prop_assert!(found(&text, None, Kind::IpAddress).contains(&v), "{text}");
    }

    #[test]
    fn documentation_and_resolvers_are_not_personal(
        form in 0usize..5, n in 0u32..256, ip in pick(IP_LEADS), cidr in pick(&["", "/24", "/32"]),
    ) {
        let v = match form {
            0 => format!("192.0.2.{n}"),
            1 => format!("198.51.100.{n}"),
            2 => format!("203.0.113.{n}"),
            3 => format!("2001:db8:{n:x}::1"),
            _ => ["8.8.8.8", "8.8.4.4", "1.1.1.1", "1.0.0.1", "9.9.9.9"][n as usize % 5].to_string(),
        };
        let text = format!("{ip} {v}{cidr} geht nicht");
        prop_assert!(found(&text, None, Kind::IpAddress).is_empty(), "{text}");
    }
}

// ---- MAC addresses with dots or spaces between the pairs ----

const MAC_LEADS: &[&str] =
    &["MAC", "neue MAC", "MAC-Adresse vom Adapter:", "hardware address", "WLAN-Adapter", "Gerät", "device"];

/// What follows a MAC address (a two-letter word such as "de" would read as a seventh
/// pair of a space-separated form, which is then not taken).
const MAC_TAILS: &[&str] = &["", ",", ".", " ist neu", " (alt)", "\nDanke"];

/// Six hex pairs in a random casing, with a letter a–f opening the third and the sixth
/// pair and a digit opening the first. (A letter followed by nine digits can read as a
/// valid German health insurance number, whose check digit then wins over the MAC
/// reading: a known gap, kept out of this generator so that it tests the separator
/// styles. A MAC without any digit is not looked for: a text without a digit is not
/// searched for network addresses.)
fn mac_pairs() -> impl Strategy<Value = Vec<String>> {
    (prop::collection::vec(0u32..256, 6), 0u32..0xa0, 0xa0u32..0x100, 0xa0u32..0x100, any::<bool>()).prop_map(
        |(mut v, first, third, sixth, upper)| {
            (v[0], v[2], v[5]) = (first, third, sixth);
            v.iter().map(|p| if upper { format!("{p:02X}") } else { format!("{p:02x}") }).collect()
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn mac_dot_and_space_pairs(lead in pick(MAC_LEADS), pairs in mac_pairs(), sep in pick(&[".", " ", ":", "-"]), tail in pick(MAC_TAILS)) {
        let v = pairs.join(sep);
        let text = format!("{lead} {v}{tail}");
        prop_assert!(found(&text, None, Kind::MacAddress).contains(&v), "{text}");
    }

    #[test]
    fn mac_pairs_in_a_mac_field(pairs in mac_pairs(), sep in pick(&[".", " "])) {
        let v = pairs.join(sep);
        prop_assert!(found(&v, Some("Geräte-ID (MAC)"), Kind::MacAddress).contains(&v), "{v}");
    }

    #[test]
    fn mac_near_misses(
        lead in pick(&["Code", "Eintrag", "Ruf an:", "Bestellung"]), pairs in mac_pairs(), sep in pick(&[".", " "]),
        digits in prop::collection::vec(10u32..100, 6), cue in pick(MAC_LEADS),
    ) {
        // Without a MAC word, and with a MAC word but no letter.
        let v = pairs.join(sep);
        let text = format!("{lead} {v} bitte");
        prop_assert!(found(&text, None, Kind::MacAddress).is_empty(), "{text}");
        let d = digits.iter().map(u32::to_string).collect::<Vec<_>>().join(sep);
        let text = format!("{cue} {d} bitte");
        prop_assert!(found(&text, None, Kind::MacAddress).is_empty(), "{text}");
    }
}
