//! Secondary indexes of the in-memory model, so that a selective filter looks up its
//! candidates instead of scanning every item: ids by trip, by date (ranges), and by the
//! folded words of names, places and countries (word-prefix lookups). Candidates are then
//! checked against the whole filter, so an index only has to find a superset.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::RangeBounds;

use chrono::NaiveDate;

use super::text::{TextQuery, words};
use crate::domain::{Id, Leg, Meeting, Place, Trip};

/// Ids of the items holding each key.
#[derive(Debug)]
pub(super) struct KeyIndex<K>(BTreeMap<K, BTreeSet<Id>>);

impl<K> Default for KeyIndex<K> {
    fn default() -> Self {
        Self(BTreeMap::new())
    }
}

impl<K: Ord + Clone> KeyIndex<K> {
    fn set(&mut self, key: K, id: Id, present: bool) {
        if present {
            self.0.entry(key).or_default().insert(id);
        } else if let Some(ids) = self.0.get_mut(&key) {
            ids.remove(&id);
            if ids.is_empty() {
                self.0.remove(&key);
            }
        }
    }

    /// Ids under `key`.
    pub(super) fn get(&self, key: &K) -> BTreeSet<Id> {
        self.0.get(key).cloned().unwrap_or_default()
    }

    /// Ids under any key in `range`.
    pub(super) fn range(&self, range: impl RangeBounds<K>) -> BTreeSet<Id> {
        self.0
            .range(range)
            .flat_map(|(_, ids)| ids.iter().copied())
            .collect()
    }
}

/// Ids of the items whose text holds each folded word.
#[derive(Debug, Default)]
pub(super) struct WordIndex(KeyIndex<String>);

impl WordIndex {
    fn set(&mut self, id: Id, texts: &[String], present: bool) {
        for word in texts.iter().flat_map(|t| words(t)) {
            self.0.set(word, id, present);
        }
    }

    /// Ids holding, for each word of `query`, a word that starts with it.
    pub(super) fn lookup(&self, query: &TextQuery) -> BTreeSet<Id> {
        let mut found: Option<BTreeSet<Id>> = None;
        for word in query.words() {
            let ids: BTreeSet<Id> = (self.0)
                .0
                .range(word.clone()..)
                .take_while(|(key, _)| key.starts_with(word.as_str()))
                .flat_map(|(_, ids)| ids.iter().copied())
                .collect();
            found = Some(match found {
                None => ids,
                Some(so_far) => so_far.intersection(&ids).copied().collect(),
            });
        }
        found.unwrap_or_default()
    }
}

/// The texts a filter searches, one per value (one participant, one place), shared by the
/// indexes and by the final check of each candidate.
pub(super) mod texts {
    use super::{Leg, Meeting, Place, Trip};

    /// A place's name.
    pub fn place_names<'a>(places: impl IntoIterator<Item = &'a Place>) -> Vec<String> {
        places.into_iter().map(|p| p.name.clone()).collect()
    }

    /// A place's country, by name and ISO code.
    pub fn place_countries<'a>(places: impl IntoIterator<Item = &'a Place>) -> Vec<String> {
        places
            .into_iter()
            .filter(|p| p.country.is_some() || p.country_code.is_some())
            .map(|p| {
                let name = p.country.as_deref().unwrap_or_default();
                format!("{name} {}", p.country_code.as_deref().unwrap_or_default())
            })
            .collect()
    }

    /// Trip: the traveller's name and role.
    pub fn traveller(trip: &Trip) -> Vec<String> {
        let role = trip.traveller.role.as_deref().unwrap_or_default();
        vec![format!("{} {role}", trip.traveller.name)]
    }

    /// Trip: everything `q` searches.
    pub fn trip_text(trip: &Trip) -> Vec<String> {
        let mut texts = traveller(trip);
        texts.extend(trip.title.iter().chain(&trip.summary).cloned());
        texts.extend(trip.countries.iter().cloned());
        texts.extend(trip.sources.iter().cloned());
        vec![texts.join(" ")]
    }

    /// Leg: origin, destination and stopovers.
    pub fn leg_places(leg: &Leg) -> Vec<&Place> {
        leg.origin
            .iter()
            .chain(&leg.destination)
            .chain(&leg.via)
            .collect()
    }

    /// Meeting: each participant's name and role.
    pub fn participants(meeting: &Meeting) -> Vec<String> {
        meeting
            .participants
            .iter()
            .map(|p| format!("{} {}", p.name, p.role.as_deref().unwrap_or_default()))
            .collect()
    }

    /// Meeting: where it took place, and the countries its participants represent.
    pub fn meeting_countries(meeting: &Meeting) -> Vec<String> {
        let mut texts = place_countries(&meeting.place);
        texts.extend(
            meeting
                .participants
                .iter()
                .filter_map(|p| p.country.clone()),
        );
        texts
    }

    /// Meeting: everything `q` searches.
    pub fn meeting_text(meeting: &Meeting) -> Vec<String> {
        let mut texts = participants(meeting);
        texts.extend(meeting_countries(meeting));
        texts.extend(place_names(&meeting.place));
        texts.extend(meeting.summary.iter().cloned());
        texts.extend(meeting.source.iter().map(|s| s.sentence.clone()));
        vec![texts.join(" ")]
    }
}

/// The days a trip covers, inclusive; a trip with only one of its dates covers that day.
pub(super) fn trip_span(trip: &Trip) -> Option<(NaiveDate, NaiveDate)> {
    let start = trip.start_date.or(trip.end_date)?;
    Some((start, trip.end_date.unwrap_or(start)))
}

/// Indexes over trips.
#[derive(Debug, Default)]
pub(super) struct TripIndex {
    pub start: KeyIndex<NaiveDate>,
    pub end: KeyIndex<NaiveDate>,
    pub traveller: WordIndex,
    pub country: WordIndex,
    pub text: WordIndex,
}

impl TripIndex {
    pub(super) fn set(&mut self, trip: &Trip, present: bool) {
        let id = trip.id;
        if let Some((start, end)) = trip_span(trip) {
            self.start.set(start, id, present);
            self.end.set(end, id, present);
        }
        self.traveller.set(id, &texts::traveller(trip), present);
        self.country.set(id, &trip.countries, present);
        self.text.set(id, &texts::trip_text(trip), present);
    }
}

/// Indexes over legs.
#[derive(Debug, Default)]
pub(super) struct LegIndex {
    pub trip: KeyIndex<Id>,
    pub date: KeyIndex<NaiveDate>,
    pub place: WordIndex,
    pub country: WordIndex,
}

impl LegIndex {
    pub(super) fn set(&mut self, leg: &Leg, present: bool) {
        let id = leg.id;
        self.trip.set(leg.trip_id, id, present);
        if let Some(date) = leg.date {
            self.date.set(date, id, present);
        }
        let places = texts::leg_places(leg);
        self.place
            .set(id, &texts::place_names(places.clone()), present);
        self.country
            .set(id, &texts::place_countries(places), present);
    }
}

/// Indexes over meetings.
#[derive(Debug, Default)]
pub(super) struct MeetingIndex {
    pub trip: KeyIndex<Id>,
    pub date: KeyIndex<NaiveDate>,
    pub participant: WordIndex,
    pub place: WordIndex,
    pub country: WordIndex,
    pub text: WordIndex,
}

impl MeetingIndex {
    pub(super) fn set(&mut self, meeting: &Meeting, present: bool) {
        let id = meeting.id;
        self.trip.set(meeting.trip_id, id, present);
        if let Some(date) = meeting.date {
            self.date.set(date, id, present);
        }
        self.participant
            .set(id, &texts::participants(meeting), present);
        self.place
            .set(id, &texts::place_names(&meeting.place), present);
        self.country
            .set(id, &texts::meeting_countries(meeting), present);
        self.text.set(id, &texts::meeting_text(meeting), present);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lookups_match_prefixes_of_every_query_word() {
        let mut index = WordIndex::default();
        index.set(1, &["Sergey Lavrov".into()], true);
        index.set(2, &["Vladimir Putin".into()], true);
        index.set(3, &["Sergey Shoigu".into()], true);
        let lookup = |index: &WordIndex, q: &str| index.lookup(&TextQuery::parse(q).unwrap());
        assert_eq!(lookup(&index, "sergey"), BTreeSet::from([1, 3]));
        assert_eq!(lookup(&index, "serg lav"), BTreeSet::from([1]));
        assert!(lookup(&index, "lavrova").is_empty());
        index.set(1, &["Sergey Lavrov".into()], false);
        assert_eq!(lookup(&index, "sergey"), BTreeSet::from([3]));
    }

    #[test]
    fn date_ranges_are_inclusive() {
        let mut index = KeyIndex::default();
        let day = |d| NaiveDate::from_ymd_opt(2022, 4, d).unwrap();
        for (id, d) in [(1, 24), (2, 25), (3, 26), (4, 27)] {
            index.set(day(d), id, true);
        }
        assert_eq!(index.range(day(25)..=day(26)), BTreeSet::from([2, 3]));
    }
}
