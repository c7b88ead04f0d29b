//! The story of one document: sentences read in order, with the narrative state that
//! connects them — the last date established, where the traveller is, where announced
//! travel would take them — turning each sentence's leg and meeting facts into drafts.
//! Origins come from the previous destination; a departure waits for its arrival; a country
//! reached and then a city in it is one leg; a planned leg later done is dropped for the done
//! one. Pure.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::{Regex, RegexSet, RegexSetBuilder};

use crate::domain::{
    Document, LegDraft, MeetingDraft, MeetingKind, PartOfDay, Participant, Place, Published,
    Source, Status,
};
use crate::extract::cast::{Cast, PersonId};
use crate::extract::dates::{Calendar, DateExpr, Tense};
use crate::extract::legs::{self, LegFact};
use crate::extract::meetings::{self, MeetingFact};
use crate::extract::places::{PlaceKind, PlaceMention};
use crate::extract::reading::{Dated, PLUPERFECT, Reading, Who, inside_quotation, tail};
use crate::extract::segment::Sentence;
use crate::fold::contains_ascii_in_any_case;
use crate::gazetteer::Gazetteer;

/// A leg with the rule that made it (kept out of the API, for evidence and debugging).
#[derive(Clone, Debug)]
pub struct RuledLeg {
    pub leg: LegDraft,
    pub rule: &'static str,
    /// Position of the sentence, for ordering.
    pub sentence: usize,
    /// The text names where the journey started (else it started where the story was).
    pub origin_told: bool,
}

impl RuledLeg {
    /// A journey made, with its day and where it went.
    fn dated_journey(&self) -> bool {
        self.leg.status == Status::Completed
            && self.leg.destination.is_some()
            && self.leg.date.is_some()
    }
}

/// A meeting with the rule that made it.
#[derive(Clone, Debug)]
pub struct RuledMeeting {
    pub meeting: MeetingDraft,
    pub rule: &'static str,
    pub sentence: usize,
    /// Placed where the traveller was when it was told, not by the text.
    pub here: bool,
}

/// The narrative state while a document is read.
pub struct Story<'d> {
    pub doc: &'d Document,
    pub gazetteer: &'d Gazetteer,
    pub calendar: Calendar,
    pub cast: Cast,
    /// Where the traveller is, as far as the text has said.
    pub location: Option<Place>,
    /// Where the announced travel so far would take the traveller.
    pub planned_location: Option<Place>,
    pub legs: Vec<RuledLeg>,
    pub meetings: Vec<RuledMeeting>,
    /// Events reported since the last completed leg: a later, more precise destination
    /// refines that leg only while nothing happened there.
    events_since_leg: usize,
    /// Those of them told in the sentence of the leg: "headed to Bali for the summit" tells
    /// what the journey is for, which a later, more precise arrival does not contradict.
    events_with_leg: usize,
    pub notes: Vec<String>,
    /// The ISO codes of countries the document names, for resolving ambiguous cities.
    pub context: Vec<String>,
    /// When set, a line per sentence read: actors, places, dates and facts.
    pub trace: Option<Vec<String>>,
    /// The text speaks in the traveller's voice ("Today I depart for ..."): "I" is the
    /// traveller.
    pub first_person: bool,
    /// The pronouns the text gives the traveller, when it clearly gives one set: "she" and
    /// "her" (true) or "he", "him" and "his" (false).
    pub feminine: Option<bool>,
    /// The one person the last sentence was about, when it was about someone other than
    /// the traveller ("For the President the day had begun earlier."): a "He" opening the
    /// next sentence is that person, in the same paragraph (a new paragraph opening on "He"
    /// goes back to the one the report follows).
    pub topic: Option<(PersonId, usize)>,
    /// The sentence right after a day's heading one day after the day before it
    /// ("WEDNESDAY, 30 JUNE"): its "The following morning" is that day, counted from before.
    headed: Option<usize>,
    /// Whether the text styles anyone "His Highness", "Her Majesty", "His Excellency" (asked
    /// once of the whole text).
    pub styled: Option<bool>,
    /// The place of the first news dateline: where "here" is.
    dateline: Option<String>,
    /// The sentence that opens with the first news dateline: the lead, which sums up.
    lead: Option<usize>,
    /// The sentence being read tells of a night spent somewhere.
    overnight: bool,
    /// Where the traveller was before the story's present, as told looking back ("who had
    /// held talks in Delhi on Monday"): the precise origin of a leg from that country.
    came_from: Option<Place>,
    /// Places the traveller was at before the journeys told so far, as told looking back
    /// ("flew in from Eswatini, where on Tuesday he was received by the King"), by date.
    stops_before: Vec<Stop>,
    /// A paragraph told looking back ("In Beijing on Thursday, Xi had welcomed him ..."):
    /// its undated sentences are on that day, in that place, until the paragraph ends.
    flashback: Option<Flashback>,
    /// The last day a plan named ("will fly to Moscow on 8 July"), which the story has not
    /// reached: what the next plans tell relative to it ("On arrival that afternoon, he
    /// will ...") is on that day.
    planned_day: Option<NaiveDate>,
    /// The sentence after the one that announced `planned_day`, and its paragraph.
    planned_paragraph: Option<(usize, usize)>,
    /// "drove with President X to the village": who went along on the last journey, and its
    /// day ("the two then held talks" is with them).
    moved_with: Option<(Option<NaiveDate>, Vec<PersonId>)>,
    /// The one person other than the traveller the sentence before named, if only one.
    named_before: Option<PersonId>,
    /// The story's day was set by a lead that sums up the visit ("concluded a visit today"):
    /// a full date before it starts the story told in order, not a look back.
    summed_up: bool,
    /// "held bilateral talks with:": the engagement whose counterparts the list items that
    /// follow name, one item each.
    listed: Option<MeetingFact>,
    index: usize,
}

/// A day the traveller was somewhere, told out of the order of the journeys.
struct Stop {
    date: NaiveDate,
    place: Place,
    source: Source,
    /// The sentence that told it.
    sentence: usize,
    /// Told as where the traveller came from ("flew in from A, where ..."): a stop of the
    /// journey only when the story knows where they were before it.
    coming_from: bool,
}

/// The day and place a paragraph looking back is set on.
struct Flashback {
    paragraph: usize,
    date: NaiveDate,
    place: Option<Place>,
}

impl<'d> Story<'d> {
    /// A story with nothing read yet.
    pub fn new(
        doc: &'d Document,
        gazetteer: &'d Gazetteer,
        calendar: Calendar,
        cast: Cast,
    ) -> Self {
        Self {
            doc,
            gazetteer,
            calendar,
            cast,
            location: None,
            planned_location: None,
            legs: Vec::new(),
            meetings: Vec::new(),
            events_since_leg: 0,
            events_with_leg: 0,
            notes: Vec::new(),
            context: Vec::new(),
            trace: None,
            first_person: false,
            feminine: None,
            topic: None,
            headed: None,
            styled: None,
            dateline: None,
            lead: None,
            overnight: false,
            came_from: None,
            stops_before: Vec::new(),
            flashback: None,
            planned_day: None,
            planned_paragraph: None,
            moved_with: None,
            named_before: None,
            summed_up: false,
            listed: None,
            index: 0,
        }
    }

    /// Resolves the date phrases of a sentence in order; an explicit date anchors the
    /// phrases after it in the same sentence.
    pub fn resolve_dates(
        &mut self,
        reading: &Reading<'_>,
        raw: Vec<crate::extract::dates::DateMention>,
    ) -> Vec<Dated> {
        let mut local = self.calendar.clone();
        // "Earlier that morning" after a passage looking back to Sunday: that Sunday, not the
        // day the report has reached
        let mut told = self.flashback.as_ref().map(|f| f.date);
        let mut out = Vec::new();
        for mention in raw {
            let tense = if reading.planned_at(mention.start) || reading.announced_after(mention.end)
            {
                Tense::Future
            } else {
                Tense::Past
            };
            // "after the 14 February bombing": the day of an incident, not of the story
            let incident = (reading.text[..mention.start].ends_with("the ")
                || reading.text[mention.start..].starts_with("the "))
                && INCIDENT_AFTER.is_match(&reading.text[mention.end..])
                || since_then(&reading.text[..mention.start]);
            let date = match mention.expr {
                _ if incident => None,
                // "today" in a narrative that has its own dates is reported speech (but "will
                // depart tonight" announces in the release's own voice)
                // ("This morning, the Minister was received by ...": the narrator's own day,
                // when the story has not gone past it)
                // ("left for home this evening": a part of the narrator's own day, too)
                DateExpr::Published(_)
                    if self.calendar.anchor.is_some()
                        && tense == Tense::Past
                        && !((mention.start < reading.subject_start().max(1)
                            || mention.part.is_some())
                            && self
                                .calendar
                                .anchor
                                .is_some_and(|a| a <= self.calendar.published.latest())) =>
                {
                    None
                }
                DateExpr::Published(_) if reported_speech(&reading.text[..mention.start]) => None,
                // "'... I have witnessed today,' he told journalists": the day of the words
                DateExpr::Published(_) if inside_quotation(&reading.text[..mention.start]) => None,
                DateExpr::Relative(days)
                    if tense == Tense::Future
                        && self
                            .planned_day
                            .is_some_and(|p| local.anchor.is_none_or(|a| p > a)) =>
                {
                    self.planned_day.map(|d| shift_days(d, days))
                }
                DateExpr::Relative(days) if tense == Tense::Past && told.is_some() => {
                    told.map(|d| shift_days(d, days))
                }
                DateExpr::Relative(1) if self.headed == Some(self.index) => local.anchor,
                expr => local.resolve(expr, tense),
            };
            if matches!(
                mention.expr,
                DateExpr::Day { .. }
                    | DateExpr::Range { .. }
                    | DateExpr::Weekday(_)
                    | DateExpr::DayOfMonth(_)
            ) && date.is_some()
            {
                local.anchor = date;
                told = None;
            }
            out.push(Dated { mention, date });
        }
        self.notes.append(&mut local.notes);
        out
    }

    /// Reads one sentence's facts into legs and meetings, then moves the anchor.
    pub fn read(&mut self, reading: &Reading<'_>, companions: &[PersonId]) {
        // "returned last night at the end of a tour": a lead that sums up the visit, read
        // before anything of it is told
        let first_told = self.legs.is_empty() && self.meetings.is_empty();
        let anchor_before = self.calendar.anchor;
        // (asked at most once of the sentence)
        let mut concludes = None;
        let mut sums_up = || *concludes.get_or_insert_with(|| CONCLUDED.is_match(reading.text));
        if self.dateline.is_none() {
            self.dateline.clone_from(&reading.sentence.dateline);
            if self.dateline.is_some() {
                self.lead = Some(self.index);
            }
        }
        // each way of saying it has "night"
        self.overnight =
            contains_ascii_in_any_case(reading.text, "night") && OVERNIGHT.is_match(reading.text);
        // "He then went to ...", "Talks began that afternoon": a new paragraph that goes on
        // from the one looking back
        let goes_on = CONTINUES.is_match(reading.text);
        let mut closing = false;
        if let Some(f) = self.flashback.as_mut()
            && f.paragraph != reading.sentence.paragraph
        {
            if goes_on {
                f.paragraph = reading.sentence.paragraph;
            } else {
                closing = true;
            }
        }
        self.back_to_a_stop_of_the_lead(reading);
        let present = RULE_WORDS.matches(reading.text);
        let triggers = legs::trigger_patterns().count();
        let leg_facts = merge_facts(legs::facts(reading, |k| present.matched(k)));
        self.visit_ended(reading, &leg_facts);
        let mut meeting_facts = meetings::facts(
            reading,
            |k| present.matched(triggers + k),
            companions,
            &self.cast,
        );
        self.list_of_counterparts(reading, companions, &mut meeting_facts);
        // ("Crowds lined the avenues.": a paragraph that tells nothing of the visit does not
        // end it)
        if closing
            && (!leg_facts.is_empty() || !meeting_facts.is_empty() || !reading.dates.is_empty())
        {
            self.flashback = None;
        }
        if let Some(trace) = self.trace.as_mut() {
            trace.push(describe(
                reading,
                &leg_facts,
                &meeting_facts,
                &self.cast,
                self.calendar.anchor,
            ));
        }
        let mut anchors: Vec<(usize, NaiveDate)> = Vec::new();
        let mut events: Vec<Event> = leg_facts.into_iter().map(Event::Leg).collect();
        events.extend(meeting_facts.into_iter().map(Event::Meeting));
        events.sort_by_key(Event::at);
        let eventless = events.is_empty();
        let first_new = self.meetings.len();
        let mut joint = Vec::new();
        // whether the sentence looks back, asked once for all its events
        let mut earlier = None;
        // "In July, while ...": a time at the head of the sentence, found once (only a
        // sentence opening on a word the pattern starts with is searched)
        let fronted_time = ["In", "in", "last", "next", "years"]
            .iter()
            .any(|w| reading.text.starts_with(w))
            .then(|| ANOTHER_TIME.find(reading.text))
            .flatten()
            .filter(|m| m.start() == 0);
        // the pluperfect has "had"
        let had = contains_ascii_in_any_case(reading.text, "had");
        // "will go to Kyiv, at a date to be set": a plan without a day
        let undated = reading.text.contains(" date") && UNDATED_PLAN.is_match(reading.text);
        for event in events {
            let before = self.meetings.len();
            let is_joint = matches!(&event, Event::Meeting(fact) if fact.joint);
            let later = match &event {
                Event::Leg(fact) => fact.later_at,
                Event::Meeting(_) => None,
            };
            let own = reading.date_at(event.at());
            let dated = own
                .filter(|d| d.date.is_some())
                .or_else(|| later.and_then(|at| reading.date_at(at)))
                .or(own);
            // "met President X, whose country takes over the presidency on 1 December": a day
            // after the report, told in a relative clause, is no day of what it tells done
            let date = dated.and_then(|d| d.date).filter(|&day| {
                event.planned()
                    || day <= self.calendar.published.latest()
                    || dated.is_none_or(|d| {
                        let between = reading.text.get(event.at()..d.mention.start);
                        !between
                            .is_some_and(|b| [", whose ", ", who "].iter().any(|r| b.contains(r)))
                    })
            });
            let (clause_start, clause_end) = reading.clause(event.at());
            // "landed on Thursday, coming from X, where he had spoken the day before": what
            // the sentence looks back on does not move the story back
            let pluperfect = had && PLUPERFECT.is_match(&reading.text[clause_start..event.at()]);
            let looked_back = pluperfect && !anchors.is_empty();
            if let (Some(d), Some(dated), false) = (date, dated, looked_back) {
                anchors.push((dated.mention.start, d));
            }
            let clause = &reading.text[clause_start..clause_end];
            // "In July, while the fighting went on, he had travelled to ...": a time put at
            // the head of the sentence holds for all of it
            let fronted = fronted_time
                .filter(|m| m.end() <= event.at())
                .map(|m| &reading.text[..m.end()]);
            // "a trip during which he attended the Summit in Madrid": summed up, undated
            // ("returned today after a trip during which he ...": the day is the return's)
            let recap = recap_of_the_trip(&reading.text[..event.at()])
                && own.is_none_or(|d| {
                    reading.text[d.mention.end..event.at()].contains("during which")
                });
            let another_time =
                ANOTHER_TIME.is_match(clause) || years_apart(clause) || fronted.is_some() || recap;
            // "since his official visit to China from 30 October to 1 November 2022": a day
            // months before a dated report's is another visit's
            // (or before the days the title gives the visit: "the two had met on 27 May")
            let long_before = date.is_some_and(|d| {
                matches!(self.calendar.published, Published::Day(_))
                    && (self.calendar.published.latest() - d).num_days() > 120
                    || self
                        .calendar
                        .bounds
                        .is_some_and(|(first, last)| first < last && d < shift_days(first, -2))
            });
            let when = When {
                date: date
                    .or(self.flashback.as_ref().map(|f| f.date))
                    .or(self.calendar.anchor)
                    .filter(|_| !recap && !undated),
                part: dated.and_then(|d| d.mention.part),
                one_day: date.is_some()
                    && dated.is_some_and(|d| !matches!(d.mention.expr, DateExpr::Range { .. })),
                looking_back: pluperfect
                    || *earlier.get_or_insert_with(|| EARLIER.is_match(reading.text)),
                another_time,
                another_visit: long_before
                    || another_time && {
                        let reference = self
                            .calendar
                            .anchor
                            .unwrap_or(self.calendar.published.latest());
                        // "the parade of 14 July last year, and his first visit in March 2018":
                        // the time told nearer the event is its own
                        // (from where the movement is told, or told again more precisely)
                        let told = [Some(event.at()), later];
                        let distance = |start: usize| {
                            told.iter()
                                .flatten()
                                .map(|&at| start.abs_diff(at))
                                .min()
                                .unwrap_or(usize::MAX)
                        };
                        let nearer = |m: regex::Match<'_>| {
                            dated.is_none_or(|d| {
                                distance(clause_start + m.start()) < distance(d.mention.start)
                            })
                        };
                        let own_time = date.is_none() || ANOTHER_TIME.find_iter(clause).any(nearer);
                        own_time
                            && (another_visit(clause, reference)
                                || fronted.is_some_and(|f| another_visit(f, reference)))
                    },
            };
            match event {
                Event::Leg(fact) => self.leg(reading, fact, when),
                // "will fly to Cairo on Wednesday. He is expected to be welcomed by X": the
                // next sentence's plans are on the day just announced
                Event::Meeting(fact) => {
                    let mut when = when;
                    if fact.planned
                        && own.is_none()
                        && let Some((day, paragraph)) = self.planned_paragraph
                        && paragraph == reading.sentence.paragraph
                        && self.index == day
                    {
                        when.date = self.planned_day.or(when.date);
                    }
                    self.meeting(reading, fact, when)
                }
            }
            if is_joint {
                joint.extend(before..self.meetings.len());
            }
        }
        self.joint_participants(reading, first_new, &joint);
        if eventless {
            self.present_at_the_last_meeting(reading, companions);
        }
        // an announced date ("will return on 1 September") is no day the story has reached
        let published = self.calendar.published.latest();
        let reached = self.calendar.anchor.is_some_and(|a| a <= published);
        let (announced, mut anchors): (Vec<_>, Vec<_>) = anchors
            .into_iter()
            .partition(|&(at, date)| reached && date > published && reading.planned_at(at));
        // ... but what the next plans tell relative to it is on that day
        if let Some(&(_, day)) = announced.iter().max_by_key(|(at, _)| *at) {
            self.planned_day = Some(day);
            self.planned_paragraph = Some((self.index + 1, reading.sentence.paragraph));
        }
        let opener = reading.subject_start();
        // "Day one (Thursday).": a day's label, a sentence of a few words with its date
        // (not the greeting "Good afternoon.")
        let label = reading.dates.len() == 1
            && reading.actors.is_empty()
            && reading.text.split_whitespace().nth(4).is_none()
            && matches!(
                reading.dates[0].mention.expr,
                DateExpr::Day { .. }
                    | DateExpr::Weekday(_)
                    | DateExpr::Range { .. }
                    | DateExpr::DayOfMonth(_)
            );
        // "The visit ended on Saturday, 3 July": the visit's own day, though no event is told
        let of_the_visit = reading.main_subject() == Some(crate::extract::reading::Who::Entourage)
            && !reading.planned_at(opener);
        let ended = of_the_visit && VISIT_DAY.is_match(&reading.text[opener..]);
        // "The visit began on Monday, 5 September": after a lead that sums it up, the day the
        // visit is told again from
        // ("The mission opened yesterday, Monday 20 February, in Poland" after a lead told in
        // the present: the story told from its start too)
        let began = of_the_visit && VISIT_BEGAN.is_match(&reading.text[opener..]);
        for d in &reading.dates {
            let opening = label
                || d.mention.start < opener.max(3)
                || d.date.is_some_and(|day| {
                    day <= published
                        && (ended && self.calendar.anchor.is_some_and(|a| day > a)
                            || began
                                && matches!(
                                    d.mention.expr,
                                    DateExpr::Day { .. } | DateExpr::Weekday(_)
                                ))
                });
            if let (true, Some(date)) = (opening, d.date) {
                anchors.push((d.mention.start, date));
            }
        }
        // "The formal programme opened on Wednesday morning with a ceremonial welcome": the
        // one day of a sentence that tells no event of its own, in the past and of nobody
        // else, is the day the story has reached (not "the offensive launched last Sunday")
        if eventless
            && anchors.is_empty()
            && self.calendar.anchor.is_some()
            && let [d] = reading.dates.as_slice()
            && let Some(day) = d.date.filter(|&day| day <= published)
            // ("pulled into Kyiv on the morning of Wednesday, 8 March": a date a few days on
            // moves it too, not "the earthquake of 6 February" told as background)
            && (matches!(d.mention.expr, DateExpr::Weekday(_))
                || matches!(d.mention.expr, DateExpr::Day { .. } | DateExpr::DayOfMonth(_))
                    && self.calendar.anchor.is_some_and(|a| {
                        day > a && (day - a).num_days() <= 7
                    }))
            && !reading.planned_at(d.mention.start)
            && !reading.text[..d.mention.start].ends_with("last ")
            && !matches!(
                reading.main_subject(),
                Some(Who::Person(_) | Who::Nobody | Who::Party)
            )
        {
            anchors.push((d.mention.start, day));
        }
        // "to leave on Saturday and to arrive on Sunday, 29 June", "boarded a train on Thursday
        // night and reached Odesa the following morning": the story reaches the last day the
        // sentence moves on to, though only the departure dates the journey
        if let Some(&(at, day)) = anchors.iter().max_by_key(|(at, _)| *at)
            && let Some(last) = reading.dates.last()
            && let Some(later) = last.date.filter(|&d| d > day && last.mention.start > at)
            // (not "elections rescheduled for 20 November", weeks after a day told done)
            && (later - day).num_days() <= 7
            && (later <= published || reading.planned_at(last.mention.start))
            && matches!(
                last.mention.expr,
                DateExpr::Day { .. }
                    | DateExpr::Weekday(_)
                    | DateExpr::Relative(1..)
                    | DateExpr::DayOfMonth(_)
                    | DateExpr::Published(_)
            )
            && reading.date_at(last.mention.start) == Some(last)
        {
            anchors.push((last.mention.start, later));
        }
        // "A summary of the engagements from Saturday, 2 September, to Sunday, 10 September":
        // before any date, the span the text covers, which the story starts from
        if self.calendar.anchor.is_none()
            && self.calendar.bounds.is_none()
            && eventless
            && let [first, last] = reading.dates.as_slice()
            && let (Some(a), Some(b)) = (first.date, last.date)
            && a < b
            && b <= published
            && [first, last]
                .iter()
                .all(|d| matches!(d.mention.expr, DateExpr::Day { .. }))
            && reading.text[first.mention.end..last.mention.start].contains(" to ")
        {
            self.calendar.bounds = Some((a, b));
            anchors.push((first.mention.start, a));
        }
        // "X on Friday became the first ... to visit Y": before any date, a lead's day that
        // lies in the week before the report is the story's day
        // (not "today's noon briefing": the day of the telling)
        if self.calendar.anchor.is_none() && anchors.is_empty() {
            let recent = reading.dates.iter().find_map(|d| {
                let owner = reading.text[d.mention.end..].starts_with(['\'', '\u{2019}']);
                d.date
                    .filter(|_| !owner)
                    .filter(|&day| day <= published && (published - day).num_days() <= 7)
                    .map(|day| (d.mention.start, day))
            });
            anchors.extend(recent);
        }
        // a date outside the visit the title dates is background ("authorized on 31 July")
        if let Some((first, last)) = self.calendar.bounds {
            let (first, last) = (shift_days(first, -2), shift_days(last, 2));
            anchors.retain(|&(_, date)| date >= first && date <= last);
        }
        if let Some(&(_, date)) = anchors.iter().max_by_key(|(at, _)| *at) {
            // a dated report looks back ("In Sydney on Tuesday, ...") and returns to its
            // present: what it tells next undated is still on the latest day it reached
            // (the items of a programme or a list go on from one another)
            // (but "concluded a visit today" sums up the visit, and a full date before it
            // starts the story told in order)
            // (so does a journey told to its return home: "left Beijing on the 27th and
            // returned to Tokyo. ... On the morning of the 26th, ...")
            let going_back = self.calendar.anchor.is_some_and(|a| date < a);
            let home_again = going_back && self.home_again();
            let retold_from_the_start = (self.summed_up || home_again || began)
                && reading.dates.iter().any(|d| {
                    d.date == Some(date)
                        && matches!(
                            d.mention.expr,
                            DateExpr::Day { .. } | DateExpr::Weekday(_) | DateExpr::DayOfMonth(_)
                        )
                });
            // "paid a State Visit on 15-16 June. ... emplaned from New Delhi on the morning of
            // Sunday, 15 June": the visit's span told, then the visit from its first day
            let from_the_span = self.calendar.bounds.is_some_and(|(first, last)| {
                self.calendar.anchor == Some(last)
                    && date >= first
                    && date < last
                    && !self.legs.iter().any(|l| l.leg.date == Some(last))
                    && !self.meetings.iter().any(|m| m.meeting.date == Some(last))
            });
            let looks_back = matches!(self.calendar.published, Published::Day(_))
                && !reading.item
                && !retold_from_the_start
                && !from_the_span
                && self.calendar.anchor.is_some_and(|a| date < a);
            // ("Earlier today, she flew from X": more of the lead's own day)
            if self.calendar.anchor.is_none() {
                self.summed_up = sums_up();
            } else if !looks_back && self.calendar.anchor != Some(date) {
                self.summed_up = false;
            }
            if looks_back {
                // (else where the journey told had brought the traveller by that day: "left
                // Beijing on the 27th ... On the morning of the 26th, a welcome ceremony")
                let place = reading
                    .places
                    .iter()
                    .find(|p| p.start < opener && p.kind == PlaceKind::City)
                    .map(place_of)
                    .or_else(|| self.where_on(date));
                self.flashback = Some(Flashback {
                    paragraph: reading.sentence.paragraph,
                    date,
                    place,
                });
            } else {
                if retold_from_the_start
                    && going_back
                    && let Some(there) = self.where_on(date)
                {
                    self.location = Some(there);
                }
                self.set_day(date);
            }
        }
        if first_told && !self.summed_up {
            self.summed_up = sums_up();
        }
        self.headed = if label {
            self.next_day_headed(anchor_before, self.index + 1)
        } else {
            None
        };
        // (not those travelling with the traveller)
        let moved_with = self.moved_with.as_ref().map(|(_, ids)| ids.as_slice());
        let mut named = reading.actors.iter().filter_map(|a| match a.who {
            Who::Person(id)
                if !self.cast.person(id).weak
                    && !companions.contains(&id)
                    && !moved_with.is_some_and(|ids| ids.contains(&id)) =>
            {
                Some(id)
            }
            _ => None,
        });
        let first = named.next();
        self.named_before = first.filter(|&id| named.all(|other| other == id));
        self.index += 1;
    }

    /// "paid a visit to the Maldives on 9-10 May, followed by a visit to Sri Lanka on 11
    /// May. In Male, she ...": a lead that told the whole tour, then a sentence set, with no
    /// day of its own, in a stop of it other than the last: the story goes back to that stop
    /// and its day.
    fn back_to_a_stop_of_the_lead(&mut self, reading: &Reading<'_>) {
        if !reading.dates.is_empty() || reading.places.is_empty() {
            return;
        }
        let Some(last) = self
            .legs
            .last()
            .filter(|l| l.leg.status == Status::Completed)
        else {
            return;
        };
        let Some(opening) = reading
            .opening_place()
            .filter(|p| p.kind == PlaceKind::City)
        else {
            return;
        };
        if same_place(self.location.as_ref(), Some(&opening.place)) {
            return;
        }
        // "In Male" after "a visit to the Maldives": the city of a country visited
        let stop = self.legs.iter().rposition(|l| {
            l.sentence == last.sentence
                && l.leg.status == Status::Completed
                && l.leg
                    .destination
                    .as_ref()
                    .is_some_and(|d| self.at_or_in(&opening.place, d))
        });
        let Some(stop) = stop else {
            return;
        };
        if let Some(day) = self.legs[stop]
            .leg
            .date
            .filter(|&day| self.calendar.anchor.is_some_and(|a| day < a))
        {
            self.calendar.anchor = Some(day);
            self.location = Some(opening.place.clone());
            // the country visited, told more precisely
            self.legs[stop].leg.destination = Some(opening.place.clone());
        }
    }

    /// "concluded his two-day visit to Russia and emplaned for Vienna": the traveller was
    /// in the country whose visit ended, which is where the journey the sentence tells
    /// starts.
    fn visit_ended(&mut self, reading: &Reading<'_>, facts: &[LegFact]) {
        if facts.iter().all(|f| f.planned || f.destination.is_none()) {
            return;
        }
        static ENDED: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)(?-u:\b)(?:concluded|concludes|concluding|wrapped\s+up|wraps\s+up|wrapping\s+up|ended|ends|ending|completed|completes|completing)\s+(?:a|an|his|her|their|the)\s+(?:[\w-]+\s+){0,3}(?:visit|trip|tour|stay)\s+to\s")
                .expect("visit-ended pattern compiles")
        });
        let Some(m) = ENDED.find(reading.text) else {
            return;
        };
        // "arrived from Paris after wrapping up a visit to France": told looking back
        let looking_back = tail(&reading.text[..m.start()], 8).ends_with("after ");
        if looking_back
            || reading.planned_at(m.start())
            || reading.main_subject() != Some(crate::extract::reading::Who::Traveller)
        {
            return;
        }
        let Some(place) = reading
            .place_after(m.end())
            .filter(|p| p.start <= m.end() + 5 && p.is_destination())
        else {
            return;
        };
        let leaves = facts.iter().any(|f| {
            !f.planned
                && f.destination.as_ref().is_some_and(|d| {
                    !same_place(Some(&d.place), Some(&place.place))
                        && !self.lies_in(&d.place, &place.place)
                })
        });
        if !leaves {
            return;
        }
        let inside = self
            .location
            .as_ref()
            .is_some_and(|here| self.at_or_in(here, &place.place));
        if !inside {
            // "LIMA (Reuters) - ... concluded her visit to Peru": the dateline names the city
            let city = self
                .dateline_place()
                .filter(|c| self.lies_in(c, &place.place));
            self.location = city.or(Some(place.place));
        }
    }

    /// The story moves on to `day`, told by a heading.
    /// The journeys told so far end where the first, its origin stated, began: the traveller
    /// is home again.
    fn home_again(&self) -> bool {
        let mut made = self
            .legs
            .iter()
            .filter(|l| l.leg.status == Status::Completed);
        let (Some(first), Some(last)) = (made.next(), made.next_back()) else {
            return false;
        };
        // (in the order made: "arrived in Kyiv on Friday after flying to Rzeszow on Thursday"
        // tells the later leg first)
        let in_order = matches!((first.leg.date, last.leg.date), (Some(a), Some(b)) if a < b);
        in_order
            && first.origin_told
            && same_place(first.leg.origin.as_ref(), last.leg.destination.as_ref())
    }

    /// "held bilateral talks with:" and then a list, an item for each counterpart ("- X,
    /// President of Y, on Saturday"): the talks are one engagement per item, with those the
    /// item names, unless the item tells its own ("over a working lunch").
    fn list_of_counterparts(
        &mut self,
        reading: &Reading<'_>,
        companions: &[PersonId],
        facts: &mut Vec<MeetingFact>,
    ) {
        if !reading.sentence.bullet {
            self.listed = None;
            if reading.text.trim_end().ends_with("with:")
                && let Some(k) = facts
                    .iter()
                    .position(|f| f.kind == MeetingKind::Meeting && f.participants.is_empty())
            {
                self.listed = Some(facts.remove(k));
            }
            return;
        }
        let Some(header) = self
            .listed
            .as_ref()
            .filter(|_| facts.iter().all(|f| f.participants.is_empty()))
        else {
            return;
        };
        let named = meetings::people_in(reading, (0, reading.text.len()), companions, &self.cast);
        if !named.is_empty() {
            // ("- X, President of Brazil, which will hold the G20 presidency": the item's
            // words about the counterpart tell no engagement of their own)
            facts.clear();
            facts.push(MeetingFact {
                at: 0,
                participants: named,
                place: None,
                copies: 1,
                one_each: false,
                ..header.clone()
            });
        }
    }

    /// Where the legs told so far put the traveller on `day`, when a later leg has taken
    /// them on since: the destination of the last journey made by then.
    fn where_on(&self, day: NaiveDate) -> Option<Place> {
        let mut made = self
            .legs
            .iter()
            .rev()
            .filter(|l| l.leg.status == Status::Completed && l.leg.destination.is_some());
        let latest = made.next()?;
        if latest.leg.date.is_none_or(|d| d <= day) {
            return None;
        }
        made.find(|l| l.leg.date.is_some_and(|d| d <= day))?
            .leg
            .destination
            .clone()
    }

    /// A heading line names the day the story has reached ("WEDNESDAY, 30 JUNE").
    pub fn set_heading_day(&mut self, day: NaiveDate) {
        let before = self.calendar.anchor;
        self.set_day(day);
        self.headed = self.next_day_headed(before, self.index);
    }

    /// `next`, the sentence right after a heading, when the heading moved the story from
    /// `before` on to the next day.
    fn next_day_headed(&self, before: Option<NaiveDate>, next: usize) -> Option<usize> {
        before
            .zip(self.calendar.anchor)
            .is_some_and(|(before, now)| (now - before).num_days() == 1)
            .then_some(next)
    }

    /// "II. The visit": a numbered part of the text begins, which may tell the visit again
    /// from its start, as after a lead that sums it up.
    pub fn new_part(&mut self) {
        if self.calendar.anchor.is_some() {
            self.summed_up = true;
        }
    }

    pub fn set_day(&mut self, day: NaiveDate) {
        self.calendar.anchor = Some(day);
        self.flashback = None;
    }

    fn source(&self, reading: &Reading<'_>) -> Source {
        let s: &Sentence = reading.sentence;
        Source {
            document: self.doc.name.clone(),
            sentence: self.doc.text[s.start..s.end].to_owned(),
            start: s.start,
            end: s.end,
        }
    }

    fn leg(&mut self, reading: &Reading<'_>, mut fact: LegFact, when: When) {
        // "10 June, Ashgabat: dinner ..., shortly after arrival": an item's arrival is at
        // the place heading it
        if fact.placeless
            && reading.item
            && fact.motion == legs::Motion::Arrive
            && let Some(head) = reading
                .opening_place()
                .filter(|p| p.kind == PlaceKind::City)
        {
            fact.destination = Some(head.clone());
            fact.placeless = false;
        }
        if fact.placeless {
            return;
        }
        // "He last visited China in November 2019": an earlier visit, told as background
        let background = BACKGROUND_VISIT.is_match(tail(&reading.text[..fact.at], 20));
        if !fact.planned && (when.another_visit || background) {
            return;
        }
        // "President X leaves Beijing in the morning" in a readout of days before its date:
        // the present of a narrative, not an announcement
        if fact.planned
            && when
                .date
                .is_some_and(|d| d < self.calendar.published.earliest())
            && narrative_present(reading, fact.at)
        {
            fact.planned = false;
        }
        let planned = fact.planned;
        let here = if planned {
            self.planned_location
                .clone()
                .or_else(|| self.location.clone())
        } else {
            self.location.clone()
        };
        let mut origin = fact.origin.as_ref().map(|m| {
            // "from Haneda Airport in Tokyo": the town the airport is said to be in
            (m.kind == PlaceKind::Site && is_airport(reading, m))
                .then(|| town_right_after(reading, m.end))
                .flatten()
                .unwrap_or_else(|| m.place.clone())
        });
        // "Departure from Blaise Diagne International Airport": an airport the gazetteer does
        // not place is left from the town it is named after, else from where the traveller is
        if let Some(m) = &fact.origin
            && unplaced_airport(reading, m)
            && let Some(town) = self
                .town_named_first(&m.place.name)
                .or_else(|| here.clone())
        {
            origin = Some(town);
        }
        for known in [&here, &self.came_from] {
            if let (Some(o), Some(h)) = (&origin, known) {
                // "departed Haiti" from Port-au-Prince: the city is the more precise origin
                if self.lies_in(h, o) {
                    origin = Some(h.clone());
                }
            }
        }
        let mut destination = fact
            .destination
            .as_ref()
            .filter(|p| p.kind != PlaceKind::Site)
            .map(|p| p.place.clone());
        if destination.is_none() && fact.destination_is_current {
            // "arriving there", "came to the island": where the traveller is, else the
            // dateline's place for "arrived here"
            destination = here.clone().or_else(|| self.dateline_place());
            if fact.to_the_capital
                && let Some(capital) = destination.as_ref().and_then(|h| self.capital_of(h))
            {
                // "He then returned to the capital" from a town in the provinces
                destination = Some(capital);
            }
        }
        // "Upon arrival at Vnukovo airport" when in Moscow: the airport serving the city
        if let (Some(m), Some(h), Some(d)) = (&fact.destination, &here, &destination)
            && is_airport(reading, m)
            && self.gazetteer.country(&h.name).is_none()
            && near(h, d)
        {
            destination = Some(h.clone());
        }
        // "departed Canberra for Honiara on Sunday. On arrival at Henderson airport ...": an
        // airport placed in another country serves the city just reached
        if !planned
            && fact.motion == legs::Motion::Arrive
            && let Some(m) = &fact.destination
            && self.foreign_airport_serves_here(reading, m)
        {
            destination.clone_from(&here);
        }
        // "Air Force One landed at Noi Bai International Airport on Sunday, after the
        // President departed New Delhi": an airport the gazetteer does not place, reached on
        // the day of the journey to where the traveller is, serves that place
        if destination.is_none()
            && !planned
            && fact.motion == legs::Motion::Arrive
            && let (Some(m), Some(h)) = (&fact.destination, &here)
            && unplaced_airport(reading, m)
            && self.legs.last().is_some_and(|l| {
                l.leg.status == Status::Completed
                    && l.leg.date.is_some()
                    && l.leg.date == when.date
                    && same_place(l.leg.destination.as_ref(), Some(h))
            })
        {
            destination = Some(h.clone());
        }
        // "touched down at Bangui M'Poko International Airport": an airport the gazetteer
        // does not place, named after a town of a country the text speaks of, serves it
        if destination.is_none()
            && let Some(m) = &fact.destination
            && unplaced_airport(reading, m)
        {
            destination = self.town_named_first(&m.place.name);
        }
        // "landed at Seoul Air Base in Seongnam": the town an airport is said to be in
        if destination.is_none()
            && let Some(m) = fact
                .destination
                .as_ref()
                .filter(|m| m.kind == PlaceKind::Site && is_airport(reading, m))
        {
            destination = town_right_after(reading, m.end);
        }
        // "drove to Windsor Castle": the venue's town
        if let Some(town) = destination.as_ref().and_then(|d| self.town_of_venue(d)) {
            destination = Some(town);
        }
        // "is in Kyiv today on her first visit to Ukraine": the city of the country visited
        // that the sentence places the traveller in (not "spent Friday in Boston, the final
        // stop of a visit to the United States")
        if fact.motion == legs::Motion::Visit
            && let Some(country) = destination
                .as_ref()
                .filter(|d| self.gazetteer.country(&d.name).is_some())
            && let Some(city) = reading
                .places
                .iter()
                .filter(|p| {
                    p.kind == PlaceKind::City
                        && p.end <= fact.at
                        && [" is in ", " was in ", " are in ", " were in "]
                            .iter()
                            .any(|w| reading.text[..p.start].ends_with(w))
                })
                .map(place_of)
                .find(|c| self.lies_in(c, country))
        {
            destination = Some(city);
        }
        if !planned && let Some(d) = &destination {
            // "HONIARA (AP) - ... arrived in the Solomon Islands": the dateline names the city
            let city = self.dateline_place().filter(|c| self.lies_in(c, d));
            if city.is_some() {
                destination = city;
            }
        }
        let mode = fact.mode;
        let via: Vec<Place> = fact.via.clone();
        let status = if planned {
            Status::Planned
        } else {
            Status::Completed
        };
        // "flew out of Lima on Tuesday. She had begun her tour on Friday in Bogota": a journey
        // told looking back started where the text says, not where the story has got to
        let looking_back = !planned
            && reading.pluperfect_at(fact.at)
            && when.date.is_some_and(|day| {
                self.legs.iter().any(|l| {
                    l.leg.status == Status::Completed && l.leg.date.is_some_and(|d| d > day)
                })
            });
        // "flew into Lima on Sunday. He had travelled overnight from Madrid": where the
        // journey just told began
        if destination.is_none()
            && !planned
            && origin.is_some()
            && reading.pluperfect_at(fact.at)
            && let Some(last) = self.legs.last_mut().filter(|l| {
                l.leg.status == Status::Completed
                    && l.leg.origin.is_none()
                    && l.leg.destination.is_some()
                    && l.sentence + 1 >= self.index
            })
        {
            last.leg.origin = origin;
            last.origin_told = true;
            if last.leg.via.is_empty() {
                last.leg.via = fact.via;
            }
            return;
        }
        let draft = LegDraft {
            origin: origin.clone().or_else(|| {
                here.clone()
                    .filter(|_| !looking_back && !fact.told_before_arrival)
            }),
            destination: destination.clone(),
            via,
            date: when.date,
            part_of_day: when.part,
            mode,
            status,
            inferred: false,
            source: Some(self.source(reading)),
        };
        self.add_leg(draft, fact.rule, origin.is_some());
        if !planned {
            // (on the way back the same day, still with them)
            let with = travelling_with(reading, fact.at);
            let same_day = self
                .moved_with
                .as_ref()
                .is_some_and(|(d, _)| *d == when.date);
            if !with.is_empty() || !same_day {
                self.moved_with = Some((when.date, with));
            }
        }
        // the stops after the first of a list are still to come unless the text says they
        // were done: "flew out to visit A and B"
        // ("he visited Saudi Arabia and Egypt": all of them done)
        let visited = reading.text[fact.at..].starts_with("visited");
        let later_stops_planned = planned
            || fact.rule == "visit" && !visited
            || reading.planned_at(fact.at)
            || infinitive_visit(reading, fact.at);
        let follow_status = if later_stops_planned {
            Status::Planned
        } else {
            status
        };
        // "will travel to A, B and C on Saturday": one day for every stop
        let list_date = when.date.filter(|_| when.one_day && planned);
        for stop in fact.then {
            let previous = self.legs.last().and_then(|l| l.leg.destination.clone());
            let draft = LegDraft {
                origin: previous,
                destination: Some(stop.place),
                via: Vec::new(),
                date: list_date,
                part_of_day: None,
                mode: None,
                status: follow_status,
                inferred: false,
                source: Some(self.source(reading)),
            };
            self.add_leg(draft, "list", true);
        }
    }

    /// "departed Canberra for Honiara. On arrival at Henderson airport ...": an airport the
    /// gazetteer places in another country than the city just reached (a town of the same
    /// name elsewhere) serves that city.
    fn foreign_airport_serves_here(&self, reading: &Reading<'_>, m: &PlaceMention) -> bool {
        let Some(here) = &self.location else {
            return false;
        };
        is_airport(reading, m)
            && here.country_code.is_some()
            && m.place.country_code.is_some()
            && m.place.country_code != here.country_code
            && self.gazetteer.country(&here.name).is_none()
            && self.legs.last().is_some_and(|l| {
                l.leg.status == Status::Completed
                    && same_place(l.leg.destination.as_ref(), Some(here))
                    && l.sentence + 3 >= self.index
            })
    }

    /// Adds a leg, or folds it into the last one when it is the same movement told again or
    /// told more precisely.
    fn add_leg(&mut self, mut draft: LegDraft, rule: &'static str, origin_stated: bool) {
        let planned = draft.status == Status::Planned;
        // "left Benghazi. ... Before coming to Libya, ...": a country the last departure was
        // made in is no destination of it
        let pending_origin = self
            .legs
            .last()
            .filter(|l| l.leg.destination.is_none())
            .and_then(|l| l.leg.origin.as_ref());
        if let (Some(o), Some(d)) = (pending_origin, &draft.destination)
            && self.lies_in(o, d)
        {
            return;
        }
        if let Some(last) = self.legs.last_mut().map(|l| &mut l.leg) {
            let same_status = last.status == draft.status;
            // a departure told alone, then its arrival (not one told looking back)
            let earlier = matches!((last.date, draft.date), (Some(a), Some(b)) if b < a);
            if same_status
                && !earlier
                && last.destination.is_none()
                && (!origin_stated || same_place(last.origin.as_ref(), draft.origin.as_ref()))
            {
                last.destination = draft.destination.take();
                fill(last, &draft);
                self.arrive(planned);
                // ("is on a visit to Russia ... left Dakar on Thursday ... landed in Sochi":
                // the journey the lead told, now whole)
                self.retell_lead();
                return;
            }
        }
        if planned && self.plan_again(&draft) {
            return;
        }
        let Some(destination) = draft.destination.clone() else {
            // a departure alone ("left Moscow."): kept until its arrival is told
            if origin_stated && !(planned && self.plan_starts_at(&draft)) {
                self.push_leg(draft, rule, origin_stated);
            }
            return;
        };
        let here = if planned {
            self.planned_location
                .clone()
                .or_else(|| self.location.clone())
        } else {
            self.location.clone()
        };
        if let Some(h) = &here {
            // "crossed to Westminster" from London: a move within one city
            if !same_place(Some(h), Some(&destination)) && one_city(self.gazetteer, h, &destination)
            {
                return;
            }
            // arriving where the traveller already is: the same movement told again
            if self.at_or_in(h, &destination) {
                let last = self.legs.iter().rposition(|l| {
                    l.leg.status == draft.status && same_place(l.leg.destination.as_ref(), Some(h))
                });
                if let Some(k) = last {
                    if !origin_stated {
                        // the origin of a repeat is only where the traveller already is
                        draft.origin = None;
                    }
                    // "arrived back in Lima on Friday, wrapping up a visit to Chile. ... left
                    // Santiago late on Thursday night": the town left and the day of leaving,
                    // told again more precisely
                    let precise = origin_stated
                        && !self.legs[k].origin_told
                        && matches!(
                            (&self.legs[k].leg.origin, &draft.origin),
                            (Some(o), Some(d)) if !same_place(Some(o), Some(d)) && self.lies_in(d, o)
                        );
                    let last = &mut self.legs[k];
                    if precise {
                        last.leg.origin.clone_from(&draft.origin);
                        last.origin_told = true;
                        if let (Some(a), Some(b)) = (last.leg.date, draft.date)
                            && b < a
                            && (a - b).num_days() <= 1
                        {
                            last.leg.date = Some(b);
                            last.leg.part_of_day = draft.part_of_day;
                        }
                    }
                    last.origin_told |= last.leg.origin.is_none() && origin_stated;
                    fill(&mut last.leg, &draft);
                }
                return;
            }
        }
        // a country or region reached, then a town in it: one movement, told more precisely
        let refined = self.legs.last().filter(|last| {
            // (what is done at a stop told in the same sentence makes the next place another
            // stop: "flew to Camp Bonifas and visited a post, before going on to Panmunjom")
            let told_before = last.sentence != self.index;
            let last = &last.leg;
            last.status == draft.status
                && (self.events_since_leg == 0
                    || told_before && self.events_since_leg == self.events_with_leg)
                && last
                    .destination
                    .as_ref()
                    .is_some_and(|d| self.narrows(&destination, d))
                && (!origin_stated || same_place(draft.origin.as_ref(), last.origin.as_ref()))
        });
        if let Some(since) = refined.map(|l| l.sentence) {
            if !origin_stated {
                // the country refined is where the traveller went, not came from
                draft.origin = None;
            }
            let mut coarse = None;
            if let Some(last) = self.legs.last_mut() {
                coarse = last.leg.destination.replace(destination.clone());
                fill(&mut last.leg, &draft);
            }
            // "headed to Bali for the summit. On arrival in Nusa Dua, ...": what the journey
            // was made for is where it ended
            for m in self.meetings.iter_mut().filter(|m| m.sentence >= since) {
                if same_place(m.meeting.place.as_ref(), coarse.as_ref()) {
                    m.meeting.place = Some(destination.clone());
                }
            }
            self.arrive(planned);
            return;
        }
        if draft
            .origin
            .as_ref()
            .is_some_and(|o| same_place(Some(o), Some(&destination)))
        {
            return;
        }
        if self.change_at_last_stop(&draft) {
            self.retell_lead();
            self.arrive(planned);
            return;
        }
        self.push_leg(draft, rule, origin_stated);
        self.retell_lead();
        self.arrive(planned);
    }

    /// "flew back to A, where he spent the night, before returning to B": a night at a stop
    /// in the same sentence where nothing is reported makes it a stopover of one leg, not a
    /// leg of its own ("flew to A, from where he took a train to B" is two legs: the change
    /// of vehicle is where one journey ends and the next begins). The last leg then runs on to the new
    /// destination through the stop.
    fn change_at_last_stop(&mut self, draft: &LegDraft) -> bool {
        let index = self.index;
        if self.events_since_leg > 0 {
            return false;
        }
        let Some(last) = self.legs.last_mut().filter(|l| l.sentence == index) else {
            return false;
        };
        let leg = &mut last.leg;
        let continues = self.overnight
            && leg.status == draft.status
            && leg.destination.is_some()
            && same_place(leg.destination.as_ref(), draft.origin.as_ref())
            && !same_place(leg.origin.as_ref(), draft.destination.as_ref())
            && leg
                .destination
                .as_ref()
                .is_none_or(|d| Gazetteer::global().country(&d.name).is_none());
        if !continues {
            return false;
        }
        if let Some(stop) = leg.destination.take() {
            leg.via.push(stop);
        }
        leg.destination.clone_from(&draft.destination);
        if leg.mode.is_none() {
            leg.mode = draft.mode;
        }
        true
    }

    /// A news lead tells the arrival ("made a surprise visit to Kyiv on Monday"), the story
    /// then how the traveller got there ("left Washington on Sunday ..., arriving in Kyiv"):
    /// the journey told after is the lead's leg, with its origin and departure date.
    fn retell_lead(&mut self) {
        let n = self.legs.len();
        if n < 2 {
            return;
        }
        if n >= 3 && self.retold_in_two_legs() {
            self.legs.remove(n - 3);
            return;
        }
        let (lead, told) = (&self.legs[n - 2].leg, &self.legs[n - 1].leg);
        if self.retells(lead, told) {
            self.absorb_retelling();
        }
    }

    /// "left Washington ..., flew to Rzeszow and then made a journey by train to Kyiv",
    /// told after a lead that had only the arrival in Kyiv: the two legs of one sentence
    /// are the lead's journey, and the lead goes.
    fn retold_in_two_legs(&self) -> bool {
        let n = self.legs.len();
        let (lead, first, told) = (&self.legs[n - 3], &self.legs[n - 2], &self.legs[n - 1]);
        first.sentence == told.sentence
            && lead.sentence < first.sentence
            && first.leg.status == Status::Completed
            && !same_place(first.leg.origin.as_ref(), lead.leg.destination.as_ref())
            && same_place(first.leg.destination.as_ref(), told.leg.origin.as_ref())
            && self.retells(&lead.leg, &told.leg)
    }

    /// `told` is the journey of the lead leg `lead`, told again with its origin.
    fn retells(&self, lead: &LegDraft, told: &LegDraft) -> bool {
        lead.status == Status::Completed
            && told.status == Status::Completed
            && lead.origin.is_none()
            && told.origin.is_some()
            && match (&lead.destination, &told.destination) {
                (Some(a), Some(b)) => self.at_or_in(b, a),
                _ => false,
            }
            && match (lead.date, told.date) {
                (Some(a), Some(b)) => b <= a,
                _ => true,
            }
    }

    fn absorb_retelling(&mut self) {
        let n = self.legs.len();
        let told = self.legs.remove(n - 1);
        self.legs[n - 2].origin_told |= told.origin_told;
        let told = told.leg;
        let lead = &mut self.legs[n - 2].leg;
        lead.origin.clone_from(&told.origin);
        lead.destination.clone_from(&told.destination);
        if told.date.is_some() {
            lead.date = told.date;
            lead.part_of_day = told.part_of_day;
        }
        fill(lead, &told);
    }

    /// "will pay a visit to India ... will leave Paris on the evening of 24 January": a planned
    /// departure is where and when the first plan, told without its start, starts. False when
    /// there is no such plan.
    fn plan_starts_at(&mut self, departure: &LegDraft) -> bool {
        let Some(origin) = departure.origin.as_ref() else {
            return false;
        };
        let gazetteer = self.gazetteer;
        let Some(plan) = self
            .legs
            .iter_mut()
            .map(|l| &mut l.leg)
            .find(|l| l.status == Status::Planned)
        else {
            return false;
        };
        let elsewhere = plan.destination.as_ref().is_some_and(|d| {
            !same_place(Some(origin), Some(d)) && !lies_in_place(gazetteer, origin, d)
        });
        if plan.origin.is_some() || !elsewhere {
            return false;
        }
        plan.origin = Some(origin.clone());
        if departure.date.is_some() && plan.date.is_none_or(|d| departure.date <= Some(d)) {
            plan.date = departure.date;
            plan.part_of_day = departure.part_of_day;
        }
        true
    }

    /// A planned leg to a place already planned: the same intention told again; it only
    /// adds what the first telling lacked.
    fn plan_again(&mut self, draft: &LegDraft) -> bool {
        let Some(k) = self.legs.iter().position(|l| {
            l.leg.status == Status::Planned
                && same_place(l.leg.destination.as_ref(), draft.destination.as_ref())
        }) else {
            return false;
        };
        // "12:00 Return flight to Niamey" after a plan that left Niamey: a journey back
        let back = draft
            .source
            .as_ref()
            .is_some_and(|s| contains_ascii_in_any_case(&s.sentence, "return"));
        let left_since = back
            && self.legs[k + 1..].iter().any(|l| {
                l.leg.status == Status::Planned
                    && same_place(l.leg.origin.as_ref(), draft.destination.as_ref())
            });
        // "expected to return to New Delhi for the summit in September": weeks apart, another
        // journey
        let another_time = matches!(
            (self.legs[k].leg.date, draft.date),
            (Some(a), Some(b)) if (b - a).num_days().abs() > 7
        );
        if left_since || another_time {
            return false;
        }
        match self.legs.get_mut(k).map(|l| &mut l.leg) {
            Some(leg) => {
                let origin = leg.origin.clone();
                fill(leg, draft);
                // where the plan already takes the traveller is no origin of it
                let elsewhere = draft
                    .origin
                    .clone()
                    .filter(|o| !same_place(Some(o), leg.destination.as_ref()));
                leg.origin = origin.or(elsewhere);
                true
            }
            None => false,
        }
    }

    fn push_leg(&mut self, draft: LegDraft, rule: &'static str, origin_told: bool) {
        self.legs.push(RuledLeg {
            leg: draft,
            rule,
            sentence: self.index,
            origin_told,
        });
    }

    /// Moves the traveller (or the planned itinerary) to the last leg's destination.
    fn arrive(&mut self, planned: bool) {
        let destination = self.legs.last().and_then(|l| l.leg.destination.clone());
        if destination.is_none() {
            return;
        }
        if planned {
            self.planned_location = destination;
        } else {
            // "In Lima on Monday, she ... She then travelled to Quito, where ...": a passage
            // looking back moves on with the traveller
            if let Some(f) = self.flashback.as_mut() {
                f.place.clone_from(&destination);
            }
            self.location = destination.clone();
            self.planned_location = destination;
            self.events_since_leg = 0;
            self.events_with_leg = 0;
        }
    }

    fn meeting(&mut self, reading: &Reading<'_>, fact: MeetingFact, when: When) {
        if when.another_visit && !fact.planned {
            return;
        }
        if fact.purpose && self.legs.last().is_some_and(|l| l.sentence == self.index) {
            // "left for Quito to take part in the Conference": why the journey was made; the
            // engagement counts where the text tells it, with its own day
            return;
        }
        let mut stated = fact.place.as_ref().map(|p| {
            self.town_of_venue(&p.place)
                .unwrap_or_else(|| p.place.clone())
        });
        // "welcomed him at Mehrabad airport" while in Tehran: the airport serving the city;
        // "toured the Abu Shouk camp": a site near where the traveller is
        let site = fact
            .place
            .as_ref()
            .is_some_and(|m| m.kind == PlaceKind::Site);
        let airport = fact.place.as_ref().is_some_and(|m| is_airport(reading, m));
        let mut near_here = false;
        if let (Some(m), Some(here)) = (&fact.place, &self.location)
            && (site || airport)
            && self.gazetteer.country(&here.name).is_none()
            && here.country_code.is_some()
            && here.country_code == m.place.country_code
        {
            stated = Some(here.clone());
            near_here = true;
        }
        if let Some(m) = &fact.place
            && self.foreign_airport_serves_here(reading, m)
        {
            stated.clone_from(&self.location);
            near_here = true;
        }
        let at_site = site || near_here;
        if fact.before_leaving
            && fact
                .place
                .as_ref()
                .is_none_or(|p| !matches!(p.kind, PlaceKind::City | PlaceKind::Site))
        {
            // "Before leaving, he spoke to journalists at Beira airport": the place said wins;
            // the place left when the departure was just told, else where the traveller is
            // (engagements told since the last journey are where it ended)
            let last = self.legs.last().map(|l| &l.leg);
            let stayed = self.events_since_leg > 0
                && last.is_some_and(|l| same_place(l.destination.as_ref(), self.location.as_ref()));
            stated = if stayed {
                self.location.clone()
            } else {
                last.and_then(|l| l.origin.clone())
            };
        }
        let status = if fact.planned {
            Status::Planned
        } else {
            Status::Completed
        };
        let placed_now = !fact.planned && !fact.before_leaving && !fact.on_the_way;
        // "at Carcavelos beach near the capital": an outing from where the traveller stays
        let outing = fact
            .place
            .as_ref()
            .is_some_and(|m| NEAR_HERE.is_match(&reading.text[m.end..]));
        if let (Some(place), Some(date), true) = (&stated, when.date, fact.on_the_way) {
            self.stops_before.push(Stop {
                date,
                place: place.clone(),
                source: self.source(reading),
                sentence: self.index,
                coming_from: true,
            });
        }
        if let (Some(place), true) = (&stated, placed_now && !at_site && !outing) {
            if !fact.named_place {
                self.presence(reading, place, fact.kind, &when);
            } else if self.location.is_none() {
                // "took part in the Cairo Conference" as the story opens: where it starts
                self.location = Some(place.clone());
            }
        }
        // "met personnel serving in Libya" while in Tripoli: the city is the place (for a
        // plan, the city the plan has reached)
        let current = if fact.planned {
            self.planned_location.as_ref().or(self.location.as_ref())
        } else {
            self.location.as_ref()
        };
        if let (Some(s), Some(here)) = (&stated, current)
            && self.lies_in(here, s)
        {
            stated = Some(here.clone());
        }
        let flashback = self.flashback.as_ref().filter(|_| !fact.planned);
        let here = stated.is_none() && flashback.is_none_or(|f| f.place.is_none());
        let place = stated.or_else(|| {
            if let Some(f) = flashback.filter(|f| f.place.is_some()) {
                f.place.clone()
            } else if fact.planned {
                self.planned_location
                    .clone()
                    .or_else(|| self.location.clone())
            } else {
                self.location.clone()
            }
        });
        let mut ids = fact.participants.clone();
        if fact.with_counterpart {
            ids = self.last_counterparts(when.date);
            // "Museveni was at the foot of the steps to receive him. The two leaders then held
            // talks": with nobody met yet that day, the one person the sentence before named
            let named_here = reading
                .actors
                .iter()
                .any(|a| matches!(a.who, Who::Person(_)));
            if ids.is_empty() && !named_here {
                ids.extend(self.named_before);
            }
        }
        let groups: Vec<&[PersonId]> = if fact.one_each {
            ids.chunks(1).collect()
        } else {
            vec![&ids[..]; fact.copies.max(1)]
        };
        let drafts: Vec<MeetingDraft> = groups
            .into_iter()
            .map(|group| MeetingDraft {
                date: when.date,
                part_of_day: when.part,
                place: place.clone(),
                kind: fact.kind,
                participants: group.iter().map(|&id| self.participant(id)).collect(),
                summary: None,
                status,
                source: Some(self.source(reading)),
            })
            .filter(|draft| {
                !(fact.definite && self.duplicate(draft)
                    || self.same_press_event(draft)
                    || self.told_in_lead(draft))
            })
            .collect();
        if drafts.is_empty() {
            return;
        }
        for draft in drafts {
            self.meetings.push(RuledMeeting {
                meeting: draft,
                rule: fact.rule,
                sentence: self.index,
                here,
            });
        }
        if !fact.planned && !fact.before_leaving {
            self.events_since_leg += 1;
            if self.legs.last().is_some_and(|l| l.sentence == self.index) {
                self.events_with_leg += 1;
            }
        }
    }

    /// An engagement in a city other than where the traveller was implies travel there —
    /// unless it is told as done before ("who had held talks in Delhi"), or dated before the
    /// traveller reached where they are: the story looking back. Such a place is remembered
    /// as where the traveller came from.
    fn presence(&mut self, reading: &Reading<'_>, place: &Place, kind: MeetingKind, when: &When) {
        if kind == MeetingKind::SiteVisit || place.lat.is_none() && place.country.is_none() {
            return;
        }
        let arrived = self
            .legs
            .iter()
            .rev()
            .find(|l| l.leg.status == Status::Completed && l.leg.destination.is_some())
            .and_then(|l| l.leg.date);
        let earlier = matches!((when.date, arrived), (Some(d), Some(a)) if d < a);
        if when.another_time {
            return;
        }
        if earlier || when.looking_back {
            self.came_from = Some(place.clone());
            if let (true, Some(date)) = (earlier, when.date) {
                self.stops_before.push(Stop {
                    date,
                    place: place.clone(),
                    source: self.source(reading),
                    sentence: self.index,
                    coming_from: false,
                });
            }
            return;
        }
        if let Some(here) = &self.location
            && self.at_or_in(here, place)
        {
            return;
        }
        let is_country = self.gazetteer.country(&place.name).is_some();
        if is_country && self.location.is_some() {
            return;
        }
        let draft = LegDraft {
            origin: self.location.clone(),
            destination: Some(place.clone()),
            via: Vec::new(),
            date: when.date,
            part_of_day: None,
            mode: None,
            status: Status::Completed,
            inferred: true,
            source: Some(self.source(reading)),
        };
        self.add_leg(draft, "presence", false);
    }

    /// The people of the last engagement with someone named on `date`, else of the last
    /// journey made with someone that day.
    fn last_counterparts(&self, date: Option<NaiveDate>) -> Vec<PersonId> {
        let Some(last) = self
            .meetings
            .iter()
            .rev()
            .find(|m| !m.meeting.participants.is_empty())
            .filter(|m| m.meeting.date == date)
        else {
            return match &self.moved_with {
                Some((day, ids)) if *day == date => ids.clone(),
                _ => Vec::new(),
            };
        };
        let names: Vec<&str> = last
            .meeting
            .participants
            .iter()
            .map(|p| p.name.as_str())
            .collect();
        (0..self.cast.people().len())
            .filter(|&id| names.contains(&self.cast.person(id).name.as_str()))
            .collect()
    }

    /// "He convened a roundtable with the leaders. Around the table were X, Y and Z.": those
    /// said to be present at the meeting the sentence before told are its participants.
    fn present_at_the_last_meeting(&mut self, reading: &Reading<'_>, companions: &[PersonId]) {
        static PRESENT: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^(?:Around\s+the\s+table|(?:Also\s+)?[Pp]resent|Attending|Taking\s+part|Among\s+(?:those|them|the\s+participants)(?:\s+(?:present|attending|taking\s+part))?)\s+(?:were|was)\s")
                .expect("present pattern compiles")
        });
        // "Foreign Minister X also took part.": a sentence of its own about who else was there
        static TOOK_PART: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^[^,;]{3,80}?\s(?:also\s+)?(?:took\s+part|participated|sat\s+in|(?:was|were)\s+(?:also\s+)?present)(?:\s+(?:in\s+the\s+(?:talks|meeting|discussions?)|too|as\s+well))?\.?$")
                .expect("took-part pattern compiles")
        });
        let took_part = TOOK_PART.is_match(reading.text)
            && reading
                .actors
                .first()
                .is_some_and(|a| a.start <= 1 && matches!(a.who, Who::Person(_)));
        if !took_part && !PRESENT.is_match(reading.text) {
            return;
        }
        let index = self.index;
        let Some(k) = self.meetings.iter().rposition(|m| m.sentence + 1 == index) else {
            return;
        };
        let mut ids: Vec<PersonId> = Vec::new();
        for actor in &reading.actors {
            if let Who::Person(id) = actor.who
                && !companions.contains(&id)
                && !ids.contains(&id)
            {
                ids.push(id);
            }
        }
        let joining: Vec<Participant> = ids.into_iter().map(|id| self.participant(id)).collect();
        let meeting = &mut self.meetings[k].meeting;
        for p in joining {
            if !meeting.participants.iter().any(|q| q.name == p.name) {
                meeting.participants.push(p);
            }
        }
    }

    /// A joint press event naming nobody takes the people of its sentence who are not in
    /// another engagement kept from it ("during a joint stakeout, after meeting with the
    /// Foreign Minister": the meeting was told before, so the stakeout is with him).
    fn joint_participants(&mut self, reading: &Reading<'_>, first_new: usize, joint: &[usize]) {
        let taken: Vec<String> = self.meetings[first_new..]
            .iter()
            .enumerate()
            .filter(|(k, _)| !joint.contains(&(first_new + k)))
            .flat_map(|(_, m)| m.meeting.participants.iter().map(|p| p.name.clone()))
            .collect();
        let mut free: Vec<Participant> = Vec::new();
        for actor in &reading.actors {
            if let crate::extract::reading::Who::Person(id) = actor.who {
                let p = self.cast.person(id);
                if !p.weak && !taken.contains(&p.name) && !free.iter().any(|f| f.name == p.name) {
                    free.push(self.participant(id));
                }
            }
        }
        for &k in joint {
            let Some(date) = self.meetings.get(k).map(|m| m.meeting.date) else {
                continue;
            };
            // "At a joint press conference afterwards, ...": naming nobody, the sentence goes
            // on from the last talks told that day, and the conference is with their people
            let with = if free.is_empty() {
                let ids = self.last_counterparts(date);
                ids.into_iter().map(|id| self.participant(id)).collect()
            } else {
                free.clone()
            };
            if let Some(m) = self.meetings.get_mut(k)
                && m.meeting.participants.is_empty()
            {
                m.meeting.participants = with;
            }
        }
    }

    fn participant(&self, id: PersonId) -> Participant {
        let p = self.cast.person(id);
        Participant {
            name: p.name.clone(),
            role: p.role.clone(),
            country: p.country.clone(),
        }
    }

    /// "At a press encounter, he said ... He told reporters ...": one press event told over
    /// consecutive sentences.
    fn same_press_event(&self, draft: &MeetingDraft) -> bool {
        let Some(last) = self.meetings.last() else {
            return false;
        };
        draft.kind == MeetingKind::Press
            && draft.participants.is_empty()
            && last.meeting.kind == MeetingKind::Press
            && last.meeting.date == draft.date
            && same_place(last.meeting.place.as_ref(), draft.place.as_ref())
            && self.index - last.sentence <= 2
    }

    /// "X met Y on Friday ..." in a news lead, then "On Friday, Y received X at the palace":
    /// the story retells the lead's engagement (same kind, day and people).
    fn told_in_lead(&self, draft: &MeetingDraft) -> bool {
        let Some(lead) = self.lead.filter(|&l| l != self.index) else {
            return false;
        };
        fn names(m: &MeetingDraft) -> Vec<&str> {
            let mut names: Vec<&str> = m.participants.iter().map(|p| p.name.as_str()).collect();
            names.sort_unstable();
            names
        }
        !draft.participants.is_empty()
            && self.meetings.iter().any(|m| {
                m.sentence == lead
                    && m.meeting.kind == draft.kind
                    && m.meeting.date == draft.date
                    && names(&m.meeting) == names(draft)
            })
    }

    /// An engagement already told: the same kind on the same day, with no one new.
    fn duplicate(&self, draft: &MeetingDraft) -> bool {
        self.meetings.iter().any(|m| {
            let m = &m.meeting;
            m.kind == draft.kind
                && m.date == draft.date
                && draft
                    .participants
                    .iter()
                    .all(|p| m.participants.iter().any(|q| q.name == p.name))
        })
    }

    /// The town of a country the text speaks of that the first word of `name` names
    /// ("Bangui M'Poko International Airport"), when there is one.
    fn town_named_first(&self, name: &str) -> Option<Place> {
        let first = name.split_whitespace().next()?;
        let context: Vec<&str> = self.context.iter().map(String::as_str).collect();
        // "Nouakchott-Oumtounsy International Airport": the town before the hyphen
        let before_hyphen = first.split_once('-').map(|(town, _)| town);
        [Some(first), before_hyphen]
            .into_iter()
            .flatten()
            .find_map(|word| self.gazetteer.city(word, &context))
            .filter(|town| {
                town.country_code
                    .as_ref()
                    .is_some_and(|code| self.context.contains(code))
            })
    }

    /// "Windsor Castle": the town a venue the gazetteer places is named after, when it lies
    /// near the venue (an air base, a destination of its own, keeps its name).
    fn town_of_venue(&self, venue: &Place) -> Option<Place> {
        const VENUE_WORDS: &[&str] = &[
            "castle", "palace", "camp", "fort", "lodge", "resort", "dam", "harbour", "harbor",
            "station",
        ];
        venue.lat?;
        let mut words = venue.name.split_whitespace();
        let first = words.next()?;
        let last = words.last()?;
        if !VENUE_WORDS.iter().any(|w| last.eq_ignore_ascii_case(w)) {
            return None;
        }
        let country = venue.country_code.as_deref()?;
        self.gazetteer
            .city(first, &[country])
            .filter(|town| town.country_code.as_deref() == Some(country) && near(town, venue))
    }

    /// True when `inner` lies in `outer` (a city in its country).
    pub fn lies_in(&self, inner: &Place, outer: &Place) -> bool {
        lies_in_place(self.gazetteer, inner, outer)
    }

    /// True when `inner` names more precisely where a journey to `outer` ended: a town of the
    /// country, a town of the same country as the region ("Bali", then "Denpasar"), or a
    /// town the gazetteer does not know ("Nusa Dua") after a country or region.
    fn narrows(&self, inner: &Place, outer: &Place) -> bool {
        if self.gazetteer.country(&inner.name).is_some() {
            return false;
        }
        // a town of the country, or one the gazetteer does not place
        if let Some(country) = self.gazetteer.country(&outer.name) {
            return inner
                .country_code
                .as_deref()
                .is_none_or(|code| code == country.code);
        }
        // the place is the region itself (its coordinates), not a town of the same name
        let region = outer.country_code.as_deref().is_some_and(|code| {
            self.gazetteer.area(&outer.name, &[code]).is_some_and(|a| {
                a.code == code && outer.lat == Some(a.lat) && outer.lon == Some(a.lon)
            })
        });
        region && (inner.country_code.is_none() || inner.country_code == outer.country_code)
    }

    /// True when `inner` is `outer` or lies in it.
    fn at_or_in(&self, inner: &Place, outer: &Place) -> bool {
        same_place(Some(inner), Some(outer)) || self.lies_in(inner, outer)
    }

    /// The capital of the country `place` lies in, when `place` is a town elsewhere in it. A
    /// town the gazetteer does not know lies in the country the journey last reached.
    fn capital_of(&self, place: &Place) -> Option<Place> {
        let code = place.country_code.as_deref().or_else(|| {
            self.legs
                .iter()
                .rev()
                .find_map(|l| l.leg.destination.as_ref()?.country_code.as_deref())
        })?;
        let capital = self.gazetteer.capital(code)?;
        (!same_place(Some(&capital), Some(place))).then_some(capital)
    }

    /// The place of the document's dateline, resolved.
    fn dateline_place(&self) -> Option<Place> {
        self.dateline
            .as_deref()
            .map(|d| self.gazetteer.resolve(&title_case(d), &self.context_refs()))
    }

    fn context_refs(&self) -> Vec<&str> {
        self.context.iter().map(String::as_str).collect()
    }

    /// The extraction's legs and meetings, tidied: departures never followed by an arrival
    /// are dropped, planned legs done later are dropped, places missing at the start are
    /// taken from where the traveller turns out to be.
    pub fn finish(mut self) -> (Vec<RuledLeg>, Vec<RuledMeeting>, Vec<String>) {
        // a journey needs somewhere to go, other than where it started
        self.legs.retain(|l| {
            l.leg.destination.is_some()
                && !same_place(l.leg.origin.as_ref(), l.leg.destination.as_ref())
        });
        let done: Vec<LegDraft> = self
            .legs
            .iter()
            .filter(|l| l.leg.status == Status::Completed)
            .map(|l| l.leg.clone())
            .collect();
        let gazetteer = self.gazetteer;
        self.legs.retain(|l| {
            l.leg.status == Status::Completed
                || !done.iter().any(|d| {
                    let (Some(a), Some(b)) = (&d.destination, &l.leg.destination) else {
                        return false;
                    };
                    same_place(Some(a), Some(b)) || lies_in_place(gazetteer, a, b)
                })
        });
        refine_listed_countries(&mut self.legs, gazetteer);
        drop_leads_told_again(&mut self.legs);
        // "was given a grand welcome on arriving here": where the first journey ended, when no
        // engagement names a place
        let arrival = self
            .legs
            .iter()
            .find(|l| l.leg.status == Status::Completed)
            .and_then(|l| Some((l.leg.destination.clone()?, l.leg.date)));
        backfill_places(&mut self.meetings, arrival);
        self.retell_in_order();
        narrow_countries_to_the_city_of_a_journey(&mut self.meetings, &self.legs, gazetteer);
        drop_undated_repeats(&mut self.meetings);
        (self.legs, self.meetings, self.notes)
    }
}

impl Story<'_> {
    /// News told out of order ("flew out of Delhi on Tuesday. ... He had arrived on Friday
    /// from Singapore, where on Thursday he met ..."): the places told looking back are
    /// journeys of their own, in the order of their dates, and an engagement placed where
    /// the traveller was when it was told is placed where the journeys put them that day.
    fn retell_in_order(&mut self) {
        let dated = RuledLeg::dated_journey;
        let dates: Vec<NaiveDate> = self
            .legs
            .iter()
            .filter(|l| dated(l))
            .filter_map(|l| l.leg.date)
            .collect();
        let in_order = dates.windows(2).all(|w| w[0] <= w[1]);
        // "emplaned for Vienna on Wednesday. On Monday, he dined with ...": an engagement
        // placed where the traveller only got to after its day
        let misplaced = self.meetings.iter().any(|m| {
            let Some(day) = m.meeting.date.filter(|_| m.here) else {
                return false;
            };
            let mut arrivals = self
                .legs
                .iter()
                .filter(|l| {
                    dated(l) && same_place(l.leg.destination.as_ref(), m.meeting.place.as_ref())
                })
                .filter_map(|l| l.leg.date)
                .peekable();
            m.meeting.status == Status::Completed
                && arrivals.peek().is_some()
                && arrivals.all(|date| date > day)
        });
        if in_order && !misplaced && self.stops_before.iter().all(|s| s.coming_from) {
            return;
        }
        let first = dates.iter().min().copied();
        let mut stops = std::mem::take(&mut self.stops_before);
        // a place the story went back to weeks before is an earlier visit, not this journey
        stops.retain(|s| first.is_none_or(|f| (f - s.date).num_days() <= 10));
        stops.sort_by_key(|s| s.date);
        for stop in stops {
            let before = self.place_on(stop.date, None);
            let there = |p: Option<&Place>| p.is_some_and(|p| self.at_or_in(p, &stop.place));
            let told = self.legs.iter().any(|l| {
                dated(l)
                    && there(l.leg.destination.as_ref())
                    && l.leg
                        .date
                        .is_some_and(|d| (d - stop.date).num_days().abs() <= 1)
            });
            if told || there(before.as_ref()) || stop.coming_from && before.is_none() {
                continue;
            }
            let sentence = stop.sentence;
            self.legs.push(RuledLeg {
                leg: LegDraft {
                    origin: before,
                    destination: Some(stop.place),
                    via: Vec::new(),
                    date: Some(stop.date),
                    part_of_day: None,
                    mode: None,
                    status: Status::Completed,
                    inferred: true,
                    source: Some(stop.source),
                },
                rule: "presence-before",
                sentence,
                origin_told: false,
            });
        }
        // a journey whose start was not told started where the one before it, by date, ended
        let mut order: Vec<usize> = (0..self.legs.len())
            .filter(|&i| dated(&self.legs[i]))
            .collect();
        order.sort_by_key(|&i| (self.legs[i].leg.date, self.legs[i].sentence));
        let mut previous: Option<Place> = None;
        for &i in &order {
            let leg = &self.legs[i].leg;
            // (before the first, a start the story only reached later is no start)
            let reached_later = order.iter().any(|&j| {
                let later = &self.legs[j].leg;
                later.date > leg.date && same_place(later.destination.as_ref(), leg.origin.as_ref())
            });
            let leg = &mut self.legs[i];
            let moved = !same_place(previous.as_ref(), leg.leg.destination.as_ref());
            // (a stop told looking back starts where the one before it ended, or is not known)
            let stop = leg.rule == "presence-before";
            if !leg.origin_told && moved && (previous.is_some() || reached_later || stop) {
                leg.leg.origin.clone_from(&previous);
            }
            previous.clone_from(&leg.leg.destination);
        }
        // the first plan starts where the last journey done, by date, ended
        let last_done = order.last().and_then(|&i| self.legs[i].leg.date);
        if let Some(plan) = self
            .legs
            .iter_mut()
            .find(|l| l.leg.status == Status::Planned)
            .filter(|l| !l.origin_told && previous.is_some())
            .filter(|l| {
                l.leg
                    .date
                    .is_none_or(|d| last_done.is_none_or(|done| d >= done))
            })
            .filter(|l| !same_place(previous.as_ref(), l.leg.destination.as_ref()))
        {
            plan.leg.origin = previous;
        }
        for i in 0..self.meetings.len() {
            let m = &self.meetings[i];
            let (true, Status::Completed, Some(day)) = (m.here, m.meeting.status, m.meeting.date)
            else {
                continue;
            };
            // a place a journey of that day started or ended at fits the day as told
            let fits = m.meeting.place.as_ref().is_some_and(|here| {
                self.legs.iter().any(|l| {
                    l.leg.status == Status::Completed
                        && l.leg.date == Some(day)
                        && [&l.leg.origin, &l.leg.destination]
                            .into_iter()
                            .any(|p| p.as_ref().is_some_and(|p| self.at_or_in(here, p)))
                })
            });
            let place = self.place_on(day, Some(m.sentence));
            if place.is_some() && !fits {
                self.meetings[i].meeting.place = place;
            }
        }
    }

    /// Where the dated journeys put the traveller on `day`: where the last one before it
    /// ended, or, on the day of a journey, where it ended when it was told before the
    /// engagement told in sentence `told` and where it started otherwise; before any
    /// journey, where the first one started.
    fn place_on(&self, day: NaiveDate, told: Option<usize>) -> Option<Place> {
        let journeys = || self.legs.iter().filter(|l| l.dated_journey());
        let mut place = None;
        let mut latest = None;
        for l in journeys() {
            let Some(date) = l.leg.date.filter(|&d| d <= day) else {
                continue;
            };
            let that_day = if date < day || told.is_some_and(|t| l.sentence < t) {
                l.leg.destination.clone()
            } else {
                l.leg.origin.clone()
            };
            if that_day.is_some() && latest.is_none_or(|d| date >= d) {
                place = that_day;
                latest = Some(date);
            }
        }
        place.or_else(|| {
            journeys()
                .filter(|l| l.leg.date.is_some_and(|d| d > day))
                .min_by_key(|l| l.leg.date)
                .and_then(|l| l.leg.origin.clone())
        })
    }
}

/// A fact of either family, in sentence order.
enum Event {
    Leg(LegFact),
    Meeting(MeetingFact),
}

impl Event {
    fn at(&self) -> usize {
        match self {
            Event::Leg(f) => f.at,
            Event::Meeting(f) => f.at,
        }
    }

    fn planned(&self) -> bool {
        match self {
            Event::Leg(f) => f.planned,
            Event::Meeting(f) => f.planned,
        }
    }
}

/// When an event happened: its date and part of day.
struct When {
    date: Option<NaiveDate>,
    part: Option<PartOfDay>,
    /// The date names one day (not the first of a range): it holds for a whole list of stops.
    one_day: bool,
    /// Told in the past perfect ("had met"): before the story's present.
    looking_back: bool,
    /// Placed at a time other than the visit's ("the summit in Rome in May", "last year").
    another_time: bool,
    /// Placed, with no day, in a month or year other than the story's ("met him in New York
    /// in September", told in December): an earlier or later visit, not this one.
    another_visit: bool,
}

/// "The visit began on", "The tour started on": the first day of the visit told.
static VISIT_BEGAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[\w-]+\s+){1,4}(?:began|started|opened)\s+(?:on\s|yesterday,)")
        .expect("visit-began pattern compiles")
});

/// "The visit ended on Saturday", "The tour concluded on 3 July": a sentence about the
/// visit as a whole that dates its end.
static VISIT_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[\w-]+\s+){1,4}(?:ended|concluded|closed|came\s+to\s+(?:a|an)\s+end)\s+on\s")
        .expect("visit-day pattern compiles")
});

/// "last visited", "previously travelled": a visit before this one.
static BACKGROUND_VISIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:last|previously|formerly)\s+$")
        .expect("background-visit pattern compiles")
});

/// The clause names a month or year other than that of `reference`, or "last year".
fn another_visit(clause: &str, reference: NaiveDate) -> bool {
    use chrono::Datelike;
    // "to honour those killed in the attack there in 2011": the time of something else
    static INCIDENT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:killed|attacks?|bombings?|explosion|blast|died|massacre|earthquake|floods?|since|anniversary|adopted|signed|founded|established|elected|born|began|started)(?-u:\b)")
            .expect("incident pattern compiles")
    });
    ANOTHER_TIME.captures_iter(clause).any(|caps| {
        let Some(whole) = caps.get(0) else {
            return false;
        };
        let before = crate::extract::reading::tail(&clause[..whole.start()], 50);
        // "the station where, 130 years ago, ...", "where, many years ago, ...": the time
        // of the place's history
        let head = before
            .trim_end_matches(|c: char| c.is_ascii_digit() || c == ',' || c == ' ')
            .to_lowercase();
        let without_count = head.rsplit_once(' ').map_or("", |(rest, _)| rest);
        let of_the_place = [head.as_str(), without_count.trim_end_matches([',', ' '])]
            .iter()
            .any(|h| h.ends_with(" where"));
        // "met X, following the one the three had held in Buenos Aires last year": the time
        // of an earlier event told in the pluperfect
        let earlier_event = before.contains(" had ");
        if INCIDENT.is_match(before) || of_the_place || earlier_event {
            return false;
        }
        let phrase = whole.as_str().to_lowercase();
        if let Some(month) = caps.name("month") {
            let number = crate::extract::dates::month_number(month.as_str());
            let year = caps
                .name("year")
                .and_then(|y| y.as_str().parse::<i32>().ok());
            return number.is_some_and(|n| n != reference.month())
                || year.is_some_and(|y| y != reference.year());
        }
        if let Some(year) = caps.name("alone") {
            return year
                .as_str()
                .parse::<i32>()
                .is_ok_and(|y| y != reference.year());
        }
        phrase.contains("last") || phrase.contains("ago")
    }) || years_apart(clause)
}

/// "a year after he attended the ceremony in Hiroshima": a time years away from the story's
/// (the pattern asked only of a clause with "year" or "decade": its first words are common).
fn years_apart(clause: &str) -> bool {
    static YEARS_APART: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)(?:a|one|two|three|four|five|ten|several|some|many)\s+(?:years?|decades?)\s+(?:after|before|earlier)(?-u:\b)")
            .expect("years-apart pattern compiles")
    });
    (contains_ascii_in_any_case(clause, "year") || contains_ascii_in_any_case(clause, "decade"))
        && YEARS_APART.is_match(clause)
}

/// "concluded an official visit to the Maldives today", "returned to Headquarters this
/// morning from Afghanistan": a lead that sums up the visit.
static CONCLUDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?:concluded|concludes|concluding|ended|ends|wrapped\s+up|wraps\s+up|wrapping\s+up|completed|completes|completing)\s+(?:a|an|his|her|the|their)|(?:returned|returns)\s+[^.;]{0,60}?\s+at\s+the\s+end\s+of(?:\s+(?:a|an|his|her|the|their))?|(?:is|are|was|were)\s+back\s+[^.;]{0,60}?\s+after\s+(?:a|an|his|her|the|their)|,\s+at\s+the\s+end\s+of\s+(?:a|an|his|her|the|their))\s+(?:[\w-]+\s+){0,3}(?:visit|trip|tour|consultations)(?-u:\b)|(?-u:\b)(?:has\s+|have\s+)?returned\s+(?:home\s+|to\s+[^.;,]{1,40}?\s+)?(?:(?:today|yesterday|this\s+morning|this\s+afternoon|last\s+night|overnight)\s+)?from\s+(?-i:[A-Z])")
        .expect("concluded pattern compiles")
});

/// A time that is not a day of the visit: a month or year alone, "last year", "in 2019".
static ANOTHER_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:[Ii]n\s+(?:(?:early|late|mid-?)\s*)?(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(?P<year>(?:19|20)\d\d))?(?:[^\w\s]|\s+[a-z]|$)|in\s+(?P<alone>(?:19|20)\d\d)|(?:last|next)\s+(?:year|month)|years\s+ago)")
        .expect("another-time pattern compiles")
});

/// "at a date to be set", "at a later date": a plan whose day is not known.
static UNDATED_PLAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:at|on)\s+a\s+(?:later|future|date\s+(?:still\s+|yet\s+)?to\s+be\s+(?:set|fixed|agreed|determined|announced|decided))(?:\s+date)?(?-u:\b)")
        .expect("undated plan pattern compiles")
});

/// What a date names when it stands before one of these ("the 14 February bombing").
static INCIDENT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+(?:[a-z]+\s+)?(?:bombing|attacks?|earthquake|tsunami|floods?|explosion|blast|massacre|shooting|coup|elections?|referendum|plebiscite|ceasefire|agreement|accord|crash|fire)(?-u:\b)")
        .expect("incident pattern compiles")
});

/// "a trip during which he attended the Summit in Madrid", then "In Madrid he took part in
/// the Summit ... on Wednesday 29 June": an engagement summed up undated and told again with
/// its day is kept once, with the day.
fn drop_undated_repeats(meetings: &mut Vec<RuledMeeting>) {
    remove_marked(meetings, |meetings, m| {
        let m = &m.meeting;
        m.date.is_none()
            && m.status == Status::Completed
            && meetings.iter().any(|o| {
                let o = &o.meeting;
                o.date.is_some()
                    && o.status == Status::Completed
                    && o.kind == m.kind
                    && same_place(o.place.as_ref(), m.place.as_ref())
                    && m.participants
                        .iter()
                        .all(|p| o.participants.iter().any(|q| q.name == p.name))
            })
    });
}

/// Removes the items `goes` marks, each judged against all of them as they were before any
/// went.
fn remove_marked<T>(items: &mut Vec<T>, goes: impl Fn(&[T], &T) -> bool) {
    let marked: Vec<bool> = items.iter().map(|item| goes(items, item)).collect();
    let mut marked = marked.into_iter();
    items.retain(|_| !marked.next().unwrap_or(false));
}

/// "The visit concluded a week-long trip during which the Prime Minister attended the
/// Summit in Madrid and held talks in Paris": what the trip held, summed up undated, told
/// in its place elsewhere.
fn recap_of_the_trip(before: &str) -> bool {
    static RECAP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:trip|tour|visit|journey|swing)(?-u:\b)[^.;]{0,60}?,?\s+during\s+which\s[^.;]*$")
            .expect("recap pattern compiles")
    });
    contains_ascii_in_any_case(before, "during which") && RECAP.is_match(before)
}

/// `date` moved by `days`, kept as is at the ends of the calendar.
fn shift_days(date: NaiveDate, days: i64) -> NaiveDate {
    date.checked_add_signed(chrono::TimeDelta::days(days))
        .unwrap_or(date)
}

/// The leg triggers then the meeting rules' event words, all at once: one pass over a
/// sentence tells which of them it has.
static RULE_WORDS: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSetBuilder::new(legs::trigger_patterns().chain(meetings::event_patterns()))
        .dfa_size_limit(crate::extract::lexicon::SET_CACHE)
        .build()
        .expect("trigger and event patterns compile")
});

/// Right after a place: "(beach) near the capital", "outside the city": close to where the
/// traveller stays.
static NEAR_HERE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s+[a-z]+)?,?\s+(?:near|outside|on\s+the\s+outskirts\s+of)\s+the\s+(?:capital|city)(?-u:\b)")
        .expect("near-here pattern compiles")
});

/// A sentence opening on what came next: "He then went", "Afterwards, she", "Later that
/// evening", "Following the session, he".
static CONTINUES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:He|She|They|The\s+two)\s+(?:then|later|afterwards|next)(?-u:\b)|(?:Then|Afterwards|Later|Next)(?-u:\b)|(?:Flown|Driven|Taken|Continuing|Moving|Travelling|Traveling)\s+on(?-u:\b)|From\s+there(?-u:\b)|(?:[\w'-]+\s+){0,3}that\s+(?:morning|afternoon|evening|night)(?-u:\b)|(?:That|The\s+same)\s+(?:morning|afternoon|evening|night|day)(?-u:\b)|(?:Later\s+)?[Ii]n\s+the\s+(?:afternoon|evening)(?-u:\b)|(?:[A-Z][\w'-]*\s+){1,4}(?:then|later)\s+(?:flew|travell?ed|went|drove|moved|headed|continued|proceeded)(?-u:\b)|(?:Following|After)\s+(?:the|that|this|these)\s+(?:[\w'-]+\s+){0,2}[\w'-]+,)")
        .expect("continues pattern compiles")
});

/// "where she spent the night", "stayed overnight": a stop for the night.
static OVERNIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:spent\s+the\s+night|stayed\s+overnight|overnight\s+st(?:ay|op))(?-u:\b)",
    )
    .expect("overnight pattern compiles")
});

/// "Earlier on Wednesday, ...", "Earlier in the day, ...": a sentence told looking back.
static EARLIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Earlier|Before\s+(?:that|arriving|his\s+arrival|her\s+arrival))(?-u:\b)")
        .expect("earlier pattern compiles")
});

/// Facts of one sentence that tell one movement ("set off from A for B, reaching the city
/// on Wednesday"; "left A. ... continued into X, reaching B") become one.
fn merge_facts(facts: Vec<LegFact>) -> Vec<LegFact> {
    let mut out: Vec<LegFact> = Vec::new();
    // "flew to A, from where she took a train, arriving in B": the vehicle of the next stretch
    let mut next_mode = None;
    for mut fact in facts {
        if fact.mode.is_none() {
            fact.mode = next_mode.take();
        }
        if let Some(last) = out.last_mut() {
            let vehicle_only = fact.origin.is_none()
                && fact.destination.is_none()
                && !fact.destination_is_current
                && last.destination.is_some()
                && fact.mode.is_some()
                && fact.mode != last.mode
                && last.planned == fact.planned;
            if vehicle_only {
                next_mode = fact.mode;
                continue;
            }
            let same_status = last.planned == fact.planned;
            let continues =
                last.destination.is_none() || fact.origin.is_none() && fact.destination.is_none();
            let refines = fact.origin.is_none()
                && !fact.back
                && match (&last.destination, &fact.destination) {
                    // "to Ukraine, reaching Kyiv"; "to the Gulf, with visits to Oman": the
                    // later place is the more precise
                    (Some(a), Some(b)) => {
                        a.kind == PlaceKind::Country && b.kind != PlaceKind::Country
                            // (but "flew to Osan Air Base, before departing for
                            // Washington" is a second journey)
                            || matches!(a.kind, PlaceKind::Region | PlaceKind::Unknown)
                                && matches!(b.kind, PlaceKind::Country | PlaceKind::City)
                                && fact.motion != legs::Motion::Depart
                            || a.place.name == b.place.name
                    }
                    _ => fact.destination_is_current,
                };
            // "reached Lviv after travelling from New York": the origin, told after
            let origin_after =
                fact.destination.is_none() && last.origin.is_none() && fact.origin.is_some();
            // "Upon arrival, he was greeted by X and proceeded to B": an arrival naming no
            // place ends where the traveller is; the movement after it is another
            let arrival_here = last.placeless && last.motion == legs::Motion::Arrive;
            if same_status && (continues || refines || origin_after) && !arrival_here {
                absorb(last, fact);
                continue;
            }
        }
        out.push(fact);
    }
    out
}

fn absorb(last: &mut LegFact, fact: LegFact) {
    if last.later_at.is_none() {
        last.later_at = Some(fact.at);
    }
    if last.origin.is_none() {
        last.origin = fact.origin;
    }
    if fact.destination.is_some() {
        last.destination = fact.destination;
        last.then = fact.then;
    }
    last.via.extend(fact.via);
    if last.mode.is_none() {
        last.mode = fact.mode;
    }
    last.destination_is_current |= fact.destination_is_current;
    last.placeless =
        last.origin.is_none() && last.destination.is_none() && !last.destination_is_current;
}

/// Fills what `last` lacks from `more`: origin, date, part of day, mode, stopovers.
pub fn fill(last: &mut LegDraft, more: &LegDraft) {
    if last.origin.is_none() {
        last.origin.clone_from(&more.origin);
    }
    if last.date.is_none() {
        last.date = more.date;
        last.part_of_day = more.part_of_day;
    }
    if last.mode.is_none() {
        last.mode = more.mode;
    }
    for v in &more.via {
        if !last.via.iter().any(|w| w.name == v.name) {
            last.via.push(v.clone());
        }
    }
}

/// Two places are the same: equal names after folding, or two cities at equal coordinates
/// (a country's coordinates are its capital's, yet the country is not its capital).
pub fn same_place(a: Option<&Place>, b: Option<&Place>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return false;
    };
    if crate::fold::same_folded(&a.name, &b.name) {
        return true;
    }
    let gazetteer = Gazetteer::global();
    let country = |p: &Place| gazetteer.country(&p.name).is_some();
    a.lat.is_some() && a.lat == b.lat && a.lon == b.lon && !country(a) && !country(b)
}

/// `inner` lies in `outer` when `outer` is a country and `inner` is in it.
pub fn lies_in_place(gazetteer: &Gazetteer, inner: &Place, outer: &Place) -> bool {
    let Some(country) = gazetteer.country(&outer.name) else {
        return false;
    };
    gazetteer.country(&inner.name).is_none()
        && inner.country_code.as_deref() == Some(country.code.as_str())
}

/// "will travel to A, B and C" (countries), then the programme city by city: when every
/// country of the list is reached by a later journey to one of its cities, those journeys
/// tell the tour and the list's are dropped; the first of them starts where the list did.
fn refine_listed_countries(legs: &mut Vec<RuledLeg>, gazetteer: &Gazetteer) {
    fn country_of<'l>(l: &'l RuledLeg, gazetteer: &Gazetteer) -> Option<&'l Place> {
        l.leg
            .destination
            .as_ref()
            .filter(|d| gazetteer.country(&d.name).is_some())
    }
    // a list's country is refined when a later journey of another sentence reaches one of
    // its towns
    let refined: Vec<bool> = (0..legs.len())
        .map(|i| {
            country_of(&legs[i], gazetteer).is_none_or(|c| {
                legs[i + 1..].iter().any(|o| {
                    o.sentence != legs[i].sentence
                        && o.leg.status == legs[i].leg.status
                        && o.leg
                            .destination
                            .as_ref()
                            .is_some_and(|d| lies_in_place(gazetteer, d, c))
                })
            })
        })
        .collect();
    let drop: Vec<bool> = (0..legs.len())
        .map(|i| {
            let list: Vec<usize> = (0..legs.len())
                .filter(|&j| legs[j].sentence == legs[i].sentence)
                .collect();
            country_of(&legs[i], gazetteer).is_some()
                && list.len() >= 2
                && list.iter().all(|&j| refined[j])
        })
        .collect();
    if !drop.contains(&true) {
        return;
    }
    // (where the dropped journeys went, where they started, and the day they left from a
    // place named: "will take off this evening from Tel Aviv on a visit to A, B and C")
    type Carried = (Option<Place>, Option<Place>, Option<NaiveDate>);
    let mut carried: Option<Carried> = None;
    let mut kept = Vec::with_capacity(legs.len());
    for (leg, dropped) in legs.drain(..).zip(drop) {
        let mut leg = leg;
        let continued = carried
            .as_ref()
            .filter(|(to, ..)| same_place(to.as_ref(), leg.leg.origin.as_ref()))
            .map(|(_, from, left)| (from.clone(), *left));
        if dropped {
            let (from, left) = continued.unwrap_or_else(|| {
                let left = leg.leg.date.filter(|_| leg.leg.origin.is_some());
                (leg.leg.origin.clone(), left)
            });
            carried = Some((leg.leg.destination.clone(), from, left));
            continue;
        }
        if let Some((from, left)) = continued {
            leg.leg.origin = from;
            // the flight that left that evening arrives the next morning
            if let (Some(left), Some(arrived)) = (left, leg.leg.date)
                && (arrived - left).num_days() == 1
            {
                leg.leg.date = Some(left);
            }
        }
        carried = None;
        kept.push(leg);
    }
    *legs = kept;
}

/// Engagements told before any place is known take the first place an engagement names,
/// or where the first journey ended; but one after the day of that arrival is at its
/// end ("closed out a visit, meeting leaders ... He had arrived on Sunday from New Delhi,
/// where he had attended the summit": the leaders were met where he arrived).
fn backfill_places(meetings: &mut [RuledMeeting], arrival: Option<(Place, Option<NaiveDate>)>) {
    let named = meetings.iter().find_map(|m| m.meeting.place.clone());
    let (reached, since) = arrival.map_or((None, None), |(place, date)| (Some(place), date));
    for m in meetings.iter_mut() {
        if m.meeting.place.is_some() {
            break;
        }
        let after_arrival =
            matches!((m.meeting.date, since), (Some(day), Some(since)) if day > since);
        m.meeting.place = if after_arrival {
            reached.clone()
        } else {
            named.clone().or_else(|| reached.clone())
        };
    }
}

/// "returned to Ankara late on Wednesday, after a tour ...", then, told in its place, "left
/// Abu Dhabi in the evening and flew back to Ankara": the lead's arrival is the journey told
/// later with its origin, and only that one stays. (The journey told may have left the day
/// before: "returned to New Delhi early this morning", then "left Hangzhou on Monday
/// evening for New Delhi".)
fn drop_leads_told_again(legs: &mut Vec<RuledLeg>) {
    remove_marked(legs, |legs, lead| {
        let Some(day) = lead.leg.date else {
            return false;
        };
        !lead.origin_told
            && lead.leg.status == Status::Completed
            && legs.iter().any(|l| {
                l.sentence > lead.sentence + 1
                    && l.origin_told
                    && l.leg.status == Status::Completed
                    && l.leg
                        .date
                        .is_some_and(|d| d == day || d.succ_opt() == Some(day))
                    && same_place(l.leg.destination.as_ref(), lead.leg.destination.as_ref())
            })
    });
}

/// "The visit followed two days in Senegal, where he met President X", in a story whose
/// journeys start from Dakar: an engagement placed in a country is in the one city of that
/// country the journeys name (none when they name several).
fn narrow_countries_to_the_city_of_a_journey(
    meetings: &mut [RuledMeeting],
    legs: &[RuledLeg],
    gazetteer: &Gazetteer,
) {
    for m in meetings.iter_mut() {
        let Some(country) = m
            .meeting
            .place
            .as_ref()
            .and_then(|p| gazetteer.country(&p.name))
        else {
            continue;
        };
        let mut cities = legs
            .iter()
            .flat_map(|l| [l.leg.origin.as_ref(), l.leg.destination.as_ref()])
            .flatten()
            .filter(|p| {
                p.country_code.as_deref() == Some(country.code.as_str())
                    && gazetteer.country(&p.name).is_none()
            });
        let Some(city) = cities.next() else {
            continue;
        };
        if cities.all(|c| same_place(Some(c), Some(city))) {
            m.meeting.place = Some(city.clone());
        }
    }
}

/// "drove with President X along the atoll": the people named right after "with" in the
/// clause of the journey at byte `at`.
fn travelling_with(reading: &Reading<'_>, at: usize) -> Vec<PersonId> {
    let (_, end) = reading.clause(at);
    reading
        .actors_in(at, end)
        .filter(|a| reading.text[..a.start].trim_end().ends_with(" with"))
        .filter_map(|a| match a.who {
            Who::Person(id) => Some(id),
            _ => None,
        })
        .collect()
}

/// "his first trip abroad since he took his oath of office on June 30": the day a "since"
/// clause tells is the start of a span, not a day of the story.
fn since_then(before: &str) -> bool {
    let clause = tail(before, 60);
    clause.rfind("since ").is_some_and(|at| {
        let rest = &clause[at..];
        !rest.contains([',', ';']) && !rest.contains(" and ")
    })
}

/// "He said that today ...": a date inside reported speech.
fn reported_speech(before: &str) -> bool {
    static SAID: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:said|says|warned|stressed|noted|added|told|believes|hoped)(?-u:\b)[^.]*$")
            .expect("speech pattern compiles")
    });
    SAID.is_match(before)
}

/// "flew out to visit A and B": the stops after the first are still to come.
fn infinitive_visit(reading: &Reading<'_>, at: usize) -> bool {
    // in any ASCII case, without a lower-cased copy: no other letter lower-cases to one of
    // these
    reading.text.as_bytes()[at..]
        .windows("to visit ".len())
        .any(|w| w.eq_ignore_ascii_case(b"to visit "))
}

/// "JERUSALEM" as "Jerusalem", for the gazetteer.
fn title_case(raw: &str) -> String {
    raw.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            cs.next().map_or_else(String::new, |c| {
                c.to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The mention names an airport ("Vnukovo airport", "Jomo Kenyatta International Airport").
/// The movement at `at` is told in the present ("leaves", "flies on to") with no word of
/// plans before it in its clause ("will", "is due to", "is expected to").
fn narrative_present(reading: &Reading<'_>, at: usize) -> bool {
    static PLAN_WORD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:will|would|shall|(?:is|are|was|were|going)\s+to|due|expected|scheduled|set|plans?|intends?)(?-u:\b)")
            .expect("plan-word pattern compiles")
    });
    let (clause_start, _) = reading.clause(at);
    legs::PRESENT
        .find(&reading.text[at..])
        .is_some_and(|m| m.start() == 0)
        && !PLAN_WORD.is_match(&reading.text[clause_start..at])
}

fn is_airport(reading: &Reading<'_>, mention: &PlaceMention) -> bool {
    let written = &reading.text[mention.start..mention.end];
    // (the last bytes may start inside a letter: "Rzeszów H.E.")
    ["airport", "air base", "airbase", "airfield"]
        .iter()
        .any(|word| {
            written
                .len()
                .checked_sub(word.len())
                .and_then(|start| written.get(start..))
                .is_some_and(|tail| tail.eq_ignore_ascii_case(word))
        })
}

/// The town named with "in" right after byte `at` ("... Air Base in Seongnam").
fn town_right_after(reading: &Reading<'_>, at: usize) -> Option<Place> {
    legs::town_after(reading, at, at + " in ".len() + 1)
        .as_ref()
        .map(place_of)
}

/// An airport the gazetteer does not place ("Noi Bai International Airport"), or a place it
/// does not know named after its town ("Madrid-Torrejón").
fn unplaced_airport(reading: &Reading<'_>, mention: &PlaceMention) -> bool {
    mention.place.lat.is_none()
        && (is_airport(reading, mention) || mention.place.name.contains('-'))
}

/// Two places less than 60 km apart (an airport and the city it serves).
fn near(a: &Place, b: &Place) -> bool {
    kilometres_apart(a, b).is_some_and(|km| km < 60.0)
}

/// A capital and a town of its country less than 8 km away: a district of the capital
/// ("Westminster" and London), between which a move is no journey. (The distance is asked
/// first: the capital is looked up only for towns that close.)
fn one_city(gazetteer: &Gazetteer, a: &Place, b: &Place) -> bool {
    let close = a.country_code.is_some()
        && a.country_code == b.country_code
        && kilometres_apart(a, b).is_some_and(|km| km < 8.0);
    if !close {
        return false;
    }
    let capital = a
        .country_code
        .as_deref()
        .and_then(|code| gazetteer.capital(code));
    let is_capital = |p: &Place| same_place(capital.as_ref(), Some(p));
    (is_capital(a) || is_capital(b))
        && gazetteer.country(&a.name).is_none()
        && gazetteer.country(&b.name).is_none()
}

/// The distance between two places with coordinates, in kilometres (flat-earth, for short
/// distances).
fn kilometres_apart(a: &Place, b: &Place) -> Option<f64> {
    let (Some(lat_a), Some(lon_a), Some(lat_b), Some(lon_b)) = (a.lat, a.lon, b.lat, b.lon) else {
        return None;
    };
    let x = (lon_b - lon_a) * ((lat_a + lat_b) / 2.0).to_radians().cos();
    let y = lat_b - lat_a;
    Some(111.2 * (x * x + y * y).sqrt())
}

/// A place mention of a leg fact, as a place.
pub fn place_of(mention: &PlaceMention) -> Place {
    mention.place.clone()
}

/// One line per sentence for tracing: what was read and what it yielded.
fn describe(
    reading: &Reading<'_>,
    legs: &[LegFact],
    meetings: &[MeetingFact],
    cast: &Cast,
    anchor: Option<NaiveDate>,
) -> String {
    use std::fmt::Write as _;
    let mut out = format!("> {}\n  anchor {anchor:?}", reading.text);
    for a in &reading.actors {
        let who = match a.who {
            crate::extract::reading::Who::Person(id) => cast.person(id).name.clone(),
            other => format!("{other:?}"),
        };
        let _ = write!(out, "\n  actor {:?} = {who}", &reading.text[a.start..a.end]);
    }
    for p in &reading.places {
        let _ = write!(
            out,
            "\n  place {:?} {:?} {:?}",
            &reading.text[p.start..p.end],
            p.kind,
            p.place.country_code
        );
    }
    for d in &reading.dates {
        let _ = write!(
            out,
            "\n  date {:?} {:?} {:?}",
            &reading.text[d.mention.start..d.mention.end],
            d.date,
            d.mention.part
        );
    }
    for l in legs {
        let name = |p: &Option<PlaceMention>| p.as_ref().map(|p| p.place.name.clone());
        let _ = write!(
            out,
            "\n  LEG {} {:?} -> {:?} planned={} current={} then={}",
            l.rule,
            name(&l.origin),
            name(&l.destination),
            l.planned,
            l.destination_is_current,
            l.then.len()
        );
    }
    for m in meetings {
        let names: Vec<&str> = m
            .participants
            .iter()
            .map(|&id| cast.person(id).name.as_str())
            .collect();
        let _ = write!(
            out,
            "\n  MEETING {} {:?} {names:?} planned={} place={:?}",
            m.rule,
            m.kind,
            m.planned,
            m.place.as_ref().map(|p| &p.place.name)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::domain::{Document, MeetingKind, Status};
    use crate::extract::extract;
    use crate::gazetteer::Gazetteer;

    /// The legs of a document as (from, to, date, via, status).
    fn legs(text: &str) -> Vec<(String, String, String, Vec<String>, Status)> {
        let doc = Document::parse("t.txt", text.to_owned()).expect("doc");
        let name = |p: Option<crate::domain::Place>| p.map_or("?".to_owned(), |p| p.name);
        extract(&doc, Gazetteer::global())
            .legs
            .into_iter()
            .map(|l| {
                (
                    name(l.origin),
                    name(l.destination),
                    l.date.map_or("?".to_owned(), |d| d.to_string()),
                    l.via.into_iter().map(|p| p.name).collect(),
                    l.status,
                )
            })
            .collect()
    }

    fn leg(
        from: &str,
        to: &str,
        date: &str,
        via: &[&str],
    ) -> (String, String, String, Vec<String>, Status) {
        (
            from.into(),
            to.into(),
            date.into(),
            via.iter().map(|v| (*v).to_owned()).collect(),
            Status::Completed,
        )
    }

    fn planned_leg(
        from: &str,
        to: &str,
        date: &str,
    ) -> (String, String, String, Vec<String>, Status) {
        let mut planned = leg(from, to, date, &[]);
        planned.4 = Status::Planned;
        planned
    }

    /// The meetings extracted from a document's text.
    fn meetings(text: &str) -> Vec<crate::domain::MeetingDraft> {
        let doc = Document::parse("t.txt", text.to_owned()).expect("doc");
        extract(&doc, Gazetteer::global()).meetings
    }

    /// Everyone the traveller meets in a document, meeting after meeting.
    fn participants(text: &str) -> Vec<String> {
        meetings(text)
            .into_iter()
            .flat_map(|m| m.participants.into_iter().map(|p| p.name))
            .collect()
    }

    /// Where the meetings of a document take place.
    fn meeting_places(text: &str) -> Vec<String> {
        meetings(text)
            .into_iter()
            .filter_map(|m| m.place.map(|p| p.name))
            .collect()
    }

    /// The meetings of a document with `who` first among their participants.
    fn meetings_with(text: &str, who: &str) -> Vec<(String, String, Status)> {
        meeting_days(text)
            .into_iter()
            .filter(|(_, first, _)| first == who)
            .collect()
    }

    /// Asserts that a document has a leg (from, to, date), among others.
    fn assert_has_leg(text: &str, leg: (&str, &str, &str)) {
        let found = legs(text);
        assert!(
            found
                .iter()
                .any(|l| (l.0.as_str(), l.1.as_str(), l.2.as_str()) == leg),
            "{found:?}"
        );
    }

    /// Asserts that a document has a meeting (date, first participant, status), among others.
    fn assert_has_meeting(text: &str, meeting: (String, String, Status)) {
        let found = meeting_days(text);
        assert!(found.contains(&meeting), "{found:?}");
    }

    /// A completed meeting as [`meeting_days`] gives it.
    fn done(day: &str, who: &str) -> (String, String, Status) {
        (day.into(), who.into(), Status::Completed)
    }

    /// The meetings of a document as (date, first participant, status).
    fn meeting_days(text: &str) -> Vec<(String, String, Status)> {
        meetings(text)
            .into_iter()
            .map(|m| {
                (
                    m.date.map_or("?".to_owned(), |d| d.to_string()),
                    m.participants
                        .first()
                        .map_or(String::new(), |p| p.name.clone()),
                    m.status,
                )
            })
            .collect()
    }

    #[test]
    fn the_author_named_above_a_release_in_the_first_person_is_the_traveller() {
        let found = legs(
            " date 2021-05-03\nVisit to Peru\n\nSenator the Hon Ana Ruiz, Minister for Trade\n\nThis week I will travel to Peru. In Lima, I will meet with President Tomas Vik.\n\nI will then travel to Chile.",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].1, "Peru");
        assert_eq!(found[1].1, "Chile");
    }

    #[test]
    fn a_time_stamp_heading_dates_what_follows_and_a_title_names_the_traveller() {
        let found = legs(
            " date 2021-05-07\nState visit to Peru\n\nMay 4, 2021, 10:15, Lima\n\nTomas Vik arrives in Peru\n\nThe President of Chile has arrived in Lima at the invitation of President Ana Ruiz.\n\nMay 5, 2021, 18:00, Cusco\n\nThe President then flew to Cusco.",
        );
        assert_eq!(
            found,
            [
                leg("?", "Lima", "2021-05-04", &[]),
                leg("Lima", "Cusco", "2021-05-05", &[]),
            ]
        );
    }

    #[test]
    fn a_programme_s_items_are_the_traveller_s_plans_on_their_days() {
        let text = " date 2021-05-01\nVisit of the President to Peru and Chile\n\nPresident Tomas Vik will travel to Peru and Chile from 3 to 5 May.\n\nProvisional programme:\n\nMonday 3 May\nArrival in Lima in the evening.\n\nTuesday 4 May\nLima: talks with President Ana Ruiz.\nEvening: departure for Santiago.";
        let found = legs(text);
        assert!(
            found.contains(&(
                "Lima".into(),
                "Santiago".into(),
                "2021-05-04".into(),
                vec![],
                Status::Planned
            )),
            "{found:?}"
        );
        assert_eq!(
            meeting_days(text),
            [("2021-05-04".into(), "Ana Ruiz".into(), Status::Planned)]
        );
        assert_eq!(meeting_places(text), ["Lima"]);
    }

    #[test]
    fn a_return_to_the_capital_from_the_provinces_ends_in_the_capital() {
        let text = " date 2021-05-09\nForeign Minister Ana Ruiz arrived in Lima on Thursday, 6 May. On Friday she flew to Cusco, where she met Tomas Vik. She then returned to the capital, where she met Jon Dahl.";
        assert_eq!(
            legs(text),
            [
                leg("?", "Lima", "2021-05-06", &[]),
                leg("Lima", "Cusco", "2021-05-07", &[]),
                leg("Cusco", "Lima", "2021-05-07", &[]),
            ]
        );
        assert_eq!(meeting_places(text), ["Cusco", "Lima"]);
        // a town the gazetteer does not know lies in the country last reached
        let found = legs(
            " date 2021-05-09\nForeign Minister Ana Ruiz arrived in Lima on Thursday, 6 May. On Friday she travelled by helicopter to Vikstad, near the border, where she met Tomas Vik. She then returned to the capital.",
        );
        assert_eq!(found[2], leg("Vikstad", "Lima", "2021-05-07", &[]));
    }

    #[test]
    fn a_pronoun_after_someone_else_s_whereabouts_is_that_person() {
        let text = " date 2021-05-09\nForeign Minister Ana Ruiz arrived in Lima on Monday, 3 May, and met President Tomas Vik. Chilean President Jon Dahl was also in Lima on Sunday, where he met President Vik.";
        assert_eq!(
            meeting_days(text),
            [("2021-05-03".into(), "Tomas Vik".into(), Status::Completed)]
        );
    }

    #[test]
    fn a_joint_press_conference_after_talks_is_with_their_people() {
        let text = " date 2021-05-09\nForeign Minister Ana Ruiz arrived in Lima on Monday, 3 May. She began with talks with President Tomas Vik on trade. At a joint press conference afterwards, the Minister said the talks had been useful.";
        let days = meeting_days(text);
        assert_eq!(
            days,
            [
                ("2021-05-03".into(), "Tomas Vik".into(), Status::Completed),
                ("2021-05-03".into(), "Tomas Vik".into(), Status::Completed),
            ]
        );
    }

    #[test]
    fn the_two_holding_talks_is_a_meeting_not_a_back_reference() {
        let text = " date 2021-05-09\nForeign Minister Ana Ruiz arrived in Lima on Monday, 3 May, where President Tomas Vik welcomed her with a ceremony. The two held talks before Vik hosted a lunch in her honour.";
        let kinds: Vec<MeetingKind> = meetings(text).into_iter().map(|m| m.kind).collect();
        assert_eq!(
            kinds,
            [
                MeetingKind::Ceremony,
                MeetingKind::Meeting,
                MeetingKind::Meal
            ]
        );
    }

    #[test]
    fn an_unnamed_title_that_travels_is_the_traveller() {
        let text = " date 2021-05-01\nThe Secretary-General will travel to Lima on Monday, 3 May, where he will meet President Tomas Vik. The Secretary-General will return to New York on Wednesday.";
        assert_eq!(
            legs(text),
            [
                (
                    "?".into(),
                    "Lima".into(),
                    "2021-05-03".into(),
                    vec![],
                    Status::Planned
                ),
                (
                    "Lima".into(),
                    "New York".into(),
                    "2021-05-05".into(),
                    vec![],
                    Status::Planned
                ),
            ]
        );
        assert_eq!(
            meeting_days(text),
            [("2021-05-03".into(), "Tomas Vik".into(), Status::Planned)]
        );
        // a counterpart's title is nobody's journey
        assert!(
            legs(" date 2021-05-01\nHis counterpart will travel to Lima on Monday.").is_empty()
        );
    }

    #[test]
    fn an_engagement_is_where_the_words_after_it_place_it() {
        let text = " date 2021-05-09\nForeign Minister Ana Ruiz arrived in Lima on Monday, 3 May, and met with President Tomas Vik in Cusco.";
        assert_eq!(meeting_places(text), ["Cusco"]);
    }

    #[test]
    fn a_title_told_where_it_is_travels_before_a_named_host() {
        let text = " date 2021-05-03\nThe Secretary-General is in Lima today, where he is attending a summit. This morning, he met with the President of Peru, Tomas Vik.";
        let names: Vec<(String, Vec<String>)> = meetings(text)
            .iter()
            .map(|m| {
                (
                    m.place.as_ref().map_or("?".into(), |p| p.name.clone()),
                    m.participants.iter().map(|p| p.name.clone()).collect(),
                )
            })
            .collect();
        assert_eq!(
            names,
            [
                ("Lima".into(), vec![]),
                ("Lima".into(), vec!["Tomas Vik".to_owned()]),
            ]
        );
    }

    #[test]
    fn a_stay_told_before_the_subject_places_the_sentence() {
        let text = " date 2021-05-09\nForeign Minister Ana Ruiz visited Peru from 3 to 4 May. During her stay in Lima, Minister Ruiz held talks with Foreign Minister Tomas Vik, followed by a working dinner.";
        assert_eq!(meeting_places(text), ["Lima", "Lima"]);
        let days = meeting_days(text);
        assert!(
            days.iter().all(|(_, who, _)| who == "Tomas Vik"),
            "{days:?}"
        );
    }

    #[test]
    fn what_news_calls_the_traveller_is_the_traveller() {
        for epithet in ["the pontiff", "the U.N. chief", "the visiting minister"] {
            let text = format!(
                " date 2021-05-09\nAna Ruiz arrived in Lima on Saturday, 8 May. On Sunday, {epithet} met President Tomas Vik at the palace."
            );
            assert_eq!(
                meeting_days(&text),
                [("2021-05-09".into(), "Tomas Vik".into(), Status::Completed)],
                "{epithet}"
            );
        }
    }

    #[test]
    fn a_possessive_after_someone_else_s_verb_is_that_person_s() {
        let text = " date 2021-05-09\nForeign Minister Ana Ruiz arrived in Lima on Monday, 3 May, and met President Tomas Vik. Chilean President Jon Dahl is to give his annual address on Tuesday. President Vik hosted a dinner in her honour on Tuesday.";
        let days = meeting_days(text);
        assert!(days.iter().all(|(_, who, _)| who != "Jon Dahl"), "{days:?}");
        assert!(days.contains(&("2021-05-04".into(), "Tomas Vik".into(), Status::Completed)));
    }

    #[test]
    fn emplaning_for_a_city_is_a_journey_there() {
        let found = legs(
            " date 2021-05-01\nPrime Minister Ana Ruiz will emplane for Lima on the morning of 3 May. On arrival, she will meet President Tomas Vik.",
        );
        assert_eq!(
            found,
            [(
                "?".into(),
                "Lima".into(),
                "2021-05-03".into(),
                vec![],
                Status::Planned
            )]
        );
    }

    #[test]
    fn somebody_else_s_return_is_no_journey_of_the_traveller() {
        let found = legs(
            " date 2021-05-09\nForeign Minister Ana Ruiz arrived in Lima on Thursday, 6 May. She discussed the return of refugees from Quito with Tomas Vik. On Friday she flew to Cusco.",
        );
        assert_eq!(
            found,
            [
                leg("?", "Lima", "2021-05-06", &[]),
                leg("Lima", "Cusco", "2021-05-07", &[]),
            ]
        );
    }

    #[test]
    fn an_arrival_in_a_town_of_the_region_just_reached_is_the_same_journey() {
        // a region, then one of its towns: what the journey was for is in the town
        let text = " date 2021-05-09\nActivities\n\nMinister Ana Ruiz left Peru on Monday and headed to Bali, Indonesia, for the summit. On arrival in Denpasar that afternoon, she held a press conference.";
        assert_eq!(legs(text), vec![leg("Peru", "Denpasar", "2021-05-03", &[])]);
        assert_eq!(meeting_places(text), ["Denpasar", "Denpasar"]);
        // a country, then a town the gazetteer does not know
        let text = " date 2021-05-09\nActivities\n\nMinister Ana Ruiz flew to Croatia on Monday. On arrival in Vela Luka, she met Mayor Tomas Vik.";
        assert_eq!(legs(text), vec![leg("?", "Vela Luka", "2021-05-03", &[])]);
        // but a stop where something was done, then the next place: two journeys
        let text = " date 2021-05-09\nActivities\n\nMinister Ana Ruiz flew to Croatia on Monday and met President Jon Dahl in Zagreb. On Tuesday she travelled to Vela Luka.";
        assert_eq!(legs(text).len(), 2, "{:?}", legs(text));
    }

    #[test]
    fn landing_at_an_unknown_airport_on_the_day_of_the_journey_is_landing_there() {
        let text = " date 2021-05-09\nActivities\n\nMinister Ana Ruiz travelled to Lima on 3 May. Her plane landed at Vargas Ruiz International Airport that afternoon, after the Minister departed Bogota.";
        assert_eq!(legs(text), vec![leg("Bogota", "Lima", "2021-05-03", &[])]);
        // a name ending in a letter of more than one byte is no airport, and breaks nothing
        let text = " date 2021-05-09\nActivities\n\nMinister Ana Ruiz travelled to Lima on 3 May. She arrived at Rzeszów H.E. that afternoon, after the Minister departed Bogota.";
        assert!(!legs(text).is_empty());
    }

    #[test]
    fn a_programme_by_day_and_place_with_times_is_the_traveller_s_plan() {
        let text = " date 2021-05-02\nState visit of the President of the Republic to Peru, 3-4 May – Programme\n\nAt the invitation of the President of Peru, Tomas Vik, the President of the Republic, Ana Ruiz, will pay a State visit to Peru on 3 and 4 May. This visit follows her first visit to Peru in March 2018, which took her to Lima and Cusco.\n\nThe President will leave Madrid on the evening of Sunday 2 May. She will be accompanied by Jon Dahl, Minister of Trade, who will travel on to Cusco directly.\n\nMonday 3 May – Arequipa\n\n11:30 Arrival at Arequipa airport.\n\n22:30 Departure for Cusco by air.\n\nTuesday 4 May – Cusco\n\n09:30 Talks with the President of Peru.\n\n23:30 Departure for Madrid.\n\nA visit to Trujillo, which had been considered, was finally not retained in the programme.";
        assert_eq!(
            legs(text),
            vec![
                planned_leg("Madrid", "Arequipa", "2021-05-02"),
                planned_leg("Arequipa", "Cusco", "2021-05-03"),
                planned_leg("Cusco", "Madrid", "2021-05-04"),
            ]
        );
        let talks: Vec<_> = meetings(text)
            .into_iter()
            .map(|m| (m.date.map(|d| d.to_string()), m.place.map(|p| p.name)))
            .collect();
        assert_eq!(talks, [(Some("2021-05-04".into()), Some("Cusco".into()))]);
    }

    #[test]
    fn what_an_arrival_looks_back_on_does_not_move_the_story_back() {
        let found = legs(
            " date 2021-05-09\nForeign Minister Ana Ruiz landed in Lima on the evening of Thursday, 6 May, coming from Quito, where she had addressed a forum the day before. She was welcomed by Tomas Vik and then drove to Cusco.",
        );
        assert_eq!(
            found,
            [
                leg("Quito", "Lima", "2021-05-06", &[]),
                leg("Lima", "Cusco", "2021-05-06", &[]),
            ]
        );
    }

    #[test]
    fn the_day_a_journey_was_first_due_does_not_date_it() {
        let found = legs(
            " date 2021-05-08\nForeign Minister Ana Ruiz held talks with President Tomas Vik in Lima on Friday. Ruiz, who flew in from Quito for the one-day visit, had originally been due in Lima on Tuesday, but the trip was delayed by a storm.",
        );
        assert_eq!(found, [leg("Quito", "Lima", "2021-05-07", &[])]);
    }

    #[test]
    fn an_outing_near_the_capital_is_no_journey() {
        let text = " date 2021-05-10\nForeign Minister Ana Ruiz arrived in Lima on Saturday. On Sunday, at Callao beach near the capital, she took part in a youth forum. On Monday she met President Tomas Vik.";
        assert_eq!(legs(text), [leg("?", "Lima", "2021-05-08", &[])]);
        assert_eq!(meeting_places(text), ["Callao", "Lima"]);
    }

    #[test]
    fn a_list_of_countries_gives_way_to_the_programme_of_their_cities() {
        let planned = |from: &str, to: &str, date: &str| {
            let (from, to, date, via, _) = leg(from, to, date, &[]);
            (from, to, date, via, Status::Planned)
        };
        let text = " date 2021-05-01\nPresident Ana Ruiz will travel to Peru and Chile from 3 to 6 May.\n\nProvisional programme:\n\nMonday 3 May\nArrival of the President in Lima in the evening. Welcome by the Mayor.\n\nWednesday 5 May\nMorning: departure for Santiago.";
        assert_eq!(
            legs(text),
            [
                planned("?", "Lima", "2021-05-03"),
                planned("Lima", "Santiago", "2021-05-05"),
            ]
        );
        // a list whose countries the programme does not all reach stays
        let text = " date 2021-05-01\nPresident Ana Ruiz will travel to Peru and Chile from 3 to 6 May.\n\nProvisional programme:\n\nMonday 3 May\nArrival of the President in Lima in the evening. Welcome by the Mayor.";
        assert_eq!(legs(text).len(), 3, "{:?}", legs(text));
    }

    #[test]
    fn a_programme_by_days_with_their_places_in_brackets() {
        let text = " date 2021-05-02\n\nPresident Ana Ruiz will take off this evening from Jorge Chavez Airport outside Lima on a visit to Chile and Argentina.\n\nThe programme is as follows:\n\nMonday, 3 May (Santiago)\nArrival at Santiago in the morning; welcome by President Tomas Vik.\nBilateral meeting with President Vik at La Moneda.\nIn the evening, flight to Mendoza.\n\nTuesday (Mendoza)\nTalks with Governor Jon Dahl.\nMorning flight to Buenos Aires.\n\nWednesday (Buenos Aires)\nLunch offered by President Lena Berg.";
        assert_eq!(
            legs(text),
            [
                planned_leg("Lima", "Santiago", "2021-05-02"),
                planned_leg("Santiago", "Mendoza", "2021-05-03"),
                planned_leg("Mendoza", "Buenos Aires", "2021-05-04"),
            ]
        );
        let days: Vec<String> = meeting_days(text).into_iter().map(|m| m.0).collect();
        assert_eq!(
            days,
            ["2021-05-03", "2021-05-03", "2021-05-04", "2021-05-05"]
        );
    }

    #[test]
    fn a_readout_headed_by_its_places_with_their_days_in_brackets() {
        let text = " date 2021-05-10\nState visit of President Ana Ruiz to Chile and Argentina\n\nPresident Ana Ruiz paid state visits to Chile and Argentina.\n\nChile (3-4 May)\nThe President arrived in Santiago and held talks with President Tomas Vik.\n\nArgentina (5-6 May)\nThe President flew to Buenos Aires, where she met President Lena Berg.";
        assert_eq!(
            meeting_days(text),
            [
                done("2021-05-03", "Tomas Vik"),
                done("2021-05-05", "Lena Berg")
            ]
        );
    }

    #[test]
    fn a_day_s_label_dates_what_follows() {
        let text = " date 2021-05-10\n\nPresident Ana Ruiz returned home this evening from a visit to Peru.\n\nDay one (Thursday). The President flew to Lima, where she met President Tomas Vik.\n\nDay two (Friday). In the morning she held talks with Prime Minister Jon Dahl.";
        assert_eq!(
            meeting_days(text),
            [
                ("2021-05-06".into(), "Tomas Vik".into(), Status::Completed),
                ("2021-05-07".into(), "Jon Dahl".into(), Status::Completed),
            ]
        );
    }

    #[test]
    fn a_ministry_s_release_on_its_minister_s_return() {
        let text = " date 2021-05-20\n\nMinister for Foreign Affairs Concludes Visits to Two Capitals\n\nJakarta, 20 May 2021. The Minister for Foreign Affairs of the Republic of Indonesia, Dr. R.M. Ana M. Ruiz, returned to the capital last night at the end of two days of consultations. Upon her return she spoke by telephone with the Minister of Foreign Affairs of Chile, Tomas Vik.\n\nThe Minister left Halim Air Force Base in Jakarta on Tuesday, 18 May, and flew to Lima, where she called on His Excellency Jon Dahl, Minister of Foreign Affairs of Peru. A call on Prime Minister Lena Berg could not be arranged. The Minister then flew to Quito.";
        let doc = Document::parse("t.txt", text.to_owned()).expect("doc");
        let traveller = extract(&doc, Gazetteer::global())
            .traveller
            .expect("traveller");
        assert!(
            traveller.name.ends_with("Ana M. Ruiz"),
            "{}",
            traveller.name
        );
        assert_eq!(
            legs(text),
            [
                leg("Jakarta", "Lima", "2021-05-18", &[]),
                leg("Lima", "Quito", "2021-05-18", &[]),
            ]
        );
        assert!(meeting_days(text).contains(&(
            "2021-05-18".into(),
            "Jon Dahl".into(),
            Status::Completed
        )));
    }

    #[test]
    fn the_host_s_guest_is_the_traveller() {
        let text = " date 2021-05-15\n\nRuiz ends visit to Peru\n\nPrime Minister Ana Ruiz of Chile ended a three-day visit to Peru on Saturday.\n\nPresident Tomas Vik greeted his guest at the foot of the aircraft steps at the airport in Lima on Thursday afternoon, and the two went first to the war memorial.";
        assert_eq!(legs(text), [leg("?", "Lima", "2021-05-13", &[])]);
        assert_eq!(
            meeting_days(text),
            [("2021-05-13".into(), "Tomas Vik".into(), Status::Completed)]
        );
    }

    #[test]
    fn a_paragraph_of_the_same_day_goes_on_from_the_look_back() {
        for goes_on in [
            "Talks began that afternoon at the palace.",
            "That evening she dined with the Mayor.",
            "In the evening the President gave a banquet.",
        ] {
            assert!(super::CONTINUES.is_match(goes_on), "{goes_on}");
        }
        assert!(!super::CONTINUES.is_match("On Monday she flew to Lima."));
    }

    #[test]
    fn being_due_back_home_ends_the_departure() {
        let found = legs(
            " date 2021-05-08\nForeign Minister Ana Ruiz flew into Lima on Wednesday from Quito. She left Lima on Thursday afternoon and was due back in Quito on Friday, officials said.",
        );
        assert_eq!(
            found,
            [
                leg("Quito", "Lima", "2021-05-05", &[]),
                leg("Lima", "Quito", "2021-05-06", &[]),
            ]
        );
    }

    #[test]
    fn what_a_plan_tells_that_afternoon_is_on_the_planned_day() {
        let text = " date 2021-05-03\nBriefing on the visit of the President to Peru (May 03, 2021)\n\nPresident Ana Ruiz will fly to Lima on the morning of 8 May. On arrival that afternoon, she will meet President Tomas Vik.";
        assert_eq!(
            meeting_days(text),
            [("2021-05-08".into(), "Tomas Vik".into(), Status::Planned)]
        );
    }

    #[test]
    fn a_paragraph_going_on_from_one_looking_back_is_on_its_day() {
        let text = " date 2021-05-08\nForeign Minister Ana Ruiz met King Jon Dahl in Lima on Thursday.\n\nRuiz flew into Lima on Wednesday afternoon from Quito.\n\nShe then went to the palace for talks with President Tomas Vik.\n\nShe spoke to the press.";
        let days: Vec<String> = meeting_days(text).into_iter().map(|m| m.0).collect();
        assert_eq!(days, ["2021-05-06", "2021-05-05", "2021-05-06"]);
    }

    #[test]
    fn a_plan_said_early_in_a_long_clause_holds_for_its_last_day() {
        let text = " date 2021-05-06\nForeign Minister Ana Ruiz met President Tomas Vik in Lima on Thursday. Later on Thursday, Ruiz flew to Cusco, where she was due to have a private dinner with Mayor Jon Dahl at the residence of the regional governor of the province, followed by a longer meeting at the mayor's home on Friday.";
        // the Friday to come, not the one before
        let days = meeting_days(text);
        assert!(
            days.iter().all(|d| d.0.as_str() >= "2021-05-06"),
            "{days:?}"
        );
        assert_eq!(days.last().map(|d| d.0.as_str()), Some("2021-05-07"));
    }

    #[test]
    fn the_initials_of_the_travellers_title_are_the_traveller() {
        let found = legs(
            " date 2021-05-07\nVisit of the Trade Minister to Peru\n\nTrade Minister Tomas Vik paid an official visit to Peru from 3 to 6 May 2021.\n\nTM arrived in Lima on Monday, 3 May. On 5 May, TM travelled to Cusco.",
        );
        assert_eq!(
            found,
            [
                leg("?", "Lima", "2021-05-03", &[]),
                leg("Lima", "Cusco", "2021-05-05", &[]),
            ]
        );
    }

    #[test]
    fn a_gathering_named_after_its_city_places_the_story_there_without_a_journey() {
        let text = " date 2021-05-07 On Monday, 3 May, Secretary-General Ana Ruiz took part in the Lima Conference on Oceans.\n\nThe next morning, she travelled on to Quito. On Wednesday, she spoke at the Munich Security Conference.";
        assert_eq!(legs(text), [leg("Lima", "Quito", "2021-05-04", &[])]);
        assert_eq!(meeting_places(text), ["Lima", "Munich"]);
    }

    #[test]
    fn a_group_met_is_no_counterpart_even_when_called_them() {
        let found = meeting_days(
            " date 2021-05-07 President Tomas Vik arrived in Lima on Tuesday, 4 May.\n\nHe held talks with President Ana Ruiz. Vik also met staff of the embassy, thanking them for their work.",
        );
        assert_eq!(
            found,
            [
                ("2021-05-04".into(), "Ana Ruiz".into(), Status::Completed),
                ("2021-05-04".into(), String::new(), Status::Completed),
            ]
        );
    }

    #[test]
    fn a_journey_sought_or_denied_or_told_of_another_month_is_no_leg() {
        let found = legs(
            " date 2021-05-07 President Tomas Vik arrived in Lima on Tuesday, 4 May.\n\nIn March, while the talks were stalled, Vik had travelled through the region, including to Quito and Bogota. He had also sought to travel to Caracas, but the stop could not be arranged. He did not go to Santiago.\n\nOn Thursday, 6 May, Vik flew to La Paz.",
        );
        assert_eq!(
            found,
            [
                leg("?", "Lima", "2021-05-04", &[]),
                leg("Lima", "La Paz", "2021-05-06", &[]),
            ]
        );
    }

    #[test]
    fn an_earlier_visit_or_someone_elses_is_no_leg() {
        let found = legs(
            " date 2021-05-07 President Tomas Vik arrived in Lima on Tuesday, 4 May.\n\nVik last visited Peru in 2016, for a summit. Mara Lund, who began her term last May, visited Quito in June 2019.\n\nOn Thursday, 6 May, Vik flew to Quito.",
        );
        assert_eq!(
            found,
            [
                leg("?", "Lima", "2021-05-04", &[]),
                leg("Lima", "Quito", "2021-05-06", &[]),
            ]
        );
    }

    #[test]
    fn a_journey_from_a_place_described_in_a_relative_clause_reaches_the_place_after_it() {
        let found = legs(
            " date 2021-12-15 Secretary of State Jane Roe traveled from Lisbon, Portugal, where she had attended the Atlantic Forum on December 11-12, to Lima, Peru, arriving on December 13.",
        );
        assert_eq!(found, [leg("Lisbon", "Lima", "2021-12-13", &[])]);
    }

    #[test]
    fn a_date_naming_what_happened_is_no_day_of_the_visit() {
        let found = meeting_days(
            " date 2021-05-07 Secretary-General Ana Ruiz arrived in Lima on Tuesday, 4 May. On Wednesday, 5 May, she laid a wreath in memory of those killed in the explosion of 2 August 2019.",
        );
        assert_eq!(
            found,
            [("2021-05-05".into(), String::new(), Status::Completed)]
        );
    }

    #[test]
    fn a_weekday_opening_an_announced_clause_is_the_one_to_come() {
        // published on Monday 3 May 2021; Sunday was 2 May
        let found = meeting_days(
            " date 2021-05-03 LIMA, May 3 (Reuters) - Foreign Minister Ana Ruiz met President Tomas Vik in Lima on Monday. On Sunday she had arrived from Quito.\n\nOn Tuesday, Ruiz is scheduled to hold talks with Prime Minister Lena Berg. On Thursday she will meet Jon Dahl, the speaker of parliament.",
        );
        assert_eq!(
            found,
            [
                ("2021-05-03".into(), "Tomas Vik".into(), Status::Completed),
                ("2021-05-04".into(), "Lena Berg".into(), Status::Planned),
                ("2021-05-06".into(), "Jon Dahl".into(), Status::Planned),
            ]
        );
    }

    #[test]
    fn an_announced_weekend_and_the_last_day_a_plan_reaches_date_what_follows() {
        // published on Friday 27 June 2025
        let text = " date 2025-06-27 Minister Ana Ruiz will travel to Lima, Peru, this weekend, the ministry said Friday.\n\nShe is scheduled to leave Bogota on Saturday and to arrive in Lima on Sunday, 29 June. That evening she will meet President Juan Soto.\n\nThe high point of the visit is Wednesday, when Soto will host Ruiz at a state dinner.";
        let planned = |from: &str, to: &str, day: &str| {
            let (from, to, day, via, _) = leg(from, to, day, &[]);
            (from, to, day, via, Status::Planned)
        };
        assert_eq!(legs(text), [planned("Bogota", "Lima", "2025-06-28")]);
        assert_eq!(
            meeting_days(text),
            [
                ("2025-06-29".into(), "Juan Soto".into(), Status::Planned),
                ("2025-07-02".into(), "Juan Soto".into(), Status::Planned),
            ]
        );
    }

    #[test]
    fn a_release_date_under_the_title_neither_dates_nor_bounds_the_visit() {
        let text = " date 2023-07-19 Minister Ruiz visits Peru (Overview)\n\nJuly 19, 2023\n\nFrom July 16 to 18, Ms. Ana Ruiz, Minister of Foreign Affairs, visited Peru and Chile.\n\n(1) Minister Ruiz departed Bogota on the morning of July 16 and arrived in Lima on the same day.\n\n(2) Minister Ruiz also met with President Juan Soto.\n\n(3) Minister Ruiz will depart Lima for Quito tonight.";
        assert_eq!(
            meeting_days(text),
            [("2023-07-16".into(), "Juan Soto".into(), Status::Completed)]
        );
        let (from, to, day, via, _) = leg("Lima", "Quito", "2023-07-19", &[]);
        // "tonight" in the release's own voice is the day it was published
        assert_eq!(
            legs(text).last(),
            Some(&(from, to, day, via, Status::Planned))
        );
    }

    #[test]
    fn an_office_nobody_names_travels_with_a_named_companion() {
        let text = " date 2013-11-08 The Secretary-General's visit to the Sahel\n\nThe Secretary-General landed at Bamako Senou International Airport on Monday, 4 November, from Paris. He travelled with Jon Dahl, President of the Andean Bank. On Tuesday the mission flew on to Niamey. On Wednesday the Secretary-General and Mr. Dahl travelled by road to Ouagadougou.";
        assert_eq!(
            legs(text),
            [
                leg("Paris", "Bamako", "2013-11-04", &[]),
                leg("Bamako", "Niamey", "2013-11-05", &[]),
                leg("Niamey", "Ouagadougou", "2013-11-06", &[]),
            ]
        );
    }

    #[test]
    fn a_programme_s_items_stamped_with_an_hour_need_no_full_stop() {
        let text = " date 2022-05-20 Minister Ana Ruiz travels to Senegal: schedule\n\nMinister Ana Ruiz will travel to Senegal on Sunday.\n\nSunday, 22 May 2022\n\n07:30 Departure of the Minister from Lisbon\n\n12:45 Arrival in Dakar\n\n13:45 Talks with President Tomas Vik\n\nMonday, 23 May 2022\n\n09:00 Drive to Kaolack\n\n15:00 Return to Dakar\n\n18:30 Departure for Accra from Blaise Diagne International Airport";
        assert_eq!(
            legs(text),
            [
                planned_leg("Lisbon", "Dakar", "2022-05-22"),
                planned_leg("Dakar", "Kaolack", "2022-05-23"),
                planned_leg("Kaolack", "Dakar", "2022-05-23"),
                planned_leg("Dakar", "Accra", "2022-05-23"),
            ]
        );
        assert_eq!(
            meeting_days(text),
            [(
                "2022-05-22".to_owned(),
                "Tomas Vik".to_owned(),
                Status::Planned
            )]
        );
    }

    #[test]
    fn a_programme_in_capitals_and_its_items_without_a_verb() {
        let text = " date 2022-05-20 Programme of the visit of the Minister to Senegal\n\nMinister Ana Ruiz will travel to Senegal and to a town nearby. The tour is meant to extend programmes that allow workers from Senegal to come to Portugal for seasonal jobs.\n\nSUNDAY 22 MAY\n\n07:30 Departure from Lisbon-Humberto Delgado Air Base.\n12:45 Arrival at Dakar-Yoff International Airport. Reception by the Prime Minister of Senegal, Jon Dahl.\n13:45 Meeting with the President of Senegal, Tomas Vik.\n14:30 Statements to the media by President Vik and the Minister.\n16:00 Road transfer to Thies. Visit to a training centre.\n18:00 Return by road to Dakar.\n19:00 Meeting with the Portuguese community resident in Senegal.";
        assert_eq!(
            legs(text),
            [
                planned_leg("Lisbon", "Dakar", "2022-05-22"),
                planned_leg("Dakar", "Thies", "2022-05-22"),
                planned_leg("Thies", "Dakar", "2022-05-22"),
            ]
        );
        let found: Vec<(MeetingKind, String, Option<String>)> = meetings(text)
            .into_iter()
            .map(|m| {
                (
                    m.kind,
                    m.place.map_or("?".to_owned(), |p| p.name),
                    m.participants.first().map(|p| p.name.clone()),
                )
            })
            .collect();
        let expected = [
            (MeetingKind::Ceremony, "Dakar", Some("Jon Dahl")),
            (MeetingKind::Meeting, "Dakar", Some("Tomas Vik")),
            (MeetingKind::Press, "Dakar", Some("Tomas Vik")),
            (MeetingKind::SiteVisit, "Thies", None),
            (MeetingKind::Meeting, "Dakar", None),
        ]
        .map(|(kind, place, who)| (kind, place.to_owned(), who.map(str::to_owned)));
        assert_eq!(found, expected);
    }

    #[test]
    fn a_list_of_engagements_is_read_item_by_item() {
        let text = " date 2024-06-16 President Ana Ruiz concludes visits to Peru and Chile\n\nPresident Ana Ruiz returned to Madrid on Sunday, 16 June, after visits to Peru and Chile.\n\nHer main engagements were as follows.\n\nPeru (10-11 June)\n- 10 June, Lima: dinner with members of the Spanish community in Peru.\n- 11 June, Lima: welcoming ceremony hosted by President Tomas Vik\n- Flight to Santiago in the afternoon.\n\nChile (12 June)\n- 12 June: talks with President Jon Dahl.";
        let found = meeting_days(text);
        let expected = [
            ("2024-06-10", ""),
            ("2024-06-11", "Tomas Vik"),
            ("2024-06-12", "Jon Dahl"),
        ]
        .map(|(d, who)| (d.to_owned(), who.to_owned(), Status::Completed));
        assert_eq!(found, expected);
        assert_eq!(
            meeting_places(text),
            ["Lima", "Lima", "Santiago"].map(str::to_owned)
        );
        assert!(
            legs(text).contains(&leg("Lima", "Santiago", "2024-06-11", &[])),
            "{:?}",
            legs(text)
        );
    }

    #[test]
    fn the_office_told_without_a_country_is_the_text_s_own() {
        let text = " date 2022-03-11 Prime Minister concludes visit to Europe\n\nThe Prime Minister, Ana Ruiz, has concluded a visit to the United Kingdom and Latvia.\n\nThe Prime Minister arrived in London on Monday, 7 March, and joined the Prime Minister of the United Kingdom, Jon Dahl, and the Prime Minister of the Netherlands, Tom Olsen, for talks. The three leaders then held a joint media availability. That afternoon, the Prime Minister drove to Windsor Castle for an audience with Her Majesty the King, before returning to London for the night.\n\nOn Tuesday, the Prime Minister flew to Riga, where she met with the Prime Minister of Latvia, Tomas Vik. The Prime Minister then flew home to Ottawa.";
        assert_eq!(
            legs(text),
            [
                leg("?", "London", "2022-03-07", &[]),
                leg("London", "Windsor", "2022-03-07", &[]),
                leg("Windsor", "London", "2022-03-07", &[]),
                leg("London", "Riga", "2022-03-08", &[]),
                leg("Riga", "Ottawa", "2022-03-08", &[]),
            ]
        );
        let press: Vec<String> = meetings(text)
            .into_iter()
            .filter(|m| m.kind == MeetingKind::Press)
            .flat_map(|m| m.participants.into_iter().map(|p| p.name))
            .collect();
        assert_eq!(press, ["Jon Dahl", "Tom Olsen"]);
        // "Her Majesty" is nobody's pronoun: the traveller is no one's participant
        assert!(
            meetings(text)
                .iter()
                .all(|m| m.participants.iter().all(|p| p.name != "Ana Ruiz"))
        );
    }

    #[test]
    fn a_news_report_told_around_its_day() {
        // Friday 25 August 2023
        let text = " date 2023-08-25 Ruiz in Lima\n\nLIMA, Aug 25 (Reuters) - Spain's foreign minister, Prince Jon Dahl, held talks in Lima on Friday with President Tomas Vik.\n\nDahl flew in late on Thursday from Quito. He went straight into talks with his counterpart, Lena Berg, and the pair then appeared together before reporters.\n\nLater in the day, Dahl was received by Vice-President Tom Olsen, who accepted an invitation from King Jon Moe to visit Madrid. Berg has said she will travel to Spain in the autumn.\n\nOn Saturday Dahl will fly to La Paz for a summit, which he is to attend on Sunday before heading home to Madrid.";
        let found = legs(text);
        let route: Vec<(&str, &str)> = found.iter().map(|l| (l.0.as_str(), l.1.as_str())).collect();
        assert_eq!(
            route,
            [("Quito", "Lima"), ("Lima", "La Paz"), ("La Paz", "Madrid")]
        );
        assert_eq!(
            found[1..],
            [
                planned_leg("Lima", "La Paz", "2023-08-26"),
                planned_leg("La Paz", "Madrid", "2023-08-27"),
            ]
        );
        let press: Vec<String> = meetings(text)
            .into_iter()
            .filter(|m| m.kind == MeetingKind::Press)
            .flat_map(|m| m.participants.into_iter().map(|p| p.name))
            .collect();
        assert_eq!(press, ["Lena Berg"]);
    }

    #[test]
    fn a_weekday_with_its_part_of_day_before_an_announced_journey_is_to_come() {
        // Thursday 9 August 2018
        let text = " date 2018-08-09 Ruiz in Nagasaki\n\nMinister Ana Ruiz arrived in Nagasaki on the evening of Wednesday, 8 August.\n\nOn Friday morning, the Minister will fly to Tokyo.";
        assert_eq!(
            legs(text),
            [
                leg("?", "Nagasaki", "2018-08-08", &[]),
                planned_leg("Nagasaki", "Tokyo", "2018-08-10"),
            ]
        );
    }

    #[test]
    fn a_readout_s_paragraph_headings_date_what_follows() {
        let text = " date 2023-06-07 Visit of Minister Ana Ruiz to South Africa (1-4 June 2023)\n\nMinister Ana Ruiz emplaned from Lisbon on 31 May and reached Cape Town on 1 June.\n\nCape Town, 2 June\n\nIn the evening, she flew to Durban.\n\nDurban, 3 June\n\nShe travelled by road to Pietermaritzburg and laid a wreath at the station where, 130 years ago, a young lawyer was thrown off a train. She returned to Durban in the afternoon.";
        assert_eq!(
            legs(text),
            [
                leg("Lisbon", "Cape Town", "2023-05-31", &[]),
                leg("Cape Town", "Durban", "2023-06-02", &[]),
                leg("Durban", "Pietermaritzburg", "2023-06-03", &[]),
                leg("Pietermaritzburg", "Durban", "2023-06-03", &[]),
            ]
        );
    }

    #[test]
    fn who_goes_on_after_a_meeting_is_the_subject_not_the_one_met() {
        let text = " date 2023-11-24 Ruiz in Peru\n\nLIMA (Reuters) - Foreign Minister Ana Ruiz said on Friday that the talks went well.\n\nRuiz flew into Lima from Quito on Thursday morning. She was then taken by helicopter to Cusco.\n\nFlown on to Arequipa, she met Mayor Tomas Vik before driving to Puno in the evening.";
        assert_eq!(
            legs(text),
            [
                leg("Quito", "Lima", "2023-11-23", &[]),
                leg("Lima", "Cusco", "2023-11-23", &[]),
                leg("Cusco", "Arequipa", "2023-11-23", &[]),
                leg("Arequipa", "Puno", "2023-11-23", &[]),
            ]
        );
    }

    #[test]
    fn a_news_lead_and_the_story_tell_one_engagement() {
        let text = " date 2025-06-27 Ruiz in Peru\n\nLIMA (Reuters) - Foreign Minister Ana Ruiz met President Juan Soto on Friday, the first such visit in a decade.\n\nRuiz arrived on Thursday from Quito. On Friday, Soto received Ruiz at the palace. The next day, Soto hosted her for a dinner.";
        let soto = |day: &str| (day.to_owned(), "Juan Soto".to_owned(), Status::Completed);
        assert_eq!(meeting_days(text), [soto("2025-06-27"), soto("2025-06-28")]);
    }

    #[test]
    fn a_surname_alone_is_the_first_person_of_that_name() {
        let text = " date 2025-06-27 Minister Ana Ruiz arrived in Lima on Sunday and met President Juan Soto.\n\nSoto and his wife, Maria Soto, then hosted a dinner for her. On Monday, Soto received Ruiz again.";
        let days = meeting_days(text);
        assert_eq!(days.last().map(|d| d.1.as_str()), Some("Juan Soto"));
    }

    #[test]
    fn the_leader_of_the_travellers_country_is_the_traveller_abroad() {
        let found = meeting_days(
            " date 2021-05-04 Ana Ruiz arrived in Quito from Lima on 4 May. President Tomas Vik welcomed the Peruvian President with an official ceremony, after which Peruvian-Ecuadorian talks took place.",
        );
        let vik = (
            "2021-05-04".to_owned(),
            "Tomas Vik".to_owned(),
            Status::Completed,
        );
        assert_eq!(found, [vik.clone(), vik]);
    }

    #[test]
    fn a_release_in_the_travellers_voice_plans_her_journey() {
        let text = " date 2021-05-03 Statement by Foreign Minister Ana Ruiz before her visit to Ecuador\n\nToday I depart Lima for Quito, at the invitation of President Tomas Vik. On 4 May, I will hold talks with President Vik. \"I am sure we will agree,\" the President said.";
        let planned = planned_leg;
        assert_eq!(legs(text), [planned("Lima", "Quito", "2021-05-03")]);
        assert_eq!(
            meeting_days(text),
            [("2021-05-04".into(), "Tomas Vik".into(), Status::Planned)]
        );
    }

    #[test]
    fn the_day_of_a_news_lead_dates_what_follows() {
        // Friday 27 May 2016
        let found = meeting_days(
            " date 2016-05-27 HIROSHIMA, Japan (AFP) - Foreign Minister Ana Ruiz on Friday became the first minister of her country to visit Hiroshima.\n\nRuiz flew in from Tokyo. She laid a wreath alongside Prime Minister Tomas Vik.",
        );
        assert_eq!(
            found,
            [("2016-05-27".into(), "Tomas Vik".into(), Status::Completed)]
        );
    }

    #[test]
    fn an_engagement_in_another_month_is_another_visit() {
        let found = meeting_days(
            " date 2021-12-14 Foreign Minister Ana Ruiz arrived in Quito on Tuesday and met President Tomas Vik. She met Vik in New York in September, and she saw Minister Jon Dahl in 2019. She also met Lena Berg, the Speaker, in December.",
        );
        let names: Vec<&str> = found.iter().map(|(_, n, _)| n.as_str()).collect();
        assert_eq!(names, ["Tomas Vik", "Lena Berg"]);
    }

    #[test]
    fn a_welcome_at_an_airport_near_the_city_is_in_the_city() {
        let text = " date 2021-05 Secretary-General Ana Ruiz arrived in Tehran from Geneva on Monday, 3 May. Foreign Minister Jon Dahl welcomed her at Mehrabad airport. The next day she met President Tomas Vik.";
        assert_eq!(legs(text), [leg("Geneva", "Tehran", "2021-05-03", &[])]);
        assert_eq!(meeting_places(text), ["Tehran", "Tehran"]);
    }

    #[test]
    fn an_arrival_at_the_airport_of_the_city_reached_is_no_new_leg() {
        let text = " date 2021-05 MOSCOW - President Tomas Vik arrived here on Monday, 3 May, for a state visit. Upon arrival at Vnukovo airport, he was greeted by a guard of honour.";
        assert_eq!(legs(text), [leg("?", "Moscow", "2021-05-03", &[])]);
    }

    #[test]
    fn an_engagement_in_the_city_of_a_place_is_there() {
        let text = " date 2021-05 President Tomas Vik arrived in Beijing on Monday, 3 May. On Tuesday, 4 May, he ended his visit in the southern city of Guangzhou, where President Li Wen hosted him for talks.";
        assert_eq!(meeting_places(text), ["Guangzhou"]);
    }

    #[test]
    fn a_flight_to_a_venue_in_a_town_reaches_the_town_and_a_visit_there_is_one() {
        let text = " date 2021-05 Secretary-General Ana Ruiz arrived in Bogota on Monday, 3 May. On Tuesday, 4 May, she flew by helicopter to the Training Area \u{201c}Las Palmas\u{201d} in Mesetas. She then went to the Kalba Sahib, where she was shown around the Long Hall.";
        assert_eq!(
            legs(text),
            [
                leg("?", "Bogota", "2021-05-03", &[]),
                leg("Bogota", "Mesetas", "2021-05-04", &[]),
            ]
        );
        assert_eq!(meeting_places(text), ["Mesetas"]);
    }

    #[test]
    fn a_date_in_reported_speech_does_not_date_what_is_told_before_it() {
        let found = meeting_days(
            " date 2021-05-07 President Tomas Vik arrived in Lima on Tuesday, 4 May. At a news conference at the palace, Vik said he would return to Lima on 1 June.",
        );
        assert_eq!(
            found,
            [("2021-05-04".into(), String::new(), Status::Completed)]
        );
    }

    #[test]
    fn a_place_said_before_leaving_is_where_it_happens() {
        let text = " date 2021-05 Secretary-General Ana Ruiz arrived in Maputo on Monday, 3 May. On Tuesday, 4 May, she flew to Beira. Before leaving, she spoke to journalists at Beira airport.";
        assert_eq!(meeting_places(text), ["Beira"]);
    }

    #[test]
    fn what_is_done_before_leaving_a_place_stayed_in_is_there() {
        let text = " date 2021-05 Secretary-General Ana Ruiz's aircraft landed in Beira on Monday, 3 May, after a flight from Maputo. On Tuesday, 4 May, she met Governor Lena Berg. Before departing, she spoke to journalists at a press conference.";
        assert_eq!(meeting_places(text), ["Beira", "Beira"]);
    }

    #[test]
    fn a_welcome_on_arriving_here_is_where_the_journey_ended() {
        let text = " date 2021-05-03 President Tomas Vik was given a grand welcome on arriving here Sunday, as Prime Minister Lena Berg greeted him at the airport.\n\nNo president of his country has made a bilateral visit to Peru for 17 years.";
        assert_eq!(meeting_places(text), ["Peru", "Peru"]);
    }

    #[test]
    fn a_departure_after_reaching_a_base_is_a_second_journey() {
        let text = " date 2021-05 President Tomas Vik arrived in Berlin on Monday, 3 May.\n\nOn Tuesday, 4 May, after leaving Berlin, he flew to Ramstein Air Base, where he addressed troops, before departing for Washington.";
        assert_eq!(
            legs(text),
            [
                leg("?", "Berlin", "2021-05-03", &[]),
                leg("Berlin", "Ramstein Air Base", "2021-05-04", &[]),
                leg("Ramstein Air Base", "Washington", "2021-05-04", &[]),
            ]
        );
    }

    #[test]
    fn a_meeting_at_a_countrys_embassy_is_in_the_town() {
        let text = " date 2021-05 President Tomas Vik arrived in Oslo on Monday, 3 May. He met the staff at the U.S. embassy.";
        assert_eq!(meeting_places(text), ["Oslo"]);
    }

    /// A report that opens on its last day and then goes back over the tour.
    const TOLD_BACKWARDS: &str = " date 2021-05-08 LIMA, May 8 (Reuters) - Foreign Minister Ana Ruiz flew out of Lima on Saturday for Madrid, ending a tour of South America.\n\nOn Friday, Ruiz held talks with President Tomas Vik. Later that day she gave a news conference.\n\nEarlier that morning, Ruiz laid a wreath at the national monument with Vik.\n\nRuiz arrived in the Peruvian capital on Thursday from Quito, where on Wednesday she met Foreign Minister Jon Dahl. She had begun her tour on Monday in Bogota, where she met President Lena Berg.";

    #[test]
    fn news_told_backwards_is_put_in_the_order_of_its_days() {
        // Saturday 8 May 2021: Bogota on Monday, Quito on Wednesday, Lima from Thursday
        let mut found = legs(TOLD_BACKWARDS);
        found.sort_by(|a, b| a.2.cmp(&b.2));
        assert_eq!(
            found,
            [
                leg("?", "Bogota", "2021-05-03", &[]),
                leg("Bogota", "Quito", "2021-05-05", &[]),
                leg("Quito", "Lima", "2021-05-06", &[]),
                leg("Lima", "Madrid", "2021-05-08", &[]),
            ]
        );
    }

    #[test]
    fn engagements_told_after_a_later_journey_are_where_their_day_was_spent() {
        let placed: Vec<(String, String)> = meetings(TOLD_BACKWARDS)
            .into_iter()
            .map(|m| {
                let day = m.date.map_or("?".to_owned(), |d| d.to_string());
                (day, m.place.map_or("?".to_owned(), |p| p.name))
            })
            .collect();
        for (day, place) in [
            ("2021-05-03", "Bogota"),
            ("2021-05-05", "Quito"),
            ("2021-05-07", "Lima"),
        ] {
            assert!(
                placed.contains(&(day.to_owned(), place.to_owned())),
                "{placed:?}"
            );
        }
        // "Earlier that morning" goes back to the Friday the passage before told of
        assert!(
            placed.iter().filter(|(day, _)| day == "2021-05-07").count() == 3,
            "{placed:?}"
        );
        assert!(
            placed.iter().all(|(_, place)| place != "Madrid"),
            "{placed:?}"
        );
    }

    #[test]
    fn a_greeting_upon_arrival_is_where_the_traveller_landed() {
        let text = " date 2021-05-04 President Ana Ruiz left Lima for Quito on Monday, 3 May. Upon arrival, she was greeted by Foreign Minister Jon Dahl and proceeded by helicopter to Cuenca.";
        assert_eq!(meeting_places(text), ["Quito"]);
        assert_eq!(
            legs(text).into_iter().map(|l| l.1).collect::<Vec<_>>(),
            ["Quito", "Cuenca"]
        );
    }

    #[test]
    fn a_stop_of_a_lead_that_told_the_whole_tour_is_back_on_its_day() {
        let text = " date 2021-05-12 Minister Ana Ruiz paid an official visit to Peru from 9-10 May 2021, followed by a visit to Chile on 11 May 2021.\n\nIn Lima, Ruiz called on President Tomas Vik. She also met Jon Dahl, the Speaker.\n\nIn Santiago on 11 May, Ruiz met President Lena Berg.";
        let day = |d: &str| d.to_owned();
        let days: Vec<(String, String)> = meeting_days(text)
            .into_iter()
            .map(|(d, who, _)| (d, who))
            .collect();
        assert_eq!(
            days,
            [
                (day("2021-05-09"), day("Tomas Vik")),
                (day("2021-05-09"), day("Jon Dahl")),
                (day("2021-05-11"), day("Lena Berg")),
            ]
        );
        assert_eq!(meeting_places(text), ["Lima", "Lima", "Santiago"]);
    }

    #[test]
    fn a_return_hung_on_a_plan_is_planned_too() {
        let found = legs(
            " date 2021-05-01 President Tomas Vik will fly to Quito on Wednesday, 5 May, before returning to Lima on Thursday.",
        );
        let planned = |from: &str, to: &str, date: &str| {
            let mut l = leg(from, to, date, &[]);
            l.4 = Status::Planned;
            l
        };
        assert_eq!(
            found,
            [
                planned("?", "Quito", "2021-05-05"),
                planned("Quito", "Lima", "2021-05-06")
            ]
        );
    }

    #[test]
    fn a_visit_concluded_is_where_the_next_journey_starts_and_its_days_were_spent() {
        let text = " date 2021-05-07 Ruiz ends Peru visit\n\nLIMA, May 7 (Reuters) - President Ana Ruiz on Friday concluded her two-day visit to Peru and emplaned for Quito.\n\nOn Thursday evening, President Tomas Vik hosted Ruiz for a private dinner. Earlier that day, Ruiz visited the national museum.";
        assert_eq!(legs(text), [leg("Lima", "Quito", "2021-05-07", &[])]);
        assert_eq!(meeting_places(text), ["Lima", "Lima"]);
    }

    #[test]
    fn a_passage_looking_back_moves_on_with_the_traveller() {
        let text = " date 2022-11-20 Ruiz back from tour\n\nNEW YORK, 20 November -- President Ana Ruiz returned to New York today after a trip that took her to Peru and Chile.\n\nIn Lima, Peru, on 12 and 13 November, she met with President Tomas Vik.\n\nShe then travelled to Santiago, Chile, where she met President Lena Berg on 15 November.";
        assert_eq!(meeting_places(text), ["Lima", "Santiago"]);
        let mut found: Vec<(String, String)> = legs(text).into_iter().map(|l| (l.0, l.1)).collect();
        found.sort();
        let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
        assert_eq!(
            found,
            [
                pair("?", "Lima"),
                pair("Lima", "Santiago"),
                pair("Santiago", "New York")
            ]
        );
    }

    #[test]
    fn countries_visited_earlier_were_all_visited_and_the_next_plan_starts_where_she_is() {
        let text = " date 2024-02-08 Ruiz in Lima\n\nLIMA, Feb 7 (Reuters) - Foreign Minister Ana Ruiz met President Tomas Vik in Lima on Wednesday.\n\nRuiz arrived in Peru late on Tuesday from Quito. Earlier in the week she visited Chile and Bolivia.\n\nShe is due to travel to Cusco on Thursday.";
        let found = legs(text);
        let bolivia = found.iter().find(|l| l.1 == "Bolivia").expect("Bolivia");
        assert_eq!(bolivia.4, Status::Completed);
        let cusco = found.iter().find(|l| l.1 == "Cusco").expect("Cusco");
        assert_eq!((cusco.0.as_str(), cusco.4), ("Lima", Status::Planned));
    }

    #[test]
    fn refuelling_stops_are_stopovers_and_a_foreign_airport_serves_the_city_reached() {
        let text = " date 2021-05 Secretary-General Ana Ruiz departed Lima for Quito on Tuesday evening, 4 May, refuelling in Cali. On arrival at Richmond airport she was received by President Tomas Vik.\n\nOn 5 May she flew on to Caracas, with a stop in Bogota to refuel.";
        assert_eq!(
            legs(text),
            [
                leg("Lima", "Quito", "2021-05-04", &["Cali"]),
                leg("Quito", "Caracas", "2021-05-05", &["Bogota"])
            ]
        );
        assert_eq!(meeting_places(text), ["Quito"]);
    }

    #[test]
    fn a_programme_s_calls_honorifics_venues_and_a_later_plan() {
        let text = " date 2023-02-24\nProgramme of the visit of the Chancellor of the Federal Republic of Germany, H.E. Mr. Jon Dahl, to Peru (25 February 2023)\n\nSaturday, 25 February 2023 - Lima\n\n10:00 Arrival at Lima.\n\n15:30 Minister Lena Berg calls on the Chancellor, ITC Miraflores.\n\n18:00 The Chancellor calls on the President of Peru, Smt. Ana Ruiz.\n\nPeru holds the presidency, and the Chancellor is expected to return to Cusco on 9 September 2023.";
        let who: Vec<Vec<String>> = meetings(text)
            .into_iter()
            .map(|m| m.participants.into_iter().map(|p| p.name).collect())
            .collect();
        assert_eq!(
            who,
            [["Lena Berg"], ["Ana Ruiz"]].map(|p| p.map(str::to_owned).to_vec())
        );
        assert_eq!(
            legs(text)[1..],
            [planned_leg("Lima", "Cusco", "2023-09-09")]
        );
    }

    #[test]
    fn a_tour_described_a_holiday_and_refugees_from_elsewhere_make_no_journey() {
        let text = " date 2022-05-03 Secretary-General Ana Ruiz flew into Quito from Lima on Sunday, 1 May, on the second stop of a tour which this year takes her to Peru, Ecuador and Colombia.\n\nThe visit followed two days in Peru, where she met President Tomas Vik on Saturday.\n\nOn Monday, 2 May, the day of Eid al-Fitr, the Secretary-General travelled by helicopter to Cuenca, where she visited a site sheltering refugees from Venezuela.";
        assert_eq!(
            legs(text),
            [
                leg("Lima", "Quito", "2022-05-01", &[]),
                leg("Quito", "Cuenca", "2022-05-02", &[])
            ]
        );
        assert_eq!(meeting_places(text)[0], "Lima");
    }

    #[test]
    fn the_presidential_aircraft_carries_the_traveller_and_a_lead_told_again_goes() {
        let text = " date 2023-07-20 President Ana Ruiz concludes tour\n\nPresident Ana Ruiz returned to Lima late on Wednesday, 19 July, after a three-day tour of the region that took her to Ecuador and Colombia.\n\nThe presidential aircraft landed at Mariscal Sucre International Airport in Quito on Monday afternoon, 17 July, where she was welcomed by Prince Jon bin Sultan.\n\nOn Tuesday, 18 July, she flew to Bogota. On Wednesday, 19 July, the President left Bogota in the evening and flew back to Lima.";
        let mut found = legs(text);
        found.sort_by(|a, b| a.2.cmp(&b.2));
        assert_eq!(
            found,
            [
                leg("Lima", "Quito", "2023-07-17", &[]),
                leg("Quito", "Bogota", "2023-07-18", &[]),
                leg("Bogota", "Lima", "2023-07-19", &[])
            ]
        );
        let text = " date 2024-06-16 President Ana Ruiz concludes visits\n\nPresident Ana Ruiz returned to Bogota on Sunday after state visits to Ecuador and Peru. The presidential aircraft left Bogota on Monday, 10 June.\n\nThe engagements were as follows.\n\n- 10 June, Quito: dinner with members of the community, shortly after arrival.\n- 11 June: flight to Lima.";
        let mut found = legs(text);
        found.sort_by(|a, b| a.2.cmp(&b.2));
        assert_eq!(
            found[..2],
            [
                leg("Bogota", "Quito", "2024-06-10", &[]),
                leg("Quito", "Lima", "2024-06-11", &[])
            ]
        );
    }

    #[test]
    fn that_day_after_a_journey_told_looking_back_is_the_day_it_ended() {
        // Sunday 15 January 2023
        let text = " date 2023-01-15 CAIRO, Jan 15 (Reuters) - Foreign Minister Ana Ruiz held talks with Tomas Vik in Cairo on Sunday.\n\nRuiz left Lima on Monday and landed in Quito early on Tuesday. In the Ecuadorian capital she met President Jon Dahl that day.";
        assert!(
            meeting_days(text).contains(&(
                "2023-01-10".to_owned(),
                "Jon Dahl".to_owned(),
                Status::Completed
            )),
            "{:?}",
            meeting_days(text)
        );
    }

    #[test]
    fn the_two_after_a_journey_made_together_are_the_traveller_and_the_companion() {
        let text = " date 2021-05 Secretary-General Ana Ruiz arrived in Quito on 4 May. On 5 May she drove with President Tomas Vik to Cuenca. After driving back to Quito, the two held talks and then a joint press conference.";
        let days = meeting_days(text);
        let with_vik = days
            .iter()
            .filter(|(day, who, _)| day == "2021-05-05" && who == "Tomas Vik")
            .count();
        assert_eq!(with_vik, 2, "{days:?}");
    }

    #[test]
    fn what_a_trip_held_summed_up_makes_no_journey_and_counts_once() {
        let text = " date 2022-07-04 Prime Minister's visit to Peru\n\nPrime Minister Ana Ruiz visited Peru on Sunday 3 July at the invitation of President Tomas Vik. The visit concluded a week-long trip during which the Prime Minister attended the Summit in Madrid and held talks in Paris.\n\nIn Madrid she took part in the Summit on Wednesday 29 June.\n\nIn Lima she met President Tomas Vik.";
        let found = legs(text);
        assert!(!found.iter().any(|l| l.1 == "Paris"), "{found:?}");
        let madrid: Vec<Option<String>> = meetings(text)
            .into_iter()
            .filter(|m| m.place.as_ref().is_some_and(|p| p.name == "Madrid"))
            .map(|m| m.date.map(|d| d.to_string()))
            .collect();
        assert_eq!(madrid, [Some("2022-06-29".to_owned())]);
    }

    #[test]
    fn a_journey_after_after_came_first_and_a_speaker_is_no_participant() {
        // Friday 16 June 2023
        let text = " date 2023-06-16 KYIV, June 16 (Reuters) - President Ana Ruiz met President Tomas Vik in Kyiv on Friday.\n\nRuiz arrived in Kyiv by train on Friday morning after flying to the Polish city of Rzeszow on Thursday.\n\nShe will leave Kyiv for Lviv on Saturday, where she is due to meet Mayor Jon Dahl, her spokesman Tom Olsen said. Ruiz is then expected to fly home to Lima on Sunday.";
        let mut found = legs(text);
        found.sort_by(|a, b| a.2.cmp(&b.2));
        assert_eq!(
            found,
            [
                leg("?", "Rzeszow", "2023-06-15", &[]),
                leg("Rzeszow", "Kyiv", "2023-06-16", &[]),
                planned_leg("Kyiv", "Lviv", "2023-06-17"),
                planned_leg("Lviv", "Lima", "2023-06-18"),
            ]
        );
        let who = participants(text);
        assert_eq!(who, ["Tomas Vik", "Jon Dahl"]);
    }

    #[test]
    fn due_in_a_city_is_a_journey_to_come_and_another_s_is_not_hers() {
        let text = " date 2023-06-11 LIMA, June 11 (Reuters) - Prime Minister Ana Ruiz met President Tomas Vik in Lima on Sunday.\n\nRuiz is due in Quito on June 20 for talks with President Jon Dahl. Vice Premier Liu He is meanwhile expected in Davos next week.";
        let found = legs(text);
        assert!(
            found.contains(&planned_leg("Lima", "Quito", "2023-06-20")),
            "{found:?}"
        );
        assert!(!found.iter().any(|l| l.1 == "Davos"), "{found:?}");
    }

    #[test]
    fn the_three_then_are_the_traveller_s_party() {
        let text = " date 2023-06-11 TUNIS, June 11 (Reuters) - Prime Minister Ana Ruiz arrived in Tunis on Sunday with President Jon Dahl and Prime Minister Tom Olsen.\n\nThe three then held talks with Tomas Vik at the palace.";
        let days = meeting_days(text);
        assert!(
            days.contains(&(
                "2023-06-11".to_owned(),
                "Tomas Vik".to_owned(),
                Status::Completed
            )),
            "{days:?}"
        );
    }

    #[test]
    fn a_news_lead_takes_the_journey_told_after_it() {
        // Tuesday 4 May 2021
        let found = legs(
            " date 2021-05-04 QUITO, May 4 (Reuters) - Foreign Minister Ana Ruiz made a surprise visit to Quito on Tuesday.\n\nRuiz left Lima on Monday aboard a military jet, flew to Guayaquil, and then made a long journey by road to Quito, arriving on Tuesday morning.",
        );
        assert_eq!(
            found,
            [
                leg("Lima", "Guayaquil", "2021-05-03", &[]),
                leg("Guayaquil", "Quito", "2021-05-04", &[])
            ]
        );
    }

    #[test]
    fn an_aside_told_looking_back_gives_the_origin_but_no_leg() {
        let found = legs(
            " date 2021-05-04 Foreign Minister Ana Ruiz, who had held talks with President Tomas Vik in Bogota on Monday, left Colombia for Quito on Tuesday.",
        );
        assert_eq!(found, [leg("Bogota", "Quito", "2021-05-04", &[])]);
    }

    #[test]
    fn a_journey_told_from_its_start_takes_the_date_of_its_arrival() {
        let found = legs(
            " date 2021-05 Coming from Lima, where she had attended a regional forum, Secretary-General Ana Ruiz arrived in Quito on Tuesday, 4 May.",
        );
        assert_eq!(found, [leg("Lima", "Quito", "2021-05-04", &[])]);
    }

    #[test]
    fn talks_had_elsewhere_imply_travel_there_unless_told_as_done_before() {
        let found = legs(
            " date 2021-05 Secretary-General Ana Ruiz arrived in Quito on 4 May. On 5 May, she had talks with President Tomas Vik in Guayaquil.",
        );
        assert_eq!(found[1..], [leg("Quito", "Guayaquil", "2021-05-05", &[])]);
        let found = legs(
            " date 2021-05 Secretary-General Ana Ruiz arrived in Quito on 4 May. In March, she had met President Tomas Vik in Guayaquil.",
        );
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn what_was_done_before_the_journey_is_no_engagement_of_it() {
        let found = meeting_places(
            " date 2031-05-20 Before coming to Lima, Minister Ana Ruiz had attended a summit in Quito on 16 May.\n\nRuiz arrived in Lima on 18 May and met President Juan Soto.",
        );
        assert_eq!(found, ["Lima"]);
        let found = meeting_places(
            " date 2031-05-20 Prior to the visit, on 12 May, Minister Ana Ruiz attended a summit in Quito.\n\nRuiz arrived in Lima on 18 May and met President Juan Soto.",
        );
        assert_eq!(found, ["Lima"]);
    }

    #[test]
    fn engagements_of_a_lead_after_the_arrival_are_where_it_ended() {
        let found = meeting_places(
            " date 2031-05-20 Minister Ana Ruiz on Monday closed out a visit to Peru, meeting President Juan Soto.\n\nRuiz arrived in Lima on Sunday from Bogota, where she had attended a conference.",
        );
        assert_eq!(found, ["Lima", "Bogota"]);
    }

    #[test]
    fn a_flight_told_after_an_arrival_or_the_travellers_aircraft_gives_the_origin() {
        let found = legs(
            " date 2031-05-20 Minister Ana Ruiz arrived in Lima on Sunday, 18 May, after a flight from Bogota.",
        );
        assert_eq!(found, [leg("Bogota", "Lima", "2031-05-18", &[])]);
        let found = legs(
            " date 2031-05-20 Minister Ana Ruiz is in Peru.\n\nThe Minister's aircraft landed in Lima on Sunday, 18 May, after the Minister departed Bogota.",
        );
        assert_eq!(found, [leg("Bogota", "Lima", "2031-05-18", &[])]);
    }

    #[test]
    fn flying_out_of_a_place_leaves_it_and_a_delay_is_no_day() {
        let found = legs(
            " date 2031-05-20 Minister Ana Ruiz flew out of Lima for Quito on Tuesday, two days later than planned.\n\nShe had begun her tour on Friday in Bogota.",
        );
        let quito = leg("Lima", "Quito", "2031-05-20", &[]);
        // told looking back: it did not start in Quito
        assert_eq!(found, [quito, leg("?", "Bogota", "2031-05-16", &[])]);
    }

    #[test]
    fn flying_in_from_a_place_is_the_origin_of_the_arrival() {
        let found = legs(
            " date 2021-05-07 TRIPOLI (AP) - Foreign Minister Ana Ruiz touched down in Tripoli on Friday.\n\nRuiz flew in from Lisbon, where she had met the Portuguese Foreign Minister on Thursday.",
        );
        assert_eq!(found, [leg("Lisbon", "Tripoli", "2021-05-07", &[])]);
    }

    #[test]
    fn a_night_at_a_stop_makes_it_a_via_but_a_later_day_does_not() {
        let found = legs(
            " date 2021-05 Secretary-General Ana Ruiz arrived in Port-au-Prince on 4 May. In the evening, she flew back to Santo Domingo, where she spent the night, before returning to New York.",
        );
        assert_eq!(
            found[1..],
            [leg(
                "Port-au-Prince",
                "New York",
                "2021-05-04",
                &["Santo Domingo"]
            )]
        );
        let found = legs(
            " date 2021-05 Secretary-General Ana Ruiz arrived in Kyiv on 4 May. On 5 May she went to Lviv. She returned to Kyiv that evening and left for New York the following day.",
        );
        assert_eq!(
            found[2..],
            [
                leg("Lviv", "Kyiv", "2021-05-05", &[]),
                leg("Kyiv", "New York", "2021-05-06", &[])
            ]
        );
    }

    #[test]
    fn a_paragraph_looking_back_stays_on_its_day_and_place_until_it_ends() {
        // Wednesday 13 August 2014
        let doc = Document::parse(
            "t.txt",
            " date 2014-08-13 SUVA, Fiji (AP) - Foreign Minister Ana Ruiz met President Tomas Vik in Suva on Wednesday.\n\nIn Sydney on Tuesday, Ruiz had held talks with Prime Minister Tom Olsen. She then met Jon Dahl, the leader of the opposition.\n\nRuiz also met Lena Berg, the Speaker of Parliament.".to_owned(),
        )
        .expect("doc");
        let found: Vec<(String, String, String)> = extract(&doc, Gazetteer::global())
            .meetings
            .into_iter()
            .map(|m| {
                (
                    m.date.map_or("?".to_owned(), |d| d.to_string()),
                    m.place.map_or("?".to_owned(), |p| p.name),
                    m.participants
                        .first()
                        .map_or(String::new(), |p| p.name.clone()),
                )
            })
            .collect();
        let expected = [
            ("2014-08-13", "Suva", "Tomas Vik"),
            ("2014-08-12", "Sydney", "Tom Olsen"),
            ("2014-08-12", "Sydney", "Jon Dahl"),
            ("2014-08-13", "Suva", "Lena Berg"),
        ]
        .map(|(d, p, n)| (d.to_owned(), p.to_owned(), n.to_owned()));
        assert_eq!(found, expected);
    }

    #[test]
    fn a_journey_told_looking_back_gives_the_arrival_its_origin() {
        let found = legs(
            " date 2019-03-11 Foreign Minister Ana Ruiz flew into Lima early on Sunday, 10 March. She had travelled overnight from Madrid, with a refuelling stop in Bogota.\n\nShe then boarded a military aircraft with President Tomas Vik for the flight to Cusco. They landed outside Urcos, a small town in Quispicanchi province, and toured a school.",
        );
        assert_eq!(
            found,
            [
                leg("Madrid", "Lima", "2019-03-10", &["Bogota"]),
                leg("Lima", "Cusco", "2019-03-10", &[]),
                leg("Cusco", "Urcos", "2019-03-10", &[]),
            ]
        );
    }

    #[test]
    fn today_in_a_quotation_is_the_day_it_was_said() {
        let found = meeting_days(
            " date 2019-03-11 On Sunday, 10 March, Foreign Minister Ana Ruiz toured a camp outside Cusco. \"I will never forget what I have seen today,\" Ruiz told journalists at the camp. In the evening she met President Tomas Vik.",
        );
        assert!(
            found
                .iter()
                .all(|(day, _, status)| day == "2019-03-10" && *status == Status::Completed),
            "{found:?}"
        );
        assert!(
            found.iter().any(|(_, who, _)| who == "Tomas Vik"),
            "{found:?}"
        );
    }

    #[test]
    fn a_report_returns_to_its_latest_day_after_looking_back() {
        // Wednesday 13 August 2014
        let found = legs(
            " date 2014-08-13 SUVA, Fiji (AP) - Foreign Minister Ana Ruiz arrived in Suva on Wednesday from Sydney.\n\nIn Sydney on Tuesday, Ruiz held talks with Prime Minister Tom Olsen.\n\nIn Suva, Ruiz called on President Tomas Vik. Ruiz then headed home to Lima.",
        );
        assert_eq!(
            found,
            [
                leg("Sydney", "Suva", "2014-08-13", &[]),
                leg("Suva", "Lima", "2014-08-13", &[])
            ]
        );
    }

    #[test]
    fn a_day_put_first_moves_the_story_even_before_a_journey_is_read() {
        // Sunday 7 and Monday 8 August 2011
        let found = legs(
            " date 2011-08-09 Foreign Minister Ana Ruiz arrived in Tokyo on Sunday evening from Lima. It comes a year after she attended the opening of the harbour in Osaka.\n\nEarly on Monday, Ms. Ruiz boarded the shinkansen for the ride north to Sendai City. She then drove to Natori, a coastal town hosting families evacuated from Ishinomaki. She returned to Tokyo by train that evening.",
        );
        assert_eq!(
            found,
            [
                leg("Lima", "Tokyo", "2011-08-07", &[]),
                leg("Tokyo", "Sendai", "2011-08-08", &[]),
                leg("Sendai", "Natori", "2011-08-08", &[]),
                leg("Natori", "Tokyo", "2011-08-08", &[]),
            ]
        );
    }

    #[test]
    fn this_morning_put_first_is_the_day_of_the_release() {
        let found = meeting_days(
            " date 2011-08-09 Foreign Minister Ana Ruiz arrived in Tokyo on Sunday evening from Lima.\n\nThis morning, Ms. Ruiz was received by Prime Minister Tomas Vik.",
        );
        assert!(
            found
                .iter()
                .any(|(day, who, _)| day == "2011-08-09" && who == "Tomas Vik"),
            "{found:?}"
        );
    }

    #[test]
    fn an_airport_named_with_its_city_is_in_that_city() {
        // Sunday 19 March 2023
        let found = legs(
            " date 2023-03-20 Prime Minister Ana Ruiz left Haneda Airport, Tokyo, on the night of Sunday, 19 March, and landed at Palam Air Force Station in New Delhi early this morning.",
        );
        assert_eq!(found, [leg("Tokyo", "New Delhi", "2023-03-19", &[])]);
        let places = meeting_places(
            " date 2024-02-16 Foreign Minister Ana Ruiz arrived in Addis Ababa on Thursday evening from Lima. She is in the Ethiopian capital for the summit.\n\nOn arrival at Bole International Airport, she was welcomed by the State Minister, Tomas Vik.",
        );
        assert!(
            !places.is_empty() && places.iter().all(|p| p == "Addis Ababa"),
            "{places:?}"
        );
    }

    #[test]
    fn a_readout_in_the_present_headed_by_weekdays_tells_what_was_done() {
        // Saturday 17 September 2022: Wednesday 14, Thursday 15, Friday 16
        let text = " date 2022-09-17 Readout: President Ana Ruiz in Astana and Bukhara\n\nWednesday\n\n- President Ruiz leaves Lima in the morning. Her aircraft lands in Astana in the afternoon.\n- In the evening Ruiz flies on to Bukhara, where she visits the new Silk Road Bukhara complex.\n\nThursday\n\n- Ruiz holds talks with President Tomas Vik.\n\nFriday\n\n- In the afternoon Ruiz leaves Bukhara and flies back to Lima.";
        let mut found = legs(text);
        found.sort_by(|a, b| a.2.cmp(&b.2));
        assert_eq!(
            found,
            [
                leg("Lima", "Astana", "2022-09-14", &[]),
                leg("Astana", "Bukhara", "2022-09-14", &[]),
                leg("Bukhara", "Lima", "2022-09-16", &[]),
            ]
        );
        let days = meeting_days(text);
        assert!(
            days.iter()
                .any(|(day, who, _)| day == "2022-09-15" && who == "Tomas Vik"),
            "{days:?}"
        );
    }

    #[test]
    fn a_programme_stamped_with_military_hours_is_read_as_one_with_colons() {
        let text = " date 2023-06-22 Programme: Visit of Prime Minister Ana Ruiz to Egypt (24-25 June 2023)\n\nPrime Minister Ana Ruiz will pay a visit to Egypt.\n\nFRIDAY, 23 JUNE\n2330 hrs (EDT) Emplane at Joint Base Andrews, Washington, for Cairo\n\nSATURDAY, 24 JUNE\n1430 hrs Arrival at Cairo International Airport\n1830 hrs Meeting with H.E. Dr. Tomas Vik, Grand Mufti of Egypt\n\nSUNDAY, 25 JUNE\n1845 hrs Emplane for Lima";
        let found = legs(text);
        assert!(
            found.contains(&planned_leg("Washington", "Cairo", "2023-06-23")),
            "{found:?}"
        );
        assert!(
            found.contains(&planned_leg("Cairo", "Lima", "2023-06-25")),
            "{found:?}"
        );
        let days = meeting_days(text);
        assert!(
            days.iter()
                .any(|(day, who, _)| day == "2023-06-24" && who == "Tomas Vik"),
            "{days:?}"
        );
    }

    #[test]
    fn a_lead_that_sums_up_the_visit_today_is_followed_by_the_story_from_its_start() {
        // Wednesday 18 and Thursday 19 January 2023
        let text = " date 2023-01-19 Foreign Minister Ana Ruiz concluded an official visit to the Maldives today.\n\nMinister Ruiz arrived in Male from Lima on the afternoon of Wednesday, 18 January 2023.\n\nIn the evening, Ms. Ruiz met President Tomas Vik.\n\nMinister Jon Dahl later hosted a dinner in honour of the visiting Minister.";
        let days = meeting_days(text);
        assert!(
            days.iter()
                .any(|(day, who, _)| day == "2023-01-18" && who == "Tomas Vik"),
            "{days:?}"
        );
        assert!(
            days.iter().all(|(day, _, _)| day == "2023-01-18"),
            "{days:?}"
        );
    }

    #[test]
    fn a_title_s_surname_in_a_place_names_the_traveller() {
        let text = " date 2017-12-06 Ruiz in China, day by day\n\nPremier Tomas Vik returned from a visit to Ottawa in September.\n\nOn Monday PM Ana Ruiz met Premier Vik in Beijing.";
        let met: Vec<Vec<String>> = meetings(text)
            .into_iter()
            .map(|m| m.participants.into_iter().map(|p| p.name).collect())
            .collect();
        assert_eq!(met, [vec!["Tomas Vik".to_owned()]]);
    }

    #[test]
    fn a_weekday_and_day_in_a_heading_is_the_issue_not_the_visit() {
        let text = " date 2012-01-16 Written Answers, Monday 16 January 2012: Peru\n\nThe Minister, Ana Ruiz, visited Peru on 5 and 6 January 2012. She arrived in Lima on the morning of Thursday 5 January and met President Tomas Vik.";
        assert_eq!(
            meeting_days(text),
            [("2012-01-05".into(), "Tomas Vik".into(), Status::Completed)]
        );
    }

    #[test]
    fn the_aircraft_from_somewhere_carries_the_traveller_from_there() {
        let text = " date 2023-05-07\nChancellor Ana Ruiz will meet President Tomas Vik today. The Luftwaffe Airbus from Berlin has landed in Paris. Vik welcomed Ruiz.";
        assert_eq!(legs(text), [leg("Berlin", "Paris", "2023-05-07", &[])]);
        let text = " date 2018-09-05\nPrime Minister Ana Ruiz will meet President Tomas Vik today. The Air Force 757 from Auckland landed in Apia at noon. Vik welcomed Ruiz.";
        assert_eq!(legs(text), [leg("Auckland", "Apia", "2018-09-05", &[])]);
        let text = " date 2022-02-24\nThe aircraft carrying Prime Minister Ana Ruiz and her delegation from Lima landed in Bogota on Wednesday evening.";
        assert_eq!(legs(text), [leg("Lima", "Bogota", "2022-02-23", &[])]);
    }

    #[test]
    fn an_engagement_planned_for_a_later_day_and_not_held_neither_dates_nor_counts() {
        let text = " date 2022-02-24\nPrime Minister Ana Ruiz concluded today a visit to Colombia. She arrived in Bogota on Wednesday. A meeting with business leaders, planned for the morning of Friday, 25 February, was not held. She left Bogota for Lima this evening.";
        assert_eq!(
            legs(text),
            [
                leg("?", "Bogota", "2022-02-23", &[]),
                leg("Bogota", "Lima", "2022-02-24", &[]),
            ]
        );
        assert!(meetings(text).is_empty());
    }

    #[test]
    fn a_town_that_names_an_airfield_gives_way_to_the_city_it_serves() {
        let text = " date 2025-05-07\nChancellor Ana Ruiz landed at the Villacoublay military airfield, just outside Paris, on Wednesday morning.";
        assert_eq!(legs(text), [leg("?", "Paris", "2025-05-07", &[])]);
    }

    #[test]
    fn the_head_of_state_of_a_presidency_s_release_is_its_president() {
        let text = " date 2022-06-03\nThe President of the Republic, Ana Ruiz, is today on a working visit to Russia, at the invitation of President Tomas Vik. The Head of State left Lima on Thursday evening. Her aircraft touched down in Sochi on Friday morning. She was greeted by Governor Jon Dahl and by the staff of the Embassy of Peru in Moscow.";
        assert_eq!(legs(text), [leg("Lima", "Sochi", "2022-06-02", &[])]);
        assert_eq!(meeting_places(text), ["Sochi"]);
    }

    #[test]
    fn the_presidential_couple_travels_and_the_pronouns_of_another_set_are_someone_else_s() {
        let text = " date 2016-11-02\nPresident Ana Ruiz is on a state visit to Britain. She met Prime Minister Tomas Vik today, and she spoke to the press. The presidential couple landed in London on Monday night, after a flight from Bogota. She laid a wreath on Tuesday. Minister Jon Dahl will stay on in Europe: on Friday he is expected in Brussels for talks.";
        assert_eq!(legs(text), [leg("Bogota", "London", "2016-10-31", &[])]);
        assert!(
            meeting_places(text).iter().all(|p| p == "London"),
            "{:?}",
            meeting_places(text)
        );
    }

    #[test]
    fn a_vehicle_brings_the_traveller_back_and_the_traveller_is_back() {
        let text = " date 2005-01-09\nOn Friday Secretary-General Ana Ruiz flew to Banda Aceh. A helicopter then took her to Meulaboh. The helicopter brought her back to Banda Aceh in the afternoon. On Saturday she flew to Colombo, and a helicopter took her to Galle. She was back in Colombo at dusk.";
        assert_eq!(
            legs(text),
            [
                leg("?", "Banda Aceh", "2005-01-07", &[]),
                leg("Banda Aceh", "Meulaboh", "2005-01-07", &[]),
                leg("Meulaboh", "Banda Aceh", "2005-01-07", &[]),
                leg("Banda Aceh", "Colombo", "2005-01-08", &[]),
                leg("Colombo", "Galle", "2005-01-08", &[]),
                leg("Galle", "Colombo", "2005-01-08", &[]),
            ]
        );
    }

    #[test]
    fn a_timeline_in_the_present_a_place_denied_and_an_incident_s_day() {
        let text = " date 2019-02-22 Timeline: the Crown Prince's week\n\n- Sunday 17 Feb, evening - Crown Prince Ana Ruiz lands in Islamabad from Riyadh.\n- Monday night - She leaves Islamabad, but not for Delhi. After the 14 February bombing, officials did not want the stop to look like a continuation, so she flies home to Riyadh first.\n- Friday 22 Feb, morning - In Beijing, the two hold talks.";
        assert_eq!(
            legs(text),
            [
                leg("Riyadh", "Islamabad", "2019-02-17", &[]),
                leg("Islamabad", "Riyadh", "2019-02-18", &[]),
                leg("Riyadh", "Beijing", "2019-02-22", &[]),
            ]
        );
        assert_eq!(
            meeting_days(text),
            [("2019-02-22".into(), String::new(), Status::Completed)]
        );
    }

    #[test]
    fn the_mediator_is_the_traveller() {
        let text = " date 2008-01-24\nFormer Secretary-General Ana Ruiz flew in to Nairobi on Tuesday. On Wednesday President Tomas Vik received the mediator at State House.";
        assert_eq!(
            meeting_days(text),
            [("2008-01-23".into(), "Tomas Vik".into(), Status::Completed)]
        );
    }

    #[test]
    fn another_official_on_the_way_after_a_colon_travels_alone() {
        let text = " date 2023-09-15\nSecretary-General Ana Ruiz arrived in Havana yesterday for the summit. Turning to Libya: the Relief Coordinator, Jon Dahl, is on his way to the country and is expected in Benghazi tomorrow, from where he will travel to Derna.";
        assert_eq!(legs(text), [leg("?", "Havana", "2023-09-14", &[])]);
    }

    #[test]
    fn a_plan_at_a_date_to_be_set_has_no_day() {
        let text = " date 2022-06-03\nPresident Ana Ruiz arrived in Sochi on Friday. She will go to Kyiv, at a date to be set by the two sides, to hold talks.";
        assert_eq!(
            legs(text),
            [
                leg("?", "Sochi", "2022-06-03", &[]),
                (
                    "Sochi".into(),
                    "Kyiv".into(),
                    "?".into(),
                    vec![],
                    Status::Planned
                ),
            ]
        );
    }

    #[test]
    fn a_participle_opening_a_sentence_is_no_name() {
        let text = " date 2019-05-09\nSecretary-General Ana Ruiz arrived in Quito on Monday, 6 May. Leaving Quito early on Wednesday, she travelled by road to Cuenca.";
        assert_eq!(
            legs(text),
            [
                leg("?", "Quito", "2019-05-06", &[]),
                leg("Quito", "Cuenca", "2019-05-08", &[]),
            ]
        );
    }

    #[test]
    fn the_needs_in_a_place_are_a_topic() {
        let text = " date 2019-05-09\nSecretary-General Ana Ruiz arrived in Ramallah on Monday, 6 May. Prime Minister Tomas Vik welcomed her, and the two held talks on the humanitarian needs in Gaza.";
        assert_eq!(meeting_places(text), ["Ramallah", "Ramallah"]);
    }

    #[test]
    fn the_dead_are_no_participants() {
        let text = " date 2019-05-09\nSecretary-General Ana Ruiz arrived in Ramallah on Monday, 6 May. She laid a wreath at the mausoleum of the late President Tomas Vik, then was received by President Jon Dahl.";
        let named: Vec<_> = meetings(text)
            .into_iter()
            .flat_map(|m| m.participants)
            .map(|p| p.name)
            .collect();
        assert_eq!(named, ["Jon Dahl"]);
    }

    #[test]
    fn the_day_the_visit_ended_dates_what_follows() {
        let text = " date 2004-07\nSecretary-General Ana Ruiz arrived in Khartoum on Friday, 2 July. The visit ended on Saturday, 3 July, with the signing of a communiqu\u{e9}. The Secretary-General then left for Nairobi.";
        assert_eq!(
            legs(text),
            [
                leg("?", "Khartoum", "2004-07-02", &[]),
                leg("Khartoum", "Nairobi", "2004-07-03", &[]),
            ]
        );
    }

    #[test]
    fn a_helicopter_that_took_the_traveller_makes_a_journey() {
        let text = " date 2004-07\nSecretary-General Ana Ruiz arrived in El Fasher on Thursday, 1 July. Around midday a helicopter took the Secretary-General to Kabkabiya, where she toured a clinic.";
        assert_eq!(
            legs(text),
            [
                leg("?", "El Fasher", "2004-07-01", &[]),
                leg("El Fasher", "Kabkabiya", "2004-07-01", &[]),
            ]
        );
    }

    #[test]
    fn an_airfield_of_the_city_reached_leaves_the_town_left() {
        let text = " date 2022-04-05\nPresident Ana Ruiz left Santiago on Monday morning and landed at the airfield in Buenos Aires shortly before midday.";
        assert_eq!(
            legs(text),
            [leg("Santiago", "Buenos Aires", "2022-04-04", &[])]
        );
    }

    #[test]
    fn an_air_force_base_named_before_its_city_is_the_city() {
        let text = " date 2022-11-23\nPresident Ana Ruiz departed from Air Force Base Vikberg in Pretoria on Monday, 21 November 2022, and landed in London late that night.";
        assert_eq!(legs(text), [leg("Pretoria", "London", "2022-11-21", &[])]);
    }

    #[test]
    fn a_plan_weeks_after_another_to_the_same_city_is_another_journey() {
        let text = " date 2023-02-20\nChancellor Ana Ruiz will arrive in New Delhi from Berlin on 25 February 2023. She will leave for Berlin on 26 February. She is also expected to return to New Delhi for the summit on 9 September 2023.";
        assert_eq!(
            legs(text),
            [
                planned_leg("Berlin", "New Delhi", "2023-02-25"),
                planned_leg("New Delhi", "Berlin", "2023-02-26"),
                planned_leg("Berlin", "New Delhi", "2023-09-09"),
            ]
        );
    }

    #[test]
    fn a_style_alone_stands_for_the_traveller_named_with_it() {
        let text = " date 2022-07-19\n\nJoint Statement on the occasion of the State Visit of His Highness Sheikh Ana Ruiz to France\n\nHis Highness arrived in Paris from Abu Dhabi on Sunday evening and was received by the Minister. On Monday evening, His Highness travelled by road to Versailles, where he was the guest of the President at a dinner in his honour.";
        assert_eq!(
            legs(text),
            [
                leg("Abu Dhabi", "Paris", "2022-07-17", &[]),
                leg("Paris", "Versailles", "2022-07-18", &[]),
            ]
        );
    }

    #[test]
    fn a_town_where_planes_are_changed_is_no_venue() {
        let text = " date 2018-12\nSecretary-General Ana Ruiz arrived in Buenos Aires on Thursday, 29 November. On Saturday, after attending the closing session at which leaders adopted their declaration, the Secretary-General flew to Poland, changing planes in Frankfurt.";
        assert_eq!(meeting_places(text), ["Buenos Aires"]);
    }

    #[test]
    fn a_visit_that_was_not_possible_is_no_journey() {
        let text = " date 2015-10-22\nSecretary-General Ana Ruiz arrived in Amman on Thursday. A visit to Gaza, which the Secretary-General had hoped to include, was not possible on this occasion.";
        assert_eq!(legs(text), [leg("?", "Amman", "2015-10-22", &[])]);
    }

    #[test]
    fn a_programme_concluded_in_a_city_is_where_the_next_flight_leaves() {
        let text = " date 2022-07-28\nPresident Ana Ruiz arrived in Beijing on Monday, 25 July. After concluding his programme in Beijing, the President flew to Tokyo on Tuesday afternoon.";
        assert_eq!(
            legs(text),
            [
                leg("?", "Beijing", "2022-07-25", &[]),
                leg("Beijing", "Tokyo", "2022-07-26", &[]),
            ]
        );
    }

    #[test]
    fn a_speaker_s_own_words_tell_no_engagement_and_no_place() {
        let text = " date 2022-07-28\nPresident Ana Ruiz arrived in Beijing on Monday, 25 July. \"I conveyed that we hope the summit in Bali can be a catalyst for recovery,\" the President told journalists after the talks.";
        assert_eq!(legs(text), [leg("?", "Beijing", "2022-07-25", &[])]);
        assert!(meeting_places(text).iter().all(|p| p == "Beijing"));
    }

    #[test]
    fn a_town_s_name_opening_a_monument_s_is_no_town() {
        let text = " date 2022-11-23\nPresident Ana Ruiz arrived in London on Monday, 21 November. On Tuesday, she laid a wreath at the Grave of the Unknown Warrior in Westminster Abbey.";
        assert_eq!(legs(text), [leg("?", "London", "2022-11-21", &[])]);
        assert_eq!(meeting_places(text), ["London"]);
    }

    #[test]
    fn a_weekday_after_a_lead_that_sums_up_starts_the_story_told_in_order() {
        let text = " date 2022-04-05\n\nPresident Ana Ruiz returned to Santiago on Tuesday night at the end of a two-day official visit to Argentina.\n\nShe left Santiago on Monday morning and landed in Buenos Aires shortly before midday. She was received by the Minister of Foreign Affairs, Tomas Vik.";
        assert_eq!(
            meeting_days(text),
            [("2022-04-04".into(), "Tomas Vik".into(), Status::Completed)]
        );
    }

    #[test]
    fn a_president_s_counterpart_from_elsewhere_is_the_visiting_president() {
        let text = " date 2022-04-05\n\nPresident Ana Ruiz of Chile arrived in Buenos Aires on Monday, 4 April, for a visit to Argentina.\n\nPresident Tomas Vik welcomed his Chilean counterpart to the palace with military honours. Later, the Minister of Foreign Affairs, Jon Dahl, held a meeting with his Chilean counterpart.";
        assert_eq!(
            meeting_days(text),
            [("2022-04-04".into(), "Tomas Vik".into(), Status::Completed)]
        );
    }

    #[test]
    fn the_subject_after_an_opening_phrase_is_no_title_of_the_name_before_it() {
        let text = " date 2022-07-28\n\nPresident Ana Ruiz returned home on Thursday evening after a four-day working visit to Peru and Chile.\n\nAccompanied by First Lady Maria Ana Ruiz, the President departed from Quito on Monday afternoon and arrived in Lima later that evening. The President then flew to Santiago on Wednesday, 27 July.";
        assert_eq!(
            legs(text),
            [
                leg("Quito", "Lima", "2022-07-25", &[]),
                leg("Lima", "Santiago", "2022-07-27", &[]),
            ]
        );
    }

    #[test]
    fn the_plans_told_after_an_announced_day_are_on_that_day() {
        let text = " date 2024-02-13\n\nPresident Ana Ruiz arrived in Abu Dhabi on Tuesday, 13 February, for a two-nation tour.\n\nFrom Abu Dhabi, Ruiz will fly to Cairo on Wednesday. She is expected to be welcomed at the airport by President Tomas Vik before the two leaders hold talks at the palace.";
        let days: Vec<String> = meeting_days(text).into_iter().map(|(d, _, _)| d).collect();
        assert!(!days.is_empty());
        assert!(days.iter().all(|d| d == "2024-02-14"), "{days:?}");
    }

    #[test]
    fn a_day_told_without_an_event_is_the_day_the_story_reached() {
        let text = " date 2023-01-28\n\nForeign Minister Ana Ruiz arrived back in Santiago on Friday, wrapping up a three-day visit to Peru.\n\nRuiz flew from Santiago to Lima on Tuesday. That evening she was received by Foreign Minister Jon Dahl.\n\nThe formal programme opened on Wednesday morning with an official ceremony at the palace. Later she held talks with President Tomas Vik.";
        let days = meeting_days(text);
        assert_eq!(
            days,
            [
                ("2023-01-24".into(), "Jon Dahl".into(), Status::Completed),
                ("2023-01-25".into(), "Tomas Vik".into(), Status::Completed),
            ]
        );
    }

    #[test]
    fn the_traveller_s_airbus_carries_the_traveller() {
        let text = " date 2012-10-09\n\nChancellor Ana Ruiz visited Greece on Tuesday, her first trip to the country in years.\n\nRuiz's Airbus touched down at Athens International Airport shortly after noon after a flight from Berlin.";
        assert_eq!(legs(text), [leg("Berlin", "Athens", "2012-10-09", &[])]);
    }

    #[test]
    fn a_stop_asked_about_or_left_out_of_the_trip_is_no_journey() {
        let text = " date 2014-07-18\n\nThe Secretary-General, Ana Ruiz, will travel to Amman on Sunday, 20 July. Asked whether the Secretary-General would go into Aqaba, the Spokesperson said that a visit there was not foreseen at this stage.\n\nA visit to Irbid, which had been discussed, did not form part of the trip.";
        let got = legs(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, "Amman");
    }

    #[test]
    fn a_name_after_a_is_no_unknown_place() {
        let text = " date 2021-11-01\n\nOnly hours after leaving a Group of Friends summit in Rome, Secretary-General Ana Ruiz arrived in Glasgow on Monday.";
        let origins: Vec<String> = legs(text).into_iter().map(|l| l.0).collect();
        assert!(!origins.iter().any(|o| o == "Group"), "{origins:?}");
    }

    #[test]
    fn a_later_day_in_a_relative_clause_does_not_date_a_meeting_done() {
        let text = " date 2021-11-02\n\nSecretary-General Ana Ruiz arrived in Rome on Saturday, 30 October, for the summit.\n\nOn the sidelines, she met with President Tomas Vik, whose country takes over the presidency on 1 December.";
        assert_eq!(
            meetings_with(text, "Tomas Vik"),
            [("2021-10-30".into(), "Tomas Vik".into(), Status::Completed)]
        );
    }

    #[test]
    fn a_journey_told_from_its_start_goes_to_the_place_where_stands_for() {
        let text = " date 2023-10-14\n\nForeign Minister Ana Ruiz ended a three-day tour on Saturday.\n\nThe tour began on Thursday in Baghdad, where Ruiz flew from Tehran in the morning.";
        assert_eq!(legs(text), [leg("Tehran", "Baghdad", "2023-10-12", &[])]);
    }

    #[test]
    fn a_town_s_airport_named_after_a_person_stays_in_the_town() {
        let text = " date 2023-10-13\n\nForeign Minister Ana Ruiz left Baghdad on Thursday and flew to Lebanon, landing at Beirut's Rafic Hariri International Airport late that night.";
        assert_eq!(legs(text), [leg("Baghdad", "Beirut", "2023-10-12", &[])]);
    }

    #[test]
    fn back_in_a_town_left_is_a_journey_back_to_it() {
        let text = " date 2023-01-13\n\nForeign Minister Ana Ruiz arrived in Addis Ababa on Thursday, 12 January. On Friday morning she travelled by road to Adama, where she visited a factory.\n\nBack in Addis Ababa, the Minister met President Tomas Vik before leaving for Paris in the evening.";
        assert_eq!(
            legs(text),
            [
                leg("?", "Addis Ababa", "2023-01-12", &[]),
                leg("Addis Ababa", "Adama", "2023-01-13", &[]),
                leg("Adama", "Addis Ababa", "2023-01-13", &[]),
                leg("Addis Ababa", "Paris", "2023-01-13", &[]),
            ]
        );
    }

    #[test]
    fn last_night_is_the_night_before_the_report() {
        let text = " date 2010-02-01\n\nThe Secretary-General, Ana Ruiz, arrived in Nicosia late last night on a flight from Addis Ababa. This morning she met with President Tomas Vik.";
        assert_eq!(
            legs(text),
            [leg("Addis Ababa", "Nicosia", "2010-01-31", &[])]
        );
    }

    #[test]
    fn a_name_with_the_particle_wa_is_one_name() {
        let text = " date 2010-02-01\n\nSecretary-General Ana Ruiz arrived in Addis Ababa on Sunday, 31 January, for the summit, which chose President Jon wa Dahl of Malawi as its new Chairperson.\n\nOn the sidelines, the Secretary-General met with Mr. Dahl.";
        let met: Vec<String> = meeting_days(text)
            .into_iter()
            .map(|(_, who, _)| who)
            .collect();
        assert!(met.iter().any(|w| w == "Jon wa Dahl"), "{met:?}");
    }

    #[test]
    fn a_programme_s_part_headed_by_its_day_is_on_that_day() {
        let text = " date 2022-09-05\n\nPresident Ana Ruiz arrives in Lima for a state visit\n\nPresident Ana Ruiz arrived in Lima on Sunday evening, 4 September, for a state visit to Peru.\n\nProgramme for Monday, September 5 (today)\n\nIn the morning, the President will hold talks with President Tomas Vik at the palace.";
        assert_eq!(
            meetings_with(text, "Tomas Vik"),
            [("2022-09-05".into(), "Tomas Vik".into(), Status::Planned)]
        );
    }

    #[test]
    fn the_title_told_after_two_named_goes_to_the_one_told_as_the_visitor() {
        let text = " date 2022-09-05\n\nPresident Ana Ruiz Jr. is in Lima for a state visit to Peru at the invitation of President Tomas Vik.\n\nThe President departed Quito on Sunday afternoon, 4 September, and landed in Lima in the evening. The President then met President Vik at the palace.";
        let doc = Document::parse("t.txt", text.to_owned()).expect("doc");
        let got = extract(&doc, Gazetteer::global());
        assert_eq!(
            got.traveller.map(|t| t.name).as_deref(),
            Some("Ana Ruiz Jr")
        );
        assert_eq!(legs(text), [leg("Quito", "Lima", "2022-09-04", &[])]);
    }

    #[test]
    fn a_day_in_a_since_clause_is_no_day_of_the_story() {
        let text = " date 2022-09-05\n\nPresident Ana Ruiz arrived in Lima on Sunday, 4 September, on her first trip abroad since she took the oath of office on June 30. She met President Tomas Vik.";
        let days: Vec<String> = meeting_days(text).into_iter().map(|(d, _, _)| d).collect();
        assert_eq!(days, ["2022-09-04"]);
    }

    #[test]
    fn people_a_relative_clause_moves_are_not_the_traveller() {
        let text = " date 2017-09-05\n\nForeign Minister Ana Ruiz arrived in Dhaka on Monday, 4 September. During the meeting, both sides discussed the refugees who have crossed into the Cox's Bazar district since August.";
        assert_eq!(legs(text), [leg("?", "Dhaka", "2017-09-04", &[])]);
    }

    #[test]
    fn a_visitor_who_landed_is_told_travelling() {
        let text = " date 2021-03-27\n\nLima and Quito signed a trade agreement on Saturday.\n\nForeign Minister Ana Ruiz, who landed in Lima on Friday evening, was received on Saturday by President Tomas Vik.\n\nThe deal was first announced in 2016, when President Jon Dahl travelled to Lima.";
        let doc = Document::parse("t.txt", text.to_owned()).expect("doc");
        let got = extract(&doc, Gazetteer::global());
        assert_eq!(got.traveller.map(|t| t.name).as_deref(), Some("Ana Ruiz"));
    }

    #[test]
    fn the_two_leaders_after_a_sentence_naming_one_host_are_the_traveller_and_that_host() {
        let text = " date 2018-07-24\n\nPrime Minister Ana Ruiz landed in Entebbe on Tuesday afternoon after a flight from Kigali.\n\nPresident Tomas Vik was at the foot of the steps to receive her. The two leaders then held talks at State House.";
        let met: Vec<String> = meeting_days(text)
            .into_iter()
            .map(|(_, who, _)| who)
            .collect();
        assert!(met.iter().any(|w| w == "Tomas Vik"), "{met:?}");
    }

    #[test]
    fn a_capital_s_name_opening_its_airport_s_is_the_capital() {
        let text = " date 2023-07-13\n\nPresident Ana Ruiz left Vilnius on Wednesday evening and landed at Warsaw Chopin Airport an hour later.";
        assert_eq!(legs(text), [leg("Vilnius", "Warsaw", "2023-07-12", &[])]);
    }

    #[test]
    fn park_written_first_before_a_given_name_is_a_family_name() {
        let text = " date 2023-07-13\n\nPresident Ana Ruiz arrived in Seoul on Wednesday. On Thursday she met Foreign Minister Park Jin at the ministry.";
        let met: Vec<String> = meeting_days(text)
            .into_iter()
            .map(|(_, who, _)| who)
            .collect();
        assert_eq!(met, ["Park Jin"]);
    }

    #[test]
    fn emplaned_in_a_town_for_another_leaves_the_first() {
        let text = " date 2018-07-24\n\nPrime Minister Ana Ruiz began the tour on Monday, when she emplaned in New Delhi for Kigali.";
        assert_eq!(legs(text), [leg("New Delhi", "Kigali", "2018-07-23", &[])]);
    }

    #[test]
    fn a_tour_that_will_take_another_person_somewhere_is_not_the_traveller_s() {
        let text = " date 2023-01-27\n\nPresident Ana Ruiz arrived back in Cairo on Friday after a visit to India.\n\nSecretary of State Tomas Vik is expected in Cairo on Sunday at the start of a regional tour that will also take him to Israel.";
        let got = legs(text);
        assert!(got.iter().all(|l| l.1 != "Israel"), "{got:?}");
    }

    #[test]
    fn the_first_engagement_of_the_day_is_the_traveller_s() {
        let text = " date 2017-09-05\n\nForeign Minister Ana Ruiz arrived in Lima on Sunday, 3 September.\n\nThe first engagement on Monday morning was a meeting with the Commander-in-Chief of the Defence Services, Senior General Tomas Vik.";
        assert_eq!(
            meeting_days(text),
            [("2017-09-04".into(), "Tomas Vik".into(), Status::Completed)]
        );
    }

    #[test]
    fn hosts_greeting_their_guest_welcome_the_traveller() {
        let text = " date 2023-01-27\n\nPresident Ana Ruiz arrived in Lima on Tuesday, 24 January.\n\nOn Wednesday morning, at the palace, President Tomas Vik and Prime Minister Jon Dahl greeted their guest with a ceremonial welcome.";
        let met = participants(text);
        assert!(met.contains(&"Tomas Vik".to_owned()), "{met:?}");
        assert!(met.contains(&"Jon Dahl".to_owned()), "{met:?}");
    }

    #[test]
    fn a_return_told_again_gives_the_town_and_the_day_it_left() {
        let text = " date 2023-01-28\n\nPresident Ana Ruiz arrived back in Lima on Friday, wrapping up a three-day visit to Chile.\n\nThe president left Santiago late on Thursday night and her plane touched down at Lima early on Friday morning, a spokesman said.";
        assert_eq!(legs(text), [leg("Santiago", "Lima", "2023-01-26", &[])]);
    }

    #[test]
    fn a_briefing_by_the_spokesperson_for_the_traveller_is_no_engagement_of_the_traveller() {
        // the spokesperson speaks for the traveller, and is no counterpart met
        let text = " date 2014-02-07\n\nThe following is the noon briefing by Jon Dahl, Spokesperson for Secretary-General Ana Ruiz.\n\nThe Secretary-General arrived in Lima on Wednesday. Asked about the rest of the trip, the Spokesperson said that tomorrow the Secretary-General will go to Cusco for talks with President Tomas Vik.";
        let met = participants(text);
        assert_eq!(met, ["Tomas Vik"]);
    }

    #[test]
    fn what_follows_the_session_of_a_day_looked_back_on_is_on_that_day() {
        let text = " date 2014-02-07\n\nThe Secretary-General, Ana Ruiz, is in Lima today. She arrived on Wednesday.\n\nYesterday morning, the Secretary-General addressed the session of the Committee.\n\nFollowing the session, she held a meeting with the President of the Committee, Tomas Vik.\n\nThis morning, the Secretary-General met President Jon Dahl.";
        assert_eq!(meetings_with(text, "Tomas Vik")[0].0, "2014-02-06");
        assert_eq!(meetings_with(text, "Jon Dahl")[0].0, "2014-02-07");
    }

    #[test]
    fn a_deputy_who_is_elsewhere_today_meets_people_there_not_the_traveller() {
        let text = " date 2014-02-07\n\nThe Secretary-General, Ana Ruiz, arrived in Lima on Wednesday and met President Tomas Vik.\n\nThe Deputy Secretary-General, Jon Dahl, is in Brussels today, where he met the High Representative, Lena Berg.";
        let got = legs(text);
        assert!(got.iter().all(|l| l.1 != "Brussels"), "{got:?}");
        assert!(meetings_with(text, "Lena Berg").is_empty());
    }

    #[test]
    fn a_lead_s_own_day_told_first_still_lets_the_visit_be_retold_from_its_start() {
        let text = " date 2022-09-08\n\nLima, 8 September 2022: President Ana Ruiz returned home this evening after concluding her four-day State Visit to Peru.\n\nEarlier today, the President flew from Lima to Cusco in the morning.\n\nThe visit began on Monday, 5 September. On arrival in Lima on a flight from Quito, she was received by Minister Lena Berg.\n\nThe following day President Tomas Vik received her at the palace.\n\nAt the palace the two Presidents held talks.\n\nIn the evening she called on Speaker Jon Dahl.";
        let days: Vec<String> = meeting_days(text).into_iter().map(|m| m.0).collect();
        assert_eq!(
            days,
            ["2022-09-05", "2022-09-06", "2022-09-06", "2022-09-06"]
        );
        assert_eq!(meetings_with(text, "Tomas Vik").len(), 2);
    }

    #[test]
    fn a_call_paid_on_the_traveller_and_a_joint_press_statement_are_engagements() {
        let text = " date 2022-09-08\n\nPresident Ana Ruiz arrived in Lima on Monday, 5 September.\n\nThat evening, Foreign Minister Dr. Tomas Vik called on her at her hotel.\n\nOn Tuesday, Ruiz said in her joint press statement with President Jon Dahl that ties were strong.";
        assert_eq!(
            meeting_days(text),
            [
                done("2022-09-05", "Tomas Vik"),
                done("2022-09-06", "Jon Dahl")
            ]
        );
    }

    #[test]
    fn live_updates_with_the_latest_entry_first_are_read_from_the_earliest() {
        let text = " date 2023-05-07\n\nLIVE: Prime Minister Ana Ruiz in Lima\n\nPrime Minister Ana Ruiz is in Peru for a two-day visit. Latest entries first.\n\n6:40 p.m. - The prime minister flew on to Cusco.\n\n3:30 p.m. - Talks have begun. She met President Tomas Vik at the palace.\n\n11:50 a.m. - Touchdown. Ruiz landed in Lima after a flight from Quito.";
        assert_eq!(
            legs(text),
            [
                leg("Quito", "Lima", "2023-05-07", &[]),
                leg("Lima", "Cusco", "2023-05-07", &[])
            ]
        );
        assert_eq!(meeting_places(text), ["Lima"]);
    }

    #[test]
    fn a_visit_that_returns_a_call_is_no_way_back() {
        let text = " date 2023-05-07\n\nPrime Minister Ana Ruiz landed in Lima on Sunday. The visit returns the call President Tomas Vik paid to Quito in March.";
        assert_eq!(legs(text), [leg("?", "Lima", "2023-05-07", &[])]);
    }

    #[test]
    fn an_airport_said_to_be_in_a_town_is_that_town() {
        let text = " date 2023-05-09\n\nPrime Minister Ana Ruiz landed at Lima Air Base in Callao on Sunday, 7 May. She left from Jorge Chavez Airport in Callao for Quito on Monday, 8 May.";
        assert_eq!(
            legs(text),
            [
                leg("?", "Callao", "2023-05-07", &[]),
                leg("Callao", "Quito", "2023-05-08", &[])
            ]
        );
    }

    #[test]
    fn a_trip_told_from_its_start_after_a_lead_at_its_end_goes_on_from_day_to_day() {
        let text = " date 2022-08-20\n\nSecretary-General Ana Ruiz on Saturday visited the Coordination Centre in Istanbul, at the end of a three-day trip.\n\nThe trip began on Thursday in Lviv, in western Ukraine, where the Secretary-General arrived in the morning.\n\nIn the afternoon she held talks with President Tomas Vik.\n\nOn Thursday night, Ms. Ruiz boarded a train to the coast and reached Odesa the following morning. Later that day she met Governor Jon Dahl, before leaving Odesa in the evening. She travelled overnight to Istanbul.";
        assert_eq!(
            legs(text),
            [
                leg("?", "Lviv", "2022-08-18", &[]),
                leg("Lviv", "Odesa", "2022-08-18", &[]),
                leg("Odesa", "Istanbul", "2022-08-19", &[])
            ]
        );
        assert_eq!(meetings_with(text, "Tomas Vik")[0].0, "2022-08-18");
        assert_eq!(meetings_with(text, "Jon Dahl")[0].0, "2022-08-19");
    }

    #[test]
    fn a_tour_called_off_and_a_country_that_leaves_are_no_journeys() {
        let text = " date 2020-02-03\n\nSecretary of State Ana Ruiz flew into London from Washington on Wednesday, as Britain left the European Union.\n\nThe tour was first announced for January with stops in Ukraine, Belarus and Cyprus, but Ruiz called it off days before departure.\n\nOn Saturday night she departed for Nur-Sultan. In the Kazakh capital on Sunday Ruiz met President Tomas Vik.";
        assert_eq!(
            legs(text),
            [
                leg("Washington", "London", "2020-01-29", &[]),
                leg("London", "Nur-Sultan", "2020-02-01", &[])
            ]
        );
        assert_eq!(meeting_places(text), ["Astana"]);
    }

    #[test]
    fn a_summary_of_days_labelled_by_weekday_starts_from_the_span_it_covers() {
        let text = " date 2023-09-11\n\nThe Secretary-General's travels this week\n\nA summary of the engagements of Secretary-General Ana Ruiz from Saturday, 2 September, to Sunday, 10 September.\n\nSaturday. The Secretary-General left New York in the evening for Nairobi, to take part in the Climate Summit.\n\nMonday. The Secretary-General called on President Tomas Vik at State House.\n\nTuesday. She left Nairobi for Jakarta. From Jakarta, she also issued a statement welcoming the Summit's outcome in Nairobi.\n\nWednesday. She met Minister Jon Dahl.";
        assert_eq!(
            legs(text),
            [
                leg("New York", "Nairobi", "2023-09-02", &[]),
                leg("Nairobi", "Jakarta", "2023-09-05", &[])
            ]
        );
        assert_eq!(meetings_with(text, "Tomas Vik")[0].0, "2023-09-04");
        assert_eq!(meetings_with(text, "Jon Dahl")[0].0, "2023-09-06");
    }

    #[test]
    fn a_he_after_a_sentence_about_the_host_alone_is_the_host() {
        let text = " date 2023-03-30\n\nKing Tomas Vik and Queen Consort Lena Berg landed in Berlin on Wednesday after a flight from London. President Jon Dahl was waiting at the gate.\n\nFor Dahl the day had begun much earlier. He spent the morning at the palace before heading to Potsdam.\n\nOn Thursday the King travelled by car to Hamburg.";
        assert_eq!(
            legs(text),
            [
                leg("London", "Berlin", "2023-03-29", &[]),
                leg("Berlin", "Hamburg", "2023-03-30", &[])
            ]
        );
    }

    #[test]
    fn those_around_the_table_of_a_roundtable_after_a_call_are_its_participants() {
        let text = " date 2022-11-16\n\nPresident Ana Ruiz arrived in Lima on Monday. She flew home from the Group of 20 summit on Wednesday after a day thrown off course by a blast in Chile.\n\nShe spoke by phone with President Tomas Vik, and a few hours later she convened a roundtable at her hotel in Lima with the leaders present.\n\nAround the table were Prime Minister Jon Dahl and Chancellor Lena Berg.";
        let got = legs(text);
        assert!(
            got.iter().all(|l| l.1 != "Chile" && l.0 != "Group"),
            "{got:?}"
        );
        assert_eq!(participants(text), ["Jon Dahl", "Lena Berg"]);
    }

    #[test]
    fn a_return_today_after_a_trip_during_which_much_was_done_dates_only_the_return() {
        let text = " date 2016-09-09\n\nSecretary-General Ana Ruiz returned to New York today after an eleven-day trip to Asia, during which she took part in the Summit in Hangzhou and co-chaired the Summit in Vientiane.\n\nThe Secretary-General arrived back at Headquarters.";
        let got = legs(text);
        assert!(
            got.iter()
                .all(|l| l.1 != "Hangzhou" && l.1 != "Vientiane" && l.1 != "Headquarters"),
            "{got:?}"
        );
        let days: Vec<String> = meeting_days(text).into_iter().map(|m| m.0).collect();
        assert!(days.iter().all(|d| d != "2016-09-09"), "{days:?}");
    }

    #[test]
    fn a_day_weeks_ahead_in_a_relative_clause_does_not_move_the_story() {
        let text = " date 2016-10-16\n\nSecretary-General Ana Ruiz arrived in Lima on Saturday.\n\nIn the afternoon, Ms. Ruiz held talks with President Tomas Vik on the elections, which the authorities have rescheduled for 20 November. She left Peru later that evening and flew back to New York.";
        let got = legs(text);
        assert_eq!(
            got.last().map(|l| l.2.as_str()),
            Some("2016-10-15"),
            "{got:?}"
        );
    }

    #[test]
    fn a_visit_described_as_at_someone_s_invitation_is_the_visit_announced() {
        let text = " date 2022-12-28\n\nForeign Minister Ana Ruiz will pay an official visit to Peru from 29 to 31 December 2022.\n\nThe visit to Peru is at the invitation of the Minister of Foreign Affairs of Peru, Tomas Vik.";
        assert_eq!(legs(text).len(), 1, "{:?}", legs(text));
    }

    #[test]
    fn a_release_date_over_a_place_line_dates_the_events_of_that_day() {
        let text = " date 2019-03-12\nState visit to Norway\n\nMarch 12, 2019\nOslo\n\nPresident Ana Ruiz paid a state visit to Norway. The presidential plane landed at Oslo Airport shortly after noon, where Ana Ruiz was met by Foreign Minister Jon Dahl.\n\nThe programme of the visit concluded with an official lunch given by President Tomas Vik, after which Ana Ruiz departed for Madrid.";
        let days = meeting_days(text);
        assert!(!days.is_empty(), "{days:?}");
        assert!(days.iter().all(|d| d.0 == "2019-03-12"), "{days:?}");
        let got = legs(text);
        assert!(got.iter().all(|l| l.2 == "2019-03-12"), "{got:?}");
    }

    #[test]
    fn talks_said_to_begin_statements_by_the_presidents_and_a_joint_signing_are_engagements() {
        let text = " date 2021-05-04\n\nPresident Ana Ruiz arrived in Oslo on Tuesday, 4 May. At the palace, President Tomas Vik hosted an official welcome ceremony for her.\n\nThe Spanish-Norwegian talks began in a restricted format and continued with the delegations.\n\nFollowing the talks, Ana Ruiz and Tomas Vik signed a joint statement on the partnership. The presidents then made statements for the press.";
        let kinds: Vec<(MeetingKind, Vec<String>)> = meetings(text)
            .into_iter()
            .map(|m| (m.kind, m.participants.into_iter().map(|p| p.name).collect()))
            .collect();
        let vik = vec!["Tomas Vik".to_owned()];
        for kind in [MeetingKind::Meeting, MeetingKind::Press] {
            assert!(kinds.contains(&(kind, vik.clone())), "{kind:?}: {kinds:?}");
        }
        let ceremonies = kinds
            .iter()
            .filter(|k| k.0 == MeetingKind::Ceremony && k.1 == vik)
            .count();
        assert_eq!(ceremonies, 2, "{kinds:?}");
    }

    #[test]
    fn what_the_two_sides_sign_is_no_engagement_of_the_traveller() {
        let text = " date 2021-05-04\n\nPresident Ana Ruiz arrived in Oslo on Tuesday, 4 May, and held talks with President Tomas Vik.\n\nThe two sides signed an agreement on fisheries.";
        let kinds: Vec<MeetingKind> = meetings(text).into_iter().map(|m| m.kind).collect();
        assert_eq!(kinds, vec![MeetingKind::Meeting]);
    }

    #[test]
    fn a_move_to_a_district_of_the_capital_is_no_journey() {
        let text = " date 2015-10-21\n\nPresident Ana Ruiz arrived in London on Tuesday for a state visit.\n\nIn the afternoon Ms Ruiz crossed to Westminster to address members of Parliament. On Wednesday she flew to Manchester.";
        let got = legs(text);
        let to: Vec<&str> = got.iter().map(|l| l.1.as_str()).collect();
        assert_eq!(to, vec!["London", "Manchester"], "{got:?}");
        assert_eq!(got[1].0, "London", "{got:?}");
    }

    #[test]
    fn a_video_conference_is_no_engagement_in_person() {
        let text = " date 2014-04-25\n\nPresident Ana Ruiz arrived in Seoul on Friday. From Seoul she also held a video conference with Chancellor Tomas Vik and Prime Minister Jon Dahl on sanctions.";
        assert!(participants(text).is_empty(), "{:?}", participants(text));
    }

    #[test]
    fn a_story_told_again_after_the_return_home_goes_back_to_where_the_traveller_was() {
        let text = " date 2018-10-29\nVisit to Peru\n\n1. Overview\n\n(1) From October 25 to 27, Prime Minister Ana Ruiz made an official visit to Peru.\n\n(2) On the 25th, the Prime Minister departed Madrid and arrived in Lima in the afternoon.\n\n(3) The Prime Minister left Lima on the afternoon of the 27th and returned to Madrid the same evening.\n\n2. Summit meeting\n\n(1) On the morning of the 26th, the Prime Minister held talks with President Tomas Vik.\n\n(2) In the evening, she attended a dinner hosted by President Vik.";
        let got = legs(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(
            (got[1].0.as_str(), got[1].2.as_str()),
            ("Lima", "2018-10-27")
        );
        let days = meeting_days(text);
        assert_eq!(days.len(), 2, "{days:?}");
        assert!(days.iter().all(|d| d.0 == "2018-10-26"), "{days:?}");
        assert!(
            meeting_places(text).iter().all(|p| p == "Lima"),
            "{:?}",
            meeting_places(text)
        );
    }

    #[test]
    fn a_return_told_in_the_lead_and_again_from_the_day_before_is_one_journey() {
        let text = " date 2016-09-06\n\nPrime Minister Ana Ruiz returned to Madrid early this morning after concluding her visit to Peru.\n\nThe Prime Minister departed Madrid on Friday, 2 September, and landed in Lima that evening.\n\nOn Saturday she held talks with President Tomas Vik.\n\nShe left Lima on Monday evening for Madrid.";
        let got = legs(text);
        assert_eq!(
            got,
            vec![
                leg("Madrid", "Lima", "2016-09-02", &[]),
                leg("Lima", "Madrid", "2016-09-05", &[]),
            ]
        );
    }

    #[test]
    fn someone_a_place_is_remembered_for_is_not_met_there() {
        let text = " date 2016-09-04\n\nPrime Minister Ana Ruiz arrived in Lima on Saturday. She paid homage at the mausoleum before visiting the house where President Tomas Vik lived and worked. She laid a wreath in memory of the country's founding father, Jon Dahl.";
        assert!(participants(text).is_empty(), "{:?}", participants(text));
    }

    #[test]
    fn a_trip_opened_in_a_city_arrives_there_and_a_tour_in_late_january_is_background() {
        let text = " date 2023-02-09\n\nForeign Minister Ana Ruiz ended a tour in Peru on Thursday.\n\nThe trip came two weeks after her tour of the Andes, which in late January took her to Bolivia and Ecuador.\n\nRuiz opened the trip in Santiago on Sunday, flying in from Madrid for talks with her counterpart, Tomas Vik. On Tuesday she flew to Lima.";
        let got = legs(text);
        for journey in [
            leg("Madrid", "Santiago", "2023-02-05", &[]),
            leg("Santiago", "Lima", "2023-02-07", &[]),
        ] {
            assert!(got.contains(&journey), "{journey:?}: {got:?}");
        }
        assert!(
            got.iter().all(|l| l.1 != "Bolivia" && l.1 != "Ecuador"),
            "{got:?}"
        );
    }

    #[test]
    fn a_list_after_talks_with_names_one_counterpart_an_item() {
        let text = " date 2023-09-11\n\nPresident Ana Ruiz arrived in Lima on Saturday, 9 September, for the summit.\n\nOn the margins of the Summit, the President held bilateral talks with:\n\n- Tomas Vik, President of Brazil, which will hold the presidency from 1 December;\n- Hamad bin Jassim, Prime Minister of Qatar, on Sunday 10 September;\n- Jon Dahl, Prime Minister of Norway, and, separately, Lena da Costa, President of Portugal.\n\nOn Sunday evening, the President flew to Quito.";
        let met: Vec<Vec<String>> = meetings(text)
            .into_iter()
            .filter(|m| m.kind == MeetingKind::Meeting)
            .map(|m| m.participants.into_iter().map(|p| p.name).collect())
            .collect();
        assert_eq!(
            met,
            vec![
                vec!["Tomas Vik".to_owned()],
                vec!["Hamad bin Jassim".to_owned()],
                vec!["Jon Dahl".to_owned(), "Lena da Costa".to_owned()],
            ]
        );
        let with_jassim = meetings_with(text, "Hamad bin Jassim");
        assert_eq!(with_jassim, vec![done("2023-09-10", "Hamad bin Jassim")]);
    }

    #[test]
    fn a_weekday_ahead_of_a_title_as_subject_and_its_future_is_still_to_come() {
        let text = " date 2015-10-21\n\nPresident Ana Ruiz arrived in London on Monday evening for a state visit.\n\nOn Wednesday morning Ms Ruiz held talks with Prime Minister Tomas Vik.\n\nOn Thursday the president will visit a laboratory, before being driven to Oxford for a dinner with the prime minister.";
        let got = legs(text);
        let oxford: Vec<_> = got.iter().filter(|l| l.1 == "Oxford").collect();
        assert_eq!(oxford.len(), 1, "{got:?}");
        assert_eq!(oxford[0].2, "2015-10-22");
        assert_eq!(oxford[0].4, Status::Planned);
    }

    #[test]
    fn the_day_of_the_telling_sets_no_day_and_an_arrival_yesterday_brings_the_story_there() {
        let text = " date 2012-11-20\n\nThe following is an excerpt of today's noon briefing by Jon Dahl, Spokesperson for the Secretary-General.\n\nThe Secretary-General, Ana Ruiz, left New York on Sunday evening and landed in Cairo yesterday afternoon.\n\nStraight after her arrival, she held talks with Foreign Minister Tomas Vik.";
        assert_eq!(
            meetings_with(text, "Tomas Vik"),
            vec![done("2012-11-19", "Tomas Vik")]
        );
    }

    #[test]
    fn the_time_of_an_earlier_meeting_told_in_the_pluperfect_does_not_move_this_one() {
        let text = " date 2019-06-30\n\nSecretary-General Ana Ruiz arrived in Osaka on Friday, 28 June.\n\nLater, she met with President Tomas Vik for a meeting on climate, following the one the two had held in Lima last year.";
        assert_eq!(
            meetings_with(text, "Tomas Vik"),
            vec![done("2019-06-28", "Tomas Vik")]
        );
    }

    #[test]
    fn a_date_a_day_on_told_without_an_event_moves_the_story_on() {
        let text = " date 2023-03-10\n\nRuiz in Kyiv\n\nMinister Ana Ruiz took an overnight train to Kyiv on Tuesday, 7 March. She pulled into the capital's station on the morning of Wednesday, 8 March. At midday, President Tomas Vik received her for talks.";
        let days = meeting_days(text);
        assert_eq!(
            days,
            vec![(
                "2023-03-08".to_owned(),
                "Tomas Vik".to_owned(),
                Status::Completed
            )]
        );
    }

    #[test]
    fn one_who_also_took_part_joins_the_last_talks() {
        let text = " date 2023-03-10\n\nOn Wednesday, 8 March, President Tomas Vik received Minister Ana Ruiz for talks in Kyiv. Foreign Minister Jon Dahl also took part.";
        assert_eq!(
            participants(text),
            vec!["Tomas Vik".to_owned(), "Jon Dahl".to_owned()]
        );
    }

    #[test]
    fn a_lead_that_returns_from_the_visit_is_followed_by_the_story_from_its_start() {
        let text = " date 2010-07-21\n\nSecretary-General back from Lima\n\nSecretary-General Ana Ruiz returned to Headquarters this morning from Peru, where she co-chaired the Lima Conference. She left Lima on Tuesday evening.\n\nBefore the conference opened, Ms. Ruiz sat down with President Tomas Vik at the palace.";
        let with_vik: Vec<_> = meeting_days(text)
            .into_iter()
            .filter(|m| m.1 == "Tomas Vik")
            .collect();
        assert_eq!(
            with_vik,
            vec![(
                "2010-07-20".to_owned(),
                "Tomas Vik".to_owned(),
                Status::Completed
            )]
        );
    }

    #[test]
    fn a_paragraph_opening_on_he_after_one_about_someone_else_is_the_travellers() {
        let text = " date 2024-02-06\n\nRuiz ends tour in Lima\n\nLIMA, 6 February - Foreign Minister Jon Ruiz wrapped up a regional tour on Tuesday. He held talks with President Tomas Vik.\n\nRuiz took over from Lena Berg last month. Berg visited the region three times.\n\nHe set off from Paris on Saturday, flying to Quito.";
        let found = legs(text);
        assert!(
            found.iter().any(|l| l.0 == "Paris" && l.1 == "Quito"),
            "{found:?}"
        );
    }

    #[test]
    fn the_following_morning_under_the_heading_of_the_next_day_is_that_day() {
        let text = " date 2004-07-03\n\nThe Secretary-General's travels\n\nTUESDAY, 29 JUNE\n\nSecretary-General Ana Ruiz arrived in Lima late on Tuesday evening.\n\nWEDNESDAY, 30 JUNE\n\nThe following morning, Ms. Ruiz called on President Tomas Vik at the palace.";
        assert_eq!(
            meeting_days(text),
            vec![(
                "2004-06-30".to_owned(),
                "Tomas Vik".to_owned(),
                Status::Completed
            )]
        );
    }

    #[test]
    fn the_present_in_an_item_of_a_day_past_tells_what_happened() {
        let text = " date 2022-04-10\n\nTimeline: Ruiz in Lima\n\nPrime Minister Ana Ruiz spent Saturday in Lima.\n\nFriday, 8 April\n\n- Evening: the Prime Minister leaves Quito on a small jet and lands at Lima-Callao airport.";
        let found = legs(text);
        assert!(
            found
                .iter()
                .any(|l| l.0 == "Quito" && l.1 == "Lima" && l.4 == Status::Completed),
            "{found:?}"
        );
    }

    #[test]
    fn a_numbered_day_heading_dates_its_part_under_a_release_signed_with_its_date() {
        let text = " date 2023-11-06\n\nMinister Ruiz in Norway\n\nMinistry of Foreign Affairs, \
                    November 6, 2023\n\nFrom November 3 to 5, Foreign Minister Ana Ruiz paid \
                    a visit to Norway.\n\nDay 1: Friday, November 3 (Oslo)\n\nIn the morning, \
                    Minister Ruiz left Madrid and arrived in Oslo. She held talks with Prime \
                    Minister Jon Dahl.\n\nDay 2: Saturday, November 4\n\nShe met Tomas Vik, \
                    the Speaker.\n";
        assert_eq!(
            meeting_days(text),
            [
                done("2023-11-03", "Jon Dahl"),
                done("2023-11-04", "Tomas Vik")
            ]
        );
        let found = legs(text);
        assert_eq!(
            (found[0].1.as_str(), found[0].2.as_str()),
            ("Oslo", "2023-11-03")
        );
    }

    #[test]
    fn with_him_after_a_host_and_the_traveller_s_next_deed_is_the_host() {
        let text = " date 2021-05-07\n\nRuiz in Oslo\n\nForeign Minister Ana Ruiz attended a \
                    welcome ceremony hosted by Prime Minister Jon Dahl, and then held talks with \
                    him.\n";
        assert_eq!(participants(text), ["Jon Dahl", "Jon Dahl"]);
        // the host as the subject of a clause of his own: the traveller is "him"
        let text = " date 2021-05-07\n\nRuiz in Oslo\n\nForeign Minister Ana Ruiz flew to \
                    Bergen, where Mayor Tomas Vik held talks with her.\n";
        assert_eq!(participants(text), ["Tomas Vik"]);
    }

    #[test]
    fn a_name_that_begins_like_will_announces_nothing() {
        let text = " date 2023-12-13\n\nRuiz in London\n\nLONDON, Dec. 13 - Foreign Minister \
                    Ana Ruiz held talks on Wednesday with Prime Minister Jon Dahl.\n\nRuiz \
                    landed in London on Monday afternoon.\n\nOn Tuesday, Prince William \
                    welcomed her with a ceremony at the palace.\n";
        assert_has_meeting(text, done("2023-12-12", "William"));
    }

    #[test]
    fn a_leader_s_title_alone_is_the_traveller_s_when_the_text_gives_her_none() {
        let text = " date 2024-09-03\n\nAna Ruiz's visit to Norway\n\nAna Ruiz has concluded her \
                    visit to Norway, made at the invitation of President of Norway Jon Dahl.\n\n\
                    3. Programme of September 2\n\nOn Monday, the President's aircraft touched \
                    down in Oslo. Ana Ruiz laid a wreath at the monument to Marshal of the Royal \
                    Army Tomas Vik.\n\nLate in the evening the President flew on from Oslo to \
                    Bergen.\n";
        assert_has_leg(text, ("Oslo", "Bergen", "2024-09-02"));
        assert!(participants(text).is_empty(), "{:?}", participants(text));
    }

    #[test]
    fn once_a_title_is_the_untitled_traveller_s_another_title_is_someone_else_s() {
        let text = " date 2023-04-12\n\nAna Ruiz in Bergen\n\nPrime Minister Lena Berg greeted \
                    the president at the airport in Bergen on Wednesday. Ana Ruiz then held talks \
                    with the prime minister.\n";
        assert_eq!(participants(text), ["Lena Berg", "Lena Berg"]);
    }

    #[test]
    fn an_hour_stamped_before_the_last_one_told_is_on_the_next_day() {
        let text = " date 2023-04-12\n\nRuiz in Bergen, hour by hour\n\nForeign Minister Ana Ruiz \
                    landed in Bergen shortly before 21:00 on Tuesday.\n\n09:55 - Mayor Tomas Vik \
                    arrives. Ruiz holds talks with Vik over coffee.\n\n1:30 p.m. - Ruiz meets \
                    Governor Jon Dahl at the port.\n";
        assert_eq!(
            meeting_days(text),
            [
                done("2023-04-12", "Tomas Vik"),
                done("2023-04-12", "Jon Dahl")
            ]
        );
    }

    #[test]
    fn a_heading_of_what_is_still_to_come_dates_the_part_ahead() {
        let text = " date 2023-04-12\n\nRuiz in Bergen, hour by hour\n\nForeign Minister Ana Ruiz \
                    held talks with Mayor Tomas Vik in Bergen on Wednesday.\n\nStill to come on \
                    Friday\n\nMorning: she will meet Governor Jon Dahl.\n";
        let days = meeting_days(text);
        assert_eq!(days[1].0, "2023-04-14", "{days:?}");
        assert_eq!(days[1].2, Status::Planned);
    }

    #[test]
    fn a_numbered_part_may_tell_the_visit_again_from_its_start() {
        let text = " date 2020-02-11\n\nJoint statement and account of the visit\n\nI. JOINT \
                    STATEMENT\n\nForeign Minister Ana Ruiz and Prime Minister Jon Dahl held \
                    talks in Oslo on 10 February 2020.\n\nII. THE VISIT\n\nThe official \
                    aircraft, Spain One, took off from Madrid on Saturday morning and landed in \
                    Bergen in the afternoon. On Sunday, Mayor Tomas Vik hosted the minister for \
                    lunch.\n";
        assert_has_leg(text, ("Madrid", "Bergen", "2020-02-08"));
        assert_has_meeting(text, done("2020-02-09", "Tomas Vik"));
    }

    #[test]
    fn a_lead_back_after_a_visit_sums_it_up_under_a_briefing_s_dated_title() {
        let text = " date 2008-11-03\n\nHighlights of the noon briefing, Monday, 3 November \
                    2008\n\nThe Secretary-General is back at Headquarters today after a two-day \
                    visit to Norway.\n\nSecretary-General Ana Ruiz flew into Oslo from Madrid \
                    on Friday afternoon. That evening, she held talks with Prime Minister Jon \
                    Dahl.\n";
        assert_eq!(meeting_days(text), [done("2008-10-31", "Jon Dahl")]);
    }

    #[test]
    fn a_spokesperson_s_briefing_tells_of_the_secretary_general_s_travels() {
        let text = " date 2021-11-24\n\nNoon briefing by Jon Dahl, Spokesman for the \
                    Secretary-General\n\nGood afternoon. I will start with the \
                    Secretary-General's visit to Norway. As I said, Secretary-General Ana Ruiz \
                    flew to Oslo on Monday. In Monte Alto, the Secretary-General toured a \
                    farm.\n";
        let doc = Document::parse("t.txt", text.to_owned()).expect("doc");
        let found = extract(&doc, Gazetteer::global());
        assert_eq!(found.traveller.map(|t| t.name).as_deref(), Some("Ana Ruiz"));
        assert_has_leg(text, ("?", "Oslo", "2021-11-22"));
    }

    #[test]
    fn he_after_who_reports_it_is_the_one_the_stamped_item_before_was_about() {
        let text = " date 2023-04-12\n\nRuiz in Oslo, hour by hour\n\n09:00 - Foreign Minister \
                    Ana Ruiz lands in Oslo.\n\n10:40 - Mayor Tomas Vik leaves. City Hall \
                    says he will fly to Lima in the afternoon.\n";
        let found = legs(text);
        assert!(found.iter().all(|l| l.1 != "Lima"), "{found:?}");
    }

    #[test]
    fn a_lead_in_the_present_then_the_mission_told_from_its_first_day() {
        let text = " date 2023-02-21 Mission to Lindia\n\nThe Prime Minister, Ana Ruiz, is in Kyiv today on her first visit to Ukraine since taking office.\n\nThe mission opened yesterday, Monday 20 February, in Poland. Ruiz flew from Rome to Warsaw, where Prime Minister Jon Dahl received her.\n\nAfter leaving Warsaw on Monday evening, she continued by overnight train, reaching Kyiv early on Tuesday morning. She met President Tomas Vik in the afternoon.";
        assert_eq!(
            legs(text),
            [
                leg("Rome", "Warsaw", "2023-02-20", &[]),
                leg("Warsaw", "Kyiv", "2023-02-20", &[]),
            ]
        );
        assert_has_meeting(text, done("2023-02-20", "Jon Dahl"));
        assert_has_meeting(text, done("2023-02-21", "Tomas Vik"));
        assert_eq!(meeting_places(text), ["Warsaw", "Kyiv"]);
    }

    #[test]
    fn a_joint_statement_recounting_a_state_visit() {
        let text = " date 2023-12-13 Joint Statement\n\nHANOI, 13 December - General Secretary of the Party Central Committee and President of the Republic Tomas Vik left Hanoi for Beijing on Wednesday afternoon, wrapping up a two-day state visit.\n\n1. The guest landed at Noi Bai International Airport on the afternoon of 12 December. General Secretary Jon Dahl welcomed him. The two General Secretaries then held talks at the Party headquarters.\n\n2. On the following day, he laid a wreath at the Monument to Heroes and Martyrs.\n\n3. The two sides reviewed relations since General Secretary Jon Dahl's official visit to China from 30 October to 1 November 2022, and the summit held there.";
        assert_has_leg(text, ("Hanoi", "Beijing", "2023-12-13"));
        assert!(
            legs(text).iter().all(|l| l.1 != "Monument"),
            "{:?}",
            legs(text)
        );
        assert!(
            meeting_days(text)
                .iter()
                .all(|m| m.0.starts_with("2023-12")),
            "{:?}",
            meeting_days(text)
        );
        assert_eq!(
            meetings_with(text, "Jon Dahl").len(),
            2,
            "{:?}",
            meeting_days(text)
        );
    }

    #[test]
    fn a_state_visit_spanned_in_the_title_is_told_from_its_first_day() {
        let text = " date 2014-06-16 Visit of Prime Minister to Bhutan (June 15-16, 2014)\n\nPrime Minister Ana Ruiz paid a State Visit to the Kingdom of Bhutan on 15-16 June 2014 at the invitation of the Prime Minister of Bhutan, Mr. Jon Dahl. Prime Minister Dahl had been among the guests at her swearing-in in New Delhi, and the two leaders had met there on 27 May.\n\nThe Prime Minister emplaned from New Delhi on the morning of Sunday, 15 June. Upon landing at Paro, she was received by Prime Minister Dahl. She then travelled by road to Thimphu.\n\nAt the Dzong, His Majesty King Tomas Vik accorded the Prime Minister a ceremonial welcome. She then called on His Majesty the Fourth King, Lena Berg. In the evening, His Majesty the King hosted a banquet in honour of the Prime Minister.\n\nOn Monday, 16 June, the Prime Minister addressed the National Assembly.";
        assert_eq!(
            meeting_days(text)
                .into_iter()
                .map(|m| (m.0, m.1))
                .collect::<Vec<_>>(),
            [
                ("2014-06-15".to_owned(), "Jon Dahl".to_owned()),
                ("2014-06-15".to_owned(), "Tomas Vik".to_owned()),
                ("2014-06-15".to_owned(), "Lena Berg".to_owned()),
                ("2014-06-15".to_owned(), "Tomas Vik".to_owned()),
                ("2014-06-16".to_owned(), String::new()),
            ]
        );
    }

    #[test]
    fn a_return_only_considered_is_no_journey() {
        let text = " date 2024-11-20 Summit\n\nSecretary-General Ana Ruiz arrived in Rio de Janeiro on Saturday, 16 November, after a flight from New York.\n\nHer office had looked at the possibility of a return to Baku later this week; the idea has been set aside.\n\nOn Monday she met President Tomas Vik.";
        assert_eq!(
            legs(text),
            [leg("New York", "Rio de Janeiro", "2024-11-16", &[])]
        );
        assert_eq!(meeting_places(text), ["Rio de Janeiro"]);
    }

    #[test]
    fn a_day_trip_by_helicopter_from_the_capital_told_of_an_untitled_traveller() {
        let text = " date 2019-09-16 Visit to the Bahamas, 13-14 September\n\nNASSAU, 14 September -- Ana Ruiz came to see the damage in person. The Secretary-General set off from New York early on Friday, 13 September, and landed in Nassau in the morning.\n\nFrom the airport, the Secretary-General and Dr. Vik boarded a helicopter for Marsh Harbour, on Great Abaco. Before leaving the island, she spent time with relief workers from the World Food Programme and the International Organization for Migration.\n\nBy mid-afternoon the party had flown back to Nassau by helicopter.\n\nOn Saturday morning she went to a gymnasium in Nassau, turned into a shelter for families evacuated from Abaco. She left Nassau on Saturday afternoon and returned to Headquarters in New York the same evening.";
        assert_eq!(
            legs(text),
            [
                leg("New York", "Nassau", "2019-09-13", &[]),
                leg("Nassau", "Marsh Harbour", "2019-09-13", &[]),
                leg("Marsh Harbour", "Nassau", "2019-09-13", &[]),
                leg("Nassau", "New York", "2019-09-14", &[]),
            ]
        );
    }
}
