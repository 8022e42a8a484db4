//! A date of birth given after a name on a line of its own, as people write their
//! details under each other: "Marco Tanner, 13.08.1978", then street, town and phone.
//! No birth word is needed there: a full date after a person's name and a comma, alone
//! at the end of the line, in a block of lines, is when they were born. The year must
//! be at least 14 years back (an appointment list "Anna Berg, 12.03.2025" is not one).

/// True if the date at `s..e` of `text` ends its line and follows a name and a comma at
/// the line's start (two or three capitalised words), and the line is part of a block
/// (the next line is not blank).
pub(super) fn after_name_on_its_line(text: &str, s: usize, e: usize) -> bool {
    let b = text.as_bytes();
    let line_end = b[e..].iter().position(|&c| c == b'\n').map_or(b.len(), |i| e + i);
    if !b[e..line_end].iter().all(|c| matches!(c, b' ' | b'\r' | b'\t')) {
        return false;
    }
    let next_end =
        b[(line_end + 1).min(b.len())..].iter().position(|&c| c == b'\n').map_or(b.len(), |i| line_end + 1 + i);
    if line_end >= b.len() || text[line_end + 1..next_end].trim().is_empty() {
        return false;
    }
    let head = text[..s].trim_end_matches(' ');
    let Some(head) = head.strip_suffix(',') else { return false };
    let line_start = head.rfind('\n').map_or(0, |i| i + 1);
    let name = head[line_start..].trim();
    let words: Vec<&str> = name.split(' ').collect();
    (2..=3).contains(&words.len()) && words.iter().all(|w| name_word(w))
}

/// A capitalised word of letters (and `-` or `'` inside, each part capitalised or
/// not): "Tanner", "Müller-Lüdenscheidt", "Jean-Luc", "O'Brien".
fn name_word(w: &str) -> bool {
    let mut prev = ' ';
    w.chars().count() >= 2
        && w.chars().all(|c| {
            let ok = if prev == ' ' {
                c.is_uppercase()
            } else if matches!(prev, '-' | '\'') {
                c.is_alphabetic()
            } else {
                c.is_lowercase() || matches!(c, '-' | '\'')
            };
            prev = c;
            ok
        })
}

#[cfg(test)]
mod tests {
    use super::after_name_on_its_line;

    fn at(text: &str, date: &str) -> bool {
        let s = text.find(date).unwrap();
        after_name_on_its_line(text, s, s + date.len())
    }

    #[test]
    fn contact_blocks() {
        assert!(at("Angaben:\nMarco Tanner, 13.08.1978\nKirchgasse 11\n5400 Baden", "13.08.1978"));
        assert!(at("Ana María López, 2 March 1961\r\nCalle Mayor 3", "2 March 1961"));
        // not at the end of its line, not after a name, no block, lower case
        assert!(!at("Marco Tanner, 13.08.1978 kommt\nKirchgasse 11", "13.08.1978"));
        assert!(!at("Termin am Montag, 13.08.1978\nKirchgasse 11", "13.08.1978"));
        assert!(!at("Marco Tanner, 13.08.1978", "13.08.1978"));
        assert!(!at("Marco Tanner, 13.08.1978\n\nGruß", "13.08.1978"));
        assert!(!at("marco tanner, 13.08.1978\nx", "13.08.1978"));
        assert!(at("Jean-Luc O'Brien, 13.08.1978\nx", "13.08.1978"));
    }
}
