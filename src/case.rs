//! Lower-casing exactly as the standard library does it (`char::to_lowercase`,
//! `str::to_lowercase`), from tables of runs instead of the standard library's case
//! tables. Those map every character on its own (about 3,000 pairs of 8 bytes for
//! upper and lower case, both linked in by any use): without them the WebAssembly
//! module is 29 KB smaller, 4.8 KB brotli. The crate upper-cases nothing outside
//! ASCII and Latin-1 month names (`recognize/dob.rs`).
//!
//! The tables below are read out of the standard library: the test
//! `tables_are_the_standard_librarys` builds them from `char::to_lowercase` and
//! `str::to_lowercase` over every character, and prints them anew when a toolchain's
//! Unicode version changes them. Other tests compare every character, and the capital
//! sigma in every place of a word.

/// The characters that lower-case to one other character, as runs. A run covers its
/// first character and, every `step` characters, those after it up to its last; each
/// lower-cases to itself plus `delta`. Per run: the first character in bits 0–20 and
/// the last minus the first in bits 21–31; then `delta * 2 + (step - 1)`.
#[rustfmt::skip]
const LOWER: &[[u32; 2]] = &[
    [0x02c000c0, 0x00000040], [0x00c000d8, 0x00000040], [0x05c00100, 0x00000003], [0x00800132, 0x00000003],
    [0x01c00139, 0x00000003], [0x0580014a, 0x00000003], [0x00000178, 0xffffff0e], [0x00800179, 0x00000003],
    [0x00000181, 0x000001a4], [0x00400182, 0x00000003], [0x00000186, 0x0000019c], [0x00000187, 0x00000002],
    [0x00200189, 0x0000019a], [0x0000018b, 0x00000002], [0x0000018e, 0x0000009e], [0x0000018f, 0x00000194],
    [0x00000190, 0x00000196], [0x00000191, 0x00000002], [0x00000193, 0x0000019a], [0x00000194, 0x0000019e],
    [0x00000196, 0x000001a6], [0x00000197, 0x000001a2], [0x00000198, 0x00000002], [0x0000019c, 0x000001a6],
    [0x0000019d, 0x000001aa], [0x0000019f, 0x000001ac], [0x008001a0, 0x00000003], [0x000001a6, 0x000001b4],
    [0x000001a7, 0x00000002], [0x000001a9, 0x000001b4], [0x000001ac, 0x00000002], [0x000001ae, 0x000001b4],
    [0x000001af, 0x00000002], [0x002001b1, 0x000001b2], [0x004001b3, 0x00000003], [0x000001b7, 0x000001b6],
    [0x000001b8, 0x00000002], [0x000001bc, 0x00000002], [0x000001c4, 0x00000004], [0x000001c5, 0x00000002],
    [0x000001c7, 0x00000004], [0x000001c8, 0x00000002], [0x000001ca, 0x00000004], [0x020001cb, 0x00000003],
    [0x020001de, 0x00000003], [0x000001f1, 0x00000004], [0x004001f2, 0x00000003], [0x000001f6, 0xffffff3e],
    [0x000001f7, 0xffffff90], [0x04c001f8, 0x00000003], [0x00000220, 0xfffffefc], [0x02000222, 0x00000003],
    [0x0000023a, 0x00005456], [0x0000023b, 0x00000002], [0x0000023d, 0xfffffeba], [0x0000023e, 0x00005450],
    [0x00000241, 0x00000002], [0x00000243, 0xfffffe7a], [0x00000244, 0x0000008a], [0x00000245, 0x0000008e],
    [0x01000246, 0x00000003], [0x00400370, 0x00000003], [0x00000376, 0x00000002], [0x0000037f, 0x000000e8],
    [0x00000386, 0x0000004c], [0x00400388, 0x0000004a], [0x0000038c, 0x00000080], [0x0020038e, 0x0000007e],
    [0x02000391, 0x00000040], [0x010003a3, 0x00000040], [0x000003cf, 0x00000010], [0x02c003d8, 0x00000003],
    [0x000003f4, 0xffffff88], [0x000003f7, 0x00000002], [0x000003f9, 0xfffffff2], [0x000003fa, 0x00000002],
    [0x004003fd, 0xfffffefc], [0x01e00400, 0x000000a0], [0x03e00410, 0x00000040], [0x04000460, 0x00000003],
    [0x0680048a, 0x00000003], [0x000004c0, 0x0000001e], [0x018004c1, 0x00000003], [0x0bc004d0, 0x00000003],
    [0x04a00531, 0x00000060], [0x04a010a0, 0x000038c0], [0x000010c7, 0x000038c0], [0x000010cd, 0x000038c0],
    [0x09e013a0, 0x00012fa0], [0x00a013f0, 0x00000010], [0x00001c89, 0x00000002], [0x05401c90, 0xffffe880],
    [0x00401cbd, 0xffffe880], [0x12801e00, 0x00000003], [0x00001e9e, 0xffffc482], [0x0bc01ea0, 0x00000003],
    [0x00e01f08, 0xfffffff0], [0x00a01f18, 0xfffffff0], [0x00e01f28, 0xfffffff0], [0x00e01f38, 0xfffffff0],
    [0x00a01f48, 0xfffffff0], [0x00c01f59, 0xfffffff1], [0x00e01f68, 0xfffffff0], [0x00e01f88, 0xfffffff0],
    [0x00e01f98, 0xfffffff0], [0x00e01fa8, 0xfffffff0], [0x00201fb8, 0xfffffff0], [0x00201fba, 0xffffff6c],
    [0x00001fbc, 0xffffffee], [0x00601fc8, 0xffffff54], [0x00001fcc, 0xffffffee], [0x00201fd8, 0xfffffff0],
    [0x00201fda, 0xffffff38], [0x00201fe8, 0xfffffff0], [0x00201fea, 0xffffff20], [0x00001fec, 0xfffffff2],
    [0x00201ff8, 0xffffff00], [0x00201ffa, 0xffffff04], [0x00001ffc, 0xffffffee], [0x00002126, 0xffffc546],
    [0x0000212a, 0xffffbe82], [0x0000212b, 0xffffbf74], [0x00002132, 0x00000038], [0x01e02160, 0x00000020],
    [0x00002183, 0x00000002], [0x032024b6, 0x00000034], [0x05e02c00, 0x00000060], [0x00002c60, 0x00000002],
    [0x00002c62, 0xffffac12], [0x00002c63, 0xffffe234], [0x00002c64, 0xffffac32], [0x00802c67, 0x00000003],
    [0x00002c6d, 0xffffabc8], [0x00002c6e, 0xffffac06], [0x00002c6f, 0xffffabc2], [0x00002c70, 0xffffabc4],
    [0x00002c72, 0x00000002], [0x00002c75, 0x00000002], [0x00202c7e, 0xffffab82], [0x0c402c80, 0x00000003],
    [0x00402ceb, 0x00000003], [0x00002cf2, 0x00000002], [0x0580a640, 0x00000003], [0x0340a680, 0x00000003],
    [0x0180a722, 0x00000003], [0x0780a732, 0x00000003], [0x0040a779, 0x00000003], [0x0000a77d, 0xfffeebf8],
    [0x0100a77e, 0x00000003], [0x0000a78b, 0x00000002], [0x0000a78d, 0xfffeb5b0], [0x0040a790, 0x00000003],
    [0x0240a796, 0x00000003], [0x0000a7aa, 0xfffeb578], [0x0000a7ab, 0xfffeb562], [0x0000a7ac, 0xfffeb56a],
    [0x0000a7ad, 0xfffeb57e], [0x0000a7ae, 0xfffeb578], [0x0000a7b0, 0xfffeb5dc], [0x0000a7b1, 0xfffeb5ac],
    [0x0000a7b2, 0xfffeb5d6], [0x0000a7b3, 0x00000740], [0x01c0a7b4, 0x00000003], [0x0000a7c4, 0xffffffa0],
    [0x0000a7c5, 0xfffeb57a], [0x0000a7c6, 0xfffeeb90], [0x0040a7c7, 0x00000003], [0x0000a7cb, 0xfffeb532],
    [0x01c0a7cc, 0x00000003], [0x0000a7dc, 0xfffeb37e], [0x0000a7f5, 0x00000002], [0x0320ff21, 0x00000040],
    [0x04e10400, 0x00000050], [0x046104b0, 0x00000050], [0x01410570, 0x0000004e], [0x01c1057c, 0x0000004e],
    [0x00c1058c, 0x0000004e], [0x00210594, 0x0000004e], [0x06410c80, 0x00000080], [0x02a10d50, 0x00000040],
    [0x03e118a0, 0x00000040], [0x03e16e40, 0x00000040], [0x03016ea0, 0x00000036], [0x0421e900, 0x00000044],
];

/// The characters with the Unicode property `Case_Ignorable`, as runs: the first in
/// bits 0–20, the number of further characters in bits 21–31. Only the capital
/// sigma's lower-casing reads them (it skips them when it looks for a word's end).
#[rustfmt::skip]
const IGNORABLE: &[u32] = &[
    0x00000027, 0x0000002e, 0x0000003a, 0x0000005e, 0x00000060, 0x000000a8, 0x000000ad, 0x000000af,
    0x000000b4, 0x002000b7, 0x17e002b0, 0x00200374, 0x0000037a, 0x00200384, 0x00000387, 0x00c00483,
    0x00000559, 0x0000055f, 0x05800591, 0x000005bf, 0x002005c1, 0x002005c4, 0x000005c7, 0x000005f4,
    0x00a00600, 0x01400610, 0x0000061c, 0x00000640, 0x0280064b, 0x00000670, 0x00e006d6, 0x012006df,
    0x006006ea, 0x0000070f, 0x00000711, 0x03400730, 0x014007a6, 0x014007eb, 0x000007fa, 0x000007fd,
    0x02e00816, 0x00400859, 0x00000888, 0x00200890, 0x01000897, 0x072008c9, 0x0000093a, 0x0000093c,
    0x00e00941, 0x0000094d, 0x00c00951, 0x00200962, 0x00000971, 0x00000981, 0x000009bc, 0x006009c1,
    0x000009cd, 0x002009e2, 0x000009fe, 0x00200a01, 0x00000a3c, 0x00200a41, 0x00200a47, 0x00400a4b,
    0x00000a51, 0x00200a70, 0x00000a75, 0x00200a81, 0x00000abc, 0x00800ac1, 0x00200ac7, 0x00000acd,
    0x00200ae2, 0x00a00afa, 0x00000b01, 0x00000b3c, 0x00000b3f, 0x00600b41, 0x00000b4d, 0x00200b55,
    0x00200b62, 0x00000b82, 0x00000bc0, 0x00000bcd, 0x00000c00, 0x00000c04, 0x00000c3c, 0x00400c3e,
    0x00400c46, 0x00600c4a, 0x00200c55, 0x00200c62, 0x00000c81, 0x00000cbc, 0x00000cbf, 0x00000cc6,
    0x00200ccc, 0x00200ce2, 0x00200d00, 0x00200d3b, 0x00600d41, 0x00000d4d, 0x00200d62, 0x00000d81,
    0x00000dca, 0x00400dd2, 0x00000dd6, 0x00000e31, 0x00c00e34, 0x01000e46, 0x00000eb1, 0x01000eb4,
    0x00000ec6, 0x00c00ec8, 0x00200f18, 0x00000f35, 0x00000f37, 0x00000f39, 0x01a00f71, 0x00800f80,
    0x00200f86, 0x01400f8d, 0x04600f99, 0x00000fc6, 0x0060102d, 0x00a01032, 0x00201039, 0x0020103d,
    0x00201058, 0x0040105e, 0x00601071, 0x00001082, 0x00201085, 0x0000108d, 0x0000109d, 0x000010fc,
    0x0040135d, 0x00401712, 0x00201732, 0x00201752, 0x00201772, 0x002017b4, 0x00c017b7, 0x000017c6,
    0x014017c9, 0x000017d7, 0x000017dd, 0x0080180b, 0x00001843, 0x00201885, 0x000018a9, 0x00401920,
    0x00201927, 0x00001932, 0x00401939, 0x00201a17, 0x00001a1b, 0x00001a56, 0x00c01a58, 0x00001a60,
    0x00001a62, 0x00e01a65, 0x01201a73, 0x00001a7f, 0x00001aa7, 0x05a01ab0, 0x01601ae0, 0x00601b00,
    0x00001b34, 0x00801b36, 0x00001b3c, 0x00001b42, 0x01001b6b, 0x00201b80, 0x00601ba2, 0x00201ba8,
    0x00401bab, 0x00001be6, 0x00201be8, 0x00001bed, 0x00401bef, 0x00e01c2c, 0x00201c36, 0x00a01c78,
    0x00401cd0, 0x01801cd4, 0x00c01ce2, 0x00001ced, 0x00001cf4, 0x00201cf8, 0x07c01d2c, 0x00001d78,
    0x0c801d9b, 0x00001fbd, 0x00401fbf, 0x00401fcd, 0x00401fdd, 0x00401fed, 0x00201ffd, 0x0080200b,
    0x00202018, 0x00002024, 0x00002027, 0x0080202a, 0x00802060, 0x01202066, 0x00002071, 0x0000207f,
    0x01802090, 0x040020d0, 0x00202c7c, 0x00402cef, 0x00002d6f, 0x00002d7f, 0x03e02de0, 0x00002e2f,
    0x00003005, 0x0060302a, 0x00803031, 0x0000303b, 0x00a03099, 0x004030fc, 0x0000a015, 0x00a0a4f8,
    0x0000a60c, 0x0060a66f, 0x0120a674, 0x0000a67f, 0x0060a69c, 0x0020a6f0, 0x0420a700, 0x0000a770,
    0x0040a788, 0x0060a7f1, 0x0020a7f8, 0x0000a802, 0x0000a806, 0x0000a80b, 0x0020a825, 0x0000a82c,
    0x0020a8c4, 0x0220a8e0, 0x0000a8ff, 0x00e0a926, 0x0140a947, 0x0040a980, 0x0000a9b3, 0x0060a9b6,
    0x0020a9bc, 0x0000a9cf, 0x0020a9e5, 0x00a0aa29, 0x0020aa31, 0x0020aa35, 0x0000aa43, 0x0000aa4c,
    0x0000aa70, 0x0000aa7c, 0x0000aab0, 0x0040aab2, 0x0020aab7, 0x0020aabe, 0x0000aac1, 0x0000aadd,
    0x0020aaec, 0x0020aaf3, 0x0000aaf6, 0x0080ab5b, 0x0040ab69, 0x0000abe5, 0x0000abe8, 0x0000abed,
    0x0000fb1e, 0x0200fbb2, 0x01e0fe00, 0x0000fe13, 0x01e0fe20, 0x0000fe52, 0x0000fe55, 0x0000feff,
    0x0000ff07, 0x0000ff0e, 0x0000ff1a, 0x0000ff3e, 0x0000ff40, 0x0000ff70, 0x0020ff9e, 0x0000ffe3,
    0x0040fff9, 0x000101fd, 0x000102e0, 0x00810376, 0x00a10780, 0x05210787, 0x010107b2, 0x00410a01,
    0x00210a05, 0x00610a0c, 0x00410a38, 0x00010a3f, 0x00210ae5, 0x00610d24, 0x00010d4e, 0x00810d69,
    0x00010d6f, 0x00210eab, 0x00010ec5, 0x00a10efa, 0x01410f46, 0x00610f82, 0x00011001, 0x01c11038,
    0x00011070, 0x00211073, 0x0041107f, 0x006110b3, 0x002110b9, 0x000110bd, 0x000110c2, 0x000110cd,
    0x00411100, 0x00811127, 0x00e1112d, 0x00011173, 0x00211180, 0x010111b6, 0x006111c9, 0x000111cf,
    0x0041122f, 0x00011234, 0x00211236, 0x0001123e, 0x00011241, 0x000112df, 0x00e112e3, 0x00211300,
    0x0021133b, 0x00011340, 0x00c11366, 0x00811370, 0x00a113bb, 0x000113ce, 0x000113d0, 0x000113d2,
    0x002113e1, 0x00e11438, 0x00411442, 0x00011446, 0x0001145e, 0x00a114b3, 0x000114ba, 0x002114bf,
    0x002114c2, 0x006115b2, 0x002115bc, 0x002115bf, 0x002115dc, 0x00e11633, 0x0001163d, 0x0021163f,
    0x000116ab, 0x000116ad, 0x00a116b0, 0x000116b7, 0x0001171d, 0x0001171f, 0x00611722, 0x00811727,
    0x0101182f, 0x00211839, 0x0021193b, 0x0001193e, 0x00011943, 0x006119d4, 0x002119da, 0x000119e0,
    0x01211a01, 0x00a11a33, 0x00611a3b, 0x00011a47, 0x00a11a51, 0x00411a59, 0x01811a8a, 0x00211a98,
    0x00011b60, 0x00411b62, 0x00011b66, 0x00c11c30, 0x00a11c38, 0x00011c3f, 0x02a11c92, 0x00c11caa,
    0x00211cb2, 0x00211cb5, 0x00a11d31, 0x00011d3a, 0x00211d3c, 0x00c11d3f, 0x00011d47, 0x00211d90,
    0x00011d95, 0x00011d97, 0x00011dd9, 0x00211ef3, 0x00211f00, 0x00811f36, 0x00011f40, 0x00011f42,
    0x00011f5a, 0x02013430, 0x01c13447, 0x0161611e, 0x0041612d, 0x00816af0, 0x00c16b30, 0x00616b40,
    0x00416d40, 0x00216d6b, 0x00016f4f, 0x02016f8f, 0x00216fe0, 0x00216fe3, 0x00216ff2, 0x0061aff0,
    0x00c1aff5, 0x0021affd, 0x0021bc9d, 0x0061bca0, 0x05a1cf00, 0x02c1cf30, 0x0041d167, 0x01e1d173,
    0x00c1d185, 0x0061d1aa, 0x0041d242, 0x06c1da00, 0x0621da3b, 0x0001da75, 0x0001da84, 0x0081da9b,
    0x01c1daa1, 0x00c1e000, 0x0201e008, 0x00c1e01b, 0x0021e023, 0x0081e026, 0x07a1e030, 0x0001e08f,
    0x01a1e130, 0x0001e2ae, 0x0061e2ec, 0x0081e4eb, 0x0021e5ee, 0x0001e6e3, 0x0001e6e6, 0x0021e6ee,
    0x0001e6f5, 0x0001e6ff, 0x00c1e8d0, 0x00e1e944, 0x0081f3fb, 0x000e0001, 0x0bee0020, 0x1dee0100,
];

/// The characters with the Unicode property `Cased` that `char::is_lowercase` and
/// `char::is_uppercase` do not count (the title-case letters, `ǅ`).
#[rustfmt::skip]
const CASED_OTHER: &[u32] = &[
    0x000001c5, 0x000001c8, 0x000001cb, 0x000001f2, 0x00e01f88, 0x00e01f98, 0x00e01fa8, 0x00001fbc,
    0x00001fcc, 0x00001ffc,
];

/// The one character whose lower case is two characters.
const DOTTED_I: char = '\u{130}';

/// The characters of one character lower-cased.
pub(crate) type LowerChars = std::iter::Chain<std::iter::Once<char>, std::option::IntoIter<char>>;

/// `c` lower-cased, as `char::to_lowercase` yields it.
pub(crate) fn lower(c: char) -> LowerChars {
    let (a, b) = lower_pair(c);
    std::iter::once(a).chain(b)
}

/// `.lowercase()` for a character and a string: `to_lowercase` from this module's tables.
pub(crate) trait Lowercase {
    type Lower;
    fn lowercase(&self) -> Self::Lower;
}

impl Lowercase for char {
    type Lower = LowerChars;
    fn lowercase(&self) -> LowerChars {
        lower(*self)
    }
}

impl Lowercase for str {
    type Lower = String;
    fn lowercase(&self) -> String {
        lower_str(self)
    }
}

fn lower_pair(c: char) -> (char, Option<char>) {
    if c.is_ascii() {
        return (c.to_ascii_lowercase(), None);
    }
    if c == DOTTED_I {
        return ('i', Some('\u{307}'));
    }
    let cp = c as u32;
    let i = LOWER.partition_point(|r| r[0] & 0x1F_FFFF <= cp);
    let Some(&[run, delta]) = i.checked_sub(1).map(|i| &LOWER[i]) else { return (c, None) };
    let (first, span) = (run & 0x1F_FFFF, run >> 21);
    let step = (delta & 1) + 1;
    if cp - first > span || (cp - first) % step != 0 {
        return (c, None);
    }
    let to = cp.wrapping_add(((delta as i32) >> 1) as u32);
    (char::from_u32(to).unwrap_or(c), None)
}

/// `s` lower-cased, as `str::to_lowercase` returns it (a capital sigma at the end of
/// a word becomes `ς`).
pub(crate) fn lower_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_lower(&mut out, s);
    out
}

/// Appends `s` lower-cased to `out`, as [`lower_str`].
pub(crate) fn push_lower(out: &mut String, s: &str) {
    if s.is_ascii() {
        let at = out.len();
        out.push_str(s);
        out[at..].make_ascii_lowercase();
        return;
    }
    for (i, c) in s.char_indices() {
        if c == 'Σ' {
            out.push(if final_sigma(s, i) { 'ς' } else { 'σ' });
        } else {
            out.extend(lower(c));
        }
    }
}

/// Unicode's `Final_Sigma` condition for the capital sigma at byte `i`, as the
/// standard library reads it: a cased letter before it and none after it, skipping
/// case-ignorable characters on both sides.
fn final_sigma(s: &str, i: usize) -> bool {
    ignorable_then_cased(s[..i].chars().rev()) && !ignorable_then_cased(s[i + 'Σ'.len_utf8()..].chars())
}

fn ignorable_then_cased(mut chars: impl Iterator<Item = char>) -> bool {
    chars.find(|&c| !in_runs(IGNORABLE, c)).is_some_and(cased)
}

fn cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || in_runs(CASED_OTHER, c)
}

/// Whether `c` is in a table of runs (first character in bits 0–20, the number of
/// further characters in bits 21–31).
fn in_runs(table: &[u32], c: char) -> bool {
    let cp = c as u32;
    let i = table.partition_point(|r| r & 0x1F_FFFF <= cp);
    i > 0 && cp - (table[i - 1] & 0x1F_FFFF) <= table[i - 1] >> 21
}

// ---- Base letters ----

/// The Latin letters of U+00C0..=U+017F (Latin-1 and Latin Extended-A) by their base
/// letter, lower case; 0 where there is none (`×`, `÷`) or the letter is two (`ß`, `æ`).
const BASE: [u8; 192] = {
    const RUNS: &[(u32, u32, u8)] = &[
        (0xC0, 0xC5, b'a'),
        (0xC7, 0xC7, b'c'),
        (0xC8, 0xCB, b'e'),
        (0xCC, 0xCF, b'i'),
        (0xD0, 0xD0, b'd'),
        (0xD1, 0xD1, b'n'),
        (0xD2, 0xD6, b'o'),
        (0xD8, 0xD8, b'o'),
        (0xD9, 0xDC, b'u'),
        (0xDD, 0xDD, b'y'),
        (0xE0, 0xE5, b'a'),
        (0xE7, 0xE7, b'c'),
        (0xE8, 0xEB, b'e'),
        (0xEC, 0xEF, b'i'),
        (0xF0, 0xF0, b'd'),
        (0xF1, 0xF1, b'n'),
        (0xF2, 0xF6, b'o'),
        (0xF8, 0xF8, b'o'),
        (0xF9, 0xFC, b'u'),
        (0xFD, 0xFD, b'y'),
        (0xFF, 0xFF, b'y'),
        (0x100, 0x105, b'a'),
        (0x106, 0x10D, b'c'),
        (0x10E, 0x111, b'd'),
        (0x112, 0x11B, b'e'),
        (0x11C, 0x123, b'g'),
        (0x124, 0x127, b'h'),
        (0x128, 0x131, b'i'),
        (0x134, 0x135, b'j'),
        (0x136, 0x138, b'k'),
        (0x139, 0x142, b'l'),
        (0x143, 0x14B, b'n'),
        (0x14C, 0x151, b'o'),
        (0x154, 0x159, b'r'),
        (0x15A, 0x161, b's'),
        (0x162, 0x167, b't'),
        (0x168, 0x173, b'u'),
        (0x174, 0x175, b'w'),
        (0x176, 0x178, b'y'),
        (0x179, 0x17E, b'z'),
        (0x17F, 0x17F, b's'),
    ];
    let mut t = [0u8; 192];
    let mut r = 0;
    while r < RUNS.len() {
        let (a, z, b) = RUNS[r];
        let mut c = a;
        while c <= z {
            t[(c - 0xC0) as usize] = b;
            c += 1;
        }
        r += 1;
    }
    t
};

/// The base letter of a Latin letter with diacritics of Latin-1 or Latin Extended-A, in
/// lower case (`Ü` → `u`, `ş` → `s`, `ı` → `i`, `ø` → `o`); `None` for any other
/// character and for the letters written as two (`ß`, `æ`, `œ`, `þ`, `ĳ`). How a name
/// is written without its accents (a keyboard without them, a system that drops them).
pub(crate) fn base_letter(c: char) -> Option<char> {
    let u = c as u32;
    if !(0xC0..0x180).contains(&u) {
        return None;
    }
    let b = BASE[(u - 0xC0) as usize];
    (b != 0).then_some(b as char)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write;

    fn chars() -> impl Iterator<Item = char> {
        (0..=0x10FFFFu32).filter_map(char::from_u32)
    }

    /// `LOWER` as the standard library's `char::to_lowercase` gives it.
    fn lower_runs() -> Vec<[u32; 2]> {
        // (first, last, delta, step; 0 while the run has one character)
        let mut runs: Vec<(u32, u32, i32, u32)> = Vec::new();
        for c in chars().filter(|&c| !c.is_ascii() && c != DOTTED_I) {
            let l: Vec<char> = c.to_lowercase().collect();
            assert_eq!(l.len(), 1, "{c:?} lower-cases to more than one character");
            if l[0] == c {
                continue;
            }
            let (cp, delta) = (c as u32, l[0] as i32 - c as i32);
            if let Some(r) = runs.last_mut() {
                let gap = cp - r.1;
                if r.2 == delta && (r.3 == gap || (r.3 == 0 && gap <= 2)) && cp - r.0 < 1 << 11 {
                    (r.1, r.3) = (cp, gap);
                    continue;
                }
            }
            runs.push((cp, cp, delta, 0));
        }
        runs.iter().map(|&(a, b, d, s)| [a | (b - a) << 21, (d * 2 + (s.max(1) as i32 - 1)) as u32]).collect()
    }

    /// Runs of the characters for which `is` holds.
    fn runs_of(is: impl Fn(char) -> bool) -> Vec<u32> {
        let mut runs: Vec<(u32, u32)> = Vec::new();
        for c in chars().filter(|&c| is(c)) {
            match runs.last_mut() {
                Some(r) if r.1 + 1 == c as u32 && c as u32 - r.0 < 1 << 11 => r.1 = c as u32,
                _ => runs.push((c as u32, c as u32)),
            }
        }
        runs.iter().map(|&(a, b)| a | (b - a) << 21).collect()
    }

    /// What the standard library's sigma rule says of `c`: `(case-ignorable, cased)`.
    /// "a" + c + "Σ" ends in `ς` when c is ignorable or cased; "aΣ" + c has `ς` when c
    /// is ignorable or not cased. Whether an ignorable character is cased never
    /// matters: the rule skips it.
    fn sigma_probe(c: char) -> (bool, bool) {
        if c == 'Σ' {
            return (false, true);
        }
        let before = format!("a{c}Σ").to_lowercase().ends_with(FINAL_SIGMA);
        let after = format!("aΣ{c}").to_lowercase()[1..].starts_with(FINAL_SIGMA);
        let ignorable = before && after;
        (ignorable, !ignorable && before)
    }

    const FINAL_SIGMA: char = 'ς';

    fn source(lower: &[[u32; 2]], ignorable: &[u32], cased: &[u32]) -> String {
        let mut s = String::new();
        let mut table = |name: &str, ty: &str, items: Vec<String>| {
            let _ = writeln!(s, "#[rustfmt::skip]\nconst {name}: &[{ty}] = &[");
            for line in items.chunks(if ty == "u32" { 8 } else { 4 }) {
                let _ = writeln!(s, "    {},", line.join(", "));
            }
            let _ = writeln!(s, "];");
        };
        table("LOWER", "[u32; 2]", lower.iter().map(|[a, b]| format!("[{a:#010x}, {b:#010x}]")).collect());
        table("IGNORABLE", "u32", ignorable.iter().map(|a| format!("{a:#010x}")).collect());
        table("CASED_OTHER", "u32", cased.iter().map(|a| format!("{a:#010x}")).collect());
        s
    }

    #[test]
    fn tables_are_the_standard_librarys() {
        let lower = lower_runs();
        let probes: Vec<(char, (bool, bool))> = chars().map(|c| (c, sigma_probe(c))).collect();
        let ignorable = runs_of(|c| probes[probe_index(c)].1 .0);
        let cased_other = runs_of(|c| {
            let (i, cased) = probes[probe_index(c)].1;
            !i && cased && !c.is_lowercase() && !c.is_uppercase()
        });
        // A character the probes call ignorable but `char::is_*case` call cased is
        // skipped by the rule whatever its case, as `ignorable_then_cased` does.
        assert!(
            lower == LOWER && ignorable == IGNORABLE && cased_other == CASED_OTHER,
            "the case tables differ from this toolchain's standard library; replace them in src/case.rs with:\n{}",
            source(&lower, &ignorable, &cased_other)
        );
        // And `cased` agrees with the probes for every character the rule does not skip.
        for (c, (i, is_cased)) in probes {
            if !i {
                assert_eq!(cased(c), is_cased, "{c:?}");
            }
        }
    }

    /// Index of `c` in `chars()` (the surrogate gap is skipped).
    fn probe_index(c: char) -> usize {
        let cp = c as usize;
        if cp < 0xD800 {
            cp
        } else {
            cp - 0x800
        }
    }

    #[test]
    fn every_character_lower_cases_as_std() {
        for c in chars() {
            assert!(lower(c).eq(c.to_lowercase()), "{c:?}");
        }
    }

    #[test]
    fn the_capital_sigma_lower_cases_as_std_in_every_place() {
        let around = ["", "a", "A", "Σ", "σ", " ", "'", ".", "\u{301}", "\u{AD}", "ǅ", "1", "ß", "İ", "\u{345}", "ᾈ"];
        for a in around {
            for b in around {
                for c in around {
                    for t in [format!("{a}{b}Σ{c}"), format!("{a}Σ{b}{c}"), format!("Σ{a}{b}Σ{c}")] {
                        assert_eq!(lower_str(&t), t.to_lowercase(), "{t:?}");
                    }
                }
            }
        }
        for c in chars() {
            for t in [format!("a{c}Σ"), format!("aΣ{c}"), format!("aΣ{c}a"), format!("{c}Σ {c}")] {
                assert_eq!(lower_str(&t), t.to_lowercase(), "{t:?}");
            }
        }
    }

    #[test]
    fn push_lower_appends() {
        let mut s = String::from("X");
        push_lower(&mut s, "ÄBC");
        push_lower(&mut s, "DEF");
        assert_eq!(s, "Xäbcdef");
    }
}
