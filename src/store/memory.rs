//! The in-memory model. Readers share a read lock and never wait on each other; each write
//! holds the write lock for its whole read-modify-write, so readers see all of it or none.

use std::collections::BTreeMap;
use std::sync::RwLock;

use crate::domain::{Id, Leg, Meeting, Trip, TripDraft};

#[derive(Default)]
struct Memory {
    trips: BTreeMap<Id, Trip>,
    legs: BTreeMap<Id, Leg>,
    meetings: BTreeMap<Id, Meeting>,
    next_id: Id,
}

/// Trips, legs and meetings, shared by all handlers.
#[derive(Default)]
pub struct Store {
    memory: RwLock<Memory>,
}

impl Store {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds assembled trips with their legs and meetings, giving them ids in order.
    pub fn insert_drafts(&self, drafts: Vec<TripDraft>) {
        let mut memory = self.memory.write().unwrap_or_else(|e| e.into_inner());
        for draft in drafts {
            memory.next_id += 1;
            let trip_id = memory.next_id;
            for (seq, leg) in draft.legs.into_iter().enumerate() {
                memory.next_id += 1;
                let id = memory.next_id;
                memory.legs.insert(
                    id,
                    Leg {
                        id,
                        trip_id,
                        seq: seq as u32 + 1,
                        origin: leg.origin,
                        destination: leg.destination,
                        via: leg.via,
                        date: leg.date,
                        part_of_day: leg.part_of_day,
                        mode: leg.mode,
                        status: leg.status,
                        inferred: leg.inferred,
                        source: leg.source,
                        version: 1,
                    },
                );
            }
            for meeting in draft.meetings {
                memory.next_id += 1;
                let id = memory.next_id;
                memory.meetings.insert(
                    id,
                    Meeting {
                        id,
                        trip_id,
                        date: meeting.date,
                        part_of_day: meeting.part_of_day,
                        place: meeting.place,
                        kind: meeting.kind,
                        participants: meeting.participants,
                        summary: meeting.summary,
                        status: meeting.status,
                        source: meeting.source,
                        version: 1,
                    },
                );
            }
            let trip = Trip {
                id: trip_id,
                traveller: draft.traveller,
                title: draft.title,
                summary: draft.summary,
                start_date: None,
                end_date: None,
                countries: Vec::new(),
                leg_count: 0,
                meeting_count: 0,
                sources: draft.sources,
                version: 1,
            };
            memory.trips.insert(trip_id, trip);
        }
    }

    /// All trips, by id.
    pub fn trips(&self) -> Vec<Trip> {
        self.read().trips.values().cloned().collect()
    }

    /// All legs, by id.
    pub fn legs(&self) -> Vec<Leg> {
        self.read().legs.values().cloned().collect()
    }

    /// All meetings, by id.
    pub fn meetings(&self) -> Vec<Meeting> {
        self.read().meetings.values().cloned().collect()
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Memory> {
        self.memory.read().unwrap_or_else(|e| e.into_inner())
    }
}
