//! Places visited: destinations of legs and places of meetings, with coordinates and counts.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

use crate::domain::{Id, Leg, Meeting, Place};
use crate::fold::fold;

use super::slug;

/// A place the travellers went to.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct VisitedPlace {
    /// Stable identifier from the name and country code (`moscow-ru`).
    pub id: String,
    pub name: String,
    pub country: Option<String>,
    pub country_code: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// Number of distinct trips that reached the place or held a meeting there.
    pub visit_count: usize,
    /// Legs arriving there.
    pub arrival_count: usize,
    /// Meetings held there.
    pub meeting_count: usize,
    pub first_visit: Option<NaiveDate>,
    pub last_visit: Option<NaiveDate>,
}

struct Tally {
    place: VisitedPlace,
    trips: Vec<Id>,
}

fn place_id(place: &Place) -> String {
    match &place.country_code {
        Some(code) => format!("{}-{}", slug(&place.name), code.to_ascii_lowercase()),
        None => slug(&place.name),
    }
}

fn tally<'a>(tallies: &'a mut BTreeMap<String, Tally>, place: &Place) -> &'a mut Tally {
    tallies.entry(place_id(place)).or_insert_with(|| Tally {
        place: VisitedPlace {
            id: place_id(place),
            name: place.name.clone(),
            country: place.country.clone(),
            country_code: place.country_code.clone(),
            lat: place.lat,
            lon: place.lon,
            visit_count: 0,
            arrival_count: 0,
            meeting_count: 0,
            first_visit: None,
            last_visit: None,
        },
        trips: Vec::new(),
    })
}

fn record(tally: &mut Tally, trip_id: Id, date: Option<NaiveDate>) {
    if !tally.trips.contains(&trip_id) {
        tally.trips.push(trip_id);
    }
    if let Some(date) = date {
        let place = &mut tally.place;
        place.first_visit = Some(place.first_visit.map_or(date, |d| d.min(date)));
        place.last_visit = Some(place.last_visit.map_or(date, |d| d.max(date)));
    }
}

/// Places reached by `legs` or hosting `meetings`, sorted by name.
pub fn places(legs: &[Leg], meetings: &[Meeting]) -> Vec<VisitedPlace> {
    let mut tallies = BTreeMap::new();
    for leg in legs {
        if let Some(destination) = &leg.destination {
            let entry = tally(&mut tallies, destination);
            entry.place.arrival_count += 1;
            record(entry, leg.trip_id, leg.date);
        }
    }
    for meeting in meetings {
        if let Some(place) = &meeting.place {
            let entry = tally(&mut tallies, place);
            entry.place.meeting_count += 1;
            record(entry, meeting.trip_id, meeting.date);
        }
    }
    let mut places: Vec<VisitedPlace> = tallies
        .into_values()
        .map(|Tally { mut place, trips }| {
            place.visit_count = trips.len();
            place
        })
        .collect();
    places.sort_by(|a, b| {
        fold(&a.name)
            .cmp(&fold(&b.name))
            .then_with(|| a.id.cmp(&b.id))
    });
    places
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixtures;

    #[test]
    fn arrivals_and_meetings_count_towards_one_visit_per_trip() {
        let oslo = fixtures::place("Oslo", "Norway", 59.91, 10.75);
        let legs = [fixtures::leg(1, None, Some(oslo))];
        let meetings = [fixtures::meeting(
            2,
            chrono::NaiveDate::from_ymd_opt(2021, 6, 2),
            &[],
        )];
        let places = places(&legs, &meetings);
        assert_eq!(places.len(), 1);
        assert_eq!(places[0].name, "Oslo");
        assert_eq!(
            (
                places[0].visit_count,
                places[0].arrival_count,
                places[0].meeting_count
            ),
            (1, 1, 1)
        );
        assert_eq!(
            places[0].first_visit,
            chrono::NaiveDate::from_ymd_opt(2021, 6, 1)
        );
    }
}
