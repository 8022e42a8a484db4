//! Small text helpers shared by the parts of the web recogniser.

use crate::case::Lowercase;

/// The end of the run of host-label bytes (ASCII letters, digits, hyphens) from `p`.
pub(super) fn label_run_end(b: &[u8], p: usize) -> usize {
    p + b[p..].iter().take_while(|&&c| c.is_ascii_alphanumeric() || c == b'-').count()
}

/// The bytes as a lower-cased string (lossy for broken UTF-8).
pub(super) fn lower(b: &[u8]) -> String {
    String::from_utf8_lossy(b).lowercase()
}

/// True if `b[i]` may not precede an `@handle` / URL (it continues a word or address).
pub(super) fn glued_before(b: &[u8], i: usize) -> bool {
    i > 0 && {
        let p = b[i - 1];
        p.is_ascii_alphanumeric()
            || p >= 0x80
            || matches!(p, b'.' | b'_' | b'-' | b'+' | b'/' | b'@' | b'%' | b'=' | b'&' | b'\'')
    }
}

/// Drops sentence punctuation from the end of a URL at `s..e`.
pub(super) fn trim_url_end(b: &[u8], s: usize, mut e: usize) -> usize {
    while e > s && matches!(b[e - 1], b'.' | b',' | b'-' | b';' | b':' | b'!' | b'?' | b')' | b']' | b'\'' | b'"') {
        e -= 1;
    }
    e
}
/// `example.com`, `gmx.at`: a host name rather than a handle.
pub(super) fn looks_like_domain(s: &str) -> bool {
    s.rsplit_once('.').is_some_and(|(h, tld)| {
        !h.is_empty()
            && matches!(
                tld,
                "com"
                    | "de"
                    | "at"
                    | "ch"
                    | "net"
                    | "org"
                    | "eu"
                    | "io"
                    | "info"
                    | "co"
                    | "uk"
                    | "fr"
                    | "it"
                    | "es"
                    | "nl"
                    | "be"
                    | "social"
            )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains() {
        assert!(looks_like_domain("example.com"));
        assert!(!looks_like_domain("anna.gruber"));
    }
}
