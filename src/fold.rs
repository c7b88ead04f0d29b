//! Search keys: text folded for case- and diacritic-insensitive matching, so that `rzeszow`
//! finds "Rzeszów" and `lavrov` finds "Sergey Lavrov".

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower-cases `text`, strips diacritics (NFD, combining marks dropped), maps typographic
/// apostrophes and dashes to ASCII and collapses runs of whitespace to one space.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        fold_ascii(text)
    } else {
        fold_chars(text)
    }
}

/// [`fold`] of any text, character by character.
fn fold_chars(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let mut folded = String::new();
    let mut push = |c: char, out: &mut String| {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            return;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    };
    for c in text.chars() {
        if c.is_ascii() {
            // what `fold_char` gives, without its buffer
            push(ascii_folded(c), &mut out);
            continue;
        }
        folded.clear();
        fold_char(c, &mut folded);
        for c in folded.chars() {
            push(c, &mut out);
        }
    }
    out
}

/// [`fold`] of an ASCII text, the common case, byte by byte: names and titles are folded
/// mention after mention.
fn fold_ascii(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len());
    let mut pending_space = false;
    for &b in text.as_bytes() {
        // `char::is_whitespace`, as `fold` asks: a vertical tab too
        if char::from(b).is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(b' ');
            pending_space = false;
        }
        out.push(fold_ascii_byte(b));
    }
    String::from_utf8(out).expect("folded ASCII is ASCII")
}

/// The folded form of an ASCII byte that is not whitespace: lower-cased, a backtick as an
/// apostrophe.
pub fn fold_ascii_byte(b: u8) -> u8 {
    match b {
        b'`' => b'\'',
        b => b.to_ascii_lowercase(),
    }
}

/// The folded form of an ASCII character.
fn ascii_folded(c: char) -> char {
    match c {
        '`' => '\'',
        c => c.to_ascii_lowercase(),
    }
}

/// Appends the folded form of one character of the original text to `out`: lower-cased,
/// without diacritics, typographic apostrophes and dashes mapped to ASCII. Pushes nothing for
/// a lone combining mark. [`fold`] is this over every character, plus whitespace collapsing;
/// callers that need offsets back into the original text fold character by character.
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(ascii_folded(c));
        return;
    }
    for c in std::iter::once(c).nfd().filter(|c| !is_combining_mark(*c)) {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{02bc}' | '\u{02bb}' | '\u{00b4}' => '\'',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            'ł' | 'Ł' => 'l',
            'ø' | 'Ø' => 'o',
            'đ' | 'Đ' => 'd',
            'ı' => 'i',
            'ß' => 's',
            c => c,
        };
        out.extend(c.to_lowercase());
    }
}

/// `fold(a) == fold(b)`, without building either when both are ASCII: then folding only
/// lower-cases, turns a backtick into an apostrophe and joins the words by one space.
pub fn same_folded(a: &str, b: &str) -> bool {
    if !(a.is_ascii() && b.is_ascii()) {
        return fold(a) == fold(b);
    }
    let same_word = |x: &str, y: &str| {
        x.len() == y.len()
            && x.bytes()
                .zip(y.bytes())
                .all(|(p, q)| ascii_folded(char::from(p)) == ascii_folded(char::from(q)))
    };
    let (mut xs, mut ys) = (a.split_whitespace(), b.split_whitespace());
    loop {
        match (xs.next(), ys.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if same_word(x, y) => {}
            _ => return false,
        }
    }
}

/// True when `haystack` contains `needle`, an ASCII word in lower case, in any ASCII case: a
/// cheap test that a pattern which needs the word can match at all.
pub fn contains_ascii_in_any_case(haystack: &str, needle: &str) -> bool {
    let (text, word) = (haystack.as_bytes(), needle.as_bytes());
    // the word's rarest letter is looked for ("g" of "night", not "n"): fewer places to
    // compare the word at
    let Some(at) = (0..word.len()).max_by_key(|&i| rarity(word[i])) else {
        return true;
    };
    let b = word[at];
    memchr::memchr2_iter(b.to_ascii_lowercase(), b.to_ascii_uppercase(), text).any(|i| {
        i >= at
            && text
                .get(i - at..i - at + word.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(word))
    })
}

/// How rare a byte is in English text: letters by frequency, others rarer than any.
fn rarity(b: u8) -> usize {
    b"etaoinshrdlcumwfgypbvkjxqz"
        .iter()
        .position(|&c| c == b.to_ascii_lowercase())
        .unwrap_or(26)
}

/// True when the folded `haystack` contains the folded `needle`.
pub fn contains_folded(haystack: &str, needle: &str) -> bool {
    fold(haystack).contains(&fold(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_diacritics_and_punctuation() {
        assert_eq!(fold("Rzeszów"), "rzeszow");
        assert_eq!(fold("  Recep Tayyip  Erdoğan "), "recep tayyip erdogan");
        assert_eq!(fold("Nuku\u{2019}Alofa"), "nuku'alofa");
        assert_eq!(fold("Łódź"), "lodz");
        assert!(contains_folded("Sergey Lavrov", "LAVROV"));
        assert!(contains_ascii_in_any_case("spent the NIGHT", "night"));
        for (a, b) in [
            ("Port  Louis", " port louis"),
            ("Port Louis", "Port-Louis"),
            ("Rzeszów", "rzeszow"),
            ("D`Arc", "d'arc"),
            ("Lima", "Lim"),
            ("a\u{b}b", "A B"),
        ] {
            assert_eq!(same_folded(a, b), fold(a) == fold(b), "{a} {b}");
        }
        assert!(!contains_ascii_in_any_case("spent the nigh", "night"));
        assert!(contains_ascii_in_any_case("Night", "night"));
        assert!(contains_ascii_in_any_case("he HAD", "had"));
        assert!(!contains_ascii_in_any_case("ad", "had"));
        assert!(contains_ascii_in_any_case("", ""));
    }

    proptest::proptest! {
        #[test]
        fn words_are_found_in_any_case_as_by_lower_casing(text in "[hadngitHADNGIT ]{0,20}|\\PC{0,20}", word in "had|night|g|") {
            proptest::prop_assert_eq!(
                contains_ascii_in_any_case(&text, &word),
                text.to_ascii_lowercase().contains(&word)
            );
        }

        #[test]
        fn ascii_is_folded_as_character_by_character(text in "[ -~\t\n\x0b\x0c\r\x1c-\x1f]{0,40}") {
            proptest::prop_assert_eq!(fold_ascii(&text), fold_chars(&text));
        }
    }
}
