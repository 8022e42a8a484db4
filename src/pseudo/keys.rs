//! The mapping of a session: the placeholder forms (a key such as `PERSON_1_FIRST`, the
//! exact text it restores to, and its surrogate), the entries they belong to (one per
//! value or person, numbered per label), and how numbers and keys are handed out —
//! skipping every key that the person's text already contains in a spelling `restore`
//! would accept (collision rule 1 in the documentation of [`super`]). Also the
//! session's random number generator.

use crate::case::Lowercase;
use crate::entity::Kind;
use std::collections::{BTreeSet, HashMap, HashSet};

/// Label of placeholders that stand for literal text of the person.
pub(super) const LITERAL_LABEL: &str = "TEXT";

/// One placeholder: a key (`PERSON_1_FIRST`) and the exact text it restores to.
#[derive(Clone)]
pub(super) struct Form {
    pub(super) key: String,
    pub(super) original: String,
    pub(super) surrogate: Option<String>,
}

/// A person: the tokens of its most complete mention and a fake token for each.
#[derive(Clone)]
pub(super) struct Person {
    /// Lower-cased name tokens, most complete mention.
    pub(super) tokens: Vec<String>,
    /// Fake tokens aligned with `tokens`.
    pub(super) fake: Vec<String>,
}

/// The fake value of an entry, from which the surrogate of each written form is made.
#[derive(Clone)]
pub(super) enum Fake {
    None,
    Iban(String),
    Card(String),
    Phone(String),
    Email(String),
}

/// One value (or person) of the session: its label and number, and its written forms.
#[derive(Clone)]
pub(super) struct Entry {
    pub(super) label: String,
    pub(super) n: u32,
    /// Surface form → form index.
    pub(super) forms: HashMap<String, usize>,
    pub(super) person: Option<Person>,
    pub(super) fake: Fake,
}

/// Everything a session knows: forms and their lookup tables, entries, and what the
/// numbering must avoid.
#[derive(Clone, Default)]
pub(super) struct State {
    pub(super) forms: Vec<Form>,
    pub(super) by_key: HashMap<String, usize>,
    pub(super) keys: BTreeSet<String>,
    pub(super) max_key: usize,
    pub(super) by_sur: HashMap<String, usize>,
    pub(super) sur_first: HashMap<char, Vec<usize>>,
    pub(super) max_sur: usize,

    pub(super) entries: Vec<Entry>,
    pub(super) by_value: HashMap<(Option<Kind>, String), usize>,
    pub(super) persons: Vec<usize>,
    pub(super) counters: HashMap<String, u32>,
    pub(super) labels: HashSet<String>,
    pub(super) burnt: HashSet<String>,
    pub(super) seen_words: HashSet<u64>,
    pub(super) originals: HashSet<String>,
    pub(super) fake_tokens: HashSet<String>,
    pub(super) rng: u64,
}

impl State {
    /// The next number of the session's generator (a SplitMix64 sequence).
    pub(super) fn next_u64(&mut self) -> u64 {
        self.rng = self.rng.wrapping_add(0x9e37_79b9_7f4a_7c15);
        splitmix(self.rng)
    }

    /// A random number in `0..n`.
    pub(super) fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Remembers every `LABEL n` the text contains in a spelling `restore` might
    /// accept, for the labels that can occur in this session.
    pub(super) fn burn(&mut self, text: &str) {
        let b = text.as_bytes();
        let mut words: Vec<(usize, usize)> = Vec::new();
        let mut i = 0usize;
        let mut prev_end: Option<usize> = None;
        while i < b.len() {
            if !b[i].is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            let s = i;
            while i < b.len() && b[i].is_ascii_alphanumeric() {
                i += 1;
            }
            let joined =
                prev_end.is_some_and(|p| s - p <= 3 && b[p..s].iter().all(|c| matches!(c, b' ' | b'_' | b'-')));
            if !joined {
                words.clear();
            }
            let w = &text[s..i];
            self.seen_words.insert(word_hash(w));
            if w.bytes().all(|c| c.is_ascii_digit()) && !w.starts_with('0') && w.len() <= 9 {
                let n: u32 = w.parse().unwrap_or(0);
                // A suffix word right after the number (`_FIRST`, `-alt2`).
                let mut j = i;
                while j < b.len() && j - i < 3 && matches!(b[j], b' ' | b'_' | b'-') {
                    j += 1;
                }
                let mut k = j;
                while k < b.len() && b[k].is_ascii_alphanumeric() {
                    k += 1;
                }
                let suffix = (j > i && k > j).then(|| text[j..k].to_ascii_uppercase());
                let mut label = String::new();
                for k in 1..=words.len().min(4) {
                    let (ws, we) = words[words.len() - k];
                    let part = text[ws..we].to_ascii_uppercase();
                    label = if label.is_empty() { part } else { format!("{part}_{label}") };
                    if self.labels.contains(&label)
                        || label == LITERAL_LABEL
                        || Kind::BUILTIN.iter().any(|k| k.label() == label)
                    {
                        self.burnt.insert(format!("{label}_{n}"));
                        if let Some(sfx) = &suffix {
                            self.burnt.insert(format!("{label}_{n}_{sfx}"));
                        }
                    }
                }
            }
            words.push((s, i));
            if words.len() > 8 {
                words.remove(0);
            }
            prev_end = Some(i);
        }
    }

    /// The next free number of `label`: not handed out and not burnt.
    pub(super) fn alloc_number(&mut self, label: &str) -> u32 {
        let mut n = self.counters.get(label).copied().unwrap_or(0);
        loop {
            n += 1;
            let key = format!("{label}_{n}");
            if !self.burnt.contains(&key) && !self.by_key.contains_key(&key) {
                break;
            }
        }
        self.counters.insert(label.to_string(), n);
        n
    }

    /// A new entry of `label` with the next free number.
    pub(super) fn new_entry(&mut self, label: &str, person: Option<Person>, fake: Fake) -> usize {
        self.labels.insert(label.to_string());
        let n = self.alloc_number(label);
        self.entries.push(Entry { label: label.to_string(), n, forms: HashMap::new(), person, fake });
        self.entries.len() - 1
    }

    /// Registers a new form of `entry`. `suffix` None = the plain key.
    pub(super) fn add_form(
        &mut self,
        entry: usize,
        suffix: Option<&str>,
        original: &str,
        surrogate: Option<String>,
    ) -> usize {
        let base = format!("{}_{}", self.entries[entry].label, self.entries[entry].n);
        let mut key = match suffix {
            None => base.clone(),
            Some(s) => format!("{base}_{s}"),
        };
        let mut k = 2;
        while self.by_key.contains_key(&key) || (suffix.is_some() && self.burnt.contains(&key)) {
            key = format!("{base}_{}{k}", suffix.unwrap_or("ALT"));
            k += 1;
        }
        let surrogate = surrogate
            .filter(|s| !s.is_empty() && !self.by_sur.contains_key(s) && !self.originals.contains(s) && s != original);
        let f = self.forms.len();
        self.max_key = self.max_key.max(key.len());
        self.by_key.insert(key.clone(), f);
        self.keys.insert(key.clone());
        if let Some(s) = &surrogate {
            self.by_sur.insert(s.clone(), f);
            self.sur_first.entry(s.chars().next().expect("non-empty")).or_default().push(f);
            self.max_sur = self.max_sur.max(s.len());
        }
        self.originals.insert(original.to_string());
        self.forms.push(Form { key, original: original.to_string(), surrogate });
        self.entries[entry].forms.insert(original.to_string(), f);
        f
    }

    /// The form of a `[TEXT_n]` placeholder that restores to exactly `s`.
    pub(super) fn literal(&mut self, s: &str) -> usize {
        let key = (None, s.to_string());
        let entry = match self.by_value.get(&key) {
            Some(&e) => e,
            None => {
                let e = self.new_entry(LITERAL_LABEL, None, Fake::None);
                self.by_value.insert(key, e);
                e
            }
        };
        match self.entries[entry].forms.get(s) {
            Some(&f) => f,
            None => self.add_form(entry, None, s, None),
        }
    }
}

/// Hash of a word, lower-cased (only hashes of earlier words are kept, so that a fake
/// name never repeats a word the person wrote earlier in the conversation).
pub(super) fn word_hash(w: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    w.lowercase().hash(&mut h);
    h.finish()
}

/// SplitMix64 finaliser (Steele, Lea, Flood 2014): the output step of the session's
/// generator, also used to derive a fresh seed on `clear`.
pub(super) fn splitmix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}
