//! The store: an in-memory read model of documents, trips, legs and meetings (`memory`), and
//! the durable backend writes go to first (`sql`). Depends on `domain` only.

mod change;
mod documents;
pub mod keys;
mod memory;
pub mod sql;

pub use change::{ChangeSet, Entity, Item};
pub use documents::{DocumentOrigin, StoredDocument, content_hash};
pub use memory::{Store, Upserted};

use crate::domain::Id;

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{kind} {id} does not exist")]
    Missing { kind: &'static str, id: Id },
    #[error("{kind} {id} is at version {actual}, not {expected}")]
    VersionMismatch {
        kind: &'static str,
        id: Id,
        expected: i64,
        actual: i64,
    },
    #[error("trip {0} does not exist")]
    UnknownTrip(Id),
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
