//! Travel records to trips. A record is one stop; the same stop recorded under two ids is
//! merged; consecutive stops of one traveller form a trip while no more than one blank day
//! separates them; legs between stops are inferred and marked so.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::countries::reading_order;
use super::meetings::record_meetings;
use super::records::{RecordKey, Stop};
use super::resolver::{Resolver, same_place};
use crate::domain::{KeyedDraft, LegDraft, Place, Source, Status, TripDraft};
use crate::fold::fold;
use crate::import::report::Duplicate;

/// Blank days allowed between two stops of one trip: a day with no stop recorded is most
/// often a long flight between them (the records date stops, not flights); two or more
/// blank days mean the traveller went home in between.
pub const MAX_BLANK_DAYS: i64 = 1;

/// A stop, with the records of the same stop merged into it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergedStop {
    pub stop: Stop,
    /// Other records of the same traveller, dates, country and locale.
    pub duplicates: Vec<Stop>,
}

/// Merges records of the same stop: same traveller and role, same dates, same country and
/// same locale. The record with the lowest id is kept; the others' remarks, when they say
/// something else, still yield meetings (under their own ids).
pub fn merge_duplicates(mut stops: Vec<Stop>) -> (Vec<MergedStop>, Vec<Duplicate>) {
    stops.sort_by_key(|s| s.key.id);
    let mut index: BTreeMap<(String, String, NaiveDate, NaiveDate, String, String), usize> =
        BTreeMap::new();
    let mut merged: Vec<MergedStop> = Vec::new();
    let mut duplicates = Vec::new();
    for stop in stops {
        let identity = (
            stop.who.clone(),
            stop.traveller.role.clone().unwrap_or_default(),
            stop.start,
            stop.end,
            stop.country.slug.clone(),
            fold(&stop.locale),
        );
        match index.get(&identity) {
            Some(&i) => {
                duplicates.push(Duplicate {
                    kept: merged[i].stop.key.to_string(),
                    merged: stop.key.to_string(),
                });
                merged[i].duplicates.push(stop);
            }
            None => {
                index.insert(identity, merged.len());
                merged.push(MergedStop {
                    stop,
                    duplicates: Vec::new(),
                });
            }
        }
    }
    (merged, duplicates)
}

/// Groups stops into trips: per traveller and role, in date order, a new trip starting
/// when more than [`MAX_BLANK_DAYS`] separate a stop from everything before it.
pub fn group_trips(stops: Vec<MergedStop>) -> Vec<Vec<MergedStop>> {
    let mut by_traveller: BTreeMap<(String, String), Vec<MergedStop>> = BTreeMap::new();
    for stop in stops {
        let who = (
            stop.stop.who.clone(),
            stop.stop.traveller.role.clone().unwrap_or_default(),
        );
        by_traveller.entry(who).or_default().push(stop);
    }
    let mut trips = Vec::new();
    for mut stops in by_traveller.into_values() {
        stops.sort_by_key(|s| (s.stop.start, s.stop.key.id));
        let mut current: Vec<MergedStop> = Vec::new();
        let mut reached = NaiveDate::MIN;
        for stop in stops {
            let blank_days = (stop.stop.start - reached).num_days() - 1;
            if !current.is_empty() && blank_days > MAX_BLANK_DAYS {
                trips.push(std::mem::take(&mut current));
            }
            reached = if current.is_empty() {
                stop.stop.end
            } else {
                reached.max(stop.stop.end)
            };
            current.push(stop);
        }
        if !current.is_empty() {
            trips.push(current);
        }
    }
    trips
}

/// The trip of a group of stops: an inferred leg from home to the first place, between
/// consecutive places (the places of one locale are taken in the order written), and back
/// home after the last; the meetings of every stop's remarks. Keyed by the first record.
pub fn travel_trip(stops: &[MergedStop], resolver: &mut Resolver<'_>) -> Option<KeyedDraft> {
    let first = &stops.first()?.stop;
    let traveller = first.traveller.clone();
    let home = resolver.home();
    let mut here = Some(home.clone());
    let mut legs = Vec::new();
    let mut meetings = Vec::new();
    let mut countries: Vec<String> = Vec::new();
    for merged in stops {
        let stop = &merged.stop;
        let places = resolver.stop_places(stop);
        for (i, place) in places.iter().enumerate() {
            let date = (i == 0 || stop.start == stop.end).then_some(stop.start);
            if let Some(from) = here.as_ref().filter(|from| !same_place(from, place)) {
                legs.push(inferred_leg(from, place, date, stop));
            }
            here = Some(place.clone());
            push_unique(&mut countries, place.country.clone());
        }
        let said = |s: &Stop| fold(&s.remarks) != fold(&stop.remarks);
        for record in std::iter::once(stop).chain(merged.duplicates.iter().filter(|s| said(s))) {
            meetings.extend(record_meetings(
                &record.remarks,
                stop.start,
                places.first(),
                &traveller,
                &record.key,
                resolver.gazetteer(),
            ));
        }
    }
    let last = &stops.last()?.stop;
    let end = stops.iter().map(|s| s.stop.end).max().unwrap_or(last.end);
    if let Some(from) = here.filter(|from| from.country_code != home.country_code) {
        legs.push(inferred_leg(&from, &home, Some(end), last));
    }
    let draft = TripDraft {
        title: Some(format!("{}: {}", traveller.name, countries.join(", "))),
        summary: summary(stops),
        traveller,
        legs,
        meetings,
        sources: sources(stops),
    };
    Some(KeyedDraft::new(first.key.to_string(), draft))
}

fn inferred_leg(from: &Place, to: &Place, date: Option<NaiveDate>, stop: &Stop) -> LegDraft {
    let sentence = if stop.locale.is_empty() {
        stop.country.name.clone()
    } else {
        stop.locale.clone()
    };
    LegDraft {
        origin: Some(from.clone()),
        destination: Some(to.clone()),
        via: Vec::new(),
        date,
        part_of_day: None,
        mode: None,
        status: Status::Completed,
        inferred: true,
        source: Some(Source {
            document: stop.key.to_string(),
            end: sentence.len(),
            sentence,
            start: 0,
        }),
    }
}

fn push_unique(list: &mut Vec<String>, item: Option<String>) {
    if let Some(item) = item
        && !list.contains(&item)
    {
        list.push(item);
    }
}

/// "London (United Kingdom): Met with ... Strasbourg (France): Attended ...".
fn summary(stops: &[MergedStop]) -> Option<String> {
    let parts: Vec<String> = stops
        .iter()
        .map(|m| &m.stop)
        .filter(|s| !s.remarks.is_empty())
        .map(|s| (s, reading_order(&s.country.name)))
        .map(|(s, country)| match s.locale.as_str() {
            "" => format!("{country}: {}", s.remarks),
            locale => format!("{locale} ({country}): {}", s.remarks),
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

fn sources(stops: &[MergedStop]) -> Vec<String> {
    let mut keys: Vec<&RecordKey> = stops
        .iter()
        .flat_map(|m| std::iter::once(&m.stop).chain(&m.duplicates))
        .map(|s| &s.key)
        .collect();
    keys.sort();
    keys.iter().map(|k| k.to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Traveller;
    use crate::gazetteer::Gazetteer;
    use crate::import::history_state::records::CountryRef;

    fn stop(id: u64, start: (u32, u32), end: (u32, u32), country: &str, locale: &str) -> Stop {
        let day = |(m, d): (u32, u32)| NaiveDate::from_ymd_opt(2009, m, d).unwrap();
        Stop {
            key: RecordKey {
                file: "travels/president-travels/doe-john.xml".into(),
                id,
            },
            who: "doe-john".into(),
            traveller: Traveller {
                name: "John Doe".into(),
                role: Some("President".into()),
            },
            start: day(start),
            end: day(end),
            country: CountryRef {
                slug: fold(country).replace(' ', "-"),
                name: country.into(),
            },
            locale: locale.into(),
            remarks: String::new(),
        }
    }

    #[test]
    fn the_same_stop_under_two_ids_is_merged() {
        let (stops, duplicates) = merge_duplicates(vec![
            stop(9, (3, 15), (3, 17), "Japan", "Tokyo"),
            stop(4, (3, 15), (3, 17), "Japan", "Tokyo"),
            stop(5, (3, 17), (3, 18), "Japan", "Osaka"),
        ]);
        assert_eq!(stops.len(), 2);
        assert_eq!(stops[0].stop.key.id, 4);
        assert_eq!(stops[0].duplicates[0].key.id, 9);
        assert_eq!(duplicates.len(), 1);
        assert!(duplicates[0].merged.ends_with("#9"));
    }

    #[test]
    fn stops_split_into_trips_after_more_than_one_blank_day() {
        let (stops, _) = merge_duplicates(vec![
            stop(1, (3, 31), (4, 3), "United Kingdom", "London"),
            stop(2, (4, 3), (4, 4), "France", "Strasbourg"),
            stop(3, (4, 6), (4, 6), "Turkey", "Ankara"),
            stop(4, (4, 9), (4, 9), "Iraq", "Baghdad"),
        ]);
        let trips = group_trips(stops);
        let ids: Vec<Vec<u64>> = trips
            .iter()
            .map(|t| t.iter().map(|s| s.stop.key.id).collect())
            .collect();
        assert_eq!(ids, vec![vec![1, 2, 3], vec![4]]);
    }

    #[test]
    fn legs_run_from_home_through_every_place_and_back() {
        let (stops, _) = merge_duplicates(vec![
            stop(1, (3, 31), (4, 3), "United Kingdom", "London"),
            stop(2, (4, 3), (4, 4), "Germany", "Baden-Baden, Kehl"),
        ]);
        let mut resolver = Resolver::new(Gazetteer::global());
        let trip = travel_trip(&stops, &mut resolver).unwrap().draft;
        let route: Vec<(String, String, Option<NaiveDate>)> = trip
            .legs
            .iter()
            .map(|l| {
                (
                    l.origin.clone().unwrap().name,
                    l.destination.clone().unwrap().name,
                    l.date,
                )
            })
            .collect();
        let day = |m, d| NaiveDate::from_ymd_opt(2009, m, d);
        assert_eq!(
            route,
            vec![
                ("Washington".into(), "London".into(), day(3, 31)),
                ("London".into(), "Baden-Baden".into(), day(4, 3)),
                ("Baden-Baden".into(), "Kehl".into(), None),
                ("Kehl".into(), "Washington".into(), day(4, 4)),
            ]
        );
        assert!(trip.legs.iter().all(|l| l.inferred));
        assert_eq!(
            trip.legs[2].source.as_ref().unwrap().document,
            "history-state/travels/president-travels/doe-john.xml#2"
        );
        assert_eq!(
            trip.title.as_deref(),
            Some("John Doe: United Kingdom, Germany")
        );
    }
}
