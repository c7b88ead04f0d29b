//! The store: the in-memory model of trips, legs and meetings that every read is served from
//! (`memory`), the one place writes go through, and the durable backend writes go to first
//! (`sql`). Depends on `domain` only.
//!
//! # Writes, and where a durable backend joins in
//! Every write is one `Store` method (`create_trip`, `patch_leg`, `delete_meeting`, ...) that
//! runs [`Store`]'s private `commit`: under the write lock, the write is *planned* against
//! the current model (an [`Effect`]: validation, `trip_id` checks, `If-Match` versions, new
//! ids, renumbered legs, re-derived trip fields, cascades) and the effect is *applied* to
//! memory. Planning never mutates, applying never fails, so a failed write changes nothing.
//!
//! A durable backend persists the `Effect` between the two steps: the after-images of every
//! item it touches ([`TripState`] carries a trip's pinned dates) and the ids it removes. With
//! an async backend, `commit` becomes: serialize writers (an async mutex), plan under the
//! read lock, persist and commit the transaction, then apply under the write lock; the lock
//! is never held across `.await`. What the backend reads back after its commit (a
//! [`ChangeSet`], also what a poll of its change log or the start-up snapshot yields) goes
//! in through [`Store::apply_changes`].

mod change;
mod documents;
mod index;
pub mod keys;
mod memory;
mod order;
mod plan;
mod query;
pub mod sql;
mod text;

pub use change::{ChangeSet, Entity};
pub use documents::{DocumentOrigin, StoredDocument, content_hash};
pub use memory::{DocumentError, Ingested, Store, Upserted};
pub use plan::{DatePins, Effect, Precondition, TripState};
pub use query::{
    Day, LegFilter, Listing, MeetingFilter, Page, Sort, TimelineEvent, TimelineFilter, TripDetail,
    TripFilter,
};
pub use text::{EmptyQuery, TextQuery, words};

use crate::domain::{Id, Invalid};

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No item of that kind has that id.
    #[error("{kind} {id} does not exist")]
    Missing { kind: &'static str, id: Id },
    /// The client's `If-Match` (or the writer's expectation) names a version that is no
    /// longer current.
    #[error("{kind} {id} has changed: it is at version {actual}, not {expected}")]
    VersionMismatch {
        kind: &'static str,
        id: Id,
        expected: i64,
        actual: i64,
    },
    /// A leg or meeting names a trip that does not exist.
    #[error("trip {0} does not exist")]
    UnknownTrip(Id),
    /// The written item would be invalid (after merging a patch, or against the model).
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// The write collides with the state of the store (a concurrent change, a constraint).
    #[error("the write conflicts with stored data ({0})")]
    Conflict(String),
    #[error("database error: {0}")]
    Database(sqlx::Error),
}

impl From<sqlx::Error> for StoreError {
    /// The one place SQL constraint violations become `Conflict`, named by their constraint.
    fn from(error: sqlx::Error) -> Self {
        let constraint = match &error {
            sqlx::Error::Database(db) => match db.kind() {
                sqlx::error::ErrorKind::Other => None,
                _ => Some(
                    db.constraint()
                        .map_or_else(|| db.message().to_owned(), str::to_owned),
                ),
            },
            _ => None,
        };
        match constraint {
            Some(name) => Self::Conflict(name),
            None => Self::Database(error),
        }
    }
}
