//! Rendering the pseudonymised text and checking it with `restore`'s own matcher
//! (collision rules 2 and 3 in [`super`]): a surrogate not recognised where it was put
//! becomes its bracketed key, and text of the person that would be recognised becomes
//! a `[TEXT_n]` placeholder, until the matcher reads exactly what was put.

use super::keys::State;
use super::restore::run;

/// A piece of the output: text of the input (byte range) or the placeholder form
/// `form`, as its surrogate or (`bracket`) as its bracketed key.
pub(super) enum Seg {
    Text(usize, usize),
    Tok { form: usize, bracket: bool },
}

/// Output byte range of each segment.
type Spans = Vec<(usize, usize)>;
/// A piece of a text segment the matcher misreads: segment index, output start, output end.
type Literal = (usize, usize, usize);

impl State {
    /// Renders the segments (placeholders between `open` and `close`) and checks them
    /// with the matcher `restore` uses; fixes what it would misread until it reads
    /// everything right.
    pub(super) fn settle(&mut self, text: &str, mut segs: Vec<Seg>, (open, close): (char, char)) -> String {
        let mut round = 0;
        loop {
            round += 1;
            if round == 4 {
                for s in segs.iter_mut() {
                    if let Seg::Tok { bracket, .. } = s {
                        *bracket = true;
                    }
                }
            }
            let (out, spans) = self.render(text, &segs, (open, close));
            let (to_bracket, to_literal) = self.misread(&out, &segs, &spans);
            if to_bracket.is_empty() && to_literal.is_empty() {
                return out;
            }
            for k in to_bracket {
                if let Seg::Tok { bracket, .. } = &mut segs[k] {
                    *bracket = true;
                }
            }
            self.split_literals(text, &mut segs, &spans, to_literal);
            if round > 64 {
                // Unreachable in practice: every round turns surrogates into brackets
                // or text into literals, which are finite. Give the whole text up as
                // one literal rather than return something restore misreads.
                let f = self.literal(text);
                let key = &self.forms[f].key;
                return format!("{open}{key}{close}");
            }
        }
    }

    /// The output of `segs` and the output range of each segment.
    fn render(&self, text: &str, segs: &[Seg], (open, close): (char, char)) -> (String, Spans) {
        let mut out = String::with_capacity(text.len() + 16 * segs.len());
        let mut spans: Spans = Vec::with_capacity(segs.len());
        for seg in segs {
            let s = out.len();
            match *seg {
                Seg::Text(a, b) => out.push_str(&text[a..b]),
                Seg::Tok { form, bracket } => {
                    let f = &self.forms[form];
                    match (&f.surrogate, bracket) {
                        (Some(sur), false) => out.push_str(sur),
                        _ => {
                            out.push(open);
                            out.push_str(&f.key);
                            out.push(close);
                        }
                    }
                }
            }
            spans.push((s, out.len()));
        }
        (out, spans)
    }

    /// What the matcher misreads in `out`: the surrogate segments to put in brackets
    /// (not recognised where they were put, or overlapped by another match), and the
    /// pieces of text segments that it takes for a placeholder.
    fn misread(&self, out: &str, segs: &[Seg], spans: &Spans) -> (Vec<usize>, Vec<Literal>) {
        let mut matches: Vec<(usize, usize, usize)> = Vec::new();
        let mut sink = String::new();
        run(self, out, &mut None, true, &mut sink, &mut |s, e, f| matches.push((s, e, f)));
        let mut ok = vec![false; segs.len()];
        let mut to_bracket: Vec<usize> = Vec::new();
        let mut to_literal: Vec<Literal> = Vec::new();
        for &(ms, me, mf) in &matches {
            let idx = spans.partition_point(|&(_, e)| e <= ms);
            if let Some(Seg::Tok { form, .. }) = segs.get(idx) {
                if spans[idx] == (ms, me) && self.forms[mf].original == self.forms[*form].original {
                    ok[idx] = true;
                    continue;
                }
            }
            let mut switched = false;
            let mut k = idx;
            while k < segs.len() && spans[k].0 < me {
                if let Seg::Tok { bracket: false, .. } = segs[k] {
                    to_bracket.push(k);
                    switched = true;
                }
                k += 1;
            }
            if !switched {
                let mut k = idx;
                while k < segs.len() && spans[k].0 < me {
                    if let Seg::Text(..) = segs[k] {
                        to_literal.push((k, ms.max(spans[k].0), me.min(spans[k].1)));
                    }
                    k += 1;
                }
            }
        }
        for (k, seg) in segs.iter().enumerate() {
            if let Seg::Tok { bracket: false, .. } = seg {
                if !ok[k] {
                    to_bracket.push(k);
                }
            }
        }
        (to_bracket, to_literal)
    }

    /// Replaces each misread piece of text by a `[TEXT_n]` placeholder of exactly that
    /// text, splitting its text segment around it.
    fn split_literals(&mut self, text: &str, segs: &mut Vec<Seg>, spans: &Spans, mut to_literal: Vec<Literal>) {
        // Split text segments around literal spans, last first so indices stay valid.
        crate::sort::sort(&mut to_literal);
        to_literal.dedup();
        let lit_forms: Vec<usize> = to_literal
            .iter()
            .map(|&(k, os, oe)| match segs[k] {
                Seg::Text(a, _) => self.literal(&text[a + (os - spans[k].0)..a + (oe - spans[k].0)]),
                Seg::Tok { form, .. } => form,
            })
            .collect();
        for (&(k, os, oe), &form) in to_literal.iter().zip(&lit_forms).rev() {
            let Seg::Text(a, b) = segs[k] else { continue };
            let (la, lb) = (a + (os - spans[k].0), a + (oe - spans[k].0));
            let mut repl = Vec::with_capacity(3);
            if a < la {
                repl.push(Seg::Text(a, la));
            }
            repl.push(Seg::Tok { form, bracket: true });
            if lb < b {
                repl.push(Seg::Text(lb, b));
            }
            segs.splice(k..k + 1, repl);
        }
    }
}
