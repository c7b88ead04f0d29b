//! Lookup keys: a name folded (`crate::fold::fold_char`) and cut into words, the words joined
//! by one space. Punctuation other than a word-internal apostrophe separates words, so
//! "Washington, D.C.", "Washington D. C." and "washington dc"-like spellings meet on
//! "washington d c", and "Bosnia-Herzegovina" (a dataset slug: `bosnia-herzegovina`) meets
//! "Bosnia Herzegovina". Abbreviations "St", "Ste", "Mt" and "Ft" read as the full word.
//! Names and running text are cut by the same code, so text words can be looked up one by one
//! with byte offsets back into the original text.

use std::ops::Range;

use crate::fold::fold_char;

/// One word of a text: where its key lies in [`Words::key`] and its byte range in the
/// original text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Byte range of the word's key (folded and normalised, "st" → "saint") in the text's
    /// key.
    pub key: Range<usize>,
    /// Byte range in the original text, apostrophes at the edges excluded.
    pub span: Range<usize>,
}

/// The words of a text and the text's key, which holds every word's key joined by single
/// spaces: the key of words `i..=j` is one slice of it, so names of several words are
/// looked up without building a string.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Words {
    key: String,
    list: Vec<Word>,
}

impl Words {
    /// The key of word `i`.
    pub fn key(&self, i: usize) -> &str {
        &self.key[self.list[i].key.clone()]
    }

    /// The key of words `first..=last`, joined by single spaces.
    pub fn joined(&self, first: usize, last: usize) -> &str {
        &self.key[self.list[first].key.start..self.list[last].key.end]
    }

    /// A part of the text's key, such as a candidate name found by [`Self::joined`] offsets.
    pub fn key_slice(&self, range: Range<usize>) -> &str {
        &self.key[range]
    }

    /// Starts a word at the end of the key.
    fn open(&mut self) -> usize {
        if !self.key.is_empty() {
            self.key.push(' ');
        }
        self.key.len()
    }

    /// Ends the word whose key starts at `start`, spelling out an abbreviation.
    fn close(&mut self, start: usize, span: Range<usize>) {
        normalise_tail(&mut self.key, start);
        self.list.push(Word {
            key: start..self.key.len(),
            span,
        });
    }
}

impl std::ops::Deref for Words {
    type Target = [Word];

    fn deref(&self) -> &[Word] {
        &self.list
    }
}

/// Cuts `text` into words. A word is a run of letters and digits, apostrophes included when
/// they stand between two of them ("Nuku'alofa", "d'Ivoire", "Russia's").
pub fn words(text: &str) -> Words {
    if text.is_ascii() {
        ascii_words(text)
    } else {
        folded_words(text)
    }
}

/// [`words`] of any text, folding character by character.
fn folded_words(text: &str) -> Words {
    let mut cutter = Cutter::default();
    let mut folded = String::new();
    for (start, c) in text.char_indices() {
        let span = start..start + c.len_utf8();
        if c.is_ascii() {
            let c = if c == '`' {
                '\''
            } else {
                c.to_ascii_lowercase()
            };
            cutter.feed(c, &span);
            continue;
        }
        folded.clear();
        fold_char(c, &mut folded);
        for c in folded.chars() {
            cutter.feed(c, &span);
        }
    }
    cutter.finish()
}

/// [`words`] of an ASCII text, the common case: the same cut, each key lower-cased at once.
fn ascii_words(text: &str) -> Words {
    let mut key = Vec::with_capacity(text.len());
    let mut list = Vec::with_capacity(text.len() / 5 + 1);
    push_ascii_keys(text, &mut key, |key, span| list.push(Word { key, span }));
    Words {
        key: ascii_key(key),
        list,
    }
}

/// The key [`push_ascii_keys`] wrote, as a string.
fn ascii_key(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).expect("the keys of ASCII text are ASCII")
}

/// Appends the keys of the words of an ASCII `text` to `key`, a space before each but the
/// first of an empty key, and tells `word` each word's key range and span. The key is
/// written as bytes, copied and folded while the words are cut, as `fold_char` folds ASCII
/// (lower case, a backtick an apostrophe): one pass over the text, every sentence is cut.
fn push_ascii_keys(
    text: &str,
    key: &mut Vec<u8>,
    mut word: impl FnMut(Range<usize>, Range<usize>),
) {
    let bytes = text.as_bytes();
    let alnum = |i: usize| bytes.get(i).is_some_and(|&b| ALNUM[usize::from(b)]);
    let mut i = 0;
    while i < bytes.len() {
        if !alnum(i) {
            i += 1;
            continue;
        }
        let span_start = i;
        if !key.is_empty() {
            key.push(b' ');
        }
        let start = key.len();
        loop {
            while let Some(&c) = bytes
                .get(i)
                .map(|&b| &KEY_BYTE[usize::from(b)])
                .filter(|&&c| c != 0)
            {
                key.push(c);
                i += 1;
            }
            // one apostrophe between letters or digits belongs to the word
            if matches!(bytes.get(i), Some(b'\'' | b'`')) && alnum(i + 1) {
                key.push(b'\'');
                i += 1;
            } else {
                break;
            }
        }
        // the abbreviations are two or three letters long: most words are passed at once
        if let Some(full) = key
            .get(start..)
            .filter(|w| w.len() <= 3)
            .and_then(expansion)
        {
            key.truncate(start);
            key.extend_from_slice(full.as_bytes());
        }
        word(start..key.len(), span_start..i);
    }
}

/// The byte ranges of the words of an ASCII text: runs of letters and digits, with a mark
/// for which `inner` holds kept when a letter or digit stands on both sides of it. The word
/// cutters of names and of sentences differ only in their inner marks.
pub fn ascii_runs(bytes: &[u8], inner: fn(u8) -> bool) -> impl Iterator<Item = Range<usize>> {
    let alnum = |b: &u8| ALNUM[usize::from(*b)];
    let mut i = 0;
    std::iter::from_fn(move || {
        i += bytes[i..].iter().position(alnum)?;
        let start = i;
        loop {
            i += bytes[i..]
                .iter()
                .position(|b| !alnum(b))
                .unwrap_or(bytes.len() - i);
            let joins = i + 1 < bytes.len() && inner(bytes[i]) && alnum(&bytes[i + 1]);
            if !joins {
                break;
            }
            i += 1;
        }
        Some(start..i)
    })
}

/// ASCII letters and digits by byte value: every byte of a text is asked, by one lookup.
static ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < table.len() {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The key byte of each ASCII letter or digit (itself lower-cased), 0 for any other byte:
/// one lookup tells whether a byte continues a word and what the key holds for it.
static KEY_BYTE: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < table.len() {
        if ALNUM[b] {
            table[b] = (b as u8).to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// The state of [`words`]: the words so far, the word being read (where its key starts, and
/// its span), and an apostrophe after it that belongs to it only if a letter or digit
/// follows.
#[derive(Default)]
struct Cutter {
    words: Words,
    current: Option<(usize, Range<usize>)>,
    apostrophe: bool,
}

impl Cutter {
    fn feed(&mut self, c: char, span: &Range<usize>) {
        if c.is_alphanumeric() {
            match &mut self.current {
                Some((_, current)) => {
                    if std::mem::take(&mut self.apostrophe) {
                        self.words.key.push('\'');
                    }
                    self.words.key.push(c);
                    current.end = span.end;
                }
                None => {
                    let start = self.words.open();
                    self.words.key.push(c);
                    self.current = Some((start, span.clone()));
                }
            }
        } else if c == '\'' && self.current.is_some() && !self.apostrophe {
            self.apostrophe = true;
        } else {
            self.end_word();
        }
    }

    fn end_word(&mut self) {
        self.apostrophe = false;
        if let Some((start, span)) = self.current.take() {
            self.words.close(start, span);
        }
    }

    fn finish(mut self) -> Words {
        self.end_word();
        self.words
    }
}

/// Spells out the abbreviations place names use in front of a name.
fn expansion(word: &[u8]) -> Option<&'static str> {
    match word {
        b"st" => Some("saint"),
        b"ste" => Some("sainte"),
        b"mt" => Some("mount"),
        b"ft" => Some("fort"),
        _ => None,
    }
}

/// The lookup key of a name: its words joined by single spaces. Empty when the name has no
/// letters or digits. Equal to joining the keys of [`words`], without tracking offsets.
pub fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    key_into(name, &mut String::new(), &mut out);
    out
}

/// [`key`] into `out` (cleared first), folding through the `scratch` buffer: loading calls
/// this for every name and reuses both buffers.
pub fn key_into(name: &str, scratch: &mut String, out: &mut String) {
    scratch.clear();
    out.clear();
    if name.is_ascii() {
        // the common case: folding ASCII is lower-casing (and '`' → '\''), cut as words are
        let mut bytes = std::mem::take(out).into_bytes();
        push_ascii_keys(name, &mut bytes, |_, _| {});
        *out = ascii_key(bytes);
        return;
    }
    for c in name.chars() {
        fold_char(c, scratch);
    }
    push_folded_keys(scratch, out);
}

/// Appends the keys of the words of folded text to `out` (empty), separated by spaces.
fn push_folded_keys(folded: &str, out: &mut String) {
    let mut chars = folded.chars().peekable();
    let mut word_start = None;
    let mut previous_alnum = false;
    while let Some(c) = chars.next() {
        let next_alnum = chars.peek().is_some_and(|n| n.is_alphanumeric());
        let inner_apostrophe = c == '\'' && previous_alnum && next_alnum;
        previous_alnum = c.is_alphanumeric();
        if previous_alnum || inner_apostrophe {
            if word_start.is_none() {
                if !out.is_empty() {
                    out.push(' ');
                }
                word_start = Some(out.len());
            }
            out.push(c);
        } else if let Some(start) = word_start.take() {
            normalise_tail(out, start);
        }
    }
    if let Some(start) = word_start {
        normalise_tail(out, start);
    }
}

/// Applies [`expansion`] to the word that starts at byte `start` of `key`.
fn normalise_tail(key: &mut String, start: usize) {
    // the abbreviations are two or three letters long: most words are passed at once
    if key.len() - start > 3 {
        return;
    }
    if let Some(full) = expansion(&key.as_bytes()[start..]) {
        key.truncate(start);
        key.push_str(full);
    }
}

/// Joins word keys with single spaces.
pub fn join<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for part in parts {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

/// The key without apostrophes ("cote d'ivoire" → "cote divoire"), so slugs such as
/// `cote-divoire` and spellings without the apostrophe find the name. `None` when the key has
/// no apostrophe.
pub fn without_apostrophes(key: &str) -> Option<String> {
    key.contains('\'').then(|| key.replace('\'', ""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn words_cut_any_text_on_char_boundaries_like_keys(text in "\\PC{0,40}") {
            let found = words(&text);
            for word in found.iter() {
                prop_assert!(text.is_char_boundary(word.span.start));
                prop_assert!(text.is_char_boundary(word.span.end));
                prop_assert!(word.span.start < word.span.end);
            }
            prop_assert_eq!(key(&text), join((0..found.len()).map(|i| found.key(i))));
        }

        #[test]
        fn ascii_keys_are_cut_as_folded_text(text in "[a-zA-Z0-9'` .,-]{0,40}|[ -~]{0,40}") {
            let mut folded = String::new();
            for c in text.chars() {
                fold_char(c, &mut folded);
            }
            let mut expected = String::new();
            push_folded_keys(&folded, &mut expected);
            prop_assert_eq!(key(&text), expected);
        }

        #[test]
        fn ascii_words_are_cut_as_any_text(text in "[a-zA-Z0-9'` .,-]{0,40}|[ -~]{0,40}") {
            prop_assert_eq!(ascii_words(&text), folded_words(&text));
        }
    }

    #[test]
    fn punctuation_and_case_meet_on_one_key() {
        assert_eq!(key("Washington, D.C."), "washington d c");
        assert_eq!(key("Washington D. C."), "washington d c");
        assert_eq!(key("bosnia-herzegovina"), "bosnia herzegovina");
        assert_eq!(key("Côte d’Ivoire"), "cote d'ivoire");
        assert_eq!(
            key("Iran (Islamic Republic of)"),
            "iran islamic republic of"
        );
        assert_eq!(key("St. Louis"), key("Saint Louis"));
        assert_eq!(key("  "), "");
    }

    #[test]
    fn words_keep_byte_offsets_into_the_original() {
        let text = "From Rzeszów to ‘Kyiv’, then Nuku’alofa.";
        let found = words(text);
        let spans: Vec<&str> = found.iter().map(|w| &text[w.span.clone()]).collect();
        assert_eq!(
            spans,
            ["From", "Rzeszów", "to", "Kyiv", "then", "Nuku’alofa"]
        );
        assert_eq!(found.key(1), "rzeszow");
        assert_eq!(found.key(5), "nuku'alofa");
    }

    #[test]
    fn keys_equal_joined_word_keys() {
        for name in [
            "Sant Julià de Lòria",
            "St. John's",
            "  Nuku’alofa ",
            "'Paris'",
            "Ft. Worth",
        ] {
            let found = words(name);
            let joined = join((0..found.len()).map(|i| found.key(i)));
            assert_eq!(key(name), joined, "{name}");
        }
    }

    #[test]
    fn apostrophes_can_be_dropped_from_keys() {
        assert_eq!(
            without_apostrophes("cote d'ivoire").as_deref(),
            Some("cote divoire")
        );
        assert_eq!(without_apostrophes("paris"), None);
    }
}
