//! A sentence read for the rules: its dates (resolved), places, and actors — who each person
//! mention, pronoun or group refers to — with the questions the leg and meeting rules ask:
//! who does what at a position, which clause a position belongs to, whether an event there is
//! announced for the future, which place follows a preposition. Pure.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::domain::PartOfDay;
use crate::extract::cast::PersonId;
use crate::extract::dates::DateMention;
use crate::extract::places::{PlaceKind, PlaceMention, unknown_at};
use crate::extract::segment::Sentence;

/// Who an actor mention refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    /// The traveller: name, title, "he"/"she".
    Traveller,
    /// The traveller with a counterpart: "the two leaders", "both ministers", "they".
    Party,
    /// The traveller's own company: "the couple", "the delegation", "the visit".
    Entourage,
    /// Another known person.
    Person(PersonId),
    /// A person the text describes but does not identify ("the prime minister", "officials").
    Nobody,
}

/// A mention of someone acting or acted upon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Actor {
    pub start: usize,
    pub end: usize,
    pub who: Who,
}

/// A date phrase with the date it resolved to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dated {
    pub mention: DateMention,
    pub date: Option<NaiveDate>,
}

/// One sentence, read.
#[derive(Clone, Debug)]
pub struct Reading<'a> {
    pub sentence: &'a Sentence,
    pub text: &'a str,
    pub dates: Vec<Dated>,
    pub places: Vec<PlaceMention>,
    pub actors: Vec<Actor>,
    /// Clause breaks (byte ranges), found once.
    breaks: Vec<(usize, usize)>,
    /// Where the main subject starts, found once the actors are known.
    opener: usize,
    /// The asides (see [`ASIDE`]), found when first asked for: several events may ask.
    asides: std::cell::OnceCell<Vec<(usize, usize)>>,
    /// An item of a programme announced for days to come: all of it is planned.
    pub announced: bool,
    /// An item of a programme or of a list of engagements: its days follow one another.
    pub item: bool,
}

/// A verb of travel in the present tense: in a report of what happened, the schedule still
/// to come ("before she leaves for Lima", "he flies to Quito on Sunday").
pub const PRESENT_MOTION: &str = r"(?-u:\b)(?:leaves|departs|flies|travels|heads|proceeds|returns|continues|arrives|sets\s+off)(?-u:\b)";

/// Words that announce what has not happened yet ("will meet", "is due to", "intends to").
static PLANNED: LazyLock<Regex> = LazyLock::new(|| planned_pattern(PRESENT_MOTION));

/// [`PLANNED`] without the present tense: in an item of a day already past ("- Evening: the
/// Prime Minister leaves London"), the present tells what happened.
static PLANNED_IN_PAST_ITEM: LazyLock<Regex> = LazyLock::new(|| planned_pattern(""));

/// The pattern of [`PLANNED`], with `present` as one more alternative when not empty.
fn planned_pattern(present: &str) -> Regex {
    let present = if present.is_empty() {
        String::new()
    } else {
        format!("|{present}")
    };
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:will|would|shall|'ll|(?:is|are|was|were)\s+(?:also\s+|then\s+|now\s+|later\s+|meanwhile\s+)?(?:due|expected|scheduled|set|slated|going|planning|to\s+be)(?-u:\b)|(?:is|are|was|were)\s+to(?-u:\b)|plans?\s+to|planned\s+to|(?:planned|scheduled|pencilled\s+in|slated)\s+for|planning\s+to|intends?\s+to|intended\s+to|intending\s+to|with\s+the\s+intention\s+of|hopes?\s+to|aims?\s+to|expects?\s+to|to\s+be\s+held|schedule\s+includes|programme\s+(?:that\s+)?will|itinerary\s+includes|upcoming|next\s+week|later\s+this\s+(?:week|month){present})(?-u:\b)",
    ))
    .expect("planned pattern compiles")
}

/// A negation or a wish that came to nothing, up to three words before an event.
static UNREALISED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:sought|tried|attempted|wanted|wished|declined|refused|(?:possibility|prospect|option|idea)\s+of|had\s+(?:also\s+)?(?:hoped|planned|intended)|had\s+(?:originally\s+)?been\s+(?:due|expected|scheduled|set|supposed)|did\s+not|didn't|does\s+not|doesn't|will\s+not|won't|would\s+not|could\s+not|couldn't|cannot|can't|never|not\s+be\s+able|whether\s+(?:[\w-]+\s+){1,4}?(?:would|will|might|could|should))\s+(?:to\s+)?(?:[\w-]+\s+){0,3}$")
        .expect("unrealised pattern compiles")
});

/// A sentence opening on the time before the journey.
static BEFORE_VISIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Before|Prior\s+to)\s+(?:(?P<visit>(?:the|his|her|this|that)\s+(?:visit|trip|journey|tour))|(?:coming|arriving|travell?ing|flying|heading)\s+to)(?-u:\b)")
        .expect("before-visit pattern compiles")
});

/// A verb in the pluperfect: "had attended", "had already met" (not "had talks").
pub static PLUPERFECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)had\s+(?:(?:already|just|also|previously|earlier|only|briefly)\s+)?(?:[a-z]+ed|met|held|been|made|sent|spent|seen|given|taken|gone|come|done|paid|led|spoken|flown|driven|told|begun)(?-u:\b)")
        .expect("pluperfect pattern compiles")
});

/// Clause boundaries: semicolons, and commas or conjunctions before a new verb phrase.
static CLAUSE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i);|,\s+(?:where|after\s+which|before|after|following\s+which|whereupon|and\s+then|and\s+later|then|while|during\s+which|at\s+which)(?-u:\b)|\s+and\s+(?:then\s+|later\s+|also\s+|afterwards\s+)?(?:he|she|they)(?-u:\b)|\s+and\s+(?:then|later|afterwards)(?-u:\b)|,\s+and\s+(?:[\w-]+\s+){1,3}later(?-u:\b)")
        .expect("clause pattern compiles")
});

/// A clause of a gerund after a time word (", before returning", ", after meeting").
static GERUND_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^,\s+(?:before|after)\s+[a-z]+ing(?-u:\b)").expect("gerund pattern compiles")
});

/// "and" before a second verb of travel.
static SECOND_MOVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s+and\s+(?:left|departed|flew|travell?ed|returned|headed|drove|went|continued|proceeded)(?-u:\b)")
        .expect("second-move pattern compiles")
});

/// An airport's name and what joins it to the city it serves: "Haneda Airport, ", "Joint
/// Base Andrews, ", "Ben Gurion Airport outside ", "Air Force Base Waterkloof in ".
static AIRPORT_OF_CITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:[^,]*\s)?(?:[Aa]irport|[Aa]irbase|[Aa]irfield|Air\s+Force\s+(?:Base|Station)|[Aa]ir\s+[Bb]ase)(?:\s+[A-Z][\w-]+){0,2}|Joint\s+Base\s[^,]*)(?:,\s+(?:just\s+)?(?:outside\s+|near\s+)?|\s+(?:just\s+)?(?:in|outside|near)\s+)$")
        .expect("airport pattern compiles")
});

/// Phrases that open a sentence before its subject ("Speaking to the press, ...").
static OPENER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:[A-Za-z]+ing|having|after|before|following|on|in|at|during|once|upon|with|accompanied|together|prior|later|earlier|next|then|afterwards|according|as|when|while|coming|together|early|late|(?:this|that)\s+(?:morning|afternoon|evening|night|day|week)|today|yesterday|overnight)(?-u:\b)[^,]*,")
        .expect("opener pattern compiles")
});

/// Words that follow the subject of a clause of its own ("..., and the Minister is expected
/// to").
const AUXILIARY: &[&str] = &[
    "is",
    "was",
    "will",
    "would",
    "has",
    "had",
    "also",
    "then",
    "later",
    "flew",
    "travelled",
    "traveled",
    "left",
    "arrived",
    "returned",
];

impl<'a> Reading<'a> {
    /// The clause around byte `at`: from the last boundary before it to the next after it.
    /// A reading of `sentence` with the actors, places and dates found in it (dates may be
    /// resolved and set afterwards).
    pub fn new(sentence: &'a Sentence, actors: Vec<Actor>, places: Vec<PlaceMention>) -> Self {
        let text = sentence.text.as_str();
        let mut breaks: Vec<(usize, usize)> = CLAUSE_BREAK
            .find_iter(text)
            .map(|m| (m.start(), m.end()))
            .collect();
        // "returned that evening and left the next day": the second verb starts a clause
        // (the pattern looked for only in sentences with its "and")
        let second_moves = text.contains("and").then(|| SECOND_MOVE.find_iter(text));
        breaks.extend(second_moves.into_iter().flatten().map(|m| {
            let verb = m
                .as_str()
                .trim_end_matches(|c: char| c.is_alphabetic())
                .len();
            (m.start(), m.start() + verb)
        }));
        breaks.sort_unstable();
        let mut reading = Self {
            sentence,
            text,
            dates: Vec::new(),
            places,
            actors,
            breaks,
            opener: 0,
            asides: std::cell::OnceCell::new(),
            announced: false,
            item: false,
        };
        reading.opener = reading.find_opener();
        reading
    }

    pub fn clause(&self, at: usize) -> (usize, usize) {
        let mut start = 0;
        let mut end = self.text.len();
        for &(b_start, b_end) in &self.breaks {
            if b_end <= at {
                start = b_start;
            } else if b_start >= at {
                end = end.min(b_start);
                break;
            }
        }
        (start, end)
    }

    /// The asides of the sentence (", who met Y on Monday,"). As an aside ends at the first
    /// comma after its start, those of the text up to any point are those of the whole text
    /// that end by then.
    fn asides(&self) -> &[(usize, usize)] {
        self.asides.get_or_init(|| {
            ASIDE
                .find_iter(self.text)
                .map(|m| (m.start(), m.end()))
                .collect()
        })
    }

    /// Where the main clause's subject starts: after an opening participial or adverbial
    /// phrase, if the sentence has one.
    pub fn subject_start(&self) -> usize {
        self.opener
    }

    fn find_opener(&self) -> usize {
        let Some(m) = OPENER.find(self.text) else {
            return 0;
        };
        // "On arrival he was welcomed by X, ...": a subject inside makes it a clause
        // ("During his stay in Seoul, ...": a possessive is no subject)
        let subject_inside = self.actors.iter().any(|a| {
            a.end <= m.end() && !self.governed(a.start) && !possessive_determiner(self.text, a)
        });
        if subject_inside { 0 } else { m.end() }
    }

    /// The actor doing what is said at byte `at`: the nearest actor before it in its clause
    /// that is not the object of a preposition ("together with X", "by X"); for a participle
    /// opening the sentence, or a clause without one, the main subject.
    pub fn agent(&self, at: usize) -> Option<Who> {
        self.agent_actor(at).map(|a| a.who)
    }

    /// The actor mention that ends right before byte `at` (at most a space or a comma
    /// between).
    pub fn actor_ending_at(&self, at: usize) -> Option<&Actor> {
        self.actors
            .iter()
            .rev()
            .find(|a| a.end <= at && a.end + 2 >= at)
    }

    /// The actor mention behind [`Self::agent`].
    pub fn agent_actor(&self, at: usize) -> Option<&Actor> {
        let opener = self.subject_start();
        if at < opener {
            return self.main_subject_actor();
        }
        // "accompanied by X and Y, who will travel on to Z": the one the relative clause is
        // about, whatever governs it
        // ("received by X, who accepted an invitation from Y to visit Z": X, past Y)
        let before = &self.text[..at];
        let antecedent = before
            .rfind(", who ")
            .filter(|&who| !before[who + 1..].contains([',', ';']))
            .and_then(|who| self.actor_ending_at(who));
        if antecedent.is_some() {
            return antecedent;
        }
        let (start, _) = self.clause(at);
        let from = start.max(opener);
        // "X, who began his term last May, visited Y": not the aside's "his" (the asides
        // closed before `at`)
        let in_aside = |a: &Actor| {
            self.asides()
                .iter()
                .any(|&(s, e)| e <= at && s < a.start && a.end < e)
        };
        let found = self
            .actors
            .iter()
            .rev()
            .filter(|a| a.end <= at && a.start >= from)
            .find(|a| {
                (!self.governed(a.start) || self.subject_after_and(a))
                    && !in_aside(a)
                    && !self.possessive(a)
            });
        match found {
            Some(a) if matches!(a.who, Who::Person(_)) => {
                Some(self.traveller_joined_by(a).unwrap_or(a))
            }
            Some(a) => Some(a),
            None => self.main_subject_actor(),
        }
    }

    /// "Yoon and first lady Kim took off", "Ruiz and her husband Jon Dahl flew": the traveller
    /// named first in a subject of two, the actor before `actor` joined by "and".
    fn traveller_joined_by(&self, actor: &Actor) -> Option<&Actor> {
        let k = self.actors.iter().position(|a| a == actor)?;
        // ("and her husband": past the possessive)
        let before = self.actors[..k]
            .iter()
            .rev()
            .find(|a| !matches!(&self.text[a.start..a.end], "his" | "her" | "their"))?;
        let between = self.text.get(before.end..actor.start)?.trim();
        let joined = between
            .strip_prefix("and")
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
            && between.split_whitespace().count() <= 4
            && between
                .split_whitespace()
                .all(|w| !w.starts_with(char::is_uppercase));
        (joined && before.who == Who::Traveller && !self.governed(before.start)).then_some(before)
    }

    /// "India holds the presidency, and the Chancellor is expected to return": an actor
    /// after ", and" with a verb of its own opens a clause; it is no one's object.
    fn subject_after_and(&self, actor: &Actor) -> bool {
        let before = self.text[..actor.start].trim_end();
        let verb = self.text[actor.end..]
            .split_whitespace()
            .next()
            .is_some_and(|w| AUXILIARY.contains(&w));
        verb && before.ends_with(", and")
    }

    /// "Xi's meetings": a name owning a noun is not the one acting.
    fn possessive(&self, actor: &Actor) -> bool {
        possessive(&self.text[actor.start..actor.end])
    }

    /// The subject of the main clause.
    pub fn main_subject(&self) -> Option<Who> {
        self.main_subject_actor().map(|a| a.who)
    }

    fn main_subject_actor(&self) -> Option<&Actor> {
        let opener = self.subject_start();
        self.actors
            .iter()
            .find(|a| a.start >= opener && !self.governed(a.start) && !self.possessive(a))
    }

    /// True when the words before byte `at` make what follows an object ("with", "by",
    /// "and", "to", "for", "of").
    fn governed(&self, at: usize) -> bool {
        let before = self.text[..at].trim_end().trim_end_matches(',').trim_end();
        let last = before.rsplit(' ').next().unwrap_or("");
        if last == "and" && self.first_office_before(before.len() - last.len()) {
            return false;
        }
        // compared in any ASCII case, without a lower-cased copy: no other letter lower-cases
        // to one of these words' letters
        [
            "with",
            "by",
            "and",
            "to",
            "for",
            "of",
            "from",
            "including",
            "accompanied",
        ]
        .iter()
        .any(|w| last.eq_ignore_ascii_case(w))
    }

    /// "General Secretary of the Party Central Committee and President Xi Jinping left": the
    /// words from the sentence's start (or its dateline's dash) to the "and" at byte `and_at`
    /// are a first office of the one named after it, not someone else before "and".
    fn first_office_before(&self, and_at: usize) -> bool {
        let head = &self.text[..and_at];
        let start = [" - ", " \u{2013} ", " \u{2014} "]
            .iter()
            .filter_map(|dash| head.rfind(dash).map(|i| i + dash.len()))
            .max()
            .unwrap_or(0);
        let words: Vec<&str> = head[start..].split_whitespace().collect();
        let office = [
            "Secretary",
            "Minister",
            "President",
            "Chairman",
            "Premier",
            "Chancellor",
        ];
        words.len() >= 2
            && words[0].starts_with(|c: char| c.is_uppercase())
            && words.iter().any(|w| office.contains(w))
            && words.iter().all(|w| {
                w.starts_with(|c: char| c.is_uppercase())
                    || ["of", "the", "for", "on", "and"].contains(w)
            })
            && !self
                .actors
                .iter()
                .any(|a| a.start >= start && a.end <= and_at)
    }

    /// The actors between two byte offsets.
    pub fn actors_in(&self, start: usize, end: usize) -> impl Iterator<Item = &Actor> {
        self.actors
            .iter()
            .filter(move |a| a.start >= start && a.end <= end)
    }

    /// True when the traveller (or a group with the traveller) is mentioned in `start..end`.
    pub fn traveller_in(&self, start: usize, end: usize) -> bool {
        self.actors_in(start, end)
            .any(|a| matches!(a.who, Who::Traveller | Who::Party | Who::Entourage))
    }

    /// True when what is said at byte `at` is announced, not done: a future or intention
    /// marker in its clause before it.
    pub fn planned_at(&self, at: usize) -> bool {
        if self.announced {
            return true;
        }
        let (start, _) = self.clause(at);
        // "will fly to Lima on Monday, before returning home on Tuesday": a gerund hung on
        // the clause before shares its time
        if start > 0
            && self.text[start..].starts_with(',')
            && GERUND_CLAUSE.is_match(&self.text[start..])
        {
            return self.planned_at(start - 1);
        }
        // "Intending to travel on, she left Moscow": the intention is the opener's own
        let opener = self.subject_start();
        let start = if at >= opener {
            start.max(opener)
        } else {
            start
        };
        let window_start = start.max(at.saturating_sub(200));
        let window = &self.text[floor_char(self.text, window_start)..at];
        // "'I will never forget it,' he told journalists": the quotation's tense is the
        // speaker's, not the telling's
        let window = match window.rfind('"') {
            Some(q) if !inside_quotation(&self.text[..at]) => &window[q + 1..],
            _ => window,
        };
        if self.item {
            PLANNED_IN_PAST_ITEM.is_match(window)
        } else {
            PLANNED.is_match(window)
        }
    }

    /// True when what is said at byte `at` did not or will not happen: "did not attend",
    /// "had sought to travel", "will not visit", "declined to meet", "..., but he called it
    /// off"; or is only asked about
    /// ("asked whether the Secretary-General would go into Gaza").
    pub fn unrealised_at(&self, at: usize) -> bool {
        let (start, _) = self.clause(at);
        let window_start = start.max(at.saturating_sub(80));
        // ("The tour was announced with stops in A and B, but he called it off")
        static CALLED_OFF_AFTER: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^[^;.]*?,?\s+but\s+(?:[\w-]+\s+){1,3}?(?:called\s+(?:it|them)\s+off|(?:cancell?ed|postponed|scrapped|shelved)\s+(?:it|them))(?-u:\b)")
                .expect("called-off pattern compiles")
        });
        UNREALISED.is_match(&self.text[floor_char(self.text, window_start)..at])
            || self.dropped_at(at)
            || self.text[at..].contains(" but ") && CALLED_OFF_AFTER.is_match(&self.text[at..])
    }

    /// "A visit to Hyderabad, which had been considered, was not retained", "... was not
    /// foreseen", "... did not form part of the trip": what the subject at byte `at` names was
    /// called off.
    fn dropped_at(&self, at: usize) -> bool {
        static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^(?:(?:A|An|The|His|Her|Their|Its|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*'s?)\s+(?:[\w-]+\s+){0,2})?$")
                .expect("subject pattern compiles")
        });
        static DROPPED: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)^[^;]*?(?-u:\b)(?:was|were|has\s+been|have\s+been|had\s+been|is|are|will\s+be)\s+(?:(?:finally|eventually|later|since|now|also|ultimately)\s+)?(?:not\s+retained|not\s+kept|not\s+held|not\s+possible|cancell?ed|called\s+off|dropped|scrapped|postponed|shelved|abandoned|ruled\s+out|put\s+off|not\s+foreseen|not\s+part\s+of)(?-u:\b)|^[^;]*?(?-u:\b)(?:did|will|would)\s+not\s+(?:take\s+place|form\s+part\s+of)")
                .expect("dropped pattern compiles")
        });
        at < 48 && SUBJECT.is_match(&self.text[..at]) && DROPPED.is_match(&self.text[at..])
    }

    /// True when what is said at byte `at` happened before the visit: in a sentence that opens
    /// with the time before the journey, all of it after "Before the visit, ...", and what the
    /// pluperfect tells after "Before coming to Libya, ..." ("Before flying to Kigali, he met"
    /// is on the way).
    pub fn before_visit_at(&self, at: usize) -> bool {
        BEFORE_VISIT.captures(self.text).is_some_and(|caps| {
            let end = caps.get(0).map_or(0, |m| m.end());
            caps.name("visit").is_some() || PLUPERFECT.is_match(&self.text[end..at.max(end)])
        })
    }

    /// True when the verb at byte `at` is in the pluperfect: "had begun", "had already left"
    /// ([`PLUPERFECT`] asks it of a verb before a position, this of the verb at it).
    pub fn pluperfect_at(&self, at: usize) -> bool {
        static HAD: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?-u:\b)had\s+(?:(?:already|just|also|first|earlier|previously)\s+)?$")
                .expect("had pattern compiles")
        });
        HAD.is_match(tail(&self.text[..at], 30))
    }

    /// True when a date phrase ending at byte `end` opens an announced clause: its subject
    /// and then a future or intention marker ("On Tuesday, the President is due to ...",
    /// "On Saturday he will ..."), so the phrase names a day still to come.
    pub fn announced_after(&self, end: usize) -> bool {
        let (_, clause_end) = self.clause(end);
        let rest = &self.text[end..clause_end.max(end)];
        let Some(found) = PLANNED.find(rest) else {
            return false;
        };
        let subject = rest[..found.start()].trim_start_matches([',', ' ']);
        // ("On Friday morning, the Secretary-General will fly": the part of day first)
        subject.split_whitespace().count() <= 6
            && subject.split_whitespace().all(|word| {
                word.starts_with(char::is_uppercase)
                    || matches!(
                        word.trim_end_matches(','),
                        "he" | "she"
                            | "they"
                            | "the"
                            | "his"
                            | "her"
                            | "when"
                            | "where"
                            // ("On Thursday, in Oslo, he is to ...": the place first)
                            | "in"
                            | "at"
                            | "morning"
                            | "afternoon"
                            | "evening"
                            | "night"
                            // ("On Thursday the president will visit ...": a title as subject)
                            | "president"
                            | "minister"
                            | "secretary-general"
                            | "chancellor"
                            | "premier"
                            | "king"
                            | "queen"
                            | "pope"
                            | "leader"
                            | "delegation"
                            | "couple"
                    )
            })
    }

    /// The date phrase that belongs to the event at byte `at`: a resolved one in its clause
    /// (the nearest), else one opening the sentence, else a part of day alone in its clause
    /// ("in the afternoon": the anchor day).
    pub fn date_at(&self, at: usize) -> Option<&Dated> {
        let (start, end) = self.clause(at);
        // "X, who had met Y on Monday, left on Tuesday": an aside's date is its own
        let aside = |d: &Dated| {
            self.asides()
                .iter()
                .filter(|&&(a, b)| !(a..b).contains(&at))
                .any(|&(a, b)| d.mention.start >= a && d.mention.end <= b)
                || self.noun_date(d.mention.start)
                || SAID_ON.is_match(tail(&self.text[..d.mention.start], 30))
                || CALLED_OFF.is_match(tail(&self.text[..d.mention.start], 80))
        };
        let in_clause = |d: &&Dated| d.mention.start >= start && d.mention.end <= end && !aside(d);
        // the date said before a verb governs it ("On 6 February, she set off ..., reaching
        // the city on Wednesday"); else the first said after it
        let before = self
            .dates
            .iter()
            .filter(|d| d.date.is_some() && d.mention.start <= at)
            .rfind(in_clause);
        // "At a news conference, X said he would return on 1 September": a date in what is
        // reported is not the day of what is told before the report
        let reported = |d: &&Dated| {
            let between = &self.text[at..d.mention.start];
            REPORTED.is_match(between)
        };
        let after = || {
            self.dates
                .iter()
                .filter(|d| d.date.is_some() && d.mention.start > at)
                .filter(|d| !reported(d))
                .find(in_clause)
        };
        // "arrived on Friday after flying to Rzeszow on Thursday": the gerund's own day
        let resolved = if after_gerund(self.text, at) {
            after().or(before)
        } else {
            before.or_else(after)
        };
        // a date earlier in the sentence ("Her final day was spent in A, where she met ...")
        let opening = || {
            self.dates
                .iter()
                .rfind(|d| d.date.is_some() && d.mention.end <= at && !aside(d))
        };
        let part_only = || {
            self.dates
                .iter()
                .filter(in_clause)
                .filter(|d| d.mention.start < at || !reported(d))
                .min_by_key(|d| d.mention.start.abs_diff(at))
        };
        resolved.or_else(opening).or_else(part_only)
    }

    /// "the explosion of 4 August 2020", "the elections of 5 May": a date naming when
    /// something else happened, not a day of the visit ("the morning of 5 May" is one).
    fn noun_date(&self, at: usize) -> bool {
        let before = tail(&self.text[..at], 30);
        let mut words = before.split_whitespace().rev();
        words.next() == Some("of")
            && words.next().is_some_and(|noun| {
                let noun = noun.to_lowercase();
                noun.chars().all(char::is_alphabetic)
                    && !matches!(
                        noun.as_str(),
                        "morning"
                            | "afternoon"
                            | "evening"
                            | "night"
                            | "day"
                            | "dawn"
                            | "week"
                            | "weekend"
                            | "end"
                            | "beginning"
                            | "start"
                            | "eve"
                            | "middle"
                            | "days"
                            | "nights"
                            | "hours"
                            | "course"
                    )
            })
    }

    /// The place right after byte `at` (past "the", "nearby", "the city of", "southern"...),
    /// known to the gazetteer or, failing that, a capitalised name. `None` when something
    /// else comes first.
    pub fn place_after(&self, at: usize) -> Option<PlaceMention> {
        let rest = &self.text[at..];
        let skip = LEAD_IN.find(rest).map_or(0, |m| m.end());
        let from = at + skip;
        if let Some(p) = self
            .places
            .iter()
            .find(|p| p.start >= from && p.start <= from + 1)
        {
            // "the Villacoublay military airfield, just outside Paris": a town that names an
            // airport, told with the city it serves
            return Some(self.city_of_airport(p).unwrap_or(p).clone());
        }
        // "arrived in the Indian capital on Friday": the capital the lead-in itself names
        if let Some(p) = self
            .places
            .iter()
            .find(|p| p.start >= at && p.end <= from && p.kind == PlaceKind::City)
        {
            return Some(p.clone());
        }
        // "leaving a Group of 20 summit": a name after "a" is no place the gazetteer lacks
        if rest[..skip]
            .split_whitespace()
            .any(|w| w.eq_ignore_ascii_case("a"))
        {
            return None;
        }
        let unknown = unknown_at(self.text, from)?;
        // "left Haneda Airport, Tokyo": the city the airport is named with
        if let Some(city) = self.city_served(&unknown) {
            return Some(city.clone());
        }
        let person = self
            .actors
            .iter()
            .any(|a| a.start < unknown.end && unknown.start < a.end);
        // "King George Island" is no king
        (!person || unknown.kind == PlaceKind::Region).then_some(unknown)
    }

    /// The city an airport named after `named` serves, when the text says which ("Haneda
    /// Airport, Tokyo", "Mehrabad airport in Tehran").
    fn city_of_airport(&self, named: &PlaceMention) -> Option<&PlaceMention> {
        let rest = &self.text[named.end..];
        let near = &rest[..floor_char(rest, rest.len().min(60))];
        let airport = [
            "irport", "irfield", "irbase", "ir base", "ir Base", "ir Force",
        ];
        // (every word of an airport has "ir": most places have none after them)
        if !near.as_bytes().windows(2).any(|w| w == b"ir")
            || !airport.iter().any(|w| near.contains(w))
        {
            return None;
        }
        // "the Villacoublay military airfield", "Waterkloof Air Force Base": the airport's
        // word right after the town ("left Santiago and landed at the airfield in Buenos
        // Aires" leaves the town itself)
        let words: Vec<&str> = near.split_whitespace().take(3).collect();
        if !airport
            .iter()
            .any(|a| words.windows(2).any(|w| w.join(" ").contains(a)))
        {
            return None;
        }
        self.city_served(named)
    }

    /// The city named after the airport that starts at `named` ("Haneda Airport, Tokyo",
    /// "Ben Gurion Airport outside Tel Aviv").
    fn city_served(&self, named: &PlaceMention) -> Option<&PlaceMention> {
        self.places.iter().find(|p| {
            p.kind == PlaceKind::City
                && p.start > named.end
                && self
                    .text
                    .get(named.start..p.start)
                    .is_some_and(|between| AIRPORT_OF_CITY.is_match(between))
        })
    }

    /// "In the town of Irpin, he ...": the place an opening phrase sets for the sentence.
    pub fn opening_place(&self) -> Option<&PlaceMention> {
        // "On Wednesday, in the capital, Vientiane, Clinton held talks": before the subject
        // (a programme item's subject is implied, at no place in the text)
        let subject = self
            .main_subject_actor()
            .filter(|a| a.end > a.start)
            .map_or(self.subject_start(), |a| a.start);
        // "Nouméa: talks with ...", "10 June, Ashgabat: dinner with ...": a programme item
        // headed by its place
        let dated_head = self
            .dates
            .first()
            .filter(|d| d.mention.start == 0)
            .map_or(0, |d| d.mention.end);
        let headed = |p: &PlaceMention| {
            (p.start == 0 || p.start > dated_head && self.text[dated_head..p.start].trim() == ",")
                && self.text[p.end..].starts_with(':')
        };
        // ("\"... the summit in Bali ...,\" the President told journalists": a place quoted)
        self.places.iter().find(|p| {
            p.kind != PlaceKind::Site
                && (p.end <= subject
                    && IN_OR_AT.is_match(tail(&self.text[..p.start], 60))
                    && !inside_quotation(&self.text[..p.start])
                    || headed(p))
        })
    }

    /// The places in `start..end` that a traveller can go to (not venues).
    pub fn destinations_in(&self, start: usize, end: usize) -> impl Iterator<Item = &PlaceMention> {
        self.places
            .iter()
            .filter(move |p| p.start >= start && p.end <= end && p.kind != PlaceKind::Site)
    }
}

/// The word at byte `at` is a gerund right after "after" ("arrived after flying to X").
pub fn after_gerund(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    before.len() >= 6
        && before
            .get(before.len() - 6..)
            .is_some_and(|w| w.eq_ignore_ascii_case(" after"))
        && text[at..]
            .split(' ')
            .next()
            .is_some_and(|w| w.ends_with("ing"))
}

/// Whether the end of `before` lies inside a quotation (quotes are straight after
/// normalisation).
pub fn inside_quotation(before: &str) -> bool {
    !before
        .bytes()
        .filter(|&b| b == b'"')
        .count()
        .is_multiple_of(2)
}

/// A relative clause between commas: ", who had met the President on Monday,".
/// A verb of saying that opens reported speech.
static REPORTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:said|says|told|announced|added|stressed|noted)\s+(?:that\s+)?(?:he|she|they|it|the|his|her|France|[A-Z][a-z]+)(?-u:\b)")
        .expect("reported-speech pattern compiles")
});

/// A verb of saying right before a date: "the government said Friday" dates the saying.
static SAID_ON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:said|told\s+(?:reporters|journalists)|announced|confirmed)\s+(?:on\s+)?$",
    )
    .expect("said-on pattern compiles")
});

/// A schedule that was changed, right before its date: "had originally been due in Lima on
/// Tuesday" is not the day of the journey told.
static CALLED_OFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:had\s+(?:originally\s+|initially\s+)?been\s+(?:due|expected|scheduled|set|supposed|planned)|(?:was|were)\s+(?:originally|initially)\s+(?:due|expected|scheduled|set|planned))(?-u:\b)[^,;.]*$")
        .expect("called-off pattern compiles")
});

static ASIDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r",\s+(?:who|which|whose|where)\s[^,;]*,").expect("aside pattern compiles")
});

/// "in", "at", "in the town of", "in the capital," right before a place.
static IN_OR_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:in|at)\s+(?:the\s+)?(?:(?:town|city|village|capital|district)(?:\s+of)?,?\s+)?$",
    )
    .expect("in-or-at pattern compiles")
});

/// Words between a preposition and the place it introduces.
static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:(?:the|a|nearby|neighbouring|neighboring|southern|northern|eastern|western|central|south-eastern|south-western|north-eastern|north-western|border|frontier|coastal|seaside|historic|ancient|holy|industrial|resort|capital|city|town|village|port|island|province|region|state|of|its|his|her|their)\s+|[A-Z][a-z]+(?:an|ian|ese|i|ish|ch)\s+(?:capital|city|town|port|village)\s+)*")
        .expect("lead-in pattern compiles")
});

/// Words ending in a possessive "'s" ("Xi's", "the University\u{2019}s").
pub fn possessive(said: &str) -> bool {
    said.ends_with("'s") || said.ends_with("\u{2019}s")
}

/// "his", "its", "their", or "her" before a noun ("her stay", not "welcomed her to"): a
/// pronoun standing for an owner, not a subject.
fn possessive_determiner(text: &str, actor: &Actor) -> bool {
    let said = &text[actor.start..actor.end];
    if ["his", "its", "their"]
        .iter()
        .any(|w| said.eq_ignore_ascii_case(w))
    {
        return true;
    }
    let rest = &text[actor.end..];
    let article = matches!(rest.split_whitespace().next(), Some("the" | "a" | "an"));
    said.eq_ignore_ascii_case("her") && before_noun(rest) && !article
}

/// `rest` opens with a word in lower case that is no preposition: a noun or its modifier a
/// pronoun before it owns ("her stay", "his annual address"), not "hosted her for a dinner"
/// or "told her Minister X would come".
pub fn before_noun(rest: &str) -> bool {
    let next = rest.split_whitespace().next().unwrap_or("");
    next.starts_with(|c: char| c.is_lowercase())
        && !matches!(
            next,
            "to" | "for" | "at" | "on" | "in" | "with" | "by" | "and" | "as" | "from" | "into"
        )
}

/// The place at byte `at` is a topic's ("to discuss the crisis in Burma", "talks on the
/// situation in Gaza") or an embassy's ("the staff of the Embassy of Peru in Oslo"), not
/// where anything happens.
pub fn topic_place(text: &str, at: usize) -> bool {
    static TOPIC: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)(?-u:\b)(?:situation|crisis|war|conflict|peace|fighting|violence|developments|events|elections?|reconstruction|security|stability|hostages|attacks?|blasts?|explosions?|strikes?|bombings?|earthquakes?|floods?|protests?|investments?|operations|process|refugees|people|communities|civilians|needs|aid|assistance|relief)\s+(?:in|on)\s+(?:the\s+)?$|(?-u:\b)of\s+(?:the|its|his|her|their)\s+(?:embassy|consulate|high\s+commission)(?:\s+of\s+[\w-]+(?:\s+[\w-]+)?)?\s+in\s+$",
        )
        .expect("topic pattern compiles")
    });
    TOPIC.is_match(tail(&text[..at], 64))
}

/// The last `len` bytes (at most) of `text`, on a char boundary: enough for patterns anchored
/// at the end, which would otherwise be tried at every position of a long text.
pub fn tail(text: &str, len: usize) -> &str {
    &text[floor_char(text, text.len().saturating_sub(len))..]
}

/// The largest char boundary at or below `at`.
pub fn floor_char(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The part of day of a dated phrase, if any.
pub fn part(dated: Option<&Dated>) -> Option<PartOfDay> {
    dated.and_then(|d| d.mention.part)
}
