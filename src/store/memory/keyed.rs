//! Keyed loading: trips imported from records are kept under their import key with the hash
//! of their content, so that loading the same records again adds nothing and a changed
//! record replaces what it produced before — except what a user curated (edited items, and
//! items created through the API), which stays as the user left it.

use super::{Memory, Store};
use crate::domain::{Id, KeyedDraft};

/// What was loaded under one key.
#[derive(Clone, Debug)]
pub(super) struct Loaded {
    hash: String,
    trip_id: Id,
}

/// How a keyed load went: drafts new to the store, drafts that replaced an older version,
/// and drafts already present unchanged.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Upserted {
    pub inserted: usize,
    pub updated: usize,
    pub unchanged: usize,
}

impl Store {
    /// Loads keyed drafts in one write: a new key inserts its trip, a known key with the same
    /// hash changes nothing, a known key with another hash replaces the trip's uncurated
    /// legs and meetings (and the trip's own fields unless the trip was edited).
    pub fn upsert_keyed(&self, drafts: Vec<KeyedDraft>) -> Upserted {
        let mut memory = self.write();
        let mut counts = Upserted::default();
        for keyed in drafts {
            match memory.keyed.get(&keyed.key).cloned() {
                Some(loaded) if loaded.hash == keyed.hash => counts.unchanged += 1,
                Some(loaded) if memory.trips.contains_key(&loaded.trip_id) => {
                    memory.replace(loaded.trip_id, &keyed);
                    memory.keyed.insert(
                        keyed.key,
                        Loaded {
                            hash: keyed.hash,
                            trip_id: loaded.trip_id,
                        },
                    );
                    counts.updated += 1;
                }
                _ => {
                    let trip_id = memory.insert_trip(keyed.draft);
                    memory.keyed.insert(
                        keyed.key,
                        Loaded {
                            hash: keyed.hash,
                            trip_id,
                        },
                    );
                    counts.inserted += 1;
                }
            }
        }
        counts
    }
}

impl Memory {
    /// Replaces the uncurated content of a trip with a new draft of it. An item is curated
    /// when it has been edited (version above 1) or was not read from a source.
    fn replace(&mut self, trip_id: Id, keyed: &KeyedDraft) {
        let draft = keyed.draft.clone();
        if let Some(trip) = self.trips.get_mut(&trip_id)
            && trip.version == 1
        {
            trip.traveller = draft.traveller;
            trip.title = draft.title;
            trip.summary = draft.summary;
            trip.sources = draft.sources;
        }
        let curated = |version: i64, sourced: bool| version > 1 || !sourced;
        self.legs
            .retain(|_, l| l.trip_id != trip_id || curated(l.version, l.source.is_some()));
        self.meetings
            .retain(|_, m| m.trip_id != trip_id || curated(m.version, m.source.is_some()));
        let kept_legs: Vec<Id> = self.legs_of(trip_id);
        let last_seq = kept_legs
            .iter()
            .filter_map(|id| self.legs.get(id))
            .map(|l| l.seq)
            .max()
            .unwrap_or(0);
        let (mut leg_ids, mut meeting_ids) =
            self.insert_items(trip_id, last_seq, draft.legs, draft.meetings);
        leg_ids.extend(kept_legs);
        leg_ids.sort_unstable();
        meeting_ids.extend(
            self.meetings
                .values()
                .filter(|m| m.trip_id == trip_id && !meeting_ids.contains(&m.id))
                .map(|m| m.id)
                .collect::<Vec<_>>(),
        );
        meeting_ids.sort_unstable();
        self.refresh_trip(trip_id, &leg_ids, &meeting_ids);
    }

    fn legs_of(&self, trip_id: Id) -> Vec<Id> {
        self.legs
            .values()
            .filter(|l| l.trip_id == trip_id)
            .map(|l| l.id)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{LegDraft, Place, Source, Status, Traveller, TripDraft};

    fn draft(destination: &str) -> KeyedDraft {
        let leg = LegDraft {
            origin: Some(Place::named("Washington")),
            destination: Some(Place::named(destination)),
            via: Vec::new(),
            date: chrono::NaiveDate::from_ymd_opt(2009, 4, 1),
            part_of_day: None,
            mode: None,
            status: Status::Completed,
            inferred: true,
            source: Some(Source {
                document: "set/a.xml#1".into(),
                sentence: destination.into(),
                start: 0,
                end: destination.len(),
            }),
        };
        KeyedDraft::new(
            "set/a.xml#1",
            TripDraft {
                traveller: Traveller {
                    name: "Jane Doe".into(),
                    role: None,
                },
                title: None,
                summary: None,
                legs: vec![leg],
                meetings: Vec::new(),
                sources: vec!["set/a.xml#1".into()],
            },
        )
    }

    #[test]
    fn loading_twice_adds_nothing_and_a_change_replaces_in_place() {
        let store = Store::new();
        let first = store.upsert_keyed(vec![draft("London")]);
        assert_eq!(first.inserted, 1);
        let again = store.upsert_keyed(vec![draft("London")]);
        assert_eq!((again.inserted, again.unchanged), (0, 1));
        assert_eq!(store.legs().len(), 1);
        let trip_id = store.trips()[0].id;
        let changed = store.upsert_keyed(vec![draft("Paris")]);
        assert_eq!(changed.updated, 1);
        let legs = store.legs();
        assert_eq!(legs.len(), 1);
        assert_eq!(legs[0].trip_id, trip_id, "the trip keeps its id");
        assert_eq!(legs[0].destination.as_ref().unwrap().name, "Paris");
    }
}
