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

use std::sync::LazyLock;

use regex::Regex;

use crate::domain::{Document, LegDraft, MeetingDraft, Traveller, TripDraft};
use crate::gazetteer::Gazetteer;
use cast::{Cast, PersonId, canonical_role};
use dates::Calendar;
use people::{Form, PersonMention};
use reading::{Actor, Reading, Who};
use segment::Sentence;
use story::Story;
use traveller::Sighting;

/// What one document yields.
#[derive(Clone, Debug, PartialEq)]
pub struct DocumentExtraction {
    pub document: String,
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
            traveller: None,
            legs: Vec::new(),
            meetings: Vec::new(),
            leg_rules: Vec::new(),
            meeting_rules: Vec::new(),
            notes: vec![note.to_owned()],
        }
    }
}

/// One sentence with its person mentions.
struct Parsed {
    sentence: Sentence,
    people: Vec<PersonMention>,
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
    let parsed: Vec<Parsed> = segment::sentences(doc)
        .into_iter()
        .map(|sentence| {
            let people = people::mentions(&sentence.text, gazetteer);
            Parsed { sentence, people }
        })
        .collect();
    let mut cast = Cast::new();
    let Some(traveller) = choose_traveller(&parsed, &mut cast) else {
        return (
            DocumentExtraction::empty(doc, "no traveller found"),
            Vec::new(),
        );
    };
    cast.traveller = Some(traveller);
    cast.forget_recency();
    let mut calendar = Calendar::new(doc.published);
    for heading in parsed.iter().filter(|p| p.sentence.heading) {
        if calendar.bounds.is_none() {
            calendar.bound_by_title(&heading.sentence.text);
        }
    }
    let mut story = Story::new(doc, gazetteer, calendar, cast);
    story.trace = trace.then(Vec::new);
    story.context = context_countries(&parsed, gazetteer);
    for p in parsed.iter().filter(|p| !p.sentence.heading) {
        read_sentence(&mut story, p);
    }
    let person = story.cast.person(traveller).clone();
    let lines = story.trace.take().unwrap_or_default();
    let (legs, meetings, notes) = story.finish();
    let extraction = DocumentExtraction {
        document: doc.name.clone(),
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

/// Builds the cast from every mention and picks the traveller.
fn choose_traveller(parsed: &[Parsed], cast: &mut Cast) -> Option<PersonId> {
    let mut sightings = Vec::new();
    for p in parsed {
        for m in &p.people {
            if let Some(person) = cast.observe(m) {
                sightings.push(Sighting {
                    sentence: &p.sentence.text,
                    mention: m,
                    person,
                });
            }
        }
    }
    traveller::choose(&sightings, cast)
}

/// The ISO codes of the countries a document names, in order of first mention.
fn context_countries(parsed: &[Parsed], gazetteer: &Gazetteer) -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    for p in parsed {
        for place in places::mentions(&p.sentence.text, gazetteer, &[], &[]) {
            if let Some(code) = place.place.country_code
                && !codes.contains(&code)
            {
                codes.push(code);
            }
        }
    }
    codes
}

fn read_sentence(story: &mut Story<'_>, p: &Parsed) {
    let text = p.sentence.text.as_str();
    let actors = actors(story, text, &p.people);
    // a bare word that names nobody known ("Hatay") may still be a place
    let names: Vec<(usize, usize)> = p
        .people
        .iter()
        .filter(|m| m.name.is_some() && (!m.bare || story.cast.lookup(m).is_some()))
        .map(|m| (m.name_start, m.end))
        .collect();
    let context: Vec<&str> = story.context.iter().map(String::as_str).collect();
    let places = places::mentions(text, story.gazetteer, &context, &names);
    let mut reading = Reading {
        sentence: &p.sentence,
        text,
        dates: Vec::new(),
        places,
        actors,
    };
    let raw = dates::mentions(text);
    reading.dates = story.resolve_dates(&reading, raw);
    let companions = companions(&story.cast);
    story.read(&reading, &companions);
}

/// "he", "she", "his": the traveller. "the couple", "the delegation", "the two leaders",
/// "they": a group with the traveller.
static PRONOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?P<one>he|she|him|his|her)\b|\b(?P<own>the\s+couple|(?:the|his|her)\s+delegation|(?:the|his|her)\s+(?:official\s+|state\s+|working\s+|two-day\s+|three-day\s+)?(?:visit|trip|tour|stay|programme))\b|\b(?P<group>the\s+two\s+(?:leaders|ministers|sides|delegations|of\s+them)|both\s+(?:leaders|ministers|men|sides)|the\s+(?:leaders|ministers|visitors)|they|them)\b")
        .expect("pronoun pattern compiles")
});

fn actors(story: &mut Story<'_>, text: &str, people: &[PersonMention]) -> Vec<Actor> {
    let traveller = story.cast.traveller;
    let mut out: Vec<Actor> = Vec::new();
    for caps in PRONOUN.captures_iter(text) {
        let Some(whole) = caps.get(0) else { continue };
        let inside_name = people
            .iter()
            .any(|m| m.name.is_some() && m.start < whole.end() && whole.start() < m.end);
        if !inside_name {
            let who = if caps.name("one").is_some() {
                Who::Traveller
            } else if caps.name("own").is_some() {
                Who::Entourage
            } else {
                Who::Party
            };
            out.push(Actor {
                start: whole.start(),
                end: whole.end(),
                who,
            });
        }
    }
    for m in people {
        if out.iter().any(|a| a.start < m.end && m.start < a.end) {
            continue;
        }
        let who = match story.cast.observe(m) {
            Some(id) if Some(id) == traveller => Who::Traveller,
            Some(id) => Who::Person(id),
            None if m.bare => continue,
            None if m.form == Form::Description && describes_traveller(story, m) => Who::Traveller,
            None => Who::Nobody,
        };
        out.push(Actor {
            start: m.start,
            end: m.end,
            who,
        });
    }
    out.sort_by_key(|a| a.start);
    out
}

/// "the Indian leader" for a prime minister whose country the text never gave: a title
/// that fits the traveller's office, with a country other than the host's.
fn describes_traveller(story: &Story<'_>, mention: &PersonMention) -> bool {
    let Some(t) = story.cast.traveller else {
        return false;
    };
    let office = story.cast.office(t);
    let described = canonical_role(
        mention.role.as_deref().unwrap_or(""),
        mention.country.as_deref(),
    );
    !office.is_empty()
        && (office == described || described == "leader" && mention.country.is_some())
}

/// People who travel with the traveller (a spouse), never counterparts.
fn companions(cast: &Cast) -> Vec<PersonId> {
    (0..cast.people().len())
        .filter(|&id| {
            let office = cast.office(id);
            ["wife", "husband", "spouse"]
                .iter()
                .any(|w| office.ends_with(w))
        })
        .collect()
}

/// Groups the extractions of several documents into trips, deterministically: the same
/// documents in any order give the same trips.
pub fn assemble(extractions: &[DocumentExtraction]) -> Vec<TripDraft> {
    extractions
        .iter()
        .filter_map(|e| {
            let traveller = e.traveller.clone()?;
            Some(TripDraft {
                traveller,
                title: None,
                summary: None,
                legs: e.legs.clone(),
                meetings: e.meetings.clone(),
                sources: vec![e.document.clone()],
            })
        })
        .collect()
}

/// Meetings in a short remark whose implied subject is the traveller ("Met with Prime
/// Minister Harper. Attended the G-20 Summit."), as in records of official travel. Dates
/// default to `date`, places to `place`.
pub fn meetings_in_remark(
    _remark: &str,
    _date: chrono::NaiveDate,
    _place: Option<&crate::domain::Place>,
    _traveller: &Traveller,
    _gazetteer: &Gazetteer,
) -> Vec<MeetingDraft> {
    Vec::new()
}
