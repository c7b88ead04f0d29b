//! Header and text: the body of a document normalised for matching (NFC, one kind of dash,
//! straight quotes, plain spaces) and cut into sentences. Each sentence keeps the byte range
//! of the ORIGINAL document text it came from, so that `&doc.text[start..end]` is the
//! sentence as written. Depends on nothing but `domain`.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

use crate::domain::Document;

/// One sentence of a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// The normalised sentence, used for matching.
    pub text: String,
    /// Byte range of the sentence in the original `Document::text`.
    pub start: usize,
    pub end: usize,
    /// Index of the paragraph (line) it belongs to, from 0.
    pub paragraph: usize,
    /// A headline: a short paragraph without closing punctuation. It bounds dates and names
    /// the visit, but reports no event of its own.
    pub heading: bool,
    /// An item of a list ("- 10 June, Ashgabat: dinner with ..."), its marker left out of
    /// `text`.
    pub bullet: bool,
    /// The news dateline that opens the paragraph ("JERUSALEM (Reuters) -"), as written
    /// in capitals, when the sentence starts one; `text` then begins after it.
    pub dateline: Option<String>,
    /// The day a dateline gives ("KYIV, Feb 20 (Reuters) -": "Feb 20"), as written.
    pub dateline_day: Option<String>,
}

/// Replaces each character by its matching form: dashes become `-`, typographic quotes become
/// `'` and `"`, exotic spaces become ` `, invisible characters disappear.
fn matching_form(c: char) -> Option<char> {
    Some(match c {
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' | '\u{ff0d}' => '-',
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\u{02bc}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{00ab}' | '\u{00bb}' => '"',
        '\u{00a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\t' => ' ',
        '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00ad}' => return None,
        '\r' => '\n',
        c => c,
    })
}

/// Text normalised for matching, with a map from each of its bytes back to the original.
struct Normalised {
    text: String,
    /// `origin[i]` is the original offset of normalised byte `i`; one extra entry for the end.
    /// `None` when normalising changed nothing: byte `i` comes from `base + i`.
    origin: Option<Vec<usize>>,
    base: usize,
}

impl Normalised {
    /// The original offset of normalised byte `i`.
    fn origin(&self, i: usize) -> usize {
        self.origin
            .as_ref()
            .map_or(self.base + i, |origin| origin[i])
    }
}

fn normalise(original: &str, base: usize) -> Normalised {
    // plain ASCII needs no composition: the common case, kept cheap
    let plain = |b: u8| b.is_ascii() && b != b'\t' && b != b'\r';
    if original.is_ascii() && memchr::memchr2(b'\t', b'\r', original.as_bytes()).is_none() {
        return Normalised {
            text: original.to_owned(),
            origin: None,
            base,
        };
    }
    let bytes = original.as_bytes();
    let mut text = String::with_capacity(original.len());
    let mut origin = Vec::with_capacity(original.len() + 1);
    let mut cluster = String::new();
    let mut at = 0;
    while at < original.len() {
        // a run of plain ASCII is copied whole, but for a last character that a combining
        // mark follows
        let mut end = at + bytes[at..].iter().take_while(|&&b| plain(b)).count();
        let combines = original[end..]
            .chars()
            .next()
            .is_some_and(|n| !n.is_ascii() && canonical_combining_class(n) != 0);
        if combines && end > at {
            end -= 1;
        }
        text.push_str(&original[at..end]);
        origin.extend((at..end).map(|i| base + i));
        at = end;
        // then one character with the combining marks after it, composed
        let mut chars = original[at..].chars();
        let Some(c) = chars.next() else { break };
        cluster.clear();
        cluster.push(c);
        cluster.extend(chars.take_while(|&n| canonical_combining_class(n) != 0));
        for n in cluster.nfc().filter_map(matching_form) {
            text.push(n);
            origin.extend(std::iter::repeat_n(base + at, n.len_utf8()));
        }
        at += cluster.len();
    }
    origin.push(base + original.len());
    Normalised {
        text,
        origin: Some(origin),
        base,
    }
}

/// "2330 hrs (EDT) Emplane ...": an item of a programme stamped with a military hour, written
/// "23:30 Emplane ..." as programmes mostly write it.
fn military_hours(norm: Normalised) -> Normalised {
    static HOURS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?m)^([01]\d|2[0-3])([0-5]\d) ?(?:hrs|hours|h)\.?(?: \([A-Z]{2,5}\))? ")
            .expect("hours pattern compiles")
    });
    // (only a text with a line opening on four digits has one)
    let stamped =
        |line: &str| line.len() > 4 && line.as_bytes()[..4].iter().all(u8::is_ascii_digit);
    if !norm.text.split('\n').any(stamped) {
        return norm;
    }
    let mut text = String::with_capacity(norm.text.len());
    let mut origin = Vec::with_capacity(norm.text.len() + 1);
    let mut at = 0;
    for caps in HOURS.captures_iter(&norm.text) {
        let (Some(whole), Some(hour), Some(minute)) = (caps.get(0), caps.get(1), caps.get(2))
        else {
            continue;
        };
        text.push_str(&norm.text[at..whole.start()]);
        origin.extend((at..whole.start()).map(|i| norm.origin(i)));
        let stamp = format!("{}:{} ", hour.as_str(), minute.as_str());
        origin.extend(std::iter::repeat_n(norm.origin(whole.start()), stamp.len()));
        text.push_str(&stamp);
        at = whole.end();
    }
    if at == 0 {
        return norm;
    }
    text.push_str(&norm.text[at..]);
    origin.extend((at..=norm.text.len()).map(|i| norm.origin(i)));
    Normalised {
        text,
        origin: Some(origin),
        base: norm.base,
    }
}

/// Cuts the body of `doc` into sentences, in order.
pub fn sentences(doc: &Document) -> Vec<Sentence> {
    let norm = military_hours(normalise(doc.body(), doc.body_start));
    let mut out = Vec::new();
    let mut line_start = 0;
    for (paragraph, line) in norm.text.split('\n').enumerate() {
        let begin = line_start;
        line_start += line.len() + 1;
        if line.trim().is_empty() {
            continue;
        }
        split_paragraph(&norm, begin, line, paragraph, &mut out);
    }
    renumber_paragraphs(&mut out);
    out
}

fn split_paragraph(
    norm: &Normalised,
    begin: usize,
    line: &str,
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    let marker = bullet_marker(line);
    let bullet = marker > 0;
    // a list item is read whatever its last character
    let heading = !bullet && is_heading(line);
    let mut dateline = None;
    let mut dateline_day = None;
    let mut from = marker;
    // a dateline ends in a bracket or a dash: most lines have neither, and the pattern is
    // matched (its groups read) only on a line it fits
    let may_open_with_dateline = memchr::memchr2(b'(', b'-', line.as_bytes()).is_some();
    let found = !bullet && may_open_with_dateline && DATELINE.is_match(line);
    if let Some(m) = found.then(|| DATELINE.captures(line)).flatten() {
        // a dateline is closed by a dash or by the agency's name in brackets
        if m.name("city").is_some() || m.name("agency").is_some() {
            dateline = m.name("city").map(|p| p.as_str().trim().to_owned());
            dateline_day = m.name("day").map(|p| p.as_str().to_owned());
            from = m.get(0).map_or(0, |m| m.end());
        }
    }
    let mut cuts = if heading {
        Vec::new()
    } else {
        boundaries(&line[from..])
    };
    cuts.push(line.len() - from);
    let mut start = from;
    for cut in cuts {
        let end = from + cut;
        let piece = Piece {
            begin,
            line: &line[..end],
            start,
            paragraph,
            heading,
            bullet,
        };
        push_sentence(norm, &piece, out);
        if let Some(s) = out.last_mut().filter(|s| s.paragraph == paragraph) {
            s.dateline = s.dateline.take().or_else(|| dateline.take());
            s.dateline_day = s.dateline_day.take().or_else(|| dateline_day.take());
        }
        start = end;
    }
}

/// A stretch of one normalised line: `line[start..]`, the line starting at `begin`.
struct Piece<'a> {
    begin: usize,
    line: &'a str,
    start: usize,
    paragraph: usize,
    heading: bool,
    bullet: bool,
}

/// The length of the marker that opens a list item ("- ", "• ", "* "), 0 when the line
/// opens none. (Dashes are normalised to `-`.)
fn bullet_marker(line: &str) -> usize {
    let body = line.trim_start();
    let indent = line.len() - body.len();
    let marked = ["- ", "• ", "* ", "· ", "▪ ", "◦ "]
        .iter()
        .find(|m| body.starts_with(*m))
        .map(|m| m.len());
    marked
        .or_else(|| numbered_post(body))
        .map_or(0, |len| indent + len)
}

/// "4/ " opening a post of a numbered thread: its number, the slash and the space.
fn numbered_post(body: &str) -> Option<usize> {
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    ((1..=3).contains(&digits) && body[digits..].starts_with("/ ")).then_some(digits + 2)
}

fn push_sentence(norm: &Normalised, piece: &Piece<'_>, out: &mut Vec<Sentence>) {
    let raw = &piece.line[piece.start..];
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return;
    }
    let lead = raw.len() - raw.trim_start().len();
    let a = piece.begin + piece.start + lead;
    let b = a + trimmed.len();
    // the sentence ends in the original where the next normalised byte comes from
    let (start, end) = (norm.origin(a), norm.origin(b));
    out.push(Sentence {
        text: trimmed.to_owned(),
        start: start.min(end),
        end,
        paragraph: piece.paragraph,
        heading: piece.heading,
        bullet: piece.bullet,
        dateline: None,
        dateline_day: None,
    });
}

fn renumber_paragraphs(sentences: &mut [Sentence]) {
    let mut last = None;
    let mut index = 0;
    for s in sentences.iter_mut() {
        if last.is_some_and(|l| l != s.paragraph) {
            index += 1;
        }
        last = Some(s.paragraph);
        s.paragraph = index;
    }
}

/// A short paragraph without closing punctuation is a headline.
fn is_heading(line: &str) -> bool {
    let t = line.trim();
    // words are counted last, and only as far as the limit: most paragraphs end in a stop
    // "Tuesday (Nairobi)": a short line may close with a bracket
    let closes = |limit| !t.ends_with(')') || t.split_whitespace().nth(limit).is_none();
    !t.is_empty()
        && !t.ends_with(['.', '!', '?', '"', ':', ';', '\''])
        && closes(7)
        && t.split_whitespace().nth(24).is_none()
}

/// "JERUSALEM (Reuters) - ", "HONIARA, Solomon Islands (AP) - ", "KYIV, Feb 20 (Reuters) - ",
/// "WASHINGTON, Jun 22 (PTI) " or "(Reuters) - " at the start of a paragraph.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?P<city>[A-Z][A-Z'.\- ]{2,}?)?(?:,\s+(?P<region>[A-Z][a-z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)*))?(?:,\s+(?P<day>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}))?\s*(?:\((?P<agency>[A-Za-z .]+)\)\s*(?:-+\s*)?|-+\s+)")
        .expect("dateline pattern compiles")
});

/// Words after which a full stop does not end a sentence.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "dr", "st", "ste", "mt", "ft", "gen", "lt", "col", "capt", "maj",
    "sgt", "cmdr", "adm", "sen", "rep", "gov", "prof", "amb", "rev", "fr", "hon", "pres", "no",
    "nos", "vol", "art", "para", "op", "cf", "approx", "dept", "est", "fig", "smt", "shri",
];

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Words that open a sentence after an ambiguous abbreviation ("... in the U.S. He said").
const OPENERS: &[&str] = &[
    "A",
    "An",
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "His",
    "Her",
    "Its",
    "Their",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "On",
    "In",
    "At",
    "After",
    "Before",
    "During",
    "Later",
    "Earlier",
    "Following",
    "According",
    "But",
    "And",
    "Mr",
    "Mrs",
    "Ms",
    "While",
    "When",
    "Next",
    "Then",
    "Afterwards",
    "Meanwhile",
    "However",
    "Also",
    "Speaking",
    "Prior",
];

/// Byte offsets (relative to `line`) just after each sentence-ending punctuation.
fn boundaries(line: &str) -> Vec<usize> {
    let bytes = line.as_bytes();
    let mut cuts = Vec::new();
    for i in memchr::memchr3_iter(b'.', b'!', b'?', bytes) {
        let b = bytes[i];
        let mut end = i + 1;
        while end < bytes.len() && matches!(bytes[end], b'"' | b'\'' | b')') {
            end += 1;
        }
        if end >= bytes.len() || bytes[end] != b' ' {
            continue;
        }
        let next = line[end..].trim_start();
        if next.is_empty() || !opens_sentence(next) {
            continue;
        }
        if b == b'.' && !full_stop_ends(&line[..i], next) {
            continue;
        }
        cuts.push(end);
    }
    cuts
}

fn opens_sentence(next: &str) -> bool {
    next.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '(' | '\''))
}

/// Decides whether the full stop after `before` ends the sentence, given the text after it.
fn full_stop_ends(before: &str, next: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    let next_word: String = next.chars().take_while(|c| c.is_alphanumeric()).collect();
    let lower = word.to_lowercase();
    // "H.E. Ms. Ingrid Berg": a courtesy title before a name (but "met Prime Minister Hun
    // Sen. He said": a name that ends like a title, before a sentence's opening word)
    if TITLES.contains(&lower.as_str()) || lower == "h.e" {
        // ("Foreign Minister Dr. A K Momen": a courtesy title that ends no name)
        if matches!(
            lower.as_str(),
            "mr" | "mrs" | "ms" | "messrs" | "dr" | "prof" | "smt" | "shri" | "h.e"
        ) {
            return false;
        }
        let after_name = before[..before.len() - word.len()]
            .trim_end()
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase));
        return after_name
            && word.starts_with(char::is_uppercase)
            && OPENERS.contains(&next_word.as_str())
            && !matches!(next_word.as_str(), "Mr" | "Mrs" | "Ms");
    }
    if MONTHS.contains(&lower.as_str()) {
        return !next.starts_with(|c: char| c.is_ascii_digit())
            && OPENERS.contains(&next_word.as_str());
    }
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    if initial {
        return false;
    }
    // "U.S.", "D.C.", "H.E.", "a.m.": dotted abbreviations end a sentence only before an opener
    if word.contains('.') || lower == "p" || lower == "a" {
        return OPENERS.contains(&next_word.as_str());
    }
    true
}

/// A word of a normalised sentence: letters and digits with inner hyphens, apostrophes and
/// dots ("Ki-moon", "O'Dea", "U.S"), and the full stop of an abbreviation ("Mr.", "H.E.").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    /// Byte range in the sentence.
    pub start: usize,
    pub end: usize,
    /// The word without an abbreviation's full stop, lower-cased, computed once (borrowed
    /// from the text when it is lower-case already).
    lower: Cow<'a, str>,
}

impl Word<'_> {
    /// Starts with a capital letter.
    pub fn capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The word without an abbreviation's full stop, lower-cased.
    pub fn key(&self) -> &str {
        &self.lower
    }
}

/// The words of `text`, in order. Punctuation other than inner `-`, `'` and `.` separates
/// words and is not returned.
pub fn words(text: &str) -> Vec<Word<'_>> {
    // about one word in six bytes of English prose: room enough to grow rarely
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    words_into(text, &mut out);
    out
}

/// [`words`] appended to `out`: the words of many sentences can share one vector.
pub fn words_into<'a>(text: &'a str, out: &mut Vec<Word<'a>>) {
    if text.is_ascii() {
        ascii_words(text, out);
    } else {
        cut_words(text, text.char_indices(), out);
    }
}

/// [`words`] of an ASCII text, the common case: the same cut over bytes.
fn ascii_words<'a>(text: &'a str, out: &mut Vec<Word<'a>>) {
    let bytes = text.as_bytes();
    // an inner hyphen, apostrophe or dot between letters or digits joins
    for std::ops::Range { start, end: i } in
        crate::gazetteer::key::ascii_runs(bytes, |b| matches!(b, b'-' | b'\'' | b'.'))
    {
        let next = bytes.get(i).map_or(' ', |&b| char::from(b));
        out.push(finish_word(text, start, i, next));
    }
}

/// [`words`], given the characters of `text` with their offsets.
fn cut_words<'a>(
    text: &'a str,
    chars: impl Iterator<Item = (usize, char)>,
    out: &mut Vec<Word<'a>>,
) {
    let mut start = None;
    let joins = |c: char| matches!(c, '-' | '\'' | '.');
    let mut chars = chars.peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let inside = c.is_alphanumeric()
            || (joins(c) && start.is_some() && next.is_some_and(char::is_alphanumeric));
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(finish_word(text, s, i, c));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(finish_word(text, s, text.len(), ' '));
    }
}

/// Ends a word at `end`; keeps a following full stop when the word is an abbreviation.
fn finish_word(text: &str, start: usize, end: usize, next: char) -> Word<'_> {
    let body = &text[start..end];
    // only a full stop after the word makes the question worth asking
    let abbreviation = || {
        let short = body.len() <= 6;
        body.contains('.')
            || body.chars().count() == 1 && body.chars().all(char::is_uppercase)
            || short && TITLES.iter().any(|t| t.eq_ignore_ascii_case(body))
            || short && MONTHS.iter().any(|m| m.eq_ignore_ascii_case(body))
    };
    let end = if next == '.' && abbreviation() {
        end + 1
    } else {
        end
    };
    let word = &text[start..end];
    // the full stops at the end, counted over bytes
    let stops = word.bytes().rev().take_while(|&b| b == b'.').count();
    let bare = &word[..word.len() - stops];
    let lower = if bare
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        Cow::Owned(if bare.is_ascii() {
            bare.to_ascii_lowercase()
        } else {
            bare.to_lowercase()
        })
    } else {
        Cow::Borrowed(bare)
    };
    Word {
        text: word,
        start,
        end,
        lower,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(body: &str) -> Vec<String> {
        let doc = Document::parse("t.txt", format!(" date 2020-03-02 {body}")).unwrap();
        sentences(&doc).into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn a_list_item_is_read_without_its_marker_whatever_its_last_character() {
        let doc = Document::parse(
            "t.txt",
            " date 2024-06-16 Engagements\n\n- 10 June, Lima: dinner with the community\n• Talks with the President. Lunch.".to_owned(),
        )
        .expect("doc");
        let s = sentences(&doc);
        let texts: Vec<(&str, bool, bool)> = s
            .iter()
            .map(|s| (s.text.as_str(), s.bullet, s.heading))
            .collect();
        assert_eq!(
            texts,
            [
                ("Engagements", false, true),
                ("10 June, Lima: dinner with the community", true, false),
                ("Talks with the President.", true, false),
                ("Lunch.", true, false),
            ]
        );
        // the numbered posts of a thread
        let doc = Document::parse(
            "t.txt",
            " date 2024-06-16 Thread\n\n1/ Monday: talks in Lima.\n\n12/ Wheels up at 3/4 past ten.".to_owned(),
        )
        .expect("doc");
        let texts: Vec<(String, bool)> = sentences(&doc)
            .into_iter()
            .map(|s| (s.text, s.bullet))
            .collect();
        assert_eq!(
            texts,
            [
                ("Thread".to_owned(), false),
                ("Monday: talks in Lima.".to_owned(), true),
                ("Wheels up at 3/4 past ten.".to_owned(), true),
            ]
        );
    }

    #[test]
    fn splits_on_full_stops_but_not_after_titles_and_abbreviations() {
        let cases: &[(&str, &[&str])] = &[
            (
                "She met Mr. Ode. He left.",
                &["She met Mr. Ode.", "He left."],
            ),
            (
                "H.E. Dr. Ana Ruiz spoke. The U.N. envoy came.",
                &["H.E. Dr. Ana Ruiz spoke.", "The U.N. envoy came."],
            ),
            (
                "He flew to Washington, D.C. on Feb. 6 and met U.S. officials.",
                &["He flew to Washington, D.C. on Feb. 6 and met U.S. officials."],
            ),
            (
                "She met Prime Minister Kim Sen. He left. She met Sen. Ana Ruiz.",
                &[
                    "She met Prime Minister Kim Sen.",
                    "He left.",
                    "She met Sen. Ana Ruiz.",
                ],
            ),
            (
                "She was received by Smt. Lena Berg, the Minister. He left.",
                &[
                    "She was received by Smt. Lena Berg, the Minister.",
                    "He left.",
                ],
            ),
            (
                "He went to St. Lucia. Then he left.",
                &["He went to St. Lucia.", "Then he left."],
            ),
            (
                "She arrived in the U.S. The talks began.",
                &["She arrived in the U.S.", "The talks began."],
            ),
            (
                "I.K. Gujral visited. It rained at 6 p.m. on Monday.",
                &["I.K. Gujral visited.", "It rained at 6 p.m. on Monday."],
            ),
            // a courtesy title ends no name, whatever follows it
            (
                "Foreign Minister Dr. A K Ruiz came. He left.",
                &["Foreign Minister Dr. A K Ruiz came.", "He left."],
            ),
        ];
        for (body, expected) in cases {
            assert_eq!(split(body), *expected, "{body}");
        }
    }

    #[test]
    fn paragraphs_and_headlines_are_separate_sentences() {
        let doc = Document::parse(
            "t.txt",
            " date 2020-03-02 Minister's Visit to Chile, 3-4 March\n\nShe reached Santiago.".into(),
        )
        .unwrap();
        let s = sentences(&doc);
        assert_eq!(s.len(), 2);
        assert!(s[0].heading && !s[1].heading);
        assert_eq!((s[0].paragraph, s[1].paragraph), (0, 1));
    }

    #[test]
    fn spans_point_into_the_original_text_after_normalisation() {
        let text = " date 2020-03-02 He\u{a0}left Rze\u{0301}szo\u{0301}w \u{2014} \u{201c}quickly\u{201d}. Next\u{2011}day he rested.";
        let doc = Document::parse("t.txt", text.into()).unwrap();
        let s = sentences(&doc);
        assert_eq!(s[0].text, "He left Rzészów - \"quickly\".");
        assert_eq!(
            &doc.text[s[0].start..s[0].end],
            "He\u{a0}left Rze\u{0301}szo\u{0301}w \u{2014} \u{201c}quickly\u{201d}."
        );
        assert_eq!(s[1].text, "Next-day he rested.");
        assert_eq!(
            &doc.text[s[1].start..s[1].end],
            "Next\u{2011}day he rested."
        );
    }

    #[test]
    fn words_keep_inner_marks_and_abbreviation_stops() {
        let text = "H.E. Dr. Ban Ki-moon met O'Dea (U.S.) in St. Lucia, then left.";
        let got: Vec<&str> = words(text).iter().map(|w| w.text).collect();
        assert_eq!(
            got,
            [
                "H.E.", "Dr.", "Ban", "Ki-moon", "met", "O'Dea", "U.S.", "in", "St.", "Lucia",
                "then", "left"
            ]
        );
    }

    proptest::proptest! {
        #[test]
        fn ascii_words_are_cut_as_any_text(text in "[a-zA-Z0-9'.,-]{0,40}|[ -~]{0,40}") {
            let (mut ascii, mut any) = (Vec::new(), Vec::new());
            ascii_words(&text, &mut ascii);
            cut_words(&text, text.char_indices(), &mut any);
            proptest::prop_assert_eq!(ascii, any);
        }
    }

    #[test]
    fn a_news_dateline_is_set_apart() {
        let s = split("OSLO (Reuters) - The minister arrived on Monday.");
        assert_eq!(s, ["The minister arrived on Monday."]);
        let doc = Document::parse(
            "t.txt",
            " date 2020-03-02 OSLO (Reuters) - The minister arrived.".into(),
        )
        .unwrap();
        assert_eq!(sentences(&doc)[0].dateline.as_deref(), Some("OSLO"));
        for (line, city, day) in [
            (
                "OSLO, Mar 2 (Reuters) - The minister arrived.",
                Some("OSLO"),
                Some("Mar 2"),
            ),
            (
                "LIMA, Peru (AP) - The minister arrived.",
                Some("LIMA"),
                None,
            ),
            (
                "SUVA, March 2 (Xinhua) -- The minister arrived.",
                Some("SUVA"),
                Some("March 2"),
            ),
            (
                "QUITO, Mar 2 (PTI) The minister arrived.",
                Some("QUITO"),
                Some("Mar 2"),
            ),
            ("(Reuters) - The minister arrived.", None, None),
        ] {
            let doc = Document::parse("t.txt", format!(" date 2020-03-02 {line}")).unwrap();
            let first = &sentences(&doc)[0];
            assert_eq!(first.text, "The minister arrived.", "{line}");
            assert_eq!(first.dateline.as_deref(), city, "{line}");
            assert_eq!(first.dateline_day.as_deref(), day, "{line}");
        }
        // a sentence that only starts in capitals has no dateline
        let s = split("UN Secretary-General Ana Ruiz arrived. NATO allies met.");
        assert_eq!(s[0], "UN Secretary-General Ana Ruiz arrived.");
    }
}
