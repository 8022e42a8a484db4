//! Online identity: user names / handles and URLs that point at a person.
//!
//! Usernames:
//! - `@handle`: 2–30 letters, digits, `_` and `.` after an `@` that does not continue a
//!   word (so the `@` of `anna@example.org` never starts one). A handle that is really a
//!   domain (`@example.com`) and broadcast mentions (`@all`, `@here`) are skipped. A
//!   Mastodon/Fediverse address `@user@instance.social` is one handle.
//! - A labelled name: a user-name word (Benutzername, username, login, account,
//!   Instagram, …), a few filler words ("ist", "für das Portal", "is", "the", ":"), then
//!   one token. A token with a digit, `_` or `.` is typical of user names; a plain word
//!   must be lower-case and not one of the words that usually follow such a label
//!   ("gesperrt", "holder", "number", …); codes in capitals with digits
//!   (`CUST-20632`) are reference numbers, not names. A value that fills a field
//!   labelled as a user name is taken as it is (the field hint raises it).
//!
//! Personal URLs:
//! - Profile paths of the big networks (`linkedin.com/in/…`, `xing.com/profile/…`,
//!   `facebook.com/<name>`, `instagram.com/…`, `twitter.com/…`, `x.com/…`,
//!   `github.com/<user>`, any `host/@name` as used by TikTok, YouTube, Medium and
//!   Mastodon), with or without scheme and `www.`. Company and system pages
//!   (`linkedin.com/company/…`, `facebook.com/groups/…`, `github.com/orgs/…`) are not
//!   personal and are skipped.
//! - A personal homepage (`www.anna-gruber.at`) is a URL like any other; it is only
//!   reported with a word such as "Homepage", "Website", "Profil", "Portfolio" just
//!   before it (or a matching form field), and not when the sentence speaks of a
//!   company's site ("unsere Website").
//!
//! The span is the whole URL with its scheme; trailing sentence punctuation is not
//! part of it.

use super::{ascii_words, re, Recognizer};
use crate::context::Window;
use crate::entity::Kind;
use crate::scanner::{Candidate, Input};
use regex::bytes::Regex;

pub(super) struct Web {
    handle: Regex,
    label: Regex,
    token: Regex,
    profile: Regex,
    homepage: Regex,
}

impl Web {
    pub(super) fn new() -> Web {
        Web {
            handle: re(r"@[A-Za-z0-9_][A-Za-z0-9_.]{0,30}(?:@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24})?"),
            label: re(r"(?i)\A(?:benutzername|nutzername|benutzer|username|user\s?name|user-?id|user|login|log-in|anmeldename|handle|nickname|nick|account|instagram|insta|twitter|tiktok|github|gitlab|telegram|snapchat|skype|discord|reddit|twitch|mastodon|threads|pseudo|pseudonyme|gebruikersnaam|nome\s+utente|usuario)\b"),
            token: re(r"\A[A-Za-z0-9_\x80-\xff][A-Za-z0-9_.\x80-\xff-]{0,40}"),
            profile: re(concat!(
                r"(?i)(?:https?://)?(?:(?:www|m|mobile|[a-z]{2})\.)?",
                r"(?:linkedin\.com/(?:in|pub)/|xing\.(?:com|de)/profiles?/|facebook\.com/|fb\.com/|instagram\.com/|",
                r"twitter\.com/|x\.com/|github\.com/|gitlab\.com/|threads\.net/@?|pinterest\.[a-z]{2,3}/|behance\.net/|",
                r"dribbble\.com/|about\.me/|t\.me/|reddit\.com/u(?:ser)?/|soundcloud\.com/|vimeo\.com/|",
                r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}/@)",
                r"(?:profile\.php\?id=[0-9]+|[A-Za-z0-9_.%~-]+/?)"
            )),
            homepage: re(concat!(
                r"(?i)(?:https?://)?(?:www\.)?[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)*",
                r"\.(?:de|at|ch|li|com|net|org|eu|info|me|io|name|page|dev|blog|online|website|site|uk|fr|it|es|nl|be|lu)\b",
                r"(?:/[A-Za-z0-9_.%~/-]*)?"
            )),
        }
    }
}

/// First path segments of the networks that are not a person's profile.
const SYSTEM_PATHS: &[&str] = &[
    "pages", "groups", "events", "share", "sharer", "sharer.php", "login", "help", "home", "search",
    "intent", "i", "hashtag", "explore", "p", "reel", "reels", "stories", "watch", "marketplace",
    "orgs", "features", "about", "settings", "company", "companies", "business", "policies",
    "privacy", "legal", "tos", "terms", "jobs", "school", "showcase", "notifications", "messages",
    "signup", "download", "topics", "trending", "marketplace", "sponsors", "pricing", "enterprise",
];

/// Broadcast mentions that are not somebody's handle.
const NOT_HANDLES: &[&str] = &["all", "here", "everyone", "channel", "team", "home", "work", "gmail", "web"];

/// Words that follow a user-name label without being the name.
const FILLERS: &[&str] = &[
    "ist", "is", "lautet", "war", "was", "wäre", "for", "für", "fürs", "the", "das", "den", "die", "der",
    "dem", "my", "mein", "meine", "meinem", "meinen", "your", "dein", "deine", "ihr", "ihre", "his", "her",
    "sein", "seine", "portal", "kundenportal", "im", "in", "on", "auf", "als", "as", "name", "heißt",
    "heisst", "called", "under", "unter", "it's", "its", "it", "es", "shop", "app", "online", "login",
    "account", "konto", "nutzt", "uses", "used", "use", "verwendet", "profile", "profil", "e", "i", "m", "im",
    "bin", "am", "i'm", "and", "und", "also", "einfach", "just", "simply", "very", "sehr",
];

/// Plain words that follow a label but are not a user name.
const NOT_NAMES: &[&str] = &[
    "holder", "holders", "inhaber", "inhaberin", "number", "nummer", "nr", "no", "details", "detail",
    "settings", "einstellungen", "page", "seite", "data", "daten", "manager", "balance", "saldo", "type",
    "typ", "id", "gesperrt", "locked", "blocked", "suspended", "disabled", "deaktiviert", "invalid",
    "ungültig", "falsch", "wrong", "incorrect", "correct", "korrekt", "richtig", "vergessen", "forgot",
    "forgotten", "nicht", "not", "kein", "keine", "no", "none", "already", "bereits", "schon", "taken",
    "vergeben", "missing", "unknown", "unbekannt", "required", "erforderlich", "changed", "geändert",
    "ändern", "change", "reset", "zurücksetzen", "funktioniert", "works", "working", "work", "does",
    "doesn", "doesnt", "geht", "noch", "still", "too", "zu", "leider", "unfortunately", "same", "gleich",
    "derselbe", "dasselbe", "with", "mit", "from", "von", "bei", "at", "to", "an", "a", "an", "ein",
    "eine", "einen", "einem", "einer", "and", "oder", "or", "but", "aber", "this", "that", "dies",
    "diese", "dieser", "dieses", "wurde", "worden", "were", "been", "be", "sein", "haben", "have", "has",
    "hat", "habe", "had", "can", "kann", "could", "könnte", "will", "wird", "should", "sollte", "must",
    "muss", "please", "bitte", "danke", "thanks", "password", "passwort", "kennwort", "pin", "email",
    "e-mail", "mail", "adresse", "address", "anmeldung", "registration", "registrierung", "access",
    "zugang", "zugriff", "problem", "problems", "probleme", "issue", "issues", "fehler", "error",
    "here", "hier", "there", "da", "dort", "below", "unten", "above", "oben", "following", "folgende",
    "folgender", "new", "neu", "neue", "neuer", "neuen", "old", "alt", "alte", "alter", "alten", "created",
    "erstellt", "angelegt", "deleted", "gelöscht", "admin", "administrator", "support", "service", "team",
    "owner", "verified", "verifiziert", "bestätigt", "confirmed", "expired", "abgelaufen", "active",
    "aktiv", "inactive", "inaktiv", "status", "info", "information", "informationen", "help", "hilfe",
    "you", "sie", "du", "ich", "we", "wir", "they", "me", "mich", "mir", "us", "uns", "via", "über",
    "ok", "okay", "yes", "ja", "nein", "nummer", "kunden", "customer", "customers", "kunde", "user",
    "users", "benutzer", "page", "post", "posts", "story", "stories", "link", "url", "handle", "name",
    "names", "namen", "verloren", "lost", "hacked", "gehackt", "compromised", "closed", "geschlossen",
    "cancel", "cancelled", "canceled", "kündigen", "gekündigt", "löschen", "delete", "upgrade",
    "upgraden", "downgrade", "verknüpft", "linked", "connected", "verbunden", "number:", "konto",
    "account", "accounts", "login", "logins", "daten", "anmelden", "einloggen", "log", "sign", "signin",
];

/// Words before a homepage URL that make it personal.
const HOMEPAGE_WORDS: &[&str] = &[
    "homepage", "website", "webseite", "web", "site", "seite", "internetseite", "portfolio", "profil*",
    "profile", "blog", "url", "page", "lebenslauf", "cv", "bewerbung*", "referenzen", "arbeiten",
    "work", "linkedin", "xing", "sito", "sitio", "página", "pagina", "site", "website:", "homepage:",
];

/// Words that make a homepage the company's, not the person's.
const COMPANY_SITE_WORDS: &[&str] = &[
    "unsere", "unserer", "unser", "unseren", "our", "firma", "firmen*", "company", "unternehmen*",
    "shop", "onlineshop", "team", "kundenportal", "portal", "besuchen", "visit", "ihr", "ihre", "your",
];

fn lower(b: &[u8]) -> String {
    String::from_utf8_lossy(b).to_lowercase()
}

/// True if `b[i]` may not precede an `@handle` / URL (it continues a word or address).
fn glued_before(b: &[u8], i: usize) -> bool {
    i > 0 && {
        let p = b[i - 1];
        p.is_ascii_alphanumeric() || p >= 0x80 || matches!(p, b'.' | b'_' | b'-' | b'+' | b'/' | b'@' | b'%' | b'=' | b'&' | b'\'')
    }
}

fn trim_url_end(b: &[u8], s: usize, mut e: usize) -> usize {
    while e > s && matches!(b[e - 1], b'.' | b',' | b'-' | b';' | b':' | b'!' | b'?' | b')' | b']' | b'\'' | b'"') {
        e -= 1;
    }
    e
}

impl Recognizer for Web {
    fn kinds(&self) -> &'static [Kind] {
        &[Kind::Username, Kind::UrlPersonal]
    }

    fn find(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let b = input.bytes;
        let mut urls: Vec<(usize, usize)> = Vec::new();
        if b.contains(&b'.') {
            self.profiles(input, out, &mut urls);
            self.homepages(input, out, &urls);
        }
        if b.contains(&b'@') {
            self.handles(input, out, &urls);
        }
        self.labelled(input, out, &urls);
    }
}

/// First three letters (lower case) of every user-name label.
const LABEL_STARTS: &[&[u8; 3]] = &[
    b"ben", b"nut", b"use", b"log", b"anm", b"han", b"nic", b"acc", b"ins", b"twi", b"tik", b"git", b"tel", b"sna",
    b"sky", b"dis", b"red", b"mas", b"thr", b"pse", b"geb", b"nom", b"usu",
];

impl Web {
    /// Matches of the label pattern as if it began with `\b` instead of `\A` and ran
    /// over the whole text: it is only tried at the start of an ASCII word whose first
    /// three letters begin a label (running it over the whole text cost several ns per
    /// byte).
    fn labels<'b>(&'b self, b: &'b [u8]) -> impl Iterator<Item = (usize, usize)> + 'b {
        let mut next = 0;
        ascii_words(b).filter_map(move |(s, e)| {
            if s < next || e - s < 3 || !matches!(b[s] | 0x20, b'a' | b'b' | b'd' | b'g' | b'h' | b'i' | b'l' | b'm' | b'n' | b'p' | b'r' | b's' | b't' | b'u') {
                return None;
            }
            let k = [b[s].to_ascii_lowercase(), b[s + 1].to_ascii_lowercase(), b[s + 2].to_ascii_lowercase()];
            if !LABEL_STARTS.contains(&&k) {
                return None;
            }
            let m = self.label.find(&b[s..])?;
            next = s + m.end();
            Some((s, next))
        })
    }

    fn profiles(&self, input: &Input<'_>, out: &mut Vec<Candidate>, urls: &mut Vec<(usize, usize)>) {
        let b = input.bytes;
        for m in self.profile.find_iter(b) {
            let s = m.start();
            if glued_before(b, s) {
                continue;
            }
            let e = trim_url_end(b, s, m.end());
            let v = &b[s..e];
            let slash = v.iter().position(|&c| c == b'/').unwrap_or(0);
            // The profile segment starts after the host's first slash (and after "in/" etc.).
            let after_scheme = if lower(&v[..v.len().min(8)]).starts_with("http") { v.windows(3).position(|w| w == b"://").map_or(0, |p| p + 3) } else { 0 };
            let path_start = v[after_scheme..].iter().position(|&c| c == b'/').map_or(slash, |p| p + after_scheme) + 1;
            let first = lower(v[path_start..].split(|&c| c == b'/').next().unwrap_or(b""));
            let first = first.trim_start_matches('@');
            if first.is_empty() || SYSTEM_PATHS.contains(&first) {
                continue;
            }
            let tail = &v[path_start..];
            if !tail.iter().any(u8::is_ascii_alphanumeric) {
                continue;
            }
            let mut c = Candidate::new(Kind::UrlPersonal, s, e, 0.85);
            c.subtype = Some("profile");
            urls.push((s, e));
            out.push(c);
        }
    }

    fn homepages(&self, input: &Input<'_>, out: &mut Vec<Candidate>, urls: &[(usize, usize)]) {
        let b = input.bytes;
        for m in self.homepage.find_iter(b) {
            let s = m.start();
            if glued_before(b, s) || urls.iter().any(|&(us, ue)| s < ue && us < m.end()) {
                continue;
            }
            let e = trim_url_end(b, s, m.end());
            // An e-mail domain or a longer word: not a URL.
            if e < b.len() && (b[e] == b'@' || b[e].is_ascii_alphanumeric() || b[e] >= 0x80) {
                continue;
            }
            let v = lower(&b[s..e]);
            let host = v.trim_start_matches("https://").trim_start_matches("http://");
            let has_prefix = host.len() != v.len() || host.starts_with("www.");
            let host_name = host.split('/').next().unwrap_or("");
            let labels = host_name.split('.').count();
            // Two letters then a dot ("z.B.", "u.a.") or a file name is no host.
            if !has_prefix && (labels < 2 || host_name.split('.').next().is_some_and(|l| l.len() < 3)) {
                continue;
            }
            let win = Window::around(input.text, s, e);
            let personal = win.has(HOMEPAGE_WORDS, 4, 0) && !win.has(COMPANY_SITE_WORDS, 5, 0);
            let score = if personal && (has_prefix || win.has(&["homepage", "website", "webseite", "blog", "portfolio"], 3, 0)) { 0.7 } else { 0.25 };
            let mut c = Candidate::new(Kind::UrlPersonal, s, e, score);
            c.subtype = Some("homepage");
            out.push(c);
        }
    }

    fn handles(&self, input: &Input<'_>, out: &mut Vec<Candidate>, urls: &[(usize, usize)]) {
        let b = input.bytes;
        for m in self.handle.find_iter(b) {
            let s = m.start();
            if glued_before(b, s) || urls.iter().any(|&(us, ue)| us <= s && s < ue) {
                continue;
            }
            let mut e = m.end();
            while e > s + 1 && b[e - 1] == b'.' {
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

    fn labelled(&self, input: &Input<'_>, out: &mut Vec<Candidate>, urls: &[(usize, usize)]) {
        let b = input.bytes;
        let text = input.text;
        if input.field.expects == Some(Kind::Username) {
            let t = text.trim();
            let s = text.len() - text.trim_start().len();
            if !t.is_empty() && !t.starts_with('@') && !t.contains(char::is_whitespace) && t.len() <= 40 && self.token.find(t.as_bytes()).is_some_and(|m| m.end() == t.len()) {
                out.push(Candidate::new(Kind::Username, s, s + t.len(), 0.3));
                return;
            }
        }
        if !b.iter().any(|&c| matches!(c, b'u' | b'U' | b'n' | b'N' | b'l' | b'L' | b'a' | b'A')) {
            return;
        }
        for (ls, le) in self.labels(b) {
            let mut i = le;
            // Skip separators and filler words, at most five words.
            let mut words = 0;
            let mut connector = false;
            let found = loop {
                // Separators, quotes and symbols (an emoji between label and value).
                while let Some(ch) = text.get(i..).and_then(|r| r.chars().next()) {
                    if ch == '\n' || ch.is_alphanumeric() || ch == '_' || ch == '@' || ch == '.' {
                        break;
                    }
                    connector |= matches!(ch, ':' | '=');
                    i += ch.len_utf8();
                }
                if i >= b.len() || b[i] == b'\n' {
                    break None;
                }
                let Some(t) = self.token.find(&b[i..]) else { break None };
                let mut te = i + t.end();
                while te > i && matches!(b[te - 1], b'.' | b'-') {
                    te -= 1;
                }
                let tok = lower(&b[i..te]);
                if words < 5 && FILLERS.contains(&tok.as_str()) {
                    connector |= CONNECTORS.contains(&tok.as_str());
                    words += 1;
                    i = te;
                    continue;
                }
                break Some((i, te));
            };
            let Some((s, e)) = found else { continue };
            if e < b.len() && (b[e] == b'@' || b[e] == b'/' || b[e] >= 0x80 || (b[e] == b'.' && e + 1 < b.len() && b[e + 1].is_ascii_alphanumeric())) {
                continue;
            }
            if urls.iter().any(|&(us, ue)| s < ue && us < e) {
                continue;
            }
            let v = &b[s..e];
            let tok = lower(v);
            if v.len() < 2 || !v.is_ascii() || !v.iter().any(u8::is_ascii_alphabetic) || NOT_NAMES.contains(&tok.as_str()) || looks_like_domain(&tok) {
                continue;
            }
            let has_digit = v.iter().any(u8::is_ascii_digit);
            // Capitals and digits (CUST-20632, KD-124005, GB42): a reference code.
            if has_digit && !v.iter().any(u8::is_ascii_lowercase) {
                continue;
            }
            let marked = has_digit || v.contains(&b'_') || v.contains(&b'.');
            let label = lower(&b[ls..le]);
            let strong = STRONG_LABELS.iter().any(|l| label.replace(' ', "") == *l);
            let owned = ACCOUNT_LABELS.contains(&label.as_str()) && previous_word(b, ls).is_some_and(|w| OWNERS.contains(&w.as_str()));
            let plain = v.iter().all(|c| c.is_ascii_lowercase() || *c == b'-');
            let score = if marked && (connector || strong || owned) {
                0.7
            } else if plain && ((strong && connector && v.len() >= 4) || ((connector || owned) && v.len() >= 6)) {
                0.55
            } else {
                continue;
            };
            let mut c = Candidate::new(Kind::Username, s, e, score);
            c.subtype = Some("labelled");
            out.push(c);
        }
    }
}

/// Labels that name a user name outright.
const STRONG_LABELS: &[&str] = &["benutzername", "nutzername", "username", "user-id", "userid", "login", "log-in", "anmeldename", "handle", "nickname", "nick", "gebruikersnaam", "pseudo", "pseudonyme", "usuario"];
/// Labels that need an owner word before them ("the account x").
const ACCOUNT_LABELS: &[&str] = &["account", "instagram", "insta", "twitter", "tiktok", "github", "gitlab", "telegram", "snapchat", "skype", "discord", "reddit", "twitch", "mastodon", "threads"];
/// Owner words before an account label.
const OWNERS: &[&str] = &["the", "den", "dem", "das", "my", "mein", "meinen", "meinem", "his", "her", "sein", "seinen", "ihren", "your", "deinen", "this", "diesen", "dieses", "their"];
/// Filler words that introduce the value ("ist", "is", …).
const CONNECTORS: &[&str] = &["ist", "is", "lautet", "heißt", "heisst", "als", "as", "called", "war", "was"];

/// The lower-cased word right before byte `i`, if any.
fn previous_word(b: &[u8], i: usize) -> Option<String> {
    let mut e = i;
    while e > 0 && b[e - 1] == b' ' {
        e -= 1;
    }
    let mut s = e;
    while s > 0 && (b[s - 1].is_ascii_alphabetic() || b[s - 1] >= 0x80) {
        s -= 1;
    }
    (s < e).then(|| lower(&b[s..e]))
}

/// `example.com`, `gmx.at`: a host name rather than a handle.
fn looks_like_domain(s: &str) -> bool {
    s.rsplit_once('.').is_some_and(|(h, tld)| {
        !h.is_empty() && matches!(tld, "com" | "de" | "at" | "ch" | "net" | "org" | "eu" | "io" | "info" | "co" | "uk" | "fr" | "it" | "es" | "nl" | "be" | "social")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_as_the_unanchored_pattern() {
        let web = Web::new();
        let plain = re(&web.label.as_str().replacen(r"\A", r"\b", 1));
        for t in ["Username: anna_g", "user name is x, user-id 7, userid, log-in mit login", "nome  utente xy; USER NAME; superuser; user_x", "Instagram-Account: @x, accounts, nick.name", "benutzer name"] {
            let t = t.as_bytes();
            assert_eq!(web.labels(t).collect::<Vec<_>>(), plain.find_iter(t).map(|m| (m.start(), m.end())).collect::<Vec<_>>());
        }
    }

    #[test]
    fn domains() {
        assert!(looks_like_domain("example.com"));
        assert!(!looks_like_domain("anna.gruber"));
    }
}
