//! `@handle` user names, and Mastodon/Fediverse addresses `@user@instance.social`
//! (see the parent module's docs).

use super::text::{glued_before, looks_like_domain, lower};
use crate::entity::Kind;
use crate::recognize::util::re;
use crate::recognize::util::Pattern;
use crate::types::{Candidate, Input};

/// The handle pattern, compiled.
pub(super) struct Handles {
    handle: Pattern,
}

impl Handles {
    pub(super) fn new() -> Handles {
        Handles {
            handle: re(
                r"@[A-Za-z0-9_][A-Za-z0-9_.-]{0,30}(?:@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24})?",
            ),
        }
    }

    /// The handles of the text that do not start inside a URL of `urls`.
    pub(super) fn find(&self, input: &Input<'_>, out: &mut Vec<Candidate>, urls: &[(usize, usize)]) {
        let b = input.bytes;
        for m in self.handle.find_iter(b) {
            let s = m.start();
            if glued_before(b, s) || urls.iter().any(|&(us, ue)| us <= s && s < ue) {
                continue;
            }
            let mut e = m.end();
            while e > s + 1 && matches!(b[e - 1], b'.' | b'-') {
                e -= 1;
            }
            let v = &b[s + 1..e];
            let name_end = v.iter().position(|&c| c == b'@').unwrap_or(v.len());
            let name = &v[..name_end];
            if name.len() < 2 || name.len() > 30 || !name.iter().any(u8::is_ascii_alphabetic) {
                continue;
            }
            if e < b.len() && (b[e].is_ascii_alphanumeric() || b[e] >= 0x80 || b[e] == b'@') {
                continue;
            }
            let ln = lower(name);
            if NOT_HANDLES.contains(&ln.as_str()) || looks_like_domain(&ln) {
                continue;
            }
            let mut c = Candidate::new(Kind::Username, s, e, 0.8);
            c.subtype = Some(if name_end < v.len() { "fediverse" } else { "handle" });
            out.push(c);
        }
    }
}

/// Broadcast mentions that are not somebody's handle.
const NOT_HANDLES: &[&str] = &["all", "here", "everyone", "channel", "team", "home", "work", "gmail", "web"];
