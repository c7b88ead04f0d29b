//! Trips: the legs and meetings of one traveller, grouped into journeys across documents.
//! A document continues a trip of the same traveller when their dates meet (within a few
//! days) and they share a place; its legs then join the trip: a leg told twice is kept once,
//! and a leg announced in one document and reported done in a later one becomes done instead
//! of appearing twice. The same documents in any order give the same trips. Pure.

use chrono::{Days, NaiveDate};

use crate::domain::{LegDraft, MeetingDraft, Place, Status, Traveller, TripDraft};
use crate::extract::DocumentExtraction;
use crate::extract::story::{fill, lies_in_place, same_place};
use crate::fold::fold;
use crate::gazetteer::Gazetteer;

/// Days between two documents' dates that still make one journey.
const CONTINUITY_DAYS: u64 = 3;

/// A trip being built, with what deciding continuity needs.
struct Journey {
    traveller: Traveller,
    key: String,
    titles: Vec<Option<String>>,
    legs: Vec<LegDraft>,
    meetings: Vec<MeetingDraft>,
    sources: Vec<String>,
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
}

/// Groups the extractions of several documents into trips, deterministically: the same
/// documents in any order give the same trips, in order of traveller and date. Extractions
/// without a traveller or without anything found yield no trip.
pub fn assemble(extractions: &[DocumentExtraction]) -> Vec<TripDraft> {
    let gazetteer = Gazetteer::global();
    let pieces: Vec<&DocumentExtraction> = extractions
        .iter()
        .filter(|e| e.traveller.is_some() && !(e.legs.is_empty() && e.meetings.is_empty()))
        .collect();
    let mut pieces: Vec<(String, NaiveDate, &DocumentExtraction)> = (pieces.into_iter())
        .map(|e| (traveller_key(e), dates(e).0.unwrap_or(NaiveDate::MAX), e))
        .collect();
    pieces.sort_by(|a, b| (&a.0, a.1, &a.2.document).cmp(&(&b.0, b.1, &b.2.document)));
    let mut journeys: Vec<Journey> = Vec::new();
    for (key, _, piece) in pieces {
        // pieces come by traveller, so the traveller's journeys are the last ones
        let continued = (journeys.iter_mut().rev())
            .take_while(|j| j.key == key)
            .find(|j| continues(j, piece, gazetteer));
        match continued {
            Some(journey) => journey.absorb(piece, gazetteer),
            None => journeys.push(Journey::start(piece, key)),
        }
    }
    journeys.into_iter().map(Journey::finish).collect()
}

fn traveller_key(e: &DocumentExtraction) -> String {
    e.traveller
        .as_ref()
        .map(|t| fold(&t.name))
        .unwrap_or_default()
}

/// The first and last dates a document's legs and meetings give.
fn dates(e: &DocumentExtraction) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let all = e
        .legs
        .iter()
        .filter_map(|l| l.date)
        .chain(e.meetings.iter().filter_map(|m| m.date));
    all.fold((None, None), |(lo, hi), d| {
        (
            Some(lo.map_or(d, |l: NaiveDate| l.min(d))),
            Some(hi.map_or(d, |h: NaiveDate| h.max(d))),
        )
    })
}

/// The places a document's legs and meetings name.
fn places<'a>(legs: &'a [LegDraft], meetings: &'a [MeetingDraft]) -> Vec<&'a Place> {
    legs.iter()
        .flat_map(|l| l.origin.iter().chain(l.destination.iter()))
        .chain(meetings.iter().filter_map(|m| m.place.as_ref()))
        .collect()
}

/// A document continues a journey when their dates meet and they share a place.
fn continues(journey: &Journey, piece: &DocumentExtraction, gazetteer: &Gazetteer) -> bool {
    let (first, last) = dates(piece);
    let (Some(first), Some(last), Some(j_first), Some(j_last)) =
        (first, last, journey.first, journey.last)
    else {
        return false;
    };
    let slack = Days::new(CONTINUITY_DAYS);
    let meet = first <= j_last.checked_add_days(slack).unwrap_or(j_last)
        && last >= j_first.checked_sub_days(slack).unwrap_or(j_first);
    if !meet {
        return false;
    }
    let ours = places(&journey.legs, &journey.meetings);
    let theirs = places(&piece.legs, &piece.meetings);
    ours.iter().any(|&a| {
        theirs
            .iter()
            .any(|&b| same_place(Some(a), Some(b)) || lies_in_place(gazetteer, b, a))
    })
}

impl Journey {
    fn start(piece: &DocumentExtraction, key: String) -> Self {
        let (first, last) = dates(piece);
        Self {
            traveller: piece.traveller.clone().unwrap_or_else(|| Traveller {
                name: String::new(),
                role: None,
            }),
            key,
            titles: vec![piece.title.clone()],
            legs: piece.legs.clone(),
            meetings: piece.meetings.clone(),
            sources: vec![piece.document.clone()],
            first,
            last,
        }
    }

    /// Adds a later document's legs and meetings: a planned leg it reports done becomes
    /// that done leg; a leg or meeting told again adds only what was missing.
    fn absorb(&mut self, piece: &DocumentExtraction, gazetteer: &Gazetteer) {
        for leg in &piece.legs {
            self.add_leg(leg, gazetteer);
        }
        for meeting in &piece.meetings {
            if !self.meetings.iter().any(|m| same_meeting(m, meeting)) {
                self.meetings.push(meeting.clone());
            }
        }
        self.sources.push(piece.document.clone());
        self.titles.push(piece.title.clone());
        let (first, last) = dates(piece);
        self.first = self.first.min(first).or(first);
        self.last = self.last.max(last);
    }

    fn add_leg(&mut self, leg: &LegDraft, gazetteer: &Gazetteer) {
        if let Some(known) = self.legs.iter_mut().find(|k| same_leg(k, leg)) {
            fill(known, leg);
            return;
        }
        let done_plan = self.legs.iter_mut().find(|k| {
            k.status == Status::Planned
                && leg.status == Status::Completed
                && match (&k.destination, &leg.destination) {
                    (Some(planned), Some(done)) => {
                        same_place(Some(planned), Some(done))
                            || lies_in_place(gazetteer, done, planned)
                    }
                    _ => false,
                }
        });
        match done_plan {
            Some(planned) => *planned = leg.clone(),
            None => self.legs.push(leg.clone()),
        }
    }

    fn finish(mut self) -> TripDraft {
        sort_by_date(&mut self.legs, |l| l.date);
        sort_by_date(&mut self.meetings, |m| m.date);
        let title = match self.titles.as_slice() {
            [Some(title)] => title.clone(),
            _ => self.generated_title(),
        };
        TripDraft {
            traveller: self.traveller,
            title: Some(title),
            summary: None,
            legs: self.legs,
            meetings: self.meetings,
            sources: self.sources,
        }
    }

    /// "António Guterres in Russian Federation, Poland, Ukraine": the countries the trip goes
    /// to (leg destinations, then meeting places), as the trip's `countries` lists them; the
    /// country a first leg leaves from is where the traveller was before, not a visit.
    fn generated_title(&self) -> String {
        let mut countries: Vec<String> = Vec::new();
        let visited = self
            .legs
            .iter()
            .filter_map(|l| l.destination.as_ref())
            .chain(self.meetings.iter().filter_map(|m| m.place.as_ref()));
        for country in visited.filter_map(|p| p.country.clone()) {
            if !countries.contains(&country) {
                countries.push(country);
            }
        }
        if countries.is_empty() {
            format!("{}'s trip", self.traveller.name)
        } else {
            format!("{} in {}", self.traveller.name, countries.join(", "))
        }
    }
}

/// Two tellings of one movement: same status, same destination, a compatible origin and
/// date.
fn same_leg(a: &LegDraft, b: &LegDraft) -> bool {
    let origin = a.origin.is_none()
        || b.origin.is_none()
        || same_place(a.origin.as_ref(), b.origin.as_ref());
    let date = a.date.is_none() || b.date.is_none() || a.date == b.date;
    a.status == b.status
        && same_place(a.destination.as_ref(), b.destination.as_ref())
        && origin
        && date
}

/// Two tellings of one engagement: same kind and day, the same people named.
fn same_meeting(a: &MeetingDraft, b: &MeetingDraft) -> bool {
    let names = |m: &MeetingDraft| {
        let mut n: Vec<String> = m.participants.iter().map(|p| fold(&p.name)).collect();
        n.sort();
        n
    };
    a.kind == b.kind && a.date == b.date && !a.participants.is_empty() && names(a) == names(b)
}

/// Sorts by date, keeping the text order among items of one day and placing an undated item
/// right after the item told before it.
fn sort_by_date<T>(items: &mut Vec<T>, date: impl Fn(&T) -> Option<NaiveDate>) {
    let mut last = NaiveDate::MIN;
    let mut keyed: Vec<(NaiveDate, usize, T)> = items
        .drain(..)
        .enumerate()
        .map(|(i, item)| {
            if let Some(d) = date(&item) {
                last = d;
            }
            (last, i, item)
        })
        .collect();
    keyed.sort_by_key(|(d, i, _)| (*d, *i));
    items.extend(keyed.into_iter().map(|(_, _, item)| item));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Document;
    use crate::extract::extract;

    fn extraction(name: &str, text: &str) -> DocumentExtraction {
        let doc = Document::parse(name, text.to_owned()).expect("test document parses");
        extract(&doc, Gazetteer::global())
    }

    fn first() -> DocumentExtraction {
        extraction(
            "a.txt",
            " date 2021-05-07 Foreign Minister Ana Ruiz flew from Madrid to Lisbon on Monday, 3 May. \
             The Foreign Minister departed Lisbon on 4 May for Rabat, Morocco, from where she was \
             going to travel to Algeria.",
        )
    }

    fn second() -> DocumentExtraction {
        extraction(
            "b.txt",
            " date 2021-05-07 Minister's Visit to Morocco and Algeria, 4-6 May\n\nForeign Minister \
             Ana Ruiz left Lisbon on 4 May and reached Rabat, Morocco. On Wednesday, 5 May, she \
             continued by air from Rabat to Algiers, Algeria, where she met President Karim \
             Haddad.",
        )
    }

    #[test]
    fn documents_continuing_a_journey_make_one_trip_in_any_order() {
        let forward = assemble(&[first(), second()]);
        let backward = assemble(&[second(), first()]);
        assert_eq!(forward, backward);
        assert_eq!(forward.len(), 1, "{forward:#?}");
        let trip = &forward[0];
        assert_eq!(trip.sources, ["a.txt", "b.txt"]);
        let route: Vec<(Option<&str>, Option<&str>, Status)> = trip
            .legs
            .iter()
            .map(|l| {
                (
                    l.origin.as_ref().map(|p| p.name.as_str()),
                    l.destination.as_ref().map(|p| p.name.as_str()),
                    l.status,
                )
            })
            .collect();
        assert_eq!(
            route,
            [
                (Some("Madrid"), Some("Lisbon"), Status::Completed),
                (Some("Lisbon"), Some("Rabat"), Status::Completed),
                (Some("Rabat"), Some("Algiers"), Status::Completed),
            ]
        );
        assert_eq!(trip.meetings.len(), 1);
        assert!(
            trip.title
                .as_deref()
                .is_some_and(|t| t.starts_with("Ana Ruiz in "))
        );
    }

    #[test]
    fn unrelated_documents_stay_apart() {
        let other = extraction(
            "c.txt",
            " date 2021-09-20 Foreign Minister Ana Ruiz flew from Madrid to Tokyo on 14 September.",
        );
        let trips = assemble(&[first(), other]);
        assert_eq!(trips.len(), 2);
    }
}
