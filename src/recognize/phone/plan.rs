//! Numbering plans: which national significant numbers (NSN) are valid per country,
//! and what they are (mobile, fixed line, service). Sources are listed in the parent
//! module's docs ("Validity rules").

/// What an NSN is, by its leading digits.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(super) enum Class {
    Mobile,
    Fixed,
    /// Toll-free, shared-cost, premium: numbers of businesses.
    Service,
    /// Valid, type not told apart.
    Other,
}

/// ISO code of the countries with their own rules.
pub(super) fn iso(cc: u16) -> Option<&'static str> {
    Some(match cc {
        49 => "de",
        43 => "at",
        41 => "ch",
        44 => "gb",
        1 => "us",
        33 => "fr",
        39 => "it",
        34 => "es",
        31 => "nl",
        48 => "pl",
        32 => "be",
        352 => "lu",
        423 => "li",
        _ => return None,
    })
}

fn starts(d: &[u8], prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| d.starts_with(p.as_bytes()))
}

/// The class of national significant number `d` in country `cc`, if it is valid by
/// the country's plan; `Some(None)` if it is not; `None` for country codes without own
/// rules (those get the generic length check in `judge`).
pub(super) fn nsn_class(cc: u16, d: &[u8]) -> Option<Option<Class>> {
    let n = d.len();
    if n == 0 {
        return Some(None);
    }
    let f = d[0];
    let r = match cc {
        49 => germany(d, n, f),
        43 => austria(d, n, f),
        41 => switzerland(d, n, f),
        44 => united_kingdom(d, n, f),
        1 => nanp(d),
        33 => france(n, f),
        39 => italy(d, n, f),
        34 => spain(d, n, f),
        31 => netherlands(d, n, f),
        48 => poland(d, n, f),
        32 => belgium(d, n, f),
        352 => (f != b'0' && (6..=11).contains(&n)).then_some(Class::Other),
        423 => (f != b'0' && (7..=9).contains(&n)).then_some(Class::Other),
        _ => return None,
    };
    Some(r)
}

/// Germany (Bundesnetzagentur): the class of NSN `d` (`n` digits, first digit `f`), if valid.
fn germany(d: &[u8], n: usize, f: u8) -> Option<Class> {
    if starts(d, &["800", "900", "180", "137", "138"]) {
        (10..=11).contains(&n).then_some(Class::Service)
    } else if d.starts_with(b"15") {
        (n == 11 || n == 10).then_some(Class::Mobile)
    } else if starts(d, &["16", "17"]) {
        (10..=11).contains(&n).then_some(Class::Mobile)
    } else if (b'2'..=b'9').contains(&f) {
        (6..=11).contains(&n).then_some(Class::Fixed)
    } else {
        None
    }
}

/// Austria (RTR, KEM-V): the class of NSN `d` (`n` digits, first digit `f`), if valid.
fn austria(d: &[u8], n: usize, f: u8) -> Option<Class> {
    if starts(d, &["800", "810", "820", "821", "900", "901", "930", "931", "939"]) {
        (6..=13).contains(&n).then_some(Class::Service)
    } else if f == b'6' && (b'5'..=b'9').contains(&d.get(1).copied().unwrap_or(0)) {
        (8..=13).contains(&n).then_some(Class::Mobile)
    } else if (b'1'..=b'9').contains(&f) {
        (6..=12).contains(&n).then_some(Class::Fixed)
    } else {
        None
    }
}

/// Switzerland (BAKOM): the class of NSN `d` (`n` digits, first digit `f`), if valid.
fn switzerland(d: &[u8], n: usize, f: u8) -> Option<Class> {
    if n != 9 || f < b'2' {
        None
    } else if starts(d, &["800", "840", "842", "844", "848", "900", "901", "906"]) {
        Some(Class::Service)
    } else if starts(d, &["75", "76", "77", "78", "79"]) {
        Some(Class::Mobile)
    } else {
        Some(Class::Fixed)
    }
}

/// United Kingdom (Ofcom): the class of NSN `d` (`n` digits, first digit `f`), if valid.
fn united_kingdom(d: &[u8], n: usize, f: u8) -> Option<Class> {
    if starts(d, &["800", "808"]) {
        (9..=10).contains(&n).then_some(Class::Service)
    } else if starts(d, &["84", "87", "9"]) {
        (n == 10).then_some(Class::Service)
    } else if f == b'7' {
        (n == 10).then_some(Class::Mobile)
    } else if f == b'1' {
        (9..=10).contains(&n).then_some(Class::Fixed)
    } else if f == b'2' {
        (n == 10).then_some(Class::Fixed)
    } else if f == b'3' {
        // 03: non-geographic numbers of organisations (public bodies, charities,
        // businesses), charged like a geographic call.
        (n == 10).then_some(Class::Service)
    } else if f == b'5' {
        (n == 10).then_some(Class::Other)
    } else {
        None
    }
}

/// France (ARCEP): the class of an NSN of `n` digits, first digit `f`, if valid.
fn france(n: usize, f: u8) -> Option<Class> {
    if n != 9 || f == b'0' {
        None
    } else if f == b'8' {
        Some(Class::Service)
    } else if f == b'6' || f == b'7' {
        Some(Class::Mobile)
    } else {
        Some(Class::Fixed)
    }
}

/// Italy (AGCOM PNN): the class of NSN `d` (`n` digits, first digit `f`), if valid.
fn italy(d: &[u8], n: usize, f: u8) -> Option<Class> {
    if starts(d, &["800", "803", "89"]) {
        (6..=10).contains(&n).then_some(Class::Service)
    } else if f == b'0' {
        // The plan admits 6 digits; in use, fixed numbers have 8 to 11.
        (8..=11).contains(&n).then_some(Class::Fixed)
    } else if f == b'3' {
        (9..=10).contains(&n).then_some(Class::Mobile)
    } else {
        None
    }
}

/// Spain (CNMC/SETID): the class of NSN `d` (`n` digits, first digit `f`), if valid.
fn spain(d: &[u8], n: usize, f: u8) -> Option<Class> {
    if n != 9 || f < b'5' {
        None
    } else if starts(d, &["80", "900", "901", "902", "905"]) {
        Some(Class::Service)
    } else if f == b'6' || starts(d, &["71", "72", "73", "74"]) {
        Some(Class::Mobile)
    } else {
        Some(Class::Fixed)
    }
}

/// Netherlands (ACM/RDI): the class of NSN `d` (`n` digits, first digit `f`), if valid.
fn netherlands(d: &[u8], n: usize, f: u8) -> Option<Class> {
    if starts(d, &["800", "900", "906", "909"]) {
        (7..=10).contains(&n).then_some(Class::Service)
    } else if n != 9 || f == b'0' {
        None
    } else if d.starts_with(b"6") {
        Some(Class::Mobile)
    } else {
        Some(Class::Fixed)
    }
}

/// Poland (UKE): the class of NSN `d` (`n` digits, first digit `f`), if valid.
fn poland(d: &[u8], n: usize, f: u8) -> Option<Class> {
    if n != 9 || f == b'0' {
        None
    } else if starts(d, &["800", "70"]) {
        Some(Class::Service)
    } else if starts(d, &["45", "50", "51", "53", "57", "60", "66", "69", "72", "73", "78", "79", "88"]) {
        Some(Class::Mobile)
    } else {
        Some(Class::Fixed)
    }
}

/// Belgium: the class of NSN `d` (`n` digits, first digit `f`), if valid.
fn belgium(d: &[u8], n: usize, f: u8) -> Option<Class> {
    if f == b'0' {
        None
    } else if f == b'4' {
        (n == 9).then_some(Class::Mobile)
    } else if starts(d, &["800", "90", "70", "78"]) {
        (n == 8).then_some(Class::Service)
    } else {
        (n == 8).then_some(Class::Fixed)
    }
}

/// NANP: NXX-NXX-XXXX, no N11 and no N9X area codes, no N11 exchanges; 8XX toll-free
/// and 900 premium are service numbers.
pub(super) fn nanp(d: &[u8]) -> Option<Class> {
    if d.len() != 10 || d[0] < b'2' || d[3] < b'2' || d[1] == b'9' {
        return None;
    }
    if d[1] == b'1' && d[2] == b'1' {
        return None;
    }
    if d[4] == b'1' && d[5] == b'1' {
        return None;
    }
    if starts(d, &["800", "833", "844", "855", "866", "877", "888", "900"]) {
        return Some(Class::Service);
    }
    Some(Class::Other)
}

/// Countries whose national form starts with the trunk prefix 0.
pub(super) const TRUNK0: &[u16] = &[49, 43, 41, 44, 33, 31];
