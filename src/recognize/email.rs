//! E-mail addresses (RFC 5321 dot-atom local part, DNS domain with a letter TLD).
//!
//! No validator exists for a mailbox, so the pattern is strict on the domain: at least
//! one dot, labels of letters/digits/hyphens not starting or ending with a hyphen, a
//! TLD of 2–24 letters. Internationalised local parts and domains are accepted as
//! UTF-8 letters.
//!
//! Written-out forms are read too, the whole written form being the span:
//! - bracketed `name[at]example.de`, `name (at) example (dot) com`, `{at}`, `(ät)`,
//!   `(arroba)`, `(chez)` — the bracket makes the intent plain, so always;
//! - bare `name at example dot com` only with an e-mail word (mail, e-mail, correo,
//!   courriel, Mail-Adresse) shortly before it on the same line, or in an e-mail field:
//!   in prose `at` is an ordinary word. The domain must contain the word `dot`.
//!
//! Not a person's address, so not reported (except in a field that asks for an e-mail
//! address): a role mailbox — a local part made only of function words (`service@`,
//! `billing@`, `customer.care@`, `no-reply@`; see `words::company::ROLE_MAILBOXES`) at a
//! domain that is not a personal mail provider. In a `key=value` dump
//! (`email=anna@example.org`) the key and `=` are not part of the address.

use super::util::{re, Reach, Recognizer};
use crate::case::Lowercase;
use crate::entity::Kind;
use crate::recognize::util::Pattern;
use crate::types::{Candidate, Input};
use crate::words::company::{PERSONAL_MAIL_DOMAINS, ROLE_MAILBOXES};

mod shape;

pub(super) struct Email {
    bracketed: Pattern,
    bare: Pattern,
}

/// A written domain separator: `.` or a bracketed `dot` word.
const SEP: &str = r"(?:\.|[ \t]*[\[({][ \t]*(?:dot|punkt|punto|point)[ \t]*[\])}][ \t]*)";

/// Local parts of the bare form that are ordinary words (`email me at …`).
const NOT_LOCAL: &[&str] =
    &["me", "us", "you", "him", "her", "them", "it", "is", "was", "or", "and", "back", "now", "home", "work"];

/// E-mail words that make a bare `x at y dot z` an address.
const MAIL_WORDS: &[&str] = &[
    "mail",
    "email",
    "e-mail",
    "mailadresse",
    "mail-adresse",
    "e-mail-adresse",
    "email-adresse",
    "emailadresse",
    "correo",
    "courriel",
];

impl Email {
    /// The kinds this recogniser finds (the registry builds it only for a scanner with
    /// one of them on).
    pub(super) const KINDS: &'static [Kind] = &[Kind::Email];

    pub(super) fn new() -> Email {
        // Local part: dot-atom; domain: labels; both allow UTF-8 (bytes >= 0x80).
        Email {
            bracketed: re(&format!(
                r"(?i)\b[a-z0-9][a-z0-9._+-]*[ \t]*[\[({{][ \t]*(?:at|ät|Ät|arroba|chez)[ \t]*[\])}}][ \t]*(?:[a-z0-9-]+{SEP})+[a-z]{{2,24}}\b"
            )),
            bare: re(
                r"(?i)\b[a-z0-9][a-z0-9._+-]*(?:[ \t]+dot[ \t]+[a-z0-9_+-]+)*[ \t]+at[ \t]+(?:[a-z0-9-]+(?:\.|[ \t]+dot[ \t]+))+[a-z]{2,24}\b",
            ),
        }
    }

    /// Written-out forms (see the module comment).
    fn written(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let field = input.field.expects == Some(Kind::Email);
        let f = input.folded();
        let bracketed = bracketed_at(f).then(|| in_lines(&self.bracketed, input.text, f, bracketed_at));
        for (s, e) in bracketed.into_iter().flatten() {
            let t = &input.text[s..e];
            let local = t.split(['[', '(', '{']).next().unwrap_or(t).trim();
            // The domain follows the bracket that closes the written `at`.
            let domain = t.find([']', ')', '}']).map_or("", |p| &t[p + 1..]);
            if !field && role_mailbox(local, &written_domain(domain)) {
                continue;
            }
            out.push(Candidate::new(Kind::Email, s, e, 0.9));
        }
        // A bare form needs ` at `, a ` dot ` word in its domain and an e-mail word
        // (or the field); a text without them is not searched.
        let bare = field || MAIL_STEMS.iter().any(|w| crate::bytes::contains(f, w));
        let bare = bare && spaced_word(f, b"at") && spaced_word(f, b"dot");
        let found =
            bare.then(|| in_lines(&self.bare, input.text, f, |l| spaced_word(l, b"at") && spaced_word(l, b"dot")));
        for (s, e) in found.into_iter().flatten() {
            let t = &input.text[s..e];
            let lower = t.to_ascii_lowercase();
            let Some(at) = lower.find(" at ").or_else(|| lower.find("\tat")) else { continue };
            let (local, domain) = (lower[..at].trim(), &lower[at + 3..]);
            if NOT_LOCAL.contains(&local) || !domain.split_whitespace().any(|w| w == "dot") {
                continue;
            }
            if !field && role_mailbox(local, &written_domain(&lower[at + 3..])) {
                continue;
            }
            if field || mail_word_before(input.text, s) {
                out.push(Candidate::new(Kind::Email, s, e, 0.85));
            }
        }
    }
}

/// What every word of [`MAIL_WORDS`] contains.
const MAIL_STEMS: &[&[u8]] = &[b"mail", b"correo", b"courriel"];

/// True if the folded text has an opening bracket followed (after spaces or tabs) by a
/// written `at` of the bracketed form: without one the bracketed pattern cannot match.
fn bracketed_at(f: &[u8]) -> bool {
    crate::bytes::any3_positions(f, [b'[', b'(', b'{']).any(|i| {
        let rest = &f[i + 1..];
        let rest = &rest[rest.iter().position(|&c| c != b' ' && c != b'\t').unwrap_or(rest.len())..];
        [&b"at"[..], b"\xC3\xA4t", b"\xC3\x84t", b"arroba", b"chez"].iter().any(|w| rest.starts_with(w))
    })
}

/// The matches of `re` in the lines of `text` whose folded bytes (`f`) pass `cue`, as
/// `(start, end)` in `text`; the pattern is compiled when a line first passes. Neither
/// written form spans a line (they hold spaces and tabs, never a line break), and `\b`
/// reads a line's ends as it reads the line feeds around them: searched line by line,
/// a pattern finds what it finds in the whole text.
fn in_lines<'a>(
    re: &'a Pattern,
    text: &'a str,
    f: &'a [u8],
    cue: impl Fn(&[u8]) -> bool + 'a,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    let mut start = 0;
    text.split('\n')
        .filter_map(move |line| {
            let s = start;
            start += line.len() + 1;
            cue(&f[s..s + line.len()]).then_some((s, line))
        })
        .flat_map(move |(s, line)| re.find_iter(line).map(move |m| (s + m.start(), s + m.end())))
}

/// True if `word` stands in the folded text with a space or tab right before it.
fn spaced_word(f: &[u8], word: &[u8]) -> bool {
    crate::bytes::find_all(f, word).any(|i| i > 0 && matches!(f[i - 1], b' ' | b'\t'))
}

/// True if `local` (the part before the `@`) names a function, not a person: one role
/// word, or role words joined by `.`, `-` or `_` — unless the domain is a personal mail
/// provider, where any local part is somebody's.
fn role_mailbox(local: &str, domain: &str) -> bool {
    let local = local.lowercase();
    !PERSONAL_MAIL_DOMAINS.contains(&domain)
        && local.split(['.', '-', '_']).all(|w| ROLE_MAILBOXES.contains(&w))
        && !local.is_empty()
}

/// A written-out domain, lower-case, with the written `dot` words read as dots:
/// `aon (dot) at` → `aon.at`.
fn written_domain(t: &str) -> String {
    let lower = t.lowercase();
    let mut d = String::new();
    for w in lower.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.')) {
        match w {
            "" => {}
            "dot" | "punkt" | "punto" | "point" => d.push('.'),
            w => d.push_str(w),
        }
    }
    d
}

/// True if an e-mail word stands within 30 bytes before `s` on the same line.
fn mail_word_before(text: &str, s: usize) -> bool {
    let before = &text[crate::span::within(text, s.saturating_sub(30), s)];
    let line = before.rsplit('\n').next().unwrap_or(before).lowercase();
    line.split(|c: char| !c.is_alphanumeric() && c != '-').any(|w| MAIL_WORDS.contains(&w.trim_matches('-')))
}

impl Recognizer for Email {
    /// An address is one unbroken word; a mail word stands at most 30 bytes before it.
    fn reach(&self) -> Reach {
        Reach::NEAR
    }

    fn kinds(&self) -> &'static [Kind] {
        Self::KINDS
    }

    fn find(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        self.written(input, out);
        if !input.bytes.contains(&b'@') {
            return;
        }
        for (mut s, e) in shape::addresses(input.bytes) {
            // Leading quote/apostrophe belongs to the sentence, not the address.
            while s < e && matches!(input.bytes[s], b'\'' | b'`' | b'{' | b'|' | b'}') {
                s += 1;
            }
            let at = s + input.bytes[s..e].iter().position(|&c| c == b'@').unwrap_or(0);
            // `email=anna@…`, `?mail=anna@…`: the key is not part of the address.
            if let Some(eq) = input.bytes[s..at].iter().rposition(|&c| c == b'=') {
                if s + eq + 1 < at {
                    s += eq + 1;
                }
            }
            if !input.text.is_char_boundary(s) || !input.text.is_char_boundary(e) {
                continue;
            }
            let domain = input.text[at + 1..e].to_ascii_lowercase();
            if input.field.expects != Some(Kind::Email) && role_mailbox(&input.text[s..at], &domain) {
                continue;
            }
            let mut c = Candidate::new(Kind::Email, s, e, 0.95);
            c.validated = false;
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Email;
    use crate::field::FieldClass;
    use crate::recognize::util::Recognizer;
    use crate::types::Input;

    /// A scanner is ready before its patterns are compiled: a plain address needs none,
    /// a written-out one compiles the one it needs.
    #[test]
    fn patterns_compile_on_first_use() {
        let email = Email::new();
        let mut out = Vec::new();
        email.find(&Input::new("Hallo, ich heiße Maria und wohne in Wien, at home.", FieldClass::default()), &mut out);
        assert!(out.is_empty());
        email.find(&Input::new("Schreib an maria.huber@example.at bitte", FieldClass::default()), &mut out);
        assert_eq!(out.len(), 1);
        assert!(!email.bracketed.is_compiled() && !email.bare.is_compiled());
        email.find(&Input::new("Schreib an maria.huber (at) example.at bitte", FieldClass::default()), &mut out);
        assert_eq!(out.len(), 2);
        assert!(email.bracketed.is_compiled() && !email.bare.is_compiled());
    }

    /// Where `at` and a `dot` word after it stand in a bare form (what [`Email::written`]
    /// requires of one).
    fn dotted(t: &str) -> bool {
        let lower = t.to_ascii_lowercase();
        let at = lower.find(" at ").or_else(|| lower.find("\tat"));
        at.is_some_and(|at| lower[at + 3..].split_whitespace().any(|w| w == "dot"))
    }

    /// Searched line by line in `&str`, the written forms are found where the byte
    /// patterns they were (`ät` as bytes) found them in the whole text.
    fn lines_like_whole_text(t: &str) {
        type Both = (regex::bytes::Regex, regex::bytes::Regex);
        static OLD: std::sync::OnceLock<Both> = std::sync::OnceLock::new();
        let email = Email::new();
        let bytes = |p: &str| crate::recognize::util::reference(&p.replace("ät|Ät", r"\xC3\xA4t|\xC3\x84t"));
        let (bracketed, bare) = OLD.get_or_init(|| (bytes(email.bracketed.source()), bytes(email.bare.source())));
        let f = t.to_ascii_lowercase();
        let f = f.as_bytes();
        let whole =
            |re: &regex::bytes::Regex| re.find_iter(t.as_bytes()).map(|m| (m.start(), m.end())).collect::<Vec<_>>();
        let by_lines = |re: &crate::recognize::util::Pattern, cue: &dyn Fn(&[u8]) -> bool| {
            super::in_lines(re, t, f, cue).collect::<Vec<_>>()
        };
        assert_eq!(by_lines(&email.bracketed, &super::bracketed_at), whole(bracketed), "{t:?}");
        let spaced = |l: &[u8]| super::spaced_word(l, b"at") && super::spaced_word(l, b"dot");
        let dotted_only = |v: Vec<(usize, usize)>| v.into_iter().filter(|&(s, e)| dotted(&t[s..e])).collect::<Vec<_>>();
        assert_eq!(dotted_only(by_lines(&email.bare, &spaced)), dotted_only(whole(bare)), "{t:?}");
    }

    #[test]
    fn written_forms_by_lines_examples() {
        lines_like_whole_text("Mail: anna (ät) web (dot) de\nmax [AT] gmx.at, x.y ÄT\n(at) b.de\nmail me at anna dot huber at gmx dot net");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn written_forms_by_lines(parts in proptest::collection::vec(proptest::sample::select(vec![
            "a", "B", "1", ".", "_", "-", " ", "\t", "\n", "(", ")", "[", "]", "{", "}", "at", "AT", "ät", "Ät", "ÄT",
            "arroba", "chez", "dot", "DOT", "punkt", "de", "com", "ł", "mail", "x.y", " at ", " dot ",
        ]), 0..30)) {
            lines_like_whole_text(&parts.concat());
        }
    }
}
