//! Re-extraction without losing curation. Extracted items are matched to stored ones by
//! natural key (see `store::keys`):
//!
//! - stored as extracted and unchanged: left alone; changed: updated in place (same id,
//!   version + 1);
//! - edited by a user: left as the user left it;
//! - deleted by a user (a tombstone holds its key): not brought back;
//! - new: inserted as extracted;
//! - stored as extracted, from a document in scope, but no longer extracted: deleted.
//!
//! Trips likewise; a trip no longer extracted is deleted only when nothing is left in it.

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::{DateTime, Utc};

use super::portable::{Tx, Value};
use super::rows::{self, Curation, Provenance};
use crate::domain::{Id, Leg, LegDraft, Meeting, MeetingDraft, Trip};
use crate::store::Entity;
use crate::store::keys::{KeyedItem, KeyedTrip};

/// What is stored under natural keys before the sync.
struct Stored {
    documents: HashMap<String, Id>,
    tombstones: HashSet<String>,
    trips: HashMap<String, (Trip, Provenance)>,
    legs: HashMap<String, (Leg, Provenance)>,
    meetings: HashMap<String, (Meeting, Provenance)>,
}

/// Brings the stored extracted items in line with `trips`, extracted from the documents named
/// in `scope`. Returns the items written or deleted.
pub async fn sync(
    tx: &mut Tx,
    trips: &[KeyedTrip],
    scope: &BTreeSet<String>,
    now: DateTime<Utc>,
) -> Result<Vec<(Entity, Id)>, sqlx::Error> {
    let stored = read_stored(tx).await?;
    let mut sync = Sync {
        tx,
        stored: &stored,
        now,
        seen: HashSet::new(),
        touched: Vec::new(),
    };
    for trip in trips {
        sync.trip(trip).await?;
    }
    sync.remove_stale(scope).await?;
    Ok(sync.touched)
}

async fn read_stored(tx: &mut Tx) -> Result<Stored, sqlx::Error> {
    let mut documents = HashMap::new();
    for row in tx
        .fetch_all("SELECT id, name FROM documents", Vec::new())
        .await?
    {
        documents.insert(row.get("name")?, row.get("id")?);
    }
    let mut tombstones = HashSet::new();
    for row in tx
        .fetch_all("SELECT natural_key FROM tombstones", Vec::new())
        .await?
    {
        tombstones.insert(row.get("natural_key")?);
    }
    let trips = keyed(tx, rows::ALL_TRIPS, rows::trip_from).await?;
    let mut legs = keyed(tx, rows::ALL_LEGS, rows::leg_from).await?;
    let by_id: HashMap<Id, String> = legs
        .iter()
        .map(|(key, (leg, _))| (leg.id, key.clone()))
        .collect();
    for row in tx.fetch_all(rows::ALL_STOPS, Vec::new()).await? {
        let (leg_id, place) = rows::stop_from(&row)?;
        if let Some((leg, _)) = by_id.get(&leg_id).and_then(|k| legs.get_mut(k)) {
            leg.via.push(place);
        }
    }
    let mut meetings = keyed(tx, rows::ALL_MEETINGS, rows::meeting_from).await?;
    let by_id: HashMap<Id, String> = meetings
        .iter()
        .map(|(key, (m, _))| (m.id, key.clone()))
        .collect();
    for row in tx.fetch_all(rows::ALL_PARTICIPANTS, Vec::new()).await? {
        let (meeting_id, person) = rows::participant_from(&row)?;
        if let Some((meeting, _)) = by_id.get(&meeting_id).and_then(|k| meetings.get_mut(k)) {
            meeting.participants.push(person);
        }
    }
    Ok(Stored {
        documents,
        tombstones,
        trips,
        legs,
        meetings,
    })
}

/// The rows of `sql` that have a natural key, by key, with their provenance.
async fn keyed<T>(
    tx: &mut Tx,
    sql: &'static str,
    decode: fn(&super::Row) -> Result<T, sqlx::Error>,
) -> Result<HashMap<String, (T, Provenance)>, sqlx::Error> {
    let mut out = HashMap::new();
    for row in tx.fetch_all(sql, Vec::new()).await? {
        let provenance = rows::provenance_from(&row)?;
        if let Some(key) = provenance.natural_key.clone() {
            out.insert(key, (decode(&row)?, provenance));
        }
    }
    Ok(out)
}

struct Sync<'a> {
    tx: &'a mut Tx,
    stored: &'a Stored,
    now: DateTime<Utc>,
    /// Natural keys extracted this time.
    seen: HashSet<String>,
    touched: Vec<(Entity, Id)>,
}

impl Sync<'_> {
    fn provenance(&self, key: &str, document: Option<&String>) -> Provenance {
        Provenance {
            curation: Curation::Extracted,
            natural_key: Some(key.to_owned()),
            document_id: document.and_then(|d| self.stored.documents.get(d).copied()),
        }
    }

    async fn trip(&mut self, keyed: &KeyedTrip) -> Result<(), sqlx::Error> {
        self.seen.insert(keyed.key.clone());
        if self.stored.tombstones.contains(&keyed.key) {
            return Ok(());
        }
        let draft = &keyed.draft;
        let mut trip = Trip {
            id: 0,
            traveller: draft.traveller.clone(),
            title: draft.title.clone(),
            summary: draft.summary.clone(),
            start_date: None,
            end_date: None,
            countries: Vec::new(),
            leg_count: 0,
            meeting_count: 0,
            sources: draft.sources.clone(),
            version: 1,
        };
        let trip_id = match self.stored.trips.get(&keyed.key) {
            Some((old, provenance)) => {
                trip.id = old.id;
                trip.version = old.version;
                if provenance.curation == Curation::Extracted && *old != trip {
                    rows::update_trip(self.tx, &trip, old.version, false, self.now).await?;
                    self.touched.push((Entity::Trip, old.id));
                }
                old.id
            }
            None => {
                let provenance = self.provenance(&keyed.key, keyed.document.as_ref());
                let id = rows::insert_trip(self.tx, &trip, &provenance, self.now).await?;
                self.touched.push((Entity::Trip, id));
                id
            }
        };
        for (seq, leg) in (1_u32..).zip(&keyed.legs) {
            self.leg(trip_id, seq, leg).await?;
        }
        for meeting in &keyed.meetings {
            self.meeting(trip_id, meeting).await?;
        }
        Ok(())
    }

    async fn leg(
        &mut self,
        trip_id: Id,
        seq: u32,
        keyed: &KeyedItem<LegDraft>,
    ) -> Result<(), sqlx::Error> {
        self.seen.insert(keyed.key.clone());
        if self.stored.tombstones.contains(&keyed.key) {
            return Ok(());
        }
        let draft = keyed.item.clone();
        let mut leg = Leg {
            id: 0,
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
        };
        match self.stored.legs.get(&keyed.key) {
            Some((old, provenance)) => {
                (leg.id, leg.version) = (old.id, old.version);
                if provenance.curation == Curation::Extracted && *old != leg {
                    rows::update_leg(self.tx, &leg, old.version, false, self.now).await?;
                    self.touched.push((Entity::Leg, old.id));
                }
            }
            None => {
                let provenance = self.provenance(&keyed.key, keyed.document.as_ref());
                let id = rows::insert_leg(self.tx, &leg, &provenance, self.now).await?;
                self.touched.push((Entity::Leg, id));
            }
        }
        Ok(())
    }

    async fn meeting(
        &mut self,
        trip_id: Id,
        keyed: &KeyedItem<MeetingDraft>,
    ) -> Result<(), sqlx::Error> {
        self.seen.insert(keyed.key.clone());
        if self.stored.tombstones.contains(&keyed.key) {
            return Ok(());
        }
        let draft = keyed.item.clone();
        let mut meeting = Meeting {
            id: 0,
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
        };
        match self.stored.meetings.get(&keyed.key) {
            Some((old, provenance)) => {
                (meeting.id, meeting.version) = (old.id, old.version);
                if provenance.curation == Curation::Extracted && *old != meeting {
                    rows::update_meeting(self.tx, &meeting, old.version, false, self.now).await?;
                    self.touched.push((Entity::Meeting, old.id));
                }
            }
            None => {
                let provenance = self.provenance(&keyed.key, keyed.document.as_ref());
                let id = rows::insert_meeting(self.tx, &meeting, &provenance, self.now).await?;
                self.touched.push((Entity::Meeting, id));
            }
        }
        Ok(())
    }

    /// True when an item with `provenance` is extracted, from a document in `scope`, and was
    /// not extracted this time.
    fn is_stale(&self, key: &str, provenance: &Provenance, scope: &HashSet<Id>) -> bool {
        provenance.curation == Curation::Extracted
            && !self.seen.contains(key)
            && provenance.document_id.is_some_and(|d| scope.contains(&d))
    }

    async fn remove_stale(&mut self, scope: &BTreeSet<String>) -> Result<(), sqlx::Error> {
        let scope: HashSet<Id> = scope
            .iter()
            .filter_map(|name| self.stored.documents.get(name).copied())
            .collect();
        let legs: Vec<Id> = (self.stored.legs.iter())
            .filter(|(key, (_, p))| self.is_stale(key, p, &scope))
            .map(|(_, (leg, _))| leg.id)
            .collect();
        let meetings: Vec<Id> = (self.stored.meetings.iter())
            .filter(|(key, (_, p))| self.is_stale(key, p, &scope))
            .map(|(_, (meeting, _))| meeting.id)
            .collect();
        for id in legs {
            self.delete(Entity::Leg, "DELETE FROM legs WHERE id = $1", id)
                .await?;
        }
        for id in meetings {
            self.delete(Entity::Meeting, "DELETE FROM meetings WHERE id = $1", id)
                .await?;
        }
        let trips: Vec<Id> = (self.stored.trips.iter())
            .filter(|(key, (_, p))| self.is_stale(key, p, &scope))
            .map(|(_, (trip, _))| trip.id)
            .collect();
        for id in trips {
            self.delete_if_empty(id).await?;
        }
        Ok(())
    }

    async fn delete(
        &mut self,
        entity: Entity,
        sql: &'static str,
        id: Id,
    ) -> Result<(), sqlx::Error> {
        self.tx.execute(sql, vec![Value::from(id)]).await?;
        self.touched.push((entity, id));
        Ok(())
    }

    /// Deletes trip `id` unless a leg or meeting is still in it.
    async fn delete_if_empty(&mut self, id: Id) -> Result<(), sqlx::Error> {
        let row = self
            .tx
            .fetch_one(
                "SELECT (SELECT COUNT(*) FROM legs WHERE trip_id = $1) \
                 + (SELECT COUNT(*) FROM meetings WHERE trip_id = $1) AS items",
                vec![Value::from(id)],
            )
            .await?;
        if row.get::<i64>("items")? == 0 {
            self.delete(Entity::Trip, "DELETE FROM trips WHERE id = $1", id)
                .await?;
        }
        Ok(())
    }
}
