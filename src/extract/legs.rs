//! Legs: the traveller's movements in one sentence — "flew from A to B", "arrived in B from
//! A", "departed A for B", "reached B, having travelled from A via C", "continued by road into
//! X, reaching B", "took a flight to B", "will go to A, with visits to B, C and D", "his first
//! destination was B", with the stopovers ("via", "a stopover in") and the means ("by road",
//! "by helicopter", "flew"). A movement counts only when the traveller is the one moving.
//! Chaining legs across sentences is the story's business. Pure.

use std::sync::LazyLock;

use regex::Regex;

use crate::domain::{Mode, Place};
use crate::extract::places::{PlaceKind, PlaceMention};
use crate::extract::reading::{Actor, PLUPERFECT, Reading, Who, floor_char, tail, topic_place};

/// What a trigger word says about the movement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Motion {
    /// Leaving a place: its object is the origin ("departed Moscow").
    Depart,
    /// Getting somewhere: its object is the destination ("reached Sirte").
    Arrive,
    /// Going: "to"/"for" give the destination, "from" the origin.
    Travel,
    /// Going to see a place: its object is the destination ("visited Laos").
    Visit,
}

/// A movement read from one sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct LegFact {
    /// Byte offset of the trigger in the sentence.
    pub at: usize,
    pub motion: Motion,
    pub origin: Option<PlaceMention>,
    pub destination: Option<PlaceMention>,
    pub via: Vec<Place>,
    pub mode: Option<Mode>,
    pub planned: bool,
    /// "arriving there", "arrived here", "came to the island": the destination is the place
    /// just named or the place of the visit.
    pub destination_is_current: bool,
    /// "returned to the capital": the destination is the capital of the country the traveller
    /// is in (the current place itself when it is that capital or unknown).
    pub to_the_capital: bool,
    /// Stops listed after the first ("visits to A, B and C"): legs in that order.
    pub then: Vec<PlaceMention>,
    /// No place at all: the movement only dates the narrative.
    pub placeless: bool,
    /// Where a later part of the same movement is told ("Coming from A, ..., she arrived
    /// in B on Monday"): its date serves when the start has none.
    pub later_at: Option<usize>,
    /// "returning to London": a way back, never a closer look at the journey before.
    pub back: bool,
    /// "arrived in B after flying to A": a journey told after the arrival it led to, which
    /// need not start where the story is.
    pub told_before_arrival: bool,
    pub rule: &'static str,
}

struct Trigger {
    name: &'static str,
    motion: Motion,
    pattern: LazyLock<Regex>,
}

fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).expect("leg pattern compiles")
}

static TRIGGERS: [Trigger; 5] = [
    Trigger {
        name: "depart",
        motion: Motion::Depart,
        pattern: LazyLock::new(|| {
            compile(
                r"(?i)(?-u:\b)(?:departed|departing|departs|depart|left|leaving|leaves|leave|set\s+off|setting\s+off|sets\s+off|set\s+out|setting\s+out|took\s+off|takes?\s+off|taking\s+off|lifted\s+off|lifts?\s+off|emplaned|emplaning|emplanes|emplane|enplaned|enplanes|enplane|^(?:\d{1,2}[:.h]\d{2}\s+|[\w ,]{1,30}:\s+)?departure)(?-u:\b)",
            )
        }),
    },
    Trigger {
        name: "arrive",
        motion: Motion::Arrive,
        pattern: LazyLock::new(|| {
            compile(
                r"(?i)(?-u:\b)(?:^back\s+in|arrived|arriving|arrives|arrive|arrival|reached|reaching|reaches|reach|landed|landing|lands|got\s+to|gets\s+to|came\s+to|comes\s+to|come\s+to|coming\s+to|touched\s+down|made\s+a\s+(?:brief\s+|short\s+)?stop\s+in|stopped\s+(?:off\s+)?in|(?:first|next|final|last)\s+(?:destination|stop)\s+(?:was|is|will\s+be)|(?:due|expected|scheduled)\s+(?:back\s+|home\s+)?in|(?:was|were)\s+back\s+in)(?-u:\b)",
            )
        }),
    },
    Trigger {
        name: "travel",
        motion: Motion::Travel,
        pattern: LazyLock::new(|| {
            compile(
                r"(?i)(?-u:\b)(?:flew|flying|flown|flies|fly|travell?ed|travell?ing|travels|travel|went\s+on|went|goes|go|going|headed|heading|heads|head|proceeded|proceeding|proceeds|proceed|continued|continuing|continues|continue|moved\s+on|returned|returning|returns|return|drove|driving|journeyed|crossed|sailed|coming|came|(?:made|makes|making)\s+(?:his|her|their)\s+way|took\s+(?:a|an|the)\s+(?:\w+\s+)?(?:flight|helicopter|plane|train|boat|ferry)|carry\s+(?:him|her)|(?:take|takes|took|taking)\s+(?:him|her|the\s+(?-i:Secretary-General|(?:[A-Z][\w-]+\s+){0,2}[A-Z][\w-]+))\s+(?:on\s+|back\s+|out\s+)?to|(?:carried|carries|brought|brings|ferried|ferries)\s+(?:him|her|them)\s+(?:on\s+|back\s+|out\s+)?to|departure\s+for|(?:was|were|being)\s+(?:then\s+|later\s+)?(?:taken|flown|driven)|boarded\s+(?:a|an|the|his|her)\s+(?:[\w-]+\s+){0,4}?(?:aircraft|plane|jet|helicopter|train|shinkansen|flight|boat|ship|ferry)|^(?:\d{1,2}[:.h]\d{2}\s+|[\w ,]{1,30}:\s+|(?:early\s+|late\s+)?(?:morning|afternoon|evening|overnight|night)\s+|(?:early\s+|late\s+)?in\s+the\s+(?:morning|afternoon|evening),\s+)?(?:return\s+)?(?:(?:road|air|helicopter|car|motorcade|train|boat)\s+)?(?:flight|drive|transfer|journey|trip|return|travel))(?-u:\b)",
            )
        }),
    },
    Trigger {
        name: "visit-noun",
        motion: Motion::Visit,
        pattern: LazyLock::new(|| {
            compile(
                r"(?i)(?-u:\b)(?:(?:began|begin|begins|beginning|started|start|paid|pay|pays|paying|made|make|makes|making|is\s+on|was\s+on|on|undertook|undertake|for)\s+(?:a|an|his|her|the|their)\s+(?:[\w-]+\s+){0,3}(?:visit|trip|tour|journey)\s+(?:by\s+(?:road|car|train|rail|air|sea|boat|helicopter)\s+)?(?:to|of)|(?:began|begun|begin|begins|beginning|started|start|starts|starting|opened|opens|opening|kicked\s+off|kicks\s+off)\s+(?:a|an|his|her|the|their)\s+(?:[\w-]+\s+){0,3}(?:visit|trip|tour|journey)\s+(?:on\s+\w+\s+)?in|(?:ended|concluded|wrapped\s+up|ends|concludes|wraps\s+up)\s+(?:a|an|his|her|the|their)\s+(?:[\w-]+\s+){0,3}(?:visit|trip|tour)\s+in|(?:paid|pay|pays|paying|made|make|makes|making)\s+(?:[\w-]+\s+){0,2}(?:visits|trips)\s+to|with\s+(?:(?:a\s+)?(?:stops?|visits?|stopovers?)\s+(?:in|to|at))|^(?:a|an|the|his|her)\s+(?:[\w-]+\s+){0,3}(?:visit|trip)\s+to)(?-u:\b)",
            )
        }),
    },
    Trigger {
        name: "visit",
        motion: Motion::Visit,
        pattern: LazyLock::new(|| {
            compile(r"(?i)(?-u:\b)(?:visited|visiting|visits|visit|toured|touring|tour)(?-u:\b)")
        }),
    },
];

/// The triggers' patterns, in order: the story finds in one pass which of them, and of the
/// meeting rules' event words, a sentence has.
pub fn trigger_patterns() -> impl Iterator<Item = &'static str> {
    TRIGGERS.iter().map(|t| t.pattern.as_str())
}

/// "in" after a verb of travel that names no place: "flew in late on Thursday", "flew in
/// from Berlin".
static FLEW_IN: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^ in(?:\s+(?:late|early|on|from|overnight|this|last|yesterday|today|tonight|aboard)(?-u:\b)|\s*[,.;]|\s*$)",
    )
});

/// Prepositions in a leg's frame.
static FRAME: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)(?-u:\b)(?P<prep>from|out\s+of|to|for|into|towards|toward|via|through|in|at|outside|near|there|here|by\s+way\s+of|bound\s+for|(?:with\s+)?(?:a\s+)?(?:short\s+)?(?:overnight\s+|refuell?ing\s+|technical\s+)?(?:stop-?over|layover|stop)\s+(?:in|at)|stopping\s+(?:over\s+)?in|refuell?ing\s+(?:in|at)|changing\s+(?:planes|aircraft)\s+(?:in|at)|transiting\s+(?:through\s+)?)(?-u:\b)",
    )
});

/// A verb of travel in the present tense: what is still to come.
pub static PRESENT: LazyLock<Regex> =
    LazyLock::new(|| compile(&format!("(?i){}", crate::extract::reading::PRESENT_MOTION)));

/// "Today I depart for Quito": a journey told in the first person present, as departure
/// statements announce it.
static FIRST_PERSON_PRESENT: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?-u:\b)(?:I|[Ww]e)\s+(?:also\s+)?(?:depart|leave|travel|fly|head|proceed|set\s+off|set\s+out|embark|go|visit)(?-u:\b)",
    )
});

/// "in from", "back in from" right after a verb of travel: the movement ends here.
static IN_FROM: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)^\s+(?:back\s+)?in\s+(?:\w+\s+)?from(?-u:\b)"));

/// The means of travel a sentence names.
static MODE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)(?-u:\b)(?P<heli>helicopters?)(?-u:\b)|(?-u:\b)(?P<road>by\s+(?:road|car|land|motorcade|bus|convoy)|drove|driving|overland)(?-u:\b)|(?-u:\b)(?P<rail>by\s+(?:train|rail)|train)(?-u:\b)|(?-u:\b)(?P<sea>by\s+(?:sea|boat|ship|ferry)|sailed)(?-u:\b)|(?-u:\b)(?P<air>by\s+(?:air|plane)|flew|flown|flying|fly|flies|flights?|plane|aircraft|jet|airlift)(?-u:\b)",
    )
});

/// The movements of the traveller in `reading`, in order. `has(k)`: whether trigger `k` (of
/// [`trigger_patterns`]) matches anywhere in the sentence.
pub fn facts(reading: &Reading<'_>, has: impl Fn(usize) -> bool) -> Vec<LegFact> {
    let mut hits: Vec<(usize, usize, &Trigger)> = Vec::new();
    for trigger in (0..TRIGGERS.len())
        .filter(|&k| has(k))
        .map(|k| &TRIGGERS[k])
    {
        for m in trigger.pattern.find_iter(reading.text) {
            let overlaps = hits.iter().any(|(s, e, _)| m.start() < *e && *s < m.end());
            if !overlaps {
                hits.push((m.start(), m.end(), trigger));
            }
        }
    }
    hits.sort_by_key(|(s, _, _)| *s);
    // "flew on to Tarawa, with a stop in Nauru to refuel": a stop on a journey just told is
    // a stopover of it (the journey's frame reads it), not a visit of its own
    let mut k = 1;
    while k < hits.len() {
        let phrase = &reading.text[hits[k].0..hits[k].1];
        if hits[k].2.name == "visit-noun"
            && phrase.starts_with("with ")
            && phrase.contains("stop")
            && hits[k - 1].2.motion != Motion::Visit
        {
            hits.remove(k);
        } else {
            k += 1;
        }
    }
    // "left Tel Aviv and made a brief stop in Larnaca before landing in Beirut": a stop on
    // the way to a landing told next is a stopover of that journey
    let mut k = 0;
    while k + 1 < hits.len() {
        let phrase = &reading.text[hits[k].0..hits[k].1];
        let stop = hits[k].2.name == "arrive"
            && (phrase.starts_with("made a") || phrase.starts_with("stopped"));
        let between = &reading.text[hits[k].1..hits[k + 1].0];
        if stop
            && hits[k + 1].2.name == "arrive"
            && between.contains(" before ")
            && !between.contains(['.', ';'])
        {
            hits.remove(k);
        } else {
            k += 1;
        }
    }
    let mut out = Vec::new();
    // "A visit to X began with the arrival of Minister Y": the visit is the traveller's
    let arrival_of_traveller = hits
        .iter()
        .any(|&(_, end, t)| t.name == "arrive" && of_traveller(reading, end));
    for (k, &(start, end, trigger)) in hits.iter().enumerate() {
        let limit = hits.get(k + 1).map_or(reading.text.len(), |h| h.0);
        let vouched = arrival_of_traveller && trigger.name == "visit-noun";
        if !vouched && !moves_traveller(reading, start, end, trigger)
            || reading.unrealised_at(start)
        {
            continue;
        }
        // "travel to Ohio, where he will visit a plant": what is done at a destination
        // just told is no journey of its own
        let at_destination = trigger.motion == Motion::Visit
            && out.iter().any(|f: &LegFact| {
                f.destination.as_ref().is_some_and(|d| {
                    d.end <= start && reading.text[d.end..start].contains(", where ")
                })
            });
        if at_destination {
            continue;
        }
        if let Some(fact) = frame(reading, start, end, limit, trigger) {
            out.push(fact);
        }
    }
    journeys_told_after_in_order(reading, &mut out);
    destination_before_where(reading, &mut out);
    out
}

/// "The tour began in Baghdad, where he flew from Tehran in the morning": a journey told
/// with its start only goes to the place "where" stands for ("The trip began in Lviv, in
/// western Ukraine, where he arrived": so does an arrival told without its place).
fn destination_before_where(reading: &Reading<'_>, facts: &mut [LegFact]) {
    for fact in facts.iter_mut().filter(|f| {
        (f.origin.is_some() || f.motion == Motion::Arrive) && f.destination.is_none() && !f.planned
    }) {
        let before = &reading.text[..fact.at];
        let Some(at) = before.rfind(", where ") else {
            continue;
        };
        // only the subject between "where" and the movement
        if fact.at - at > 48 {
            continue;
        }
        // (a city, then where it lies: "in Lviv, in western Ukraine, where")
        let city_then_where = |p: &&PlaceMention| {
            p.kind == PlaceKind::City
                && p.end < at
                && reading.text[p.end..at].starts_with(", in ")
                && !reading.text[p.end + 1..at].contains(',')
        };
        let right_before = |p: &&PlaceMention| {
            p.end == at && matches!(p.kind, PlaceKind::City | PlaceKind::Country)
        };
        fact.destination = reading
            .places
            .iter()
            .rfind(city_then_where)
            .or_else(|| reading.places.iter().rfind(right_before))
            .filter(|p| fact.origin.as_ref().is_none_or(|o| o.place != p.place))
            .cloned();
        fact.placeless &= fact.destination.is_none();
    }
}

/// "arrived in Kyiv by train on Friday after flying to Rzeszow on Thursday": the journey
/// after "after" came first, and the arrival set out from where it ended.
fn journeys_told_after_in_order(reading: &Reading<'_>, facts: &mut [LegFact]) {
    for k in 1..facts.len() {
        let (first, second) = (&facts[k - 1], &facts[k]);
        if crate::extract::reading::after_gerund(reading.text, second.at)
            && first.motion == Motion::Arrive
            && first.origin.is_none()
            && first.destination.is_some()
            && second.destination.is_some()
            && second.planned == first.planned
        {
            facts[k - 1].origin.clone_from(&facts[k].destination);
            facts[k].told_before_arrival = true;
            facts.swap(k - 1, k);
        }
    }
}

/// "(The visit to Cyprus) is at the invitation of": a visit described, not told.
static INVITED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^,;]{0,40}?\s(?:is|was|will\s+be)\s+(?:being\s+)?(?:at\s+the\s+invitation|undertaken|made|paid)(?-u:\b)")
        .expect("invited pattern compiles")
});

/// Right after "returns": what is returned is a call or a visit ("returned the visit").
static RETURNS_A_CALL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s+(?:the|a|that)\s+(?:[\w-]+\s+)?(?:call|visit|courtesy|favou?r|gesture)(?-u:\b)",
    )
    .expect("returns-a-call pattern compiles")
});

/// The traveller is the one moving: the agent of the verb, or named right after a noun
/// ("the arrival of Minister X"), or the owner of it ("his first destination").
fn moves_traveller(reading: &Reading<'_>, start: usize, end: usize, trigger: &Trigger) -> bool {
    // compared over bytes in any ASCII case: no other letter lower-cases to one of these
    let phrase = &reading.text[start..end];
    let noun = [
        "arrival",
        "departure",
        "return",
        "visit",
        "trip",
        "tour",
        "journey",
    ]
    .iter()
    .any(|n| phrase.len() >= n.len() && phrase[..n.len()].eq_ignore_ascii_case(n));
    if noun && TIME_REFERENCE.is_match(tail(&reading.text[..start], 80)) {
        // "ahead of Bush's arrival in Benin": a movement used to place something in time
        // (but "after the Minister departed Bogota" tells a departure)
        return false;
    }
    if noun && of_someone_else(reading, end) {
        // "discussed the return of refugees from the camps": somebody else's movement
        return false;
    }
    let carried = phrase.ends_with(" to") && (phrase.contains(" him ") || phrase.contains(" her "));
    if carried && RECAP.is_match(tail(&reading.text[..start], 40)) {
        // "headed home, ending a trip that also took him to Myanmar": where the trip went
        // before, told in passing
        return reading.planned_at(start);
    }
    if others_made_to_move(reading, start) || said_of_oneself(reading, start) {
        return false;
    }
    // "Before leaving Tokyo, she had spoken with X": the time before the journey, whose
    // leaving is told in its place
    let leaving = ["leaving", "departing"]
        .iter()
        .any(|w| phrase.eq_ignore_ascii_case(w));
    if leaving
        && reading.text[..start]
            .trim_end()
            .eq_ignore_ascii_case("before")
        && PLUPERFECT.is_match(&reading.text[end..])
    {
        return false;
    }
    // "as Britain left the European Union": a country that moves is no traveller
    let country_subject = reading.places.iter().any(|p| {
        p.kind == PlaceKind::Country
            && p.end < start
            && reading.text[p.end..start].trim().is_empty()
            && !reading.text[..p.start]
                .trim_end()
                .rsplit(' ')
                .next()
                .is_some_and(|w| {
                    ["in", "from", "to", "of", "at", "for", "into", "via"]
                        .iter()
                        .any(|prep| w.eq_ignore_ascii_case(prep))
                })
    });
    if country_subject {
        return false;
    }
    // "The visit returns the call X paid to Tokyo": a call repaid, no way back
    if phrase
        .get(..6)
        .is_some_and(|w| w.eq_ignore_ascii_case("return"))
        && RETURNS_A_CALL.is_match(&reading.text[end..])
    {
        return false;
    }
    // "The tour is meant to ...": a visit named, not made (its own rule reads "the visit to")
    if trigger.name == "visit" && after_determiner(&reading.text[..start]) {
        return false;
    }
    // "The visit to Cyprus is at the invitation of X": the visit told before, described
    if start <= 4 && reading.text.starts_with("The ") && INVITED.is_match(&reading.text[end..]) {
        return false;
    }
    if moved_by_a_relative_of_others(reading, start) {
        return false;
    }
    if matches!(
        reading.agent(start),
        Some(Who::Traveller | Who::Party | Who::Entourage)
    ) {
        return true;
    }
    // compared over bytes in any ASCII case: no other letter lower-cases to one of these
    let before = reading.text[..start].trim_end().as_bytes();
    let ends = |tail: &str| {
        before.len() >= tail.len()
            && before[before.len() - tail.len()..].eq_ignore_ascii_case(tail.as_bytes())
    };
    // "met X before driving to Y": the subject of the sentence drives, not the one met
    let before_gerund = phrase.split(' ').next().is_some_and(|w| w.ends_with("ing"))
        && (ends(" before") || ends(" after"));
    if before_gerund
        && matches!(
            reading.main_subject(),
            Some(Who::Traveller | Who::Party | Who::Entourage)
        )
    {
        return true;
    }
    if carried_traveller(reading, start) {
        return true;
    }
    // "the tour, which will also take him to Hungary": the traveller is carried (what a trip
    // "also took him to" is a recap of places already told), unless "him" is the one the
    // sentence is about ("X is expected in Cairo at the start of a tour that will also take
    // him to Israel")
    if carried {
        return reading.planned_at(start)
            && !matches!(reading.main_subject(), Some(Who::Person(_)));
    }
    let owned = ends("his") || ends("her") || ends("'s");
    (trigger.name != "visit" && of_traveller(reading, end))
        || owned && trigger.motion != Motion::Travel
}

/// "the refugees who have crossed into the district": a relative clause whose "who" stands
/// for people other than anyone the sentence names.
fn moved_by_a_relative_of_others(reading: &Reading<'_>, start: usize) -> bool {
    let before = reading.text[..start].trim_end();
    let who = ["who have", "who has", "who had", "who"]
        .iter()
        .find_map(|w| before.strip_suffix(w))
        .filter(|rest| rest.ends_with(' '));
    let Some(rest) = who else {
        return false;
    };
    let at = rest.trim_end().trim_end_matches(',').len();
    reading.actor_ending_at(at).is_none()
}

/// "Amir-Abdollahian has said he will travel to Riyadh": "he" is the one who said it, when
/// that is somebody other than the traveller.
fn said_of_oneself(reading: &Reading<'_>, start: usize) -> bool {
    static SAID_HE: LazyLock<Regex> = LazyLock::new(|| {
        compile(
            r"(?:has\s+|had\s+)?(?:said|says|announced|stated|added)\s+(?:that\s+)?(?:he|she)\s+[^,;]*$",
        )
    });
    let before = tail(&reading.text[..start], 100);
    let Some(m) = SAID_HE.find(before) else {
        return false;
    };
    let at = start - before.len() + m.start();
    reading
        .actor_ending_at(at)
        .is_some_and(|a| matches!(a.who, Who::Person(_)))
}

/// `before` ends on a determiner: what follows is a noun.
fn after_determiner(before: &str) -> bool {
    let last = before.trim_end().rsplit(' ').next().unwrap_or("");
    [
        "the", "a", "an", "this", "that", "his", "her", "their", "its",
    ]
    .iter()
    .any(|d| last.eq_ignore_ascii_case(d))
}

/// "programmes that allow workers from these countries to come to Spain": the movement of
/// the people the verb before it lets or helps move, unless they are the traveller's party.
fn others_made_to_move(reading: &Reading<'_>, start: usize) -> bool {
    static LET: LazyLock<Regex> = LazyLock::new(|| {
        compile(
            r"(?i)(?-u:\b)(?:allow|allows|allowed|allowing|enable|enables|enabled|enabling|help|helps|helped|helping|let|lets|permit|permits|permitted|encourage|encourages|encouraged|urge|urges|urged|force|forces|forced)\s+(?:[\w'-]+\s+){1,6}?to\s+$",
        )
    });
    let before = tail(&reading.text[..start], 80);
    let Some(m) = LET.find(before) else {
        return false;
    };
    let from = start - before.len() + m.start();
    !reading.traveller_in(from, start)
}

/// "a trip that also", "the tour, which": a journey as a whole, what it took the traveller
/// to told next.
static RECAP: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)(?-u:\b)(?:trip|tour|visit|journey|swing)(?:\s+(?:of|to|through|across)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)?\s*,?\s+(?:that|which)\s+(?:also\s+|had\s+|has\s+|this\s+(?:year|time|week)\s+)*$",
    )
});

/// "Her plane landed", "The Minister's aircraft touched down", "Merkel's Airbus touched
/// down", "Air Force One landed": the traveller's aircraft or motorcade moving, with nobody
/// else named as its owner.
fn carried_traveller(reading: &Reading<'_>, start: usize) -> bool {
    static VEHICLE: LazyLock<Regex> = LazyLock::new(|| {
        compile(
            r"(?:(?:[Hh]is|[Hh]er|[Tt]heir|(?:[Tt]he\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}(?:'s|\x{2019}s))\s+(?:[\w-]+\s+)?(?:aircraft|plane|airplane|jet|flight|motorcade|convoy|helicopter|Airbus|Boeing)|[Tt]he\s+(?:presidential|prime\s+minister's|royal|official|chancellor's)\s+(?:aircraft|plane|airplane|jet|motorcade|convoy|helicopter)|[Tt]he\s+(?:[A-Z][\w-]*\s+){0,2}(?:Airbus|Boeing|Ilyushin|Embraer|Gulfstream)(?:\s+[\w-]+)?|[Tt]he\s+(?:[A-Z][\w-]*\s+){1,3}(?:[A-Z]?\d{3}(?:-\d{1,3})?|aircraft|plane|jet|airplane)|Air\s+Force\s+One)(?:\s+from\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?\s+(?:(?:has|had)\s+)?$",
        )
    });
    let (clause_start, _) = reading.clause(start);
    let before = &reading.text[clause_start..start];
    let Some(m) = VEHICLE.find(before) else {
        return false;
    };
    let from = clause_start + m.start();
    !reading
        .actors_in(from, start)
        .any(|a| !matches!(a.who, Who::Traveller | Who::Party | Who::Entourage))
}

/// "the arrival of Minister X": the traveller named right after the word ending at `end`.
fn of_traveller(reading: &Reading<'_>, end: usize) -> bool {
    owner_after(reading, end)
        .is_some_and(|(_, actor)| actor.is_some_and(|a| a.who == Who::Traveller))
}

/// "the return of refugees", "the visit of President Vik": a movement noun whose "of" names
/// somebody else, a person other than the traveller or people the text does not identify.
fn of_someone_else(reading: &Reading<'_>, end: usize) -> bool {
    let Some((owner, actor)) = owner_after(reading, end) else {
        return false;
    };
    // ("the arrival of the President" whom the text does not name may be the traveller's)
    let own = actor.is_some_and(|a| !matches!(a.who, Who::Person(_)));
    // "the visit of 2 March", "the trip of a lifetime" say when or what, not whose
    let whose = owner
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| !w.is_empty() && !w.starts_with(|c: char| c.is_ascii_digit()));
    !own && whose && !matches!(owner.split(' ').next(), Some("a" | "an" | "this" | "that"))
}

/// What "of" right after the word ending at `end` introduces: the rest of the text, and the
/// actor named at its start, if any.
fn owner_after<'r>(reading: &'r Reading<'_>, end: usize) -> Option<(&'r str, Option<&'r Actor>)> {
    let owner = reading.text[end..].trim_start().strip_prefix("of ")?;
    let at = reading.text.len() - owner.len();
    let actor = reading
        .actors
        .iter()
        .find(|a| a.start >= at && a.start <= at + 8);
    Some((owner, actor))
}

/// "the new capital, Nay Pyi Taw", "the island, Lesbos": the place a description right
/// after byte `at` names.
fn named_after(reading: &Reading<'_>, at: usize) -> Option<PlaceMention> {
    static DESCRIBED: LazyLock<Regex> = LazyLock::new(|| {
        compile(r"^\s*the\s+(?:[a-z-]+\s+)?(?:island|country|city|capital|town|region),\s*")
    });
    let m = DESCRIBED.find(&reading.text[at..])?;
    let name_at = at + m.end();
    reading
        .places
        .iter()
        .find(|p| p.start == name_at && p.kind != PlaceKind::Site)
        .cloned()
}

/// "the island", "the capital": a place named by what it is, already known (but "the city
/// of Les Cayes" names it).
fn anaphoric(after: &str) -> Option<Anaphor> {
    static ANAPHORIC: LazyLock<Regex> = LazyLock::new(|| {
        compile(r"^\s*the\s+(?:island|country|city|capital|town|region|kingdom|republic)(?-u:\b)")
    });
    let m = ANAPHORIC
        .find(after)
        .filter(|m| !after[m.end()..].trim_start().starts_with("of "))?;
    Some(if m.as_str().ends_with("capital") {
        Anaphor::Capital
    } else {
        Anaphor::Current
    })
}

/// What an [`anaphoric`] place names.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Anaphor {
    /// "the island", "the city": where the traveller is.
    Current,
    /// "the capital": the capital of the country the traveller is in.
    Capital,
}

/// "ahead of his arrival", "after the visit of": a movement named to date something else.
static TIME_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)(?-u:\b)(?:ahead\s+of|prior\s+to|before|after|following|since|during|upon|on)\s+(?:(?:the|his|her|their|[\w-]+'s)\s+)(?:[\w-]+\s+)?$",
    )
});

/// "Bush was holding talks ..., before continuing by air to Tanzania": what follows an
/// action still going on when the text was written is still to come.
fn after_ongoing(reading: &Reading<'_>, start: usize) -> bool {
    static ONGOING: LazyLock<Regex> = LazyLock::new(|| {
        compile(
            r"(?i)(?-u:\b)(?:is|are|was|were)\s+(?:\w+\s+)?\w+ing(?-u:\b)[^.;]*(?-u:\b)before\s+$",
        )
    });
    ONGOING.is_match(tail(&reading.text[..start], 200))
}

/// Reads the places around a trigger, up to `limit` (the next trigger) or the clause end.
fn frame(
    reading: &Reading<'_>,
    start: usize,
    end: usize,
    limit: usize,
    trigger: &Trigger,
) -> Option<LegFact> {
    let (_, clause_end) = reading.clause(end);
    let stop = limit.min(clause_end);
    let mut fact = LegFact {
        at: start,
        motion: trigger.motion,
        origin: None,
        destination: None,
        via: Vec::new(),
        mode: mode(&reading.text[start..stop]),
        planned: reading.planned_at(start)
            // "is due in Paris", "is then expected back in Lima": to come
            || ["due ", "expected ", "scheduled "]
                .iter()
                .any(|w| reading.text[start..end].starts_with(w))
                && tail(&reading.text[..start], 20)
                    .split_whitespace()
                    .any(|w| matches!(w, "is" | "are"))
            || after_ongoing(reading, start)
            // (not in an item of a day already past: "- Evening: he leaves London")
            || !reading.item && PRESENT.is_match(&reading.text[start..end])
            || FIRST_PERSON_PRESENT
                .is_match(&reading.text[floor_char(reading.text, start.saturating_sub(12))..end]),
        destination_is_current: false,
        to_the_capital: false,
        then: Vec::new(),
        placeless: false,
        later_at: None,
        // ("heading home to Brasilia", "went back to Lima")
        back: reading.text[start..end]
            .get(..6)
            .is_some_and(|w| w.eq_ignore_ascii_case("return"))
            || [" home", " back"]
                .iter()
                .any(|w| reading.text[end..].starts_with(w)),
        told_before_arrival: false,
        rule: trigger.name,
    };
    // "flew to the new capital, Nay Pyi Taw": the place named in apposition
    let object = reading
        .place_after(end)
        .filter(|p| p.start <= end + 40 && p.start < stop)
        .or_else(|| named_after(reading, end));
    let phrase = reading.text[start..end].to_lowercase();
    if phrase.ends_with(" to")
        && object.is_none()
        && let Some(anaphor) = anaphoric(&reading.text[end..])
    {
        fact.destination_is_current = true;
        fact.to_the_capital = anaphor == Anaphor::Capital;
    }
    match trigger.motion {
        Motion::Depart => fact.origin = object,
        Motion::Arrive | Motion::Visit => fact.destination = object,
        // "departure for Port Moresby" in a programme
        Motion::Travel if phrase.ends_with(" to") || phrase.ends_with(" for") => {
            fact.destination = object;
        }
        Motion::Travel => {}
    }
    // "flew in late on Thursday from Johannesburg": came to where the story is told
    let flew_in = trigger.motion == Motion::Travel && FLEW_IN.is_match(&reading.text[end..stop]);
    fact.destination_is_current |= flew_in && fact.destination.is_none();
    let frame_start = if flew_in { end + " in".len() } else { end };
    read_prepositions(reading, frame_start, stop, &mut fact);
    if fact.origin.is_none() && trigger.motion != Motion::Depart {
        fact.origin = fronted_origin(reading, start).or_else(|| subject_from(reading, start));
    }
    if fact.origin.is_none() && trigger.motion == Motion::Arrive && stop == clause_end {
        fact.origin = flight_from(reading, stop);
    }
    if fact.destination.is_none() && trigger.motion != Motion::Arrive {
        fact.destination = fact
            .origin
            .as_ref()
            .and_then(|o| to_after_aside(reading, o));
    }
    // "to the Training Area \"Mariana Paez\" in Mesetas": the town the unknown place is in
    if let Some(d) = fact
        .destination
        .as_ref()
        .filter(|d| d.kind == PlaceKind::Unknown)
        && let Some(town) = town_after(reading, d.end, stop)
    {
        fact.destination = Some(town);
    }
    // "flew in from Lisbon", "arrived from Sydney": the origin of the journey that brought
    // the traveller where the story is
    let in_from = IN_FROM.is_match(&reading.text[end..stop]);
    if fact.destination.is_none()
        && fact.origin.is_some()
        && (in_from || trigger.motion == Motion::Arrive && phrase != "arrival")
    {
        fact.destination_is_current = true;
    }
    if let Some(city) = fact
        .destination
        .as_ref()
        .and_then(|d| city_where(reading, d))
    {
        fact.destination = Some(city);
    }
    if let Some(first) = fact.destination.as_ref().filter(|d| d.end <= stop) {
        fact.then = list_after(reading, first, stop);
    }
    keep(fact)
}

/// "From New Zealand, the Premier will proceed to Australia", "After Washington, she is to
/// travel to Ohio", "After concluding his programme in Beijing, he flew to Tokyo": the origin
/// put at the head of the sentence, before the movement at `start`.
fn fronted_origin(reading: &Reading<'_>, start: usize) -> Option<PlaceMention> {
    static FRONTED: LazyLock<Regex> = LazyLock::new(|| {
        compile(
            r"(?:^|,\s*)(?:[Ff]rom|[Aa]fter)\s+(?:(?:concluding|completing|ending|wrapping\s+up)\s+(?:his|her|their|the)\s+(?:[\w-]+\s+)?(?:visit|programme|program|stay|engagements|talks)\s+in\s+)?$",
        )
    });
    reading
        .places
        .iter()
        .take_while(|p| p.end < start)
        .find(|p| {
            p.is_destination()
                && FRONTED.is_match(&reading.text[..p.start])
                && reading.text[p.end..].starts_with(',')
        })
        .cloned()
}

/// "The aircraft carrying the Minister from Lima landed", "the flight from Lima has touched
/// down": the origin told with the subject, right before the movement at `start`.
fn subject_from(reading: &Reading<'_>, start: usize) -> Option<PlaceMention> {
    let p = reading.places.iter().rev().find(|p| p.end <= start)?;
    let between = &reading.text[p.end..start];
    let adjacent = between
        .split_whitespace()
        .all(|w| matches!(w, "has" | "had" | "finally" | "safely"));
    (adjacent && reading.text[..p.start].ends_with(" from ") && p.is_destination())
        .then(|| p.clone())
}

/// "landed in Lima on Sunday, after a flight from Bogota": the origin in the clause after an
/// arrival, which starts at `at`.
fn flight_from(reading: &Reading<'_>, at: usize) -> Option<PlaceMention> {
    static FLIGHT_FROM: LazyLock<Regex> = LazyLock::new(|| {
        compile(
            r"^,?\s*(?:after|following)\s+(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){0,2}(?:flight|journey|drive|trip|ride)\s+from\s",
        )
    });
    let m = FLIGHT_FROM.find(&reading.text[at..])?;
    let from = at + m.end();
    reading
        .place_after(from)
        .filter(|p| p.start <= from + 12 && p.kind != PlaceKind::Site)
}

/// "go on to South Africa, where he will attend the summit in the coastal city of Durban":
/// the city of the country reached, named in the clause about it.
fn city_where(reading: &Reading<'_>, country: &PlaceMention) -> Option<PlaceMention> {
    if country.kind != PlaceKind::Country
        || !reading.text[country.end..]
            .trim_start_matches([',', ' '])
            .starts_with("where ")
    {
        return None;
    }
    let (_, clause_end) = reading.clause(country.end + 2);
    reading
        .places
        .iter()
        .find(|p| {
            p.start > country.end
                && p.start < clause_end.max(country.end + 160)
                && p.kind == PlaceKind::City
                && p.place.country_code.is_some()
                && p.place.country_code == country.place.country_code
                && !topic_place(reading.text, p.start)
        })
        .cloned()
}

/// "from Liverpool, where he had attended the meeting, to Jakarta": the destination told
/// after a relative clause on the origin.
fn to_after_aside(reading: &Reading<'_>, origin: &PlaceMention) -> Option<PlaceMention> {
    static ASIDE: LazyLock<Regex> = LazyLock::new(|| {
        compile(r"^(?:,\s*[A-Z][\w' -]+)?,\s*(?:where|which|after)\s[^;]*?,\s*to\s+")
    });
    let rest = &reading.text[origin.end..];
    let m = ASIDE.find(&rest[..floor_char(rest, 300.min(rest.len()))])?;
    let at = origin.end + m.end();
    reading
        .place_after(at)
        .filter(|p| p.start <= at + 12 && p.is_destination())
}

/// A town named with "in" shortly after byte `after` and before `stop`: where a place the
/// gazetteer does not know lies.
pub fn town_after(reading: &Reading<'_>, after: usize, stop: usize) -> Option<PlaceMention> {
    reading
        .places
        .iter()
        .find(|p| {
            p.start > after
                && p.start <= after + 90
                && p.start < stop
                && p.kind == PlaceKind::City
                && reading.text[..p.start].ends_with(" in ")
        })
        .cloned()
}

/// A fact is kept when it names somewhere, or says the traveller is "there"/"here".
fn keep(mut fact: LegFact) -> Option<LegFact> {
    let somewhere =
        fact.origin.is_some() || fact.destination.is_some() || fact.destination_is_current;
    // "set out on Saturday on a tour": no place, but the day the journey starts
    fact.placeless = !somewhere;
    Some(fact)
}

fn read_prepositions(reading: &Reading<'_>, from: usize, stop: usize, fact: &mut LegFact) {
    // the group `prep` is the whole match: no captures needed
    for prep in FRAME.find_iter(&reading.text[from..stop]) {
        let at = from + prep.end();
        let word = prep.as_str().to_lowercase();
        // "leaves Islamabad, but not for Delhi": a place denied
        if reading.text[..from + prep.start()]
            .trim_end()
            .ends_with(" not")
        {
            continue;
        }
        // "the International Organization for Migration": a word of a body's name
        let before = reading.text[..from + prep.start()].trim_end();
        let last = before.rsplit(' ').next().unwrap_or("");
        const BODIES: &[&str] = &[
            "Organization",
            "Organisation",
            "Ministry",
            "Minister",
            "Commission",
            "Commissioner",
            "Centre",
            "Center",
            "Council",
            "Institute",
            "Agency",
            "Fund",
            "Programme",
            "Office",
            "Committee",
            "Alliance",
            "Foundation",
            "Association",
            "Department",
            "Secretary",
            "Partnership",
            "Coalition",
        ];
        if word == "for" && BODIES.contains(&last) {
            continue;
        }
        let place = reading
            .place_after(at)
            .filter(|p| p.start < stop && p.start <= at + 40)
            .or_else(|| named_after(reading, at).filter(|p| p.start < stop))
            // ("relief workers from the World Food Programme": a body, no place left)
            .filter(|p| {
                !(matches!(word.as_str(), "from" | "out of")
                    && p.kind == PlaceKind::Site
                    && p.place.lat.is_none()
                    && !["air", "base", "field"]
                        .iter()
                        .any(|w| reading.text[p.start..p.end].to_lowercase().contains(w)))
            });
        // "came to the island", "returned to the capital": a place named by what it is
        let toward = matches!(
            word.as_str(),
            "to" | "for" | "into" | "towards" | "toward" | "bound for"
        );
        let anaphor = if toward && place.is_none() {
            anaphoric(&reading.text[at..])
        } else {
            None
        };
        match word.as_str() {
            // "arriving there", "arrived here": right after the verb only
            "there" | "here" => {
                let right_after = reading.text[from..from + prep.start()].trim().is_empty();
                fact.destination_is_current |= fact.destination.is_none() && right_after;
            }
            // "visited a site sheltering refugees from Mali": whose origin, not the visit's
            "from" | "out of" if fact.motion == Motion::Visit && fact.destination.is_none() => {}
            // "a shelter for families evacuated from Abaco": where others came from
            "from" | "out of"
                if DISPLACED.is_match(tail(&reading.text[..from + prep.start()], 24)) => {}
            // "drove to Kawamata, a town hosting families evacuated from Iitate": what the
            // apposition says of the place reached, not where the journey began
            "from" | "out of"
                if fact.destination.as_ref().is_some_and(|d| {
                    // (", the capital of North Kivu, on Saturday, from Yokohama": the
                    // apposition closed, the journey's origin)
                    let between = reading.text.get(d.end..from + prep.start()).unwrap_or("");
                    APPOSITION.is_match(between) && !between.trim_end().ends_with(',')
                }) => {}
            // "flew out of New Delhi"
            "from" | "out of" => {
                if fact.origin.is_none() {
                    fact.origin = place;
                }
            }
            // "for" names a destination after leaving ("left for", "departed A for B"), not
            // after going ("went to the Hall for the Atomic Bomb")
            // ("flew out of Lima for Quito" names it too)
            // ("boarded a helicopter for Marsh Harbour", "took a flight for Lima": boarding too)
            "for"
                if fact.motion != Motion::Depart
                    && fact.origin.is_none()
                    && !["boarded ", "took a", "took the"]
                        .iter()
                        .any(|w| reading.text[fact.at..].starts_with(w)) => {}
            "to" | "for" | "into" | "towards" | "toward" | "bound for" if anaphor.is_some() => {
                // "came to the island": where the traveller is going is where they are
                fact.destination_is_current |= fact.destination.is_none();
                fact.to_the_capital |=
                    fact.destination.is_none() && anaphor == Some(Anaphor::Capital);
            }
            "to" | "for" | "into" | "towards" | "toward" | "bound for" => {
                if fact.destination.is_none() && fact.motion != Motion::Visit {
                    // "flew to the Training Area in Mesetas": the town the venue is in (but
                    // "went to the church in Bucha" visits a site)
                    let went = reading.text[fact.at..from]
                        .get(..4)
                        .is_some_and(|w| w.eq_ignore_ascii_case("went"));
                    // ("returned to Headquarters in New York": a name that is no place, then
                    // its town)
                    let named = reading.text[at..]
                        .trim_start()
                        .trim_start_matches("the ")
                        .starts_with(char::is_uppercase);
                    fact.destination = match place {
                        Some(p) if !p.is_destination() && !went => town_after(reading, p.end, stop),
                        Some(p) if !p.is_destination() => None,
                        None if named && !went => town_after(reading, at, stop).filter(|t| {
                            t.start <= at + 60 && !reading.text[at..t.start].contains(',')
                        }),
                        other => other,
                    };
                }
            }
            // "Emplane at Joint Base Andrews, Washington, for Cairo", "emplaned in New Delhi
            // for Kigali": where the flight leaves
            "at" | "in"
                if fact.motion == Motion::Depart
                    && fact.origin.is_none()
                    && reading.text[from..from + prep.start()].trim().is_empty() =>
            {
                fact.origin = place;
            }
            // "landed outside Daira, a town in ...": the place landed at, not its district
            "in" | "at" | "outside" | "near" => {
                if fact.destination.is_none() && fact.motion == Motion::Arrive {
                    fact.destination = place.filter(|p| {
                        (p.start <= at + 2 || p.kind != PlaceKind::Site)
                            && !topic_place(reading.text, p.start)
                    });
                }
            }
            _ => {
                if let Some(p) = place {
                    fact.via.push(p.place);
                }
            }
        }
    }
}

/// "evacuated", "displaced", "who fled": people moved from somewhere, not the traveller.
static DISPLACED: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)(?-u:\b)(?:evacuated|displaced|fled|fleeing|rescued|expelled|deported|uprooted|relocated|resettled|repatriated|evacuees|refugees|migrants)\s*$",
    )
});

/// ", a farming town that", ", where": an apposition or relative clause after a place.
static APPOSITION: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^,\s+(?:a|an|the|where|which|who|whose|that)\s"));

/// "A, B, C and D" after the first stop of a list: the others, in order.
fn list_after(reading: &Reading<'_>, first: &PlaceMention, stop: usize) -> Vec<PlaceMention> {
    let mut out = Vec::new();
    let mut cursor = first.end;
    loop {
        let rest = &reading.text[cursor..stop];
        let Some(sep) = LIST_SEPARATOR.find(rest) else {
            break;
        };
        let next = reading
            .places
            .iter()
            .find(|p| p.start == cursor + sep.end() && p.kind != PlaceKind::Site);
        // "Rzeszów, Poland", "Anchorage, Alaska": a country or region after its city
        // qualifies it, it is not a stop
        let previous = out.last().unwrap_or(first);
        let qualifier = next.is_some_and(|p| {
            (p.kind == PlaceKind::Country
                || p.kind == PlaceKind::Region && previous.kind == PlaceKind::City)
                && sep.as_str().trim() == ","
                && previous.place.country_code == p.place.country_code
        });
        if qualifier {
            cursor = next.map_or(cursor, |p| p.end);
            continue;
        }
        match next {
            Some(p) => {
                out.push(p.clone());
                cursor = p.end;
            }
            None => break,
        }
    }
    out
}

static LIST_SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^(?:,\s*(?:and\s+|then\s+)?|\s+and\s+(?:then\s+)?)"));

/// The means of travel named in `text`: helicopter before road, rail and sea, air last
/// ("flew by helicopter" is a helicopter leg).
pub fn mode(text: &str) -> Option<Mode> {
    let mut found = None;
    for m in MODE.find_iter(text) {
        let this = mode_of_word(m.as_str()).unwrap_or_else(|| mode_by_groups(text, m.start()));
        if found.is_none() || found == Some(Mode::Air) {
            found = Some(this);
        }
    }
    found
}

/// The means a match of [`MODE`] names, by its last word: each word of the pattern belongs
/// to one group. `None` for a spelling only a case-insensitive match of another script
/// gives, which [`mode_by_groups`] reads.
fn mode_of_word(found: &str) -> Option<Mode> {
    let last = found.rsplit(char::is_whitespace).next()?;
    let mut lower = [0u8; 12];
    let word = lower.get_mut(..last.len())?;
    word.copy_from_slice(last.as_bytes());
    word.make_ascii_lowercase();
    Some(match &*word {
        b"helicopter" | b"helicopters" => Mode::Helicopter,
        b"road" | b"car" | b"land" | b"motorcade" | b"bus" | b"convoy" | b"drove" | b"driving"
        | b"overland" => Mode::Road,
        b"train" | b"rail" => Mode::Rail,
        b"sea" | b"boat" | b"ship" | b"ferry" | b"sailed" => Mode::Sea,
        b"air" | b"plane" | b"flew" | b"flown" | b"flying" | b"fly" | b"flies" | b"flight"
        | b"flights" | b"aircraft" | b"jet" | b"airlift" => Mode::Air,
        _ => return None,
    })
}

/// The means the match of [`MODE`] starting at byte `start` of `text` names, by the group
/// that matched.
fn mode_by_groups(text: &str, start: usize) -> Mode {
    let caps = MODE.captures_at(text, start);
    let group = |name: &str| caps.as_ref().is_some_and(|c| c.name(name).is_some());
    if group("heli") {
        Mode::Helicopter
    } else if group("road") {
        Mode::Road
    } else if group("rail") {
        Mode::Rail
    } else if group("sea") {
        Mode::Sea
    } else {
        Mode::Air
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Document, Status};
    use crate::extract::extract;
    use crate::gazetteer::Gazetteer;

    /// A leg as the table sees it: origin, destination, date, mode, status.
    type Seen = (
        Option<String>,
        Option<String>,
        Option<String>,
        Option<Mode>,
        Status,
    );

    fn legs(sentence: &str) -> Vec<Seen> {
        let doc = Document::parse("t.txt", format!(" date 2021-05-07 {sentence}")).expect("doc");
        extract(&doc, Gazetteer::global())
            .legs
            .into_iter()
            .map(|l| {
                (
                    l.origin.map(|p| p.name),
                    l.destination.map(|p| p.name),
                    l.date.map(|d| d.to_string()),
                    l.mode,
                    l.status,
                )
            })
            .collect()
    }

    fn leg(
        from: Option<&str>,
        to: &str,
        date: Option<&str>,
        mode: Option<Mode>,
        status: Status,
    ) -> Seen {
        (
            from.map(Into::into),
            Some(to.into()),
            date.map(Into::into),
            mode,
            status,
        )
    }

    #[test]
    fn movements_in_the_forms_texts_use() {
        use Status::{Completed, Planned};
        let cases: Vec<(&str, Vec<Seen>)> = vec![
            (
                "Minister Ana Ruiz spoke in Oslo on Monday, 3 May. The plane lifts off from Oslo, bound for Lima.",
                vec![leg(
                    Some("Oslo"),
                    "Lima",
                    Some("2021-05-03"),
                    None,
                    Completed,
                )],
            ),
            (
                "Foreign Minister Ana Ruiz landed in Oslo on Sunday. Ruiz and her husband Jon Dahl flew from Oslo to Lima on Monday, 3 May.",
                vec![
                    leg(None, "Oslo", Some("2021-05-02"), None, Completed),
                    leg(
                        Some("Oslo"),
                        "Lima",
                        Some("2021-05-03"),
                        Some(Mode::Air),
                        Completed,
                    ),
                ],
            ),
            (
                "Minister Ana Ruiz is in Oslo. On Monday, in Oslo, she is scheduled to meet students before flying to Lima.",
                vec![leg(
                    None,
                    "Lima",
                    Some("2021-05-10"),
                    Some(Mode::Air),
                    Planned,
                )],
            ),
            (
                "On 3 May, Minister Ana Ruiz made her way by car from Oslo to Drammen.",
                vec![leg(
                    Some("Oslo"),
                    "Drammen",
                    Some("2021-05-03"),
                    Some(Mode::Road),
                    Completed,
                )],
            ),
            (
                "Minister Ana Ruiz then headed home to Oslo, ending a trip that also took her to Lima.",
                vec![leg(None, "Oslo", None, None, Completed)],
            ),
            (
                "Foreign Minister Ana Ruiz flew from Oslo to Lima on Monday, 3 May.",
                vec![leg(
                    Some("Oslo"),
                    "Lima",
                    Some("2021-05-03"),
                    Some(Mode::Air),
                    Completed,
                )],
            ),
            (
                "On 3 May, Foreign Minister Ana Ruiz flew by helicopter from Quito to the Vista Alta Reintegration Area in Guayaquil.",
                vec![leg(
                    Some("Quito"),
                    "Guayaquil",
                    Some("2021-05-03"),
                    Some(Mode::Helicopter),
                    Completed,
                )],
            ),
            (
                "President Tomas Vik arrived in Quito on Monday, 3 May. He will then fly to Peru, where he will attend a summit in the coastal city of Trujillo, on a tour that will also take him to Chile.",
                vec![
                    leg(None, "Quito", Some("2021-05-03"), None, Completed),
                    leg(
                        Some("Quito"),
                        "Trujillo",
                        Some("2021-05-03"),
                        Some(Mode::Air),
                        Planned,
                    ),
                    leg(Some("Trujillo"), "Chile", Some("2021-05-03"), None, Planned),
                ],
            ),
            (
                "President Tomas Vik arrived in Quito on Monday, 3 May. He will then travel to Lima, Peru, where he will visit Cusco's old town. Next he will fly to Anchorage, Alaska, and Bogota.",
                vec![
                    leg(None, "Quito", Some("2021-05-03"), None, Completed),
                    leg(Some("Quito"), "Lima", Some("2021-05-03"), None, Planned),
                    leg(
                        Some("Lima"),
                        "Anchorage",
                        Some("2021-05-03"),
                        Some(Mode::Air),
                        Planned,
                    ),
                    leg(Some("Anchorage"), "Bogota", None, None, Planned),
                ],
            ),
            (
                "Premier Lin Bo will pay official visits to Peru, Chile and Bolivia from 3 to 9 May.",
                vec![
                    leg(None, "Peru", Some("2021-05-03"), None, Planned),
                    leg(Some("Peru"), "Chile", None, None, Planned),
                    leg(Some("Chile"), "Bolivia", None, None, Planned),
                ],
            ),
            (
                "President Tomas Vik will arrive in Lima on Monday, 3 May. From Lima, he will proceed to Quito. After Quito, he is to travel to Santiago.",
                vec![
                    leg(None, "Lima", Some("2021-05-03"), None, Planned),
                    leg(Some("Lima"), "Quito", Some("2021-05-03"), None, Planned),
                    leg(Some("Quito"), "Santiago", Some("2021-05-03"), None, Planned),
                ],
            ),
            (
                "President Tomas Vik arrived in Lima on Monday, 3 May. On Tuesday, 4 May, he ended the visit in Quito, Ecuador, and addressed the staff of the embassy, before departing for New York.",
                vec![
                    leg(None, "Lima", Some("2021-05-03"), None, Completed),
                    leg(Some("Lima"), "Quito", Some("2021-05-04"), None, Completed),
                    leg(
                        Some("Quito"),
                        "New York",
                        Some("2021-05-04"),
                        None,
                        Completed,
                    ),
                ],
            ),
            (
                "President Tomas Vik arrived in Lima on Monday, 3 May. On Tuesday, he flew to the old capital, Cusco, where he met President Ana Ruiz.",
                vec![
                    leg(None, "Lima", Some("2021-05-03"), None, Completed),
                    leg(
                        Some("Lima"),
                        "Cusco",
                        Some("2021-05-04"),
                        Some(Mode::Air),
                        Completed,
                    ),
                ],
            ),
            (
                "On 3 May, President Tomas Vik departed Lima for Quito, Ecuador.",
                vec![leg(
                    Some("Lima"),
                    "Quito",
                    Some("2021-05-03"),
                    None,
                    Completed,
                )],
            ),
            (
                "Coming from Quito, Secretary-General Ana Ruiz reached Bogotá on 4 May.",
                vec![leg(
                    Some("Quito"),
                    "Bogotá",
                    Some("2021-05-04"),
                    None,
                    Completed,
                )],
            ),
            (
                "On 4 May, Minister Ana Ruiz continued by road from Nairobi into Uganda, reaching Kampala late in the evening.",
                vec![leg(
                    Some("Nairobi"),
                    "Kampala",
                    Some("2021-05-04"),
                    Some(Mode::Road),
                    Completed,
                )],
            ),
            (
                "Minister Ana Ruiz will travel to Ghana, Togo and Benin from 10 to 14 May.",
                vec![
                    leg(None, "Ghana", Some("2021-05-10"), None, Planned),
                    leg(Some("Ghana"), "Togo", None, None, Planned),
                    leg(Some("Togo"), "Benin", None, None, Planned),
                ],
            ),
            (
                "On 5 May, Minister Ana Ruiz flew by helicopter from Accra to the town of Kalba.",
                vec![leg(
                    Some("Accra"),
                    "Kalba",
                    Some("2021-05-05"),
                    Some(Mode::Helicopter),
                    Completed,
                )],
            ),
            (
                "Minister Ana Ruiz spoke by telephone with the President of Peru.",
                vec![],
            ),
        ];
        for (sentence, expected) in cases {
            assert_eq!(legs(sentence), expected, "{sentence}");
        }
    }

    #[test]
    fn stopovers_are_kept_as_via() {
        let doc = Document::parse(
            "t.txt",
            " date 2021-05-07 Secretary-General Ana Ruiz reached Nairobi on 4 May after travelling from Geneva via Cairo.".into(),
        )
        .expect("doc");
        let legs = extract(&doc, Gazetteer::global()).legs;
        assert_eq!(legs.len(), 1);
        assert_eq!(
            legs[0]
                .via
                .iter()
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>(),
            ["Cairo"]
        );
    }

    #[test]
    fn modes_prefer_the_specific_vehicle() {
        assert_eq!(
            mode("flew by helicopter to the coast"),
            Some(Mode::Helicopter)
        );
        assert_eq!(mode("continued by road into the north"), Some(Mode::Road));
        assert_eq!(mode("took a flight to the capital"), Some(Mode::Air));
        assert_eq!(mode("went to the market"), None);
    }

    #[test]
    fn the_means_is_read_from_the_word_as_from_the_group() {
        let words = [
            "helicopter",
            "HELICOPTERS",
            "by road",
            "By\tCar",
            "by land",
            "by motorcade",
            "by bus",
            "by convoy",
            "drove",
            "Driving",
            "overland",
            "by train",
            "by rail",
            "train",
            "by sea",
            "by boat",
            "by ship",
            "by ferry",
            "sailed",
            "by air",
            "by plane",
            "flew",
            "flown",
            "flying",
            "fly",
            "flies",
            "flight",
            "flights",
            "plane",
            "aircraft",
            "jet",
            "airlift",
            // a long s matches "s" in any case
            "by \u{17f}hip",
            "by \u{17f}ea",
        ];
        for text in words {
            let m = MODE.find(text).expect(text);
            assert_eq!(m.range(), 0..text.len(), "{text}");
            let by_word = mode_of_word(m.as_str());
            assert!(by_word.is_some() || !text.is_ascii(), "{text}");
            assert_eq!(
                by_word.unwrap_or_else(|| mode_by_groups(text, 0)),
                mode_by_groups(text, 0),
                "{text}"
            );
        }
    }

    #[test]
    fn leaving_told_before_a_call_in_the_pluperfect_is_no_leg() {
        let found = legs(
            "Minister Ana Ruiz flew to Lima on Friday. Before leaving Quito, she had spoken by telephone with the Foreign Minister of Chile.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1.as_deref(), Some("Lima"));
    }

    #[test]
    fn a_stop_before_a_landing_told_next_is_a_stopover() {
        let found = legs(
            "Minister Ana Ruiz left Lima early on Tuesday and made a brief stop in Panama City before landing in Havana.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0.as_deref(), Some("Lima"));
        assert_eq!(found[0].1.as_deref(), Some("Havana"));
    }

    #[test]
    fn the_border_town_of_a_place_is_that_place() {
        let found = legs(
            "Minister Ana Ruiz flew from Quito to Lima on Friday. On Saturday she was driven to the border town of Tacna.",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[1].1.as_deref(), Some("Tacna"));
    }
}
