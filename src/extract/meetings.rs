//! Meetings: the traveller's engagements in one sentence — talks and meetings, meals, press
//! events, ceremonies, site visits, town halls, conferences, addresses — with the people
//! taking part, named or resolved from a title. An event word ("luncheon", "stakeout",
//! "tête-à-tête") decides the kind; a verb before it ("hosted ... for a working luncheon",
//! "was received by ... for a meeting") brings the people. An engagement counts only when the
//! traveller takes part. Phone calls and video messages are not engagements. Pure.

use std::sync::LazyLock;

use regex::Regex;

use crate::domain::MeetingKind;
use crate::extract::cast::PersonId;
use crate::extract::places::{PlaceKind, PlaceMention};
use crate::extract::reading::{Reading, Who};

/// An engagement read from one sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct MeetingFact {
    /// Byte offset of the event word in the sentence.
    pub at: usize,
    pub kind: MeetingKind,
    pub participants: Vec<PersonId>,
    /// A place the sentence gives for it ("in Bucha", "at Dublin Castle" gives none).
    pub place: Option<PlaceMention>,
    pub planned: bool,
    /// "several meetings with A, B and C": one engagement per group named.
    pub copies: usize,
    pub rule: &'static str,
}

/// An event word and the kind of engagement it names.
struct EventWord {
    name: &'static str,
    kind: MeetingKind,
    pattern: LazyLock<Regex>,
}

fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).expect("meeting pattern compiles")
}

/// Event words, most specific first; a later word may not overlap an earlier one.
static EVENTS: [EventWord; 9] = [
    EventWord {
        name: "town-hall",
        kind: MeetingKind::TownHall,
        pattern: LazyLock::new(|| compile(r"(?i)\btown[\s-]?hall(?:\s+meeting)?s?\b")),
    },
    EventWord {
        name: "meal",
        kind: MeetingKind::Meal,
        pattern: LazyLock::new(|| {
            compile(r"(?i)\b(?:(?:working|state|official|private|joint|black-tie)\s+(?:[\w-]+\s+)?)?(?:lunch(?:eon)?|dinner|breakfast(?:\s+meeting)?|banquet|supper|brunch|meal)s?\b|\b(?:dined|dining|dine)\b")
        }),
    },
    EventWord {
        name: "press",
        kind: MeetingKind::Press,
        pattern: LazyLock::new(|| {
            compile(r"(?i)\b(?:joint\s+)?(?:press|news|media)\s+(?:conference|encounter|briefing|stakeout|availability|point|event|remarks)s?\b|\b(?:joint\s+)?stakeout\b|\b(?:arrival\s+)?remarks\s+to\s+the\s+(?:press|media)\b|\b(?:spoke|speaking|speak|talked|talking|talk)\s+(?:briefly\s+)?(?:with|to)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:press|media|reporters|journalists|correspondents)\b|\b(?:told|briefed)\s+(?:the\s+)?(?:press|media|reporters|journalists)\b|\binterview\b")
        }),
    },
    EventWord {
        name: "ceremony",
        kind: MeetingKind::Ceremony,
        pattern: LazyLock::new(|| {
            compile(r"(?i)\b(?:[\w-]+\s+)?ceremon(?:y|ies)\b|\bwreath(?:-laying)?\b|\bguard\s+of\s+honou?r\b|\bhonou?r\s+guard\b|\b(?:grand|warm|official|formal|ceremonial)\s+welcome\b")
        }),
    },
    EventWord {
        name: "address",
        kind: MeetingKind::Other,
        pattern: LazyLock::new(|| {
            compile(r"(?i)\b(?:an?\s+)?(?:address|speech|lecture|keynote)\b|\bspeaking\s+to\s+a\s+plenary|\bspoke\s+to\s+a\s+plenary|\b(?:addressed|addressing)\s+(?:the\s+|a\s+)?(?:parliament|national\s+assembly|congress|senate|students|a\s+joint\s+session)\b|\bcall\s+for\s+action\b")
        }),
    },
    EventWord {
        name: "conference",
        kind: MeetingKind::Conference,
        pattern: LazyLock::new(|| {
            compile(r"\b(?:[Ss]ummit|[Cc]onference|[Ff]orum|[Ss]ymposium|[Cc]onvention|[Ss]ession|[Ff]oreign\s+[Mm]inisters'\s+Meeting|[Mm]inisterial\s+[Mm]eeting|[Gg]eneral\s+[Dd]ebate|Congress)\b")
        }),
    },
    EventWord {
        name: "site-visit",
        kind: MeetingKind::SiteVisit,
        pattern: LazyLock::new(|| {
            compile(r"(?i)\b(?:visited|visiting|toured|touring|tour\s+of|tour|went\s+to|go\s+to|going\s+to|was\s+shown\s+around|shown\s+around|inspected|a\s+visit\s+to|paid\s+a\s+(?:short\s+)?visit\s+to|to\s+view)\b")
        }),
    },
    EventWord {
        name: "talks",
        kind: MeetingKind::Meeting,
        pattern: LazyLock::new(|| {
            compile(r"(?i)\b(?:met|meets|meet|meeting|meetings|talks|discussions?|courtesy\s+call|t[eê]te-[aà]-t[eê]te|audience|consultations|conferred|briefed\s+(?:him|her))\b")
        }),
    },
    EventWord {
        name: "reception",
        kind: MeetingKind::Ceremony,
        pattern: LazyLock::new(|| {
            compile(r"(?i)\b(?:welcomed|greeted|greet|greeting|received|hosted|joined)\b")
        }),
    },
];

/// What is not an engagement in person.
static REMOTE: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:telephone|phone|video|virtual|videoconference|online|by\s+video|message|letter|call\s+with)\b")
});

/// "the talks", "the meeting", "a summary of the meeting": a mention of an engagement already
/// reported.
static BACK_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)(?:\b(?:the|this|that|these|those|two|both|their|his|her|its|successive)\s+(?:[\w-]+\s+)?|\bafter\s+|\bfollowing\s+|\bof\s+|\bin\s+)$")
});

/// "several meetings with A, B and C".
static SEVERAL: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b(?:several|separate|multiple|a\s+series\s+of|a\s+number\s+of)\s+$"));

/// The engagements of the traveller in `reading`, in order.
pub fn facts(reading: &Reading<'_>, companions: &[PersonId]) -> Vec<MeetingFact> {
    let hits = event_hits(reading.text);
    let mut out: Vec<MeetingFact> = Vec::new();
    let mut window_start = 0;
    let mut k = 0;
    while k < hits.len() {
        let (start, end, event) = hits[k];
        // a verb of reception followed by an event word in the same clause takes its kind
        let (kind, rule, span_end, next) = merge_light_verb(reading, &hits, k);
        let limit = hits.get(next).map_or(reading.text.len(), |h| h.0);
        let (clause_start, clause_end) = reading.clause(start);
        let window = (window_start.max(clause_start), clause_end.min(window_limit(reading, span_end, limit)));
        window_start = window.1;
        k = next;
        if rejects(reading, start, end, event, kind) {
            continue;
        }
        if let Some(fact) = engagement(reading, start, window, kind, rule, companions) {
            out.push(fact);
        }
    }
    out
}

fn window_limit(reading: &Reading<'_>, span_end: usize, limit: usize) -> usize {
    let (_, clause_end) = reading.clause(span_end);
    clause_end.min(limit.max(span_end))
}

/// Event words of `text` as (start, end, word), in order, without overlaps.
fn event_hits(text: &str) -> Vec<(usize, usize, &'static EventWord)> {
    let mut hits: Vec<(usize, usize, &EventWord)> = Vec::new();
    for event in &EVENTS {
        for m in event.pattern.find_iter(text) {
            if !hits.iter().any(|(s, e, _)| m.start() < *e && *s < m.end()) {
                hits.push((m.start(), m.end(), event));
            }
        }
    }
    hits.sort_by_key(|h| h.0);
    hits
}

/// A reception verb ("hosted", "received", "joined", "welcomed") followed in its clause by an
/// event word: one engagement of the event's kind. Returns the kind, the rule, the end of the
/// combined span and the index of the next hit to read.
fn merge_light_verb(
    reading: &Reading<'_>,
    hits: &[(usize, usize, &'static EventWord)],
    k: usize,
) -> (MeetingKind, &'static str, usize, usize) {
    let (start, end, event) = hits[k];
    let mut kind = event.kind;
    if event.name == "reception" {
        let word = reading.text[start..end].to_lowercase();
        let on_arrival = ARRIVAL.is_match(&reading.text[end..reading.clause(end).1]);
        kind = match word.as_str() {
            "received" | "hosted" | "joined" if !on_arrival => MeetingKind::Meeting,
            _ => MeetingKind::Ceremony,
        };
    }
    let light = matches!(event.name, "reception" | "talks") && reading.text[start..end].len() <= 9;
    if let Some(&(s, e, next)) = hits.get(k + 1) {
        let same_clause = reading.clause(s).0 <= start && s - end <= 70;
        if light && same_clause && next.name != "reception" && next.name != "site-visit" {
            return (next.kind, next.name, e, k + 2);
        }
    }
    (kind, event.name, end, k + 1)
}

static ARRIVAL: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:airport|on\s+arrival|upon\s+arrival|on\s+(?:his|her)\s+arrival|on\s+arriving|tarmac)\b")
});

/// Event words that do not report an engagement here: a back-reference ("the talks"), a
/// phone call, a site visit to a city (that is a leg), "meeting" inside a title.
fn rejects(reading: &Reading<'_>, start: usize, end: usize, event: &EventWord, kind: MeetingKind) -> bool {
    let before = &reading.text[..start];
    let after = reading.text[end..].trim_start();
    let (clause_start, clause_end) = reading.clause(start);
    if REMOTE.is_match(&reading.text[clause_start..clause_end]) && kind == MeetingKind::Meeting {
        return true;
    }
    let word = reading.text[start..end].to_lowercase();
    let noun = !matches!(
        word.as_str(),
        "met" | "meets" | "meet" | "conferred" | "dined" | "dining" | "dine"
    ) && event.name != "reception"
        && event.name != "site-visit";
    let with_someone = after.starts_with("with") || after.starts_with("between");
    if noun && BACK_REFERENCE.is_match(before) && !with_someone && kind != MeetingKind::Conference {
        return true;
    }
    if event.name == "site-visit" {
        return !visits_a_site(reading, end);
    }
    false
}

/// The object of a visiting verb is a site (a building, a camp, "three areas") rather than a
/// city or country, which would make it a leg.
fn visits_a_site(reading: &Reading<'_>, end: usize) -> bool {
    let after = reading.text[end..].trim_start();
    if after.is_empty() || after.starts_with(|c: char| c.is_ascii_punctuation()) {
        return false;
    }
    match reading.place_after(end) {
        Some(p) if p.start <= end + 12 => p.kind == PlaceKind::Site,
        _ => !after.starts_with("to ") && !after.starts_with("see "),
    }
}

/// Builds the engagement at `start` when the traveller takes part in it.
fn engagement(
    reading: &Reading<'_>,
    start: usize,
    window: (usize, usize),
    kind: MeetingKind,
    rule: &'static str,
    companions: &[PersonId],
) -> Option<MeetingFact> {
    let opener = reading.subject_start();
    let window = if start < opener { (0, opener) } else { window };
    let agent = reading.agent(start);
    let involved = matches!(agent, Some(Who::Traveller | Who::Party))
        || start >= opener && reading.traveller_in(window.0, window.1);
    if !involved {
        return None;
    }
    let mut participants: Vec<PersonId> = Vec::new();
    for actor in reading.actors_in(window.0, window.1) {
        if let Who::Person(id) = actor.who {
            if !participants.contains(&id) && !companions.contains(&id) {
                participants.push(id);
            }
        }
    }
    let place = reading
        .destinations_in(window.0, window.1)
        .find(|p| in_or_at(reading.text, p.start))
        .cloned();
    Some(MeetingFact {
        at: start,
        kind,
        participants,
        place,
        planned: reading.planned_at(start),
        copies: copies(reading, start, window.1),
        rule,
    })
}

/// A place introduced by "in"/"at" (possibly "in the town of").
fn in_or_at(text: &str, at: usize) -> bool {
    static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        compile(r"(?i)\b(?:in|at)\s+(?:the\s+)?(?:(?:town|city|village|capital|district)(?:\s+of)?,?\s+)?$")
    });
    BEFORE.is_match(&text[..at])
}

/// How many separate engagements a plural with a list makes ("several meetings with civil
/// society, the diplomatic community and colleagues" is three).
fn copies(reading: &Reading<'_>, start: usize, end: usize) -> usize {
    if !SEVERAL.is_match(&reading.text[..start]) {
        return 1;
    }
    let rest = &reading.text[start..end];
    let Some(with) = rest.find(" with ") else {
        return 1;
    };
    let list = &rest[with + 6..];
    1 + list.matches(", ").count() + list.matches(" and ").count()
}
