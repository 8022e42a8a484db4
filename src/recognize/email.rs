//! E-mail addresses (RFC 5321 dot-atom local part, DNS domain with a letter TLD).
//!
//! No validator exists for a mailbox, so the pattern is strict on the domain: at least
//! one dot, labels of letters/digits/hyphens not starting or ending with a hyphen, a
//! TLD of 2–24 letters. Internationalised local parts and domains are accepted as
//! UTF-8 letters.

use super::util::{re, Recognizer};
use crate::entity::Kind;
use crate::types::{Candidate, Input};
use regex::bytes::Regex;

pub(super) struct Email {
    re: Regex,
}

impl Email {
    pub(super) fn new() -> Email {
        // Local part: dot-atom; domain: labels; both allow UTF-8 (bytes >= 0x80).
        Email {
            re: re(
                r"(?i)[a-z0-9\x80-\xff!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9\x80-\xff!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9\x80-\xff](?:[a-z0-9\x80-\xff-]{0,61}[a-z0-9\x80-\xff])?\.)+[a-z]{2,24}",
            ),
        }
    }
}

impl Recognizer for Email {
    fn kinds(&self) -> &'static [Kind] {
        &[Kind::Email]
    }

    fn find(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        if !input.bytes.contains(&b'@') {
            return;
        }
        for m in self.re.find_iter(input.bytes) {
            let (mut s, e) = (m.start(), m.end());
            // Leading quote/apostrophe belongs to the sentence, not the address.
            while s < e && matches!(input.bytes[s], b'\'' | b'`' | b'{' | b'|' | b'}') {
                s += 1;
            }
            if !input.text.is_char_boundary(s) || !input.text.is_char_boundary(e) {
                continue;
            }
            let mut c = Candidate::new(Kind::Email, s, e, 0.95);
            c.validated = false;
            out.push(c);
        }
    }
}
