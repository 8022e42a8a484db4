//! Word lists as lookup structures: one table of every word a list holds, with the bits
//! of the lists it is in, and suffix tries for lists of word endings. Texts are read a
//! word at a time (the name lists hold about 25,000 words, the context lists a few
//! hundred), so these lookups are on the hot path of a scan.

/// Open addressing over a power-of-two table at most half full; a word of up to 16
/// bytes is kept in its slot as two machine words, so a lookup hashes two words and
/// compares two, with no pointer to follow. The few longer entries are in a list.
pub(crate) struct Lexicon {
    /// One byte per slot: 0 for an empty slot, else 0x80 and 7 bits of the key's hash. A
    /// probe reads these (64 KB for the name lists) and a slot only where they agree.
    tags: Vec<u8>,
    slots: Vec<Slot>,
    shift: u32,
    long: Vec<(Box<[u8]>, u32)>,
}

/// A table slot: the key's bytes (zero-padded) as two words, then its length (0: an
/// empty slot) in the low and its bits in the high half of the third. Plain words, so
/// that a new table is zeroed memory (a fresh allocation, not a loop over 64,000 slots).
type Slot = [u64; 3];

impl Lexicon {
    /// The table of `entries`, a word's bits OR-ed where it is listed more than once.
    pub(crate) fn new(entries: impl Iterator<Item = (&'static str, u32)>) -> Lexicon {
        let entries: Vec<(&'static str, u32)> = entries.collect();
        let mut lex = Lexicon::for_entries(entries.len());
        for (w, f) in entries {
            lex.insert(w.as_bytes(), f);
        }
        lex
    }

    /// An empty table for about `n` entries (at most half full with `n`).
    pub(crate) fn for_entries(n: usize) -> Lexicon {
        let size = (n * 2).next_power_of_two().max(16);
        Lexicon { tags: vec![0; size], slots: vec![[0; 3]; size], shift: 64 - size.trailing_zeros(), long: Vec::new() }
    }

    /// Adds the bits `f` to word `w` (an empty word is no entry). At most as many
    /// entries as the table was made for ([`Lexicon::for_entries`]): a probe ends at an
    /// empty slot.
    pub(crate) fn insert(&mut self, w: &[u8], f: u32) {
        if w.is_empty() {
            return;
        }
        if w.len() > 16 {
            match self.long.iter_mut().find(|(k, _)| **k == *w) {
                Some((_, bits)) => *bits |= f,
                None => self.long.push((w.into(), f)),
            }
            return;
        }
        let (key, len) = (Self::pack(w), w.len() as u32);
        let (i, tag) = self.slot(key, len);
        let s = &mut self.slots[i];
        *s = [key[0], key[1], s[2] | len as u64 | (f as u64) << 32];
        self.tags[i] = tag;
    }

    /// Up to 16 bytes as two little-endian words, zero-padded. Read with loads that
    /// overlap (a byte read twice is OR-ed with itself), without a loop or a copy.
    #[inline]
    fn pack(b: &[u8]) -> [u64; 2] {
        let n = b.len();
        let u32_at = |i: usize| b[i..i + 4].try_into().map_or(0, |w| u32::from_le_bytes(w) as u64);
        let u64_at = |i: usize| b[i..i + 8].try_into().map_or(0, u64::from_le_bytes);
        match n {
            0 => [0, 0],
            1..=3 => [b[0] as u64 | (b[n / 2] as u64) << (8 * (n / 2)) | (b[n - 1] as u64) << (8 * (n - 1)), 0],
            4..=8 => [u32_at(0) | u32_at(n - 4) << (8 * (n - 4)), 0],
            _ => [u64_at(0), u64_at(n - 8) >> (8 * (16 - n))],
        }
    }

    /// The slot holding the key, or the empty slot where it would go (linear probing
    /// from its hash; the table is at most half full, so an empty slot is near), and
    /// the key's tag.
    fn slot(&self, key: [u64; 2], len: u32) -> (usize, u8) {
        let mask = self.slots.len() - 1;
        let (mut i, tag) = self.start(key, len);
        loop {
            let t = self.tags[i];
            if t == 0 || t == tag && self.slots[i][2] as u32 == len && self.slots[i][..2] == key {
                return (i, tag);
            }
            i = (i + 1) & mask;
        }
    }

    /// The first slot to probe for a key (from its hash) and the key's tag.
    #[inline]
    fn start(&self, key: [u64; 2], len: u32) -> (usize, u8) {
        const K: u64 = 0x9E37_79B9_7F4A_7C15;
        let h = (key[0].wrapping_mul(K) ^ key[1].rotate_left(23) ^ len as u64).wrapping_mul(K);
        ((h >> self.shift) as usize, 0x80 | (h & 0x7F) as u8)
    }

    /// The bits of `w` as written (0 if it is in no list).
    #[inline]
    pub(crate) fn get(&self, b: &[u8]) -> u32 {
        // (one test for an empty word and for one longer than a slot)
        if b.len().wrapping_sub(1) >= 16 {
            return self.get_long(b);
        }
        // The probe of `slot`, returning as soon as it decides: a word not listed ends
        // at an empty slot, read from the tags alone; a slot is read only where the
        // tag agrees.
        let (key, len) = (Self::pack(b), b.len() as u32);
        let (mut i, tag) = self.start(key, len);
        let mask = self.tags.len() - 1;
        loop {
            match self.tags[i] {
                0 => return 0,
                t if t == tag => {
                    let s = &self.slots[i];
                    if s[2] as u32 == len && s[..2] == key {
                        return (s[2] >> 32) as u32;
                    }
                }
                _ => {}
            }
            i = (i + 1) & mask;
        }
    }

    /// [`Lexicon::get`] of a word longer than a slot (or empty): rare, kept apart.
    #[cold]
    #[inline(never)]
    fn get_long(&self, b: &[u8]) -> u32 {
        self.long.iter().find(|(k, _)| **k == *b).map_or(0, |(_, f)| *f)
    }
}

/// A set of word endings matched from the end of a word: a trie over the entries'
/// bytes, reversed. One walk over the word's last bytes replaces one comparison (or
/// one hash probe) per entry.
pub(crate) struct Suffixes {
    /// Per node: whether an entry ends here, and the children by byte.
    nodes: Vec<(bool, Vec<(u8, u32)>)>,
    /// The root's children by last byte (0: none; the root is no child): the first
    /// step of every walk is one load instead of a search among many children.
    root: Box<[u32; 256]>,
}

impl Suffixes {
    pub(crate) fn new(entries: &[&str]) -> Suffixes {
        let mut nodes: Vec<(bool, Vec<(u8, u32)>)> = vec![(false, Vec::new())];
        for e in entries {
            let mut at = 0usize;
            for &b in e.as_bytes().iter().rev() {
                at = match nodes[at].1.iter().find(|(c, _)| *c == b) {
                    Some(&(_, next)) => next as usize,
                    None => {
                        nodes.push((false, Vec::new()));
                        let next = nodes.len() - 1;
                        nodes[at].1.push((b, next as u32));
                        next
                    }
                };
            }
            nodes[at].0 = true;
        }
        let mut root = Box::new([0u32; 256]);
        for &(b, next) in &nodes[0].1 {
            root[b as usize] = next;
        }
        Suffixes { nodes, root }
    }

    /// True if `w` ends with an entry of at most `max` bytes that leaves at least
    /// `min_stem` bytes before it.
    pub(crate) fn matches(&self, w: &str, min_stem: usize, max: usize) -> bool {
        let b = w.as_bytes();
        let limit = b.len().saturating_sub(min_stem).min(max);
        if limit == 0 {
            return false;
        }
        let mut at = self.root[b[b.len() - 1] as usize] as usize;
        if at == 0 {
            return false;
        }
        if self.nodes[at].0 && w.is_char_boundary(b.len() - 1) {
            return true;
        }
        for d in 2..=limit {
            let c = b[b.len() - d];
            match self.nodes[at].1.iter().find(|(x, _)| *x == c) {
                Some(&(_, next)) => at = next as usize,
                None => return false,
            }
            if self.nodes[at].0 && w.is_char_boundary(b.len() - d) {
                return true;
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::Lexicon;

    /// Many keys alike in their first eight bytes and lengths, so probes meet slots that
    /// differ only in the second word; and keys longer than a slot.
    #[test]
    fn keys_alike_and_long() {
        let words: Vec<&'static str> = (0..400)
            .map(|i| &*format!("abcdefgh{}{}", (b'a' + (i % 20) as u8) as char, (b'a' + (i / 20) as u8) as char).leak())
            .collect();
        let long: Vec<&'static str> = (0..40).map(|i| &*format!("abcdefghijklmnop{i}").leak()).collect();
        let lex = Lexicon::new(
            words.iter().chain(&long).step_by(2).map(|&w| (w, 1)).chain([("abcdefghaa", 2), ("abcdefghijklmnop0", 4)]),
        );
        for (i, w) in words.iter().chain(&long).enumerate() {
            let extra = match *w {
                "abcdefghaa" => 2,
                "abcdefghijklmnop0" => 4,
                _ => 0,
            };
            assert_eq!(lex.get(w.as_bytes()), u32::from(i % 2 == 0) | extra, "{w}");
        }
        for miss in ["", "a", "abcdefgh", "abcdefghaaa", "abcdefghijklmnop", "abcdefghijklmnop00"] {
            assert_eq!(lex.get(miss.as_bytes()), 0, "{miss}");
        }
    }
}
