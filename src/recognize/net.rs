//! Network identifiers: IPv4 and IPv6 addresses, MAC addresses (EUI-48).
//!
//! - IPv4: four dotted decimal octets 0–255. An octet with a leading zero (`01`) is
//!   rejected: that is how dates (`12.03.01.05`), section numbers and zero-padded codes
//!   look, and RFC 6943 calls such forms ambiguous. A dotted run of more than four
//!   numbers (`1.3.6.1.4.1`, an OID) is not an address, and neither is a run glued to a
//!   letter (`v1.2.3.4`). Version numbers are handled by context: "Version", "v",
//!   "build" before the value lower it below the threshold (see `context`).
//! - IPv6: every maximal run of hex digits, `:` and `.` with at least two colons is
//!   parsed by `std::net::Ipv6Addr` (eight groups, or fewer with one `::`, optionally
//!   ending in an embedded IPv4 address). A short compressed form with fewer than three
//!   groups (`fe80::1`, `12::30`) gets a score that needs context.
//! - MAC: six hex pairs separated by `:` or `-`, or three hex quads separated by `.`
//!   (Cisco). A hyphen/dot form made only of decimal digits looks like a phone number
//!   or a reference and needs context; twelve hex digits without separators are only a
//!   MAC address with a letter and a digit in them *and* a MAC word nearby.
//!
//! All three scan the bytes once; nothing runs when the text has no digit.

use super::{ascii_words, bounded, Recognizer};
use crate::context::Window;
use crate::entity::Kind;
use crate::scanner::{Candidate, Input};
use std::net::Ipv6Addr;

/// The shapes are matched by hand; they are exactly these patterns (checked in the
/// tests), which as regular expressions cost several ns per byte in the lazy DFA:
/// - IPv4: `[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}`
/// - MAC: `(?i)[0-9a-f]{2}(?::[0-9a-f]{2}){5}|[0-9a-f]{2}(?:-[0-9a-f]{2}){5}|[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}`
/// - bare MAC: `(?i)\b[0-9a-f]{12}\b`
pub(super) struct Net;

impl Net {
    pub(super) fn new() -> Net {
        Net
    }
}

fn digits_from(b: &[u8], p: usize, max: usize) -> usize {
    b[p.min(b.len())..].iter().take(max).take_while(|c| c.is_ascii_digit()).count()
}

/// The IPv4 shape after its first dot at `d`: the end of the match, if any.
fn ipv4_rest(b: &[u8], d: usize) -> Option<usize> {
    let mut p = d + 1;
    for _ in 0..2 {
        let r = digits_from(b, p, 4);
        if r == 0 || r > 3 {
            return None;
        }
        p += r;
        if b.get(p) != Some(&b'.') {
            return None;
        }
        p += 1;
    }
    let r = digits_from(b, p, 3);
    (r > 0).then_some(p + r)
}

/// Matches of the IPv4 shape, left to right (leftmost first, greedy).
fn ipv4s(b: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = 0;
    let mut d = 0;
    std::iter::from_fn(move || {
        while d < b.len() {
            match b[d..].iter().position(|&c| c == b'.') {
                Some(o) => d += o,
                None => return None,
            }
            let mut s = d;
            while s > at && s + 3 > d && b[s - 1].is_ascii_digit() {
                s -= 1;
            }
            let dot = d;
            d += 1;
            if s == dot {
                continue;
            }
            if let Some(e) = ipv4_rest(b, dot) {
                at = e;
                d = d.max(e);
                return Some((s, e));
            }
        }
        None
    })
}

/// The end of a MAC shape starting at `i`, if any.
fn mac_at(b: &[u8], i: usize) -> Option<usize> {
    let hex = |k: usize| b.get(k).is_some_and(u8::is_ascii_hexdigit);
    if !hex(i) || !hex(i + 1) {
        return None;
    }
    let sep = *b.get(i + 2)?;
    if sep == b':' || sep == b'-' {
        return (0..5).all(|g| b.get(i + 2 + 3 * g) == Some(&sep) && hex(i + 3 + 3 * g) && hex(i + 4 + 3 * g)).then_some(i + 17);
    }
    let quad = |k: usize| (k..k + 4).all(hex);
    (quad(i) && b.get(i + 4) == Some(&b'.') && quad(i + 5) && b.get(i + 9) == Some(&b'.') && quad(i + 10)).then_some(i + 14)
}

/// Matches of the MAC shape, left to right.
fn macs(b: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i + 14 <= b.len() {
            let c2 = b[i + 2];
            if (c2 == b':' || c2 == b'-' || b[i + 4] == b'.') && b[i].is_ascii_hexdigit() {
                if let Some(e) = mac_at(b, i) {
                    let s = i;
                    i = e;
                    return Some((s, e));
                }
            }
            i += 1;
        }
        None
    })
}

/// Matches of the bare MAC shape: a whole ASCII word of twelve hex digits.
fn bare_macs(b: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    ascii_words(b).filter(move |&(s, e)| e - s == 12 && b[s..e].iter().all(u8::is_ascii_hexdigit))
}

/// Words that make a bare or decimal-only MAC candidate a MAC address.
const MAC_WORDS: &[&str] = &["mac", "mac-adresse", "mac-address", "hardware", "router", "modem", "gerät", "device", "adapter", "wlan", "wifi", "ethernet", "lan", "address", "adresse"];

impl Recognizer for Net {
    fn kinds(&self) -> &'static [Kind] {
        &[Kind::IpAddress, Kind::MacAddress]
    }

    fn find(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let b = input.bytes;
        if !b.iter().any(u8::is_ascii_digit) {
            return;
        }
        let has_dot = b.contains(&b'.');
        let has_colon = b.contains(&b':');
        if has_dot {
            for (s, e) in ipv4s(b) {
                if !bounded(b, s, e) || dotted_continues(b, s, e) || !ipv4_ok(&b[s..e]) {
                    continue;
                }
                let mut c = Candidate::new(Kind::IpAddress, s, e, 0.8);
                c.subtype = Some("ipv4");
                out.push(c);
            }
        }
        if has_colon {
            ipv6(input, out);
        }
        if has_colon || has_dot || b.contains(&b'-') {
            for (s, e) in macs(b) {
                if !mac_bounded(b, s, e) {
                    continue;
                }
                let v = &b[s..e];
                let sep = v[2];
                let has_letter = v.iter().any(u8::is_ascii_alphabetic);
                let score = if sep == b':' || has_letter {
                    0.9
                } else if Window::around(input.text, s, e).has(MAC_WORDS, 4, 0) {
                    0.7
                } else {
                    0.3
                };
                out.push(Candidate::new(Kind::MacAddress, s, e, score));
            }
        }
        for (s, e) in bare_macs(b) {
            let v = &b[s..e];
            if !v.iter().any(u8::is_ascii_alphabetic) || !v.iter().any(u8::is_ascii_digit) {
                continue;
            }
            if Window::around(input.text, s, e).has(MAC_WORDS, 4, 0) {
                out.push(Candidate::new(Kind::MacAddress, s, e, 0.65));
            }
        }
    }
}

/// True if the dotted run goes on (`1.2.3.4.5`, `.1.2.3.4`): not a single address.
fn dotted_continues(b: &[u8], s: usize, e: usize) -> bool {
    let before = s >= 2 && b[s - 1] == b'.' && b[s - 2].is_ascii_alphanumeric();
    let after = e + 1 < b.len() && b[e] == b'.' && b[e + 1].is_ascii_alphanumeric();
    before || after
}

fn ipv4_ok(v: &[u8]) -> bool {
    v.split(|&c| c == b'.').all(|o| {
        !o.is_empty() && !(o.len() > 1 && o[0] == b'0') && o.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')) <= 255
    })
}

fn is_hex_colon(c: u8) -> bool {
    c.is_ascii_hexdigit() || c == b':' || c == b'.'
}

/// IPv6: maximal runs of hex digits, colons and dots, parsed by the standard library.
fn ipv6(input: &Input<'_>, out: &mut Vec<Candidate>) {
    let b = input.bytes;
    let mut i = 0;
    while i < b.len() {
        if !is_hex_colon(b[i]) {
            // Only a segment of hex digits, colons and dots that holds a colon can hold
            // an address: go to the start of the next one.
            let Some(off) = b[i..].iter().position(|&c| c == b':') else { break };
            let mut s = i + off;
            while is_hex_colon(b[s - 1]) {
                s -= 1;
            }
            i = s;
            continue;
        }
        if i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] >= 0x80 || b[i - 1] == b'_') {
            i += 1;
            continue;
        }
        let s = i;
        while i < b.len() && is_hex_colon(b[i]) {
            i += 1;
        }
        let mut e = i;
        // A sentence can end right after an address: drop a trailing '.' or a single ':'.
        while e > s && b[e - 1] == b'.' {
            e -= 1;
        }
        if e > s + 1 && b[e - 1] == b':' && b[e - 2] != b':' {
            e -= 1;
        }
        if i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] >= 0x80 || b[i] == b'_') {
            continue;
        }
        let v = &b[s..e];
        if v.iter().filter(|&&c| c == b':').count() < 2 {
            continue;
        }
        let Ok(text) = std::str::from_utf8(v) else { continue };
        if text.parse::<Ipv6Addr>().is_err() {
            continue;
        }
        let groups = text.split(':').filter(|g| !g.is_empty()).count();
        let score = if groups >= 3 || (text.contains("::") && groups >= 2 && v.iter().any(u8::is_ascii_alphabetic)) { 0.9 } else { 0.4 };
        let mut c = Candidate::new(Kind::IpAddress, s, e, score);
        c.subtype = Some("ipv6");
        out.push(c);
    }
}

/// A MAC address must not be part of a longer hex/separator run.
fn mac_bounded(b: &[u8], s: usize, e: usize) -> bool {
    let glued = |i: usize, j: usize| b[i] == b[j] && (b[i] == b':' || b[i] == b'-' || b[i] == b'.');
    let before_ok = s == 0 || {
        let p = b[s - 1];
        !(p.is_ascii_alphanumeric() || p >= 0x80 || (s >= 2 && b[s - 2].is_ascii_hexdigit() && glued(s - 1, s + 2)))
    };
    let after_ok = e >= b.len() || {
        let n = b[e];
        !(n.is_ascii_alphanumeric() || n >= 0x80 || (e + 1 < b.len() && b[e + 1].is_ascii_hexdigit() && glued(e, e - 3)))
    };
    before_ok && after_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognize::re;
    use proptest::prelude::*;

    fn same_as_patterns(t: &[u8]) {
        let spans = |r: &str| re(r).find_iter(t).map(|m| (m.start(), m.end())).collect::<Vec<_>>();
        let show = String::from_utf8_lossy(t);
        assert_eq!(ipv4s(t).collect::<Vec<_>>(), spans(r"[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}"), "{show:?}");
        assert_eq!(macs(t).collect::<Vec<_>>(), spans(r"(?i)[0-9a-f]{2}(?::[0-9a-f]{2}){5}|[0-9a-f]{2}(?:-[0-9a-f]{2}){5}|[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}"), "{show:?}");
        assert_eq!(bare_macs(t).collect::<Vec<_>>(), spans(r"(?i)\b[0-9a-f]{12}\b"), "{show:?}");
    }

    #[test]
    fn hand_written_shapes_examples() {
        for t in ["1234.5.6.7890 1.2.3.4.5.6.7.8 12.3.4", "00:1a:2b:3c:4d:5e:6f 00-1A-2B-3C-4D-5E 0011.2233.4455.6677", "001a2b3c4d5e 001a2b3c4d5eF", "ab:cd-ef:01:23:45:67:89:ab:cd:ef"] {
            same_as_patterns(t.as_bytes());
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn hand_written_shapes_match_the_patterns(t in proptest::collection::vec(proptest::sample::select(b"0123456789aAfFgx..::--_ \xC3".to_vec()), 0..60)) {
            same_as_patterns(&t);
        }
        #[test]
        fn hand_written_mac_matches_the_pattern(parts in proptest::collection::vec(proptest::sample::select(vec!["0a", "F9", ":", ":", "-", "-", ".", "ab12", "x", "5", " "]), 0..40)) {
            same_as_patterns(parts.concat().as_bytes());
        }
        #[test]
        fn hand_written_ipv4_matches_the_pattern(t in proptest::collection::vec(proptest::sample::select(b"0123456789....x".to_vec()), 0..40)) {
            same_as_patterns(&t);
        }
    }


    /// The scan before it skipped to colons: every byte was a possible start.
    fn ipv6_reference(b: &[u8]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            if !is_hex_colon(b[i]) || (i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] >= 0x80 || b[i - 1] == b'_')) {
                i += 1;
                continue;
            }
            let s = i;
            while i < b.len() && is_hex_colon(b[i]) {
                i += 1;
            }
            let mut e = i;
            while e > s && b[e - 1] == b'.' {
                e -= 1;
            }
            if e > s + 1 && b[e - 1] == b':' && b[e - 2] != b':' {
                e -= 1;
            }
            if i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] >= 0x80 || b[i] == b'_') {
                continue;
            }
            let v = &b[s..e];
            if v.iter().filter(|&&c| c == b':').count() < 2 {
                continue;
            }
            let Ok(text) = std::str::from_utf8(v) else { continue };
            if text.parse::<Ipv6Addr>().is_ok() {
                out.push((s, e));
            }
        }
        out
    }

    fn ipv6_spans(t: &str) -> Vec<(usize, usize)> {
        let input = Input { text: t, bytes: t.as_bytes(), field: crate::field::FieldClass::default() };
        let mut out = Vec::new();
        ipv6(&input, &mut out);
        out.iter().map(|c| (c.start, c.end)).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn ipv6_skipping_finds_the_same(parts in proptest::collection::vec(proptest::sample::select(vec!["fe80", "1", "a", ":", ":", "::", ".", "x", " ", "_", "ü", "192.168.0.1", "g"]), 0..30)) {
            let t = parts.concat();
            prop_assert_eq!(ipv6_spans(&t), ipv6_reference(t.as_bytes()));
        }
    }

    #[test]
    fn ipv4_octets() {
        assert!(ipv4_ok(b"192.168.0.1"));
        assert!(ipv4_ok(b"255.255.255.255"));
        assert!(!ipv4_ok(b"256.1.1.1"));
        assert!(!ipv4_ok(b"01.2.3.4"));
    }

    #[test]
    fn bounded_helpers() {
        assert!(dotted_continues(b"1.2.3.4.5", 0, 7));
        assert!(!dotted_continues(b"ip 1.2.3.4.", 3, 10));
        let t = b"aa:00:1a:2b:3c:4d:5e";
        assert!(!mac_bounded(t, 3, t.len()));
        let t = b"MAC 00:1a:2b:3c:4d:5e.";
        assert!(mac_bounded(t, 4, t.len() - 1));
    }
}
