//! Which placeholder form a found value gets: the same value (by its canonical key)
//! gets the same entry, a new spelling of it an `_ALT` form; a name mention is linked
//! to an earlier person when that is unambiguous and gets `_FULL`, `_FIRST`, `_LAST` or
//! `_ALT` forms (see "Names" in [`super`]).

use super::keys::{Fake, Person, State};
use super::surrogates::{name_surrogate, surrogate_form};
use super::values::{canonical, compatible, name_tokens};
use crate::case::Lowercase;
use crate::entity::Kind;

impl State {
    #[allow(clippy::too_many_arguments)]
    /// The form of `value` (a finding of `kind`, labelled `label`, in `text`): an
    /// existing one, or a new one with a surrogate when `sur`.
    pub(super) fn form_for(
        &mut self,
        kind: Kind,
        label: &str,
        value: &str,
        text: &str,
        sur: bool,
        german: bool,
        titled: bool,
    ) -> usize {
        if kind == Kind::Person {
            let toks = name_tokens(value);
            if !toks.is_empty() {
                return self.person_form(label, value, &toks, text, sur, german, titled);
            }
        }
        let key = (Some(kind), canonical(kind, value));
        let entry = match self.by_value.get(&key) {
            Some(&e) => e,
            None => {
                let mut fake = Fake::None;
                if sur {
                    for _ in 0..8 {
                        let f = self.make_fake(kind, value, german);
                        match surrogate_form(&f, kind, value) {
                            Some(s) if self.surrogate_ok(&s, text) => {
                                fake = f;
                                break;
                            }
                            _ => {}
                        }
                    }
                }
                let e = self.new_entry(label, None, fake);
                self.by_value.insert(key, e);
                e
            }
        };
        if let Some(&f) = self.entries[entry].forms.get(value) {
            return f;
        }
        let suffix = if self.entries[entry].forms.is_empty() { None } else { Some("ALT") };
        let surrogate = if sur {
            surrogate_form(&self.entries[entry].fake, kind, value).filter(|s| self.surrogate_ok(s, text))
        } else {
            None
        };
        self.add_form(entry, suffix, value, surrogate)
    }

    /// The known person a mention with lower-cased tokens `t` refers to, if exactly
    /// one fits (rules 1 to 3 of "Names" in [`super`]).
    pub(super) fn link_person(&self, t: &[String]) -> Option<usize> {
        if let Some(&e) = self.persons.iter().find(|&&e| self.entries[e].person.as_ref().is_some_and(|p| p.tokens == t))
        {
            return Some(e);
        }
        let first = &t[0];
        let last = &t[t.len() - 1];
        let cands: Vec<usize> = self
            .persons
            .iter()
            .copied()
            .filter(|&e| {
                let p = &self.entries[e].person.as_ref().expect("person").tokens;
                if t.len() == 1 {
                    p.len() >= 2 && (p[0] == *first || p[p.len() - 1] == *first)
                } else if p.len() == 1 {
                    p[0] == *first || p[0] == *last
                } else {
                    p[p.len() - 1] == *last && compatible(&p[0], first)
                }
            })
            .collect();
        (cands.len() == 1).then(|| cands[0])
    }

    #[allow(clippy::too_many_arguments)]
    /// The form of a name mention `value` with tokens `toks`; links or creates the
    /// person and registers its `_FIRST` / `_LAST` forms.
    pub(super) fn person_form(
        &mut self,
        label: &str,
        value: &str,
        toks: &[(usize, usize)],
        text: &str,
        sur: bool,
        german: bool,
        titled: bool,
    ) -> usize {
        let german = german || value.chars().any(|c| "äöüÄÖÜß".contains(c));
        let t: Vec<String> = toks.iter().map(|&(s, e)| value[s..e].lowercase()).collect();
        let entry = match self.link_person(&t) {
            Some(e) => {
                let old = self.entries[e].person.clone().expect("person");
                if t.len() > old.tokens.len() {
                    let mut fake = Vec::with_capacity(t.len());
                    for (k, tok) in t.iter().enumerate() {
                        match old.tokens.iter().position(|o| o == tok) {
                            Some(j) => fake.push(old.fake[j].clone()),
                            None => {
                                let f = self.fresh_name(k + 1 == t.len() && k > 0, german);
                                fake.push(f);
                            }
                        }
                    }
                    self.entries[e].person = Some(Person { tokens: t.clone(), fake });
                }
                e
            }
            None => {
                let fake: Vec<String> = (0..t.len())
                    .map(|k| {
                        let is_last = if t.len() == 1 { titled } else { k + 1 == t.len() };
                        self.fresh_name(is_last, german)
                    })
                    .collect();
                let e = self.new_entry(label, Some(Person { tokens: t.clone(), fake }), Fake::None);
                self.persons.push(e);
                e
            }
        };
        let result = match self.entries[entry].forms.get(value) {
            Some(&f) => f,
            None => {
                let p = self.entries[entry].person.clone().expect("person");
                let suffix = if self.entries[entry].forms.is_empty() {
                    None
                } else if t == p.tokens {
                    Some("FULL")
                } else if t.len() == 1 && p.tokens.len() >= 2 && t[0] == p.tokens[0] {
                    Some("FIRST")
                } else if t.len() == 1 && p.tokens.len() >= 2 && t[0] == p.tokens[p.tokens.len() - 1] {
                    Some("LAST")
                } else {
                    Some("ALT")
                };
                let surrogate = if sur {
                    Some(name_surrogate(value, toks, &t, &p)).filter(|s| self.surrogate_ok(s, text))
                } else {
                    None
                };
                self.add_form(entry, suffix, value, surrogate)
            }
        };
        // Register the first and last token of a multi-token mention that spells the
        // person's full name, so that the model may refer to them.
        let p = self.entries[entry].person.clone().expect("person");
        if t.len() >= 2 && t == p.tokens {
            for (role, k) in [("FIRST", 0), ("LAST", toks.len() - 1)] {
                let key = format!("{}_{}_{role}", self.entries[entry].label, self.entries[entry].n);
                let (s, e) = toks[k];
                let surface = &value[s..e];
                if self.by_key.contains_key(&key) || self.entries[entry].forms.contains_key(surface) {
                    continue;
                }
                let surrogate = if sur {
                    Some(name_surrogate(surface, &[(0, surface.len())], &t[k..k + 1], &p))
                        .filter(|x| self.surrogate_ok(x, text))
                } else {
                    None
                };
                self.add_form(entry, Some(role), surface, surrogate);
            }
        }
        result
    }
}
