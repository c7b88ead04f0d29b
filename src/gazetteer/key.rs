//! Lookup keys: a name folded (`crate::fold::fold_char`) and cut into words, the words joined
//! by one space. Punctuation other than a word-internal apostrophe separates words, so
//! "Washington, D.C.", "Washington D. C." and "washington dc"-like spellings meet on
//! "washington d c", and "Bosnia-Herzegovina" (a dataset slug: `bosnia-herzegovina`) meets
//! "Bosnia Herzegovina". Abbreviations "St", "Ste", "Mt" and "Ft" read as the full word.
//! Names and running text are cut by the same code, so text words can be looked up one by one
//! with byte offsets back into the original text.

use std::ops::Range;

use crate::fold::fold_char;

/// One word of a text: its folded, normalised form and its byte range in the original text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Folded and normalised ("st" → "saint"), as it appears in keys.
    pub key: String,
    /// Byte range in the original text, apostrophes at the edges excluded.
    pub span: Range<usize>,
}

/// Cuts `text` into words. A word is a run of letters and digits, apostrophes included when
/// they stand between two of them ("Nuku'alofa", "d'Ivoire", "Russia's").
pub fn words(text: &str) -> Vec<Word> {
    if text.is_ascii() {
        ascii_words(text)
    } else {
        folded_words(text)
    }
}

/// [`words`] of any text, folding character by character.
fn folded_words(text: &str) -> Vec<Word> {
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
fn ascii_words(text: &str) -> Vec<Word> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        loop {
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            // one apostrophe between letters or digits belongs to the word
            let inner = i + 1 < bytes.len()
                && matches!(bytes[i], b'\'' | b'`')
                && bytes[i + 1].is_ascii_alphanumeric();
            if !inner {
                break;
            }
            i += 1;
        }
        let mut key = text[start..i].to_ascii_lowercase();
        if key.contains('`') {
            key = key.replace('`', "'");
        }
        let key = expansion(&key).map_or(key, str::to_owned);
        out.push(Word {
            key,
            span: start..i,
        });
    }
    out
}

/// The state of [`words`]: the word being read (its key so far, in a buffer reused from word
/// to word, and its span), and an apostrophe after it that belongs to it only if a letter or
/// digit follows.
#[derive(Default)]
struct Cutter {
    words: Vec<Word>,
    key: String,
    current: Option<Range<usize>>,
    apostrophe: bool,
}

impl Cutter {
    fn feed(&mut self, c: char, span: &Range<usize>) {
        if c.is_alphanumeric() {
            match &mut self.current {
                Some(current) => {
                    if std::mem::take(&mut self.apostrophe) {
                        self.key.push('\'');
                    }
                    self.key.push(c);
                    current.end = span.end;
                }
                None => {
                    self.key.clear();
                    self.key.push(c);
                    self.current = Some(span.clone());
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
        if let Some(span) = self.current.take() {
            // the abbreviations place names use in front of a name, spelt out
            let key = match expansion(&self.key) {
                Some(full) => full.to_owned(),
                None => self.key.as_str().to_owned(),
            };
            self.words.push(Word { key, span });
        }
    }

    fn finish(mut self) -> Vec<Word> {
        self.end_word();
        self.words
    }
}

/// Spells out the abbreviations place names use in front of a name.
fn expansion(word: &str) -> Option<&'static str> {
    match word {
        "st" => Some("saint"),
        "ste" => Some("sainte"),
        "mt" => Some("mount"),
        "ft" => Some("fort"),
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
        // the common case: folding ASCII is lower-casing (and '`' → '\'')
        scratch.push_str(name);
        scratch.make_ascii_lowercase();
        if scratch.contains('`') {
            *scratch = scratch.replace('`', "'");
        }
    } else {
        for c in name.chars() {
            fold_char(c, scratch);
        }
    }
    let mut chars = scratch.chars().peekable();
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
    if let Some(full) = expansion(&key[start..]) {
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
            for word in &found {
                prop_assert!(text.is_char_boundary(word.span.start));
                prop_assert!(text.is_char_boundary(word.span.end));
                prop_assert!(word.span.start < word.span.end);
            }
            prop_assert_eq!(key(&text), join(found.iter().map(|w| w.key.as_str())));
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
        assert_eq!(found[1].key, "rzeszow");
        assert_eq!(found[5].key, "nuku'alofa");
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
            let joined = join(words(name).iter().map(|w| w.key.as_str()));
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
