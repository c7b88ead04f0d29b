//! The change clock and change log, and reading items back as they are now.
//!
//! Each write transaction first increments `change_clock.seq`. The row lock that takes is
//! held to commit, so writers are ordered and `seq` order is commit order; the transaction
//! then records in `changes` every item it touched. Another process on the same database
//! polls `changes` for rows after the last `seq` it applied and re-reads those items (see
//! `Durable::poll`), which is how several instances on one PostgreSQL database see each
//! other's writes.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};

use super::documents;
use super::portable::{Tx, Value};
use super::rows;
use crate::domain::{Id, Leg, Meeting};
use crate::store::{ChangeSet, Entity, StoreError, TripState};

/// Increments the change clock and returns the new value. Call first in a write
/// transaction: it takes the lock that orders writers.
pub async fn tick(tx: &mut Tx) -> Result<i64, sqlx::Error> {
    tx.fetch_one(
        "UPDATE change_clock SET seq = seq + 1 WHERE id = 1 RETURNING seq",
        Vec::new(),
    )
    .await?
    .get("seq")
}

/// The change clock: the `seq` of the last committed write, and the highest id given out.
pub async fn clock(tx: &mut Tx) -> Result<(i64, Id), sqlx::Error> {
    let row = tx
        .fetch_one(
            "SELECT seq, last_id FROM change_clock WHERE id = 1",
            Vec::new(),
        )
        .await?;
    Ok((row.get("seq")?, row.get("last_id")?))
}

/// Records that ids up to `id` have been given out (by a write planned in memory).
pub async fn raise_last_id(tx: &mut Tx, id: Id) -> Result<(), sqlx::Error> {
    tx.execute(
        "UPDATE change_clock SET last_id = CASE WHEN last_id < $1 THEN $1 ELSE last_id END \
         WHERE id = 1",
        vec![Value::from(id)],
    )
    .await?;
    Ok(())
}

/// Records that the write `seq` touched each of `touched` (once each).
pub async fn log(
    tx: &mut Tx,
    seq: i64,
    touched: &[(Entity, Id)],
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let distinct: BTreeSet<(Entity, Id)> = touched.iter().copied().collect();
    let rows = (distinct.into_iter())
        .map(|(entity, id)| {
            vec![
                Value::from(seq),
                Value::from(entity.name()),
                Value::from(id),
                Value::from(now),
            ]
        })
        .collect();
    tx.insert_rows(
        "INSERT INTO changes (seq, entity, item_id, changed_at)",
        rows,
        " ON CONFLICT (seq, entity, item_id) DO NOTHING",
    )
    .await?;
    Ok(())
}

/// The version of `entity` `id`, or `None` when it does not exist.
pub async fn version_of(tx: &mut Tx, entity: Entity, id: Id) -> Result<Option<i64>, sqlx::Error> {
    let sql = match entity {
        Entity::Trip => "SELECT version FROM trips WHERE id = $1",
        Entity::Leg => "SELECT version FROM legs WHERE id = $1",
        Entity::Meeting => "SELECT version FROM meetings WHERE id = $1",
        Entity::Document => "SELECT CAST(1 AS BIGINT) AS version FROM documents WHERE id = $1",
    };
    tx.fetch_optional(sql, vec![Value::from(id)])
        .await?
        .map(|row| row.get("version"))
        .transpose()
}

/// Deletes an item (a trip with its legs and meetings), tombstoning the extracted ones so
/// that re-extraction does not bring them back. Returns every item removed.
pub async fn remove(
    tx: &mut Tx,
    entity: Entity,
    id: Id,
    now: DateTime<Utc>,
) -> Result<Vec<(Entity, Id)>, sqlx::Error> {
    let mut removed = Vec::new();
    let (tombstones, delete): (&[&'static str], &'static str) = match entity {
        Entity::Trip => {
            for (child, sql) in [
                (Entity::Leg, "SELECT id FROM legs WHERE trip_id = $1"),
                (
                    Entity::Meeting,
                    "SELECT id FROM meetings WHERE trip_id = $1",
                ),
            ] {
                let ids = child_ids(tx, sql, id).await?;
                removed.extend(ids.into_iter().map(|id| (child, id)));
            }
            (
                &[TOMBSTONE_TRIP, TOMBSTONE_TRIP_LEGS, TOMBSTONE_TRIP_MEETINGS],
                "DELETE FROM trips WHERE id = $1",
            )
        }
        Entity::Leg => (&[TOMBSTONE_LEG], "DELETE FROM legs WHERE id = $1"),
        Entity::Meeting => (&[TOMBSTONE_MEETING], "DELETE FROM meetings WHERE id = $1"),
        Entity::Document => (&[], "DELETE FROM documents WHERE id = $1"),
    };
    for sql in tombstones {
        tx.execute(sql, vec![Value::from(id), Value::from(now)])
            .await?;
    }
    tx.execute(delete, vec![Value::from(id)]).await?;
    removed.push((entity, id));
    Ok(removed)
}

const TOMBSTONE_TRIP: &str = "INSERT INTO tombstones (natural_key, entity, document_id, \
    deleted_at) SELECT natural_key, 'trip', NULL, $2 FROM trips \
    WHERE id = $1 AND natural_key IS NOT NULL ON CONFLICT (natural_key) DO NOTHING";
const TOMBSTONE_TRIP_LEGS: &str = "INSERT INTO tombstones (natural_key, entity, document_id, \
    deleted_at) SELECT natural_key, 'leg', document_id, $2 FROM legs \
    WHERE trip_id = $1 AND natural_key IS NOT NULL ON CONFLICT (natural_key) DO NOTHING";
const TOMBSTONE_TRIP_MEETINGS: &str = "INSERT INTO tombstones (natural_key, entity, \
    document_id, deleted_at) SELECT natural_key, 'meeting', document_id, $2 FROM meetings \
    WHERE trip_id = $1 AND natural_key IS NOT NULL ON CONFLICT (natural_key) DO NOTHING";
const TOMBSTONE_LEG: &str = "INSERT INTO tombstones (natural_key, entity, document_id, \
    deleted_at) SELECT natural_key, 'leg', document_id, $2 FROM legs \
    WHERE id = $1 AND natural_key IS NOT NULL ON CONFLICT (natural_key) DO NOTHING";
const TOMBSTONE_MEETING: &str = "INSERT INTO tombstones (natural_key, entity, document_id, \
    deleted_at) SELECT natural_key, 'meeting', document_id, $2 FROM meetings \
    WHERE id = $1 AND natural_key IS NOT NULL ON CONFLICT (natural_key) DO NOTHING";

async fn child_ids(tx: &mut Tx, sql: &'static str, parent: Id) -> Result<Vec<Id>, sqlx::Error> {
    tx.fetch_all(sql, vec![Value::from(parent)])
        .await?
        .iter()
        .map(|row| row.get("id"))
        .collect()
}

/// Reads the items named in `touched` as they are now, within the write transaction `seq`:
/// those that exist are returned whole, the others as removed.
pub async fn read_back(
    tx: &mut Tx,
    seq: i64,
    touched: &[(Entity, Id)],
) -> Result<ChangeSet, sqlx::Error> {
    let mut ids: BTreeMap<Entity, BTreeSet<Id>> = BTreeMap::new();
    for (entity, id) in touched {
        ids.entry(*entity).or_default().insert(*id);
    }
    let mut changes = ChangeSet {
        seq,
        next_id: clock(tx).await?.1,
        ..ChangeSet::default()
    };
    for (entity, ids) in ids {
        read_entity(tx, entity, &ids, &mut changes).await?;
    }
    Ok(changes)
}

/// Above this many items of one kind, reading the whole table once is faster than reading
/// them one by one.
const READ_ONE_BY_ONE: usize = 64;

async fn read_entity(
    tx: &mut Tx,
    entity: Entity,
    ids: &BTreeSet<Id>,
    changes: &mut ChangeSet,
) -> Result<(), sqlx::Error> {
    if ids.len() > READ_ONE_BY_ONE {
        return read_entity_whole(tx, entity, ids, changes).await;
    }
    for &id in ids {
        let found = match entity {
            Entity::Document => documents::load_one(tx, id)
                .await?
                .map(|d| changes.documents.push(d)),
            Entity::Trip => load_trips(tx, Some(id))
                .await?
                .pop()
                .map(|t| changes.trips.push(t)),
            Entity::Leg => load_legs(tx, Some(id))
                .await?
                .pop()
                .map(|l| changes.legs.push(l)),
            Entity::Meeting => load_meetings(tx, Some(id))
                .await?
                .pop()
                .map(|m| changes.meetings.push(m)),
        };
        if found.is_none() {
            removed(entity, id, changes);
        }
    }
    Ok(())
}

/// [`read_entity`] for many ids: reads the whole table and keeps the rows named.
async fn read_entity_whole(
    tx: &mut Tx,
    entity: Entity,
    ids: &BTreeSet<Id>,
    changes: &mut ChangeSet,
) -> Result<(), sqlx::Error> {
    let mut found: BTreeSet<Id> = BTreeSet::new();
    let mut keep = |id: Id| ids.contains(&id) && found.insert(id);
    match entity {
        Entity::Document => (changes.documents)
            .extend((documents::load_all(tx).await?.into_iter()).filter(|d| keep(d.id))),
        Entity::Trip => (changes.trips)
            .extend((load_trips(tx, None).await?.into_iter()).filter(|t| keep(t.trip.id))),
        Entity::Leg => {
            (changes.legs).extend((load_legs(tx, None).await?.into_iter()).filter(|l| keep(l.id)))
        }
        Entity::Meeting => (changes.meetings)
            .extend((load_meetings(tx, None).await?.into_iter()).filter(|m| keep(m.id))),
    }
    for &id in ids.difference(&found) {
        removed(entity, id, changes);
    }
    Ok(())
}

fn removed(entity: Entity, id: Id, changes: &mut ChangeSet) {
    match entity {
        Entity::Document => changes.removed_documents.push(id),
        Entity::Trip => changes.removed_trips.push(id),
        Entity::Leg => changes.removed_legs.push(id),
        Entity::Meeting => changes.removed_meetings.push(id),
    }
}

/// Trips by id: all of them, or the one with `id`.
pub async fn load_trips(tx: &mut Tx, id: Option<Id>) -> Result<Vec<TripState>, sqlx::Error> {
    let rows = match id {
        None => tx.fetch_all(rows::ALL_TRIPS, Vec::new()).await?,
        Some(id) => tx.fetch_all(rows::ONE_TRIP, vec![Value::from(id)]).await?,
    };
    rows.iter().map(rows::trip_from).collect()
}

/// Legs with their stopovers, by id: all of them, or the one with `id`.
pub async fn load_legs(tx: &mut Tx, id: Option<Id>) -> Result<Vec<Leg>, sqlx::Error> {
    let (legs, stops) = match id {
        None => (
            tx.fetch_all(rows::ALL_LEGS, Vec::new()).await?,
            tx.fetch_all(rows::ALL_STOPS, Vec::new()).await?,
        ),
        Some(id) => (
            tx.fetch_all(rows::ONE_LEG, vec![Value::from(id)]).await?,
            tx.fetch_all(rows::ONE_LEG_STOPS, vec![Value::from(id)])
                .await?,
        ),
    };
    let mut legs: BTreeMap<Id, Leg> = legs
        .iter()
        .map(|row| rows::leg_from(row).map(|leg| (leg.id, leg)))
        .collect::<Result<_, _>>()?;
    for row in &stops {
        let (leg_id, place) = rows::stop_from(row)?;
        if let Some(leg) = legs.get_mut(&leg_id) {
            leg.via.push(place);
        }
    }
    Ok(legs.into_values().collect())
}

/// Meetings with their participants, by id: all of them, or the one with `id`.
pub async fn load_meetings(tx: &mut Tx, id: Option<Id>) -> Result<Vec<Meeting>, sqlx::Error> {
    let (meetings, people) = match id {
        None => (
            tx.fetch_all(rows::ALL_MEETINGS, Vec::new()).await?,
            tx.fetch_all(rows::ALL_PARTICIPANTS, Vec::new()).await?,
        ),
        Some(id) => (
            tx.fetch_all(rows::ONE_MEETING, vec![Value::from(id)])
                .await?,
            tx.fetch_all(rows::ONE_MEETING_PARTICIPANTS, vec![Value::from(id)])
                .await?,
        ),
    };
    let mut meetings: BTreeMap<Id, Meeting> = meetings
        .iter()
        .map(|row| rows::meeting_from(row).map(|m| (m.id, m)))
        .collect::<Result<_, _>>()?;
    for row in &people {
        let (meeting_id, person) = rows::participant_from(row)?;
        if let Some(meeting) = meetings.get_mut(&meeting_id) {
            meeting.participants.push(person);
        }
    }
    Ok(meetings.into_values().collect())
}

/// The items the change log names after `seq`, read as they are now; `None` when the log
/// was pruned past `seq` and the caller must reload everything.
pub async fn since(tx: &mut Tx, seq: i64) -> Result<Option<ChangeSet>, StoreError> {
    let (now, _) = clock(tx).await?;
    if now <= seq {
        return Ok(Some(ChangeSet::default()));
    }
    let rows = tx
        .fetch_all(
            "SELECT seq, entity, item_id FROM changes WHERE seq > $1 ORDER BY seq",
            vec![Value::from(seq)],
        )
        .await?;
    let first: Option<i64> = rows.first().map(|row| row.get("seq")).transpose()?;
    if first != Some(seq + 1) {
        return Ok(None);
    }
    let mut touched = Vec::with_capacity(rows.len());
    for row in &rows {
        let name: String = row.get("entity")?;
        if let Some(entity) = Entity::parse(&name) {
            touched.push((entity, row.get::<i64>("item_id")?));
        }
    }
    Ok(Some(read_back(tx, now, &touched).await?))
}

/// Deletes change log rows written before `before`; returns how many.
pub async fn prune(tx: &mut Tx, before: DateTime<Utc>) -> Result<u64, sqlx::Error> {
    tx.execute(
        "DELETE FROM changes WHERE changed_at < $1",
        vec![Value::from(before)],
    )
    .await
}
