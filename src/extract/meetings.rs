//! Meetings: the traveller's engagements in one sentence — talks and meetings, meals, press
//! events, ceremonies, site visits, town halls, conferences, addresses — with the people
//! taking part, named or resolved from a title. An event word ("luncheon", "stakeout",
//! "tête-à-tête") decides the kind; a verb before it ("hosted ... for a working luncheon",
//! "was received by ... for a meeting") brings the people. An engagement counts only when the
//! traveller takes part. Phone calls and video messages are not engagements. Pure.

use std::sync::LazyLock;

use regex::Regex;

use crate::domain::MeetingKind;
use crate::extract::cast::{Cast, PersonId};
use crate::extract::lexicon::{GROUPS, NOT_PERSON};
use crate::extract::places::{PlaceKind, PlaceMention};
use crate::extract::reading::{Actor, Reading, Who, floor_char, tail, topic_place};

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
    /// "held separate talks with A and B": one engagement with each participant.
    pub one_each: bool,
    /// "his meeting with X", "after meeting with X": possibly an engagement already told.
    pub definite: bool,
    /// "left for Quito to take part in the Conference": the purpose of a journey, no
    /// engagement of its own.
    pub purpose: bool,
    /// "Prior to leaving, he spoke to the media": where the last leg started.
    pub before_leaving: bool,
    /// "arrived from Busan, where she had attended a forum": done where the traveller came
    /// from, before the journey told; it does not place the traveller there now.
    pub on_the_way: bool,
    /// "during a joint stakeout" naming nobody: with whom the sentence names outside the
    /// other engagements it tells.
    pub joint: bool,
    /// "The two leaders gave a joint press encounter": with the counterpart of the engagement
    /// just reported, when the sentence names nobody.
    pub with_counterpart: bool,
    /// The place is the city a gathering is named after ("the Munich Security Conference"):
    /// where it was held, which implies no journey there.
    pub named_place: bool,
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
        pattern: LazyLock::new(|| compile(r"(?i)(?-u:\b)town[\s-]?hall(?:\s+meeting)?s?(?-u:\b)")),
    },
    EventWord {
        name: "meal",
        kind: MeetingKind::Meal,
        pattern: LazyLock::new(|| {
            compile(
                r"(?i)(?-u:\b)(?:(?:working|state|official|private|joint|black-tie)\s+(?:[\w-]+\s+)?)?(?:lunch(?:eon)?|dinner|breakfast(?:\s+meeting)?|banquet|supper|brunch|meal|iftar)s?(?-u:\b)|(?-u:\b)(?:dined|dining|dine)(?-u:\b)",
            )
        }),
    },
    EventWord {
        name: "press",
        kind: MeetingKind::Press,
        pattern: LazyLock::new(|| {
            compile(
                r"(?i)(?-u:\b)(?:joint\s+)?(?:press|news|media)\s+(?:conference|encounter|briefing|stakeout|availability|point|event|remarks)s?(?-u:\b)|(?-u:\b)(?:joint\s+)?stakeout(?-u:\b)|(?-u:\b)(?:arrival\s+)?remarks\s+to\s+the\s+(?:press|media)(?-u:\b)|(?-u:\b)(?:spoke|speaking|speak|talked|talking|talk)\s+(?:briefly\s+)?(?:with|to)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:press|media|reporters|journalists|correspondents)(?-u:\b)|(?-u:\b)(?:told|briefed)\s+(?:the\s+)?(?:press|media|reporters|journalists)(?-u:\b)|(?-u:\b)(?:met|meet|meets|meeting)\s+(?:with\s+)?(?:the\s+)?(?:press|media|reporters|journalists)(?-u:\b)|(?-u:\b)(?:took|taking|takes|take|answered|answering|answers|answer|fielded|fielding)\s+(?:\w+\s+)?questions\s+from\s+(?:the\s+)?(?:[\w-]+\s+)?(?:press|media|reporters|journalists|correspondents)(?-u:\b)|(?-u:\b)(?:answered|answering|fielded|fielding)\s+(?:the\s+)?(?:press|media|reporters'|journalists')\s+questions(?-u:\b)|(?-u:\b)interview(?-u:\b)|(?-u:\b)appeared\s+(?:together\s+|jointly\s+)?(?:before|in\s+front\s+of)\s+(?:the\s+)?(?:reporters|press|media|journalists|cameras)(?-u:\b)|(?-u:\b)(?:made|make|making|delivered|deliver|delivering|gave|give|giving)\s+(?:joint\s+)?(?:press\s+statements?|statements?\s+(?:for|to)\s+the\s+(?:press|media))(?-u:\b)|^(?:\d{1,2}[:.h]\d{2}\s+)?(?:joint\s+)?(?:press\s+statements?|statements?\s+(?:for|to)\s+the\s+(?:press|media))(?-u:\b)|(?-u:\b)(?:said|says|told)\s+(?:in|during|at)\s+(?:a|an|the|his|her|their)\s+(?:joint\s+)?(?:press|media)\s+statements?(?-u:\b)",
            )
        }),
    },
    EventWord {
        name: "ceremony",
        kind: MeetingKind::Ceremony,
        pattern: LazyLock::new(|| {
            compile(
                r"(?i)(?-u:\b)(?:[\w-]+\s+)?ceremon(?:y|ies)(?-u:\b)|(?-u:\b)wreath(?:-laying)?(?-u:\b)|(?-u:\b)(?:laid|laying|lay|lays|placed|placing)\s+(?:a\s+)?(?:flowers|floral\s+tribute|bouquet)(?-u:\b)|(?-u:\b)(?:paid|paying|pays|pay)\s+homage(?-u:\b)|(?-u:\b)guard\s+of\s+honou?r(?-u:\b)|(?-u:\b)honou?r\s+guard(?-u:\b)|(?-u:\b)(?:grand|warm|official|formal|ceremonial)\s+welcome(?-u:\b)|(?-u:\b)(?:signed|sign)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:joint\s+statement|declaration|agreement|memorandum|treaty|accord|communiqu[eé])s?(?-u:\b)|(?-u:\b)(?:witnessed|witness)\s+the\s+signing(?-u:\b)|(?-u:\b)(?:agreements|documents|memorand(?:a|ums)|accords)\s+(?:were|have\s+been)\s+(?:then\s+|also\s+)?signed(?-u:\b)",
            )
        }),
    },
    EventWord {
        name: "address",
        kind: MeetingKind::Other,
        pattern: LazyLock::new(|| {
            compile(
                r"(?i)(?-u:\b)(?:an?\s+)?(?:address|speech|lecture|keynote)(?-u:\b)|(?-u:\b)(?:speaking|spoke)\s+(?:to|at|before)\s+a\s+plenary(?:\s+session)?|(?-u:\b)(?:addressed|addressing)\s+(?:the\s+|a\s+)?(?:(?-i:[A-Z][\w-]*)\s+){0,2}(?:parliament|national\s+assembly|congress|senate|students|a\s+joint\s+session)(?-u:\b)|(?-u:\b)call\s+for\s+action(?-u:\b)",
            )
        }),
    },
    EventWord {
        name: "conference",
        kind: MeetingKind::Conference,
        pattern: LazyLock::new(|| {
            compile(
                r"(?-u:\b)(?:[Ss]ummit|[Cc]onference|[Ff]orum|[Ss]ymposium|[Cc]onvention|[Ss]ession|[Ff]oreign\s+[Mm]inisters['\x{2019}]?\s+[Mm]eeting|(?:Ministers|Leaders)['\x{2019}]?\s+Meeting|[Mm]inisterial\s+[Mm]eeting|[Gg]eneral\s+[Dd]ebate|Congress)(?-u:\b)",
            )
        }),
    },
    EventWord {
        name: "site-visit",
        kind: MeetingKind::SiteVisit,
        pattern: LazyLock::new(|| {
            compile(
                r"(?i)(?-u:\b)(?:went\s+to\s+(?:view|see|visit|tour|inspect)|visited|visiting|toured|touring\s+(?:the|a)|(?:a|the)\s+(?:guided\s+)?tour\s+of|gave\s+(?:him|her|them)\s+a\s+tour|went\s+to|also\s+went\s+to|was\s+shown\s+around|shown\s+around|inspected|a\s+visit\s+to|paid\s+a\s+(?:short\s+)?visit\s+to|to\s+view|^(?:\d{1,2}[:.h]\d{2}\s+)?(?:guided\s+)?visit\s+to)(?-u:\b)",
            )
        }),
    },
    EventWord {
        name: "talks",
        kind: MeetingKind::Meeting,
        pattern: LazyLock::new(|| {
            compile(
                r"(?i)(?-u:\b)(?:met|meets|meet|meeting|meetings|talks|round-?\s*tables?|discussions?|courtesy\s+call|(?:called|calling|calls|call)\s+on|t[eê]te-[aà]-t[eê]te|audience\s+with|consultations|conferred|(?:sat|sits|sit|sitting)\s+down\s+(?:(?:on|at|in)\s+[^,.;]{1,60}?\s+)?with|(?:one-on-one|one-to-one|face-to-face|private)\s+conversations?|briefed\s+(?:him|her)|briefings?\s+(?:by|from|with)|(?:was|were)\s+briefed\s+(?:(?:at|in)\s+(?:[\w'-]+\s+){1,4})?by)(?-u:\b)",
            )
        }),
    },
    EventWord {
        name: "reception",
        kind: MeetingKind::Ceremony,
        pattern: LazyLock::new(|| {
            compile(
                r"(?i)(?-u:\b)(?:welcomed|greeted|greet|greeting|received|hosted|joined|(?:reception|welcome)\s+(?:with\s+(?:full\s+)?(?:military\s+)?honou?rs\s+)?by)(?-u:\b)",
            )
        }),
    },
];

/// What is not done in person whatever the event: "recorded a video message for the forum".
static REMOTE_ANY: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)(?-u:\b)(?:video\s+(?:message|link|address|statement|call)|video[\s-]?conferenc(?:e|es|ing)|videolink|by\s+video|virtually|(?:pre-)?recorded\s+(?:a\s+|an\s+)?(?:video|message|address|statement))(?-u:\b)",
    )
});

/// What is not an engagement in person ("sent a message", but "held talks and offered to
/// carry a message" was in person).
static REMOTE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)(?-u:\b)(?:telephone|phone|video|virtual|videoconference|online|by\s+video|call\s+with|(?:sent|send|sends|sending|in)\s+(?:a\s+)?(?:[\w-]+\s+)?(?:message|letter))(?-u:\b)",
    )
});

/// `before` ends on words that point back to an engagement told before ("after the
/// talks"), not on a subject and its verb ("the two held talks").
fn back_reference(before: &str) -> bool {
    static HELD: LazyLock<Regex> = LazyLock::new(|| {
        compile(
            r"(?i)(?-u:\b)(?:held|hold|holds|holding|had|have|has|began|begin|conducted|continued|resumed|started|opened)\s+$",
        )
    });
    BACK_REFERENCE.is_match(before) && !HELD.is_match(before)
}

/// "the talks", "the meeting", "a summary of the meeting": a mention of an engagement already
/// reported.
static BACK_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)(?-u:\b)(?:the|this|that|these|those|two|both|their|his|her|its|successive|[\w-]+'s)\s+(?:[\w-]+\s+)?$",
    )
});

/// "ahead of his meeting", "before the talks": an engagement placed later, told later.
static FORWARD: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)(?-u:\b)(?:ahead\s+of|prior\s+to|in\s+preparation\s+for|before)\s+(?:(?:the|his|her|their|its|this|that|[\w-]+'s)\s+)(?:[\w-]+\s+)?$",
    )
});

/// "after meeting with", "following the press encounter": an engagement used to place
/// something in time; a new one only if not told already.
static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)(?-u:\b)(?:after|following)\s+(?:(?:the|his|her|their|its|this|that|[\w-]+'s)\s+(?:[\w-]+\s+)?|[\w-]+ing\s+)?$",
    )
});

/// Verb forms among the event words: a word before them is their subject, not a determiner.
const VERB_FORMS: &[&str] = &[
    "met",
    "meets",
    "meet",
    "conferred",
    // ("was briefed by")
    "was",
    "were",
    "sat",
    "sits",
    "sit",
    "sitting",
    "dined",
    "dining",
    "dine",
    "spoke",
    "speaking",
    "speak",
    "talked",
    "talking",
    "talk",
    "called",
    "calling",
    "calls",
    "told",
    "briefed",
    "addressed",
    "addressing",
];

/// "Bilateral talks followed", "after which Russian-Saudi talks took place": talks told as
/// happening, with nobody named as holding them — the traveller's, with the host just told.
static TALKS_HELD: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^\s+(?:then\s+)?(?:followed|took\s+place|(?:was|were)\s+(?:then\s+)?held|began|got\s+under\s+way)(?-u:\b)",
    )
});

/// "This was followed by a wider meeting": an engagement continuing the one just told.
static FOLLOWED: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?:This|That|It|These|Which)\s+(?:was|were)\s+(?:then\s+)?(?:followed|preceded)\s+by(?-u:\b)",
    )
});

/// "The first engagement on Monday morning was a meeting with X": an item of the visit's
/// programme, the traveller's whoever else the sentence names.
static PROGRAMME_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:The|Her|His|Their)\s+(?:first|second|third|next|last|final|main|opening|closing)\s+(?:official\s+)?(?:engagement|appointment|event|item)s?\s+(?:of|on|in|at|that|was|were|is|will)(?-u:\b)")
        .expect("programme item pattern compiles")
});

/// "held talks with X, ..., followed by a dinner": the next engagement of the same party.
static FOLLOWED_BY: LazyLock<Regex> = LazyLock::new(|| {
    compile(r",\s+(?:and\s+)?(?:then\s+)?followed\s+by\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}$")
});

/// "by attending the Forum": an engagement named as a means.
static MEANS: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)(?-u:\b)by\s+(?:attending|taking\s+part\s+in|participating\s+in|joining)\s+(?:the\s+)?(?:[\w-]+\s+){0,6}$",
    )
});

/// "to take part in the Forum": an engagement that is the purpose of a journey.
static PURPOSE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)(?-u:\b)to\s+(?:take\s+part\s+in|attend|participate\s+in)\s+(?:the\s+)?(?:[\w-]+,?\s+){0,8}$",
    )
});

/// "Prior to leaving, he spoke ...": what happened before the last departure.
static BEFORE_LEAVING: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)^(?:prior\s+to|before)\s+(?:leaving|departing|(?:his|her)\s+departure)(?-u:\b)")
});

/// "several meetings with A, B and C".
static SEVERAL: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)(?-u:\b)(?:several|separate|multiple|a\s+series\s+of|a\s+number\s+of)\s+$")
});

/// The engagements of the traveller in `reading`, in order. `has(k)`: whether event word `k`
/// (of [`event_patterns`]) matches anywhere in the sentence.
pub fn facts(
    reading: &Reading<'_>,
    has: impl Fn(usize) -> bool,
    companions: &[PersonId],
    cast: &Cast,
) -> Vec<MeetingFact> {
    let spans = event_spans(reading, has);
    let mut out: Vec<MeetingFact> = Vec::new();
    if spans.is_empty() {
        out.extend(in_town(reading));
    }
    for (k, span) in spans.iter().enumerate() {
        let previous_end = if k == 0 { 0 } else { spans[k - 1].end };
        let (clause_start, clause_end) = reading.clause(span.start);
        let end = match spans.get(k + 1) {
            Some(next) => last_break(reading.text, span.end, next.start).unwrap_or(next.start),
            None => clause_end.max(span.end),
        };
        let start = last_break(reading.text, previous_end, span.start).unwrap_or(previous_end);
        // "held talks with X and visited a camp": the visit's people come after "and"
        // (and "called on X and held talks with Y": the talks' people come after "and held")
        let and_before = if k == 0 {
            None
        } else if verb_span(reading, span) {
            Some((&*AND_BEFORE, 20))
        } else {
            Some((&*AND_HELD, 60))
        };
        let start = and_before.map_or(start, |(pattern, reach)| {
            let before = tail(&reading.text[..span.start], reach);
            pattern.find(before).map_or(start, |m| {
                (span.start - before.len() + m.start()).max(start)
            })
        });
        // "for talks on the pledge that X made": who is in the relative clause is not there
        let end = match relative_clause(reading.text, span.end, end) {
            // "met the three leaders who have toured the country together: A, B and C": the
            // names follow the colon
            Some(cut) if reading.text[cut..end].contains(": ") => end,
            // "met X, who is President of ...": the mention of X runs on past "who"
            Some(cut) => reading
                .actors
                .iter()
                .find(|a| a.start < cut && cut < a.end)
                .map_or(cut, |a| a.end.max(cut)),
            None => end,
        };
        let window = (start.max(clause_start), end);
        if rejects(reading, span) || quoted_words(reading.text, span.start) {
            continue;
        }
        if let Some(fact) = engagement(reading, span, window, companions, cast) {
            let next = spans.get(k + 1).map_or(reading.text.len(), |s| s.start);
            let more = more_with(reading, (end, next), companions, cast, &fact);
            out.push(fact);
            out.extend(more);
        }
    }
    out
}

/// "held meetings with X, and then with Y": the same kind of engagement again, with those
/// named after the second "with" (up to the next event word or break).
fn more_with(
    reading: &Reading<'_>,
    (from, to): (usize, usize),
    companions: &[PersonId],
    cast: &Cast,
    fact: &MeetingFact,
) -> Option<MeetingFact> {
    static THEN_WITH: LazyLock<Regex> = LazyLock::new(|| {
        compile(r"^,?\s+(?:and,?\s+)?(?:then|later|afterwards|separately|also),?\s+with\s")
    });
    let found = THEN_WITH.find(reading.text.get(from..to)?)?;
    let start = from + found.end();
    let stop = last_break(reading.text, start, to).unwrap_or(to);
    let participants = people_in(reading, (start, stop), companions, cast);
    (!participants.is_empty()).then(|| MeetingFact {
        at: start,
        participants,
        copies: 1,
        one_each: false,
        ..fact.clone()
    })
}

/// " and ", " and also " right before a verb.
static AND_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| compile(r"\sand\s+(?:also\s+|then\s+|later\s+)?$"));

/// "and held delegation-level talks", "and had a working lunch", "and deliver a speech": a
/// second engagement, held, after another.
static AND_HELD: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\sand\s+(?:also\s+|then\s+|later\s+)?(?:held|had|hosted|chaired|co-chaired|deliver|delivered|give|gave)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}$",
    )
});

/// A relative pronoun opening a clause about someone or something else.
static RELATIVE_PRONOUN: LazyLock<Regex> =
    LazyLock::new(|| compile(r"\s(?:that|which|whose|who)\s"));

/// The times "that" points to when it is no relative pronoun ("that evening").
const THAT_TIME: [&str; 9] = [
    "morning",
    "afternoon",
    "evening",
    "night",
    "day",
    "week",
    "same",
    "very",
    "weekend",
];

/// Where a relative clause about someone else starts between `from` and `to` ("the pledge
/// that X made"); not "after that", "at which the traveller was guest".
fn relative_clause(text: &str, from: usize, to: usize) -> Option<usize> {
    RELATIVE_PRONOUN
        .find_iter(&text[from..to.max(from)])
        .map(|m| from + m.start())
        .find(|&at| {
            // "held talks that evening with X": "that" names a time, no clause
            let next = text[at + 1..].split([' ', ',']).nth(1).unwrap_or("");
            if text[at + 1..].starts_with("that ") && THAT_TIME.contains(&next) {
                return false;
            }
            let previous = text[..at].rsplit(' ').next().unwrap_or("").to_lowercase();
            !matches!(
                previous.as_str(),
                "after"
                    | "before"
                    | "at"
                    | "in"
                    | "during"
                    | "of"
                    | "for"
                    | "with"
                    | "by"
                    | "on"
                    | "to"
                    | "from"
                    | "like"
                    | "since"
                    | "so"
            )
        })
}

/// The span's event word is a verb ("visited", "met"), not a noun.
fn verb_span(reading: &Reading<'_>, span: &Span) -> bool {
    let word = reading.text[span.head.0..span.head.1].to_lowercase();
    let first = word.split_whitespace().next().unwrap_or("");
    VERB_FORMS.contains(&first) || span.rule == "reception" || span.rule == "site-visit"
}

/// "In the town of Borodianka, he said he was saddened to see ...": being in a town and
/// telling what is seen there is a site visit.
fn in_town(reading: &Reading<'_>) -> Option<MeetingFact> {
    static IN_TOWN: LazyLock<Regex> = LazyLock::new(|| {
        compile(r"^In\s+the\s+(?:town|city|village|district|camp|settlement)\s+of\s+")
    });
    let lead = IN_TOWN.find(reading.text)?;
    let place = reading
        .places
        .iter()
        .find(|p| p.start == lead.end())?
        .clone();
    if reading.main_subject() != Some(Who::Traveller) {
        return None;
    }
    Some(MeetingFact {
        at: lead.start(),
        kind: MeetingKind::SiteVisit,
        participants: Vec::new(),
        place: Some(place),
        planned: false,
        copies: 1,
        one_each: false,
        definite: false,
        purpose: false,
        before_leaving: false,
        on_the_way: false,
        with_counterpart: false,
        named_place: false,
        joint: false,
        rule: "in-town",
    })
}

/// One engagement's words: an event word, with the reception verb before it and the
/// same-kind words next to it ("received ... for a tête-à-tête meeting").
struct Span {
    start: usize,
    end: usize,
    /// The word that decided the kind.
    head: (usize, usize),
    kind: MeetingKind,
    rule: &'static str,
}

/// The event words of a sentence grouped into engagements.
fn event_spans(reading: &Reading<'_>, has: impl Fn(usize) -> bool) -> Vec<Span> {
    let mut hits = event_hits(reading.text, has);
    // "Executive Secretary of the Convention": a word of someone's title is no event
    hits.retain(|&(start, end, _)| {
        !reading
            .actors
            .iter()
            .any(|a| matches!(a.who, Who::Person(_)) && a.start <= start && end <= a.end)
    });
    let mut spans: Vec<Span> = Vec::new();
    for &(start, end, event) in &hits {
        let kind = reception_kind(reading, start, end, event);
        if let Some(last) = spans.last_mut() {
            let gap = &reading.text[last.end..start];
            let (clause_start, _) = reading.clause(start);
            let same_clause = clause_start <= last.start;
            // "met X there before sitting down with Y": one after the other
            let in_turn = gap.contains(" before ");
            let adjacent = gap.len() <= 40 && !gap.contains(',') && same_clause && !in_turn;
            let light =
                last.rule == "reception" || last.rule == "talks" && last.end - last.start <= 4;
            let word = reading.text[start..end].to_lowercase();
            let joins_light = light
                // "met X, calling on the two sides to ...": an appeal, or a call of its own
                && !word.starts_with("call")
                && same_clause
                && !gap.contains(", and ")
                // "met X, with whom he held a press availability": two engagements
                && !gap.contains(", with whom ")
                && !in_turn
                // "was received by X and held separate talks with Y": two
                && !SEVERAL.is_match(gap)
                // "meet X and deliver a speech": the speech is one more engagement
                && !(event.name == "address" && gap.contains(" and "))
                && start - last.end <= 70
                && event.name != "reception"
                && event.name != "site-visit";
            // "a working lunch, where the Prime Minister joined him": the same engagement
            // "a welcome ceremony hosted by X": the same engagement, its host after it
            // ("a state dinner that X hosted in her honour": the host in a relative clause)
            let host_after = event.name == "reception"
                && last.rule != "reception"
                && (gap.trim().is_empty()
                    || last.kind == MeetingKind::Meal && HOST_THAT.is_match(gap));
            let relative = event.name == "reception" && RELATIVE.is_match(gap) && gap.len() <= 90
                || host_after;
            if relative {
                last.end = end;
                continue;
            }
            // "Summit Meeting", "tête-à-tête meeting": "meeting" names the event before it
            let trailing_meeting = gap.trim().is_empty() && word.starts_with("meeting");
            if trailing_meeting {
                last.end = end;
                continue;
            }
            if adjacent && last.kind == kind || joins_light {
                last.end = end;
                // "met X on the sidelines of the summit": a meeting at a conference
                let at_gathering = last.rule == "talks" && event.name == "conference";
                if joins_light && !at_gathering {
                    last.kind = kind;
                    last.rule = event.name;
                    last.head = (start, end);
                }
                continue;
            }
        }
        spans.push(Span {
            start,
            end,
            head: (start, end),
            kind,
            rule: event.name,
        });
    }
    spans
}

/// The kind a reception verb stands for when no event word follows it: a welcome on arrival
/// is a ceremony, being received or hosted otherwise is a meeting.
fn reception_kind(
    reading: &Reading<'_>,
    start: usize,
    end: usize,
    event: &EventWord,
) -> MeetingKind {
    if event.name == "talks" {
        // "a meeting of the Arctic Council", "attended a meeting": a gathering of many
        let word = reading.text[start..end].to_lowercase();
        let after = &reading.text[end..];
        let before = tail(&reading.text[..start], 30);
        if word.starts_with("meeting")
            && (GATHERING_OF.is_match(after) || ATTENDED.is_match(before))
        {
            return MeetingKind::Conference;
        }
    }
    if event.name != "reception" {
        return event.kind;
    }
    let word = reading.text[start..end].to_lowercase();
    // "received at the airport by X", or "On arrival in X, she was received by Y"
    static ARRIVING: LazyLock<Regex> = LazyLock::new(|| {
        compile(r"(?i)(?-u:\b)(?:on|upon)\s+(?:(?:his|her|their)\s+)?arriv(?:al|ing)(?-u:\b)")
    });
    let on_arrival = ARRIVAL.is_match(&reading.text[end..reading.clause(end).1])
        || ARRIVING.is_match(tail(&reading.text[..start], 80));
    match word.as_str() {
        "received" | "hosted" | "joined" if !on_arrival => MeetingKind::Meeting,
        _ => MeetingKind::Ceremony,
    }
}

/// The end of the last clause-like break (a comma, "before", "after", "and then") between
/// `from` and `to`.
fn last_break(text: &str, from: usize, to: usize) -> Option<usize> {
    if to <= from {
        return None;
    }
    BREAK
        .find_iter(&text[from..to])
        .last()
        .map(|m| from + m.start())
}

static HOST_THAT: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^\s+(?:that|which)\s+(?-i:[A-Z])[\w.'-]*(?:\s+(?-i:[A-Z])[\w.'-]*){0,3}\s+(?:is\s+|was\s+|will\s+|had\s+)?$",
    )
});

static RELATIVE: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)^[^;.]*,\s+(?:where|at\s+which|during\s+which)(?-u:\b)[^;,]*$"));

static BREAK: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i),|;|\s+(?:before|after|and\s+then|then)\s+"));

/// The event words' patterns, in order: the story finds in one pass which of them, and of
/// the leg triggers, a sentence has.
pub fn event_patterns() -> impl Iterator<Item = &'static str> {
    EVENTS.iter().map(|e| e.pattern.as_str())
}

/// Event words of `text` as (start, end, word), in order, without overlaps; `has(k)` tells
/// whether event word `k` matches anywhere in `text`.
fn event_hits(text: &str, has: impl Fn(usize) -> bool) -> Vec<(usize, usize, &'static EventWord)> {
    let mut hits: Vec<(usize, usize, &EventWord)> = Vec::new();
    for event in (0..EVENTS.len()).filter(|&k| has(k)).map(|k| &EVENTS[k]) {
        for m in event.pattern.find_iter(text) {
            if !hits.iter().any(|(s, e, _)| m.start() < *e && *s < m.end()) {
                hits.push((m.start(), m.end(), event));
            }
        }
    }
    hits.sort_by_key(|h| h.0);
    hits
}

/// "a meeting of the Council": a gathering of a named body.
static GATHERING_OF: LazyLock<Regex> = LazyLock::new(|| compile(r"^\s+of\s+(?:the\s+)?[A-Z]"));

/// "attended a meeting": a gathering the traveller takes part in.
static ATTENDED: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)(?-u:\b)(?:attend(?:ed|ing|s)?|took\s+part\s+in|participated\s+in)\s+(?:an?|the)\s+(?:[\w-]+\s+)?$",
    )
});

/// What happened before the visit or did not happen: "last visited ... when he met",
/// "two years ago", "in 2018", "had been due to meet", "called off".
static BACKGROUND: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)(?-u:\b)(?:last\s+(?:visited|met|came|went|travell?ed|week|month|year|spring|summer|autumn|fall|winter|january|february|march|april|may|june|july|august|september|october|november|december)|(?:a|one|two|three|four|five|six|several|few|\d+)\s+(?:days?|weeks?|months?|years?|decades?)\s+ago|previous(?:ly)?|in\s+(?:(?:early|late|mid-?)\s*)?(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+)?(?:19|20)\d\d|had\s+been\s+(?:due|scheduled|expected|set|supposed|planning)\s+to|called\s+off|cancell?ed|postponed)(?-u:\b)",
    )
});

static ARRIVAL: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)(?-u:\b)(?:airport|on\s+arrival|upon\s+arrival|on\s+(?:his|her)\s+arrival|on\s+arriving|tarmac)(?-u:\b)",
    )
});

/// Event words that do not report an engagement here: a back-reference ("the talks"), a
/// phone call, a site visit to a city (that is a leg).
fn rejects(reading: &Reading<'_>, span: &Span) -> bool {
    let (start, end) = span.head;
    let before = tail(&reading.text[..span.start], 120);
    let after = reading.text[span.end..].trim_start();
    let (clause_start, clause_end) = reading.clause(start);
    let clause = &reading.text[clause_start..clause_end];
    // the words of REMOTE_ANY looked for first: most sentences have none of them
    let remote_words = ["ideo", "irtual", "ecorded"]
        .iter()
        .any(|w| clause.contains(w));
    if span.kind == MeetingKind::Meeting && REMOTE.is_match(clause)
        || remote_words && REMOTE_ANY.is_match(clause)
    {
        return true;
    }
    // "..., Chief Secretary Ana Ruiz told a regular news conference": the source of the
    // report speaking, not the traveller
    if let Some(m) = ATTRIBUTION.find(before) {
        let from = span.start - before.len() + m.start();
        if !reading.traveller_in(from, span.start) {
            return true;
        }
    }
    // "welcoming the Summit's outcome": what an event gave, no event attended
    // (but "addressed the forum's opening plenary" attends it)
    if span.kind == MeetingKind::Conference
        && reading.text[span.end..].starts_with("'s ")
        && reading.text[span.end + 3..]
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .is_some_and(|w| {
                matches!(
                    w,
                    "outcome"
                        | "outcomes"
                        | "results"
                        | "declaration"
                        | "decisions"
                        | "conclusions"
                        | "success"
                        | "agenda"
                        | "theme"
                        | "draft"
                )
            })
    {
        return true;
    }
    if reading.unrealised_at(span.start) || reading.before_visit_at(span.start) {
        // "did not attend the summit", "had hoped to meet the President", "coming from
        // Davos, where he had addressed the Forum"
        return true;
    }
    let word = reading.text[start..end].to_lowercase();
    let first = word.split_whitespace().next().unwrap_or("");
    let verb = VERB_FORMS.contains(&first) || span.rule == "reception" || span.rule == "site-visit";
    let noun_kind = matches!(
        span.kind,
        MeetingKind::Meeting | MeetingKind::Press | MeetingKind::Meal
    );
    // "meetings with X", "meetings at the palace with X"
    static WITH_SOMEONE: LazyLock<Regex> =
        LazyLock::new(|| compile(r"^(?:(?:at|in)\s[^,;.]{0,40}?\s)?(?:with|between)(?-u:\b)"));
    let with_someone = || WITH_SOMEONE.is_match(after);
    // the words around the event in its clause that place it before the visit
    let near_end = floor_char(reading.text, (span.end + 40).min(clause_end));
    if BACKGROUND.is_match(&reading.text[clause_start..near_end.max(span.end)]) {
        return true;
    }
    if span.rule == "talks" && word.starts_with("call") && !calls_on_someone(reading, end) {
        return true;
    }
    if MEANS.is_match(before) {
        // "by attending the Forum he was expressing solidarity": a means, not an event
        return true;
    }
    if FORWARD.is_match(before) {
        // "ahead of his trilateral meeting": an engagement told later
        return true;
    }
    // ("The Spanish-Norwegian talks began in a restricted format": talks said to begin are
    // told here, and kept when none were told before)
    if !verb
        && noun_kind
        && span.start == start
        && back_reference(before)
        && !with_someone()
        && !TALKS_HELD.is_match(&reading.text[span.end..])
    {
        return true;
    }
    // "the two sides signed an agreement": the delegations sign, the leaders need not be
    // there; "talks, at which (or with whom) she signed an agreement": part of the talks
    static SIGNED_APART: LazyLock<Regex> =
        LazyLock::new(|| compile(r"(?i)(?-u:\b)(?:sides|whom|which)\s+(?:[a-z]+\s+){0,3}$"));
    if word.starts_with("sign") && SIGNED_APART.is_match(before) {
        return true;
    }
    if span.rule == "site-visit" {
        return !visits_a_site(reading, end);
    }
    if span.rule == "reception" {
        // "a joint mission also joined by X": X travels in the party, no one is received
        // "X joined her from Berlin": X comes along
        let joined_from = JOINED_FROM.is_match(&reading.text[end..]);
        if word == "joined"
            && (joined_from || PARTY_JOINED.is_match(tail(&reading.text[..start], 60)))
        {
            return true;
        }
        return !receives_someone(reading, end);
    }
    false
}

/// "joined her from Berlin": who joins the traveller from elsewhere travels along.
static JOINED_FROM: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^\s+(?:him|her|them)\s+from\s+[A-Z]"));

/// "a mission (also) joined by", "the delegation was joined by": who joins a party travels in it.
static PARTY_JOINED: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)(?-u:\b)(?:mission|delegation|party|group|trip|tour|journey|visit|entourage)\s+(?:(?:was|were|is|has\s+been|had\s+been|also|further)\s+)*$",
    )
});

/// "called on President X" (a visit), not "called on the world to act" or "called on the
/// President to resign" (an appeal).
fn calls_on_someone(reading: &Reading<'_>, end: usize) -> bool {
    // "called on the newly elected President, X": a few lower-case words before the title
    // ("called on His Excellency X": the honorific's pronoun)
    // ("called on His Majesty the Fourth Druk Gyalpo, X": a style and a description)
    static STYLED: LazyLock<Regex> = LazyLock::new(|| {
        compile(r"^\s*(?:His|Her)\s+(?:Majesty|Excellency|(?:Royal\s+)?Highness)[^.;,]{0,40},\s*$")
    });
    let described = |a: &&Actor| {
        if STYLED.is_match(&reading.text[end..a.start]) {
            return true;
        }
        let between = reading.text[end..a.start]
            .trim_end()
            .trim_end_matches(" His")
            .trim_end_matches(" Her");
        between.len() <= 40
            && between.split_whitespace().count() <= 4
            && between
                .split_whitespace()
                .all(|w| w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
    };
    reading
        .actors
        .iter()
        .find(|a| a.start >= end && described(a))
        .is_some_and(|a| {
            let after = reading.text[a.end..].trim_start_matches([',', ' ']);
            // ("Minister X called on the Chancellor": X paid the call; but "called on his
            // old friend, X" is a call on X)
            // ("X called on her at her hotel": the traveller received the call)
            let pronoun = matches!(&reading.text[a.start..a.end], "his" | "her" | "their");
            let named = !pronoun || !crate::extract::reading::before_noun(after);
            !after.starts_with("to ")
                && (matches!(a.who, Who::Person(_) | Who::Nobody)
                    || a.who == Who::Traveller && named)
        })
}

/// "was welcomed by X", "welcomed the Secretary-General", "hosted him": a reception verb
/// with a person after it, not "received the assessment" or "welcomed the decision".
fn receives_someone(reading: &Reading<'_>, end: usize) -> bool {
    // ("received at Hazrat Shahjalal International Airport in Dhaka by X": a long name)
    static PASSIVE: LazyLock<Regex> = LazyLock::new(|| {
        compile(
            r"^(?:warmly\s+|personally\s+|formally\s+)?(?:(?:at|on|upon|in)\s+(?:the\s+|his\s+|her\s+)?[\w'-]+(?:\s+[\w'-]+){0,7}?\s+)?(?:warmly\s+)?by\s",
        )
    });
    let after = reading.text[end..].trim_start();
    let passive = PASSIVE.is_match(after);
    let object = reading
        .actors
        .iter()
        .any(|a| a.start >= end && a.start <= end + 12);
    passive || object || after.starts_with("them") || after.starts_with("the couple")
}

/// The object of a visiting verb is a site (a building, a camp, "three areas") rather than a
/// city or country, which would make it a leg, or a verb ("went to see").
fn visits_a_site(reading: &Reading<'_>, end: usize) -> bool {
    static OBJECT: LazyLock<Regex> = LazyLock::new(|| {
        compile(
            r"^(?:a|an|the|several|two|three|four|some|one|his|her|its|their|[A-Z][\w'-]*)(?-u:\b)",
        )
    });
    static FOR_ENGAGEMENT: LazyLock<Regex> = LazyLock::new(|| {
        compile(
            r"^[^,;]{0,100}?(?-u:\b)(?:for\s+(?:talks|(?:a|the)\s+(?:[\w-]+\s+)?(?:meeting|lunch|dinner|breakfast|summit|ceremony|talks))|to\s+(?:meet|attend|hold|take\s+part))(?-u:\b)",
        )
    });
    // "a tour of South America", "touring the region": a journey through many places
    static REGION: LazyLock<Regex> = LazyLock::new(|| {
        compile(
            r"(?i)^(?:the\s+)?(?:(?:south|north|east|west|central|southern|northern|eastern|western|south-east|south-eastern|latin|sub-saharan)\s+)*(?:africa|america|americas|asia|europe|middle\s+east|balkans|caribbean|pacific|gulf|region|continent|caucasus|sahel|baltics?|scandinavia)(?-u:\b)",
        )
    });
    let after = reading.text[end..].trim_start();
    if REGION.is_match(after) {
        return false;
    }
    let went = reading.text[..end].ends_with("went to");
    if went && FOR_ENGAGEMENT.is_match(after) {
        // "went to the palace for talks with the President": the talks are the engagement
        return false;
    }
    let verb_of_seeing = reading.text[..end]
        .rsplit(' ')
        .next()
        .is_some_and(|w| matches!(w, "view" | "see" | "visit" | "tour" | "inspect"));
    if !OBJECT.is_match(after) && !verb_of_seeing {
        return false;
    }
    match reading.place_after(end) {
        Some(p) if p.start <= end + 12 => p.kind == PlaceKind::Site,
        // "touring Africa": a capitalised object is a venue only with a venue's word
        _ if after.starts_with(|c: char| c.is_uppercase()) => after
            .split_whitespace()
            .take(5)
            .any(|w| NOT_PERSON.contains(w.trim_end_matches([',', '.']).to_lowercase().as_str())),
        _ => true,
    }
}

/// Builds the engagement of `span` when the traveller takes part in it.
fn engagement(
    reading: &Reading<'_>,
    span: &Span,
    window: (usize, usize),
    companions: &[PersonId],
    cast: &Cast,
) -> Option<MeetingFact> {
    let start = span.start;
    let opener = reading.subject_start();
    let window = if start < opener {
        (window.0, window.1.min(opener))
    } else {
        window
    };
    // "called on X, and addressed the staff": X is the object of the verb before, not the
    // one who addressed them
    let object_of_verb = reading
        .agent_actor(start)
        .is_some_and(|a| OBJECT_SLOT.is_match(tail(&reading.text[..a.start], 20)));
    let agent = if object_of_verb {
        reading.main_subject()
    } else {
        reading.agent(start)
    };
    // "the two spoke to the press", "with the two leaders", "and the two then held" (the
    // subject just before the window's "then")
    let party_after = reading.actors.iter().any(|a| {
        a.who == Who::Party
            && a.end <= window.1
            && (a.start >= window.0
                || a.end <= window.0 && reading.text[a.end..window.0].trim().is_empty())
            && !(a.start >= span.end && group_between(reading.text, span.end, a.start))
    });
    // "Greeting him there, the Rector ...": the traveller as object of an opening participle
    let held = span.kind == MeetingKind::Meeting
        && TALKS_HELD.is_match(&reading.text[span.end..])
        && !reading.text[floor_char(reading.text, window.0)..span.start].contains("between")
        && !reading
            .actors_in(window.0, window.1)
            .any(|a| a.who == Who::Nobody);
    // "X said at a joint news briefing": the counterpart speaking at the traveller's side
    let joint_with_agent = matches!(agent, Some(Who::Person(_)))
        && reading.text[span.start..span.end]
            .to_lowercase()
            .starts_with("joint");
    // "X told reporters he would raise the issue": what another tells the press is theirs,
    // whoever it is about
    let told_by_another = |window: (usize, usize)| {
        if span.kind == MeetingKind::Press && matches!(agent, Some(Who::Person(_))) {
            (window.0, window.1.min(span.start))
        } else {
            window
        }
    };
    let involved = matches!(agent, Some(Who::Traveller | Who::Party | Who::Entourage))
        || PROGRAMME_ITEM.is_match(reading.text)
        || party_after
        || held
        || joint_with_agent
        || traveller_takes_part(
            reading,
            told_by_another(window),
            matches!(agent, Some(Who::Person(_))),
        )
        || FOLLOWED.is_match(tail(&reading.text[..start], 60))
        || FOLLOWED_BY.is_match(tail(&reading.text[..start], 60));
    if !involved || someone_else_who(reading, start) {
        return None;
    }
    // the host doing the welcoming or hosting, said before the verb, with those "together
    // with" them
    let agent_start = reading.agent_actor(start).map_or(window.0, |a| a.start);
    // "meet X, and will hold talks with Y": X is the object of the verb before, not a host
    let agent_is_person = matches!(agent, Some(Who::Person(_))) && !object_of_verb;
    let from = if agent_start < window.0 && agent_is_person {
        agent_start
    } else {
        window.0
    };
    let mut participants = people_in(reading, (from, window.1), companions, cast);
    if participants.is_empty() {
        participants = subject_with_traveller(reading, window.0);
    }
    if participants.is_empty() {
        participants.extend(
            honouring_host(reading, start)
                .or_else(|| with_whom(reading, start))
                .or_else(|| host_named_after(reading, span))
                .or_else(|| standing_beside(reading, span)),
        );
    }
    let after_event = people_in(reading, (span.end, window.1), companions, cast);
    // "was received by X and held separate talks with Y": talks with Y alone, and "separate
    // talks with A and B" one with each
    let one_each = span.kind != MeetingKind::SiteVisit
        && !after_event.is_empty()
        && SEVERAL.is_match(tail(&reading.text[..start], 40));
    if one_each {
        participants.clone_from(&after_event);
    } else if !after_event.is_empty() {
        // "X and Minister Y held talks with Z": Y came with the traveller
        let with_traveller = fellow_subjects(reading, window.0, span.start, cast);
        participants.retain(|id| !with_traveller.contains(id));
    }
    let joint = participants.is_empty()
        && reading.text[span.start..span.end]
            .to_lowercase()
            .contains("joint");
    // "the two leaders spoke to the press", "held talks with the two leaders"

    // "talks with X, followed by a working dinner": the dinner is with the same people
    let followed =
        span.kind == MeetingKind::Meal && FOLLOWED_BY.is_match(tail(&reading.text[..start], 60));
    let with_counterpart =
        participants.is_empty() && (agent == Some(Who::Party) || party_after || held || followed);
    // ", where she had attended the Forum, she arrived in X": the relative clause's place
    // is before its comma
    let where_clause = reading.text[window.0..start]
        .trim_start_matches([',', ' '])
        .starts_with("where ");
    let place_end = if where_clause {
        reading.text[span.end..window.1.max(span.end)]
            .find(',')
            .map_or(window.1, |c| span.end + c)
    } else {
        window.1
    };
    // "arrived in Tel Aviv and met X in Jerusalem": the place said after the engagement
    // word is where it was, before the one the clause opened with
    // (but "flew to Poland, changing planes in Frankfurt": a stopover's town is no venue)
    let said = |p: &&PlaceMention| {
        in_or_at(reading.text, p.start)
            && !mission_of(reading.text, p)
            && !stopover(tail(&reading.text[..p.start], 40))
            && !quoted_words(reading.text, p.start)
    };
    let stated = reading
        .destinations_in(span.end, place_end)
        .find(said)
        .or_else(|| reading.destinations_in(window.0, place_end).find(said));
    // "spoke at the Munich Security Conference": a gathering named after its city
    let named_after = stated
        .is_none()
        .then(|| named_after_city(reading, span))
        .flatten();
    let stated = stated.or(named_after.as_ref());
    let relative = stated
        .is_none()
        .then(|| where_place(reading, window.0))
        .flatten();
    let on_the_way = relative.is_some_and(|p| coming_from(reading.text, p.start));
    let opening = reading.opening_place();
    // "In Ashgabat, dinner with the community in Turkmenistan": the city the sentence
    // opens with is the more precise
    let stated = match (stated, opening) {
        (Some(s), Some(o))
            if s.kind == PlaceKind::Country
                && o.kind == PlaceKind::City
                && o.place.country_code == s.place.country_code =>
        {
            Some(o)
        }
        (s, _) => s,
    };
    let place = stated.or(relative).or(opening).cloned();
    Some(MeetingFact {
        at: start,
        kind: span.kind,
        participants,
        place,
        planned: reading.planned_at(start),
        copies: if one_each {
            1
        } else {
            copies(reading, start, window.1, span.kind)
        },
        one_each,
        // "went to Trinity College, where he was shown around the Long Room": one visit
        definite: where_clause && span.kind == MeetingKind::SiteVisit
            || back_reference(tail(&reading.text[..start], 60))
            || AFTER.is_match(tail(&reading.text[..start], 60)),
        purpose: PURPOSE.is_match(tail(&reading.text[..start], 120)),
        before_leaving: BEFORE_LEAVING.is_match(reading.text),
        on_the_way,
        with_counterpart,
        named_place: named_after.is_some(),
        joint,
        rule: span.rule,
    })
}

/// True when a group noun stands in `text[from..to]`: "met staff at the embassy, telling
/// them" speaks of the staff, not of the traveller and a counterpart.
fn group_between(text: &str, from: usize, to: usize) -> bool {
    text[from..to]
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| GROUPS.contains(w))
}

/// The city a conference or summit is named after, as a city mention: "the Munich Security
/// Conference" is held in Munich.
fn named_after_city(reading: &Reading<'_>, span: &Span) -> Option<PlaceMention> {
    if span.kind != MeetingKind::Conference {
        return None;
    }
    reading
        .places
        .iter()
        .find(|p| {
            p.kind == PlaceKind::Site
                && p.start <= span.start
                && span.end <= p.end
                && p.place.lat.is_some()
        })
        .map(|p| {
            let mut city = p.clone();
            city.kind = PlaceKind::City;
            city.end = city.start + city.place.name.len().min(p.end - p.start);
            city
        })
}

/// The people joined to the traveller as subjects before `at` ("X and Minister Y held
/// talks").
fn fellow_subjects(reading: &Reading<'_>, from: usize, at: usize, cast: &Cast) -> Vec<PersonId> {
    let actors: Vec<_> = reading.actors_in(from, at).collect();
    let mut out = Vec::new();
    for pair in actors.windows(2) {
        let between = reading.text[pair[0].end..pair[1].start].trim();
        // named there, not only described ("he and the Bank's President")
        let named = |id: PersonId| {
            let said = &reading.text[pair[1].start..pair[1].end];
            cast.person(id)
                .name
                .split_whitespace()
                .last()
                .is_some_and(|surname| said.contains(surname))
        };
        if let (Who::Traveller, Who::Person(id)) = (pair[0].who, pair[1].who)
            && matches!(between, "and" | ",")
            && named(id)
        {
            out.push(id);
        }
    }
    out
}

/// "X and Y then gave a press conference", with the traveller among them: the others named
/// in the subject that ends just before `at` (only "then", "later" or "also" between).
fn subject_with_traveller(reading: &Reading<'_>, at: usize) -> Vec<PersonId> {
    let mut chain: Vec<&Actor> = Vec::new();
    let mut end = at;
    for actor in reading.actors.iter().rev().filter(|a| a.end <= at) {
        let between = reading.text[actor.end..end].trim();
        let joined = if chain.is_empty() {
            between
                .split_whitespace()
                .all(|w| matches!(w.to_ascii_lowercase().as_str(), "then" | "later" | "also"))
        } else {
            matches!(between, "and" | ",")
        };
        if !joined {
            break;
        }
        chain.push(actor);
        end = actor.start;
    }
    let opens_clause =
        reading.text[..end].trim_end().is_empty() || reading.text[..end].trim_end().ends_with(',');
    if !opens_clause || !chain.iter().any(|a| a.who == Who::Traveller) {
        return Vec::new();
    }
    chain
        .iter()
        .rev()
        .filter_map(|a| match a.who {
            Who::Person(id) => Some(id),
            _ => None,
        })
        .collect()
}

/// The traveller is named in `window`; when someone else does what is told there, a
/// possessive alone ("X will give his annual address") does not make the traveller take
/// part, unless it is in the traveller's honour.
fn traveller_takes_part(reading: &Reading<'_>, window: (usize, usize), other_agent: bool) -> bool {
    static COUNTERPART: LazyLock<Regex> = LazyLock::new(|| {
        compile(r"(?i)(?-u:\b)(?:his|her)\s+(?:[A-Z][\w-]*\s+)?counterparts?(?-u:\b)")
    });
    // "talks with her Kuwaiti counterpart": the traveller's own counterpart, unless someone
    // else holds the talks ("Minister X will hold talks with his counterpart")
    if !other_agent && COUNTERPART.is_match(&reading.text[window.0..window.1]) {
        return true;
    }
    reading.actors_in(window.0, window.1).any(|a| {
        let word = reading.text[a.start..a.end].to_lowercase();
        let next = reading.text[a.end..]
            .split_whitespace()
            .next()
            .unwrap_or("");
        // "hosted her for a dinner" is the traveller; "her annual address" is not
        let possessive = word == "his"
            || word == "her" && crate::extract::reading::before_noun(&reading.text[a.end..]);
        // "Xi's meetings are an opportunity": a name's possessive counts only for honours
        let owner = crate::extract::reading::possessive(&word);
        let honour = next.starts_with("hono");
        matches!(a.who, Who::Traveller | Who::Party | Who::Entourage)
            && (!other_agent || !possessive || honour)
            && (!owner || honour)
    })
}

/// "X, who attended the Conference", "negotiators who will meet": the event belongs to the
/// relative pronoun's antecedent, unless that is the traveller.
fn someone_else_who(reading: &Reading<'_>, at: usize) -> bool {
    let Some(who_at) = relative_who(reading, at) else {
        return false;
    };
    // "X, who afterwards hosted a luncheon in his honour": the traveller is the guest
    if in_honour(reading, at) {
        return false;
    }
    !reading.actors.iter().any(|a| {
        a.end <= who_at
            && a.end + 2 >= who_at
            && matches!(a.who, Who::Traveller | Who::Party | Who::Entourage)
    })
}

/// Where ", who" starts when the event at `at` is told in a relative clause about someone.
fn relative_who(reading: &Reading<'_>, at: usize) -> Option<usize> {
    static WHO: LazyLock<Regex> = LazyLock::new(|| {
        compile(
            r"(?i),?\s+who\s+(?:(?:will|would|had|has|have|also|then|is|are|was|were|to|later|afterwards|subsequently)\s+){0,3}(?:(?:attended|addressed|opened|chaired|joined)\s+(?:the\s+)?(?:[\w'-]+\s+){0,4})?$",
        )
    });
    let before = tail(&reading.text[..at], 60);
    WHO.find(before).map(|m| at - before.len() + m.start())
}

/// The event at `at` is given in the traveller's honour.
fn in_honour(reading: &Reading<'_>, at: usize) -> bool {
    let (_, clause_end) = reading.clause(at);
    IN_HONOUR.is_match(&reading.text[at..clause_end.max(at)])
}

/// "Foreign Minister X, with whom he held a joint press availability": the one named before
/// "with whom".
fn with_whom(reading: &Reading<'_>, at: usize) -> Option<PersonId> {
    let before = tail(&reading.text[..at], 80);
    let whom_at = at - before.len() + before.rfind(", with whom ")?;
    person_before(reading, whom_at)
}

/// "Prime Minister X, who afterwards hosted a luncheon in his honour": the host named
/// before the relative clause.
fn honouring_host(reading: &Reading<'_>, at: usize) -> Option<PersonId> {
    let who_at = relative_who(reading, at).filter(|_| in_honour(reading, at))?;
    person_before(reading, who_at)
}

/// "a state dinner that X is hosting in his honour": the host named in a relative clause
/// right after the meal.
fn host_named_after(reading: &Reading<'_>, span: &Span) -> Option<PersonId> {
    static HOSTING: LazyLock<Regex> = LazyLock::new(|| {
        compile(
            r"^\s+(?:is|was|will\s+be)?\s*(?:hosting|hosted|host|giving|gave|give|offering|offered|offer)(?-u:\b)",
        )
    });
    if span.kind != MeetingKind::Meal {
        return None;
    }
    let (_, end) = reading.clause(span.start);
    let after = reading.text.get(span.end..end.max(span.end))?;
    let that = after.len() - after.trim_start_matches([' ', ',']).len();
    let rest = &after[that..];
    let word = ["that ", "which "].iter().find(|w| rest.starts_with(**w))?;
    let at = span.end + that + word.len();
    first_person(reading, |a| {
        a.start == at
            && HOSTING.is_match(&reading.text[a.end..])
            && reading
                .text
                .get(a.end..end)
                .is_some_and(|r| r.contains(" honour") || r.contains(" honor"))
    })
}

/// The first person of the sentence whose mention `fits`.
fn first_person(reading: &Reading<'_>, fits: impl Fn(&Actor) -> bool) -> Option<PersonId> {
    reading.actors.iter().find_map(|a| match a.who {
        Who::Person(id) if fits(a) => Some(id),
        _ => None,
    })
}

/// "told reporters after the talks, standing beside X": who stood at the traveller's side
/// at a press event.
fn standing_beside(reading: &Reading<'_>, span: &Span) -> Option<PersonId> {
    static BESIDE: LazyLock<Regex> = LazyLock::new(|| {
        compile(
            r",\s+(?:standing|speaking|appearing|flanked)\s+(?:beside|alongside|next\s+to|by)\s+$",
        )
    });
    if span.kind != MeetingKind::Press {
        return None;
    }
    first_person(reading, |a| {
        a.start > span.end && BESIDE.is_match(tail(&reading.text[..a.start], 40))
    })
}

/// The person named right before byte `at`, maybe with a nickname in quotes between
/// ("Dahal \u{201c}Prachanda\u{201d}").
fn person_before(reading: &Reading<'_>, at: usize) -> Option<PersonId> {
    reading.actors.iter().rev().find_map(|a| match a.who {
        Who::Person(id)
            if a.end <= at && {
                let between = reading.text[a.end..at].trim();
                between.is_empty()
                    || between.len() < 30 && between.starts_with(['"', '\u{201c}', '\''])
            } =>
        {
            Some(id)
        }
        _ => None,
    })
}

/// The known people other than the traveller and companions in `window`, in order.
pub(crate) fn people_in(
    reading: &Reading<'_>,
    window: (usize, usize),
    companions: &[PersonId],
    cast: &Cast,
) -> Vec<PersonId> {
    let mut out: Vec<PersonId> = Vec::new();
    for actor in reading.actors_in(window.0, window.1) {
        let Who::Person(id) = actor.who else { continue };
        // someone already counted or travelling along is not asked about again
        if out.contains(&id) || companions.contains(&id) {
            continue;
        }
        // "had accompanied X": travelling with someone is not meeting them; "by Y rather
        // than by X": X was not there
        let before = tail(&reading.text[..actor.start], 30);
        if ACCOMPANYING.is_match(before)
            || ON_BEHALF.is_match(before)
            || INSTEAD_OF.is_match(before)
            || REMEMBERED.is_match(tail(&reading.text[..actor.start], 60))
            || DATED_BY.is_match(tail(&reading.text[..actor.start], 50))
            || LIVED_THERE.is_match(&reading.text[actor.end..])
        {
            continue;
        }
        // "..., where they are due to meet X, his spokesman Y said.": who tells it
        // ("the Spokesman said that tomorrow he will go to X for talks with Y")
        let after = reading.text[actor.end..].trim_end_matches(['.', '"', ' ']);
        if matches!(after, " said" | " says")
            || [" said ", " says "].iter().any(|w| after.starts_with(w))
                && cast.office(id).starts_with("spokes")
        {
            continue;
        }
        // a name seen only bare counts where the syntax makes it a person: "met X", "with X"
        // or where the name hosts: "X received her for a dinner", "X will host a banquet"
        let slot = || {
            PERSON_SLOT.is_match(tail(&reading.text[..actor.start], 60))
                || HOSTS.is_match(&reading.text[actor.end..])
        };
        if !cast.person(id).weak || slot() {
            out.push(id);
        }
    }
    out
}

static OBJECT_SLOT: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)(?-u:\b)(?:meet|meets|met|meeting|with|by|visit|visited|visits|(?:call|calls|called|calling)\s+on)\s+$",
    )
});

/// "conveyed the greetings of the President", "a message from X", "on behalf of X": someone
/// who sends word is not there.
static ON_BEHALF: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)(?-u:\b)(?:(?:greetings|regards|wishes|message|letter|invitation|condolences)\s+(?:of|from)|on\s+behalf\s+of)\s+(?:the\s+)?$",
    )
});

static ACCOMPANYING: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)(?-u:\b)(?:accompanied|accompanying|accompany)\s+$"));

static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r",\s*(?:[A-Z][\w.'\x{2019}-]*\s+){1,6}(?:told|said\s+(?:at|during|in))\s+(?:a|an|the)\s+(?:[a-z]+\s+)?$",
    )
});

/// "paying tribute to the late Sen. X", "in memory of X", "a memorial to X", "in memory of the
/// country's founding father, X", "the monument to Marshal X", "the grave of X": the dead are
/// remembered, not met.
static REMEMBERED: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)(?-u:\b)(?:the\s+late\s+(?:(?-i:[A-Z])[a-z]*\.?\s+)?|(?:in\s+(?:the\s+)?memory\s+of|tribute\s+to|(?:memorial|monument)\s+to|(?:mausoleum|statue|grave|tomb|bust)\s+of)\s+(?:[\w'\x{2019}-]+,?\s+){0,6})$",
    )
});

/// "the stilt house where President X lived": someone the place is remembered for, not met.
static LIVED_THERE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^\s+(?:had\s+)?(?:lived|worked|died|studied|was\s+born|(?:is|was|lies)\s+(?:buried|interred)|rests)(?-u:\b)",
    )
});

/// "ahead of the inauguration of X", "after the election of X": someone named to date the
/// engagement, not met at it.
static DATED_BY: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)(?-u:\b)(?:ahead\s+of|before|after|following|since)\s+(?:the|his|her)\s+[a-z]+\s+of\s+$",
    )
});

static INSTEAD_OF: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)(?-u:\b)(?:rather\s+than|instead\s+of|in\s+place\s+of|not)\s+(?:by\s+|with\s+)?$")
});

static IN_HONOUR: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)(?-u:\b)in\s+(?:his|her|their)\s+honou?r(?-u:\b)"));

static HOSTS: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^,?\s+(?:(?:also|later|then|afterwards|will|would|personally|warmly)\s+)*(?:received|hosted|hosts|host|welcomed|welcomes|welcome|greeted|offered|gave|gives|give)(?-u:\b)",
    )
});

/// Byte `at` lies in words quoted from someone ("\"... hopes the summit in Bali can be a
/// catalyst,\" the President told journalists"), not in a quoted name ("the \"One Planet
/// Summit\""): what they tell is not what the text reports was done.
fn quoted_words(text: &str, at: usize) -> bool {
    // (a spokesman's "The president will then visit Kyiv to meet X" tells the programme: only
    // a speaker's own views, in the first person, are set aside)
    text[..at].rfind('"').is_some_and(|open| {
        at - open > 30
            && crate::extract::reading::inside_quotation(&text[..at])
            && text[open + 1..at]
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| matches!(w, "I" | "we" | "We" | "my" | "My" | "our" | "Our"))
    })
}

/// Words that make the town after them a stop on a journey: "changing planes in",
/// "refuelling at", "a stopover in".
static STOPOVER: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)(?:changing\s+(?:planes|aircraft)|refuell?ing|stop-?over|layover|transiting|stopping\s+(?:over\s+)?|technical\s+stop)\s+(?:in|at)\s+$",
    )
});

/// `before` ends in words that make the town after them a stop on a journey (the pattern
/// asked only when a word of it is there).
fn stopover(before: &str) -> bool {
    (before.contains("ing ") || before.contains("over ") || before.contains("stop "))
        && STOPOVER.is_match(before)
}

static PERSON_SLOT: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)(?-u:\b)(?:with|met|by|and|meet|joined|hosted)\s+(?:[a-z]+s\s+)?$|(?-u:\b)(?-i:His|Her)\s+(?:Majesty|Excellency|(?:Royal\s+)?Highness)[^.;,]{0,40},\s*$",
    )
});

/// "was spent in Abuja, Nigeria, where he held meetings": the place a relative clause
/// starting before `at` refers to.
fn where_place<'r>(reading: &'r Reading<'_>, at: usize) -> Option<&'r PlaceMention> {
    static WHERE: LazyLock<Regex> =
        // "in Havana today, where", "in Lima on Monday, where"
        LazyLock::new(|| {
            compile(
                r"^(?:\s+(?:today|tonight|now|this\s+(?:morning|afternoon|evening|week)|on\s+[A-Z]\w+(?:,?\s+\d{1,2}\s+[A-Z]\w+)?))?(?:,\s*[A-Z][\w' -]+)?,\s*(?:where|at\s+which)(?-u:\b)",
            )
        });
    reading
        .places
        .iter()
        .filter(|p| {
            p.end <= at
                && p.kind != PlaceKind::Site
                && (in_or_at(reading.text, p.start) || coming_from(reading.text, p.start))
        })
        .rfind(|p| WHERE.is_match(&reading.text[p.end..]))
}

/// "arrived from Busan, where she had attended a forum": a place the traveller came from.
fn coming_from(text: &str, at: usize) -> bool {
    tail(&text[..at], 10).ends_with("from ")
}

/// "at the U.S. embassy": a country's mission in the town where the traveller is, not that
/// country.
fn mission_of(text: &str, place: &PlaceMention) -> bool {
    place.kind == PlaceKind::Country && {
        let after = text[place.end..].trim_start();
        [
            "embassy",
            "mission",
            "consulate",
            "high commission",
            "residence",
        ]
        .iter()
        .any(|w| {
            after
                .get(..w.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(w))
        })
    }
}

/// A place introduced by "in"/"at" (possibly "in the town of").
fn in_or_at(text: &str, at: usize) -> bool {
    static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        compile(
            r"(?i)(?-u:\b)(?:in|at)\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,2}(?:town|city|village|capital|district|port|resort)(?:\s+of)?,?\s+)?$",
        )
    });
    BEFORE.is_match(tail(&text[..at], 60)) && !topic_place(text, at)
}

/// How many separate engagements a plural with a list makes ("several meetings with civil
/// society, the diplomatic community and colleagues" is three).
fn copies(reading: &Reading<'_>, start: usize, end: usize, kind: MeetingKind) -> usize {
    if kind == MeetingKind::SiteVisit {
        // "went to a site sheltering ..., and to a transit centre": two visits
        let rest = &reading.text[start..end.max(start)];
        return 1
            + rest.matches(", and to ").count()
            + rest.matches(" and to the ").count()
            + rest.matches(" and to a ").count();
    }
    if !SEVERAL.is_match(tail(&reading.text[..start], 40)) {
        return 1;
    }
    let rest = &reading.text[start..end];
    let Some(with) = rest.find(" with ") else {
        return 1;
    };
    let list = &rest[with + 6..];
    1 + list.matches(", ").count() + list.matches(" and ").count()
}

#[cfg(test)]
mod tests {
    use crate::domain::{Document, MeetingKind, Status};
    use crate::extract::extract;
    use crate::gazetteer::Gazetteer;

    /// A meeting as the table sees it: kind, participants, status.
    type Seen = (MeetingKind, Vec<String>, Status);

    fn meetings(text: &str) -> Vec<Seen> {
        let doc = Document::parse("t.txt", format!(" date 2021-05-07 {text}")).expect("doc");
        extract(&doc, Gazetteer::global())
            .meetings
            .into_iter()
            .map(|m| {
                (
                    m.kind,
                    m.participants.into_iter().map(|p| p.name).collect(),
                    m.status,
                )
            })
            .collect()
    }

    fn seen(kind: MeetingKind, names: &[&str], status: Status) -> Seen {
        (
            kind,
            names.iter().map(|n| (*n).to_owned()).collect(),
            status,
        )
    }

    #[test]
    fn engagements_in_the_forms_texts_use() {
        use MeetingKind::{Ceremony, Conference, Meal, Meeting, Other, Press, SiteVisit};
        use Status::{Completed, Planned};
        let cases: Vec<(&str, Vec<Seen>)> = vec![
            (
                "On 3 May, Foreign Minister Ana Ruiz met President Tomas Vik and Prime Minister Lena Berg in Lima.",
                vec![seen(Meeting, &["Tomas Vik", "Lena Berg"], Completed)],
            ),
            (
                "Foreign Minister Ana Ruiz arrived in Lima and took questions from the press at the airport.",
                vec![seen(Press, &[], Completed)],
            ),
            (
                "Foreign Minister Ana Ruiz arrived in Lima, where she answered reporters' questions.",
                vec![seen(Press, &[], Completed)],
            ),
            (
                "In Oslo, Foreign Minister Ana Ruiz was received by King Harald Moe for a tête-à-tête meeting.",
                vec![seen(Meeting, &["Harald Moe"], Completed)],
            ),
            (
                "Prime Minister Lena Berg hosted Foreign Minister Ana Ruiz and her delegation for a working dinner in Oslo.",
                vec![seen(Meal, &["Lena Berg"], Completed)],
            ),
            (
                "Foreign Minister Ana Ruiz met Minister Jon Dahl in Oslo. The two ministers then held a joint press conference.",
                vec![
                    seen(Meeting, &["Jon Dahl"], Completed),
                    seen(Press, &["Jon Dahl"], Completed),
                ],
            ),
            (
                "Foreign Minister Ana Ruiz arrived in Oslo on Thursday and held talks that evening with Minister Jon Dahl, with whom she signed an agreement.",
                vec![seen(Meeting, &["Jon Dahl"], Completed)],
            ),
            (
                "Foreign Minister Ana Ruiz met Minister Jon Dahl in Oslo. They then met the press together.",
                vec![
                    seen(Meeting, &["Jon Dahl"], Completed),
                    seen(Press, &["Jon Dahl"], Completed),
                ],
            ),
            (
                "Foreign Minister Ana Ruiz called on President Tomas Vik and conveyed the greetings of the President of Peru, Jon Dahl.",
                vec![seen(Meeting, &["Tomas Vik"], Completed)],
            ),
            (
                "Foreign Minister Ana Ruiz also met the two mayors who had walked with her: Mayor Tomas Vik and Mayor Jon Dahl.",
                vec![seen(Meeting, &["Tomas Vik", "Jon Dahl"], Completed)],
            ),
            (
                "Foreign Minister Ana Ruiz arrived in Oslo, where she visited a refugee camp.",
                vec![seen(SiteVisit, &[], Completed)],
            ),
            (
                "Minister Ana Ruiz arrived in Oslo. She called on President Tomas Vik and held delegation-level talks with Foreign Minister Jon Dahl.",
                vec![
                    seen(Meeting, &["Tomas Vik"], Completed),
                    seen(Meeting, &["Jon Dahl"], Completed),
                ],
            ),
            (
                "Minister Ana Ruiz arrived in Oslo. She is due to meet President Tomas Vik on Tuesday and deliver a speech.",
                vec![
                    seen(Meeting, &["Tomas Vik"], Planned),
                    seen(Other, &[], Planned),
                ],
            ),
            (
                "Minister Tomas Vik will arrive in Oslo on Thursday. Minister Jon Dahl told reporters on Tuesday he would raise the treaty.",
                vec![],
            ),
            (
                "Foreign Minister Ana Ruiz left Oslo for Madrid, ending a tour of Northern Europe.",
                vec![],
            ),
            (
                "Foreign Minister Ana Ruiz arrived in Oslo on a tour of the region.",
                vec![],
            ),
            (
                "Foreign Minister Ana Ruiz arrived in Oslo. She called on Minister Jon Dahl, her co-chair of the Inter-Governmental Commission on Trade, Scientific and Cultural Cooperation.",
                vec![seen(Meeting, &["Jon Dahl"], Completed)],
            ),
            (
                "Foreign Minister Ana Ruiz arrived in Oslo. She then went to the royal palace for talks with King Harald Moe.",
                vec![seen(Meeting, &["Harald Moe"], Completed)],
            ),
            (
                "Foreign Minister Ana Ruiz flew to Oslo. She will meet President Tomas Vik on Friday.",
                vec![seen(Meeting, &["Tomas Vik"], Planned)],
            ),
            (
                "Foreign Minister Ana Ruiz spoke by telephone with President Tomas Vik.",
                vec![],
            ),
            (
                "Foreign Minister Ana Ruiz was received by King Harald Moe at the palace in Oslo and held separate talks with her counterpart, Foreign Minister Jon Dahl, with whom she later gave a press conference.",
                vec![
                    seen(Meeting, &["Harald Moe"], Completed),
                    seen(Meeting, &["Jon Dahl"], Completed),
                    seen(Press, &["Jon Dahl"], Completed),
                ],
            ),
            (
                "Foreign Minister Ana Ruiz flew to Oslo on Friday to take part in the Nordic Energy Conference. On Monday, she addressed the opening of the Conference.",
                vec![seen(Conference, &[], Completed)],
            ),
            (
                "Foreign Minister Ana Ruiz arrived in Oslo. Ana Ruiz and Tomas Vik then made statements for the press.",
                vec![seen(Press, &["Tomas Vik"], Completed)],
            ),
            (
                "Foreign Minister Ana Ruiz arrived in Oslo. Prime Minister Tomas Vik and Ruiz later gave a joint press conference.",
                vec![seen(Press, &["Tomas Vik"], Completed)],
            ),
            (
                "Foreign Minister Ana Ruiz arrived in Oslo, where President Tomas Vik welcomed her. The leaders then joined a roundtable with business executives, among them Chief Executive Jon Moe.",
                vec![
                    seen(Ceremony, &["Tomas Vik"], Completed),
                    seen(Meeting, &["Jon Moe"], Completed),
                ],
            ),
            (
                "Foreign Minister Ana Ruiz arrived in Oslo. She held successive meetings at the palace with President Tomas Vik, and then with Speaker Jon Dahl and Prime Minister Lena Berg.",
                vec![
                    seen(Meeting, &["Tomas Vik"], Completed),
                    seen(Meeting, &["Jon Dahl", "Lena Berg"], Completed),
                ],
            ),
            (
                "Foreign Minister Ana Ruiz arrived in Oslo. She also met President Tomas Vik of Norway, the host of the summit.",
                vec![seen(Meeting, &["Tomas Vik"], Completed)],
            ),
            (
                "Foreign Minister Ana Ruiz arrived in Oslo. She met President Tomas Vik on the sidelines of the Nordic Summit.",
                vec![seen(Meeting, &["Tomas Vik"], Completed)],
            ),
            (
                "Foreign Minister Ana Ruiz arrived in Oslo and held separate meetings with President Tomas Vik and Prime Minister Lena Berg.",
                vec![
                    seen(Meeting, &["Tomas Vik"], Completed),
                    seen(Meeting, &["Lena Berg"], Completed),
                ],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(meetings(text), expected, "{text}");
        }
    }

    #[test]
    fn the_host_of_a_meal_in_the_travellers_honour_is_met() {
        use MeetingKind::{Meal, Meeting};
        use Status::{Completed, Planned};
        let cases: Vec<(&str, Vec<Seen>)> = vec![
            (
                "President Tomas Vik arrived in Oslo. King Harald Moe will host a banquet in Vik's honour.",
                vec![seen(Meal, &["Harald Moe"], Planned)],
            ),
            (
                "President Tomas Vik held talks in Oslo with Prime Minister Lena Berg, who afterwards hosted a luncheon in his honour.",
                vec![
                    seen(Meeting, &["Lena Berg"], Completed),
                    seen(Meal, &["Lena Berg"], Completed),
                ],
            ),
            (
                "President Tomas Vik reached Oslo, which Harald Moe once ruled. In the evening, Moe received Vik at the palace for a dinner.",
                vec![seen(Meal, &["Harald Moe"], Completed)],
            ),
            (
                "President Tomas Vik arrived in Oslo. Vik's talks with Lena Berg are seen as a test of the new government.",
                vec![],
            ),
            (
                "In Oslo, President Tomas Vik held talks with Minister Jon Dahl, a former judge who now chairs the party's council, at the guesthouse, followed by a dinner hosted by Dahl.",
                vec![
                    seen(MeetingKind::Meeting, &["Jon Dahl"], Completed),
                    seen(Meal, &["Jon Dahl"], Completed),
                ],
            ),
            (
                "In Oslo, President Tomas Vik met Foreign Minister Jon Dahl, with whom he held a joint press availability.",
                vec![
                    seen(MeetingKind::Meeting, &["Jon Dahl"], Completed),
                    seen(MeetingKind::Press, &["Jon Dahl"], Completed),
                ],
            ),
            (
                "President Tomas Vik attended the G20 Trade and Finance Ministers\u{2019} Meeting in Oslo.",
                vec![seen(MeetingKind::Conference, &[], Completed)],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(meetings(text), expected, "{text}");
        }
    }

    #[test]
    fn receptions_calls_and_joint_appearances() {
        use MeetingKind::{Ceremony, Meal, Meeting, Press};
        use Status::Completed;
        let arrival = "Foreign Minister Ana Ruiz arrived in Lima on Monday.";
        let cases: Vec<(&str, Vec<Seen>)> = vec![
            (
                "Earlier that day, she had met Jon Dahl, who is President of the Regional Commission.",
                vec![seen(Meeting, &["Jon Dahl"], Completed)],
            ),
            (
                "President Tomas Vik gave a dinner at the palace at which she was guest of honour.",
                vec![seen(Meal, &["Tomas Vik"], Completed)],
            ),
            (
                "She is due to meet President Tomas Vik, and after that Prime Minister Lena Berg.",
                vec![seen(Meeting, &["Tomas Vik", "Lena Berg"], Status::Planned)],
            ),
            (
                "She will meet Prime Minister Lena Berg, and will hold talks with her counterpart, Minister Jon Dahl.",
                vec![
                    seen(Meeting, &["Lena Berg"], Status::Planned),
                    seen(Meeting, &["Jon Dahl"], Status::Planned),
                ],
            ),
            (
                "She then met survivors Lena Berg, 91, who heads a group.",
                vec![seen(Meeting, &["Lena Berg"], Completed)],
            ),
            (
                "She will attend a welcome ceremony hosted by President Tomas Vik on Tuesday.",
                vec![seen(Ceremony, &["Tomas Vik"], Status::Planned)],
            ),
            (
                "She was welcomed at the airport by Foreign Minister Jon Dahl.",
                vec![seen(Ceremony, &["Jon Dahl"], Completed)],
            ),
            (
                "She was greeted on the tarmac by Jon Dahl, a senior official.",
                vec![seen(Ceremony, &["Jon Dahl"], Completed)],
            ),
            (
                "She paid homage at the memorial to the victims of the war.",
                vec![seen(Ceremony, &[], Completed)],
            ),
            (
                "She laid flowers at a memorial to the fallen and later addressed the Peruvian parliament.",
                vec![
                    seen(Ceremony, &[], Completed),
                    seen(MeetingKind::Other, &[], Completed),
                ],
            ),
            (
                "She laid a wreath in memory of the late Sen. Ole Lie.",
                vec![seen(Ceremony, &[], Completed)],
            ),
            (
                "She laid a wreath at the monument to Marshal of the Royal Army Ole Lie.",
                vec![seen(Ceremony, &[], Completed)],
            ),
            (
                "She was greeted on the tarmac by Jon Dahl rather than by President Tomas Vik.",
                vec![seen(Ceremony, &["Jon Dahl"], Completed)],
            ),
            (
                "She met with Prime Minister Tomas Vik, calling on the two sides to expand trade.",
                vec![seen(Meeting, &["Tomas Vik"], Completed)],
            ),
            (
                "Minister Tomas Vik said at a joint news briefing that trade had grown.",
                vec![seen(Press, &["Tomas Vik"], Completed)],
            ),
            (
                "On arrival in the capital, she was received by Foreign Minister Jon Dahl.",
                vec![seen(Ceremony, &["Jon Dahl"], Completed)],
            ),
            (
                "She held talks with President Tomas Vik and offered to carry a message to Lima.",
                vec![seen(Meeting, &["Tomas Vik"], Completed)],
            ),
            (
                "In a message to Minister Tomas Vik, she welcomed the meeting of the two sides.",
                vec![],
            ),
            (
                "She then called on President Tomas Vik at the palace.",
                vec![seen(Meeting, &["Tomas Vik"], Completed)],
            ),
            (
                "On Sunday, the Foreign Minister called on President Tomas Vik at the palace.",
                vec![seen(Meeting, &["Tomas Vik"], Completed)],
            ),
            (
                "She called on the newly elected President, Tomas Vik, at the palace.",
                vec![seen(Meeting, &["Tomas Vik"], Completed)],
            ),
            (
                "She will call on the President of Peru, Mr. Tomas Vik, and hold talks with Prime Minister Jon Dahl.",
                vec![
                    seen(Meeting, &["Tomas Vik"], Status::Planned),
                    seen(Meeting, &["Jon Dahl"], Status::Planned),
                ],
            ),
            ("She called on the world to act on climate.", vec![]),
            (
                "She and Tomas Vik held talks in Lima ahead of the inauguration of President-elect Jon Dahl.",
                vec![seen(Meeting, &["Tomas Vik"], Completed)],
            ),
            (
                "She called on the newly elected President, Tomas Vik, to release the prisoners.",
                vec![],
            ),
            (
                "She held talks with President Tomas Vik, after which the two spoke to the press.",
                vec![
                    seen(Meeting, &["Tomas Vik"], Completed),
                    seen(Press, &["Tomas Vik"], Completed),
                ],
            ),
            (
                "She met President Tomas Vik, and the two then appeared together at a press conference.",
                vec![
                    seen(Meeting, &["Tomas Vik"], Completed),
                    seen(Press, &["Tomas Vik"], Completed),
                ],
            ),
            (
                "Ruiz and Trade Minister Ole Lie held talks with President Tomas Vik.",
                vec![seen(Meeting, &["Tomas Vik"], Completed)],
            ),
            (
                "President Tomas Vik and his wife Eva Vik hosted her for a state dinner.",
                vec![seen(Meal, &["Tomas Vik", "Eva Vik"], Completed)],
            ),
            (
                "In the evening, President Tomas Vik received Ruiz for an iftar.",
                vec![seen(Meal, &["Tomas Vik"], Completed)],
            ),
            (
                "President Tomas Vik gave a welcome ceremony for her. Bilateral talks followed.",
                vec![
                    seen(Ceremony, &["Tomas Vik"], Completed),
                    seen(Meeting, &["Tomas Vik"], Completed),
                ],
            ),
            (
                "Talks between Peru and Chile were held in Santiago last year.",
                vec![],
            ),
            (
                "She met President Tomas Vik to discuss trade and the crisis in Chile.",
                vec![seen(Meeting, &["Tomas Vik"], Completed)],
            ),
        ];
        for (text, expected) in cases {
            let text = format!("{arrival} {text}");
            assert_eq!(meetings(&text), expected, "{text}");
        }
    }

    #[test]
    fn background_and_cancelled_engagements_are_left_out() {
        let arrival = "Foreign Minister Ana Ruiz arrived in Lima on Monday.";
        for text in [
            "Ruiz last visited Peru in 2015, when she met President Tomas Vik.",
            "She had been due to meet Minister Jon Dahl in Quito, but the stop was called off.",
            "She met President Tomas Vik two years ago in Geneva.",
            "Trade Minister Ole Lie is expected to hold talks with his Peruvian counterpart next year.",
            "She did not attend the regional summit in Quito this week.",
            "She had hoped to meet President Tomas Vik, who was abroad.",
            "She will leave on Monday, Chief Secretary Lena Berg told a regular news conference.",
            "Trade Minister Ole Lie, who attended the Andean Trade Conference last week, did not accompany her.",
            "She also recorded a video message for the youth forum held in Cusco.",
            "She travelled in a joint mission also joined by Jon Dahl, President of the Andean Bank.",
            "Minister Jon Dahl joined her from Oslo.",
        ] {
            let text = format!("{arrival} {text}");
            assert_eq!(meetings(&text), vec![], "{text}");
        }
    }

    #[test]
    fn a_call_then_a_town_hall() {
        let text = "Foreign Minister Ana Ruiz arrived in Lima on Monday. There she called on President Tomas Vik, and addressed the staff of the embassy at a town hall meeting, before departing for Quito.";
        let got = meetings(text);
        assert_eq!(
            got,
            vec![
                seen(MeetingKind::Meeting, &["Tomas Vik"], Status::Completed),
                seen(MeetingKind::TownHall, &[], Status::Completed),
            ]
        );
    }

    #[test]
    fn a_gathering_attended_on_the_way_is_a_conference() {
        let text = "Foreign Minister Ana Ruiz arrived in Lima on Monday from Quito, where she had attended a meeting of the Andean Council.";
        assert_eq!(
            meetings(text),
            vec![seen(MeetingKind::Conference, &[], Status::Completed)]
        );
    }

    #[test]
    fn sitting_down_with_someone_is_a_meeting_and_the_two_men_face_the_press_together() {
        let found = meetings(
            "Minister Ana Ruiz arrived in Lima on Monday. She sat down with the Coordinator in Peru, Jon Dahl, who briefed her on the floods. Afterwards, the two men spoke to reporters.",
        );
        assert_eq!(
            found,
            vec![
                (
                    MeetingKind::Meeting,
                    vec!["Jon Dahl".to_owned()],
                    Status::Completed
                ),
                (
                    MeetingKind::Press,
                    vec!["Jon Dahl".to_owned()],
                    Status::Completed
                ),
            ]
        );
    }

    #[test]
    fn meeting_some_before_sitting_down_with_others_is_two_engagements() {
        let found = meetings(
            "Minister Ana Ruiz arrived in Lima on Monday. She met business leaders there before sitting down with President Tomas Vik.",
        );
        assert_eq!(
            found,
            vec![
                (MeetingKind::Meeting, vec![], Status::Completed),
                (
                    MeetingKind::Meeting,
                    vec!["Tomas Vik".to_owned()],
                    Status::Completed
                ),
            ]
        );
    }

    #[test]
    fn the_host_of_a_dinner_and_one_standing_beside_at_the_press_are_met() {
        let found = meetings(
            "President Ana Ruiz arrived in Lima on Tuesday. President Tomas Vik welcomed her at the palace. The two presidents began with a one-on-one conversation. Several agreements were signed in front of the two leaders. \"We agree,\" Ruiz told reporters after the talks, standing beside President Tomas Vik. In the evening she attended a state dinner that Vik hosted in her honour.",
        );
        let vik = || vec!["Tomas Vik".to_owned()];
        assert_eq!(
            found,
            vec![
                (MeetingKind::Ceremony, vik(), Status::Completed),
                (MeetingKind::Meeting, vik(), Status::Completed),
                (MeetingKind::Ceremony, vik(), Status::Completed),
                (MeetingKind::Press, vik(), Status::Completed),
                (MeetingKind::Meal, vik(), Status::Completed),
            ]
        );
    }

    #[test]
    fn received_at_an_airport_with_a_long_name_by_someone_is_a_welcome() {
        let found = meetings(
            "Minister Ana Ruiz flew in from Quito on Monday and was received at Jorge Chavez International Airport in Lima by President Tomas Vik.",
        );
        assert_eq!(
            found,
            vec![(
                MeetingKind::Ceremony,
                vec!["Tomas Vik".to_owned()],
                Status::Completed
            )]
        );
    }

    #[test]
    fn being_briefed_at_the_hotel_by_someone_of_a_convention_is_a_meeting_with_them() {
        let found = meetings(
            "Secretary-General Ana Ruiz arrived in Lima on Tuesday. That evening, the Secretary-General was briefed at her hotel by Jon Dahl, Executive Secretary of the Convention, on the talks.",
        );
        assert_eq!(
            found,
            vec![(
                MeetingKind::Meeting,
                vec!["Jon Dahl".to_owned()],
                Status::Completed
            )]
        );
    }

    #[test]
    fn sitting_down_when_and_where_then_with_someone_is_a_meeting() {
        let found = meetings(
            "Minister Ana Ruiz arrived in Lima on Monday. She sat down on Tuesday afternoon at a hotel in downtown Lima with Jon Dahl, the Foreign Minister, and Defence Minister Tomas Vik.",
        );
        assert_eq!(
            found,
            vec![(
                MeetingKind::Meeting,
                vec!["Jon Dahl".to_owned(), "Tomas Vik".to_owned()],
                Status::Completed
            )]
        );
    }
}
