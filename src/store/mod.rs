//! The store: an in-memory read model of documents, trips, legs and meetings.
//! Depends on `domain` only.

mod memory;

pub use memory::{Store, Upserted};

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{kind} {id} does not exist")]
    Missing {
        kind: &'static str,
        id: crate::domain::Id,
    },
}
