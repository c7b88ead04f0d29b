//! A document as the extractor reads it: the ` date YYYY-MM-DD ` header, an optional title
//! line, and the body.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Why a text is not a document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HeaderError {
    #[error("missing header: a document starts with ' date YYYY-MM-DD' or ' date YYYY-MM'")]
    MissingHeader,
    #[error("malformed publication date {0:?}: expected YYYY-MM-DD or YYYY-MM")]
    MalformedDate(String),
    #[error("the document has no text after its header")]
    EmptyBody,
}

/// The publication date of a document: a day, or only a month when that is all the header
/// gives. It anchors the year of dates in the text and bounds them from above.
/// Serialized as `"YYYY-MM-DD"` or `"YYYY-MM"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Published {
    Day(NaiveDate),
    Month { year: i32, month: u32 },
}

impl Published {
    /// Parses `YYYY-MM-DD` or `YYYY-MM`.
    pub fn parse(raw: &str) -> Result<Self, HeaderError> {
        let bad = || HeaderError::MalformedDate(raw.to_owned());
        match raw.len() {
            10 => NaiveDate::parse_from_str(raw, "%Y-%m-%d")
                .map(Self::Day)
                .map_err(|_| bad()),
            7 => {
                let first = NaiveDate::parse_from_str(&format!("{raw}-01"), "%Y-%m-%d")
                    .map_err(|_| bad())?;
                Ok(Self::Month {
                    year: first.year(),
                    month: first.month(),
                })
            }
            _ => Err(bad()),
        }
    }

    /// The latest day the publication can be: the day itself, or the month's last day.
    pub fn latest(&self) -> NaiveDate {
        match *self {
            Self::Day(day) => day,
            Self::Month { year, month } => {
                let next = if month == 12 {
                    (year + 1, 1)
                } else {
                    (year, month + 1)
                };
                NaiveDate::from_ymd_opt(next.0, next.1, 1)
                    .and_then(|d| d.pred_opt())
                    .unwrap_or(NaiveDate::MAX)
            }
        }
    }

    /// The earliest day the publication can be: the day itself, or the month's first day.
    pub fn earliest(&self) -> NaiveDate {
        match *self {
            Self::Day(day) => day,
            Self::Month { year, month } => {
                NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(NaiveDate::MIN)
            }
        }
    }

    /// The year the publication falls in.
    pub fn year(&self) -> i32 {
        self.latest().year()
    }
}

impl fmt::Display for Published {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Day(day) => write!(f, "{}", day.format("%Y-%m-%d")),
            Self::Month { year, month } => write!(f, "{year:04}-{month:02}"),
        }
    }
}

impl Serialize for Published {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Published {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        Self::parse(&raw).map_err(serde::de::Error::custom)
    }
}

/// A document ready for extraction. `text` is the whole file as read, header included; every
/// `Source` span of what is extracted from it is a byte range of `text`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// File name (`000_45467038f124fd6d.txt`), or the name given when posted.
    pub name: String,
    pub published: Published,
    /// The first body line when it reads as a title (no closing full stop).
    pub title: Option<String>,
    pub text: String,
    /// Byte offset where the body (title included) starts in `text`.
    pub body_start: usize,
}

impl Document {
    /// Reads the header of `text`. Fails when the header is missing or its date is not a
    /// real `YYYY-MM-DD`/`YYYY-MM` date, or when nothing follows it.
    pub fn parse(name: &str, text: String) -> Result<Self, HeaderError> {
        let lead = text.len() - text.trim_start_matches(['\u{feff}', ' ', '\t']).len();
        let rest = &text[lead..];
        let after_keyword = rest
            .strip_prefix("date")
            .ok_or(HeaderError::MissingHeader)?;
        if !after_keyword.starts_with([' ', '\t']) {
            return Err(HeaderError::MissingHeader);
        }
        let date_start = lead + 4 + (after_keyword.len() - after_keyword.trim_start().len());
        let date_len = text[date_start..]
            .find(|c: char| c.is_whitespace())
            .unwrap_or(text.len() - date_start);
        let published = Published::parse(&text[date_start..date_start + date_len])?;
        let body_start = date_start + date_len + leading_space(&text[date_start + date_len..]);
        if text[body_start..].trim().is_empty() {
            return Err(HeaderError::EmptyBody);
        }
        let title = title_line(&text[body_start..]);
        Ok(Self {
            name: name.to_owned(),
            published,
            title,
            text,
            body_start,
        })
    }

    /// The body: everything after the header, title line included.
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }
}

fn leading_space(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

/// A first line that does not end like a sentence is a title ("Secretary-General's Activities
/// in Japan, 7-9 August 2018"); one that ends with a full stop is already the narrative.
fn title_line(body: &str) -> Option<String> {
    let line = body.lines().next()?.trim();
    let ends_sentence = line.ends_with(['.', '!', '?', '"', '\u{201d}']);
    (!line.is_empty() && !ends_sentence && line.chars().count() <= 200).then(|| line.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn header_with_day_and_narrative_on_the_same_line() {
        let doc = Document::parse(
            "a.txt",
            " date 2021-03-04 The Minister flew to Oslo.".into(),
        )
        .unwrap();
        assert_eq!(doc.published, Published::Day(day(2021, 3, 4)));
        assert_eq!(doc.body(), "The Minister flew to Oslo.");
        assert_eq!(doc.title, None);
    }

    #[test]
    fn header_with_month_and_title() {
        let text = " date 2019-02 Activities in Chile, 3-4 February\n\nShe reached Santiago.";
        let doc = Document::parse("b.txt", text.into()).unwrap();
        assert_eq!(
            doc.published,
            Published::Month {
                year: 2019,
                month: 2
            }
        );
        assert_eq!(doc.published.latest(), day(2019, 2, 28));
        assert_eq!(doc.published.to_string(), "2019-02");
        assert_eq!(
            doc.title.as_deref(),
            Some("Activities in Chile, 3-4 February")
        );
    }

    #[test]
    fn missing_or_malformed_headers_fail() {
        assert_eq!(
            Document::parse("c.txt", "The Minister flew to Oslo.".into()),
            Err(HeaderError::MissingHeader)
        );
        assert!(matches!(
            Document::parse("d.txt", " date 2021-13-04 Text.".into()),
            Err(HeaderError::MalformedDate(_))
        ));
        assert_eq!(
            Document::parse("e.txt", " date 2021-03-04  \n".into()),
            Err(HeaderError::EmptyBody)
        );
    }
}
