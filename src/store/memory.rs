//! The in-memory model. Readers share a read lock and never wait on each other; each write
//! holds the write lock for its whole read-modify-write, so readers see all of it or none.

use std::collections::BTreeMap;
use std::sync::RwLock;

use crate::domain::{Id, Leg, LegDraft, Meeting, MeetingDraft, Trip, TripDraft};

mod keyed;

pub use keyed::Upserted;

#[derive(Default)]
struct Memory {
    trips: BTreeMap<Id, Trip>,
    legs: BTreeMap<Id, Leg>,
    meetings: BTreeMap<Id, Meeting>,
    next_id: Id,
    /// Import key → what was loaded under it (see `keyed`).
    keyed: BTreeMap<String, keyed::Loaded>,
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
        let mut memory = self.write();
        for draft in drafts {
            memory.insert_trip(draft);
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

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, Memory> {
        self.memory.write().unwrap_or_else(|e| e.into_inner())
    }
}

impl Memory {
    fn next_id(&mut self) -> Id {
        self.next_id += 1;
        self.next_id
    }

    /// Inserts a trip with its legs and meetings; returns the trip's id.
    fn insert_trip(&mut self, draft: TripDraft) -> Id {
        let trip_id = self.next_id();
        let (leg_ids, meeting_ids) = self.insert_items(trip_id, 0, draft.legs, draft.meetings);
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
        self.trips.insert(trip_id, trip);
        self.refresh_trip(trip_id, &leg_ids, &meeting_ids);
        trip_id
    }

    /// Adds legs (numbered after `first_seq`) and meetings to a trip; returns their ids.
    fn insert_items(
        &mut self,
        trip_id: Id,
        first_seq: u32,
        legs: Vec<LegDraft>,
        meetings: Vec<MeetingDraft>,
    ) -> (Vec<Id>, Vec<Id>) {
        let mut leg_ids = Vec::with_capacity(legs.len());
        for (seq, leg) in (first_seq + 1..).zip(legs) {
            let id = self.next_id();
            self.legs.insert(id, leg_from_draft(id, trip_id, seq, leg));
            leg_ids.push(id);
        }
        let mut meeting_ids = Vec::with_capacity(meetings.len());
        for meeting in meetings {
            let id = self.next_id();
            self.meetings
                .insert(id, meeting_from_draft(id, trip_id, meeting));
            meeting_ids.push(id);
        }
        (leg_ids, meeting_ids)
    }

    /// Recomputes a trip's dates, countries and counts from the legs and meetings given,
    /// which are all of its items.
    fn refresh_trip(&mut self, trip_id: Id, leg_ids: &[Id], meeting_ids: &[Id]) {
        let legs: Vec<&Leg> = leg_ids.iter().filter_map(|id| self.legs.get(id)).collect();
        let meetings: Vec<&Meeting> = meeting_ids
            .iter()
            .filter_map(|id| self.meetings.get(id))
            .collect();
        let mut dates = legs
            .iter()
            .filter_map(|l| l.date)
            .chain(meetings.iter().filter_map(|m| m.date));
        let first = dates.next();
        let (start, end) = dates.fold((first, first), |(lo, hi), d| {
            (lo.map(|lo| lo.min(d)), hi.map(|hi| hi.max(d)))
        });
        let mut countries: Vec<String> = Vec::new();
        let visited = legs[..legs.len() - usize::from(returns_home(&legs))]
            .iter()
            .filter_map(|l| l.destination.as_ref())
            .chain(meetings.iter().filter_map(|m| m.place.as_ref()))
            .filter_map(|p| p.country.clone());
        for country in visited {
            if !countries.contains(&country) {
                countries.push(country);
            }
        }
        let (leg_count, meeting_count) = (legs.len(), meetings.len());
        if let Some(trip) = self.trips.get_mut(&trip_id) {
            trip.start_date = start;
            trip.end_date = end;
            trip.countries = countries;
            trip.leg_count = leg_count;
            trip.meeting_count = meeting_count;
        }
    }
}

/// True when the last leg goes back to the country the first leg left from: that country
/// is home, not a country visited.
fn returns_home(legs: &[&Leg]) -> bool {
    let country = |place: Option<&crate::domain::Place>| place.and_then(|p| p.country_code.clone());
    match (legs.first(), legs.last()) {
        (Some(first), Some(last)) if legs.len() > 1 => {
            let home = country(first.origin.as_ref());
            home.is_some() && home == country(last.destination.as_ref())
        }
        _ => false,
    }
}

fn leg_from_draft(id: Id, trip_id: Id, seq: u32, leg: LegDraft) -> Leg {
    Leg {
        id,
        trip_id,
        seq,
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
    }
}

fn meeting_from_draft(id: Id, trip_id: Id, meeting: MeetingDraft) -> Meeting {
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
    }
}
