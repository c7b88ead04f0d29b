//! Re-extraction without losing curation. Extracted items are matched to stored ones by
//! natural key (see `store::keys`):
//!
//! - stored as extracted and unchanged: left alone; changed: updated in place (same id,
//!   version + 1);
//! - edited by a user: left as the user left it;
//! - deleted by a user (a tombstone holds its key): not brought back;
//! - new: inserted as extracted, with the next id;
//! - stored as extracted but no longer extracted, from a document in scope or in a trip
//!   extracted this time: deleted.
//!
//! Trips likewise; a trip no longer extracted is deleted only when nothing is left in it. A
//! trip whose legs or meetings changed gets a new version, since what it derives from them
//! (dates, countries, counts) moved.

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::{DateTime, Utc};

use super::changes;
use super::portable::{Row, Tx, Value};
use super::rows::{self, Curation, Inserts, Provenance};
use crate::domain::{Id, Leg, LegDraft, Meeting, MeetingDraft, Trip, TripDraft};
use crate::store::keys::{KeyedItem, KeyedTrip};
use crate::store::{DatePins, Entity, TripState, Upserted};

/// A stored leg or meeting.
#[derive(Clone, Debug, PartialEq)]
enum Item {
    Leg(Leg),
    Meeting(Meeting),
}

impl Item {
    fn entity(&self) -> Entity {
        match self {
            Self::Leg(_) => Entity::Leg,
            Self::Meeting(_) => Entity::Meeting,
        }
    }

    fn id(&self) -> Id {
        match self {
            Self::Leg(leg) => leg.id,
            Self::Meeting(meeting) => meeting.id,
        }
    }

    fn trip_id(&self) -> Id {
        match self {
            Self::Leg(leg) => leg.trip_id,
            Self::Meeting(meeting) => meeting.trip_id,
        }
    }

    fn version(&self) -> i64 {
        match self {
            Self::Leg(leg) => leg.version,
            Self::Meeting(meeting) => meeting.version,
        }
    }

    fn with(self, id: Id, version: i64) -> Self {
        match self {
            Self::Leg(leg) => Self::Leg(Leg { id, version, ..leg }),
            Self::Meeting(m) => Self::Meeting(Meeting { id, version, ..m }),
        }
    }

    fn insert(&self, rows: &mut Inserts, p: &Provenance, now: DateTime<Utc>) {
        match self {
            Self::Leg(leg) => rows.leg(leg, p, now),
            Self::Meeting(meeting) => rows.meeting(meeting, p, now),
        }
    }

    async fn update(
        &self,
        tx: &mut Tx,
        expected: i64,
        now: DateTime<Utc>,
    ) -> Result<bool, sqlx::Error> {
        match self {
            Self::Leg(leg) => rows::update_leg(tx, leg, expected, false, now).await,
            Self::Meeting(m) => rows::update_meeting(tx, m, expected, false, now).await,
        }
    }
}

/// What is stored under natural keys before the sync.
struct Stored {
    documents: HashMap<String, Id>,
    tombstones: HashSet<String>,
    trips: HashMap<String, (TripState, Provenance)>,
    items: HashMap<String, (Item, Provenance)>,
}

/// What a sync did: the items it wrote or deleted, and how the trips given fared.
#[derive(Clone, Debug, Default)]
pub struct Synced {
    pub touched: Vec<(Entity, Id)>,
    pub counts: Upserted,
}

/// Brings the stored extracted items in line with `trips`, extracted from the documents named
/// in `scope`.
pub async fn sync(
    tx: &mut Tx,
    trips: &[&KeyedTrip],
    scope: &BTreeSet<String>,
    now: DateTime<Utc>,
) -> Result<Synced, sqlx::Error> {
    let stored = read_stored(tx).await?;
    let (_, last_id) = changes::clock(tx).await?;
    let mut sync = Sync {
        tx,
        stored: &stored,
        now,
        seen: HashSet::new(),
        touched: Vec::new(),
        moved_trips: BTreeSet::new(),
        last_id,
        inserts: Inserts::default(),
    };
    let mut counts = Upserted::default();
    for trip in trips {
        let before = sync.touched.len();
        sync.trip(trip).await?;
        match stored.trips.contains_key(&trip.key) {
            false => counts.inserted += 1,
            true if sync.touched.len() > before => counts.updated += 1,
            true => counts.unchanged += 1,
        }
    }
    sync.inserts.flush(sync.tx).await?;
    changes::raise_last_id(sync.tx, sync.last_id).await?;
    let batch: HashSet<Id> = (trips.iter())
        .filter_map(|t| stored.trips.get(&t.key))
        .map(|(stored, _)| stored.trip.id)
        .collect();
    sync.remove_stale(scope, &batch).await?;
    sync.bump_moved_trips().await?;
    Ok(Synced {
        touched: sync.touched,
        counts,
    })
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
    let mut items = keyed(tx, rows::ALL_LEGS, |row| rows::leg_from(row).map(Item::Leg)).await?;
    let meetings = keyed(tx, rows::ALL_MEETINGS, |row| {
        rows::meeting_from(row).map(Item::Meeting)
    });
    items.extend(meetings.await?);
    let by_id: HashMap<(Entity, Id), String> = (items.iter())
        .map(|(key, (item, _))| ((item.entity(), item.id()), key.clone()))
        .collect();
    for row in tx.fetch_all(rows::ALL_STOPS, Vec::new()).await? {
        let (leg_id, place) = rows::stop_from(&row)?;
        let key = by_id.get(&(Entity::Leg, leg_id));
        if let Some((Item::Leg(leg), _)) = key.and_then(|k| items.get_mut(k)) {
            leg.via.push(place);
        }
    }
    for row in tx.fetch_all(rows::ALL_PARTICIPANTS, Vec::new()).await? {
        let (meeting_id, person) = rows::participant_from(&row)?;
        let key = by_id.get(&(Entity::Meeting, meeting_id));
        if let Some((Item::Meeting(meeting), _)) = key.and_then(|k| items.get_mut(k)) {
            meeting.participants.push(person);
        }
    }
    Ok(Stored {
        documents,
        tombstones,
        trips,
        items,
    })
}

/// The rows of `sql` that have a natural key, by key, with their provenance.
async fn keyed<T>(
    tx: &mut Tx,
    sql: &'static str,
    decode: impl Fn(&Row) -> Result<T, sqlx::Error>,
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

fn trip_of(draft: &TripDraft) -> Trip {
    Trip {
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
    }
}

fn leg_of(trip_id: Id, seq: u32, draft: &LegDraft) -> Item {
    let draft = draft.clone();
    Item::Leg(Leg {
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
    })
}

fn meeting_of(trip_id: Id, draft: &MeetingDraft) -> Item {
    let draft = draft.clone();
    Item::Meeting(Meeting {
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
    })
}

struct Sync<'a> {
    tx: &'a mut Tx,
    stored: &'a Stored,
    now: DateTime<Utc>,
    /// Natural keys extracted this time.
    seen: HashSet<String>,
    touched: Vec<(Entity, Id)>,
    /// Trips whose legs or meetings changed: what they derive from them moved.
    moved_trips: BTreeSet<Id>,
    /// The last id given out; ids are given out here and recorded once, at the end.
    last_id: Id,
    /// New rows, written together once every trip is planned.
    inserts: Inserts,
}

impl Sync<'_> {
    fn provenance(&self, key: &str, document: Option<&String>) -> Provenance {
        Provenance {
            curation: Curation::Extracted,
            natural_key: Some(key.to_owned()),
            document_id: document.and_then(|d| self.stored.documents.get(d).copied()),
        }
    }

    fn next_id(&mut self) -> Id {
        self.last_id += 1;
        self.last_id
    }

    /// Marks `key` seen; true when a user deleted what it names.
    fn tombstoned(&mut self, key: &str) -> bool {
        self.seen.insert(key.to_owned());
        self.stored.tombstones.contains(key)
    }

    async fn trip(&mut self, keyed: &KeyedTrip) -> Result<(), sqlx::Error> {
        if self.tombstoned(&keyed.key) {
            return Ok(());
        }
        let trip = trip_of(&keyed.draft);
        let trip_id = match self.stored.trips.get(&keyed.key) {
            Some((old, provenance)) => {
                let (id, version, pins) = (old.trip.id, old.trip.version, old.pins);
                let (start_date, end_date) = (pins.start, pins.end);
                let now = Trip {
                    id,
                    version,
                    start_date,
                    end_date,
                    ..trip
                };
                if provenance.curation == Curation::Extracted && old.trip != now {
                    let trip = Trip {
                        version: version + 1,
                        ..now
                    };
                    let next = TripState { trip, pins };
                    rows::update_trip(self.tx, &next, version, false, self.now).await?;
                    self.touched.push((Entity::Trip, id));
                }
                id
            }
            None => {
                let id = self.next_id();
                let new = TripState {
                    trip: Trip { id, ..trip },
                    pins: DatePins::default(),
                };
                let provenance = self.provenance(&keyed.key, keyed.document.as_ref());
                self.inserts.trip(&new, &provenance, self.now);
                self.touched.push((Entity::Trip, id));
                id
            }
        };
        for (seq, leg) in (1_u32..).zip(&keyed.legs) {
            self.item(leg, leg_of(trip_id, seq, &leg.item)).await?;
        }
        for meeting in &keyed.meetings {
            self.item(meeting, meeting_of(trip_id, &meeting.item))
                .await?;
        }
        Ok(())
    }

    async fn item<T>(&mut self, keyed: &KeyedItem<T>, item: Item) -> Result<(), sqlx::Error> {
        if self.tombstoned(&keyed.key) {
            return Ok(());
        }
        match self.stored.items.get(&keyed.key) {
            Some((old, provenance)) => {
                let item = item.with(old.id(), old.version());
                if provenance.curation == Curation::Extracted && *old != item {
                    let item = item.with(old.id(), old.version() + 1);
                    // the trip it now belongs to may be among the rows not yet written
                    self.inserts.flush(self.tx).await?;
                    item.update(self.tx, old.version(), self.now).await?;
                    self.touched.push((item.entity(), item.id()));
                    self.moved_trips.extend([old.trip_id(), item.trip_id()]);
                }
            }
            None => {
                let item = item.with(self.next_id(), 1);
                let provenance = self.provenance(&keyed.key, keyed.document.as_ref());
                item.insert(&mut self.inserts, &provenance, self.now);
                self.touched.push((item.entity(), item.id()));
                self.moved_trips.insert(item.trip_id());
            }
        }
        Ok(())
    }

    /// True when an extracted item was not extracted this time although its document, or the
    /// trip it is in, was.
    fn is_stale(&self, key: &str, p: &Provenance, scope: &HashSet<Id>, trip: Option<Id>) -> bool {
        let in_scope = p.document_id.is_some_and(|d| scope.contains(&d));
        p.curation == Curation::Extracted
            && !self.seen.contains(key)
            && (in_scope || trip.is_some())
    }

    /// Deletes what is stale (see [`Sync::is_stale`]); `batch` holds the stored trips
    /// extracted this time.
    async fn remove_stale(
        &mut self,
        scope: &BTreeSet<String>,
        batch: &HashSet<Id>,
    ) -> Result<(), sqlx::Error> {
        let scope: HashSet<Id> = (scope.iter())
            .filter_map(|name| self.stored.documents.get(name).copied())
            .collect();
        let items: Vec<(Entity, Id, Id)> = (self.stored.items.iter())
            .filter(|(key, (item, p))| {
                let in_batch = batch.contains(&item.trip_id()).then_some(item.trip_id());
                self.is_stale(key, p, &scope, in_batch)
            })
            .map(|(_, (item, _))| (item.entity(), item.id(), item.trip_id()))
            .collect();
        for (entity, id, trip_id) in items {
            let sql = match entity {
                Entity::Leg => "DELETE FROM legs WHERE id = $1",
                _ => "DELETE FROM meetings WHERE id = $1",
            };
            self.tx.execute(sql, vec![Value::from(id)]).await?;
            self.touched.push((entity, id));
            self.moved_trips.insert(trip_id);
        }
        let trips: Vec<Id> = (self.stored.trips.iter())
            .filter(|(key, (_, p))| self.is_stale(key, p, &scope, None))
            .map(|(_, (stored, _))| stored.trip.id)
            .collect();
        for id in trips {
            self.delete_if_empty(id).await?;
        }
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
            self.tx
                .execute("DELETE FROM trips WHERE id = $1", vec![Value::from(id)])
                .await?;
            self.touched.push((Entity::Trip, id));
            self.moved_trips.remove(&id);
        }
        Ok(())
    }

    /// Increments the version of every trip whose items changed and that was not written
    /// already: its derived fields moved, so its ETag must too.
    async fn bump_moved_trips(&mut self) -> Result<(), sqlx::Error> {
        let written: HashSet<Id> = (self.touched.iter())
            .filter(|(entity, _)| *entity == Entity::Trip)
            .map(|(_, id)| *id)
            .collect();
        let moved: Vec<Id> = (self.moved_trips.iter())
            .filter(|id| !written.contains(id))
            .copied()
            .collect();
        for id in moved {
            let sql = "UPDATE trips SET version = version + 1, updated_at = $2 WHERE id = $1";
            if self
                .tx
                .execute(sql, vec![Value::from(id), Value::from(self.now)])
                .await?
                == 1
            {
                self.touched.push((Entity::Trip, id));
            }
        }
        Ok(())
    }
}
