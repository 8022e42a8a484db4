//! Network identifiers: IPv4 and IPv6 addresses, MAC addresses (EUI-48).
//!
//! - IPv4: four dotted decimal octets 0–255. An octet with a leading zero (`01`) is
//!   rejected: that is how dates (`12.03.01.05`), section numbers and zero-padded codes
//!   look, and RFC 6943 calls such forms ambiguous. A dotted run of more than four
//!   numbers (`1.3.6.1.4.1`, an OID) is not an address, and neither is a run glued to a
//!   letter (`v1.2.3.4`). A dotted quad within three words after a version word
//!   ("Firmware 3.2.1.18", "Update auf 7.57.1.2", "la mise à jour 3.14.2.7") is a
//!   version or build number unless an IP word ("IP", "Adresse", "server") is nearer.
//! - Not personal, so not reported: the documentation ranges of RFC 5737
//!   (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) and RFC 3849 (2001:db8::/32), and
//!   the well-known public DNS resolvers (8.8.8.8, 8.8.4.4, 1.1.1.1, 1.0.0.1, 9.9.9.9),
//!   and the gateway addresses of private networks (RFC 1918 ranges, host `.1` or
//!   `.254`: 192.168.0.1, 192.168.178.1, 10.0.0.1), which home routers ship with.
//! - IPv6: every maximal run of hex digits, `:` and `.` with at least two colons is
//!   parsed by `std::net::Ipv6Addr` (eight groups, or fewer with one `::`, optionally
//!   ending in an embedded IPv4 address). A short compressed form with fewer than three
//!   groups (`fe80::1`, `12::30`) gets a score that needs context.
//! - MAC: six hex pairs separated by `:` or `-`, or three hex quads separated by `.`
//!   (Cisco). Six hex pairs separated by `.` or a space (`9c.3d.cf.42.a1.77`,
//!   `A4 5E 60 C1 7D 02`) need a letter a–f, and a MAC word earlier on the line (or a
//!   MAC field): without them they are OIDs, phone numbers or codes. A hyphen/dot form
//!   made only of decimal digits looks like a phone number
//!   or a reference and needs context; twelve hex digits without separators are only a
//!   MAC address with a letter and a digit in them *and* a MAC word nearby.
//!
//! All three scan the bytes once.

use super::util::{bounded, is_word, runs, Reach, Recognizer};
use crate::case::Lowercase;
use crate::context::{self, Window};
use crate::entity::Kind;
use crate::types::{Candidate, Input};
use std::net::Ipv6Addr;

pub(super) struct Net;

impl Net {
    /// The kinds this recogniser finds (the registry builds it only for a scanner with
    /// one of them on).
    pub(super) const KINDS: &'static [Kind] = &[Kind::IpAddress, Kind::MacAddress];

    pub(super) fn new() -> Net {
        Net
    }
}

/// The bytes the shapes are made of, and their shortest match (`1.1.1.1`, 12 hex
/// digits): only runs of such bytes are searched.
const IPV4_MIN: usize = 7;
const MAC_MIN: usize = 12;

// The IPv4 and MAC shapes are matched by hand (`ipv4_spans`, `mac_spans`): as patterns
// (`[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}` and the MAC alternation in
// `mac_at`) the automaton ran over every run of digits and dots. The tests below check
// the hand-written forms against those patterns.

/// The length of the run of ASCII digits at the start of `b`.
fn digit_run(b: &[u8]) -> usize {
    b.iter().position(|c| !c.is_ascii_digit()).unwrap_or(b.len())
}

/// The end of `[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}` matched at `s`. Digits
/// and dots are disjoint, so each of the first three octets must be the whole digit run
/// (one to three digits) before its dot; the last takes up to three digits.
fn ipv4_at(b: &[u8], s: usize) -> Option<usize> {
    let mut k = s;
    for _ in 0..3 {
        let n = digit_run(&b[k..]);
        if n == 0 || n > 3 || b.get(k + n) != Some(&b'.') {
            return None;
        }
        k += n + 1;
    }
    let n = digit_run(&b[k..]);
    (n > 0).then(|| k + n.min(3))
}

/// Leftmost-first matches of the IPv4 pattern in the runs of digits and dots. In a
/// digit run `a..r` only the start `max(a, r - 3)` can match (an earlier one makes the
/// first octet longer than three digits), and every later start of the run reads the
/// same octets after `r`: if that start fails, the whole run does.
fn ipv4_spans(b: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    runs(b, IPV4_MIN, ipv4_byte).flat_map(move |(lo, hi)| {
        let mut i = lo;
        std::iter::from_fn(move || {
            while i < hi {
                if !b[i].is_ascii_digit() {
                    i += 1;
                    continue;
                }
                let r = i + digit_run(&b[i..hi]);
                let s = i.max(r.saturating_sub(3));
                if let Some(e) = ipv4_at(b, s) {
                    i = e;
                    return Some((s, e));
                }
                i = r;
            }
            None
        })
    })
}

/// True if `b[k..k + 2]` are two hex digits.
fn hex2(b: &[u8], k: usize) -> bool {
    k + 2 <= b.len() && b[k].is_ascii_hexdigit() && b[k + 1].is_ascii_hexdigit()
}

/// True if six hex pairs joined by `sep` start at `s`.
fn hex_pairs(b: &[u8], s: usize, sep: u8) -> bool {
    hex2(b, s) && (1..6).all(|g| b.get(s + 3 * g - 1) == Some(&sep) && hex2(b, s + 3 * g))
}

/// The end of the MAC pattern matched at `s`, its alternatives tried in order:
/// `[0-9a-f]{2}(?::[0-9a-f]{2}){5}`, the same with `-`, `[0-9a-f]{4}(?:\.[0-9a-f]{4}){2}`,
/// then, bounded by `\b` on both sides, six pairs joined by `.` or by a space, and
/// `[0-9a-f]{12}` (ASCII case ignored). Each alternative has one length, and the byte
/// after the first two hex digits tells which one can match: there is nothing to try
/// twice.
fn mac_at(b: &[u8], s: usize) -> Option<usize> {
    if !hex2(b, s) {
        return None;
    }
    let ends_word = |e: usize| e == b.len() || !is_word(b[e]);
    let starts_word = s == 0 || !is_word(b[s - 1]);
    match *b.get(s + 2)? {
        c @ (b':' | b'-') => hex_pairs(b, s, c).then_some(s + 17),
        c @ (b'.' | b' ') => (starts_word && hex_pairs(b, s, c) && ends_word(s + 17)).then_some(s + 17),
        c if c.is_ascii_hexdigit() => {
            let quad = |k: usize| hex2(b, k) && hex2(b, k + 2);
            if b.get(s + 4) == Some(&b'.') {
                (quad(s) && quad(s + 5) && b.get(s + 9) == Some(&b'.') && quad(s + 10)).then_some(s + 14)
            } else {
                let e = s + 12;
                (starts_word && e <= b.len() && b[s..e].iter().all(u8::is_ascii_hexdigit) && ends_word(e)).then_some(e)
            }
        }
        _ => None,
    }
}

/// Leftmost-first matches of the MAC pattern in the runs of hex digits and separators.
fn mac_spans(b: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    runs(b, MAC_MIN, mac_byte).flat_map(move |(lo, hi)| {
        let mut i = lo;
        std::iter::from_fn(move || {
            while i + MAC_MIN <= hi {
                let s = i;
                if let Some(e) = mac_at(b, s) {
                    i = e;
                    return Some((s, e));
                }
                i += 1;
            }
            None
        })
    })
}

fn ipv4_byte(c: u8) -> bool {
    c.is_ascii_digit() || c == b'.'
}

fn mac_byte(c: u8) -> bool {
    c.is_ascii_hexdigit() || matches!(c, b':' | b'-' | b'.' | b' ')
}

/// Words that make a bare or decimal-only MAC candidate a MAC address, besides the
/// MAC words of the context step (`context::positive(Kind::MacAddress)`).
const MORE_MAC_WORDS: &[&str] = &["mac-address", "modem", "wlan", "wifi", "ethernet", "lan", "address", "adresse"];

/// True if a MAC word stands within four words before `s..e` of `text`.
fn mac_word_before(text: &str, s: usize, e: usize) -> bool {
    let w = Window::around(text, s, e);
    w.has(context::positive(Kind::MacAddress), 4, 0) || w.has(MORE_MAC_WORDS, 4, 0)
}

/// True if a MAC word stands earlier on the line of `s`, within 80 bytes: a second
/// address in "neue MAC 9c.3d.cf.42.a1.77 (alt: 9c.3d.cf.42.0b.13)" still has it.
fn mac_word_on_line(text: &str, s: usize) -> bool {
    let line = &text[crate::span::within(text, s.saturating_sub(80), s)];
    let line = line.rfind('\n').map_or(line, |n| &line[n + 1..]);
    let is_mac_word = |w: &str| {
        context::matches_any(w, context::positive(Kind::MacAddress)) || context::matches_any(w, MORE_MAC_WORDS)
    };
    // A compound counts by its parts too: "WLAN-Adapter".
    line.split(|c: char| !(c.is_alphanumeric() || c == '-')).any(|w| {
        let w = w.lowercase();
        is_mac_word(&w) || w.split('-').any(is_mac_word)
    })
}

/// Words that make the dotted quad after them a version or build number.
const VERSION_WORDS: &[&str] = &[
    "version",
    "versión",
    "versione",
    "versão",
    "versie",
    "wersja",
    "ver",
    "v",
    "firmware",
    "fw",
    "build",
    "update",
    "upgrade",
    "release",
    "patch",
    "stand",
    "software",
    "app",
    "treiber",
    "driver",
    "bios",
    "aggiornamento",
    "actualización",
    "actualizacion",
    "atualização",
];

/// Words that make the dotted quad after them an IP address, besides the IP words of
/// the context step.
const MORE_IP_WORDS: &[&str] = &["ping", "gateway", "dns", "wan", "lan", "host", "dhcp", "dirección", "indirizzo"];

/// True if the dotted quad at `s..e` follows a version word (within three words) with
/// no IP word between them.
fn version_number(text: &str, s: usize, e: usize) -> bool {
    let w = Window::around(text, s, e);
    let words: Vec<&str> = w.before.iter().take(4).map(String::as_str).collect();
    let is_version = |i: usize| {
        // "mise à jour": "jour" counts only after "mise à".
        if words[i] == "jour" {
            return i + 2 < words.len() && matches!(words[i + 1], "à" | "a") && words[i + 2] == "mise";
        }
        context::matches_any(words[i], VERSION_WORDS)
    };
    let Some(v) = (0..words.len().min(3)).find(|&i| is_version(i)) else { return false };
    // Compounds count too: "Router-IP", "WAN-Adresse".
    let ip_word = |w: &str| {
        context::matches_any(w, context::positive(Kind::IpAddress))
            || context::matches_any(w, MORE_IP_WORDS)
            || w.ends_with("-ip")
            || w.ends_with("-adresse")
    };
    !(0..v).any(|i| ip_word(words[i]))
}

/// RFC 5737 documentation ranges, the well-known public resolvers and the gateway
/// addresses of private networks: not personal.
fn ipv4_non_personal(a: std::net::Ipv4Addr) -> bool {
    let o = a.octets();
    matches!((o[0], o[1], o[2]), (192, 0, 2) | (198, 51, 100) | (203, 0, 113))
        || matches!(o, [8, 8, 8, 8] | [8, 8, 4, 4] | [1, 1, 1, 1] | [1, 0, 0, 1] | [9, 9, 9, 9])
        || gateway(a)
}

/// A router's address in a private network (RFC 1918): the first or last host of the
/// subnet, `.1` or `.254` (192.168.0.1, 192.168.178.1, 10.0.0.1, 192.168.1.254). Home
/// routers ship with these, so millions of networks share each of them; they name a
/// router model, not a person's device.
fn gateway(a: std::net::Ipv4Addr) -> bool {
    a.is_private() && matches!(a.octets()[3], 1 | 254)
}

/// RFC 3849 documentation prefix 2001:db8::/32, or an embedded non-personal IPv4.
fn ipv6_non_personal(a: Ipv6Addr) -> bool {
    let g = a.segments();
    (g[0] == 0x2001 && g[1] == 0x0db8) || a.to_ipv4_mapped().is_some_and(ipv4_non_personal)
}

fn parse_v4(v: &[u8]) -> Option<std::net::Ipv4Addr> {
    std::str::from_utf8(v).ok()?.parse().ok()
}

impl Recognizer for Net {
    /// A word among the four before an address; a MAC word at most 80 bytes before it on its line.
    fn reach(&self) -> Reach {
        Reach::NEAR
    }

    fn kinds(&self) -> &'static [Kind] {
        Self::KINDS
    }

    fn find(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let b = input.bytes;
        let has_dot = b.contains(&b'.');
        let has_colon = b.contains(&b':');
        if has_dot {
            for (s, e) in ipv4_spans(b) {
                if !bounded(b, s, e) || dotted_continues(b, s, e) || !ipv4_ok(&b[s..e]) {
                    continue;
                }
                if parse_v4(&b[s..e]).is_some_and(ipv4_non_personal) || version_number(input.text, s, e) {
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
        for (s, e) in mac_spans(b) {
            let v = &b[s..e];
            if v.len() == 12 {
                // Twelve hex digits without separators: only with a letter, a digit
                // and a MAC word nearby.
                if v.iter().any(u8::is_ascii_alphabetic)
                    && v.iter().any(u8::is_ascii_digit)
                    && mac_word_before(input.text, s, e)
                {
                    out.push(Candidate::new(Kind::MacAddress, s, e, 0.65));
                }
                continue;
            }
            if !mac_bounded(b, s, e) {
                continue;
            }
            let sep = v[2];
            let has_letter = v.iter().any(u8::is_ascii_alphabetic);
            if v.len() == 17 && matches!(sep, b'.' | b' ') {
                // Pairs separated by dots or spaces: a letter and a MAC word or field.
                let cue = input.field.expects == Some(Kind::MacAddress) || mac_word_on_line(input.text, s);
                if has_letter && cue {
                    out.push(Candidate::new(Kind::MacAddress, s, e, 0.7));
                }
                continue;
            }
            let score = if sep == b':' || has_letter {
                0.9
            } else if mac_word_before(input.text, s, e) {
                0.7
            } else {
                0.3
            };
            out.push(Candidate::new(Kind::MacAddress, s, e, score));
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
        !o.is_empty()
            && (o.len() == 1 || o[0] != b'0')
            && o.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')) <= 255
    })
}

fn is_hex_colon(c: u8) -> bool {
    c.is_ascii_hexdigit() || c == b':' || c == b'.'
}

/// IPv6: maximal runs of hex digits, colons and dots, parsed by the standard library.
fn ipv6(input: &Input<'_>, out: &mut Vec<Candidate>) {
    let b = input.bytes;
    let glued = |c: u8| c.is_ascii_alphanumeric() || c >= 0x80 || c == b'_';
    let mut i = 0;
    // Jump from colon to colon (rare in prose) and widen each to its run.
    while let Some(p) = crate::bytes::find_byte(&b[i..], b':') {
        let mut s = i + p;
        while s > i && is_hex_colon(b[s - 1]) {
            s -= 1;
        }
        i += p;
        while i < b.len() && is_hex_colon(b[i]) {
            i += 1;
        }
        if s > 0 && glued(b[s - 1]) {
            continue;
        }
        let mut e = i;
        // A sentence can end right after an address: drop a trailing '.' or a single ':'.
        while e > s && b[e - 1] == b'.' {
            e -= 1;
        }
        if e > s + 1 && b[e - 1] == b':' && b[e - 2] != b':' {
            e -= 1;
        }
        if i < b.len() && glued(b[i]) {
            continue;
        }
        let v = &b[s..e];
        if v.iter().filter(|&&c| c == b':').count() < 2 {
            continue;
        }
        let Ok(text) = std::str::from_utf8(v) else { continue };
        let Ok(addr) = text.parse::<Ipv6Addr>() else { continue };
        if ipv6_non_personal(addr) {
            continue;
        }
        let groups = text.split(':').filter(|g| !g.is_empty()).count();
        let score = if groups >= 3 || (text.contains("::") && groups >= 2 && v.iter().any(u8::is_ascii_alphabetic)) {
            0.9
        } else {
            0.4
        };
        let mut c = Candidate::new(Kind::IpAddress, s, e, score);
        c.subtype = Some("ipv6");
        out.push(c);
    }
}

/// A MAC address must not be part of a longer hex/separator run.
fn mac_bounded(b: &[u8], s: usize, e: usize) -> bool {
    let glued = |i: usize, j: usize| b[i] == b[j] && matches!(b[i], b':' | b'-' | b'.' | b' ');
    // A space glues only a whole hex pair (a two-letter word): "MAC a0 1b …" is bounded.
    let pair = |i: usize, j: Option<usize>| {
        b[i] != b' '
            || j.is_some_and(|j| {
                let word = |k: usize| k < b.len() && b[k].is_ascii_alphanumeric();
                word(j) && b[j].is_ascii_hexdigit() && !(if j < i { j > 0 && word(j - 1) } else { word(j + 1) })
            })
    };
    let before_ok = s == 0 || {
        let p = b[s - 1];
        !(p.is_ascii_alphanumeric()
            || p >= 0x80
            || (s >= 2 && b[s - 2].is_ascii_hexdigit() && glued(s - 1, s + 2) && pair(s - 1, s.checked_sub(3))))
    };
    let after_ok = e >= b.len() || {
        let n = b[e];
        !(n.is_ascii_alphanumeric()
            || n >= 0x80
            || (e + 1 < b.len() && b[e + 1].is_ascii_hexdigit() && glued(e, e - 3) && pair(e, Some(e + 2))))
    };
    before_ok && after_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The hand-written scans find what the patterns they replace find.
    fn same_as_whole_text(t: &[u8]) {
        use crate::recognize::util::reference as re;
        static PATTERNS: std::sync::OnceLock<(regex::bytes::Regex, regex::bytes::Regex)> = std::sync::OnceLock::new();
        let (ipv4, mac) = PATTERNS.get_or_init(|| {
            (
                re(r"[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}"),
                re(r"(?i)[0-9a-f]{2}(?::[0-9a-f]{2}){5}|[0-9a-f]{2}(?:-[0-9a-f]{2}){5}|[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}|\b[0-9a-f]{2}(?:\.[0-9a-f]{2}){5}\b|\b[0-9a-f]{2}(?: [0-9a-f]{2}){5}\b|\b[0-9a-f]{12}\b"),
            )
        });
        let whole = |re: &regex::bytes::Regex| re.find_iter(t).map(|m| (m.start(), m.end())).collect::<Vec<_>>();
        assert_eq!(ipv4_spans(t).collect::<Vec<_>>(), whole(ipv4), "{:?}", String::from_utf8_lossy(t));
        assert_eq!(mac_spans(t).collect::<Vec<_>>(), whole(mac), "{:?}", String::from_utf8_lossy(t));
    }

    #[test]
    fn run_search_examples() {
        for t in [
            "192.168.0.1",
            "x1.1.1.1y",
            "1.2.3.4.5.6.7",
            "00:1A:2b:3C:4d:5E",
            "001a.2b3c.4d5e",
            "001A2B3C4D5E",
            "g001A2B3C4D5E",
            "001A2B3C4D5E_",
            "00-1A-2B-3C-4D-5E-6F",
            "v1.2.3.4 and 10.0.0.255",
            "1234.5.6.7890 12.345.6.7 1.2.3.4.5.6.7.8 .1.2.3.4",
            "001a.2b3c.4d5e.6f7a 00.1a.2b.3c.4d.5e 00 1a 2b 3c 4d 5e_ 00:1a:2b:3c:4d:5e:6f:70",
            "aabbccddeeff00 x00112233445566",
            "",
        ] {
            same_as_whole_text(t.as_bytes());
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn run_search_matches_whole_text(t in proptest::collection::vec(proptest::sample::select(b"019aFg:.-_ \xC3".to_vec()), 0..48)) {
            same_as_whole_text(&t);
        }

        /// Pieces that make whole addresses likely.
        #[test]
        fn hand_scans_match_the_patterns(parts in proptest::collection::vec(proptest::sample::select(vec![
            "1", "12", "255", "1234", ".", "a0", "Fe", "0b1c", ":", "-", " ", "_", "x", "\u{e4}",
        ]), 0..30)) {
            same_as_whole_text(parts.concat().as_bytes());
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
