//! The in-memory model and the [`Store`] every handler shares. Readers share a read lock and
//! never wait on each other; a write holds the write lock for its whole read-modify-write
//! (plan, then apply), so a reader sees all of it or none of it. Nothing here awaits.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{RwLock, RwLockReadGuard, RwLockWriteGuard};

use serde_json::Value;

use super::ChangeSet;
use super::StoreError;
use super::StoredDocument;
use super::index::{LegIndex, MeetingIndex, TripIndex};
use super::order::derive_trip;
use super::order::{Event, chronological};
use super::plan::{DatePins, Effect, Precondition, TripState};
use super::query::{
    Day, LegFilter, Listing, MeetingFilter, Page, TimelineFilter, TripDetail, TripFilter,
};
use super::sql::Backend;
use crate::domain::{Id, Leg, Meeting, NewLeg, NewMeeting, NewTrip, Trip, TripDraft};

mod durable;
mod keyed;

pub use durable::{DocumentError, Ingested};
pub use keyed::Upserted;

/// Trips, legs and meetings with their indexes. Ids come from one sequence shared by the
/// three kinds.
#[derive(Debug, Default)]
pub(super) struct Memory {
    pub trips: BTreeMap<Id, Trip>,
    pub pins: BTreeMap<Id, DatePins>,
    pub legs: BTreeMap<Id, Leg>,
    pub meetings: BTreeMap<Id, Meeting>,
    pub next_id: Id,
    pub revision: u64,
    /// Items a user created or edited through the API.
    pub curated: BTreeSet<Id>,
    /// Documents as stored (empty without a durable backend).
    pub documents: BTreeMap<Id, StoredDocument>,
    /// Import key → what was loaded under it (see `keyed`).
    pub keyed: BTreeMap<String, keyed::Loaded>,
    pub trip_index: TripIndex,
    pub leg_index: LegIndex,
    pub meeting_index: MeetingIndex,
}

impl Memory {
    pub(super) fn trip(&self, id: Id) -> Result<&Trip, StoreError> {
        self.trips
            .get(&id)
            .ok_or(StoreError::Missing { kind: "trip", id })
    }

    pub(super) fn leg(&self, id: Id) -> Result<&Leg, StoreError> {
        self.legs
            .get(&id)
            .ok_or(StoreError::Missing { kind: "leg", id })
    }

    pub(super) fn meeting(&self, id: Id) -> Result<&Meeting, StoreError> {
        (self.meetings.get(&id)).ok_or(StoreError::Missing {
            kind: "meeting",
            id,
        })
    }

    /// The legs of a trip, in `seq` order.
    pub(super) fn legs_of(&self, trip_id: Id) -> Vec<&Leg> {
        let ids = self.leg_index.trip.get(&trip_id);
        let mut legs: Vec<&Leg> = ids.iter().filter_map(|id| self.legs.get(id)).collect();
        legs.sort_by_key(|leg| (leg.seq, leg.id));
        legs
    }

    /// The meetings of a trip, in chronological order.
    pub(super) fn meetings_of(&self, trip_id: Id) -> Vec<&Meeting> {
        let ids = self.meeting_index.trip.get(&trip_id);
        let mut events: Vec<Event<'_>> = (ids.iter())
            .filter_map(|id| self.meetings.get(id).map(Event::Meeting))
            .collect();
        chronological(&mut events);
        events
            .into_iter()
            .filter_map(|e| match e {
                Event::Meeting(meeting) => Some(meeting),
                Event::Leg(_) => None,
            })
            .collect()
    }

    /// Applies a planned effect: removals, then after-images, keeping every index in step.
    fn apply(&mut self, effect: Effect) {
        for id in &effect.removed_legs {
            self.remove_leg(*id);
        }
        for id in &effect.removed_meetings {
            self.remove_meeting(*id);
        }
        for id in &effect.removed_trips {
            if let Some(old) = self.trips.remove(id) {
                self.trip_index.set(&old, false);
            }
            self.pins.remove(id);
        }
        for leg in effect.legs {
            self.remove_leg(leg.id);
            self.leg_index.set(&leg, true);
            self.legs.insert(leg.id, leg);
        }
        for meeting in effect.meetings {
            self.remove_meeting(meeting.id);
            self.meeting_index.set(&meeting, true);
            self.meetings.insert(meeting.id, meeting);
        }
        for state in effect.trips {
            let id = state.trip.id;
            if let Some(old) = self.trips.remove(&id) {
                self.trip_index.set(&old, false);
            }
            self.trip_index.set(&state.trip, true);
            self.trips.insert(id, state.trip);
            self.pins.insert(id, state.pins);
        }
        for id in effect.removed_trips.iter().chain(&effect.removed_legs) {
            self.curated.remove(id);
        }
        for id in &effect.removed_meetings {
            self.curated.remove(id);
        }
        self.curated.extend(effect.curated);
        self.next_id = self.next_id.max(effect.next_id);
        self.revision += 1;
    }

    /// Recomputes the derived fields of trip `id` from the model, keeping its version.
    fn rederive(&mut self, id: Id) {
        self.derive(id, true);
    }

    /// [`Memory::rederive`]; `indexed` tells whether the trip as it stands is in the
    /// indexes (a trip put in whole by [`Memory::put_trips`] is not yet).
    fn derive(&mut self, id: Id, indexed: bool) {
        let Some(mut trip) = self.trips.get(&id).cloned() else {
            return;
        };
        let pins = self.pins.get(&id).copied().unwrap_or_default();
        derive_trip(&mut trip, pins, &self.legs_of(id), &self.meetings_of(id));
        if indexed && let Some(old) = self.trips.get(&id) {
            self.trip_index.set(old, false);
        }
        self.trip_index.set(&trip, true);
        self.trips.insert(id, trip);
    }

    /// Puts in trips as a backend holds them, replacing ours, without indexing them: their
    /// derived fields are not known yet (see [`Memory::derive`]).
    fn put_trips(&mut self, trips: Vec<TripState>) {
        for TripState { trip, pins } in trips {
            let id = trip.id;
            if let Some(old) = self.trips.insert(id, trip) {
                self.trip_index.set(&old, false);
            }
            self.pins.insert(id, pins);
        }
    }

    fn remove_leg(&mut self, id: Id) {
        if let Some(old) = self.legs.remove(&id) {
            self.leg_index.set(&old, false);
        }
    }

    fn remove_meeting(&mut self, id: Id) {
        if let Some(old) = self.meetings.remove(&id) {
            self.meeting_index.set(&old, false);
        }
    }
}

/// Trips, legs and meetings, shared by all handlers; with a durable backend, writes go to
/// the database first and reach memory after their commit.
#[derive(Debug, Default)]
pub struct Store {
    memory: RwLock<Memory>,
    durable: Option<durable::Durable>,
}

/// Reads.
impl Store {
    /// An empty store in memory only: its writes are lost when the process ends.
    pub fn new() -> Self {
        Self::default()
    }

    /// A store over a durable backend, loaded with everything the database holds. Writes go
    /// to the database first and are acknowledged after their commit.
    pub async fn open(backend: Backend) -> Result<Self, StoreError> {
        let store = Self {
            memory: RwLock::default(),
            durable: Some(durable::Durable::new(backend)),
        };
        if let Some(durable) = &store.durable {
            durable.reload(&store).await?;
        }
        Ok(store)
    }

    /// The durable backend, if any.
    pub fn backend(&self) -> Option<&Backend> {
        self.durable.as_ref().map(|d| d.backend())
    }

    /// The trip `id`; `Missing` when there is none.
    pub fn trip(&self, id: Id) -> Result<Trip, StoreError> {
        self.read().trip(id).cloned()
    }

    /// The trip `id` with its legs and meetings in order.
    pub fn trip_detail(&self, id: Id) -> Result<TripDetail, StoreError> {
        let memory = self.read();
        Ok(TripDetail {
            trip: memory.trip(id)?.clone(),
            legs: memory.legs_of(id).into_iter().cloned().collect(),
            meetings: memory.meetings_of(id).into_iter().cloned().collect(),
        })
    }

    /// The legs of trip `id` in `seq` order; `Missing` when the trip does not exist.
    pub fn trip_legs(&self, id: Id) -> Result<Vec<Leg>, StoreError> {
        let memory = self.read();
        memory.trip(id)?;
        Ok(memory.legs_of(id).into_iter().cloned().collect())
    }

    /// The meetings of trip `id` in chronological order; `Missing` when the trip does not
    /// exist.
    pub fn trip_meetings(&self, id: Id) -> Result<Vec<Meeting>, StoreError> {
        let memory = self.read();
        memory.trip(id)?;
        Ok(memory.meetings_of(id).into_iter().cloned().collect())
    }

    /// The leg `id`.
    pub fn leg(&self, id: Id) -> Result<Leg, StoreError> {
        self.read().leg(id).cloned()
    }

    /// The meeting `id`.
    pub fn meeting(&self, id: Id) -> Result<Meeting, StoreError> {
        self.read().meeting(id).cloned()
    }

    /// One page of the trips matching `filter`, and how many match.
    pub fn list_trips(&self, filter: &TripFilter, page: &Page) -> Listing<Trip> {
        self.read().list_trips(filter, page)
    }

    /// One page of the legs matching `filter`, and how many match.
    pub fn list_legs(&self, filter: &LegFilter, page: &Page) -> Listing<Leg> {
        self.read().list_legs(filter, page)
    }

    /// One page of the meetings matching `filter`, and how many match.
    pub fn list_meetings(&self, filter: &MeetingFilter, page: &Page) -> Listing<Meeting> {
        self.read().list_meetings(filter, page)
    }

    /// One page of the days with dated legs or meetings matching `filter`.
    pub fn timeline(&self, filter: &TimelineFilter, page: &Page) -> Listing<Day> {
        self.read().timeline(filter, page)
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

    /// How many changes have been applied since the store was created.
    pub fn revision(&self) -> u64 {
        self.read().revision
    }

    fn read(&self) -> RwLockReadGuard<'_, Memory> {
        // a panic while holding the lock cannot leave a half-applied effect: `apply` does
        // not panic, so the data behind a poisoned lock is still whole
        self.memory.read().unwrap_or_else(|e| e.into_inner())
    }

    fn write(&self) -> RwLockWriteGuard<'_, Memory> {
        self.memory.write().unwrap_or_else(|e| e.into_inner())
    }
}

/// Writes. Every write goes through [`Store::commit`]; see the `store` module documentation
/// for how a durable backend joins in.
impl Store {
    /// Runs one write: plans it against the current model and applies the effect. In memory
    /// only, it holds the write lock throughout; with a durable backend, the effect is
    /// committed to the database between planning and applying (see `durable`). Nothing
    /// changes when planning or committing fails.
    async fn commit<T>(
        &self,
        plan: impl Fn(&Memory) -> Result<(Effect, T), StoreError>,
    ) -> Result<T, StoreError> {
        if let Some(durable) = &self.durable {
            return durable.commit(self, plan).await;
        }
        let mut memory = self.write();
        let (effect, written) = plan(&memory)?;
        memory.apply(effect);
        Ok(written)
    }

    /// Applies an effect planned elsewhere (loaded from a database, or written by another
    /// instance). Fails with `Conflict` when the model moved since it was planned.
    pub fn apply(&self, effect: Effect) -> Result<(), StoreError> {
        let mut memory = self.write();
        if effect.base_revision != memory.revision {
            return Err(StoreError::Conflict(format!(
                "the effect was planned at revision {} but the store is at {}",
                effect.base_revision, memory.revision
            )));
        }
        memory.apply(effect);
        Ok(())
    }

    /// Applies what a durable backend committed (a write read back, a poll of its change
    /// log, the start-up snapshot): items as they are now, and ids removed. The trips touched
    /// get their derived fields recomputed from the model; pinned dates are kept.
    pub fn apply_changes(&self, changes: &ChangeSet) {
        self.apply_owned_changes(changes.clone());
    }

    /// [`Store::apply_changes`], taking the changes over rather than copying them.
    pub(super) fn apply_owned_changes(&self, changes: ChangeSet) {
        let mut memory = self.write();
        let ids = (changes.trips.iter().map(|t| t.trip.id))
            .chain(changes.legs.iter().map(|l| l.id))
            .chain(changes.meetings.iter().map(|m| m.id));
        let next_id = ids.fold(memory.next_id.max(changes.next_id), Id::max);
        let put: BTreeSet<Id> = changes.trips.iter().map(|t| t.trip.id).collect();
        let touched: BTreeSet<Id> = (changes.legs.iter().map(|l| l.trip_id))
            .chain(changes.meetings.iter().map(|m| m.trip_id))
            .chain(
                changes
                    .removed_legs
                    .iter()
                    .filter_map(|id| memory.legs.get(id).map(|l| l.trip_id)),
            )
            .chain(
                changes
                    .removed_meetings
                    .iter()
                    .filter_map(|id| memory.meetings.get(id).map(|m| m.trip_id)),
            )
            .filter(|id| !put.contains(id))
            .collect();
        let effect = Effect {
            trips: Vec::new(),
            legs: changes.legs,
            meetings: changes.meetings,
            removed_trips: changes.removed_trips,
            removed_legs: changes.removed_legs,
            removed_meetings: changes.removed_meetings,
            curated: Vec::new(),
            next_id,
            base_revision: memory.revision,
        };
        memory.apply(effect);
        // trips taken whole are derived and indexed once, the others they touched again
        memory.put_trips(changes.trips);
        for &id in &put {
            memory.derive(id, false);
        }
        for id in touched {
            memory.rederive(id);
        }
        for id in &changes.removed_documents {
            memory.documents.remove(id);
        }
        for document in changes.documents {
            memory.documents.insert(document.id, document);
        }
    }

    /// Adds assembled trips with their legs and meetings, giving them ids in order (trip,
    /// its legs, its meetings; then the next trip). Returns the effect applied.
    pub fn insert_drafts(&self, drafts: Vec<TripDraft>) -> Effect {
        let mut memory = self.write();
        let effect = memory.plan_drafts(drafts);
        memory.apply(effect.clone());
        effect
    }

    /// Creates a trip.
    pub async fn create_trip(&self, new: NewTrip) -> Result<Trip, StoreError> {
        self.commit(|m| m.plan_create_trip(new.clone())).await
    }

    /// Replaces the writable fields of trip `id`. A date sent back unchanged from what the
    /// trip showed as derived stays derived.
    pub async fn replace_trip(
        &self,
        id: Id,
        new: NewTrip,
        pre: &Precondition,
    ) -> Result<Trip, StoreError> {
        self.commit(|m| m.plan_replace_trip(id, new.clone(), pre))
            .await
    }

    /// Applies a JSON merge patch (RFC 7396) to trip `id`; the result is validated like a
    /// full body (`Invalid` names each bad field).
    pub async fn patch_trip(
        &self,
        id: Id,
        patch: &Value,
        pre: &Precondition,
    ) -> Result<Trip, StoreError> {
        self.commit(|m| m.plan_patch_trip(id, patch, pre)).await
    }

    /// Deletes trip `id` with its legs and meetings.
    pub async fn delete_trip(&self, id: Id, pre: &Precondition) -> Result<(), StoreError> {
        self.commit(|m| Ok((m.plan_delete_trip(id, pre)?, ())))
            .await
    }

    /// Creates a leg; `UnknownTrip` when its trip does not exist.
    pub async fn create_leg(&self, new: NewLeg) -> Result<Leg, StoreError> {
        self.commit(|m| m.plan_create_leg(new.clone())).await
    }

    /// Replaces leg `id` (it may move to another trip or position).
    pub async fn replace_leg(
        &self,
        id: Id,
        new: NewLeg,
        pre: &Precondition,
    ) -> Result<Leg, StoreError> {
        self.commit(|m| m.plan_replace_leg(id, new.clone(), pre))
            .await
    }

    /// Applies a JSON merge patch to leg `id`.
    pub async fn patch_leg(
        &self,
        id: Id,
        patch: &Value,
        pre: &Precondition,
    ) -> Result<Leg, StoreError> {
        self.commit(|m| m.plan_patch_leg(id, patch, pre)).await
    }

    /// Deletes leg `id`; the legs after it move up.
    pub async fn delete_leg(&self, id: Id, pre: &Precondition) -> Result<(), StoreError> {
        self.commit(|m| Ok((m.plan_delete_leg(id, pre)?, ()))).await
    }

    /// Creates a meeting; `UnknownTrip` when its trip does not exist.
    pub async fn create_meeting(&self, new: NewMeeting) -> Result<Meeting, StoreError> {
        self.commit(|m| m.plan_create_meeting(new.clone())).await
    }

    /// Replaces meeting `id`.
    pub async fn replace_meeting(
        &self,
        id: Id,
        new: NewMeeting,
        pre: &Precondition,
    ) -> Result<Meeting, StoreError> {
        self.commit(|m| m.plan_replace_meeting(id, new.clone(), pre))
            .await
    }

    /// Applies a JSON merge patch to meeting `id`.
    pub async fn patch_meeting(
        &self,
        id: Id,
        patch: &Value,
        pre: &Precondition,
    ) -> Result<Meeting, StoreError> {
        self.commit(|m| m.plan_patch_meeting(id, patch, pre)).await
    }

    /// Deletes meeting `id`.
    pub async fn delete_meeting(&self, id: Id, pre: &Precondition) -> Result<(), StoreError> {
        self.commit(|m| Ok((m.plan_delete_meeting(id, pre)?, ())))
            .await
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::domain::{KeyedDraft, LegDraft, Participant, Place, Source, Status, Traveller};
    use crate::store::TextQuery;

    fn new_trip(name: &str) -> NewTrip {
        NewTrip {
            traveller: Traveller {
                name: name.into(),
                role: None,
            },
            ..NewTrip::default()
        }
    }

    fn new_meeting(trip_id: Id, who: &str) -> NewMeeting {
        NewMeeting {
            trip_id,
            participants: vec![Participant {
                name: who.into(),
                role: None,
                country: None,
            }],
            ..NewMeeting::default()
        }
    }

    fn with_participant(store: &Store, who: &str) -> Vec<Id> {
        let filter = MeetingFilter {
            participant: Some(TextQuery::parse(who).unwrap()),
            ..MeetingFilter::default()
        };
        let listing = store.list_meetings(&filter, &Page::default());
        listing.items.iter().map(|m| m.id).collect()
    }

    #[tokio::test]
    async fn indexes_follow_every_write() {
        let store = Store::new();
        let trip = store.create_trip(new_trip("Ana")).await.unwrap();
        let meeting = store
            .create_meeting(new_meeting(trip.id, "Jan Nowak"))
            .await
            .unwrap();
        assert_eq!(with_participant(&store, "nowak"), [meeting.id]);
        let patch = json!({"participants": [{"name": "Olga Kowalska"}]});
        store
            .patch_meeting(meeting.id, &patch, &Precondition::Always)
            .await
            .unwrap();
        assert!(with_participant(&store, "nowak").is_empty());
        assert_eq!(with_participant(&store, "kowalska"), [meeting.id]);
        store
            .delete_trip(trip.id, &Precondition::Always)
            .await
            .unwrap();
        assert!(with_participant(&store, "kowalska").is_empty());
        assert!(matches!(
            store.meeting(meeting.id),
            Err(StoreError::Missing { .. })
        ));
    }

    #[tokio::test]
    async fn a_failed_write_changes_nothing() {
        let store = Store::new();
        let trip = store.create_trip(new_trip("Ana")).await.unwrap();
        let before = store.revision();
        let moved = NewMeeting {
            trip_id: 99,
            ..new_meeting(trip.id, "Jan")
        };
        assert!(matches!(
            store.create_meeting(moved).await,
            Err(StoreError::UnknownTrip(99))
        ));
        let stale = Precondition::Versions(vec![7]);
        assert!(matches!(
            store
                .patch_trip(trip.id, &json!({"title": "x"}), &stale)
                .await,
            Err(StoreError::VersionMismatch {
                expected: 7,
                actual: 1,
                ..
            })
        ));
        assert_eq!(store.revision(), before);
        assert_eq!(store.trip(trip.id).unwrap(), trip);
    }

    #[tokio::test]
    async fn changes_from_a_backend_are_applied_and_derived() {
        let source = Store::new();
        let trip = source.create_trip(new_trip("Ana")).await.unwrap();
        let meeting = source
            .create_meeting(new_meeting(trip.id, "Jan"))
            .await
            .unwrap();
        let mirror = Store::new();
        mirror.apply_changes(&ChangeSet {
            trips: vec![TripState {
                trip: trip.clone(),
                pins: DatePins::default(),
            }],
            meetings: vec![meeting.clone()],
            ..ChangeSet::default()
        });
        assert_eq!(mirror.trip(trip.id).unwrap().meeting_count, 1);
        assert_eq!(with_participant(&mirror, "jan"), [meeting.id]);
        mirror.apply_changes(&ChangeSet {
            removed_meetings: vec![meeting.id],
            ..ChangeSet::default()
        });
        assert_eq!(mirror.trip(trip.id).unwrap().meeting_count, 0);
        let next = mirror.create_trip(new_trip("Bo")).await.unwrap();
        assert!(next.id > meeting.id, "ids never collide with applied ones");
    }

    fn keyed(destination: &str, date: u32) -> KeyedDraft {
        let leg = LegDraft {
            origin: Some(Place::named("Washington")),
            destination: Some(Place::named(destination)),
            via: Vec::new(),
            date: chrono::NaiveDate::from_ymd_opt(2009, 4, date),
            part_of_day: None,
            mode: None,
            status: Status::Completed,
            inferred: true,
            source: Some(Source {
                document: "set#1".into(),
                sentence: destination.into(),
                start: 0,
                end: 1,
            }),
        };
        let draft = TripDraft {
            traveller: Traveller {
                name: "Jane Doe".into(),
                role: None,
            },
            title: None,
            summary: None,
            legs: vec![leg.clone(), leg],
            meetings: Vec::new(),
            sources: vec!["set#1".into()],
        };
        KeyedDraft::new("set#1", draft)
    }

    #[tokio::test]
    async fn a_changed_record_keeps_what_a_user_edited() {
        let store = Store::new();
        store.upsert_keyed(vec![keyed("London", 1)]);
        let legs = store.legs();
        let patch = json!({"date": "2009-03-31"});
        let edited = store
            .patch_leg(legs[1].id, &patch, &Precondition::Always)
            .await
            .unwrap();
        let counts = store.upsert_keyed(vec![keyed("Paris", 2)]);
        assert_eq!(counts.updated, 1);
        let legs = store.legs();
        let names: Vec<(&str, u32)> = legs
            .iter()
            .map(|l| (l.destination.as_ref().unwrap().name.as_str(), l.seq))
            .collect();
        assert_eq!(names, [("London", 1), ("Paris", 2), ("Paris", 3)]);
        assert_eq!(store.leg(edited.id).unwrap().date, edited.date);
        let trip = &store.trips()[0];
        assert_eq!(trip.start_date, edited.date);
        assert_eq!(trip.leg_count, 3);
    }
}
