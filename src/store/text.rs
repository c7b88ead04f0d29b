//! Text filters: a query's words, folded, each matching the start of a word of the searched
//! field, so `lavrov` finds "Sergey Lavrov", `rzeszow` finds "Rzeszów" and `russia` finds
//! "Russian Federation".

use crate::fold::fold;

/// The folded words of `text`: split at anything that is not a letter or a digit.
pub fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A text filter as a client wrote it. Holds at least one word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextQuery {
    words: Vec<String>,
}

/// Why a text filter cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` has no letter or digit to search for")]
pub struct EmptyQuery(pub String);

impl TextQuery {
    /// Reads a filter. Fails when it holds no letter or digit.
    pub fn parse(raw: &str) -> Result<Self, EmptyQuery> {
        let words = words(raw);
        if words.is_empty() {
            return Err(EmptyQuery(raw.to_owned()));
        }
        Ok(Self { words })
    }

    /// The query's folded words.
    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// True when every query word starts a word of `text`.
    pub fn matches(&self, text: &str) -> bool {
        let found = words(text);
        self.words
            .iter()
            .all(|q| found.iter().any(|w| w.starts_with(q.as_str())))
    }

    /// True when one of `texts` matches on its own (all words within one participant, one
    /// place: `sergey lavrov` does not match "Sergey Ivanov" met with "Ana Lavrov").
    pub fn matches_any<S: AsRef<str>>(&self, texts: &[S]) -> bool {
        texts.iter().any(|t| self.matches(t.as_ref()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(raw: &str) -> TextQuery {
        TextQuery::parse(raw).unwrap()
    }

    #[test]
    fn words_start_words_regardless_of_case_and_accents() {
        assert!(query("lavrov").matches("Sergey Lavrov"));
        assert!(query("RZESZOW").matches("Rzeszów, Poland"));
        assert!(query("russia").matches("Russian Federation"));
        assert!(query("sergey lav").matches("Sergey Lavrov"));
        assert!(!query("avrov").matches("Sergey Lavrov"));
    }

    #[test]
    fn all_words_must_match_within_one_text() {
        let texts = ["Sergey Ivanov", "Ana Lavrov"];
        assert!(!query("sergey lavrov").matches_any(&texts));
        assert!(query("ana lavrov").matches_any(&texts));
    }

    #[test]
    fn a_query_without_words_is_refused() {
        assert_eq!(TextQuery::parse(" ,- "), Err(EmptyQuery(" ,- ".into())));
    }
}
