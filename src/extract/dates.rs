//! Dates: the date expressions of a sentence ("Monday, 25 April", "Feb. 6", "26-29 April",
//! "on Tuesday morning", "the following day", "later in the day", "this morning") with the
//! part of the day they name, and their resolution to calendar dates.
//!
//! Resolution follows the narrative: a weekday or "the next day" counts from the last date
//! the text established ([`Calendar::anchor`]); the publication date only gives the year and
//! an upper bound, and stands in for "today" in news reports. A stated weekday that
//! contradicts the day number loses to the number, with a note. Pure: no clock.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use regex::{Captures, Regex, RegexSet, RegexSetBuilder};

use crate::domain::{PartOfDay, Published};

/// What a date phrase says, before resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateExpr {
    /// A day of a month, maybe with a year and a weekday ("Monday, 25 April").
    Day {
        year: Option<i32>,
        month: u32,
        day: u32,
        weekday: Option<Weekday>,
    },
    /// Days of a month ("26-29 April", "Jan. 13-18"); the first day is the date.
    Range {
        year: Option<i32>,
        month: u32,
        first: u32,
        last: u32,
        last_month: u32,
    },
    /// A weekday alone ("on Tuesday").
    Weekday(Weekday),
    /// A day of the month the story is in ("on the 26th").
    DayOfMonth(u32),
    /// Days after the anchor ("the following day" = 1, "that evening" = 0).
    Relative(i64),
    /// Days after the publication date ("today", "this morning" = 0, "yesterday" = -1).
    Published(i64),
    /// The first or last day of the visit the title's range gives ("his final day").
    Bound { last: bool },
}

/// A date phrase found in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMention {
    /// Byte range in the sentence.
    pub start: usize,
    pub end: usize,
    pub expr: DateExpr,
    pub part: Option<PartOfDay>,
    /// Stable name of the rule that found it.
    pub rule: &'static str,
}

/// A date rule: a named pattern and how to read its match.
struct DateRule {
    name: &'static str,
    pattern: LazyLock<Regex>,
    build: fn(&Captures<'_>) -> Option<DateExpr>,
}

const MONTH: &str = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)";
const WEEKDAY: &str = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
/// "Thursday evening, 1 September": a part of day between the weekday and its date.
const PART: &str = r"(?:morning|afternoon|evening|night)";

fn compile(pattern: String) -> Regex {
    Regex::new(&pattern).expect("date pattern compiles")
}

/// The families, most specific first. Matches of later rules may not overlap earlier ones.
static RULES: [DateRule; 9] = [
    DateRule {
        name: "day-range-month",
        pattern: LazyLock::new(|| {
            compile(format!(
                r"(?-u:\b)(?P<first>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|to|and)\s*(?P<last>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?:,?\s+(?P<year>(?:19|20)\d\d))?(?-u:\b)"
            ))
        }),
        build: build_range,
    },
    DateRule {
        name: "month-day-range",
        pattern: LazyLock::new(|| {
            compile(format!(
                r"(?-u:\b){MONTH}\s+(?P<first>\d{{1,2}})\s*(?:-|to)\s*(?P<last>\d{{1,2}})(?-u:\b)(?:,?\s+(?P<year>(?:19|20)\d\d))?"
            ))
        }),
        build: build_range,
    },
    DateRule {
        name: "day-month-range",
        pattern: LazyLock::new(|| {
            compile(format!(
                r"(?-u:\b)(?P<first>\d{{1,2}})\s+{MONTH}(?:,?\s+(?P<firstyear>(?:19|20)\d\d))?\s*(?:-|to|until)\s*(?P<last>\d{{1,2}})\s+(?P<lastmonth>January|February|March|April|May|June|July|August|September|October|November|December)(?:,?\s+(?P<year>(?:19|20)\d\d))?(?-u:\b)"
            ))
        }),
        build: build_cross_month_range,
    },
    DateRule {
        name: "weekday-day-month",
        pattern: LazyLock::new(|| {
            compile(format!(
                r"(?-u:\b)(?:{WEEKDAY}(?:\s+{PART})?,?\s+)?(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?:,?\s+(?P<year>(?:19|20)\d\d))?(?-u:\b)"
            ))
        }),
        build: build_day,
    },
    DateRule {
        name: "weekday-month-day",
        pattern: LazyLock::new(|| {
            compile(format!(
                r"(?-u:\b)(?:{WEEKDAY}(?:\s+{PART})?,?\s+)?{MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(?P<year>(?:19|20)\d\d))?(?:[^:.\d]|\.(?:\s|$)|$)"
            ))
        }),
        build: build_day,
    },
    DateRule {
        name: "day-of-month",
        // "on the 26th", "the afternoon of the 27th": a day alone, when no noun follows its
        // number ("the 40th anniversary")
        pattern: LazyLock::new(|| {
            compile(
                r"(?-u:\b)the\s+(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)(?P<end>)(?:\s*[,;.)]|\s*$|\s+(?:and|to|at|in|on|from|when|where|he|she|they|with|for|before|after|until)(?-u:\b))"
                    .to_owned(),
            )
        }),
        build: build_day_of_month,
    },
    DateRule {
        name: "weekday",
        pattern: LazyLock::new(|| {
            compile(format!(
                r"(?-u:\b)(?:{WEEKDAY}|(?P<weekend>this\s+weekend|over\s+the\s+weekend))(?-u:\b)"
            ))
        }),
        build: build_weekday,
    },
    DateRule {
        name: "visit-day",
        pattern: LazyLock::new(|| {
            compile(r"(?i)(?-u:\b)(?:the|his|her|its|their|[\w-]+'s)\s+(?P<which>final|last|first|opening|closing)\s+day(?-u:\b)".to_owned())
        }),
        build: build_bound,
    },
    DateRule {
        name: "relative-day",
        pattern: LazyLock::new(|| {
            compile(
                r"(?i)(?-u:\b)(?P<rel>(?:on\s+)?the\s+(?:following|next)\s+(?:day|morning|afternoon|evening)|(?:the\s+)?next\s+(?:day|morning)|the\s+day\s+after|a\s+day\s+later(?:\s+than)?|(?P<n>two|three)\s+days\s+later(?:\s+than)?|(?:^|,\s+)(?:a|two|three)\s+days?\s+earlier|the\s+(?:previous|preceding)\s+(?:day|evening)|the\s+day\s+before|later\s+(?:that|the\s+same|in\s+the)\s+day|earlier\s+(?:that|the\s+same|in\s+the)\s+day|the\s+same\s+(?:day|morning|afternoon|evening)|that\s+(?:same\s+)?(?:day|morning|afternoon|evening|night)|today|tonight|this\s+(?:morning|afternoon|evening)|yesterday|last\s+night|tomorrow)(?-u:\b)"
                    .to_owned(),
            )
        }),
        build: build_relative,
    },
];

pub(crate) fn month_number(name: &str) -> Option<u32> {
    let key: String = name
        .trim_end_matches('.')
        .chars()
        .take(3)
        .collect::<String>()
        .to_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months.iter().position(|m| *m == key).map(|i| i as u32 + 1)
}

fn weekday_named(name: &str) -> Option<Weekday> {
    name.parse().ok()
}

fn number(caps: &Captures<'_>, group: &str) -> Option<u32> {
    caps.name(group)?.as_str().parse().ok()
}

fn year(caps: &Captures<'_>) -> Option<i32> {
    caps.name("year")?.as_str().parse().ok()
}

fn build_day(caps: &Captures<'_>) -> Option<DateExpr> {
    let month = month_number(caps.name("month")?.as_str())?;
    let day = number(caps, "day")?;
    (1..=31).contains(&day).then_some(DateExpr::Day {
        year: year(caps),
        month,
        day,
        weekday: caps.name("weekday").and_then(|w| weekday_named(w.as_str())),
    })
}

fn build_range(caps: &Captures<'_>) -> Option<DateExpr> {
    let month = month_number(caps.name("month")?.as_str())?;
    let (first, last) = (number(caps, "first")?, number(caps, "last")?);
    let valid = (1..=31).contains(&first) && (1..=31).contains(&last) && first <= last;
    valid.then_some(DateExpr::Range {
        year: year(caps),
        month,
        first,
        last,
        last_month: month,
    })
}

fn build_cross_month_range(caps: &Captures<'_>) -> Option<DateExpr> {
    let month = month_number(caps.name("month")?.as_str())?;
    let last_month = month_number(caps.name("lastmonth")?.as_str())?;
    let (first, last) = (number(caps, "first")?, number(caps, "last")?);
    let valid = (1..=31).contains(&first) && (1..=31).contains(&last);
    let first_year = caps.name("firstyear").and_then(|y| y.as_str().parse().ok());
    valid.then_some(DateExpr::Range {
        year: first_year.or_else(|| year(caps)),
        month,
        first,
        last,
        last_month,
    })
}

fn build_day_of_month(caps: &Captures<'_>) -> Option<DateExpr> {
    number(caps, "day").map(DateExpr::DayOfMonth)
}

fn build_bound(caps: &Captures<'_>) -> Option<DateExpr> {
    let which = caps.name("which")?.as_str().to_lowercase();
    Some(DateExpr::Bound {
        last: matches!(which.as_str(), "final" | "last" | "closing"),
    })
}

fn build_weekday(caps: &Captures<'_>) -> Option<DateExpr> {
    if caps.name("weekend").is_some() {
        // "will travel this weekend": its first day
        return Some(DateExpr::Weekday(Weekday::Sat));
    }
    weekday_named(caps.name("weekday")?.as_str()).map(DateExpr::Weekday)
}

fn build_relative(caps: &Captures<'_>) -> Option<DateExpr> {
    let phrase = caps.name("rel")?.as_str().to_lowercase();
    // "A day earlier, in Tokyo, he ...": counted back only at the head of a sentence or
    // clause, not as the time of another event ("whom the Council had elected two days
    // earlier")
    let words: Vec<&str> = phrase
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &str| words.contains(&w);
    if has("than") {
        // "two days later than planned": a delay, not a day
        return None;
    }
    // "a day earlier", "two days earlier": counted back
    let sign = if has("earlier") { -1 } else { 1 };
    Some(match () {
        _ if has("yesterday") || has("last") => DateExpr::Published(-1),
        _ if has("tomorrow") => DateExpr::Published(1),
        _ if has("today") || has("tonight") || has("this") => DateExpr::Published(0),
        _ if has("two") => DateExpr::Relative(2 * sign),
        _ if has("three") => DateExpr::Relative(3 * sign),
        _ if has("previous") || has("preceding") || has("before") => DateExpr::Relative(-1),
        _ if has("following") || has("next") || has("after") || has("a") && has("day") => {
            DateExpr::Relative(sign)
        }
        _ => DateExpr::Relative(0),
    })
}

/// The part of day a phrase names: a time ("6.35 am", "10:20 p.m.") or a word ("morning",
/// "early on", "late in the evening", "overnight").
static PART_OF_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:(?P<hour>\d{1,2})(?:[:.](?P<min>\d\d))?\s*(?P<meridiem>a\.?\s?m(?-u:\b)\.?|p\.?\s?m(?-u:\b)\.?)|(?P<early>early\s+(?:in\s+the\s+)?morning|early\s+on(?-u:\b)|in\s+the\s+early\s+morning|at\s+dawn)|(?P<word>morning|midday|noon|lunchtime|afternoon|evening|overnight|night|tonight))",
    )
    .expect("part-of-day pattern compiles")
});

fn part_from_hour(hour: u32) -> PartOfDay {
    match hour {
        5..=7 => PartOfDay::EarlyMorning,
        8..=11 => PartOfDay::Morning,
        12..=13 => PartOfDay::Midday,
        14..=17 => PartOfDay::Afternoon,
        18..=21 => PartOfDay::Evening,
        _ => PartOfDay::Night,
    }
}

fn part_of(caps: &Captures<'_>) -> Option<PartOfDay> {
    if let Some(hour) = caps.name("hour") {
        let hour: u32 = hour.as_str().parse().ok()?;
        let pm = caps
            .name("meridiem")
            .is_some_and(|m| m.as_str().to_lowercase().starts_with('p'));
        let hour24 = match (hour, pm) {
            (12, false) => 0,
            (12, true) => 12,
            (h, true) => h + 12,
            (h, false) => h,
        };
        return (hour <= 12).then(|| part_from_hour(hour24));
    }
    if caps.name("early").is_some() {
        return Some(PartOfDay::EarlyMorning);
    }
    let word = caps.name("word")?.as_str().to_lowercase();
    Some(match word.as_str() {
        "morning" => PartOfDay::Morning,
        "midday" | "noon" | "lunchtime" => PartOfDay::Midday,
        "afternoon" => PartOfDay::Afternoon,
        "evening" => PartOfDay::Evening,
        _ => PartOfDay::Night,
    })
}

/// The date phrases of `sentence`, in text order, each with the part of day said next to it.
/// A part of day said on its own ("in the afternoon") is a mention of the anchor day.
pub fn mentions(sentence: &str) -> Vec<DateMention> {
    // "TUESDAY 27 AUGUST": a line in capitals is read as its words in title case (the same
    // bytes, so the offsets hold)
    if !sentence.bytes().any(|b| b.is_ascii_lowercase())
        && sentence
            .bytes()
            .filter(u8::is_ascii_uppercase)
            .nth(2)
            .is_some()
    {
        return mentions_in_case(&title_case_ascii(sentence));
    }
    mentions_in_case(sentence)
}

/// `text` with every ASCII word in title case ("TUESDAY" as "Tuesday"), byte for byte.
fn title_case_ascii(text: &str) -> String {
    let mut previous_letter = false;
    text.chars()
        .map(|c| {
            let out = if previous_letter {
                c.to_ascii_lowercase()
            } else {
                c
            };
            previous_letter = c.is_alphabetic();
            out
        })
        .collect()
}

fn mentions_in_case(sentence: &str) -> Vec<DateMention> {
    let mut found: Vec<DateMention> = Vec::new();
    let cues = Cues::of(sentence);
    // which rules match at all, found in one pass when the cues let the rules of a digit
    // run; the few rules of words alone are searched each on its own
    let mut present = None;
    for (k, rule) in RULES.iter().enumerate() {
        if !cues.allow(rule.name)
            || cues.digit
                && !present
                    .get_or_insert_with(|| RULE_SET.matches(sentence))
                    .matched(k)
        {
            continue;
        }
        for caps in rule.pattern.captures_iter(sentence) {
            let Some(whole) = caps.get(0) else { continue };
            // (a pattern that reads the words after its phrase marks where the phrase ends)
            let end = caps.name("end").map_or_else(
                || {
                    whole
                        .as_str()
                        .trim_end_matches(|c: char| !c.is_alphanumeric())
                        .len()
                        + whole.start()
                },
                |m| m.end(),
            );
            let overlaps = found.iter().any(|m| m.start < end && whole.start() < m.end);
            if overlaps {
                continue;
            }
            if let Some(expr) = (rule.build)(&caps) {
                found.push(DateMention {
                    start: whole.start(),
                    end,
                    expr,
                    part: None,
                    rule: rule.name,
                });
            }
        }
    }
    found.sort_by_key(|m| m.start);
    drop_appositions(sentence, &mut found);
    if cues.digit || cues.time_word() {
        attach_parts(sentence, &mut found);
    }
    found
}

/// "on Tuesday, 7 March, the day after the conference closed": a day counted from another
/// event, said in apposition to a date just given, names that date again and is dropped.
fn drop_appositions(sentence: &str, found: &mut Vec<DateMention>) {
    let mut k = 1;
    while k < found.len() {
        let (before, this) = (&found[k - 1], &found[k]);
        let between = &sentence[before.end..this.start];
        let phrase = &sentence[this.start..this.end];
        let counted = this.rule == "relative-day"
            && (phrase.eq_ignore_ascii_case("the day after")
                || phrase.eq_ignore_ascii_case("the day before"));
        let dated = matches!(before.expr, DateExpr::Day { .. });
        if counted
            && dated
            && between.trim_start_matches(',').trim().is_empty()
            && between.contains(',')
        {
            found.remove(k);
        } else {
            k += 1;
        }
    }
}

/// Every rule's pattern at once.
static RULE_SET: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSetBuilder::new(RULES.iter().map(|r| r.pattern.as_str()))
        .dfa_size_limit(crate::extract::lexicon::SET_CACHE)
        .build()
        .expect("date patterns compile")
});

/// What a sentence contains that date rules need, found once, so that rules that cannot
/// match are not run: most sentences have no date at all.
struct Cues<'s> {
    sentence: &'s str,
    digit: bool,
    day: bool,
    /// Asked only when the other cues leave it open.
    time_word: std::cell::OnceCell<bool>,
}

impl<'s> Cues<'s> {
    fn of(sentence: &'s str) -> Self {
        let bytes = sentence.as_bytes();
        Self {
            sentence,
            digit: has_digit(bytes),
            // "day" in any case: its rarer last letter is looked for first
            day: memchr::memchr2_iter(b'y', b'Y', bytes)
                .any(|i| i >= 2 && bytes[i - 2..i].eq_ignore_ascii_case(b"da")),
            time_word: std::cell::OnceCell::new(),
        }
    }

    fn time_word(&self) -> bool {
        *self
            .time_word
            .get_or_init(|| TIME_WORDS.is_match(self.sentence))
    }

    fn allow(&self, rule: &str) -> bool {
        match rule {
            // a weekday's name ends in "day"; the rule's other words are "weekend"
            "weekday" => self.day || self.sentence.contains("weekend"),
            "visit-day" => self.day,
            "relative-day" => self.day || self.time_word(),
            _ => self.digit,
        }
    }
}

/// Whether `bytes` hold an ASCII digit, read eight at a time: every sentence is asked. A
/// digit is the byte whose difference from `b'0'` (by exclusive or) is below 10, and a
/// word has a byte below 10 exactly when subtracting 10 from each of its bytes borrows out
/// of a byte that had no high bit.
fn has_digit(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    let mut chunks = bytes.chunks_exact(8);
    let found = chunks.by_ref().any(|chunk| {
        let word = u64::from_ne_bytes(chunk.try_into().expect("chunks of eight bytes"));
        let x = word ^ (ONES * u64::from(b'0'));
        x.wrapping_sub(ONES * 10) & !x & (ONES * 0x80) != 0
    });
    found || chunks.remainder().iter().any(u8::is_ascii_digit)
}

/// Words that may give a relative day or a part of day, in any case.
static TIME_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([
            "morning",
            "noon",
            "lunchtime",
            "afternoon",
            "evening",
            "night",
            "early",
            "dawn",
            "today",
            "tomorrow",
            "later",
            "earlier",
            "next",
            "following",
            "previous",
            "preceding",
            "same",
            "that ",
            "weekend",
        ])
        .expect("time words build")
});

/// Gives each part-of-day phrase to the date phrase it touches, or makes it a mention of its
/// own when it stands alone. The most precise phrase wins: a clock time over a word, a word
/// over "early on" ("early on Saturday evening" is evening).
fn attach_parts(sentence: &str, found: &mut Vec<DateMention>) {
    let mut precision = vec![0u8; found.len()];
    let mut alone = Vec::new();
    for caps in PART_OF_DAY.captures_iter(sentence) {
        let (Some(whole), Some(part)) = (caps.get(0), part_of(&caps)) else {
            continue;
        };
        let rank = match () {
            _ if caps.name("hour").is_some() => 3,
            _ if caps.name("early").is_some() => 1,
            _ => 2,
        };
        let host = found
            .iter()
            .position(|m| touches(sentence, m, whole.start(), whole.end()));
        match host {
            Some(i) if rank > precision[i] => {
                precision[i] = rank;
                found[i].part = Some(part);
            }
            Some(_) => {}
            None if rank == 3 => {}
            None => alone.push(DateMention {
                start: whole.start(),
                end: whole.end(),
                expr: DateExpr::Relative(0),
                part: Some(part),
                rule: "part-of-day",
            }),
        }
    }
    found.extend(alone);
    found.sort_by_key(|m| m.start);
}

/// True when `start..end` lies inside the mention or next to it with only linking words
/// between them ("Tuesday morning", "the afternoon of 26 April", "10:20 p.m. on Sunday").
fn touches(sentence: &str, m: &DateMention, start: usize, end: usize) -> bool {
    if start >= m.start && end <= m.end {
        return true;
    }
    let gap = if end <= m.start {
        &sentence[end..m.start]
    } else if start >= m.end {
        &sentence[m.end..start]
    } else {
        return true;
    };
    gap.len() <= 16
        && gap.split(|c: char| c.is_whitespace() || c == ',').all(|w| {
            matches!(
                w,
                "" | "of" | "on" | "in" | "the" | "at" | "from" | "early" | "late"
            )
        })
}

/// The dates the narrative has established so far, and the publication date behind them.
#[derive(Clone, Debug)]
pub struct Calendar {
    pub published: Published,
    /// The last date the narrative established.
    pub anchor: Option<NaiveDate>,
    /// The date range of the title, when it gives one; it decides years.
    pub bounds: Option<(NaiveDate, NaiveDate)>,
    /// Dates that could not be squared with the text ("Monday, 20 November" on a Saturday).
    pub notes: Vec<String>,
}

/// How a sentence relates to the time of writing, which decides which way a bare weekday
/// is counted when no date has been established yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
}

impl Calendar {
    /// The story has reached a day after the publication: what it tells is to come (a
    /// programme issued before the visit).
    pub fn ahead(&self) -> bool {
        self.anchor.is_some_and(|day| day > self.published.latest())
    }

    /// A calendar with nothing established but the publication date.
    pub fn new(published: Published) -> Self {
        Self {
            published,
            anchor: None,
            bounds: None,
            notes: Vec::new(),
        }
    }

    /// Reads the title's date range ("Activities in Japan, 7-9 August 2018") as bounds.
    pub fn bound_by_title(&mut self, title: &str) {
        self.bound_by_mentions(&mentions(title));
    }

    /// [`Self::bound_by_title`] given the date phrases of the title, as [`mentions`] finds
    /// them.
    pub fn bound_by_mentions(&mut self, found: &[DateMention]) {
        let range = found.iter().find_map(|m| match m.expr {
            DateExpr::Range { .. } | DateExpr::Day { .. } => Some(m.expr),
            _ => None,
        });
        if let Some(expr) = range {
            let first = self.resolve(expr, Tense::Past);
            let last = match expr {
                DateExpr::Range {
                    year,
                    last,
                    last_month,
                    ..
                } => self.calendar_day(year, last_month, last),
                _ => first,
            };
            if let (Some(a), Some(b)) = (first, last) {
                // "30 December 2018 to 2 January": the end lies in the next year
                let b = if b < a {
                    b.with_year(b.year() + 1).unwrap_or(a)
                } else {
                    b
                };
                self.bounds = Some((a, b));
            }
        }
    }

    /// The date `expr` stands for, or `None` when the text does not say enough.
    pub fn resolve(&mut self, expr: DateExpr, tense: Tense) -> Option<NaiveDate> {
        match expr {
            DateExpr::Day {
                year,
                month,
                day,
                weekday,
            } => {
                let date = self.calendar_day(year, month, day)?;
                if let Some(w) = weekday.filter(|w| *w != date.weekday()) {
                    self.notes.push(format!(
                        "{w} does not fall on {date} ({}); the date is kept",
                        date.weekday()
                    ));
                }
                Some(date)
            }
            DateExpr::Range {
                year, month, first, ..
            } => self.calendar_day(year, month, first),
            DateExpr::Weekday(w) => self.weekday(w, tense),
            DateExpr::DayOfMonth(day) => self.day_of_month(day),
            DateExpr::Relative(days) => shift(self.anchor?, days),
            DateExpr::Published(days) => match self.published {
                Published::Day(day) => shift(day, days),
                Published::Month { .. } => None,
            },
            DateExpr::Bound { last } => self.bounds.map(|(a, b)| if last { b } else { a }),
        }
    }

    /// A day of the month alone: in the month of the story's day (of the visit's first day,
    /// before any), or the month next to it that puts it nearest.
    fn day_of_month(&self, day: u32) -> Option<NaiveDate> {
        let reference = self
            .anchor
            .or_else(|| self.bounds.map(|(a, _)| a))
            .unwrap_or_else(|| self.published.latest());
        let first = reference.with_day(1)?;
        let month = chrono::Months::new(1);
        [
            first.checked_sub_months(month),
            Some(first),
            first.checked_add_months(month),
        ]
        .into_iter()
        .flatten()
        .filter_map(|m| m.with_day(day))
        .min_by_key(|d| distance(*d, reference))
    }

    /// A day of a month in the year the context gives: the stated year, the title's years,
    /// else the year that puts the date nearest before the publication (dates after it are
    /// less likely: texts mostly report what happened).
    fn calendar_day(&self, year: Option<i32>, month: u32, day: u32) -> Option<NaiveDate> {
        if let Some(y) = year {
            return NaiveDate::from_ymd_opt(y, month, day);
        }
        if let Some((a, b)) = self.bounds {
            for y in [a.year(), b.year()] {
                let date = NaiveDate::from_ymd_opt(y, month, day);
                if let Some(d) = date.filter(|d| *d >= a && *d <= b) {
                    return Some(d);
                }
            }
        }
        let reference = self.anchor.unwrap_or_else(|| self.published.latest());
        let base = self.published.year();
        (base - 1..=base + 1)
            .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
            .min_by_key(|d| distance(*d, reference))
    }

    /// A weekday counted forward from the anchor (the narrative moves on), or, before any
    /// date is established, from the publication day: backwards for what happened, forwards
    /// for what is announced. Unknown when the publication gives only a month.
    ///
    /// A dated publication also bounds the count: what happened lies on or before the day of
    /// writing, so a weekday reached past it is the one before ("Kyiv, 20 February: ... left
    /// Washington on Sunday" after "arrived on Monday" is the Sunday before); what is
    /// announced lies on or after it.
    fn weekday(&self, w: Weekday, tense: Tense) -> Option<NaiveDate> {
        if let Some(anchor) = self.anchor {
            let forward = (0..7)
                .filter_map(|d| shift(anchor, d))
                .find(|d| d.weekday() == w);
            let Published::Day(day) = self.published else {
                return forward;
            };
            let outside = forward.is_some_and(|f| match tense {
                Tense::Past => f > day,
                Tense::Future => f < day,
            });
            if !outside {
                return forward;
            }
        }
        let Published::Day(day) = self.published else {
            let (a, b) = self.bounds?;
            let mut within = (0..=(b - a).num_days()).filter_map(|d| shift(a, d));
            return within.find(|d| d.weekday() == w);
        };
        let step = if tense == Tense::Future { 1 } else { -1 };
        (0..7)
            .filter_map(|d| shift(day, d * step))
            .find(|d| d.weekday() == w)
    }
}

fn shift(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        date.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

/// Days between `date` and `reference`, counting dates after the reference three times.
fn distance(date: NaiveDate, reference: NaiveDate) -> i64 {
    let days = (date - reference).num_days();
    if days > 0 { days * 3 } else { -days }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn digits_are_found_eight_bytes_at_a_time_as_one_by_one(text in "\\PC{0,40}|[a-z 09/:.-]{0,40}") {
            proptest::prop_assert_eq!(has_digit(text.as_bytes()), text.bytes().any(|b| b.is_ascii_digit()));
        }
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn calendar() -> Calendar {
        Calendar::new(Published::Day(day(2021, 5, 7)))
    }

    fn first(sentence: &str) -> DateMention {
        mentions(sentence)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no date in {sentence:?}"))
    }

    #[test]
    fn phrases_resolve_against_the_anchor_and_publication() {
        // published Friday 7 May 2021; anchor Monday 26 April 2021
        let anchor = Some(day(2021, 4, 26));
        let cases: &[(&str, Option<NaiveDate>, Option<PartOfDay>)] = &[
            (
                "She left on Monday, 26 April.",
                Some(day(2021, 4, 26)),
                None,
            ),
            ("He arrived on 3 May 2019.", Some(day(2019, 5, 3)), None),
            (
                "She landed on Sunday evening, 2 May.",
                Some(day(2021, 5, 2)),
                Some(PartOfDay::Evening),
            ),
            (
                "the quake of Feb. 6 was strong",
                Some(day(2021, 2, 6)),
                None,
            ),
            (
                "They met on April 10, 2016 in Rome.",
                Some(day(2016, 4, 10)),
                None,
            ),
            (
                "On Tuesday morning she spoke.",
                Some(day(2021, 4, 27)),
                Some(PartOfDay::Morning),
            ),
            (
                "The following morning he left.",
                Some(day(2021, 4, 27)),
                Some(PartOfDay::Morning),
            ),
            ("the next day they flew", Some(day(2021, 4, 27)), None),
            ("A day earlier, she met him.", Some(day(2021, 4, 25)), None),
            ("Two days earlier, she spoke.", Some(day(2021, 4, 24)), None),
            ("A day later she left.", Some(day(2021, 4, 27)), None),
            ("Later in the day he met her.", Some(day(2021, 4, 26)), None),
            (
                "That evening there was a dinner.",
                Some(day(2021, 4, 26)),
                Some(PartOfDay::Evening),
            ),
            (
                "the same morning she spoke",
                Some(day(2021, 4, 26)),
                Some(PartOfDay::Morning),
            ),
            (
                "early on Wednesday he left",
                Some(day(2021, 4, 28)),
                Some(PartOfDay::EarlyMorning),
            ),
            (
                "He flew overnight.",
                Some(day(2021, 4, 26)),
                Some(PartOfDay::Night),
            ),
            (
                "in the afternoon of 27 April",
                Some(day(2021, 4, 27)),
                Some(PartOfDay::Afternoon),
            ),
            (
                "at about 6.35 am this morning",
                Some(day(2021, 5, 7)),
                Some(PartOfDay::EarlyMorning),
            ),
            (
                "from 10:20 p.m. on Sunday, May 2",
                Some(day(2021, 5, 2)),
                Some(PartOfDay::Night),
            ),
            (
                "Activities in Peru, 26-29 April",
                Some(day(2021, 4, 26)),
                None,
            ),
            ("will tour from Jan. 13-18", Some(day(2021, 1, 13)), None),
            (
                "She reached Lima on April 28.",
                Some(day(2021, 4, 28)),
                None,
            ),
            (
                "They flew home on Thursday, Apr. 29.",
                Some(day(2021, 4, 29)),
                None,
            ),
            (
                "early on Saturday evening",
                Some(day(2021, 5, 1)),
                Some(PartOfDay::Evening),
            ),
        ];
        // the time of another event, not a day of the narrative
        assert!(mentions("whom they had elected two days earlier.").is_empty());
        for (sentence, date, part) in cases {
            let mut cal = calendar();
            cal.anchor = anchor;
            let m = first(sentence);
            assert_eq!(cal.resolve(m.expr, Tense::Past), *date, "{sentence}");
            assert_eq!(m.part, *part, "{sentence}");
        }
    }

    #[test]
    fn a_day_of_the_month_alone_falls_in_the_month_of_the_story() {
        let mut cal = calendar();
        cal.anchor = Some(day(2021, 4, 29));
        let m = first("On the afternoon of the 2nd, she left for Rome.");
        assert_eq!(m.expr, DateExpr::DayOfMonth(2));
        assert_eq!(
            &"On the afternoon of the 2nd, she"[m.start..m.end],
            "the 2nd"
        );
        // the month next to the story's day that puts it nearest
        assert_eq!(cal.resolve(m.expr, Tense::Past), Some(day(2021, 5, 2)));
        let m = first("On the 27th, she visited the university.");
        assert_eq!(cal.resolve(m.expr, Tense::Past), Some(day(2021, 4, 27)));
        // an ordinal that numbers something else is no day
        for text in [
            "It marked the 40th anniversary of the treaty.",
            "She attended the 9th summit of the group.",
            "The 3rd Division paraded.",
        ] {
            assert!(mentions(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_heading_in_capitals_is_a_date() {
        let mut cal = calendar();
        for (line, date) in [
            ("TUESDAY 4 MAY", day(2021, 5, 4)),
            ("WEDNESDAY, 5 MAY 2021", day(2021, 5, 5)),
        ] {
            let m = first(line);
            assert_eq!(cal.resolve(m.expr, Tense::Past), Some(date), "{line}");
        }
        // a word in capitals inside a sentence is not read as a month
        assert!(mentions("The talks MAY resume, officials said.").is_empty());
    }

    #[test]
    fn a_bare_weekday_counts_back_from_the_publication_day_or_forward_when_announced() {
        let cal = calendar();
        assert_eq!(
            cal.weekday(Weekday::Wed, Tense::Past),
            Some(day(2021, 5, 5))
        );
        assert_eq!(
            cal.weekday(Weekday::Fri, Tense::Past),
            Some(day(2021, 5, 7))
        );
        assert_eq!(
            cal.weekday(Weekday::Mon, Tense::Future),
            Some(day(2021, 5, 10))
        );
        let month_only = Calendar::new(Published::Month {
            year: 2021,
            month: 5,
        });
        assert_eq!(month_only.weekday(Weekday::Tue, Tense::Past), None);
    }

    #[test]
    fn a_weekday_after_the_anchor_stays_within_the_publication_day() {
        // published Friday 7 May 2021; the story has reached Thursday 6 May
        let mut cal = calendar();
        cal.anchor = Some(day(2021, 5, 6));
        // "had flown in on Monday": counted forward it would pass the day of writing
        assert_eq!(
            cal.weekday(Weekday::Mon, Tense::Past),
            Some(day(2021, 5, 3))
        );
        assert_eq!(
            cal.weekday(Weekday::Fri, Tense::Past),
            Some(day(2021, 5, 7))
        );
        // "will leave on Tuesday": after the day of writing
        cal.anchor = Some(day(2021, 5, 3));
        assert_eq!(
            cal.weekday(Weekday::Tue, Tense::Future),
            Some(day(2021, 5, 11))
        );
        // a narrative dated only by its month keeps counting forward
        let mut notes = Calendar::new(Published::Month {
            year: 2021,
            month: 5,
        });
        notes.anchor = Some(day(2021, 5, 30));
        assert_eq!(
            notes.weekday(Weekday::Tue, Tense::Past),
            Some(day(2021, 6, 1))
        );
    }

    #[test]
    fn a_contradicting_weekday_keeps_the_date_and_leaves_a_note() {
        let mut cal = calendar();
        let m = first("On Monday, 20 November, she arrived.");
        assert_eq!(cal.resolve(m.expr, Tense::Past), Some(day(2020, 11, 20)));
        assert_eq!(cal.notes.len(), 1);
    }

    #[test]
    fn the_title_range_decides_the_year() {
        let mut cal = Calendar::new(Published::Month {
            year: 2019,
            month: 1,
        });
        cal.bound_by_title("Visit to Fiji, 30 December 2018 to 2 January 2019");
        assert_eq!(cal.bounds, Some((day(2018, 12, 30), day(2019, 1, 2))));
        let m = first("On 31 December, he met the President.");
        assert_eq!(cal.resolve(m.expr, Tense::Past), Some(day(2018, 12, 31)));
        cal.bounds = None;
        let m = first("On 3 January, he met the President.");
        assert_eq!(cal.resolve(m.expr, Tense::Past), Some(day(2019, 1, 3)));
    }

    #[test]
    fn numbers_that_are_not_dates_are_left_alone() {
        for sentence in [
            "He may visit in May 2022.",
            "Some 25 protesters came.",
            "the 34th year running",
            "It may be signed.",
            "a magnitude 7.8 earthquake",
        ] {
            assert!(
                mentions(sentence).iter().all(|m| m.rule == "part-of-day"),
                "{sentence}: {:?}",
                mentions(sentence)
            );
        }
    }

    #[test]
    fn a_day_after_another_event_said_beside_a_date_is_that_date() {
        let told = mentions(
            "The tour began on Tuesday, 7 March, the day after the summit closed in Lima.",
        );
        assert_eq!(told.len(), 1);
        assert_eq!(told[0].rule, "weekday-day-month");
        let counted = mentions("She arrived on 7 March and left the day after.");
        assert_eq!(counted.len(), 2);
    }
}
