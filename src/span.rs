//! Byte spans inside Rust, and the one place that converts them for the outside.
//!
//! Rust strings are indexed by UTF-8 byte; JavaScript strings by UTF-16 code unit;
//! Python (and the evaluation files) by Unicode code point. The three agree only on
//! ASCII text. Everything inside the crate uses byte offsets into the caller's
//! original text; [`convert_offsets`] turns a sorted batch of them into another unit
//! in a single pass over the text (O(text + offsets)).

/// The bytes `lo..hi` of `text` (`hi` at most its length), moved inward to character
/// boundaries: the text around a position, read a number of bytes either side of it.
pub(crate) fn within(text: &str, lo: usize, hi: usize) -> std::ops::Range<usize> {
    let (mut lo, mut hi) = (lo, hi.min(text.len()));
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    lo..hi
}

/// A half-open byte range `start..end` into the caller's original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First byte (inclusive), on a char boundary.
    pub start: usize,
    /// One past the last byte (exclusive), on a char boundary.
    pub end: usize,
}

impl Span {
    /// A new span; `start <= end`.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for an empty span.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True if the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// The unit of an offset handed to a caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// UTF-8 bytes (Rust).
    Bytes,
    /// UTF-16 code units (JavaScript `String` indices).
    Utf16,
    /// Unicode scalar values (Python `str` indices).
    CodePoints,
}

impl Unit {
    /// Parses `bytes`, `utf16` or `codepoints`.
    pub fn parse(s: &str) -> Option<Unit> {
        match s {
            "bytes" => Some(Unit::Bytes),
            "utf16" | "utf-16" => Some(Unit::Utf16),
            "codepoints" | "chars" => Some(Unit::CodePoints),
            _ => None,
        }
    }
}

/// Converts byte offsets into `text` to `unit`, in place.
///
/// `offsets` may be in any order and contain duplicates; each must lie on a char
/// boundary of `text` (offsets past the end are clamped to its length). Runs in
/// O(len(text) + n log n) for n offsets.
pub fn convert_offsets(text: &str, offsets: &mut [usize], unit: Unit) {
    if unit == Unit::Bytes || offsets.is_empty() {
        return;
    }
    if text.is_ascii() {
        for o in offsets.iter_mut() {
            *o = (*o).min(text.len());
        }
        return;
    }
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    // (equal offsets convert to the same value: their order does not matter)
    crate::sort::sort_by_key(&mut order, |&i| offsets[i]);
    let mut pos_byte = 0usize;
    let mut pos_unit = 0usize;
    let mut chars = text.char_indices();
    for &i in &order {
        let target = offsets[i].min(text.len());
        while pos_byte < target {
            match chars.next() {
                Some((b, c)) => {
                    pos_byte = b + c.len_utf8();
                    pos_unit += match unit {
                        Unit::Utf16 => c.len_utf16(),
                        _ => 1,
                    };
                }
                None => break,
            }
        }
        offsets[i] = pos_unit;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_and_umlauts() {
        let t = "😀 ä x";
        // bytes: 😀=0..4, ' '=4, ä=5..7, ' '=7, x=8
        let mut o = [8, 0, 5, 7, 4];
        convert_offsets(t, &mut o, Unit::Utf16);
        assert_eq!(o, [5, 0, 3, 4, 2]);
        let mut o = [8, 0, 5, 7, 4];
        convert_offsets(t, &mut o, Unit::CodePoints);
        assert_eq!(o, [4, 0, 2, 3, 1]);
    }
}
