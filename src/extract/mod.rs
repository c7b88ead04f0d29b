//! Extraction: a document in, the traveller's legs and meetings out, each linked to the
//! sentence it came from; then documents assembled into trips. Pure: no I/O, no clock.
//!
//! The stages, in order:
//! 1. [`segment`]: normalised sentences with spans into the original text, headlines apart;
//! 2. [`dates`]: date phrases, resolved through the narrative;
//! 3. [`people`] and [`cast`]: persons with titles, merged across mentions; [`traveller`]:
//!    whose trip it is;
//! 4. [`places`]: cities, countries and sites against the gazetteer;
//! 5. [`reading`]: each sentence's actors, clauses and slots; [`legs`] and [`meetings`]: the
//!    rule families;
//! 6. [`story`]: the narrative state that chains legs and places meetings;
//! 7. [`assemble`](fn@assemble): documents grouped into trips.

pub mod assemble;
pub mod cast;
pub mod dates;
pub mod legs;
pub mod lexicon;
pub mod meetings;
pub mod people;
pub mod places;
pub mod reading;
pub mod segment;
pub mod story;
pub mod traveller;

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

pub use assemble::assemble;

use crate::domain::{Document, LegDraft, MeetingDraft, Traveller};
use crate::gazetteer::Gazetteer;
use cast::{Cast, PersonId, canonical_role};
use dates::{Calendar, DateExpr, DateMention};
use people::{Form, PersonMention};
use reading::{Actor, Reading, Who};
use segment::Sentence;
use story::Story;
use traveller::Sighting;

/// What one document yields.
#[derive(Clone, Debug, PartialEq)]
pub struct DocumentExtraction {
    pub document: String,
    /// The document's title line, when it has one.
    pub title: Option<String>,
    pub traveller: Option<Traveller>,
    pub legs: Vec<LegDraft>,
    pub meetings: Vec<MeetingDraft>,
    /// The rule behind each leg and each meeting, in the same order (evidence, not API).
    pub leg_rules: Vec<&'static str>,
    pub meeting_rules: Vec<&'static str>,
    /// Mentions that could not be resolved, for `--verbose` and warnings.
    pub notes: Vec<String>,
}

impl DocumentExtraction {
    fn empty(doc: &Document, note: &str) -> Self {
        Self {
            document: doc.name.clone(),
            title: doc.title.clone(),
            traveller: None,
            legs: Vec::new(),
            meetings: Vec::new(),
            leg_rules: Vec::new(),
            meeting_rules: Vec::new(),
            notes: vec![note.to_owned()],
        }
    }
}

/// One sentence with its words, the gazetteer's names and the person mentions in it. The
/// words are cut once and serve people, places and the rules.
struct Parsed<'s> {
    sentence: &'s Sentence,
    words: &'s [segment::Word<'s>],
    names: Vec<crate::gazetteer::PlaceMention>,
    people: Vec<PersonMention>,
    /// The date phrases of the sentence, found once when first asked: the rules that read
    /// headings as dates (release date, time stamp, the title's range) ask up to four times.
    dates: std::cell::OnceCell<Vec<DateMention>>,
}

impl<'s> Parsed<'s> {
    fn new(sentence: &'s Sentence, words: &'s [segment::Word<'s>], gazetteer: &Gazetteer) -> Self {
        let names = gazetteer.mentions(&sentence.text);
        let people = people::mentions_in(&sentence.text, gazetteer, &names, words);
        Self {
            sentence,
            words,
            names,
            people,
            dates: std::cell::OnceCell::new(),
        }
    }

    /// The date phrases of the sentence ([`dates::mentions`]).
    fn dates(&self) -> &[DateMention] {
        self.dates
            .get_or_init(|| dates::mentions(&self.sentence.text))
    }
}

/// Extracts the traveller, legs and meetings of one document. Never fails: a text where
/// nothing is found (or not English) yields an empty extraction with a note.
pub fn extract(doc: &Document, gazetteer: &Gazetteer) -> DocumentExtraction {
    extract_with(doc, gazetteer, false).0
}

/// Like [`extract`], with a trace of every sentence read (actors, places, dates, facts) when
/// `trace` is set — for `itinerary extract --trace` and for finding why a rule misfired.
pub fn extract_with(
    doc: &Document,
    gazetteer: &Gazetteer,
    trace: bool,
) -> (DocumentExtraction, Vec<String>) {
    if !reads_as_english(doc.body()) {
        return (DocumentExtraction::empty(doc, "not English"), Vec::new());
    }
    let sentences = segment::sentences(doc);
    // the words of every sentence in one vector
    let mut words = Vec::with_capacity(doc.body().len() / 5 + 1);
    let mut bounds = Vec::with_capacity(sentences.len());
    for sentence in &sentences {
        let first = words.len();
        segment::words_into(&sentence.text, &mut words);
        bounds.push(first..words.len());
    }
    let parsed: Vec<Parsed<'_>> = sentences
        .iter()
        .zip(bounds)
        .map(|(sentence, range)| Parsed::new(sentence, &words[range], gazetteer))
        .collect();
    let mut cast = Cast::new();
    let Some(traveller) = choose_traveller(&parsed, &mut cast, doc.title.is_some()) else {
        return (
            DocumentExtraction::empty(doc, "no traveller found"),
            Vec::new(),
        );
    };
    cast.traveller = Some(traveller);
    cast.forget_recency();
    let mut calendar = Calendar::new(doc.published);
    // (the title too, though a bracket closes it: "Visit to Bhutan (June 15-16, 2014)", when
    // it gives a span of days, not the day of a briefing: "Briefing on the visit (July 05,
    // 2024)")
    let title = parsed.first().filter(|p| {
        doc.title.as_deref() == Some(p.sentence.text.as_str())
            && p.dates()
                .iter()
                .any(|m| matches!(m.expr, DateExpr::Range { .. }))
    });
    let headings = parsed.iter().filter(|p| p.sentence.heading);
    for heading in title.into_iter().chain(headings) {
        let (text, found) = (&heading.sentence.text, heading.dates());
        if calendar.bounds.is_none()
            && !release_date(text, found, &calendar)
            && !placed_heading(text, found)
            && !place_then_bracketed_day(text, found)
        {
            calendar.bound_by_mentions(found);
        }
    }
    date_by_dateline(&mut calendar, &parsed);
    let mut story = Story::new(doc, gazetteer, calendar, cast);
    story.trace = trace.then(Vec::new);
    story.context = context_countries(&parsed);
    story.first_person = speaks_in_first_person(&parsed);
    story.feminine = pronoun_gender(&parsed);
    // "Provisional programme:": the lines after it are items of the traveller's schedule,
    // told without a subject ("Talks with the Prime Minister.")
    let mut programme = false;
    let (order, live) = reading_order(&parsed);
    // the day told and the latest hour it reached ("shortly before 21:00 on Tuesday")
    let mut clock: Option<(chrono::NaiveDate, u32)> = None;
    for k in order {
        let p = &parsed[k];
        // the earliest entry of live updates: the entries tell the day of the report
        if live == Some(k)
            && let crate::domain::Published::Day(day) = doc.published
        {
            story.set_day(day);
        }
        // "08:30 - The press pool gathers" after "21:00 on Tuesday": an hour stamped before
        // the last one told is on the next day
        let (stamp, latest) = clock_times(&p.sentence.text);
        if let (Some(at), Some((day, last))) = (stamp, clock)
            && story.calendar.anchor == Some(day)
            && at < last
            && let Some(next) = day.succ_opt()
        {
            story.set_day(next);
            clock = None;
        }
        // "07:30 Departure from Berlin": an item of a programme, stamped with its hour, need
        // not end in a full stop
        if !p.sentence.heading || programme && timed_item(&p.sentence.text) {
            let ahead = story.calendar.ahead();
            // "- 11 June, Ashgabat: official welcoming ceremony": an item of a list of
            // engagements, told without a subject as a programme's are
            read_sentence(
                &mut story,
                p,
                (programme || p.sentence.bullet).then_some(ahead),
            );
        } else if p.dates().is_empty() && NUMBERED_PART.is_match(&p.sentence.text) {
            story.new_part();
        } else if let Some(day) = stamped_day(&p.sentence.text, p.dates(), &mut story.calendar)
            .or_else(|| dated_place_line(p, parsed.get(k + 1)))
        {
            // "May 16, 2024, 04:15, Beijing": a news item's time stamp dates what follows
            story.set_heading_day(day);
            // "Thursday 25 January – Jaipur": a day of a programme, whose items follow; a
            // full date ("Sunday, 22 May 2022") when items stamped with an hour follow
            let items_follow = || {
                parsed
                    .get(k + 1)
                    .is_some_and(|next| timed_item(&next.sentence.text))
            };
            programme |= p.dates().first().is_some_and(|m| match m.expr {
                DateExpr::Day { year: None, .. } => true,
                DateExpr::Day {
                    weekday: Some(_), ..
                } => items_follow(),
                _ => false,
            });
        }
        // such a line ends in a colon
        programme =
            programme || p.sentence.text.contains(':') && PROGRAMME.is_match(&p.sentence.text);
        if let Some(day) = story.calendar.anchor {
            clock = match (clock, latest) {
                (Some((d, last)), Some(at)) if d == day => Some((d, last.max(at))),
                (Some((d, last)), None) if d == day => Some((d, last)),
                (_, Some(at)) => Some((day, at)),
                (_, None) => None,
            };
        }
    }
    let person = story.cast.person(traveller).clone();
    let lines = story.trace.take().unwrap_or_default();
    let (legs, meetings, notes) = story.finish();
    let extraction = DocumentExtraction {
        document: doc.name.clone(),
        title: doc.title.clone(),
        traveller: Some(Traveller {
            name: person.name,
            role: person.role,
        }),
        leg_rules: legs.iter().map(|l| l.rule).collect(),
        legs: legs.into_iter().map(|l| l.leg).collect(),
        meeting_rules: meetings.iter().map(|m| m.rule).collect(),
        meetings: meetings.into_iter().map(|m| m.meeting).collect(),
        notes,
    };
    (extraction, lines)
}

/// The order to read the sentences in: as written, except in live updates, whose entries
/// are stamped with the hour and put the latest first ("9:10 p.m. - That's a wrap ...",
/// then "7:05 p.m. - ..."): their entries are read from the earliest, each with the
/// paragraphs under it, after what comes before the first entry. Also returns where the
/// earliest entry starts, for live updates.
fn reading_order(parsed: &[Parsed<'_>]) -> (Vec<usize>, Option<usize>) {
    let in_order = || ((0..parsed.len()).collect(), None);
    // the entries: where each stamped paragraph starts, with its minute of the day
    let mut entries: Vec<(usize, Option<u32>)> = Vec::new();
    let mut last_paragraph = None;
    for (k, p) in parsed.iter().enumerate() {
        if last_paragraph == Some(p.sentence.paragraph) {
            continue;
        }
        last_paragraph = Some(p.sentence.paragraph);
        if let Some(minute) = entry_stamp(&p.sentence.text) {
            entries.push((k, Some(minute)));
        } else if p.sentence.heading && !entries.is_empty() {
            // ("Catching up: Friday and Saturday": a section below the entries, older still)
            entries.push((k, None));
        }
    }
    let stamps: Vec<u32> = entries.iter().filter_map(|e| e.1).collect();
    let latest_first = stamps.len() >= 3 && stamps.windows(2).all(|w| w[0] > w[1]);
    if !latest_first {
        return in_order();
    }
    let earliest = entries.iter().rev().find(|e| e.1.is_some()).map(|e| e.0);
    let mut order: Vec<usize> = (0..entries[0].0).collect();
    let ends = entries.iter().skip(1).map(|e| e.0).chain([parsed.len()]);
    let blocks: Vec<Range<usize>> = entries.iter().zip(ends).map(|(e, end)| e.0..end).collect();
    for block in blocks.into_iter().rev() {
        order.extend(block);
    }
    (order, earliest)
}

/// The minute of the day a live update's entry opens with ("9:10 p.m. - ", "21:10 - ",
/// "11:50 a.m.: "), if it opens with one.
fn entry_stamp(text: &str) -> Option<u32> {
    static STAMP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<h>\d{1,2})[:.](?P<m>\d{2})(?:\s*(?P<half>[ap])\.?m\.?)?\s*(?:-|:)\s")
            .expect("entry-stamp pattern compiles")
    });
    if !text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let c = STAMP.captures(text)?;
    let (hour, minute): (u32, u32) = (c["h"].parse().ok()?, c["m"].parse().ok()?);
    let hour = match c.name("half").map(|h| h.as_str()) {
        Some("p") if hour < 12 => hour + 12,
        Some("a") if hour == 12 => 0,
        _ => hour,
    };
    (hour < 24 && minute < 60).then_some(hour * 60 + minute)
}

/// A line that opens with an hour ("07:30 Departure ...", "9.15 Talks ..."), as the items of a
/// programme do.
fn timed_item(line: &str) -> bool {
    let b = line.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    (1..=2).contains(&digits)
        && matches!(b.get(digits), Some(b':' | b'.' | b'h'))
        && b.get(digits + 1..digits + 3)
            .is_some_and(|m| m.iter().all(u8::is_ascii_digit))
        && b.get(digits + 3).is_some_and(|&c| c == b' ')
}

/// The hours a line tells, in minutes after midnight: the time stamp it opens with ("08:30 -
/// ...", "14.40 ..."), and the latest hour written with a colon anywhere in it ("shortly
/// before 21:00", "at 9:15 p.m.").
fn clock_times(line: &str) -> (Option<u32>, Option<u32>) {
    let b = line.as_bytes();
    // the hour whose digits end at `colon`, and its minutes after it
    let minutes = |colon: usize| -> Option<u32> {
        let start = b[..colon]
            .iter()
            .rposition(|c| !c.is_ascii_digit())
            .map_or(0, |i| i + 1);
        let digits = colon - start;
        let minute = b.get(colon + 1..colon + 3)?;
        let whole = (1..=2).contains(&digits)
            && minute.iter().all(u8::is_ascii_digit)
            && !b.get(colon + 3).is_some_and(u8::is_ascii_digit);
        if !whole {
            return None;
        }
        let hour: u32 = line[start..colon].parse().ok()?;
        let minute: u32 = line[colon + 1..colon + 3].parse().ok()?;
        let after = line[colon + 3..].trim_start().as_bytes();
        let pm = after.first().is_some_and(|c| matches!(c, b'p' | b'P'))
            && after
                .get(1)
                .is_some_and(|c| matches!(c, b'm' | b'M' | b'.'));
        let am = after.first().is_some_and(|c| matches!(c, b'a' | b'A'))
            && after
                .get(1)
                .is_some_and(|c| matches!(c, b'm' | b'M' | b'.'));
        let hour = match hour {
            12 if am => 0,
            h if pm && h < 12 => h + 12,
            h => h,
        };
        (hour < 24 && minute < 60).then_some(hour * 60 + minute)
    };
    let stamp = timed_item(line)
        .then(|| minutes(b.iter().take_while(|c| c.is_ascii_digit()).count()))
        .flatten();
    let latest = memchr::memchr_iter(b':', b).filter_map(minutes).max();
    (stamp, latest.max(stamp))
}

/// "Cape Town, 2 June", "Windhoek, 4-6 June": a readout's paragraph heading, the place and the
/// day (or first day) of what follows. `found`: the date phrases of `heading`.
fn placed_heading(heading: &str, found: &[DateMention]) -> bool {
    let Some(mention) = found.first() else {
        return false;
    };
    let place = heading[..mention.start].trim_end();
    mention.start > 0
        && heading[mention.end..].trim().is_empty()
        && matches!(mention.expr, DateExpr::Day { .. } | DateExpr::Range { .. })
        && place.len() <= 40
        && place.ends_with(',')
        && place
            .trim_end_matches(',')
            .split(' ')
            .all(|w| w.starts_with(char::is_uppercase))
}

/// "Uzbekistan (13-15 June)", "1. Saudi Arabia (July 16)": a part of a readout headed by its
/// place, with its day or days in brackets. `found`: the date phrases of `heading`.
fn place_then_bracketed_day(heading: &str, found: &[DateMention]) -> bool {
    let [mention] = found else {
        return false;
    };
    let Some(place) = heading[..mention.start].trim_end().strip_suffix('(') else {
        return false;
    };
    let place = place.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    heading[mention.end..].trim() == ")"
        && matches!(mention.expr, DateExpr::Day { .. } | DateExpr::Range { .. })
        && (1..=40).contains(&place.trim().len())
        && place
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase))
}

/// The tense of a day heading a part of a programme: the days of a programme issued before
/// them lie ahead.
fn days_ahead(calendar: &Calendar) -> dates::Tense {
    if calendar.ahead() {
        dates::Tense::Future
    } else {
        dates::Tense::Past
    }
}

/// What comes before the day a programme's part covers: "Programme for", "Schedule of",
/// "3. Programme of".
static PROGRAMME_OF_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\d{1,2}[.)]\s+)?(?:[\w-]+\s+){0,2}(?:programme|program|schedule|itinerary|agenda)\s+(?:for|of|on)\s+$")
        .expect("programme-of-day pattern compiles")
});

/// What may come before a weekday heading a day's part of a diary: nothing, or "Day 2 —".
static DAY_OF_A_DIARY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:Day|DAY)\s+\d{1,2}\s*[—–:.-]\s*)?$").expect("diary pattern compiles")
});

/// The heading of a numbered part of a text: "II. THE VISIT", "2. Arrival in Ulaanbaatar".
static NUMBERED_PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[IVX]{1,4}|\d{1,2})[.)]\s+\p{Lu}").expect("numbered-part pattern compiles")
});

/// What comes before the day a part still ahead covers: "Still to come on", "Coming up".
static STILL_TO_COME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:still\s+)?(?:to\s+come|coming\s+up|ahead|next|what\s+comes\s+next)\s*[:,—–-]?\s*(?:on\s+)?$")
        .expect("still-to-come pattern compiles")
});

/// The day a heading that is a time stamp gives: a full date at its start, with at most a
/// time and a place after it ("May 16, 2024, 04:15, Beijing", "16 May 2024"), or a day of a
/// programme alone on its line ("Tuesday 25 July"). `found`: the date phrases of `heading`.
fn stamped_day(
    heading: &str,
    found: &[DateMention],
    calendar: &mut Calendar,
) -> Option<chrono::NaiveDate> {
    let mention = found.first()?;
    let rest = &heading[mention.end..];
    // "Thursday 25 January – Jaipur": a day of a programme and where it is spent
    let place_after_dash = rest
        .trim_start()
        .strip_prefix(['–', '—', '-'])
        .is_some_and(|place| place.trim().starts_with(char::is_uppercase));
    // "Monday, 4 July (Entebbe)", "Wednesday (Kigali and Addis Ababa)": the same, the place
    // in brackets
    let place_in_brackets = rest
        .trim()
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .is_some_and(|place| place.len() <= 40 && place.starts_with(char::is_uppercase));
    let full = match mention.expr {
        DateExpr::Day { year: Some(_), .. } => true,
        DateExpr::Day { .. } => rest.trim().is_empty() || place_after_dash || place_in_brackets,
        _ => false,
    };
    if placed_heading(heading, found) || place_then_bracketed_day(heading, found) {
        return calendar.resolve(mention.expr, dates::Tense::Past);
    }
    // "Programme for Monday, September 5 (today)": the day a programme's part covers
    // ("(today)" in brackets after it says the same day)
    if matches!(mention.expr, DateExpr::Day { .. } | DateExpr::Weekday(_))
        && (rest.trim().is_empty() || rest.trim().starts_with('(') && rest.trim().ends_with(')'))
        && PROGRAMME_OF_DAY.is_match(&heading[..mention.start])
    {
        return calendar.resolve(mention.expr, days_ahead(calendar));
    }
    // "Wednesday", "Day 2 — Friday", "Day 1: Friday, November 3 (Manila)": a day of a diary
    // or readout, alone on its line
    // "Still to come on Thursday": the day of the part still ahead
    if matches!(mention.expr, DateExpr::Weekday(_) | DateExpr::Day { .. })
        && found.len() == 1
        && rest.trim().is_empty()
        && STILL_TO_COME.is_match(&heading[..mention.start])
    {
        return calendar.resolve(mention.expr, dates::Tense::Future);
    }
    let numbered = mention.start > 0;
    if (matches!(mention.expr, DateExpr::Weekday(_))
        || numbered && matches!(mention.expr, DateExpr::Day { .. }))
        && found.len() == 1
        && (rest.trim().is_empty() || place_in_brackets)
        && DAY_OF_A_DIARY.is_match(&heading[..mention.start])
    {
        return calendar.resolve(mention.expr, days_ahead(calendar));
    }
    let stamp = mention.start == 0
        && full
        && (place_in_brackets
            || rest.len() <= 40
                && rest.split([',', ' ']).filter(|w| !w.is_empty()).all(|w| {
                    w.contains(':')
                        || w.starts_with(char::is_uppercase)
                        || matches!(w, "–" | "—" | "-")
                }));
    if !stamp {
        return None;
    }
    if release_date(heading, found, calendar) {
        return None;
    }
    calendar.resolve(mention.expr, dates::Tense::Past)
}

/// "January 17, 2019" alone on its line with a place alone on the next ("Belgrade"): the day
/// and place of what the release tells, though it is also the day of publication.
fn dated_place_line(heading: &Parsed<'_>, next: Option<&Parsed<'_>>) -> Option<chrono::NaiveDate> {
    let (day, alone) = full_date_heading(&heading.sentence.text, heading.dates())?;
    let next = next.filter(|n| n.sentence.heading)?;
    let place = next
        .sentence
        .text
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    let lone_place = matches!(next.names.as_slice(), [name] if name.span == (0..place.len()));
    (alone && lone_place).then_some(day)
}

/// The full date (with its year) a heading opens its date phrases with, and whether it stands
/// alone at the start of its line. `found`: the date phrases of `heading`.
fn full_date_heading(heading: &str, found: &[DateMention]) -> Option<(chrono::NaiveDate, bool)> {
    let mention = found.first()?;
    let DateExpr::Day {
        year: Some(year),
        month,
        day,
        ..
    } = mention.expr
    else {
        return None;
    };
    let alone = mention.start == 0
        && heading[mention.end..]
            .trim_matches(|c: char| !c.is_alphanumeric())
            .is_empty();
    Some((chrono::NaiveDate::from_ymd_opt(year, month, day)?, alone))
}

/// "July 19, 2023" alone on a line under the title, the day of publication: the release's own
/// date, neither a day of the story nor the bounds of the visit (also after the issuer's name:
/// "Ministry of Foreign Affairs, July 19, 2023"). `found`: the date phrases of `heading`.
fn release_date(heading: &str, found: &[DateMention], calendar: &Calendar) -> bool {
    // ("Highlights of the noon briefing, Monday, 3 November 2008": past a part of day)
    let first_day = found
        .iter()
        .position(|m| matches!(m.expr, DateExpr::Day { .. }))
        .unwrap_or(0);
    let found = &found[first_day..];
    let Some((day, alone)) = full_date_heading(heading, found) else {
        return false;
    };
    let signed = found.first().is_some_and(|m| {
        heading[..m.start].trim_end().ends_with(',')
            && heading[m.end..]
                .trim_matches(|c: char| !c.is_alphanumeric())
                .is_empty()
    });
    // "Written Answers, Monday 16 January 2012: ...": a full day of the week, inside the
    // heading, names the issue rather than the visit
    let weekday = found.first().is_some_and(|m| {
        matches!(
            m.expr,
            DateExpr::Day {
                weekday: Some(_),
                ..
            }
        )
    });
    (alone || weekday || signed) && calendar.published == crate::domain::Published::Day(day)
}

/// "KYIV, Feb 20 (Reuters) -": the day the report was filed is "today" for its weekdays, when
/// it agrees with the publication (the same day or a few days before, or within its month).
fn date_by_dateline(calendar: &mut Calendar, parsed: &[Parsed<'_>]) {
    let Some(raw) = parsed
        .iter()
        .find_map(|p| p.sentence.dateline_day.as_deref())
    else {
        return;
    };
    let Some(mention) = dates::mentions(raw).into_iter().next() else {
        return;
    };
    let Some(day) = calendar.resolve(mention.expr, dates::Tense::Past) else {
        return;
    };
    let agrees = match calendar.published {
        crate::domain::Published::Day(published) => (0..=3).contains(&(published - day).num_days()),
        crate::domain::Published::Month { year, month } => {
            chrono::Datelike::year(&day) == year && chrono::Datelike::month(&day) == month
        }
    };
    if agrees {
        calendar.published = crate::domain::Published::Day(day);
    }
}

/// Text in another language yields nothing: too few English function words to be English
/// (short texts are given the benefit of the doubt).
fn reads_as_english(body: &str) -> bool {
    let (words, common) = function_words(body);
    words < 12 || common * 25 >= words
}

/// How many words `body` has (runs of letters), and how many of them are English function
/// words.
fn function_words(body: &str) -> (usize, usize) {
    let (mut words, mut common) = (0, 0);
    let mut i = 0;
    while i < body.len() {
        let end = letters_end(body, i);
        if end == i {
            // no letter: one byte, or a whole character outside ASCII
            i += letter_at(body, i).1;
            continue;
        }
        words += 1;
        common += usize::from(function_word(&body[i..end]));
        i = end;
    }
    (words, common)
}

/// The end of the run of letters that starts at byte `i` of `text` (a char boundary), `i`
/// itself when no letter starts there. Most text is ASCII, and an ASCII byte is told apart
/// without decoding a character.
fn letters_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        match bytes.get(i) {
            Some(b) if b.is_ascii_alphabetic() => i += 1,
            Some(b) if !b.is_ascii() => match letter_at(text, i) {
                (true, len) => i += len,
                (false, _) => return i,
            },
            _ => return i,
        }
    }
}

/// An English function word, in any case: in English prose about one word in five is one of
/// them. They are ASCII: a word with other letters is none of them.
fn function_word(word: &str) -> bool {
    // none has more than four letters: most longer words are turned away here
    let mut lower = [0u8; 4];
    let Some(slot) = lower.get_mut(..word.len()) else {
        return false;
    };
    slot.copy_from_slice(word.as_bytes());
    slot.make_ascii_lowercase();
    // a match on the bytes compiles to a switch on the length, then a few comparisons
    matches!(
        &*slot,
        b"the"
            | b"of"
            | b"and"
            | b"to"
            | b"in"
            | b"a"
            | b"on"
            | b"for"
            | b"with"
            | b"was"
            | b"is"
            | b"by"
            | b"at"
            | b"from"
            | b"he"
            | b"she"
            | b"his"
            | b"her"
            | b"that"
            | b"as"
            | b"an"
            | b"were"
            | b"had"
            | b"has"
            | b"will"
            | b"who"
    )
}

/// Whether a letter starts at byte `i` of `text` (a char boundary), and the length of the
/// character there; the end of the text is no letter.
fn letter_at(text: &str, i: usize) -> (bool, usize) {
    match text.as_bytes().get(i) {
        None => (false, 1),
        Some(b) if b.is_ascii() => (b.is_ascii_alphabetic(), 1),
        Some(_) => text[i..]
            .chars()
            .next()
            .map_or((false, 1), |c| (c.is_alphabetic(), c.len_utf8())),
    }
}

/// Builds the cast from every mention and picks the traveller.
fn choose_traveller(parsed: &[Parsed<'_>], cast: &mut Cast, titled: bool) -> Option<PersonId> {
    let first_person = speaks_in_first_person(parsed);
    let mut sightings = Vec::new();
    // titles that fit nobody named ("The Secretary-General will travel to ...")
    let mut unresolved = Vec::new();
    // a title's surnames, known only once the text has named them in full ("Ruiz in Lima")
    let mut title_surnames = Vec::new();
    for p in parsed {
        let title = titled && p.sentence.paragraph == 0;
        for m in &p.people {
            if let Some(person) = cast.observe(m) {
                let sighting = Sighting::new(
                    &p.sentence.text,
                    m,
                    person,
                    first_person && byline(&p.sentence.text, m),
                    title,
                );
                if cast.salience.len() <= person {
                    cast.salience.resize(person + 1, 0);
                }
                cast.salience[person] += sighting.evidence;
                sightings.push(sighting);
            } else if title && m.form == Form::Surname {
                title_surnames.push((p.sentence.text.as_str(), m));
            } else {
                unresolved.push((p.sentence.text.as_str(), m));
            }
        }
    }
    for (sentence, m) in title_surnames {
        if let Some(person) = cast.lookup(m) {
            sightings.push(Sighting::new(sentence, m, person, false, true));
        }
    }
    cast.salience.clear();
    let chosen = traveller::choose(&sightings, cast);
    let named = chosen.map(|(id, _)| id);
    let travels = |id: PersonId| {
        sightings
            .iter()
            .any(|s| s.person == id && traveller::travelling(s))
    };
    // a title that fits nobody named and is told travelling ("The Secretary-General will
    // travel to ...") stands for the traveller when nobody named travels, or when its
    // sightings weigh more ("The Secretary-General arrived ... with X. He and X travelled
    // by road"), before a person named only as met ("he met with the President of Cuba, X")
    let described = traveller::described(unresolved.iter().copied()).and_then(|m| m.role.clone());
    let Some(role) = described.filter(|role| match chosen {
        Some((id, score)) if travels(id) => {
            traveller::office_score(unresolved.iter().copied(), role) > score
        }
        _ => true,
    }) else {
        return named;
    };
    Some(cast.add_known(&crate::domain::Traveller {
        name: role.clone(),
        role: Some(role),
    }))
}

/// "Senator Ana Ruiz, Minister for Foreign Affairs" on a line of its own: the name, and at
/// most a title after a comma, with no sentence around it.
fn byline(line: &str, mention: &PersonMention) -> bool {
    let rest = &line[mention.end..];
    line[..mention.start].trim().is_empty()
        && rest.len() <= 80
        && (rest.trim().is_empty() || rest.starts_with(','))
        && !rest.contains(['.', ';', ':'])
}

/// The ISO codes of the countries a document names, in order of first mention.
fn context_countries(parsed: &[Parsed<'_>]) -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    for p in parsed {
        for name in &p.names {
            if let Some(code) = name.place.country_code.clone()
                && !codes.contains(&code)
            {
                codes.push(code);
            }
        }
    }
    codes
}

/// A line that opens a schedule: "Provisional programme:", "Schedule of the visit:".
static PROGRAMME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:[\w-]+\s+){0,3}(?:programme|program|schedule|itinerary)(?:\s+[\w-]+){0,4}\s*:\s*$")
        .expect("programme pattern compiles")
});

/// Reads one sentence into the story. With `item`, the sentence is an item of a programme
/// (announced for days to come when `item` is `Some(true)`): without a subject ("Talks
/// with ...") it has the traveller as its subject.
fn read_sentence(story: &mut Story<'_>, p: &Parsed<'_>, item: Option<bool>) {
    let text = p.sentence.text.as_str();
    let mut actors = actors(story, p);
    let implied_subject = item.is_some()
        && !actors
            .iter()
            .any(|a| matches!(a.who, Who::Traveller | Who::Party | Who::Entourage));
    if implied_subject {
        actors.insert(
            0,
            Actor {
                start: 0,
                end: 0,
                who: Who::Traveller,
            },
        );
    }
    // a bare word that names nobody known ("Hatay") may still be a place
    let names: Vec<(usize, usize)> = p
        .people
        .iter()
        .filter(|m| m.name.is_some() && (!m.bare || story.cast.lookup(m).is_some()))
        .map(|m| (m.name_start, m.end))
        .collect();
    let paragraph = p.sentence.paragraph;
    if let Some((id, _)) = story.topic.filter(|&(_, at)| at == paragraph) {
        pronouns_of_the_topic(text, id, &mut actors);
    }
    story.topic = topic(text, &actors).map(|id| (id, paragraph));
    object_after_a_host(text, &mut actors);
    let context: Vec<&str> = story.context.iter().map(String::as_str).collect();
    let places = places::mentions_in(text, story.gazetteer, &context, &names, &p.names, p.words);
    let mut reading = Reading::new(p.sentence, actors, places);
    reading.announced = item == Some(true);
    reading.item = item.is_some();
    let raw = dates::mentions(text);
    reading.dates = story.resolve_dates(&reading, raw);
    let companions = companions(&story.cast);
    story.read(&reading, &companions);
}

/// "For the President the day had begun earlier. He spent the morning ...": a "He" or "She"
/// opening the sentence (or after who reports it: "Downing Street says he") after one about
/// someone else alone is that person, and so are the pronouns of the same set after it, up to
/// the traveller named.
fn pronouns_of_the_topic(text: &str, id: PersonId, actors: &mut [Actor]) {
    // ("Downing Street says he will fly back": the same, after who reports it)
    let reported = || {
        let first = actors.first()?;
        let pronoun = &text[first.start..first.end];
        (matches!(pronoun, "he" | "she") && REPORTED_BY.is_match(&text[..first.start]))
            .then_some(pronoun == "she")
    };
    let Some(feminine) = ["He ", "She "]
        .iter()
        .position(|p| text.starts_with(p))
        .map(|k| k == 1)
        .or_else(reported)
    else {
        return;
    };
    for actor in actors.iter_mut() {
        if actor.who != Who::Traveller {
            continue;
        }
        let same_set = pronoun_is_feminine(&text[actor.start..actor.end]) == Some(feminine);
        if !same_set {
            // the traveller named or pointed at otherwise
            return;
        }
        actor.who = Who::Person(id);
    }
}

/// "The President was welcomed by Dahl and then held talks with him": after the traveller as
/// the subject, "and ... with him" or "with her" is the last other person named (the subject
/// would be "himself"), unless a relative clause makes that person the subject ("Dahl, who
/// ...", "where Dahl met with him").
fn object_after_a_host(text: &str, actors: &mut [Actor]) {
    if actors.first().is_none_or(|a| a.who != Who::Traveller) {
        return;
    }
    for k in 1..actors.len() {
        let actor = actors[k];
        let pronoun = &text[actor.start..actor.end];
        let object = actor.who == Who::Traveller
            && (pronoun == "him" || pronoun == "her")
            && text[..actor.start].ends_with("with ");
        if !object {
            continue;
        }
        let Some(last) = actors[..k]
            .iter()
            .rev()
            .find(|a| !matches!(a.who, Who::Nobody))
            .copied()
        else {
            continue;
        };
        let Who::Person(id) = last.who else {
            continue;
        };
        // the traveller's next deed, joined by "and"
        let between = &text[last.end..actor.start];
        let relative = [" who ", " whom ", " which ", " where ", "; "]
            .iter()
            .any(|w| between.contains(w));
        if between.contains(" and ") && !relative {
            actors[k].who = Who::Person(id);
        }
    }
}

/// Who reports what follows, without a person's name: "Downing Street says ", "The ministry
/// said that ".
static REPORTED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:The\s+)?(?:\p{Lu}[\w'-]*\s+){1,3}(?:says|said|announced|confirmed)\s+(?:that\s+)?$",
    )
    .expect("reported-by pattern compiles")
});

/// The one person a sentence is about when it names nobody else and not the traveller, and
/// opens with that person ("Vik's day had begun earlier", "For Vik, ...").
fn topic(text: &str, actors: &[Actor]) -> Option<PersonId> {
    let Some(Actor {
        who: Who::Person(id),
        start,
        ..
    }) = actors.first()
    else {
        return None;
    };
    let lead = text[..*start].trim();
    // ("10:40 - The prime minister leaves.": after an item's time stamp)
    let stamp = lead.trim_end_matches(['-', '\u{2013}', '\u{2014}', ' ']);
    let stamped = timed_item(&text[..*start]) && stamp.len() <= 5;
    let opens = lead.is_empty() || lead == "For" || stamped;
    (opens && actors.iter().all(|a| a.who == Who::Person(*id))).then_some(*id)
}

/// "he", "she", "his": the traveller. "the couple", "the delegation", "the two leaders",
/// "they": a group with the traveller; "the mission flew on", "the plane lands", "the
/// presidential aircraft, Air One, took off": the traveller's party.
static PRONOUN: LazyLock<Regex> = LazyLock::new(|| pronoun_pattern(&format!("{PERSONAL}|{PAIR}")));

/// [`PRONOUN`] matched only where it starts, at a word's start: on the text from there.
static PRONOUN_AT: LazyLock<Regex> =
    LazyLock::new(|| pronoun_pattern(&format!("^(?:{PERSONAL}|{PAIR})")));

/// "the two ... met" matched where it starts, at the end of a longer word ("bathe two"):
/// the other alternatives want a word boundary there.
static PAIR_AT: LazyLock<Regex> = LazyLock::new(|| pronoun_pattern(&format!("^{PAIR}")));

/// The alternatives of [`PRONOUN`] that start at a word boundary.
const PERSONAL: &str = r"(?-u:\b)(?P<one>he|she|him|his|her)(?-u:\b)|(?-u:\b)(?P<own>the\s+(?:presidential\s+|royal\s+|imperial\s+|princely\s+)?couple|(?:the|his|her)\s+delegation|(?:the|his|her)\s+(?:official\s+|state\s+|working\s+|two-day\s+|three-day\s+)?(?:visit|trip|tour|stay|programme|mission\s+(?:began|started|opened|ended|concluded)))(?-u:\b)|(?-u:\b)(?P<group>the\s+(?:two|three|four)\s+(?:leaders|(?:prime\s+|foreign\s+)?ministers|premiers|sides|delegations|presidents|(?:general\s+|foreign\s+)?secretaries|chancellors|heads\s+of\s+(?:state|government)|of\s+them|men|women)|both\s+(?:leaders|(?:prime\s+|foreign\s+)?ministers|presidents|men|women|sides)|the\s+pair|the\s+(?:leaders|ministers|visitors|presidents|premiers|prime\s+ministers)|they|them)(?-u:\b)|(?-u:\b)(?P<moving>the\s+(?:mission|group|party|(?:presidential\s+|royal\s+|official\s+)?(?:plane|aircraft|jet|motorcade)(?:,\s+[A-Z][\w-]*(?:\s+[A-Z0-9][\w-]*){0,3},)?))\s+(?:then\s+|later\s+|also\s+)?(?:ha[sd]\s+|have\s+)?(?:flew|flown|flies|travell?ed|travels|returned|returns|left|leaves|departed|departs|arrived|arrives|landed|lands|touched\s+down|touches\s+down|took\s+off|takes\s+off|lifted\s+off|lifts\s+off|went|drove|headed|heads|proceeded|continued)(?-u:\b)";

/// The last alternative of [`PRONOUN`]: "the two" before what they did.
const PAIR: &str = r"(?P<pair>the\s+two)\s+(?:then\s+|also\s+|later\s+|jointly\s+)?(?:held|hold|spoke|speak|gave|give|appeared|appear|addressed|address|met|meet|told|briefed|took|had|attended|attend|visited|visit|toured|tour|laid|lay|walked|walk|signed|sign)(?-u:\b)";

fn pronoun_pattern(alternatives: &str) -> Regex {
    Regex::new(&format!("(?i){alternatives}")).expect("pronoun pattern compiles")
}

/// What news reports call the one they follow, whoever it is: "the pontiff", "the pope", "the
/// U.N. chief", "the visiting minister", "the visitor", the hosts' "his guest", "their guest".
static EPITHET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:[Tt]he\s+(?:pontiff|pope|U\.N\.\s+chief|UN\s+chief|visitor|mediator|visiting\s+(?:[a-z]+\s+)?(?:minister|president|premier|leader|secretary|chancellor|dignitary))|(?:his|her|their)\s+(?:guest|visitor))(?-u:\b)")
        .expect("epithet pattern compiles")
});

/// "I", "me", "my" outside quotation marks.
static FIRST_PERSON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:I|me|my|My|myself)(?-u:\b)").expect("pronoun pattern compiles")
});

/// The byte offsets of "I", "me", "my" in `text` that are not inside a quotation.
fn first_person_at(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    FIRST_PERSON
        .find_iter(text)
        .filter(|m| !reading::inside_quotation(&text[..m.start()]))
        .map(|m| (m.start(), m.end()))
}

/// A release in the traveller's own voice: "I" outside quotations in two sentences or more.
fn speaks_in_first_person(parsed: &[Parsed]) -> bool {
    // "Noon briefing by X, Spokesman for the Secretary-General" at the head of the text: the
    // one speaking tells of someone else's travels
    let spokesperson = parsed.iter().take(3).any(|p| {
        p.people.iter().any(|m| {
            crate::fold::contains_ascii_in_any_case(&p.sentence.text[m.start..m.end], "spokes")
        })
    });
    !spokesperson
        && parsed
            .iter()
            .filter(|p| !p.sentence.heading)
            // the words looked at first: most sentences have no "I"
            .filter(|p| p.words.iter().any(|w| w.text == "I"))
            .filter(|p| {
                first_person_at(&p.sentence.text).any(|(a, b)| &p.sentence.text[a..b] == "I")
            })
            .count()
            >= 2
}

fn actors(story: &mut Story<'_>, p: &Parsed<'_>) -> Vec<Actor> {
    let (text, people) = (p.sentence.text.as_str(), p.people.as_slice());
    let traveller = story.cast.traveller;
    let mut out: Vec<Actor> = Vec::new();
    if story.first_person {
        out.extend(first_person_at(text).map(|(start, end)| Actor {
            start,
            end,
            who: Who::Traveller,
        }));
    }
    for (whole, who) in pronouns(text) {
        // "his counterpart": a possessive opening a description is part of it
        let inside_name = people.iter().any(|m| {
            (m.name.is_some() || m.start == whole.start)
                && m.start < whole.end
                && whole.start < m.end
        });
        // "Her Majesty Queen Elizabeth II", "His Excellency": a style, nobody's pronoun
        let style = STYLES
            .iter()
            .any(|w| text[whole.end..].trim_start().starts_with(w));
        if !inside_name && !style {
            out.push(Actor {
                start: whole.start,
                end: whole.end,
                who,
            });
        }
    }
    // "The three then held talks with X": a sentence opening on the number of those who
    // went together is about the traveller's party
    if let Some(opening) = ["The two ", "The three ", "The four "]
        .iter()
        .find(|o| text.starts_with(*o))
        && text[opening.len()..]
            .split(' ')
            .next()
            .is_some_and(|w| matches!(w, "then" | "later" | "also" | "jointly" | "held" | "met"))
        && !out.iter().any(|a| a.start < opening.len())
    {
        out.push(Actor {
            start: 0,
            end: opening.len() - 1,
            who: Who::Party,
        });
    }
    // "EAM arrived in Moscow": the initials of the traveller's title
    if let Some(role) = traveller.and_then(|t| story.cast.person(t).role.as_deref()) {
        for w in p.words {
            let Some(letters) = initials_in(w.text) else {
                continue;
            };
            let of_title = title_initials(role).eq(letters.chars());
            if of_title && !out.iter().any(|a| a.start < w.end && w.start < a.end) {
                out.push(Actor {
                    start: w.start,
                    end: w.start + letters.len(),
                    who: Who::Traveller,
                });
            }
        }
    }
    for m in people {
        if out.iter().any(|a| a.start < m.end && m.start < a.end) {
            continue;
        }
        // "the mausoleum of the late President X": the dead are met by nobody
        let late = text[..m.start].ends_with("late ") || text[m.start..m.end].contains(" late ");
        let who = match story.cast.observe(m) {
            Some(_) if late => Who::Nobody,
            Some(id) if Some(id) == traveller => Who::Traveller,
            Some(id) => Who::Person(id),
            None if m.bare => continue,
            None if m.form == Form::Description && describes_traveller(story, m, p) => {
                if let Some(t) = traveller {
                    // "The President of Russia has arrived": the title of a traveller the
                    // text first named bare, for "the President" later on
                    story.cast.adopt_title(t, m);
                }
                Who::Traveller
            }
            None => Who::Nobody,
        };
        out.push(Actor {
            start: m.start,
            end: m.end,
            who,
        });
    }
    // "the pontiff", "the U.N. chief", "the visiting minister": a news report's names for
    // the one it follows
    if ["ontiff", "ope", "chief", "visit", "guest", "mediator"]
        .iter()
        .any(|w| text.contains(w))
    {
        for m in EPITHET.find_iter(text) {
            // "the visiting minister" read as a title that fits nobody known is the traveller
            // (and "his guest" is no "his")
            let overlaps = |a: &Actor| a.start < m.end() && m.start() < a.end;
            let pronoun = |a: &Actor| matches!(&text[a.start..a.end], "his" | "her" | "their");
            if out
                .iter()
                .all(|a| !overlaps(a) || a.who == Who::Nobody || pronoun(a))
            {
                out.retain(|a| !overlaps(a));
                out.push(Actor {
                    start: m.start(),
                    end: m.end(),
                    who: Who::Traveller,
                });
            }
        }
    }
    // "His Highness arrived from Abu Dhabi": a style alone stands for the traveller the text
    // first named with it
    let doc_text = &story.doc.text;
    let styled = *story
        .styled
        .get_or_insert_with(|| BARE_STYLES.iter().any(|w| doc_text.contains(w)));
    if let Some(t) = traveller
        && styled
    {
        for m in BARE_STYLE
            .captures_iter(text)
            .filter_map(|c| c.name("style"))
        {
            let taken = out.iter().any(|a| a.start < m.end() && m.start() < a.end);
            if !taken
                && styled_so(
                    &story.doc.text,
                    &text[m.start()..m.end()],
                    &story.cast.person(t).name,
                )
            {
                out.push(Actor {
                    start: m.start(),
                    end: m.end(),
                    who: Who::Traveller,
                });
            }
        }
    }
    out.sort_by_key(|a| a.start);
    if let Some(feminine) = story.feminine {
        others_pronouns(text, feminine, &mut out);
    }
    subject_pronouns_of_another(text, &mut out);
    possessive_of_another_subject(text, &mut out);
    out
}

/// Words after "His" or "Her" that make it a style ("Her Majesty"), nobody's pronoun.
const STYLES: [&str; 4] = ["Majesty", "Highness", "Excellency", "Royal"];

/// The styles that stand for a person when nothing follows them ("His Highness arrived").
const BARE_STYLES: [&str; 3] = ["Highness", "Majesty", "Excellency"];

/// A style with no name or title after it ("His Highness received ...").
static BARE_STYLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?P<style>(?:His|Her)\s+(?:Highness|Majesty|Excellency))(?:\s+(?:the\s+)?[a-z]|[,.;]|$)")
        .expect("bare-style pattern compiles")
});

/// True when `text` names `name` with `style` before it ("His Highness Sheikh Mohamed bin
/// Zayed"), up to two words between them.
fn styled_so(text: &str, style: &str, name: &str) -> bool {
    let style: String = style
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    let Some(first) = name.split_whitespace().next() else {
        return false;
    };
    text.match_indices(style.as_str()).any(|(at, _)| {
        let rest = &text[at + style.len()..];
        rest.split_whitespace()
            .take(3)
            .any(|w| w.trim_matches(|c: char| !c.is_alphanumeric()) == first)
    })
}

/// Whether a personal pronoun is feminine ("she", "her"), masculine ("he", "him", "his"),
/// or neither.
fn pronoun_is_feminine(word: &str) -> Option<bool> {
    let is = |forms: [&str; 4]| forms.iter().any(|f| word.eq_ignore_ascii_case(f));
    if is(["she", "her", "hers", "herself"]) {
        Some(true)
    } else if is(["he", "him", "his", "himself"]) {
        Some(false)
    } else {
        None
    }
}

/// The pronouns of the traveller, when the text uses one set at least three times as often as
/// the other (and at least three times): most of a report's pronouns are the traveller's.
/// "Her Majesty", "His Excellency" are styles, not pronouns.
fn pronoun_gender(parsed: &[Parsed<'_>]) -> Option<bool> {
    let (mut feminine, mut masculine) = (0usize, 0usize);
    for p in parsed {
        for (k, w) in p.words.iter().enumerate() {
            // (most words are longer than any pronoun)
            if w.text.len() > 7 {
                continue;
            }
            let style = p
                .words
                .get(k + 1)
                .is_some_and(|next| STYLES.contains(&next.text));
            match (pronoun_is_feminine(w.text), style) {
                (Some(true), false) => feminine += 1,
                (Some(false), false) => masculine += 1,
                _ => {}
            }
        }
    }
    if feminine >= 3 && feminine >= 3 * masculine {
        Some(true)
    } else if masculine >= 3 && masculine >= 3 * feminine {
        Some(false)
    } else {
        None
    }
}

/// "Minister Ruiz will stay on: on Friday she is expected in Brussels", in a report whose
/// traveller is "he": a pronoun of the other set is the person named before it in the
/// sentence, or nobody the story follows.
fn others_pronouns(text: &str, feminine: bool, actors: &mut [Actor]) {
    let mut named = None;
    for actor in actors.iter_mut() {
        match actor.who {
            Who::Person(id) => named = Some(id),
            Who::Traveller
                if pronoun_is_feminine(&text[actor.start..actor.end])
                    .is_some_and(|f| f != feminine) =>
            {
                actor.who = named.map_or(Who::Nobody, Who::Person);
            }
            _ => {}
        }
    }
}

/// "Russian President X is to give his annual address": a "his" or "her" that the verb of
/// someone else opening the sentence leads to, nobody named between, is that person's.
/// "X hosted a dinner in her honour" still honours the traveller.
fn possessive_of_another_subject(text: &str, actors: &mut [Actor]) {
    let Some(id) = opening_person(text, actors) else {
        return;
    };
    let [first, second, ..] = actors else {
        return;
    };
    let word = &text[second.start..second.end];
    let possessive = word == "his" || word == "her";
    let verb_phrase = &text[first.end..second.start];
    let words = verb_phrase.split_whitespace().count();
    let lower = verb_phrase
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b == b' ' || b == b'-');
    let rest = &text[second.end..];
    let noun = crate::extract::reading::before_noun(rest);
    let honour = rest.trim_start().starts_with("hono");
    if possessive && (1..=8).contains(&words) && lower && noun && !honour {
        second.who = Who::Person(id);
    }
}

/// The person other than the traveller whom the sentence opens with (a word such as "Then"
/// may come first), if any.
fn opening_person(text: &str, actors: &[Actor]) -> Option<PersonId> {
    let first = actors.first()?;
    // ("Turning to Libya: the Coordinator, X, is on his way"): after a colon, too
    // ("the Relief Coordinator, X, is on his way": the title in apposition before the name)
    let lead = text[..first.start].rsplit(':').next().unwrap_or("");
    let title = lead.trim().strip_suffix(',').is_some_and(|t| {
        let mut words = t.split_whitespace();
        words.next().is_some_and(|w| w.eq_ignore_ascii_case("the"))
            && t.split_whitespace().count() <= 6
            && words.all(|w| w.starts_with(char::is_uppercase))
    });
    let opens = lead.split_whitespace().count() <= 1 || title;
    match first.who {
        Who::Person(id) if opens => Some(id),
        _ => None,
    }
}

/// "French President X was also in Beirut, where he met President Y", "The Deputy, X, is in
/// Brussels today, where he met Y": a "he" or "she" after
/// someone else whose whereabouts the sentence opens with, the traveller not named between,
/// is that person.
fn subject_pronouns_of_another(text: &str, actors: &mut [Actor]) {
    static WAS_IN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^,?(?:\s*,[^,]{1,60},)?\s*(?:(?:was|were|is|are|had\s+been|has\s+been)\s+(?:also\s+|already\s+|then\s+|now\s+|currently\s+)?(?:in|at|visiting)\s|(?:is|was)\s+(?:already\s+)?on\s+(?:his|her)\s+way\s)",
        )
        .expect("presence pattern compiles")
    });
    let Some(id) = opening_person(text, actors) else {
        return;
    };
    // the sentence opens with where the person was ("Chilean President X was in ...")
    if !WAS_IN.is_match(&text[actors[0].end..]) {
        return;
    }
    for actor in actors.iter_mut().skip(1) {
        let word = &text[actor.start..actor.end];
        // ("X is on his way ..., from where he will travel")
        let subject_pronoun = ["he", "she", "his", "her"]
            .iter()
            .any(|p| word.eq_ignore_ascii_case(p));
        if actor.who == Who::Traveller && !subject_pronoun {
            // the traveller named or pointed at: later pronouns may be the traveller's
            return;
        }
        if subject_pronoun {
            actor.who = Who::Person(id);
        }
    }
}

/// The capitals of a title's words: "EAM" for "External Affairs Minister", "PM" for "Prime
/// Minister".
fn title_initials(role: &str) -> impl Iterator<Item = char> + '_ {
    role.split([' ', '-'])
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
}

/// A word of two to four capital letters, maybe with a possessive: its letters ("EAM's").
fn initials_in(word: &str) -> Option<&str> {
    let letters = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .unwrap_or(word);
    ((2..=4).contains(&letters.len()) && letters.bytes().all(|b| b.is_ascii_uppercase()))
        .then_some(letters)
}

/// What [`PRONOUN`] finds in `text`, left to right: each match's span (for "the two ...
/// met", "the two") and what it stands for.
fn pronouns(text: &str) -> Vec<(Range<usize>, Who)> {
    if !text.is_ascii() {
        return PRONOUN
            .find_iter(text)
            .filter_map(|found| pronoun(text, found))
            .collect();
    }
    // in ASCII text a match starts at a word ("he", "the", "both"), or, for "the two ...
    // met" alone, at the end of a longer one: the pattern is tried at those starts only,
    // skipping those inside the last match, as a search of the whole text would. Each of
    // those words has an "h": the words around one are looked at
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    for h in memchr::memchr2_iter(b'h', b'H', bytes) {
        let run = word_around(bytes, h);
        if run.start < from {
            continue;
        }
        let word = &bytes[run.clone()];
        let len = word.len();
        // the regex wants a space after "the" and "both"
        let spaced = || bytes.get(run.end).is_some_and(|&b| pattern_space(b));
        let (start, pattern) =
            if (2..=4).contains(&len) && matches!(word[0] | 0x20, b'h' | b's' | b't' | b'b') {
                let eq = |w: &[u8]| word.eq_ignore_ascii_case(w);
                if [&b"he"[..], b"she", b"him", b"his", b"her"]
                    .into_iter()
                    .any(eq)
                {
                    // the first alternative, whole
                    from = run.end;
                    out.push((run, Who::Traveller));
                    continue;
                } else if eq(b"they") || eq(b"them") {
                    from = run.end;
                    out.push((run, Who::Party));
                    continue;
                } else if (eq(b"the") || eq(b"both")) && spaced() {
                    (run.start, &PRONOUN_AT)
                } else {
                    continue;
                }
            } else if len > 3
                && h == run.end - 2
                && word[len - 3..].eq_ignore_ascii_case(b"the")
                && spaced()
            {
                (run.end - 3, &PAIR_AT)
            } else {
                continue;
            };
        // most "the" start no match: asked first, as cheaper than the groups
        let rest = &text[start..];
        if pattern.is_match(rest)
            && let Some(caps) = pattern.captures(rest)
            && let (Some(whole), Some(found)) = (caps.get(0), stands_for(&caps, start))
        {
            from = start + whole.end();
            out.push(found);
        }
    }
    out
}

/// The run of word characters (ASCII letters, digits, `_`, as the pattern's word boundaries
/// cut them) around byte `at` of `bytes`, one of them.
fn word_around(bytes: &[u8], at: usize) -> Range<usize> {
    let word = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_';
    let start = bytes[..at]
        .iter()
        .rposition(|b| !word(b))
        .map_or(0, |i| i + 1);
    let end = bytes[at..]
        .iter()
        .position(|b| !word(b))
        .map_or(bytes.len(), |i| at + i);
    start..end
}

/// An ASCII byte that `\s` matches (a vertical tab too, unlike `u8::is_ascii_whitespace`).
fn pattern_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ')
}

/// What a match of [`PRONOUN`] stands for, and its span (for "the two ... met", "the two").
/// A lone "he", "his" or "her" can only be the first alternative: the groups are read only
/// for the rarer matches, from the same start.
fn pronoun(text: &str, found: regex::Match<'_>) -> Option<(Range<usize>, Who)> {
    let one = ["he", "she", "him", "his", "her"];
    if one.iter().any(|w| w.eq_ignore_ascii_case(found.as_str())) {
        return Some((found.range(), Who::Traveller));
    }
    stands_for(&PRONOUN.captures_at(text, found.start())?, 0)
}

/// The span and reading of a match of [`PRONOUN`] by its groups; `offset` is where the
/// searched text starts.
fn stands_for(caps: &regex::Captures<'_>, offset: usize) -> Option<(Range<usize>, Who)> {
    let whole = caps
        .name("pair")
        .or_else(|| caps.name("moving"))
        .or_else(|| caps.get(0))?;
    let who = if caps.name("one").is_some() {
        Who::Traveller
    } else if caps.name("own").is_some() || caps.name("moving").is_some() {
        Who::Entourage
    } else {
        Who::Party
    };
    Some((offset + whole.start()..offset + whole.end(), who))
}

/// "the Indian leader" for a prime minister whose country the text never gave: a title
/// that fits the traveller's office, with a country other than the host's.
fn describes_traveller(story: &Story<'_>, mention: &PersonMention, p: &Parsed<'_>) -> bool {
    let Some(t) = story.cast.traveller else {
        return false;
    };
    // "President X welcomed his Chilean counterpart" where the story is in Argentina: the
    // visitor, when the one whose counterpart it is holds the traveller's office (not "the
    // Foreign Minister met her Kenyan counterpart" during a president's visit)
    let office_word = |role: &str| {
        canonical_role(role, None)
            .split_whitespace()
            .next()
            .map(str::to_owned)
    };
    let same_office = || {
        let possessor = p
            .people
            .iter()
            .rfind(|m| m.end <= mention.start)
            .and_then(|m| m.role.as_deref())
            .and_then(office_word);
        possessor.is_some()
            && possessor.as_deref() == story.cast.office(t).split_whitespace().next()
    };
    if mention
        .role
        .as_deref()
        .is_some_and(|r| r.ends_with("counterpart"))
        && let Some(country) = mention.country.as_deref()
        && same_office()
    {
        let own = story.cast.person(t).country.as_deref() == Some(country);
        let visiting = story
            .location
            .as_ref()
            .is_some_and(|here| here.country.is_some() && here.country.as_deref() != Some(country));
        return own || visiting;
    }
    let office = story.cast.office(t);
    let described = canonical_role(
        mention.role.as_deref().unwrap_or(""),
        mention.country.as_deref(),
    );
    if office.is_empty() {
        // "welcomed the Russian President" in Abu Dhabi, of a traveller the text names
        // without a title: a leader of a country other than where the traveller is
        let Some(country) = mention.country.as_deref() else {
            return false;
        };
        // before the traveller is anywhere: a leader of none of the other countries the
        // sentence names ("The President of Russia has arrived in Beijing")
        let code = story.gazetteer.country(country).map(|c| c.code.as_str());
        let elsewhere = || {
            code.is_some()
                && p.names.iter().all(|n| {
                    n.span.start >= mention.start && n.span.end <= mention.end
                        || n.place.country_code.as_deref() != code
                })
        };
        // "president russia": the office with the country it is of
        let leader = LEADERS.iter().any(|l| {
            described
                .strip_prefix(l)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        });
        return leader
            && match &story.location {
                Some(here) => here.country.is_some() && here.country.as_deref() != Some(country),
                None => elsewhere(),
            };
    }
    // ("the Russian President" of the traveller first called "the President of Russia")
    let with_country = || {
        mention.country.as_deref().is_some_and(|c| {
            office
                .strip_prefix(described.as_str())
                .and_then(|rest| rest.strip_prefix(' '))
                .is_some_and(|rest| rest == crate::fold::fold(c))
        })
    };
    office == described || described == "leader" && mention.country.is_some() || with_country()
}

/// Offices whose holder is a country's voice abroad.
const LEADERS: &[&str] = &[
    "president",
    "prime minister",
    "chancellor",
    "leader",
    "foreign minister",
];

/// People who travel with the traveller (a spouse), never counterparts. A spouse sharing
/// the surname of another person of the text is that person's ("the President and his wife
/// Ana Vik" received the traveller), not the traveller's.
fn companions(cast: &Cast) -> Vec<PersonId> {
    let surname = |id: PersonId| {
        cast.person(id)
            .name
            .split_whitespace()
            .last()
            .map(crate::fold::fold)
    };
    // most casts have no spouse: surnames are folded only for one
    (0..cast.people().len())
        .filter(|&id| {
            let office = cast.office(id);
            ["wife", "husband", "spouse"]
                .iter()
                .any(|w| office.ends_with(w))
        })
        .filter(|&id| {
            let own = surname(id);
            !(0..cast.people().len())
                .any(|other| other != id && Some(other) != cast.traveller && surname(other) == own)
        })
        .collect()
}

/// Meetings in a short remark whose implied subject is the traveller ("Met with Prime
/// Minister Harper. Attended the G-20 Summit."), as in records of official travel, read with
/// the same rules as documents. Dates default to `date`, places to `place`. Each meeting's
/// source gives the sentence and its byte span in `remark` (the document name is left empty
/// for the caller to fill).
pub fn meetings_in_remark(
    remark: &str,
    date: chrono::NaiveDate,
    place: Option<&crate::domain::Place>,
    traveller: &Traveller,
    gazetteer: &Gazetteer,
) -> Vec<MeetingDraft> {
    let doc = Document {
        name: String::new(),
        published: crate::domain::Published::Day(date),
        title: None,
        text: remark.to_owned(),
        body_start: 0,
    };
    let mut cast = Cast::new();
    cast.traveller = Some(cast.add_known(traveller));
    let mut calendar = Calendar::new(doc.published);
    calendar.anchor = Some(date);
    let mut story = Story::new(&doc, gazetteer, calendar, cast);
    story.location = place.cloned();
    for mut sentence in segment::sentences(&doc) {
        // a remark line without a full stop is still a statement, not a headline
        sentence.heading = false;
        let words = segment::words(&sentence.text);
        read_sentence(
            &mut story,
            &Parsed::new(&sentence, &words, gazetteer),
            Some(false),
        );
    }
    let (_, meetings, _) = story.finish();
    meetings.into_iter().map(|m| m.meeting).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::MeetingKind;

    fn remark(text: &str) -> Vec<MeetingDraft> {
        let date = chrono::NaiveDate::from_ymd_opt(2009, 4, 2).expect("valid date");
        let traveller = Traveller {
            name: "Jane Doe".into(),
            role: Some("Secretary of State".into()),
        };
        let place = crate::domain::Place::named("London");
        meetings_in_remark(text, date, Some(&place), &traveller, Gazetteer::global())
    }

    #[test]
    fn clock_times_read_stamps_and_hours_in_either_notation() {
        assert_eq!(
            clock_times("08:30 - The pool gathers."),
            (Some(510), Some(510))
        );
        assert_eq!(
            clock_times("1:30 p.m. - Lunch, then talks until 3:15 pm."),
            (Some(810), Some(915))
        );
        assert_eq!(
            clock_times("She landed shortly before 21:00."),
            (None, Some(1260))
        );
        assert_eq!(clock_times("12:05 a.m. - Arrival."), (Some(5), Some(5)));
        // three digits after the colon make no hour
        assert_eq!(clock_times("The vote was 3:123."), (None, None));
        assert_eq!(clock_times("No hour here: none."), (None, None));
    }

    proptest::proptest! {
        #[test]
        fn function_words_are_counted_over_runs_of_letters(text in "\\PC{0,80}|[a-zA-Z .,'-]{0,80}") {
            let words: Vec<&str> = text
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .collect();
            let common = words
                .iter()
                .filter(|w| function_word(w))
                .count();
            proptest::prop_assert_eq!(function_words(&text), (words.len(), common));
        }
    }

    proptest::proptest! {
        #[test]
        fn pronouns_are_found_as_by_a_search_of_the_whole_text(
            text in "((the|The|THE|both|he|She|her|his|they|them|two|met|held|then|leaders|visit|bathe|x_the|5the|e|o|[ ,.]|delegation|official|mission|group|flew|left|took|off|\u{e9})[ \t\u{b},.]{0,2}){0,14}"
        ) {
            let searched: Vec<_> = PRONOUN
                .find_iter(&text)
                .filter_map(|found| pronoun(&text, found))
                .collect();
            proptest::prop_assert_eq!(pronouns(&text), searched);
        }
    }

    #[test]
    fn function_words_are_known_in_any_case() {
        for word in ["the", "The", "THE", "a", "A", "from", "From", "who", "WiLl"] {
            assert!(function_word(word), "{word}");
        }
        for word in [
            "",
            "thee",
            "th",
            "b",
            "fromm",
            "whom",
            "théé",
            "statement",
            "Über",
        ] {
            assert!(!function_word(word), "{word}");
        }
    }

    /// A meeting as the test sees it: kind and participant names.
    type Seen = (MeetingKind, Vec<String>);

    fn summary(meetings: &[MeetingDraft]) -> Vec<Seen> {
        meetings
            .iter()
            .map(|m| {
                (
                    m.kind,
                    m.participants.iter().map(|p| p.name.clone()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn remarks_have_the_traveller_as_implied_subject() {
        let cases: &[(&str, Vec<Seen>)] = &[
            (
                "Met with Prime Minister Tom Olsen.",
                vec![(MeetingKind::Meeting, vec!["Tom Olsen".into()])],
            ),
            (
                "Met with Queen Ingrid II and Prime Minister Olsen.",
                vec![(
                    MeetingKind::Meeting,
                    vec!["Ingrid II".into(), "Olsen".into()],
                )],
            ),
            (
                "Attended the G-20 Economic Summit Meeting.",
                vec![(MeetingKind::Conference, vec![])],
            ),
            (
                "Met with NATO Allies and partners.",
                vec![(MeetingKind::Meeting, vec![])],
            ),
            ("Discussed trade policy", vec![]),
        ];
        for (text, expected) in cases {
            let found = remark(text);
            assert_eq!(summary(&found), *expected, "{text}");
            for m in &found {
                let source = m.source.as_ref().expect("a source");
                assert_eq!(&text[source.start..source.end], source.sentence);
                assert_eq!(m.place.as_ref().map(|p| p.name.as_str()), Some("London"));
            }
        }
    }
}
