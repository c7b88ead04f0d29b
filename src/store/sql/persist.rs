//! Storing a write planned against the in-memory model (an [`Effect`]): its after-images and
//! removals, in one transaction, refused when the database moved on since the model was
//! loaded.

use chrono::{DateTime, Utc};

use super::changes;
use super::portable::Tx;
use super::rows::{self, Provenance};
use crate::domain::Id;
use crate::store::{Effect, Entity, StoreError, TripState};

/// Stores `planned` in the transaction `seq`, which the caller opened with the model at
/// change `seq - 1`. An after-image at version 1 is new and inserted; any other replaces the
/// row at the version before it. Items the effect marks curated stop being `extracted`
/// (re-extraction leaves them alone); removed extracted items leave a tombstone. Returns
/// what it touched.
pub async fn persist(
    tx: &mut Tx,
    seq: i64,
    planned: &Effect,
    now: DateTime<Utc>,
) -> Result<Vec<(Entity, Id)>, StoreError> {
    let mut touched = Vec::new();
    let by_user = |id: Id| planned.curated.contains(&id);
    for stored in &planned.trips {
        write_trip(tx, stored, by_user(stored.trip.id), now).await?;
        touched.push((Entity::Trip, stored.trip.id));
    }
    for leg in &planned.legs {
        let written = if leg.version == 1 {
            rows::insert_leg(tx, leg, &Provenance::created(), now).await?;
            true
        } else {
            rows::update_leg(tx, leg, leg.version - 1, by_user(leg.id), now).await?
        };
        check(tx, written, Entity::Leg, leg.id, leg.version).await?;
        touched.push((Entity::Leg, leg.id));
    }
    for meeting in &planned.meetings {
        let written = if meeting.version == 1 {
            rows::insert_meeting(tx, meeting, &Provenance::created(), now).await?;
            true
        } else {
            rows::update_meeting(tx, meeting, meeting.version - 1, by_user(meeting.id), now).await?
        };
        check(tx, written, Entity::Meeting, meeting.id, meeting.version).await?;
        touched.push((Entity::Meeting, meeting.id));
    }
    let removed = [
        (Entity::Leg, &planned.removed_legs),
        (Entity::Meeting, &planned.removed_meetings),
        (Entity::Trip, &planned.removed_trips),
    ];
    for (entity, ids) in removed {
        for &id in ids {
            touched.extend(changes::remove(tx, entity, id, now).await?);
        }
    }
    changes::raise_last_id(tx, planned.next_id).await?;
    changes::log(tx, seq, &touched, now).await?;
    Ok(touched)
}

/// Inserts or updates a trip; `by_user` marks an extracted trip as edited.
async fn write_trip(
    tx: &mut Tx,
    stored: &TripState,
    by_user: bool,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let trip = &stored.trip;
    if trip.version == 1 {
        rows::insert_trip(tx, stored, &Provenance::created(), now).await?;
        return Ok(());
    }
    let written = rows::update_trip(tx, stored, trip.version - 1, by_user, now).await?;
    check(tx, written, Entity::Trip, trip.id, trip.version).await
}

/// Turns an update that matched no row into `Missing` or `VersionMismatch`.
async fn check(
    tx: &mut Tx,
    written: bool,
    entity: Entity,
    id: Id,
    version: i64,
) -> Result<(), StoreError> {
    if written {
        return Ok(());
    }
    let expected = version - 1;
    Err(match changes::version_of(tx, entity, id).await? {
        None => StoreError::Missing {
            kind: entity.name(),
            id,
        },
        Some(actual) => StoreError::VersionMismatch {
            kind: entity.name(),
            id,
            expected,
            actual,
        },
    })
}
