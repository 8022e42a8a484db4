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
//!   labelled as a user name is taken as it is (the field hint raises it). The four
//!   main labels are also recognised with one typing slip ("Bnutzername", "acconut").
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
//!   company's site ("unsere Website"). A URL with `www.` or a scheme on its own line
//!   under a personal sign-off ("Liebe Grüße / Alf Winkler / www.winkler-alf.de") is
//!   the writer's own page, unless a company word (GmbH, Ltd, Team, …) is in those lines.
//!
//! The span is the whole URL with its scheme; trailing sentence punctuation is not
//! part of it.
//!
//! Cost: one literal pass over the text (network hosts, URL words, user-name labels
//! and their slip-proof stems) decides which of the patterns run at all.

use super::util::{alnum_runs, find_in, has_typo_tolerant, re, re_folded, typo_eq_ci, Recognizer};
use crate::context::{matches_any, Window};
use crate::entity::Kind;
use crate::types::{Candidate, Input};
use regex::bytes::Regex;

pub(super) struct Web {
    handle: Regex,
    label: Regex,
    token: Regex,
    profile: Regex,
    homepage: Regex,
    gate: Regex,
}

impl Web {
    pub(super) fn new() -> Web {
        Web {
            handle: re(
                r"@[A-Za-z0-9_][A-Za-z0-9_.-]{0,30}(?:@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24})?",
            ),
            label: re_folded(LABEL),
            token: re(r"\A[A-Za-z0-9_\x80-\xff][A-Za-z0-9_.\x80-\xff-]{0,40}"),
            profile: re(concat!(
                r"(?i)(?:https?://)?(?:(?:www|m|mobile|[a-z]{2})\.)?",
                r"(?:linkedin\.com/(?:in|pub)/|xing\.(?:com|de)/profiles?/|facebook\.com/|fb\.com/|instagram\.com/|",
                r"twitter\.com/|x\.com/|github\.com/|gitlab\.com/|threads\.net/@?|pinterest\.[a-z]{2,3}/|behance\.net/|",
                r"dribbble\.com/|about\.me/|t\.me/|reddit\.com/u(?:ser)?/|soundcloud\.com/|vimeo\.com/|",
                r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}/@)",
                r"(?:profile\.php\?id=[0-9]+|[A-Za-z0-9_.%~\x80-\xff-]+/?)"
            )),
            gate: re_folded(GATE),
            homepage: re(concat!(
                r"(?i)(?:https?://)?(?:www\.)?[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)*",
                r"\.(?:de|at|ch|li|com|net|org|eu|info|me|io|name|page|dev|blog|online|website|site|uk|fr|it|es|nl|be|lu)\b",
                r"(?:/[A-Za-z0-9_.%~/-]*)?"
            )),
        }
    }
}

/// User-name labels, in lower case (searched in [`Input::folded`]).
pub(super) const LABEL: &str = r"\b(?:benutzername|nutzername|benutzer|username|user\s?name|user-?id|user|login|log-in|anmeldename|handle|nickname|nick|account|instagram|insta|twitter|tiktok|github|gitlab|telegram|snapchat|skype|discord|reddit|twitch|mastodon|threads|pseudo|pseudonyme|gebruikersnaam|nome\s+utente|usuario)\b";

/// Every literal that can start the work of this recogniser, in lower case (searched in
/// [`Input::folded`]): network hosts, URL and homepage words, user-name labels and
/// stems that survive a typing slip ("usernaem", "acconut").
pub(super) const GATE: &str = r"linkedin\.|xing\.|facebook\.|fb\.com|instagram\.|twitter\.|x\.com|github\.|gitlab\.|threads\.net|pinterest\.|behance\.|dribbble\.|about\.me|t\.me|reddit\.|soundcloud\.|vimeo\.|/@|www\.|://|homepage|website|webseite|portfolio|blog|profil|site|seite|page|web|url|cv|lebenslauf|bewerbung|referenz|sito|sitio|pagina|página|benutzer|nutzer|user|login|log-in|anmelde|handle|nick|account|insta|twitter|tiktok|github|gitlab|telegram|snapchat|skype|discord|reddit|twitch|mastodon|threads|pseudo|gebruikersnaam|utente|usuario|name|naem|nutz|acc|ount";

/// First path segments of the networks that are not a person's profile.
const SYSTEM_PATHS: &[&str] = &[
    "pages",
    "groups",
    "events",
    "share",
    "sharer",
    "sharer.php",
    "login",
    "help",
    "home",
    "search",
    "intent",
    "i",
    "hashtag",
    "explore",
    "p",
    "reel",
    "reels",
    "stories",
    "watch",
    "marketplace",
    "orgs",
    "features",
    "about",
    "settings",
    "company",
    "companies",
    "business",
    "policies",
    "privacy",
    "legal",
    "tos",
    "terms",
    "jobs",
    "school",
    "showcase",
    "notifications",
    "messages",
    "signup",
    "download",
    "topics",
    "trending",
    "marketplace",
    "sponsors",
    "pricing",
    "enterprise",
];

/// Broadcast mentions that are not somebody's handle.
const NOT_HANDLES: &[&str] = &["all", "here", "everyone", "channel", "team", "home", "work", "gmail", "web"];

/// Words that follow a user-name label without being the name.
const FILLERS: &[&str] = &[
    "ist",
    "is",
    "lautet",
    "war",
    "was",
    "wäre",
    "for",
    "für",
    "fürs",
    "the",
    "das",
    "den",
    "die",
    "der",
    "dem",
    "my",
    "mein",
    "meine",
    "meinem",
    "meinen",
    "your",
    "dein",
    "deine",
    "ihr",
    "ihre",
    "his",
    "her",
    "sein",
    "seine",
    "portal",
    "kundenportal",
    "im",
    "in",
    "on",
    "auf",
    "als",
    "as",
    "name",
    "heißt",
    "heisst",
    "called",
    "under",
    "unter",
    "it's",
    "its",
    "it",
    "es",
    "shop",
    "app",
    "online",
    "login",
    "account",
    "konto",
    "nutzt",
    "uses",
    "used",
    "use",
    "verwendet",
    "profile",
    "profil",
    "e",
    "i",
    "m",
    "im",
    "bin",
    "am",
    "i'm",
    "and",
    "und",
    "also",
    "einfach",
    "just",
    "simply",
    "very",
    "sehr",
];

/// Plain words that follow a label but are not a user name.
const NOT_NAMES: &[&str] = &[
    "holder",
    "holders",
    "inhaber",
    "inhaberin",
    "number",
    "nummer",
    "nr",
    "no",
    "details",
    "detail",
    "settings",
    "einstellungen",
    "page",
    "seite",
    "data",
    "daten",
    "manager",
    "balance",
    "saldo",
    "type",
    "typ",
    "id",
    "gesperrt",
    "locked",
    "blocked",
    "suspended",
    "disabled",
    "deaktiviert",
    "invalid",
    "ungültig",
    "falsch",
    "wrong",
    "incorrect",
    "correct",
    "korrekt",
    "richtig",
    "vergessen",
    "forgot",
    "forgotten",
    "nicht",
    "not",
    "kein",
    "keine",
    "no",
    "none",
    "already",
    "bereits",
    "schon",
    "taken",
    "vergeben",
    "missing",
    "unknown",
    "unbekannt",
    "required",
    "erforderlich",
    "changed",
    "geändert",
    "ändern",
    "change",
    "reset",
    "zurücksetzen",
    "funktioniert",
    "works",
    "working",
    "work",
    "does",
    "doesn",
    "doesnt",
    "geht",
    "noch",
    "still",
    "too",
    "zu",
    "leider",
    "unfortunately",
    "same",
    "gleich",
    "derselbe",
    "dasselbe",
    "with",
    "mit",
    "from",
    "von",
    "bei",
    "at",
    "to",
    "an",
    "a",
    "an",
    "ein",
    "eine",
    "einen",
    "einem",
    "einer",
    "and",
    "oder",
    "or",
    "but",
    "aber",
    "this",
    "that",
    "dies",
    "diese",
    "dieser",
    "dieses",
    "wurde",
    "worden",
    "were",
    "been",
    "be",
    "sein",
    "haben",
    "have",
    "has",
    "hat",
    "habe",
    "had",
    "can",
    "kann",
    "could",
    "könnte",
    "will",
    "wird",
    "should",
    "sollte",
    "must",
    "muss",
    "please",
    "bitte",
    "danke",
    "thanks",
    "password",
    "passwort",
    "kennwort",
    "pin",
    "email",
    "e-mail",
    "mail",
    "adresse",
    "address",
    "anmeldung",
    "registration",
    "registrierung",
    "access",
    "zugang",
    "zugriff",
    "problem",
    "problems",
    "probleme",
    "issue",
    "issues",
    "fehler",
    "error",
    "here",
    "hier",
    "there",
    "da",
    "dort",
    "below",
    "unten",
    "above",
    "oben",
    "following",
    "folgende",
    "folgender",
    "new",
    "neu",
    "neue",
    "neuer",
    "neuen",
    "old",
    "alt",
    "alte",
    "alter",
    "alten",
    "created",
    "erstellt",
    "angelegt",
    "deleted",
    "gelöscht",
    "admin",
    "administrator",
    "support",
    "service",
    "team",
    "owner",
    "verified",
    "verifiziert",
    "bestätigt",
    "confirmed",
    "expired",
    "abgelaufen",
    "active",
    "aktiv",
    "inactive",
    "inaktiv",
    "status",
    "info",
    "information",
    "informationen",
    "help",
    "hilfe",
    "you",
    "sie",
    "du",
    "ich",
    "we",
    "wir",
    "they",
    "me",
    "mich",
    "mir",
    "us",
    "uns",
    "via",
    "über",
    "ok",
    "okay",
    "yes",
    "ja",
    "nein",
    "nummer",
    "kunden",
    "customer",
    "customers",
    "kunde",
    "user",
    "users",
    "benutzer",
    "page",
    "post",
    "posts",
    "story",
    "stories",
    "link",
    "url",
    "handle",
    "name",
    "names",
    "namen",
    "verloren",
    "lost",
    "hacked",
    "gehackt",
    "compromised",
    "closed",
    "geschlossen",
    "cancel",
    "cancelled",
    "canceled",
    "kündigen",
    "gekündigt",
    "löschen",
    "delete",
    "upgrade",
    "upgraden",
    "downgrade",
    "verknüpft",
    "linked",
    "connected",
    "verbunden",
    "number:",
    "konto",
    "account",
    "accounts",
    "login",
    "logins",
    "daten",
    "anmelden",
    "einloggen",
    "log",
    "sign",
    "signin",
];

/// Words before a homepage URL that make it personal.
const HOMEPAGE_WORDS: &[&str] = &[
    "homepage",
    "website",
    "webseite",
    "web",
    "site",
    "seite",
    "internetseite",
    "portfolio",
    "profil*",
    "profile",
    "blog",
    "url",
    "page",
    "lebenslauf",
    "cv",
    "bewerbung*",
    "referenzen",
    "arbeiten",
    "work",
    "linkedin",
    "xing",
    "sito",
    "sitio",
    "página",
    "pagina",
    "site",
    "website:",
    "homepage:",
];

/// Homepage words of the gate pattern.
const HINT_STEMS: &[&str] = &[
    "homepage",
    "website",
    "webseite",
    "portfolio",
    "blog",
    "profil",
    "site",
    "seite",
    "page",
    "web",
    "url",
    "cv",
    "lebenslauf",
    "bewerbung",
    "referenz",
    "sito",
    "sitio",
    "pagina",
    "página",
];

/// Long homepage words, also recognised with one typing slip.
const PAGE_WORDS: &[&str] = &["homepage", "website", "webseite", "portfolio", "blog"];

/// Sign-off words: a URL in the signature under them is the writer's own.
const CLOSINGS: &[&str] = &[
    "grüße",
    "grüsse",
    "gruß",
    "gruss",
    "mfg",
    "lg",
    "vg",
    "regards",
    "sincerely",
    "thanks",
    "cheers",
    "best",
    "yours",
    "cordialement",
    "saluti",
    "saludos",
    "groeten",
    "grüssen",
    "grüßen",
    "gruesse",
];

/// Words that make a homepage the company's, not the person's.
const COMPANY_SITE_WORDS: &[&str] = &[
    "unsere",
    "unserer",
    "unser",
    "unseren",
    "our",
    "firma",
    "firmen*",
    "company",
    "unternehmen*",
    "shop",
    "onlineshop",
    "team",
    "kundenportal",
    "portal",
    "besuchen",
    "visit",
    "ihr",
    "ihre",
    "your",
    "gmbh",
    "ag",
    "kg",
    "og",
    "ltd",
    "inc",
    "llc",
    "plc",
    "sarl",
    "srl",
    "bv",
    "impressum",
    "imprint",
];

fn lower(b: &[u8]) -> String {
    String::from_utf8_lossy(b).to_lowercase()
}

/// The chunks of `b` (runs without ASCII white space) that hold a dot followed by a
/// letter: the only places a host name can be. The URL patterns match neither white
/// space nor anything without such a dot, so searching these chunks finds exactly what
/// a search of the whole text finds, without running the automaton over prose.
fn host_chunks(b: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut prev_end = 0; // the previous chunk ends at white space (or the text's end)
    while let Some(p) = memchr::memchr(b'.', &b[i..]) {
        let d = i + p;
        if d + 1 < b.len() && b[d + 1].is_ascii_alphabetic() {
            let mut s = d;
            while s > prev_end && !b[s - 1].is_ascii_whitespace() {
                s -= 1;
            }
            let mut e = d + 1;
            while e < b.len() && !b[e].is_ascii_whitespace() {
                e += 1;
            }
            out.push((s, e));
            i = e;
            prev_end = e;
        } else {
            i = d + 1;
        }
    }
    out
}

/// The words of six bytes or more, as `(start, end)`: a word starts at an ASCII letter
/// and runs over ASCII letters and digits. They are the ends of the runs of six letters
/// or digits ([`alnum_runs`]), from each run's first letter; shorter runs are never
/// looked at one by one.
fn long_words(b: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    alnum_runs(b, 6).into_iter().filter_map(|(rs, re)| {
        (rs..re).find(|&k| b[k].is_ascii_alphabetic()).filter(|&ws| re - ws >= 6).map(|ws| (ws, re))
    })
}

/// True if `b[i]` may not precede an `@handle` / URL (it continues a word or address).
fn glued_before(b: &[u8], i: usize) -> bool {
    i > 0 && {
        let p = b[i - 1];
        p.is_ascii_alphanumeric()
            || p >= 0x80
            || matches!(p, b'.' | b'_' | b'-' | b'+' | b'/' | b'@' | b'%' | b'=' | b'&' | b'\'')
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
        // One literal pass tells which of the patterns can match at all.
        let (mut network, mut hint, mut label) = (false, false, false);
        for m in self.gate.find_iter(input.folded()) {
            // Read in the folded text: already lower case.
            let v = m.as_bytes();
            if v.ends_with(b".") && v != b"www."
                || v.ends_with(b"/@")
                || matches!(v, b"fb.com" | b"x.com" | b"t.me" | b"about.me" | b"threads.net")
            {
                network = true;
            } else if v.len() >= 2 && (v == b"www." || v == b"://" || HINT_STEMS.iter().any(|h| h.as_bytes() == v)) {
                hint = true;
            } else {
                label = true;
            }
            if network && hint && label {
                break;
            }
        }
        let want_homepages = input.field.expects == Some(Kind::UrlPersonal) || hint;
        if network || want_homepages {
            let chunks = host_chunks(b);
            if network {
                self.profiles(input, &chunks, out, &mut urls);
            }
            if want_homepages {
                self.homepages(input, &chunks, out, &urls);
            }
        }
        if b.contains(&b'@') {
            self.handles(input, out, &urls);
        }
        if label || input.field.expects == Some(Kind::Username) {
            self.labelled(input, out, &urls);
        }
    }
}

impl Web {
    fn profiles(
        &self,
        input: &Input<'_>,
        chunks: &[(usize, usize)],
        out: &mut Vec<Candidate>,
        urls: &mut Vec<(usize, usize)>,
    ) {
        let b = input.bytes;
        for (s, m_end) in find_in(&self.profile, b, chunks.iter().copied()) {
            if glued_before(b, s) {
                continue;
            }
            let e = trim_url_end(b, s, m_end);
            let v = &b[s..e];
            let slash = v.iter().position(|&c| c == b'/').unwrap_or(0);
            // The profile segment starts after the host's first slash (and after "in/" etc.).
            let after_scheme = if lower(&v[..v.len().min(8)]).starts_with("http") {
                v.windows(3).position(|w| w == b"://").map_or(0, |p| p + 3)
            } else {
                0
            };
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

    fn homepages(
        &self,
        input: &Input<'_>,
        chunks: &[(usize, usize)],
        out: &mut Vec<Candidate>,
        urls: &[(usize, usize)],
    ) {
        let b = input.bytes;
        for (s, m_end) in find_in(&self.homepage, b, chunks.iter().copied()) {
            if glued_before(b, s) || urls.iter().any(|&(us, ue)| s < ue && us < m_end) {
                continue;
            }
            let e = trim_url_end(b, s, m_end);
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
            let company = win.has(COMPANY_SITE_WORDS, 5, 0);
            let personal = !company && (win.has(HOMEPAGE_WORDS, 4, 0) || has_typo_tolerant(&win.before, 4, PAGE_WORDS));
            // A URL under a personal sign-off ("Liebe Grüße / Alf Winkler / www.…").
            let signed = has_prefix && signed_off(input.text, s);
            let score = if signed || (personal && (has_prefix || has_typo_tolerant(&win.before, 3, PAGE_WORDS))) {
                0.7
            } else {
                0.25
            };
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

    fn labelled(&self, input: &Input<'_>, out: &mut Vec<Candidate>, urls: &[(usize, usize)]) {
        let b = input.bytes;
        let text = input.text;
        if input.field.expects == Some(Kind::Username) {
            // The field holds one name, maybe with an emoji or two around it.
            let mut words = text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric));
            if let (Some(t), None) = (words.next(), words.next()) {
                let s = t.as_ptr() as usize - text.as_ptr() as usize;
                if !t.starts_with('@')
                    && t.len() <= 40
                    && self.token.find(t.as_bytes()).is_some_and(|m| m.end() == t.len())
                {
                    out.push(Candidate::new(Kind::Username, s, s + t.len(), 0.3));
                    return;
                }
            }
        }
        if !b.iter().any(|&c| matches!(c, b'u' | b'U' | b'n' | b'N' | b'l' | b'L' | b'a' | b'A')) {
            return;
        }
        let mut labels: Vec<(usize, usize, String)> = self
            .label
            .find_iter(input.folded())
            .map(|m| (m.start(), m.end(), String::from_utf8_lossy(m.as_bytes()).replace(' ', "")))
            .collect();
        // Mistyped labels ("Bnutzername", "usernaem", "acconut").
        // The pattern's labels are in text order: a binary search keeps this linear-ish
        // (a linear search per word made long texts quadratic).
        let exact = labels.len();
        for (ws, i) in long_words(b) {
            let w = &b[ws..i];
            // Cheap filter first: length and first letter ('u', 'b', 'n' or 'a', or a
            // slip in the first letter followed by the second one).
            if !(6..=13).contains(&w.len()) || (i < b.len() && b[i] >= 0x80) {
                continue;
            }
            let f = w[0].to_ascii_lowercase();
            let g = w[1].to_ascii_lowercase();
            if !matches!(f, b'u' | b'b' | b'n' | b'a') && !matches!(g, b'u' | b's' | b'e' | b'c')
                || !typo_ends(w)
                || labels[..exact].binary_search_by_key(&ws, |l| l.0).is_ok()
            {
                continue;
            }
            // ASCII letters and digits only: no allocation to lower-case it.
            let w = std::str::from_utf8(w).unwrap_or_default();
            if let Some(target) = TYPO_LABELS.iter().find(|t| typo_eq_ci(w, t)) {
                labels.push((ws, i, (*target).to_string()));
            }
        }
        labels.sort();
        for (ls, le, label) in labels {
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
            if e < b.len()
                && (b[e] == b'@'
                    || b[e] == b'/'
                    || b[e] >= 0x80
                    || (b[e] == b'.' && e + 1 < b.len() && b[e + 1].is_ascii_alphanumeric()))
            {
                continue;
            }
            if urls.iter().any(|&(us, ue)| s < ue && us < e) {
                continue;
            }
            let v = &b[s..e];
            let tok = lower(v);
            if v.len() < 2
                || !v.is_ascii()
                || !v.iter().any(u8::is_ascii_alphabetic)
                || NOT_NAMES.contains(&tok.as_str())
                || looks_like_domain(&tok)
            {
                continue;
            }
            let has_digit = v.iter().any(u8::is_ascii_digit);
            // Capitals and digits (CUST-20632, KD-124005, GB42): a reference code.
            if has_digit && !v.iter().any(u8::is_ascii_lowercase) {
                continue;
            }
            let marked = has_digit || v.contains(&b'_') || v.contains(&b'.');
            let strong = STRONG_LABELS.contains(&label.as_str());
            let owned = ACCOUNT_LABELS.contains(&label.as_str())
                && previous_word(b, ls).is_some_and(|w| OWNERS.contains(&w.as_str()));
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

/// Labels also found with one typing slip.
const TYPO_LABELS: &[&str] = &["benutzername", "nutzername", "username", "account"];

/// True if the ASCII word `w` (6 bytes or more) starts with the first two letters of
/// a [`TYPO_LABELS`] entry or ends with its last two (ignoring case), for an entry
/// whose length is within one of it. One typing slip changes at most two neighbouring
/// letters, so it leaves one of these ends intact: a cheap test every slip passes.
fn typo_ends(w: &[u8]) -> bool {
    let n = w.len();
    n >= 6
        && TYPO_LABELS.iter().any(|t| {
            let t = t.as_bytes();
            t.len().abs_diff(n) <= 1
                && (w[..2].eq_ignore_ascii_case(&t[..2]) || w[n - 2..].eq_ignore_ascii_case(&t[t.len() - 2..]))
        })
}

/// Labels that name a user name outright.
const STRONG_LABELS: &[&str] = &[
    "benutzername",
    "nutzername",
    "username",
    "user-id",
    "userid",
    "login",
    "log-in",
    "anmeldename",
    "handle",
    "nickname",
    "nick",
    "gebruikersnaam",
    "pseudo",
    "pseudonyme",
    "usuario",
];
/// Labels that need an owner word before them ("the account x").
const ACCOUNT_LABELS: &[&str] = &[
    "account",
    "instagram",
    "insta",
    "twitter",
    "tiktok",
    "github",
    "gitlab",
    "telegram",
    "snapchat",
    "skype",
    "discord",
    "reddit",
    "twitch",
    "mastodon",
    "threads",
];
/// Owner words before an account label.
const OWNERS: &[&str] = &[
    "the", "den", "dem", "das", "my", "mein", "meinen", "meinem", "his", "her", "sein", "seinen", "ihren", "your",
    "deinen", "this", "diesen", "dieses", "their",
];
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

/// True if the URL at `s` starts its own line and one of the three lines above holds a
/// sign-off ("Liebe Grüße", "Best regards") and nothing that names a company.
fn signed_off(text: &str, s: usize) -> bool {
    let before = &text[..s];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    if !before[line_start..].trim().is_empty() || line_start == 0 {
        return false;
    }
    let above: Vec<String> = before[..line_start - 1]
        .rsplit('\n')
        .take(3)
        .flat_map(|l| l.split(|c: char| !c.is_alphanumeric()).map(str::to_lowercase).collect::<Vec<_>>())
        .collect();
    above.iter().any(|w| matches_any(w, CLOSINGS)) && !above.iter().any(|w| matches_any(w, COMPANY_SITE_WORDS))
}

/// `example.com`, `gmx.at`: a host name rather than a handle.
fn looks_like_domain(s: &str) -> bool {
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

    /// Every word one typing slip away from a label passes the cheap end test.
    #[test]
    fn typo_ends_lets_every_slip_through() {
        let letters = b"abcdefghijklmnopqrstuvwxyzAEUN";
        let mut slips = 0;
        for t in TYPO_LABELS {
            let t = t.as_bytes();
            let mut words: Vec<Vec<u8>> = Vec::new();
            for p in 0..=t.len() {
                for &c in letters {
                    words.push([&t[..p], &[c], &t[p..]].concat()); // added
                    if p < t.len() {
                        words.push([&t[..p], &[c], &t[p + 1..]].concat()); // replaced
                    }
                }
                if p < t.len() {
                    words.push([&t[..p], &t[p + 1..]].concat()); // missing
                }
                if p + 1 < t.len() {
                    words.push([&t[..p], &[t[p + 1], t[p]], &t[p + 2..]].concat());
                    // swapped
                }
            }
            for w in words {
                let w = w.to_ascii_uppercase();
                let word = std::str::from_utf8(&w).unwrap();
                if typo_eq_ci(word, std::str::from_utf8(t).unwrap()) {
                    slips += 1;
                    assert!(typo_ends(&w), "{word}");
                }
            }
        }
        assert!(slips > 1000);
        assert!(!typo_ends(b"Bestellung") && !typo_ends(b"Fehler") && typo_ends(b"Bnutzername"));
    }

    #[test]
    fn host_chunks_find_what_the_whole_text_finds() {
        let web = Web::new();
        let mut texts: Vec<String> = [
            "1.2.de",
            "a. b.de",
            "see x.com/@me.",
            "www.a-b.de/x y.at",
            "…é.de\tf.com/ linkedin.com/in/x",
            ".de",
            "a.",
            "q.b.c.d.e.f.de?x",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        // Random texts over the characters that matter (deterministic generator).
        let alphabet: Vec<char> = "ab1.-/@ \n\tdecomwwnilkx:é_".chars().collect();
        let mut next = crate::test_rng(12345);
        for _ in 0..3000 {
            let t: String = (0..next(40)).map(|_| alphabet[next(alphabet.len())]).collect();
            texts.push(t);
        }
        for t in &texts {
            let b = t.as_bytes();
            let chunks = host_chunks(b);
            for re in [&web.homepage, &web.profile] {
                let whole: Vec<(usize, usize)> = re.find_iter(b).map(|m| (m.start(), m.end())).collect();
                let parts: Vec<(usize, usize)> = find_in(re, b, chunks.iter().copied()).collect();
                assert_eq!(whole, parts, "{t:?}");
            }
        }
    }

    /// The words a byte-by-byte reading finds, of six bytes or more.
    fn long_words_one_by_one(b: &[u8]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            if !b[i].is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            let ws = i;
            while i < b.len() && b[i].is_ascii_alphanumeric() {
                i += 1;
            }
            if i - ws >= 6 {
                out.push((ws, i));
            }
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn long_words_as_read_one_by_one(parts in proptest::collection::vec(proptest::sample::select(vec!["a", "Z", "1", "9", " ", "-", "ä", "_", "\n", "abc", "user", "12345"]), 0..40)) {
            let t = parts.concat();
            proptest::prop_assert_eq!(long_words(t.as_bytes()).collect::<Vec<_>>(), long_words_one_by_one(t.as_bytes()));
        }
    }

    #[test]
    fn domains() {
        assert!(looks_like_domain("example.com"));
        assert!(!looks_like_domain("anna.gruber"));
    }
}
