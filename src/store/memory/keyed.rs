//! Keyed loading: trips imported from records are kept under their import key with the hash
//! of their content, so that loading the same records again adds nothing and a changed
//! record replaces what it produced before — except what a user curated (items edited
//! through the API, and items created through it), which stays as the user left it.

use super::Store;
use crate::domain::{Id, KeyedDraft};

/// What was loaded under one key.
#[derive(Clone, Debug)]
pub(in crate::store) struct Loaded {
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
    /// Loads keyed drafts in one write (readers see all of it or none): a new key inserts
    /// its trip, a known key with the same hash changes nothing, a known key with another
    /// hash replaces the trip's uncurated legs and meetings (and the trip's own fields unless
    /// a user edited the trip).
    pub fn upsert_keyed(&self, drafts: Vec<KeyedDraft>) -> Upserted {
        let mut memory = self.write();
        let mut counts = Upserted::default();
        for keyed in drafts {
            let trip_id = match memory.keyed.get(&keyed.key).cloned() {
                Some(loaded) if loaded.hash == keyed.hash => {
                    counts.unchanged += 1;
                    continue;
                }
                Some(loaded) if memory.trips.contains_key(&loaded.trip_id) => {
                    let effect = memory.plan_replace_draft(loaded.trip_id, keyed.draft);
                    memory.apply(effect);
                    counts.updated += 1;
                    loaded.trip_id
                }
                _ => {
                    let effect = memory.plan_drafts(vec![keyed.draft]);
                    let Some(trip_id) = effect.trips.first().map(|s| s.trip.id) else {
                        continue;
                    };
                    memory.apply(effect);
                    counts.inserted += 1;
                    trip_id
                }
            };
            let loaded = Loaded {
                hash: keyed.hash,
                trip_id,
            };
            memory.keyed.insert(keyed.key, loaded);
        }
        counts
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
