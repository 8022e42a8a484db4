//! Closings and signatures: a closing phrase (`Mit freundlichen Grüßen`, `LG`, `Best
//! regards`, `Cheers`, …) makes the words after it (same line after a comma, or the next
//! line) a signature, read as a name unless it looks like a team, company or product.

use super::lists::{lst, match_cue, noun_ending};
use super::namey::{Ctx, Namey};
use crate::tokens::T;
use crate::words::cues::CLOSINGS;
use crate::words::flag;

impl Ctx<'_, '_> {
    /// A closing starting at token `i` and the signature after it: (first, last, score).
    /// The first closing phrase that matches here and may close the text decides.
    pub(super) fn closing_signature(&mut self, i: usize) -> Option<(usize, usize, f32)> {
        let tk = self.tk;
        let n = tk.v.len();
        if tk.flags(i) & flag::CLOSING == 0 {
            return None;
        }
        let closing_idx = lst().closings_from(tk.low(i))?;
        for cl in closing_idx.iter().map(|&k| CLOSINGS[usize::from(k)]) {
            let Some(j) = match_cue(tk, i, cl) else {
                continue;
            };
            // the closing must start a line or follow a sentence end / comma
            let starts = tk.line_start(i) || (i > 0 && matches!(tk.v[i - 1].t, T::Punct('.' | '!' | ',' | '?')));
            let mut k = j;
            while k < n && matches!(tk.v[k].t, T::Punct('!' | ',' | '.' | '-' | '–')) {
                k += 1;
            }
            // single-word closings in running text ("best", "thanks") need a
            // break after them or a comma
            let same_line = k < n && tk.v[k].nl == 0;
            let single = cl.len() == 1 && same_line && !(k > 0 && tk.is_punct(k - 1, ',')) && !tk.lower_at(k);
            // a name ending the line after the closing makes up for both (read only then)
            if (!starts || single) && !self.tail_name(i, j) {
                continue;
            }
            return self.signature(k);
        }
        None
    }

    /// "… erreichbar lg adam": after the closing at `i` (ending before `j`), a given name
    /// (or a lone first name after a short closing) that ends its line or the text.
    fn tail_name(&mut self, i: usize, j: usize) -> bool {
        let tk = self.tk;
        let n = tk.v.len();
        let mut jj = j;
        while jj < n && matches!(tk.v[jj].t, T::Punct(',' | '!' | '.')) {
            jj += 1;
        }
        jj < n
            && (self.namey(jj) == Namey::Given
                || self.shaped_full_name(jj)
                || self.namey(jj) == Namey::Weak && tk.capital(jj)
                || self.namey(jj) == Namey::Unknown
                    && jj + 1 >= n
                    && self.lone_signature(jj)
                    && matches!(
                        tk.low(i),
                        "lg" | "mfg"
                            | "vg"
                            | "gruß"
                            | "gruss"
                            | "grüße"
                            | "grüsse"
                            | "cheers"
                            | "thanks"
                            | "thx"
                            | "saludos"
                            | "saluti"
                            | "groetjes"
                            | "ciao"
                            | "tschüss"
                            | "gruess"
                            | "danke"
                            | "merci"
                            | "grazie"
                            | "gracias"
                            | "rgds"
                    ))
            && {
                let b = self.extend(jj);
                b + 1 >= n || tk.v[b + 1].nl > 0 || (matches!(tk.v[b + 1].t, T::Punct('.' | '!')) && b + 2 >= n)
            }
    }

    /// Two or three capitalised words shaped like a name at `j` ("Gruß Tjark Janssen"):
    /// none a function word, company word or common noun shape.
    fn shaped_full_name(&mut self, j: usize) -> bool {
        let tk = self.tk;
        let b = self.extend(j);
        b > j
            && b <= j + 2
            && (j..=b).all(|k| {
                tk.capital(k)
                    && matches!(self.namey(k), Namey::Unknown | Namey::Surname | Namey::Weak | Namey::Given)
                    && !tk.has(k, flag::ORG | flag::CLOSING)
                    && (k > j || !noun_ending(tk.low(k)))
            })
    }

    /// A single unknown word after a closing: a first name if it stands alone on its
    /// line (or ends the text) and does not read like a company or product.
    fn lone_signature(&self, j: usize) -> bool {
        let tk = self.tk;
        let n = tk.v.len();
        let raw = tk.raw(j);
        let w = tk.low(j);
        let alone = j + 1 >= n
            || tk.v[j + 1].nl > 0
            || (matches!(tk.v[j + 1].t, T::Punct('.' | '!')) && (j + 2 >= n || tk.v[j + 2].nl > 0));
        let inner_caps = !tk.v[j].useg && raw.chars().skip(1).any(|c| c.is_uppercase());
        const COMPANYISH: &[&str] = &[
            "strom",
            "stroom",
            "werk",
            "tech",
            "net",
            "soft",
            "ware",
            "haus",
            "huis",
            "markt",
            "media",
            "energie",
            "energy",
            "versicherung",
            "verzekering",
            "telecom",
            "tel",
            "com",
            "mobil",
            "mobile",
            "bank",
            "shop",
            "store",
            "service",
            "systems",
            "solutions",
            "studio",
            "studios",
            "plus",
            "direct",
            "online",
            "express",
            "logistik",
            "logistics",
            "versand",
            "post",
            "line",
            "link",
            "point",
            "center",
            "centre",
            "zentrum",
            "land",
            "welt",
            "world",
            "box",
            "hub",
            "lab",
            "labs",
            "gas",
            "wasser",
            "power",
            "care",
            "health",
        ];
        alone
            && tk.cap_or_lower(j)
            && !inner_caps
            && !raw.contains('-')
            && raw.chars().count() >= 3
            && !COMPANYISH.iter().any(|e| w.ends_with(e))
    }

    /// The signature after a closing starting at token `j`: the words of that line.
    pub(super) fn signature(&mut self, j: usize) -> Option<(usize, usize, f32)> {
        let tk = self.tk;
        let n = tk.v.len();
        // "J. Young" / initial
        if j < n && self.initial(j) {
            return self.name_at(j, 2).map(|(a, b)| (a, b, 0.85));
        }
        if j >= n || !tk.is_word(j) {
            return None;
        }
        // Collect the line's words (up to the next line break or punctuation).
        let mut k = j;
        let mut words = 0;
        let mut best = Namey::No;
        let mut unknown_caps = 0;
        while k < n && (k == j || tk.v[k].nl == 0) {
            if tk.v[k].t == T::Word {
                if tk.v[k].code {
                    break;
                }
                let w = tk.low(k);
                let particle = k > j && tk.has(k, flag::PARTICLE) && !tk.capital(k);
                if !particle && (tk.has(k, flag::ORG) || w.ends_with("-team") || w.ends_with("team")) {
                    return None;
                }
                let mut nm = self.namey(k);
                if nm == Namey::No && k > j && !particle && self.continues(k) {
                    // "Dietrich Hartung": a noun-shaped surname after a first name
                    nm = Namey::Surname;
                }
                if nm == Namey::No && !particle {
                    break;
                }
                if nm == Namey::Unknown && tk.cap_or_lower(k) {
                    unknown_caps += 1;
                }
                best = best.max(nm);
                words += 1;
                k += 1;
            } else if self.initial(k.saturating_sub(1)) && tk.is_punct(k, '.') {
                k += 1;
            } else {
                break;
            }
            if words >= 4 {
                break;
            }
        }
        if words == 0 {
            return None;
        }
        let last = k - 1;
        let last = if tk.v[last].t == T::Word { last } else { last.saturating_sub(1) };
        // Org words after the name on the same line ("Inka Täsche, Sparhaus")?
        let ok = match words {
            1 => {
                matches!(best, Namey::Given | Namey::Weak)
                    || (best == Namey::Surname && tk.capital(j))
                    || (best == Namey::Unknown && self.lone_signature(j))
            }
            _ => best >= Namey::Weak || unknown_caps >= 2,
        };
        if !ok {
            return None;
        }
        if !tk.capital(j) && !tk.lower_at(j) {
            return None;
        }
        Some((j, last, 0.85))
    }
}
