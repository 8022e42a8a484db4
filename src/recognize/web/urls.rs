//! Personal URLs: profile paths of the big networks and personal homepages (see the
//! parent module's docs), with the word lists that tell a personal page from a
//! company's.

use super::homepage::{homepages, tld_end};
use super::profile::profiles;
use super::text::{glued_before, lower, trim_url_end};
use crate::context::{matches_any, Window};
use crate::entity::Kind;
use crate::recognize::util::{has_typo_tolerant, Literals};
use crate::types::{Candidate, Input};

/// What every match of the profile pattern holds (in lower case): a network's host
/// with its slash, or `/@` after a Fediverse host.
const PROFILE_CUES: &str = "linkedin.com/|xing.com/|xing.de/|facebook.com/|fb.com/|instagram.com/|twitter.com/|\
x.com/|github.com/|gitlab.com/|threads.net/|pinterest.|behance.net/|dribbble.com/|about.me/|t.me/|reddit.com/u|\
soundcloud.com/|vimeo.com/|/@";

/// The cue words of profile URLs.
pub(super) struct Urls {
    profile_cues: Literals,
}

impl Urls {
    pub(super) fn new() -> Urls {
        Urls { profile_cues: Literals::new(PROFILE_CUES) }
    }

    /// The profile URLs of `b` ([`profiles`]; `f`: folded), searched in the parts of
    /// its `chunks` that hold a network's host ([`url_parts`]).
    fn profile_spans<'a>(
        &'a self,
        b: &'a [u8],
        f: &'a [u8],
        chunks: &'a [(usize, usize)],
    ) -> impl Iterator<Item = (usize, usize)> + 'a {
        url_parts(b, chunks, profile_byte, |(s, e)| self.profile_cues.is_match(&f[s..e]))
            .flat_map(|(lo, hi)| profiles(&b[lo..hi]).into_iter().map(move |(s, e)| (lo + s, lo + e)))
    }

    /// The homepage URLs of `b` ([`homepages`]), searched in the parts of its
    /// `chunks` that hold a homepage's top-level domain ([`url_parts`]).
    fn homepage_spans<'a>(
        &self,
        b: &'a [u8],
        chunks: &'a [(usize, usize)],
    ) -> impl Iterator<Item = (usize, usize)> + 'a {
        url_parts(b, chunks, homepage_byte, |(s, e)| has_homepage_tld(&b[s..e]))
            .flat_map(|(lo, hi)| homepages(&b[lo..hi]).into_iter().map(move |(s, e)| (lo + s, lo + e)))
    }

    /// Profile URLs of the networks, found in `chunks` (see [`host_chunks`]); their
    /// spans go to `urls`.
    pub(super) fn profiles(
        &self,
        input: &Input<'_>,
        chunks: &[(usize, usize)],
        out: &mut Vec<Candidate>,
        urls: &mut Vec<(usize, usize)>,
    ) {
        let b = input.bytes;
        for (s, m_end) in self.profile_spans(b, input.folded(), chunks) {
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

    /// Homepages not inside a profile URL of `urls`, proposed as they are: how they
    /// are read ([`homepage_score`]) depends on text further away, judged as the
    /// candidates are ([`super::Web`]'s `judge`).
    pub(super) fn homepages(
        &self,
        input: &Input<'_>,
        chunks: &[(usize, usize)],
        out: &mut Vec<Candidate>,
        urls: &[(usize, usize)],
    ) {
        let b = input.bytes;
        for (s, m_end) in self.homepage_spans(b, chunks) {
            if glued_before(b, s) || urls.iter().any(|&(us, ue)| s < ue && us < m_end) {
                continue;
            }
            let e = trim_url_end(b, s, m_end);
            // An e-mail domain or a longer word: not a URL.
            if e < b.len() && (b[e] == b'@' || b[e].is_ascii_alphanumeric() || b[e] >= 0x80) {
                continue;
            }
            let v = lower(&b[s..e]);
            let (host, has_prefix) = host_of(&v);
            let labels = host.split('.').count();
            // Two letters then a dot ("z.B.", "u.a.") or a file name is no host.
            if !has_prefix && (labels < 2 || host.split('.').next().is_some_and(|l| l.len() < 3)) {
                continue;
            }
            let mut c = Candidate::new(Kind::UrlPersonal, s, e, 0.25);
            c.subtype = Some("homepage");
            out.push(c);
        }
    }
}

/// The host of URL `v` (lower case) and whether a scheme or `www.` stands before it.
fn host_of(v: &str) -> (&str, bool) {
    let host = v.trim_start_matches("https://").trim_start_matches("http://");
    let has_prefix = host.len() != v.len() || host.starts_with("www.");
    (host.split('/').next().unwrap_or(""), has_prefix)
}

/// The score of the homepage at `s..e` of `text`: 0.7 with a homepage word or under a
/// personal sign-off, or where its host spells a name written around it, else 0.25.
/// `None` for a bare host (no scheme, no `www.`) without a hint word (`www.`, `://`, a
/// page word) starting in the text around it, the text [`near_text`] reads
/// (`hint_near`), outside a field that asks for a homepage.
pub(super) fn homepage_score(text: &str, s: usize, e: usize, hint_near: impl FnOnce() -> bool) -> Option<f32> {
    let v = lower(&text.as_bytes()[s..e]);
    let (host_name, has_prefix) = host_of(&v);
    if !has_prefix && !hint_near() {
        return None;
    }
    let win = Window::around(text, s, e);
    let company = win.has(COMPANY_SITE_WORDS, 5, 0);
    let personal = !company && (win.has(HOMEPAGE_WORDS, 4, 0) || has_typo_tolerant(&win.before, 4, PAGE_WORDS));
    // A URL under a personal sign-off ("Liebe Grüße / Alf Winkler / www.…"), or
    // whose host spells a full name written in the text ("Luisa Hoffmann" …
    // luisa-hoffmann-fotografie.de).
    let signed = has_prefix && signed_off(text, s);
    let named = || !company && host_spells_name(near_text(text, s, e), host_name);
    Some(if signed || (personal && (has_prefix || has_typo_tolerant(&win.before, 3, PAGE_WORDS))) || named() {
        0.7
    } else {
        0.25
    })
}

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
pub(super) const HINT_STEMS: &[&str] = &[
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

/// The chunks of `b` (runs without ASCII white space) that hold a dot followed by a
/// letter: the only places a host name can be. The URL patterns match neither white
/// space nor anything without such a dot, so searching these chunks finds exactly what
/// a search of the whole text finds, without running the automaton over prose.
pub(super) fn host_chunks(b: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut prev_end = 0; // the previous chunk ends at white space (or the text's end)
    while let Some(p) = crate::bytes::find_byte(&b[i..], b'.') {
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

/// The parts of the `chunks` of `b` where a URL shape is read: the maximal runs of
/// bytes for which `byte` holds (every byte a URL of the shape can hold) that pass
/// `cue` (something every such URL holds). A byte out of the runs is no word byte, so
/// a word boundary reads a part's ends as it reads the bytes around them: part by
/// part, a shape is found where it is in the chunks, while a part of an e-mail address
/// (`anna.huber@web.de`: `web.de`) or prose glued to a dot is a few bytes or none.
fn url_parts<'a>(
    b: &'a [u8],
    chunks: &'a [(usize, usize)],
    byte: fn(u8) -> bool,
    cue: impl Fn((usize, usize)) -> bool + 'a,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    chunks
        .iter()
        .flat_map(move |&(lo, hi)| {
            let mut i = lo;
            std::iter::from_fn(move || {
                while i < hi {
                    let s = i + b[i..hi].iter().position(|&c| byte(c)).unwrap_or(hi - i);
                    let e = s + b[s..hi].iter().position(|&c| !byte(c)).unwrap_or(hi - s);
                    i = e;
                    if s < e {
                        return Some((s, e));
                    }
                }
                None
            })
        })
        .filter(move |&p| cue(p))
}

/// A byte a homepage URL can hold: letters, digits and `._%~/:-`.
fn homepage_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'~' | b'/' | b':' | b'-')
}

/// A byte a profile URL can hold: those of a homepage, `?=@` and non-ASCII bytes.
fn profile_byte(c: u8) -> bool {
    homepage_byte(c) || matches!(c, b'?' | b'=' | b'@') || c >= 0x80
}

/// True if `part` holds a dot followed by a word that is a homepage's top-level
/// domain: what the homepage pattern needs (`\.(?:de|at|…)\b`).
fn has_homepage_tld(part: &[u8]) -> bool {
    crate::bytes::byte_positions(part, b'.').any(|d| tld_end(part, d + 1).is_some())
}

/// How far (bytes) before a URL and after its end the text around it reaches: where
/// the writer's name stands in a message or its signature, and the words that make a
/// bare host a homepage. Read as a homepage is judged, within what a rescan judges
/// again around an edit (`Reach::JUDGING`).
const NEAR_BEFORE: usize = 600;
const NEAR_AFTER: usize = 300;

/// Where the text around the URL at `s..e` starts and ends (bytes, not cut at character
/// boundaries): [`NEAR_BEFORE`] before it and [`NEAR_AFTER`] after it.
pub(super) fn near_span(s: usize, e: usize) -> (usize, usize) {
    (s.saturating_sub(NEAR_BEFORE), e + NEAR_AFTER)
}

/// The text within [`NEAR_BEFORE`] bytes before and [`NEAR_AFTER`] after the URL at
/// `s..e` (cut at character boundaries).
fn near_text(text: &str, s: usize, e: usize) -> &str {
    let (a, z) = near_span(s, e);
    &text[crate::span::within(text, a, z)]
}

/// True if the host (without its top-level domain) spells a full name that the text
/// writes as two capitalised words ("Fenja Harms" → `fenjaharms-design.de`,
/// `harms-fenja.de`), each of three letters or more; umlauts may be spelt out
/// (`mueller`).
fn host_spells_name(text: &str, host: &str) -> bool {
    let host = host.trim_start_matches("www.");
    let Some((name, _tld)) = host.rsplit_once('.') else { return false };
    let name: String = name.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    if name.len() < 6 {
        return false;
    }
    let mut prev: Option<String> = None;
    for w in text.split_whitespace() {
        let word = w.trim_matches(|c: char| !c.is_alphanumeric());
        let capital = word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().skip(1).all(char::is_lowercase)
            && word.chars().count() >= 3
            && word.len() == w.trim_end_matches([',', '.', '|', ':']).len();
        let folded = capital.then(|| fold_name(word));
        if let (Some(a), Some(b)) = (&prev, &folded) {
            if name.contains(&format!("{a}{b}")) || name.contains(&format!("{b}{a}")) {
                return true;
            }
        }
        prev = folded.filter(|_| w.len() == word.len());
    }
    false
}

/// A name as it is written in a host: lower case, umlauts spelt out (ä → ae, ß → ss),
/// other accents dropped.
fn fold_name(w: &str) -> String {
    let mut out = String::with_capacity(w.len() + 2);
    for c in w.chars().flat_map(crate::case::lower) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c => out.push(crate::case::base_letter(c).unwrap_or(c)),
        }
    }
    out
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
        .flat_map(|l| l.split(|c: char| !c.is_alphanumeric()).map(crate::case::lower_str).collect::<Vec<_>>())
        .collect();
    above.iter().any(|w| matches_any(w, CLOSINGS)) && !above.iter().any(|w| matches_any(w, COMPANY_SITE_WORDS))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A host label, as the homepage pattern had it.
    const LABEL: &str = r"[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?";

    /// Searched in the parts of the host chunks, the homepage shape (read by hand) and
    /// the profile pattern (in `&str`, non-ASCII characters as a class of code points)
    /// find what the byte patterns they replace found in the whole text (non-ASCII
    /// bytes as a class of bytes).
    #[test]
    fn host_chunks_find_what_the_whole_text_finds() {
        let web = Urls::new();
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
        let alphabet: Vec<char> = "ab1.-/@ \n\tdecomwwnilkx:é_ł😀%~?=".chars().collect();
        let mut next = crate::test_rng(12345);
        for _ in 0..3000 {
            let t: String = (0..next(40)).map(|_| alphabet[next(alphabet.len())]).collect();
            texts.push(t);
        }
        // … and over the pieces of URLs and e-mail addresses.
        let pieces = [
            "linkedin.com/in/",
            "LinkedIn.com/pub/",
            "xing.de/profile/",
            "x.com/",
            "/@",
            "github.com/",
            "t.me/",
            "www.",
            "WWW.",
            "https://",
            "http://",
            "profile.php?id=",
            "123",
            "anna",
            "@",
            ".de",
            ".COM",
            ".info",
            ".",
            "-",
            " ",
            "\n",
            "ł",
            "é",
            "?",
            "=",
            "a",
            "Pinterest.DE/",
            "reddit.com/user/",
            "m.",
            "de.",
            "_",
            "%",
            "/",
            ":",
            ",",
            "abcdefghijklmnopqrstuvwxyz0123",
            "de-",
            "-",
            "HTTP://",
            "hTtPs://",
            "name",
            ".site",
            "_x",
            "Threads.NET/",
            "mobile.",
            "pinterest.",
            "abc",
            "facebook.com/",
            "12",
            "profile.php?id=",
            "xing.de/profiles/",
            "ab.",
            "/@",
            "@",
            "T.me/",
        ];
        for _ in 0..3000 {
            let t: String = (0..next(20)).map(|_| pieces[next(pieces.len())]).collect();
            texts.push(t);
        }
        let homepage = format!(
            r"(?i)(?:https?://)?(?:www\.)?{LABEL}(?:\.{LABEL})*\.(?:{})\b(?:/[A-Za-z0-9_.%~/-]*)?",
            super::super::homepage::HOMEPAGE_TLDS.join("|")
        );
        let profile = concat!(
            r"(?i)(?:https?://)?(?:(?:www|m|mobile|[a-z]{2})\.)?",
            r"(?:linkedin\.com/(?:in|pub)/|xing\.(?:com|de)/profiles?/|facebook\.com/|fb\.com/|instagram\.com/|",
            r"twitter\.com/|x\.com/|github\.com/|gitlab\.com/|threads\.net/@?|pinterest\.[a-z]{2,3}/|behance\.net/|",
            r"dribbble\.com/|about\.me/|t\.me/|reddit\.com/u(?:ser)?/|soundcloud\.com/|vimeo\.com/|",
            r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}/@)",
            r"(?:profile\.php\?id=[0-9]+|[A-Za-z0-9_.%~\x80-\xff-]+/?)"
        )
        .to_string();
        let [homepage, profile] = [homepage, profile].map(|p| crate::recognize::util::reference(&p));
        for t in &texts {
            let b = t.as_bytes();
            let chunks = host_chunks(b);
            let f = t.to_ascii_lowercase();
            let all = |re: &regex::bytes::Regex| re.find_iter(b).map(|m| (m.start(), m.end())).collect::<Vec<_>>();
            assert_eq!(web.homepage_spans(b, &chunks).collect::<Vec<_>>(), all(&homepage), "{t:?}");
            assert_eq!(web.profile_spans(b, f.as_bytes(), &chunks).collect::<Vec<_>>(), all(&profile), "{t:?}");
        }
    }
}
