//! Visit records to trips: a foreign leader's visit to the United States is a trip of the
//! visitor, from their country to Washington or to the places the description names, with
//! the description as the trip's summary and its meetings (with the President, when it
//! says so) read by the meeting extraction.

use std::sync::LazyLock;

use regex::Regex;

use super::locale::country_as_place;
use super::meetings::record_meetings;
use super::records::Visit;
use super::resolver::{Resolver, same_place};
use super::visitor::parse_visitor;
use crate::domain::{KeyedDraft, LegDraft, Place, Source, Status, TripDraft};
use crate::fold::fold;

/// A capitalised phrase after a word that introduces a place, or after a comma in a list
/// of places ("in New York City", "at Camp David", "visited Chicago, Boston and Houston").
static PLACE_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:\b(?:in|at|to|visited|visiting|and|near)|,)\s+(?:the\s+)?((?:[A-Z][\p{L}'’.\-]*)(?:\s+[A-Z][\p{L}'’.\-]*){0,3})",
    )
    .expect("the place phrase pattern is valid")
});

/// What may follow a place to name its state: "Crawford, Texas", "Peoria (Illinois)".
static STATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*\(([^()]+)\)|,\s*([A-Z][\p{L}.]*(?:\s+[A-Z][\p{L}.]*)?))")
        .expect("the state pattern is valid")
});

/// Words that start a capitalised phrase which is an institution or an event, not a town
/// ("at the Inter-American Development Bank", "to Congress").
const NOT_PLACES: &[&str] = &[
    "Congress",
    "Senate",
    "House",
    "White",
    "Capitol",
    "Pentagon",
    "UN",
    "U.N.",
    "United",
    "Inter-American",
    "National",
    "International",
    "President",
    "Vice",
    "Secretary",
    "Prime",
    "NATO",
    "G-20",
    "G-8",
    "Summit",
    "Conference",
];

/// What in a description says the visitor was received in the capital.
const IN_WASHINGTON: &[&str] = &[
    "washington",
    "white house",
    "congress",
    "capitol",
    "state visit",
    "official visit",
    "working visit",
    "state dinner",
    "pentagon",
];

/// The trip of a visit. The first leg (from the visitor's country) is stated by the record;
/// legs between the places of the United States it names are inferred.
pub fn visit_trip(visit: &Visit, resolver: &mut Resolver<'_>) -> KeyedDraft {
    let traveller = parse_visitor(&visit.visitor);
    let record = visit.key.to_string();
    let country = resolver.country(&visit.from, &record);
    let origin = country_as_place(&country);
    let destinations = destinations(&visit.description, resolver);
    let sentence = if visit.description.is_empty() {
        visit.visitor.clone()
    } else {
        visit.description.clone()
    };
    let source = Source {
        document: record.clone(),
        start: 0,
        end: sentence.len(),
        sentence,
    };
    let single_day = visit.start == visit.end;
    let mut legs = Vec::new();
    let mut from = origin;
    for (i, place) in destinations.iter().enumerate() {
        legs.push(LegDraft {
            origin: Some(from),
            destination: Some(place.clone()),
            via: Vec::new(),
            date: (i == 0 || single_day).then_some(visit.start),
            part_of_day: None,
            mode: None,
            status: Status::Completed,
            inferred: i > 0,
            source: Some(source.clone()),
        });
        from = place.clone();
    }
    let meetings = record_meetings(
        &visit.description,
        visit.start,
        destinations.first(),
        &traveller,
        &visit.key,
        resolver.gazetteer(),
    );
    let draft = TripDraft {
        title: Some(format!(
            "{} ({}): visit to the United States",
            visit.visitor, country.name
        )),
        summary: (!visit.description.is_empty()).then(|| visit.description.clone()),
        traveller,
        legs,
        meetings,
        sources: vec![record.clone()],
    };
    KeyedDraft::new(record, draft)
}

/// The places of the United States a visit went to, in the order the description names
/// them; Washington first when the description names none or speaks of what happens there
/// (a state or working visit, the White House, Congress); New York when it names none but
/// the General Assembly.
pub fn destinations(description: &str, resolver: &mut Resolver<'_>) -> Vec<Place> {
    let mut places: Vec<Place> = Vec::new();
    for phrase in PLACE_PHRASE
        .captures_iter(description)
        .filter_map(|c| c.get(1))
    {
        let state = STATE
            .captures(&description[phrase.end()..])
            .and_then(|c| c.get(1).or_else(|| c.get(2)))
            .map(|m| m.as_str().trim())
            .filter(|s| resolver.is_us_state(s));
        if let Some(place) = us_place(phrase.as_str(), state, resolver)
            && !places.iter().any(|p| same_place(p, &place))
        {
            places.push(place);
        }
    }
    let folded = fold(description);
    let home = resolver.home();
    let received = IN_WASHINGTON.iter().any(|signal| folded.contains(signal));
    if places.is_empty() && folded.contains("general assembly") {
        places.extend(resolver.us_place("New York City", None));
    }
    let has_home = places.iter().any(|p| same_place(p, &home));
    if (places.is_empty() || received) && !has_home {
        places.insert(0, home);
    }
    places
}

/// The longest leading run of words (at most four) of `phrase` that names a place of the
/// United States: "Crawford" in "Crawford, Texas", "New York City" in "New York City June".
/// The state, when one follows the phrase, qualifies the whole phrase only.
fn us_place(phrase: &str, state: Option<&str>, resolver: &mut Resolver<'_>) -> Option<Place> {
    let words: Vec<&str> = phrase
        .split_whitespace()
        .map(|w| w.trim_end_matches(['.', ',', ';', ':']))
        .collect();
    if words.first().is_none_or(|w| NOT_PLACES.contains(w)) {
        return None;
    }
    // a state names where the place is ("Houston, Texas"), not where the visitor went
    (1..=words.len().min(4)).rev().find_map(|n| {
        if resolver.is_us_state(&words[..n].join(" ")) {
            return None;
        }
        let qualifier = state.filter(|_| n == words.len());
        resolver.us_place(&words[..n].join(" "), qualifier)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;
    use crate::import::history_state::records::{CountryRef, RecordKey};

    fn visit(visitor: &str, description: &str) -> Visit {
        let day = chrono::NaiveDate::from_ymd_opt(2009, 2, 5).unwrap();
        Visit {
            key: RecordKey {
                file: "visits/data/2000.xml".into(),
                id: 77,
            },
            start: day,
            end: day,
            visitor: visitor.into(),
            from: CountryRef {
                slug: "canada".into(),
                name: "Canada".into(),
            },
            description: description.into(),
        }
    }

    #[test]
    fn a_visit_is_a_trip_of_the_visitor_to_washington() {
        let mut resolver = Resolver::new(Gazetteer::global());
        let keyed = visit_trip(
            &visit("Prime Minister Stephen Harper", "Working visit."),
            &mut resolver,
        );
        assert_eq!(keyed.key, "history-state/visits/data/2000.xml#77");
        let trip = keyed.draft;
        assert_eq!(trip.traveller.name, "Stephen Harper");
        assert_eq!(trip.traveller.role.as_deref(), Some("Prime Minister"));
        assert_eq!(trip.summary.as_deref(), Some("Working visit."));
        let leg = &trip.legs[0];
        assert_eq!(leg.origin.as_ref().unwrap().name, "Canada");
        assert_eq!(leg.destination.as_ref().unwrap().name, "Washington");
        assert!(
            !leg.inferred,
            "the record states where the visitor came from"
        );
        assert_eq!(trip.legs.len(), 1);
    }

    #[test]
    fn places_of_the_united_states_come_in_the_order_named() {
        let mut resolver = Resolver::new(Gazetteer::global());
        let mut names = |text: &str| -> Vec<String> {
            destinations(text, &mut resolver)
                .into_iter()
                .map(|p| p.name)
                .collect()
        };
        assert_eq!(
            names("Private visit; visited Chicago, Boston and Peoria (Illinois)."),
            ["Chicago", "Boston", "Peoria"]
        );
        assert_eq!(
            names("State visit. Afterwards visited Houston, Texas."),
            ["Washington", "Houston"]
        );
        assert_eq!(
            names("Informal visit en route to Belgrade; discussed the Opportunity Act."),
            ["Washington"],
            "small namesakes of words are not destinations"
        );
    }

    #[test]
    fn a_state_picks_the_town_of_that_state() {
        let mut resolver = Resolver::new(Gazetteer::global());
        let places = destinations("Private visit to Peoria (Illinois).", &mut resolver);
        let peoria = places.iter().find(|p| p.name == "Peoria").expect("Peoria");
        assert!((peoria.lat.unwrap() - 40.7).abs() < 0.3, "{peoria:?}");
        let none = destinations(
            "Met the President at Warm Springs (Georgia).",
            &mut resolver,
        );
        assert!(
            none.iter().all(|p| p.name != "Warm Springs"),
            "no namesake from another state: {none:?}"
        );
    }

    #[test]
    fn institutions_are_not_places() {
        let mut resolver = Resolver::new(Gazetteer::global());
        let places = destinations(
            "Addressed a joint meeting of Congress; visited the Pentagon.",
            &mut resolver,
        );
        let names: Vec<&str> = places.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, vec!["Washington"]);
    }
}
