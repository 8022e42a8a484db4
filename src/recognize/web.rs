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
//!   A second name of the same label may follow after "und" / "and" / "," and a few
//!   filler words ("eins unter mario.wolf und eins unter mwolf_bln") when it has the
//!   marks of a user name (a digit, `_` or an inner dot).
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
//!   So is a homepage whose host spells a full name the text writes as two capitalised
//!   words ("Fenja Harms" … `www.fenjaharms-design.de`), unless a company word stands
//!   before it.
//!
//! The span is the whole URL with its scheme; trailing sentence punctuation is not
//! part of it.
//!
//! Cost: one literal pass over the text (network hosts, URL words, user-name labels
//! and their slip-proof stems) decides whether the profile and user-name patterns run.
//! Every host with a homepage's ending is proposed; the words around it (up to 600
//! bytes before) are read as it is judged, for the few proposed.

mod handles;
mod homepage;
mod labelled;
mod profile;
mod text;
mod urls;
mod user_words;

use super::util::{Literals, Reach, Recognizer};
use crate::entity::Kind;
use crate::field::FieldClass;
use crate::types::{Candidate, Input};
use handles::Handles;
use labelled::Labelled;
use urls::{host_chunks, Urls, HINT_STEMS};

/// The user-name labels (read by the registry's tests of the folded patterns).
#[cfg(test)]
pub(super) use labelled::LABELS;

/// What a match of the gate's literal set is a cue for.
enum Cue {
    /// A network's host or profile form: profile URLs.
    Network,
    /// `www.`, `://` or a page word: homepages (`profil` is also a user-name label).
    Hint { profil: bool },
    /// A user-name label.
    Label,
}

/// The cue a gate match `v` (folded: lower case) stands for.
fn cue_of(v: &[u8]) -> Cue {
    if v.ends_with(b".") && v != b"www."
        || v.ends_with(b"/@")
        || matches!(v, b"fb.com" | b"x.com" | b"t.me" | b"about.me" | b"threads.net")
    {
        Cue::Network
    } else if v.len() >= 2 && (v == b"www." || v == b"://" || HINT_STEMS.iter().any(|h| h.as_bytes() == v)) {
        Cue::Hint { profil: v == b"profil" }
    } else {
        Cue::Label
    }
}

pub(super) struct Web {
    gate: Literals,
    urls: Urls,
    handles: Handles,
    labelled: Labelled,
}

impl Web {
    /// The kinds this recogniser finds (the registry builds it only for a scanner with
    /// one of them on).
    pub(super) const KINDS: &'static [Kind] = &[Kind::Username, Kind::UrlPersonal];

    pub(super) fn new() -> Web {
        Web {
            gate: Literals::new(GATE).kept_as(super::util::kept::WEB),
            urls: Urls::new(),
            handles: Handles::new(),
            labelled: Labelled::new(),
        }
    }
}

/// Every literal that can start the work of this recogniser, in lower case (searched in
/// [`Input::folded`]): network hosts, URL and homepage words, user-name labels and
/// stems that survive a typing slip ("usernaem", "acconut", "acocunt", "usenrame":
/// `labelled::tests` tries every slip of the labels read with one).
pub(super) const GATE: &str = "linkedin.|xing.|facebook.|fb.com|instagram.|twitter.|x.com|github.|gitlab.|threads.net|pinterest.|behance.|dribbble.|about.me|t.me|reddit.|soundcloud.|vimeo.|/@|www.|://|homepage|website|webseite|portfolio|blog|profil|site|seite|page|web|url|cv|lebenslauf|bewerbung|referenz|sito|sitio|pagina|página|benutzer|nutzer|user|login|log-in|anmelde|handle|nick|account|insta|twitter|tiktok|github|gitlab|telegram|snapchat|skype|discord|reddit|twitch|mastodon|threads|pseudo|gebruikersnaam|utente|usuario|name|naem|nutz|acc|ount|acoc|senr|konto|konten";

impl Recognizer for Web {
    fn kinds(&self) -> &'static [Kind] {
        Self::KINDS
    }

    fn find(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let b = input.bytes;
        let mut urls: Vec<(usize, usize)> = Vec::new();
        // One literal pass tells which of the patterns can match at all; it stops once
        // both kinds of cue that gate one were seen.
        let (mut network, mut label) = (false, false);
        for (s, e) in self.gate.matches(input) {
            match cue_of(&input.folded()[s..e]) {
                Cue::Network => network = true,
                // "Profil" is also an account word before a user name.
                Cue::Hint { profil } => label |= profil,
                Cue::Label => label = true,
            }
            if network && label {
                break;
            }
        }
        // Every host with a homepage's ending is proposed: the words that make it one
        // may lie beyond this recogniser's reach, and are read as it is judged.
        let chunks = host_chunks(b);
        if network {
            self.urls.profiles(input, &chunks, out, &mut urls);
        }
        self.urls.homepages(input, &chunks, out, &urls);
        if b.contains(&b'@') {
            self.handles.find(input, out, &urls);
        }
        if label || input.field.expects == Some(Kind::Username) {
            self.labelled.find(input, out, &urls);
        }
    }

    fn reach(&self) -> Reach {
        Reach::NEAR
    }

    /// A homepage: kept with its score where the words around it make it one, read
    /// up to 600 bytes before it and 300 after (within [`Reach::JUDGING`]).
    fn judge(&self, c: &Candidate, text: &str, field: &FieldClass) -> Option<f32> {
        if c.subtype != Some("homepage") {
            return Some(c.score);
        }
        let (s, e) = (c.start, c.end);
        urls::homepage_score(text, s, e, || {
            if field.expects == Some(Kind::UrlPersonal) {
                return true;
            }
            // The gate's matches in the text around the URL (a window of it, lower-cased)
            let (from, to) = urls::near_span(s, e);
            let window = text.as_bytes()[from..to.min(text.len())].to_ascii_lowercase();
            let hint = self.gate.find_iter(&window).any(|(hs, he)| matches!(cue_of(&window[hs..he]), Cue::Hint { .. }));
            hint
        })
    }
}
