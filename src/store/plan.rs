//! Planning writes. Each write is planned against the current model into a [`Effect`]: the
//! exact after-image of every item it touches (the item itself, legs renumbered around it,
//! the trips whose derived fields move) and the ids it removes. Planning validates and never
//! mutates; applying an effect cannot fail. A durable backend persists the `Effect` between
//! the two (see the `store` module documentation).

use chrono::NaiveDate;
use serde_json::Value;

use super::StoreError;
use super::memory::Memory;
use super::order::derive_trip;
use crate::domain::{
    Id, Invalid, Leg, LegDraft, Meeting, MeetingDraft, NewLeg, NewMeeting, NewTrip, Source,
    Traveller, Trip, TripDraft,
};

/// Dates of a trip that a user set. `None` means derived from the trip's legs and meetings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DatePins {
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

/// A trip and the dates a user pinned on it: what a backend stores for a trip.
#[derive(Clone, Debug, PartialEq)]
pub struct TripState {
    pub trip: Trip,
    pub pins: DatePins,
}

/// The effect of one write: after-images of the items created or changed, and the ids
/// removed. Versions in the after-images are already incremented.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Effect {
    pub trips: Vec<TripState>,
    pub legs: Vec<Leg>,
    pub meetings: Vec<Meeting>,
    pub removed_trips: Vec<Id>,
    pub removed_legs: Vec<Id>,
    pub removed_meetings: Vec<Id>,
    /// Items this write makes a user's (created or edited through the API): re-imports of
    /// their source leave them as the user left them.
    pub curated: Vec<Id>,
    /// The highest id given out so far, this effect included.
    pub next_id: Id,
    /// The store revision the effect was planned against.
    pub base_revision: u64,
}

impl Effect {
    fn allocate_id(&mut self) -> Id {
        self.next_id += 1;
        self.next_id
    }

    /// True when the effect does nothing.
    pub fn is_empty(&self) -> bool {
        self.trips.is_empty()
            && self.legs.is_empty()
            && self.meetings.is_empty()
            && self.removed_trips.is_empty()
            && self.removed_legs.is_empty()
            && self.removed_meetings.is_empty()
    }
}

/// What a write requires of the item's current version: nothing, or one of the versions
/// named by the client's `If-Match` (none matching: the write is refused).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Precondition {
    #[default]
    Always,
    Versions(Vec<i64>),
}

impl Precondition {
    /// Fails with `VersionMismatch` when `current` is not an accepted version.
    pub fn check(&self, kind: &'static str, id: Id, current: i64) -> Result<(), StoreError> {
        match self {
            Self::Versions(accepted) if !accepted.contains(&current) => {
                Err(StoreError::VersionMismatch {
                    kind,
                    id,
                    expected: accepted.first().copied().unwrap_or(0),
                    actual: current,
                })
            }
            _ => Ok(()),
        }
    }
}

/// A trip with nothing derived yet (version 0: the first write makes it 1).
pub(super) fn blank_trip(id: Id, traveller: Traveller, sources: Vec<String>) -> Trip {
    Trip {
        id,
        traveller,
        title: None,
        summary: None,
        start_date: None,
        end_date: None,
        countries: Vec::new(),
        leg_count: 0,
        meeting_count: 0,
        sources,
        version: 0,
    }
}

fn leg_from(id: Id, version: i64, source: Option<Source>, new: NewLeg) -> Leg {
    Leg {
        id,
        trip_id: new.trip_id,
        seq: new.seq.unwrap_or(0),
        origin: new.origin,
        destination: new.destination,
        via: new.via,
        date: new.date,
        part_of_day: new.part_of_day,
        mode: new.mode,
        status: new.status,
        inferred: new.inferred,
        source,
        version,
    }
}

fn meeting_from(id: Id, version: i64, source: Option<Source>, new: NewMeeting) -> Meeting {
    Meeting {
        id,
        trip_id: new.trip_id,
        date: new.date,
        part_of_day: new.part_of_day,
        place: new.place,
        kind: new.kind,
        participants: new.participants,
        summary: new.summary,
        status: new.status,
        source,
        version,
    }
}

/// `current` with the JSON merge `patch` (RFC 7396) applied.
fn merged<T: serde::Serialize>(current: &T, patch: &Value) -> Result<Value, StoreError> {
    let mut value = serde_json::to_value(current)
        .map_err(|e| StoreError::Invalid(Invalid::field("", e.to_string())))?;
    json_patch::merge(&mut value, patch);
    Ok(value)
}

impl Memory {
    fn new_effect(&self) -> Effect {
        Effect {
            next_id: self.next_id,
            base_revision: self.revision,
            ..Effect::default()
        }
    }

    fn require_trip(&self, trip_id: Id) -> Result<(), StoreError> {
        if self.trips.contains_key(&trip_id) {
            Ok(())
        } else {
            Err(StoreError::UnknownTrip(trip_id))
        }
    }

    /// Derives the trip's fields from its items as `effect` leaves them, bumps its version
    /// and records it in `effect`. Returns the trip as it will be.
    fn finish_trip(&self, effect: &mut Effect, mut state: TripState) -> Trip {
        let id = state.trip.id;
        effect.trips.retain(|s| s.trip.id != id);
        let legs: Vec<Leg> = overlay(self.legs_of(id), &effect.legs, &effect.removed_legs, id);
        let meetings: Vec<Meeting> = overlay(
            self.meetings_of(id),
            &effect.meetings,
            &effect.removed_meetings,
            id,
        );
        let legs: Vec<&Leg> = legs.iter().collect();
        let meetings: Vec<&Meeting> = meetings.iter().collect();
        derive_trip(&mut state.trip, state.pins, &legs, &meetings);
        state.trip.version = self.trips.get(&id).map_or(0, |t| t.version) + 1;
        let trip = state.trip.clone();
        effect.trips.push(state);
        trip
    }

    /// [`Memory::finish_trip`] for a trip already in the model (no-op when it is not).
    fn refresh_trip(&self, effect: &mut Effect, id: Id) {
        if let Some(trip) = self.trips.get(&id) {
            let pins = self.pins.get(&id).copied().unwrap_or_default();
            let state = effect
                .trips
                .iter()
                .find(|s| s.trip.id == id)
                .cloned()
                .unwrap_or(TripState {
                    trip: trip.clone(),
                    pins,
                });
            self.finish_trip(effect, state);
        }
    }

    /// Puts `leg` at position `seq` of its trip (last when `None` or beyond the end) and
    /// renumbers the trip's legs. Returns the leg as placed.
    fn place_leg(&self, effect: &mut Effect, leg: Leg, seq: Option<u32>) -> Leg {
        let mut list: Vec<Leg> = self
            .legs_of(leg.trip_id)
            .into_iter()
            .filter(|l| l.id != leg.id)
            .cloned()
            .collect();
        let at = seq.map_or(list.len(), |s| {
            (s as usize).saturating_sub(1).min(list.len())
        });
        let mut placed = leg.clone();
        placed.seq = at as u32 + 1;
        list.insert(at, leg);
        self.renumber(effect, list, Some(placed.id));
        placed
    }

    /// Records `list` as its trip's legs in order: the edited leg always, the others when
    /// their position moved (with their version bumped).
    fn renumber(&self, effect: &mut Effect, list: Vec<Leg>, edited: Option<Id>) {
        for (i, mut leg) in list.into_iter().enumerate() {
            let seq = i as u32 + 1;
            let moved = leg.seq != seq;
            leg.seq = seq;
            if Some(leg.id) == edited {
                effect.legs.push(leg);
            } else if moved {
                leg.version += 1;
                effect.legs.push(leg);
            }
        }
    }
}

/// Trips.
impl Memory {
    pub(super) fn plan_create_trip(&self, new: NewTrip) -> Result<(Effect, Trip), StoreError> {
        let mut effect = self.new_effect();
        let mut trip = blank_trip(effect.allocate_id(), new.traveller, Vec::new());
        trip.title = new.title;
        trip.summary = new.summary;
        let pins = DatePins {
            start: new.start_date,
            end: new.end_date,
        };
        let trip = self.finish_trip(&mut effect, TripState { trip, pins });
        effect.curated.push(trip.id);
        Ok((effect, trip))
    }

    pub(super) fn plan_replace_trip(
        &self,
        id: Id,
        new: NewTrip,
        precondition: &Precondition,
    ) -> Result<(Effect, Trip), StoreError> {
        let current = self.trip(id)?;
        let was = self.pins.get(&id).copied().unwrap_or_default();
        // sending back the derived date one read does not pin it
        let keep = |sent: Option<NaiveDate>, pinned: Option<NaiveDate>, shown| match sent {
            Some(date) if pinned.is_none() && Some(date) == shown => None,
            sent => sent,
        };
        let pins = DatePins {
            start: keep(new.start_date, was.start, current.start_date),
            end: keep(new.end_date, was.end, current.end_date),
        };
        self.plan_update_trip(id, new, pins, precondition)
    }

    pub(super) fn plan_patch_trip(
        &self,
        id: Id,
        patch: &Value,
        precondition: &Precondition,
    ) -> Result<(Effect, Trip), StoreError> {
        let current = self.trip(id)?;
        let pins = self.pins.get(&id).copied().unwrap_or_default();
        let writable = NewTrip::from_trip(current, pins.start, pins.end);
        let new = NewTrip::from_json(merged(&writable, patch)?, Some(id))?;
        let pins = DatePins {
            start: new.start_date,
            end: new.end_date,
        };
        self.plan_update_trip(id, new, pins, precondition)
    }

    fn plan_update_trip(
        &self,
        id: Id,
        new: NewTrip,
        pins: DatePins,
        precondition: &Precondition,
    ) -> Result<(Effect, Trip), StoreError> {
        let current = self.trip(id)?;
        precondition.check("trip", id, current.version)?;
        let mut effect = self.new_effect();
        let trip = Trip {
            traveller: new.traveller,
            title: new.title,
            summary: new.summary,
            ..current.clone()
        };
        let trip = self.finish_trip(&mut effect, TripState { trip, pins });
        effect.curated.push(id);
        if let (Some(start), Some(end)) = (trip.start_date, trip.end_date)
            && end < start
        {
            let detail = format!("the trip would end ({end}) before it starts ({start})");
            let field = if pins.end.is_some() {
                "end_date"
            } else {
                "start_date"
            };
            return Err(StoreError::Invalid(Invalid::field(field, detail)));
        }
        Ok((effect, trip))
    }

    pub(super) fn plan_delete_trip(
        &self,
        id: Id,
        precondition: &Precondition,
    ) -> Result<Effect, StoreError> {
        let current = self.trip(id)?;
        precondition.check("trip", id, current.version)?;
        let mut effect = self.new_effect();
        effect.removed_trips.push(id);
        effect.removed_legs = self.legs_of(id).iter().map(|l| l.id).collect();
        effect.removed_meetings = self.meetings_of(id).iter().map(|m| m.id).collect();
        Ok(effect)
    }
}

/// Legs.
impl Memory {
    pub(super) fn plan_create_leg(&self, new: NewLeg) -> Result<(Effect, Leg), StoreError> {
        self.require_trip(new.trip_id)?;
        let mut effect = self.new_effect();
        let (trip_id, seq) = (new.trip_id, new.seq);
        let leg = leg_from(effect.allocate_id(), 1, None, new);
        let leg = self.place_leg(&mut effect, leg, seq);
        effect.curated.push(leg.id);
        self.refresh_trip(&mut effect, trip_id);
        Ok((effect, leg))
    }

    pub(super) fn plan_replace_leg(
        &self,
        id: Id,
        new: NewLeg,
        precondition: &Precondition,
    ) -> Result<(Effect, Leg), StoreError> {
        let current = self.leg(id)?;
        precondition.check("leg", id, current.version)?;
        self.require_trip(new.trip_id)?;
        let mut effect = self.new_effect();
        let moved = current.trip_id != new.trip_id;
        // a PUT without `seq` keeps the leg where it was in its trip
        let seq = new.seq.or((!moved).then_some(current.seq));
        let trip_id = new.trip_id;
        let leg = leg_from(id, current.version + 1, current.source.clone(), new);
        let leg = self.place_leg(&mut effect, leg, seq);
        effect.curated.push(leg.id);
        if moved {
            let rest = self.legs_of(current.trip_id);
            let rest = rest.into_iter().filter(|l| l.id != id).cloned().collect();
            self.renumber(&mut effect, rest, None);
            self.refresh_trip(&mut effect, current.trip_id);
        }
        self.refresh_trip(&mut effect, trip_id);
        Ok((effect, leg))
    }

    pub(super) fn plan_patch_leg(
        &self,
        id: Id,
        patch: &Value,
        precondition: &Precondition,
    ) -> Result<(Effect, Leg), StoreError> {
        let current = self.leg(id)?;
        let new = NewLeg::from_json(merged(&NewLeg::from(current), patch)?, Some(id))?;
        self.plan_replace_leg(id, new, precondition)
    }

    pub(super) fn plan_delete_leg(
        &self,
        id: Id,
        precondition: &Precondition,
    ) -> Result<Effect, StoreError> {
        let current = self.leg(id)?;
        precondition.check("leg", id, current.version)?;
        let mut effect = self.new_effect();
        effect.removed_legs.push(id);
        let rest = self.legs_of(current.trip_id);
        let rest = rest.into_iter().filter(|l| l.id != id).cloned().collect();
        self.renumber(&mut effect, rest, None);
        self.refresh_trip(&mut effect, current.trip_id);
        Ok(effect)
    }
}

/// Meetings.
impl Memory {
    pub(super) fn plan_create_meeting(
        &self,
        new: NewMeeting,
    ) -> Result<(Effect, Meeting), StoreError> {
        self.require_trip(new.trip_id)?;
        let mut effect = self.new_effect();
        let meeting = meeting_from(effect.allocate_id(), 1, None, new);
        effect.meetings.push(meeting.clone());
        effect.curated.push(meeting.id);
        self.refresh_trip(&mut effect, meeting.trip_id);
        Ok((effect, meeting))
    }

    pub(super) fn plan_replace_meeting(
        &self,
        id: Id,
        new: NewMeeting,
        precondition: &Precondition,
    ) -> Result<(Effect, Meeting), StoreError> {
        let current = self.meeting(id)?;
        precondition.check("meeting", id, current.version)?;
        self.require_trip(new.trip_id)?;
        let mut effect = self.new_effect();
        let meeting = meeting_from(id, current.version + 1, current.source.clone(), new);
        effect.meetings.push(meeting.clone());
        effect.curated.push(meeting.id);
        self.refresh_trip(&mut effect, current.trip_id);
        self.refresh_trip(&mut effect, meeting.trip_id);
        Ok((effect, meeting))
    }

    pub(super) fn plan_patch_meeting(
        &self,
        id: Id,
        patch: &Value,
        precondition: &Precondition,
    ) -> Result<(Effect, Meeting), StoreError> {
        let current = self.meeting(id)?;
        let new = NewMeeting::from_json(merged(&NewMeeting::from(current), patch)?, Some(id))?;
        self.plan_replace_meeting(id, new, precondition)
    }

    pub(super) fn plan_delete_meeting(
        &self,
        id: Id,
        precondition: &Precondition,
    ) -> Result<Effect, StoreError> {
        let current = self.meeting(id)?;
        precondition.check("meeting", id, current.version)?;
        let mut effect = self.new_effect();
        effect.removed_meetings.push(id);
        self.refresh_trip(&mut effect, current.trip_id);
        Ok(effect)
    }
}

/// Drafts from documents and records.
impl Memory {
    /// Plans the insertion of assembled trips: each trip, then its legs in order, then its
    /// meetings take the next ids, so the same drafts in the same order get the same ids.
    pub(super) fn plan_drafts(&self, drafts: Vec<TripDraft>) -> Effect {
        let mut effect = self.new_effect();
        for draft in drafts {
            let trip_id = effect.allocate_id();
            let legs: Vec<Leg> = (draft.legs.into_iter().enumerate())
                .map(|(i, leg)| draft_leg_into(effect.allocate_id(), trip_id, i as u32 + 1, leg))
                .collect();
            let meetings: Vec<Meeting> = (draft.meetings.into_iter())
                .map(|meeting| draft_meeting_into(effect.allocate_id(), trip_id, meeting))
                .collect();
            let mut trip = blank_trip(trip_id, draft.traveller, draft.sources);
            trip.title = draft.title;
            trip.summary = draft.summary;
            trip.version = 1;
            let pins = DatePins::default();
            derive_trip(
                &mut trip,
                pins,
                &legs.iter().collect::<Vec<_>>(),
                &meetings.iter().collect::<Vec<_>>(),
            );
            effect.trips.push(TripState { trip, pins });
            effect.legs.extend(legs);
            effect.meetings.extend(meetings);
        }
        effect
    }
}

/// Re-imports.
impl Memory {
    /// True when a user made or changed the item: created through the API (no source) or
    /// edited through it.
    pub(super) fn is_curated(&self, id: Id, sourced: bool) -> bool {
        !sourced || self.curated.contains(&id)
    }

    /// Plans replacing what a changed record produced in trip `trip_id` with `draft`: the
    /// trip's fields (unless a user edited the trip) and its uncurated legs and meetings;
    /// curated items stay, the draft's legs follow them.
    pub(super) fn plan_replace_draft(&self, trip_id: Id, draft: TripDraft) -> Effect {
        let mut effect = self.new_effect();
        let Some(current) = self.trips.get(&trip_id) else {
            return effect;
        };
        let mut trip = current.clone();
        if !self.curated.contains(&trip_id) {
            trip.traveller = draft.traveller;
            trip.title = draft.title;
            trip.summary = draft.summary;
            trip.sources = draft.sources;
        }
        let (kept, gone): (Vec<&Leg>, Vec<&Leg>) = (self.legs_of(trip_id).into_iter())
            .partition(|l| self.is_curated(l.id, l.source.is_some()));
        effect.removed_legs = gone.iter().map(|l| l.id).collect();
        let mut list: Vec<Leg> = kept.into_iter().cloned().collect();
        for leg in draft.legs {
            list.push(draft_leg_into(effect.allocate_id(), trip_id, 0, leg));
        }
        let fresh: Vec<Id> = list.iter().filter(|l| l.seq == 0).map(|l| l.id).collect();
        self.renumber(&mut effect, list, None);
        // new legs carry seq 0 until renumbered; they are always recorded, at version 1
        for leg in effect.legs.iter_mut().filter(|l| fresh.contains(&l.id)) {
            leg.version = 1;
        }
        for meeting in self.meetings_of(trip_id) {
            if !self.is_curated(meeting.id, meeting.source.is_some()) {
                effect.removed_meetings.push(meeting.id);
            }
        }
        for meeting in draft.meetings {
            let id = effect.allocate_id();
            effect
                .meetings
                .push(draft_meeting_into(id, trip_id, meeting));
        }
        let pins = self.pins.get(&trip_id).copied().unwrap_or_default();
        self.finish_trip(&mut effect, TripState { trip, pins });
        effect
    }
}

fn draft_leg_into(id: Id, trip_id: Id, seq: u32, draft: LegDraft) -> Leg {
    Leg {
        id,
        trip_id,
        seq,
        origin: draft.origin,
        destination: draft.destination,
        via: draft.via,
        date: draft.date,
        part_of_day: draft.part_of_day,
        mode: draft.mode,
        status: draft.status,
        inferred: draft.inferred,
        source: draft.source,
        version: 1,
    }
}

fn draft_meeting_into(id: Id, trip_id: Id, draft: MeetingDraft) -> Meeting {
    Meeting {
        id,
        trip_id,
        date: draft.date,
        part_of_day: draft.part_of_day,
        place: draft.place,
        kind: draft.kind,
        participants: draft.participants,
        summary: draft.summary,
        status: draft.status,
        source: draft.source,
        version: 1,
    }
}

/// A trip's items as an effect leaves them: the model's, replaced or removed by the effect,
/// plus those the effect moves into the trip.
fn overlay<T: Clone + HasTrip>(
    current: Vec<&T>,
    changed: &[T],
    removed: &[Id],
    trip: Id,
) -> Vec<T> {
    let touched = |id: Id| removed.contains(&id) || changed.iter().any(|c| c.id() == id);
    let mut items: Vec<T> = current
        .into_iter()
        .filter(|item| !touched(item.id()))
        .cloned()
        .collect();
    items.extend(changed.iter().filter(|c| c.trip_id() == trip).cloned());
    items
}

/// Items that belong to a trip.
trait HasTrip {
    fn id(&self) -> Id;
    fn trip_id(&self) -> Id;
}

impl HasTrip for Leg {
    fn id(&self) -> Id {
        self.id
    }
    fn trip_id(&self) -> Id {
        self.trip_id
    }
}

impl HasTrip for Meeting {
    fn id(&self) -> Id {
        self.id
    }
    fn trip_id(&self) -> Id {
        self.trip_id
    }
}
